package runner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// publishTimeout bounds one publish of the emitter.
const publishTimeout = 10 * time.Second

// runProgressEvery is the throttle of domain run.progress events.
const runProgressEvery = time.Second

// emitter publishes one run's events: domain events on the run's subjects
// and log events on its log subject. It publishes with its own context
// (bounded per call), not the run's, so that the events that report a
// cancellation still go out after the run's context ended.
type emitter struct {
	js        jetstream.JetStream
	base      context.Context
	projectID string
	runID     string
	logger    *slog.Logger
	secrets   []string
	maxLine   int // cap of a log.line message (see Config.MaxLogLine)

	progressEvery time.Duration

	// fence is the run's subjects (gg.<p>.run.<r>.>) that domain events
	// expect to end at lastSeq once the run is claimed (see publish).
	fence string
	// stop cancels the run, with errTakenOver or errCancelRequested, when
	// a fenced publish finds that another attempt holds the run, that it
	// ended, or that a cancel was requested.
	stop context.CancelCauseFunc

	pubMu        sync.Mutex // one domain publish at a time, each expecting the last
	logMu        sync.Mutex // one log publish at a time, each expecting where the attempt last saw the log (see publishLog)
	lastLogSeq   uint64     // GG_LOGS sequence the run's log subject is expected to end at (0: empty); under logMu
	logBehind    bool       // the run's log ended (another attempt's log.end) without this one; under logMu
	mu           sync.Mutex
	lastLog      time.Time
	lastRun      time.Time
	pending      *pipeline.Progress // latest progress not yet on run.progress
	pendingLog   bool               // latest progress not yet on log.progress
	logFailed    bool               // a log event could not be stored
	firstLogSeq  uint64             // GG_LOGS sequence of this attempt's first log event
	lastSeq      uint64             // GG_EVENTS sequence of the last domain event stored
	unconfirmed  []string           // ids of the last domain events whose publish failed (they may be stored)
	progressStep pipeline.Step
}

// publish publishes a domain event of the run and returns its stream
// sequence, retrying transient failures (see publishRetrying).
//
// Once the attempt has claimed the run, each domain event expects the
// run's subjects to end at the attempt's last event (fenced), so an
// attempt that lost the run cannot write after the attempt that holds it
// or after its terminal event: a runner thought dead (its heartbeats lost
// in a fault) whose request went to another runner stops at its next
// event (errTakenOver) instead of running on beside it. A cancel request
// is the one event others write on a running run; a conflict on it is
// taken up (and cancels the run, should its core message have been lost).
func (e *emitter) publish(d events.Data) (uint64, error) {
	env, err := events.NewEnvelope(e.projectID, e.runID, d)
	if err != nil {
		return 0, err
	}
	e.pubMu.Lock()
	defer e.pubMu.Unlock()
	expect := e.lastPublished()
	if expect == 0 || e.fence == "" {
		ack, err := publishRetrying(e.base, e.js, env)
		if err != nil {
			return 0, err
		}
		e.published(ack.Sequence)
		return ack.Sequence, nil
	}
	for i := 0; ; i++ {
		ack, err := retryTransient(e.base, func(ctx context.Context) (*jetstream.PubAck, error) {
			return events.PublishExpect(ctx, e.js, env, expect, e.fence)
		})
		if err == nil {
			e.published(ack.Sequence)
			return ack.Sequence, nil
		}
		if !errors.Is(err, events.ErrConflict) || i == maxConflictRetries {
			if !errors.Is(err, events.ErrConflict) {
				// It may have been stored all the same (an ack lost): the
				// next conflict must not take it for another attempt's.
				e.mu.Lock()
				e.unconfirmed = append(e.unconfirmed[max(0, len(e.unconfirmed)-7):], env.ID)
				e.mu.Unlock()
			}
			return 0, err
		}
		if expect, err = e.resync(expect); err != nil {
			return 0, err
		}
	}
}

// isUnconfirmed reports an envelope of this attempt whose publish failed.
func (e *emitter) isUnconfirmed(id string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Contains(e.unconfirmed, id)
}

// resync reads the run's last event after a publish expecting expect
// conflicted: a cancel request is taken up (its sequence returned, the run
// cancelled); anything else means another attempt holds the run or it
// ended, and the run is stopped with errTakenOver. A read that is not past
// expect came from a replica that lags, and is made again.
func (e *emitter) resync(expect uint64) (uint64, error) {
	for i := 0; i < maxConflictRetries; i++ {
		if i > 0 && !pause(e.base, i) {
			break
		}
		ctx, cancel := context.WithTimeout(e.base, publishTimeout)
		last, seq, err := events.LastEvent(ctx, e.js, e.fence)
		cancel()
		switch {
		case err != nil && !errors.Is(err, events.ErrNoEvents):
			return 0, storeErr(err)
		case seq <= expect:
			continue // the stream's leader has more than this replica
		case e.isUnconfirmed(last.ID):
			// This attempt's own event, whose publish failed but was
			// stored: nobody else wrote.
			e.published(seq)
			return seq, nil
		case last.Type == events.TypeRunCancelRequested:
			e.published(seq)
			if e.stop != nil {
				e.stop(errCancelRequested)
			}
			return seq, nil
		}
		if e.stop != nil {
			e.stop(errTakenOver)
		}
		return 0, fmt.Errorf("runner: %w (%s at %d)", errTakenOver, last.Type, seq)
	}
	return 0, fmt.Errorf("runner: %w: the run's events read again and again behind %d", errStoreUnavailable, expect)
}

// published records seq as a domain event of this attempt, stored.
func (e *emitter) published(seq uint64) {
	e.mu.Lock()
	e.lastSeq = max(e.lastSeq, seq)
	e.mu.Unlock()
}

// lastPublished returns the stream sequence of the last domain event this
// attempt stored, 0 for none. A failed publish that was stored anyway makes
// it stale; an expectation on it then conflicts, which callers handle.
func (e *emitter) lastPublished() uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.lastSeq
}

// publishBestEffort publishes a domain event whose loss does not matter
// (progress), logging a failure.
func (e *emitter) publishBestEffort(d events.Data) {
	if _, err := e.publish(d); err != nil {
		e.logger.Warn("publish run event failed", "type", d.Type(), "err", err)
	}
}

// log publishes a log.* event, retrying transient failures (see
// publishRetrying); other failures are logged once per run, since the log
// stream is not the source of truth.
func (e *emitter) log(d events.Data) { _ = e.logErr(d) }

// logErr is log, returning the failure: a run's log.end must be stored
// before its message is acked.
//
// Each log event of the attempt is fenced (see publishLog): an attempt
// that lost its connection, and the run meanwhile to another attempt that
// finished it, must not append its pending lines after that attempt's
// log.end. Log events go out one at a time, so that the expectation holds
// between them.
func (e *emitter) logErr(d events.Data) error {
	env, err := events.NewEnvelope(e.projectID, e.runID, d)
	var ack *jetstream.PubAck
	if err == nil {
		ack, err = e.publishLog(env)
	}
	if errors.Is(err, errLogBehind) {
		return err
	}
	if err == nil {
		e.mu.Lock()
		if e.firstLogSeq == 0 {
			e.firstLogSeq = ack.Sequence
		}
		e.mu.Unlock()
	}
	if err != nil {
		e.mu.Lock()
		first := !e.logFailed
		e.logFailed = true
		e.mu.Unlock()
		if first {
			e.logger.Warn("publish run log failed", "type", d.Type(), "err", err)
		}
	}
	return err
}

// publishLog publishes a log event of the attempt, expecting the run's log
// subject to end where the attempt last saw it: at first empty, then at
// the attempt's last event. A conflict means that another attempt (or this
// attempt's own event whose ack was lost) wrote since: the log is read
// again, and the event goes after what is there, unless that is a log.end:
// the log is over and the attempt's further log events are dropped
// (errLogBehind). So no attempt appends after a log.end, and two attempts
// alive at once both keep their lines (the run's fenced domain events stop
// the one that lost the run).
func (e *emitter) publishLog(env events.Envelope) (*jetstream.PubAck, error) {
	e.logMu.Lock()
	defer e.logMu.Unlock()
	if e.logBehind {
		return nil, errLogBehind
	}
	subject, err := env.Subject()
	if err != nil {
		return nil, err
	}
	expect := e.lastLogSeq
	for try := 0; ; try++ {
		ack, err := retryTransient(e.base, func(ctx context.Context) (*jetstream.PubAck, error) {
			return events.PublishExpect(ctx, e.js, env, expect, subject)
		})
		if err == nil {
			e.lastLogSeq = ack.Sequence
			return ack, nil
		}
		if !errors.Is(err, events.ErrConflict) || try == maxConflictRetries-1 || (try > 0 && !pause(e.base, try)) {
			// A failed event may be stored all the same (its ack lost):
			// the next one's conflict then reads it back.
			return nil, err
		}
		ctx, cancel := context.WithTimeout(e.base, publishTimeout)
		last, seq, rerr := events.LastEvent(ctx, e.js, subject)
		cancel()
		switch {
		case rerr == nil && last.Type == events.TypeLogEnd:
			e.logBehind = true
			e.logger.Warn("the run's log ended without this attempt; its log events are dropped", "type", env.Type)
			return nil, errLogBehind
		case errors.Is(rerr, events.ErrNoEvents):
			expect = 0
		case rerr != nil:
			return nil, fmt.Errorf("read the run's log after a conflict: %w", rerr)
		default:
			expect = seq
		}
	}
}

// logsTruncated reports whether this attempt's log is incomplete: a log
// event could not be stored (a stream limit, a full disk: publishing goes
// on and the run continues), or GG_LOGS, which discards its oldest
// messages at its size limit, no longer holds the attempt's first log
// event. A failure to read the stream's state counts as not truncated.
func (e *emitter) logsTruncated() bool {
	e.mu.Lock()
	failed, first := e.logFailed, e.firstLogSeq
	e.mu.Unlock()
	if failed {
		return true
	}
	if first == 0 {
		return false
	}
	ctx, cancel := context.WithTimeout(e.base, publishTimeout)
	defer cancel()
	// One direct get of the first event, not a stream info request: this
	// runs at the end of every run.
	held, err := events.HasMessage(ctx, e.js, events.LogsStream, first)
	if errors.Is(err, events.ErrNoDirectGet) {
		st, serr := e.js.Stream(ctx, events.LogsStream)
		if serr != nil {
			return false
		}
		return st.CachedInfo().State.FirstSeq > first
	}
	return err == nil && !held
}

// line publishes a log.line with a sanitised message, capped at maxLine
// bytes with TruncatedMarker.
func (e *emitter) line(level events.Level, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	e.log(events.LogLine{Level: level, Message: capLine(sanitize(msg, e.secrets, 0), e.maxLine)})
}

// step publishes run.step and log.step for a step change.
func (e *emitter) step(step pipeline.Step, status events.StepStatus, count int) error {
	if _, err := e.publish(events.RunStep{Step: string(step), Status: status, Count: count}); err != nil {
		return err
	}
	e.log(events.LogStep{Step: string(step), Status: status, Count: count})
	return nil
}

// progress is the pipeline's Progress callback: log.progress at most every
// progressEvery, run.progress at most every runProgressEvery; the latest
// report is kept so flushProgress can publish it at the step's end.
func (e *emitter) progress(pr pipeline.Progress) {
	now := time.Now()
	e.mu.Lock()
	if pr.Step != e.progressStep {
		// A new step's first report goes out at once.
		e.progressStep = pr.Step
		e.lastLog, e.lastRun = time.Time{}, time.Time{}
	}
	p := pr
	e.pending, e.pendingLog = &p, true
	sendLog := now.Sub(e.lastLog) >= e.progressEvery
	sendRun := now.Sub(e.lastRun) >= runProgressEvery
	if sendLog {
		e.lastLog, e.pendingLog = now, false
	}
	if sendRun {
		e.lastRun, e.pending = now, nil
	}
	e.mu.Unlock()
	if sendLog {
		e.log(events.LogProgress{Step: string(pr.Step), Current: pr.Current, Total: pr.Total, CurrentTerm: pr.Term})
	}
	if sendRun {
		e.publishBestEffort(events.RunProgress{Step: string(pr.Step), Current: pr.Current, Total: pr.Total, CurrentTerm: pr.Term})
	}
}

// flushProgress publishes the latest progress report if the throttle held
// it back, so each step ends with its final progress.
func (e *emitter) flushProgress() {
	e.mu.Lock()
	p, sendLog := e.pending, e.pendingLog
	var last pipeline.Progress
	if p != nil {
		last = *p
	}
	e.pending, e.pendingLog = nil, false
	now := time.Now()
	e.lastRun, e.lastLog = now, now
	e.mu.Unlock()
	if p == nil {
		return
	}
	if sendLog {
		e.log(events.LogProgress{Step: string(last.Step), Current: last.Current, Total: last.Total, CurrentTerm: last.Term})
	}
	e.publishBestEffort(events.RunProgress{Step: string(last.Step), Current: last.Current, Total: last.Total, CurrentTerm: last.Term})
}

// logHandler is a slog.Handler that turns records into log.line events of a
// run: info and below are info (debug is dropped), warn is warning, error
// is error. Attributes are appended to the message as key=value.
type logHandler struct {
	em     *emitter
	prefix string // rendered attrs from WithAttrs
	group  string // dotted group prefix for keys
}

var _ slog.Handler = (*logHandler)(nil)

// Enabled implements slog.Handler: info and above.
func (h *logHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelInfo }

// Handle implements slog.Handler.
func (h *logHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	b.WriteString(h.prefix)
	r.Attrs(func(a slog.Attr) bool {
		appendAttr(&b, h.group, a)
		return true
	})
	h.em.line(levelOf(r.Level), "%s", b.String())
	return nil
}

// WithAttrs implements slog.Handler.
func (h *logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	var b strings.Builder
	b.WriteString(h.prefix)
	for _, a := range attrs {
		appendAttr(&b, h.group, a)
	}
	return &logHandler{em: h.em, prefix: b.String(), group: h.group}
}

// WithGroup implements slog.Handler.
func (h *logHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	return &logHandler{em: h.em, prefix: h.prefix, group: h.group + name + "."}
}

func appendAttr(b *strings.Builder, group string, a slog.Attr) {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return
	}
	if a.Value.Kind() == slog.KindGroup {
		g := group
		if a.Key != "" {
			g += a.Key + "."
		}
		for _, ga := range a.Value.Group() {
			appendAttr(b, g, ga)
		}
		return
	}
	fmt.Fprintf(b, " %s%s=%v", group, a.Key, a.Value.Any())
}

func levelOf(l slog.Level) events.Level {
	switch {
	case l >= slog.LevelError:
		return events.LevelError
	case l >= slog.LevelWarn:
		return events.LevelWarning
	}
	return events.LevelInfo
}
