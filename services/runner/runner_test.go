package runner_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

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
	logs := b.closedLog(pid, rid, 10*time.Second)
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

// TestQuietRunClaimsAndEndsWithoutReads: when nothing but the run itself
// writes on the project's runs, the runner claims it and publishes its
// terminal event with expected-sequence publishes alone, without reading
// the run's or the project's last event first (the read-and-decide path
// is for conflicts, which the lifecycle tests cover). Direct get requests
// are watched with a plain subscription on their subject.
func TestQuietRunClaimsAndEndsWithoutReads(t *testing.T) {
	t.Parallel()
	b := setup(t)
	pid := b.smallProject()
	watch, _ := b.connect()
	// The runner's own connection, told apart by its replies' prefix.
	rnc, err := nats.Connect(b.srv.ClientURL(), nats.CustomInboxPrefix("_RUNNER"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rnc.Close)
	rjs, err := jetstream.New(rnc)
	if err != nil {
		t.Fatal(err)
	}
	// A synchronous subscription: the server queued every request copy
	// for it before the terminal event was written, and the reader queues
	// them before the PONG of the Flush below, so after it every one is
	// pending (a callback could still be running and miss some).
	sub, err := watch.SubscribeSync("$JS.API.DIRECT.GET." + events.EventsStream)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := watch.Flush(); err != nil {
		t.Fatal(err)
	}
	rid := b.requestRun(pid, events.RunRequested{Scope: "extract"})
	b.startRunner(runner.Config{ID: "r1", NC: rnc, JS: rjs})
	if term := b.waitTerminal(pid, rid, 30*time.Second); term.Type != events.TypeRunCompleted {
		t.Fatalf("terminal = %s %s", term.Type, term.Data)
	}
	if err := watch.Flush(); err != nil {
		t.Fatal(err)
	}
	var lastReads []string
	for {
		m, err := sub.NextMsg(50 * time.Millisecond)
		if err != nil {
			break // nothing pending
		}
		var req struct {
			LastBySubject string `json:"last_by_subj"`
		}
		if strings.HasPrefix(m.Reply, "_RUNNER.") && json.Unmarshal(m.Data, &req) == nil && strings.Contains(req.LastBySubject, ".run.") {
			lastReads = append(lastReads, req.LastBySubject)
		}
	}
	if len(lastReads) > 0 {
		t.Errorf("the runner read the last run event %d times: %v", len(lastReads), lastReads)
	}
	if st := started(t, b.runEvents(pid, rid)); len(st) != 1 {
		t.Errorf("run.started = %+v", st)
	}
}

// TestRequestOfEndedRunIsAcked: a run.requested delivered when its run has
// already ended (a redelivery after a lost ack; the runner acks with a
// plain ack) is acked without a single new event.
func TestRequestOfEndedRunIsAcked(t *testing.T) {
	t.Parallel()
	const ackWait = 30 * time.Second
	b := setupAckWait(t, ackWait)
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "extract"})
	b.publish(pid, rid, events.RunCompleted{Summary: map[string]int{}})
	before := len(b.runEvents(pid, rid))
	b.startRunner(runner.Config{ID: "r1"})
	// Idle before the AckWait ends: acked, not given up after redeliveries.
	b.consumerIdle(ackWait - 5*time.Second)
	if evs := b.runEvents(pid, rid); len(evs) != before {
		t.Errorf("%d events after the runner saw the request of an ended run, want %d: %v", len(evs), before, types(evs))
	}
	// The run ended without log.end (its runner died between the two, as
	// TestClusterFaults provokes): the log is closed now, once.
	logs := b.logEvents(pid, rid)
	if len(logs) != 1 || logs[0].Type != events.TypeLogEnd {
		t.Fatalf("log after the request of an ended run: %v, want one log.end", types(logs))
	}
	d, err := logs[0].Payload()
	if err != nil {
		t.Fatal(err)
	}
	if end, ok := d.(events.LogEnd); !ok || end.Status != events.RunStatusCompleted {
		t.Errorf("log.end = %+v, want status completed", d)
	}
}

// TestEndedRunWithLogEndIsLeftAlone: the request of a run whose log is
// closed is acked without writing anything.
func TestEndedRunWithLogEndIsLeftAlone(t *testing.T) {
	t.Parallel()
	const ackWait = 30 * time.Second
	b := setupAckWait(t, ackWait)
	pid := b.smallProject()
	rid := b.requestRun(pid, events.RunRequested{Scope: "extract"})
	b.publish(pid, rid, events.RunFailed{ErrorMessage: "boom"})
	b.publish(pid, rid, events.LogEnd{Status: events.RunStatusFailed, ErrorMessage: "boom"})
	b.startRunner(runner.Config{ID: "r1"})
	b.consumerIdle(ackWait - 5*time.Second)
	if logs := b.logEvents(pid, rid); len(logs) != 1 {
		t.Errorf("log: %v, want the one log.end", types(logs))
	}
}
