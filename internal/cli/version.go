package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// addVersion gives the root command --version and a "version" subcommand,
// both printing versionText.
func (a *app) addVersion(root *cobra.Command) {
	info, _ := debug.ReadBuildInfo()
	root.Version = versionText(info)
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build time of this binary",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(a.stdout, root.Version)
			return err
		},
	})
}

// versionText describes the build from its build information: "parallax
// v1.2.3 (commit 1a2b3c4d5e6f, 2026-12-06T11:00:00Z, modified) go1.25.1
// linux/amd64". A binary built from a checkout without a tag says
// "(devel)"; the commit and its time are there when the build was made in
// a Git checkout (go build stamps them; go run and go test do not).
func versionText(info *debug.BuildInfo) string {
	version := "(unknown)"
	var vcs []string
	if info != nil {
		if v := info.Main.Version; v != "" {
			version = v
		}
		settings := map[string]string{}
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		if rev := settings["vcs.revision"]; rev != "" {
			vcs = append(vcs, "commit "+rev[:min(12, len(rev))])
		}
		if t := settings["vcs.time"]; t != "" {
			vcs = append(vcs, t)
		}
		if settings["vcs.modified"] == "true" {
			vcs = append(vcs, "modified")
		}
	}
	s := "parallax " + version
	if len(vcs) > 0 {
		s += " (" + strings.Join(vcs, ", ") + ")"
	}
	return s + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}
