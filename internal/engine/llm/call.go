package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/shared"
)

// Response-format modes, in the order the engine falls back through them.
const (
	modeSchema = iota // response_format json_schema, strict
	modeObject        // response_format json_object
	modeNone          // no response_format; the prompt alone asks for JSON
)

func modeName(m int) string {
	switch m {
	case modeSchema:
		return "json_schema"
	case modeObject:
		return "json_object"
	default:
		return "none"
	}
}

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 64 << 10

// call runs one logical call: the completion (with transport retries and
// format fallback), then validation by accept; an invalid reply is retried
// once with a corrective message.
func (e *Engine) call(ctx context.Context, k *callKind, user string, accept func(content string) error, logArgs ...any) error {
	msgs := []openai.ChatCompletionMessageParamUnion{
		openai.SystemMessage(systemPrompt(k)),
		openai.UserMessage(user),
	}
	var lastErr error
	for try := 1; try <= 2; try++ {
		content, err := e.complete(ctx, k, msgs, logArgs)
		if err != nil {
			return err
		}
		if lastErr = accept(content); lastErr == nil {
			return nil
		}
		e.log.Warn("llm reply rejected", append([]any{"kind", k.name, "try", try, "error", e.redact(lastErr.Error())}, logArgs...)...)
		msgs = append(msgs,
			openai.AssistantMessage(truncate(content, 8000)),
			openai.UserMessage(correction(k, lastErr)))
	}
	return fmt.Errorf("%w: %w", ErrInvalidReply, lastErr)
}

// complete sends msgs until it gets a 200 reply, retrying transport
// failures, and returns the assistant content.
func (e *Engine) complete(ctx context.Context, k *callKind, msgs []openai.ChatCompletionMessageParamUnion, logArgs []any) (string, error) {
	for retry := 0; ; {
		mode := int(e.mode.Load())
		params := openai.ChatCompletionNewParams{Model: e.cfg.Model, Messages: msgs}
		switch mode {
		case modeSchema:
			params.ResponseFormat.OfJSONSchema = &shared.ResponseFormatJSONSchemaParam{
				JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{
					Name:   k.name,
					Strict: openai.Bool(true),
					Schema: k.schema,
				},
			}
		case modeObject:
			params.ResponseFormat.OfJSONObject = &shared.ResponseFormatJSONObjectParam{}
		}

		start := time.Now()
		content, res, err := e.attempt(ctx, params)
		if err == nil {
			e.log.Debug("llm call", append([]any{"kind", k.name, "retry", retry, "mode", modeName(mode),
				"duration_ms", time.Since(start).Milliseconds(), "reply_chars", len(content)}, logArgs...)...)
			return content, nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return "", fmt.Errorf("%s call aborted: %w", k.name, cerr)
		}

		var se *StatusError
		if errors.As(err, &se) && mode < modeNone && rejectsFormat(se.StatusCode, res.body, mode) {
			if e.mode.CompareAndSwap(int32(mode), int32(mode+1)) {
				e.log.Info("llm response_format fallback", "from", modeName(mode), "to", modeName(mode+1),
					"status_code", se.StatusCode)
			}
			continue // the format, not the request, was wrong: no retry is used up
		}
		if se != nil && !retryableStatus(se.StatusCode) {
			return "", err
		}
		if retry >= e.cfg.MaxRetries {
			if se == nil {
				return "", fmt.Errorf("%w after %d attempts: %w", ErrUnavailable, retry+1, err)
			}
			return "", fmt.Errorf("after %d attempts: %w", retry+1, err)
		}
		retry++
		delay, fromServer := e.retryDelay(res.header, retry)
		e.log.Warn("llm call retry", append([]any{"kind", k.name, "retry", retry, "status_code", res.status,
			"delay_ms", delay.Milliseconds(), "retry_after", fromServer, "error", e.redact(err.Error())}, logArgs...)...)
		if err := sleep(ctx, delay); err != nil {
			return "", fmt.Errorf("%s call aborted: %w", k.name, err)
		}
	}
}

// httpResult is what the middleware saw of the last HTTP response.
type httpResult struct {
	status int
	header http.Header
	body   []byte // error responses only
}

// attempt makes one HTTP request under the concurrency bound and the
// per-call timeout.
func (e *Engine) attempt(ctx context.Context, params openai.ChatCompletionNewParams) (string, httpResult, error) {
	var res httpResult
	select {
	case e.sem <- struct{}{}:
	case <-ctx.Done():
		return "", res, ctx.Err()
	}
	defer func() { <-e.sem }()

	actx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	capture := option.WithMiddleware(func(req *http.Request, next option.MiddlewareNext) (*http.Response, error) {
		e.calls.Add(1)
		resp, err := next(req)
		if resp != nil {
			res.status, res.header = resp.StatusCode, resp.Header
			if resp.StatusCode >= 400 && resp.Body != nil {
				b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
				_ = resp.Body.Close()
				res.body = b
				resp.Body = io.NopCloser(bytes.NewReader(b))
			}
		}
		return resp, err
	})
	cc, err := e.chat.New(actx, params, capture)
	switch {
	case ctx.Err() != nil:
		return "", res, ctx.Err()
	case err != nil && res.status >= 400:
		return "", res, &StatusError{StatusCode: res.status, Message: errorMessage([]byte(e.redact(string(res.body))))}
	case err != nil && errors.Is(actx.Err(), context.DeadlineExceeded):
		return "", res, fmt.Errorf("call timed out after %s: %w", e.cfg.Timeout, context.DeadlineExceeded)
	case err != nil:
		return "", res, fmt.Errorf("transport: %w", err)
	case cc == nil || len(cc.Choices) == 0:
		return "", res, nil // validation rejects the empty reply
	}
	return cc.Choices[0].Message.Content, res, nil
}

// retryDelay returns the wait before retry number n: the server's
// Retry-After (or Retry-After-Ms) when present, capped, else the backoff.
func (e *Engine) retryDelay(h http.Header, n int) (time.Duration, bool) {
	if d, ok := parseRetryAfter(h, time.Now()); ok {
		return min(d, e.cfg.MaxRetryAfter), true
	}
	return max(e.cfg.Backoff(n), 0), false
}

// parseRetryAfter reads Retry-After-Ms, then Retry-After as seconds or an
// HTTP date.
func parseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 && ms < 1e9 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s < 0 || s > 1e6 {
			return 0, false
		}
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// rejectsFormat reports whether an error response says the response_format
// of the given mode is not supported.
func rejectsFormat(status int, body []byte, mode int) bool {
	if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		return false
	}
	b := strings.ToLower(string(body))
	if mode == modeSchema {
		return strings.Contains(b, "response_format") || strings.Contains(b, "json_schema") ||
			strings.Contains(b, "schema") || strings.Contains(b, "structured output")
	}
	return strings.Contains(b, "response_format") || strings.Contains(b, "json_object")
}

// errorMessage extracts the message of an error body ({"error":{"message"}},
// {"error":"..."}, {"message":"..."} or {"detail":"..."}), falling back to
// the body itself, sanitised and capped.
func errorMessage(body []byte) string {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
		Detail  any             `json:"detail"`
	}
	msg := ""
	if json.Unmarshal(body, &v) == nil {
		var inner struct {
			Message string `json:"message"`
		}
		var s string
		switch {
		case json.Unmarshal(v.Error, &inner) == nil && inner.Message != "":
			msg = inner.Message
		case json.Unmarshal(v.Error, &s) == nil && s != "":
			msg = s
		case v.Message != "":
			msg = v.Message
		case v.Detail != nil:
			msg = fmt.Sprint(v.Detail)
		}
	}
	if msg == "" {
		msg = string(body)
	}
	return sanitize(msg, 300)
}

// sanitize drops control characters, collapses whitespace and caps s at n
// runes.
func sanitize(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
			return -1
		}
		return r
	}, s)
	return truncate(strings.Join(strings.Fields(s), " "), n)
}

// truncate caps s at n runes, marking the cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
