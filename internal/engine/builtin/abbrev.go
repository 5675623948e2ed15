package builtin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/extract"
	"github.com/genglossary/genglossary/internal/glossary"
)

// isAbbrev reports whether s looks like an abbreviation: 2 to 10 ASCII
// letters or digits starting with a capital, at least two capitals, and an
// optional trailing lower-case "s".
func isAbbrev(s string) bool {
	if len(s) < 2 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	upper := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= '0' && c <= '9':
		case c == 's' && i == len(s)-1:
		default:
			return false
		}
	}
	return upper >= 2
}

// spellsInitials reports a word that can abbreviate a phrase by its
// initials: an abbreviation ("ABI", "APIs") or a mixed-case one whose lower
// case letters are small words ("QoS" for quality of service, "IoT",
// "PaaS"). Callers check the initials against the phrase.
func spellsInitials(s string) bool {
	if isAbbrev(s) {
		return true
	}
	if len(s) < 3 || len(s) > 6 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	upper, lower := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		default:
			return false
		}
	}
	return upper >= 2 && lower <= upper && s[len(s)-1] >= 'A' && s[len(s)-1] <= 'Z'
}

// initialsMatch reports whether the words, read as initials (hyphenated parts
// count separately; "of", "and", "the" ... may be skipped), spell abbr.
func initialsMatch(words []string, abbr string) bool {
	abbr = strings.ToLower(strings.TrimSuffix(abbr, "s"))
	var parts []string
	for _, w := range words {
		for p := range strings.SplitSeq(w, "-") {
			if p != "" {
				parts = append(parts, p)
			}
		}
	}
	return matchInitials(parts, abbr)
}

func matchInitials(parts []string, abbr string) bool {
	if len(parts) == 0 {
		return abbr == ""
	}
	if abbr == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(parts[0])
	a, _ := utf8.DecodeRuneInString(abbr)
	if unicode.ToLower(first) == a && matchInitials(parts[1:], abbr[1:]) {
		return true
	}
	if p := parts[0]; len(p) >= 2 && len(p) < len(abbr) && isAbbrev(p) && strings.HasPrefix(abbr, strings.ToLower(p)) &&
		matchInitials(parts[1:], abbr[len(p):]) {
		// "PPP over Ethernet (PPPoE)": an abbreviation in the long form
		// keeps all its letters.
		return true
	}
	// Small words may be left out of the abbreviation.
	switch strings.ToLower(parts[0]) {
	case "of", "and", "the", "for", "to", "in", "on", "a", "an":
		return matchInitials(parts[1:], abbr)
	}
	return false
}

// trimWord removes punctuation around an English word.
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}

// isJaTermRune reports whether r can be part of a Japanese compound noun
// (kanji, katakana, the prolonged sound mark, Latin letters and digits).
func isJaTermRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Katakana) || r == 'ー' || r == '々' ||
		(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)))
}

// trailingJaRun returns the longest suffix of s made of isJaTermRune runes.
func trailingJaRun(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == '・' && i < len(s) {
			// 「オペレーティング・システム」: a middle dot between katakana
			// words is inside the compound.
			prev, _ := utf8.DecodeLastRuneInString(s[:i-size])
			next, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.Is(unicode.Katakana, prev) || prev == 'ー' {
				if unicode.Is(unicode.Katakana, next) {
					i -= size
					continue
				}
			}
		}
		if !isJaTermRune(r) {
			break
		}
		i -= size
	}
	return s[i:]
}

// jaLongFormFits reports whether a Japanese compound can be the long form
// of abbr: at least two characters, and no fewer than the letters it
// expands, since each letter stands for a word and a Japanese word takes a
// character at least (「人事 (HR)」, 「仮想マシン (VM)」). 「レイアウトの情報
// (CSS)」 gives 「情報」, which names what CSS is about, not what it
// stands for.
func jaLongFormFits(long, abbr string) bool {
	n := utf8.RuneCountInString(long)
	return n >= 2 && n >= len(strings.TrimSuffix(abbr, "s")) && glossary.HasCJK(long)
}

// longFormBefore finds the expansion of abbr at the end of before: the
// fewest trailing English words whose initials spell it, or for Japanese
// text the compound noun just before the parenthesis.
func longFormBefore(before, abbr string) string {
	before = strings.TrimRight(before, " ")
	if r, _ := utf8.DecodeLastRuneInString(before); glossary.IsCJK(r) {
		return jaLongForm(before, abbr)
	}
	words := strings.Fields(before)
	for k := 1; k <= len(words) && k <= len(abbr)+3; k++ {
		cand := words[len(words)-k:]
		clean := make([]string, len(cand))
		for i, w := range cand {
			clean[i] = trimWord(w)
		}
		// "Cloud Native Computing Foundation's (CNCF) slack": the long
		// form without its possessive.
		last := len(clean) - 1
		clean[last] = strings.TrimSuffix(strings.TrimSuffix(clean[last], "'s"), "’s")
		if clean[0] == "" || strings.ContainsAny(cand[0], ",;:") {
			continue
		}
		if initialsMatch(clean, abbr) {
			return strings.Join(clean, " ")
		}
	}
	return ""
}

// findAbbrevs records every "Long Name (ABBR)" and "ABBR (Long Name)" in a
// sentence, with full-width parentheses accepted as well.
func (ix *corpusIndex) findAbbrevs(text, raw, doc string, line int) {
	for i := 0; i < len(text); {
		open, size := utf8.DecodeRuneInString(text[i:])
		if open != '(' && open != '（' {
			i += size
			continue
		}
		closer := ")"
		if open == '（' {
			closer = "）"
		}
		end := strings.Index(text[i+size:], closer)
		if end < 0 {
			return
		}
		inner := unmarkedAbbrev(strings.TrimSpace(text[i+size : i+size+end]))
		before := text[:i]
		next := i + size + end + len(closer)
		switch {
		case spellsInitials(inner):
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " ")); glossary.IsCJK(r) {
				ix.noteJaLongForm(inner, trailingJaRun(strings.TrimRight(before, " ")))
			}
			if strings.Contains(raw, "`"+inner+"`") {
				// 「リクエストメソッド (`POST`)」: a value in code, not an
				// abbreviation of the words before it.
				break
			}
			if long := longFormBefore(before, inner); long != "" {
				if rest := strings.TrimSpace(text[next:]); glossary.HasCJK(long) && (rest == ":" || rest == "：") {
					// 「サーバー設定ファイル(CentOS):」 over a block: the
					// variant a label is for, not what the compound is
					// called for short.
					break
				}
				short := inner
				if n := len(inner); n > 2 && inner[n-1] == 's' && inner[n-2] >= 'A' && inner[n-2] <= 'Z' {
					// "Single-File Components (SFCs)": the abbreviation is
					// SFC, short for the singular.
					short = inner[:n-1]
					if i := strings.LastIndexByte(long, ' '); i >= 0 && !glossary.HasCJK(long) {
						long = long[:i+1] + extract.Singular(long[i+1:])
					}
				}
				ix.abbrevs = append(ix.abbrevs, abbrevPair{long: long, short: short, doc: doc, line: line})
			}
		default:
			// "ABBR (Long Name)": the word before the parenthesis is the
			// abbreviation and the whole inner text is its expansion.
			fields := strings.Fields(before)
			var prev string
			if len(fields) > 0 {
				prev = trimWord(fields[len(fields)-1])
			}
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " ")); r < utf8.RuneSelf && spellsInitials(prev) {
				if glossary.HasCJK(inner) {
					if trailingJaRun(inner) == inner && jaLongFormFits(inner, prev) && jaSoundsFit(inner, abbrevLetters(prev)) {
						ix.abbrevs = append(ix.abbrevs, abbrevPair{long: inner, short: prev, doc: doc, line: line})
					}
				} else if words := strings.Fields(inner); len(words) >= 2 && len(words) <= len(prev)+3 && initialsMatch(words, prev) {
					ix.abbrevs = append(ix.abbrevs, abbrevPair{long: strings.Join(words, " "), short: prev, doc: doc, line: line})
				}
			}
		}
		i = next
	}
}

// unmarkedAbbrev returns the text of a parenthesis without the word that
// marks it as an abbreviation: 「仮想プライベートネットワーク (略して VPN)」,
// "service level objective (abbreviated SLO)".
func unmarkedAbbrev(inner string) string {
	for _, m := range []string{"略して", "略称", "略:", "略：", "abbreviated ", "abbr. "} {
		if rest, ok := strings.CutPrefix(inner, m); ok {
			return strings.TrimLeft(rest, " :：、")
		}
	}
	return inner
}

// enAliasMarks introduce another name of the words before them, in a
// clause (", also known as Y,") or in parentheses ("(also called Y)").
var enAliasMarks = []string{"also known as ", "also called ", "aka ", "a.k.a. ", "otherwise known as "}

// findAliases records the other names an English sentence gives a phrase:
// "A harbor pilot, also known as a marine pilot, guides ...", "The bow
// thruster (also called a side thruster) pushes ...", and "Dead reckoning,
// or DR, estimates ..." when the letters spell the words before (an
// abbreviation pair then).
func (ix *corpusIndex) findAliases(text, doc string, line int) {
	// The marks come mid-sentence, after a comma or a parenthesis, so in
	// lower case: the text is searched as it is.
	// Cheap tests first: this runs for every English sentence.
	marks := enAliasMarks
	if !strings.Contains(text, "called ") && !strings.Contains(text, "known as ") && !strings.Contains(text, "aka ") {
		marks = nil
	}
	for _, mark := range marks {
		for from := 0; ; {
			i := strings.Index(text[from:], mark)
			if i < 0 {
				break
			}
			i += from
			from = i + len(mark)
			var before string
			var closer string
			switch {
			case strings.HasSuffix(text[:i], ", "):
				before, closer = text[:i-2], ","
			case strings.HasSuffix(text[:i], "("):
				before, closer = strings.TrimRight(text[:i-1], " "), ")"
			default:
				continue
			}
			rest := text[from:]
			end := strings.Index(rest, closer)
			if end < 0 {
				if closer == "," {
					end = len(strings.TrimRight(rest, "."))
				} else {
					continue
				}
			}
			alias := trimArticle(strings.TrimSpace(rest[:end]))
			words := strings.Fields(before)
			if alias == "" || len(strings.Fields(alias)) > 5 || len(words) == 0 {
				continue
			}
			if spellsInitials(alias) {
				// "The vessel traffic service, also known as VTS, ...": an
				// abbreviation, short for the words before.
				if long := longFormBefore(before, alias); long != "" {
					ix.abbrevs = append(ix.abbrevs, abbrevPair{long: long, short: alias, doc: doc, line: line})
				}
			}
			words = words[max(0, len(words)-4):]
			for k := range words {
				words[k] = trimWord(words[k])
			}
			ix.aliases = append(ix.aliases, aliasPair{before: words, alias: alias})
		}
	}
	// "Acme Storage Gateway (the \"Gateway\")": a formal text's name for
	// the phrase before it.
	openers := enHereinafterOpeners
	if strings.IndexByte(text, '(') < 0 || !strings.ContainsAny(text, "\"“") {
		openers = nil
	}
	for _, o := range openers {
		for from := 0; ; {
			i := strings.Index(text[from:], o)
			if i < 0 {
				break
			}
			i += from
			from = i + len(o)
			end := strings.IndexAny(text[from:], `"”`)
			if end <= 0 {
				continue
			}
			if named, _, ok := enHereinafter(text, from, end); ok {
				ix.aliases = append(ix.aliases, aliasPair{before: trimmedWords(named), alias: text[from : from+end]})
			}
		}
	}
	// "Dead reckoning, or DR, ...": an abbreviation given as an
	// alternative.
	for from := 0; ; {
		i := strings.Index(text[from:], ", or ")
		if i < 0 {
			return
		}
		i += from
		from = i + len(", or ")
		rest := text[from:]
		end := strings.IndexAny(rest, ",)")
		if end < 0 {
			continue
		}
		abbr := rest[:end]
		if !spellsInitials(abbr) {
			continue
		}
		if long := longFormBefore(text[:i], abbr); long != "" {
			ix.abbrevs = append(ix.abbrevs, abbrevPair{long: long, short: abbr, doc: doc, line: line})
		}
	}
}

// asciiLower lower-cases the ASCII letters of s only, so that a byte index
// into the result is one into s (strings.ToLower may change lengths: the
// Kelvin sign becomes "k").
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// trimmedWords returns words without the punctuation around them.
func trimmedWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = trimWord(w)
	}
	return out
}

// trimArticle removes a leading English article.
func trimArticle(s string) string {
	for _, a := range []string{"a ", "an ", "the "} {
		if len(s) > len(a) && strings.EqualFold(s[:len(a)], a) {
			return s[len(a):]
		}
	}
	return s
}

// endsWith reports whether term is a suffix (by words) of the pair's
// phrase.
func (p aliasPair) endsWith(term string) bool {
	for k := range p.before {
		if strings.EqualFold(strings.Join(p.before[k:], " "), term) {
			return true
		}
	}
	return false
}

// findJaHereinafter records the formal naming of Japanese specifications
// and contracts, 「情報処理推進機構（以下「IPA」という。）」: an abbreviation
// pair when the name is an abbreviation, another name otherwise
// (「翻訳支援サービス（以下、「翻訳サービス」という。）」).
func (ix *corpusIndex) findJaHereinafter(text, doc string, line int) {
	for _, n := range jaNamings(text) {
		if isAbbrev(n.name) {
			ix.abbrevs = append(ix.abbrevs, abbrevPair{long: n.long, short: n.name, doc: doc, line: line})
		} else {
			ix.aliases = append(ix.aliases, aliasPair{before: []string{n.long}, alias: n.name})
		}
	}
}

// findJaOtherNames records the other name a Japanese text gives a compound
// in parentheses right after it: its English name (「冪等性（英:
// idempotency）」, 「指数バックオフ（exponential backoff）」) or a loanword
// for it (「再試行（リトライ）」). Abbreviations (「有向非巡回グラフ（DAG）」)
// are pairs of their own, readings in hiragana (「閘室（こうしつ）」) and
// other glosses are not names.
func (ix *corpusIndex) findJaOtherNames(text string) {
	for from := 0; from < len(text); {
		i := strings.IndexAny(text[from:], "（(")
		if i < 0 {
			return
		}
		i += from
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
		end := strings.IndexAny(text[from:], "）)")
		if end < 0 {
			return
		}
		inner := strings.TrimSpace(text[from : from+end])
		for _, p := range []string{"英語：", "英語:", "英：", "英:", "英語 ", "英 ", "English: "} {
			if r, ok := strings.CutPrefix(inner, p); ok {
				inner = strings.TrimSpace(r)
				break
			}
		}
		long := trailingJaRun(text[:i])
		if utf8.RuneCountInString(long) < 2 || !glossary.HasCJK(long) || inner == long || isAbbrev(inner) ||
			!(latinName(inner) || isKatakanaWord(inner) && !isKatakanaWord(long)) {
			continue
		}
		ix.aliases = append(ix.aliases, aliasPair{before: []string{long}, alias: inner})
	}
}

// latinName reports one to five Latin words, as a name: "idempotency",
// "exponential backoff", "Write-Ahead Log".
func latinName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
				return false
			}
		}
	}
	return true
}

// isKatakanaWord reports a word of katakana (with ー and ・) of two
// characters or more.
func isKatakanaWord(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Katakana, r) && r != 'ー' && r != '・' {
			return false
		}
		n++
	}
	return n >= 2
}

// jaNaming is one formal naming in a Japanese sentence: 「LONG（以下「NAME」
// という。）」.
type jaNaming struct {
	long, name string
	// shown is LONG and the whole parenthesis as written, the name's
	// definition; empty when the parenthesis does not close.
	shown string
}

// jaNamings returns the formal namings of a Japanese sentence. LONG is the
// compound right before the parenthesis (「…が提供する翻訳支援サービス（以下…）」
// names 「翻訳支援サービス」).
func jaNamings(text string) []jaNaming {
	var out []jaNaming
	for from := 0; ; {
		i := strings.Index(text[from:], "以下")
		if i < 0 {
			return out
		}
		i += from
		from = i + len("以下")
		before := strings.TrimRight(text[:i], " ")
		open := ""
		for _, o := range []string{"（", "("} {
			if strings.HasSuffix(before, o) {
				open = o
			}
		}
		if open == "" {
			continue
		}
		rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(text[from:], "、"), "，"), " ")
		var name, after string
		var ok bool
		for _, q := range [][2]string{{"「", "」"}, {"『", "』"}} {
			if r, found := strings.CutPrefix(rest, q[0]); found {
				name, after, ok = strings.Cut(r, q[1])
				break
			}
		}
		if !ok && !strings.HasPrefix(rest, "の") && !strings.HasPrefix(rest, "に") && !strings.HasPrefix(rest, "で") {
			name, after, ok = unquotedJaNaming(rest)
		}
		head := strings.TrimRight(strings.TrimSuffix(before, open), " ")
		long := trailingLatinWords(head) // 「Daredevil SKK （以下…）」
		if long == "" {
			long = trailingJaRun(head)
		}
		if !ok || name == "" || utf8.RuneCountInString(long) < 2 || long == name {
			continue
		}
		n := jaNaming{long: long, name: name}
		if c := strings.IndexAny(after, "）)"); c >= 0 {
			_, size := utf8.DecodeRuneInString(after[c:])
			end := len(text) - len(after) + c + size
			n.shown = long + text[len(head):end]
		}
		out = append(out, n)
	}
}

// jaNamingVerbs end an unquoted formal naming: 「（以下、甲という。）」,
// 「（以下、このマニュアルにおいて DDSKK と呼びます。）」.
var jaNamingVerbs = []string{"と呼びます", "と呼ぶ", "といいます", "という", "と言います", "と言う", "と称します", "と称する",
	"と略します", "と略す", "と記します", "と記す", "と表記します", "と表記する"}

// unquotedJaNaming reads the name of 「（以下、[…において] NAME と呼ぶ。）」
// from rest, the text after 以下: the name, the text from it on (which
// holds the closing parenthesis), and whether there is one. A name is a
// compound or up to four Latin words, and a verb of naming follows it:
// 「（以下参照）」 and 「（以下に示す…）」 name nothing.
func unquotedJaNaming(rest string) (name, after string, ok bool) {
	end := strings.IndexAny(rest, "）)")
	if end < 0 {
		return "", "", false
	}
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest[:end]), "。"))
	verb := false
	for _, v := range jaNamingVerbs {
		if r, found := strings.CutSuffix(inner, v); found {
			inner, verb = strings.TrimRight(r, " "), true
			break
		}
	}
	if l := trailingLatinWords(inner); l != "" && len(strings.Fields(l)) <= 4 {
		name = l
	} else {
		name = trailingJaRun(inner)
	}
	if name == "" || !verb || utf8.RuneCountInString(name) > 20 {
		return "", "", false
	}
	return name, rest, true // rest holds the closing parenthesis
}

// trailingLatinWords returns the Latin words at the end of s, after its
// last character that is not part of one: "Daredevil SKK" in 「これは
// Daredevil SKK」. Empty when s does not end with a Latin word, or ends
// with more than six.
func trailingLatinWords(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == ' ')) {
			break
		}
		i -= size
	}
	w := strings.TrimSpace(s[i:])
	if w == "" || !strings.ContainsFunc(w, unicode.IsLetter) || len(strings.Fields(w)) > 6 {
		return "" // no name, or a clause in English
	}
	return w
}
