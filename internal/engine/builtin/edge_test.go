package builtin

import (
	"context"
	"slices"
	"strings"
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

// harbourProse opens the pages of the cap tests: a few terms the text
// uses often.
const harbourProse = "# Harbour\n\n" +
	"The harbour master checks the berth plan. The harbour master signs the berth plan.\n" +
	"The harbour master reads the tide table. The berth plan lists every quay crane.\n" +
	"A quay crane lifts containers. The tide table shows the harbour master the tide.\n" +
	"A quay crane needs a crane driver. The crane driver reads the berth plan.\n"

// TestExtractKeepsGlossaryEntries: a term the documents' own glossary
// lists is kept at the cap however low it ranks, in place of one of the
// lower half that the documents only use; a defined one stays, and an item
// under an entry is a detail of it, not an entry. The pages are written
// for this test.
func TestExtractKeepsGlossaryEntries(t *testing.T) {
	t.Parallel()
	prose := harbourProse +
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

// TestExtractAddsGlossaryOnlyTerms: a key of the documents' own glossary
// that the extractor does not propose (a phrasal verb, a rate, a Japanese
// word used once) is a term all the same, under the cap and at it;
// a key that is a phrase is not. The pages are written for this test.
func TestExtractAddsGlossaryOnlyTerms(t *testing.T) {
	t.Parallel()
	prose := harbourProse +
		"The pilot boat meets each ship in the channel. The pilot boat waits at the pier head.\n" +
		"Ships cast off at dawn; the crane driver counts tonnes per hour.\n"
	gloss := "# Glossary\n\n" +
		"- Cast off: To untie a ship from the quay and leave.\n" +
		"- Plimsoll line: The mark on a hull that shows how deep the ship may lie.\n" +
		"- Tonnes per hour: The rate at which a quay crane loads cargo.\n" +
		"- Berth plan: The chart of which ship lies at which quay.\n" +
		"- In reference to a ship: the quay it lies at.\n"
	ja := "# 用語集\n\n- 潮止まり: 満ち潮と引き潮の間で、水が動かない短い時間。\n- 岸壁: 船を横付けする壁。\n\n" +
		"# 港\n\n岸壁に船を着けます。岸壁の長さを測ります。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: prose}, {Path: "glossary.md", Content: gloss},
		{Path: "ja/用語集.md", Content: ja}})
	e := newEngine(t)
	raw, err := e.extractor.Extract(context.Background(), c.Docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raw {
		if slices.Contains([]string{"cast off", "tonnes per hour", "潮止まり"}, r.Text) {
			t.Fatalf("the extractor proposes %q: the test needs keys it does not propose", r.Text)
		}
	}
	all := extractedTexts(t, c, 100)
	for _, want := range []string{"cast off", "tonnes per hour", "潮止まり"} {
		if !slices.Contains(all, want) {
			t.Errorf("%q: no %q, a glossary entry", all, want)
		}
	}
	for _, text := range all {
		if strings.HasPrefix(text, "In reference") {
			t.Errorf("%q: %q is no entry of the glossary", all, text)
		}
	}
	limit := len(raw) - 1
	kept := extractedTexts(t, c, limit)
	if len(kept) != limit || !slices.Contains(kept, "tonnes per hour") {
		t.Errorf("capped at %d: %q, want tonnes per hour kept", limit, kept)
	}
}

// quayProse is harbourProse with more terms of two words, so that one
// ranked low falls below a cut of at least 8.
const quayProse = harbourProse +
	"The crane driver drives the quay crane at the pier head. The pier head faces the channel.\n" +
	"The pilot boat meets each ship in the channel. The pilot boat waits at the pier head.\n" +
	"The lock keeper opens the sea lock. The sea lock holds the water. The lock keeper logs each ship.\n"

// fendctlPage returns a manual page saved as text whose NAME defines
// fendctl, its DESCRIPTION made of the paragraphs given and one more.
func fendctlPage(description ...string) string {
	var b strings.Builder
	b.WriteString("FENDCTL(8)        System Manager's Manual        FENDCTL(8)\n\nNAME\n" +
		"       fendctl - hang the fenders of a berth\n\nDESCRIPTION\n")
	for _, p := range append(description, "The pilot boat waits until fendctl has hung the fenders.") {
		b.WriteString("       " + p + "\n\n")
	}
	b.WriteString("Harbour 1.0          2026-11-30          FENDCTL(8)\n")
	return b.String()
}

// TestExtractKeepsManualPageNames: the names a manual page's NAME defines
// are the page's own entries, kept at the cap like a glossary's: read
// whole, a corpus of manual pages ranked its common words above the names
// its pages are about. The pages are written for this test.
func TestExtractKeepsManualPageNames(t *testing.T) {
	t.Parallel()
	prose := quayProse +
		"The harbour tug pushes the ship. The harbour tug waits at the sea lock. The dry dock drains.\n" +
		"The dry dock holds one ship. The cargo manifest lists the containers. Read the cargo manifest.\n"
	page := fendctlPage("The fendctl command reads the berth plan.")
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: prose}, {Path: "b.md", Content: prose}, {Path: "fendctl.8.txt", Content: page}})
	texts := extractedTexts(t, c, 100)
	at := slices.Index(texts, "fendctl")
	limit := at - at/4 - 2
	if limit < 8 || at < limit+limit/4+1 {
		t.Fatalf("fendctl ranked %d in %q: the test needs it well below a cut of at least 8", at, texts)
	}
	if kept := extractedTexts(t, c, limit); len(kept) != limit || !slices.Contains(kept, "fendctl") {
		t.Errorf("capped at %d: %q, want fendctl (its page's NAME, ranked %d in %q) kept", limit, kept, at, texts)
	}
}

// TestExtractKeepsGlossaryEntriesBeforeManualPageNames: with room for one
// more entry at the cap, a glossary's entry is kept before a name a manual
// page's NAME defines (git's glossary's "detached HEAD" before
// git-commit). The pages are written for this test.
func TestExtractKeepsGlossaryEntriesBeforeManualPageNames(t *testing.T) {
	t.Parallel()
	prose := quayProse + "Hang a fender before fendctl runs. Run fendctl at dawn. Then fendctl sleeps.\n"
	page := fendctlPage()
	gloss := "# Glossary\n\n- Fender: A cushion hung between a ship and the quay to keep the hull from harm.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: prose}, {Path: "b.md", Content: prose},
		{Path: "fendctl.8.txt", Content: page}, {Path: "glossary.md", Content: gloss}})
	const limit = 7 // room for one: a quarter of the cut
	texts := extractedTexts(t, c, 100)
	for _, term := range []string{"fender", "fendctl"} {
		if i := slices.Index(texts, term); i < limit+limit/4+1 {
			t.Fatalf("%s ranked %d in %q: the test needs it below a cut of %d", term, i, texts, limit)
		}
	}
	if slices.Index(texts, "fendctl") > slices.Index(texts, "fender") {
		t.Fatalf("fendctl ranked below fender in %q: the test needs it above", texts)
	}
	kept := extractedTexts(t, c, limit)
	if !slices.Contains(kept, "fender") || slices.Contains(kept, "fendctl") {
		t.Errorf("capped at %d: %q, want fender (a glossary's entry) kept before fendctl (a NAME's)", limit, kept)
	}
}

// TestGlossaryPageNamedWithASuffix: "glossary-content.txt" (Git's, included
// by its glossary page) is the documents' glossary too: its entry glosses
// the term, not a value's item on another page ("object:: An ambiguous
// short name."). The pages are written for this test.
func TestGlossaryPageNamedWithASuffix(t *testing.T) {
	t.Parallel()
	values := "# quay-check\n\n## Messages\n\n- berth: A berth without a ship.\n- tide: The tide table is missing.\n"
	gloss := "# Terms\n\n- berth: A place where a ship is moored.\n- cargo: What a ship carries.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a-check.md", Content: values}, {Path: "glossary-content.md", Content: gloss}})
	e := newEngine(t)
	if d := define(t, e, c, "berth"); d.Text != "A place where a ship is moored." {
		t.Errorf("berth = %q (%.2f), want the glossary's entry", d.Text, d.Confidence)
	}
}
