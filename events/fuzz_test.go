package events_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/events"
)

// FuzzDecode feeds arbitrary bytes to Decode and Payload. Neither may
// panic; every error wraps one of the package's sentinels; and whatever
// Decode accepts round-trips: it re-encodes, decodes to the same envelope,
// and its payload survives being wrapped in a new envelope unchanged. The
// golden files and the committed corpus (testdata/fuzz/FuzzDecode) seed it.
func FuzzDecode(f *testing.F) {
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, p := range golden {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		env, err := events.Decode(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("Decode error %v wraps no sentinel", err)
			}
			return
		}
		if !events.ValidID(env.ID) || !json.Valid(env.Data) || env.V < 1 {
			t.Fatalf("Decode accepted an invalid envelope: %+v", env)
		}
		if _, err := env.Subject(); err != nil {
			t.Fatalf("Decode accepted an envelope without a subject: %v", err)
		}

		// Round trip of the envelope.
		enc, err := env.Encode()
		if err != nil {
			t.Fatalf("Encode of a decoded envelope: %v", err)
		}
		again, err := events.Decode(enc)
		if err != nil {
			t.Fatalf("Decode(Encode(env)): %v\n%s", err, enc)
		}
		enc2, err := again.Encode()
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable:\n%s\n%s (%v)", enc, enc2, err)
		}

		// Round trip of the payload through a new envelope.
		data, err := env.Payload()
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("Payload error %v wraps no sentinel", err)
			}
			return
		}
		if data.Type() != env.Type {
			t.Fatalf("Payload of %s is a %s", env.Type, data.Type())
		}
		rebuilt, err := events.NewEnvelopeWith(env.ID, env.Time, env.ProjectID, env.RunID, data)
		if err != nil {
			t.Fatalf("NewEnvelopeWith(payload of a valid envelope): %v", err)
		}
		raw, err := rebuilt.Encode()
		if err != nil {
			t.Fatalf("Encode(rebuilt): %v", err)
		}
		dec, err := events.Decode(raw)
		if err != nil {
			t.Fatalf("Decode(rebuilt): %v", err)
		}
		data2, err := dec.Payload()
		if err != nil {
			t.Fatalf("Payload(rebuilt): %v", err)
		}
		j1, _ := json.Marshal(data)
		j2, _ := json.Marshal(data2)
		if !bytes.Equal(j1, j2) || reflect.TypeOf(data) != reflect.TypeOf(data2) {
			t.Fatalf("payload changed in a round trip:\n%s\n%s", j1, j2)
		}
	})
}

// FuzzParseSubject checks that ParseSubject never panics and that what it
// accepts is built again, identically, from its parts.
func FuzzParseSubject(f *testing.F) {
	f.Add("gg.01JAAAAAAAAAAAAAAAAAAAAAAA.run.01JBBBBBBBBBBBBBBBBBBBBBBB.requested")
	f.Add("gg.01JAAAAAAAAAAAAAAAAAAAAAAA.project.created")
	f.Add("gg.01JAAAAAAAAAAAAAAAAAAAAAAA.log.01JBBBBBBBBBBBBBBBBBBBBBBB")
	f.Add("gg.*.run.>")
	f.Add("gg..run..requested")
	f.Fuzz(func(t *testing.T, s string) {
		pid, rid, typ, err := events.ParseSubject(s)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("ParseSubject error %v wraps no sentinel", err)
			}
			return
		}
		if strings.ContainsAny(pid+rid, ".*> \t\r\n") {
			t.Fatalf("ParseSubject(%q) gave ids with subject tokens: %q %q", s, pid, rid)
		}
		if !events.ValidID(pid) || (rid != "" && !events.ValidID(rid)) {
			t.Fatalf("ParseSubject(%q) gave invalid ids %q %q", s, pid, rid)
		}
		var again string
		if typ == events.KindLog {
			again, err = events.LogSubject(pid, rid)
		} else {
			again, err = events.Subject(pid, rid, typ)
		}
		if err != nil || again != s {
			t.Fatalf("ParseSubject(%q) = %q %q %q, which builds %q (%v)", s, pid, rid, typ, again, err)
		}
	})
}

func isSentinel(err error) bool {
	for _, s := range []error{events.ErrInvalidEnvelope, events.ErrInvalidID, events.ErrInvalidSubject, events.ErrUnknownType, events.ErrUnsupportedVersion} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
