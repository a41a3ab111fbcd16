package sentence

import "unicode/utf8"

// RuneOffsets returns a function converting byte offsets of text to code
// point offsets, the unit labelled sets count in; offsets outside the text
// are clamped to it.
func RuneOffsets(text string) func(int) int {
	idx := make([]int, len(text)+1)
	n := 0
	for i := range text {
		for k := i; k < len(text) && (k == i || !utf8.RuneStart(text[k])); k++ {
			idx[k] = n
		}
		n++
	}
	idx[len(text)] = n
	return func(b int) int {
		if b < 0 {
			return 0
		}
		if b > len(text) {
			b = len(text)
		}
		return idx[b]
	}
}
