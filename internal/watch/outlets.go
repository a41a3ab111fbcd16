package watch

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

var kindNames = map[string]string{
	"wire":               "wire service",
	"public_broadcaster": "public broadcaster",
	"state_affiliated":   "state-affiliated",
	"private":            "private",
	"aggregator":         "aggregator",
	"unknown":            "unknown kind",
}

// KindName names an outlet kind for readers ("state_affiliated" →
// "state-affiliated"); the web pages use it too.
func KindName(k string) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	if k == "" {
		return kindNames["unknown"]
	}
	return strings.ReplaceAll(k, "_", " ")
}

// Credit is the outlet an article counts for: its origin outlet, else
// the outlet it was read from.
func Credit(a news.Article) string {
	if a.OriginOutlet != "" {
		return a.OriginOutlet
	}
	return a.Outlet
}

// RegistryOutlets names outlets and kinds with reg (nil: names as
// written, kinds unknown), as the web pages do.
func RegistryOutlets(reg *outlet.Registry) Outlets {
	return Outlets{
		Credit: Credit,
		Name: func(s string) string {
			if s == "" {
				return "Unknown outlet"
			}
			if reg == nil {
				return s
			}
			return reg.Name(s)
		},
		Kind: func(s string) string {
			if reg != nil && s != "" {
				if o, ok := reg.Lookup(s); ok && o.Kind != "" {
					return string(o.Kind)
				}
			}
			return string(outlet.KindUnknown)
		},
		KindName: KindName,
	}
}
