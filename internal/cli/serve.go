package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/web"
)

func (a *app) serveCmd() *cobra.Command {
	var (
		addr           string
		outletsPath    string
		f              ingestFlags
		sf             serveFeedFlags
		publicURLs     []string
		requestTimeout time.Duration
		exportTimeout  time.Duration
		heavy          int
	)
	cmd := &cobra.Command{
		Use:   "serve [flags] [PATH|URL...]",
		Short: "Serve the web UI and the JSON API",
		Long: `Serve starts the web UI (article list, article pages, search) and the JSON
API under /api/. It listens on loopback by default; to reach it from other
machines give --addr 0.0.0.0:8080 (or a specific address).

Any PATH or URL arguments are ingested first, as "parallax ingest" would; a
failed input is reported and serving starts all the same.

Subscribed feeds (see "parallax feeds") are polled in the background while
serving, and their new articles analysed; /feeds shows their state and adds
feeds. Beyond loopback, adding needs the --token.

Serve leads the analysis of the database when no other process does: it
analyses what other processes store (ingest, poll) within a second, and a
serve that finds another leader takes over within seconds when that one
stops or dies. GET /metrics gives Prometheus metrics.

On PostgreSQL, due feeds are enqueued as jobs (one per feed and due time,
however many serve processes run) and worked by serve (--jobs) and by any
"parallax worker" processes: see docs/scale.md.`,
		Example: `  parallax serve
  parallax serve ../shared/corpus/seeds
  parallax serve --addr 127.0.0.1:9000 --db news.db`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			// What can be wrong before anything is read is an error, not
			// a warning followed by an empty site: the options of the
			// ingest, the outlets file, the address.
			if _, err := optDate("--published", f.published); err != nil {
				return err
			}
			if _, err := readDates(f.dates); err != nil {
				return err
			}
			reg, err := outletRegistry(outletsPath)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w (choose another address with --addr)", addr, err)
			}
			defer ln.Close()
			e, err := a.openEngine(ctx, "serve")
			if err != nil {
				return err
			}
			defer e.Close()
			if len(args) > 0 {
				if err := a.ingest(ctx, e, args, f); err != nil {
					if ctx.Err() != nil {
						return err
					}
					fmt.Fprintf(a.stderr, "parallax: %v\n", err)
				}
			}
			opts := web.Options{Logger: a.log, Outlets: reg, Metrics: e.Metrics(), Limits: web.Limits{
				Addr: ln.Addr().String(), Hosts: publicURLs,
				Timeout: requestTimeout, ExportTimeout: exportTimeout, Heavy: heavy,
			}}
			// The analyser: leads when it can, analyses what is pending
			// now (work a killed process left) and whenever woken.
			actx, stopAnalyser := context.WithCancel(ctx)
			analyse := make(chan struct{}, 1)
			analyserDone := make(chan struct{})
			go func() {
				defer close(analyserDone)
				e.RunAnalyser(actx, time.Second, analyse)
			}()
			// Webhooks (parallax watch): new events delivered every
			// watchEvery, with the feeds' client and its address rules.
			watchersDone := make(chan struct{})
			go func() {
				defer close(watchersDone)
				a.runWatches(actx, e, watchEvery)
			}()
			defer func() { stopAnalyser(); <-watchersDone }()
			defer func() {
				stopAnalyser()
				<-analyserDone
			}()
			stopFeeds, err := a.serveFeeds(ctx, e, ln.Addr(), sf, &opts, analyse)
			if err != nil {
				return err
			}
			defer stopFeeds()
			srv := &http.Server{
				Handler:           web.New(e.DB(), opts),
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       30 * time.Second,
				WriteTimeout:      60 * time.Second,
				IdleTimeout:       2 * time.Minute,
			}
			fmt.Fprintf(a.stderr, "parallax: serving %s on http://%s/ (Ctrl-C to stop)\n", a.dbName(), ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return fmt.Errorf("serve: %w", err)
			case <-ctx.Done():
			}
			shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("shut down: %w", err)
			}
			return nil
		},
	}
	f.register(cmd)
	sf.register(cmd)
	a.addAllowPrivate(cmd)
	addOutletsFlag(cmd, &outletsPath)
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", envDefault("PARALLAX_ADDR", "127.0.0.1:8080"), "address to listen on (env PARALLAX_ADDR)")
	fl.StringArrayVar(&publicURLs, "public-url", nil,
		"a URL or host name the server is reached by beyond --addr (repeatable; requests naming another Host are refused, against DNS rebinding; \"*\" turns the check off)")
	fl.DurationVar(&requestTimeout, "request-timeout", web.DefaultTimeout, "deadline of a page or API request")
	fl.DurationVar(&exportTimeout, "export-timeout", web.DefaultExportTimeout, "deadline of an export (briefing, CSV, feed)")
	fl.IntVar(&heavy, "heavy-requests", web.DefaultHeavy, "expensive reads (search, compare, brief, exports) served at once; more wait briefly, then get 503")
	return cmd
}
