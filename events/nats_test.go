package events_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
)

func TestSetupIdempotentAndUpdates(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly()) // runs Setup once with defaults
	ctx := t.Context()

	if err := events.Setup(ctx, js, events.SetupConfig{}); err != nil {
		t.Fatalf("second Setup: %v", err)
	}
	check := func(logAge time.Duration, logBytes int64, ackWait time.Duration, maxDeliver int) {
		t.Helper()
		ev, err := js.Stream(ctx, events.EventsStream)
		if err != nil {
			t.Fatal(err)
		}
		c := ev.CachedInfo().Config
		if c.Storage != jetstream.FileStorage || c.Duplicates != events.DuplicateWindow || !c.AllowDirect || c.MaxAge != 0 || c.MaxBytes != -1 ||
			strings.Join(c.Subjects, " ") != "gg.*.project.> gg.*.doc.> gg.*.run.> gg.*.term.>" {
			t.Errorf("GG_EVENTS config = %+v", c)
		}
		lg, err := js.Stream(ctx, events.LogsStream)
		if err != nil {
			t.Fatal(err)
		}
		lc := lg.CachedInfo().Config
		if lc.MaxAge != logAge || lc.MaxBytes != logBytes || lc.Discard != jetstream.DiscardOld || strings.Join(lc.Subjects, " ") != "gg.*.log.>" {
			t.Errorf("GG_LOGS config = %+v", lc)
		}
		cons, err := js.Consumer(ctx, events.EventsStream, events.RunnersConsumer)
		if err != nil {
			t.Fatal(err)
		}
		cc := cons.CachedInfo().Config
		if cc.AckWait != ackWait || cc.MaxDeliver != maxDeliver || cc.AckPolicy != jetstream.AckExplicitPolicy ||
			cc.FilterSubject != events.RunRequestedSubjects || cc.Durable != events.RunnersConsumer {
			t.Errorf("gg-runners config = %+v", cc)
		}
		for _, b := range []string{events.DocsBucket, events.ArtifactsBucket} {
			if _, err := js.ObjectStore(ctx, b); err != nil {
				t.Errorf("object store %s: %v", b, err)
			}
		}
	}
	check(events.DefaultLogMaxAge, events.DefaultLogMaxBytes, events.DefaultAckWait, events.DefaultMaxAttempts+1)

	changed := events.SetupConfig{LogMaxAge: time.Hour, LogMaxBytes: 1 << 20, AckWait: 5 * time.Second, MaxAttempts: 5}
	for range 2 {
		if err := events.Setup(ctx, js, changed); err != nil {
			t.Fatalf("Setup with changes: %v", err)
		}
	}
	check(time.Hour, 1<<20, 5*time.Second, 6)

	if err := events.Setup(ctx, js, events.SetupConfig{MaxAttempts: -1}); !errors.Is(err, events.ErrInvalidConfig) {
		t.Fatalf("bad config: err = %v, want ErrInvalidConfig", err)
	}
}

func newRunRequested(t *testing.T, p string) events.Envelope {
	t.Helper()
	env, err := events.NewEnvelope(p, events.NewID(), events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func TestPublishHeadersAndDedup(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	env := newRunRequested(t, p)

	ack1, err := events.Publish(ctx, js, env)
	if err != nil {
		t.Fatal(err)
	}
	if ack1.Stream != events.EventsStream || ack1.Duplicate {
		t.Fatalf("first ack = %+v", ack1)
	}
	ack2, err := events.Publish(ctx, js, env)
	if err != nil {
		t.Fatal(err)
	}
	if !ack2.Duplicate || ack2.Sequence != ack1.Sequence {
		t.Fatalf("second ack = %+v, want a duplicate of seq %d", ack2, ack1.Sequence)
	}
	st, _ := js.Stream(ctx, events.EventsStream)
	info, _ := st.Info(ctx)
	if info.State.Msgs != 1 {
		t.Fatalf("stream has %d messages, want 1", info.State.Msgs)
	}

	raw, err := st.GetMsg(ctx, ack1.Sequence)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := events.RunSubject(p, env.RunID, events.TypeRunRequested)
	if raw.Subject != want || raw.Header.Get(events.HeaderType) != events.TypeRunRequested || raw.Header.Get(jetstream.MsgIDHeader) != env.ID {
		t.Fatalf("stored message: subject %q headers %v", raw.Subject, raw.Header)
	}
	got, err := events.Decode(raw.Data)
	if err != nil || got.ID != env.ID || !bytes.Equal(got.Data, env.Data) {
		t.Fatalf("stored envelope = %+v, %v", got, err)
	}
}

func TestLogEventsGoToLogsStream(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p, r := events.NewID(), events.NewID()
	for _, d := range []events.Data{events.LogLine{Level: events.LevelInfo, Message: "hi"}, events.LogEnd{Status: events.RunStatusCompleted}} {
		env, err := events.NewEnvelope(p, r, d)
		if err != nil {
			t.Fatal(err)
		}
		ack, err := events.Publish(ctx, js, env)
		if err != nil {
			t.Fatal(err)
		}
		if ack.Stream != events.LogsStream {
			t.Fatalf("%s stored in %s", d.Type(), ack.Stream)
		}
	}
	subj, _ := events.LogSubject(p, r)
	last, seq, err := events.LastEvent(ctx, js, subj)
	if err != nil || seq != 2 || last.Type != events.TypeLogEnd {
		t.Fatalf("LastEvent(log) = %s seq %d, %v", last.Type, seq, err)
	}
}

func TestLastEventWildcard(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p, other := events.NewID(), events.NewID()
	filter, _ := events.ProjectRunsFilter(p)

	_, seq, err := events.LastEvent(ctx, js, filter)
	if !errors.Is(err, events.ErrNoEvents) || seq != 0 {
		t.Fatalf("empty: seq %d err %v, want 0, ErrNoEvents", seq, err)
	}

	req := newRunRequested(t, p)
	if _, err := events.Publish(ctx, js, req); err != nil {
		t.Fatal(err)
	}
	started, _ := events.NewEnvelope(p, req.RunID, events.RunStarted{RunnerID: "r1", Attempt: 1})
	ack, err := events.Publish(ctx, js, started)
	if err != nil {
		t.Fatal(err)
	}
	// Events of another project and outside the run subtree do not count.
	if _, err := events.Publish(ctx, js, newRunRequested(t, other)); err != nil {
		t.Fatal(err)
	}
	doc, _ := events.NewEnvelope(p, "", events.DocRemoved{DocID: events.NewID(), FileName: "a.md"})
	if _, err := events.Publish(ctx, js, doc); err != nil {
		t.Fatal(err)
	}

	last, seq, err := events.LastEvent(ctx, js, filter)
	if err != nil {
		t.Fatal(err)
	}
	if seq != ack.Sequence || last.ID != started.ID || last.Type != events.TypeRunStarted {
		t.Fatalf("LastEvent = %s %s seq %d, want run.started seq %d", last.Type, last.ID, seq, ack.Sequence)
	}
	if _, _, err := events.LastEvent(ctx, js, "gg."+p+".run.*.requested"); err != nil {
		t.Fatalf("LastEvent with * wildcard: %v", err)
	}
}

func TestPublishExpectConflict(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	filter, _ := events.ProjectRunsFilter(p)

	first := newRunRequested(t, p)
	ack, err := events.PublishExpect(ctx, js, first, 0, filter)
	if err != nil {
		t.Fatalf("first PublishExpect: %v", err)
	}
	// A stale expectation conflicts.
	_, err = events.PublishExpect(ctx, js, newRunRequested(t, p), 0, filter)
	if !errors.Is(err, events.ErrConflict) {
		t.Fatalf("stale expectation: err = %v, want ErrConflict", err)
	}
	// Retrying the very same envelope is de-duplicated, not a conflict.
	again, err := events.PublishExpect(ctx, js, first, 0, filter)
	if err != nil || !again.Duplicate || again.Sequence != ack.Sequence {
		t.Fatalf("retry of the same envelope: ack %+v, err %v", again, err)
	}
	// Another project's subtree is independent.
	if _, err := events.PublishExpect(ctx, js, newRunRequested(t, events.NewID()), 0, "gg.*.run.>"); !errors.Is(err, events.ErrConflict) {
		t.Fatalf("global filter: err = %v, want ErrConflict", err)
	}
	op := events.NewID()
	opf, _ := events.ProjectRunsFilter(op)
	if _, err := events.PublishExpect(ctx, js, newRunRequested(t, op), 0, opf); err != nil {
		t.Fatalf("other project: %v", err)
	}
	// The right expectation succeeds.
	if _, err := events.PublishExpect(ctx, js, newRunRequested(t, p), ack.Sequence, filter); err != nil {
		t.Fatalf("fresh expectation: %v", err)
	}
}

// TestOneActiveRunPerProject is invariant 1 at the events level: of 50
// concurrent writers that each read the project's last run event and try to
// publish a new run.requested, exactly one succeeds.
func TestOneActiveRunPerProject(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	filter, _ := events.ProjectRunsFilter(p)

	// An earlier, finished run so the expectation is not just "empty".
	old := newRunRequested(t, p)
	if _, err := events.Publish(ctx, js, old); err != nil {
		t.Fatal(err)
	}
	done, _ := events.NewEnvelope(p, old.RunID, events.RunCompleted{Summary: map[string]int{"terms": 1}})
	if _, err := events.Publish(ctx, js, done); err != nil {
		t.Fatal(err)
	}

	const n = 50
	var (
		wg        sync.WaitGroup
		start     = make(chan struct{})
		mu        sync.Mutex
		ok        int
		conflicts int
		other     []error
	)
	for range n {
		wg.Go(func() {
			<-start
			last, seq, err := events.LastEvent(ctx, js, filter)
			if err != nil {
				mu.Lock()
				other = append(other, err)
				mu.Unlock()
				return
			}
			if !events.IsTerminal(last.Type) {
				mu.Lock()
				conflicts++ // an active run exists: the API would answer 409
				mu.Unlock()
				return
			}
			_, err = events.PublishExpect(ctx, js, newRunRequested(t, p), seq, filter)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case errors.Is(err, events.ErrConflict):
				conflicts++
			default:
				other = append(other, err)
			}
		})
	}
	close(start)
	wg.Wait()
	if ok != 1 || conflicts != n-1 || len(other) > 0 {
		t.Fatalf("ok=%d conflicts=%d other=%v; want exactly one success", ok, conflicts, other)
	}
	st, _ := js.Stream(ctx, events.EventsStream)
	info, err := st.Info(ctx, jetstream.WithSubjectFilter("gg."+p+".run.*.requested"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(info.State.Subjects); got != 2 {
		t.Fatalf("run.requested subjects = %d, want 2 (old run + the winner)", got)
	}
}

// TestOneWinnerEveryWriterPublishes is the primitive behind invariant 1: 50
// goroutines each read LastEvent on gg.<p>.run.>, wait until all have read,
// then PublishExpect a run.requested for a new run: exactly one succeeds and
// the other 49 get ErrConflict.
func TestOneWinnerEveryWriterPublishes(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	p := events.NewID()
	filter, _ := events.ProjectRunsFilter(p)
	// Round 1 starts from an empty subtree (seq 0), round 2 from the winner.
	for round := range 2 {
		const n = 50
		var (
			read sync.WaitGroup
			wg   sync.WaitGroup
			errs = make(chan error, n)
			seqs = make(chan uint64, n)
		)
		read.Add(n)
		for range n {
			wg.Go(func() {
				_, seq, err := events.LastEvent(ctx, js, filter)
				read.Done()
				if err != nil && !errors.Is(err, events.ErrNoEvents) {
					errs <- err
					return
				}
				seqs <- seq
				read.Wait() // everyone has read the same sequence
				_, err = events.PublishExpect(ctx, js, newRunRequested(t, p), seq, filter)
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		close(seqs)
		var ok, conflict int
		for err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, events.ErrConflict):
				conflict++
			default:
				t.Errorf("round %d: unexpected error: %v", round, err)
			}
		}
		first := <-seqs
		for s := range seqs {
			if s != first {
				t.Fatalf("round %d: readers saw different sequences %d and %d", round, first, s)
			}
		}
		if ok != 1 || conflict != n-1 {
			t.Fatalf("round %d: ok=%d conflict=%d, want 1 and %d", round, ok, conflict, n-1)
		}
	}
}

func TestRunResultClaimCheck(t *testing.T) {
	t.Parallel()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	ctx := t.Context()
	obs, err := js.ObjectStore(ctx, events.ArtifactsBucket)
	if err != nil {
		t.Fatal(err)
	}
	p, r := events.NewID(), events.NewID()

	small := json.RawMessage(`{"terms":["a"]}`)
	res, err := events.NewRunResult(ctx, obs, p, r, "extract", 1, small)
	if err != nil || res.ObjectKey != "" || !bytes.Equal(res.Inline, small) {
		t.Fatalf("small result = %+v, %v", res, err)
	}

	var big bytes.Buffer
	big.WriteString(`[`)
	for i := 0; big.Len() <= events.MaxInlineResult; i++ {
		if i > 0 {
			big.WriteByte(',')
		}
		fmt.Fprintf(&big, `{"term":"term-%d","definition":"%s"}`, i, strings.Repeat("x", 100))
	}
	big.WriteString(`]`)
	res, err = events.NewRunResult(ctx, obs, p, r, "provisional", 9, big.Bytes())
	if err != nil || res.Inline != nil || res.ObjectKey == "" {
		t.Fatalf("big result = step %s key %q inline %d bytes, %v", res.Step, res.ObjectKey, len(res.Inline), err)
	}
	env, err := events.NewEnvelope(p, r, res)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := events.Publish(ctx, js, env); err != nil {
		t.Fatal(err)
	}
	got, err := res.Payload(ctx, obs)
	if err != nil || !bytes.Equal(got, big.Bytes()) {
		t.Fatalf("Payload: %d bytes, %v", len(got), err)
	}
	if _, err := events.NewRunResult(ctx, obs, p, r, "extract", 0, json.RawMessage(`{`)); err == nil {
		t.Fatal("invalid JSON accepted")
	}
}
