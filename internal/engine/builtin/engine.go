package builtin

import (
	"context"
	"fmt"

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
}

// termExtractor is what the engine needs of *extract.Extractor.
type termExtractor interface {
	Extract(ctx context.Context, docs []glossary.Document, progress func(done, total int, doc string)) ([]glossary.Term, error)
}

var (
	_ pipeline.Engine      = (*Engine)(nil)
	_ pipeline.AliasFinder = (*Engine)(nil)
)

// Name returns "builtin".
func (e *Engine) Name() string { return "builtin" }

// Extract proposes candidate terms through package extract, ranked best
// first and already classified. It returns ctx's error when ctx ends.
func (e *Engine) Extract(ctx context.Context, c *pipeline.Corpus, progress func(done, total int, doc string)) ([]pipeline.Candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("builtin extract: %w", err)
	}
	terms, err := e.extractor.Extract(ctx, c.Docs, progress)
	if err != nil {
		return nil, fmt.Errorf("builtin extract: %w", err)
	}
	return terms, nil
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
		if a.definesStrongly() {
			out[i].Category = glossary.TechnicalTerm
		}
	}
	return out, nil
}
