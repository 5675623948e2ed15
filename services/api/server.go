package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/projections"
)

// Limits bounds requests. Zero fields take the defaults.
type Limits struct {
	// MaxFileSize is the largest document in bytes; default 5 MiB.
	MaxFileSize int64
	// MaxRequestSize bounds a whole request body; default 25 MiB.
	MaxRequestSize int64
	// MaxFilesPerProject bounds a project's documents; default 1000.
	MaxFilesPerProject int
	// MaxFilesPerRequest bounds a bulk upload; default 100.
	MaxFilesPerRequest int
	// MaxSSEClients bounds the open SSE streams of this server; more get
	// 503. Default [DefaultMaxSSEClients].
	MaxSSEClients int
	// MaxSSEClientsPerIP bounds the open SSE streams of one client address;
	// more get 429. Default [DefaultMaxSSEClientsPerIP].
	MaxSSEClientsPerIP int
	// MaxSSEBacklog is how many log messages a client of a run's log
	// stream may trail the server's live tail of that run (a ring shared
	// by all its clients, also bounded to 32 MiB) before it is
	// disconnected with a comment; it resumes with Last-Event-ID. Default
	// [DefaultMaxSSEBacklog].
	MaxSSEBacklog int
}

// Defaults of Limits and Deps.
const (
	DefaultMaxFileSize        = 5 << 20
	DefaultMaxRequestSize     = 25 << 20
	DefaultMaxFilesPerProject = 1000
	DefaultMaxFilesPerRequest = 100
	DefaultKeepAlive          = 5 * time.Second
	DefaultWriteTimeout       = 10 * time.Second
	maxJSONBody               = 1 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = DefaultMaxFileSize
	}
	if l.MaxRequestSize <= 0 {
		l.MaxRequestSize = DefaultMaxRequestSize
	}
	if l.MaxFilesPerProject <= 0 {
		l.MaxFilesPerProject = DefaultMaxFilesPerProject
	}
	if l.MaxFilesPerRequest <= 0 {
		l.MaxFilesPerRequest = DefaultMaxFilesPerRequest
	}
	if l.MaxSSEClients <= 0 {
		l.MaxSSEClients = DefaultMaxSSEClients
	}
	if l.MaxSSEClientsPerIP <= 0 {
		l.MaxSSEClientsPerIP = DefaultMaxSSEClientsPerIP
	}
	if l.MaxSSEBacklog <= 0 {
		l.MaxSSEBacklog = DefaultMaxSSEBacklog
	}
	return l
}

// Deps are what the server needs. Store, Projector, NC and JS are required.
type Deps struct {
	Store     *projections.Store
	Projector *projections.Projector
	NC        *nats.Conn
	JS        jetstream.JetStream
	Logger    *slog.Logger
	Limits    Limits
	// Security is authentication, CORS and the Host check (see
	// [Security]); the zero value is an open API for loopback use.
	Security Security
	// KeepAlive is the idle interval between SSE keepalive comments;
	// default 5s.
	KeepAlive time.Duration
	// WriteTimeout bounds the time to write one JSON response (SSE
	// streams clear it); default 10s.
	WriteTimeout time.Duration
	// MaxLag is how far the projector may trail the stream for /readyz to
	// say ready; default 1000 events.
	MaxLag uint64
	// Metrics, when set, is rendered after the API's own metrics on
	// /metrics (for example the runners' busy slots).
	Metrics func() []Metric
}

// server holds the dependencies shared by handlers.
type server struct {
	Deps
	metrics *metrics
	logs    *logHub
}

// NewServer returns the API as an http.Handler.
func NewServer(d Deps) http.Handler {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.KeepAlive <= 0 {
		d.KeepAlive = DefaultKeepAlive
	}
	if d.WriteTimeout <= 0 {
		d.WriteTimeout = DefaultWriteTimeout
	}
	if d.MaxLag == 0 {
		d.MaxLag = 1000
	}
	d.Limits = d.Limits.withDefaults()
	s := &server{Deps: d, metrics: newMetrics()}
	s.logs = newLogHub(s)
	return s.secure(s.routes())
}
