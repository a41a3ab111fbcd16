package facts

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// NewsClustersLabels is the labelled set of claim groups of
// ../shared/eval/news-clusters (labels/news-clusters.json; how it was
// labelled is in docs/quality.md).
//
//go:embed labels/news-clusters.json
var NewsClustersLabels []byte

// Label is one hand-labelled group of claims: which event, what the
// figures count, which articles (by URL) and the verdict.
type Label struct {
	ID      string   `json:"id"`
	Event   string   `json:"event"`
	Subject string   `json:"subject"`
	Verdict string   `json:"verdict"`
	URLs    []string `json:"urls"`
	Note    string   `json:"note,omitempty"`
}

// ReadLabels decodes a labels file: {"groups": [...]}, each group with an
// id, a known verdict and at least one URL (two unless inconsistent).
func ReadLabels(b []byte) ([]Label, error) {
	var f struct {
		Groups []Label `json:"groups"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	if len(f.Groups) == 0 {
		return nil, errors.New("read labels: no groups")
	}
	for _, l := range f.Groups {
		switch l.Verdict {
		case Agree, Moved, Differ, Attributed, Inconsistent:
		default:
			return nil, fmt.Errorf("read labels: group %q: unknown verdict %q", l.ID, l.Verdict)
		}
		if l.ID == "" || len(l.URLs) == 0 || (l.Verdict != Inconsistent && len(l.URLs) < 2) {
			return nil, fmt.Errorf("read labels: group %q: want an id and the URLs of its articles", l.ID)
		}
	}
	return f.Groups, nil
}

// EvalReport scores the groups Align finds against labelled groups. A
// found group with a difference (any verdict but agree) is right when a
// labelled group with a difference has the same event and subject and
// shares at least two of its articles (one for an inconsistent year).
type EvalReport struct {
	Labels    int `json:"labels"`
	Different int `json:"different"` // labelled groups with a difference
	Found     int `json:"found"`     // found groups with a difference
	TruePos   int `json:"true_positives"`
	FalsePos  int `json:"false_positives"`
	FalseNeg  int `json:"false_negatives"`
	// Precision and Recall are of groups with a difference; F1 their
	// harmonic mean.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// VerdictRight counts true positives whose verdict is the labelled
	// one; VerdictPrecision is VerdictRight over TruePos.
	VerdictRight     int         `json:"verdict_right"`
	VerdictPrecision float64     `json:"verdict_precision"`
	Errors           []EvalError `json:"errors"`
}

// EvalError is a found group no label backs, a missed label, or a
// verdict that is not the labelled one.
type EvalError struct {
	Kind    string `json:"kind"` // "false positive", "missed", "verdict"
	Event   string `json:"event"`
	Subject string `json:"subject"`
	Label   string `json:"label,omitempty"`
	Verdict string `json:"verdict,omitempty"`
	Want    string `json:"want,omitempty"`
}

// Evaluate aligns the docs of each event (Doc.StoryID) on their own and
// scores the groups found against labels.
func Evaluate(labels []Label, docs []Doc) EvalReport {
	byEvent := map[string][]Doc{}
	var events []string
	for _, d := range docs {
		if byEvent[d.StoryID] == nil {
			events = append(events, d.StoryID)
		}
		byEvent[d.StoryID] = append(byEvent[d.StoryID], d)
	}
	sort.Strings(events)
	var found []Group
	for _, e := range events {
		found = append(found, Align(byEvent[e])...)
	}
	return Score(labels, found)
}

// Score compares found groups (their StoryID is the event) with labels.
func Score(labels []Label, found []Group) EvalReport {
	r := EvalReport{Labels: len(labels), Errors: []EvalError{}}
	matched := make([]bool, len(labels))
	for _, l := range labels {
		if l.Verdict != Agree {
			r.Different++
		}
	}
	for _, g := range found {
		if !g.Differs() {
			continue
		}
		r.Found++
		best := -1
		for i, l := range labels {
			// Articles with no event label form one event: then a label's
			// event is not checked, its URLs are.
			if l.Verdict == Agree || (l.Event != "" && g.StoryID != "" && l.Event != g.StoryID) || !sameSubject(l.Subject, g.Subject) {
				continue
			}
			need := 2
			if g.Verdict == Inconsistent {
				need = 1
			}
			if sharedURLs(l.URLs, g.Claims) >= need {
				best = i
				break
			}
		}
		if best < 0 {
			r.FalsePos++
			r.Errors = append(r.Errors, EvalError{Kind: "false positive", Event: g.StoryID, Subject: g.Subject, Verdict: g.Verdict})
			continue
		}
		r.TruePos++
		if !matched[best] {
			matched[best] = true
		}
		if g.Verdict == labels[best].Verdict {
			r.VerdictRight++
		} else {
			r.Errors = append(r.Errors, EvalError{Kind: "verdict", Event: g.StoryID, Subject: g.Subject, Label: labels[best].ID, Verdict: g.Verdict, Want: labels[best].Verdict})
		}
	}
	for i, l := range labels {
		if l.Verdict != Agree && !matched[i] {
			r.FalseNeg++
			r.Errors = append(r.Errors, EvalError{Kind: "missed", Event: l.Event, Subject: l.Subject, Label: l.ID, Want: l.Verdict})
		}
	}
	if r.Found > 0 {
		r.Precision = float64(r.TruePos) / float64(r.Found)
	}
	if r.Different > 0 {
		r.Recall = float64(r.Different-r.FalseNeg) / float64(r.Different)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	if r.TruePos > 0 {
		r.VerdictPrecision = float64(r.VerdictRight) / float64(r.TruePos)
	}
	return r
}

// sameSubject compares a label's subject with a found one. Labels written
// by others name subjects in their own words ("death toll", "length of
// the talks", "points of the plan"): a label's subject is read as the
// first subject whose cue it contains, and a subject that reads as none
// is left to the URLs to decide.
func sameSubject(label, found string) bool {
	fk, _, _ := strings.Cut(strings.ToLower(found), ":")
	fk = strings.TrimSpace(fk)
	lk := labelSubject(label)
	return lk == "" || lk == fk
}

// subjectCues name each subject in a label, in the order they are tried
// (the length of a meeting is hours before it is a meeting).
var subjectCues = []struct{ subject, cues string }{
	{"date", "date day"},
	{"place", "place venue where location"},
	{"year", "year"},
	{"money", "money dollar euro rouble ruble hryvnia pound amount price cost billion million $ € £"},
	{"hours", "hour duration lasted length long"},
	{"deaths", "death dead killed toll fatal died lives"},
	{"injured", "injur wound hurt"},
	{"missing", "missing"},
	{"arrested", "arrest detain"},
	{"points", "point plan"},
	{"calls", "call phone conversation"},
	{"meetings", "meeting met summit times"},
	{"troops", "troop soldier"},
}

func labelSubject(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	if k, _, ok := strings.Cut(l, ":"); ok {
		l = k
	}
	for _, sc := range subjectCues {
		if l == sc.subject {
			return sc.subject
		}
	}
	words := strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')' || r == '/' })
	for _, sc := range subjectCues {
		for _, c := range strings.Fields(sc.cues) {
			for _, w := range words {
				if strings.HasPrefix(w, c) {
					return sc.subject
				}
			}
		}
	}
	return ""
}

func sharedURLs(urls []string, cs []Claim) int {
	want := map[string]bool{}
	for _, u := range urls {
		want[u] = true
	}
	n := 0
	seen := map[string]bool{}
	for _, c := range cs {
		if want[c.URL] && !seen[c.URL] {
			seen[c.URL] = true
			n++
		}
	}
	return n
}

// WriteText prints the report for a person.
func (r EvalReport) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "groups with a difference: precision %.3f (%d of %d found), recall %.3f (%d of %d labelled), F1 %.3f\nverdicts right: %.3f (%d of %d)\n",
		r.Precision, r.TruePos, r.Found, r.Recall, r.Different-r.FalseNeg, r.Different, r.F1, r.VerdictPrecision, r.VerdictRight, r.TruePos)
	if err != nil {
		return err
	}
	for _, e := range r.Errors {
		switch e.Kind {
		case "false positive":
			_, err = fmt.Fprintf(w, "  false positive: %s %q (%s)\n", e.Event, e.Subject, e.Verdict)
		case "missed":
			_, err = fmt.Fprintf(w, "  missed %s: %s %q (%s)\n", e.Label, e.Event, e.Subject, e.Want)
		default:
			_, err = fmt.Fprintf(w, "  verdict %s: %s %q is %s, labelled %s\n", e.Label, e.Event, e.Subject, e.Verdict, e.Want)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
