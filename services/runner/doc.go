// Package runner executes glossary runs. A [Runner] shares the durable pull
// consumer [events.RunnersConsumer] with every other runner (in the same
// process or on other hosts) and pulls a run.requested event only when one
// of its slots is free.
//
// For each delivery it claims the run with an optimistic-concurrency
// publish of run.started on the project's run subtree (so a run cancelled
// while pending never starts and two runners never both start one),
// rebuilds the project's input from its events ([projectstate.Load]), runs
// the scope's pipeline steps with an engine built per run, and emits
// run.step, throttled run.progress, run.result (claim check for large
// outputs) and exactly one terminal event: run.completed, run.failed (with
// a sanitised error message) or run.cancelled. Log events (log.line,
// log.progress, log.step and a final log.end) go to the run's log subject.
//
// A running message is kept alive with InProgress heartbeats. A runner that
// dies leaves its message unacknowledged, so JetStream redelivers it after
// the consumer's AckWait and another runner takes the run over with the
// attempt number increased; the delivery after the last attempt ends the run
// failed ("runner lost"). When its context ends a Runner stops pulling, gives
// in-flight runs a grace period, then cancels them without a terminal event
// and Naks their messages so another runner resumes them at once.
package runner
