package runner_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/services/runner"
)

// Test settings: two attempts (MaxDeliver 3); a short AckWait for the
// tests about redelivery, so they are quick, and a calm one for the rest,
// so that a heartbeat starved on a loaded CI machine (-race, 2 cores) does
// not hand a healthy run to a second runner.
const (
	testAckWait     = 2 * time.Second
	calmAckWait     = 10 * time.Second
	testMaxAttempts = 2
)

type testBundle struct {
	t   *testing.T
	ctx context.Context
	srv *natsembed.Server
	nc  *nats.Conn
	js  jetstream.JetStream

	// lastRequest is the stream sequence of the latest run.requested
	// published by requestRun (see consumerIdle).
	lastRequest atomic.Uint64
}

// setup starts a server whose runners' consumer has the calm AckWait.
func setup(t *testing.T) *testBundle {
	t.Helper()
	return setupAckWait(t, calmAckWait)
}

// setupRedelivery starts a server with the short AckWait, for tests that
// wait for a redelivery or for heartbeats to beat it.
func setupRedelivery(t *testing.T) *testBundle {
	t.Helper()
	return setupAckWait(t, testAckWait)
}

func setupAckWait(t *testing.T, ackWait time.Duration) *testBundle {
	t.Helper()
	srv, nc, js := natstest.Start(t, natstest.WithSetupConfig(events.SetupConfig{AckWait: ackWait, MaxAttempts: testMaxAttempts}))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return &testBundle{t: t, ctx: ctx, srv: srv, nc: nc, js: js}
}

// testLogger discards unless GG_TEST_LOG is set.
func testLogger() *slog.Logger {
	if os.Getenv("GG_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

func (b *testBundle) publish(pid, rid string, d events.Data) uint64 {
	b.t.Helper()
	env, err := events.NewEnvelope(pid, rid, d)
	if err != nil {
		b.t.Fatal(err)
	}
	ack, err := events.Publish(b.ctx, b.js, env)
	if err != nil {
		b.t.Fatal(err)
	}
	return ack.Sequence
}

// publishExpect publishes a run event as the API does: expecting the
// project's run subtree to end at the sequence just read.
func (b *testBundle) publishExpect(pid, rid string, d events.Data) uint64 {
	b.t.Helper()
	filter, _ := events.ProjectRunsFilter(pid)
	env, err := events.NewEnvelope(pid, rid, d)
	if err != nil {
		b.t.Fatal(err)
	}
	for range 50 {
		_, seq, err := events.LastEvent(b.ctx, b.js, filter)
		if err != nil && !errors.Is(err, events.ErrNoEvents) {
			b.t.Fatal(err)
		}
		ack, err := events.PublishExpect(b.ctx, b.js, env, seq, filter)
		if errors.Is(err, events.ErrConflict) {
			continue
		}
		if err != nil {
			b.t.Fatal(err)
		}
		return ack.Sequence
	}
	b.t.Fatal("publishExpect: too many conflicts")
	return 0
}

func (b *testBundle) createProject(settings events.ProjectCreated) string {
	b.t.Helper()
	pid := events.NewID()
	if settings.Name == "" {
		settings.Name = "project " + pid
	}
	if settings.LLMProvider == "" {
		settings.LLMProvider = "builtin"
	}
	b.publish(pid, "", settings)
	return pid
}

func (b *testBundle) addDoc(pid, name, content string) string {
	b.t.Helper()
	id := events.NewID()
	key, err := events.DocObjectKey(pid, id)
	if err != nil {
		b.t.Fatal(err)
	}
	obs, err := b.js.ObjectStore(b.ctx, events.DocsBucket)
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := obs.PutBytes(b.ctx, key, []byte(content)); err != nil {
		b.t.Fatal(err)
	}
	b.publish(pid, "", events.DocAdded{DocID: id, FileName: name, Size: int64(len(content)), ObjectKey: key})
	return id
}

// addCorpus adds every file of dir (not recursive) as a document.
func (b *testBundle) addCorpus(pid, dir string) int {
	b.t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.t.Fatal(err)
		}
		b.addDoc(pid, e.Name(), string(content))
		n++
	}
	return n
}

func (b *testBundle) requestRun(pid string, req events.RunRequested) string {
	b.t.Helper()
	rid := events.NewID()
	if req.TriggeredBy == "" {
		req.TriggeredBy = events.TriggeredByAPI
	}
	seq := b.publishExpect(pid, rid, req)
	for {
		last := b.lastRequest.Load()
		if seq <= last || b.lastRequest.CompareAndSwap(last, seq) {
			break
		}
	}
	return rid
}

// smallProject creates a builtin project with two short documents.
func (b *testBundle) smallProject() string {
	b.t.Helper()
	pid := b.createProject(events.ProjectCreated{})
	b.addDoc(pid, "wal.md", "# Write-Ahead Log\n\nThe Write-Ahead Log (WAL) is an append-only file that records every change before it is applied.\nThe broker replays the WAL after a crash.\n")
	b.addDoc(pid, "broker.md", "# Broker\n\nA broker is the server process that stores streams.\nJetStream is the persistence layer of the broker. The broker writes to the WAL.\n")
	return pid
}

func builtinFactory() runner.EngineFactory {
	return runner.EngineFromSettings(engine.Config{})
}

// alwaysBuiltin ignores the project's provider.
func alwaysBuiltin(ctx context.Context, _ *projectstate.Project) (pipeline.Engine, error) {
	return engine.New(engine.Config{})
}

type runningRunner struct {
	*runner.Runner
	cancel   context.CancelFunc
	done     chan error
	once     sync.Once
	err      error
	allowErr bool // Run may fail (its connection is closed by the test)
}

// stop cancels the runner and waits for Run to return.
func (r *runningRunner) stop() error {
	r.once.Do(func() {
		r.cancel()
		r.err = <-r.done
	})
	return r.err
}

// startRunner starts a runner on b's connection unless cfg says otherwise,
// with the builtin engine unless cfg.Engine is set. It is stopped at
// cleanup.
func (b *testBundle) startRunner(cfg runner.Config) *runningRunner {
	b.t.Helper()
	if cfg.JS == nil {
		cfg.JS, cfg.NC = b.js, b.nc
	}
	if cfg.Engine == nil {
		cfg.Engine = builtinFactory()
	}
	if cfg.Logger == nil {
		cfg.Logger = testLogger()
	}
	if cfg.ShutdownGrace == 0 {
		cfg.ShutdownGrace = 2 * time.Second
	}
	r, err := runner.New(cfg)
	if err != nil {
		b.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rr := &runningRunner{Runner: r, cancel: cancel, done: make(chan error, 1)}
	go func() { rr.done <- r.Run(ctx) }()
	b.t.Cleanup(func() {
		if err := rr.stop(); err != nil && !rr.allowErr {
			b.t.Errorf("runner %s: Run: %v", r.ID(), err)
		}
	})
	return rr
}

// connect opens a separate client connection (for a runner that a test
// kills by closing it).
func (b *testBundle) connect() (*nats.Conn, jetstream.JetStream) {
	b.t.Helper()
	nc, err := nats.Connect(b.srv.ClientURL(), nats.MaxReconnects(0))
	if err != nil {
		b.t.Fatal(err)
	}
	b.t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		b.t.Fatal(err)
	}
	return nc, js
}

// readAll returns every event on filter in stream order.
func (b *testBundle) readAll(filter string) []events.Envelope {
	b.t.Helper()
	stream := events.StreamFor(filter)
	st, err := b.js.Stream(b.ctx, stream)
	if err != nil {
		b.t.Fatal(err)
	}
	last, err := st.GetLastMsgForSubject(b.ctx, filter)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil
	}
	if err != nil {
		b.t.Fatal(err)
	}
	cons, err := b.js.OrderedConsumer(b.ctx, stream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		b.t.Fatal(err)
	}
	it, err := cons.Messages()
	if err != nil {
		b.t.Fatal(err)
	}
	defer it.Stop()
	var out []events.Envelope
	for {
		m, err := it.Next(jetstream.NextContext(b.ctx))
		if err != nil {
			b.t.Fatal(err)
		}
		env, err := events.Decode(m.Data())
		if err != nil {
			b.t.Fatal(err)
		}
		out = append(out, env)
		md, _ := m.Metadata()
		if md.Sequence.Stream >= last.Sequence {
			return out
		}
	}
}

func (b *testBundle) runEvents(pid, rid string) []events.Envelope {
	f, _ := events.RunFilter(pid, rid)
	return b.readAll(f)
}

func (b *testBundle) logEvents(pid, rid string) []events.Envelope {
	f, _ := events.LogSubject(pid, rid)
	return b.readAll(f)
}

// closedLog waits for the run's log.end and returns the whole log. The
// runner stores the terminal event before log.end, so a test that has
// seen the terminal event may read the log a moment before it closes.
func (b *testBundle) closedLog(pid, rid string, timeout time.Duration) []events.Envelope {
	b.t.Helper()
	f, _ := events.LogSubject(pid, rid)
	deadline := time.Now().Add(timeout)
	for {
		last, _, err := events.LastEvent(b.ctx, b.js, f)
		if err == nil && last.Type == events.TypeLogEnd {
			return b.readAll(f)
		}
		if time.Now().After(deadline) {
			logs := b.readAll(f)
			b.t.Fatalf("run %s: no log.end within %v; log: %v", rid, timeout, types(logs))
			return logs
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitTerminal waits for the run's terminal event.
func (b *testBundle) waitTerminal(pid, rid string, timeout time.Duration) events.Envelope {
	b.t.Helper()
	f, _ := events.RunFilter(pid, rid)
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		last, _, err := events.LastEvent(b.ctx, b.js, f)
		if err == nil && events.IsTerminal(last.Type) {
			return last
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Fatalf("run %s: no terminal event within %v; events: %v", rid, timeout, types(b.runEvents(pid, rid)))
	return events.Envelope{}
}

// waitFor polls cond until it holds or timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func types(envs []events.Envelope) []string {
	out := make([]string, len(envs))
	for i, e := range envs {
		out[i] = e.Type
	}
	return out
}

func count(envs []events.Envelope, typ string) int {
	n := 0
	for _, e := range envs {
		if e.Type == typ {
			n++
		}
	}
	return n
}

func terminals(envs []events.Envelope) []events.Envelope {
	var out []events.Envelope
	for _, e := range envs {
		if events.IsTerminal(e.Type) {
			out = append(out, e)
		}
	}
	return out
}

func decode[T events.Data](t *testing.T, env events.Envelope) T {
	t.Helper()
	v, err := events.DecodeData[T](env)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// started returns the run.started payloads of envs.
func started(t *testing.T, envs []events.Envelope) []events.RunStarted {
	var out []events.RunStarted
	for _, e := range envs {
		if e.Type == events.TypeRunStarted {
			out = append(out, decode[events.RunStarted](t, e))
		}
	}
	return out
}

// results returns the last run.result output of each step.
func (b *testBundle) results(envs []events.Envelope) map[string]events.StepOutput {
	b.t.Helper()
	obs, err := b.js.ObjectStore(b.ctx, events.ArtifactsBucket)
	if err != nil {
		b.t.Fatal(err)
	}
	out := map[string]events.StepOutput{}
	for _, e := range envs {
		if e.Type != events.TypeRunResult {
			continue
		}
		res := decode[events.RunResult](b.t, e)
		raw, err := res.Payload(b.ctx, obs)
		if err != nil {
			b.t.Fatal(err)
		}
		var so events.StepOutput
		if err := jsonUnmarshal(raw, &so); err != nil {
			b.t.Fatal(err)
		}
		out[res.Step] = so
	}
	return out
}

// consumerIdle waits until the runners' consumer has nothing pending or
// unacknowledged and has acknowledged every run.requested that requestRun
// published. The ack floor is needed: the server counts NumPending from
// stream signals it handles on its own goroutine, so right after a publish
// on a loaded machine a consumer can report nothing pending yet.
func (b *testBundle) consumerIdle(timeout time.Duration) {
	b.t.Helper()
	want := b.lastRequest.Load()
	waitFor(b.t, timeout, "consumer idle", func() bool {
		c, err := b.js.Consumer(b.ctx, events.EventsStream, events.RunnersConsumer)
		if err != nil {
			return false
		}
		info, err := c.Info(b.ctx)
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0 && info.AckFloor.Stream >= want
	})
}

func termTexts(ts []glossary.Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	sort.Strings(out)
	return out
}

func jsonUnmarshal(raw []byte, v any) error { return json.Unmarshal(raw, v) }

// hookEngine wraps an engine with optional hooks before Extract, Classify
// and Define.
type hookEngine struct {
	pipeline.Engine
	extract  func(c *pipeline.Corpus)
	classify func(ctx context.Context) error
	define   func(ctx context.Context, req pipeline.DefineRequest) (*pipeline.Definition, error)
}

func (h *hookEngine) Extract(ctx context.Context, c *pipeline.Corpus, progress func(int, int, string)) ([]pipeline.Candidate, error) {
	if h.extract != nil {
		h.extract(c)
	}
	return h.Engine.Extract(ctx, c, progress)
}

func (h *hookEngine) Classify(ctx context.Context, c *pipeline.Corpus, terms []pipeline.Candidate) ([]pipeline.Candidate, error) {
	if h.classify != nil {
		if err := h.classify(ctx); err != nil {
			return nil, err
		}
	}
	return h.Engine.Classify(ctx, c, terms)
}

func (h *hookEngine) Define(ctx context.Context, c *pipeline.Corpus, req pipeline.DefineRequest) (pipeline.Definition, error) {
	if h.define != nil {
		d, err := h.define(ctx, req)
		if err != nil || d != nil {
			if d == nil {
				d = &pipeline.Definition{}
			}
			return *d, err
		}
	}
	return h.Engine.Define(ctx, c, req)
}

// hooked returns a factory of builtin engines wrapped with the hooks of
// h (its Engine field is ignored).
func hooked(h hookEngine) runner.EngineFactory {
	return func(ctx context.Context, p *projectstate.Project) (pipeline.Engine, error) {
		e, err := engine.New(engine.Config{})
		if err != nil {
			return nil, err
		}
		he := h
		he.Engine = e
		return &he, nil
	}
}

// corpusRecorder records the document paths of each corpus that a
// runner's extract step reads.
type corpusRecorder struct {
	mu      sync.Mutex
	corpora [][]string
}

// factory returns builtin engines that record their extract corpora.
func (r *corpusRecorder) factory() runner.EngineFactory {
	return hooked(hookEngine{extract: func(c *pipeline.Corpus) {
		var paths []string
		for _, d := range c.Docs {
			paths = append(paths, d.Path)
		}
		r.mu.Lock()
		r.corpora = append(r.corpora, paths)
		r.mu.Unlock()
	}})
}

// paths returns the corpora recorded so far, in the order they were read.
func (r *corpusRecorder) paths() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.corpora)
}
