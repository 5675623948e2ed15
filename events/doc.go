// Package events is GenGlossary's domain event package: the envelope and
// its codec, the event catalogue (typed payloads with stable type strings),
// the subject scheme, and the JetStream stream, consumer and object-store
// definitions, defined once here and shared by the API, the runners and the
// projector. It knows nothing of HTTP or SQLite.
//
// # Subjects
//
// Every event of a project lives under gg.<project_id>., so a project is one
// subject tree:
//
//	gg.<p>.project.{created,updated,deleted}        stream GG_EVENTS
//	gg.<p>.doc.{added,removed}                      stream GG_EVENTS
//	gg.<p>.run.<r>.{requested,started,step,...}     stream GG_EVENTS
//	gg.<p>.term.<kind>                              stream GG_EVENTS (user edits)
//	gg.<p>.log.<r>                                  stream GG_LOGS (all log.* types)
//
// Project and run ids are canonical (upper-case) ULIDs, which keeps dots,
// wildcards and case variants out of subjects.
//
// # Envelope
//
// Each message body is a JSON [Envelope]; its id doubles as the Nats-Msg-Id
// header (de-duplication within [DuplicateWindow]) and its type is copied
// to the Gg-Type header so consumers can filter without decoding.
//
// # One active run per project
//
// [LastEvent] reads the last event on gg.<p>.run.> and [PublishExpect]
// publishes with Nats-Expected-Last-Subject-Sequence on that same filter, so
// of many concurrent writers exactly one wins and the others get
// [ErrConflict].
//
// # Versions
//
// An envelope's v is the major schema version of its type's payload.
// Adding an optional field keeps the version; any other change of shape
// bumps it (and the type string never changes). Decoders reject versions
// they do not know with [ErrUnsupportedVersion].
package events
