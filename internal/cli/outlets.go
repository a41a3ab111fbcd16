package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/outlet"
)

// addOutletsFlag registers --outlets (env PARALLAX_OUTLETS) on a command
// that needs the outlet registry.
func addOutletsFlag(cmd *cobra.Command, path *string) {
	cmd.Flags().StringVar(path, "outlets", envDefault("PARALLAX_OUTLETS", ""),
		"JSON file of outlets that extends or overrides the built-in list (env PARALLAX_OUTLETS)")
}

// outletRegistry returns the built-in outlet registry merged with the user
// file at path, if any.
func outletRegistry(path string) (*outlet.Registry, error) {
	if path == "" {
		return outlet.Builtin()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("outlets file: %w", err)
	}
	r, err := outlet.Load(b)
	if err != nil {
		return nil, fmt.Errorf("outlets file %s: %w", path, err)
	}
	return r, nil
}

func (a *app) outletsCmd() *cobra.Command {
	var (
		asJSON bool
		path   string
		kind   string
	)
	cmd := &cobra.Command{
		Use:   "outlets",
		Short: "List the outlet registry: name, domains, country, language and kind",
		Long: `Outlets lists the outlets Parallax knows: the built-in list (the built-in feeds,
the wire services and aggregators of the seed articles, the outlets of the
news-clusters evaluation set) extended or overridden by a user file given with
--outlets or PARALLAX_OUTLETS.

Kinds: wire, public_broadcaster, state_affiliated, private, aggregator, and
unknown for sources that cannot be classified honestly. Articles republished
by an aggregator count for the outlet they came from.

The user file is JSON: {"outlets": [{"name": "...", "domains": ["example.com"],
"country": "US", "language": "en", "kind": "private", "aliases": ["..."]}]}.
An entry whose name, alias or domain matches a known outlet overrides its
non-empty fields and adds domains and aliases; other entries are added.

With --json each line is an object with name, domains, country, language,
kind and aliases.`,
		Example: `  parallax outlets
  parallax outlets --kind state_affiliated --json
  parallax outlets --outlets my-outlets.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if kind != "" && !outlet.Kind(kind).Valid() {
				return usagef("--kind %q: want one of %v", kind, outlet.Kinds)
			}
			reg, err := outletRegistry(path)
			if err != nil {
				return err
			}
			var list []outlet.Outlet
			for _, o := range reg.All() {
				if kind == "" || string(o.Kind) == kind {
					list = append(list, o)
				}
			}
			return writeList(a, cmd, asJSON, list, func(w io.Writer, list []outlet.Outlet) error {
				return tabulate(w, "NAME\tKIND\tCOUNTRY\tLANG\tDOMAINS", list, func(w io.Writer, o outlet.Outlet) {
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", o.Name, o.Kind, dash(o.Country), dash(o.Language), clip(strings.Join(o.Domains, ", "), 60))
				})
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	addFormatFlag(cmd)
	cmd.Flags().StringVar(&kind, "kind", "", "only outlets of this kind")
	addOutletsFlag(cmd, &path)
	return cmd
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
