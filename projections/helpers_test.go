package projections

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
)

// testBundle is a real embedded NATS with the streams set up, a real SQLite
// read model in a temp dir, and a running projector.
type testBundle struct {
	t     *testing.T
	js    jetstream.JetStream
	nc    *nats.Conn
	path  string
	store *Store
	proj  *Projector
	ids   *events.IDGen
	clock time.Time

	mu   sync.Mutex
	stop func()
}

func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// setup starts NATS, opens a store and starts a projector with cfg.
func setup(t *testing.T, cfg ...Config) *testBundle {
	t.Helper()
	_, nc, js := natstest.Start(t, natstest.InProcessOnly())
	b := &testBundle{
		t:     t,
		js:    js,
		nc:    nc,
		path:  filepath.Join(t.TempDir(), "read.db"),
		ids:   events.NewIDGen(nil),
		clock: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	b.open()
	b.start(cfg...)
	t.Cleanup(func() {
		b.halt()
		if err := b.store.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return b
}

func (b *testBundle) open() {
	b.t.Helper()
	s, err := Open(b.t.Context(), b.path)
	if err != nil {
		b.t.Fatalf("Open: %v", err)
	}
	b.store = s
}

// start runs a new projector on the bundle's store until halt.
func (b *testBundle) start(cfg ...Config) {
	b.t.Helper()
	c := Config{Logger: testLogger(b.t), MinBackoff: 10 * time.Millisecond, MaxBackoff: 100 * time.Millisecond}
	if len(cfg) > 0 {
		c = cfg[0]
		if c.Logger == nil {
			c.Logger = testLogger(b.t)
		}
	}
	b.proj = NewProjector(b.store, b.js, c)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.proj.Run(ctx) }()
	b.mu.Lock()
	b.stop = func() {
		cancel()
		if err := <-done; err != nil {
			b.t.Errorf("Run: %v", err)
		}
	}
	b.mu.Unlock()
}

// halt stops the running projector, if any.
func (b *testBundle) halt() {
	b.mu.Lock()
	stop := b.stop
	b.stop = nil
	b.mu.Unlock()
	if stop != nil {
		stop()
	}
}

func (b *testBundle) newID() string { return b.ids.New() }

// pub publishes an event with a deterministic time (one second after the
// previous one) and returns its stream sequence.
func (b *testBundle) pub(projectID, runID string, data events.Data) uint64 {
	b.t.Helper()
	b.clock = b.clock.Add(time.Second)
	env, err := events.NewEnvelopeWith(b.newID(), b.clock, projectID, runID, data)
	if err != nil {
		b.t.Fatalf("envelope %s: %v", data.Type(), err)
	}
	ack, err := events.Publish(b.t.Context(), b.js, env)
	if err != nil {
		b.t.Fatalf("publish %s: %v", data.Type(), err)
	}
	return ack.Sequence
}

// pubRaw publishes body on subject as is and returns its sequence.
func (b *testBundle) pubRaw(subject string, body []byte) uint64 {
	b.t.Helper()
	ack, err := b.js.Publish(b.t.Context(), subject, body)
	if err != nil {
		b.t.Fatalf("publish raw on %s: %v", subject, err)
	}
	return ack.Sequence
}

// result publishes a run.result for out, inline or through the artifacts
// object store as events.NewRunResult decides.
func (b *testBundle) result(projectID, runID, step string, count int, out events.StepOutput) uint64 {
	b.t.Helper()
	raw, err := json.Marshal(out)
	if err != nil {
		b.t.Fatal(err)
	}
	store, err := b.js.ObjectStore(b.t.Context(), events.ArtifactsBucket)
	if err != nil {
		b.t.Fatal(err)
	}
	res, err := events.NewRunResult(b.t.Context(), store, projectID, runID, step, count, raw)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.pub(projectID, runID, res)
}

// wait waits for the projector to apply seq.
func (b *testBundle) wait(seq uint64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.t.Context(), 20*time.Second)
	defer cancel()
	if err := b.proj.WaitFor(ctx, seq); err != nil {
		b.t.Fatalf("WaitFor(%d): %v (applied %d)", seq, err, b.proj.Applied())
	}
}

func (b *testBundle) dump() string {
	b.t.Helper()
	d, err := b.store.Dump(b.t.Context())
	if err != nil {
		b.t.Fatalf("Dump: %v", err)
	}
	return d
}

func (b *testBundle) project(id string) Project {
	b.t.Helper()
	p, err := b.store.GetProject(b.t.Context(), id)
	if err != nil {
		b.t.Fatalf("GetProject: %v", err)
	}
	return p
}

func (b *testBundle) run(projectID, runID string) Run {
	b.t.Helper()
	r, err := b.store.GetRun(b.t.Context(), projectID, runID)
	if err != nil {
		b.t.Fatalf("GetRun: %v", err)
	}
	return r
}

// newProject publishes project.created and returns the project id.
func (b *testBundle) newProject(name string) string {
	pid := b.newID()
	b.pub(pid, "", events.ProjectCreated{Name: name, LLMProvider: "builtin"})
	return pid
}

// addDoc publishes doc.added and returns the doc id and the seq.
func (b *testBundle) addDoc(projectID, name string) (string, uint64) {
	b.t.Helper()
	id := b.newID()
	key, err := events.DocObjectKey(projectID, id)
	if err != nil {
		b.t.Fatal(err)
	}
	seq := b.pub(projectID, "", events.DocAdded{DocID: id, FileName: name, Size: 42, SHA256: "ab12", ObjectKey: key})
	return id, seq
}

func mustNotFound(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func natstestStart(t *testing.T) (*nats.Conn, *nats.Conn, jetstream.JetStream) {
	t.Helper()
	_, nc, js := natstest.Start(t, natstest.InProcessOnly())
	return nc, nc, js
}

// hasArtifact reports whether the artifacts object store holds key.
func (b *testBundle) hasArtifact(key string) bool {
	b.t.Helper()
	store, err := b.js.ObjectStore(b.t.Context(), events.ArtifactsBucket)
	if err != nil {
		b.t.Fatal(err)
	}
	_, err = store.GetInfo(b.t.Context(), key)
	return err == nil
}

// envItem builds the item the projector decodes from env, published at seq.
func envItem(tb testing.TB, seq uint64, env events.Envelope) item {
	tb.Helper()
	body, err := env.Encode()
	if err != nil {
		tb.Fatal(err)
	}
	subject, err := env.Subject()
	if err != nil {
		tb.Fatal(err)
	}
	return decodeItem(seq, subject, body)
}
