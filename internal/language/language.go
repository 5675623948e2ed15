// Package language tells which language a document's prose is written in,
// well enough for an engine that reads only some languages to leave the
// others alone. Real documentation folders mix translations: Debian's
// English Apache manual carries pages in Brazilian Portuguese, a README
// comes with README.zh-CN.md beside it. Read as English or Japanese, such a
// page gives words of another language as terms and its sentences as
// definitions.
//
// [Of] answers only when the text says so plainly: a script that only
// other languages use (Hangul, Cyrillic, Han without kana, ...) or, in Latin
// script, another language's function words far outnumbering English ones.
// Anything less certain is [Unknown], which callers treat as readable.
package language

import (
	"strings"
	"unicode"

	"github.com/genglossary/genglossary/internal/glossary"
)

// Tag is a BCP 47 primary language subtag ("en", "ja", "pt"), or Unknown.
type Tag string

// Tags [Of] returns.
const (
	Unknown    Tag = ""
	English    Tag = "en"
	Japanese   Tag = "ja"
	Chinese    Tag = "zh"
	Korean     Tag = "ko"
	Russian    Tag = "ru" // any text mostly in Cyrillic
	Greek      Tag = "el"
	Arabic     Tag = "ar" // any text mostly in Arabic script
	Hebrew     Tag = "he"
	Thai       Tag = "th"
	Hindi      Tag = "hi" // any text mostly in Devanagari
	German     Tag = "de"
	French     Tag = "fr"
	Spanish    Tag = "es"
	Portuguese Tag = "pt"
	Italian    Tag = "it"
	Dutch      Tag = "nl"
	Turkish    Tag = "tr"
	Polish     Tag = "pl"
	Swedish    Tag = "sv"
	Esperanto  Tag = "eo"
)

var names = map[Tag]string{
	English: "English", Japanese: "Japanese", Chinese: "Chinese", Korean: "Korean",
	Russian: "Cyrillic script", Greek: "Greek", Arabic: "Arabic script", Hebrew: "Hebrew",
	Thai: "Thai", Hindi: "Devanagari script", German: "German", French: "French",
	Spanish: "Spanish", Portuguese: "Portuguese", Italian: "Italian", Dutch: "Dutch",
	Turkish: "Turkish", Polish: "Polish", Swedish: "Swedish", Esperanto: "Esperanto",
}

// Name is the tag's English name for messages ("Portuguese"); "unknown"
// for Unknown.
func (t Tag) Name() string {
	if n, ok := names[t]; ok {
		return n
	}
	return "unknown"
}

// Thresholds. A script decides when it has minScript letters and at least
// half as many as Latin letters (a Korean page names many English
// identifiers); a Latin-script language when its function words number
// minWords and ratio times the English ones.
const (
	minKana   = 20
	minScript = 100
	minWords  = 12
	ratio     = 3
)

// Of returns the language of text's prose (code spans and fenced blocks of
// Markdown left out), or Unknown when the text does not say plainly.
func Of(text string) Tag {
	var c counts
	// A page with many letters of another script is read to its end: a
	// translation may leave its first paragraphs in English, and its own
	// prose follows them.
	whole := otherScript(text) >= minScript
	prose(text, func(part string) bool {
		c.add(part)
		if whole {
			return !(c.kana >= minKana && japaneseShare(c)) // Japanese is still plain early
		}
		return !c.decided()
	})
	if (c.kana >= minKana || c.kana > 0 && c.kana*10 >= c.han) && c.kana+c.han >= minKana && japaneseShare(c) {
		// Japanese writes kana between its kanji; Chinese does not.
		return Japanese
	}
	best, n := Unknown, 0
	for _, s := range []struct {
		tag Tag
		n   int
	}{{Chinese, chinese(c)}, {Korean, c.hangul}, {Russian, c.cyrillic}, {Greek, c.greek}, {Arabic, c.arabic}, {Hebrew, c.hebrew}, {Thai, c.thai}, {Hindi, c.devanagari}} {
		if s.n > n {
			best, n = s.tag, s.n
		}
	}
	if n >= minScript && c.kana < minKana && (2*n >= c.latin || best == Chinese && 2*c.zhMarks >= c.english) {
		// Chinese grammar as common as English function words is Chinese
		// prose, however many file and command names it writes in Latin
		// letters.
		return best
	}
	best, n = Unknown, 0
	for i, k := range c.foreign {
		if k > n {
			best, n = latinLangs[i], k
		}
	}
	en := c.english
	if n >= minWords && n >= ratio*en {
		return best
	}
	if en >= minWords/3 {
		return English
	}
	return Unknown
}

// Foreign reports a passage (a paragraph, an item, given as its lines)
// written in a Latin-script language other than English: three of its
// function words at least are one other language's, more than twice its
// English ones. A page translated in part ("Das Debian-Quellpaket ist eine
// Gruppe von Eingabedateien ...", between paragraphs left in English) is
// read as an English page; its foreign passages are not English prose.
// It stops at the fifth English function word: it runs for every
// paragraph of a corpus, and English prose has them early.
func Foreign(lines ...string) bool {
	var c counts
	code := false
	for _, l := range lines {
		for f := range strings.FieldsSeq(l) {
			if strings.Count(f, "`")%2 == 1 {
				code = !code
				continue
			}
			if code || strings.IndexByte(f, '`') >= 0 || machineName(f) {
				continue
			}
			start := -1
			for i := 0; i <= len(f); i++ {
				if i < len(f) && (f[i] >= 0x80 || 'a' <= f[i]|0x20 && f[i]|0x20 <= 'z') {
					if start < 0 {
						start = i
					}
					continue
				}
				if start >= 0 {
					c.word(f[start:i])
					start = -1
				}
			}
			if c.english >= 5 {
				return false
			}
		}
	}
	for _, k := range c.foreign {
		if k >= 3 && k > 2*c.english {
			return true
		}
	}
	return false
}

// otherScript counts the letters of text in scripts other than Latin and
// kana (Han, Hangul, Cyrillic, ...), code and all, up to minScript.
func otherScript(text string) int {
	n := 0
	for _, r := range text {
		switch {
		case r < 0x370, 0x3000 <= r && r <= 0x30FF, 0xFF00 <= r && r <= 0xFFEF:
			continue // Latin, kana and CJK marks, fullwidth forms: the common cases, without a table lookup
		case 0x4E00 <= r && r <= 0x9FFF, 0x370 <= r && r <= 0x4FF, 0xAC00 <= r && r <= 0xD7A3:
			// the common Han, Greek, Cyrillic and Hangul letters
		case !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew,
			unicode.Thai, unicode.Devanagari):
			continue
		}
		if n++; n >= minScript {
			break
		}
	}
	return n
}

// japaneseShare reports kana that are a visible share of the Latin letters:
// a page in another language that quotes Japanese words (kuroshiro's
// Esperanto README, 「こうし」 and its romanizations) is not Japanese.
func japaneseShare(c counts) bool { return c.kana*20 >= c.latin }

// zhMarks are Han characters of Chinese grammar (particles, pronouns, the
// copula, measure words) in simplified and traditional forms. One Chinese
// character in ten or so is one of them; a Japanese list of kanji terms
// with a few kana ("港湾, 岸壁, 錨地") has next to none.
const zhMarks = "的是这們们个個了在這说說和也有就"

// chinese is the Han letters counted as Chinese: all of them when Chinese
// grammar shows among them, none otherwise.
func chinese(c counts) int {
	if c.zhMarks*40 >= c.han {
		return c.han
	}
	return 0
}

type counts struct {
	latin, kana, han, hangul, cyrillic, greek, arabic, hebrew, thai, devanagari int
	// zhMarks counts Han characters that Chinese prose writes often and
	// Japanese seldom (的, 是, 这, ...).
	zhMarks int
	// english counts English function words; foreign those of each of
	// latinLangs.
	english int
	foreign [len(latinLangs)]int
}

// decided reports counts that the rest of a text cannot change Of's answer
// for, or hardly: enough kana for Japanese, or English function words
// numerous enough and far ahead of any other language's. Reading a long
// page to its end would tell nothing more.
func (c *counts) decided() bool {
	if c.kana >= minKana && japaneseShare(*c) {
		return true
	}
	if c.english < 5*minWords {
		return false
	}

	for _, k := range c.foreign {
		if ratio*k >= c.english {
			return false
		}
	}
	return true
}

// word counts one word of prose (ASCII letters folded to lower case).
func (c *counts) word(w string) {
	var buf [maxWordLen]byte
	if len(w) > len(buf) {
		return
	}
	lower := buf[:0]
	upper := 0
	for i := 0; i < len(w); i++ {
		b := w[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
			upper++
		}
		lower = append(lower, b)
	}
	if upper > 1 && upper == len(w) {
		return // an acronym: "MIT" is a licence, not German's "mit"
	}
	langs := functionWords[string(lower)]
	if langs&englishBit != 0 {
		c.english++
	}
	for i := range c.foreign {
		if langs&(1<<i) != 0 {
			c.foreign[i]++
		}
	}
}

func (c *counts) add(seg string) {
	start := -1
	for i := 0; i < len(seg); i++ {
		switch seg[i] {
		case ' ', '\t', '\r', '\n', '\v', '\f':
			if start >= 0 {
				c.addField(seg[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		c.addField(seg[start:])
	}
}

// machineName reports whether a field is a name of the machine's (a host,
// a path, an address, an identifier) rather than words: it has one of
// ./_@=:\<> before its closing punctuation.
func machineName(field string) bool {
	end := len(field)
	for end > 0 && strings.IndexByte(".,;:!?)]}\"'", field[end-1]) >= 0 {
		end--
	}
	for i := 0; i < end; i++ {
		switch field[i] {
		case '.', '/', '_', '@', '=', ':', '\\', '<', '>':
			return true
		}
	}
	return false
}

// addHan counts a Han character, and one of Chinese grammar among them.
func (c *counts) addHan(r rune) {
	c.han++
	if strings.ContainsRune(zhMarks, r) {
		c.zhMarks++
	}
}

// addField counts the letters of one space-separated field, and its words
// unless the field is a name of the machine's (a host, a path, an address,
// an identifier): "github.com" does not write the Portuguese "com".
func (c *counts) addField(field string) {
	words := !machineName(field)
	start := -1
	flush := func(end int) {
		if words && start >= 0 {
			c.word(field[start:end])
		}
		start = -1
	}
	for i, r := range field {
		latin := false
		switch {
		case r < 0x80:
			latin = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		case 0x3041 <= r && r <= 0x3096 || 0x30A1 <= r && r <= 0x30FA:
			c.kana++ // the common kana, without a table lookup
		case 0x4E00 <= r && r <= 0x9FFF:
			c.addHan(r) // the common kanji, without a table lookup
		case 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7:
			latin = true // accented Latin letters
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			c.kana++
		case unicode.Is(unicode.Han, r):
			c.addHan(r)
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
		case unicode.Is(unicode.Greek, r):
			c.greek++
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
		case unicode.Is(unicode.Hebrew, r):
			c.hebrew++
		case unicode.Is(unicode.Thai, r):
			c.thai++
		case unicode.Is(unicode.Devanagari, r):
			c.devanagari++
		default:
			latin = unicode.Is(unicode.Latin, r)
		}
		if latin {
			c.latin++
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(field))
}

// prose calls f with the parts of Markdown text outside fenced code blocks
// and code spans, until f returns false.
func prose(text string, f func(string) bool) {
	fence := ""
	for line := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if glossary.OpensFence(t) {
			fence = t[:3]
			continue
		}
		for code := false; ; code = !code {
			part, rest, found := strings.Cut(line, "`")
			if !code && !f(part) {
				return
			}
			if !found {
				break
			}
			line = rest
		}
	}
}

// englishWords are English function words that other languages do not
// write as words of their own.
const englishWords = `the and of to is are was were that this these those with for from by it its
	be been can will which not you your if or an when on at has have should must may into than then
	there they their only also each any all would could what where how about but`

// latinLangs are the languages in Latin script that [Of] tells apart by
// their function words.
var latinLangs = [...]Tag{German, French, Spanish, Portuguese, Italian, Dutch, Turkish, Polish, Swedish, Esperanto}

// functionWords maps a function word to the languages that write it: bit i
// for latinLangs[i], englishBit for English. No foreign function word is
// also an English word ("a", "in", "do", "die", "per", "son", "come", "her",
// "ten", "till" are left out).
var functionWords = func() map[string]uint16 {
	words := [len(latinLangs)]string{
		`der das und ist nicht mit von den dem des ein eine einen zu auf für sich auch wird werden
			sind oder wenn kann bei wie über nur noch diese dieser ihre`,
		`le la les des est une pour dans que qui sur pas avec sont du au aux ce cette ou peut être
			vous nous mais plus comme été où de`,
		`el los las del que es por para una con se como más su sus pero este esta puede hay
			cuando sobre también de`,
		`o os um da dos das que é não para uma com em na nas por se mais como pode seu sua ou ao
			são também quando este esta de`,
		`il lo gli della che è non sono del nel una con di da alla delle anche questo questa può
			più ma`,
		`het een van en dat niet met op voor zijn worden wordt ook naar bij deze kan als maar uit
			dan de`,
		`ve bir bu için ile olarak daha gibi çok olan değil veya kadar sonra ancak`,
		`się nie jest na że oraz jak przez dla lub może są od tego być`,
		`och att det som är för på med av inte den har kan eller om`,
		`kaj estas ĉi kiu kiuj aŭ ankaŭ tiu tiuj tio oni ĝi sed estis povas kiel ke pli nur
			ĉe uzi la de`,
	}
	m := map[string]uint16{}
	for i, ws := range words {
		for w := range strings.FieldsSeq(ws) {
			m[w] |= 1 << i
		}
	}
	for w := range strings.FieldsSeq(englishWords) {
		m[w] |= englishBit
	}
	return m
}()

// englishBit marks English function words in functionWords; maxWordLen is
// the longest function word in bytes ("también").
const (
	englishBit = 1 << 15
	maxWordLen = 8
)
