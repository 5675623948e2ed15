package bench

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// rawLogMaxConsumers caps the ordered consumers of the raw log baseline.
//
// The raw baseline is k clients reading a run's log subject straight from
// JetStream. Up to this many clients each has its own ordered consumer.
// Beyond it the clients share the consumers: client i reads through
// consumer i mod n, whose message handler hands every message to each of
// its clients in turn, each counting it and taking its receipt time then.
// Every simulated client still gets, counts and times every line (the
// deliveries are lines x k, the lost lines and the latency are per client
// exactly as with one consumer each); only the server's share of the
// fan-out stops at n.
//
// Why share: a nats-server allows 1000 consumers per stream by default
// (JSDefaultMaxConsumersPerStream, error 10026 "maximum consumers limit
// reached"), and the log stream also holds the API's and the runners'
// consumers, so k = 1000 ordered consumers cannot be created at all. A
// real deployment following a run with that many readers would share
// consumers too (as the API's log hub does, one per run), so sharing keeps
// the baseline the raw limit of the part underneath: JetStream delivery
// plus the cheapest in-process fan-out, without HTTP or SSE. 100 keeps
// the sizes the targets are set for (k <= 100) at one consumer per client,
// as the rows measured before, and is a load the server carries well.
const rawLogMaxConsumers = 100

// runLogs measures log streaming: a simulated runner publishes log.line
// events on one run's log subject while k clients follow it, for each k of
// cfg.LogClients, over the API's SSE and, as the baseline, read straight
// from a subject of the same stream by min(k, [rawLogMaxConsumers])
// ordered consumers shared by the k clients. A burst of lines (as fast as
// JetStream takes them) gives the delivery rate and the lines lost; a
// paced phase gives the emit->client latency.
func runLogs(ctx context.Context, e *env, cfg Config) ([]Result, error) {
	if err := checkOpenFiles(cfg.LogClients); err != nil {
		return nil, err
	}
	var out []Result
	for _, k := range cfg.LogClients {
		lines := max(1, min(cfg.LogLines, cfg.LogDeliveries/k))
		res := map[bool][2]logPhase{} // sse? -> burst, paced
		for _, sse := range []bool{true, false} {
			path := fmt.Sprintf("clients on %d raw ordered consumers", min(k, rawLogMaxConsumers))
			if sse {
				path = "SSE clients"
			}
			cfg.Progress(fmt.Sprintf("logs: %d %s, burst of %d lines", k, path, lines))
			burst, err := e.logPhase(ctx, sse, k, lines, 0)
			if err != nil {
				return out, err
			}
			cfg.Progress(fmt.Sprintf("logs: %d %s, %d lines at %d/s", k, path, cfg.LogPacedLines, cfg.LogRate))
			paced, err := e.logPhase(ctx, sse, k, cfg.LogPacedLines, cfg.LogRate)
			if err != nil {
				return out, err
			}
			res[sse] = [2]logPhase{burst, paced}
		}
		ours, raw := res[true], res[false]
		name := fmt.Sprintf("%d clients: ", k)
		if k == 1 {
			name = "1 client: "
		}
		note := fmt.Sprintf("burst of %d lines to each of %d clients; raw = %d ordered consumers on a log subject", lines, k, k)
		if n := min(k, rawLogMaxConsumers); n < k {
			share := strconv.Itoa(k / n)
			if k%n != 0 {
				share += "-" + strconv.Itoa(k/n+1)
			}
			note = fmt.Sprintf("burst of %d lines to each of %d clients; raw = %d ordered consumers on a log subject, each handing every line in-process to %s clients",
				lines, k, n, share)
		}
		rate := row(ScenarioLogs, name+"lines/s delivered", "lines/s", ours[0].rate, raw[0].rate, note)
		lost := row(ScenarioLogs, name+"lines lost", "lines", float64(ours[0].lost+ours[1].lost), float64(raw[0].lost+raw[1].lost),
			fmt.Sprintf("burst + paced phases; SSE streams reopened with Last-Event-ID after the server dropped a slow client: %d", ours[0].reconnects+ours[1].reconnects)).equal(0)
		lat := row(ScenarioLogs, name+"emit->client p99", "ms", ms(ours[1].p99), ms(raw[1].p99),
			fmt.Sprintf("paced: %d lines at %d lines/s; p50 ours %.1f ms, raw %.1f ms", cfg.LogPacedLines, cfg.LogRate, ms(ours[1].p50), ms(raw[1].p50)))
		mem := row(ScenarioLogs, name+"peak RSS", "MiB", ours[0].rssMiB, raw[0].rssMiB, "whole process (server and clients in one process), during the burst")
		if k == 100 {
			rate = rate.atLeast(0.5)
			lat = lat.below(50)
		}
		out = append(out, rate, lost, lat, mem)
	}
	return out, nil
}

// logPhase is the outcome of one emission followed by k clients.
type logPhase struct {
	rate     float64 // lines delivered per second, all clients together
	lost     int     // lines some client did not get
	p50, p99 time.Duration
	rssMiB   float64
	// reconnects counts SSE streams reopened with Last-Event-ID.
	reconnects int
}

// logClient counts what one client receives.
type logClient struct {
	got        int
	reconnects int // streams reopened after the server dropped a slow client
	lastSeq    uint64
	lats       []time.Duration
	lastAt     time.Time
}

// line records one received log line with its stream sequence (0 when
// unknown) and JSON body (with a "time" field).
func (c *logClient) line(seq uint64, data []byte, now time.Time) {
	if seq != 0 {
		if seq <= c.lastSeq {
			return // a duplicate would not be a new line
		}
		c.lastSeq = seq
	}
	c.got++
	c.lastAt = now
	if t, ok := jsonTime(data); ok {
		c.lats = append(c.lats, now.Sub(t))
	}
}

// jsonTime finds the first "time":"..." in a JSON object without decoding
// it all.
func jsonTime(data []byte) (time.Time, bool) {
	const key = `"time":"`
	i := bytes.Index(data, []byte(key))
	if i < 0 {
		return time.Time{}, false
	}
	rest := data[i+len(key):]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, string(rest[:j]))
	return t, err == nil
}

// logPhase creates a run, attaches k followers (SSE or raw), emits lines
// (at rate lines/s, 0 meaning as fast as possible) then the run's end, and
// waits for every follower to finish.
func (e *env) logPhase(ctx context.Context, sse bool, k, lines, rate int) (logPhase, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	var pid, rid string
	if sse {
		var err error
		if pid, err = e.newProject(ctx, "logs-"+events.NewID()); err != nil {
			return logPhase{}, err
		}
		if rid, err = e.postRun(ctx, pid, "extract"); err != nil {
			return logPhase{}, err
		}
		env, err := events.NewEnvelope(pid, rid, events.RunStarted{RunnerID: "bench", Attempt: 1})
		if err != nil {
			return logPhase{}, err
		}
		if _, err := events.Publish(ctx, e.js, env); err != nil {
			return logPhase{}, err
		}
	} else {
		pid, rid = events.NewID(), events.NewID()
	}
	subject, err := events.LogSubject(pid, rid)
	if err != nil {
		return logPhase{}, err
	}

	clients := make([]*logClient, k)
	var wg sync.WaitGroup
	errs := make(chan error, k)
	var ready sync.WaitGroup
	rss := sampleRSS(50 * time.Millisecond)
	for i := range k {
		clients[i] = &logClient{lats: make([]time.Duration, 0, lines)}
	}
	if sse {
		for _, c := range clients {
			ready.Add(1)
			wg.Go(func() { errs <- e.followSSE(ctx, pid, rid, c, ready.Done) })
		}
	} else {
		// Client i shares consumer i mod n (see rawLogMaxConsumers).
		n := min(k, rawLogMaxConsumers)
		groups := make([][]*logClient, n)
		for i, c := range clients {
			groups[i%n] = append(groups[i%n], c)
		}
		for _, g := range groups {
			ready.Add(1)
			wg.Go(func() { errs <- e.followRaw(ctx, subject, g, ready.Done) })
		}
	}
	ready.Wait()

	start := time.Now()
	if err := e.emitLines(ctx, pid, rid, lines, rate); err != nil {
		cancel()
		wg.Wait()
		rss.Stop()
		return logPhase{}, err
	}
	wg.Wait()
	peak := rss.Stop()
	close(errs)
	for err := range errs {
		if err != nil {
			return logPhase{}, err
		}
	}
	var last time.Time
	var all []time.Duration
	res := logPhase{rssMiB: peak}
	got := 0
	for _, c := range clients {
		got += c.got
		res.reconnects += c.reconnects
		res.lost += lines - c.got
		if c.lastAt.After(last) {
			last = c.lastAt
		}
		all = append(all, c.lats...)
	}
	res.rate = float64(got) / last.Sub(start).Seconds()
	res.p50, res.p99 = percentile(all, 50), percentile(all, 99)
	return res, nil
}

// emitLines plays a runner: lines log.line events, async-published on the
// run's log subject (paced at rate lines/s when rate > 0), then for a real
// run run.completed and log.end, as the runner ends a run.
func (e *env) emitLines(ctx context.Context, pid, rid string, lines, rate int) error {
	ids := events.NewIDGen(nil)
	var tick *time.Ticker
	if rate > 0 {
		// Pace in 1ms ticks (or coarser for low rates). Each tick emits up
		// to rate x elapsed lines, so an emitter starved of CPU catches up
		// instead of losing ticks and offering less than rate.
		tick = time.NewTicker(max(time.Millisecond, time.Second/time.Duration(rate)))
		defer tick.Stop()
	}
	start := time.Now()
	for i := 0; i < lines; {
		due := lines
		if tick != nil {
			select {
			case <-tick.C:
			case <-ctx.Done():
				return ctx.Err()
			}
			due = min(lines, int(float64(rate)*time.Since(start).Seconds()))
		}
		for ; i < due; i++ {
			env, err := events.NewEnvelopeWith(ids.New(), time.Now(), pid, rid,
				events.LogLine{Level: events.LevelInfo, Message: "define: term " + strconv.Itoa(i) + " of the simulated run, with a line of typical length"})
			if err != nil {
				return err
			}
			m, err := events.Msg(env)
			if err != nil {
				return err
			}
			if err := e.publishAsync(ctx, m); err != nil {
				return fmt.Errorf("bench: publish log line: %w", err)
			}
		}
	}
	select {
	case <-e.js.PublishAsyncComplete():
	case <-ctx.Done():
		return ctx.Err()
	}
	if _, err := e.store.GetProject(ctx, pid); err == nil {
		env, err := events.NewEnvelope(pid, rid, events.RunCompleted{})
		if err != nil {
			return err
		}
		if _, err := events.Publish(ctx, e.js, env); err != nil {
			return err
		}
	}
	env, err := events.NewEnvelope(pid, rid, events.LogEnd{Status: events.RunStatusCompleted})
	if err != nil {
		return err
	}
	_, err = events.Publish(ctx, e.js, env)
	return err
}

// followSSE reads the run's log SSE until "complete". Like an
// EventSource, it reopens a stream that ends without "complete" (the
// server drops a client that falls too far behind) with the last id seen.
func (e *env) followSSE(ctx context.Context, pid, rid string, c *logClient, ready func()) error {
	once := sync.OnceFunc(ready)
	defer once()
	last := ""
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.url+"/api/projects/"+pid+"/runs/"+rid+"/logs", nil)
		if err != nil {
			return fmt.Errorf("bench: request: %w", err)
		}
		if last != "" {
			req.Header.Set("Last-Event-ID", last)
		}
		resp, err := e.client.Do(req)
		if err != nil {
			return fmt.Errorf("bench: log SSE: %w", err)
		}
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close()
			return fmt.Errorf("bench: log SSE: status %d", resp.StatusCode)
		}
		once()
		complete := false
		err = sseReader(resp.Body, func(event, data []byte) bool {
			switch string(event) {
			case "log":
				seq := jsonSeq(data)
				c.line(seq, data, time.Now())
				if seq != 0 {
					last = strconv.FormatUint(seq, 10)
				}
			case "complete":
				complete = true
				return false
			}
			return true
		})
		resp.Body.Close()
		if complete {
			return nil
		}
		if ctx.Err() != nil || last == "" {
			return fmt.Errorf("bench: log SSE ended without complete after %d lines: %v", c.got, err)
		}
		c.reconnects++
	}
}

// jsonSeq finds the first "seq":N in a JSON object.
func jsonSeq(data []byte) uint64 {
	const key = `"seq":`
	i := bytes.Index(data, []byte(key))
	if i < 0 {
		return 0
	}
	rest := data[i+len(key):]
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	n, _ := strconv.ParseUint(string(rest[:j]), 10, 64)
	return n
}

// followRaw reads subject with an ordered consumer until log.end, handing
// each message to every client of cs in turn (one client unless there are
// more clients than rawLogMaxConsumers); each takes its receipt time when
// it gets the message.
func (e *env) followRaw(ctx context.Context, subject string, cs []*logClient, ready func()) error {
	once := sync.OnceFunc(ready)
	defer once()
	cons, err := e.js.OrderedConsumer(ctx, events.LogsStream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, InactiveThreshold: 30 * time.Second})
	if err != nil {
		return fmt.Errorf("bench: raw ordered consumer: %w", err)
	}
	done := make(chan struct{})
	var ended atomic.Bool
	cc, err := cons.Consume(func(m jetstream.Msg) {
		if ended.Load() {
			return
		}
		if m.Headers().Get(events.HeaderType) == events.TypeLogEnd {
			ended.Store(true)
			close(done)
			return
		}
		var seq uint64
		if md, err := m.Metadata(); err == nil {
			seq = md.Sequence.Stream
		}
		for _, c := range cs {
			c.line(seq, m.Data(), time.Now())
		}
	})
	if err != nil {
		return fmt.Errorf("bench: raw consume: %w", err)
	}
	defer func() {
		cc.Stop()
		if info := cons.CachedInfo(); info != nil {
			dctx, dcancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			_ = e.js.DeleteConsumer(dctx, events.LogsStream, info.Name)
			dcancel()
		}
	}()
	once()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("bench: raw consumer: %d lines before %w", cs[0].got, ctx.Err())
	}
}

// checkOpenFiles fails early when the process may not open the files the
// SSE phases need: two descriptors per client (the client's connection and
// the server's end of it, both in this process) plus a margin for the NATS
// server, its stores and the rest. Go's os package already raises the soft
// RLIMIT_NOFILE to the hard limit when the program starts (Linux, Go
// 1.19+), so only a low hard limit can fail here; where
// /proc/self/limits cannot be read nothing is checked.
func checkOpenFiles(clients []int) error {
	k := slices.Max(append([]int{0}, clients...))
	need := 2*k + 1024
	data, err := os.ReadFile("/proc/self/limits")
	if err != nil {
		return nil
	}
	for l := range strings.Lines(string(data)) {
		rest, ok := strings.CutPrefix(l, "Max open files")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 || f[0] == "unlimited" {
			return nil
		}
		soft, err := strconv.Atoi(f[0])
		if err != nil || soft >= need {
			return nil
		}
		return fmt.Errorf("bench: %d log clients need about %d open files, the limit is %d: raise it (ulimit -n) or use fewer --log-clients", k, need, soft)
	}
	return nil
}
