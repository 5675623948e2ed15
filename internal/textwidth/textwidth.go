// Package textwidth folds the width variants Japanese documents use for
// ASCII letters, digits and katakana, so that 「ＡＰＩ」 and "API", or
// 「ｶﾀｶﾅ」 and 「カタカナ」, read as the same word.
//
// [FoldProse] folds a Markdown or text document except its code (fenced
// blocks and inline code spans), which is literal; [Fold] folds a whole
// string, such as a term a user typed.
//
// It is not NFKC: full-width punctuation (「！」「？」「（」「：」) and the
// ideographic space stay as they are, since Japanese sentence splitting
// and term boundaries rely on them, and nothing else NFKC would change
// (ligatures, circled numbers, compatibility ideographs) is touched.
package textwidth

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s with full-width ASCII letters and digits (U+FF10-FF19,
// U+FF21-FF3A, U+FF41-FF5A) as ASCII, and half-width katakana and their
// punctuation (U+FF61-FF9F) as full-width, voiced marks composed (「ｶﾞ」
// is 「ガ」). Line breaks are kept, so line numbers do not move. A string
// without such runes is returned as it is, without copying.
func Fold(s string) string {
	if !mayFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWideAlnum(r):
			b.WriteByte(byte(r - 0xFEE0))
			i += size
		case isHalfKana(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isHalfKana(r2) {
					break
				}
				j += n
			}
			b.WriteString(norm.NFKC.String(s[i:j]))
			i = j
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// FoldProse is [Fold] on a Markdown or plain-text document, leaving its
// code as written: fenced code blocks (``` or ~~~) and inline code spans
// (`...`). A document without runes to fold is returned as it is.
func FoldProse(s string) string {
	if !mayFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var fence byte // '`' or '~' inside a fenced code block
	var fenceLen int
	var fenceQuoted bool // the fence opened in a block quote
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line = s[:i+1]
		}
		s = s[len(line):]
		trimmed := strings.TrimLeft(line, " \t")
		quoted := strings.HasPrefix(trimmed, ">")
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimLeft(trimmed[1:], " \t") // "> ```": a fence in a block quote
		}
		if fence != 0 && fenceQuoted && !quoted {
			fence = 0 // the quote, and the code in it, ended
		}
		if fence != 0 {
			if n := countRun(trimmed, fence); n >= fenceLen && strings.TrimSpace(trimmed[n:]) == "" {
				fence = 0
			}
			b.WriteString(line)
			continue
		}
		if c := trimmed; len(c) > 0 && (c[0] == '`' || c[0] == '~') {
			if n := countRun(c, c[0]); n >= 3 && (c[0] == '~' || !strings.Contains(c[n:], "`")) {
				fence, fenceLen, fenceQuoted = c[0], n, quoted
				b.WriteString(line)
				continue
			}
		}
		foldOutsideCodeSpans(&b, line)
	}
	return b.String()
}

// foldOutsideCodeSpans writes line folded, except its code spans: text
// between a run of backticks and the next run of the same length. An
// unmatched run is text.
func foldOutsideCodeSpans(b *strings.Builder, line string) {
	for {
		open := strings.IndexByte(line, '`')
		if open < 0 {
			b.WriteString(Fold(line))
			return
		}
		n := countRun(line[open:], '`')
		end := closingRun(line[open+n:], n)
		if end < 0 {
			b.WriteString(Fold(line[:open+n]))
			line = line[open+n:]
			continue
		}
		b.WriteString(Fold(line[:open]))
		stop := open + n + end + n
		b.WriteString(line[open:stop])
		line = line[stop:]
	}
}

// closingRun returns the offset in s of the first run of exactly n
// backticks, -1 when there is none.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		i += j
		m := countRun(s[i:], '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// countRun returns how many times c repeats at the start of s.
func countRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// mayFold reports whether s holds a rune Fold changes; they all encode as
// 0xEF 0xBC-0xBE .. in UTF-8.
func mayFold(s string) bool {
	for i := strings.IndexByte(s, 0xEF); i >= 0 && i+2 < len(s); {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if isWideAlnum(r) || isHalfKana(r) {
			return true
		}
		next := strings.IndexByte(s[i+1:], 0xEF)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isWideAlnum(r rune) bool {
	return r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A
}

func isHalfKana(r rune) bool { return r >= 0xFF61 && r <= 0xFF9F }
