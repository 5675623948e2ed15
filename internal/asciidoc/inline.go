package asciidoc

import "strings"

// inline converts the inline markup of one line: macros to their text,
// cross references to their text, *strong* to **strong**, passthroughs and
// highlights to their text, attribute references to their values. Code
// spans (`x`) are kept as they are.
func inline(s string, attrs map[string]string) string {
	if !strings.ContainsAny(s, "[<*+#{`") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '`':
			// A code span stays; its text is not markup.
			if end := strings.IndexByte(s[i+1:], '`'); end >= 0 {
				code := s[i+1 : i+1+end]
				if len(code) > 2 && code[0] == '+' && code[len(code)-1] == '+' {
					code = code[1 : len(code)-1] // `+{literal}+`
				}
				b.WriteByte('`')
				b.WriteString(code)
				b.WriteByte('`')
				i += end + 2
				continue
			}
		case c == '<' && strings.HasPrefix(s[i:], "<<"):
			// <<id>>, <<id,text>>
			if end := strings.Index(s[i+2:], ">>"); end > 0 {
				ref := s[i+2 : i+2+end]
				if _, text, ok := strings.Cut(ref, ","); ok {
					ref = strings.TrimSpace(text)
				} else {
					ref = strings.ReplaceAll(strings.TrimPrefix(ref, "_"), "_", " ")
				}
				b.WriteString(ref)
				i += end + 4
				continue
			}
		case c == '<' && i+1 < len(s) && (isLetter(s[i+1]) || s[i+1] == '/'):
			// "<remote>": a placeholder, not an HTML tag that Markdown
			// readers drop ("Works like git push <remote>, where <remote>
			// is ..." lost its subject).
			b.WriteString("\\<")
			i++
			continue
		case c == '{':
			// {attribute}: its value when the document sets it.
			if end := strings.IndexByte(s[i+1:], '}'); end > 0 {
				if v, ok := attrs[strings.ToLower(s[i+1:i+1+end])]; ok {
					b.WriteString(v)
					i += end + 2
					continue
				}
			}
		case c == '*' && wordStart(s, i) && !strings.HasPrefix(s[i:], "**"):
			// *strong* (constrained): Markdown spells it **strong**.
			if end := strings.IndexByte(s[i+1:], '*'); end > 0 && s[i+1] != ' ' && s[i+end] != ' ' && wordEnd(s, i+end+2) {
				b.WriteString("**")
				b.WriteString(inline(s[i+1:i+1+end], attrs))
				b.WriteString("**")
				i += end + 2
				continue
			}
		case (c == '+' || c == '#') && wordStart(s, i):
			// +passthrough+ and #highlight#: the text.
			if end := strings.IndexByte(s[i+1:], c); end > 0 && s[i+1] != ' ' && s[i+end] != ' ' && wordEnd(s, i+end+2) {
				b.WriteString(s[i+1 : i+1+end])
				i += end + 2
				continue
			}
		case c == '[' && strings.HasPrefix(s[i:], "[[["):
			// A bibliography anchor, "[[[bib]]]": kept as it is.
			if end := strings.Index(s[i:], "]]]"); end > 0 {
				b.WriteString(s[i : i+end+3])
				i += end + 3
				continue
			}
		case c == '[' && strings.HasPrefix(s[i:], "[["):
			// An inline anchor, "[[def_branch]]branch::": not shown.
			if end := strings.Index(s[i+2:], "]]"); end > 0 && !strings.ContainsAny(s[i+2:i+2+end], " []") {
				i += end + 4
				continue
			}
		case c == '[':
			// The bracket of a macro: name:target[text]. Find the macro's
			// start in what was written.
			if end := strings.IndexByte(s[i+1:], ']'); end >= 0 {
				out := b.String()
				if start, name, ok := macroBefore(out); ok {
					text := s[i+1 : i+1+end]
					target := out[start:]
					b.Reset()
					b.WriteString(out[:start])
					b.WriteString(macroText(name, target, text))
					i += end + 2
					continue
				}
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// macroBefore finds, at the end of out, the start of an inline macro
// ("link:https://x", "xref:a.adoc#b", "https://x", "kbd:", "footnote:")
// whose bracket comes next, and the macro's name.
func macroBefore(out string) (int, string, bool) {
	start := strings.LastIndexAny(out, " \t(") + 1
	word := out[start:]
	for _, scheme := range []string{"https://", "http://", "ftp://", "mailto:"} {
		if i := strings.LastIndex(word, scheme); i >= 0 && !strings.ContainsAny(word[i:], " \t") {
			if strings.HasSuffix(word[:i], "link:") {
				i -= len("link:")
			}
			return start + i, "url", true
		}
	}
	best, bestName := -1, ""
	for name := range inlineMacros {
		i := strings.LastIndex(word, name+":")
		if i < 0 || i > 0 && isLetter(word[i-1]) || strings.HasPrefix(word[i+len(name)+1:], ":") { // "std::vector"
			continue
		}
		if i > best {
			best, bestName = i, name // the last macro of the word, whatever the map's order
		}
	}
	if best < 0 {
		return 0, "", false
	}
	return start + best, bestName, true
}

// inlineMacros are the inline macros whose text a reader sees (or not).
var inlineMacros = map[string]bool{
	"link": true, "xref": true, "kbd": true, "btn": true, "menu": true, "footnote": true, "footnoteref": true,
	"image": true, "icon": true, "pass": true, "indexterm": true, "indexterm2": true, "anchor": true,
	"stem": true, "latexmath": true, "asciimath": true, "linkgit": true,
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// macroText is what an inline macro shows.
func macroText(name, target, text string) string {
	text = strings.TrimSpace(text)
	if i := strings.Index(text, ",role="); i >= 0 {
		text = text[:i]
	}
	text = strings.Trim(text, `"`)
	switch name {
	case "footnote", "footnoteref", "image", "icon", "indexterm":
		return ""
	case "kbd", "btn", "pass", "indexterm2", "stem", "latexmath", "asciimath":
		return text
	case "anchor":
		return ""
	case "linkgit":
		// Git's manual page links, "linkgit:git-show-ref[1]": a command's
		// page, shown as "git-show-ref(1)".
		return "`" + strings.TrimPrefix(target, "linkgit:") + "(" + text + ")`"
	case "menu":
		menu := strings.TrimPrefix(target, "menu:")
		if text == "" {
			return menu
		}
		return menu + " > " + strings.ReplaceAll(text, ">", " > ")
	case "url", "link", "xref", "mailto":
		if text != "" {
			return text
		}
		t := strings.TrimPrefix(strings.TrimPrefix(target, name+":"), "link:")
		return t
	}
	if text != "" {
		return text
	}
	return target
}

// wordStart reports whether constrained markup may open at s[i].
func wordStart(s string, i int) bool {
	return i == 0 || strings.IndexByte(" \t([{\"'", s[i-1]) >= 0 || s[i-1] >= 0x80
}

// wordEnd reports whether constrained markup may close before s[i].
func wordEnd(s string, i int) bool {
	return i >= len(s) || strings.IndexByte(" \t)]}\"'.,;:!?", s[i]) >= 0 || s[i] >= 0x80
}
