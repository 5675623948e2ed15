package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// Glosses that a server manual's pages (Apache httpd's, read as HTML) gave
// wrongly, each written again for this test: an acronym ending in S read
// as the plural of another ("HTTPS" took the item of HTTP), a complement
// of "it" in a clause read as a naming, a heading over a property, a
// parenthesis that names a behavior, a file name read as the term, notes
// beside a table's first column, an option value that says what to do, a
// Japanese label over a value in code (「書式は: `…`」), the subject of a
// main clause after an opening one read as an appositive, "The result is
// ..." after the text that produced it, "The exception is ..." after the
// rule it excepts from, "The default is ..." and "The value is ..." after
// the setting and "The cause is ..." after what it causes, a test ("true if ..."), a list in
// parentheses ("(the code itself, but also ..., etc.)"). "The range is
// ..." still defines range. A glossary's entry comes before a parenthesis
// in passing ("(if any of ... is given)" glosses nothing); neither does a
// subcommand's line ("copy: Copy the notes ..."), a clause in parentheses
// or a heading over a condition ("If no option is passed, ..."), or a
// keyboard shortcut ("Tab - cycle through ...", "**Ctrl**: the chosen berth
// is ..."), a page's purpose that names something after the term ("Chart —
// Key reference for the Chart menu"), a verdict ("Slack is a good choice
// for ..."), a relation without its other side ("base64 is a modern
// alternative."), a field's line that names its kind after the term ("mark is
// the painted mark (...)"), or a value in code spelled
// like an everyday word ("`server`: messages from the server subsystem"),
// or a heading over what the text will do ("First, let's look at ...") or
// over an FAQ's question ("How do I ...?: The easiest way ..."); a word is
// not glossed by the parenthesis after its name in capitals ("`TERM` (a
// request to terminate gracefully)"), nor by a record's field ("type: This
// field defines ..."), by an item under "Limitations", "Caveats",
// "Security notes", "Compatibility" or "Prerequisites" (「動作環境」) or an
// everyday word's item under "Parameters" ("Radius: Distance between
// ...") or a placeholder's ("*`berth_id`*: The berth to free."), a
// parenthesis that is a clause ("(i.e. it ignores ...)") or a heading over an
// instruction ("Define docks under ..."). In
// Japanese: a parenthesis that gives a role
// (「…として」), examples (「…、等々」) or a pointer (「…の 2 番目の設定」), an
// item that points elsewhere (「参照: …」), 「名前とは裏腹に」, a parenthesis
// that names again a noun said before the term (「…の船とマッチ (自動で入港
// 済みの船)」), an item that states a property (「…の数が多い」).
// The definitions each page does give are still found.
func TestServerManualGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	glossaryPage := "# Harbor Glossary\n\n" +
		"- Tide Transfer Protocol (TTP): The standard protocol that berths use to exchange tide tables.\n" +
		"- TTPS: The Tide Transfer Protocol (Secure), the encrypted way berths exchange tide tables.\n" +
		"- Relay Quay: A quay that appears to the ships as if it is a *home quay*. It hides the real home quay.\n" +
		"- Pilot check: You must ensure the identity of the pilot; this is **pilotage clearance**.\n" +
		"- Warping: The action of moving a ship along the quay by hauling on its lines.\n\n" +
		"TTP and TTPS carry every tide table; a home quay keeps its own tables, and pilotage clearance comes first.\n"
	manual := "# Moorings\n\n### Hawsers\n\nThe hawsers prefixed with a `?` are all optional. Each hawser holds one ship.\n\n" +
		"If only short lines should be kept in the locker (the RFC 9999 compliant behavior), set it to `None`.\n" +
		"The locker can keep the lines between two tides.\n\n" +
		"A berth plan called `quay.html` lists the berths. The files for each of these are called `quay.html.en` and `quay.html.ja`.\n" +
		"Every quay has a number.\n\n" +
		"| Dimension | Notes |\n| --- | --- |\n| Draught | Pilots state the depth with the `Depth` field. |\n\n" +
		"| Term | Notes |\n| --- | --- |\n| Bollard | A short post that holds the lines. |\n\n" +
		"The values of `LineNote` are:\n\n- `Input`: Store the length of the incoming line in the log.\n- `Output`: Store the length of the outgoing line in the log.\n\n" +
		"Every draught, bollard, input and output is logged, and the locker keeps the hawsers.\n\n" +
		"- On quays where the default mooring load is much larger than needed for the tug configuration, a higher number of lines per ship will be possible.\n\n" +
		"The first two plans are merged. The result is a third plan, and the merging goes on until all the plans are read.\n\n" +
		"Every field takes any operator. The exception is the `Moor` field, for which only = is allowed. Each exception is logged.\n\n" +
		"Pick a tide mode. The default is the quiet mode with one pilot on duty. Change the default in the berth file.\n\n" +
		// A setting's value and a mapping's keys (Sphinx's html_headers:
		// "The value is a dictionary that maps header name to its value.").
		"Set `berth_headers` for each quay. The value is a dictionary that maps a berth name to its flag. Every value is logged.\n\n" +
		"Set `tide_tables` for each quay. The keys are the quay names, the values can be tide tables. Every key is short.\n\n" +
		"Slack is a good choice for most berths. Slack waits for the tide.\n\n" +
		"Tidegit is the tool of choice these days for tide logs since it keeps every reading. Tidegit reads the log.\n\n" +
		"The tide extension is a good example of why extensions are useful. Load the tide extension.\n\n" +
		"A flotilla is a valid thing to do when more than two tugs pull one ship. Each flotilla is logged.\n\n" +
		"The tide clock module is deprecated. Tidewatch is a modern alternative. Tidewatch reads the gauge.\n\n" +
		"Light tenders are a good way to still make use of very old hulls. Each light tender has a crew.\n\n" +
		"Harbor law is a vast and very sensitive subject, so we cannot cover it here. Every harbor law is posted.\n\n" +
		"The tide forecaster is an experimental feature. Try the tide forecaster.\n\n" +
		"Each line has two fields. mark is the painted mark (which, for old quays, is a number) of the berth. Paint each mark.\n\n" +
		"The home port is the skipper’s home port by default. Each home port keeps a register.\n\n" +
		"A Warpline is a warpline type but a Warpline value may not be spliced. Each warpline is checked.\n\n" +
		"There are three basins:\n\n- the inner basin, which is searched first, holds the tugs\n- the outer basins hold the barges\n\nEach inner basin is dredged.\n\n" +
		"Tide tables drift by a minute a year. The cause is the slow pull of the moon on the harbour water. Each cause is logged.\n\n" +
		"Tests:\n\n- `berth`: true if berth is not empty\n- `-z berth`: true if berth is empty\n\n" +
		"Every tug configuration names a berth; every result is kept.\n\n" +
		"A voyage holds all the papers of the sailing (the charts themselves, but also the crew list, the cargo papers, etc.). " +
		"The range is a closed interval of tides. Each sailing has a range.\n\n" +
		"Crews start the warping (a slow move that needs two tugs) at high water. It stays slack without a towline (i.e. if any of the tugs is given).\n\n" +
		"## Glossary\n\n- Fairlead: A fitting that guides a line around an obstacle.\n\n## Deck\n\n" +
		"Each line runs through a fairlead (a steel ring on deck). Every towline and fairlead is checked.\n\n" +
		"## Subcommands\n\n- copy: Copy the berth notes of the first ship onto the second ship.\n- rename: Rename the quay named old to new.\n\n" +
		"All quays are normalized before any matching (the berth part, if written in the name, is always ignored for matching purposes).\n\n" +
		"### Harbor variables\n\nIf no quay is named, the harbor variable is checked.\n\n" +
		"Every copy, rename, matching and harbor variable is logged.\n\n" +
		"### Keys\n\n- Tab - cycle through all visible berths\n- Ctrl+S - save the berth plan\n- Esc: close the chart\n" +
		"- Chart — Key reference for the Chart menu\n" +
		"- **Ctrl**: the chosen berth is taken out of the plan.\n- **Alt**: wind arrows are shown over the chart.\n- **Ctrl** **Shift** + click: The chosen berth is kept.\n\n" +
		"A tab lists the berths; the chart shows every tab.\n\n" +
		"### Chart window\n\n- Sidebar: A panel that lists the charts.\n- Tab: A page of the chart window that shows one berth.\n\n" +
		"The log facilities are:\n\n- `server`: messages that come from the server subsystem of the port\n- `tide`: messages from the tide gauge\n\n" +
		"Every server is logged.\n\n### Mooring rules\n\nFirst, let’s take a look at the mooring rules. Keep these rules in mind as we moor.\n\nShips follow the mooring rules in every port.\n\n### Permits\n\n" +
		"- How do I show my permits when entering the port?: The easiest way is to hand them to the pilot.\n\nEvery ship carries permits.\n\n" +
		"Most commonly used signals are `HALT` (a request to stop the engines gracefully) and `DROP` (a forced anchoring). A halt ends a voyage.\n\n" +
		"The fields of the berth table:\n\n- draft: This field defines the depth needed by the ship.\n- pier: This column names the pier of the berth.\n\n" +
		"Every draft and pier is listed.\n\n" +
		"Set `HARBOR_CONFIG` to name the berth file (i.e. in this example `/etc/berths.conf`). Push the named tug head (i.e. `north` in this case).\n\n" +
		"Each berth file and tug head is kept.\n\nA sample script called tug merge-one-berth is included. Run tug merge to join two berths.\n\n" +
		"## Limitations\n\n### Caveats and differences\n\n- **Tide Tables**: Only daily tables are supported.\n\n" +
		"## Security notes\n\n1. **Berth keys**: Keys are sent to the harbour office in plain text unless the radio is encrypted.\n\n" +
		"## Compatibility\n\n- **Chart plotter**: Works with every chart plotter sold since 2010.\n\nEach berth key is numbered. The chart plotter shows depths.\n\n" +
		"## Prerequisites\n\n- **Gauge firmware**: `gauge@2.1` or above is required. Update it if needed.\n\nThe gauge firmware reads tides.\n\n" +
		"## Parameters\n\n- *`code`*: The harbour code to be checked.\n- Radius: Distance between the buoy and the quay.\n- *`berth_id`*: The berth to free.\n\n" +
		"Each code has a radius. Pass berth_id to free a berth.\n\n## Tides\n\n" +
		"- **Neap tide**: A tide with the least difference between high and low water.\n\n" +
		"The pilot takes the weather into account (i.e. it ignores the calm days) when planning.\n\n### Docks\n\nDefine docks under `harbor.docks`.\n\n" +
		"Every tide table, neap tide, account and dock is logged.\n\n## Key concepts\n\n- Capstan: A drum that hauls a line in.\n\n## Deck gear\n\n" +
		"The crew turns the capstan (a steel wheel on the bow) at dawn. Every capstan is greased.\n"
	ja := "# 港湾用語\n\n- Tide Table Transfer Protocol (TTP): 岸壁どうしが潮汐表を交換するための標準のプロトコル。\n" +
		"- `12:00` (`%t`): 船が着いた時刻です。書式は: `` [day/month] zone = (`+' | `-') `` 港の時刻で記録することもできます。\n\n" +
		"- 係留ディレクティブ: 参照: ディレクティブ。\n- 海図 — 海図 メニューでのキー入力便覧\n\n" +
		"港湾では TTP を使います。時刻の書式は港ごとに決まります。\n\n## 用語の定義\n\n- 係船柱: 船の係留索をつなぐための柱。\n\n## 岸壁\n\n" +
		"作業員は係船柱（岸壁に並ぶ鉄の柱）を点検します。どの係船柱にも番号があります。\n\n" +
		"この岸壁は新しい泊地 (外港の岸壁として) と古い泊地の両方から使えます。" +
		"港が出す書類 (エラーの知らせ、`harbor` における FTP の一覧、`info` の出力、等々) の末尾に署名が付きます。" +
		"名前が `north` の岸壁 (外港の例の 2 番目の設定) が専用の泊地を得たとします。" +
		"名前とは裏腹に、この岸壁にはどんな船でも着けられます。\n\n" +
		"泊地と書類と岸壁と係留ディレクティブと名前は港の台帳に載ります。\n\n" +
		"| 条件 | 記号 |\n| --- | --- |\n| 印のついた入港済みの船舶とマッチ (自動で入港済みの船舶) | `~M` |\n\n" +
		"選ぶ基準:\n\n- 寄港数: 入港や出港の数が多い\n\n寄港数とマッチは台帳で調べます。\n\n" +
		"## 動作環境\n\n- 潮位計: 版 2.1 以降の潮位計が必要です。\n\n潮位計で潮を測ります。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "glossary.md", Content: glossaryPage}, {Path: "moorings.md", Content: manual}})
	cja := pipeline.NewCorpus([]glossary.Document{{Path: "yougo.md", Content: ja}})
	for _, tc := range []struct {
		term, want string
	}{
		{"TTPS", "encrypted way"},
		{"TTP", "standard protocol"},
		{"pilotage clearance", "identity of the pilot"},
		{"bollard", "short post"},
		{"range", "closed interval"},
		{"warping", "hauling on its lines"},
		{"fairlead", "guides a line"},
		{"tab", "page of the chart window"},
		{"neap tide", "least difference"},
		{"capstan", "hauls a line"},
	} {
		if d := define(t, e, c, tc.term); !strings.Contains(d.Text, tc.want) || strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want its gloss %q", tc.term, d.Text, d.Confidence, tc.want)
		}
	}
	for term, not := range map[string]string{
		"TTPS":              "standard protocol",
		"home quay":         "appears to the ships",
		"hawser":            "all optional",
		"locker":            "compliant behavior",
		"quay":              "quay.html",
		"draught":           "state the depth",
		"output":            "outgoing line",
		"tug configuration": "higher number",
		"result":            "third plan",
		"exception":         "Moor field",
		"default":           "quiet mode",
		"value":             "maps a berth name",
		"key":               "quay names",
		"cause":             "pull of the moon",
		"Slack":             "good choice",
		"Tidegit":           "tool of choice",
		"tide extension":    "good example",
		"flotilla":          "valid thing",
		"light tender":      "good way",             // a plural verdict
		"Tidewatch":         "modern alternative",   // to what the sentence before named
		"harbor law":        "sensitive subject",    // how large a subject
		"tide forecaster":   "experimental feature", // a status
		"mark":              "painted mark",
		"home port":         "skipper’s home port", // the term named again
		"warpline":          "warpline type",       // the term as its own kind’s modifier
		"inner basin":       "searched first",      // what is done to it, in passing
		"code":              "to be checked",
		"berth_id":          "berth to free",
		"radius":            "Distance between",
		"berth":             "not empty",
		"sailing":           "charts themselves",
		"towline":           "tugs is given",
		"copy":              "berth notes",
		"rename":            "quay named",
		"matching":          "always ignored",
		"harbor variable":   "no quay is named",
		"tab":               "ycle through",
		"server":            "server subsystem",
		"mooring rule":      "take a look",
		"permit":            "easiest way",
		"halt":              "stop the engines",
		"draft":             "This field",
		"berth file":        "n this example",
		"tug head":          "n this case",
		"tug merge":         "merge-one-berth",
		"tide table":        "daily tables",
		"berth key":         "plain text",
		"chart plotter":     "Works with",
		"gauge firmware":    "or above",
		"account":           "calm days",
		"dock":              "under harbor",
		"Ctrl":              "taken out",
		"chart":             "Key reference",
		"Alt":               "Wind arrows",
	} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
	if d := define(t, e, cja, "書式"); strings.Contains(d.Text, "day/month") && !strings.HasPrefix(d.Text, usedInPrefixJA) {
		t.Errorf("書式: %q (%.2f), want no gloss from the label over a value", d.Text, d.Confidence)
	}
	for term, not := range map[string]string{
		"泊地":        "として",
		"潮位計":       "以降",
		"書類":        "等々",
		"岸壁":        "番目",
		"係留ディレクティブ": "参照",
		"名前":        "裏腹",
		"海図":        "キー入力便覧",
		"マッチ":       "自動で入港済み",
		"寄港数":       "数が多い",
	} {
		wantNoGlossFrom(t, e, cja, usedInPrefixJA, term, not)
	}
	if d := define(t, e, cja, "係船柱"); !strings.Contains(d.Text, "係留索") {
		t.Errorf("係船柱: %q (%.2f), want the entry under 用語の定義", d.Text, d.Confidence)
	}
	if d := define(t, e, cja, "TTP"); !strings.Contains(d.Text, "標準のプロトコル") {
		t.Errorf("TTP in Japanese: %q (%.2f), want the item with its English key", d.Text, d.Confidence)
	}
}

// wantNoGlossFrom fails t when term's definition holds not, unless it is
// only a usage ("Used in: ...", usedIn).
func wantNoGlossFrom(t *testing.T, e *Engine, c *pipeline.Corpus, usedIn, term, not string) {
	t.Helper()
	if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedIn) {
		t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
	}
}

// Glosses that libraries' READMEs (Japanese and English) gave wrongly,
// written again for this test: a reading in kana in parentheses
// (「港湾タグ（こうわんタグ）」), the Japanese name of a longer English phrase
// (「harbor master (ハーバーのマスター)」 glossed master), a bold heading over
// what is said of a part of the term (「係留索の長さは…」) and a heading over
// a sentence that names the term only after a preposition ("... is
// published on tugboat."), a naming of one example ('In this example, the
// east tideway is called a harbor remote', '"dock7" is called the home
// quay'). An item's body that ends in a copula
// (「…の柱です。」) glosses its key, one that ends in a verb (「照合します。」)
// does not unless the key is code or a name in Latin letters (「`--moor`:
// …を係留します。」 says what an option does; 「…してください」 and 「…しま
// しょう」 still do not), and one that ends in a full stop gets no second one; 「検査官は
// …に署名することで、…」 says by what means, not what a 検査官 is; a
// parenthesis that states (「(32 文字が長さの上限)」) is no gloss, one with a
// clause inside a noun phrase (「(船が錨を下ろして待つ水域)」) is, one after
// 「名前ベースの仮想岸壁」 glosses the whole phrase, not 仮想岸壁; a copula
// whose subject is これ (「…、普通はこれが望ましい手順です」) does not define
// the sentence's topic. In an
// English page partly translated, a Japanese item body is
// read as Japanese and ends like Japanese.
func TestLibraryReadmeGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	ja := pipeline.NewCorpus([]glossary.Document{{Path: "readme.ja.md", Content: "# 港湾ライブラリ\n\n" +
		"港湾タグ（こうわんタグ）の規則に従って船を記録します。港湾タグは毎朝記録を読みます。\n\n" +
		"## 用語\n\n- **係船柱**: 岸壁に立つ鉄の柱です。\n- **錨地**: 照合します。\n- **曳航**: 船を綱で引く作業 (towing).\n" +
		"- `--moor`: 空いている岸壁に船を係留します。\n- `berthctl`: `berthctl status` を実行してください。\n- **tidewatch**: 毎朝潮位を記録しましょう。\n\n" +
		"係船柱に船をつなぎます。--moor で船をつなぎます。berthctl を使います。tidewatch を入れます。錨地で船が待ちます。曳航は朝に行います。master は毎朝港に来ます。\n\n" +
		"検査官は書類に署名することで、積荷の安全を保証しています。\n\n" +
		"船には荷札 (32 文字が長さの上限) を付けます。荷札は毎朝読みます。\n\n" +
		"船は泊地 (船が錨を下ろして待つ水域) に入ります。\n\n" +
		"港では名前ベースの仮想岸壁 (一つの岸壁に複数の船を割り当てる仕組み) を使います。仮想岸壁は便利です。\n\n" +
		"検疫は、通常すべての船に対して行われ、普通はこれが望ましい手順です。\n\n" +
		"## 例外\n\n**係留索**\n\n係留索の長さは毎朝測ります。\n\n## 係船\n\n係留索で船をつなぎます。\n"}})
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "港湾タグ", "こうわんタグ")
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "係留索", "長さは")
	for term, want := range map[string]string{"係船柱": "岸壁に立つ鉄の柱です。", "曳航": "船を綱で引く作業 (towing)."} {
		if d := define(t, e, ja, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want its item %q", term, d.Text, d.Confidence, want)
		}
	}
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "錨地", "照合します")
	// What an option does, said with a verb, glosses it; a request or an
	// invitation does not.
	if d := define(t, e, ja, "--moor"); d.Text != "空いている岸壁に船を係留します。" {
		t.Errorf("--moor: %q (%.2f), want its item", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "berthctl", "実行して")
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "tidewatch", "記録しましょう")
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "荷札", "長さの上限")
	wantNoGlossFrom(t, e, ja, usedInPrefixJA, "仮想岸壁", "割り当てる仕組み")
	if d := define(t, e, ja, "泊地"); d.Text != "船が錨を下ろして待つ水域。" {
		t.Errorf("泊地: %q (%.2f), want the parenthesis that names it", d.Text, d.Confidence)
	}
	if d := define(t, e, ja, "検疫"); d.Confidence >= 0.7 {
		// 「…、普通はこれが望ましい手順です」: the copula's subject is これ.
		t.Errorf("検疫: %q (%.2f), want no definition from 「これが望ましい手順です」", d.Text, d.Confidence)
	}
	if d := define(t, e, ja, "検査官"); d.Confidence >= 0.7 {
		// 「…することで、」 says by what means, not what it is: at most
		// a describing sentence.
		t.Errorf("検査官: %q (%.2f), want no definition from 「署名することで」", d.Text, d.Confidence)
	}
	// A page in English partly translated into Japanese.
	mixed := pipeline.NewCorpus([]glossary.Document{{Path: "roles.md", Content: "# Harbor roles\n\n" +
		"This page is partly translated. The harbor master checks every ship, and a master commands one ship.\n\n## Roles\n\n" +
		"- **harbor master (ハーバーのマスター)**:\n  現在港を管理している人です。\n- **master (マスター)**: 船を指揮する船長です。\n\n" +
		"The master signs the log every morning. The harbor master reads the log at noon.\n"}})
	if d := define(t, e, mixed, "master"); d.Text != "船を指揮する船長です。" {
		t.Errorf("master: %q (%.2f), want its own item, ending in Japanese", d.Text, d.Confidence)
	}
	en := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# harborlib\n\n" +
		"harborlib reads tide tables for tugboat crews. Every tugboat crew reads the tide tables.\n\n## Installation\n\n### tugboat\n\n" +
		"harborlib is published under the name `harbor-lib` on tugboat.\n\n```sh\ntugboat add harbor-lib\n```\n\n### From source\n\nClone the repository.\n\n" +
		"## Remotes\n\nIn this example, the east tideway is called a harbor remote, or a remote for short. " +
		"\"dock7\" is called the home quay. Every harbor remote and every home quay is listed.\n\n" +
		"## Tide Console\n\nTide tables can be printed from the tide console using `harborlib`.\n\n## Tides\n\nEach tide table is dated. Close the tide console after use.\n"}})
	wantNoGlossFrom(t, e, en, usedInPrefixEN, "tugboat", "published under")
	// An article between the preposition and the term changes nothing.
	wantNoGlossFrom(t, e, en, usedInPrefixEN, "tide console", "printed from")
	easy := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# tidejs\n\ntidejs reads tide tables.\n\n" +
		"### Tide API\n\nIt's easy to use the tide API to parse, check and print tide tables.\n\n## Tables\n\nEvery tide table is read with the tide API.\n"}})
	// How easy it is to use says nothing of what it is.
	wantNoGlossFrom(t, e, easy, usedInPrefixEN, "tide API", "easy to use")
	wantNoGlossFrom(t, e, en, usedInPrefixEN, "harbor remote", "east tideway")
	wantNoGlossFrom(t, e, en, usedInPrefixEN, "home quay", "dock7")
}

// Glosses that a web framework's reference pages gave wrongly, written
// again for this test: a list of pages whose items say what each page
// covers ("[Berths](./Berths.md): Explains the berth API ..."), an option's
// status ("Deprecated, use ..."), a value in code ("`Deep` (12) - the
// deepest keel"), a heading whose paragraph belongs to its sub-heading ("####
// Parsers" over "##### RawCargo"), code that names a parameter spelled like
// the term ("`errors` is an array of ...", "*`source`* is ..."), a table of contents under a
// heading ("[Cargo](#cargo-object)"), a sentence about a diagram, a heading
// over where the term is set ("Constraints are specified in ...") and an
// option value that says what to do ("Trust only the given quay.") or a
// heading over a sentence that uses the term only to qualify another noun
// ("... various ledger engines"), a key over a list of links ("Tide
// scripts: [tide-high.js](...), [tide-low.js](...)"), an item that lists
// the values of its key ("Currently one of ...") or names who maintains it
// ("Wren Talmadge (<wren@example.org>)"). A
// paragraph after an "Overview" sub-heading still glosses its parent, an
// option's own description glosses it, "This folded field is a list of
// manifest crates." glosses the heading over it (pointing back to it) and
// a function in code is the term.
func TestFrameworkReferenceGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{{Path: "reference.md", Content: "# Tugline\n\n" +
		"Tugline routes ships to berths and quays. A towline and a cargo manifest go with each ship.\n\n## Reference\n\n" +
		"- [Berths](./Berths.md): Explains the berth API and how berths are assigned.\n" +
		"- [Quays](./Quays.md): Details the quay object passed to each handler.\n\n" +
		"## Options\n\n- `context` - Deprecated, use `berth.options` instead.\n- `draught`: `Deep` (12) - the deepest keel\n" +
		"- `towline` - The rope that a tug pulls a ship with.\n- `string`: Trust only the given quay.\n" +
		"- `hull`: Currently one of `steel`, `wood` or `fiberglass`, see the registry for codes.\n" +
		"- `dredger`: Wren Talmadge (<wren@example.org> / @wren)\n\n" +
		"## Constraints\n\nConstraints are specified in the `constraints` property of the berth options.\n\n" +
		"## Tide level\n\nThe tide level can be set per berth.\n\nEvery tide level is read at dawn.\n\n" +
		"## Ledger\n\nTugline provides a handful of plugins for connecting to various ledger engines.\n\n" +
		"Tide scripts: [tide-high.js](./examples/tide-high.js), [tide-low.js](./examples/tide-low.js), [tide-mid.js](./examples/tide-mid.js)\n\nA tide script runs at dawn.\n\n" +
		"## Fields\n\n### `Manifest`\n\nThis folded field is a list of manifest crates. Its syntax and meaning vary by the ship file.\n\n" +
		"#### Parsers\n\n##### RawCargo\n\nA generic type that is either a string or a crate.\n\n" +
		"## Moorings\n\n### Overview\n\nThe places where ships are tied up along the quay.\n\n" +
		"## Berth errors\n\n`errors` is an array of berth errors. *`source`* is a value expression that names the berth.\n\n`timeout(seconds)` returns the time a tug waits for a berth.\n\n" +
		"`.harborrc` is the file where the harbor tool reads its settings.\n\n" +
		"## Cargo\n\n- [Cargo](#cargo-object)\n- [Crates](#crates)\n\nEach berth has a source, a draught, a context, a string, a ledger, a manifest, a hull, a dredger and a parser. A constraint limits a berth. A timeout ends the wait.\n\n" +
		"## Lifecycle\n\nThis diagram shows the internal lifecycle of a berth.\n\n## Quays\n\nEvery lifecycle starts at the quay. Errors stop it.\n"}})
	for term, not := range map[string]string{
		"berth":       "Explains the berth",
		"quay":        "Details the quay",
		"context":     "Deprecated",
		"draught":     "deepest keel",
		"parser":      "generic type",
		"error":       "array of berth errors",
		"lifecycle":   "This diagram",
		"string":      "Trust only",
		"constraint":  "specified in",
		"ledger":      "handful of plugins",
		"tide script": "tide-high.js",
		"hull":        "Currently one of",
		"dredger":     "Wren Talmadge",
		"source":      "value expression",
	} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
	if d := define(t, e, c, "tide level"); d.Confidence >= 0.6 {
		// Where it is set is at most a describing sentence, not the
		// heading's gloss.
		t.Errorf("tide level: %q (%.2f), want no heading gloss from \"can be set\"", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "cargo"); d.Text == "Cargo" || d.Text == "Cargo." {
		t.Errorf("cargo: %q, want no gloss from the table of contents", d.Text)
	}
	for term, want := range map[string]string{
		"towline": "The rope that a tug pulls a ship with.",
		"mooring": "The places where ships are tied up along the quay.",
		"timeout": "timeout(seconds) returns the time a tug waits for a berth.",
		// A dotfile in code keeps its dot: the term, not a sigil's name.
		".harborrc": ".harborrc is the file where the harbor tool reads its settings.",
		"Manifest":  "This folded field is a list of manifest crates.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// TestManualPageNames: a manual page's NAME that names several things,
// wrapped as man prints it ("stat, fstat, lstat, fstatat - get file
// status", 「clone, clone2 - 子プロセスを作成する」), glosses each of them; a
// line of names elsewhere is no gloss. The pages are written for this test.
func TestManualPageNames(t *testing.T) {
	t.Parallel()
	en := "BERTHCTL(8)        System Manager's Manual        BERTHCTL(8)\n\nNAME\n" +
		"       berthctl,  quayctl, tidectl - control the berths of a\n       harbour from the command line\n\n" +
		"DESCRIPTION\n       Run berthctl as root. Run quayctl at dawn. Run tidectl at dusk.\n\n" +
		"       Red, green - the colours of the harbour lights\n\n       Red marks port. Green marks starboard.\n\n" +
		"Harbour 1.0          2026-11-30          BERTHCTL(8)\n"
	ja2 := "TIDE(3)        Linux Programmer's Manual        TIDE(3)\n\n名前\n" +
		"       tide_open,        tide_read,        tide_close        -\n       潮位表を読む\n\n説明\n       これらの関数は岸壁ごとの潮位表を読み取り、結果を構造体に格納する。\n       tide_open() を呼ぶ。tide_close() を呼ぶ。\n\nLinux          2026-11-30          TIDE(3)\n"
	ja := "MOOR(2)        Linux Programmer's Manual        MOOR(2)\n\n名前\n" +
		"       moor, unmoor - 船を岸壁に\n       係留する\n\n説明\n       moor() を呼ぶ。unmoor() を呼ぶ。\n\nLinux          2026-11-30          MOOR(2)\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "berthctl.8.txt", Content: en}, {Path: "moor.2.txt", Content: ja}, {Path: "tide.3.txt", Content: ja2}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"berthctl":   "Control the berths of a harbour from the command line.",
		"quayctl":    "Control the berths of a harbour from the command line.",
		"tidectl":    "Control the berths of a harbour from the command line.",
		"moor":       "船を岸壁に係留する。",
		"unmoor":     "船を岸壁に係留する。",
		"tide_open":  "潮位表を読む。",
		"tide_close": "潮位表を読む。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confDescribe {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Red", "the colours")
}

// TestManualPageText: a manual page saved as text is read whole: every
// paragraph of a section (indented as man prints it, the second and later
// ones were read as code), words man broke at a line's end joined, and its
// header and footer lines no sentences. The synopsis stays code. The page
// is written for this test.
func TestManualPageText(t *testing.T) {
	t.Parallel()
	doc := "BERTHCTL(8)        System Manager's Manual        BERTHCTL(8)\n\nNAME\n" +
		"       berthctl - control the berths of a harbour\n\n" +
		"SYNOPSIS\n       berthctl [-q] berth\n\n       const char *berth_name(int berth);\n\n" +
		"DESCRIPTION\n       berthctl assigns ships to berths.\n\n" +
		"       A  fairlead  is a fitting that guides a mooring line to its bol\u2010\n" +
		"       lard.  Each berth has two fairleads.\n\n" +
		"   Tides\n       The tide gauge is read at dawn.\n\n" +
		"Harbour 1.0          2026-11-30          BERTHCTL(8)\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "berthctl.8.txt", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "fairlead"); d.Text != "A fairlead is a fitting that guides a mooring line to its bollard." {
		t.Errorf("fairlead: %q (%.2f)", d.Text, d.Confidence)
	}
	ix := buildIndex(c.Docs)
	for _, s := range ix.sentences {
		for _, not := range []string{"Manual", "2026-11-30", "const char", "[-q]"} {
			if strings.Contains(s.text, not) {
				t.Errorf("sentence %q: the page's header, footer or synopsis read as text", s.text)
			}
		}
	}
	if len(ix.headings[normKey("Tides")]) != 1 {
		t.Errorf("the subsection title Tides is no heading: %v", ix.headings)
	}
}

// TestKeyLineUnderCompatibility: under "Compatibility" (or "Limitations"),
// a key line says what works ("**Node.js:** Only current versions are
// supported."), as an item there does, not what its key is. The page is
// written for this test.
func TestKeyLineUnderCompatibility(t *testing.T) {
	t.Parallel()
	doc := "# Harbour tools\n\nThe tools read tide gauges.\n\n## Compatibility\n\n**Tide gauge:** Only gauges sold since 2010 are supported. " +
		"Older gauges may fail.\n\n## Use\n\nEach tide gauge is read at dawn. A tide gauge is checked every week.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	if d := define(t, newEngine(t), c, "tide gauge"); strings.Contains(d.Text, "Only gauges") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("tide gauge: %q (%.2f), want no gloss from the compatibility note", d.Text, d.Confidence)
	}
}

// TestAvailabilityLines: "Availability: Unix, not Emscripten." under a
// call's heading (Python's library reference) says where the call runs,
// not what availability is. The page is written for this test.
func TestAvailabilityLines(t *testing.T) {
	t.Parallel()
	doc := "# quay\n\n## quay.moor\n\nMoor a ship.\n\nAvailability: Tidal, not Quaylinux.\n\n## quay.tow\n\nTow a ship.\n\n" +
		"Availability: Not Quaylinux, not Harborwasm.\n\nThe availability of each call depends on the harbour.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}})
	if d := define(t, newEngine(t), c, "availability"); strings.Contains(d.Text, "Quaylinux") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("availability = %q (%.2f), want no gloss from an availability line", d.Text, d.Confidence)
	}
}

// TestEmphasisedParameters: Python's reference names a function's
// parameters in emphasis at a sentence's start ("*access* is an integer
// that ..."): what the parameter is, not what the word means, while the
// glossary's entry still defines it. The page is written for this test.
func TestEmphasisedParameters(t *testing.T) {
	t.Parallel()
	doc := "# quay\n\n## quay.OpenBerth\n\nOpens the specified berth.\n\n" +
		"*access* is an integer that specifies an access mask for the berth.\n\n" +
		"*loader* is the instance of TideLoader doing the loading.\n\n" +
		"## Glossary\n\n- loader: An object that loads a tide table.\n\nAccess to the quay is logged. Each loader is checked.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "access"); d.Confidence >= confDescribe {
		t.Errorf("access = %q (%.2f), want no definition from the parameter", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "loader"); d.Text != "An object that loads a tide table." {
		t.Errorf("loader = %q, want the glossary's entry", d.Text)
	}
	// A project's name in emphasis under its page's title ("# *attrs*:
	// Classes Without Boilerplate" over "*attrs* is the Python package
	// that ...") is no parameter.
	home := "# *quayattrs*: Berths Without Boilerplate\n\n*quayattrs* is the Python package that writes berth classes for you.\n\nInstall quayattrs. Use quayattrs daily.\n"
	ch := pipeline.NewCorpus([]glossary.Document{{Path: "index.md", Content: home}})
	if d := define(t, e, ch, "quayattrs"); d.Text != "quayattrs is the Python package that writes berth classes for you." {
		t.Errorf("quayattrs = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	// Nor is a program's name that a manual's chapter title names
	// ("# Chapter 3. Using APT and wget" over "*wget* is a popular and
	// portable download tool ...", DocBook's emphasis).
	chapter := "# Chapter 3. Using Tides and tidewget\n\n## 3.1. Overview\n\n" +
		"*tidewget* is a popular and portable download tool that can run on nearly any quay.\n\nRun tidewget daily.\n"
	cc := pipeline.NewCorpus([]glossary.Document{{Path: "ch3.md", Content: chapter}})
	if d := define(t, e, cc, "tidewget"); !strings.HasPrefix(d.Text, "tidewget is a popular") || d.Confidence < 0.7 {
		t.Errorf("tidewget = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// TestSignatureParameters: items under an item keyed by a call's
// signature name its parameters ("- `hash`: This can be a bool or None."
// under "- field(*, default=MISSING, hash=None): ...", or under "-
// Parameters" under "- add_js_file(filename: Optional[str]) → None"):
// they gloss no word.
// The page is written for this test.
func TestSignatureParameters(t *testing.T) {
	t.Parallel()
	doc := "# quaylib\n\n- quaylib.berth(*, default=MISSING, hash=None, compare=True): Declares a berth.\n" +
		"  - `hash`: This can be a bool or None. If true, the berth is hashed.\n" +
		"  - `compare`: If true, the berth is compared.\n\n- `tidemon`: Reads the tide gauge.\n  - `gauge`: A post that shows the water level.\n\n" +
		"- `Quay.add_light(filename: Optional[str], priority: int = 500) → None`: Register a light to show at night.\n" +
		"  - Parameters\n    - **filename** – The name of a lamp file that the default light will show.\n" +
		"    - **priority** – Lights are shown in ascending order of priority.\n\n" +
		"- `quaylib.Harbour([options])`: The core component of quaylib. Here are the possible parameters:\n" +
		"  - lamp_end_string: The string marking the end of a lamp block.\n  - tide: The tide to wait for.\n\n" +
		"- **berth_match (default: shipname)**: How the pilot checks a ship.\n  - shipname: Match against the name painted on the hull of the ship.\n\n" +
		"A hash of every berth is kept in the ledger. Each gauge is read at dawn. Every filename is short. Each shipname is painted. Set lamp_end_string.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quaylib.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "hash"); strings.Contains(d.Text, "bool or None") {
		t.Errorf("hash = %q, want no gloss from the parameter", d.Text)
	}
	// Typed parameters, listed under "Parameters" under the signature
	// (Sphinx's API pages).
	if d := define(t, e, c, "filename"); strings.Contains(d.Text, "lamp file") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("filename = %q, want no gloss from the parameter", d.Text)
	}
	// A parameter named with an identifier, not a word, is glossed by its
	// item (Jinja's Environment options).
	if d := define(t, e, c, "lamp_end_string"); d.Text != "The string marking the end of a lamp block." {
		t.Errorf("lamp_end_string = %q (%.2f), want its item", d.Text, d.Confidence)
	}
	// A setting with its default in parentheses is no call.
	if d := define(t, e, c, "shipname"); !strings.Contains(d.Text, "painted on the hull") || d.Confidence < confGloss {
		t.Errorf("shipname = %q (%.2f), want its item", d.Text, d.Confidence)
	}
	// A sub-item under an item that is no signature still glosses.
	if d := define(t, e, c, "gauge"); d.Text != "A post that shows the water level." {
		t.Errorf("gauge = %q, want its item", d.Text)
	}
}

// A manual's numbered section ("8.1.1. dpkg", DocBook's) is about its
// name: a first sentence that says what it is through a pronoun glosses it,
// the name put in the pronoun's place; one that only discusses it does not.
func TestNumberedSections(t *testing.T) {
	t.Parallel()
	en := "# Harbor tools\n\n## 8.1. Which tools are there?\n\n### 8.1.1. quayctl\n\n" +
		"This is the main berth management program. **quayctl** can be invoked with many options.\n\n" +
		"### 8.1.2. Mooring lines\n\nMooring lines wear out faster in salt water than in fresh water, and they stretch when wet.\n\n" +
		"### 8.1.3. Tide table\n\nThe times of high water at the harbor mouth are printed for each day of the month.\n\n" +
		"### 8.1.4. Moorable\n\nThis is a boolean field which may occur only in a berth file.\n\n" +
		"Every captain uses quayctl. Each berth has mooring lines. The tide table is posted daily. Set moorable to yes.\n"
	ja := "# 港湾ツール\n\n## 8.1. どんなツールがありますか?\n\n### 8.1.1. berthd\n\n" +
		"これは主要な係留管理プログラムです。berthd は多数のオプションを指定して実行することができます。\n\n" +
		"すべての船長が berthd を使います。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tools.md", Content: en}, {Path: "tools-ja.md", Content: ja}})
	e := newEngine(t)
	for _, tc := range []struct{ term, want string }{
		{"quayctl", "quayctl is the main berth management program."},
		{"berthd", "berthd は主要な係留管理プログラムです。"},
		// The name as the heading spells it.
		{"moorable", "Moorable is a boolean field which may occur only in a berth file."},
	} {
		if d := define(t, e, c, tc.term); d.Text != tc.want || d.Confidence < 0.7 {
			t.Errorf("%s = %q [%.2f], want %q at 0.7 or more", tc.term, d.Text, d.Confidence, tc.want)
		}
	}
	for _, term := range []string{"mooring line", "tide table"} {
		if d := define(t, e, c, term); d.Confidence >= 0.5 {
			t.Errorf("%s = %q [%.2f], want no gloss from the section's discussion", term, d.Text, d.Confidence)
		}
	}
}

// An English passage under a heading of a Japanese page is foreign
// evidence, as the passage's own definitions are: it does not crowd out
// the definitions the page's other copies give (developers-reference's
// untranslated "1.3.1. debhelper", in its one-page and chapter forms).
func TestForeignHeadingPassage(t *testing.T) {
	t.Parallel()
	doc := "# ツール\n\nパッケージ作成を助けるツールを紹介します。\n\n### 1.3.1. `quayhelper`\n\n" +
		"`quayhelper` is a collection of programs that can be used in harbor rules to automate common berth tasks.\n\n" +
		"他のツールも `quayhelper` と一緒に使えます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tools.md", Content: doc}, {Path: "index.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "quayhelper"); d.Confidence != confAgreed {
		t.Errorf("quayhelper = %q [%.2f], want the definition both pages give at %.2f", d.Text, d.Confidence, confAgreed)
	}
}

// An item that glosses its key through a pronoun reads with the key in
// the pronoun's place (Debian Policy's "upstream_version: This is the main
// part of the version number.").
func TestItemPronounGloss(t *testing.T) {
	t.Parallel()
	en := "# Berth numbers\n\n- `berth_version`: This is the main part of the berth number.\n\nEach berth_version is printed.\n"
	ja := "# 番号\n\n- 潮位番号: これは潮位表の主要な番号です。\n\n毎朝、潮位番号を読む。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "numbers.md", Content: en}, {Path: "numbers-ja.md", Content: ja}})
	e := newEngine(t)
	for _, tc := range []struct{ term, want string }{
		{"berth_version", "berth_version is the main part of the berth number."},
		{"潮位番号", "潮位番号は潮位表の主要な番号です。"},
	} {
		if d := define(t, e, c, tc.term); d.Text != tc.want {
			t.Errorf("%s = %q, want %q", tc.term, d.Text, tc.want)
		}
	}
}

// "## Installation" over "This is a Node.js module available through the
// npm registry." (a README's boilerplate) says what the package is, not
// installation: a pronoun glosses a section's name only when it is no
// everyday word nor an introduction's title (「概要」).
func TestPronounUnderEverydayHeading(t *testing.T) {
	t.Parallel()
	doc := "# quaylib\n\n## Installation\n\nThis is a Node.js module available through the npm registry.\n\n" +
		"## quayd\n\nThis is the daemon that watches the berths.\n\n" +
		"Every installation is logged. The installation takes a minute. Each quayd is watched.\n"
	ja := "# quaytool\n\n## 1. 概要\n\nこれは Rust 製の高速な係留管理ツールです。\n\n## インストール\n\nこれは npm レジストリで配布されているモジュールです。\n\n" +
		"概要を読む。インストールは簡単です。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}, {Path: "README.ja.md", Content: ja}})
	e := newEngine(t)
	for _, tc := range []struct{ term, not string }{{"概要", "係留管理ツール"}, {"インストール", "npm レジストリ"}} {
		if d := define(t, e, c, tc.term); strings.Contains(d.Text, tc.not) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s = %q, want no gloss from the package's summary", tc.term, d.Text)
		}
	}
	if d := define(t, e, c, "installation"); strings.Contains(d.Text, "npm registry") {
		t.Errorf("installation = %q, want no gloss from the package's summary", d.Text)
	}
	if d := define(t, e, c, "quayd"); d.Text != "quayd is the daemon that watches the berths." {
		t.Errorf("quayd = %q, want the pronoun gloss", d.Text)
	}
}

// 'What about "sid"?' asks what its name is, as "What is sid?" does; and
// "sid or unstable is the place where ..." says what sid is, the other
// name an alternative (the Debian FAQ).
func TestWhatAboutAndAlternativeSubjects(t *testing.T) {
	t.Parallel()
	doc := "# Harbor FAQ\n\n## 6.3. What about \"slipway\"?\n\nThe ramp on which hulls are built, next to the dry dock.\n\n" +
		"## 6.5. What is a tender?\n\nA boat that is used to carry crews between ships and the quay.\n\n" +
		"## 6.4. Mooring\n\n*bollard* or *cleat* is the post where mooring lines are made fast.\n\n" +
		"Every slipway is inspected. Each bollard is painted. Every tender is numbered.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "faq.md", Content: doc}})
	e := newEngine(t)
	for _, tc := range []struct{ term, want string }{
		{"slipway", "The ramp on which hulls are built, next to the dry dock."},
		{"bollard", "bollard or cleat is the post where mooring lines are made fast."},
		// A numbered question's answer, a noun phrase with a relative
		// clause ("that is used"), is no manual's prose.
		{"tender", "A boat that is used to carry crews between ships and the quay."},
	} {
		if d := define(t, e, c, tc.term); d.Text != tc.want || d.Confidence < confGloss {
			t.Errorf("%s = %q [%.2f], want %q", tc.term, d.Text, d.Confidence, tc.want)
		}
	}
}

// A superscript or a trademark sign goes with the name it follows
// ("GOsa² is a web based management tool", Debian Edu's manual), and a
// name with inner capitals is spelled as it is: "an entry called Gosa"
// names a menu entry, not GOsa.
func TestNameSignsAndInnerCapitals(t *testing.T) {
	t.Parallel()
	doc := "# Tools\n\nGQuay² is a web based tool that manages the berths of a harbor.\n\nOpen GQuay² daily.\n\n" +
		"To ease the access of TideOS, an entry called Tideos is provided in the desktop menu.\n\nTideOS runs on every pier. Install TideOS.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tools.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "GQuay"); d.Text != "GQuay² is a web based tool that manages the berths of a harbor." || d.Confidence < confExplicit {
		t.Errorf("GQuay = %q [%.2f], want its definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "TideOS"); strings.Contains(d.Text, "entry called") {
		t.Errorf("TideOS = %q [%.2f], want no gloss from the menu entry's name", d.Text, d.Confidence)
	}
}

// A manual rendered as plain text (APT's guide.ja.text, a manual page as
// `man` prints it) sets every paragraph in from the margin: read as it is,
// each was a code block and the document defined nothing. The texts are
// written for this test.
func TestIndentedPlainTextIsProse(t *testing.T) {
	t.Parallel()
	ja := "タイドガイド\n\n第1章 全般\n\n    tidectl は潮位表を読むためのコマンドラインツールで、どの港でも\n\u00a0\u00a0\u00a0 使えます。\n\n" +
		"    潮位表は毎朝更新されます。tidectl を実行してください。\n"
	en := "NAME\n       quayd - moor ships\n\nDESCRIPTION\n       quayd is a daemon that moors ships at the berth given.\n\n" +
		"       Run quayd once per harbour. Every quayd logs its berths.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "guide.ja.text.txt", Content: ja}, {Path: "quayd.8.txt", Content: en}})
	e := newEngine(t)
	if d := define(t, e, c, "tidectl"); !strings.Contains(d.Text, "コマンドラインツール") || d.Confidence < 0.7 {
		t.Errorf("tidectl: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "quayd"); !strings.Contains(d.Text, "daemon that moors") || d.Confidence < 0.7 {
		t.Errorf("quayd: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// A list of a system's accounts ("- list: Mailing list archives are owned
// by this user and group.", the Securing Debian manual's users and groups,
// in English and in Japanese)
// says what an account is for, not what the word means. The text is
// written for this test.
func TestAccountItemsAreNoGlosses(t *testing.T) {
	t.Parallel()
	doc := "# Users and groups\n\n" +
		"- list: Tide list archives and data are owned by this user and group. Some list programs run as this user.\n" +
		"- tty: TTY devices are owned by this group.\n" +
		"- berth: Berth files in /var/berth are owned by group berth.\n" +
		"- quay: A quay is a structure where ships berth.\n\n" +
		"Every list is kept. Every tty is slow. Every berth has a number. Every quay is long.\n"
	ja := "# ユーザとグループ\n\n" +
		"- tide: 潮位表のアーカイブとデータはこのユーザおよびグループによって所有されます。\n" +
		"- dock: /var/dock の中の台帳は dock グループによって所有されています。\n\n" +
		"tide を読む。dock を使う。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "users.md", Content: doc}, {Path: "users-ja.md", Content: ja}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "list", "owned by")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tty", "owned by")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "owned by")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "tide", "所有")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "dock", "所有")
	if d := define(t, e, c, "quay"); !strings.Contains(d.Text, "structure where ships berth") {
		t.Errorf("quay: %q, want its item", d.Text)
	}
}

// A field's item whose body is only its syntax ("**Tests:**
// *name-of-test [name-of-another-test ...]*", autopkgtest's control
// fields) says how the value is written, not what the word means. The
// text is written for this test.
func TestSyntaxTemplateItemsAreNoGlosses(t *testing.T) {
	t.Parallel()
	doc := "# Harbour control fields\n\n" +
		"- **Berths:** *name-of-berth [name-of-another-berth ...]*\n\n" +
		"  This field names the berths where the ship may moor.\n\n" +
		"- **Moorings:** `<mooring-id> [<mooring-id> ...]`\n\n" +
		"  Lists the moorings a ship may use.\n\n" +
		"- **Quay:** A quay is a structure where ships berth.\n\n" +
		"Every berth has a number. Every mooring is checked. Every quay is long.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "fields.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "name-of")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "mooring", "mooring-id")
	if d := define(t, e, c, "quay"); !strings.Contains(d.Text, "structure where ships berth") {
		t.Errorf("quay: %q, want its item", d.Text)
	}
}

func TestSyntaxTemplate(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]bool{
		"name-of-test [name-of-another-test ...]":           true,
		"*restriction-name [another-restriction-name ...]*": true,
		"`<mooring-id> [<mooring-id> ...]`":                 true,
		"<id>...":                                           true,
		"name-of-test":                                      false, // no brackets, no ellipsis: a word
		"see the [well-known] list":                         false,
		"a built-in tool ...":                               false,
		"Name-of-Test [Other-Name ...]":                     false,
		"[RFC-822] dates":                                   false,
	} {
		if got := syntaxTemplate(body); got != want {
			t.Errorf("syntaxTemplate(%q) = %v, want %v", body, got, want)
		}
	}
}

// An item of a section titled "Options" ("8.6.3. Options", GIMP's filter
// pages) is a control of a dialog: a plain word's item glosses it only
// when its body says what the word is ("A threshold is ...", "Scale factor
// to adjust ..."), not what the control does ("Horizontal: Renders near
// horizontal edges.") or what happens ("Black: The mask is black in the
// Layers dialog.", "Border: When the first pixel is on a border, ...").
// The text is written for this test.
func TestOptionSectionItems(t *testing.T) {
	t.Parallel()
	doc := "# Tide edge filter\n\n## 8.6.1. Overview\n\nThe tide edge filter finds the edges of a chart.\n\n#### 8.6.3. Options\n\n" +
		"**Figure 17.171. Tide edge filter options**\n\n" +
		"- **Horizontal**: Renders near horizontal edges.\n" +
		"- **Black**: The mask is black in the Layers dialog.\n" +
		"- **Border**: When the first pixel is on a border, a part of the kernel is out of the chart.\n" +
		"- **Ripple**: By clicking on this icon, you can pick another ripple.\n" +
		"- **Zoom**: Scale factor to adjust the rendering size.\n" +
		"- **Threshold**: A threshold is the value below which a pixel turns black.\n\n" +
		"#### 8.6.4. Notes\n\nEvery border is drawn. Each threshold is set. Horizontal edges show. The zoom is high. Black pixels show. Every ripple moves.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "edge.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"horizontal": "Renders", "black": "mask is black", "border": "first pixel", "ripple": "clicking"} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
	for term, want := range map[string]string{"zoom": "Scale factor", "threshold": "value below which"} {
		if d := define(t, e, c, term); !strings.Contains(d.Text, want) {
			t.Errorf("%s = %q (%.2f), want its item", term, d.Text, d.Confidence)
		}
	}
}

// A figure's caption in bold under a heading ("#### Safety costs" over
// "**Figure 2.12. Safety cost levels**", aptitude's manual; 「**図3.9 ドッ
// ク内のダイアログ**」 under 「タブメニュー」, GIMP's) is no gloss of the
// heading: the paragraph after it is. The text is written for this test.
func TestFigureCaptionIsNoGloss(t *testing.T) {
	t.Parallel()
	doc := "# Berths\n\n#### Berth costs\n\n**Figure 2.12. Berth cost levels**\n\n" +
		"Berth costs can be thought of as a way of ranking berths into numbered levels.\n\nEvery berth cost is paid.\n"
	ja := "# 港\n\n#### 係留メニュー\n\n**図3.9 岸壁内の係留ダイアログ**\n\n係留メニューで岸壁の表示を切り替えられます。\n\n係留メニューを開く。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "costs.md", Content: doc}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth cost", "cost levels")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "係留メニュー", "図3.9")
}

// The same in a Japanese manual ("8.6.3. オプション", GIMP's help in
// Japanese, whose items are partly left in English): an English body
// says what the control does under a Japanese key as well. The text is
// written for this test.
func TestOptionSectionItemsInJapanese(t *testing.T) {
	t.Parallel()
	doc := "# 潮位フィルター\n\n#### 8.6.1. 概観\n\n潮位フィルターは海図の縁を見つけます。\n\n#### 8.6.3. オプション\n\n" +
		"**図 17.171 潮位フィルターのオプション**\n\n" +
		"- 水平: Renders near horizontal edges.\n" +
		"- 係留: By clicking on this icon, you can pick another berth.\n" +
		"- 半径: ブラシの中心から外縁までの横方向の距離です。\n\n" +
		"#### 8.6.4. 注意\n\n水平の縁を描く。係留を選ぶ。半径を決める。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "edge.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "水平", "Renders")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "係留", "clicking")
	if d := define(t, e, c, "半径"); !strings.Contains(d.Text, "横方向の距離") {
		t.Errorf("半径 = %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// An item whose body tells the reader what to do with a control ("Width:
// With this choice you can fix the width of the selection.", "Image size:
// Here you set the Width and Height ...", "Source: By clicking on an
// element ...", "Stroke: TODO (work in progress).", "Buttons: Zoom Out,
// Zoom In and Zoom 1:1 are self explanatory.", GIMP's dialogs) says
// nothing of what the word means, under any heading. The text is written
// for this test.
func TestHowToItemsAreNoGlosses(t *testing.T) {
	t.Parallel()
	doc := "# New chart\n\n## The dialog\n\n" +
		"- **Width**: With this choice you can fix the width of the chart.\n" +
		"- **Chart size**: Here you set the width and height of the new chart.\n" +
		"- **Source**: By clicking on an element of a chart, you choose the chart which will be moved.\n" +
		"- **Stroke**: TODO (work in progress).\n" +
		"- **Square**: Then you get pieces made with straight lines.\n" +
		"- **Active chart**: Usually, you activate a chart, to work on it, clicking it in the chart list.\n" +
		"- **Buttons**: Zoom Out Zoom In and Zoom 1:1 are self explanatory.\n" +
		"- **Margin**: The blank space around the chart.\n\n" +
		"Every width is fixed. The chart size is small. Each source is named. Every stroke is thin. A square is drawn. The margin is white. The active chart is shown. Every button is round.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "new.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"width": "With this choice", "chart size": "Here you set", "source": "By clicking",
		"stroke": "TODO", "square": "Then you get", "active chart": "you activate", "button": "self explanatory"} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
	if d := define(t, e, c, "margin"); !strings.Contains(d.Text, "blank space") {
		t.Errorf("margin = %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// TestManualPageNameIsExact: a manual page's NAME glosses the names it
// lists as written: "quays - 岸壁の静的な一覧" is the file quays, not what
// a quay is, and "tpm - Tide Power Management (TPM) BIOS に問い合わせる"
// is the command tpm, not TPM; help2man's "manual page for moorctl 1.2"
// says what the page is; the FILES section's first line is no gloss of
// "FILE"; and a Japanese parenthesis after a noun that a clause modifies
// (「…が試みられるコマンド (関数の第 1 引き数)」) says which one, not what
// a command is. The pages are written for this test.
func TestManualPageNameIsExact(t *testing.T) {
	t.Parallel()
	quays := "QUAYS(5)        Linux Programmer's Manual        QUAYS(5)\n\n名前\n       quays - 岸壁の静的な一覧\n\n" +
		"説明\n       このファイルには quay ごとに一行を書く。各 quay は名前を持つ。quay を登録する。\n\n" +
		"FILES\n       /etc/quays, 岸壁の (name,depth) の組。\n\n" +
		"       補完が試みられるコマンド\n       (関数が実行されるときの第 1 引き数) に対して補完仕様が変わる。コマンドを実行する。コマンドは短い。\n\n" +
		"Linux          2026-11-30          QUAYS(5)\n"
	tpm := "TPM(1)        General Commands Manual        TPM(1)\n\n名前\n       tpm - Tide Power Management (TPM) BIOS に問い合わせる\n\n" +
		"説明\n       TPM の状態を表示する。TPM は古い。\n\nLinux          2026-11-30          TPM(1)\n"
	moorctl := "MOORCTL(1)        User Commands        MOORCTL(1)\n\nNAME\n       moorctl - manual page for moorctl 1.2\n\n" +
		"DESCRIPTION\n       Run moorctl at dawn. The moorctl tool is old.\n\nFILES\n       /etc/moorctl.conf, the file read at start.\n\n" +
		"Each file is read once. A file may be empty.\n\nmoorctl 1.2          2026-11-30          MOORCTL(1)\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quays.5.txt", Content: quays}, {Path: "tpm.1.txt", Content: tpm}, {Path: "moorctl.1.txt", Content: moorctl}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "quay", "岸壁の静的な一覧")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "TPM", "BIOS に問い合わせる")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "moorctl", "manual page for")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "file", "/etc/moorctl.conf")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "FILE", "/etc/moorctl.conf")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "FILE", "/etc/quays")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "コマンド", "第 1 引き数")
	if d := define(t, e, c, "tpm"); d.Text != "Tide Power Management (TPM) BIOS に問い合わせる。" {
		t.Errorf("tpm = %q (%.2f), want its NAME line", d.Text, d.Confidence)
	}
}

// TestManualPageAvailability: a manual page's AVAILABILITY line ("berthck
// is part of the harborprogs package and is available from https://...",
// 「berthck は harborprogs パッケージの一部であり、 https://… から入手できる。」)
// says where to get the command, not what it is, and 「…計算機で、最も良い
// 性能を発揮すると考えられます」 what it is thought to do best: the NAME line
// glosses it ("berthck - search a berth ...", an order as NAME lines are
// written). The pages are written for this test.
func TestManualPageAvailability(t *testing.T) {
	t.Parallel()
	en := "BERTHCK(8)        System Manager's Manual        BERTHCK(8)\n\nNAME\n       berthck - search a berth for broken bollards\n\n" +
		"DESCRIPTION\n       Run berthck at dawn.\n\nAVAILABILITY\n       berthck is part of the harborprogs package and is available from https://harbor.example.org.\n\n" +
		"Harbor 1.0          2026-11-30          BERTHCK(8)\n"
	ja := "QUAYCK(8)        System Manager's Manual        QUAYCK(8)\n\n名前\n       quayck - 岸壁の壊れた係船柱を探す\n\n" +
		"説明\n       quayck を夜明けに実行する。\n\n入手方法\n       quayck は harborprogs パッケージの一部であり、 https://harbor.example.org から入手できる。\n\n" +
		"注意\n       quayck は、非常に大きなキャッシュを持った計算機で、 最も良い性能を発揮すると考えられます。\n\n" +
		"Harbor 1.0          2026-11-30          QUAYCK(8)\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "berthck.8.txt", Content: en}, {Path: "quayck.8.txt", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"berthck": "Search a berth for broken bollards.",
		"quayck":  "岸壁の壊れた係船柱を探す。",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s = %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// TestManualPageNameLines: a NAME of several lines, each with its own
// names and summary ("tidez, untidez - a block-sorting tide compressor",
// then "tidecat - decompresses tides to stdout"), glosses each name with
// its own line's summary. The page is written for this test.
func TestManualPageNameLines(t *testing.T) {
	t.Parallel()
	doc := "tidez(1)        General Commands Manual        tidez(1)\n\nNAME\n" +
		"       tidez, untidez - a block-sorting tide compressor, v1.0.8\n       tidecat - decompresses tides to stdout\n" +
		"       tidezrecover - recovers data from damaged tidez files\n\nDESCRIPTION\n" +
		"       Run tidez at dawn. Run untidez at dusk. Run tidecat at noon. Run tidezrecover at night.\n\n" +
		"Harbor 1.0          2026-11-30          tidez(1)\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tidez.1.txt", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"tidez":        "A block-sorting tide compressor, v1.0.8.",
		"untidez":      "A block-sorting tide compressor, v1.0.8.",
		"tidecat":      "Decompresses tides to stdout.",
		"tidezrecover": "Tidezrecover recovers data from damaged tidez files.", // a verb of the item lists takes the key as subject
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s = %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// TestManualPagePlaceholders: a manual page's placeholder in capitals
// ("LINE is a deprecated way to name the berth", "INTEGER may also be -l
// STRING") is the argument, not the word line or integer; an option named
// "Path" is not the variable PATH. The page is written for this test.
func TestManualPagePlaceholders(t *testing.T) {
	t.Parallel()
	doc := "MOORCTL(1)        User Commands        MOORCTL(1)\n\nNAME\n       moorctl - moor a vessel\n\n" +
		"DESCRIPTION\n       LINE is a deprecated way to name the berth to moor at, kept for old scripts.\n\n" +
		"       INTEGER may also be -l STRING, which evaluates to the length of STRING.\n\n" +
		"OPTIONS\n       Path\n              Path is a string that defines the PATH variable used when running the winch.\n\n" +
		"       Each line of the log is short. The line ends. Every integer is signed. Set PATH first. PATH lists folders.\n\n" +
		"Harbor 1.0          2026-11-30          MOORCTL(1)\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "moorctl.1.txt", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "line", "deprecated way")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "integer", "may also be")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "PATH", "is a string that defines")
}
