package main

import (
	"encoding/json"
	"net/http"
	"sync/atomic"
)

// startupHandler is serve's HTTP handler from the moment the port is
// claimed. Until the API is ready (NATS connected, streams set up, read
// model open) it answers /healthz 200 (the process is alive), /readyz 503
// with what it waits for, and every other path 503 with an RFC 9457
// problem body and Retry-After; then it hands every request to the API.
// So load balancers and operators see "alive, not ready" while NATS is
// unreachable instead of a refused connection.
type startupHandler struct {
	api     atomic.Pointer[http.Handler]
	waiting atomic.Pointer[string]
}

// newStartupHandler returns a handler that reports waitingFor until
// [startupHandler.ready] is called.
func newStartupHandler(waitingFor string) *startupHandler {
	h := &startupHandler{}
	h.wait(waitingFor)
	return h
}

// wait sets what the server is waiting for, as /readyz reports it.
func (h *startupHandler) wait(what string) { h.waiting.Store(&what) }

// ready makes api answer every request from now on.
func (h *startupHandler) ready(api http.Handler) { h.api.Store(&api) }

// ServeHTTP implements http.Handler.
func (h *startupHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if api := h.api.Load(); api != nil {
		(*api).ServeHTTP(w, r)
		return
	}
	what := *h.waiting.Load()
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case "/healthz":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
	case "/readyz":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]any{"ready": false, "checks": map[string]string{"startup": what}})
	default:
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Retry-After", "2")
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"type": "about:blank", "title": http.StatusText(http.StatusServiceUnavailable),
			"status": http.StatusServiceUnavailable, "detail": "GenGlossary is starting: " + what + "; try again shortly",
		})
	}
}
