package ingest

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "") // set, though empty: TuneGC leaves the collector alone
	prev := debug.SetGCPercent(150)
	defer debug.SetGCPercent(prev)
	restore := TuneGC()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("with GOGC set: GC percent %d, want 150 (unchanged)", got)
	}
	restore()
}

func TestTuneGCSets(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set in the environment")
	}
	prev := debug.SetGCPercent(150)
	defer debug.SetGCPercent(prev)
	restore := TuneGC()
	if got := debug.SetGCPercent(BatchGCPercent); got != BatchGCPercent {
		t.Errorf("GC percent %d after TuneGC, want %d", got, BatchGCPercent)
	}
	restore()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GC percent %d after restore, want 150", got)
	}
}
