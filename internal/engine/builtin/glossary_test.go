package builtin

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// runPipeline runs every step of the pipeline over the documents of dir.
func runPipeline(t *testing.T, e *Engine, dir string) *pipeline.State {
	t.Helper()
	docs, _, err := document.LoadDir(dir, document.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	st := &pipeline.State{}
	if err := pipeline.New(e, pipeline.Options{}).Run(context.Background(), pipeline.NewCorpus(docs), st, pipeline.ScopeFull.Steps(), nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestGlossaryQuality runs the whole pipeline over the answer-key corpora
// (testdata/corpus) and over a second sample written for this test (an
// invented CLI tool and a Japanese operations manual): the glossary keeps
// the defined terms, with their aliases, and the widely used undefined ones;
// verbs, everyday words and rarely used undefined phrases are left out.
func TestGlossaryQuality(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	tests := []struct {
		name, dir string
		ja        bool
		want      map[string][]string // term -> aliases it must carry
		unclear   []string            // kept with an unclear issue
		absent    []string
	}{
		{"corpus en", filepath.Join("..", "..", "..", "testdata", "corpus", "en"), false,
			map[string][]string{
				"broker": nil, "topic": nil, "partition": nil, "offset": nil, "consumer group": nil, "segment": nil,
				"controller": nil, "Write-Ahead Log": {"WAL"}, "ISR": {"In-Sync Replicas"}, "Dead Letter Queue": {"DLQ"},
				"Quillmoor Foundation": nil, "retention policy": nil, "producer": nil, "consumer": nil,
				"replication factor": nil, "lease": nil, "record": nil, "compaction": nil, "high watermark": nil,
				"QuillClient": nil, "Ingrid Solberg": nil, "Rotterdam": nil, "Halvard Systems": nil,
			},
			[]string{"high watermark"},
			[]string{"answers client request", "broker call", "broker discards duplicate", "broker exports metrics",
				"controller stores cluster metadata", "group coordinator assigns partition", "network file systems return",
				"stores partition", "Trondheim processes build log", "year operating queue cluster", "Halvard Systems sold",
				"upgrading broker", "listed topics", "consumer group read", "server process", "caught", "zero", "rest",
				"read", "write", "store", "build", "duplicates", "fetch", "upgrade", "restart", "throughput", "storage",
				"disk", "index", "Log", "Queue", "data", "time", "example", "client guide", "backups", "Foundation"}},
		{"corpus ja", filepath.Join("..", "..", "..", "testdata", "corpus", "ja"), true,
			map[string][]string{
				"カワセミ": nil, "ターゲット": nil, "アクション": nil, "ビルドグラフ": nil, "DAG": {"有向非巡回グラフ"},
				"ワークスペース": nil, "ハーメティックビルド": nil, "サンドボックス": nil, "アクションキャッシュ": nil,
				"CAS": {"コンテンツアドレス可能ストレージ"}, "CI": {"継続的インテグレーション"}, "ビルドファイル": nil,
				"ルール": nil, "ツールチェーン": nil, "ラベル": nil, "プラットフォーム": nil, "キャッシュキー": nil,
				"インクリメンタルビルド": nil, "佐藤美咲": nil, "札幌": nil, "北斗ソフトウェア": nil,
			},
			[]string{"インクリメンタルビルド"},
			[]string{"一つ目", "二つ目", "三つ目", "毎年秋", "毎週ワーカー", "サンド", "クラスタ側", "ターゲット同士",
				"モノレポ向け", "コントリビューター向け", "認証用", "ネットワーク越し", "マシン自体", "大規模", "GB", "基本概念",
				"早見表", "最小単位", "絶対位置", "情報", "方法", "場合", "時間", "作業", "開発者", "ディレクトリ"}},
		{"sample en", filepath.Join("testdata", "sample", "en"), false,
			map[string][]string{"tidewatch": nil, "manifest": nil, "task": nil, "task graph": nil, "debouncing": nil,
				"tidewatch.toml": nil, "Marta Kowalczyk": nil},
			nil,
			[]string{"Press Ctrl-C", "prints", "License", "dirty", "triggers", "installation", "cycle declares task",
				"dependencies", "editor", "homebrew user"}},
		{"sample ja", filepath.Join("testdata", "sample", "ja"), true,
			map[string][]string{"月次締め処理": nil, "承認ルート": nil, "仕訳データ": nil, "承認者": nil, "申請者": nil,
				"SSO": {"シングルサインオン"}, "監査ログ": nil},
			nil,
			[]string{"承認済み", "前月分", "営業日", "毎日深夜", "保存期間"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := runPipeline(t, e, tc.dir)
			got := map[string]glossary.Entry{}
			for _, en := range st.Refined {
				got[en.Term] = en
			}
			for term, aliases := range tc.want {
				en, ok := got[term]
				if !ok {
					t.Errorf("missing entry %q", term)
					continue
				}
				for _, al := range aliases {
					if !strings.Contains(","+strings.Join(en.Aliases, ",")+",", ","+al+",") {
						t.Errorf("%q: aliases %v, want %q", term, en.Aliases, al)
					}
				}
			}
			for _, term := range tc.unclear {
				if _, ok := findIssue(st.Issues, term, glossary.Unclear); !ok {
					t.Errorf("%q has no unclear issue", term)
				}
			}
			for _, bad := range tc.absent {
				if _, ok := got[bad]; ok {
					t.Errorf("junk entry %q in the glossary", bad)
				}
			}
			for _, is := range st.Issues {
				if !is.ShouldExclude {
					continue
				}
				if is.ExclusionReason == "" {
					t.Errorf("%q excluded without a reason", is.Term)
				}
				if tc.ja && glossary.HasCJK(is.Term) && !hasKana(is.Description+is.ExclusionReason) {
					t.Errorf("issue about Japanese term %q is not in Japanese: %+v", is.Term, is)
				}
				if !tc.ja && hasKana(is.Description+is.ExclusionReason) {
					t.Errorf("issue about English term %q is not in English: %+v", is.Term, is)
				}
			}
			t.Logf("%d terms extracted, %d issues, %d entries", len(st.Terms), len(st.Issues), len(st.Refined))
		})
	}
}

// TestReviewMarginalTerms checks the rule for rarely used undefined terms:
// excluded with a reason in the term's language, unless they are names,
// identifiers, defined, widely used or never used at all (asked for by a
// person).
func TestReviewMarginalTerms(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	tests := []struct {
		lang, term string
		cat        glossary.Category
		exclude    bool
		reason     string
	}{
		{"en", "garbage collection pause", glossary.TechnicalTerm, true, "not defined in the documents and rarely used"},
		{"en", "public mailing list", glossary.TechnicalTerm, true, "not defined in the documents and rarely used"},
		{"en", "Trondheim", glossary.PlaceName, false, ""},
		{"en", "MaxBytes", glossary.TechnicalTerm, false, ""},
		{"en", "lease", glossary.TechnicalTerm, false, ""},
		{"en", "high watermark", glossary.TechnicalTerm, false, ""},
		{"en", "flux capacitor", glossary.TechnicalTerm, false, ""},
		{"ja", "ノートパソコン", glossary.TechnicalTerm, true, "文書中で定義されておらず、使用もまれな語"},
		{"ja", "インクリメンタルビルド", glossary.TechnicalTerm, false, ""},
		{"ja", "RemoteExecutor", glossary.TechnicalTerm, false, ""},
	}
	corpora := map[string]*pipeline.Corpus{"en": loadCorpus(t, "en"), "ja": loadCorpus(t, "ja")}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.term, func(t *testing.T) {
			t.Parallel()
			c := corpora[tc.lang]
			issues, err := e.Review(context.Background(), c, provisional(t, e, c, tc.cat, tc.term))
			if err != nil {
				t.Fatal(err)
			}
			is, found := findIssue(issues, tc.term, glossary.Unnecessary)
			if found != tc.exclude || found && (!is.ShouldExclude || is.ExclusionReason != tc.reason) {
				t.Errorf("issues = %+v, want exclusion %v with reason %q", issues, tc.exclude, tc.reason)
			}
		})
	}
}

// TestClassifyKeepsDefinedEverydayWords checks that an everyday word the
// documents define is a technical term, and one they only use stays a
// common noun.
func TestClassifyKeepsDefinedEverydayWords(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	for _, tc := range []struct {
		lang, term string
		want       glossary.Category
	}{
		{"en", "topic", glossary.TechnicalTerm},
		{"en", "record", glossary.TechnicalTerm},
		{"en", "client", glossary.CommonNoun},
		{"ja", "ルール", glossary.TechnicalTerm},
		{"ja", "ラベル", glossary.TechnicalTerm},
		{"ja", "データ", glossary.CommonNoun},
	} {
		t.Run(tc.lang+"/"+tc.term, func(t *testing.T) {
			t.Parallel()
			out, err := e.Classify(context.Background(), loadCorpus(t, tc.lang), []pipeline.Candidate{{Text: tc.term, Category: glossary.CommonNoun}})
			if err != nil {
				t.Fatal(err)
			}
			if out[0].Category != tc.want {
				t.Errorf("category %s, want %s", out[0].Category, tc.want)
			}
		})
	}
}

// TestAppositiveNeedsASubject checks that an introductory phrase followed by
// a clause ("After a restart, a consumer asks ...") and the tail of a longer
// name ("Foundation" of "the Quillmoor Foundation, a ...") and a list item
// ("crafted SQL, a damaged database file, or ...") are not read as
// appositive definitions, nor is an opening phrase in parentheses, a
// noun after the identifier that names it or a phrase that names the term
// again.
func TestAppositiveNeedsASubject(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := loadCorpus(t, "en")
	for _, term := range []string{"restart", "Foundation"} {
		if d := define(t, e, c, term); d.Confidence >= unclearBelow {
			t.Errorf("%s: definition %q (%.2f), want usage only", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "Quillmoor Foundation"); !strings.Contains(d.Text, "non-profit organization") {
		t.Errorf("Quillmoor Foundation: definition %q, want the appositive", d.Text)
	}
	// No appositive either, in texts written for this test: a list whose
	// items open with "a"; an opening phrase inside a parenthesis, a clause
	// that opens after a title the splitter did not end, and a noun after
	// an identifier that names one of them ("the next_berth pointer, a
	// member of ..."); phrases in a row that each name the term ("a crate
	// stowed in the cargo hold, a crate taken out of the cargo hold, ...");
	// an opening phrase with a participle ("Depending on the tide table, a
	// berth ..."); a long opening clause ("After turning on ... and
	// restarting the Tidewatch daemon, a large number of lines ..."); a
	// common noun after a preposition.
	for _, tc := range []struct {
		doc   string
		terms []string
	}{
		{"# Triage\n\n" +
			"Rate each report by what the reporter controls: crafted SQL, a damaged database file, or only the rows of a table.\n" +
			"Crafted SQL is the common case. Run the SQL in a sandbox.\n", []string{"SQL"}},
		{"# Triage\n\n" +
			"The report lists each claim, including the berth ID, a short note on the claim, the date it was filed, and its state.\n" +
			"Quote the berth ID. Each berth ID is unique.\n", []string{"berth ID"}},
		{"# Quays\n\n" +
			"Give the path of the berth file. (On Tidal, an absolute path name begins with a slash.)\n" +
			"Fix loading a berth file from a quay (Wren Talmadge) If the berth's value is NIL, a “lookup failed for berth 0” error resulted.\n" +
			"Walk the berths by following the next_berth pointer, a member of the berth record.\n" +
			"Install Tidal on the quay. Check each pointer. Never store NIL.\n", []string{"Tidal", "NIL", "pointer"}},
		{"# Tally\n\n" +
			"Count every crate (e.g. a crate stowed in the cargo hold, a crate taken out of the cargo hold, but also a crate lost at sea).\n" +
			"Close the cargo hold at night.\n", []string{"cargo hold"}},
		{"# Berths\n\n" +
			"Depending on the tide table, a berth or a pair of berths follows the harbour plan.\n" +
			"Read the tide table at dawn.\n", []string{"tide table"}},
		{"# Logs\n\n" +
			"After turning on the harbour log and restarting the Tidewatch daemon, a large number of lines appear in the log.\n" +
			"Restart the Tidewatch daemon daily.\n", []string{"Tidewatch daemon"}},
		// A common noun after a preposition: the appositive may be about
		// the phrase before it ("the one passed into the plugin, a copy
		// of ...").
		{"# Plugins\n\n" +
			"The quay passed to the handler is the same as the one passed into the winch, a copy of the outer quay rather than a reference.\n" +
			"Oil the winch daily.\n", []string{"winch"}},
		// After a possessive as after an article (Lua's "func starts with
		// only one element in its stack, a light userdata containing ud").
		{"# Cranes\n\n" +
			"The crane starts with only one hook in its cradle, a light frame holding the cable.\n" +
			"Paint the cradle yearly.\n", []string{"cradle"}},
		// A list that ends "and so on" (Groonga's "uses Groonga as its
		// database, a library that uses libgroonga, language bindings
		// ... and so on"); a copula that points back ("is one of these
		// ways").
		{"# Uses\n\n" +
			"You may build a tool that uses Tidewatch as its ledger, a plugin that reads tides, bindings for other languages and so on.\n" +
			"You can change the tide rules by flags and by files. Harbour config is one of these ways. Keep the ledger small.\n" +
			"Tidewatch is a part of the Quayside subscription - it gives support to its users. Run Tidewatch daily.\n", []string{"ledger", "Harbour config", "Tidewatch"}},
		// An item's body: the appositive after a preposition's object is
		// about the item's key (Python's "linuxaudiodev: Support for the
		// /dev/audio device on Linux, a twin to the existing sunaudiodev
		// module").
		{"# New modules\n\n- `tidemon`: Support for the `/dev/tide` device on Quaylinux, a twin to the existing `berthmon` module.\n" +
			"- `mmapx`: An interface to mapped berths.\n\nInstall Quaylinux on every berth terminal.\n", []string{"Quaylinux"}},
	} {
		c := pipeline.NewCorpus([]glossary.Document{{Path: "t.md", Content: tc.doc}})
		for _, term := range tc.terms {
			if d := define(t, e, c, term); d.Confidence >= unclearBelow {
				t.Errorf("%s: definition %q (%.2f), want usage only", term, d.Text, d.Confidence)
			}
		}
	}
}

// The documents' glossary says what a term is better than a sentence in
// passing that only weakly defines it (a plural subject: "Tide gates are
// heavy structures of the old docks."), and an entry of a few words ("A
// berth that is not a keyword berth.", Python's "positional argument")
// is whole, not too short. "An X consists of ..." says what any X is made
// of; "Each X" and "The X" speak of one.
func TestGlossaryOverWeakDefinitions(t *testing.T) {
	t.Parallel()
	gloss := "# Glossary\n\n- tide gate: A gate that holds the water in the basin at low tide.\n" +
		"- positional berth: A berth that is not a keyword berth.\n" +
		"- tide chart: A table of the heights of the tide at each hour of the day.\n" +
		"- bollard: A short post on a quay that ships tie their lines to.\n" +
		"- TSP: Tide Survey Proposal. A TSP is a design document that proposes a change to the tide survey.\n"
	prose := "# Docks\n\nTide gates are heavy structures of the old docks. Every positional berth is numbered.\n\n" +
		"A berth plan consists of one or more rows of berths and the channels between them.\n\n" +
		"A tide chart is a simple and cheap tool for planning the day's berths. Every tide chart is read at dawn.\n\n" +
		"A bollard is a short post on a quay that ships tie their lines to. Every bollard is painted.\n\n" +
		"A quay light represents a berth. Every quay light is lit at dusk.\n\n" +
		"Each mooring consists of two lines and a spring. The ledger consists of the day's arrivals.\n\n" +
		"The berth plan is printed. Every mooring and every ledger is checked, and each positional berth is kept.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "glossary.md", Content: gloss}, {Path: "docks.md", Content: prose}})
	e := newEngine(t)
	prose += "\nEvery TSP is read by the harbour office. A TSP is short.\n"
	c = pipeline.NewCorpus([]glossary.Document{{Path: "glossary.md", Content: gloss}, {Path: "docks.md", Content: prose}})
	out := runAll(t, e, c, []string{"tide gate", "positional berth", "berth plan", "mooring", "ledger", "quay light", "tide chart", "bollard", "TSP"})
	refined := map[string]pipeline.Definition{}
	for i, d := range out[2].([]pipeline.Definition) {
		refined[out[0].([]glossary.Entry)[i].Term] = d
	}
	for _, tc := range []struct {
		term, want string
		conf       float64
	}{
		{"tide gate", "A gate that holds the water in the basin at low tide.", confGloss},
		{"positional berth", "A berth that is not a keyword berth.", confGloss},
		{"berth plan", "A berth plan consists of one or more rows of berths and the channels between them.", confExplicit},
		// "An X represents a Y" says what any X is, in few words.
		{"quay light", "A quay light represents a berth.", confExplicit},
		// A strong sentence elsewhere does not outweigh the glossary
		// ("Generators are a simple and powerful tool ..." in Python's
		// tutorial); one that agrees supports it.
		{"tide chart", "A table of the heights of the tide at each hour of the day.", confGloss},
		{"bollard", "A short post on a quay that ships tie their lines to.", confSupported},
		// The entry's own defining sentence says more than its opening
		// words (Python's "PEP: Python Enhancement Proposal. A PEP is ...").
		{"TSP", "A TSP is a design document that proposes a change to the tide survey.", confExplicit},
	} {
		if d := refined[tc.term]; d.Text != tc.want || d.Confidence != tc.conf {
			t.Errorf("%s = %q [%.2f], want %q [%.2f]", tc.term, d.Text, d.Confidence, tc.want, tc.conf)
		}
	}
	for _, term := range []string{"mooring", "ledger"} {
		if d := refined[term]; d.Confidence >= confExplicit {
			t.Errorf("%s = %q [%.2f], want no definition from what one of them consists of", term, d.Text, d.Confidence)
		}
	}
}

// TestPageTopicEverydayWordIsATerm: an everyday word that titles a page of
// its own ("# Options" atop a CLI library's options page) is one of the
// documents' terms, though no sentence defines it strongly, when a sentence
// says something of it; a template title ("# Installation") and a word the
// pages only use stay out. The pages are written for this test.
func TestPageTopicEverydayWordIsATerm(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "options.md", Content: "# Options\n\nOptions in tidyctl are distinct from positional arguments. Options can take a value.\n\nPass every option by name.\n"},
		{Path: "installation.md", Content: "# Installation\n\nThe installation needs a network connection. Run the installation twice.\n"},
		{Path: "index.md", Content: "# tidyctl\n\ntidyctl reads tide data. Each option changes the tide data it reads.\n"},
	})
	in := []pipeline.Candidate{{Text: "option"}, {Text: "installation"}, {Text: "data"}}
	got, err := e.Classify(context.Background(), c, in)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []glossary.Category{glossary.TechnicalTerm, glossary.CommonNoun, glossary.CommonNoun} {
		if got[i].Category != want {
			t.Errorf("%s: category %s, want %s", in[i].Text, got[i].Category, want)
		}
	}
	entries := provisional(t, e, c, glossary.TechnicalTerm, "option", "installation")
	issues, err := e.Review(context.Background(), c, entries)
	if err != nil {
		t.Fatal(err)
	}
	excluded := map[string]bool{}
	for _, is := range issues {
		if is.ShouldExclude {
			excluded[is.Term] = true
		}
	}
	if excluded["option"] || !excluded["installation"] {
		t.Errorf("excluded = %v, want installation only", excluded)
	}
}

// A glossary's entry for a verb says what doing it means, opening with
// the verb's gerund ("fetch: Fetching a branch means to get the branch's
// head ref ...", git's glossary): that is its gloss, not an activity
// named in passing ("3. Network: structuring and managing a multi-node
// network" is still none). The text is written for this test.
func TestGlossaryGerundOfTheKey(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "glossary.md", Content: "# Glossary\n\n- moor: Mooring a boat means to tie it to a berth, to find out which ropes are missing, and to get them, too. See also moor(1).\n" +
			"- dock: Docking a ship means to bring it into a dock.\n- quay: A place to moor.\n\nYou moor at the quay. Every boat can moor. Dock the ship.\n"},
		{Path: "moor.md", Content: "# Commands\n\n- moor: Moor unmoored boats from the remote quay we are tracking.\n"},
	})
	for term, want := range map[string]string{
		"moor": "Mooring a boat means to tie it to a berth, to find out which ropes are missing, and to get them, too.",
		"dock": "Docking a ship means to bring it into a dock.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want the glossary's entry", term, d.Text, d.Confidence)
		}
	}
}

// TestClassifyKeepsAnsweredQuestions: an everyday word that a heading asks
// about and the section answers (「### 干潮とは？」 over 「潮位が最も低くなる状態
// です。」, "## What is a tide?" over "The rise and fall of the sea.") is
// defined; one that a plain heading names over such a sentence is not
// thereby. The pages are written for this test.
func TestClassifyKeepsAnsweredQuestions(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "faq.md", Content: "# よくある質問\n\n### 干潮とは？\n\n潮位が最も低くなる状態です。\n\n満潮と干潮の時刻を予測します。\n"},
		{Path: "faq-en.md", Content: "# FAQ\n\n## What is a tide?\n\nThe rise and fall of the sea along a coast.\n\nEvery tide is logged.\n\n" +
			"## Weather\n\nThe state of the sky over the harbour at noon.\n\nThe weather is logged.\n"},
	})
	for term, want := range map[string]glossary.Category{"干潮": glossary.TechnicalTerm, "tide": glossary.TechnicalTerm, "weather": glossary.CommonNoun} {
		out, err := e.Classify(context.Background(), c, []pipeline.Candidate{{Text: term, Category: glossary.CommonNoun}})
		if err != nil {
			t.Fatal(err)
		}
		if out[0].Category != want {
			t.Errorf("%s: category %s, want %s", term, out[0].Category, want)
		}
	}
}

// TestGlossaryHeadingsDefine: a heading of the documents' own glossary
// over its text ("### Tide" under "## Glossary", 「### 「満ち潮」」 in
// glossary.ja.md) defines its word: an everyday word is kept, and the
// review does not call it undefined, even where the text does not name it
// again (「潮位が上がっていく状態を指す。」). The pages are written for this test.
func TestGlossaryHeadingsDefine(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "guide.md", Content: "# Harbour guide\n\n## Glossary\n\n### Tide\n\nThe rise and fall of the sea along a coast, twice a day.\n\n## Weather\n\n### Rain\n\nThe harbour closes in heavy rain.\n"},
		{Path: "glossary.ja.md", Content: "# 用語集\n\n### 「満ち潮」\n\n潮位が上がっていく状態を指す。\n"},
	})
	for term, want := range map[string]glossary.Category{"tide": glossary.TechnicalTerm, "rain": glossary.CommonNoun} {
		out, err := e.Classify(context.Background(), c, []pipeline.Candidate{{Text: term, Category: glossary.CommonNoun}})
		if err != nil {
			t.Fatal(err)
		}
		if out[0].Category != want {
			t.Errorf("%s: category %s, want %s", term, out[0].Category, want)
		}
	}
	entries := provisional(t, e, c, glossary.TechnicalTerm, "満ち潮", "tide")
	issues, err := e.Review(context.Background(), c, entries)
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		if is.ShouldExclude {
			t.Errorf("%s excluded: %s", is.Term, is.Description)
		}
	}
	if entries[0].Definition != "潮位が上がっていく状態を指す。" {
		t.Errorf("満ち潮: %q", entries[0].Definition)
	}
}

// TestSameKindAgrees: two pages that say a term is the same kind of thing
// in other words ("Python is an interpreted language, ...", "Python is an
// easy to learn, powerful programming language."; "a web based management
// tool" and "an administration tool"; "a plain func, func(ctx ...)" and "a
// func that ...") agree; two kinds still contradict ("a tug" and "a
// crane"). The pages are written for this test.
func TestSameKindAgrees(t *testing.T) {
	t.Parallel()
	a := "# Tidal\n\nTidal is an interpreted language, which saves harbour masters time because no chart needs compiling.\n\n" +
		"Quayman is a web based management tool that helps to manage the berths of a harbour.\n\n" +
		"A hook is a plain func, func(berth string) error.\n\nBerthy is a small tug that pushes barges.\n"
	b := "# Intro\n\nTidal is an easy to learn, powerful charting language.\n\n" +
		"Quayman is an administration tool that uses LDAP to store its berths and provides a tree of quays.\n\n" +
		"A hook is a func that runs when a ship arrives and returns an error.\n\nBerthy is a crane on the east quay.\n\n" +
		"Every Tidal chart, Quayman screen, hook and Berthy job is logged.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: a}, {Path: "b.md", Content: b}})
	out := runAll(t, newEngine(t), c, []string{"Tidal", "Quayman", "hook", "Berthy"})
	refined := out[2].([]pipeline.Definition)
	for i, term := range []string{"Tidal", "Quayman", "hook"} {
		if d := refined[i]; d.Confidence != confAgreed || strings.Contains(d.Text, "a.md") {
			t.Errorf("%s = %q [%.2f], want the two definitions to agree [%.2f]", term, d.Text, d.Confidence, confAgreed)
		}
	}
	if d := refined[3]; d.Confidence != confConflicting {
		t.Errorf("Berthy = %q [%.2f], want a tug and a crane to conflict [%.2f]", d.Text, d.Confidence, confConflicting)
	}
}

// TestTheOneAtHandDoesNotConflict: "The winch is defined as ..." on a
// page about one record's fields speaks of the winch at hand; against
// "Winches are a kind of drum ..." on another page it is no second meaning
// (KiCad's "The footprint is defined as an absolute footprint using the
// LIBNAME:FOOTPRINTNAME format"). The pages are written for this test.
func TestTheOneAtHandDoesNotConflict(t *testing.T) {
	t.Parallel()
	a := "# Winches\n\nWinches are a kind of drum that winds the mooring ropes of a ship.\n"
	b := "# Berth records\n\nThe winch is defined as the first field of a berth record, in the WINCH:DRUM form.\n\nEvery winch is oiled.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tackle.md", Content: a}, {Path: "records.md", Content: b}})
	out := runAll(t, newEngine(t), c, []string{"winch"})
	if d := out[2].([]pipeline.Definition)[0]; d.Text != "Winches are a kind of drum that winds the mooring ropes of a ship." || d.Confidence == confConflicting {
		t.Errorf("winch = %q [%.2f], want the general definition alone", d.Text, d.Confidence)
	}
}
