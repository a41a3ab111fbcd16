package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// Prepare jobs move the analysis's per-article work (entities, quotes,
// time expressions, duplicate hashing, cluster features) off the leader:
// the leader enqueues a prepare_articles job per chunk of pending articles
// beyond the batches it is about to take, any `parallax worker` prepares
// them and writes the results to the analysis_prepared table, and the
// leader's analysis takes them in store order (pipeline.PreparedSource),
// preparing itself whatever no worker has yet. So a dead or stopped
// worker never stalls the analysis, and a result is used at most once: an
// article is analysed once, whoever prepared it.
//
// analysis_prepared has one row per (article, build): a row with no data
// is wanted (its job is queued), a row with data is prepared. The leader
// deletes the rows of each batch as it takes them (LoadPrepared), so a
// result is used once and workers skip what the leader already took;
// rows left by a failed run are deleted after the next analysis. The build is the
// hash of the executable (buildID): a worker of another build writes
// nothing the leader reads, since its per-article stages may differ.

// PrepareArticlesKind is the kind of the job that prepares a chunk of
// pending articles for the analysis.
const PrepareArticlesKind = "prepare_articles"

// PrepareQueue is the River queue of prepare_articles jobs: only `parallax
// worker` processes work it (a serve that leads would only prepare its
// own articles twice).
const PrepareQueue = "prepare"

// prepareChunk is the number of articles per prepare_articles job: a few
// hundred milliseconds of work, so that the queue's cost per job stays
// small beside it.
const prepareChunk = 25

// PrepareArticlesArgs is the payload of a prepare_articles job.
type PrepareArticlesArgs struct {
	IDs []string `json:"ids"`
	// Build is the build of the leader that wants them (buildID).
	Build string `json:"build"`
}

// Kind implements river.JobArgs.
func (PrepareArticlesArgs) Kind() string { return PrepareArticlesKind }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (PrepareArticlesArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, Queue: PrepareQueue}
}

var (
	buildOnce sync.Once
	buildHash string
)

// buildID identifies this program's code: the SHA-256 of its executable,
// or, when that cannot be read, a value of this process alone (nothing it
// prepares is then taken by another process, nor the converse).
func buildID() string {
	buildOnce.Do(func() {
		h := sha256.New()
		path, err := os.Executable()
		if err == nil {
			var f *os.File
			if f, err = os.Open(path); err == nil {
				_, err = io.Copy(h, f)
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(h, "pid %d at %d", os.Getpid(), time.Now().UnixNano())
		}
		buildHash = hex.EncodeToString(h.Sum(nil)[:12])
	})
	return buildHash
}

func (q *Jobs) table(name string) string { return pgx.Identifier{q.schema, name}.Sanitize() }

// prepareSchema is run by migrate: the tables of prepare jobs.
func (q *Jobs) prepareSchema() string {
	return `CREATE TABLE IF NOT EXISTS ` + q.table("analysis_prepared") + ` (
		article_seq bigint NOT NULL REFERENCES ` + q.table("articles") + ` (seq) ON DELETE CASCADE,
		build       text   NOT NULL,
		data        bytea,
		prepared_by text   NOT NULL DEFAULT '',
		wanted_at   timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (article_seq, build));
	CREATE TABLE IF NOT EXISTS ` + q.table("job_workers") + ` (
		id       text PRIMARY KEY,
		prepares boolean NOT NULL DEFAULT false,
		seen_at  timestamptz NOT NULL DEFAULT now())`
}

// PreparersAlive reports whether a worker that prepares articles said it
// was alive in the last 20 seconds.
func (q *Jobs) PreparersAlive(ctx context.Context) (bool, error) {
	var ok bool
	err := q.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+q.table("job_workers")+`
		WHERE prepares AND seen_at > now() - interval '20 seconds')`).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("workers alive: %w", err)
	}
	return ok, nil
}

// prepareStatus reads the workers that prepare and the rows of
// analysis_prepared.
func (q *Jobs) prepareStatus(ctx context.Context) (PrepareStatus, error) {
	st := PrepareStatus{Workers: []string{}}
	rows, err := q.pool.Query(ctx, `SELECT id FROM `+q.table("job_workers")+`
		WHERE prepares AND seen_at > now() - interval '20 seconds' ORDER BY id`)
	if err != nil {
		return st, fmt.Errorf("prepare status: %w", err)
	}
	if st.Workers, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return st, fmt.Errorf("prepare status: %w", err)
	}
	if st.Workers == nil {
		st.Workers = []string{}
	}
	var wanted, prepared int64
	if err := q.pool.QueryRow(ctx, `SELECT count(*) - count(data), count(data) FROM `+q.table("analysis_prepared")).Scan(&wanted, &prepared); err != nil {
		return st, fmt.Errorf("prepare status: %w", err)
	}
	st.Wanted, st.Prepared = int(wanted), int(prepared)
	return st, nil
}

// heartbeat says every 5 seconds, until ctx ends, that worker id is alive;
// then it removes the worker's row.
func (q *Jobs) heartbeat(ctx context.Context, id string, prepares bool, log *slog.Logger) {
	beat := func() {
		c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_, err := q.pool.Exec(c, `INSERT INTO `+q.table("job_workers")+` (id, prepares, seen_at) VALUES ($1, $2, now())
			ON CONFLICT (id) DO UPDATE SET prepares = excluded.prepares, seen_at = now()`, id, prepares)
		if err != nil && ctx.Err() == nil {
			log.WarnContext(ctx, "worker heartbeat", "error", err)
		}
	}
	beat()
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			_, _ = q.pool.Exec(c, `DELETE FROM `+q.table("job_workers")+` WHERE id = $1`, id) // it ages out anyway
			cancel()
			return
		case <-t.C:
			beat()
		}
	}
}

// EnqueuePrepare enqueues prepare_articles jobs for the pending articles
// after the first skip, up to limit, that no job wants yet, and reports
// how many articles it enqueued (none while no worker that prepares is
// alive). The leader does this itself as it analyses; it is exported for
// tests and tools that drive workers without analysing.
func (e *Engine) EnqueuePrepare(ctx context.Context, skip, limit int) (int, error) {
	if e.jobs == nil {
		return 0, errors.New("enqueue prepare jobs: the database has no job queue (SQLite)")
	}
	return e.enqueuePrepare(ctx, skip, limit)
}

// enqueuePrepare enqueues prepare_articles jobs for the pending articles
// after the first skip (the batch the leader takes next, which it would
// prepare before any worker could) that no job wants yet, up to limit, in
// store order; the rows saying they are wanted and the jobs are written
// in one transaction. It does nothing unless a worker that prepares is
// alive.
func (e *Engine) enqueuePrepare(ctx context.Context, skip, limit int) (int, error) {
	q := e.jobs
	alive, err := q.PreparersAlive(ctx)
	if err != nil || !alive {
		return 0, err
	}
	build := buildID()
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("enqueue prepare jobs: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit it does nothing
	// The store's pending table (kept by triggers) lists the articles not
	// analysed yet without walking the analysed ones.
	rows, err := tx.Query(ctx, `WITH pending AS (
			SELECT p.seq FROM `+q.table("pending")+` p
			ORDER BY p.seq OFFSET $2 LIMIT $3),
		wanted AS (
			INSERT INTO `+q.table("analysis_prepared")+` (article_seq, build)
			SELECT seq, $1 FROM pending ORDER BY seq
			ON CONFLICT DO NOTHING RETURNING article_seq)
		SELECT a.id FROM wanted w JOIN `+q.table("articles")+` a ON a.seq = w.article_seq ORDER BY a.seq`, build, skip, limit)
	if err != nil {
		return 0, fmt.Errorf("enqueue prepare jobs: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return 0, fmt.Errorf("enqueue prepare jobs: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	var params []river.InsertManyParams
	for start := 0; start < len(ids); start += prepareChunk {
		chunk := ids[start:min(start+prepareChunk, len(ids))]
		params = append(params, river.InsertManyParams{Args: PrepareArticlesArgs{IDs: chunk, Build: build}})
	}
	if _, err := q.insert.InsertManyTx(ctx, tx, params); err != nil {
		return 0, fmt.Errorf("enqueue prepare jobs: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("enqueue prepare jobs: %w", err)
	}
	return len(ids), nil
}

// preparedSource is the leader's pipeline.PreparedSource: the results
// workers wrote for this build.
type preparedSource struct{ q *Jobs }

// LoadPrepared takes the rows of ids, prepared or still wanted, out of
// analysis_prepared and returns the results they held: each is used once,
// and a worker that has not reached an article the leader took skips it
// (its job finds the row gone), so that workers overtaken by the leader
// move on to articles it has not reached.
func (s preparedSource) LoadPrepared(ctx context.Context, ids []string) (map[string][]byte, error) {
	rows, err := s.q.pool.Query(ctx, `DELETE FROM `+s.q.table("analysis_prepared")+` p
		USING `+s.q.table("articles")+` a
		WHERE p.article_seq = a.seq AND a.id = ANY($1) AND p.build = $2
		RETURNING a.id, p.data`, ids, buildID())
	if err != nil {
		return nil, fmt.Errorf("load prepared results: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]byte, len(ids))
	for rows.Next() {
		var id string
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("load prepared results: %w", err)
		}
		if data != nil {
			out[id] = data
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load prepared results: %w", err)
	}
	return out, nil
}

// dropPrepared deletes the rows of analysed articles, and the rows of
// other builds wanted more than a day ago (their leader is gone).
func (q *Jobs) dropPrepared(ctx context.Context) error {
	_, err := q.pool.Exec(ctx, `DELETE FROM `+q.table("analysis_prepared")+` p
		WHERE EXISTS (SELECT 1 FROM `+q.table("analysis")+` z WHERE z.article_seq = p.article_seq)
		   OR (p.build <> $1 AND p.wanted_at < now() - interval '1 day')`, buildID())
	if err != nil {
		return fmt.Errorf("drop used prepared results: %w", err)
	}
	return nil
}

// putPrepared writes the results of one attempt of a prepare job, if
// that attempt is still the job's running one: the job's row is locked
// (FOR SHARE) for the transaction, so River cannot hand the job to
// another attempt between the check and the write. It returns how many
// rows were written (an article analysed meanwhile has no row left).
func (q *Jobs) putPrepared(ctx context.Context, l lease, build, by string, ids []string, data [][]byte) (int, error) {
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("write prepared results: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit it does nothing
	var state string
	var attempt int
	err = tx.QueryRow(ctx, `SELECT state::text, attempt FROM `+q.table("river_job")+` WHERE id = $1 FOR SHARE`, l.id).Scan(&state, &attempt)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("job %d: %w (deleted)", l.id, ErrStaleJob)
	}
	if err != nil {
		return 0, fmt.Errorf("write prepared results: check job %d: %w", l.id, err)
	}
	if state != "running" || attempt != l.attempt {
		return 0, fmt.Errorf("job %d attempt %d (now %s, attempt %d): %w", l.id, l.attempt, state, attempt, ErrStaleJob)
	}
	tag, err := tx.Exec(ctx, `UPDATE `+q.table("analysis_prepared")+` p SET data = v.data, prepared_by = $4
		FROM unnest($2::text[], $3::bytea[]) AS v(id, data), `+q.table("articles")+` a
		WHERE a.id = v.id AND p.article_seq = a.seq AND p.build = $1 AND p.data IS NULL`, build, ids, data, by)
	if err != nil {
		return 0, fmt.Errorf("write prepared results: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("write prepared results: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// wantedAmong returns the articles of ids still wanted by build (a row
// without data), in the order given.
func (q *Jobs) wantedAmong(ctx context.Context, build string, ids []string) ([]string, error) {
	rows, err := q.pool.Query(ctx, `SELECT a.id FROM `+q.table("articles")+` a
		JOIN `+q.table("analysis_prepared")+` p ON p.article_seq = a.seq
		WHERE a.id = ANY($1) AND p.build = $2 AND p.data IS NULL`, ids, build)
	if err != nil {
		return nil, fmt.Errorf("wanted articles: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("wanted articles: %w", err)
	}
	want := make(map[string]bool, len(got))
	for _, id := range got {
		want[id] = true
	}
	out := ids[:0:0]
	for _, id := range ids {
		if want[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// prepareWorker works prepare_articles jobs.
type prepareWorker struct {
	river.WorkerDefaults[PrepareArticlesArgs]
	e  *Engine
	id string
}

// Work prepares the job's articles that are still wanted and writes the
// results, if this attempt is still the job's (see putPrepared). A job of
// another build does nothing: its leader prepares those articles itself.
func (w *prepareWorker) Work(ctx context.Context, job *river.Job[PrepareArticlesArgs]) error {
	if len(job.Args.IDs) == 0 {
		return river.JobCancel(errors.New("prepare_articles job without articles"))
	}
	if job.Args.Build != buildID() {
		w.e.log.InfoContext(ctx, "prepare job of another build: left to its leader", "job", job.ID, "build", job.Args.Build)
		return nil
	}
	ids, err := w.e.jobs.wantedAmong(ctx, job.Args.Build, job.Args.IDs)
	if err != nil {
		return err
	}
	pr := pipeline.NewPreparer()
	var done []string
	var data [][]byte
	for _, id := range ids {
		a, err := w.e.db.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted since
		}
		if err != nil {
			return fmt.Errorf("prepare %s: %w", id, err)
		}
		b, err := pr.Prepare(a)
		if err != nil {
			return fmt.Errorf("prepare %s: %w", id, err)
		}
		done, data = append(done, id), append(data, b)
		if ctx.Err() != nil {
			return fmt.Errorf("prepare: %w", ctx.Err())
		}
	}
	n, err := w.e.jobs.putPrepared(ctx, lease{id: job.ID, attempt: job.Attempt}, job.Args.Build, w.id, done, data)
	if err != nil {
		return err
	}
	w.e.metrics.prepared(n)
	w.e.log.DebugContext(ctx, "prepared articles", slog.Int64("job", job.ID), slog.Int("attempt", job.Attempt),
		slog.Int("asked", len(job.Args.IDs)), slog.Int("wanted", len(ids)), slog.Int("written", n))
	return nil
}
