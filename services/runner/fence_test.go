package runner_test

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/services/runner"
)

// watchLog is a slog.Handler that reports when a record whose message
// contains want is logged.
type watchLog struct {
	want string
	once *sync.Once
	seen chan struct{}
}

func newWatchLog(want string) watchLog {
	return watchLog{want: want, once: &sync.Once{}, seen: make(chan struct{})}
}

func (w watchLog) Enabled(context.Context, slog.Level) bool { return true }
func (w watchLog) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return nil
}
func (w watchLog) WithAttrs([]slog.Attr) slog.Handler { return w }
func (w watchLog) WithGroup(string) slog.Handler      { return w }

// An attempt whose run was taken over while it was running (its heartbeats
// lost in a fault, its request delivered to another runner that claimed the
// run) must stop at its next event instead of running on beside the new
// holder: nothing of it lands after the other attempt's run.started, and it
// publishes no terminal event.
func TestAttemptThatLostTheRunStops(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})

	reached := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	engine := hooked(hookEngine{classify: func(ctx context.Context) error {
		once.Do(func() { close(reached) })
		<-release
		return nil
	}})
	watch := newWatchLog("taken over")
	b.startRunner(runner.Config{ID: "zombie", Engine: engine, Logger: slog.New(watch)})
	select {
	case <-reached:
	case <-time.After(30 * time.Second):
		t.Fatal("the run never reached classify")
	}
	// Another runner claims the run, as a redelivery does.
	takeover := b.publishExpect(pid, rid, events.RunStarted{RunnerID: "rescuer", Attempt: 2})
	close(release)
	select {
	case <-watch.seen:
	case <-time.After(30 * time.Second):
		t.Fatalf("the zombie attempt did not stop; events: %v", types(b.runEvents(pid, rid)))
	}

	evs := b.runEvents(pid, rid)
	if last := evs[len(evs)-1]; last.Type != events.TypeRunStarted || decode[events.RunStarted](t, last).RunnerID != "rescuer" {
		t.Errorf("events = %v; want nothing after the rescuer's run.started (seq %d)", types(evs), takeover)
	}
	if n := len(terminals(evs)); n != 0 {
		t.Errorf("%d terminal events from the attempt that lost the run", n)
	}
	// The rescuer ends the run; the zombie's unacked request, delivered
	// again, then finds it ended.
	b.publishExpect(pid, rid, events.RunCompleted{Summary: map[string]int{}})
}
