// Package sitemarkup turns the markup that static-site generators add to
// Markdown into the plain Markdown that the glossary's readers understand.
//
// Real documentation is rarely bare CommonMark: Hugo and Jekyll pages start
// with front matter and use shortcodes ({{< glossary_tooltip text="Pod"
// term_id="pod" >}}), Docusaurus and VuePress fence admonitions with
// ":::note", MkDocs indents them under "!!! note", GitHub READMEs open
// alerts with "> [!NOTE]", and headings carry anchors ("## Pods {#pods}").
// Read as Markdown, that markup became terms ("glossary_tooltip",
// "term_id"), front matter became a sentence, and an MkDocs admonition's
// body was skipped as indented code.
//
// [Strip] keeps the number of lines, so positions found in its output (an
// occurrence at doc.md:12) are positions in the original document.
package sitemarkup

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
)

// maxFrontMatterLines bounds the search for the end of front matter: a
// document that starts with a thematic break "---" and never repeats it is
// not front matter.
const maxFrontMatterLines = 200

// Strip returns content with static-site markup replaced by what a reader
// of the rendered page sees, line for line:
//
//   - front matter (YAML between "---" lines, TOML between "+++" lines) at
//     the start becomes blank lines, except its title, which becomes a
//     level-1 heading, and its description, which becomes the paragraph
//     under it;
//   - Hugo shortcodes are removed, except glossary tooltips, which become
//     their text; a line of shortcodes alone becomes blank (it separates
//     paragraphs, as "{{< note >}}" does when rendered); Liquid tags
//     ("{% include x.html %}") and mdBook directives ("{{#include
//     ../listings/main.rs}}", "{{#title ...}}") are removed; MDN macros that link
//     ({{Glossary("HTTP")}}) become their text, the others go;
//   - admonition fences (":::note", ":::"), MkDocs admonition and tab
//     openers ("!!! note", "=== \"Tab\"") and kramdown attribute lines
//     ("{: .note}") become blank, and the indented body of an MkDocs
//     admonition is un-indented so that it is read as prose, not code;
//   - a GitHub alert marker ("> [!NOTE]") becomes an empty quoted line;
//   - MDX import and export lines ("import Tabs from '@theme/Tabs';") and
//     Zenn embeds ("@[card](https://...)") become blank;
//   - HTML definition lists become list items ("<dt>Capstan</dt>" over
//     "<dd>A rotating drum ...</dd>" reads "- Capstan: A rotating drum
//     ..."), a <summary> line becomes a heading and the <dl> and <details>
//     tags blank lines;
//   - the fences and option lines of MyST directives whose body is prose
//     ("```{note}", "```{glossary}", ":::{warning}", ":class: tip") become
//     blank, so their bodies are read, not skipped as code; MyST roles
//     become their text ("{term}`berth`" -> "berth"), in code for an
//     object's or a literal's ("{attr}`object.__dict__`" ->
//     "`object.__dict__`");
//   - an HTML block of raw text (<pre>, <script>, <style>, <textarea>)
//     becomes a fenced code block: a README's example in a <pre> is code;
//   - a table written without its outer pipes ("a | b" over "--- | ---")
//     gets them (see pipeTable);
//   - an HTML table becomes Markdown table rows, each on the line where
//     its text starts (see htmlTable), and an HTML heading a Markdown one
//     (see htmlHeading);
//   - a heading's anchor ("## Pods {#pods}") is removed;
//   - the section titles of a manual page saved as text (short unindented
//     lines under a "NAME(8) ... NAME(8)" header) become headings, its
//     subsection titles sub-headings, its text loses its indentation (but
//     in the synopsis and in tables), its words broken at a line's end are
//     joined and its header and footer lines become blank.
//
// Fenced code blocks are left as they are. Content without any of this
// markup is returned unchanged, without copying.
func Strip(content string) string {
	if !mayHaveMarkup(content) {
		return content
	}
	lines := strings.Split(content, "\n")
	start := frontMatter(lines)
	manPageTitles(lines, start)
	var (
		fence       byte // '`' or '~' inside a fenced code block
		fenceLen    int
		fenceQuoted bool // the fence opened in a block quote
		admonition  bool // inside the indented body of an MkDocs admonition or tab
		myst        []string
		options     bool // right after a MyST directive's opener: ":class: tip" lines
	)
	for i := start; i < len(lines); i++ {
		line := strings.TrimSuffix(lines[i], "\r")
		trimmed := strings.TrimLeft(line, " \t")
		fenced := trimmed
		for strings.HasPrefix(fenced, ">") {
			fenced = strings.TrimLeft(fenced[1:], " \t") // "> ```": a fence in a block quote
		}
		if fence != 0 && fenceQuoted && len(fenced) == len(trimmed) {
			fence = 0 // the quote, and the code in it, ended
		}
		if fence != 0 {
			if n := countRun(fenced, fence); n >= fenceLen && strings.TrimSpace(fenced[n:]) == "" {
				fence = 0
			}
			continue
		}
		if options {
			if mystOption(trimmed) {
				lines[i] = ""
				continue
			}
			options = false
		}
		if run, ok := mystProseFence(trimmed); ok {
			// "```{note}": a MyST directive whose body is prose.
			myst = append(myst, run)
			lines[i], options = "", true
			continue
		}
		if k := len(myst); k > 0 && strings.TrimSpace(trimmed) == myst[k-1] {
			myst = myst[:k-1]
			lines[i] = ""
			continue
		}
		if admonition {
			switch {
			case strings.TrimSpace(line) == "":
				continue
			case strings.HasPrefix(line, "\t"):
				line = line[1:]
			case strings.HasPrefix(line, "    "):
				line = line[4:]
			default:
				admonition = false
			}
			if admonition {
				trimmed = strings.TrimLeft(line, " \t")
				lines[i] = line
			}
		}
		for _, c := range []byte{'`', '~'} {
			if n := countRun(fenced, c); n >= 3 && (c == '~' || !strings.Contains(fenced[n:], "`")) {
				fence, fenceLen, fenceQuoted = c, n, len(fenced) < len(trimmed)
			}
		}
		if fence != 0 {
			continue
		}
		switch {
		case admonitionFence(trimmed), kramdownAttributes(trimmed):
			lines[i] = ""
			options = strings.Contains(trimmed, "{")
			continue
		case mkdocsBlock(trimmed):
			lines[i] = ""
			admonition = true
			continue
		case githubAlert(trimmed):
			lines[i] = ">"
			continue
		case line == trimmed && (esmLine(trimmed) || embedLine(trimmed)):
			lines[i] = ""
			continue
		}
		if strings.IndexByte(line, '`') >= 0 {
			// "Type `make' to build": GNU and TeX-era text quotes a name
			// as code (see glossary.TeXQuotes).
			if l := texQuotesAsCode(line); l != line {
				line, lines[i] = l, l
				trimmed = strings.TrimLeft(line, " \t")
			}
		}
		if strings.HasPrefix(trimmed, "<") {
			if end, ok := rawBlock(lines, i); ok {
				i = end
				continue
			}
			if end, ok := htmlTable(lines, i); ok {
				i = end
				continue
			}
			if end, ok := htmlHeading(lines, i); ok {
				i = end
				continue
			}
			// <dl>/<dt>/<dd> and <details>/<summary>, as Markdown.
			if term, ok := tagText(trimmed, "dt"); ok && i+1 < len(lines) {
				if def, ok := tagText(lines[i+1], "dd"); ok && term != "" && def != "" {
					lines[i], lines[i+1] = "- "+term+": "+def, ""
					i++
					continue
				}
			}
			if html, ok := htmlBlockLine(trimmed); ok {
				lines[i] = html
				continue
			}
		}
		if end, ok := pipeTable(lines, i); ok {
			i = end
			continue
		}
		if label, ok := labelHeading(trimmed); ok {
			lines[i] = "#### " + label
			continue
		}
		if label, ok := starLabel(trimmed); ok && (i == start || strings.TrimSpace(lines[i-1]) == "") {
			// 「*コンパイル」 alone after a blank line, over its indented
			// text (xdvik's Japanese READMEs).
			lines[i] = "#### " + label
			continue
		}
		blankBefore := i == start || strings.TrimSpace(lines[i-1]) == "" || strings.HasPrefix(lines[i-1], "## ")
		if label, ok := boldHeading(trimmed); ok && blankBefore && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "") {
			// "**Quay**" alone between blank lines, over its paragraph.
			lines[i] = "#### " + label
			continue
		}
		if blankBefore && i+1 < len(lines) && indentedDefinition(line, strings.TrimSuffix(lines[i+1], "\r")) {
			// "bollard" over "    A short post ...": a plain-text
			// definition list, read as "bollard" over ": A short post".
			def := strings.TrimSpace(lines[i+1])
			if strings.Contains(def, "}`") {
				// "{attr}`object.__dict__`" (a MyST glossary, attrs'): the
				// role's text, as on any other line.
				def = mystRoles(def)
			}
			lines[i+1] = ": " + def
			lines[i] = trimmed
			if underscored(trimmed) {
				// "__future__" (Python's glossary): a name, which Markdown
				// would read as emphasis.
				lines[i] = "`" + trimmed + "`"
			}
			i++
			continue
		}
		if strings.Contains(trimmed, "}`") {
			line = mystRoles(line)
			trimmed = strings.TrimLeft(line, " \t")
		}
		if strings.Contains(trimmed, "](") && strings.Contains(trimmed, "_") {
			line = slugLinks(line)
			trimmed = strings.TrimLeft(line, " \t")
		}
		if strings.Contains(trimmed, "{{") || strings.Contains(trimmed, "{%") {
			out, onlyMarkup := shortcodes(line)
			if onlyMarkup {
				out = ""
			}
			line = out
			trimmed = strings.TrimLeft(line, " \t")
		}
		if strings.HasPrefix(trimmed, "#") && strings.HasSuffix(strings.TrimSpace(trimmed), "}") {
			line = stripHeadingAnchor(line)
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// mayHaveMarkup is a cheap test that lets most documents through
// untouched.
func mayHaveMarkup(s string) bool {
	return manPage(s) || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "+++") || strings.HasPrefix(s, "\ufeff") ||
		strings.Contains(s, "{{") || strings.Contains(s, "{%") || strings.Contains(s, ":::") ||
		strings.Contains(s, "!!!") || strings.Contains(s, "???") || strings.Contains(s, "===") ||
		strings.Contains(s, "[!") || strings.Contains(s, "{#") || strings.Contains(s, "{:") ||
		strings.Contains(s, "import ") || strings.Contains(s, "export ") || strings.Contains(s, "@[") ||
		mayHaveLabelMark(s) || strings.Contains(s, "【") || mayHaveStarLabel(s) ||
		strings.Contains(s, "**\n") || strings.Contains(s, "__\n") || mayHaveIndentedDefinition(s) ||
		strings.Contains(s, "```{") || strings.Contains(s, "~~~{") || strings.Contains(s, "}`") ||
		strings.Contains(s, "<dt") || strings.Contains(s, "<pre") || strings.Contains(s, "<PRE") ||
		strings.Contains(s, "<script") || strings.Contains(s, "<style") || strings.Contains(s, "<textarea") || strings.Contains(s, "<summary") || strings.Contains(s, "<details") ||
		strings.Contains(s, "<table") || strings.Contains(s, "<TABLE") || mayHavePipeTable(s) || mayHaveHTMLHeading(s) ||
		strings.Contains(s, "wiki/") || strings.Contains(s, "`") && len(glossary.TeXQuotes(s)) > 0
}

// texQuotesAsCode returns line with its TeX-era quotes ("`make'") as code
// spans ("`make`"): the closing apostrophe becomes a backquote, so the
// line keeps its length.
func texQuotesAsCode(line string) string {
	qs := glossary.TeXQuotes(line)
	if len(qs) == 0 {
		return line
	}
	b := []byte(line)
	for _, q := range qs {
		b[q[1]-1] = '`'
	}
	return string(b)
}

// manHeaderRE matches the header line of a manual page saved as text:
// "CRONTAB(5)      File Formats Manual      CRONTAB(5)".
var manHeaderRE = regexp.MustCompile(`^(\S+\(\d\w*\))\s.*\s(\S+\(\d\w*\))\s*$`)

// manHeader reports a manual page's header line: the page's name and
// section at both ends.
func manHeader(line string) bool {
	m := manHeaderRE.FindStringSubmatch(line)
	return m != nil && m[1] == m[2]
}

// manFooter matches the footer line's end: "Linux 2008-10-01 VMSTAT(8)".
var manFooter = regexp.MustCompile(`\S\(\d\w*\)\s*$`)

// ManPage reports text that opens with a manual page's header line
// ("CRONTAB(5)      File Formats Manual      CRONTAB(5)"): a page saved as
// text, whose sections [Strip] reads (its titles, its indentation).
func ManPage(s string) bool { return manPage(s) }

// manPage reports text that opens with a manual page's header line.
func manPage(s string) bool {
	s = strings.TrimLeft(s, "\r\n")
	first, _, _ := strings.Cut(s, "\n")
	return strings.IndexByte(first, '(') > 0 && manHeader(strings.TrimSuffix(first, "\r"))
}

// manPageTitles turns the section titles of a manual page saved as text
// (short unindented lines under its header: "NAME", 「オプション」,
// 「関連ファイル」) into headings and its subsection titles (indented less
// than the text) into sub-headings, and takes the text's indentation off,
// so that the lines under a title are read as the section's text (indented,
// every paragraph after a section's first was an indented code block, and
// not read), and a term on its own line under one ("interface" over its
// description) as a definition list entry, not as the title's definition.
// The header and footer lines (the page's name and section twice, its
// manual's name, a date: "EXIT(2) Linux Programmer's Manual EXIT(2)") go,
// and a word that man broke at a line's end with a hyphen (U+2010,
// "con‐" over "tain") is joined.
func manPageTitles(lines []string, start int) {
	i := start
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i >= len(lines) || !manHeader(strings.TrimSuffix(lines[i], "\r")) {
		return
	}
	lines[i] = ""
	last := len(lines) - 1
	for last > i && strings.TrimSpace(lines[last]) == "" {
		last--
	}
	if last > i && manFooter.MatchString(strings.TrimSpace(lines[last])) {
		lines[last] = ""
	}
	base := manTextIndent(lines[i+1:])
	synopsis := false // in a section of code: the synopsis, the attributes table
	for j := i + 1; j < len(lines); j++ {
		l := strings.TrimSuffix(lines[j], "\r")
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		title := utf8.RuneCountInString(t) <= 40 && !manFooter.MatchString(t) && !strings.ContainsAny(t, "。.：:,、#")
		switch {
		case indent == 0 && l[0] != '\t':
			if title {
				lines[j] = "## " + t
				synopsis = manCodeSections[t]
			}
			continue
		case synopsis:
			continue
		case indent < base:
			if title && j+1 < len(lines) && len(lines[j+1])-len(strings.TrimLeft(lines[j+1], " ")) >= base {
				lines[j] = "### " + t // a subsection's title
			}
			continue
		}
		if (j == i+1 || strings.TrimSpace(lines[j-1]) == "") && (manTable(lines[j:]) || manDiagram(lines[j:])) {
			// A table (tbl's columns, a character set's codes) or a
			// drawing: left indented, read as code.
			for j+1 < len(lines) && strings.TrimSpace(lines[j+1]) != "" {
				j++
			}
			continue
		}
		if j+1 < len(lines) {
			l = joinManHyphen(l, &lines[j+1])
		}
		l = l[base:]
		body := strings.TrimLeft(l, " ")
		if rest, ok := strings.CutPrefix(body, "•"); ok {
			// "•   a username": man's bullet, as a Markdown list item.
			l = l[:len(l)-len(body)] + "- " + strings.TrimLeft(rest, " ")
		}
		lines[j] = l
	}
}

// manCodeSections are the sections of a manual page whose indented lines
// are code: calls' prototypes, commands' forms, the attributes table.
var manCodeSections = map[string]bool{"SYNOPSIS": true, "書式": true, "概要": true, "形式": true, "ATTRIBUTES": true, "属性": true}

// manTable reports a paragraph (the lines up to the first blank one) of at
// least three lines that are a table: most of them start a column at the
// same place, after two spaces or more. Justified text has gaps of two or
// three spaces too, but not in the same place line after line. Places are
// counted in display columns (a kanji is two), as man aligns them.
func manTable(lines []string) bool {
	starts := map[int]int{}
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			break
		}
		n++
		col, spaces, seen := 0, 0, false
		for _, r := range strings.TrimSuffix(l, "\r") {
			if r == ' ' {
				spaces++
			} else {
				if spaces >= 2 && seen {
					starts[col]++
				}
				spaces, seen = 0, true
			}
			if r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0xFF00 && r <= 0xFF60) {
				col += 2
			} else {
				col++
			}
		}
	}
	if n < 3 {
		return false
	}
	for _, c := range starts {
		if 4*c >= 3*n {
			return true
		}
	}
	return false
}

// manDiagram reports a paragraph drawn in ASCII: two lines or more with
// arrows or strokes ("入力 PO --------/", "\---> 出力 PO", "+-> parse()"),
// one of them bending ("/", "\", "+" or "|" against a dash). Read as
// text, its labels were sentences: "PO (抽出済)" glossed PO.
func manDiagram(lines []string) bool {
	strokes, bends := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			break
		}
		if strings.Contains(l, "->") || strings.Contains(l, "<-") || strings.Contains(l, "---") {
			strokes++
		}
		for _, b := range []string{"-/", "/-", "-\\", "\\-", "-+", "+-", "-|", "|-"} {
			if strings.Contains(l, b) {
				bends++
				break
			}
		}
	}
	return strokes >= 2 && bends >= 1
}

// manTextIndent returns the indentation of a manual page's text: the
// smallest of 4 columns or more that two lines have (man indents text 7
// columns, an option's description 7 more, a subsection's title 3), 0 when
// none.
func manTextIndent(lines []string) int {
	counts := map[int]int{}
	for _, l := range lines {
		if t := strings.TrimLeft(l, " "); strings.TrimSpace(t) != "" {
			counts[len(l)-len(t)]++
		}
	}
	best := 0
	for indent, c := range counts {
		if indent >= 4 && c >= 2 && (best == 0 || indent < best) {
			best = indent
		}
	}
	return best
}

// manHyphen is the hyphen man writes where it breaks a word at a line's end.
const manHyphen = "\u2010"

// joinManHyphen returns line without the head of the word that man broke
// at its end, and puts the head before the word's tail on the next line
// ("The gauges con‐" over "tain readings" -> "The gauges" over "contain
// readings"): a hyphen after a letter, and a lower-case letter opening the
// next line (or capitals on both sides: "O_NDE‐" over "LAY"). A line that
// is the head alone is left as it is: emptied, it would end the paragraph.
func joinManHyphen(line string, next *string) string {
	body, ok := strings.CutSuffix(strings.TrimRight(line, " "), manHyphen)
	if !ok {
		return line
	}
	prev, _ := utf8.DecodeLastRuneInString(body)
	rest := strings.TrimLeft(*next, " ")
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(prev) || !unicode.IsLower(r) && !(unicode.IsUpper(prev) && unicode.IsUpper(r)) {
		return line
	}
	cut := strings.LastIndexByte(body, ' ')
	if cut < 0 || strings.TrimSpace(body[:cut]) == "" {
		return line
	}
	*next = (*next)[:len(*next)-len(rest)] + body[cut+1:] + rest
	return strings.TrimRight(body[:cut], " ")
}

// mayHaveIndentedDefinition is a cheap test for indentedDefinition: a line
// after a blank one, with an indented line right under it. Nested lists and
// code under a list item have these too; most other documents do not.
func mayHaveIndentedDefinition(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "\n\n")
		if j < 0 {
			return false
		}
		start := i + j + 2
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			return false
		}
		next := s[start+end+1:]
		if end > 0 && s[start] != ' ' && s[start] != '\t' && strings.HasPrefix(next, "  ") {
			return true
		}
		i = start - 1 // the blank line may be followed by another
	}
}

// boldHeading reports a line that is only a short bold phrase, "**Quay**"
// or "__Quay__", which Markdown writers use as a heading, and returns the
// phrase. One ending in a colon ("**Example:**") leads into what follows;
// a question ("**Q: What is a buoy?**") is an FAQ's, answered below it.
func boldHeading(line string) (string, bool) {
	line = strings.TrimSpace(line)
	for _, m := range []string{"**", "__"} {
		if len(line) > 2*len(m) && strings.HasPrefix(line, m) && strings.HasSuffix(line, m) {
			label := strings.TrimSpace(line[len(m) : len(line)-len(m)])
			if label == "" || strings.ContainsAny(label, "*_`[]<>") || strings.HasSuffix(label, ":") ||
				strings.HasSuffix(label, "：") || strings.HasSuffix(label, ".") || strings.ContainsAny(label, "?？") ||
				len(strings.Fields(label)) > 6 ||
				utf8.RuneCountInString(label) > 60 || Caption(label) {
				return "", false
			}
			return label, true
		}
	}
	return "", false
}

// Caption reports the numbered caption of a figure, a table or an example
// ("Figure 17.171. Sobel filter options", 「図 17.171 …」, DocBook's): a
// caption, set in bold, is no heading of a section, nor a gloss.
func Caption(label string) bool {
	for _, w := range []string{"Figure ", "Fig. ", "Table ", "Example ", "Listing ", "Screenshot ", "図", "表", "例"} {
		if rest, ok := strings.CutPrefix(label, w); ok {
			rest = strings.TrimLeft(rest, " 　")
			return rest != "" && rest[0] >= '0' && rest[0] <= '9'
		}
	}
	return false
}

// indentedDefinition reports a plain-text definition list entry: a short
// term on its own line (a few words, no sentence punctuation, not a list
// item, a heading or a table row) with its definition on the next line,
// indented at least two more columns.
func indentedDefinition(line, next string) bool {
	term := strings.TrimSpace(line)
	if term == "" || strings.TrimSpace(next) == "" || len(strings.Fields(term)) > 4 || utf8.RuneCountInString(term) > 40 {
		return false
	}
	if codeTerm(term) {
		// "`.hgignore`" over "    This file contains ...": Mercurial's
		// help lists files and settings in code.
	} else if strings.ContainsAny(term[:1], "#|>-*+:`[<!{") || strings.ContainsAny(term, ".:;,!?。：、") || listNumber(term) {
		return false
	}
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	if strings.Contains(line[:indent(line)], "\t") || strings.HasPrefix(next, "\t") || indent(line) >= 4 {
		// Four spaces after a blank line open a code block (a directory
		// tree, "    build/" over "      kuromoji.js -- ...").
		return false
	}
	return indent(next) >= indent(line)+2 && !strings.ContainsAny(strings.TrimSpace(next)[:1], "-*+|>#`")
}

// underscored reports a name that opens or ends with an underscore, one
// word: "__future__", "__slots__", "_private".
func underscored(term string) bool {
	return len(term) > 1 && (term[0] == '_' || term[len(term)-1] == '_') && !strings.ContainsAny(term, " `")
}

// codeTerm reports a term that is one code span: "`.hgignore`".
func codeTerm(term string) bool {
	return len(term) > 2 && term[0] == '`' && term[len(term)-1] == '`' && strings.Count(term, "`") == 2 && !strings.Contains(term, " ")
}

// listNumber reports a numbered list item: "1. ...", "2) ...".
func listNumber(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')')
}

// labelMarks open the labels that Japanese plain-text documents use as
// headings: 「■概要」, 「◆注意事項」.
const labelMarks = "■□◆◇▼▽▶▷★☆"

// mayHaveLabelMark is a fast strings.ContainsAny(s, labelMarks): the marks
// are U+25A0-U+25FF and U+2605-U+2606, whose UTF-8 starts E2 96, E2 97 or
// E2 98, and a byte search is much cheaper than decoding every rune of a
// long Japanese document.
func mayHaveLabelMark(s string) bool {
	return strings.Contains(s, "\xe2\x96") || strings.Contains(s, "\xe2\x97") || strings.Contains(s, "\xe2\x98")
}

// labelHeading reports a line that is only a label, 「■スケジューラー」 or
// 「【概要】」, which such documents use as a heading, and returns the label.
// A label is short and not a sentence.
func labelHeading(line string) (string, bool) {
	line = strings.TrimSpace(line)
	var label string
	if r, size := utf8.DecodeRuneInString(line); r != utf8.RuneError && strings.ContainsRune(labelMarks, r) {
		label = strings.TrimSpace(line[size:])
	} else if strings.HasPrefix(line, "【") && strings.HasSuffix(line, "】") {
		label = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "【"), "】"))
		if strings.ContainsAny(label, "【】") {
			return "", false
		}
	} else {
		return "", false
	}
	n := utf8.RuneCountInString(label)
	if n == 0 || n > 30 || strings.ContainsAny(label, "。．.！？!?、，,") || strings.ContainsAny(label, labelMarks) {
		return "", false
	}
	return label, true
}

// starLabel reports a line that is a star and a Japanese label, 「*コンパイル」
// or 「＊概要」, which older Japanese plain-text documents use as a
// heading (Markdown's list items and emphasis need a space or a closing
// star), and returns the label.
func starLabel(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "*")
	if !ok {
		if rest, ok = strings.CutPrefix(line, "＊"); !ok {
			return "", false
		}
	}
	rest = strings.TrimRight(rest, " \t\r")
	if r, _ := utf8.DecodeRuneInString(rest); !glossary.IsCJK(r) || strings.ContainsAny(rest, "*＊") {
		return "", false
	}
	n := utf8.RuneCountInString(rest)
	if n > 30 || strings.ContainsAny(rest, "。．.！？!?、，,") {
		return "", false
	}
	return rest, true
}

// mayHaveStarLabel is starLabel's cheap test over a whole document: a star
// at the start of a line before a kana or kanji (UTF-8 E3-E9).
func mayHaveStarLabel(s string) bool {
	if strings.HasPrefix(s, "*") || strings.HasPrefix(s, "＊") {
		return true
	}
	for i := strings.Index(s, "\n*"); i >= 0; {
		if j := i + 2; j < len(s) && s[j] >= 0xe3 && s[j] <= 0xe9 {
			return true
		}
		k := strings.Index(s[i+2:], "\n*")
		if k < 0 {
			break
		}
		i += 2 + k
	}
	return strings.Contains(s, "\n＊")
}

// frontMatter blanks the front matter at the start of lines, keeping its
// title as a heading and its description as the paragraph under it, and
// returns the index of the first line after it (0 when there is none).
func frontMatter(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	first := strings.TrimSuffix(strings.TrimPrefix(lines[0], "\ufeff"), "\r")
	var closing string
	switch strings.TrimSpace(first) {
	case "---":
		closing = "---"
	case "+++":
		closing = "+++"
	default:
		return 0
	}
	end := -1
	for i := 1; i < len(lines) && i <= maxFrontMatterLines; i++ {
		l := strings.TrimSpace(lines[i])
		if l == closing || closing == "---" && l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return 0
	}
	fields := frontMatterFields(lines[1:end], closing == "+++")
	for i := 0; i <= end; i++ {
		lines[i] = ""
	}
	// The title goes on its own line, so that an occurrence in it is found
	// where the file has it, and the description on the line right under
	// it, so that the two read as a page's title and summary; the closing
	// line stays blank so that the body starts a new paragraph. A title on
	// the last line before the closing one moves to the opening line.
	title, desc := fields["title"], fields["description"]
	t, d := inlineMarkup(title.value), inlineMarkup(desc.value)
	switch {
	case t != "":
		at := title.line + 1 // lines[0] is the opening "---"
		if d != "" && at+1 >= end {
			at = 0
		}
		lines[at] = "# " + t
		if d != "" {
			lines[at+1] = d
		}
	case d != "":
		lines[desc.line+1] = d
	}
	return end + 1
}

// field is a front matter value and the index of its key's line.
type field struct {
	value string
	line  int
}

// frontMatterFields reads the title and description of YAML or TOML front
// matter: top-level "key: value" (or "key = value") lines, with YAML's
// folded and literal blocks ("key: >" then indented lines) joined by
// spaces. Quotes around values are removed. Other keys are ignored.
func frontMatterFields(lines []string, toml bool) map[string]field {
	fields := map[string]field{}
	sep := ":"
	if toml {
		sep = "="
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSuffix(lines[i], "\r")
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, sep)
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k))
		if key == "short_description" || key == "summary" {
			key = "description"
		}
		if key != "title" && key != "description" || fields[key].value != "" {
			continue
		}
		at := i
		v = strings.TrimSpace(v)
		if !toml && (v == "" || v[0] == '>' || v[0] == '|') {
			// A block scalar (or a value on the following lines): its
			// indented lines.
			var parts []string
			for i+1 < len(lines) {
				next := strings.TrimSuffix(lines[i+1], "\r")
				if strings.TrimSpace(next) != "" && next[0] != ' ' && next[0] != '\t' {
					break
				}
				i++
				if p := strings.TrimSpace(next); p != "" {
					parts = append(parts, p)
				}
			}
			v = joinParts(parts)
		}
		fields[key] = field{value: unquote(v), line: at}
	}
	return fields
}

// inlineMarkup removes the shortcodes and macros of a front matter value:
// a summary may link its words ("The services that manage a {{<
// glossary_tooltip text=\"cluster\" term_id=\"cluster\" >}}.").
func inlineMarkup(v string) string {
	if !strings.Contains(v, "{{") && !strings.Contains(v, "{%") {
		return v
	}
	out, _ := shortcodes(v)
	return strings.TrimSpace(out)
}

// joinParts joins the lines of a folded value: with a space between Latin
// text, with nothing between Japanese (or other CJK) text.
func joinParts(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && (p[0] < 0x80 || parts[i-1][len(parts[i-1])-1] < 0x80) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
		if strings.Contains(v, `\"`) {
			v = strings.ReplaceAll(v, `\"`, `"`)
		}
	}
	return strings.TrimSpace(v)
}

// shortcodes removes the Hugo shortcodes and Liquid tags of one line,
// replacing a glossary tooltip by its text, and reports whether the line
// held nothing but such markup (and spaces).
func shortcodes(line string) (string, bool) {
	var b strings.Builder
	only := true
	for i := 0; i < len(line); {
		open, closing := "", ""
		switch {
		case strings.HasPrefix(line[i:], "{{<"):
			open, closing = "{{<", ">}}"
		case strings.HasPrefix(line[i:], "{{%"):
			open, closing = "{{%", "%}}"
		case strings.HasPrefix(line[i:], "{%"):
			open, closing = "{%", "%}"
		case strings.HasPrefix(line[i:], "{{#"):
			// mdBook: {{#include ../listings/main.rs:here}},
			// {{#rustdoc_include ...}}, {{#title ...}}: text from
			// elsewhere or page settings, nothing to read here.
			if j := strings.Index(line[i:], "}}"); j > 3 {
				if name, _, _ := strings.Cut(line[i+3:i+j], " "); name != "" && isMacroName(name) {
					i += j + 2
					continue
				}
			}
		case strings.HasPrefix(line[i:], "{{"):
			if text, n, ok := macro(line[i:]); ok {
				b.WriteString(text)
				if text != "" {
					only = false
				}
				i += n
				continue
			}
		case line[i] == '`':
			// Code spans keep their content: "`{{< note >}}`" documents the
			// shortcode itself.
			n := countRun(line[i:], '`')
			if j := strings.Index(line[i+n:], line[i:i+n]); j >= 0 {
				b.WriteString(line[i : i+n+j+n])
				i += n + j + n
				only = false
				continue
			}
		}
		if open != "" {
			if j := strings.Index(line[i+len(open):], closing); j >= 0 {
				inner := line[i+len(open) : i+len(open)+j]
				text := tooltipText(inner)
				b.WriteString(text)
				if text != "" {
					only = false
				}
				i += len(open) + j + len(closing)
				continue
			}
		}
		if line[i] != ' ' && line[i] != '\t' && line[i] != '\r' {
			only = false
		}
		b.WriteByte(line[i])
		i++
	}
	return b.String(), only
}

// macro reads an MDN (KumaScript) macro at the start of s: a name, then
// arguments in parentheses or none, in double braces:
// {{Glossary("HTTP")}}, {{jsxref("Promise", "promises")}}, {{HTTPSidebar}}.
// A macro that links renders as its text (the second argument when given,
// else the first); others (sidebars, compatibility tables) render as
// nothing. It reports the text and the macro's length, or false when s does
// not start with one: "{{ .Values.name }}" is a template, left alone.
func macro(s string) (string, int, bool) {
	end := strings.Index(s, "}}")
	if end < 0 {
		return "", 0, false
	}
	inner := s[2:end]
	name := inner
	var args string
	if i := strings.IndexByte(inner, '('); i >= 0 {
		if !strings.HasSuffix(inner, ")") {
			return "", 0, false
		}
		name, args = inner[:i], inner[i+1:len(inner)-1]
	}
	if name == "" || !isMacroName(name) {
		return "", 0, false
	}
	text := ""
	if linkMacros[strings.ToLower(name)] {
		parts := macroArgs(args)
		if len(parts) > 1 && parts[1] != "" && !strings.EqualFold(name, "httpstatus") {
			text = parts[1]
		} else if len(parts) > 0 {
			text = parts[0]
		}
		if strings.EqualFold(name, "rfc") && text != "" {
			text = "RFC " + text
		}
		if strings.EqualFold(name, "interwiki") {
			// {{Interwiki("wikipedia", "Page_name", "text")}}: the text, or
			// the page's name as the link shows it, with spaces.
			text = ""
			if len(parts) > 2 && parts[2] != "" {
				text = parts[2]
			} else if len(parts) > 1 {
				text = strings.ReplaceAll(parts[1], "_", " ")
			}
		}
	}
	return text, end + 2, true
}

// linkMacros are the MDN macros that render as a link with a text.
var linkMacros = map[string]bool{
	"glossary": true, "jsxref": true, "domxref": true, "htmlelement": true, "svgelement": true, "mathmlelement": true,
	"cssxref": true, "httpheader": true, "httpmethod": true, "httpstatus": true, "event": true, "rfc": true,
	"htmlattrxref": true, "svgattr": true, "webextapiref": true, "anch": true, "interwiki": true, "jsxref2": true,
}

func isMacroName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-' || c == '.' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s[0] != '.' && s[0] != '-'
}

// macroArgs splits quoted macro arguments: `"HTTP", "the protocol"`.
func macroArgs(args string) []string {
	var out []string
	for rest := strings.TrimSpace(args); rest != ""; {
		q := rest[0]
		if q != '"' && q != '\'' {
			v, after, _ := strings.Cut(rest, ",")
			out = append(out, strings.TrimSpace(v))
			rest = strings.TrimSpace(after)
			continue
		}
		j := strings.IndexByte(rest[1:], q)
		if j < 0 {
			out = append(out, rest[1:])
			break
		}
		out = append(out, rest[1:1+j])
		rest = strings.TrimLeft(strings.TrimSpace(rest[2+j:]), ",")
		rest = strings.TrimSpace(rest)
	}
	return out
}

// tooltipText returns what a glossary tooltip shortcode renders as: its
// text parameter, else its term id with hyphens as spaces. Other shortcodes
// render as nothing here.
func tooltipText(inner string) string {
	name, params, _ := strings.Cut(strings.TrimSpace(inner), " ")
	if name != "glossary_tooltip" {
		return ""
	}
	if t := param(params, "text"); t != "" {
		return t
	}
	return strings.ReplaceAll(param(params, "term_id"), "-", " ")
}

// param returns the value of name="value" in a shortcode's parameters.
func param(params, name string) string {
	for rest := params; rest != ""; {
		i := strings.Index(rest, name+"=")
		if i < 0 {
			return ""
		}
		if i > 0 && rest[i-1] != ' ' && rest[i-1] != '\t' {
			rest = rest[i+len(name)+1:]
			continue
		}
		v := rest[i+len(name)+1:]
		if v != "" && (v[0] == '"' || v[0] == '\'') {
			if j := strings.IndexByte(v[1:], v[0]); j >= 0 {
				return strings.TrimSpace(v[1 : 1+j])
			}
			return ""
		}
		if j := strings.IndexAny(v, " \t"); j >= 0 {
			v = v[:j]
		}
		return v
	}
	return ""
}

// admonitionFence reports a Docusaurus or VuePress admonition line:
// ":::note", "::: warning Title", ":::".
func admonitionFence(s string) bool {
	n := countRun(s, ':')
	if n < 3 {
		return false
	}
	rest := strings.TrimSpace(s[n:])
	if rest == "" {
		return true
	}
	// ":::note", ":::tip[Title]", "::: details Click": a word follows;
	// ":::{note}": MyST's colon fence.
	c := rest[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '{'
}

// rawTags are the HTML elements whose content a Markdown page shows as it
// is (CommonMark's first kind of HTML block): code, output, scripts.
var rawTags = []string{"pre", "script", "style", "textarea"}

// rawBlock turns an HTML block of raw text that opens at lines[i] ("<pre>"
// over a code example, as READMEs that want ruby or colour in their
// examples write it) into a fenced code block, and returns the index of its
// last line. Read as Markdown, its text was prose: kuroshiro's Chinese
// README was Japanese by the kana of its example, and the example a usage.
// It reports false when no raw element opens at lines[i] or it is not
// closed.
func rawBlock(lines []string, i int) (int, bool) {
	open := strings.ToLower(strings.TrimSpace(lines[i]))
	tag := ""
	for _, t := range rawTags {
		if rest, ok := strings.CutPrefix(open, "<"+t); ok && (rest == "" || rest[0] == '>' || rest[0] == ' ' || rest[0] == '\t') {
			tag = t
			break
		}
	}
	if tag == "" {
		return 0, false
	}
	closing := "</" + tag + ">"
	if strings.Contains(open, closing) {
		lines[i] = "" // on one line: nothing to read
		return i, true
	}
	fence := "```"
	for j := i + 1; j < len(lines); j++ {
		if n := countRun(strings.TrimLeft(lines[j], " \t"), '`'); n >= len(fence) {
			fence = strings.Repeat("`", n+1) // a fence in the example stays in it
		}
		if strings.Contains(strings.ToLower(lines[j]), closing) {
			lines[i], lines[j] = fence, fence
			return j, true
		}
	}
	return 0, false
}

// htmlBlockLine rewrites a line of the HTML blocks that Markdown pages use
// for glossaries and FAQs: the <dl>, <details> and closing tags become
// blank lines and a <summary> alone on its line a heading ("What is a
// hawsepipe?" then titles the answer below it). A <dt> over a <dd> is
// handled by the caller. It reports false for other lines.
func htmlBlockLine(s string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "<dl>", "</dl>", "<details>", "</details>", "<details open>", "</dd>", "</dt>":
		return "", true
	}
	if text, ok := tagText(s, "summary"); ok && text != "" {
		return "#### " + text, true
	}
	return "", false
}

// tagText returns the text of a line that is one element, "<dt>Capstan</dt>"
// (attributes allowed), and reports whether it is one.
func tagText(s, tag string) (string, bool) {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "<"+tag+">") && !strings.HasPrefix(lower, "<"+tag+" ") || !strings.HasSuffix(lower, "</"+tag+">") {
		return "", false
	}
	open := strings.IndexByte(s, '>')
	end := len(s) - len("</"+tag+">")
	if open+1 > end {
		return "", false
	}
	text := strings.TrimSpace(s[open+1 : end])
	if strings.Contains(strings.ToLower(text), "<"+tag) {
		return "", false // two elements on one line
	}
	return text, true
}

// mystDirectives are the MyST (Sphinx, Jupyter Book) directives whose body
// is prose: admonitions, glossaries, layout boxes and notes on versions.
var mystDirectives = map[string]bool{
	"note": true, "warning": true, "tip": true, "important": true, "caution": true, "attention": true,
	"danger": true, "error": true, "hint": true, "seealso": true, "admonition": true, "glossary": true,
	"topic": true, "sidebar": true, "margin": true, "dropdown": true, "card": true, "tab-item": true,
	"tab-set": true, "grid": true, "grid-item": true, "grid-item-card": true, "epigraph": true,
	"pull-quote": true, "highlights": true, "div": true, "container": true, "versionadded": true,
	"versionchanged": true, "deprecated": true, "todo": true, "rubric": true, "centered": true,
}

// mystProseFence reports a code fence that opens a MyST directive with a
// prose body ("```{note}", "````{tab-set}", "~~~{admonition} Title") and
// returns the run that closes it.
func mystProseFence(s string) (string, bool) {
	c := byte('`')
	n := countRun(s, c)
	if n < 3 {
		c = '~'
		n = countRun(s, c)
	}
	if n < 3 || !strings.HasPrefix(s[n:], "{") {
		return "", false
	}
	end := strings.IndexByte(s[n:], '}')
	if end < 0 || !mystDirectives[strings.ToLower(s[n+1:n+end])] {
		return "", false
	}
	return s[:n], true
}

// mystOption reports a directive's option line: ":class: tip", ":open:".
func mystOption(s string) bool {
	if !strings.HasPrefix(s, ":") {
		return false
	}
	end := strings.IndexByte(s[1:], ':')
	if end <= 0 {
		return false
	}
	for _, r := range s[1 : 1+end] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// mystRoles replaces MyST roles by the text they render: {term}`berth` ->
// berth, {ref}`the mooring section <moorings>` -> the mooring section,
// {py:class}`Quay` -> `Quay` (code, see codeRole). Code spans that are not
// roles stay.
func mystRoles(line string) string {
	var b strings.Builder
	for {
		i := strings.Index(line, "}`")
		if i < 0 {
			break
		}
		open := strings.LastIndexByte(line[:i], '{')
		name := ""
		if open >= 0 {
			name = line[open+1 : i]
		}
		closeAt := strings.IndexByte(line[i+2:], '`')
		if open < 0 || name == "" || !roleName(name) || closeAt < 0 {
			b.WriteString(line[:i+2])
			line = line[i+2:]
			continue
		}
		text := line[i+2 : i+2+closeAt]
		if lt := strings.LastIndex(text, " <"); lt > 0 && strings.HasSuffix(text, ">") {
			text = text[:lt]
		}
		text = strings.TrimPrefix(text, "~") // {py:meth}`~a.b.c` shows c; the name is enough
		b.WriteString(line[:open])
		if codeRole(name) {
			// {attr}`object.__dict__` renders as code: its underscores
			// are the name's, not emphasis.
			b.WriteString("`" + text + "`")
		} else {
			b.WriteString(text)
		}
		line = line[i+2+closeAt+1:]
	}
	b.WriteString(line)
	return b.String()
}

// slugLinks reads a link whose text is the page slug its address ends
// with as the page's name: "[Cross-origin_resource_sharing](https://
// en.wikipedia.org/wiki/Cross-origin_resource_sharing)" reads "Cross-origin
// resource sharing", not one word with underscores.
func slugLinks(line string) string {
	var b strings.Builder
	for {
		mid := strings.Index(line, "](")
		if mid < 0 {
			break
		}
		open := strings.LastIndexByte(line[:mid], '[')
		close := strings.IndexByte(line[mid+2:], ')')
		if open < 0 || close < 0 {
			break
		}
		text := line[open+1 : mid]
		target := strings.TrimRight(line[mid+2:mid+2+close], "/")
		if !strings.Contains(text, "_") || strings.ContainsAny(text, " []`") || !strings.HasSuffix(target, "/"+text) {
			b.WriteString(line[:mid+2])
			line = line[mid+2:]
			continue
		}
		b.WriteString(line[:open+1])
		b.WriteString(strings.ReplaceAll(text, "_", " "))
		line = line[mid:]
		b.WriteString(line[:2])
		line = line[2:]
	}
	b.WriteString(line)
	return b.String()
}

// codeRole reports a role that renders its text as code: an object of a
// Sphinx domain ("attr", "py:class", "c:func") or a literal ("code",
// "file", "envvar").
func codeRole(name string) bool {
	switch name[strings.LastIndexByte(name, ':')+1:] {
	case "attr", "func", "meth", "class", "data", "const", "obj", "mod", "exc", "type", "member", "var", "macro",
		"struct", "enum", "code", "literal", "file", "envvar", "option", "command", "program", "samp":
		return true
	}
	return false
}

// roleName reports a MyST role name: "term", "ref", "py:class".
func roleName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_') {
			return false
		}
	}
	return s[0] != ':' && s[0] != '-'
}

// mkdocsBlock reports an MkDocs admonition or content tab opener: "!!!
// note", "???+ tip \"Title\"", "=== \"Tab\"". Its body is indented.
func mkdocsBlock(s string) bool {
	for _, p := range []string{"!!! ", "??? ", "???+ ", "=== \""} {
		if strings.HasPrefix(s, p) && len(strings.TrimSpace(s)) > len(strings.TrimSpace(p)) {
			return true
		}
	}
	return false
}

// esmLine reports an MDX import or export at the start of a line, as
// Docusaurus pages have them: "import Tabs from '@theme/Tabs';".
func esmLine(s string) bool {
	switch {
	case strings.HasPrefix(s, "import "):
		return strings.Contains(s, " from '") || strings.Contains(s, " from \"") ||
			strings.HasPrefix(s, "import '") || strings.HasPrefix(s, "import \"")
	case strings.HasPrefix(s, "export "):
		for _, k := range []string{"export const ", "export default ", "export function ", "export let "} {
			if strings.HasPrefix(s, k) {
				return true
			}
		}
	}
	return false
}

// embedLine reports a Zenn embed alone on its line: "@[card](https://...)",
// "@[youtube](id)".
func embedLine(s string) bool {
	if !strings.HasPrefix(s, "@[") {
		return false
	}
	end := strings.Index(s, "](")
	return end > 2 && strings.HasSuffix(strings.TrimSpace(s), ")")
}

// githubAlert reports a GitHub alert marker: "> [!NOTE]", "> [!WARNING]".
func githubAlert(s string) bool {
	if !strings.HasPrefix(s, ">") {
		return false
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "> \t"))
	if !strings.HasPrefix(s, "[!") || !strings.HasSuffix(s, "]") || len(s) < 4 {
		return false
	}
	for _, r := range s[2 : len(s)-1] {
		if r < 'A' || r > 'Z' {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	return true
}

// kramdownAttributes reports a kramdown inline attribute list on a line of
// its own: "{: .note}", "{:#id}".
func kramdownAttributes(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "{:") && strings.HasSuffix(s, "}") && !strings.Contains(s[2:len(s)-1], "}")
}

// stripHeadingAnchor removes a trailing "{#id}", "{#id .class}" or
// "{: #id}" from a heading line.
func stripHeadingAnchor(line string) string {
	t := strings.TrimRight(line, " \t\r")
	i := strings.LastIndexByte(t, '{')
	if i < 0 {
		return line
	}
	attr := t[i+1 : len(t)-1]
	attr = strings.TrimSpace(strings.TrimPrefix(attr, ":"))
	if !strings.HasPrefix(attr, "#") && !strings.HasPrefix(attr, ".") || strings.ContainsAny(attr, "{}") {
		return line
	}
	return strings.TrimRight(t[:i], " \t")
}

func countRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}
