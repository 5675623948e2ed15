package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// A list that describes the fields of a record ("- **name**: The vessel
// name.", "- **cargo**: A list of holds, each containing:") does not gloss
// its keys: the item names the key again, or leads into the items below
// it; nor does an item that says what a layer does ("Pier: structuring
// and managing ...") unless its key is an activity. A key with a real description still gets it. The
// page is written for this test.
func TestRecordFieldItemsAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Port API\n\n## Vessel status\n\nThe status endpoint returns one record per vessel.\n\n" +
		"- **name**: The vessel name.\n" +
		"- **flag**: The vessel flag (`PA`, `LR`, `MH`).\n" +
		"- **tonnage**: The vessel tonnage, if known (optional).\n" +
		"- **cargo**: A list of holds, each containing:\n" +
		"  - **hold**: The number of the hold.\n" +
		"- **draught**: the depth of water a ship needs to float, in metres.\n" +
		"- `tide`: tide messages (generic);\n- `wind`: messages from the weather station;\n\n" +
		"The port's layers:\n\n1. Pier: structuring and managing a multi-berth pier, including moorings.\n" +
		"2. Routing: forwarding the ships between the piers.\n\n" +
		"Every vessel has a name, a flag and cargo in its holds, and the draught decides its berth.\n"
	ja := "# 港湾 API\n\n## 船舶の状態\n\n" +
		"- **名前**: 船舶の名前。\n" +
		"- **喫水**: 船が浮かぶために必要な水の深さ。\n\n" +
		"船舶には名前と喫水があります。名前は登録簿に記載されます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "api.md", Content: doc}, {Path: "api-ja.md", Content: ja}})
	for term, not := range map[string]string{
		"name":    "vessel name",
		"flag":    "vessel flag",
		"tonnage": "vessel tonnage",
		"cargo":   "each containing",
		"tide":    "tide messages",
		"pier":    "structuring",
		"名前":      "船舶の名前",
	} {
		if d := define(t, e, c, term); strings.Contains(strings.ToLower(d.Text), not) && !strings.HasPrefix(d.Text, usedInPrefixEN) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "routing"); !strings.Contains(d.Text, "orwarding the ships") || strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("routing: %q, want its item", d.Text)
	}
	if d := define(t, e, c, "draught"); !strings.Contains(d.Text, "depth of water") || strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("draught: %q, want its item", d.Text)
	}
	if d := define(t, e, c, "喫水"); !strings.Contains(d.Text, "水の深さ") || strings.HasPrefix(d.Text, usedInPrefixJA) {
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
	if d := define(t, e, c, "sounding"); !strings.Contains(d.Text, "depths measured") || strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("sounding: %q, want its definition", d.Text)
	}
}

// A parenthesis that points back to a noun ("(the one named in the
// manifest)") or says where a value comes from ("The name of the harbor
// (the value of `harbor_title`)") glosses nothing. The page is written
// for this test.
func TestAnaphoricParenthesisIsNotAGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Pilots\n\nBy default, every ship is assigned to a single berth in Portmaster (the one named in the manifest), " +
		"which the harbor office can change.\n\nPortmaster schedules the pilots of the harbor.\n\n" +
		"- `harbortitle`: The name of the harbor (the value of `harbor_title`), except on a single page.\n\nThe harbor is large.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "pilots.md", Content: doc}})
	if d := define(t, e, c, "Portmaster"); strings.Contains(d.Text, "named in the manifest") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Portmaster: %q (%.2f), want no gloss from a parenthesis about the berth", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "harbor"); strings.Contains(d.Text, "value of harbor_title") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("harbor: %q (%.2f), want no gloss from where a value comes from", d.Text, d.Confidence)
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

// Glosses a handbook seems to give but does not: a key in capitals (a
// variable or a sidebar label) over the word's item, a parenthesis that
// names an act or an example, one after a quoted modifier, an appositive
// after a modifier or closing a clause that opens after a colon. The page
// is written for this test.
func TestManualPhrasesThatAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Harbor handbook\n\n## Rules\n\nRules match on these variables:\n\n" +
		"- `VESSEL`: the name that the harbor office gives to the vessel;\n" +
		"- `PILOT`: delegates the check to the indicated pilot.\n\n" +
		"Sidebars come in kinds:\n\n- TUG: presents a relevant tug or service;\n- TIP: a hint.\n\n" +
		"A vessel waits for a pilot, and a tug waits for the vessel.\n\n" +
		"## Mooring\n\nThe `owner` flag lets any crew moor this hull (an operation which would otherwise be left to the harbormaster).\n" +
		"A berth may hold a logbook (an example of the use of a ledger) or charts.\n" +
		"Most signals have a “long” form (two flags hoisted for a minute) and a “short” ensign (a single pennant, often the first " +
		"flag of the long form, and hoisted by a single sailor).\n" +
		"Beyond the usual rigging (main halyard, storm halyard, harbor halyard, a pennant for pilots and so on), a ship flies nothing.\n" +
		"The process is documented in https://harbor.example/rules.html: if it is agreed that a new rule belongs in the Harbor Code, " +
		"a vote begins on the harbor list until the crews agree.\n\n" +
		"The hull, the logbook, the ensign, the halyard and the Harbor Code are checked each year.\n\n" +
		"## Crew\n\n- **Bosun**: the officer in charge of the deck crew.\n- `MATE`: the officer below the master.\n\n" +
		"## Menus\n\n- Tools - Macros - Harbor Settings, then click New or Edit.\n- View - Berth Objects - Queries\n" +
		"- Format - Print ranges - Edit\n- Pod - A group of tugs - Harbor's smallest crew.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "handbook.md", Content: doc}})
	for _, tc := range []struct{ term, not string }{
		{"vessel", "harbor office gives"},
		{"pilot", "delegates the check"},
		{"tug", "relevant tug"},
		{"hull", "operation which"},
		{"logbook", "example of the use"},
		{"ensign", "single pennant"},
		{"halyard", "a pennant for pilots"},
		{"Harbor Code", "vote begins"},
		{"tool", "Macros"},
		{"format", "Print ranges"},
	} {
		if d := define(t, e, c, tc.term); strings.Contains(strings.ToLower(d.Text), strings.ToLower(tc.not)) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", tc.term, d.Text, d.Confidence, tc.not)
		}
	}
	for term, want := range map[string]string{"Bosun": "officer in charge", "MATE": "officer below", "Pod": "group of tugs"} {
		if d := define(t, e, c, term); !strings.Contains(d.Text, want) || strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q, want %q", term, d.Text, want)
		}
	}
}

// Japanese sentences and parentheses that seem to gloss a term and do not:
// a remark written as a sentence, a pointer, a range of values, a
// likeness, a scope, 「Xとは何か」, a denial, a quoted state, an item whose
// body goes on from its key with a particle (「berth: には…」). A naming inside
// a parenthesis is the parenthesis, not the sentence around it. The page
// is written for this test.
func TestJapaneseRemarksAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# 港の手引き\n\n" +
		"荷役は岸壁 (浮桟橋を使っても全く同じです) で行います。\n" +
		"入港時は信号旗 (see 第 3 節「旗の掲揚」) を掲げます。\n" +
		"ここで正の等級 (1 から 19) は小さい船、これに対して、負の等級 (-1 から -20) は大きい船を意味します。\n" +
		"船名 (船籍簿で言えば登録名) は船首に書きます。\n" +
		"航路 (内航と外航の両方) の一覧が表示されます。\n" +
		"乗組員 (港では必要ですが、沖では不要です) の名簿を出します。\n\n" +
		"水先人とは何かについては第 2 節で詳しく説明します。\n" +
		"安全とは単なる技術的問題ではありません。\n" +
		"貨物は「保税のまま」です。\n\n" +
		"区画割りは入港時に必要な作業です (分割されたそれぞれの区画を「バース」と呼びます)。\n" +
		"タグボート (船を押して動かす小型の船) が待機します。\n" +
		"係船柱 (船を係留するための柱のことです) に綱を掛けます。\n" +
		"港の管理ツール(入港用の `berthctl`(1)、出港用の `sailctl`(1))を使います。\n" +
		"係留索 (船を岸壁(バース)につなぐための綱) を用意します。\n" +
		"入港票の記号列 (厳密には字句解析した結果のToken) を数えます。\n" +
		"待機船 (`WAIT` と表示されます。特に 3 番バースの船) が並びます。\n" +
		"航海日誌 (記録用ツールの使用例) を保存します。\n" +
		"積荷目録 (前に説明した .csv ファイル) を送ります。\n" +
		"暗証番号 (入力ミスを防ぐために 2 回) を入力します。\n" +
		"港湾台帳は入港簿とも呼ばれ、入港したすべての船を記録する帳簿です。\n" +
		"港には特別な浮きがいろいろとあります。この浮きは灯浮標と呼ばれ、夜に光ります。\n" +
		"倉庫 (during the call you already chose one, see 第 3 節「保管場所の選びかた」) を使います。\n" +
		"港の記録ツール(入港記録用の `logctl`(8))と出港スクリプト (sailout、sailcheck そして sailend ファイルのこと) を使います。\n\n" +
		"- 終了状態: 非0 (\"偽\")\n- 喫水: 船が浮かぶために必要な水の深さ。\n- berth: には係留する岸壁の番号を指定する。\n\nberth を確認します。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "minato.md", Content: doc}})
	for term, not := range map[string]string{
		"岸壁": "全く同じ", "信号旗": "see", "等級": "から", "船名": "で言えば", "航路": "両方", "乗組員": "不要",
		"水先人": "何か", "安全": "ありません", "貨物": "保税のまま", "区画割り": "バース", "管理ツール": "berthctl", "終了状態": "非0", "記録ツール": "logctl",
		"待機船": "WAIT", "航海日誌": "使用例", "積荷目録": "前に説明した", "暗証番号": "2 回", "倉庫": "see",
		"berth": "岸壁の番号", // 「berth には…を指定する」: the key starts the sentence
	} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	for term, want := range map[string]string{
		"バース":     "分割されたそれぞれの区画を「バース」と呼びます。",
		"タグボート":   "船を押して動かす小型の船。",
		"係船柱":     "船を係留するための柱のことです。",
		"係留索":     "船を岸壁(バース)につなぐための綱。",
		"出港スクリプト": "sailout、sailcheck そして sailend ファイルのこと。",
		"記号列":     "厳密には字句解析した結果のToken。",
		"入港簿":     "港湾台帳は入港簿とも呼ばれ、入港したすべての船を記録する帳簿です。",
		"灯浮標":     "港には特別な浮きがいろいろとあります。この浮きは灯浮標と呼ばれ、夜に光ります。",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q, want %q", term, d.Text, want)
		}
	}
}

// A quoted name in a parenthesis inside a noun phrase ("the original
// (“upstream”) package") names nothing, and an opening phrase closed by a
// comma ("For the purposes of the Harbor Code, a ...") has no
// appositive. The page is written for this test.
func TestNamingsInsideANounPhrase(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Versions\n\nIt is usually the number of the original (“upstream”) chart from which the copy has been made.\n\n" +
		"For the purposes of Harbor Code, a “vessel for the night watch service” is one which sails after dark.\n\n" +
		"The Quay Authority (“Authority”) is responsible for the berths.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "versions.md", Content: doc}})
	for term, not := range map[string]string{"upstream": "original", "Harbor Code": "night watch"} {
		if d := define(t, e, c, term); strings.Contains(strings.ToLower(d.Text), not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "Authority"); !strings.Contains(d.Text, "Quay Authority") || strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Authority: %q, want the formal naming", d.Text)
	}
}

// TestJapaneseSubjectsAfterSummingUpAndOtherTopics: 「一言で言えば X は…です。」
// defines X; a copula whose last clause has a topic of its own (「X は…
// ではありますが、その様式は…です。」) and a parenthesis after a compound with
// a quoted modifier (「「旧式」桟橋 (…)」) do not. Found in a Japanese FAQ
// (the texts are written for this test).
func TestJapaneseSubjectsAfterSummingUpAndOtherTopics(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# 港の手引き\n\n" +
		"水先人は船を港に導くつもりではありますが、天候には勝てず、その判断は船長の責任です。\n" +
		"一言で言えば水先人は港の水路に詳しい案内人です。\n" +
		"入港票は港長に出す書類ではありますが、その様式は港ごとの定めです。\n" +
		"次に、「旧式 (old)」桟橋 (これは単純に前の「新型 (new)」です) と「予備」桟橋があります。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "minato.md", Content: doc}})
	if d := define(t, e, c, "水先人"); d.Text != "一言で言えば水先人は港の水路に詳しい案内人です。" {
		t.Errorf("水先人: %q (%.2f)", d.Text, d.Confidence)
	}
	for term, not := range map[string]string{"入港票": "定め", "桟橋": "単純に"} {
		wantNoGlossFrom(t, e, c, usedInPrefixJA, term, not)
	}
}

// TestValuesOfASettingAreNotGlosses: sub-items under an item that lists
// them in code as the values it takes ("The <mode> can be `strip`,
// `tight` ...") say what each value does, not what the word means;
// sub-items under any other item still gloss their keys. Found in man
// pages (the text is written for this test).
func TestValuesOfASettingAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# moor(1)\n\n" +
		"- --lines=<mode>: How the lines are set. The <mode> can be `strip`, `tight` or `slack`.\n" +
		"  - strip: Take every line in.\n" +
		"  - tight: Same as strip except the stern line stays out.\n" +
		"  - slack: Leave the lines loose.\n" +
		"- Vessels: Things that float.\n" +
		"  - Tugs: Small boats that push ships.\n\n" +
		"Keep the lines tight. A tight berth is rare. Tugs wait at the quay. The slack rope sags.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "moor.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tight", "Same as strip")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "slack", "Leave the lines")
	if d := define(t, e, c, "tug"); d.Text != "Small boats that push ships." {
		t.Errorf("tug: %q (%.2f), want its sub-item", d.Text, d.Confidence)
	}
}

// TestConstantKeysAreValues: items keyed by a constant ("nil", "true",
// "off") under a setting say what the setting does with that value, and
// items keyed by a platform whose body is a sentence how a thing behaves
// there, in
// Emacs manuals as definition lists, in configuration references as key
// lines; a glossary's entry for such a word still glosses it. Found in
// DDSKK's manual (the texts are written for this test).
func TestConstantKeysAreValues(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	ja := "# 係留設定\n\n変数 harbor-pointer-behavior は、ポインタの動きを指定します。下記以外を指定した場合は nil となります。\n\n" +
		"シンボル 'follow\n   ポインタを岸壁へ移動させます。\n\n" +
		"nil\n   ポインタを一切移動せず、その位置に表示します。\n\n" +
		"この値を non-nil にすると、係留します。nil を指定すると止まります。既定値は nil です。\n"
	en := "# Settings\n\nThe `moor_lines` setting tells the winch what to do.\n\n" +
		"off: The winch never hauls the lines in.\n" +
		"true: The winch hauls every line in at the turn of the tide.\n\n" +
		"Set it to off in a storm, or true in calm water. With off the crew hauls; true is the default.\n"
	// Items keyed by a platform say how the thing behaves there.
	en += "\nThe tide tables are found this way:\n\n- UNIX: The tide tables should be readable from the PATH.\n" +
		"- Windows: The installed tide tables are read from the registry.\n- Linux: A free kernel that many harbours run.\n\n" +
		"Windows and UNIX hosts both work. Linux runs the quay server. Linux is free.\n" +
		"\nFixed in this release:\n\n- macOS: a start that the tide ended gave `winch failed` with the logs of the lost helpers. It returns the tide's error now.\n\n" +
		"The quay runs on macOS. macOS is supported.\n" +
		"\nThe chart viewer differs:\n\n- **`Solaris`**: Harbour **`Viewer`**\n- **`FreeBSD`**: default web browser\n\nFreeBSD hosts print charts. Solaris is old.\n" +
		"\nAcronyms:\n\n- POSIX: Portable Operating System Interface\n\nPOSIX hosts work.\n"
	// An item on the value itself still glosses it.
	en += "\nThe tally types:\n\n- None: The value of a tally that has no count yet.\n\nA tally starts at None. None is falsy.\n"
	gloss := "# Glossary\n\n- null: The empty value a tally holds before its first count.\n\n" +
		"A tally starts at null. Compare it with null before you add. A null tally is empty.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}, {Path: "en.md", Content: en}, {Path: "glossary.md", Content: gloss}})
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "nil", "移動せず")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "off", "never hauls")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "true", "every line")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "UNIX", "readable from")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Windows", "registry")
	// Sentences of a note on the platform, however the first one opens.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "macOS", "start that")
	// What each platform uses, a noun phrase without an article.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "FreeBSD", "web browser")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Solaris", "Viewer")
	if d := define(t, e, c, "POSIX"); !strings.Contains(d.Text, "Portable Operating System Interface") {
		t.Errorf("POSIX: %q (%.2f), want its expansion", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "None"); d.Text != "The value of a tally that has no count yet." {
		t.Errorf("None: %q (%.2f), want its item (about the value itself)", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Linux"); d.Text != "A free kernel that many harbours run." {
		t.Errorf("Linux: %q (%.2f), want its item (a noun phrase)", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "null"); d.Text != "The empty value a tally holds before its first count." {
		t.Errorf("null: %q (%.2f), want its glossary entry", d.Text, d.Confidence)
	}
}

// TestItemPointingElsewhereIsNoGloss: an item whose body sends the reader
// to another page ("Its documentation has moved to ...", "See ..."), that
// several keys share ("These five are performed ...") or that says when
// ("This is performed only in ...") glosses nothing, nor does a copula
// that names the term again ("The pattern is a pattern that ..."), nor
// one that says what some of them may do ("Modules within the server that
// need ... can use ..."), how much it is needed ("Optional: If your module
// ...") or asks ("where should the matching requests be sent"). Found in
// Sphinx's configuration reference, zsh's manual and Apache's (the text is
// written for this test).
func TestItemPointingElsewhereIsNoGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Settings\n\n- tide_elements: Its documentation has moved to the tide customization page.\n" +
		"- berth_map: A dict from berth names to quays.\n\nSet tide_elements first. tide_elements is a dict. Fill berth_map.\n\n" +
		// Keys over one body, and a body that says when.
		"The steps:\n\n- *Tide Check*: This is performed only at high water.\n- *Hull Check*: These two are performed in order.\n" +
		"- *Lock Check*: These two are performed in order.\n\nA tide check is quick. The hull check and the lock check are slow. Each lock check is logged.\n\n" +
		"The tideglob is a tideglob that is to be used to name berths. Each tideglob is short.\n\n" +
		"The kinds:\n\n- Tide tables: These represent the heights of the water at each hour.\n\nRead the tide tables daily.\n\n" +
		// Changes and fixed problems, keyed by the part they concern.
		"- Quaybus: The check for the crane library didn't work.\n- Tidelink: Adjusted the tide makefile a bit.\n\nQuaybus and Tidelink run on ports.\n\n" +
		"- Tally: The 32-bit count of crates that a berth holds.\n\nA tally is kept per berth.\n\n" +
		// What some of them may do (Apache's mod_session), beside a
		// plural gloss with a modal in its own clause and a "This".
		"Access:\n\n- Quay cranes: Cranes on the quay that lift containers can read the tide table.\n" +
		"- Dynamic Berth Object (DBO): Berths reserved separately from the harbour plan that can be freed on demand.\n" +
		"- quay config: This means that the setting may be used in the quay file only.\n" +
		"- dock note: Indicates to the reader that the following note should not delay the ship.\n" +
		"- tide hook: Optional: If your plugin logs the tide, also log the new field tide_source.\n\n" +
		"Pages:\n\n- **Quay logs:** Reading quay logs | Rotating quay logs\n\nEvery quay log is kept.\n\n" +
		// A field whose value is a list, flattened (Scilab's blocks).
		"- **tide inputs:** **- port 1 : size [1,1] / type 1**\n- **mode:** no\n\nEvery tide input is read.\n\n" +
		// The forms another thing takes, each keyed with an article.
		"`tidefn` should be:\n\n- a harbour script: whose syntax is `v=tidefn(x)`.\n- a gauge routine: it refers to a C routine which must be linked to the harbour.\n\n" +
		"Each gauge routine is compiled. A harbour script runs at dawn.\n\n" +
		"A berth is defined by:\n\n- a quay: The name of the quay the berth is on.\n- a tide warden: The name of the person who last checked the berth.\n\n" +
		"Every tide warden signs the log.\n\n" +
		// Notation, a pointer in parentheses (the Rust reference).
		"- FIRSTSET: { $d:ident, ε } { h, ε, ; } { f } { g }\n- LASTSET: the tokens that end the matcher.\n\n" +
		"Every hawser is checked. FIRSTSET holds tokens. The tide is a feature of the harbour (the plan of lock chains - see RFC 2947).\n\n" +
		"By the time the plan is read, every berth check will have been logged (the previous two sections), so the plan is complete.\n\n" +
		"If two slashes separate the berth and the tide mark (the second form above), every tide mark is replaced.\n\n" +
		// Per platform: what another thing does there, what to do there.
		"The behaviour of `Highest` varies between harbours:\n\n- Tidewater: `Highest` will return the highest non-empty berth.\n" +
		"- Saltmarsh: load the tide tables with tide_import.\n- Eastquay: no requirements (see Tide Zones).\n\nTidewater, Saltmarsh and Eastquay are harbours.\n\n" +
		"Roles:\n\n- Tide marks: To link, use the :tide: role.\n\nEach tide mark is dated.\n\n" +
		"Cross references:\n\n- tidewatch: BERTH_LIMIT QUAY_GROUPS TIDE_DELAY\n\nRun tidewatch daily.\n\n" +
		"Template variables:\n\n- berths: List containing names of the free berths in the harbour.\n- tide_files: A list of files that hold tide readings.\n\nEvery berth is numbered. Set tide_files.\n\n" +
		// Files named after what they list (Debian's bug mail server).
		"The files available are:\n\n- bollards: The unified list of quays' bollards, as used by the tide office.\n\nEvery bollard is painted.\n\n" +
		"A tide rule has two arguments:\n\n1. `Gauge`: which incoming ships should be measured;\n2. `Target`: where should the measured ships be sent.\n\n" +
		"Each gauge is calibrated. The target is a berth.\n\n" +
		"Every quay crane is inspected. Each DBO is logged. The quay config is short. Each dock note is read.\n"
	// A case pointed back to (the Rust reference's "Fields: this evaluates
	// ...").
	cases := "# Moorings\n\nThe following lines can be mutable mooring contexts:\n\n- Mutable hawsers which are not currently borrowed.\n" +
		"- Hawsers: this evaluates the subexpression in a mutable mooring context.\n- Temporary bollards.\n\nEvery hawser is checked.\n\n" +
		"Ports:\n\n- quay64: This covers quays built on steel piers and all stone piers.\n- quay32: This covers wooden piers.\n\nquay64 is common.\n\n" +
		"- *pier64*: this covers piers based on steel pilings and a common deck.\n- *pier32*: supports wooden piers.\n\npier64 is common.\n\n" +
		// A book's contents, each chapter inviting the reader (Rust by
		// Example).
		"- Slipways - Learn about high water, low water and the ramps that meet them.\n- Moorings - Learn about ropes.\n\nEvery slipway is dated.\n\n" +
		// A list of rules, each a name (aptitude's grouping rules).
		"Rules can be terminal or not:\n\n- action: Groups berths by the action planned for them.\n- swells: This is a terminal rule. Creates items for each swell.\n\n" +
		"A swell rises. The swell turns at noon.\n\n" +
		"- gusts: この規則は末端規則です。突風ごとに項目を作ります。\n- action: 予定に応じて分類します。\n\nA gust rises. The gust turns at noon.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "conf.md", Content: doc}, {Path: "moorings.md", Content: cases}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "quay crane", "can read")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide hook", "Optional")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "gauge", "should be measured")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "quay log", "Reading quay logs")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide input", "port 1")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "gauge routine", "refers to a C routine")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "hawser", "evaluates the subexpression")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "slipway", "Learn about")
	if d := define(t, e, c, "pier64"); d.Text != "This covers piers based on steel pilings and a common deck." {
		t.Errorf("pier64: %q (%.2f), want its item (Debian's 'amd64: this covers ...')", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "quay64"); d.Text != "This covers quays built on steel piers and all stone piers." {
		t.Errorf("quay64: %q (%.2f), want its item (a sentence of its own)", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "swell", "terminal rule")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "gust", "末端規則") // quoted as the Japanese it is
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "FIRSTSET", "ident")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "harbour", "lock chains")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "logged", "previous two sections")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide mark", "second form")
	if d := define(t, e, c, "tide warden"); d.Text != "The name of the person who last checked the berth." {
		t.Errorf("tide warden: %q (%.2f), want its item (a noun phrase after the article)", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Tidewater", "will return")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Saltmarsh", "tide tables")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Eastquay", "requirements")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide mark", "To link")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tidewatch", "BERTH_LIMIT") // the settings it reads
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "List containing") // a list of them
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "bollard", "unified list")  // a file that lists them
	if d := define(t, e, c, "tide_files"); d.Text != "A list of files that hold tide readings." {
		t.Errorf("tide_files: %q (%.2f), want its item (a setting that holds a list)", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "target", "should the measured")
	for term, want := range map[string]string{
		"DBO":         "Berths reserved separately from the harbour plan that can be freed on demand.",
		"quay config": "This means that the setting may be used in the quay file only.",
		"dock note":   "Indicates to the reader that the following note should not delay the ship.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want its item", term, d.Text, d.Confidence)
		}
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide_elements", "has moved")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide check", "performed only")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "hull check", "These two")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "lock check", "These two")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tideglob", "is a tideglob")
	if d := define(t, e, c, "tally"); d.Text != "The 32-bit count of crates that a berth holds." {
		t.Errorf("tally: %q (%.2f), want its item (a number is not a count of keys)", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Quaybus", "didn't work")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Tidelink", "Adjusted")
	if d := define(t, e, c, "tide table"); d.Text != "These represent the heights of the water at each hour." {
		t.Errorf("tide table: %q (%.2f), want its item (\"These\" is the key)", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth_map"); d.Text != "A dict from berth names to quays." {
		t.Errorf("berth_map: %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// A command named for its verb is summarised by its item ("LOAD: Load a
// shared library file."), where another key's imperative body is an
// instruction. The text is written for this test.
func TestCommandNamedForItsVerb(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{{Path: "cmds.md", Content: "# Commands\n\n- COUNT: Count the free berths of a harbour.\n" +
		"- TALLY: Count the crates on a quay.\n- TidePool: Load balancing across several quays.\n- watch: Start running the tide watch on the current quay.\n\n" +
		"Run COUNT at high water. Run TALLY at dusk. Use a TidePool. The watch starts at dawn.\n"}})
	if d := define(t, e, c, "COUNT"); d.Text != "Count the free berths of a harbour." {
		t.Errorf("COUNT: %q (%.2f), want its item", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "TALLY", "crates on a quay")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "watch", "Start running") // an imperative that takes a gerund
	if d := define(t, e, c, "TidePool"); d.Text != "Load balancing across several quays." {
		t.Errorf("TidePool: %q (%.2f), want its item (a noun, not an instruction)", d.Text, d.Confidence)
	}
}

// TestCapitalisedNameIsNoPlural: a name spelled with a capital and an "s"
// ("Windows") is not the plural of a word in lower case: an item keyed
// "window" (Scilab's "window — 様々な型の対称ウインドウを計算") says what a
// window is, not what Windows is. The text is written for this test.
func TestCapitalisedNameIsNoPlural(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Tide tools\n\n## See also\n\n- gauge — read the tide gauge\n- mooring — computes symmetric moorings of several kinds\n\n" +
		"On Moorings hosts the tool runs as a service. Moorings ships with the tool. Install it on Moorings.\n\n" +
		"- Harbour Charts — chart search tool\n- Harbour Tides — tide search tool\n\nEvery harbour chart is printed. A harbour chart shows depths.\n\n" +
		"- Marching Ropes: Marching ropes is a term which describes the dotted line around a berth.\n- Bollard Rings: rings.\n\nA marching rope moves. Draw the marching rope.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tools.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Moorings", "symmetric moorings")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "harbour chart", "search tool")
	if d := define(t, e, c, "marching rope"); d.Text != "Marching ropes is a term which describes the dotted line around a berth." {
		t.Errorf("marching rope: %q (%.2f), want its item (a glossary's title case)", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "mooring"); !strings.Contains(d.Text, "symmetric moorings") {
		t.Errorf("mooring: %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// TestUsageFromARecordRow: a term used only in a table of records (a
// package list: name, popularity, size, description) is shown with the
// cell that uses it, not the whole row of numbers; a cell that is the name
// alone keeps its row. The table is written for this test.
func TestUsageFromARecordRow(t *testing.T) {
	t.Parallel()
	doc := "# Quay packages\n\nThe quay office installs these packages on every berth terminal.\n\n" +
		"| package | popcon | size | tier | description |\n|---|---|---|---|---|\n" +
		"| tidemon | V:20, I:95 | 2508 | base | A monitor that reads the tide gauge every minute |\n" +
		"| berthd | V:2, I:25 | 3908 | Gaugekit | A daemon that assigns berths |\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "packages.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tide gauge"); d.Text != usedInPrefixEN+"\"A monitor that reads the tide gauge every minute\"" {
		t.Errorf("tide gauge = %q, want the cell that uses it", d.Text)
	}
	if d := define(t, e, c, "Gaugekit"); !strings.Contains(d.Text, "berthd; V:2, I:25; 3908; Gaugekit; A daemon") {
		t.Errorf("Gaugekit = %q, want its whole row", d.Text)
	}
}

// TestItemListingNamesIsNoGloss: "Marks: skip, skipif, xfail;" (pytest's
// features in unittest classes) lists some of them, not what a mark is.
// The text is written for this test.
func TestItemListingNamesIsNoGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Features\n\nThe following features work in berth classes:\n\n- Tide marks: moor, unmoor, warp;\n- Auto-use hawsers;\n\n" +
		"Every tide mark is logged.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	if d := define(t, e, c, "tide mark"); strings.Contains(d.Text, "unmoor") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("tide mark: %q (%.2f), want no gloss from a list of some", d.Text, d.Confidence)
	}
}

// TestConfigSectionKeyIsNoWord: "**[tides]**" over ": The tides section
// contains options exposed from installed tide gauges." (a TOML file's
// table, as containerd's manual lists them) names a section of the file,
// not what a tide is. The text is written for this test.
func TestConfigSectionKeyIsNoWord(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# quayd.toml\n\n**[tides]**\n: The tides section contains options exposed from installed tide gauges.\n\n" +
		"**root**\n: The root directory for quayd metadata.\n\nEvery tide is logged. The root is on disk.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quayd.toml.5.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide", "tides section")
}

// TestBooleanFieldNamedForATerm: "| `TLS` | `bool` | Indicates whether TLS
// is enabled. |" (a struct's fields, Fiber's hooks) says what the field
// holds, whether TLS is on, not what TLS is. The text is written for this
// test.
func TestBooleanFieldNamedForATerm(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Hooks\n\n| Field | Type | Description |\n| --- | --- | --- |\n| `TDP` | `bool` | Indicates whether TDP is enabled. |\n" +
		"| `Berth` | `string` | The berth the ship is moored at. |\n\nTDP (Tide Data Protocol) carries tide readings. Enable TDP.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "hooks.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "TDP", "Indicates whether")
}

// TestLicenseAppendixIsNoText: a manual that appends the license it is
// distributed under ("## F. GNU General Public License" and its "TERMS
// AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION", as Debian's
// installation guide does) has no glossary text there: "A source
// distribution is ..." in the license defines nothing of the manual. A
// FAQ's question about the license still answers it. The pages are
// written for this test.
func TestLicenseAppendixIsNoText(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	manual := "# Tide Manual\n\n## 1. Tides\n\nA tide gauge measures the water. Read the tide gauge daily. Each tide gauge is logged.\n\n" +
		"## Appendix F. GNU General Public License\n\n### F.1. Preamble\n\nThe licenses for most software are designed to take away your freedom.\n\n" +
		"### F.2. TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION\n\n" +
		"A tide gauge distribution is any copy of the tide gauge program with its source code.\n\n" +
		"BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY FOR THE PROGRAM.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "manual.md", Content: manual}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide gauge distribution", "any copy")
	if d := define(t, e, c, "tide gauge"); d.Text != "A tide gauge measures the water." {
		t.Errorf("tide gauge: %q (%.2f), want the manual's own sentence", d.Text, d.Confidence)
	}
	// The same manual saved as plain text marks no headings: the license
	// runs from its title alone on a line to "END OF TERMS AND
	// CONDITIONS".
	txt := "Tide Manual\n\nA tide gauge measures the water. Read the tide gauge daily.\n\nGNU GENERAL PUBLIC LICENSE\n\n" +
		"A tide gauge distribution is any copy of the tide gauge program with its source code.\n\nEND OF TERMS AND CONDITIONS\n\n" +
		"A berth log is a book of the ships a berth held. Keep the berth log.\n"
	ct := pipeline.NewCorpus([]glossary.Document{{Path: "manual.txt", Content: txt}})
	wantNoGlossFrom(t, e, ct, usedInPrefixEN, "tide gauge distribution", "any copy")
	if d := define(t, e, ct, "berth log"); d.Text != "A berth log is a book of the ships a berth held." {
		t.Errorf("berth log: %q (%.2f), want the manual's text after the license", d.Text, d.Confidence)
	}
	faq := "# FAQ\n\n## What is the GPL?\n\nThe GPL is a license that keeps a program free for every user.\n\nRead the GPL.\n"
	cf := pipeline.NewCorpus([]glossary.Document{{Path: "faq.md", Content: faq}})
	if d := define(t, e, cf, "GPL"); d.Text != "The GPL is a license that keeps a program free for every user." {
		t.Errorf("GPL: %q (%.2f), want the FAQ's answer", d.Text, d.Confidence)
	}
}

// TestItemVersionNoteIsNoGloss: "- **Go.mod support** — As of v5, go.mod
// support (see CHANGELOG)" (chi's features) says since when, not what it
// is. The text is written for this test.
func TestItemVersionNoteIsNoGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# quaymux\n\n## Features\n\n* **Lightweight** — cloc'd in ~1000 LOC for the quaymux router\n" +
		"* **Tide support** — As of v5, tide support (see CHANGELOG)\n* **Berth context** — a context of the berth at hand\n" +
		"* **Quay support** - as of v6, quay support (see CHANGELOG)\n\n" +
		"Tide support is built in. Use the tide support. Quay support is new. Check the quay support.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide support", "As of v5")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "quay support", "of v6")
}

// TestItemListingNamedExamplesIsNoGloss: "- **Reverse Proxies**: Nginx,
// Apache with CORS modules" and "- **CDNs**: CloudFront, CloudFlare, Azure
// CDN - handle CORS at edge locations" (Fiber's CORS page) name some of
// them, not what a reverse proxy or a CDN is, nor does "- **Output
// formats:** HTML (including Windows HTML Help), LaTeX (for printable PDF
// versions), ePub, ..." (Sphinx's features); "- **Brokers**: Servers
// that store messages, in order" does say what brokers are. The text is
// written for this test.
func TestItemListingNamedExamplesIsNoGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Deploying\n\n**Common harbour solutions:**\n\n- **Reverse Proxies**: Quaymark, Harbourline with radar modules\n" +
		"- **Tugboats**: Tidewell, Moorline, Azure Tug - pull ships at the quay\n- **Brokers**: Servers that store berth messages, in order\n" +
		"- **Chart formats**: HTML (including the Windows Chart Help), PDF (for printed charts), Texinfo, plain text\n\n" +
		"Use reverse proxies. A reverse proxy is in front. Call the tugboats. Each tugboat is strong. Each broker is named. Each chart format is old.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "deploy.md", Content: doc}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "reverse proxy", "Quaymark")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tugboat", "Tidewell")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "chart format", "Texinfo")
	if d := define(t, e, c, "broker"); !strings.HasPrefix(d.Text, "Servers that store") {
		t.Errorf("broker: %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// An item that counts some of its key's things ("Buttons: Three buttons at
// the bottom of the dialog allow you to ...", GIMP's image dialog) says
// where they are, not what one is. The text is written for this test.
func TestItemCountingItsThingsIsNoGloss(t *testing.T) {
	t.Parallel()
	doc := "# Chart dialog\n\n- **Bollards**: Three bollards at the end of the quay hold the ships.\n" +
		"- **Fenders**: Cushions between a hull and the quay.\n\nEvery bollard is painted. Each fender is soft.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "dialog.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "bollard", "Three bollards")
	if d := define(t, e, c, "fender"); !strings.Contains(d.Text, "Cushions between") {
		t.Errorf("fender = %q (%.2f), want its item", d.Text, d.Confidence)
	}
}
