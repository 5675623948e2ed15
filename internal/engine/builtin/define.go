package builtin

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// Wording of a definition built from usage only. Both read as a label
// followed by a quotation, so they fit any term.
const (
	usedInPrefixEN = "Used in: "
	usedInPrefixJA = "文中の用例: "
)

// Wording of an abbreviation's definition by its long form ("Short for
// release-critical.", 「部品表の略。」): the review knows it as whole.
const (
	shortForPrefixEN = "Short for "
	shortForSuffixJA = "の略。"
)

// Confidence levels of the evidence kinds.
const (
	confAgreed      = 0.9  // explicit definitions in >= 2 documents agree
	confExplicit    = 0.8  // one explicit definition (or several in one document)
	confSupported   = 0.85 // explicit, and a heading or list item agrees
	confConflicting = 0.6  // explicit definitions disagree
	confGloss       = 0.7  // heading, list item or parenthetical
	confWeakHeading = 0.55 // heading whose paragraph does not name the term
	confExpansion   = 0.6  // an abbreviation's long form, as the documents give it
	confUsageMax    = 0.4
)

// assessment is the engine's reading of all the evidence for one term.
type assessment struct {
	best       evidence
	ok         bool // best is set
	confidence float64
	sources    []string // doc:line of the evidence behind best
	// clusters groups the strong explicit definitions that agree with each
	// other; more than one cluster means the documents contradict each other.
	clusters [][]evidence
	all      []evidence
}

// assess picks the best evidence deterministically and scores it.
func assess(term string, evs []evidence) assessment {
	a := assessment{all: evs}
	var explicit, glosses []evidence
	var usage *evidence
	for i, e := range evs {
		switch {
		case e.kind == evExplicit:
			explicit = append(explicit, e)
		case e.kind == evUsage:
			usage = &evs[i]
		default:
			glosses = append(glosses, e)
		}
	}
	// Of an everyday word, "The value is a NULL value" says what the value
	// at hand is; 'A "value" is a single number, string, BLOB or NULL'
	// says what a value is. With one of the latter, only they are
	// compared.
	general := isGeneralWord(term)
	generic := !general || !slices.ContainsFunc(explicit, func(e evidence) bool { return e.strong && !definiteSubject(e) })
	for _, e := range explicit {
		if !e.strong || !generic && definiteSubject(e) {
			continue
		}
		placed := false
		for ci := range a.clusters {
			if agree(a.clusters[ci][0], e, term) {
				a.clusters[ci] = append(a.clusters[ci], e)
				placed = true
				break
			}
		}
		if !placed {
			a.clusters = append(a.clusters, []evidence{e})
		}
	}
	if len(a.clusters) > 1 && oneDocument(a.clusters) {
		// Two definitions in one document elaborate, they do not
		// contradict ("CSS is a language for ...", later "CSS is one of
		// the three core technologies"): the document's first one stands.
		first := 0
		for ci := range a.clusters {
			if a.clusters[ci][0].line < a.clusters[first][0].line {
				first = ci
			}
		}
		a.clusters = [][]evidence{a.clusters[first]}
	}
	if len(a.clusters) > 1 {
		// "What Is PostgreSQL?" over "PostgreSQL is an object-relational
		// database management system ...": the answer to the question is
		// the definition; "PostgreSQL is a complex software project" on
		// another page says something else of it, not the contrary.
		for _, c := range a.clusters {
			if answersQuestion(c, glosses) {
				a.clusters = [][]evidence{c}
				break
			}
		}
	}
	if len(a.clusters) > 1 {
		// "KiCad is an open-source software suite ..." on kicad.html, "KiCad
		// is a free and open-source electronics design ..." on another
		// page: the page named after the term says what it is.
		var own [][]evidence
		for _, c := range a.clusters {
			if slices.ContainsFunc(c, func(e evidence) bool { return pageOf(e.doc, term) }) {
				own = append(own, c)
			}
		}
		if len(own) == 1 {
			a.clusters = own
		}
	}
	if len(a.clusters) > 1 {
		// "Footprints are a set of copper pads ..." on one page, "The
		// footprint is defined as an absolute footprint using the
		// LIBNAME:FOOTPRINTNAME format" on another: "the x" there is the
		// one at hand (a symbol's field), not a second meaning.
		var general [][]evidence
		for _, c := range a.clusters {
			if !allDefiniteEvidence(c) {
				general = append(general, c)
			}
		}
		if len(general) > 0 && len(general) < len(a.clusters) {
			a.clusters = general
		}
	}
	gi := slices.IndexFunc(glosses, func(g evidence) bool { return g.glossary })
	if gi >= 0 && len(a.clusters) > 0 {
		// A defining sentence of the glossary's own entry ("PEP: Python
		// Enhancement Proposal. A PEP is a design document ...") says
		// more than its opening words.
		var own [][]evidence
		for _, c := range a.clusters {
			if slices.ContainsFunc(c, func(e evidence) bool { return e.doc == glosses[gi].doc }) {
				own = append(own, c)
			}
		}
		if len(own) > 0 {
			a.clusters, gi = own, -1
		}
	}
	if gi >= 0 && len(a.clusters) > 0 {
		// The documents' own glossary says what the term is, in their
		// words; a defining sentence elsewhere says it for a page
		// ("Generators are a simple and powerful tool for creating
		// iterators." in Python's tutorial, against its glossary's "A
		// function which returns a generator iterator."), and does not
		// contradict it. One that agrees supports it.
		g := glosses[gi]
		a.best, a.ok, a.confidence = g, true, confGloss
		a.sources = []string{g.where()}
		for _, c := range a.clusters {
			if e := representative(c); e.doc != g.doc && agree(g, e, term) {
				a.confidence = confSupported
				a.sources = append(a.sources, e.where())
				break
			}
		}
		a.clusters = nil
		return a
	}
	// "The value is a list of names ..." in one page and "The value is a
	// bitmap ..." in another: each says what one setting's value is, not
	// what a value is; they do not contradict each other either. So does
	// "The argument is a delay ..." alone, of an everyday word: "the"
	// points to the argument at hand.
	perUse := len(a.clusters) > 0 && allDefinite(a.clusters, general) &&
		(len(a.clusters) > 1 || general && !slices.ContainsFunc(a.clusters[0], identifiesKind))
	if perUse {
		a.clusters = nil
	}
	switch {
	case len(a.clusters) > 0:
		best := 0
		for ci := 1; ci < len(a.clusters); ci++ {
			if clusterWeight(a.clusters[ci]) > clusterWeight(a.clusters[best]) {
				best = ci
			}
		}
		c := a.clusters[best]
		a.best, a.ok = representative(c), true
		a.sources = []string{a.best.where()}
		for _, e := range c {
			if e.where() != a.best.where() {
				a.sources = append(a.sources, e.where())
			}
		}
		switch {
		case len(a.clusters) > 1:
			a.confidence = confConflicting
		case distinctDocs(c) >= 2:
			a.confidence = confAgreed
		default:
			a.confidence = confExplicit
			for _, g := range glosses {
				if g.mentions && g.doc != a.best.doc && agree(a.best, g, term) {
					a.confidence = confSupported
					a.sources = append(a.sources, g.where())
					break
				}
			}
		}
	case len(explicit) > 0 && !perUse && !slices.ContainsFunc(glosses, func(g evidence) bool { return g.glossary }):
		// Only weak explicit evidence (appositives in mid-sentence, plural
		// subjects, naming sentences, what it consists of): the first, a
		// naming sentence last. The documents' glossary says more.
		pick := explicit[0]
		for _, e := range explicit {
			if !e.naming {
				pick = e
				break
			}
		}
		a.best, a.ok, a.confidence = pick, true, confExplicit
		a.sources = []string{pick.where()}
	case len(glosses) > 0:
		pick := glosses[0]
		for _, g := range glosses {
			if g.mentions && !pick.mentions {
				pick = g
			}
			if g.mentions {
				break
			}
		}
		for _, g := range glosses {
			if g.glossary {
				// The documents' glossary says what the term is; a
				// parenthesis in passing ("(If any of --bare ... is
				// given.)") or a heading's paragraph says less.
				pick = g
				break
			}
		}
		a.best, a.ok = pick, true
		a.sources = []string{pick.where()}
		a.confidence = confGloss
		switch {
		case pick.kind == evHeading && !pick.mentions:
			a.confidence = confWeakHeading
		case pick.kind == evExpansion:
			a.confidence = confExpansion
		case pick.kind == evDescribe:
			a.confidence = confDescribe
		}
	case perUse:
		a.best, a.ok, a.confidence = explicit[0], true, confDescribe
		a.sources = []string{explicit[0].where()}
	case usage != nil:
		a.best, a.ok = *usage, true
		a.sources = []string{usage.where()}
		a.confidence = usageConfidence(usage.docs)
	}
	return a
}

// allDefiniteEvidence reports a cluster whose every definition is of "the
// x", a common noun with the definite article.
func allDefiniteEvidence(c []evidence) bool {
	for _, e := range c {
		if !definiteSubject(e) {
			return false
		}
	}
	return len(c) > 0
}

// pageOf reports a document named after the term: kicad.html for KiCad,
// app-pgdump.html for pg_dump, gimp-concepts-brushes.html for brush (its
// name's last letters and digits are the term's, or its plural's).
func pageOf(doc, term string) bool {
	fold := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	name := path.Base(doc)
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // "uptodate.en.html"
	}
	n, t := fold(name), fold(term)
	if utf8.RuneCountInString(t) < 3 {
		return false
	}
	return strings.HasSuffix(n, t) || strings.HasSuffix(n, t+"s") || strings.HasSuffix(n, t+"es")
}

// answersQuestion reports a cluster holding the sentence that a heading
// asking the term is answered with.
func answersQuestion(c, glosses []evidence) bool {
	for _, e := range c {
		if e.answers {
			return true
		}
	}
	for _, g := range glosses {
		if !g.answers {
			continue
		}
		for _, e := range c {
			if e.doc == g.doc && e.line == g.line {
				return true
			}
		}
	}
	return false
}

// allDefinite reports clusters whose every definition is an English
// sentence about "The x", a common noun with the definite article, or says
// what a parameter of a page's function is (「利率は、名目年利率です」 under
// "Syntax"), each cluster from documents of its own (one page, or its
// copies, that says two things of "the x" elaborates), unless x is an
// everyday word: a page of a file format says "The value is a NULL value"
// of one field and "The value is a signed integer" of the next.
func allDefinite(clusters [][]evidence, general bool) bool {
	clusterOf := map[string]int{}
	for ci, c := range clusters {
		for _, e := range c {
			if (!e.param || strings.HasPrefix(e.text, "A ") || strings.HasPrefix(e.text, "An ")) && !definiteSubject(e) {
				// "A flag is a way to modify the behavior of a command."
				// under "## Flags" says what any flag is, a parameter's
				// section or not.
				return false
			}
			if prev, seen := clusterOf[e.doc]; seen && prev != ci && !e.param && !general {
				// A page may document several functions, each with a
				// "Syntax" section of its own.
				return false
			}
			clusterOf[e.doc] = ci
		}
	}
	return true
}

// definiteSubject reports an English definition of "The x", a common
// noun with the definite article.
func definiteSubject(e evidence) bool {
	rest, ok := strings.CutPrefix(e.text, "The ")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && !e.ja && unicode.IsLower(r)
}

// identifiesKind reports "The X is the Y that ...": a kind named by what
// its members do ("The server is the program that takes requests ..."),
// said of servers in general, not of the one at hand.
func identifiesKind(e evidence) bool {
	_, rest, ok := strings.Cut(e.text, " is ")
	w := strings.Fields(rest)
	if !ok || len(w) < 3 || w[0] != "the" && w[0] != "a" && w[0] != "an" {
		return false
	}
	for _, x := range w[2:min(len(w), 4)] {
		switch x {
		case "that", "which", "who", "whose":
			return true
		}
	}
	return false
}

// oneDocument reports whether all the clusters' evidence comes from one
// document.
func oneDocument(clusters [][]evidence) bool {
	doc := clusters[0][0].doc
	for _, c := range clusters {
		for _, e := range c {
			if e.doc != doc {
				return false
			}
		}
	}
	return true
}

// representative returns the shortest definition of a cluster (the one with
// the least extra matter), the earliest on ties.
func representative(c []evidence) evidence {
	r := c[0]
	for _, e := range c[1:] {
		if len(e.text) < len(r.text) {
			r = e
		}
	}
	return r
}

// clusterWeight orders clusters: more documents, then more sentences; the
// earlier cluster wins ties (the caller only replaces on a strict increase).
func clusterWeight(c []evidence) int { return distinctDocs(c)*1000 + len(c) }

func distinctDocs(evs []evidence) int {
	seen := map[string]bool{}
	for _, e := range evs {
		seen[e.doc] = true
	}
	return len(seen)
}

// usageConfidence grows with the number of documents that use the term,
// from 0.2 to confUsageMax.
func usageConfidence(docs int) float64 {
	return min(0.2+0.05*float64(max(docs-1, 0)), confUsageMax)
}

// definitionText renders the chosen evidence as a definition.
func (a assessment) definitionText() string {
	if !a.ok {
		return ""
	}
	if a.best.kind == evUsage {
		// A Japanese sentence in a page that is mostly English (one
		// partly translated) is labelled in Japanese too.
		return usageText(a.best.text, a.best.ja || mostlyJapanese(a.best.text))
	}
	return a.best.text
}

// usageText quotes a sentence that uses a term, labelled in ja's language.
func usageText(text string, ja bool) string {
	if ja {
		return usedInPrefixJA + "「" + capText(text, true) + "」"
	}
	return usedInPrefixEN + "\"" + capText(text, false) + "\""
}

func (a assessment) evidenceString() string { return strings.Join(a.sources, ", ") }

// hasDefinition reports whether anything better than usage was found.
func (a assessment) hasDefinition() bool { return a.ok && a.best.kind != evUsage }

// definesTerm reports whether the documents say what the term means: an
// explicit definition, a list item, a parenthetical gloss or a heading whose
// paragraph names the term. A heading alone ("## Storage" over a paragraph
// about something else) is a section title, not a definition; a sentence
// that says what the term does ("Homebrew users can run ...") describes it
// better than a usage but does not make a rarely used phrase a term.
func (a assessment) definesTerm() bool {
	return a.hasDefinition() && a.best.kind != evDescribe && !(a.best.kind == evHeading && !a.best.mentions && !a.best.glossary)
}

// definesStrongly reports an explicit definition with the term as its
// subject or a sentence that names it ("... are called requests"), a list
// item or a parenthetical gloss: enough to keep an everyday word ("topic",
// "record", 「ルール」) as a term of these documents.
func (a assessment) definesStrongly() bool {
	if !a.ok {
		return false
	}
	switch a.best.kind {
	case evExplicit:
		return a.best.strong || a.best.naming
	case evList, evParen, evExpansion:
		return true
	case evHeading:
		// 「### 干潮とは？」 over 「潮位が最も低くなる状態です。」: the
		// documents ask what it is and answer; "### Tide gauge" under
		// "Glossary": their own glossary says what it is.
		return a.best.answers || a.best.glossary
	}
	return false
}

// definesClearly is definesStrongly without list items, which may be table
// cells or lists of values.
func (a assessment) definesClearly() bool { return a.definesStrongly() && a.best.kind != evList }

// assessTerm gathers and assesses the evidence for a term. The
// provisional, issues and refined steps each ask for the same terms of one
// corpus: an assessment is kept per corpus, by term, aliases and
// occurrences, and shared read-only.
func assessTerm(ctx context.Context, c *pipeline.Corpus, term string, aliases []string, occs []glossary.Occurrence) (assessment, error) {
	if err := ctx.Err(); err != nil {
		return assessment{}, err
	}
	cache := c.Memo("builtin.assessments", func() any { return new(sync.Map) }).(*sync.Map)
	key := assessKey(term, aliases, occs)
	if a, ok := cache.Load(key); ok {
		return a.(assessment), nil
	}
	ix := index(c)
	if err := ctx.Err(); err != nil {
		return assessment{}, err
	}
	evs, err := gather(ctx, ix, term, aliases, occs)
	if err != nil {
		return assessment{}, err // not kept: a later call may finish
	}
	a := assess(term, evs)
	cache.Store(key, a)
	return a, nil
}

// assessKey identifies the inputs of assessTerm: the term, its aliases and
// a hash of its occurrences (documents and lines).
func assessKey(term string, aliases []string, occs []glossary.Occurrence) string {
	h := fnv.New64a()
	for _, o := range occs {
		h.Write([]byte(o.Document))
		var b [9]byte
		binary.LittleEndian.PutUint64(b[:8], uint64(o.Line))
		h.Write(b[:])
	}
	var sb strings.Builder
	sb.WriteString(term)
	for _, a := range aliases {
		sb.WriteByte(0)
		sb.WriteString(a)
	}
	sb.WriteByte(1)
	sb.WriteString(strconv.FormatUint(h.Sum64(), 16))
	sb.WriteByte(1)
	sb.WriteString(strconv.Itoa(len(occs)))
	return sb.String()
}

// Define returns the definition of a term mined from the documents: an
// explicit definitional sentence when there is one, else a heading's
// paragraph, a list item or a parenthetical gloss, else a usage sentence
// (confidence <= 0.4), else an empty definition with confidence 0. It
// returns ctx's error, wrapped, when ctx ends.
func (e *Engine) Define(ctx context.Context, c *pipeline.Corpus, req pipeline.DefineRequest) (pipeline.Definition, error) {
	a, err := assessTerm(ctx, c, req.Term, req.Aliases, req.Occurrences)
	if err != nil {
		return pipeline.Definition{}, fmt.Errorf("builtin define %q: %w", req.Term, err)
	}
	if !a.ok {
		return headingUsage(req.Occurrences), nil
	}
	return pipeline.Definition{Text: a.definitionText(), Confidence: a.confidence, Evidence: a.evidenceString()}, nil
}

// headingUsage is the definition of a term that only a heading uses
// ("## タイムゾーンについて" over a section about something else): the heading,
// quoted as a usage with the lowest confidence, rather than nothing.
func headingUsage(occs []glossary.Occurrence) pipeline.Definition {
	for _, o := range occs {
		h := strings.TrimSpace(o.Context)
		if !strings.HasPrefix(h, "#") {
			continue
		}
		text := cleanMarkdown(strings.TrimSpace(strings.TrimLeft(h, "#")))
		if text == "" || !hasLetter(text) {
			continue
		}
		return pipeline.Definition{Text: usageText(text, mostlyJapanese(text)), Confidence: confHeadingUsage,
			Evidence: fmt.Sprintf("%s:%d", o.Document, o.Line)}
	}
	return pipeline.Definition{}
}

// confHeadingUsage is the confidence of a heading quoted as a usage.
const confHeadingUsage = 0.1

// mostlyJapanese reports text of which a quarter of the letters or more
// are Japanese: 「参照している URL をすべて調べて…」, not an English sentence
// that cites a translated section title ("See 第 7.1 節「The Security
// Team」 for more").
func mostlyJapanese(text string) bool {
	letters, cjk := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if glossary.IsCJK(r) {
				cjk++
			}
		}
	}
	return letters > 0 && cjk*4 >= letters
}
