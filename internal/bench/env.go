package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/projections"
	"github.com/genglossary/genglossary/services/api"
	"github.com/genglossary/genglossary/services/runner"
)

// env is the whole service in one process: an embedded nats-server with
// the streams set up, a SQLite read model with its projector, the HTTP API
// on a loopback port, and runners started per scenario.
type env struct {
	dir   string
	srv   *natsembed.Server
	nc    *nats.Conn
	js    jetstream.JetStream
	store *projections.Store
	proj  *projections.Projector
	http  *http.Server
	url   string
	log   *slog.Logger

	projStop func()
	client   *http.Client
}

// benchMaxSSEClients is the SSE client limit of the bench's API server.
const benchMaxSSEClients = 100000

// startEnv starts everything but the runners under dir.
func startEnv(ctx context.Context, dir string, log *slog.Logger) (_ *env, err error) {
	e := &env{dir: dir, log: log}
	defer func() {
		if err != nil {
			e.close()
		}
	}()
	e.srv, err = natsembed.Start(ctx, natsembed.Config{StoreDir: filepath.Join(dir, "nats")})
	if err != nil {
		return nil, err
	}
	if e.nc, err = e.srv.Connect(nats.Name("genglossary-bench")); err != nil {
		return nil, err
	}
	if e.js, err = jetstream.New(e.nc); err != nil {
		return nil, fmt.Errorf("bench: jetstream: %w", err)
	}
	if err := events.Setup(ctx, e.js, events.SetupConfig{}); err != nil {
		return nil, err
	}
	if e.store, err = projections.Open(ctx, filepath.Join(dir, "read.db")); err != nil {
		return nil, err
	}
	e.proj = projections.NewProjector(e.store, e.js, projections.Config{Logger: log.With("component", "projector")})
	pctx, pcancel := context.WithCancel(context.WithoutCancel(ctx))
	var pwg sync.WaitGroup
	pwg.Go(func() { _ = e.proj.Run(pctx) })
	e.projStop = func() { pcancel(); pwg.Wait() }

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bench: listen: %w", err)
	}
	e.http = &http.Server{
		// Every bench client comes from 127.0.0.1: lift the SSE client
		// limits (per address 250 by default) above --log-clients.
		Handler: api.NewServer(api.Deps{Store: e.store, Projector: e.proj, NC: e.nc, JS: e.js, Logger: log.With("component", "api"),
			Limits: api.Limits{MaxSSEClients: benchMaxSSEClients, MaxSSEClientsPerIP: benchMaxSSEClients}}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() { _ = e.http.Serve(ln) }()
	e.url = "http://" + ln.Addr().String()
	e.client = &http.Client{Transport: &http.Transport{
		MaxIdleConns:        4096,
		MaxIdleConnsPerHost: 4096,
		IdleConnTimeout:     30 * time.Second,
		DisableCompression:  true,
	}}
	return e, nil
}

// startRunners starts n runners, each with one slot and its own NATS
// connection (as separate runner processes would have), and returns a
// function that stops them and waits.
func (e *env) startRunners(ctx context.Context, n int) (stop func(), err error) {
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	var conns []*nats.Conn
	stop = func() {
		cancel()
		wg.Wait()
		for _, c := range conns {
			c.Close()
		}
	}
	factory := func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
		return engine.New(engine.Config{Provider: engine.Builtin})
	}
	for i := range n {
		nc, err := e.srv.Connect(nats.Name(fmt.Sprintf("bench-runner-%d", i)))
		if err != nil {
			stop()
			return nil, err
		}
		conns = append(conns, nc)
		js, err := jetstream.New(nc)
		if err != nil {
			stop()
			return nil, fmt.Errorf("bench: jetstream: %w", err)
		}
		r, err := runner.New(runner.Config{JS: js, NC: nc, ID: fmt.Sprintf("bench-%d", i), Engine: factory,
			Logger: e.log.With("component", "runner"), ShutdownGrace: 2 * time.Second})
		if err != nil {
			stop()
			return nil, err
		}
		wg.Go(func() { _ = r.Run(rctx) })
	}
	return stop, nil
}

// close stops everything startEnv started; safe on a partial env.
func (e *env) close() {
	if e.http != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = e.http.Shutdown(ctx)
		cancel()
		_ = e.http.Close()
	}
	if e.client != nil {
		e.client.CloseIdleConnections()
	}
	if e.projStop != nil {
		e.projStop()
	}
	if e.store != nil {
		_ = e.store.Close()
	}
	if e.nc != nil {
		e.nc.Close()
	}
	if e.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = e.srv.Shutdown(ctx)
		cancel()
	}
}

// rawStream creates (or recreates) a file-stored stream for raw baselines,
// on subjects bench.<name>.>, with the same retention and de-duplication
// settings as the domain stream.
func (e *env) rawStream(ctx context.Context, name string) (jetstream.Stream, error) {
	cfg := events.EventsStreamConfig(events.SetupConfig{})
	cfg.Name = "BENCH_" + name
	cfg.Description = "genglossary bench raw baseline"
	cfg.Subjects = []string{"bench." + name + ".>"}
	if err := e.js.DeleteStream(ctx, cfg.Name); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, fmt.Errorf("bench: delete stream %s: %w", cfg.Name, err)
	}
	st, err := e.js.CreateStream(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("bench: create stream %s: %w", cfg.Name, err)
	}
	return st, nil
}

// streamState returns the message count and bytes of a stream.
func (e *env) streamState(ctx context.Context, name string) (msgs, bytes uint64, err error) {
	st, err := e.js.Stream(ctx, name)
	if err != nil {
		return 0, 0, fmt.Errorf("bench: stream %s: %w", name, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("bench: stream %s info: %w", name, err)
	}
	return info.State.Msgs, info.State.Bytes, nil
}

// tempDir makes a scratch directory under dir, or under the system temp
// directory when dir is empty.
func tempDir(dir string) (string, func(), error) {
	d, err := os.MkdirTemp(dir, "genglossary-bench-*")
	if err != nil {
		return "", nil, fmt.Errorf("bench: temp dir: %w", err)
	}
	return d, func() { _ = os.RemoveAll(d) }, nil
}
