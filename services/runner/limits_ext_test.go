package runner_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/services/runner"
)

// TestMaxRunDuration: a run that outlives MaxRunDuration is stopped (at
// its next checkpoint) and fails with a message naming the limit and the
// flag, and its runner slot is freed.
func TestMaxRunDuration(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var calls atomic.Int32
	rr := b.startRunner(runner.Config{MaxRunDuration: 2 * time.Second, Engine: hooked(hookEngine{classify: func(ctx context.Context) error {
		if calls.Add(1) > 1 {
			return nil
		}
		<-ctx.Done() // an engine stuck until the run is cancelled
		return ctx.Err()
	}})})
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	end := b.waitTerminal(pid, rid, 90*time.Second)
	if end.Type != events.TypeRunFailed {
		t.Fatalf("run ended %s, want failed", end.Type)
	}
	f := decode[events.RunFailed](t, end)
	if !strings.Contains(f.ErrorMessage, "maximum run duration of 2s") || !strings.Contains(f.ErrorMessage, "--max-run-duration") {
		t.Errorf("error_message = %q", f.ErrorMessage)
	}
	found := false
	for _, env := range b.logEvents(pid, rid) {
		if l, err := events.DecodeData[events.LogLine](env); err == nil && strings.Contains(l.Message, "maximum run duration") {
			found = true
		}
	}
	if !found {
		t.Error("no log line says the run took too long")
	}
	// The runner is free again for other runs.
	waitFor(t, 10*time.Second, "the run's slot to be freed", func() bool { return rr.Busy() == 0 })
}

// TestLimitConfigValidated: bad limits are refused by New.
func TestLimitConfigValidated(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, cfg := range []runner.Config{
		{JS: b.js, Engine: builtinFactory(), MaxLogLine: 10},
		{JS: b.js, Engine: builtinFactory(), MaxRunDuration: -time.Second},
	} {
		if _, err := runner.New(cfg); !errors.Is(err, runner.ErrInvalidConfig) {
			t.Errorf("New(%+v) = %v, want ErrInvalidConfig", cfg, err)
		}
	}
}
