package pipeline

import (
	"context"
	"strings"
	"sync"

	"github.com/genglossary/genglossary/internal/asciidoc"
	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/rst"
	"github.com/genglossary/genglossary/internal/sitemarkup"
	"github.com/genglossary/genglossary/internal/textwidth"
)

// Corpus is the set of documents a run works on. Engines may memoise
// per-corpus indexes on it with Memo; a Corpus is safe for concurrent use.
type Corpus struct {
	Docs []glossary.Document

	mu   sync.Mutex
	memo map[string]any
}

// NewCorpus returns a corpus over docs, which must already be sorted by path.
// Engines read each document as its rendered page reads (reStructuredText,
// and plain text written in it ([rst.Looks]), through [rst.ToMarkdown];
// AsciiDoc, and plain text written in it ([asciidoc.Looks]), through
// [asciidoc.ToMarkdown]; other plain text with its placeholders ("<berth>")
// as text, its grid tables a row at a time (see gridTables) and without
// the margin of an indented body (see dedentText); then
// [sitemarkup.Strip]): front matter, shortcodes and admonition markers
// are not prose; and with width variants folded
// outside code ([textwidth.FoldProse]): 「ＡＰＩ」 is the word "API" and
// 「ｶﾀｶﾅ」 is 「カタカナ」, so a term is one term however a document types
// it. Line numbers stay those of the documents given.
func NewCorpus(docs []glossary.Document) *Corpus {
	out := make([]glossary.Document, len(docs))
	for i, d := range docs {
		switch {
		case rst.Is(d.Path), document.IsPlainText(d.Path) && rst.Looks(d.Content):
			// A plain-text file (.txt, or README and the like, README.Debian
			// too) written in reStructuredText (a Python
			// project's README.txt, Mercurial's help) reads as one.
			d.Content = rst.ToMarkdown(d.Content)
		case asciidoc.Is(d.Path), document.IsPlainText(d.Path) && asciidoc.Looks(d.Content):
			// So does one written in AsciiDoc (Git's documentation).
			d.Content = asciidoc.ToMarkdown(d.Content)
		case document.IsPlainText(d.Path):
			d.Content = escapeTags(d.Content)
			if !sitemarkup.ManPage(d.Content) {
				// (A manual page saved as text is read by its sections,
				// its tables included: see sitemarkup.)
				d.Content = dedentText(gridTables(d.Content))
			}
		}
		d.Content = textwidth.FoldProse(sitemarkup.Strip(d.Content))
		out[i] = d
	}
	return &Corpus{Docs: out}
}

// escapeTags escapes what Markdown would read as an HTML tag in plain
// text: "quay moor <berth>, where <berth> is ..." names a placeholder,
// which the readers dropped.
func escapeTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (s[i+1] == '/' || s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z') && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Occurrences is [glossary.FindOccurrences] over the corpus's documents,
// with one [glossary.Searcher] shared by every caller: steps and engines
// look up many terms in the same documents. Spellings are folded as the
// documents are (a term a user typed as 「ＡＰＩ」 is found as "API").
func (c *Corpus) Occurrences(spellings ...string) []glossary.Occurrence {
	return c.searcher().Find(foldAll(spellings)...)
}

// OccurrencesExcept is [Corpus.Occurrences] without the matches that are
// matches of the except spellings ([glossary.Searcher.FindExcept]).
func (c *Corpus) OccurrencesExcept(except []string, spellings ...string) []glossary.Occurrence {
	return c.searcher().FindExcept(foldAll(except), foldAll(spellings)...)
}

// Occurs reports whether any of the spellings occurs in the corpus, by the
// rules of [Corpus.Occurrences]; it stops at the first occurrence, and
// searches the documents named in first before the others.
func (c *Corpus) Occurs(first []string, spellings ...string) bool {
	return c.searcher().Has(first, foldAll(spellings)...)
}

// searcher is the corpus's one Searcher, built on first use.
func (c *Corpus) searcher() *glossary.Searcher {
	return c.Memo("pipeline.searcher", func() any { return glossary.NewSearcher(c.Docs) }).(*glossary.Searcher)
}

// foldAll folds spellings as the documents are folded.
func foldAll(spellings []string) []string {
	folded := make([]string, len(spellings))
	for i, sp := range spellings {
		folded[i] = textwidth.Fold(sp)
	}
	return folded
}

// Memo returns the value stored under key, building it with build the first
// time. Concurrent callers for the same key wait for the one build.
func (c *Corpus) Memo(key string, build func() any) any {
	c.mu.Lock()
	if c.memo == nil {
		c.memo = map[string]any{}
	}
	if v, ok := c.memo[key]; ok {
		c.mu.Unlock()
		if o, ok := v.(*onceValue); ok {
			return o.get()
		}
		return v
	}
	o := &onceValue{build: build}
	c.memo[key] = o
	c.mu.Unlock()
	return o.get()
}

type onceValue struct {
	once  sync.Once
	build func() any
	v     any
}

func (o *onceValue) get() any { o.once.Do(func() { o.v = o.build() }); return o.v }

// Candidate is a term proposed by extraction, before classification.
type Candidate = glossary.Term

// DefineRequest asks an engine for the definition of one term.
type DefineRequest struct {
	Term     string
	Category glossary.Category
	// Aliases are other spellings (synonym group members) of the term.
	Aliases []string
	// Occurrences are where the term occurs (all of them; engines choose how
	// many contexts to use).
	Occurrences []glossary.Occurrence
	// UserNote is a person's note on the term, to be treated as data.
	UserNote string
}

// Definition is an engine's answer for one term.
type Definition struct {
	Text       string
	Confidence float64
	// Evidence names where the definition came from ("doc.md:12"), if known.
	Evidence string
}

// Engine supplies the judgement of each step. Implementations must honour
// ctx (abort in-flight work when it ends) and be safe for concurrent calls:
// the pipeline calls Define and Refine from several goroutines.
type Engine interface {
	// Name is a short stable name ("builtin", "openai") for logs and records.
	Name() string
	// Extract proposes candidate terms with a first category, ranked best
	// first. progress is called after each document.
	Extract(ctx context.Context, c *Corpus, progress func(done, total int, doc string)) ([]Candidate, error)
	// Classify assigns a category to each of a batch of terms (at most
	// ClassifyBatch). It returns the same terms, in the same order.
	Classify(ctx context.Context, c *Corpus, terms []Candidate) ([]Candidate, error)
	// Define returns the definition of one term.
	Define(ctx context.Context, c *Corpus, req DefineRequest) (Definition, error)
	// Review returns the issues found in a batch of entries (at most
	// ReviewBatch).
	Review(ctx context.Context, c *Corpus, entries []glossary.Entry) ([]glossary.Issue, error)
	// Refine rewrites the definition of an entry that has issues.
	Refine(ctx context.Context, c *Corpus, entry glossary.Entry, issues []glossary.Issue) (Definition, error)
}

// AliasFinder is implemented by engines that can tell which terms are other
// spellings of another (an abbreviation and its expansion). The refined step
// merges each alias into its primary term.
type AliasFinder interface {
	// Aliases maps a primary term to the terms that are its aliases. A
	// primary must be in entries; an alias that is in entries is merged
	// into it, one that is not is added to its names.
	Aliases(ctx context.Context, c *Corpus, entries []glossary.Entry) (map[string][]string, error)
}

// Skipper is implemented by an engine that leaves some documents unread
// (the builtin engine reads English and Japanese only). The extract step
// logs what it skips, so a user knows why a page gave nothing.
type Skipper interface {
	// Skipped returns the documents of c the engine does not read, in the
	// corpus's order.
	Skipped(c *Corpus) []Skipped
}

// Skipped is a document an engine does not read, and why.
type Skipped struct {
	Document string
	// Reason completes "not read: ..." ("written in Portuguese").
	Reason string
}

// Batch sizes of the batched calls, as in the original.
const (
	ClassifyBatch = 10
	ReviewBatch   = 10
)
