package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRunLifecycleOverHTTP(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{runners: 1})
	p := b.createProject("English docs")
	n := b.uploadDir(p.ID, "../../testdata/corpus/en")

	var got project
	b.mustDo("GET", "/api/projects/"+p.ID, nil, http.StatusOK, &got)
	if got.DocumentCount != n || got.State != "needs_rerun" {
		t.Fatalf("project after upload = %+v, want %d documents and needs_rerun", got, n)
	}

	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)
	if r.Status != "pending" && r.Status != "running" {
		t.Fatalf("new run status %q", r.Status)
	}
	// Read your writes: the run is visible at once.
	b.mustDo("GET", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, http.StatusOK, nil)

	evs, status := b.readSSE("/api/projects/"+p.ID+"/runs/"+r.ID+"/logs", "", 60*time.Second)
	if status != http.StatusOK {
		t.Fatalf("logs status %d", status)
	}
	kinds := map[string]int{}
	for _, e := range evs {
		kinds[e.Event]++
	}
	last := evs[len(evs)-1]
	if last.Event != "complete" || !strings.Contains(last.Data, `"status":"completed"`) {
		t.Fatalf("last event = %+v (kinds %v)", last, kinds)
	}
	if kinds["log"] == 0 || kinds["step"] < 8 || kinds["progress"] == 0 {
		t.Errorf("event kinds = %v, want log lines, 4 steps started+completed and progress", kinds)
	}

	var done run
	b.mustDo("GET", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, http.StatusOK, &done)
	if done.Status != "completed" || done.Attempt != 1 || len(done.Steps) != 4 {
		t.Fatalf("finished run = %+v", done)
	}
	for _, s := range done.Steps {
		if s.Status != "completed" {
			t.Errorf("step %s status %s", s.Step, s.Status)
		}
	}
	b.mustDo("GET", "/api/projects/"+p.ID, nil, http.StatusOK, &got)
	if got.TermCount == 0 || got.State != "up_to_date" {
		t.Errorf("project after run = %+v", got)
	}

	var cur run
	b.mustDo("GET", "/api/projects/"+p.ID+"/runs/current", nil, http.StatusOK, &cur)
	if cur.ID != r.ID {
		t.Errorf("current = %s, want %s", cur.ID, r.ID)
	}
	var hist struct {
		Items []run `json:"items"`
		Total int   `json:"total"`
	}
	b.mustDo("GET", "/api/projects/"+p.ID+"/runs", nil, http.StatusOK, &hist)
	if hist.Total != 1 || hist.Items[0].ID != r.ID {
		t.Errorf("history = %+v", hist)
	}

	// A finished run's stream replays and completes at once; resuming after
	// the last id gives only "complete".
	again, _ := b.readSSE("/api/projects/"+p.ID+"/runs/"+r.ID+"/logs", "", 10*time.Second)
	if a, b := withoutKeepalives(again), withoutKeepalives(evs); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("replay differs from the live stream:\n%v\n%v", a, b)
	}
	lastID := ""
	for _, e := range evs {
		if e.ID != "" && e.Event != "complete" {
			lastID = e.ID
		}
	}
	tail, _ := b.readSSE("/api/projects/"+p.ID+"/runs/"+r.ID+"/logs", lastID, 10*time.Second)
	if len(tail) == 0 || tail[len(tail)-1].Event != "complete" {
		t.Errorf("resume after the last id = %+v", tail)
	}
	for _, e := range tail {
		if e.Event == "log" {
			t.Errorf("resume repeated a log line: %+v", e)
		}
	}

	// A second run is allowed once the first ended.
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "refine"}, http.StatusCreated, &r)
	if r.Scope != "refined" {
		t.Errorf("alias refine became scope %q, want refined", r.Scope)
	}
	b.waitRun(p.ID, r.ID, 30*time.Second, "completed")
}

func TestOneActiveRunAcrossTwoAPIInstances(t *testing.T) {
	t.Parallel()
	a := setup(t, setupOpts{})
	b := setup(t, setupOpts{js: a.js, nc: a.nc})
	p := a.createProject("race")
	// The second instance must see the project before it can take POSTs.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if st, _ := b.do("GET", "/api/projects/"+p.ID, nil, nil); st == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("second instance never saw the project")
		}
		time.Sleep(20 * time.Millisecond)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	active := map[string]bool{}
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			inst := a
			if i%2 == 1 {
				inst = b
			}
			var body map[string]any
			st, _ := inst.do("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, &body)
			mu.Lock()
			defer mu.Unlock()
			codes[st]++
			if st == http.StatusConflict {
				if id, _ := body["active_run_id"].(string); id != "" {
					active[id] = true
				}
			}
			if st == http.StatusCreated {
				active[body["id"].(string)] = true
			}
		}(i)
	}
	wg.Wait()
	if codes[http.StatusCreated] != 1 || codes[http.StatusConflict] != 49 {
		t.Fatalf("status codes = %v, want one 201 and 49 409", codes)
	}
	if len(active) != 1 {
		t.Errorf("409s name %d different active runs: %v", len(active), active)
	}
}

func TestCancelPendingRunNeverStarts(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{}) // no runner yet
	p := b.createProject("cancel pending")
	b.uploadDir(p.ID, "../../testdata/corpus/en")
	var r run
	b.mustDo("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, http.StatusCreated, &r)

	var conflict map[string]any
	st, _ := b.do("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "full"}, &conflict)
	if st != http.StatusConflict || conflict["active_run_id"] != r.ID {
		t.Fatalf("second POST = %d %v", st, conflict)
	}
	st, _ = b.do("DELETE", "/api/projects/"+p.ID, nil, nil)
	if st != http.StatusConflict {
		t.Fatalf("delete project with an active run = %d, want 409", st)
	}

	var c run
	b.mustDo("DELETE", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, http.StatusOK, &c)
	if c.Status != "cancelled" {
		t.Fatalf("cancelled pending run status = %s", c.Status)
	}
	evs, _ := b.readSSE("/api/projects/"+p.ID+"/runs/"+r.ID+"/logs", "", 5*time.Second)
	if len(evs) == 0 || evs[len(evs)-1].Event != "complete" || !strings.Contains(evs[len(evs)-1].Data, "cancelled") {
		t.Fatalf("logs of a cancelled pending run = %+v", evs)
	}
	// A runner that starts now must not run it.
	setup(t, setupOpts{js: b.js, nc: b.nc, runners: 1})
	time.Sleep(1500 * time.Millisecond)
	var after run
	b.mustDo("GET", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, http.StatusOK, &after)
	if after.Status != "cancelled" || after.StartedAt != nil || after.Attempt != 0 {
		t.Fatalf("cancelled pending run after a runner started = %+v", after)
	}
	// A late cancel changes nothing.
	b.mustDo("DELETE", "/api/projects/"+p.ID+"/runs/"+r.ID, nil, http.StatusOK, &after)
	if after.Status != "cancelled" {
		t.Fatal("late cancel changed the run")
	}
	// Now the project can go.
	b.mustDo("DELETE", "/api/projects/"+p.ID, nil, http.StatusNoContent, nil)
	b.mustDo("GET", "/api/projects/"+p.ID, nil, http.StatusNotFound, nil)
	b.createProject("cancel pending") // the name is free again
}

func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{})
	p := b.createProject("idem")
	var r1, r2 run
	st, raw := b.do("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, &r1, "Idempotency-Key", "k-1")
	if st != http.StatusCreated {
		t.Fatalf("first = %d %s", st, raw)
	}
	st, raw = b.do("POST", "/api/projects/"+p.ID+"/runs", map[string]string{"scope": "extract"}, &r2, "Idempotency-Key", "k-1")
	if st != http.StatusCreated || r2.ID != r1.ID {
		t.Fatalf("retry = %d %s, want the same run %s", st, raw, r1.ID)
	}
}

func TestProblemBodies(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{})
	p := b.createProject("problems")
	pp := "/api/projects/" + p.ID
	tests := []struct {
		name, method, path string
		body               any
		want               int
	}{
		{"malformed json", "POST", "/api/projects", `{"name":`, 400},
		{"not an object", "POST", "/api/projects", `[1,2]`, 400},
		{"empty body", "POST", "/api/projects", ``, 400},
		{"wrong type", "POST", "/api/projects", `{"name": 5}`, 422},
		{"unknown field", "POST", "/api/projects", `{"name":"x","extra":1}`, 422},
		{"blank name", "POST", "/api/projects", `{"name":"   "}`, 422},
		{"bidi name", "POST", "/api/projects", `{"name":"a\u202eb"}`, 422},
		{"bad provider", "POST", "/api/projects", `{"name":"x","llm_provider":"gpt"}`, 422},
		{"bad base url", "POST", "/api/projects", `{"name":"x","llm_base_url":"file:///etc/passwd"}`, 422},
		{"openai without model", "POST", "/api/projects", `{"name":"x","llm_provider":"openai"}`, 422},
		{"duplicate name", "POST", "/api/projects", `{"name":"problems"}`, 409},
		{"trailing data", "POST", "/api/projects", `{"name":"y"} {}`, 400},
		{"invalid project id", "GET", "/api/projects/not-a-ulid", nil, 404},
		{"unknown project", "GET", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV", nil, 404},
		{"unknown route", "GET", "/api/nothing", nil, 404},
		{"patch unknown project", "PATCH", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV", `{"name":"z"}`, 404},
		{"delete unknown project", "DELETE", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV", nil, 404},
		{"clone unknown project", "POST", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/clone", `{"new_name":"c"}`, 404},
		{"run in unknown project", "POST", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/runs", `{"scope":"extract"}`, 404},
		{"file in unknown project", "POST", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/files", `{"file_name":"a.md","content":"hi"}`, 404},
		{"terms of unknown project", "GET", "/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/terms", nil, 404},
		{"wrong method", "PUT", "/api/projects", nil, 405},
		{"negative offset", "GET", "/api/projects?offset=-1", nil, 400},
		{"huge limit", "GET", "/api/projects?limit=100000", nil, 400},
		{"unknown scope", "POST", pp + "/runs", `{"scope":"everything"}`, 422},
		{"scope wrong type", "POST", pp + "/runs", `{"scope":1}`, 422},
		{"terms on full", "POST", pp + "/runs", `{"scope":"full","terms":["a"]}`, 422},
		{"unknown run", "GET", pp + "/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV", nil, 404},
		{"invalid run id", "DELETE", pp + "/runs/xyz", nil, 404},
		{"no current run", "GET", pp + "/runs/current", nil, 404},
		{"logs of unknown run", "GET", pp + "/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV/logs", nil, 404},
		{"traversal name", "POST", pp + "/files", `{"file_name":"../x.md","content":"hi"}`, 422},
		{"absolute name", "POST", pp + "/files", `{"file_name":"/etc/x.md","content":"hi"}`, 422},
		{"bidi file name", "POST", pp + "/files", `{"file_name":"a\u202etxt.md","content":"hi"}`, 422},
		{"bad extension", "POST", pp + "/files", `{"file_name":"a.exe","content":"hi"}`, 422},
		{"secret name", "POST", pp + "/files", `{"file_name":".env.md","content":"hi"}`, 422},
		{"empty content", "POST", pp + "/files", `{"file_name":"a.md","content":""}`, 422},
		{"too large", "POST", pp + "/files", fmt.Sprintf(`{"file_name":"a.md","content":%q}`, strings.Repeat("x", 6<<20)), 413},
		{"unknown file", "GET", pp + "/files/01ARZ3NDEKTSV4RRFFQ69G5FAV", nil, 404},
		{"bad Last-Event-ID", "GET", pp + "/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV/logs", nil, 404},
	}
	before := b.snapshot()
	for _, tt := range tests {
		var body map[string]any
		st, raw := b.do(tt.method, tt.path, tt.body, nil)
		if st != tt.want {
			t.Errorf("%s: status %d %s, want %d", tt.name, st, raw, tt.want)
			continue
		}
		if err := json.Unmarshal(raw, &body); err != nil {
			t.Errorf("%s: body is not JSON: %q", tt.name, raw)
			continue
		}
		if body["status"] != float64(tt.want) || body["detail"] == "" || body["title"] == "" {
			t.Errorf("%s: not a problem body: %s", tt.name, raw)
		}
		if strings.Contains(string(raw), "/tmp") || strings.Contains(string(raw), "goroutine") {
			t.Errorf("%s: body leaks internals: %s", tt.name, raw)
		}
	}
	if after := b.snapshot(); after != before {
		t.Errorf("bad requests changed state:\nbefore %s\nafter %s", before, after)
	}
	// The server is still healthy.
	b.mustDo("GET", "/healthz", nil, http.StatusOK, nil)
}

func withoutKeepalives(evs []sseEvent) []sseEvent {
	var out []sseEvent
	for _, e := range evs {
		if e.Event != ":keepalive" {
			out = append(out, e)
		}
	}
	return out
}
