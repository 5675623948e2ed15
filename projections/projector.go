package projections

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// Defaults of [Config].
const (
	DefaultBatchSize        = 256
	DefaultSubscriberBuffer = 256
	DefaultMinBackoff       = 100 * time.Millisecond
	DefaultMaxBackoff       = 5 * time.Second
	DefaultLinger           = time.Millisecond
)

// Config configures a [Projector]. The zero value means all defaults.
type Config struct {
	// Logger receives the projector's logs. Default: discard.
	Logger *slog.Logger
	// BatchSize is the most events applied in one transaction: the
	// projector applies what has arrived, up to BatchSize, commits, then
	// notifies. Default [DefaultBatchSize].
	BatchSize int
	// SubscriberBuffer is the channel capacity of each [Projector.Subscribe]
	// subscriber; a subscriber whose buffer is full is dropped. Default
	// [DefaultSubscriberBuffer].
	SubscriberBuffer int
	// Linger is how long a busy projector waits for more events before it
	// commits a batch that is not full: one commit of several events costs
	// about what one commit of one event costs, and when events arrive
	// back to back (many runs at once) committing each alone spends most
	// of the projector's CPU on commits. It applies only when the batch's
	// first event arrived within Linger of the previous commit and comes
	// from another source (run, or project for its other events) than the
	// previous batch's last event: the sign of several runs at once. An
	// idle projector, or one following a single run someone watches,
	// applies each event at once. Default [DefaultLinger]; negative
	// disables it.
	Linger time.Duration
	// MinBackoff and MaxBackoff bound the wait before the consumer is
	// recreated after an error (doubling from MinBackoff). Defaults
	// [DefaultMinBackoff] and [DefaultMaxBackoff].
	MinBackoff, MaxBackoff time.Duration
}

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	if c.Logger == nil {
		c.Logger = discardLogger()
	}
	c.BatchSize = cmp.Or(max(c.BatchSize, 0), DefaultBatchSize)
	c.SubscriberBuffer = cmp.Or(max(c.SubscriberBuffer, 0), DefaultSubscriberBuffer)
	c.Linger = cmp.Or(c.Linger, DefaultLinger)
	c.MinBackoff = cmp.Or(max(c.MinBackoff, 0), DefaultMinBackoff)
	c.MaxBackoff = cmp.Or(max(c.MaxBackoff, 0), DefaultMaxBackoff)
	c.MaxBackoff = max(c.MaxBackoff, c.MinBackoff)
	return c
}

// Change announces an applied event to subscribers (see
// [Projector.Subscribe]).
type Change struct {
	ProjectID string `json:"project_id"`
	// RunID is empty for project and document events.
	RunID string `json:"run_id,omitempty"`
	// Type is the event type, e.g. "run.progress".
	Type string `json:"type"`
	// Seq is the event's stream sequence.
	Seq uint64 `json:"seq"`
}

// Projector consumes the GG_EVENTS stream and applies it to a [Store]. Run
// it with [Projector.Run]; the other methods are safe for concurrent use.
type Projector struct {
	store *Store
	js    jetstream.JetStream
	cfg   Config
	log   *slog.Logger

	running atomic.Bool
	batches atomic.Uint64 // transactions committed by the live projector
	// artifacts is the object store of large results; used only by the
	// goroutine running Run.
	artifacts jetstream.ObjectStore
	// stmts are the statements prepared on the writer; used only by the
	// goroutine running Run.
	stmts stmtCache

	mu       sync.Mutex
	applied  uint64
	advanced chan struct{} // closed and replaced when applied grows
	subs     map[uint64]*subscriber
	nextSub  uint64
}

type subscriber struct {
	projectID string
	ch        chan Change
	closed    bool
}

// NewProjector returns a projector that applies events from js to s,
// starting after s's checkpoint.
func NewProjector(s *Store, js jetstream.JetStream, cfg Config) *Projector {
	cfg = cfg.WithDefaults()
	return &Projector{
		store:    s,
		js:       js,
		cfg:      cfg,
		log:      cfg.Logger,
		applied:  s.applied.Load(),
		advanced: make(chan struct{}),
		subs:     make(map[uint64]*subscriber),
	}
}

// Applied returns the stream sequence of the last event applied.
func (p *Projector) Applied() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.applied
}

// WaitFor returns nil once the event at stream sequence seq (or a later
// one) has been applied and committed, so a query made afterwards sees it.
// It returns ctx's error if ctx ends first.
func (p *Projector) WaitFor(ctx context.Context, seq uint64) error {
	for {
		p.mu.Lock()
		applied, ch := p.applied, p.advanced
		p.mu.Unlock()
		if applied >= seq {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("projections: wait for seq %d (applied %d): %w", seq, applied, context.Cause(ctx))
		}
	}
}

// Lag returns how many stream sequences the read model trails the
// GG_EVENTS stream by: the stream's last sequence minus [Projector.Applied]
// (0 when caught up). Sequences of deleted messages count until a later
// event is applied.
func (p *Projector) Lag(ctx context.Context) (uint64, error) {
	st, err := p.js.Stream(ctx, events.EventsStream)
	if err != nil {
		return 0, fmt.Errorf("projections: lag: stream %s: %w", events.EventsStream, err)
	}
	last := st.CachedInfo().State.LastSeq
	if applied := p.Applied(); last > applied {
		return last - applied, nil
	}
	return 0, nil
}

// Subscribe returns a channel of the changes of projectID ("" for every
// project), sent after each committed batch, and a function that
// unsubscribes (and closes the channel; safe to call more than once). A
// subscriber whose buffer (Config.SubscriberBuffer) is full when a change
// arrives is dropped: its channel is closed without blocking the
// projector, and it should resubscribe and re-read the state.
func (p *Projector) Subscribe(projectID string) (<-chan Change, func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	id := p.nextSub
	p.nextSub++
	sub := &subscriber{projectID: projectID, ch: make(chan Change, p.cfg.SubscriberBuffer)}
	p.subs[id] = sub
	return sub.ch, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if !sub.closed {
			sub.closed = true
			close(sub.ch)
			delete(p.subs, id)
		}
	}
}

// advance records a committed checkpoint and fans the changes out.
func (p *Projector) advance(seq uint64, changes []Change) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if seq > p.applied {
		p.applied = seq
		p.store.applied.Store(seq)
		close(p.advanced)
		p.advanced = make(chan struct{})
	}
	for id, sub := range p.subs {
		for _, c := range changes {
			if sub.projectID != "" && sub.projectID != c.ProjectID {
				continue
			}
			select {
			case sub.ch <- c:
			default:
				p.log.Warn("slow subscriber dropped", "project_id", sub.projectID, "buffer", cap(sub.ch))
				sub.closed = true
				close(sub.ch)
				delete(p.subs, id)
			}
			if sub.closed {
				break
			}
		}
	}
}

// Run consumes GG_EVENTS from the checkpoint + 1 with an ordered consumer
// and applies the events until ctx ends, then returns nil. On errors it
// recreates the consumer from the checkpoint after a backoff. It returns
// [ErrAlreadyRunning] if it is already running.
func (p *Projector) Run(ctx context.Context) error {
	if !p.running.CompareAndSwap(false, true) {
		return ErrAlreadyRunning
	}
	defer p.running.Store(false)
	defer p.stmts.close()
	backoff := p.cfg.MinBackoff
	for {
		before := p.Applied()
		_, err := p.session(ctx, 0)
		if ctx.Err() != nil {
			return nil
		}
		if p.Applied() > before {
			backoff = p.cfg.MinBackoff
		}
		p.log.Warn("projector consumer failed, retrying", "err", err, "applied", p.Applied(), "backoff", backoff)
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		backoff = min(backoff*2, p.cfg.MaxBackoff)
	}
}

// catchUp applies events until the checkpoint reaches target or the stream
// has nothing more, retrying a few times on errors.
func (p *Projector) catchUp(ctx context.Context, target uint64) error {
	defer p.stmts.close()
	backoff := p.cfg.MinBackoff
	var err error
	for range 5 {
		var done bool
		done, err = p.session(ctx, target)
		if done {
			return nil
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		p.log.Warn("replay consumer failed, retrying", "err", err, "applied", p.Applied())
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, p.cfg.MaxBackoff)
	}
	return fmt.Errorf("projections: replay stopped at seq %d of %d: %w", p.Applied(), target, err)
}

// session runs one ordered consumer from the checkpoint + 1 and applies
// batches until ctx ends or an error occurs. With until > 0 it returns
// done once the checkpoint reaches until or the stream holds nothing more.
func (p *Projector) session(ctx context.Context, until uint64) (done bool, err error) {
	start := p.Applied() + 1
	if info, err := p.streamInfo(ctx); err == nil && info.State.LastSeq+1 < start {
		p.log.Error("read model is ahead of the stream (was the stream reset?); run reproject",
			"applied", start-1, "stream_last_seq", info.State.LastSeq)
	}
	cons, err := p.js.OrderedConsumer(ctx, events.EventsStream, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:   start,
	})
	if err != nil {
		return false, fmt.Errorf("projections: ordered consumer: %w", err)
	}
	iter, err := cons.Messages(jetstream.PullMaxMessages(p.cfg.BatchSize))
	if err != nil {
		return false, fmt.Errorf("projections: consume: %w", err)
	}

	msgs := make(chan jetstream.Msg, p.cfg.BatchSize)
	errc := make(chan error, 1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			m, err := iter.Next()
			if err != nil {
				errc <- err
				return
			}
			select {
			case msgs <- m:
			case <-stop:
				return
			}
		}
	})
	defer func() {
		close(stop)
		iter.Stop()
		wg.Wait()
	}()

	batch := make([]jetstream.Msg, 0, p.cfg.BatchSize)
	linger := time.NewTimer(time.Hour)
	linger.Stop()
	var lastCommit time.Time
	var lastSource string
	for {
		batch = batch[:0]
		select {
		case <-ctx.Done():
			return false, context.Cause(ctx)
		case err := <-errc:
			return false, fmt.Errorf("projections: next message: %w", err)
		case m := <-msgs:
			batch = append(batch, m)
		}
		busy := p.cfg.Linger > 0 && time.Since(lastCommit) < p.cfg.Linger && source(batch[0].Subject()) != lastSource
	drain:
		for len(batch) < p.cfg.BatchSize {
			select {
			case m := <-msgs:
				batch = append(batch, m)
			default:
				break drain
			}
		}
		if busy && len(batch) < p.cfg.BatchSize {
			linger.Reset(p.cfg.Linger)
		fill:
			for len(batch) < p.cfg.BatchSize {
				select {
				case m := <-msgs:
					batch = append(batch, m)
				case <-linger.C:
					break fill
				case <-ctx.Done():
					linger.Stop()
					return false, context.Cause(ctx)
				}
			}
			linger.Stop()
		}
		end, err := p.handle(ctx, batch)
		if err != nil {
			return false, err
		}
		lastCommit, lastSource = time.Now(), source(batch[len(batch)-1].Subject())
		if until > 0 && (p.Applied() >= until || end) {
			return true, nil
		}
	}
}

// source returns the part of an event subject that names where it comes
// from: gg.<p>.run.<r> for a run's events, gg.<p>.<kind> for a project's
// other events.
func source(subject string) string {
	root, rest, _ := strings.Cut(subject, ".")
	pid, rest, _ := strings.Cut(rest, ".")
	kind, rest, _ := strings.Cut(rest, ".")
	n := len(root) + 1 + len(pid) + 1 + len(kind)
	if kind == "run" {
		rid, _, _ := strings.Cut(rest, ".")
		n += 1 + len(rid)
	}
	return subject[:min(n, len(subject))]
}

func (p *Projector) streamInfo(ctx context.Context) (*jetstream.StreamInfo, error) {
	st, err := p.js.Stream(ctx, events.EventsStream)
	if err != nil {
		return nil, err
	}
	return st.CachedInfo(), nil
}

// handle decodes, applies and commits one batch, then notifies. end
// reports that the last message had nothing pending after it.
func (p *Projector) handle(ctx context.Context, batch []jetstream.Msg) (end bool, err error) {
	applied := p.Applied()
	items := make([]item, 0, len(batch))
	for _, m := range batch {
		meta, err := m.Metadata()
		if err != nil {
			p.log.Warn("message without metadata skipped", "subject", m.Subject(), "err", err)
			continue
		}
		end = meta.NumPending == 0
		seq := meta.Sequence.Stream
		if seq <= applied {
			continue
		}
		it := decodeItem(seq, m.Subject(), m.Data())
		if it.skip == nil {
			if err := p.loadResult(ctx, &it); err != nil {
				return false, err
			}
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return end, nil
	}
	start := time.Now()
	changes, checkpoint, err := p.applyBatch(ctx, items)
	if err != nil {
		return false, err
	}
	// Counted before the batch is announced: whoever waited for it (a test
	// comparing counts) sees it counted.
	p.batches.Add(1)
	p.advance(checkpoint, changes)
	if d := time.Since(start); d > time.Second {
		p.log.Warn("slow batch", "events", len(items), "seq", checkpoint, "duration", d)
	} else {
		p.log.Debug("batch applied", "events", len(items), "seq", checkpoint, "duration", d)
	}
	return end, nil
}
