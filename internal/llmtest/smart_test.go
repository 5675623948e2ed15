package llmtest_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/genglossary/genglossary/internal/llmtest"
)

func TestTags(t *testing.T) {
	t.Parallel()
	text := "<term>a &lt;b&gt; &amp; c</term>\n<context id=\"1\">\n line one\n</context><context id=\"2\">two</context><terms>x</terms>"
	if got := llmtest.Tags(text, "term"); fmt.Sprint(got) != "[a <b> & c]" {
		t.Errorf("term = %q", got)
	}
	if got := llmtest.Tags(text, "context"); fmt.Sprint(got) != "[line one two]" {
		t.Errorf("context = %q", got)
	}
}

func TestSmart(t *testing.T) {
	t.Parallel()
	req := func(schema, system, user string) llmtest.Request {
		r := llmtest.Request{Messages: []llmtest.Message{{Role: "system", Content: system}, {Role: "user", Content: user}}}
		if schema != "" {
			r.ResponseFormat = &llmtest.ResponseFormat{Type: "json_schema", Name: schema}
		}
		return r
	}
	tests := []struct {
		name string
		req  llmtest.Request
		kind llmtest.Kind
		want string
	}{
		{"classify by schema", req("classify_terms", "", "<terms>\n<term>Acme Corp</term>\n<term>横浜市</term>\n<term>data</term>\n<term>GenGlossary</term>\n</terms>"),
			llmtest.KindClassify, `{"terms":[{"category":"organization","term":"Acme Corp"},{"category":"place_name","term":"横浜市"},{"category":"common_noun","term":"data"},{"category":"technical_term","term":"GenGlossary"}]}`},
		{"define by system prompt", req("", "Task (define_term):", "<term>用語集</term>\n<context id=\"1\">前置き。用語集は用語の一覧である。次。</context>"),
			llmtest.KindDefine, `{"confidence":0.8,"definition":"用語集は用語の一覧である。","source_context":1}`},
		{"define without context", req("define_term", "", "<term>X</term>\nNo excerpts."),
			llmtest.KindDefine, `{"confidence":0.3,"definition":"X: not defined in the documents.","source_context":0}`},
		{"review", req("review_glossary", "", "<glossary>\n<entry>\n<term>A</term>\n<definition>Short.</definition>\n</entry>\n<entry>\n<term>B</term>\n<definition>B is a long enough definition.</definition>\n</entry>\n</glossary>"),
			llmtest.KindReview, `{"issues":[{"description":"The definition of A is too vague.","exclusion_reason":"","issue_type":"unclear","should_exclude":false,"term_name":"A"}]}`},
		{"refine", req("", "Task (refine_definition):", "<term>A</term>\n<definition>Short.</definition>\n<issue type=\"unclear\">vague</issue>"),
			llmtest.KindRefine, `{"confidence":0.75,"refined_definition":"Short. (refined)"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if k := llmtest.KindOf(tt.req); k != tt.kind {
				t.Errorf("kind = %q, want %q", k, tt.kind)
			}
			r := llmtest.Smart(tt.req)
			var v any
			if err := json.Unmarshal([]byte(r.Content), &v); err != nil {
				t.Fatalf("content %q: %v", r.Content, err)
			}
			b, _ := json.Marshal(v)
			if string(b) != tt.want {
				t.Errorf("reply = %s\nwant    %s", b, tt.want)
			}
		})
	}
	if r := llmtest.Smart(req("", "hello", "hi")); r.Status != 400 {
		t.Errorf("unknown call: %+v", r)
	}
}
