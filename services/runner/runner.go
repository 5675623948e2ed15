package runner

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// Defaults of [Config].
const (
	// DefaultShutdownGrace is how long in-flight runs may go on after the
	// runner's context ended.
	DefaultShutdownGrace = 10 * time.Second
	// DefaultProgressEvery is the throttle of log.progress events.
	DefaultProgressEvery = 250 * time.Millisecond
)

// pullWait is how long one pull request waits for a run. Short, so that a
// runner stops pulling promptly; a pull is never abandoned early, so a
// message is never delivered to a runner that no longer listens.
const pullWait = time.Second

// ErrInvalidConfig is returned (wrapped) by [New] for a bad [Config]; the
// message names the field.
var ErrInvalidConfig = errors.New("runner: invalid config")

// Errors a run's context is cancelled with; the cause decides how the run
// ends.
var (
	// errCancelRequested: a run.cancel_requested event arrived.
	errCancelRequested = errors.New("cancel requested")
	// errShutdown: the runner is stopping; the run is left for redelivery.
	errShutdown = errors.New("runner shutting down")
	// errConnLost: the NATS connection closed; the run is left for
	// redelivery.
	errConnLost = errors.New("nats connection lost")
	// errTakenOver: a fenced publish found another attempt's event or a
	// terminal event on the run; the attempt stops without ending the run.
	errTakenOver = errors.New("run taken over by another attempt")
	// errLogBehind: another attempt ended the run's log (see
	// emitter.publishLog).
	errLogBehind = errors.New("run log written by another attempt")
)

// Config configures a [Runner]. JS and Engine are required.
type Config struct {
	// JS is the JetStream context; the streams, the consumer and the object
	// stores must exist (see [events.Setup]).
	JS jetstream.JetStream
	// NC is the connection cancellation requests are received on. Default:
	// JS.Conn().
	NC *nats.Conn
	// ID names this runner in run.started events and logs. Default: the
	// host name plus a short random suffix.
	ID string
	// Concurrency is the number of runs executed at once (slots). Default 1.
	Concurrency int
	// Engine builds the engine of each run from the project's settings. API
	// keys come from the runner's environment inside this function, never
	// from events. See [EngineFromSettings].
	Engine EngineFactory
	// Logger receives the runner's own logs. Default: discard.
	Logger *slog.Logger
	// Heartbeat is the interval of InProgress acks while a run executes.
	// Default: a third of the consumer's AckWait.
	Heartbeat time.Duration
	// MaxAttempts is how many deliveries of a run are executed; the next one
	// ends the run failed ("runner lost"). Default: the consumer's
	// MaxDeliver-1 (see [events.SetupConfig]), else
	// [events.DefaultMaxAttempts]. It is capped at MaxDeliver-1, since a run
	// attempted on the last delivery could never be failed.
	MaxAttempts int
	// ShutdownGrace is how long in-flight runs may finish after Run's
	// context ended; then they are cancelled without a terminal event and
	// left for redelivery. Default [DefaultShutdownGrace].
	ShutdownGrace time.Duration
	// ProgressEvery throttles log.progress events. Default
	// [DefaultProgressEvery]. Domain run.progress events are published at
	// most once per second and at each step's end.
	ProgressEvery time.Duration
	// Secrets are values (API keys) to redact from error messages and logs
	// in events, on top of anything that looks like a key. Optional.
	Secrets []string
	// MaxLogLine caps the message of a log.line event in bytes; a longer
	// one is cut on a rune boundary and ends with [TruncatedMarker].
	// Default [DefaultMaxLogLine]; at least 256.
	MaxLogLine int
	// MaxRunDuration caps one attempt of a run: when it is exceeded the run
	// is cancelled and ends failed, saying so. Default
	// [DefaultMaxRunDuration].
	MaxRunDuration time.Duration
}

// withDefaults fills the defaults that need no I/O.
func (c Config) withDefaults() Config {
	if c.NC == nil && c.JS != nil {
		c.NC = c.JS.Conn()
	}
	if c.ID == "" {
		c.ID = defaultID()
	}
	c.Concurrency = cmp.Or(c.Concurrency, 1)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	c.ShutdownGrace = cmp.Or(c.ShutdownGrace, DefaultShutdownGrace)
	c.ProgressEvery = cmp.Or(c.ProgressEvery, DefaultProgressEvery)
	c.MaxLogLine = cmp.Or(c.MaxLogLine, DefaultMaxLogLine)
	c.MaxRunDuration = cmp.Or(c.MaxRunDuration, DefaultMaxRunDuration)
	return c
}

func (c Config) validate() error {
	switch {
	case c.JS == nil:
		return fmt.Errorf("%w: JS is required", ErrInvalidConfig)
	case c.NC == nil:
		return fmt.Errorf("%w: NC is required", ErrInvalidConfig)
	case c.Engine == nil:
		return fmt.Errorf("%w: Engine is required", ErrInvalidConfig)
	case c.Concurrency < 1:
		return fmt.Errorf("%w: Concurrency must be >= 1, got %d", ErrInvalidConfig, c.Concurrency)
	case c.Heartbeat < 0:
		return fmt.Errorf("%w: Heartbeat must not be negative", ErrInvalidConfig)
	case c.MaxAttempts < 0:
		return fmt.Errorf("%w: MaxAttempts must not be negative", ErrInvalidConfig)
	case c.ShutdownGrace < 0:
		return fmt.Errorf("%w: ShutdownGrace must not be negative", ErrInvalidConfig)
	case c.ProgressEvery < 0:
		return fmt.Errorf("%w: ProgressEvery must not be negative", ErrInvalidConfig)
	case c.MaxLogLine < minLogLine:
		return fmt.Errorf("%w: MaxLogLine must be at least %d bytes, got %d", ErrInvalidConfig, minLogLine, c.MaxLogLine)
	case c.MaxRunDuration < 0:
		return fmt.Errorf("%w: MaxRunDuration must not be negative", ErrInvalidConfig)
	}
	return nil
}

func defaultID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "runner"
	}
	var b [3]byte
	_, _ = rand.Read(b[:])
	return host + "-" + hex.EncodeToString(b[:])
}

// Runner executes runs from the shared runners' consumer. Create it with
// [New] and start it with [Runner.Run].
type Runner struct {
	cfg    Config
	logger *slog.Logger
	busy   atomic.Int32

	// Set by Run from the consumer's info.
	cons        jetstream.Consumer
	heartbeat   time.Duration
	maxAttempts int
	// replies receives the direct reads of every run's project load on
	// one subscription (see events.Replies).
	replies *events.Replies

	mu     sync.Mutex
	active map[string]*activeRun // by run id

	// replicas of the events stream, re-read at most every
	// replicasRefresh: projectstate reads replicated streams through
	// their leader (see projectstate.Load), and an operator may scale the
	// stream while the runner runs.
	replicasMu sync.Mutex
	replicas   int
	replicasAt time.Time
}

// replicasRefresh is how long the runner trusts the replica count it read.
const replicasRefresh = time.Minute

func (r *Runner) setReplicas(n int) {
	r.replicasMu.Lock()
	r.replicas, r.replicasAt = max(n, 1), time.Now()
	r.replicasMu.Unlock()
}

// streamReplicas returns the events stream's replica count, re-reading it
// when older than replicasRefresh; on a failed read it keeps the last one.
func (r *Runner) streamReplicas(ctx context.Context) int {
	r.replicasMu.Lock()
	n, at := r.replicas, r.replicasAt
	r.replicasMu.Unlock()
	if time.Since(at) < replicasRefresh {
		return n
	}
	st, err := r.cfg.JS.Stream(ctx, events.EventsStream)
	if err != nil {
		r.logger.Warn("re-read the events stream's replicas", "err", err)
		return n
	}
	n = max(st.CachedInfo().Config.Replicas, 1)
	r.setReplicas(n)
	return n
}

// activeRun is a run this runner holds.
type activeRun struct {
	projectID string
	cancel    context.CancelCauseFunc
}

// New returns a runner for cfg with defaults applied. Errors wrap
// [ErrInvalidConfig].
func New(cfg Config) (*Runner, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return &Runner{
		cfg:    cfg,
		logger: cfg.Logger.With("runner_id", cfg.ID),
		active: map[string]*activeRun{},
	}, nil
}

// ID returns the runner's id, as put in run.started events.
func (r *Runner) ID() string { return r.cfg.ID }

// Busy returns the number of slots in use.
func (r *Runner) Busy() int { return int(r.busy.Load()) }

// Run pulls and executes runs until ctx ends, then shuts down: it stops
// pulling, lets in-flight runs finish within ShutdownGrace, and cancels the
// rest without a terminal event, Nak-ing their messages for redelivery. It
// returns nil after a shutdown caused by ctx, or an error when it cannot
// start (consumer missing) or the NATS connection closed.
func (r *Runner) Run(ctx context.Context) error {
	cons, err := r.cfg.JS.Consumer(ctx, events.EventsStream, events.RunnersConsumer)
	if err != nil {
		return fmt.Errorf("runner: consumer %s: %w", events.RunnersConsumer, err)
	}
	r.cons = cons
	st, err := r.cfg.JS.Stream(ctx, events.EventsStream)
	if err != nil {
		return fmt.Errorf("runner: stream %s: %w", events.EventsStream, err)
	}
	r.setReplicas(st.CachedInfo().Config.Replicas)
	info := cons.CachedInfo()
	r.heartbeat = cmp.Or(r.cfg.Heartbeat, info.Config.AckWait/3, events.DefaultAckWait/3)
	r.maxAttempts = r.cfg.MaxAttempts
	if md := info.Config.MaxDeliver; md > 1 {
		if r.maxAttempts == 0 || r.maxAttempts > md-1 {
			if r.maxAttempts > md-1 {
				r.logger.Warn("MaxAttempts capped by the consumer's MaxDeliver", "max_attempts", r.maxAttempts, "max_deliver", md)
			}
			r.maxAttempts = md - 1
		}
	}
	r.maxAttempts = cmp.Or(r.maxAttempts, events.DefaultMaxAttempts)

	sub, err := r.subscribeCancels(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = sub.Unsubscribe() }()
	if r.replies, err = events.NewReplies(r.cfg.JS.Conn()); err != nil {
		return fmt.Errorf("runner: %w", err)
	}
	defer func() { _ = r.replies.Close() }()

	r.logger.Info("runner started", "slots", r.cfg.Concurrency, "heartbeat", r.heartbeat, "max_attempts", r.maxAttempts)
	var wg sync.WaitGroup
	runErr := r.pull(ctx, &wg)
	r.shutdown(&wg)
	r.logger.Info("runner stopped")
	return runErr
}

// pull fetches one message per free slot until ctx ends. Each message is
// handled in its own goroutine, tracked by wg.
func (r *Runner) pull(ctx context.Context, wg *sync.WaitGroup) error {
	slots := make(chan struct{}, r.cfg.Concurrency)
	backoff := 100 * time.Millisecond
	for {
		select {
		case <-ctx.Done():
			return nil
		case slots <- struct{}{}:
		}
		msg, err := r.next()
		if err != nil {
			<-slots
			if errors.Is(err, nats.ErrConnectionClosed) || r.cfg.NC.IsClosed() {
				return fmt.Errorf("runner: pull: %w", nats.ErrConnectionClosed)
			}
			r.logger.Warn("pull failed", "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 5*time.Second)
			continue
		}
		backoff = 100 * time.Millisecond
		if msg == nil {
			<-slots
			continue
		}
		if ctx.Err() != nil {
			// Arrived while stopping: hand it straight back.
			_ = msg.Nak()
			<-slots
			return nil
		}
		r.busy.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { r.busy.Add(-1); <-slots }()
			r.handle(context.WithoutCancel(ctx), msg)
		}()
	}
}

// next pulls at most one message, waiting up to pullWait; nil when none
// came.
func (r *Runner) next() (jetstream.Msg, error) {
	batch, err := r.cons.Fetch(1, jetstream.FetchMaxWait(pullWait))
	if err != nil {
		return nil, err
	}
	var msg jetstream.Msg
	for m := range batch.Messages() {
		msg = m
	}
	if err := batch.Error(); err != nil && msg == nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) {
		return nil, err
	}
	return msg, nil
}

// shutdown waits for in-flight runs for ShutdownGrace, then cancels the
// rest (they Nak their messages) and waits for them to return.
func (r *Runner) shutdown(wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	if r.Busy() > 0 {
		r.logger.Info("waiting for in-flight runs", "runs", r.Busy(), "grace", r.cfg.ShutdownGrace)
	}
	grace := time.NewTimer(r.cfg.ShutdownGrace)
	defer grace.Stop()
	select {
	case <-done:
		return
	case <-grace.C:
	}
	r.mu.Lock()
	for id, a := range r.active {
		r.logger.Info("grace period over; leaving the run for another runner", "run_id", id, "project_id", a.projectID)
		a.cancel(errShutdown)
	}
	r.mu.Unlock()
	// Engines must honour their context; do not hang forever on one that
	// does not.
	hard := time.NewTimer(publishTimeout)
	defer hard.Stop()
	select {
	case <-done:
	case <-hard.C:
		r.logger.Error("runs did not stop after cancellation", "runs", r.Busy())
	}
}

// cancelSubject returns the wildcard subject of every run.cancel_requested
// event, derived from events.RunSubject.
func cancelSubject() (string, error) {
	probe := events.NewID()
	subj, err := events.RunSubject(probe, probe, events.TypeRunCancelRequested)
	if err != nil {
		return "", err
	}
	return strings.ReplaceAll(subj, probe, "*"), nil
}

// subscribeCancels subscribes (core NATS) to cancellation requests and
// cancels the matching held run.
func (r *Runner) subscribeCancels(ctx context.Context) (*nats.Subscription, error) {
	subj, err := cancelSubject()
	if err != nil {
		return nil, err
	}
	sub, err := r.cfg.NC.Subscribe(subj, func(m *nats.Msg) {
		_, runID, _, err := events.ParseSubject(m.Subject)
		if err != nil {
			return
		}
		r.cancelRun(runID, errCancelRequested)
	})
	if err != nil {
		return nil, fmt.Errorf("runner: subscribe %s: %w", subj, err)
	}
	fctx, cancel := context.WithTimeout(ctx, publishTimeout)
	defer cancel()
	if err := r.cfg.NC.FlushWithContext(fctx); err != nil {
		_ = sub.Unsubscribe()
		return nil, fmt.Errorf("runner: subscribe %s: %w", subj, err)
	}
	return sub, nil
}

// cancelRun cancels the held run runID with cause, if this runner holds it.
func (r *Runner) cancelRun(runID string, cause error) {
	r.mu.Lock()
	a := r.active[runID]
	r.mu.Unlock()
	if a != nil {
		r.logger.Info("cancelling run", "run_id", runID, "project_id", a.projectID, "cause", cause.Error())
		a.cancel(cause)
	}
}

func (r *Runner) register(projectID, runID string, cancel context.CancelCauseFunc) {
	r.mu.Lock()
	r.active[runID] = &activeRun{projectID: projectID, cancel: cancel}
	r.mu.Unlock()
}

func (r *Runner) unregister(runID string) {
	r.mu.Lock()
	delete(r.active, runID)
	r.mu.Unlock()
}
