package builtin

import (
	"strings"
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

// A term's usage is shown from a sentence rather than from a table row
// (its cells joined), when the corpus has both. The page is written for
// this test.
func TestUsagePrefersSentencesToTableRows(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tugs\n\n| drive | power | notes |\n| --- | --- | --- |\n| Voith drive | 3200 kW | built in the yard at Kiel with twin screws |\n\n" +
		"Our newest tug works the outer harbor all day, and its Voith drive lets it turn on the spot.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tugs.md", Content: doc}})
	d := define(t, e, c, "Voith drive")
	if !strings.Contains(d.Text, "turn on the spot") {
		t.Errorf("Voith drive: %q, want the sentence, not the table row", d.Text)
	}
}
