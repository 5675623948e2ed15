package api

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
)

// discardResponse is a ResponseWriter that drops the body and supports
// Flush, as an SSE connection does.
type discardResponse struct{ h http.Header }

func (d *discardResponse) Header() http.Header         { return d.h }
func (d *discardResponse) Write(p []byte) (int, error) { return io.Discard.Write(p) }
func (d *discardResponse) WriteHeader(int)             {}
func (d *discardResponse) Flush()                      {}

// bodyMsg is a log stream message of which only Data is used.
type bodyMsg struct {
	jetstream.Msg
	data []byte
}

func (m bodyMsg) Data() []byte { return m.data }

// BenchmarkSSEFrame measures the per-line work of a run's log SSE: decode
// the log.line envelope and payload, marshal the client's JSON, write and
// flush the frame (writeLogMsg).
func BenchmarkSSEFrame(b *testing.B) {
	ids := events.NewIDGen(nil)
	env, err := events.NewEnvelopeWith(ids.New(), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), ids.New(), ids.New(),
		events.LogLine{Level: events.LevelInfo, Message: "define: term 42 of 200 (Write-Ahead Log) done in 180ms"})
	if err != nil {
		b.Fatal(err)
	}
	body, err := env.Encode()
	if err != nil {
		b.Fatal(err)
	}
	sse, err := startSSE(&discardResponse{h: http.Header{}})
	if err != nil {
		b.Fatal(err)
	}
	s := &server{}
	m := bodyMsg{data: body}
	md := &jetstream.MsgMetadata{}
	b.ReportAllocs()
	for b.Loop() {
		md.Sequence.Stream++
		end, err := s.writeLogMsg(sse, env.RunID, m, md)
		if err != nil || end != nil {
			b.Fatal(end, err)
		}
	}
}
