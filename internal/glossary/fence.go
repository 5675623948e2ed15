package glossary

import (
	"regexp"
	"strings"
)

// OpensFence reports whether a line, its indentation and block quote
// markers trimmed, opens a Markdown code fence: three backticks or tildes
// or more. As in CommonMark, the info string after backticks holds no
// backtick: "```isHoliday``` は…" opens a paragraph with inline code
// (a Japanese README's style), not a code block.
func OpensFence(t string) bool {
	switch {
	case strings.HasPrefix(t, "~~~"):
		return true
	case strings.HasPrefix(t, "```"):
		return !strings.Contains(strings.TrimLeft(t, "`"), "`")
	}
	return false
}

// HasMarkdownLink reports an inline Markdown link in a line ("[the
// guide](https://example.org)", "[up](../index.md)"): a file with one is
// written in Markdown, not in reStructuredText or AsciiDoc.
func HasMarkdownLink(line string) bool { return markdownLink.MatchString(line) }

var markdownLink = regexp.MustCompile(`\[[^\]]+\]\((https?://|#|\.{0,2}/)`)
