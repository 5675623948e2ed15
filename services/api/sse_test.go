package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/llmtest"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
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
	b := setup(t, setupOpts{runners: 1})
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
