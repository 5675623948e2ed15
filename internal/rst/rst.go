// Package rst reads reStructuredText (Sphinx and docutils documents) as the
// Markdown the rest of GenGlossary reads, line for line, so that occurrence
// line numbers stay those of the .rst file.
//
// It is a reader for prose, not a renderer: section titles become ATX
// headings, the bodies of admonitions and other prose directives are read
// as paragraphs, a glossary directive becomes the plain-text definition list
// the engines already read, object descriptions (".. option:: --force",
// ".. py:function:: open(path)") become "- `name`: description" items, and
// what a page does not show as prose (literal blocks, code, images, tables'
// borders, comments, targets, substitution definitions, docinfo fields)
// becomes blank lines. Inline markup becomes its Markdown spelling or its
// text: a literal in double backquotes -> `code`, :term:`broker` -> broker, `Go <https://go.dev>`_
// -> Go.
package rst

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/gridtable"
)

// Is reports whether name is a reStructuredText document (.rst, .rest),
// or the copy of one that Sphinx puts in a built site's _sources folder
// (.rst.txt).
func Is(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".rst", ".rest":
		return true
	case ".txt":
		return strings.HasSuffix(strings.ToLower(name), ".rst.txt")
	}
	return false
}

// Looks reports whether src, a plain-text file's content, is written in
// reStructuredText: Python projects' README.txt and Mercurial's help texts
// are. Read as plain text, a definition list's term ran into its body
// (".hgignore This file contains ...") and literal blocks read as prose.
// It takes two kinds of reStructuredText markup at least among directives
// (".. note::"), roles (":hg:`help`"), a paragraph ending in "::" before an
// indented block, and inline literals in double backquotes, and no
// Markdown fence or inline link.
func Looks(src string) bool {
	var directive, role, literal, code bool
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || glossary.HasMarkdownLink(t) {
			return false
		}
		switch {
		case rstDirective.MatchString(t):
			directive = true
		case strings.HasSuffix(t, "::") && len(t) > 2 && i+2 < len(lines) && strings.TrimSpace(lines[i+1]) == "" &&
			strings.TrimSpace(lines[i+2]) != "" && indentOf(lines[i+2]) > indentOf(l):
			literal = true
		}
		if !role && strings.Contains(t, ":`") && rstRole.MatchString(t) {
			role = true
		}
		if !code && strings.Contains(t, "``") && rstLiteral.MatchString(t) {
			code = true
		}
	}
	n := 0
	for _, b := range []bool{directive, role, literal, code} {
		if b {
			n++
		}
	}
	return n >= 2
}

var (
	rstDirective = regexp.MustCompile(`^\.\. ([A-Za-z][\w:-]*::|_[^:]+:|\|[^|]+\| )`)
	rstRole      = regexp.MustCompile(`(^|[\s(]):[a-z][\w:.-]*:` + "`" + `[^` + "`" + `]+` + "`")
	rstLiteral   = regexp.MustCompile("``[^`]+``")
)

// ToMarkdown returns src as Markdown with the same number of lines.
func ToMarkdown(src string) string {
	lines := joinBrokenRoles(strings.Split(src, "\n"))
	c := &converter{levels: map[string]int{}, atStart: true}
	out := c.convert(lines)
	return strings.Join(out, "\n")
}

// brokenRole matches a role whose text a line break interrupts: the line
// ends inside ":term:`path" (its "based finder`" is on the next line).
var brokenRole = regexp.MustCompile(`(?:^|[\s(])((?::([\w:+.-]+):)?` + "`" + `)[^` + "`" + `]*$`)

// joinBrokenRoles reads a role that a line break interrupts (":term:`path"
// over "based finder` consults", ":ref:`container class" over
// "<sequence-types>`"): its markup goes from both lines, as Inline would
// take it from one, and a code role keeps its text in backquotes. The
// lines keep their count and their words.
func joinBrokenRoles(lines []string) []string {
	for i := 0; i+1 < len(lines); i++ {
		if !strings.Contains(lines[i], "`") {
			continue
		}
		line := strings.TrimRight(lines[i], " \t")
		m := brokenRole.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		next := lines[i+1]
		end := strings.IndexByte(next, '`')
		if end < 0 || strings.TrimSpace(next) == "" {
			continue
		}
		role := ""
		if m[4] >= 0 {
			role = line[m[4]:m[5]]
		} else if !strings.HasPrefix(next[end+1:], "_") || strings.Count(line, "`")%2 == 0 {
			// Interpreted text without a role is joined only as a link
			// ("`Guido van Rossum" over "<https://...>`_"), and only when
			// the line leaves it open.
			continue
		}
		if k := strings.LastIndexByte(role, ':'); k >= 0 {
			role = role[k+1:] // py:func -> func
		}
		mark := ""
		if role != "" && codeRole(role) {
			mark = "`"
		}
		head, tail := next[:end], next[end+1:]
		for strings.HasPrefix(tail, "_") {
			tail = tail[1:]
		}
		if lt := strings.LastIndex(head, "<"); lt >= 0 && strings.HasSuffix(strings.TrimSpace(head), ">") {
			// "<sequence-types>": the target, not the text; the line keeps
			// its indentation (a definition's body).
			indent := next[:len(next)-len(strings.TrimLeft(next, " \t"))]
			if head = strings.TrimRight(head[:lt], " \t"); len(head) < len(indent) {
				head = indent
			}
		}
		if strings.TrimSpace(head) == "" && mark == "" {
			// "<argument>`. Then ...": the punctuation goes up with the
			// text, unless it is all the line has (a blank line would end
			// the paragraph).
			p := len(tail) - len(strings.TrimLeft(tail, ".,;:)"))
			if rest := strings.TrimLeft(tail[p:], " "); rest != "" {
				line, tail = line+tail[:p], rest
			}
		}
		lines[i] = line[:m[2]] + mark + line[m[3]:]
		lines[i+1] = head + mark + tail
	}
	return lines
}

type converter struct {
	levels map[string]int // adornment style -> heading level, in order of first use
	// atStart is true until the document's first paragraph: a field list
	// there is the document's metadata (docinfo), not prose.
	atStart bool
}

// convert converts lines (a document or a directive's dedented body).
func (c *converter) convert(lines []string) []string {
	out := make([]string, len(lines))
	literalNext := false // the paragraph before ended with "::"
	for i := 0; i < len(lines); {
		line := strings.TrimRight(lines[i], " \t")
		trimmed := strings.TrimLeft(line, " \t")
		blankBefore := i == 0 || strings.TrimSpace(lines[i-1]) == ""

		if strings.TrimSpace(trimmed) == "" {
			out[i] = ""
			i++
			continue
		}
		indented := trimmed != line

		// An indented block after a paragraph that ended with "::" is a
		// literal block: code, not prose.
		if literalNext && indented {
			end := max(blockEnd(lines, i, indentOf(lines[i])), i+1)
			i = end // out[...] stay blank
			literalNext = false
			continue
		}
		literalNext = false

		// Section titles: "Title" over "=====", or with an overline too.
		if !indented {
			if ch, ok := adornment(trimmed); ok {
				if i+2 < len(lines) && blankBefore && isTitleText(lines[i+1]) && sameAdornment(lines[i+2], ch) {
					out[i+1] = c.heading("o"+string(ch), lines[i+1])
					i += 3
					continue
				}
				// A transition (a line of punctuation alone) or a stray
				// adornment: not prose.
				i++
				continue
			}
			if i+1 < len(lines) && blankBefore && isTitleText(line) {
				if ch, ok := adornment(strings.TrimRight(lines[i+1], " \t")); ok &&
					utf8.RuneCountInString(strings.TrimSpace(lines[i+1])) >= min(3, utf8.RuneCountInString(line)) {
					out[i] = c.heading("u"+string(ch), line)
					i += 2
					continue
				}
			}
		}

		// Explicit markup: directives, comments, targets, footnotes,
		// substitution definitions.
		if trimmed == ".." || strings.HasPrefix(trimmed, ".. ") {
			i = c.explicit(lines, out, i)
			continue
		}

		// An indented block that is not a literal block: a block quote or a
		// definition's further paragraph; read it as a paragraph.
		if indented && blankBefore {
			end := max(blockEnd(lines, i, indentOf(lines[i])), i+1)
			body := dedent(lines[i:end])
			copy(out[i:end], c.convert(body))
			i = end
			continue
		}

		// Tables: simple tables become Markdown rows; a grid table's rows,
		// whose cells may span lines, become one Markdown row each (see
		// gridtable), a header's rule "| --- |".
		if !indented && simpleBorder(trimmed) {
			i = c.simpleTable(lines, out, i)
			continue
		}
		if strings.HasPrefix(trimmed, "+") && tableBorder(trimmed) {
			end := max(gridtable.Extent(lines, i), i+1)
			for k, row := range gridtable.ToMarkdown(lines[i:end]) {
				out[i+k] = c.prose(row)
			}
			i = end
			continue
		}

		text := line
		if strings.HasSuffix(text, "::") {
			literalNext = true
			switch {
			case strings.TrimSpace(text) == "::":
				text = ""
			case strings.HasSuffix(text, " ::"):
				text = strings.TrimSuffix(text, " ::")
			default:
				text = strings.TrimSuffix(text, ":")
			}
		}
		out[i] = c.prose(text)
		i++
	}
	return out
}

// prose converts one line of running text: field lists, line blocks,
// auto-numbered list items and inline markup.
func (c *converter) prose(line string) string {
	trimmed := strings.TrimLeft(line, " \t")
	lead := line[:len(line)-len(trimmed)]
	switch {
	case strings.HasPrefix(trimmed, "| ") && !strings.HasSuffix(trimmed, "|"):
		trimmed = trimmed[2:] // a line block; "| a | b |" is a table row
	case strings.HasPrefix(trimmed, "#. "):
		trimmed = "1. " + trimmed[3:]
	case strings.HasPrefix(trimmed, ":") && !strings.HasPrefix(trimmed, "::"):
		if name, value, ok := field(trimmed); ok {
			if c.atStart {
				// The document's metadata: its title and description read
				// as front matter's do, the rest is not prose.
				switch strings.ToLower(name) {
				case "title":
					return "# " + Inline(value)
				case "description", "abstract", "summary":
					return Inline(value)
				}
				return ""
			}
			if docinfo[strings.ToLower(name)] || typeField(name) {
				// ":type condition: bool or str", ":rtype: int" (a Sphinx
				// info field): typing names, no prose.
				return ""
			}
			if p, ok := paramName(name); ok {
				return lead + "- `" + p + "`: " + Inline(value)
			}
			if value == "" {
				return lead + Inline(name) + ":"
			}
			return lead + Inline(name) + ": " + Inline(value)
		}
	}
	c.atStart = false
	return lead + Inline(trimmed)
}

// explicit handles the explicit markup block starting at lines[i] and
// returns the index after it.
func (c *converter) explicit(lines []string, out []string, i int) int {
	first := strings.TrimSpace(lines[i])
	ind := indentOf(lines[i])
	end := blockEnd(lines, i+1, ind+1)
	rest := strings.TrimSpace(strings.TrimPrefix(first, ".."))
	switch {
	case strings.HasPrefix(rest, "_") || strings.HasPrefix(rest, "|"):
		// A hyperlink target or a substitution definition.
		return end
	case strings.HasPrefix(rest, "["):
		// A footnote or citation: its text is prose.
		if close := strings.IndexByte(rest, ']'); close > 0 {
			out[i] = strings.Repeat(" ", ind) + Inline(strings.TrimSpace(rest[close+1:]))
			c.body(lines, out, i+1, end)
		}
		return end
	}
	name, args, ok := strings.Cut(rest, "::")
	if !ok || strings.ContainsAny(strings.TrimSpace(name), " \t") || strings.TrimSpace(name) == "" {
		return end // a comment
	}
	name = strings.ToLower(strings.TrimSpace(name))
	args = strings.TrimSpace(args)
	switch {
	case proseDirectives[name]:
		if titled[name] && args != "" {
			out[i] = strings.Repeat(" ", ind) + "**" + Inline(args) + "**"
		}
		c.body(lines, out, i+1, end)
	case name == "glossary":
		c.body(lines, out, i+1, end)
	case objectDirective(name):
		c.object(lines, out, i, end, args)
	}
	// Anything else (code, images, tables, toctrees, includes, raw
	// content, unknown directives) is not prose.
	return end
}

// body converts the indented body lines[from:end] of a directive, after its
// option lines (":class: tip"), as a document of its own.
func (c *converter) body(lines []string, out []string, from, end int) {
	for from < end && strings.TrimSpace(lines[from]) != "" && option(strings.TrimSpace(lines[from])) {
		from++
	}
	if from >= end {
		return
	}
	copy(out[from:end], c.convert(dedent(lines[from:end])))
}

// object renders an object description (".. option:: -v, --verbose",
// ".. py:function:: connect(url, timeout=None)") as a list item keyed by the
// object's name, over its description.
func (c *converter) object(lines []string, out []string, i, end int, args string) {
	key := objectName(args)
	from := i + 1
	for from < end && strings.TrimSpace(lines[from]) != "" && option(strings.TrimSpace(lines[from])) {
		from++
	}
	for from < end && strings.TrimSpace(lines[from]) == "" {
		from++
	}
	if key == "" || from >= end {
		return
	}
	body := c.convert(dedent(lines[from:end]))
	copy(out[from:end], body)
	if strings.TrimSpace(out[from]) == "" {
		return
	}
	out[from] = "- `" + key + "`: " + strings.TrimSpace(out[from])
	for j := from + 1; j < end && strings.TrimSpace(out[j]) != ""; j++ {
		out[j] = "  " + strings.TrimSpace(out[j])
	}
}

// heading returns the ATX heading for title under the adornment style key.
func (c *converter) heading(style, title string) string {
	level, ok := c.levels[style]
	if !ok {
		level = len(c.levels) + 1
		c.levels[style] = level
	}
	return strings.Repeat("#", min(level, 6)) + " " + Inline(strings.TrimSpace(title))
}

// adornmentChars are the characters docutils accepts in section adornments.
const adornmentChars = "=-`:'\"~^_*+#<>"

// adornment reports a line of one punctuation character repeated: three
// times at least, or twice for "=" and "-" (callers check that an
// underline is as long as its title).
func adornment(s string) (byte, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || strings.IndexByte(adornmentChars, s[0]) < 0 {
		return 0, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return 0, false
		}
	}
	if len(s) < 3 && s[0] != '=' && s[0] != '-' {
		return 0, false
	}
	return s[0], true
}

func sameAdornment(s string, ch byte) bool {
	c, ok := adornment(s)
	return ok && c == ch
}

// isTitleText reports a line that can be a section title: text, not
// indented, not itself an adornment or explicit markup.
func isTitleText(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" || s[0] == ' ' || s[0] == '\t' || strings.HasPrefix(s, "..") {
		return false
	}
	if _, ok := adornment(s); ok {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// tableBorder reports a grid table border ("+----+----+", "+====+").
func tableBorder(s string) bool {
	if len(s) < 3 {
		return false
	}
	switch s[0] {
	case '+':
		return strings.Trim(s, "+-=") == "" && strings.ContainsAny(s, "-=")
	}
	return false
}

// simpleBorder reports a simple table's border: runs of "=" separated by
// spaces, at least two columns.
func simpleBorder(s string) bool {
	return len(s) >= 3 && s[0] == '=' && strings.Trim(s, "= ") == "" && len(strings.Fields(s)) >= 2
}

// simpleTable converts the simple table whose top border is lines[i] and
// returns the index after its bottom border. Rows become "| a | b |", cut
// at the columns the border draws; the rule under the header becomes
// "| --- | --- |"; other borders and row rules ("-----  -----") go.
func (c *converter) simpleTable(lines []string, out []string, i int) int {
	var cols []int // display column where each column starts
	border := strings.TrimRight(lines[i], " \t")
	for k := 0; k < len(border); k++ {
		if border[k] == '=' && (k == 0 || border[k-1] == ' ') {
			cols = append(cols, k)
		}
	}
	c.atStart = false
	j := i + 1
	for ; j < len(lines); j++ {
		l := strings.TrimRight(lines[j], " \t")
		if strings.TrimSpace(l) == "" {
			break // a table has no blank lines; the bottom border came before
		}
		if simpleBorder(strings.TrimSpace(l)) {
			if j+1 == len(lines) || strings.TrimSpace(lines[j+1]) == "" {
				return j + 1 // the bottom border
			}
			out[j] = strings.Repeat("| --- ", len(cols)) + "|"
			continue
		}
		if strings.Trim(l, "- ") == "" {
			continue // a rule between rows
		}
		cells := make([]strings.Builder, len(cols))
		col := 0 // display column: wide characters take two, as docutils counts them
		for _, r := range l {
			k := len(cols) - 1
			for k > 0 && col < cols[k] {
				k--
			}
			cells[k].WriteRune(r)
			col += runeWidth(r)
		}
		var b strings.Builder
		for k := range cells {
			b.WriteString("| ")
			b.WriteString(Inline(strings.TrimSpace(cells[k].String())))
			b.WriteString(" ")
		}
		b.WriteString("|")
		out[j] = b.String()
	}
	return j
}

// runeWidth is r's display width: two for East Asian wide and full-width
// characters.
func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// blockEnd returns the index of the first line at or after from that is
// not blank and is indented less than minIndent; trailing blank lines of
// the block are left after it.
func blockEnd(lines []string, from, minIndent int) int {
	end := from
	for j := from; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		if indentOf(lines[j]) < minIndent {
			break
		}
		end = j + 1
	}
	return end
}

func indentOf(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 8 - n%8
		default:
			return n
		}
	}
	return n
}

// dedent removes the common indentation of lines (tabs expanded).
func dedent(lines []string) []string {
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := indentOf(l); common < 0 || n < common {
			common = n
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		l = strings.ReplaceAll(l, "\t", "        ")
		out[i] = l[min(common, len(l)):]
	}
	return out
}

// option reports a directive option line: ":class: tip", ":sorted:".
func option(s string) bool {
	if !strings.HasPrefix(s, ":") || strings.HasPrefix(s, "::") {
		return false
	}
	_, _, ok := field(s)
	return ok
}

// field splits a field list line ":name: value".
func field(s string) (name, value string, ok bool) {
	if !strings.HasPrefix(s, ":") {
		return "", "", false
	}
	end := strings.Index(s[1:], ":")
	if end <= 0 {
		return "", "", false
	}
	name = s[1 : 1+end]
	rest := s[2+end:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", "", false // a role (":term:`x`"), not a field
	}
	return name, strings.TrimSpace(rest), true
}

// docinfo are the bibliographic fields of a document: metadata, not prose.
var docinfo = map[string]bool{
	"author": true, "authors": true, "organization": true, "contact": true, "address": true, "version": true,
	"revision": true, "status": true, "date": true, "copyright": true, "dedication": true,
	"orphan": true, "nocomments": true, "tocdepth": true, "nosearch": true, "maintainer": true, "maintainers": true,
}

// typeField reports a Sphinx info field that gives a type: "type
// timeout", "vartype x", "rtype".
func typeField(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "rtype", "returntype":
		return len(f) == 1
	case "type", "vartype":
		return len(f) == 2
	}
	return false
}

// paramName returns the parameter a Sphinx info field describes: "param
// timeout" and "param int timeout" -> timeout.
func paramName(name string) (string, bool) {
	f := strings.Fields(name)
	if len(f) < 2 {
		return "", false
	}
	switch f[0] {
	case "param", "parameter", "arg", "argument", "key", "keyword", "kwarg", "kwparam", "var", "ivar", "cvar":
		return f[len(f)-1], true
	}
	return "", false
}

// proseDirectives have a body a reader reads as prose.
var proseDirectives = map[string]bool{
	"note": true, "warning": true, "tip": true, "hint": true, "important": true, "caution": true,
	"attention": true, "danger": true, "error": true, "admonition": true, "seealso": true, "topic": true,
	"sidebar": true, "rubric": true, "deprecated": true,
	"container": true, "only": true, "epigraph": true, "highlights": true, "pull-quote": true,
	"compound": true, "centered": true, "hlist": true, "tab": true, "tabs": true, "group-tab": true,
	"class": true,
}

// titled directives take their argument as a title shown above the body.
var titled = map[string]bool{"admonition": true, "topic": true, "sidebar": true, "rubric": true, "tab": true, "group-tab": true}

// objectDirective reports a directive describing a named object, whose body
// says what it is: options, environment variables, configuration values and
// the domain directives (py:function, js:class, c:macro, ...).
func objectDirective(name string) bool {
	switch name {
	case "option", "envvar", "confval", "describe", "object":
		return true
	}
	domain, kind, ok := strings.Cut(name, ":")
	return ok && domain != "" && kind != "" && !strings.Contains(kind, ":") && kind != "module" && kind != "currentmodule"
}

// objectName returns the name an object description's signature gives:
// "connect(url, timeout=None)" -> connect, "-v, --verbose" -> --verbose,
// "class Quay(Berth)" -> Quay, "harbor-moor SHIP &optional FORCE" ->
// harbor-moor, ".. literalinclude:: filename" -> literalinclude.
func objectName(sig string) string {
	sig = strings.TrimSpace(sig)
	if rest, ok := strings.CutPrefix(sig, ".. "); ok {
		// ".. rst:directive:: .. literalinclude:: filename" (Sphinx's
		// own manual): the directive described, not its argument.
		if name, _, ok := strings.Cut(rest, "::"); ok && !strings.ContainsAny(strings.TrimSpace(name), " \t") {
			return strings.TrimSpace(name)
		}
	}
	if i := strings.IndexAny(sig, "(["); i >= 0 {
		sig = sig[:i]
	}
	if i := strings.LastIndex(sig, ", "); i >= 0 {
		sig = sig[i+2:] // the long spelling of an option
	}
	if f := strings.Fields(sig); len(f) > 1 && !strings.ContainsAny(sig, "([") && lispArgs(f[1:]) {
		// "skk-make-face FACE", "harbor-moor SHIP &optional FORCE": a
		// Lisp function's name, then its arguments in capitals.
		return strings.Trim(f[0], "`*")
	}
	var f []string
	for _, w := range strings.Fields(sig) {
		if !strings.ContainsAny(w[:1], "<[{") {
			f = append(f, w) // not a placeholder: "--tide <level>"
		}
	}
	if len(f) == 0 {
		return ""
	}
	name := f[len(f)-1]
	if i := strings.IndexAny(name, "=<"); i > 0 {
		name = name[:i] // "--level=<n>"
	}
	return strings.Trim(name, "`*")
}

// lispArgs reports the arguments of a Lisp signature as Emacs Lisp and
// Common Lisp manuals write them: names in capitals, lambda-list keywords
// (&optional, &rest, &key) and "...".
func lispArgs(words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, "&") || w == "..." {
			continue
		}
		if strings.ContainsFunc(w, unicode.IsLower) || !strings.ContainsFunc(w, unicode.IsUpper) {
			return false
		}
	}
	return true
}
