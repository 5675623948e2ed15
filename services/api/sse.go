package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/sse"
	"github.com/genglossary/genglossary/projections"
)

// headSSE answers a HEAD on an event stream with the headers a GET would
// get, without opening the stream (which would never end).
func headSSE(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodHead {
		return false
	}
	sse.SetHeaders(w.Header())
	w.WriteHeader(http.StatusOK)
	return true
}

// unavailable tells the client that the event store went away and ends the
// stream: "retry" asks EventSource to reconnect after two seconds, and it
// resumes from its Last-Event-ID once NATS is back.
func sseUnavailable(w *sse.Writer) error {
	_ = w.Write([]byte("retry: 2000\nevent: error\ndata: {\"detail\":\"the event store is unavailable; reconnect to resume\"}\n\n"))
	_ = w.Flush()
	return errNATSLost
}

// errNATSLost ends a stream whose event store connection is down.
var errNATSLost = errors.New("sse: NATS connection lost")

// natsCheckEvery is how often a stream checks that NATS is still connected.
const natsCheckEvery = time.Second

// natsLost reports whether the server's NATS connection is down.
func (s *server) natsLost() bool { return s.NC != nil && !s.NC.IsConnected() }

// parseLastEventID reads the stream sequence a client resumes after (see
// [sse.ParseLastEventID]); a bad one is a 400.
func parseLastEventID(r *http.Request) (uint64, error) {
	n, err := sse.ParseLastEventID(r.Header.Get("Last-Event-ID"), r.URL.Query().Get("last_event_id"))
	if err != nil {
		return 0, errStatus(http.StatusBadRequest, err.Error())
	}
	return n, nil
}

// Payloads of the run log stream's events.
type (
	sseLog struct {
		RunID   string    `json:"run_id"`
		Seq     uint64    `json:"seq"`
		Time    time.Time `json:"time"`
		Level   string    `json:"level"`
		Message string    `json:"message"`
	}
	sseProgress struct {
		RunID           string `json:"run_id"`
		Step            string `json:"step"`
		ProgressCurrent int    `json:"progress_current"`
		ProgressTotal   int    `json:"progress_total"`
		CurrentTerm     string `json:"current_term"`
	}
	sseStep struct {
		RunID  string `json:"run_id"`
		Step   string `json:"step"`
		Status string `json:"status"`
		Count  int    `json:"count"`
	}
	sseComplete struct {
		Status       string `json:"status"`
		ErrorMessage string `json:"error_message"`
	}
)

// terminalPoll is how often a log stream re-reads its run's status, so that
// "complete" follows the end of a run within a second however it ended.
const terminalPoll = 250 * time.Millisecond

func isTerminalStatus(s string) bool {
	return s == "completed" || s == "failed" || s == "cancelled"
}

// handleRunLogs streams a run's log: the history from the log stream (or
// after Last-Event-ID), then live lines, progress and steps from the run's
// shared live tail (see [logHub]), and finally "complete" with the run's
// status, after which the stream closes.
func (s *server) handleRunLogs() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		run, err := s.run(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		after, err := parseLastEventID(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		if headSSE(w, r) {
			return
		}
		subject, err := events.LogSubject(run.ProjectID, run.ID)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		ctx := r.Context()
		st, err := s.logs.logStream(ctx)
		if err != nil {
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		ls := &logSession{s: s, run: run, stream: st, subject: subject, delivered: after}
		// A run already over needs no live tail: its history up to the
		// log's last message now, then "complete".
		upTo := uint64(0)
		if isTerminalStatus(run.Status) {
			if ls.final, err = finalOf(ctx, st, subject, run); err != nil {
				s.Logger.Error("log stream end", "run_id", run.ID, "err", err)
				writeError(w, r, s.Logger, errUnavailable)
				return
			}
			upTo = ls.final.endSeq
		} else {
			if ls.tail, err = s.logs.acquire(ctx, run, subject); err != nil {
				s.Logger.Error("log tail", "run_id", run.ID, "err", err)
				writeError(w, r, s.Logger, errUnavailable)
				return
			}
			defer s.logs.release(ls.tail)
			var ok bool
			if _, upTo, ok = ls.tail.cursorAfter(after); ok {
				upTo = 0
			}
		}
		var replay *logReplay
		if after < upTo {
			if replay, err = openReplay(ctx, st, subject, after); err != nil {
				s.Logger.Error("log consumer", "run_id", run.ID, "err", err)
				writeError(w, r, s.Logger, errUnavailable)
				return
			}
		}
		out, err := sse.Start(w)
		if replay != nil {
			defer replay.close()
		}
		if err != nil {
			return
		}
		ls.out = out
		s.metrics.sseClients.Add(1)
		defer s.metrics.sseClients.Add(-1)
		if err := ls.serve(ctx, replay, upTo); err != nil && ctx.Err() == nil {
			s.Logger.Debug("log stream ended", "run_id", run.ID, "err", err)
		}
	})
}

// logSession is one client's log stream.
type logSession struct {
	s       *server
	out     *sse.Writer
	run     projections.Run
	stream  jetstream.Stream
	subject string
	tail    *logTail  // nil for a run over at the start
	final   *logFinal // the end of a run over at the start
	// delivered is the stream sequence up to which the client has every
	// log message.
	delivered uint64
}

// logBatch bounds the frames a client takes from the ring at once (one
// write and flush).
const logBatch = 1024

// serve replays history up to upTo with replay (when not nil), then for a
// run over at the start writes "complete"; otherwise it follows the live
// tail, replaying again if the ring moved on meanwhile.
func (ls *logSession) serve(ctx context.Context, replay *logReplay, upTo uint64) error {
	if replay != nil {
		ended, err := ls.replay(ctx, replay, upTo)
		if ended || err != nil {
			return err
		}
	} else {
		ls.delivered = max(ls.delivered, upTo)
	}
	if ls.tail == nil {
		return ls.complete(ls.final)
	}
	var cursor uint64
	for tries := 0; ; tries++ {
		c, last, ok := ls.tail.cursorAfter(ls.delivered)
		if ok {
			cursor = c
			break
		}
		if tries == replayRetries {
			return ls.tooSlow()
		}
		rp, err := openReplay(ctx, ls.stream, ls.subject, ls.delivered)
		if err != nil {
			return err
		}
		if rp == nil {
			ls.delivered = max(ls.delivered, last)
			continue
		}
		ended, err := ls.replay(ctx, rp, last)
		rp.close()
		if ended || err != nil {
			return err
		}
	}
	return ls.live(ctx, cursor)
}

// replay writes the history after ls.delivered up to upTo. ended reports
// that it wrote "complete" (log.end was in the history).
func (ls *logSession) replay(ctx context.Context, rp *logReplay, upTo uint64) (ended bool, err error) {
	logErr := func(seq uint64, err error) {
		ls.s.Logger.Warn("undecodable log message", "run_id", ls.run.ID, "seq", seq, "err", err)
	}
	for {
		f, lastPending, err := rp.next(ctx, ls.run.ID, logErr)
		if err != nil {
			return false, err
		}
		if f.seq > upTo {
			break // the live tail has it
		}
		if f.seq > ls.delivered {
			ls.delivered = f.seq
			if f.end {
				return true, ls.end(ctx, f)
			}
			if f.b != nil {
				if err := ls.out.Write(f.b); err != nil {
					return false, err
				}
			}
		}
		if f.seq >= upTo || lastPending {
			break
		}
	}
	ls.delivered = max(ls.delivered, upTo)
	return false, ls.out.Flush()
}

// live writes the tail's frames from ring index cursor on, batching the
// frames available at once into one write and flush, until log.end or
// the run's end seen in the read model.
func (ls *logSession) live(ctx context.Context, cursor uint64) error {
	keepalive := time.NewTimer(ls.s.KeepAlive)
	defer keepalive.Stop()
	natsCheck := time.NewTicker(natsCheckEvery)
	defer natsCheck.Stop()
	buf := make([]*logFrame, 0, 64)
	for {
		var (
			more, slow bool
			wake       <-chan struct{}
			final      *logFinal
		)
		buf, cursor, more, wake, final, slow = ls.tail.read(cursor, buf[:0], logBatch)
		if slow {
			return ls.tooSlow()
		}
		wrote := false
		for _, f := range buf {
			if f.seq <= ls.delivered {
				continue
			}
			ls.delivered = f.seq
			if f.end {
				return ls.end(ctx, f)
			}
			if f.b != nil {
				if err := ls.out.Write(f.b); err != nil {
					return err
				}
				wrote = true
			}
		}
		clear(buf)
		if wrote {
			if err := ls.out.Flush(); err != nil {
				return err
			}
			keepalive.Reset(ls.s.KeepAlive)
		}
		if more {
			continue
		}
		if final != nil && (final.now || ls.delivered >= final.endSeq) {
			return ls.complete(final)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-wake:
		case <-natsCheck.C:
			if ls.s.natsLost() {
				return sseUnavailable(ls.out)
			}
		case <-keepalive.C:
			if err := ls.out.Comment("keepalive"); err != nil {
				return err
			}
			keepalive.Reset(ls.s.KeepAlive)
		}
	}
}

// end writes log.end's "complete" once the read model has the run's
// terminal event too, so a client that GETs the run after "complete" sees
// it finished (the runner writes log.end after its terminal event).
func (ls *logSession) end(ctx context.Context, f *logFrame) error {
	if err := ls.out.Flush(); err != nil {
		return err
	}
	if ls.tail != nil {
		ls.tail.awaitTerminal(ctx)
	} else {
		ls.s.awaitTerminal(ctx, ls.run)
	}
	if err := ls.out.Write(f.b); err != nil {
		return err
	}
	return ls.out.Flush()
}

// complete ends the stream with the run's status from the read model.
func (ls *logSession) complete(f *logFinal) error {
	b, _ := json.Marshal(f.c)
	return ls.out.Event("", "complete", b)
}

// tooSlow ends the stream of a client that fell behind the live tail; it
// resumes with Last-Event-ID.
func (ls *logSession) tooSlow() error {
	_ = ls.out.Comment("too slow: reconnect with Last-Event-ID to resume")
	return errSlowClient
}

// awaitTerminal waits (up to ten seconds) until the read model has applied
// the run's terminal event, so a client that GETs the run after "complete"
// sees it finished. The terminal event is in the stream before log.end.
func (s *server) awaitTerminal(ctx context.Context, run projections.Run) {
	filter, err := events.RunFilter(run.ProjectID, run.ID)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	last, seq, err := events.LastEvent(ctx, s.JS, filter)
	if err != nil || !events.IsTerminal(last.Type) {
		return
	}
	if err := s.Projector.WaitFor(ctx, seq); err != nil {
		s.Logger.Warn("read model behind at the end of a log stream", "run_id", run.ID, "seq", seq, "err", err)
	}
}

// handleProjectEvents streams a project's run changes for the GUI: first
// the current run (if any), then "run" with the run record on every change
// of a run, and "project" on changes to the project itself. No polling.
func (s *server) handleProjectEvents() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if headSSE(w, r) {
			return
		}
		pid := projectID(r)
		ctx := r.Context()
		changes, unsubscribe := s.Projector.Subscribe(pid)
		defer unsubscribe()
		out, err := sse.Start(w)
		if err != nil {
			return
		}
		s.metrics.sseClients.Add(1)
		defer s.metrics.sseClients.Add(-1)
		send := func(name string, v any) error {
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			return out.Event("", name, b)
		}
		if run, err := s.Store.CurrentRun(ctx, pid); err == nil {
			if send("run", run) != nil {
				return
			}
		}
		keepalive := time.NewTicker(s.KeepAlive)
		defer keepalive.Stop()
		natsCheck := time.NewTicker(natsCheckEvery)
		defer natsCheck.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-natsCheck.C:
				if s.natsLost() {
					_ = sseUnavailable(out)
					return
				}
			case <-keepalive.C:
				if out.Comment("keepalive") != nil {
					return
				}
			case ch, ok := <-changes:
				if !ok {
					return // dropped as a slow subscriber; the client reconnects
				}
				keepalive.Reset(s.KeepAlive)
				var err error
				switch {
				case ch.RunID != "":
					var run projections.Run
					if run, err = s.Store.GetRun(ctx, pid, ch.RunID); err == nil {
						err = send("run", run)
					} else if errors.Is(err, projections.ErrNotFound) {
						err = nil
					}
				case ch.Type == events.TypeProjectDeleted:
					_ = send("project_deleted", map[string]string{"id": pid})
					return
				default:
					var np projections.Project
					if np, err = s.Store.GetProject(ctx, pid); err == nil {
						err = send("project", np)
					}
				}
				if err != nil {
					return
				}
			}
		}
	})
}
