package builtin

import (
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// A code fence opened in a block quote ends with the quote, closed or not:
// the text after it is read. The page is written for this test.
func TestQuotedCodeEndsWithItsQuote(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tugs\n\nAn example:\n\n> ```\n> tug moor --quay 4\n\nA bollard is a short post on a quay that mooring lines are tied to.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tugs.md", Content: doc}})
	want := "A bollard is a short post on a quay that mooring lines are tied to."
	if d := define(t, e, c, "bollard"); d.Text != want {
		t.Errorf("bollard: %q, want %q", d.Text, want)
	}
}
