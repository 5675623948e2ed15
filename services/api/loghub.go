package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/sse"
	"github.com/genglossary/genglossary/projections"
)

const (
	// tailBytes bounds the bytes of a live log tail's ring of recent
	// frames (see [logHub]); [Limits.MaxSSEBacklog] bounds its frames.
	tailBytes = 32 << 20
	// replayRetries bounds how often a joining client replays history
	// because the ring moved on while it replayed.
	replayRetries = 4
)

// errSlowClient ends a log stream whose client fell behind the ring.
var errSlowClient = errors.New("log client too slow")

// logHub shares one live tail of a run's log among every SSE client of this
// server that follows that run: ONE ordered consumer per watched run, each
// message decoded and rendered as an SSE frame once, and a bounded ring of
// recent frames from which every client writes at its own pace. A client
// that falls behind the ring is disconnected (never waited for) and
// resumes with Last-Event-ID. History before the tail's start is replayed
// per client with a short-lived ordered consumer.
type logHub struct {
	s         *server
	maxFrames int
	maxBytes  int

	mu     sync.Mutex
	tails  map[string]*logTail // by log subject
	stream jetstream.Stream    // GG_LOGS, looked up once
}

func newLogHub(s *server) *logHub {
	return &logHub{s: s, maxFrames: s.Limits.MaxSSEBacklog, maxBytes: tailBytes, tails: map[string]*logTail{}}
}

// logStream returns the GG_LOGS stream handle, looking it up once.
func (h *logHub) logStream(ctx context.Context) (jetstream.Stream, error) {
	h.mu.Lock()
	st := h.stream
	h.mu.Unlock()
	if st != nil {
		return st, nil
	}
	st, err := h.s.JS.Stream(ctx, events.LogsStream)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	h.stream = st
	h.mu.Unlock()
	return st, nil
}

// logFrame is one message of a run's log stream, rendered once for every
// client.
type logFrame struct {
	seq uint64 // stream sequence
	b   []byte // the SSE frame; nil for a message clients skip
	end bool   // log.end: b is the "complete" frame
}

// logFinal is how a log stream ends when the read model shows the run over
// (a fallback for a missing log.end): "complete" with c once every log
// message up to endSeq was sent, or at once when now is set.
type logFinal struct {
	c      sseComplete
	endSeq uint64
	now    bool
}

// logTail is the live tail of one run's log.
type logTail struct {
	hub                       *logHub
	subject, projectID, runID string
	stream                    jetstream.Stream

	refs  int           // clients holding the tail; guarded by hub.mu
	ready chan struct{} // closed once started (err set on failure)
	err   error

	ctx    context.Context
	cancel context.CancelFunc
	cons   jetstream.Consumer
	cc     jetstream.ConsumeContext
	wg     sync.WaitGroup

	mu     sync.Mutex
	frames []*logFrame // the ring: frames[i] has index base+i
	base   uint64
	bytes  int
	floor  uint64 // the ring holds every log message with floor < seq <= last
	last   uint64
	wake   chan struct{} // closed and replaced when frames or final change
	final  *logFinal

	termOnce sync.Once
	termDone chan struct{}
}

// acquire returns the live tail of the run's log, starting it if this is
// its first client. Every acquire is paired with a release.
func (h *logHub) acquire(ctx context.Context, run projections.Run, subject string) (*logTail, error) {
	h.mu.Lock()
	t := h.tails[subject]
	if t == nil {
		t = &logTail{hub: h, subject: subject, projectID: run.ProjectID, runID: run.ID,
			ready: make(chan struct{}), wake: make(chan struct{}), termDone: make(chan struct{})}
		h.tails[subject] = t
		t.refs++
		h.mu.Unlock()
		t.err = t.start(ctx)
		close(t.ready)
	} else {
		t.refs++
		h.mu.Unlock()
		select {
		case <-t.ready:
		case <-ctx.Done():
			h.release(t)
			return nil, ctx.Err()
		}
	}
	if t.err != nil {
		h.release(t)
		return nil, t.err
	}
	return t, nil
}

// release drops a client's hold; the last one stops the tail.
func (h *logHub) release(t *logTail) {
	h.mu.Lock()
	t.refs--
	last := t.refs == 0
	if last && h.tails[t.subject] == t {
		delete(h.tails, t.subject)
	}
	h.mu.Unlock()
	if last {
		<-t.ready
		t.stop()
	}
}

// start positions the tail after the subject's last message and starts
// its consumer and its poll of the read model.
func (t *logTail) start(ctx context.Context) error {
	// The tail outlives the request that starts it, not the server's
	// values; it ends when its last client goes.
	t.ctx, t.cancel = context.WithCancel(context.WithoutCancel(ctx))
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	st, err := t.hub.logStream(sctx)
	if err != nil {
		return err
	}
	t.stream = st
	last, err := lastLogSeq(sctx, st, t.subject)
	if err != nil {
		return err
	}
	t.floor, t.last = last, last
	// InactiveThreshold backs up the explicit delete in stop: a
	// server-side consumer outlives the tail by at most that long.
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{t.subject}, DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
		OptStartSeq: last + 1, InactiveThreshold: 30 * time.Second}
	if t.cons, err = st.OrderedConsumer(sctx, cfg); err != nil {
		return err
	}
	if t.cc, err = t.cons.Consume(t.onMsg); err != nil {
		t.deleteConsumer()
		return err
	}
	t.wg.Go(t.poll)
	return nil
}

// stop ends the tail's consumer and goroutines and deletes its
// server-side consumer.
func (t *logTail) stop() {
	if t.cancel != nil {
		t.cancel()
	}
	if t.cc != nil {
		t.cc.Stop()
	}
	t.wg.Wait()
	if t.cons != nil {
		t.deleteConsumer()
	}
}

// deleteConsumer releases the server-side consumer now rather than after
// the inactivity threshold.
func (t *logTail) deleteConsumer() {
	if info := t.cons.CachedInfo(); info != nil {
		dctx, dcancel := context.WithTimeout(context.WithoutCancel(t.ctx), 2*time.Second)
		_ = t.stream.DeleteConsumer(dctx, info.Name)
		dcancel()
	}
}

// lastLogSeq is the stream sequence of the subject's last message, 0 when
// it has none.
func lastLogSeq(ctx context.Context, st jetstream.Stream, subject string) (uint64, error) {
	m, err := st.GetLastMsgForSubject(ctx, subject)
	switch {
	case errors.Is(err, jetstream.ErrMsgNotFound):
		return 0, nil
	case err != nil:
		return 0, err
	}
	return m.Sequence, nil
}

// onMsg renders a live message once and appends it to the ring.
func (t *logTail) onMsg(m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		return
	}
	f, err := renderLogFrame(t.runID, m.Data(), md.Sequence.Stream)
	if err != nil {
		t.hub.s.Logger.Warn("undecodable log message", "run_id", t.runID, "seq", md.Sequence.Stream, "err", err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if f.seq <= t.last {
		return // already held (never expected from an ordered consumer)
	}
	t.frames = append(t.frames, f)
	t.bytes += len(f.b)
	t.last = f.seq
	for len(t.frames) > 1 && (len(t.frames) > t.hub.maxFrames || t.bytes > t.hub.maxBytes) {
		old := t.frames[0]
		t.frames[0] = nil
		t.frames = t.frames[1:]
		t.base++
		t.bytes -= len(old.b)
		t.floor = old.seq
	}
	t.wakeLocked()
}

func (t *logTail) wakeLocked() {
	close(t.wake)
	t.wake = make(chan struct{})
}

// poll re-reads the run's status every terminalPoll, so that a run whose
// log.end never comes (a runner lost for good, a run deleted) still ends
// its clients' streams.
func (t *logTail) poll() {
	tick := time.NewTicker(terminalPoll)
	defer tick.Stop()
	for {
		select {
		case <-t.ctx.Done():
			return
		case <-tick.C:
		}
		t.mu.Lock()
		done := t.final != nil
		t.mu.Unlock()
		if done {
			return
		}
		r, err := t.hub.s.Store.GetRun(t.ctx, t.projectID, t.runID)
		if errors.Is(err, projections.ErrNotFound) {
			t.setFinal(&logFinal{c: sseComplete{Status: "deleted", ErrorMessage: "the run no longer exists"}, now: true})
			return
		}
		if err != nil || !isTerminalStatus(r.Status) {
			continue
		}
		f, err := finalOf(t.ctx, t.stream, t.subject, r)
		if err != nil {
			continue
		}
		t.setFinal(f)
	}
}

// finalOf is the end of the log stream of run r, which is terminal.
func finalOf(ctx context.Context, st jetstream.Stream, subject string, r projections.Run) (*logFinal, error) {
	end, err := lastLogSeq(ctx, st, subject)
	if err != nil {
		return nil, err
	}
	return &logFinal{c: sseComplete{Status: r.Status, ErrorMessage: r.ErrorMessage}, endSeq: end}, nil
}

func (t *logTail) setFinal(f *logFinal) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.final == nil {
		t.final = f
		t.wakeLocked()
	}
}

// read appends to buf the frames from index cursor on (at most max) and
// returns them with the next cursor, whether more are ready, the channel
// closed on the next change, and the final when known. slow reports a
// cursor the ring no longer holds.
func (t *logTail) read(cursor uint64, buf []*logFrame, max int) (_ []*logFrame, next uint64, more bool, wake <-chan struct{}, final *logFinal, slow bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if cursor < t.base {
		return buf, cursor, false, t.wake, t.final, true
	}
	end := t.base + uint64(len(t.frames))
	n := min(end-cursor, uint64(max))
	buf = append(buf, t.frames[cursor-t.base:cursor-t.base+n]...)
	return buf, cursor + n, cursor+n < end, t.wake, t.final, false
}

// cursorAfter returns the ring index of the first frame after stream
// sequence seq when the ring holds everything after seq (ok); otherwise
// last is how far the ring reaches, for the caller to replay up to.
func (t *logTail) cursorAfter(seq uint64) (cursor, last uint64, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if seq < t.floor {
		return 0, t.last, false
	}
	lo, hi := 0, len(t.frames)
	for lo < hi {
		m := (lo + hi) / 2
		if t.frames[m].seq <= seq {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return t.base + uint64(lo), t.last, true
}

// awaitTerminal waits until the read model has applied the run's terminal
// event (see server.awaitTerminal), once per tail for all its clients.
func (t *logTail) awaitTerminal(ctx context.Context) {
	t.termOnce.Do(func() {
		t.wg.Go(func() {
			defer close(t.termDone)
			t.hub.s.awaitTerminal(t.ctx, projections.Run{ProjectID: t.projectID, ID: t.runID})
		})
	})
	select {
	case <-t.termDone:
	case <-ctx.Done():
	}
}

// renderLogFrame decodes one log stream message and renders its SSE
// frame: log.line as "log", log.progress as "progress", log.step as
// "step", log.end as the "complete" frame. Undecodable and unknown
// messages give a frame without bytes, which clients skip.
func renderLogFrame(runID string, body []byte, seq uint64) (*logFrame, error) {
	f := &logFrame{seq: seq}
	env, err := events.Decode(body)
	if err != nil {
		return f, err
	}
	data, err := env.Payload()
	if err != nil {
		return f, nil
	}
	var name string
	var v any
	switch d := data.(type) {
	case events.LogLine:
		name, v = "log", sseLog{RunID: runID, Seq: seq, Time: env.Time, Level: string(d.Level), Message: d.Message}
	case events.LogProgress:
		name, v = "progress", sseProgress{RunID: runID, Step: d.Step, ProgressCurrent: d.Current, ProgressTotal: d.Total, CurrentTerm: d.CurrentTerm}
	case events.LogStep:
		name, v = "step", sseStep{RunID: runID, Step: d.Step, Status: string(d.Status), Count: d.Count}
	case events.LogEnd:
		name, v, f.end = "complete", sseComplete{Status: string(d.Status), ErrorMessage: d.ErrorMessage}, true
	default:
		return f, nil
	}
	js, err := json.Marshal(v)
	if err != nil {
		return f, err
	}
	f.b = sse.AppendFrame(make([]byte, 0, len(js)+len(name)+40), strconv.FormatUint(seq, 10), name, js)
	return f, nil
}

// logReplay is one client's replay of history before the live tail: a
// short-lived ordered consumer from a stream sequence on.
type logReplay struct {
	stream jetstream.Stream
	cons   jetstream.Consumer
	it     jetstream.MessagesContext
	stop   func() bool // unregisters the stop on the context's end
}

// openReplay starts a replay of the subject after stream sequence after;
// nil when there is nothing to replay.
func openReplay(ctx context.Context, st jetstream.Stream, subject string, after uint64) (*logReplay, error) {
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
		OptStartSeq: after + 1, InactiveThreshold: 30 * time.Second}
	cons, err := st.OrderedConsumer(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("log replay consumer: %w", err)
	}
	it, err := cons.Messages()
	if err != nil {
		return nil, fmt.Errorf("log replay: %w", err)
	}
	r := &logReplay{stream: st, cons: cons, it: it, stop: context.AfterFunc(ctx, it.Stop)}
	if info := cons.CachedInfo(); info != nil && info.NumPending == 0 {
		r.close()
		return nil, nil
	}
	return r, nil
}

// close stops the replay and deletes its server-side consumer.
func (r *logReplay) close() {
	r.stop()
	r.it.Stop()
	if info := r.cons.CachedInfo(); info != nil {
		dctx, dcancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = r.stream.DeleteConsumer(dctx, info.Name)
		dcancel()
	}
}

// next returns the next message of the replay as a rendered frame and
// whether it was the last one pending when the replay started reading it.
func (r *logReplay) next(ctx context.Context, runID string, logErr func(seq uint64, err error)) (*logFrame, bool, error) {
	for {
		m, err := r.it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return nil, false, ctx.Err()
			}
			return nil, false, err
		}
		md, err := m.Metadata()
		if err != nil {
			continue
		}
		f, err := renderLogFrame(runID, m.Data(), md.Sequence.Stream)
		if err != nil {
			logErr(md.Sequence.Stream, err)
		}
		return f, md.NumPending == 0, nil
	}
}
