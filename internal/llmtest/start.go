package llmtest

import (
	"net/http"
	"net/http/httptest"
)

// Start starts a fake server that answers with h (Smart when h is nil),
// like [New], for programs that have no testing.TB (the bench command).
// The caller must call [Server.Close].
func Start(h Handler) *Server {
	if h == nil {
		h = Smart
	}
	s := &Server{handler: h, changed: make(chan struct{}), closing: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}
