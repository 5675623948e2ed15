package projections

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
)

// BenchmarkProjectLookup compares what the API's project routes read per
// request: the whole project (GetProject: its row and the counts of its
// documents, terms, issues and runs) against the existence check that
// routes needing only the id make (ProjectExists), for a project with
// 2000 terms.
func BenchmarkProjectLookup(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "lookup.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = s.Close() }()
	ids := events.NewIDGen(nil)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pid, rid := ids.New(), ids.New()
	out := events.StepOutput{}
	for i := range 2000 {
		out.Terms = append(out.Terms, glossary.Term{Text: "term " + strconv.Itoa(i)})
	}
	inline, err := json.Marshal(out)
	if err != nil {
		b.Fatal(err)
	}
	p := NewProjector(s, nil, Config{})
	var items []item
	for i, d := range []events.Data{
		events.ProjectCreated{Name: "lookup", LLMProvider: "builtin"},
		events.RunRequested{Scope: "extract", TriggeredBy: events.TriggeredByAPI},
		events.RunStarted{RunnerID: "bench", Attempt: 1},
		events.RunResult{Step: StepExtract, Count: len(out.Terms), Inline: inline},
		events.RunCompleted{},
	} {
		run := rid
		if i == 0 {
			run = ""
		}
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, run, d)
		if err != nil {
			b.Fatal(err)
		}
		m, err := events.Msg(env)
		if err != nil {
			b.Fatal(err)
		}
		it := decodeItem(uint64(i+1), m.Subject, m.Data)
		if err := p.loadResult(ctx, &it); err != nil || it.skip != nil {
			b.Fatal(err, it.skip)
		}
		items = append(items, it)
	}
	if _, _, err := p.applyBatch(ctx, items); err != nil {
		b.Fatal(err)
	}
	if got, err := s.GetProject(ctx, pid); err != nil || got.TermCount != len(out.Terms) {
		b.Fatalf("GetProject = %+v, %v", got, err)
	}
	b.Run("GetProject", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.GetProject(ctx, pid); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ProjectExists", func(b *testing.B) {
		for b.Loop() {
			if ok, err := s.ProjectExists(ctx, pid); err != nil || !ok {
				b.Fatal(ok, err)
			}
		}
	})
}
