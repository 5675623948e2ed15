package events

import "errors"

// ErrInvalidID is returned (wrapped) when a project, run or other id is not
// a canonical ULID.
var ErrInvalidID = errors.New("events: invalid id")

// ErrInvalidSubject is returned (wrapped) by subject builders and
// [ParseSubject] for a subject or kind outside the scheme.
var ErrInvalidSubject = errors.New("events: invalid subject")

// ErrInvalidEnvelope is returned (wrapped) when an envelope cannot be
// decoded (not JSON, missing or malformed fields) or built.
var ErrInvalidEnvelope = errors.New("events: invalid envelope")

// ErrUnsupportedVersion is returned (wrapped) when an envelope carries a
// schema version this build does not know for its type.
var ErrUnsupportedVersion = errors.New("events: unsupported event version")

// ErrUnknownType is returned (wrapped) when a payload of an event type
// that is not in the catalogue is requested.
var ErrUnknownType = errors.New("events: unknown event type")

// ErrConflict is returned (wrapped) by [PublishExpect] when the server
// rejected the publish because the filter's last sequence was not the
// expected one: someone else published first.
var ErrConflict = errors.New("events: concurrent update conflict")

// ErrNoEvents is returned (wrapped) by [LastEvent] when no message matches
// the filter.
var ErrNoEvents = errors.New("events: no events")

// ErrInvalidConfig is returned (wrapped) by [Setup] for a bad
// [SetupConfig]; the message names the field.
var ErrInvalidConfig = errors.New("events: invalid config")
