package runner_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/llmtest"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/services/runner"
)

func TestCancelWhilePendingNeverStarts(t *testing.T) {
	t.Parallel()
	b := setup(t)
	// As the API does for a pending run: a terminal run.cancelled at once.
	p1 := b.smallProject()
	r1 := b.requestRun(p1, events.RunRequested{Scope: "full"})
	b.publishExpect(p1, r1, events.RunCancelled{Reason: "cancelled by user before it started"})
	// A cancel request that reached a run before any runner: treated as
	// cancelled.
	p2 := b.smallProject()
	r2 := b.requestRun(p2, events.RunRequested{Scope: "full"})
	b.publishExpect(p2, r2, events.RunCancelRequested{Reason: "cancelled by user"})

	b.startRunner(runner.Config{})
	b.consumerIdle(10 * time.Second)

	ev1 := b.runEvents(p1, r1)
	if got := types(ev1); !slices.Equal(got, []string{events.TypeRunRequested, events.TypeRunCancelled}) {
		t.Errorf("run 1 events = %v", got)
	}
	ev2 := b.runEvents(p2, r2)
	if got := types(ev2); !slices.Equal(got, []string{events.TypeRunRequested, events.TypeRunCancelRequested, events.TypeRunCancelled}) {
		t.Errorf("run 2 events = %v", got)
	}
	logs := b.closedLog(p2, r2, 10*time.Second)
	if len(logs) == 0 || logs[len(logs)-1].Type != events.TypeLogEnd || decode[events.LogEnd](t, logs[len(logs)-1]).Status != events.RunStatusCancelled {
		t.Errorf("run 2 log = %v", types(logs))
	}
}

func TestCancelWhileRunning(t *testing.T) {
	t.Parallel()
	b := setup(t)
	fake := llmtest.New(t, func(llmtest.Request) llmtest.Reply { return llmtest.Hang() })
	pid := b.createProject(events.ProjectCreated{LLMProvider: "openai", LLMModel: "test-model", LLMBaseURL: fake.URL()})
	b.addDoc(pid, "wal.md", "# Write-Ahead Log\n\nThe Write-Ahead Log (WAL) is an append-only file.\nThe broker replays the WAL after a crash.\nJetStream stores streams.\n")
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	b.startRunner(runner.Config{Engine: runner.EngineFromSettings(engine.Config{APIKey: "sk-test-0123456789abcdef"})})

	if !fake.WaitRequests(1, 30*time.Second) {
		t.Fatal("the fake LLM got no request")
	}
	start := time.Now()
	b.publishExpect(pid, rid, events.RunCancelRequested{Reason: "test"})
	term := b.waitTerminal(pid, rid, 5*time.Second)
	took := time.Since(start)
	if term.Type != events.TypeRunCancelled {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	// The fake LLM never answers: without the cancel the run would wait
	// for the provider's timeout. A generous bound, so that a loaded CI
	// machine does not fail a prompt cancel (it takes milliseconds here).
	if took > 3*time.Second {
		t.Errorf("cancelled after %v, want within 3 s", took)
	}
	if !fake.WaitAborted(1, 2*time.Second) {
		t.Error("the in-flight LLM request was not aborted")
	}
	evs := b.runEvents(pid, rid)
	if len(terminals(evs)) != 1 {
		t.Errorf("events = %v", types(evs))
	}
	logs := b.closedLog(pid, rid, 10*time.Second)
	if logs[len(logs)-1].Type != events.TypeLogEnd || decode[events.LogEnd](t, logs[len(logs)-1]).Status != events.RunStatusCancelled {
		t.Errorf("log = %v", types(logs))
	}
}

func TestRunnerKilledMidRunIsTakenOver(t *testing.T) {
	t.Parallel()
	b := setupRedelivery(t)
	fake := llmtest.New(t, func(llmtest.Request) llmtest.Reply { return llmtest.Hang() })
	pid := b.createProject(events.ProjectCreated{LLMProvider: "openai", LLMModel: "m", LLMBaseURL: fake.URL()})
	b.addDoc(pid, "wal.md", "# Write-Ahead Log\n\nThe Write-Ahead Log (WAL) is an append-only file.\nThe broker replays the WAL after a crash.\n")
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})

	vnc, vjs := b.connect()
	victim := b.startRunner(runner.Config{ID: "victim", JS: vjs, NC: vnc, Engine: runner.EngineFromSettings(engine.Config{})})
	victim.allowErr = true
	if !fake.WaitRequests(1, 30*time.Second) {
		t.Fatal("the victim never reached the LLM")
	}
	vnc.Close() // killed: no ack, no terminal event

	b.startRunner(runner.Config{ID: "rescuer", Engine: alwaysBuiltin})
	term := b.waitTerminal(pid, rid, 20*time.Second)
	if term.Type != events.TypeRunCompleted {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	evs := b.runEvents(pid, rid)
	st := started(t, evs)
	if len(st) != 2 || st[0] != (events.RunStarted{RunnerID: "victim", Attempt: 1}) || st[1] != (events.RunStarted{RunnerID: "rescuer", Attempt: 2}) {
		t.Errorf("run.started = %+v", st)
	}
	if len(terminals(evs)) != 1 {
		t.Errorf("events = %v", types(evs))
	}
	done := make(chan error, 1)
	go func() { done <- victim.stop() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Error("the victim's Run did not return")
	}
}

func TestAttemptsUsedUpFailsRunnerLost(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	// Two deliveries that never finish (as if two runners died).
	cons, err := b.js.Consumer(b.ctx, events.EventsStream, events.RunnersConsumer)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= testMaxAttempts; i++ {
		msg, err := cons.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if md, _ := msg.Metadata(); md.NumDelivered != uint64(i) {
			t.Fatalf("delivery %d has NumDelivered %d", i, md.NumDelivered)
		}
		if err := msg.Nak(); err != nil {
			t.Fatal(err)
		}
	}
	b.startRunner(runner.Config{})
	term := b.waitTerminal(pid, rid, 10*time.Second)
	if term.Type != events.TypeRunFailed {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	if msg := decode[events.RunFailed](t, term).ErrorMessage; msg != "runner lost: the run was attempted 2 times without finishing" {
		t.Errorf("error_message = %q", msg)
	}
	if evs := b.runEvents(pid, rid); count(evs, events.TypeRunStarted) != 0 || len(terminals(evs)) != 1 {
		t.Errorf("events = %v", types(evs))
	}
	logs := b.closedLog(pid, rid, 10*time.Second)
	if len(logs) == 0 || logs[len(logs)-1].Type != events.TypeLogEnd {
		t.Errorf("log = %v", types(logs))
	}
	b.consumerIdle(5 * time.Second)
}

func TestTwoRunnersTenProjectsEachRunOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	nc2, js2 := b.connect()
	b.startRunner(runner.Config{ID: "r1", Concurrency: 2})
	b.startRunner(runner.Config{ID: "r2", Concurrency: 2, JS: js2, NC: nc2})
	type run struct{ pid, rid string }
	var runs []run
	for range 10 {
		pid := b.smallProject()
		runs = append(runs, run{pid, b.requestRun(pid, events.RunRequested{Scope: "full"})})
	}
	byRunner := map[string]int{}
	for _, r := range runs {
		term := b.waitTerminal(r.pid, r.rid, 40*time.Second)
		if term.Type != events.TypeRunCompleted {
			t.Errorf("run %s: %s %s", r.rid, term.Type, term.Data)
		}
		evs := b.runEvents(r.pid, r.rid)
		st := started(t, evs)
		if len(st) != 1 || st[0].Attempt != 1 {
			t.Errorf("run %s: run.started = %+v", r.rid, st)
		} else {
			byRunner[st[0].RunnerID]++
		}
		if len(terminals(evs)) != 1 {
			t.Errorf("run %s: events = %v", r.rid, types(evs))
		}
	}
	t.Logf("runs per runner: %v", byRunner)
	b.consumerIdle(5 * time.Second)
}

func TestPrerequisiteFailureReplacesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.startRunner(runner.Config{})

	// No terms yet: provisional fails at once.
	p1 := b.smallProject()
	r1 := b.requestRun(p1, events.RunRequested{Scope: "provisional"})
	term := b.waitTerminal(p1, r1, 30*time.Second)
	if term.Type != events.TypeRunFailed || decode[events.RunFailed](t, term).ErrorMessage != "provisional needs extracted terms; run extract first" {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	if evs := b.runEvents(p1, r1); count(evs, events.TypeRunResult) != 0 || count(evs, events.TypeRunStep) != 0 {
		t.Errorf("events = %v", types(evs))
	}

	// Terms but no provisional glossary: from_provisional fails and the
	// terms stay as they were.
	r2 := b.requestRun(p1, events.RunRequested{Scope: "extract"})
	if term := b.waitTerminal(p1, r2, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("extract: %s %s", term.Type, term.Data)
	}
	before, err := projectstate.Load(b.ctx, b.js, p1)
	if err != nil {
		t.Fatal(err)
	}
	r3 := b.requestRun(p1, events.RunRequested{Scope: "from_provisional"})
	term = b.waitTerminal(p1, r3, 30*time.Second)
	if term.Type != events.TypeRunFailed || decode[events.RunFailed](t, term).ErrorMessage != "issues needs a provisional glossary; run provisional first" {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	after, err := projectstate.Load(b.ctx, b.js, p1)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.State.Terms) == 0 || !slices.Equal(termTexts(before.State.Terms), termTexts(after.State.Terms)) {
		t.Errorf("terms changed: %v -> %v", termTexts(before.State.Terms), termTexts(after.State.Terms))
	}
}

func TestPanicInStepFailsRunAndRunnerKeepsServing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	factory := func(ctx context.Context, p *projectstate.Project) (pipeline.Engine, error) {
		if p.Name != "panics" {
			return engine.New(engine.Config{})
		}
		return hooked(hookEngine{define: func(context.Context, pipeline.DefineRequest) (*pipeline.Definition, error) {
			panic("engine bug")
		}})(ctx, p)
	}
	r := b.startRunner(runner.Config{Engine: factory})
	p1 := b.createProject(events.ProjectCreated{Name: "panics"})
	b.addDoc(p1, "wal.md", "# Write-Ahead Log\n\nThe Write-Ahead Log (WAL) is an append-only file.\nThe broker replays the WAL after a crash.\n")
	r1 := b.requestRun(p1, events.RunRequested{Scope: "full"})
	term := b.waitTerminal(p1, r1, 30*time.Second)
	if term.Type != events.TypeRunFailed || decode[events.RunFailed](t, term).ErrorMessage != "internal error in step provisional" {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	if evs := b.runEvents(p1, r1); len(terminals(evs)) != 1 || count(evs, events.TypeRunResult) != 1 {
		t.Errorf("events = %v (want only the extract result)", types(evs))
	}

	p2 := b.smallProject()
	r2 := b.requestRun(p2, events.RunRequested{Scope: "full"})
	if term := b.waitTerminal(p2, r2, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("after the panic: %s %s", term.Type, term.Data)
	}
	if r.Busy() != 0 {
		waitFor(t, 2*time.Second, "slots free", func() bool { return r.Busy() == 0 })
	}
}

func TestFailureMessageIsSanitised(t *testing.T) {
	t.Parallel()
	b := setup(t)
	const key = "sk-proj-ABCDEFGHIJ0123456789"
	factory := func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
		return nil, fmt.Errorf("open /home/alice/.config/genglossary/creds.txt: denied\x00\x1b[31m; key %s; also C:\\Users\\bob\\key.txt; tail %s", key, strings.Repeat("x", 3000))
	}
	b.startRunner(runner.Config{Engine: factory})
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	term := b.waitTerminal(pid, rid, 30*time.Second)
	if term.Type != events.TypeRunFailed {
		t.Fatalf("terminal = %s", term.Type)
	}
	msg := decode[events.RunFailed](t, term).ErrorMessage
	t.Logf("error_message = %.160q...", msg)
	for _, bad := range []string{"/home/alice", "creds.txt", key, "\x00", "\x1b", `C:\Users`} {
		if strings.Contains(msg, bad) {
			t.Errorf("error_message contains %q", bad)
		}
	}
	if !strings.HasPrefix(msg, "build engine: open <path>: denied") || !strings.Contains(msg, "<redacted>") || len(msg) > runner.MaxErrorMessage {
		t.Errorf("error_message = %q (%d bytes)", msg, len(msg))
	}
	logs := b.closedLog(pid, rid, 10*time.Second)
	end := decode[events.LogEnd](t, logs[len(logs)-1])
	if end.Status != events.RunStatusFailed || end.ErrorMessage != msg {
		t.Errorf("log.end = %+v", end)
	}
}

func TestShutdownNaksForRedelivery(t *testing.T) {
	t.Parallel()
	b := setup(t)
	entered := make(chan struct{}, 1)
	blocking := hooked(hookEngine{classify: func(ctx context.Context) error {
		select {
		case entered <- struct{}{}:
		default:
		}
		<-ctx.Done()
		return ctx.Err()
	}})
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	a := b.startRunner(runner.Config{ID: "a", Engine: blocking, ShutdownGrace: 200 * time.Millisecond})
	select {
	case <-entered:
	case <-time.After(30 * time.Second):
		t.Fatal("the run never reached classify")
	}
	start := time.Now()
	if err := a.stop(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("shutdown took %v", took)
	}
	if a.Busy() != 0 {
		t.Errorf("busy = %d after shutdown", a.Busy())
	}
	if evs := b.runEvents(pid, rid); len(terminals(evs)) != 0 {
		t.Fatalf("a terminal event after shutdown: %v", types(evs))
	}

	b.startRunner(runner.Config{ID: "b", Engine: alwaysBuiltin})
	// Nak'ed: redelivered at once, not after AckWait.
	term := b.waitTerminal(pid, rid, 20*time.Second)
	if term.Type != events.TypeRunCompleted {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	st := started(t, b.runEvents(pid, rid))
	if len(st) != 2 || st[0] != (events.RunStarted{RunnerID: "a", Attempt: 1}) || st[1] != (events.RunStarted{RunnerID: "b", Attempt: 2}) {
		t.Errorf("run.started = %+v", st)
	}
}

func TestShutdownLetsRunFinishWithinGrace(t *testing.T) {
	t.Parallel()
	b := setup(t)
	entered := make(chan struct{}, 1)
	slow := hooked(hookEngine{classify: func(ctx context.Context) error {
		select {
		case entered <- struct{}{}:
		default:
		}
		select {
		case <-time.After(300 * time.Millisecond):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}})
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	a := b.startRunner(runner.Config{Engine: slow, ShutdownGrace: 20 * time.Second})
	select {
	case <-entered:
	case <-time.After(30 * time.Second):
		t.Fatal("the run never reached classify")
	}
	if err := a.stop(); err != nil {
		t.Fatal(err)
	}
	evs := b.runEvents(pid, rid)
	if ts := terminals(evs); len(ts) != 1 || ts[0].Type != events.TypeRunCompleted {
		t.Errorf("events = %v", types(evs))
	}
	b.consumerIdle(5 * time.Second)
}

// TestHeartbeatKeepsLongRunAlive runs a step longer than AckWait while a
// second runner pulls: without heartbeats it would get the run too.
func TestHeartbeatKeepsLongRunAlive(t *testing.T) {
	t.Parallel()
	b := setupRedelivery(t)
	slow := hooked(hookEngine{classify: func(ctx context.Context) error {
		select {
		case <-time.After(testAckWait + time.Second):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}})
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "extract"})
	b.startRunner(runner.Config{ID: "slow", Engine: slow})
	f, _ := events.RunFilter(pid, rid)
	waitFor(t, 30*time.Second, "run started", func() bool {
		last, _, err := events.LastEvent(b.ctx, b.js, f)
		return err == nil && last.Type != events.TypeRunRequested
	})
	b.startRunner(runner.Config{ID: "other"})
	term := b.waitTerminal(pid, rid, 30*time.Second)
	if term.Type != events.TypeRunCompleted {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	if st := started(t, b.runEvents(pid, rid)); len(st) != 1 || st[0].RunnerID != "slow" {
		t.Errorf("run.started = %+v", st)
	}
}

func TestIncrementalExtractMergesNewTerms(t *testing.T) {
	t.Parallel()
	b := setup(t)
	corpora := &corpusRecorder{}
	b.startRunner(runner.Config{Engine: corpora.factory()})
	pid := b.smallProject()
	r1 := b.requestRun(pid, events.RunRequested{Scope: "extract"})
	if term := b.waitTerminal(pid, r1, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("first extract: %s %s", term.Type, term.Data)
	}
	before := b.results(b.runEvents(pid, r1))["extract"].Terms

	doc := b.addDoc(pid, "registry.md", "# Schema Registry\n\nThe Schema Registry stores Avro schemas for Kafka Connect.\nKafka Connect moves data between systems and the Schema Registry.\n")
	r2 := b.requestRun(pid, events.RunRequested{Scope: "extract", Documents: []string{doc}, TriggeredBy: events.TriggeredByAuto})
	if term := b.waitTerminal(pid, r2, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("incremental extract: %s %s", term.Type, term.Data)
	}
	after := b.results(b.runEvents(pid, r2))["extract"].Terms
	if got := corpora.paths(); len(got) != 2 || !slices.Equal(got[1], []string{"registry.md"}) {
		t.Errorf("extract corpora = %v", got)
	}
	got := termTexts(after)
	for _, tm := range termTexts(before) {
		if !slices.Contains(got, tm) {
			t.Errorf("existing term %q lost", tm)
		}
	}
	if len(after) <= len(before) {
		t.Errorf("no new term: before %v after %v", termTexts(before), got)
	}
	t.Logf("terms: %d -> %d (%v)", len(before), len(after), got)
}

func TestRegenerateSomeProvisionalEntries(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var regen atomic.Bool
	var defined atomic.Int32
	factory := hooked(hookEngine{define: func(_ context.Context, req pipeline.DefineRequest) (*pipeline.Definition, error) {
		if !regen.Load() {
			return nil, nil
		}
		defined.Add(1)
		return &pipeline.Definition{Text: "regenerated " + req.Term, Confidence: 0.9}, nil
	}})
	b.startRunner(runner.Config{Engine: factory})
	pid := b.smallProject()
	r1 := b.requestRun(pid, events.RunRequested{Scope: "full"})
	if term := b.waitTerminal(pid, r1, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("full: %s %s", term.Type, term.Data)
	}
	before := b.results(b.runEvents(pid, r1))["provisional"].Entries
	if len(before) < 2 {
		t.Fatalf("only %d provisional entries", len(before))
	}
	target := before[1].Term
	regen.Store(true)
	r2 := b.requestRun(pid, events.RunRequested{Scope: "provisional", Terms: []string{target}})
	if term := b.waitTerminal(pid, r2, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("regenerate: %s %s", term.Type, term.Data)
	}
	after := b.results(b.runEvents(pid, r2))["provisional"].Entries
	if defined.Load() != 1 {
		t.Errorf("%d definitions asked, want 1", defined.Load())
	}
	if len(after) != len(before) {
		t.Fatalf("entries %d -> %d", len(before), len(after))
	}
	for i := range after {
		switch {
		case after[i].Term == target && after[i].Definition != "regenerated "+target:
			t.Errorf("target entry = %+v", after[i])
		case after[i].Term != target && after[i].Definition != before[i].Definition:
			t.Errorf("entry %q changed: %q -> %q", after[i].Term, before[i].Definition, after[i].Definition)
		}
	}
	p, err := projectstate.Load(b.ctx, b.js, pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.State.Terms) == 0 || len(p.State.Provisional) != len(before) {
		t.Errorf("state after: %d terms, %d provisional", len(p.State.Terms), len(p.State.Provisional))
	}
}

func TestNewValidatesConfig(t *testing.T) {
	t.Parallel()
	if _, err := runner.New(runner.Config{}); !errors.Is(err, runner.ErrInvalidConfig) {
		t.Errorf("empty config: err = %v", err)
	}
}

// TestPageInTwoFormsIsReadOnce: a page uploaded as HTML and as its
// Markdown source is read once, the HTML, as `generate -i` reads a
// folder; the log says which was skipped. An incremental extract of a
// third form reads nothing new and completes.
func TestPageInTwoFormsIsReadOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	corpora := &corpusRecorder{}
	b.startRunner(runner.Config{Engine: corpora.factory()})
	pid := b.smallProject()
	page := "A berth is a place at a quay where a ship moors. Pilots assign each berth before the ship arrives at the harbour. " +
		"The harbour master keeps a register of berths, their depth, their length and the cranes that serve them."
	b.addDoc(pid, "berth.html", "<html><body><main><h1>Berth</h1><p>"+page+"</p></main></body></html>")
	b.addDoc(pid, "berth.md", "# Berth\n\n"+page+"\n")
	r1 := b.requestRun(pid, events.RunRequested{Scope: "extract"})
	term := b.waitTerminal(pid, r1, 30*time.Second)
	if term.Type != events.TypeRunCompleted {
		t.Fatalf("extract: %s %s", term.Type, term.Data)
	}
	if sum := decode[events.RunCompleted](t, term).Summary; sum["documents"] != 3 {
		t.Errorf("summary = %v, want 3 documents read", sum)
	}
	logged := false
	for _, e := range b.closedLog(pid, r1, 10*time.Second) {
		if e.Type == events.TypeLogLine {
			l := decode[events.LogLine](t, e)
			logged = logged || strings.Contains(l.Message, "berth.md") && strings.Contains(l.Message, "berth.html") && strings.Contains(l.Message, "read once")
		}
	}
	if !logged {
		t.Error("no log line says berth.md was read once as berth.html")
	}

	rst := b.addDoc(pid, "berth.rst", "Berth\n=====\n\n"+page+"\n")
	r2 := b.requestRun(pid, events.RunRequested{Scope: "extract", Documents: []string{rst}, TriggeredBy: events.TriggeredByAuto})
	if term := b.waitTerminal(pid, r2, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("incremental extract of another form: %s %s", term.Type, term.Data)
	}
	if got := corpora.paths(); len(got) != 2 || !slices.Equal(got[0], []string{"berth.html", "broker.md", "wal.md"}) || len(got[1]) != 0 {
		t.Errorf("extract corpora = %v, want the HTML form only, then nothing", got)
	}
}

// portuguesePage is a page in a language the builtin engine does not read.
const portuguesePage = "# Agendador do porto\n\nO agendador do porto atribui cada navio que chega a um berço. Um berço é um trecho do cais onde um navio pode atracar enquanto é carregado ou descarregado. " +
	"Quando todos os berços estão ocupados, o navio espera no fundeadouro até que o agendador libere um deles. O agendador lê a tábua de marés na inicialização e, se a tábua não existir, não inicia.\n"

func TestPagesInOtherLanguagesAreNotRead(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.startRunner(runner.Config{Engine: builtinFactory()})

	pid := b.smallProject()
	b.addDoc(pid, "agendador.pt-br.md", portuguesePage)
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	if term := b.waitTerminal(pid, rid, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("run: %s %s", term.Type, term.Data)
	}
	logged := false
	for _, e := range b.closedLog(pid, rid, 10*time.Second) {
		if e.Type == events.TypeLogLine {
			l := decode[events.LogLine](t, e)
			logged = logged || strings.Contains(l.Message, "not read: written in Portuguese") && strings.Contains(l.Message, "agendador.pt-br.md")
		}
	}
	if !logged {
		t.Error("no log line says agendador.pt-br.md was not read, being in Portuguese")
	}
	out := b.results(b.runEvents(pid, rid))
	if len(out["extract"].Terms) == 0 {
		t.Fatal("the English documents gave no terms")
	}
	for _, term := range out["extract"].Terms {
		if slices.Contains(term.Documents, "agendador.pt-br.md") {
			t.Errorf("term %q was taken from the Portuguese page", term.Text)
		}
	}

	only := b.createProject(events.ProjectCreated{})
	b.addDoc(only, "agendador.pt-br.md", portuguesePage)
	rid = b.requestRun(only, events.RunRequested{Scope: "full"})
	term := b.waitTerminal(only, rid, 30*time.Second)
	if term.Type != events.TypeRunFailed {
		t.Fatalf("run over a Portuguese page only: %s %s, want failed", term.Type, term.Data)
	}
	if msg := decode[events.RunFailed](t, term).ErrorMessage; !strings.Contains(msg, "no document in English or Japanese") {
		t.Errorf("error message = %q, want it to say no document is in English or Japanese", msg)
	}
}
