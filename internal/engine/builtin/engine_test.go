package builtin

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// The expectations below restate testdata/corpus/README.md.

func TestDefineDefinedTerms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang, term string
		want       string // a fragment of the expected definition
		doc        string // the document the evidence must name
		minConf    float64
	}{
		{"en", "broker", "A broker is a server process that stores partitions", "concepts.md", 0.85},
		{"en", "topic", "A topic is a named stream of records", "concepts.md", 0.7},
		{"en", "partition", "A partition is an ordered, append-only sequence of records", "concepts.md", 0.7},
		{"en", "offset", "Offset means the position of a record", "concepts.md", 0.7},
		{"en", "consumer group", "Consumer group refers to a set of consumers", "concepts.md", 0.7},
		{"en", "segment", "A segment, which is a single file on disk", "concepts.md", 0.7},
		{"en", "controller", "The controller, a broker elected by its peers", "concepts.md", 0.7},
		{"en", "Write-Ahead Log", "The Write-Ahead Log (WAL) is an append-only file", "concepts.md", 0.7},
		{"en", "WAL", "The Write-Ahead Log (WAL) is an append-only file", "concepts.md", 0.7},
		{"en", "ISR", "ISR (In-Sync Replicas) is the set of replicas", "concepts.md", 0.7},
		{"en", "In-Sync Replicas", "ISR (In-Sync Replicas) is the set of replicas", "concepts.md", 0.7},
		{"en", "Dead Letter Queue", "A Dead Letter Queue (DLQ) is a topic", "operations.md", 0.7},
		{"en", "DLQ", "A Dead Letter Queue (DLQ) is a topic", "operations.md", 0.7},
		{"en", "Quillmoor Foundation", "the Quillmoor Foundation, a non-profit organization", "overview.md", 0.7},
		{"en", "retention policy", "The retention policy decides how long a broker keeps sealed segments", "operations.md", 0.7},
		{"en", "producer", "A client that publishes records to a topic.", "overview.md", 0.7},
		{"en", "consumer", "A client that reads records from one or more partitions", "overview.md", 0.7},
		{"en", "replication factor", "The number of copies of each partition kept on distinct brokers.", "overview.md", 0.7},
		{"en", "lease", "A time-limited claim that a consumer holds on a partition", "overview.md", 0.7},
		{"en", "record", "A key, a value and a small set of headers", "overview.md", 0.7},
		{"ja", "カワセミ", "カワセミとは、大規模なモノレポ向けに作られた", "overview.md", 0.7},
		{"ja", "ターゲット", "ターゲットとは、ビルドの最小単位となる成果物の宣言である。", "concepts.md", 0.85},
		{"ja", "アクション", "アクションは、コンパイラやリンカなどのコマンドを一回実行する処理の単位である。", "concepts.md", 0.7},
		{"ja", "ビルドグラフ", "ビルドグラフとは、ターゲット同士の依存関係", "concepts.md", 0.7},
		{"ja", "有向非巡回グラフ", "有向非巡回グラフ（DAG）は、辺の向きに沿って", "concepts.md", 0.7},
		{"ja", "DAG", "有向非巡回グラフ（DAG）は、辺の向きに沿って", "concepts.md", 0.7},
		{"ja", "ワークスペース", "ディレクトリ全体を指す。", "concepts.md", 0.7},
		{"ja", "ハーメティックビルド", "ハーメティックビルドとは、", "concepts.md", 0.7},
		{"ja", "サンドボックス", "アクションをほかのファイルから隔離して実行するための一時ディレクトリ", "concepts.md", 0.7},
		{"ja", "アクションキャッシュ", "アクションキャッシュは、実行済みアクションの出力を", "cache.md", 0.7},
		{"ja", "コンテンツアドレス可能ストレージ", "ハッシュ値をキーにしてデータを保存するストレージである。", "cache.md", 0.7},
		{"ja", "CAS", "ハッシュ値をキーにしてデータを保存するストレージである。", "cache.md", 0.7},
		{"ja", "ビルドファイル", "ビルドファイルには、", "concepts.md", 0.7},
		{"ja", "ルール", "ターゲットの作り方を記述した関数。", "overview.md", 0.7},
		{"ja", "ツールチェーン", "コンパイラ、リンカ、標準ライブラリをひとまとめにした組。", "overview.md", 0.7},
		{"ja", "ラベル", "ターゲットを一意に指し示す名前。", "overview.md", 0.7},
		{"ja", "プラットフォーム", "環境の種類。", "overview.md", 0.7},
	}
	e := newEngine(t)
	corpora := map[string]*pipeline.Corpus{"en": loadCorpus(t, "en"), "ja": loadCorpus(t, "ja")}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.term, func(t *testing.T) {
			t.Parallel()
			c := corpora[tc.lang]
			d := define(t, e, c, tc.term)
			if !strings.Contains(d.Text, tc.want) {
				t.Errorf("definition = %q, want it to contain %q", d.Text, tc.want)
			}
			if d.Confidence < tc.minConf || d.Confidence > 1 {
				t.Errorf("confidence = %.2f, want in [%.2f, 1]", d.Confidence, tc.minConf)
			}
			if !strings.Contains(d.Evidence, tc.doc+":") {
				t.Errorf("evidence = %q, want it to name %s", d.Evidence, tc.doc)
			}
			assertCleanDefinition(t, d.Text)
		})
	}
}

func TestDefineFallbacks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang, term string
		prefix     string
		maxConf    float64
	}{
		{"en", "high watermark", usedInPrefixEN, 0.4},
		{"en", "Ingrid Solberg", usedInPrefixEN, 0.4},
		{"en", "QuillClient", usedInPrefixEN, 0.4},
		{"ja", "インクリメンタルビルド", usedInPrefixJA, 0.4},
		{"ja", "佐藤美咲", usedInPrefixJA, 0.4},
		{"en", "flux capacitor", "", 0},
		{"ja", "量子もつれ", "", 0},
	}
	e := newEngine(t)
	corpora := map[string]*pipeline.Corpus{"en": loadCorpus(t, "en"), "ja": loadCorpus(t, "ja")}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, corpora[tc.lang], tc.term)
			if d.Confidence > tc.maxConf || d.Confidence < 0 {
				t.Errorf("confidence = %.2f, want in [0, %.2f]", d.Confidence, tc.maxConf)
			}
			if tc.prefix == "" {
				if d.Text != "" || d.Confidence != 0 {
					t.Errorf("got %q (%.2f), want an empty definition with confidence 0", d.Text, d.Confidence)
				}
				return
			}
			if !strings.HasPrefix(d.Text, tc.prefix) || !glossary.Contains(d.Text, tc.term) {
				t.Errorf("definition = %q, want a %q usage sentence naming the term", d.Text, tc.prefix)
			}
		})
	}
}

func TestReviewFindsIssues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, lang string
		terms      []string
		cat        glossary.Category
		term       string // the term the issue is about
		typ        glossary.IssueType
		exclude    bool
		mention    []string // fragments the description must contain
	}{
		{"en undefined", "en", []string{"high watermark", "broker"}, glossary.TechnicalTerm, "high watermark", glossary.Unclear, false, []string{"high watermark"}},
		{"en contradiction", "en", []string{"compaction", "topic"}, glossary.TechnicalTerm, "compaction", glossary.Contradiction, false,
			[]string{"concepts.md:72", "operations.md:51", "background process", "merging of many small sealed segments"}},
		{"en relation", "en", []string{"controller", "broker"}, glossary.TechnicalTerm, "controller", glossary.MissingRelation, false, []string{"broker"}},
		{"ja undefined", "ja", []string{"インクリメンタルビルド", "ターゲット"}, glossary.TechnicalTerm, "インクリメンタルビルド", glossary.Unclear, false, []string{"定義"}},
		{"ja contradiction", "ja", []string{"キャッシュキー", "アクション"}, glossary.TechnicalTerm, "キャッシュキー", glossary.Contradiction, false,
			[]string{"concepts.md:54", "remote.md:27", "ハッシュ値", "トークン"}},
		{"ja common noun", "ja", []string{"ビルドグラフ"}, glossary.CommonNoun, "ビルドグラフ", glossary.Unnecessary, true, []string{"一般的な語"}},
		{"en common noun", "en", []string{"partition"}, glossary.CommonNoun, "partition", glossary.Unnecessary, true, []string{"general-language"}},
	}
	for _, w := range []string{"data", "example", "system", "time", "number", "information", "mechanism", "indicate", "scope"} {
		tests = append(tests, struct {
			name, lang string
			terms      []string
			cat        glossary.Category
			term       string
			typ        glossary.IssueType
			exclude    bool
			mention    []string
		}{"en general " + w, "en", []string{w}, glossary.TechnicalTerm, w, glossary.Unnecessary, true, []string{"general-language word"}})
	}
	for _, w := range []string{"情報", "方法", "場合", "時間", "作業", "アクセス", "デフォルト"} {
		tests = append(tests, struct {
			name, lang string
			terms      []string
			cat        glossary.Category
			term       string
			typ        glossary.IssueType
			exclude    bool
			mention    []string
		}{"ja general " + w, "ja", []string{w}, glossary.TechnicalTerm, w, glossary.Unnecessary, true, []string{"一般的な語"}})
	}
	e := newEngine(t)
	corpora := map[string]*pipeline.Corpus{"en": loadCorpus(t, "en"), "ja": loadCorpus(t, "ja")}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := corpora[tc.lang]
			entries := provisional(t, e, c, tc.cat, tc.terms...)
			issues, err := e.Review(context.Background(), c, entries)
			if err != nil {
				t.Fatalf("Review: %v", err)
			}
			is, ok := findIssue(issues, tc.term, tc.typ)
			if !ok {
				t.Fatalf("no %s issue for %q in %+v", tc.typ, tc.term, issues)
			}
			if is.ShouldExclude != tc.exclude {
				t.Errorf("should_exclude = %v, want %v", is.ShouldExclude, tc.exclude)
			}
			if tc.exclude && is.ExclusionReason == "" {
				t.Error("exclusion_reason is empty")
			}
			for _, m := range tc.mention {
				if !strings.Contains(is.Description, m) {
					t.Errorf("description %q does not contain %q", is.Description, m)
				}
			}
			if tc.lang == "ja" && !hasKana(is.Description) {
				t.Errorf("description of a Japanese term is not Japanese: %q", is.Description)
			}
			if tc.lang == "en" && hasKana(is.Description) {
				t.Errorf("description of an English term is not English: %q", is.Description)
			}
		})
	}
}

func TestReviewLeavesDefinedTermsAlone(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	for _, tc := range []struct {
		lang  string
		terms []string
	}{
		{"en", []string{"broker", "topic", "partition", "offset", "consumer group", "segment", "retention policy", "producer", "replication factor", "record"}},
		{"ja", []string{"ターゲット", "アクション", "ビルドグラフ", "ワークスペース", "ハーメティックビルド", "サンドボックス", "アクションキャッシュ", "ビルドファイル", "ルール", "ツールチェーン"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			c := loadCorpus(t, tc.lang)
			issues, err := e.Review(context.Background(), c, provisional(t, e, c, glossary.TechnicalTerm, tc.terms...))
			if err != nil {
				t.Fatalf("Review: %v", err)
			}
			for _, is := range issues {
				if is.Type != glossary.MissingRelation {
					t.Errorf("unexpected issue %+v", is)
				}
			}
		})
	}
}

func TestReviewDefinitionRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		def  string
		conf float64
		term string
		want glossary.IssueType
		none bool
	}{
		{"circular en", "Broker is broker.", 0.9, "broker", glossary.Unclear, false},
		{"contained in term", "Replication", 0.9, "replication factor", glossary.Unclear, false},
		{"too short en", "A thing.", 0.9, "partition", glossary.Unclear, false},
		{"empty", "", 0, "partition", glossary.Unclear, false},
		{"low confidence", "A partition is an ordered sequence of records of a topic.", 0.3, "partition", glossary.Unclear, false},
		{"circular ja", "ターゲットはターゲットである。", 0.9, "ターゲット", glossary.Unclear, false},
		{"too short ja", "宣言。", 0.9, "ターゲット", glossary.Unclear, false},
		{"good", "A partition is an ordered sequence of records of a topic.", 0.8, "partition", "", true},
		// The term as subject and two words are short but whole: what
		// it is (implementation) and of what (Unix).
		{"short sentence", "A partition is an implementation of Unix.", 0.8, "partition", "", true},
		{"too short sentence", "A partition is a slice.", 0.8, "partition", glossary.Unclear, false},
		{"short and circular", "A partition is the CRD implementation of partition.", 0.8, "partition", glossary.Unclear, false},
		{"short, not what it is", "A partition is done by Unix.", 0.8, "partition", glossary.Unclear, false},
		{"short and cut", "A partition is an alternative spelling for", 0.8, "partition", glossary.Unclear, false},
		{"short, one of a page", "The partition is the name of a table.", 0.8, "partition", glossary.Unclear, false},
		{"two words without the term", "Ordered records.", 0.8, "partition", glossary.Unclear, false},
		// A word of the term elsewhere in the sentence is content: "An
		// interface type defines a type set." (Go's spec).
		{"term's word elsewhere", "A record partition defines a record set.", 0.8, "record partition", "", true},
		{"term's word alone", "A record partition is a record.", 0.8, "record partition", glossary.Unclear, false},
		// An abbreviation's long form says what it stands for, however
		// short (「部品表の略。」 of BOM).
		{"short expansion ja", "区画表の略。", 0.6, "partition", "", true},
		{"short expansion en", "Short for segmentation.", 0.6, "partition", "", true},
		// A whole sentence on the term says enough in words of kana:
		// 「係留とは、船を岸壁につなぎとめることです。」.
		{"short sentence ja", "係留とは、船を岸壁につなぎとめることです。", 0.8, "係留", "", true},
		{"short topic ja", "曳船は他の船を引く小さな船のことです。", 0.8, "曳船", "", true},
		{"short topic with its reading ja", "接岸（せつがん）は、船を岸壁に着けることです。", 0.8, "接岸", "", true},
		{"too short sentence ja", "係留とは、固定です。", 0.8, "係留", glossary.Unclear, false},
		{"short, not on the term ja", "船を岸壁につなぎとめることです。", 0.8, "係留", glossary.Unclear, false},
	}
	e := newEngine(t)
	c := loadCorpus(t, "en")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			entries := []glossary.Entry{{Term: tc.term, Category: glossary.TechnicalTerm, Definition: tc.def, Confidence: tc.conf}}
			issues, err := e.Review(context.Background(), c, entries)
			if err != nil {
				t.Fatalf("Review: %v", err)
			}
			if tc.none {
				if len(issues) != 0 {
					t.Fatalf("issues = %+v, want none", issues)
				}
				return
			}
			if _, ok := findIssue(issues, tc.term, tc.want); !ok {
				t.Fatalf("issues = %+v, want a %s issue", issues, tc.want)
			}
		})
	}
}

// TestDefiniteSubjectsPerPage: "The value is a list of berth names." on one
// reference page and "The value is a bitmap of tide flags." on another say
// what one setting's value is on each page: no contradiction, and no more
// than a describing sentence for "value", nor for "The input is ..." of
// an everyday word alone, nor for a parameter under "Syntax". "A berth is ..." against "A berth is ..." still
// contradict. The pages are written for this test.
func TestDefiniteSubjectsPerPage(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "quay-names.md", Content: "# quay_names\n\nSets the quays to use. The value is a list of berth names, separated by commas.\n\nA berth is a place where a ship is tied up.\n"},
		{Path: "tide-flags.md", Content: "# tide_flags\n\nReports the tide. The value is a bitmap of tide flags, one bit per flag.\n\nA berth is a fee that a ship pays per day.\n"},
	})
	if d := define(t, e, c, "value"); d.Confidence > confDescribe {
		t.Errorf("value: %q (%.2f), want at most a describing sentence (%.2f)", d.Text, d.Confidence, confDescribe)
	}
	entries := provisional(t, e, c, glossary.TechnicalTerm, "value", "berth")
	issues, err := e.Review(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Review: %v", err)
	}
	if is, ok := findIssue(issues, "value", glossary.Contradiction); ok {
		t.Errorf("value: %+v, want no contradiction between two pages' settings", is)
	}
	if _, ok := findIssue(issues, "berth", glossary.Contradiction); !ok {
		t.Errorf("berth: issues %+v, want the contradiction", issues)
	}
	// One page (here in two copies) that says two things of "the tide
	// log" elaborates on it: still its definition.
	page := "# Logs\n\nThe tide log is a record of every high and low water.\n\nLater on: the tide log is what the harbour master reads each dawn.\n"
	copies := pipeline.NewCorpus([]glossary.Document{{Path: "logs.md", Content: page}, {Path: "logs.txt", Content: strings.Replace(page, "Later on: the", "The", 1)}})
	if d := define(t, e, copies, "tide log"); d.Confidence <= confDescribe {
		t.Errorf("tide log: %q (%.2f), want a definition", d.Text, d.Confidence)
	}
	// Of an everyday word, "The input is ..." says what the input at
	// hand is even on one page alone; "The server is the program that
	// ..." names a kind by what its members do.
	one := pipeline.NewCorpus([]glossary.Document{{Path: "moor.md", Content: "# moor_delay\n\n" +
		"Reads the tide table. The input is a list of tide times, one per line.\n\n" +
		"Waits before mooring. The argument is a delay expressed in seconds by default.\n\n" +
		"The server is the program that takes berth requests from a client and answers them.\n"}})
	for _, term := range []string{"input", "argument"} {
		if d := define(t, e, one, term); d.Confidence > confDescribe {
			t.Errorf("%s: %q (%.2f), want at most a describing sentence (%.2f)", term, d.Text, d.Confidence, confDescribe)
		}
	}
	if d := define(t, e, one, "server"); d.Confidence <= confDescribe {
		t.Errorf("server: %q (%.2f), want a definition", d.Text, d.Confidence)
	}
	// Under "Syntax", 「潮位は、…です」 says what one parameter of the
	// function is, in each of the functions a page documents: no
	// contradiction.
	fn := func(name, param string) string {
		return "## " + name + "\n\n潮の高さを返します。\n\n#### 構文\n\n" + name + "(潮位; 時刻)\n\n潮位は、" + param + "です。\n\n"
	}
	syntax := pipeline.NewCorpus([]glossary.Document{
		{Path: "tide1.md", Content: "# 潮汐関数 1\n\n" + fn("TIDEHIGH", "満潮時の海面の高さ") + fn("TIDELOW", "干潮時の海面の高さ")},
		{Path: "tide2.md", Content: "# 潮汐関数 2\n\n" + fn("TIDEMEAN", "一日の平均の高さを表す数値")},
	})
	// One sentence that says what an input is stands, against the ones
	// that say what the input at hand is.
	both := pipeline.NewCorpus([]glossary.Document{
		{Path: "fields.md", Content: "# Fields\n\nThe input is a list of tide times. The input is a berth name, one per line.\n"},
		{Path: "terms.md", Content: "# Terms\n\nAn input is a reading that a tide gauge sends to the harbour office.\n"},
	})
	if d := define(t, e, both, "input"); d.Text != "An input is a reading that a tide gauge sends to the harbour office." || d.Confidence <= confConflicting {
		t.Errorf("input: %q (%.2f), want the sentence about inputs in general", d.Text, d.Confidence)
	}
	if d := define(t, e, syntax, "潮位"); d.Confidence > confDescribe {
		t.Errorf("潮位: %q (%.2f), want at most a describing sentence (%.2f)", d.Text, d.Confidence, confDescribe)
	}
}

// TestAnswerToTheQuestionIsTheDefinition: "What is Harbourd?" answered
// with "Harbourd is a berth scheduler ..." on one page, while another page
// says "Harbourd is a large project, ...": the answer is the definition and
// the two do not contradict; nor do they when one is on the page named
// after the term (app-tidewatch.md). The pages are written for this test.
func TestAnswerToTheQuestionIsTheDefinition(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "community.md", Content: "# Community\n\nHarbourd is a large project, and keeping it running takes many hands.\n"},
		{Path: "intro.md", Content: "# Introduction\n\n## 1. What Is Harbourd?\n\nHarbourd is a berth scheduler for small ports, written in Go.\n"},
	})
	want := "Harbourd is a berth scheduler for small ports, written in Go."
	if d := define(t, e, c, "Harbourd"); d.Text != want || d.Confidence < confExplicit {
		t.Errorf("Harbourd: %q (%.2f), want %q (>= %.2f)", d.Text, d.Confidence, want, confExplicit)
	}
	issues, err := e.Review(context.Background(), c, provisional(t, e, c, glossary.TechnicalTerm, "Harbourd"))
	if err != nil {
		t.Fatalf("Review: %v", err)
	}
	if is, ok := findIssue(issues, "Harbourd", glossary.Contradiction); ok {
		t.Errorf("Harbourd: %+v, want no contradiction: the question's answer is its definition", is)
	}
	// The page named after the term says what it is: "Tidewatch is a
	// gauge reader ..." on tidewatch.md, not "Tidewatch is a large
	// project" on another page.
	own := pipeline.NewCorpus([]glossary.Document{
		{Path: "about/community.md", Content: "# Community\n\nTidewatch is a large project, and keeping it running takes many hands.\n"},
		{Path: "ref/app-tidewatch.md", Content: "# Reference\n\nTidewatch is a gauge reader that records the tide at each berth.\n"},
	})
	if d := define(t, e, own, "Tidewatch"); d.Text != "Tidewatch is a gauge reader that records the tide at each berth." || d.Confidence <= confConflicting {
		t.Errorf("Tidewatch: %q (%.2f), want its own page's definition", d.Text, d.Confidence)
	}
}

// TestMissingRelationKeepsCase checks that a definition's head noun is
// linked to an acronym or identifier only as it is spelt: "a roster of
// selector requirements" is not about the ROSTER operation.
func TestMissingRelationKeepsCase(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := loadCorpus(t, "en")
	const list = "matchExpressions is a roster of pod selector requirements."
	for _, tc := range []struct {
		def, other string
		want       bool
	}{
		{list, "ROSTER", false},
		{list, "Roster", true}, // a word capitalised at the start names it
		{list, "roster", true},
		{"matchExpressions is a PodSelector of label requirements.", "PodSelector", true},
	} {
		t.Run(tc.other, func(t *testing.T) {
			t.Parallel()
			entries := []glossary.Entry{
				{Term: "matchExpressions", Category: glossary.TechnicalTerm, Definition: tc.def, Confidence: 0.8},
				{Term: tc.other, Category: glossary.TechnicalTerm, Definition: "An operation that returns the objects of a kind, optionally filtered.", Confidence: 0.8},
			}
			issues, err := e.Review(context.Background(), c, entries)
			if err != nil {
				t.Fatal(err)
			}
			if _, got := findIssue(issues, "matchExpressions", glossary.MissingRelation); got != tc.want {
				t.Errorf("missing_relation to %q = %v, want %v (issues %+v)", tc.other, got, tc.want, issues)
			}
		})
	}
}

func TestRefine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang, term string
		want       []string
		maxConf    float64
	}{
		{"en", "compaction", []string{"In concepts.md: Compaction is a background process", "; in operations.md: Compaction is the merging"}, 0.6},
		{"ja", "キャッシュキー", []string{"concepts.md では「キャッシュキーとは", "remote.md では「キャッシュキーとは", "と説明されている。"}, 0.6},
		{"en", "high watermark", []string{usedInPrefixEN}, 0.3},
		{"en", "controller", []string{"The controller, a broker elected", "See also: broker."}, 0.8},
	}
	e := newEngine(t)
	corpora := map[string]*pipeline.Corpus{"en": loadCorpus(t, "en"), "ja": loadCorpus(t, "ja")}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.term, func(t *testing.T) {
			t.Parallel()
			c := corpora[tc.lang]
			entries := provisional(t, e, c, glossary.TechnicalTerm, tc.term, "broker")
			issues, err := e.Review(context.Background(), c, entries)
			if err != nil {
				t.Fatalf("Review: %v", err)
			}
			var mine []glossary.Issue
			for _, is := range issues {
				if is.Term == tc.term {
					mine = append(mine, is)
				}
			}
			if len(mine) == 0 {
				t.Fatalf("no issues for %q", tc.term)
			}
			d, err := e.Refine(context.Background(), c, entries[0], mine)
			if err != nil {
				t.Fatalf("Refine: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("refined = %q, want it to contain %q", d.Text, w)
				}
			}
			if d.Confidence > tc.maxConf || d.Confidence < 0 {
				t.Errorf("confidence = %.2f, want <= %.2f", d.Confidence, tc.maxConf)
			}
		})
	}
}

// TestMergeDefinitions: conflicting definitions name their documents, once
// when two come from the same one; of many, a few are quoted.
func TestMergeDefinitions(t *testing.T) {
	t.Parallel()
	clusters := [][]evidence{
		{{text: "A berth is a place where a ship is moored.", doc: "a.md"}},
		{{text: "A berth is a bed on a ship.", doc: "a.md"}},
		{{text: "A berth is a safe distance.", doc: "b.md"}},
	}
	if got, want := mergeDefinitions(clusters, false),
		"In a.md: A berth is a place where a ship is moored; also: A berth is a bed on a ship; in b.md: A berth is a safe distance."; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	ja := [][]evidence{
		{{text: "泊地は船が停泊する場所です。", doc: "a.md"}},
		{{text: "泊地は港の区画です。", doc: "a.md"}},
		{{text: "泊地は錨を下ろす水域です。", doc: "b.md"}},
	}
	if got, want := mergeDefinitions(ja, true),
		"a.md では「泊地は船が停泊する場所です」、また「泊地は港の区画です」、b.md では「泊地は錨を下ろす水域です」と説明されている。"; got != want {
		t.Errorf("Japanese: %q, want %q", got, want)
	}
	// Many: the three with the most documents are quoted, in their order,
	// and the others counted.
	many := [][]evidence{
		{{text: "The return value of moor is the berth.", doc: "a.md"}},
		{{text: "The return value of sail is a course.", doc: "b.md"}, {text: "The return value of sail is a course.", doc: "c.md"}},
		{{text: "The return value of dock is nil.", doc: "d.md"}},
		{{text: "The return value of tow is a tug.", doc: "e.md"}, {text: "The return value of tow is a tug.", doc: "f.md"}},
		{{text: "The return value of anchor is a depth.", doc: "g.md"}, {text: "The return value of anchor is a depth.", doc: "h.md"}},
	}
	if got, want := mergeDefinitions(many, false),
		"In b.md: The return value of sail is a course; in e.md: The return value of tow is a tug; in g.md: The return value of anchor is a depth; and 2 more elsewhere."; got != want {
		t.Errorf("many: %q, want %q", got, want)
	}
	if got := mergeDefinitions(many, true); !strings.HasSuffix(got, "と説明されている（ほかに 2 件の説明がある）。") {
		t.Errorf("many, Japanese: %q, want the others counted", got)
	}
}

func TestRefineUnclearUsesBetterEvidence(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := loadCorpus(t, "en")
	entry := glossary.Entry{Term: "topic", Category: glossary.TechnicalTerm, Definition: "Topic is topic.", Confidence: 0.9,
		Occurrences: glossary.FindOccurrences(c.Docs, "topic")}
	issues := []glossary.Issue{{Term: "topic", Type: glossary.Unclear, Description: "circular"}}
	d, err := e.Refine(context.Background(), c, entry, issues)
	if err != nil {
		t.Fatalf("Refine: %v", err)
	}
	if !strings.HasPrefix(d.Text, "A topic is a named stream of records") || d.Confidence < 0.7 {
		t.Errorf("refined = %q (%.2f), want the definitional sentence", d.Text, d.Confidence)
	}
}

func TestAliases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang  string
		terms []string
		want  map[string][]string
	}{
		{"en", []string{"Write-Ahead Log", "WAL", "ISR", "In-Sync Replicas", "Dead Letter Queue", "DLQ", "broker"},
			map[string][]string{"Write-Ahead Log": {"WAL"}, "ISR": {"In-Sync Replicas"}, "Dead Letter Queue": {"DLQ"}}},
		{"ja", []string{"有向非巡回グラフ", "DAG", "コンテンツアドレス可能ストレージ", "CAS", "継続的インテグレーション", "CI", "ターゲット"},
			map[string][]string{"DAG": {"有向非巡回グラフ"}, "CAS": {"コンテンツアドレス可能ストレージ"}, "CI": {"継続的インテグレーション"}}},
		// Only pairs whose both sides are entries are merged.
		{"en", []string{"WAL", "broker"}, map[string][]string{}},
	}
	e := newEngine(t)
	for _, tc := range tests {
		t.Run(tc.lang+"/"+strings.Join(tc.terms, ","), func(t *testing.T) {
			t.Parallel()
			c := loadCorpus(t, tc.lang)
			got, err := e.Aliases(context.Background(), c, provisional(t, e, c, glossary.TechnicalTerm, tc.terms...))
			if err != nil {
				t.Fatalf("Aliases: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("aliases = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAliasesPrimaryIsTheCommonerForm(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{{Path: "a.md", Content: "The Time To Live (TTL) of a key.\nSet the TTL.\nThe TTL is short.\n\nA Remote Procedure Call (RPC) is a request.\n"}}
	c := pipeline.NewCorpus(docs)
	entries := []glossary.Entry{{Term: "Time To Live"}, {Term: "TTL"}, {Term: "Remote Procedure Call"}, {Term: "RPC"}}
	got, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	want := map[string][]string{"TTL": {"Time To Live"}, "Remote Procedure Call": {"RPC"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases = %v, want %v (more occurrences wins, the expansion on ties)", got, want)
	}
}

// TestAliasesLongVowelSpellings checks that a katakana term written with
// and without its word-final long-vowel mark is one term (the commoner
// spelling primary), while words that differ by a mark inside them (ビール,
// ビル) stay apart. The text is written for this test.
func TestAliasesLongVowelSpellings(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{{Path: "a.md", Content: "潮位コントローラーは潮位を見張ります。潮位コントローラーを止めます。潮位コントローラは再起動できます。\n" +
		"サーバはログを書きます。サーバーを止めます。\nビールとビルは違います。\n"}}
	c := pipeline.NewCorpus(docs)
	entries := []glossary.Entry{{Term: "潮位コントローラ"}, {Term: "潮位コントローラー"}, {Term: "サーバ"}, {Term: "サーバー"}, {Term: "ビール"}, {Term: "ビル"}}
	got, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	want := map[string][]string{"潮位コントローラー": {"潮位コントローラ"}, "サーバー": {"サーバ"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases = %v, want %v (more occurrences wins, the spelling with the mark on ties)", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			terms := map[string][]string{
				"en": {"broker", "compaction", "high watermark", "WAL", "Write-Ahead Log", "controller", "producer", "data", "Ingrid Solberg", "retention policy", "ISR", "In-Sync Replicas"},
				"ja": {"ターゲット", "キャッシュキー", "インクリメンタルビルド", "DAG", "有向非巡回グラフ", "サンドボックス", "ルール", "情報", "佐藤美咲", "ビルドファイル"},
			}[lang]
			first := runAll(t, e, loadCorpus(t, lang), terms)
			second := runAll(t, e, loadCorpus(t, lang), terms)
			if !reflect.DeepEqual(first, second) {
				t.Errorf("two runs differ:\n%v\n%v", first, second)
			}
		})
	}
}

func TestConcurrentDefine(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := loadCorpus(t, "en")
	terms := []string{"broker", "topic", "compaction", "high watermark", "WAL", "lease"}
	want := make([]pipeline.Definition, len(terms))
	for i, term := range terms {
		want[i] = define(t, e, loadCorpus(t, "en"), term)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(terms))
	for range 8 {
		for i, term := range terms {
			wg.Go(func() {
				d, err := e.Define(context.Background(), c, request(c, term))
				if err != nil {
					errs <- err
					return
				}
				if d != want[i] {
					errs <- fmt.Errorf("%s: got %+v, want %+v", term, d, want[i])
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestContextCancelled(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := loadCorpus(t, "en")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	entry := glossary.Entry{Term: "broker", Definition: "A broker is a server.", Confidence: 0.8}
	calls := map[string]func() error{
		"Extract": func() error { _, err := e.Extract(ctx, c, nil); return err },
		"Classify": func() error {
			_, err := e.Classify(ctx, c, []pipeline.Candidate{{Text: "broker"}})
			return err
		},
		"Define":  func() error { _, err := e.Define(ctx, c, request(c, "broker")); return err },
		"Review":  func() error { _, err := e.Review(ctx, c, []glossary.Entry{entry}); return err },
		"Refine":  func() error { _, err := e.Refine(ctx, c, entry, nil); return err },
		"Aliases": func() error { _, err := e.Aliases(ctx, c, []glossary.Entry{entry}); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if err := call(); !errors.Is(err, context.Canceled) {
				t.Errorf("%s with a cancelled ctx: err = %v, want context.Canceled", name, err)
			}
		})
	}
}

func TestClassifyKeepsTerms(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	in := []pipeline.Candidate{
		{Text: "Ingrid Solberg", Category: glossary.PersonName, Score: 2},
		{Text: "broker", Category: glossary.TechnicalTerm},
		{Text: "data"},
		{Text: "hand-added term"},
	}
	got, err := e.Classify(context.Background(), loadCorpus(t, "en"), in)
	if err != nil {
		t.Fatalf("Classify: %v", err)
	}
	want := []glossary.Category{glossary.PersonName, glossary.TechnicalTerm, glossary.CommonNoun, glossary.TechnicalTerm}
	for i := range in {
		if got[i].Text != in[i].Text || got[i].Category != want[i] || got[i].Score != in[i].Score {
			t.Errorf("term %d = %+v, want %q as %s", i, got[i], in[i].Text, want[i])
		}
	}
	if in[2].Category != "" {
		t.Error("Classify modified its input")
	}
}

func TestNewRejectsNegativeMaxTerms(t *testing.T) {
	t.Parallel()
	if _, err := New(Options{MaxTerms: -1}); err == nil {
		t.Error("New(MaxTerms: -1) succeeded")
	}
	if e := newEngine(t); e.Name() != "builtin" {
		t.Errorf("Name() = %q", e.Name())
	}
}

// define calls Define for term with its occurrences, failing on error.
func define(t testing.TB, e *Engine, c *pipeline.Corpus, term string) pipeline.Definition {
	t.Helper()
	d, err := e.Define(context.Background(), c, request(c, term))
	if err != nil {
		t.Fatalf("Define(%q): %v", term, err)
	}
	return d
}

// provisional defines every term and returns the entries, as the pipeline's
// provisional step would.
func provisional(t testing.TB, e *Engine, c *pipeline.Corpus, cat glossary.Category, terms ...string) []glossary.Entry {
	t.Helper()
	var out []glossary.Entry
	for _, term := range terms {
		req := request(c, term)
		d := define(t, e, c, term)
		out = append(out, glossary.Entry{
			Term: term, Category: cat, Definition: d.Text, Confidence: d.Confidence,
			Occurrences: req.Occurrences, Evidence: d.Evidence,
		})
	}
	return out
}

// runAll runs define, review, refine and aliases over terms and returns
// everything they produced.
func runAll(t testing.TB, e *Engine, c *pipeline.Corpus, terms []string) []any {
	t.Helper()
	entries := provisional(t, e, c, glossary.TechnicalTerm, terms...)
	var issues []glossary.Issue
	for i := 0; i < len(entries); i += pipeline.ReviewBatch {
		is, err := e.Review(context.Background(), c, entries[i:min(i+pipeline.ReviewBatch, len(entries))])
		if err != nil {
			t.Fatalf("Review: %v", err)
		}
		issues = append(issues, is...)
	}
	var refined []pipeline.Definition
	for _, en := range entries {
		var mine []glossary.Issue
		for _, is := range issues {
			if is.Term == en.Term {
				mine = append(mine, is)
			}
		}
		d, err := e.Refine(context.Background(), c, en, mine)
		if err != nil {
			t.Fatalf("Refine: %v", err)
		}
		refined = append(refined, d)
	}
	aliases, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	return []any{entries, issues, refined, aliases}
}

func findIssue(issues []glossary.Issue, term string, typ glossary.IssueType) (glossary.Issue, bool) {
	for _, is := range issues {
		if is.Term == term && is.Type == typ {
			return is, true
		}
	}
	return glossary.Issue{}, false
}

func hasKana(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// assertCleanDefinition checks that a definition is one clean sentence: no
// Markdown, no line breaks, not cut mid-word, at most ~300 characters.
func assertCleanDefinition(t *testing.T, def string) {
	t.Helper()
	if strings.ContainsAny(def, "\n`*#") || strings.Contains(def, "](") {
		t.Errorf("definition %q contains Markdown or line breaks", def)
	}
	if n := len([]rune(def)); n > maxDefinitionRunes {
		t.Errorf("definition has %d characters, want <= %d", n, maxDefinitionRunes)
	}
	last := []rune(def)[len([]rune(def))-1]
	if !strings.ContainsRune(".!?。！？…)）」", last) {
		t.Errorf("definition %q does not end a sentence", def)
	}
}

func TestExtractDelegates(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			c := loadCorpus(t, lang)
			var calls, lastTotal int
			var mu sync.Mutex
			terms, err := e.Extract(context.Background(), c, func(done, total int, doc string) {
				mu.Lock()
				defer mu.Unlock()
				calls++
				lastTotal = total
			})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if len(terms) < 10 {
				t.Fatalf("Extract returned %d terms, want >= 10", len(terms))
			}
			if calls != len(c.Docs) || lastTotal != len(c.Docs) {
				t.Errorf("progress called %d times with total %d, want %d", calls, lastTotal, len(c.Docs))
			}
			again, err := e.Extract(context.Background(), c, nil)
			if err != nil {
				t.Fatalf("Extract again: %v", err)
			}
			if !reflect.DeepEqual(terms, again) {
				t.Error("two extractions differ")
			}
			t.Logf("%d terms, first: %v", len(terms), terms[:min(15, len(terms))])
		})
	}
}

// TestDefineAbbreviationByItsExpansion: an abbreviation the documents only
// use, but expand once ("Long Form (ABBR)", "ABBR (Long Form)", mixed
// case as in "QoS" and "IoT", in a heading, or a
// Japanese compound before full-width parentheses), is defined by that
// expansion (the most frequent one) rather than by a usage sentence, while
// an explicit definition still wins over it.
func TestDefineAbbreviationByItsExpansion(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{
		{Path: "abi.md", Content: "# Linking\n\nNative plugins must keep to the Application Binary Interface (ABI) of the host.\nA plugin built for another ABI fails to load.\nCheck the ABI after every compiler upgrade.\n"},
		{Path: "slo.md", Content: "Each team sets an SLO (service level objective) per endpoint.\nAn SLO below 99% needs a review.\nThe service level objective (SLO) is reported weekly.\n\nSome say SLO (Service Launch Order) but that is rare.\n"},
		{Path: "defined.md", Content: "The Time To Live (TTL) of a cache entry.\nTTL is the number of seconds an entry stays valid in the cache.\n"},
		{Path: "ja.md", Content: "# 運用\n\n本製品は継続的インテグレーション（CI）で毎晩検証する。\nCIが失敗した場合はリリースを止める。\nCIの結果は共有フォルダに置く。\n"},
		// Mixed-case abbreviations spell their small words in lower case;
		// emphasis around one does not hide it.
		{Path: "qos.md", Content: "# Delivery\n\nThe broker offers three levels of quality of service (**QoS**).\nQoS 2 is the slowest.\nPick a QoS per topic.\n\nSensors form an IoT (Internet of Things) mesh.\nIoT nodes sleep.\nEach IoT node reports hourly.\n\n" +
			"Ships call the Harbor Traffic Controllers (HTCs) before they berth. Each HTC logs the call. An HTC works a shift.\n"},
		// A heading spells one out too.
		{Path: "pqm.md", Content: "# Chapter 4. Pluggable Quay Modules (PQM)\n\nEach PQM loads at boot. A PQM can be swapped while the quay runs.\n"},
		{Path: "tms.md", Content: "# 港湾\n\n## 4.1. 潮位監視システム（TMS）\n\nTMSは毎時に潮位を記録する。TMSの記録は一年間残す。\n\n" +
			"入港管理票（略して NKH）を提出します。NKH は港長が確かめます。NKH を保管します。\n\n" +
			"潮汐予報網 (略して TFN) は潮位を港ごとに予報する仕組みです。TFN を使います。TFN は毎朝更新されます。\n"},
		// An abbreviation inside the long form keeps its letters:
		// "PPP over Ethernet (PPPoE)".
		{Path: "tcoq.md", Content: "# Links\n\nMost tugs speak TCP over Quaylink (TCPoQ) to the harbour office. TCPoQ needs a cable. Each TCPoQ link is slow.\n"},
		{Path: "bqs.md", Content: "# Quays\n\nEach berth keeps a berth queue schedule (abbreviated BQS) for the week. The BQS is printed daily. A BQS lists ships.\n"},
		// A possessive after the long form is no part of it.
		{Path: "hpf.md", Content: "# Chat\n\nJoin the Harbour Pilots Federation's (HPF) chat. The HPF meets yearly. Each HPF member votes.\n"},
		// Too short to spell the letters: a topic, not an expansion.
		{Path: "ja-short.md", Content: "# 画面\n\n見た目は配置の規則（QSS）で決まる。\nQSSを編集する。\nQSSの書式は独自である。\n"},
	}
	c := pipeline.NewCorpus(docs)
	tests := []struct {
		term, want string
		conf       float64
	}{
		{"ABI", "Short for Application Binary Interface.", confExpansion},
		{"SLO", "Short for service level objective.", confExpansion},
		{"CI", "継続的インテグレーションの略。", confExpansion},
		{"QoS", "Short for quality of service.", confExpansion},
		{"IoT", "Short for Internet of Things.", confExpansion},
		// A plural abbreviation names the singular.
		{"HTC", "Short for Harbor Traffic Controller.", confExpansion},
		{"PQM", "Short for Pluggable Quay Modules.", confExpansion},
		{"TMS", "潮位監視システムの略。", confExpansion},
		// A word marks it as an abbreviation: 「(略して X)」, "(abbreviated X)".
		{"NKH", "入港管理票の略。", confExpansion},
		{"BQS", "Short for berth queue schedule.", confExpansion},
		{"TCPoQ", "Short for TCP over Quaylink.", confExpansion},
		{"HPF", "Short for Harbour Pilots Federation.", confExpansion},
	}
	for _, tc := range tests {
		d := define(t, e, c, tc.term)
		if d.Text != tc.want || d.Confidence != tc.conf {
			t.Errorf("%s: %q (%.2f), want %q (%.2f)", tc.term, d.Text, d.Confidence, tc.want, tc.conf)
		}
	}
	if d := define(t, e, c, "QSS"); strings.Contains(d.Text, "の略") {
		t.Errorf("QSS: %q, want no expansion from 「規則」", d.Text)
	}
	if d := define(t, e, c, "TFN"); d.Text != "潮汐予報網 (略して TFN) は潮位を港ごとに予報する仕組みです。" {
		t.Errorf("TFN: %q, want the definition of its long form", d.Text)
	}
	if d := define(t, e, c, "TTL"); !strings.Contains(d.Text, "number of seconds") {
		t.Errorf("TTL: %q, want its explicit definition, not the expansion", d.Text)
	}
	// The long form as the term, its abbreviation as an alias: not "Short
	// for" itself.
	d, err := e.Define(context.Background(), c, request(c, "Application Binary Interface", "ABI"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "Short for Application Binary Interface") {
		t.Errorf("Application Binary Interface: %q defines the term by itself", d.Text)
	}
}

// TestDefineQuotedAndListLeadingSentences: a block quote is read as the
// text it quotes (its numbered list does not run into the sentence before
// it), and a sentence that only leads into a list ("... compatible with an
// old one if") is neither a heading's gloss nor a preferred usage.
func TestDefineQuotedAndListLeadingSentences(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{{Path: "rules.md", Content: "# Compatibility\n\n#### Channels\n\n" +
		"> A new channel type is compatible with an old one if\n>  1. The element types correspond, and\n>  2. The directions are the same.\n\n" +
		"Closing a channel never breaks a caller, so the checker skips channel closes in every package.\n\n" +
		"#### Ledgers\n\n> A ledger is an append-only record of every vote the quorum accepted.\n>\n> Ledgers are replicated.\n"}}
	c := pipeline.NewCorpus(docs)
	ch := define(t, e, c, "channel")
	if strings.Contains(ch.Text, "> 1") || strings.HasSuffix(strings.TrimSuffix(ch.Text, "\""), " if") {
		t.Errorf("channel: %q, a sentence cut before its list", ch.Text)
	}
	if !strings.Contains(ch.Text, "Closing a channel never breaks a caller") {
		t.Errorf("channel: %q, want the usage sentence that stands alone", ch.Text)
	}
	if l := define(t, e, c, "ledger"); l.Text != "A ledger is an append-only record of every vote the quorum accepted." {
		t.Errorf("ledger: %q, want the quoted definition without its quote marker", l.Text)
	}
}

// TestAliasesGivenInText: other names the text gives a phrase ("X, also
// known as Y, ...", "X (also called Y)") merge when both are entries; a name
// given to two different phrases ("The tide gauge, also known as a meter",
// "The rain gauge, also known as a meter") merges with neither. A phrase
// named so is not excluded as rarely used, and its sentence describes it;
// "Dead reckoning, or DR, ..." expands DR, and "The vessel traffic
// service, also known as VTS, ..." VTS.
func TestAliasesGivenInText(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# Fleet\n\n" +
		"A harbor pilot, also known as a marine pilot, guides ships through dangerous waters.\n" +
		"Every harbor pilot holds a license. A marine pilot may refuse a ship.\n\n" +
		"The bow thruster (also called a side thruster) pushes the bow sideways.\nCheck the bow thruster first.\n\n" +
		"The tide gauge, also known as a meter, records the water level. The rain gauge, also known as a meter, records rain.\n" +
		"Read the tide gauge daily. Empty the rain gauge weekly. Each meter is calibrated.\n\n" +
		"Dead reckoning, or DR, estimates a position from speed and heading. Use DR when the fix is lost. DR drifts.\n\n" +
		"The vessel traffic service, also known as VTS, monitors ships near the port. Ships report to the VTS.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	entries := []glossary.Entry{{Term: "harbor pilot"}, {Term: "marine pilot"}, {Term: "bow thruster"}, {Term: "side thruster"},
		{Term: "tide gauge"}, {Term: "meter"}} // "rain gauge" is not an entry: the name is still given twice
	got, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	want := map[string][]string{"harbor pilot": {"marine pilot"}, "bow thruster": {"side thruster"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases = %v, want %v", got, want)
	}
	if d := define(t, e, c, "harbor pilot"); d.Text != "A harbor pilot, also known as a marine pilot, guides ships through dangerous waters." || d.Confidence < confDescribe {
		t.Errorf("harbor pilot: %q (%.2f), want its describing sentence", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "DR"); d.Text != "Short for Dead reckoning." {
		t.Errorf("DR: %q, want its expansion", d.Text)
	}
	if d := define(t, e, c, "VTS"); d.Text != "Short for vessel traffic service." {
		t.Errorf("VTS: %q, want its expansion", d.Text)
	}
	ix := index(c)
	for _, term := range []string{"harbor pilot", "marine pilot", "side thruster"} {
		if !ix.isAbbrevPart(term) {
			t.Errorf("%s is not known as named by the text", term)
		}
	}
}

// TestHereinafterNames: the formal naming of specifications and contracts,
// 「港湾情報推進機構（以下「HIPA」という。）」, 「…が提供する入港予約サービス
// （以下、「予約サービス」といいます。）」 and "the Acme Berth Gateway (the
// \"Gateway\")", defines the name by the phrase and merges the two as
// aliases. The texts are written for this test.
func TestHereinafterNames(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	ja := "# 規約\n\n第1条 この規約は、港湾情報推進機構（以下「HIPA」という。）が提供する入港予約サービス（以下、「予約サービス」といいます。）の利用条件を定めるものです。\n\n" +
		"HIPAは、予約サービスの内容を変更できます。予約サービスは無料です。HIPAに問い合わせます。予約サービスを使います。\n\n" +
		// Unquoted names: 「（以下、甲という。）」, a Latin name spaced
		// from its particle after a phrase of the text's own.
		"第2条 株式会社ミナト商会（以下、甲という。）は、予約サービスを運営します。甲は年に一度報告します。\n\n" +
		"Tidewater Berth Planner （以下、本書では TBP と呼びます。）は、泊地を割り当てるソフトウェアです。TBP は速い。TBP を使います。\n" +
		"手順は港湾規則（以下参照）に従います。入港手続きは港長が定めます。\n"
	en := "# Terms\n\nThese terms govern the use of the Acme Berth Gateway (the \"Gateway\") operated by Example Harbor (\"we\").\n\n" +
		"The Gateway books berths. Every Gateway has a region. The Acme Berth Gateway runs in three ports.\n\n" +
		"The Gateway has separate windows for drawing the berth plan (\"Plan Editor\") and laying out the quay (\"Quay Editor\").\n" +
		"A berth plan lists the berths. The Plan Editor saves a berth plan. The quay is long; the Quay Editor draws it.\n\n" +
		"Pilots who board the containing harbour (\"superport\") can fetch every berth. The superport is big.\n\n" +
		"The cranes run on the 64-bit Tally Box (\"tb64\") from Example Harbor. A Tally Box counts crates; tb64 is its newest model.\n" +
		"We divide Quaytool into high level (\"berthware\") commands and low level\n(\"moorware\") commands. The berthware is many commands; moorware is few.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	for term, want := range map[string]string{
		"HIPA":    "港湾情報推進機構（以下「HIPA」という。）",
		"予約サービス":  "入港予約サービス（以下、「予約サービス」といいます。）",
		"甲":       "株式会社ミナト商会（以下、甲という。）",
		"TBP":     "Tidewater Berth Planner （以下、本書では TBP と呼びます。）",
		"Gateway": "Acme Berth Gateway (the \"Gateway\")",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	for _, text := range []string{"手順は港湾規則（以下参照）に従います。", "船名は登録簿（以下に示す形式）で書きます。"} {
		if n := jaNamings(text); len(n) != 0 {
			t.Errorf("jaNamings(%q) = %+v, want none (a pointer, not a naming)", text, n)
		}
	}
	entries := []glossary.Entry{{Term: "HIPA"}, {Term: "港湾情報推進機構"}, {Term: "予約サービス"}, {Term: "入港予約サービス"},
		{Term: "Gateway"}, {Term: "Acme Berth Gateway"}, {Term: "甲"}, {Term: "株式会社ミナト商会"}, {Term: "TBP"}, {Term: "Tidewater Berth Planner"}}
	got, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	// Which of a pair is primary follows the occurrences (see
	// TestAliasesPrimaryIsTheCommonerForm); each pair is merged.
	for _, pair := range [][2]string{{"HIPA", "港湾情報推進機構"}, {"予約サービス", "入港予約サービス"}, {"Gateway", "Acme Berth Gateway"},
		{"甲", "株式会社ミナト商会"}, {"TBP", "Tidewater Berth Planner"}} {
		if !slices.Contains(got[pair[0]], pair[1]) && !slices.Contains(got[pair[1]], pair[0]) {
			t.Errorf("aliases = %v: %s and %s are not merged", got, pair[0], pair[1])
		}
	}
	// A quoted name for a common phrase in running prose names it in
	// passing (a naming), from the phrase's determiner on; a formal text
	// names a name.
	if d := define(t, e, c, "superport"); d.Text != "Containing harbour (\"superport\")" {
		t.Errorf("superport: %q (%.2f), want the phrase it names", d.Text, d.Confidence)
	}
	if a, err := assessTerm(context.Background(), c, "superport", nil, nil); err != nil || a.best.strong || !a.best.naming {
		t.Errorf("superport: evidence %+v (%v), want a naming, not a formal definition", a.best, err)
	}
	if a, err := assessTerm(context.Background(), c, "Gateway", nil, nil); err != nil || !a.best.strong {
		t.Errorf("Gateway: evidence %+v (%v), want a formal definition", a.best, err)
	}
	// "windows for drawing the berth plan (\"Plan Editor\")" names the
	// window that draws it, not the plan; "the 64-bit Tally Box
	// (\"tb64\")" names the 64-bit box, not every Tally Box.
	// "high level (\"berthware\") commands": the phrase goes on to its
	// plural noun after the parenthesis.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berthware", "level (")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "moorware", "level (")
	if d := define(t, e, c, "Tally Box"); strings.Contains(d.Text, "(\"tb64\")") {
		t.Errorf("Tally Box: %q (%.2f), want no gloss from the name of the 64-bit one", d.Text, d.Confidence)
	}
	got, err = e.Aliases(context.Background(), c, []glossary.Entry{{Term: "berth plan"}, {Term: "Plan Editor"}, {Term: "quay"}, {Term: "Quay Editor"},
		{Term: "Tally Box"}, {Term: "tb64"}})
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	if len(got) != 0 {
		t.Errorf("aliases = %v, want none", got)
	}
}

// TestAliasesJapaneseOtherNames: a Japanese compound followed by its
// English name or a loanword in parentheses (「冪等性（英: idempotency）」,
// 「再試行（リトライ）」) merges with that name when both are entries; an
// abbreviation pairs as before and a reading in hiragana or a gloss in
// kanji is no name. The text is written for this test.
func TestAliasesJapaneseOtherNames(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# 入門\n\n冪等性（英: idempotency）とは、同じ操作を何度行っても結果が変わらない性質のことです。\n" +
		"再試行（リトライ）とは、失敗した操作をもう一度行うことです。\n閘室（こうしつ）は水位を変える部屋です。\n" +
		"係留索（太い綱）を結びます。\n\n冪等性があれば再試行しても安全です。idempotencyは英語です。リトライは三回までです。閘室は二つあります。係留索は太い。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	entries := []glossary.Entry{{Term: "冪等性"}, {Term: "idempotency"}, {Term: "再試行"}, {Term: "リトライ"}, {Term: "閘室"},
		{Term: "こうしつ"}, {Term: "係留索"}, {Term: "太い綱"}}
	got, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	want := map[string][]string{"冪等性": {"idempotency"}, "再試行": {"リトライ"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases = %v, want %v", got, want)
	}
}

// A license notice copied into a package (an MIT or Apache notice in a
// README or a THIRD-PARTY-NOTICES file) names "the Software" and "the
// License" for its own purpose: neither is a term of the documents, and
// no sentence of the notice glosses anything. The notice is written for
// this test in the usual wording.
func TestLicenseNoticesGlossNothing(t *testing.T) {
	t.Parallel()
	doc := "# Quaytool\n\nQuaytool books berths. The Software of the harbor office is old.\n\n## License\n\n" +
		"Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction.\n\n" +
		"Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file except in compliance with the License.\n\n" +
		"THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n\n" +
		"The Harbor Software Foundation may publish revised and/or new versions of the General Public License from time to time.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"Software", "License", "Harbor Software Foundation"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, "(the") || strings.Contains(d.Text, "hereby") || strings.Contains(d.Text, "compliance") ||
			strings.Contains(d.Text, "may publish") {
			t.Errorf("%s: %q (%.2f), a license notice glosses nothing", term, d.Text, d.Confidence)
		}
	}
}

// TestMissingRelationToAnExcludedEntry: a definition's head noun that is
// another entry of the batch is no missing relation when the review
// excludes that entry (a general-language word here): the refined
// glossary would say "See also" an entry it does not have.
func TestMissingRelationToAnExcludedEntry(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	c := loadCorpus(t, "en")
	entries := []glossary.Entry{
		{Term: "matchExpressions", Category: glossary.TechnicalTerm, Definition: "matchExpressions is a list of pod selector requirements.", Confidence: 0.8},
		{Term: "list", Category: glossary.TechnicalTerm, Definition: "A list of things.", Confidence: 0.3},
	}
	issues, err := e.Review(context.Background(), c, entries)
	if err != nil {
		t.Fatal(err)
	}
	if is, ok := findIssue(issues, "list", glossary.Unnecessary); !ok || !is.ShouldExclude {
		t.Fatalf("list is not excluded (issues %+v); the test needs it to be", issues)
	}
	if _, got := findIssue(issues, "matchExpressions", glossary.MissingRelation); got {
		t.Errorf("missing_relation to an excluded entry (issues %+v)", issues)
	}
}
