package glossary

import "strings"

// TeXQuotes returns the quotes of GNU and TeX-era text in s, "`make'" and
// "`make install'", as [start, end) pairs from the backquote to the
// closing apostrophe: they mark literal names as a Markdown code span
// does. Read as Markdown, a backquote opens a code span that runs to the
// next one ("Type `make' and then `make install'" hid "and then"). A
// proper code span ("`make`", or one in double backquotes) is no such
// quote; an apostrophe before a letter ("`don't'") does not close one.
func TeXQuotes(s string) [][2]int {
	if strings.IndexByte(s, '`') < 0 || strings.IndexByte(s, '\'') < 0 {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			break
		}
		j += i
		if j+1 < len(s) && s[j+1] == '`' {
			// A double-backquoted span runs to its closing pair.
			end := strings.Index(s[j+2:], "``")
			if end < 0 {
				break
			}
			i = j + 2 + end + 2
			continue
		}
		k := j + 1
		for k < len(s) && s[k] != '`' && s[k] != '\n' && !(s[k] == '\'' && !wordByte(s, k+1) && (k+1 == len(s) || s[k+1] != '`') && !opensLiteral(s, k)) {
			k++
		}
		switch {
		case k >= len(s) || s[k] == '\n':
			i = j + 1
		case s[k] == '`':
			i = k + 1 // a code span of Markdown's own
		case backquoteAt(s, k+1) >= 0:
			i = backquoteAt(s, k+1) + 1 // "`f('x')`": a code span of Markdown's own
		case k > j+1 && k-j-1 <= 80 && s[j+1] != ' ' && s[j+1] != '\'' && s[k-1] != ' ':
			out = append(out, [2]int{j, k + 1})
			i = k + 1
		default:
			i = j + 1
		}
	}
	return out
}

// backquoteAt returns the index of a backquote that ends the ASCII
// punctuation in s from i, or -1: the apostrophe before i is inside a code
// span ("`f('x')`"), not a closing quote.
func backquoteAt(s string, i int) int {
	for ; i < len(s) && s[i] > ' ' && s[i] < 0x80 && !wordByte(s, i); i++ {
		if s[i] == '`' {
			return i
		}
	}
	return -1
}

// wordByte reports whether s[i] is an ASCII letter or digit (false past
// the end).
func wordByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i] | 0x20
	return c >= 'a' && c <= 'z' || s[i] >= '0' && s[i] <= '9'
}

// opensLiteral reports an apostrophe that opens a string literal: after a
// bracket, "=" or "," ("`filter('絞り込みたい文字種')`"), it starts a value,
// it does not close a quote.
func opensLiteral(s string, k int) bool {
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	return k > 0 && strings.IndexByte("([{=,", s[k-1]) >= 0
}
