// Package extract finds glossary candidate terms in Japanese and English
// documents without a language model, categorises them and ranks them by
// termhood.
//
// Japanese text is analysed with kagome (IPA dictionary): candidates are the
// maximal runs of noun-like tokens (nouns, サ変 nouns, suffixes after a noun,
// a noun prefix at the start, Latin identifiers inside the text), their
// contiguous sub-spans, and single proper nouns. English text has no model:
// candidates are runs of content words bounded by stop words and
// punctuation, acronyms, code identifiers and capitalised names. Markdown
// syntax, code blocks and URLs are stripped first.
//
// Candidates are ranked by a C-value termhood score (longer terms that recur
// on their own rank high; strings that only occur inside one longer term rank
// low) weighted by how many documents use the term and by its kind.
package extract

import (
	"context"
	"fmt"
	"math"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Defaults of Options.
const (
	// DefaultMaxTerms is the cap on terms for a corpus of up to
	// ScaledMaxTermsFrom bytes of text; a larger corpus gets more (see
	// MaxTermsFor), up to MaxScaledTerms.
	DefaultMaxTerms    = 150
	ScaledMaxTermsFrom = 256 << 10
	MaxScaledTerms     = 300
	DefaultMinScore    = 1.0
)

// Options tune Extract.
type Options struct {
	// MaxTerms keeps at most this many best-ranked terms; 0 means
	// MaxTermsFor the corpus's size.
	MaxTerms int
	MinScore float64 // drop candidates under this termhood; 0 means DefaultMinScore
}

// MaxTermsFor returns the default cap on terms for a corpus of textBytes
// bytes: DefaultMaxTerms up to ScaledMaxTermsFrom, then growing with the
// square root of the size (a manual four times as long has twice as many
// terms), up to MaxScaledTerms. A large manual's glossary is not cut to the
// size of a short guide's: on a 560 KB manual the terms ranked 150 to 220
// included "mount", "boot loader", "operating system" and "home
// directory".
func MaxTermsFor(textBytes int) int {
	if textBytes <= ScaledMaxTermsFrom {
		return DefaultMaxTerms
	}
	n := int(float64(DefaultMaxTerms) * math.Sqrt(float64(textBytes)/float64(ScaledMaxTermsFrom)))
	return min(n, MaxScaledTerms)
}

// Extractor extracts candidate terms. It holds the Japanese tokenizer, built
// once by New; an Extractor is safe for concurrent use.
type Extractor struct {
	opts Options
	tk   *tokenizer.Tokenizer
}

// New returns an Extractor with opts, zero fields taking their defaults.
func New(opts Options) (*Extractor, error) {
	if opts.MaxTerms < 0 {
		opts.MaxTerms = 0
	}
	if opts.MinScore <= 0 {
		opts.MinScore = DefaultMinScore
	}
	tk, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		return nil, fmt.Errorf("extract: build tokenizer: %w", err)
	}
	return &Extractor{opts: opts, tk: tk}, nil
}

// Unit kinds.
const (
	kLower     uint8 = iota + 1 // lower-case English word
	kCap                        // capitalised English word (a name part)
	kAcronym                    // ALL-CAPS acronym
	kIdent                      // CamelCase, snake_case, dotted or alphanumeric identifier
	kConnector                  // "of" inside a capitalised name
	kJA                         // Japanese token; unit.ja holds its class
)

// unit is one word (English) or token (Japanese) of a candidate.
type unit struct {
	text, key     string // surface and match key (lower-case for Latin words)
	sing, singKey string // the same as the last word of a multi-word term (singular)
	kind          uint8
	ja            uint8
	// pieces is the number of dictionary words joined into a katakana
	// unit beyond the first (クラ+スター: 1); it ranks like the compound
	// the dictionary read.
	pieces uint8
	// plural marks a variant's last unit that was written in the plural
	// before its singular replaced it ("Overriding types" recorded as
	// "Overriding type"): see taskTitle.
	plural bool
}

// Cue counters gathered per occurrence.
const (
	cuePerson    = iota // after Dr./Mr./by, before "said", or with a Japanese honorific
	cuePlace            // after "in", "at", "near"
	cueThe              // after "the"
	cueModifier         // a name followed by more words of its noun phrase
	cueExpansion        // followed by its abbreviation: 「シングルサインオン（SSO）」
	cueTitle            // the whole title of a document (see attestTitle)
	cueDefined          // a single word that a heading, a list key ("Batching:") or a sentence subject before "is" (「とは」) states
	cueSingular         // a single word in -s opening a sentence before "is", "was", "has" or "does": a name, not a plural ("attrs is")
	cuePlural           // a word in -s ending its noun phrase before "are", "were", "have" or "do", or after "these", "many", ...: a plural
	cueAsked            // what a question asks about: "What is a lease?", 「フェイルオーバーとは何ですか？」
	nCues
)

// cueSet holds one bit per cue of an occurrence.
type cueSet uint16

type variant struct {
	text  string
	count int
	alone int // occurrences attested on their own
	units []unit
}

// entry is one candidate in one document, then (merged) in the corpus.
type entry struct {
	key        string
	ja         bool
	n          int // units
	freq       int // occurrences, including those inside longer candidates
	standalone int // occurrences attested on their own
	verbs      int // lower-case occurrences read as a verb (a single verb base only)
	cues       [nCues]int
	variants   []variant
	docs       []int

	nestSum, nestTypes int
	// namePrefix marks the opening words of a longer capitalised name
	// ("Apache HTTP" of "Apache HTTP Server"): used as a modifier they
	// are that name written with a lower-case last word ("the Apache HTTP
	// server"), not a name of their own.
	namePrefix bool
	// parents are the keys of the attested candidates it is nested in
	// (only kept while ranking candidates never seen on their own).
	parents []string
}

// docState is the per-document working state of one goroutine.
type docState struct {
	tk        *tokenizer.Tokenizer
	entries   map[string]*entry
	key, disp []byte
	run       []unit
	toks      []etok
	capMid    map[string]int
	lowerSeen map[string]int
	codeCap   map[string]int // capitalised words of inline code -> prose paragraphs with them in code, or codeCapAttested
	md        mdCleaner
	jaHead    bool   // the Japanese line being analysed is a heading
	jaCues    cueSet // cues of the Japanese run being flushed
	jaEnd     string // the token that ends the Japanese run being flushed, if known
}

// record counts one occurrence of span.
func (d *docState) record(span []unit, ja, attested bool, cues cueSet) {
	n := len(span)
	d.key, d.disp = d.key[:0], d.disp[:0]
	for i, u := range span {
		if i > 0 && !ja {
			d.key = append(d.key, ' ')
			d.disp = append(d.disp, ' ')
		}
		text, sing := u.text, u.sing
		if i == 0 && ja {
			// A Japanese noun joined after a space ("Debian パッケージ")
			// opens a span of its own without the space.
			text, sing = strings.TrimPrefix(text, " "), strings.TrimPrefix(sing, " ")
		}
		if n > 1 && i == n-1 {
			d.key = append(d.key, u.singKey...)
			d.disp = append(d.disp, sing...)
		} else {
			d.key = append(d.key, u.key...)
			d.disp = append(d.disp, text...)
		}
	}
	e := d.entries[string(d.key)]
	if e == nil {
		// A Latin word that the Japanese analyser read ("strings" in
		// 「JavaScript strings (e.g. "こんにちは")」) is an English word: the
		// English rules (plurals, never-alone words) apply to it.
		e = &entry{key: string(d.key), ja: ja && (n > 1 || glossary.HasCJK(string(d.key))), n: n}
		d.entries[e.key] = e
	}
	e.freq++
	if attested {
		e.standalone++
	}
	for c := 0; c < nCues; c++ {
		if cues&(1<<c) != 0 {
			e.cues[c]++
		}
	}
	alone := 0
	if attested {
		alone = 1
	}
	for i := range e.variants {
		if e.variants[i].text == string(d.disp) {
			e.variants[i].count++
			e.variants[i].alone += alone
			return
		}
	}
	us := make([]unit, n)
	copy(us, span)
	if n > 1 {
		us[n-1].plural = us[n-1].text != us[n-1].sing
		us[n-1].text, us[n-1].key = us[n-1].sing, us[n-1].singKey
	}
	e.variants = append(e.variants, variant{text: string(d.disp), count: 1, alone: alone, units: us})
}

// process extracts the candidates of one document.
func (e *Extractor) process(doc glossary.Document) map[string]*entry {
	// Size hints follow the document: a one-line document (a service run
	// on a short note) should not pay for the maps of a manual.
	hint := min(256, len(doc.Content)/16+8)
	d := &docState{tk: e.tk, entries: make(map[string]*entry, hint)}
	ja := DetectLanguage(doc.Content) == Japanese
	d.capMid = make(map[string]int, hint/4)
	d.lowerSeen = make(map[string]int, hint)
	d.codeCap = make(map[string]int, min(16, hint))
	english := false // English lines were tokenized
	title, top := "", ""
	// A glossary's headings name its entries ("## Glossary" over "###
	// Tide gauge" and its text; a page named glossary.md): terms, however
	// rarely the rest of the text repeats them.
	wholeGlossary := GlossaryFile(path.Base(doc.Path))
	glossaryLevel := 0 // > 0: inside a glossary opened by a heading of this level
	var entries []string
	notes := releaseNotes(doc.Content)
	d.md.forEachLine(doc.Content, func(l mdLine) {
		if l.title {
			title = strings.TrimSpace(strings.ReplaceAll(l.text, string(boundary), " "))
		}
		if l.heading {
			h := strings.TrimSpace(strings.ReplaceAll(l.text, string(boundary), " "))
			if l.level <= glossaryLevel {
				glossaryLevel = 0 // a heading beside or above the glossary's ends it
			}
			switch {
			case GlossaryHeading(h):
				glossaryLevel = l.level
			case (glossaryLevel > 0 || wholeGlossary && !l.top && !l.title) && glossaryEntry(h):
				entries = append(entries, strings.Trim(h, "\"'“”‘’「」『』*_`"))
			}
		}
		if l.top {
			top = strings.TrimSpace(strings.ReplaceAll(l.text, string(boundary), " "))
		}
		d.enCode(l.code, l.table)
		// In a Japanese document a line without Japanese (an English
		// paragraph, a note in English) is read as English: the Japanese
		// analyser would join words across its sentences ("Graphviz. For
		// ..." gave "Graphviz For").
		text := maskIdioms(maskSectionNumbers(maskCredits(maskCells(maskLabels(l.text[shoutedLabel(l.text):])), notes)))
		if pageList(text) || manRunningLine(text) {
			return
		}
		if !ja || !glossary.HasCJK(text) {
			if !shouting(text) {
				// Table cells are terse labels, like headings: their words
				// are terms only if the prose uses them too.
				d.enTokenize(text, l.heading, l.table)
				english = true
			}
			return
		}
		// A stretch of English inside a Japanese line (「説明: If this
		// option is true, aptitude will ...」, a sentence left
		// untranslated) is read as English, not word by word.
		if en, rest := englishStretches(text); en != "" {
			d.enTokenize(en, l.heading, l.table)
			english = true
			text = rest
		}
		d.jaHead = l.heading
		for seg := range strings.SplitSeq(text, string(boundary)) {
			if strings.TrimSpace(seg) != "" {
				d.jaSegment(seg)
			}
		}
	})
	if english {
		d.enDoc()
	}
	if title != "" {
		d.attestTitle(title)
	}
	for _, h := range entries {
		d.attestTitle(h)
	}
	if top != "" {
		d.packageTitle(top)
	}
	return d.entries
}

// glossaryEntry reports a heading that can name a glossary's entry: a few
// words, no sentence.
func glossaryEntry(h string) bool {
	if h == "" || strings.ContainsAny(h, ".?!。？！:：") {
		return false
	}
	if glossary.HasCJK(h) {
		return utf8.RuneCountInString(h) <= 20
	}
	return len(strings.Fields(h)) <= 5
}

// packageTitle makes a candidate of a document titled with a package's
// name alone ("# textlint-rule-prefer-tari-tari" over its tagline, a
// README's usual first line): the page is about that package, though its
// prose may never name it again (the name recurs only in install commands
// and code). Names with a hyphen, an underscore or a dot only: a title of
// words is a page's subject in prose, which the prose names.
func (d *docState) packageTitle(title string) {
	if strings.ContainsAny(title, " \t") {
		return
	}
	w, shape := wordShape(title)
	if shape != kLower && shape != kIdent || w != title || !strings.ContainsAny(w, "-_.") {
		return
	}
	if e := d.entries[strings.ToLower(w)]; e != nil {
		if e.cues[cueTitle] == 0 {
			e.standalone++
			e.cues[cueTitle]++
		}
		return
	}
	d.record([]unit{{text: w, key: strings.ToLower(w), sing: w, singKey: strings.ToLower(w), kind: kIdent}}, false, true, 1<<cueTitle)
}

// manRunningLine reports the header or footer line of a manual page
// saved as text: it ends with the page's name and section in capitals
// ("CRONTAB(5) File Formats Manual CRONTAB(5)", "Linux 2021-03-22
// ISO_8859-1(7)"). Its words are the page's running title, no terms.
func manRunningLine(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) < 6 || t[len(t)-1] != ')' {
		return false
	}
	return manPageName.MatchString(t)
}

var manPageName = regexp.MustCompile(`(^|\s)[A-Z][A-Z0-9_.:-]*\([0-9][a-z]*\)$`)

// formula, cellRange and cellRef find spreadsheet formulas
// ("=ROWS(A10:B12)"), cell ranges ("cells A12:E12", "$A$1:$B$2") and, in
// a formula, single cells: examples, whose cell names are no terms.
var (
	formula   = regexp.MustCompile(`=[A-Z][A-Z0-9.]*\((?:[^()]|\([^()]*\))*\)`)
	cellRange = regexp.MustCompile(`\$?\b[A-Z]{1,3}\$?[0-9]{1,7}:\$?[A-Z]{1,3}\$?[0-9]{1,7}\b`)
	cellRef   = regexp.MustCompile(`\$?\b[A-Z]{1,3}\$?[0-9]{1,7}\b`)
)

// creditParen matches the people a release note credits for a change, in a
// parenthesis at the end of its sentence: "(Tom Lane)", "(Shi Yu, Tom
// Lane)", "(Ada Lovelace and Alan Turing)", before the next sentence or
// the line's end.
var creditParen = regexp.MustCompile(`([\w\x1f)"”.]) \(((?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?: (?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.|van|von|de|der|da|di|le)){1,3}` +
	`(?:(?:, | and )(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?: (?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.|van|von|de|der|da|di|le)){1,3})*)\)(?:$| [\p{Lu}\x1f]|\.)`)

// maskSectionNumbers blanks the numbers of an appendix's sections: "A.11.1"
// (two levels or more) anywhere, "A.10" (one level, a letter of A to F)
// opening a line, a heading or an entry of a table of contents ("A.10
// 音部記号のスタイル"), or after a semicolon (an index's cells, "clef,
// ancient music; A.11 Clef styles"). A standard's number stays where prose cites it
// ("X.509", "H.264", "E.164 numbers").
func maskSectionNumbers(text string) string {
	if !strings.Contains(text, ".") {
		return text
	}
	var b []byte
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if c < 'A' || c > 'Z' || text[i+1] != '.' || text[i+2] < '0' || text[i+2] > '9' {
			continue
		}
		if i > 0 && (isASCIIAlnum(text[i-1]) || text[i-1] == '.' || text[i-1] == '_' || text[i-1] == '-') {
			continue
		}
		j, levels := i+1, 0
		for j+1 < len(text) && text[j] == '.' && text[j+1] >= '0' && text[j+1] <= '9' {
			j++
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			levels++
		}
		if j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '_' || text[j] == '-') {
			continue
		}
		before := strings.TrimRight(text[:i], " "+string(boundary))
		opens := before == "" || strings.HasSuffix(before, ";") || strings.HasSuffix(before, "|")
		if levels < 2 && !(opens && c <= 'F' && j < len(text) && text[j] == ' ') {
			continue
		}
		b = blankSpan(b, text, i, j)
		i = j
	}
	if b == nil {
		return text
	}
	return string(b)
}

// releaseNotes reports a document with three items or more that open
// with what was done ("Fix ...", "Allow ...") and close their first
// sentence with the people credited for it (see creditParen): release
// notes, whose other items credit people the same way ("Shorten the race
// condition window ... (Tom Lane)").
func releaseNotes(content string) bool {
	n := 0
	for line := range strings.Lines(content) {
		if !strings.Contains(line, ")") {
			continue
		}
		w, _, _ := strings.Cut(strings.TrimLeft(line, " -*"), " ")
		if changeVerbs[w] && creditParen.MatchString(strings.TrimRight(line, "\r\n")) {
			if n++; n == 3 {
				return true
			}
		}
	}
	return false
}

// maskCredits blanks the people credited in the parentheses of a release
// note's item, one that opens with what was done ("Fix ...", "Allow ...";
// see creditParen), or of any line of release notes (notes); an expansion
// after an acronym ("TQ (Tide Queue)") stays, and so does a parenthesis
// of other prose ("(Swarm Mode)", "(Hong Kong)").
func maskCredits(text string, notes bool) string {
	if !strings.Contains(text, ")") {
		return text
	}
	item := strings.TrimLeft(text, " -*"+string(boundary))
	if w, _, _ := strings.Cut(item, " "); !notes && !changeVerbs[w] {
		return text
	}
	ms := creditParen.FindAllStringSubmatchIndex(text, -1)
	if ms == nil {
		return text
	}
	var b []byte
	for _, m := range ms {
		names := text[m[4]:m[5]]
		start := strings.LastIndexByte(text[:m[2]], ' ') + 1
		if initials(names) == strings.ToUpper(strings.Trim(text[start:m[3]], "`*_")) {
			continue // "TQ (Tide Queue)": what the acronym stands for
		}
		b = blankSpan(b, text, m[4]-1, m[5]+1) // the parentheses too
	}
	if b == nil {
		return text
	}
	return string(b)
}

// maskIdioms blanks set phrases whose nouns say nothing of the subject:
// "in turn", "(keep) in mind", "for obvious reasons", "for this reason".
// Manuals write them often enough to rank "turn" and "mind" as terms.
func maskIdioms(text string) string {
	if !strings.Contains(text, " turn") && !strings.Contains(text, " mind") && !strings.Contains(text, "reason") {
		return text // cheap test first: this runs for every line
	}
	ms := idiom.FindAllStringIndex(text, -1)
	if ms == nil {
		return text
	}
	var b []byte
	for _, m := range ms {
		b = blankSpan(b, text, m[0], m[1])
	}
	return string(b)
}

var idiom = regexp.MustCompile(`(?i)\b(?:in (?:turn|mind)|for (?:(?:the|a|some|this|that|these|those|obvious|historical|security|performance|compatibility|technical|various|several|other|many|legal|practical|backward|backwards|same|good|two|three) )+reasons?)\b`)

// blankSpan replaces text[from:to] with boundary bytes in b, a copy of
// text made on the first call (b nil).
func blankSpan(b []byte, text string, from, to int) []byte {
	if b == nil {
		b = []byte(text)
	}
	for k := from; k < to; k++ {
		b[k] = boundary
	}
	return b
}

// changeVerbs open the items of release notes.
var changeVerbs = map[string]bool{
	"Fix": true, "Allow": true, "Add": true, "Avoid": true, "Prevent": true, "Improve": true, "Remove": true,
	"Support": true, "Make": true, "Change": true, "Ensure": true, "Disallow": true, "Document": true,
	"Correct": true, "Update": true, "Handle": true, "Speed": true, "Reduce": true, "Restore": true,
	"Repair": true, "Teach": true, "Use": true, "Enable": true, "Disable": true, "Honor": true, "Honour": true,
	"Accept": true, "Reject": true, "Report": true, "Rename": true, "Deprecate": true, "Require": true,
	"Adjust": true, "Clarify": true, "Optimize": true, "Optimise": true, "Limit": true, "Log": true,
	"Fixed": true, "Added": true, "Removed": true, "Improved": true, "Changed": true, "Updated": true,
	"Harden": true, "Detect": true, "Guard": true, "Suppress": true, "Track": true, "Cope": true, "Warn": true,
	"Keep": true, "Don't": true,
}

// initials returns the capital initials of a name's words: "TQ" for
// "Tide Queue".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// maskCells blanks the cell ranges of a line and the cells named in its
// formulas. The functions stay: MAX is a term of the help that shows
// "=MAX(A1:B2)" or "=IF(MAX(A1;B1)>5; ...)".
func maskCells(text string) string {
	// Most lines have neither: "=" before a capital, or ":" between a
	// digit and a capital or "$".
	var eq, colon bool
	for i := 1; i+1 < len(text); i++ {
		switch text[i] {
		case '=':
			eq = eq || text[i+1] >= 'A' && text[i+1] <= 'Z'
		case ':':
			colon = colon || text[i-1] >= '0' && text[i-1] <= '9' && (text[i+1] >= 'A' && text[i+1] <= 'Z' || text[i+1] == '$')
		}
	}
	if text != "" && text[0] == '=' && len(text) > 1 {
		eq = eq || text[1] >= 'A' && text[1] <= 'Z'
	}
	blank := func(m string) string { return strings.Repeat(string(boundary), len(m)) }
	if eq {
		cells := func(m string) string { return cellRef.ReplaceAllStringFunc(m, blank) }
		text = formula.ReplaceAllStringFunc(text, cells)
	}
	if colon {
		text = cellRange.ReplaceAllStringFunc(text, blank)
	}
	return text
}

// pageList reports a line that is mostly the names of pages: three or
// more, half its words or more, or a key and an arrow before nothing else
// ("aggfunc → lang_corefunc.html lang_expr.html#booleanexpr ...", a
// cross-reference index). Page names are links, not terms.
func pageList(text string) bool {
	if !strings.Contains(text, ".htm") {
		return false
	}
	words := strings.Fields(text)
	pages, arrow := 0, -1
	for i, w := range words {
		if w == "→" {
			arrow, pages = i, 0
			continue
		}
		w, _, _ = strings.Cut(w, "#")
		if l := strings.ToLower(strings.TrimRight(w, ",;.")); strings.HasSuffix(l, ".html") || strings.HasSuffix(l, ".htm") {
			pages++
		}
	}
	if arrow >= 0 {
		return pages > 0 && pages == len(words)-arrow-1
	}
	return pages >= 3 && pages*2 >= len(words)
}

// englishStretches takes from a line with Japanese the stretches without
// Japanese that read as English prose (five words or more, three of them in
// lower case): it returns them joined by a boundary, and the line with a
// boundary in their place. Names ("Pod", "Debian Free Software Guidelines
// (DFSG)") and lists of values stay in the Japanese text.
func englishStretches(text string) (en, rest string) {
	var spans [][2]int // the stretches taken, as offsets into text
	start := -1        // start of the current stretch without Japanese
	end := func(at int) {
		if start < 0 {
			return
		}
		// Five words need four spaces: most stretches ("Pod", "API")
		// stop here, without splitting.
		if run := text[start:at]; strings.Count(run, " ") >= 4 {
			if words := strings.Fields(run); len(words) >= 5 && lowerWords(words) >= 3 {
				spans = append(spans, [2]int{start, at})
			}
		}
		start = -1
	}
	for i, r := range text {
		if glossary.IsCJK(r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef {
			end(i)
		} else if start < 0 {
			start = i
		}
	}
	end(len(text))
	if len(spans) == 0 {
		return "", text
	}
	var enB, restB strings.Builder
	prev := 0
	for _, sp := range spans {
		enB.WriteString(text[sp[0]:sp[1]])
		enB.WriteRune(boundary)
		restB.WriteString(text[prev:sp[0]])
		restB.WriteRune(boundary)
		prev = sp[1]
	}
	restB.WriteString(text[prev:])
	return enB.String(), restB.String()
}

// lowerWords counts the words of two letters or more in lower case.
func lowerWords(words []string) int {
	n := 0
	for _, w := range words {
		w = strings.Trim(w, ".,;:()\"'")
		if len(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			n++
		}
	}
	return n
}

// attestTitle counts a document's title as a use of the candidate it
// spells, if one does: a glossary page titled "DaemonSet" over a summary
// that never repeats it is about DaemonSet. Other headings name sections
// and stay unattested.
func (d *docState) attestTitle(title string) {
	for _, e := range d.entries {
		for i := range e.variants {
			if v := &e.variants[i]; strings.EqualFold(v.text, title) {
				v.alone++
				e.standalone++
				e.cues[cueTitle]++
				return
			}
		}
	}
}

// shouting reports a line of three or more words all in capitals ("QUILLMOOR
// FREQUENTLY ASKED QUESTIONS"), a title whose words are not acronyms.
func shouting(text string) bool {
	words := 0
	for w := range strings.FieldsSeq(text) {
		letters := false
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			letters = letters || unicode.IsUpper(r)
		}
		if letters {
			words++
		}
	}
	return words >= 3
}

// shoutedLabel returns the length of a label in capitals that opens a
// line, or 0: DocBook sidebars title themselves "BACK TO BASICS The named
// pipe", "GOING FURTHER Old package versions", 「TOOL 現在の設定を表示する」.
// The label is a run of capitalised words that markup closes, one of them
// an everyday word ("POLICY", "TOOL"), or that a word with small letters or
// Japanese follows, most of them everyday words ("BACK TO BASICS gzip,
// bzip2 ..."); "HTTP API Keys", "HTTP CONNECT proxies" and "NATS
// Streaming" keep their acronyms.
func shoutedLabel(text string) int {
	i := 0
	for i < len(text) && (text[i] < 'A' || text[i] > 'Z') {
		if text[i] >= 'a' && text[i] <= 'z' || text[i] >= 0x80 {
			return 0
		}
		i++
	}
	end, _ := labelEnd(text, i)
	return end
}

// labelEnd returns the end of a label in capitals that starts at offset i
// of text (see shoutedLabel) and its number of words, or 0.
func labelEnd(text string, i int) (int, int) {
	end, words, everyday := 0, 0, 0
	for i < len(text) {
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != boundary {
			j++
		}
		w := text[i:j]
		if !allCapitals(w) {
			// Without markup to close it, a label has two words or more,
			// most of them everyday ones: "HTTP CONNECT proxies" names a
			// method, "GET requests are cached" and "SELECT statements"
			// open with one.
			if words >= 2 && everyday*2 > words && strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLower(r) || r >= 0x3000 }) {
				return end, words
			}
			return 0, 0
		}
		lw := strings.ToLower(w)
		words++
		if has(enStop, lw) || has(enCommonNouns, lw) || has(enLabelWords, lw) {
			everyday++
		}
		end = j
		marked := false
		for j < len(text) && (text[j] == ' ' || text[j] == boundary) {
			marked = marked || text[j] == boundary
			j++
		}
		if marked && everyday > 0 && j < len(text) {
			return end, words // "***DEBIAN POLICY* Register ...": the emphasis ends the label
		}
		i = j
	}
	return 0, 0
}

// maskLabels blanks the labels of two words or more in capitals inside a
// line ("see the sidebar BACK TO BASICS Essential network concepts"): the
// line-opening one is cut by shoutedLabel.
func maskLabels(text string) string {
	var b []byte
	for p := 1; p < len(text); p++ {
		if c := text[p-1]; text[p] < 'A' || text[p] > 'Z' || c != ' ' && c != '(' && c != boundary {
			continue
		}
		end, words := labelEnd(text, p)
		if words < 2 {
			continue
		}
		b = blankSpan(b, text, p, end)
		p = end
	}
	if b == nil {
		return text
	}
	return string(b)
}

// allCapitals reports a word of two letters or more, all capitals.
func allCapitals(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// Extract returns the candidate terms of docs ranked best first (ties broken
// by text). Each term carries its category, termhood score, frequency and
// the sorted paths of the documents it occurs in. progress, if not nil, is
// called after each document from the calling goroutine. Documents are
// analysed in parallel; the result does not depend on scheduling.
func (e *Extractor) Extract(ctx context.Context, docs []glossary.Document, progress func(done, total int, doc string)) ([]glossary.Term, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	total := len(docs)
	results := make([]map[string]*entry, total)
	read := withoutBoilerplate(withoutTemplateSummaries(docs))
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), total)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				results[i] = e.process(read[i])
				done <- i
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range total {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	count := 0
	for i := range done {
		count++
		if progress != nil && ctx.Err() == nil {
			progress(count, total, docs[i].Path)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return e.rank(docs, results), nil
}

// capitalisedName reports a candidate written as a name in the text: a
// variant seen on its own whose last word is capitalised ("Apache HTTP
// Server").
func capitalisedName(c *entry) bool {
	for _, v := range c.variants {
		if v.alone > 0 && len(v.units) > 0 && v.units[len(v.units)-1].kind == kCap {
			return true
		}
	}
	return false
}

// Boilerplate is a line of prose that the documents repeat word for word:
// a site's notice on every page ("This directive has not been translated
// yet. Please see the English version."), not the text of any of them. Its
// words would rank as terms of the whole corpus ("English version").
const (
	boilerplateMinBytes = 24 // shorter lines ("See also:", "Example:") are labels
	boilerplateMinDocs  = 4  // documents that repeat it
	boilerplateMinCount = 5  // times it appears in all
)

// withoutBoilerplate returns docs with their boilerplate lines blanked (line
// numbers kept); docs itself when there is none.
func withoutBoilerplate(docs []glossary.Document) []glossary.Document {
	if len(docs) < boilerplateMinDocs {
		return docs
	}
	split := make([][]string, len(docs))
	type seen struct{ count, docs, last int }
	lines := map[string]*seen{}
	for di, d := range docs {
		split[di] = strings.Split(d.Content, "\n")
		for _, l := range split[di] {
			t := strings.TrimSpace(l)
			if !boilerplateCandidate(t) {
				continue
			}
			st := lines[t]
			if st == nil {
				st = &seen{last: -1}
				lines[t] = st
			}
			st.count++
			if st.last != di {
				st.docs++
				st.last = di
			}
		}
	}
	repeated := func(t string) bool {
		st := lines[t]
		return st != nil && st.docs >= boilerplateMinDocs && st.count >= boilerplateMinCount
	}
	// A repeated line next to another repeated line is part of a passage
	// that the documents share (a section included in several manual
	// pages), which is their text: only a line repeated on its own is a
	// notice.
	alone := map[string]int{}
	for _, ls := range split {
		for i, l := range ls {
			t := strings.TrimSpace(l)
			if repeated(t) && !repeated(neighbour(ls, i, -1)) && !repeated(neighbour(ls, i, +1)) {
				alone[t]++
			}
		}
	}
	drop := map[string]bool{}
	for t, n := range alone {
		if n >= boilerplateMinCount && n*2 >= lines[t].count {
			drop[t] = true
		}
	}
	if len(drop) == 0 {
		return docs
	}
	out := make([]glossary.Document, len(docs))
	for di, d := range docs {
		out[di] = d
		ls := split[di]
		changed := false
		for i, l := range ls {
			if drop[strings.TrimSpace(l)] {
				ls[i] = ""
				changed = true
			}
		}
		if changed {
			out[di].Content = strings.Join(ls, "\n")
		}
	}
	return out
}

// templateSummary is the summary line under a page's title (a front
// matter's description, read as the line under its title's heading) that
// four pages or more fill with their own title: "The config rm command
// description and usage" under "# config rm" (Docker's reference), a
// template, not the page's text. at and end are the line's byte offsets,
// title and titleEnd those of the title in it.
type templateSummary struct{ at, end, title, titleEnd int }

// templateSummaries finds the template summary of each of docs; ok false
// where a page has none.
func templateSummaries(docs []glossary.Document) (sums []templateSummary, ok []bool) {
	if len(docs) < boilerplateMinDocs {
		return nil, nil
	}
	sums = make([]templateSummary, len(docs))
	templates := make([]string, len(docs))
	count := map[string]int{}
	for i, d := range docs {
		title, rest, found := titleLine(d.Content)
		if !found {
			continue
		}
		line, _, _ := strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") || !strings.Contains(strings.ToLower(t), strings.ToLower(title)) ||
			len(strings.ToLower(t)) != len(t) || len(strings.ToLower(title)) != len(title) {
			continue // (offsets in the lower-cased text must hold in the text)
		}
		k := strings.Index(strings.ToLower(t), strings.ToLower(title))
		templates[i] = strings.ToLower(t[:k]) + "\x00" + strings.ToLower(t[k+len(title):])
		at := len(d.Content) - len(rest)
		lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace)) // as TrimSpace trims
		sums[i] = templateSummary{at, at + len(line), at + lead + k, at + lead + k + len(title)}
		count[templates[i]]++
	}
	ok = make([]bool, len(docs))
	for i := range docs {
		ok[i] = templates[i] != "" && count[templates[i]] >= boilerplateMinDocs
	}
	return sums, ok
}

// withoutTemplateSummaries blanks the template summaries of docs (see
// templateSummary).
func withoutTemplateSummaries(docs []glossary.Document) []glossary.Document {
	sums, ok := templateSummaries(docs)
	var out []glossary.Document
	for i, d := range docs {
		if ok == nil || !ok[i] {
			continue
		}
		if out == nil {
			out = slices.Clone(docs)
		}
		// The template's words are blanked, not removed, and the title
		// in it stays: the heading over it is still the page's title
		// (see mdLine.title), and the title a use of its name.
		f := sums[i]
		out[i].Content = d.Content[:f.at] + strings.Repeat(string(boundary), f.title-f.at) + d.Content[f.title:f.titleEnd] +
			strings.Repeat(string(boundary), f.end-f.titleEnd) + d.Content[f.end:]
	}
	if out == nil {
		return docs
	}
	return out
}

// TemplateSummaries returns, by document path, the summary line (trimmed)
// that withoutTemplateSummaries blanks in docs: a page's description
// filled from a template with its title ("The config rm command
// description and usage"), which says nothing of any term.
func TemplateSummaries(docs []glossary.Document) map[string]string {
	sums, ok := templateSummaries(docs)
	out := map[string]string{}
	for i, d := range docs {
		if ok != nil && ok[i] {
			out[d.Path] = strings.TrimSpace(d.Content[sums[i].at:sums[i].end])
		}
	}
	return out
}

// titleLine returns the text of the heading that opens content ("# config
// rm") and what follows its line.
func titleLine(content string) (title, rest string, ok bool) {
	t := strings.TrimLeft(content, "\n \t\r")
	if !strings.HasPrefix(t, "# ") {
		return "", "", false
	}
	line, rest, ok := strings.Cut(t, "\n")
	title = strings.TrimSpace(strings.TrimPrefix(line, "# "))
	return title, rest, ok && title != ""
}

// neighbour returns the nearest non-blank line before (step -1) or after
// (step +1) line i, trimmed; "" when there is none.
func neighbour(ls []string, i, step int) string {
	for j := i + step; j >= 0 && j < len(ls); j += step {
		if t := strings.TrimSpace(ls[j]); t != "" {
			return t
		}
	}
	return ""
}

// boilerplateCandidate reports a line that may be boilerplate: prose long
// enough to be a sentence, not a heading, a table row, markup or a fence.
func boilerplateCandidate(t string) bool {
	if len(t) < boilerplateMinBytes {
		return false
	}
	switch t[0] {
	case '#', '|', '`', '~', '<', '{', '[', '!', '>', ':':
		return false
	}
	return true
}

// merge folds the per-document candidates into one corpus-wide map.
func merge(results []map[string]*entry) map[string]*entry {
	n := 0
	for _, m := range results {
		n += len(m)
	}
	all := make(map[string]*entry, min(n, 1<<16))
	for di, m := range results {
		for k, de := range m {
			c := all[k]
			if c == nil {
				c = &entry{key: k, ja: de.ja, n: de.n}
				all[k] = c
			}
			c.absorb(de)
			c.docs = append(c.docs, di)
		}
	}
	return all
}

// absorb adds the counts and variants of o to c (not the documents).
func (c *entry) absorb(o *entry) {
	c.freq += o.freq
	c.standalone += o.standalone
	c.verbs += o.verbs
	for i := range c.cues {
		c.cues[i] += o.cues[i]
	}
outer:
	for _, v := range o.variants {
		for i := range c.variants {
			if c.variants[i].text == v.text {
				c.variants[i].count += v.count
				c.variants[i].alone += v.alone
				continue outer
			}
		}
		c.variants = append(c.variants, v)
	}
}

// allLower reports a candidate every spelling of which is one lower-case
// word.
func allLower(c *entry) bool {
	for _, v := range c.variants {
		if len(v.units) != 1 || v.units[0].kind != kLower {
			return false
		}
	}
	return true
}

// best returns the spelling of c to show: among the spellings attested on
// their own (all spellings when none is), those written like the key (the
// singular, when plurals were merged), the most frequent (ties: the
// capitalised spelling, then the smallest text). A spelling
// with inner capitals ("JetStream", "HTTP") wins over "jetstream" or
// "Jetstream" when it makes at least a quarter of those occurrences.
func (c *entry) best() *variant {
	keyForm := false
	if !c.ja {
		// The singular, when the text writes it, names the term ("tug"
		// beside "tugs"); not a slip once beside a name that is plural
		// ("gitattribute" once, "gitattributes" 249 times).
		keyCount, all := 0, 0
		for i := range c.variants {
			all += c.variants[i].count
			if strings.EqualFold(c.variants[i].text, c.key) {
				keyCount += c.variants[i].count
			}
		}
		keyForm = keyCount > 0 && keyCount*20 >= all
	}
	pool := func(v *variant) bool { return !keyForm || strings.EqualFold(v.text, c.key) }
	anyAlone := false
	for i := range c.variants {
		v := &c.variants[i]
		anyAlone = anyAlone || pool(v) && v.alone > 0
	}
	var b, mixed *variant
	total := 0
	for i := range c.variants {
		v := &c.variants[i]
		if !pool(v) || anyAlone && v.alone == 0 {
			continue
		}
		total += v.count
		if b == nil || betterVariant(v, b, c.key) {
			b = v
		}
		if !c.ja && innerCaps(v.text) && (mixed == nil || betterVariant(v, mixed, c.key)) {
			mixed = v
		}
	}
	if mixed != nil && mixed != b && mixed.count*4 >= total {
		return mixed
	}
	return b
}

func betterVariant(v, b *variant, key string) bool {
	if v.count != b.count {
		return v.count > b.count
	}
	if (v.text == key) != (b.text == key) {
		return v.text != key // the capitalised spelling: a name
	}
	return v.text < b.text
}

// pluralName reports a one-word candidate c ending in "s" that the text
// writes capitalised as a name three times or more and three times in four
// at least, while its singular t is mostly written in lower case, or is
// rare: a name ("Requests", the library, beside "request"; "Pygments"
// beside one "Pygment"), not t's plural.
func pluralName(c, t *entry) bool {
	caps, all := 0, 0
	for _, v := range c.variants {
		all += v.count
		if u := v.units[len(v.units)-1]; u.kind == kCap && u.text != "" && u.text[0] >= 'A' && u.text[0] <= 'Z' {
			caps += v.count
		}
	}
	if caps < 3 || caps*4 < all*3 {
		return false
	}
	tcaps, tall := 0, 0
	for _, v := range t.variants {
		tall += v.count
		if u := v.units[len(v.units)-1]; u.kind == kCap {
			tcaps += v.count
		}
	}
	// A singular written a fifth as often or less, in capitals too
	// ("Pygment" once beside "Pygments" twelve times), is a slip in the
	// name, not the thing it is many of.
	return tcaps*2 < tall || caps >= 5 && tall*5 <= caps && !camelCase(c)
}

// camelCase reports a candidate written in CamelCase ("EntryPoints"): a
// name made of words, whose "s" is a plural's.
func camelCase(c *entry) bool {
	for _, v := range c.variants {
		t := v.units[len(v.units)-1].text
		for i := 1; i < len(t); i++ {
			if t[i] >= 'A' && t[i] <= 'Z' && t[i-1] >= 'a' && t[i-1] <= 'z' {
				return true
			}
		}
	}
	return false
}

// capSingular reports whether some spelling of c ends in a capitalised
// singular word ("Object Store").
func capSingular(c *entry) bool {
	for _, v := range c.variants {
		l := v.units[len(v.units)-1]
		if l.kind == kCap && singular(l.key) == l.key {
			return true
		}
	}
	return false
}

// sameName reports two candidates whose spellings open with the same name
// written the same way ("TCP Routers", "TCP router"): the words after it
// differ only in case.
func sameName(c, t *entry) bool {
	for _, v := range c.variants {
		u := v.units[0]
		if u.kind != kCap && u.kind != kAcronym && u.kind != kIdent {
			continue
		}
		for _, w := range t.variants {
			if w.units[0].text == u.text && w.units[len(w.units)-1].kind == kLower {
				return true
			}
		}
	}
	return false
}

// innerCaps reports a Latin word with a capital after its first letter:
// "JetStream", "HTTP", "iOS".
func innerCaps(s string) bool {
	for w := range strings.FieldsSeq(s) {
		for i, r := range w {
			if i > 0 && unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

func sortedKeys(m map[string]*entry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// spanKey builds the key of us[i:j] as record does.
func spanKey(buf []byte, us []unit, i, j int, ja bool) []byte {
	buf = buf[:0]
	for k := i; k < j; k++ {
		if k > i && !ja {
			buf = append(buf, ' ')
		}
		if j-i > 1 && k == j-1 {
			buf = append(buf, us[k].singKey...)
		} else {
			buf = append(buf, us[k].key...)
		}
	}
	return buf
}

// rank merges, scores, filters and sorts the candidates.
func (e *Extractor) rank(docs []glossary.Document, results []map[string]*entry) []glossary.Term {
	maxTerms := e.opts.MaxTerms
	if maxTerms == 0 {
		size := 0
		for _, d := range docs {
			size += len(d.Content)
		}
		maxTerms = MaxTermsFor(size)
	}
	all := merge(results)
	keys := sortedKeys(all)

	// Merge English plurals into their singular when the corpus also uses
	// the singular ("brokers" into "broker", "Object Stores" into "Object
	// Store"; multi-word lower-case phrases are keyed singular already).
	for _, k := range keys {
		c := all[k]
		if c == nil || c.ja {
			continue
		}
		words, fields := 0, 0
		for _, v := range c.variants {
			u := v.units[len(v.units)-1]
			// A kind name in UpperCamelCase takes a plural like a word
			// ("ConfigMaps"); a camelCase field keeps its "s"
			// ("imagePullSecrets" is the field's name), unless the text
			// writes the name far more often ("EntryPoints" 28 times,
			// the field "entryPoints:" 9, Traefik's).
			upper := u.text != "" && u.text[0] >= 'A' && u.text[0] <= 'Z'
			if u.kind == kLower || u.kind == kCap || u.kind == kIdent && upper {
				words += v.count
			}
			if u.kind == kIdent && !upper {
				fields += v.count
			}
		}
		if words == 0 || fields > 0 && words < 2*fields {
			continue
		}
		sp := strings.LastIndexByte(k, ' ')
		last := k[sp+1:]
		s := singular(last)
		if s == last && c.n == 1 && strings.HasSuffix(last, "ics") {
			s = last[:len(last)-1] // "topics" when "topic" is used too
		}
		if s == last {
			continue
		}
		t := all[k[:sp+1]+s]
		if t == nil && c.n == 1 && c.cues[cuePlural] > 0 && c.cues[cueSingular] == 0 && allLower(c) &&
			!has(enAdjSingle, s) && !isAdjective(s) {
			// "how many pixels fall into ...", "clipped pixels": a word
			// the text only writes in the plural, and uses as one, is
			// shown in the singular, as a phrase is ("cache entry").
			// "globals" and "internals" are nouns only in the plural.
			for i := range c.variants {
				v := &c.variants[i]
				u := v.units[0]
				u.text, u.key = u.sing, u.singKey
				v.units = []unit{u}
				v.text = u.text
			}
			c.key = s
			all[s] = c
			delete(all, k)
			continue
		}
		if t != nil && c.n == 1 && (pluralName(c, t) || c.cues[cueSingular] > c.cues[cuePlural]) {
			// "Requests is an elegant and simple HTTP library for
			// Python": a name written with its "s", capitalised in the
			// middle of sentences, beside the word "request" the text
			// writes in lower case; "attrs is a Python-only package": a
			// singular verb makes it one thing, not many attrs, unless
			// the text treats it as a plural more often ("methods is a
			// list of methods" beside "these methods", "methods are").
			continue
		}
		if t == nil || c.n > 1 && !capSingular(t) && !(sameName(c, t) && t.freq*4 >= c.freq) {
			// "In-Sync Replicas" stays a name beside "in-sync replicas";
			// "TCP Routers" and "Kubernetes Objects" are the title case of
			// "TCP router" and "Kubernetes object", which the text also
			// writes; "Kafka Streams" is a name where "Kafka stream" is rare.
			continue
		}
		t.absorb(c)
		t.docs = mergeDocs(t.docs, c.docs)
		delete(all, k)
	}
	keys = sortedKeys(all)

	// Nesting: for every attested multi-unit candidate, each distinct
	// shorter candidate inside it learns that it is nested there.
	var buf []byte
	var seen []string
	for _, k := range keys {
		c := all[k]
		if c.standalone == 0 || c.n < 2 {
			continue
		}
		us := c.variants[0].units
		seen = seen[:0]
		for i := 0; i < c.n; i++ {
			for j := i + 1; j <= c.n; j++ {
				if j-i == c.n {
					continue
				}
				buf = spanKey(buf, us, i, j, c.ja)
				t := all[string(buf)]
				if t == nil {
					continue
				}
				dup := false
				for _, s := range seen {
					if s == t.key {
						dup = true
						break
					}
				}
				if dup {
					continue
				}
				seen = append(seen, t.key)
				t.nestSum += c.freq
				t.nestTypes++
				if i == 0 && j == c.n-1 && !c.ja && !t.ja && capitalisedName(c) {
					t.namePrefix = true
				}
				if t.standalone == 0 {
					t.parents = append(t.parents, c.key)
				}
			}
		}
	}

	for _, k := range keys {
		if c := all[k]; c.namePrefix {
			c.standalone = max(0, c.standalone-c.cues[cueModifier])
		}
	}

	terms := make([]glossary.Term, 0, 256)
	for _, k := range keys {
		c := all[k]
		if c.standalone == 0 {
			// Never seen alone: a term only if it recurs in several
			// compounds. Extensions of one compound count once ("plane" in
			// "control plane", "control plane component" and "Kubernetes
			// control plane" is a piece of "control plane").
			if k := minimalParents(c.parents, c.ja); k < 2 || c.n == 1 && k < 3 {
				continue
			}
		}
		if c.n == 1 && !c.ja && weakSingle(c.key) && (c.standalone == 0 || c.cues[cueDefined] == 0 && c.standalone*10 <= c.freq) {
			// "financial" of "financial data", "financial institution"
			// and a dozen more, alone once in ten uses or less: a modifier.
			continue
		}
		if c.n == 1 && !c.ja && (hyphenModifier(c.key) || has(enNeverSingle, c.key) || len(c.variants) > 0 && hyphenModifier(c.variants[0].text)) {
			continue
		}
		if c.n == 1 && !c.ja && isVerbS(c.key) && all[singular(c.key)] == nil {
			// "prints", "triggers": a verb whose stem the corpus never
			// uses as a noun.
			continue
		}
		v := c.best()
		if junk(v.text, c.ja) {
			continue
		}
		if !c.ja && c.n == 1 && v.alone == 0 && v.units[0].kind == kCap {
			// "Log" of "Write-Ahead Log", "Halvard" of "Halvard Systems":
			// a part of a name is not a name.
			continue
		}
		if !c.ja && c.n == 1 && c.cues[cueDefined] == 0 && has(enVerbs, c.key) && mostlyVerb(c) {
			// "edit the properties", "you can edit the label": a word the
			// text uses as a verb far more often than as a noun.
			continue
		}
		if !c.ja && c.n == 1 && v.units[0].kind == kCap && c.cues[cueDefined] == 0 && has(enVerbs, c.key) && menuVerb(c) {
			// "File → Import": a verb the text writes in lower case as a
			// verb, capitalised only on a menu item or a button.
			continue
		}
		if !c.ja && c.n == 1 && numberedPlaceholder(c.key, all) {
			// "pattern1" and "pattern2" of "?and(pattern1, pattern2)":
			// placeholders numbered in a syntax, not names ("ext2" and
			// "ext4" are).
			continue
		}
		if !c.ja && c.n == 1 && v.units[0].kind == kCap && isGerund(c.key) && c.cues[cueDefined] == 0 {
			// "Customizing" of “Customizing the package hierarchy”, a
			// section cited by its title: the verb of a task, capitalised
			// as titles are; a heading of its own ("## Networking") or a
			// subject before "is" still makes it a term.
			continue
		}
		if !c.ja && c.n > 1 && v.units[0].kind == kLower && has(enCompoundParticiples, v.units[0].key) {
			// "separated list" of "comma separated list": the participle
			// belongs to the word before it.
			continue
		}
		if l := v.units[0]; !c.ja && c.n > 1 && (l.kind == kCap && fieldTypes[l.key] && l.key != "object" && l.key != "array" ||
			(l.key == "optional" || l.key == "required") && c.n == 2 && fieldTypes[v.units[1].key]) {
			// "oid - The String OID of the object.", "ref - Optional
			// object describing ...": a field's type, capitalised as
			// JSDoc and API specs write it, before its name; or a type
			// that is optional, not a term.
			continue
		}
		if l := v.units[0]; c.n == 1 && l.kind == kCap && has(enPrimitiveTypes, l.key) {
			// "month: Integer - 月 (1～12)", "name: String": a parameter's
			// type, written capitalised as in Java or JSDoc, not a term.
			continue
		}
		if l := v.units[0]; c.n == 1 && l.kind == kCap && enTitleDocNouns[l.key[strings.LastIndexByte(l.key, ' ')+1:]] {
			// "Debian Policy Manual" in Japanese text (one unit, see
			// jaSegment), and "Manual" of "git Manual": as in English
			// text (below), the title of a publication cited, or a part
			// of one.
			continue
		}
		if !c.ja && c.n > 1 && taskTitle(v.units) {
			// "Grouping Pivot Tables", "Editing Pivot Charts": the title of
			// a page about a task, and the links to it.
			continue
		}
		if !c.ja && needsRecurrence(v.units) && c.freq < 3 && (c.freq < 2 || len(c.docs) < 2) && c.cues[cueAsked] == 0 {
			// Said once or twice in passing; what an FAQ asks about
			// ("What is ballast?") is a term however rarely repeated.
			continue
		}
		if !c.ja && c.n > 1 {
			// "client guide", "concepts page": a reference to a document,
			// not a term.
			// The variant's own last unit: variants of one key can have
			// different unit counts ("Web App" is one unit in Japanese
			// text).
			if l := v.units[len(v.units)-1]; l.kind == kLower && has(enDocNouns, l.key) || enTitleDocNouns[l.key] {
				// "Amazon EC2 User Guide", "Operator Handbook": the title
				// of a publication cited, capitalised or not.
				continue
			}
			if l := v.units[len(v.units)-1]; l.kind == kLower && has(enAdjSingle, l.key) {
				// "virtual private" of "virtual private gateway": a
				// phrase that ends in an adjective names nothing.
				continue
			}
			if quantityPhrase(v.units) {
				continue
			}
		}
		base := float64(c.freq)
		if c.nestTypes > 0 {
			// C-value: discount the occurrences explained by the longer
			// terms it is nested in, but never below what its attested
			// occurrences (names, acronyms seen on their own) justify.
			base = max(base-float64(c.nestSum)/float64(c.nestTypes), float64(c.standalone))
		}
		if base <= 0 {
			continue
		}
		var cat glossary.Category
		if c.ja {
			cat = jaCategory(v.units, &c.cues, c.freq)
		} else {
			cat = enCategory(v.units, &c.cues, c.freq)
		}
		n := c.n
		for _, u := range v.units {
			n += int(u.pieces)
		}
		w := math.Log2(float64(min(n, 4))) + 1
		spread := 1 + 0.5*math.Log2(float64(len(c.docs)))
		score := w * base * spread * boost(v.units, cat)
		if c.cues[cueExpansion] > 0 {
			score *= 2 // the documents spell out an abbreviation with it
		}
		if cat == glossary.CommonNoun && c.cues[cueDefined] > 0 && c.n == 1 && (c.ja || isGerund(c.key)) {
			// "Sharding is the practice of ...", "Batching: grouping ...",
			// 「喫水とは、…」: a word the documents state as a subject, ranked
			// like other words; the engine keeps it only where they define
			// it (Classify).
			score *= 2
		}
		if c.cues[cueTitle] > 0 {
			// A page is about it: kept even if the page never repeats it.
			score = max(score*2, e.opts.MinScore)
		}
		if c.cues[cueAsked] > 0 {
			// An FAQ asks what it is: kept even if the answer never
			// names it again.
			score = max(score, e.opts.MinScore)
		}
		if c.freq == 1 && c.n > 1 && plainWords(v.units) {
			// A phrase of ordinary words used once ranks below names and
			// identifiers used once.
			score *= 0.5
		}
		score = math.Round(score*1000) / 1000
		if score < e.opts.MinScore {
			continue
		}
		paths := make([]string, len(c.docs))
		for i, di := range c.docs {
			paths[i] = docs[di].Path
		}
		sort.Strings(paths)
		paths = dedupSorted(paths)
		terms = append(terms, glossary.Term{
			Text:      v.text,
			Category:  cat,
			Score:     score,
			Frequency: c.freq,
			Documents: paths,
		})
	}
	propagateOrganizations(terms)
	terms = dropGivenNames(terms)
	sort.Slice(terms, func(i, j int) bool {
		if terms[i].Score != terms[j].Score {
			return terms[i].Score > terms[j].Score
		}
		return terms[i].Text < terms[j].Text
	})
	// Two keys can share a display text (a Latin word seen both as code
	// and as prose); keep the best ranked.
	out := terms[:0]
	texts := make(map[string]struct{}, len(terms))
	for _, t := range terms {
		if _, dup := texts[t.Text]; dup {
			continue
		}
		texts[t.Text] = struct{}{}
		out = append(out, t)
		if len(out) == maxTerms {
			break
		}
	}
	return out
}

// taskTitle reports a title-case phrase that opens with a gerund and
// names a task, three words or more or ending in a plural: "Grouping Pivot
// Tables", "Formatting Numbers". A title in sentence case, capitalised
// mid-sentence, is one too: "See Section 3.5.1, “Disabling daemon
// services”".
func taskTitle(us []unit) bool {
	if us[0].kind != kCap {
		return false
	}
	for _, u := range us[1:] {
		if u.kind != kConnector && u.kind != kLower && (u.text == "" || u.text[0] < 'A' || u.text[0] > 'Z') {
			return false
		}
	}
	w := strings.ToLower(us[0].text)
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return false
	}
	if l := us[len(us)-1]; len(us) < 3 && !l.plural && singular(strings.ToLower(l.text)) == strings.ToLower(l.text) &&
		!strings.HasSuffix(strings.ToLower(l.text), "ics") {
		return false // "Formatting Bar", "Landing Page": a thing ("Inserting Graphics" is a task)
	}
	switch w {
	case "string", "spring", "streaming", "building", "setting", "settings", "mapping", "routing", "logging", "tracing", "hashing", "caching", "ring":
		return false // "Streaming Replication", "Routing Rules": names of things
	}
	return true
}

// placeholderBases are the words that numbered placeholders are made of:
// "pattern1", "column2", "arg0".
var placeholderBases = wordSet(`arg args param pattern column col row file dir value val item key name string str table field
	expr rule node var obj element elem word cmd command option opt path input output type foo bar list entry`)

// numberedPlaceholder reports a word of placeholderBases with a number
// ("pattern1") when the corpus numbers it otherwise as well ("pattern2").
func numberedPlaceholder(key string, all map[string]*entry) bool {
	i := len(key)
	for i > 0 && key[i-1] >= '0' && key[i-1] <= '9' {
		i--
	}
	if i == 0 || i == len(key) || !has(placeholderBases, key[:i]) {
		return false
	}
	for d := 0; d <= 9; d++ {
		if k := key[:i] + strconv.Itoa(d); k != key && all[k] != nil {
			return true
		}
	}
	return false
}

// quantityPhrase reports "total number", "maximum amount": a quantity
// with only size words before it ("port number" is a term).
func quantityPhrase(us []unit) bool {
	l := us[len(us)-1]
	if l.kind != kLower || !has(enQuantityNouns, l.singKey) {
		return false
	}
	for _, u := range us[:len(us)-1] {
		if u.kind != kLower || !has(enSizeWords, u.key) {
			return false
		}
	}
	return true
}

// minimalParents counts the parents that contain no other parent: keys
// are words joined by spaces (English) or runs of characters (Japanese).
func minimalParents(parents []string, ja bool) int {
	n := 0
	for i, p := range parents {
		minimal := true
		for j, q := range parents {
			if i == j || len(q) >= len(p) {
				continue
			}
			// "command line tools quick" (of "writing command line tools
			// quick and fun") extends "command line tool": a plural
			// inside a longer key is not folded.
			if ja && strings.Contains(p, q) || !ja && (strings.Contains(" "+p+" ", " "+q+" ") || strings.Contains(" "+p+" ", " "+q+"s ") ||
				strings.Contains(" "+p+" ", " "+q+"es ") || strings.HasSuffix(q, "y") && strings.Contains(" "+p+" ", " "+q[:len(q)-1]+"ies ")) {
				minimal = false
				break
			}
		}
		if minimal {
			n++
		}
	}
	return n
}

// propagateOrganizations makes a Japanese name an organization when the
// corpus also writes it with a company suffix or prefix ("北斗ソフトウェア"
// beside "北斗ソフトウェア株式会社").
func propagateOrganizations(terms []glossary.Term) {
	orgs := make(map[string]bool)
	for _, t := range terms {
		if t.Category == glossary.Organization {
			orgs[t.Text] = true
		}
	}
	if len(orgs) == 0 {
		return
	}
	for i, t := range terms {
		if t.Category != glossary.TechnicalTerm || !glossary.HasCJK(t.Text) {
			continue
		}
		for _, affix := range [...]string{"株式会社", "有限会社", "合同会社"} {
			if orgs[t.Text+affix] || orgs[affix+t.Text] {
				terms[i].Category = glossary.Organization
				break
			}
		}
	}
}

// dropGivenNames drops an English word alone that opens the full name of a
// person the corpus names ("Ian" beside "Ian Murdock" and "Ian Jackson"):
// it refers to one of them, it is no term of its own.
func dropGivenNames(terms []glossary.Term) []glossary.Term {
	given := make(map[string]int) // first word -> uses of the full names
	for _, t := range terms {
		if first, _, ok := strings.Cut(t.Text, " "); ok && t.Category == glossary.PersonName && !glossary.HasCJK(t.Text) {
			given[first] += t.Frequency
		}
	}
	if len(given) == 0 {
		return terms
	}
	return slices.DeleteFunc(terms, func(t glossary.Term) bool {
		// A word used far more often alone than in the names is a name of
		// its own ("Debian" beside a person read into "Debian Jr").
		// Its frequency counts its uses inside the names too.
		n := given[t.Text]
		return n > 0 && t.Frequency-n <= 2*n && (t.Category == glossary.TechnicalTerm || t.Category == glossary.PersonName)
	})
}

// plainWords reports whether every unit is a lower-case English word or a
// Japanese token.
func plainWords(us []unit) bool {
	for _, u := range us {
		if u.kind != kLower && u.kind != kJA {
			return false
		}
	}
	return true
}

// needsRecurrence reports English phrases that are terms only when the
// corpus repeats them: phrases opened by a participle, a gerund or an
// adjective ("committed offset" yes, "listed topics" no), a name followed
// by ordinary words ("Rotterdam deployment") and lower-case phrases of four
// words or more.
func needsRecurrence(us []unit) bool {
	n := len(us)
	if n < 2 {
		return false
	}
	f := us[0]
	switch f.kind {
	case kLower:
		if has(enSoftAdj, f.key) || isEdWord(f.key) || isGerund(f.key) || isAdjective(f.key) || has(enAdjSingle, f.key) {
			return true
		}
		if n >= 4 {
			for _, u := range us {
				if u.kind != kLower {
					return false
				}
			}
			return true
		}
	case kCap:
		for _, u := range us[1:] {
			if u.kind == kLower {
				return true
			}
		}
	}
	return false
}

// isGerund reports "-ing" forms, sparing nouns such as "string".
func isGerund(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return false
	}
	switch w {
	case "string", "strings", "thing", "spring", "during", "nothing", "something", "anything", "everything",
		"morning", "evening", "ceiling", "wedding", "pudding", "sibling", "herring":
		return false
	}
	return true
}

// weakSingle reports single English words that look like modifiers
// (adjectives, participles), which survive only when used on their own.
func weakSingle(w string) bool {
	for _, s := range [...]string{"ing", "al", "ive", "ic", "ary", "ent", "ant"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return isAdjective(w) || isEdWord(w) || strings.Contains(w, "-")
}

// nonModifier reports "non-" before a value or a product's name
// ("non-zero", "non-empty", "non-Postfix"): what a thing is not. A named
// class stays a term ("non-US", an old archive area of Debian's).
func nonModifier(first, rest string) bool {
	if !strings.EqualFold(first, "non") || rest == "" {
		return false
	}
	if r, size := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) && isLowerASCIIWord(rest[size:]) {
		return true
	}
	return has(enNonValues, strings.ToLower(rest))
}

func isLowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// enNonValues follow "non-" in modifiers of values and kinds.
var enNonValues = wordSet(`zero empty null nil negative positive numeric default standard interactive blocking
	existent existing trivial printable ascii root local fatal recursive`)

// hyphenModifier reports hyphenated modifiers such as "in-sync", "on-disk"
// or "append-only", which are never terms on their own.
func hyphenModifier(w string) bool {
	first, rest, ok := strings.Cut(w, "-")
	if !ok {
		return false
	}
	last := rest[strings.LastIndexByte(rest, '-')+1:]
	if has(enStop, first) && !has(enSoftAdj, first) || isEdWord(last) || nonModifier(first, rest) {
		return true
	}
	switch last {
	case "only", "based", "aware", "safe", "free", "like", "wide", "level", "specific", "friendly", "ready",
		"compatible", "enabled", "driven", "oriented", "once", "time", "limited", "sensitive":
		return true
	}
	return false
}

func mergeDocs(a, b []int) []int {
	out := append(a, b...)
	sort.Ints(out)
	w := 0
	for i, v := range out {
		if i == 0 || v != out[w-1] {
			out[w] = v
			w++
		}
	}
	return out[:w]
}

func dedupSorted(s []string) []string {
	w := 0
	for i, v := range s {
		if i == 0 || v != s[w-1] {
			s[w] = v
			w++
		}
	}
	return s[:w]
}

// boost weighs the kind of a term: identifiers, acronyms and names are
// strong signals, single lower-case words and everyday nouns weak ones.
func boost(us []unit, cat glossary.Category) float64 {
	switch cat {
	case glossary.CommonNoun:
		return 0.3
	case glossary.PersonName, glossary.PlaceName, glossary.Organization, glossary.Title:
		return 2
	}
	if len(us) == 1 {
		switch u := us[0]; u.kind {
		case kAcronym, kIdent:
			return 2
		case kCap:
			return 1.2
		case kLower:
			return 0.6
		case kJA:
			if u.pieces > 0 {
				return 1 // a compound as the dictionary read it
			}
			if isKatakana(u.text) && utf8.RuneCountInString(u.text) >= 10 {
				return 1.6 // an unsegmented katakana compound
			}
			return 0.8
		}
		return 1
	}
	allCap := true
	for _, u := range us {
		if u.kind != kCap && u.kind != kConnector {
			allCap = false
		}
	}
	if allCap {
		return 1.3
	}
	return 1
}

// junk reports texts that are never terms whatever their score.
func junk(text string, ja bool) bool {
	if utf8.RuneCountInString(text) < 2 || !hasLetter(text) {
		return true
	}
	if len(text) == 2 && text[1] == '+' {
		return true // "B+" alone: the start of "B+ tree", not a name
	}
	if ja {
		if isHiragana(text) {
			return true
		}
		if _, stop := jaStopNouns[text]; stop {
			return true
		}
	}
	return false
}

// fieldTypes are the types that API specs write before a field's name:
// "The String OID of ...", "Optional object describing ..." ("Object
// Store" is a name).
var fieldTypes = map[string]bool{"string": true, "integer": true, "boolean": true, "number": true, "object": true, "array": true}

// mostlyVerb reports a word read as a verb at least six times, twice as
// often as it stands alone as a noun and five times as often as it does so
// in lower case ("edit" of an editor's manual: "edit the properties" 38
// times, "Edit" menus and "an edit" 8).
func mostlyVerb(c *entry) bool {
	lowerAlone := 0
	for _, v := range c.variants {
		if v.units[0].kind == kLower {
			lowerAlone += v.alone
		}
	}
	return c.verbs >= 6 && c.verbs >= 2*c.standalone && c.verbs >= 5*lowerAlone
}

// menuVerb reports a word never written alone in lower case but as a verb
// ("import the board"), more often than capitalised ("File → Import").
func menuVerb(c *entry) bool {
	upper := 0
	for _, v := range c.variants {
		if v.units[0].kind == kLower && v.alone > 0 {
			return false
		}
		if v.units[0].kind != kLower {
			upper += v.count
		}
	}
	return c.verbs > upper
}
