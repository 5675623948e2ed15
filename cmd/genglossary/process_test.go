package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/llmtest"
)

// These tests run the built binary as separate processes, as operators do.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "genglossary-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "genglossary")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v\n%s", buildErr, binPath)
	}
	return binPath
}

// proc is a running genglossary process with its output collected.
type proc struct {
	cmd *exec.Cmd
	out *syncBuffer
}

func startProc(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, out: out}
	t.Cleanup(func() { p.kill() })
	return p
}

func (p *proc) kill() {
	if p.cmd.ProcessState == nil {
		_ = p.cmd.Process.Kill() // SIGKILL: no shutdown code runs
		_ = p.cmd.Wait()
	}
}

func (p *proc) waitFor(t *testing.T, re string, timeout time.Duration) []string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if m := servingLine.FindStringSubmatch(p.out.String()); re == "serving" && m != nil {
			return m
		}
		if re != "serving" && strings.Contains(p.out.String(), re) {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("process output lacks %q after %s:\n%s", re, timeout, p.out.String())
	return nil
}

// slowLLM is a fake OpenAI endpoint whose every answer takes delay.
func slowLLM(t *testing.T, delay time.Duration) *llmtest.Server {
	return llmtest.New(t, func(r llmtest.Request) llmtest.Reply {
		rep := llmtest.Smart(r)
		rep.Delay = delay
		return rep
	})
}

// TestServeKilledMidRunRecovers kills serve with SIGKILL in the middle of a
// run and restarts it on the same data dir: the run is redelivered, taken
// over with attempt 2, and ends completed without manual action.
func TestServeKilledMidRunRecovers(t *testing.T) {
	t.Parallel()
	llm := slowLLM(t, 150*time.Millisecond)
	data := t.TempDir()
	env := []string{"OPENAI_API_KEY=sk-test-key"}
	args := []string{"serve", "--data-dir", data, "--listen", "127.0.0.1:0", "--nats-listen", "", "--ack-wait", "2s", "--log-level", "warn"}
	first := startProc(t, env, args...)
	base := first.waitFor(t, "serving", 60*time.Second)[1]

	var p map[string]any
	if st := postJSON(t, base+"/api/projects", map[string]string{"name": "crash", "llm_provider": "openai", "llm_model": "fake", "llm_base_url": llm.URL()}, &p); st != 201 {
		t.Fatalf("create: %d %v", st, p)
	}
	pid := p["id"].(string)
	content, err := os.ReadFile("../../testdata/corpus/en/concepts.md")
	if err != nil {
		t.Fatal(err)
	}
	if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": "concepts.md", "content": string(content)}, nil); st != 201 {
		t.Fatalf("upload: %d", st)
	}
	var r map[string]any
	if st := postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r); st != 201 {
		t.Fatalf("run: %d", st)
	}
	runURL := base + "/api/projects/" + pid + "/runs/" + r["id"].(string)
	// Kill it once the run is well into its LLM calls.
	if !llm.WaitRequests(8, 60*time.Second) {
		t.Fatalf("the run made no LLM calls:\n%s", first.out.String())
	}
	waitStatus(t, runURL, 10*time.Second, "running")
	first.kill()

	second := startProc(t, env, args...)
	base = second.waitFor(t, "serving", 60*time.Second)[1]
	runURL = base + "/api/projects/" + pid + "/runs/" + r["id"].(string)
	done := waitStatus(t, runURL, 120*time.Second, "completed", "failed", "cancelled")
	if done["status"] != "completed" {
		t.Fatalf("run after restart = %v\n%s", done, second.out.String())
	}
	if a, _ := done["attempt"].(float64); a < 2 {
		t.Errorf("attempt = %v, want >= 2 (taken over after the crash)", done["attempt"])
	}
}

// TestTwoRunnerProcesses serves runs of 10 projects with two separate
// runner processes: every run completes and is started exactly once.
func TestTwoRunnerProcesses(t *testing.T) {
	t.Parallel()
	base, natsURL, _ := startServe(t, t.TempDir(), "--runners", "0")
	for i := 0; i < 2; i++ {
		rp := startProc(t, nil, "runner", "--nats-url", natsURL, "--log-level", "warn")
		rp.waitFor(t, "runner connected", 60*time.Second)
	}
	content := "# Overview\n\nA queue manager is a service that routes messages between producers and consumers.\nThe queue manager keeps a dead letter queue for failed messages.\n"
	var runs []string
	for i := 0; i < 10; i++ {
		var p map[string]any
		if st := postJSON(t, base+"/api/projects", map[string]string{"name": "p" + string(rune('a'+i))}, &p); st != 201 {
			t.Fatalf("create: %d", st)
		}
		pid := p["id"].(string)
		if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": "a.md", "content": content}, nil); st != 201 {
			t.Fatalf("upload: %d", st)
		}
		var r map[string]any
		if st := postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r); st != 201 {
			t.Fatalf("run: %d", st)
		}
		runs = append(runs, "/api/projects/"+pid+"/runs/"+r["id"].(string))
	}
	runners := map[string]bool{}
	for _, u := range runs {
		done := waitStatus(t, base+u, 120*time.Second, "completed", "failed", "cancelled")
		if done["status"] != "completed" || done["attempt"] != float64(1) {
			t.Errorf("run %s = %v", u, done)
		}
		runners[done["runner_id"].(string)] = true
	}
	// Exactly one run.started per run in the event stream.
	nc, err := nats.Connect(natsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cons, err := js.OrderedConsumer(ctx, events.EventsStream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{"gg.*.run.*.started"}})
	if err != nil {
		t.Fatal(err)
	}
	started := map[string]int{}
	for len(started) < len(runs) {
		msgs, err := cons.Fetch(100, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for m := range msgs.Messages() {
			env, err := events.Decode(m.Data())
			if err != nil {
				t.Fatal(err)
			}
			started[env.RunID]++
			n++
		}
		if n == 0 {
			break
		}
	}
	if len(started) != len(runs) {
		t.Errorf("%d runs have run.started events, want %d", len(started), len(runs))
	}
	for id, n := range started {
		if n != 1 {
			t.Errorf("run %s started %d times", id, n)
		}
	}
	t.Logf("runs served by %d runner(s): %v", len(runners), runners)
}
