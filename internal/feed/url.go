package feed

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// ErrBadURL is returned by CanonicalURL for input that is not an absolute
// http or https URL with a host.
var ErrBadURL = errors.New("not an absolute http(s) URL")

// trackingParams are query parameters that identify a campaign or a click,
// not a page. Names are matched case-insensitively.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
	"oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "rb_clickid": true,
	"s_cid": true, "ocid": true, "cmpid": true, "cmp": true, "xtor": true,
	"smid": true, "smtyp": true, "ref_src": true, "ref_url": true,
	"__twitter_impression": true, "at_medium": true, "at_campaign": true,
	"ns_mchannel": true, "ns_source": true, "ns_campaign": true, "ns_linkname": true, "ns_fee": true,
	"_ga": true, "_gl": true, "spm": true,
}

// trackingPrefixes are query parameter name prefixes dropped the same way.
var trackingPrefixes = []string{"utm_", "at_custom", "pk_", "mtm_", "hmb_"}

func isTracking(name string) bool {
	name = strings.ToLower(name)
	if trackingParams[name] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// CanonicalURL returns the form of an article URL used to recognise the same
// article reached through different feeds or links: scheme and host in
// lower case, default port, user info and fragment dropped, dot segments
// removed, an empty path made "/", tracking parameters (utm_*, fbclid,
// gclid and similar) dropped and the remaining query parameters sorted by
// name. The path's case and trailing slash are kept: servers may tell them
// apart.
//
// It returns an error wrapping ErrBadURL if raw is not an absolute http or
// https URL with a host.
func CanonicalURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("canonical URL %q: %w: %w", raw, ErrBadURL, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Opaque != "" {
		return "", fmt.Errorf("canonical URL %q: %w", raw, ErrBadURL)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", fmt.Errorf("canonical URL %q: %w", raw, ErrBadURL)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	} else {
		// Resolving against itself removes "." and ".." segments.
		u = u.ResolveReference(&url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery})
	}
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

// canonicalQuery drops tracking parameters and sorts the rest by name,
// keeping the order of repeated names and the original encoding of values.
func canonicalQuery(q string) string {
	if q == "" {
		return ""
	}
	type param struct{ name, raw string }
	var kept []param
	for part := range strings.SplitSeq(q, "&") {
		if part == "" {
			continue
		}
		name, _, _ := strings.Cut(part, "=")
		if dec, err := url.QueryUnescape(name); err == nil {
			name = dec
		}
		if isTracking(name) {
			continue
		}
		kept = append(kept, param{name, part})
	}
	slices.SortStableFunc(kept, func(a, b param) int { return strings.Compare(a.name, b.name) })
	parts := make([]string, len(kept))
	for i, p := range kept {
		parts[i] = p.raw
	}
	return strings.Join(parts, "&")
}
