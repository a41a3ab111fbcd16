package when

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Doc is one TimeML document read for evaluation: the plain text inside
// <TEXT> with its tags stripped, the document creation time and the gold
// time expressions with byte offsets into Text.
type Doc struct {
	Name string
	// DCT is the document creation time (the anchor for relative expressions).
	DCT  time.Time
	Text string
	Gold []Timex
}

// ErrNoDCT is returned by ReadTML when a document has no usable creation time.
var ErrNoDCT = errors.New("no document creation time")

// ReadTML reads a TimeML document (TempEval-3 .tml). It returns ErrNoDCT
// (wrapped) if the document has no creation time and an error if the XML is
// malformed.
func ReadTML(r io.Reader) (Doc, error) {
	var doc Doc
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var text strings.Builder
	inText, inDCT := false, false
	var open *Timex
	var dct string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("read timeml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				attr := func(name string) string {
					for _, a := range t.Attr {
						if a.Name.Local == name {
							return a.Value
						}
					}
					return ""
				}
				if inDCT || attr("functionInDocument") == "CREATION_TIME" {
					if dct == "" {
						dct = attr("value")
					}
					continue
				}
				if inText && open == nil {
					open = &Timex{Start: text.Len(), Type: attr("type"), Value: attr("value"), Resolved: true}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if open != nil && inText {
					open.End = text.Len()
					s := text.String()
					open.Text = s[open.Start:open.End]
					if open.End > open.Start {
						doc.Gold = append(doc.Gold, *open)
					}
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	doc.Text = text.String()
	if dct == "" {
		return doc, fmt.Errorf("read timeml: %w", ErrNoDCT)
	}
	d, err := parseDCT(dct)
	if err != nil {
		return doc, fmt.Errorf("read timeml: creation time %q: %w", dct, err)
	}
	doc.DCT = d
	return doc, nil
}

func parseDCT(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "20060102"} {
		if len(v) >= len(layout) {
			if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("not a date")
}
