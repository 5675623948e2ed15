package projections

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/natstest"
)

// replayEvents returns n events shaped like real runs, as the bench's
// projection scenario publishes them: per project a project.created, then
// runs of requested, started, step started, four progress reports, step
// completed and completed.
func replayEvents(tb testing.TB, n int) []events.Envelope {
	tb.Helper()
	ids := events.NewIDGen(nil)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	out := make([]events.Envelope, 0, n)
	add := func(pid, rid string, d events.Data) {
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, rid, d)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, env)
	}
	for len(out) < n {
		pid := ids.New()
		add(pid, "", events.ProjectCreated{Name: "replay " + pid, LLMProvider: "builtin"})
		for r := 0; r < 10 && len(out) < n; r++ {
			rid := ids.New()
			for _, d := range []events.Data{
				events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI},
				events.RunStarted{RunnerID: "bench", Attempt: 1},
				events.RunStep{Step: StepExtract, Status: events.StepStarted},
				events.RunProgress{Step: StepExtract, Current: 1, Total: 4},
				events.RunProgress{Step: StepExtract, Current: 2, Total: 4},
				events.RunProgress{Step: StepExtract, Current: 3, Total: 4},
				events.RunProgress{Step: StepExtract, Current: 4, Total: 4},
				events.RunStep{Step: StepExtract, Status: events.StepCompleted, Count: 12},
				events.RunCompleted{},
			} {
				if len(out) == n {
					break
				}
				add(pid, rid, d)
			}
		}
	}
	return out
}

// BenchmarkReproject replays a stream of run-shaped events into a fresh
// file (GG_BENCH_REPLAY_EVENTS events, default 50000).
func BenchmarkReproject(b *testing.B) {
	n := 50000
	if v, err := strconv.Atoi(os.Getenv("GG_BENCH_REPLAY_EVENTS")); err == nil && v > 0 {
		n = v
	}
	_, _, js := natstest.Start(b, natstest.InProcessOnly())
	ctx := context.Background()
	for _, env := range replayEvents(b, n) {
		m, err := events.Msg(env)
		if err != nil {
			b.Fatal(err)
		}
		for {
			_, err := js.PublishMsgAsync(m)
			if errors.Is(err, jetstream.ErrTooManyStalledMsgs) {
				<-js.PublishAsyncComplete()
				continue
			}
			if err != nil {
				b.Fatal(err)
			}
			break
		}
	}
	<-js.PublishAsyncComplete()
	dir := b.TempDir()
	b.ResetTimer()
	cpu0 := cpuTime()
	i := 0
	for b.Loop() {
		i++
		if err := Reproject(ctx, filepath.Join(dir, "r"+strconv.Itoa(i)+".db"), js, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(n*b.N), "cpu-ns/event")
}

// BenchmarkReplayApply decodes and applies run-shaped events as Reproject
// does, without NATS: the CPU cost per event of the projector's side.
func BenchmarkReplayApply(b *testing.B) {
	const n = 50000
	type msg struct {
		subject string
		body    []byte
	}
	var msgs []msg
	for _, env := range replayEvents(b, n) {
		m, err := events.Msg(env)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, msg{m.Subject, m.Data})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := b.TempDir()
	i := 0
	cpu0 := cpuTime()
	for b.Loop() {
		i++
		s, err := openReplay(ctx, filepath.Join(dir, "a"+strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		p := NewProjector(s, nil, Config{BatchSize: replayBatchSize})
		for lo := 0; lo < len(msgs); lo += replayBatchSize {
			items := make([]item, 0, replayBatchSize)
			for j := lo; j < min(lo+replayBatchSize, len(msgs)); j++ {
				items = append(items, decodeItem(uint64(j+1), msgs[j].subject, msgs[j].body))
			}
			if _, _, err := p.applyBatch(ctx, items); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.endReplay(ctx); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/event")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(n*b.N), "cpu-ns/event")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
