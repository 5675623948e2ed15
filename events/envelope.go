package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Envelope is the JSON body of every event message.
type Envelope struct {
	// ID is a ULID, unique per event; also sent as the Nats-Msg-Id header.
	ID string `json:"id"`
	// Type is the stable event type, e.g. "run.requested".
	Type string `json:"type"`
	// V is the major schema version of Data for Type (see [Version]).
	V int `json:"v"`
	// Time is when the event was created, in UTC.
	Time time.Time `json:"time"`
	// ProjectID is the project the event belongs to.
	ProjectID string `json:"project_id"`
	// RunID is the run the event belongs to, for run.* and log.* types.
	RunID string `json:"run_id,omitempty"`
	// Data is the JSON payload (see [Envelope.Payload]).
	Data json.RawMessage `json:"data"`
}

// NewEnvelope wraps data in an envelope with a fresh id ([NewID]), the
// current UTC time and the type's current version. runID is required for
// run.* and log.* types and must be empty otherwise. Errors wrap
// [ErrInvalidID], [ErrInvalidSubject] or [ErrInvalidEnvelope].
func NewEnvelope(projectID, runID string, data Data) (Envelope, error) {
	return newEnvelope(NewID(), time.Now(), projectID, runID, data)
}

// NewEnvelopeWith is [NewEnvelope] with the id and time given, for
// generators ([IDGen]) and tests.
func NewEnvelopeWith(id string, at time.Time, projectID, runID string, data Data) (Envelope, error) {
	return newEnvelope(id, at, projectID, runID, data)
}

func newEnvelope(id string, at time.Time, projectID, runID string, data Data) (Envelope, error) {
	if data == nil {
		return Envelope{}, fmt.Errorf("%w: nil data", ErrInvalidEnvelope)
	}
	t := data.Type()
	v, ok := Version(t)
	if !ok {
		return Envelope{}, fmt.Errorf("%w: %q", ErrUnknownType, t)
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return Envelope{}, fmt.Errorf("%w: marshal %s: %w", ErrInvalidEnvelope, t, err)
	}
	env := Envelope{ID: id, Type: t, V: v, Time: at.UTC(), ProjectID: projectID, RunID: runID, Data: raw}
	if err := env.Validate(); err != nil {
		return Envelope{}, err
	}
	return env, nil
}

// Validate checks the envelope's fields: a canonical ULID id, a type this
// build knows at a supported version, a project id, a run id exactly when
// the type is run-scoped, a time, and JSON data. Errors wrap
// [ErrInvalidEnvelope], [ErrInvalidID], [ErrInvalidSubject],
// [ErrUnknownType] or [ErrUnsupportedVersion].
func (e Envelope) Validate() error {
	if err := CheckID("id", e.ID); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidEnvelope, err)
	}
	if e.Type == "" {
		return fmt.Errorf("%w: missing type", ErrInvalidEnvelope)
	}
	if e.Time.IsZero() {
		return fmt.Errorf("%w: missing time", ErrInvalidEnvelope)
	}
	if y := e.Time.UTC().Year(); y < 1 || y > 9999 {
		// JSON cannot carry such a time back (found by FuzzDecode).
		return fmt.Errorf("%w: time is outside the years 1 to 9999 in UTC", ErrInvalidEnvelope)
	}
	if len(e.Data) == 0 || !json.Valid(e.Data) {
		return fmt.Errorf("%w: data of %s is not JSON", ErrInvalidEnvelope, e.Type)
	}
	if err := checkVersion(e.Type, e.V); err != nil {
		return err
	}
	if _, err := Subject(e.ProjectID, e.RunID, e.Type); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidEnvelope, err)
	}
	return nil
}

// checkVersion accepts known types at versions 1..current. Types outside
// the catalogue (future term.* types) are accepted at any positive version
// so that old consumers can skip them.
func checkVersion(eventType string, v int) error {
	if v < 1 {
		return fmt.Errorf("%w: %s has version %d, want >= 1", ErrInvalidEnvelope, eventType, v)
	}
	cur, ok := Version(eventType)
	if ok && v > cur {
		return fmt.Errorf("%w: %s v%d (this build knows up to v%d)", ErrUnsupportedVersion, eventType, v, cur)
	}
	return nil
}

// Subject returns the subject the envelope is published on (see
// [Subject]).
func (e Envelope) Subject() (string, error) {
	return Subject(e.ProjectID, e.RunID, e.Type)
}

// Encode returns the envelope's JSON after validating it. Errors as for
// [Envelope.Validate].
func (e Envelope) Encode() ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	e.Time = e.Time.UTC()
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("%w: marshal: %w", ErrInvalidEnvelope, err)
	}
	return b, nil
}

// Decode parses and validates an envelope. It does not decode Data (see
// [Envelope.Payload]), so it accepts types that are not in the catalogue,
// letting a consumer skip events newer than itself. Errors wrap
// [ErrInvalidEnvelope] (not JSON, missing fields) or
// [ErrUnsupportedVersion] (a known type at a version newer than this
// build).
func Decode(b []byte) (Envelope, error) {
	var e Envelope
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&e); err != nil {
		return Envelope{}, fmt.Errorf("%w: %w", ErrInvalidEnvelope, err)
	}
	if dec.More() {
		return Envelope{}, fmt.Errorf("%w: trailing data after the JSON object", ErrInvalidEnvelope)
	}
	if err := e.Validate(); err != nil {
		return Envelope{}, err
	}
	return e, nil
}

// Payload decodes Data into the catalogue struct for Type and returns it by
// value (for example a [RunRequested]), ready for a type switch. Errors wrap
// [ErrUnknownType], [ErrUnsupportedVersion] or [ErrInvalidEnvelope].
func (e Envelope) Payload() (Data, error) {
	if err := checkVersion(e.Type, e.V); err != nil {
		return nil, err
	}
	return decodePayload(e.Type, e.Data)
}

// DecodeData decodes the envelope's payload as T, checking that the
// envelope's type is T's. Errors wrap [ErrUnknownType] (type mismatch),
// [ErrUnsupportedVersion] or [ErrInvalidEnvelope].
func DecodeData[T Data](e Envelope) (T, error) {
	var v T
	if e.Type != v.Type() {
		return v, fmt.Errorf("%w: envelope is %q, want %q", ErrUnknownType, e.Type, v.Type())
	}
	if err := checkVersion(e.Type, e.V); err != nil {
		return v, err
	}
	if err := json.Unmarshal(e.Data, &v); err != nil {
		return v, fmt.Errorf("%w: data of %s: %w", ErrInvalidEnvelope, e.Type, err)
	}
	return v, nil
}
