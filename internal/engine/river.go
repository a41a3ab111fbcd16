package engine

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/parallax-news/parallax/internal/store/postgres"
)

// Jobs is the job queue of a PostgreSQL database: River
// (github.com/riverqueue/river) in the same database and schema as the
// articles, so that a job and the data it works on share one server, one
// backup and one set of credentials. SQLite has no job queue: the embedded
// default is one process that polls and analyses itself (see
// docs/scale.md for why River's SQLite driver is not used).
//
// The queue's tables (river_job, river_leader, river_queue, ...) are
// created by River's own migrations, which Open runs beside Parallax's
// under an advisory lock keyed by the schema, so that processes opening a
// new database at the same moment migrate it once.
type Jobs struct {
	pool   *pgxpool.Pool
	schema string
	log    *slog.Logger
	// insert is a client without workers, for enqueueing.
	insert *river.Client[pgx.Tx]
	// hostWait, when set, replaces maxHostWait (tests).
	hostWait time.Duration
}

// openJobs connects a small pool of its own to the database dsn names,
// migrates River's tables into the connection's current schema and
// returns the queue.
func openJobs(ctx context.Context, dsn string, log *slog.Logger) (*Jobs, error) {
	name := postgres.Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("job queue of %s: %w", name, err)
	}
	if cfg.MaxConns > 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("job queue of %s: %w", name, err)
	}
	q := &Jobs{pool: pool, log: log}
	if err := q.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("job queue of %s: %w", name, err)
	}
	q.insert, err = river.NewClient(riverpgxv5.New(pool), q.config(nil))
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("job queue of %s: %w", name, err)
	}
	return q, nil
}

// migrate runs River's migrations in the connection's current schema,
// holding an advisory lock keyed by the schema.
func (q *Jobs) migrate(ctx context.Context) error {
	var schema *string
	if err := q.pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("current schema: %w", err)
	}
	if schema == nil {
		return errors.New("no schema to create the job tables in: search_path names no existing schema")
	}
	q.schema = *schema
	m, err := rivermigrate.New(riverpgxv5.New(q.pool), &rivermigrate.Config{Schema: q.schema, Logger: q.log})
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	h := fnv.New64a()
	h.Write([]byte("parallax river migrations " + q.schema))
	// River's migrations run one transaction each (one adds an enum value
	// that the next uses, which one transaction cannot do), so the lock is
	// a session lock, on a connection of its own, held around them all.
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	defer conn.Release()
	key := int64(h.Sum64())
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("river migrations: lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key) //nolint:errcheck // the session ends the lock too
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	if len(res.Versions) > 0 {
		q.log.Info("job queue migrated", "schema", q.schema, "versions", len(res.Versions))
	}
	if _, err := conn.Exec(ctx, q.prepareSchema()); err != nil {
		return fmt.Errorf("prepare job tables: %w", err)
	}
	if _, err := conn.Exec(ctx, q.hostSchema()); err != nil {
		return fmt.Errorf("host slots table: %w", err)
	}
	return nil
}

// config is the River configuration shared by the inserting client and
// the working ones; workers nil makes a client that only inserts.
func (q *Jobs) config(workers *river.Workers) *river.Config {
	return &river.Config{
		Schema:  q.schema,
		Logger:  q.log,
		Workers: workers,
	}
}

// Close closes the queue's connections.
func (q *Jobs) Close() {
	if q != nil {
		q.pool.Close()
	}
}

// Schema is the schema the queue's tables are in.
func (q *Jobs) Schema() string { return q.schema }

// Jobs returns the database's job queue, nil for SQLite.
func (e *Engine) Jobs() *Jobs { return e.jobs }

// QueueDepth counts the jobs of one kind by state.
type QueueDepth struct {
	Kind string `json:"kind"`
	// Available and Scheduled jobs wait; Running are being worked;
	// Retryable failed and wait for their next attempt.
	Available int `json:"available"`
	Scheduled int `json:"scheduled"`
	Running   int `json:"running"`
	Retryable int `json:"retryable"`
	// Completed, Cancelled and Discarded jobs are kept for a while (a day
	// for completed ones, a week for the others) and then deleted.
	Completed int `json:"completed"`
	Cancelled int `json:"cancelled"`
	Discarded int `json:"discarded"`
}

// JobCounts counts the queue's jobs by kind and state.
func (q *Jobs) JobCounts(ctx context.Context) (map[string]map[string]int, error) {
	rows, err := q.pool.Query(ctx, `SELECT kind, state::text, count(*) FROM `+pgx.Identifier{q.schema, "river_job"}.Sanitize()+` GROUP BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("job counts: %w", err)
	}
	defer rows.Close()
	out := map[string]map[string]int{}
	for rows.Next() {
		var kind, state string
		var n int64
		if err := rows.Scan(&kind, &state, &n); err != nil {
			return nil, fmt.Errorf("job counts: %w", err)
		}
		if out[kind] == nil {
			out[kind] = map[string]int{}
		}
		out[kind][state] = int(n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("job counts: %w", err)
	}
	return out, nil
}

// Depths returns the queue depth by kind, sorted by kind.
func (q *Jobs) Depths(ctx context.Context) ([]QueueDepth, error) {
	counts, err := q.JobCounts(ctx)
	if err != nil {
		return nil, err
	}
	out := []QueueDepth{}
	for _, kind := range sortedKeys(counts) {
		c := counts[kind]
		out = append(out, QueueDepth{Kind: kind,
			Available: c[string(rivertype.JobStateAvailable)] + c[string(rivertype.JobStatePending)],
			Scheduled: c[string(rivertype.JobStateScheduled)],
			Running:   c[string(rivertype.JobStateRunning)],
			Retryable: c[string(rivertype.JobStateRetryable)],
			Completed: c[string(rivertype.JobStateCompleted)],
			Cancelled: c[string(rivertype.JobStateCancelled)],
			Discarded: c[string(rivertype.JobStateDiscarded)],
		})
	}
	return out, nil
}

// WorkerSeen is a process that worked a job recently.
type WorkerSeen struct {
	// ID is the worker's River client ID ("worker pid 12 on host").
	ID string `json:"id"`
	// Jobs counts the jobs it attempted last within the window; LastJobAt
	// is when it started the latest.
	Jobs      int       `json:"jobs"`
	LastJobAt time.Time `json:"last_job_at"`
}

// WorkersSeen lists the processes that started a job within the last
// window (a minute for status), by the latest attempt of each job.
func (q *Jobs) WorkersSeen(ctx context.Context, window time.Duration) ([]WorkerSeen, error) {
	rows, err := q.pool.Query(ctx, `SELECT attempted_by[array_length(attempted_by, 1)], count(*), max(attempted_at)
		FROM `+pgx.Identifier{q.schema, "river_job"}.Sanitize()+`
		WHERE attempted_at > now() - make_interval(secs => $1) AND array_length(attempted_by, 1) > 0
		GROUP BY 1 ORDER BY 1`, window.Seconds())
	if err != nil {
		return nil, fmt.Errorf("workers seen: %w", err)
	}
	defer rows.Close()
	out := []WorkerSeen{}
	for rows.Next() {
		var w WorkerSeen
		var n int64
		if err := rows.Scan(&w.ID, &n, &w.LastJobAt); err != nil {
			return nil, fmt.Errorf("workers seen: %w", err)
		}
		w.Jobs, w.LastJobAt = int(n), w.LastJobAt.UTC()
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("workers seen: %w", err)
	}
	return out, nil
}

// workerID names this process in the jobs it works.
func workerID(command string) string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s pid %d on %s", command, os.Getpid(), host)
}
