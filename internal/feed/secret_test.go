package feed

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
)

// TestRelativeLinksDropFeedPassword: item links relative to a feed URL
// that carries user:password are resolved without them; a link that names
// its own host keeps what it says.
func TestRelativeLinksDropFeedPassword(t *testing.T) {
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>/news/1</link><guid>g1</guid><description>Summary one.</description></item>
<item><title>Two</title><link>news/2</link><guid>g2</guid><description>Summary two.</description></item>
<item><title>Three</title><link>https://other.example/3</link><guid>g3</guid><description>Summary three.</description></item>
</channel></rss>`
	f, err := Parse(strings.NewReader(doc), "https://reader:s3cretpw@feeds.example/rss/all.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://feeds.example/news/1", "https://feeds.example/rss/news/2", "https://other.example/3"}
	if len(f.Items) != len(want) {
		t.Fatalf("%d items", len(f.Items))
	}
	for i, it := range f.Items {
		if it.URL != want[i] {
			t.Errorf("item %d: %q; want %q", i, it.URL, want[i])
		}
	}
}

// TestResultJSONMasksPassword: a poll result marshalled (poll --json)
// masks the passwords of its URLs and messages.
func TestResultJSONMasksPassword(t *testing.T) {
	r := Result{URL: "https://reader:s3cretpw@feeds.example/rss", NewURL: "https://reader:s3cretpw@feeds.example/new",
		Outcome: Failed, Err: errors.New("x"), Error: "fetch https://reader:s3cretpw@feeds.example/rss: refused",
		Warning: "moved from https://reader:s3cretpw@feeds.example/old"}
	b, err := json.Marshal(Summary{Results: []Result{r}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "s3cretpw") || !strings.Contains(string(b), "https://reader:xxxxx@feeds.example/rss") {
		t.Errorf("JSON: %s", b)
	}
	if r.URL != "https://reader:s3cretpw@feeds.example/rss" {
		t.Errorf("the Result's own URL changed: %s", r.URL)
	}
}

func TestResolveDropsBasePassword(t *testing.T) {
	base, err := url.Parse("https://reader:s3cretpw@feeds.example/rss/all.xml")
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string]string{
		"/news/1":                       "https://feeds.example/news/1",
		"news/2":                        "https://feeds.example/rss/news/2",
		"?page=2":                       "https://feeds.example/rss/all.xml?page=2",
		"//cdn.example/a":               "https://cdn.example/a",
		"https://u:own@other.example/3": "https://u:own@other.example/3",
		"https://other.example/4":       "https://other.example/4",
		"mailto:someone@feeds.example":  "",
	} {
		if got := resolve(base, ref); got != want {
			t.Errorf("resolve(%q) = %q; want %q", ref, got, want)
		}
	}
}
