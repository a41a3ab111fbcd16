package cli

import (
	"bytes"
	"context"
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		want []string
		not  []string
	}{
		{"no build info", nil, []string{"parallax (unknown) go"}, []string{"commit"}},
		{"tagged", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, []string{"parallax v1.2.0 go"}, []string{"commit"}},
		{"checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "5d2d629aabbccddeeff00112233445566778899"},
			{Key: "vcs.time", Value: "2026-12-06T11:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, []string{"parallax (devel) (commit 5d2d629aabbc, 2026-12-06T11:00:00Z, modified) go"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := versionText(tc.info)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("%q has %q", got, w)
				}
			}
		})
	}
}

// TestVersionCommand: "parallax version" and "parallax --version" print the
// same line, exit 0 and open no database.
func TestVersionCommand(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for _, args := range [][]string{{"version", "--db", dir + "/none.db"}, {"--version"}} {
		var out, errb bytes.Buffer
		code := Main(context.Background(), args, strings.NewReader(""), &out, &errb)
		if code != 0 || !strings.HasPrefix(out.String(), "parallax ") || errb.Len() != 0 {
			t.Fatalf("%v: exit %d, out %q, err %q", args, code, out.String(), errb.String())
		}
		lines = append(lines, out.String())
	}
	if _, err := os.Stat(dir + "/none.db"); err == nil {
		t.Error("version created a database")
	}
	if lines[0] != lines[1] {
		t.Errorf("version %q, --version %q", lines[0], lines[1])
	}
}
