package builtin

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/extract"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// Options configures the builtin engine.
type Options struct {
	// MaxTerms caps the number of terms extraction proposes. 0 means the
	// extractor's default; negative values are rejected by New.
	MaxTerms int
}

// Engine is the offline, deterministic, model-free glossary engine. It is
// safe for concurrent use: all per-corpus state lives in the pipeline.Corpus
// memo and is read-only once built.
type Engine struct {
	extractor termExtractor
	maxTerms  int // Options.MaxTerms; 0 scales with the corpus (extract.MaxTermsFor)
}

// termExtractor is what the engine needs of *extract.Extractor.
type termExtractor interface {
	Extract(ctx context.Context, docs []glossary.Document, progress func(done, total int, doc string)) ([]glossary.Term, error)
}

var (
	_ pipeline.Engine      = (*Engine)(nil)
	_ pipeline.AliasFinder = (*Engine)(nil)
	_ pipeline.Skipper     = (*Engine)(nil)
)

// Name returns "builtin".
func (e *Engine) Name() string { return "builtin" }

// Extract proposes candidate terms through package extract, ranked best
// first and already classified. It returns ctx's error when ctx ends.
func (e *Engine) Extract(ctx context.Context, c *pipeline.Corpus, progress func(done, total int, doc string)) ([]pipeline.Candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("builtin extract: %w", err)
	}
	r := read(c)
	docs, skipped := r.docs, len(r.skipped)
	if len(docs) == 0 && skipped > 0 {
		return nil, fmt.Errorf("builtin extract: %w", ErrNoReadableDocument)
	}
	if progress != nil && skipped > 0 {
		// Documents not read count as done first, so progress ends at
		// the corpus's size.
		for i, s := range r.skipped {
			progress(i+1, len(c.Docs), s.Document)
		}
		inner := progress
		progress = func(done, total int, doc string) { inner(skipped+done, skipped+total, doc) }
	}
	terms, err := e.extractor.Extract(ctx, docs, progress)
	if err != nil {
		return nil, fmt.Errorf("builtin extract: %w", err)
	}
	limit := e.maxTerms
	if limit == 0 {
		size := 0
		for _, d := range docs {
			size += len(d.Content)
		}
		limit = extract.MaxTermsFor(size)
	}
	all := terms
	terms, err = defineAtEdge(ctx, c, terms, limit)
	if err != nil {
		return nil, fmt.Errorf("builtin extract: %w", err)
	}
	if len(all) > limit {
		rest := slices.Concat(all[limit:], glossaryOnly(c, all, limit/4))
		if terms, err = keepGlossaryEntries(ctx, c, terms, rest); err != nil {
			return nil, fmt.Errorf("builtin extract: %w", err)
		}
	} else {
		terms = append(terms, glossaryOnly(c, all, limit-len(terms))...)
	}
	return dropFragments(index(c), terms), nil
}

// glossaryOnly returns up to n keys of the documents' own glossary that no
// candidate in cands spells, in the order the glossary lists them: a term
// the glossary defines and the text uses once or not at all ("SQL
// standard", "Transactions per second") is a term of these documents all
// the same. A key that is a phrase ("In reference to a table") is none.
func glossaryOnly(c *pipeline.Corpus, cands []pipeline.Candidate, n int) []pipeline.Candidate {
	if n <= 0 {
		return nil
	}
	ix := index(c)
	var entries []listItem
	for _, items := range ix.items {
		for _, it := range items {
			if it.glossary && !it.sub {
				entries = append(entries, it)
			}
		}
	}
	if len(entries) == 0 {
		return nil
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.manName != b.manName {
			return b.manName // a glossary's entries first
		}
		return a.doc < b.doc || a.doc == b.doc && a.line < b.line
	})
	seen := make(map[string]bool, len(cands))
	for _, t := range cands {
		seen[normKey(t.Text)] = true
	}
	var out []pipeline.Candidate
	for _, it := range entries {
		name := withoutQualifier(cleanMarkdown(it.key))
		keys := append(itemKeys(it.key), normKey(name))
		// "Certificate Signing Request (CSR)" when CSR is a candidate.
		if slices.ContainsFunc(keys, func(k string) bool { return seen[k] }) || !keyName(name) {
			continue
		}
		for _, k := range keys {
			seen[k] = true
		}
		occs := c.Occurrences(name)
		if len(occs) == 0 {
			continue
		}
		docs := make([]string, 0, 1)
		for _, o := range occs {
			if !slices.Contains(docs, o.Document) {
				docs = append(docs, o.Document)
			}
		}
		sort.Strings(docs)
		out = append(out, pipeline.Candidate{Text: aliasName(name, occs), Category: glossary.TechnicalTerm, Frequency: len(occs), Documents: docs})
		if len(out) == n {
			break
		}
	}
	return out
}

// keyName reports a key that names something: short, with a letter, not
// opening with a function word or a preposition ("In reference to ...").
func keyName(s string) bool {
	w := strings.ToLower(firstWord(s))
	return shortName(s) && strings.IndexFunc(s, unicode.IsLetter) >= 0 && !enFunctionWords[w] && !enLeadPreps[w]
}

// keepGlossaryEntries brings into out, the candidates kept at the cut,
// those of all that have an entry in the documents' own glossary (a
// glossary page or section, see listItem.glossary): the documents list
// them as their terms, whatever their rank (PostgreSQL's glossary names
// checkpoint, savepoint, ACID, ranked 381, 771 and 6737 for a cut at 300).
// Each, best ranked first and one spelling of each ("check constraint",
// not also "Check Constraints"), takes the place of the lowest-ranked
// candidate in the lower half of out that has neither an entry nor a
// definition (a describing sentence is none), for at most a quarter of
// out. An item under another entry is a detail of it, not an entry. A
// glossary's entries come before the names manual pages define (git's
// "detached HEAD" before git-commit).
func keepGlossaryEntries(ctx context.Context, c *pipeline.Corpus, out, all []pipeline.Candidate) ([]pipeline.Candidate, error) {
	ix := index(c)
	// entryOf reports a key with an entry; with glossaryOnly, one of a
	// glossary, not only a name a manual page's NAME defines.
	entryOf := func(key string, glossaryOnly bool) bool {
		for _, it := range ix.items[key] {
			if it.glossary && !it.sub && (!glossaryOnly || !it.manName) {
				return true
			}
		}
		return false
	}
	entry := func(key string) bool { return entryOf(key, false) }
	kept := make(map[string]bool, len(out))
	for _, t := range out {
		kept[normKey(t.Text)] = true
	}
	var promoted []pipeline.Candidate
	// A glossary's entries first, then the names manual pages define.
	for _, glossaryOnly := range []bool{true, false} {
		for _, t := range all {
			if len(promoted) >= len(out)/4 {
				break
			}
			if k := normKey(t.Text); !kept[k] && entryOf(k, glossaryOnly) {
				kept[k] = true
				promoted = append(promoted, t)
			}
		}
	}
	// Places taken first from candidates the documents only use, then from
	// those they only describe, each lowest-ranked first.
	var describeOnly []int
	for slot := len(out) - 1; slot >= len(out)/2 && len(promoted) > 0; slot-- {
		if entry(normKey(out[slot].Text)) {
			continue
		}
		a, err := assessTerm(ctx, c, out[slot].Text, nil, c.Occurrences(out[slot].Text))
		if err != nil {
			return nil, err
		}
		switch {
		case a.definesTerm():
		case a.hasDefinition():
			describeOnly = append(describeOnly, slot)
		default:
			out[slot] = promoted[0]
			promoted = promoted[1:]
		}
	}
	for _, slot := range describeOnly {
		if len(promoted) == 0 {
			break
		}
		out[slot] = promoted[0]
		promoted = promoted[1:]
	}
	return out, nil
}

// defineAtEdge cuts the ranked candidates to limit. Ranking does not know
// what the documents define, so around the cut a candidate they define
// clearly (a definition with the term as its subject, a naming, an
// expansion, a parenthetical gloss: "SPI is a non-profit organization ...")
// that ranks just below it takes the place of one just above it that they
// only use: each of the last quarter above the cut that has no definition
// gives way, lowest first, to the next of the quarter below it that has
// one.
func defineAtEdge(ctx context.Context, c *pipeline.Corpus, terms []pipeline.Candidate, limit int) ([]pipeline.Candidate, error) {
	if len(terms) <= limit {
		return terms, nil
	}
	band := max(limit/4, 1)
	out := terms[:limit:limit]
	slot := limit - 1
	for _, t := range terms[limit:min(len(terms), limit+band)] {
		// The occurrences Define is asked with later: the assessment is
		// kept for it.
		a, err := assessTerm(ctx, c, t.Text, nil, c.Occurrences(t.Text))
		if err != nil {
			return nil, err
		}
		if !a.definesClearly() {
			continue
		}
		for ; slot >= limit-band; slot-- {
			b, err := assessTerm(ctx, c, out[slot].Text, nil, c.Occurrences(out[slot].Text))
			if err != nil {
				return nil, err
			}
			if !b.hasDefinition() {
				break
			}
		}
		if slot < limit-band {
			break
		}
		out[slot] = t
		slot--
	}
	return out, nil
}

// dropFragments removes capitalised names of several words that the
// documents use only inside a longer name, another candidate or the long
// form of an abbreviation: "Resource Sharing", always in "Cross-Origin
// Resource Sharing (CORS)", ranks as a name but means nothing on its own.
// Acronyms and one-word names stand for themselves even when always used
// in a phrase ("JSON" of "JSON object"). A candidate that no sentence uses
// (code, tables) is kept: there is nothing to judge by.
func dropFragments(ix *corpusIndex, terms []pipeline.Candidate) []pipeline.Candidate {
	names := make([]string, 0, len(terms)+len(ix.abbrevs))
	for _, t := range terms {
		names = append(names, t.Text)
	}
	for _, a := range ix.abbrevs {
		names = append(names, a.long)
	}
	out := make([]pipeline.Candidate, 0, len(terms))
	for _, t := range terms {
		if titleCasePhrase(t.Text) {
			var within []string
			for _, n := range names {
				if len(n) > len(t.Text) && glossary.Contains(n, t.Text) {
					within = append(within, n)
				}
			}
			// The title of a publication, which the extractor does not
			// keep: "VPC User" of "Amazon VPC User Guide".
			for _, noun := range titleDocNouns {
				within = append(within, t.Text+" "+noun)
			}
			if len(within) > 0 && onlyInside(ix, t.Text, within) {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// titleDocNouns end the titles of publications.
var titleDocNouns = []string{"Guide", "Handbook", "Manual", "Documentation", "Tutorial", "Cookbook"}

// titleCasePhrase reports a Latin phrase of two words or more, each
// capitalised: "Resource Sharing".
func titleCasePhrase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

// onlyInside reports whether every use of term in the corpus's sentences,
// and there is one, is part of a use of one of the longer names.
func onlyInside(ix *corpusIndex, term string, longer []string) bool {
	used := false
	for i := range ix.sentences {
		text := ix.sentences[i].text
		hits := glossary.Index(text, term)
		if len(hits) == 0 {
			continue
		}
		used = true
		for _, h := range hits {
			inside := false
			for _, l := range longer {
				for _, lh := range glossary.Index(text, l) {
					if lh <= h && h+len(term) <= lh+len(l) {
						inside = true
						break
					}
				}
				if inside {
					break
				}
			}
			if !inside {
				return false
			}
		}
	}
	return used
}

// Classify returns the terms as extraction classified them. A term without
// a valid category (one added by hand) becomes common_noun when it is an
// everyday word and technical_term otherwise. An everyday word that the
// documents define explicitly (a definitional sentence with the word as its
// subject, a list item or a gloss: "A topic is a named stream of records")
// is a term of these documents and becomes technical_term, so that it is
// not dropped as a common noun. It returns ctx's error when ctx has ended.
func (e *Engine) Classify(ctx context.Context, c *pipeline.Corpus, terms []pipeline.Candidate) ([]pipeline.Candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("builtin classify: %w", err)
	}
	out := make([]pipeline.Candidate, len(terms))
	copy(out, terms)
	for i := range out {
		if !out[i].Category.Valid() {
			if isGeneralWord(out[i].Text) {
				out[i].Category = glossary.CommonNoun
			} else {
				out[i].Category = glossary.TechnicalTerm
			}
		}
		if out[i].Category != glossary.CommonNoun || c == nil {
			continue
		}
		a, err := assessTerm(ctx, c, out[i].Text, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("builtin classify %q: %w", out[i].Text, err)
		}
		if a.definesStrongly() || pageTopic(index(c), out[i].Text, a) {
			out[i].Category = glossary.TechnicalTerm
		}
	}
	return out, nil
}
