package cluster

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/reuters"
	"github.com/parallax-news/parallax/internal/reuters/reuterstest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// parseReutersDate reads dates like "26-FEB-1987 15:01:01.79".
func parseReutersDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 6 {
		// Month names are upper case in the collection: "FEB" -> "Feb".
		if i := strings.IndexByte(s, '-'); i > 0 && len(s) > i+4 {
			s = s[:i+2] + strings.ToLower(s[i+2:i+4]) + s[i+4:]
		}
	}
	return time.Parse("2-Jan-2006 15:04:05.00", s)
}

func TestParseReutersDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.79Z", true},
		{" 5-MAR-1987 09:10:00.00", "1987-03-05T09:10:00Z", true},
		{"garbage", "", false},
		{"", "", false},
	} {
		got, err := parseReutersDate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("%q: err %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && got.Format(time.RFC3339Nano) != tc.want {
			t.Errorf("%q: got %s, want %s", tc.in, got.Format(time.RFC3339Nano), tc.want)
		}
	}
}

// replicated yields n articles from the Reuters collection, replica k of a
// story getting ID "k-NEWID", its date shifted by k years and a line naming
// the replica (so that dedup does not fold replicas as exact copies).
type replicated struct {
	base  []reuters.Story
	texts []string
	dates []time.Time
}

func loadReuters(tb testing.TB) replicated {
	tb.Helper()
	stories, err := reuterstest.Dir(sharedtest.Dir(tb, "corpus", "reuters21578"))
	if err != nil {
		tb.Fatal(err)
	}
	r := replicated{base: stories, texts: make([]string, len(stories)), dates: make([]time.Time, len(stories))}
	for i, s := range stories {
		r.texts[i] = s.Text()
		r.dates[i], _ = parseReutersDate(s.Date) // undated stays zero: marked, not dropped
	}
	return r
}

func (r replicated) doc(i int) Doc {
	k, j := i/len(r.base), i%len(r.base)
	s := r.base[j]
	d := Doc{
		ID:     strconv.Itoa(k) + "-" + s.ID,
		Title:  s.Title,
		Text:   r.texts[j] + "\n\nReplica " + strconv.Itoa(k+100) + ".",
		Outlet: "reuters",
	}
	if !r.dates[j].IsZero() {
		d.Published = r.dates[j].AddDate(k, 0, 0)
	}
	return d
}

// BenchmarkClusterReuters runs dedup and clustering over the Reuters
// collection replicated to PARALLAX_BENCH_N articles (default 20,000) and
// reports articles per second, peak heap, and the cost per article in the
// first and last tenth of the stream (flat growth keeps them close).
func BenchmarkClusterReuters(b *testing.B) {
	n := 20000
	if v := os.Getenv("PARALLAX_BENCH_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("PARALLAX_BENCH_N=%q: want a positive number", v)
		}
	}
	r := loadReuters(b)
	cpu0 := cpuTime()
	b.ResetTimer()
	var peak uint64
	var first, last, cpuFirst, cpuLast time.Duration
	var stories int
	for range b.N {
		c := New(Config{})
		run := NewRunner(dedup.NewIndex(dedup.Options{}), c, 0)
		tenth := max(n/10, 1)
		var ms runtime.MemStats
		mark, cpuMark := time.Now(), cpuTime()
		batch := make([]Doc, 0, 4096)
		for i := 0; i < n; {
			batch = batch[:0]
			for ; i < n && len(batch) < cap(batch) && (len(batch) == 0 || i%tenth != 0); i++ {
				batch = append(batch, r.doc(i))
			}
			if _, err := run.Run(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			if i%tenth == 0 {
				now, cpuNow := time.Now(), cpuTime()
				if i == tenth {
					first, cpuFirst = now.Sub(mark), cpuNow-cpuMark
				}
				last, cpuLast = now.Sub(mark), cpuNow-cpuMark
				fmt.Fprintf(os.Stderr, "  %d articles: %.0f ns/article wall, %.0f ns/article CPU in this tenth\n", i,
					float64(last.Nanoseconds())/float64(tenth), float64(cpuLast.Nanoseconds())/float64(tenth))
				mark, cpuMark = now, cpuNow
				b.StopTimer()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
				b.StartTimer()
			}
		}
		stories = len(c.Stories())
	}
	cpu := cpuTime() - cpu0
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(n*b.N)/secs, "articles/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	tenth := float64(max(n/10, 1))
	b.ReportMetric(float64(first.Nanoseconds())/tenth, "ns/article-first10%")
	b.ReportMetric(float64(last.Nanoseconds())/tenth, "ns/article-last10%")
	b.ReportMetric(float64(cpuFirst.Nanoseconds())/tenth, "cpu-ns/article-first10%")
	b.ReportMetric(float64(cpuLast.Nanoseconds())/tenth, "cpu-ns/article-last10%")
	b.ReportMetric(float64(stories), "stories")
	b.ReportMetric(0, "ns/op")
	fmt.Fprintf(os.Stderr, "reuters bench: n=%d stories=%d\n", n, stories)
}

// cpuTime returns the user and system CPU time of the process so far: on a
// shared machine wall-clock throughput also measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPrepareBatches prepares the first 5,000 Reuters stories the
// way the analysis does: a new Analyzer for every batch of 1,000.
func BenchmarkPrepareBatches(b *testing.B) {
	r := loadReuters(b)
	n := min(5000, len(r.base))
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = r.doc(i)
	}
	for b.Loop() {
		var a *Analyzer
		for i, d := range docs {
			if i%1000 == 0 {
				a = NewAnalyzer(Config{})
			}
			a.Prepare(d)
		}
	}
}
