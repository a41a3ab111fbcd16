package cluster

// ranked is an item with a score; ties are broken by the smaller id.
type ranked struct {
	id int32
	s  float64
}

// before reports whether a ranks ahead of b.
func before(a, b ranked) bool {
	if a.s != b.s {
		return a.s > b.s
	}
	return a.id < b.id
}

// topK returns the k best of items, best first, in O(n log k). It reorders
// nothing in items.
func topK(items []ranked, k int) []ranked {
	if k <= 0 {
		return nil
	}
	// h is a heap whose root is the worst of the best k kept so far.
	h := make([]ranked, 0, min(k, len(items)))
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			w := l
			if r := l + 1; r < len(h) && before(h[w], h[r]) {
				w = r
			}
			if !before(h[i], h[w]) {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for _, it := range items {
		if len(h) < k {
			h = append(h, it)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !before(h[p], h[i]) {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
			continue
		}
		if before(it, h[0]) {
			h[0] = it
			down(0)
		}
	}
	// Pop the worst repeatedly to fill the result from the back.
	out := make([]ranked, len(h))
	for i := len(h) - 1; i >= 0; i-- {
		out[i] = h[0]
		h[0] = h[len(h)-1]
		h = h[:len(h)-1]
		down(0)
	}
	return out
}
