package builtin

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// unclearBelow is the confidence under which a definition is unclear.
const unclearBelow = 0.5

// Review applies the review rules to a batch of entries and returns the
// issues, in entry order, the missing relations last:
//
//   - unnecessary (should_exclude) for common_noun entries and everyday
//     words that no document defines, for names the code examples make up
//     ("isActive", "this.count", "foo") and for undefined terms used on a
//     few lines only;
//   - contradiction when documents define the term in ways that disagree;
//   - unclear for an empty, circular, too short or usage-only definition;
//   - missing_relation when the definition's head noun is another entry of
//     the batch, not excluded, whose definition does not mention this term.
//
// Descriptions are in Japanese for Japanese terms. It returns ctx's error,
// wrapped, when ctx ends.
func (e *Engine) Review(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) ([]glossary.Issue, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("builtin review: %w", err)
	}
	ix := index(c)
	byKey := map[string]int{} // lower-case singular term -> entry index
	for i, en := range entries {
		byKey[termKey(en.Term)] = i
	}
	var issues []glossary.Issue
	// Relations are kept for the end: one to an entry the review excludes
	// would send the reader to an entry the glossary does not have.
	type relation struct {
		issue glossary.Issue
		to    string
	}
	var relations []relation
	for _, en := range entries {
		a, err := assessTerm(ctx, c, en.Term, en.Aliases, en.Occurrences)
		if err != nil {
			return nil, fmt.Errorf("builtin review %q: %w", en.Term, err)
		}
		ja := entryIsJapanese(ix, en)
		msg := messagesFor(ja)

		if en.Category == glossary.CommonNoun || (isGeneralWord(en.Term) && !isIdentifierLike(en.Term) && !a.definesStrongly() && !pageTopic(ix, en.Term, a)) {
			reason := msg.generalReason
			if en.Category == glossary.CommonNoun {
				reason = msg.commonNounReason
			}
			issues = append(issues, glossary.Issue{
				Term: en.Term, Type: glossary.Unnecessary,
				Description:   fmt.Sprintf(msg.general, en.Term),
				ShouldExclude: true, ExclusionReason: reason,
			})
			continue
		}

		if !a.definesTerm() && exampleName(c, en.Term) {
			// "isActive", "this.author.books", "foo": a name the code
			// examples make up, mentioned in the prose to explain them.
			issues = append(issues, glossary.Issue{
				Term: en.Term, Type: glossary.Unnecessary,
				Description:   fmt.Sprintf(msg.exampleName, en.Term),
				ShouldExclude: true, ExclusionReason: msg.exampleNameReason,
			})
			continue
		}

		if !a.definesTerm() && (!a.ok && len(en.Occurrences) > 0 ||
			!isNameLike(en) && !ix.isAbbrevPart(en.Term) && isMarginal(ix, c, en)) {
			// Used only where no sentence is (headings, tables' code, link
			// definitions), or rarely and never defined.
			issues = append(issues, glossary.Issue{
				Term: en.Term, Type: glossary.Unnecessary,
				Description:   fmt.Sprintf(msg.marginal, en.Term),
				ShouldExclude: true, ExclusionReason: msg.marginalReason,
			})
			continue
		}

		if len(a.clusters) > 1 {
			first, second := representative(a.clusters[0]), representative(a.clusters[1])
			issues = append(issues, glossary.Issue{
				Term: en.Term, Type: glossary.Contradiction,
				Description: fmt.Sprintf(msg.contradiction, en.Term,
					first.where(), quoteBody(first.text), second.where(), quoteBody(second.text)),
			})
		}

		def := strings.TrimSpace(en.Definition)
		switch {
		case def == "":
			issues = append(issues, glossary.Issue{Term: en.Term, Type: glossary.Unclear,
				Description: fmt.Sprintf(msg.noDefinition, en.Term)})
		case isCircular(def, en.Term, en.Aliases):
			issues = append(issues, glossary.Issue{Term: en.Term, Type: glossary.Unclear,
				Description: fmt.Sprintf(msg.circular, en.Term)})
		case isTooShort(def, en.Term, en.Aliases) && !(a.ok && a.best.glossary && a.best.text == def):
			// The documents' own glossary may say it in a few words ("An
			// argument that is not a keyword argument.").
			issues = append(issues, glossary.Issue{Term: en.Term, Type: glossary.Unclear,
				Description: fmt.Sprintf(msg.tooShort, en.Term)})
		case en.Confidence < unclearBelow || strings.HasPrefix(def, usedInPrefixEN) || strings.HasPrefix(def, usedInPrefixJA):
			issues = append(issues, glossary.Issue{Term: en.Term, Type: glossary.Unclear,
				Description: fmt.Sprintf(msg.usageOnly, en.Term, en.Confidence)})
		}

		if rel, ok := missingRelation(en, def, ja, entries, byKey); ok {
			relations = append(relations, relation{to: rel, issue: glossary.Issue{Term: en.Term, Type: glossary.MissingRelation,
				Description: fmt.Sprintf(msg.missingRelation, en.Term, rel, rel)}})
		}
	}
	excluded := map[string]bool{}
	for _, is := range issues {
		if is.ShouldExclude {
			excluded[termKey(is.Term)] = true
		}
	}
	for _, r := range relations {
		if !excluded[termKey(r.to)] {
			issues = append(issues, r.issue)
		}
	}
	return issues, nil
}

// Thresholds of isMarginal.
const (
	// marginalLines: a term used on fewer lines is marginal.
	marginalLines = 3
	// marginalOneDocLines: in a corpus of several documents, a term used in
	// only one of them on fewer lines is marginal; one used more is a key
	// notion of that document.
	marginalOneDocLines = 5
)

// isMarginal reports whether an entry is rarely used: on fewer than
// marginalLines lines, or (in a corpus of several documents) in only one
// document on fewer than marginalOneDocLines lines. Without recorded
// occurrences the documents are searched, then the sentences (a phrase may
// span a line break, or be inflected: "data directories"). A term the
// documents never use is not marginal: extraction cannot have proposed it,
// so a person asked for it.
func isMarginal(ix *corpusIndex, c *pipeline.Corpus, en glossary.Entry) bool {
	spellings := append([]string{en.Term}, en.Aliases...)
	occs := en.Occurrences
	if len(occs) == 0 {
		occs = c.Occurrences(spellings...)
	}
	type at struct {
		doc  string
		line int
	}
	docs := map[string]bool{}
	lines := map[at]bool{}
	for _, o := range occs {
		docs[o.Document] = true
		lines[at{o.Document, o.Line}] = true
	}
	if len(occs) == 0 {
		for _, sp := range spellings {
			if !glossary.HasCJK(sp) && !strings.HasSuffix(sp, "s") {
				spellings = append(spellings, pluralOf(sp))
			}
		}
		for i := range ix.sentences {
			s := &ix.sentences[i]
			for _, sp := range spellings {
				if glossary.Contains(s.text, sp) {
					docs[s.doc] = true
					lines[at{s.doc, s.line}] = true
					break
				}
			}
		}
		if len(lines) == 0 {
			return false
		}
	}
	if len(lines) < marginalLines {
		return true
	}
	return len(docs) == 1 && len(ix.docJA) > 1 && len(lines) < marginalOneDocLines
}

// isAbbrevPart reports whether term is written beside its abbreviation or
// expansion somewhere ("シングルサインオン（SSO）"): the pair becomes one entry
// with an alias, however rarely the long form is used.
func (ix *corpusIndex) isAbbrevPart(term string) bool {
	for _, p := range ix.abbrevs {
		if strings.EqualFold(p.long, term) || p.short == term {
			return true
		}
	}
	// A phrase the text gives another name ("X, also known as Y") is
	// named as a term, as an expanded abbreviation is.
	for _, p := range ix.aliases {
		if strings.EqualFold(p.alias, term) || p.endsWith(term) {
			return true
		}
	}
	return false
}

// pluralOf returns the English plural of a term's last word where "-s"
// alone is wrong: "directory" -> "directories", "index" -> "indexes".
func pluralOf(t string) string {
	switch {
	case strings.HasSuffix(t, "y") && len(t) > 2 && !strings.ContainsRune("aeiou", rune(t[len(t)-2])):
		return t[:len(t)-1] + "ies"
	case strings.HasSuffix(t, "x"), strings.HasSuffix(t, "ch"), strings.HasSuffix(t, "sh"), strings.HasSuffix(t, "z"):
		return t + "es"
	}
	return t + "s"
}

// isNameLike reports entries that a glossary keeps even when rarely used:
// names of people, places and organisations, titles, acronyms and code
// identifiers ("WAL", "QuillClient", "max_batch_bytes", "kawasemi.toml").
func isNameLike(en glossary.Entry) bool {
	switch en.Category {
	case glossary.PersonName, glossary.PlaceName, glossary.Organization, glossary.Title:
		return true
	}
	for _, t := range append([]string{en.Term}, en.Aliases...) {
		if isIdentifierLike(t) || isCapitalisedName(t) {
			return true
		}
	}
	return false
}

// isCapitalisedName reports Latin terms whose every word is capitalised
// ("Java", "Prometheus", "Halvard Systems"): extraction only keeps such
// words when they are capitalised mid-sentence or inside Japanese text,
// that is when they are names.
func isCapitalisedName(t string) bool {
	if glossary.HasCJK(t) {
		return false
	}
	words := strings.Fields(t)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) > 0
}

// isIdentifierLike reports acronyms ("DLQ", "CI") and code identifiers
// (CamelCase, snake_case, dotted names, words with digits).
func isIdentifierLike(t string) bool {
	if strings.ContainsAny(t, " \t") || glossary.HasCJK(t) {
		return false
	}
	upper, lower := 0, 0
	for i, r := range t {
		switch {
		case r == '_' || r == '.' || unicode.IsDigit(r):
			return i > 0 || r == '_'
		case unicode.IsUpper(r):
			if i > 0 {
				return true // CamelCase or an acronym
			}
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper > 0 && lower == 0
}

// termKey folds a term for comparison: lower case, singular.
func termKey(t string) string { return singular(strings.ToLower(strings.TrimSpace(t))) }

// missingRelation reports the other entry that the definition names as its
// head noun ("a broker elected by ..." in the entry of "controller") when
// that entry's definition does not mention this term.
func missingRelation(en glossary.Entry, def string, ja bool, entries []glossary.Entry, byKey map[string]int) (string, bool) {
	if def == "" || strings.HasPrefix(def, usedInPrefixEN) || strings.HasPrefix(def, usedInPrefixJA) {
		return "", false
	}
	head := definitionHead(def, en.Term, ja)
	if head == "" {
		return "", false
	}
	oi, ok := byKey[termKey(head)]
	if !ok {
		return "", false
	}
	other := entries[oi]
	if termKey(other.Term) == termKey(en.Term) {
		return "", false
	}
	if isIdentifierLike(other.Term) && !strings.Contains(def, other.Term) {
		// "a list of selector requirements" is not about the LIST
		// operation, nor "a map of pairs" about a Map type: an acronym or
		// an identifier is named as it is spelt.
		return "", false
	}
	for _, al := range append(append([]string{}, en.Aliases...), other.Aliases...) {
		if termKey(al) == termKey(other.Term) || termKey(al) == termKey(en.Term) {
			return "", false
		}
	}
	if glossary.Contains(other.Definition, en.Term) {
		return "", false
	}
	// Already linked: "See also: broker."
	if strings.Contains(def, seeAlsoEN) || strings.Contains(def, seeAlsoJA) {
		return "", false
	}
	return other.Term, true
}

// definitionHead finds the head noun of a definition sentence about term.
func definitionHead(def, term string, ja bool) string {
	s := &sentence{text: def, ja: ja}
	if ev, ok := explicitEvidence(s, term, glossary.Index(def, term)); ok {
		return ev.head
	}
	if ja {
		return ""
	}
	// A gloss such as "A client that publishes records to a topic."
	return headNoun(def, false)
}

// isCircular reports whether a definition only restates the term: nothing
// but the term, copulas and punctuation is left once the term is removed,
// or the whole definition is contained in the term.
func isCircular(def, term string, aliases []string) bool {
	body := strings.TrimPrefix(strings.TrimPrefix(def, usedInPrefixEN), usedInPrefixJA)
	body = strings.TrimFunc(body, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	if body == "" {
		return true
	}
	if strings.Contains(strings.ToLower(term), strings.ToLower(body)) {
		return true
	}
	rest := body
	for _, sp := range spellingsOf(term, aliases) {
		rest = stripTerm(rest, sp)
	}
	if glossary.HasCJK(def) {
		return countContentRunes(rest) == 0
	}
	return len(contentTokens(rest, term, false)) == 0
}

// isTooShort reports whether a definition, without the term, has too little
// content to explain anything: fewer than 3 content words in English, fewer
// than 5 kanji/katakana/Latin characters in Japanese.
func isTooShort(def, term string, aliases []string) bool {
	// "部品表の略。", "Short for Kubernetes.": an abbreviation's long form
	// says what it stands for, however short.
	if long, ok := strings.CutSuffix(def, shortForSuffixJA); ok && strings.TrimSpace(long) != "" {
		return false
	}
	if long, ok := strings.CutPrefix(def, shortForPrefixEN); ok && strings.TrimRight(long, ". ") != "" {
		return false
	}
	rest := def
	for _, sp := range spellingsOf(term, aliases) {
		rest = stripTerm(rest, sp)
	}
	if glossary.HasCJK(def) {
		n := countContentRunes(rest)
		if n >= 2 && jaTopicSentence(def, spellingsOf(term, aliases)) && countCJKRunes(rest) >= 10 {
			// 「係留とは、船を岸壁につなぎとめることです。」: a whole
			// sentence on the term says enough in words of kana.
			return false
		}
		return n < 5
	}
	// The term's occurrences are stripped; its words elsewhere are content
	// ("An interface type defines a type set.").
	n := len(contentTokens(rest, "", false))
	// "Linux is an implementation of Unix.": a sentence with the term as
	// its subject says enough in two words.
	return n < 2 || n < 3 && !copulaOf(def, spellingsOf(term, aliases))
}

// copulaOf reports a definition that is a whole sentence saying what one
// of spellings is, naming it once: "Linux is an implementation of Unix.",
// not "X is done by Y.", "X is the CRD implementation of X.", "RESET is an
// alternative spelling for" (cut short) or "The parameter is the name of a
// table." (one parameter of a reference page).
func copulaOf(def string, spellings []string) bool {
	if !endsSentence(def) || strings.HasPrefix(def, "The ") {
		return false
	}
	for _, sp := range spellings {
		if n, ok := matchSubject(def, sp, false); ok {
			rest := strings.ToLower(def[n:])
			for _, c := range []string{" is a ", " is an ", " is the ", " are the ", " are a ", " are an ", " is one of ", " represents a ", " represents an ", " consists of "} {
				if strings.HasPrefix(rest, c) {
					return !glossary.Contains(def[n:], sp)
				}
			}
		}
	}
	return false
}

// countContentRunes counts kanji, katakana, Latin letters and digits:
// Japanese text without its particles and copulas.
func countContentRunes(s string) int {
	n := 0
	for _, r := range s {
		if isJaTermRune(r) && r != 'ー' {
			n++
		}
	}
	return n
}

// jaTopicSentence reports a whole Japanese sentence whose topic is one of
// spellings: 「係留とは、…です。」, 「曳船は…。」.
func jaTopicSentence(def string, spellings []string) bool {
	if !endsSentence(def) {
		return false
	}
	for _, sp := range spellings {
		rest, ok := strings.CutPrefix(def, sp)
		if !ok {
			continue
		}
		for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
			// 「接岸（せつがん）は、…」: its reading first.
			if strings.HasPrefix(rest, p[0]) {
				if i := strings.Index(rest, p[1]); i > 0 {
					rest = rest[i+len(p[1]):]
				}
			}
		}
		if hasAnyPrefix(rest, "とは", "は", "というのは", "って") {
			return true
		}
	}
	return false
}

// countCJKRunes counts the Japanese characters of s, kana included.
func countCJKRunes(s string) int {
	n := 0
	for _, r := range s {
		if glossary.IsCJK(r) {
			n++
		}
	}
	return n
}

// entryIsJapanese reports whether issues about an entry should be written in
// Japanese: the term has CJK characters, or most documents it occurs in (or
// of the corpus) are Japanese.
func entryIsJapanese(ix *corpusIndex, en glossary.Entry) bool {
	if glossary.HasCJK(en.Term) {
		return true
	}
	ja, total := 0, 0
	if len(en.Occurrences) > 0 {
		for _, o := range en.Occurrences {
			total++
			if ix.docJA[o.Document] {
				ja++
			}
		}
	} else {
		for _, v := range ix.docJA {
			total++
			if v {
				ja++
			}
		}
	}
	return total > 0 && ja*2 > total
}

// quoteBody shortens a definition for quoting inside an issue description.
func quoteBody(s string) string {
	const limit = 160
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return capTextTo(s, limit)
}

func capTextTo(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if !glossary.HasCJK(s) {
		if i := strings.LastIndexByte(cut, ' '); i > n/2 {
			cut = cut[:i]
		}
		cut = strings.TrimRight(cut, " ,;:")
	}
	return cut + "…"
}

// messages are the issue texts of one language. Every %s is the term unless
// noted.
type messages struct {
	general           string
	generalReason     string
	commonNounReason  string
	contradiction     string // term, where, text, where, text
	noDefinition      string
	circular          string
	tooShort          string
	usageOnly         string // term, confidence
	missingRelation   string // term, other, other
	marginal          string
	marginalReason    string
	exampleName       string
	exampleNameReason string
}

var (
	messagesEN = messages{
		general:           "%q is a general-language word, not a term specific to these documents.",
		generalReason:     "general-language word",
		commonNounReason:  "classified as a common noun",
		contradiction:     "The documents define %q differently: %s says \"%s\", while %s says \"%s\".",
		noDefinition:      "No definition of %q was found: the documents use it but never explain it.",
		circular:          "The definition of %q only restates the term and explains nothing.",
		tooShort:          "The definition of %q is too short to explain the term.",
		usageOnly:         "No document defines %q; the definition is only inferred from how it is used (confidence %.2f).",
		missingRelation:   "The definition of %q describes it as a kind of %q, another glossary term whose entry does not mention it; relate the two entries (see %q).",
		marginal:          "%q is not defined in the documents and is rarely used (in one document or on fewer than three lines); it does not need a glossary entry.",
		marginalReason:    "not defined in the documents and rarely used",
		exampleName:       "%q is a name from the code examples (a variable, a property, a placeholder) that the documents do not define; it does not need a glossary entry.",
		exampleNameReason: "name from a code example",
	}
	messagesJA = messages{
		general:           "「%s」は一般的な語で、この文書に固有の用語ではありません。",
		generalReason:     "一般語",
		commonNounReason:  "普通名詞に分類された語",
		contradiction:     "文書によって「%s」の定義が異なります。%s では「%s」、%s では「%s」と説明されています。",
		noDefinition:      "「%s」の定義が見つかりません。文書中で使われていますが、説明されていません。",
		circular:          "「%s」の定義は用語を言い換えているだけで、意味を説明していません。",
		tooShort:          "「%s」の定義が短すぎて、用語の意味を説明できていません。",
		usageOnly:         "「%s」を定義している文書はありません。定義は用例から推測したものです（信頼度 %.2f）。",
		missingRelation:   "「%s」は別の用語「%s」の一種として定義されていますが、「%s」の項目からは参照されていません。",
		marginal:          "「%s」は文書中で定義されておらず、使用もまれ（一つの文書のみ、または三行未満）なため、用語集に載せる必要はありません。",
		marginalReason:    "文書中で定義されておらず、使用もまれな語",
		exampleName:       "「%s」はコード例の中の名前（変数、プロパティ、仮の名前）で、文書中で定義されていないため、用語集に載せる必要はありません。",
		exampleNameReason: "コード例の中の名前",
	}
)

func messagesFor(ja bool) messages {
	if ja {
		return messagesJA
	}
	return messagesEN
}

// metasyntactic are placeholder names of code examples ("bar" is left
// out: a unit, a part of a window).
var metasyntactic = toSet(`foo baz qux quux corge foobar hoge fuga piyo`)

// exampleName reports a name that the documents' code examples make up: a
// placeholder ("foo"), a path from "this" ("this.author.books"), or a
// lower camelCase name or a dotted path that a fenced code block of the
// documents uses ("isActive", "author.books"). API names are usually
// capitalised, hyphenated or spelled out in prose ("createApp" is used in
// code too: such an entry needs a definition in the documents to stay,
// which the caller checks).
func exampleName(c *pipeline.Corpus, term string) bool {
	if metasyntactic[term] || strings.HasPrefix(term, "this.") && len(term) > len("this.") {
		return true
	}
	if !lowerCamel(term) && !dottedPath(term) {
		return false
	}
	return codeNames(c)[term]
}

// lowerCamel reports "isActive", "rawHtml": two lower-case letters or more,
// then words that start upper-case, with lower-case letters after. Brand
// names ("iPhone", "eBay") and "macOS" are not.
func lowerCamel(s string) bool {
	lead := 0
	for lead < len(s) && s[lead] >= 'a' && s[lead] <= 'z' {
		lead++
	}
	if lead < 2 || lead == len(s) || s[lead] < 'A' || s[lead] > 'Z' {
		return false
	}
	lowerAfter := false
	for i := lead + 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			lowerAfter = true
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return lowerAfter
}

// dottedPath reports "author.books", "event.preventDefault": identifiers
// joined by dots, the first and the last in lower case (not
// "Document.cookie", a type's member, nor "http.Request", a package's
// exported name, nor "index.md", a file).
func dottedPath(s string) bool {
	parts := strings.Split(s, ".")
	last := parts[len(parts)-1]
	if len(parts) < 2 || parts[0] == "" || parts[0][0] < 'a' || parts[0][0] > 'z' || last == "" || last[0] < 'a' || last[0] > 'z' {
		return false
	}
	switch strings.ToLower(parts[len(parts)-1]) {
	case "md", "mdx", "txt", "go", "js", "ts", "jsx", "tsx", "json", "yaml", "yml", "toml", "html", "css", "py", "rs", "sh", "vue", "rb", "java", "c", "h":
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		for i := 0; i < len(p); i++ {
			c := p[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || i > 0 && c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

// codeNames returns the identifiers and dotted paths that the documents'
// fenced code blocks of program code use, once per corpus. Configuration
// blocks (YAML, JSON, TOML) are left out: their keys are the fields of an
// API ("imagePullSecrets", "stringData"), not names an example made up.
func codeNames(c *pipeline.Corpus) map[string]bool {
	return c.Memo("builtin.codeNames", func() any {
		names := map[string]bool{}
		for _, d := range c.Docs {
			if !strings.Contains(d.Content, "```") && !strings.Contains(d.Content, "~~~") {
				continue
			}
			var fence string
			var config bool
			for _, line := range strings.Split(d.Content, "\n") {
				t := strings.TrimSpace(line)
				if fence == "" {
					if glossary.OpensFence(t) {
						fence = t[:3]
						info := strings.ToLower(strings.TrimSpace(strings.Trim(t, fence[:1])))
						lang, _, _ := strings.Cut(info, " ")
						config = configLangs[strings.Trim(lang, "{}.")]
					}
					continue
				}
				if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
					fence = ""
					continue
				}
				if !config {
					addCodeNames(names, line)
				}
			}
		}
		return names
	}).(map[string]bool)
}

// configLangs are the info strings of configuration and data blocks.
var configLangs = toSet(`yaml yml json jsonc json5 toml ini properties xml env dotenv hcl`)

// addCodeNames adds the identifiers and dotted paths of a line of code.
func addCodeNames(names map[string]bool, line string) {
	isStart := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' }
	isPart := func(c byte) bool { return isStart(c) || c >= '0' && c <= '9' }
	for i := 0; i < len(line); {
		if !isStart(line[i]) || i > 0 && isPart(line[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(line) && (isPart(line[j]) || line[j] == '.' && j+1 < len(line) && isStart(line[j+1])) {
			if line[j] == '.' {
				names[line[i:j]] = true // "author" and "author.books" of "author.books.length"
			}
			j++
		}
		names[line[i:j]] = true
		i = j
	}
}
