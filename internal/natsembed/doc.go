// Package natsembed runs an in-process nats-server with JetStream enabled.
//
// It is what `genglossary serve` uses by default and what tests use through
// package natstest: the server keeps its JetStream file store under a
// directory, never installs signal handlers (NoSigs), optionally listens on a
// TCP address so that the nats CLI can connect, and shuts down cleanly.
//
// Clients in the same process connect with [Server.Connect], which uses an
// in-process connection and so works even when the server has no TCP
// listener.
package natsembed
