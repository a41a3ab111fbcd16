package engine

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/parallax-news/parallax/internal/feed"
)

// Per-host limits across processes. Each process's poller spaces its
// requests to one host (feed.PollerOptions.HostRate, a robots.txt
// Crawl-delay), but N workers working one host's page or poll jobs would
// reach it N times as often. On PostgreSQL the host's next free moment is a row of
// host_slots, shared by every process: a job takes the next slot
// (host_slots.next_at moves one interval on, in one statement that locks
// the row), waits for it when it is near (maxHostWait) and is snoozed
// (River's JobSnooze: no attempt spent) when it is further, so that a
// busy host holds no worker. A 429 or 503 with Retry-After moves the
// host's next slot to the time asked for, for every process.
//
// The clock is the server's: processes on several machines need not agree
// on the time.

// maxHostWait is the longest a job waits in its worker for its host's
// slot; a host busier than that snoozes the job.
const maxHostWait = 5 * time.Second

// hostSchema is run by migrate: the table of the hosts' next free slots.
func (q *Jobs) hostSchema() string {
	return `CREATE TABLE IF NOT EXISTS ` + q.table("host_slots") + ` (
		host    text COLLATE "C" PRIMARY KEY,
		next_at timestamptz NOT NULL)`
}

// takeHostSlot reserves the next request slot of host, slots being every
// apart, and returns how long to wait for it (0: now). When the next slot
// is more than maxWait away it reserves nothing, returns the wait until
// that slot and busy.
func (q *Jobs) takeHostSlot(ctx context.Context, host string, every, maxWait time.Duration) (wait time.Duration, busy bool, err error) {
	var secs float64
	err = q.pool.QueryRow(ctx, `INSERT INTO `+q.table("host_slots")+` AS h (host, next_at)
		VALUES ($1, clock_timestamp() + make_interval(secs => $2))
		ON CONFLICT (host) DO UPDATE SET next_at = greatest(h.next_at, clock_timestamp()) + make_interval(secs => $2)
		WHERE h.next_at <= clock_timestamp() + make_interval(secs => $3)
		RETURNING extract(epoch FROM next_at - make_interval(secs => $2) - clock_timestamp())::float8`,
		host, every.Seconds(), maxWait.Seconds()).Scan(&secs)
	if err == nil {
		return max(0, time.Duration(secs*float64(time.Second))), false, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, false, fmt.Errorf("host slot of %s: %w", host, err)
	}
	// Busy: the row was not updated.
	err = q.pool.QueryRow(ctx, `SELECT extract(epoch FROM next_at - clock_timestamp())::float8 FROM `+
		q.table("host_slots")+` WHERE host = $1`, host).Scan(&secs)
	if err != nil {
		return 0, false, fmt.Errorf("host slot of %s: %w", host, err)
	}
	return max(0, time.Duration(secs*float64(time.Second))), true, nil
}

// holdHost keeps every process off host for d from now (a server's
// Retry-After), unless it is held longer already.
func (q *Jobs) holdHost(ctx context.Context, host string, d time.Duration) error {
	_, err := q.pool.Exec(ctx, `INSERT INTO `+q.table("host_slots")+` AS h (host, next_at)
		VALUES ($1, clock_timestamp() + make_interval(secs => $2))
		ON CONFLICT (host) DO UPDATE SET next_at = greatest(h.next_at, excluded.next_at)`, host, d.Seconds())
	if err != nil {
		return fmt.Errorf("hold host %s: %w", host, err)
	}
	return nil
}

// errHostBusy is what a job's fetch meets when its host's next slot is
// further than maxHostWait: the job is snoozed until about then.
type errHostBusy struct {
	host string
	wait time.Duration
}

func (e *errHostBusy) Error() string {
	return fmt.Sprintf("host %s busy for %s (its request rate is shared by every worker)", e.host, e.wait.Round(time.Millisecond))
}

// waitHostSlot is the feed.HostGate of page jobs: it takes the host's
// next slot shared through the database and waits for it; a host busier
// than maxHostWait returns an *errHostBusy.
func (q *Jobs) waitHostSlot(ctx context.Context, host string, every time.Duration) error {
	return q.waitSlot(ctx, host, every, q.maxHostWait())
}

// waitSlot takes host's next slot and waits for it, or returns an
// *errHostBusy when it is further than maxWait.
func (q *Jobs) waitSlot(ctx context.Context, host string, every, maxWait time.Duration) error {
	wait, busy, err := q.takeHostSlot(ctx, host, every, maxWait)
	if err != nil {
		return err
	}
	if busy {
		return &errHostBusy{host: host, wait: wait}
	}
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for a slot of %s: %w", host, context.Cause(ctx))
	}
}

// pollGate prepares a poll_feed job's context: when the feed's host is
// busier than maxHostWait (other jobs hold its next slots, or a
// Retry-After) it returns an *errHostBusy, and the job is snoozed before
// it polls; otherwise the poll's requests (the feed, robots.txt) each take
// the host's next slot and wait for it, however long: a poll that
// started is not stopped half way, where the feed would record it as a
// failure.
func (q *Jobs) pollGate(ctx context.Context, p *feed.Poller, feedURL string) (context.Context, error) {
	host, every, err := p.HostInterval(feedURL)
	if err != nil || every <= 0 {
		// No limit, or a URL the poll will record as bad on the feed.
		return ctx, nil
	}
	var secs float64
	err = q.pool.QueryRow(ctx, `SELECT extract(epoch FROM next_at - clock_timestamp())::float8 FROM `+
		q.table("host_slots")+` WHERE host = $1`, host).Scan(&secs)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return ctx, fmt.Errorf("host slot of %s: %w", host, err)
	}
	if wait := time.Duration(secs * float64(time.Second)); wait > q.maxHostWait() {
		return ctx, &errHostBusy{host: host, wait: wait}
	}
	return feed.WithHostGate(ctx, func(ctx context.Context, host string, every time.Duration) error {
		return q.waitSlot(ctx, host, every, 24*time.Hour)
	}), nil
}

// maxHostWait is the queue's maxHostWait (tests shorten it).
func (q *Jobs) maxHostWait() time.Duration {
	if q.hostWait > 0 {
		return q.hostWait
	}
	return maxHostWait
}

// snoozeBusy is the River answer to a busy host: come back when the slot
// is near, spread over one more wait so that the jobs of one host do not
// all return at once.
func (q *Jobs) snoozeBusy(b *errHostBusy) error {
	return river.JobSnooze(b.wait + time.Duration(rand.Int64N(int64(q.maxHostWait()))))
}

// hostOf is the host key of rawURL under the per-host limits (host:port,
// lower case; "" if none).
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}
