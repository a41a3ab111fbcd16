package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
)

func TestSkeletonCached(t *testing.T) {
	names := []string{"steve", "стивен", "jared", "джаред", "", "mary ann", "Вольфганг", "steve"}
	for range 2 { // the second pass reads the cache
		for _, n := range names {
			if got, want := skeleton(n), lang.NameSkeleton(n); got != want {
				t.Errorf("skeleton(%q) = %q, want %q", n, got, want)
			}
		}
	}
}

// BenchmarkGivenCompatible compares every pair of a few given names, as
// a regroup of one surname does.
func BenchmarkGivenCompatible(b *testing.B) {
	given := []string{"james", "jim", "jimmy", "john", "jon", "jonathan", "joan", "jane", "джеймс", "джон"}
	for b.Loop() {
		for _, x := range given {
			for _, y := range given {
				givenCompatible(x, y)
			}
		}
	}
}
