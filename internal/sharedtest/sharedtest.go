// Package sharedtest locates the project's shared data folder (../shared
// beside the repository root) for tests and benchmarks. Real articles are
// read from there, never copied into the repository.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the absolute path of the shared folder, or "" when it cannot
// be found. PARALLAX_SHARED overrides the lookup.
func Root() string {
	if d := os.Getenv("PARALLAX_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(shared); err == nil && st.IsDir() {
				return shared
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the path of a folder or file inside the shared folder. The
// shared data is part of the project's test environment (CI has it), so a
// missing folder fails the test rather than skipping it.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Fatalf("shared data folder not found: expected ../shared beside the repository root, or PARALLAX_SHARED")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("shared data: %v", err)
	}
	return p
}
