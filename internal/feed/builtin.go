package feed

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"sync"
)

//go:embed outlets.opml
var builtinOPML []byte

var builtin = sync.OnceValues(func() ([]Outlet, error) {
	outlets, err := ParseOPML(bytes.NewReader(builtinOPML))
	if err != nil {
		return nil, fmt.Errorf("built-in outlets.opml: %w", err)
	}
	return outlets, nil
})

// Builtin returns Parallax's built-in outlet list: international news
// outlets from many countries and of every Kind, each with its public feed
// URL, country, kind and language. It is used when the user has imported no
// feeds. The slice is a fresh copy.
func Builtin() []Outlet {
	outlets, err := builtin()
	if err != nil {
		// The embedded file is checked by the package tests; an error
		// here is a build defect, not bad input.
		return nil
	}
	return slices.Clone(outlets)
}

// BuiltinOPML returns the embedded OPML document behind Builtin, for
// `feeds export` of the defaults.
func BuiltinOPML() []byte { return slices.Clone(builtinOPML) }
