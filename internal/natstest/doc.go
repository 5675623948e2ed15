// Package natstest starts a real embedded nats-server for tests: JetStream
// storage in t.TempDir(), a random loopback port (or none), the streams,
// consumer and object stores of package events already set up, and
// everything shut down by t.Cleanup.
package natstest
