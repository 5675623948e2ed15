package bench

import (
	"context"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/projections"
)

// runThroughput measures many trivial runs (scope extract on a one-line
// document, one per project) from POST to completed in the projection, with
// cfg.Runners runners, against JetStream async publish + durable consume
// of as many messages, of the same sizes, as those runs wrote.
func runThroughput(ctx context.Context, e *env, cfg Config) ([]Result, error) {
	cfg.Progress(fmt.Sprintf("throughput: %d projects", cfg.Projects))
	pids := make([]string, cfg.Projects)
	if err := parallel(ctx, cfg.Clients, len(pids), func(ctx context.Context, i int) error {
		var err error
		pids[i], err = e.newProject(ctx, "throughput-"+strconv.Itoa(i))
		return err
	}); err != nil {
		return nil, err
	}
	stopRunners, err := e.startRunners(ctx, cfg.Runners)
	if err != nil {
		return nil, err
	}
	defer stopRunners()

	// One run first, untimed: the first run of a process loads the builtin
	// engine's dictionaries (seconds), which is not a per-run cost.
	if err := e.warmUp(ctx); err != nil {
		return nil, err
	}

	evSeq0, logSeq0, err := e.lastSeqs(ctx)
	if err != nil {
		return nil, err
	}
	track := e.trackTerminal()
	defer track.stop()

	cfg.Progress(fmt.Sprintf("throughput: %d runs, %d runners, %d clients", cfg.Projects, cfg.Runners, cfg.Clients))
	stopProfile := func() {}
	if cfg.ThroughputCPUProfile != nil {
		if err := pprof.StartCPUProfile(cfg.ThroughputCPUProfile); err != nil {
			return nil, fmt.Errorf("bench: throughput cpu profile: %w", err)
		}
		var once sync.Once
		stopProfile = func() { once.Do(pprof.StopCPUProfile) }
		defer stopProfile()
	}
	start, cpu0 := time.Now(), cpuTime()
	rids := make([]string, len(pids))
	if err := parallel(ctx, cfg.Clients, len(pids), func(ctx context.Context, i int) error {
		var err error
		rids[i], err = e.postRun(ctx, pids[i], "extract")
		return err
	}); err != nil {
		return nil, err
	}
	failed, err := track.wait(ctx, pids, rids, time.Duration(len(rids))*time.Second+time.Minute)
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	stopProfile()
	if err != nil {
		return nil, err
	}

	evSeq1, logSeq1, err := e.lastSeqs(ctx)
	if err != nil {
		return nil, err
	}
	sizes, err := e.payloadSizes(ctx, events.EventsStream, evSeq0+1, evSeq1)
	if err != nil {
		return nil, err
	}
	logSizes, err := e.payloadSizes(ctx, events.LogsStream, logSeq0+1, logSeq1)
	if err != nil {
		return nil, err
	}
	sizes = append(sizes, logSizes...)
	nEvents := len(sizes)
	perRun := float64(nEvents) / float64(len(rids))
	runsPerSec := float64(len(rids)) / elapsed.Seconds()
	eventsPerSec := float64(nEvents) / elapsed.Seconds()

	// The raw sample cycles the sizes to at least rawMinMsgs messages, so
	// that a small run does not measure only JetStream's warm-up.
	rawSizes := sizes
	for len(rawSizes) > 0 && len(rawSizes) < rawMinMsgs {
		rawSizes = append(rawSizes, sizes...)
	}
	cfg.Progress(fmt.Sprintf("throughput: raw async publish + durable consume of %d messages", len(rawSizes)))
	rawCPU0 := cpuTime()
	rawRate, err := rawPublishConsume(ctx, e, rawSizes)
	if err != nil {
		return nil, err
	}
	rawCPU := cpuTime() - rawCPU0
	note := fmt.Sprintf("%d runs of scope extract, %d runners, %d clients; %.1f events/run (%d domain + %d log); raw = JetStream async publish + durable consume of %d msgs of the same sizes, /events per run; process CPU per run %.2f ms (%.0f%% of %d cores busy), raw %.2f ms per run's worth of msgs",
		len(rids), cfg.Runners, cfg.Clients, perRun, len(sizes)-len(logSizes), len(logSizes), len(rawSizes),
		ms(cpu)/float64(len(rids)), 100*cpu.Seconds()/elapsed.Seconds()/float64(runtime.GOMAXPROCS(0)), runtime.GOMAXPROCS(0),
		ms(rawCPU)/float64(len(rawSizes))*perRun)
	if failed > 0 {
		note += fmt.Sprintf("; %d runs did not complete", failed)
	}
	return []Result{
		row(ScenarioThroughput, "runs/s POST->completed in projection", "runs/s", runsPerSec, rawRate/perRun, note).atLeast(0.5),
		row(ScenarioThroughput, "events/s (domain+log)", "events/s", eventsPerSec, rawRate, "raw = JetStream async publish + durable consume msgs/s"),
	}, nil
}

// rawMinMsgs is the smallest sample of the raw publish+consume baseline.
const rawMinMsgs = 20000

// warmUp runs one trivial run to completion on a project of its own.
func (e *env) warmUp(ctx context.Context) error {
	pid, err := e.newProject(ctx, "warm-up-"+events.NewID())
	if err != nil {
		return err
	}
	rid, err := e.postRun(ctx, pid, "extract")
	if err != nil {
		return err
	}
	status, err := e.awaitComplete(ctx, pid, rid, "")
	if err != nil {
		return err
	}
	if status != "completed" {
		return fmt.Errorf("bench: warm-up run ended %s", status)
	}
	return nil
}

// parallel calls fn(ctx, i) for i in [0, n) on at most workers goroutines
// and returns the first error.
func parallel(ctx context.Context, workers, n int, fn func(context.Context, int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				if err := fn(ctx, i); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}

// lastSeqs returns the last sequences of the events and logs streams.
func (e *env) lastSeqs(ctx context.Context) (evSeq, logSeq uint64, err error) {
	for _, x := range []struct {
		name string
		seq  *uint64
	}{{events.EventsStream, &evSeq}, {events.LogsStream, &logSeq}} {
		st, err := e.js.Stream(ctx, x.name)
		if err != nil {
			return 0, 0, fmt.Errorf("bench: stream %s: %w", x.name, err)
		}
		*x.seq = st.CachedInfo().State.LastSeq
	}
	return evSeq, logSeq, nil
}

// payloadSizes returns the body sizes of the messages of stream from
// sequence first to last.
func (e *env) payloadSizes(ctx context.Context, stream string, first, last uint64) ([]int, error) {
	if last < first {
		return nil, nil
	}
	cons, err := e.js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: first})
	if err != nil {
		return nil, fmt.Errorf("bench: read %s: %w", stream, err)
	}
	it, err := cons.Messages()
	if err != nil {
		return nil, fmt.Errorf("bench: read %s: %w", stream, err)
	}
	defer it.Stop()
	var sizes []int
	for {
		m, err := it.Next(jetstream.NextContext(ctx))
		if err != nil {
			return nil, fmt.Errorf("bench: read %s: %w", stream, err)
		}
		md, err := m.Metadata()
		if err != nil {
			return nil, fmt.Errorf("bench: read %s: %w", stream, err)
		}
		if md.Sequence.Stream > last {
			return sizes, nil
		}
		sizes = append(sizes, len(m.Data()))
		if md.Sequence.Stream == last {
			return sizes, nil
		}
	}
}

// rawPublishConsume async-publishes one message per size (with a
// Nats-Msg-Id, as events are) to a fresh stream while a durable pull
// consumer with explicit acks consumes them, and returns messages per
// second from the first publish to the last delivery.
func rawPublishConsume(ctx context.Context, e *env, sizes []int) (float64, error) {
	if len(sizes) == 0 {
		return 0, nil
	}
	st, err := e.rawStream(ctx, "thru")
	if err != nil {
		return 0, err
	}
	defer func() { _ = e.js.DeleteStream(context.WithoutCancel(ctx), st.CachedInfo().Config.Name) }()
	cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "raw", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		return 0, fmt.Errorf("bench: raw consumer: %w", err)
	}
	done := make(chan struct{})
	var got atomic.Int64
	cc, err := cons.Consume(func(m jetstream.Msg) {
		_ = m.Ack()
		if got.Add(1) == int64(len(sizes)) {
			close(done)
		}
	})
	if err != nil {
		return 0, fmt.Errorf("bench: raw consume: %w", err)
	}
	defer cc.Stop()
	maxSize := 0
	for _, s := range sizes {
		maxSize = max(maxSize, s)
	}
	body := make([]byte, maxSize)
	for i := range body {
		body[i] = 'x'
	}
	ids := events.NewIDGen(nil)
	start := time.Now()
	for i, s := range sizes {
		m := nats.NewMsg("bench.thru." + strconv.Itoa(i%64))
		m.Data = body[:s]
		m.Header.Set(events.HeaderMsgID, ids.New())
		if err := e.publishAsync(ctx, m); err != nil {
			return 0, fmt.Errorf("bench: raw publish: %w", err)
		}
	}
	select {
	case <-e.js.PublishAsyncComplete():
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	select {
	case <-done:
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-time.After(time.Minute):
		return 0, fmt.Errorf("bench: raw consume: %d of %d after a minute", got.Load(), len(sizes))
	}
	return float64(len(sizes)) / time.Since(start).Seconds(), nil
}

// terminalTracker records runs that reached a terminal status in the
// projection, from the projector's change feed.
type terminalTracker struct {
	e      *env
	mu     sync.Mutex
	done   map[string]string // run id -> event type
	cancel context.CancelFunc
	// recorded counts done's entries, so that waiting polls a counter
	// instead of scanning every run id each tick (which cost the
	// scenario's own CPU 4% at 3000 runs).
	recorded atomic.Int64
	wg       sync.WaitGroup
	lost     atomic.Bool // the feed dropped us; fall back to reading the store
}

func (e *env) trackTerminal() *terminalTracker {
	t := &terminalTracker{e: e, done: make(map[string]string)}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	changes, unsub := e.proj.Subscribe("")
	t.wg.Go(func() {
		defer unsub()
		for {
			select {
			case <-ctx.Done():
				return
			case c, ok := <-changes:
				if !ok {
					t.lost.Store(true)
					changes, unsub = e.proj.Subscribe("")
					continue
				}
				if events.IsTerminal(c.Type) {
					t.record(c.RunID, c.Type)
				}
			}
		}
	})
	return t
}

func (t *terminalTracker) stop() { t.cancel(); t.wg.Wait() }

// record notes that run rid ended with event type typ.
func (t *terminalTracker) record(rid, typ string) {
	t.mu.Lock()
	if _, ok := t.done[rid]; !ok {
		t.recorded.Add(1)
	}
	t.done[rid] = typ
	t.mu.Unlock()
}

// wait waits until every run of rids (of projects pids) is terminal and returns how many did
// not complete.
func (t *terminalTracker) wait(ctx context.Context, pids, rids []string, timeout time.Duration) (failed int, err error) {
	deadline := time.Now().Add(timeout)
	for {
		if t.recorded.Load() < int64(len(rids)) && !t.lost.Load() && time.Now().Before(deadline) {
			select {
			case <-ctx.Done():
				return 0, ctx.Err()
			case <-time.After(2 * time.Millisecond):
			}
			continue
		}
		t.mu.Lock()
		n, failed := 0, 0
		for _, rid := range rids {
			if typ, ok := t.done[rid]; ok {
				n++
				if typ != events.TypeRunCompleted {
					failed++
				}
			}
		}
		t.mu.Unlock()
		if n == len(rids) {
			return failed, nil
		}
		if t.lost.Swap(false) {
			t.recheck(ctx, pids, rids)
			continue
		}
		if time.Now().After(deadline) {
			return failed, fmt.Errorf("bench: %d of %d runs finished after %s", n, len(rids), timeout)
		}
		select {
		case <-ctx.Done():
			return failed, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// recheck reads the runs from the store after the change feed dropped us.
func (t *terminalTracker) recheck(ctx context.Context, pids, rids []string) {
	for i, rid := range rids {
		t.mu.Lock()
		_, ok := t.done[rid]
		t.mu.Unlock()
		if ok {
			continue
		}
		r, err := t.e.store.GetRun(ctx, pids[i], rid)
		if err != nil {
			continue
		}
		switch r.Status {
		case projections.StatusCompleted:
			t.record(rid, events.TypeRunCompleted)
		case projections.StatusFailed, projections.StatusCancelled:
			t.record(rid, events.TypeRunFailed)
		}
	}
}
