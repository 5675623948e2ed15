package builtin

import (
	"fmt"
	"math"

	"github.com/genglossary/genglossary/internal/extract"
)

// New returns a builtin engine. It returns an error when opts is invalid or
// the extractor cannot be created (for example when its dictionary fails to
// load).
func New(opts Options) (*Engine, error) {
	if opts.MaxTerms < 0 {
		return nil, fmt.Errorf("builtin: MaxTerms must be >= 0, got %d", opts.MaxTerms)
	}
	// The extractor ranks every candidate; Extract caps them itself, after
	// looking at the edge (see defineAtEdge).
	x, err := extract.New(extract.Options{MaxTerms: math.MaxInt})
	if err != nil {
		return nil, fmt.Errorf("builtin: create extractor: %w", err)
	}
	return &Engine{extractor: x, maxTerms: opts.MaxTerms}, nil
}
