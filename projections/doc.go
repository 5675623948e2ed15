// Package projections materialises the GG_EVENTS stream into a SQLite read
// model and answers the API's queries from it. The runners never read it.
//
// # Store
//
// [Open] opens (creating or migrating) the database: one writer connection
// used only by the [Projector] and a pool of read-only connections for the
// queries, in WAL mode so that readers never wait for the writer. The schema
// is embedded (schema.sql); a database of another schema version is emptied
// and rebuilt by the projector, since everything in it is derived.
//
// # Projector
//
// [Projector.Run] reads the stream with an ordered consumer from the
// checkpoint + 1 and applies what has arrived, up to Config.BatchSize
// events, in one transaction that also stores the last applied stream
// sequence; only then does it wake [Projector.WaitFor] callers (read your
// writes for the API) and fan [Change]s out to [Projector.Subscribe]rs (the
// GUI's SSE). Events at or below the checkpoint are skipped, so redelivery
// and restarts never apply an event twice.
//
// Rules the projection keeps:
//
//   - A run's terminal status (completed, failed, cancelled) is never
//     overwritten; later events of the run change nothing.
//   - A run.result replaces that step's output for the project atomically
//     (loading the payload from the gg-artifacts object store when it was
//     too large to travel inline); results of runs already ended are
//     ignored.
//   - project.deleted removes the project's rows from every table; events
//     of projects that do not exist change nothing.
//   - Event types this build does not know (newer versions of the service)
//     are skipped with a debug log, malformed events with a warning: the
//     checkpoint still advances, so nothing wedges the projector. Database
//     and network errors roll the batch back and the consumer is recreated
//     after a backoff.
//
// # Replay
//
// The read model is a pure function of the stream: every value comes from
// the events (times are the envelopes' times), so [Reproject] rebuilds an
// identical database, as [Store.Dump] shows in the tests.
package projections
