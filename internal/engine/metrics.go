package engine

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// Metrics are the engine's measurements in the Prometheus model, served
// as text by Handler (GET /metrics of serve). Counters count what this
// process did; the database gauges (articles, analysis lag) are read from
// the store at each scrape, so every process reports the same.
type Metrics struct {
	reg *prometheus.Registry

	added     prometheus.Counter
	analysedN prometheus.Counter
	preparedN prometheus.Counter // articles this process prepared for another's analysis
	takenN    prometheus.Counter // articles this process analysed from results prepared elsewhere
	polls     *prometheus.CounterVec
	requests  *prometheus.CounterVec
	durations *prometheus.HistogramVec
	jobs      *prometheus.CounterVec // jobs this process worked (river_metrics.go)

	taken atomic.Int64 // takenN, readable

	mu     sync.Mutex
	engine *Engine
}

// AnalysedPrepared is the number of articles this process analysed from
// results another process prepared.
func (m *Metrics) AnalysedPrepared() int { return int(m.taken.Load()) }

// NewMetrics returns a new set of metrics with the Go runtime's and the
// process's beside Parallax's.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		added: prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_articles_added_total",
			Help: "New articles this process stored."}),
		analysedN: prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_articles_analysed_total",
			Help: "Articles this process analysed."}),
		preparedN: prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_articles_prepared_total",
			Help: "Articles this process prepared (prepare_articles jobs) for the leader's analysis."}),
		takenN: prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_articles_analysed_prepared_total",
			Help: "Articles this process analysed from results another process prepared."}),
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "parallax_feed_polls_total",
			Help: "Feed polls by outcome (fetched, not_modified, failed, disabled)."}, []string{"outcome"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "parallax_http_requests_total",
			Help: "HTTP requests by route pattern and status code."}, []string{"route", "code"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "parallax_http_request_duration_seconds",
			Help:    "HTTP request durations by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}, []string{"route"}),
	}
	m.jobs = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "parallax_jobs_worked_total",
		Help: "Jobs this process worked, by kind and outcome (completed, failed, cancelled)."}, []string{"kind", "outcome"})
	for _, o := range []feed.Outcome{feed.Fetched, feed.NotModified, feed.Failed, feed.Disabled} {
		m.polls.WithLabelValues(string(o))
	}
	m.reg.MustRegister(m.added, m.analysedN, m.preparedN, m.takenN, m.polls, m.jobs, m.requests, m.durations, dbCollector{m},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Registry returns the registry the metrics are in, for more collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// ObserveRequest counts one HTTP request: route is the pattern it matched
// ("GET /stories/{id}"), or "other" when none did.
func (m *Metrics) ObserveRequest(route string, code int, d time.Duration) {
	if route == "" {
		route = "other"
	}
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.durations.WithLabelValues(route).Observe(d.Seconds())
}

func (m *Metrics) watch(e *Engine) {
	m.mu.Lock()
	m.engine = e
	m.mu.Unlock()
}

func (m *Metrics) stored(n int) { m.added.Add(float64(n)) }

func (m *Metrics) analysed(s pipeline.AnalyzeSummary) {
	m.analysedN.Add(float64(s.Articles))
	m.takenN.Add(float64(s.Prepared))
	m.taken.Add(int64(s.Prepared))
}

func (m *Metrics) prepared(n int) { m.preparedN.Add(float64(n)) }

func (m *Metrics) polled(s feed.Summary) {
	for _, r := range s.Results {
		m.polls.WithLabelValues(string(r.Outcome)).Inc()
	}
}

// dbCollector reads the database gauges at scrape time.
type dbCollector struct{ m *Metrics }

var (
	descArticles = prometheus.NewDesc("parallax_articles", "Articles stored in the database.", nil, nil)
	descLag      = prometheus.NewDesc("parallax_analysis_lag_articles", "Stored articles not analysed yet.", nil, nil)
	descLagSecs  = prometheus.NewDesc("parallax_analysis_lag_seconds",
		"How long the oldest stored article not analysed yet has waited (0 when none waits).", nil, nil)
	descLeader = prometheus.NewDesc("parallax_analysis_leader", "1 when this process leads the analysis of the database.", nil, nil)
	descSnap   = prometheus.NewDesc("parallax_analysis_snapshot_age_seconds",
		"Age of the analyser's last snapshot (absent when there is none).", nil, nil)
)

func (c dbCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descArticles, descLag, descLagSecs, descLeader, descSnap} {
		ch <- d
	}
}

func (c dbCollector) Collect(ch chan<- prometheus.Metric) {
	c.m.mu.Lock()
	e := c.m.engine
	c.m.mu.Unlock()
	if e == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	leader := 0.0
	if e.lead.Held() {
		leader = 1
	}
	ch <- prometheus.MustNewConstMetric(descLeader, prometheus.GaugeValue, leader)
	lag, err := e.Lag(ctx)
	if err != nil {
		e.log.Warn("metrics: analysis lag", "error", err)
		return
	}
	ch <- prometheus.MustNewConstMetric(descArticles, prometheus.GaugeValue, float64(lag.Articles))
	ch <- prometheus.MustNewConstMetric(descLag, prometheus.GaugeValue, float64(lag.LagArticles))
	ch <- prometheus.MustNewConstMetric(descLagSecs, prometheus.GaugeValue, lag.LagSeconds)
	if !lag.SnapshotAt.IsZero() {
		ch <- prometheus.MustNewConstMetric(descSnap, prometheus.GaugeValue, time.Since(lag.SnapshotAt).Seconds())
	}
}
