package api

import (
	"context"
	"errors"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/projections"
)

type ctxKey int

const projectKey ctxKey = iota

// recoverer turns a handler panic into a logged 500 problem; the stack goes
// to the log, never to the client.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				writeProblem(w, http.StatusInternalServerError, "internal error; see the server log", nil)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status for metrics. It forwards Flush and
// Unwrap so SSE handlers can flush and clear deadlines through it.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// instrument counts requests by route pattern and status and bounds the
// time to write ordinary responses.
func (s *server) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.WriteTimeout))
		next.ServeHTTP(rec, r)
		route := chi.RouteContext(r.Context()).RoutePattern()
		if route == "" {
			route = "unmatched"
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		s.metrics.request(r.Method, route, strconv.Itoa(rec.status))
	})
}

// withProject answers 404 for a malformed id or a project the read model
// does not hold, and puts the id into the request context. It checks
// existence only: most routes under a project need its id, not the
// document, term and run counts of the project itself (see
// [server.project]).
func (s *server) withProject(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := chi.URLParam(r, "pid")
		if !events.ValidID(pid) {
			writeProblem(w, http.StatusNotFound, "project not found (ids are ULIDs)", nil)
			return
		}
		ok, err := s.Store.ProjectExists(r.Context(), pid)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		if !ok {
			writeProblem(w, http.StatusNotFound, "project not found", nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), projectKey, pid)))
	})
}

// projectID returns the id withProject checked.
func projectID(r *http.Request) string {
	pid, _ := r.Context().Value(projectKey).(string)
	return pid
}

// project reads the whole project withProject checked, for the routes that
// serve or change it; one deleted meanwhile is a 404.
func (s *server) project(r *http.Request) (projections.Project, error) {
	p, err := s.Store.GetProject(r.Context(), projectID(r))
	if errors.Is(err, projections.ErrNotFound) {
		return p, errStatus(http.StatusNotFound, "project not found")
	}
	return p, err
}
