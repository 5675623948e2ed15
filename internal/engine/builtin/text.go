package builtin

import (
	"strings"
	"unicode"

	"github.com/genglossary/genglossary/internal/extract"
	"github.com/genglossary/genglossary/internal/glossary"
)

// enHeadStops end the noun phrase that starts an English definition body.
var enHeadStops = map[string]bool{
	"that": true, "which": true, "who": true, "whose": true, "where": true, "when": true,
	"of": true, "for": true, "to": true, "in": true, "on": true, "with": true, "by": true,
	"from": true, "at": true, "into": true, "than": true, "and": true, "or": true, "as": true,
	"is": true, "are": true, "was": true, "be": true, "used": true, "holding": true,
}

// enArticles are skipped at the start of a definition body.
var enArticles = map[string]bool{"a": true, "an": true, "the": true, "one": true, "any": true, "some": true}

// headNoun returns the head noun of a definition body: in English the last
// word of the first noun phrase ("a background process that ..." ->
// "process"), in Japanese the compound noun before the copula.
func headNoun(body string, ja bool) string {
	if ja {
		pred := strings.TrimRight(body, "。．.")
		if p, ok := jaDefinitionalEnding(pred); ok {
			pred = p
		}
		return trailingJaRun(pred)
	}
	words := strings.Fields(body)
	var phrase []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		stop := strings.ContainsAny(w, ";:().")
		lw := strings.ToLower(trimWord(w))
		if lw == "" {
			break
		}
		if len(phrase) == 0 && enArticles[lw] {
			continue
		}
		if lw == "to" && len(phrase) == 1 && i+2 < len(words) && strings.HasSuffix(words[i+1], ",") {
			// "an easy to learn, powerful programming language": the
			// adjective's infinitive, then the noun phrase goes on.
			phrase = phrase[:0]
			i++
			continue
		}
		if enHeadStops[lw] && len(phrase) > 0 {
			break
		}
		// A participle after the first word starts a modifier: "a broker
		// elected by its peers"; one before another noun is part of the
		// phrase ("a web based management tool").
		if len(phrase) > 0 && i > 0 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) &&
			!strings.Contains(lw, "-") && !strings.HasSuffix(words[i-1], ",") && !nounAfterParticiple(words, i) {
			break
		}
		phrase = append(phrase, lw)
		if stop || strings.HasSuffix(w, ",") && i+1 < len(words) && (enHeadStops[strings.ToLower(trimWord(words[i+1]))] ||
			strings.ContainsAny(words[i+1], "(`")) {
			// "a plain func, func(ctx context.Context) ...": code after
			// the comma restates the noun.
			break
		}
		if len(phrase) >= 5 {
			break
		}
	}
	if len(phrase) == 0 {
		return ""
	}
	return singular(phrase[len(phrase)-1])
}

// nounAfterParticiple reports a participle at words[i] followed by a
// lower-case word that goes on the noun phrase ("web based management
// tool"), not by a preposition, an article or the end ("elected by its
// peers").
func nounAfterParticiple(words []string, i int) bool {
	if i+1 >= len(words) || strings.ContainsAny(words[i], ",;:().") {
		return false
	}
	n := trimWord(words[i+1])
	l := strings.ToLower(n)
	return n != "" && n == l && !enHeadStops[l] && !enArticles[l] && !enStopwords[l] && isLatinWord(n) &&
		!strings.HasSuffix(l, "ly")
}

func singular(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "es") {
		// "policies" -> "policy", "cookies" -> "cookie", "series";
		// "classes" -> "class", "processes" -> "process", "boxes" ->
		// "box", "caches" -> "cache".
		return extract.Singular(w)
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// enStopwords carry no content for similarity.
var enStopwords = map[string]bool{
	"a": true, "an": true, "the": true, "is": true, "are": true, "of": true, "to": true, "in": true,
	"on": true, "and": true, "or": true, "that": true, "which": true, "it": true, "its": true,
	"for": true, "by": true, "with": true, "as": true, "be": true, "this": true, "from": true,
	"at": true, "refers": true, "means": true, "one": true, "into": true, "their": true,
	"them": true, "they": true, "there": true, "where": true, "when": true, "who": true,
}

// contentTokens returns the set of content tokens of a definition: English
// lower-case words (stopwords and the term's own words removed, simple
// plurals folded), Japanese character bigrams of the text with the term
// removed.
func contentTokens(text, term string, ja bool) map[string]bool {
	out := map[string]bool{}
	if ja {
		t := strings.ReplaceAll(text, term, " ")
		var prev rune
		for _, r := range t {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				prev = 0
				continue
			}
			if prev != 0 {
				out[string([]rune{prev, r})] = true
			}
			prev = r
		}
		return out
	}
	termWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(term)) {
		termWords[singular(trimWord(w))] = true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		w = singular(strings.Trim(w, "-"))
		if w == "" || enStopwords[w] || termWords[w] {
			continue
		}
		out[w] = true
	}
	return out
}

// similarity is the Dice coefficient of the content tokens of two texts.
func similarity(a, b, term string, ja bool) float64 {
	ta, tb := contentTokens(a, term, ja), contentTokens(b, term, ja)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	common := 0
	for k := range ta {
		if tb[k] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

// agree reports whether two pieces of evidence say the same thing.
func agree(a, b evidence, term string) bool {
	sim := similarity(a.text, b.text, term, a.ja || b.ja)
	if sim >= 0.5 {
		return true
	}
	// Two sentences that name the same kind ("Python is an interpreted
	// language, ...", "Python is an easy to learn, powerful programming
	// language.") agree in other words, unless the kind says little
	// ("a set of ...", "a value ...").
	return a.head != "" && a.head == b.head && (sim >= 0.2 || !vagueHeads[a.head])
}

// vagueHeads are head nouns that name no kind of their own.
var vagueHeads = toSet(`way thing kind type sort form part piece one set number list collection group value object
	name term word string item element field entry unit means method`)

// stripTerm removes every spelling of the term from a definition, with the
// fallback prefixes, and returns what is left, trimmed of punctuation.
func stripTerm(def, term string) string {
	s := def
	for _, p := range []string{usedInPrefixEN, usedInPrefixJA} {
		s = strings.TrimPrefix(s, p)
	}
	if glossary.HasCJK(term) {
		s = strings.ReplaceAll(s, term, "")
	} else {
		s = replaceFold(s, term, "")
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
}

// replaceFold replaces every case-insensitive occurrence of old in s.
func replaceFold(s, old, repl string) string {
	if old == "" {
		return s
	}
	ls, lo := strings.ToLower(s), strings.ToLower(old)
	if len(ls) != len(s) || len(lo) != len(old) {
		return strings.ReplaceAll(s, old, repl)
	}
	var sb strings.Builder
	for {
		i := strings.Index(ls, lo)
		if i < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		sb.WriteString(s[:i])
		sb.WriteString(repl)
		s, ls = s[i+len(old):], ls[i+len(old):]
	}
}

// firstWord returns the text up to its first space.
func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}

// endsWithAny reports whether s ends with one of suffixes.
func endsWithAny(s string, suffixes ...string) bool {
	for _, e := range suffixes {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasAnyPrefixFold is hasAnyPrefix with case folded, without lower-casing
// s (it runs for every sentence that uses a term).
func hasAnyPrefixFold(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}
