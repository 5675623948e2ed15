package runner_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/services/runner"
)

// laggingReplica stands between a runner and JetStream's API as a replica
// that has not caught up: on a replicated stream every replica answers
// direct gets, so a read can be older than what the stream's leader has
// stored (and checks expected sequences against). It forwards every API
// request unchanged, except direct gets of the last message of a subject
// it was told about: those it answers with the message at an older
// sequence, the first `times` times.
type laggingReplica struct {
	t  *testing.T
	nc *nats.Conn

	mu    sync.Mutex
	stale map[string]*staleAnswer // by last_by_subj
}

type staleAnswer struct {
	stream string
	seq    uint64 // the message answered instead of the last one
	times  int    // stale answers left
	served int
}

const laggingPrefix = "$LAGGING.API."

// newLaggingReplica starts the relay on b's server and returns a
// JetStream context (for a runner) whose API requests go through it.
func newLaggingReplica(b *testBundle) (*laggingReplica, *nats.Conn, jetstream.JetStream) {
	b.t.Helper()
	l := &laggingReplica{t: b.t, nc: b.nc, stale: map[string]*staleAnswer{}}
	sub, err := b.nc.Subscribe(laggingPrefix+">", l.relay)
	if err != nil {
		b.t.Fatal(err)
	}
	b.t.Cleanup(func() { _ = sub.Unsubscribe() })
	if err := b.nc.Flush(); err != nil {
		b.t.Fatal(err)
	}
	rnc, _ := b.connect()
	rjs, err := jetstream.NewWithAPIPrefix(rnc, strings.TrimSuffix(laggingPrefix, "."))
	if err != nil {
		b.t.Fatal(err)
	}
	return l, rnc, rjs
}

// lag makes the next `times` reads of the last message on subject (a
// filter, as the runner asks for it) answer the message at seq instead.
func (l *laggingReplica) lag(subject string, seq uint64, times int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stale[subject] = &staleAnswer{stream: events.StreamFor(subject), seq: seq, times: times}
}

// served reports how many stale answers were given.
func (l *laggingReplica) served() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, a := range l.stale {
		n += a.served
	}
	return n
}

func (l *laggingReplica) relay(m *nats.Msg) {
	rest := strings.TrimPrefix(m.Subject, laggingPrefix)
	if strings.HasPrefix(rest, "DIRECT.GET.") {
		var req struct {
			LastBySubj string `json:"last_by_subj"`
		}
		_ = json.Unmarshal(m.Data, &req)
		l.mu.Lock()
		a := l.stale[req.LastBySubj]
		if a != nil && a.times > 0 {
			a.times--
			a.served++
		} else {
			a = nil
		}
		l.mu.Unlock()
		if a != nil {
			body, _ := json.Marshal(map[string]uint64{"seq": a.seq})
			resp, err := l.nc.Request(jetstream.DefaultAPIPrefix+"DIRECT.GET."+a.stream, body, 5*time.Second)
			if err != nil {
				l.t.Errorf("lagging replica: read seq %d: %v", a.seq, err)
				return
			}
			_ = m.RespondMsg(&nats.Msg{Header: resp.Header, Data: resp.Data})
			return
		}
	}
	fwd := &nats.Msg{Subject: jetstream.DefaultAPIPrefix + rest, Reply: m.Reply, Header: m.Header, Data: m.Data}
	if err := l.nc.PublishMsg(fwd); err != nil {
		l.t.Errorf("lagging replica: forward %s: %v", rest, err)
	}
}

// endedRun stores the history a runner leaves when it ends a run and dies
// before its ack reaches the server: run.requested, run.started, a step,
// run.completed, its log closed, and the request still unacked (so it is
// delivered again). It returns the run's id and the sequences of its
// run.started (in GG_EVENTS) and of its last log line (in GG_LOGS).
func endedRun(b *testBundle, pid string) (rid string, startedSeq, lastLineSeq uint64) {
	b.t.Helper()
	rid = b.requestRun(pid, events.RunRequested{Scope: "full"})
	startedSeq = b.publishExpect(pid, rid, events.RunStarted{RunnerID: "gone", Attempt: 1})
	b.publishExpect(pid, rid, events.RunStep{Step: "extract", Status: events.StepStarted})
	b.publishExpect(pid, rid, events.RunCompleted{Summary: map[string]int{"terms": 1}})
	b.publish(pid, rid, events.LogLine{Level: events.LevelInfo, Message: "run started on runner gone (attempt 1)"})
	lastLineSeq = b.publish(pid, rid, events.LogLine{Level: events.LevelInfo, Message: "step extract completed"})
	b.publish(pid, rid, events.LogEnd{Status: events.RunStatusCompleted})
	return rid, startedSeq, lastLineSeq
}

// A request delivered again after its run ended (the ack was lost) must
// not run the pipeline a second time, even when the reads the runner makes
// are answered by a replica that lags: the run must end once, with one
// run.started, one terminal event and one log.end.
func TestLaggingReadsDoNotRunAnEndedRunAgain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		// lag picks what the lagging replica answers stale.
		lag func(l *laggingReplica, pid, rid string, startedSeq, lastLineSeq uint64)
	}{
		{"run's last event", func(l *laggingReplica, pid, rid string, startedSeq, _ uint64) {
			// The run read as still going throughout; the project's runs
			// too, at first.
			f, _ := events.RunFilter(pid, rid)
			l.lag(f, startedSeq, 1000)
			pf, _ := events.ProjectRunsFilter(pid)
			l.lag(pf, startedSeq, 2)
		}},
		{"log's last event", func(l *laggingReplica, pid, rid string, _, lastLineSeq uint64) {
			f, _ := events.LogSubject(pid, rid)
			l.lag(f, lastLineSeq, 1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			pid := b.smallProject()
			rid, startedSeq, lastLineSeq := endedRun(b, pid)
			l, rnc, rjs := newLaggingReplica(b)
			tc.lag(l, pid, rid, startedSeq, lastLineSeq)

			b.startRunner(runner.Config{ID: "second", JS: rjs, NC: rnc})
			b.consumerIdle(30 * time.Second)

			evs := b.runEvents(pid, rid)
			if got := types(evs); len(started(t, evs)) != 1 || len(terminals(evs)) != 1 || got[len(got)-1] != events.TypeRunCompleted {
				t.Errorf("run events = %v; want the first attempt's only", got)
			}
			logs := b.logEvents(pid, rid)
			if got := types(logs); count(logs, events.TypeLogEnd) != 1 || count(logs, events.TypeLogLine) != 2 {
				t.Errorf("log events = %v; want the first attempt's only", got)
			}
			if l.served() == 0 {
				t.Error("the lagging replica answered no read: the test did not test lagging reads")
			}
		})
	}
}
