package runner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"open /etc/genglossary/key.pem: permission denied", "open <path>: permission denied"},
		{`stat "/home/a b/x.md"`, `stat "<path>"`},
		{"read ~/docs/a.md failed", "read <path> failed"},
		{`file C:\Users\bob\a.txt: gone`, "file <path>: gone"},
		{"and/or stays; http://127.0.0.1:8080/v1/chat/completions stays", "and/or stays; http://127.0.0.1:8080/v1/chat/completions stays"},
		{"401: invalid key sk-abcdefghijklmnop0123", "401: invalid key <redacted>"},
		{"Authorization: Bearer abc.def-ghi_123", "Authorization: <redacted> <redacted>"},
		{"url?api_key=s3cr3tvalue&x=1", "url?api_key=<redacted>&x=1"},
		{"line1\nline2\ttab\x00nul\x1b[1;31mred\x1b[0m \u202eevil", "line1 line2 tabnulred evil"},
		{"the configured secret hunter2-xyz leaked", "the configured <redacted> leaked"},
	}
	for _, c := range cases {
		if got := sanitize(c.in, []string{"secret hunter2-xyz"}, MaxErrorMessage); got != c.want {
			t.Errorf("sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := strings.Repeat("é", 2000)
	got := sanitize(long, nil, MaxErrorMessage)
	if len(got) > MaxErrorMessage || !utf8.ValidString(got) || !strings.HasSuffix(got, "…") {
		t.Errorf("long message: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
}
