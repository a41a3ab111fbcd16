package cluster

import (
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestDebugClusters(t *testing.T) {
	if os.Getenv("PARALLAX_DEBUG") == "" {
		t.Skip()
	}
	docs, _ := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	docs = chronological(docs)
	day := 24 * time.Hour
	c := New(Config{Threshold: 0.25, DecayFloor: 0.7, HalfLife: 10 * day, Window: 365 * day, EntityWeight: 0.5, TitleWeight: 3, MergeThreshold: 0.3, QueryTerms: 30})
	ix := dedup.NewIndex(dedup.Options{})
	gold := map[string]string{}
	title := map[string]string{}
	for _, d := range docs {
		gold[d.ID] = d.Event
		title[d.ID] = d.Title
		m := ix.Add(dedup.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Published: d.Published})
		doc := d.Doc
		if m.Group != d.ID {
			doc.DuplicateOf = m.Group
		}
		c.Add(doc)
	}
	byEv := map[string]map[string][]string{}
	for _, s := range c.Stories() {
		for _, a := range s.ArticleIDs {
			if byEv[gold[a]] == nil {
				byEv[gold[a]] = map[string][]string{}
			}
			byEv[gold[a]][s.ID] = append(byEv[gold[a]][s.ID], a)
		}
	}
	evs := []string{}
	for e := range byEv {
		evs = append(evs, e)
	}
	sort.Strings(evs)
	for _, e := range evs {
		if len(byEv[e]) < 2 {
			continue
		}
		fmt.Printf("== event %s split in %d\n", e, len(byEv[e]))
		for sid, as := range byEv[e] {
			s, _ := c.Story(sid)
			fmt.Printf("  story %s (%d arts, terms %v)\n", sid, len(s.ArticleIDs), s.Terms)
			for _, a := range as {
				fmt.Printf("     %.70s\n", title[a])
			}
		}
	}
	fmt.Println("#### impure stories")
	for _, s := range c.Stories() {
		evc := map[string]int{}
		for _, a := range s.ArticleIDs {
			evc[gold[a]]++
		}
		if len(evc) > 1 {
			fmt.Printf("story %s %v %v\n", s.Title, evc, s.Terms)
			for _, a := range s.ArticleIDs {
				fmt.Printf("     [%s] %.70s\n", gold[a], title[a])
			}
		}
	}
}
