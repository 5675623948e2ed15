package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/llmtest"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/services/api"
)

// TestSSEManyClientsResumeAndRelease connects 200 clients before a run
// starts: each gets every event in order. A client resuming from a
// Last-Event-ID in the middle gets exactly the rest, and disconnected
// clients release their consumers and goroutines.
func TestSSEManyClientsResumeAndRelease(t *testing.T) {
	b := setup(t, setupOpts{})
	p := b.createProject("sse")
	b.uploadDir(p.ID, "../../testdata/corpus/en")
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)
	path := "/api/projects/" + p.ID + "/runs/" + r.ID + "/logs"

	baseline := runtime.NumGoroutine()
	const clients = 200
	results := make([][]sseEvent, clients)
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			evs, _ := b.readSSE(path, "", 90*time.Second)
			results[i] = withoutKeepalives(evs)
		}(i)
	}
	time.Sleep(500 * time.Millisecond) // let them connect while the run is pending
	setup(t, setupOpts{js: b.js, nc: b.nc, runners: 1})
	wg.Wait()

	ref, _ := b.readSSE(path, "", 10*time.Second)
	ref = withoutKeepalives(ref)
	if len(ref) < 10 || ref[len(ref)-1].Event != "complete" {
		t.Fatalf("reference stream = %+v", ref)
	}
	for i, got := range results {
		if fmt.Sprint(got) != fmt.Sprint(ref) {
			t.Fatalf("client %d got %d events, want the %d of the replay\n%v\n%v", i, len(got), len(ref), got, ref)
		}
	}
	// Ids are increasing stream sequences.
	var last uint64
	for _, e := range ref {
		if e.ID == "" {
			continue
		}
		var n uint64
		fmt.Sscan(e.ID, &n)
		if n <= last {
			t.Fatalf("ids not increasing: %d after %d", n, last)
		}
		last = n
	}
	// Resume from the middle: exactly the rest, nothing lost or repeated.
	mid := len(ref) / 2
	tail, _ := b.readSSE(path, ref[mid].ID, 10*time.Second)
	if fmt.Sprint(withoutKeepalives(tail)) != fmt.Sprint(ref[mid+1:]) {
		t.Fatalf("resume after %s:\n%v\nwant\n%v", ref[mid].ID, withoutKeepalives(tail), ref[mid+1:])
	}
	// Bad Last-Event-ID is a 400 problem.
	if _, st := b.readSSE(path, "abc", 5*time.Second); st != http.StatusBadRequest {
		t.Errorf("bad Last-Event-ID: %d, want 400", st)
	}

	// A client that disconnects mid-stream releases what it held.
	var r2 run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, http.StatusCreated, &r2)
	for i := 0; i < 20; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		req, _ := http.NewRequestWithContext(ctx, "GET", b.url+"/api/projects/"+p.ID+"/runs/"+r2.ID+"/logs", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			buf := make([]byte, 64)
			_, _ = resp.Body.Read(buf)
			resp.Body.Close()
		}
		cancel()
	}
	b.waitRun(p.ID, r2.ID, 60*time.Second, "completed")
	http.DefaultClient.CloseIdleConnections()
	releaseStart := time.Now()
	deadline := time.Now().Add(30 * time.Second)
	for runtime.NumGoroutine() > baseline+40 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("goroutines back to %d (baseline %d) after %s", runtime.NumGoroutine(), baseline, time.Since(releaseStart))
	if n := runtime.NumGoroutine(); n > baseline+40 {
		var buf strings.Builder
		_ = pprof.Lookup("goroutine").WriteTo(&buf, 1)
		dump := buf.String()
		if len(dump) > 3000 {
			dump = dump[:3000]
		}
		t.Errorf("goroutines = %d, baseline %d: disconnected clients were not released\n%s", n, baseline, dump)
	}
}

// TestCancelRunningRunAbortsLLMCall cancels a run whose LLM call hangs: it
// ends cancelled within a second or so and the fake saw its request aborted.
func TestCancelRunningRunAbortsLLMCall(t *testing.T) {
	t.Parallel()
	llm := llmtest.New(t, func(r llmtest.Request) llmtest.Reply {
		if llmtest.KindOf(r) == llmtest.KindDefine {
			return llmtest.Hang()
		}
		return llmtest.Smart(r)
	})
	b := setup(t, setupOpts{runners: 1, engine: func(_ context.Context, p *projectstate.Project) (pipeline.Engine, error) {
		return engine.New(engine.Config{Provider: p.LLMProvider, Model: p.LLMModel, BaseURL: p.LLMBaseURL, APIKey: "sk-test"})
	}})
	var p project
	b.mustDo("POST", "/api/projects", map[string]string{"name": "hang", "llm_provider": "openai", "llm_model": "m", "llm_base_url": llm.URL()}, http.StatusCreated, &p)
	b.mustDo("POST", "/api/projects/"+p.ID+"/files", map[string]string{"file_name": "a.md", "content": "A broker is a server that stores messages.\nThe broker uses a write-ahead log.\n"}, http.StatusCreated, nil)
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)
	deadline := time.Now().Add(30 * time.Second)
	for llm.CountKind(llmtest.KindDefine) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if llm.CountKind(llmtest.KindDefine) == 0 {
		t.Fatal("the run never reached its define calls")
	}
	start := time.Now()
	b.mustDo("DELETE", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, http.StatusOK, nil)
	done := b.waitRun(p.ID, r.ID, 5*time.Second, "cancelled", "completed", "failed")
	if done.Status != "cancelled" {
		t.Fatalf("status = %s (%s), want cancelled", done.Status, done.ErrorMessage)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancel took %s", d)
	}
	if !llm.WaitAborted(1, 2*time.Second) {
		t.Error("the fake LLM did not see its request aborted")
	}
	evs, _ := b.readSSE("/api/projects/"+p.ID+"/runs/"+r.ID+"/logs", "", 5*time.Second)
	if last := evs[len(evs)-1]; last.Event != "complete" || !strings.Contains(last.Data, "cancelled") {
		t.Errorf("log stream ended with %+v", last)
	}
}

// TestProjectEventsStream follows a run through /events without polling.
func TestProjectEventsStream(t *testing.T) {
	t.Parallel()
	// Definitions take a moment each, so the run is seen running: the
	// stream sends the run's latest record per projector batch, and a run
	// fast enough to start and end within one batch is only seen ended.
	var delay atomic.Int64
	delay.Store(int64(300 * time.Millisecond))
	b := setup(t, setupOpts{runners: 1, engine: func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
		e, err := engine.New(engine.Config{Provider: "builtin"})
		if err != nil {
			return nil, err
		}
		return slowEngine{Engine: e, delay: &delay}, nil
	}})
	p := b.createProject("events")
	b.mustDo("POST", "/api/projects/"+p.ID+"/files", map[string]string{"file_name": "a.md", "content": richDoc}, http.StatusCreated, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", b.url+"/api/projects/"+p.ID+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)
	statuses := map[string]bool{}
	evs := make(chan sseEvent)
	go func() {
		defer close(evs)
		eachSSE(resp.Body, func(e sseEvent) bool {
			select {
			case evs <- e:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for !statuses["completed"] {
		select {
		case e, ok := <-evs:
			if !ok {
				t.Fatalf("stream ended; saw %v", statuses)
			}
			if e.Event != "run" {
				continue
			}
			var got run
			if err := json.Unmarshal([]byte(e.Data), &got); err != nil {
				t.Fatal(err)
			}
			if got.ID == r.ID {
				statuses[got.Status] = true
			}
		case <-ctx.Done():
			t.Fatalf("no completed run event; saw %v", statuses)
		}
	}
	if !statuses["running"] {
		t.Errorf("statuses seen = %v, want running before completed", statuses)
	}
}

func TestMetricsAndReadiness(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{runners: 1})
	p := b.createProject("metrics")
	b.mustDo("POST", "/api/projects/"+p.ID+"/files", map[string]string{"file_name": "a.md", "content": richDoc}, http.StatusCreated, nil)
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)
	b.waitRun(p.ID, r.ID, 60*time.Second, "completed")
	var ready map[string]any
	b.mustDo("GET", "/readyz", nil, http.StatusOK, &ready)
	if ready["ready"] != true {
		t.Errorf("readyz = %v", ready)
	}
	_, raw := b.do("GET", "/metrics", nil, nil)
	for _, want := range []string{
		`genglossary_runs{status="completed"} 1`,
		"genglossary_run_duration_seconds_count 1",
		`genglossary_step_duration_seconds_count{step="extract"} 1`,
		"genglossary_projector_lag_events 0",
		"genglossary_sse_clients 0",
		`genglossary_http_requests_total{method="POST",route="/api/projects/{pid}/runs",status="201"} 1`,
	} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("metrics lack %q:\n%s", want, raw)
		}
	}
}

// richDoc is a small document the builtin engine finds terms in.
const richDoc = "# Message broker\n\nA message broker is a server that stores messages for clients.\n" +
	"The message broker writes each message to the write-ahead log before it answers.\n" +
	"The write-ahead log (WAL) is an append-only file on the message broker.\n"

// TestSSEOutlivesServerWriteTimeout streams a run's log through an
// http.Server whose WriteTimeout is much shorter than the stream: the
// handler clears its deadline, so keepalives keep coming and the stream
// ends only with "complete".
func TestSSEOutlivesServerWriteTimeout(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{writeTimeout: 500 * time.Millisecond})
	p := b.createProject("timeouts")
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, http.StatusCreated, &r)
	cancelErr := make(chan error, 1)
	go func() {
		time.Sleep(2 * time.Second)
		// A fresh connection: the server's short WriteTimeout may have
		// closed idle keep-alive ones.
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		req, _ := http.NewRequest("DELETE", b.url+"/api/projects/"+p.ID+"/runs/"+r.ID, nil)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		cancelErr <- err
	}()
	start := time.Now()
	evs, st := b.readSSE("/api/projects/"+p.ID+"/runs/"+r.ID+"/logs", "", 10*time.Second)
	if st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	keepalives := 0
	for _, e := range evs {
		if e.Event == ":keepalive" {
			keepalives++
		}
	}
	if time.Since(start) < 1500*time.Millisecond || keepalives < 3 {
		t.Errorf("stream lasted %s with %d keepalives; the write timeout cut it", time.Since(start), keepalives)
	}
	if err := <-cancelErr; err != nil {
		t.Fatalf("cancel: %v", err)
	}
	if last := evs[len(evs)-1]; last.Event != "complete" || !strings.Contains(last.Data, "cancelled") {
		t.Errorf("stream ended with %+v, want complete/cancelled", last)
	}
}

// TestSSESharedTailJoinsAndSlowClients follows one run's log with clients
// that join at different points of a shared live tail whose ring holds only
// 16 messages: from the start, mid-run without Last-Event-ID (history
// replayed, then the tail), from an id the ring still holds and from one
// it no longer holds. Each gets every line exactly once, in order. A
// client that stops reading does not hold up the others: it is
// disconnected with a comment and resuming with its last id gives it
// exactly the rest.
func TestSSESharedTailJoinsAndSlowClients(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{deps: func(d *api.Deps) { d.Limits.MaxSSEBacklog = 16 }})
	p := b.createProject("shared tail")
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, http.StatusCreated, &r)
	path := "/api/projects/" + p.ID + "/runs/" + r.ID + "/logs"
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	var ids []string // stream sequences of the lines, in order
	var idsMu sync.Mutex
	publish := func(from, n, size int) {
		t.Helper()
		pad := strings.Repeat("x", size)
		for i := from; i < from+n; i++ {
			env, err := events.NewEnvelope(p.ID, r.ID, events.LogLine{Level: events.LevelInfo, Message: fmt.Sprintf("line %d %s", i, pad)})
			if err != nil {
				t.Fatal(err)
			}
			ack, err := events.Publish(ctx, b.js, env)
			if err != nil {
				t.Fatal(err)
			}
			idsMu.Lock()
			ids = append(ids, fmt.Sprint(ack.Sequence))
			idsMu.Unlock()
		}
	}
	type result struct {
		ids        []string
		reconnects int
		err        error
	}
	follow := func(last string) <-chan result {
		ch := make(chan result, 1)
		go func() {
			res, err := followLog(ctx, b.url+path, last)
			ch <- result{res.ids, res.reconnects, err}
		}()
		return ch
	}
	waitClients := func(n int64) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, raw := b.do("GET", "/metrics", nil, nil)
			if strings.Contains(string(raw), fmt.Sprintf("genglossary_sse_clients %d\n", n)) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("SSE clients never reached %d", n)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	first := follow("")
	waitClients(1)
	publish(0, 100, 100)
	// Ring now holds lines 84..99.
	mid := follow("")
	inRing := follow(ids[94])
	evicted := follow(ids[49])
	waitClients(4)
	// A client that stops reading: a small receive buffer and no reads
	// until the others are done.
	stuckClient := &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
	}}).DialContext}}
	req, _ := http.NewRequestWithContext(ctx, "GET", b.url+path, nil)
	req.Header.Set("Last-Event-ID", ids[99])
	stuck, err := stuckClient.Do(req)
	if err != nil || stuck.StatusCode != http.StatusOK {
		t.Fatal(stuck, err)
	}
	defer stuck.Body.Close()
	waitClients(5)
	// Lines large enough to fill the stuck client's socket buffers.
	publish(100, 3000, 4096)
	end, err := events.NewEnvelope(p.ID, r.ID, events.LogEnd{Status: events.RunStatusCompleted})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := events.Publish(ctx, b.js, end); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		ch   <-chan result
		want []string
	}{"first": {first, ids}, "mid-run": {mid, ids}, "in ring": {inRing, ids[95:]}, "evicted": {evicted, ids[50:]}} {
		res := <-c.ch
		if res.err != nil {
			t.Fatalf("%s: %v", name, res.err)
		}
		if fmt.Sprint(res.ids) != fmt.Sprint(c.want) {
			t.Fatalf("%s client got %d lines, want %d (first got %.60v, want %.60v)", name, len(res.ids), len(c.want), res.ids, c.want)
		}
		t.Logf("%s: %d lines, %d reconnects", name, len(res.ids), res.reconnects)
	}
	// Everyone else finished while the stuck client read nothing; now it
	// reads a prefix, is told it was too slow, and resumes.
	raw, _ := io.ReadAll(stuck.Body)
	if !bytes.Contains(raw, []byte(": too slow")) || bytes.Contains(raw, []byte("event: complete")) {
		t.Fatalf("stuck client was not disconnected as too slow (%d bytes)", len(raw))
	}
	got := ids[:100:100]
	for _, e := range parseSSE(bytes.NewReader(raw), "complete") {
		if e.Event == "log" {
			got = append(got, e.ID)
		}
	}
	// It may have got no line at all before the ring lapped it (the
	// writer's timing decides); it must not have got them all.
	if len(got) >= len(ids) {
		t.Fatalf("stuck client got %d of %d lines before being dropped", len(got), len(ids))
	}
	rest := <-follow(got[len(got)-1])
	if rest.err != nil {
		t.Fatal(rest.err)
	}
	if all := append(got, rest.ids...); fmt.Sprint(all) != fmt.Sprint(ids) {
		t.Fatalf("stuck client after resuming got %d lines, want %d", len(all), len(ids))
	}
}

// followedLog is what followLog received.
type followedLog struct {
	ids        []string // ids of the "log" events
	reconnects int
}

// followLog reads a run's log SSE until "complete" as an EventSource does:
// a stream that ends without "complete" is reopened with the last id seen.
func followLog(ctx context.Context, url, last string) (followedLog, error) {
	var out followedLog
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		if last != "" {
			req.Header.Set("Last-Event-ID", last)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return out, err
		}
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close()
			return out, fmt.Errorf("status %d", resp.StatusCode)
		}
		complete := false
		eachSSE(resp.Body, func(e sseEvent) bool {
			if e.ID != "" {
				last = e.ID
			}
			switch e.Event {
			case "log":
				out.ids = append(out.ids, e.ID)
			case "complete":
				complete = true
				return false
			}
			return true
		})
		resp.Body.Close()
		if complete {
			return out, nil
		}
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		out.reconnects++
	}
}

// TestSSEClientsToldWhenNATSIsLost: both streams tell their clients with an
// "error" event (and a retry hint) when the NATS connection goes away, then
// close, so EventSource reconnects and resumes once NATS is back.
func TestSSEClientsToldWhenNATSIsLost(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{})
	p := b.createProject("nats lost")
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, http.StatusCreated, &r)
	type result struct {
		evs []sseEvent
		raw string
	}
	streams := []string{"/api/projects/" + p.ID + "/runs/" + r.ID + "/logs", "/api/projects/" + p.ID + "/events"}
	results := make(chan result, len(streams))
	for _, path := range streams {
		go func(path string) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			req, _ := http.NewRequestWithContext(ctx, "GET", b.url+path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				results <- result{raw: err.Error()}
				return
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			results <- result{evs: parseSSE(strings.NewReader(string(raw)), ""), raw: string(raw)}
		}(path)
	}
	time.Sleep(500 * time.Millisecond) // both streams are open
	if err := b.srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	for range streams {
		res := <-results
		last := res.evs[len(res.evs)-1]
		if last.Event != "error" || !strings.Contains(last.Data, "unavailable") || !strings.Contains(res.raw, "retry: 2000") {
			t.Errorf("stream ended with %+v; raw:\n%s", last, res.raw)
		}
	}
}
