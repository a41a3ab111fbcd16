package feed

import (
	"bytes"
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/feed/feedtest"
)

func benchParse(b *testing.B, elem ...string) {
	data := openShared(b, elem...)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data), "https://bench.example/feed"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseGuardianRSS(b *testing.B) { benchParse(b, "rss-parser", "guardian.rss") }
func BenchmarkParseTPMAtom(b *testing.B)     { benchParse(b, "node-feedparser", "tpm.atom") }

func BenchmarkCanonicalURL(b *testing.B) {
	const u = "HTTPS://www.Example.com:443/world/2025/jul/10/story-slug?utm_source=rss&utm_medium=feed&id=42&CMP=share#comments"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CanonicalURL(u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPoll measures one full pass over 50 local feeds of 50 items
// each, every item new (a fresh store each iteration).
func BenchmarkPoll(b *testing.B) {
	srv := feedtest.NewServer(50, 50)
	defer srv.Close()
	b.ReportAllocs()
	for b.Loop() {
		p := localPoller(newMemStore(srv.URLs()...), PollerOptions{})
		sum, err := p.Poll(context.Background(), PollOptions{Force: true})
		if err != nil || sum.New != 50*50 {
			b.Fatalf("%s, %v", sum, err)
		}
	}
}
