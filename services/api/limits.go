package api

import (
	"fmt"
	"net"
	"net/http"
	"sync"
)

// Defaults of the SSE client limits in [Limits].
const (
	DefaultMaxSSEClients      = 1000
	DefaultMaxSSEClientsPerIP = 250
	DefaultMaxSSEBacklog      = 1 << 16
)

// sseLimiter counts open SSE streams in total and per client IP.
type sseLimiter struct {
	max, perIP int

	mu    sync.Mutex
	total int
	byIP  map[string]int
}

func newSSELimiter(max, perIP int) *sseLimiter {
	return &sseLimiter{max: max, perIP: perIP, byIP: map[string]int{}}
}

// acquire takes a slot for ip, or returns the problem to answer: 429 when
// ip holds perIP streams, 503 when the server holds max.
func (l *sseLimiter) acquire(ip string) (release func(), err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.byIP[ip] >= l.perIP {
		return nil, errWith(http.StatusTooManyRequests, fmt.Sprintf("too many open event streams from your address (at most %d); close some and retry", l.perIP), nil)
	}
	if l.total >= l.max {
		return nil, errWith(http.StatusServiceUnavailable, fmt.Sprintf("the server has too many open event streams (at most %d); retry later", l.max), nil)
	}
	l.total++
	l.byIP[ip]++
	var once sync.Once
	return func() {
		once.Do(func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			l.total--
			if l.byIP[ip]--; l.byIP[ip] <= 0 {
				delete(l.byIP, ip)
			}
		})
	}, nil
}

// limitSSE bounds the concurrent SSE streams (see [Limits.MaxSSEClients]
// and [Limits.MaxSSEClientsPerIP]). The client address is the TCP peer's:
// behind a reverse proxy every client shares the proxy's address, so raise
// the per-IP limit there.
func (s *server) limitSSE(next http.Handler) http.Handler {
	lim := newSSELimiter(s.Limits.MaxSSEClients, s.Limits.MaxSSEClientsPerIP)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !isSSEPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		ip, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			ip = r.RemoteAddr
		}
		release, err := lim.acquire(ip)
		if err != nil {
			w.Header().Set("Retry-After", "5")
			writeError(w, r, s.Logger, err)
			return
		}
		defer release()
		next.ServeHTTP(w, r)
	})
}
