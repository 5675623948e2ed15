package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a goroutine-safe bytes.Buffer for a server's output.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingLine = regexp.MustCompile(`serving on (http://\S+) \(nats: ([^,]+),`)

// startServe runs "serve" in-process on random ports and returns its HTTP
// and NATS URLs. The server stops when the test ends.
func startServe(t *testing.T, dataDir string, extra ...string) (httpURL, natsURL string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	args := append([]string{"serve", "--data-dir", dataDir, "--listen", "127.0.0.1:0", "--nats-listen", "127.0.0.1:-1", "--log-level", "warn"}, extra...)
	go func() { done <- run(ctx, args, noEnv, nil, &stdout, &stderr) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := servingLine.FindStringSubmatch(stdout.String()); m != nil {
			httpURL, natsURL = m[1], m[2]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s\n%s", stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve returned %v\n%s", err, stderr.String())
				}
			case <-time.After(30 * time.Second):
				t.Error("serve did not shut down within 30s")
			}
		})
	}
	t.Cleanup(stop)
	return httpURL, natsURL, stop
}

func postJSON(t *testing.T, url string, body any, out any) int {
	t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil {
		_ = json.Unmarshal(raw, out)
	}
	return resp.StatusCode
}

func getJSON(t *testing.T, url string, out any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil {
		_ = json.Unmarshal(raw, out)
	}
	return resp.StatusCode
}

// waitStatus polls a run until it has one of statuses.
func waitStatus(t *testing.T, url string, timeout time.Duration, statuses ...string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var r map[string]any
	for time.Now().Before(deadline) {
		r = nil
		getJSON(t, url, &r)
		for _, s := range statuses {
			if r["status"] == s {
				return r
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("run %s: %v after %s, want %v", url, r, timeout, statuses)
	return nil
}

// natsCLI returns the path of the real nats CLI. CI installs it (.ci/run);
// elsewhere the test is skipped when it is missing.
func natsCLI(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("nats")
	if err != nil {
		if gp := os.Getenv("GOPATH"); gp != "" {
			if _, err := os.Stat(filepath.Join(gp, "bin", "nats")); err == nil {
				return filepath.Join(gp, "bin", "nats")
			}
		}
		if home, _ := os.UserHomeDir(); home != "" {
			if _, err := os.Stat(filepath.Join(home, "go", "bin", "nats")); err == nil {
				return filepath.Join(home, "go", "bin", "nats")
			}
		}
		if os.Getenv("CI") != "" {
			t.Fatal("the nats CLI is not installed; .ci/run installs it")
		}
		t.Skip("nats CLI not installed (go install github.com/nats-io/natscli/nats@v0.5.0)")
	}
	return p
}

// TestNATSCLIRecipes runs the recipes of docs/operations.md with the real
// nats CLI against a live serve.
func TestNATSCLIRecipes(t *testing.T) {
	t.Parallel()
	cli := natsCLI(t)
	base, natsURL, _ := startServe(t, t.TempDir())

	var p map[string]any
	if st := postJSON(t, base+"/api/projects", map[string]string{"name": "cli"}, &p); st != 201 {
		t.Fatalf("create project: %d", st)
	}
	pid := p["id"].(string)
	if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": "a.md", "content": "# Broker\n\nA broker is a server that stores messages for clients.\n"}, nil); st != 201 {
		t.Fatalf("upload: %d", st)
	}
	var r map[string]any
	if st := postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r); st != 201 {
		t.Fatalf("start run: %d", st)
	}
	rid := r["id"].(string)
	waitStatus(t, base+"/api/projects/"+pid+"/runs/"+rid, 60*time.Second, "completed")

	nats := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(cli, append([]string{"--server", natsURL}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // no user contexts
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("nats %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	recipes := []struct {
		args []string
		want []string
	}{
		{[]string{"stream", "ls", "-n"}, []string{"GG_EVENTS", "GG_LOGS"}},
		{[]string{"stream", "info", "GG_EVENTS"}, []string{"gg.*.run.>"}},
		{[]string{"stream", "subjects", "GG_EVENTS", "gg." + pid + ".>"}, []string{"gg." + pid + ".run." + rid + ".completed", "gg." + pid + ".doc.added"}},
		{[]string{"stream", "get", "GG_EVENTS", "--last-for", "gg." + pid + ".run." + rid + ".completed"}, []string{`"type":"run.completed"`, rid}},
		{[]string{"subscribe", "--all", "--raw", "--count", "2", "gg." + pid + ".run." + rid + ".>"}, []string{`"type":"run.requested"`, `"type":"run.started"`}},
		{[]string{"subscribe", "--all", "--raw", "--count", "1", "gg." + pid + ".log." + rid}, []string{`"type":"log.line"`}},
		{[]string{"consumer", "info", "GG_EVENTS", "gg-runners"}, []string{"gg-runners", "gg.*.run.*.requested"}},
	}
	for _, rc := range recipes {
		out := nats(rc.args...)
		for _, w := range rc.want {
			if !strings.Contains(out, w) {
				t.Errorf("nats %s: output lacks %q:\n%s", strings.Join(rc.args, " "), w, out)
			}
		}
	}
	// The recipes are the ones documented.
	doc, err := os.ReadFile("../../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range recipes {
		if !strings.Contains(string(doc), "nats "+rc.args[0]+" "+rc.args[1]+" ") {
			t.Errorf("docs/operations.md lacks a recipe for nats %s %s", rc.args[0], rc.args[1])
		}
	}
}

func TestServePortInUse(t *testing.T) {
	t.Parallel()
	base, natsURL, _ := startServe(t, t.TempDir())
	hostport := strings.TrimPrefix(base, "http://")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "--data-dir", t.TempDir(), "--listen", hostport}, noEnv, nil, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "--listen") {
		t.Errorf("HTTP port in use: err = %v, want a message naming --listen", err)
	}
	natsHostport := strings.TrimPrefix(natsURL, "nats://")
	err = run(context.Background(), []string{"serve", "--data-dir", t.TempDir(), "--listen", "127.0.0.1:0", "--nats-listen", natsHostport}, noEnv, nil, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "--nats-listen") {
		t.Errorf("NATS port in use: err = %v, want a message naming --nats-listen", err)
	}
	if n := strings.Count(strings.TrimSpace(stderr.String()), "\n"); n > 1 {
		t.Errorf("port errors are not one line each: %q", stderr.String())
	}
}

// TestServerAtLeast checks the version gate of --nats-url: servers before
// 2.11 ignore the Nats-Expected-Last-Subject-Sequence-Subject header that
// every run request and claim relies on.
func TestServerAtLeast(t *testing.T) {
	t.Parallel()
	for v, want := range map[string]bool{
		"2.11.0": true, "2.15.2": true, "v2.12.0-RC.1": true, "3.0.0": true, "2.11": true,
		"2.10.22": false, "2.9.25": false, "1.4.1": false, "v2.10.0-beta": false,
		"": true, "unknown": true, // unreadable: left to fail on its own
	} {
		if got := serverAtLeast(v, minNATSMajor, minNATSMinor); got != want {
			t.Errorf("serverAtLeast(%q) = %v, want %v", v, got, want)
		}
	}
}
