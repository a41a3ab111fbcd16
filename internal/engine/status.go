package engine

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/pipeline"
)

// Lag is how far the analysis is behind the stored articles.
type Lag struct {
	// Articles stored; Analysed taken in by the analysis (duplicates
	// included); LagArticles the difference.
	Articles    int `json:"articles"`
	Analysed    int `json:"analysed"`
	LagArticles int `json:"lag_articles"`
	// LagSeconds is how long the oldest pending article has waited since
	// it was stored; 0 when none is pending.
	LagSeconds float64 `json:"lag_seconds"`
	// SnapshotMark is the number of analysed articles the analyser's last
	// snapshot covers and SnapshotAt when it was written (zero: none).
	SnapshotMark int       `json:"snapshot_mark"`
	SnapshotAt   time.Time `json:"snapshot_at,omitzero"`
}

// Lag reads the analysis lag from the store.
func (e *Engine) Lag(ctx context.Context) (Lag, error) {
	var l Lag
	n, err := e.db.CountArticles(ctx)
	if err != nil {
		return l, fmt.Errorf("analysis lag: %w", err)
	}
	info, err := pipeline.ReadStateInfo(ctx, e.db)
	if err != nil {
		return l, fmt.Errorf("analysis lag: %w", err)
	}
	l.Articles, l.Analysed = n, info.Analysed
	l.LagArticles = max(0, n-info.Analysed)
	l.SnapshotMark, l.SnapshotAt = info.SnapshotMark, info.SnapshotAt
	p, err := e.db.PendingArticles(ctx, 1)
	if err != nil {
		return l, fmt.Errorf("analysis lag: %w", err)
	}
	if len(p) > 0 {
		l.LagArticles = max(l.LagArticles, 1)
		if !p[0].IngestedAt.IsZero() {
			l.LagSeconds = max(0, time.Since(p[0].IngestedAt).Seconds())
		}
	} else {
		// Nothing pending: every article has its analysis row, whatever
		// the state mark says (a mark behind the rows is the restart bug
		// of docs/scale.md "Faults"; the rows are what counts).
		l.LagArticles = 0
	}
	return l, nil
}

// Process is one Parallax process connected to the database.
type Process struct {
	// Name is the process's PostgreSQL application_name ("parallax serve",
	// "parallax ingest leader pid 12 on host").
	Name        string    `json:"name"`
	Address     string    `json:"address,omitempty"`
	Connections int       `json:"connections"`
	Since       time.Time `json:"since,omitzero"`
}

// Status is what `parallax status` reports.
type Status struct {
	Database string `json:"database"`
	Backend  string `json:"backend"` // "sqlite" or "postgres"
	// Leader is the process that leads the analysis (Held false: none).
	Leader Holder `json:"leader"`
	Lag
	// SnapshotAgeArticles counts the analysed articles the snapshot does
	// not cover (a new leader replays them); SnapshotAgeSeconds is the
	// snapshot's age (0 when there is none).
	SnapshotAgeArticles int     `json:"snapshot_age_articles"`
	SnapshotAgeSeconds  float64 `json:"snapshot_age_seconds"`
	// Processes are the Parallax processes connected to a PostgreSQL
	// database (by session); empty for SQLite, which keeps no list.
	Processes []Process `json:"processes"`
	// Queue is the job queue's depth by kind and Workers the processes
	// that started a job in the last minute (PostgreSQL; empty on
	// SQLite, which has no job queue).
	Queue   []QueueDepth `json:"queue"`
	Workers []WorkerSeen `json:"workers"`
	// Prepare reports the analysis's per-article work done by workers
	// (prepare_articles jobs; PostgreSQL, zero on SQLite).
	Prepare PrepareStatus `json:"prepare"`
	// Reanalysis: analysed articles whose feed summary took its page's
	// text since the last whole re-analysis for such articles (Waiting),
	// which the leading process redoes at most hourly, and when it last
	// did (Last; absent if never).
	Reanalysis ReanalysisStatus `json:"reanalysis"`
}

// ReanalysisStatus reports the database's re-analysis list.
type ReanalysisStatus struct {
	Waiting int       `json:"waiting"`
	Last    time.Time `json:"last,omitzero"`
}

// PrepareStatus reports the prepare jobs of a PostgreSQL database.
type PrepareStatus struct {
	// Workers are the workers that prepare and said they were alive in
	// the last 20 seconds; while there is none, the leader enqueues no
	// prepare jobs and prepares everything itself.
	Workers []string `json:"workers"`
	// Wanted counts pending articles a queued job is to prepare; Prepared
	// those prepared and not analysed yet (rows of analysed articles are
	// dropped after each analysis).
	Wanted   int `json:"wanted"`
	Prepared int `json:"prepared"`
}

// Status reports the leader, the analysis lag, the snapshot's age and the
// processes seen.
func (e *Engine) Status(ctx context.Context) (Status, error) {
	st := Status{Database: e.name, Backend: "sqlite", Processes: []Process{}, Queue: []QueueDepth{}, Workers: []WorkerSeen{},
		Prepare: PrepareStatus{Workers: []string{}}}
	if IsPostgres(e.name) {
		st.Backend = "postgres"
	}
	h, err := e.lead.Holder(ctx)
	if err != nil {
		return st, err
	}
	st.Leader = h
	if st.Lag, err = e.Lag(ctx); err != nil {
		return st, err
	}
	st.SnapshotAgeArticles = max(0, st.Analysed-st.SnapshotMark)
	if !st.SnapshotAt.IsZero() {
		st.SnapshotAgeSeconds = time.Since(st.SnapshotAt).Seconds()
	}
	if r, ok, err := e.reanalysisList(ctx); err != nil {
		return st, err
	} else if ok {
		st.Reanalysis = ReanalysisStatus{Waiting: r.Waiting, Last: r.Last}
	}
	if pl, ok := e.lead.(*pgLeader); ok {
		ps, err := pl.processes(ctx)
		if err != nil {
			return st, err
		}
		st.Processes = ps
	}
	if e.jobs != nil {
		if st.Queue, err = e.jobs.Depths(ctx); err != nil {
			return st, err
		}
		if st.Workers, err = e.jobs.WorkersSeen(ctx, time.Minute); err != nil {
			return st, err
		}
		if st.Prepare, err = e.jobs.prepareStatus(ctx); err != nil {
			return st, err
		}
	}
	return st, nil
}

// processes lists the sessions of Parallax processes in the database,
// grouped by application name and address.
func (l *pgLeader) processes(ctx context.Context) ([]Process, error) {
	conn, _, err := l.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	rows, err := conn.Query(ctx, `SELECT application_name, coalesce(host(client_addr), 'local'), count(*), min(backend_start)
		FROM pg_stat_activity
		WHERE datname = current_database() AND application_name LIKE 'parallax %' AND pid <> pg_backend_pid()
		GROUP BY 1, 2 ORDER BY 4`)
	if err != nil {
		return nil, fmt.Errorf("processes: %w", err)
	}
	defer rows.Close()
	out := []Process{}
	for rows.Next() {
		var p Process
		var n int64
		if err := rows.Scan(&p.Name, &p.Address, &n, &p.Since); err != nil {
			return nil, fmt.Errorf("processes: %w", err)
		}
		p.Connections, p.Since = int(n), p.Since.UTC()
		if p.Address == "local" {
			p.Address = ""
		}
		p.Name = strings.TrimSpace(p.Name)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("processes: %w", err)
	}
	return out, nil
}
