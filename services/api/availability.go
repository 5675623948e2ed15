package api

import "net/http"

// writesNeedNATS answers a write (any method but GET, HEAD and OPTIONS) at
// once with 503 and a problem body while the NATS connection is down,
// instead of after a publish timeout. Reads go on from the read model.
func (s *server) writesNeedNATS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
		default:
			if s.NC != nil && !s.NC.IsConnected() {
				w.Header().Set("Retry-After", "2")
				writeError(w, r, s.Logger, errUnavailable)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
