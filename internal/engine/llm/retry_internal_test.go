package llm

import (
	"net/http"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
		ok     bool
	}{
		{"none", http.Header{}, 0, false},
		{"seconds", http.Header{"Retry-After": {"120"}}, 120 * time.Second, true},
		{"zero", http.Header{"Retry-After": {"0"}}, 0, true},
		{"fraction", http.Header{"Retry-After": {"1.5"}}, 1500 * time.Millisecond, true},
		{"HTTP date", http.Header{"Retry-After": {now.Add(7 * time.Second).Format(http.TimeFormat)}}, 7 * time.Second, true},
		{"past HTTP date", http.Header{"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}}, 0, true},
		{"milliseconds first", http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"9"}}, 250 * time.Millisecond, true},
		{"negative", http.Header{"Retry-After": {"-3"}}, 0, false},
		{"garbage", http.Header{"Retry-After": {"soon"}}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := parseRetryAfter(tt.header, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("= %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestJSONObject(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"a":1}`, `{"a":1}`},
		{"```json\n{\"a\":1}\n```", `{"a":1}`},
		{"```\n{\"a\":1}```", `{"a":1}`},
		{"Sure! {\"a\":1} Hope this helps.", `{"a":1}`},
		{"<think>{\"b\":2}</think>\n{\"a\":1}", `{"a":1}`},
		{"", ""},
		{"no json here", ""},
		{`{"a":`, ""},
	}
	for _, tt := range tests {
		got, err := jsonObject(tt.in)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("jsonObject(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
