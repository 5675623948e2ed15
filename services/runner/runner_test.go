package runner_test

import (
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/services/runner"
)

func TestFullRunCompletes(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.createProject(events.ProjectCreated{})
	ndocs := b.addCorpus(pid, "../../testdata/corpus/en")
	rid := b.requestRun(pid, events.RunRequested{Scope: "full"})
	r := b.startRunner(runner.Config{ID: "r1", ProgressEvery: 50 * time.Millisecond})

	start := time.Now()
	term := b.waitTerminal(pid, rid, 40*time.Second)
	t.Logf("full run on %d documents took %v", ndocs, time.Since(start))
	if term.Type != events.TypeRunCompleted {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	evs := b.runEvents(pid, rid)
	if n := len(terminals(evs)); n != 1 {
		t.Errorf("%d terminal events, want 1: %v", n, types(evs))
	}
	st := started(t, evs)
	if len(st) != 1 || st[0].RunnerID != "r1" || st[0].Attempt != 1 {
		t.Errorf("run.started = %+v", st)
	}
	res := b.results(evs)
	for _, step := range []string{"extract", "provisional", "issues", "refined"} {
		if _, ok := res[step]; !ok {
			t.Errorf("no result for step %s", step)
		}
	}
	if len(res["extract"].Terms) == 0 || len(res["provisional"].Entries) == 0 || len(res["refined"].Entries) == 0 {
		t.Errorf("empty results: terms %d provisional %d refined %d", len(res["extract"].Terms), len(res["provisional"].Entries), len(res["refined"].Entries))
	}
	sum := decode[events.RunCompleted](t, term).Summary
	if sum["documents"] != ndocs || sum["terms"] != len(res["extract"].Terms) || sum["provisional"] != len(res["provisional"].Entries) ||
		sum["issues"] != len(res["issues"].Issues) || sum["refined"] != len(res["refined"].Entries) {
		t.Errorf("summary = %v", sum)
	}
	// Step events: started then completed, in pipeline order.
	var steps []string
	for _, e := range evs {
		if e.Type == events.TypeRunStep {
			s := decode[events.RunStep](t, e)
			steps = append(steps, s.Step+":"+string(s.Status))
		}
	}
	want := []string{"extract:started", "extract:completed", "provisional:started", "provisional:completed",
		"issues:started", "issues:completed", "refined:started", "refined:completed"}
	if len(steps) != len(want) {
		t.Errorf("steps = %v", steps)
	} else {
		for i := range want {
			if steps[i] != want[i] {
				t.Errorf("steps = %v, want %v", steps, want)
				break
			}
		}
	}
	// Progress is throttled: about one per second plus one per step end.
	if n := count(evs, events.TypeRunProgress); n == 0 || n > 4+int(time.Since(start)/time.Second)+4 {
		t.Errorf("%d run.progress events", n)
	}
	// The log: lines, steps, throttled progress, then log.end last.
	logs := b.logEvents(pid, rid)
	if count(logs, events.TypeLogLine) < 5 || count(logs, events.TypeLogStep) != 8 || count(logs, events.TypeLogProgress) == 0 {
		t.Errorf("log types = %v", types(logs))
	}
	end := logs[len(logs)-1]
	if end.Type != events.TypeLogEnd || decode[events.LogEnd](t, end).Status != events.RunStatusCompleted {
		t.Errorf("last log event = %s %s", end.Type, end.Data)
	}
	b.consumerIdle(5 * time.Second)
	if r.Busy() != 0 {
		t.Errorf("busy = %d after the run", r.Busy())
	}
}
