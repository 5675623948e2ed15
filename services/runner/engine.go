package runner

import (
	"context"
	"fmt"

	"github.com/genglossary/genglossary/internal/engine"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
)

// EngineFactory is the type of [Config.Engine]: it builds the engine of one
// run from the project's settings.
type EngineFactory func(ctx context.Context, p *projectstate.Project) (pipeline.Engine, error)

// EngineFromSettings returns an [EngineFactory] that builds, with
// [engine.New], the engine a project's settings name (provider, model, base
// URL). Everything that does not come from events is taken from base: the
// API key (read from the runner's environment by the caller), concurrency,
// timeout, term limit and logger. base's Provider, Model and BaseURL are
// ignored.
func EngineFromSettings(base engine.Config) EngineFactory {
	return func(_ context.Context, p *projectstate.Project) (pipeline.Engine, error) {
		cfg := base
		cfg.Provider, cfg.Model, cfg.BaseURL = p.LLMProvider, p.LLMModel, p.LLMBaseURL
		return engine.New(cfg)
	}
}

// panicError is the cause a run's context is cancelled with when an engine
// call panicked.
type panicError struct {
	value any
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// guardedEngine recovers panics of engine calls (which the pipeline makes
// from its own goroutines, out of the runner's reach) and reports them to
// onPanic, which fails the run.
type guardedEngine struct {
	inner   pipeline.Engine
	onPanic func(v any)
}

// guardedAliasEngine is a guardedEngine whose inner engine is a
// pipeline.AliasFinder, so the pipeline still sees the capability.
type guardedAliasEngine struct {
	*guardedEngine
	af pipeline.AliasFinder
}

var (
	_ pipeline.Engine      = (*guardedEngine)(nil)
	_ pipeline.AliasFinder = guardedAliasEngine{}
)

// guard wraps e so that a panic in any of its methods is recovered,
// reported to onPanic and returned as an error.
func guard(e pipeline.Engine, onPanic func(v any)) pipeline.Engine {
	g := &guardedEngine{inner: e, onPanic: onPanic}
	if af, ok := e.(pipeline.AliasFinder); ok {
		return guardedAliasEngine{guardedEngine: g, af: af}
	}
	return g
}

func (g *guardedEngine) catch(err *error) {
	if v := recover(); v != nil {
		g.onPanic(v)
		*err = &panicError{value: v}
	}
}

// Concurrency passes on the inner engine's concurrency hint, if any.
func (g *guardedEngine) Concurrency() int {
	if c, ok := g.inner.(interface{ Concurrency() int }); ok {
		return c.Concurrency()
	}
	return 0
}

// Skipped implements pipeline.Skipper: the inner engine's skipped
// documents, if it skips any.
func (g *guardedEngine) Skipped(c *pipeline.Corpus) (skipped []pipeline.Skipped) {
	s, ok := g.inner.(pipeline.Skipper)
	if !ok {
		return nil
	}
	defer func() {
		if v := recover(); v != nil {
			g.onPanic(v)
			skipped = nil
		}
	}()
	return s.Skipped(c)
}

// Name implements pipeline.Engine.
func (g *guardedEngine) Name() string { return g.inner.Name() }

// Extract implements pipeline.Engine.
func (g *guardedEngine) Extract(ctx context.Context, c *pipeline.Corpus, progress func(done, total int, doc string)) (_ []pipeline.Candidate, err error) {
	defer g.catch(&err)
	return g.inner.Extract(ctx, c, progress)
}

// Classify implements pipeline.Engine.
func (g *guardedEngine) Classify(ctx context.Context, c *pipeline.Corpus, terms []pipeline.Candidate) (_ []pipeline.Candidate, err error) {
	defer g.catch(&err)
	return g.inner.Classify(ctx, c, terms)
}

// Define implements pipeline.Engine.
func (g *guardedEngine) Define(ctx context.Context, c *pipeline.Corpus, req pipeline.DefineRequest) (_ pipeline.Definition, err error) {
	defer g.catch(&err)
	return g.inner.Define(ctx, c, req)
}

// Review implements pipeline.Engine.
func (g *guardedEngine) Review(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) (_ []glossary.Issue, err error) {
	defer g.catch(&err)
	return g.inner.Review(ctx, c, entries)
}

// Refine implements pipeline.Engine.
func (g *guardedEngine) Refine(ctx context.Context, c *pipeline.Corpus, entry glossary.Entry, issues []glossary.Issue) (_ pipeline.Definition, err error) {
	defer g.catch(&err)
	return g.inner.Refine(ctx, c, entry, issues)
}

// Aliases implements pipeline.AliasFinder.
func (g guardedAliasEngine) Aliases(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) (_ map[string][]string, err error) {
	defer g.catch(&err)
	return g.af.Aliases(ctx, c, entries)
}
