package events_test

import (
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

// benchEnvelope is a log.line, the most frequent event.
func benchEnvelope(b *testing.B) events.Envelope {
	b.Helper()
	ids := events.NewIDGen(nil)
	env, err := events.NewEnvelopeWith(ids.New(), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), ids.New(), ids.New(),
		events.LogLine{Level: events.LevelInfo, Message: "define: term 42 of 200 (Write-Ahead Log) done in 180ms"})
	if err != nil {
		b.Fatal(err)
	}
	return env
}

// BenchmarkEncode measures encoding an envelope into a NATS message body
// and headers (what every publish does).
func BenchmarkEncode(b *testing.B) {
	env := benchEnvelope(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := events.Msg(env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode measures decoding a body into an envelope and its
// payload (what the projector and SSE do per message).
func BenchmarkDecode(b *testing.B) {
	body, err := benchEnvelope(b).Encode()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		env, err := events.Decode(body)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := env.Payload(); err != nil {
			b.Fatal(err)
		}
	}
}
