package projectstate_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/projectstate"
)

func ptr[T any](v T) *T { return &v }

// TestLoadFoldsUserEdits: term.* edits shape the runner's input in stream
// order: deletions and definition edits last until the next result of
// their step; rules, notes and synonyms persist.
func TestLoadFoldsUserEdits(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.publish("", events.ProjectCreated{Name: "p", LLMProvider: "builtin"})
	run1 := events.NewID()
	b.result(run1, "extract", events.StepOutput{Terms: []glossary.Term{{Text: "broker", Category: glossary.TechnicalTerm}, {Text: "queue"}, {Text: "thing"}}})
	b.result(run1, "provisional", events.StepOutput{Entries: []glossary.Entry{{Term: "broker", Definition: "old", Confidence: 0.3}}})
	for _, d := range []events.Data{
		events.TermDeleted{TermText: "queue"},
		events.TermExcluded{TermText: "thing"},
		events.TermRequired{TermText: "cluster"},
		events.TermAdded{TermText: "stream", Category: "title", UserNote: "mine"},
		events.TermUpdated{TermText: "broker", UserNote: ptr("the server")},
		events.TermSynonymsSet{GroupID: events.NewID(), Primary: "broker", Members: []string{"message broker"}},
		events.TermDefinitionEdited{TermName: "broker", Definition: ptr("edited"), Confidence: ptr(0.9)},
		events.TermDefinitionEdited{TermName: "broker", Confidence: ptr(2.0)}, // invalid: ignored as the projector does
	} {
		b.publish("", d)
	}
	p, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	st := p.State
	var texts []string
	for _, tm := range st.Terms {
		texts = append(texts, tm.Text)
	}
	if want := []string{"broker", "cluster", "stream"}; !reflect.DeepEqual(texts, want) {
		t.Fatalf("terms = %v, want %v", texts, want)
	}
	if st.Terms[0].UserNote != "the server" || st.Rules.Notes["stream"] != "mine" {
		t.Errorf("notes: %+v, rules %+v", st.Terms[0], st.Rules.Notes)
	}
	if !reflect.DeepEqual(st.Rules.Excluded, []string{"thing"}) || !reflect.DeepEqual(st.Rules.Required, []string{"cluster", "stream"}) {
		t.Errorf("rules = %+v", st.Rules)
	}
	if !reflect.DeepEqual(st.Synonyms["broker"], []string{"message broker"}) {
		t.Errorf("synonyms = %v", st.Synonyms)
	}
	if e := st.Provisional[0]; e.Definition != "edited" || e.Confidence != 0.9 {
		t.Errorf("provisional = %+v", e)
	}

	// New results end the deletions and the definition edits.
	run2 := events.NewID()
	b.result(run2, "extract", events.StepOutput{Terms: []glossary.Term{{Text: "broker"}, {Text: "queue"}}})
	b.result(run2, "provisional", events.StepOutput{Entries: []glossary.Entry{{Term: "broker", Definition: "new"}}})
	p, err = projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	texts = nil
	for _, tm := range p.State.Terms {
		texts = append(texts, tm.Text)
	}
	if want := []string{"broker", "cluster", "queue", "stream"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("terms after a new extract = %v, want %v", texts, want)
	}
	if e := p.State.Provisional[0]; e.Definition != "new" {
		t.Errorf("provisional after a new result = %+v", e)
	}
}

// TestLoadProjectCloned: the outputs a clone imported are the step results.
func TestLoadProjectCloned(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.publish("", events.ProjectCreated{Name: "copy", LLMProvider: "builtin"})
	terms, _ := json.Marshal(events.StepOutput{Terms: []glossary.Term{{Text: "WAL"}}})
	issues, _ := json.Marshal(events.StepOutput{Issues: []glossary.Issue{{Term: "WAL", Type: glossary.Unclear}}})
	b.publish("", events.ProjectCloned{SourceProjectID: events.NewID(), UpToDate: true, Results: []events.RunResult{
		{Step: "extract", Count: 1, Inline: terms},
		{Step: "issues", Count: 1, Inline: issues},
	}})
	p, err := projectstate.Load(b.ctx, b.js, b.pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.State.Terms) != 1 || p.State.Terms[0].Text != "WAL" || len(p.State.Issues) != 1 {
		t.Errorf("state = %+v", p.State)
	}
}
