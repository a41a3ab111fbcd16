package ingest

import (
	"os"
	"runtime/debug"
)

// BatchGCPercent is the collector's target (GOGC) that TuneGC sets for a
// batch command. Ingest allocates several gigabytes over a large
// collection (tokens, candidate names, matches) of which little lives on,
// while the analyser's state is a few hundred megabytes that every
// collection cycle marks again: at the default of 100 the collector took
// 8% of the CPU of the Reuters bench. At 200 it runs half as often, for
// a heap that may grow to three times the live data instead of two
// (docs/speed.md, "Seventh round").
const BatchGCPercent = 200

// TuneGC sets the collector for a command that ingests in bulk (ingest,
// bench) and returns a function that restores the previous setting. It
// changes nothing when the GOGC environment variable is set: the user's
// choice wins.
func TuneGC() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(BatchGCPercent)
	return func() { debug.SetGCPercent(old) }
}
