package events_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

var update = flag.Bool("update", false, "rewrite testdata/*.json golden files")

const (
	projectID = "01JAAAAAAAAAAAAAAAAAAAAAAA"
	runID     = "01JBBBBBBBBBBBBBBBBBBBBBBB"
	eventID   = "01JCCCCCCCCCCCCCCCCCCCCCCC"
	docID     = "01JDDDDDDDDDDDDDDDDDDDDDDD"
)

var fixedTime = time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.UTC)

func ptr[T any](v T) *T { return &v }

// samples has one payload per catalogue type, every field set so that a
// renamed JSON field changes the golden file.
func samples() []events.Data {
	return []events.Data{
		events.ProjectCreated{Name: "Manual", LLMProvider: "openai", LLMModel: "gpt-4o-mini", LLMBaseURL: "http://localhost:11434/v1"},
		events.ProjectUpdated{Name: ptr("Manual v2"), LLMProvider: ptr("builtin"), LLMModel: ptr(""), LLMBaseURL: ptr("")},
		events.ProjectDeleted{},
		events.DocAdded{DocID: docID, FileName: "guide/intro.md", Size: 1234, SHA256: strings.Repeat("ab", 32), ObjectKey: projectID + "/" + docID},
		events.DocRemoved{DocID: docID, FileName: "guide/intro.md"},
		events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAuto, Terms: []string{"量子", "API"}, Documents: []string{docID}, IdempotencyKey: "k-1"},
		events.RunStarted{RunnerID: "runner-a", Attempt: 2},
		events.RunStep{Step: "extract", Status: events.StepCompleted, Count: 42},
		events.RunProgress{Step: "provisional", Current: 3, Total: 42, CurrentTerm: "量子"},
		events.RunResult{Step: "extract", Count: 2, Inline: json.RawMessage(`[{"term":"API"},{"term":"量子"}]`), ObjectKey: "x"},
		events.RunCancelRequested{Reason: "user"},
		events.RunCompleted{Summary: map[string]int{"terms": 42, "provisional": 40, "issues": 5, "refined": 39}},
		events.RunFailed{ErrorMessage: "llm: timeout"},
		events.RunCancelled{Reason: "user"},
		events.LogLine{Level: events.LevelWarning, Message: "slow response"},
		events.LogProgress{Step: "issues", Current: 1, Total: 2, CurrentTerm: "API"},
		events.LogStep{Step: "refined", Status: events.StepStarted, Count: 0},
		events.LogEnd{Status: events.RunStatusFailed, ErrorMessage: "llm: timeout"},
		events.TermAdded{TermText: "量子", Category: "technical_term", UserNote: "see chapter 2"},
		events.TermUpdated{TermText: "量子", NewText: ptr("量子ビット"), Category: ptr("title"), UserNote: ptr("")},
		events.TermDeleted{TermText: "API"},
		events.TermExcluded{TermText: "thing", Reason: "too general"},
		events.TermUnexcluded{TermText: "thing"},
		events.TermRequired{TermText: "WAL"},
		events.TermUnrequired{TermText: "WAL"},
		events.TermSynonymsSet{GroupID: eventID, Primary: "write-ahead log", Members: []string{"WAL", "journal"}},
		events.TermSynonymsRemoved{GroupID: eventID},
		events.TermDefinitionEdited{TermName: "WAL", Definition: ptr("A log written first."), Confidence: ptr(0.9)},
		events.ProjectCloned{SourceProjectID: docID, Results: []events.RunResult{{Step: "issues", Count: 1, Inline: json.RawMessage(`{"issues":[]}`)}}, UpToDate: true},
	}
}

func runIDFor(t string) string {
	if strings.HasPrefix(t, "run.") || strings.HasPrefix(t, "log.") {
		return runID
	}
	return ""
}

func TestCatalogueIsComplete(t *testing.T) {
	t.Parallel()
	var got []string
	for _, d := range samples() {
		got = append(got, d.Type())
	}
	if want := events.Types(); !reflect.DeepEqual(got, want) {
		t.Fatalf("samples cover %v,\nTypes() = %v", got, want)
	}
	for _, typ := range events.Types() {
		if v, ok := events.Version(typ); !ok || v != 1 {
			t.Errorf("Version(%q) = %d, %v", typ, v, ok)
		}
	}
}

func TestGoldenAndRoundTrip(t *testing.T) {
	t.Parallel()
	for _, data := range samples() {
		t.Run(data.Type(), func(t *testing.T) {
			t.Parallel()
			env, err := events.NewEnvelopeWith(eventID, fixedTime, projectID, runIDFor(data.Type()), data)
			if err != nil {
				t.Fatal(err)
			}
			b, err := env.Encode()
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", data.Type()+".json")
			if *update {
				var pretty bytes.Buffer
				if err := json.Indent(&pretty, b, "", "  "); err != nil {
					t.Fatal(err)
				}
				pretty.WriteByte('\n')
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, compact.Bytes()) {
				t.Errorf("encoding changed (a renamed field breaks stored events):\n got %s\nwant %s", b, compact.Bytes())
			}

			// Decoding the golden file gives back the same envelope and payload.
			got, err := events.Decode(compact.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, env) {
				t.Errorf("Decode(golden) = %+v, want %+v", got, env)
			}
			payload, err := got.Payload()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(payload, data) {
				t.Errorf("Payload() = %#v, want %#v", payload, data)
			}
		})
	}
}

func TestDecodeDataGeneric(t *testing.T) {
	t.Parallel()
	want := events.RunRequested{Scope: "extract", TriggeredBy: events.TriggeredByAPI}
	env, err := events.NewEnvelope(projectID, runID, want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := events.DecodeData[events.RunRequested](env)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("DecodeData = %+v, %v", got, err)
	}
	if _, err := events.DecodeData[events.RunStarted](env); !errors.Is(err, events.ErrUnknownType) {
		t.Fatalf("DecodeData with the wrong type: err = %v, want ErrUnknownType", err)
	}
}

func TestNewEnvelope(t *testing.T) {
	t.Parallel()
	env, err := events.NewEnvelope(projectID, runID, events.RunStarted{RunnerID: "r", Attempt: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !events.ValidID(env.ID) || env.V != 1 || env.Time.Location() != time.UTC || env.Type != events.TypeRunStarted {
		t.Fatalf("NewEnvelope = %+v", env)
	}
	b, _ := env.Encode()
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	ts, _ := raw["time"].(string)
	if _, err := time.Parse(time.RFC3339Nano, ts); err != nil || !strings.HasSuffix(ts, "Z") {
		t.Fatalf("time %q is not UTC RFC 3339", ts)
	}

	for name, tc := range map[string]struct {
		p, r string
		d    events.Data
		want error
	}{
		"run event without run id":  {projectID, "", events.RunStarted{}, events.ErrInvalidID},
		"project event with run id": {projectID, runID, events.ProjectDeleted{}, events.ErrInvalidSubject},
		"bad project id":            {"p1", "", events.ProjectDeleted{}, events.ErrInvalidID},
		"nil data":                  {projectID, "", nil, events.ErrInvalidEnvelope},
	} {
		if _, err := events.NewEnvelope(tc.p, tc.r, tc.d); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	t.Parallel()
	good := `{"id":"` + eventID + `","type":"run.failed","v":1,"time":"2025-03-14T09:26:53Z","project_id":"` + projectID + `","run_id":"` + runID + `","data":{"error_message":"x"}}`
	if _, err := events.Decode([]byte(good)); err != nil {
		t.Fatalf("good envelope: %v", err)
	}
	withV := func(v string) string { return strings.Replace(good, `"v":1`, `"v":`+v, 1) }
	for name, tc := range map[string]struct {
		in   string
		want error
	}{
		"next major version":  {withV("2"), events.ErrUnsupportedVersion},
		"far future version":  {withV("99"), events.ErrUnsupportedVersion},
		"version zero":        {withV("0"), events.ErrInvalidEnvelope},
		"missing version":     {strings.Replace(good, `"v":1,`, ``, 1), events.ErrInvalidEnvelope},
		"garbage":             {"\x00not json", events.ErrInvalidEnvelope},
		"empty":               {"", events.ErrInvalidEnvelope},
		"json array":          {"[1,2]", events.ErrInvalidEnvelope},
		"trailing data":       {good + "{}", events.ErrInvalidEnvelope},
		"bad id":              {strings.Replace(good, eventID, "nope", 1), events.ErrInvalidEnvelope},
		"lower-case id":       {strings.Replace(good, eventID, strings.ToLower(eventID), 1), events.ErrInvalidID},
		"missing time":        {strings.Replace(good, `"time":"2025-03-14T09:26:53Z",`, ``, 1), events.ErrInvalidEnvelope},
		"missing data":        {strings.Replace(good, `,"data":{"error_message":"x"}`, ``, 1), events.ErrInvalidEnvelope},
		"missing run id":      {strings.Replace(good, `,"run_id":"`+runID+`"`, ``, 1), events.ErrInvalidID},
		"injected subject":    {strings.Replace(good, `"type":"run.failed"`, `"type":"run.*"`, 1), events.ErrInvalidSubject},
		"wildcard project id": {strings.Replace(good, projectID, "*", 1), events.ErrInvalidID},
	} {
		_, err := events.Decode([]byte(tc.in))
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
	}
	// The error for garbage is clear about what failed.
	_, err := events.Decode([]byte("garbage"))
	if err == nil || !strings.Contains(err.Error(), "invalid envelope") {
		t.Errorf("garbage error = %v", err)
	}
}

func TestDecodeForwardCompatible(t *testing.T) {
	t.Parallel()
	// Unknown fields (added optional fields) are ignored.
	in := `{"id":"` + eventID + `","type":"run.started","v":1,"time":"2025-03-14T09:26:53Z","project_id":"` + projectID + `","run_id":"` + runID + `","data":{"runner_id":"r","attempt":1,"new_field":true},"extra":1}`
	env, err := events.Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	d, err := env.Payload()
	if err != nil || d != (events.RunStarted{RunnerID: "r", Attempt: 1}) {
		t.Fatalf("Payload = %#v, %v", d, err)
	}
	// A type added later (term.*) decodes as an envelope; its payload is unknown.
	in = `{"id":"` + eventID + `","type":"term.future_kind","v":3,"time":"2025-03-14T09:26:53Z","project_id":"` + projectID + `","data":{}}`
	env, err = events.Decode([]byte(in))
	if err != nil {
		t.Fatalf("future type: %v", err)
	}
	if _, err := env.Payload(); !errors.Is(err, events.ErrUnknownType) {
		t.Fatalf("Payload of a future type: err = %v, want ErrUnknownType", err)
	}
	// A payload of the wrong shape is an invalid envelope.
	env = events.Envelope{ID: eventID, Type: events.TypeRunStarted, V: 1, Time: fixedTime, ProjectID: projectID, RunID: runID, Data: json.RawMessage(`{"attempt":"one"}`)}
	if _, err := env.Payload(); !errors.Is(err, events.ErrInvalidEnvelope) {
		t.Fatalf("Payload with a bad field: err = %v", err)
	}
}

func TestIsTerminal(t *testing.T) {
	t.Parallel()
	for _, typ := range events.Types() {
		want := typ == events.TypeRunCompleted || typ == events.TypeRunFailed || typ == events.TypeRunCancelled
		if got := events.IsTerminal(typ); got != want {
			t.Errorf("IsTerminal(%q) = %v", typ, got)
		}
	}
}
