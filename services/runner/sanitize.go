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
	s = ansiRe.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case document.IsBidiOrControl(r):
			return -1
		}
		return r
	}, s)
	s = skKeyRe.ReplaceAllString(s, "<redacted>")
	s = bearerRe.ReplaceAllString(s, "${1}<redacted>")
	s = namedKeyRe.ReplaceAllString(s, "${1}<redacted>")
	s = quotedPath.ReplaceAllString(s, "${1}<path>${2}")
	s = winPathRe.ReplaceAllString(s, "<path>")
	s = unixPathRe.ReplaceAllString(s, "${1}<path>")
	s = strings.TrimSpace(multiSpaces.ReplaceAllString(s, " "))
	return truncate(s, limit)
}

// truncate caps s at limit bytes on a rune boundary, marking a cut with
// "…".
func truncate(s string, limit int) string {
	if limit <= 0 || len(s) <= limit {
		return s
	}
	const ellipsis = "…"
	cut := limit - len(ellipsis)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + ellipsis
}
