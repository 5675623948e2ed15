package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
)

// Problem is an RFC 9457 problem details body. Extra members (for example
// active_run_id on a 409, errors on a 422) go in Extra and are flattened into
// the JSON object.
type Problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail"`
	Extra  map[string]any `json:"-"`
}

// MarshalJSON flattens Extra next to the standard members.
func (p Problem) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(p.Extra)+4)
	for k, v := range p.Extra {
		m[k] = v
	}
	m["type"], m["title"], m["status"], m["detail"] = p.Type, p.Title, p.Status, p.Detail
	return json.Marshal(m)
}

// apiError is an error that carries its HTTP status and a client-safe
// detail. Handlers return these; writeError turns anything else into a 500
// without leaking its text.
type apiError struct {
	status int
	detail string
	extra  map[string]any
}

func (e *apiError) Error() string { return e.detail }

func errStatus(status int, detail string) error { return &apiError{status: status, detail: detail} }

func errWith(status int, detail string, extra map[string]any) error {
	return &apiError{status: status, detail: detail, extra: extra}
}

// writeError writes err as application/problem+json. Errors that are not
// apiError are logged once here and answered with a generic 500 body.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		ae = &apiError{status: http.StatusInternalServerError, detail: "internal error; see the server log"}
	}
	writeProblem(w, ae.status, ae.detail, ae.extra)
}

func writeProblem(w http.ResponseWriter, status int, detail string, extra map[string]any) {
	p := Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail, Extra: extra}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}
