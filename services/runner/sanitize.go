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
	return sanitizeWith(s, secrets, limit, true)
}

// redaction is one expression of sanitize and the check that it cannot
// match: every one needs some byte that most log lines lack, and skipping
// the expressions (most of sanitize's cost) on ordinary lines is what makes
// it cheap. lower is s lower-cased, with the long s (U+017F) folded to s as
// (?i) does.
type redaction struct {
	re   *regexp.Regexp
	repl string
	may  func(s, lower string) bool
}

// redactions run in order after control characters are removed.
var redactions = []redaction{
	{skKeyRe, "<redacted>", func(s, _ string) bool { return strings.Contains(s, "k-") }},
	{bearerRe, "${1}<redacted>", func(_, lower string) bool { return strings.Contains(lower, "bearer") }},
	{namedKeyRe, "${1}<redacted>", func(s, lower string) bool {
		return strings.ContainsAny(s, "=:") && containsAnyOf(lower, "key", "token", "secret", "password", "authorization")
	}},
	{quotedPath, "${1}<path>${2}", func(s, _ string) bool { return strings.ContainsAny(s, `"'`) }},
	{winPathRe, "<path>", func(s, _ string) bool { return strings.Contains(s, `:\`) }},
	{unixPathRe, "${1}<path>", func(s, _ string) bool { return strings.IndexByte(s, '/') >= 0 }},
	{multiSpaces, " ", func(s, _ string) bool { return hasSpaceRun(s) }},
}

// sanitizeWith is sanitize; with skip false it runs every expression
// whatever the line (what the fuzz test compares sanitize with).
func sanitizeWith(s string, secrets []string, limit int, skip bool) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "<redacted>")
		}
	}
	if !skip || strings.IndexByte(s, 0x1b) >= 0 {
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
	// The replacements insert no byte a check looks for, so lower, taken
	// once, stays a superset of what the line holds.
	lower := strings.ReplaceAll(strings.ToLower(s), "ſ", "s")
	for _, r := range redactions {
		if !skip || r.may(s, lower) {
			s = r.re.ReplaceAllString(s, r.repl)
		}
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
