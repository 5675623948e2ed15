package projections

import (
	"github.com/genglossary/genglossary/events"
)

// knownTypes is the event catalogue as a set: [events.Version] builds the
// catalogue's list on every call.
var knownTypes = func() map[string]bool {
	m := make(map[string]bool)
	for _, t := range events.Types() {
		m[t] = true
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
				f, e.Type = fType, string(s)
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
