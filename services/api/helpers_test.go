package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/projections"
	"github.com/genglossary/genglossary/services/api"
	"github.com/genglossary/genglossary/services/runner"
)

// testBundle is one API instance over a real embedded NATS server and a
// real SQLite read model in a temp dir.
type testBundle struct {
	srv   *natsembed.Server // nil when the server belongs to another bundle
	t     *testing.T
	url   string
	nc    *nats.Conn
	js    jetstream.JetStream
	store *projections.Store
	proj  *projections.Projector
	ctx   context.Context
	wg    *sync.WaitGroup
}

type setupOpts struct {
	runners int
	js      jetstream.JetStream // share a NATS server with another bundle
	srv     *natsembed.Server   // set by setup when it starts the server
	nc      *nats.Conn
	engine  func(context.Context, *projectstate.Project) (pipeline.Engine, error)
	// writeTimeout sets http.Server.WriteTimeout, as a production server has.
	writeTimeout time.Duration
	// deps, when set, adjusts the server's Deps (limits, security).
	deps func(*api.Deps)
}

func setup(t *testing.T, o setupOpts) *testBundle {
	t.Helper()
	if o.js == nil {
		o.srv, o.nc, o.js = natstest.Start(t, natstest.WithSetupConfig(events.SetupConfig{AckWait: 3 * time.Second}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	store, err := projections.Open(ctx, filepath.Join(t.TempDir(), "read.db"))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	proj := projections.NewProjector(store, o.js, projections.Config{Logger: log})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = proj.Run(ctx) }()
	if o.engine == nil {
		o.engine = func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
			return engine.New(engine.Config{Provider: "builtin"})
		}
	}
	for i := 0; i < o.runners; i++ {
		r, err := runner.New(runner.Config{JS: o.js, NC: o.nc, Engine: o.engine, Logger: log})
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { defer wg.Done(); _ = r.Run(ctx) }()
	}
	deps := api.Deps{Store: store, Projector: proj, NC: o.nc, JS: o.js, Logger: log, KeepAlive: 300 * time.Millisecond, WriteTimeout: o.writeTimeout}
	if o.deps != nil {
		o.deps(&deps)
	}
	srv := httptest.NewUnstartedServer(api.NewServer(deps))
	srv.Config.WriteTimeout = o.writeTimeout
	srv.Start()
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
		cancel()
		wg.Wait()
		store.Close()
	})
	return &testBundle{srv: o.srv, t: t, url: srv.URL, nc: o.nc, js: o.js, store: store, proj: proj, ctx: ctx, wg: &wg}
}

// do sends a request with an optional JSON body and decodes a JSON answer
// into out (when non-nil). It returns the status and the raw body.
func (b *testBundle) do(method, path string, body any, out any, headers ...string) (int, []byte) {
	b.t.Helper()
	var rd io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(v)
	case []byte:
		rd = bytes.NewReader(v)
	default:
		bs, err := json.Marshal(v)
		if err != nil {
			b.t.Fatal(err)
		}
		rd = bytes.NewReader(bs)
	}
	req, err := http.NewRequest(method, b.url+path, rd)
	if err != nil {
		b.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			b.t.Fatalf("%s %s: decode %q: %v", method, path, raw, err)
		}
	}
	return resp.StatusCode, raw
}

func (b *testBundle) mustDo(method, path string, body any, want int, out any) []byte {
	b.t.Helper()
	status, raw := b.do(method, path, body, out)
	if status != want {
		b.t.Fatalf("%s %s = %d %s, want %d", method, path, status, raw, want)
	}
	return raw
}

type project struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	DocumentCount int    `json:"document_count"`
	TermCount     int    `json:"term_count"`
	IssueCount    int    `json:"issue_count"`
	State         string `json:"state"`
}

type run struct {
	ID              string `json:"id"`
	Status          string `json:"status"`
	Scope           string `json:"scope"`
	Attempt         int    `json:"attempt"`
	ErrorMessage    string `json:"error_message"`
	ProgressCurrent int    `json:"progress_current"`
	ProgressTotal   int    `json:"progress_total"`
	CurrentStep     string `json:"current_step"`
	StartedAt       *string
	Steps           []struct {
		Step   string `json:"step"`
		Status string `json:"status"`
		Count  int    `json:"count"`
	} `json:"steps"`
}

func (b *testBundle) createProject(name string) project {
	b.t.Helper()
	var p project
	b.mustDo("POST", "/api/projects", map[string]string{"name": name}, http.StatusCreated, &p)
	return p
}

// uploadDir adds every file of a testdata corpus to the project.
func (b *testBundle) uploadDir(pid, dir string) int {
	b.t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() || (!strings.HasSuffix(e.Name(), ".md") && !strings.HasSuffix(e.Name(), ".txt")) {
			continue
		}
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.t.Fatal(err)
		}
		b.mustDo("POST", "/api/projects/"+pid+"/files", map[string]string{"file_name": e.Name(), "content": string(content)}, http.StatusCreated, nil)
		n++
	}
	return n
}

// sseEvent is one parsed server-sent event.
type sseEvent struct {
	ID, Event, Data string
}

// readSSE reads events from path until "complete" (included), the stream
// ends, or timeout.
func (b *testBundle) readSSE(path string, lastEventID string, timeout time.Duration) ([]sseEvent, int) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", b.url+path, nil)
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, resp.StatusCode
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		b.t.Fatalf("content type %q", ct)
	}
	return parseSSE(resp.Body, "complete"), resp.StatusCode
}

func parseSSE(r io.Reader, until string) []sseEvent {
	var out []sseEvent
	eachSSE(r, func(e sseEvent) bool {
		out = append(out, e)
		return e.Event != until
	})
	return out
}

// eachSSE calls fn for each event read from r until fn returns false or r
// ends. Keepalive comments are reported as events named ":keepalive".
func eachSSE(r io.Reader, fn func(sseEvent) bool) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var cur sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.Event != "" || cur.Data != "" {
				if !fn(cur) {
					return
				}
			}
			cur = sseEvent{}
		case strings.HasPrefix(line, ":"):
			if strings.Contains(line, "keepalive") && !fn(sseEvent{Event: ":keepalive"}) {
				return
			}
		case strings.HasPrefix(line, "id: "):
			cur.ID = line[4:]
		case strings.HasPrefix(line, "event: "):
			cur.Event = line[7:]
		case strings.HasPrefix(line, "data: "):
			cur.Data = line[6:]
		}
	}
}

func (b *testBundle) waitRun(pid, rid string, timeout time.Duration, statuses ...string) run {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	var r run
	for time.Now().Before(deadline) {
		b.mustDo("GET", "/api/projects/"+pid+"/runs/"+rid, nil, http.StatusOK, &r)
		for _, s := range statuses {
			if r.Status == s {
				return r
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("run %s is %s after %s, want one of %v", rid, r.Status, timeout, statuses)
	return r
}

// counts is a snapshot of what a request could have changed.
func (b *testBundle) snapshot() string {
	b.t.Helper()
	var parts []string
	for _, name := range []string{events.EventsStream, events.LogsStream} {
		st, err := b.js.Stream(context.Background(), name)
		if err != nil {
			b.t.Fatal(err)
		}
		info, err := st.Info(context.Background())
		if err != nil {
			b.t.Fatal(err)
		}
		parts = append(parts, name+"="+itoa(info.State.Msgs))
	}
	dump, err := b.store.Dump(context.Background())
	if err != nil {
		b.t.Fatal(err)
	}
	sort.Strings(parts)
	return strings.Join(parts, ",") + "\n" + dump
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
