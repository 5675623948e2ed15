package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/natsembed"
	"github.com/genglossary/genglossary/projections"
	"github.com/genglossary/genglossary/services/api"
	"github.com/genglossary/genglossary/services/runner"
)

// natsFlags are the flags shared by serve, runner and reproject to reach
// JetStream and size its streams.
type natsFlags struct {
	url, credsFile *string
	replicas       *int
	logMaxAge      *time.Duration
	logMaxBytes    *int64
	ackWait        *time.Duration
	maxAttempts    *int
	auth           *natsAuthFlags
}

func addNATSFlags(fs *flag.FlagSet, getenv func(string) string) *natsFlags {
	return &natsFlags{
		url:         fs.String("nats-url", getenv("GENGLOSSARY_NATS_URL"), "use this NATS server or cluster (comma-separated URLs) instead of an embedded one [GENGLOSSARY_NATS_URL]"),
		credsFile:   fs.String("nats-creds", getenv("GENGLOSSARY_NATS_CREDS"), "NATS credentials `FILE` for --nats-url [GENGLOSSARY_NATS_CREDS]"),
		auth:        addNATSAuthFlags(fs, getenv),
		replicas:    fs.Int("replicas", envInt(getenv, "GENGLOSSARY_REPLICAS", 1), "stream replicas (3 on a NATS cluster) [GENGLOSSARY_REPLICAS]"),
		logMaxAge:   fs.Duration("log-max-age", envDuration(getenv, "GENGLOSSARY_LOG_MAX_AGE", events.DefaultLogMaxAge), "how long run logs are kept [GENGLOSSARY_LOG_MAX_AGE]"),
		logMaxBytes: fs.Int64("log-max-bytes", int64(envInt(getenv, "GENGLOSSARY_LOG_MAX_BYTES", int(events.DefaultLogMaxBytes))), "size cap of the run log stream [GENGLOSSARY_LOG_MAX_BYTES]"),
		ackWait:     fs.Duration("ack-wait", envDuration(getenv, "GENGLOSSARY_ACK_WAIT", events.DefaultAckWait), "how long a silent runner keeps a run before it is redelivered [GENGLOSSARY_ACK_WAIT]"),
		maxAttempts: fs.Int("max-attempts", envInt(getenv, "GENGLOSSARY_MAX_ATTEMPTS", events.DefaultMaxAttempts), "attempts of a run before it fails as lost [GENGLOSSARY_MAX_ATTEMPTS]"),
	}
}

func (n *natsFlags) setup() events.SetupConfig {
	return events.SetupConfig{Replicas: *n.replicas, LogMaxAge: *n.logMaxAge, LogMaxBytes: *n.logMaxBytes, AckWait: *n.ackWait, MaxAttempts: *n.maxAttempts}
}

// connectExternal connects to --nats-url, retrying with backoff until ctx
// ends, and says so in the log.
func (n *natsFlags) connectExternal(ctx context.Context, log *slog.Logger, name string) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil { // nil: closed on purpose
				log.Warn("NATS disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("NATS reconnected", "url", c.ConnectedUrlRedacted()) }),
	}
	if *n.credsFile != "" {
		opts = append(opts, nats.UserCredentials(*n.credsFile))
	}
	auth, err := n.auth.clientOptions()
	if err != nil {
		return nil, err
	}
	opts = append(opts, auth...)
	backoff := 500 * time.Millisecond
	for {
		nc, err := nats.Connect(*n.url, opts...)
		if err == nil {
			if v := nc.ConnectedServerVersion(); !serverAtLeast(v, minNATSMajor, minNATSMinor) {
				nc.Close()
				return nil, fmt.Errorf("%w: the NATS server is %s; genglossary needs %d.%d or later (its conditional publishes use the Nats-Expected-Last-Subject-Sequence-Subject header)",
					errNATSTooOld, v, minNATSMajor, minNATSMinor)
			}
			return nc, nil
		}
		log.Warn("NATS not reachable; retrying", "err", err, "retry_in", backoff.String())
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("connect to NATS: %w", err)
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 10*time.Second)
	}
}

// The oldest NATS server --nats-url may name: 2.11 added the
// Nats-Expected-Last-Subject-Sequence-Subject header that run requests,
// claims and run events are published with; an older server ignores it
// and checks the message's own subject instead, so every run request
// would conflict.
const (
	minNATSMajor = 2
	minNATSMinor = 11
)

// errNATSTooOld is returned when --nats-url names a server older than
// minNATSMajor.minNATSMinor.
var errNATSTooOld = errors.New("NATS server too old")

// serverAtLeast reports whether a server version ("2.11.3", "v2.12.0-RC.1")
// is major.minor or later; a version it cannot read passes (a server of
// another make, or a new scheme, is left to fail on its own).
func serverAtLeast(version string, major, minor int) bool {
	parts := strings.SplitN(strings.TrimPrefix(strings.TrimSpace(version), "v"), ".", 3)
	if len(parts) < 2 {
		return true
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(strings.SplitN(parts[1], "-", 2)[0])
	if err1 != nil || err2 != nil {
		return true
	}
	return ma > major || ma == major && mi >= minor
}

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(getenv(key)); err == nil {
		return d
	}
	return def
}

// quieter keeps only warnings and errors of log unless it logs debug: the
// embedded nats-server's start-up banner and notices are noise otherwise.
func quieter(log *slog.Logger) *slog.Logger {
	if log.Enabled(context.Background(), slog.LevelDebug) {
		return log
	}
	return slog.New(minLevel{Handler: log.Handler(), min: slog.LevelWarn})
}

// minLevel is a slog.Handler that drops records under min.
type minLevel struct {
	slog.Handler
	min slog.Level
}

func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h minLevel) WithAttrs(attrs []slog.Attr) slog.Handler {
	return minLevel{Handler: h.Handler.WithAttrs(attrs), min: h.min}
}

func (h minLevel) WithGroup(name string) slog.Handler {
	return minLevel{Handler: h.Handler.WithGroup(name), min: h.min}
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// runnerEngines builds each run's engine from the project's settings; the
// API key comes from this process's environment, never from events, and is
// redacted from anything the runner publishes.
func runnerEngines(getenv func(string) string, apiKeyEnv string, concurrency int, log *slog.Logger) (runner.EngineFactory, []string) {
	key := getenv(apiKeyEnv)
	var secrets []string
	if key != "" {
		secrets = append(secrets, key)
	}
	return runner.EngineFromSettings(engine.Config{APIKey: key, Concurrency: concurrency, Logger: log}), secrets
}

func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var (
		dataDir    = fs.String("data-dir", envOr(getenv, "GENGLOSSARY_DATA_DIR", "./data"), "where the embedded NATS store and the SQLite read model live [GENGLOSSARY_DATA_DIR]")
		listen     = fs.String("listen", envOr(getenv, "GENGLOSSARY_LISTEN", "127.0.0.1:8080"), "HTTP address of the API and GUI [GENGLOSSARY_LISTEN]")
		natsListen = fs.String("nats-listen", envOrEmpty(getenv, "GENGLOSSARY_NATS_LISTEN", "127.0.0.1:4222"), "client address of the embedded NATS server for the nats CLI; empty disables it [GENGLOSSARY_NATS_LISTEN]")
		runners    = fs.Int("runners", envInt(getenv, "GENGLOSSARY_RUNNERS", 1), "embedded runners (0: runs wait for external runners) [GENGLOSSARY_RUNNERS]")
		slots      = fs.Int("runner-concurrency", envInt(getenv, "GENGLOSSARY_RUNNER_CONCURRENCY", 1), "runs each embedded runner executes at once [GENGLOSSARY_RUNNER_CONCURRENCY]")
		llmConc    = fs.Int("llm-concurrency", envInt(getenv, "GENGLOSSARY_CONCURRENCY", 4), "parallel LLM calls per run [GENGLOSSARY_CONCURRENCY]")
		apiKeyEnv  = fs.String("api-key-env", "OPENAI_API_KEY", "environment `VARIABLE` holding the LLM API key for openai projects")
		logLevel   = fs.String("log-level", envOr(getenv, "GENGLOSSARY_LOG_LEVEL", "info"), "debug, info, warn or error [GENGLOSSARY_LOG_LEVEL]")
		nf         = addNATSFlags(fs, getenv)
		sf         = addSecurityFlags(fs, getenv)
		rl         = addRunLimitFlags(fs, getenv)
	)
	if done, err := parseFlags(fs, args, stderr, "Usage: genglossary serve [flags]\n\nRuns the API and GUI, the projector, embedded runners and (unless --nats-url) an embedded NATS server.\n\nFlags:\n"); done || err != nil {
		return err
	}
	log := newLogger(stderr, *logLevel)
	sec, err := sf.resolve(ctx, getenv, *listen, *natsListen, nf)
	if err != nil {
		return err
	}

	// Claim the HTTP port first: a port in use is a one-line error.
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		if isAddrInUse(err) {
			return fmt.Errorf("HTTP address %s is in use; choose another with --listen", *listen)
		}
		return fmt.Errorf("--listen %s: %w", *listen, err)
	}
	defer ln.Close()

	// HTTP comes up at once: /healthz answers, /readyz and the API say 503
	// until NATS is reachable and the read model is open (startup.go).
	gate := newStartupHandler("connecting to NATS")
	srv := &http.Server{
		Handler:           gate,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute,
		WriteTimeout:      5 * time.Minute, // SSE streams clear their own deadline
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, *runners+2)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("http: %w", err)
		}
	}()
	// stop ends HTTP, then the runners and the projector; it runs before the
	// read model and NATS are closed, on every return path.
	stop := sync.OnceFunc(func() {
		shutdownCtx, done := context.WithTimeout(context.Background(), 15*time.Second)
		defer done()
		_ = srv.Shutdown(shutdownCtx)
		cancel()
		wg.Wait()
	})
	defer stop()
	if *nf.url != "" {
		// An external NATS may keep serve waiting; say where /readyz is.
		log.Info("HTTP listening; the API answers 503 until NATS and the read model are ready", "addr", ln.Addr().String())
	}

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		return fmt.Errorf("create --data-dir: %w", err)
	}
	nc, shutdownNATS, natsURL, err := startNATS(ctx, nf, *dataDir, *natsListen, log)
	if err != nil {
		return err
	}
	defer func() { stop(); shutdownNATS() }()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	gate.wait("setting up streams")
	if err := events.Setup(ctx, js, nf.setup()); err != nil {
		return fmt.Errorf("set up streams: %w", err)
	}

	gate.wait("opening the read model")
	dbPath := filepath.Join(*dataDir, "genglossary.db")
	checkReadModelMissing(ctx, dbPath, js, log)
	store, err := openStore(ctx, dbPath, log)
	if err != nil {
		return err
	}
	defer func() { stop(); store.Close() }()
	proj := projections.NewProjector(store, js, projections.Config{Logger: log.With("component", "projector")})
	wg.Go(func() { announceRebuilt(ctx, proj, js, log) })

	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := proj.Run(ctx); err != nil && ctx.Err() == nil {
			errc <- fmt.Errorf("projector: %w", err)
		}
	}()
	var rs []*runner.Runner
	engines, secrets := runnerEngines(getenv, *apiKeyEnv, *llmConc, log)
	for i := 0; i < *runners; i++ {
		r, err := runner.New(runner.Config{
			JS: js, NC: nc, Concurrency: *slots, Logger: log.With("component", "runner"),
			Engine: engines, Secrets: secrets, MaxAttempts: *nf.maxAttempts,
			MaxLogLine: *rl.maxLogLine, MaxRunDuration: *rl.maxRunDuration,
		})
		if err != nil {
			return fmt.Errorf("runner: %w", err)
		}
		rs = append(rs, r)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.Run(ctx); err != nil && ctx.Err() == nil {
				errc <- fmt.Errorf("runner: %w", err)
			}
		}()
	}

	handler := api.NewServer(api.Deps{
		Store: store, Projector: proj, NC: nc, JS: js, Logger: log.With("component", "api"),
		Limits: sf.limits(), Security: sec,
		Metrics: func() []api.Metric {
			busy := 0
			for _, r := range rs {
				busy += r.Busy()
			}
			return []api.Metric{
				{Name: "genglossary_runner_slots_busy", Help: "Run slots in use in this process's runners.", Type: "gauge", Value: float64(busy)},
				{Name: "genglossary_runner_slots", Help: "Run slots of this process's runners.", Type: "gauge", Value: float64(len(rs) * *slots)},
			}
		},
	})
	gate.ready(handler)
	natsNote := "nats: in-process only"
	if natsURL != "" {
		natsNote = "nats: " + natsURL
	}
	fmt.Fprintf(stdout, "GenGlossary is serving on http://%s (%s, data: %s, runners: %d)\n", ln.Addr(), natsNote, *dataDir, *runners)

	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-errc:
	}
	log.Info("shutting down")
	stop()
	return runErr
}

func envOrEmpty(getenv func(string) string, key, def string) string {
	if v, ok := lookup(getenv, key); ok {
		return v
	}
	return def
}

// lookup treats a variable set to "-" or "none" as explicitly empty, since
// getenv cannot tell unset from empty.
func lookup(getenv func(string) string, key string) (string, bool) {
	v := getenv(key)
	switch strings.ToLower(v) {
	case "":
		return "", false
	case "-", "none", "off":
		return "", true
	}
	return v, true
}

func isAddrInUse(err error) bool {
	return err != nil && (errors.Is(err, natsembed.ErrAddrInUse) || strings.Contains(err.Error(), "address already in use"))
}

// startNATS connects to --nats-url, or starts the embedded server under
// dataDir/nats. It returns the connection, a shutdown func and the client
// URL the nats CLI can use ("" when there is none).
func startNATS(ctx context.Context, nf *natsFlags, dataDir, natsListen string, log *slog.Logger) (*nats.Conn, func(), string, error) {
	if *nf.url != "" {
		nc, err := nf.connectExternal(ctx, log, "genglossary")
		if err != nil {
			return nil, nil, "", err
		}
		return nc, func() { _ = nc.Drain() }, nc.ConnectedUrlRedacted(), nil
	}
	ecfg := natsembed.Config{StoreDir: filepath.Join(dataDir, "nats"), Listen: natsListen, Logger: quieter(log).With("component", "nats")}
	if err := nf.auth.embedded(&ecfg); err != nil {
		return nil, nil, "", err
	}
	srv, err := natsembed.Start(ctx, ecfg)
	if err != nil {
		if errors.Is(err, natsembed.ErrAddrInUse) {
			return nil, nil, "", fmt.Errorf("NATS address %s is in use; choose another with --nats-listen (or --nats-listen= to disable it)", natsListen)
		}
		return nil, nil, "", fmt.Errorf("start embedded NATS: %w", err)
	}
	nc, err := srv.Connect(nats.Name("genglossary"))
	if err != nil {
		_ = srv.Shutdown(context.Background())
		return nil, nil, "", fmt.Errorf("connect to embedded NATS: %w", err)
	}
	stop := func() {
		_ = nc.Drain()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}
	return nc, stop, srv.ClientURL(), nil
}

// openStore opens the read model; a corrupt file is set aside and rebuilt
// from the streams by the projector, with a log line saying so.
func openStore(ctx context.Context, path string, log *slog.Logger) (*projections.Store, error) {
	store, err := projections.Open(ctx, path)
	if err == nil {
		return store, nil
	}
	if !errors.Is(err, projections.ErrCorrupt) {
		return nil, fmt.Errorf("open read model: %w", err)
	}
	aside := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405")
	log.Warn("read model is corrupt; setting it aside and rebuilding it from the streams", "moved_to", filepath.Base(aside), "err", err)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Rename(path+suffix, aside+suffix)
	}
	store, err = projections.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open read model: %w", err)
	}
	return store, nil
}
