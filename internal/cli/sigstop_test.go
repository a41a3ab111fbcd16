package cli

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// TestPostgresStoppedWorkerWritesNothing: a worker stopped with SIGSTOP
// in the middle of a prepare_articles job, for longer than the job's
// timeout and rescue time, is replaced: River takes the job as lost and
// another worker prepares its articles. Continued with SIGCONT, the
// stopped worker writes none of its stale results (its attempt is no
// longer the job's), and it goes on working.
func TestPostgresStoppedWorkerWritesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for River's rescuer, which runs every 30 seconds")
	}
	pg := pgtest.DSN(t)
	ctx := t.Context()
	e, err := engine.Open(ctx, pg, engine.Options{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	inputs, errs := ingest.Expand([]string{sharedtest.Dir(t, "eval", "news-clusters")})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if _, err := e.Ingest(ctx, inputs, engine.IngestOptions{NoAnalysis: true, Options: pipeline.Options{Workers: 1, Readers: 1}}); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	flags := []string{"worker", "--db", pg, "--jobs", "1", "--analyse=false", "--job-timeout", "2s", "--rescue-after", "3s"}
	a, outA := startCLI(t, flags...)
	waitUntil(t, outA, "worker A's heartbeat", func() bool {
		ok, err := e.Jobs().PreparersAlive(ctx)
		return err == nil && ok
	})
	idA := fmt.Sprintf("worker pid %d on ", a.Process.Pid)

	// Stop A in the middle of a job: enqueue a chunk at a time until A is
	// caught with one running.
	var job int64
	var ids []string
	for try := 0; job == 0; try++ {
		if try == 20 {
			t.Fatal("never caught worker A in the middle of a job")
		}
		if n, err := e.EnqueuePrepare(ctx, 25*try, 25); err != nil || n == 0 {
			t.Fatalf("enqueue: %d, %v", n, err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			var state string
			var id int64
			err := conn.QueryRow(ctx, `SELECT id, state::text FROM river_job WHERE kind = 'prepare_articles' ORDER BY id DESC LIMIT 1`).Scan(&id, &state)
			if err != nil {
				t.Fatal(err)
			}
			if state == "running" {
				if err := a.Process.Signal(syscall.SIGSTOP); err != nil {
					t.Fatal(err)
				}
				// Still running once stopped: caught mid-job.
				if err := conn.QueryRow(ctx, `SELECT state::text FROM river_job WHERE id = $1`, id).Scan(&state); err != nil {
					t.Fatal(err)
				}
				if state == "running" {
					job = id
				} else if err := a.Process.Signal(syscall.SIGCONT); err != nil {
					t.Fatal(err)
				}
				break
			}
			if state == "completed" {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	if err := conn.QueryRow(ctx, `SELECT ARRAY(SELECT jsonb_array_elements_text(args->'ids')) FROM river_job WHERE id = $1`, job).Scan(&ids); err != nil {
		t.Fatal(err)
	}
	stopped := time.Now()
	t.Logf("stopped worker A (pid %d) in job %d (%d articles)", a.Process.Pid, job, len(ids))

	// B takes over once River's rescuer (in B, once it leads River's
	// maintenance) has taken the job as lost.
	b, outB := startCLI(t, flags...)
	idB := fmt.Sprintf("worker pid %d on ", b.Process.Pid)
	deadline := time.Now().Add(150 * time.Second)
	for {
		var state string
		var attempt int
		if err := conn.QueryRow(ctx, `SELECT state::text, attempt FROM river_job WHERE id = $1`, job).Scan(&state, &attempt); err != nil {
			t.Fatal(err)
		}
		if state == "completed" && attempt >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d: %s, attempt %d after %v\nB:\n%s", job, state, attempt, time.Since(stopped), outB.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("job %d rescued and done by another attempt %v after the stop", job, time.Since(stopped).Round(time.Second))
	if err := a.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second) // A resumes its stale attempt

	rows, err := conn.Query(ctx, `SELECT a.id, p.prepared_by, p.data IS NOT NULL FROM analysis_prepared p
		JOIN articles a ON a.seq = p.article_seq WHERE a.id = ANY($1)`, ids)
	if err != nil {
		t.Fatal(err)
	}
	byA, byB, missing := 0, 0, 0
	for rows.Next() {
		var id, by string
		var has bool
		if err := rows.Scan(&id, &by, &has); err != nil {
			t.Fatal(err)
		}
		switch {
		case !has:
			missing++
		case strings.HasPrefix(by, idA):
			byA++
		case strings.HasPrefix(by, idB):
			byB++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if byA != 0 || missing != 0 || byB != len(ids) {
		t.Errorf("job %d's %d articles: %d written by the stopped worker, %d by the other, %d not prepared", job, len(ids), byA, byB, missing)
	}
	// A goes on: it prepares the next job.
	if n, err := e.EnqueuePrepare(ctx, 0, 1000); err != nil || n == 0 {
		t.Fatalf("enqueue the rest: %d, %v", n, err)
	}
	if err := b.Process.Signal(syscall.SIGSTOP); err != nil { // leave the rest to A
		t.Fatal(err)
	}
	waitUntil(t, outA, "worker A to prepare again after SIGCONT", func() bool {
		var n int
		err := conn.QueryRow(ctx, `SELECT count(*) FROM analysis_prepared WHERE prepared_by LIKE $1`, idA+"%").Scan(&n)
		return err == nil && n > 0
	})
	_ = b.Process.Signal(syscall.SIGCONT)
}
