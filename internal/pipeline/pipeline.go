package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/genglossary/genglossary/internal/glossary"
)

// Step names a pipeline step. The strings are stable: they appear in events,
// run records and the API.
type Step string

// The four steps, in order.
const (
	StepExtract     Step = "extract"
	StepProvisional Step = "provisional"
	StepIssues      Step = "issues"
	StepRefined     Step = "refined"
)

// Steps lists the steps in pipeline order.
var Steps = []Step{StepExtract, StepProvisional, StepIssues, StepRefined}

// ErrCancelled is returned (wrapped together with the context's error) when a
// step stops because its context ended. The step's partial result is
// returned alongside it.
var ErrCancelled = errors.New("cancelled")

// ErrAllFailed is returned when every engine call of a step failed, so an
// empty result is not mistaken for "nothing found".
var ErrAllFailed = errors.New("every engine call failed")

// Progress is one progress report: Current of Total units of Step are done;
// Term is the term (or document) just handled.
type Progress struct {
	Step    Step
	Current int
	Total   int
	Term    string
}

// Options configures a Pipeline. The zero value is usable.
type Options struct {
	// Concurrency bounds parallel Define and Refine calls; default 4.
	Concurrency int
	// Progress receives progress reports; it is called from one goroutine
	// at a time. Nil means none.
	Progress func(Progress)
	// Logger receives per-term failures and step summaries; default discards.
	Logger *slog.Logger
}

// Pipeline runs steps with one engine.
type Pipeline struct {
	engine Engine
	opts   Options
	mu     sync.Mutex // serialises Progress calls
}

// New returns a pipeline over engine.
func New(engine Engine, opts Options) *Pipeline {
	if opts.Concurrency <= 0 {
		opts.Concurrency = 4
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{engine: engine, opts: opts}
}

// Engine returns the engine the pipeline runs with.
func (p *Pipeline) Engine() Engine { return p.engine }

func (p *Pipeline) progress(step Step, cur, total int, term string) {
	if p.opts.Progress == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.opts.Progress(Progress{Step: step, Current: cur, Total: total, Term: term})
}

// extractBatchProgress reports classify batch done of total as the second
// half of extract's progress, whose first half is the documents (half
// units); with no documents the batches are the whole of it.
func extractBatchProgress(half, done, total int, term string) (Step, int, int, string) {
	if half <= 0 {
		return StepExtract, done, total, term
	}
	return StepExtract, half + done*half/total, 2 * half, term
}

func cancelled(ctx context.Context, step Step, done, total int) error {
	return fmt.Errorf("%s %w after %d of %d: %w", step, ErrCancelled, done, total, context.Cause(ctx))
}

// TermRules are the user's decisions that extraction must honour.
type TermRules struct {
	// Excluded terms are never returned (unless also required).
	Excluded []string
	// Required terms are always returned, found in the documents or not.
	Required []string
	// Notes maps a term's text to a user note kept on the returned term.
	Notes map[string]string
	// Categories maps a term's text to a category chosen by a person; it
	// overrides the engine's classification.
	Categories map[string]glossary.Category
}

// ExtractResult is the outcome of the extract step.
type ExtractResult struct {
	// Terms are the kept terms, sorted by text.
	Terms []glossary.Term
	// AutoExcluded are candidates classified common_noun, which are dropped
	// and should be added to the project's excluded list, as the original did.
	AutoExcluded []string
}

// logSkipped logs the documents the engine does not read, one line per
// reason.
func (p *Pipeline) logSkipped(skipped []Skipped) {
	var reasons []string
	docs := map[string][]string{}
	for _, s := range skipped {
		if docs[s.Reason] == nil {
			reasons = append(reasons, s.Reason)
		}
		docs[s.Reason] = append(docs[s.Reason], s.Document)
	}
	for _, r := range reasons {
		d := docs[r]
		p.opts.Logger.Info("documents not read: "+r, "count", len(d), "first", d[:min(len(d), 5)])
	}
}

// Extract finds candidate terms, classifies them in batches, drops common
// nouns and excluded terms and adds required ones. On cancellation it
// returns nothing (a partial term list is not a useful glossary) and an
// error wrapping ErrCancelled.
func (p *Pipeline) Extract(ctx context.Context, c *Corpus, rules TermRules) (ExtractResult, error) {
	if err := ctx.Err(); err != nil {
		return ExtractResult{}, cancelled(ctx, StepExtract, 0, len(c.Docs))
	}
	if s, ok := p.engine.(Skipper); ok {
		p.logSkipped(s.Skipped(c))
	}
	// Documents count as the first half of extract's progress, batches the
	// second, so the bar a user watches fills once instead of restarting.
	half := len(c.Docs)
	cands, err := p.engine.Extract(ctx, c, func(done, total int, doc string) {
		half = max(half, total)
		p.progress(StepExtract, done, 2*half, doc)
	})
	if err != nil {
		if ctx.Err() != nil {
			return ExtractResult{}, cancelled(ctx, StepExtract, 0, len(c.Docs))
		}
		return ExtractResult{}, fmt.Errorf("extract: %w", err)
	}
	excluded := toSet(rules.Excluded)
	required := toSet(rules.Required)
	var kept []Candidate
	var absent []string
	for _, cand := range cands {
		_, req := required[cand.Text]
		if _, ok := excluded[cand.Text]; ok && !req {
			continue
		}
		if !req && !c.Occurs(cand.Documents, cand.Text) {
			// A candidate the documents never write as such (a model's
			// paraphrase, a form the extractor normalised, a phrase
			// broken over two lines everywhere) would have no
			// occurrences to define it from or to show.
			absent = append(absent, cand.Text)
			continue
		}
		kept = append(kept, cand)
	}
	if len(absent) > 0 {
		p.opts.Logger.Info("candidates not found in the documents as written were dropped", "count", len(absent), "first", absent[:min(len(absent), 5)])
	}
	// Classify in batches.
	total := (len(kept) + ClassifyBatch - 1) / ClassifyBatch
	var classified []Candidate
	failed := 0
	for i := 0; i < len(kept); i += ClassifyBatch {
		if ctx.Err() != nil {
			return ExtractResult{}, cancelled(ctx, StepExtract, i/ClassifyBatch, total)
		}
		batch := kept[i:min(i+ClassifyBatch, len(kept))]
		out, err := p.engine.Classify(ctx, c, batch)
		if err != nil {
			if ctx.Err() != nil {
				return ExtractResult{}, cancelled(ctx, StepExtract, i/ClassifyBatch, total)
			}
			// Keep the batch with its first category rather than lose it.
			failed++
			p.opts.Logger.Warn("classify batch failed; keeping the extractor's categories", "batch", i/ClassifyBatch+1, "err", err)
			out = batch
		}
		classified = append(classified, out...)
		p.progress(extractBatchProgress(half, i/ClassifyBatch+1, total, batch[len(batch)-1].Text))
	}
	if failed > 0 && failed == total {
		p.opts.Logger.Warn("every classify batch failed", "batches", total)
	}
	var res ExtractResult
	seen := map[string]bool{}
	for _, t := range classified {
		if cat, ok := rules.Categories[t.Text]; ok {
			t.Category = cat
		}
		_, req := required[t.Text]
		if t.Category == glossary.CommonNoun && !req {
			res.AutoExcluded = append(res.AutoExcluded, t.Text)
			continue
		}
		if seen[t.Text] {
			continue
		}
		seen[t.Text] = true
		t.UserNote = rules.Notes[t.Text]
		res.Terms = append(res.Terms, t)
	}
	for _, r := range rules.Required {
		r = strings.TrimSpace(r)
		if r == "" || seen[r] {
			continue
		}
		seen[r] = true
		cat := rules.Categories[r]
		if cat == "" {
			cat = glossary.TechnicalTerm
		}
		occ := c.Occurrences(r)
		res.Terms = append(res.Terms, glossary.Term{Text: r, Category: cat, Frequency: len(occ), Documents: docsOf(occ), UserNote: rules.Notes[r]})
	}
	sort.Slice(res.Terms, func(i, j int) bool { return res.Terms[i].Text < res.Terms[j].Text })
	sort.Strings(res.AutoExcluded)
	return res, nil
}

// pluralTerms maps a term to the other terms that are plurals of its
// spellings ("attrs", a package's name, of "attr"), which are not its
// occurrences: extraction keeps such a pair apart only when the plural
// names something else. A synonym group's spellings are one term.
func pluralTerms(terms []glossary.Term, syn Synonyms) map[string][]string {
	group := map[string]string{} // spelling -> its primary term
	for p, ms := range syn {
		for _, m := range ms {
			group[m] = p
		}
	}
	primary := func(t string) string {
		if p, ok := group[t]; ok {
			return p
		}
		return t
	}
	byLower := make(map[string][]string, len(terms))
	for _, t := range terms {
		k := strings.ToLower(t.Text)
		byLower[k] = append(byLower[k], t.Text)
	}
	var out map[string][]string
	for _, t := range terms {
		lo := strings.ToLower(t.Text)
		forms := []string{lo + "s", lo + "es"}
		if n := len(lo); n >= 3 && lo[n-1] == 'y' {
			forms = append(forms, lo[:n-1]+"ies")
		}
		for _, f := range forms {
			for _, u := range byLower[f] {
				if primary(u) != primary(t.Text) && glossary.IsPlural(u, t.Text) {
					if out == nil {
						out = map[string][]string{}
					}
					p := primary(t.Text)
					if !slices.Contains(out[p], u) {
						out[p] = append(out[p], u)
					}
				}
			}
		}
	}
	return out
}

func docsOf(occ []glossary.Occurrence) []string {
	var out []string
	for _, o := range occ {
		if len(out) == 0 || out[len(out)-1] != o.Document {
			out = append(out, o.Document)
		}
	}
	return out
}

func toSet(xs []string) map[string]struct{} {
	m := make(map[string]struct{}, len(xs))
	for _, x := range xs {
		m[strings.TrimSpace(x)] = struct{}{}
	}
	return m
}

// Synonyms maps a primary term to the member terms that are other spellings
// of it. Members' occurrences count for the primary and members appear as
// its aliases; members get no entry of their own.
type Synonyms map[string][]string

// Provisional finds each term's occurrences and asks the engine for a
// definition, Concurrency terms at a time. A term whose call fails is logged
// and skipped; if every call fails the error wraps ErrAllFailed. On
// cancellation it returns the entries finished so far (sorted) and an error
// wrapping ErrCancelled.
func (p *Pipeline) Provisional(ctx context.Context, c *Corpus, terms []glossary.Term, syn Synonyms) ([]glossary.Entry, error) {
	members := map[string]bool{}
	for _, ms := range syn {
		for _, m := range ms {
			members[m] = true
		}
	}
	var work []glossary.Term
	for _, t := range terms {
		if !members[t.Text] {
			work = append(work, t)
		}
	}
	plurals := pluralTerms(terms, syn)
	type result struct {
		entry glossary.Entry
		ok    bool
	}
	results := make([]result, len(work))
	failed, err := p.each(ctx, StepProvisional, len(work), func(i int) string { return work[i].Text }, func(ctx context.Context, i int) error {
		t := work[i]
		aliases := append([]string(nil), syn[t.Text]...)
		sort.Strings(aliases)
		occ := c.OccurrencesExcept(plurals[t.Text], append([]string{t.Text}, aliases...)...)
		def, err := p.engine.Define(ctx, c, DefineRequest{Term: t.Text, Category: t.Category, Aliases: aliases, Occurrences: occ, UserNote: t.UserNote})
		if err != nil {
			return err
		}
		results[i] = result{entry: glossary.Entry{
			Term: t.Text, Category: t.Category, Definition: def.Text, Confidence: clamp01(def.Confidence),
			Aliases: aliases, Occurrences: occ, Evidence: def.Evidence, UserNote: t.UserNote,
		}, ok: true}
		return nil
	})
	var out []glossary.Entry
	for _, r := range results {
		if r.ok {
			out = append(out, r.entry)
		}
	}
	glossary.SortEntries(out)
	if err != nil {
		return out, err
	}
	if failed > 0 && failed == len(work) {
		return nil, fmt.Errorf("provisional: %w (%d terms)", ErrAllFailed, failed)
	}
	return out, nil
}

// Issues reviews entries in batches of ReviewBatch. A failed batch is logged
// and skipped; if every batch fails the error wraps ErrAllFailed, so a
// failing engine never looks like "no issues". Issues about terms not in
// entries are dropped.
func (p *Pipeline) Issues(ctx context.Context, c *Corpus, entries []glossary.Entry) ([]glossary.Issue, error) {
	known := map[string]bool{}
	for _, e := range entries {
		known[e.Term] = true
	}
	nb := (len(entries) + ReviewBatch - 1) / ReviewBatch
	batches := make([][]glossary.Issue, nb)
	failed, err := p.each(ctx, StepIssues, nb, func(i int) string { return entries[i*ReviewBatch].Term }, func(ctx context.Context, i int) error {
		batch := entries[i*ReviewBatch : min((i+1)*ReviewBatch, len(entries))]
		issues, err := p.engine.Review(ctx, c, batch)
		if err != nil {
			return err
		}
		batches[i] = issues
		return nil
	})
	var out []glossary.Issue
	for _, b := range batches {
		for _, is := range b {
			if known[is.Term] && is.Type.Valid() {
				out = append(out, is)
			}
		}
	}
	sortIssues(out)
	if err != nil {
		return out, err
	}
	if failed > 0 && failed == nb {
		return nil, fmt.Errorf("issues: %w (%d batches)", ErrAllFailed, failed)
	}
	return out, nil
}

func sortIssues(issues []glossary.Issue) {
	sort.SliceStable(issues, func(i, j int) bool {
		a, b := issues[i], issues[j]
		if a.Term != b.Term {
			return a.Term < b.Term
		}
		return a.Type < b.Type
	})
}

// Refined applies the review: entries with a should_exclude issue are
// dropped, entries with other issues get a rewritten definition, aliases
// found by an AliasFinder engine are merged into their primary entry. A
// failed rewrite keeps the provisional definition (logged). On cancellation
// it returns every entry, the ones not yet rewritten with their provisional
// definition, and an error wrapping ErrCancelled.
func (p *Pipeline) Refined(ctx context.Context, c *Corpus, entries []glossary.Entry, issues []glossary.Issue) ([]glossary.Entry, error) {
	exclude := map[string]bool{}
	byTerm := map[string][]glossary.Issue{}
	for _, is := range issues {
		if is.ShouldExclude {
			exclude[is.Term] = true
			continue
		}
		byTerm[is.Term] = append(byTerm[is.Term], is)
	}
	var kept []glossary.Entry
	for _, e := range entries {
		if !exclude[e.Term] {
			e.Aliases = append([]string(nil), e.Aliases...)
			kept = append(kept, e)
		}
	}
	if af, ok := p.engine.(AliasFinder); ok && len(kept) > 0 {
		aliases, err := af.Aliases(ctx, c, kept)
		if err != nil {
			if ctx.Err() != nil {
				return kept, cancelled(ctx, StepRefined, 0, len(kept))
			}
			p.opts.Logger.Warn("alias detection failed; entries kept separate", "err", err)
		} else {
			kept = mergeAliases(kept, aliases)
		}
	}
	var todo []int
	for i, e := range kept {
		if len(byTerm[e.Term]) > 0 {
			todo = append(todo, i)
		}
	}
	_, err := p.each(ctx, StepRefined, len(todo), func(i int) string { return kept[todo[i]].Term }, func(ctx context.Context, i int) error {
		e := kept[todo[i]]
		def, err := p.engine.Refine(ctx, c, e, byTerm[e.Term])
		if err != nil {
			if ctx.Err() == nil {
				p.opts.Logger.Warn("refine failed; keeping the provisional definition", "term", e.Term, "err", err)
				return nil
			}
			return err
		}
		kept[todo[i]].Definition = def.Text
		kept[todo[i]].Confidence = clamp01(def.Confidence)
		if def.Evidence != "" {
			kept[todo[i]].Evidence = def.Evidence
		}
		return nil
	})
	glossary.SortEntries(kept)
	return kept, err
}

// mergeAliases folds each alias entry into its primary: the alias text joins
// the primary's aliases, its occurrences join the primary's (deduplicated by
// document and line), and the alias entry is removed. An alias that is
// not an entry only joins the primary's aliases.
func mergeAliases(entries []glossary.Entry, aliases map[string][]string) []glossary.Entry {
	idx := map[string]int{}
	for i, e := range entries {
		idx[e.Term] = i
	}
	drop := map[string]bool{}
	primaries := make([]string, 0, len(aliases))
	for p := range aliases {
		primaries = append(primaries, p)
	}
	sort.Strings(primaries)
	for _, prim := range primaries {
		pi, ok := idx[prim]
		if !ok || drop[prim] {
			continue
		}
		for _, a := range aliases[prim] {
			ai, ok := idx[a]
			if !ok && a != prim {
				// A name that is not an entry: the primary's other name.
				entries[pi].Aliases = appendUnique(entries[pi].Aliases, a)
				continue
			}
			if a == prim || drop[a] {
				continue
			}
			drop[a] = true
			pe := &entries[pi]
			pe.Aliases = appendUnique(pe.Aliases, a)
			for _, al := range entries[ai].Aliases {
				pe.Aliases = appendUnique(pe.Aliases, al)
			}
			pe.Occurrences = mergeOccurrences(pe.Occurrences, entries[ai].Occurrences)
			if pe.Confidence < entries[ai].Confidence && entries[ai].Definition != "" && !restates(entries[ai].Definition, pe.Term) {
				pe.Definition, pe.Confidence, pe.Evidence = entries[ai].Definition, entries[ai].Confidence, entries[ai].Evidence
			}
		}
	}
	out := entries[:0]
	for _, e := range entries {
		if !drop[e.Term] {
			out = append(out, e)
		}
	}
	return out
}

// restates reports a definition that only names term ("Short for Cloud
// Native Computing Foundation." of the alias CNCF, 「…の略。」): fewer than
// four words (six letters in Japanese) are left once term is taken out, or
// it ends in "synonym for term", "same as term". Such a definition explains
// the alias by the primary, not the primary.
func restates(def, term string) bool {
	i := strings.Index(strings.ToLower(def), strings.ToLower(term))
	if i < 0 || len(def) != len(strings.ToLower(def)) {
		return false
	}
	rest := def[:i] + " " + def[i+len(term):]
	if glossary.HasCJK(rest) {
		// Japanese has no spaces: count letters ("の略。" has two).
		letters := 0
		for _, r := range rest {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		return letters < 6
	}
	words := 0
	for _, w := range strings.Fields(rest) {
		if strings.Trim(w, ".,;:()") != "" {
			words++
		}
	}
	if words < 4 {
		return true
	}
	// "In PostgreSQL, Class is an archaic synonym for relation.": the
	// alias is another name of the primary, whatever else is said.
	before, after := strings.ToLower(def[:i]), strings.TrimSpace(def[i+len(term):])
	if after != "" && !strings.ContainsAny(after[:1], ".,;(") {
		return false // "the same as ledger pages"
	}
	for _, cue := range []string{"synonym for ", "synonym of ", "same as ", "another name for ", "see "} {
		if strings.HasSuffix(before, cue) {
			return true
		}
	}
	return false
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func mergeOccurrences(a, b []glossary.Occurrence) []glossary.Occurrence {
	type key struct {
		doc  string
		line int
	}
	seen := map[key]bool{}
	var out []glossary.Occurrence
	for _, o := range append(append([]glossary.Occurrence(nil), a...), b...) {
		k := key{o.Document, o.Line}
		if !seen[k] {
			seen[k] = true
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Document != out[j].Document {
			return out[i].Document < out[j].Document
		}
		return out[i].Line < out[j].Line
	})
	return out
}

func clamp01(f float64) float64 {
	switch {
	case f != f || f < 0: // NaN or negative
		return 0
	case f > 1:
		return 1
	}
	return f
}

// each runs fn for i in [0,n) with at most Concurrency in flight, reporting
// progress as items finish. It returns how many items failed with a non-
// context error (each logged) and, when ctx ends, an error wrapping
// ErrCancelled. Items not started when ctx ends are not run. A panic in fn
// stops the step and is returned as an error wrapping ErrPanic.
func (p *Pipeline) each(ctx context.Context, step Step, n int, name func(int) string, fn func(context.Context, int) error) (int, error) {
	if n == 0 {
		p.progress(step, 0, 0, "")
		return 0, nil
	}
	var (
		mu       sync.Mutex
		done     int
		failed   int
		panicked error
		wg       sync.WaitGroup
	)
	sem := make(chan struct{}, p.opts.Concurrency)
loop:
	for i := 0; i < n; i++ {
		select {
		case <-ctx.Done():
			break loop
		case sem <- struct{}{}:
		}
		mu.Lock()
		stop := panicked != nil
		mu.Unlock()
		if ctx.Err() != nil || stop {
			<-sem
			break
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			err := safeCall(ctx, i, fn)
			mu.Lock()
			defer mu.Unlock()
			if errors.Is(err, ErrPanic) {
				if panicked == nil {
					panicked = fmt.Errorf("%s: term %q: %w", step, name(i), err)
				}
				return
			}
			if err != nil {
				if ctx.Err() != nil {
					return
				}
				failed++
				p.opts.Logger.Warn("step item failed; skipped", "step", string(step), "term", name(i), "err", err)
			}
			done++
			p.progress(step, done, n, name(i))
		}(i)
	}
	wg.Wait()
	if panicked != nil {
		return failed, panicked
	}
	if ctx.Err() != nil {
		return failed, cancelled(ctx, step, done, n)
	}
	return failed, nil
}

// ErrPanic wraps a panic recovered in a step's worker goroutine, where the
// caller could not recover it: the step stops and returns it, so a bad
// document fails its run with a clear message instead of killing the
// process.
var ErrPanic = errors.New("internal error")

// safeCall runs fn and turns a panic into an error wrapping ErrPanic.
func safeCall(ctx context.Context, i int, fn func(context.Context, int) error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: panic: %v", ErrPanic, v)
		}
	}()
	return fn(ctx, i)
}
