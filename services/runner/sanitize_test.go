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

// FuzzSanitizeSkipsOnlyWhatCannotMatch: sanitize's fast path gives what
// running every regular expression gives.
func FuzzSanitizeSkipsOnlyWhatCannotMatch(f *testing.F) {
	for _, s := range []string{
		"run started on runner r-1 (attempt 1)",
		"loaded 1 document",
		"define failed term=WAL err=open /var/lib/x.db: denied",
		"Authorization: Bearer abc.def-123",
		"PAſſWORD=hunter22 and ſecret: 'x'",
		"api_key=\"sk-abcdefghijkl\" token:xyz",
		`copy "C:\Users\me\file.txt" to 'D:\out'`,
		"\x1b[31mred\x1b[0m  two  spaces\t\ttabs\f\fform feeds",
		"ＡＰＩキー=秘密 パス /home/ユーザー/文書.md",
		"KEY=1 K-9 sk-short pk-123456789",
	} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit %= 4096
		secrets := []string{"topsecretvalue"}
		if got, want := sanitize(s, secrets, limit), sanitizeWith(s, secrets, limit, false); got != want {
			t.Fatalf("sanitize(%q)\n = %q\nwant %q", s, got, want)
		}
	})
}
