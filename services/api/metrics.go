package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/genglossary/genglossary/events"
)

// Metric is one extra sample for /metrics, in the Prometheus text format.
type Metric struct {
	Name, Help, Type string // Type: gauge or counter
	Labels           map[string]string
	Value            float64
}

// metrics holds the API's own counters. Values derived from the read model
// (runs by status, durations) are computed at scrape time.
type metrics struct {
	mu         sync.Mutex
	requests   map[[3]string]uint64 // method, route, status
	sseClients atomic.Int64
}

func newMetrics() *metrics { return &metrics{requests: map[[3]string]uint64{}} }

func (m *metrics) request(method, route, status string) {
	m.mu.Lock()
	m.requests[[3]string{method, route, status}]++
	m.mu.Unlock()
}

func (s *server) handleMetrics() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		s.writeMetrics(r.Context(), w)
	})
}

func (s *server) writeMetrics(ctx context.Context, w io.Writer) {
	header := func(name, help, typ string) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
	}
	s.metrics.mu.Lock()
	keys := make([][3]string, 0, len(s.metrics.requests))
	for k := range s.metrics.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return strings.Join(keys[i][:], " ") < strings.Join(keys[j][:], " ") })
	header("genglossary_http_requests_total", "HTTP requests by method, route and status.", "counter")
	for _, k := range keys {
		fmt.Fprintf(w, "genglossary_http_requests_total{method=%q,route=%q,status=%q} %d\n", k[0], k[1], k[2], s.metrics.requests[k])
	}
	s.metrics.mu.Unlock()

	header("genglossary_sse_clients", "Connected server-sent-event clients.", "gauge")
	fmt.Fprintf(w, "genglossary_sse_clients %d\n", s.metrics.sseClients.Load())

	if lag, err := s.Projector.Lag(ctx); err == nil {
		header("genglossary_projector_lag_events", "Events in the stream not yet applied to the read model.", "gauge")
		fmt.Fprintf(w, "genglossary_projector_lag_events %d\n", lag)
	}
	header("genglossary_projector_applied_seq", "Last stream sequence applied to the read model.", "gauge")
	fmt.Fprintf(w, "genglossary_projector_applied_seq %d\n", s.Projector.Applied())

	if st, err := s.Store.Stats(ctx); err == nil {
		header("genglossary_runs", "Runs in the read model by status.", "gauge")
		statuses := make([]string, 0, len(st.RunsByStatus))
		for k := range st.RunsByStatus {
			statuses = append(statuses, k)
		}
		sort.Strings(statuses)
		for _, k := range statuses {
			fmt.Fprintf(w, "genglossary_runs{status=%q} %d\n", k, st.RunsByStatus[k])
		}
		writeHistogram(w, "genglossary_run_duration_seconds", "Duration of finished runs, from start to end.", nil, st.RunDurations)
		header("genglossary_step_duration_seconds", "Duration of completed steps.", "histogram")
		steps := make([]string, 0, len(st.StepDurations))
		for k := range st.StepDurations {
			steps = append(steps, k)
		}
		sort.Strings(steps)
		for _, step := range steps {
			writeHistogramSeries(w, "genglossary_step_duration_seconds", map[string]string{"step": step}, st.StepDurations[step])
		}
	}
	if s.Metrics != nil {
		for _, m := range s.Metrics() {
			header(m.Name, m.Help, m.Type)
			fmt.Fprintf(w, "%s%s %g\n", m.Name, labels(m.Labels), m.Value)
		}
	}
	ok := 0
	if s.NC != nil && s.NC.Status() == nats.CONNECTED {
		ok = 1
	}
	header("genglossary_nats_connected", "1 when the NATS connection is up.", "gauge")
	fmt.Fprintf(w, "genglossary_nats_connected %d\n", ok)
}

var durationBuckets = []float64{0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600}

func writeHistogram(w io.Writer, name, help string, lbl map[string]string, samples []float64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	writeHistogramSeries(w, name, lbl, samples)
}

func writeHistogramSeries(w io.Writer, name string, lbl map[string]string, samples []float64) {
	sum := 0.0
	for _, v := range samples {
		sum += v
	}
	for _, b := range durationBuckets {
		n := 0
		for _, v := range samples {
			if v <= b {
				n++
			}
		}
		fmt.Fprintf(w, "%s_bucket%s %d\n", name, labels(withLabel(lbl, "le", fmt.Sprint(b))), n)
	}
	fmt.Fprintf(w, "%s_bucket%s %d\n", name, labels(withLabel(lbl, "le", "+Inf")), len(samples))
	fmt.Fprintf(w, "%s_sum%s %g\n", name, labels(lbl), sum)
	fmt.Fprintf(w, "%s_count%s %d\n", name, labels(lbl), len(samples))
}

func withLabel(m map[string]string, k, v string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for a, b := range m {
		out[a] = b
	}
	out[k] = v
	return out
}

func labels(m map[string]string) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%q", k, m[k]))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func (s *server) handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		encode(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// readyzTimeout bounds the NATS requests of one /readyz check.
const readyzTimeout = 2 * time.Second

// handleReadyz is ready when NATS is connected, the streams exist and the
// projector trails the stream by at most MaxLag events.
func (s *server) handleReadyz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A probe must answer promptly even when NATS just went away.
		ctx, cancel := context.WithTimeout(r.Context(), readyzTimeout)
		defer cancel()
		checks := map[string]string{}
		ready := true
		connected := s.NC != nil && s.NC.Status() == nats.CONNECTED
		if !connected {
			// The other checks would only wait for a request timeout.
			checks["nats"] = "not connected"
			encode(w, http.StatusServiceUnavailable, map[string]any{"ready": false, "checks": checks})
			return
		}
		checks["nats"] = "ok"
		for _, name := range []string{events.EventsStream, events.LogsStream} {
			if _, err := s.JS.Stream(ctx, name); err != nil {
				checks["stream "+name], ready = "missing", false
			} else {
				checks["stream "+name] = "ok"
			}
		}
		if lag, err := s.Projector.Lag(ctx); err != nil {
			checks["projector"], ready = "unknown lag", false
		} else if lag > s.MaxLag {
			checks["projector"], ready = fmt.Sprintf("catching up (%d events behind)", lag), false
		} else {
			checks["projector"] = "ok"
		}
		status := http.StatusOK
		if !ready {
			status = http.StatusServiceUnavailable
		}
		encode(w, status, map[string]any{"ready": ready, "checks": checks})
	})
}
