package termedits_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/termedits"
)

func ptr[T any](v T) *T { return &v }

func texts(ts []glossary.Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

func TestEditsFoldAndApply(t *testing.T) {
	t.Parallel()
	extracted := []glossary.Term{
		{Text: "broker", Category: glossary.TechnicalTerm, Frequency: 3},
		{Text: "queue", Category: glossary.TechnicalTerm, Frequency: 2},
		{Text: "thing", Category: glossary.TechnicalTerm, Frequency: 1},
		{Text: "WAL", Category: glossary.TechnicalTerm, Frequency: 4},
	}
	var e termedits.Edits
	for _, d := range []events.Data{
		events.TermAdded{TermText: " stream ", Category: "title", UserNote: "hand-made"},
		events.TermExcluded{TermText: "thing"},
		events.TermRequired{TermText: "cluster"},
		events.TermDeleted{TermText: "queue"},
		events.TermUpdated{TermText: "broker", UserNote: ptr("the server"), Category: ptr("organization")},
		events.TermSynonymsSet{GroupID: "g1", Primary: "write-ahead log", Members: []string{"WAL", "WAL", "write-ahead log"}},
		events.TermDefinitionEdited{TermName: "broker", Definition: ptr("The server.")},
		events.TermDefinitionEdited{TermName: "broker", Confidence: ptr(0.9)},
	} {
		if ok, err := e.Apply(d); !ok || err != nil {
			t.Fatalf("Apply(%#v) = %v, %v", d, ok, err)
		}
	}
	got := e.Terms(extracted)
	if want := []string{"WAL", "broker", "cluster", "stream"}; !reflect.DeepEqual(texts(got), want) {
		t.Fatalf("Terms = %v, want %v", texts(got), want)
	}
	if got[1].UserNote != "the server" || got[1].Category != glossary.Organization || got[1].Frequency != 3 {
		t.Errorf("broker = %+v", got[1])
	}
	if got[3].Category != glossary.Title || got[3].UserNote != "hand-made" {
		t.Errorf("stream = %+v", got[3])
	}
	r := e.Rules()
	if !reflect.DeepEqual(r.Excluded, []string{"thing"}) || !reflect.DeepEqual(r.Required, []string{"cluster", "stream"}) {
		t.Errorf("Rules = %+v", r)
	}
	if syn := e.Synonyms(); !reflect.DeepEqual(syn["write-ahead log"], []string{"WAL"}) {
		t.Errorf("Synonyms = %v", syn)
	}
	entry := e.EditEntry(glossary.Entry{Term: "broker", Definition: "x", Confidence: 0.2})
	if entry.Definition != "The server." || entry.Confidence != 0.9 {
		t.Errorf("EditEntry = %+v", entry)
	}

	// A new extract ends the deletions; a new provisional the definition edits.
	e.StepReplaced("extract")
	e.StepReplaced("provisional")
	if got := texts(e.Terms(extracted)); !reflect.DeepEqual(got, []string{"WAL", "broker", "cluster", "queue", "stream"}) {
		t.Errorf("Terms after extract = %v", got)
	}
	if len(e.Definitions) != 0 {
		t.Errorf("definitions kept: %v", e.Definitions)
	}

	// Rename moves the note and category; the old text is gone.
	if _, err := e.Apply(events.TermUpdated{TermText: "broker", NewText: ptr("message broker")}); err != nil {
		t.Fatal(err)
	}
	got = e.Terms(extracted)
	if want := []string{"WAL", "cluster", "message broker", "queue", "stream"}; !reflect.DeepEqual(texts(got), want) {
		t.Fatalf("Terms after rename = %v, want %v", texts(got), want)
	}
	if got[2].UserNote != "the server" || got[2].Category != glossary.Organization {
		t.Errorf("renamed = %+v", got[2])
	}

	// The JSON round-trips (the projector stores it).
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back termedits.Edits
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back.Terms(extracted), got) {
		t.Errorf("round trip: %v", err)
	}
}

func TestInvalidEditsChangeNothing(t *testing.T) {
	t.Parallel()
	for _, d := range []events.Data{
		events.TermAdded{TermText: " "},
		events.TermAdded{TermText: "x", Category: "animal"},
		events.TermUpdated{TermText: "x", Category: ptr("animal")},
		events.TermUpdated{TermText: "x", NewText: ptr("")},
		events.TermSynonymsSet{GroupID: "g", Primary: "a", Members: []string{"a"}},
		events.TermDefinitionEdited{TermName: "x", Confidence: ptr(1.5)},
	} {
		var e termedits.Edits
		if _, err := e.Apply(d); !errors.Is(err, termedits.ErrInvalidEdit) {
			t.Errorf("Apply(%#v) err = %v", d, err)
		}
		if !reflect.DeepEqual(e, termedits.Edits{}) {
			t.Errorf("Apply(%#v) changed %+v", d, e)
		}
	}
	var e termedits.Edits
	if ok, _ := e.Apply(events.RunStarted{}); ok {
		t.Error("a run event is not an edit")
	}
}
