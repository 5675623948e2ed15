package projections

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/genglossary/genglossary/events"
)

// onSubject reports whether subject is env.Subject(), without building
// the subject for the run and project families. env must have passed
// Validate, which checks that Subject does not fail.
func onSubject(env events.Envelope, subject string) bool {
	fam, rest, _ := strings.Cut(env.Type, ".")
	switch fam {
	case events.FamilyRun:
		return isConcat(subject, events.SubjectRoot, ".", env.ProjectID, ".run.", env.RunID, ".", rest)
	case events.FamilyLog:
		want, err := env.Subject()
		return err == nil && want == subject
	}
	return isConcat(subject, events.SubjectRoot, ".", env.ProjectID, ".", env.Type)
}

// isConcat reports whether s is the concatenation of parts.
func isConcat(s string, parts ...string) bool {
	for _, p := range parts {
		var ok bool
		if s, ok = strings.CutPrefix(s, p); !ok {
			return false
		}
	}
	return s == ""
}

// knownTypes is the event catalogue as a set: [events.Version] builds the
// catalogue's list on every call.
var knownTypes = func() map[string]bool {
	m := make(map[string]bool)
	for _, t := range events.Types() {
		m[t] = true
	}
	return m
}()

// typeNames maps each catalogue type to itself, to share one string per
// type between the decoded envelopes.
var typeNames = func() map[string]string {
	m := make(map[string]string)
	for _, t := range events.Types() {
		m[t] = t
	}
	return m
}()

// decodeEnvelope is [events.Decode] with a fast path for the envelopes
// publishers write: one JSON object whose keys are the envelope's, each
// once and spelled exactly, whose strings have no escapes and no bytes
// outside printable ASCII, whose v is a small positive integer and whose
// data is an object. Such a body is read in one pass instead of through
// encoding/json's decoder and reflection; any other body, and any
// envelope that fails validation, is decoded by events.Decode, so the
// result is always events.Decode's.
func decodeEnvelope(b []byte) (events.Envelope, error) {
	if e, ok := fastEnvelope(b); ok && e.Validate() == nil {
		return e, nil
	}
	return events.Decode(b)
}

// fastEnvelope parses b if it has the shape decodeEnvelope describes; ok
// is false otherwise. Data aliases b. For a body it accepts,
// encoding/json would give the same fields (Validate then checks that
// data is JSON: a data object with mismatched brackets is not).
func fastEnvelope(b []byte) (e events.Envelope, ok bool) {
	const (
		fID = 1 << iota
		fType
		fV
		fTime
		fProject
		fRun
		fData
	)
	var seen int
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return e, false
	}
	i++
	for {
		key, j, ok := plainString(b, skipSpace(b, i))
		if !ok {
			return e, false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return e, false
		}
		i = skipSpace(b, i+1)
		var f int
		switch string(key) {
		case "id", "type", "project_id", "run_id":
			s, j, ok := plainString(b, i)
			if !ok {
				return e, false
			}
			switch string(key) {
			case "id":
				f, e.ID = fID, string(s)
			case "type":
				f = fType
				if t, ok := typeNames[string(s)]; ok {
					e.Type = t // no copy of the catalogue's names
				} else {
					e.Type = string(s)
				}
			case "project_id":
				f, e.ProjectID = fProject, string(s)
			default:
				f, e.RunID = fRun, string(s)
			}
			i = j
		case "v":
			v, j, ok := smallInt(b, i)
			if !ok {
				return e, false
			}
			f, e.V, i = fV, v, j
		case "time":
			_, j, ok := plainString(b, i)
			if !ok || e.Time.UnmarshalJSON(b[i:j]) != nil {
				return e, false
			}
			f, i = fTime, j
		case "data":
			j, ok := objectEnd(b, i)
			if !ok {
				return e, false
			}
			f, e.Data, i = fData, b[i:j:j], j
		default:
			return e, false
		}
		if seen&f != 0 {
			return e, false
		}
		seen |= f
		i = skipSpace(b, i)
		if i >= len(b) {
			return e, false
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '}' {
			return e, false
		}
		break
	}
	if skipSpace(b, i+1) != len(b) {
		return e, false
	}
	return e, true
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// plainString reads a JSON string at b[i] made only of printable ASCII
// without escapes; it returns the contents and the index after the
// closing quote.
func plainString(b []byte, i int) (s []byte, end int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, 0, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return b[i+1 : j], j + 1, true
		case c == '\\' || c < 0x20 || c > 0x7e:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// smallInt reads a positive integer of at most 9 digits without a leading
// zero.
func smallInt(b []byte, i int) (v, end int, ok bool) {
	j := i
	for j < len(b) && j-i < 10 && b[j] >= '0' && b[j] <= '9' {
		v = v*10 + int(b[j]-'0')
		j++
	}
	if j == i || j-i > 9 || b[i] == '0' {
		return 0, 0, false
	}
	if j < len(b) && (b[j] == '.' || b[j] == 'e' || b[j] == 'E' || (b[j] >= '0' && b[j] <= '9')) {
		return 0, 0, false
	}
	return v, j, true
}

// objectEnd returns the index after the object starting at b[i], matching
// brackets outside strings; whether the object is valid JSON is left to
// the caller.
func objectEnd(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '{' {
		return 0, false
	}
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
			if i >= len(b) {
				return 0, false
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// decodePayload is [events.Envelope.Payload] with a fast path for the
// payloads of the frequent project and run events when they are flat
// objects of known keys (each once) with plain strings (no escapes,
// valid UTF-8), integers, booleans and nulls, and for run.completed's
// summary a flat object of integers. Anything else, including every other
// type, goes through Payload, so the result is always Payload's. env
// must have passed Validate.
func decodePayload(env events.Envelope) (events.Data, error) {
	if d, ok := fastPayload(env.Type, env.Data); ok {
		return d, nil
	}
	return env.Payload()
}

// jsonValue is a scalar (or run.completed's summary) read by flatObject.
type jsonValue struct {
	kind byte // 's' string, 'i' integer, 'b' boolean, 'n' null, 'm' object of integers
	s    []byte
	i    int
	m    map[string]int
}

type keyValue struct {
	key []byte
	v   jsonValue
}

// setString stores a string; null leaves dst as it is, as encoding/json
// does.
func setString[T ~string](v *jsonValue, dst *T) bool {
	switch v.kind {
	case 's':
		*dst = T(v.s)
		return true
	case 'n':
		return true
	}
	return false
}

func setInt(v *jsonValue, dst *int) bool {
	switch v.kind {
	case 'i':
		*dst = v.i
		return true
	case 'n':
		return true
	}
	return false
}

func setBool(v *jsonValue, dst *bool) bool {
	switch v.kind {
	case 'b':
		*dst = v.i != 0
		return true
	case 'n':
		return true
	}
	return false
}

// setSummary stores an object of integers; null sets dst to nil, as
// encoding/json does for a map.
func setSummary(v *jsonValue, dst *map[string]int) bool {
	switch v.kind {
	case 'm':
		*dst = v.m
		return true
	case 'n':
		*dst = nil
		return true
	}
	return false
}

// fieldRef names a payload field: ptr is a *string, *int, *bool or
// *map[string]int.
type fieldRef struct {
	key string
	ptr any
}

// setFields sets, for each key-value pair, the field its key names; an
// unknown key, or a value of another kind, makes it false (the payload then
// goes to Payload).
func setFields(kvs []keyValue, fields ...fieldRef) bool {
	for i := range kvs {
		v := &kvs[i].v
		ok := false
		for _, f := range fields {
			if string(kvs[i].key) != f.key {
				continue
			}
			switch p := f.ptr.(type) {
			case *string:
				ok = setString(v, p)
			case *int:
				ok = setInt(v, p)
			case *bool:
				ok = setBool(v, p)
			case *map[string]int:
				ok = setSummary(v, p)
			}
			break
		}
		if !ok {
			return false
		}
	}
	return true
}

// fastPayload decodes the payloads decodePayload describes; ok is false
// for any other.
func fastPayload(typ string, raw []byte) (events.Data, bool) {
	var buf [8]keyValue
	kvs, ok := flatObject(raw, buf[:0], typ == events.TypeRunCompleted)
	if !ok {
		return nil, false
	}
	// Each case sets the field a key names; an unknown key, or a value of
	// another kind, sends the payload to Payload.
	switch typ {
	case events.TypeProjectCreated:
		var d events.ProjectCreated
		if !setFields(kvs, fieldRef{"name", &d.Name}, fieldRef{"llm_provider", &d.LLMProvider}, fieldRef{"llm_model", &d.LLMModel}, fieldRef{"llm_base_url", &d.LLMBaseURL}) {
			return nil, false
		}
		return d, true
	case events.TypeRunRequested:
		var d events.RunRequested
		// terms and documents are lists
		if !setFields(kvs, fieldRef{"scope", &d.Scope}, fieldRef{"triggered_by", &d.TriggeredBy}, fieldRef{"idempotency_key", &d.IdempotencyKey}) {
			return nil, false
		}
		return d, true
	case events.TypeRunStarted:
		var d events.RunStarted
		if !setFields(kvs, fieldRef{"runner_id", &d.RunnerID}, fieldRef{"attempt", &d.Attempt}) {
			return nil, false
		}
		return d, true
	case events.TypeRunStep:
		var d events.RunStep
		if !setFields(kvs, fieldRef{"step", &d.Step}, fieldRef{"status", &d.Status}, fieldRef{"count", &d.Count}) {
			return nil, false
		}
		return d, true
	case events.TypeRunProgress:
		var d events.RunProgress
		if !setFields(kvs, fieldRef{"step", &d.Step}, fieldRef{"current", &d.Current}, fieldRef{"total", &d.Total}, fieldRef{"current_term", &d.CurrentTerm}) {
			return nil, false
		}
		return d, true
	case events.TypeRunCompleted:
		var d events.RunCompleted
		if !setFields(kvs, fieldRef{"summary", &d.Summary}, fieldRef{"logs_truncated", &d.LogsTruncated}) {
			return nil, false
		}
		return d, true
	case events.TypeRunFailed:
		var d events.RunFailed
		if !setFields(kvs, fieldRef{"error_message", &d.ErrorMessage}, fieldRef{"logs_truncated", &d.LogsTruncated}) {
			return nil, false
		}
		return d, true
	case events.TypeRunCancelled:
		var d events.RunCancelled
		if !setFields(kvs, fieldRef{"reason", &d.Reason}, fieldRef{"logs_truncated", &d.LogsTruncated}) {
			return nil, false
		}
		return d, true
	}
	return nil, false
}

// flatObject reads a JSON object whose keys are plain strings, each once,
// and whose values are plain strings, integers, booleans or null (and,
// with summaries, objects of integers), appending them to out; ok is
// false for anything else, trailing bytes included. At most cap(out)
// members.
func flatObject(b []byte, out []keyValue, summaries bool) (_ []keyValue, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return out, skipSpace(b, i+1) == len(b)
	}
	for {
		if len(out) == cap(out) {
			return nil, false
		}
		key, j, ok := plainString(b, i)
		if !ok {
			return nil, false
		}
		for k := range out {
			if string(out[k].key) == string(key) {
				return nil, false
			}
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		var v jsonValue
		if v, i, ok = scalar(b, i); !ok {
			if !summaries || i >= len(b) || b[i] != '{' {
				return nil, false
			}
			if v.m, i, ok = intObject(b, i); !ok {
				return nil, false
			}
			v.kind = 'm'
		}
		out = append(out, keyValue{key, v})
		i = skipSpace(b, i)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			return out, skipSpace(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipSpace(b, i+1)
	}
}

// intObject reads an object of plain keys (each once) and integers into
// a new map.
func intObject(b []byte, i int) (m map[string]int, end int, ok bool) {
	m = make(map[string]int)
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return m, i + 1, true
	}
	for {
		key, j, ok := plainString(b, i)
		if !ok {
			return nil, i, false
		}
		if _, dup := m[string(key)]; dup {
			return nil, i, false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return nil, i, false
		}
		v, j, ok := scalar(b, skipSpace(b, i+1))
		if !ok || v.kind != 'i' {
			return nil, i, false
		}
		m[string(key)] = v.i
		i = skipSpace(b, j)
		if i >= len(b) {
			return nil, i, false
		}
		if b[i] == '}' {
			return m, i + 1, true
		}
		if b[i] != ',' {
			return nil, i, false
		}
		i = skipSpace(b, i+1)
	}
}

// scalar reads a plain string (printable ASCII or valid UTF-8, no
// escapes), an integer of at most 18 digits, true, false or null at
// b[i]; on failure end is i.
func scalar(b []byte, i int) (v jsonValue, end int, ok bool) {
	if i >= len(b) {
		return v, i, false
	}
	switch c := b[i]; {
	case c == '"':
		s, j, ok := textString(b, i)
		if !ok {
			return v, i, false
		}
		return jsonValue{kind: 's', s: s}, j, true
	case c == '-' || (c >= '0' && c <= '9'):
		j := i
		if c == '-' {
			j++
		}
		start := j
		n := 0
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			n = n*10 + int(b[j]-'0')
			j++
		}
		digits := j - start
		if digits == 0 || digits > 18 || (b[start] == '0' && digits > 1) || (c == '-' && n == 0) {
			return v, i, false
		}
		if j < len(b) && (b[j] == '.' || b[j] == 'e' || b[j] == 'E') {
			return v, i, false
		}
		if c == '-' {
			n = -n
		}
		return jsonValue{kind: 'i', i: n}, j, true
	case bytes.HasPrefix(b[i:], []byte("true")):
		return jsonValue{kind: 'b', i: 1}, i + 4, true
	case bytes.HasPrefix(b[i:], []byte("false")):
		return jsonValue{kind: 'b'}, i + 5, true
	case bytes.HasPrefix(b[i:], []byte("null")):
		return jsonValue{kind: 'n'}, i + 4, true
	}
	return v, i, false
}

// textString reads a JSON string without escapes or control characters
// whose bytes are valid UTF-8; it returns the contents and the index
// after the closing quote.
func textString(b []byte, i int) (s []byte, end int, ok bool) {
	ascii := true
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			s = b[i+1 : j]
			if !ascii && !utf8.Valid(s) {
				return nil, 0, false
			}
			return s, j + 1, true
		case c == '\\' || c < 0x20:
			return nil, 0, false
		case c >= 0x80:
			ascii = false
		}
	}
	return nil, 0, false
}
