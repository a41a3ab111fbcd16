package cluster

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestEvaluateNewsClusters(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "news-clusters")
	rep, err := Evaluate(context.Background(), dir, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
	_ = os.Getenv
}
