package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/language"
)

// boundary replaces removed Markdown syntax in cleaned text: it ends a
// candidate run but does not start a sentence.
const boundary = '\x1f'

// mdLine is one line of prose after Markdown clean-up.
type mdLine struct {
	text    string // prose, markup replaced by boundary bytes
	heading bool   // the line was an ATX heading
	// title marks the document's title: a level-1 heading as the first
	// line of text with text right under it (front matter's title and
	// summary, a README's name and tagline). It names the document's
	// subject.
	title bool
	// top marks a level-1 heading on the document's first line of text,
	// with or without a tagline right under it.
	top   bool
	level int      // a heading's level, 1 to 6
	table bool     // the line was a table row
	code  []string // contents of the inline code spans of the line
}

// mdCleaner turns Markdown (or plain text) into prose lines. It skips front
// matter, fenced and indented code blocks, HTML comments, reference link
// definitions and table rules; it strips headings, list bullets, block
// quotes and emphasis, keeps link and image text but drops their targets,
// and drops URLs and HTML tags. It is reused across the lines of a document.
type mdCleaner struct {
	buf, para []byte
	code      []string
}

// forEachLine calls fn with each prose paragraph of content: the lines of a
// paragraph (or list item) are joined, with a space between Latin text and
// nothing between CJK text, as Markdown renders soft line breaks. Headings
// and table rows are paragraphs of their own. The mdLine passed to fn is
// only valid during the call.
func (c *mdCleaner) forEachLine(content string, fn func(mdLine)) {
	var (
		inFence     bool
		fenceQuoted bool // the fence opened in a block quote
		fenceChar   byte
		fenceLen    int
		inComment   bool
		prevBlank   = true
		prevIndCode bool
		first       = true
		inFront     bool
	)
	para := c.para[:0]
	skipLevel := 0 // > 0: inside a boilerplate section opened by a heading of this level
	// licenseText: inside a license a plain text manual appends, from a
	// paragraph that is its title alone ("GNU GENERAL PUBLIC LICENSE") to
	// "END OF TERMS AND CONDITIONS".
	licenseText := false
	table := false
	nonBlank := 0     // non-blank lines so far, this one included
	plainPara := true // the paragraph being read is neither a list item nor a quote
	docTitle, docTop := false, false
	headLevel := 0 // the level of the heading being flushed
	flush := func(heading bool) {
		if len(para) == 0 {
			return
		}
		tbl := table
		table = false
		if heading {
			licenseText = false
		} else if licenseText || mayBeLicenseTitle(para) {
			if t := strings.ToLower(strings.TrimSpace(string(para))); licenseText || licenseTitle.MatchString(t) {
				licenseText = t != "end of terms and conditions"
				para = para[:0]
				return
			}
		}
		if skipLevel > 0 || !heading && (para[0] == '[' || para[0] == '!') && (onlyImages(string(para)) || tocEntry(para)) ||
			!heading && linkEntry(para) {
			para = para[:0]
			return
		}
		if !heading {
			para = stripBoilerplate(para)
		}
		text := string(para)
		if !heading && language.Foreign(text) {
			// "Das Debian-Quellpaket ist eine Gruppe von ...": a passage
			// of a page translated in part; its words are no terms of an
			// English or Japanese glossary.
			para = para[:0]
			return
		}
		c.buf = c.buf[:0]
		c.code = c.code[:0]
		c.inline(text)
		para = para[:0]
		lv := 0
		if heading {
			lv = headLevel
		}
		fn(mdLine{text: string(c.buf), heading: heading, level: lv, table: tbl, code: c.code, title: heading && docTitle, top: heading && docTop})
		docTitle, docTop = false, false
	}
	for len(content) > 0 {
		var line string
		if i := strings.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			line, content = content, ""
		}
		line = strings.TrimRight(line, "\r")
		if first {
			first = false
			if line == "---" {
				inFront = true
				continue
			}
		}
		if inFront {
			if line == "---" || line == "..." {
				inFront = false
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		if trimmed != "" {
			nonBlank++
		}
		// A fence may be quoted ("> ```"): a code example in a block
		// quote, as built HTML pages write them too.
		fenced := unquote(trimmed)
		if inFence && fenceQuoted && !strings.HasPrefix(trimmed, ">") {
			inFence = false // the quote, and the code in it, ended
		}
		if inFence {
			if n := countRun(fenced, fenceChar); n >= fenceLen && strings.TrimSpace(fenced[n:]) == "" {
				inFence = false
			}
			continue
		}
		if inComment {
			if strings.Contains(line, "-->") {
				inComment = false
			}
			continue
		}
		if strings.TrimSpace(trimmed) == "" {
			flush(false)
			prevBlank, prevIndCode = true, false
			continue
		}
		if n := countRun(fenced, '`'); n >= 3 && glossary.OpensFence(fenced) {
			flush(false)
			inFence, fenceChar, fenceLen, fenceQuoted = true, '`', n, len(fenced) < len(trimmed)
			continue
		}
		if n := countRun(fenced, '~'); n >= 3 {
			flush(false)
			inFence, fenceChar, fenceLen, fenceQuoted = true, '~', n, len(fenced) < len(trimmed)
			continue
		}
		isIndentedCode := (strings.HasPrefix(line, "\t") || indent >= 4) && (prevBlank || prevIndCode) && !isListItem(trimmed)
		prevBlank = false
		prevIndCode = isIndentedCode
		if isIndentedCode {
			flush(false)
			continue
		}
		if strings.HasPrefix(trimmed, "<!--") {
			flush(false)
			if !strings.Contains(trimmed, "-->") {
				inComment = true
			}
			continue
		}
		heading := func(n int, title string) {
			if skipLevel > 0 && n <= skipLevel {
				skipLevel = 0
			}
			if skipLevel == 0 && boilerplateHeading(title) {
				skipLevel = n
			}
			para = append(para[:0], title...)
			headLevel = n
			flush(true)
		}
		if n := setextLevel(trimmed); n > 0 && len(para) > 0 && plainPara && indent < 4 {
			// "Getting Started" over "---------------": the paragraph
			// above is a heading (CommonMark's setext heading).
			heading(n, strings.TrimSpace(string(para)))
			continue
		}
		if IsRefDefinition(trimmed) || isRule(trimmed) {
			flush(false)
			continue
		}
		if n := countRun(trimmed, '#'); n > 0 && n <= 6 && (len(trimmed) == n || trimmed[n] == ' ' || trimmed[n] == '\t') {
			flush(false)
			if n == 1 && nonBlank == 1 {
				docTop = true
				next, _, _ := strings.Cut(content, "\n")
				next = strings.TrimSpace(next)
				docTitle = next != "" && !strings.HasPrefix(next, "#")
			}
			heading(n, strings.TrimSpace(strings.TrimRight(strings.TrimSpace(trimmed[n:]), "#")))
			continue
		}
		if len(para) == 0 {
			plainPara = true
		}
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimLeft(trimmed[1:], " \t")
			plainPara = false
		}
		if stripped := stripBullet(trimmed); stripped != trimmed {
			flush(false)
			trimmed = stripped
			plainPara = false
			if strings.HasPrefix(strings.TrimLeft(trimmed, "*_"), "Return type") {
				// "- Return type: *Callable*[[*T_route*], *T_route*]"
				// (a Sphinx API page): typing names, no terms.
				continue
			}
			trimmed = stripParamType(trimmed)
		}
		if strings.TrimSpace(trimmed) == "" {
			// ">" alone, "- " alone: an empty quoted line or item ends the
			// paragraph like a blank line.
			flush(false)
			prevBlank, prevIndCode = true, false
			continue
		}
		if strings.HasPrefix(trimmed, "|") {
			flush(false)
			para = append(para, trimmed...)
			table = true
			flush(false)
			continue
		}
		if isByline(trimmed) || personLine.MatchString(trimmed) {
			continue // not prose: a list of people
		}
		if len(para) > 0 {
			if para[len(para)-1] < 0x80 || trimmed[0] < 0x80 {
				para = append(para, ' ')
			}
		}
		para = append(para, trimmed...)
	}
	flush(false)
	c.para = para
}

// setextLevel returns 1 for a line of "=" and 2 for a line of "-" (the
// underline of a setext heading), 0 otherwise.
func setextLevel(s string) int {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return 0
	}
	c := s[0]
	if c != '=' && c != '-' || countRun(s, c) != len(s) {
		return 0
	}
	if c == '=' {
		return 1
	}
	return 2
}

// boilerplateSections are the titles of README sections that hold no terms
// of the documented subject: credits, contribution rules. (A license section
// may say who started the project; only its notice sentences are dropped.)
var boilerplateSections = wordSet(`credits credit acknowledgements acknowledgments acknowledgement acknowledgment
	thanks contributors contributing sponsors backers maintainers triagers collaborators`)

// changelogSections are the titles of change log sections: their entries
// ("flate: reduce stateless allocations by @user in .../pull/1106") name
// functions and files that changed, and dates ("Apr 02, 2017"), not the
// notions the documents explain.
var changelogSections = map[string]bool{
	"changelog": true, "change log": true, "release notes": true, "release history": true, "version history": true,
	"what's new": true, "what's changed": true, "recent changes": true, "更新履歴": true, "変更履歴": true, "リリースノート": true,
}

// boilerplateHeading reports a heading that opens a boilerplate section
// ("## Credits", "## Contributing") or a change log ("# Changelog").
func boilerplateHeading(title string) bool {
	t := strings.ToLower(strings.Trim(title, " *_:`"))
	if licenseTitle.MatchString(t) {
		return true
	}
	if t == "" || len(t) > 40 {
		return false
	}
	if has(boilerplateSections, t) || changelogSections[t] {
		return true
	}
	first, _, _ := strings.Cut(t, " ")
	if has(boilerplateSections, first) && !strings.ContainsAny(t, "()") {
		return true
	}
	// "Emeritus Triagers", "Core maintainers", "Current project team
	// members": a list of people ("Struct members" is not one, nor is a
	// longer title, "Tips for talking to maintainers").
	words := strings.Fields(t)
	last := words[len(words)-1]
	return len(words) <= 4 && (has(peopleSections, last) || last == "members" && (strings.Contains(t, "team") || strings.Contains(t, "committee")))
}

// LicenseTitle reports the heading of a license appended to a manual,
// after its section number and "Appendix F." ("GNU General Public
// License", "TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND
// MODIFICATION", 「付録 A - GNU Public License」): the license's text, not
// the manual's. A question about a license ("What is the GPL?") is none.
// The builtin engine marks such a section's sentences as notices.
func LicenseTitle(title string) bool {
	return mayBeLicenseTitle(title) && licenseTitle.MatchString(strings.ToLower(strings.TrimSpace(title)))
}

// mayBeLicenseTitle is a cheap test before licenseTitle, which every
// paragraph (and every one-line paragraph of the builtin index) would
// otherwise pay a lower-case copy for: a license's title holds "licen" or
// "terms and conditions", in any case.
func mayBeLicenseTitle[T string | []byte](p T) bool {
	return containsFoldASCII(p, "licen") || containsFoldASCII(p, "terms and conditions")
}

// containsFoldASCII reports whether b holds lower, a lower-case ASCII
// string, in any case of its letters.
func containsFoldASCII[T string | []byte](b T, lower string) bool {
	for i := 0; i+len(lower) <= len(b); i++ {
		j := 0
		for j < len(lower) && b[i+j]|0x20 == lower[j] {
			j++
		}
		if j == len(lower) {
			return true
		}
	}
	return false
}

// licenseTitle is LicenseTitle's pattern, in lower case.
var licenseTitle = regexp.MustCompile(`^(([0-9]+|[a-z])(\.[0-9]+)*\.? +)?((appendix|付録) *[a-z0-9]+ *[-–—:.]? *)?(the )?(gnu )?((general|lesser|library|affero) (general )?public|free documentation|public|apache|mit|bsd|mozilla public|open publication) licen[cs]e( \(\w+\))?(,? version [0-9.]+)?$|^(([0-9]+|[a-z])(\.[0-9]+)*\.? +)?terms and conditions for (copying|use, reproduction)`)

// peopleSections end the titles of sections that list a project's people.
var peopleSections = wordSet(`maintainers triagers collaborators emeriti`)

// licensePhrases mark a sentence of license or copyright notice.
var licensePhrases = [...]string{"copyright (c)", "copyright ©", "copyright 20", "copyright 19", "licensed under",
	"distributed under the", "released under the", "available under the", "spdx-license-identifier",
	"permission is hereby granted", "license, version", "see the license", "see license", "in compliance with the license",
	"under the license", "above copyright notice", "portions of the software", "the software is provided", "without warranty",
	"in no event shall", "unless required by applicable law", "redistribution and use in source and binary forms", "の下で配布",
	"の下で公開", "ライセンスの下", "ライセンスで配布", "ライセンスで公開", "ライセンスに基づ", "著作権は"}

// bylines open a line that names a document's people, not its
// subject: "Authors: Ivan Kozlovic, Lev Brouk", 「作成者：…」.
var bylines = [...]string{"author:", "authors:", "author(s):", "maintainer:", "maintainers:", "contributors:",
	"written by ", "reviewed by ", "reviewers:", "editor:", "editors:",
	"著者：", "著者:", "作成者：", "作成者:", "執筆者：", "執筆者:", "執筆：", "文責：", "担当者：", "担当者:"}

// stripBoilerplate removes from a paragraph the sentences of license or
// copyright notice ("Copyright (c) 2015-present ...", "MIT © ...", "Licensed under the
// Apache License, Version 2.0", "... is distributed under the MIT
// license"), keeping the others.
func stripBoilerplate(para []byte) []byte {
	if !bytes.Contains(para, []byte("opyright")) && !bytes.Contains(para, []byte("icense")) &&
		!bytes.Contains(para, []byte("SPDX")) && !bytes.Contains(para, []byte("ライセンス")) &&
		!bytes.Contains(para, []byte("著作権")) && !bytes.Contains(para, []byte("©")) && !bytes.Contains(para, []byte("WARRANT")) &&
		!bytes.Contains(para, []byte("arrant")) && !bytes.Contains(para, []byte("Redistribution")) && !bytes.Contains(para, []byte("hereby")) {
		return para
	}
	s := string(para)
	out := para[:0:0]
	for len(s) > 0 {
		end := len(s)
		for i := 0; i+1 < len(s); i++ {
			if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
				end = i + 2
				break
			}
			if strings.HasPrefix(s[i:], "。") {
				end = i + len("。")
				break
			}
			if s[i] == '.' && s[i+1] >= 0x80 {
				end = i + 1 // "Authors.本ソフトウェアは": a Japanese soft break
				break
			}
		}
		sent := s[:end]
		s = s[end:]
		l := strings.ToLower(sent)
		// "MIT © Wren Talmadge": a notice in the copyright sign.
		keep := !strings.HasPrefix(strings.TrimSpace(l), "copyright ") && !strings.Contains(sent, "©")
		for _, p := range licensePhrases {
			if keep && strings.Contains(l, p) {
				keep = false
			}
		}

		if keep {
			out = append(out, sent...)
		}
	}
	return out
}

// personLine matches a line that names one person with an address
// ("Brian Woodward (https://twitter.com/doowb)", "Jon Schlinkert
// <jon@example.com>"), as a package's list of authors and contributors
// writes them.
var personLine = regexp.MustCompile(`^\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){1,3}(?: +<[^<>\s]+@[^<>\s]+>(?: +\((?:https?://|mailto:)[^()\s]+\))?| +\((?:https?://|mailto:)[^()\s]+\))$`)

// isByline reports a line that names a document's people, not its
// subject: "Authors: Ivan Kozlovic, Lev Brouk", 「作成者：…」. It runs for
// every line, so it looks at the line's first letters only.
func isByline(line string) bool {
	l := strings.TrimLeft(line, " \t*_")
	if l == "" {
		return false
	}
	switch l[0] {
	case 'A', 'a', 'M', 'm', 'C', 'c', 'W', 'w', 'R', 'r', 'E', 'e', 'F', 'f', 'S', 's', 'T', 't', 0xE4, 0xE5, 0xE6, 0xE8:
		// Latin openers; 0xE4, 0xE5, 0xE6 and 0xE8 lead the UTF-8 of 作, 執,
		// 文, 担 and 著.
	default:
		return false
	}
	head := strings.ToLower(strings.ReplaceAll(l[:min(len(l), 40)], "**", ""))
	for _, p := range bylines {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	// A mail's sender ("From: Ilse Marchetti <ilse@example.org>", the
	// headers of a change log kept as mails) and a commit's trailers
	// ("Signed-off-by: ...") name people; an address tells the header from
	// prose that opens with "From:".
	for _, p := range mailBylines {
		if strings.HasPrefix(head, p) {
			return strings.Contains(l, "@")
		}
	}
	return false
}

// credit reports the text of a bracketed credit in a change log: "Reported
// by @uzulla", "Patch by Arnaud Fontaine", "Thanks to Ilse".
func credit(s string) bool {
	l := strings.ToLower(s)
	for _, p := range [...]string{"reported by ", "patch by ", "patched by ", "worked by ", "suggested by ", "fixed by ",
		"contributed by ", "pointed out by ", "thanks to ", "thanks ", "written by ", "reviewed by "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

var mailBylines = [...]string{"from:", "signed-off-by:", "co-authored-by:", "reported-by:", "reviewed-by:", "acked-by:",
	"tested-by:", "suggested-by:"}

// onlyImages reports text made only of images and links around images
// (a row of badges).
func onlyImages(s string) bool {
	seen := false
	for i := 0; i < len(s); {
		switch b := s[i]; {
		case b == ' ' || b == '\t':
			i++
		case b == '[' && i+1 < len(s) && s[i+1] == '!':
			// [![alt](img)](link) or [![alt][img]][link]
			end := matchBracket(s, i, '[', ']')
			if end < 0 || !onlyImages(s[i+1:end]) {
				return false
			}
			i = skipTarget(s, end+1)
			seen = true
		case b == '!' && i+1 < len(s) && s[i+1] == '[':
			end := matchBracket(s, i+1, '[', ']')
			if end < 0 {
				return false
			}
			i = skipTarget(s, end+1)
			seen = true
		default:
			return false
		}
	}
	return seen
}

// tocEntry reports a paragraph (a list item) made of one link to an anchor
// of the page: a table of contents entry, which repeats a heading.
func tocEntry(para []byte) bool {
	s := strings.TrimSpace(string(para))
	if len(s) < 4 || s[0] != '[' {
		return false
	}
	end := matchBracket(s, 0, '[', ']')
	return end > 0 && strings.HasPrefix(s[end+1:], "(#") && skipTarget(s, end+1) == len(s)
}

// linkEntry reports a paragraph (a list item) made of one link, perhaps
// after a short label: "[Ignoring Text · textlint](https://...)",
// "Issue: [Question about ... · Issue #62](https://...)". It names a page
// elsewhere (a reference list, a row of links to a website, a forum, a
// paper): its words are that page's title, not the documents' terms.
func linkEntry(para []byte) bool {
	s := strings.TrimSpace(string(para))
	if i := strings.Index(s, "["); i > 0 && i <= 24 {
		label := strings.TrimSpace(s[:i])
		if !strings.HasSuffix(label, ":") && !strings.HasSuffix(label, "：") || strings.ContainsAny(label, "[]()`") {
			return false
		}
		s = s[i:]
	}
	if len(s) < 4 || s[0] != '[' {
		return false
	}
	end := matchBracket(s, 0, '[', ']')
	if end <= 1 || end+1 >= len(s) || s[end+1] != '(' {
		return false
	}
	return strings.TrimSpace(s[skipTarget(s, end+1):]) == ""
}

// skipTarget skips the "(url)" or "[ref]" of a link or an image that starts
// at s[i], if any.
func skipTarget(s string, i int) int {
	if i < len(s) && s[i] == '(' {
		if cl := matchBracket(s, i, '(', ')'); cl > 0 {
			return cl + 1
		}
	} else if i < len(s) && s[i] == '[' {
		if cl := matchBracket(s, i, '[', ']'); cl > 0 {
			return cl + 1
		}
	}
	return i
}

// unquote returns a line without its block quote markers ("> > x" is
// "x").
func unquote(line string) string {
	for strings.HasPrefix(line, ">") {
		line = strings.TrimLeft(line[1:], " \t")
	}
	return line
}

func countRun(s string, ch byte) int {
	n := 0
	for n < len(s) && s[n] == ch {
		n++
	}
	return n
}

func isListItem(s string) bool { return stripBullet(s) != s }

// stripBullet removes a list marker ("- ", "* ", "+ ", "1. ", "1) ") and a
// task box ("[ ] ", "[x] ") from the start of s.
func stripBullet(s string) string {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		s = strings.TrimLeft(s[2:], " \t")
	} else {
		n := 0
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t') {
			s = strings.TrimLeft(s[n+2:], " \t")
		} else {
			return s
		}
	}
	if len(s) >= 4 && s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']' && s[3] == ' ' {
		s = s[4:]
	}
	return s
}

// glossaryHeading and glossaryFile name a glossary: "Glossary", "Git
// Glossary", "Terminology", "Definitions", "Key concepts", 「用語集」,
// 「用語の定義」, glossary.html, gitglossary.md, glossary.ja.md.
var (
	glossaryHeading = regexp.MustCompile(`(?i)^(\S+ )?(glossary|terminology)( of terms)?$|^(terms and )?definitions$|^key (terms|concepts)$|^(用語集|用語解説|用語|用語の定義|用語一覧)$`)
	glossaryFile    = regexp.MustCompile(`(?i)^[a-z_-]*(glossary|terminology)([-_][a-z]+)?(\.[a-z]{2}([-_][a-z]{2})?)?(\.[a-z]+)?$|^用語集`)
)

// GlossaryHeading reports a heading that names the documents' own
// glossary, whose entries are their terms.
func GlossaryHeading(text string) bool { return glossaryHeading.MatchString(text) }

// GlossaryFile reports a document's base name that names a glossary.
func GlossaryFile(name string) bool { return glossaryFile.MatchString(name) }

// commitLink reports a link whose text is the commit its target points to:
// "[a722165](https://github.com/o/r/commit/a722165...)".
func commitLink(text, target string) bool {
	if len(text) < 7 || strings.ContainsAny(text, " /") {
		return false
	}
	i := strings.Index(target, "/commit/")
	if i < 0 {
		i = strings.Index(target, "/commits/")
	}
	return i >= 0 && strings.Contains(target[i:], "/"+text)
}

// IsRefDefinition reports a reference link definition, "[id]: url" and
// at most a title after it ("[id]: url \"Title\""), on a trimmed line. A
// label and a colon before words ("[RFC5424]: _severity of all levels is
// ..._", winston's README, a paragraph going on) are prose.
func IsRefDefinition(s string) bool {
	if len(s) < 4 || s[0] != '[' {
		return false
	}
	i := strings.Index(s, "]:")
	if i <= 1 || strings.ContainsAny(s[1:i], "[]") {
		return false
	}
	dest := strings.TrimSpace(s[i+2:])
	var title string
	ok := false
	if strings.HasPrefix(dest, "<") {
		// "<./tide tables.md>": a destination with spaces.
		if j := strings.IndexByte(dest, '>'); j > 0 {
			title, ok = dest[j+1:], true
		}
	} else {
		_, title, ok = strings.Cut(dest, " ")
	}
	title = strings.TrimSpace(title)
	return !ok || title == "" || strings.IndexByte("\"'(", title[0]) >= 0
}

// isRule reports a line made only of table-rule or thematic-break
// characters.
func isRule(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-', '=', '|', ':', ' ', '\t', '*', '_', '+':
		default:
			return false
		}
	}
	return true
}

func (c *mdCleaner) sep() {
	if n := len(c.buf); n == 0 || c.buf[n-1] != boundary {
		c.buf = append(c.buf, boundary)
	}
}

// dunderLen returns the length of a Python dunder name at s[i]
// ("__init__", "__init__.py", "__main__"), 0 when none starts there. A
// word in lower case between double underscores is one when it is a
// file's name or one of Python's own (dunders); "__must__" is strong
// emphasis.
func dunderLen(s string, i int) int {
	if !strings.HasPrefix(s[i:], "__") || i > 0 && isASCIIAlnum(s[i-1]) {
		return 0
	}
	j := i + 2
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_' && j+1 < len(s) && s[j+1] != '_') {
		j++
	}
	if j == i+2 || !strings.HasPrefix(s[j:], "__") {
		return 0
	}
	name := s[i+2 : j]
	j += 2
	ext := j
	for j+1 < len(s) && s[j] == '.' && isASCIIAlnum(s[j+1]) {
		j++
		for j < len(s) && isASCIIAlnum(s[j]) {
			j++
		}
	}
	if j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '_') || j == ext && !has(pyDunders, name) {
		return 0
	}
	return j - i
}

// pyDunders are Python's special names written between double
// underscores.
var pyDunders = wordSet(`init main name call str repr dict class file doc all len iter next enter exit aenter aexit
	getitem setitem delitem getattr getattribute setattr delattr eq ne lt le gt ge hash new del slots module
	version builtins future pycache path bool bytes format contains await aiter anext post_init qualname
	annotations import spec loader package wrapped`)

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// urlEnd returns the end of a URL starting at s[i], or -1 when none starts
// there.
func urlEnd(s string, i int) int {
	if i > 0 && (isASCIIAlnum(s[i-1]) || s[i-1] == '.' || s[i-1] == '/') {
		return -1
	}
	rest := s[i:]
	if !(strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") ||
		strings.HasPrefix(rest, "ftp://") || strings.HasPrefix(rest, "www.") ||
		strings.HasPrefix(rest, "mailto:") || strings.HasPrefix(rest, "file://")) {
		return -1
	}
	j := i
	for j < len(s) {
		b := s[j]
		if b <= ' ' || b >= 0x80 || b == ')' || b == ']' || b == '>' || b == '"' || b == '\'' || b == '`' || b == '|' {
			break
		}
		j++
	}
	return j
}

// inline cleans the inline syntax of one line into c.buf.
func (c *mdCleaner) inline(s string) {
	for i := 0; i < len(s); {
		b := s[i]
		switch b {
		case '`':
			n := countRun(s[i:], '`')
			closeAt := -1
			for k := i + n; k < len(s); {
				j := strings.IndexByte(s[k:], '`')
				if j < 0 {
					break
				}
				m := countRun(s[k+j:], '`')
				if m == n {
					closeAt = k + j
					break
				}
				k += j + m
			}
			c.sep()
			if closeAt < 0 {
				i += n
				continue
			}
			if code := strings.TrimSpace(s[i+n : closeAt]); code != "" {
				c.code = append(c.code, code)
			}
			i = closeAt + n
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				// An image: its alt text is not prose ("![Build Status](...)").
				if end := matchBracket(s, i+1, '[', ']'); end > 0 {
					c.sep()
					i = skipTarget(s, end+1)
					continue
				}
				i++
				continue
			}
			c.buf = append(c.buf, b)
			i++
		case '[':
			end := matchBracket(s, i, '[', ']')
			if end < 0 {
				c.sep()
				i++
				continue
			}
			inner := s[i+1 : end]
			next := skipTarget(s, end+1)
			c.sep()
			if next == end+1 && credit(inner) {
				// "[Reported by @uzulla]", "[Patch by Arnaud Fontaine]":
				// who did it, in a change log, not the subject.
				i = next
				continue
			}
			if next > end+1 && commitLink(inner, s[end+1:next]) {
				// "([a722165](https://github.com/o/r/commit/a722165))": a
				// change log's commit, not a name.
				i = next
				continue
			}
			c.inline(inner)
			if i == 0 && next == end+1 && end+2 < len(s) && s[end+1] == ' ' && s[end+2] >= 'A' && s[end+2] <= 'Z' {
				// "[Ubuntu] Dropped support for ...": a release note's
				// tag, then its sentence, whose first word is no name.
				c.buf = append(c.buf, ':')
			}
			c.sep()
			i = next
		case '<':
			if i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '!' || s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z') {
				if j := strings.IndexByte(s[i:], '>'); j > 0 {
					c.sep()
					i += j + 1
					continue
				}
			}
			c.sep()
			i++
		case '&':
			j := i + 1
			for j < len(s) && j-i < 10 && (isASCIIAlnum(s[j]) || s[j] == '#') {
				j++
			}
			if j < len(s) && s[j] == ';' && j > i+1 {
				c.sep()
				i = j + 1
				continue
			}
			c.buf = append(c.buf, b)
			i++
		case ':':
			if n := shortcodeLen(s, i); n > 0 {
				// ":heavy_check_mark:", ":x:": an emoji GitHub draws, not
				// a word ("heavy_check_mark" was a term of undici's
				// support table).
				c.sep()
				i += n
				continue
			}
			c.buf = append(c.buf, b)
			i++
		case '}':
			c.sep()
			if j := i + 1 + len(s[i+1:]) - len(strings.TrimLeft(s[i+1:], " ")); j > i+1 && j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
				// "Returns: {Promise} Fulfills with ...", "@param {string}
				// Name of ...": a type in braces, as Node's and JSDoc's
				// references write it, stands before its description,
				// which opens like a sentence; "|" separates fields so.
				c.buf = append(c.buf, '|')
			}
			i++
		case '*', '~', '{', '$', '^':
			if b == '~' && i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && i+1 < len(s) && isASCIIAlnum(s[i+1]) {
				// "1.0~rc2": a packaging version's tilde, not a
				// strikethrough (the tokenizer drops what follows it).
				c.buf = append(c.buf, b)
				i++
				continue
			}
			c.sep()
			i++
		case '_':
			if n := dunderLen(s, i); n > 0 {
				// "__init__.py": a name, not strong emphasis.
				c.buf = append(c.buf, s[i:i+n]...)
				i += n
				continue
			}
			if i > 0 && i+1 < len(s) && isASCIIAlnum(s[i-1]) && (isASCIIAlnum(s[i+1]) || s[i+1] == '_') {
				c.buf = append(c.buf, b)
			} else if i > 0 && s[i-1] == '_' && len(c.buf) > 0 && c.buf[len(c.buf)-1] == '_' {
				c.buf = append(c.buf, b)
			} else {
				c.sep()
			}
			i++
		case '\\':
			if i+1 < len(s) {
				c.buf = append(c.buf, s[i+1])
				i += 2
				continue
			}
			i++
		case 'h', 'w', 'f', 'm':
			if j := urlEnd(s, i); j > 0 {
				c.sep()
				i = j
				continue
			}
			c.buf = append(c.buf, b)
			i++
		default:
			c.buf = append(c.buf, b)
			i++
		}
	}
}

// shortcodeLen returns the length of a GitHub emoji shortcode (":memo:",
// ":heavy_check_mark:") at s[i], not inside a word; 0 when there is none.
func shortcodeLen(s string, i int) int {
	if i > 0 && (isASCIIAlnum(s[i-1]) || s[i-1] == ':') {
		return 0 // "std::vector", "Note:"
	}
	j := i + 1
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '+' || s[j] == '-') {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ':' || j+1 < len(s) && (isASCIIAlnum(s[j+1]) || s[j+1] == ':') {
		return 0
	}
	return j + 1 - i
}

// stripParamType removes the type in parentheses after a parameter's name
// in bold, as Sphinx writes a call's parameters ("**quay_name**
// (*Optional**[**str**]*) – the name of the quay" reads "**quay_name** –
// the name of the quay"): typing names are no terms.
func stripParamType(s string) string {
	i := strings.Index(s, "** (")
	if i < 0 || i > 120 {
		return s
	}
	open := strings.LastIndex(s[:i], "**")
	if open < 0 || open+2 >= i {
		return s
	}
	for _, r := range s[open+2 : i] {
		if !(r == '_' || r == '.' || r < 0x80 && isASCIIAlnum(byte(r))) {
			return s
		}
	}
	end := matchBracket(s, i+3, '(', ')')
	if end < 0 {
		return s
	}
	return s[:i+2] + s[end+1:]
}

// matchBracket returns the index of the bracket closing the one at s[i], or
// -1.
func matchBracket(s string, i int, open, closing byte) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return j
			}
		case '`':
			// Brackets inside code do not count; skip the span.
			if k := strings.IndexByte(s[j+1:], '`'); k >= 0 {
				j += k + 1
			}
		}
	}
	return -1
}
