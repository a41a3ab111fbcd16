package quote

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/sentence"
)

// Report is the result of Evaluate on a PolNeAR folder. The JSON names are
// the ones the evaluation command prints.
type Report struct {
	// Articles is the number of texts evaluated; AnnotationFiles the number
	// of annotation files (an article annotated twice counts twice in every
	// figure below).
	Articles        int `json:"articles"`
	AnnotationFiles int `json:"annotation_files"`

	// Direct quotes: gold Content spans that contain quotation marks.
	GoldDirect         int     `json:"gold_direct"`
	PredictedDirect    int     `json:"predicted_direct"`
	DetectionPrecision float64 `json:"detection_precision"`
	DetectionRecall    float64 `json:"detection_recall"`
	DetectionF1        float64 `json:"detection_f1"`
	// SpeakerAccuracy is the share of matched gold direct quotes whose best
	// matching prediction names the gold source.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`

	// All attributions, direct and indirect.
	GoldAll               int     `json:"gold_all"`
	PredictedAll          int     `json:"predicted_all"`
	AllDetectionPrecision float64 `json:"all_detection_precision"`
	AllDetectionRecall    float64 `json:"all_detection_recall"`
	AllDetectionF1        float64 `json:"all_detection_f1"`
	AllSpeakerAccuracy    float64 `json:"all_speaker_accuracy"`

	// Unresolved counts predicted quotes left without a speaker.
	Unresolved int `json:"unresolved"`
}

// WriteText writes the report for people.
func (r Report) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, `PolNeAR attribution evaluation: %d articles, %d annotation files
direct quotes:    gold %d, predicted %d
  detection       P %.3f  R %.3f  F1 %.3f
  speaker         accuracy %.3f (on matched quotes)
all attributions: gold %d, predicted %d
  detection       P %.3f  R %.3f  F1 %.3f
  speaker         accuracy %.3f (on matched attributions)
predicted quotes without a speaker: %d
`, r.Articles, r.AnnotationFiles,
		r.GoldDirect, r.PredictedDirect, r.DetectionPrecision, r.DetectionRecall, r.DetectionF1, r.SpeakerAccuracy,
		r.GoldAll, r.PredictedAll, r.AllDetectionPrecision, r.AllDetectionRecall, r.AllDetectionF1, r.AllSpeakerAccuracy,
		r.Unresolved)
	return err
}

// Evaluate runs Find over every article of a PolNeAR folder (dir holds
// text/ and attributions/) and scores it against the annotations, as the
// folder's README defines: a prediction matches a gold Content span when
// they overlap by at least half of the shorter; precision is the share of
// predictions matching some gold span, recall the share of gold spans
// matched by some prediction; speaker accuracy is measured on matched gold
// spans, with the best-overlapping prediction, and counts a speaker right
// when it names the gold Source (for a pronoun Source, the nearest preceding
// named Source of the same annotation file stands for its referent).
//
// It returns an error naming the file when the folder or an annotation
// cannot be read or parsed, and ctx.Err() when cancelled.
func Evaluate(ctx context.Context, dir string) (Report, error) {
	return EvaluateN(ctx, dir, 0)
}

// EvaluateN is Evaluate on the first limit annotation files in name order
// (all when limit <= 0).
func EvaluateN(ctx context.Context, dir string, limit int) (Report, error) {
	return EvaluateRange(ctx, dir, 0, limit)
}

// EvaluateRange is Evaluate on the annotation files from index from up to
// (not including) to in name order; to <= 0 means to the end. It is how the
// dev split is halved to check that a change generalizes.
func EvaluateRange(ctx context.Context, dir string, from, to int) (Report, error) {
	return evaluate(ctx, dir, from, to, nil)
}

// speakerCheck is one scored speaker, for reading errors one by one.
type speakerCheck struct {
	file           string
	gold, goldRaw  string
	pred, predText string
	right, direct  bool
	matched        bool // a prediction matched the gold attribution
	directTally    bool // scored in the direct-quote tally (else all)
	cue, content   string
}

func evaluate(ctx context.Context, dir string, from, to int, onSpeaker func(speakerCheck)) (Report, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return Report{}, fmt.Errorf("evaluate %s: %w", dir, err)
	}
	if len(anns) == 0 {
		return Report{}, fmt.Errorf("evaluate %s: no attributions/*.ann files", dir)
	}
	sort.Strings(anns)
	if to > 0 && to < len(anns) {
		anns = anns[:to]
	}
	if from > 0 {
		anns = anns[min(from, len(anns)):]
	}
	authors, err := readAuthors(filepath.Join(dir, "metadata.tsv"))
	if err != nil {
		return Report{}, err
	}
	var rep Report
	var direct, all tally
	type found struct {
		quotes []Quote
		runeOf func(int) int
		runes  []rune
	}
	cache := map[string]found{}
	for _, ann := range anns {
		if err := ctx.Err(); err != nil {
			return Report{}, err
		}
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		name := base
		if k := strings.LastIndexByte(base, '_'); k > 0 {
			name = base[:k]
		}
		f, ok := cache[name]
		if !ok {
			path := filepath.Join(dir, "text", name+".txt")
			b, err := os.ReadFile(path)
			if err != nil {
				return Report{}, fmt.Errorf("evaluate: read text for %s: %w", ann, err)
			}
			text := string(b)
			ents, ms := entity.Extract(text)
			qs, probs := FindByAuthor(text, authors[name], ents, ms)
			for _, p := range probs {
				if strings.HasPrefix(p.Reason, "no speaker") {
					rep.Unresolved++
				}
			}
			f = found{quotes: qs, runeOf: sentence.RuneOffsets(text), runes: []rune(text)}
			cache[name] = f
			rep.Articles++
		}
		gold, err := readAnn(ann, f.runes, authors[name])
		if err != nil {
			return Report{}, err
		}
		rep.AnnotationFiles++
		var preds []predicted
		for _, q := range f.quotes {
			p := predicted{start: f.runeOf(q.Start), end: f.runeOf(q.End), speaker: q.Speaker, direct: q.Direct, srcStart: -1, srcEnd: -1}
			if q.SpeakerText != "" && q.SpeakerStart >= 0 && q.SpeakerEnd > q.SpeakerStart {
				p.srcStart, p.srcEnd = f.runeOf(q.SpeakerStart), f.runeOf(q.SpeakerEnd)
			}
			preds = append(preds, p)
		}
		var dp []predicted
		for _, p := range preds {
			if p.direct {
				dp = append(dp, p)
			}
		}
		var dg []goldAttr
		for _, g := range gold {
			if g.direct {
				dg = append(dg, g)
			}
		}
		var check, checkDirect func(predicted, goldAttr, bool)
		if onSpeaker != nil {
			report := func(p predicted, g goldAttr, right, directTally bool) {
				c := speakerCheck{file: filepath.Base(ann), gold: g.source, goldRaw: g.raw, pred: p.speaker, right: right, direct: g.direct, matched: p.end > p.start, cue: g.cue, directTally: directTally}
				if p.srcStart >= 0 {
					c.predText = string(f.runes[p.srcStart:p.srcEnd])
				}
				if len(g.content) > 0 {
					c.content = string(f.runes[g.content[0].start:min(g.content[0].end, g.content[0].start+100)])
				}
				onSpeaker(c)
			}
			check = func(p predicted, g goldAttr, right bool) { report(p, g, right, false) }
			checkDirect = func(p predicted, g goldAttr, right bool) { report(p, g, right, true) }
		}
		direct.add(dp, dg, checkDirect)
		all.add(preds, gold, check)
	}
	rep.GoldDirect, rep.PredictedDirect = direct.gold, direct.pred
	rep.DetectionPrecision, rep.DetectionRecall, rep.DetectionF1, rep.SpeakerAccuracy = direct.scores()
	rep.GoldAll, rep.PredictedAll = all.gold, all.pred
	rep.AllDetectionPrecision, rep.AllDetectionRecall, rep.AllDetectionF1, rep.AllSpeakerAccuracy = all.scores()
	return rep, nil
}

type predicted struct {
	start, end int // runes
	speaker    string
	direct     bool
	// srcStart and srcEnd are the runes of the speaker's mention, -1 when
	// none.
	srcStart, srcEnd int
}

type seg struct{ start, end int }

type goldAttr struct {
	content []seg
	source  string // source text, or its referent for pronouns
	raw     string // source text as annotated
	cue     string // cue text as annotated
	srcSegs []seg  // the source's head word, empty for pronoun and relative sources
	hasSrc  bool
	direct  bool
}

type tally struct {
	pred, predMatched, gold, goldMatched, speakerRight int
}

func (t *tally) add(preds []predicted, gold []goldAttr, check func(predicted, goldAttr, bool)) {
	t.pred += len(preds)
	t.gold += len(gold)
	matchedPred := make([]bool, len(preds))
	for _, g := range gold {
		best, bestOv := -1, 0
		for i, p := range preds {
			ov := overlap(p, g)
			if ov > 0 && 2*ov >= min(p.end-p.start, goldLen(g)) {
				matchedPred[i] = true
				if ov > bestOv {
					best, bestOv = i, ov
				}
			}
		}
		if best < 0 {
			if check != nil {
				check(predicted{srcStart: -1, srcEnd: -1}, g, false)
			}
			continue
		}
		t.goldMatched++
		right := speakerMatches(preds[best].speaker, g) || pointsAtSource(preds[best], g)
		if right {
			t.speakerRight++
		}
		if check != nil {
			check(preds[best], g, right)
		}
	}
	for _, m := range matchedPred {
		if m {
			t.predMatched++
		}
	}
}

func (t *tally) scores() (p, r, f1, acc float64) {
	if t.pred > 0 {
		p = float64(t.predMatched) / float64(t.pred)
	}
	if t.gold > 0 {
		r = float64(t.goldMatched) / float64(t.gold)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	if t.goldMatched > 0 {
		acc = float64(t.speakerRight) / float64(t.goldMatched)
	}
	return p, r, f1, acc
}

func overlap(p predicted, g goldAttr) int {
	n := 0
	for _, s := range g.content {
		a, b := max(p.start, s.start), min(p.end, s.end)
		if b > a {
			n += b - a
		}
	}
	return n
}

func goldLen(g goldAttr) int {
	n := 0
	for _, s := range g.content {
		n += s.end - s.start
	}
	return n
}

// directMarks are the quotation marks that make a Content span a direct
// quote, with the doubled apostrophe (two ' in a row) some archives print for a double
// mark. The curly apostrophe is left out: it is mostly an apostrophe.
const directMarks = "\"“”«»„‘"

var pronounSources = map[string]bool{"he": true, "she": true, "they": true, "him": true, "her": true, "it": true, "i": true, "we": true, "his": true, "their": true}

// readAuthors reads the author column of the split's metadata.tsv (name,
// publisher, date, author, title), keyed by article name. A missing file
// gives no authors.
func readAuthors(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("evaluate: read %s: %w", path, err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) >= 4 && f[0] != "" && f[0] != "name" {
			out[f[0]] = strings.TrimSpace(f[3])
		}
	}
	return out, nil
}

// readAnn parses one BRAT standoff file into attributions. text is the
// article, as runes, for resolving relative-pronoun sources.
func readAnn(path string, text []rune, author string) ([]goldAttr, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	type tspan struct {
		typ  string
		segs []seg
		text string
	}
	ts := map[string]tspan{}
	var events [][3]string // content id, source id, cue id
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(fields[0], "T"):
			sp := strings.SplitN(fields[1], " ", 2)
			if len(sp) != 2 {
				return nil, fmt.Errorf("evaluate: %s:%d: bad span %q", path, line, fields[1])
			}
			var segs []seg
			for _, part := range strings.Split(sp[1], ";") {
				nums := strings.Fields(part)
				if len(nums) != 2 {
					return nil, fmt.Errorf("evaluate: %s:%d: bad offsets %q", path, line, part)
				}
				a, err1 := strconv.Atoi(nums[0])
				b, err2 := strconv.Atoi(nums[1])
				if err1 != nil || err2 != nil || b < a {
					return nil, fmt.Errorf("evaluate: %s:%d: bad offsets %q", path, line, part)
				}
				segs = append(segs, seg{a, b})
			}
			text := ""
			if len(fields) > 2 {
				text = fields[2]
			}
			ts[fields[0]] = tspan{typ: sp[0], segs: segs, text: text}
		case strings.HasPrefix(fields[0], "E"):
			var content, source, cue string
			for _, arg := range strings.Fields(fields[1]) {
				k, v, ok := strings.Cut(arg, ":")
				if !ok {
					continue
				}
				switch k {
				case "Content":
					content = v
				case "Source":
					source = v
				case "Cue":
					cue = v
				}
			}
			if content != "" {
				events = append(events, [3]string{content, source, cue})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: read %s: %w", path, err)
	}
	// Named sources in text order, to stand in for pronoun referents.
	type named struct {
		at   int
		text string
	}
	var names []named
	for _, ev := range events {
		s, ok := ts[ev[1]]
		if !ok || len(s.segs) == 0 || pronounSources[strings.ToLower(strings.TrimSpace(s.text))] || relativeSources[strings.ToLower(strings.TrimSpace(s.text))] {
			continue
		}
		names = append(names, named{s.segs[0].start, s.text})
	}
	sort.Slice(names, func(i, j int) bool { return names[i].at < names[j].at })
	var out []goldAttr
	for _, ev := range events {
		c, ok := ts[ev[0]]
		if !ok {
			return nil, fmt.Errorf("evaluate: %s: event refers to unknown span %s", path, ev[0])
		}
		g := goldAttr{content: c.segs, direct: strings.ContainsAny(c.text, directMarks) || strings.Contains(c.text, "''")}
		if cu, ok := ts[ev[2]]; ok {
			g.cue = cu.text
		}
		if s, ok := ts[ev[1]]; ok {
			g.hasSrc = true
			g.source = s.text
			g.raw = s.text
			if low := strings.ToLower(strings.TrimSpace(s.text)); !pronounSources[low] && !relativeSources[low] && len(s.segs) > 0 {
				g.srcSegs = []seg{sourceHead(s.text, s.segs[0])}
			}
			if relativeSources[strings.ToLower(strings.TrimSpace(s.text))] && len(s.segs) > 0 {
				// "Stevie Wonder, who joked …": the words the relative
				// pronoun follows stand for it.
				if ante := antecedent(text, s.segs[0].start); ante != "" {
					g.source = ante
				}
			}
			if pron := strings.ToLower(strings.TrimSpace(s.text)); (pron == "i" || pron == "we") && author != "" {
				// The writer speaking in the first person.
				g.source = author
			} else if pronounSources[strings.ToLower(strings.TrimSpace(s.text))] && len(s.segs) > 0 {
				g.source = ""
				pron := strings.ToLower(strings.TrimSpace(s.text))
				for _, n := range names {
					if n.at >= s.segs[0].start {
						break
					}
					if (pron == "he" || pron == "she" || pron == "him" || pron == "her" || pron == "his") && !personLike(n.text) {
						continue
					}
					if want := pronounGender[pron]; want != "" {
						if got := sourceGender(n.text); got != "" && got != want {
							continue // "she" does not stand for "President Barack Obama"
						}
					}
					g.source = n.text
				}
				if g.source == "" {
					g.source = s.text
				}
			}
		}
		out = append(out, g)
	}
	return out, nil
}

// antecedent returns the capitalised words (up to five) right before a
// relative pronoun at rune offset at, skipping the comma between them, or
// "" when none stand there.
func antecedent(text []rune, at int) string {
	if at > len(text) {
		return ""
	}
	words := strings.Fields(string(text[max(0, at-80):at]))
	for len(words) > 0 && strings.Trim(words[len(words)-1], ",") == "" {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	if last := words[len(words)-1]; strings.HasSuffix(last, ",") {
		words[len(words)-1] = strings.TrimSuffix(last, ",")
	}
	var out []string
	for k := len(words) - 1; k >= 0 && len(out) < 5; k-- {
		r, _ := utf8.DecodeRuneInString(words[k])
		if !unicode.IsUpper(r) || strings.HasSuffix(words[k], ",") || strings.HasSuffix(words[k], ".") && k < len(words)-1 {
			break
		}
		out = append([]string{words[k]}, out...)
	}
	return strings.Join(out, " ")
}

// relativeSources are annotated sources that only point back inside their
// sentence; they never stand for a pronoun's referent.
var relativeSources = map[string]bool{"who": true, "which": true, "that": true, "whom": true}

// personNouns mark a lowercase description of a person.
var personNouns = map[string]bool{"man": true, "woman": true, "mother": true, "father": true, "official": true,
	"president": true, "nominee": true, "candidate": true, "senator": true, "governor": true, "mayor": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true, "adviser": true, "advisor": true,
	"chairman": true, "director": true, "leader": true, "secretary": true, "questioner": true, "doctor": true,
	"lawyer": true, "attorney": true, "friend": true, "wife": true, "husband": true, "daughter": true, "son": true,
	"strategist": true, "congressman": true, "congresswoman": true, "republican": true, "democrat": true}

// personLike reports whether an annotated source can be what "he" or "she"
// refers to: its head word (the last word before any comma, bracket or "of") is
// a name ("Gov. Mike Pence (R-IN)", "Dean, a medical doctor") or a person
// noun ("the 34-year-old mother of three"); "a Donald Trump tweet" is not.
func personLike(src string) bool {
	head := src
	if k := strings.IndexAny(head, ",("); k > 0 {
		head = head[:k]
	}
	if k := strings.Index(head, " of "); k > 0 {
		head = head[:k] // "the mother of three"
	}
	words := strings.Fields(head)
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ".;:’'")
	last = strings.TrimSuffix(strings.TrimSuffix(last, "’s"), "'s")
	r, _ := utf8.DecodeRuneInString(last)
	if orgHeads[strings.ToLower(last)] {
		return false // "NBC News", "the Times"
	}
	if unicode.IsUpper(r) {
		return true
	}
	return personNouns[strings.ToLower(last)]
}

// orgHeads end the names of organisations and publications, which "he" and
// "she" do not stand for.
var orgHeads = map[string]bool{"news": true, "times": true, "post": true, "journal": true, "press": true,
	"committee": true, "campaign": true, "department": true, "agency": true, "council": true, "party": true,
	"institute": true, "university": true, "group": true, "foundation": true, "network": true, "magazine": true,
	"administration": true, "house": true, "office": true, "court": true, "commission": true, "association": true}

// pronounGender is the gender a personal pronoun Source implies.
var pronounGender = map[string]string{"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

// genderedWords show a source's gender when it names no known given name.
var genderedWords = map[string]string{"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "man": "m", "woman": "f",
	"mother": "f", "father": "m", "wife": "f", "husband": "m", "son": "m", "daughter": "f", "mom": "f", "dad": "m",
	"spokesman": "m", "spokeswoman": "f", "congressman": "m", "congresswoman": "f", "chairman": "m", "chairwoman": "f",
	"sister": "f", "brother": "m", "widow": "f", "grandmother": "f", "grandfather": "m"}

// sourceGender returns "m" or "f" when the head of an annotated source
// (before any comma) shows it: an honorific, a gendered noun or a given
// name of the entity package's table; else "".
func sourceGender(src string) string {
	if k := strings.IndexAny(src, ",("); k > 0 {
		src = src[:k]
	}
	words := strings.Fields(src)
	for _, w := range words {
		if g := genderedWords[strings.ToLower(strings.Trim(w, ".;:’'"))]; g != "" {
			return g // "Keith Lamont Scott's wife"
		}
	}
	// A given name is a known one followed by another capitalised word
	// ("President Barack Obama"; "Rakeyia Scott" is not a Scott).
	for k := 0; k+1 < len(words); k++ {
		r, _ := utf8.DecodeRuneInString(words[k])
		r2, _ := utf8.DecodeRuneInString(words[k+1])
		if unicode.IsUpper(r) && unicode.IsUpper(r2) {
			if g := entity.GivenNameGender(words[k]); g != "" {
				return g
			}
		}
	}
	return ""
}

// evalStop are words that do not identify a speaker.
var evalStop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"president": true, "vice": true, "secretary": true, "state": true, "senator": true, "sen": true, "gov": true,
	"governor": true, "rep": true, "former": true, "said": true, "in": true, "on": true, "to": true, "for": true,
	"by": true, "his": true, "her": true, "their": true, "its": true, "s": true, "candidate": true, "nominee": true,
	"republican": true, "democratic": true, "presidential": true, "u": true, "us": true, "new": true,
}

func speakerWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		w = entity.Fold(w)
		if w == "" || evalStop[w] || len(w) < 2 || w == "jr" || w == "sr" || w == "ii" || w == "iii" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// sourceHead returns the runes of the head word of an annotated source
// whose text is src at sg: its last word before a comma, bracket, "of",
// "who" or "which", possessive ending aside ("Keith Lamont Scott's wife" →
// wife, "Sen. Bernie Sanders (Vt.), who …" → Sanders). The whole span when
// no word is found.
func sourceHead(src string, sg seg) seg {
	rs := []rune(src)
	cut := len(rs)
	for i := range rs {
		if rs[i] == ',' || rs[i] == '(' || rs[i] == ';' {
			cut = i
			break
		}
		if i > 0 && rs[i-1] == ' ' {
			rest := strings.ToLower(string(rs[i:min(len(rs), i+6)]))
			if strings.HasPrefix(rest, "of ") || strings.HasPrefix(rest, "who ") || strings.HasPrefix(rest, "which ") || strings.HasPrefix(rest, "that ") {
				cut = i
				break
			}
		}
	}
	end := cut
	for end > 0 && !unicode.IsLetter(rs[end-1]) && !unicode.IsDigit(rs[end-1]) {
		end--
	}
	if end >= 2 && rs[end-1] == 's' && (rs[end-2] == '\'' || rs[end-2] == '’') {
		end -= 2
	}
	start := end
	for start > 0 && rs[start-1] != ' ' {
		start--
	}
	if start >= end || sg.end-sg.start != len(rs) {
		return sg
	}
	return seg{sg.start + start, sg.start + end}
}

// pointsAtSource reports whether the predicted speaker's mention overlaps
// the head word of the gold Source span: the system pointed at the annotated source, so it
// names it whatever the surface words ("the Republican presidential nominee"
// resolved to Trump). Pronoun and relative-pronoun Sources carry no span
// here: for them the referent must be named (speakerMatches).
func pointsAtSource(p predicted, g goldAttr) bool {
	if !g.hasSrc || p.speaker == "" || p.srcStart < 0 || p.srcEnd <= p.srcStart {
		return false
	}
	for _, s := range g.srcSegs {
		if min(p.srcEnd, s.end) > max(p.srcStart, s.start) {
			return true
		}
	}
	return false
}

// speakerMatches decides whether a predicted speaker names the gold source.
func speakerMatches(pred string, g goldAttr) bool {
	if !g.hasSrc {
		// The annotators found no source: only "no speaker" is right.
		return pred == ""
	}
	if pred == "" {
		return false
	}
	if pred == Unnamed {
		return anonymousSource(g.source)
	}
	pw := speakerWords(pred)
	gw := speakerWords(g.source)
	if len(pw) == 0 {
		// A bare title ("The senator", "the president"): compare it whole.
		return normDescription(pred) != "" && normDescription(pred) == normDescription(g.source)
	}
	if len(gw) == 0 {
		return false
	}
	in := func(w string, list []string) bool {
		for _, x := range list {
			if x == w {
				return true
			}
		}
		return false
	}
	// An organisation named by its initials in the source ("the IMF").
	if ini := initials(pred); len(ini) >= 2 {
		for _, w := range strings.Fields(g.source) {
			if strings.Trim(w, ".,;:()’'s") == ini {
				return true
			}
		}
	}
	// A name: its last word (the surname) must appear in the source.
	first := strings.ToLower(strings.Fields(pred)[0])
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(pred)); unicode.IsUpper(r) && !determiners[first] {
		return in(pw[len(pw)-1], gw)
	}
	for _, w := range pw {
		if in(w, gw) {
			return true
		}
	}
	return false
}

// initials returns the capitals of a multi-word name's significant words
// ("International Monetary Fund" → "IMF"), or "".
func initials(name string) string {
	var b strings.Builder
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "on", "in":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normDescription lowercases a description and drops its article.
func normDescription(s string) string {
	w := strings.Fields(strings.ToLower(strings.Trim(s, " ,.")))
	if len(w) > 0 && (w[0] == "the" || w[0] == "a" || w[0] == "an") {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// anonymousSource reports a gold source that names nobody: no capitalised
// word after the first one, and not a pronoun.
func anonymousSource(src string) bool {
	words := strings.Fields(src)
	if len(words) == 0 || pronounSources[strings.ToLower(src)] {
		return false
	}
	// "one Democratic source on the panel", "a senior White House
	// official": a quantified anonymous noun names nobody, capitals or not.
	if determiners[strings.ToLower(words[0])] {
		for _, w := range words {
			if anonymous[strings.ToLower(strings.Trim(w, ",.;:"))] {
				return true
			}
		}
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !(i == 0 && (determiners[strings.ToLower(w)] || anonymous[strings.ToLower(w)])) {
			return false // a capital past the first word, or a name first
		}
	}
	return true
}

var determiners = map[string]bool{"a": true, "an": true, "the": true, "some": true, "one": true, "two": true, "three": true, "several": true, "many": true, "other": true, "senior": true, "officials": true, "sources": true, "people": true, "critics": true, "experts": true, "analysts": true, "both": true, "another": true, "only": true, "most": true, "few": true}
