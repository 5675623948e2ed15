package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/genglossary/genglossary/internal/natsembed"
)

// freePort returns a free TCP port on 127.0.0.1 (bound, then released).
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startNATSAt starts an embedded NATS server with JetStream on port of
// 127.0.0.1 with its store in dir; the test's cleanup shuts it down.
func startNATSAt(t *testing.T, dir string, port int) *natsembed.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, err := natsembed.Start(ctx, natsembed.Config{StoreDir: dir, Listen: fmt.Sprintf("127.0.0.1:%d", port)})
	if err != nil {
		t.Fatalf("start NATS on port %d: %v", port, err)
	}
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	return srv
}

// serveProc is "serve" run in-process with its output collected.
type serveProc struct {
	stdout, stderr *syncBuffer
	done           chan error
	cancel         context.CancelFunc

	stopOnce sync.Once
	stopErr  error
}

// startServeAsync starts "serve" with args and returns at once, without
// waiting for it to be ready; the test's cleanup stops it.
func startServeAsync(t *testing.T, args ...string) *serveProc {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &serveProc{stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1), cancel: cancel}
	go func() { p.done <- run(ctx, append([]string{"serve"}, args...), noEnv, nil, p.stdout, p.stderr) }()
	t.Cleanup(func() { _ = p.stop() })
	return p
}

// stop cancels serve and returns what it returned (once; later calls
// return the same).
func (p *serveProc) stop() error {
	p.stopOnce.Do(func() {
		p.cancel()
		select {
		case p.stopErr = <-p.done:
		case <-time.After(30 * time.Second):
			p.stopErr = errors.New("serve did not stop within 30s")
		}
	})
	return p.stopErr
}

// waitOutput waits until re matches buf and returns the match.
func waitOutput(t *testing.T, buf *syncBuffer, re string, timeout time.Duration) []string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if m := rx.FindStringSubmatch(buf.String()); m != nil {
			return m
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("output lacks %q after %s:\n%s", re, timeout, buf.String())
	return nil
}

// httpGet returns the status, content type and body of a GET.
func httpGet(t *testing.T, url string) (int, string, string) {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// waitReady polls /readyz until it answers want.
func waitReady(t *testing.T, base string, want int, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var st int
	var body string
	c := &http.Client{Timeout: 5 * time.Second}
	for time.Now().Before(deadline) {
		if resp, err := c.Get(base + "/readyz"); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			st, body = resp.StatusCode, string(b)
			if st == want {
				return
			}
		} else {
			body = err.Error()
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("/readyz = %d %s after %s, want %d", st, body, timeout, want)
}

// TestNATSUnavailableAtStartAndLost starts serve and a runner process
// against a NATS URL where nothing listens yet: both retry with backoff and
// say so, serve's HTTP is up with /healthz 200, /readyz 503 and the API
// 503 problem bodies; once NATS comes up both recover and a run completes.
// Then NATS goes away: reads keep working from SQLite, /readyz is 503 and
// writes get 503 problem bodies at once; when NATS is back, writes and runs
// work again.
func TestNATSUnavailableAtStartAndLost(t *testing.T) {
	t.Parallel()
	port := freePort(t)
	natsURL := fmt.Sprintf("nats://127.0.0.1:%d", port)
	natsDir := t.TempDir()

	sp := startServeAsync(t, "--data-dir", t.TempDir(), "--listen", "127.0.0.1:0", "--nats-url", natsURL, "--runners", "0", "--log-level", "info")
	base := "http://" + waitOutput(t, sp.stderr, `HTTP listening.* addr=(\S+)`, 30*time.Second)[1]
	waitOutput(t, sp.stderr, `NATS not reachable; retrying`, 30*time.Second)
	if st, _, body := httpGet(t, base+"/healthz"); st != 200 {
		t.Errorf("/healthz while NATS is down = %d %s, want 200", st, body)
	}
	if st, _, body := httpGet(t, base+"/readyz"); st != 503 || !strings.Contains(body, `"ready":false`) {
		t.Errorf("/readyz while NATS is down = %d %s, want 503 not ready", st, body)
	}
	if st, ct, body := httpGet(t, base+"/api/projects"); st != 503 || ct != "application/problem+json" || !strings.Contains(body, "NATS") {
		t.Errorf("API while NATS is down = %d %s %s, want a 503 problem naming NATS", st, ct, body)
	}
	rp := startProc(t, nil, "runner", "--nats-url", natsURL, "--log-level", "info")
	rp.waitFor(t, "NATS not reachable; retrying", 60*time.Second)

	// NATS comes up: both connect on their next try.
	srv := startNATSAt(t, natsDir, port)
	waitOutput(t, sp.stdout, `serving on`, 30*time.Second)
	waitReady(t, base, 200, 30*time.Second)
	rp.waitFor(t, "runner connected", 30*time.Second)

	var p map[string]any
	if st := postJSON(t, base+"/api/projects", map[string]string{"name": "outage"}, &p); st != 201 {
		t.Fatalf("create: %d %v", st, p)
	}
	pid := p["id"].(string)
	if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": "a.md", "content": "# Queue\n\nA queue manager is a service that routes messages.\n"}, nil); st != 201 {
		t.Fatalf("upload: %d", st)
	}
	var r map[string]any
	if st := postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r); st != 201 {
		t.Fatalf("run: %d %v", st, r)
	}
	runURL := base + "/api/projects/" + pid + "/runs/" + r["id"].(string)
	if done := waitStatus(t, runURL, 60*time.Second, "completed", "failed", "cancelled"); done["status"] != "completed" {
		t.Fatalf("run = %v", done)
	}

	// NATS is lost while serving.
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, base, 503, 10*time.Second)
	if st, _, body := httpGet(t, base+"/api/projects/"+pid); st != 200 || !strings.Contains(body, `"outage"`) {
		t.Errorf("read while NATS is down = %d %s, want 200 from the read model", st, body)
	}
	if st, _, body := httpGet(t, runURL); st != 200 || !strings.Contains(body, `"completed"`) {
		t.Errorf("run read while NATS is down = %d %s", st, body)
	}
	for _, w := range []struct{ method, path, body string }{
		{"POST", "/api/projects", `{"name":"during outage"}`},
		{"POST", "/api/projects/" + pid + "/runs", `{"scope":"full"}`},
		{"DELETE", "/api/projects/" + pid, ``},
	} {
		began := time.Now()
		req, _ := http.NewRequest(w.method, base+w.path, strings.NewReader(w.body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", w.method, w.path, err)
		}
		var prob map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&prob)
		resp.Body.Close()
		if resp.StatusCode != 503 || resp.Header.Get("Content-Type") != "application/problem+json" || prob["detail"] == "" || prob["status"] != float64(503) {
			t.Errorf("%s %s while NATS is down = %d %s %v, want a 503 problem body", w.method, w.path, resp.StatusCode, resp.Header.Get("Content-Type"), prob)
		}
		if d := time.Since(began); d > 2*time.Second {
			t.Errorf("%s %s took %s to fail; want at once", w.method, w.path, d)
		}
	}

	// NATS is back (same store): writes and runs work again.
	startNATSAt(t, natsDir, port)
	waitReady(t, base, 200, 30*time.Second)
	if st := postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r); st != 201 {
		t.Fatalf("run after NATS came back: %d %v", st, r)
	}
	runURL = base + "/api/projects/" + pid + "/runs/" + r["id"].(string)
	if done := waitStatus(t, runURL, 60*time.Second, "completed", "failed", "cancelled"); done["status"] != "completed" {
		t.Fatalf("run after NATS came back = %v\nrunner:\n%s", done, rp.out.String())
	}
	if !strings.Contains(sp.stderr.String(), "NATS disconnected") || !strings.Contains(sp.stderr.String(), "NATS reconnected") {
		t.Errorf("serve's log does not tell of the outage:\n%s", sp.stderr.String())
	}
}
