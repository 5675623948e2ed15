// Package sse is the Server-Sent Events wire format the API's streams speak:
// the response headers, one frame per event, comments, and the
// Last-Event-ID a reconnecting client resumes from. It knows nothing of
// runs or NATS, so its parser can be fuzzed in a small test binary.
package sse

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// SetHeaders sets the headers of an event stream response.
func SetHeaders(h http.Header) {
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	h.Set("X-Accel-Buffering", "no") // tell reverse proxies not to buffer
}

// Writer writes server-sent events to one response. Its write deadline is
// cleared so http.Server's WriteTimeout does not cut long streams.
type Writer struct {
	w  http.ResponseWriter
	rc *http.ResponseController
	b  []byte
}

// Start sends the stream's headers and status and returns its Writer.
func Start(w http.ResponseWriter) (*Writer, error) {
	rc := http.NewResponseController(w)
	if err := rc.SetWriteDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return nil, err
	}
	SetHeaders(w.Header())
	w.WriteHeader(http.StatusOK)
	s := &Writer{w: w, rc: rc}
	return s, s.Flush()
}

// Event writes one event and flushes it. id may be empty; data must not
// contain newlines (JSON from encoding/json never does).
func (s *Writer) Event(id, name string, data []byte) error {
	s.b = AppendFrame(s.b[:0], id, name, data)
	if _, err := s.w.Write(s.b); err != nil {
		return err
	}
	return s.Flush()
}

// Write writes frames rendered with [AppendFrame], without flushing.
func (s *Writer) Write(frames []byte) error {
	_, err := s.w.Write(frames)
	return err
}

// Comment writes a comment line (clients ignore it; it keeps proxies from
// closing an idle stream) and flushes it. text must not contain newlines.
func (s *Writer) Comment(text string) error {
	s.b = append(append(append(s.b[:0], ": "...), text...), "\n\n"...)
	if _, err := s.w.Write(s.b); err != nil {
		return err
	}
	return s.Flush()
}

// Flush sends what was written to the client.
func (s *Writer) Flush() error { return s.rc.Flush() }

// AppendFrame appends one event to b. id may be empty; data must not
// contain newlines.
func AppendFrame(b []byte, id, name string, data []byte) []byte {
	if id != "" {
		b = append(b, "id: "...)
		b = append(b, id...)
		b = append(b, '\n')
	}
	b = append(b, "event: "...)
	b = append(b, name...)
	b = append(b, "\ndata: "...)
	b = append(b, data...)
	return append(b, "\n\n"...)
}

// ErrBadLastEventID is returned for a Last-Event-ID that is not an event
// id of the API's streams (a plain unsigned decimal).
var ErrBadLastEventID = errors.New("Last-Event-ID must be a non-negative integer (an event id from this stream)")

// ParseLastEventID reads the id a client resumes after: the Last-Event-ID
// header, or, when that is empty, query (the ?last_event_id= parameter, for
// clients that cannot set headers). Surrounding spaces are ignored; no id
// is 0, the start of the stream.
func ParseLastEventID(header, query string) (uint64, error) {
	v := strings.TrimSpace(header)
	if v == "" {
		v = strings.TrimSpace(query)
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 0, ErrBadLastEventID
	}
	return n, nil
}
