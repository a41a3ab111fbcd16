package fetch

import (
	"net/netip"
)

// blockedPrefixes are the address ranges refused unless AllowPrivate is set:
// everything that is not a globally routed unicast address.
var blockedPrefixes = mustPrefixes(
	// IPv4
	"0.0.0.0/8",       // "this network", includes the unspecified address
	"10.0.0.0/8",      // RFC 1918
	"100.64.0.0/10",   // carrier-grade NAT (RFC 6598)
	"127.0.0.0/8",     // loopback
	"169.254.0.0/16",  // link-local (cloud metadata endpoints live here)
	"172.16.0.0/12",   // RFC 1918
	"192.0.0.0/24",    // IETF protocol assignments
	"192.0.2.0/24",    // documentation (TEST-NET-1)
	"192.88.99.0/24",  // deprecated 6to4 relay anycast
	"192.168.0.0/16",  // RFC 1918
	"198.18.0.0/15",   // benchmarking
	"198.51.100.0/24", // documentation (TEST-NET-2)
	"203.0.113.0/24",  // documentation (TEST-NET-3)
	"224.0.0.0/4",     // multicast
	"240.0.0.0/4",     // reserved, includes the limited broadcast address
	// IPv6
	"::/128",        // unspecified
	"::1/128",       // loopback
	"::/96",         // deprecated IPv4-compatible addresses
	"100::/64",      // discard-only
	"2001:db8::/32", // documentation
	"fc00::/7",      // unique local
	"fe80::/10",     // link-local
	"fec0::/10",     // deprecated site-local
	"ff00::/8",      // multicast
)

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// IsPublic reports whether ip is an address the fetcher may connect to by
// default: a unicast address outside the loopback, private (RFC 1918,
// fc00::/7), link-local, carrier-grade NAT, multicast, unspecified,
// documentation and reserved ranges. IPv4-mapped IPv6 addresses
// (::ffff:a.b.c.d) and IPv6 forms that embed an IPv4 address (NAT64
// 64:ff9b::/96, 6to4 2002::/16) are judged by the embedded IPv4 address.
func IsPublic(ip netip.Addr) bool {
	if !ip.IsValid() {
		return false
	}
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64Prefix.Contains(ip):
			return IsPublic(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixToFour.Contains(ip):
			return IsPublic(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	// The standard library's classification catches anything the table
	// misses (interface-local multicast and the like).
	return ip.IsGlobalUnicast() && !ip.IsPrivate()
}
