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

// CanonicalChanges returns the part of CanonicalIDs that changed since the
// last call: the IDs given by Extract that are new or now belong to another
// merged entity, each with the ID of the merged entity it belongs to now.
// The first call returns every ID (all of CanonicalIDs). Applying each
// call's map to the previous CanonicalIDs gives the current one; the cost
// is that of the IDs added to and regrouped since the last call, not a pass
// over the registry. The map is the caller's.
func (r *Registry) CanonicalChanges() map[string]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	canon := r.groups()
	if !r.trackC {
		r.trackC, r.movedC = true, map[string]prevGroup{}
		return maps.Clone(canon)
	}
	out := make(map[string]string, len(r.movedC))
	for id, p := range r.movedC {
		if c := canon[id]; !p.ok || p.id != c {
			out[id] = c
		}
	}
	clear(r.movedC)
	return out
}
