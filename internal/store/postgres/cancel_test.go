package postgres

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestQueryCanceled checks that a statement running on the server stops
// when its context's deadline passes (pgx sends a cancel request), what
// makes a request deadline bound a search, and that withContext makes the
// error wrap the context's.
func TestQueryCanceled(t *testing.T) {
	db := open(t)
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := db.pool.Exec(ctx, `SELECT pg_sleep(60)`)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a 60 s statement returned after %v, want soon after its 200ms deadline", took)
	}
	if err == nil {
		t.Fatal("a 60 s statement returned without an error")
	}
	if err := withContext(ctx, err); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("withContext: %v, want it to wrap context.DeadlineExceeded", err)
	}
	if _, err := db.Search(t.Context(), "anything", 5); err != nil {
		t.Errorf("search after the canceled statement: %v", err)
	}
}
