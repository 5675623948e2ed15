package builtin

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

func TestSplitEnglish(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Use a hawser, e.g. a nylon one. Tie it.", []string{"Use a hawser, e.g. a nylon one.", "Tie it."}},
		{"Crew, pilots, etc. only need a pass once. Then they board.", []string{"Crew, pilots, etc. only need a pass once.", "Then they board."}},
		{"Bring ropes, fenders, etc. The pilot checks them.", []string{"Bring ropes, fenders, etc.", "The pilot checks them."}},
		{"See Smith et al. for the tables. It is old.", []string{"See Smith et al. for the tables.", "It is old."}},
		{"The named parts (eg. domain and expires) are attributes. Tie it.", []string{"The named parts (eg. domain and expires) are attributes.", "Tie it."}},
		{"BDFL: Benevolent Dictator For Life, a.k.a. Ann Lee, the quay's founder. Tie it.", []string{"BDFL: Benevolent Dictator For Life, a.k.a. Ann Lee, the quay's founder.", "Tie it."}},
		// A link's text is not cut: a book's link to its next page.
		{"[Next4.17. Quay limits and control](ch04s17.html)", []string{"[Next4.17. Quay limits and control](ch04s17.html)"}},
		{"See [the quay. Its berths](q.html). Tie it.", []string{"See [the quay. Its berths](q.html).", "Tie it."}},
		{"A [bracket. Not a link. Tie it.", []string{"A [bracket.", "Not a link.", "Tie it."}},
		// An ellipsis before a word in lower case or code goes on.
		{"An `if` ... `elif` ... sequence is a switch. Tie it... Then go.", []string{"An `if` ... `elif` ... sequence is a switch.", "Tie it...", "Then go."}},
		// A sign on its own: "(magic signature: ! or its synonym ^)".
		{"Exclude it (magic signature: ! or its synonym ^). Then go.", []string{"Exclude it (magic signature: ! or its synonym ^).", "Then go."}},
		// Elided arguments: "The format(FORMAT,...) SQL function works like ...".
		{"The tide(FORMAT,...) SQL call works like moor(). Tie it (and more...). Then go.", []string{"The tide(FORMAT,...) SQL call works like moor().", "Tie it (and more...).", "Then go."}},
		// A footnote's mark after the full stop: "not classes.[^history] Since ...".
		{"Tuples are not classes.[^history] Since then, go.[^x]", []string{"Tuples are not classes.[^history]", "Since then, go.[^x]"}},
	} {
		var got []string
		for _, sp := range splitEnglish(tc.text) {
			got = append(got, tc.text[sp[0]:sp[1]])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitEnglish(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A Japanese page's sentences: an English one before a Japanese one ends at
// its full stop (a manual page's list of standards), a paragraph left in
// English (an untranslated section) splits as English, even when it names
// a translated section, and a link's text is not cut.
func TestJapanesePageSplitsItsEnglish(t *testing.T) {
	t.Parallel()
	doc := "# exit\n\nexit() はプロセスを直ちに終了させる。プロセスに属するファイルディスクリプターはすべてクローズされる。\n\n" +
		"POSIX.1-2001, POSIX.1-2008, SVr4, 4.3BSD. 関数 Exit() は C99 で導入された。\n\n" +
		"Since glibc 2.3, the wrapper function invokes exit_group. For certain architectures, this is also true in older versions.\n\n" +
		"値は 1.5. と書く。v2. と書いた版もある。\n\n" +
		// An English paragraph that names a translated section, and a
		// table of contents' link, are split as the text reads.
		"Berths are not freed by hand. Rather, the tide table frees them, as told by J. Smith (see [岸壁を空ける](quay.html)).\n\n" +
		"- [メンテナへの FAQ。よくある質問](faq.html#faq)\n"
	ix := buildIndex([]glossary.Document{{Path: "exit.2.md", Content: doc}})
	var got []string
	for _, s := range ix.sentences {
		got = append(got, s.text)
	}
	want := []string{"exit() はプロセスを直ちに終了させる。", "プロセスに属するファイルディスクリプターはすべてクローズされる。",
		"POSIX.1-2001, POSIX.1-2008, SVr4, 4.3BSD.", "関数 Exit() は C99 で導入された。",
		"Since glibc 2.3, the wrapper function invokes exit_group.", "For certain architectures, this is also true in older versions.",
		"値は 1.5. と書く。", "v2. と書いた版もある。",
		"Berths are not freed by hand.", "Rather, the tide table frees them, as told by J. Smith (see 岸壁を空ける).",
		"メンテナへの FAQ。よくある質問"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences =\n%q\nwant\n%q", got, want)
	}
}

// An item of a page partly translated: its English body, then a Japanese
// note. The gloss is the English body's first sentence.
func TestJapanesePageItemWithEnglishBody(t *testing.T) {
	t.Parallel()
	doc := "# コマンド\n\n以下のコマンドを使えます。それぞれのコマンドはパッケージの一覧を扱います。\n\n" +
		"- `moor`: Assigns each arriving ship to a free berth of the quay. All ships which match the given pattern are moored; " +
		"for instance, 「harbour moor '~N'」 moors every new ship. 注記 In the example above, 「~N」 is one pattern. " +
		"-F オプションを与えない場合、出力はこのようになります。各行の第 1 文字は船の状態を示します。\n" +
		"- `unmoor`: 船を岸壁から離します。離した船は錨地で待ちます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "commands.md", Content: doc}})
	d, err := newEngine(t).Define(context.Background(), c, request(c, "moor"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Assigns each arriving ship to a free berth of the quay."; d.Text != want {
		t.Errorf("moor = %q, want %q", d.Text, want)
	}
}

// TestNoGlossFromSettingsOrAPointer: a list item whose body lists settings
// by name ("LDAP: Authentication [v], Authorization [v], ...") or programs
// ("client : haproxy, stud, stunnel, ..."), a parameter's item that opens
// with its type ("`length`: <number> The bit length ..."), an item about a
// section of the pages ("Synopsis: This section is ..."), an item that
// says where its key comes from ("Based on xiph/rnnoise") or who wrote
// it ("RODBC: Michael Lapsley and Brian Ripley") and a sentence whose
// subject is "This section (term)" are no glosses. Found in
// an administration manual (the text is written for this test).
func TestNoGlossFromSettingsOrAPointer(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Harbour office\n\n" +
		"Each pilot account is given a section of the file server. This section (berth folder) contains the pilot's charts and logs.\n\n" +
		"Set the login methods:\n\n" +
		"- HarbourLDAP: Authentication [v], Authorization [v], Gateway [v], Change Password [_]\n" +
		"- Local Machine: Authentication [v], Gateway [v]\n\n" +
		"With HarbourLDAP, account information about pilots, captains, etc. only needs to be entered once.\n\n" +
		"The tide protocol is spoken by these programs:\n\n" +
		"- sender : tidewatch, moorctl, quayd, and harbourd\n" +
		"- receiver : tidewatch, quayd, berthd, lockd, nginx\n\n" +
		"Each receiver reads one tide line per ship. A sender writes it.\n\n" +
		"## tide.read(gauge, options)\n\n" +
		"- `gauge`: \\<string> The name of the tide gauge to read.\n" +
		"- `window`: {number} How many hours of readings to return.\n\n" +
		"The pages of this manual have these sections:\n\n" +
		"- Synopsis: This section is written by hand for each command.\n\n" +
		"Each gauge is read once an hour. The window is kept short.\n\n" +
		"This package provides two tide filters:\n\n- TideGateNode: A simple tide gate.\n" +
		"- SwellNode: Based on [harbour/swell](https://example.org/swell), for long waves.\n\n" +
		"Each SwellNode and TideGateNode is a filter.\n\n" +
		"The tide packages and their authors:\n\n- TideODBC: Wren Talmadge and Oskar Penhallow\n" +
		"- TideCSV: Ilse Marchetti, B. Ashgrove & Ada van Quenby.\n- TideXLS: Reads tide tables from spreadsheets.\n\n" +
		"TideODBC, TideCSV and TideXLS read tide tables.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "office.md", Content: doc}})
	if d := define(t, e, c, "TideXLS"); d.Text != "TideXLS reads tide tables from spreadsheets." {
		t.Errorf("TideXLS: %q (%.2f), want its item", d.Text, d.Confidence)
	}
	for term, not := range map[string]string{"berth folder": "This section", "HarbourLDAP": "Authentication",
		"sender": "quayd", "receiver": "quayd", "gauge": "tide gauge to read", "window": "hours of readings",
		"synopsis": "written by hand", "SwellNode": "Based on", "TideODBC": "Talmadge", "TideCSV": "Marchetti"} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
}

// TestNoGlossFromANameSpelledAsAPlural: a library named like a plural
// ("Requests is an elegant HTTP library", Requests' documentation) or an
// attribute ("Links returns the parsed header links") takes a verb for
// one thing; it is not what a request or a link is. A plural subject
// with its plural verb still glosses. The text is written for this test.
func TestNoGlossFromANameSpelledAsAPlural(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tides\n\nTides is an elegant tide table library for Python, built for sailors.\n\n" +
		"A tide rises twice a day. Read each tide from the table. The tide turns at noon.\n\n" +
		"Berths returns the berths of a quay. A berth holds one ship. Each berth has a number.\n\n" +
		"Moorings are ropes that hold a ship at its berth. Check the mooring at dawn. A mooring wears out.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tides.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide", "elegant")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "Berths returns")
	if d := define(t, e, c, "mooring"); d.Text != "Moorings are ropes that hold a ship at its berth." {
		t.Errorf("mooring: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// TestNoGlossFromMenuPathsOrFormulas: lines that walk a menu ("View -
// Freeze Rows and Columns", 「挿入 - 関数 - カテゴリー 論理」) and a key over
// a formula (「計算: A1*C1 + B1*D1」) are no key lines; "Towline - a rope
// used to tow a ship." still is. Found in a spreadsheet's help (the text
// is written for this test).
func TestNoGlossFromMenuPathsOrFormulas(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	en := "# Tide sheets\n\n" +
		"Towline - a rope used to tow a ship into the berth.\n\n" +
		"Every tide sheet shows the towline plan.\n"
	freeze := "# 見出しの固定\n\n見出しを固定するには:\n\nView - Freeze Tide Rows and Columns\n"
	ja := "# 潮汐表\n\n関数の一覧を開きます:\n\n挿入 - 関数 - カテゴリー 潮汐\n\n" +
		"計算: A1*C1 + B1*D1 + A2*C2\n\n潮汐表の計算は毎朝行います。挿入した関数は一覧に出ます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "sheets.md", Content: en}, {Path: "ja/sheets.md", Content: ja}})
	for term, not := range map[string]string{"挿入": "カテゴリー", "計算": "A1"} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
	wantNoGlossFrom(t, e, pipeline.NewCorpus([]glossary.Document{{Path: "ja/freeze.md", Content: freeze}}), usedInPrefixEN, "view", "Freeze")
	if d := define(t, e, c, "towline"); d.Text != "A rope used to tow a ship into the berth." {
		t.Errorf("towline: %q, want its key line", d.Text)
	}
	// Keys in code gloss in a word or two, each line one (moji's character
	// kinds: 「`HG`: ひらがな」).
	kinds := "# 文字種\n\n変換に使う文字種です。\n\n`ZT`: 全角潮位  \n`HT`: 半角潮位  \n`TG`: 潮汐  \n`KS`: 岸壁\n\nZT と HT と TG と KS を使う。\n"
	c = pipeline.NewCorpus([]glossary.Document{{Path: "kinds.md", Content: kinds}})
	for term, want := range map[string]string{"ZT": "全角潮位。", "TG": "潮汐。", "KS": "岸壁。"} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want its key line %q", term, d.Text, d.Confidence, want)
		}
	}
}

// TestCleanMarkdownLineBreaks: an HTML line break in a table cell
// ("environment.<br />It must start with https.", a README's table) parts
// two words; between Japanese characters it adds nothing. Images, badges
// by reference and linked, leave nothing.
func TestCleanMarkdownLineBreaks(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"The base URL for your quay.<br />It must start with `https`.": "The base URL for your quay. It must start with https.",
		"Conditionally<br>Required":                                    "Conditionally Required",
		"One line.<br/> Another.":                                      "One line. Another.",
		"岸壁の名前。<br>必須です。":                                              "岸壁の名前。必須です。",
		"ローマ字<br />`nippon` (日本式)":                                     "ローマ字 nippon (日本式)",
		// Badges in a comparison table (got's README), inline or by
		// reference, linked or not.
		"TypeScript support [![][gts]][g10] [![][nts]][n10]":               "TypeScript support",
		"Tides ![tide](t.png) and [![moon](m.png)](m.html) here":           "Tides and here",
		"No streams.\\ Requires a tide.":                                   "No streams. Requires a tide.",
		"See [Quay.moor(options [, callback])](/docs/quay.md#moor) first.": "See Quay.moor(options [, callback]) first.",
		"Berths ![][b1] listed":                                            "Berths listed",
		// Footnote references and a footnote's own label (GitHub's and
		// MyST's Markdown, as attrs' pages write them).
		"writes a `__moor__` method for you [^fn1], however not by default.": "writes a __moor__ method for you, however not by default.",
		"less memory on CPython[^pypy] and are faster.":                      "less memory on CPython and are faster.",
		"tuples, not classes.[^history] Since then":                          "tuples, not classes. Since then",
		"[^fn1]: The berth is computed by hashing a tuple.":                  "The berth is computed by hashing a tuple.",
		"岸壁です[^1]。":                                                          "岸壁です。",
		"see [^ note] and a[^] here":                                         "see [^ note] and a[^] here",
	} {
		if got := cleanMarkdown(in); got != want {
			t.Errorf("cleanMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestJoinLines: soft line breaks join as Markdown renders them: a space
// in English, nothing between Japanese characters, a space where a Latin
// word meets Japanese (a manual page's option over its description),
// nothing after a slash inside a word (a text rendering's wrap).
func TestJoinLines(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lines []string
		ja    bool
		want  string
	}{
		{[]string{"A quay", "holds ships."}, false, "A quay holds ships."},
		{[]string{"岸壁は", "船を留める。"}, true, "岸壁は船を留める。"},
		{[]string{"-a, --thorough", "完全な潮位走査。"}, true, "-a, --thorough 完全な潮位走査。"},
		{[]string{"潮位表は", "tidectl で読む。"}, true, "潮位表は tidectl で読む。"},
		{[]string{"潮位表（", "tidectl）。"}, true, "潮位表（tidectl）。"},
		{[]string{"Use tidectl", "--read."}, true, "Use tidectl --read."},
		// A text rendering wraps after a slash inside a word.
		{[]string{"「Quay GNU/", "Linux」と呼ぶ。"}, true, "「Quay GNU/Linux」と呼ぶ。"},
		{[]string{"Read https://quay.example.org/", "tides/ daily."}, false, "Read https://quay.example.org/tides/ daily."},
		{[]string{"Choose and /", "or."}, false, "Choose and / or."},
		{[]string{"Copy the remote refs/heads/", "namespace."}, false, "Copy the remote refs/heads/ namespace."},
		{[]string{"Add quay/", "moor_first=true."}, false, "Add quay/moor_first=true."},
	} {
		if got := joinLines(tc.lines, tc.ja); got != tc.want {
			t.Errorf("joinLines(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

// A page partly translated: a Japanese item in a page that is mostly
// English (the Japanese Securing Debian manual's to-do list) is shown as
// a Japanese usage, labelled in Japanese. The page is written for this
// test.
func TestUsageLabelFollowsTheSentence(t *testing.T) {
	t.Parallel()
	doc := "# 1.5. 書くべきこと (TODO)\n" +
		"\n" +
		"## 1.5. 書くべきこと (TODO)\n" +
		"\n" +
		"This section lists the things that need to be fixed in this manual. Some paragraphs include tags describing what content is missing (or what kind of work needs to be done).\n" +
		"\n" +
		"If you can help with any item of this list, contact the main author of the harbour manual.\n" +
		"\n" +
		"- This document has yet to be updated for the latest harbour rules. The default berth lists need to be adapted as they have changed since this document was written.\n" +
		"- Expand the incident response information, maybe add some ideas from the port authority's guide on incident response.\n" +
		"- Write about the tide gauge tools (to check for gauge availability) such as **tidemon**, **gaugectl** and **mon**.\n" +
		"- Consider writing a section on how to build quay appliances (with information such as the base system and the berth tables).\n" +
		"- Add information on setting up a pilot station with the quay software, stating which packages provide pilot services (like **pilotd**, **towctl**, **berthd**).\n" +
		"- 参照している URL をすべて調べて、もう有効でないものを削除するなり 修正するなりする\n" +
		"- See 第 1.1 節「港の規則」 for the gauge rules of the harbour office and how the pilots apply them.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "todo.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "URL"); !strings.HasPrefix(d.Text, usedInPrefixJA+"「参照している URL") {
		t.Errorf("URL = %q, want the Japanese item labelled %q", d.Text, usedInPrefixJA)
	}
	// An English sentence that cites a translated section stays English.
	if d := define(t, e, c, "gauge rule"); !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("gauge rule = %q, want it labelled %q", d.Text, usedInPrefixEN)
	}
}

// TestInlineCodeOpeningALine: a line that opens with inline code in
// triple backticks ("```isHigh``` は…", a Japanese README's style) is
// prose, not a code fence that hides the rest of the section. The page is
// written for this test.
func TestInlineCodeOpeningALine(t *testing.T) {
	t.Parallel()
	doc := "# 潮位\n\n```TideTable.isHigh``` は与えられた日付を元に満潮を判定します。\n\n" +
		"潮位計は港の水位を毎分記録する装置です。潮位計を点検します。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tide.md", Content: doc}})
	if d := define(t, newEngine(t), c, "潮位計"); d.Text != "潮位計は港の水位を毎分記録する装置です。" {
		t.Errorf("潮位計 = %q, want its definition", d.Text)
	}
}

// TestPlainTextTables: a README kept as plain text lists names and what
// they do in two columns, a tab or two spaces apart (w3m's README.func);
// each row glosses its name, in English and Japanese, a long name over
// its text indented below it too, and the rows are no longer one
// sentence. Prose is no table: justified lines of a manual page, a line
// after one that opens with a label and two spaces, a syntax's
// placeholders. The files are written for this test.
func TestPlainTextTables(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	en := "Harbor functions\n\n" +
		"MOOR\t\tTie the ship to its berth with two hawsers\n" +
		"UNMOOR\t\tCast off every line and free the berth\n" +
		"DEFAULT_BERTH Set the berth a ship is given when none is named\n" +
		"TOW_RELATIVE\n" +
		"\t\tMove the ship along the quay by a number\n" +
		"\t\tof berths\n\n" +
		"The  harbor  master  keeps  the  list  of  berths.  Each ship\n" +
		"is  moored  by  the  master's  crew  at  dawn  and  every\n" +
		"evening  before  the  tide  turns.\n\n" +
		"Note:  this harbor tool is unsupported. No attempt is made to keep\n" +
		"compatibility between successive versions.\n\n" +
		"[berth]\t\toptional berth number of the quay\n" +
		"{ships}\t\ta list of ships, separated with commas\n\n" +
		"The harbor master keeps the berth list. Each berth has a number. Ships keep compatibility with the quay.\n"
	ja := "港湾機能\n\n" +
		"  MOOR_ALL    すべての船を岸壁に二本の索でつなぎます\n" +
		"  岸壁        船を横付けするための壁\n" +
		"  TOW_BY_BERTH_COUNT\n" +
		"              船を岸壁に沿って指定した数だけ動かします\n\n" +
		"MOOR_ALL は港長が指示します。TOW_BY_BERTH_COUNT は夜間には使えません。岸壁は港にあります。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.txt", Content: en}, {Path: "ja/README.func.txt", Content: ja}})
	for term, want := range map[string]string{
		"MOOR":               "Tie the ship to its berth with two hawsers",
		"UNMOOR":             "Cast off every line and free the berth",
		"DEFAULT_BERTH":      "Set the berth a ship is given when none is named",
		"TOW_RELATIVE":       "Move the ship along the quay by a number of berths",
		"MOOR_ALL":           "すべての船を岸壁に二本の索でつなぎます",
		"岸壁":                 "船を横付けするための壁",
		"TOW_BY_BERTH_COUNT": "船を岸壁に沿って指定した数だけ動かします",
	} {
		if d := define(t, e, c, term); !strings.Contains(d.Text, want) || strings.HasPrefix(d.Text, usedInPrefixEN) || strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s: %q (%.2f), want the row's text %q", term, d.Text, d.Confidence, want)
		}
	}
	for term, not := range map[string]string{"harbor": "master  keeps", "moored": "master's crew", "compatibility": "between successive", "berth": "optional berth", "ships": "separated with"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "UNMOOR"); strings.Contains(d.Text, "DEFAULT_BERTH") {
		t.Errorf("UNMOOR: %q, want its row alone", d.Text)
	}
}

// TestColumnRows: which paragraphs read as a plain-text table of names
// and their text, and the rows they give.
func TestColumnRows(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		lines []string
		want  []string // the rows, nil for no table
	}{
		{"tabs", []string{"MOOR\t\tTie the ship", "UNMOOR\t\tCast off"}, []string{"MOOR: Tie the ship", "UNMOOR: Cast off"}},
		{"spaces, indented, a row going on", []string{"  MOOR      Tie the ship", "            to its berth", "  UNMOOR    Cast off"},
			[]string{"MOOR: Tie the ship to its berth", "UNMOOR: Cast off"}},
		{"a name as long as its column", []string{"MOOR\t\tTie the ship", "DEFAULT_BERTH Set the berth", "UNMOOR\t\tCast off"},
			[]string{"MOOR: Tie the ship", "DEFAULT_BERTH: Set the berth", "UNMOOR: Cast off"}},
		{"a name over its text", []string{"MOOR\t\tTie the ship", "TOW_RELATIVE", "\t\tMove the ship"},
			[]string{"MOOR: Tie the ship", "TOW_RELATIVE: Move the ship"}},
		{"Japanese", []string{"岸壁\t船を横付けする壁", "係船柱\t索を掛ける柱"}, []string{"岸壁: 船を横付けする壁", "係船柱: 索を掛ける柱"}},
		{"one row", []string{"MOOR\t\tTie the ship"}, nil},
		{"justified text", []string{"The  local  delivery  agent  reads  the  queue  and", "agent  prepends  a  header  with  the  address"}, nil},
		{"a label over prose", []string{"Tip:  keep the tug log on board and", "berth numbers in the log."}, nil},
		{"one row set apart", []string{"Tip:  keep the tug log", "quay lines are long", "berth lines are short"}, nil},
		{"prose typed with two spaces", []string{"Yes.  The berth is free.", "No.  The berth is taken."}, nil},
		{"a line of prose", []string{"MOOR\t\tTie the ship", "UNMOOR\t\tCast off", "and then the ship leaves."}, nil},
		{"placeholders", []string{"[berth]\t\toptional berth number", "{ships}\t\ta list of ships"}, nil},
		{"comments", []string{"  あああ    ;; `a a a'", "  漢字      ;; `K a n j i'"}, nil},
		{"a name with nothing under it", []string{"MOOR\t\tTie the ship", "UNMOOR"}, nil},
	} {
		rows, ok := columnRows(tc.lines, 1)
		var got []string
		for _, r := range rows {
			got = append(got, r.lines...)
		}
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("%s: columnRows = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}

// TestHedgedAndGenericDefinitions: a definition hedged by an adverb after
// its copula ("is basically a ...", Mutt's manual; "is primarily a ...",
// Task's) still defines, and so
// does one whose relative clause says what any reader does with it ("the
// file where you will usually place your commands"); one the narrative
// names ("the file you just edited") does not. The page is written for
// this test.
func TestHedgedAndGenericDefinitions(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Harbor notes\n\n" +
		"A “tide table” is basically a list of the times of high and low water.\n\n" +
		"harborrc is the file where you will usually place your commands to configure the harbor tool.\n\n" +
		"Quaymon is primarily a CLI tool that watches the berths of a quay.\n\n" +
		"The berth plan is the file you just edited in the last step.\n\n" +
		"Read the tide table daily. Keep harborrc short. Print the berth plan. Run Quaymon.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "notes.md", Content: doc}})
	for term, want := range map[string]string{
		"tide table": "A “tide table” is basically a list of the times of high and low water.",
		"harborrc":   "harborrc is the file where you will usually place your commands to configure the harbor tool.",
		"Quaymon":    "Quaymon is primarily a CLI tool that watches the berths of a quay.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < 0.7 {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth plan", "just edited")
}

// TestEnumerationMarkers: "(1) " and 「（1）」 open an item of plain text's
// enumerations (kakasi's footnote '(1) "Romaji" is ...'), as "1. " does;
// the marker is no part of the sentence, which then defines its subject.
func TestEnumerationMarkers(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]int{"(1) x": 4, "(12) x": 5, "（2）辞書": len("（2）"), "1. x": 3, "(1)x": 0, "(a) x": 0, "(1234) x": 0, "(1) ": 0, "（1）": 0} {
		if got := listMarkerLen(s); got != want {
			t.Errorf("listMarkerLen(%q) = %d, want %d", s, got, want)
		}
	}
	e := newEngine(t)
	doc := "# Notes\n\n(1) \"Towage\" is the service of pulling a ship with a tug.\n\n（2）「係船柱」は船の索を掛けるための柱です。\n\nTowage is paid daily. 係船柱は多い。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "notes.md", Content: doc}})
	for term, want := range map[string]string{"towage": "\"Towage\" is the service of pulling a ship with a tug.", "係船柱": "「係船柱」は船の索を掛けるための柱です。"} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// A paragraph's line that opens with a bracketed label and a colon before
// words ("specified by\n[RFC5424]: _severity of all levels is ..._",
// winston's README) goes on with the paragraph: it is no link reference
// definition. The page is written for this test.
func TestLabelLineInParagraph(t *testing.T) {
	t.Parallel()
	doc := "# Quaykit\n\nTide levels in `quaykit` conform to the ordering specified by\n" +
		"[RFC5424]: _severity of all levels is assumed to be numerically **ascending**._\n\n" +
		"[RFC5424]: https://tools.ietf.org/html/rfc5424\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	if d := define(t, newEngine(t), c, "tide level"); !strings.Contains(d.Text, "RFC5424: severity of all levels") {
		t.Errorf("tide level = %q, want the whole sentence", d.Text)
	}
}

// TestNormKeyPlurals: a heading in the plural is keyed by its singular,
// plurals in -os too ("Macros", Jinja's section, "Repos"); words in -os
// that are no plurals keep their "s".
func TestNormKeyPlurals(t *testing.T) {
	t.Parallel()
	for heading, want := range map[string]string{
		"Macros": "macro", "## Repos": "repo", "Ordered consumers": "ordered consumer", "Policies": "policy",
		"Chaos": "chaos", "Kudos": "kudos", "macOS": "macos", "HTTPS": "https", "Status": "status", "Analysis": "analysis",
	} {
		if got := normKey(strings.TrimLeft(heading, "# ")); got != want {
			t.Errorf("normKey(%q) = %q, want %q", heading, got, want)
		}
	}
}

// A section headed with a plural in -os ("Macros", Jinja's) is glossed by
// its first sentence that says what the term is like ("... are comparable
// with functions ..."), not by a later one that introduces an example.
// The page is written for this test.
func TestHeadingInTheOsPlural(t *testing.T) {
	t.Parallel()
	doc := "# Tide tables\n\n## Tidos\n\nTidos are comparable with functions in regular harbour languages. They\n" +
		"are useful to put often used moorings into reusable blocks.\n\n" +
		"Here's a small example of a tido that renders a berth:\n\n    {% tido berth(name) %}\n\n" +
		"The tido can then be called like a function in the namespace:\n\n    {{ berth('north') }}\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tides.md", Content: doc}})
	if d := define(t, newEngine(t), c, "tido"); !strings.HasPrefix(d.Text, "Tidos are comparable with functions") {
		t.Errorf("tido = %q (%.2f), want the section's first sentence", d.Text, d.Confidence)
	}
}

// An item whose first line is a title without a stop, over its body on
// the lines after ("8. The Chair can stand in for the Leader, together
// with the Secretary" over "As detailed in §7.1(2), ...", Debian's
// constitution and social contract as plain text), is two sentences: the
// body's first sentence is not run into the title. The text is written
// for this test.
func TestItemTitleLineIsASentence(t *testing.T) {
	t.Parallel()
	doc := "Harbour rules\n\n" +
		"    1. The harbour will remain open\n" +
		"       We keep the moorings free for every ship. We promise that the\n" +
		"       harbour and all its quays stay open.\n" +
		"    2. Tugs can stand in for pilots, together with the harbourmaster\n" +
		"       As detailed in rule 7, tugs and the harbourmaster may together\n" +
		"       stand in for a pilot if there is no pilot.\n\n" +
		"Every tug is strong. The harbour is old.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "rules.txt", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"tug": "As detailed", "harbour": "We keep"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) {
			t.Errorf("%s = %q (%.2f): the title ran into the body", term, d.Text, d.Confidence)
		}
	}
}
