package facts

// ParseFigure reads one figure as written in a language ("at least 59",
// "пять часов" gives 5, "fünf", "1,5 млн", "more than 50") and returns its
// value and qualifier. Words after the figure are ignored; ok is false when
// the text does not start with a figure (after a qualifier). It is the
// parser the claims are read with, exposed for tests and fuzzing.
func ParseFigure(language, text string) (value float64, qualifier string, ok bool) {
	r := resourcesFor(language)
	if r == nil {
		return 0, "", false
	}
	toks := tokenize(text)
	i := 0
	for _, p := range r.qualBefore {
		if matchAt(toks, 0, p.words) {
			qualifier, i = p.value, len(p.words)
			break
		}
	}
	f, ok := r.figureAt(toks, i)
	if !ok {
		return 0, "", false
	}
	if q := r.qualifierAfter(toks, f.next); q != "" && qualifier == "" {
		qualifier = q
	}
	return f.value, qualifier, true
}
