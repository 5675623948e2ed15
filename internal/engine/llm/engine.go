// Package llm implements pipeline.Engine over any OpenAI-compatible
// chat-completions endpoint (OpenAI, Azure OpenAI, Ollama's /v1, vLLM,
// llama.cpp, LM Studio) through the official openai-go SDK.
//
// Candidate terms come from a model-free extractor; the model classifies
// them (batches of up to 10), defines each term from up to five contexts,
// reviews the glossary (batches of 10) and refines definitions that have
// issues. Every call asks for structured output with a strict JSON schema
// and falls back to json_object mode (and then to plain prompting) when the
// server rejects it, remembering the fallback for the engine's lifetime.
// Replies are validated; an invalid reply is retried once with a corrective
// message and then reported as ErrInvalidReply. Transport failures are
// retried with backoff (5xx, network errors, timeouts) or after Retry-After
// (429); other 4xx fail at once. User data in prompts is wrapped in tags
// and escaped, and the system prompt says tagged text is data.
//
// The API key is sent only in the auth header; it never appears in errors
// or logs.
package llm

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// CandidateSource proposes candidate terms without a model. The extractor of
// package extract satisfies it.
type CandidateSource interface {
	Extract(ctx context.Context, docs []glossary.Document, progress func(done, total int, doc string)) ([]glossary.Term, error)
}

// Config configures an Engine. BaseURL, Model and Candidates are required.
type Config struct {
	// BaseURL is the API base, e.g. "https://api.openai.com/v1",
	// "http://localhost:11434/v1"; requests go to BaseURL + "/chat/completions".
	// With AzureAPIVersion it is the deployment URL, e.g.
	// "https://res.openai.azure.com/openai/deployments/gpt-4o".
	BaseURL string
	// Model is the model (or deployment) name sent with each request.
	Model string
	// APIKey is the API key, read from the environment by the caller; empty
	// for servers without authentication. It is never logged nor put in
	// errors.
	APIKey string
	// AzureAPIVersion, when set, selects Azure style: the key goes in the
	// api-key header and the version in the api-version query parameter.
	AzureAPIVersion string

	// Concurrency bounds the HTTP calls in flight; the pipeline may read it
	// with Engine.Concurrency as its own hint. Default 4.
	Concurrency int
	// Timeout bounds each HTTP attempt. Default 120s.
	Timeout time.Duration
	// MaxRetries is how many times a failed HTTP attempt (5xx, 429, network
	// error, timeout) is retried. 0 means the default, 3; negative means no
	// retries.
	MaxRetries int
	// Backoff returns the wait before retry number attempt (1-based) when the
	// server gives no Retry-After. Default: 500ms doubling, capped at 8s,
	// with jitter.
	Backoff func(attempt int) time.Duration
	// MaxRetryAfter caps a server's Retry-After wait. Default 60s.
	MaxRetryAfter time.Duration

	// Candidates proposes the candidate terms for Extract.
	Candidates CandidateSource
	// Logger receives the engine's logs; default discards them.
	Logger *slog.Logger
	// HTTPClient is the HTTP client; default a fresh client with no overall
	// timeout (Timeout applies per attempt).
	HTTPClient *http.Client
}

// String describes the config with the API key masked, so printing a
// Config never shows the key.
func (c Config) String() string {
	key := ""
	if c.APIKey != "" {
		key = "[REDACTED]"
	}
	return fmt.Sprintf("llm.Config{BaseURL:%q Model:%q APIKey:%q AzureAPIVersion:%q Concurrency:%d Timeout:%s MaxRetries:%d}",
		c.BaseURL, c.Model, key, c.AzureAPIVersion, c.Concurrency, c.Timeout, c.MaxRetries)
}

// GoString is String, for %#v.
func (c Config) GoString() string { return c.String() }

// LogValue logs the config with the API key masked.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.BaseURL),
		slog.String("model", c.Model),
		slog.Bool("api_key_set", c.APIKey != ""),
		slog.String("azure_api_version", c.AzureAPIVersion),
		slog.Int("concurrency", c.Concurrency),
		slog.Duration("timeout", c.Timeout),
		slog.Int("max_retries", c.MaxRetries),
	)
}

// Defaults of Config.
const (
	DefaultConcurrency   = 4
	DefaultTimeout       = 120 * time.Second
	DefaultMaxRetries    = 3
	DefaultMaxRetryAfter = 60 * time.Second
	// MaxContexts is how many occurrence contexts a define or refine prompt
	// carries at most.
	MaxContexts = 5
)

// Engine is a pipeline.Engine backed by an OpenAI-compatible endpoint. It is
// safe for concurrent use.
type Engine struct {
	cfg    Config
	log    *slog.Logger
	chat   openai.ChatCompletionService
	redact func(string) string
	sem    chan struct{}
	kinds  callKinds
	calls  atomic.Int64
	// mode is the response-format mode (modeSchema, modeObject, modeNone);
	// it only ever moves down.
	mode atomic.Int32
}

var _ pipeline.Engine = (*Engine)(nil)

// New validates cfg, fills in its defaults and returns an engine.
func New(cfg Config) (*Engine, error) {
	u, err := url.Parse(strings.TrimSpace(cfg.BaseURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: base URL must be an http(s) URL", ErrInvalidConfig)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%w: base URL must not carry credentials", ErrInvalidConfig)
	}
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, fmt.Errorf("%w: model is required", ErrInvalidConfig)
	}
	if cfg.Candidates == nil {
		return nil, fmt.Errorf("%w: a candidate source is required", ErrInvalidConfig)
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.Backoff == nil {
		cfg.Backoff = defaultBackoff
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	cfg.BaseURL = strings.TrimRight(u.String(), "/")

	opts := []option.RequestOption{
		option.WithBaseURL(cfg.BaseURL),
		option.WithHTTPClient(hc),
		option.WithMaxRetries(0), // retries are ours: deterministic, counted, Retry-After dates
	}
	switch {
	case cfg.AzureAPIVersion != "":
		opts = append(opts, option.WithQuery("api-version", cfg.AzureAPIVersion))
		if cfg.APIKey != "" {
			opts = append(opts, option.WithHeader("api-key", cfg.APIKey))
		}
	case cfg.APIKey != "":
		opts = append(opts, option.WithAPIKey(cfg.APIKey))
	}
	e := &Engine{
		cfg:   cfg,
		log:   log.With("engine", "openai", "model", cfg.Model),
		chat:  openai.NewChatCompletionService(opts...),
		sem:   make(chan struct{}, cfg.Concurrency),
		kinds: newCallKinds(),
	}
	key := cfg.APIKey
	e.redact = func(s string) string {
		if key == "" {
			return s
		}
		return strings.ReplaceAll(s, key, "[REDACTED]")
	}
	return e, nil
}

func defaultBackoff(attempt int) time.Duration {
	d := 500 * time.Millisecond << min(max(attempt-1, 0), 4)
	d = min(d, 8*time.Second)
	return d/2 + rand.N(d/2+1) // jitter keeps parallel callers apart
}

// Name returns "openai".
func (e *Engine) Name() string { return "openai" }

// Calls returns the number of HTTP requests made so far, retries included.
func (e *Engine) Calls() int64 { return e.calls.Load() }

// Concurrency returns the configured bound on calls in flight, a hint for
// how many goroutines the pipeline should run.
func (e *Engine) Concurrency() int { return e.cfg.Concurrency }

// ResponseFormat returns the response_format mode in use: "json_schema",
// "json_object" or "none" (after the server rejected both).
func (e *Engine) ResponseFormat() string { return modeName(int(e.mode.Load())) }

// Extract returns the candidates of the configured candidate source.
func (e *Engine) Extract(ctx context.Context, c *pipeline.Corpus, progress func(done, total int, doc string)) ([]pipeline.Candidate, error) {
	if progress == nil {
		progress = func(int, int, string) {}
	}
	var docs []glossary.Document
	if c != nil {
		docs = c.Docs
	}
	terms, err := e.cfg.Candidates.Extract(ctx, docs, progress)
	if err != nil {
		return nil, e.clean(fmt.Errorf("llm: extract candidates: %w", err))
	}
	return terms, nil
}

// Classify asks the model for the category of each term, in batches of
// pipeline.ClassifyBatch. It returns the terms in the same order.
func (e *Engine) Classify(ctx context.Context, _ *pipeline.Corpus, terms []pipeline.Candidate) ([]pipeline.Candidate, error) {
	out := make([]pipeline.Candidate, 0, len(terms))
	for lo := 0; lo < len(terms); lo += pipeline.ClassifyBatch {
		batch := terms[lo:min(lo+pipeline.ClassifyBatch, len(terms))]
		names := make([]string, len(batch))
		for i, t := range batch {
			names[i] = t.Text
		}
		var cats map[string]glossary.Category
		err := e.call(ctx, e.kinds.classify, classifyPrompt(names), func(content string) error {
			var err error
			cats, err = parseClassify(content, names)
			return err
		}, "batch_size", len(batch))
		if err != nil {
			return nil, e.clean(fmt.Errorf("llm: classify %d terms: %w", len(batch), err))
		}
		for _, t := range batch {
			t.Category = cats[t.Text]
			out = append(out, t)
		}
	}
	return out, nil
}

// Define asks the model for the definition of one term from up to
// MaxContexts of its occurrences.
func (e *Engine) Define(ctx context.Context, _ *pipeline.Corpus, req pipeline.DefineRequest) (pipeline.Definition, error) {
	occs := pickContexts(req.Occurrences, MaxContexts)
	var d pipeline.Definition
	err := e.call(ctx, e.kinds.define, definePrompt(req, occs), func(content string) error {
		var err error
		d, err = parseDefine(content, occs)
		return err
	}, "term", req.Term)
	if err != nil {
		return pipeline.Definition{}, e.clean(fmt.Errorf("llm: define %q: %w", req.Term, err))
	}
	return d, nil
}

// Review asks the model for the issues of a batch of entries (split into
// batches of pipeline.ReviewBatch if longer). Issues name only terms of the
// batch.
func (e *Engine) Review(ctx context.Context, _ *pipeline.Corpus, entries []glossary.Entry) ([]glossary.Issue, error) {
	issues := []glossary.Issue{}
	for lo := 0; lo < len(entries); lo += pipeline.ReviewBatch {
		batch := entries[lo:min(lo+pipeline.ReviewBatch, len(entries))]
		var got []glossary.Issue
		err := e.call(ctx, e.kinds.review, reviewPrompt(batch), func(content string) error {
			var err error
			got, err = parseReview(content, batch)
			return err
		}, "batch_size", len(batch))
		if err != nil {
			return nil, e.clean(fmt.Errorf("llm: review %d entries: %w", len(batch), err))
		}
		issues = append(issues, got...)
	}
	return issues, nil
}

// Refine asks the model to rewrite the definition of entry so that it
// resolves issues.
func (e *Engine) Refine(ctx context.Context, _ *pipeline.Corpus, entry glossary.Entry, issues []glossary.Issue) (pipeline.Definition, error) {
	occs := pickContexts(entry.Occurrences, MaxContexts)
	var d pipeline.Definition
	err := e.call(ctx, e.kinds.refine, refinePrompt(entry, issues, occs), func(content string) error {
		var err error
		d, err = parseRefine(content)
		return err
	}, "term", entry.Term)
	if err != nil {
		return pipeline.Definition{}, e.clean(fmt.Errorf("llm: refine %q: %w", entry.Term, err))
	}
	d.Evidence = entry.Evidence
	return d, nil
}

// clean makes sure err's message does not carry the API key.
func (e *Engine) clean(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if red := e.redact(msg); red != msg {
		return &redactedError{msg: red, err: err}
	}
	return err
}

// redactedError shows a redacted message but keeps the chain for errors.Is.
type redactedError struct {
	msg string
	err error
}

func (r *redactedError) Error() string { return r.msg }
func (r *redactedError) Unwrap() error { return r.err }

// pickContexts chooses up to n occurrences, one per document first, then
// the rest in order, skipping duplicate contexts; it keeps their order.
func pickContexts(occs []glossary.Occurrence, n int) []glossary.Occurrence {
	seenDoc := map[string]bool{}
	seenCtx := map[string]bool{}
	used := make([]bool, len(occs))
	picked := 0
	for pass := 0; pass < 2 && picked < n; pass++ {
		for i, o := range occs {
			if picked >= n {
				break
			}
			if used[i] || seenCtx[o.Context] || (pass == 0 && seenDoc[o.Document]) {
				continue
			}
			used[i], seenDoc[o.Document], seenCtx[o.Context] = true, true, true
			picked++
		}
	}
	var out []glossary.Occurrence
	for i, o := range occs {
		if used[i] {
			out = append(out, o)
		}
	}
	return out
}
