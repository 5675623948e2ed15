package natstest

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natsembed"
)

// Option changes what [Start] does.
type Option func(*options)

type options struct {
	listen  string
	setup   events.SetupConfig
	noSetup bool
	config  func(*natsembed.Config)
}

// InProcessOnly starts the server without a TCP listener; ClientURL is then
// empty and only [natsembed.Server.Connect] works. Default: a listener on
// 127.0.0.1 with a random port.
func InProcessOnly() Option { return func(o *options) { o.listen = "" } }

// WithSetupConfig passes c to [events.Setup]. Default: the zero
// SetupConfig (all defaults).
func WithSetupConfig(c events.SetupConfig) Option {
	return func(o *options) { o.setup = c }
}

// WithoutSetup skips [events.Setup]: no streams are created.
func WithoutSetup() Option { return func(o *options) { o.noSetup = true } }

// WithServerConfig lets f adjust the server config (for example auth)
// before the server starts. StoreDir and Listen are already filled in.
func WithServerConfig(f func(*natsembed.Config)) Option {
	return func(o *options) { o.config = f }
}

// Start starts an embedded nats-server with JetStream in t.TempDir(),
// listening on 127.0.0.1 with a random port unless [InProcessOnly], runs
// [events.Setup], and returns the server, an in-process client connection
// and its JetStream context. The connection is closed and the server shut
// down by t.Cleanup. Any failure ends the test with t.Fatal.
func Start(t testing.TB, opts ...Option) (*natsembed.Server, *nats.Conn, jetstream.JetStream) {
	t.Helper()
	o := options{listen: "127.0.0.1:-1"}
	for _, opt := range opts {
		opt(&o)
	}
	cfg := natsembed.Config{StoreDir: t.TempDir(), Listen: o.listen}
	if o.config != nil {
		o.config(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	srv, err := natsembed.Start(ctx, cfg)
	if err != nil {
		t.Fatalf("natstest: start server: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("natstest: shutdown: %v", err)
		}
	})

	nc, err := srv.Connect(nats.Name("natstest"))
	if err != nil {
		t.Fatalf("natstest: connect: %v", err)
	}
	t.Cleanup(nc.Close)

	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatalf("natstest: jetstream: %v", err)
	}
	if !o.noSetup {
		if err := events.Setup(ctx, js, o.setup); err != nil {
			t.Fatalf("natstest: setup streams: %v", err)
		}
	}
	return srv, nc, js
}
