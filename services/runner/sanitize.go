package runner

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/document"
)

// MaxErrorMessage is the longest error_message a run.failed event carries,
// in bytes.
const MaxErrorMessage = 1024

var (
	// Things that look like credentials: OpenAI-style keys, bearer tokens
	// and key=value pairs naming a secret.
	skKeyRe    = regexp.MustCompile(`\b(sk|pk|rk)-[A-Za-z0-9_\-]{8,}`)
	bearerRe   = regexp.MustCompile(`(?i)\b(bearer\s+)[A-Za-z0-9._~+/=\-]{6,}`)
	namedKeyRe = regexp.MustCompile(`(?i)\b((?:api[-_]?key|access[-_]?token|token|secret|password|authorization)["']?\s*[=:]\s*["']?)[^\s"'&,;]+`)
	quotedPath = regexp.MustCompile(`(["'])(?:~?/|[A-Za-z]:\\)[^"'\n]*(["'])`)
	unixPathRe = regexp.MustCompile(`(^|[\s"'(\[=,;<>])(~?/[^\s"'()\[\],;:<>]+)`)
	winPathRe  = regexp.MustCompile(`\b[A-Za-z]:\\[^\s"'()\[\],;:<>]*`)
	// ANSI escape sequences (colours, cursor moves), removed whole.
	ansiRe      = regexp.MustCompile(`\x1b(\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])`)
	multiSpaces = regexp.MustCompile(`\s{2,}`)
)

// sanitize makes s safe to store in an event: secrets (the given values
// and anything that looks like an API key) become <redacted>, absolute
// file paths become <path>, control and bidi characters are removed
// (line breaks and tabs become spaces), and the result is capped at limit
// bytes on a rune boundary, ending with "…" when cut.
func sanitize(s string, secrets []string, limit int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "<redacted>")
		}
	}
	// Every pattern needs some byte that most log lines lack; checking
	// for it first skips the regular expressions (most of this function's
	// cost) on ordinary lines.
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = ansiRe.ReplaceAllString(s, "")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case document.IsBidiOrControl(r):
			return -1
		}
		return r
	}, s)
	if strings.Contains(s, "k-") {
		s = skKeyRe.ReplaceAllString(s, "<redacted>")
	}
	// (?i) also folds the long s (U+017F) to s; ToLower does not.
	lower := strings.ReplaceAll(strings.ToLower(s), "ſ", "s")
	if strings.Contains(lower, "bearer") {
		s = bearerRe.ReplaceAllString(s, "${1}<redacted>")
	}
	if strings.ContainsAny(s, "=:") && containsAnyOf(lower, "key", "token", "secret", "password", "authorization") {
		s = namedKeyRe.ReplaceAllString(s, "${1}<redacted>")
	}
	if strings.ContainsAny(s, `"'`) {
		s = quotedPath.ReplaceAllString(s, "${1}<path>${2}")
	}
	if strings.Contains(s, `:\`) {
		s = winPathRe.ReplaceAllString(s, "<path>")
	}
	if strings.IndexByte(s, '/') >= 0 {
		s = unixPathRe.ReplaceAllString(s, "${1}<path>")
	}
	if hasSpaceRun(s) {
		s = multiSpaces.ReplaceAllString(s, " ")
	}
	return truncate(strings.TrimSpace(s), limit)
}

// hasSpaceRun reports whether s has two consecutive bytes of \s (RE2:
// tab, newline, form feed, carriage return, space).
func hasSpaceRun(s string) bool {
	prev := false
	for i := range len(s) {
		sp := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r'
		if sp && prev {
			return true
		}
		prev = sp
	}
	return false
}

// containsAnyOf reports whether s contains one of words.
func containsAnyOf(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// truncate caps s at limit bytes on a rune boundary, marking a cut with
// "…".
func truncate(s string, limit int) string {
	if limit <= 0 || len(s) <= limit {
		return s
	}
	const ellipsis = "…"
	mark := ellipsis
	if limit < len(ellipsis) { // no room for the mark
		mark = ""
	}
	cut := limit - len(mark)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + mark
}
