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
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
)

// Is reports whether name is an AsciiDoc document (.adoc, .asciidoc).
func Is(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".adoc", ".asciidoc":
		return true
	}
	return false
}

// Looks reports whether src, a plain-text file's content, is written in
// AsciiDoc: Git's documentation sources are .txt files. Read as plain
// text, its description lists ran their terms into their bodies and its
// macros ("linkgit:git-add[1]") read as words. It takes two kinds of
// AsciiDoc markup at least among cross references and anchors ("<<id>>",
// "[[id]]"), macros ("include::", "ifdef::", "linkgit:x[1]", "xref:"),
// description items ("term::" over its text), block attribute lines
// ("[verse]") and "== Title" headings, and no Markdown inline link.
func Looks(src string) bool {
	var ref, macro, item, attrLine, title bool
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if glossary.HasMarkdownLink(t) {
			return false
		}
		if !ref && (strings.Contains(t, "<<") || strings.Contains(t, "[[")) && crossRef.MatchString(t) {
			ref = true
		}
		if !macro && (directive(t) || inlineMacro.MatchString(t)) {
			macro = true
		}
		if !item && l == t && strings.HasSuffix(t, "::") && !strings.HasPrefix(t, "..") && len(strings.Fields(t)) <= 4 && i+1 < len(lines) &&
			strings.TrimSpace(lines[i+1]) != "" && strings.TrimSpace(lines[i+1]) != lines[i+1] {
			item = true // "--dry-run::" over its indented text (".. index::" is reStructuredText)
		}
		if !attrLine && attributeLine.MatchString(t) {
			attrLine = true
		}
		if _, _, ok := heading(t); ok && l == t && len(t) > 1 && t[1] == '=' {
			title = true
		}
	}
	n := 0
	for _, b := range []bool{ref, macro, item, attrLine, title} {
		if b {
			n++
		}
	}
	return n >= 2
}

var (
	crossRef      = regexp.MustCompile(`<<[A-Za-z_][\w#./:-]*(,[^>]+)?>>|\[\[[A-Za-z_][\w:.-]*(,[^\]]+)?\]\]`)
	attributeLine = regexp.MustCompile(`^\[[A-Za-z#.%][\w#.%="\-]*(,[\w#.%=" \-]*)*\]$`)
	inlineMacro   = regexp.MustCompile(`\b(linkgit|xref|link|kbd|footnote|image):[^\s\[]*\[`)
)

// ToMarkdown returns src as Markdown with the same number of lines.
func ToMarkdown(src string) string {
	lines := strings.Split(src, "\n")
	joinBrokenRefs(lines)
	out := make([]string, len(lines))
	attrs := map[string]string{}
	type block struct {
		delim string // its delimiter line
		skip  bool   // its content is not prose (listing, literal, comment, passthrough)
	}
	var (
		open      []block // the delimited blocks open, innermost last
		lastAttrs string  // the last block attribute line: a table's [cols=...]
		header    = false // in the document header: the title line, author and revision lines, attribute entries
		started   = false // a non-blank line was seen
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

		if level := underlined(lines, i); level > 0 {
			// "NAME" over "----": a two-line section title (AsciiDoc.py's
			// style, Git's manual pages), not a listing block's opening.
			out[i] = strings.Repeat("#", level) + " " + inline(trimmed, attrs)
			i++
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "|==="):
			end := i + 1
			for end < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[end]), "|===") {
				end++
			}
			convertTable(lines[i+1:end], out[i+1:end], columns(lastAttrs), attrs)
			i = end // the closing line stays blank
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
		case blockAttributes(trimmed):
			lastAttrs = trimmed
			if style, _, _ := strings.Cut(strings.Trim(trimmed, "[]"), ","); strings.TrimSpace(style) == "verse" || strings.TrimSpace(style) == "literal" {
				// "[verse]" over "'git add' [--verbose | -v] ...": Git's
				// synopses; a literal paragraph shows code. Neither is
				// prose: the paragraph stays blank.
				for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && !isDelimiter(strings.TrimSpace(lines[i+1])) {
					i++
				}
			}
			continue
		case blockTitle(trimmed) || directive(trimmed) ||
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
						if glossary.HasCJK(term) {
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

// joinBrokenRefs closes a cross reference whose text runs onto the next
// line ("<<def_tree_object,tree" over "object>> together with ..."): the
// first line ends with the text so far, the second loses the closing
// ">>". Read a line at a time, neither was a reference.
func joinBrokenRefs(lines []string) {
	for i := 0; i+1 < len(lines); i++ {
		m := brokenRef.FindStringSubmatchIndex(lines[i])
		if m == nil {
			continue
		}
		next := lines[i+1]
		end := strings.Index(next, ">>")
		if end < 0 || strings.Contains(next[:end], "<<") {
			continue
		}
		lines[i] = lines[i][:m[0]] + lines[i][m[2]:m[3]]
		lines[i+1] = next[:end] + next[end+2:]
	}
}

// brokenRef matches a cross reference opened, with its text, at a line's
// end and not closed on it.
var brokenRef = regexp.MustCompile(`<<[A-Za-z_][\w#./:-]*,([^>]*)$`)

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

// underlined returns the level of a two-line section title at lines[i]:
// its text over a line of one of = - ~ ^ + as long as the text, give or
// take one character (= for the document's title, level 1, - level 2,
// and so on); 0 if there is none. The text opens a paragraph (a blank line
// or the start before it) and is not markup itself.
func underlined(lines []string, i int) int {
	if i+1 >= len(lines) || i > 0 && strings.TrimSpace(lines[i-1]) != "" {
		return 0
	}
	title := strings.TrimSpace(lines[i])
	under := strings.TrimSpace(lines[i+1])
	if len(under) < 2 || strings.Trim(under, under[:1]) != "" || isDelimiter(title) || strings.ContainsAny(title[:1], "=-*.[/:|<+") {
		return 0
	}
	level := strings.IndexByte("=-~^+", under[0]) + 1
	if level == 0 {
		return 0
	}
	if n := utf8.RuneCountInString(title); len(under) < n-1 || len(under) > n+1 {
		return 0
	}
	return level
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

// columns returns the column count a block attribute line gives a table:
// [cols="1,3"] -> 2, [cols="3*"] -> 3, [cols=2] -> 2; 0 when it gives none.
func columns(attrLine string) int {
	i := strings.Index(attrLine, "cols=")
	if i < 0 {
		return 0
	}
	v := strings.Trim(strings.TrimPrefix(attrLine[i:], "cols="), `"']`)
	if j := strings.IndexAny(v, `"'`); j >= 0 {
		v = v[:j]
	}
	if n, _, ok := strings.Cut(v, "*"); ok {
		if k, err := strconv.Atoi(strings.TrimSpace(n)); err == nil && k > 0 && k < 100 {
			return k
		}
	}
	if k, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && k > 0 && k < 100 {
		return k
	}
	return strings.Count(v, ",") + 1
}

// convertTable turns the body of a |=== table into Markdown rows: cells
// (each opened by "|", possibly one per line) are gathered into rows of the
// table's columns, and each row is written on the line where it starts; a
// first row on one line over a blank line is the header, and the blank
// line its rule.
func convertTable(lines, out []string, cols int, attrs map[string]string) {
	var cells, last []string // the row being read; the row written last
	rowStart, lastStart, rows := -1, -1, 0
	firstRowOneLine := false
	render := func(row []string) string {
		var b strings.Builder
		for _, c := range row {
			b.WriteString("| ")
			b.WriteString(inline(strings.TrimSpace(c), attrs))
			b.WriteString(" ")
		}
		b.WriteString("|")
		return b.String()
	}
	flush := func() {
		if len(cells) == 0 {
			return
		}
		out[rowStart] = render(cells)
		last, lastStart = append(last[:0], cells...), rowStart
		cells, rowStart = cells[:0], -1
		rows++
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			if len(cells) == 0 && rows == 1 && firstRowOneLine && i > 0 {
				out[i] = headerRule(out[i-1])
				firstRowOneLine = false
			}
			continue
		}
		parts := strings.Split(t, "|")
		if parts[0] != "" {
			// A cell's text goes on: in the row being read, or in the
			// last cell of the row just written.
			switch {
			case len(cells) > 0:
				cells[len(cells)-1] = joinText(cells[len(cells)-1], cellText(parts[0]))
			case len(last) > 0:
				last[len(last)-1] = joinText(last[len(last)-1], cellText(parts[0]))
				out[lastStart] = render(last)
			}
		}
		lineCells := parts[1:]
		if cols == 0 && len(lineCells) > 0 {
			cols = len(lineCells)
		}
		for _, c := range lineCells {
			if rowStart < 0 {
				rowStart = i
			}
			cells = append(cells, cellText(c))
			if len(cells) == cols {
				oneLine := rowStart == i
				flush()
				if rows == 1 {
					firstRowOneLine = oneLine
				}
			}
		}
	}
	flush()
}

// joinText joins two pieces of a cell's text as a soft line break reads:
// with a space, or with none between Japanese characters.
func joinText(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	r1, _ := utf8.DecodeLastRuneInString(a)
	r2, _ := utf8.DecodeRuneInString(b)
	if r1 >= 0x3000 && r2 >= 0x3000 {
		return a + b
	}
	return a + " " + b
}

// cellText drops a cell's trailing style specifier ("a", "h", "2+"): it
// belongs to the next cell's "|".
func cellText(s string) string {
	f := strings.Fields(s)
	if n := len(f); n > 0 && cellSpec.MatchString(f[n-1]) && (n > 1 || strings.ContainsAny(f[n-1], "+*")) {
		f = f[:n-1]
	}
	return strings.Join(f, " ")
}

// cellSpec is a cell specifier: a span ("2+", ".3+"), a duplication
// ("3*"), an alignment ("^", ".>") and a style letter ("a", "h").
var cellSpec = regexp.MustCompile(`^(\d*(\.\d+)?\+|\d+\*)?[<^>]?(\.[<^>])?[ahlmdesv]?$`)

// headerRule returns "| --- | --- |" for the cells of a header row line.
func headerRule(row string) string {
	n := strings.Count(strings.TrimSpace(row), "|")
	return strings.Repeat("| --- ", max(n-1, 1)) + "|"
}
