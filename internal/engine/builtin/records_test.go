package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// A list that describes the fields of a record ("- **name**: The vessel
// name.", "- **cargo**: A list of holds, each containing:") does not gloss
// its keys: the item names the key again after a modifier, or leads into
// the items below it. A key with a real description still gets it. The
// page is written for this test.
func TestRecordFieldItemsAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Port API\n\n## Vessel status\n\nThe status endpoint returns one record per vessel.\n\n" +
		"- **name**: The vessel name.\n" +
		"- **flag**: The vessel flag (`PA`, `LR`, `MH`).\n" +
		"- **cargo**: A list of holds, each containing:\n" +
		"  - **hold**: The number of the hold.\n" +
		"- **draught**: the depth of water a ship needs to float, in metres.\n\n" +
		"Every vessel has a name, a flag and cargo in its holds, and the draught decides its berth.\n"
	ja := "# 港湾 API\n\n## 船舶の状態\n\n" +
		"- **名前**: 船舶の名前。\n" +
		"- **喫水**: 船が浮かぶために必要な水の深さ。\n\n" +
		"船舶には名前と喫水があります。名前は登録簿に記載されます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "api.md", Content: doc}, {Path: "api-ja.md", Content: ja}})
	for term, not := range map[string]string{
		"name":  "vessel name",
		"flag":  "vessel flag",
		"cargo": "each containing",
		"名前":    "船舶の名前",
	} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "draught"); !strings.Contains(d.Text, "depth of water") {
		t.Errorf("draught: %q, want its item", d.Text)
	}
	if d := define(t, e, c, "喫水"); !strings.Contains(d.Text, "水の深さ") {
		t.Errorf("喫水: %q, want its item", d.Text)
	}
}

// "The results are the same ..." compares; it does not say what a result
// is. The page is written for this test.
func TestAreTheSameIsNotADefinition(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tides\n\nA tide table lists the tides of a port.\n\n" +
		"Tide tables are the same within a few minutes across a bay, so one table serves all its ports.\n" +
		"Soundings are the depths measured at low water.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tides.md", Content: doc}})
	if d := define(t, e, c, "tide table"); strings.Contains(d.Text, "the same within") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("tide table: %q (%.2f), want no definition from a comparison", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "sounding"); !strings.Contains(d.Text, "depths measured") {
		t.Errorf("sounding: %q, want its definition", d.Text)
	}
}

// A parenthesis that points back to a noun ("(the one named in the
// manifest)") glosses nothing. The page is written for this test.
func TestAnaphoricParenthesisIsNotAGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Pilots\n\nBy default, every ship is assigned to a single berth in Portmaster (the one named in the manifest), " +
		"which the harbor office can change.\n\nPortmaster schedules the pilots of the harbor.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "pilots.md", Content: doc}})
	if d := define(t, e, c, "Portmaster"); strings.Contains(d.Text, "named in the manifest") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Portmaster: %q (%.2f), want no gloss from a parenthesis about the berth", d.Text, d.Confidence)
	}
}

// Code spans keep their text in the sentences definitions are taken from:
// "underscores (`_`)" is not "underscores ()". The page is written for
// this test.
func TestCodeSpansKeepTheirText(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Numbers\n\nA berth number is a number painted on the quay, where underscores (`_`) separate groups of digits " +
		"and `**` marks a closed berth.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "numbers.md", Content: doc}})
	d := define(t, e, c, "berth number")
	if !strings.Contains(d.Text, "underscores (_) separate") || !strings.Contains(d.Text, "and ** marks") {
		t.Errorf("berth number: %q, want the code spans' text", d.Text)
	}
}
