package llm

import (
	"errors"
	"fmt"
	"net/http"
)

// ErrInvalidConfig is returned by New for a configuration it cannot use.
var ErrInvalidConfig = errors.New("llm: invalid config")

// ErrInvalidReply means the model's reply was still invalid (not JSON, a
// missing field, an unknown term, an out-of-range confidence, an unknown
// category or issue type) after one corrective retry. Nothing of it was kept.
var ErrInvalidReply = errors.New("invalid model reply")

// ErrRateLimited means the server kept answering 429 Too Many Requests
// after all retries.
var ErrRateLimited = errors.New("rate limited")

// ErrUnavailable means the server kept failing (5xx, network errors,
// per-call timeouts) after all retries.
var ErrUnavailable = errors.New("model server unavailable")

// ErrRejected means the server refused the request with a 4xx status other
// than 429 (bad request, authentication, unknown model); it is not retried.
var ErrRejected = errors.New("request rejected")

// StatusError is an HTTP error status from the server. It unwraps to
// ErrRateLimited (429), ErrUnavailable (5xx, 408) or ErrRejected (other
// 4xx). Message is the server's error message, sanitised and shortened; the
// engine redacts the API key from errors it returns.
type StatusError struct {
	StatusCode int
	Message    string
}

// Error returns "HTTP <code> <text>: <server message>".
func (e *StatusError) Error() string {
	s := fmt.Sprintf("HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Unwrap returns the sentinel of the status class.
func (e *StatusError) Unwrap() error {
	switch {
	case e.StatusCode == http.StatusTooManyRequests:
		return ErrRateLimited
	case retryableStatus(e.StatusCode):
		return ErrUnavailable
	default:
		return ErrRejected
	}
}

func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || code == http.StatusRequestTimeout || code >= 500
}

// replyError is a validation failure of one reply.
type replyError struct{ msg string }

func (e *replyError) Error() string { return e.msg }

func invalidf(format string, args ...any) error {
	return &replyError{msg: fmt.Sprintf(format, args...)}
}
