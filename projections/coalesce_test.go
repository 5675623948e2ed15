package projections

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

// TestProgressCoalescingInvisible applies a mix of run.progress and other
// events in one batch, where consecutive progress events of a run are
// coalesced, and one event per batch, where nothing is: the read models
// and the announced changes must be the same.
func TestProgressCoalescingInvisible(t *testing.T) {
	ctx := t.Context()
	ids := events.NewIDGen(nil)
	p1, p2 := ids.New(), ids.New()
	r1, r2, r3 := ids.New(), ids.New(), ids.New()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var items []item
	add := func(pid, rid string, d events.Data) {
		at = at.Add(time.Second)
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, rid, d)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, envItem(t, uint64(len(items)+1), env))
	}
	prog := func(pid, rid string, cur int) {
		add(pid, rid, events.RunProgress{Step: StepExtract, Current: cur, Total: 9})
	}
	add(p1, "", events.ProjectCreated{Name: "one", LLMProvider: "builtin"})
	add(p1, r1, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	add(p1, r2, events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI})
	prog(p1, r1, 1) // pending runs take progress too
	prog(p1, r1, 2)
	add(p1, r1, events.RunStarted{RunnerID: "x", Attempt: 1})
	add(p1, r1, events.RunStep{Step: StepExtract, Status: events.StepStarted})
	prog(p1, r1, 3)
	prog(p1, r1, 4)
	prog(p1, r1, 5)
	prog(p1, r2, 1) // another run breaks the sequence
	prog(p1, r1, 6)
	prog(p2, r1, 7) // same run id, another project: matches nothing
	prog(p2, r1, 8)
	prog(p1, r1, 9)
	// A malformed event between two progress events.
	items = append(items, decodeItem(uint64(len(items)+1), "gg."+p1+".run."+r1+".progress", []byte(`{"nope":1}`)))
	prog(p1, r1, 10)
	prog(p1, r1, 11)
	add(p1, r1, events.RunCompleted{})
	prog(p1, r1, 12) // after the end: no-ops
	prog(p1, r1, 13)
	prog(p1, r3, 1) // an unknown run
	prog(p1, r3, 2)
	prog(p1, r2, 2)
	prog(p1, r2, 3)

	coalesced := 0
	for i := 1; i < len(items); i++ {
		if supersedes(&items[i], &items[i-1]) {
			coalesced++
		}
	}
	if coalesced < 8 {
		t.Fatalf("only %d events would be coalesced; the test lost its subject", coalesced)
	}

	apply := func(name string, batches [][]item) (string, []Change) {
		s, err := Open(ctx, filepath.Join(t.TempDir(), name+".db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		p := NewProjector(s, nil, Config{Logger: testLogger(t)})
		var all []Change
		for _, b := range batches {
			changes, _, err := p.applyBatch(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, changes...)
		}
		dump, err := s.Dump(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return dump, all
	}
	var single [][]item
	for i := range items {
		single = append(single, items[i:i+1])
	}
	wantDump, wantChanges := apply("single", single)
	gotDump, gotChanges := apply("batch", [][]item{items})
	if gotDump != wantDump {
		t.Errorf("read model differs with coalescing:\n%s\nwant:\n%s", gotDump, wantDump)
	}
	if !reflect.DeepEqual(gotChanges, wantChanges) {
		t.Errorf("changes differ with coalescing:\n%v\nwant:\n%v", gotChanges, wantChanges)
	}
}
