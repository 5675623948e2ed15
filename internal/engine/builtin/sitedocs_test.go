package builtin

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestDefineJapaneseSiteDocs checks the builtin on Japanese pages written
// for a static-site generator (front matter, shortcodes, emphasis with
// spaces) in the style of translated product documentation, where Latin
// terms sit against their particles ("Berthは、"). The texts are written
// for this test.
func TestDefineJapaneseSiteDocs(t *testing.T) {
	t.Parallel()
	overview := "---\n" +
		"title: 港湾の概要\n" +
		"description: >\n" +
		"  Harborは、船の入出港を予約して管理するためのオープンソースのプラットフォームです。\n" +
		"weight: 10\n" +
		"---\n\n" +
		"<!-- overview -->\n" +
		"このページでは{{< glossary_tooltip text=\"バース\" term_id=\"berth\" >}}と{{< glossary_tooltip term_id=\"pilot\" >}}について説明します。\n\n" +
		"## Berth {#berth}\n\n" +
		"Berthは、船を一隻だけ係留できる岸壁の区画です。Berthを予約します。\n\n" +
		"_タグボート_ は、大型船を押して向きを変える小型の船であり、港ごとに配置されます。\n\n" +
		"Pilotとは対照的に、タグボートは船に乗り込みません。\n\n" +
		"{{< note >}}\n" +
		"管理者はBerthの予約を港長に限定すべきです。\n" +
		"{{< /note >}}\n\n" +
		"水先人(Pilot)は、船に乗り込んで港内を案内する人です。\n" +
		"Harborは、港湾局が最初に開発したソフトウェアです。\n" +
		"CTS (Container Terminal System、コンテナ端末システム) は、港のコンテナを追跡する仕組みです。CTSを使います。\n" +
		"入港リソース（タグボート、通訳、および岸壁クレーン）は予約で確保します。\n" +
		"予約台帳（少なくとも数百の、予約台帳から船への割り当て）を持つ港では、変更を防ぐと効果があります。\n" +
		"港湾リソース(Berth、タグボートなど)を割り当てます。\n" +
		"船主は保管庫（主に東岸にある大型の冷蔵倉庫）を借ります。係船柱（ボラードや杭）を点検します。\n" +
		"入港手続き（書類、検疫、税関）を済ませます。荷役API（積込および積卸）を呼びます。\n" +
		"係船環(訳注：船首側にある鉄の輪のこと)を使います。港湾カード（ここでは青いカード）を提示します。予約記録（入港日のような項目）を残します。\n" +
		"船舶の自動識別はオートマチック・アイデンティフィケーション・システム（AIS）で行います。\n" +
		"入港要求の種類 (`TUGREQ`) を記録します。TUGREQの値を確認します。\n" +
		"港の混雑が続く場合（すなわち、待機中の船が10隻を超える場合。既定は10）、予約は停止し、入港率は下がります。\n\n" +
		"| キー | 説明 |\n" +
		"|---|---|\n" +
		"| `moorings` | 港内で予約可能なMooringの総数。 |\n" +
		"| `tugboatpools` | 港内で待機できる曳船の隻数の上限。 |\n\n" +
		"各TugboatPoolは港長が管理します。TugboatPoolを増やします。\n" +
		"各Mooringには番号があります。\n"
	// A glossary page: the title is the term, the summary its gloss.
	lock := "---\n" +
		"title: 水門\n" +
		"short_description: >\n" +
		"  潮位の差がある水域の間で船を通すための設備。\n" +
		"tags:\n" +
		"- fundamental\n" +
		"---\n" +
		"水門のステータスは、管理局が記録します。水門は港ごとに番号で呼ばれます。\n\n" +
		"港湾では、閘室(こうしつ) は水門の内側で水位を上下させる区画です。\n\n" +
		"この例では、係留索は船首から伸びる二本の索です。係留索を点検します。\n\n" +
		"## 信号旗\n\n" +
		"国際信号旗以外の旗は必須ではありませんが、すべての船は国際信号旗を持つべきです。\n\n" +
		"## 係船岸\n\n" +
		"船をつなぐための岸の区画です。係船岸は港ごとに番号で呼ばれます。\n\n" +
		"## 検査員\n\n" +
		"水門の設備を点検して記録する係です。検査員の名簿は、管理局が保管します。\n"
	// A definition list (Goldmark, Pandoc, MkDocs), with an English
	// definition in a Japanese document.
	terms := "# 用語\n\nポンツーン\n: 浮き桟橋として使う箱形の浮体。\n\nBollard\n: A short post on a quay to which mooring lines are tied.\n\n" +
		"ポンツーンは港の奥にあります。各Bollardに番号を付けます。\n"
	// Glossary pages whose summary is a noun phrase with its copula, or
	// says what the term does.
	quay := "---\ntitle: 岸壁\nshort_description: >\n  船を横付けして荷役を行うための港の壁面です。\n---\n岸壁は港ごとに番号で呼ばれます。\n"
	breakwater := "---\ntitle: 防波堤\nshort_description: >\n  港を波から守るために海へ突き出して築かれます。\n---\n防波堤の点検は毎年行います。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "breakwater.md", Content: breakwater}, {Path: "lock.md", Content: lock},
		{Path: "overview.md", Content: overview}, {Path: "quay.md", Content: quay}, {Path: "terms.md", Content: terms}})
	e := newEngine(t)
	tests := []struct {
		term, want string
		conf       float64 // at least
	}{
		// A Latin term against its particle is the subject.
		{"Berth", "Berthは、船を一隻だけ係留できる岸壁の区画です。", confGloss},
		// The front matter's description is the page's first paragraph.
		// It is defined twice in one document: an elaboration, not a
		// contradiction; the first stands.
		{"Harbor", "Harborは、船の入出港を予約して管理するためのオープンソースのプラットフォームです。", confExplicit},
		// Emphasis needs a space in Markdown; the definition reads without it.
		{"タグボート", "タグボートは、大型船を押して向きを変える小型の船であり、港ごとに配置されます。", confDescribe},
		{"水先人", "水先人(Pilot)は、船に乗り込んで港内を案内する人です。", confGloss},
		// A parenthetical between the subject and its particle.
		{"CTS", "CTS (Container Terminal System、コンテナ端末システム) は、港のコンテナを追跡する仕組みです。", confExplicit},
		// A glossary page's summary, not a later sentence about the term.
		{"水門", "潮位の差がある水域の間で船を通すための設備。", confGloss},
		{"岸壁", "船を横付けして荷役を行うための港の壁面です。", confGloss},
		// A section's noun-phrase gloss, not a later sentence about it.
		{"係船岸", "船をつなぐための岸の区画です。", confDescribe},
		{"防波堤", "港を波から守るために海へ突き出して築かれます。", confGloss},
		{"ポンツーン", "浮き桟橋として使う箱形の浮体。", confGloss},
		{"Bollard", "A short post on a quay to which mooring lines are tied.", confGloss},
		// A short setting before the subject.
		{"閘室", "港湾では、閘室(こうしつ) は水門の内側で水位を上下させる区画です。", confGloss},
		// A middle dot is inside a katakana long form.
		{"AIS", "オートマチック・アイデンティフィケーション・システムの略。", confExpansion},
	}
	for _, tc := range tests {
		t.Run(tc.term, func(t *testing.T) {
			t.Parallel()
			if d := define(t, e, c, tc.term); d.Text != tc.want || d.Confidence < tc.conf {
				t.Errorf("definition = %q (%.2f), want %q (>= %.2f)", d.Text, d.Confidence, tc.want, tc.conf)
			}
		})
	}
	// Not glosses: a comparison (とは対照的に), a rule (べきです), examples
	// and enumerations in parentheses, a remark that names the term, a
	// table row about the term's instances, a sentence cut inside its
	// parenthesis.
	notGlosses := []struct {
		term, bad string
		usage     bool // the text may still be quoted, as a usage or a describing sentence
	}{
		{"Pilot", "対照的", true},
		{"管理者", "限定すべき", true},
		{"入港リソース", "通訳", true},
		{"予約台帳", "少なくとも", true},
		{"港湾リソース", "など", true},
		{"保管庫", "主に東岸", true},     // a remark on this use
		{"係船柱", "ボラードや杭", true},   // examples
		{"入港手続き", "検疫", true},     // parts
		{"荷役API", "積込および", true},  // an enumeration
		{"港湾カード", "ここでは", true},   // this one
		{"係船環", "訳注", true},       // a translator's note
		{"予約記録", "入港日のような", true}, // examples
		{"Mooring", "総数", false},
		{"TUGREQ", "種類の略", false},    // a value in code, not an abbreviation
		{"TugboatPool", "上限", false}, // the code key `tugboatpools` names a quota, not the kind
		{"検査員", "名簿", false},         // 「検査員の名簿は」 is not about 検査員 as a subject
		{"信号旗", "必須ではありません", true},   // a concession under the heading
		{"係留索", "この例では", true},       // about one example
	}
	for _, tc := range notGlosses {
		t.Run("not/"+tc.term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, c, tc.term)
			if strings.Contains(d.Text, tc.bad) && !(tc.usage && d.Confidence <= confDescribe) {
				t.Errorf("definition = %q (%.2f), want none with %q", d.Text, d.Confidence, tc.bad)
			}
		})
	}
	// A terminator inside parentheses does not end the sentence around it.
	if d := define(t, e, c, "既定"); strings.HasPrefix(strings.TrimPrefix(d.Text, usedInPrefixJA+"「"), "既定は10）") {
		t.Errorf("definition of 既定 = %q: a sentence cut inside its parenthesis", d.Text)
	}
	// Shortcodes are not terms, and a glossary tooltip reads as its text.
	for _, bad := range []string{"glossary_tooltip", "term_id"} {
		if occ := c.Occurrences(bad); len(occ) > 0 {
			t.Errorf("%q occurs in the corpus: %v", bad, occ)
		}
	}
	if occ := c.Occurrences("バース"); len(occ) != 1 || occ[0].Line != 9 {
		t.Errorf("occurrences of the tooltip text バース = %v, want one on line 9", occ)
	}
}

// TestDefineEnglishSiteDocs checks the builtin on English product
// documentation with a reference table and a concessive section opening
// (the texts are written for this test).
func TestDefineEnglishSiteDocs(t *testing.T) {
	t.Parallel()
	doc := "---\ntitle: Harbor concepts\n---\n\n" +
		"## Pilotage\n\n" +
		"While tugs are optional, every harbor should have pilotage, as large ships rely on it.\n\n" +
		"The harbor office arranges it for every ship.\n\n" +
		"You can define your own berth class by giving a name as the `class` value for a Berth object\n" +
		"(an empty name is treated as a `General` class).\n" +
		"Each Berth object has a number. A Berth object is reserved per ship.\n\n" +
		"| Key | Description |\n" +
		"|---|---|\n" +
		"| `mooringslots` | The total number of mooring slots that can exist in the harbor. |\n" +
		"| `draught` | The number of meters between the waterline and the keel. |\n\n" +
		"A MooringSlot is reserved per ship. MooringSlot objects are counted per berth. The draught limits the berth.\n\n" +
		"Tugs are run by the harbor office as part of every arrival. A tug waits at the quay.\n" +
		"Crews hang a fender (the rubber kind and the wooden kind, with spares on deck) before arrival.\n" +
		"Cleats are great for small boats and bollards for ships. A cleat is bolted to the deck.\n" +
		"Locks are thread and process safe. Every lock has a keeper.\n" +
		"The harbor masters are aware of the limits in their tide policy. A harbor master signs the log.\n" +
		"Managed quays are under active development, and we welcome other uses. A managed quay is rented.\n" +
		"The `berth_dir` setting supersedes this one if it is set. Cargo manifests are otherwise placed in this directory.\n\n" +
		"- _Towage_: How ships are towed can be arranged by the harbor office.\n" +
		"- _Pilot boats_: Where pilots wait for the next ship.\n\n" +
		"Towage is paid per hour. Pilot boats are painted orange.\n" +
		"The harbor log is written every 10 minutes (the default logging interval). Minutes are counted from midnight.\n\n" +
		"## Tenders\n\nLet’s start by explaining what tenders are.\n\nBook a tender early. Call a tender at dawn.\n\n" +
		"## Mooring lines\n\nThe examples that were given above already show how to tie a ship to a bollard.\n\nA mooring line is checked at every tide.\n"
	// Setext headings, as older READMEs and text files write them.
	setext := "Harbor Guide\n============\n\nThe guide covers the harbor.\n\n" +
		"Slip Fees\n---------\n\nA fee charged per night for a berth at a pier.\n\nThe office collects slip fees each morning.\n"
	// A page whose title is the term and whose next line is a noun phrase.
	quay := "---\ntitle: Quay\ndescription: A stone platform where ships load and unload.\n---\n\n" +
		"Quay fees are paid per day. The quay is closed at night.\n"
	manifest := "---\ntitle: Manifest\nshort_description: >\n  Lists the cargo, crew and passengers of a ship.\n---\n\n" +
		"Manifests are great for customs and ledgers for owners.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "concepts.md", Content: doc}, {Path: "manifest.md", Content: manifest}, {Path: "quay.md", Content: quay},
		{Path: "setext.md", Content: setext}})
	e := newEngine(t)
	if d := define(t, e, c, "draught"); d.Text != "The number of meters between the waterline and the keel." {
		t.Errorf("draught = %q (%.2f): a count can be what a key is", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "quay"); d.Text != "A stone platform where ships load and unload." || d.Confidence < confGloss {
		t.Errorf("quay = %q (%.2f), want the page's summary (>= %.2f)", d.Text, d.Confidence, confGloss)
	}
	if d := define(t, e, c, "pilot boat"); d.Text != "Where pilots wait for the next ship." {
		t.Errorf("pilot boat = %q (%.2f), want the list item's gloss", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "slip fee"); d.Text != "A fee charged per night for a berth at a pier." {
		t.Errorf("slip fee = %q (%.2f), want its setext heading's gloss", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "manifest"); d.Text != "Lists the cargo, crew and passengers of a ship." || d.Confidence < confGloss {
		t.Errorf("manifest = %q (%.2f), want the page's summary (>= %.2f)", d.Text, d.Confidence, confGloss)
	}
	notGlosses := []struct{ term, bad string }{
		{"pilotage", "While tugs"},             // a concession opens the section
		{"Berth object", "empty name"},         // a remark in parentheses
		{"MooringSlot", "The total number"},    // a count of the term's instances
		{"tug", "are run by"},                  // a passive verb, not a noun phrase
		{"fender", "rubber kind"},              // a parenthetical that lists kinds
		{"cleat", "great for"},                 // a judgement
		{"lock", "process safe"},               // a property
		{"harbor master", "aware of"},          // a state
		{"managed quay", "active development"}, // a state, after a preposition
		{"cargo manifest", "otherwise placed"}, // an adverb, then a passive
		{"towage", "How ships"},                // a clause about the feature
		{"minutes", "logging interval"},        // a parenthesis about a quantity
		{"tender", "start by explaining"},      // what the section will do
		{"mooring line", "examples that"},      // what the page did before
	}
	for _, tc := range notGlosses {
		t.Run(tc.term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, c, tc.term)
			if strings.Contains(d.Text, tc.bad) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
				t.Errorf("definition = %q (%.2f), want none with %q", d.Text, d.Confidence, tc.bad)
			}
		})
	}
}

// TestDefineSphinxDocs checks the builtin on reStructuredText pages in the
// style of Sphinx documentation, English and Japanese: a glossary
// directive, an admonition's body, an option and a function description and
// roles gloss their terms, while code and comments do not give terms. The
// texts are written for this test.
func TestDefineSphinxDocs(t *testing.T) {
	t.Parallel()
	tick := func(s string) string { return strings.ReplaceAll(s, "¤", "`") }
	en := tick("=========\nTide desk\n=========\n\n" +
		".. This comment names a Phantomberth, which is no term.\n\n" +
		"Concepts\n========\n\n" +
		"The tide desk plans departures. A :term:`slipway` is used at low tide.\n\n" +
		".. glossary::\n   :sorted:\n\n" +
		"   slipway\n      A ramp on the shore by which boats are moved to and from the water.\n\n" +
		"   tide window\n      The hours during which the water is deep enough for a ship to leave.\n\n" +
		".. note::\n\n   A pilot boat is a small boat that carries pilots to and from ships.\n\n" +
		"Check the slipway. Every tide window is published daily. Call the pilot boat early.\n" +
		"Plan each tide window twice. Book the pilot boat. Inspect the slipway.\n\n" +
		".. option:: --draft <metres>\n\n   The deepest point of a ship below the waterline.\n\n" +
		".. py:function:: plan_departure(ship, window)\n\n   Books a departure for a ship within a tide window.\n\n" +
		"Use ¤¤--draft¤¤ with :py:func:¤plan_departure¤::\n\n    plan_departure(ship=GhostHull, window=w)\n")
	ja := tick("潮汐デスク\n==========\n\n" +
		".. glossary::\n\n   係船柱\n      岸壁に立てて船の綱を結んでおく柱。\n\n" +
		"係船柱を点検します。:term:¤係船柱¤ の数を数えます。係船柱は古い。\n")
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tide.rst", Content: en}, {Path: "ja/tide.rst", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"slipway":        "A ramp on the shore by which boats are moved to and from the water.",
		"tide window":    "The hours during which the water is deep enough for a ship to leave.",
		"pilot boat":     "A pilot boat is a small boat that carries pilots to and from ships.",
		"--draft":        "The deepest point of a ship below the waterline.",
		"plan_departure": "Books a departure for a ship within a tide window.",
		"係船柱":            "岸壁に立てて船の綱を結んでおく柱。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confDescribe {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	cands, err := e.Extract(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, cand := range cands {
		if strings.Contains(cand.Text, "Phantomberth") || strings.Contains(cand.Text, "GhostHull") {
			t.Errorf("%q extracted from a comment or a literal block", cand.Text)
		}
	}
	// Occurrences keep the .rst file's own line numbers.
	for _, o := range c.Occurrences("slipway") {
		if o.Document == "tide.rst" && !strings.Contains(strings.Split(en, "\n")[o.Line-1], "slipway") {
			t.Errorf("occurrence at tide.rst:%d, whose line is %q", o.Line, strings.Split(en, "\n")[o.Line-1])
		}
	}
}

// TestDefineAsciiDocDocs checks the builtin on AsciiDoc pages in the style
// of Asciidoctor documentation, English and Japanese: description lists
// (on one line or over their definition), admonition paragraphs and
// attribute references gloss their terms, while listing and comment blocks
// do not give terms. The texts are written for this test.
func TestDefineAsciiDocDocs(t *testing.T) {
	t.Parallel()
	en := "= Tide desk\n:product: Tidewatch\n\n" +
		"== Concepts\n\n" +
		"slipway:: A ramp on the shore by which boats are moved to and from the water.\n" +
		"tide window::\nThe hours during which the water is deep enough for a ship to leave.\n\n" +
		"NOTE: A pilot boat is a small boat that carries pilots to and from ships.\n\n" +
		"{product} is a planner that books departures for each tide window.\n\n" +
		"Check the slipway. Every tide window is published daily. Call the pilot boat early.\n" +
		"Plan each tide window twice. Book the pilot boat. Inspect the slipway. Start Tidewatch daily.\n\n" +
		"[source,python]\n----\nplan(ship=GhostHull)\n----\n\n" +
		"////\nA Phantomberth in a comment.\n////\n"
	ja := "= 潮汐デスク\n\n係船柱:: 岸壁に立てて船の綱を結んでおく柱。\n\n係船柱を点検します。係船柱の数を数えます。係船柱は古い。\n\n" +
		"[cols=\"1,3\"]\n|===\n|用語 |説明\n\n|荷口\n|一度に吊り上げる\n貨物のまとまり。\n|===\n\n荷口を数えます。荷口は重い。荷口ごとに伝票を作ります。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tide.adoc", Content: en}, {Path: "ja/tide.adoc", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"slipway":     "A ramp on the shore by which boats are moved to and from the water.",
		"tide window": "The hours during which the water is deep enough for a ship to leave.",
		"pilot boat":  "A pilot boat is a small boat that carries pilots to and from ships.",
		"Tidewatch":   "Tidewatch is a planner that books departures for each tide window.",
		"係船柱":         "岸壁に立てて船の綱を結んでおく柱。",
		"荷口":          "一度に吊り上げる貨物のまとまり。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confDescribe {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	cands, err := e.Extract(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, cand := range cands {
		if strings.Contains(cand.Text, "Phantomberth") || strings.Contains(cand.Text, "GhostHull") {
			t.Errorf("%q extracted from a comment or a listing block", cand.Text)
		}
	}
}

// TestDefineHTMLPages checks the builtin on HTML pages, English and
// Japanese, as document.Parse reads them: a definition list, a strong term
// in a paragraph and a settings table gloss their terms, while the page's
// navigation and scripts give none. The pages are written for this test.
func TestDefineHTMLPages(t *testing.T) {
	t.Parallel()
	en := `<!DOCTYPE html><html><head><title>Mooring | Harbor Guide</title><script>track("Ghostberth")</script></head>` +
		`<body><nav><a href="/">Phantomquay home</a></nav><main><h1>Mooring</h1>` +
		`<p>A <strong>bollard</strong> is a short post on a quay that crews tie lines to.</p>` +
		`<dl><dt>Capstan</dt><dd><p>A rotating drum that hauls mooring lines.</p></dd>` +
		`<dt>Fairlead</dt><dd>A fitting that guides a mooring line<br> See <a href="https://example.org/fairlead">https://example.org/fairlead</a></dd></dl>` +
		`<p>Every bollard is inspected yearly. The capstan turns slowly, and crews oil the capstan weekly.</p>` +
		`<details><summary>What is a hawsepipe?</summary><p>A pipe through the bow that the anchor chain runs through.</p></details>` +
		`<p>Check the hawsepipe for rust. Paint the hawsepipe yearly.</p></main></body></html>`
	ja := `<!DOCTYPE html><html lang="ja"><head><title>係留の基本 — 港湾運用ガイド</title></head><body><main><h1>係留の基本</h1>` +
		`<dl><dt>防舷材</dt><dd>船体と岸壁の間に入れる緩衝材。防舷材は消耗品です。</dd>` +
		`<dt>係船環</dt><dd>係留索を通す鉄の環<br>参照 <a href="https://example.org/ring">https://example.org/ring</a></dd></dl>` +
		`<table><tr><th>設定</th><th>説明</th></tr><tr><td><code>berth_limit</code></td><td>1つの岸壁に同時に係留できる船の上限。</td></tr></table>` +
		`<p>入港時には<code>berth_limit</code>を確認し、防舷材を使います。</p></main></body></html>`
	// A reference page titled with an identifier summarises it in the
	// imperative, as docstrings do; a README's tagline that tells what to
	// do is no summary.
	ref := `<html><body><main><h1>plan_departure</h1><p>Add a departure to the tide plan of a berth.</p>` +
		`<p>There are two signatures for <code>plan_departure</code>. plan_departure supports every harbour.</p></main></body></html>`
	readme := "# tugboat\n\nRun the tests with make before each release.\n\nThe tugboat tows ships.\n"
	// A Sphinx class under its own heading (Django's reference): the
	// signature with an empty description, then what it is.
	// A property under its own heading (Node's API pages): its type as a
	// link, then what it is.
	props := "# Harbour\n\n### `harbour.tide`\n\n- [\\<Stream>](stream.html#stream)\n\nThe `harbour.tide` property returns a stream of tide readings.\n\nRead harbour.tide often.\n"
	fields := `<html><body><main><h1>Berth fields</h1><h3>BerthField</h3><dl class="py class"><dt class="sig sig-object py">` +
		`<em class="property">class </em><span class="sig-name descname">BerthField</span>(<em class="sig-param">depth=0</em>, <em class="sig-param">**options</em>)</dt>` +
		`<dd></dd></dl><p>A berth, represented in Python by a <code>Quay</code> instance. Has one extra argument.</p>` +
		`<p>Every model may have a BerthField.</p></main></body></html>`
	var docs []glossary.Document
	for name, page := range map[string]string{"mooring.html": en, "ja/mooring.htm": ja, "command/plan_departure.html": ref, "tugboat/README.md": readme, "ref/fields.html": fields, "harbour.md": props} {
		d, err := document.Parse(name, []byte(page), document.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	c := pipeline.NewCorpus(docs)
	e := newEngine(t)
	for term, want := range map[string]string{
		"bollard":        "A bollard is a short post on a quay that crews tie lines to.",
		"hawsepipe":      "A pipe through the bow that the anchor chain runs through.",
		"capstan":        "A rotating drum that hauls mooring lines.",
		"fairlead":       "A fitting that guides a mooring line.", // the link under a <br> is no part of it
		"係船環":            "係留索を通す鉄の環。",
		"防舷材":            "船体と岸壁の間に入れる緩衝材。",
		"berth_limit":    "1つの岸壁に同時に係留できる船の上限。",
		"plan_departure": "Add a departure to the tide plan of a berth.",
		"BerthField":     "A berth, represented in Python by a Quay instance.",
		"harbour.tide":   "The harbour.tide property returns a stream of tide readings.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confDescribe {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tugboat", "Run the tests")
	cands, err := e.Extract(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, cand := range cands {
		if strings.Contains(cand.Text, "Ghostberth") || strings.Contains(cand.Text, "Phantomquay") {
			t.Errorf("candidate %q from the page's script or navigation", cand.Text)
		}
	}
}

// TestJapaneseHeadingOverAnotherSubject checks that a Japanese section's
// first sentence glosses the heading only when it is about it: 「係船柱は
// …です。」 under 「## 設定オブジェクト」 says what 係船柱 is, while
// 「潮位コントローラは…」 under 「## 潮位コントローラー」 is the same name
// without its long-vowel mark; a sentence about another subject that has
// the term in passing describes it at most. The text is written for this
// test.
func TestJapaneseHeadingOverAnotherSubject(t *testing.T) {
	t.Parallel()
	doc := "# 港湾\n\n## 設定オブジェクト\n\n係船柱は港湾APIにおける最上位のリソースです。設定オブジェクトの詳細は別の記事にあります。\n\n" +
		"設定オブジェクトを作ります。設定オブジェクトを消します。\n\n" +
		"## 潮位コントローラー\n\n潮位コントローラは、岸壁の潮位を見張る港湾の構成要素です。\n\n潮位コントローラーを再起動します。潮位コントローラーを止めます。\n\n" +
		// A quoted variable's sentence under the API's heading.
		"## 港湾API\n\n外部変数 `qdversion' はバージョン情報の文字列である。\n\n港湾APIを使う。港湾APIを呼ぶ。\n\n" +
		"## 係留モード\n\n港湾システムは、３種類の係留モードと２つの出港モードを持ちます。\n\n係留モードを選びます。\n\n" +
		// A table of contents under a heading.
		"## 潮位互換性\n\n- [Tidewatch 8 の潮位互換性について](v8.html)\n- [Tidewatch 7 の潮位互換性について](v7.html)\n\n潮位互換性を確かめます。\n\n" +
		// What the rules allow of it, under its heading (a linter's README).
		"## 曳航索\n\n> 結んだり解いたりする\n\n曳航索(**もやい**)が連続するのは、意図した結び方であるため許可します。\n\n曳航索を巻く。\n\n" +
		// A list of other names' summaries under a heading.
		"## 潮位計算\n\n### Algorithms\n\n- tide_fit — A flexible harmonic algorithm\n- tide_moga — multi-gauge harmonic algorithm\n\nAlgorithms を選ぶ。\n\n" +
		// A list of what to install, under a platform's heading.
		"## 必要なもの\n\n### Tidewin\n\n- [Harbour Build Tools Community](https://example.org/hbt)\n- [Berthmake](https://example.org/bm)\n\nTidewin では Berthmake を使います。\n\n" +
		// A long API name as the subject (japanese-holidays' README).
		"## 潮汐表について\n\n`HarborTides.isHighWater` は与えられた「時刻」ではなく「日付」を元に満潮を判定します。\n\n潮汐表を読む。潮汐表を配る。\n\n" +
		// What the section lists (LibreOffice Basic's help in Japanese).
		"## 係留索\n\n下記のステートメントおよび関数は、係留索関係の処理を行うためのものです。\n\n係留索を巻く。係留索を解く。\n\n" +
		// A guide's task titles under a heading.
		"## 潮位計\n\n岸壁の杭を潮位計として使用\n\n潮位計の値を確認する\n\n潮位計を読む。潮位計を拭く。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "設定オブジェクト"); strings.Contains(d.Text, "係船柱は") {
		t.Errorf("設定オブジェクト: %q (%.2f): the sentence says what 係船柱 is", d.Text, d.Confidence)
	}
	// 「Yは、…の係留モードと…を持ちます。」 under 「係留モード」: what
	// another subject has; it describes the term at most.
	if d := define(t, e, c, "係留モード"); d.Confidence >= confGloss {
		t.Errorf("係留モード: %q (%.2f): the sentence is about 港湾システム", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "潮位互換性"); strings.Contains(d.Text, "Tidewatch 8") {
		t.Errorf("潮位互換性: %q (%.2f): a table of contents glosses nothing", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "曳航索", "許可します")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "潮汐表", "満潮を判定します")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "係留索", "下記の")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "潮位計", "として使用")
	if d := define(t, e, c, "Algorithms"); strings.Contains(d.Text, "tide_fit") {
		t.Errorf("Algorithms: %q (%.2f): a list of other names' items glosses nothing", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Tidewin"); strings.Contains(d.Text, "Harbour Build Tools") {
		t.Errorf("Tidewin: %q (%.2f): the first of a list of names glosses nothing", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "港湾API"); strings.Contains(d.Text, "バージョン情報") {
		t.Errorf("港湾API: %q (%.2f): the sentence says what a quoted variable is", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "潮位コントローラー"); !strings.Contains(d.Text, "岸壁の潮位を見張る") || d.Confidence < confDescribe {
		t.Errorf("潮位コントローラー: %q (%.2f), want its section's gloss (written without ー)", d.Text, d.Confidence)
	}
}

// TestHeadingOverAFileName: a tutorial's section names the file it shows
// in code alone, then its listing ("## Register" over
// "`flaskr/templates/auth/register.html`", Flask's tutorial); the file's
// name glosses nothing, the prose after the listing may. The text is
// written for this test.
func TestHeadingOverAFileName(t *testing.T) {
	t.Parallel()
	doc := "# Harbour tutorial\n\n## Mooring plan\n\n`harbour/templates/mooring_plan.html`\n\n" +
		"```\n<h1>{{ plan.title }}</h1>\n```\n\nThe mooring plan lists the berth each ship takes.\n\n" +
		"## Launch\n\n`harbour/templates/launch.html`\n\n```\n<form method=\"post\"></form>\n```\n\n" +
		"`{% extends 'base.html' %}` tells the template engine to fill the base page.\n\n## Moor\n\nThis is identical to the launch template except for the title.\n"
	// A list of directives in code: names, not a file over its listing.
	ja := "# 港湾係留説明書\n\n係留という用語は、1 つの岸壁で二隻以上の船を扱う運用方法のことを指します。\n\n## 係留ディレクティブ\n\n- `<Berth>`\n- `QuayName`\n- `QuayAlias`\n\n係留の設定のデバッグをするには -S スイッチが便利です。つまり、以下のコマンドを入力します:\n\n" +
		"`/usr/local/harbour/bin/moord -S`\n\nこのコマンドは設定ファイルをどう解析したかについて出力します。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tutorial.md", Content: doc}, {Path: "ja/mooring.md", Content: ja}})
	e := newEngine(t)
	if d := define(t, e, c, "mooring plan"); d.Text != "The mooring plan lists the berth each ship takes." {
		t.Errorf("mooring plan: %q (%.2f), want the sentence after the listing", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "launch"); strings.Contains(d.Text, "launch.html") {
		t.Errorf("launch: %q (%.2f): a file's name glosses nothing", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "係留ディレクティブ"); strings.Contains(d.Text, "デバッグ") || strings.Contains(d.Text, "Berth") {
		t.Errorf("係留ディレクティブ: %q (%.2f): a list of names glosses nothing, nor the sentence after it", d.Text, d.Confidence)
	}
}

// TestNoGlossFromAPageBlurb: a reference page's front matter that says
// only what the page holds ("The config inspect command description and
// usage", Docker's command reference) glosses nothing, and is the last
// sentence to show it in use; the page's own description of the command
// glosses it. The text is written for this test.
func TestNoGlossFromAPageBlurb(t *testing.T) {
	t.Parallel()
	page := func(cmd, desc string) string {
		return "---\ntitle: \"" + cmd + "\"\ndescription: \"" + desc + "\"\n---\n\n# " + cmd + "\n\n```\nUsage: moorctl " + cmd +
			" [OPTIONS] BERTH\n```\n\n## Description\n\nThe " + cmd + " command reads the berths of a quay.\n\nRun " + cmd + " at dawn.\n"
	}
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "berth_inspect.md", Content: page("berth inspect", "The berth inspect command description and usage")},
		{Path: "berth_rm.md", Content: "---\ntitle: \"berth rm\"\ndescription: \"The berth rm command description and usage\"\n---\n\n# berth rm\n\n" +
			"```\nUsage: moorctl berth rm BERTH\n```\n\n## Examples\n\nUse moorctl berth rm to take a berth out of the quay plan before the dredgers come.\n"},
	})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth inspect", "description and usage")
	if d := define(t, e, c, "berth rm"); strings.Contains(d.Text, "description and usage") {
		t.Errorf("berth rm: %q (%.2f): a sentence that uses it says more than the blurb", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth inspect"); d.Text != "The berth inspect command reads the berths of a quay." {
		t.Errorf("berth inspect: %q (%.2f), want the page's description", d.Text, d.Confidence)
	}
}

func TestReferenceSummary(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		title, first string
		want         bool
	}{
		{"add_custom_command", "Add a custom build rule to the generated build system.", true},
		{"os.path.join", "Join one or more path segments intelligently.", true},
		{"moorShip", "Return the berth a ship is moored at.", true},
		{"HOUR", "Return the hour of a time value.", false}, // shouting, not an identifier
		{"tugboat", "Run the tests with make.", false},      // a word, not an identifier
		{"add_custom_command", "Use it with care.", false},
		{"plan departure", "Add a departure to the plan.", false},
	} {
		if got := referenceSummary(tt.title, tt.first); got != tt.want {
			t.Errorf("referenceSummary(%q, %q) = %v, want %v", tt.title, tt.first, got, tt.want)
		}
	}
}

// TestDefineSkipsSignatureParameters: an API page describes the parameters
// of a signature in prose that opens with their names in lower case
// ("bases is a list of classes ..."); that describes the parameter, not
// the word. A lower-case name that is no parameter ("docutils is a text
// processing system") still defines. Found in Sphinx's API reference (the
// text is written for this test).
func TestDefineSkipsSignatureParameters(t *testing.T) {
	t.Parallel()
	doc := "# Events\n\n### harbor-process-berths(app, name, quays, berths)\n\n" +
		"Emitted when the harbor has read the berths of a quay. berths is a list of berth objects that the handler can change in place.\n\n" +
		"tidelib is a small library for reading tide tables. Use tidelib with care.\n\n" +
		"A berth holds one ship. Every berth has a number. The berths of a quay are numbered.\n"
	// A manual page's synopsis in C, its parameters described in Japanese.
	ja := "# MOOR(2)\n\n書式\n\n int moor(const char *quayname,\n int berths);\n\n説明\n\n" +
		"berths は係留する岸壁の数である。berths を指定する。\n\nberths を使う。\n"
	// A reference page's parameters: each one's type, then what it is in
	// parentheses (Scilab's 「step: 実数 (横軸の刻み離散値)」).
	params := "# moor_at\n\n```\nmoor_at(quay, berth)\n```\n\n### パラメータ\n\n- quay: 文字列 (岸壁の名前)\n- berth: 整数 (岸壁の中の番号)\n\n" +
		"### 説明\n\n船を係留する。整数を返す。文字列を渡す。\n"
	// A parameter named like a term of the documents: what it is in one
	// call (Scilab's "simplex: A row vector of function values."); a
	// sentence about the term says more.
	params += "\n# tide_setall\n\n```\nopt = tide_setall(opt, tideset)\n```\n\n### Argument\n\n- opt: The current tide object.\n- tideset: A row vector of tide values.\n\n" +
		"### Description\n\nA tideset is designed as a collection of readings taken at one gauge. Each tideset has a gauge.\n"
	// A chapter titled "Parameters" defines them (zsh's manual).
	chapter := "# Parameters\n\n## Parameters used by the harbour\n\n- quaypath: An array of quays to search for berths.\n\n" +
		"Quaypaths can also be given on the command line as shown above. Set quaypath first.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "events.md", Content: doc}, {Path: "moor.2.txt", Content: ja}, {Path: "moor_at.md", Content: params}, {Path: "Parameters.md", Content: chapter}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "整数", "岸壁の中の番号")
	if d := define(t, e, c, "quaypath"); d.Text != "An array of quays to search for berths." {
		t.Errorf("quaypath: %q (%.2f), want its item (a chapter of parameters defines them)", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "tideset"); d.Text != "A tideset is designed as a collection of readings taken at one gauge." {
		t.Errorf("tideset: %q (%.2f), want the sentence about it", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "文字列", "岸壁の名前")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "list of berth objects")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "berths", "岸壁の数")
	if d := define(t, e, c, "tidelib"); d.Text != "tidelib is a small library for reading tide tables." {
		t.Errorf("tidelib: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	if got := signatureParams("Call connect(url, timeout=None) or plan(*ships, **opts); see [the guide](x.md) and function(s) (or not)."); len(got) != 5 ||
		!got["url"] || !got["timeout"] || !got["ships"] || !got["opts"] || !got["s"] {
		t.Errorf("signatureParams = %v", got)
	}
	if got := signatureParams("int open(const char *pathname, int flags, mode_t mode); see open(2) and read(the file first)."); len(got) != 3 ||
		!got["pathname"] || !got["flags"] || !got["mode"] {
		t.Errorf("signatureParams (C) = %v", got)
	}
}

// "Xs are no longer ..." records a change (Django's release notes:
// "Translations are no longer deactivated ..."), not what they are. The
// text is written for this test.
func TestNoLongerIsAChange(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{{Path: "notes.md", Content: "# Notes\n\nTide charts are no longer printed by default. Print the tide charts on request.\n"}})
	if d := define(t, e, c, "tide chart"); d.Confidence >= unclearBelow {
		t.Errorf("tide chart: %q (%.2f), want usage only", d.Text, d.Confidence)
	}
}

// TestCommandPageDescription: a command reference page (Docker's CLI
// reference) shows its usage in code under the command's heading, then says
// what the command does under "## Description": that sentence glosses the
// command, as a title's first line would. The page is written for this
// test.
func TestCommandPageDescription(t *testing.T) {
	t.Parallel()
	doc := "---\ntitle: \"berth rm\"\ndescription: \"The berth rm command description and usage\"\n---\n\n# berth rm\n\n" +
		"```markdown\nUsage:  harbour berth rm BERTH [BERTH...]\n\nRemove one or more berths\n```\n\n" +
		"## Description\n\nRemoves one or more berths from the quay plan. A ship at the berth is moved first.\n\n" +
		"## Examples\n\nRun harbour berth rm east-3 to remove a berth.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "berth_rm.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "berth rm"); d.Text != "Removes one or more berths from the quay plan." || d.Confidence < unclearBelow {
		t.Errorf("berth rm: %q (%.2f), want its description", d.Text, d.Confidence)
	}
}

// TestDefineHTMLTablesInMarkdown checks the builtin on Markdown pages that
// write their tables in HTML, as READMEs do to put code or line breaks in a
// cell: a table of names and meanings glosses its names, a data table of
// three columns glosses from its description column, a grid of sponsor
// boxes is read box by box, its links' addresses not read at all, and an
// HTML heading opens a section as a Markdown one does (a sponsors' section
// is left out). The pages are written for this test.
func TestDefineHTMLTablesInMarkdown(t *testing.T) {
	t.Parallel()
	en := "# quayctl\n\nquayctl books berths for ships.\n\n## Terms\n\n" +
		"<table>\n  <thead>\n    <tr>\n      <th>Term</th>\n      <th>Meaning</th>\n    </tr>\n  </thead>\n  <tbody>\n" +
		"    <tr>\n      <td>berth window</td>\n      <td>The hours in which a berth is free for one ship.</td>\n    </tr>\n" +
		"    <tr>\n      <td><code>tidegate</code></td>\n      <td>A lock that keeps the dock's water level<br>at high tide.</td>\n    </tr>\n" +
		"  </tbody>\n</table>\n\n## Options\n\n" +
		"<table><tr><th>Option</th><th>Type</th><th>Description</th></tr>\n" +
		"<tr><td><code>pilotCount</code></td><td>number</td><td>How many pilots a ship takes on.</td></tr></table>\n\n" +
		"Book a berth window with quayctl. Each berth window ends at the tide. " +
		"Close the tidegate at night. The tidegate has two doors. Set pilotCount for large ships; pilotCount is 1 by default.\n\n" +
		"## Harbour life\n\n<table>\n  <tr>\n    <td>\n      <a href=\"https://sponsor.example/?utm_source=Fakequay\"><img src=\"logo.png\" alt=\"Logo\"></a>\n" +
		"      <p>\n        Mooring Supply Co sells ropes and bollards.\n      </p>\n    </td>\n  </tr>\n</table>\n\n" +
		"<h2 align=\"center\">Sponsors</h2>\n\n<p align=\"center\">\n  Harbourmaster Cloud is a hosting service for harbour software. Harbourmaster Cloud runs quayctl for you. Try Harbourmaster Cloud today.\n</p>\n"
	ja := "# 係留ツール\n\n## 用語\n\n" +
		"<table>\n<tr>\n<th>用語</th>\n<th>説明</th>\n</tr>\n" +
		"<tr>\n<td>係船索</td>\n<td>船を岸壁につなぎ留めるための太い綱。</td>\n</tr>\n" +
		"<tr>\n<td>防舷材</td>\n<td>船体と岸壁の間に入れる緩衝材。</td>\n</tr>\n</table>\n\n" +
		"係船索は毎朝点検します。係船索を交換する前に、防舷材の位置を確かめます。防舷材は消耗品です。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: en}, {Path: "README.ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"berth window": "The hours in which a berth is free for one ship.",
		"tidegate":     "A lock that keeps the dock's water level at high tide.",
		"pilotCount":   "How many pilots a ship takes on.",
		"係船索":          "船を岸壁につなぎ留めるための太い綱。",
		"防舷材":          "船体と岸壁の間に入れる緩衝材。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	cands, err := e.Extract(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, cand := range cands {
		if strings.Contains(cand.Text, "Fakequay") || strings.Contains(cand.Text, "Meaning") || strings.Contains(cand.Text, "Harbourmaster") {
			t.Errorf("candidate %q from a link's address, a header or the sponsors' section", cand.Text)
		}
		if cand.Text == "berth window" {
			found = true
		}
	}
	if !found {
		t.Errorf("berth window not extracted from %v", cands)
	}
	// The row's gloss is cited at the row's line: "berth window" is on
	// line 16 of the README.
	occ := glossary.FindOccurrences(c.Docs, "berth window")
	if !slices.ContainsFunc(occ, func(o glossary.Occurrence) bool { return o.Document == "README.md" && o.Line == 16 }) {
		t.Errorf("occurrences of berth window: %v, want README.md:16 among them", occ)
	}
}

// TestDefineTableWithoutOuterPipes checks a GitHub table written without
// its outer pipes ("Option | Description" over "--- | ---"): its rows gloss
// their names as a table's rows do, and the heading over it gets no gloss
// from the table's text. The page is written for this test.
func TestDefineTableWithoutOuterPipes(t *testing.T) {
	t.Parallel()
	doc := "# quayjs\n\n## Checks\n\nCheck | Description\n------------- | -------------\n" +
		"**isBerth(str)** | check if the string names a free berth.\n`tideLevel` | the height of the water at the gauge, in metres.\n\n" +
		"Run a check before mooring. Each check is fast. Read tideLevel at dawn; tideLevel changes hourly.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tideLevel"); d.Text != "The height of the water at the gauge, in metres." {
		t.Errorf("tideLevel: %q (%.2f), want the row's gloss", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "check", "Description")
}

// Under a heading named for the term, a rule for each one ("### Domains"
// over "Each domain & SAN will lead to a certificate request.",
// Traefik's) says nothing of what one is; nor does an option's heading in
// code over an everyday word ("### `path`" over "The URL for the error
// page.", an option named path, not what a path is). The text is
// written for this test.
func TestHeadingOverARuleOrAnOption(t *testing.T) {
	t.Parallel()
	doc := "# Routers\n\n### Berths\n\nEach berth & quay will lead to a mooring request.\n\n### `path`\n\nThe URL for the tide page.\n\n" +
		"### `timeout()`\n\ntimeout() returns the number of seconds a ship may wait.\n\n" +
		"Every berth is numbered. Each path is logged. Every timeout is short.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "routers.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "will lead")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "path", "URL for the tide page")
	// A function's heading ("### `rate()`", PromQL's) is the function's.
	if d := define(t, e, c, "timeout"); !strings.Contains(d.Text, "returns the number of seconds") {
		t.Errorf("timeout = %q (%.2f), want its function's gloss", d.Text, d.Confidence)
	}
}

// TestHeadingOverANameCompound: a name's heading over a sentence whose
// subject goes on past the name ("## Quillmoor" over "Quillmoor API-key
// authentication uses `Api-Key`, ...") is about that longer thing; a
// sentence with the name as its subject still glosses, and so does one
// with an adverb before its verb. An item that lists topics without a
// verb ("**Security:** authentication, credential precedence, origins,
// ...", a review's lenses) glosses nothing. The pages are written for this
// test.
func TestHeadingOverANameCompound(t *testing.T) {
	t.Parallel()
	doc := "# Contracts\n\n## Quillmoor\n\n- Quillmoor API-key authentication uses `Api-Key`, not the bearer header.\n\n" +
		"## Tidewell\n\nTidewell also schedules berths for each harbor.\n\n" +
		"## Lenses\n\n1. **Security:** authentication, credential precedence, origins, redirects, signing, webhooks, and hostile input.\n" +
		"2. **Speed:** allocations, copies, buffering, hot loops, and contention.\n\n" +
		"Quillmoor runs in each harbor. Each Quillmoor key is secret. Tidewell is old. Security matters. Speed matters too.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "contracts.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Quillmoor", "API-key authentication")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "security", "credential precedence")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "speed", "hot loops")
	if d := define(t, e, c, "Tidewell"); d.Text != "Tidewell also schedules berths for each harbor." {
		t.Errorf("Tidewell = %q (%.2f)", d.Text, d.Confidence)
	}
}

// TestDocumentPartHeadings: a heading that names a part of the document
// ("## 参考文献" over "> (3) 不自然なカタカナ語", "## References" over a cited
// title, "## See also") is no gloss of itself; its section lists what to
// read; one whose first sentence names the term ("A reference is ...")
// still glosses it. The pages are written for this test.
func TestDocumentPartHeadings(t *testing.T) {
	t.Parallel()
	ja := "# 港の規則\n\n港の規則を説明します。\n\n## 参考文献\n\n> (3) 不自然なカタカナ語\n\n- 1文字だけのカタカナ語を検出する\n\n" +
		"| 番号 | 規則 |\n| --- | --- |\n| 2.2.1 | 参考文献に従う。 |\n"
	en := "# Harbor rules\n\nThe rules of the harbor.\n\n## References\n\n> The tide almanac, third edition\n\n" +
		"Read the references. The references are old.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}, {Path: "en.md", Content: en}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "参考文献", "不自然なカタカナ語")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "reference", "tide almanac")
	cpp := "# Lines\n\n## References\n\nA reference is another name of a berth line. Each reference is short.\n"
	c = pipeline.NewCorpus([]glossary.Document{{Path: "cpp.md", Content: cpp}})
	if d := define(t, e, c, "reference"); d.Text != "A reference is another name of a berth line." {
		t.Errorf("reference = %q (%.2f), want the section's definition", d.Text, d.Confidence)
	}
}
