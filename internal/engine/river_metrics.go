package engine

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
)

// jobDone counts a job this process worked, by the event River reports.
func (m *Metrics) jobDone(ev *river.Event) {
	if ev == nil || ev.Job == nil {
		return
	}
	outcome := "completed"
	switch ev.Kind {
	case river.EventKindJobFailed:
		outcome = "failed"
	case river.EventKindJobCancelled:
		outcome = "cancelled"
	}
	m.jobs.WithLabelValues(ev.Job.Kind, outcome).Inc()
}

// jobCollector reads the queue's jobs by kind and state at scrape time:
// every process connected to the database reports the same.
type jobCollector struct{ q *Jobs }

var descJobs = prometheus.NewDesc("parallax_jobs", "Jobs in the database's queue by kind and state (available, scheduled, running, retryable, completed, cancelled, discarded, pending).",
	[]string{"kind", "state"}, nil)

func (c jobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- descJobs }

func (c jobCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := c.q.JobCounts(ctx)
	if err != nil {
		c.q.log.Warn("metrics: job counts", "error", err)
		return
	}
	for _, kind := range sortedKeys(counts) {
		for _, state := range sortedKeys(counts[kind]) {
			ch <- prometheus.MustNewConstMetric(descJobs, prometheus.GaugeValue, float64(counts[kind][state]), kind, state)
		}
	}
}
