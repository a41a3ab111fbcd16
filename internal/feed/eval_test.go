package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestEvaluateSharedFeeds(t *testing.T) {
	rep, err := Evaluate(context.Background(), sharedtest.Dir(t, "corpus", "feeds"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files < 50 || rep.Parsed+rep.Failed != rep.Files || rep.Failed > 2 {
		t.Errorf("files %d, parsed %d, failed %d", rep.Files, rep.Parsed, rep.Failed)
	}
	if rep.Items == 0 || rep.ItemsWithURL > rep.Items || rep.ItemsFullContent+rep.ItemsNeedPage != rep.ItemsWithURL {
		t.Errorf("item counts inconsistent: %+v", rep)
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "guardian.rss") {
		t.Errorf("text report lacks per-file lines:\n%s", text.String())
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"files"`, `"parsed"`, `"items_with_url"`, `"items_need_page"`, `"per_file"`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("JSON lacks %s", key)
		}
	}
	t.Logf("%d files, %d parsed, %d items, %d with URL, %d with date, %d full", rep.Files, rep.Parsed, rep.Items, rep.ItemsWithURL, rep.ItemsWithDate, rep.ItemsFullContent)
}

func TestEvaluateMissingDir(t *testing.T) {
	if _, err := Evaluate(context.Background(), t.TempDir()+"/nope"); err == nil {
		t.Error("no error for a missing folder")
	}
}
