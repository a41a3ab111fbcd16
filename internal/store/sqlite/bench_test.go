package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// BenchmarkPutArticles stores batches of 500 new articles of realistic size
// into a growing database (storetest.BenchPutArticles, as for postgres).
func BenchmarkPutArticles(b *testing.B) {
	storetest.BenchPutArticles(b, func(b *testing.B) store.Store {
		return open(b, filepath.Join(b.TempDir(), "bench.db"))
	})
}

// BenchmarkSearch runs a two-word query over a few thousand articles.
func BenchmarkSearch(b *testing.B) {
	storetest.BenchSearch(b, func(b *testing.B) store.Store {
		return open(b, filepath.Join(b.TempDir(), "bench.db"))
	})
}

// BenchmarkPendingArticles asks for the next 1,000 pending articles of a
// database where 9,000 of 10,000 are analysed, as the analysis does
// before every batch. Its cost must not grow with what is analysed.
func BenchmarkPendingArticles(b *testing.B) {
	ctx := b.Context()
	db := open(b, filepath.Join(b.TempDir(), "bench.db"))
	const total, analysed = 10000, 9000
	body := strings.Repeat("The committee met on Tuesday and agreed to publish its figures next month. ", 10)
	mentions := make([]news.Mention, 20)
	for i := range mentions {
		mentions[i] = news.Mention{EntityID: fmt.Sprintf("e%04d", i), Text: "Someone Named", Start: 10 * i, End: 10*i + 13, Form: "name"}
	}
	for start := 0; start < total; start += 500 {
		arts := make([]news.Article, 500)
		var batch store.AnalysisBatch
		for i := range arts {
			n := start + i
			arts[i] = news.Article{ID: fmt.Sprintf("a%05d", n), Title: fmt.Sprintf("Report %d", n), Text: body}
			if n < analysed {
				batch.Articles = append(batch.Articles, store.ArticleAnalysis{ArticleID: arts[i].ID, StoryID: "s", Mentions: mentions})
			}
		}
		if _, err := db.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		if err := db.SaveAnalysis(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		got, err := db.PendingArticles(ctx, 1000)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != total-analysed || got[0].ID != fmt.Sprintf("a%05d", analysed) {
			b.Fatalf("got %d pending, first %q; want %d from a%05d", len(got), got[0].ID, total-analysed, analysed)
		}
	}
}

// BenchmarkSaveAnalysis saves batches shaped like the Reuters bench's
// (500 articles with mentions, time expressions and quotes, the stories,
// storylines and entities they changed) into a growing database: the
// writes the analysis pays for every batch.
func BenchmarkSaveAnalysis(b *testing.B) {
	ctx := b.Context()
	db := open(b, filepath.Join(b.TempDir(), "bench.db"))
	body := strings.Repeat("The committee met on Tuesday and agreed to publish its figures next month. ", 10)
	const per = 500
	next := 0
	for b.Loop() {
		b.StopTimer()
		arts := make([]news.Article, per)
		var batch store.AnalysisBatch
		for i := range arts {
			n := next + i
			arts[i] = news.Article{ID: fmt.Sprintf("a%07d", n), Title: fmt.Sprintf("Report %d", n), Text: body}
			aa := store.ArticleAnalysis{ArticleID: arts[i].ID, StoryID: fmt.Sprintf("s%06d", n/4), AnalysedChars: len(body)}
			for j := range 12 {
				aa.Mentions = append(aa.Mentions, news.Mention{EntityID: fmt.Sprintf("e%05d", (n*7+j)%20000), Text: "Someone Named", Start: 10 * j, End: 10*j + 13, Form: "name"})
			}
			for j := range 3 {
				aa.Quotes = append(aa.Quotes, news.Quote{Text: "We will publish the figures next month, as agreed.", Speaker: "Someone Named",
					SpeakerID: fmt.Sprintf("e%05d", (n+j)%20000), SpeakerText: "Named", SpeakerStart: 5, SpeakerEnd: 10, Cue: "said", Direct: j%2 == 0, Start: 40 * j, End: 40*j + 50})
			}
			batch.Articles = append(batch.Articles, aa)
		}
		for i := range per / 4 {
			sid := fmt.Sprintf("s%06d", (next+4*i)/4)
			batch.Stories = append(batch.Stories, news.Story{ID: sid, Title: "Committee to publish figures", StorylineID: "l" + sid,
				ArticleIDs: []string{arts[4*i].ID, arts[4*i+1].ID, arts[4*i+2].ID, arts[4*i+3].ID}, Outlets: []string{"Reuters"}})
			batch.Storylines = append(batch.Storylines, news.Storyline{ID: "l" + sid, Label: "committee figures", StoryIDs: []string{sid}})
		}
		for i := range 400 {
			id := fmt.Sprintf("e%05d", (next*3+i*37)%20000)
			batch.Entities = append(batch.Entities, news.Entity{ID: id, Name: "Someone Named " + id, Kind: "person",
				Aliases: []string{"Named", "Mr Named"}, Mentions: next/100 + i, Titles: []string{"chairman"}, Key: "someone named " + id})
			batch.EntityIDs = map[string]string{"x" + id: id}
		}
		if _, err := db.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		next += per
		b.StartTimer()
		if err := db.SaveAnalysis(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}
