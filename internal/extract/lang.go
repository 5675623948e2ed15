package extract

import (
	"unicode"
	"unicode/utf8"
)

// Language is the language of a document.
type Language string

// The languages Extract handles.
const (
	Japanese Language = "ja"
	English  Language = "en"
)

// DetectLanguage returns the language of one document: Japanese when kana
// and kanji make up at least 10% of its letters or when it holds at least 20
// kana, English otherwise. Call it per document: a corpus may mix both.
func DetectLanguage(text string) Language {
	var letters, cjk, kana int
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' {
				letters++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana) || r == 'ー':
			kana++
			cjk++
			letters++
		case unicode.Is(unicode.Han, r) || r == '々':
			cjk++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if cjk == 0 {
		return English
	}
	if kana >= 20 || cjk*10 >= letters {
		return Japanese
	}
	return English
}
