package builtin

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
)

// A Japanese long form cannot be checked letter by letter against its
// abbreviation as an English one is, but its katakana can: a loanword
// keeps the order and the consonants of the English words (「ローカルエリア
// ネットワーク (LAN)」, 「セキュアーシェル (SSH)」). Kanji translate, and may
// reorder (「プロセス間通信 (IPC)」), so a long form with kanji is only held to
// its first sound. What this turns away is a category before a product's
// name, 「ポートスキャナー (GTK)」, 「X GUI プログラム (KDE)」, which a table of
// packages writes on every row.

// kanaConsonants maps a katakana to the Latin consonants an English word it
// transliterates may have spelt there; vowels are matched by vowels.
var kanaConsonants = func() map[rune]string {
	m := map[rune]string{}
	rows := []struct{ kana, letters string }{
		{"カキクケコ", "kcqx"}, {"ガギグゲゴ", "gx"}, {"サスセソ", "scxz"}, {"シ", "sch"}, {"ザズゼゾ", "zsx"},
		{"ジ", "jgzd"}, {"タテト", "t"}, {"チ", "tch"}, {"ツ", "ts"}, {"ダデド", "d"}, {"ヂヅ", "dz"},
		{"ナニヌネノ", "n"}, {"ハヒヘホ", "h"}, {"フ", "fh"}, {"バビブベボ", "bv"}, {"ヴ", "v"},
		{"パピプペポ", "p"}, {"マミムメモ", "m"}, {"ヤユヨャュョ", "y"}, {"ラリルレロ", "rl"}, {"ワヲ", "w"},
		{"ン", "nm"}, {"ウ", "w"}, {"イ", "y"},
	}
	for _, r := range rows {
		for _, k := range r.kana {
			m[k] = r.letters
		}
	}
	return m
}()

// silentKana carry no sound of their own in a transliteration: the long
// vowel mark, the small tsu that doubles a consonant, the middle dot.
func silentKana(r rune) bool { return r == 'ー' || r == 'ッ' || r == '・' }

func isVowelLetter(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// kanaSpells reports whether the katakana r can stand for the letter c.
func kanaSpells(r rune, c byte) bool {
	if isVowelLetter(c) || c == 'y' && strings.ContainsRune("イエ", r) {
		return true // every kana but ン ends in a vowel
	}
	return strings.IndexByte(kanaConsonants[r], c) >= 0
}

// kanaStarts reports whether a word whose first sound is the katakana r
// can start with the letter c: a vowel with a vowel (「オペレーティング」 for
// "operating", 「ユーザー」 for "user"), a consonant with one it transliterates.
func kanaStarts(r rune, c byte) bool {
	if isVowelLetter(c) {
		return strings.ContainsRune("アイウエオユ", r)
	}
	return strings.IndexByte(kanaConsonants[r], c) >= 0
}

// abbrevLetters returns the letters of an abbreviation, lower case, without
// digits and a plural "s": "M17N" -> "mn", "APIs" -> "api".
func abbrevLetters(abbr string) string {
	abbr = strings.TrimSuffix(abbr, "s")
	var b strings.Builder
	for i := 0; i < len(abbr); i++ {
		if c := abbr[i] | 0x20; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// kanaRunsFit reports whether each run of katakana in long starts with
// the sound of one of letters.
func kanaRunsFit(long, letters string) bool {
	prevKana := false
	for _, r := range long {
		kana := unicode.Is(unicode.Katakana, r) || silentKana(r)
		if kana && !prevKana && !silentKana(r) {
			fits := false
			for i := 0; i < len(letters); i++ {
				fits = fits || kanaStarts(r, letters[i])
			}
			if !fits {
				return false
			}
		}
		prevKana = kana
	}
	return true
}

// jaSoundsFit reports whether the Japanese compound long can spell letters
// (see above): all katakana, it must give them in order, the first from
// its first sound; with kanji, a katakana first sound must be one of them.
func jaSoundsFit(long, letters string) bool {
	if letters == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(long)
	if !unicode.Is(unicode.Katakana, first) || silentKana(first) {
		// A kanji translates any word; a digit or a Latin letter spells
		// itself. A loanword after the kanji still spells one of the
		// letters: 「仮想マシン (VM)」, not 「疑似ハードウェア (IDE)」.
		if unicode.Is(unicode.Han, first) {
			return kanaRunsFit(long, letters)
		}
		return first < utf8.RuneSelf && byte(unicode.ToLower(first)) == letters[0]
	}
	allKana := true
	for _, r := range long {
		if !unicode.Is(unicode.Katakana, r) && !silentKana(r) {
			allKana = false
			break
		}
	}
	if !allKana {
		for i := 0; i < len(letters); i++ {
			if kanaStarts(first, letters[i]) {
				return true
			}
		}
		return false
	}
	if !kanaStarts(first, letters[0]) {
		return false
	}
	i := 1
	for _, r := range long {
		if i == len(letters) {
			break
		}
		if !silentKana(r) && kanaSpells(r, letters[i]) {
			i++
		}
	}
	return i == len(letters)
}

// jaLongForm returns the long form of abbr that ends the Japanese text
// before, or "": the compound noun just before the parenthesis, with the
// English word before that when the abbreviation starts with its letters
// (「Perl 互換正規表現 (PCRE)」, 「GNU プライバシーガード (GnuPG)」).
func jaLongForm(before, abbr string) string {
	run := trailingJaRun(before)
	letters := abbrevLetters(abbr)
	if rest := before[:len(before)-len(run)]; strings.HasSuffix(rest, " ") {
		fields := strings.Fields(rest)
		if len(fields) > 0 && !glossary.HasCJK(fields[len(fields)-1]) {
			word := trimWord(fields[len(fields)-1])
			if n := wordSpells(word, letters); n > 0 && jaSoundsFit(run, letters[n:]) &&
				jaLongFormFits(run, letters[n:]) {
				return word + " " + run
			}
			if word != "" && word[0] < utf8.RuneSelf && strings.IndexByte(letters, word[0]|0x20) > 0 {
				// 「Linux 文書プロジェクト (TLDP)」: the English word is
				// inside the long form, which starts further back.
				return ""
			}
		}
	}
	if jaLongFormFits(run, abbr) && jaSoundsFit(run, letters) {
		return run
	}
	return ""
}

// wordSpells returns how many of letters an English word (its hyphenated
// parts) spells from their start: an initial each, or a whole part ("GNU"
// in "gnupg"); 0 if it spells none.
func wordSpells(word, letters string) int {
	n := 0
	for p := range strings.SplitSeq(strings.ToLower(word), "-") {
		switch {
		case p == "" || n == len(letters):
			return n
		case strings.HasPrefix(letters[n:], p):
			n += len(p)
		case p[0] == letters[n]:
			n++
		default:
			return n
		}
	}
	return n
}

// noteJaLongForm records the Japanese compound written before abbr in
// parentheses.
func (ix *corpusIndex) noteJaLongForm(abbr, compound string) {
	if compound == "" {
		return
	}
	if ix.jaBefore == nil {
		ix.jaBefore = map[string]map[string]bool{}
	}
	if ix.jaBefore[abbr] == nil {
		ix.jaBefore[abbr] = map[string]bool{}
	}
	ix.jaBefore[abbr][kanaKey(compound)] = true
}

// dropJaQualifiers removes the Japanese long forms of an abbreviation that
// the corpus writes after different things: after three or more
// compounds (「16進エディター (GNOME)」, 「画像ビューアー兼ブラウザー (GNOME)」,
// 「デジタル写真オーガナイザー (GNOME)」) the parenthesis names what each is
// for, and two different long forms cannot both be what it stands for.
// Spellings of one long form (「セキュアソケットレイヤー」,
// 「セキュアーソケットレイヤー」) and a long form cut short (「名システム」
// in 「Domain 名システム」) are one.
func (ix *corpusIndex) dropJaQualifiers() {
	forms := map[string][]string{}
	for _, p := range ix.abbrevs {
		if glossary.HasCJK(p.long) {
			forms[p.short] = append(forms[p.short], kanaKey(p.long))
		}
	}
	drop := map[string]bool{}
	for short, keys := range forms {
		if len(ix.jaBefore[short]) >= 3 {
			drop[short] = true
			continue
		}
		if sharedHead(keys) {
			// 「バグ追跡システム (BTS)」 and 「バグ報告システム (BTS)」: two
			// translations of one name, the same kind of thing; the most
			// frequent is kept (see expansionEvidence).
			continue
		}
		for _, a := range keys {
			for _, b := range keys {
				if !strings.HasSuffix(a, b) && !strings.HasSuffix(b, a) {
					drop[short] = true
				}
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := ix.abbrevs[:0]
	for _, p := range ix.abbrevs {
		if !drop[p.short] || !glossary.HasCJK(p.long) {
			kept = append(kept, p)
		}
	}
	ix.abbrevs = kept
}

// sharedHead reports Japanese long forms that, once those that only add
// words before another are set aside (「Debian バグ追跡システム」 beside
// 「バグ追跡システム」), open with one character and end in one head noun
// of two kanji or three katakana or more: the same kind of thing, named
// two ways (「バグ追跡システム」, 「バグ報告システム」). Descriptions that only
// share a head (「画像編集ツール」, 「描画ツール」) are not.
func sharedHead(keys []string) bool {
	var mins []string
	for _, k := range keys {
		extends := false
		for _, o := range keys {
			if o != k && strings.HasSuffix(k, o) {
				extends = true
				break
			}
		}
		if !extends && !slices.Contains(mins, k) {
			mins = append(mins, k)
		}
	}
	if len(mins) < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(mins[0])
	for _, k := range mins[1:] {
		if r, _ := utf8.DecodeRuneInString(k); r != first {
			return false
		}
	}
	common := []rune(mins[0])
	for _, k := range mins[1:] {
		r := []rune(k)
		n := 0
		for n < len(common) && n < len(r) && common[len(common)-1-n] == r[len(r)-1-n] {
			n++
		}
		common = common[len(common)-n:]
	}
	if len(common) < 2 {
		return false
	}
	kanji, kata := 0, 0
	for _, r := range common {
		switch {
		case unicode.Is(unicode.Han, r):
			kanji++
		case unicode.Is(unicode.Katakana, r):
			kata++
		}
	}
	return kanji >= 2 || kata >= 3
}

// kanaKey is a Japanese compound without long-vowel marks, middle dots and
// spaces, which spellings of one loanword differ by.
func kanaKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 'ー' || r == '・' || r == ' ' {
			return -1
		}
		return r
	}, s)
}

// hasHiragana reports whether s has a hiragana, the script of Japanese
// grammar (particles, verb endings).
func hasHiragana(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hiragana, r) {
			return true
		}
	}
	return false
}
