package entity

import (
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/lang"
)

// skeletons caches lang.NameSkeleton for givenCompatible. The registry
// compares every pair of given names under a surname each time it
// regroups that surname, so the same few thousand given names were
// folded again for every pair (a third of the registry's time on the
// Reuters bench). The skeleton is a pure function of the name; the cache
// holds at most 1<<16 names and starts again when full.
var skeletons = struct {
	sync.Mutex
	m map[string]string
}{m: make(map[string]string)}

// skeleton returns lang.NameSkeleton(name), from the cache when it can.
func skeleton(name string) string {
	skeletons.Lock()
	s, ok := skeletons.m[name]
	skeletons.Unlock()
	if ok {
		return s
	}
	s = lang.NameSkeleton(name)
	skeletons.Lock()
	if len(skeletons.m) >= 1<<16 {
		clear(skeletons.m)
	}
	skeletons.m[strings.Clone(name)] = s
	skeletons.Unlock()
	return s
}
