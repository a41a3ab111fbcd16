package entity

import "maps"

// CanonicalIDs returns, for every ID given by Extract that the registry has
// seen, the ID of the merged entity it belongs to now. It computes the merge
// once, where calling Canonical for each ID would compute it every time. The
// map is the caller's to keep and change.
func (r *Registry) CanonicalIDs() map[string]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return maps.Clone(r.groups())
}
