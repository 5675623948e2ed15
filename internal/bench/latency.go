package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/genglossary/genglossary/events"
)

// runLatency measures sequential trivial runs of one project: POST->201,
// POST->running (seen on the project's event SSE) and POST->complete (seen
// on the run's log SSE), against JetStream's sync publish round trip.
func runLatency(ctx context.Context, e *env, cfg Config) ([]Result, error) {
	pid, err := e.newProject(ctx, "latency")
	if err != nil {
		return nil, err
	}
	stopRunners, err := e.startRunners(ctx, 1)
	if err != nil {
		return nil, err
	}
	defer stopRunners()

	// The GUI's view: run status changes on the project's SSE feed.
	watch, err := e.watchRunning(ctx, pid)
	if err != nil {
		return nil, err
	}
	defer watch.stop()

	cfg.Progress(fmt.Sprintf("latency: %d sequential runs", cfg.LatencyRuns))
	var created, running, complete []time.Duration
	for range cfg.LatencyRuns {
		t0 := time.Now()
		rid, err := e.postRun(ctx, pid, "extract")
		if err != nil {
			return nil, err
		}
		created = append(created, time.Since(t0))
		status, err := e.awaitComplete(ctx, pid, rid, "")
		if err != nil {
			return nil, err
		}
		complete = append(complete, time.Since(t0))
		if status != "completed" {
			return nil, fmt.Errorf("bench: run %s ended %s", rid, status)
		}
		at, err := watch.runningAt(ctx, rid)
		if err != nil {
			return nil, err
		}
		running = append(running, at.Sub(t0))
	}

	cfg.Progress(fmt.Sprintf("latency: %d raw sync publishes", cfg.RawRoundTrips))
	raw, err := rawSyncPublish(ctx, e, cfg.RawRoundTrips, 300)
	if err != nil {
		return nil, err
	}
	rawP50, rawP99 := percentile(raw, 50), percentile(raw, 99)
	note := fmt.Sprintf("%d sequential runs of scope extract, 1 runner; raw = JetStream sync publish round trip (%d x 300 B)", cfg.LatencyRuns, cfg.RawRoundTrips)
	var out []Result
	for _, m := range []struct {
		name string
		ds   []time.Duration
	}{{"POST->201", created}, {"POST->running (project SSE)", running}, {"POST->complete (log SSE)", complete}} {
		out = append(out,
			row(ScenarioLatency, m.name+" p50", "ms", ms(percentile(m.ds, 50)), ms(rawP50), note),
			row(ScenarioLatency, m.name+" p99", "ms", ms(percentile(m.ds, 99)), ms(rawP99), note))
	}
	return out, nil
}

// rawSyncPublish publishes n messages of size bytes one at a time, waiting
// for each ack, and returns the round trips.
func rawSyncPublish(ctx context.Context, e *env, n, size int) ([]time.Duration, error) {
	st, err := e.rawStream(ctx, "lat")
	if err != nil {
		return nil, err
	}
	defer func() { _ = e.js.DeleteStream(context.WithoutCancel(ctx), st.CachedInfo().Config.Name) }()
	body := bytes.Repeat([]byte("x"), size)
	ids := events.NewIDGen(nil)
	out := make([]time.Duration, 0, n)
	for i := range n {
		m := nats.NewMsg("bench.lat." + strconv.Itoa(i%16))
		m.Data = body
		m.Header.Set(events.HeaderMsgID, ids.New())
		t0 := time.Now()
		if _, err := e.js.PublishMsg(ctx, m); err != nil {
			return nil, fmt.Errorf("bench: raw sync publish: %w", err)
		}
		out = append(out, time.Since(t0))
	}
	return out, nil
}

// awaitComplete follows a run's log SSE until "complete" and returns the
// final status. after is a Last-Event-ID ("" for the whole log).
func (e *env) awaitComplete(ctx context.Context, pid, rid, after string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.url+"/api/projects/"+pid+"/runs/"+rid+"/logs", nil)
	if err != nil {
		return "", fmt.Errorf("bench: request: %w", err)
	}
	if after != "" {
		req.Header.Set("Last-Event-ID", after)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("bench: log SSE: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("bench: log SSE: status %d", resp.StatusCode)
	}
	status := ""
	err = sseReader(resp.Body, func(event, data []byte) bool {
		if string(event) != "complete" {
			return true
		}
		var c struct {
			Status string `json:"status"`
		}
		_ = json.Unmarshal(data, &c)
		status = c.Status
		return false
	})
	if status == "" {
		return "", fmt.Errorf("bench: log SSE of run %s ended without complete: %v", rid, err)
	}
	return status, nil
}

// runningWatch follows a project's event SSE and records when each run was
// first seen running (or already past it).
type runningWatch struct {
	mu      sync.Mutex
	seen    map[string]time.Time
	changed chan struct{}
	cancel  context.CancelFunc
	done    chan struct{}
	err     error
}

func (e *env) watchRunning(ctx context.Context, pid string) (*runningWatch, error) {
	ctx, cancel := context.WithCancel(ctx)
	w := &runningWatch{seen: make(map[string]time.Time), changed: make(chan struct{}), cancel: cancel, done: make(chan struct{})}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.url+"/api/projects/"+pid+"/events", nil)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("bench: request: %w", err)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("bench: project SSE: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("bench: project SSE: status %d", resp.StatusCode)
	}
	go func() {
		defer close(w.done)
		defer resp.Body.Close()
		w.err = sseReader(resp.Body, func(event, data []byte) bool {
			if string(event) != "run" {
				return true
			}
			now := time.Now()
			var r struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			}
			if json.Unmarshal(data, &r) != nil || r.Status == "pending" {
				return true
			}
			w.mu.Lock()
			if _, ok := w.seen[r.ID]; !ok {
				w.seen[r.ID] = now
				close(w.changed)
				w.changed = make(chan struct{})
			}
			w.mu.Unlock()
			return true
		})
	}()
	return w, nil
}

// runningAt returns when rid was first seen running.
func (w *runningWatch) runningAt(ctx context.Context, rid string) (time.Time, error) {
	timeout := time.After(30 * time.Second)
	for {
		w.mu.Lock()
		at, ok := w.seen[rid]
		ch := w.changed
		w.mu.Unlock()
		if ok {
			return at, nil
		}
		select {
		case <-ch:
		case <-w.done:
			return time.Time{}, fmt.Errorf("bench: project SSE ended: %v", w.err)
		case <-timeout:
			return time.Time{}, fmt.Errorf("bench: run %s never seen running on the project SSE", rid)
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		}
	}
}

func (w *runningWatch) stop() { w.cancel(); <-w.done }
