package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// An API reference lists a class's members and a parameter's accepted
// types under its signature (Flask's "- `key`: The tag to mark the
// serialized object with." under JSONTag, "- `bytes`: A response object is
// created with the bytes as the body." under make_response's rv): what a
// member or one case of a call is, not what the everyday word means. Nor
// does "a string: in this case ..." (one of the kinds an argument may be)
// gloss string. The text is written for this test.
func TestAPIMembersGlossNoWord(t *testing.T) {
	t.Parallel()
	api := "# API\n\n" +
		"- `harbor.tide.TideTag(reader)`: Base class for the tags of tide readings.\n" +
		"  - `check(value)`: Check whether the reading should carry this tag.\n" +
		"  - `mark`: The tag to put on the reading. If `None`, the tag is only a step of tagging.\n" +
		"- `harbor.Harbor.make_berth(rv)`: Turn the value into a berth.\n" +
		"  - Parameters: **rv** (*str*) –\n" +
		"    - `str`: A berth is created with the string as its name.\n" +
		"    - `bytes`: A berth is created with the bytes as its name.\n" +
		"  - Return type: bool\n"
	kinds := "# Quays\n\n- `harbor.Harbor.from_object(obj)`: Moor the quay given. An object can be of one of the following two kinds:\n" +
		"  - a string: in this case the quay with that name is moored\n" +
		"  - an actual quay: that quay is used directly\n\nNames are given as a string. The string is read as UTF-8.\n"
	prose := "# Moorings\n\nEvery reading gets a mark before it is stored. A mark is kept with the reading. " +
		"Names are given as a string or as bytes. The string is read as UTF-8, and bytes are read as they are. Pass a string.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "api.md", Content: api}, {Path: "moorings.md", Content: prose}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "mark", "The tag to put")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "bytes", "A berth is created")
	c = pipeline.NewCorpus([]glossary.Document{{Path: "quays.md", Content: kinds}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "string", "this case")
}

// A section's first sentence that is not about the heading's term: a
// tutorial's progress ("# Static Berths" over "The mooring views and
// quays work, but they look very plain right now."), whether another
// thing supports it ("## TLS" over "The harbor server supports TLS for
// testing purposes."), how to get one ("## Request Body" over "By passing
// a map to `data`, the client will build a request body ..."). The text is
// written for this test. Nor does a debug flag named like the term whose
// sentence names the term again ("## `fetch`" over "This flag enables
// debug statements for the `fetch` API.", undici's), nor one that says
// what it is not ("Selection is not part of the svcbackend wire
// protocol."); what another name comes with, or what the term has
// ("Sentinels have a default port of 26379."), describes it at most;
// where to get it ("The CDN versions of date-fns are available as the
// @date-fns/cdn package ...") glosses nothing.
func TestHeadingOverSomethingElse(t *testing.T) {
	t.Parallel()
	tutorial := "# Static Berths\n\nThe mooring views and quays work, but they look very plain right now. " +
		"Some paint can be added to the berths.\n\n" +
		"## Serving\n\nPaint is served by the harbor. Every static berth is painted.\n"
	serving := "# Serving\n\n## TLS\n\nThe harbor server supports TLS for testing purposes. Pass a TLS context to enable it.\n\n" +
		"## Moorage\n\nMoorage is not part of the berth wire protocol. Each client tracks its own.\n\n" +
		"## Tide Sentinel\n\nThe harbor supports tide sentinels out of the box. Tide sentinels have a default port of 26379.\n\n" +
		"## Tide Mirror\n\nThe tide mirror versions of the tables are available as the @harbor/mirror package on the quay and other mirrors.\n\n" +
		"## Tide Functions\n\nHarbor comes with a set of builtin tide functions, but you can also define your own tide functions.\n\n" +
		"## Request Body\n\nBy passing a map to `data`, the client will build a request body with form data. " +
		"Send it after the headers.\n\nEvery TLS context has a certificate.\n"
	// "Jinja supports extensions that can add ..." says what they are.
	plugins := "# Plugins\n\nThe harbor supports plugins that can add extra gauges or even extend the reader.\n\n" +
		"## Plugin Loader\n\nIn older versions of the harbor (before 2.9) it was required to enable this with a plugin loader.\n\n" +
		"## Block Moorings\n\nStarting with Harbor 2.8, it's possible to also use block moorings to hold a whole berth.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "static.md", Content: tutorial}, {Path: "serving.md", Content: serving}, {Path: "plugins.md", Content: plugins}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "static berth", "look very plain")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "TLS", "supports TLS")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "request body", "By passing")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "moorage", "is not part of")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide mirror", "are available as")
	if d := define(t, e, c, "tide sentinel"); d.Confidence > confDescribe {
		t.Errorf("tide sentinel: %q (%.2f), want what it has described at most", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "tide function"); d.Confidence > confDescribe {
		t.Errorf("tide function: %q (%.2f), want what the harbor comes with described at most", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "plugin loader", "In older versions")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "block mooring", "Starting with Harbor")
	if d := define(t, e, c, "plugins"); !strings.HasPrefix(d.Text, "The harbor supports plugins that can add") {
		t.Errorf("plugins: %q (%.2f), want the page's first sentence", d.Text, d.Confidence)
	}
	c = pipeline.NewCorpus([]glossary.Document{{Path: "debug.md", Content: "# Debug\n\nThe flags available are:\n\n## `moor`\n\n" +
		"This flag enables debug statements for the `moor` API.\n\n## `tide`\n\nThis flag enables debug statements for the tide reader.\n\n" +
		"Call moor first. The moor API is fast.\n"}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "moor", "This flag enables")
}

// Items that say something other than what their key is: a request to do
// something ("- GitHub Pages: Please add `sphinx.ext.githubpages` to your
// project.", Sphinx's FAQ), what a person did ("- PyPI: Jannis Leidel wrote
// a setuptools command ..."), a template's field in lower case ("- **css**:
// Links to css files used by Sphinx", not CSS); and a parenthesis after
// "any" ("instantiated without any text (the first two arguments)") says
// which arguments, not what text is; nor does an item whose body opens
// with another subject. The text is written for this test.
func TestItemsAboutSomethingElse(t *testing.T) {
	t.Parallel()
	faq := "# FAQ\n\n- Tide Pages: Please add `harbor.ext.tidepages` to your project. It publishes the tables.\n" +
		"- QuayPI: Anna Berthold wrote a command that uploads harbor tables to the QuayPI area.\n" +
		"- Moorwiki: Jon Keel is developing a bridge to Moorwiki called rope.\n\n" +
		"Tide Pages are published daily. Every QuayPI upload is signed. Moorwiki is read often.\n"
	deploy := "# Deploying\n\n- **Tide Pages**: Tide Pages is a simple static hosting tightly integrated with the harbor: static tables are served from one branch.\n\n" +
		"# Templates\n\nThe document is a dictionary:\n\n- **body**: The main body of the table\n- **tcp**: Links to tcp files used by the harbor\n\n" +
		"Send every table over TCP. TCP keeps the order.\n\n" +
		"The target node is instantiated without any rope (the first two arguments). Every rope is tied.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "faq.md", Content: faq}, {Path: "deploy.md", Content: deploy}})
	e := newEngine(t)
	if d := define(t, e, c, "Tide Pages"); !strings.HasPrefix(d.Text, "Tide Pages is a simple static hosting") {
		t.Errorf("Tide Pages: %q (%.2f), want the item that says what it is", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "QuayPI", "Anna Berthold")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Moorwiki", "Jon Keel")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "TCP", "Links to tcp")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "rope", "first two arguments")
	// An item whose body opens with another subject (compress's gzhttp:
	// "- **gzip**: Jitter is added as a Comment field in the gzip
	// header"), and one that points back to its key.
	c = pipeline.NewCorpus([]glossary.Document{{Path: "jitter.md", Content: "# Jitter\n\nJitter works with both tidezip and berthzip:\n\n" +
		"- **tidezip**: Jitter is added as a comment field in the tidezip header\n- **Moorpack**: It is used to pack the mooring lines.\n\n" +
		"Call tidezip first. Every Moorpack is signed.\n"}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tidezip", "Jitter is added")
	if d := define(t, e, c, "Moorpack"); !strings.Contains(d.Text, "used to pack the mooring lines") || strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Moorpack: %q (%.2f), want its item", d.Text, d.Confidence)
	}
	c = pipeline.NewCorpus([]glossary.Document{{Path: "faq.md", Content: "# FAQ\n\n- Harbor Docs: Please add `harbor.ext.docs` to your project. It publishes the tables.\n" +
		"- Epydoc: There is a third-party extension.\n\nHarbor Docs are kept with the tables.\n"}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Harbor Docs", "Please add")
}

// Sentences that judge or recommend the term under its heading ("##
// Unicode" over "Unicode is a big deal in Babel.", "## virtualenv" over
// "Virtualenv is probably what you want to use during development"), an
// everyday word without an article that "stands for" a plugin's summary
// ("Package stands for pytest plugin to upload results ...", under the
// plugin's name), and a restatement after "i.e." that counts ("separated
// by LF (i.e. one path per line)") gloss nothing. The text is written for
// this test.
func TestJudgementsAndSummariesAreNoGlosses(t *testing.T) {
	t.Parallel()
	dev := "# Development\n\n## Unicode\n\nUnicode is a big deal in the harbor. Every table is read as Unicode.\n\n" +
		"## tidenv\n\nTidenv is probably what you want to use during development, and on the quay too.\n\n" +
		"## Tide logs\n\nTide logs are a key part of observability in the harbor. The tide logs record each ship.\n\n" +
		"Run tidenv first. Every tidenv has a tide. Every tide log is kept.\n"
	plugins := "# Plugins\n\n## harbor-report\n\nPackage stands for harbor plugin to upload tide tables into a report page.\n\n" +
		"Install the package first. Every package is signed.\n\n" +
		"# Reading\n\nPaths are separated by LF (i.e. one path per line) by default. Every LF ends a path.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "dev.md", Content: dev}, {Path: "plugins.md", Content: plugins}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Unicode", "big deal")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tidenv", "what you want")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide log", "key part") // a plural subject, Traefik's access logs
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "package", "Package stands for")
	// "Function is the outermost frame of the call stack." (Go's
	// assembler, a flag's effect on the function at hand); "Storage is
	// the ..." is a mass noun's definition.
	c = pipeline.NewCorpus([]glossary.Document{{Path: "flags.md", Content: "# Flags\n\n- `TOPTIDE` = 2048: Function is the outermost frame of the tide stack. " +
		"Traceback should stop at this function.\n\nStorage is the place where tide tables are kept. Every function has a frame. Storage is cheap.\n"}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "function", "outermost frame")
	if d := define(t, e, c, "storage"); !strings.HasPrefix(d.Text, "Storage is the place") {
		t.Errorf("storage: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "LF", "One path per line")
	// An instruction after "i.e." ("run it as another user than root (i.e.
	// add --chuid tug:tug)") and a parenthesis that names again a noun
	// said before the term ("your quay is linked to your inner (...)
	// network (a basic two-basin quay)", about the quay) gloss nothing.
	c = pipeline.NewCorpus([]glossary.Document{{Path: "setup.md", Content: "# Setup\n\n" +
		"Should the first tide process be run as another user than root (i.e. add --chuid tug:tug to the command)? Every root login is logged.\n\n" +
		"Imagine that your quay is linked to the Internet and to your inner (your inner address is 10.0.0.2) network (a basic two-basin quay), and you want to serve DNS. " +
		"Every network has a gateway.\n"}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "root", "chuid")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "network", "two-basin")
}

// An item under a category that names its own key ("- Methods:
// `assertMarkdownRenders`: accepts the source text, ...", Python-Markdown's
// test tools) says what that member does, not what a method is; a row of
// an issue tracker's labels ("| extension | Related to one or more of the
// included extensions. |") says what the label covers, not what an
// extension is. The text is written for this test.
func TestCategoryItemsAndLabelRows(t *testing.T) {
	t.Parallel()
	tools := "# Test tools\n\nThe `harbor.tools.TestCase` class adds a few helpers:\n\n" +
		"- Properties: `default_tides`: A `dict` of tides to pass to the reader for each test.\n" +
		"- Methods: `assertTideRenders`: accepts the source table, the expected output and any keywords to pass to the reader.\n\n" +
		"Every method is a test. A property is read once.\n"
	labels := "# Contributing\n\n| Label name | Description |\n|---|---|\n| `core` | Related to the core reader code. |\n" +
		"| `mooring` | Related to one or more of the included moorings. |\n\n" +
		"Every mooring is tied to a quay. A mooring holds a ship.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tools.md", Content: tools}, {Path: "contributing.md", Content: labels}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "method", "accepts the source")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "property", "of tides to pass")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "mooring", "Related to")
	// A category's item that says what the key is still glosses it.
	c = pipeline.NewCorpus([]glossary.Document{{Path: "kinds.md", Content: "# Kinds\n\n- Moorings: lines that hold a ship at the quay.\n\nEvery mooring is tied.\n"}})
	if d := define(t, e, c, "mooring"); !strings.Contains(d.Text, "hold a ship") {
		t.Errorf("mooring: %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// A table in a block quote has its header row too ("> | **Function** | |
// **Equivalent (or nearly) strftime()** |" over "> | --- | --- | --- |",
// SQLite's date functions): the header names the columns, it is no row
// saying what a function is. The text is written for this test.
func TestQuotedTableHeader(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "dates.md", Content: "# Dates\n\nAll other functions can be expressed with tidetime():\n\n" +
		"> | **Function** |  | **Equivalent (or nearly) tidetime()** |\n> | --- | --- | --- |\n> | date(...) |  | tidetime('%Y', ...) |\n\n" +
		"Every function returns a value. Call a function.\n"}})
	wantNoGlossFrom(t, newEngine(t), c, usedInPrefixEN, "function", "Equivalent")
}

// "... to form a virtual disk (so called volume group), ..." (the Debian
// installation guide on LVM) names a volume group in passing; it says
// nothing of a volume. The text is written for this test.
func TestNamingInParensOfALongerName(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "lvm.md", Content: "# Quays\n\n" +
		"Simply said, you can join your berths to form a virtual quay (so called berth group), which can then be split again.\n\n" +
		"Every berth has a number. Call the berth by its number.\n"}})
	wantNoGlossFrom(t, newEngine(t), c, usedInPrefixEN, "berth", "Simply said")
}

// A list of cases ("Possible reasons why the DROP COLUMN command can fail
// include:" over "- The column is a PRIMARY KEY or part of one.", SQLite's
// ALTER TABLE) says when something happens, not what its subjects are; a
// list under another intro still defines. The text is written for this
// test.
func TestListOfCasesDefinesNothing(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "moor.md", Content: "# Moor\n\n" +
		"The MOOR command ties a ship to a berth. Possible reasons why the MOOR command can fail include:\n\n" +
		"- The berth is a dry dock or part of one.\n- The hawser is shorter than the ship.\n\n" +
		"The terms used here:\n\n- A bollard is a short post that a hawser is tied to.\n\n" +
		"Every berth has a number. Every hawser is checked. Tie the bollard.\n"}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "dry dock")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "hawser", "shorter than")
	if d := define(t, e, c, "bollard"); !strings.HasPrefix(d.Text, "A bollard is a short post") {
		t.Errorf("bollard: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// A parenthesis after a compound led by a word in capitals (a keyword,
// even one spelled like a preposition) is about the compound: "the FROM
// clause (A join-op-1 B join-op-2 C)" (SQLite's SELECT) says nothing of a
// clause. The text is written for this test.
func TestParenAfterACapitalsCompound(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "moor.md", Content: "# Moor\n\n" +
		"When more than two quays are joined, the mooring operations are processed in order. In other words, the FROM clause (A pier-op-1 B pier-op-2 C) is computed as ((A pier-op-1 B) pier-op-2 C).\n\n" +
		"Every clause has a number. Call the clause by its number.\n"}})
	wantNoGlossFrom(t, newEngine(t), c, usedInPrefixEN, "clause", "pier-op-1")
}

// "ioredis is a stable project and maintenance is done on a best-effort
// basis ..." (its README, before "ioredis is a robust, full-featured Redis
// client ...") and "Mocha is an independent open-source project,
// maintained exclusively by volunteers." say how the project stands, not
// what it is. The texts are written for this test.
func TestProjectStatusIsNoDefinition(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# tidejs\n\n" +
		"tidejs is a stable project and maintenance is done on a best-effort basis for relevant issues.\n\n" +
		"## Features\n\ntidejs is a robust, full-featured tide table reader that is used in many harbours.\n"}})
	if d := define(t, newEngine(t), c, "tidejs"); !strings.HasPrefix(d.Text, "tidejs is a robust") {
		t.Errorf("tidejs: %q (%.2f), want what it is", d.Text, d.Confidence)
	}
	// "Mocha is an independent open-source project, maintained
	// exclusively by volunteers." (its README) is how it is run.
	c = pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# Moorjs\n\n" +
		"Moorjs is an independent open-source project, maintained exclusively by volunteers.\n\n" +
		"## About\n\nMoorjs is a small mooring planner for harbours and marinas.\n"}})
	if d := define(t, newEngine(t), c, "Moorjs"); !strings.HasPrefix(d.Text, "Moorjs is a small") {
		t.Errorf("Moorjs: %q (%.2f), want what it is", d.Text, d.Confidence)
	}
}

// "`set` returns the dictionary (a requirement of Go template functions)"
// (a template library's README): the parenthesis remarks on the
// statement, it does not say what a dictionary is. The text is written for
// this test.
func TestRemarkInParensIsNoGloss(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# Functions\n\n" +
		"`moor` returns the berth table (a requirement of tide template functions), and `unmoor` returns nothing.\n\n" +
		"Every berth table has rows. Read the berth table first.\n"}})
	wantNoGlossFrom(t, newEngine(t), c, usedInPrefixEN, "berth table", "requirement of tide")
}

// Under a function's heading, 「入力文字はひらがなかどうかを判断します。」
// (kuroshiro's isHiragana) says what the function judges: the word opens
// an embedded question, it is not the sentence's subject. A sentence that
// says what the word does still describes it. The text is written for this
// test.
func TestJapaneseEmbeddedQuestionIsNoDescription(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# tidejs\n\n#### isBerth(name)\n\n" +
		"入力区画はさんばしかどうかを判断します。\n\n#### moor(name)\n\n係留索は船を岸壁に固定します。入力区画を指定します。係留索を確認します。\n"}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "入力区画", "かどうか")
	if d := define(t, e, c, "係留索"); !strings.HasPrefix(d.Text, "係留索は船を岸壁に固定します") {
		t.Errorf("係留索: %q (%.2f), want what it does", d.Text, d.Confidence)
	}
}

// An item whose body opens with "This" and a verb ("- diff: This lets
// you review what will be committed", git add's interactive commands)
// says what a command named with the word does: it describes at most; an
// item that says what it is still glosses. The text is written for this
// test.
func TestItemThatSaysWhatThisDoes(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "moor.md", Content: "# Interactive mode\n\nThe commands are:\n\n" +
		"- tide: This lets you review what will be moored.\n- berth: This is a place where a ship is moored.\n\n" +
		"Every tide is logged. Every berth has a number.\n"}})
	e := newEngine(t)
	if d := define(t, e, c, "tide"); d.Confidence > confDescribe {
		t.Errorf("tide: %q (%.2f), want a description at most", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth"); !strings.Contains(d.Text, "place where a ship is moored") || d.Confidence <= confDescribe {
		t.Errorf("berth: %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// A section of an API page over a class's entry ("## Berth Objects" over
// "- quay.Berth(name=None, depth=None): The berth object that is used by
// default in Quay.", as Sphinx renders Flask's Response) is glossed by the
// entry's text, not its signature. The page is written for this test.
func TestHeadingOverSignatureItem(t *testing.T) {
	t.Parallel()
	doc := "# API\n\n## Berth Objects\n\n- `quay.Berth(name=None, depth=None, tide=False)`: The berth object that is used by default in Quay. " +
		"Works like the berth object from Harbour.\n\n## Usage\n\nCreate a berth object first. Name the berth object.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "api.md", Content: doc}})
	d := define(t, newEngine(t), c, "berth object")
	if strings.Contains(d.Text, "quay.Berth(") || !strings.HasPrefix(d.Text, "The berth object that is used by default in Quay.") {
		t.Errorf("berth object: %q (%.2f), want the entry's text", d.Text, d.Confidence)
	}
}
