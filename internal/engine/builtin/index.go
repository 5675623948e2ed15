package builtin

import (
	"html"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/extract"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/language"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/sitemarkup"
)

// indexMemoKey is the key of the per-corpus index in pipeline.Corpus.Memo.
// Bump the version when the index changes shape.
const indexMemoKey = "engine/builtin/index/v1"

// sentence is one sentence of a document, with Markdown stripped.
type sentence struct {
	doc   string
	line  int // 1-based line where the sentence starts
	end   int // 1-based line where it ends
	text  string
	ja    bool // from a Japanese document
	block blockKind
	para  int  // number of the block (paragraph, list item) in the corpus
	faq   byte // 'Q' or 'A': the first sentence of an FAQ question or answer
	// code is the code span the sentence opens with ("`errors` is an array
	// ..."): a parameter, a property or a variable is its subject.
	code string
	// param marks a sentence under a "Syntax" or "Parameters" heading:
	// "Settlement is the date of purchase." says what one parameter of the
	// page's function is.
	param bool
	// link marks a list item that is a link alone: an entry of a table of
	// contents ("- [Compatibility Notes for rsyslog v8](v8.html)").
	link bool
	// emParam marks a sentence that opens with a parameter's name in
	// emphasis, in lower case ("*access* is an integer that ...", see
	// emphasisedParam).
	emParam bool
	// notice marks a sentence of a license or copyright notice
	// ("Permission is hereby granted ... (the \"Software\") ..."): copied
	// wording that names its own terms, never a gloss.
	notice bool
	// caseItem marks a sentence of a list of cases or conditions
	// ("Possible reasons why the DROP COLUMN command can fail include:"
	// over "- The column is a PRIMARY KEY or part of one."): one case,
	// not what its subject is.
	caseItem bool
	// change marks a sentence of a change log's entry ("- Duration plugin
	// supports parse ISO string with week (W) (#950)"): what changed,
	// not what its subject is.
	change bool
}

type blockKind uint8

const (
	blockPara blockKind = iota
	blockList
	blockHeading
	blockTable // a table row: its cells
	blockCode  // an indented code block, skipped
)

// heading is a Markdown heading with the first sentence of the paragraph
// that follows it.
type heading struct {
	doc   string
	line  int
	text  string // cleaned heading text
	first int    // index in corpusIndex.sentences of the paragraph's first sentence, -1 if none
	// nextLine is the line of the document's next heading (a large number
	// for the last one).
	nextLine int
	// top marks a level-1 heading that is the document's first block: its
	// title.
	top bool
	// asks marks a question heading ("What is a broker?", 「キャッシュとは」):
	// its section's first sentence answers it.
	asks bool
	// code marks a heading that is one word in code ("## `websocket`"):
	// an identifier, spelled as it must be typed ("`Cache Interceptor`"
	// is a title in code).
	code bool
	// changes marks a heading in a change log or release notes: it names
	// what changed ("### CPack" over "cpack(1) gained an IFW generator").
	changes bool
	// intro marks a heading whose first paragraph is under an
	// introductory sub-heading ("# config inspect" over its usage in code,
	// then "## Description" over "Inspects the specified config."): the
	// paragraph is the heading's summary, as a title's first line is.
	intro bool
	// numbered marks a numbered section ("8.1.1. dpkg", "10.5. Symbolic
	// links"): a manual's section discusses the term; unlike a reference
	// entry's, its first sentence glosses it only when it says what it is.
	numbered bool
	// glossary marks an entry of the documents' own glossary: a heading
	// under "Glossary" (「用語集」), or in a page named glossary.md, over
	// its text ("### Tide gauge" over "An instrument that measures ...").
	glossary bool
}

// listItem is a list item of the form "KEY: body", "**KEY**: body" or
// "KEY - body".
type listItem struct {
	doc  string
	line int
	key  string // cleaned key
	body string // cleaned body (the first sentence of it)
	ja   bool
	// code marks a key written as code ("`pods`"): an identifier, which
	// glosses only a term spelled exactly like it.
	code bool
	// glossary marks an item of a glossary: a page or section titled
	// "Glossary" (「用語集」), whose items are the documents' own
	// definitions.
	glossary bool
	// manName marks a glossary item that is a name a manual page's NAME
	// defines: an entry of its page, after those of a glossary.
	manName bool
	// sub marks an item under another item: a detail of its entry (git's
	// glossary lists pathspec magic words under "pathspec").
	sub bool
	// otherSubject marks a body that opens with another identifier's
	// clause ("PostgreSQL: `Greatest` will return ..."): it glosses
	// nothing, and its key still counts as a label.
	otherSubject bool
	// sigParam marks an item under an item whose key is a call's
	// signature that names it ("- `hash`: ..." under "- field(*,
	// hash=None): ..."): a parameter, which glosses no word.
	sigParam bool
	// wide marks a row of a table of three columns or more (descColumn):
	// a listing of packages or functions, whose names in lower case are
	// not the acronyms spelled alike (the package mbr is no MBR).
	wide bool
	// param marks an item under a call's "Parameters" (callParamHeading):
	// what one parameter is ("simplex: A row vector of function
	// values."), which a sentence about the term itself outranks.
	param bool
	// link marks a key written as a link to another site ("[spinners](
	// https://github.com/...) - Terminal spinners for Rust"): a
	// project's name, which glosses only a term spelled like it.
	link bool
	// typed marks a key written with its type, as HashiCorp's pages list
	// settings ("`address` `(string: \"\")` - The socket server address
	// to use."): a parameter, which glosses an identifier, not a word.
	typed bool
	// option marks an item of a section titled "Options", "Settings",
	// "Properties" and the like (paramHeading, not a call's parameters,
	// nor a page so titled: a reference of settings): a control of a
	// dialog, whose text says what it does.
	option bool
	// pageLink marks a key written as a link to a page of the same site
	// ("[Errors](errorpages.md) | Defines custom error pages"): the name
	// of what that page is about, spelled as a name is.
	pageLink bool
}

// abbrevPair is an abbreviation and its expansion found side by side as
// "Long Name (ABBR)" or "ABBR (Long Name)".
type abbrevPair struct {
	long, short string
	doc         string
	line        int
}

// aliasPair is another name given to the words before it: before holds up
// to four of those words (the term is some suffix of them), alias the name.
type aliasPair struct {
	before []string
	alias  string
}

// corpusIndex is everything the engine needs from a corpus, built once.
type corpusIndex struct {
	sentences []sentence
	// byLine maps a document path and a line to the sentences that span it.
	byLine   map[string]map[int][]int
	headings map[string][]heading  // normalised heading text -> headings
	items    map[string][]listItem // normalised key -> list items
	// itemKeys counts the list items of each key per document, those
	// without a gloss too (see fieldLabel).
	itemKeys map[string]map[string]int
	abbrevs  []abbrevPair
	byShort  map[string][]int // abbreviation -> its pairs' indexes in abbrevs
	// jaBefore holds the Japanese compounds seen before each abbreviation
	// in parentheses, long forms or not (see dropJaQualifiers).
	jaBefore map[string]map[string]bool
	// aliases are other names the text gives a phrase ("X, also known as
	// Y, ...", "X (also called Y)"), for Aliases and the review.
	aliases []aliasPair
	// crossRefs are glossary entries that send the reader to another
	// entry ("Row: See Tuple.", "head ref: A synonym for head."): other
	// names of it, for Aliases.
	crossRefs []crossRef
	docJA     map[string]bool // document path -> document is Japanese
	// zenLines holds, per document, the lines of Japanese text written
	// with 「，」 or 「．」 (academic and older manuals): they are read with
	// 「、」 and 「。」, and their evidence given back in their own marks
	// (see restyle).
	zenLines map[string]map[int]zenStyle
	// introduced maps the few sentences that end with a phrase in emphasis
	// as the complement of their copula ("... is a **Packet**.",
	// 「…は**荷口**です。」) to that phrase, cleaned.
	introduced map[int]string
	// sigParams holds, per document, the parameter names its call
	// signatures list ("autodoc-process-bases(app, name, obj, bases)"):
	// a sentence that opens with one in lower case ("bases is a list of
	// classes ...") describes that parameter, not the word.
	sigParams map[string]map[string]bool
	// title holds, per document, its title in lower case without markup
	// ("attrs: classes without boilerplate" of "# *attrs*: Classes
	// Without Boilerplate", "chapter 3. using apt and wget"): a name in
	// emphasis that the title names is the page's subject, no parameter
	// (see paramSubject).
	title map[string]string
	// rowVariants holds, per document, the names that open table rows
	// with two parentheses or more ("ソースパッケージ (アップストリームの
	// ソース)", "ソースパッケージ (内容記述)"), lower case: the
	// parentheses tell kinds of it apart, they do not say what it is.
	rowVariants map[string]map[string]map[string]bool
	// sharedParens holds the parentheses (see parenKey) that follow three
	// different words or more: a label ("man（成熟した構文解析器）",
	// "AsciiDoc（成熟した構文解析器）", ...), not one word's gloss.
	sharedParens map[string]bool
	// xrefParens maps the few sentences with a parenthesis that holds a
	// link alone ("([港のマシン群](resources.html#machines))", "([the
	// ledger][ledger])") to those links' texts, by parenKey: a
	// cross-reference to another section or page, not a gloss.
	xrefParens map[int]map[string]bool
	// boilerplate holds the short sentences that open the sections of
	// five different headings or more (「このコマンドの見つけ方」 under each
	// page's title or its summary): the pages' furniture, no gloss of any
	// heading.
	boilerplate map[string]bool
	bytes       int
	paras       int // blocks added so far
}

// boilerplate returns the short sentences among the first four of
// sections (see corpusIndex.boilerplate) under five different headings or
// more.
func boilerplate(ix *corpusIndex) map[string]bool {
	keys := map[string]map[string]bool{}
	for key, hs := range ix.headings {
		for _, h := range hs {
			for j := h.first; j >= 0 && j < h.first+4 && j < len(ix.sentences); j++ {
				sj := &ix.sentences[j]
				if sj.doc != h.doc || sj.line >= h.nextLine {
					break
				}
				if len(sj.text) > 120 {
					continue
				}
				if keys[sj.text] == nil {
					keys[sj.text] = map[string]bool{}
				}
				keys[sj.text][key] = true
			}
		}
	}
	out := map[string]bool{}
	for t, k := range keys {
		if len(k) >= 5 {
			out[t] = true
		}
	}
	return out
}

// index returns the corpus index, building it on first use.
func index(c *pipeline.Corpus) *corpusIndex {
	return c.Memo(indexMemoKey, func() any { return buildIndex(read(c).docs) }).(*corpusIndex)
}

func buildIndex(docs []glossary.Document) *corpusIndex {
	ix := &corpusIndex{
		byLine:      map[string]map[int][]int{},
		headings:    map[string][]heading{},
		items:       map[string][]listItem{},
		itemKeys:    map[string]map[string]int{},
		docJA:       map[string]bool{},
		zenLines:    map[string]map[int]zenStyle{},
		sigParams:   map[string]map[string]bool{},
		title:       map[string]string{},
		rowVariants: map[string]map[string]map[string]bool{},
	}
	for _, d := range docs {
		ix.addDocument(d)
		if ps := signatureParams(d.Content); len(ps) > 0 {
			ix.sigParams[d.Path] = ps
		}
	}
	ix.dropJaQualifiers()
	ix.dropSharedBodies()
	ix.sharedParens = sharedParens(ix.sentences)
	ix.boilerplate = boilerplate(ix)
	if ts := extract.TemplateSummaries(docs); len(ts) > 0 {
		// "The config rm command description and usage" under each
		// command's title: a template, no evidence of any term.
		for i := range ix.sentences {
			// The title's heading may run into it as one sentence.
			if sum, ok := ts[ix.sentences[i].doc]; ok && strings.Contains(ix.sentences[i].text, sum) {
				ix.sentences[i].notice = true
			}
		}
	}
	sort.SliceStable(ix.abbrevs, func(i, j int) bool {
		a, b := ix.abbrevs[i], ix.abbrevs[j]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.line < b.line
	})
	ix.byShort = map[string][]int{}
	for i, p := range ix.abbrevs {
		ix.byShort[p.short] = append(ix.byShort[p.short], i)
	}
	return ix
}

// rowVariant reports a table row that opens with sp and a parenthesis
// where other rows of its table open with sp and another one (see
// rowVariants).
func (ix *corpusIndex) rowVariant(s *sentence, sp string) bool {
	return s.block == blockTable && len(ix.rowVariants[s.doc][strings.ToLower(sp)]) >= 2
}

// sharedParens returns the parentheses that follow three different words
// or more in the sentences, by parenKey.
func sharedParens(sentences []sentence) map[string]bool {
	words := map[string]map[string]bool{}
	for i := range sentences {
		t := sentences[i].text
		for {
			at := strings.IndexAny(t, "(（")
			if at < 0 {
				break
			}
			open, closer := "(", ")"
			if strings.HasPrefix(t[at:], "（") {
				open, closer = "（", "）"
			}
			end := strings.Index(t[at:], closer)
			if end < 0 {
				break
			}
			before := strings.Fields(t[:at])
			if inner := t[at+len(open) : at+end]; len(before) > 0 && inner != "" {
				k := parenKey(inner)
				if words[k] == nil {
					words[k] = map[string]bool{}
				}
				if len(words[k]) < 3 {
					words[k][strings.ToLower(before[len(before)-1])] = true
				}
			}
			t = t[at+end+len(closer):]
		}
	}
	shared := map[string]bool{}
	for k, w := range words {
		if len(w) >= 3 {
			shared[k] = true
		}
	}
	return shared
}

// parenKey is how sharedParens knows a parenthesis again in a gloss made
// of it: lower case, without a closing full stop.
func parenKey(inner string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(inner), "。．. "))
}

// signatureParams returns the parameter names that the call signatures
// of a text list: "connect(url, timeout=None)" gives url and timeout,
// "plan(*ships, **opts)" ships and opts, "int open(const char *pathname,
// int flags)" pathname and flags. A parenthesis that does not follow
// an identifier, or holds anything but names, is prose.
func signatureParams(text string) map[string]bool {
	var out map[string]bool
	for from := 0; ; {
		i := strings.IndexByte(text[from:], '(')
		if i < 0 {
			return out
		}
		i += from
		from = i + 1
		if i == 0 || !isIdentByte(text[i-1]) {
			continue
		}
		// A synopsis may wrap ("int fanotify_mark(int fanotify_fd,
		// unsigned int flags,\n uint64_t mask, ...)").
		end := strings.IndexAny(text[i+1:min(len(text), i+1+300)], "()")
		if end < 0 || text[i+1+end] != ')' {
			continue
		}
		var names []string
		ok := true
		for _, p := range strings.Split(text[i+1:i+1+end], ",") {
			p = strings.TrimLeft(strings.TrimSpace(p), "*")
			if k := strings.IndexAny(p, "=:"); k >= 0 {
				p = strings.TrimSpace(p[:k]) // a default or a type
			}
			if f := strings.Fields(cDeclMarks.Replace(p)); len(f) > 1 && len(f) <= 4 {
				// "const char *pathname", "int flags": a C declaration,
				// its name last.
				typed := false
				for _, w := range f[:len(f)-1] {
					typed = typed || cTypeWords[w] || strings.HasSuffix(w, "_t")
					if !identifier(w) {
						ok = false
					}
				}
				if !typed {
					ok = false // "(the file first)": prose
				}
				p = f[len(f)-1]
			}
			if !ok || p == "" || !identifier(p) {
				ok = false
				break
			}
			names = append(names, p)
		}
		if !ok {
			continue
		}
		for _, n := range names {
			if out == nil {
				out = map[string]bool{}
			}
			out[n] = true
		}
	}
}

var (
	cTypeWords = toSet("const char int long short unsigned signed void struct union enum float double bool volatile restrict")
	cDeclMarks = strings.NewReplacer("*", " ", "[]", " ") // pointers and arrays in a C declaration
)

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// identifier reports a lower-case identifier: "bases", "max_count".
func identifier(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] == '_' || s[i] >= 'a' && s[i] <= 'z' || i > 0 && s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

// paramSubject reports a sentence that opens, in lower case, with a
// parameter of one of its document's signatures: "bases is a list of
// classes that ..." under "autodoc-process-bases(app, name, obj, bases)",
// 「flags は…ビットマスクである。」 under "int open(const char *pathname,
// int flags)"; or with a name in emphasis, as Python's reference writes
// its parameters ("*access* is an integer that ...").
func (ix *corpusIndex) paramSubject(s *sentence) bool {
	if !startsLower(s.text) {
		return false
	}
	if s.emParam {
		// "*access* is an integer that ..."; not "*attrs* is the Python
		// package that ..." under "# *attrs*: Classes Without
		// Boilerplate", nor "*wget* is a popular and portable download
		// tool ..." under "# Chapter 3. Using APT and wget" (DocBook
		// emphasises programs' names): the page's subject.
		return !glossary.Contains(ix.title[s.doc], strings.ToLower(strings.TrimRight(firstWord(s.text), ",:;")))
	}
	w, _, _ := strings.Cut(s.text, " ")
	if s.ja {
		// 「flags は実行する操作内容を示すビットマスクである。」
		w, _, _ = strings.Cut(w, "は")
	}
	return ix.sigParams[s.doc][w]
}

// signatureItemThe reports a sentence "The X is ..." about a word in lower
// case inside the item of a call signature ("`cmd.Cmd.cmdloop(intro=None)`:
// ... The optional argument is a banner or intro string ..."): the
// function's own argument or value, not what any X is.
func (ix *corpusIndex) signatureItemThe(si int, sp string) bool {
	s := &ix.sentences[si]
	if s.ja || s.block != blockList || !strings.HasPrefix(s.text, "The ") || strings.ToLower(sp) != sp {
		return false
	}
	first := si
	for first > 0 && ix.sentences[first-1].para == s.para {
		first--
	}
	return first < si && strings.Contains(ix.sentences[first].code, "(")
}

// namedInstanceBefore reports an English sentence that opens with "The "
// and the term right after a sentence of its paragraph (or the one before)
// that names one of them with an identifier ("the record_testsuite_property
// session-scoped fixture"): "The fixture is ..." is that one.
func (ix *corpusIndex) namedInstanceBefore(si int, sp string) bool {
	s := &ix.sentences[si]
	if s.ja || si == 0 || !strings.HasPrefix(s.text, "The ") || !strings.HasPrefix(strings.ToLower(s.text[len("The "):]), strings.ToLower(sp)) {
		return false
	}
	p := &ix.sentences[si-1]
	if p.doc != s.doc || p.para < s.para-1 {
		return false
	}
	for _, h := range glossary.Index(p.text, sp) {
		words := strings.Fields(p.text[:h])
		for i := len(words) - 1; i >= 0 && i >= len(words)-2; i-- {
			w := strings.Trim(words[i], "`*_\"'“”")
			if strings.Contains(w, "_") || strings.Contains(w, "(") || lowerCamel(w) {
				return true
			}
		}
	}
	return false
}

// isJapaneseText reports whether text is mostly Japanese: kana are a visible
// share of its letters.
func isJapaneseText(text string) bool {
	kana, letters := countKana(text)
	return letters > 0 && kana*10 >= letters
}

// countKana returns the kana of text and all its letters.
func countKana(text string) (kana, letters int) {
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return kana, letters
}

// proseJapanese is [isJapaneseText] of a document's blocks, its code left
// out: kuroshiro's English README, whose examples convert Japanese
// sentences, was read by the rules for Japanese and its English sentences
// gave no usage.
func proseJapanese(blocks []block) bool {
	var kana, letters int
	for _, b := range blocks {
		for _, l := range b.lines {
			k, n := countKana(l)
			kana, letters = kana+k, letters+n
		}
	}
	return letters > 0 && kana*10 >= letters
}

// blockJA reports whether a block of a document is read as Japanese: as
// the document is, but for a paragraph, item or row of a Japanese document
// written in English alone (no kana nor kanji, four words at least), whose
// sentences the English rules read: a Japanese page that quotes or
// translates a passage gave its English terms neither definition nor
// usage.
func blockJA(b block, docJA bool) bool {
	if !docJA && b.kind != blockHeading {
		// The other way round, a paragraph translated in a page left
		// mostly in English (KiCad's partial Japanese manual) is read as
		// Japanese: split at 「。」, glossed and quoted by the Japanese
		// rules.
		// Kana (U+3040-U+30FF) open with the byte 0xE3 in UTF-8: a cheap
		// test first, for every block of an English page.
		if !slices.ContainsFunc(b.lines, func(l string) bool { return strings.IndexByte(l, 0xE3) >= 0 }) {
			return false
		}
		var kana, letters int
		for _, l := range b.lines {
			k, n := countKana(l)
			kana, letters = kana+k, letters+n
		}
		return letters > 0 && kana*3 >= letters
	}
	if !docJA || b.kind == blockHeading {
		return docJA
	}
	words := 0
	for _, l := range b.lines {
		if glossary.HasCJK(l) || strings.ContainsAny(l, "。、．，「」") {
			return true
		}
		for f := range strings.FieldsSeq(stripCodeSpans(l)) {
			if strings.ContainsFunc(f, func(r rune) bool { return r < utf8.RuneSelf && isASCIILetter(byte(r)) }) {
				words++
			}
		}
	}
	return words < 4
}

// stripCodeSpans removes the `code` spans of a line.
func stripCodeSpans(l string) string {
	if strings.IndexByte(l, '`') < 0 {
		return l
	}
	var b strings.Builder
	in := false
	for _, r := range l {
		if r == '`' {
			in = !in
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// block is a run of lines that belongs together: a paragraph, a list item
// with its continuation lines, or a heading.
type block struct {
	kind  blockKind
	lines []string
	start int // 1-based line of lines[0]
	// header is a table row's header row, "" when the table has none.
	header string
	indent int // a list item's indentation: its depth in a nested list
}

func (ix *corpusIndex) addDocument(d glossary.Document) {
	ix.bytes += len(d.Content)
	lines := d.Lines()
	// The texts, lower-cased, of the page's headings that hold a colon: a
	// paragraph that repeats one is a table of contents' entry
	// ("Warnings: slurs vs. ties" before "#### Warnings: slurs vs.
	// ties"), not a key line (addKeyLines).
	var colonHeadings map[string]bool
	for _, l := range lines {
		if t := strings.TrimLeft(l, "#"); len(t) < len(l) && strings.HasPrefix(t, " ") && strings.Contains(t, ":") {
			if colonHeadings == nil {
				colonHeadings = map[string]bool{}
			}
			colonHeadings[strings.ToLower(strings.TrimSpace(t))] = true
		}
	}
	var blocks []block
	var cur *block
	flush := func() {
		if cur != nil && cur.kind == blockPara && len(cur.lines) > 1 {
			// "ABORT<TAB>確認せずにw3mを終了します" over "ACCESSKEY<TAB>...":
			// a plain-text table of names and what they do, a row per
			// item (run together, its rows were one sentence).
			if rows, ok := columnRows(lines[cur.start-1:cur.start-1+len(cur.lines)], cur.start); ok {
				blocks = append(blocks, rows...)
				cur = nil
				return
			}
		}
		if cur != nil && cur.kind != blockCode && len(cur.lines) > 0 {
			blocks = append(blocks, *cur)
		}
		cur = nil
	}
	inFence, inComment, prevBlank := false, false, true
	fenceQuoted := false // the fence opened in a block quote
	header := ""         // the current table's header row
	for i, raw := range lines {
		trimmed := strings.TrimSpace(raw)
		if inComment {
			if strings.Contains(trimmed, "-->") {
				inComment = false
			}
			continue
		}
		// A block quote's lines are read as the text they quote: its
		// list items are list items and a bare ">" ends a paragraph (a
		// quoted numbered list used to run into the sentence before it
		// as "... if > 1.").
		quoted := strings.HasPrefix(trimmed, ">")
		trimmed = unquoteLine(trimmed, quoted)
		if inFence && fenceQuoted && !quoted {
			inFence = false // the quote, and the code in it, ended
		}
		if inFence && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) || !inFence && glossary.OpensFence(trimmed) {
			flush()
			inFence = !inFence
			fenceQuoted = quoted
			continue
		}
		if inFence {
			continue
		}
		if !strings.HasPrefix(trimmed, "|") {
			header = "" // a table ends at its first line that is not a row
		}
		blank := prevBlank
		prevBlank = trimmed == ""
		indented := !quoted && (strings.HasPrefix(raw, "\t") || strings.HasPrefix(raw, "    "))
		switch {
		case trimmed == "":
			if cur != nil && cur.kind == blockCode {
				cur = nil
			}
			flush()
		case cur != nil && cur.kind == blockCode && indented:
		case indented && blank && (cur == nil || cur.kind == blockCode) && listMarkerLen(trimmed) == 0:
			// An indented code block.
			flush()
			cur = &block{kind: blockCode}
		case strings.HasPrefix(trimmed, "<!--"):
			flush()
			inComment = !strings.Contains(trimmed, "-->")
		case strings.HasPrefix(trimmed, ": ") && !blank && cur != nil && cur.kind == blockPara && len(cur.lines) == 1:
			// A definition list (PHP Markdown Extra, Pandoc, Goldmark,
			// MkDocs): "Term" over ": its definition" reads as the list
			// item "- Term: its definition".
			cur = &block{kind: blockList, lines: []string{"- " + cur.lines[0] + ": " + strings.TrimSpace(trimmed[2:])}, start: cur.start}
		case !quoted && !indented && setextLevel(trimmed) > 0 && cur != nil && cur.kind == blockPara && len(cur.lines) > 0:
			// "Getting Started" over "---------------": the paragraph above
			// is a heading (CommonMark's setext heading), written here as
			// its ATX equivalent.
			h := strings.Repeat("#", setextLevel(trimmed)) + " " + strings.Join(cur.lines, " ")
			blocks = append(blocks, block{kind: blockHeading, lines: []string{h}, start: cur.start})
			cur = nil
		case strings.HasPrefix(trimmed, "#"):
			flush()
			blocks = append(blocks, block{kind: blockHeading, lines: []string{trimmed}, start: i + 1})
		case strings.HasPrefix(trimmed, "|"):
			flush()
			if i+1 < len(lines) && isTableRule(unquoteLine(lines[i+1], quoted)) {
				header = trimmed
				continue // the header row
			}
			if isTableRule(trimmed) {
				continue
			}
			blocks = append(blocks, block{kind: blockTable, lines: []string{trimmed}, start: i + 1, header: header})
		case isRule(trimmed) || extract.IsRefDefinition(trimmed) || badgeLine(trimmed):
			flush() // rules, link definitions and badges carry no sentences
		case listMarkerLen(trimmed) > 0:
			flush()
			cur = &block{kind: blockList, lines: []string{trimmed}, start: i + 1, indent: len(raw) - len(strings.TrimLeft(raw, " \t"))}
		case isFAQMarker(trimmed):
			flush()
			cur = &block{kind: blockPara, lines: []string{trimmed}, start: i + 1}
		default:
			if cur == nil {
				cur = &block{kind: blockPara, start: i + 1}
			}
			cur.lines = append(cur.lines, trimmed)
		}
	}
	flush()
	docJA := proseJapanese(blocks)
	ix.docJA[d.Path] = docJA

	var pending []headingRef // headings of this document waiting for their paragraph
	var owners []listOwner   // list items above the current one, by indentation (see valueOf)
	prevHeading := headingRef{pos: -1}
	// Under a change log heading (and its sub-headings), or in a change log
	// file, list items and table rows are changes, not glosses.
	wholeLog := changelogFile.MatchString(path.Base(d.Path))
	changes, changesLevel := wholeLog, 0
	// In a glossary page, or under a glossary heading (and its
	// sub-headings), list items are the documents' own definitions.
	wholeGlossary := extract.GlossaryFile(path.Base(d.Path))
	inGlossary, glossaryLevel := wholeGlossary, 0
	// Under a "Limitations" or "Known issues" heading, a list item says
	// what does not work ("**Load Balancing**: Only round_robin is
	// supported"), not what its key is.
	caveats, caveatsLevel := false, 0
	// license marks the section of a license appended to the document
	// (see extract.LicenseTitle): its sentences are notices.
	license, licenseLevel := false, 0
	// Under a book's index ("Concept Index", 「索引」), an item lists where
	// its key is discussed ("ACL: Access control lists [ACL conditions]").
	bookIndex, bookIndexLevel := false, 0
	// Under "See also" (「関連項目」), a line names another manual's
	// sections ("Notation Reference: Modifying single staves",
	// "Application Usage: An extra staff appears."), not what its key is;
	// a list's item still says what a related page's name is (Scilab's
	// "- window — ...").
	seeAlso, seeAlsoLevel := false, 0
	// Under a "Parameters" or "Options" heading, an item keyed by an
	// everyday word ("*`code`*: The procedural language code to be
	// executed.", "Radius: Distance between ...") describes one
	// parameter of the page, not the word.
	params, paramsLevel := false, 0
	// callParams: the heading names a call's parameters ("Parameters",
	// 「引数」), not settings or fields.
	callParams := false
	// Under a manual page's NAME (「名前」), "stat, fstat, lstat - get file
	// status" says what each of the names is.
	nameSection := false
	// afterParamIntro: the list at hand follows a paragraph that
	// introduces parameters (see paramIntro).
	afterParamIntro := false
	// afterCaseIntro: the list at hand follows a paragraph that introduces
	// cases or conditions (see caseIntro).
	afterCaseIntro := false
	for bi, b := range blocks {
		ja := blockJA(b, docJA)
		if b.kind == blockPara {
			// A cheap test first: only a paragraph that ends with a colon
			// or says "following" joins.
			afterParamIntro = !ja && len(b.lines) > 0 && (strings.HasSuffix(b.lines[len(b.lines)-1], ":") ||
				slices.ContainsFunc(b.lines, func(l string) bool { return strings.Contains(l, "following ") })) &&
				paramIntro(joinLines(b.lines, false))
			afterCaseIntro = !ja && len(b.lines) > 0 && strings.HasSuffix(b.lines[len(b.lines)-1], ":") && caseIntro(b.lines[len(b.lines)-1])
		} else if b.kind != blockList {
			afterParamIntro, afterCaseIntro = false, false
		}
		if ja {
			b.lines = ix.jaMarks(d.Path, b)
		}
		if b.kind == blockHeading && prevHeading.pos >= 0 {
			ix.headings[prevHeading.key][prevHeading.pos].nextLine = b.start
		}
		if b.kind == blockHeading {
			text := cleanMarkdown(strings.TrimLeft(b.lines[0], "# "))
			level := len(b.lines[0]) - len(strings.TrimLeft(b.lines[0], "#"))
			switch {
			case wholeLog:
			case changes && level > changesLevel: // a section of the log
			default:
				changes, changesLevel = isChangelogHeading(text), level
			}
			entry := false // the heading names an entry of the glossary
			switch {
			case wholeGlossary:
				entry = !(bi == 0 && level == 1) && !extract.GlossaryHeading(text)
			case inGlossary && level > glossaryLevel: // a section of the glossary
				entry = true
			default:
				inGlossary, glossaryLevel = extract.GlossaryHeading(text), level
			}
			if !caveats || level <= caveatsLevel {
				caveats, caveatsLevel = caveatHeading.MatchString(text), level
			}
			if !license || level <= licenseLevel {
				license, licenseLevel = extract.LicenseTitle(text), level
			}
			if !bookIndex || level <= bookIndexLevel {
				// A cheap test first: most headings are no index.
				bookIndex, bookIndexLevel = (strings.Contains(text, "ndex") || strings.Contains(text, "索引") || strings.Contains(text, "インデックス")) && bookIndexHeading.MatchString(text), level
			}
			if !seeAlso || level <= seeAlsoLevel {
				seeAlso, seeAlsoLevel = seeAlsoHeading.MatchString(strings.TrimSpace(text)), level
			}
			if !params || level <= paramsLevel {
				params, paramsLevel = paramHeading.MatchString(text), level
				// A page titled "Parameters" (zsh's chapter on shell
				// parameters) defines them; a section of a call's page
				// lists the call's.
				callParams = params && level > 1 && callParamHeading.MatchString(text)
			}
			nameSection = manNameHeading[strings.TrimSpace(text)]
			if len(pending) > 0 && !introHeading.MatchString(text) {
				// "#### Parsers" over "##### RawBody" over "A generic
				// type that ...": the paragraph is the sub-heading's. An
				// "Overview" or 「概要」 in between still leads to the
				// heading's own.
				pending = pending[:0]
			}
			for _, p := range pending {
				ix.headings[p.key][p.pos].intro = true
			}
			raw := strings.TrimSpace(strings.TrimLeft(b.lines[0], "# "))
			if strings.Contains(text, "(") || strings.Contains(text, "（") {
				// "Chapter 12. Frequently asked Questions (FAQ)": a
				// heading spells out an abbreviation as a sentence does.
				ix.findAbbrevs(text, raw, d.Path, b.start)
			}
			// "8.1.1. dpkg" (a DocBook page's numbered section) is a
			// section about dpkg.
			bare := headingName(text)
			asked := askedTerm(bare)
			if name, ok := strings.CutSuffix(strings.Trim(asked, "` "), "()"); ok && identifierName(name) {
				// "### filter()" (a README's method) is about filter.
				asked = name
			}
			// "### \"Slack water\"", 「### 「満ち潮」」: the words quoted.
			// (Single quotes mark names in code, AsciiDoc's 'reset'.)
			key := ""
			if strings.ContainsAny(asked, "\"“「『") {
				key = normKey(unquoteWhole(strings.TrimSpace(cleanMarkdown(asked))))
			} else {
				key = normKey(asked)
			}
			if key == "" {
				continue
			}
			if bi == 0 && level == 1 {
				ix.title[d.Path] = strings.ToLower(cleanMarkdown(text))
			}
			ix.headings[key] = append(ix.headings[key], heading{doc: d.Path, line: b.start, text: text, first: -1, nextLine: len(lines) + 1,
				top: bi == 0 && level == 1, asks: asked != bare, changes: changes, numbered: bare != strings.TrimSpace(text), glossary: entry,
				code: len(raw) > 2 && raw[0] == '`' && raw[len(raw)-1] == '`' && strings.Count(raw, "`") == 2 && !strings.Contains(raw, " ")})
			pending = append(pending, headingRef{key, len(ix.headings[key]) - 1})
			prevHeading = headingRef{key, len(ix.headings[key]) - 1}
			continue
		}
		if b.kind == blockTable && !changes {
			if !bookIndex {
				// A book index's rows ("backward-delete-char | 18.6.3
				// Modifying Text", Texinfo's) point to sections; they
				// are no sentences.
				ix.addTableRow(d.Path, b, ja)
			}
			continue
		}
		licenseEnd := false
		if b.kind == blockPara && len(b.lines) == 1 {
			// A plain text manual's license: its title alone on a line
			// ("GNU GENERAL PUBLIC LICENSE") to "END OF TERMS AND
			// CONDITIONS".
			t := strings.TrimSpace(b.lines[0])
			if !license && extract.LicenseTitle(t) {
				license, licenseLevel = true, 0
			}
			licenseEnd = license && strings.EqualFold(t, "END OF TERMS AND CONDITIONS")
		}
		first := len(ix.sentences)
		ix.addSentences(d.Path, b, ja)
		for i := first; params && i < len(ix.sentences); i++ {
			ix.sentences[i].param = true
		}
		for i := first; license && i < len(ix.sentences); i++ {
			ix.sentences[i].notice = true
		}
		for i := first; afterCaseIntro && b.kind == blockList && i < len(ix.sentences); i++ {
			ix.sentences[i].caseItem = true
		}
		for i := first; changes && b.kind == blockList && i < len(ix.sentences); i++ {
			ix.sentences[i].change = true
		}
		if licenseEnd {
			license = false
		}
		if b.kind == blockList && !changes && !caveats && !bookIndex && !license {
			indent := b.indent
			for len(owners) > 0 && owners[len(owners)-1].indent >= indent {
				owners = owners[:len(owners)-1]
			}
			text := joinLines(b.lines, ja)
			if it, ok := parseListItem(text, ja); ok {
				it.doc, it.line, it.glossary, it.sub, it.param = d.Path, b.start, inGlossary, len(owners) > 0, callParams
				it.option = params && !callParams && paramsLevel > 1
				// "- `hash`: This can be a bool or None." under "-
				// dataclasses.field(*, ..., hash=None, ...): ...": a
				// parameter of the call above, not the word.
				for o := len(owners) - 1; o >= 0 && o >= len(owners)-2 && !it.sigParam; o-- {
					// Its parent, or its grandparent over "- to create a
					// new enum:" (Python's Enum.__call__).
					it.sigParam = signatureParam(owners[o].text, it.key)
				}
				if k := strings.Trim(it.key, "`*_ "); !it.sigParam && isLatinWord(k) && (len(owners) == 0 && afterParamIntro ||
					len(owners) > 0 && paramIntro(owners[len(owners)-1].text)) {
					// "- `parser` - The ArgumentParser object which
					// contains this action." after "... which should
					// accept four parameters:": a parameter, not the word.
					it.sigParam = true
				}
				if o := len(owners) - 1; !it.sigParam && o > 0 && callParamHeading.MatchString(cleanMarkdown(strings.TrimSpace(owners[o].text[listMarkerLen(owners[o].text):]))) {
					// "- **filename** – The name of a JavaScript file ..."
					// under "- Parameters" under the signature
					// "Sphinx.add_js_file(filename: ...)" (Sphinx's API
					// pages).
					it.sigParam = signatureParam(owners[o-1].text, it.key)
				}
				if k := strings.Trim(it.key, "`"); !it.sigParam && it.code && isLowerWord(k) {
					// "- `key`: The tag to mark the serialized object
					// with." under "- `JSONTag(serializer)`: ...", "-
					// `bytes`: A response object is created with the bytes
					// ..." under make_response(rv)'s Parameters (Flask's
					// API): a member of the class, or one case of the
					// call, not the word.
					for o := len(owners) - 1; o >= 0 && o >= len(owners)-2 && !it.sigParam; o-- {
						it.sigParam = callItem(owners[o].text)
					}
				}
				if len(owners) > 0 && valueOf(owners[len(owners)-1].text, it.key) || params && parameterWord(strings.Trim(it.key, "`*_ ")) ||
					(keyLineLabels[strings.ToLower(strings.Trim(it.key, "`*_ "))] || constantCase(it.key, it.body) || platformCase(it.key, it.body)) && !it.glossary {
					// A value or a parameter, not indexed; its key still
					// counts toward a field label (see fieldLabel).
					ix.countKeys(it)
				} else {
					ix.addItem(it)
				}
			}
			owners = append(owners, listOwner{indent, text})
		} else {
			owners = owners[:0]
		}
		if b.kind == blockPara && !changes && !caveats && !bookIndex && !seeAlso && !(nameSection && ix.addNames(d.Path, b, ja)) {
			// 「タグライン：曳船と本船をつなぐ綱。」, "Towline - a rope ...":
			// lines that are items without a list marker.
			ix.addKeyLines(d.Path, b, ja, params, callParams, colonHeadings)
		}
		if first < len(ix.sentences) && !metaLine(b) {
			for _, p := range pending {
				ix.headings[p.key][p.pos].first = first
			}
			pending = pending[:0]
		}
	}
}

// columnLine matches a row of a plain-text table: a name, a tab or two
// spaces or more, then its text ("CHARSET         現在表示されている文書の
// 文字コードを変更します", "  NEW_TAB      新しいタブを開いて..."). A name
// as long as its column, or longer, leaves one space ("DEFAULT_CHARSET
// デフォルトの..."): such a row is one when its text starts where the
// others' do or past it.
var columnLine = regexp.MustCompile(`^( {0,3})(\S{1,40})([\t ]+)(\S.*)$`)

// columnRows reads raw, the lines of a paragraph that starts at line
// start, as a plain-text table of names and their text, as README files
// kept as plain text write them: a row is a name, a tab or two spaces or
// more, then its text, or a name alone over its text; a row's text goes
// on in lines indented past its name. It returns a paragraph block per
// row, "name: text", and false when raw is no such table: fewer than two
// rows, or a line that is neither a row nor indented (prose).
func columnRows(raw []string, start int) ([]block, bool) {
	width := func(l string) int { // l's width, tabs expanded
		n := 0
		for _, r := range l {
			if r == '\t' {
				n += 8 - n%8
			} else {
				n++
			}
		}
		return n
	}
	indentOf := func(l string) int { return width(l[:len(l)-len(strings.TrimLeft(l, " \t"))]) }
	// The column where the rows' text starts, told by the rows set apart
	// by a tab or two spaces.
	strong := func(sep string) bool { return len(sep) > 1 || sep == "\t" }
	bodyCol := -1
	for _, l := range raw {
		if !strings.Contains(l, "\t") && !strings.Contains(l, "  ") {
			continue // a cheap test first: most paragraphs are prose
		}
		if m := columnLine.FindStringSubmatch(strings.TrimRight(l, " \t\r")); m != nil && strong(m[3]) {
			bodyCol = width(m[1] + m[2] + m[3])
			break
		}
	}
	if bodyCol < 0 {
		return nil, false
	}
	var rows []block
	keyIndent, strongRows := 0, 0
	for i, l := range raw {
		l = strings.TrimRight(l, " \t\r")
		t := strings.TrimSpace(l)
		m := columnLine.FindStringSubmatch(l)
		row := false
		if m != nil && columnKey(m[2]) && columnText(m[4]) {
			off := width(m[1]+m[2]+m[3]) - bodyCol // where the text starts, against the column
			row = strong(m[3]) || -2 <= off && off <= 2
			if strong(m[3]) {
				strongRows++
			}
		}
		switch {
		case len(rows) > 0 && indentOf(l) > keyIndent+1:
			// "  TAB_LINK     リンクが指す先の文書を…" over an indented
			// "数(N) + TAB_LINK だと、…": the row's text going on.
			last := &rows[len(rows)-1]
			if strings.HasSuffix(last.lines[0], ": ") {
				last.lines[0] += t
			} else {
				last.lines[0] += " " + t
			}
		case row:
			keyIndent = len(m[1])
			rows = append(rows, block{kind: blockPara, lines: []string{strings.TrimSuffix(m[2], ":") + ": " + m[4]}, start: start + i})
		case indentOf(l) <= 3 && !strings.ContainsAny(t, " \t") && columnKey(t) && i+1 < len(raw) && indentOf(raw[i+1]) > indentOf(l)+1:
			// "  TAB_GOTO_RELATIVE" over its text, indented: a name too
			// long for its column.
			keyIndent = indentOf(l)
			strongRows++
			rows = append(rows, block{kind: blockPara, lines: []string{strings.TrimSuffix(t, ":") + ": "}, start: start + i})
		default:
			return nil, false
		}
	}
	// Most rows are set apart by a tab or two spaces (or a line): a line
	// of prose after one that is ("Note:  this is ..." over
	// "compatibility between ...") makes no table.
	if len(rows) < 2 || strongRows < 2 || 2*strongRows < len(rows) {
		return nil, false
	}
	for _, r := range rows {
		if strings.HasSuffix(r.lines[0], ": ") {
			return nil, false
		}
	}
	return rows, true
}

// columnKey reports a word that can name a row of a plain-text table: it
// has a letter and does not end a clause ("Yes.  The berth ..." is prose
// typed with two spaces after a stop), nor is it a placeholder of a
// syntax ("[white]", "{options}").
func columnKey(w string) bool {
	if !hasLetter(w) || strings.HasPrefix(w, "[") || strings.HasPrefix(w, "{") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return !strings.ContainsRune(".,;!?。、，．", r)
}

// parenthesized reports text that is one parenthesis: "(Encase ...)",
// 「（…）」.
func parenthesized(t string) bool {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(t, p[0]) && strings.HasSuffix(t, p[1]) {
			return matchingClose(t, p[0], p[1]) == len(t)-len(p[1])
		}
	}
	return false
}

// commandName reports a key in capitals joined by underscores, as a
// program names its commands and functions: "NEXT_PAGE", "TAB_LINK".
func commandName(key string) bool {
	k := strings.Trim(key, "`*_ ")
	if !strings.Contains(k, "_") || !hasLetter(k) {
		return false
	}
	for _, r := range k {
		if !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// columnText reports text that can be a row's in a plain-text table: set
// with single spaces (a line of justified text, "ery  agent  prepends  a
// Delivered-To:", a manual page's, or of a table of more columns is
// none), opening with a word, a quotation or code, not a comment (";;
// `K a n j i SPC C-j'", keys typed in an example).
func columnText(t string) bool {
	if !hasLetter(t) || strings.Contains(t, "  ") || strings.Contains(t, "\t") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“「『(（`*_<\\", r)
}

// metaLineRE matches a paragraph that is a bold label and a short value:
// "**Source code:** Lib/asyncio/protocols.py", "**Availability**: Linux".
var metaLineRE = regexp.MustCompile(`^\*\*[^*]{1,30}(?::\*\*|\*\*:)\s*(.*)$`)

// metaLine reports a block under a heading that says where the section's
// code is or where it runs, not what it is about: Python's reference
// opens its sections with "**Source code:** Lib/...". The heading's
// opening paragraph is the one after it.
func metaLine(b block) bool {
	if b.kind != blockPara || len(b.lines) != 1 {
		return false
	}
	m := metaLineRE.FindStringSubmatch(strings.TrimSpace(b.lines[0]))
	return m != nil && !hasWords(m[1], 9)
}

// signatureParam reports an item key that names a parameter of the call
// its parent item's key spells: "hash" under "dataclasses.field(*,
// default=MISSING, hash=None): ...".
func signatureParam(parent, key string) bool {
	k := strings.Trim(key, "`*_ ")
	if k == "" || !isLatinWord(k) {
		return false
	}
	t, open, end := callKey(parent)
	if end < 0 {
		return false
	}
	for _, f := range strings.FieldsFunc(t[open+1:end], func(r rune) bool { return strings.ContainsRune("(),*=[]`: ", r) }) {
		if f == k {
			return true
		}
	}
	return false
}

// callKey finds the call in a list item whose key is one ("-
// `add_js_file(filename, priority=500)`: ..."): the item without its
// marker, and the offsets of the call's parentheses; end is -1 when the
// key is no call.
func callKey(item string) (t string, open, end int) {
	t = strings.TrimLeft(item, "-*+ ")
	open = strings.IndexByte(t, '(')
	if open <= 0 || t[open-1] == ' ' || strings.Contains(t[:open], ": ") {
		return t, open, -1 // "**smtp_tls_verify_cert_match (default: hostname)**" is no call
	}
	// The parameters may carry types ("add_js_file(filename:
	// Optional[str], priority: int = 500)"): the call ends at its
	// closing parenthesis, not at the first ": ".
	end = closingParen(t, open)
	if end < 0 || !strings.Contains(t[end:], ": ") {
		return t, open, -1
	}
	return t, open, end
}

// callItem reports a list item whose key is a call written as code ("-
// `flask.json.tag.JSONTag(serializer)`: Base class ..."): an API
// reference's class or function, whose items are its members and
// parameters.
func callItem(item string) bool {
	t, _, end := callKey(item)
	return end >= 0 && strings.HasPrefix(t, "`")
}

// documentPart opens a body about a part of the document: "This section
// ...", 「この章では…」.
var documentPart = regexp.MustCompile(`^(This|The following) (section|chapter|page|subsection|appendix)\b|^(A |The )?[Ss]ection (for|of|with|containing)\b|^この(節|章|ページ)`)

// parenType reports a body that opens with its value's type in
// parentheses: "(number) The IP family of the address.", "((origin:
// string) => void) method to set the records ...".
func parenType(body string) bool {
	if strings.HasPrefix(body, "((") {
		return true
	}
	m := parenTypeRE.FindStringSubmatch(body)
	if m == nil {
		return false
	}
	r, _ := utf8.DecodeRuneInString(m[1])
	return typeNames[strings.ToLower(m[1])] || unicode.IsUpper(r) && strings.ContainsFunc(m[1][1:], unicode.IsUpper)
}

var parenTypeRE = regexp.MustCompile(`^\(([A-Za-z][\w.]*)(?:\[\]|<[^>]*>)?(?: ?\| ?[A-Za-z][\w.<>\[\]]*)*\) `)

// typeAnnotation opens a parameter's description with its type: "<number>
// ...", "\<string> | \<Buffer> ...", "{Object} ...".
var typeAnnotation = regexp.MustCompile(`^\\?<[A-Za-z][\w.\[\]]*>|^\{[A-Za-z][\w.|\[\] ]*\}`)

// caseIntro reports the last line of a paragraph that introduces a list
// of cases or conditions: "Possible reasons why the DROP COLUMN command
// can fail include:", "The berth is refused if any of the following is
// true:", "This happens when:".
func caseIntro(line string) bool {
	l := strings.ToLower(line)
	if strings.HasSuffix(l, " if:") || strings.HasSuffix(l, " when:") || strings.HasSuffix(l, " unless:") {
		return true
	}
	for _, w := range []string{"reasons", " fail", "following is true", "following are true", "following conditions", "following cases", "these cases"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// listOwner is a list item that sub-items may belong to, by indentation.
type listOwner struct {
	indent int
	text   string
}

// valueOf reports a sub-item whose key the item above it lists as a value
// it takes, in code: under "--cleanup=<mode>: ... The <mode> can be
// `strip`, `whitespace`, ...", "whitespace: Same as strip except ..." says
// what the value does, not what whitespace is.
func valueOf(owner, key string) bool {
	k := strings.Trim(key, "`*_ ")
	if k == "" {
		return false
	}
	if strings.Contains(owner, "`"+k+"`") && valueCue.MatchString(owner) {
		return true
	}
	// "criteria : the first parameter. a function, regexp or object." over
	// "function : filter ... when the function returns false": one of the
	// types the item above lists, and what the parameter does as that. (A
	// kind of thing listed, "tug, barge or ferry", may be glossed below.)
	if !parameterWord(k) {
		return false
	}
	lower, lk := strings.ToLower(owner), strings.ToLower(k)
	for _, at := range glossary.Index(lower, lk) {
		before, after := lower[:at], lower[at+len(lk):]
		if strings.HasPrefix(after, ", ") || strings.HasPrefix(after, " or ") || strings.HasPrefix(after, " and ") ||
			strings.HasSuffix(before, ", ") || strings.HasSuffix(before, " or ") || strings.HasSuffix(before, " and ") {
			return true
		}
	}
	return false
}

// changeNote is the first sentence of an item that records a change or a
// problem fixed: a negated past ("didn't work", "was not converted") or a
// past verb of change first ("Adjusted ...", "Fixed ...").
var changeNote = regexp.MustCompile(`\b(didn't|did not|wasn't|weren't|was not|were not|couldn't|could not) |\b(was|were) (considered|converted|ignored|lost|broken|wrong)\b|^(Added|Adjusted|Fixed|Removed|Renamed|Changed|Updated|Improved|Dropped|Deprecated|Made|Moved) `)

// listsPeople reports a text of two or more personal names and nothing
// else: "Michael Lapsley and Brian Ripley", "Ada Quenby, Wren Talmadge &
// Ilse Marchetti". A name is two or three capitalised words (an initial
// may stand for the first), not opening with an article.
func listsPeople(text string) bool {
	m := peopleList.FindStringSubmatch(strings.TrimSuffix(text, "."))
	if m == nil {
		return false
	}
	for _, name := range peopleSep.Split(strings.TrimSuffix(m[0], " et al"), -1) {
		switch firstWord(name) {
		case "The", "A", "An", "This", "These", "See", "Use":
			return false
		}
	}
	return true
}

var (
	peopleList = regexp.MustCompile(`^` + personName + `((` + peopleSep.String() + `)` + personName + `)+( et al)?$`)
	peopleSep  = regexp.MustCompile(`, and |, | and | & `)
)

const personName = `[A-Z][a-z]*\.?( [A-Z]\.)?( (van|von|de|da|del|der|di|du|le|la))?( [A-Z][A-Za-z'’-]+){1,2}`

// manSummary reports a lower-case summary that opens with a verb in the
// imperative, as a manual page's NAME line writes it.
func manSummary(body string) bool {
	w, rest, _ := strings.Cut(body, " ")
	if w == "" || !isLowerWord(w) || strings.Contains(strings.ToLower(body), "manual page") {
		return false
	}
	return enImperatives[w] || nounVerbImperative(w, firstWord(rest)) || baseVerbImperative(w, firstWord(rest))
}

// topicList reports a body that is a list of five short phrases or more,
// in lower case, without articles: "allocations, copies, buffering, hot
// loops, and contention."
func topicList(body string) bool {
	body = strings.TrimRight(body, ". ")
	if strings.Count(body, ", ") < 4 || body == "" || !unicode.IsLower(rune(body[0])) {
		return false
	}
	for part := range strings.SplitSeq(body, ", ") {
		part = strings.TrimPrefix(strings.TrimPrefix(part, "and "), "or ")
		words := strings.Fields(part)
		if len(words) == 0 || len(words) > 3 {
			return false
		}
		for _, w := range words {
			if enArticles[w] || !isLatinWord(w) {
				return false
			}
		}
	}
	return true
}

// sharedBody opens an item's body that speaks of several keys at once
// ("These five are ...", "Both are ...") or of when its key happens ("This
// is performed only in ..."), how common it is ("This is by far most
// common, as ...") or what they are applied to ("These are applied to
// all other content", Postfix's header_checks(5) over each parameter).
// "These represent finite ordered sets ..."
// under "Sequences" glosses its key (Python's data model).
var sharedBody = regexp.MustCompile(`^(These|Those|The) (two|three|four|five|six|seven|eight|nine|ten) |^(These|Those) \d+ |^(Both|All of these|Each of these)\b|^This is (only |always |never |not |also |then )?[a-z]+(ed|en)\b|^This is (by far )?(the )?(most|more|less|least)\b|^These are (only |always |also |then )?[a-z]+(ed|en)\b`)

// constantCase reports an item keyed by a constant of the languages and
// settings: outside a glossary, "nil", "true" or "off" says what a setting
// does with that value ("nil: The pointer stays where it is."), not what
// the word means, unless the body speaks of the value itself ("Null: This
// value is used for ...", 「この値は…」).
func constantCase(key, body string) bool {
	if !constantWords[strings.ToLower(strings.Trim(key, "`*_ '\""))] {
		return false
	}
	return !valueSelf.MatchString(strings.TrimSpace(body))
}

var valueSelf = regexp.MustCompile(`^(?i)((this|the|a|its) value|value|represents|denotes|indicates|means|stands for)\b|^(この|その)?値[はが]`)

var constantWords = toSet("nil true false null none undefined yes no on off")

// platformCase reports an item keyed by a platform whose body is a
// sentence: how a thing behaves there ("UNIX: The desired Matlab should be
// accessible from the PATH.") or what it uses there ("macOS: default web
// browser"), not what the platform is (which a noun phrase with its
// article says: "Linux: A free Unix-like kernel.").
func platformCase(key, body string) bool {
	if !platformNames[strings.ToLower(strings.Trim(key, "`*_ "))] {
		return false
	}
	if i := strings.Index(body, ". "); i > 0 && i+2 < len(body) && unicode.IsUpper(rune(body[i+2])) {
		// "- macOS: a start that the context ended gave `chrome failed to
		// start` .... It returns the error of the context now.": a note
		// of sentences on the platform, not what it is.
		return true
	}
	words := strings.Fields(strings.ToLower(body))
	for _, w := range words {
		switch strings.TrimRight(w, ".,;:") {
		case "is", "are", "was", "were", "has", "have", "can", "will", "must", "may", "should", "could", "would", "does", "do":
			return true
		}
	}
	if len(words) > 0 && len(words) <= 5 && !spellsOut(body, key) {
		switch strings.Trim(words[0], "`*_") {
		case "a", "an", "the", "one":
		default:
			// "- macOS: default web browser", "- Linux: Gnome Yelp": what
			// the platform uses, named without an article.
			return true
		}
	}
	return clauseBody(body)
}

// spellsOut reports a body whose words' initials open key, three letters
// or more: "Portable Operating System Interface" for POSIX.
func spellsOut(body, key string) bool {
	var b strings.Builder
	for _, w := range strings.Fields(body) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	in := b.String()
	return len(in) >= 3 && strings.HasPrefix(strings.ToUpper(strings.Trim(key, "`*_ ")), in)
}

var platformNames = toSet("windows macos osx linux unix android ios freebsd openbsd netbsd solaris aix cygwin mingw msys wsl posix darwin")

// valueCue introduces the values a setting takes.
var valueCue = regexp.MustCompile(`(?i)\b(can be|may be|one of|values?|valid|either|following|supported|possible|accepted|modes)\b|次のいずれか|値`)

// countKeys counts a list item under its keys, per document, and returns
// the keys.
func (ix *corpusIndex) countKeys(it listItem) []string {
	keys := itemKeys(it.key)
	for _, k := range keys {
		if ix.itemKeys[k] == nil {
			ix.itemKeys[k] = map[string]int{}
		}
		ix.itemKeys[k][it.doc]++
	}
	return keys
}

// dropSharedBodies drops the items whose body a page gives three keys or
// more outside a glossary ("Action: first line and subsequent lines;",
// "Memo: ...", "Reconcile: ...", the rows of an export's columns;
// "Currency: All accounts except Equity ... can be child accounts." for
// most account types): a value they share, not what each one is.
func (ix *corpusIndex) dropSharedBodies() {
	type docBody struct{ doc, body string }
	keys := map[docBody]map[string]bool{}
	for _, its := range ix.items {
		for _, it := range its {
			if it.glossary {
				continue
			}
			b := docBody{it.doc, strings.ToLower(strings.TrimRight(it.body, ".;。 "))}
			if keys[b] == nil {
				keys[b] = map[string]bool{}
			}
			keys[b][strings.ToLower(it.key)] = true
		}
	}
	shared := map[docBody]bool{}
	for b, ks := range keys {
		if len(ks) >= 3 {
			shared[b] = true
		}
	}
	if len(shared) == 0 {
		return // most corpora: no body is shared
	}
	for k, its := range ix.items {
		kept := slices.DeleteFunc(its, func(it listItem) bool {
			return !it.glossary && shared[docBody{it.doc, strings.ToLower(strings.TrimRight(it.body, ".;。 "))}]
		})
		if len(kept) == 0 {
			delete(ix.items, k)
		} else {
			ix.items[k] = kept
		}
	}
}

// addItem indexes a list item under its keys, its body cleaned.
func (ix *corpusIndex) addItem(it listItem) {
	if it.glossary && !it.sub {
		if to := crossRefTarget(it.body, it.ja); to != "" && shortName(withoutQualifier(cleanMarkdown(it.key))) {
			ix.crossRefs = append(ix.crossRefs, crossRef{from: it.key, to: to})
		}
	}
	keys := ix.countKeys(it)
	if it.otherSubject {
		// "PostgreSQL: `Greatest` will return the largest non-null
		// expression": what another thing does there.
		return
	}
	// A Japanese body in an English page (a page partly translated) is
	// read as Japanese.
	body := itemBody(it.key, it.body, it.ja || isJapaneseText(it.body))
	if body == "" && it.code && !it.ja && settingName(it.key) && optionEffects[strings.ToLower(firstWord(it.body))] {
		// "- `use_accelerate_endpoint` - Use the S3 Accelerate endpoint
		// for all commands": what the setting does, not an instruction.
		body = firstSentenceOf(it.body, false)
	}
	if body == "" && it.manName && !it.ja && manSummary(it.body) {
		// "cp - copy files and directories", "grep - search a file for
		// a pattern": a manual page's NAME says what its command does as
		// an order, not an instruction to the reader.
		body = firstSentenceOf(it.body, false)
	}
	if it.body = body; it.body == "" {
		return
	}
	for _, k := range keys {
		ix.items[k] = append(ix.items[k], it)
	}
}

// crossRef is a glossary entry whose whole body names another entry: from
// is the key as written, to the entry it sends the reader to.
type crossRef struct{ from, to string }

var (
	enCrossRef = regexp.MustCompile(`(?i)^(?:see:?|same as|another name for|(?:in [^,]{1,40}, )?(?:an? )?(?:(?:informal|common|older|obsolete|archaic) )?synonym (?:for|of))\s+(.+?)\.?$`)
	jaCrossRef = regexp.MustCompile(`^(?:(?:参照|→|⇒)[:：]?\s*(.+?)|(.+?)\s*(?:を参照(?:してください)?|の項を参照|と同じ|の同義語|の別名)(?:です)?)[。.]?$`)
	// refWords open a target that is a part of the documents, not an
	// entry: "See Section 9.21", 「第3章を参照」.
	refWords = regexp.MustCompile(`(?i)^(also|section|chapter|appendix|part|page|table|figure|the (section|chapter|manual|documentation)|below|above|\d)|[章節項頁]$|ページ|以下|上記|下記|次の`)
)

// crossRefTarget returns the entry a glossary body sends the reader to
// when that is all the body says ("See Tuple.", "See: Directive", "A
// synonym for head.", 「参照: ディレクティブ」, 「タプルを参照。」), without
// the qualifier after it ("Primary (server)" -> "Primary"); "" for any
// other body. "See also X" relates two entries and is not one.
func crossRefTarget(body string, ja bool) string {
	body = strings.TrimSpace(cleanMarkdown(body))
	var to string
	if m := enCrossRef.FindStringSubmatch(body); m != nil {
		to = m[1]
	} else if m := jaCrossRef.FindStringSubmatch(body); ja && m != nil {
		to = m[1] + m[2]
	}
	to = strings.Trim(withoutQualifier(to), "\"'“”‘’「」『』 ")
	if !shortName(to) || refWords.MatchString(to) || ja && strings.ContainsAny(to, "はがをにでへ") { // 「詳細は設定を参照」: a clause, not a name
		return ""
	}
	return to
}

// shortName reports a phrase short enough to be a name and without the
// punctuation of a clause: not "In reference to a database transaction".
func shortName(s string) bool {
	return s != "" && len(s) <= 60 && len(strings.Fields(s)) <= 5 && !strings.ContainsAny(s, ",;:.、。：")
}

// withoutQualifier drops a trailing parenthesis: "Master (server)",
// "commit (the noun)", 「主サーバ（サーバ）」.
func withoutQualifier(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range [][2]string{{" (", ")"}, {"（", "）"}, {"(", ")"}} {
		if i := strings.LastIndex(s, p[0]); i > 0 && strings.HasSuffix(s, p[1]) {
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

// addKeyLines indexes a paragraph whose every line is "key：body" or
// "key - body" with a short key (a name, not a clause) as list items:
// plain-text glossaries write them without list markers. A paragraph with
// any other line is prose.
func (ix *corpusIndex) addKeyLines(doc string, b block, ja, params, callParams bool, colonHeadings map[string]bool) {
	if len(b.lines) > 20 {
		return
	}
	items := make([]listItem, 0, len(b.lines))
	for i, line := range b.lines {
		if strings.HasPrefix(line, "【") {
			return // bracketed keys are read as labels (sitemarkup)
		}
		if len(colonHeadings) > 0 && colonHeadings[strings.ToLower(strings.TrimSpace(line))] {
			return // a table of contents' entry, the heading's text again
		}
		it, ok := parseListItem(line, ja)
		// A Japanese key is a word of a few characters; a Latin one may be a
		// long name ("TAB_GOTO_RELATIVE").
		// A key in code glosses in a word or two: 「`HG`: ひらがな」
		// (moji's character kinds).
		minBody := 6
		if it.code {
			minBody = 2
		}
		if !ok || ja && (utf8.RuneCountInString(it.key) > 15 && (glossary.HasCJK(it.key) || len(it.key) > 30) || strings.ContainsAny(it.key, "、。 ") || utf8.RuneCountInString(it.body) < minBody) ||
			!ja && (len(strings.Fields(it.key)) > 4 || len(strings.Fields(it.body)) < 3 || keyLineClause(it.key, it.body)) ||
			strings.Contains(it.body, "|") || keyLineLabels[strings.ToLower(it.key)] || menuLine(line, it.body) {
			return // a label ("Note:", 「注釈：」), a setting ("Rules-Requires-Root: no"), prose or a menu path
		}
		if it.code && typeNames[strings.ToLower(strings.Trim(it.key, "`"))] {
			// "`string` - The response's HTTP status message." under
			// "### Property `statusMessage`": the property's type, then
			// what the property holds.
			return
		}
		it.doc, it.line, it.param = doc, b.start+i, callParams
		items = append(items, it)
	}
	for _, it := range items {
		if params && parameterWord(strings.Trim(it.key, "`*_ ")) || constantCase(it.key, it.body) || platformCase(it.key, it.body) {
			// "### Parameters:" over "line: The line to write, may be
			// empty.": what the call takes, as a list item there says.
			ix.countKeys(it)
			continue
		}
		ix.addItem(it)
	}
}

// pluralWord reports a key that is one plain word in the plural:
// "Fields", "hawsers".
func pluralWord(key string) bool {
	k := strings.Trim(key, "`*_ ")
	if len(k) < 4 || strings.ContainsAny(k, " -_.0123456789") || !strings.HasSuffix(k, "s") || strings.HasSuffix(k, "ss") {
		return false
	}
	return strings.ToLower(k[1:]) == k[1:]
}

// symbolic reports a text with fewer letters than other marks: notation,
// not words.
func symbolic(s string) bool {
	letters, marks := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			marks++
		}
	}
	return letters < marks
}

// manNameHeading names a manual page's NAME section.
var manNameHeading = toSet(`NAME Name 名前 名称`)

// addNames reads a manual page's NAME paragraph ("stat, fstat, lstat,
// fstatat - get file status", wrapped over lines as man prints it) as one
// item per name, and reports whether it did.
func (ix *corpusIndex) addNames(doc string, b block, ja bool) bool {
	if len(b.lines) > 4 {
		return false
	}
	// "bzip2, bunzip2 - a block-sorting file compressor" then "bzcat -
	// decompresses files to stdout" on the next line: a NAME for each.
	added, from := false, 0
	for k := 1; k <= len(b.lines); k++ {
		if k < len(b.lines) && !nameLineStart.MatchString(b.lines[k]) {
			continue
		}
		if ix.addNameLine(doc, b.start, b.lines[from:k], ja) {
			added = true
		} else if from == 0 {
			return false
		}
		from = k
	}
	return added
}

// nameLineStart matches a line that opens a NAME of its own: names, a
// dash, a summary.
var nameLineStart = regexp.MustCompile(`^\s*[\w.+:-]+(, *[\w.+:-]+)* [-–] \S`)

// addNameLine reads one NAME ("stat, fstat - get file status", over one
// line or more).
func (ix *corpusIndex) addNameLine(doc string, start int, lines []string, ja bool) bool {
	line := joinLines(lines, ja)
	i := strings.Index(line, " - ")
	if j := strings.Index(line, " -"); i < 0 && ja && j > 0 {
		// 「getaddrinfo, gai_strerror -」 at a line's end, joined to the
		// Japanese line after it without a space.
		if r, _ := utf8.DecodeRuneInString(line[j+2:]); glossary.HasCJK(string(r)) {
			line = line[:j+2] + " " + line[j+2:]
			i = j
		}
	}
	if i <= 0 {
		return false
	}
	names := strings.Split(line[:i], ",")
	if len(names) > 12 {
		return false
	}
	for k, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || strings.ContainsAny(n, " \t") || len(n) > 40 {
			return false
		}
		names[k] = n
	}
	added := false
	for _, n := range names {
		if it, ok := parseListItem(n+line[i:], ja); ok {
			// The page's own definition of its names, as a glossary's
			// entry is (see keepGlossaryEntries): read whole, a corpus of
			// manual pages ranked common words above the names its pages
			// are about.
			it.doc, it.line, it.glossary, it.manName = doc, start, true, true
			ix.addItem(it)
			added = true
		}
	}
	return added
}

// typeNames are the names of value types in API references.
var typeNames = toSet(`boolean bool string integer int float double number object array function regexp buffer promise
	null undefined any void`)

// hasLetterRun reports n letters in a row in s.
func hasLetterRun(s string, n int) bool {
	run := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			run = 0
			continue
		}
		if run++; run >= n {
			return true
		}
	}
	return false
}

// menuLine reports a line that walks a menu: two steps or more ("Insert -
// Function - Category Logical", 「挿入 - 関数 - カテゴリー 論理」, 「挿入 → 関数
// → 統計」), or one step to a command named in title case without a
// sentence ("View - Freeze Rows and Columns").
func menuLine(line, body string) bool {
	steps := strings.Count(line, " - ") + strings.Count(line, " → ") + strings.Count(line, " > ")
	if steps >= 2 {
		return true
	}
	if steps == 0 || glossary.HasCJK(body) || strings.ContainsAny(strings.TrimRight(body, "."), ".,;:!?") {
		return false
	}
	capital := 0
	for _, w := range strings.Fields(body) {
		if utf8.RuneCountInString(w) < 4 {
			continue // "and", "to", "All"
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		capital++
	}
	return capital >= 2
}

// keyLineClause reports an English line whose dash or colon splits a
// sentence, not a key from its gloss: "The tugboat — it was raining hard —
// left late." A glossary key has no article; a gloss does not open with a
// pronoun.
func keyLineClause(key, body string) bool {
	first := strings.ToLower(strings.Fields(key)[0])
	switch first {
	case "the", "a", "an", "this", "that", "these", "those", "each", "every", "our", "your", "my", "its", "their":
		return true
	}
	switch strings.ToLower(strings.Fields(body)[0]) {
	case "it", "he", "she", "they", "we", "you", "i", "this", "that", "there":
		return true
	}
	return false
}

// keyLineLabels open notes, records and a manual page's sections, not
// glosses: "Note: ...", "Status: Amended by ...", 「注釈：…」, 「書式」 over
// a page's synopsis. They are labels as list items too, except in the
// documents' glossary ("Update: An SQL command used to modify rows ...").
var keyLineLabels = toSet(`note notes nb tip tips hint warning caution important attention danger info example examples
	see status date author authors version updated update summary result results answer question q a todo fixme
	feature features usage installation install requirements prerequisites license output input returns parameters
	params default defaults options syntax purpose goal goals motivation overview description availability platforms
	注 注意 注釈 訳注 備考 補足 参考 メモ 例 ヒント 警告 重要 結果 回答 質問 更新 日付 作者 著者 状態 ステータス 関連
	書式 返り値 準拠 関連項目 関連ファイル デフォルト デフォルト値 既定値 初期値`)

type headingRef struct {
	key string
	pos int
}

// setextLevel returns 1 for a line of "=" and 2 for a line of "-" (the
// underline of a setext heading), 0 otherwise.
func setextLevel(s string) int {
	if s == "" || s[0] != '=' && s[0] != '-' || strings.Trim(s, s[:1]) != "" {
		return 0
	}
	if s[0] == '=' {
		return 1
	}
	return 2
}

func isRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	for _, r := range s {
		if r != '-' && r != '*' && r != '_' && r != ' ' && r != '=' {
			return false
		}
	}
	return true
}

// listMarkerLen returns the length of a list marker ("- ", "* ", "+ ",
// "1. ", "1) ", "・") at the start of s, or 0.
func listMarkerLen(s string) int {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return 2
	}
	if strings.HasPrefix(s, "・") {
		return len("・")
	}
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2
	}
	// "(1) "Romaji" is ...", 「（2）辞書を…」: an enumeration of plain text.
	for _, p := range [][2]string{{"(", ") "}, {"（", "）"}} {
		if rest, ok := strings.CutPrefix(s, p[0]); ok {
			j := 0
			for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			if j > 0 && strings.HasPrefix(rest[j:], p[1]) && len(rest) > j+len(p[1]) {
				return len(p[0]) + j + len(p[1])
			}
		}
	}
	return 0
}

// faqMarkers open the question and answer lines of an FAQ ("Q: ...",
// "A. ...", 「Q．…」), possibly in bold ("**Q: ...**").
var faqMarkers = []string{"Q:", "A:", "Q：", "A：", "Q. ", "A. ", "Q．", "A．"}

// faqKind returns 'Q' or 'A' for a line that opens a question or an
// answer of an FAQ, 0 otherwise.
func faqKind(s string) byte {
	s = strings.TrimLeft(s, "*_")
	for _, p := range faqMarkers {
		if strings.HasPrefix(s, p) {
			return p[0]
		}
	}
	return 0
}

func isFAQMarker(s string) bool { return faqKind(s) != 0 }

func stripFAQMarker(s string) string {
	t := strings.TrimLeft(s, "*_")
	for _, p := range faqMarkers {
		if strings.HasPrefix(t, p) {
			return strings.TrimSpace(strings.TrimRight(t[len(p):], "*_ "))
		}
	}
	return s
}

// parseListItem reads "- KEY: body", "- **KEY**: body", "- **KEY:** body",
// "- KEY - body" (and the full-width colon), and in Japanese "- 【KEY】body".
func parseListItem(line string, ja bool) (listItem, bool) {
	s := strings.TrimSpace(line[listMarkerLen(line):])
	var key, body string
	other := false
	if strings.HasPrefix(s, "**") || strings.HasPrefix(s, "__") {
		mark := s[:2]
		end := strings.Index(s[2:], mark)
		if end < 0 {
			return listItem{}, false
		}
		key = s[2 : 2+end]
		if after := s[2+end+2:]; (strings.HasSuffix(key, ":") || strings.HasSuffix(key, "：")) && after != "" && after[0] != ' ' && after[0] != '\t' {
			// "**unix:***pathname*: Connect to ...": the key goes on
			// past its bold colon; a syntax (unix:pathname), not a term.
			return listItem{}, false
		}
		rest := strings.TrimSpace(s[2+end+2:])
		switch {
		case strings.HasSuffix(key, ":") || strings.HasSuffix(key, "："):
			key = strings.TrimRight(key, ":：")
			body = rest
		case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "："):
			body = strings.TrimLeft(rest, ":： ")
			body = strings.TrimSpace(body)
		case strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "– ") || strings.HasPrefix(rest, "— "):
			_, after, _ := strings.Cut(rest, " ")
			body = strings.TrimSpace(after)
		default:
			return listItem{}, false
		}
	} else if k, rest, ok := strings.Cut(strings.TrimPrefix(s, "【"), "】"); ja && ok && strings.HasPrefix(s, "【") && strings.TrimSpace(rest) != "" {
		// 「【キュー】ジョブを順番に並べておく列。」
		key, body = k, strings.TrimLeft(rest, " 　：:")
	} else {
		best, sepLen := itemSeparator(s)
		if best < 0 {
			return listItem{}, false
		}
		key, body = s[:best], strings.TrimSpace(s[best+sepLen:])
	}
	if b := strings.TrimRight(strings.TrimSpace(body), ".。"); len(b) > 1 && b[0] == '`' && b[len(b)-1] == '`' {
		// "Default: `["a", "i", 典型例]`": a value in code, not a gloss;
		// "Dictionary: `[0x0a][Yesterday 25 bananas ...]`." an example.
		return listItem{}, false
	}
	if b := strings.TrimSpace(body); strings.HasPrefix(b, "`") {
		// "Level: `SpeedFastest` (1) - maximum speed": a value in code
		// and a remark on it.
		if end := strings.IndexByte(b[1:], '`'); end > 0 {
			after := strings.TrimSpace(b[end+2:])
			if after == "" || strings.HasPrefix(after, "(") || strings.HasPrefix(after, "- ") || strings.HasPrefix(after, "– ") ||
				strings.HasPrefix(after, ",") || strings.HasPrefix(after, ";") {
				return listItem{}, false
			}
		}
		other = otherCodeSubject(key, b)
	}
	if linkOnly(body) || linkList(body) {
		// "Issue: [Question about ... · Issue #62](https://...)": a
		// reference to a page elsewhere, not a gloss of the key;
		// "Example files: [a.js](./a.js), [b.js](./b.js)": references.
		return listItem{}, false
	}
	rawKey := strings.TrimSpace(key)
	typed := false
	if name, ok := typedSetting(rawKey); ok {
		// "`address` `(string: "")`", "`tls` (`array: []`)": the
		// setting, and its type.
		key, rawKey, typed = "`"+name+"`", "`"+name+"`", true
	}
	if len(rawKey) > 4 && (strings.HasPrefix(rawKey, "*`") && strings.HasSuffix(rawKey, "`*") || strings.HasPrefix(rawKey, "_`") && strings.HasSuffix(rawKey, "`_")) {
		// "*`table_name`*: The name of a specific table to analyze.": a
		// placeholder of a command's syntax (DocBook's replaceable), one
		// parameter of the page, not a term.
		return listItem{}, false
	}
	if programFolderLink(rawKey) {
		// "[versions](.../_examples/versions/main.go) - Demo of
		// `chi/render` subpkg": the folder of an example program, not
		// the word.
		return listItem{}, false
	}
	code := len(rawKey) > 2 && rawKey[0] == '`' && rawKey[len(rawKey)-1] == '`' && strings.Count(rawKey, "`") == 2
	if t := strings.Trim(rawKey, "*_"); len(t) > 2 && t[0] == '[' && t[len(t)-1] == ']' && !strings.ContainsAny(t, " ()") {
		// "**[plugins]**: The plugins section contains ..." (a TOML
		// file's table, containerd's manual): a name as the file spells
		// it, as code is.
		code = true
	}
	_, url, isLink := strings.Cut(rawKey, "](")
	isLink = isLink && strings.HasPrefix(rawKey, "[") && strings.HasSuffix(rawKey, ")")
	pageLink := isLink && !strings.Contains(url, "://") && !strings.HasPrefix(url, "#")
	isLink = isLink && (strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://"))
	key = cleanMarkdown(key)
	body = cleanMarkdown(body)
	if key == "" || body == "" {
		return listItem{}, false
	}
	// A key is a name, not a clause: a few words at most. A Japanese
	// document's English key is counted in words ("HyperText Transfer
	// Protocol (HTTP)").
	if ja && glossary.HasCJK(key) {
		if utf8.RuneCountInString(key) > 30 {
			return listItem{}, false
		}
	} else if len(strings.Fields(key)) > 6 || strings.ContainsAny(key, ",;?!") || strings.Contains(key, ". ") || strings.HasSuffix(key, ".") {
		// A dot inside a word is part of a name: "Encoding.convert",
		// "config.yaml".
		return listItem{}, false
	}
	return listItem{key: key, body: body, ja: ja, code: code, otherSubject: other, link: isLink, pageLink: pageLink, typed: typed}, true
}

// typedSetting returns the name of a setting written in code before its
// type and default in parentheses, as HashiCorp's pages list them:
// "`address` `(string: "")`", "`max_parallel` `(int: 128)`", "`tls`
// (`array: []`)", "`tags` `(map<string|string>: nil)`".
func typedSetting(key string) (string, bool) {
	if len(key) < 6 || key[0] != '`' {
		return "", false
	}
	end := strings.IndexByte(key[1:], '`') + 1
	if end <= 1 {
		return "", false
	}
	name := key[1:end]
	rest := strings.TrimSpace(strings.ReplaceAll(key[end+1:], "`", ""))
	if strings.ContainsAny(name, " \t") || !strings.HasPrefix(rest, "(") || !strings.HasSuffix(rest, ")") {
		return "", false
	}
	t := strings.TrimLeft(rest[1:], " ")
	i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		i = len(t)
	}
	switch t[:i] {
	case "string", "bool", "boolean", "int", "integer", "float", "number", "map", "list", "array", "duration", "object", "uint", "byte",
		"strings", "time":
		return name, true
	}
	return "", false
}

// programFolderLink reports a key that is a link, in lower case, to a
// program's source file in a folder of the key's name: a list of example
// programs ("[rest](.../rest/main.go)").
func programFolderLink(key string) bool {
	text, url, ok := strings.Cut(strings.TrimPrefix(key, "["), "](")
	if !ok || !strings.HasPrefix(key, "[") || !strings.HasSuffix(url, ")") || text == "" || text != strings.ToLower(text) {
		return false
	}
	url = strings.TrimSuffix(url, ")")
	i := strings.Index(url, "/"+text+"/")
	if i < 0 || strings.ContainsAny(text, " /") {
		return false
	}
	file := url[i+len(text)+2:]
	if file == "" || strings.ContainsAny(file, "#?") {
		return false
	}
	ext := strings.ToLower(path.Ext(file))
	return ext != "" && strings.Contains(".go.py.js.mjs.ts.rs.c.cc.cpp.h.java.kt.rb.sh.php.swift.cs.lua.pl.ex.exs.", ext+".")
}

// itemSeparator returns the position and length of the first separator of
// a list item's key and body (": ", "：", " - ", " – ", " — ") outside
// links, parentheses and code: "[連語（助詞） - 品詞の分類](url)" has none.
// It returns -1 when there is none.
func itemSeparator(s string) (int, int) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '(':
			depth++
			continue
		case ']', ')':
			depth = max(depth-1, 0)
			continue
		case '`':
			if k := strings.IndexByte(s[i+1:], '`'); k >= 0 {
				i += k + 1
			}
			continue
		}
		if depth > 0 || i == 0 {
			continue
		}
		for _, sep := range []string{": ", "：", " - ", " – ", " — "} {
			if strings.HasPrefix(s[i:], sep) {
				if after := s[i+len(sep):]; !strings.HasPrefix(after, "*") && inEmphasis(s, i) {
					// "*Music Notation: A Manual of Modern Practice* by
					// ...": the colon of a title in emphasis.
					break
				}
				return i, len(sep)
			}
		}
	}
	return -1, 0
}

// inEmphasis reports s[i] inside an emphasis that opens before it ("*Music
// Notation: A Manual ...*") and closes after it; the stars of "L*a*b*"
// open none.
func inEmphasis(s string, i int) bool {
	open := false
	for j := 0; j < i; j++ {
		if s[j] != '*' {
			continue
		}
		if (j == 0 || s[j-1] == ' ') && j+1 < len(s) && s[j+1] != ' ' {
			open = true
			for j+1 < i && s[j+1] == '*' {
				j++
			}
			continue
		}
		if open && (j+1 >= len(s) || strings.IndexByte(" .,;:!?)", s[j+1]) >= 0) {
			open = false
		}
	}
	return open && strings.Contains(s[i:], "*")
}

// leadingLink returns what follows the Markdown link that s opens with;
// ok is false when s does not open with one.
func leadingLink(s string) (rest string, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return "", false
	}
	mid := strings.Index(s, "](")
	if mid < 0 {
		return "", false
	}
	end := closingParen(s, mid+1)
	if end < 0 {
		return "", false
	}
	return s[end+1:], true
}

// linkOnly reports a text made of one Markdown link and nothing else.
func linkOnly(s string) bool {
	rest, ok := leadingLink(strings.TrimSpace(s))
	return ok && strings.TrimSpace(rest) == ""
}

// linkList reports a text made of two or more Markdown links and only
// commas, "and" or "or" between them.
func linkList(s string) bool {
	s = strings.TrimSpace(s)
	links := 0
	for s != "" {
		rest, ok := leadingLink(s)
		if !ok {
			return false
		}
		links++
		s = strings.TrimLeft(rest, " ,;")
		s = strings.TrimPrefix(strings.TrimPrefix(s, "and "), "or ")
		s = strings.TrimRight(strings.TrimSpace(s), ".")
	}
	return links >= 2
}

// unquoteLine trims a line, and its block quote marker when quoted: the
// rule under a quoted table's header row is quoted too ("> | --- |").
func unquoteLine(line string, quoted bool) string {
	line = strings.TrimSpace(line)
	if quoted && strings.HasPrefix(line, ">") {
		line = strings.TrimSpace(strings.TrimLeft(line, "> \t"))
	}
	return line
}

// isTableRule reports the rule under a table's header row: "| --- | :-: |".
func isTableRule(s string) bool {
	if !strings.Contains(s, "-") {
		return false
	}
	for _, r := range s {
		if r != '-' && r != '|' && r != ':' && r != ' ' && r != '\t' {
			return false
		}
	}
	return true
}

// badgeLine reports a line made only of images and links around images:
// "[![Build Status](...)](...) [![GoDoc][godoc-img]][godoc-url]".
func badgeLine(s string) bool {
	if !strings.HasPrefix(s, "[![") && !strings.HasPrefix(s, "![") {
		return false
	}
	depth, images := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '[' || c == '(':
			if c == '[' && i > 0 && s[i-1] == '!' {
				images++
			}
			depth++
		case c == ']' || c == ')':
			depth--
		case depth == 0 && c != ' ' && c != '\t' && !(c == '!' && i+1 < len(s) && s[i+1] == '['):
			return false
		}
	}
	return images > 0
}

// glossTable reports whether a two-column table with this header row
// glosses its first column: no header, a first column of names ("Option",
// "Name", "Term", "用語") or a second column of descriptions
// ("Description", "Meaning", "説明"). "| Function | Ruby |" compares, it
// does not gloss; nor do notes beside a name that is not one ("| Dimension
// | Notes |": "Browser indicates preferences with ...").
func glossTable(header string) bool {
	if header == "" {
		return true
	}
	var cells []string
	for c := range strings.SplitSeq(strings.Trim(header, "| "), "|") {
		cells = append(cells, strings.ToLower(cleanMarkdown(strings.TrimSpace(c))))
	}
	if len(cells) != 2 || syntaxNameHeader.MatchString(cells[0]) {
		// "| Pattern | Description |": `ID` is a format's pattern (PostgreSQL's
		// to_char), not the word spelled like it.
		return false
	}
	return glossNameHeader.MatchString(cells[0]) || glossBodyHeader.MatchString(cells[1])
}

// syntaxNameHeader names a first column of a format's pieces.
var syntaxNameHeader = regexp.MustCompile(`^(template )?(pattern|patterns|modifier|modifiers|format specifiers?|specifiers?|placeholders?|escapes?|escape sequences?|conversion specifiers?|書式|パターン|修飾子|書式指定子)$`)

var (
	glossNameHeader = regexp.MustCompile(`^(term|terms|name|names|option|options|flag|flags|field|fields|parameter|parameters|param|params|setting|settings|key|keys|variable|variables|command|commands|type|types|status|mode|modes|role|roles|concept|word|abbreviation|acronym|用語|名前|名称|項目|オプション|パラメータ|設定|キー|変数|コマンド|略語)$`)
	glossBodyHeader = regexp.MustCompile(`^(description|descriptions|meaning|definition|definitions|purpose|explanation|details|summary|what it (is|does)|説明|意味|定義|概要|内容|用途)$`)
)

// descColumn returns the index of the description column of a table of
// three columns or more with this header row ("| Name | Type | Default |
// Description |", "| 関数 | 引数 | 説明 |"), and the number of columns; 0
// when it has none, or when it is the first.
func descColumn(header string) (int, int) {
	if header == "" || strings.Count(header, "|") < 3 || !descHeaderHint(header) {
		return 0, 0
	}
	cells := tableCells(header)
	if len(cells) < 3 {
		return 0, 0
	}
	for i, c := range cells[1:] {
		if glossBodyHeader.MatchString(strings.ToLower(cleanMarkdown(c))) {
			return i + 1, len(cells)
		}
	}
	return 0, 0
}

// identHeader reports a table header whose first column names
// identifiers: "Attribute name", "Parameter", "Argument", "Field",
// "Property", "Key".
func identHeader(header string) bool {
	if header == "" {
		return false
	}
	cells := tableCells(header)
	if len(cells) < 2 {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(cleanMarkdown(cells[0]))) {
	case "attribute", "attributes", "attribute name", "parameter", "parameters", "parameter name", "argument", "arguments",
		"argument name", "field", "fields", "field name", "property", "properties", "property name", "key", "keys", "key name":
		return true
	}
	return false
}

// paramIntro reports text that introduces a list of parameters or
// attributes: "Action instances should be callable, so subclasses must
// override the __call__ method, which should accept four parameters:",
// "The args argument has the following attributes:".
func paramIntro(text string) bool {
	if !strings.Contains(text, ":") {
		return false
	}
	l := strings.ToLower(text)
	for _, w := range []string{"following attributes:", "following parameters:", "following arguments:", "following fields:",
		"following properties:", "following keys:"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	l = strings.TrimSpace(l)
	return strings.HasSuffix(l, " parameters:") || strings.HasSuffix(l, " arguments:") || strings.HasSuffix(l, " attributes:")
}

// descHeaderHint is descColumn's cheap test: a header row holding a word
// of glossBodyHeader, in any case of its first letter or in capitals.
func descHeaderHint(h string) bool {
	for _, w := range []string{"escription", "ESCRIPTION", "eaning", "EANING", "efinition", "EFINITION", "urpose", "URPOSE",
		"xplanation", "etail", "ETAIL", "ummary", "UMMARY", "hat it", "HAT IT", "説明", "意味", "定義", "概要", "内容", "用途"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// tableCells returns the cells of a table row, empty ones included.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	cells := strings.Split(row, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// addTableRow records a table row as one sentence, its cells joined by
// semicolons; a row of two cells whose first is a short name ("| `Compress`
// | Gzip compression for clients |") is also a list item.
func (ix *corpusIndex) addTableRow(doc string, b block, ja bool) {
	row := strings.Trim(b.lines[0], "| ")
	var cells []string
	for c := range strings.SplitSeq(row, "|") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return
	}
	if c := cells[0]; strings.HasSuffix(c, ")") || strings.HasSuffix(c, "）") {
		if open := strings.IndexAny(c, "(（"); open > 0 {
			name := strings.ToLower(strings.TrimSpace(c[:open]))
			if ix.rowVariants[doc] == nil {
				ix.rowVariants[doc] = map[string]map[string]bool{}
			}
			if ix.rowVariants[doc][name] == nil {
				ix.rowVariants[doc][name] = map[string]bool{}
			}
			ix.rowVariants[doc][name][c[open:]] = true
		}
	}
	key, body, wide := "", "", false
	if len(cells) == 2 && glossTable(b.header) {
		key, body = cells[0], cells[1]
	} else if k, n := descColumn(b.header); k > 0 {
		// "| `byteSize` | str | 文字列のバイトサイズを返す |" under "|
		// Function | Args | Description |": the name and its
		// description, whatever lies between.
		if all := tableCells(b.lines[0]); len(all) == n {
			key, body, wide = all[0], all[k], true
		}
	}
	if key != "" && body != "" {
		if it, ok := parseListItem("- "+key+": "+body, ja); ok {
			it.doc, it.line, it.wide = doc, b.start, wide
			// "| name | %(name)s | Name of the logger ... |" under "|
			// Attribute name | Format | Description |": an identifier,
			// even where the row does not mark it as code.
			it.code = it.code || identHeader(b.header)
			if it.body = itemBody(it.key, it.body, ja); it.body != "" {
				k := normKey(it.key)
				ix.items[k] = append(ix.items[k], it)
			}
		}
	}
	ix.addSentences(doc, block{kind: blockTable, lines: []string{strings.Join(cells, tableCellSep(ja))}, start: b.start}, ja)
}

// joinLines joins the lines of a block as Markdown renders soft line
// breaks: with a space, or with nothing between Japanese characters.
func joinLines(lines []string, ja bool) string {
	var sb strings.Builder
	for i, l := range lines {
		if i > 0 && seeLine(l) && !endsSentence(strings.TrimRight(sb.String(), " ")) && !strings.HasSuffix(sb.String(), ":") {
			// "The Open Source toolkit for SSL/TLS<br>See http://...": a
			// line break, not a space, ended the gloss.
			if ja {
				sb.WriteString("。")
			} else {
				sb.WriteByte('.')
			}
		}
		if i > 0 && needsSpace(sb.String(), l, ja) {
			sb.WriteByte(' ')
		}
		sb.WriteString(l)
	}
	return sb.String()
}

// seeLine reports whether a line opens with a reference ("See ...",
// "See: ...", 「参照 ...」).
func seeLine(l string) bool {
	return strings.HasPrefix(l, "See ") || strings.HasPrefix(l, "See:") || strings.HasPrefix(l, "参照")
}

// needsSpace reports whether a soft line break between prev and next is a
// space: not after a slash inside a word; otherwise always in English; in
// Japanese between Latin characters, and
// between a Latin letter or digit and a Japanese one, as Japanese text
// sets a Latin word apart ("-a, --thorough" over 「完全パッケージスキャン」,
// an option over its description, ran together without it).
func needsSpace(prev, next string, ja bool) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	if a == '/' && b < utf8.RuneSelf && (unicode.IsLetter(b) || unicode.IsDigit(b)) && len(prev) > 1 && prev[len(prev)-2] != ' ' &&
		(ja || pathGoesOn(next)) {
		// A text rendering wraps a line after a slash: "「Debian GNU/"
		// over "Linux」", "https://lists.debian.org/" over "debian-user/"
		// (the Debian FAQ as text), "netcfg/" over "disable_autoconfig=true"
		// are one word; in English only when the next word goes on as a
		// path or a name ("the remote refs/heads/" over "namespace" is two).
		return false
	}
	if !ja {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return true
	}
	alnum := func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	cjk := func(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) }
	return alnum(a) && cjk(b) || cjk(a) && alnum(b)
}

// pathGoesOn reports a line whose first word holds more than letters and
// digits, as a path or a setting does: "debian-user/", "x_y=true".
func pathGoesOn(line string) bool {
	w, _, _ := strings.Cut(line, " ")
	w = strings.TrimRight(w, ".,;:)」")
	return strings.ContainsAny(w, "/_=.-")
}

// addSentences splits a block into sentences and records them.
func (ix *corpusIndex) addSentences(doc string, b block, ja bool) {
	if !ja && b.kind != blockHeading && b.kind != blockTable && language.Foreign(b.lines...) {
		// "Das Debian-Binärpaket ist eine besondere Archivdatei, ...": a
		// passage of a page translated in part, no English sentence.
		return
	}
	if b.kind == blockPara && len(b.lines) == 1 {
		if l := strings.TrimSpace(b.lines[0]); len(l) > 4 && strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**") && sitemarkup.Caption(l[2:len(l)-2]) {
			// "**Figure 2.12. Safety cost levels**" under "#### Safety
			// costs" (DocBook's figures): a caption, neither the
			// section's gloss nor a sentence that uses a term.
			return
		}
	}
	type piece struct {
		text string
		line int
	}
	var pieces []piece
	var faq byte
	for i, l := range b.lines {
		if i == 0 && b.kind == blockList {
			l = l[listMarkerLen(l):]
		}
		if k := faqKind(l); k != 0 {
			if i == 0 {
				faq = k
			}
			l = stripFAQMarker(l)
		}
		pieces = append(pieces, piece{l, b.start + i})
	}
	ix.paras++
	para := ix.paras
	add := func(raw string, start, end int) {
		text := cleanMarkdown(raw)
		if text == "" || !hasLetter(text) {
			return
		}
		idx := len(ix.sentences)
		ix.sentences = append(ix.sentences, sentence{doc: doc, line: start, end: end, text: text, ja: ja, block: b.kind, para: para, faq: faq,
			code: leadingCode(raw), link: b.kind == blockList && linkOnly(raw), emParam: emphasisedParam(strings.TrimLeft(raw, " \t")) != "",
			notice: licenseNotice(text)})
		if refs := linkParens(raw); refs != nil {
			if ix.xrefParens == nil {
				ix.xrefParens = map[int]map[string]bool{}
			}
			ix.xrefParens[idx] = refs
		}
		if in := emphasisedComplement(raw, ja); in != "" {
			if ix.introduced == nil {
				ix.introduced = map[int]string{}
			}
			ix.introduced[idx] = in
		}
		faq = 0 // only the block's first sentence opens the question or answer
		m := ix.byLine[doc]
		if m == nil {
			m = map[int][]int{}
			ix.byLine[doc] = m
		}
		for l := start; l <= end; l++ {
			m[l] = append(m[l], idx)
		}
		ix.findAbbrevs(text, raw, doc, start)
		if !ja {
			ix.findAliases(text, doc, start)
		} else {
			if strings.Contains(text, "以下") {
				ix.findJaHereinafter(text, doc, start)
			}
			if strings.Contains(text, "（") || strings.Contains(text, "(") {
				ix.findJaOtherNames(text)
			}
		}
	}
	// Join the lines as Markdown renders soft line breaks, remembering where
	// each line starts; Japanese lines join without a space.
	var sb strings.Builder
	starts := make([]int, 0, len(pieces))
	for i, p := range pieces {
		if i > 0 && needsSpace(sb.String(), p.text, ja) {
			sb.WriteByte(' ')
		}
		starts = append(starts, sb.Len())
		sb.WriteString(p.text)
	}
	text := sb.String()
	lineAt := func(off int) int {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
		return pieces[max(i, 0)].line
	}
	// A paragraph left in English in a Japanese page (a manual page's
	// untranslated section) is split as English.
	if ja && glossary.HasCJK(text) {
		for _, span := range splitJapaneseSpans(text) {
			add(text[span[0]:span[1]], lineAt(span[0]), lineAt(max(span[1]-1, span[0])))
		}
		return
	}
	from := 0
	if b.kind == blockList && len(pieces) > 1 && itemTitleLine(pieces[0].text, pieces[1].text) {
		// "8. The Chair can stand in for the Leader, together with the
		// Secretary" over "As detailed in §7.1(2), ...": a title line
		// without a stop, then the body.
		from = starts[1]
		add(strings.TrimSpace(text[:from]), pieces[0].line, pieces[0].line)
	}
	for _, span := range splitEnglish(text[from:]) {
		add(text[from+span[0]:from+span[1]], lineAt(from+span[0]), lineAt(max(from+span[1]-1, from+span[0])))
	}
}

// itemTitleLine reports an English item's first line that is a title over
// its body: it ends without a stop and the next line opens a sentence with
// a capitalised function word ("We provide ...", "As detailed in ...").
// A line broken inside a sentence goes on in lower case or with a name.
func itemTitleLine(first, next string) bool {
	first, next = strings.TrimSpace(first), strings.TrimSpace(next)
	if first == "" || next == "" || len(strings.Fields(first)) > 14 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(first); strings.ContainsRune(".!?:;,-–—(/\\", r) {
		return false
	}
	w, _, _ := strings.Cut(next, " ")
	if len(w) < 2 || !isUpperASCII(w[0]) || strings.ToUpper(w) == w {
		return false
	}
	return enSentenceOpeners[strings.ToLower(w)]
}

// enSentenceOpeners are function words that open sentences: written
// capitalised at a line's start, they start one.
var enSentenceOpeners = toSet(`we when as the this these those if in it its our you your a an each every all any there
	they he she his her however although while since because after before once unless where for with by on at from
	no not some many most such other only also then thus hence therefore`)

// leadingCode returns the text of the code span that raw, a sentence's
// Markdown, opens with, "" when it opens otherwise.
func leadingCode(raw string) string {
	// "*`field`* is an identifier ...": a placeholder in code under
	// emphasis (DocBook's replaceable) is still code.
	r := strings.TrimLeft(raw, " \t*_")
	if !strings.HasPrefix(r, "`") {
		return ""
	}
	end := strings.IndexByte(r[1:], '`')
	if end <= 0 {
		return ""
	}
	return r[1 : 1+end]
}

// licenseNoticePhrases mark a sentence of a license or copyright notice,
// lower case.
var licenseNoticePhrases = []string{"permission is hereby granted", "licensed under the", "license, version", "copyright (c)",
	"copyright ©", "in compliance with the license", "the software is provided", "without warranties or conditions",
	"without warranty of any kind", `(the "software")`, `(the "license")`, "copies of the software", "above copyright notice",
	"spdx-license-identifier", "redistribution and use in source and binary forms", "general public license",
	"terms of this license", "this license applies"}

// licenseNotice reports a sentence of a license or copyright notice.
func licenseNotice(text string) bool {
	if !mayBeNotice(text) {
		return false // cheap test first: this runs for every sentence
	}
	l := strings.ToLower(text)
	for _, p := range licenseNoticePhrases {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// mayBeNotice reports text with one of the words every notice sentence
// has ("license", "copyright", "hereby", "warranty", in any case), in
// one pass over its bytes.
func mayBeNotice(text string) bool {
	for i := 0; i+6 <= len(text); i++ {
		var w string
		switch text[i] | 0x20 {
		case 'l':
			w = "license"
		case 'c':
			w = "copyright"
		case 'h':
			w = "hereby"
		case 'w':
			w = "warrant"
		default:
			continue
		}
		if len(text)-i >= len(w) && strings.EqualFold(text[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// linkParen is a parenthesis that holds one Markdown link alone, inline
// or by reference.
var linkParen = regexp.MustCompile(`[(（]\s*\[([^\]]+)\](?:\([^()\s]+\)|\[[^\]]*\])\s*[)）]`)

// linkParens returns the texts of the links that a parenthesis of raw
// holds alone, by parenKey; nil when there are none.
func linkParens(raw string) map[string]bool {
	if !strings.Contains(raw, "([") && !strings.Contains(raw, "（[") && !strings.Contains(raw, "( [") {
		return nil // cheap test first: this runs for every sentence
	}
	var out map[string]bool
	for _, m := range linkParen.FindAllStringSubmatch(raw, -1) {
		if out == nil {
			out = map[string]bool{}
		}
		out[parenKey(cleanMarkdown(m[1]))] = true
	}
	return out
}

// emphasisedParam returns the word a sentence opens with in emphasis, in
// lower case, before its verb: Python's reference writes its parameters
// so ("*access* is an integer that specifies ...", "*mode* is an optional
// string"); a sentence opens in lower case for nothing else. "" when raw
// opens otherwise.
func emphasisedParam(raw string) string {
	if !strings.HasPrefix(raw, "*") || strings.HasPrefix(raw, "**") {
		return ""
	}
	end := strings.IndexByte(raw[1:], '*')
	if end <= 0 {
		return ""
	}
	w := raw[1 : 1+end]
	rest := raw[2+end:]
	if w[0] < 'a' || w[0] > 'z' || !isLatinWord(w) {
		return ""
	}
	for _, v := range []string{" is ", " are ", " must ", " should ", " can ", " may "} {
		if strings.HasPrefix(rest, v) {
			return w
		}
	}
	return ""
}

// Emphasised complements: the sentence ends with its copula and a phrase in
// emphasis, which the sentence introduces.
var (
	enEmphasisedComplement = regexp.MustCompile(`\s(?:is|are)\s+(?:(?:a|an|the)\s+)?(?:\*\*([^*]{1,80})\*\*|__([^_]{1,80})__|\*([^*]{1,80})\*|_([^_]{1,80})_)\s*\.?$`)
	jaEmphasisedComplement = regexp.MustCompile(`は(?:\*\*([^*]{1,80})\*\*|__([^_]{1,80})__|\*([^*]{1,80})\*|_([^_]{1,80})_)(?:です|である|だ)。?$`)
)

// emphasisedComplement returns the phrase in emphasis that raw, one
// sentence's Markdown, ends with as its copula's complement: "The low level
// unit of transmission in MQTT is a **Packet**." introduces Packet the way
// "... is called a packet." would. "" when there is none.
func emphasisedComplement(raw string, ja bool) string {
	raw = strings.TrimSpace(raw)
	if !strings.HasSuffix(raw, "*.") && !strings.HasSuffix(raw, "_.") && !strings.HasSuffix(raw, "*") && !strings.HasSuffix(raw, "_") &&
		!strings.HasSuffix(raw, "です。") && !strings.HasSuffix(raw, "である。") && !strings.HasSuffix(raw, "だ。") {
		return "" // cheap test first
	}
	re := enEmphasisedComplement
	if ja {
		re = jaEmphasisedComplement
	}
	m := re.FindStringSubmatch(raw)
	for _, g := range m[min(len(m), 1):] {
		if strings.HasPrefix(g, "`") {
			return "" // "... whose version number is *`version`*.": a placeholder
		}
		if g != "" && strings.TrimSpace(g) == g {
			return cleanMarkdown(g)
		}
	}
	return ""
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// nonTerminalAbbrevs are words whose period does not end a sentence.
var nonTerminalAbbrevs = []string{"e.g", "i.e", "eg", "ie", "a.k.a", "viz", "esp", "incl", "resp", "vs", "cf", "mr", "mrs", "ms", "dr", "prof", "fig", "approx"}

// splitEnglish returns the byte spans of the sentences of text. A sentence
// ends at . ! or ? followed by a space (or the end) unless the period closes
// a known abbreviation such as "e.g.", is inside backticks or is a quoted
// character ('?').
func splitEnglish(text string) [][2]int {
	var out [][2]int
	start := 0
	inCode := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '`' {
			inCode = !inCode
			continue
		}
		if c == '[' && !inCode {
			// A link's text is one piece: "[Next4.17. File system
			// limits](ch04s17.html)", a book's link to its next page,
			// was cut after "4.17.", leaving "limits](ch04s17.html)".
			i += linkTextLen(text, i)
			continue
		}
		if inCode || (c != '.' && c != '!' && c != '?') {
			continue
		}
		if i > 0 && i+1 < len(text) && (text[i-1] == '\'' || text[i-1] == '"') && text[i+1] == text[i-1] {
			continue // a quoted character: "'?' matches one character"
		}
		if c != '.' && i > 0 && text[i-1] == ' ' {
			// "(magic signature: ! or its synonym ^)", its code marks
			// cleaned away: a sign on its own, not a sentence's end.
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == '*' || text[j] == '_') {
			j++
		}
		if j+1 < len(text) && text[j] == '[' && text[j+1] == '^' {
			if end := footnoteLabelEnd(text, j); end > 0 {
				j = end // "not classes.[^history] Since ...": the note's mark, then the next sentence
			}
		}
		if j < len(text) && text[j] != ' ' {
			continue
		}
		if c == '.' && i >= 2 && text[i-1] == '.' && text[i-2] == '.' && i+1 < len(text) && text[i+1] == ')' {
			// "The format(FORMAT,...) SQL function works like ...":
			// elided arguments, not the end of a sentence.
			continue
		}
		if c == '.' && i >= 2 && text[i-1] == '.' && text[i-2] == '.' {
			// "An `if` ... `elif` ... sequence is ...": an ellipsis before
			// a word in lower case or code goes on with the sentence.
			k := j
			for k < len(text) && text[k] == ' ' {
				k++
			}
			if k < len(text) && (text[k] == '`' || 'a' <= text[k] && text[k] <= 'z') {
				continue
			}
		}
		if c == '.' {
			w := i
			for w > start && text[w-1] != ' ' && text[w-1] != '(' {
				w--
			}
			word := strings.ToLower(text[w:i])
			skip := false
			for _, a := range nonTerminalAbbrevs {
				if word == a {
					skip = true
					break
				}
			}
			if (word == "etc" || word == "al") && j+1 < len(text) && text[j+1] >= 'a' && text[j+1] <= 'z' {
				skip = true // "students, teachers, etc. only need ...": the sentence goes on
			}
			if skip {
				continue
			}
		}
		if s := strings.TrimSpace(text[start:j]); s != "" {
			out = append(out, trimSpan(text, start, j))
		}
		start = j
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, trimSpan(text, start, len(text)))
	}
	return out
}

func trimSpan(text string, a, b int) [2]int {
	for a < b && text[a] == ' ' {
		a++
	}
	for b > a && text[b-1] == ' ' {
		b--
	}
	return [2]int{a, b}
}

// splitJapanese splits text on 。！？ (and ASCII ! ?), keeping the
// terminator with its sentence.
func splitJapanese(line string) []string {
	var out []string
	for _, sp := range splitJapaneseSpans(line) {
		out = append(out, line[sp[0]:sp[1]])
	}
	return out
}

// zenStyle says which full-width marks a line of Japanese text writes
// in place of 「、」 and 「。」.
type zenStyle struct{ commas, stops bool }

// jaMarks returns the lines of b, a block of Japanese text in doc, with
// 「，」 read as 「、」 and 「．」 as 「。」 (not in a number, 「1．5」), the
// marks the reading rules know, and records the block's lines when it
// writes them more often than 「、」 and 「。」 (see restyle). Each pair is
// the same number of bytes, so offsets stay; b.lines is not changed.
func (ix *corpusIndex) jaMarks(doc string, b block) []string {
	var out []string
	commas, stops := 0, 0 // 「，」 less 「、」, 「．」 less 「。」, counted once one is found
	for i, l := range b.lines {
		if !strings.Contains(l, "，") && !strings.Contains(l, "．") {
			continue
		}
		var sb strings.Builder
		rest := strings.ReplaceAll(l, "，", "、")
		for {
			j := strings.Index(rest, "．")
			if j < 0 {
				sb.WriteString(rest)
				break
			}
			sb.WriteString(rest[:j])
			if rest = rest[j+len("．"):]; digitAfter(rest, 0) {
				sb.WriteString("．")
			} else {
				sb.WriteString("。")
				stops++
			}
		}
		m := sb.String()
		commas += strings.Count(l, "，")
		if m == l {
			continue
		}
		if out == nil {
			out = slices.Clone(b.lines)
		}
		out[i] = m
	}
	if out == nil {
		return b.lines
	}
	for _, l := range b.lines {
		commas -= strings.Count(l, "、")
		stops -= strings.Count(l, "。")
	}
	if st := (zenStyle{commas: commas > 0, stops: stops > 0}); st != (zenStyle{}) {
		if ix.zenLines[doc] == nil {
			ix.zenLines[doc] = map[int]zenStyle{}
		}
		for i := range b.lines {
			ix.zenLines[doc][b.start+i] = st
		}
	}
	return out
}

// restyle gives text, evidence read from a line of style st, back in
// that line's marks.
func restyle(text string, st zenStyle) string {
	if st.commas {
		text = strings.ReplaceAll(text, "、", "，")
	}
	if st.stops {
		text = strings.ReplaceAll(text, "。", "．")
	}
	return text
}

// digitAfter reports an ASCII digit at line[i]: 「1．5」 is a number.
func digitAfter(line string, i int) bool { return i < len(line) && '0' <= line[i] && line[i] <= '9' }

// splitJapaneseSpans returns the byte spans of the sentences of text, each
// trimmed of spaces.
func splitJapaneseSpans(line string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(a, b int) {
		for a < b && (line[a] == ' ' || line[a] == '\t') {
			a++
		}
		for b > a && (line[b-1] == ' ' || line[b-1] == '\t') {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	// A terminator inside parentheses ends a sentence of the remark, not
	// the sentence around it: 「…場合（…場合。デフォルトは50）、退役は停止し…」.
	// An unclosed parenthesis stops counting after maxParenBytes.
	const maxParenBytes = 240
	depth, opened := 0, 0
	skipTo := 0
	for i, r := range line {
		if i < skipTo {
			continue
		}
		if r == '[' {
			// A link's text is one piece, as in splitEnglish: a table of
			// contents' 「[メンテナへの I18N & L10N FAQ](l10n.html#...)」.
			skipTo = i + linkTextLen(line, i)
			continue
		}
		switch r {
		case '（', '(':
			if depth == 0 {
				opened = i
			}
			depth++
		case '）', ')':
			depth = max(depth-1, 0)
		}
		if depth > 0 && i-opened > maxParenBytes {
			depth = 0
		}
		if r == '.' && depth == 0 && i > start && (asciiSentenceEnd(line, i) || latinSentenceEnd(line, start, i) || jaFullStop(line, i)) {
			// 「… SVr4, 4.3BSD. 関数 _Exit() は …」: an English sentence
			// (a manual page's list of standards) before a Japanese one.
			emit(start, i+1)
			start = i + 1
			continue
		}
		if (r == '。' || r == '！' || r == '？') && depth == 0 {
			end := i + utf8.RuneLen(r)
			// Keep a closing bracket that follows the terminator.
			for end < len(line) {
				nr, size := utf8.DecodeRuneInString(line[end:])
				if nr != '」' && nr != '』' && nr != '）' {
					break
				}
				end += size
			}
			if end <= start {
				continue
			}
			emit(start, end)
			start = end
		}
	}
	if start < len(line) {
		emit(start, len(line))
	}
	return out
}

// asciiSentenceEnd reports a full stop at line[i] that ends a sentence
// before Japanese text: after a letter or digit, then spaces, then a kana
// or kanji that is no particle.
func asciiSentenceEnd(line string, i int) bool {
	if i == 0 {
		return false
	}
	if c := line[i-1]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		return false
	}
	j := i + 1
	if j >= len(line) || line[j] != ' ' {
		return false
	}
	for j < len(line) && line[j] == ' ' {
		j++
	}
	// A particle after the stop goes on with the sentence (「値は 1.5. と書く」).
	r, _ := utf8.DecodeRuneInString(line[j:])
	return glossary.IsCJK(r) && !strings.ContainsRune("とをにはがのでもやへかまよ", r)
}

// jaFullStop reports an ASCII full stop at line[i] written as 「。」
// (「表示できます. この画面で」, older manuals typed on ASCII keyboards):
// after kana, kanji or a closing bracket, and before a space, the end or
// more Japanese; 「ファイル.txt」 and 「第1.5版」 go on.
func jaFullStop(line string, i int) bool {
	p, _ := utf8.DecodeLastRuneInString(line[:i])
	if !glossary.IsCJK(p) && p != '」' && p != '）' {
		return false
	}
	if i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(line[i+1:])
	return glossary.IsCJK(r)
}

// linkTextLen returns the offset from s[i], a "[", to the "]" that closes
// a Markdown link's text ("[Next4.17. File system limits](ch04s17.html)"),
// 0 when no link opens there: the sentence splitters do not cut inside it.
func linkTextLen(s string, i int) int {
	if mid := strings.Index(s[i:], "]("); mid > 0 && !strings.ContainsAny(s[i+1:i+mid], "[]`") {
		return mid
	}
	return 0
}

// tableCellSep joins the cells of a table row into one sentence
// (addTableRow); cellAt splits a row's usage by it again.
func tableCellSep(ja bool) string {
	if ja {
		return "、"
	}
	return "; "
}

// latinSentenceEnd reports a full stop at line[i] that ends an English
// sentence before another one, in a paragraph left in English in a
// Japanese page that names a translated section ("... and no package in
// testing depends on it. Rather, they will ... (see パッケージを引き取る)."):
// the sentence from start has no Japanese, the stop follows a word that is
// no abbreviation, and a capital letter opens the next.
func latinSentenceEnd(line string, start, i int) bool {
	j := i + 1
	if j >= len(line) || line[j] != ' ' {
		return false
	}
	for j < len(line) && line[j] == ' ' {
		j++
	}
	if j >= len(line) || line[j] < 'A' || line[j] > 'Z' {
		return false
	}
	sent := line[start:i]
	if glossary.HasCJK(sent) || strings.Count(sent, " ") < 3 {
		return false
	}
	w := sent[strings.LastIndexAny(sent, " (")+1:]
	if w == "" || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return false // "J. Smith"
	}
	return !slices.Contains(nonTerminalAbbrevs, strings.ToLower(w)) && !strings.EqualFold(w, "etc") && !strings.EqualFold(w, "al")
}

// firstSentenceOf returns the first sentence of a cleaned text.
func firstSentenceOf(text string, ja bool) string {
	if ja {
		if s := splitJapanese(text); len(s) > 0 {
			return s[0]
		}
		return text
	}
	if spans := splitEnglish(text); len(spans) > 0 {
		return text[spans[0][0]:spans[0][1]]
	}
	return text
}

// labelEnd returns the index of the bracket closing the one at s[i],
// counting nested pairs, or -1 (within 300 bytes).
func labelEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s) && j < i+300; j++ {
		switch s[j] {
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// footnoteLabelEnd returns the index just after a footnote label that
// starts at s[i] ("[^fn1]", "[^1]"), or -1: a label has no spaces and
// no brackets.
func footnoteLabelEnd(s string, i int) int {
	for j := i + 2; j < len(s) && j < i+40; j++ {
		switch s[j] {
		case ']':
			if j == i+2 {
				return -1
			}
			return j + 1
		case ' ', '\t', '[', '(', ')':
			return -1
		}
	}
	return -1
}

// imageEnd returns the index just after the Markdown image that starts at
// s[i] ("![alt](url)", "![alt][ref]", "![][ref]"), or -1.
func imageEnd(s string, i int) int {
	if mid := strings.Index(s[i:], "]("); mid > 0 && !strings.Contains(s[i+2:i+mid], "]") {
		if end := closingParen(s, i+mid+1); end > 0 {
			return end + 1
		}
	}
	j := strings.IndexByte(s[i+2:], ']')
	if j < 0 {
		return -1
	}
	k := i + 2 + j + 1
	if k < len(s) && s[k] == '[' {
		if e := strings.IndexByte(s[k:], ']'); e > 0 {
			return k + e + 1
		}
	}
	return -1
}

// cleanMarkdown removes inline Markdown: emphasis markers, backticks, link
// targets, images, HTML tags and a leading quote marker. It collapses runs of
// spaces.
func cleanMarkdown(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "> ")
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			// image: drop alt text and target
			if end := imageEnd(s, i); end > 0 {
				i = end
				continue
			}
		case c == '[' && i+2 < len(s) && s[i+1] == '!' && s[i+2] == '[':
			// A linked image, "[![][gts]][g10]" (got's comparison table
			// of badges): nothing to read.
			if end := imageEnd(s, i+1); end > 0 && end < len(s) && s[end] == ']' {
				end++
				switch {
				case end < len(s) && s[end] == '(':
					if e := closingParen(s, end); e > 0 {
						i = e + 1
						continue
					}
				case end < len(s) && s[end] == '[':
					if e := strings.IndexByte(s[end:], ']'); e > 0 {
						i = end + e + 1
						continue
					}
				default:
					i = end
					continue
				}
			}
		case c == '[' && i+1 < len(s) && s[i+1] == '^':
			// A footnote reference ("for you [^fn1], however", GitHub's
			// and MyST's Markdown), or the label opening a footnote's
			// text ("[^fn1]: The hash is ..."): no words of the sentence.
			if end := footnoteLabelEnd(s, i); end > 0 {
				if i == 0 && end < len(s) && s[end] == ':' {
					end++
				}
				if end < len(s) && strings.IndexByte(",.;:)", s[end]) >= 0 {
					// "for you [^fn1], however": no space before the comma.
					t := strings.TrimRight(sb.String(), " ")
					sb.Reset()
					sb.WriteString(t)
				}
				i = end
				continue
			}
		case c == '[':
			if mid := labelEnd(s, i); mid > 0 && mid+1 < len(s) && s[mid+1] == '(' {
				// A label may hold code or emphasis, and brackets of its
				// own ("[Dispatcher.request(options [, callback])](...)",
				// undici's).
				if end := closingParen(s, mid+1); end > 0 {
					sb.WriteString(cleanMarkdown(s[i+1 : mid]))
					i = end + 1
					continue
				}
			}
			// A reference link "[text][ref]" or "[text]".
			if end := strings.IndexByte(s[i+1:], ']'); end > 0 && !strings.ContainsAny(s[i+1:i+1+end], "[(") &&
				s[i+1] != ' ' && s[i+1] != '^' && s[i+1] != ',' && !(end == 1 && (s[i+1] == 'x' || s[i+1] == 'X')) {
				sb.WriteString(cleanMarkdown(s[i+1 : i+1+end]))
				i += end + 2
				if i < len(s) && s[i] == '[' {
					if close := strings.IndexByte(s[i:], ']'); close > 0 {
						i += close + 1
					}
				}
				continue
			}
		case c == '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 && isTag(s[i+1:i+end]) {
				if t := strings.ToLower(s[i+1 : i+end]); (t == "br" || strings.HasPrefix(t, "br ") || strings.HasPrefix(t, "br/")) &&
					sb.Len() > 0 && sb.String()[sb.Len()-1] != ' ' &&
					(sb.String()[sb.Len()-1] < 0x80 || i+end+1 < len(s) && s[i+end+1] < 0x80 && s[i+end+1] != ' ') {
					// "The base URL for your Kintone environment.<br />It
					// must start with https." (a README's table cell), 「ロ
					// ーマ字<br />`nippon` (日本式)」: a line break between
					// words (between Japanese characters, nothing).
					sb.WriteByte(' ')
				}
				i += end + 1
				continue
			}
		case c == '`':
			// A code span is its text as written: "underscores (`_`)"
			// keeps its underscore, `**/*.md` its stars.
			n := i
			for n < len(s) && s[n] == '`' {
				n++
			}
			if end := closingTicks(s[n:], n-i); end >= 0 {
				sb.WriteString(s[n : n+end])
				i = n + end + (n - i)
				continue
			}
			i = n
			continue
		case c == '\\' && i > 0 && s[i-1] != ' ' && (i+1 == len(s) || s[i+1] == ' '):
			// A hard line break written with a backslash at the end of a
			// line ("... reuse HTTP/2 sessions.\" over the next line,
			// got's README), joined with a space: a break, no mark.
			i++
			continue
		case c == '\\' && i+1 < len(s) && strings.IndexByte(markdownEscapable, s[i+1]) >= 0:
			// A Markdown escape: "ClientIPFrom\*", "Array\<number\>".
			sb.WriteByte(s[i+1])
			i += 2
			continue
		case c == '&':
			// An HTML entity, as READMEs write "Docs &nbsp;•&nbsp; Chat"
			// and "Q&amp;A": the character it stands for.
			if end := strings.IndexByte(s[i:min(len(s), i+12)], ';'); end > 1 {
				if e := s[i : i+end+1]; html.UnescapeString(e) != e {
					sb.WriteString(html.UnescapeString(e))
					i += end + 1
					continue
				}
			}
		case c == ':':
			if n := emojiCode(s, i); n > 0 {
				i += n
				continue
			}
		case c == '*' || c == '_':
			// Drop emphasis markers: runs of * or _ that touch a word on one
			// side only (snake_case identifiers keep their underscores).
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			inWord := i > 0 && j < len(s) && isWordChar(prev) && isWordChar(next) &&
				// Japanese has no spaces around emphasis: 「関数**は**タグ」.
				!(c == '*' && (glossary.IsCJK(prev) || glossary.IsCJK(next)))
			// A lone star between quotes or spaces is the character itself:
			// "where '*' matches any number of characters".
			literal := j == i+1 && i > 0 && j < len(s) && strings.ContainsRune("'\" ", prev) && prev == next
			if !inWord && !literal {
				i = j
				continue
			}
		}
		sb.WriteByte(c)
		i++
	}
	return joinFields(strings.Fields(sb.String()))
}

// joinFields joins words with single spaces, but none between a Japanese
// word and the kana after it: "_ポッド_ は、" reads 「ポッドは、」 once the
// emphasis is gone (Japanese needs the space only for the markup), and the
// definition patterns expect the particle against its noun.
func joinFields(fields []string) string {
	var sb strings.Builder
	for i, f := range fields {
		if i > 0 {
			a, _ := utf8.DecodeLastRuneInString(fields[i-1])
			b, _ := utf8.DecodeRuneInString(f)
			if !(glossary.IsCJK(a) && unicode.Is(unicode.Hiragana, b)) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(f)
	}
	return sb.String()
}

func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 && !unicode.IsLetter(r) {
			return false
		}
		if r == ' ' {
			break
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' {
			return false
		}
	}
	return true
}

// normKey normalises a heading or list key for lookup by term: lower case,
// Markdown removed, a leading article and a trailing colon dropped.
func normKey(s string) string {
	s = strings.TrimRight(cleanMarkdown(s), ":： ")
	// An acronym ending in S is not a plural: HTTPS is not HTTP. A word
	// in capitals is ("### NODES").
	acronym := strings.HasSuffix(s, "S") &&
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsUpper(r) && !unicode.IsDigit(r) }) < 0 &&
		strings.Count(s, "A")+strings.Count(s, "E")+strings.Count(s, "I")+strings.Count(s, "O")+strings.Count(s, "U") < 2
	s = strings.ToLower(s)
	for _, art := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, art)
	}
	s = strings.TrimSpace(s)
	if !glossary.HasCJK(s) && !acronym {
		// "### Ordered consumers" is about "ordered consumer".
		i := strings.LastIndexByte(s, ' ')
		s = s[:i+1] + keySingular(s[i+1:])
	}
	return s
}

// keySingular returns the singular of the last word of a heading or key,
// leaving words such as "status", "analysis" or "class" as they are.
// unquoteWhole returns s without the quotes around it, when one pair
// encloses all of it.
func unquoteWhole(s string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"「", "」"}, {"『", "』"}} {
		if inner, ok := strings.CutPrefix(s, q[0]); ok {
			if inner, ok := strings.CutSuffix(inner, q[1]); ok && inner != "" && !strings.Contains(inner, q[0]) && !strings.Contains(inner, q[1]) {
				return inner
			}
		}
	}
	return s
}

func keySingular(w string) string {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return w
	}
	for _, suf := range []string{"ss", "us", "is", "ics", "'s"} {
		if strings.HasSuffix(w, suf) {
			return w
		}
	}
	if strings.HasSuffix(w, "os") {
		// "### Macros", "## Repos" are plurals; chaos, kudos and macOS
		// are not.
		return extract.Singular(w)
	}
	return singular(w)
}

// itemBody returns the definition a list item gives its key: the first
// sentence of its body (the whole body when that sentence would end on a
// dangling word such as "as well as"). An English body that starts with a
// participle or a verb gets the key as its subject: "- `Stream` - used to
// manage ..." defines "Stream is used to manage ...".
func itemBody(key, body string, ja bool) string {
	if typeAnnotation.MatchString(body) || parenType(body) {
		// "`length`: <number> The bit length of the key.", "`cipher`:
		// {string} If specified, ...": one parameter of an API, typed.
		return ""
	}
	if documentPart.MatchString(body) {
		// "Name: This section is generated automatically.": a section of
		// a page, described.
		return ""
	}
	if !glossary.HasCJK(body) && !hasLetterRun(body, 3) {
		// 「計算: A1*C1 + B1*D1 + A2*C2」: a formula, no words.
		return ""
	}
	if lowerFieldKey(body) && otherKeyItem(body, []string{strings.Trim(key, "`*_ ")}) {
		// "System" over "in: 一秒あたりの割り込み回数。" (vmstat's fields):
		// the first field of a group, not what the group is.
		return ""
	}
	if k := strings.Trim(key, "`*_ "); !ja && (strings.HasPrefix(k, "a ") || strings.HasPrefix(k, "an ")) {
		switch strings.ToLower(firstWord(body)) {
		case "it", "whose", "which", "that", "they", "where", "in":
			// "`fjac` ... should be: - a character string: it refers to
			// a C routine ...", "- a string: in this case the object
			// with that name will be imported" (Flask's from_object):
			// one of the forms another thing takes, the sentence going
			// on ("a committer: The name of the person who ..." still
			// says what a committer is).
			return ""
		}
	}
	if w := strings.Fields(body); !ja && len(w) >= 2 && w[0] == "this" && strings.HasSuffix(w[1], "s") && pluralWord(key) &&
		!slices.Contains([]string{"is", "was", "means", "refers", "denotes", "indicates", "represents"}, w[1]) {
		// "Fields: this evaluates the subexpression in a mutable place
		// expression context.": a kind in a list of cases, and what
		// happens in that case, not what fields are ("amd64: this covers
		// systems based on ..." says what the port is).
		return ""
	}
	if symbolic(body) {
		// "FIRST: { $d:ident, ε } { h, ε, ; } { f } { g }": notation.
		return ""
	}
	if strings.HasPrefix(body, "- ") {
		// "**regular inputs:** **- port 1 : size [1,1] / type 1**"
		// (Scilab's blocks): the first of the items it lists.
		return ""
	}
	if strings.Contains(body, " | ") {
		// "**Model instances:** Instance methods | Accessing related
		// objects": the pages of a section, a row of links.
		return ""
	}
	first := firstSentenceOf(body, ja)
	if parenthesized(strings.TrimRight(first, ".。 ")) {
		// "VMS: (Encase BOTH strings in double-quotes ...)": a remark in
		// parentheses, not what the key is.
		return ""
	}
	if ja && !glossary.HasCJK(first) {
		// English before the Japanese (「search: Searches for packages
		// .... 注記 ...」, a page partly translated): read as English.
		ja, first = false, firstSentenceOf(first, false)
	}
	if !ja && danglingEnd(first) {
		first = body
	}
	if pointsElsewhere(first, ja) {
		// "latex_elements: Its documentation has moved to LaTeX
		// customization.": where to read, not a gloss.
		return ""
	}
	if !ja && (strings.HasPrefix(first, "Based on ") || strings.HasPrefix(first, "Forked from ")) {
		// "RnnoiseWorkletNode: Based on xiph/rnnoise.": where it comes
		// from, not what it is.
		return ""
	}
	if !ja && changeNote.MatchString(first) {
		// "Motif: The autoconf check for the Xp library didn't work.",
		// "VMS: Adjusted os_vms.mms a bit ...": a change or a fixed
		// problem, in the past, not what the key is.
		return ""
	}
	if !ja && listsPeople(body) {
		// "RODBC: Michael Lapsley and Brian Ripley." (R's list of
		// database packages): who wrote it, not what it is.
		return ""
	}
	if !ja && sharedBody.MatchString(first) {
		// Five keys over one body, "These five are performed in
		// left-to-right fashion.", and "This is performed only in
		// interactive shells.": said of several, or when, not what.
		return ""
	}
	if ja {
		if jaParticleStart(first) {
			// "process" / 「には実行されるプロセスを指定する。」: the key
			// is the start of the sentence, not a word glossed.
			return ""
		}
		if jaRule(first) {
			// 「バージョン宣言: すべてのファイルにはバージョン宣言を持たせる
			// べきです。バージョン宣言は、…を説明します。」: a rule about
			// it first; the sentence that has it as its topic says what it
			// is.
			second := firstSentenceOf(strings.TrimSpace(strings.TrimPrefix(body, first)), ja)
			if !strings.HasPrefix(second, strings.Trim(key, "`*_ ")+"は") {
				return ""
			}
			first = second
		}
		if jaOpensWithCase(first) {
			// 「保存先: 何も指定しなければ 港湾フォルダ。」: what it is in
			// one case, not what the key is.
			return ""
		}
		if jaPredicateVerb(first) && !(latinKey(key) && jaSaysWhatItDoes(first)) {
			// An instruction (「当番表を参照する。」), not a description;
			// 「`--force`: 確認せずに上書きします。」 says what an option
			// or a command does, as "--force: Overwrites ..." does.
			return ""
		}
		if strings.HasPrefix(first, "参照:") || strings.HasPrefix(first, "参照：") || strings.HasPrefix(first, "→") {
			return "" // 「設定ディレクティブ: 参照: ディレクティブ。」: a pointer
		}
		if jaIntroducesList(first) || restatesKey(key, first, true) {
			return "" // 「メトリクス: 個々のメトリクスの一覧で、次を含む：」, 「名前: メトリクスの名前。」
		}
		if valueList(first) {
			return "" // 「デスクトップ環境: KDE Plasma 5.20、GNOME 3.38、Xfce 4.16」: values
		}
		if quoted := strings.TrimRight(first, "。."); len(quoted) > 1 && (quoted[0] == '"' && quoted[len(quoted)-1] == '"' ||
			strings.HasPrefix(quoted, "“") && strings.HasSuffix(quoted, "”")) {
			return "" // 「設定ファイル: "/etc/default/プログラム名"」: a value
		}
		if short := strings.TrimRight(first, "。."); utf8.RuneCountInString(short) <= 8 && !hasHiragana(short) &&
			strings.ContainsFunc(short, unicode.IsDigit) {
			return "" // 「エラー: 非0 ("偽")」: a value
		}
		if v, _, _ := strings.Cut(strings.TrimRight(first, "。. "), "("); jaQuantity(strings.TrimSuffix(strings.SplitN(v, "（", 2)[0], " ")) {
			return "" // 「返済期間 - 18カ月間(毎年12回返済)」: how long, not what it is
		}
		if letters(first) < 2 || !glossary.HasCJK(first) && len(strings.Fields(first)) < 3 ||
			first[0] >= '0' && first[0] <= '9' && utf8.RuneCountInString(first) < 10 {
			// A value ("Default: `1`", "Default: `false`", 「3回。」), not a
			// description; 「1台のノードで動かせるポッドの上限。」 is one.
			return ""
		}
		return first
	}
	w, rest, _ := strings.Cut(first, " ")
	lw := strings.ToLower(w)
	if w2, _, _ := strings.Cut(rest, " "); len(w2) > 1 && strings.HasSuffix(w2, ":") && isLowerWord(strings.TrimSuffix(w2, ":")) &&
		strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 && !strings.ContainsAny(w, ".,;") {
		// "- name: HTTP_PROXY" over "value: http://proxy.example.com" (a
		// YAML example written as a list): a value and the next field,
		// not a gloss.
		return ""
	}
	if (strings.HasPrefix(rest, "— ") || strings.HasPrefix(rest, "– ") || strings.HasPrefix(rest, "- ")) &&
		!strings.EqualFold(strings.Trim(w, "`*_"), strings.Trim(key, "`*_ ")) {
		// "Debian wiki: AutomaticPackagingTools — Extensive comparison of
		// packaging helper scripts": a page of the key's, and what that
		// page is, not what the key is.
		return ""
	}
	switch {
	case len(strings.Fields(first)) < 3:
		return "" // "C.", "Rules:": too short to say what the key is
	case first[0] >= '0' && first[0] <= '9':
		return "" // a version or a number ("Chromium: 159.0.8134.1")
	case versionList(first), productVersion.MatchString(first):
		// "Desktops: KDE Plasma 5.20, GNOME 3.38, Xfce 4.16", "OS: Ubuntu
		// 16.04 (will be updated ...)": the values it has
		return ""
	case nameList(first):
		return "" // "LDAP: Authentication [v], Authorization [v], Gateway [v]": settings
	case !ja && topicList(first):
		// "**Security:** authentication, credential precedence, origins,
		// redirects, ...": the topics a heading covers, not what it is.
		return ""
	case constantNames(first):
		return "" // "login: CONSOLE_GROUPS DEFAULT_HOME ERASECHAR ...": the settings it reads
	case introducesList(first):
		return "" // "metric: A list of individual metrics, each containing:": the items below say it
	case restatesKey(key, first, false):
		return "" // "name: The metric name.": a field of a record, named again
	case !ja && isLowerWord(strings.Trim(key, "`*_ ")) && (lw == "when" || lw == "whenever" || lw == "while" || lw == "if" || lw == "unless"):
		// "subscript: When completing inside a parameter subscript."
		// (zsh's completion contexts), "force: If set, ...": when a value
		// holds or what it does then, not what the word means.
		return ""
	case !ja && lw == "this" && settingKinds[firstWord(rest)] && isLowerWord(strings.Trim(key, "`*_ ")):
		// "widget: This style is similar to the command style: ..."
		// (zsh's completion styles): a setting named with the word.
		return ""
	case recordField(first):
		return "" // "type: This field defines the filesystem used ...": a column of a file, not what a type is
	case activity(first) && !activityKey(key) && !gerundOf(key, lw):
		// "3. Network: structuring and managing a multi-node network":
		// what a layer does, not what a network is ("Routing: forwarding
		// the packets ..." says what routing is).
		return ""
	case oneOf(first), lw == "either" && strings.Contains(rest, " or ") && rest != "" && strings.ContainsRune("'\"`‘“0123456789", []rune(rest)[0]):
		// "`encoding`: Currently one of `XOR`, `XOR2`, ...", "type: Either
		// 'added' when ..., or 'removed' when ...": the values it takes
		// ("tree: Either a working tree, or a tree object ..." glosses)
		return ""
	case ordinalParam.MatchString(first):
		return "" // "options : the second parameter. an object.": a slot of a call
	case emailRE.MatchString(first):
		return "" // "`consul`: Mohammad Varmazyar (<name@example.org>)": who to ask
	case valueStatement.MatchString(first) && !strings.Contains(strings.ToLower(key), "value") && !strings.Contains(strings.ToLower(key), "default"):
		return "" // "Algorithm: The only currently defined value is 1 for SHA-1": its value, not what it is
	case enItemStatus[strings.TrimRight(lw, ":,.;")], statusSentence.MatchString(first),
		strings.HasSuffix(lw, ":") && enItemNeed[strings.TrimSuffix(lw, ":")] && rest != "" && unicode.IsUpper([]rune(rest)[0]):
		// "context - Deprecated, use routeOptions.config instead.",
		// "`root`: This command is not implemented.": a status, not what
		// it is.
		return ""
	case enPageSummary[lw], strings.HasPrefix(strings.ToLower(first), "a description of "),
		strings.HasPrefix(strings.ToLower(first), "an overview of "), strings.HasPrefix(strings.ToLower(first), "a guide to "):
		// "[Decorators](./Decorators.md): Explains the server, request,
		// and response decorator APIs.": what a page covers.
		return ""
	case lw == "to" && toThenImperative(rest):
		return "" // "Template tags: To link, use :ttag:`regroup`.": what to do for a purpose
	case lw == "in" && strings.HasPrefix(rest, "order to "), lw == "so" && strings.HasPrefix(rest, "that "):
		return "" // "Execute: in order to cause ...": what a step is for
	case (lw == "true" || lw == "false") && (strings.HasPrefix(rest, "if ") || strings.HasPrefix(rest, "when ") || strings.HasPrefix(rest, "unless ")):
		return "" // "`string`: true if string is not empty": a test, not what a string is
	case lw == "more" && (strings.HasPrefix(rest, "information") || strings.HasPrefix(rest, "info") || strings.HasPrefix(rest, "details")),
		lw == "for" && (strings.HasPrefix(rest, "more ") || strings.HasPrefix(rest, "details")), lw == "refer":
		return "" // "Load balancing: More information in the dedicated section.": a pointer
	case pathLike(w):
		return "" // a place ("Windows: C:\Users\me\templates or ...")
	case keyboardKey(key) && !opensWithIndefinite(first):
		// "Tab - cycle through the buttons", "Ctrl: the final selection
		// is ...": what a key does, not what a tab is ("Tab: A page of the
		// window ..." says that).
		return ""
	case menuPath(first):
		return "" // "Tools - Macros - XML Filter Settings, then click New": where to click
	case strings.HasSuffix(lw, "ly,") && imperativeOpening(rest, false):
		// "Account Name - Usually, use the stock ticker abbreviation":
		// an instruction after an adverb.
		return ""
	case (enImperatives[strings.TrimRight(lw, ",:")] || nounVerbImperative(lw, firstWord(rest)) || first != "" && isUpperASCII(first[0]) && baseVerbImperative(lw, firstWord(rest))) && strings.ToUpper(lw) != strings.Trim(key, "`*_ ") && !commandName(key) &&
		!(strings.HasSuffix(strings.ToLower(firstWord(rest)), "ing") && !gerundVerbs[strings.TrimRight(lw, ",:")]):
		// An instruction ("Count the words ..."), not a description; a
		// command named in capitals for its verb ("LOAD: Load a shared
		// library file") or in capitals and underscores ("NEXT_PAGE:
		// Show the next page", a function table) is summarised ("copy:
		// Copy the notes ..." is still an instruction); "Load balancing
		// across origins" opens with a noun.
		return ""
	case changelogRef.MatchString(body):
		return "" // a change log entry ("API: Add agent scheduling (#1225)")
	case pluralOtherSubject(key, w, rest):
		// "**Logging:** logs are extremely important, but are costly":
		// a feature, and what is said of another thing.
		return ""
	case !enItemVerbs[lw] && !enDescribeVerbs[lw] && !enImperatives[lw] && !enItemParticiples[lw] &&
		otherNameSubject(first, []string{strings.Trim(key, "`*_ ")}) && clauseBody(first):
		// "`protocol`: OpenTelemetry supports multiple protocols.",
		// "Exec: CRI-containerd should use Exec to ...": what another
		// thing does, not what the key is.
		return ""
	case lw == "no" && (strings.HasPrefix(rest, "requirement") || strings.HasPrefix(rest, "effect") ||
		strings.HasPrefix(rest, "support") || strings.HasPrefix(rest, "change") || strings.HasPrefix(rest, "longer ")):
		// "Oracle: no requirements (see Choosing a Time Zone File).",
		// "Tally: No effect.": what a platform or a setting lacks.
		return ""
	case pluralCollection(key, first):
		// "functions: List containing names of “public” functions in the
		// module." (a template's variable): a list of them, not what a
		// function is.
		return ""
	case question(first):
		// "`Substitution`: where should the matching requests be sent;":
		// what the argument answers, asked.
		return ""
	case (lw == "all" || lw == "every" || lw == "each") && (enRule(first) || lw == "all" && strings.Contains(first, " are ")) && keyInSubject(key, first),
		lw == "all" && strings.Contains(first, " are shown ") && !strings.HasPrefix(strings.ToLower(first), "all of "):
		// "Arabic: All numbers are shown using Arabic numerals." (a
		// setting's value) says what choosing it does.
		// "Flags: Every signal flag can be raised twice.", "Arguments:
		// All keyword arguments passed on to methods are lowercased.": a
		// rule for each one, not what one is ("reachable: All of the
		// ancestors of a given commit are said to be "reachable" ..."
		// names it).
		return ""
	case (lw == "all" || lw == "every" || lw == "each") && !strings.HasPrefix(strings.ToLower(first), "all of ") &&
		!keyWordIn(key, first) && clauseBody(first):
		// "Currency: All accounts except Equity, Expense and Income can be
		// child accounts." (which types an account of this type may
		// hold): a rule for other things, the key not named.
		return ""
	case lw == "this" && controlLetsYou(strings.Fields(strings.ToLower(first))):
		// "| Payment | This button allows you to select the interval ...
		// |": what pressing it lets the reader do.
		return ""
	case lw == "this" && hasAnyPrefix(strings.ToLower(first), "this folder ", "this directory "),
		strings.Contains(first, " in this folder") || strings.Contains(first, " in this directory"):
		// "| Gallery | New Gallery themes are stored in this folder. |", "|
		// AutoCorrect | This folder stores ... |" (a program's paths): the
		// folder kept for the thing, not what the thing is.
		return ""
	case defaultChoice.MatchString(first):
		// "Aspect ratio: That's the default possibility.": which choice
		// is made unless another is, not what it is.
		return ""
	case lw == "for" && strings.HasSuffix(strings.TrimRight(first, ". "), " only"):
		// "| Button | Boolean | For toggle buttons only |": the cases it
		// applies to.
		return ""
	case otherModalSubject(key, first):
		// "Source Code: The program must include source code, and must
		// allow distribution ..." (the DFSG): a rule for another thing,
		// not what the key is.
		return ""
	case qualifiedPluralModal(key, first):
		// "Apache modules: Modules within the server that need access to
		// the session can use the mod_session.h API ...": what some of
		// them may do, not what the key is.
		return ""
	case lw == "these" && !keyWordIn(key, firstWord(rest)) && theseNounVerb(rest):
		// "`superuser`: These settings can be set from postgresql.conf
		// ..." (the values of a settings' column): what is said of the
		// things that have the value, not what the key is.
		return ""
	case (lw == "much" || lw == "many" || lw == "most") && strings.ToLower(firstWord(rest)) == "of":
		// "Function calls: Much of the PostgreSQL type system is built
		// around a rich set of functions.": a clause about another
		// thing, the key's part in it.
		return ""
	case enClauseOpeners[strings.TrimRight(lw, ",")] && !(lw == "how" && howMuch[strings.ToLower(firstWord(rest))]):
		// "Caching: How documents are cached can be controlled by HTTP.",
		// "Authentication: Some pages may be protected ...": a sentence
		// about the feature, not what the key is ("LeaseDuration: how
		// long a lease lasts without renewal" is the amount it sets).
		return ""
	}
	if rest == "" || w != lw && w != upperFirst(lw) {
		return first
	}
	switch {
	case enItemParticiples[lw]:
		return key + " is " + lw + " " + rest
	case enItemVerbs[lw]:
		if objectIsKey(key, rest) {
			return "" // "zone: Defines a zone.": the key again, nothing said
		}
		return keyAsWritten(key, rest) + " " + lw + " " + rest
	}
	return first
}

// otherModalSubject reports a sentence whose subject is another thing
// than the key, "the" and a word or two, and whose verb is "must",
// "should", "shall" or "may": a rule for that thing.
func otherModalSubject(key, s string) bool {
	w := strings.Fields(strings.ToLower(s))
	if len(w) < 4 || w[0] != "the" && w[0] != "each" && w[0] != "every" && w[0] != "any" && w[0] != "a" && w[0] != "an" {
		return false
	}
	keyWords := strings.Fields(strings.ToLower(strings.Trim(key, "`*_ ")))
	for i := 1; i < len(w) && i <= 3; i++ {
		switch w[i] {
		case "must", "should", "shall", "may":
			return i > 1
		}
		if strings.ContainsAny(w[i], ".,;:()") {
			return false
		}
		if slices.ContainsFunc(keyWords, func(k string) bool { return singular(k) == singular(w[i]) }) {
			return false // "The build target should ...": the key's own thing
		}
	}
	return false
}

// theseNounVerb reports the words after "These" as a noun and its verb
// ("settings can be set ..."); "These represent ..." has the key as its
// subject.
func theseNounVerb(rest string) bool {
	w := strings.Fields(strings.ToLower(rest))
	if len(w) < 2 {
		return false
	}
	switch w[1] {
	case "are", "were", "can", "cannot", "must", "may", "should", "will", "would", "have", "do", "only", "apply", "affect":
		return true
	}
	return enItemVerbs[w[1]]
}

// keyWordIn reports a word of key, singular or plural, in s.
func keyWordIn(key, s string) bool {
	keyWords := strings.Fields(strings.ToLower(strings.Trim(key, "`*_ ")))
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = singular(strings.Trim(w, ".,;:()\"'“”‘’"))
		if slices.ContainsFunc(keyWords, func(k string) bool { return singular(k) == w }) {
			return true
		}
	}
	return false
}

// keyInSubject reports a sentence whose subject, the words before its
// first verb or modal, holds a word of key: "Every signal flag can ..."
// for "Flags".
func keyInSubject(key, s string) bool {
	keyWords := strings.Fields(strings.ToLower(strings.Trim(key, "`*_ ")))
	words := strings.Fields(strings.ToLower(s))
	if len(words) < 2 {
		return false
	}
	for _, w := range words[1:] {
		w = strings.Trim(w, ".,;:()\"'")
		switch w {
		case "is", "are", "can", "cannot", "could", "must", "should", "may", "might", "shall", "will", "would", "has", "have", "of":
			return false
		}
		if slices.ContainsFunc(keyWords, func(k string) bool { return singular(k) == singular(w) }) {
			return true
		}
	}
	return false
}

// qualifiedPluralModal reports a sentence whose subject is the key's noun
// in the plural, narrowed by a clause or a phrase, and whose verb is a
// modal: "Apache modules: Modules within the server that need access to
// the session can use ...". "Extensions can be loaded at startup." and
// "Indicates to the reader that the comment should not ..." are not one.
func qualifiedPluralModal(key, s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 {
		return false
	}
	head := strings.ToLower(w[0])
	if r, _ := utf8.DecodeRuneInString(w[0]); !unicode.IsUpper(r) || !strings.HasSuffix(head, "s") || strings.HasSuffix(head, "ss") {
		return false
	}
	if !slices.ContainsFunc(strings.Fields(strings.ToLower(key)), func(k string) bool { return strings.TrimSuffix(k, "s") == strings.TrimSuffix(head, "s") }) {
		return false
	}
	qualified := false
	for i := 1; i < len(w) && i <= 14; i++ {
		lw := strings.ToLower(w[i])
		switch {
		case strings.ContainsAny(w[i-1], ".;:,"):
			return false
		case i >= 2 && qualified && (enModals[lw] || lw == "must" || lw == "should"):
			if p := strings.ToLower(w[i-1]); p == "that" || p == "which" || p == "who" {
				return false // "Modules ... that can be loaded on-demand": the clause's verb
			}
			return true
		case lw == "that" || lw == "which" || lw == "who" || enLeadPreps[lw]:
			qualified = true
		}
	}
	return false
}

// lowerFieldKey reports a text that opens with a key in lower-case ASCII
// letters and a colon: "in: ...", "us: ...", a field's name.
func lowerFieldKey(text string) bool {
	key, _, ok := strings.Cut(text, ":")
	if !ok || key == "" || len(key) > 15 {
		return false
	}
	for i := 0; i < len(key); i++ {
		if (key[i] < 'a' || key[i] > 'z') && key[i] != '_' {
			return false
		}
	}
	return true
}

// constantNames reports a text made of three or more names in capitals
// and nothing else: "CONSOLE_GROUPS DEFAULT_HOME ERASECHAR".
func constantNames(s string) bool {
	w := strings.Fields(strings.TrimRight(s, "."))
	if len(w) < 3 {
		return false
	}
	for _, x := range w {
		x = strings.TrimRight(x, ",")
		if len(x) < 2 || strings.IndexFunc(x, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') }) >= 0 {
			return false
		}
	}
	return true
}

// otherCodeSubject reports a body that opens with an identifier in code
// other than the key, followed by its verb: "`Greatest` will return ...".
func otherCodeSubject(key, body string) bool {
	if !strings.HasPrefix(body, "`") {
		return false
	}
	end := strings.IndexByte(body[1:], '`')
	if end <= 0 {
		return false
	}
	code, rest := body[1:end+1], strings.TrimSpace(body[end+2:])
	if strings.EqualFold(code, strings.Trim(key, "`*_ ")) {
		return false
	}
	w := strings.ToLower(firstWord(rest))
	return enModals[w] || enAuxiliaries[w] || enItemVerbs[w] || enDescribeVerbs[w]
}

// pluralCollection reports a key that is a plain word in the plural over a
// body that opens with a list: a field that holds several of them.
func pluralCollection(key, first string) bool {
	k := strings.Trim(key, "`*_ ")
	if len(k) < 4 || !strings.HasSuffix(k, "s") || strings.HasSuffix(k, "ss") || strings.ContainsFunc(k, func(r rune) bool { return !unicode.IsLower(r) }) {
		return false
	}
	w := strings.Fields(strings.ToLower(first))
	if len(w) > 0 && enArticles[w[0]] {
		w = w[1:]
	}
	if len(w) > 3 && (w[0] == "unified" || w[0] == "complete" || w[0] == "full" || w[0] == "whole" || w[0] == "sorted" || w[0] == "current") &&
		w[2] == "of" && strings.Contains(strings.ToLower(first), k) {
		// "maintainers: The unified list of packages' maintainers"
		// (a file the bug mail server offers): a list of them.
		w = w[1:]
	}
	return len(w) > 1 && (w[0] == "list" || w[0] == "array" || w[0] == "set" || w[0] == "sequence" || w[0] == "tuple")
}

// gerundVerbs are imperatives that take a gerund: "Start running
// maintenance ..." is an instruction, where "Load balancing across ..." is
// a noun.
var gerundVerbs = toSet(`start stop keep avoid try begin continue finish`)

// toThenImperative reports the rest of "To link, use ...": a purpose, a
// comma, then an imperative.
func toThenImperative(rest string) bool {
	_, after, ok := strings.Cut(rest, ", ")
	return ok && enImperatives[strings.ToLower(firstWord(after))]
}

// howMuch are the words after "how" that ask for an amount: "how long",
// "how many", "how often".
var howMuch = toSet(`long many much often far big large frequently`)

// question reports a sentence in the order of a question: "where should
// the requests be sent", "which incoming URLs should be affected".
func question(s string) bool {
	w := strings.Fields(strings.ToLower(s))
	if len(w) < 3 {
		return false
	}
	switch w[0] {
	case "where", "what", "how", "when", "why", "who":
		return enAuxiliaries[w[1]]
	case "which":
		for _, x := range w[2:min(len(w), 5)] {
			if enAuxiliaries[x] {
				return true
			}
		}
	}
	return false
}

// enAuxiliaries are the verbs a question opens with after its question
// word.
var enAuxiliaries = toSet(`should shall can could may might must will would do does did is are was were`)

// keyAsWritten is key to open a sentence with: a short key in lower case
// that the body writes in capitals ("tls: Configures a TLS connection.")
// is that acronym, not a word to capitalise ("Tls configures ..."); a word
// ("quote: ... COPY's QUOTE option") stays one.
func keyAsWritten(key, rest string) string {
	if up := strings.ToUpper(key); len(key) <= 4 && up != key && strings.ToLower(key) == key && glossary.Contains(rest, up) {
		return up
	}
	return key
}

// pluralOtherSubject reports an item body whose subject is a plural noun
// in lower case, w, followed by "are", that is none of the words of key,
// a plain name ("Logging" over "logs are ..."); "Shards: shards are ..."
// and "Sealed shard: shards are ..." are the key's own noun.
func pluralOtherSubject(key, w, rest string) bool {
	if !strings.HasPrefix(rest, "are ") || len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") ||
		!unicode.IsLower(rune(w[0])) || strings.ContainsFunc(key, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) {
		return false
	}
	if enArticles[w] || enFunctionWords[w] {
		return false
	}
	stem := strings.TrimSuffix(w, "s")
	for _, kw := range strings.Fields(strings.ToLower(key)) {
		if kw == w || kw == stem || singular(kw) == singular(w) {
			return false
		}
	}
	return true
}

// otherNameSubject reports an English sentence that opens with a name
// (capitals inside it, a hyphen or a digit) that is none of spellings:
// "OpenTelemetry supports ...", "CRI-containerd should use ...".
func otherNameSubject(s string, spellings []string) bool {
	w := strings.Trim(firstWord(s), `"'“”*_,`+"`")
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || enArticles[strings.ToLower(w)] || enFunctionWords[strings.ToLower(w)] {
		return false
	}
	if !strings.ContainsFunc(w[size:], unicode.IsUpper) && !strings.ContainsAny(w, "-0123456789") {
		return false // an English word ("This", "Exchangeable", "Via"), not a name
	}
	lw := strings.TrimSuffix(strings.ToLower(w), "s")
	for _, sp := range spellings {
		if strings.HasPrefix(strings.ToLower(s), strings.ToLower(sp)) {
			return false
		}
		for _, kw := range strings.Fields(strings.ToLower(sp)) {
			if strings.TrimSuffix(kw, "s") == lw {
				return false // "Kubernetes objects: Objects are ...": the key's own noun
			}
		}
	}
	return true
}

// objectIsKey reports a verb's object that is the key itself: "a zone",
// "the zone in a configuration" after "zone: Defines".
func objectIsKey(key, object string) bool {
	k := strings.ToLower(strings.Trim(key, "`*_ "))
	o := strings.ToLower(object)
	for _, art := range []string{"a ", "an ", "the "} {
		if rest, ok := strings.CutPrefix(o, art); ok {
			after, ok := strings.CutPrefix(rest, k)
			if !ok {
				return false
			}
			after = strings.TrimPrefix(after, "s")
			if after == "" || strings.ContainsRune(".,;:", rune(after[0])) {
				return true
			}
			// "the zone in a configuration"; not "a server block", nor
			// "the color theme to use for the plotted output" (what the
			// setting chooses).
			w, _, _ := strings.Cut(strings.TrimPrefix(after, " "), " ")
			return after[0] == ' ' && (enLeadPreps[w] || w == "of") && w != "to"
		}
	}
	return false
}

// jaParticleStart reports a Japanese text that opens with a particle
// (「には…」, 「を…」, 「で…」) before a word that is not kana: it goes on
// from what precedes it.
func jaParticleStart(s string) bool {
	for _, p := range []string{"には", "では", "とは", "は", "が", "を", "に", "で", "の", "も", "へ", "と"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest != "" && !unicode.Is(unicode.Hiragana, r)
		}
	}
	return false
}

// opensWithIndefinite reports a text that opens with "a" or "an".
func opensWithIndefinite(s string) bool {
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), " ")
	return w == "a" || w == "an"
}

// keyboardKey reports a key that names a key of the keyboard or a
// combination ("Tab", "Esc", "Ctrl+S", "Shift-Tab", "F5"): a list of
// shortcuts says what each does.
func keyboardKey(key string) bool {
	// "**Ctrl** **Shift** + C", as DocBook's keycaps render: the marks
	// and the spaces around "+" go.
	k := strings.NewReplacer("`", "", "*", "", " + ", "+", " +", "+", "+ ", "+").Replace(strings.ToLower(strings.Trim(key, "`*_ ")))
	if k == "" {
		return false
	}
	for _, mod := range []string{"ctrl", "control", "alt", "shift", "cmd", "command", "option", "meta", "super", "win"} {
		if strings.HasPrefix(k, mod+" ") && strings.Contains(k, "+") {
			return true // "ctrl shift+c"
		}
		for _, sep := range []string{"+", "-"} {
			if strings.HasPrefix(k, mod+sep) && len(k) > len(mod)+1 {
				return true
			}
		}
	}
	if len(k) >= 2 && len(k) <= 3 && k[0] == 'f' && k[1] >= '1' && k[1] <= '9' && (len(k) == 2 || k[2] >= '0' && k[2] <= '2') {
		return true // F1 to F12
	}
	switch k {
	case "ctrl", "alt", "shift", "cmd", "meta", // a modifier alone: "**Ctrl**: the final selection is ..."
		"tab", "esc", "escape", "enter", "spacebar", "backspace", "pgup", "pgdn", "page up", "page down",
		"up arrow", "down arrow", "left arrow", "right arrow", "↑", "↓", "←", "→":
		return true
	}
	return false
}

// restatesKey reports an item body that only names its key again after a
// modifier: "name: The metric name.", "type: The metric type (`COUNTER`,
// ...)", 「名前: メトリクスの名前。」. Such items describe the fields of a
// record; they say nothing of what the key means.
func restatesKey(key, first string, ja bool) bool {
	key = strings.ToLower(strings.Trim(key, "`*_ "))
	if key == "" {
		return false
	}
	s := strings.TrimRight(strings.TrimSpace(first), "。.")
	if i := strings.IndexAny(s, "(（"); i > 0 {
		s = strings.TrimSpace(s[:i]) // "The metric type (COUNTER, GAUGE, ...)"
	}
	if i := strings.Index(s, ", "); i > 0 && !ja {
		s = s[:i] // "The metric unit, if set"
	}
	s = strings.ToLower(s)
	if ja {
		if after, ok := strings.CutPrefix(s, key); ok {
			// 「ファイル — ファイル メニューでのキー入力便覧」: about the
			// File menu, named after the key.
			after = strings.TrimLeft(after, " 　")
			r, _ := utf8.DecodeRuneInString(after)
			if isJaTermRune(r) && utf8.RuneCountInString(after) <= 16 && !strings.ContainsAny(after, "はがを") {
				return true
			}
		}
		rest, ok := strings.CutSuffix(s, "の"+key)
		return ok && rest != "" && utf8.RuneCountInString(rest) <= 12 && !hasHiragana(rest)
	}
	words := strings.Fields(s)
	if len(words) >= 2 && len(words) <= 3 && (words[0] == key || words[0] == key+"'s") {
		return true // "user: user messages (generic)"
	}
	if n := len(words); n >= 3 && n <= 6 && (words[n-2] == key || words[n-2] == key+"s") {
		switch words[n-3] {
		case "for", "of", "the", "to", "on", "in", "about":
			return true // "Edit: Key reference for Edit menu": about the Edit menu
		}
	}
	if len(words) < 2 || len(words) > 5 || !enArticles[words[0]] {
		return false
	}
	return strings.HasSuffix(s, " "+key) || strings.HasSuffix(s, " "+key+"s")
}

// recordField reports an item body that opens by naming its key as a part
// of a record: "This field defines ...", "This column holds ...".
func recordField(first string) bool {
	w := strings.Fields(strings.ToLower(first))
	if len(w) < 3 {
		return false
	}
	switch {
	case w[0] == "this":
		switch w[1] {
		case "field", "column", "entry", "attribute", "property", "parameter", "argument", "setting", "option", "flag", "key", "value", "element":
			return true
		}
	case w[0] == "the":
		return w[1] == "field" || w[1] == "column" // "The field holds ..."; "The value in seconds ..." may gloss a timeout
	}
	return false
}

// activity reports English text that opens with a gerund that takes an
// object or joins another ("structuring and managing a network",
// "forwarding the packets"): an activity, not a thing.
func activity(text string) bool {
	w := strings.Fields(strings.ToLower(text))
	if len(w) < 2 || !gerund(w[0]) {
		return false
	}
	return enArticles[w[1]] && w[1] != "one" || (w[1] == "and" || w[1] == "or") && len(w) > 2 && gerund(strings.TrimRight(w[2], ",;:"))
}

// gerundOf reports w, a word in lower case, as the gerund of key, a verb:
// "fetching" of fetch, "merging" of merge, "committing" of commit (git's
// glossary: "fetch: Fetching a branch means to get ...").
func gerundOf(key, w string) bool {
	k := strings.ToLower(strings.Trim(key, "`*_ "))
	if k == "" || strings.Contains(k, " ") {
		return false
	}
	stem, ok := strings.CutSuffix(w, "ing")
	return ok && stem != "" && (stem == k || stem == strings.TrimSuffix(k, "e") || stem == k+k[len(k)-1:])
}

// activityKey reports a key that names an activity: its last word is a
// gerund or a noun of action ("Routing", "Packet forwarding",
// "Segmentation").
func activityKey(key string) bool {
	f := strings.Fields(strings.ToLower(key))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	return gerund(last) || strings.HasSuffix(last, "tion") || strings.HasSuffix(last, "ment") || strings.HasSuffix(last, "sion")
}

// gerund reports a word of six letters or more ending in "-ing" that is
// not one of the common nouns that do ("string", "setting", "warning").
func gerund(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return false
	}
	switch w {
	case "string", "setting", "settings", "warning", "building", "heading", "listing", "padding", "spring", "thing",
		"nothing", "something", "anything", "everything", "morning", "evening", "ceiling", "offspring":
		return false
	}
	return true
}

// menuPath reports text that walks a menu: a short segment that opens with
// a capital, " - ", then a capital or "(" ("Macros - XML Filter Settings",
// "Print ranges - Edit", "Page - (Header / Footer)"). "A group of
// containers - Kubernetes' smallest unit" is a sentence.
func menuPath(s string) bool {
	for {
		i := strings.Index(s, " - ")
		if i <= 0 {
			return false
		}
		seg, after := s[:i], s[i+3:]
		first, _, _ := strings.Cut(seg, " ")
		if after != "" && (after[0] >= 'A' && after[0] <= 'Z' || after[0] == '(') && seg[0] >= 'A' && seg[0] <= 'Z' &&
			len(strings.Fields(seg)) <= 4 && !enArticles[strings.ToLower(first)] {
			return true
		}
		s = after
	}
}

// valueList reports a Japanese list item body that lists values, not
// what the key is: three names or more without Japanese grammar, with
// version numbers or in Latin letters only (「KDE Plasma 5.20、GNOME 3.38、
// Xfce 4.16」, "Authentication [v], Authorization [v], Gateway [v]").
// 「機密性、完全性、可用性」 may well say what the key is made of.
func valueList(s string) bool {
	parts := listParts(s)
	if len(parts) < 3 || hasHiragana(s) {
		return false
	}
	return versioned(parts) || !glossary.HasCJK(s)
}

// versionList reports three names or more, two of them or more with a
// version number: "KDE Plasma 5.20, GNOME 3.38, Xfce 4.16".
func versionList(s string) bool {
	parts := listParts(s)
	return len(parts) >= 3 && versioned(parts)
}

// nameList reports three capitalised names or more and nothing else:
// "Authentication [v], Authorization [v], Change Password [_]", "Apache,
// Nginx and Caddy"; or four single words or more in any case, the names of
// programs ("haproxy, stud, stunnel, exaproxy, ELB, squid").
func nameList(s string) bool {
	parts := listParts(s)
	if len(parts) < 3 {
		return false
	}
	last := &parts[len(parts)-1]
	*last = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(*last), "and "), "or ")
	if len(parts) >= 4 && !slices.ContainsFunc(parts, func(p string) bool {
		w := strings.Fields(p)
		return len(w) != 1 || enFunctionWords[strings.ToLower(w[0])]
	}) {
		return true
	}
	for _, p := range parts {
		words := strings.Fields(p)
		if len(words) == 0 || len(words) > 3 {
			return false
		}
		for _, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && len(w) > 1 {
				return false // a one-letter mark ("v", a ticked box) may follow a name
			}
		}
	}
	return true
}

// listParts splits a list of names at its commas ("、" or ", ").
func listParts(s string) []string {
	return strings.Split(strings.ReplaceAll(strings.TrimRight(s, "。. "), ", ", "、"), "、")
}

// versioned reports two parts or more with a number in them.
func versioned(parts []string) bool {
	digits := 0
	for _, p := range parts {
		if strings.IndexFunc(p, unicode.IsDigit) >= 0 {
			digits++
		}
	}
	return digits >= 2
}

// pathLike reports a word that is a file system path: "/etc/harbor",
// "~/berths", "C:\Users".
func pathLike(w string) bool {
	return strings.HasPrefix(w, "/") || strings.HasPrefix(w, "~/") || strings.Contains(w, `\`) ||
		len(w) > 2 && w[1] == ':' && (w[2] == '\\' || w[2] == '/')
}

// letters counts the letters of s, in any script.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// markdownEscapable are the characters a backslash escapes in Markdown.
const markdownEscapable = "\\`*_{}[]()#+-.!<>|~\"'"

// emojiCode returns the length of a GitHub emoji shortcode (":memo:",
// ":white_check_mark:") at s[i], between spaces or the ends of s; 0 when
// there is none.
func emojiCode(s string, i int) int {
	if i > 0 && s[i-1] != ' ' {
		return 0
	}
	j := i + 1
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '+' || s[j] == '-') {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ':' || j+1 < len(s) && s[j+1] != ' ' {
		return 0
	}
	return j + 1 - i
}

// closingParen returns the index of the ")" that closes the "(" at s[open]
// of a link target, counting nested parentheses ("(.../連語(助詞)_1 "title")")
// and skipping a quoted title; -1 when there is none.
func closingParen(s string, open int) int {
	depth := 0
	for j := open; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			if k := strings.IndexByte(s[j+1:], '"'); k >= 0 {
				j += k + 1
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// itemKeys returns the lookup keys of a list item's key: the key, and for
// "SKU（Stock Keeping Unit）" or "WAL (Write-Ahead Log)" each of the two names.
func itemKeys(key string) []string {
	keys := []string{normKey(key)}
	for _, p := range [][2]string{{"（", "）"}, {" (", ")"}} {
		open := strings.Index(key, p[0])
		if open <= 0 || !strings.HasSuffix(key, p[1]) {
			continue
		}
		rawA, rawB := strings.TrimSpace(key[:open]), strings.TrimSpace(key[open+len(p[0]):len(key)-len(p[1])])
		a, b := normKey(rawA), normKey(rawB)
		switch {
		case a == "" || b == "":
		case isAbbrev(rawA) || isAbbrev(rawB) || glossary.HasCJK(rawA) != glossary.HasCJK(rawB):
			// Two names of one thing: "WAL (Write-Ahead Log)", "SKU（Stock
			// Keeping Unit）".
			keys = append(keys, a, b)
		default:
			// "Encoding.convert (data, to)": a name and its arguments.
			keys = append(keys, a)
		}
	}
	return keys
}

// trailingParen returns s without a parenthesis that closes it, after a
// space or a word: 「…を変更します (この例では…です)」.
func trailingParen(s string) (string, bool) {
	var open string
	switch {
	case strings.HasSuffix(s, ")"):
		open = "("
	case strings.HasSuffix(s, "）"):
		open = "（"
	default:
		return s, false
	}
	i := strings.LastIndex(s, open)
	if i <= 0 {
		return s, false
	}
	t := strings.TrimRight(s[:i], " 　")
	return t, t != ""
}

// jaPredicateVerb reports a Japanese sentence that ends in a verb or an
// instruction rather than a noun or a copula (「…ルールです」, 「…である」:
// the す of です is no verb ending).
func jaPredicateVerb(s string) bool {
	s = strings.TrimRight(s, "。．.！!")
	if t, ok := trailingParen(s); ok {
		// 「…を変更します (この例ではNASDAQです)」: a remark after the
		// predicate.
		s = t
	}
	if i := strings.Index(s, "– 例"); i > 0 {
		// 「…をアンダスコアでつなげます – 例: Capitalized_followed_by…」:
		// an example after the predicate.
		s = strings.TrimRight(s[:i], " 　")
	}
	for _, c := range []string{"です", "である", "であります", "でございます"} {
		if strings.HasSuffix(s, c) {
			return false
		}
	}
	// 「クラスタを構成する1台のサーバーを指します。」, 「…ノードのことを言い
	// ます。」: what the key refers to or means, a gloss.
	for _, c := range []string{"を指します", "を指す", "を意味します", "を意味する", "を表します", "を表す",
		"のことを言います", "のことをいいます", "のことを言う", "のことをいう"} {
		if strings.HasSuffix(s, c) {
			return false
		}
	}
	for _, e := range []string{"する", "します", "される", "されます", "しない", "ください", "いる", "います", "ない",
		"ません", "た", "ました", "れる", "せる", "こと。"} {
		if strings.HasSuffix(s, e) {
			return e != "こと。"
		}
	}
	// 「投票やインストールの数が多い」: a property, not what it is.
	for _, e := range []string{"多い", "少ない", "高い", "低い", "大きい", "小さい", "長い", "短い", "早い", "速い", "遅い",
		"新しい", "古い", "強い", "弱い", "良い", "よい", "悪い", "難しい", "易しい", "安い", "重い", "軽い", "広い", "狭い"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(jaURow, r)
}

// latinKey reports a list item's key written in Latin letters, a name of
// code or a product (「`--force`」, 「**apt**」), not a step of a procedure.
func latinKey(key string) bool {
	k := strings.Trim(key, "`*_ ")
	return k != "" && !glossary.HasCJK(k)
}

// jaSaysWhatItDoes reports a Japanese sentence that ends in a verb in the
// present, plain or polite (「上書きする」, 「上書きします」), not in a request
// or an invitation (「…してください」, 「…しましょう」).
func jaSaysWhatItDoes(s string) bool {
	s = strings.TrimRight(s, "。．.！!")
	if strings.HasSuffix(s, "ましょう") || strings.HasSuffix(s, "よう") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.HasSuffix(s, "ます") || strings.ContainsRune(jaURow, r)
}

// jaURow are the u-row kana that end a verb's plain form: 参照する, 置く,
// 選ぶ, 戻す.
const jaURow = "うくぐすずつぬぶむる"

// oneOf reports an English item body that lists the values the key takes:
// "One of ...", "Currently one of ...". ("Either a working tree, or a tree
// object ..." still says what a tree is.)
func oneOf(body string) bool {
	l := strings.TrimPrefix(strings.ToLower(body), "currently ")
	return strings.HasPrefix(l, "one of ")
}

// emailRE matches an e-mail address.
var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// enItemStatus open a list item's body that gives the key's status.
// statusSentence is a sentence that only gives a thing's status: "This
// command is not implemented.", "The flag is reserved for future use."
var statusSentence = regexp.MustCompile(`^(?i)(this|the|that) [\w-]+( [\w-]+)? (is|are) (currently )?(not (yet )?(implemented|supported|available|used)|unimplemented|unsupported|unused|deprecated|obsolete|reserved( for future use)?)\.?$`)

// productVersion opens a text with a product and its version: "Ubuntu
// 16.04", "Go 1.22 or later", "KDE Plasma 5.20".
var productVersion = regexp.MustCompile(`^[A-Z][\w+-]*( [A-Z][\w+-]*){0,2} v?\d+(\.\d+)+\b`)

// ordinalParam opens a text that says which parameter of a call an item
// is: "the second parameter", "The first argument".
var ordinalParam = regexp.MustCompile(`(?i)^(the )?(first|second|third|fourth|fifth|last|next) (parameter|argument|arg|param)\b`)

// valueStatement opens a sentence that gives a field's value: "The only
// currently defined value is 1", "The default is 30 seconds".
var valueStatement = regexp.MustCompile(`^(?i)(the|its)( [\w-]+){0,3} (value|values|default) (is|are)\b`)

// defaultChoice matches a body that says its key is the default:
// "That's the default possibility.", "This is the default."
var defaultChoice = regexp.MustCompile(`^(?i)(that's|that is|this is|it is|it's) the default\b`)

var enItemStatus = toSet(`deprecated obsolete removed unsupported experimental`)

// enItemNeed are labels that open an item body with how much it is needed:
// "suEXEC: Optional: If your module logs an error ...".
var enItemNeed = toSet(`optional required mandatory recommended`)

// enPageSummary open the summary of a page in a list of pages.
var enPageSummary = toSet(`explains details documents covers discusses introduces walks`)

// enItemParticiples and enItemVerbs open list item bodies that describe
// their key as a subject ("used to ...", "returns ...").
var (
	enItemParticiples = toSet(`used designed meant responsible intended called invoked returned sent`)
	// enClauseOpeners start a list item's body that is a clause about the
	// key, not a noun phrase or a predicate that says what it is.
	enClauseOpeners = toSet(`how why whether if while although some you we they there`)
	enItemVerbs     = toSet(`allows returns creates provides sets holds manages defines controls configures
		enables disables specifies represents contains stores sends receives deletes removes updates lists gets
		fetches publishes starts stops adds makes keeps takes describes determines limits marks lets runs
		uses reads writes checks waits builds handles wraps converts parses prints logs tracks records enforces
		ensures injects captures cleans compresses recovers redirects routes strips throttles implements measures
		matches drops decodes encodes joins splits evaluates calculates computes generates validates verifies
		registers resolves schedules signs loads saves opens closes connects listens serves accepts rejects
		applies attaches emits filters forwards hides limits maps merges moves returns selects sorts stores performs`)
	// enSummaryVerbs open a command's summary as enItemVerbs do ("Inspects
	// the specified config."); an item's body that opens with one is left
	// as written, not given its key as subject ("Paste copies ...").
	enSummaryVerbs = toSet(`inspects displays shows exports imports copies renames restarts pulls pushes downloads
		uploads installs prunes`)
)

// changelogHeading matches the headings of change logs and release notes,
// whose list items ("API: the voice parameter type has changed") describe
// changes, not what their key is: "Changelog", "Changes", "Release notes",
// "What's Changed", "Breaking changes", "Fixed", "v1.2.3", "1.4.0 (2024-05-01)",
// "変更履歴", "リリースノート".
var changelogHeading = regexp.MustCompile(`(?i)^(change ?log|changes|release notes|what'?s (changed|new)|breaking changes|bug ?fixes|fixed|added|removed|deprecated|security fixes|` +
	// "Upgrading to version 2.0.0+": what changed, for those who upgrade.
	`upgrading to (version )?v?\d+(\.\d+)*\+?|` +
	// "News", "News - 1.2.x": a page of release announcements.
	`news(\s*[-–—:]\s*v?[\d.x]+)?|` +
	// A version alone, or with a date or a parenthesis: "v1.2", "1.4.0",
	// "2.0.0-rc.1 (2024-05-01)", "v3.1 - 2024-05-01", "Release 1.2.9 -
	// 2011-12-29", 「1.2.9リリース - 2011-12-29」, "3.3.0 - 26 June, 2026",
	// "1.0.0 - March 3, 2020". Not a numbered section: "2.1 Terms and
	// definitions", "3.4 用語の定義".
	`(release |version )?(v\d+(\.\d+)*([-+][0-9a-z.]+)?|\d+\.\d+\.\d+([-+][0-9a-z.]+)?|\d+\.\d+)(\s*リリース)?` +
	`(\s*(\(.*\)|[-–—]?\s*(\d{4}[-/]\d{2}[-/]\d{2}|\d{1,2} [a-z]{3,9}\.?,? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4})))?|` +
	`変更履歴|更新履歴|リリースノート|お知らせ)$`)

// parameterWord reports a key that, under a parameters heading, names one
// parameter of the page: an everyday word, or one of the quantities that
// settings and filters take ("Radius", "Threshold", "Opacity").
func parameterWord(key string) bool {
	return isGeneralWord(key) || parameterWords[strings.ToLower(key)]
}

var parameterWords = toSet(`boolean bool string integer int float double array list object number text
	function regexp callback buffer promise
	radius threshold opacity offset angle width height length depth mode seed scale ratio
	color colour noise zoom contrast saturation hue brightness lightness gamma sharpness strength intensity density
	spacing position direction rotation delay timeout interval limit count factor weight alpha quality resolution
	orientation margin padding border shape style expression dimension dimensions amplitude frequency phase`)

// paramHeading names a section that lists a page's parameters or options,
// after an optional section number ("4.2.4. Options").
var callParamHeading = regexp.MustCompile(`(?i)^([0-9]+(\.[0-9]+)*\.?\s+)?(parameters?|arguments?)[:：]?$|^(引数|パラメーター?)[:：]?$`)

var paramHeading = regexp.MustCompile(`(?i)^([0-9]+(\.[0-9]+)*\.?\s+)?(parameters?|arguments?|options?|fields?|columns?|attributes?|properties|settings|inputs?|outputs?|return values?|flags|syntax|variables)[:：]?$|^([0-9]+(\.[0-9]+)*\.?\s*)?(引数|パラメーター?|オプション|フィールド|設定項目|構文|変数)[:：]?$`)

// caveatHeading names a section of caveats, or of what a thing works
// with: "Limitations", "Caveats and Key Behavioral Differences", "Known
// issues", "Security notes", "Compatibility", 「制限事項」, or of what it
// needs, "Prerequisites", 「動作環境」. Its items say how each thing
// behaves there ("Authentication: Credentials are sent in plain text
// ...", "npm version: `npm@11.15.0` or above is required."), not what it
// is.
var caveatHeading = regexp.MustCompile(`(?i)^(known )?(limitations?|caveats?|issues|gotchas|pitfalls)\b|^known bugs|^(security )?(notes|considerations)$|^security notes\b|^compatibility\b|` +
	`^(system )?(prerequisites|requirements)\b|^before you begin\b|^(制限事項|既知の問題|注意事項|互換性|セキュリティ上の注意|前提条件|必要条件|動作環境|必要環境|システム要件)`)

// seeAlsoHeading names a section of pointers to other pages.
var seeAlsoHeading = regexp.MustCompile(`(?i)^(see also|related (topics|pages|links|information|documentation)|参照|関連項目|関連事項|関連情報|関連ページ)[:：]?$`)

// bookIndexHeading names a book's index, after an optional chapter
// number: "Concept Index", "Chapter 63 - Option Index", 「索引」, or
// after an appendix's letter, a name's: "E. LilyPond index".
var bookIndexHeading = regexp.MustCompile(`(?i)^((chapter|appendix) \w+\s*[-–—:.]?\s*)?(\w+ (and )?)?(concept|options?|variables?|general|subject|functions?|commands?|keywords?|programs?|symbols?|topics?|tags?|alphabetical) index$|^(用語|事項|総合)?索引$|` +
	`^(appendix (?-i:[A-Z])\.?|(?-i:[A-Z])\.)\s+(\S+\s*)?(index|インデックス|索引)$`)

// introHeading names a sub-heading that opens what its parent heading is
// about: "Overview", "Introduction", "What is a pod?", 「概要」, 「はじめに」.
var introHeading = regexp.MustCompile(`(?i)^(overview|introduction|intro|description|definition|summary|about|background|basics|history|what (is|are)\b.*)$|^(概要|はじめに|概説|説明|定義|紹介|背景|基本)$|とは[？?]?$`)

// changelogTitle matches the title of a product's and version's release
// notes: "CMake 3.1 Release Notes", "Release Notes for Debian 12", "What's
// New in Python 3.12".
var changelogTitle = regexp.MustCompile(`(?i)^((\S+ ){1,3}v?\d+(\.\d+)* (release notes|change ?log)|(release notes|change ?log) for \D{1,30} v?\d+(\.\d+)*|what'?s (changed|new) in .{1,40})$`)

// isChangelogHeading reports a heading of a change log or of release notes
// (changelogHeading, changelogTitle); a cheap test first keeps the second
// expression off most headings.
func isChangelogHeading(text string) bool {
	if changelogHeading.MatchString(text) {
		return true
	}
	// "6. What’s New in GIMP 2.4?": a section number before the title, a
	// typographer's apostrophe.
	if m := sectionNumber.FindString(text); m != "" && m != text {
		text = text[len(m):]
	}
	text = strings.ReplaceAll(text, "’", "'")
	l := strings.ToLower(text)
	return (strings.Contains(l, "notes") || strings.Contains(l, "log") || strings.Contains(l, "what")) && changelogTitle.MatchString(text)
}

// changelogFile matches the names of change logs, of the pages of a
// version's changes (Vim's version7.html, a "what's new" page, a migration
// guide) and of lists of known problems (todo.html, BUGS): their items are changes and problems keyed by
// the part they concern ("Amiga: When using quickfix ..."), not glosses.
var changelogFile = regexp.MustCompile(`(?i)^(change ?log|changes|history|news|release[-_ ]?notes|todo|bugs|known[-_ ]?(bugs|issues)|version[-_ ]?\d+(\.\d+)*|upgrading|` +
	`whats[-_ ]?new|migration([-_ ]?(guide|v?\d+(\.\d+)*))?)(\.(md|txt|markdown|html?|rst|adoc))?$`)

// changelogRef matches the references of change log entries: "(#1225)",
// ".../pull/631", ".../issues/12", "(80eee78)".
var changelogRef = regexp.MustCompile(`\(#\d+\)|/pull/\d+|/issues/\d+|\([0-9a-f]{7,12}\)`)

// enImperatives open English list item bodies that tell the reader what to
// do: an instruction about the key, not a description of it.
// optionEffects are the imperatives that, opening the description of a
// setting or a flag, say what it does: "`--dry-run` - Print the plan
// without applying it".
// settingEffects open what a setting or one of its values turns on or off.
var settingEffects = toSet("allow allows disallow disallows enable enables disable disables forbid forbids permit permits prevent prevents")

var optionEffects = toSet(`add call check create delete disable enable ignore keep open print read remove return
	run send set show skip start stop update use write`)

// settingName reports a key spelled as a setting or a flag: "max_retries",
// "--dry-run", "cache.size".
func settingName(key string) bool {
	return strings.HasPrefix(key, "-") || strings.ContainsAny(strings.Trim(key, "_."), "_.")
}

var enImperatives = toSet(`add avoid call check choose click copy count create delete disable display do don't drag edit
	enable ensure enter follow get go insert install keep list look make merge modify never note open pass paste pick prefer
	press print provide put read remember remove rename reset return run save see select send set show specify start stop
	store toggle try update use write define configure declare trust load learn explore discover
	inform notify warn tell ask`)

// danglingEnd reports an English sentence that stops on a word that needs a
// continuation ("..., as well as.", "... and."): a cut, not an end.
func danglingEnd(s string) bool {
	s = strings.TrimRight(s, ".!?:;, ")
	i := strings.LastIndexByte(s, ' ')
	last := strings.ToLower(s[i+1:])
	switch last {
	case "and", "or", "but", "as", "of", "to", "the", "a", "an", "with", "for", "from", "by", "in", "on",
		"such", "than", "e.g", "i.e", "including", "like", "nor", "whether", "that", "which":
		return true
	}
	return false
}

// askedTerm returns the term a question heading asks about ("What is a
// broker?", "What are ordered consumers?", 「キャッシュとは」, 「ジョブとは何か」,
// 「キューって何？」) or that a section is about ("About anchorage",
// 「錨泊について」): its section answers what the term is, as a section
// titled with the bare term does. Other headings are returned as they are.
func askedTerm(heading string) string {
	h := strings.TrimSpace(heading)
	// "1. What Is PostgreSQL?", "C.1. About swap": a section number
	// before the question.
	if m := sectionNumber.FindString(h); m != "" && m != h {
		if asked := askedTerm(h[len(m):]); asked != strings.TrimSpace(h[len(m):]) {
			return asked
		}
	}
	for _, q := range []string{"とは何ですか", "とは何でしょうか", "とは何か", "とは", "って何", "ってなに", "について", "に関して"} {
		trimmed := strings.TrimRight(h, "？?　 ")
		if t, ok := strings.CutSuffix(trimmed, q); ok && t != "" {
			return strings.TrimSpace(t)
		}
	}
	if label, name, ok := strings.Cut(h, ": "); ok && kindLabels[strings.ToLower(label)] && len(strings.Fields(name)) == 1 {
		// "Class: `AbortController`", "Interface: Reader": a reference
		// page's section about one type, labelled with its kind.
		return name
	}
	lower := strings.ToLower(h)
	if t, ok := strings.CutPrefix(lower, "about "); ok && t != "" && !strings.ContainsAny(t, "?:") && len(strings.Fields(t)) <= 4 {
		// "About anchorage": the section is about the term.
		return strings.TrimSpace(h[len("about "):])
	}
	if t, ok := strings.CutPrefix(lower, "what about "); ok && strings.HasSuffix(t, "?") {
		// 'What about "sid"?': the section says what sid is.
		if t := strings.Trim(strings.TrimSpace(h[len("what about "):len(h)-1]), `"'“”‘’`+"`"); t != "" && len(strings.Fields(t)) <= 3 {
			return t
		}
	}
	for _, q := range []string{"what is ", "what are ", "what's "} {
		if strings.HasPrefix(lower, q) && strings.HasSuffix(h, "?") {
			t := strings.TrimSpace(strings.TrimSuffix(h[len(q):], "?"))
			for _, art := range []string{"a ", "an ", "the "} {
				if len(t) > len(art) && strings.EqualFold(t[:len(art)], art) {
					t = t[len(art):]
					break
				}
			}
			if t != "" {
				return t
			}
		}
	}
	return h
}

// kindLabels label a reference section with the kind of the one type it
// is about ("Class: Buffer"). Events and methods are not: their names are
// everyday words ("Event: 'close'") or calls.
var kindLabels = toSet(`class interface struct enum type trait module protocol`)

// headingNumber matches the section number of a numbered heading: "8.1.1. "
// (DocBook, Sphinx), "4.2 " (Texinfo), "A. ", "C.1. ". It is stricter than
// sectionNumber, which only looks past a number before a question: "802.11
// networking" and "A record" keep their first word.
var headingNumber = regexp.MustCompile(`^([0-9]{1,2}(\.[0-9]{1,2})*\.?|[A-Z](\.[0-9]{1,2})*\.)\s+`)

// headingName returns a heading's text without its section number
// ("8.1. 概要" gives 「概要」).
func headingName(text string) string {
	t := strings.TrimSpace(text)
	if m := headingNumber.FindString(t); m != "" && m != t {
		return t[len(m):]
	}
	return t
}

// sectionNumber matches a section number opening a heading: "1. ",
// "4.2.1. ", "C.1. ".
var sectionNumber = regexp.MustCompile(`^([0-9]+|[A-Z])(\.[0-9]+)*\.?\s+`)

// closingTicks returns the offset in s of the first run of exactly n
// backticks, the end of a code span opened by n, or -1.
func closingTicks(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// identifierName reports a name as code writes it: letters, digits, "_",
// "$" and the dots of a path ("quay.moor"), starting with a letter.
func identifierName(s string) bool {
	if s == "" || !unicode.IsLetter(rune(s[0])) && s[0] != '_' && s[0] != '$' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '$' && c != '.' && !isIdentByte(c) {
			return false
		}
	}
	return !strings.HasSuffix(s, ".")
}
