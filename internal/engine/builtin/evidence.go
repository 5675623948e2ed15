package builtin

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
)

// evKind is the kind of a piece of definitional evidence, weakest first.
type evKind uint8

const (
	evUsage     evKind = iota + 1 // a sentence that only uses the term
	evDescribe                    // a sentence with the term as its subject and a verb: "Watcher will receive ..."
	evExpansion                   // the long form of an abbreviation: "Application Binary Interface (ABI)"
	evHeading                     // a heading equal to the term + its first paragraph
	evList                        // a list item "term: body"
	evParen                       // a parenthetical gloss "term（...）"
	evExplicit                    // a definitional sentence
)

// evidence is one place in the corpus that says what a term means.
type evidence struct {
	kind evKind
	// strong marks an explicit definition with the term as the subject at the
	// start of the sentence: the only kind compared for contradictions.
	strong bool
	text   string // the definition text, ready to show
	doc    string
	line   int
	head   string // head noun of the definition, normalised; "" if unknown
	ja     bool
	// mentions is false for a heading whose paragraph never names the term.
	mentions bool
	// naming marks a sentence that names the term at its end ("... is
	// called a flotilla", 「…はリクエストと呼ばれます。」): it yields to one
	// with the term as its subject ("Flotillas are ..."), which says what
	// the class is rather than naming an instance, but it defines the term
	// as explicitly (definesStrongly).
	naming bool
	// glossary marks an item of a glossary page or section: among glosses
	// it comes first (a parenthesis in passing says less).
	glossary bool
	// answers marks a heading's evidence under a question that asks the
	// term ("What Is PostgreSQL?"): among conflicting definitions, the one
	// that answers it is the documents' own.
	answers bool
	// param marks a definition of a parameter in a page's "Syntax" or
	// "Parameters" section (see sentence.param).
	param bool
	score float64 // usage and describe evidence: how informative the sentence is
	// foreign marks evidence from an English passage of a Japanese
	// document: the page's own language is preferred.
	foreign bool
	docs    int // usage evidence only: documents that use the term
}

func (e evidence) where() string { return fmt.Sprintf("%s:%d", e.doc, e.line) }

// maxSubjectOffset is the furthest byte offset at which matchSubject can
// find a sentence's subject: a connective, a determiner and "OTHER (sp)"
// with OTHER up to 120 bytes.
const maxSubjectOffset = 160

// maxPlainSubjectOffset is the same without "OTHER (sp)": a connective, a
// determiner and a possessive ("Similarly, the broker's ...").
const maxPlainSubjectOffset = 48

// maxDefinitionRunes bounds the length of one definition.
const maxDefinitionRunes = 300

// ctxCheckEvery is how many sentences are scanned between ctx checks.
const ctxCheckEvery = 512

// gather collects the definitional evidence for a term and its aliases, and
// the most informative usage sentence. occs, when given, limit the search to
// the sentences that span those lines.
func gather(ctx context.Context, ix *corpusIndex, term string, aliases []string, occs []glossary.Occurrence) ([]evidence, error) {
	spellings := spellingsOf(term, aliases)
	if len(spellings) == 0 {
		return nil, nil
	}
	cands, err := candidateSentences(ctx, ix, spellings, occs)
	if err != nil {
		return nil, err
	}
	var out []evidence
	var usage, describe *evidence
	for n, si := range cands {
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("gather evidence for %q: %w", term, err)
			}
		}
		s := &ix.sentences[si]
		if s.notice {
			continue
		}
		found, used := false, false
		firstHit := len(s.text)
		before := len(out)
		joined := true // every use is part of a hyphenated name
		for _, sp := range spellings {
			hits := glossary.Index(s.text, sp)
			if len(hits) == 0 {
				continue
			}
			used = true
			firstHit = min(firstHit, hits[0])
			for _, h := range hits {
				if joined && !hyphenJoined(s.text, h, len(sp)) {
					joined = false
				}
			}
			if s.caseItem || s.change {
				// One case of a list of them, or a change, not what the
				// term is.
				continue
			}
			if ev, ok := explicitEvidence(s, sp, hits); ok && !ix.paramSubject(s) && !ix.signatureItemThe(si, sp) {
				ev.param = s.param
				if ev.kind == evExplicit && ix.namedInstanceBefore(si, sp) {
					// "The record_testsuite_property session-scoped fixture
					// can be used ... The fixture is a callable which ...":
					// the one just named, not any; it describes at most.
					ev.kind, ev.strong, ev.naming = evDescribe, false, false
				}
				out = append(out, ev)
				found = true
				break
			}
			if ev, ok := parenEvidence(s, sp, hits); ok && !ix.sharedParens[parenKey(ev.text)] && !ix.rowVariant(s, sp) && !ix.xrefParens[si][parenKey(ev.text)] {
				out = append(out, ev)
				found = true
				break
			}
			if ev, ok := restateEvidence(s, sp); ok {
				out = append(out, ev)
				found = true
				break
			}
			if ev, ok := calledEvidence(ix, si, sp, hits); ok {
				out = append(out, ev)
				found = true
				break
			}
			if ev, ok := introducedEvidence(s, ix.introduced[si], sp); ok {
				out = append(out, ev)
				found = true
				break
			}
			if ev, ok := faqEvidence(ix, si, sp); ok {
				out = append(out, ev)
				found = true
				break
			}
		}
		if found && ix.foreign(s) {
			out[before].foreign = true
		}
		if !used || found || s.block == blockHeading {
			continue
		}
		// A describing sentence opens with the term (after a connective,
		// a determiner, a possessive or "OTHER (" at most): no need to
		// look when the first use is further in.
		for _, sp := range spellings {
			if firstHit > maxSubjectOffset || len(out) > 0 ||
				firstHit > maxPlainSubjectOffset && strings.IndexByte(s.text[:firstHit], '(') < 0 && !strings.Contains(s.text[:firstHit], "（") {
				// Far in, or an explicit definition or gloss already
				// found: a describing sentence would not be chosen.
				break
			}
			if s.caseItem || s.change {
				break
			}
			if d, ok := describeEvidence(s, sp); ok {
				d.foreign = ix.foreign(s)
				if describe == nil || nativeFirst(d, *describe) {
					describe = &d
				}
				break
			}
		}
		if !sentenceLike(s) {
			continue
		}
		u := usageEvidence(s, firstHit)
		if joined {
			// "textlint-rule-preset-japaneseは、…": the word as part of a
			// longer name shows little of its own use.
			u.score -= 0.4
		}
		u.foreign = ix.foreign(s)
		if usage == nil || nativeFirst(u, *usage) {
			usage = &u
		}
	}
	seenHeading := map[string]bool{}
	for _, sp := range spellings {
		key := normKey(sp)
		if seenHeading[key] {
			continue
		}
		seenHeading[key] = true
		if templateSection(ix.headings[key]) {
			// "## Compatibility", "## Synopsis" on every reference page:
			// a section of the pages' template, whose paragraphs are about
			// each page's subject.
			continue
		}
		for _, h := range ix.headings[key] {
			if h.first < 0 || h.changes {
				continue
			}
			if h.code && !h.glossary && strings.Trim(h.text, "`") == sp && (generalEnglish[strings.ToLower(sp)] || generalIT[strings.ToLower(sp)]) {
				// "### `path`" over "The URL for the error page."
				// (Traefik's middleware options): an option named with
				// an everyday word, not the word, as an item keyed so is
				// ("### `rate()`" is a function's own heading).
				continue
			}
			if h.code && !strings.Contains(h.text, sp) && strings.Contains(strings.ToLower(h.text), strings.ToLower(sp)) {
				// "## `websocket`" (a debug flag) over "This flag enables
				// ...": an identifier is spelled as typed; the WebSocket
				// API is another name.
				continue
			}
			if allCapitalKey(h.text) && !strings.Contains(strings.TrimSpace(h.text), " ") && strings.ToUpper(sp) != sp {
				// "CLUSTER" over "CLUSTER — cluster a table ...": a
				// command or a constant, not the word cluster (a man
				// page's "CONFIGURATION FILE" is a section title).
				continue
			}
			if docPartHeading(headingName(h.text)) && !h.glossary && !glossary.Contains(ix.sentences[h.first].text, sp) {
				// "## 参考文献" over "> (3) 不自然なアルファベット", "##
				// References" over a cited title: what to read, not what
				// references are ("A reference is an alias ..." under it
				// still says).
				continue
			}
			s := ix.sentences[h.first]
			if s.doc != h.doc {
				continue
			}
			// "### DateField" over "DateField(auto_now=False, ...)" (how to
			// call it), "### `process.stdout`" over "- [<Stream>](...)" (its
			// type, a link): the paragraph after says what it is. A table
			// of contents ("# Compatibility" over "- [Compatibility Notes
			// for rsyslog v8](v8.html)" and more links) says nothing. Nor
			// does code alone ("## Register" over
			// "`flaskr/templates/auth/register.html`", the file shown next).
			first := h.first
			for first < len(ix.sentences) && first < h.first+8 && (ix.sentences[first].link ||
				ix.sentences[first].block == blockPara && codeAlone(&ix.sentences[first]) ||
				callSignature.MatchString(strings.TrimSpace(ix.sentences[first].text))) {
				first++
			}
			if first != h.first {
				if first >= len(ix.sentences) || ix.sentences[first].doc != h.doc || h.nextLine > 0 && ix.sentences[first].line >= h.nextLine ||
					ix.sentences[first].link {
					continue
				}
				s = ix.sentences[first]
			}
			if s.notice {
				// "## License" over "Licensed under the Apache License,
				// Version 2.0 ...": a notice, not what a license is.
				continue
			}
			// Prefer the sentence of the section's first paragraphs that
			// defines the term or has it as its subject: "### Ordered
			// consumers" + "... Ordered consumers present ...".
			subject := -1 // first sentence with the term as its subject
			// defines is true when a sentence of the section's first
			// paragraphs says what the term is.
			defines := false
			// about is true when the sentence found defines, names or has
			// the term as its subject.
			about := false
			// The first sentence is the answer itself, with no subject to
			// look for, when it is a Japanese noun phrase that does not name
			// the term (「Kubernetesコードの貢献をレビューできる人。」), or a page's
			// summary under its title (front matter, a README's tagline),
			// whatever its form (「Podのコピーが…実行されることを保証します。」
			// under "DaemonSet", "Stores sensitive information, ...").
			titleLine := h.top && s.line == h.line+1 || h.asks || h.top && s.line <= h.line+2 && referenceSummary(h.text, s.text) ||
				h.intro && s.line > h.nextLine
			// "### Dredger" over "A vessel that digs ...": a noun phrase
			// that does not name the term answers the heading, in English
			// as in Japanese; so does a tagline that names a kind without
			// an article ("## Echo" over "High performance, extensible,
			// minimalist Go web framework.").
			jaNoun := s.ja && jaNounPhrase(s.text) || !s.ja && opensWithArticle(s.text) && !clauseBody(s.text) && !finiteBeforeRelative(s.text) && !isQuestion(s.text) ||
				!s.ja && kindTagline(s.text)
			// "8.1.1. dpkg" over 「これは主要なパッケージ管理プログラムです。」
			// ("This is the main package management program."): the
			// pronoun is the heading's name.
			pronoun := pronounGloss(s.text, s.ja)
			if pronoun && (isGeneralWord(sp) || introHeading.MatchString(headingName(h.text))) {
				// "## Installation" over "This is a Node.js module available
				// through the npm registry.", 「## 概要」 over 「これは Rust 製の
				// …ツールです。」: what the page's subject is, not the
				// section's everyday name.
				continue
			}
			nounGloss := !glossary.Contains(s.text, sp) &&
				(jaNoun || pronoun || s.ja && titleLine && !jaCondition(s.text) && !isQuestion(s.text) ||
					!s.ja && titleLine && (opensWithArticle(s.text) && !clauseBody(s.text) ||
						enItemVerbs[strings.ToLower(firstWord(s.text))] || enSummaryVerbs[strings.ToLower(firstWord(s.text))] ||
						referenceSummary(h.text, s.text)) ||
					// "## What is ballast?" over "Weight carried low in a
					// ship to keep it steady.": the answer, a noun phrase
					// without an article.
					!s.ja && h.asks && !clauseBody(s.text) && !finiteBeforeRelative(s.text) && !isQuestion(s.text))
			if ix.boilerplate[s.text] {
				// 「# Cell Styles」 over 「このコマンドの見つけ方」, as
				// over a hundred other titles: the page's furniture.
				nounGloss = false
			}
			if h.numbered && !h.asks && !s.ja && nounGloss && !pronoun && hasAuxiliary(s.text) {
				// "5.2. Locale" over "The behavior of programs supporting
				// internationalization are configured by ...": a manual's
				// prose, a clause after all, not a noun phrase glossing it.
				nounGloss = false
			}
			for j := h.first; !nounGloss && j < len(ix.sentences) && j < h.first+8 && ix.sentences[j].doc == s.doc &&
				ix.sentences[j].para <= s.para+2; j++ {
				if ix.sentences[j].para != s.para && ix.sentences[j].line > h.nextLine {
					break // past the section
				}
				sj := &ix.sentences[j]
				hits := glossary.Index(sj.text, sp)
				if len(hits) == 0 {
					continue
				}
				if ev, ok := explicitEvidence(sj, sp, hits); ok && ev.strong {
					subject, about, defines = -1, true, true
					s = *sj
					break
				}
				if ev, ok := calledEvidence(ix, j, sp, hits); ok {
					subject, about, defines = -1, true, true
					s.text, s.line = ev.text, ev.line
					break
				}
				if n, ok := matchSubject(sj.text, sp, sj.ja); ok && subject < 0 && (!sj.ja && !compoundGoesOn(sj.text[n:]) && !compoundSubject(sj.text, sp) && !copulaProperty(sj.text[n:]) &&
					!ownedByOne(sj.text[n:]) ||
					sj.ja && jaSubjectParticle(sj.text[n:])) {
					subject = j
				}
			}
			if subject >= 0 {
				s = ix.sentences[subject]
				about = true
			}
			if !s.ja && glossary.HasCJK(sp) && ix.docJA[s.doc] && !glossary.Contains(s.text, sp) {
				// 「## 解像度」 over "Digital images consist of a grid of
				// square pixels." (a page translated but for its
				// paragraphs, GIMP's help in Japanese): an English
				// passage that cannot name the Japanese word.
				continue
			}
			if ix.boilerplate[s.text] || !s.ja && !about && !defines && !h.code && titleCased(h.text) && !isIdentifierLike(sp) && readerDoes(s.text) {
				// "# Database" over "You can insert fields from any
				// database ...", "## Section" over "Type the name of the
				// section that you want to edit": what the reader does. A
				// function's summary is written as an order ("#
				// plan_departure" over "Add a departure to ...").
				continue
			}
			if h.numbered && !defines && !nounGloss && !h.asks {
				// "10.5. Symbolic links" over "In general, symbolic links
				// ... should be relative": a manual's section about the
				// term, which says what it is only in a defining sentence.
				continue
			}
			// A page titled with the term over its summary (a glossary page:
			// its front matter's title and description), or a section whose
			// first sentence is a Japanese noun phrase (「…岸の区画です。」),
			// glosses it as surely as a paragraph that names it.
			mentions := nounGloss && (titleLine || jaNoun || pronoun)
			named := false
			for _, sp := range spellings {
				if glossary.Contains(s.text, sp) {
					mentions, named = true, true
					break
				}
			}
			if s.block == blockPara && !s.ja && labelLine(s.text) && otherKeyItem(s.text, spellings) {
				// "## Colours" over "Series: pick the main colour ...":
				// a dialog's labelled settings, each another name's.
				continue
			}
			if s.block == blockList || s.block == blockPara && lowerFieldKey(s.text) {
				// "#### toString" over "- Overrides: toString in class
				// Object": a field of the section; "## Radios" over "-
				// Radios: Icom M330 2.1, Cobra F80 1.0": what the item's
				// own rules turn away. Neither glosses the heading, nor a
				// key line ("### System" over "in: 一秒あたりの割り込み
				// 回数。", vmstat's fields in a manual page).
				if otherKeyItem(s.text, spellings) {
					continue
				}
				it, ok := parseListItem("- "+s.text, s.ja)
				if ok && (itemBody(it.key, it.body, s.ja) == "" ||
					!slices.ContainsFunc(spellings, func(sp string) bool { return strings.EqualFold(strings.Trim(it.key, "`*_ "), sp) })) {
					// "### Algorithms" over "- optim_ga — A flexible
					// genetic algorithm": a list of other names' items.
					continue
				}
			}
			if s.ja && !named && jaClauseTopic(s.text) {
				// "7.3. 計算" over 「…利率に関して決定することは、少し複雑で
				// す。」: what doing something is like, not what the term is.
				continue
			}
			if t := jaTopic(s.text); s.ja && !named && t != "" && !sameModuloChoon(t, spellings) {
				// "## APIオブジェクト" over 「NodeはREST APIのリソースです。」:
				// what another subject is.
				continue
			}
			if s.ja && jaDocKindLine(s.text) {
				// "# PCB Editor" over 「リファレンス・マニュアル」 (KiCad's
				// manuals in Japanese): what the page is, a manual.
				continue
			}
			if t := strings.TrimRight(s.text, ".。:："); strings.EqualFold(t, sp) {
				// "## Reply" over a table of contents whose first item is
				// "[Reply](#reply-object)": the name again, no gloss.
				continue
			}
			if s.ja && jaPartTopic(s.text, spellings) {
				// "**箇条書き**" over 「箇条書きの中はチェックせず無視します。」:
				// what is said of a part or an aspect of it.
				continue
			}
			if !defines && (!s.ja && (someOf(s.text, spellings) || pointsBelow(s.text)) || s.ja && (jaPointsBelow(s.text) || jaTaskTitle(s.text))) {
				// "## CONFIGURATION VARIABLES" over "Some configuration
				// variables have their default values ...", "### Filters"
				// over "The filters are applied in the order as listed
				// below." (gitweb's and git filter-branch's manuals): a
				// few of them, or the list after, not what they are.
				continue
			}
			if !s.ja && named && !defines && enQuantifiers[strings.ToLower(firstWord(s.text))] && enRule(s.text) {
				// "#### File descriptors" over "Any specified file
				// descriptor has to support reading.", "### Exceptions"
				// over "Any Node-API function call may result in a pending
				// JavaScript exception.": a rule for every one, not what
				// one is.
				continue
			}
			if !s.ja && enSupportStatus(s.text, spellings) {
				// "## Middleware" over "As of Fastify v3.0.0, middleware
				// is not supported out of the box and requires ...":
				// whether it is supported, not what it is.
				continue
			}
			if s.ja && jaSupportStatus(s.text) {
				// "XEmacs" over 「DDSKK 17.1 以降は XEmacs はサポート対象外
				// です。」: whether it is supported, not what it is.
				continue
			}
			if s.ja && jaOpinion(s.text) {
				// "## タイムゾーンについて" over 「多くの場合これは利用者の意図
				// するところだと思います。」: what the writer thinks.
				continue
			}
			if !s.ja && !named && definesAnother(s.text) {
				// "### Syntax" over "An ignore file is a plain text file
				// ...": the sentence defines its own subject.
				continue
			}
			if !s.ja && named && !about && definesShorterName(s.text, spellings) {
				// "### B+ Tree Database API" over "B+ tree database is a
				// file ... handled with the B+ tree database API.": the
				// sentence defines the shorter name, the English
				// counterpart of jaTopic's check above.
				continue
			}
			kind := evHeading
			if n, ok := matchSubject(s.text, sp, s.ja); ok && !s.ja && !defines && (strings.HasPrefix(s.text[n:], " have ") || strings.HasPrefix(s.text[n:], " has ") ||
				dependsOn(s.text[n:])) {
				// "## Sentinel" over "Sentinels have a default port of
				// 26379." (ioredis), "## Format" over "The formats that are
				// available depend on the type of field ...": what it has or
				// what it depends on, a property; it describes the term at
				// most.
				kind = evDescribe
			}
			if t := jaTopic(s.text); s.ja && named && !about && !h.asks && t != "" && !sameModuloChoon(t, spellings) {
				// "入力モード" over 「SKK モードは、…４種類の入力モードと…を
				// 持ちます。」: what another subject has, the term in passing.
				kind = evDescribe
			}
			if named && !about && (actsOn(s.text, sp) || s.ja && !h.asks && jaPredicateVerb(s.text) && jaTopic(s.text) == "" && !jaOpensAbout(s.text, sp)) {
				// "### Font" over "Specifies the font to apply.", 「プレビュー」
				// over 「挨拶文のプレビューを表示します。」: what a control
				// does to the thing, in a help page, describes it at most;
				// so does 「演算子」 over 「…算術演算子の相対サイズを数式で
				// 選択します。」, a sentence that does something with it
				// (「ビルドファイルには、…を書く。」 opens with it: about it;
				// under a question heading, 「Debian GNU/Linux とは?」, it
				// answers the question).
				kind = evDescribe
			}
			if !s.ja && named && !about && otherNameActs(s.text, spellings) {
				// "## Web components" over "BudouX also offers Web
				// components to ...": what another name does with it.
				kind = evDescribe
			}
			if !s.ja && named && !about && !defines && !h.asks && afterAnotherVerb(s.text, spellings) {
				// "## Overhead" over "Pino's redaction functionality is
				// built on top of fast-redact which adds about 2%
				// overhead ...": the term after another subject's verb,
				// said in passing.
				kind = evDescribe
			}
			if l := strings.ToLower(s.text); strings.HasPrefix(l, "this ") || strings.HasPrefix(l, "these ") {
				// "### Binary" over "This folded field is a list of binary
				// packages.": the heading's thing, pointed back to.
				about = true
				if w := firstWord(l[strings.IndexByte(l, ' ')+1:]); !s.ja && named && settingKinds[w] {
					// "## `fetch`" over "This flag enables debug statements
					// for the `fetch` API." (undici's NODE_DEBUG flags): a
					// flag named like the term, which the sentence names
					// again as another thing.
					continue
				}
			}
			if named && !defines && (!s.ja && controlNamedFor(s.text, spellings) || s.ja && jaControlNamedFor(s.text, spellings)) {
				// "## Fontwork" over "The Fontwork toolbar opens when you
				// select ...", "## Data" over "The Data tab page allows
				// you to ...": what a control named for it is or does.
				continue
			}
			if !s.ja && named && !about && compoundSubject(s.text, sp) {
				// "#### `pod`" over "The `pod` role discovers all pods
				// ...": what the pod role does, not what a pod is.
				continue
			}
			if !s.ja && nameSubject(s.text, sp) {
				// "### Timeout" over "Timeout returns the timeout duration
				// set in the request." (Fiber's client): a method's docs.
				continue
			}
			if !s.ja && isLowerWord(sp) && strings.HasSuffix(strings.Trim(h.text, "` "), "()") && nounUse(s.text, sp) {
				// "## `vector()`" over "vector(s scalar) returns the
				// scalar s as a vector with no labels." (Prometheus's
				// functions): the function, and the word is another thing.
				continue
			}
			if !s.ja && named && !about && onlyModifier(s.text, spellings) {
				// "## Database" over "Fastify's ecosystem provides ...
				// plugins for connecting to various database engines.":
				// the term only qualifies another noun, in passing.
				continue
			}
			if !s.ja && named && !about && !h.asks && caption(s.text) {
				// "## Dictionaries" over "Currently supported dictionaries
				// by default." (a table follows): a caption naming the
				// term again, no verb, nothing said of what it is.
				continue
			}
			if !s.ja && versionNote(s.text) {
				// "## IngressClass" over "In v2.3, the support of
				// IngressClass ... has been introduced." (a migration
				// guide): what changed in a release, not what it is.
				continue
			}
			if !s.ja && judgesTerm(s.text, sp) {
				// "## Unicode" over "Unicode is a big deal in Babel.",
				// "## virtualenv" over "Virtualenv is probably what you
				// want to use during development ...": a judgement.
				continue
			}
			if !s.ja && easeClause(s.text) {
				// "### API" over "It's easy to use Day.js APIs to parse,
				// validate, ... dates and times.": how easy it is to use,
				// not what it is.
				continue
			}
			if !s.ja && narration(s.text) {
				// "### Shim" over "We discussed the use of the containerd
				// shim, the costs that it adds, ..." (a meeting's notes):
				// what was done, not what a shim is.
				continue
			}
			if !s.ja && sectionSettings(s.text) {
				// "### Cookies" over "This can be set to accept or reject
				// all cookies ...", "Appearance" over "These settings
				// control the appearance of ..." (Lynx's options): what
				// the section's settings do.
				continue
			}
			if !s.ja && named && onlyAfterPreposition(s.text, spellings) {
				// "### npm" over "encoding.js is published under the
				// package name encoding-japanese on npm.": a place or a
				// means of something else, not what the heading names.
				continue
			}
			if pointsElsewhere(s.text, s.ja) {
				// "What is a Debian control file?" over "Specifics regarding
				// the contents of a Debian control file are provided in the
				// Debian Policy Manual, ...": where to read, not a gloss.
				continue
			}
			if !s.ja && aboutTheText(s.text) || s.ja && jaAboutTheText(s.text) {
				// "## Re-exports" over "Let’s start by explaining what
				// are re-exports.", 「自動サイズ」 over 「ここでは、…自動サイズ
				// の詳細について、例をあげて説明します。」: what the section
				// will do, not a gloss.
				continue
			}
			if !s.ja && pageBlurb(s.text) {
				// "# config inspect" over its front matter's "The config
				// inspect command description and usage" (Docker's
				// reference): what the page holds, nothing said.
				continue
			}
			if t := strings.TrimSpace(h.text); strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") {
				// "### 比較演算子:" over 「等号」, the first of the
				// operators listed: the heading introduces a list.
				continue
			}
			if t := strings.TrimSpace(s.text); !strings.ContainsAny(t, ".。．") &&
				(s.ja && utf8.RuneCountInString(t) <= 8 || (!s.ja || !glossary.HasCJK(t)) && len(strings.Fields(t)) <= 2 || capitalizedName(t)) ||
				codeAlone(&s) {
				// 「演算子」 over 「関連項目」, "### Windows" over "-
				// Microsoft Visual Studio Community", 「設定ディレクティブ」
				// over "- `<VirtualHost>`": a label or a name alone, no
				// sentence to gloss with.
				continue
			}
			if s.ja && (jaOpensWithCondition(s.text, spellings) || jaInSituation(s.text, spellings)) {
				// 「パッケージ管理」 over 「一覧の中を動き回れるようになったら、
				// いよいよ…インストールしましょう。」: when and what to do;
				// 「バッファ選択モード」 over 「…バッファ選択モードに入ったときの
				// キー操作です。」: what holds then.
				continue
			}
			if s.ja && jaRule(s.text) {
				// 「バージョン宣言」 over 「すべての LilyPond ファイルにはバー
				// ジョン宣言を持たせるべきです。」: a rule, not a gloss.
				continue
			}
			if !s.ja && (enInstruction(s.text, spellings) && !(h.top && referenceSummary(h.text, s.text)) || enRuleFor(s.text, spellings)) {
				// "### Routers" over "To update the Router, add tags
				// ...", "#### domains" over "Every domain must have A
				// records.": what to do, or a rule, not what it is.
				continue
			}
			if strings.Contains(s.text, "?: ") || strings.Contains(s.text, "?:: ") || strings.Contains(s.text, "？：") {
				// "### Credentials" over "How do I specify my credentials
				// when pushing over HTTP?: The easiest way ...": an FAQ's
				// question and answer, about a task.
				continue
			}
			if !s.ja && propertyOnly(s.text) {
				// "### Attributes" over "The attributes prefixed with a ?
				// are all optional.": a property, not what they are.
				continue
			}
			if introduces(s.text, s.ja) {
				// "A new channel type is compatible with an old one if"
				// over a numbered list: a rule about the term, cut off.
				continue
			}
			if !mentions && s.ja && jaNotHeadingGloss(s.text) {
				// "## インストール" over 「自分のライブラリに組み込んで使う場合。」:
				// a condition or a step, not what the heading names.
				continue
			}
			if !s.ja && (concessive[strings.ToLower(strings.TrimRight(firstWord(s.text), ","))] ||
				subordinators[strings.ToLower(firstWord(s.text))] && !(h.asks && named)) ||
				s.ja && jaConcession(s.text) {
				// "## DNS" over "While the other addons are not required,
				// all clusters should have cluster DNS" (「…必須ではありません
				// が、…持つべきです。」): a rule, not a gloss; "If no option is
				// passed, the variable is checked.": a condition. Under
				// "What is a lease?", "When a worker takes a job, it holds
				// a lease on it ..." is the documents' answer.
				continue
			}
			if !mentions && !s.ja && !pronoun && (!opensWithArticle(s.text) || copulaBeforeRelative(s.text) || clauseBody(s.text)) {
				// "## API" over "Run, Do and Call return ...": a section
				// about the term, not a gloss of it. A gloss that does not
				// repeat the term starts as a noun phrase ("A consensus
				// algorithm that ..."); "#### Tradeoffs" over "A ModifyPlan
				// method on a Resource is as unit testable as ..." is a
				// sentence about another subject, and so is "# Static
				// Files" over "The authentication views and templates
				// work, but they look very plain right now." (Flask's
				// tutorial).
				continue
			}
			text := s.text
			if rest, ok := helpLine(&s, sp); ok {
				// "### surgery" over "`surgery` perform surgery on bbolt
				// database ...": what the command does, as its help says.
				text = rest
			}
			if s.block == blockList {
				// "Response Objects" over "flask.Response(response=None,
				// ...): The response object that is used by default in
				// Flask." (Sphinx's API page): the text, not the call.
				if m := callSignaturePrefix.FindStringIndex(text); m != nil && m[1] < len(text) {
					text = text[m[1]:]
				}
			}
			if pronoun && nounGloss {
				// "This is the main package management program." under
				// "dpkg" reads "dpkg is the main ..." on its own.
				name := sp
				if hn := headingName(h.text); strings.EqualFold(hn, sp) {
					name = hn // "5.6.9. Essential": "Essential is a boolean field ..."
				}
				text = namePronoun(text, name, s.ja)
			}
			out = append(out, evidence{
				kind: kind, text: capText(text, s.ja), doc: s.doc, line: s.line,
				head: headNoun(s.text, s.ja), ja: s.ja, mentions: mentions, answers: h.asks && (about || nounGloss && kind == evHeading),
				glossary: h.glossary && kind == evHeading,
				foreign:  ix.foreign(&s),
			})
		}
		items := ix.items[key]
		if ix.fieldLabel(key) {
			// A field label elsewhere; a glossary's own entry for the word
			// still says what it is (GIMP's "Saturation: This term refers
			// to color purity." beside each filter's Saturation slider).
			items = slices.DeleteFunc(slices.Clone(items), func(it listItem) bool { return !it.glossary || it.sub })
		}
		for _, it := range items {
			k := strings.Trim(it.key, "`*_ ") // the key as written, without its markup
			if aboutInstances(it.body, sp, it.ja) {
				continue
			}
			if glossary.HasCJK(sp) && ix.docJA[it.doc] && !glossary.HasCJK(it.body) {
				// "- ドラッグ: Zoom in inside the area" (GIMP's help in
				// Japanese, its items half translated): an English
				// leftover, no gloss of the Japanese word.
				continue
			}
			if to := crossRefTarget(it.body, it.ja); to != "" && slices.ContainsFunc(spellings, func(o string) bool { return normKey(o) == normKey(to) }) {
				// "hash: In Git's context, synonym for object name." of the
				// alias hash: another name of the term, not what it is.
				continue
			}
			if otherNamePlural(k, sp, it.body) {
				continue
			}
			if !it.ja && !it.glossary && controlNamedFor(it.body, spellings) {
				// "Cache" over "The Cache subsection controls the
				// apt-cache(8) tool ..." (apt.conf's sections), "The
				// Fontwork toolbar opens ...": a part named for it.
				continue
			}
			if it.manName && k != sp {
				// "hosts - ホスト名の静的なルックアップテーブル", "apm -
				// Advanced Power Management (APM) BIOS に問い合わせる": a
				// manual page names a file or a command as typed, not the
				// word host nor the acronym APM.
				continue
			}
			if spelledAsPlural(k, sp) && singularPointer(it.body) {
				// "versions: This is a terminal rule." (「この規則は末端規則
				// です。」): the key names one thing (a grouping rule), not
				// versions.
				continue
			}
			if allCapitalKey(it.key) && strings.ToUpper(sp) != sp {
				// "`KERNEL`: the name that the kernel assigns ...", "TOOL:
				// presents a relevant tool": a variable or a label in
				// capitals, not the word.
				continue
			}
			if it.wide && len(sp) > 1 && strings.ToUpper(sp) == sp && k == strings.ToLower(k) && k != sp {
				// "| mbr | ... | MSDOS の MBR を代替するフリーソフトウエアー |"
				// (a package): a name in lower case, not the acronym.
				continue
			}
			if it.sigParam && !it.glossary && isLowerWord(sp) {
				// A parameter of the call above it, not the word; one
				// named with an identifier ("block_end_string: The string
				// marking the end of a block.", Jinja's Environment) is
				// that name's gloss.
				continue
			}
			if it.code && !it.glossary && hasAnyPrefixFold(it.body, "indicates whether ", "whether ", "specifies whether ", "determines whether ") &&
				glossary.Contains(it.body, sp) {
				// "| `TLS` | `bool` | Indicates whether TLS is enabled. |"
				// (Fiber's hooks): a flag named for the term, whether it
				// is on, not what it is.
				continue
			}
			if it.code && (generalEnglish[strings.ToLower(sp)] || generalIT[strings.ToLower(sp)]) {
				// "`server`: messages from the server", "`config` |
				// configure output formats": a value or an identifier
				// spelled like an everyday word, not the word.
				continue
			}
			if it.pageLink && k != "" && isUpperASCII(k[0]) && isLowerWord(sp) {
				// "| [Errors](errorpages.md) | Defines custom error pages
				// |" (Traefik's middlewares): the page's name, not the word
				// error.
				continue
			}
			if it.typed && isLowerWord(strings.Trim(it.key, "`")) && !it.glossary {
				// "`password` `(string: <required>)` - Password to use
				// when authenticating ...": a setting named with the word.
				continue
			}
			if it.link && (!strings.EqualFold(it.key, sp) || strings.ToUpper(sp) == sp && k != sp) {
				// "[spinners](https://github.com/...) - Terminal spinners
				// for Rust": another project, not what a spinner is; nor
				// is "[lru](https://...) - Easy to use ... (LRU) cache"
				// (bbolt's list of users) the acronym LRU.
				continue
			}
			if it.code && k != "" && isUpperASCII(k[0]) && isLowerWord(sp) {
				// "`Exception`: All built-in, non-system-exiting
				// exceptions are derived from this class.": a class, as
				// code spells it, not the word exception.
				continue
			}
			if it.code && it.key != sp && (!strings.EqualFold(it.key, sp) || strings.ToUpper(sp) == sp) {
				// "`replicationcontrollers`: 名前空間内で存在可能な…の総数" is
				// the quota key, not the ReplicationController kind;
				// "`html`: Exposes Go's html.EscapeString" is a template
				// function, not HTML.
				continue
			}
			if referenceWork(it.key) && (strings.Contains(it.body, ", ") || shortTitle(it.body)) {
				// "Notation Reference: Modifying context plug-ins,
				// Changing context default settings.", 「学習マニュアル:
				// 音楽を保持するボイス。」: pages of another manual to
				// read, not what the manual is.
				continue
			}
			if t := jaTopic(it.body); it.ja && t != "" && !sameModuloChoon(t, spellings) && !glossary.Contains(it.body, sp) {
				// 「ファイル名: 拡張子は .gbr。」: what is said of another
				// thing, not what the key is.
				continue
			}
			if !it.ja && longerNameBody(k, it.body) {
				// "[NATS](...) - NATS Streaming uses bbolt for message and
				// metadata storage." (bbolt's users): what a longer name
				// does, not what the key is.
				continue
			}
			if !it.ja && !it.glossary && otherSubject(it.body, spellings) {
				// "**Layer:** A single zone object can create filled copper
				// on one or more copper layers.": a dialog's field, then a
				// sentence about another subject.
				continue
			}
			if !it.ja && (it.sub || it.code) && isLowerWord(k) && settingEffects[strings.ToLower(firstWord(it.body))] {
				// "`bookmark`: disallow changing the location of the
				// bookmark file" (Lynx's restrictions, under the option):
				// what a value of a setting does, not what a bookmark is.
				continue
			}
			if !it.ja && !it.code && !it.glossary && !strings.Contains(k, " ") && controlBody(k, it.body, isLowerWord(term)) {
				// "| Mode | Sets the operating mode of the router ... |",
				// "| Sheet | | Selects all footprints and tracks in the
				// schematic sheet |" (KiCad's settings and actions): what
				// a control named with the word does, not what a mode or
				// a sheet is.
				continue
			}
			if !it.ja && predicateAdjective(it.body) {
				// "Files: synchronous on Windows and POSIX" (Node's process
				// I/O): how the thing behaves in one case, not what it is.
				continue
			}
			if pathsOnly(it.body) {
				// "**Source code:** Lib/concurrent/futures/thread.py and
				// Lib/concurrent/futures/process.py" (every Python module
				// page): where the code is, not what source code is.
				continue
			}
			if valueLiteral(it.body) {
				// "message: 'jwt not active'" (an error object's fields):
				// a value, not what the field is.
				continue
			}
			if !it.ja && versionNote(upperFirst(it.body)) {
				// "**Go.mod support** — As of v5, go.mod support (see
				// CHANGELOG)" (chi's features): since when, not what it is.
				continue
			}
			if !it.ja && strings.HasSuffix(k, "s") && namedExamples(it.body) {
				// "**Reverse Proxies**: Nginx, Apache with CORS modules",
				// "**CDNs**: CloudFront, CloudFlare, Azure CDN - handle CORS
				// at edge locations" (Fiber's CORS page): some of them by
				// name, not what one is.
				continue
			}
			if !it.ja && !allCapitalKey(it.key) && namesOnly(it.body) {
				// "Marks: skip, skipif, xfail;" (pytest's features in
				// unittest classes): some of them, not what one is.
				continue
			}
			if !it.ja && valuesOnly(it.body) {
				// "The options: two possible values: wait or nowait, to
				// tell inetd ...": the values a field takes, not what it
				// is.
				continue
			}
			if !it.ja && !it.glossary && bareOtherSubject(it.body, spellings) {
				// "- **gzip**: Jitter is added as a Comment field in the
				// gzip header" (compress's gzhttp, under "RandomJitter
				// works with both gzip and zstd compression:"): what is
				// done to another thing in that case.
				continue
			}
			if nestedLabel(it.body) {
				// "- Methods: `assertMarkdownRenders`: accepts the source
				// text, ..." (Python-Markdown's test tools): an item under
				// a category that names its own key, not what a method is.
				continue
			}
			if !it.ja && labelScope(it.body) {
				// "| extension | Related to one or more of the included
				// extensions. |" (an issue tracker's labels): what the
				// label covers, not what an extension is.
				continue
			}
			if it.option && !glossary.HasCJK(it.body) && !it.code && !it.glossary && !it.typed && !optionDefines(it.body, spellings) {
				// "8.6.3. Options" over "Horizontal: Renders near
				// horizontal edges." (GIMP's filters, and under a
				// Japanese key where their translation left it in
				// English): what a dialog's control does, not what the
				// word means.
				continue
			}
			if !it.glossary && !glossary.HasCJK(it.body) && howToBody(it.body) {
				// "Width: With this choice you can fix the width of the
				// selection.", "Stroke: TODO (work in progress)." (GIMP's
				// dialogs): what to do with a control, or nothing yet.
				continue
			}
			if syntaxTemplate(it.body) {
				// "**Tests:** *name-of-test [name-of-another-test ...]*"
				// (autopkgtest's control fields): how the value is
				// written, not what a test is.
				continue
			}
			if accountBody(it.body, k) {
				// "- list: Mailing list archives and data are owned by
				// this user and group." (a system's accounts): what the
				// account is for, not what a list is.
				continue
			}
			if !it.ja && (strings.HasPrefix(it.body, "Please ") || personActs(it.body, k)) {
				// "GitHub Pages: Please add sphinx.ext.githubpages to your
				// project.", "PyPI: Jannis Leidel wrote a setuptools
				// command ..." (Sphinx's FAQ): what to do, or what someone
				// made for it, not what it is.
				continue
			}
			if !it.ja && !it.glossary && len(sp) > 1 && strings.ToUpper(sp) == sp && strings.ToLower(sp) != sp && k == strings.ToLower(k) && strings.EqualFold(k, sp) && !glossary.Contains(it.body, sp) {
				// "- **css**: Links to css files used by Sphinx" (a
				// template's fields): a field named in lower case, not
				// the acronym ("vts: Configures a VTS channel ..." writes
				// the acronym, and is its item).
				continue
			}
			if !it.ja && !it.glossary && hasAnyPrefixFold(it.body, "before ", "after ", "above ", "below ", "beside ", "next to ") {
				// "| Error | X | red | Before an error |" (a prompt
				// library's icons): where the icon shows, not what an
				// error is.
				continue
			}
			if !it.ja && invitation(it.body) {
				// "[Discord](https://discord.com/...) - Join our discord
				// server and chat with the maintainers.": where to meet
				// the project, not what Discord is.
				continue
			}
			if it.ja && jaSupportStatus(it.body) {
				// "XEmacs" over 「DDSKK 17.1 以降は XEmacs はサポート対象外
				// です。」 (a definition list of platforms): whether it is
				// supported.
				continue
			}
			// "mail: Comes from the e-mail subsystem;": an item of a list
			// written as one sentence ends in a full stop of its own.
			text := strings.TrimRight(it.body, ";,；、 ")
			if text == "" {
				continue
			}
			if pronounGloss(text, it.ja) {
				// "upstream_version: This is the main part of the version
				// number." reads "upstream_version is the main part ...".
				text = namePronoun(text, k, it.ja)
			}
			if w := firstWord(text); !it.ja && (w == "Is" || w == "Are") {
				// "| `SelectResults` | _SelectResults_ | Is an
				// io.ReadCloser object ... |" (minio's API), "RAID1: Is
				// suitable for setups ...": the key is the verb's subject.
				text = k + " " + strings.ToLower(w) + text[len(w):]
			}
			// An English gloss in a Japanese document ends like English,
			// a Japanese one under an English key like Japanese.
			if !glossary.HasCJK(text) {
				text = upperFirst(text)
				if !strings.ContainsAny(text[len(text)-1:], ".!?") {
					text += "."
				}
			} else if !endsSentence(text) {
				text += "。"
			}
			kind := evList
			if !it.ja && !it.glossary && thisActs(it.body) {
				// "- diff: This lets you review what will be committed"
				// (git add's interactive commands): what a command named
				// with the word does; it describes at most.
				kind = evDescribe
			}
			out = append(out, evidence{
				kind: kind, text: capText(text, it.ja), doc: it.doc, line: it.line,
				head: headNoun(it.body, it.ja), ja: it.ja, mentions: !it.param, glossary: it.glossary,
				foreign: !it.ja && ix.docJA[it.doc],
			})
		}
	}
	if ev, ok := expansionEvidence(ix, term, spellings); ok {
		out = append(out, ev)
	}
	if describe != nil {
		out = append(out, *describe)
	}
	if usage != nil {
		docs := map[string]bool{}
		for _, si := range cands {
			docs[ix.sentences[si].doc] = true
		}
		usage.docs = len(docs)
		out = append(out, *usage)
	}
	if slices.ContainsFunc(out, func(e evidence) bool { return e.foreign && e.kind != evUsage }) &&
		slices.ContainsFunc(out, func(e evidence) bool { return !e.foreign && e.kind != evUsage && e.kind != evDescribe }) {
		// A Japanese page's English passage defines the term, and so does
		// its Japanese text: the glossary speaks the page's language.
		out = slices.DeleteFunc(out, func(e evidence) bool { return e.foreign && e.kind != evUsage })
	}
	// A question ("## Read" over "Will something still read from the
	// connection?") asks about the term; it does not say what it is.
	kept := out[:0]
	for _, e := range out {
		if e.kind == evUsage || !isQuestion(e.text) {
			kept = append(kept, e)
		}
	}
	out = kept
	sortEvidence(out)
	for i := range out {
		// Read in 「、」 and 「。」, given back in the document's marks.
		if st, ok := ix.zenLines[out[i].doc][out[i].line]; ok && out[i].ja {
			out[i].text = restyle(out[i].text, st)
		}
	}
	return dedupeEvidence(out), nil
}

// expansionEvidence glosses an abbreviation by the long form the documents
// give it ("Application Binary Interface (ABI)", "ABI (Application Binary
// Interface)", "アプリケーションバイナリインタフェース（ABI）"): the most
// frequent one, the first on ties.
func expansionEvidence(ix *corpusIndex, term string, spellings []string) (evidence, bool) {
	var at []int // the spellings' pairs, in corpus order
	for _, sp := range spellings {
		at = append(at, ix.byShort[sp]...)
	}
	slices.Sort(at)
	at = slices.Compact(at) // two spellings may be equal
	counts := map[string]int{}
	first := map[string]abbrevPair{}
	var order []string
	termKey := normKey(term)
	for _, i := range at {
		p := ix.abbrevs[i]
		if normKey(p.long) == termKey {
			// The term is the long form, "CNCF" its alias: "Short for
			// Cloud Native Computing Foundation" would define it by itself.
			continue
		}
		key := strings.ToLower(p.long)
		if counts[key] == 0 {
			first[key] = p
			order = append(order, key)
		}
		counts[key]++
	}
	best := ""
	for _, k := range order {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	if best == "" {
		return evidence{}, false
	}
	p := first[best]
	ja := ix.docJA[p.doc] || glossary.HasCJK(p.long)
	text := shortForPrefixEN + p.long + "."
	if ja {
		text = p.long + shortForSuffixJA
	}
	return evidence{kind: evExpansion, text: capText(text, ja), doc: p.doc, line: p.line,
		head: headNoun(p.long, ja), ja: ja, mentions: true}, true
}

// introduces reports a sentence that only leads into what follows it, in
// English (see introducesList) or Japanese (see jaIntroducesList).
func introduces(s string, ja bool) bool {
	if ja {
		return jaIntroducesList(s)
	}
	return introducesList(s)
}

// propertyOnly reports an English sentence whose predicate is one
// adjective: "The attributes prefixed with a ? are all optional.",
// "Sessions are stateless.".
func propertyOnly(s string) bool {
	lower := strings.ToLower(strings.TrimRight(s, ".! "))
	at := max(strings.LastIndex(lower, " is "), strings.LastIndex(lower, " are "))
	if at < 0 {
		return false
	}
	rest := strings.Fields(lower[at+1:])[1:]
	for len(rest) > 1 {
		switch rest[0] {
		case "all", "both", "each", "always", "usually", "often", "generally", "normally", "entirely", "fully", "very", "not":
			rest = rest[1:]
			continue
		}
		break
	}
	if len(rest) != 1 {
		return false
	}
	w := rest[0]
	switch w {
	case "required", "optional", "available", "possible", "different", "similar", "same", "ready", "free", "safe",
		"deprecated", "obsolete", "experimental", "stable", "unstable", "immutable", "mutable", "idempotent", "important":
		return true
	}
	for _, suf := range []string{"al", "ive", "ble", "ous", "less", "ful", "ent", "ant"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// jaIntroducesList reports a Japanese sentence that leads into a list or a
// block: 「デフォルト設定は次の通りです。」, 「以下のように書きます：」.
func jaIntroducesList(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "。．.")
	s = s[max(0, len(s)-48):] // the patterns end the sentence
	if strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":") {
		return true
	}
	for _, lead := range []string{"次の", "以下の", "下記の"} {
		i := strings.LastIndex(s, lead)
		if i < 0 {
			continue
		}
		switch strings.TrimSuffix(strings.TrimSuffix(s[i+len(lead):], "です"), "になります") {
		case "通り", "とおり", "ように", "ようになる", "ようになります", "ような", "もの", "ものがある", "ものがあります":
			return true
		}
		// 「トランザクションは以下のようなコードで用います。」, 「次のように
		// 設定します。」: the code or the list after shows it.
		if rest := s[i+len(lead):]; (strings.HasPrefix(rest, "ような") || strings.HasPrefix(rest, "ように")) && utf8.RuneCountInString(rest) <= 20 {
			return true
		}
	}
	return false
}

// jaOpensWithCase reports a Japanese text whose first phrase, up to a
// comma or a space, is a condition: 「何もしなければ 名称未設定.png」.
func jaOpensWithCase(s string) bool {
	i := strings.IndexAny(s, "、 　")
	return i > 0 && endsWithAny(s[:i], "たら", "れば", "なら", "場合は", "ときは")
}

// jaPurpose reports a phrase that ends in what something is for:
// 「半角カタカナとの変換用」, 「開発者向け」. 費用, 利用, 専用 and the like end
// in 用 as nouns of their own.
func jaPurpose(t string) bool {
	if strings.HasSuffix(t, "向け") {
		return utf8.RuneCountInString(t) > 2
	}
	rest, ok := strings.CutSuffix(t, "用")
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return !strings.ContainsRune("費作利適応使採信運引併流通共専汎実有無乱悪登常雇効転代起兼軍商公私日", r)
}

// jaQualifierEndings end a short parenthesis that qualifies the word
// before it: read-only, optional, required, recommended, deprecated.
var jaQualifierEndings = []string{"専用", "のみ", "省略可", "省略可能", "必須", "推奨", "非推奨", "任意", "不可", "可能", "廃止",
	"実験的", "試験的", "非対応", "未対応", "未実装", "既定", "デフォルト", "以外"}

// countBefore reports Japanese text that ends in a count of things: 「2つの」,
// 「3 個の」, 「二つの」.
func countBefore(s string) bool {
	for _, c := range []string{"つの", "個の", "種類の", "本の"} {
		if rest, ok := strings.CutSuffix(s, c); ok {
			rest = strings.TrimRight(rest, " ")
			r, _ := utf8.DecodeLastRuneInString(rest)
			return unicode.IsDigit(r) || strings.ContainsRune("一二三四五六七八九十幾複", r)
		}
	}
	return false
}

// jaNotGloss reports a Japanese parenthetical that is not a gloss of the
// word before it: one that opens with a conjunction (「かつ品詞細分類」, an
// addition), names a condition (「Markdownなら#」, a notation) or ends in a
// verb (「例外を明示できる」, a remark).
func jaNotGloss(inner string) bool {
	if strings.HasPrefix(inner, `"`) || strings.HasPrefix(inner, "“") || strings.HasPrefix(inner, "`") {
		return true // 「削除 ("apt remove ...")」: how it is typed
	}
	if quotedList(inner) {
		return true // 「名前 (「手元の PC」、「dpkg のファイル」)」: examples, quoted
	}
	if !hasHiragana(strings.NewReplacer("と", "", "や", "", "か", "").Replace(inner)) {
		return true // 「ツール (curses と GTK)」: names
	}
	if jaOpensWithCase(inner) {
		return true // 「拡張子 (何もしなければ 名称未設定.png)」: in one case
	}
	if parts := strings.Split(strings.TrimRight(inner, "。 "), "、"); len(parts) >= 3 {
		short := true
		for _, p := range parts {
			if n := utf8.RuneCountInString(strings.TrimSpace(p)); n == 0 || n > 8 || strings.ContainsAny(p, "はがを") {
				short = false
			}
		}
		if short {
			return true // 「単漢字変換 （総画数、部首、部首の読み）」: its kinds, listed
		}
	}
	for _, p := range []string{"して", "する", "され", "ないし", "または", "あるいは", "もしくは", "および", "及び", "や", "それに", "さらに", "そこ", "ここ"} {
		if strings.HasPrefix(inner, p) {
			// 「ファイルをパース (してカーネルを設定) する」: the sentence
			// going on; 「コマンドライン（ないしpo4aの設定行）」,
			// 「コンテキスト (それに、音楽表記と…)」: another one, not what
			// it is; 「終わり近くの音楽 (そこに音符を追加している場所)」:
			// which one, pointed at.
			return true
		}
	}
	t := strings.TrimRight(inner, "。．!！ ")
	switch {
	case endsWithAny(t, "において", "の場合", "のとき", "の時"):
		return true // 「EBUSY (swapon() において)」: where or when, not what
	case endsWithAny(t, "さん", "氏", "様", "のパッチ", "による") || strings.Contains(t, "さんの") || strings.Contains(t, "氏の"):
		return true // 「修正 (沢田石 順さんのパッチ)」: who did it, as change logs credit
	case endsWithAny(t, "を使用", "を利用", "を追加", "を削除", "を修正", "を変更", "に変更", "を指定", "を実行", "で実行"):
		// 「修正 (cleanup_str を使用)」: how it was done, a clause;
		// 「パイプ (同時並行で実行)」: how it runs.
		return true
	case jaPurpose(t):
		return true // 「全角カタカナ(半角カタカナとの変換用)」: what it is for
	case endsWithAny(t, "要確認", "要注意", "に注意", "を確認", "を確認のこと", "に注意のこと"):
		// 「インストールイメージ (ファイル名が .iso で終わっているか要確認)」:
		// what to check, a remark.
		return true
	case endsWithAny(t, "がデフォルト値です", "がデフォルトです", "が既定値です", "がデフォルト値", "が既定値", "がデフォルト"):
		return true // 「大きな引数(c=1000 がデフォルト値です)」: its default, a value
	}
	if t := strings.TrimRight(inner, "。． "); utf8.RuneCountInString(t) <= 10 {
		// 「NTFS (読み込み専用)」, 「ユーザ名 (省略可)」: how it may be
		// used, a qualifier, not what it is.
		for _, q := range jaQualifierEndings {
			if strings.HasSuffix(t, q) {
				return true
			}
		}
	}
	// 「コマンド (「タスク1回実行のスケジュール」参照下さい)」 points elsewhere;
	// 「(regex とともに使用)」 says how it is used.
	for _, c := range []string{"参照", "とともに", "と共に"} {
		if strings.Contains(inner, c) {
			return true
		}
	}
	// 「(Debian カーネルではデフォルト)」, 「(より正確には: CP932)」: where, or
	// more precisely, it is a name or a value; 「(厳密には形態素解析した結果の
	// Token)」 still says what it is.
	for _, c := range []string{"では", "には"} {
		if i := strings.Index(inner, c); i >= 0 && !hasHiragana(inner[i+len(c):]) {
			return true
		}
	}
	if i := strings.Index(inner, "が"); i > 0 && !hasHiragana(inner[:i]) && !hasHiragana(strings.TrimRight(inner[i+len("が"):], "。． ")) {
		// 「ディレクトリ (typeflag が FTW_D)」: when a value is one, a
		// condition, not what it is.
		return true
	}
	for _, c := range []string{"かつ", "および", "及び", "または", "又は", "もしくは", "ならびに", "や", "と", "など", "例えば", "例:", "例：",
		// 「クライアント（通常はブラウザーキャッシュ）」, 「ドメイン（ここでは
		// developer.mozilla.org）」, 「ヘッダー（つまりワイルドカード）」: a remark
		// on this use, or a restatement of the phrase before.
		"通常", "主に", "特に", "たとえば", "一般に", "一般的に", "多くの場合", "ここでは", "この場合", "現在", "つまり", "すなわち",
		"詳細", "詳しく", "参照", "注:", "注：", "※", "訳注", "訳者注", "原注", "訳者:", "訳者：",
		// 「ディストリビューション (少なくともこのパッケージ)」: a hedge;
		// 「メッセージ (最大で vlen 個)」: how many.
		"少なくとも", "最低でも", "あるいは", "むしろ", "最大", "最小", "最低", "最高", "上限", "下限"} {
		if strings.HasPrefix(inner, c) {
			return true
		}
	}
	// 「file (see 第 5.4.3 節…)」 points elsewhere; 「優先度 (1 から 19)」 is a
	// range of values; 「名前 (C 言語で言えば argv[0])」 a likeness;
	// 「ネットワーク (有線と無線の両方)」 the scope of this use.
	if strings.HasPrefix(inner, "see ") || strings.HasPrefix(inner, "See ") || strings.Contains(inner, ", see ") {
		return true
	}
	// 「アプリケーション (LISTEN と記載されます。特に…)」: sentences, a remark;
	// 「ソースコード (ライブラリの使用例)」: an example; 「バイナリパッケージ (前に
	// 説明した .deb ファイル)」: a pointer back; 「パスワード (…ために 2 回)」:
	// how many.
	if i := strings.Index(inner, "。"); i >= 0 && i+len("。") < len(strings.TrimRight(inner, " ")) {
		return true
	}
	if strings.HasSuffix(strings.TrimRight(inner, "。．. "), "例") || strings.Contains(inner, "番目") {
		return true // 「(名前ベースの例の 2 番目の設定)」 points to another example
	}
	for _, c := range []string{"前に説明した", "前述の", "前述した", "上記の", "上述の", "先に述べた", "後述の", "後述する"} {
		if strings.HasPrefix(inner, c) {
			return true
		}
	}
	if jaTopic(inner) != "" {
		return true // 「"family" フィールド (型は sa_family_t)」: a clause about it
	}
	if strings.ContainsFunc(inner, unicode.IsDigit) {
		for _, c := range []string{"以降", "以前", "から", "まで", "で追加", "で導入", "で廃止", "で削除"} {
			if strings.Contains(inner, c) {
				return true // 「このディレクトリ (1.3.57 以降に存在)」: since when
			}
		}
	}
	if t := strings.TrimRight(inner, "。．. "); strings.ContainsFunc(t, unicode.IsDigit) {
		for _, c := range []string{"回", "つ", "個", "件", "秒", "分", "時間", "日", "文字", "バイト", "行", "台", "人"} {
			t = strings.TrimSuffix(t, c)
		}
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, " ")); unicode.IsDigit(r) {
			return true
		}
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(inner, "-−+±")); unicode.IsDigit(r) && (strings.Contains(inner, "から") || strings.ContainsAny(inner, "〜～")) {
		return true
	}
	for _, c := range []string{"で言えば", "でいえば", "で言うと", "でいうと"} {
		if strings.Contains(inner, c) {
			return true
		}
	}
	if jaStatement(inner) {
		return true // 「文字列 (2^16 が長さの上限)」: says something about it
	}
	for _, c := range []string{"両方", "すべて", "全て", "全部"} {
		if strings.HasSuffix(strings.TrimRight(inner, "。．. "), c) {
			return true
		}
	}
	// 「CD-ROM (DVD-ROM を使っても全く同じです)」, 「ユーザ名 (…では必要です
	// が、…では不要です)」: a remark written as a sentence; a gloss that
	// ends in です ends a noun phrase (「…を表す用語です」).
	if body := strings.TrimRight(inner, "。．. "); strings.HasSuffix(body, "です") {
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(body, "です"))
		noun := strings.HasSuffix(body, "ことです") || strings.HasSuffix(body, "ものです") // 「…するもののことです」
		if unicode.Is(unicode.Hiragana, before) && !noun || strings.Contains(body, "ですが") || strings.Contains(body, "ても") {
			return true
		}
	}
	// 「見出し(Markdownなら#)」: how it is written somewhere, not what it is;
	// 「パーソナライズ（表示言語や UI テーマのようなユーザー設定）」: examples.
	for _, c := range []string{"なら", "の場合", "のとき", "の時", "のような", "などの",
		// 「ブラシ (「ピーマン」みたいなもの)」, 「(GIF と同じく 256 色)」: a likeness.
		"みたいな", "と同じ", "と同様"} {
		if strings.Contains(inner, c) {
			return true
		}
	}
	// 「リソース(daemonset、deploymentなど)」 gives examples, 「Jobオブジェクト
	// (新しい処理を見つけるため)」 a purpose.
	trimmed := strings.TrimRight(inner, "。．. ")
	// 「ソースパッケージ (以下に示すファイルの名前も)」: a gloss ends with a
	// noun, not a particle.
	// 「新しいアドレス (IP ベースのバーチャルホストとして)」: a role.
	for _, c := range []string{"も", "を", "に", "が", "は", "で", "へ", "から", "まで", "より", "として"} {
		if strings.HasSuffix(strings.TrimRight(inner, "。．. "), c) {
			return true
		}
	}
	// 「文字 (7 ビットで表現可能)」: what can be done with it.
	// 「ドキュメント (エラーメッセージ、…の出力、等々)」: examples.
	for _, c := range []string{"など", "等", "等々", "ほか", "ため", "ために", "可能", "不可", "必要", "不要", "推奨"} {
		if strings.HasSuffix(trimmed, c) {
			return true
		}
	}
	// 「API (localStorage および sessionStorage)」, 「リソース（CPU、メモリ、
	// および最大Pod数）」, 「オリジン（ドメイン、プロトコル、ポート番号）」
	// enumerate instances or parts.
	for _, c := range []string{"および", "及び", "または", "又は", "ならびに", "もしくは"} {
		if strings.Contains(inner, c) {
			return true
		}
	}
	if jaEnumeration(inner) || jaNamedInstances(inner) {
		return true
	}
	return jaPredicateVerb(inner)
}

// quotedList reports a parenthesis that lists two quotations or more and
// nothing else: examples of the word, not what it is.
func quotedList(inner string) bool {
	parts := strings.FieldsFunc(strings.TrimRight(inner, "。. "), func(r rune) bool { return r == '、' || r == ',' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if !(strings.HasPrefix(p, "「") && strings.HasSuffix(p, "」") || strings.HasPrefix(p, "“") && strings.HasSuffix(p, "”")) {
			return false
		}
	}
	return true
}

// jaNamedInstances reports a list, split by 「、」, whose every part names a
// thing in Latin letters: 「IPv4 用の iptables(8)、IPv6 用の ip6tables(8)」
// gives the tools, not what a tool is.
func jaNamedInstances(s string) bool {
	t := strings.TrimRight(s, "。. ")
	if strings.HasSuffix(t, "こと") || strings.HasSuffix(t, "総称") {
		return false // 「preinst、prerm、postinst そして postrm ファイルのこと」 names them all
	}
	named := strings.Contains(t, "用の") // 「ARP 用の arptables」: the tool for ARP
	if i := strings.LastIndexByte(t, '('); i > 0 && strings.HasSuffix(t, ")") && strings.Trim(t[i+1:len(t)-1], "0123456789") == "" {
		t, named = t[:i], true // 「arptables(8)」: a manual page
	}
	from := strings.LastIndex(t, " ") + 1
	if i := strings.LastIndex(t, "の"); i >= 0 && i+len("の") > from {
		from = i + len("の")
	}
	if last := t[from:]; named && from > 0 && last != "" && isLatinWord(last) {
		// One tool, named; 「厳密には形態素解析した結果のToken」 says what a
		// word is.
		return true
	}
	parts := strings.Split(s, "、")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !strings.ContainsFunc(p, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) {
			return false
		}
	}
	return true
}

// jaScopeClause reports text before a subject that restricts it with a
// clause, 「指定された範囲の中では、」: more than a field's name before では.
func jaScopeClause(lead string) bool {
	i := strings.Index(lead, "では")
	if i < 0 {
		return false
	}
	scope := lead[:i]
	return !jaDocumentScope(scope) && (hasHiragana(scope) || utf8.RuneCountInString(scope) > 8)
}

// jaDocumentScope reports a setting that names the text itself
// (「このマニュアルでは」, 「本書では」, 「ここでは」): what follows holds in the
// whole text, as a definition does.
func jaDocumentScope(scope string) bool {
	if scope == "ここ" {
		return true
	}
	for _, d := range []string{"この", "本", "当"} {
		if rest, ok := strings.CutPrefix(scope, d); ok {
			switch rest {
			case "マニュアル", "文書", "ドキュメント", "ガイド", "手引き", "手引", "書", "章", "節", "ページ", "資料", "仕様書", "仕様", "規約", "説明書", "解説", "記事":
				return true
			}
		}
	}
	return false
}

// jaEnumeration reports a list of short noun phrases: 「ドメイン、プロトコル、
// ポート番号」, 「画像や動画」.
func jaEnumeration(s string) bool {
	var prev rune
	rs := []rune(s)
	for i, r := range rs {
		if r == 'や' && i > 0 && i+1 < len(rs) && !unicode.Is(unicode.Hiragana, prev) && !unicode.Is(unicode.Hiragana, rs[i+1]) {
			return true
		}
		prev = r
	}
	parts := strings.Split(s, "、")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || utf8.RuneCountInString(p) > 15 {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(p)
		if unicode.Is(unicode.Hiragana, last) && utf8.RuneCountInString(p) > 4 {
			return false // a clause, not a noun (「送りあり」 is one)
		}
	}
	return true
}

// jaNotHeadingGloss reports the first sentence of a Japanese section that
// does not say what the heading names: a condition (「…使う場合。」) or a
// statement ending in a verb (「…をインストールします。」).
func jaNotHeadingGloss(s string) bool {
	return jaCondition(s) || jaPredicateVerb(strings.TrimRight(strings.TrimSpace(s), "。．."))
}

// hasAuxiliary reports an English sentence with a form of be, have or do,
// or a modal: a clause, where a noun phrase has none ("A vessel that digs
// channels.").
func hasAuxiliary(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.TrimRight(w, ".,;:") {
		case "is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "do", "did",
			"can", "could", "will", "would", "must", "should", "may", "might", "shall":
			return true
		}
	}
	return false
}

// pronounGloss reports a section's first sentence that says what its
// heading names through a pronoun: 「これは主要なパッケージ管理プログラムで
// す。」, "This is the main package management program.".
func pronounGloss(s string, ja bool) bool {
	if ja {
		if !hasAnyPrefix(s, "これは", "こちらは") {
			return false
		}
		_, ok := jaDefinitionalEnding(strings.TrimRight(strings.TrimSpace(s), "。．."))
		return ok
	}
	l := strings.ToLower(s)
	return hasAnyPrefix(l, "this is a ", "this is an ", "this is the ", "it is a ", "it is an ") && !isQuestion(s)
}

// namePronoun puts name in place of the pronoun a pronounGloss sentence
// opens with.
func namePronoun(s, name string, ja bool) string {
	if ja {
		for _, p := range []string{"これは", "こちらは"} {
			if rest, ok := strings.CutPrefix(s, p); ok {
				if last, _ := utf8.DecodeLastRuneInString(name); last < utf8.RuneSelf {
					return name + " は" + rest
				}
				return name + "は" + rest
			}
		}
		return s
	}
	_, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	return name + " " + rest
}

// jaTopic returns the topic a Japanese sentence opens with, 「Node」 of
// 「NodeはREST APIのリソースです。」: a short noun phrase before the first
// は. It returns "" when the sentence opens otherwise (「ここでは」,
// 「これは」, a clause).
func jaTopic(s string) string {
	i := strings.Index(s, "は")
	if i <= 0 {
		return ""
	}
	topic := strings.TrimSpace(s[:i])
	n := utf8.RuneCountInString(topic)
	if n == 0 || n > 20 && !(n <= 60 && dottedName(topic)) || strings.ContainsAny(topic, "、。,，") {
		// A long API name is one topic all the same:
		// 「JapaneseHolidays.isHoliday は…を判定します。」.
		return ""
	}
	// 「外部変数 `dpversion' は」, 「「旧安定版」は」: a quoted name ends it.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(topic, "'’\"”`」』"))
	if !unicode.In(last, unicode.Han, unicode.Katakana, unicode.Latin) && last != 'ー' && !unicode.IsDigit(last) {
		return ""
	}
	for _, r := range topic {
		if unicode.Is(unicode.Hiragana, r) && r != 'の' {
			return "" // a clause or a phrase with particles other than の
		}
	}
	return topic
}

// settingKinds name what a heading in code may be, a setting (a style, a
// completion context, a build target, a directive), apart from
// what its name also spells.
var settingKinds = toSet("flag option setting variable parameter switch style context target directive")

// dottedName reports an identifier of ASCII letters and digits, dotted or
// not: "JapaneseHolidays.isHoliday".
func dottedName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '.' || c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// actsOn reports a sentence that does something to the term: an English
// one opening with a verb ("Specifies the font to apply.") or a Japanese one
// ending in one with the term as its object (「…フォントを指定します。」).
// An English sentence in a Japanese page (a page partly translated) reads
// as English.
func actsOn(s, sp string) bool {
	hits := glossary.Index(s, sp)
	if len(hits) == 0 {
		return false
	}
	if glossary.HasCJK(s) {
		for _, at := range hits {
			if strings.HasPrefix(s[at+len(sp):], "を") {
				return jaPredicateVerb(s)
			}
		}
		return false
	}
	w := strings.ToLower(firstWord(s))
	return hits[0] > 0 && (enItemVerbs[w] || enControlVerbs[w] || enDescribeVerbs[w] || enSummaryVerbs[w] || verbBeforeDeterminer(s))
}

// verbBeforeDeterminer reports an English sentence that opens with a word
// in "-s" followed by a determiner ("Groups the selected rows.", "Hatches a
// buoy ..."): a verb whose subject is left out, as a command's help does.
// Adverbs in "-s" ("Sometimes the ...") are no verbs.
func verbBeforeDeterminer(s string) bool {
	w0, rest, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok || len(w0) < 4 || !strings.HasSuffix(w0, "s") || endsWithAny(w0, "ss", "us", "is") || enNotVerbsInS[strings.ToLower(w0)] {
		return false
	}
	return enArticles[strings.ToLower(firstWord(rest))] || slices.Contains(enDeterminers, strings.ToLower(firstWord(rest))+" ")
}

// labelLine reports an English paragraph that opens with a short
// capitalised label and a colon, its text going on in lower case: "Series:
// pick the main colour ...", "Low water: check and ...".
func labelLine(s string) bool {
	key, body, ok := strings.Cut(s, ": ")
	if !ok || key == "" || key[0] < 'A' || key[0] > 'Z' || strings.ContainsAny(key, ".,;()`*") || len(strings.Fields(key)) > 4 {
		return false
	}
	return body != "" && body[0] >= 'a' && body[0] <= 'z'
}

// enNotVerbsInS end in "s" and open a sentence as adverbs or conjunctions.
var enNotVerbsInS = toSet(`sometimes always perhaps thus hence unless besides nevertheless regardless nonetheless
	afterwards towards backwards forwards whereas was has does`)

// afterAnotherVerb reports an English sentence in which each of spellings
// first comes after a verb of another subject: "is", "are", "has", "have"
// or a verb of enItemVerbs, with words before it ("Pino's redaction
// functionality is built on ... 2% overhead").
func afterAnotherVerb(s string, spellings []string) bool {
	first := len(s)
	for _, sp := range spellings {
		if hits := glossary.Index(s, sp); len(hits) > 0 && hits[0] < first {
			first = hits[0]
		}
	}
	if first == len(s) || first == 0 {
		return false
	}
	words := strings.Fields(strings.ToLower(s[:first]))
	if w0 := strings.Trim(words[0], ",;:"); enItemVerbs[w0] || enSummaryVerbs[w0] || enControlVerbs[w0] || enDescribeVerbs[w0] {
		// "Creates, edits, or inserts AutoText.": a command's summary,
		// with no other subject.
		return false
	}
	verb := -1
	for i, w := range words {
		if i == 0 {
			continue // a subject comes first
		}
		switch w = strings.Trim(w, ",;:()\"'“”"); w {
		case "is", "are", "was", "were", "has", "have":
			verb = i
		case "must", "should", "can", "cannot", "may", "will":
			// "The window ... must be selected in order to use the menu
			// commands": another subject's modal.
			verb = i
		default:
			if enItemVerbs[w] || enSummaryVerbs[w] || enControlVerbs[w] {
				verb = i
			}
		}
	}
	if verb < 0 {
		return false
	}
	if c := strings.Trim(words[verb], ",;:()\"'“”"); c == "is" || c == "are" || c == "was" || c == "were" {
		// "A fundamental feature of Fastify is the "encapsulation
		// context."", "... is regarded as a comment", "are considered to
		// be template files": the term named as what the subject is.
		naming := true
		for _, w := range words[verb+1:] {
			switch strings.Trim(w, ",;:()\"'“”") {
			case "", "a", "an", "the", "called", "known", "as", "regarded", "considered", "to", "be", "termed", "named", "referred", "simply", "just", "then":
			default:
				naming = false
			}
		}
		if naming {
			return false
		}
	}
	return true
}

// foreign reports a sentence of a passage in English in a Japanese
// document (see blockJA).
func (ix *corpusIndex) foreign(s *sentence) bool { return !s.ja && ix.docJA[s.doc] }

// nativeFirst reports whether describing or usage evidence a is to be
// chosen over b: one in its document's language first, then the more
// informative.
func nativeFirst(a, b evidence) bool {
	if a.foreign != b.foreign {
		return !a.foreign
	}
	return a.score > b.score
}

// otherNameActs reports an English sentence whose subject is a name other
// than the term, with a verb that acts on the term after it: "BudouX also
// offers Web components to integrate ...".
func otherNameActs(s string, spellings []string) bool {
	words := strings.Fields(s)
	if len(words) < 3 {
		return false
	}
	name := trimWord(words[0])
	if name == "" || !strings.ContainsFunc(name, unicode.IsUpper) || enArticles[strings.ToLower(name)] || enParenLeads[strings.ToLower(name)] {
		return false
	}
	for _, sp := range spellings {
		if strings.EqualFold(name, sp) || strings.HasPrefix(strings.ToLower(sp), strings.ToLower(name)+" ") {
			return false
		}
	}
	k := 1
	if w := strings.ToLower(words[k]); w == "also" || w == "now" || w == "then" {
		k++
	}
	v := strings.ToLower(trimWord(words[k]))
	if !enItemVerbs[v] && !enControlVerbs[v] && !enNameActs[v] {
		return false
	}
	rest := strings.Join(words[k+1:], " ")
	for _, sp := range spellings {
		if glossary.Contains(rest, sp) {
			return true
		}
	}
	return false
}

// orNaming returns the noun phrase that a term named after ", or " and
// before a comma renames: "an independent concurrent thread of control"
// in "... as an independent concurrent thread of control, or goroutine,
// within ...". The phrase opens with "a" or "an" and holds no comma (a
// list, "a cat, a dog, or bird", names none).
func orNaming(before, after string) (string, bool) {
	head, ok := strings.CutSuffix(before, ", or ")
	if !ok || !strings.HasPrefix(after, ",") {
		return "", false
	}
	words := strings.Fields(head)
	for k := len(words) - 2; k >= 0 && k >= len(words)-8; k-- {
		w := words[k]
		if strings.ContainsAny(w, ",;:()") {
			return "", false
		}
		if w != "a" && w != "an" {
			continue
		}
		if k > 0 && strings.HasSuffix(words[k-1], ",") {
			return "", false // "a cat, a dog, or bird"
		}
		phrase := strings.Join(words[k:], " ")
		if len(words)-k < 3 {
			return "", false
		}
		return upperFirst(phrase) + ".", true
	}
	return "", false
}

// conditionalComplement reports a copula's complement of at most three
// words that a condition follows: "compile-time constant if the string
// is a constant", "no-op when the queue is empty".
func conditionalComplement(body string) bool {
	w := strings.Fields(body)
	for i := 0; i < len(w) && i <= 3; i++ {
		switch w[i] {
		case "if", "unless":
			return i > 0 && !strings.HasSuffix(w[i-1], ",")
		case "when", "whenever":
			// "any span of time when the water is deep": after a noun
			// of time, "when" opens a relative clause.
			return i == 1
		}
		if strings.ContainsAny(w[i], ",;:()") {
			return false
		}
	}
	return false
}

// ofAnyOwner returns the rest of a sentence from its copula when it opens
// with "of a" or "of an" and at most three lower-case words before "is"
// or "are" (" of an import statement is the string ..."): the subject is
// the term of any owner of that kind. A definite owner ("of the file")
// names one thing, whose value follows.
func ofAnyOwner(rest string) (string, bool) {
	after, ok := strings.CutPrefix(rest, " of a ")
	if !ok {
		if after, ok = strings.CutPrefix(rest, " of an "); !ok {
			return "", false
		}
	}
	words := strings.Fields(after)
	for i := 0; i < len(words) && i < 4; i++ {
		if (words[i] == "is" || words[i] == "are") && i > 0 {
			at := strings.Index(after, " "+words[i]+" ")
			if at < 0 {
				return "", false
			}
			return after[at:], true
		}
		if !isLowerWord(words[i]) {
			return "", false
		}
	}
	return "", false
}

// compoundGoesOn reports an English subject that goes on past the term:
// after "Child logger" in "Child logger bindings are top-level fields", a
// noun and then a copula or a modal; the sentence is about the bindings.
// So it is after "Azure" in "Azure API-key authentication uses ...", nouns
// and a verb of their own.
// The noun may take a short phrase with "of" before the verb ("The
// cookies attribute of request objects is a dictionary", Flask's): the
// sentence is about the attribute.
func compoundGoesOn(rest string) bool {
	words := strings.Fields(rest)
	nounish := func(w string) bool {
		if enStopwords[w] || enAdverbs[w] || strings.HasSuffix(w, "ly") || w == "what" || w == "how" || w == "whether" || w == "why" {
			return false
		}
		return isLowerWord(w) || strings.Contains(strings.Trim(w, "-"), "-") && isLatinWord(w)
	}
	if len(words) < 2 || !nounish(words[0]) {
		return false
	}
	verb := func(w string) bool {
		switch w {
		case "is", "are", "was", "were", "can", "will", "may", "must", "should", "has", "have":
			return true
		}
		return false
	}
	if verb(words[1]) {
		return true
	}
	if words[1] != "of" {
		// "Azure API-key authentication uses Api-Key, ...": two nouns or
		// more, then a verb of their own ("The tidectl command prints
		// ..." names the term's kind).
		for i := 1; i+1 < len(words) && i <= 3; i++ {
			if i >= 2 && (verb(words[i]) || presentVerb(words[i], words[i+1])) {
				return true
			}
			if !nounish(words[i]) {
				return false
			}
		}
		return false
	}
	for i := 2; i < len(words) && i <= 5; i++ {
		if verb(words[i]) {
			return i > 2
		}
		if !isLowerWord(words[i]) {
			return false
		}
	}
	return false
}

// versionNote reports an English sentence that opens with a release: "In
// v2.3, ...", "Since version 1.18, ...", "As of v3.0.0, ...", "In older
// versions of Jinja (before 2.9) ...".
func versionNote(text string) bool {
	for _, p := range []string{"In older versions", "In earlier versions", "In previous versions", "In old versions", "In newer versions", "In recent versions"} {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	for _, p := range []string{"Starting with ", "Starting from ", "Since ", "As of "} {
		// "Starting with Jinja 2.8, it's possible to ...": a product's
		// release.
		if rest, ok := strings.CutPrefix(text, p); ok {
			name, ver, _ := strings.Cut(rest, " ")
			if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && ver != "" && (ver[0] >= '0' && ver[0] <= '9' ||
				len(ver) > 1 && ver[0] == 'v' && ver[1] >= '0' && ver[1] <= '9') {
				return true
			}
		}
	}
	for _, p := range []string{"In v", "In version ", "Since v", "Since version ", "As of v", "As of version ", "Starting with v",
		"Starting with version ", "Starting from v", "From v", "From version "} {
		if rest, ok := strings.CutPrefix(text, p); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
	return false
}

// narration reports an English sentence that tells what the writers did:
// "We discussed ...", "I added ...".
func narration(text string) bool {
	w, rest, _ := strings.Cut(text, " ")
	if w != "We" && w != "I" {
		return false
	}
	v, _, _ := strings.Cut(rest, " ")
	return len(v) > 3 && strings.HasSuffix(v, "ed") && isLowerWord(v) && v != "need" && v != "feed" && v != "seed"
}

// docPartHeading reports a heading that names a part of a document, the
// works it cites or the pages it points to, or a manual page's section
// ("FILES" lists the files, it does not say what a file is).
func docPartHeading(h string) bool {
	h = strings.ToLower(strings.Trim(h, " #*_:：`"))
	return docParts[h]
}

var docParts = toSet("references reference bibliography citations footnotes" +
	" files synopsis diagnostics bugs author authors" + // a manual page's sections
	" 参考文献 参考資料 参考 関連項目 関連リンク 関連資料 参照 脚注 出典 書式 著者 バグ")

// compoundSubject reports an English sentence whose subject is the term
// as the modifier of another noun, then a verb: "The pod role discovers
// all pods ...", "The file provider lets you ...".
func compoundSubject(text, sp string) bool {
	if !isLowerWord(sp) {
		// "The harbour.tide property returns ...": what the named thing
		// does.
		return false
	}
	n, ok := matchSubject(text, sp, false)
	if !ok {
		return false
	}
	words := strings.Fields(text[n:])
	if !slices.ContainsFunc(words[min(2, len(words)):], func(w string) bool {
		w = strings.TrimRight(w, ".,;:")
		return w == sp || w == sp+"s"
	}) {
		// Only a word that the sentence also uses as a noun ("... all
		// pods", "... per cluster node"): "The grep command searches
		// ..." says what grep does.
		return false
	}
	return compoundGoesOn(text[n:]) || len(words) >= 3 && isLowerWord(words[0]) && !strings.HasSuffix(words[0], "s") && !enStopwords[words[0]] &&
		isLowerWord(words[1]) && strings.HasSuffix(words[1], "s") && !strings.HasSuffix(words[1], "ss") && !enStopwords[words[1]]
}

// controlNamedFor reports an English sentence whose subject is a control
// of a program named for the term: "The Fontwork toolbar ...", "The Data
// tab page ...", "The Form Controls toolbar ...".
func controlNamedFor(s string, spellings []string) bool {
	rest, ok := strings.CutPrefix(s, "The ")
	if !ok || rest == "" || rest[0] < 'A' || rest[0] > 'Z' {
		// "The footprint filters tab is used to define ...": the
		// things the tab holds, said in lower case, described.
		return false
	}
	for _, sp := range spellings {
		n, ok := prefixSpelling(rest, sp)
		if !ok || n == 0 || n >= len(rest) || rest[n] != ' ' {
			continue
		}
		next := strings.ToLower(strings.TrimRight(firstWord(rest[n+1:]), ".,;:"))
		if enControlKinds[next] {
			return true
		}
		if enNamedControls[next] && isLowerWord(sp) {
			// "The Tools menu" for tool, "The Styles window" for style:
			// a control whose name is capitalised, not the everyday word
			// ("The tidectl command" is tidectl).
			return true
		}
	}
	return false
}

// jaControlNamedFor reports a Japanese sentence whose topic is a control
// named for the term: 「図形描画 バー上の 曲線 アイコンは…」.
func jaControlNamedFor(s string, spellings []string) bool {
	topic := jaTopic(s)
	for _, kind := range []string{"アイコン", "ツールバー", "タブ"} {
		before, ok := strings.CutSuffix(topic, kind)
		if !ok {
			continue
		}
		before = strings.TrimRight(before, " 　")
		for _, sp := range spellings {
			// The whole name, not the tail of a longer word.
			if before == sp || strings.HasSuffix(before, " "+sp) || strings.HasSuffix(before, "の"+sp) {
				return true
			}
		}
	}
	return false
}

// enControlKinds are the kinds of a program's controls that are named for
// what they hold or do ("The Fontwork toolbar", "The Curve icon"), not the
// thing itself as a menu, a window or a command is ("The Format menu",
// "The Navigator window", "The tidectl command").
var enControlKinds = toSet(`toolbar toolbars tab icon section subsection`)

// enNamedControls are the controls that are the thing named ("The Format
// menu" is Format), which a capitalised name makes other than an everyday
// word ("The Tools menu" is no tool).
var enNamedControls = toSet(`menu window dialog command bar button`)

// definesAnother reports an English sentence that defines its own
// subject: an article, a few words and "is a", "is an" or "are".
func definesAnother(s string) bool {
	words := strings.Fields(s)
	if len(words) < 5 || !opensWithArticle(s) {
		return false
	}
	for i := 2; i < len(words)-1 && i <= 5; i++ {
		w := strings.ToLower(words[i])
		if w == "is" && (strings.EqualFold(words[i+1], "a") || strings.EqualFold(words[i+1], "an")) {
			return true
		}
		if !isLowerWord(strings.TrimRight(w, "-")) && !strings.Contains(w, "-") {
			return false // punctuation or a name: not a plain subject
		}
	}
	return false
}

// longerNameBody reports an item body whose subject is a longer name that
// opens with the key: "NATS Streaming uses ..." under the key NATS. "NATS
// is ..." and "NATS (the server) ..." are about the key.
func longerNameBody(key, body string) bool {
	rest, ok := strings.CutPrefix(body, key+" ")
	if !ok || key == "" {
		return false
	}
	w := strings.TrimRight(firstWord(rest), ".,;:")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w != "Is" && w != "Are" && w != "I"
}

// otherSubject reports an English sentence whose subject, an article and
// a few plain words before an auxiliary or a modal ("A single zone object
// can create ..."), is not the term, nor is the term said of it: a
// statement about something else.
// A gloss is a noun phrase ("A pin which is exclusively an output.").
func otherSubject(s string, spellings []string) bool {
	words := strings.Fields(s)
	if len(words) < 4 || !opensWithArticle(s) {
		return false
	}
	names := func(head string) bool {
		return slices.ContainsFunc(spellings, func(sp string) bool { return glossary.Contains(head, sp) })
	}
	plain := true // no preposition yet: "a validating resolver", not "a list of names"
	for i := 1; i < len(words)-1 && i <= 7; i++ {
		w := strings.ToLower(words[i])
		switch w {
		case "is", "are", "was", "were", "can", "cannot", "will", "must", "should", "may", "might", "would", "could", "has", "have", "does":
			// "An object is hashable if ...", "A working tree is said to
			// be "dirty" ...": the term said of the subject.
			return i > 1 && !names(strings.Join(words[:min(len(words), i+5)], " "))
		case "that", "which", "who", "whose", "where", "when":
			return false
		}
		if plain && i > 1 && i <= 4 && presentVerb(w, strings.ToLower(words[i+1])) {
			// "CPU: a validating resolver executes cryptographic
			// functions ..." (BIND's hardware list): a verb of its own.
			return !names(strings.Join(words[:i+1], " "))
		}
		if !isLowerWord(strings.TrimRight(w, "-")) && !strings.Contains(w, "-") {
			return false // punctuation or a name: not a plain subject
		}
		plain = plain && !nounFollowers[w]
	}
	return false
}

// presentVerb reports w, a word after a subject, as a verb in the third
// person ("executes", "relies") rather than the plural noun a noun phrase
// ends with: the word after it is no relative pronoun, preposition or
// conjunction ("The harbor logs that the master keeps" is a noun phrase).
func presentVerb(w, next string) bool {
	switch w {
	case "relies", "depends", "consists", "belongs":
		return true // "relies on": never a noun
	}
	if !enItemVerbs[w] && !enDescribeVerbs[w] {
		return false
	}
	return !nounFollowers[strings.TrimRight(next, ",.;:")] && !strings.ContainsAny(next, "()")
}

// nounFollowers follow a noun rather than a verb: relative pronouns,
// prepositions, conjunctions and copulas (see presentVerb).
var nounFollowers = toSet("that which who whose where when of for in on at to with from by as and or but is are was were")

// sectionSettings reports an English sentence that opens a section of
// settings with what they do: "This can be set to ...", "This may be
// changed ...", "These settings control ...", "The following options
// ...".
func sectionSettings(s string) bool {
	w := strings.Fields(strings.ToLower(s))
	if len(w) < 3 {
		return false
	}
	if (w[0] == "this" || w[0] == "these" || w[0] == "it") && sectionModals[w[1]] && (w[2] == "be" || w[2] == "also") {
		return true
	}
	switch {
	case w[0] == "these":
		return sectionContents[strings.TrimRight(w[1], ",:")]
	case w[0] == "the" && w[1] == "following":
		return sectionContents[strings.TrimRight(w[2], ",:")]
	}
	return false
}

// sectionModals and sectionContents: see sectionSettings.
var (
	sectionModals   = toSet("can may will should must")
	sectionContents = toSet("settings options commands functions fields parameters variables keys flags switches preferences")
)

// definesShorterName reports an English sentence that opens with the
// first two or more words of a spelling, not all of them, and a copula:
// "B+ tree database is a file ..." under "B+ Tree Database API" says what
// the shorter name is.
func definesShorterName(s string, spellings []string) bool {
	l := strings.ToLower(s)
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(l, a) {
			l = l[len(a):]
			break
		}
	}
	for _, sp := range spellings {
		words := strings.Fields(strings.ToLower(sp))
		for k := len(words) - 1; k >= 2; k-- {
			p := strings.Join(words[:k], " ")
			if strings.HasPrefix(l, p+" is ") || strings.HasPrefix(l, p+" are ") {
				return true
			}
		}
	}
	return false
}

// enNameActs are verbs with which a product or a project does something
// with a thing: "BudouX offers Web components".
var enNameActs = toSet(`offers provides supports uses ships bundles exposes adds comes`)

// enControlVerbs open what a control of a dialog does, beside enItemVerbs.
var enControlVerbs = toSet(`displays shows inserts includes enters chooses assigns changes draws switches toggles opens`)

// onlyAfterPreposition reports whether every mention of the term in the
// English sentence s follows a preposition ("on npm", "with Docker").
func onlyAfterPreposition(s string, spellings []string) bool {
	seen := false
	for _, sp := range spellings {
		for _, at := range glossary.Index(s, sp) {
			seen = true
			words := strings.Fields(s[:at])
			if n := len(words); n > 1 && enObjectDeterminers[strings.ToLower(words[n-1])] {
				// "UUIDs can be generated from the command line": the
				// article between.
				words = words[:n-1]
			}
			if len(words) == 0 || !enLeadPreps[strings.ToLower(words[len(words)-1])] {
				return false
			}
		}
	}
	return seen
}

// enObjectDeterminers open a preposition's object before its noun.
var enObjectDeterminers = toSet(`the a an your its their this that these those our`)

// onlyModifier reports whether every mention of the term in the English
// sentence s is followed by another noun that it qualifies ("database
// engines", "TCP Routers") rather than by a verb of its own, punctuation
// or a function word.
func onlyModifier(s string, spellings []string) bool {
	seen := false
	for _, sp := range spellings {
		for _, at := range glossary.Index(s, sp) {
			seen = true
			rest := s[at+len(sp):]
			if !strings.HasPrefix(rest, " ") {
				return false
			}
			w := firstWord(strings.TrimSpace(rest))
			if l := strings.ToLower(w); w == "" || !isLatinWord(w) || enFunctionWords[l] || enParenLeads[l] || enItemVerbs[w] {
				// "... the Git configuration file contains ...": its verb.
				return false
			}
		}
	}
	return seen
}

// enFunctionWords follow a noun without being qualified by it.
var enFunctionWords = toSet(`a an the that which who whose whom where when while if as than not also can could will would
	shall should must may might do does did has have had it its they after before until since because so then`)

// enLeadPreps are prepositions that put a noun in the role of a place, a
// means or a companion.
var enLeadPreps = toSet(`on in at from via with using into onto through to by for under within across`)

// jaPartTopic reports a sentence whose topic is a part or an aspect of
// the term (「箇条書きの中は…」, 「係留索の長さは…」), not the term or what it
// means (「Podの定義は…」).
func jaPartTopic(s string, spellings []string) bool {
	for _, sp := range spellings {
		rest, ok := strings.CutPrefix(s, sp+"の")
		if !ok {
			continue
		}
		noun, _, ok := strings.Cut(rest, "は")
		if !ok || noun == "" || utf8.RuneCountInString(noun) > 6 || strings.IndexFunc(noun, func(r rune) bool {
			return unicode.IsPunct(r) || unicode.IsSpace(r) || strings.ContainsRune("がをにでともへや", r)
		}) >= 0 {
			continue
		}
		return !jaMeaningNouns[noun]
	}
	return false
}

// jaMeaningNouns after 「…の」 make a topic that still says what the term is.
var jaMeaningNouns = toSet(`定義 意味 概要 正体 役割 目的 本質 特徴`)

// sameModuloChoon reports whether topic names one of spellings but for
// the word-final long-vowel marks that Japanese writers add or drop at
// will (ノードコントローラ, ノードコントローラー; see choonKey).
func sameModuloChoon(topic string, spellings []string) bool {
	fold := func(s string) string { return strings.ToLower(choonKey(s)) }
	t := fold(topic)
	for _, sp := range spellings {
		if f := fold(sp); f != "" && strings.Contains(t, f) {
			return true
		}
	}
	return false
}

// pointsElsewhere reports a sentence that sends the reader to another
// text: "... are provided in the Debian Policy Manual", "... is described
// in Section 5", "... is available here", 「詳細は…を参照してください。」.
func pointsElsewhere(s string, ja bool) bool {
	if label, _, ok := cutLabel(s); ok && referenceWork(label) {
		// "Music Glossary: articulation", 「記譜法リファレンス: …」: links
		// to another manual's pages.
		return true
	}
	if ja {
		t := strings.TrimRight(s, "。．.")
		return endsWithAny(t, "参照してください", "参照下さい", "ご覧ください", "ご覧下さい", "を参照", "をご参照ください")
	}
	l := strings.ToLower(s)
	for _, p := range []string{" are provided in ", " is provided in ", " is described in ", " are described in ",
		" is explained in ", " are explained in ", " is documented in ", " are documented in ", " can be found in ",
		" is covered in ", " are covered in ", " are listed in ", " is given in ", " are given in ",
		// "Its documentation has moved to LaTeX customization."
		" has moved to ", " have moved to ", " has been moved to ", " have been moved to ", " is now documented ",
		// "The full API Reference is available here." (minio-go's README)
		" can be found at ", " can be found here", " is available here", " are available here",
		// "All objects from attrs.converters are also available from
		// attr.converters.": where to import them from.
		" is also available from ", " are also available from ", " is available from ", " are available from ",
		// "The CDN versions of date-fns are available as the
		// @date-fns/cdn package on jsDelivr ...": where to get them.
		" is available as ", " are available as "} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return strings.HasPrefix(l, "see ") || strings.HasPrefix(l, "refer to ") || strings.HasPrefix(l, "for details, see ")
}

// jaRule reports a Japanese sentence that states a rule or asks the reader
// to do something: 「…べきです。」, 「…必要があります。」, 「…してください。」.
func jaRule(s string) bool {
	t := strings.TrimRight(s, "。．.！!")
	return endsWithAny(t, "べきです", "べきである", "べきだ", "必要があります", "必要がある", "なければなりません", "なければならない",
		"てください", "て下さい", "ましょう")
}

// cutLabel splits "Label: rest" (or 「ラベル：…」) with a label of a few
// words at most.
func cutLabel(s string) (label, rest string, ok bool) {
	i := strings.Index(s, ": ")
	size := len(": ")
	if j := strings.Index(s, "："); j > 0 && (i < 0 || j < i) {
		i, size = j, len("：")
	}
	if i <= 0 || utf8.RuneCountInString(s[:i]) > 30 || len(strings.Fields(s[:i])) > 4 {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+size:]), true
}

// shortTitle reports a text short enough to be a page's title: six words,
// or 24 characters of Japanese.
func shortTitle(s string) bool {
	if glossary.HasCJK(s) {
		return utf8.RuneCountInString(s) <= 24
	}
	return len(strings.Fields(s)) <= 6
}

// referenceWork reports a label that names another manual or a list of
// references: "Music Glossary", "Notation Reference", "See also",
// 「音楽用語集」, 「学習マニュアル」.
func referenceWork(label string) bool {
	l := strings.ToLower(strings.Trim(label, "*_` "))
	for _, w := range []string{"glossary", "reference", "manual", "see also", "documentation", "用語集", "リファレンス", "マニュアル", "参照", "関連項目"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	return false
}

// aboutTheText reports an English sentence about the text itself rather
// than its subject: "Let's start by explaining ...", "In this section we
// ...", "This chapter covers ...".
func aboutTheText(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	l = strings.ReplaceAll(l, "’", "'")
	for _, opener := range []string{"first, ", "next, ", "now, ", "then, ", "finally, ", "to start, ", "to begin, "} {
		// "First, let's take a look at the ownership rules."
		l = strings.TrimPrefix(l, opener)
	}
	for _, p := range []string{"let's ", "let us ", "in this section", "in this chapter", "in this guide", "in this page",
		"in this tutorial", "in this article", "this section ", "this chapter ", "this guide ", "this page ", "this tutorial ",
		"this article ", "this document ", "here we ", "here, we ", "we'll ", "we will ", "below, ", "below we ", "the following ",
		"the section below ", "the sections below ", "the table below ", "the example below ", "the examples below ",
		"the list below ", "the next section ", "the previous section ", "this diagram ", "the diagram below ",
		"this figure ", "the figure below ", "this table ", "this example ", "these examples ", "the example ", "the examples ",
		"the above ", "in the example", "in the above "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// pageBlurbWords are the words of a page's description that say what
// kind of page it is.
var pageBlurbWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "of": true, "for": true, "command": true,
	"commands": true, "description": true, "usage": true, "reference": true, "documentation": true, "docs": true,
	"overview": true, "page": true, "options": true, "syntax": true, "examples": true, "example": true, "manual": true}

// pageBlurb reports a sentence made of a name and words that say what a
// page holds ("The config inspect command description and usage",
// "Reference documentation for berth list"): it says nothing of the name.
func pageBlurb(s string) bool {
	if hasWords(s, 13) {
		return false // most sentences: no lower-cased copy to split
	}
	ws := strings.Fields(strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ".")))
	if len(ws) < 2 || len(ws) > 12 {
		return false
	}
	kind := false
	blurb := func(w string) bool {
		kind = kind || w == "description" || w == "usage" || w == "reference" || w == "documentation" || w == "overview"
		return pageBlurbWords[w]
	}
	// The name stands at one end: strip the page's words from the other
	// end and from before the name.
	i, j := 0, len(ws)
	for j > 0 && blurb(ws[j-1]) {
		j--
	}
	if j == len(ws) {
		for i < j && blurb(ws[i]) {
			i++
		}
	} else {
		for i < j && (ws[i] == "the" || ws[i] == "a" || ws[i] == "an") {
			i++
		}
	}
	return kind && j-i >= 1 && j-i <= 4
}

// jaOpensAbout reports a Japanese sentence that opens with sp and a
// particle that makes it the sentence's topic or subject: 「ビルドファイル
// には、…」, 「キューは…」 (not 「文末脚注のアンカーを…」).
func jaOpensAbout(s, sp string) bool {
	rest, ok := strings.CutPrefix(s, sp)
	if !ok {
		return false
	}
	for _, p := range []string{"は", "には", "では", "とは", "が", "も"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// jaAboutTheText reports a Japanese sentence about what the text itself
// does: 「ここでは、…について説明します。」, 「この節では…を紹介します。」.
func jaAboutTheText(s string) bool {
	opens := false
	for _, p := range []string{"ここでは", "この節では", "この章では", "このページでは", "この項では", "本節では", "本章では", "以下では", "次に、", "まず、"} {
		if strings.HasPrefix(s, p) {
			opens = true
			break
		}
	}
	t := strings.TrimRight(s, "。．. ")
	return opens && endsWithAny(t, "説明します", "紹介します", "解説します", "示します", "見ていきます", "述べます", "取り上げます")
}

// jaCondition reports a Japanese text that ends in a condition or a reason:
// 「…使う場合。」, 「…のため」.
func jaCondition(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "。．.")
	return endsWithAny(s, "場合", "とき", "時", "際", "ため")
}

// introducesList reports an English sentence that only leads into what
// follows it: it ends with a colon, with a word that needs a clause after
// it ("... compatible with an old one if") or with a colon and a verb.
func introducesList(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ":") {
		return true
	}
	i := strings.LastIndexByte(s, ' ')
	switch strings.ToLower(s[i+1:]) {
	case "if", "when", "unless", "where", "whether", "and", "or", "that", "because", "following":
		return true
	}
	// "The standard reST inline markup is quite simple: use" over a list
	// of what to use: an instruction cut at its verb.
	return i > 0 && strings.HasSuffix(s[:i], ":") && enImperatives[strings.ToLower(s[i+1:])]
}

// opensWithArticle reports an English sentence that starts with "A", "An"
// or "The".
func opensWithArticle(s string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	switch strings.ToLower(w) {
	case "a", "an", "the":
		return true
	}
	return false
}

// spellingsOf returns the term and its aliases, trimmed, without duplicates,
// longest first so that "Write-Ahead Log" is tried before "Log".
func spellingsOf(term string, aliases []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append([]string{term}, aliases...) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.SliceStable(out[min(1, len(out)):], func(i, j int) bool {
		rest := out[1:]
		return len(rest[i]) > len(rest[j])
	})
	return out
}

// candidateSentences returns, in corpus order, the indexes of the sentences
// that span the occurrences, or when there are none the sentences that
// contain a spelling.
func candidateSentences(ctx context.Context, ix *corpusIndex, spellings []string, occs []glossary.Occurrence) ([]int, error) {
	contains := func(s *sentence) bool {
		for _, sp := range spellings {
			if glossary.Contains(s.text, sp) {
				return true
			}
		}
		return false
	}
	var out []int
	if len(occs) > 0 {
		// The caller checks each sentence for the spellings.
		seen := map[int]bool{}
		for _, o := range occs {
			for _, si := range ix.byLine[o.Document][o.Line] {
				if !seen[si] {
					seen[si] = true
					out = append(out, si)
				}
			}
		}
		sort.Ints(out)
		return out, nil
	}
	for i := range ix.sentences {
		if i%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("scan sentences: %w", err)
			}
		}
		if contains(&ix.sentences[i]) {
			out = append(out, i)
		}
	}
	return out, nil
}

func sortEvidence(evs []evidence) {
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if a.kind != b.kind {
			return a.kind > b.kind
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.line < b.line
	})
}

// dedupeEvidence drops evidence that repeats an earlier one at the same place
// (a heading whose first sentence is also the explicit definition).
func dedupeEvidence(evs []evidence) []evidence {
	type at struct {
		doc  string
		line int
		text string
	}
	seen := map[at]int{}
	out := evs[:0]
	for _, e := range evs {
		k := at{e.doc, e.line, e.text}
		if i, ok := seen[k]; ok {
			// The explicit definition that answers a heading's question
			// keeps the mark of its heading's evidence.
			out[i].answers = out[i].answers || e.answers
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	return out
}

// English determiners that may precede the subject of a definition.
var enDeterminers = []string{"a ", "an ", "the ", "each ", "every ", "any "}

// enSettings are short settings that may come before a defined subject,
// whole; enSettingPlaces the places "in this ..." may name.
var (
	enSettings = toSet(`formally informally technically essentially conceptually roughly broadly generally
		simply_put put_simply in_short in_brief in_general for_our_purposes in_our_terminology`)
	enSettingFirst  = toSet(`in formally informally technically essentially conceptually roughly broadly generally simply put for`)
	enSettingPlaces = toSet(`guide document documentation book chapter section page article tutorial manual
		specification spec context project repository library codebase api system glossary text paper post`)
)

// enSettingLen returns the length of a short setting and its comma at the
// start of text, 0 when there is none: "In this guide, ", "In Kubernetes, ",
// "Informally, ". Connectives ("In exchange, ", "In other words, ") and
// examples ("For example, ", "In the above example, ", "Here, " after a
// sample) are not settings.
func enSettingLen(text string) int {
	i := strings.Index(text[:min(len(text), 50)], ", ")
	if i <= 0 || i > 48 {
		return 0
	}
	lead := text[:i]
	first, _, _ := strings.Cut(lead, " ")
	if !enSettingFirst[strings.ToLower(first)] {
		return 0 // cheap test first: matchSubject runs for every sentence that uses a term
	}
	words := strings.Fields(lead)
	if len(words) > 5 || strings.ContainsAny(lead, ".;:()\"") {
		return 0
	}
	lower := strings.ToLower(lead)
	if enSettings[strings.ReplaceAll(lower, " ", "_")] {
		return i + 2
	}
	if !strings.EqualFold(words[0], "in") || len(words) < 2 {
		return 0
	}
	// "In this guide", "In our documentation".
	if len(words) == 3 && (strings.EqualFold(words[1], "this") || strings.EqualFold(words[1], "these") || strings.EqualFold(words[1], "our")) &&
		enSettingPlaces[strings.ToLower(strings.TrimSuffix(words[2], "s"))] {
		return i + 2
	}
	if enFieldSetting(words[1:]) {
		return i + 2
	}
	// "In Kubernetes", "In Apache Kafka": a product's own terms.
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return 0
		}
	}
	return i + 2
}

// enFieldSetting reports a field of knowledge after "In": "robotics and
// automation", "computer science", "cryptography". Each word is lower
// case; each one before "and"/"or" and the last is a field's name ("-ics",
// "-ology", "-graphy", or one of enFieldWords); others may qualify it
// ("computer science", "distributed computing").
func enFieldSetting(words []string) bool {
	for k, w := range words {
		if w == "and" || w == "or" {
			if k == 0 || k == len(words)-1 {
				return false
			}
			continue
		}
		for _, r := range w {
			if !unicode.IsLower(r) && r != '-' {
				return false
			}
		}
		head := k == len(words)-1 || words[k+1] == "and" || words[k+1] == "or"
		if head && !(strings.HasSuffix(w, "ics") || strings.HasSuffix(w, "ology") || strings.HasSuffix(w, "graphy") || enFieldWords[w]) {
			return false
		}
	}
	return true
}

// enFieldWords name fields of knowledge and practice that the suffixes of
// enFieldSetting miss.
var enFieldWords = toSet(`science sciences engineering automation computing networking programming finance accounting
	law medicine chemistry biology geometry algebra calculus logic philosophy commerce banking telecommunications`)

// enQuotes are the quotes a definition may put around its term, with their
// closing quotes.
var enQuotes = map[string]string{`"`: `"`, "“": "”", "'": "'", "‘": "’"}

// jaQuotedLead reports the setting before a quoted term in a formal
// definition: 「この規約において」, 「本書で」, 「用語集における」.
func jaQuotedLead(lead string) bool {
	for _, l := range []string{"において", "における", "では", "で", "の"} {
		if strings.HasSuffix(lead, l) {
			return true
		}
	}
	return false
}

// jaContrastLeads end a clause that sets something against the
// sentence's subject: 「…に対し、」, 「…とは異なり、」.
var jaContrastLeads = []string{"に対し、", "に対して、", "とは異なり、", "とは違い、", "とは違って、", "と異なり、", "と違い、", "と違って、"}

// jaSummingUp open a sentence that sums up before its subject: 「一言で言えば
// Linux は…カーネルです。」.
var jaSummingUp = []string{"一言で言えば", "一言でいえば", "一言で言うと", "一言でいうと", "簡単に言えば", "簡単にいえば",
	"簡単に言うと", "簡単にいうと", "要するに", "端的に言えば", "端的にいえば", "端的に言うと", "平たく言えば", "手短に言えば"}

// matchSubject reports how many bytes at the start of text (after a
// determiner) spell sp, allowing "sp (OTHER)" and "OTHER (sp)".
func matchSubject(text, sp string, ja bool) (int, bool) {
	off := 0
	closeQuote := ""
	if !ja {
		for _, d := range enDeterminers {
			if len(text) > len(d) && strings.EqualFold(text[:len(d)], d) {
				off = len(d)
				break
			}
		}
		// A short setting before the subject: "In this guide, a
		// manifest is ...", "Here, a shard refers to ...".
		if off == 0 {
			off = enSettingLen(text)
			for _, d := range enDeterminers {
				if len(text) > off+len(d) && strings.EqualFold(text[off:off+len(d)], d) {
					off += len(d)
					break
				}
			}
		}
		// Definitions in terms of service and specifications: "\"Usage
		// Fee\" means ...", "The term \"headword\" refers to ...".
		if off == len("the ") && len(text) > off+len("term ") && strings.EqualFold(text[off:off+len("term ")], "term ") {
			off += len("term ")
		}
		for open, closer := range enQuotes {
			if strings.HasPrefix(text[off:], open) {
				off += len(open)
				closeQuote = closer
				break
			}
		}
		// A sigil the extractor drops from code names: "`$MQTT_sess`
		// stores ..." has MQTT_sess as its subject.
		if rest := text[off:]; len(rest) > 1 && (rest[0] == '$' || rest[0] == '@') && len(sp) > 0 && sp[0] != rest[0] {
			off++
		}
		// A possessive owner: "chi's middlewares are ...".
		if w, _, ok := strings.Cut(text[off:], " "); ok && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) &&
			!strings.EqualFold(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), sp) {
			if n, ok := prefixSpelling(text[off+len(w)+1:], sp); ok && n > 0 {
				off += len(w) + 1
			}
		}
	} else {
		// 「Kubernetesでは、アフィニティは…ルールです。」: a short setting
		// before the subject.
		for _, lead := range []string{"では、", "において、", "では，"} {
			if i := strings.Index(text, lead); i > 0 && i <= 60 && !strings.ContainsAny(text[:i], "、。，") && !jaDemonstrative(text) {
				off = i + len(lead)
				break
			}
		}
		// 「この規約において「利用料金」とは、…をいう。」: the quotes mark
		// the term a legal or formal text defines, whatever the setting
		// before it says.
		if off == 0 {
			if i := strings.Index(text, "「"); i > 0 && i <= 60 && !strings.ContainsAny(text[:i], "、。，「」") && jaQuotedLead(text[:i]) {
				off = i
			}
		}
		// 「他の多くの…が…開発されているのに対し、Debian は…の一つです。」:
		// a clause set against the subject, however long.
		if off == 0 {
			// A scan for the subject after 「、」, then the lead's stem.
			for from := 0; off == 0 && from < len(text); {
				j := strings.Index(text[from:], sp)
				if j < 0 {
					break
				}
				at := from + j
				if strings.HasSuffix(text[:at], "、") {
					for _, lead := range jaContrastLeads {
						if strings.HasSuffix(text[:at], lead) {
							off = at
							break
						}
					}
				}
				from = at + len(sp)
			}
		}
		// 「一言で言えば Linux は…カーネルです。」: a summing-up phrase.
		if off == 0 {
			for _, lead := range jaSummingUp {
				if rest, ok := strings.CutPrefix(text, lead); ok {
					off = len(text) - len(strings.TrimLeft(strings.TrimPrefix(rest, "、"), " "))
					break
				}
			}
		}
		for _, q := range []string{"「", "『"} {
			if strings.HasPrefix(text[off:], q) {
				off += len(q)
			}
		}
	}
	rest := text[off:]
	if n, ok := prefixSpelling(rest, sp); ok {
		if r, _ := utf8.DecodeRuneInString(rest[len(sp):]); !ja && n > len(sp) && !strings.ContainsRune(nameSigns, r) && singularVerbAfter(rest[n:]) {
			// "Requests is an elegant HTTP library", "Links returns the
			// parsed header links": a name spelled like the plural, with
			// a verb for one; not what a request or a link is.
			return 0, false
		}
		if closeQuote != "" {
			if !strings.HasPrefix(rest[n:], closeQuote) || !ja && n != len(sp) && !hasLetter(text[:off]) {
				// "\"retries\" is the number of ...": a name in quotes
				// opening the sentence is spelled as it is, a field, not
				// the plural of retry ("The term \"shore boats\" is used
				// ..." names the term in the plural).
				return 0, false
			}
			n += len(closeQuote)
		}
		n = skipParen(rest, n, ja)
		if !ja {
			n = skipAliasClause(rest, n)
			n = skipAlternative(rest, n)
			n = skipScopeName(rest, n)
			n += enKindNoun(rest[n:], sp)
		} else if !glossary.HasCJK(sp) {
			n = skipJaAppositive(rest, n, sp)
			n += jaKindNoun(rest[n:])
		}
		return off + n, true
	}
	if closeQuote != "" {
		return 0, false
	}
	// "OTHER (sp) ..."
	open := strings.IndexAny(rest, "(（")
	if open <= 0 || open > 120 || strings.ContainsAny(rest[:open], ",.;:、。") {
		return 0, false
	}
	if l := " " + strings.ToLower(rest[:open]); (strings.Contains(l, " is ") || strings.Contains(l, " are ") || strings.Contains(l, " was ") ||
		strings.Contains(l, " were ") || strings.Contains(l, " has ") || strings.Contains(l, " have ")) && !spelledOut(rest[:open], rest[open:]) {
		// "Each document object is made up of a location (URL), a
		// title, ...": a clause, not a name spelled out before the term
		// ("The third kind of object is the LV (Logical Volume), which
		// is ..." spells it out).
		return 0, false
	}
	if w, _, _ := strings.Cut(strings.ToLower(rest), " "); w == "this" || w == "that" || w == "these" || w == "those" ||
		strings.HasPrefix(rest, "この") || strings.HasPrefix(rest, "その") {
		// "This section (home directory) contains ...": what the
		// sentence before named, with the term as its name here.
		return 0, false
	}
	_, size := utf8.DecodeRuneInString(rest[open:])
	closeIdx := strings.IndexAny(rest[open:], ")）")
	if closeIdx < 0 {
		return 0, false
	}
	inner := unmarkedAbbrev(strings.TrimSpace(rest[open+size : open+closeIdx]))
	if !strings.EqualFold(inner, sp) {
		return 0, false
	}
	_, csize := utf8.DecodeRuneInString(rest[open+closeIdx:])
	n := open + closeIdx + csize
	return off + n, true
}

// spelledOut reports an abbreviation and its long form on either side of
// the parenthesis that opens paren: "the LV" before "(Logical Volume)",
// "Uniform Resource Locator" before "(URL)".
func spelledOut(before, paren string) bool {
	inner, _, ok := strings.Cut(strings.TrimLeft(paren, "(（"), ")")
	words := strings.Fields(before)
	if !ok || len(words) == 0 {
		return false
	}
	if last := trimWord(words[len(words)-1]); spellsInitials(last) && initialsMatch(strings.Fields(inner), last) {
		return true
	}
	inner = strings.TrimSpace(inner)
	if !spellsInitials(inner) {
		return false
	}
	for n := 1; n <= len(words) && n <= 2*len(inner)+2; n++ {
		if initialsMatch(words[len(words)-n:], inner) {
			return true
		}
	}
	return false
}

// otherNamePlural reports an item keyed by a word that a name spelled
// like its plural is not: "window — 様々な型の対称ウインドウを計算" for
// Windows (a name with a capital and an "s" is not the plural of a word in
// lower case), "Debian Sources — code search tool" (a site) for Debian
// source. "Marching Ants: Marching ants is a term ...", a glossary's title
// case, names the term in its body: the same thing.
func otherNamePlural(key, sp, body string) bool {
	if key == "" || sp == "" {
		return false
	}
	if spelledAsPlural(sp, key) && unicode.IsUpper(rune(sp[0])) && unicode.IsLower(rune(key[0])) {
		return true
	}
	return namePlural(key, sp) && !glossary.Contains(body, sp)
}

// spelledAsPlural reports p spelled as the English plural of s, "-s" or
// "-es", in any case.
func spelledAsPlural(p, s string) bool {
	return strings.EqualFold(p, s+"s") || strings.EqualFold(p, s+"es")
}

// namePlural reports a key that is a name ending in a capitalised plural
// ("Debian Sources") over a term that ends in the word in lower case
// ("Debian source").
func namePlural(key, sp string) bool {
	if !spelledAsPlural(key, sp) || !strings.Contains(key, " ") {
		return false // a word alone ("Tugs:") is capitalised as an item's first word
	}
	kl, sl := key[strings.LastIndexByte(key, ' ')+1:], sp[strings.LastIndexByte(sp, ' ')+1:]
	return kl != "" && sl != "" && unicode.IsUpper(rune(kl[0])) && unicode.IsLower(rune(sl[0]))
}

// singularPointer reports a text that opens by pointing to one thing:
// "This is ...", "It has ...", 「この規則は…」.
func singularPointer(s string) bool {
	if rest, ok := strings.CutPrefix(s, "この"); ok {
		// 「この規則は…」
		i := strings.Index(rest, "は")
		return i > 0 && utf8.RuneCountInString(rest[:i]) <= 6
	}
	w := strings.Fields(strings.ToLower(s))
	return len(w) >= 2 && (w[0] == "this" || w[0] == "it") && (w[1] == "is" || w[1] == "was" || w[1] == "has")
}

// singularVerbAfter reports whether rest, what follows a subject, opens
// with a verb for one thing: "is", "has", "returns".
func singularVerbAfter(rest string) bool {
	w, _, _ := strings.Cut(strings.TrimPrefix(rest, " "), " ")
	if len(rest) == 0 || rest[0] != ' ' || w == "" {
		return false
	}
	switch w {
	case "is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't", "isn’t", "wasn’t", "hasn’t", "doesn’t":
		return true
	}
	// "returns", "provides": a lower-case word in -s, not -ss, -us or -is.
	return len(w) >= 4 && w[0] >= 'a' && w[0] <= 'z' && strings.HasSuffix(w, "s") &&
		!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// jaKindNouns say what kind of thing the Latin name before them is:
// 「SameSite 属性は」 has SameSite as its subject. Nouns that also make
// compounds with the name of a protocol or a language (「HTTP メソッドは」,
// 「HTML 要素は」, 「Go モジュールは」 are about methods, elements and
// modules, not HTTP, HTML or Go) are not among them.
var jaKindNouns = []string{"属性", "プロパティ", "オプション", "コマンド", "ディレクティブ", "フラグ", "パラメーター", "パラメータ",
	"フィールド", "変数", "演算子"}

// enKindNouns name what kind of code thing a name is: "Buffer objects
// are used to represent ...", "The fs.readFile() function buffers ...".
var enKindNouns = []string{"objects", "object", "instances", "instance", "class", "function", "method", "module", "constructor", "interface"}

// enKindNoun returns the length of "()" and a kind noun (and the spaces
// before them) that rest opens with, after a name written as code (a
// capital or a dot in one word: Buffer, fs.readFile), when a lower-case
// word, the verb, follows: the sentence is about the name. 0 otherwise.
func enKindNoun(rest, sp string) int {
	if sp == "" || strings.ContainsAny(sp, " \t") || !(unicode.IsUpper(rune(sp[0])) || strings.Contains(sp, ".")) {
		return 0
	}
	t := strings.TrimPrefix(rest, "()")
	if !strings.HasPrefix(t, " ") {
		return 0
	}
	for _, k := range enKindNouns {
		after, ok := strings.CutPrefix(t[1:], k+" ")
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(after); !unicode.IsLower(r) || hasAnyPrefix(after, "of ", "to ", "for ", "in ", "and ", "or ", "that ", "which ") {
			return 0
		}
		return len(rest) - len(after) - 1
	}
	return 0
}

// jaKindNoun returns the length of a kind noun (and the space before it)
// that follows a Latin name and comes before its particle (は, とは, が
// or 、), or 0.
func jaKindNoun(rest string) int {
	t := strings.TrimLeft(rest, " ")
	for _, k := range jaKindNouns {
		if after, ok := strings.CutPrefix(t, k); ok && (strings.HasPrefix(after, "は") || strings.HasPrefix(after, "とは")) {
			return len(rest) - len(after)
		}
	}
	return 0
}

// esPlural returns the length of the plural in "-es" or "-ies" of sp that
// s opens with ("Winches are ...", "Policies are ..." for winch and
// policy; "Buses are ...", "Aliases are ..." for bus and alias), 0 when
// s does not open with one.
func esPlural(s, sp string) int {
	l := strings.ToLower(sp)
	var stem, suffix string
	switch {
	case strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "s"), strings.HasSuffix(l, "z"):
		stem, suffix = sp, "es"
	case len(l) > 2 && l[len(l)-1] == 'y' && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		stem, suffix = sp[:len(sp)-1], "ies"
	default:
		return 0
	}
	n := len(stem) + len(suffix)
	if len(s) < n || !strings.EqualFold(s[:len(stem)], stem) || !strings.EqualFold(s[len(stem):n], suffix) {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[n:]); n < len(s) && glossary.ContinuesLatinWord(r) {
		return 0
	}
	return n
}

// prefixSpelling reports whether s starts with sp as a whole term.
func prefixSpelling(s, sp string) (int, bool) {
	if len(s) < len(sp) {
		return 0, false
	}
	acronym := strings.ToUpper(sp) == sp
	if !acronym && !glossary.HasCJK(sp) {
		if n := esPlural(s, sp); n > 0 {
			return n, true
		}
	}
	if acronym || glossary.HasCJK(sp) {
		if !strings.HasPrefix(s, sp) {
			return 0, false
		}
	} else if !strings.EqualFold(s[:len(sp)], sp) {
		return 0, false
	}
	if !glossary.HasCJK(sp) && len(s) > len(sp) {
		r, size := utf8.DecodeRuneInString(s[len(sp):])
		if strings.ContainsRune(nameSigns, r) {
			// "GOsa² is a web based management tool", "Java® is ...": a
			// superscript or a trademark sign goes with the name.
			return len(sp) + size, true
		}
		if glossary.ContinuesLatinWord(r) { // "Secretは、": the particle ends it
			// Allow a plural "s" on English terms.
			if r == 's' && !acronym {
				if len(s) == len(sp)+1 {
					return len(sp) + 1, true
				}
				r2, _ := utf8.DecodeRuneInString(s[len(sp)+1:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
					return len(sp) + 1, true
				}
			}
			return 0, false
		}
	}
	return len(sp), true
}

// skipParen skips a parenthetical right after position n ("WAL (Write-Ahead
// Log) is ..."), returning the new position.
func skipParen(s string, n int, ja bool) int {
	rest := s[n:]
	trimmed := strings.TrimLeft(rest, " ")
	open := "("
	closer := ")"
	if strings.HasPrefix(trimmed, "（") {
		open, closer = "（", "）"
	}
	if !strings.HasPrefix(trimmed, open) {
		return n
	}
	end := strings.Index(trimmed, closer)
	if end < 0 {
		return n
	}
	inner := trimmed[len(open):end]
	// A Japanese gloss in parentheses is evidence of its own, not part of
	// the subject: only skip short (abbreviation-like) parentheticals there,
	// readings, and any that the subject's particle follows
	// (「HTTP (HyperText Transfer Protocol、ハイパーテキスト転送プロトコル) は、…」).
	if ja && !isAbbrev(strings.TrimSpace(inner)) && glossary.HasCJK(inner) && !isReading(inner) &&
		!jaSubjectParticle(trimmed[end+len(closer):]) {
		return n
	}
	return n + (len(rest) - len(trimmed)) + end + len(closer)
}

// enAliasOpeners open an English clause that gives another name of the
// words before it: "A harbor pilot, also known as a marine pilot, guides
// ...", "Dead reckoning, or DR, estimates ...".
var enAliasOpeners = []string{", also known as ", ", also called ", ", aka ", ", a.k.a. ", ", or "}

// skipAliasClause returns n moved past an alias clause that follows the
// subject ending at n, up to and including its closing comma; n itself
// when there is none. "or" counts only before an abbreviation (", or DR,"):
// otherwise it joins two subjects.
func skipAliasClause(s string, n int) int {
	rest := s[n:]
	if !strings.HasPrefix(rest, ", ") {
		return skipAkaName(s, n)
	}
	lower := strings.ToLower(rest[:min(len(rest), 24)])
	for _, o := range enAliasOpeners {
		if !strings.HasPrefix(lower, o) {
			continue
		}
		end := strings.Index(rest[len(o):], ", ")
		if end <= 0 {
			return n
		}
		alias := rest[len(o) : len(o)+end]
		if o == ", or " && !isAbbrev(alias) {
			return n
		}
		if len(strings.Fields(alias)) > 6 {
			return n
		}
		return n + len(o) + end + 1 // the space after the comma stays
	}
	return n
}

// usedToRefer rewrites rest (lower, lower-cased) that opens with " is used
// [in this manual] to refer to ..." or "... to mean ..." as " refers to ..."
// or " means ...".
func usedToRefer(rest, lower string) (string, bool) {
	after, ok := strings.CutPrefix(lower, " is used ")
	if !ok {
		if after, ok = strings.CutPrefix(lower, " are used "); !ok {
			return "", false
		}
	}
	for _, p := range []struct{ verb, as string }{{"to refer to ", " refers to "}, {"to mean ", " means "}, {"to denote ", " denotes "}} {
		i := strings.Index(after, p.verb)
		if i < 0 || i > 40 || strings.ContainsAny(after[:i], ",;.:") {
			continue
		}
		return p.as + rest[len(rest)-len(after)+i+len(p.verb):], true
	}
	return "", false
}

// skipAkaName returns n moved past " aka NAME" after the subject ending at
// n, without commas ("Debian Edu aka Skolelinux is a Linux distribution
// ..."): a name of at most three capitalised words; n itself otherwise.
func skipAkaName(s string, n int) int {
	rest := s[n:]
	var after string
	for _, o := range []string{" aka ", " a.k.a. ", " AKA "} {
		if a, ok := strings.CutPrefix(rest, o); ok {
			after = a
			break
		}
	}
	if after == "" {
		return n
	}
	words := strings.Fields(after)
	k := 0
	for k < len(words) && k < 3 {
		r, _ := utf8.DecodeRuneInString(words[k])
		if !unicode.IsUpper(r) || strings.ContainsAny(words[k], ",.;:") {
			break
		}
		k++
	}
	if k == 0 || k >= len(words) {
		return n
	}
	name := strings.Join(words[:k], " ")
	i := strings.Index(after, name)
	return len(s) - len(after) + i + len(name)
}

// skipJaAppositive returns n moved past an appositive that spells out
// the abbreviation sp ending at n, when the subject's particle follows
// it: 「APT、進化したパッケージツール (Advanced Package Tool) は …」; n
// itself otherwise (「TPS、港 (北岸) は …」 lists).
func skipJaAppositive(s string, n int, sp string) int {
	after, ok := strings.CutPrefix(s[n:], "、")
	if !ok || !isAbbrev(sp) {
		return n
	}
	open := strings.IndexAny(after, "(（")
	if open <= 0 || open > 90 || strings.ContainsAny(after[:open], "、。「」()（）") {
		return n
	}
	_, size := utf8.DecodeRuneInString(after[open:])
	closeIdx := strings.IndexAny(after[open:], ")）")
	if closeIdx < 0 {
		return n
	}
	if inner := after[open+size : open+closeIdx]; !initialsMatch(strings.Fields(inner), sp) {
		return n
	}
	_, csize := utf8.DecodeRuneInString(after[open+closeIdx:])
	end := open + closeIdx + csize
	if !jaSubjectParticle(strings.TrimLeft(after[end:], " ")) {
		return n
	}
	return n + len("、") + end
}

// nameSigns go with the name they follow: "GOsa²", "Java®".
const nameSigns = "¹²³™®"

// skipAlternative skips "or" and another one-word name after the subject
// that ends at position n, when a copula follows: "sid or unstable is the
// place where ..." says what either is.
func skipAlternative(s string, n int) int {
	rest, ok := strings.CutPrefix(s[n:], " or ")
	if !ok {
		return n
	}
	word, after, ok := strings.Cut(rest, " ")
	if !ok || word == "" || strings.ContainsAny(word, ",.;:()") || !hasAnyPrefix(after, "is ", "are ") {
		return n
	}
	return n + len(" or ") + len(word)
}

// skipScopeName skips "in" and a name after the subject that ends at
// position n, when a copula follows: "A type constructor in Rust is any
// generic type ..." says what the term is there, as "In Rust, a type
// constructor is ..." would.
func skipScopeName(s string, n int) int {
	rest, ok := strings.CutPrefix(s[n:], " in ")
	if !ok {
		return n
	}
	w := strings.Fields(rest)
	for k := 0; k < len(w) && k < 3; k++ {
		r, _ := utf8.DecodeRuneInString(w[k])
		if !unicode.IsUpper(r) {
			return n
		}
		if k+1 < len(w) && (w[k+1] == "is" || w[k+1] == "are" || enItemVerbs[w[k+1]] || enDescribeVerbs[w[k+1]]) {
			// "A keymap in ZLE contains ...": a verb of the items' lists
			// after the scope, too.
			return n + len(" in ") + strings.Index(rest, w[k]) + len(w[k])
		}
	}
	return n
}

// enEnumeration reports an English parenthetical that lists things before
// any relative clause: "(the EU and California, with the caveat ...)".
func enEnumeration(lower string) bool {
	if strings.Contains(lower, ", but also ") || strings.HasSuffix(strings.TrimRight(lower, ". "), ", etc") {
		// "the software (the code itself, but also the data ..., the
		// network connections it has established, etc.)"
		return true
	}
	for _, w := range strings.Fields(lower) {
		switch strings.TrimRight(w, ",;:") {
		case "that", "which", "who", "whose", "where", "used", "for", "of":
			return false
		case "and", "or":
			return true
		}
	}
	return false
}

// isReading reports a parenthetical of kana only: the reading of the word
// before it, 「閘室(こうしつ)」.
func isReading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Hiragana, r) && r != 'ー' {
			return false
		}
	}
	return true
}

// jaDocKindLine reports a short line that names a kind of document
// (「リファレンス・マニュアル」, 「ユーザーガイド」): a page's subtitle.
func jaDocKindLine(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), "。．")
	if utf8.RuneCountInString(t) > 20 || strings.ContainsAny(t, "、は") {
		return false
	}
	return endsWithAny(t, "マニュアル", "ガイド", "リファレンス", "ハンドブック", "手引き", "説明書", "チュートリアル", "入門", "解説書")
}

// explicitEvidence matches the definitional sentence patterns for sp.
func explicitEvidence(s *sentence, sp string, hits []int) (evidence, bool) {
	if s.block == blockHeading || codeSubject(s, sp) || !s.ja && nameSubject(s.text, sp) {
		return evidence{}, false
	}
	if !s.ja && capsPlaceholder(s.text, sp) {
		// "LINE is a deprecated method to specify ...": a manual page's
		// argument in capitals, not the word line.
		return evidence{}, false
	}
	if availabilityNote(s.text, s.ja) || s.ja && jaHedged(s.text) {
		// "badblocks is part of the e2fsprogs package and is available
		// from ...", 「… パッケージの一部であり、…から入手できる。」: where
		// to get it; 「bzip2 は、…計算機で、最も良い性能を発揮すると考えら
		// れます。」: what it is thought to do, the copula a misreading.
		return evidence{}, false
	}
	if !s.ja && copulaRunsOn(s.text) {
		// "The layout is The registers are ...": what the copula named
		// was an image or an example the page shows, dropped, and the
		// next paragraph ran into the sentence.
		return evidence{}, false
	}
	if s.block == blockList && len(hits) > 0 {
		// "- 開かれた開発: 他の…に対し、Debian は…の一つです。", "- Open
		// berths: Eastport is a port ...": the item's label is no part
		// of what its sentence says of the term.
		if k, n := itemSeparator(s.text); k > 0 && k+n <= hits[0] && itemLabel(s.text[:k], s.ja) && !glossary.Contains(s.text[:k], sp) &&
			(s.ja || strings.TrimLeft(s.text[k+n:], " ") == s.text[hits[0]:]) {
			c := *s
			c.text = strings.TrimSpace(s.text[k+n:])
			shift := len(s.text) - len(c.text)
			shifted := make([]int, 0, len(hits))
			for _, h := range hits {
				if h >= shift {
					shifted = append(shifted, h-shift)
				}
			}
			s, hits = &c, shifted
		}
	}
	mk := func(body string, strong bool) (evidence, bool) {
		text := s.text
		if introduces(s.text, s.ja) {
			// 「デフォルト設定は次の通りです。」: the list that follows
			// defines it. Checked only on a match: this runs for every
			// sentence that uses a term. "Koa is a middleware framework
			// that can take two kinds of functions as middleware:" says
			// what it is before the list, a kind with its clause.
			t, colon := strings.CutSuffix(strings.TrimSpace(s.text), ":")
			l := strings.ToLower(t)
			if ex, ok := cutExampleLead(t); ok && !s.ja && colon && len(strings.Fields(ex)) >= 6 {
				// "A tuple consists of a number of values separated by
				// commas, for instance:": the sentence is whole; the
				// example follows it.
				return evidence{
					kind: evExplicit, strong: strong, text: capText(ex+".", false), doc: s.doc, line: s.line,
					head: headNoun(body, false), mentions: true,
				}, true
			}
			if s.ja || !colon || !strings.Contains(l, " is a ") && !strings.Contains(l, " is an ") || len(strings.Fields(body)) < 4 {
				return evidence{}, false
			}
			if last := l[strings.LastIndexByte(l, ' ')+1:]; enStopwords[last] || last == "follows" || last == "following" || last == "below" || last == "these" {
				// "event is a constant and can be one of:", "... of the
				// form (...), where:": the sentence goes on in the list.
				return evidence{}, false
			}
			text = t + "."
		}
		if !s.ja {
			// "a host is a machine to be monitored;" (an item of a list
			// written as one sentence): a whole sentence, shown as one.
			if t := strings.TrimRight(text, " "); strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",") {
				text = t[:len(t)-1] + "."
			}
			if hasAnyPrefix(text, "a ", "an ", "the ") {
				text = strings.ToUpper(text[:1]) + text[1:]
			}
		}
		kind := evExplicit
		if !s.ja && hasAnyPrefixFold(text, "each ", "every ") {
			// "Each time is the median of 3 runs", "Each value is an
			// array ... for that directive": what every one is, there;
			// it describes the term at most.
			kind, strong = evDescribe, false
		}
		return evidence{
			kind: kind, strong: strong, text: capText(text, s.ja), doc: s.doc, line: s.line,
			head: headNoun(body, s.ja), ja: s.ja, mentions: true,
		}, true
	}
	if s.ja {
		return japaneseExplicit(s, sp, mk)
	}
	if n, ok := matchSubject(s.text, sp, false); ok && !anaphoricSubject(s.text[:n], sp) {
		rest := s.text[n:]
		relative := false
		if r, ok := ofAnyOwner(rest); ok && strings.HasPrefix(s.text, "The ") {
			// "The specifier of an import statement is the string after
			// the from keyword": what it is for any owner of the kind.
			rest, relative = r, true
		}
		lower := strings.ToLower(rest)
		if r, ok := usedToRefer(rest, lower); ok {
			// "The term \"networked clients\" is used in this manual to
			// refer to both thin clients and ...": what the word means.
			rest = r
			lower = strings.ToLower(rest)
		}
		if after, ok := strings.CutPrefix(lower, " is "); ok {
			if w, kind, ok := strings.Cut(after, " "); ok && copulaAdverbs[w] && hasAnyPrefix(kind, "a ", "an ", "the ") {
				// "A “character set” is basically a mapping between
				// bytes and glyphs": a definition, hedged.
				rest = " is " + rest[len(" is ")+len(w)+1:]
				lower = strings.ToLower(rest)
			}
		}
		for _, p := range []struct {
			prefix string
			strong bool
		}{
			{" is a ", true}, {" is an ", true}, {" is the ", true}, {" is one of ", true}, {" is any ", true},
			{" is defined as ", true}, {" are the ", true}, {" are a ", true}, {" are an ", true},
			{" refers to ", true}, {" refer to ", true}, {" means ", true}, {" stands for ", true},
			{" is short for ", true}, {" is shorthand for ", true}, {" denotes ", true}, {" denote ", true},
			// Informal definitions: "Backpressure is when a consumer ...",
			// "A staging area is where cargo waits ...".
			{" is when ", true}, {" is where ", true}, {" is how ", true}, {" is what ", true},
			{" is just a ", false}, {" is just an ", false}, {" are just ", false}, {" are simply ", false},
			// "An operating system consists of various fundamental
			// programs ...": what it is made of.
			{" consists of ", false}, {" consist of ", false},
			// "A light userdata represents a pointer.": what any is.
			{" represents ", false},
			{", which is ", true}, {", which are ", true}, {", a ", false}, {", an ", false},
		} {
			if strings.HasPrefix(lower, p.prefix) {
				body := rest[len(p.prefix):]
				if (strings.HasPrefix(p.prefix, " consist") || p.prefix == " represents ") && !hasAnyPrefix(s.text, "A ", "An ") {
					// "Each frame consists of one sample per channel.",
					// "The array consists of ...": what one is made of, not
					// what any is.
					break
				}
				if p.prefix == " is any " && (strings.HasPrefix(body, "of ") || strings.HasPrefix(body, "one ") || strings.HasPrefix(body, "longer") ||
					strings.HasPrefix(body, "more") || strings.HasPrefix(body, "other") || strings.HasPrefix(body, "good")) {
					// "The mode is any of the following:", "is any longer":
					// no kind named.
					break
				}
				if (p.prefix == " is the " || p.prefix == " are the ") && notDefiningThe(body) {
					return evidence{}, false
				}
				if strings.HasPrefix(p.prefix, " are ") && strings.HasPrefix(s.text, "The ") && theOnesAtHand(body) {
					// "The Datums are the two indexed values ...", "The
					// numbers are the process start time and the process
					// ID": the ones at hand, counted or listed ("The system
					// catalogs are the place where ..." still defines).
					return evidence{}, false
				}
				if p.prefix == " means " && strings.HasPrefix(strings.ToLower(body), "that ") {
					return evidence{}, false
				}
				if (p.prefix == " stands for " || p.prefix == " is the ") && bareSubject(s.text, n, sp) && isGeneralWord(sp) && !massWord(sp) {
					// "Package stands for pytest plugin to upload results
					// ..." (pytest's plugin list, under one plugin's name),
					// "Function is the outermost frame of the call stack."
					// (Go's assembler flags, TOPFRAME): an everyday word
					// with no article is the one at hand, and what it
					// stands for no expansion.
					return evidence{}, false
				}
				if (p.prefix == " is when " || p.prefix == " is where " || p.prefix == " is how " || p.prefix == " is what ") &&
					strings.HasPrefix(s.text, "The ") {
					// "The traceback is where the importlib loaded data most
					// recently: ...": where the one at hand is; "A staging
					// area is where cargo waits" says what any is.
					return evidence{}, false
				}
				if (p.prefix == ", which is " || p.prefix == ", which are ") && strings.HasPrefix(body, "the ") && notDefiningThe(body[len("the "):]) {
					// "Slotted classes, which are the default for the new
					// APIs, don't play well with ..." (attrs): which one is
					// chosen, in passing.
					return evidence{}, false
				}
				if (p.prefix == ", which is " || p.prefix == ", which are ") && enParticiple(firstWord(body)) {
					// "the innermost scope, which is searched first,
					// contains the local names": what is done to it, in
					// passing, not what it is.
					return evidence{}, false
				}
				if (p.prefix == " is a " || p.prefix == " is the ") && (strings.HasPrefix(body, "part of ") || strings.HasPrefix(body, "member of ")) &&
					!isLowerWord(firstWord(sp)) {
					// "Ajv is a part of Tidelift subscription": what a
					// name belongs to, not what it is ("A component is a
					// part of a path whose ..." defines a word).
					return evidence{}, false
				}
				if p.prefix == " is one of " && pointsBack(body) {
					// "Configuration is one of these ways.": of what the
					// sentence before listed, not what it is.
					return evidence{}, false
				}
				if p.prefix == " is one of " && hasAnyPrefixFold(body, "the most ", "the best ", "the biggest ", "the greatest ", "the largest ",
					"the finest ", "the strongest ", "the coolest ") {
					// "The tide table is one of the most useful inventions
					// of harbour work": how it ranks, not what it is.
					return evidence{}, false
				}
				if len(strings.Fields(body)) < 2 {
					return evidence{}, false
				}
				if p.prefix == " is a " && enDegree(body) {
					return evidence{}, false // "The process is a bit different ...": how it is
				}
				if (strings.HasPrefix(p.prefix, " is ") || p.prefix == " denotes " || p.prefix == " denote ") && conditionalComplement(body) {
					// "The length is a compile-time constant if the string is
					// a constant.", "An alias denotes a named type if the
					// type given in the alias declaration is a named type."
					// (Go's spec): what it is in one case.
					return evidence{}, false
				}
				if strings.HasPrefix(p.prefix, " is ") && namesItself(body, sp) {
					// "symbol is the exported symbol (which, for C++,
					// ...)", "The rule is a qualified ALSO rule": one of
					// them, classified, not what it is.
					return evidence{}, false
				}
				if (p.prefix == " is the " || p.prefix == " are the ") && (ofChoice(body) || preferredWay(body)) {
					// "Git is the tool of choice these days for ...", "The
					// relabeling phase is the preferred and more powerful
					// way to filter containers.": a verdict, as "a good
					// choice" is.
					return evidence{}, false
				}
				if (p.prefix == " is a " || p.prefix == " is an " || p.prefix == " are a " || p.prefix == " are an ") && enVerdict(body) {
					// "Linear is a good choice.", "Thin clients are a good
					// way to still make use of very old machines": a
					// verdict, not what it is.
					return evidence{}, false
				}
				if strings.HasPrefix(p.prefix, ", a") {
					body = strings.TrimPrefix(p.prefix, ", ") + body
				}
				if relative && !hasAnyPrefix(p.prefix, " is a ", " is an ", " is the ", " are the ", " are a ", " are an ") {
					return evidence{}, false
				}
				if forThis(body) {
					// "quilt is the recommended tool for this.": for what
					// the sentence before said; it describes at most.
					ev, ok := mk(body, false)
					ev.kind = evDescribe
					return ev, ok
				}
				return mk(body, p.strong && !relative)
			}
		}
		// "Swap is scratch space for an operating system, ...": a bare
		// noun phrase with a modifier after it.
		// A subject in lower case is a field of a format ("status is
		// concatenated status characters for each parent").
		if strings.HasPrefix(lower, " is ") && !startsLower(s.text) && !strings.HasPrefix(s.text, "The ") && enBareNounPhrase(rest[len(" is "):]) {
			return mk(rest[len(" is "):], false)
		}
		// "Ordered consumers are lightweight views of a stream": a plural
		// subject and a noun phrase.
		if strings.HasPrefix(lower, " are ") && pluralSubject(s.text[:n], sp) {
			if body := rest[len(" are "):]; pluralBody(body) {
				return mk(body, false)
			}
		}
	}
	// A naming after "or": "... as an independent concurrent thread of
	// control, or goroutine, within the same address space."
	for _, at := range hits {
		if phrase, ok := orNaming(s.text[:at], s.text[at+len(sp):]); ok {
			return mk(phrase, false)
		}
	}
	// Appositive in the middle of a sentence: "... the Quillmoor
	// Foundation, a non-profit organization that ...".
	for _, at := range hits {
		if m := s.text[at:min(at+len(sp), len(s.text))]; strings.ToLower(sp) != sp && m == strings.ToLower(m) {
			// "(file manager, window manager, session manager, a panel
			// ...)": the name Manager is not the common noun written in
			// lower case.
			continue
		}
		if at == 0 || !appositiveSubject(s.text[:at]) || afterIndefinite(s.text[:at]) || !enGlossedHere(s.text[:at], sp) ||
			isLowerWord(sp) && afterPrepositionObject(s.text[:at]) || keyedPrepositionObject(s.text[:at]) ||
			inRelativeClause(s.text[:at]) {
			// "(file manager, window manager, session manager, a panel
			// ...)": after a modifier the appositive is about the
			// compound.
			continue
		}
		rest := s.text[at+len(sp):]
		for _, p := range []string{", a ", ", an "} {
			if strings.HasPrefix(rest, p) {
				body := rest[len(p):]
				if cut := strings.IndexAny(body, ",;"); cut >= 0 {
					after := strings.TrimLeft(body[cut+1:], " ")
					if body[cut] == ',' && (strings.HasPrefix(after, "or ") || strings.HasPrefix(after, "and ") ||
						strings.Contains(after, ", and ") || strings.Contains(after, ", or ") ||
						strings.Contains(after, " and so on") || strings.Contains(after, " etc.")) {
						// "hostile SQL, a hostile database file, or
						// only hostile data", "the snapshot ID, a
						// description, the volume ID, and ...": a list,
						// not an appositive.
						break
					}
					body = body[:cut]
				}
				if glossary.Contains(body, sp) {
					// "a file modified in the working tree, a file added
					// to the working tree, but also ...": phrases in a
					// row, each naming the term, not an appositive.
					break
				}
				if enumerationTail(body) {
					// "rotate the active layer, a selection or a path":
					// the last two of three things, not an appositive.
					break
				}
				if len(strings.Fields(body)) >= 3 && !clauseBody(body) && !finiteBeforeRelative(body) {
					return mk(body, false)
				}
			}
		}
	}
	return evidence{}, false
}

// enBareNounPhrase reports a copula's body that is a noun phrase without
// an article, two or three words long and followed by what it is for or
// of: "scratch space for an operating system", "free software that ...".
// An adverb, a negation, a preposition or an adjective's or participle's
// ending in the phrase makes it a property instead ("also responsible
// for", "enabled by default for", "fully compatible with").
func enBareNounPhrase(body string) bool {
	w := strings.Fields(strings.ToLower(body))
	k := -1
	for i, x := range w {
		if i > 3 {
			return false
		}
		if strings.HasSuffix(x, ",") {
			if i+1 < len(w) && (w[i+1] == "which" || w[i+1] == "that") && i >= 1 {
				k = i + 1
			}
			break
		}
		if enPostModifier[x] {
			k = i
			break
		}
	}
	if k < 2 || k+1 >= len(w) {
		return false
	}
	for i, x := range w[:k] {
		x = strings.TrimRight(x, ",")
		if enNotInBareNP[x] || strings.HasSuffix(x, "ly") || strings.ContainsAny(x, "\"'“”`()0123456789") {
			return false
		}
		if i == 0 && strings.HasSuffix(x, "ing") {
			return false // "is running inside of ...": what it is doing
		}
		if strings.HasSuffix(x, ":") || i == 0 && strings.HasSuffix(x, "ed") && !strings.Contains(x, "-") {
			// "Selection is linked: Position of ...": a state, then
			// what it does.
			return false
		}
		if i == k-1 {
			for _, end := range []string{"ed", "ing", "able", "ible", "ful", "ous", "ive", "less", "ish"} {
				if strings.HasSuffix(x, end) {
					return false
				}
			}
		}
	}
	return true
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// enPostModifier words follow a noun phrase to say what it is for or of.
var enPostModifier = map[string]bool{"for": true, "of": true, "that": true, "which": true, "whose": true,
	"used": true, "designed": true, "intended": true, "built": true, "written": true}

// enNotInBareNP are the words that make "X is A B for ..." a property
// rather than a noun phrase.
var enNotInBareNP = map[string]bool{
	"not": true, "also": true, "now": true, "still": true, "only": true, "always": true, "often": true, "never": true,
	"already": true, "very": true, "quite": true, "too": true, "so": true, "much": true, "more": true, "less": true,
	"most": true, "least": true, "pretty": true, "rather": true, "just": true, "even": true, "then": true, "here": true,
	"there": true, "available": true, "able": true, "by": true, "to": true, "in": true, "on": true, "at": true,
	"from": true, "with": true, "as": true, "a": true, "an": true, "the": true, "this": true, "that": true,
	"these": true, "those": true, "its": true, "their": true, "our": true, "your": true, "my": true, "his": true,
	"her": true, "no": true, "all": true, "both": true, "each": true, "every": true, "some": true, "any": true,
	"one": true, "part": true, "default": true, "true": true, "false": true, "set": true, "similar": true,
	"same": true, "different": true, "equal": true, "responsible": true, "necessary": true, "required": true,
	"important": true, "useful": true, "up": true, "out": true, "off": true, "over": true,
	"about": true, "into": true, "if": true, "when": true, "and": true, "or": true, "but": true, "how": true,
	"what": true, "where": true, "why": true, "who": true, "because": true, "unless": true, "until": true,
}

// theOnesAtHand reports the body of "The Xs are the ..." that counts,
// ranks or lists them: "two indexed values", "easiest to use", "the start
// time and the process ID".
func theOnesAtHand(body string) bool {
	w := strings.Fields(strings.ToLower(body))
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "two", "three", "four", "five", "both", "first", "last", "only", "same", "following", "most", "least", "best", "worst":
		return true
	}
	if strings.HasSuffix(w[0], "est") && len(w[0]) > 5 {
		return true // "easiest", "simplest"
	}
	first, _, _ := strings.Cut(strings.ToLower(body), ",")
	return strings.Contains(first, " and the ")
}

// namesItself reports a copula's body whose leading noun phrase ends with
// the term itself: "the exported symbol (...)" of "symbol is ...".
func namesItself(body, sp string) bool {
	np := strings.ToLower(body)
	if i := strings.IndexAny(np, ",(;:"); i >= 0 {
		np = np[:i]
	}
	for _, w := range []string{" that ", " which ", " who ", " whose ", " where ", " of ", " for ", " in ", " with ", " to ", " used ", " from ", " on ",
		" by ", " at ", " if ", " when ", " unless "} {
		if i := strings.Index(np, w); i >= 0 {
			np = np[:i]
		}
	}
	for _, w := range []string{" but ", " and ", " or "} {
		if i := strings.Index(np, w); i >= 0 {
			np = np[:i]
		}
	}
	np = strings.TrimRight(strings.TrimSpace(np), ".")
	l := strings.ToLower(sp)
	if rest, ok := strings.CutPrefix(np, l+" "); ok && !strings.Contains(rest, " ") {
		// "A Pointer is a pointer type but ...": the term as the modifier
		// of its own kind says nothing of what it is.
		return true
	}
	// "The pattern is a pattern that is to be used ...": the body (after
	// its article) is the term again.
	return np == l || np == l+"s" || strings.HasSuffix(np, " "+l) || strings.HasSuffix(np, " "+l+"s")
}

// judgesTerm reports an English sentence whose subject is sp and that only
// judges it ("Unicode is a big deal in Babel.") or recommends it
// ("Virtualenv is probably what you want to use during development"):
// under a heading named for the term it still says nothing of what it is.
func judgesTerm(text, sp string) bool {
	n, ok := matchSubject(text, sp, false)
	if !ok {
		return false
	}
	rest, ok := strings.CutPrefix(text[n:], " is ")
	if !ok {
		// "Access logs are a key part of observability in Traefik."
		if rest, ok = strings.CutPrefix(text[n:], " are "); !ok {
			return false
		}
	}
	rest = strings.ToLower(rest)
	if w, after, ok := strings.Cut(rest, " "); ok && (copulaAdverbs[w] || w == "probably") {
		rest = after
	}
	if strings.HasPrefix(rest, "what you want") || strings.HasPrefix(rest, "what you need") {
		return true
	}
	if strings.HasPrefix(rest, "not ") {
		// "### Selection" over "Selection is not part of the svcbackend
		// wire protocol.": what it is not.
		return true
	}
	for _, a := range []string{"a ", "an "} {
		if body, ok := strings.CutPrefix(rest, a); ok {
			return enVerdict(body)
		}
	}
	return false
}

// easeClause reports an English sentence that opens with a dummy "it"
// and an adjective of ease: "It's easy to use ...", "It is possible to
// ...".
func easeClause(text string) bool {
	l := strings.ToLower(text)
	for _, lead := range []string{"it's ", "it’s ", "it is "} {
		if rest, ok := strings.CutPrefix(l, lead); ok {
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "very "), "also ")
			w, after, ok := strings.Cut(rest, " ")
			return ok && strings.HasPrefix(after, "to ") && enEaseWords[w]
		}
	}
	return false
}

// enEaseWords say how easy or possible something is.
var enEaseWords = toSet(`easy simple trivial straightforward possible hard difficult convenient quick`)

// projectStatus are words that say how a project stands.
var projectStatus = toSet(`stable mature young new old active inactive dormant experimental deprecated unmaintained maintained
	archived finished complete completed abandoned independent open-source opensource open source free community
	community-driven community-run volunteer-run non-profit nonprofit official unofficial personal hobby side`)

// enVerdict reports a body that only judges: "good choice", "great idea
// for small ports", "bad fit".
func enVerdict(body string) bool {
	w := strings.Fields(strings.ToLower(strings.TrimRight(body, ".!")))
	if len(w) == 0 {
		return false
	}
	for i, x := range w {
		if i >= 6 || x == "that" || x == "which" || x == "of" || x == "for" {
			break
		}
		if t := strings.TrimRight(x, ",;:"); i > 0 && (t == "subject" || t == "topic" || t == "matter" || t == "deal" && w[i-1] == "big") {
			// "Security is a vast and very sensitive subject, so we
			// cannot ...": how large a subject, not what it is.
			return true
		}
		if strings.HasSuffix(x, ",") {
			break
		}
	}
	if len(w) <= 3 && enRelational[w[len(w)-1]] && !hasUpperWord(body) {
		// "base64 is a modern alternative.": to what the sentence before
		// named; without its other side the relation says nothing of
		// what it is.
		return true
	}
	if k := slices.IndexFunc(w, func(x string) bool { return strings.TrimRight(x, ",;") == "project" }); k > 0 && k <= 3 &&
		!slices.ContainsFunc(w[:k], func(x string) bool { return !projectStatus[x] }) &&
		(k == len(w)-1 || strings.HasSuffix(w[k], ",") || w[k+1] == "and" || w[k+1] == "but" || w[k+1] == "so") {
		// "ioredis is a stable project and maintenance is done on a
		// best-effort basis ...", "Mocha is an independent open-source
		// project, maintained exclusively by volunteers.": how the
		// project stands, not what it is ("... is a robust,
		// full-featured Redis client" further on).
		return true
	}
	if len(w) > 1 && (w[0] == "key" || w[0] == "important" || w[0] == "critical" || w[0] == "essential" || w[0] == "vital" ||
		w[0] == "integral" || w[0] == "crucial") && (w[1] == "part" || w[1] == "aspect") {
		// "Security is a key part of Traefik Proxy.", "Logs are a key
		// part of observability": how much it matters, not what it is
		// ("etcd is a core component of Kubernetes that stores ..."
		// says what etcd is).
		return true
	}
	switch w[0] {
	case "no-op":
		return true // "Push is a no-op for Subversion subrepositories.": what it does there
	case "good", "great", "nice", "bad", "better", "poor", "excellent", "reasonable", "sensible", "safe", "wise", "fine", "perfect", "handy":
	case "valid", "legitimate", "common", "normal", "useful", "convenient":
		// "An octopus is a valid thing to do": whether to do it; "a
		// valid path", "a common format" say what one is.
		if len(w) < 2 {
			return false
		}
		switch strings.TrimRight(w[1], ",;") {
		case "thing", "way", "choice", "idea", "practice", "option":
			return true
		}
		return false
	case "experimental", "deprecated", "obsolete":
		// "The scorer is an experimental feature.": its status.
		return len(w) > 1 && (strings.HasPrefix(w[1], "feature") || w[1] == "function" || w[1] == "option" || w[1] == "api" || w[1] == "module")
	default:
		return false
	}
	if len(w) <= 3 {
		return true
	}
	switch strings.TrimRight(w[1], ",;") {
	case "choice", "idea", "option", "fit", "way", "start", "pick", "bet", "candidate", "practice", "thing", "habit", "compromise",
		// "The i18n extension is a good example of why extensions are
		// useful." (Jinja's): what it shows, not what it is.
		"example", "alternative", "reason":
		return true
	}
	return false
}

// preferredWay reports a body after "is the" that names the way to choose:
// "preferred and more powerful way to filter containers", "easiest way
// to ...", "recommended method".
func preferredWay(body string) bool {
	w := strings.Fields(strings.ToLower(body))
	if len(w) < 2 {
		return false
	}
	switch w[0] {
	case "preferred", "recommended", "easiest", "simplest", "best", "fastest", "quickest", "safest", "most":
	default:
		return false
	}
	for _, x := range w[1:min(len(w), 5)] {
		switch strings.TrimRight(x, ",;.") {
		case "way", "ways", "choice", "option", "method", "approach", "means":
			return true
		}
	}
	return false
}

// ofChoice reports a body that opens with "<noun> of choice" ("tool of
// choice", "editor of choice").
func ofChoice(body string) bool {
	w := strings.Fields(strings.ToLower(body))
	for i := 1; i+1 < len(w) && i <= 2; i++ {
		if w[i] == "of" && strings.TrimRight(w[i+1], ",.;") == "choice" {
			return true
		}
	}
	return false
}

// cutExampleLead returns s without the ", for instance" or ", for
// example" it ends with, which opens the example after it.
func cutExampleLead(s string) (string, bool) {
	for _, e := range []string{", for instance", ", for example", ", e.g."} {
		if len(s) > len(e) && strings.EqualFold(s[len(s)-len(e):], e) {
			return s[:len(s)-len(e)], true
		}
	}
	return s, false
}

// opensExample reports a sentence that opens as an example: 「例えば、」,
// "For example,".
func opensExample(s string, ja bool) bool {
	if ja {
		return hasAnyPrefix(s, "例えば", "たとえば", "例として", "一例として")
	}
	return hasAnyPrefixFold(s, "for example", "for instance", "e.g.", "as an example")
}

// pathsOnly reports an item's text of file paths and names alone, joined
// by commas or "and": "Lib/asyncio/", "src/a.c and src/b.c".
func pathsOnly(body string) bool {
	if !strings.ContainsAny(body, "/\\.") || strings.Count(body, " ") > 12 {
		return false // cheap test first: this runs for every item of a term
	}
	n := 0
	// "Lib/posixpath.py (for POSIX) and Lib/ntpath.py (for Windows)": the
	// remarks in parentheses say which is which.
	body = parenRemark.ReplaceAllString(body, "")
	for _, w := range strings.Fields(strings.TrimRight(body, ".。 ")) {
		w = strings.TrimRight(w, ",;")
		switch {
		case w == "and" || w == "or" || w == "&":
		case n > 0 && (w == "directory" || w == "directories" || w == "folder" || w == "folders"):
			// "[`rust/`](./rust) directory (`cargo add bullmq`)": where
			// the code is, a directory.
		case glossary.HasCJK(w):
			return false // 「表示/非表示/ソートの…を表示。」: words
		case strings.ContainsAny(w, "/\\") || filePattern.MatchString(w):
			n++
		default:
			return false
		}
	}
	return n > 0
}

// parenRemark matches a parenthesis with no parenthesis inside it.
var parenRemark = regexp.MustCompile(`\s*\([^()]*\)`)

// filePattern matches a file name with an extension: "thread.py",
// "README.md".
var filePattern = regexp.MustCompile(`^[\w.-]+\.[A-Za-z][A-Za-z0-9]{0,5}$`)

// valuesOnly reports an item's text that opens with the values its key
// takes: "two possible values: ...", "Possible values are ...", "One of:".
func valuesOnly(body string) bool {
	l := body
	if w, rest, ok := strings.Cut(l, " "); ok && (slices.ContainsFunc(enCountWords, func(c string) bool { return strings.EqualFold(w, c) }) ||
		w != "" && w[0] >= '0' && w[0] <= '9') {
		l = rest
	}
	return hasAnyPrefixFold(l, "possible values", "allowed values", "valid values", "accepted values", "one of:", "one of the following")
}

// namedExamples reports an item's body that opens with names, each
// capitalised, separated by commas: "Nginx, Apache with CORS modules".
// "Servers that store messages, in order" opens with a noun phrase.
func namedExamples(body string) bool {
	if strings.Contains(body, "(") {
		// "HTML (including Windows HTML Help), LaTeX (for printable PDF
		// versions), ePub": each name with a remark.
		body = withoutParens(body)
	}
	parts := strings.Split(body, ", ")
	if len(parts) < 2 {
		return false
	}
	first := strings.Fields(parts[0])
	if len(first) == 0 || len(first) > 3 {
		return false
	}
	for _, w := range first {
		if !isUpperASCII(w[0]) {
			return false
		}
	}
	next := strings.TrimSpace(parts[1])
	return next != "" && isUpperASCII(next[0])
}

// namesOnly reports an item's body that lists three words or more and
// nothing else: "skip, skipif, xfail".
func namesOnly(body string) bool {
	parts := strings.Split(strings.TrimRight(strings.TrimSpace(body), ";.,"), ", ")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimPrefix(strings.TrimSpace(p), "and ")
		p = strings.TrimPrefix(p, "or ")
		if p == "" || strings.ContainsAny(p, " ()") {
			return false
		}
	}
	return true
}

// valueLiteral reports an item's body that is one value, a quoted string
// ('jwt not active', "berth"); itemBody already turns away a number or a
// date ("date: 2018-10-04T16:10:44.000Z").
func valueLiteral(body string) bool {
	b := strings.TrimRight(strings.TrimSpace(body), ",;.。")
	if len(b) < 2 {
		return false
	}
	q := b[0]
	return (q == '\'' || q == '"') && b[len(b)-1] == q && strings.IndexByte(b[1:len(b)-1], q) < 0
}

// itemLabel reports the label of a list item before its sentence: a few
// words, not an example's ("Example:", 「例:」), whose sentence is an
// instance.
func itemLabel(label string, ja bool) bool {
	if literalLabel(label) {
		// "42 / 123_456: Integers are whole numbers ..." (Jinja's
		// literals): examples of the kind the sentence defines.
		return true
	}
	l := strings.ToLower(strings.Trim(label, "*_ "))
	if l == "" || strings.ContainsAny(l, ".。!?") || strings.HasPrefix(l, "example") || strings.HasPrefix(l, "e.g") ||
		strings.HasPrefix(l, "for example") || strings.HasPrefix(l, "例") || strings.Contains(l, "例えば") {
		return false
	}
	if ja && glossary.HasCJK(l) {
		return utf8.RuneCountInString(l) <= 20
	}
	// Words, not an identifier ("MATCH_KEYS: TOS is a tuple of mapping
	// keys ...": the opcode's item, and what TOS holds there).
	return strings.Contains(l, " ") && !strings.ContainsAny(l, "_`") && len(strings.Fields(l)) <= 5
}

// literalLabel reports a label of literal values, numbers or quoted
// strings separated by slashes: "42 / 123_456", "42.23 / 42.1e2".
func literalLabel(label string) bool {
	parts := strings.Split(label, " / ")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), "`")
		if p == "" {
			return false
		}
		if q := p[0]; (q == '"' || q == '\'') && len(p) > 1 && p[len(p)-1] == q {
			continue
		}
		if p[0] < '0' || p[0] > '9' || strings.ContainsFunc(p, func(r rune) bool { return !strings.ContainsRune("0123456789_.eE+-", r) }) {
			return false
		}
	}
	return true
}

// controlBody reports an item's body that says what a control named key
// does: "Sets the operating mode ...", or as itemBody rewrote it, "Mode
// sets the operating mode ..."; or that does something to the key's own
// thing ("Chapter: Inserts the chapter number ...", a field that inserts
// it) when the term is an everyday word (word): a name in capitals
// ("Berths: Lists the free berths of the quay", a component) is what it
// does.
func controlBody(key, body string, word bool) bool {
	w, rest, _ := strings.Cut(body, " ")
	if strings.EqualFold(w, key) {
		w, rest, _ = strings.Cut(rest, " ")
	}
	w = strings.ToLower(w)
	return controlVerbs[w] || word && enActOnVerbs[w] && glossary.Contains(directObject(rest), key)
}

// directObject returns the words of s before its first preposition other
// than "of": a verb's object ("the number of the heading" of "... of the
// heading in the page"; "packages" of "packages according to the action
// ...").
func directObject(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		if enObjectEnds[strings.ToLower(strings.TrimRight(x, ",;:."))] {
			return strings.Join(w[:i], " ")
		}
	}
	return s
}

// enObjectEnds end a verb's object: prepositions but "of", and relative
// pronouns.
var enObjectEnds = toSet(`to in on for with from by according at as into onto that which where when`)

// enActOnVerbs do something to a thing, not say what it is: "Inserts the
// chapter number" (where "Defines a tug crew" or "Specifies the ...
// option" state a declaration's meaning).
var enActOnVerbs = toSet(`inserts displays shows draws lists adds deletes removes groups hides updates opens closes
	prints protects sorts copies moves renames applies attaches merges splits`)

// controlVerbs open what a control of a program does: "Sets the
// operating mode", "Selects all footprints", "Toggles the grid". Verbs
// that a component's gloss opens with as well ("Scheduler: Determines
// which node runs a pod", "Dashboard: Shows the cluster's state") are not
// among them.
var controlVerbs = toSet("sets selects toggles switches")

// enCountWords are small numbers written as words.
var enCountWords = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// invitation reports an item's text that invites the reader to the
// project's own place: an imperative, then "our" or "us" ("Join our
// discord server ...", "Follow us on Mastodon").
func invitation(body string) bool {
	w := strings.Fields(strings.ToLower(body))
	if len(w) < 2 || !enInviteVerbs[w[0]] {
		return false
	}
	for _, x := range w[1:min(len(w), 5)] {
		if x == "our" || x == "us" || strings.HasPrefix(x, "us,") || strings.HasPrefix(x, "us.") {
			return true
		}
	}
	return false
}

// bareOtherSubject reports an English body that opens with another
// subject, one capitalised word without an article, and an auxiliary:
// "Jitter is added as a Comment field ...", "Responses are cached ...".
func bareOtherSubject(body string, spellings []string) bool {
	first, rest, _ := strings.Cut(body, " ")
	r, size := utf8.DecodeRuneInString(first)
	acronym := len(first) > 1 && upperASCIILetters(first)
	if !unicode.IsUpper(r) || !isLowerWord(first[size:]) && !acronym || enArticles[strings.ToLower(first)] || enParenLeads[strings.ToLower(first)] {
		return false
	}
	switch strings.ToLower(first) {
	case "it", "they", "he", "she", "we", "you", "there", "here":
		return false // "It is used to ...": the key, pointed back to
	}
	switch v := firstWord(rest); v {
	case "is", "are", "was", "were", "can", "will", "must", "should", "may":
		if acronym {
			return false // "Domain Name System: DNS is ...": its short name
		}
	default:
		// "DNSKEY: DNSSEC relies on public-key cryptography ...": a verb
		// in the third person after another name.
		if !presentVerb(v, firstWord(strings.TrimPrefix(rest, v+" "))) {
			return false
		}
	}
	l := strings.ToLower(first)
	for _, sp := range spellings {
		lsp := strings.ToLower(sp)
		if l == lsp || singular(l) == singular(lsp) || strings.Contains(" "+lsp+" ", " "+l+" ") || strings.Contains(" "+lsp+" ", " "+singular(l)+" ") {
			return false
		}
	}
	return true
}

// nestedLabel reports a body that opens with a key of its own, a code span
// or an identifier followed by a colon: "`assertMarkdownRenders`: accepts
// ...", "default_kwargs: A dict of ...".
func nestedLabel(body string) bool {
	var key, rest string
	if strings.HasPrefix(body, "`") {
		end := strings.IndexByte(body[1:], '`')
		if end < 1 {
			return false
		}
		key, rest = body[1:1+end], body[2+end:]
	} else {
		colon := strings.IndexByte(body, ':')
		if colon < 1 {
			return false
		}
		key, rest = body[:colon], body[colon:]
		if !isIdentifierLike(key) || allCapitalKey(key) {
			// "NOTE: ...", "TODO: ...": a marker, not a key.
			return false
		}
	}
	rest = strings.TrimLeft(rest, " ")
	return strings.TrimSpace(key) != "" && (strings.HasPrefix(rest, ": ") || rest == ":")
}

// labelScope reports a body that says what a label or category covers:
// "Related to the core parser code."
func labelScope(body string) bool {
	for _, p := range []string{"Related to ", "Relating to ", "Related with "} {
		if strings.HasPrefix(body, p) {
			return true
		}
	}
	return false
}

// optionDefines reports an English item's body under an "Options" heading
// that says what its key is: a noun phrase ("Scale factor to adjust the
// rendering size.", "A threshold is ...", "The number of seconds to
// wait") or a sentence whose subject is the key. A clause about something
// else ("The mask is black in ..."), a verb first ("Renders near ...")
// or a way to use the control ("By clicking on this icon, ...") is not.
func optionDefines(body string, spellings []string) bool {
	for _, sp := range spellings {
		if _, ok := matchSubject(body, sp, false); ok {
			return true
		}
	}
	w := strings.ToLower(strings.TrimRight(firstWord(body), ",:;."))
	if enArticles[w] || w == "" {
		return !clauseBody(body)
	}
	if enItemVerbs[w] || enSummaryVerbs[w] || enOptionOpeners[w] || enModals[w] || enAuxiliaries[w] {
		return false
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		// "Renders near horizontal edges.", "Displays a blue point":
		// a verb, unless a plural noun opens a noun phrase ("Values
		// less than 1.00 render ..." is a clause all the same).
		return false
	}
	return !clauseBody(body)
}

// readerDoes reports an English sentence that says what the reader can do
// or is told to do: howToBody's ("You can ..."), an imperative ("Type the
// name of ...", "Select, create, or edit ..."), either after an opening
// clause ("Depending on the field type that you select, you can ...", "If
// the cursor is in an index, you can ...").
func readerDoes(s string) bool {
	if howToBody(s) || imperativeOpening(s, true) {
		return true
	}
	w0, _, _ := strings.Cut(s, " ")
	if !enOpeningClause[strings.ToLower(w0)] {
		return false
	}
	_, main, ok := strings.Cut(s, ", ")
	return ok && (howToBody(main) || imperativeOpening(main, false))
}

// enOpeningClause open a clause before a sentence's main one.
// "To protect a hull, use a fender." says what the term is for.
var enOpeningClause = toSet(`depending if when once after before while for in using unless`)

// titleCased reports a heading that opens with a capital letter, as a
// title does ("Section"), not with a name as code spells it ("merge").
func titleCased(h string) bool {
	r, _ := utf8.DecodeRuneInString(h)
	return unicode.IsUpper(r)
}

// imperativeOpening reports an English sentence that opens with an
// imperative: a verb of enImperatives ("Select, create, or edit ..."), or
// after another and "and" ("Design and create ..."), or one that is a noun
// too before its object ("Type the name ..."). At a
// sentence's start (start) it is capitalised.
func imperativeOpening(s string, start bool) bool {
	w := strings.Fields(s)
	if len(w) < 2 {
		return false
	}
	w0 := strings.TrimRight(w[0], ",")
	if start && w0 == strings.ToLower(w0) {
		return false // not a sentence's start: a heading's own words
	}
	w0 = strings.ToLower(w0)
	if len(w) > 2 && (w[1] == "and" || w[1] == "or") && enImperatives[strings.ToLower(w[2])] && isLowerWord(w0) {
		return true // "Design and create your own business cards."
	}
	return enImperatives[w0] || nounVerbImperative(w0, w[1])
}

// enNounVerbs are verbs that are nouns too ("a type", "a blank move"):
// they open an instruction only before its object or a direction.
var enNounVerbs = toSet(`type mark move cancel close expand collapse sort switch hide view refresh scroll undo redo
	duplicate apply clear change replace restore filter find search zoom jump surround exit quit abort skip`)

// nounVerbImperative reports w0 (lower case) and the word after it as an
// instruction: "Type the name", "Cancel the current transaction", "Move to
// a blank transaction"; "Sort order of ..." is a noun.
func nounVerbImperative(w0, next string) bool {
	if !enNounVerbs[w0] {
		return false
	}
	next = strings.ToLower(next)
	switch w0 {
	case "move", "jump", "switch", "scroll", "zoom", "change":
		if next == "to" || next == "up" || next == "down" || next == "in" || next == "out" {
			return true
		}
	}
	return enImperativeObjects[next] || next == "each" || next == "all" || next == "every"
}

// baseVerbImperative reports w0 (lower case), the bare form of a verb the
// verb lists hold in the third person ("inspect" of "inspects", "apply" of
// "applies"), before its object: "Inspect the content of ..." is an
// instruction. Its caller asks for a capital: a manual page's name line
// ("quayctl - control the berths ...") says what the command does.
func baseVerbImperative(w0, next string) bool {
	if !enImperativeObjects[strings.ToLower(next)] || next == "it" || next == "that" || len(w0) < 3 {
		return false
	}
	third := []string{w0 + "s", w0 + "es"}
	if strings.HasSuffix(w0, "y") {
		third = append(third, w0[:len(w0)-1]+"ies")
	}
	for _, v := range third {
		if enItemVerbs[v] || enDescribeVerbs[v] || enSummaryVerbs[v] {
			return true
		}
	}
	return false
}

// howToBody reports an English item's body that tells the reader what to
// do with a control, or says nothing (yet): "Here you set ...", "With this
// choice you can ...", "By clicking on ...", "Then you get ...", "You can
// ...", "TODO", "... are self explanatory".
func howToBody(body string) bool {
	l := strings.ToLower(body)
	if strings.Contains(l, "self explanatory") || strings.Contains(l, "self-explanatory") {
		// "Buttons: Zoom Out Zoom In and Zoom 1:1 are self
		// explanatory.": nothing to say.
		return true
	}
	w := strings.Fields(l)
	if len(w) > 2 && strings.HasSuffix(w[0], "ly,") {
		w = w[1:] // "Usually, you activate a layer ..."
	}
	if len(w) < 2 {
		return false
	}
	w0, w1 := strings.TrimRight(w[0], ",:;."), strings.TrimRight(w[1], ",:;.")
	switch w0 {
	case "todo", "tbd", "fixme":
		return true
	case "here", "then":
		return w1 == "you"
	case "you":
		return true // "You can ...", "Usually, you activate ..."
	case "by":
		return strings.HasSuffix(w1, "ing")
	case "with":
		return w1 == "this" || w1 == "these" || w1 == "that" || w1 == "help"
	case "this":
		return controlLetsYou(w)
	}
	return false
}

// controlLetsYou reports lower-cased words that open with what a control
// lets the reader do: "this button allows you to select ...", "this
// option lets you ..."; "this field contains the value ..." says what
// it holds.
func controlLetsYou(w []string) bool {
	if len(w) < 4 || w[0] != "this" || !enControlNouns[w[1]] {
		return false
	}
	switch w[2] {
	case "allows", "lets", "enables", "permits":
		return w[3] == "you" || w[3] == "the" && len(w) > 4 && w[4] == "user"
	}
	return false
}

// enControlNouns name the controls of a window.
var enControlNouns = toSet("button field option checkbox check-box box menu slider list tab dialog entry item setting control switch toggle icon")

// enOptionOpeners open what a control does or how to use it, not what it
// is: "By clicking ...", "Here you set ...", "With this choice ...",
// "When checked, ...", "This slider ...".
var enOptionOpeners = toSet(`by here with when if this these you your clicking pressing checking selecting
	not only then it its there increase decrease use enable disable check uncheck select click set choose`)

// syntaxTemplate reports an item's body that is only the syntax of a
// value: placeholders joined by hyphens or in angle brackets, optional
// parts in square brackets, an ellipsis for repetition ("name-of-test
// [name-of-another-test ...]", "<id> [<id> ...]"). A lone placeholder
// ("well-known") is a word: it needs brackets or an ellipsis around it,
// and every word must be a placeholder.
func syntaxTemplate(body string) bool {
	if !strings.Contains(body, "...") && !strings.Contains(body, "…") && !strings.ContainsAny(body, "[<") {
		return false // cheap test first: this runs for every item of a term
	}
	placeholders, marks := 0, false
	for _, w := range strings.Fields(body) {
		t := strings.Trim(w, "*_`")
		if strings.Trim(t, "[]<>{}|.…") != t {
			marks = true
		}
		angled := strings.HasPrefix(strings.TrimLeft(t, "["), "<")
		t = strings.Trim(t, "[]<>{}|.…")
		if t == "" {
			continue
		}
		if !angled && !strings.ContainsAny(t, "-_") {
			return false // a word of a sentence: "see the [well-known] list"
		}
		for _, r := range t {
			if r != '-' && r != '_' && (r < 'a' || r > 'z') {
				return false
			}
		}
		placeholders++
	}
	return placeholders > 0 && marks
}

// accountBody reports an item's body about the account its key names:
// "... owned by this user", "... run as this group", "... owned by group
// mail".
func accountBody(body, key string) bool {
	k := strings.ToLower(strings.Trim(key, "`*_ "))
	l := strings.ToLower(body)
	if glossary.HasCJK(body) {
		// 「…はこのユーザおよびグループによって所有されます。」, 「…は mail
		// グループによって所有されています。」
		for _, n := range []string{"このユーザ", "このグループ", "このアカウント", k + " グループ", k + "グループ", k + " ユーザ", k + "ユーザ"} {
			if strings.Contains(l, n) {
				return true
			}
		}
		return false
	}
	if !strings.Contains(l, "user") && !strings.Contains(l, "group") && !strings.Contains(l, "account") {
		return false // cheap test first: this runs for every item of a term
	}
	for _, n := range []string{"this user", "this group", "this account", "that user", "that group"} {
		if glossary.Contains(l, n) {
			return true
		}
	}
	return glossary.Contains(l, "group "+k) || glossary.Contains(l, "user "+k) || glossary.Contains(l, "run as "+k) ||
		glossary.Contains(l, "runs as "+k)
}

// personActs reports an English body whose subject is a person's name,
// two capitalised words other than the key, and whose verb says what they
// did or are doing: "Jannis Leidel wrote a setuptools command ...",
// "Michael Jones is developing a reST/Sphinx bridge ...".
func personActs(body, key string) bool {
	if r, _ := utf8.DecodeRuneInString(body); !unicode.IsUpper(r) || strings.HasPrefix(body, key) {
		return false // cheap test first: it runs for each item
	}
	first, rest, _ := strings.Cut(body, " ")
	last, rest, _ := strings.Cut(rest, " ")
	verb, rest, _ := strings.Cut(rest, " ")
	next, _, _ := strings.Cut(rest, " ")
	for _, n := range []string{first, last} {
		r, size := utf8.DecodeRuneInString(n)
		if !unicode.IsUpper(r) || !isLowerWord(n[size:]) {
			return false
		}
	}
	if next == "" {
		return false
	}
	switch verb {
	case "wrote", "created", "developed", "made", "built", "maintains", "started", "contributed", "implemented":
		return true
	case "is", "has", "was", "had":
		return strings.HasSuffix(next, "ing") || next == "written" || next == "created" || next == "developed" || next == "made" || next == "built"
	}
	return false
}

// enInviteVerbs open an invitation.
var enInviteVerbs = toSet(`join follow visit chat contact talk ask email e-mail message ping star sponsor support subscribe read watch find`)

// enParticiple reports a past participle: a word in -ed, or one of the
// common irregular ones.
func enParticiple(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ",;:."))
	return len(w) > 4 && strings.HasSuffix(w, "ed") || enIrregularParticiples[w]
}

// enQuantifiers open a sentence about every instance of something.
var enQuantifiers = toSet(`any every each all no`)

// enRule reports an English sentence with a modal or "has to": what
// must, may or can be, a rule rather than what something is.
func enRule(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, " has to ") || strings.Contains(l, " have to ") {
		return true
	}
	for _, w := range strings.Fields(l) {
		switch w {
		case "can", "cannot", "could", "must", "should", "may", "might", "shall", "will", "would":
			return true
		}
	}
	return false
}

// enRelational are nouns that name a relation to something else: a
// complement or the sentence before gives the other side.
var enRelational = toSet(`alternative alternatives replacement replacements successor successors substitute substitutes
	counterpart counterparts equivalent equivalents`)

// hasUpperWord reports a word that opens with a capital letter.
func hasUpperWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// enDegree reports the body of "X is a ..." that opens with a degree, not
// a noun: "a bit different", "a little slower", "a lot faster".
func enDegree(body string) bool {
	w, _, _ := strings.Cut(strings.ToLower(body), " ")
	return w == "bit" || w == "little" || w == "lot" || w == "tad"
}

// notDefiningThe reports bodies of "X is the ..." that compare or rank
// instead of defining: "the same as before", "the default".
func notDefiningThe(body string) bool {
	words := strings.Fields(strings.ToLower(body))
	if len(words) == 0 {
		return false
	}
	switch w := strings.TrimRight(words[0], ".,;:"); w {
	case "default", "main":
		// "Linear is the default.", "the default since 2.0": which one
		// is chosen; "GRUB is the default bootloader installed by
		// Debian ..." says what it is, a bootloader.
		return len(words) < 4 || w != words[0] || !isLatinWord(words[1]) || enHeadStops[words[1]] || enStopwords[words[1]]
	case "same", "only", "first", "last", "next", "best", "most", "least", "case", "reason",
		"problem", "result", "opposite", "other", "one", "way", "next-most",
		// "OpenSSH is the version installed on Debian when ...": which
		// version, not what it is.
		"version":
		return true
	}
	if enSuperlatives[strings.TrimRight(words[0], ".,;:")] {
		// "Concrete values are the simplest case": how it ranks.
		return true
	}
	// "the tree we examined first", "the file you just edited": one
	// thing of the narrative, named by what the writer or the reader did
	// with it; "the file where you will usually place your commands" says
	// what any reader does with it.
	for i, w := range words[1:min(len(words), 3)] {
		switch w {
		case "we", "you", "i":
			return i+2 >= len(words) || !genericModals[words[i+2]]
		}
	}
	return false
}

// copulaAdverbs hedge a definition between its copula and its kind: "is
// basically a mapping", "is essentially the set of ...".
var copulaAdverbs = toSet("basically essentially fundamentally generally typically usually normally technically effectively merely simply primarily mainly mostly")

// genericModals after "you" say what any reader does: "the file where you
// will usually place ...", "the place you can find ...".
var genericModals = toSet("can will may should would could might must usually typically normally often")

// enIrregularParticiples are past participles without "-ed": "are run",
// "are written" is a passive verb, not a noun phrase.
var enIrregularParticiples = toSet(`run made done built written given taken kept sent set put found held known
	shown seen read left lost split bound thrown chosen driven hidden broken frozen meant spent brought bought
	caught taught thought sold told won begun grown drawn cut hit shut laid paid said spun struck
	understood undone overridden rewritten rebuilt reset rerun
	cast forecast broadcast forbidden forgotten forgiven sworn spread shed fed hung lent lit proven ridden shaken
	shot stolen stuck torn worn withdrawn undergone overwritten overtaken beaten bitten bent dealt dug fought
	fled led mistaken sought sunk swept swung woven misunderstood upheld withheld`)

// pluralSubject reports whether the subject matched at the start of a
// sentence is written in the plural ("Watchers", "middlewares", "Berth
// aliases" of a term in "s").
func pluralSubject(subject, sp string) bool {
	subject = strings.TrimSpace(subject)
	if !hasSuffixFold(sp, "s") {
		return len(subject) > len(sp) && hasSuffixFold(subject, "s")
	}
	n := len(subject) - len(sp) - len("es")
	return n >= 0 && strings.EqualFold(subject[n:n+len(sp)], sp) && hasSuffixFold(subject, "es")
}

// hasSuffixFold is strings.HasSuffix under Unicode case folding, for an
// ASCII suffix.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// enRelativeWords open a relative clause.
var enRelativeWords = toSet(`that which who whose where`)

// pluralBody reports whether the body after "Xs are" starts like a noun
// phrase ("lightweight views of ...") rather than a predicate ("supported
// in ...", "not ...", "also ...", "useful ...").
func pluralBody(body string) bool {
	words := strings.Fields(body)
	if len(words) < 3 || predicateAdjective(body) {
		// "Array types are comparable if their element types are
		// comparable.": a property under a condition.
		return false
	}
	w := strings.ToLower(trimWord(words[0]))
	if w == "" || enHeadStops[w] || enArticles[w] || strings.HasSuffix(words[0], ";") || strings.HasSuffix(words[0], ":") {
		// "Dictionaries are mutable; they can be ...": a predicate.
		return false
	}
	if enComparatives[w] {
		// "Factory types are simpler, and hide ...": a comparison.
		return false
	}
	if hasUpperWord(words[0]) && words[1] == "and" && hasUpperWord(words[2]) && (len(words) == 3 || enRelativeWords[strings.ToLower(words[3])] ||
		strings.ContainsAny(words[2], ".,;:")) {
		// "Exceptions are ConvertToPropertyValues and
		// ImportFromPropertyValues that are supported in ...": the ones
		// meant, named ("Hull plans are Quayside and Dockside files"
		// goes on to its noun).
		return false
	}
	switch w {
	case "not", "no", "also", "only", "still", "now", "then", "usually", "often", "always", "never", "all", "both",
		"each", "either", "more", "less", "very", "too", "so", "available", "able", "unable", "useful", "important",
		"required", "optional", "possible", "different", "similar", "same", "ready", "free", "safe", "likely",
		// "The Falcot Corp administrators are aware of the limits ...": a state.
		"aware", "unaware", "capable", "incapable", "responsible", "happy", "glad", "sure", "certain",
		// "Executable targets are otherwise placed in this directory.":
		// an adverb before a verb.
		"otherwise", "therefore", "thus", "hence", "instead", "already", "sometimes", "even", "just", "again", "later", "first",
		// "The help files are like this, for example.": a comparison.
		"like", "unlike",
		// "Managed databases are under active development" (sqlc's
		// docs): a state or a place, after a preposition.
		"under", "in", "on", "at", "within", "inside", "outside", "behind", "beyond", "without", "between", "among",
		"from", "into", "by", "over", "above", "below", "beneath":
		return false
	}
	for _, suf := range []string{"ed", "ly", "ing"} {
		if strings.HasSuffix(w, suf) {
			return false // "supported in ...", "usually ...", "running ..."
		}
	}
	if enIrregularParticiples[w] {
		return false // "Triggers are run as part of configuration."
	}
	if last := strings.ToLower(trimWord(words[len(words)-1])); len(words) <= 5 && enPredicateAdjectives[last] {
		return false // "Queues are thread and process safe.": a property
	}
	switch strings.ToLower(trimWord(words[1])) {
	case "for", "at", "to", "in", "with", "when", "than":
		// "Secrets are great for confidential data": an adjective and its
		// complement, a judgement rather than what they are.
		return false
	}
	for _, suf := range []string{"ous", "ful", "ble", "ive", "ent", "ant", "ary", "ic", "al"} {
		if strings.HasSuffix(w, suf) {
			// An adjective starts a noun phrase ("immutable files that
			// ...") or is the predicate ("expensive to create", "different
			// from ...", "immutable.").
			next := strings.ToLower(trimWord(words[1]))
			return next != "" && !enHeadStops[next] && !enArticles[next] && !strings.HasSuffix(next, "ly") &&
				!strings.HasSuffix(words[0], ",") && !strings.HasSuffix(words[0], ".")
		}
	}
	return true
}

// enPredicateAdjectives end a short predicate that says how its subject
// behaves, not what it is.
// enComparatives and enSuperlatives compare or rank what a sentence's
// subject is: "are simpler", "are the simplest case".
var (
	enComparatives = toSet(`simpler easier faster slower better worse larger smaller bigger cheaper safer harder
	newer older shorter longer lighter heavier cleaner clearer quicker stronger weaker fewer`)
	enSuperlatives = toSet(`simplest easiest fastest slowest largest smallest biggest cheapest safest hardest
	newest oldest shortest longest lightest heaviest cleanest clearest quickest strongest weakest`)
)

var enPredicateAdjectives = toSet(`safe unsafe immutable mutable optional required available unavailable supported unsupported
deprecated compatible incompatible stable unstable synchronous asynchronous reentrant idempotent`)

// afterIndefinite reports a term right after "a" or "an" ("can give a node,
// an array or ..."): an enumeration, not a name followed by an appositive.
func afterIndefinite(before string) bool {
	words := strings.Fields(before)
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[len(words)-1]) {
	case "a", "an", "any", "some", "another", "each", "every", "no":
		return true
	}
	// "..., a zero-length array, a nil pointer, a nil interface value", "...,
	// an element in a slice or array, a value in a map": the term closes a
	// short item of a list that starts with "a".
	if i := strings.LastIndexAny(before, ",;"); i >= 0 {
		item := strings.Fields(strings.ToLower(before[i+1:]))
		if len(item) > 0 && len(item) <= 8 && (item[0] == "a" || item[0] == "an" || item[0] == "or" || item[0] == "and") {
			return true
		}
	}
	return false
}

// introWords open an introductory phrase: "After a restart, a consumer
// asks ..." has no appositive.
var introWords = map[string]bool{
	"after": true, "before": true, "during": true, "when": true, "if": true, "once": true, "while": true,
	"since": true, "until": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"without": true, "because": true, "although": true, "unless": true, "as": true, "by": true, "from": true,
	// "Depending on the statement, a port follows ...", "Under heavy
	// load, a proxy ...": prepositions and participles that open a phrase.
	"depending": true, "according": true, "due": true, "regardless": true, "given": true, "unlike": true,
	"despite": true, "under": true, "through": true, "within": true, "across": true, "between": true,
	"among": true, "upon": true, "via": true, "beyond": true, "besides": true, "throughout": true,
}

// jaOpinion reports a Japanese sentence that ends in what its writer
// thinks or guesses (「…だと思います。」, 「…でしょう。」).
// capsPlaceholder reports text that opens with sp, a word in lower case,
// written in capitals: "LINE is ...", "INTEGER may also be ...".
func capsPlaceholder(text, sp string) bool {
	if len(sp) < 2 || !isLowerWord(sp) {
		return false
	}
	if text == "" || !isUpperASCII(text[0]) {
		return false // cheap test first: this runs for every sentence that uses a term
	}
	w := strings.TrimRight(firstWord(text), ".,;:")
	if len(w) == len(sp)+1 && w[len(w)-1] == 'S' {
		w = w[:len(sp)] // "LINES"
	}
	return len(w) == len(sp) && upperASCIILetters(w) && strings.EqualFold(w, sp)
}

// availabilityNote reports a manual page's AVAILABILITY sentence: the
// package a command is part of and where to get it.
func availabilityNote(text string, ja bool) bool {
	if ja {
		return strings.Contains(text, "パッケージの一部") && strings.Contains(text, "入手")
	}
	return strings.Contains(text, " part of the ") && strings.Contains(text, " package") && strings.Contains(text, "available")
}

// jaHedged reports a Japanese sentence that ends by saying what is thought
// or seems to be so: 「…と考えられます」, 「…と思われる」.
func jaHedged(text string) bool {
	return endsWithAny(strings.TrimRight(text, "。．.！!"), "と考えられます", "と考えられる", "と思われます", "と思われる", "と見られる", "と見られます")
}

func jaOpinion(text string) bool {
	return endsWithAny(strings.TrimRight(text, "。．.！!"), "と思います", "と思う", "と考えます", "と考えています", "と考える", "でしょう", "かもしれません", "かもしれない")
}

// keyedPrepositionObject reports text before a term that opens with an
// item's key and ends with a preposition: in "linuxaudiodev: Support for
// the /dev/audio device on Linux, a twin to the existing sunaudiodev
// module" the appositive is about the item's key, not Linux.
func keyedPrepositionObject(before string) bool {
	key, body, ok := strings.Cut(before, ": ")
	if !ok || key == "" || strings.Contains(key, " ") {
		return false
	}
	words := strings.Fields(body)
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[len(words)-1]) {
	case "on", "in", "for", "with", "to", "from", "of", "at", "under", "over", "like", "than":
		return true
	}
	return false
}

// actNoun reports a noun that names an act, by its ending: "issuance",
// "removal", "deletion", "replacement".
func actNoun(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, e := range []string{"ance", "ence", "tion", "sion", "ment", "al"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// enumerationTail reports the rest of a list after its first item, as an
// appositive would read it: a short noun phrase, then "or" or "and" and
// another article ("selection or a path", "mask and the channel") or the
// sentence's last word ("table or fields.").
func enumerationTail(body string) bool {
	w := strings.Fields(body)
	for i := 1; i < len(w)-1 && i <= 3; i++ {
		if (w[i] == "or" || w[i] == "and") && (enArticles[w[i+1]] || i == 1 && i+2 == len(w) && strings.HasSuffix(w[i+1], ".")) {
			// "..., a table or fields.": the last item, bare, ends the
			// sentence ("a maker of tugs and barges." is one phrase).
			return true
		}
	}
	return false
}

// appositiveSubject reports whether the text before a term allows the term
// to be followed by an appositive: the term is not the tail of a longer
// capitalised name ("Foundation" of "Quillmoor Foundation") and does not
// close a short introductory phrase ("After a restart, ...").
func appositiveSubject(before string) bool {
	if i := strings.LastIndexAny(before, ":;"); i >= 0 && i+1 < len(before) && before[i+1] == ' ' {
		// "...ap-process.html: if it is acknowledged that ... in the
		// Debian Policy, a discussion begins": a clause after a colon is
		// read as a sentence of its own.
		before = before[i+2:]
	}
	words := strings.Fields(before)
	if len(words) == 0 {
		return true
	}
	last := words[len(words)-1]
	switch strings.ToLower(last) {
	case "this", "that", "these", "those", "its", "their":
		// "threading.BrokenBarrierError: This exception, a subclass of
		// RuntimeError, ...": the one at hand, not any.
		return false
	}
	if len(words) > 1 && enArticles[strings.ToLower(last)] && gerund(words[len(words)-2]) {
		// "... as feathering the selection, a smooth transition
		// between ...": the appositive renames the action.
		return false
	}
	if r, _ := utf8.DecodeRuneInString(last); unicode.IsUpper(r) && len(words) > 1 {
		return false
	}
	// The opening word is the first, or a capitalised one after a
	// sentence the splitter did not end ("... (Tom Lane) If the value is
	// NULL, a ... error resulted"); "(On Unix, an absolute path ...)"
	// opens inside a parenthesis.
	for j := len(words) - 1; j >= 0; j-- {
		if strings.Contains(words[j], ",") {
			break
		}
		w := strings.TrimLeft(words[j], "(\"“‘'")
		if r, _ := utf8.DecodeRuneInString(w); j > 0 && !unicode.IsUpper(r) {
			continue
		}
		open := strings.ToLower(w)
		if len(words)-j <= 6 && introWords[open] {
			// "After a restart, a consumer ...", "For the purposes of
			// Debian Policy, a font ...": the comma closes an opening
			// phrase.
			return false
		}
		if subordinators[open] {
			// "When the context ends at about the time of the detach, a
			// func that waits ...": the comma closes the opening clause.
			return false
		}
	}
	return true
}

// concessive words open a clause that grants something before the main
// point: "While ..., all clusters should ...".
var concessive = map[string]bool{"while": true, "although": true, "though": true, "whereas": true, "unless": true, "even": true}

// subordinators open a clause that a comma closes: "When ..., a func ...".
var subordinators = map[string]bool{
	"after": true, "before": true, // "After turning on ... and restarting BIND, a large number ..."
	"when": true, "whenever": true, "if": true, "once": true, "while": true, "because": true, "although": true,
	"though": true, "unless": true, "until": true, "since": true, "whereas": true,
}

// codeAlone reports whether s is one code span and nothing else: in a
// paragraph, a file's name over its listing or a command to type; in a
// list, a name ("## Directives" over "- `ServerName`").
func codeAlone(s *sentence) bool {
	return s.code != "" && strings.TrimRight(strings.TrimSpace(s.text), ".:") == s.code
}

// callSignaturePrefix matches a call's signature and the colon after it
// that opens an item's text: "flask.Response(response=None, ...): ".
var callSignaturePrefix = regexp.MustCompile(`^((class|def|function|func) )?[A-Za-z_][\w.]*\([^()]*\): `)

// callSignature matches a call's signature alone: "DateField(auto_now=False,
// options)", "class Berth(name, depth)".
var callSignature = regexp.MustCompile(`^((class|def|function|func) )?[A-Za-z_][\w.]*\([^()]*\)$`)

// capitalizedName reports a text that is only a name in Latin letters:
// every word opens with a capital or a digit ("Microsoft Visual Studio
// Community", "GNU Make 4.3").
func capitalizedName(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= utf8.RuneSelf || !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// pointsBack reports a phrase that points back to what came before: "these
// ways", "the above", "them".
func pointsBack(s string) bool {
	w, _, _ := strings.Cut(strings.ToLower(s), " ")
	w = strings.TrimRight(w, ".,;")
	return w == "these" || w == "those" || w == "them" || w == "the" && strings.HasPrefix(strings.ToLower(s), "the above")
}

// forThis reports a copula's body that ends by pointing back: "the
// recommended tool for this", "a good place to do that".
func forThis(body string) bool {
	b := strings.ToLower(strings.TrimRight(body, ".!:; "))
	return endsWithAny(b, " for this", " for that", " for these", " for those", " for it", " for them", " for this purpose",
		" for that purpose", " to do this", " to do that", " to do so", " for the job", " for the task")
}

// anaphoricSubject reports a subject "The X" where X is a word that
// points back ("The result is a third configuration, and ..."): the result
// of what the text just said, not results in general; "The value is a
// dictionary that maps header name to its value." (Sphinx's html_headers)
// is a setting's value. "The range is a left-open interval" defines range.
func anaphoricSubject(subject, sp string) bool {
	w := strings.Fields(strings.ToLower(subject))
	if len(w) != 2 || w[0] != "the" {
		return false
	}
	switch strings.ToLower(sp) {
	case "result", "outcome", "answer", "reason", "problem", "difference", "effect", "consequence", "solution",
		"exception", "catch", "trick", "idea", "point", "goal", "caveat", "downside", "drawback", "upshot", "default", "cause",
		"value", "key",
		"first", "second", "third", "fourth", "last", "former", "latter": // "The second is a client ...": one of a list
		return true
	}
	return false
}

// finiteBeforeRelative reports a body whose noun phrase goes on to a
// finite verb of its own before any relative pronoun: "On platforms where
// ... for the web server configuration, a higher number of threads per
// child process will be achievable": the subject of the main clause, not
// an appositive.
func finiteBeforeRelative(body string) bool { return verbBeforeRelative(body, finiteVerbs) }

// verbBeforeRelative reports a sentence in which one of verbs comes before
// any relative pronoun.
func verbBeforeRelative(s string, verbs map[string]bool) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch w = strings.TrimRight(w, ".,;:"); w {
		case "that", "which", "who", "whose", "where", "when", "whom":
			return false
		}
		if verbs[w] {
			return true
		}
	}
	return false
}

// finiteVerbs and copulaVerbs are what finiteBeforeRelative and
// copulaBeforeRelative look for.
var (
	finiteVerbs = toSet("will can may must should would could is are was were")
	copulaVerbs = toSet("is are was were has have")
)

// helpLine returns what a command does when its sentence opens with its
// name in code and a bare verb, as help lines are written ("`surgery`
// perform surgery on bbolt database ...", "`inspect` inspect the structure
// of the database."): "Perform surgery on ...". "`tide` prints ..." keeps
// its subject.
func helpLine(s *sentence, sp string) (string, bool) {
	if s.ja || s.code == "" || !strings.EqualFold(s.code, sp) || !strings.HasPrefix(s.text, s.code+" ") {
		return "", false
	}
	rest := s.text[len(s.code)+1:]
	w := firstWord(rest)
	if w == "" || w != strings.ToLower(w) || strings.HasSuffix(w, "s") {
		return "", false
	}
	if w != strings.ToLower(s.code) && !enImperatives[w] && !enItemVerbs[w+"s"] && !enItemVerbs[w+"es"] &&
		!enSummaryVerbs[w+"s"] && !enSummaryVerbs[w+"es"] {
		return "", false
	}
	return upperFirst(rest), true
}

// bareSubject reports a subject that is the word sp alone, capitalised,
// opening the text or a key's body ("`TOPFRAME` = 2048: Function is ..."):
// n is where the subject ends.
func bareSubject(text string, n int, sp string) bool {
	at := n - len(sp)
	if at < 0 || !isUpperASCII(text[at]) {
		return false
	}
	return at == 0 || strings.HasSuffix(text[:at], ": ")
}

// massWord reports an everyday word that goes without an article as a
// subject: a mass noun ("Data is the ...", "Storage is the ...") or an
// activity ("Debugging is the ...").
func massWord(w string) bool { return strings.HasSuffix(w, "ing") || massWords[w] }

// massWords are everyday nouns used without an article ("function",
// "section" and "connection" take one).
var massWords = toSet(`data information knowledge code software hardware traffic bandwidth latency throughput memory
	feedback help support output input usage storage logic access work research configuration installation
	introduction creation completion implementation representation execution production activation documentation
	performance maintenance development management behaviour behavior security quality progress time money`)

// nameSubject reports an English sentence that opens with the word sp
// capitalised, singular and bare, no article, and then writes the word in
// lower case, or with its plural capitalised and a verb for one ("Queries
// is a function that ..."): "Timeout returns the timeout duration set in the request.",
// "Cookie is a map that stores cookies." (Fiber's API): the subject is a
// method's or a type's name, and the word is another thing. "Routing
// refers to how ..." names no word again.
func nameSubject(s, sp string) bool {
	if !isLowerWord(sp) || len(s) <= len(sp) || endsWithAny(sp, "ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ics") {
		// "Compression reduces ... at the chosen compression level.": a
		// mass noun or an activity goes without an article.
		return false
	}
	w := firstWord(s)
	lw := strings.ToLower(w)
	rest := s[len(w):]
	if w != lw && lw != sp && singular(lw) == sp && singularVerbAfter(rest) {
		// "Queries is a function that returns ..." (Fiber's): a name
		// spelled like the plural, with a verb for one.
		return true
	}
	if w == lw || lw != sp {
		// A plural bare subject is any of them ("Hooks are programs you
		// can place in a hooks directory ...").
		return false
	}
	for _, i := range glossary.Index(rest, sp) {
		if !isUpperASCII(rest[i]) {
			return true
		}
	}
	return false
}

// nounUse reports a sentence that uses the word sp as a noun after an
// article ("... as a vector with no labels"), not as a call.
func nounUse(s, sp string) bool {
	l := strings.ToLower(s)
	for _, i := range glossary.Index(l, strings.ToLower(sp)) {
		if end := i + len(sp); end < len(l) && l[end] == '(' {
			continue
		}
		if endsWithAny(l[:i], " a ", " an ", " the ") || l[:i] == "a " || l[:i] == "the " {
			return true
		}
	}
	return false
}

// kindTagline reports a tagline that names its subject's kind without an
// article and without a verb: "High performance, extensible, minimalist
// Go web framework." (Echo's README under its title). Capitalised words
// are names ("Go"), not verbs.
func kindTagline(s string) bool {
	words := strings.Fields(strings.TrimRight(strings.TrimSpace(s), "."))
	if len(words) < 2 || len(words) > 12 || !strings.HasSuffix(strings.TrimSpace(s), ".") {
		return false
	}
	if !taglineKinds[strings.ToLower(words[len(words)-1])] {
		return false
	}
	lower := make([]string, 0, len(words))
	for _, w := range words {
		switch w = strings.Trim(w, ",;:()"); {
		case w == "that" || w == "which" || w == "who":
			return false // a clause follows
		case w != "" && w == strings.ToLower(w):
			lower = append(lower, w)
		}
	}
	return caption(strings.Join(lower, " "))
}

// taglineKinds are the kinds a project's tagline names last: "... web
// framework.", "... HTTP client.".
var taglineKinds = toSet(`framework library toolkit tool router server client runtime engine database language package module
	utility cli parser compiler linter formatter bundler driver sdk api service platform plugin extension middleware`)

// copulaBeforeRelative reports a sentence whose first verb, before any
// relative pronoun, is a form of be or have: "A ModifyPlan method on a
// Resource is as unit testable as ..." says something of its own subject
// ("A flag can be 'persistent', meaning ..." may still explain a heading's
// term).
func copulaBeforeRelative(s string) bool { return verbBeforeRelative(s, copulaVerbs) }

// caption reports a sentence with no verb that the word lists know: "Currently supported dictionaries by default."
// ("To protect a hull, use a fender." has one).
func caption(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ".,;:()\"“”")
		switch w {
		case "is", "are", "was", "were", "be", "has", "have", "had", "does", "do", "can", "will", "may":
			return false
		}
		if enImperatives[w] || enItemVerbs[w] || enDescribeVerbs[w] || enModals[w] {
			return false
		}
	}
	return true
}

// clauseBody reports an appositive body that is a clause, not a noun
// phrase: "chromedp.Node, an action returns its value" has a verb before
// any relative pronoun.
func clauseBody(body string) bool {
	words := strings.Fields(strings.ToLower(body))
	for i, w := range words {
		w = strings.TrimRight(w, ".,;:")
		if (w == "both" || w == "all") && i > 0 && i+1 < len(words) {
			// "The chart window and the ledger window both contain ...":
			// a plural verb after its subject.
			if v := words[i+1]; enItemVerbs[v+"s"] || enItemVerbs[v+"es"] || enDescribeVerbs[v+"s"] || enDescribeVerbs[v+"es"] {
				return true
			}
		}
		switch w {
		case "that", "which", "who", "whose", "where", "when", "with", "for", "of", "in", "on":
			return false
		case "is", "are", "was", "were", "has", "have", "had", "does", "do",
			"could", "would", "should", "might", "must", "shall", // "(the enclosing quotes could change)"
			"happened", "happens", "occurred", "occurs", "arose", "arises", // "regular file, an error happened while ..."
			"they", "we", "you", "he", "she": // "The views and templates work, but they look very plain right now."
			return true
		}
		if enItemVerbs[w] || enDescribeVerbs[w] || enModals[w] {
			return true
		}
	}
	return false
}

func japaneseExplicit(s *sentence, sp string, mk func(string, bool) (evidence, bool)) (evidence, bool) {
	n, ok := matchSubject(s.text, sp, true)
	if !ok || jaOrNext(s.text[n:]) {
		if n, ok = jaAlternativeSubject(s.text, sp); !ok {
			return evidence{}, false
		}
	}
	if lead := s.text[:n]; lead != "" && (strings.Contains(lead, "場合") || strings.Contains(lead, "とき") || jaScopeClause(lead)) {
		// 「指定された範囲の中では、ブロックは…」: what it is in one
		// place or case (「港湾では、閘室は…」 names the field: a
		// definition).
		return evidence{}, false
	}
	rest := strings.TrimLeft(s.text[n:], " 　") // "SSO は、..."
	rest = strings.TrimPrefix(rest, "」")
	rest = strings.TrimPrefix(rest, "』")
	body := strings.TrimRight(s.text, "。．.！!")
	if strings.HasSuffix(body, "か") || strings.HasSuffix(body, "？") || strings.HasSuffix(body, "?") {
		return evidence{}, false // a question
	}
	if w, ok := jaWordTopic(rest); ok {
		// 「「係留設備」という用語は…を意味します」: the word's meaning, as
		// 「…とは」 gives it.
		rest = "とは" + rest[len(w):]
	}
	switch {
	case strings.HasPrefix(rest, "とは"), strings.HasPrefix(rest, "というのは"), strings.HasPrefix(rest, "って"):
		after := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(rest, "とは"), "というのは"), "って"), "、，, ")
		if strings.HasPrefix(rest, "とは") && jaContrast(after) {
			// 「Jobとは対照的に、…」: compared with the term, not defined.
			return evidence{}, false
		}
		if strings.HasPrefix(after, "何") || jaNegativeEnding(body) {
			// 「ディストリビューションとは何かについては…で議論しています」
			// points elsewhere; 「セキュリティとは単なる技術的問題ではあり
			// ません。」 says what it is not.
			return evidence{}, false
		}
		if utf8.RuneCountInString(after) < 5 {
			return evidence{}, false
		}
		if pred, ok := jaDefinitionalEnding(body); ok {
			return mk(pred, true)
		}
		return mk(after, true)
	case strings.HasPrefix(rest, "は"):
		if strings.HasPrefix(rest, "は:") || strings.HasPrefix(rest, "は：") {
			// 「書式は: `[day/month/year]` …」: a label over a value or
			// an example, not a definition.
			return evidence{}, false
		}
		if pred := strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， "); strings.HasPrefix(pred, "「") &&
			strings.HasSuffix(body, "」です") && strings.Count(pred, "「") == 1 || jaNegativeEnding(body) {
			// 「パッケージは「安定版のまま」です。」: a state it is in, quoted;
			// 「…ではありません。」: what it is not.
			return evidence{}, false
		}
		if pred, ok := strings.CutSuffix(strings.TrimRight(strings.TrimPrefix(rest, "は"), "。．. "), "です"); ok && (!glossary.HasCJK(pred) || jaQuantity(pred)) {
			// 「拡張子は .points です。」: a value in Latin letters or
			// digits, not what it is; 「延滞猶予は 3 日です。」: how much.
			return evidence{}, false
		}
		if pred := strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， "); jaOpensWithCase(pred) {
			// 「連桁は、隠された音符から始まる場合は、不可視です。」: what it
			// is in one case, not what it is.
			return evidence{}, false
		}
		if pred := strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， "); jaRatePhrase.MatchString(pred) {
			// 「住宅ローンは6%の表面利率で、3%の管理手数料…がかかります。」:
			// the terms of the example's loan, not what a mortgage is.
			return evidence{}, false
		}
		if pred := strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， "); strings.HasPrefix(pred, "実験的な") || strings.HasPrefix(pred, "実験的機能") ||
			strings.HasPrefix(pred, "非推奨") || strings.HasPrefix(pred, "廃止予定") {
			// 「スコアラーは実験的な機能です。」: its status, not what it is.
			return evidence{}, false
		}
		if endsWithAny(strings.TrimRight(rest, "。．. "), "から入手できる", "から入手できます", "から入手可能である", "から入手可能です") {
			// 「mke2fs は e2fsprogs パッケージの一部であり、…から入手できる。」:
			// where to get it (a manual page's AVAILABILITY), not what it is.
			return evidence{}, false
		}
		if endsWithAny(strings.TrimRight(rest, "。．. "), "固有である", "固有です", "固有の機能である", "固有の機能です", "独自である", "独自です", "独自の拡張である",
			"独自の拡張です", "独自の機能である", "独自の機能です", "特有である", "特有です", "に準拠している", "に準拠しています", "に準拠する", "に準拠します") {
			// 「mlock2() は Linux 固有である。」, 「epoll_create() は Linux 独自
			// である。」: where it comes from or
			// what it follows (a manual page's 準拠 section), not what it is.
			return evidence{}, false
		}
		if jaValueWords[sp] {
			// 「デフォルトは near コピーです。」: the default's value; a
			// definition of the word says 「デフォルトとは…」.
			return evidence{}, false
		}
		if strings.Contains(rest, "ます:") || strings.Contains(rest, "ます：") {
			// 「インストールは多数のソースから実行できます: USB、…経由です。」:
			// the copula closes the list after the colon.
			return evidence{}, false
		}
		if jaThatClause(body) {
			// 「ポイントは、論理ボリュームは…定義できると言うことです。」:
			// "the point is that ...", a content clause, not what it is.
			return evidence{}, false
		}
		for _, d := range []string{"これが", "これは", "それが", "それは", "これも", "それも"} {
			if strings.Contains(rest, d) {
				// 「アクセス制御は、…に影響し、普通はこれが望ましい挙動です。」:
				// the copula has another subject.
				return evidence{}, false
			}
		}
		if jaQualified(strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， ")) {
			// 「算出プロパティは、デフォルトでは getter 関数のみです。」: what
			// it is in one case, not what it is.
			return evidence{}, false
		}
		if pred := strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， "); hasAnyPrefix(pred, "しばしば", "時々", "ときどき", "時には", "たまに", "まれに", "稀に", "よく") {
			// 「翻訳者はしばしばその文章の最も注意深い読者であり、…」: what it
			// often is, not what it is.
			return evidence{}, false
		}
		if pred := strings.TrimLeft(strings.TrimPrefix(rest, "は"), "、， "); hasAnyPrefix(pred, "最も", "もっとも", "非常に", "とても", "かなり", "少し", "すこし", "やや", "ちょっと", "若干", "多少") &&
			utf8.RuneCountInString(strings.TrimRight(pred, "。．. ")) <= 14 {
			// 「Curia は最もスケーラブルである。」: a verdict, not what it is
			// (「所有権は Rust の最もユニークな機能であり、…」 names a kind).
			return evidence{}, false
		}
		if pred := strings.TrimRight(body, "。．. "); (strings.Contains(pred, "最も") || strings.Contains(pred, "もっとも")) &&
			endsWithAny(strings.TrimSuffix(strings.TrimSuffix(pred, "です"), "である"), "の 1 つ", "の1つ", "のひとつ", "の一つ") {
			// 「仮想化は最近のコンピューティングにおける最も大きな進歩の 1 つ
			// です。」: how it ranks, not what it is.
			return evidence{}, false
		}
		if pred, ok := jaDefinitionalEnding(body); ok && utf8.RuneCountInString(rest) >= 8 && !jaLastClauseTopic(rest[len("は"):]) {
			return mk(pred, true)
		}
		// 「所有権は Rust の最もユニークな機能であり、…のです。」: the first
		// clause says what the term is, the rest goes on about it.
		for _, c := range [][2]string{{"であり、", "である"}, {"のことで、", "のことです"}, {"のことであり、", "のことである"}, {"で、", "です"}, {"で ", "です"},
			{"として定義され、", "として定義される"}, {"と定義され、", "と定義される"}} {
			// 「…のことで、…」 likewise; 「…管理ツールで Debian Edu の…」: a
			// Latin word after the clause, set apart by a space where a
			// comma would be.
			if i := strings.Index(rest, c[0]); i > 0 {
				if c[0] == "で " && (i+len(c[0]) >= len(rest) || !isASCIILetter(rest[i+len(c[0])]) || !jaKindBeforeDe(rest[:i])) {
					// Only after a kind (「…の管理ツールで Debian …」), not
					// 「…のメールアドレス経由で BTS に…」 (by what way).
					continue
				}
				if (c[0] == "で、" || c[0] == "で ") && (!jaClauseNoun(rest[:i]) && !jaKindBeforeDe(rest[:i]) || strings.HasSuffix(rest[:i], "こと") || strings.HasSuffix(rest[:i], "事")) {
					// 「Xは、Node.js の環境で、…」: where, not what;
					// 「メンテナは…に署名することで、…」: by what means.
					continue
				}
				if jaLastClauseTopic(strings.TrimPrefix(rest[:i], "は")) {
					// 「apt-get は .deb ファイルを解釈せず、連携するのはパッ
					// ケージ特有の名前で、…」: the clause has a topic of
					// its own.
					continue
				}
				if !glossary.HasCJK(strings.TrimPrefix(rest[:i], "は")) {
					// 「オブジェクトは LyricText であり、プロパティは…」: a
					// value, not what it is.
					continue
				}
				if pred, ok := jaDefinitionalEnding(rest[:i] + c[1]); ok && utf8.RuneCountInString(rest[:i]) >= 8 {
					return mk(pred, true)
				}
			}
		}
	}
	return evidence{}, false
}

// enclosingParen returns the text of the parenthesis around offset at of
// s, if there is one.
func enclosingParen(s string, at int) (string, bool) {
	open := strings.LastIndexAny(s[:at], "(（")
	if open < 0 || strings.ContainsAny(s[open:at], ")）") {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(s[open:])
	end := strings.IndexAny(s[at:], ")）")
	if end < 0 {
		return "", false
	}
	return s[open+size : at+end], true
}

// copulaBeforeSentence matches a copula followed by a capitalised word that
// opens another sentence: "The layout is The registers are ...".
var copulaBeforeSentence = regexp.MustCompile(`\b(?:is|are) (?:The|This|These|Those|It|A|An) [a-z]+ (?:is|are|was|were|can|will|has|have)\b`)

// copulaRunsOn reports s as matching copulaBeforeSentence, testing first,
// cheaply, for a copula before a capital (this runs for every sentence
// that names a term).
func copulaRunsOn(s string) bool {
	for _, cop := range []string{" is ", " are "} {
		for i := strings.Index(s, cop); i >= 0; {
			if at := i + len(cop); at < len(s) && s[at] >= 'A' && s[at] <= 'Z' {
				return copulaBeforeSentence.MatchString(s)
			}
			j := strings.Index(s[i+len(cop):], cop)
			if j < 0 {
				break
			}
			i += len(cop) + j
		}
	}
	return false
}

// jaRatePhrase matches a predicate that opens with a percentage: 「6%の
// 表面利率で」.
var jaRatePhrase = regexp.MustCompile(`^[0-9０-９]+(?:[.．][0-9０-９]+)?\s?[%％]の`)

// jaClauseTopic reports a Japanese sentence whose topic is a clause made a
// noun: 「…を決定することは、…」, 「…するのは…」.
func jaClauseTopic(s string) bool {
	for _, m := range []string{"ことは", "のは"} {
		if i := strings.Index(s, m); i > 0 && !strings.ContainsAny(s[:i], "。") {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			// A verb or an adjective before it: 「決定すること」, 「使うの」.
			if unicode.Is(unicode.Hiragana, r) {
				return true
			}
		}
	}
	return false
}

// jaLastClauseTopic reports a predicate whose last clause has a topic of
// its own: in 「Linux は POSIX.1 を順守するつもりではありますが、…、認定は
// かなり高価です。」 the copula says what the certification is, not Linux;
// a cleft (「…、連携するのはパッケージ特有の名前」) has its topic in 「のは」.
func jaLastClauseTopic(pred string) bool {
	last := pred
	if i := strings.LastIndexAny(pred, "、，"); i >= 0 {
		last = pred[i:]
	}
	for i := strings.Index(last, "は"); i > 0; {
		if r, _ := utf8.DecodeLastRuneInString(last[:i]); unicode.In(r, unicode.Han, unicode.Katakana, unicode.Latin, unicode.Nd) ||
			r == 'ー' || r == '）' || r == ')' || r == '」' || r == 'の' && i > len("の") {
			return true
		}
		j := strings.Index(last[i+len("は"):], "は")
		if j < 0 {
			break
		}
		i += len("は") + j
	}
	return false
}

// jaValueWords name a setting's value: as a topic, what follows is the
// value, not a definition.
var jaValueWords = toSet("デフォルト デフォルト値 デフォルト設定 既定値 初期値 初期設定 規定値 既定 標準 標準値 標準設定 標準設定値")

// jaQuantity reports a number and its unit: 「1.5 秒」, 「3 日」, 「10個」,
// 「15,000 通貨単位」, a rate: 「1ユーロ0.606161オーストラリアドル」, or a
// date: 「2024 年 3 月 1 日」. A unit in Latin letters is a name's part:
// 「3D モデル」.
func jaQuantity(s string) bool {
	s = strings.TrimSpace(s)
	if jaDate.MatchString(s) {
		return true
	}
	var units []string
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
			i++
		}
		if i == 0 {
			return false
		}
		j := i
		for j < len(s) && (s[j] < '0' || s[j] > '9') {
			j++
		}
		unit := strings.TrimSpace(s[i:j])
		if unit == "" || hasHiragana(unit) || unit[0] < utf8.RuneSelf && unicode.IsLetter(rune(unit[0])) {
			return false
		}
		units = append(units, unit)
		s = s[j:]
	}
	switch len(units) {
	case 1:
		return utf8.RuneCountInString(units[0]) <= 4
	case 2:
		// One unit's worth in another: currencies are long words.
		return utf8.RuneCountInString(units[0]) <= 12 && utf8.RuneCountInString(units[1]) <= 12
	}
	return false
}

// jaDate matches a date written in Japanese: 「2024 年 3 月 1 日」, 「2024年3月」.
var jaDate = regexp.MustCompile(`^\d{1,4} ?年( ?\d{1,2} ?月( ?\d{1,2} ?日)?)?$`)

// someOf reports an English sentence whose subject is some of the
// term's things: "Some configuration variables have ...", "Many filters
// ...".
func someOf(s string, spellings []string) bool {
	if s == "" || !strings.ContainsRune("SsMmCcAaFfNn", rune(s[0])) {
		return false // cheap test first
	}
	l := strings.ToLower(s)
	for _, q := range []string{"some ", "many ", "most ", "several ", "certain ", "a few ", "few ", "not all "} {
		if rest, ok := strings.CutPrefix(l, q); ok {
			for _, sp := range spellings {
				if n, ok := prefixSpelling(rest, strings.ToLower(sp)); ok && n > 0 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// pointsBelow reports a sentence about what is listed or shown after it:
// "The filters are applied in the order as listed below."
// It also reports a note that the text moved elsewhere: "The former
// Loaders documentation is now at Modules: Customization hooks."
func pointsBelow(s string) bool {
	if strings.Contains(s, " now ") || strings.Contains(s, " moved ") {
		l := strings.ToLower(s)
		for _, m := range []string{" documentation is now at ", " docs are now at ", " is now documented ", " are now documented ", " has moved to ",
			" have moved to ", " has been moved to ", " have been moved to ", " was moved to ", " were moved to ", " can now be found "} {
			if strings.Contains(l, m) {
				return true
			}
		}
	}
	if !strings.Contains(s, "below") && !strings.Contains(s, "follow") {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, " listed below") || strings.Contains(l, " shown below") || strings.Contains(l, " described below") ||
		strings.Contains(l, " as follows") || strings.HasSuffix(strings.TrimRight(l, ".: "), " the following")
}

// dependsOn reports the rest of a sentence after its subject whose verb,
// within a short relative clause, is "depend on": "that are available
// depend on the type of field".
func dependsOn(rest string) bool {
	i := strings.Index(rest, " depend")
	if i < 0 || len(strings.Fields(rest[:i])) > 5 {
		return false
	}
	return hasAnyPrefix(rest[i:], " depend on ", " depends on ", " depend upon ", " depends upon ")
}

// jaTaskTitle reports a Japanese line that names a task, an object and an
// action noun without a stop: 「アドレス帳をデータソースとして使用」 (a guide's
// links to its pages).
func jaTaskTitle(s string) bool {
	if strings.HasSuffix(s, "。") || !strings.Contains(s, "を") && !strings.Contains(s, "として") {
		return false
	}
	return endsWithAny(s, jaTaskActions...)
}

// jaTaskActions end a task's title: 「…として使用」, 「…を作成」.
var jaTaskActions = []string{"使用", "作成", "設定", "登録", "編集", "追加", "削除", "挿入", "保存", "変更", "選択", "表示", "印刷", "検索", "入力"}

// jaPointsBelow reports a Japanese sentence whose subject is what follows
// it: 「下記のステートメントおよび関数は、…のためのものです。」.
func jaPointsBelow(s string) bool {
	return hasAnyPrefix(s, "下記の", "以下の", "次の")
}

// enSupportStatus reports an English sentence that says one of spellings
// is not supported, or deprecated: "middleware is not supported out of
// the box"; or what supports it: "The builtin server supports SSL".
func enSupportStatus(s string, spellings []string) bool {
	if !strings.Contains(s, "upport") && !strings.Contains(s, "eprecated") && !strings.Contains(s, "vailable") {
		return false // cheap test first: it runs for each section's first sentence
	}
	l := strings.ToLower(s)
	for _, sp := range spellings {
		lsp := strings.ToLower(sp)
		if y, ok := strings.CutSuffix(lsp, "y"); ok && strings.Contains(l, y+"ies") {
			lsp = y + "ies" // "HTTP CONNECT proxies are supported by default"
		}
		for _, i := range glossary.Index(l, lsp) {
			if (strings.HasSuffix(l[:i], " supports ") || strings.HasSuffix(l[:i], " support ")) && !relativeAfter(l[i+len(lsp):]) {
				// "The builtin server supports SSL for testing purposes."
				// (Werkzeug's "SSL"): what supports it ("Jinja supports
				// extensions that can add extra filters, ..." says what
				// they are).
				return true
			}
			rest := strings.TrimPrefix(l[i+len(lsp):], "s")
			for _, st := range []string{" is not supported", " are not supported", " is no longer supported", " are no longer supported",
				" is unsupported", " are unsupported", " is deprecated", " are deprecated", " is not available", " are not available",
				" is supported by default", " are supported by default", " is fully supported", " are fully supported",
				// "Both pull and push consumers are supported in jetstream
				// package." (nats.go's README)
				" is supported in ", " are supported in ", " is supported by ", " are supported by ", " is supported on ", " are supported on "} {
				if strings.HasPrefix(rest, st) {
					return true
				}
			}
		}
	}
	return false
}

// relativeAfter reports a relative clause after a term's spelling: "s
// that can add ...", " which ...".
func relativeAfter(rest string) bool {
	w := firstWord(strings.TrimPrefix(rest, "s"))
	return w == "that" || w == "which" || w == "who"
}

// jaSupportStatus reports a Japanese sentence that says whether something
// is supported: 「…はサポート対象外です。」, 「…には対応していません。」.
func jaSupportStatus(s string) bool {
	t := strings.TrimRight(s, "。．. ")
	return endsWithAny(t, "対象外です", "対象外である", "対象外となります", "対象外になりました", "サポートされていません", "サポートしていません",
		"対応していません", "非対応です", "未対応です", "サポートされません")
}

// jaAmount reports a parenthesis that gives an amount, about or at
// least: 「だいたい256バイト以上」, 「約 3 日」, 「10件程度」.
func jaAmount(inner string) bool {
	t := strings.TrimSpace(strings.TrimRight(inner, "。"))
	for _, p := range []string{"だいたい", "大体", "約", "およそ", "おおよそ", "概ね", "おおむね", "最大", "最小", "最低"} {
		t = strings.TrimSpace(strings.TrimPrefix(t, p))
	}
	for _, sfx := range []string{"以上", "以下", "未満", "程度", "前後", "くらい", "ぐらい", "まで"} {
		t = strings.TrimSuffix(t, sfx)
	}
	return jaQuantity(t)
}

// jaThatClause reports a sentence that ends in a content clause,
// 「…ということです」 ("... is that ...").
func jaThatClause(body string) bool {
	return endsWithAny(body, "ということです", "と言うことです", "ということだ", "ということである", "ということになります", "ってことです")
}

// jaNegativeEnding reports a Japanese sentence that ends by denying its
// predicate: 「…ではありません」, 「…ではない」.
func jaNegativeEnding(body string) bool {
	return endsWithAny(body, "ではありません", "ではない", "じゃない", "ではないです", "ではございません")
}

// jaClauseNoun reports a predicate that is a noun under a relative clause
// (「ウェブからページを取得して表示するプログラム」): read before 「で、」 it
// says what the subject is, where a bare noun phrase before 「で、」 says
// where or how (「Node.js の環境で、」).
func jaClauseNoun(pred string) bool {
	noun := trailingJaRun(pred)
	for _, c := range jaCircumstanceNouns {
		if noun == c {
			// 「…を開いた状態で、」, 「…に並んだ後で、」: when, not what.
			return false
		}
	}
	for _, m := range []string{"する", "れる", "できる", "ための", "という", "を"} {
		if strings.Contains(pred, m) {
			return true
		}
	}
	// 「有志が集まってできた団体」: a relative clause in the past.
	return noun != "" && (strings.HasSuffix(pred, "た"+noun) || strings.HasSuffix(pred, "だ"+noun))
}

// jaCircumstanceNouns say when or in what state: after a relative clause
// and before 「で、」 they make a circumstance, not a copula.
var jaCircumstanceNouns = []string{"場合", "状態", "時", "際", "時点", "段階", "前", "後", "間", "途中", "最中", "上", "中", "直後", "直前"}

// jaKindBeforeDe reports a predicate before 「で、」 that names a kind of
// thing after a modifier (「MultiViews はディレクトリ毎のオプションで、…」,
// 「名前付きパイプは特殊なファイル型で、…」) or a relative clause
// (「…への進化したインターフェイスで apt-get …」):
// 「で」 is then the copula, where after a place or a circumstance
// (「Node.js の環境で、」, 「この場合で、」) it says where.
func jaKindBeforeDe(pred string) bool {
	noun := trailingJaRun(pred)
	if utf8.RuneCountInString(noun) < 2 || !strings.HasSuffix(pred, "の"+noun) && !strings.HasSuffix(pred, "な"+noun) &&
		!strings.HasSuffix(pred, "い"+noun) && !strings.HasSuffix(pred, "た"+noun) && !strings.HasSuffix(pred, "る"+noun) {
		return false
	}
	for _, p := range jaPlaceNouns {
		if strings.HasSuffix(noun, p) {
			return false
		}
	}
	return true
}

// jaPlaceNouns name where or when something happens: before 「で、」 they
// make a place, not a copula.
var jaPlaceNouns = []string{"環境", "場合", "状態", "中", "上", "下", "内", "側", "時", "際", "場所", "画面", "端末", "部分",
	"段階", "時点", "範囲", "方法", "手順", "形", "前", "後", "間", "近く", "ページ", "ディレクトリ", "フォルダ", "サーバ",
	"サーバー", "マシン", "ホスト", "システム", "ネットワーク", "リポジトリ", "ファイル", "設定", "モード", "方式", "場", "所",
	// 「…のメールアドレス経由で、」: by what way.
	"経由"}

// jaOrWords join two names of one thing: 「XまたはY」.
var jaOrWords = []string{"または", "あるいは", "もしくは"}

func jaOrNext(s string) bool {
	for _, or := range jaOrWords {
		if strings.HasPrefix(s, or) {
			return true
		}
	}
	return false
}

// jaAlternativeSubject matches a subject that gives the term with another
// name: 「ウェブブラウザーまたはブラウザーは、…」 has both as its subject.
// It returns the offset after the subject, before its particle.
func jaAlternativeSubject(text, sp string) (int, bool) {
	for _, or := range jaOrWords {
		i := strings.Index(text, or)
		if i <= 0 || i > 60 {
			continue
		}
		first, rest := text[:i], text[i+len(or):]
		wa := strings.Index(rest, "は")
		if wa <= 0 || wa > 60 {
			continue
		}
		second := rest[:wa]
		if strings.ContainsAny(first+second, "、。，") {
			continue
		}
		if strings.TrimSpace(first) == sp || strings.TrimSpace(second) == sp {
			return i + len(or) + wa, true
		}
	}
	return 0, false
}

// jaQualified reports a predicate that opens with a short setting that
// limits it: 「デフォルトでは」, 「通常は」, 「内部的には」, 「この場合」.
func jaQualified(pred string) bool {
	for _, q := range []string{"デフォルトでは", "既定では", "標準では", "通常は", "普段は", "基本的には", "内部的には", "一般的には",
		"この場合", "その場合", "この時", "そのとき", "このとき", "初期状態では", "現在は", "現時点では"} {
		if strings.HasPrefix(pred, q) {
			return true
		}
	}
	return false
}

// aboutInstances reports a list or table gloss that speaks of the term's
// instances rather than saying what the term is: 「停止していないPodの総数」,
// "The number of pods in the namespace", as in a table of quota keys.
func aboutInstances(body, sp string, ja bool) bool {
	if !ja {
		// "The total number of resource quotas ..." under the key
		// `resourcequotas`: a count of the term's own instances. ("The
		// number of copies of each partition" is what a replication factor
		// is.)
		l := strings.ToLower(body)
		if i := strings.Index(l, "number of "); i >= 0 && i <= len("the total ") {
			words := strings.Fields(l[i+len("number of "):])
			joined := ""
			for _, w := range words[:min(len(words), 3)] {
				joined += strings.Trim(w, ".,;:()")
				if strings.TrimSuffix(joined, "s") == squash(sp) {
					return true
				}
			}
		}
	}
	for _, at := range glossary.Index(body, sp) {
		if at == 0 {
			continue
		}
		if !ja && at < 12 && slices.ContainsFunc(enCountWords, func(c string) bool { return strings.EqualFold(strings.TrimSpace(body[:at]), c) }) {
			// "Buttons: Three buttons at the bottom of the dialog allow
			// you to ..." (GIMP's dialogs): those of one place, counted.
			return true
		}
		if ja {
			if strings.HasPrefix(body[at+len(sp):], "の") {
				return true
			}
			continue
		}
		before := strings.ToLower(body[:at])
		if strings.HasSuffix(before, " of ") || strings.HasSuffix(before, " of all ") {
			return true
		}
	}
	return false
}

// squash lower-cases s and drops its spaces, hyphens and a plural "s":
// "ResourceQuota", "resource quotas" and "resource-quota" are one key.
func squash(s string) string {
	s = strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s))
	return strings.TrimSuffix(s, "s")
}

// jaDemonstrative reports a Japanese text that opens by pointing at its
// context: 「この例では、」, 「ここでは、」, 「上記の場合では、」. What follows is
// about that example, not a definition.
func jaDemonstrative(s string) bool {
	for _, d := range []string{"この", "その", "あの", "ここ", "そこ", "上記", "下記", "上の", "下の", "次の", "以下", "前述", "後述", "本"} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// jaConcession reports a Japanese sentence that grants a negative before
// its point: 「…は必須ではありませんが、…」.
func jaConcession(s string) bool {
	for _, c := range []string{"ではありませんが、", "ではないが、", "ではないものの、", "じゃないが、"} {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// jaNounPhrase reports a Japanese text that ends in a noun (体言止め):
// 「…承認できる人。」, 「…使用されるルール」, not a verb or a copula.
func jaNounPhrase(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "。．.")
	// 「…APIオブジェクトです。」: a noun phrase with its copula.
	for _, c := range []string{"です", "である"} {
		if t, ok := strings.CutSuffix(s, c); ok && !strings.HasSuffix(t, "の") && !strings.HasSuffix(t, "ん") {
			s = t
			break
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.In(r, unicode.Han, unicode.Katakana) && r != 'ー' && !jaKanaNoun(s) {
		return false
	}
	return !jaNotHeadingGloss(s) && utf8.RuneCountInString(s) <= 120
}

// jaKanaNoun reports a text that ends in a noun spelled with a trailing
// kana: 「…を速くする仕組み」, 「…の取り決め」, 「…をまとめたもの」,
// 「…までの深さ」.
func jaKanaNoun(s string) bool {
	// 「…の深さ」, 「…の長さ」: an adjective's noun, kanji stem and さ.
	if t, ok := strings.CutSuffix(s, "さ"); ok {
		if r, _ := utf8.DecodeLastRuneInString(t); unicode.Is(unicode.Han, r) || strings.HasSuffix(t, "大き") || strings.HasSuffix(t, "小さ") {
			return true
		}
	}
	for _, n := range []string{"仕組み", "集まり", "取り決め", "決まり", "組み合わせ", "区切り", "割り当て", "入れ物", "置き場", "まとめ", "もの"} {
		if strings.HasSuffix(s, n) {
			return true
		}
	}
	return false
}

// jaSubjectParticle reports whether rest, the text after a Japanese
// sentence's first word, makes that word the subject: 「承認者は」,
// 「承認者が」, not 「承認者のステータスは」 or 「アフィニティには」.
func jaSubjectParticle(rest string) bool {
	rest = strings.TrimLeft(rest, " 　」』")
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		// 「並立助詞(たり)が」: a parenthetical after the subject.
		if strings.HasPrefix(rest, p[0]) {
			if i := strings.Index(rest, p[1]); i > 0 {
				rest = strings.TrimLeft(rest[i+len(p[1]):], " 　")
			}
		}
	}
	if after, ok := strings.CutPrefix(rest, "が"); ok {
		// 「並立助詞(たり)が連続するのは、…許可します。」: the subject of a
		// clause that the sentence is about, not of the sentence.
		clause := after
		if i := strings.IndexAny(clause, "、。"); i >= 0 {
			clause = clause[:i]
		}
		return !strings.HasSuffix(clause, "のは")
	}
	for _, p := range []string{"は", "とは", "って", "というのは", "も"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// jaContrast reports what follows 「Xとは」 when it compares rather than
// defines: 「対照的に」, 「異なり」, 「違って」, 「別に」, 「関係なく」, 「逆に」.
func jaContrast(after string) bool {
	for _, p := range []string{"対照的", "異な", "違", "別に", "別の", "関係な", "無関係", "逆", "反対", "独立", "裏腹"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// calledEvidence matches a naming sentence: in Japanese "…をXと呼ぶ。",
// "…はXと呼ばれる。"; in English see enCalledEvidence. A Japanese sentence that opens with a demonstrative ("この周期を
// ポーリング間隔と呼び、…") is shown after the sentence it refers to.
func calledEvidence(ix *corpusIndex, si int, sp string, hits []int) (evidence, bool) {
	s := &ix.sentences[si]
	if s.block == blockHeading {
		return evidence{}, false
	}
	if !s.ja {
		return enCalledEvidence(ix, si, sp, hits)
	}
	for _, at := range hits {
		rest := s.text[at+len(sp):]
		quoted := strings.HasPrefix(rest, "」") && strings.HasSuffix(s.text[:at], "「")
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "」"), "』")
		if !quoted {
			rest = strings.TrimLeft(rest, " ") // 「DDSKK と呼びます」: a Latin name spaced from its particle
		}
		if after, found := strings.CutPrefix(rest, "という"); found && quoted && jaNamedNoun(after) {
			// 「すべてのアプリには、「ルートコンポーネント」という、他の…を
			// 含むことができるコンポーネントが必要です。」: the term in
			// quotes names the noun phrase after it, in passing.
			return evidence{kind: evDescribe, text: capText(s.text, true), doc: s.doc, line: s.line, ja: true, mentions: true}, true
		}
		if after, found := strings.CutPrefix(rest, "と呼ばれる"); found && after != "" && !strings.HasPrefix(after, ")") &&
			!strings.HasPrefix(after, "。") && !strings.HasPrefix(after, "、") && !strings.HasPrefix(after, "）") &&
			!strings.HasPrefix(after, "こと") && !strings.HasPrefix(after, "ように") {
			// 「…は、サイドカーと呼ばれる小さなプログラムを使います。」: the
			// noun phrase after says what the term is, in passing: it
			// describes the term, below a gloss or a definition.
			return evidence{kind: evDescribe, text: capText(s.text, true), doc: s.doc, line: s.line, ja: true, mentions: true}, true
		}
		if jaTermAs(s.text[:at], rest) {
			// 「曳船と押船の両方を指す用語として *作業船* を用います。」: the
			// text names what the term covers.
			return evidence{kind: evExplicit, text: capText(s.text, true), doc: s.doc, line: s.line, ja: true, mentions: true, naming: true}, true
		}
		ok := false
		for _, end := range []string{"と呼ぶ。", "と呼ぶ、", "と呼び、", "と呼びます", "と呼んでいる", "と呼んでいます",
			// 「Debian パッケージはバイナリパッケージとも呼ばれ、…」: also called.
			"とも呼ばれ、", "とも呼ばれる。", "とも呼ばれます。", "とも呼ばれています。",
			// 「このファイルはデバイスファイルと呼ばれ、…振る舞いをします。」
			"と呼ばれ、", "と呼ばれており、",
			"と呼ばれる。", "と呼ばれます。", "と呼ばれている。", "と呼ばれています。", "という。", "といいます。",
			"と言う。", "と言います。", "と言い、", "と言われる。", "と言われます。", "と言われています。"} {
			ok = ok || strings.HasPrefix(rest, end) || strings.TrimSuffix(end, "。") == rest
		}
		if !ok {
			continue
		}
		before := s.text[:at]
		for _, n := range jaNamings(s.text) {
			// 「情報処理推進機構（以下「IPA」という。）は、…」: the term names
			// the phrase before the parenthesis, its definition.
			if n.shown != "" && strings.EqualFold(n.name, sp) {
				return evidence{kind: evExplicit, strong: true, text: capText(n.shown, true), doc: s.doc, line: s.line, ja: true, mentions: true}, true
			}
		}
		// 「この機能を以下「動的補完」と呼びます。」: "hereinafter" between
		// the object and the name.
		// 「…を tidectl と呼びます。」: a Latin name spaced from を too.
		b := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(before, " "), "「"), "以下"), "、")
		if !strings.HasSuffix(b, "を") && !strings.HasSuffix(b, "は") {
			continue
		}
		text, line := s.text, s.line
		if inner, ok := enclosingParen(s.text, at); ok {
			// 「パーティショニングは…作業です (分割されたそれぞれの区画を
			// 「パーティション」と呼びます)。」: the naming is the
			// parenthesis, not the sentence about partitioning.
			return evidence{kind: evExplicit, text: capText(strings.TrimSpace(inner)+"。", true), doc: s.doc, line: line, ja: true,
				mentions: true, naming: true}, true
		}
		for _, demo := range []string{"この", "その", "これ", "こうした", "このような"} {
			if strings.HasPrefix(text, demo) && si > 0 && ix.sentences[si-1].para == s.para {
				text, line = ix.sentences[si-1].text+text, ix.sentences[si-1].line
				break
			}
		}
		return evidence{kind: evExplicit, text: capText(text, true), doc: s.doc, line: line, ja: true, mentions: true, naming: true}, true
	}
	return evidence{}, false
}

// jaTermAs reports a term used "as the word for" what comes before it:
// before ends with 「…を指す用語として」 and rest opens with 「を用います」.
func jaTermAs(before, rest string) bool {
	b := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(before, " "), "「"), " ")
	if !endsWithAny(b, "用語として", "言葉として", "呼び名として", "名前として", "名称として") {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	for _, v := range []string{"を用います", "を用いる", "を用いています", "を使います", "を使う", "を使っています", "を使用します", "を使用する"} {
		if strings.HasPrefix(rest, v) {
			return true
		}
	}
	return false
}

// demonstratives point back to what a sentence said before.
var demonstratives = toSet("this that these those such")

// introducedEvidence reads a sentence that ends with the term in emphasis
// as its copula's complement ("The low level unit of transmission in MQTT
// is a **Packet**.", 「荷役の最小単位は**荷口**です。」) as naming it, as
// "... is called a packet." does. The subject must say something: three
// words or more, not a pointer back ("This is a **hawser**.").
func introducedEvidence(s *sentence, in, sp string) (evidence, bool) {
	if in == "" || s.block == blockHeading {
		return evidence{}, false
	}
	if !strings.EqualFold(in, sp) && !(!s.ja && spelledAsPlural(in, sp)) {
		return evidence{}, false
	}
	if s.ja {
		subject, _, ok := strings.Cut(s.text, "は"+in)
		if !ok || utf8.RuneCountInString(subject) < 4 || strings.HasPrefix(subject, sp) || jaDemonstrative(subject) {
			return evidence{}, false
		}
		return evidence{kind: evExplicit, text: capText(s.text, true), doc: s.doc, line: s.line, ja: true, mentions: true, naming: true}, true
	}
	text := s.text
	if s.code != "" && strings.HasPrefix(text, s.code+": ") {
		// "- `inspect.Parameter(name, kind)`: Parameter objects are
		// *immutable*.": the item's key is not part of the sentence.
		text = text[len(s.code)+2:]
	}
	lower := strings.ToLower(text)
	at := strings.LastIndex(lower, " is ")
	if a := strings.LastIndex(lower, " are "); a > at {
		at = a
	}
	if at < 0 {
		return evidence{}, false
	}
	subject := text[:at]
	words := strings.Fields(subject)
	if len(words) < 3 || isQuestion(text) {
		return evidence{}, false
	}
	switch strings.ToLower(words[0]) {
	case "this", "that", "it", "these", "those", "such", "here", "there", "which", "what":
		return evidence{}, false
	}
	switch strings.ToLower(words[len(words)-1]) {
	case "it", "they", "which", "who", "there", "he", "she":
		// "A proxy server that appears to the client as if it is an
		// *origin server*.": the complement of a pronoun in a clause.
		return evidence{}, false
	}
	clause := 0 // the first word of the clause the copula is in
	for i, w := range words {
		if strings.ContainsAny(w[len(w)-1:], ",;:") {
			clause = i + 1
		}
		if strings.HasSuffix(w, ";") && len(words)-(i+1) < 3 && i+1 < len(words) && !demonstratives[strings.ToLower(words[i+1])] {
			// "ed(1) and vim(1) are BRE; perl(1) is ERE.": a statement
			// of its own, after the semicolon, whose subject is a name:
			// what perl is, not what ERE is ("...; this is
			// authentication." names what the clause before says).
			return evidence{}, false
		}
	}
	for i, w := range words {
		switch strings.ToLower(strings.Trim(w, ",;:")) {
		case "setting", "settings", "value", "values", "default":
			// "the only sensible main.cf setting for this parameter is
			// **hostname**": a value given, not a thing named.
			return evidence{}, false
		case "when", "whenever", "if", "unless", "until", "because", "although", "though", "whether", "while", "whose":
			// "Note: this variable has no effect when the $autoedit
			// variable is *set*.": the copula of a clause the sentence
			// ends with; its complement is a state, not a name ("If a
			// name has two dots, each part after the first is an
			// *extension*" names one). "whose": "wait for any child
			// whose process group ID is *id*" gives a value.
			if i >= clause && !(i > 0 && strings.EqualFold(words[i-1], "a")) { // not "for a while"
				return evidence{}, false
			}
		}
	}
	return evidence{kind: evExplicit, text: capText(text, false), doc: s.doc, line: s.line, mentions: true, naming: true}, true
}

// jaWordTopic returns the words at the start of rest that make the word
// before them the topic as a word (「という用語は」, 「という言葉は」): what
// follows says what the word means.
func jaWordTopic(rest string) (string, bool) {
	for _, w := range []string{"という用語は", "という言葉は", "という語は", "という単語は", "という表現は"} {
		if strings.HasPrefix(rest, w) {
			return w, true
		}
	}
	return "", false
}

// jaNamedNoun reports the text after 「「X」という」 that goes on to the
// noun X names (「、他のコンポーネントを含む…コンポーネントが」,
// 「特別な属性」), not to a clause about the word (「ことです」, 「意味」).
func jaNamedNoun(after string) bool {
	after = strings.TrimLeft(after, "、 ")
	if after == "" || strings.HasPrefix(after, "。") {
		return false
	}
	// 「「sid」という名も…から来ています」: the name itself, not a thing so
	// named.
	for _, p := range []string{"こと", "の", "意味", "言葉", "単語", "名前", "名称", "用語", "表現", "ように", "ふうに", "わけ",
		"名は", "名も", "名が", "名を", "名で", "名に"} {
		if strings.HasPrefix(after, p) {
			return false
		}
	}
	return true
}

// enNamings end the words before a term that a sentence names: "The group
// of boats that sail together is called a flotilla."
var enNamings = []string{" called ", " known as ", " referred to as ", " termed "}

// enHereinafterOpeners open a parenthesis that names the phrase before it
// for the rest of a formal text: "Acme Storage Gateway (the \"Gateway\")".
var enHereinafterOpeners = []string{`(the "`, `("`, `(hereinafter "`, `(hereinafter the "`, `(hereinafter referred to as "`,
	`(hereinafter referred to as the "`, `(hereafter "`, "(the “", "(“", "(hereinafter “", "(hereinafter the “"}

// enHereinafter reports a term named in a formal text's parenthesis, at
// text[at:at+n]: it returns the named words before the parenthesis (back
// to a preposition, a verb of the sentence or a comma, five at most) and
// the definition to show, those words with the parenthesis: "Acme Storage
// Gateway (the \"Gateway\")".
func enHereinafter(text string, at, n int) (named []string, shown string, ok bool) {
	before := text[:at]
	if !strings.HasSuffix(before, `"`) && !strings.HasSuffix(before, "“") {
		return nil, "", false // every opener ends with a quote; most hits have none
	}
	tail := asciiLower(before[max(0, len(before)-40):])
	open := -1
	for _, o := range enHereinafterOpeners {
		if strings.HasSuffix(tail, o) {
			open = len(before) - len(o)
			break
		}
	}
	after := text[at+n:]
	if open <= 0 || !(strings.HasPrefix(after, `")`) || strings.HasPrefix(after, "”)")) {
		return nil, "", false
	}
	if text[open-1] != ' ' {
		return nil, "", false // `UseCompressor("identity")`: a call, not a name given
	}
	closeAt := at + n + strings.IndexByte(after, ')') + 1
	words := strings.Fields(text[:open])
	k := len(words)
	for k > 0 && len(words)-k < 5 {
		w := strings.ToLower(strings.Trim(words[k-1], ",;:"))
		if strings.HasSuffix(words[k-1], ",") || enHereinafterStops[w] {
			break
		}
		k--
	}
	if k == len(words) {
		return nil, "", false
	}
	named = words[k:]
	if len(named) > 1 && enDeterminerWord(named[0]) {
		named = named[1:]
	}
	if first := named[0]; isLowerWord(first) && strings.HasSuffix(first, "ing") && slices.ContainsFunc(named[1:], enDeterminerWord) {
		// "windows for drawing the schematic (\"Schematic Editor\")": an
		// activity, and the parenthesis names what does it.
		return nil, "", false
	}
	if k := slices.IndexFunc(named[1:], enDeterminerWord); k >= 0 && k+2 < len(named) {
		// "developers who clone the containing project (\"superproject\")":
		// the noun phrase starts after its determiner.
		named = named[k+2:]
	}
	if last := named[len(named)-1]; isLowerWord(last) && (strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ing")) {
		// "packages which have an unfulfilled (“broken”) dependency":
		// an adjective, and the phrase goes on after the parenthesis.
		return nil, "", false
	}
	next, more, _ := strings.Cut(strings.TrimLeft(text[closeAt:], " "), " ")
	if isLowerWord(next) && !enStopwords[next] &&
		!enModals[next] && !enHereinafterStops[next] && !strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ed") {
		// "the version number of the original (“upstream”) package": the
		// phrase goes on after the parenthesis, its noun is "package".
		return nil, "", false
	}
	if w := strings.TrimRight(next, ".,;:"); len(w) > 3 && strings.HasSuffix(w, "s") && isLowerWord(w) &&
		(w != next || hasAnyPrefix(more, "and ", "or ", "are ", "were ", "that ", "which ")) {
		// "high level (\"porcelain\") commands and low level ...": a
		// plural noun, not a verb, ends the phrase after the parenthesis.
		return nil, "", false
	}
	return named, strings.Join(named, " ") + " " + text[open:closeAt], true
}

// enDeterminerWord reports an article or a determiner word.
func enDeterminerWord(w string) bool {
	for _, d := range enDeterminers {
		if strings.EqualFold(w+" ", d) {
			return true
		}
	}
	return false
}

// enHereinafterStops end the phrase a formal parenthesis names.
var enHereinafterStops = toSet(`of by from to with for in on at and or that which provided operated offered
	governs govern use uses means is are have has had`)

// enMeantBy reports a sentence that says what the writer means by the
// term between before and after: "By checkpoint we mean ...", "We use the
// word lane to mean ...", "We use \"lane\" to refer to ...", "We define
// demurrage as ...".
func enMeantBy(before, after string) bool {
	if len(before) > len("we use the term ")+4 {
		return false // "By ", "We use the word ": the sentence's first words
	}
	b := strings.ToLower(strings.TrimRight(before, `"“'‘`))
	a := strings.ToLower(strings.TrimLeft(after, `"”'’`))
	switch {
	case b == "by " && strings.HasPrefix(a, " we mean "):
		return true
	case b == "we use " || b == "we use the word " || b == "we use the term ":
		return strings.HasPrefix(a, " to mean ") || strings.HasPrefix(a, " to refer to ")
	case b == "we define " || b == "we define the term ":
		return strings.HasPrefix(a, " as ") || strings.HasPrefix(a, " to be ")
	}
	return false
}

// longerNameInParens reports the rest of a parenthesised naming after the
// term that goes on with more of the name: " group), which ..." after
// "(so called volume": the name is "volume group", not the term.
func longerNameInParens(rest string) bool {
	end := strings.IndexByte(rest, ')')
	if end < 2 || rest[0] != ' ' {
		return false
	}
	words := strings.Fields(rest[:end])
	return len(words) >= 1 && len(words) <= 2 && !strings.ContainsAny(rest[:end], ",;(")
}

// longerNameAfter reports rest, what follows the term after "called", as
// one more word that ends the clause: "a process called zone transfer."
// names zone transfer, not zone ("a program called a sidecar next to
// ..." goes on).
func longerNameAfter(rest string) bool {
	w, after, _ := strings.Cut(strings.TrimPrefix(rest, " "), " ")
	bare := strings.TrimRight(w, ".,;:")
	if !strings.HasPrefix(rest, " ") || after != "" && bare == w && !strings.HasPrefix(after, "(") {
		return false
	}
	return isLowerWord(bare) && !enStopwords[bare]
}

// attributiveNaming reports words that end in a noun phrase opened by an
// article, a noun last ("runs a small program", "uses the daemon"), so that
// "called X" after them names that phrase: not a verb ("is called", "was
// called"), nor a phrase without an article ("functions called by").
func attributiveNaming(words []string) bool {
	last := strings.ToLower(words[len(words)-1])
	switch last {
	case "was", "were", "been", "being", "has", "have", "had", "do", "does", "did", "not":
		return false
	}
	if enModals[last] || enStopwords[last] || strings.HasSuffix(last, "ly") || strings.HasSuffix(last, "ed") || strings.HasSuffix(last, ",") {
		return false
	}
	for k := len(words) - 2; k >= 0 && k >= len(words)-4; k-- {
		switch strings.ToLower(words[k]) {
		case "a", "an":
			return true
		case "is", "are", "was", "were", "be", "been":
			return false
		}
	}
	return false
}

// enClauseStart reports text that opens a new clause after a named term:
// "... are called requests and the messages ... are called responses".
// "and" before a determiner starts a clause; before a noun it continues a
// list ("are called requests and replies").
func enClauseStart(rest string) bool {
	return hasAnyPrefixFold(rest, " and the ", " and a ", " and an ", " and this ", " and these ", " but ", " while ", " whereas ")
}

// enCalledEvidence matches an English naming sentence: "... is called
// (a|an|the) X", "... are known as Xs", "... is often referred to as X",
// with the term ending its clause. A sentence that opens with "This",
// "It" or "They" ("This is called a flotilla.", "They are collectively
// called numeric types.") is shown after the sentence it refers to.
func enCalledEvidence(ix *corpusIndex, si int, sp string, hits []int) (evidence, bool) {
	s := &ix.sentences[si]
	for _, at := range hits {
		if named, phrase, ok := enHereinafter(s.text, at, len(sp)); ok {
			// A formal text names a name ("Acme Storage Gateway (the
			// \"Gateway\")"); "the containing project (\"superproject\")"
			// names a common phrase in passing.
			formal := slices.ContainsFunc(named, func(w string) bool { r, _ := utf8.DecodeRuneInString(w); return unicode.IsUpper(r) })
			return evidence{kind: evExplicit, strong: formal, naming: !formal, text: capText(upperFirst(phrase), false), doc: s.doc, line: s.line, mentions: true}, true
		}
		if enMeantBy(s.text[:at], s.text[at+len(sp):]) {
			return evidence{kind: evExplicit, strong: true, text: capText(s.text, false), doc: s.doc, line: s.line, mentions: true}, true
		}
		if !strings.Contains(s.text[:at], "called ") && !strings.Contains(s.text[:at], " as ") && !strings.Contains(s.text[:at], "termed ") {
			continue // cheap test first: the naming words are lower case mid-sentence
		}
		if innerCapital(sp) && s.text[at:min(at+len(sp), len(s.text))] != sp {
			// "an entry called Gosa is provided" names a menu entry, not
			// GOsa: a name with inner capitals is spelled as it is.
			continue
		}
		if after := strings.TrimPrefix(s.text[at+len(sp):], "s"); len(after) > 1 && (after[0] == '.' || after[0] == '-') && isASCIILetter(after[1]) {
			// "a resource called document.html", "are called
			// document.html.en", "a script called git merge-one-file",
			// "This server is called lists.debian.org": a file, a host or
			// a longer name, not the term.
			continue
		}
		rest := strings.TrimPrefix(s.text[at+len(sp):], "s")
		endsClause := rest == "" || strings.ContainsRune(".,;:)", rune(rest[0])) || strings.HasPrefix(rest, " (") || enClauseStart(rest)
		before := strings.ToLower(s.text[:at])
		before = strings.TrimSuffix(strings.TrimSuffix(before, "“"), `"`)
		for _, art := range []string{"a ", "an ", "the "} {
			if strings.HasSuffix(before, " "+art) {
				before = before[:len(before)-len(art)]
				break
			}
		}
		named := false
		for _, n := range enNamings {
			if !strings.HasSuffix(before, n) {
				continue
			}
			words := strings.Fields(before[:len(before)-len(n)])
			if len(words) >= 2 && words[len(words)-1] != "not" && words[len(words)-1] != "be" {
				verb := words[len(words)-1]
				if verb == "also" || strings.HasSuffix(verb, "ly") {
					verb = words[len(words)-2] // "is often called"
				}
				// "... is called a flotilla.": the term ends its clause.
				// "... runs a small program called a sidecar next to ...":
				// a noun phrase named by the term after it, mid-sentence.
				named = endsClause && (verb == "is" || verb == "are")
				if !named && n == " called " && latinName(sp) && attributiveNaming(words) && !longerNameInParens(rest) && !longerNameAfter(rest) {
					// In passing, as 「Xと呼ばれるY」 (a file called
					// harbor.toml names a file, not a kind of thing).
					return evidence{kind: evDescribe, text: capText(s.text, false), doc: s.doc, line: s.line, mentions: true}, true
				}
			}
			break
		}
		if !named {
			continue
		}
		if l := strings.ToLower(s.text); strings.HasPrefix(l, "in this example") || strings.HasPrefix(l, "in the example") ||
			strings.HasPrefix(l, "for example") || strings.HasPrefix(l, "here, ") || namesQuotedInstance(s.text[:at]) {
			// 'In this example, "origin" is called a remote repository':
			// one instance named, not what the term is.
			continue
		}
		text, line := s.text, s.line
		switch strings.ToLower(firstWord(text)) {
		case "this", "that", "it", "these", "those", "such", "they":
			if si == 0 || ix.sentences[si-1].para != s.para || ix.sentences[si-1].doc != s.doc {
				continue // nothing to say what it names
			}
			text, line = ix.sentences[si-1].text+" "+text, ix.sentences[si-1].line
		}
		return evidence{kind: evExplicit, text: capText(text, false), doc: s.doc, line: line, mentions: true, naming: true}, true
	}
	return evidence{}, false
}

// namesQuotedInstance reports a naming whose subject is a quoted literal:
// '"origin" is called a ...', '`main` is called the ...'.
func namesQuotedInstance(before string) bool {
	subj := strings.TrimSpace(before)
	for _, n := range []string{" is called", " is also called", " is known as"} {
		if i := strings.LastIndex(subj, n); i > 0 {
			subj = strings.TrimSpace(subj[:i])
			r, _ := utf8.DecodeLastRuneInString(subj)
			return strings.ContainsRune("\"”'`", r)
		}
	}
	return false
}

// jaEndings are the sentence endings of a Japanese definition, longest
// first. copula marks the endings that also end ordinary statements.
var jaEndings = []struct {
	suffix string
	copula bool
}{
	{"のことを指します", false}, {"のことを指す", false}, {"のことをいいます", false}, {"のことをいう", false},
	{"のことである", false}, {"のことです", false}, {"のことだ", false}, {"のこと", false},
	{"を指します", false}, {"を指す", false}, {"をいいます", false}, {"をいう", false}, {"を言う", false},
	{"を意味します", false}, {"を意味する", false}, {"を表します", false}, {"を表す", false},
	{"と定義されます", false}, {"と定義される", false}, {"と定義されています", false}, {"と定義されている", false},
	{"として定義されます", false}, {"として定義される", false}, {"として定義されています", false}, {"として定義されている", false},
	{"である", true}, {"です", true}, {"だ", true},
}

// jaFeelings are what 「…を表します」 expresses when it pays respect,
// thanks or regret rather than saying what a thing stands for.
var jaFeelings = []string{"敬意", "謝意", "感謝", "感謝の意", "謝罪の意", "弔意", "哀悼", "哀悼の意", "遺憾", "遺憾の意", "祝意",
	"賛意", "賛同", "歓迎", "歓迎の意", "お礼", "御礼", "お詫び", "敬服", "同情"}

// jaNotNounEndings end predicates that are not nouns ("速い", "するのです",
// "ようです", "限定すべきです") and so do not define.
var jaNotNounEndings = []string{"い", "の", "ん", "よう", "そう", "はず", "ため", "わけ", "ところ", "まで", "から", "だけ", "ばかり", "ほど", "くらい", "的", "中", "次第", "予定", "最中", "べき",
	// 「…の追加などです。」: examples of what it does, not a kind.
	"など", "等々"}

// jaVerdictEndings end a predicate that judges the subject as a means or a
// choice (「…を活用できる優れた手段です。」), the counterpart of English "X is
// a good way to ...".
var jaVerdictEndings = []string{"優れた手段", "優れた方法", "優れた選択", "優れた選択肢", "良い手段", "良い方法", "良い選択", "良い選択肢",
	"よい手段", "よい方法", "よい選択", "よい選択肢", "便利な方法", "便利な手段", "簡単な方法", "有効な手段", "有効な方法", "最適な方法", "最適な選択", "最適な選択肢", "最良の方法", "最良の選択"}

// jaNaAdjectives are adjectival nouns: "X は必要である" is not a definition.
var jaNaAdjectives = []string{
	"必要", "不要", "重要", "大切", "可能", "不可能", "便利", "簡単", "安全", "危険", "高速", "有効", "無効",
	"十分", "困難", "確実", "自由", "容易", "任意", "同様", "同じ", "別", "適切", "最適", "推奨", "必須",
	"不明", "未定", "問題", "大丈夫", "正常", "異常", "明らか", "様々", "色々", "複雑", "単純", "有用",
	"不十分", "一般的", "不便", "困難", "確か", "自然", "当然", "好き", "苦手", "得意",
	// 「Debian は…について非常に厳格です。」: how strict, flexible or
	// costly it is.
	"厳格", "厳密", "柔軟", "強力", "正確", "明確", "安定", "不安定", "無料", "有料", "無償", "有償", "豊富", "堅牢",
	"軽量", "高価", "安価", "冗長", "簡潔", "快適", "不可欠", "重大", "深刻", "慎重", "寛容", "保守的", "積極的",
}

// jaPropertyWords, as the whole predicate of 「Xは…です」, say how X is
// (optional, read-only, deprecated), not what it is: 「プレフィックスは
// オプションです」. After a modifier they may name a kind (「…を指定する
// オプションです」 defines a flag).
var jaPropertyWords = map[string]bool{
	"オプション": true, "オプショナル": true, "省略可能": true, "読み取り専用": true, "書き込み専用": true,
	"非推奨": true, "廃止予定": true, "実験的": true, "不変": true, "可変": true, "イミュータブル": true,
	"ミュータブル": true, "デフォルト": true, "既定": true, "ベータ": true, "アルファ": true, "ベータ版": true,
	"アルファ版": true, "安定版": true,
}

// jaThingDefined reports a predicate that ends in 「もの」 after a clause,
// 「…をまとめたもの」, 「…扱うためのもの」: what the subject is, said of
// what it does. 「ユーザーのもの」 says whose it is.
func jaThingDefined(pred string) bool {
	if !strings.HasSuffix(pred, "もの") {
		return false
	}
	before := strings.TrimSuffix(pred, "もの")
	return !strings.HasSuffix(before, "の") || strings.HasSuffix(before, "ための")
}

// jaDefinitionalEnding reports whether a Japanese sentence (without its
// final 。) ends like a definition, and returns the predicate before the
// ending.
func jaDefinitionalEnding(body string) (string, bool) {
	for _, e := range jaEndings {
		if !strings.HasSuffix(body, e.suffix) {
			continue
		}
		pred := strings.TrimSuffix(body, e.suffix)
		if utf8.RuneCountInString(pred) < 4 {
			return "", false
		}
		if strings.HasPrefix(e.suffix, "を表") && endsWithAny(pred, jaFeelings...) {
			// 「…の献身に敬意を表します」, 「…に感謝の意を表します」: pays
			// respect or thanks, not what it stands for.
			return "", false
		}
		if e.copula {
			for _, bad := range jaNotNounEndings {
				if strings.HasSuffix(pred, bad) && !jaThingDefined(pred) {
					return "", false
				}
			}
			for _, adj := range jaNaAdjectives {
				if strings.HasSuffix(pred, adj) {
					return "", false
				}
			}
			if endsWithAny(pred, jaVerdictEndings...) {
				return "", false
			}
			if endsWithAny(pred, "るバージョン", "たバージョン", "るバージョン番号", "たバージョン番号") {
				// 「OpenSSH は「ssh」が選択されたとき Debian にインストール
				// されるバージョンです。」: which version, not what it is.
				return "", false
			}
			if strings.HasSuffix(pred, "で") || strings.HasSuffix(pred, "では") {
				return "", false
			}
			if i := strings.LastIndex(pred, "は"); i >= 0 {
				after := strings.TrimSpace(pred[i+len("は"):])
				if strings.HasSuffix(pred, "性") && utf8.RuneCountInString(after) <= 4 || jaPropertyWords[after] {
					// 「ポッドは揮発性です。」, 「プレフィックスはオプション
					// です。」: a property of the subject (volatile,
					// optional), not what it is.
					return "", false
				}
			}
		}
		return pred, true
	}
	return "", false
}

// faqEvidence matches an FAQ that asks what the term is ("Q: What is a
// mooring buoy?", 「Q. 係留ブイとは何ですか？」): the answer that follows is
// its gloss.
func faqEvidence(ix *corpusIndex, si int, sp string) (evidence, bool) {
	s := &ix.sentences[si]
	if s.faq != 'Q' || si+1 >= len(ix.sentences) {
		return evidence{}, false
	}
	a := &ix.sentences[si+1]
	if a.faq != 'A' || a.doc != s.doc || !strings.EqualFold(askedTerm(s.text), sp) {
		return evidence{}, false
	}
	return evidence{kind: evList, text: capText(a.text, a.ja), doc: a.doc, line: a.line,
		head: headNoun(a.text, a.ja), ja: a.ja, mentions: true}, true
}

// restateEvidence matches a gloss that restates the subject in the middle
// of its sentence: 「検疫所、つまり船の病気を調べる役所は、…」, "The
// harbormaster — the official who controls traffic in a harbor — signs
// ...", "The berth, i.e. the place where ...,", "Demurrage (i.e., the fee
// ...)". The restatement is the gloss.
func restateEvidence(s *sentence, sp string) (evidence, bool) {
	if s.ja && !strings.Contains(s.text, "、つまり") && !strings.Contains(s.text, "、すなわち") && !strings.Contains(s.text, "、言い換え") ||
		!s.ja && !strings.Contains(s.text, " — ") && !strings.Contains(s.text, " – ") && !strings.Contains(s.text, " -- ") &&
			!strings.Contains(s.text, "i.e.") && !strings.Contains(s.text, "that is, ") {
		return evidence{}, false // cheap tests first: this runs for every sentence that uses the term
	}
	n, ok := matchSubject(s.text, sp, s.ja)
	if !ok {
		return evidence{}, false
	}
	rest := s.text[n:]
	if s.ja {
		for _, m := range []string{"、つまり", "、すなわち", "、言い換えれば", "、言い換えると"} {
			body, ok := strings.CutPrefix(rest, m)
			if !ok {
				continue
			}
			body = strings.TrimPrefix(body, "、")
			end := strings.IndexAny(body, "、。")
			if end < 0 {
				return evidence{}, false
			}
			body = strings.TrimSuffix(strings.TrimSuffix(body[:end], "は"), "が")
			r, _ := utf8.DecodeLastRuneInString(body)
			if utf8.RuneCountInString(body) < 4 || glossary.Contains(body, sp) ||
				!unicode.In(r, unicode.Han, unicode.Katakana) && r != 'ー' && !jaKanaNoun(body) {
				return evidence{}, false
			}
			return evidence{kind: evParen, text: capText(body+"。", true), doc: s.doc, line: s.line,
				head: headNoun(body, true), ja: true, mentions: true}, true
		}
		return evidence{}, false
	}
	for _, d := range [][2]string{{" — ", " — "}, {" – ", " – "}, {" -- ", " -- "},
		// "The berth, i.e. the place where ...,", "Demurrage (i.e., the fee
		// ...)", "The laytime, that is, the time ...,".
		{", i.e. ", ","}, {", i.e., ", ","}, {", that is, ", ","}, {" (i.e. ", ")"}, {" (i.e., ", ")"}, {" (that is, ", ")"}} {
		body, ok := strings.CutPrefix(rest, d[0])
		if !ok && strings.HasPrefix(d[0], " (") {
			// matchSubject took "Demurrage (i.e., ...)" as the subject
			// spelled "sp (OTHER)": look right after the term.
			if hits := glossary.Index(s.text[:n], sp); len(hits) > 0 {
				body, ok = strings.CutPrefix(s.text[hits[0]+len(sp):], d[0])
			}
		}
		if !ok {
			continue
		}
		end := strings.Index(body, d[1])
		if end < 0 {
			return evidence{}, false
		}
		body = body[:end]
		if len(strings.Fields(body)) < 3 || !opensWithArticle(body) || clauseBody(body) || glossary.Contains(body, sp) {
			return evidence{}, false
		}
		return evidence{kind: evParen, text: capText(upperFirst(body)+".", false), doc: s.doc, line: s.line,
			head: headNoun(body, false), mentions: true}, true
	}
	return evidence{}, false
}

// partOfBefore reports English text that ends in a part and "of" with an
// article or none: "the revision part of the", "the last portion of".
func partOfBefore(before string) bool {
	if !strings.Contains(before, " of") {
		return false // cheap test first: it runs for each parenthesis
	}
	tail := before
	for i, k := len(before), 0; i > 0 && k < 3; i-- {
		if before[i-1] == ' ' {
			if k++; k == 3 {
				tail = before[i:]
			}
		}
	}
	w := strings.Fields(strings.ToLower(tail))
	n := len(w)
	if n >= 1 && (w[n-1] == "the" || w[n-1] == "a" || w[n-1] == "an") {
		n--
	}
	if n < 2 || w[n-1] != "of" {
		return false
	}
	switch w[n-2] {
	case "part", "portion", "section", "segment", "piece", "remainder", "rest", "half", "prefix", "suffix":
		// Not where in it: "at the top of the information area (the
		// pane at the bottom of the screen)" glosses the area.
		return true
	}
	return false
}

// parenEvidence matches a parenthetical gloss right after the term:
// "サンドボックス（アクションを…一時ディレクトリ）" or "X (i.e. ...)".
func parenEvidence(s *sentence, sp string, hits []int) (evidence, bool) {
	if opensExample(s.text, s.ja) {
		// 「例えば、…を RAID0 (高速な 300GB のビデオ編集パーティション) で
		// 結合でき、…」: what the term is in the example, not what it is.
		return evidence{}, false
	}
	for _, at := range hits {
		if m := s.text[at : at+len(sp)]; len(m) > 1 && strings.ToUpper(m) == m && strings.ToUpper(sp) != sp && strings.ToLower(m) != m {
			// "`TERM` (a request to terminate gracefully)": a signal, a
			// constant or a variable in capitals, not the word term.
			continue
		}
		if at > 0 && strings.IndexByte("-_./", s.text[at-1]) >= 0 {
			continue // 「job-number (foreground の略語)」: a part of a longer word
		}
		if s.ja && endsWithAny(strings.TrimRight(s.text[:at], " "), "詳細は", "詳しくは", "詳細については") {
			// 「詳細は ML (NICOLA-DDSKK の接頭語接尾語とabbrev-mode)」:
			// where to read more, the parenthesis its subject.
			continue
		}
		if s.ja && endsWithAny(strings.TrimRight(s.text[:at], " "), "的に", "自動で", "手動で") {
			// 「見出しは自動的に判定(混在のみのチェック)」: the word is the
			// verb of the sentence, how it is done, not what it is.
			continue
		}
		if s.ja && endsWithAny(strings.TrimRight(s.text[:at], " "), "する", "した", "される", "された", "できる", "させる", "ある",
			"れる", "れた", "いる", "いた", "える", "せる") {
			// 「package.el を利用してインストールするパッケージ (手元の PC
			// の ~/.emacs.d/elpa に溜るファイル)」: a clause narrows the
			// word; the parenthesis is about the narrowed one, as it is
			// about the one 「ある」 picks (「あるパーティション (たいてい最も
			// 重要なもの)」) or 「…にある」 places; 「補完が試みられるコマンド
			// (関数が実行されるときの第 1 引き数)」 says which command.
			continue
		}
		if before := strings.TrimRight(s.text[:at], " "); s.ja && !glossary.HasCJK(sp) && strings.HasSuffix(before, "の") {
			// 「手元の PC (origin から clone したもの)」: the phrase with its
			// modifier, as for a Japanese word below.
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(before, "の")); unicode.In(r, unicode.Han, unicode.Katakana) || r == 'ー' {
				continue
			}
		}
		if s.ja && countBefore(strings.TrimRight(s.text[:at], " ")) {
			// 「2つのエントリ(行の次元, 列の次元)」: the parenthesis lists
			// the ones counted, it does not say what one is.
			continue
		}
		if before := strings.TrimRight(s.text[:at], " "); s.param && s.block == blockList && strings.HasSuffix(before, ":") &&
			!strings.ContainsAny(strings.TrimSpace(before[:len(before)-1]), " 　") {
			// 「step: 実数 (横軸の刻み離散値)」 under 「パラメータ」: the
			// parameter's type, then what the parameter is.
			continue
		}
		if glossary.HasCJK(sp) && at > 0 {
			// 「バグ修正 (…)」 glosses バグ修正, not 修正.
			if r, _ := utf8.DecodeLastRuneInString(s.text[:at]); unicode.In(r, unicode.Han, unicode.Katakana) || r == 'ー' {
				continue
			}
			// 「定義済み変数 (…)」, 「組み文字 (…)」: a kanji with its kana
			// ending before the term, the compound's first word.
			if r, n := utf8.DecodeLastRuneInString(s.text[:at]); unicode.Is(unicode.Hiragana, r) && !strings.ContainsRune("はがをにでともへやのか", r) {
				if p, _ := utf8.DecodeLastRuneInString(s.text[:at-n]); unicode.Is(unicode.Han, p) {
					continue
				}
			}
			// 「「旧安定版」ディストリビューション (…)」 glosses the compound
			// with its quoted modifier, 「Ruby Document (RD) 形式（…）」 and
			// 「RD形式（…）」 the format with its name.
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s.text[:at], " ")); r == '」' || r == '』' || r == ')' || r == '）' {
				continue
			}
			if c := s.text[at-1]; 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				continue
			}
			// 「`{…}` 構文 (シーケンシャルな音楽)」, 「Debian パッケージ (…)」:
			// code or a name and a space before the word, one phrase.
			if before := strings.TrimRight(s.text[:at], " "); len(before) < at {
				if c := before[len(before)-1]; 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("`}]>", c) >= 0 {
					continue
				}
			}
			// 「名前ベースのバーチャルホスト (…)」 glosses the phrase with its
			// modifier, as an English parenthesis after a compound does;
			// 「入港票の記号列 (厳密には…)」 says precisely what the term is.
			if before, ok := strings.CutSuffix(s.text[:at], "の"); ok && !jaPrecisely(s.text[at+len(sp):]) {
				if r, _ := utf8.DecodeLastRuneInString(before); unicode.In(r, unicode.Han, unicode.Katakana) || r == 'ー' {
					continue
				}
				// 「dpkg のファイル (インストールされたパッケージすべてに関する
				// 情報)」: a name narrows it as well.
				if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " ")); r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
					continue
				}
			}
		}
		if s.ja && at > 1 && s.text[at-1] == ' ' {
			// Japanese text writes a compound with an English part apart:
			// 「NSS モジュール (…)」 glosses the NSS module, 「軽量 MTA (…)」
			// a lightweight MTA.
			if r, _ := utf8.DecodeLastRuneInString(s.text[:at-1]); isJaTermRune(r) {
				continue
			}
		}
		if before := strings.TrimRight(s.text[:at], " "); before != "" {
			if r, _ := utf8.DecodeLastRuneInString(before); unicode.IsDigit(r) {
				// "every 10 seconds (the default update interval)":
				// the parenthesis is about the quantity, not the unit.
				continue
			}
			if w := before[strings.LastIndexByte(before, ' ')+1:]; !s.ja && (strings.EqualFold(w, "any") || strings.EqualFold(w, "no")) {
				// "instantiated without any text (the first two
				// arguments)": which ones, of a quantity, not what text
				// is.
				continue
			}
			if strings.HasSuffix(before, "+") || strings.HasSuffix(before, "＋") {
				// "debuild = dpkg-buildpackage + lintian (a clean
				// build)": the parenthesis is about the sum.
				continue
			}
			if !s.ja && partOfBefore(before) {
				// "the Debian revision part of the version number (the
				// portion after the last hyphen)": the parenthesis is
				// about the part.
				continue
			}
		}
		rest := s.text[at+len(sp):]
		open, closer := "（", "）"
		if strings.HasPrefix(rest, " (") || strings.HasPrefix(rest, " （") {
			rest = rest[1:] // 「tidectl （…）」: a space, as before a Latin word
		}
		if strings.HasPrefix(rest, "(") {
			open, closer = "(", ")"
		}
		if !strings.HasPrefix(rest, open) {
			continue
		}
		end := matchingClose(rest, open, closer)
		if end < 0 {
			continue
		}
		if s.ja && (hasAnyPrefix(strings.TrimLeft(rest[end+len(closer):], " "), "した", "して", "する", "され", "させ", "しま", "でき") ||
			strings.HasSuffix(strings.TrimRight(s.text[:at], " "), "を")) {
			// 「ドキュメントを印刷（PDF へもエクスポート）」: the word, after
			// its object, is a verb too.
			// 「見出し語を補完（▽モードで TAB）したとき」: the word is a verb
			// here, and the parenthesis says how it was done.
			continue
		}
		inner := strings.TrimSpace(rest[len(open):end])
		if isAbbrev(inner) {
			continue
		}
		if inner != "" && (inner[0] == '\'' || inner[0] == '"' || inner[0] == '`') {
			// "moor('係留したい区画の名前')": a call, and the string it is
			// passed, not what the name is.
			continue
		}
		if s.ja && !glossary.HasCJK(inner) {
			continue // "SKU（Stock Keeping Unit）": another name for it
		}
		if s.ja || glossary.HasCJK(inner) {
			if !glossary.HasCJK(sp) && !enGlossedHere(s.text[:at], sp) {
				// 「upstream maintainer (アップストリームのメンテナー)」:
				// the phrase's translation, not the word's gloss.
				continue
			}
			if utf8.RuneCountInString(inner) < 6 || trailingJaRun(inner) == inner || !hasHiragana(inner) {
				// Too short, or another name, an example or a label
				// without a word of Japanese grammar: 「マニュアル ページ」,
				// 「所謂 deb」, 「USB メモリースティック」, 「Debian 特定」.
				continue
			}
			if jaNotGloss(inner) {
				continue // 「助詞(かつ品詞細分類)」, 「filterルール(例外を明示できる)」
			}
			if jaCondition(inner) {
				continue // 「組み文字 (アジア諸言語をサポートしている場合)」: when it is there
			}
			if jaAmount(inner) {
				continue // 「大きいサイズ（だいたい256バイト以上）」: how much, not what
			}
			if jaReading(inner, sp) {
				continue // 「半角カナ（はんかくカナ）」: how the term is read
			}
			if head := trailingJaRun(strings.TrimRight(inner, "。")); utf8.RuneCountInString(head) >= 2 && !strings.Contains(sp, head) &&
				strings.Contains(s.text[:at], head) {
				// 「…インストール済みパッケージとマッチ (自動インストール済み
				// パッケージ)」: the parenthesis names again the noun said
				// before the term; it is that noun's gloss.
				continue
			}
			if glossary.Contains(inner, sp) {
				// 「Secret(少なくとも数万の、SecretからPodへのマウント)」: a
				// remark about the term, which a gloss would not name.
				continue
			}
			text := inner
			if !endsSentence(text) {
				text += "。"
			}
			return evidence{kind: evParen, text: capText(text, true), doc: s.doc, line: s.line,
				head: headNoun(inner, true), ja: true, mentions: true}, true
		}
		if !enGlossedHere(s.text[:at], sp) {
			continue
		}
		if glossary.Contains(inner, sp) {
			// "a known type argument (a type argument for which a map
			// entry already exists)": a gloss does not name its word
			// again; this one says what the longer phrase is.
			continue
		}
		lower := strings.ToLower(inner)
		if strings.HasPrefix(lower, "the default ") || strings.HasPrefix(lower, "the recommended ") || strings.HasPrefix(lower, "the preferred ") {
			// "with systemd as init system (the default since jessie)":
			// which one is chosen, not what the word is.
			continue
		}
		if strings.HasPrefix(lower, "so-called ") || strings.HasPrefix(lower, "a so-called ") || strings.HasPrefix(lower, "the so-called ") {
			// "without mentioning its name (a so-called ".have" line)":
			// the parenthesis names what the phrase describes.
			continue
		}
		if remarkParen(lower) {
			// "`set` returns the dictionary (a requirement of Go template
			// functions)": a remark on what the sentence says, not what
			// a dictionary is.
			continue
		}
		restated := strings.TrimPrefix(lower, "i.e. ")
		if w, _, _ := strings.Cut(restated, " "); restated != lower && (w == "one" || w == "each" || w == "every" || w == "no" || w == "all") {
			// "separated by LF (i.e. one path per line)": what the
			// separation amounts to, not what LF is.
			continue
		}
		if w, _, _ := strings.Cut(restated, " "); restated != lower && enImperatives[w] {
			// "another user than root (i.e. add --chuid www:www)": what
			// to do, not what root is.
			continue
		}
		if head := headNoun(inner, false); len(head) > 2 && !glossary.Contains(sp, head) && glossary.Contains(s.text[:at], head) {
			// "your server is connected to your internal network (a
			// basic multi-homed server)": the parenthesis names again
			// the noun said before the term; it is that noun's gloss.
			continue
		}
		if w, _, _ := strings.Cut(restated, " "); w == "whose" || w == "which" || w == "that" || w == "who" || w == "where" || w == "when" {
			// "Actions that always take a type (i.e. whose options always
			// take a value)": a relative clause about a noun before.
			continue
		}
		if strings.Contains(lower, " - see ") || strings.Contains(lower, "; see ") || strings.Contains(lower, ", see ") || textPointer.MatchString(lower) {
			// "the language (the implementation of if-let chains - see
			// eRFC 2947)", "have been run (the previous two sections)": a
			// pointer to another text.
			continue
		}
		if clauseBody(restated) || finiteBeforeRelative(restated) || enEnumeration(lower) || enExampleParen(lower) || enAnaphoricParen(lower) ||
			enActParen(lower, sp) {
			// "a Secret object (an empty string is treated as an Opaque
			// type)": a remark, not a noun phrase that names it.
			continue
		}
		for _, p := range []string{"i.e. ", "a ", "an ", "the "} {
			if strings.HasPrefix(lower, p) && len(strings.Fields(inner)) >= 4 {
				body := inner
				if p == "i.e. " {
					body = inner[len(p):]
				}
				text := upperFirst(body) + "."
				return evidence{kind: evParen, text: capText(text, false), doc: s.doc, line: s.line,
					head: headNoun(body, false), mentions: true}, true
			}
		}
	}
	return evidence{}, false
}

// thisActs reports an item's body that opens with "This" and a verb
// other than a copula: "This lets you review ...", "This shows ...".
func thisActs(body string) bool {
	rest, ok := strings.CutPrefix(body, "This ")
	if !ok {
		return false
	}
	w := firstWord(rest)
	switch w {
	case "is", "was", "means", "refers", "stands", "denotes":
		return false
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && isLowerWord(w)
}

// remarkParen reports a parenthesis (lower case) that remarks on the
// statement it follows: "(a requirement of Go template functions)", "(a
// limitation of the format)", "(a side effect of caching)".
func remarkParen(lower string) bool {
	for _, a := range []string{"a ", "an ", "the "} {
		if body, ok := strings.CutPrefix(lower, a); ok {
			for _, n := range []string{"requirement", "limitation", "restriction", "consequence", "side effect", "side-effect", "workaround", "precaution", "trade-off", "tradeoff"} {
				if rest, ok := strings.CutPrefix(body, n); ok && (rest == "" || rest[0] == ' ' || rest[0] == ',') {
					return true
				}
			}
		}
	}
	return false
}

// jaPrecisely reports a parenthesis, at the start of rest, that says
// precisely what the word before it is: 「(厳密には…)」, 「(正確には…)」.
func jaPrecisely(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, open := range []string{"(", "（"} {
		if r, ok := strings.CutPrefix(rest, open); ok {
			return strings.HasPrefix(r, "厳密には") || strings.HasPrefix(r, "正確には")
		}
	}
	return false
}

// jaStatement reports a parenthesis that is a statement, a subject with が
// or は over a noun phrase (「2^16 が長さの上限」), not a noun phrase that
// holds a clause (「データが格納される場所」: a verb after が makes it one).
func jaStatement(inner string) bool {
	t := strings.TrimRight(inner, "。．. ")
	for _, p := range []string{"が", "は"} {
		i := strings.LastIndex(t, p)
		if i <= 0 {
			continue
		}
		pred := strings.TrimSpace(t[i+len(p):])
		if pred == "" || strings.ContainsAny(pred, "るれたていすしくけせきっん") {
			// A verb or an adjective after it: a clause inside a noun
			// phrase (「データが格納される場所」).
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(pred); unicode.In(r, unicode.Han, unicode.Katakana) {
			return true
		}
	}
	return false
}

// endsSentence reports a text that already ends in a full stop, Japanese
// or English ("(towing)." gets no 「。」 after it).
func endsSentence(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune("。．！？.!?", r)
}

// jaReading reports a parenthesis that gives the reading in kana of the
// term sp written with kanji, alone or before another name: 「半角カナ
// （はんかくカナ）」, 「（はんかくかたかな, Halfwidth Katakana）」. A reading
// spells each kanji with at least one hiragana.
func jaReading(inner, sp string) bool {
	if i := strings.IndexAny(inner, ",、;；"); i >= 0 {
		inner = inner[:i]
	}
	kanji := 0
	for _, r := range sp {
		if unicode.Is(unicode.Han, r) {
			kanji++
		}
	}
	hira := 0
	for _, r := range strings.TrimSpace(inner) {
		switch {
		case unicode.Is(unicode.Hiragana, r):
			hira++
		case unicode.Is(unicode.Katakana, r), r == 'ー', r == '・', r == ' ':
		default:
			return false
		}
	}
	return kanji > 0 && hira >= kanji
}

// codeSubject reports a sentence whose subject is code that names sp
// without being the term: "`errors` is an array of ...", "`schemas` is the
// input path", "`level` is the compression level used" describe a
// parameter, a folder or a variable, not errors, schemas or levels. Code
// spelled as the term, with a sigil ("`$TERN_spool`", "`@Courier`") or
// calling it ("`timestamp(v instant-vector)`
// returns ...", "`emacs(1)` is ..."), is the term, unless it is an everyday
// word in lower case or in capitals ("`type` is an optional element",
// "`NAME` is the name of ..."; "`Result` is an enumeration" names a type).
func codeSubject(s *sentence, sp string) bool {
	if s.code == "" || !strings.HasPrefix(s.text, s.code) || !glossary.Contains(s.code, sp) {
		return false
	}
	name, _, call := strings.Cut(strings.TrimLeft(s.code, "$@.#%&*:"), "(")
	if strings.ContainsAny(name, " \t") {
		// "``Build daemons`` are ``slave`` hosts": prose in code
		// markup, not an identifier.
		return false
	}
	if whole, _, _ := strings.Cut(s.code, "("); !strings.EqualFold(name, sp) && !strings.EqualFold(whole, sp) {
		// A sigil goes, but a dotfile keeps its dot: "`.muttrc` is the
		// file where ..." is the term .muttrc.
		return true
	}
	r, _ := utf8.DecodeRuneInString(name)
	return !call && (unicode.IsLower(r) || name == strings.ToUpper(name)) && isGeneralWord(sp)
}

// isLatinWord reports a word of ASCII letters, digits, '-', '_' and '.'
// with at least one letter.
func isLatinWord(w string) bool {
	letter := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.':
		default:
			return false
		}
	}
	return letter
}

// matchingClose returns the offset of the closer that matches the opener
// s starts with, past the parentheses nested in it ("(IPv4 用の
// iptables(8)、…)"), or -1.
func matchingClose(s, open, closer string) int {
	depth := 0
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], open):
			depth++
			i += len(open)
		case strings.HasPrefix(s[i:], closer):
			depth--
			if depth == 0 {
				return i
			}
			i += len(closer)
		default:
			i++
		}
	}
	return -1
}

// enGlossedHere reports whether a parenthesis after the term sp, with
// before the text before it, can gloss the term itself: not when a common
// word follows a modifier ("the version number (the portion after the
// last hyphen)" is not about "number").
func enGlossedHere(before, sp string) bool {
	words := strings.Fields(before)
	if len(words) == 0 {
		return true
	}
	switch words[len(words)-1] {
	case "and", "or", "nor":
		// "their equivalents on Windows and macOS (the directories in
		// which ...)": after the last of two or more, the parenthesis
		// may be about all of them or the noun they qualify.
		return false
	}
	if !isLowerWord(sp) {
		// A phrase, or a name: "of type IpAddrKind (the enum we
		// defined)" is about the name; in "Tails OS (The Amnesic ...)"
		// the name is Tails OS.
		last := strings.Trim(words[len(words)-1], `"'“”‘’*_`)
		r, _ := utf8.DecodeRuneInString(last)
		l := strings.ToLower(last)
		if compoundModifier(last) || enAdjective(l) {
			// "the 64-bit PC (“amd64”)": about the 64-bit PC;
			// "opportunistic TLS (the "may" security level)": about
			// that kind of TLS.
			return false
		}
		return !unicode.IsUpper(r) || enArticles[l] || enParenLeads[l] || strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s")
	}
	// "a “short” version (a single letter ...)": the quotes mark the
	// modifier, not a name.
	last := strings.ToLower(strings.Trim(words[len(words)-1], `"'“”‘’`))
	if strings.Contains(last, "_") {
		return false // "the desc_next pointer, a member of ...": about that pointer
	}
	if strings.IndexByte(last, '-') > 0 && last != "so-called" {
		// "autocrypt-encrypted email (i.e. an email ...)": about that
		// kind of email, not every email.
		return false
	}
	if raw := strings.Trim(words[len(words)-1], `"'“”‘’`); len(words) >= 2 && len(raw) >= 2 && upperASCIILetters(raw) {
		// "the FROM clause (A join-op-1 B join-op-2 C)" (SQLite's
		// SELECT), "an HTTP request (...)": about the FROM clause.
		return false
	}
	return !compoundModifier(last) && (!isLowerWord(last) || enArticles[last] || enParenLeads[last])
}

// upperASCIILetters reports a word of ASCII capitals only.
func upperASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpperASCII(w[i]) {
			return false
		}
	}
	return w != ""
}

// afterPrepositionObject reports text that ends with a preposition and an
// article, before a common noun: "the one passed into the plugin, a copy
// of ..." may gloss the one passed, not the plugin (a name after a
// preposition, "by the Quillmoor Foundation, a non-profit ...", is
// glossed).
func afterPrepositionObject(before string) bool {
	t := strings.TrimRight(before, " ")
	i := strings.LastIndexByte(t, ' ')
	if i < 0 {
		return false
	}
	switch d := strings.ToLower(t[i+1:]); {
	case enArticles[d]:
	case d == "its" || d == "their" || d == "his" || d == "her" || d == "our" || d == "your" || d == "my":
		// "func starts with only one element in its stack, a light
		// userdata ...": the element's gloss, after the possessive.
	default:
		return false
	}
	t = strings.TrimRight(t[:i], " ")
	switch strings.ToLower(t[strings.LastIndexByte(t, ' ')+1:]) {
	case "into", "onto", "of", "in", "on", "to", "from", "with", "by", "for", "at", "over", "under", "through", "than", "as",
		"beyond", "about", "across", "behind", "between", "among", "within", "without", "toward", "towards", "against", "via", "upon":
		return true
	}
	return false
}

// inRelativeClause reports text before a term that ends inside a relative
// clause, the term its preposition's object: in "a shared history of
// experience which goes beyond the Debian Policy, an accumulation of ..."
// the appositive is about the history.
func inRelativeClause(before string) bool {
	clause := before[strings.LastIndex(before, ", ")+1:]
	return (strings.Contains(clause, " which ") || strings.Contains(clause, " who ")) && afterPrepositionObject(before)
}

// compoundModifier reports a word with a number and a hyphen, "64-bit",
// "x86-64", "2-factor": it makes one name with the noun after it.
func compoundModifier(w string) bool {
	return strings.IndexByte(w, '-') > 0 && strings.ContainsAny(w, "0123456789")
}

// enAdjective reports a word that is an adjective by its ending
// ("opportunistic", "anonymous", "configurable"): with a name after it, it
// makes a compound. Endings that nouns share ("-al": signal, terminal;
// "-ive": directive; "-ory": directory) are left out.
func enAdjective(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range []string{"ic", "ous", "ful", "less", "able", "ible"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// predicateAdjective reports an English text that opens with an
// adjective and then a preposition ("synchronous on Windows and POSIX",
// "available in the shell", "compatible with ext3"): a property in some
// case, the predicate of a sentence whose subject is left out.
func predicateAdjective(text string) bool {
	f := strings.Fields(text)
	if len(f) < 2 {
		return false
	}
	w := strings.ToLower(strings.Trim(f[0], "*_`"))
	if !enAdjective(w) && !predicateAdjectives[w] {
		return false
	}
	return adjectivePreps[strings.ToLower(strings.Trim(f[1], "*_`,"))]
}

// ownedByOne reports the rest of a sentence after its subject that names
// the subject's owner ("The underlying type of string, A1 and B2 is
// string."): the term of those things, not what it is for any (see
// ofAnyOwner).
func ownedByOne(rest string) bool {
	if !strings.HasPrefix(rest, " of ") {
		return false
	}
	_, any := ofAnyOwner(rest)
	return !any
}

// copulaProperty reports the rest of a sentence after its subject that
// says in which case the subject holds ("is also available on the global
// object", "are not compatible with ...") or how to treat it ("are not to
// be created directly", "should be closed"): a property or a rule, not
// what it is.
func copulaProperty(rest string) bool {
	if hasAnyPrefix(rest, " is not to ", " are not to ", " is to be ", " are to be ", " should ", " must ", " shall ") {
		return true
	}
	for _, cop := range []string{" is ", " are "} {
		if t, ok := strings.CutPrefix(rest, cop); ok {
			for range 3 {
				// "are still highly experimental", "are currently only
				// supported in ...": the adverbs before the adjective.
				w, after, ok := strings.Cut(t, " ")
				if !ok || !propertyAdverbs[w] && !(len(w) > 4 && strings.HasSuffix(w, "ly")) {
					break
				}
				t = after
			}
			if statusWords[strings.ToLower(strings.TrimRight(t, ".!; "))] {
				// "Native histograms are still highly experimental.":
				// how far along it is.
				return true
			}
			if likeness[strings.ToLower(firstWord(t))] {
				// "Macros are comparable with functions in regular
				// programming languages." (Jinja's): what it is like.
				return false
			}
			return predicateAdjective(t)
		}
	}
	return false
}

// propertyAdverbs come between a copula and the adjective of a property
// ("are still experimental", "is now only available"), with any -ly word.
var propertyAdverbs = toSet(`also now not only always still`)

// statusWords say how far along a thing is, as a whole predicate.
var statusWords = toSet(`experimental deprecated obsolete unstable stable beta alpha unmaintained unsupported
	incomplete unfinished`)

// likeness are the adjectives that say what a thing is like.
var likeness = toSet(`comparable similar analogous equivalent akin identical`)

// predicateAdjectives are adjectives without enAdjective's endings that
// say in which case something holds.
var predicateAdjectives = toSet(`available compatible optional required enabled disabled supported unsupported
	deprecated experimental synchronous asynchronous blocking nonblocking non-blocking valid invalid effective active inactive
	black white red blue green yellow grey gray visible invisible hidden`)

// adjectivePreps follow a predicate adjective.
var adjectivePreps = toSet(`on in for with to by from only unless if when since until under through via at within across
	after before once while`)

// enParenLeads may come right before a term that a parenthesis glosses:
// determiners, prepositions, conjunctions and the verbs of naming.
var enParenLeads = toSet(`this that these those its their our your his her my each every any some no all both
	in on at to for with by from as into onto about over under between through via per without within
	and or but nor than
	is are was were be been being called named termed known use uses used using see`)

// referenceSummary reports the first sentence of a reference page titled
// with an identifier ("add_custom_command", "os.path.join") that
// summarises it in the imperative, as docstrings do: "Add a custom build
// rule to the generated build system.", "Return the absolute value of a
// number.".
func referenceSummary(title, first string) bool {
	if strings.ContainsAny(title, " \t") || !strings.ContainsAny(title, "_.:(") && !innerCapital(title) {
		return false
	}
	w := strings.Fields(strings.ToLower(first))
	return len(w) >= 4 && (enImperatives[w[0]] || enItemVerbs[w[0]+"s"] || enItemVerbs[w[0]+"es"]) && enSummaryObjects[w[1]]
}

// innerCapital reports a capital after the first letter in a word with
// lower case: "moorShip", not "HOUR".
func innerCapital(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size < len(s) && strings.ContainsFunc(s[size:], unicode.IsUpper) && strings.ContainsFunc(s, unicode.IsLower)
}

// enSummaryObjects open the object of a reference page's imperative
// summary: "Add a custom build rule", "Return the absolute value".
var enSummaryObjects = toSet("a an the one each every all")

// enImperativeObjects open the object of an instruction: "run the
// command", "open its page".
var enImperativeObjects = toSet("the a an this that these those its their your it them")

// labelledPart matches a lower-cased parenthesis that names a part of a
// screen or a file by its label: `the "general" tab`, `a "save as"
// button`.
var labelledPart = regexp.MustCompile(`^(?:the|a|an) (?:"[^"]+"|“[^”]+”|'[^']+') (?:field|tab|button|option|menu|entry|box|check ?box|column|setting|section|panel|pane|dialog|window|link|item|key|label|list|page|line)s?$`)

// enExampleParen reports an English parenthesis that gives an example:
// "(the installation system for instance)", "(e.g. a tug)".
func enExampleParen(lower string) bool {
	clause := strings.TrimPrefix(strings.TrimPrefix(lower, "i.e. "), "that is, ")
	switch w, _, _ := strings.Cut(clause, " "); w {
	case "if", "when", "whenever", "unless", "while", "because", "although", "since", "until", "once", "that", "which", "who",
		"it", "they", "we", "you",
		"with", "without", "by", "in", "on", "at", "for", "from", "to", "via", "through", "after", "before", "during", "within", "into", "as":
		// "(i.e. if any of --bare or --mirror is given)", "(that do not change
		// anything)", "(i.e. it ignores the down child)", "(i.e. with an
		// empty parameter value)": a condition or a phrase that goes on
		// from the sentence, not a noun phrase.
		return true
	}
	if w := strings.Fields(clause); len(w) > 2 && enImperatives[w[0]] && enImperativeObjects[w[1]] {
		// "(i.e. run the command cmake --build ...)": what to do.
		return true
	}
	if w := strings.Fields(clause); len(w) > 2 && len(w[0]) > 5 && strings.HasSuffix(w[0], "ing") && !strings.HasSuffix(w[0], "thing") &&
		enImperativeObjects[w[1]] {
		// "close the connection (i.e. sending a FIN packet back)": the
		// action, a gerund and its object, not a noun phrase for the word.
		return true
	}
	if w := strings.Fields(clause); len(w) > 3 && w[1] == "of" && enImperativeObjects[w[2]] && actNoun(w[0]) {
		// "terminate its writing capability on the connection (i.e.
		// issuance of a FIN packet)": the act, named by a noun.
		return true
	}
	if w := strings.Fields(clause); len(w) > 2 && w[0] == "the" && (w[1] == "more" || w[1] == "less" || w[1] == "further" ||
		w[1] == "farther" || len(w[1]) > 4 && strings.HasSuffix(w[1], "er") && strings.Contains(clause, ", the ")) {
		// "(the further the directory is from the path, the lower its
		// precedence)": a comparison, not a noun phrase.
		return true
	}
	if w := strings.Fields(clause); len(w) >= 2 && len(w) <= 5 && (w[0] == "the" || w[0] == "a") && (w[1] == "case" || len(w) > 2 && w[2] == "case") ||
		len(w) > 3 && w[0] == "the" && w[1] == "only" {
		// "(the typical case nowadays)", "(a rare case)": how common the
		// situation is; "(the only format accepted by the old server)":
		// what it alone is there; neither is what the term is.
		return true
	}
	if strings.HasPrefix(clause, "in this case") || strings.HasSuffix(clause, " in this case") || strings.HasPrefix(clause, "in this example") ||
		strings.HasPrefix(clause, "in the above example") || strings.HasPrefix(clause, "in the example") {
		// "(i.e. in this example /etc/gitweb.conf)", "(i.e. master in this
		// case)": the value in one example, not what the term is.
		return true
	}
	if strings.Contains(lower, "the previous one") || strings.Contains(lower, "the former") || strings.Contains(lower, "the latter") ||
		strings.Contains(lower, "the above") {
		// "(a special case of the previous one)": of what the text said
		// before, not what the term is.
		return true
	}
	if strings.Contains(lower, "n't ") || strings.Contains(lower, "n’t ") || strings.Contains(" "+lower, " not ") {
		// "(i.e. HSTS didn't break anything)", "(not to be confused with
		// ...)": a clause or a warning, not a noun phrase.
		return true
	}
	if labelledPart.MatchString(clause) {
		// "the options setting panel (the "Directory corresponds to
		// /cgi-bin" field)": which part of it, by its label.
		return true
	}
	if t := strings.TrimRight(lower, ". "); strings.HasSuffix(t, " etc") || strings.HasSuffix(t, ",etc") || strings.HasSuffix(t, "and so on") {
		// "(the GET request, any Header: lines, the chunking information
		// etc.)": some of what the sentence speaks of.
		return true
	}
	return strings.Contains(lower, "for instance") || strings.Contains(lower, "for example") ||
		strings.HasPrefix(lower, "an example ") || strings.HasPrefix(lower, "examples ") ||
		strings.HasPrefix(lower, "e.g") || strings.HasPrefix(lower, "eg ") || strings.HasPrefix(lower, "such as ") ||
		strings.HasPrefix(lower, "like ")
}

// enActParen reports a parenthetical that names an act ("mount this
// filesystem (an operation which would otherwise be restricted to root)"):
// it is about what the sentence does, not the term before it, unless the
// term is itself an act.
func enActParen(lower, sp string) bool {
	w := strings.Fields(lower)
	if len(w) < 2 || !enArticles[w[0]] {
		return false
	}
	switch strings.Trim(w[1], ",;:") {
	case "operation", "action", "procedure", "step", "practice", "task":
		return !strings.Contains(strings.ToLower(sp), strings.Trim(w[1], ",;:"))
	}
	// "stored in the cache (the RFC 2616 compliant behavior)": what the
	// clause describes is a behavior, a default or a case.
	switch last := strings.Trim(w[len(w)-1], ".,;:"); last {
	case "behavior", "behaviour", "default", "case", "situation", "scenario", "outcome":
		return !strings.Contains(strings.ToLower(sp), last)
	}
	return false
}

// enAnaphoricParen reports a parenthetical that points back to a noun
// instead of naming one: "as a single job in Prometheus (the one specified
// in the configuration file)" is about the job; "The title of the
// documentation (the value of `html_title`)" says where the title comes
// from.
func enAnaphoricParen(lower string) bool {
	for _, p := range []string{"the one ", "the ones ", "one ", "ones ", "the same ", "this one ", "that one ", "the value of ", "the value from "} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// textPointer matches a phrase that points to another part of the text:
// "the previous two sections", "the chapter below", "described above",
// "the second form above" (bash's manual).
var textPointer = regexp.MustCompile(`\b(previous|next|following|preceding)( \w+)? (sections?|chapters?)\b|\b(sections?|chapters?|forms?|examples?|cases?|variants?) (above|below)\b|\b(see|described|shown|explained) (above|below)\b`)

// jaOpensWithCondition reports a Japanese sentence whose first clause is
// a condition or a purpose: 「…ようになったら、」, 「…を変更するには、」,
// 「…の場合は、」. A purpose served by using the term, one of spellings,
// says what it is for (「リストをレンダリングするには、v-for ディレクティブ
// を使用します。」).
func jaOpensWithCondition(text string, spellings []string) bool {
	i := strings.Index(text, "、")
	if i < 0 {
		return false
	}
	first, rest := text[:i], text[i:]
	for _, sp := range spellings {
		if j := strings.Index(rest, sp); j >= 0 {
			after := []rune(rest[j+len(sp):])
			near := string(after[:min(len(after), 16)])
			for _, u := range []string{"を使用", "を使い", "を使う", "を使って", "を用い"} {
				if strings.Contains(near, u) {
					return false
				}
			}
		}
	}
	return endsWithAny(first, "たら", "れば", "するには", "ときは", "場合は", "なら")
}

// jaInSituation reports a Japanese sentence that names the term, one of
// spellings, only in a clause that says when something else holds, that
// something being its predicate: 「"s" でバッファ選択モードに入ったときの
// キー操作です。」, 「係留索を外す場合の注意です。」 (what the section lists
// for that time, not what the term is).
func jaInSituation(text string, spellings []string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), "。．.:：")
	if !endsWithAny(t, "です", "である", "だ") {
		return false
	}
	for _, m := range []string{"ときの", "時の", "場合の"} {
		j := strings.LastIndex(t, m)
		if j < 0 {
			continue
		}
		for _, sp := range spellings {
			// The term before it, as an object or a place of the clause's
			// verb, not its topic (「係留索は、外す場合の…」 is about it).
			if k := strings.Index(t[:j], sp); k >= 0 && hasAnyPrefix(t[k+len(sp):j], "に", "を", "で", "へ", "から") {
				return true
			}
		}
	}
	return false
}

// enInstruction reports an English sentence that says what to do: it
// opens with an imperative ("See domains for more information.") or with a
// purpose ("To update the router, add tags ..."), or points elsewhere
// ("For an example of ..., see here.").
func enInstruction(text string, spellings []string) bool {
	if strings.HasPrefix(text, "For ") && strings.Contains(text, ", see ") {
		return true
	}
	first, rest, _ := strings.Cut(text, " ")
	if enImperatives[strings.ToLower(first)] && first != strings.ToLower(first) || first == "Please" {
		return true
	}
	if w, _, _ := strings.Cut(rest, " "); first == "By" && strings.HasSuffix(w, "ing") && isLowerWord(w) && strings.Contains(text, ", ") {
		// "By passing a dict to data, the client will construct a
		// request body ..." (Werkzeug's "Request Body"): how to get one.
		return true
	}
	switch first {
	case "In", "On", "From", "At", "Under", "With", "When", "If", "After", "Before", "Once", "Within", "Inside":
		// "In a database file window, choose Tools - Table Filter.": what
		// to do, after where or when.
		if _, main, ok := strings.Cut(text, ", "); ok {
			if verb, _, _ := strings.Cut(main, " "); enImperatives[verb] {
				return true
			}
		}
	}
	if first != "To" {
		return false
	}
	w, _, _ := strings.Cut(rest, " ")
	_, main, ok := strings.Cut(text, ", ")
	if !ok {
		// "To access cookies you can use the cookies attribute." (Flask's
		// quickstart): the main clause, without a comma, from its "you".
		for _, m := range []string{" you can ", " you may ", " you should ", " you must ", " you need to ", " you have to "} {
			if i := strings.Index(text, m); i > 0 {
				main, ok = text[i+len(m):], true
				break
			}
		}
	}
	if !isLowerWord(w) || !ok {
		return false
	}
	// "To protect a hull, use a fender.": what it is for; "To specify which
	// configuration file to load, use the --config.file flag." under
	// "Configuration file" is what to do, and so is "use the cookies
	// attribute" under "Cookies": the term only qualifies what is used.
	if after, ok := strings.CutPrefix(main, "use "); ok {
		after = strings.TrimSuffix(after, ".")
		for _, a := range []string{"a ", "an ", "the ", "one ", "your "} {
			after = strings.TrimPrefix(after, a)
		}
		for _, sp := range spellings {
			if hits := glossary.Index(after, sp); len(hits) > 0 && hits[0] == 0 && !objectGoesOn(after[len(sp):]) {
				return false
			}
		}
	}
	return true
}

// objectGoesOn reports the rest of an object after a term when a noun
// follows the term (and its plural ending): "s attribute" of "cookies
// attribute", " flag" of "--port flag".
func objectGoesOn(rest string) bool {
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "e"), "s")
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	w := firstWord(rest[1:])
	return isLowerWord(w) && !enStopwords[w] && !strings.HasSuffix(w, "ly")
}

// enRuleFor reports an English sentence whose subject, one of spellings
// after a determiner, must or should do something (a rule about it), or is
// set somewhere (where to configure it).
func enRuleFor(text string, spellings []string) bool {
	for _, sp := range spellings {
		n, ok := matchSubject(text, sp, false)
		if !ok {
			continue
		}
		rest := strings.Fields(text[n:])
		if len(rest) > 0 && (rest[0] == "must" || rest[0] == "should") {
			return true
		}
		// "Constraints are specified in the constraints property ...",
		// "The log level can be set per-route.": where or how it is set.
		if len(rest) > 2 && (rest[0] == "is" || rest[0] == "are") && enSetVerbs[rest[1]] && enParenLeads[rest[2]] ||
			len(rest) > 2 && rest[0] == "can" && rest[1] == "be" && enSetVerbs[rest[2]] {
			return true
		}
	}
	return false
}

// enSetVerbs are the participles that say where or how a setting is made.
var enSetVerbs = toSet(`specified configured set defined declared registered enabled disabled changed overridden
	customized customised passed provided supplied`)

// templateSection reports a heading that five or more documents repeat
// without asking or titling it: a section of their template ("Notes",
// "Compatibility", "Synopsis").
func templateSection(hs []heading) bool {
	if len(hs) < 5 {
		return false
	}
	docs := map[string]bool{}
	for _, h := range hs {
		if h.asks || h.top {
			return false
		}
		docs[h.doc] = true
	}
	return len(docs) >= 5
}

// allCapitalKey reports an item key of two letters or more written in
// capitals only.
func allCapitalKey(key string) bool {
	if i := strings.Index(key, " ("); i > 0 && strings.HasSuffix(key, ")") {
		key = key[:i] // "`BUFFER` (scalar)": the name, then its type
	}
	key = strings.Trim(key, "`*_ ")
	letters := 0
	for _, r := range key {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// otherKeyItem reports a list item "Key: body" whose key is not one of
// the spellings.
func otherKeyItem(text string, spellings []string) bool {
	i := strings.IndexAny(text, ":：")
	if i <= 0 || utf8.RuneCountInString(text[:i]) > 30 {
		return false
	}
	key := strings.TrimSpace(text[:i])
	for _, sp := range spellings {
		if strings.EqualFold(key, sp) {
			return false
		}
	}
	return true
}

// fieldLabel reports a list item key that labels a field a page fills in
// again and again ("- **CLI**: `gopls definition ...`", "- **CLI**: not
// supported" under each feature): three items or more of one document
// with the key. A term is not defined three times over on one page. A key
// that opens a part of page after page, each time over other words (a
// manual page's 「名前」 over its command's one-line summary, "Synopsis"),
// labels that part: a quarter of the documents or more (ten at least),
// most bodies different (pages installed under two names share theirs). A
// glossary repeated in each chapter gives the same bodies; a setting of
// many dialogs ("Radius: ...") is on a few of a manual's pages.
func (ix *corpusIndex) fieldLabel(key string) bool {
	for _, n := range ix.itemKeys[key] {
		if n >= 3 {
			return true
		}
	}
	if docs := len(ix.itemKeys[key]); docs < 10 || docs*4 < len(ix.docJA) {
		return false
	}
	items := ix.items[key]
	bodies := make(map[string]bool, len(items))
	for _, it := range items {
		bodies[strings.ToLower(strings.Join(strings.Fields(it.body), " "))] = true
	}
	return len(items) >= 5 && len(bodies)*2 >= len(items)
}

// changelogLike reports a sentence with a URL, "by @user" or a reference of
// changelogRef: a change log entry or a link. It checks cheaply what it can
// before the regular expression, as it runs for every candidate sentence.
func changelogLike(s string) bool {
	if strings.Contains(s, "://") || strings.Contains(s, " by @") {
		return true
	}
	if len(s) > 1 && s[0] == '#' && s[1] >= '0' && s[1] <= '9' {
		// "#9201: websupport: UndefinedError is raised ..." (Sphinx's
		// change log): an entry keyed by its issue.
		return true
	}
	if !strings.Contains(s, "(#") && !strings.Contains(s, "/pull/") && !strings.Contains(s, "/issues/") && !hexParen(s) {
		return false
	}
	return changelogRef.MatchString(s)
}

// hexParen reports a parenthesised run of 7 to 12 hexadecimal digits (a
// commit hash: "(80eee78)").
func hexParen(s string) bool {
	for i := strings.IndexByte(s, '('); i >= 0; {
		j := i + 1
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'f') {
			j++
		}
		if n := j - i - 1; n >= 7 && n <= 12 && j < len(s) && s[j] == ')' {
			return true
		}
		k := strings.IndexByte(s[j:], '(')
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

// sentenceLike reports whether s can show how a term is used: a label
// ("Via CLI", "NG:", "MIT © azu", 「Minor リリース」) cannot. An English
// sentence has at least four words; a Japanese one at least ten characters
// and a particle or an inflection in hiragana.
func sentenceLike(s *sentence) bool {
	if !s.ja {
		return hasWords(s.text, 4)
	}
	return utf8.RuneCountInString(s.text) >= 10 && hasHiragana(s.text)
}

// isQuestion reports a sentence that ends with a question mark.
func isQuestion(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "か。")
}

// hasWords reports whether s has at least n space-separated words, without
// splitting it.
func hasWords(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' || s[i] == '\n' {
			in = false
			continue
		}
		if !in {
			in = true
			if words++; words >= n {
				return true
			}
		}
	}
	return false
}

// hyphenJoined reports a use at offset at, n bytes long, that a hyphen
// joins to a longer name: "textlint" of "textlint-rule-preset-japanese".
func hyphenJoined(s string, at, n int) bool {
	return at > 0 && s[at-1] == '-' || at+n < len(s) && s[at+n] == '-'
}

// usageEvidence scores a sentence that uses a term (first at byte pos) by
// how much it could tell a reader: a sentence of moderate length with the term near its start
// is best; questions and very short or very long sentences are worst.
func usageEvidence(s *sentence, pos int) evidence {
	n := utf8.RuneCountInString(s.text)
	lo, hi := 40, 220
	if s.ja {
		lo, hi = 15, 120
	}
	score := 1.0
	switch {
	case n < lo:
		score = float64(n) / float64(lo)
	case n > hi:
		score = float64(hi) / float64(n)
	}
	if pos < len(s.text)/3 {
		score += 0.3
	}
	if isQuestion(s.text) {
		score -= 0.5
	}
	switch s.block {
	case blockList:
		score -= 0.1
	case blockTable:
		score -= 0.4 // "EUCJP; ✓; ✓; EUC-JP": cells, not a sentence
	}
	if introduces(s.text, s.ja) {
		score -= 0.5 // cut off before what it introduces
	}
	if changelogLike(s.text) {
		score -= 0.6 // a change log entry or a link, not prose about the term
	}
	if !s.ja && pageBlurb(s.text) {
		score -= 0.6 // "The config rm command description and usage": what a page holds
	}
	text := s.text
	if s.block == blockTable {
		text = cellAt(text, pos, s.ja)
	}
	return evidence{kind: evUsage, text: text, doc: s.doc, line: s.line, ja: s.ja, score: score}
}

// cellAt returns, of a table row of four cells or more (a record: "fonts-hack;
// V:20, I:95; 2508; -; 40 P; A typeface designed for source code"), the
// cell that holds byte pos, the term's use; a shorter row, or a cell of a
// few words, is returned whole.
func cellAt(row string, pos int, ja bool) string {
	sep := tableCellSep(ja)
	if strings.Count(row, sep) < 3 || pos < 0 || pos > len(row) {
		return row
	}
	start := strings.LastIndex(row[:pos], sep)
	if start < 0 {
		start = 0
	} else {
		start += len(sep)
	}
	end := strings.Index(row[pos:], sep)
	if end < 0 {
		end = len(row)
	} else {
		end += pos
	}
	cell := strings.TrimSpace(row[start:end])
	if ja && utf8.RuneCountInString(cell) < 10 || !ja && !hasWords(cell, 4) {
		return row // "GTK": the name alone says nothing
	}
	return cell
}

// capText bounds a definition to maxDefinitionRunes, cutting English at a
// word boundary and marking the cut with an ellipsis.
func capText(s string, ja bool) string {
	if utf8.RuneCountInString(s) <= maxDefinitionRunes {
		return s
	}
	r := []rune(s)[:maxDefinitionRunes-1]
	cut := string(r)
	if !ja {
		if i := strings.LastIndexByte(cut, ' '); i > maxDefinitionRunes/2 {
			cut = cut[:i]
		}
		cut = strings.TrimRight(cut, " ,;:")
	}
	return cut + "…"
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	// Keep identifiers such as "iPhone" or "kubectl" as they are.
	if w, _, _ := strings.Cut(s, " "); strings.IndexFunc(w[size:], unicode.IsUpper) >= 0 || strings.ContainsAny(w, "_.") {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// isUpperASCII reports an ASCII capital letter.
func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// withoutParens returns s without its parenthesised remarks and the space
// before each: "HTML (including Help), LaTeX" -> "HTML, LaTeX". An
// unclosed parenthesis keeps the rest.
func withoutParens(s string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			break
		}
		close := strings.IndexByte(s[open:], ')')
		if close < 0 {
			break
		}
		b.WriteString(strings.TrimRight(s[:open], " "))
		s = s[open+close+1:]
	}
	b.WriteString(s)
	return b.String()
}
