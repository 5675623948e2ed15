// Package projectstate rebuilds what a run needs from a project's events in
// JetStream: the project's settings, its documents (contents read from the
// documents object store) and the last output of each pipeline step. The
// runner calls [Load] at the start of every run, so its input is the event
// log, never the API's SQLite projection.
//
// Load reads only the subjects it folds (project.*, doc.*, term.* and
// run.*.result of one project) with an ordered consumer, up to the last
// matching sequence seen when it starts, so it stays fast with thousands of
// run events.
package projectstate
