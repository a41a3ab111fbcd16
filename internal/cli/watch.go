package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/watch"
)

func (a *app) watchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "watch",
		Short: "Follow a storyline or a search with a webhook (add, list, remove, deliver)",
		Long: `Watch posts what happens in a storyline (a new story, an outlet of a kind
that had not carried a story, figures that came to differ: the events of
the storyline's Atom feed) or in a search (a new matching article) to a
webhook as JSON:

  {"watch": "w…", "storyline": "l…", "events": [{"id", "type", "story_id",
   "article_id", "title", "summary", "at", "path", "outlet"}], "sent_at": …}

Events already there when the watch is added are not sent. "parallax
serve" delivers every 30 seconds; "parallax watch deliver" makes one pass.
A failed delivery is retried after 30 s, doubling up to an hour (or the
receiver's Retry-After), and given up after 10 failures. With --secret,
each delivery carries X-Parallax-Signature: sha256=<hex HMAC-SHA256 of the
body>. Like every fetch, private and loopback addresses are refused unless
--allow-private is given to serve or deliver.`,
		Example: `  parallax watch add --storyline l3f2a9c1 --url https://hooks.example.org/parallax --secret s3cret
  parallax watch add --search "ceasefire" --url https://hooks.example.org/parallax
  parallax watch list
  parallax watch deliver
  parallax watch remove w5c1e0a2b9f31`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.watchAddCmd(), a.watchListCmd(), a.watchRemoveCmd(), a.watchDeliverCmd())
	return cmd
}

func (a *app) watchAddCmd() *cobra.Command {
	var w watch.Watch
	cmd := &cobra.Command{
		Use:   "add --storyline ID|--search Q --url URL",
		Short: "Add a webhook for a storyline or a search",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if w.Secret == "" {
				w.Secret = os.Getenv("PARALLAX_WATCH_SECRET")
			}
			if err := w.Check(); err != nil {
				return usageError{err}
			}
			e, err := a.openEngine(cmd.Context(), "watch")
			if err != nil {
				return err
			}
			defer e.Close()
			added, err := e.AddWatch(cmd.Context(), w)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("storyline %s not found (see parallax storylines)", w.Storyline)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "added watch %s: %s to %s (%d events there now are not sent)\n",
				added.ID, watchSubject(added), fetch.Redact(added.URL), len(added.State.Seen))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&w.Storyline, "storyline", "", "storyline ID to follow")
	f.StringVar(&w.Search, "search", "", "search query to follow (new matching articles)")
	f.StringVar(&w.URL, "url", "", "webhook URL (http or https) to POST to")
	f.StringVar(&w.Secret, "secret", "", "HMAC-SHA256 key that signs each delivery (env PARALLAX_WATCH_SECRET)")
	return cmd
}

func watchSubject(w watch.Watch) string {
	if w.Storyline != "" {
		return "storyline " + w.Storyline
	}
	return fmt.Sprintf("search %q", w.Search)
}

func (a *app) watchListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List webhooks with their delivery state",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := a.openEngine(cmd.Context(), "watch")
			if err != nil {
				return err
			}
			defer e.Close()
			ws, err := e.Watches(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				out := newJSONLines(a.stdout)
				for _, w := range ws {
					w.State.Seen = nil // bookkeeping, not state a reader needs
					if err := out.write(w); err != nil {
						return err
					}
				}
				return nil
			}
			if len(ws) == 0 {
				fmt.Fprintln(a.stdout, "no watches (add one with parallax watch add)")
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tFOLLOWS\tURL\tDELIVERED\tPENDING\tLAST DELIVERY\tLAST ERROR")
			for _, w := range ws {
				last := "never"
				if !w.State.LastDelivery.IsZero() {
					last = w.State.LastDelivery.Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\n", w.ID, watchSubject(w), fetch.Redact(w.URL),
					w.State.Delivered, len(w.State.Pending), last, w.State.LastError)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object a line")
	return cmd
}

func (a *app) watchRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID...",
		Short: "Remove webhooks",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.openEngine(cmd.Context(), "watch")
			if err != nil {
				return err
			}
			defer e.Close()
			failed := 0
			for _, id := range args {
				if err := e.RemoveWatch(cmd.Context(), id); err != nil {
					if errors.Is(err, store.ErrNotFound) {
						err = fmt.Errorf("%s: no such watch (see parallax watch list)", id)
					}
					fmt.Fprintf(a.stderr, "error: %v\n", err)
					failed++
					continue
				}
				fmt.Fprintf(a.stdout, "removed %s\n", id)
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d watches could not be removed", failed, len(args))
			}
			return nil
		},
	}
}

func (a *app) watchDeliverCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "deliver",
		Short: "Find new events of every watch and post those due, once",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := a.openEngine(cmd.Context(), "watch")
			if err != nil {
				return err
			}
			defer e.Close()
			res, err := e.DeliverWatches(cmd.Context(), a.feedClient())
			if err != nil {
				return err
			}
			failed := 0
			out := newJSONLines(a.stdout)
			for _, r := range res {
				if r.Error != "" {
					failed++
				}
				if asJSON {
					if err := out.write(r); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(a.stdout, "%s: %d new events, %d delivered, %d pending", r.ID, r.New, r.Delivered, r.Pending)
				if r.Error != "" {
					fmt.Fprintf(a.stdout, " (error: %s)", r.Error)
				}
				fmt.Fprintln(a.stdout)
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d watches failed to deliver (retried later; see parallax watch list)", failed, len(res))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object a watch")
	a.addAllowPrivate(cmd)
	return cmd
}

// watchEvery is how often serve delivers webhook events.
const watchEvery = 30 * time.Second

// runWatches delivers the webhooks' new events every interval until ctx
// ends (serve); failures are logged and retried by each watch's backoff.
func (a *app) runWatches(ctx context.Context, e *engine.Engine, every time.Duration) {
	client := a.feedClient()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !e.Leader().Held() {
			// Every serve replica runs this loop; the one that leads the
			// analysis delivers, so that two do not post the same events.
			// With no leader for the moment (one died, the next has not
			// taken over), whoever ticks delivers.
			if h, err := e.Leader().Holder(ctx); err != nil || h.Held {
				continue
			}
		}
		res, err := e.DeliverWatches(ctx, client)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			a.log.WarnContext(ctx, "webhook deliveries", "error", err)
			continue
		}
		for _, r := range res {
			if r.Delivered > 0 {
				a.log.InfoContext(ctx, "webhook delivered", "watch", r.ID, "events", r.Delivered)
			}
		}
	}
}
