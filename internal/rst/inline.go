package rst

import (
	"strings"
)

// Inline converts the inline markup of one line of reStructuredText:
// a literal in double backquotes -> `code`; roles -> their text in code
// (:func:`~mod.connect` -> `connect`), text roles' as text (:term:`broker` -> broker,
// :ref:`the guide <guide>` -> the guide); hyperlink references -> their
// text (`Go <https://go.dev>`_ -> Go, `the FAQ`_ -> the FAQ, FAQ_ -> FAQ);
// substitution references (|project|) -> their name; footnote references
// ([#]_, [1]_) go. Emphasis (*x*, **x**) is spelled as in Markdown already.
func Inline(s string) string {
	if !strings.ContainsAny(s, "`_|\\<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '/'):
			// "<remote>": text, not an HTML tag that Markdown readers
			// drop.
			b.WriteString("\\<")
			i++
			continue
		case c == '\\' && i+1 < len(s):
			// An escape; "\ " is an invisible separator.
			if s[i+1] != ' ' {
				b.WriteByte(s[i+1])
			}
			i += 2
			continue
		case strings.HasPrefix(s[i:], "``"):
			if end := strings.Index(s[i+2:], "``"); end >= 0 {
				b.WriteByte('`')
				b.WriteString(s[i+2 : i+2+end])
				b.WriteByte('`')
				i += end + 4
				continue
			}
		case c == ':' && startOK(s, i):
			if role, text, n, ok := roleAt(s[i:]); ok {
				b.WriteString(roleText(role, text))
				i += n
				continue
			}
		case c == '`' && startOK(s, i):
			if end := strings.IndexByte(s[i+1:], '`'); end > 0 {
				text := s[i+1 : i+1+end]
				n := end + 2
				if strings.HasPrefix(s[i+n:], "__") {
					n += 2
				} else if strings.HasPrefix(s[i+n:], "_") {
					n++
				} else if strings.HasPrefix(s[i+n:], ":") {
					// `text`:role: (the role after)
					if role, m, ok := suffixRole(s[i+n:]); ok {
						b.WriteString(roleText(role, text))
						i += n + m
						continue
					}
				}
				b.WriteString(linkText(text))
				i += n
				continue
			}
		case c == '|' && startOK(s, i):
			if end := strings.IndexByte(s[i+1:], '|'); end > 0 && s[i+1] != ' ' && s[i+end] != ' ' {
				name := s[i+1 : i+1+end]
				n := end + 2
				if strings.HasPrefix(s[i+n:], "__") {
					n += 2
				} else if strings.HasPrefix(s[i+n:], "_") {
					n++
				}
				if endOK(s, i+n) {
					b.WriteString(name)
					i += n
					continue
				}
			}
		case c == '[' && startOK(s, i):
			// A footnote or citation reference: [1]_, [#]_, [#note]_, [CIT2002]_.
			if end := strings.Index(s[i:], "]_"); end > 1 && !strings.ContainsAny(s[i+1:i+end], " []") && endOK(s, i+end+2) {
				i += end + 2
				// Drop the space before it too: "a term [1]_." -> "a term."
				out := b.String()
				if strings.HasSuffix(out, " ") {
					b.Reset()
					b.WriteString(strings.TrimRight(out, " "))
				}
				continue
			}
		case c == '_' && i > 0 && isWord(s[i-1]):
			// A named reference: "FAQ_", "Go__".
			n := 1
			if i+1 < len(s) && s[i+1] == '_' {
				n = 2
			}
			if endOK(s, i+n) && !insideWordUnderscore(s, i) && !dunder(s, i) {
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// roleAt parses ":role:`text`" at the start of s and returns its length.
func roleAt(s string) (role, text string, n int, ok bool) {
	end := strings.Index(s[1:], ":`")
	if end <= 0 {
		return "", "", 0, false
	}
	role = s[1 : 1+end]
	for i := 0; i < len(role); i++ {
		c := role[i]
		if !(isWord(c) || c == ':' || c == '-' || c == '+' || c == '.') {
			return "", "", 0, false
		}
	}
	close := strings.IndexByte(s[end+3:], '`')
	if close < 0 {
		return "", "", 0, false
	}
	return role, s[end+3 : end+3+close], end + 3 + close + 1, true
}

// suffixRole parses ":role:" after an interpreted text.
func suffixRole(s string) (string, int, bool) {
	end := strings.IndexByte(s[1:], ':')
	if end <= 0 {
		return "", 0, false
	}
	role := s[1 : 1+end]
	for i := 0; i < len(role); i++ {
		if !isWord(role[i]) && role[i] != '-' {
			return "", 0, false
		}
	}
	return role, end + 2, true
}

// roleText is what a role shows: its title when it has one ("the guide
// <guide>"), the last part of a "~"-prefixed target, in code for code roles.
func roleText(role, text string) string {
	text = linkText(text)
	text = strings.TrimPrefix(text, "!")
	if strings.HasPrefix(text, "~") {
		text = text[1:]
		if i := strings.LastIndexByte(text, '.'); i >= 0 && i+1 < len(text) {
			text = text[i+1:]
		}
	}
	kind := role
	if i := strings.LastIndexByte(kind, ':'); i >= 0 {
		kind = kind[i+1:] // py:func -> func
	}
	if kind == "pep" || kind == "rfc" {
		// ":pep:`420`" shows "PEP 420", ":rfc:`2616#section-3`" "RFC 2616".
		n, _, _ := strings.Cut(text, "#")
		if n != "" && strings.Trim(n, "0123456789") == "" {
			return strings.ToUpper(kind) + " " + n
		}
		return text
	}
	if codeRole(kind) {
		return "`" + text + "`"
	}
	return text
}

// codeRole reports a role whose text Markdown shows as code: Sphinx's code
// roles (:func:, :file:, :kbd:) and roles of a project's own (Mercurial's
// :hg:`help config`, :manpage:, :issue:), a command, a page or a number,
// not words of the sentence ("help config" was a term). Cross-references
// and labels (textRoles) and :math:, :sub:, :pep: are text.
func codeRole(kind string) bool {
	switch kind {
	case "math", "sub", "sup", "subscript", "superscript", "pep", "rfc":
		return false
	}
	return !textRoles[kind]
}

// textRoles render as text: a term, a cross-reference's title, a label.
var textRoles = map[string]bool{
	"term": true, "ref": true, "doc": true, "any": true, "numref": true, "abbr": true, "dfn": true,
	"guilabel": true, "menuselection": true, "emphasis": true, "strong": true, "title-reference": true,
	"title": true, "t": true, "download": true, "index": true, "keyword": true,
}

// linkText returns the title of "title <target>", or text itself.
func linkText(text string) string {
	if strings.HasSuffix(text, ">") {
		if lt := strings.LastIndex(text, " <"); lt > 0 {
			return strings.TrimSpace(text[:lt])
		}
		if strings.HasPrefix(text, "<") {
			return text[1 : len(text)-1] // `<https://go.dev>`_: the address is the text
		}
	}
	return text
}

// startOK reports whether inline markup may start at s[i]: at the start or
// after a space or opening punctuation.
func startOK(s string, i int) bool {
	if i == 0 {
		return true
	}
	return strings.IndexByte(" \t([{<'\"-/:", s[i-1]) >= 0 || s[i-1] >= 0x80
}

// endOK reports whether inline markup may end before s[i].
func endOK(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	return strings.IndexByte(" \t)]}>'\".,;:!?-/\\", s[i]) >= 0 || s[i] >= 0x80
}

// insideWordUnderscore reports an underscore followed by more of a word
// ("snake_case"): not a reference.
func insideWordUnderscore(s string, i int) bool {
	j := i + 1
	for j < len(s) && s[j] == '_' {
		j++
	}
	return j < len(s) && isWord(s[j])
}

// dunder reports an underscore that ends a word which starts with one:
// "__init__", "_private_".
func dunder(s string, i int) bool {
	j := i
	for j > 0 && isWord(s[j-1]) {
		j--
	}
	return s[j] == '_'
}

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
