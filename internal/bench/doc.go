// Package bench measures GenGlossary against the raw limits of the parts
// underneath it, in one process and on one embedded nats-server: run
// throughput and latency through the HTTP API, runners and projection, log
// streaming over SSE, projection replay into SQLite, and the pipeline
// (builtin engine and the openai provider against a fake endpoint).
//
// Every scenario measures our path and, in the same run, the raw baseline
// beneath it (JetStream publish/consume, an ordered consumer, batched
// SQLite inserts), and reports [Result] rows of "scenario, ours, raw,
// ratio". `genglossary bench` prints them; docs/benchmarks.md records them.
package bench
