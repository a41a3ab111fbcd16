// Package cli holds parallax's subcommands: each one parses its flags,
// wires the stages and the store, and prints text or JSON Lines.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// app carries what every subcommand shares: streams, logger and global
// flags. It is built once per Main call; there are no globals.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	db             string
	logLevel       string
	allowPrivate   bool
	// lang is the language of storyline labels and story titles (--lang).
	lang string
}

// envDefault returns the environment variable's value, or def when unset.
func envDefault(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envBool(name string) bool {
	switch strings.ToLower(os.Getenv(name)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// Main runs the command line and returns the process exit code: 0 on
// success, 1 on failure, 2 on a usage error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "parallax: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// langCode is what --lang accepts: an ISO 639 code, optionally with a
// region ("en", "de-AT", "pt_BR").
var langCode = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$`)

// usageError marks a mistake in the command line.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Parallax: news intelligence from many outlets at once",
		Long: `Parallax ingests news articles from many outlets, cleans them (aggregator
debris removed and kept aside), stores them in an embedded SQLite database
(or PostgreSQL: --db postgres://user:password@host/db) and serves them on the command line, over an HTTP JSON API and in a web UI.

Quick start:
  parallax ingest ../shared/corpus/seeds     # clean and store five articles
  parallax serve                             # browse them at http://127.0.0.1:8080

Every read command takes --json and then prints JSON Lines.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			var level slog.Level
			if err := level.UnmarshalText([]byte(a.logLevel)); err != nil {
				return usagef("--log-level %q: want debug, info, warn or error", a.logLevel)
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
			if !langCode.MatchString(a.lang) {
				return usagef("--lang %q: want a language code such as en, ru, uk or de", a.lang)
			}
			if envBool("PARALLAX_ALLOW_PRIVATE") {
				a.allowPrivate = true
			}
			return nil
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&a.db, "db", envDefault("PARALLAX_DB", "parallax.db"), "database: a SQLite file, or a postgres:// (postgresql://) URL of a PostgreSQL database (env PARALLAX_DB)")
	pf.StringVar(&a.logLevel, "log-level", envDefault("PARALLAX_LOG_LEVEL", "warn"), "log level: debug, info, warn, error (env PARALLAX_LOG_LEVEL)")
	pf.StringVar(&a.lang, "lang", envDefault("PARALLAX_LANG", "en"), "language of storyline labels and story titles that ingest, analyse, poll and serve write: en, ru, uk or de (another shows the heaviest terms in any language; env PARALLAX_LANG); labels already stored change when their storyline next does, or after analyse --reset")

	root.AddCommand(
		a.ingestCmd(),
		a.extractCmd(),
		a.articlesCmd(),
		a.showCmd(),
		a.searchCmd(),
		a.storiesCmd(),
		a.storylinesCmd(),
		a.entitiesCmd(),
		a.quotesCmd(),
		a.analyseCmd(),
		a.serveCmd(),
		a.evalCmd(),
		a.benchCmd(),
		a.outletsCmd(),
		a.compareCmd(),
		a.factsCmd(),
		a.timelineCmd(),
		a.briefCmd(),
		a.feedsCmd(),
		a.pollCmd(),
		a.statusCmd(),
		a.workerCmd(),
		a.watchCmd(),
	)
	a.addVersion(root) // --version and "parallax version" (version.go)
	return root
}

// addAllowPrivate registers --allow-private on commands that fetch URLs.
func (a *app) addAllowPrivate(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&a.allowPrivate, "allow-private", false,
		"allow fetching from private, loopback and link-local addresses (env PARALLAX_ALLOW_PRIVATE=1); for intranets and tests")
}
