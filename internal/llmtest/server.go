// Package llmtest is an httptest-based fake of an OpenAI-compatible
// chat-completions server, for tests of the LLM engine and of the packages
// that run it (runner, API).
//
// A Server answers POST /v1/chat/completions (and /chat/completions, and any
// path ending in it, such as Azure's /openai/deployments/{name}/chat/completions) with
// whatever its Handler returns, records every request (decoded messages,
// response_format, model, headers, query) and counts them. Helpers script the
// usual failure modes: 429 with Retry-After, 5xx then success, hanging until
// the client gives up, malformed JSON content, and servers that reject
// json_schema response formats. Smart is a handler that answers each kind of
// glossary call (classify, define, review, refine) with valid JSON derived
// from the tagged data in the prompt, so whole pipeline runs work against it.
package llmtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Message is one chat message of a recorded request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ResponseFormat is the decoded response_format of a recorded request.
type ResponseFormat struct {
	// Type is "json_schema", "json_object" or "text".
	Type string
	// Name, Strict and Schema are set for json_schema.
	Name   string
	Strict bool
	Schema json.RawMessage
}

// Request is one request the server received.
type Request struct {
	// Seq is the 1-based arrival number of the request.
	Seq    int
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	// Body is the raw request body.
	Body  []byte
	Model string
	// Messages are the decoded messages; content parts are joined.
	Messages []Message
	// ResponseFormat is nil when the request had none.
	ResponseFormat *ResponseFormat
	// Aborted is set (in Server.Requests) when the client went away before
	// the reply was written.
	Aborted bool

	ctx context.Context
}

// Context returns the context of the HTTP request: it ends when the client
// aborts the request or the server closes.
func (r Request) Context() context.Context {
	if r.ctx == nil {
		return context.Background()
	}
	return r.ctx
}

// System returns the content of the system (or developer) messages, joined
// by newlines.
func (r Request) System() string { return r.join("system", "developer") }

// User returns the content of the user messages, joined by newlines.
func (r Request) User() string { return r.join("user") }

func (r Request) join(roles ...string) string {
	var parts []string
	for _, m := range r.Messages {
		for _, role := range roles {
			if m.Role == role {
				parts = append(parts, m.Content)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// SchemaName returns the json_schema name of the request, or "".
func (r Request) SchemaName() string {
	if r.ResponseFormat == nil {
		return ""
	}
	return r.ResponseFormat.Name
}

// FormatType returns the response_format type of the request, or "" when it
// had none.
func (r Request) FormatType() string {
	if r.ResponseFormat == nil {
		return ""
	}
	return r.ResponseFormat.Type
}

// Tags returns the unescaped contents of every <tag>...</tag> in the first
// user message (the data message; later user messages are corrections).
func (r Request) Tags(tag string) []string {
	for _, m := range r.Messages {
		if m.Role == "user" {
			return Tags(m.Content, tag)
		}
	}
	return nil
}

// Reply is what a Handler tells the server to send.
type Reply struct {
	// Status is the HTTP status; 0 means 200.
	Status int
	// Header is added to the response headers.
	Header http.Header
	// Content is the assistant message content of a 200 reply.
	Content string
	// FinishReason defaults to "stop".
	FinishReason string
	// Body, when non-empty, is sent verbatim instead of a generated body
	// (with Content-Type application/json unless Header says otherwise).
	Body string
	// ErrorMessage is the error.message of a non-2xx reply without Body.
	ErrorMessage string
	// Hang makes the server wait until the client aborts the request (or the
	// server closes) without answering.
	Hang bool
	// Delay waits before replying; an abort during the wait is recorded.
	Delay time.Duration
}

// Handler decides the reply to one request. It may be called concurrently.
type Handler func(Request) Reply

// Server is a running fake. Create it with New; it closes itself when the
// test ends.
type Server struct {
	srv     *httptest.Server
	handler Handler

	mu       sync.Mutex
	reqs     []Request
	aborted  int
	changed  chan struct{} // closed and replaced on every change
	count    atomic.Int64
	closing  chan struct{}
	closeOne sync.Once
}

// New starts a fake server that answers with h (Smart when h is nil) and
// registers its shutdown with t.Cleanup.
func New(t testing.TB, h Handler) *Server {
	t.Helper()
	if h == nil {
		h = Smart
	}
	s := &Server{handler: h, changed: make(chan struct{}), closing: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// URL returns the base URL of the API, ending in /v1 (what an OpenAI client
// takes as its base URL).
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// RootURL returns the server URL without the /v1 suffix.
func (s *Server) RootURL() string { return s.srv.URL }

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close releases hanging handlers and shuts the server down. It is safe to
// call more than once.
func (s *Server) Close() {
	s.closeOne.Do(func() {
		close(s.closing)
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
}

// Requests returns a copy of the requests received so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.reqs))
	copy(out, s.reqs)
	return out
}

// Count returns the number of chat-completion requests received.
func (s *Server) Count() int { return int(s.count.Load()) }

// CountKind returns the number of requests of the given kind.
func (s *Server) CountKind(k Kind) int {
	n := 0
	for _, r := range s.Requests() {
		if KindOf(r) == k {
			n++
		}
	}
	return n
}

// Aborted returns the number of requests the client abandoned before the
// reply was written.
func (s *Server) Aborted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.aborted
}

// WaitAborted waits until at least n requests were aborted or timeout passes,
// and reports whether they were. (The server learns of an abort shortly after
// the client gives up.)
func (s *Server) WaitAborted(n int, timeout time.Duration) bool {
	return s.wait(timeout, func() bool { return s.aborted >= n })
}

// WaitRequests waits until at least n requests arrived or timeout passes, and
// reports whether they did.
func (s *Server) WaitRequests(n int, timeout time.Duration) bool {
	return s.wait(timeout, func() bool { return len(s.reqs) >= n })
}

func (s *Server) wait(timeout time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok, ch := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return false
		}
	}
}

// notify must be called with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

type wireRequest struct {
	Model          string            `json:"model"`
	Messages       []json.RawMessage `json:"messages"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema *struct {
			Name   string          `json:"name"`
			Strict bool            `json:"strict"`
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
}

func decodeMessage(raw json.RawMessage) Message {
	var m struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	}
	_ = json.Unmarshal(raw, &m)
	out := Message{Role: m.Role}
	var s string
	if json.Unmarshal(m.Content, &s) == nil {
		out.Content = s
		return out
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if json.Unmarshal(m.Content, &parts) == nil {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.Text)
		}
		out.Content = b.String()
	}
	return out
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if !strings.HasSuffix(r.URL.Path, "/chat/completions") && r.URL.Path != "/chat/completions" {
		writeError(w, http.StatusNotFound, "not found: "+r.URL.Path, "invalid_request_error", "")
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "method not allowed", "invalid_request_error", "")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "cannot read body", "invalid_request_error", "")
		return
	}
	var wr wireRequest
	if err := json.Unmarshal(body, &wr); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error(), "invalid_request_error", "")
		return
	}
	req := Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Body:   body,
		Model:  wr.Model,
	}
	for _, m := range wr.Messages {
		req.Messages = append(req.Messages, decodeMessage(m))
	}
	if rf := wr.ResponseFormat; rf != nil {
		req.ResponseFormat = &ResponseFormat{Type: rf.Type}
		if rf.JSONSchema != nil {
			req.ResponseFormat.Name = rf.JSONSchema.Name
			req.ResponseFormat.Strict = rf.JSONSchema.Strict
			req.ResponseFormat.Schema = rf.JSONSchema.Schema
		}
	}
	s.count.Add(1)
	s.mu.Lock()
	req.Seq = len(s.reqs) + 1
	idx := len(s.reqs)
	s.reqs = append(s.reqs, req)
	s.notify()
	s.mu.Unlock()

	req.ctx = r.Context()
	reply := s.handler(req)

	if r.Context().Err() != nil { // the client went away while the handler ran
		s.markAborted(idx)
		return
	}
	if reply.Hang || reply.Delay > 0 {
		var timer <-chan time.Time
		if !reply.Hang {
			t := time.NewTimer(reply.Delay)
			defer t.Stop()
			timer = t.C
		}
		select {
		case <-timer:
		case <-r.Context().Done():
			s.markAborted(idx)
			return
		case <-s.closing:
			return
		}
	}
	write(w, wr.Model, reply)
}

func (s *Server) markAborted(idx int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs[idx].Aborted = true
	s.aborted++
	s.notify()
}

func write(w http.ResponseWriter, model string, reply Reply) {
	for k, vs := range reply.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	status := reply.Status
	if status == 0 {
		status = http.StatusOK
	}
	if reply.Body != "" {
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, reply.Body)
		return
	}
	if status >= 300 {
		msg := reply.ErrorMessage
		if msg == "" {
			msg = http.StatusText(status)
		}
		typ := "invalid_request_error"
		if status >= 500 {
			typ = "server_error"
		} else if status == http.StatusTooManyRequests {
			typ = "rate_limit_error"
		}
		writeError(w, status, msg, typ, "")
		return
	}
	finish := reply.FinishReason
	if finish == "" {
		finish = "stop"
	}
	if model == "" {
		model = "fake-model"
	}
	resp := map[string]any{
		"id":      "chatcmpl-fake",
		"object":  "chat.completion",
		"created": time.Now().Unix(),
		"model":   model,
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": reply.Content, "refusal": nil},
			"finish_reason": finish,
			"logprobs":      nil,
		}},
		"usage": map[string]any{"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(resp)
}

func writeError(w http.ResponseWriter, status int, msg, typ, param string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	var p any
	if param != "" {
		p = param
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"message": msg, "type": typ, "param": p, "code": nil,
	}})
}

// JSON returns a 200 reply whose content is v marshalled as JSON.
func JSON(v any) Reply {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("llmtest.JSON: %v", err))
	}
	return Reply{Content: string(b)}
}

// Text returns a 200 reply with the given content.
func Text(content string) Reply { return Reply{Content: content} }

// Malformed returns a 200 reply whose content is not valid JSON.
func Malformed() Reply { return Reply{Content: `{"definition": "cut off in the middle`} }

// Error returns an OpenAI-style error reply.
func Error(status int, message string) Reply {
	return Reply{Status: status, ErrorMessage: message}
}

// RateLimited returns a 429 reply with the given Retry-After header value
// (omitted when empty): seconds ("1", "0") or an HTTP date.
func RateLimited(retryAfter string) Reply {
	r := Reply{Status: http.StatusTooManyRequests, ErrorMessage: "Rate limit reached"}
	if retryAfter != "" {
		r.Header = http.Header{"Retry-After": {retryAfter}}
	}
	return r
}

// Hang returns a reply that never comes: the server waits until the client
// aborts the request, and records the abort.
func Hang() Reply { return Reply{Hang: true} }

// Always returns a handler that answers every request with r.
func Always(r Reply) Handler { return func(Request) Reply { return r } }

// Sequence returns a handler that answers the i-th request it sees with the
// i-th handler; the last handler answers all the rest. It is safe for
// concurrent use (the order is the order of arrival).
func Sequence(hs ...Handler) Handler {
	if len(hs) == 0 {
		panic("llmtest.Sequence: no handlers")
	}
	var n atomic.Int64
	return func(r Request) Reply {
		i := int(n.Add(1)) - 1
		if i >= len(hs) {
			i = len(hs) - 1
		}
		return hs[i](r)
	}
}

// FailFirst returns a handler that answers the first n requests with fail
// and then delegates to next.
func FailFirst(n int, fail Reply, next Handler) Handler {
	var seen atomic.Int64
	return func(r Request) Reply {
		if int(seen.Add(1)) <= n {
			return fail
		}
		return next(r)
	}
}

// RejectJSONSchema wraps next like an older server that does not know
// structured outputs: a request with response_format json_schema gets a 400
// naming response_format, everything else goes to next.
func RejectJSONSchema(next Handler) Handler {
	return func(r Request) Reply {
		if r.FormatType() == "json_schema" {
			return Reply{Status: http.StatusBadRequest, Body: `{"error":{"message":"Invalid value for 'response_format.type': 'json_schema' is not supported with this model.","type":"invalid_request_error","param":"response_format","code":null}}`}
		}
		return next(r)
	}
}

// Gate returns a handler that waits until release is closed (or the client
// aborts the request) and then delegates to next. Use it to hold calls in
// flight while a test looks at the system under test.
func Gate(release <-chan struct{}, next Handler) Handler {
	return func(r Request) Reply {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		return next(r)
	}
}
