package engine

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parallax-news/parallax/internal/store"
)

// errLockLost is the cause of an analysis cancelled because the
// connection holding the analysis lock broke.
var errLockLost = errors.New("analysis lock lost")

// transient reports whether err is one a later attempt may not meet: the
// database server restarting or unreachable for a moment, a connection
// broken under a query, a lost analysis lock, an analysis batch refused
// because another process analysed meanwhile (store.ErrConflict: the
// analyser rebuilds its memory from the store and, if it still leads,
// goes on). Context ends are not: the caller gave up.
func transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) && !errors.Is(err, errLockLost) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.Is(err, errLockLost) || errors.Is(err, store.ErrConflict) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Class 08: connection exceptions; 57P01-03: the server shutting
		// down or starting; 40001 and 40P01: serialization failure and
		// deadlock, which a retry resolves.
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" ||
			pgErr.Code == "57P03" || pgErr.Code == "40001" || pgErr.Code == "40P01"
	}
	var connErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connErr) || errors.As(err, &netErr) || pgconn.SafeToRetry(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE) ||
		strings.Contains(err.Error(), "conn closed")
}

// retryTransient is how long the engine retries an operation that keeps
// failing with transient errors before giving up.
const retryTransient = time.Minute

// backoff waits before attempt n+1 (100 ms, doubling, at most 2 s) or
// until ctx ends, and reports whether to go on.
func backoff(ctx context.Context, n int) bool {
	wait := min(100*time.Millisecond<<min(n, 5), 2*time.Second)
	select {
	case <-ctx.Done():
		return false
	case <-time.After(wait):
		return true
	}
}
