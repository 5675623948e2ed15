package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// ErrInvalidSecurity is returned (wrapped) by [Security.Validate] for a bad
// [Security]; the message names the field.
var ErrInvalidSecurity = errors.New("api: invalid security settings")

// MinAuthTokenLen is the shortest accepted [Security.AuthToken], in bytes.
const MinAuthTokenLen = 16

// Security says who may use the API and from which browser origins. The
// zero value means no authentication, no cross-origin access, any Host.
type Security struct {
	// AuthToken, when set, is the bearer token that every request to /api/
	// and /metrics must carry ("Authorization: Bearer <token>"); others get
	// 401 with a WWW-Authenticate header. Since EventSource cannot set
	// headers, the two SSE routes (.../runs/{rid}/logs and .../events) also
	// accept it as ?access_token=. /healthz, /readyz and the GUI's static
	// files stay open. Default "": no authentication. At least
	// [MinAuthTokenLen] bytes.
	AuthToken string

	// CORSOrigins are the browser origins ("https://docs.example.com", no
	// path) allowed to call the API from pages served elsewhere: they get
	// Access-Control-Allow-Origin, preflights are answered, and their
	// state-changing requests pass the cross-origin (CSRF) check. Default
	// none: cross-origin browser requests get no CORS headers, preflights get
	// 403, and cross-origin POST/PUT/PATCH/DELETE get 403.
	CORSOrigins []string

	// AllowedHosts, when non-empty, are the only host names (the Host header
	// without its port, case-insensitive) requests may name; others get 403.
	// This stops DNS rebinding against a server on a loopback address
	// without a token (serve sets it to localhost, 127.0.0.1 and ::1 then).
	// Default none: any Host.
	AllowedHosts []string
}

// Validate checks s: a token long enough and without whitespace, and
// origins of the form scheme://host[:port]. Errors wrap
// [ErrInvalidSecurity].
func (s Security) Validate() error {
	if s.AuthToken != "" {
		if len(s.AuthToken) < MinAuthTokenLen {
			return fmt.Errorf("%w: AuthToken must be at least %d bytes", ErrInvalidSecurity, MinAuthTokenLen)
		}
		if strings.ContainsFunc(s.AuthToken, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return fmt.Errorf("%w: AuthToken must not contain spaces or control characters", ErrInvalidSecurity)
		}
	}
	for _, o := range s.CORSOrigins {
		if _, err := normalizeOrigin(o); err != nil {
			return fmt.Errorf("%w: CORSOrigins: %w", ErrInvalidSecurity, err)
		}
	}
	return nil
}

// normalizeOrigin returns o as scheme://host[:port], lower-cased, or an
// error when o is not an http(s) origin.
func normalizeOrigin(o string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(o))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q is not an origin like https://example.com[:port]", o)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// secure wraps the router with the security middleware, outermost first:
// security headers, the Host check, CORS (answering preflights), the
// cross-origin write check, authentication, and the SSE client limits.
// They sit outside the router so that they also cover 404s, 405s and
// preflights that match no route.
func (s *server) secure(next http.Handler) http.Handler {
	sec := s.Security
	h := s.limitSSE(next)
	if sec.AuthToken != "" {
		h = requireToken(sec.AuthToken, h)
	}
	h = crossOriginCheck(sec.CORSOrigins, h)
	h = cors(sec.CORSOrigins, h)
	if len(sec.AllowedHosts) > 0 {
		h = hostGuard(sec.AllowedHosts, h)
	}
	return securityHeaders(h)
}

// securityHeaders sets the headers every response gets: no MIME sniffing,
// no Referer (ids in URLs stay here), no framing. Handlers may add more
// (the GUI sets its Content-Security-Policy).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// hostGuard answers 403 to requests whose Host is not one of hosts.
func hostGuard(hosts []string, next http.Handler) http.Handler {
	allowed := map[string]bool{}
	for _, h := range hosts {
		allowed[strings.ToLower(strings.Trim(h, "[]"))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !allowed[strings.ToLower(strings.Trim(host, "[]"))] {
			writeProblem(w, http.StatusForbidden, "this server does not answer to that host name", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// CORS constants: what a preflight may ask for.
const (
	corsMethods       = "GET, POST, PUT, PATCH, DELETE"
	corsHeaders       = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID"
	corsExposeHeaders = "Location, Retry-After"
	corsMaxAge        = "600"
)

// cors adds Access-Control-Allow-Origin for the allowed origins and
// answers preflights: 204 for an allowed origin, 403 otherwise.
func cors(origins []string, next http.Handler) http.Handler {
	allowed := map[string]bool{}
	for _, o := range origins {
		if n, err := normalizeOrigin(o); err == nil {
			allowed[n] = true
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Origin")
		n, err := normalizeOrigin(origin)
		ok := err == nil && allowed[n]
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if preflight {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			if !ok {
				writeProblem(w, http.StatusForbidden, "cross-origin requests from this origin are not allowed (see --cors-origin)", nil)
				return
			}
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", corsMethods)
			h.Set("Access-Control-Allow-Headers", corsHeaders)
			h.Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if ok {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
		}
		next.ServeHTTP(w, r)
	})
}

// crossOriginCheck refuses state-changing cross-origin browser requests
// (CSRF: a form on another site posting a file here) unless their origin is
// allowed, using http.CrossOriginProtection (Sec-Fetch-Site, else Origin
// against Host).
func crossOriginCheck(origins []string, next http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	for _, o := range origins {
		if n, err := normalizeOrigin(o); err == nil {
			_ = p.AddTrustedOrigin(n)
		}
	}
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusForbidden, "cross-origin request refused (see --cors-origin)", nil)
	}))
	return p.Handler(next)
}

// needsAuth reports whether path is protected by the token.
func needsAuth(path string) bool {
	return path == "/api" || strings.HasPrefix(path, "/api/") || path == "/metrics"
}

// isSSEPath reports whether path is one of the SSE routes:
// /api/projects/{pid}/events or /api/projects/{pid}/runs/{rid}/logs.
func isSSEPath(path string) bool {
	seg := strings.Split(strings.TrimPrefix(path, "/"), "/")
	switch {
	case len(seg) == 4 && seg[0] == "api" && seg[1] == "projects" && seg[3] == "events":
		return seg[2] != ""
	case len(seg) == 6 && seg[0] == "api" && seg[1] == "projects" && seg[3] == "runs" && seg[5] == "logs":
		return seg[2] != "" && seg[4] != ""
	}
	return false
}

// requireToken answers 401 to protected requests without the token. The
// comparison is constant-time (over SHA-256 digests, so the length does
// not leak either).
func requireToken(token string, next http.Handler) http.Handler {
	want := sha256.Sum256([]byte(token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !needsAuth(r.URL.Path) || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		got, given := bearerToken(r)
		if !given && isSSEPath(r.URL.Path) {
			got = r.URL.Query().Get("access_token")
			given = got != ""
		}
		sum := sha256.Sum256([]byte(got))
		if given && subtle.ConstantTimeCompare(sum[:], want[:]) == 1 {
			next.ServeHTTP(w, r)
			return
		}
		challenge := `Bearer realm="genglossary"`
		detail := "authentication required: send Authorization: Bearer <token>"
		if given {
			challenge += `, error="invalid_token"`
			detail = "the token is not valid"
		}
		w.Header().Set("WWW-Authenticate", challenge)
		writeProblem(w, http.StatusUnauthorized, detail, nil)
	})
}

// bearerToken returns the token of an "Authorization: Bearer" header and
// whether there was one.
func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", h != ""
	}
	return strings.TrimSpace(tok), true
}
