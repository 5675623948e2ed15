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

// chineseMinHan is the number of Han characters from which a document with
// (almost) no kana is taken for Chinese: short Japanese texts, such as a
// list of kanji terms, may have no kana at all.
const chineseMinHan = 50

// DetectLanguage returns the language of one document: Japanese when kana
// and kanji make up at least 10% of its letters or when it holds at least 20
// kana, English otherwise. A long Han text with kana under 5% of it is
// Chinese, not Japanese (every Japanese sentence has kana), and is handled
// as English: only its Latin words are read. Call it per document: a corpus
// may mix both.
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
	if cjk >= chineseMinHan && kana*20 < cjk {
		// Han text with almost no kana is Chinese, which Extract does not
		// handle: the Japanese analyser would cut it into nonsense
		// "terms". Read as English, only its Latin words count.
		return English
	}
	if kana >= 20 || cjk*10 >= letters {
		return Japanese
	}
	return English
}
