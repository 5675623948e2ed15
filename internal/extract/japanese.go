package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Japanese token classes (IPA dictionary part of speech), kept in unit.ja.
const (
	jCommon          uint8 = iota + 1 // 名詞,一般
	jSahen                            // 名詞,サ変接続
	jAdjStem                          // 名詞,形容動詞語幹
	jAdverbial                        // 名詞,副詞可能
	jPerson                           // 名詞,固有名詞,人名
	jPlace                            // 名詞,固有名詞,地域
	jOrg                              // 名詞,固有名詞,組織
	jProper                           // 名詞,固有名詞,一般
	jSuffix                           // 名詞,接尾,一般|サ変接続|特殊
	jSuffixPerson                     // 名詞,接尾,人名
	jSuffixPlace                      // 名詞,接尾,地域
	jSuffixAdverbial                  // 名詞,接尾,副詞可能
	jSuffixAdj                        // 名詞,接尾,形容動詞語幹
	jSuffixCounter                    // 名詞,接尾,助数詞
	jPrefix                           // 接頭詞,名詞接続
	jNumeral                          // 名詞,数 opening a compound: 「二」 of 「二段階認証」
)

func isJASuffix(c uint8) bool { return c >= jSuffix && c <= jSuffixCounter }

// jaClass returns the class of a token, 0 when it ends a noun run.
func jaClass(t *tokenizer.Token) uint8 {
	p0, _ := t.FeatureAt(0)
	switch p0 {
	case "名詞":
		p1, _ := t.FeatureAt(1)
		switch p1 {
		case "一般", "ナイ形容詞語幹":
			// 「問題」 is a ナイ形容詞語幹 (「問題ない」); before a noun it
			// opens a compound: 「問題解決ツール」.
			return jCommon
		case "サ変接続":
			return jSahen
		case "形容動詞語幹":
			return jAdjStem
		case "副詞可能":
			return jAdverbial
		case "非自立":
			if isKatakana(t.Surface) {
				// 「ン」 of 「アイコ」「ン」 (「アイコン」, read as a name
				// and the spoken 「の」): a piece of the loanword.
				return jCommon
			}
		case "固有名詞":
			if t.Class == tokenizer.UNKNOWN {
				// Unknown katakana runs get a guessed proper-noun
				// sub-type; it is noise.
				return jCommon
			}
			if isKatakana(t.Surface) {
				// A katakana token tagged as a name is nearly always a
				// loanword or a piece of one ("サンド" of "サンドボックス").
				return jCommon
			}
			p2, _ := t.FeatureAt(2)
			switch p2 {
			case "人名":
				return jPerson
			case "地域":
				return jPlace
			case "組織":
				if isKatakana(t.Surface) {
					// Katakana loanwords ("アクティブ") are often tagged
					// as organisations; only a suffix makes one.
					return jProper
				}
				return jOrg
			}
			return jProper
		case "接尾":
			p2, _ := t.FeatureAt(2)
			if (p2 == "人名" || p2 == "地域") && isKatakana(t.Surface) {
				return jCommon // "クン" of "トークン"
			}
			switch p2 {
			case "人名":
				return jSuffixPerson
			case "地域":
				return jSuffixPlace
			case "副詞可能":
				return jSuffixAdverbial
			case "形容動詞語幹":
				return jSuffixAdj
			case "助数詞":
				return jSuffixCounter
			}
			return jSuffix
		}
	case "接頭詞":
		if p1, _ := t.FeatureAt(1); p1 == "名詞接続" {
			return jPrefix
		}
	}
	return 0
}

func isASCIIWordish(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(isASCIIAlnum(b) || b == '_' || b == '.' || b == '-') {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isHiragana(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Hiragana, r) && r != 'ー' {
			return false
		}
	}
	return true
}

func isKatakana(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Katakana, r) && r != 'ー' && r != '・' {
			return false
		}
	}
	return true
}

// asciiUnit turns a Latin word found inside Japanese text into a unit.
func asciiUnit(norm string, shape uint8) (unit, bool) {
	switch shape {
	case kAcronym:
		if _, stop := enAcronymStop[norm]; stop || has(enUnits, norm) {
			return unit{}, false
		}
	case kIdent:
		if has(enUnits, norm) {
			return unit{}, false
		}
	case kCap, kLower:
		l := strings.ToLower(norm)
		if _, stop := enStop[l]; stop || len(l) < 2 {
			return unit{}, false
		}
	default:
		return unit{}, false
	}
	k := strings.ToLower(norm)
	return unit{text: norm, key: k, sing: norm, singKey: k, kind: shape}, true
}

// asciiWord returns the last token and the end of the Latin word that
// starts at token i of seg: the dictionary splits "node-exporter" and
// "TCP/IP" into pieces. A slash joins pieces only in a name ("GNU/Linux",
// "HTTP/2"), not in a path.
func asciiWord(seg string, toks []tokenizer.Token, i int) (last, end int) {
	start := toks[i].Position
	last, end = i, start+len(toks[i].Surface)
	for last+1 < len(toks) && toks[last+1].Position == end && isASCIIWordish(toks[last+1].Surface) {
		last++
		end += len(toks[last].Surface)
	}
	for last+2 < len(toks) && toks[last+1].Surface == "/" && toks[last+1].Position == end && isASCIIWordish(toks[last+2].Surface) {
		k, e := last+2, end+1+len(toks[last+2].Surface)
		for k+1 < len(toks) && toks[k+1].Position == e && isASCIIWordish(toks[k+1].Surface) {
			k++
			e += len(toks[k].Surface)
		}
		if !slashName(seg[start:e]) {
			break
		}
		last, end = k, e
	}
	// "WEB+DB PRESS": a plus between two words in capitals joins them;
	// split, "DB PRESS用語統一ルール" was a term without its "WEB+".
	for last+2 < len(toks) && toks[last+1].Surface == "+" && toks[last+1].Position == end &&
		toks[last+2].Position == end+1 && capitalsWord(seg[start:end]) && capitalsWord(toks[last+2].Surface) {
		last, end = last+2, end+1+len(toks[last+2].Surface)
	}
	// "B+木", "C++の関数": a name's plus or sharp signs (see langSuffix).
	if last+1 < len(toks) && toks[last+1].Position == end {
		if n := langSuffix(seg[start:end], seg[end:]); n > 0 && toks[last+1].Surface == seg[end:end+n] {
			last, end = last+1, end+n
		}
	}
	return last, end
}

// jaPathPiece reports a Latin word of Japanese text that is part of a
// path: the run of Latin letters, digits, dots, dashes and slashes around
// it starts at the root, the home or the current directory ("/usr/share",
// "~/.config", "./bin"), or has two slashes and a part in lower case
// ("PREFIX/share/config.site"). Japanese text also writes "/" between the
// words of a list ("JSON/XML", 「ページャ/WWWブラウザ」): those are words.
func jaPathPiece(seg string, start, end int) bool {
	pathByte := func(c byte) bool {
		return c < utf8.RuneSelf && (isASCIIAlnum(c) || strings.IndexByte("/._-~$+", c) >= 0)
	}
	if !(start > 0 && seg[start-1] == '/' || end < len(seg) && seg[end] == '/') {
		return false
	}
	i, j := start, end
	for i > 0 && pathByte(seg[i-1]) {
		i--
	}
	for j < len(seg) && pathByte(seg[j]) {
		j++
	}
	run := seg[i:j]
	if strings.HasPrefix(run, "/") || strings.HasPrefix(run, "~/") || strings.HasPrefix(run, "./") || strings.HasPrefix(run, "../") || strings.HasPrefix(run, "$") {
		return true
	}
	if strings.Count(run, "/") < 2 {
		return false
	}
	for _, part := range strings.Split(run, "/") {
		if part != "" && strings.ToLower(part) == part && strings.IndexFunc(part, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// capitalsWord reports a word of two capital letters or more (digits
// allowed): "WEB", "DB", "MP3".
func capitalsWord(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			letters++
		case '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// jaSegment extracts the candidates of one stretch of Japanese text;
// d.jaHead tells whether it is in a heading.
func (d *docState) jaSegment(seg string) {
	toks := d.tk.Analyze(seg, tokenizer.Normal)
	run := d.run[:0]
	sentStart := 0 // index of the first token of the current sentence
	joinAt := -1   // the token after a space that joins a Latin word to a Japanese noun
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		s := t.Surface
		if s == " " && len(run) > 0 && run[len(run)-1].kind == kAcronym && jaJoinsAfterSpace(toks, i) {
			// "IP アドレス", "PO ファイル", "RC バグ": Japanese text writes a
			// space between a Latin word and the noun it modifies; an
			// acronym and its noun are one term, the same as "IPアドレス".
			// A name before a noun ("Debian パッケージトラッカー", "dpkg
			// データベース") only says whose: the noun, and the name, are
			// the terms.
			joinAt = i + 1
			continue
		}
		if s == " " && len(run) > 0 && run[len(run)-1].kind == kCap && jaOrgAfterSpace(toks, i) {
			// "Debian プロジェクト", "Apache ソフトウェア財団": a name and the
			// word for an organisation, one name as "Debian Project" is.
			joinAt = i + 1
			continue
		}
		if isASCIIWordish(s) {
			start := t.Position
			j, end := asciiWord(seg, toks, i)
			i = j
			norm, shape := wordShape(seg[start:end])
			u, ok := asciiUnit(norm, shape)
			if ok && end < len(seg) && seg[end] == '/' && jaPathPiece(seg, start, end) {
				// A directory of a path ("/usr/share/doc/debian", "/var/lib/apt/")
				// is not a word of the text: "usr" and "var" were terms of
				// apt's Japanese manual pages. The file a path ends in
				// ("/etc/xinetd.conf", "/var/log/wtmp") is one: manual
				// pages are about such files.
				ok = false
			}
			if !ok {
				run = d.jaFlush(run)
				continue
			}
			// Capitalised Latin words separated by single spaces are one
			// name: "OPC UA", "Stock Keeping Unit".
			for u.kind == kCap || u.kind == kAcronym {
				// "Lintian User's Manual": a possessive inside a title
				// (see titlePossessive) joins too.
				sp, poss := i+1, ""
				if u.kind == kCap && i+3 < len(toks) && (toks[i+1].Surface == "'" || toks[i+1].Surface == "’") && toks[i+2].Surface == "s" &&
					toks[i+1].Position == toks[i].Position+len(toks[i].Surface) && toks[i+2].Position == toks[i+1].Position+len(toks[i+1].Surface) {
					sp, poss = i+3, toks[i+1].Surface+"s"
				}
				if !(sp+1 < len(toks) && toks[sp].Surface == " " && toks[sp+1].Position == toks[sp].Position+1 && isASCIIWordish(toks[sp+1].Surface)) {
					break
				}
				nstart := toks[sp+1].Position
				k, nend := asciiWord(seg, toks, sp+1)
				nn, ns := wordShape(seg[nstart:nend])
				if poss != "" && (ns != kCap || !has(enDocKinds, strings.ToLower(nn))) {
					break
				}
				nu, ok := asciiUnit(nn, ns)
				if !ok && ns == kCap && !has(determiners, strings.ToLower(nn)) && !has(enRunPreps, strings.ToLower(nn)) {
					// "Keeping" of "Stock Keeping Unit" is a stop word alone.
					nu, ok = unit{text: nn, key: strings.ToLower(nn), kind: kCap}, true
				}
				if !ok || nu.kind != kCap && nu.kind != kAcronym {
					break
				}
				if poss != "" {
					u.text += poss
					u.key += "'s"
				}
				u.text += " " + nu.text
				u.key += " " + nu.key
				u.sing, u.singKey = u.text, u.key
				if u.kind == kAcronym && nu.kind == kCap {
					u.kind = kCap
				}
				i = k
			}
			run = append(run, u)
			continue
		}
		if n := kanaDropWord(toks, i); n > 0 {
			// 「ら抜き言葉」, 「さ入れ言葉」: the kana is the word's own (the
			// dictionary reads it as a particle, and "抜き言葉" was a term).
			u := unit{text: s + toks[i+1].Surface, key: s + toks[i+1].Surface, kind: kJA, ja: jCommon}
			u.sing, u.singKey = u.text, u.key
			run = append(run, u)
			i += n - 1
			continue
		}
		if kanjiVerbPrefix(toks, i) {
			w := s + toks[i+1].Surface
			i++
			if n := toks[i+1].Surface; utf8.RuneCountInString(n) == 1 {
				// 「先」 of 「仕入先」: a one-kanji noun ends the word.
				w += n
				i++
			}
			run = append(run, unit{text: w, key: w, sing: w, singKey: w, kind: kJA, ja: jCommon})
			continue
		}
		joined := i == joinAt
		c := jaClass(t)
		pieces := uint8(0)
		if (c == jCommon || c == jSahen) && isKatakana(s) {
			// The dictionary splits a loanword it lacks into pieces it has:
			// クラスター as クラ+スター, ワークロード as ワーク+ロード, and the
			// pieces became terms of their own ("クラ" nested in many
			// compounds). Touching katakana nouns are one word when a piece
			// is short; two long words (コンテナ+イメージ) stay a compound.
			end, last := t.Position+len(s), s
			for i+1 < len(toks) && toks[i+1].Position == end {
				next := toks[i+1].Surface
				nc := jaClass(&toks[i+1])
				if !isKatakana(next) || nc != jCommon && nc != jSahen ||
					utf8.RuneCountInString(last) >= 4 && utf8.RuneCountInString(next) >= 4 ||
					strings.HasSuffix(last, "・") || strings.HasPrefix(next, "・") {
					break
				}
				i++
				s += next
				end += len(next)
				last, c = next, nc
				pieces++
			}
		}
		if c == jCommon && isKatakana(s) && jaAdjectivalNa(toks, i) {
			// 「インタラクティブなプログラム」, 「シンプルな設定」: a loanword
			// the dictionary lacks, before the adjectival 「な」, is an
			// adjective, as a 形容動詞語幹 is; 「ファイルなので」 is a noun.
			c = jAdjStem
		}
		if len(run) == 0 && jaNumeralOpens(toks, i) {
			run = append(run, unit{text: s, key: s, sing: s, singKey: s, kind: kJA, ja: jNumeral})
			continue
		}
		if c == 0 || !hasLetter(s) || isJaNumeral(s) {
			if len(run) > 0 && (s == "（" || s == "(") && i+2 < len(toks) && isAcronymText(toks[i+1].Surface) &&
				(toks[i+2].Surface == "）" || toks[i+2].Surface == ")") {
				d.jaCues = 1 << cueExpansion
			}
			if len(run) > 0 && jaDefiningFollow(toks[i:]) && runOpens(run, toks[sentStart:i]) {
				// 「喫水とは、…」, 「喫水、すなわち…」: the sentence states
				// what the run is.
				d.jaCues |= 1 << cueDefined
				if jaAsks(toks[i:]) {
					d.jaCues |= 1 << cueAsked
				}
			}
			d.jaEnd = s
			run = d.jaFlush(run)
			d.jaCues, d.jaEnd = 0, ""
			switch s {
			case "。", "！", "？", "．":
				sentStart = i + 1
			}
			continue
		}
		if c < jPerson || c > jProper {
			if _, stop := jaStopNouns[s]; stop {
				// "可能" inside "コンテンツアドレス可能ストレージ"; "実行" ending
				// "リモート実行".
				inner := len(run) > 0 && has(jaInnerOK, s) && i+1 < len(toks) && jaClass(&toks[i+1]) != 0 && !isJASuffix(jaClass(&toks[i+1])) ||
					// 「冪等性」, 「同等性」: 等 before a noun or a suffix is
					// inside a word the dictionary lacks, not "etc.".
					s == "等" && len(run) > 0 && i+1 < len(toks) && jaClass(&toks[i+1]) != 0
				tail := len(run) > 0 && run[len(run)-1].kind == kJA && run[len(run)-1].ja != jPrefix && has(jaTailOK, s)
				// "利用" opening "利用料金", "実行" opening "実行環境": an
				// action noun before a noun that is not a stop word.
				head := has(jaHeadOK, s) && i+1 < len(toks) && (jaNounHead(&toks[i+1]) ||
					has(jaHeadSuffixes, toks[i+1].Surface) && toks[i+1].Position == toks[i].Position+len(s))
				if !inner && !tail && !head && !timeHead(toks, i, len(run)) {
					run = d.jaFlush(run)
					continue
				}
			}
		}
		u := unit{text: s, key: s, sing: s, singKey: s, kind: kJA, ja: c, pieces: pieces}
		if joined && len(run) > 0 && run[len(run)-1].kind != kJA {
			u.text, u.sing = " "+s, " "+s // shown as written, keyed as one word
		}
		switch {
		case c == jPrefix:
			if _, drop := jaDropPrefix[s]; drop {
				run = d.jaFlush(run)
				continue
			}
			// A prefix inside a compound continues it: "有向非巡回グラフ".
			if len(run) == 0 || run[len(run)-1].ja == jPrefix {
				run = d.jaFlush(run)
			}
			run = append(run, u)
			continue
		case isJASuffix(c):
			if len(run) == 0 || run[len(run)-1].ja == jPrefix {
				run = d.jaFlush(run)
				continue
			}
		}
		run = append(run, u)
	}
	d.run = d.jaFlush(run)
}

// jaAdjectivalNa reports the token after toks[i] as the 「な」 that joins
// an adjective to its noun: not the copula's 「なので」, 「なのです」,
// 「なら」.
func jaAdjectivalNa(toks []tokenizer.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Surface != "な" || toks[i+1].Position != toks[i].Position+len(toks[i].Surface) {
		return false
	}
	if p0, _ := toks[i+1].FeatureAt(0); p0 != "助動詞" {
		return false
	}
	if i+2 < len(toks) {
		switch toks[i+2].Surface {
		case "の", "ので", "のに", "のだ", "のか", "のです", "ん", "んだ", "んです":
			return false
		}
	}
	return true
}

// timeHead reports 「時」 at toks[i] opening a word before a noun in kanji
// that the dictionary splits from it (「時系列」, 「時定数」, 「時分割」): at the
// start of a run, after neither a noun nor 「その」 (「その時データが…」,
// 「起動時に」 keep 時 as "when").
func timeHead(toks []tokenizer.Token, i, run int) bool {
	if toks[i].Surface != "時" || run > 0 || i+1 >= len(toks) || toks[i+1].Position != toks[i].Position+len("時") {
		return false
	}
	next := &toks[i+1]
	if c := jaClass(next); c != jCommon && c != jSahen || has(jaStopNouns, next.Surface) || !allHan(next.Surface) {
		return false
	}
	if i == 0 {
		return true
	}
	prev := &toks[i-1]
	p0, _ := prev.FeatureAt(0)
	return jaClass(prev) == 0 && p0 != "連体詞"
}

// allHan reports a word written in kanji alone.
func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// jaJoinsAfterSpace reports a half-width space at toks[i] before a
// Japanese noun of two characters or more, or of katakana ("IP アドレス",
// "PO ファイル"): one compound with the Latin word before it. A particle
// ("apt で") or a one-character noun ("Emacs 上") is not joined.
func jaJoinsAfterSpace(toks []tokenizer.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Position != toks[i].Position+1 {
		return false
	}
	next := &toks[i+1]
	if c := jaClass(next); c != jCommon && c != jSahen {
		return false
	}
	if _, stop := jaStopNouns[next.Surface]; stop {
		return false
	}
	return glossary.HasCJK(next.Surface) && (utf8.RuneCountInString(next.Surface) >= 2 || isKatakana(next.Surface))
}

// jaOrgAfterSpace reports a half-width space at toks[i] before
// 「プロジェクト」 or 「財団」 that ends its noun run: the name before it
// names an organisation ("Debian プロジェクト"); "Debian プロジェクトリー
// ダー" (a noun after it) is the organisation's leader, not joined.
func jaOrgAfterSpace(toks []tokenizer.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Position != toks[i].Position+1 || !jaOrgNouns[toks[i+1].Surface] {
		return false
	}
	if i+2 < len(toks) {
		if n := &toks[i+2]; n.Position == toks[i+1].Position+len(toks[i+1].Surface) && jaClass(n) != 0 && glossary.HasCJK(n.Surface) {
			return false
		}
	}
	return true
}

// jaOrgNouns are the words for an organisation that a name before them
// joins, written after a space.
var jaOrgNouns = map[string]bool{"プロジェクト": true, "財団": true}

// kanaDropWord returns 2 when token i is a single kana that names what a
// following 「抜き」 or 「入れ」 drops or inserts (「ら抜き言葉」, 「い抜き」,
// 「さ入れ言葉」), at the start of a word; 0 otherwise.
func kanaDropWord(toks []tokenizer.Token, i int) int {
	t := &toks[i]
	if utf8.RuneCountInString(t.Surface) != 1 || !isHiragana(t.Surface) || i+1 >= len(toks) {
		return 0
	}
	if next := toks[i+1]; next.Position != t.Position+len(t.Surface) || next.Surface != "抜き" && next.Surface != "入れ" {
		return 0
	}
	if i > 0 && isHiragana(toks[i-1].Surface) && toks[i-1].Position+len(toks[i-1].Surface) == t.Position {
		return 0 // 「…しなければ抜き…」: the kana ends another word
	}
	if i > 0 && toks[i-1].Position+len(toks[i-1].Surface) == t.Position && jaClass(&toks[i-1]) != 0 {
		// 「パッケージを入れます」: a particle after a noun, and the verb
		// after it.
		return 0
	}
	return 2
}

// kanjiVerbPrefix reports token i as a verb written in one kanji, touching
// a noun prefix that touches a noun: the IPA dictionary reads 「仕入先」 as
// 「仕」 (する), 「入」 and 「先」, a word written without okurigana whose
// first two kanji are one piece.
func kanjiVerbPrefix(toks []tokenizer.Token, i int) bool {
	t := &toks[i]
	if i+2 >= len(toks) || utf8.RuneCountInString(t.Surface) != 1 || !allHan(t.Surface) {
		return false
	}
	if p0, _ := t.FeatureAt(0); p0 != "動詞" {
		return false
	}
	p, n := &toks[i+1], &toks[i+2]
	if p.Position != t.Position+len(t.Surface) || n.Position != p.Position+len(p.Surface) {
		return false
	}
	c := jaClass(n)
	return jaClass(p) == jPrefix && c != 0 && c != jPrefix
}

// jaFlush trims one maximal noun run and records it with its sub-spans; it
// returns the emptied run buffer.
//
// Containment rule: as in the original, a candidate that only occurs inside
// a longer candidate of the same document is not attested there (so
// "メッセージ" inside "メッセージブローカー" is not a term of its own). We keep
// it when it also occurs on its own somewhere in the document: the original
// dropped such substrings, which lost terms that the documents use both alone
// and as part of compounds. Its occurrences inside longer candidates still
// count in its frequency, which feeds the C-value ranking.
func (d *docState) jaFlush(run []unit) []unit {
	if len(run) == 0 {
		return run
	}
	cues := d.jaCues
	for len(run) > 0 {
		switch l := run[len(run)-1]; {
		case l.kind == kJA && l.ja == jSuffixPerson:
			if _, ok := jaHonorific[l.text]; ok {
				run = run[:len(run)-1]
				cues |= 1 << cuePerson
				continue
			}
		case l.kind == kJA && (l.ja == jPrefix || l.ja == jNumeral || l.ja == jAdjStem || l.ja == jSuffixAdj || l.ja == jSuffixAdverbial || l.ja == jSuffixCounter):
			run = run[:len(run)-1]
			continue
		case l.kind == kJA && (l.text == "付き" || l.text == "付"):
			// 「名前付きの範囲」, 「条件付きで」: "with a name", a modifier
			// (「条件付き書式設定」 goes on to its noun).
			return run[:0]
		case l.kind == kJA && has(jaTrailStrip, l.text) && !(l.text == "単位" && jaSubjectMark(d.jaEnd)):
			// "クラスタ側", "モノレポ向け", "認証用": the suffix says where or
			// what for, the noun before it is the term. 「ファイル単位で」
			// says "per file"; 「配送単位は」 and a table's 「配送単位」 cell
			// name a unit of delivery.
			run = run[:len(run)-1]
			continue
		}
		break
	}
	// A leading time word says when, not what: "毎週ワーカー".
	for len(run) > 1 && run[0].kind == kJA && run[0].ja == jAdverbial && isJaTimeWord(run[0].text) {
		run = run[1:]
	}
	for len(run) > 0 && run[len(run)-1].kind == kJA && isHiragana(run[len(run)-1].text) {
		run = run[:len(run)-1]
	}
	for len(run) > 0 && run[0].kind == kJA && isHiragana(run[0].text) {
		run = run[1:]
	}
	n := len(run)
	if n == 0 {
		return run[:0]
	}
	persons := 0
	for _, u := range run {
		if u.kind == kJA && u.ja == jPerson {
			persons++
		}
	}
	last := run[n-1]
	titleEnd := false
	if last.kind == kJA && n >= 2 {
		_, isTitle := jaTitleWords[last.text]
		titleEnd = isTitle || last.ja == jSuffixPerson
	}
	namePart := titleEnd
	for _, u := range run[:n-1] {
		if u.kind != kJA || u.ja != jPerson {
			namePart = false
		}
	}
	const maxLen = 6
	// A heading names a section; its compound is a term only if the text
	// uses it too ("基本概念", "早見表" are not).
	attestFull := n <= maxLen && !(d.jaHead && n > 1)
	for i := 0; i < n; i++ {
		f := run[i]
		if f.kind == kJA && isJASuffix(f.ja) {
			continue
		}
		for j := i + 1; j <= n && j-i <= maxLen; j++ {
			l := run[j-1]
			if l.kind == kJA && (l.ja == jPrefix || j < n && (l.text == "付き" || l.text == "付")) {
				// 「条件付き」 of 「条件付きテキスト」: a modifier, no term.
				continue
			}
			span := run[i:j]
			attested := i == 0 && j == n && attestFull
			var c cueSet
			if j == n {
				c = cues
				if i > 0 {
					c &^= 1 << cueExpansion // only the whole run is expanded
				}
			}
			if len(span) == 1 {
				if f.kind != kJA {
					attested = attested || f.kind == kAcronym || f.kind == kIdent
				} else {
					switch f.ja {
					case jCommon, jSahen:
					case jPerson:
						// A surname or given name is a term of its own only
						// when it is the whole name used here.
						attested = attested || persons == 1
					case jPlace, jOrg, jProper:
						attested = true
					default:
						continue
					}
					if !jaSingleOK(f.text) {
						continue
					}
				}
			}
			if namePart && i == 0 && j == n-1 {
				attested = true
				c |= 1 << cuePerson
			}
			if allJaGeneric(span) || jaOrdinal(span) || jaCount(span) {
				continue
			}
			d.record(span, true, attested, c)
		}
	}
	return run[:0]
}

// isAcronymText reports an all-capital Latin word of 2 to 6 letters.
func isAcronymText(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isJaNumeral reports numerals and counted quantities written as one token:
// "一つ", "三", "2つ", "十".
func isJaNumeral(s string) bool {
	s = strings.TrimSuffix(s, "つ")
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("一二三四五六七八九十百千万〇零0123456789０１２３４５６７８９", r) {
			return false
		}
	}
	return true
}

// jaNumeralOpens reports whether the numeral at toks[i] opens a compound
// term: 「ゼロ」 before a noun (「ゼロ除算」, 「ゼロ幅スペース」), a kanji digit
// before a noun and another noun (「二段階認証」, 「二要素認証」) or before a
// counter that forms words and a noun (「二重否定」, 「三層構造」, 「一次キャッシュ」).
// Counts and times are not terms: 「二段階で」, 「二つの」, 「三回実行」.
func jaNumeralOpens(toks []tokenizer.Token, i int) bool {
	t := &toks[i]
	if p0, _ := t.FeatureAt(0); p0 != "名詞" {
		return false
	}
	if p1, _ := t.FeatureAt(1); p1 != "数" {
		return false
	}
	noun := func(j int) bool {
		if j >= len(toks) || toks[j].Position != toks[j-1].Position+len(toks[j-1].Surface) {
			return false
		}
		c := jaClass(&toks[j])
		return (c == jCommon || c == jSahen) && !has(jaStopNouns, toks[j].Surface)
	}
	switch {
	case t.Surface == "ゼロ":
		return noun(i + 1)
	case utf8.RuneCountInString(t.Surface) != 1 || !strings.Contains("一二三四五六七八九十", t.Surface):
		return false
	case noun(i + 1):
		return noun(i + 2)
	case i+1 < len(toks) && has(jaWordCounters, toks[i+1].Surface) && toks[i+1].Position == t.Position+len(t.Surface):
		return noun(i + 2)
	}
	return false
}

// jaWordCounters are counters and suffixes that make words with a numeral
// (「二重」, 「三層」, 「一次」, 「二値」, 「二相」, 「三項」), unlike counts
// (「三回」, 「二つ」, 「五人」).
var jaWordCounters = wordSet(`重 層 次 次元 値 相 項 極 進 段 元 面 色 角 分木`)

// isJaTimeWord reports adverbial nouns of time: "毎週", "今年", "当初".
func isJaTimeWord(s string) bool {
	if has(jaStopNouns, s) {
		return true
	}
	for _, p := range []string{"毎", "今", "昨", "来", "先", "翌", "前", "当"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	for _, p := range []string{"年", "月", "週", "日", "朝", "晩", "夜", "回", "時"} {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// allJaGeneric reports spans made only of generic words ("基本概念",
// "最小単位", "絶対位置").
func allJaGeneric(span []unit) bool {
	for _, u := range span {
		if u.kind != kJA || !has(jaGeneric, u.text) {
			return false
		}
	}
	return true
}

// jaSingleOK reports whether a single Japanese token may be a candidate.
func jaSingleOK(s string) bool {
	if len([]rune(s)) < 2 || isHiragana(s) {
		return false
	}
	_, stop := jaSingleStop[s]
	return !stop
}

// jaSingleStop are nouns that are fine inside compounds but say nothing on
// their own.
var jaSingleStop = wordSet(`時 前 後 中 間 上 下 内 外 方 次 点 例 一部 全部 全体 必要 不要 可能 不可能 最初 最後
	最新 今 一般 特定 任意 複数 単一 個別 場所 自分 目的 結果 理由 方法 内容 状態 部分 程度 範囲 対象 関係 問題
	意味 説明 使用 利用 参照 確認 注意 記載 記述 実施 実行 対応 存在 追加 変更 設定 場面 詳細 概要 当社 弊社 手順
	時間 日 月 年 人 者 数 値 量 的 性 化 型 用 版 等 系 側 毎 各 全 同 別 以外 予定 一覧 種類 場合 機能 情報 作成
	処理 操作 表示 指定 入力 出力 選択 開始 終了 完了 成功 失敗 実装 導入 提供 管理 動作 発生 取得 送信 受信
	オン オフ`)

// jaOrdinal reports a span that is only an ordinal's counter: 「番目」.
func jaOrdinal(span []unit) bool {
	if len(span) > 2 {
		return false
	}
	var sb strings.Builder
	for _, u := range span {
		sb.WriteString(u.text)
	}
	return has(jaOrdinals, sb.String())
}

// jaCount reports a numeral with only counters or suffixes after it: 「二重」
// of 「二重否定」 and 「二重助詞」 is a count, not a term they share.
func jaCount(span []unit) bool {
	if span[0].kind != kJA || span[0].ja != jNumeral {
		return false
	}
	for _, u := range span[1:] {
		if u.kind != kJA || !isJASuffix(u.ja) {
			return false
		}
	}
	return true
}

// jaOrdinals are the counters of an ordinal (「2 番目」, 「3 回目」): after a
// space the tokenizer reads them as nouns, never a term on their own.
var jaOrdinals = wordSet(`番目 回目 個目 度目 人目 日目 年目 行目 列目 文字目 件目 点目 つ目 段目 章目 週目`)

// jaSubjectMark reports the token after a noun run that makes it a
// subject, an object or a key: a particle (は, が, を, も, とは) or a
// table's or a key line's separator; "" is the end of a line or a cell.
func jaSubjectMark(s string) bool {
	switch s {
	case "", " ", "　", "は", "が", "を", "も", "と", "|", "｜", "：", ":", "。", "\n":
		return true
	}
	return false
}

// jaTrailStrip are suffix nouns stripped from the end of a noun run.
var jaTrailStrip = wordSet(`済み 済 側 同士 向け 向き 用 越し 自体 全体 以外 同様 中 内 上 下 前 後 間 毎 ごと 別 たち 達 等 など 経由 単位 専用`)

// jaTailOK are stop nouns that may end a compound after another noun:
// "リモート実行", "依存関係", "環境設定", "単一障害点", "セル範囲".
var jaTailOK = wordSet(`実行 設定 関係 変更 追加 参照 点 範囲`)

// jaDefiningFollow reports the words after a sentence's opening noun that
// make the sentence state what it is: とは, は、, 、つまり, 、すなわち, って,
// というのは, or the colon of a list key.
func jaDefiningFollow(toks []tokenizer.Token) bool {
	next := func(k int) string {
		if k < len(toks) {
			return toks[k].Surface
		}
		return ""
	}
	a, b := next(0), next(1)
	if a == "（" || a == "(" {
		// 「接岸（せつがん）は、…」: the word's reading, then what the
		// sentence states of it.
		for k := 1; k < len(toks) && k <= 6; k++ {
			if s := toks[k].Surface; s == "）" || s == ")" {
				if k > 1 {
					return jaDefiningFollow(toks[k+1:])
				}
				return false
			} else if !isHiragana(s) && !isKatakana(s) {
				return false
			}
		}
		return false
	}
	switch {
	// 「，」 is 「、」 in text written with 「，．」.
	case a == "と" && b == "は", a == "は" && (b == "、" || b == "，"), a == "って", a == "という" && b == "の":
		return true
	case (a == "、" || a == "，") && (b == "つまり" || b == "すなわち"):
		return true
	case a == "：" || a == ":":
		return true
	}
	return false
}

// jaAsks reports a question on the noun before toks: 「とは何ですか」,
// 「とは何か」, 「とは？」, 「って何」.
func jaAsks(toks []tokenizer.Token) bool {
	at := func(k int) string {
		if k < len(toks) {
			return toks[k].Surface
		}
		return ""
	}
	k := 0
	switch {
	case at(0) == "と" && at(1) == "は":
		k = 2
	case at(0) == "って":
		k = 1
	default:
		return false
	}
	switch at(k) {
	case "何", "なに", "？", "?":
		return true
	}
	return false
}

// runOpens reports whether run is all of the sentence so far, toks: the
// noun the sentence opens with.
func runOpens(run []unit, toks []tokenizer.Token) bool {
	var r, t strings.Builder
	for _, u := range run {
		r.WriteString(strings.ReplaceAll(u.text, " ", ""))
	}
	for _, tk := range toks {
		t.WriteString(strings.TrimSpace(tk.Surface))
	}
	// 「・曳船：…」: a plain-text bullet before the run; 「Q. 曳船とは何
	// ですか？」: an FAQ's question mark.
	opening := strings.TrimLeft(t.String(), "・•●◦")
	for _, q := range []string{"Q.", "Q:", "Q．", "Q：", "Ｑ.", "Ｑ．", "Ｑ：", "Q"} {
		if rest, ok := strings.CutPrefix(opening, q); ok && rest == r.String() {
			return true
		}
	}
	return r.Len() > 0 && r.String() == opening
}

// jaHeadOK are stop nouns (actions, states) that may open a compound
// before another noun: "利用料金", "実行環境", "設定ファイル", "変更履歴",
// "状態コード", "問題解決ツール".
var jaHeadOK = wordSet(`利用 使用 実行 設定 変更 追加 参照 状態 問題 対象`)

// jaHeadSuffixes are the suffixes a jaHeadOK noun makes a word with:
// "利用者", "使用量", "使用率", "設定値", "参照先".
var jaHeadSuffixes = wordSet(`者 量 率 料 値 先 元 権 数`)

// jaNounHead reports a token that a jaHeadOK noun may open a compound
// with: a common noun, not a suffix, not a stop word.
func jaNounHead(tok *tokenizer.Token) bool {
	c := jaClass(tok)
	if c == 0 || isJASuffix(c) || c == jPrefix {
		return false
	}
	return !has(jaStopNouns, tok.Surface)
}

// jaInnerOK are stop nouns that may sit inside a compound between two nouns.
var jaInnerOK = wordSet(`可能 不可能`)

// jaGeneric are abstract words; a compound made only of them is not a term.
var jaGeneric = wordSet(`基本 概念 最小 最大 単位 絶対 相対 位置 早見 表 規模 大 小 全体 部分 一時 通常 一般 全般 主要 重要
	簡単 詳細 概要 基礎 応用 入門 注意 事項 留意 点 改善 相違 共通 疑問 一覧 目次 付録 補足 参考 関連 その他 大半 多数 少数 一部 全部`)

// jaOrgWeak are organisation suffixes that only count after a proper noun.
var jaOrgWeak = wordSet(`部 課 室 局 チーム グループ センター 事務所 研究会`)

// jaCategory classifies a Japanese candidate.
func jaCategory(us []unit, cues *[nCues]int, freq int) glossary.Category {
	n := len(us)
	if n == 1 {
		u := us[0]
		if u.kind != kJA {
			return enCategory(us, cues, freq)
		}
		switch u.ja {
		case jPerson:
			return glossary.PersonName
		case jPlace:
			return glossary.PlaceName
		case jOrg:
			return glossary.Organization
		case jProper:
			return glossary.TechnicalTerm
		}
		if _, ok := jaTitleWords[u.text]; ok {
			return glossary.Title
		}
		if isKatakana(u.text) {
			if _, ok := jaCommonKatakana[u.text]; ok {
				return glossary.CommonNoun
			}
			return glossary.TechnicalTerm
		}
		return glossary.CommonNoun
	}
	first, last := us[0], us[n-1]
	allPerson, anyOrg, anyProper, allPlace := true, false, false, true
	for _, u := range us {
		if u.kind != kJA || u.ja != jPerson {
			allPerson = false
		}
		if u.kind != kJA || u.ja != jPlace {
			allPlace = false
		}
		if u.kind == kJA && u.ja == jOrg {
			anyOrg = true
		}
		if u.kind == kJA && (u.ja >= jPerson && u.ja <= jProper) || u.kind == kCap {
			anyProper = true
		}
	}
	if allPerson {
		return glossary.PersonName
	}
	if last.kind == kJA {
		if _, ok := jaTitleWords[last.text]; ok || last.ja == jSuffixPerson {
			return glossary.Title
		}
	}
	if _, ok := jaOrgSuffix[last.text]; ok {
		if _, weak := jaOrgWeak[last.text]; !weak || anyProper {
			return glossary.Organization
		}
	}
	if anyOrg || first.text == "株式会社" || first.text == "有限会社" || first.text == "合同会社" {
		return glossary.Organization
	}
	if allPlace || last.kind == kJA && last.ja == jSuffixPlace {
		return glossary.PlaceName
	}
	if first.kind == kJA && first.ja == jPlace {
		if _, ok := jaPlaceNouns[last.text]; ok {
			return glossary.PlaceName
		}
	}
	return glossary.TechnicalTerm
}
