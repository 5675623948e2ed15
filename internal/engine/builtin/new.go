package builtin

import (
	"fmt"

	"github.com/genglossary/genglossary/internal/extract"
)

// New returns a builtin engine. It returns an error when opts is invalid or
// the extractor cannot be created (for example when its dictionary fails to
// load).
func New(opts Options) (*Engine, error) {
	if opts.MaxTerms < 0 {
		return nil, fmt.Errorf("builtin: MaxTerms must be >= 0, got %d", opts.MaxTerms)
	}
	x, err := extract.New(extract.Options{MaxTerms: opts.MaxTerms})
	if err != nil {
		return nil, fmt.Errorf("builtin: create extractor: %w", err)
	}
	return &Engine{extractor: x}, nil
}
