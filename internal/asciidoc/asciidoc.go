// Package asciidoc reads AsciiDoc (Asciidoctor) documents as the Markdown
// the rest of GenGlossary reads, line for line, so that occurrence line
// numbers stay those of the .adoc file.
//
// It is a reader for prose, not a renderer: "== Title" headings become ATX
// headings, description lists ("CPU:: The processor.") become the list
// items and definition lists the engines already read, admonition labels
// ("NOTE: ...") and the delimiters of example, sidebar, quote and open
// blocks go while their text stays, and what a page does not show as prose
// (listing, literal, passthrough and comment blocks, comments, attribute
// entries, block attributes and titles, include and image directives)
// becomes blank lines. Inline macros read as their text (link:url[text] ->
// text, <<id,text>> -> text, kbd:[Ctrl+C] -> Ctrl+C), *strong* becomes
// **strong**, and attribute references ({product}) are replaced by the
// values the document sets.
package asciidoc

import (
	"path"
	"strings"
	"unicode"
)

// Is reports whether name is an AsciiDoc document (.adoc, .asciidoc).
func Is(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".adoc", ".asciidoc":
		return true
	}
	return false
}

// ToMarkdown returns src as Markdown with the same number of lines.
func ToMarkdown(src string) string {
	lines := strings.Split(src, "\n")
	out := make([]string, len(lines))
	attrs := map[string]string{}
	type block struct {
		delim string // its delimiter line
		skip  bool   // its content is not prose (listing, literal, comment, passthrough)
	}
	var (
		open     []block // the delimited blocks open, innermost last
		table    bool    // inside |=== ... |===
		tableRow int     // rows seen in the table
		header   = false // in the document header: the title line, author and revision lines, attribute entries
		started  = false // a non-blank line was seen
	)
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		trimmed := strings.TrimSpace(line)

		if n := len(open); n > 0 {
			if trimmed == open[n-1].delim || open[n-1].delim == "```" && trimmed == "```" {
				open = open[:n-1]
				continue
			}
			if open[n-1].skip {
				continue
			}
		}
		if table {
			if strings.HasPrefix(trimmed, "|===") {
				table = false
				continue
			}
			if strings.HasPrefix(trimmed, "|") {
				out[i] = tableRowMarkdown(trimmed, attrs)
				tableRow++
			} else if trimmed == "" && tableRow == 1 && i > 0 && strings.HasPrefix(strings.TrimSpace(lines[i-1]), "|") {
				// A blank line after the first row: that row is the
				// table's header (AsciiDoc's implicit header row).
				out[i] = headerRule(lines[i-1])
			} else if trimmed != "" {
				out[i] = inline(trimmed, attrs)
			}
			continue
		}
		if trimmed == "" {
			header = false // the header ends at the first blank line
			continue
		}
		if !started {
			started = true
			header = strings.HasPrefix(trimmed, "= ")
		} else if header && !strings.HasPrefix(trimmed, ":") && !strings.HasPrefix(trimmed, "//") {
			continue // the author or revision line
		}

		switch {
		case strings.HasPrefix(trimmed, "|==="):
			table, tableRow = true, 0
			continue
		case strings.HasPrefix(trimmed, "```"):
			open = append(open, block{delim: "```", skip: true})
			continue
		case isDelimiter(trimmed):
			open = append(open, block{delim: trimmed, skip: strings.ContainsRune("-.+/", rune(trimmed[0])) && trimmed != "--"})
			continue
		case strings.HasPrefix(trimmed, "//"):
			continue // a comment line
		case attributeEntry(trimmed, attrs):
			if header {
				name, value, _ := strings.Cut(strings.TrimPrefix(trimmed, ":"), ":")
				switch strings.ToLower(name) {
				case "description":
					out[i] = inline(strings.TrimSpace(value), attrs)
				}
			}
			continue
		case blockAttributes(trimmed) || blockTitle(trimmed) || directive(trimmed) ||
			trimmed == "+" || trimmed == "<<<" || trimmed == "'''":
			continue
		}

		if level, title, ok := heading(trimmed); ok {
			out[i] = strings.Repeat("#", level) + " " + inline(title, attrs)
			continue
		}

		// Description lists: "CPU:: The processor." or "CPU::" over its
		// definition.
		if term, def, ok := descriptionItem(trimmed); ok {
			if def != "" {
				out[i] = "- " + inline(term, attrs) + ": " + inline(def, attrs)
				continue
			}
			if i+1 < len(lines) {
				if next := strings.TrimSpace(lines[i+1]); next != "" && !isDelimiter(next) {
					if _, _, nested := descriptionItem(next); !nested {
						// One list item over two lines: "- term:" and its
						// definition as the item's continuation.
						sep := ":"
						if hasCJK(term) {
							sep = "："
						}
						out[i] = "- " + inline(term, attrs) + sep
						out[i+1] = "  " + inline(next, attrs)
						i++
						continue
					}
				}
			}
			out[i] = inline(term, attrs)
			continue
		}

		out[i] = prose(trimmed, attrs)
	}
	return strings.Join(out, "\n")
}

// prose converts one line of running text: list markers, admonition labels
// and inline markup.
func prose(s string, attrs map[string]string) string {
	for _, label := range []string{"NOTE: ", "TIP: ", "IMPORTANT: ", "WARNING: ", "CAUTION: "} {
		if strings.HasPrefix(s, label) {
			return inline(s[len(label):], attrs)
		}
	}
	if n := markerRun(s, '*'); n > 0 && len(s) > n && s[n] == ' ' {
		return "- " + inline(strings.TrimSpace(s[n:]), attrs)
	}
	if n := markerRun(s, '.'); n > 0 && len(s) > n && s[n] == ' ' {
		return "1. " + inline(strings.TrimSpace(s[n:]), attrs)
	}
	return inline(s, attrs)
}

// markerRun counts the leading c characters of s (list depth markers).
func markerRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	if n > 5 {
		return 0
	}
	return n
}

// heading parses "== Title" (one to six "="; "=" is the document title).
func heading(s string) (int, string, bool) {
	n := 0
	for n < len(s) && s[n] == '=' {
		n++
	}
	if n == 0 || n > 6 || len(s) <= n+1 || s[n] != ' ' {
		return 0, "", false
	}
	return n, strings.TrimSpace(s[n:]), true
}

// isDelimiter reports a delimited block's delimiter line: four or more of
// one of - . + / = * _ (listing, literal, passthrough, comment, example,
// sidebar, quote), or "--" (an open block).
func isDelimiter(s string) bool {
	if s == "--" {
		return true
	}
	if len(s) < 4 || !strings.ContainsRune("-.+/=*_", rune(s[0])) {
		return false
	}
	return strings.Trim(s, s[:1]) == ""
}

// attributeEntry reports a document attribute entry (":product: Harbor",
// ":toc:", ":!sectnums:") and records its value.
func attributeEntry(s string, attrs map[string]string) bool {
	if len(s) < 3 || s[0] != ':' {
		return false
	}
	end := strings.IndexByte(s[1:], ':')
	if end <= 0 {
		return false
	}
	name := s[1 : 1+end]
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '!') {
			return false
		}
	}
	rest := s[2+end:]
	if rest != "" && rest[0] != ' ' {
		return false
	}
	attrs[strings.ToLower(strings.Trim(name, "!"))] = strings.TrimSpace(rest)
	return true
}

// blockAttributes reports a block attribute or anchor line: "[source,go]",
// "[NOTE]", "[[anchor]]", "[#id.role]".
func blockAttributes(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && !strings.Contains(s[1:len(s)-1], "](")
}

// blockTitle reports a block title: ".Example configuration".
func blockTitle(s string) bool {
	return len(s) >= 2 && s[0] == '.' && s[1] != '.' && s[1] != ' '
}

// directive reports a block macro line: "include::x.adoc[]",
// "image::a.png[Alt]", "toc::[]", "ifdef::env[]", "endif::[]".
func directive(s string) bool {
	i := strings.Index(s, "::")
	if i <= 0 || !strings.HasSuffix(s, "]") || !strings.Contains(s[i:], "[") {
		return false
	}
	for _, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// descriptionItem parses a description list item: "term:: definition",
// "term::: ...", "term;; ...", with the definition possibly empty.
func descriptionItem(s string) (term, def string, ok bool) {
	for _, sep := range []string{"::::", ":::", "::", ";;"} {
		i := strings.Index(s, sep)
		if i <= 0 {
			continue
		}
		after := s[i+len(sep):]
		if after != "" && after[0] != ' ' && after[0] != '\t' {
			continue // "std::vector", "image::a.png[]"
		}
		term = strings.TrimSpace(s[:i])
		if term == "" || strings.Contains(term, "://") {
			return "", "", false
		}
		return term, strings.TrimSpace(after), true
	}
	return "", "", false
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// tableRowMarkdown turns "|a |b" into "| a | b |".
func tableRowMarkdown(s string, attrs map[string]string) string {
	var b strings.Builder
	for _, cell := range strings.Split(strings.TrimPrefix(s, "|"), "|") {
		b.WriteString("| ")
		b.WriteString(inline(strings.TrimSpace(cell), attrs))
		b.WriteString(" ")
	}
	b.WriteString("|")
	return b.String()
}

// headerRule returns "| --- | --- |" for the cells of a header row line.
func headerRule(row string) string {
	n := strings.Count(strings.TrimSpace(row), "|")
	return strings.Repeat("| --- ", max(n, 1)) + "|"
}
