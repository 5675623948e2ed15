package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/projections"
)

// sseWriter writes server-sent events and flushes each one. Its deadline is
// cleared so http.Server's WriteTimeout does not cut long streams.
type sseWriter struct {
	w  http.ResponseWriter
	rc *http.ResponseController
	b  bytes.Buffer
}

func startSSE(w http.ResponseWriter) (*sseWriter, error) {
	rc := http.NewResponseController(w)
	if err := rc.SetWriteDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return nil, err
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	h.Set("X-Accel-Buffering", "no") // tell reverse proxies not to buffer
	w.WriteHeader(http.StatusOK)
	s := &sseWriter{w: w, rc: rc}
	return s, s.flush()
}

// event writes one event. id may be empty. data must not contain newlines
// (JSON from encoding/json never does).
func (s *sseWriter) event(id, name string, data []byte) error {
	s.b.Reset()
	if id != "" {
		s.b.WriteString("id: ")
		s.b.WriteString(id)
		s.b.WriteByte('\n')
	}
	s.b.WriteString("event: ")
	s.b.WriteString(name)
	s.b.WriteString("\ndata: ")
	s.b.Write(data)
	s.b.WriteString("\n\n")
	if _, err := s.w.Write(s.b.Bytes()); err != nil {
		return err
	}
	return s.flush()
}

func (s *sseWriter) comment(text string) error {
	if _, err := fmt.Fprintf(s.w, ": %s\n\n", text); err != nil {
		return err
	}
	return s.flush()
}

func (s *sseWriter) flush() error { return s.rc.Flush() }

// parseLastEventID reads the Last-Event-ID header (or ?last_event_id=, for
// clients that cannot set headers): a stream sequence to resume after.
func parseLastEventID(r *http.Request) (uint64, error) {
	v := strings.TrimSpace(r.Header.Get("Last-Event-ID"))
	if v == "" {
		v = strings.TrimSpace(r.URL.Query().Get("last_event_id"))
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 0, errStatus(http.StatusBadRequest, "Last-Event-ID must be a non-negative integer (an event id from this stream)")
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
// after Last-Event-ID), then live lines, progress and steps, and finally
// "complete" with the run's status, after which the stream closes.
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
		subject, err := events.LogSubject(run.ProjectID, run.ID)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		stream, err := s.JS.Stream(ctx, events.LogsStream)
		if err != nil {
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		// InactiveThreshold backs up the explicit delete below: a server-side
		// consumer outlives its client by at most that long.
		cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, DeliverPolicy: jetstream.DeliverAllPolicy, InactiveThreshold: 30 * time.Second}
		if after > 0 {
			cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, after+1
		}
		cons, err := stream.OrderedConsumer(ctx, cfg)
		if err != nil {
			s.Logger.Error("log consumer", "run_id", run.ID, "err", err)
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		msgs := make(chan jetstream.Msg, 256)
		cc, err := cons.Consume(func(m jetstream.Msg) {
			select {
			case msgs <- m:
			case <-ctx.Done():
			}
		})
		if err != nil {
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		defer func() {
			cc.Stop()
			// Stopping an ordered consumer leaves its server-side consumer
			// until the inactivity threshold; release it now.
			if info := cons.CachedInfo(); info != nil {
				dctx, dcancel := context.WithTimeout(context.Background(), 2*time.Second)
				_ = stream.DeleteConsumer(dctx, info.Name)
				dcancel()
			}
		}()

		sse, err := startSSE(w)
		if err != nil {
			return
		}
		s.metrics.sseClients.Add(1)
		defer s.metrics.sseClients.Add(-1)
		if err := s.streamRunLog(ctx, sse, stream, subject, run, after, msgs); err != nil && ctx.Err() == nil {
			s.Logger.Debug("log stream ended", "run_id", run.ID, "err", err)
		}
	})
}

func (s *server) streamRunLog(ctx context.Context, sse *sseWriter, stream jetstream.Stream, subject string, run projections.Run, after uint64, msgs <-chan jetstream.Msg) error {
	keepalive := time.NewTicker(s.KeepAlive)
	defer keepalive.Stop()
	poll := time.NewTicker(terminalPoll)
	defer poll.Stop()

	delivered := after
	// When the run is over, endSeq is the last log sequence to deliver
	// before "complete"; final is the status to report.
	var (
		final  *sseComplete
		endSeq uint64
	)
	checkTerminal := func(r projections.Run) error {
		if final != nil || !isTerminalStatus(r.Status) {
			return nil
		}
		final = &sseComplete{Status: r.Status, ErrorMessage: r.ErrorMessage}
		last, err := stream.GetLastMsgForSubject(ctx, subject)
		switch {
		case errors.Is(err, jetstream.ErrMsgNotFound):
			endSeq = 0
		case err != nil:
			return err
		default:
			endSeq = last.Sequence
		}
		return nil
	}
	if err := checkTerminal(run); err != nil {
		return err
	}
	for {
		if final != nil && delivered >= endSeq {
			b, _ := json.Marshal(final)
			return sse.event("", "complete", b)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-msgs:
			keepalive.Reset(s.KeepAlive)
			md, err := m.Metadata()
			if err != nil {
				continue
			}
			delivered = md.Sequence.Stream
			end, err := s.writeLogMsg(sse, run.ID, m, md)
			if err != nil {
				return err
			}
			if end != nil {
				// The runner wrote log.end after its terminal event; wait
				// (briefly) until the read model has it too, so a client
				// that GETs the run after "complete" sees it finished.
				s.awaitTerminal(ctx, run)
				b, _ := json.Marshal(end)
				return sse.event(strconv.FormatUint(md.Sequence.Stream, 10), "complete", b)
			}
		case <-keepalive.C:
			if err := sse.comment("keepalive"); err != nil {
				return err
			}
		case <-poll.C:
			if final != nil {
				continue
			}
			r, err := s.Store.GetRun(ctx, run.ProjectID, run.ID)
			if err != nil {
				if errors.Is(err, projections.ErrNotFound) {
					b, _ := json.Marshal(sseComplete{Status: "deleted", ErrorMessage: "the run no longer exists"})
					return sse.event("", "complete", b)
				}
				continue
			}
			if err := checkTerminal(r); err != nil {
				return err
			}
		}
	}
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

// writeLogMsg writes one log-stream message as its SSE event. For log.end
// it writes nothing and returns the completion to send.
func (s *server) writeLogMsg(sse *sseWriter, runID string, m jetstream.Msg, md *jetstream.MsgMetadata) (*sseComplete, error) {
	env, err := events.Decode(m.Data())
	if err != nil {
		s.Logger.Warn("undecodable log message", "run_id", runID, "seq", md.Sequence.Stream, "err", err)
		return nil, nil
	}
	data, err := env.Payload()
	if err != nil {
		return nil, nil
	}
	id := strconv.FormatUint(md.Sequence.Stream, 10)
	var name string
	var v any
	switch d := data.(type) {
	case events.LogLine:
		name, v = "log", sseLog{RunID: runID, Seq: md.Sequence.Stream, Time: env.Time, Level: string(d.Level), Message: d.Message}
	case events.LogProgress:
		name, v = "progress", sseProgress{RunID: runID, Step: d.Step, ProgressCurrent: d.Current, ProgressTotal: d.Total, CurrentTerm: d.CurrentTerm}
	case events.LogStep:
		name, v = "step", sseStep{RunID: runID, Step: d.Step, Status: string(d.Status), Count: d.Count}
	case events.LogEnd:
		return &sseComplete{Status: string(d.Status), ErrorMessage: d.ErrorMessage}, nil
	default:
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return nil, sse.event(id, name, b)
}

// handleProjectEvents streams a project's run changes for the GUI: first
// the current run (if any), then "run" with the run record on every change
// of a run, and "project" on changes to the project itself. No polling.
func (s *server) handleProjectEvents() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := projectFrom(r)
		ctx := r.Context()
		changes, unsubscribe := s.Projector.Subscribe(p.ID)
		defer unsubscribe()
		sse, err := startSSE(w)
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
			return sse.event("", name, b)
		}
		if run, err := s.Store.CurrentRun(ctx, p.ID); err == nil {
			if send("run", run) != nil {
				return
			}
		}
		keepalive := time.NewTicker(s.KeepAlive)
		defer keepalive.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-keepalive.C:
				if sse.comment("keepalive") != nil {
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
					if run, err = s.Store.GetRun(ctx, p.ID, ch.RunID); err == nil {
						err = send("run", run)
					} else if errors.Is(err, projections.ErrNotFound) {
						err = nil
					}
				case ch.Type == events.TypeProjectDeleted:
					_ = send("project_deleted", map[string]string{"id": p.ID})
					return
				default:
					var np projections.Project
					if np, err = s.Store.GetProject(ctx, p.ID); err == nil {
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
