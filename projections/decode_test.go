package projections

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

// decodeSeeds are envelopes on and off decodeEnvelope's fast path.
func decodeSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	ids := events.NewIDGen(nil)
	pid, rid := ids.New(), ids.New()
	at := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	var seeds [][]byte
	for _, d := range []events.Data{
		events.ProjectCreated{Name: "p", LLMProvider: "builtin"},
		events.RunProgress{Step: StepExtract, Current: 1, Total: 4, CurrentTerm: "量子 \"x\""},
		events.RunStep{Step: StepExtract, Status: events.StepCompleted, Count: 3},
		events.RunCompleted{Summary: map[string]int{"terms": 3}},
	} {
		r := rid
		if d.Type() == events.TypeProjectCreated {
			r = ""
		}
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, r, d)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := env.Encode()
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	golden, _ := filepath.Glob(filepath.Join("..", "events", "testdata", "*.json"))
	for _, p := range golden {
		if b, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, b)
		}
	}
	b := seeds[1]
	for _, s := range []string{
		`{}`, `[]`, `null`, ``, `{`, `{"id":}`,
		// variants of a valid body
		string(b) + ` `, string(b) + `]`, string(b) + `{}`, ` ` + string(b),
		string(bytes.Replace(b, []byte(`"id"`), []byte(`"ID"`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":1.0`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":01`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":2`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":1,"v":1`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":1,"x":1`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":null`), 1)),
		string(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":9999999999`), 1)),
		string(bytes.Replace(b, []byte(`"type":"run.progress"`), []byte(`"type":"run.progres\u0073"`), 1)),
		string(bytes.Replace(b, []byte(`"data":{`), []byte(`"data":{"a":[}],`), 1)),
		string(bytes.Replace(b, []byte(`"data":{`), []byte(`"data":{"a":"}",`), 1)),
		string(bytes.Replace(b, []byte(`"data":{`), []byte(`"data" : { "b" : [ 1 , {} ] , `), 1)),
		string(bytes.Replace(b, []byte(`"time":"2026`), []byte(`"time":"0000`), 1)),
		string(bytes.Replace(b, []byte(`Z"`), []byte(`+01:00"`), 1)),
		string(bytes.Replace(b, []byte(`,"run_id"`), []byte(`,"run_id":"","run_idx"`), 1)),
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// checkDecodeEnvelope fails t unless decodeEnvelope(b) gives what
// events.Decode(b) gives.
func checkDecodeEnvelope(t *testing.T, b []byte) {
	want, wantErr := events.Decode(b)
	got, err := decodeEnvelope(b)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("decodeEnvelope(%q) error %v, events.Decode %v", b, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeEnvelope(%q) = %+v, events.Decode %+v", b, got, want)
	}
}

func TestDecodeEnvelopeAsEventsDecode(t *testing.T) {
	for _, b := range decodeSeeds(t) {
		checkDecodeEnvelope(t, b)
	}
}

func TestDecodeEnvelopeFastPath(t *testing.T) {
	seeds := decodeSeeds(t)
	for _, b := range seeds[:4] {
		if _, ok := fastEnvelope(b); !ok {
			t.Errorf("fast path refused %s", b)
		}
	}
}

// FuzzDecodeEnvelope checks that decodeEnvelope always agrees with
// events.Decode.
func FuzzDecodeEnvelope(f *testing.F) {
	for _, b := range decodeSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(checkDecodeEnvelope)
}
