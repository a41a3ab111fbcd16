package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/entity"
)

// BySpeaker returns the quotes spoken by name, for `parallax quotes
// --speaker NAME`. With a registry, name is resolved with reg.Lookup and a
// quote matches when its SpeakerID belongs to the same merged entity, so
// "Zelenskyy" finds quotes attributed to "Zelensky" in other articles.
// Without one, or when the registry does not know the name, a quote
// matches when its Speaker equals name or ends with it as a surname,
// compared by entity.Fold ("unnamed" finds anonymous sources).
func BySpeaker(qs []Quote, name string, reg *entity.Registry) []Quote {
	key := entity.Fold(name)
	if key == "" {
		return nil
	}
	id := ""
	if reg != nil {
		if e, ok := reg.Lookup(name); ok {
			id = e.ID
		}
	}
	var out []Quote
	for _, q := range qs {
		if id != "" && q.SpeakerID != "" {
			if reg.Canonical(q.SpeakerID) == id {
				out = append(out, q)
			}
			continue
		}
		sp := entity.Fold(q.Speaker)
		if sp == key || strings.HasSuffix(sp, " "+key) {
			out = append(out, q)
		}
	}
	return out
}
