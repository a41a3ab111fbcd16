package lang

import (
	"fmt"
	"sync"
	"testing"
)

// TestNameKeyCache checks that the cached NameKey gives what nameKey
// computes, on first and later calls, from several goroutines, and after
// the cache has started again.
func TestNameKeyCache(t *testing.T) {
	names := []string{"Vladimir Putin", "Путина", "Zelenskyy's", "Selenskyj", "O'Rourke", "Jean-Claude Juncker", "Łukasz", "", "1984", "Уиткофф"}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(names)*3)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, n := range names {
					if got, want := NameKey(n), nameKey(n); got != want {
						errs <- fmt.Sprintf("goroutine %d: NameKey(%q) = %q, want %q", g, n, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for i := range nameKeyCacheMax + 10 {
		NameKey(fmt.Sprintf("Name%d", i))
	}
	nameKeys.mu.RLock()
	n := len(nameKeys.m)
	nameKeys.mu.RUnlock()
	if n > nameKeyCacheMax {
		t.Errorf("cache holds %d names, more than %d", n, nameKeyCacheMax)
	}
	for _, n := range names {
		if got, want := NameKey(n), nameKey(n); got != want {
			t.Errorf("after a restart: NameKey(%q) = %q, want %q", n, got, want)
		}
	}
}

// BenchmarkNameKey keys names that repeat, as an article's entities do,
// through the cache and without it.
func BenchmarkNameKey(b *testing.B) {
	names := []string{"Vladimir Putin", "Путина", "Donald Trump", "Federal Reserve", "Zelenskiy", "European Union", "Reuters", "Bank of Japan"}
	for _, bc := range []struct {
		name string
		fn   func(string) string
	}{{"cached", NameKey}, {"computed", nameKey}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, n := range names {
					bc.fn(n)
				}
			}
		})
	}
}
