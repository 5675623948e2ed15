package runner

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/internal/pipeline"
)

func newTestEmitter(t *testing.T) (*emitter, jetstream.JetStream) {
	t.Helper()
	_, _, js := natstest.Start(t, natstest.InProcessOnly())
	return &emitter{
		js: js, base: context.Background(), projectID: events.NewID(), runID: events.NewID(),
		logger: slog.New(slog.DiscardHandler), secrets: []string{"topsecretvalue"},
		progressEvery: 250 * time.Millisecond,
	}, js
}

// readEvents returns every event on subject, in stream order.
func readEvents(t *testing.T, js jetstream.JetStream, subject string) []events.Envelope {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := js.Stream(ctx, events.StreamFor(subject))
	if err != nil {
		t.Fatal(err)
	}
	var out []events.Envelope
	for seq := uint64(1); ; seq++ {
		raw, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if !subjectMatches(subject, raw.Subject) {
			continue
		}
		env, err := events.Decode(raw.Data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, env)
	}
}

// subjectMatches handles the concrete subjects and trailing ">" filters
// these tests use.
func subjectMatches(filter, subject string) bool {
	if prefix, ok := strings.CutSuffix(filter, ">"); ok {
		return strings.HasPrefix(subject, prefix)
	}
	return filter == subject
}

func TestLogHandlerTurnsRecordsIntoLogLines(t *testing.T) {
	t.Parallel()
	em, js := newTestEmitter(t)
	logger := slog.New(&logHandler{em: em}).With("step", "provisional").WithGroup("g")
	logger.Debug("dropped")
	logger.Info("step summary", "n", 3)
	logger.Warn("define failed; skipped", "term", "WAL", "err", errors.New("open /var/lib/x.db: topsecretvalue"))
	logger.Error("boom\nsecond line")

	subj, _ := events.LogSubject(em.projectID, em.runID)
	evs := readEvents(t, js, subj)
	var got []events.LogLine
	for _, e := range evs {
		l, err := events.DecodeData[events.LogLine](e)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
	}
	want := []events.LogLine{
		{Level: events.LevelInfo, Message: "step summary step=provisional g.n=3"},
		{Level: events.LevelWarning, Message: "define failed; skipped step=provisional g.term=WAL g.err=open <path>: <redacted>"},
		{Level: events.LevelError, Message: "boom second line step=provisional"},
	}
	if len(got) != len(want) {
		t.Fatalf("log lines = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestProgressIsThrottled(t *testing.T) {
	t.Parallel()
	em, js := newTestEmitter(t)
	const n = 5000
	start := time.Now()
	for i := 1; i <= n; i++ {
		em.progress(pipeline.Progress{Step: pipeline.StepProvisional, Current: i, Total: n, Term: "t"})
	}
	em.flushProgress()
	took := time.Since(start)

	runSubj, _ := events.RunSubject(em.projectID, em.runID, events.TypeRunProgress)
	runEvs := readEvents(t, js, runSubj)
	maxRun := 2 + int(took/time.Second)
	if len(runEvs) < 2 || len(runEvs) > maxRun {
		t.Errorf("%d run.progress events in %v, want 2..%d", len(runEvs), took, maxRun)
	}
	last, _ := events.DecodeData[events.RunProgress](runEvs[len(runEvs)-1])
	if last.Current != n || last.Total != n {
		t.Errorf("last run.progress = %+v", last)
	}
	logSubj, _ := events.LogSubject(em.projectID, em.runID)
	logEvs := readEvents(t, js, logSubj)
	maxLog := 2 + int(took/(250*time.Millisecond))
	if len(logEvs) < 2 || len(logEvs) > maxLog {
		t.Errorf("%d log.progress events in %v, want 2..%d", len(logEvs), took, maxLog)
	}
}

// TestLogFailureMarksTruncated: a log event that cannot be published (the
// connection is closed) does not block or panic the run; the attempt's log
// is reported truncated.
func TestLogFailureMarksTruncated(t *testing.T) {
	t.Parallel()
	em, js := newTestEmitter(t)
	em.line(events.LevelInfo, "stored")
	js.Conn().Close()
	em.line(events.LevelInfo, "lost")
	if !em.logFailed {
		t.Fatal("a log event lost to a closed connection was not noticed")
	}
	if !em.logsTruncated() {
		t.Error("logsTruncated = false after a lost log event")
	}
}

// TestFencedPublishTakesBackItsOwnLostAck: a domain event whose publish
// failed although the server stored it (its ack lost) makes the next
// fenced publish conflict; the emitter must recognise its own event and go
// on, not stop the run as taken over. A run.started of another attempt
// does stop it.
func TestFencedPublishTakesBackItsOwnLostAck(t *testing.T) {
	t.Parallel()
	em, js := newTestEmitter(t)
	ctx := context.Background()
	em.fence, _ = events.RunFilter(em.projectID, em.runID)
	var stopped []error
	em.stop = func(cause error) { stopped = append(stopped, cause) }
	publish := func(d events.Data) seqEnvelope {
		t.Helper()
		env, err := events.NewEnvelope(em.projectID, em.runID, d)
		if err != nil {
			t.Fatal(err)
		}
		ack, err := events.Publish(ctx, js, env)
		if err != nil {
			t.Fatal(err)
		}
		return withSeq(env, ack.Sequence)
	}
	started := publish(events.RunStarted{RunnerID: "r", Attempt: 1})
	em.published(started.seq) // the claim

	// Stored, but the attempt saw its publish fail.
	lost := publish(events.RunStep{Step: "extract", Status: events.StepStarted})
	em.unconfirmed = append(em.unconfirmed, lost.env.ID)
	seq, err := em.publish(events.RunStep{Step: "extract", Status: events.StepCompleted})
	if err != nil || len(stopped) != 0 {
		t.Fatalf("publish after a lost ack: seq %d, err %v, stopped %v; want it stored and the run going on", seq, err, stopped)
	}
	if seq <= lost.seq {
		t.Errorf("stored at %d, not after the lost-ack event at %d", seq, lost.seq)
	}

	// Another attempt claims the run: the next event stops this one.
	publish(events.RunStarted{RunnerID: "other", Attempt: 2})
	if _, err := em.publish(events.RunStep{Step: "provisional", Status: events.StepStarted}); !errors.Is(err, errTakenOver) {
		t.Errorf("publish after a takeover: err %v, want errTakenOver", err)
	}
	if len(stopped) != 1 || !errors.Is(stopped[0], errTakenOver) {
		t.Errorf("stopped = %v, want errTakenOver once", stopped)
	}
}

type seqEnvelope struct {
	env events.Envelope
	seq uint64
}

func withSeq(env events.Envelope, seq uint64) seqEnvelope { return seqEnvelope{env, seq} }

// TestStepUnitsAreCounted: the log's step lines count in the singular for
// one ("step refined completed: 1 entry").
func TestStepUnitsAreCounted(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		step pipeline.Step
		n    int
		want string
	}{
		{pipeline.StepExtract, 1, "term"}, {pipeline.StepExtract, 0, "terms"}, {pipeline.StepExtract, 12, "terms"},
		{pipeline.StepProvisional, 1, "entry"}, {pipeline.StepRefined, 3, "entries"},
		{pipeline.StepIssues, 1, "issue"}, {pipeline.StepIssues, 2, "issues"},
	} {
		if got := unitOf(tt.step, tt.n); got != tt.want {
			t.Errorf("unitOf(%s, %d) = %q, want %q", tt.step, tt.n, got, tt.want)
		}
	}
}

// logTest starts an emitter on a fresh server and returns it with the run's
// log subject.
func logTest(t *testing.T) (*emitter, jetstream.JetStream, string) {
	t.Helper()
	em, js := newTestEmitter(t)
	subject, err := events.LogSubject(em.projectID, em.runID)
	if err != nil {
		t.Fatal(err)
	}
	return em, js, subject
}

// publishLogOf stores a log event of the emitter's run as another attempt
// (or the emitter itself, its ack lost) would.
func publishLogOf(t *testing.T, js jetstream.JetStream, em *emitter, d events.Data) {
	t.Helper()
	env, err := events.NewEnvelope(em.projectID, em.runID, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := events.Publish(context.Background(), js, env); err != nil {
		t.Fatal(err)
	}
}

// TestLogOfAnAttemptLeftBehind: an attempt whose connection was lost while
// another attempt finished the run must not append its pending lines after
// that attempt's log.end; lines logged at once from many goroutines (an LLM
// step's workers) all go out, in the attempt's own order.
func TestLogOfAnAttemptLeftBehind(t *testing.T) {
	t.Parallel()
	em, js, subject := logTest(t)

	var wg sync.WaitGroup
	for g := range 10 {
		wg.Go(func() {
			for i := range 5 {
				em.line(events.LevelInfo, "worker %d line %d", g, i)
			}
		})
	}
	wg.Wait()
	if em.logBehind || em.logFailed {
		t.Fatalf("lines logged at once: behind %v, failed %v; want all stored", em.logBehind, em.logFailed)
	}
	if got := len(readEvents(t, js, subject)); got != 50 {
		t.Fatalf("%d log events stored, want 50", got)
	}

	// Another attempt takes the run over and ends its log.
	for _, d := range []events.Data{events.LogLine{Level: events.LevelInfo, Message: "run started on runner other (attempt 2)"},
		events.LogEnd{Status: events.RunStatusCompleted}} {
		publishLogOf(t, js, em, d)
	}
	em.line(events.LevelWarning, "runner stopped; the run will be resumed by another runner")
	if err := em.logErr(events.LogEnd{Status: events.RunStatusFailed}); !errors.Is(err, errLogBehind) {
		t.Errorf("log.end of the attempt left behind: err %v, want errLogBehind", err)
	}
	evs := readEvents(t, js, subject)
	if len(evs) != 52 || evs[len(evs)-1].Type != events.TypeLogEnd {
		t.Fatalf("%d log events, last %s; want 52 ending with the other attempt's log.end", len(evs), evs[len(evs)-1].Type)
	}
	if !em.logBehind {
		t.Error("the attempt did not notice that its log went on without it")
	}
}

// TestLogAfterAFailedPublishGoesOn: a log event whose publish failed may
// have been stored all the same; the next one must not take it for another
// attempt's and stop the log.
func TestLogAfterAFailedPublishGoesOn(t *testing.T) {
	t.Parallel()
	em, js, subject := logTest(t)
	ctx := context.Background()
	em.line(events.LevelInfo, "first")
	// Stored, but the attempt saw its publish fail (an ack lost).
	publishLogOf(t, js, em, events.LogLine{Level: events.LevelInfo, Message: "lost ack"})
	// The attempt's next publish fails (here: its context ends).
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	em.base = cancelled
	if err := em.logErr(events.LogLine{Level: events.LevelInfo, Message: "fails"}); err == nil {
		t.Fatal("a publish with an ended context succeeded")
	}
	em.base = ctx
	em.line(events.LevelInfo, "after")
	if em.logBehind {
		t.Fatal("the attempt stopped its log after its own stored event")
	}
	if evs := readEvents(t, js, subject); len(evs) != 3 {
		t.Errorf("%d log events stored, want 3", len(evs))
	}
}

// TestFirstLogOfAnAttemptIsFenced: an attempt's very first log event is
// fenced too. A redelivered attempt starts on a log with another attempt's
// lines and goes on with it, also when that attempt writes between its
// events; an attempt whose first line comes after another attempt ended
// the log stores nothing.
func TestFirstLogOfAnAttemptIsFenced(t *testing.T) {
	t.Parallel()
	em, js, subject := logTest(t)
	ctx := context.Background()
	other := func(d events.Data) { t.Helper(); publishLogOf(t, js, em, d) }

	// The live attempt B (em) starts on a log with A's lines, and A writes
	// again between B's lines: B's log goes on.
	other(events.LogLine{Level: events.LevelInfo, Message: "run started on runner a (attempt 1)"})
	em.line(events.LevelInfo, "run started on runner b (attempt 2)")
	other(events.LogLine{Level: events.LevelInfo, Message: "a: step extract started"})
	em.line(events.LevelInfo, "b: step extract started")
	if em.logBehind || em.logFailed {
		t.Fatalf("behind %v, failed %v; want the attempt's log to go on beside another's lines", em.logBehind, em.logFailed)
	}
	if got := len(readEvents(t, js, subject)); got != 4 {
		t.Fatalf("%d log events stored, want 4", got)
	}

	// A fresh attempt C whose first line comes after the log ended.
	other(events.LogEnd{Status: events.RunStatusCompleted})
	late := &emitter{js: js, base: ctx, projectID: em.projectID, runID: em.runID,
		logger: slog.New(slog.DiscardHandler), progressEvery: time.Second}
	late.line(events.LevelInfo, "run started on runner c (attempt 3)")
	if err := late.logErr(events.LogEnd{Status: events.RunStatusFailed}); !errors.Is(err, errLogBehind) {
		t.Errorf("log.end of an attempt after the log ended: err %v, want errLogBehind", err)
	}
	evs := readEvents(t, js, subject)
	if len(evs) != 5 || evs[4].Type != events.TypeLogEnd {
		t.Fatalf("%d log events, last %s; want 5 ending with the first log.end", len(evs), evs[len(evs)-1].Type)
	}
	if !late.logBehind {
		t.Error("the late attempt did not notice that the log had ended")
	}
}
