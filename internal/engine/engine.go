// Package engine builds the pipeline.Engine a run or the CLI asks for: the
// offline builtin engine (the default) or an OpenAI-compatible LLM.
package engine

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/genglossary/genglossary/internal/engine/builtin"
	"github.com/genglossary/genglossary/internal/engine/llm"
	"github.com/genglossary/genglossary/internal/extract"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// Provider names.
const (
	Builtin = "builtin"
	OpenAI  = "openai"
)

// DefaultBaseURL is the openai provider's endpoint when none is set.
const DefaultBaseURL = "https://api.openai.com/v1"

// ErrUnknownProvider is returned for a provider other than builtin or openai.
var ErrUnknownProvider = errors.New("unknown provider (want builtin or openai)")

// Config selects and configures an engine.
type Config struct {
	// Provider is "builtin" (default when empty) or "openai".
	Provider string
	// Model, BaseURL and APIKey configure the openai provider (BaseURL
	// defaults to DefaultBaseURL). The key comes from the environment, never
	// from events or flags.
	Model, BaseURL, APIKey string
	// Concurrency bounds parallel LLM calls; default 4.
	Concurrency int
	// Timeout bounds one LLM call; default the llm package's.
	Timeout time.Duration
	// MaxTerms bounds extraction; 0 means the extractor's default.
	MaxTerms int
	// Logger receives engine logs; default discards.
	Logger *slog.Logger
}

// New returns the engine cfg names.
func New(cfg Config) (pipeline.Engine, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	switch strings.ToLower(strings.TrimSpace(cfg.Provider)) {
	case "", Builtin:
		e, err := builtin.New(builtin.Options{MaxTerms: cfg.MaxTerms})
		if err != nil {
			return nil, fmt.Errorf("builtin engine: %w", err)
		}
		return e, nil
	case OpenAI:
		if strings.TrimSpace(cfg.BaseURL) == "" {
			cfg.BaseURL = DefaultBaseURL
		}
		ex, err := extract.New(extract.Options{MaxTerms: cfg.MaxTerms})
		if err != nil {
			return nil, fmt.Errorf("extractor: %w", err)
		}
		e, err := llm.New(llm.Config{
			BaseURL: cfg.BaseURL, Model: cfg.Model, APIKey: cfg.APIKey,
			Concurrency: cfg.Concurrency, Timeout: cfg.Timeout,
			Candidates: ex, Logger: cfg.Logger,
		})
		if err != nil {
			return nil, fmt.Errorf("openai engine: %w", err)
		}
		return e, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownProvider, cfg.Provider)
}
