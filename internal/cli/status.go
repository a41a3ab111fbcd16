package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

func (a *app) statusCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show which process leads the analysis, the analysis lag and the snapshot's age",
		Long: `Status reports on the database of --db: which process leads its analysis
(one process at a time analyses a database; the others that store articles
leave the analysis to it), how many stored articles wait for analysis and for
how long, the age of the analyser's snapshot (what a new leader restores
before going on), and, on PostgreSQL, the Parallax processes connected.

With --json one object: database, backend ("sqlite" or "postgres"), leader
{held, pid, host, command, since}, articles, analysed, lag_articles,
lag_seconds, snapshot_mark, snapshot_at, snapshot_age_articles,
snapshot_age_seconds, processes [{name, address, connections, since}],
queue [{kind, available, scheduled, running, retryable, completed, cancelled,
discarded}] (the job queue's depth by kind, PostgreSQL only) and workers
[{id, jobs, last_job_at}] (the processes that started a job in the last
minute: "worker pid N on HOST", "serve pid N on HOST"), prepare {workers,
wanted, prepared} and reanalysis {waiting, last} (analysed articles whose
feed summary took its page's text since the last whole re-analysis, which
the leading process redoes at most hourly, and when it last did).`,
		Example: `  parallax status
  parallax status --db postgres://parallax@db/parallax --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := a.openEngine(cmd.Context(), "status")
			if err != nil {
				return err
			}
			defer e.Close()
			st, err := e.Status(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(st)
			}
			w := a.stdout
			fmt.Fprintf(w, "database: %s (%s)\n", st.Database, st.Backend)
			if st.Leader.Held {
				who := st.Leader.Command
				if st.Leader.PID != 0 {
					who = fmt.Sprintf("parallax %s, pid %d on %s", st.Leader.Command, st.Leader.PID, st.Leader.Host)
				}
				fmt.Fprintf(w, "analysis leader: %s, since %s\n", who, st.Leader.Since.Format(time.RFC3339))
			} else {
				fmt.Fprintln(w, "analysis leader: none (the next process that stores or serves takes the lead)")
			}
			fmt.Fprintf(w, "articles: %d stored, %d analysed; lag %d articles, %.0fs\n",
				st.Articles, st.Analysed, st.LagArticles, st.LagSeconds)
			if st.SnapshotAt.IsZero() {
				fmt.Fprintln(w, "snapshot: none (a new leader replays every analysed article)")
			} else {
				fmt.Fprintf(w, "snapshot: %d articles, written %s ago; %d analysed since\n",
					st.SnapshotMark, shortDuration(time.Duration(st.SnapshotAgeSeconds*float64(time.Second))), st.SnapshotAgeArticles)
			}
			if r := st.Reanalysis; r.Waiting > 0 {
				last := "never yet"
				if !r.Last.IsZero() {
					last = "last " + r.Last.Format(time.RFC3339)
				}
				fmt.Fprintf(w, "re-analysis: %d articles took their page's text after their analysis; the leading process analyses everything again at most hourly (%s)\n",
					r.Waiting, last)
			}
			for _, q := range st.Queue {
				fmt.Fprintf(w, "jobs %s: %d waiting, %d scheduled, %d running, %d to retry; %d completed, %d cancelled, %d discarded\n",
					q.Kind, q.Available, q.Scheduled, q.Running, q.Retryable, q.Completed, q.Cancelled, q.Discarded)
			}
			for _, wk := range st.Workers {
				fmt.Fprintf(w, "worker: %s (%d jobs in the last minute, last at %s)\n", wk.ID, wk.Jobs, wk.LastJobAt.Format(time.RFC3339))
			}
			if st.Backend == "postgres" {
				fmt.Fprintf(w, "prepare: %d workers preparing articles for the analysis; %d articles wanted, %d prepared and not analysed yet\n",
					len(st.Prepare.Workers), st.Prepare.Wanted, st.Prepare.Prepared)
			}
			for _, p := range st.Processes {
				addr := p.Address
				if addr == "" {
					addr = "local socket"
				}
				fmt.Fprintf(w, "process: %s (%s, %d connections, since %s)\n", p.Name, addr, p.Connections, p.Since.Format(time.RFC3339))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as one JSON object")
	return cmd
}
