package extract

import (
	"context"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
)

// TestExtractVariantsWithDifferentUnitCounts: variants of one candidate
// can be segmented into different numbers of units ("Web App" in a
// Japanese document is one unit, "web app" in English prose two words);
// ranking must not
// index one variant's units by another's count. Found on real READMEs,
// where it panicked.
func TestExtractVariantsWithDifferentUnitCounts(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := []glossary.Document{
		{Path: "en.md", Content: "# Packaging\n\nBundling the templates keeps the web app deployment to one copied binary.\n"},
		// Japanese text makes this document Japanese; kagome reads the
		// heading's "Web App" as one unit.
		{Path: "ja.md", Content: "ワタシ\n```shellsession\n```\n#### Web App\n"},
	}
	if _, err := e.Extract(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
}
