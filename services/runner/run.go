package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
)

// maxConflictRetries bounds the re-read-and-retry loops of optimistic
// publishes.
const maxConflictRetries = 20

// execution is one delivery of a run being handled.
type execution struct {
	r       *Runner
	msg     jetstream.Msg
	base    context.Context // not cancelled by shutdown; for publishing
	ctx     context.Context // the run's context
	cancel  context.CancelCauseFunc
	pid     string
	rid     string
	attempt int
	req     events.RunRequested
	em      *emitter
	log     *slog.Logger
	// reqSeq is the stream sequence of the run.requested message.
	reqSeq uint64

	mu        sync.Mutex
	step      pipeline.Step // the step executing
	panicStep pipeline.Step // the step that panicked, if any
	panicked  bool
}

// handle processes one delivery of a run.requested message. base is not
// cancelled when the runner stops.
func (r *Runner) handle(base context.Context, msg jetstream.Msg) {
	md, err := msg.Metadata()
	if err != nil {
		r.logger.Error("message without metadata; terminated", "subject", msg.Subject(), "err", err)
		_ = msg.TermWithReason("no metadata")
		return
	}
	env, err := events.Decode(msg.Data())
	if err != nil {
		r.logger.Error("invalid run.requested envelope; terminated", "subject", msg.Subject(), "seq", md.Sequence.Stream, "err", err)
		_ = msg.TermWithReason("invalid envelope")
		return
	}
	x := &execution{
		r: r, msg: msg, base: base,
		pid: env.ProjectID, rid: env.RunID, attempt: int(md.NumDelivered),
		reqSeq: md.Sequence.Stream,
	}
	x.log = r.logger.With("project_id", x.pid, "run_id", x.rid, "attempt", x.attempt, "seq", md.Sequence.Stream)
	x.ctx, x.cancel = context.WithCancelCause(base)
	fence, _ := events.RunFilter(x.pid, x.rid) // bad ids: the claim terminates the message
	x.em = &emitter{
		js: r.cfg.JS, base: base, projectID: x.pid, runID: x.rid,
		logger: x.log, secrets: r.cfg.Secrets, progressEvery: r.cfg.ProgressEvery,
		maxLine: r.cfg.MaxLogLine, fence: fence, stop: x.cancel,
	}
	defer x.cancel(nil)
	r.register(x.pid, x.rid, x.cancel)
	defer r.unregister(x.rid)
	stop := x.heartbeat()
	defer stop()

	req, derr := events.DecodeData[events.RunRequested](env)
	if derr != nil {
		x.log.Error("invalid run.requested payload", "err", derr)
		x.end(events.RunFailed{ErrorMessage: "invalid run request: " + x.clean(derr.Error())})
		return
	}
	x.req = req
	if x.attempt > r.maxAttempts {
		msg := fmt.Sprintf("runner lost: the run was attempted %d times without finishing", x.attempt-1)
		x.log.Warn("attempts used up; failing the run", "max_attempts", r.maxAttempts)
		x.end(events.RunFailed{ErrorMessage: msg})
		return
	}
	if !x.claim() {
		return
	}
	x.execute()
}

// heartbeat keeps the message alive with InProgress until the returned
// function is called. A closed connection cancels the run (errConnLost).
func (x *execution) heartbeat() (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(x.r.heartbeat)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if err := x.msg.InProgress(); err != nil {
					if errors.Is(err, nats.ErrConnectionClosed) || x.r.cfg.NC.IsClosed() {
						x.cancel(errConnLost)
						return
					}
					x.log.Warn("heartbeat failed", "err", err)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// claim publishes run.started with optimistic concurrency on the project's
// run subtree. It reports whether the run is ours to execute; when not, the
// message has been dealt with (acked, or left to the runner that holds it).
func (x *execution) claim() bool {
	js := x.r.cfg.JS
	if _, err := events.RunFilter(x.pid, x.rid); err != nil {
		x.log.Error("bad run ids; terminated", "err", err)
		_ = x.msg.TermWithReason("bad ids")
		return false
	}
	projFilter, _ := events.ProjectRunsFilter(x.pid)
	env, err := events.NewEnvelope(x.pid, x.rid, events.RunStarted{RunnerID: x.r.cfg.ID, Attempt: x.attempt})
	if err != nil {
		x.log.Error("build run.started", "err", err)
		x.nak()
		return false
	}
	// The common case first: nothing happened on the project's runs since
	// this request, so run.started can expect the request's own sequence,
	// without reading anything. A conflict (a cancel request, an earlier
	// attempt, another run's events) or any error falls through to reading
	// and deciding; a publish that timed out but was stored is found there
	// as this very envelope (see events.PublishExpect).
	if x.attempt == 1 && x.reqSeq > 0 {
		ctx, cancel := context.WithTimeout(x.base, publishTimeout)
		ack, err := events.PublishExpect(ctx, js, env, x.reqSeq, projFilter)
		cancel()
		if err == nil {
			x.em.published(ack.Sequence)
			x.log.Info("run claimed")
			return true
		}
	}
	var firstSeq uint64 // the run's last sequence at the first read
	for i := 0; i < maxConflictRetries; i++ {
		if i > 0 && !pause(x.base, i) {
			break
		}
		ctx, cancel := context.WithTimeout(x.base, publishTimeout)
		st, err := x.readRun(ctx)
		if errors.Is(err, errLaggingRead) {
			cancel()
			x.log.Debug("read the run's state again", "err", err)
			continue
		}
		if err != nil {
			cancel()
			x.log.Error("read the run's last event", "err", err)
			x.nak()
			return false
		}
		switch {
		case events.IsTerminal(st.last.Type):
			cancel()
			x.log.Info("run already ended; skipped", "status", st.last.Type)
			if x.ensureLogEnd(st.last) {
				x.ack()
			} // else left unacked: the next delivery tries again
			return false
		case st.last.Type == events.TypeRunCancelRequested:
			cancel()
			x.log.Info("run was cancelled before this attempt started")
			x.end(events.RunCancelled{Reason: "cancelled before it started"})
			return false
		case firstSeq > 0 && st.runSeq > firstSeq:
			cancel()
			// Someone else published on this run since we first looked:
			// another delivery of the message holds it.
			x.log.Warn("run claimed by another runner; leaving it", "last_type", st.last.Type)
			return false
		}
		if firstSeq == 0 {
			firstSeq = st.runSeq
		}
		ack, err := events.PublishExpect(ctx, js, env, st.projSeq, projFilter)
		cancel()
		if errors.Is(err, events.ErrConflict) {
			continue
		}
		if err != nil {
			x.log.Error("claim the run", "err", err)
			x.nak()
			return false
		}
		x.em.published(ack.Sequence)
		x.log.Info("run claimed")
		return true
	}
	x.log.Warn("could not claim the run: too many concurrent updates; retrying later")
	x.nak()
	return false
}

// execute runs a claimed run to its end: a terminal event and an ack, or,
// when the runner stops or loses its connection, a Nak and no terminal.
func (x *execution) execute() {
	x.em.line(events.LevelInfo, "run started on runner %s (attempt %d)", x.r.cfg.ID, x.attempt)
	stopTimer := x.limitDuration()
	defer stopTimer()
	// No need to look for a cancel request here: one published before the
	// claim made the claim's expected-sequence publish fail (the claim then
	// saw it), and the run was registered for the cancel subscription
	// before the claim, so a later one arrives there.
	summary, err := x.runSteps()
	cause := context.Cause(x.ctx)
	x.mu.Lock()
	panicked, panicStep, step := x.panicked, x.panicStep, x.step
	x.mu.Unlock()
	switch {
	case errors.Is(cause, errTakenOver):
		// Neither acked nor Nak-ed: the delivery that holds the run now
		// settles the message (see emitter.publish).
		x.log.Warn("the run was taken over by another attempt or ended meanwhile; this attempt stops without ending it")
	case err == nil && !panicked:
		// Finished, even if a cancel or a shutdown came in at the very end.
		x.end(events.RunCompleted{Summary: summary})
	case errors.Is(cause, errShutdown) || errors.Is(cause, errConnLost):
		x.log.Info("run interrupted; left for another runner", "cause", cause.Error())
		x.em.line(events.LevelWarning, "runner %s stopped; the run will be resumed by another runner", x.r.cfg.ID)
		x.nak()
	case panicked && panicStep == "":
		x.end(events.RunFailed{ErrorMessage: "internal error while preparing the run"})
	case panicked:
		x.end(events.RunFailed{ErrorMessage: fmt.Sprintf("internal error in step %s", panicStep)})
	case errors.Is(cause, errRunTooLong):
		x.em.line(events.LevelError, "%s", x.tooLongMessage())
		x.end(events.RunFailed{ErrorMessage: x.tooLongMessage()})
	case errors.Is(cause, errCancelRequested):
		x.end(events.RunCancelled{Reason: "cancelled by request"})
	case errors.Is(err, pipeline.ErrPanic):
		// A panic the pipeline recovered in one of its worker goroutines:
		// the same clear message as a panic in the engine; the panic value
		// goes to the runner's log only.
		x.log.Error("panic in a pipeline worker", "step", string(step), "err", err)
		x.em.line(events.LevelError, "internal error in step %s", step)
		x.end(events.RunFailed{ErrorMessage: fmt.Sprintf("internal error in step %s", step)})
	case errors.Is(err, errStoreUnavailable) && x.attempt < x.r.maxAttempts:
		x.retryLater(err)
	default:
		x.end(events.RunFailed{ErrorMessage: x.failureMessage(err)})
	}
}

// retryLater hands a run that met a transient event store failure (a
// leader election, a lost node) back to JetStream for another attempt
// instead of failing it; the last attempt fails it with the error.
func (x *execution) retryLater(err error) {
	x.log.Warn("event store unavailable; the run is handed back for another attempt", "err", err)
	x.em.line(events.LevelWarning, "%s; the run will be retried", x.clean(err.Error()))
	if err := x.msg.NakWithDelay(time.Second); err != nil {
		x.log.Warn("nak failed", "err", err)
	}
}

// failureMessage turns a run's error into its sanitised error_message.
func (x *execution) failureMessage(err error) string {
	switch {
	case errors.Is(err, pipeline.ErrMissingPrerequisite):
		return x.clean(strings.TrimPrefix(err.Error(), pipeline.ErrMissingPrerequisite.Error()+": "))
	case errors.Is(err, projectstate.ErrProjectDeleted):
		return "the project was deleted"
	case errors.Is(err, projectstate.ErrProjectNotFound):
		return "the project does not exist"
	case errors.Is(err, errStoreUnavailable):
		return x.clean(err.Error())
	}
	return x.clean(err.Error())
}

func (x *execution) clean(s string) string { return sanitize(s, x.r.cfg.Secrets, MaxErrorMessage) }

// end publishes the terminal event d (unless the run already ended),
// then log.end, then acks the message.
func (x *execution) end(d events.Data) {
	d = x.markTruncatedLogs(d)
	status, errMsg := statusOf(d)
	published, err := x.publishTerminal(d)
	if err != nil {
		// Not acked: the message is redelivered and the run decided again.
		x.log.Error("publish terminal event", "type", d.Type(), "err", err)
		return
	}
	if published {
		x.log.Info("run ended", "status", string(status))
		if err := x.em.logErr(events.LogEnd{Status: status, ErrorMessage: errMsg}); err != nil {
			// Not acked: the redelivered message finds the run ended and
			// closes its log then (ensureLogEnd).
			x.log.Error("publish log.end; the request stays unacked", "err", err)
			return
		}
	} else {
		// Whoever ended it closes its log; a runner that died first left
		// its request unacked, and claim repairs the log (ensureLogEnd).
		x.log.Info("run had already ended; terminal event not published", "type", d.Type())
	}
	x.ack()
}

// ensureLogEnd writes the log.end of a run that ended without one: the
// runner that stored the terminal event died before its log.end, or could
// not store it (its request, never acked, comes back here), and the run's
// log would stay open for those who follow it. It reports false when the
// log could not be read or closed, to be tried again on the next delivery.
func (x *execution) ensureLogEnd(terminal events.Envelope) bool {
	subject, err := events.LogSubject(x.pid, x.rid)
	if err != nil {
		return true
	}
	d, err := terminal.Payload()
	if err != nil {
		x.log.Warn("decode the run's terminal event", "err", err)
		return true // nothing to write from; retrying would not help
	}
	status, errMsg := statusOf(d)
	env, err := events.NewEnvelope(x.pid, x.rid, events.LogEnd{Status: status, ErrorMessage: errMsg})
	if err != nil {
		x.log.Warn("build the run's log.end", "err", err)
		return true
	}
	// The log.end expects the log's last sequence as read: a read answered
	// by a replica that lags (one without the log.end yet) then conflicts
	// and the log is read again, instead of adding a second log.end.
	for i := 0; i < maxConflictRetries; i++ {
		if i > 0 && !pause(x.base, i) {
			return false
		}
		ctx, cancel := context.WithTimeout(x.base, publishTimeout)
		last, seq, err := events.LastEvent(ctx, x.r.cfg.JS, subject)
		switch {
		case err == nil && last.Type == events.TypeLogEnd:
			cancel()
			return true
		case err != nil && !errors.Is(err, events.ErrNoEvents):
			cancel()
			x.log.Warn("read the run's log end", "err", err)
			return false
		}
		if i == 0 {
			x.log.Info("run had ended without log.end; writing it", "status", string(status))
		}
		_, err = events.PublishExpect(ctx, x.r.cfg.JS, env, seq, subject)
		cancel()
		if errors.Is(err, events.ErrConflict) {
			continue
		}
		if err != nil {
			x.log.Warn("write the run's log.end", "err", err)
			return false
		}
		return true
	}
	x.log.Warn("write the run's log.end: its log kept changing; left for the next delivery")
	return false
}

// markTruncatedLogs sets LogsTruncated on a terminal event when this
// attempt's log is incomplete (see emitter.logsTruncated), saying so in
// the runner's log.
func (x *execution) markTruncatedLogs(d events.Data) events.Data {
	if !x.em.logsTruncated() {
		return d
	}
	x.log.Warn("the run's log is incomplete; its record says logs_truncated")
	switch v := d.(type) {
	case events.RunCompleted:
		v.LogsTruncated = true
		return v
	case events.RunFailed:
		v.LogsTruncated = true
		return v
	case events.RunCancelled:
		v.LogsTruncated = true
		return v
	}
	return d
}

func statusOf(d events.Data) (events.RunStatus, string) {
	switch v := d.(type) {
	case events.RunCompleted:
		return events.RunStatusCompleted, ""
	case events.RunCancelled:
		return events.RunStatusCancelled, ""
	case events.RunFailed:
		return events.RunStatusFailed, v.ErrorMessage
	}
	return events.RunStatusFailed, ""
}

// publishTerminal publishes d expecting the project's run subtree not to
// have changed since it was read, so it never lands after another terminal
// event of the run. It reports false when the run had already ended.
func (x *execution) publishTerminal(d events.Data) (bool, error) {
	js := x.r.cfg.JS
	projFilter, err := events.ProjectRunsFilter(x.pid)
	if err != nil {
		return false, err
	}
	env, err := events.NewEnvelope(x.pid, x.rid, d)
	if err != nil {
		return false, err
	}
	// The common case first: the last event on the project's runs is the
	// last one this attempt published, so nobody else (a cancel request, a
	// runner that took the run over) wrote since and the run has not
	// ended. Otherwise read and decide (see readRun).
	if last := x.em.lastPublished(); last > 0 {
		ctx, cancel := context.WithTimeout(x.base, publishTimeout)
		_, err := events.PublishExpect(ctx, js, env, last, projFilter)
		cancel()
		if err == nil {
			return true, nil
		}
	}
	for i := 0; i < maxConflictRetries; i++ {
		if i > 0 && !pause(x.base, i) {
			break
		}
		ctx, cancel := context.WithTimeout(x.base, publishTimeout)
		st, err := x.readRun(ctx)
		if errors.Is(err, errLaggingRead) {
			cancel()
			continue
		}
		if err != nil {
			cancel()
			return false, err
		}
		if events.IsTerminal(st.last.Type) {
			cancel()
			return false, nil
		}
		_, err = events.PublishExpect(ctx, js, env, st.projSeq, projFilter)
		cancel()
		if errors.Is(err, events.ErrConflict) {
			continue
		}
		return err == nil, err
	}
	return false, fmt.Errorf("runner: %s: %w (gave up after %d tries)", d.Type(), events.ErrConflict, maxConflictRetries)
}

// ack acknowledges the run's message once its terminal event is stored. A
// plain ack, not a double ack (one round trip less per run): a redelivery
// that a lost ack lets through finds the terminal event and is acked then
// (see claim).
func (x *execution) ack() {
	if err := x.msg.Ack(); err != nil {
		x.log.Warn("ack failed", "err", err)
	}
}

func (x *execution) nak() {
	if err := x.msg.Nak(); err != nil {
		x.log.Warn("nak failed", "err", err)
	}
}

// setStep records the executing step (for panic reports).
func (x *execution) setStep(s pipeline.Step) {
	x.mu.Lock()
	x.step = s
	x.mu.Unlock()
}

// onPanic records a panic in the executing step and cancels the run.
func (x *execution) onPanic(v any) {
	x.mu.Lock()
	first := !x.panicked
	if first {
		x.panicked, x.panicStep = true, x.step
	}
	step := x.step
	x.mu.Unlock()
	if first {
		x.log.Error("panic in step", "step", string(step), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		x.em.line(events.LevelError, "internal error in step %s", step)
	}
	x.cancel(&panicError{value: v})
}

// runSteps loads the project, builds the engine and executes the scope's
// steps, publishing each step's result. It returns the run's summary.
func (x *execution) runSteps() (summary map[string]int, err error) {
	defer func() {
		if v := recover(); v != nil {
			x.onPanic(v)
			err = &panicError{value: v}
		}
	}()
	scope, err := pipeline.ParseScope(x.req.Scope)
	if err != nil {
		return nil, err
	}
	p, err := projectstate.Load(x.ctx, x.r.cfg.JS, x.pid, projectstate.KnownReplicas(x.r.streamReplicas(x.ctx)), projectstate.ReadVia(x.r.replies))
	if err != nil {
		return nil, storeErr(fmt.Errorf("load project: %w", err))
	}
	for _, pr := range p.Problems {
		x.em.line(events.LevelWarning, "%s", pr)
	}
	// A page uploaded in two forms (git-add.html and its source
	// git-add.txt) is read once, as `generate -i` reads a folder.
	docs, same := document.DropOtherForms(p.Docs)
	for _, pr := range same {
		x.em.line(events.LevelInfo, "%s: read once", pr)
	}
	p.Docs = docs
	if len(p.Docs) == 1 {
		x.em.line(events.LevelInfo, "loaded 1 document")
	} else {
		x.em.line(events.LevelInfo, "loaded %d documents", len(p.Docs))
	}
	eng, err := x.r.cfg.Engine(x.ctx, p)
	if err != nil {
		return nil, fmt.Errorf("build engine: %w", err)
	}
	eng = guard(eng, x.onPanic)
	x.em.line(events.LevelInfo, "engine %s, scope %s", eng.Name(), scope)

	logger := slog.New(slog.NewMultiHandler(&logHandler{em: x.em}, x.log.Handler()))
	concurrency := 0
	if c, ok := eng.(interface{ Concurrency() int }); ok {
		concurrency = c.Concurrency()
	}
	pl := pipeline.New(eng, pipeline.Options{Concurrency: concurrency, Progress: x.em.progress, Logger: logger})

	st := p.State
	corpus := pipeline.NewCorpus(p.Docs)
	plan, err := x.plan(scope, p, &st)
	if err != nil {
		return nil, err
	}
	extracted := false
	for _, step := range scope.Steps() {
		if step == pipeline.StepProvisional && extracted && len(st.Terms) == 0 {
			return nil, fmt.Errorf("%w: extract found no terms in the documents; add documents or required terms", pipeline.ErrMissingPrerequisite)
		}
		if err := pipeline.CheckPrerequisite(step, &st); err != nil {
			return nil, err
		}
		extracted = extracted || step == pipeline.StepExtract
		x.setStep(step)
		if err := x.em.step(step, events.StepStarted, 0); err != nil {
			return nil, storeErr(fmt.Errorf("publish step start: %w", err))
		}
		x.em.line(events.LevelInfo, "step %s started", step)
		c := corpus
		if step == pipeline.StepExtract && plan.extractDocs != nil {
			c = pipeline.NewCorpus(plan.extractDocs)
		}
		if err := pl.Run(x.ctx, c, &st, []pipeline.Step{step}, x.stepDone(plan)); err != nil {
			return nil, err
		}
	}
	return map[string]int{
		"documents":   len(p.Docs),
		"terms":       len(st.Terms),
		"provisional": len(st.Provisional),
		"issues":      len(st.Issues),
		"refined":     len(st.Refined),
	}, nil
}

// plan is how a run's request narrows its steps.
type plan struct {
	// extractDocs, when non-nil, are the only documents extract reads; the
	// new terms are merged into existingTerms.
	extractDocs   []glossary.Document
	existingTerms []glossary.Term
	existingAuto  []string
	// onlyTerms, when set, restricts provisional to these terms; the new
	// entries are merged into existingProvisional and allTerms is restored.
	onlyTerms           bool
	allTerms            []glossary.Term
	existingProvisional []glossary.Entry
}

// plan applies RunRequested.Documents (incremental extract) and
// RunRequested.Terms (regenerate some provisional entries) to st.
func (x *execution) plan(scope pipeline.Scope, p *projectstate.Project, st *pipeline.State) (plan, error) {
	var pl plan
	if len(x.req.Documents) > 0 {
		if scope != pipeline.ScopeExtract {
			x.em.line(events.LevelWarning, "documents filter ignored: it applies to scope extract only")
		} else {
			byPath := map[string]glossary.Document{}
			for _, d := range p.Docs {
				byPath[d.Path] = d
			}
			docs, otherForms := []glossary.Document{}, 0
			for _, id := range x.req.Documents {
				path, ok := p.DocPaths[id]
				if !ok {
					x.em.line(events.LevelWarning, "document %s is not in the project; skipped", id)
					continue
				}
				d, ok := byPath[path]
				if !ok {
					otherForms++ // another form of a page read once (logged at load)
					continue
				}
				docs = append(docs, d)
			}
			if len(docs) == 0 && otherForms == 0 {
				return pl, errors.New("none of the requested documents is in the project")
			}
			sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
			pl.extractDocs = docs
			pl.existingTerms, pl.existingAuto = st.Terms, st.AutoExcluded
			x.em.line(events.LevelInfo, "incremental extract over %d new documents; %d existing terms kept", len(docs), len(st.Terms))
		}
	}
	if len(x.req.Terms) > 0 {
		if scope != pipeline.ScopeProvisional {
			x.em.line(events.LevelWarning, "terms filter ignored: it applies to scope provisional only")
		} else {
			pl.onlyTerms = true
			pl.allTerms, pl.existingProvisional = st.Terms, st.Provisional
			st.Terms = selectTerms(x.req.Terms, st.Terms, st.Provisional)
			x.em.line(events.LevelInfo, "regenerating %d provisional entries", len(st.Terms))
		}
	}
	return pl, nil
}

// selectTerms returns the named terms, taken from terms when there,
// else built from the provisional entry of that name, else a new
// technical term.
func selectTerms(names []string, terms []glossary.Term, prov []glossary.Entry) []glossary.Term {
	var out []glossary.Term
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		t := glossary.Term{Text: n, Category: glossary.TechnicalTerm}
		found := false
		for _, tt := range terms {
			if tt.Text == n {
				t, found = tt, true
				break
			}
		}
		if !found {
			for _, e := range prov {
				if e.Term == n {
					t.Category, t.UserNote = e.Category, e.UserNote
					break
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// stepDone publishes a finished step's output (run.result), then its
// completion (run.step, log.step, final progress). A partial output of a
// cancelled step is published only for a requested cancellation, not when
// the runner stops (the next attempt redoes the step).
func (x *execution) stepDone(pl plan) pipeline.StepDone {
	return func(step pipeline.Step, st *pipeline.State, partial bool) error {
		if partial && !errors.Is(context.Cause(x.ctx), errCancelRequested) {
			return nil
		}
		var out events.StepOutput
		count := 0
		switch step {
		case pipeline.StepExtract:
			if pl.extractDocs != nil {
				added := len(st.Terms)
				st.Terms, st.AutoExcluded = mergeTerms(pl.existingTerms, st.Terms, pl.existingAuto, st.AutoExcluded)
				x.em.line(events.LevelInfo, "%d %s found in the new documents; %d %s in all", added, counted(added, "term", "terms"),
					len(st.Terms), counted(len(st.Terms), "term", "terms"))
			}
			out.Terms, out.AutoExcluded, count = st.Terms, st.AutoExcluded, len(st.Terms)
		case pipeline.StepProvisional:
			if pl.onlyTerms {
				st.Provisional = mergeEntries(pl.existingProvisional, st.Provisional)
				st.Terms = pl.allTerms
			}
			out.Entries, count = st.Provisional, len(st.Provisional)
		case pipeline.StepIssues:
			out.Issues, count = st.Issues, len(st.Issues)
		case pipeline.StepRefined:
			out.Entries, count = st.Refined, len(st.Refined)
		}
		out.Partial = partial
		if err := x.publishResult(step, count, out); err != nil {
			return err
		}
		x.em.flushProgress()
		if partial {
			x.em.line(events.LevelWarning, "step %s cancelled; its %d finished entries were kept", step, count)
			return nil
		}
		if err := x.em.step(step, events.StepCompleted, count); err != nil {
			return storeErr(fmt.Errorf("publish step completion: %w", err))
		}
		x.em.line(events.LevelInfo, "step %s completed: %d %s", step, count, unitOf(step, count))
		return nil
	}
}

func unitOf(step pipeline.Step, n int) string {
	switch step {
	case pipeline.StepExtract:
		return counted(n, "term", "terms")
	case pipeline.StepIssues:
		return counted(n, "issue", "issues")
	}
	return counted(n, "entry", "entries")
}

// counted is the noun that counts n: "entry" for 1 ("1 entry"), else
// "entries".
func counted(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// publishResult publishes a step's output as run.result (claim check for a
// large one).
func (x *execution) publishResult(step pipeline.Step, count int, out events.StepOutput) error {
	raw, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encode result of %s: %w", step, err)
	}
	ctx, cancel := context.WithTimeout(x.base, publishTimeout)
	defer cancel()
	var artifacts jetstream.ObjectStore
	if len(raw) > events.MaxInlineResult {
		if artifacts, err = x.r.cfg.JS.ObjectStore(ctx, events.ArtifactsBucket); err != nil {
			return storeErr(fmt.Errorf("object store %s: %w", events.ArtifactsBucket, err))
		}
	}
	res, err := events.NewRunResult(ctx, artifacts, x.pid, x.rid, string(step), count, raw)
	if err != nil {
		return storeErr(fmt.Errorf("result of %s: %w", step, err))
	}
	if _, err := x.em.publish(res); err != nil {
		return storeErr(fmt.Errorf("publish result of %s: %w", step, err))
	}
	return nil
}

// mergeTerms keeps every existing term and adds the new ones whose text is
// not already there; auto-excluded texts are united, minus kept terms.
func mergeTerms(existing, found []glossary.Term, existingAuto, foundAuto []string) ([]glossary.Term, []string) {
	have := map[string]bool{}
	out := append([]glossary.Term(nil), existing...)
	for _, t := range existing {
		have[t.Text] = true
	}
	for _, t := range found {
		if !have[t.Text] {
			have[t.Text] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	var auto []string
	seen := map[string]bool{}
	for _, a := range append(append([]string(nil), existingAuto...), foundAuto...) {
		if !seen[a] && !have[a] {
			seen[a] = true
			auto = append(auto, a)
		}
	}
	sort.Strings(auto)
	return out, auto
}

// mergeEntries replaces existing entries by the regenerated ones of the
// same term and adds the others.
func mergeEntries(existing, regenerated []glossary.Entry) []glossary.Entry {
	byTerm := map[string]glossary.Entry{}
	for _, e := range regenerated {
		byTerm[e.Term] = e
	}
	out := make([]glossary.Entry, 0, len(existing)+len(regenerated))
	for _, e := range existing {
		if n, ok := byTerm[e.Term]; ok {
			out = append(out, n)
			delete(byTerm, e.Term)
			continue
		}
		out = append(out, e)
	}
	for _, e := range regenerated {
		if _, ok := byTerm[e.Term]; ok {
			out = append(out, e)
		}
	}
	glossary.SortEntries(out)
	return out
}

// errLaggingRead reports reads of a run's state that disagree: one came
// from a replica that has not caught up (see readRun). Callers read again.
var errLaggingRead = errors.New("runner: a read of the run's state lags the stream")

// runState is what a decision about a run rests on.
type runState struct {
	last    events.Envelope // the run's last event
	runSeq  uint64          // its stream sequence
	projSeq uint64          // the last sequence on the project's runs, for the publish that follows to expect
}

// readRun reads the run's last event such that a decision on it holds
// when the publish that follows expects st.projSeq.
//
// Direct gets on a replicated stream are answered by any replica, so two
// reads can see the stream at different points: a lagging replica may say
// the run is still going while the project's runs, read from a replica
// that caught up, already end with its terminal event, and a publish
// expecting that sequence would succeed on an ended run (a redelivered
// request then ran the pipeline again). So the decision comes from the
// read of the project's runs alone: when its last event is this run's, it
// is the run's last as of projSeq, and the stream's leader checks projSeq
// on publish. When it is another run's, this run has ended (a project has
// one active run at a time: the API requests a run only after the last
// one ended); the run's own last event is then read for its terminal
// event, which a replica answers only if it has it. Any disagreement
// returns errLaggingRead.
func (x *execution) readRun(ctx context.Context) (runState, error) {
	js := x.r.cfg.JS
	runFilter, err := events.RunFilter(x.pid, x.rid)
	if err != nil {
		return runState{}, err
	}
	projFilter, _ := events.ProjectRunsFilter(x.pid)
	last, projSeq, err := events.LastEvent(ctx, js, projFilter)
	if errors.Is(err, events.ErrNoEvents) {
		// This run's request is in the stream: the replica lags.
		return runState{}, fmt.Errorf("%w: no events on %s", errLaggingRead, projFilter)
	}
	if err != nil {
		return runState{}, err
	}
	if last.RunID == x.rid {
		return runState{last: last, runSeq: projSeq, projSeq: projSeq}, nil
	}
	own, seq, err := events.LastEvent(ctx, js, runFilter)
	switch {
	case errors.Is(err, events.ErrNoEvents):
		return runState{}, fmt.Errorf("%w: no events on %s", errLaggingRead, runFilter)
	case err != nil:
		return runState{}, err
	case !events.IsTerminal(own.Type):
		return runState{}, fmt.Errorf("%w: run %s last read as %s, project's runs as run %s's", errLaggingRead, x.rid, own.Type, last.RunID)
	}
	return runState{last: own, runSeq: seq, projSeq: projSeq}, nil
}

// pause waits a little longer on each try, so that a lagging replica can
// catch up; it returns false when ctx ended first.
func pause(ctx context.Context, try int) bool {
	t := time.NewTimer(time.Duration(try+1) * 10 * time.Millisecond)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
