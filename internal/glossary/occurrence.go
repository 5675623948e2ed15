package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsCJK reports whether r is a Han, Hiragana, Katakana or Hangul character, or
// a CJK symbol such as the prolonged sound mark. Such text has no spaces
// between words, so terms in it are matched as substrings.
func IsCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r == 'ー' || r == '々' || r == '〆' || r == 'ヶ'
}

// HasCJK reports whether s contains a CJK character.
func HasCJK(s string) bool {
	for _, r := range s {
		if IsCJK(r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// Index returns the byte offsets in line where term occurs as a whole term:
// as a substring when the term contains CJK characters, otherwise only where
// neither side continues a word (letters, digits, underscore), an English
// plural ending allowed. Matching is
// case-sensitive for all-caps terms and acronyms, case-insensitive otherwise.
func Index(line, term string) []int {
	if term == "" || len(line) < len(term) {
		return nil
	}
	cjk := HasCJK(term)
	hay, needle := line, term
	if !cjk && strings.ToUpper(term) != term {
		hay, needle = strings.ToLower(line), strings.ToLower(term)
		if len(hay) != len(line) { // lower-casing changed byte lengths: fall back to exact
			hay, needle = line, term
		}
	}
	var out []int
	for from := 0; from <= len(hay)-len(needle); {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			break
		}
		at := from + i
		end := at + len(needle)
		ok := true
		if !cjk {
			if at > 0 {
				r, _ := utf8.DecodeLastRuneInString(hay[:at])
				first, _ := utf8.DecodeRuneInString(needle)
				if isWordRune(r) && isWordRune(first) {
					ok = false
				}
			}
			if end < len(hay) {
				end = pluralEnd(hay, end)
				r, _ := utf8.DecodeRuneInString(hay[end:])
				last, _ := utf8.DecodeLastRuneInString(needle)
				if end < len(hay) && isWordRune(r) && isWordRune(last) {
					ok = false
				}
			}
		}
		if ok {
			out = append(out, at)
		}
		_, size := utf8.DecodeRuneInString(hay[at:])
		from = at + size
	}
	return out
}

// pluralEnd skips an English plural ending ("s" or "es") at hay[end:] so
// that "brokers" and "APIs" count as occurrences of "broker" and "API".
func pluralEnd(hay string, end int) int {
	for _, suf := range []string{"es", "s"} {
		if strings.HasPrefix(hay[end:], suf) {
			next := end + len(suf)
			if next == len(hay) {
				return next
			}
			r, _ := utf8.DecodeRuneInString(hay[next:])
			if !isWordRune(r) {
				return next
			}
		}
	}
	return end
}

// Contains reports whether term occurs in line by the rules of Index.
func Contains(line, term string) bool { return len(Index(line, term)) > 0 }

// FindOccurrences returns at most one occurrence per (document, line) of any
// of the given spellings (the term and its aliases), in document then line
// order. Context is the matched line with the lines before and after it.
func FindOccurrences(docs []Document, spellings ...string) []Occurrence {
	var out []Occurrence
	for _, d := range docs {
		lines := d.Lines()
		for i, line := range lines {
			hit := false
			for _, s := range spellings {
				if Contains(line, s) {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
			lo, hi := max(i-1, 0), min(i+2, len(lines))
			out = append(out, Occurrence{
				Document: d.Path,
				Line:     i + 1,
				Context:  strings.Join(lines[lo:hi], "\n"),
			})
		}
	}
	return out
}
