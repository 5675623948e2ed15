package api

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/sse"
)

// discardResponse is a ResponseWriter that drops the body and supports
// Flush, as an SSE connection does.
type discardResponse struct{ h http.Header }

func (d *discardResponse) Header() http.Header         { return d.h }
func (d *discardResponse) Write(p []byte) (int, error) { return io.Discard.Write(p) }
func (d *discardResponse) WriteHeader(int)             {}
func (d *discardResponse) Flush()                      {}

// BenchmarkSSEFrame measures the per-line work of a run's log SSE: decode
// the log.line envelope and payload and render its SSE frame (once per
// server, in the live tail), then write and flush it (per client).
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
	w, err := sse.Start(&discardResponse{h: http.Header{}})
	if err != nil {
		b.Fatal(err)
	}
	var seq uint64
	b.ReportAllocs()
	for b.Loop() {
		seq++
		f, err := renderLogFrame(env.RunID, body, seq)
		if err != nil || f.end || f.b == nil {
			b.Fatal(f, err)
		}
		if err := w.Write(f.b); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}
