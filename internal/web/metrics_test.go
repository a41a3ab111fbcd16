package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/news"
)

// TestMetricsScrape scrapes GET /metrics of a server over the analysed
// seeds, parses it with the Prometheus text parser and checks the
// database gauges and the request counters by route and status.
func TestMetricsScrape(t *testing.T) {
	db := seededDB(t)
	e := engine.New(db, engine.Options{})
	srv := New(db, Options{Metrics: e.Metrics()})

	fetch(t, srv, "/stories")
	fetch(t, srv, "/stories")
	fetch(t, srv, "/api/stories?limit=1")
	srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/articles/nosuchid", nil))
	// One stored article waits for analysis.
	if _, err := db.PutArticles(context.Background(), []news.Article{{ID: "waiting", Title: "Waiting", Text: "A new article not analysed yet."}}); err != nil {
		t.Fatal(err)
	}

	rec := fetch(t, srv, "/metrics")
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q", ct)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(rec.Body.String()))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, rec.Body.String())
	}
	gauge := func(name string) float64 {
		f, ok := families[name]
		if !ok || len(f.Metric) != 1 {
			t.Errorf("metric %s missing", name)
			return -1
		}
		return f.Metric[0].GetGauge().GetValue()
	}
	if got := gauge("parallax_articles"); got != 6 {
		t.Errorf("parallax_articles %v, want 6", got)
	}
	if got := gauge("parallax_analysis_lag_articles"); got != 1 {
		t.Errorf("parallax_analysis_lag_articles %v, want 1", got)
	}
	if got := gauge("parallax_analysis_lag_seconds"); got < 0 || got > 60 {
		t.Errorf("parallax_analysis_lag_seconds %v", got)
	}
	if got := gauge("parallax_analysis_leader"); got != 0 {
		t.Errorf("parallax_analysis_leader %v, want 0 (nothing analysing)", got)
	}
	if _, ok := families["parallax_feed_polls_total"]; !ok {
		t.Error("parallax_feed_polls_total missing")
	}
	count := func(route, code string) float64 {
		for _, m := range families["parallax_http_requests_total"].GetMetric() {
			if label(m, "route") == route && label(m, "code") == code {
				return m.GetCounter().GetValue()
			}
		}
		return 0
	}
	for _, c := range []struct {
		route, code string
		want        float64
	}{
		{"GET /stories", "200", 2},
		{"GET /api/stories", "200", 1},
		{"GET /articles/{id}", "404", 1},
	} {
		if got := count(c.route, c.code); got != c.want {
			t.Errorf("requests %s %s: %v, want %v", c.route, c.code, got, c.want)
		}
	}
	var observed uint64
	for _, m := range families["parallax_http_request_duration_seconds"].GetMetric() {
		if label(m, "route") == "GET /stories" {
			observed = m.GetHistogram().GetSampleCount()
		}
	}
	if observed != 2 {
		t.Errorf("durations of GET /stories: %d observed, want 2", observed)
	}
}

func label(m *dto.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}
