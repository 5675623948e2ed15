package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// An English parenthesis glosses the word before it only when that word
// is what it says: after a modifier it glosses the compound ("the unit
// value (...)" is not about "value"), and an example is not a gloss. The
// page is written for this test.
func TestEnglishParenthesesThatAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{{Path: "berth.md", Content: "# Berths\n\n" +
		"Append a minor number to the berth number (the digits after the last hyphen).\n" +
		"The number is printed on the quay.\n\n" +
		"Some parts of the harbor (the tug basin for instance) have their own rules.\n" +
		"The harbor closes at night.\n\n" +
		"Each berth has a kind field of type BerthKind (the enum defined by the harbor office).\n" +
		"BerthKind has three values.\n\n" +
		"Ships wait at the anchorage (an area of sheltered water where ships anchor).\n" +
		"The anchorage is south of the breakwater.\n"}}
	c := pipeline.NewCorpus(docs)
	for _, tc := range []struct{ term, not string }{
		{"number", "digits after"},
		{"harbor", "tug basin"},
	} {
		if d := define(t, e, c, tc.term); strings.Contains(d.Text, tc.not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q, want no gloss from %q", tc.term, d.Text, tc.not)
		}
	}
	for term, want := range map[string]string{
		"BerthKind": "The enum defined by the harbor office.",
		"anchorage": "An area of sheltered water where ships anchor.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q, want %q", term, d.Text, want)
		}
	}
}
