package runner_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/services/runner"
)

// TestWorkerPanicFailsRunClearly: a document whose term makes a step's
// worker panic where the pipeline, not the engine guard, recovers it
// (pipeline.ErrPanic) fails its run with the same clear message as an
// engine panic, without the panic value, and the runner serves the next
// run.
func TestWorkerPanicFailsRunClearly(t *testing.T) {
	t.Parallel()
	b := setup(t)
	factory := func(ctx context.Context, p *projectstate.Project) (pipeline.Engine, error) {
		poisoned := false
		for _, d := range p.Docs {
			poisoned = poisoned || strings.Contains(d.Content, "POISON")
		}
		if !poisoned {
			return engine.New(engine.Config{})
		}
		return hooked(hookEngine{define: func(context.Context, pipeline.DefineRequest) (*pipeline.Definition, error) {
			// What the pipeline's worker recovery returns for a panic.
			return nil, fmt.Errorf("%w: panic: runtime error: index out of range [7] with length 3", pipeline.ErrPanic)
		}})(ctx, p)
	}
	r := b.startRunner(runner.Config{Engine: factory})
	p1 := b.createProject(events.ProjectCreated{Name: "poisoned"})
	b.addDoc(p1, "wal.md", "# Write-Ahead Log\n\nThe Write-Ahead Log (WAL) is an append-only file. POISON\nThe broker replays the WAL after a crash.\n")
	r1 := b.requestRun(p1, events.RunRequested{Scope: "full"})
	term := b.waitTerminal(p1, r1, 30*time.Second)
	if msg := decode[events.RunFailed](t, term).ErrorMessage; term.Type != events.TypeRunFailed || msg != "internal error in step provisional" {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	logs := b.logEvents(p1, r1)
	found := false
	for _, l := range logs {
		if l.Type == events.TypeLogLine && strings.Contains(string(l.Data), "internal error in step provisional") {
			found = true
		}
		if strings.Contains(string(l.Data), "index out of range") {
			t.Errorf("the panic value reached the run log: %s", l.Data)
		}
	}
	if !found {
		t.Error("the run log does not say which step failed")
	}

	p2 := b.smallProject()
	r2 := b.requestRun(p2, events.RunRequested{Scope: "full"})
	if term := b.waitTerminal(p2, r2, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("after the panic: %s %s", term.Type, term.Data)
	}
	if r.Busy() != 0 {
		waitFor(t, 2*time.Second, "slots free", func() bool { return r.Busy() == 0 })
	}
}
