package runner_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/natstest"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/projections"
	"github.com/genglossary/genglossary/services/runner"
)

// TestLogLimitsTruncateLogsNotRuns fills GG_LOGS during a run, once with
// its discard-old size limit (the run's earliest lines vanish) and once
// with discard-new (log publishes fail): the run still completes with
// every domain event, its terminal event says logs_truncated, and the read
// model serves it. A run with room for its log is not marked.
func TestLogLimitsTruncateLogsNotRuns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		maxBytes  int64
		discard   jetstream.DiscardPolicy
		truncated bool
	}{
		{"room", -1, jetstream.DiscardOld, false},
		{"discard old", 2048, jetstream.DiscardOld, true},
		{"discard new", 2048, jetstream.DiscardNew, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			setup := events.SetupConfig{AckWait: testAckWait, MaxAttempts: testMaxAttempts, LogMaxBytes: tc.maxBytes}
			srv, nc, js := natstest.Start(t, natstest.WithSetupConfig(setup))
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			if tc.discard == jetstream.DiscardNew {
				cfg := events.LogsStreamConfig(setup)
				cfg.Discard = jetstream.DiscardNew
				if _, err := js.UpdateStream(ctx, cfg); err != nil {
					t.Fatal(err)
				}
			}
			b := &testBundle{t: t, ctx: ctx, srv: srv, nc: nc, js: js}
			b.startRunner(runner.Config{Engine: func(context.Context, *projectstate.Project) (pipeline.Engine, error) {
				return engine.New(engine.Config{})
			}})
			pid := b.smallProject()
			rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
			term := b.waitTerminal(pid, rid, 30*time.Second)
			if term.Type != events.TypeRunCompleted {
				t.Fatalf("terminal = %s %s", term.Type, term.Data)
			}
			if got := decode[events.RunCompleted](t, term).LogsTruncated; got != tc.truncated {
				t.Errorf("logs_truncated = %v, want %v (%s)", got, tc.truncated, term.Data)
			}
			// No domain event was dropped: a result and a completion per step.
			evs := b.runEvents(pid, rid)
			if n := count(evs, events.TypeRunResult); n != 4 {
				t.Errorf("%d run.result events, want 4: %v", n, types(evs))
			}
			// The read model serves the flag.
			store, err := projections.Open(ctx, filepath.Join(t.TempDir(), "read.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			proj := projections.NewProjector(store, js, projections.Config{})
			pctx, pcancel := context.WithCancel(ctx)
			done := make(chan struct{})
			go func() { defer close(done); _ = proj.Run(pctx) }()
			defer func() { pcancel(); <-done }()
			st, err := js.Stream(ctx, events.EventsStream)
			if err != nil {
				t.Fatal(err)
			}
			if err := proj.WaitFor(ctx, st.CachedInfo().State.LastSeq); err != nil {
				t.Fatal(err)
			}
			run, err := store.GetRun(ctx, pid, rid)
			if err != nil {
				t.Fatal(err)
			}
			if run.Status != projections.StatusCompleted || run.LogsTruncated != tc.truncated {
				t.Errorf("read model: status %s, logs_truncated %v; want completed, %v", run.Status, run.LogsTruncated, tc.truncated)
			}
		})
	}
}
