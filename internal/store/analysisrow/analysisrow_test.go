package analysisrow

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func TestRead(t *testing.T) {
	data, err := json.Marshal(Data{
		Mentions: []news.Mention{{EntityID: "local1"}, {EntityID: "local2"}},
		Timexes:  []news.Timex{{Value: "2025-08-15"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var asked store.QuoteQuery
	l := Lookups{
		Resolve: func(_ context.Context, kind, id string) (string, error) {
			if kind != "story" || id != "s-old" {
				t.Errorf("Resolve(%q, %q)", kind, id)
			}
			return "s-new", nil
		},
		Canonical: func(_ context.Context, ids []string) (map[string]string, error) {
			return map[string]string{"local1": "e1"}, nil
		},
		Quotes: func(_ context.Context, q store.QuoteQuery) ([]news.Quote, error) {
			asked = q
			return []news.Quote{{Text: "q"}}, nil
		},
	}
	out := store.ArticleAnalysis{ArticleID: "a", StoryID: "s-old"}
	if err := Read(t.Context(), &out, data, l); err != nil {
		t.Fatal(err)
	}
	if out.StoryID != "s-new" || out.Mentions[0].EntityID != "e1" || out.Mentions[1].EntityID != "local2" ||
		len(out.Timexes) != 1 || len(out.Quotes) != 1 || asked.ArticleID != "a" {
		t.Errorf("Read = %+v (quotes asked %+v)", out, asked)
	}

	// No story: nothing to resolve.
	l.Resolve = func(context.Context, string, string) (string, error) { return "", errors.New("resolve called") }
	out = store.ArticleAnalysis{ArticleID: "a"}
	if err := Read(t.Context(), &out, data, l); err != nil || out.StoryID != "" {
		t.Errorf("Read without a story: %+v, %v", out, err)
	}
	if err := Read(t.Context(), &out, []byte("{"), l); err == nil || !strings.HasPrefix(err.Error(), "analysis of a: ") {
		t.Errorf("Read of broken JSON: %v", err)
	}
}

func TestQuote(t *testing.T) {
	data, _ := json.Marshal(news.Quote{Speaker: "Zelenskyy", SpeakerID: "local", Text: "q"})
	q, err := Quote(data, "e1", "Volodymyr Zelensky")
	if err != nil || q.SpeakerID != "e1" || q.Speaker != "Volodymyr Zelensky" {
		t.Errorf("Quote = %+v, %v", q, err)
	}
	q, err = Quote(data, "local", "")
	if err != nil || q.SpeakerID != "local" || q.Speaker != "Zelenskyy" {
		t.Errorf("Quote of no known entity = %+v, %v", q, err)
	}
}
