package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/projections"
)

// publishRetries bounds optimistic-concurrency retries when other events
// (progress of the active run, a concurrent request) keep moving the run
// subtree's last sequence.
const publishRetries = 20

type runCreateRequest struct {
	Scope string `json:"scope"`
	// Terms restricts a provisional run to these terms (regenerate one
	// entry).
	Terms []string `json:"terms,omitempty"`
}

func (s *server) handleRunList() http.Handler {
	return listHandler(s, func(r *http.Request, pg projections.Page) ([]projections.Run, int, error) {
		return s.Store.ListRuns(r.Context(), projectID(r), pg)
	})
}

func (s *server) handleRunCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		req, err := decode[runCreateRequest](w, r, maxJSONBody)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		scope, err := pipeline.ParseScope(req.Scope)
		if err != nil {
			writeError(w, r, s.Logger, errWith(http.StatusUnprocessableEntity, "scope: "+err.Error(), map[string]any{"errors": map[string]string{"scope": err.Error()}}))
			return
		}
		if len(req.Terms) > 0 && scope != pipeline.ScopeProvisional {
			writeError(w, r, s.Logger, errStatus(http.StatusUnprocessableEntity, "terms: only a provisional run can be limited to some terms"))
			return
		}
		key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
		if len(key) > 200 {
			writeError(w, r, s.Logger, errStatus(http.StatusBadRequest, "Idempotency-Key must be at most 200 characters"))
			return
		}
		run, err := s.requestRun(r.Context(), pid, events.RunRequested{
			Scope: string(scope), TriggeredBy: events.TriggeredByAPI, Terms: req.Terms, IdempotencyKey: key,
		})
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid+"/runs/"+run.ID)
		encode(w, http.StatusCreated, run)
	})
}

// errRunActive is the 409 for a second run while one is active.
func errRunActive(activeID string) error {
	return errWith(http.StatusConflict, "a run is already active for this project: "+activeID, map[string]any{"active_run_id": activeID})
}

// requestRun publishes run.requested if no run of the project is active,
// race-free across API replicas: the publish carries the last sequence of
// the project's run subtree, so of concurrent requests exactly one is
// stored. With an idempotency key, a request already stored with that key
// returns its run instead.
func (s *server) requestRun(ctx context.Context, projectID string, req events.RunRequested) (projections.Run, error) {
	filter, err := events.ProjectRunsFilter(projectID)
	if err != nil {
		return projections.Run{}, err
	}
	for attempt := 0; attempt < publishRetries; attempt++ {
		if req.IdempotencyKey != "" {
			if run, err := s.Store.RunByIdempotencyKey(ctx, projectID, req.IdempotencyKey); err == nil {
				return run, nil
			} else if !errors.Is(err, projections.ErrNotFound) {
				return projections.Run{}, err
			}
		}
		last, seq, err := events.LastEvent(ctx, s.JS, filter)
		if err != nil && !errors.Is(err, events.ErrNoEvents) {
			s.Logger.Error("read last run event", "project_id", projectID, "err", err)
			return projections.Run{}, errUnavailable
		}
		if seq > 0 && !events.IsTerminal(last.Type) {
			// A direct get may come from a replica that lags behind the
			// leader (just after a leader change): confirm with the
			// leader before refusing the run.
			last, seq, err = events.LastEventFromLeader(ctx, s.JS, filter)
			if err != nil && !errors.Is(err, events.ErrNoEvents) {
				s.Logger.Error("read last run event from the leader", "project_id", projectID, "err", err)
				return projections.Run{}, errUnavailable
			}
		}
		if seq > 0 && !events.IsTerminal(last.Type) {
			if req.IdempotencyKey != "" {
				// The active run may be ours, stored by a retry that raced
				// this one: wait for it to be projected, then look again.
				if err := s.wait(ctx, seq); err != nil {
					return projections.Run{}, err
				}
				if run, err := s.Store.RunByIdempotencyKey(ctx, projectID, req.IdempotencyKey); err == nil {
					return run, nil
				}
			}
			return projections.Run{}, errRunActive(last.RunID)
		}
		runID := events.NewID()
		env, err := newEnvelope(projectID, runID, req)
		if err != nil {
			return projections.Run{}, err
		}
		_, err = s.publishExpect(ctx, env, seq, filter)
		if errors.Is(err, events.ErrConflict) {
			continue
		}
		if err != nil {
			return projections.Run{}, err
		}
		return s.Store.GetRun(ctx, projectID, runID)
	}
	return projections.Run{}, errStatus(http.StatusConflict, "the project's runs changed too often to start a run; try again")
}

func (s *server) handleRunCurrent() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		run, err := s.Store.CurrentRun(r.Context(), projectID(r))
		if errors.Is(err, projections.ErrNotFound) {
			err = errStatus(http.StatusNotFound, "the project has no runs")
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, run)
	})
}

func (s *server) run(r *http.Request) (projections.Run, error) {
	rid := chi.URLParam(r, "rid")
	if !events.ValidID(rid) {
		return projections.Run{}, errStatus(http.StatusNotFound, "run not found")
	}
	run, err := s.Store.GetRun(r.Context(), projectID(r), rid)
	if errors.Is(err, projections.ErrNotFound) {
		return run, errStatus(http.StatusNotFound, "run not found")
	}
	return run, err
}

func (s *server) handleRunGet() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		run, err := s.run(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, run)
	})
}

func (s *server) handleRunCancel() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		run, err := s.run(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		if err := s.cancelRun(r.Context(), run.ProjectID, run.ID); err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		run, err = s.Store.GetRun(r.Context(), run.ProjectID, run.ID)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, run)
	})
}

// cancelRun cancels a run race-free. A pending run (its last event is
// run.requested) is cancelled at once with a terminal run.cancelled, which
// the runner's claim then loses to, so it never starts. A running run gets
// run.cancel_requested; its runner stops at the next checkpoint and
// publishes run.cancelled. A finished run is left as it is. Both publishes
// expect the run subtree's last sequence, so nothing lands after a
// terminal event.
func (s *server) cancelRun(ctx context.Context, projectID, runID string) error {
	filter, err := events.ProjectRunsFilter(projectID)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < publishRetries; attempt++ {
		last, seq, err := events.LastEvent(ctx, s.JS, filter)
		if err != nil {
			if errors.Is(err, events.ErrNoEvents) {
				return nil
			}
			return errUnavailable
		}
		// One run is active at a time, so an active run owns the subtree's
		// last event; any other run is finished.
		if last.RunID != runID || events.IsTerminal(last.Type) {
			return nil
		}
		var data events.Data = events.RunCancelRequested{Reason: "cancelled by user"}
		pending := last.Type == events.TypeRunRequested
		if pending {
			data = events.RunCancelled{Reason: "cancelled by user before it started"}
		} else if last.Type == events.TypeRunCancelRequested {
			return nil // already asked
		}
		env, err := newEnvelope(projectID, runID, data)
		if err != nil {
			return err
		}
		_, err = s.publishExpect(ctx, env, seq, filter)
		if errors.Is(err, events.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if pending {
			s.publishLogEnd(ctx, projectID, runID, events.RunStatusCancelled, "")
		}
		return nil
	}
	return errStatus(http.StatusConflict, "the run changed too often to cancel; try again")
}

// publishLogEnd marks the end of a run's log for SSE clients when no runner
// will (a run cancelled while pending).
func (s *server) publishLogEnd(ctx context.Context, projectID, runID string, status events.RunStatus, msg string) {
	env, err := newEnvelope(projectID, runID, events.LogEnd{Status: status, ErrorMessage: msg})
	if err == nil {
		_, err = events.Publish(ctx, s.JS, env)
	}
	if err != nil {
		s.Logger.Warn("publish log end", "project_id", projectID, "run_id", runID, "err", err)
	}
}
