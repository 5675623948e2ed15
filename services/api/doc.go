// Package api is the HTTP API of GenGlossary: a chi router whose handlers
// validate requests, publish events to JetStream, wait for the projector to
// apply them (read your writes), read the SQLite projection, and stream run
// logs and project changes as server-sent events. It never runs pipeline
// work.
package api
