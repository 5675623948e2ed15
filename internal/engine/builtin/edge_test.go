package builtin

import (
	"context"
	"slices"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestExtractKeepsDefinedTermsAtTheCap: ranking does not know what the
// documents define, so at the cap a candidate they define clearly, ranked
// just below it, takes the place of one just above it that they only use.
// The text is written for this test.
func TestExtractKeepsDefinedTermsAtTheCap(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n" +
		"The harbour master checks the berth plan. The harbour master signs the berth plan.\n" +
		"The harbour master reads the tide table. The berth plan lists every quay crane.\n" +
		"A quay crane lifts containers. The tide table shows the harbour master the tide.\n" +
		"A quay crane needs a crane driver. The crane driver reads the berth plan.\n" +
		"The crane driver drives the quay crane at the pier head.\n" +
		"A bollard is a short iron column on the quay that holds the lines of a ship.\n" +
		"Check each bollard.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}})
	texts := extractedTexts(t, c, 100)
	at := slices.Index(texts, "bollard")
	if at < 1 {
		t.Fatalf("bollard ranked %d in %q: the test needs it below another term", at, texts)
	}
	kept := extractedTexts(t, c, at)
	if len(kept) != at || !slices.Contains(kept, "bollard") {
		t.Errorf("capped at %d: %q, want bollard (defined, ranked %d in %q) kept", at, kept, at, texts)
	}
	if dropped := texts[at-1]; slices.Contains(kept, dropped) {
		t.Errorf("capped at %d: %q still has %q, ranked just above the cut and only used", at, kept, dropped)
	}
}

// TestExtractKeepsGlossaryEntries: a term the documents' own glossary
// lists is kept at the cap however low it ranks, in place of one of the
// lower half that the documents only use; a defined one stays, and an item
// under an entry is a detail of it, not an entry. The pages are written
// for this test.
func TestExtractKeepsGlossaryEntries(t *testing.T) {
	t.Parallel()
	prose := "# Harbour\n\n" +
		"The harbour master checks the berth plan. The harbour master signs the berth plan.\n" +
		"The harbour master reads the tide table. The berth plan lists every quay crane.\n" +
		"A quay crane lifts containers. The tide table shows the harbour master the tide.\n" +
		"A quay crane needs a crane driver. The crane driver reads the berth plan.\n" +
		"The crane driver drives the quay crane at the pier head. The pier head faces the channel.\n" +
		"The pilot boat meets each ship in the channel. The pilot boat waits at the pier head.\n" +
		"A mooring buoy is a floating buoy that a ship ties up to. Ships use the mooring buoy in the channel.\nHang a fender.\n"
	gloss := "# Glossary\n\n- Fender: A cushion hung between a ship and the quay to keep the hull from harm.\n" +
		"  - Tyre: An old tyre hung as a cheap fender.\n" +
		"- Berth plan: The chart of which ship lies at which quay.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: prose}, {Path: "b.md", Content: prose}, {Path: "glossary.md", Content: gloss}})
	texts := extractedTexts(t, c, 100)
	at := slices.Index(texts, "fender")
	limit := at - at/4 - 2 // below the quarter defineAtEdge looks at, with room for two entries
	if limit < 8 || at < limit+limit/4+1 {
		t.Fatalf("fender ranked %d in %q: the test needs it well below a cut of at least 8", at, texts)
	}
	kept := extractedTexts(t, c, limit)
	if len(kept) != limit || !slices.Contains(kept, "fender") {
		t.Errorf("capped at %d: %q, want fender (a glossary entry, ranked %d in %q) kept", limit, kept, at, texts)
	}
	if i := slices.Index(texts, "tyre"); i >= limit && slices.Contains(kept, "tyre") {
		t.Errorf("capped at %d: %q kept tyre (ranked %d), an item under the fender entry, not an entry", limit, kept, i)
	}
	if i := slices.Index(texts, "mooring buoy"); i >= 0 && i < limit && !slices.Contains(kept, "mooring buoy") {
		t.Errorf("capped at %d: %q lost mooring buoy, which the documents define", limit, kept)
	}
}

// extractedTexts returns the terms an engine capped at maxTerms extracts
// from c, best ranked first.
func extractedTexts(t *testing.T, c *pipeline.Corpus, maxTerms int) []string {
	t.Helper()
	e, err := New(Options{MaxTerms: maxTerms})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.Extract(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := make([]string, 0, len(got))
	for _, g := range got {
		texts = append(texts, g.Text)
	}
	return texts
}
