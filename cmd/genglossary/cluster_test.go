package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/projections"
	"github.com/genglossary/genglossary/services/api"
)

// clusterClient returns the HTTP client of the cluster test: bounded, so a
// request stuck on a lost NATS node fails and is retried.
func clusterClient() *http.Client { return &http.Client{Timeout: 30 * time.Second} }

// TestClusterFaults runs 50 runs over 10 projects on a 3-node NATS cluster
// (streams with 3 replicas), an in-process API with its projector, and two
// runner processes. While the runs are in flight it kills the server that
// leads GG_EVENTS and SIGKILLs one runner, then restarts both. Every run
// must end terminal with exactly one terminal event, every completed run's
// log must be whole (its step lines, then log.end last) and replay the same
// over SSE, and the read model must equal a fresh reproject.
func TestClusterFaults(t *testing.T) {
	t.Parallel()
	const (
		projects       = 10
		runsPerProject = 5
		ackWait        = 3 * time.Second
		maxAttempts    = 5
	)
	start := time.Now()
	cl := natstest.StartCluster(t, 3)
	t.Logf("cluster up after %s", time.Since(start).Round(time.Millisecond))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	nc, err := cl.Connect(nats.Name("cluster-test-api"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	setup := events.SetupConfig{Replicas: 3, AckWait: ackWait, MaxAttempts: maxAttempts}
	if err := events.Setup(ctx, js, setup); err != nil {
		t.Fatal(err)
	}

	// The API and its projector, in this process, as serve wires them.
	log := slog.New(slog.DiscardHandler)
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	dbPath := filepath.Join(t.TempDir(), "read.db")
	store, err := projections.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	proj := projections.NewProjector(store, js, projections.Config{Logger: log.With("component", "projector")})
	pctx, pcancel := context.WithCancel(context.Background())
	var pwg sync.WaitGroup
	pwg.Go(func() { _ = proj.Run(pctx) })
	srv := httptest.NewServer(api.NewServer(api.Deps{Store: store, Projector: proj, NC: nc, JS: js, Logger: log.With("component", "api"), KeepAlive: 300 * time.Millisecond}))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
		pcancel()
		pwg.Wait()
		store.Close()
	})
	base := srv.URL

	// Two runner processes, as operators start them.
	runnerArgs := []string{"runner", "--nats-url", cl.URL(), "--replicas", "3",
		"--ack-wait", ackWait.String(), "--max-attempts", fmt.Sprint(maxAttempts),
		"--concurrency", "2", "--llm-concurrency", "1", "--log-level", "warn"}
	var runnersMu sync.Mutex
	runners := make([]*proc, 2)
	for i := range runners {
		runners[i] = startProc(t, nil, append(runnerArgs, "--id", fmt.Sprintf("runner-%d", i))...)
	}
	for _, rp := range runners {
		rp.waitFor(t, "runner connected", 60*time.Second)
	}

	// Ten projects of one small document each.
	content := "# Overview\n\nA queue manager is a service that routes messages between producers and consumers.\n" +
		"The queue manager keeps a dead letter queue (DLQ) for failed messages.\nA dead letter queue is a queue that holds messages that could not be delivered.\n"
	var pids []string
	for i := range projects {
		var p map[string]any
		if st := postJSON(t, base+"/api/projects", map[string]string{"name": fmt.Sprintf("cluster-%d", i)}, &p); st != 201 {
			t.Fatalf("create project: %d %v", st, p)
		}
		pid := p["id"].(string)
		if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": "a.md", "content": content}, nil); st != 201 {
			t.Fatalf("upload: %d", st)
		}
		pids = append(pids, pid)
	}

	// Each project runs its five runs one after another (one active run per
	// project); the faults strike once ten runs have ended.
	var ended atomic.Int32
	faultAt := make(chan struct{})
	var faultOnce sync.Once
	runIDs := make([][]string, projects)
	var wg sync.WaitGroup
	errs := make(chan error, projects*runsPerProject)
	for i, pid := range pids {
		wg.Go(func() {
			for k := range runsPerProject {
				rid, err := postRunRetry(ctx, base, pid, fmt.Sprintf("run-%d", k))
				if err != nil {
					errs <- err
					return
				}
				runIDs[i] = append(runIDs[i], rid)
				if _, err := awaitRun(ctx, base, pid, rid); err != nil {
					errs <- err
					return
				}
				if ended.Add(1) == 10 {
					faultOnce.Do(func() { close(faultAt) })
				}
			}
		})
	}

	faultDone := make(chan struct{})
	go func() {
		defer close(faultDone)
		select {
		case <-faultAt:
		case <-ctx.Done():
			return
		}
		leader, err := waitLeader(ctx, js, events.EventsStream)
		if err != nil {
			errs <- err
			return
		}
		idx := cl.Index(leader)
		t.Logf("%s: killing %s (leader of %s) and SIGKILLing runner-0 with %d runs ended",
			time.Since(start).Round(time.Millisecond), leader, events.EventsStream, ended.Load())
		cl.Kill(idx)
		runnersMu.Lock()
		runners[0].kill()
		runnersMu.Unlock()
		time.Sleep(time.Second)
		cl.Restart(idx)
		runnersMu.Lock()
		runners[0] = startProc(t, nil, append(runnerArgs, "--id", "runner-0b")...)
		runnersMu.Unlock()
		newLeader, _ := waitLeader(ctx, js, events.EventsStream)
		t.Logf("%s: %s restarted, runner-0 restarted; %s leader now %s",
			time.Since(start).Round(time.Millisecond), leader, events.EventsStream, newLeader)
	}()

	wg.Wait()
	<-faultDone
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		runnersMu.Lock()
		for i, rp := range runners {
			t.Logf("runner %d output:\n%s", i, rp.out.String())
		}
		runnersMu.Unlock()
		t.FailNow()
	}
	t.Logf("%s: all %d runs ended", time.Since(start).Round(time.Millisecond), projects*runsPerProject)

	// Every run terminal, and completed: the faults must not fail runs.
	statuses := map[string]int{}
	attempts := 0
	var completed []runRef
	for i, pid := range pids {
		if len(runIDs[i]) != runsPerProject {
			t.Fatalf("project %s has %d runs, want %d", pid, len(runIDs[i]), runsPerProject)
		}
		for _, rid := range runIDs[i] {
			var r map[string]any
			if st := getJSON(t, base+"/api/projects/"+pid+"/runs/"+rid, &r); st != 200 {
				t.Fatalf("GET run: %d", st)
			}
			status, _ := r["status"].(string)
			statuses[status]++
			if a, _ := r["attempt"].(float64); a > 1 {
				attempts++
			}
			if status != "completed" {
				t.Errorf("run %s ended %s: %v", rid, status, r["error_message"])
				continue
			}
			completed = append(completed, runRef{pid, rid})
		}
	}
	t.Logf("statuses %v; %d runs needed more than one attempt", statuses, attempts)

	// Each run exactly once in history: one run.requested, one terminal,
	// nothing of the run after its terminal event.
	runEvents := scanStream(ctx, t, js, events.EventsStream, "gg.*.run.>")
	terminals := map[string][]string{}
	requested := map[string]int{}
	for _, m := range runEvents {
		if len(terminals[m.env.RunID]) > 0 && !events.IsTerminal(m.env.Type) {
			t.Errorf("run %s: %s at seq %d after its terminal event", m.env.RunID, m.env.Type, m.seq)
		}
		switch {
		case events.IsTerminal(m.env.Type):
			terminals[m.env.RunID] = append(terminals[m.env.RunID], m.env.Type)
		case m.env.Type == events.TypeRunRequested:
			requested[m.env.RunID]++
		}
	}
	for i := range pids {
		for _, rid := range runIDs[i] {
			if len(terminals[rid]) != 1 || requested[rid] != 1 {
				t.Errorf("run %s: terminal events %v, run.requested %d times; want exactly one of each", rid, terminals[rid], requested[rid])
			}
		}
	}
	if len(requested) != projects*runsPerProject {
		t.Errorf("%d runs requested in the stream, want %d", len(requested), projects*runsPerProject)
	}

	// No log line of a completed run is missing. A runner killed between
	// a run's terminal event and its log.end leaves the request unacked;
	// the log is closed when the request comes back, after the ack wait
	// (ensureLogEnd): wait for that before reading the logs.
	var logs map[string][]streamMsg
	for deadline := time.Now().Add(5 * ackWait); ; {
		logs = map[string][]streamMsg{}
		for _, m := range scanStream(ctx, t, js, events.LogsStream, "gg.*.log.*") {
			logs[m.env.RunID] = append(logs[m.env.RunID], m)
		}
		open := 0
		for _, ref := range completed {
			if l := logs[ref.rid]; len(l) == 0 || l[len(l)-1].env.Type != events.TypeLogEnd {
				open++
			}
		}
		if open == 0 || time.Now().After(deadline) {
			if open > 0 {
				t.Logf("%d completed runs still without log.end after %s", open, 5*ackWait)
			}
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	for _, ref := range completed {
		checkRunLog(t, ref.rid, logs[ref.rid])
	}
	// SSE replays exactly the stream's log lines, in order.
	sem := make(chan struct{}, 8)
	var swg sync.WaitGroup
	for _, ref := range completed {
		swg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var want []string
			for _, m := range logs[ref.rid] {
				if m.env.Type == events.TypeLogLine {
					want = append(want, fmt.Sprint(m.seq))
				}
			}
			got, status, err := sseLogIDs(ctx, base+"/api/projects/"+ref.pid+"/runs/"+ref.rid+"/logs")
			if err != nil {
				t.Errorf("SSE of run %s: %v", ref.rid, err)
				return
			}
			if status != "completed" || strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("SSE of run %s: status %q, %d log events %v; stream has %d log.line %v", ref.rid, status, len(got), got, len(want), want)
			}
		})
	}
	swg.Wait()

	// The projection equals a fresh reproject.
	info, err := streamInfo(ctx, js, events.EventsStream)
	if err != nil {
		t.Fatal(err)
	}
	wctx, wcancel := context.WithTimeout(ctx, 30*time.Second)
	defer wcancel()
	if err := proj.WaitFor(wctx, info.State.LastSeq); err != nil {
		t.Fatalf("projector did not reach seq %d: %v", info.State.LastSeq, err)
	}
	live, err := store.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if err := projections.Reproject(ctx, fresh, js, nil); err != nil {
		t.Fatalf("reproject: %v", err)
	}
	fs, err := projections.Open(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer fs.Close()
	replayed, err := fs.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if live != replayed {
		t.Errorf("read model differs from a fresh reproject:\n%s", firstDiff(live, replayed))
	}
	t.Logf("done after %s", time.Since(start).Round(time.Millisecond))
}

type runRef struct{ pid, rid string }

// postRunRetry requests a full run with an idempotency key, retrying while
// the event store is unavailable. A 409 names the active run, which is this
// request's own when an earlier try was stored but its answer lost.
func postRunRetry(ctx context.Context, base, pid, key string) (string, error) {
	var last string
	for ctx.Err() == nil {
		req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/projects/"+pid+"/runs", strings.NewReader(`{"scope":"full"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", key)
		resp, err := clusterClient().Do(req)
		if err != nil {
			last = err.Error()
			time.Sleep(200 * time.Millisecond)
			continue
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var body map[string]any
		_ = json.Unmarshal(raw, &body)
		switch {
		case resp.StatusCode == 201 || resp.StatusCode == 200:
			return body["id"].(string), nil
		case resp.StatusCode == 409 && body["active_run_id"] != nil:
			return body["active_run_id"].(string), nil
		case resp.StatusCode >= 500:
			last = fmt.Sprintf("%d %s", resp.StatusCode, raw)
			time.Sleep(200 * time.Millisecond)
		default:
			return "", fmt.Errorf("POST run of %s: %d %s", pid, resp.StatusCode, raw)
		}
	}
	return "", fmt.Errorf("POST run of %s: gave up: %s", pid, last)
}

// awaitRun polls a run until it is terminal.
func awaitRun(ctx context.Context, base, pid, rid string) (map[string]any, error) {
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	var r map[string]any
	for ctx.Err() == nil {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/projects/"+pid+"/runs/"+rid, nil)
		resp, err := clusterClient().Do(req)
		if err == nil {
			r = nil
			_ = json.NewDecoder(resp.Body).Decode(&r)
			resp.Body.Close()
			switch r["status"] {
			case "completed", "failed", "cancelled":
				return r, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, fmt.Errorf("run %s of %s not terminal: %v", rid, pid, r)
}

// waitLeader returns the stream's current leader, waiting out an election.
func waitLeader(ctx context.Context, js jetstream.JetStream, stream string) (string, error) {
	var err error
	for range 100 {
		var leader string
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		leader, err = natstest.StreamLeader(rctx, js, stream)
		cancel()
		if err == nil {
			return leader, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return "", fmt.Errorf("no leader of %s: %w", stream, err)
}

// settledStreamInfo waits until every replica of stream is current (a
// node restarted by the faults catches up after the runs end), so that a
// consumer placed on it reads the whole history, then returns the stream's
// info. After 30 s it returns the info as it is.
func settledStreamInfo(ctx context.Context, js jetstream.JetStream, stream string) (*jetstream.StreamInfo, error) {
	deadline := time.Now().Add(30 * time.Second)
	for {
		info, err := streamInfo(ctx, js, stream)
		if err != nil {
			return nil, err
		}
		settled := info.Cluster != nil && info.Cluster.Leader != ""
		if info.Cluster != nil {
			for _, r := range info.Cluster.Replicas {
				if !r.Current || r.Lag > 0 || r.Offline {
					settled = false
				}
			}
		}
		if settled || time.Now().After(deadline) {
			return info, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func streamInfo(ctx context.Context, js jetstream.JetStream, stream string) (*jetstream.StreamInfo, error) {
	var err error
	for range 50 {
		var st jetstream.Stream
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		st, err = js.Stream(rctx, stream)
		cancel()
		if err == nil {
			return st.CachedInfo(), nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

type streamMsg struct {
	seq uint64
	env events.Envelope
}

// scanStream reads every message of stream matching filter, in order.
func scanStream(ctx context.Context, t *testing.T, js jetstream.JetStream, stream, filter string) []streamMsg {
	t.Helper()
	info, err := settledStreamInfo(ctx, js, stream)
	if err != nil {
		t.Fatal(err)
	}
	// Every message by sequence, from the stream's leader: a consumer (or a
	// direct get) may be served by a replica that is still catching up
	// after the restart and give a partial history; the leader has every
	// message a publish was acknowledged for.
	var out []streamMsg
	for seq := info.State.FirstSeq; seq > 0 && seq <= info.State.LastSeq; seq++ {
		subject, data, ok := leaderGet(ctx, t, js, stream, seq)
		if !ok || !subjectMatches(filter, subject) {
			continue
		}
		env, err := events.Decode(data)
		if err != nil {
			t.Fatalf("%s seq %d: %v", stream, seq, err)
		}
		out = append(out, streamMsg{seq: seq, env: env})
	}
	return out
}

// leaderGet reads message seq of stream through the JetStream API, which
// only the stream's leader answers. ok is false for a deleted message.
func leaderGet(ctx context.Context, t *testing.T, js jetstream.JetStream, stream string, seq uint64) (subject string, data []byte, ok bool) {
	t.Helper()
	req := fmt.Appendf(nil, `{"seq":%d}`, seq)
	var lastErr error
	for range 50 {
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		resp, err := js.Conn().RequestWithContext(rctx, "$JS.API.STREAM.MSG.GET."+stream, req)
		cancel()
		if err != nil {
			lastErr = err
			time.Sleep(100 * time.Millisecond)
			continue
		}
		var r struct {
			Message *struct {
				Subject string `json:"subject"`
				Data    []byte `json:"data"`
			} `json:"message"`
			Error *struct {
				Code    int `json:"code"`
				ErrCode int `json:"err_code"`
			} `json:"error"`
		}
		if err := json.Unmarshal(resp.Data, &r); err != nil {
			t.Fatalf("%s seq %d: %v", stream, seq, err)
		}
		switch {
		case r.Message != nil:
			return r.Message.Subject, r.Message.Data, true
		case r.Error != nil && r.Error.Code == 404:
			return "", nil, false
		}
		lastErr = fmt.Errorf("%s", resp.Data)
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s seq %d: %v", stream, seq, lastErr)
	return "", nil, false
}

// subjectMatches reports whether subject matches filter, with NATS
// wildcards (* one token, > the rest).
func subjectMatches(filter, subject string) bool {
	f, s := strings.Split(filter, "."), strings.Split(subject, ".")
	for i, tok := range f {
		switch {
		case tok == ">":
			return len(s) > i
		case i >= len(s):
			return false
		case tok != "*" && tok != s[i]:
			return false
		}
	}
	return len(f) == len(s)
}

// checkRunLog checks a completed run's log messages (in stream order): one
// log.end, the last, with status completed; and, after the last "run
// started" line (the attempt that completed), each step's started and
// completed lines in order.
func checkRunLog(t *testing.T, rid string, msgs []streamMsg) {
	t.Helper()
	if len(msgs) == 0 {
		t.Errorf("run %s: no log messages", rid)
		return
	}
	ends := 0
	for _, m := range msgs {
		if m.env.Type == events.TypeLogEnd {
			ends++
		}
	}
	last := msgs[len(msgs)-1]
	if ends != 1 || last.env.Type != events.TypeLogEnd {
		t.Errorf("run %s: %d log.end, last message %s; want one log.end, last", rid, ends, last.env.Type)
		return
	}
	if end, err := events.DecodeData[events.LogEnd](last.env); err != nil || end.Status != events.RunStatusCompleted {
		t.Errorf("run %s: log.end %+v %v", rid, end, err)
	}
	var lines []string
	for _, m := range msgs {
		if m.env.Type != events.TypeLogLine {
			continue
		}
		l, err := events.DecodeData[events.LogLine](m.env)
		if err != nil {
			t.Errorf("run %s: %v", rid, err)
			return
		}
		if strings.HasPrefix(l.Message, "run started on runner") {
			lines = lines[:0]
		}
		lines = append(lines, l.Message)
	}
	want := []string{"run started on runner", "loaded 1 document"}
	for _, step := range []string{"extract", "provisional", "issues", "refined"} {
		want = append(want, "step "+step+" started", "step "+step+" completed")
	}
	i := 0
	for _, l := range lines {
		if i < len(want) && strings.HasPrefix(l, want[i]) {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("run %s: log lacks %q (in order); lines of its last attempt:\n%s", rid, want[i], strings.Join(lines, "\n"))
	}
}

// sseLogIDs reads a run's log over SSE from the start and returns the ids
// of its "log" events and the status of its "complete" event.
func sseLogIDs(ctx context.Context, url string) ([]string, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		return nil, "", fmt.Errorf("%d %s", resp.StatusCode, b)
	}
	var ids []string
	var id, event string
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "id: "):
			id = strings.TrimPrefix(line, "id: ")
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			switch event {
			case "log":
				ids = append(ids, id)
			case "complete":
				var c struct {
					Status string `json:"status"`
				}
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &c)
				return ids, c.Status, nil
			}
		case line == "":
			id, event = "", ""
		}
	}
	return ids, "", fmt.Errorf("stream ended without complete: %v", sc.Err())
}

// firstDiff shows the first differing line of two dumps.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\nlive:      %s\nreproject: %s", i+1, x, y)
		}
	}
	return ""
}
