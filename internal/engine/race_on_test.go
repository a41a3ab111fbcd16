//go:build race

package engine

// raceEnabled: the race detector slows regexps tenfold; time limits scale.
const raceEnabled = true
