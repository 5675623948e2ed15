package llmtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/shared"

	"github.com/genglossary/genglossary/internal/llmtest"
)

func post(t *testing.T, url, body string, header http.Header) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func content(t *testing.T, body string) string {
	t.Helper()
	var v struct {
		Object  string `json:"object"`
		Choices []struct {
			Message struct {
				Role    string `json:"role"`
				Content string `json:"content"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
	}
	if err := json.Unmarshal([]byte(body), &v); err != nil || len(v.Choices) != 1 || v.Object != "chat.completion" ||
		v.Choices[0].Message.Role != "assistant" || v.Choices[0].FinishReason != "stop" {
		t.Fatalf("not a chat completion: %s (%v)", body, err)
	}
	return v.Choices[0].Message.Content
}

func TestRecordsRequests(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.Always(llmtest.JSON(map[string]int{"a": 1})))
	body := `{"model":"m1","messages":[{"role":"system","content":"sys"},{"role":"user","content":[{"type":"text","text":"he"},{"type":"text","text":"llo"}]}],
		"response_format":{"type":"json_schema","json_schema":{"name":"define_term","strict":true,"schema":{"type":"object"}}}}`
	code, _, resp := post(t, srv.URL()+"/chat/completions?x=1", body, http.Header{"Authorization": {"Bearer k"}})
	if code != 200 || content(t, resp) != `{"a":1}` {
		t.Fatalf("reply %d %s", code, resp)
	}
	code, _, _ = post(t, srv.RootURL()+"/chat/completions", `{"model":"m2","messages":[]}`, nil)
	if code != 200 {
		t.Fatalf("root path: %d", code)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || srv.Count() != 2 {
		t.Fatalf("recorded %d", len(reqs))
	}
	r := reqs[0]
	if r.Seq != 1 || r.Model != "m1" || r.Path != "/v1/chat/completions" || r.Query.Get("x") != "1" ||
		r.Header.Get("Authorization") != "Bearer k" || r.System() != "sys" || r.User() != "hello" {
		t.Errorf("request = %+v", r)
	}
	if rf := r.ResponseFormat; rf == nil || rf.Type != "json_schema" || rf.Name != "define_term" || !rf.Strict || string(rf.Schema) != `{"type":"object"}` {
		t.Errorf("response_format = %+v", rf)
	}
	if llmtest.KindOf(r) != llmtest.KindDefine || reqs[1].FormatType() != "" || reqs[1].Seq != 2 {
		t.Errorf("kind %q, second format %q", llmtest.KindOf(r), reqs[1].FormatType())
	}
}

func TestRejectsOtherRoutes(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, nil)
	if code, _, _ := post(t, srv.URL()+"/completions", `{}`, nil); code != 404 {
		t.Errorf("other path: %d", code)
	}
	resp, err := http.Get(srv.URL() + "/chat/completions")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 405 {
		t.Errorf("GET: %d", resp.StatusCode)
	}
	if code, _, _ := post(t, srv.URL()+"/chat/completions", `{not json`, nil); code != 400 {
		t.Errorf("bad JSON: %d", code)
	}
	if srv.Count() != 0 {
		t.Errorf("counted %d", srv.Count())
	}
}

func TestScriptedBehaviours(t *testing.T) {
	t.Parallel()
	const req = `{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"x"}}}`
	const plain = `{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"}}`
	tests := []struct {
		name     string
		handler  llmtest.Handler
		body     string
		wantCode []int
		check    func(t *testing.T, i int, h http.Header, body string)
	}{
		{"429 with Retry-After then success", llmtest.Sequence(llmtest.Always(llmtest.RateLimited("2")), llmtest.Always(llmtest.Text("ok"))), plain,
			[]int{429, 200, 200}, func(t *testing.T, i int, h http.Header, body string) {
				if i == 0 && (h.Get("Retry-After") != "2" || !strings.Contains(body, "rate_limit_error")) {
					t.Errorf("429 reply: %v %s", h, body)
				}
			}},
		{"500 then success", llmtest.FailFirst(1, llmtest.Error(500, "boom"), llmtest.Always(llmtest.Text("ok"))), plain,
			[]int{500, 200, 200}, func(t *testing.T, i int, _ http.Header, body string) {
				if i == 0 && !strings.Contains(body, `"message":"boom"`) {
					t.Errorf("500 body %s", body)
				}
				if i > 0 && content(t, body) != "ok" {
					t.Errorf("reply %s", body)
				}
			}},
		{"json_schema rejected", llmtest.RejectJSONSchema(llmtest.Always(llmtest.Text("ok"))), req,
			[]int{400, 400}, func(t *testing.T, _ int, _ http.Header, body string) {
				if !strings.Contains(body, "response_format") {
					t.Errorf("400 body %s", body)
				}
			}},
		{"json_object passes RejectJSONSchema", llmtest.RejectJSONSchema(llmtest.Always(llmtest.Text("ok"))), plain,
			[]int{200}, nil},
		{"malformed content", llmtest.Always(llmtest.Malformed()), plain,
			[]int{200}, func(t *testing.T, _ int, _ http.Header, body string) {
				if json.Valid([]byte(content(t, body))) {
					t.Error("malformed content is valid JSON")
				}
			}},
		{"raw body", llmtest.Always(llmtest.Reply{Status: 502, Body: "<html>bad gateway</html>", Header: http.Header{"Content-Type": {"text/html"}}}), plain,
			[]int{502}, func(t *testing.T, _ int, h http.Header, body string) {
				if body != "<html>bad gateway</html>" || h.Get("Content-Type") != "text/html" {
					t.Errorf("raw reply %v %q", h, body)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t, tt.handler)
			for i, want := range tt.wantCode {
				code, h, body := post(t, srv.URL()+"/chat/completions", tt.body, nil)
				if code != want {
					t.Errorf("request %d: status %d, want %d (%s)", i, code, want, body)
				}
				if tt.check != nil {
					tt.check(t, i, h, body)
				}
			}
		})
	}
}

func TestHangRecordsAbort(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.Always(llmtest.Hang()))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL()+"/chat/completions", strings.NewReader(`{"model":"m","messages":[]}`))
	start := time.Now()
	_, err := http.DefaultClient.Do(req)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
	if !srv.WaitAborted(1, 5*time.Second) {
		t.Fatal("abort not recorded")
	}
	if r := srv.Requests()[0]; !r.Aborted {
		t.Errorf("request not marked aborted: %+v", r)
	}
}

func TestGateReleases(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := llmtest.New(t, llmtest.Gate(release, llmtest.Always(llmtest.Text("late"))))
	done := make(chan string, 1)
	go func() {
		_, _, body := post(t, srv.URL()+"/chat/completions", `{"model":"m","messages":[]}`, nil)
		done <- body
	}()
	if !srv.WaitRequests(1, 5*time.Second) {
		t.Fatal("no request")
	}
	select {
	case <-done:
		t.Fatal("answered before release")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if body := <-done; content(t, body) != "late" {
		t.Errorf("reply %s", body)
	}
}

// TestOfficialSDK checks the fake against the SDK the engine uses.
func TestOfficialSDK(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, nil)
	chat := openai.NewChatCompletionService(option.WithBaseURL(srv.URL()), option.WithAPIKey("k"), option.WithMaxRetries(0))
	res, err := chat.New(context.Background(), openai.ChatCompletionNewParams{
		Model: "m",
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("Task (define_term)"),
			openai.UserMessage("<term>NATS</term>\n<context id=\"1\">We use NATS. NATS is a message broker &amp; store.</context>"),
		},
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{OfJSONObject: &shared.ResponseFormatJSONObjectParam{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(res.Choices[0].Message.Content), &got); err != nil {
		t.Fatal(err)
	}
	if got["definition"] != "We use NATS." || got["confidence"] != 0.8 || got["source_context"] != 1.0 {
		t.Errorf("smart define = %v", got)
	}
	if h := srv.Requests()[0].Header.Get("Authorization"); h != "Bearer k" {
		t.Errorf("Authorization = %q", h)
	}

	_, err = chat.New(context.Background(), openai.ChatCompletionNewParams{Model: "m",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("hello")}})
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Errorf("unknown call: %v", err)
	}
}
