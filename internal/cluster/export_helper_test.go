package cluster

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSONL writes items as JSON Lines: one JSON object per line, the form
// in which stories and storylines are exported.
func WriteJSONL[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, it := range items {
		if err := enc.Encode(it); err != nil {
			return fmt.Errorf("write json lines item %d: %w", i, err)
		}
	}
	return nil
}
