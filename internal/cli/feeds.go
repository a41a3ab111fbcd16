package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/time/rate"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

func (a *app) feedsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Manage feed subscriptions (add, list, remove, import, export)",
		Long: `Feeds manages the RSS, Atom and JSON feeds that "parallax poll" and the
scheduler of "parallax serve" read.

With no feeds subscribed, "parallax poll" starts with the built-in list of
international outlets (see "parallax feeds export --builtin").`,
		Example: `  parallax feeds add https://kyivindependent.com/news-archive/rss/
  parallax feeds add --builtin
  parallax feeds import subscriptions.opml
  parallax feeds list
  parallax feeds export > feeds.opml
  parallax feeds remove https://example.org/rss`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.feedsAddCmd(), a.feedsListCmd(), a.feedsRemoveCmd(), a.feedsImportCmd(), a.feedsExportCmd())
	return cmd
}

// feedClient returns the HTTP client for feeds and their pages, honouring
// --allow-private.
func (a *app) feedClient() *fetch.Client {
	return fetch.New(fetch.Options{AllowPrivate: a.allowPrivate, Logger: a.log})
}

func (a *app) feedsAddCmd() *cobra.Command {
	var (
		builtin bool
		o       feed.Outlet
		kind    string
	)
	cmd := &cobra.Command{
		Use:   "add [flags] URL...",
		Short: "Subscribe to feeds, given their URL or a page that announces one",
		Long: `Add subscribes to each URL: a feed, or a web page that announces its feed
(<link rel="alternate">). The feed is fetched once to check it and to learn
its title. --builtin subscribes to the built-in outlet list instead.

Adding a feed that is already subscribed changes nothing, except that a feed
disabled because it was gone (HTTP 410) is enabled again.`,
		Example: `  parallax feeds add https://www.theguardian.com/world/rss
  parallax feeds add --kind public_broadcaster --country UA https://suspilne.media/
  parallax feeds add --builtin`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if builtin == (len(args) > 0) {
				return usagef("feeds add: give feed URLs or --builtin (not both)")
			}
			if kind != "" {
				if o.Kind = feed.Kind(kind); !o.Kind.Valid() {
					return usagef("--kind %q: want one of %v", kind, feed.Kinds)
				}
			}
			ctx := cmd.Context()
			db, err := a.openStoreCreate(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			if builtin {
				return a.addOutlets(ctx, db, feed.Builtin(), "built-in outlets")
			}
			client := a.feedClient()
			var errs []error
			for _, u := range args {
				got, err := resolveFeed(ctx, client, u, o)
				if err != nil {
					errs = append(errs, err)
					fmt.Fprintf(a.stderr, "error: %v\n", err)
					continue
				}
				n, err := db.AddFeeds(ctx, []feed.Outlet{got})
				if err != nil {
					return err
				}
				verb := "added"
				if n == 0 {
					verb = "already subscribed:"
				}
				fmt.Fprintf(a.stdout, "%s %s (%s)\n", verb, got.FeedURL, got.Title)
			}
			if len(errs) > 0 {
				return fmt.Errorf("%d of %d feeds could not be added", len(errs), len(args))
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&builtin, "builtin", false, "subscribe to the built-in outlet list")
	fl.StringVar(&o.Title, "title", "", "outlet name (default: the feed's title)")
	fl.StringVar(&o.Country, "country", "", "country of the outlet, ISO 3166-1 alpha-2 (UA, US, ...)")
	fl.StringVar(&kind, "kind", "", "kind of outlet: wire, public_broadcaster, state_affiliated, private, aggregator")
	fl.StringVar(&o.Language, "language", "", "language of the feed, ISO 639-1 (default: what the feed declares)")
	fl.StringVar(&o.Category, "category", "", "folder path for OPML export, e.g. Europe/Ukraine")
	a.addAllowPrivate(cmd)
	return cmd
}

// resolveFeed finds the feed behind rawURL and applies the user's fields.
func resolveFeed(ctx context.Context, g feed.Getter, rawURL string, given feed.Outlet) (feed.Outlet, error) {
	return engine.ResolveFeed(ctx, g, rawURL, given)
}

// addOutlets subscribes to outlets and says how many were new.
func (a *app) addOutlets(ctx context.Context, db database, outlets []feed.Outlet, what string) error {
	n, err := db.AddFeeds(ctx, outlets)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "subscribed to %d of %d %s (%d already subscribed)\n", n, len(outlets), what, len(outlets)-n)
	return nil
}

func (a *app) feedsImportCmd() *cobra.Command {
	var builtin bool
	cmd := &cobra.Command{
		Use:   "import [flags] FILE.opml",
		Short: "Subscribe to the feeds of an OPML file (- for standard input)",
		Long: `Import subscribes to every feed of an OPML subscription list, as exported
by feed readers. The outline attributes country, kind and language are kept;
enclosing folders become the category. Broken outlines are reported and
skipped; the others are imported. --builtin imports the built-in list.`,
		Example: `  parallax feeds import subscriptions.opml
  parallax feeds import --builtin`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if builtin == (len(args) == 1) || len(args) > 1 {
				return usagef("feeds import: give one OPML file or --builtin")
			}
			ctx := cmd.Context()
			var outlets []feed.Outlet
			what := "built-in outlets"
			var broken *feed.BrokenEntriesError
			if builtin {
				outlets = feed.Builtin()
			} else {
				what = "feeds of " + args[0]
				var r io.Reader = a.stdin
				if args[0] != "-" {
					f, err := os.Open(args[0])
					if err != nil {
						return fmt.Errorf("feeds import: %w", err)
					}
					defer f.Close()
					r = f
				}
				var err error
				outlets, err = feed.ParseOPML(r)
				if err != nil && !errors.As(err, &broken) {
					return fmt.Errorf("feeds import %s: %w", args[0], err)
				}
				if broken != nil {
					for _, e := range broken.Entries {
						fmt.Fprintf(a.stderr, "warning: %s: skipped or partly kept: %v\n", args[0], e)
					}
				}
			}
			db, err := a.openStoreCreate(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			return a.addOutlets(ctx, db, outlets, what)
		},
	}
	cmd.Flags().BoolVar(&builtin, "builtin", false, "import the built-in outlet list")
	return cmd
}

func (a *app) feedsExportCmd() *cobra.Command {
	var (
		builtin bool
		output  string
	)
	cmd := &cobra.Command{
		Use:   "export [flags]",
		Short: "Write the subscribed feeds as OPML",
		Long: `Export writes every subscribed feed (disabled ones included) as an OPML 2.0
document that "parallax feeds import" and feed readers read back, with
country, kind and language attributes and folders by category.`,
		Example: `  parallax feeds export > feeds.opml
  parallax feeds export --builtin -o outlets.opml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var doc bytes.Buffer
			if builtin {
				doc.Write(feed.BuiltinOPML())
			} else {
				db, err := a.openStore(cmd.Context())
				if err != nil {
					return err
				}
				states, err := db.FeedStates(cmd.Context())
				db.Close()
				if err != nil {
					return err
				}
				outlets := make([]feed.Outlet, len(states))
				for i, st := range states {
					outlets[i] = st.Outlet()
				}
				if err := feed.WriteOPML(&doc, outlets); err != nil {
					return err
				}
			}
			if output == "" || output == "-" {
				_, err := doc.WriteTo(a.stdout)
				return err
			}
			if err := os.WriteFile(output, doc.Bytes(), 0o644); err != nil {
				return fmt.Errorf("feeds export: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&builtin, "builtin", false, "export the built-in outlet list instead")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func (a *app) feedsRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "remove URL...",
		Short: "Unsubscribe from feeds (their articles stay stored)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			var failed int
			for _, u := range args {
				if err := db.RemoveFeed(cmd.Context(), u); err != nil {
					if errors.Is(err, store.ErrNotFound) {
						err = fmt.Errorf("%s: not subscribed (see parallax feeds list)", u)
					}
					fmt.Fprintf(a.stderr, "error: %v\n", err)
					failed++
					continue
				}
				fmt.Fprintf(a.stdout, "removed %s\n", u)
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d feeds could not be removed", failed, len(args))
			}
			return nil
		},
	}
}

// feedListing is one line of `feeds list --json`: the feed's state, its
// status in a word, and what became of its items.
type feedListing struct {
	feed.State
	Status string `json:"status"`
	// Stored and FailedItems count the items recorded from this feed that
	// became articles and that could not.
	Stored      int `json:"stored"`
	FailedItems int `json:"failed_items"`
}

func (a *app) feedsListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "List subscribed feeds with their last fetch, status, error and item counts",
		Args:  cobra.NoArgs,
		RunE: listRun(a, &asJSON, func(ctx context.Context, db database) ([]feedListing, error) {
			states, err := db.FeedStates(ctx)
			if err != nil {
				return nil, err
			}
			counts, err := db.FeedItemCounts(ctx)
			if err != nil {
				return nil, err
			}
			list := make([]feedListing, len(states))
			for i, st := range states {
				c := counts[st.URL]
				list[i] = feedListing{State: st, Status: web.FeedStatus(st), Stored: c.Stored, FailedItems: c.Failed}
			}
			return list, nil
		}, func(w io.Writer, list []feedListing) error {
			if len(list) == 0 {
				fmt.Fprintln(w, "no feeds subscribed: parallax feeds add URL, parallax feeds import FILE.opml, or parallax feeds add --builtin")
				return nil
			}
			now := time.Now()
			return tabulate(w, "STATUS\tTITLE\tLAST FETCH\tNEXT POLL\tITEMS\tNEW\tTOTAL\tURL\tERROR", list, func(w io.Writer, st feedListing) {
				msg := st.LastError
				if msg == "" {
					msg = st.Warning
				}
				next := "-"
				switch {
				case st.Disabled:
				case !st.NextPoll.After(now):
					next = "due"
				default:
					next = relTime(st.NextPoll, now, "")
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\n", st.Status, clip(oneLine(st.Title), 40),
					relTime(st.LastFetch, now, "never"), next, st.ItemsLast, st.NewLast, st.ItemsTotal, st.URL, clip(oneLine(msg), 100))
			})
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines, one feed a line")
	return cmd
}

// relTime renders t relative to now ("5m ago", "in 12m"), or zero when t
// is the zero time.
func relTime(t, now time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	if d := now.Sub(t); d >= 0 {
		return shortDuration(d) + " ago"
	}
	return "in " + shortDuration(t.Sub(now))
}

func shortDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// oneLine folds white-space runs (newlines from outside included) to
// single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// pollFlags configure the poller of `parallax poll` and `parallax serve`.
type pollFlags struct {
	hostRate        float64
	hostConcurrency int
	workers         int
	ignoreRobots    bool
	maxItems        int
	// Bounds of a feed's adapted polling interval (0: the poller's
	// defaults, 30 minutes for a new feed, between 5 minutes and a day).
	defaultInterval, minInterval, maxInterval time.Duration
}

func (f *pollFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Float64Var(&f.hostRate, "host-rate", 1, "requests per second to one host (0: no limit, for local feeds)")
	fl.IntVar(&f.hostConcurrency, "host-concurrency", 2, "requests in flight to one host")
	fl.IntVar(&f.workers, "poll-workers", 8, "feeds fetched at once")
	fl.BoolVar(&f.ignoreRobots, "ignore-robots", false, "do not check robots.txt (for feeds you own)")
	fl.DurationVar(&f.defaultInterval, "feed-interval", 0, "polling interval of a feed not measured yet (default 30m)")
	fl.DurationVar(&f.minInterval, "feed-min-interval", 0, "shortest polling interval a feed adapts to (default 5m)")
	fl.DurationVar(&f.maxInterval, "feed-max-interval", 0, "longest polling interval a feed adapts to (default 24h)")
	fl.IntVar(&f.maxItems, "feed-max-items", feed.DefaultMaxItems, "items of one feed taken per poll at most, in the order the feed lists them; the rest wait for a later poll")
}

// poller makes the engine's feed poller with the fetch client and the
// options of f.
func (a *app) poller(e *engine.Engine, f pollFlags, progress func(feed.Progress)) (*feed.Poller, error) {
	if f.hostRate < 0 || math.IsNaN(f.hostRate) {
		return nil, usagef("--host-rate %v: want 0 (no limit) or more", f.hostRate)
	}
	if f.defaultInterval < 0 || f.minInterval < 0 || f.maxInterval < 0 {
		return nil, usagef("--feed-interval, --feed-min-interval, --feed-max-interval: want positive durations")
	}
	lim := rate.Limit(f.hostRate)
	if f.hostRate == 0 {
		lim = rate.Inf
	}
	return e.NewPoller(engine.PollConfig{Client: a.feedClient(), PollerOptions: feed.PollerOptions{
		Workers:         f.workers,
		HostConcurrency: f.hostConcurrency,
		HostRate:        lim,
		IgnoreRobots:    f.ignoreRobots,
		MaxItems:        f.maxItems,
		DefaultInterval: f.defaultInterval,
		MinInterval:     f.minInterval,
		MaxInterval:     f.maxInterval,
		Progress:        progress,
		Logger:          a.log,
	}}), nil
}

func (a *app) pollCmd() *cobra.Command {
	var (
		f       pollFlags
		force   bool
		asJSON  bool
		analyse bool
	)
	cmd := &cobra.Command{
		Use:   "poll [flags] [FEED-URL...]",
		Short: "Poll the subscribed feeds once and store their new articles",
		Long: `Poll fetches every subscribed feed that is due (all of them with --force, or
the feeds named), with conditional requests, and stores the new items as
articles: items with the full text are cleaned from the feed, items with only
a summary have their page fetched and extracted. Then every article not
analysed yet is analysed (stories, entities, quotes) as after "parallax
ingest", whatever the poll found, unless another process leads the
analysis of the database.

A feed that fails (malformed XML, HTTP 404, 429, 500, ...) gets the error
recorded on it and is retried later with backoff; the other feeds go on.
A feed that answers 410 Gone is disabled. "parallax feeds list" shows each
feed's state. With no feeds subscribed, poll subscribes to the built-in
outlet list first.

Progress is shown on a terminal; the last line sums up the poll. The exit
code is 1 when any feed failed.`,
		Example: `  parallax poll
  parallax poll --force --json
  parallax poll --allow-private --host-rate 0 http://127.0.0.1:8000/feed.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			e, err := a.openEngine(ctx, "poll")
			if err != nil {
				return err
			}
			defer e.Close()
			db := e.DB()
			states, err := db.FeedStates(ctx)
			if err != nil {
				return err
			}
			if len(states) == 0 {
				fmt.Fprintln(a.stderr, "parallax: no feeds subscribed: starting with the built-in outlet list (parallax feeds list shows it, parallax feeds remove drops a feed)")
				if err := a.addOutlets(ctx, db, feed.Builtin(), "built-in outlets"); err != nil {
					return err
				}
			}
			var bar *progressBar
			p, err := a.poller(e, f, func(pr feed.Progress) {
				if bar == nil {
					bar = newProgressBar(a.stderr, pr.Total, "poll")
				}
				bar.describe(fmt.Sprintf("poll: %s", fetch.Redact(pr.Result.URL)))
				bar.set(pr.Done)
			})
			if err != nil {
				return err
			}
			res, pollErr := e.Poll(ctx, p, feed.PollOptions{Force: force || len(args) > 0, URLs: args}, analyse)
			if bar != nil {
				bar.finish()
			}
			sum, an := res.Poll, res.Analysis
			for _, r := range sum.Results {
				if r.Error != "" {
					fmt.Fprintf(a.stderr, "error: %s: %s\n", fetch.Redact(r.URL), fetch.RedactText(r.Error))
				}
			}
			if asJSON {
				out := struct {
					feed.Summary
					Analysis pipeline.AnalyzeSummary `json:"analysis"`
					// Reanalysed: articles analysed with their feed
					// summary took their page's text, and everything
					// was analysed again; StaleUpgrades: such articles
					// left to the process that leads the analysis (the
					// list is in the database).
					Reanalysed    bool `json:"reanalysed"`
					StaleUpgrades int  `json:"stale_upgrades"`
				}{sum, an, res.Reanalysed, res.StaleUpgrades}
				if err := newJSONLines(a.stdout).write(out); err != nil {
					return err
				}
			} else {
				fmt.Fprintln(a.stdout, sum.String())
				switch {
				case res.Reanalysed:
					fmt.Fprintf(a.stdout, "articles stored from their feed summary took their pages' text: analysed all %d articles again\n", an.Articles)
				case res.StaleUpgrades > 0:
					fmt.Fprintf(a.stdout, "%d articles stored from their feed summary took their pages' text; another process leads the analysis and analyses them again (at most hourly)\n", res.StaleUpgrades)
				case an.Articles > 0:
					fmt.Fprintf(a.stdout, "analysed %d new articles: %d duplicates folded, %d new stories, %d quotes (%.1fs)\n",
						an.Articles, an.Duplicates, an.NewStories, an.Quotes, an.Elapsed.Seconds())
				}
			}
			if pollErr != nil {
				return pollErr
			}
			if len(args) > 0 && sum.Feeds < len(args) {
				return fmt.Errorf("%d of the %d feeds named are not subscribed or disabled (see parallax feeds list)", len(args)-sum.Feeds, len(args))
			}
			if bad := sum.Failed + sum.Disabled; bad > 0 {
				return fmt.Errorf("%d of %d feeds failed (errors recorded on them; see parallax feeds list)", bad, sum.Feeds)
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&force, "force", false, "poll every feed, due or not")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary, with one result per feed, as one JSON line")
	cmd.Flags().BoolVar(&analyse, "analyse", true, "analyse the new articles after polling")
	a.addAllowPrivate(cmd)
	return cmd
}

// webFeeds serves the feeds page of the web UI: it lists feeds and adds
// one the way `parallax feeds add` does, then wakes the scheduler.
type webFeeds struct {
	e      *engine.Engine
	client feed.Getter
	kick   chan<- struct{}
	log    *slog.Logger
}

var _ web.Feeds = webFeeds{}

func (w webFeeds) FeedStates(ctx context.Context) ([]feed.State, error) {
	return w.e.DB().FeedStates(ctx)
}

func (w webFeeds) AddFeed(ctx context.Context, rawURL string) (feed.Outlet, error) {
	o, _, err := w.e.AddFeed(ctx, w.client, rawURL, feed.Outlet{})
	if err != nil {
		return feed.Outlet{}, err
	}
	w.log.InfoContext(ctx, "feed added from the web UI", "feed_url", o.FeedURL)
	if w.kick != nil {
		select {
		case w.kick <- struct{}{}:
		default: // a poll is already pending
		}
	}
	return o, nil
}

// serveFeedFlags are the feed flags of `parallax serve`.
type serveFeedFlags struct {
	poll      pollFlags
	jobs      jobFlags
	pollEvery time.Duration
	token     string
}

func (f *serveFeedFlags) register(cmd *cobra.Command) {
	f.poll.register(cmd)
	f.jobs.register(cmd, 2)
	fl := cmd.Flags()
	fl.DurationVar(&f.pollEvery, "poll-every", time.Minute,
		"how often to look for due feeds and poll them (each feed's own interval decides when it is due); 0 disables polling")
	// The environment is read in serveFeeds, not here, so that --help
	// never prints the token as a default.
	fl.StringVar(&f.token, "token", "",
		"token that changes from the web UI (adding a feed) need when listening beyond loopback (env PARALLAX_TOKEN)")
}

// serveFeeds sets up the feeds side of `parallax serve`: the feeds page's
// options in opts, and the scheduler polling due feeds in the background,
// waking the analyser (analyse) after each pass. The returned stop ends
// the scheduler and waits for it.
func (a *app) serveFeeds(ctx context.Context, e *engine.Engine, addr net.Addr, f serveFeedFlags, opts *web.Options, analyse chan<- struct{}) (stop func(), err error) {
	if f.pollEvery < 0 {
		return nil, usagef("--poll-every %s: want 0 (off) or a positive duration", f.pollEvery)
	}
	loopback := false
	if ta, ok := addr.(*net.TCPAddr); ok {
		loopback = ta.IP.IsLoopback()
	}
	if f.token == "" {
		f.token = os.Getenv("PARALLAX_TOKEN")
	}
	opts.RequireToken = !loopback
	opts.Token = f.token
	if !loopback && f.token == "" {
		fmt.Fprintln(a.stderr, "parallax: listening beyond loopback without --token: the web UI will not accept changes (adding feeds)")
	}
	kick := make(chan struct{}, 1)
	if f.pollEvery == 0 {
		kick = nil
	}
	opts.Feeds = webFeeds{e: e, client: a.feedClient(), kick: kick, log: a.log}
	if f.pollEvery == 0 {
		return func() {}, nil
	}
	p, err := a.poller(e, f.poll, nil)
	if err != nil {
		return nil, err
	}
	if err := f.jobs.check(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.RunScheduler(ctx, p, f.pollEvery, kick, analyse)
	}()
	// On PostgreSQL the scheduler enqueues due feeds as jobs; serve works
	// them too (with --jobs > 0), so that one serve alone polls its feeds.
	jobsDone := make(chan struct{})
	if e.Jobs() != nil && f.jobs.concurrency > 0 {
		go func() {
			defer close(jobsDone)
			if err := a.runJobs(ctx, e, f.poll, f.jobs); err != nil && ctx.Err() == nil {
				a.log.Error("job worker stopped", "error", err)
			}
		}()
	} else {
		close(jobsDone)
	}
	return func() {
		cancel()
		<-done
		<-jobsDone
	}, nil
}
