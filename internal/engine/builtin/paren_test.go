package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// An English parenthesis glosses the word before it only when that word
// is what it says: after a modifier it glosses the compound ("the unit
// value (...)" is not about "value"; "Tidal OS (...)" is about the name
// Tidal OS, "job-number (...)" about the longer word, "opportunistic VHF
// (...)" about that kind of VHF), an example is not a gloss, nor is a
// phrase that goes on from the sentence ("(i.e. with ...)") or an
// action ("(i.e. sending a FIN packet back)", "(i.e. issuance of a FIN
// packet)", Traefik's), nor
// is a parenthesis that names what the phrase describes ("(a so-called
// ... line)") or one after the last of a coordination ("on Windows and
// macOS (the directories in which ...)"). The page is written for this
// test.
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
		"A printed berth name may look different from the berth label (the enclosing quotes could change).\n" +
		"Ships wait at the anchorage (an area of sheltered water where ships anchor).\n" +
		"The anchorage is south of the breakwater.\n" +
		"The quay lists each berth without its berth name (a so-called \"dark\" berth line). Each berth name is painted.\n" +
		"Tidal OS (The Harbour Office Live System) runs on every desk. Each OS is patched.\n" +
		"Run `fg %job-number` (foreground の略語) to resume a job. The number is shown.\n" +
		"Rules are read up to the top of the tide zone (the further the rule file that names `berths` is from the berth, the lower its weight).\n" +
		"The tide zone is wide.\n" +
		"The pilot boards with opportunistic VHF (the \"may\" radio level) when the channel is free. VHF is used by every pilot.\n" +
		"The tug runs \"-o slow=\" on the tow line (i.e. with an empty speed value). The tow line is checked daily.\n" +
		"Name the berth later in the manifest line (i.e. as a cargo argument rather than as the cargo to load). Each manifest line is signed.\n" +
		"Build the tide target to print the result of the tide expression (i.e. run the command tide --print at the quay). The tide expression is short.\n" +
		"For berths with two bollards in their row (the typical case nowadays), crews tie two lines. Each row is numbered.\n" +
		"The log was kept in Morse (the only code known to the old crews) or in plain text. Morse is slow.\n" +
		"Signals are sent in semaphore (the berth number, the draught, the cargo class etc.) before docking. Semaphore needs daylight.\n" +
		"Once every crane works on the quay (i.e. the winch didn't jam), raise the limit. Each winch is oiled.\n" +
		"Use a hawser when splitting a tow (a special case of the previous one). Each tow is logged.\n" +
		"Logs go to the quay office or their copies on Tidal and Moorix (the folders in which the harbor keeps its charts). Moorix is old.\n" +
		"The only exception is a pilot-signed manifest (i.e. a manifest checked by the harbor pilot). Each manifest is kept.\n" +
		"Keep the log in a so-called logbook (a bound book of the day's events). The logbook is read daily.\n" +
		"Tows that always take a hawser (i.e. whose tugs always pull from the bow) are listed here. Each hawser is checked.\n" +
		"Set the home berth in the harbor panel (the \"Berth used at start\" field). The harbor panel opens with o.\n" +
		"The pilot must call close to end the radio link (i.e. sending a release tone back). Each radio link is tested.\n" +
		"Either side may end its writing on the tide channel (i.e. issuance of a closing tone). Each tide channel is tested.\n" +
		"With tidectl as tide service (the default since the spring release), the gauges differ. Each tide service is logged.\n" +
		"Add a digit to the crew part of the voyage code (the letters after the last slash). Each voyage code is unique.\n" +
		"Tabs sit at the top of the chart pane (the pane at the bottom of the screen). The chart pane scrolls.\n"}}
	c := pipeline.NewCorpus(docs)
	for _, tc := range []struct{ term, not string }{
		{"number", "digits after"},
		{"harbor", "tug basin"},
		{"berth label", "quotes could"},
		{"berth name", "so-called"},
		// After a capitalised word the parenthesis glosses the whole name
		// (Tidal OS); after a hyphen, the longer word (job-number).
		{"OS", "Harbour Office"},
		{"number", "foreground"},
		{"tide zone", "further"}, // a comparison
		// After an adjective the parenthesis glosses the compound
		// (opportunistic VHF); one that opens with a preposition goes on
		// from the sentence.
		{"VHF", "radio level"},
		{"tow line", "empty speed"},
		{"manifest line", "cargo argument"},     // "as ...": a role, not what it is
		{"tide expression", "the command tide"}, // an instruction
		{"row", "typical case"},                 // how common the situation is
		{"Morse", "only code"},                  // what it alone was there
		{"semaphore", "berth number"},           // some of what is sent in it
		{"quay", "winch didn"},                  // a clause
		{"tow", "special case"},                 // of what came before
		{"Moorix", "folders in which"},          // the last of two: about both, or their copies
		{"manifest", "checked by the harbor"},   // about the pilot-signed manifest
		{"hawser", "tugs always pull"},          // a relative clause about the tows
		{"tide service", "default since"},       // which one is chosen
		{"harbor panel", "Berth used"},          // a part of it, by its label
		{"radio link", "release tone"},          // the action, a gerund and its object
		{"tide channel", "closing tone"},        // the action, a noun of an act and its object
		{"voyage code", "letters after"},        // about the part of it
	} {
		if d := define(t, e, c, tc.term); strings.Contains(d.Text, tc.not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q, want no gloss from %q", tc.term, d.Text, tc.not)
		}
	}
	for term, want := range map[string]string{
		"BerthKind": "The enum defined by the harbor office.",
		"anchorage": "An area of sheltered water where ships anchor.",
		"logbook":   "A bound book of the day's events.",
		// Where in it ("at the top of") leaves the gloss to the pane.
		"chart pane": "The pane at the bottom of the screen.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q, want %q", term, d.Text, want)
		}
	}
}

// What reads like a gloss in reference pages but is not: a path after a
// platform's name, an instruction after a field's label, a placeholder in
// emphasis, an adjective named in quotes mid-phrase. The page is written
// for this test.
func TestEnglishValuesInstructionsAndPlaceholdersAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{{Path: "tugs.md", Content: "# Tug templates\n\n" +
		"Templates are read from:\n\n- Unix: ~/tugs/templates/\n- Windows: C:\\Users\\pilot\\Documents\\tugs\\templates or C:\\tugs\\templates\n\n" +
		"Windows machines read the second folder first.\n\n" +
		"## Leader options\n\n**Caption:** Enter the text to show at the end of the leader line.\n\n" +
		"- Berth code - Usually, use the quay's radio call sign, like “QB7”.\n\nEach berth code is painted on the quay.\n\nThe caption is drawn in the quay font.\n\n" +
		"## Hints\n\n1. “`<draught`”: the hint only affects tugs whose draught is less than *`draught`*.\n" +
		"2. “`=draught`”: the hint only affects tugs whose draught is *`draught`*.\n\nThe draught is measured at the stern.\n\n" +
		"## Steps\n\n- Divert: in order to cause every later tug to moor at the outer quay instead.\n- Undo: put the tug back.\n\nA divert is logged.\n\n" +
		"## Radios\n\n- Radios: Icom M330 2.1, Standard Horizon 4.4, Cobra F80 1.0\n- Channels: sixteen and twelve\n\nRadios are tested yearly.\n\n" +
		"## Services\n\n- Tug rotation: More information in the dedicated tug rotation section.\n- Pilotage: handled by the port authority.\n\nTug rotation is fair.\n\n" +
		"## Knots\n\n1. If `moorWith` is used, lines are tied with the named knot.\n   * If moorWith(\"identity\"), no knot is tied, but \"identity\" is logged.\n\n" +
		"## Patterns\n\n- `?stranded`: Matches tugs which have an unmoored (“stranded”) line of the given kind.\n\nA stranded tug waits.\n\n" +
		"## Radio addresses\n\n- **vhf:***channel*: Call the harbour office on the given VHF channel.\n\nVHF reaches the whole bay.\n\n" +
		"## Tested on\n\n- Chart OS: Tidal Linux 16.04 (will be updated with more systems after testing).\n\nEach chart OS is patched.\n\n" +
		"## Configuration\n\n**[sonar]**\n: Section for the sonar listener settings.\n\nCheck the sonar at night.\n\n" +
		"## Tracing options\n\n- `beacon`: HarbourNet supports multiple beacons.\n- Winch: CRI-tug should use the winch to haul the line.\n\n" +
		"- Harbour beacons: Beacons are lights that mark the channel.\n- Quay pump: This is the pump that empties the dry dock.\n\n" +
		"Each beacon blinks. The winch is oiled. The quay pump hums.\n\n" +
		"## Tide fields\n\n- Datum: The only currently defined value is 1 for chart datum, so there is no field for it.\n\nThe datum is printed on every chart.\n\n" +
		"## Statements\n\n- quay: Defines a quay.\n- berth: Specifies the berth in a harbour plan.\n- tug: Defines a tug crew with its master.\n" +
		"- chart style: Selects the chart style to use for the printed chart.\n- vts: Configures a VTS channel for the harbour.\n" +
		"- pilot: Specifies the harbour officer on duty, the same as the PILOT option of the log.\n\n" +
		"Count each quay. Paint each berth. Call a tug crew. VTS watches the bay.\n\n" +
		"## Console commands\n\n- `anchor`: This command is not implemented.\n- `drift`: This command is not implemented.\n\nAn anchor holds the ship.\n\n" +
		"## Differences\n\n- Ropes: All mooring ropes passed on to tugs are coiled.\n- Flags: Every signal flag can be raised twice.\n" +
		"- Moored: All of the ships tied to a berth are said to be \"moored\" there.\n- Runic: All numbers are shown using runic numerals.\n" +
		"- Harbour master: All berths except the outer quay and the fuel pier can be rented.\n\n" +
		"Each rope is tarred. A flag flies. A moored ship waits. Runic is old. The harbour master signs.\n\n" +
		"## Properties\n\n| Name | Type | Description |\n| --- | --- | --- |\n| Bell | Boolean | For harbour bells only |\n" +
		"| Deck | Integer | A ship may have several decks that the crew walks one by one. |\n\nThe bell rings. Each deck is swept.\n\n" +
		"## Paths\n\n| Type | Path |\n| --- | --- |\n| Logbook | This folder stores your own logbook entries. |\n| Charts | New charts are stored in this folder. |\n\n" +
		"The logbook is signed. Each chart is dated.\n\n" +
		"## Ratios\n\n- Tide ratio: That's the default possibility.\n- Free ratio: Any ratio.\n\nThe tide ratio is fixed.\n\n" +
		"## Export columns\n\n1. **Berth log**: first line and subsequent lines;\n2. **Tug log**: first line and subsequent lines;\n" +
		"3. **Pilot log**: first line and subsequent lines;\n\nThe berth log is kept. The tug log is short. The pilot log is signed.\n\n" +
		"## Contexts\n\n- `harbourmaster`: These settings can be set from `harbour.conf`, but only harbourmasters can change them.\n" +
		"- Tide calls: Much of the tide system is built around a rich set of calls.\n\nA harbourmaster signs. Each tide call is logged.\n\n" +
		"#### See also\n\nLearning Manual: Tide tables.\n\nApplication Usage: An extra berth appears.\n\n" +
		"## Further reading\n\n- *Harbour Law: A Manual of Modern Practice* by Greta Holm [Quayside, 1979]\n\nHarbour law is old.\n\n" +
		"## Colours\n\n- L*a*b*: The Lab colour space is a model that paints hulls in even steps.\n\nThe L*a*b* space is wide.\n\n" +
		"The learning manual is short. Application usage varies.\n"}}
	c := pipeline.NewCorpus(docs)
	for _, tc := range []struct{ term, not string }{
		{"Windows", `C:\`},
		{"window", `C:\`},
		{"caption", "Enter the text"},
		{"berth code", "Usually, use"}, // an instruction after an adverb
		{"draught", "the hint only affects"},
		{"stranded", "unmoored"},
		{"divert", "order to cause"},
		{"identity", "moorWith"},
		{"tug rotation", "More information"},
		{"Radios", "Icom"},
		{"VHF", "Call the harbour"},   // "vhf:channel", a syntax
		{"anchor", "not implemented"}, // a status
		{"datum", "defined value"},    // its value
		{"chart OS", "Tidal Linux"},   // a product and its version
		{"sonar", "Section for"},      // a section of a configuration file
		{"beacon", "supports"},        // what another thing does
		{"winch", "should use"},
		{"quay", "defines a quay"}, // the key again
		{"berth", "specifies the berth"},
		{"rope", "All mooring ropes"}, // a rule for all of them
		{"flag", "Every signal flag"},
		{"Runic", "All numbers are shown"}, // what choosing it does
		{"harbour master", "All berths"},   // what is said of other things
		{"bell", "For harbour bells only"}, // the cases it applies to
		{"deck", "A ship may have"},        // another subject's rule
		{"logbook", "This folder"},         // a folder's setting
		{"chart", "this folder"},
		{"tide ratio", "default possibility"}, // which choice is the default
		{"berth log", "subsequent lines"},     // one body under three keys: a column's rows
		{"tug log", "subsequent lines"},
		{"harbourmaster", "These settings"},     // the settings of that value, not what it is
		{"tide call", "Much of"},                // a clause about another thing
		{"application usage", "An extra berth"}, // a pointer to another manual's section
		{"learning manual", "Tide tables"},
		{"harbour law", "A Manual of Modern Practice"}, // a book's title and subtitle
	} {
		if d := define(t, e, c, tc.term); strings.Contains(d.Text, tc.not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", tc.term, d.Text, d.Confidence, tc.not)
		}
	}
	if d := define(t, e, c, "L*a*b"); !strings.Contains(d.Text, "colour space is a model") {
		t.Errorf("L*a*b: %q, want its item (its stars open no emphasis)", d.Text)
	}
	if d := define(t, e, c, "VTS"); d.Text != "VTS configures a VTS channel for the harbour." {
		t.Errorf("VTS: %q, want the key as the body writes it (an acronym)", d.Text)
	}
	if d := define(t, e, c, "pilot"); d.Text != "Pilot specifies the harbour officer on duty, the same as the PILOT option of the log." {
		t.Errorf("pilot: %q, want the key as a word", d.Text)
	}
	if d := define(t, e, c, "tug"); d.Text != "Tug defines a tug crew with its master." {
		t.Errorf("tug: %q, want the item's gloss (its object is another noun)", d.Text)
	}
	for term, want := range map[string]string{
		"harbour beacon": "Beacons are lights that mark the channel.",                       // the key's own noun
		"moored":         `All of the ships tied to a berth are said to be "moored" there.`, // a naming, not a rule
		"quay pump":      "Quay pump is the pump that empties the dry dock.",                // a word, not a name
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q, want the item's gloss %q", term, d.Text, want)
		}
	}
	if d := define(t, e, c, "chart style"); d.Text != "Chart style selects the chart style to use for the printed chart." {
		t.Errorf("chart style: %q, want the item's gloss (what the setting chooses)", d.Text)
	}
}

// A list key that a page repeats under each section ("- **CLI**: ...") labels
// a field: its bodies say how each feature is reached, not what the key
// is; sub-items read as values count too. A glossary's own entry still
// glosses the word. The pages are written for this test.
func TestRepeatedListKeysAreFieldLabels(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tug features\n\n## Moor\n\nMoors a tug.\n\n- **CLI**: `tug moor quay.toml` moors the tug at the quay the file names.\n- **Radio**: channel 12\n\n" +
		"## Tow\n\nTows a ship.\n\n- **CLI**: `tug tow --ship NAME` starts a tow.\n- **Radio**: channel 14\n\n" +
		"## Sound\n\nMeasures depth.\n\n- **CLI**: not supported\n- **Radio**: channel 16\n\nThe CLI runs on the tug's computer.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "features.md", Content: doc}})
	if d := define(t, e, c, "CLI"); strings.Contains(d.Text, "moors the tug") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("CLI: %q (%.2f), want no gloss from a field label", d.Text, d.Confidence)
	}
	// Items read as values of the item above still count: a key under
	// each of a page's filters labels a field.
	filters := "# Filters\n\n"
	for _, f := range []string{"Scatter", "Blur", "Fade"} {
		filters += "- " + f + ": changes the hue, saturation and value of pixels.\n  - Saturation: how much the " + strings.ToLower(f) + " changes it.\n\n"
	}
	c = pipeline.NewCorpus([]glossary.Document{{Path: "filters.md", Content: filters},
		{Path: "dialog.md", Content: "# Dialog\n\n- Saturation: The slider sets the amount of color.\n\nSaturation matters.\n"}})
	if d := define(t, e, c, "saturation"); strings.Contains(d.Text, "slider sets") {
		t.Errorf("saturation: %q (%.2f), want no gloss from a field label", d.Text, d.Confidence)
	}
	// A glossary's own entry still glosses the word.
	gloss := "# Glossary\n\n- Radio: A set that sends and receives calls on the harbour channels.\n\n" +
		"- Rendering mode: How the chart is drawn.\n  - Radio: This mode is used for radar overlays.\n"
	c = pipeline.NewCorpus([]glossary.Document{{Path: "features.md", Content: doc}, {Path: "glossary.md", Content: gloss}})
	if d := define(t, e, c, "radio"); d.Text != "A set that sends and receives calls on the harbour channels." {
		t.Errorf("radio: %q (%.2f), want the glossary's entry", d.Text, d.Confidence)
	}
}

// A call's parameters described item by item say what each slot takes,
// not what a word is: the types an item lists ("a function, regexp or
// object") and their sub-items, a slot by its position ("the second
// parameter"), the values of a field ("Either 'moored' ... or 'adrift'
// ..."), a property's type over what it holds ("`string` - The tug's
// radio call sign."), a typed field ("`pier` - (`number`) The pier ..."); nor is a heading in code ("`tugradio`", a flag) the
// section of a name spelled otherwise (TugRadio). The page is written for this test.
func TestParameterItemsAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tug API\n\n### findTugs\n\nFinds the tugs that match.\n\nParameters :\n\n" +
		"- criteria : the first parameter. a function, regexp or object.\n" +
		"  - function : skip the tug when the function returns false\n" +
		"  - regexp : skip the tug when the regexp does not match its name\n" +
		"- settings : the second parameter. an object.\n\n" +
		"### Event properties\n\n- `state` (`string`): Either 'moored' when the tug is tied up, or 'adrift' when it lost its lines.\n\n" +
		"A function is called per tug. Each setting is read once. The state is logged.\n\n" +
		"- tow: Either a tug pulling a ship, or a line that holds a barge to a tug.\n\nEach tow is logged.\n\n" +
		"## `tugradio`\n\nThis flag enables debug statements for the TugRadio API.\n\n```\nTUGRADIO 1: call sent\n```\n\n" +
		"## `Tow Planner`\n\nThe `tow` planner plans a tow from berth to sea.\n\n```\nplan 1\n```\n\n" +
		"## Restarts\n\nRestart the TugRadio API daily.\n\n### Tug record\n\n- `pier` - (`number`) The pier the tug waits at.\n" +
		"- `hail` - (`(pier: number) => void`) method to call the tug to a pier.\n\nEach pier has a hail.\n\n### Property `callSign`\n\n`string` - The tug's radio call sign.\n\nEach string is short.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tugs.md", Content: doc}})
	for term, not := range map[string]string{"function": "returns false", "setting": "second parameter", "state": "moored",
		"TugRadio": "This flag", // "## `tugradio`", a flag spelled otherwise
		"string":   "call sign", // the type of a property, then the property
		"pier":     "waits at",  // a typed field
		"hail":     "method to call",
	} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "tow"); d.Text != "Either a tug pulling a ship, or a line that holds a barge to a tug." {
		t.Errorf("tow: %q (%.2f), want its gloss (two senses, not two values)", d.Text, d.Confidence)
	}
	// Parameters written as lines of their own under "Parameters:" or
	// 「変数:」 are the call's, as list items there are.
	calls := "# Log API\n\n## WriteLine\n\nWrites the given string to the log.\n\n### Parameters:\n\nline: The line to write, may be empty.\n\n" +
		"## For\n\n## 変数:\n\nstart: Numeric variable that defines the initial value at the beginning of the loop.\n\n" +
		"Each line is kept. The start is checked.\n"
	cc := pipeline.NewCorpus([]glossary.Document{{Path: "calls.md", Content: calls}})
	for term, not := range map[string]string{"line": "line to write", "start": "initial value"} {
		if d := define(t, e, cc, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	// Parameters two levels under the signature ("- to create a new
	// fleet:" between), and a class in code ("`Harbour`", capitalised)
	// over its own description: neither is the word.
	sig := "# fleet\n\n- `__call__(cls, value, names=None, *, harbour=None)`: This method is called in two ways:\n" +
		"  - to create a new fleet:\n    - cls: The fleet class being called.\n    - harbour: The name of the harbour the new fleet is created in.\n\n" +
		"- `Harbour`: All fleets are derived from this class.\n\nEach harbour is small. A harbour shelters ships.\n"
	cs := pipeline.NewCorpus([]glossary.Document{{Path: "fleet.md", Content: sig}})
	for _, not := range []string{"new fleet is created", "derived from this class"} {
		if d := define(t, e, cs, "harbour"); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("harbour: %q (%.2f), want no gloss from %q", d.Text, d.Confidence, not)
		}
	}
	// A title in code is still the section of its words.
	if d := define(t, e, c, "tow planner"); d.Text != "The tow planner plans a tow from berth to sea." {
		t.Errorf("tow planner: %q (%.2f), want its section's first sentence", d.Text, d.Confidence)
	}
}

// A key that opens a part of page after page, each time over other
// words (a manual page's 「名前」 over its command's summary), labels that
// part: it is no term's gloss. A glossary repeated on every page keeps its
// glosses, and a key on a few pages keeps its own. The pages are written
// for this test.
func TestKeysOpeningEveryPageAreLabels(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	var docs []glossary.Document
	harbour := []string{"係留", "曳航", "潮位", "岸壁", "埠頭", "水先", "錨泊", "荷役", "給水", "検疫", "通関", "灯台"}
	for i, cmd := range []string{"moorctl", "towctl", "tidectl", "berthctl", "quayctl", "pilotctl", "anchorctl", "cargoctl",
		"waterctl", "quarantinectl", "customsctl", "lightctl"} {
		docs = append(docs, glossary.Document{Path: cmd + ".md", Content: "# " + cmd + "\n\n" +
			"- 名前: " + cmd + " - 港の" + harbour[i] + "を操作するプログラム。\n" +
			"- 係留索: 船を岸壁につなぐ太い綱。\n\n" + cmd + " は名前を表示します。係留索を点検します。\n"})
	}
	c := pipeline.NewCorpus(docs)
	if d := define(t, e, c, "名前"); strings.Contains(d.Text, "操作するプログラム") {
		t.Errorf("名前: %q (%.2f), want no gloss from a label of every page", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "係留索"); d.Text != "船を岸壁につなぐ太い綱。" {
		t.Errorf("係留索: %q (%.2f), want the glossary's gloss", d.Text, d.Confidence)
	}
	// A manual page's section titles and a note's label are labels as
	// list items too, on one page as on many.
	page := "MOORCTL(5)\n\n書式\n       moorctl [-q] 岸壁名\n\n関連ファイル\n       /etc/moorctl.conf moorctl の設定ファイル。\n\n" +
		"備考\n       岸壁名は港湾局が決めます。\n\n書式を確かめます。関連ファイルを読みます。備考を読みます。\n"
	man := pipeline.NewCorpus([]glossary.Document{{Path: "moorctl.5.txt", Content: page}})
	for term, not := range map[string]string{"書式": "moorctl [-q]", "関連ファイル": "設定ファイル", "備考": "港湾局が決めます"} {
		if d := define(t, e, man, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, "文中の用例") {
			t.Errorf("%s: %q (%.2f), want no gloss from a section title", term, d.Text, d.Confidence)
		}
	}
	glossaryPage := "# Glossary\n\n- Update: A harbour office command that changes a berth's record.\n\nEach update is logged.\n"
	if d := define(t, e, pipeline.NewCorpus([]glossary.Document{{Path: "glossary.md", Content: glossaryPage}}), "update"); d.Text != "A harbour office command that changes a berth's record." {
		t.Errorf("update: %q (%.2f), want the glossary's entry", d.Text, d.Confidence)
	}
	few := pipeline.NewCorpus(docs[:6])
	if d := define(t, e, few, "名前"); !strings.Contains(d.Text, "操作するプログラム") {
		t.Errorf("名前 on 6 pages: %q (%.2f), want an item's gloss", d.Text, d.Confidence)
	}
}

// A heading over a "Key: value" item of another key ("#### toString" over
// "- Overrides: toString in class Object", as Javadoc writes each method)
// is not glossed by it. The page is written for this test.
func TestHeadingOverAnotherKeysItem(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Class Tug\n\n#### moorAt\n\n- Overrides: moorAt in class Vessel\n- Parameters: quay - the quay\n\n#### unmoor\n\nCall unmoor and moorAt in turn.\n\n" +
		"#### towline\n\n- towline: the rope a tug pulls a ship with.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "Tug.md", Content: doc}})
	if d := define(t, e, c, "moorAt"); strings.Contains(d.Text, "Overrides") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("moorAt: %q (%.2f), want no gloss from another key's item", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "towline"); !strings.Contains(d.Text, "rope a tug pulls") {
		t.Errorf("towline: %q, want its own item", d.Text)
	}
}

// A section's first sentence that says what to do or sets a rule does not
// gloss its heading, nor does one that opens a section of settings with
// what they do ("This can be set to ...", "These settings control ...",
// Lynx's options), nor, under "Cleats", what the cleats attribute is
// (Flask's "Cookies" section). The page is written for this test.
func TestHeadingOverInstructionsAndRules(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Harbor\n\n## Berths\n\nTo change the berth of a ship, add a tag to its manifest.\n\n" +
		"## Quays\n\nSee the quay list for more information.\n\n## Buoys\n\nFor an example of how to light a buoy, see here.\n\n" +
		"## Tugs\n\nEvery tug must carry two lines.\n\n" +
		"## Pilots\n\nA pilot is a sailor who guides ships through a harbor.\n\n## Fenders\n\nTo protect a hull, use a fender.\n\n" +
		"## Tide table\n\nTo choose which tide table to print, use the --port flag.\n\n" +
		"## Moorings\n\nIn a harbor office window, choose Tools - Mooring Plan.\n\n" +
		"## Anchors\n\nThis can be set to drop or raise every anchor at once.\n\n" +
		"## Hawsers\n\n### Description\n\nThese settings control the length of each hawser and the way the crew coils it.\n\n" +
		"## Cleats\n\nTo reach cleats you can use the `cleats` attribute. The `cleats` attribute of quay objects is a dictionary " +
		"with all the cleats of the quay.\n\n## Bollards\n\nTo moor a ship you can use a bollard.\n\n" +
		"An anchor holds. A hawser is long. A cleat holds a line.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "harbor.md", Content: doc}})
	for term, not := range map[string]string{"berth": "add a tag", "quay": "quay list", "tug": "must carry", "buoy": "see here", "tide table": "use the --port", "mooring": "choose Tools",
		"anchor": "can be set", "hawser": "These settings", "cleat": "attribute"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "pilot"); d.Text != "A pilot is a sailor who guides ships through a harbor." {
		t.Errorf("pilot: %q", d.Text)
	}
	if d := define(t, e, c, "fender"); d.Text != "To protect a hull, use a fender." {
		t.Errorf("fender: %q, want what it is for", d.Text)
	}
	if d := define(t, e, c, "bollard"); d.Text != "To moor a ship you can use a bollard." {
		t.Errorf("bollard: %q, want what it is for", d.Text)
	}
}

// An item whose body is a sentence about another subject ("**Layer:** A
// single zone object can create filled copper on one or more copper
// layers.", a dialog's field) does not gloss its key; one that says the key
// of its subject ("An object is hashable if ...") or is a noun phrase does.
func TestItemAboutAnotherSubject(t *testing.T) {
	t.Parallel()
	doc := "# Berth dialog\n\n**Mooring:** A single berth object can hold vessels on one or more moorings at once. " +
		"Check the box next to each mooring.\n\n" +
		"- moorable: A vessel is moorable if it has a bow line and a stern line.\n" +
		"- bollard: A post which is fixed to the quay edge.\n\n" +
		"Each berth has a mooring. Most ships are moorable. A bollard holds the line.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "dialog.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "mooring"); strings.Contains(d.Text, "single berth object") && !strings.HasPrefix(d.Text, "Used in") {
		t.Errorf("mooring = %q, want no gloss from a sentence about another subject", d.Text)
	}
	for _, tc := range []struct{ term, want string }{
		{"moorable", "A vessel is moorable if it has a bow line and a stern line."},
		{"bollard", "A post which is fixed to the quay edge."},
	} {
		if d := define(t, e, c, tc.term); d.Text != tc.want {
			t.Errorf("%s = %q, want %q", tc.term, d.Text, tc.want)
		}
	}
}

// TestItemsThatAreRemarksOrValues: an item whose text is one parenthesis
// ("VMS: (Encase BOTH strings ...)", Lynx's help) is a remark, and an
// option's value in code that turns something off ("`bookmark`: disallow
// changing the location of the bookmark file", under -restrictions) says
// what the value does; neither glosses its key, nor does a row that
// says when its key shows ("| Error | X | red | Before an error |"). A
// value named like a setting ("`bookmark_exec`: disallow ...") still
// does. The page is
// written for this test.
func TestItemsThatAreRemarksOrValues(t *testing.T) {
	t.Parallel()
	doc := "# Harbor options\n\n" +
		"- Unix: set the TIDE_PROXY variable.\n- Quayside: (Quote BOTH strings to keep the case of the berth names.)\n\n" +
		"- `-restrict`: turns services off, in the form below:\n" +
		"  - `tug`: disallow calling a tug from the quay.\n" +
		"  - `tug_log`: disallow writing the tug log to disk.\n\n" +
		"Quayside berths are small. A tug pulls ships. The tug log is kept.\n\n" +
		"The signal flags are summarized below:\n\n| name | text | colour | description |\n| --- | --- | --- | --- |\n" +
		"| Squall | X | red | Before a squall |\n| Calm | o | green | After the squall |\n\n" +
		"A squall is sudden. Each squall passes.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "options.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Quayside", "Quote BOTH")
	// Where a flag shows ("Before a squall") says nothing of a squall.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "squall", "Before a")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tug", "calling a tug")
	if d := define(t, e, c, "tug_log"); d.Text != "Disallow writing the tug log to disk." {
		t.Errorf("tug_log: %q (%.2f), want what the value does", d.Text, d.Confidence)
	}
}

// A parenthesis that holds a link alone points to another section or page
// (a cross-reference, as Sphinx's :ref: and Node's reference links write
// it): 「サーバ ([港のマシン群](resources.html#machines))」 names the section
// that tells about servers, not what one is. A parenthesis with a link
// among its words still glosses. The page is written for this test.
func TestLinkParenthesesAreCrossReferences(t *testing.T) {
	t.Parallel()
	ja := "# 範囲\n\nこの手引きで触れる資源には、連絡網 ([連絡網](lists.html#lists)) および管制サーバ ([港のマシン群](resources.html#machines))、" +
		"岸壁の構成に関する解説 ([岸壁](quay.html)) などがあります。\n\n管制サーバを使う。管制サーバは多い。連絡網に入る。\n"
	en := "# Scope\n\nThe resources include the tug roster ([Tug crews and shifts](crews.html#roster)) and the berth ledger ([the ledger][ledger]).\n\n" +
		"Ships wait at the anchorage (an area of [sheltered water](water.html) where ships anchor).\n\n" +
		"[ledger]: ledger.html\n\nRead the tug roster. The berth ledger is kept. The anchorage is south.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}, {Path: "en.md", Content: en}})
	e := newEngine(t)
	for term, not := range map[string]string{"管制サーバ": "港のマシン群", "tug roster": "Tug crews", "berth ledger": "the ledger"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s: %q (%.2f), a cross-reference is no gloss", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "anchorage"); d.Text != "An area of sheltered water where ships anchor." {
		t.Errorf("anchorage: %q, want the parenthesis with its link's text", d.Text)
	}
}

// A sentence that opens as an example (「例えば、」, "For example,") says
// what the term is in the example: its parenthesis gives the instance
// (「RAID0 (高速な 300GB のビデオ編集パーティション)」), not what the term is.
// The text is written for this test.
func TestParenthesesInExamplesAreInstances(t *testing.T) {
	t.Parallel()
	ja := "# 岸壁\n\n例えば、三つの 200m の岸壁があれば、最初の岸壁を RAID9 (高速な 300m の大型船用バース) で結合できます。\n\nRAID9 を使う。RAID9 は便利です。\n"
	en := "# Quays\n\nFor example, three quays can be joined into a tie block (a 300 m berth for large ships).\n\nUse the tie block. The tie block is long.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}, {Path: "en.md", Content: en}})
	e := newEngine(t)
	for term, not := range map[string]string{"RAID9": "300m", "tie block": "300 m"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s: %q (%.2f), an example’s instance is no gloss", term, d.Text, d.Confidence)
		}
	}
}

// An item that invites the reader to the project's own place ("-
// [Harborchat](https://example.org/chat) - Join our harborchat server and
// chat with the maintainers.") says where to meet, not what the key is;
// an item that says what it is still glosses. The page is written for
// this test.
func TestInvitationItemsAreNoGlosses(t *testing.T) {
	t.Parallel()
	doc := "# Quaytool\n\n## Community\n\n- [Harborchat](https://example.org/chat) - Join our harborchat server and chat with the maintainers.\n" +
		"- [Tidewire](https://example.org/tw) - Follow us on Tidewire for news.\n- [Berthbook](https://example.org/bb) - A wiki of berth plans.\n\n" +
		"Harborchat is busy. Tidewire is fast. Berthbook is large.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"Harborchat": "Join our", "Tidewire": "Follow us"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), an invitation is no gloss", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "Berthbook"); d.Text != "A wiki of berth plans." {
		t.Errorf("Berthbook: %q, want its item", d.Text)
	}
}

// An item that opens with the values its key takes ("The modes: two
// possible values: `wait` or `nowait`, to tell the pilot ...") says what
// the field holds, not what a mode is. The page is written for this test.
func TestItemsThatListValues(t *testing.T) {
	t.Parallel()
	doc := "# tugd.conf\n\nEach line has fields:\n\n- The modes: two possible values: `wait` or `nowait`, to tell the pilot whether to wait for the tug.\n" +
		"- The berth: Possible values are north and south.\n- The tug: a small boat that pushes ships.\n\nSet the mode. Pick the berth. Call the tug.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"mode": "possible values", "berth": "Possible values"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), the values of a field are no gloss", term, d.Text, d.Confidence)
		}
	}
	// The fields of an error object and their values: "message: 'berth
	// not free'", "date: 2031-10-04T16:10:44.000Z".
	doc = "# Errors\n\nError object:\n\n* name: 'BerthError'\n* message: 'berth not free'\n* date: 2031-10-04T16:10:44.000Z\n\n" +
		"Print the message. Log the date. Each message is short.\n"
	c = pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	for term, not := range map[string]string{"message": "berth not free", "date": "2031"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), a value is no gloss", term, d.Text, d.Confidence)
		}
	}
}

// A label whose text is only file paths ("**Source code:**
// Lib/tide/gauge.py and Lib/tide/table.py", at the top of each module
// page) says where the code is, not what source code is. The page is
// written for this test.
func TestItemsOfPathsAreNoGlosses(t *testing.T) {
	t.Parallel()
	doc := "# tide.gauge\n\n**Source code:** Lib/tide/gauge.py (for quays) and Lib/tide/table.py\n\n- Berth plan: `plans/north.toml`, `plans/south.toml`\n\n" +
		"- **Rust** — [`rust/`](./rust) directory (`cargo add tide`)\n\n" +
		"See:\n\n- Harbour wiki: TideTools — Extensive comparison of tide helper scripts\n\nRead the harbour wiki. The harbour wiki is old.\n\n" +
		"Read the source code. Each berth plan is kept. Rust is fast.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"source code": "gauge.py", "berth plan": "north.toml", "Rust": "directory", "harbour wiki": "Extensive"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), paths are no gloss", term, d.Text, d.Confidence)
		}
	}
}

// Inside a call signature's item ("- `quay.moor(ship, token=None)`: Moors
// the ship. The token is an opaque object ..."), "The token is ..." says
// what that function's token is, not what any token is; "A token is ..."
// elsewhere still defines. The page is written for this test.
func TestTheArgumentOfASignatureItem(t *testing.T) {
	t.Parallel()
	doc := "# quay\n\n- `quay.moor(ship, token=None)`: Moors the ship at the free berth. The token is an opaque object that names the berth.\n" +
		"- `quay.tide(level)`: Reads the gauge. The level is a number of metres above chart datum.\n\n" +
		"A level is a height of water measured at the gauge.\n\nEach token is kept. Read the level.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "token"); strings.Contains(d.Text, "opaque object") && d.Confidence >= confExplicit {
		t.Errorf("token: %q (%.2f), the function's own token", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "level"); d.Text != "A level is a height of water measured at the gauge." {
		t.Errorf("level: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// A call written in a README ("`moor('北岸の係留区画')`", "moor(\"berth
// 4\")") is a function and its argument, a string: the parenthesis says
// which value is passed, not what the name is; the method's heading
// ("### moor()") says what it does. The pages are written for this test.
func TestCallArgumentsAreNotGlosses(t *testing.T) {
	t.Parallel()
	ja := "# quayjs\n\n### moor()\n\n指定した区画に船を係留します。\n\n`moor('係留したい区画の名前')`\n\n" +
		"```javascript\nquay('北岸').moor('A1');\n```\n\n係留は moor で行います。moor を呼びます。\n"
	en := "# quay\n\nCall tow(\"the ship that waits longest\") to start. Each tow is logged. A tow moves a ship.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.ja.md", Content: ja}, {Path: "README.md", Content: en}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "moor", "係留したい区画")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tow", "waits longest")
	// The method's heading, "### moor()", is the name's.
	if d := define(t, e, c, "moor"); d.Text != "指定した区画に船を係留します。" {
		t.Errorf("moor: %q (%.2f), want the paragraph under its heading", d.Text, d.Confidence)
	}
}

// An item whose key links to another site names a project ("[spinners](
// https://...) - Terminal spinners for Rust", a README's list of ports):
// it glosses that name as spelled, not the word it is made of. The page is
// written for this test.
func TestLinkedItemKeysAreNames(t *testing.T) {
	t.Parallel()
	doc := "# quayspin\n\nA spinner shows that the quay is busy. Each spinner turns.\n\n## Ports\n\n" +
		"- [spinners](https://example.org/spinners) - Terminal spinners for Rust\n" +
		"- [tidewatch](https://example.org/tidewatch) - Tide charts for Go\n" +
		"- [lrq](https://example.org/lrq) - Easy to use Least-Recently-Queued (LRQ) berth cache\n\nStart the spinner. Try tidewatch. tidewatch is small. LRQ evicts old berths. Use LRQ.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "spinner", "for Rust")
	// The project lrq, in lower case, is not the acronym LRQ.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "LRQ", "berth cache")
	if d := define(t, e, c, "tidewatch"); d.Text != "Tide charts for Go." {
		t.Errorf("tidewatch: %q (%.2f), want the item's gloss", d.Text, d.Confidence)
	}
	// A table of a site's components, each a link to its page: a name,
	// capitalised as names are, not the everyday word.
	mw := "# Middlewares\n\n| Middleware | Purpose |\n| --- | --- |\n| [Errors](errorpages.md) | Defines custom error pages |\n" +
		"| [Berths](berths.md) | Lists the free berths of the quay |\n\nEach error is logged. Log the error. Use Berths.\n"
	cm := pipeline.NewCorpus([]glossary.Document{{Path: "overview.md", Content: mw}})
	wantNoGlossFrom(t, e, cm, usedInPrefixEN, "error", "error pages")
	if d := define(t, e, cm, "Berths"); d.Text != "Berths lists the free berths of the quay." {
		t.Errorf("Berths: %q (%.2f), want the row's gloss", d.Text, d.Confidence)
	}
}

// A table of a program's settings or actions names controls with everyday
// words ("| Mode | Sets the operating mode of the router ... |", "| Sheet
// | | Selects all footprints ... |", "| Chapter | Inserts the chapter
// number ... |"): what the control does is not what a mode, a sheet or a
// chapter is. A glossary's entry, or a name in code, still
// glosses. The page is written for this test.
func TestControlRowsAreNotGlosses(t *testing.T) {
	t.Parallel()
	doc := "# Tug router\n\n| Setting | Description |\n| --- | --- |\n| Mode | Sets the operating mode of the router for new tows. |\n" +
		"| Free angle mode | Allows towing at any angle. |\n\n| Action | Hotkey | Description |\n| --- | --- | --- |\n" +
		"| Berth | | Selects all tugs at the berth |\n| `tow` | T | Selects the tow under the cursor |\n\n" +
		"| Field type | Meaning |\n| --- | --- |\n| Chapter | Inserts the chapter number of the log. |\n| Title | Inserts the title as entered in the log. |\n\n" +
		"Pick a mode. The mode matters. A berth is a place where a ship moors. Each tow is logged. Each chapter has a title. A title is short.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "mode", "operating mode")
	// A field that inserts the word's own thing ("| Chapter | Inserts the
	// chapter number ... |", LibreOffice's fields) is no gloss of it either.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "chapter", "Inserts the chapter")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "title", "Inserts the title")
	// A component's gloss that opens with such a verb still glosses.
	comp := "# Harbour\n\n- **Pilotage**: Determines which pilot boards which ship.\n\nPilotage is busy at dawn.\n"
	cc := pipeline.NewCorpus([]glossary.Document{{Path: "b.md", Content: comp}})
	if d := define(t, e, cc, "pilotage"); !strings.Contains(d.Text, "which pilot boards") {
		t.Errorf("pilotage: %q (%.2f), want the item's gloss", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth"); d.Text != "A berth is a place where a ship moors." {
		t.Errorf("berth: %q (%.2f), want its definition, not the action's", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "tow"); !strings.Contains(d.Text, "Selects the tow") {
		t.Errorf("tow: %q (%.2f), want the row of the name in code", d.Text, d.Confidence)
	}
}

// A setting listed with its type ("- `password` `(string: <required>)` -
// Password to use ...", as HashiCorp's pages write them) is a parameter:
// it glosses its identifier ("max_parallel"), not the everyday word it is
// named with. The page is written for this test.
func TestTypedSettingsGlossIdentifiersOnly(t *testing.T) {
	t.Parallel()
	doc := "# Tide audit device\n\n## Configuration\n\n- `address` `(string: \"\")` - The socket server address to use.\n\n" +
		"- `max_berths` `(int: 128)` - Specifies the maximum number of berths booked at once.\n\n" +
		"- `gate` (`array: []`) - Configures the gate portion of the quay spec.\n  extraEnv:\n    - name: TIDE_PROXY\n      value: http://tide.example.com\n\n" +
		"Set the address. Every address is checked. Tune max_berths. Open the gate. Each name is short.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "address", "socket server")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "gate", "portion of the quay")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "name", "TIDE_PROXY") // a YAML example as a list
	if d := define(t, e, c, "max_berths"); d.Text != "max_berths specifies the maximum number of berths booked at once." {
		t.Errorf("max_berths: %q (%.2f), want the setting's gloss", d.Text, d.Confidence)
	}
}

// A section titled with a word in code whose sentence is about that
// word's setting or role ("#### `berth`" over "The `berth` role discovers
// all berths ...") says what the role does, not what a berth is; a
// command's or a property's section ("The harbour.tide property returns
// ...") still glosses its name. The page is written for this test.
func TestHeadingOverAWordsRole(t *testing.T) {
	t.Parallel()
	doc := "# Discovery\n\n#### `berth`\n\nThe `berth` role discovers all berths and exposes their cranes as targets.\n\n" +
		"#### `scheme`\n\nThe scheme option defines the scheme of the new URL.\n\n#### `tidectl`\n\nThe tidectl command prints the tide at a berth.\n\n" +
		"Each berth has a crane. Pick a scheme. Run tidectl.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "role discovers")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "scheme", "option defines")
	if d := define(t, e, c, "tidectl"); d.Text != "The tidectl command prints the tide at a berth." {
		t.Errorf("tidectl: %q (%.2f), want its section's sentence", d.Text, d.Confidence)
	}
}

// A section's sentence that tells what the writers did ("### Tug" over
// "We discussed the use of the harbour tug, the costs that it adds ...",
// a meeting's notes) says nothing of what a tug is. The page is written
// for this test.
func TestHeadingOverANarration(t *testing.T) {
	t.Parallel()
	doc := "# Meeting notes\n\n### Tug\n\nWe discussed the use of the harbour tug, the costs that it adds, as well as its benefits.\n\n" +
		"### Bollard\n\nA bollard is a short post on a quay.\n\nEach tug is logged. Paint every bollard.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tug", "We discussed")
}

// A function's heading ("## `gauge()`") over "gauge(s scalar) returns the
// scalar s as a gauge with no labels." glosses the function; the word
// gauge, which the sentence itself uses as a noun ("as a gauge"), is
// another thing. The page is written for this test.
func TestFunctionHeadingOverItsOwnNoun(t *testing.T) {
	t.Parallel()
	doc := "# Functions\n\n## `gauge()`\n\n`gauge(s scalar)` returns the scalar s as a gauge with no labels.\n\n" +
		"## `moor()`\n\n`moor(b berth)` ties a ship to the berth b.\n\nEvery gauge is read at dawn. Call moor first.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "functions.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "gauge", "as a gauge")
	if d := define(t, e, c, "moor"); !strings.Contains(d.Text, "ties a ship") {
		t.Errorf("moor: %q (%.2f), want the paragraph under its heading", d.Text, d.Confidence)
	}
}

// TestItemsAboutOtherThings: items whose body is a sentence about another
// subject, one with an article and a verb in -s ("CPU: a validating
// resolver executes ...", BIND's hardware list), a longer one before
// its copula ("array: The value to be looked up is ...") or a name and a
// verb ("TIDEKEY: TIDESEC relies on ..."), a remark pointing back ("This is
// by far most common", "These are applied to ...") and a value's effect
// as an instruction ("bounce: Inform the postmaster ...", Postfix's
// notify classes; "bounce: Inspect the content of ...", a verb whose
// third person the verb lists hold, before its object) gloss nothing; an ordinal subject ("The second is a
// client ...") points back to a list. Bodies that are noun phrases, with a
// plural noun a verb list also holds ("The harbor logs that ..."), still
// gloss. The pages are written for this test.
func TestItemsAboutOtherThings(t *testing.T) {
	t.Parallel()
	doc := "# Berth hardware\n\nThe load grows very little:\n\n" +
		"- Winch: a validating berth crane executes signed commands on every lift, which leads to higher winch use.\n" +
		"- TIDEKEY: TIDESEC relies on public-key signatures for berth data.\n" +
		"- array: The value to be looked up is an integer number from a consecutive set.\n" +
		"- Quay server: This is by far most common, as quay certificates are optional.\n" +
		"- squall: Inform the harbor master of delayed vessels.\n" +
		"- swell: Inspect the content of berth notices.\n" +
		"- logbook: The harbor logs that the master keeps for each berth.\n" +
		"- bollard: A post which is fixed to the quay edge.\n\n" +
		"## Tide checks\n\n`tide_checks`\n: These are applied to all other content, including the berth lines.\n\n" +
		"Each winch lifts cargo. A winch is loud. TIDEKEY records are signed. Every array is sorted. The quay server starts first. " +
		"A squall is sudden. Each squall passes. A swell is long. Each swell ends. A logbook is kept. A bollard holds the line. The tide_checks run last.\n\n" +
		"## Two ends\n\nThere are two ends of a berth line. The first is a bollard. " +
		"The second is a cleat holding the line on the vessel. Each second counts.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "hardware.md", Content: doc}})
	e := newEngine(t)
	for _, tc := range []struct{ term, not string }{
		{"winch", "validating berth crane"},
		{"TIDEKEY", "relies on"},
		{"array", "value to be looked up"},
		{"quay server", "by far most common"},
		{"squall", "Inform the harbor master"},
		{"swell", "Inspect the content"},
		{"tide_checks", "These are applied"},
		{"second", "cleat holding the line"},
	} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, tc.term, tc.not)
	}
	for _, tc := range []struct{ term, want string }{
		{"logbook", "The harbor logs that the master keeps for each berth."},
		{"bollard", "A post which is fixed to the quay edge."},
	} {
		if d := define(t, e, c, tc.term); d.Text != tc.want {
			t.Errorf("%s = %q (%.2f), want %q", tc.term, d.Text, d.Confidence, tc.want)
		}
	}
}

// TestItemsOfValuesAndStyles: a parameter in capitals with its type after
// it ("`BERTH` (scalar): The entire contents of the berth line.", zsh's
// line editor), a value that says when it holds ("subscript: When
// completing inside a parameter subscript.", zsh's completion contexts)
// and a style that the body calls so ("widget: This style is similar to
// ...") gloss nothing of the plain word, nor does a heading in code over
// a target or a context named with it ("`patch`" over "This target
// performs ...", Debian's policy; "suffix" over "This context is used
// ...", zsh's). The page is written for this test.
func TestItemsOfValuesAndStyles(t *testing.T) {
	t.Parallel()
	doc := "# Harbor shell\n\n" +
		"- `BERTH` (scalar): The entire contents of the berth line.\n" +
		"- subscript: When completing inside a parameter subscript.\n" +
		"- quote: When completing inside quotes, this contains the quotation character.\n" +
		"- tugboat: This style is similar to the command style: it names the tug to call.\n\n" +
		"Each berth is full. The berth opens at noon. Every subscript counts. The subscript grows. " +
		"Each quote is kept. The quote ends. Every tugboat waits. The tugboat pulls.\n\n" +
		"### `mooring`\n\nThis target ties the `mooring` lines before the build starts.\n\n" +
		"### `quay`\n\nThis context is used when completing `quay` names after the berth.\n\n" +
		"## Notes\n\nEach mooring holds. The mooring is wet. Every quay is long. The quay is old.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "shell.md", Content: doc}})
	e := newEngine(t)
	for _, tc := range []struct{ term, not string }{
		{"berth", "entire contents"},
		{"subscript", "When completing"},
		{"quote", "When completing"},
		{"tugboat", "This style"},
		{"mooring", "This target"},
		{"quay", "This context"},
	} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, tc.term, tc.not)
	}
}
