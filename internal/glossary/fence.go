package glossary

import "strings"

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
