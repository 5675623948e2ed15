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

// payloadSeeds are payloads on and off fastPayload's path.
var payloadSeeds = []string{
	`{}`, ` { } `, `{"name":"p","llm_provider":"builtin","llm_model":"","llm_base_url":""}`,
	`{"scope":"full","triggered_by":"api"}`, `{"scope":"full","triggered_by":"api","documents":["a"]}`,
	`{"scope":"full","triggered_by":"api","idempotency_key":"k"}`,
	`{"runner_id":"r","attempt":1}`, `{"runner_id":"r","attempt":-3}`, `{"runner_id":"r","attempt":-0}`,
	`{"runner_id":"r","attempt":1.0}`, `{"runner_id":"r","attempt":1e3}`, `{"runner_id":"r","attempt":012}`,
	`{"runner_id":"r","attempt":123456789012345678901}`, `{"runner_id":null,"attempt":null}`,
	`{"step":"extract","status":"started","count":0}`, `{"step":"extract","status":"completed","count":12}`,
	`{"step":"extract","current":1,"total":4}`, `{"step":"extract","current":1,"total":4,"current_term":"量子"}`,
	`{"step":"extract","current":1,"total":4,"current_term":"\u91cf"}`, `{"step":"ex\"t","current":1}`,
	`{"step":"extract","step":"x"}`, `{"Step":"extract"}`, `{"step":"extract","current":true}`,
	`{"step":"extract","current":1,"total":4}x`, `{"step":"extract",}`, `{"step" "extract"}`, `{"step":"extract"`,
	"{\"step\":\"\xff\"}", "{\"step\":\"a\x01\"}", "{\"step\":\"a\x7f\"}",
	`{"summary":null}`, `{"summary":{}}`, `{"summary":{"terms":3,"issues":0}}`, `{"summary":{"terms":3,"terms":4}}`,
	`{"summary":{"terms":null}}`, `{"summary":{"terms":"3"}}`, `{"summary":{"a":1},"logs_truncated":true}`,
	`{"summary":null,"logs_truncated":false}`, `{"summary":null,"logs_truncated":nul}`, `{"summary":[]}`,
	`{"error_message":"boom","logs_truncated":true}`, `{"reason":"user","logs_truncated":false}`,
	`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}`, `null`, `[]`, `"x"`, `1`,
}

// checkDecodePayload fails t unless decodePayload gives what Payload
// gives for data as the payload of an envelope of type typ.
func checkDecodePayload(t *testing.T, typ string, data []byte) {
	env := events.Envelope{Type: typ, V: 1, Data: data}
	want, wantErr := env.Payload()
	got, err := decodePayload(env)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("decodePayload(%s %q) error %v, Payload %v", typ, data, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodePayload(%s %q) = %#v, Payload %#v", typ, data, got, want)
	}
}

func TestDecodePayloadAsPayload(t *testing.T) {
	fast := 0
	for _, typ := range events.Types() {
		for _, s := range payloadSeeds {
			checkDecodePayload(t, typ, []byte(s))
			if _, ok := fastPayload(typ, []byte(s)); ok {
				fast++
			}
		}
	}
	if fast < 20 {
		t.Errorf("only %d seeds took the fast path", fast)
	}
}

// FuzzDecodePayload checks that decodePayload always agrees with
// Payload.
func FuzzDecodePayload(f *testing.F) {
	for i := range events.Types() {
		for _, s := range payloadSeeds {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, typ uint8, data []byte) {
		types := events.Types()
		checkDecodePayload(t, types[int(typ)%len(types)], data)
	})
}

func TestOnSubjectAsSubject(t *testing.T) {
	ids := events.NewIDGen(nil)
	pid, rid := ids.New(), ids.New()
	at := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	checked := 0
	for _, typ := range events.Types() {
		for _, r := range []string{"", rid} {
			env := events.Envelope{ID: ids.New(), Type: typ, V: 1, Time: at, ProjectID: pid, RunID: r, Data: []byte(`{}`)}
			if env.Validate() != nil {
				continue
			}
			want, _ := env.Subject()
			for _, subject := range []string{
				want, want + ".x", want[:len(want)-1], "x" + want, "",
				"gg." + pid + ".run." + r + "." + typ, "gg." + pid + "." + typ, "gg." + pid + ".log." + r,
				"gg." + pid + ".run." + r, "gg." + rid + ".run." + pid + "." + typ,
			} {
				if got := onSubject(env, subject); got != (subject == want) {
					t.Errorf("onSubject(%s run %q, %q) = %v, want %v (subject %q)", typ, r, subject, got, !got, want)
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Fatalf("checked only %d cases", checked)
	}
}
