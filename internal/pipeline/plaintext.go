package pipeline

import (
	"strings"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/gridtable"
)

// dedentText removes the margin a plain-text rendering gives its body:
// DocBook's and w3m's text output (APT's guide.ja.text: titles at the
// left, every paragraph four columns in), a manual page as `man` prints it
// (seven), a plain memo indented throughout. Read as Markdown, every such
// paragraph was a code block, and the document said nothing. When most
// non-blank lines are indented four columns or more, the smallest
// indentation that a tenth of them share is taken off every line indented
// at least that much. A block set in further is kept a code block when it
// reads as code, and text otherwise. Leading no-break spaces count as
// spaces (w3m writes a paragraph's continuation lines with them). Lines
// keep their numbers; Markdown kept as plain text is left as it is. A
// short line at the margin is a title (a manual
// page's DESCRIPTION runs into its first paragraph otherwise).
func dedentText(s string) string {
	lines := strings.Split(s, "\n")
	counts := map[int]int{}
	nonBlank, indented := 0, 0
	for _, l := range lines {
		n, rest := leadingColumns(l)
		if strings.TrimSpace(rest) == "" {
			continue
		}
		if markdownLine(rest, n) {
			// Markdown kept as .txt (Sphinx's _sources copy of a MyST
			// page, glossary.md.txt): its indentation is its own.
			return s
		}
		nonBlank++
		if n >= 4 {
			indented++
			counts[n]++
		}
	}
	if nonBlank == 0 || 2*indented < nonBlank {
		return s
	}
	base := 0
	for n, c := range counts {
		if 10*c >= indented && c >= 2 && (base == 0 || n < base) {
			base = n
		}
	}
	if base == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 64)
	code := false // the current block is an example set in further
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		n, rest := leadingColumns(l)
		if strings.TrimSpace(rest) == "" {
			code = false
			continue // a blank line, however it was indented
		}
		if n < base {
			if marginTitle(rest) {
				// "DESCRIPTION", 「第1章全般」 at the margin over the
				// body: a title, which Markdown would run into the
				// paragraph under it.
				b.WriteString("## ")
				b.WriteString(strings.TrimRight(rest, " \t"))
				continue
			}
			b.WriteString(l)
			continue
		}
		if n > base && (i == 0 || blankLine(lines[i-1])) {
			// A block set in further than the body: an example when it
			// reads as code (the guide's apt.conf, indented one column
			// more), kept a code block; otherwise text (a note, a
			// list's body) that keeps its extra indentation.
			code = codeBlock(lines[i:])
		}
		if !code && sectionNumbered(rest) && (i > 0 && sectionNumbered(strings.TrimSpace(lines[i-1])) || i+1 < len(lines) && sectionNumbered(strings.TrimSpace(lines[i+1]))) {
			// A table of contents ("1.1. この FAQ は何?" over "1.2. Debian
			// GNU/Linux とは何?"): each line an entry, not one paragraph.
			b.WriteString(strings.Repeat(" ", min(n-base, 3)))
			b.WriteString("- ")
			b.WriteString(rest)
			continue
		}
		extra := n - base
		if code {
			extra += 4
		} else {
			// Text set in further (a definition's body under its term,
			// a note) stays text: Markdown takes four columns for code.
			extra = min(extra, 3)
		}
		b.WriteString(strings.Repeat(" ", extra))
		b.WriteString(rest)
	}
	return b.String()
}

// blankLine reports a line of white space only (no-break spaces too).
func blankLine(l string) bool { return strings.TrimSpace(l) == "" }

// codeBlock reports whether the block that lines open (up to the first
// blank line) reads as code: a third of its lines at least end in a
// brace, semicolon or backslash, or open with a comment or a prompt.
func codeBlock(lines []string) bool {
	total, code := 0, 0
	for _, l := range lines {
		_, rest := leadingColumns(l)
		t := strings.TrimSpace(rest)
		if t == "" {
			break
		}
		total++
		switch {
		case strings.HasSuffix(t, "{"), strings.HasSuffix(t, "}"), strings.HasSuffix(t, "};"), strings.HasSuffix(t, ";"), strings.HasSuffix(t, "\\"),
			strings.HasPrefix(t, "/*"), strings.HasPrefix(t, "*/"), strings.HasSuffix(t, "*/"), strings.HasPrefix(t, "//"),
			strings.HasPrefix(t, "$ "), strings.HasPrefix(t, "# "), strings.HasPrefix(t, "% "), strings.HasPrefix(t, ">>> "):
			code++
		}
	}
	return total > 0 && 3*code >= total
}

// leadingColumns returns the columns of l's indentation (a tab advances to
// the next multiple of four, as in Markdown; a no-break space is one
// column) and the rest of the line.
func leadingColumns(l string) (int, string) {
	n := 0
	for i := 0; i < len(l); {
		switch {
		case l[i] == ' ':
			n++
			i++
		case l[i] == '\t':
			n += 4 - n%4
			i++
		case strings.HasPrefix(l[i:], "\u00a0"):
			n++
			i += utf8.RuneLen('\u00a0')
		default:
			return n, l[i:]
		}
	}
	return n, ""
}

// marginTitle reports a line at the margin of an indented body that reads
// as a title: short, not a sentence or a list item, not Markdown already.
func marginTitle(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || utf8.RuneCountInString(t) > 60 || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "|") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;:。、，：", last) && !strings.Contains(t, "---") && !strings.Contains(t, "===")
}

// markdownLine reports a line only Markdown writes: a fence, a MyST
// directive, an ATX heading at the margin (an indented "# " is a shell's
// root prompt). indent is the line's indentation.
func markdownLine(t string, indent int) bool {
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || strings.HasPrefix(t, ":::") ||
		indent == 0 && (strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ") || strings.HasPrefix(t, "### "))
}

// gridTables reads the grid tables of plain text (w3m's and DocBook's
// renderings draw them: "|-------+-------|" between rows whose cells span
// lines) a row at a time (see gridtable).
func gridTables(s string) string {
	if !strings.Contains(s, "-+-") && !strings.Contains(s, "+--") {
		return s
	}
	lines := strings.Split(s, "\n")
	changed := false
	for i := 0; i < len(lines); i++ {
		end := gridtable.Extent(lines, i)
		if end <= i+1 {
			continue
		}
		copy(lines[i:end], gridtable.ToMarkdown(lines[i:end]))
		changed = true
		i = end - 1
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// sectionNumbered reports a line that opens with a section's number of
// two parts or more: "1.2. ", "4.2.1 ".
func sectionNumbered(t string) bool {
	parts := 0
	i := 0
	for {
		j := i
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j == i || j >= len(t) {
			return false
		}
		parts++
		if t[j] == ' ' {
			return parts >= 2
		}
		if t[j] != '.' {
			return false
		}
		i = j + 1
		if i < len(t) && t[i] == ' ' {
			return parts >= 2
		}
	}
}
