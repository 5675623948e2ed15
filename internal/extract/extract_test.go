package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
)

func loadDocs(t testing.TB, dir string) []glossary.Document {
	t.Helper()
	var docs []glossary.Document
	err := filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		docs = append(docs, glossary.Document{Path: filepath.ToSlash(rel), Content: string(b)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	return docs
}

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func byText(terms []glossary.Term) map[string]glossary.Term {
	m := make(map[string]glossary.Term, len(terms))
	for _, x := range terms {
		m[x.Text] = x
	}
	return m
}

// extractPair extracts the terms of doc given as two documents (a.md and
// b.md): the extractor keeps a candidate only where it is seen twice.
func extractPair(t *testing.T, e *Extractor, doc string) []glossary.Term {
	t.Helper()
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return terms
}

// checkTerms reports each of want that terms lacks and each of bad that
// terms has; label prefixes the messages.
func checkTerms(t *testing.T, label string, terms []glossary.Term, want, bad []string) {
	t.Helper()
	got := byText(terms)
	for _, w := range want {
		if _, ok := got[w]; !ok {
			t.Errorf("%s%q missing from %v", label, w, terms)
		}
	}
	for _, b := range bad {
		if _, ok := got[b]; ok {
			t.Errorf("%s%q extracted as a term", label, b)
		}
	}
}

func TestExtractTermsAndCategories(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	tests := []struct {
		name string
		dir  string
		want map[string]glossary.Category
		junk []string
	}{
		{
			name: "english",
			dir:  "testdata/en",
			want: map[string]glossary.Category{
				"Quillstream":                 glossary.TechnicalTerm,
				"ledger partition":            glossary.TechnicalTerm,
				"partition leader":            glossary.TechnicalTerm,
				"write-ahead log":             glossary.TechnicalTerm,
				"compaction scheduler":        glossary.TechnicalTerm,
				"heartbeat timeout":           glossary.TechnicalTerm,
				"replication lag":             glossary.TechnicalTerm,
				"follower node":               glossary.TechnicalTerm,
				"LRP":                         glossary.TechnicalTerm,
				"Ledger Replication Protocol": glossary.TechnicalTerm,
				"MGA":                         glossary.TechnicalTerm,
				"Metrics Gateway API":         glossary.TechnicalTerm,
				"API":                         glossary.TechnicalTerm,
				"JSON":                        glossary.TechnicalTerm,
				"EventWriter":                 glossary.TechnicalTerm,
				"CursorReader":                glossary.TechnicalTerm,
				"sequence_id":                 glossary.TechnicalTerm,
				"max_batch_bytes":             glossary.TechnicalTerm,
				"retention.window":            glossary.TechnicalTerm,
				"Mira Okonkwo":                glossary.PersonName,
				"Tokyo":                       glossary.PlaceName,
				"Osaka":                       glossary.PlaceName,
				"Lumen Fjord Labs Inc":        glossary.Organization,
				"Kestrel University":          glossary.Organization,
				"Chief Technology Officer":    glossary.Title,
				"event":                       glossary.CommonNoun,
			},
			junk: []string{"the following", "following", "this section", "section", "e.g", "e.g.",
				"details", "42", "1001", "2.4", "https", "docs.example.com", "example.org", "func", "main",
				"quill.NewEventWriter", "NewEventWriter", "w.Publish", "Publish", "cfg", "Dr", "Dr. Mira Okonkwo",
				"quillstream overview", "core concept", "Setting", "Meaning", "APIs", "a", "s", "#", "**",
				"partition leader fail", "remaining replicas elect", "Lumen Fjord Labs Inc.", "Quillstream Overview"},
		},
		{
			name: "japanese",
			dir:  "testdata/ja",
			want: map[string]glossary.Category{
				"クイルストリーム":       glossary.TechnicalTerm,
				"台帳パーティション":      glossary.TechnicalTerm,
				"パーティションリーダー":    glossary.TechnicalTerm,
				"先行書き込みログ":       glossary.TechnicalTerm,
				"圧縮スケジューラ":       glossary.TechnicalTerm,
				"複製遅延":           glossary.TechnicalTerm,
				"ハートビートタイムアウト":   glossary.TechnicalTerm,
				"台帳複製プロトコル":      glossary.TechnicalTerm,
				"メトリクスゲートウェイAPI": glossary.TechnicalTerm,
				"LRP":            glossary.TechnicalTerm,
				"MGA":            glossary.TechnicalTerm,
				"EventWriter":    glossary.TechnicalTerm,
				"sequence_id":    glossary.TechnicalTerm,
				"山田花子":           glossary.PersonName,
				"山田花子博士":         glossary.Title,
				"鈴木一郎部長":         glossary.Title,
				"東京":             glossary.PlaceName,
				"大阪":             glossary.PlaceName,
				"ルーメンフィヨルド株式会社":  glossary.Organization,
				"大阪大学":           glossary.Organization,
				"イベント":           glossary.CommonNoun,
			},
			junk: []string{"こと", "もの", "ため", "よう", "これ", "それ", "この", "以下", "本章", "手順",
				"順序どおり", "山田", "花子", "さん", "山田花子さん", "NewEventWriter", "quill.NewEventWriter",
				"docs.example.com", "https", "一秒", "三台", "三倍", "第", "の"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			docs := loadDocs(t, tc.dir)
			terms, err := e.Extract(context.Background(), docs, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := byText(terms)
			for text, cat := range tc.want {
				x, ok := got[text]
				if !ok {
					t.Errorf("missing term %q", text)
					continue
				}
				if x.Category != cat {
					t.Errorf("%q: category %s, want %s", text, x.Category, cat)
				}
			}
			for _, j := range tc.junk {
				if _, ok := got[j]; ok {
					t.Errorf("junk term %q extracted", j)
				}
			}
			for _, x := range terms {
				if x.Frequency < 1 || x.Score <= 0 || len(x.Documents) == 0 || !sort.StringsAreSorted(x.Documents) {
					t.Errorf("bad term fields: %+v", x)
				}
				if strings.ContainsAny(x.Text, "*#[]()`<>|\x1f") || strings.Contains(x.Text, "://") {
					t.Errorf("markup left in %q", x.Text)
				}
			}
			if !sort.SliceIsSorted(terms, func(i, j int) bool {
				if terms[i].Score != terms[j].Score {
					return terms[i].Score > terms[j].Score
				}
				return terms[i].Text < terms[j].Text
			}) {
				t.Error("terms not ranked best first")
			}
		})
	}
}

func TestExtractRanking(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	terms, err := e.Extract(context.Background(), loadDocs(t, "testdata/en"), nil)
	if err != nil {
		t.Fatal(err)
	}
	rank := map[string]int{}
	for i, x := range terms {
		rank[x.Text] = i
	}
	// Terms used across documents outrank one-off phrases and everyday nouns.
	for _, pair := range [][2]string{
		{"ledger partition", "snapshot file"},
		{"partition leader", "event"},
		{"LRP", "disk budget"},
	} {
		a, okA := rank[pair[0]]
		b, okB := rank[pair[1]]
		if !okA || !okB || a > b {
			t.Errorf("%q (rank %d, %v) should outrank %q (rank %d, %v)", pair[0], a, okA, pair[1], b, okB)
		}
	}
	x := byText(terms)["ledger partition"]
	if want := []string{"operations.md", "overview.md"}; !reflect.DeepEqual(x.Documents, want) {
		t.Errorf("documents of %q = %v, want %v", x.Text, x.Documents, want)
	}
}

func TestExtractOptions(t *testing.T) {
	t.Parallel()
	docs := loadDocs(t, "testdata")
	tests := []struct {
		name string
		opts Options
		max  int
	}{
		{"max terms", Options{MaxTerms: 5}, 5},
		{"high min score", Options{MinScore: 1e9}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := New(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			terms, err := e.Extract(context.Background(), docs, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(terms) != tc.max {
				t.Errorf("got %d terms, want %d", len(terms), tc.max)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want Language
	}{
		{"english", "The ledger partition stores events in order.", English},
		{"empty", "", English},
		{"japanese", "台帳パーティションはイベントを順序どおりに保存する。", Japanese},
		{"japanese with latin identifiers", "`max_batch_bytes`と`retention.window`を設定し、LRPとMGAのAPIを使う。", Japanese},
		{"english with one kanji quote", strings.Repeat("The compaction scheduler merges old segments. ", 20) + "東", English},
		{"mixed mostly japanese", "Quillstream は分散イベント台帳である。運用者はクラスタを監視する。", Japanese},
		{"kanji terms without kana", "量子計算\n量子誤り訂正\n超伝導回路", Japanese},
		{"chinese", strings.Repeat("分布式事件账本按顺序保存事件，运维人员监控集群。", 4), English},
		{"japanese kanji-heavy prose", strings.Repeat("分散型事象台帳は事象を順序通りに保存し、運用者が集団を監視する。", 4), Japanese},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := DetectLanguage(tc.text); got != tc.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestExtractMixedCorpus(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := loadDocs(t, "testdata")
	var calls []string
	terms, err := e.Extract(context.Background(), docs, func(done, total int, doc string) {
		if total != len(docs) || done != len(calls)+1 {
			t.Errorf("progress(%d, %d, %q) after %d calls", done, total, doc, len(calls))
		}
		calls = append(calls, doc)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(docs) {
		t.Fatalf("progress called %d times, want %d", len(calls), len(docs))
	}
	got := byText(terms)
	for _, want := range []string{"ledger partition", "台帳パーティション", "LRP"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in mixed corpus", want)
		}
	}
	if x := got["LRP"]; len(x.Documents) != 4 {
		t.Errorf("LRP documents = %v, want all four", x.Documents)
	}
}

func TestExtractDeterministic(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := loadDocs(t, "testdata")
	first, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		again, err := e.Extract(context.Background(), docs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
}

func TestExtractCancelled(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := loadDocs(t, "testdata")
	t.Run("before start", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := e.Extract(ctx, docs, nil)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("during run", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		many := make([]glossary.Document, 0, 200)
		for i := range 50 {
			for _, d := range docs {
				many = append(many, glossary.Document{Path: fmt.Sprintf("%03d/%s", i, d.Path), Content: d.Content})
			}
		}
		calls := 0
		_, err := e.Extract(ctx, many, func(done, total int, doc string) {
			calls++
			cancel()
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if calls != 1 {
			t.Errorf("progress called %d times after cancel, want 1", calls)
		}
	})
}

func TestMarkdownCleaning(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Setup Guide\n\n" +
		"Install the **replay buffer** from [the replay buffer page](https://example.com/rb).\n" +
		"Visit https://example.com/x or <http://example.net/y> for more.\n\n" +
		"```\nfenced_only_identifier = SecretThing()\n```\n\n" +
		"> A quoted example:\n>\n> ```\n> quoted_fence_identifier = QuotedThing()\n> \\new Harbor \\berthsto \"quay\"\n> ```\n\n" +
		"> ```\n> unclosed_quoted_identifier()\n\nThe tide table lists the tide table rows.\n\n" +
		"    indented_code_identifier()\n\n" +
		"<!-- hidden_comment_identifier -->\n" +
		"The replay buffer keeps `replay_window` frames. *The replay buffer* is bounded.\n\n" +
		// Inline code opening a line is no fence (a Japanese README's style).
		"```BerthClock.isHigh``` reads the tide gauge log, not the clock.\nThe tide gauge log is kept.\n\n" +
		// Emoji shortcodes are no words.
		"| feature | quaylib | tidelib |\n|---|---|---|\n| berth lock | :heavy_check_mark: | :x: |\n| tide sync | :heavy_check_mark:¹ | :heavy_check_mark: |\n\n" +
		"Times like 10:30:45 and std::vector stay.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"replay buffer", "replay_window", "tide table", "tide gauge log"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
	for _, bad := range []string{"fenced_only_identifier", "SecretThing", "quoted_fence_identifier", "QuotedThing",
		"Harbor berthsto", "berthsto", "unclosed_quoted_identifier", "indented_code_identifier",
		"hidden_comment_identifier", "example.com", "https", "setup guide", "Setup Guide", "heavy_check_mark"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q should have been stripped", bad)
		}
	}
}

// benchCorpus builds a corpus of about size bytes from the test documents,
// renaming the invented terms per copy so the candidate set keeps growing.
func benchCorpus(b *testing.B, size int) ([]glossary.Document, int) {
	base := loadDocs(b, "testdata")
	var docs []glossary.Document
	total := 0
	for i := 0; total < size; i++ {
		r := strings.NewReplacer("ledger", fmt.Sprintf("ledger%d", i%97), "Quillstream", fmt.Sprintf("Quill%dstream", i%89),
			"台帳", fmt.Sprintf("台帳%d", i%83))
		for _, d := range base {
			var sb strings.Builder
			for range 8 {
				sb.WriteString(r.Replace(d.Content))
				sb.WriteString("\n\n")
			}
			c := sb.String()
			docs = append(docs, glossary.Document{Path: fmt.Sprintf("%04d/%s", i, d.Path), Content: c})
			total += len(c)
		}
	}
	return docs, total
}

// BenchmarkExtract measures extraction in MB/s on a generated mixed
// English/Japanese corpus of 4 MB, or GENGLOSSARY_BENCH_MB megabytes
// (for example 20 for the "tens of MB" figure in docs/benchmarks.md).
func BenchmarkExtract(b *testing.B) {
	e := newExtractor(b)
	mb := 4
	if v, err := strconv.Atoi(os.Getenv("GENGLOSSARY_BENCH_MB")); err == nil && v > 0 {
		mb = v
	}
	docs, size := benchCorpus(b, mb<<20)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Extract(context.Background(), docs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractOneLine is the extraction of a run on a one-line note,
// the document of the throughput scenario of genglossary bench: its cost
// is the per-call set-up, not the text.
func BenchmarkExtractOneLine(b *testing.B) {
	e := newExtractor(b)
	docs := []glossary.Document{{Path: "note.md", Content: "The harbor keeps a ledger of every berth.\n"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Extract(context.Background(), docs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExtractAnswerKeyCorpora checks the corpora of testdata/corpus (see its
// README): the answer-key terms are candidates, and phrases that hold a verb,
// fragments of names, counters, time words and suffixed nouns are not.
func TestExtractAnswerKeyCorpora(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	tests := []struct {
		lang string
		want map[string]glossary.Category // "" means any category
		junk []string
	}{
		{"en", map[string]glossary.Category{
			"broker": "", "partition": "", "offset": "", "consumer group": "", "segment": "", "controller": "",
			"Write-Ahead Log": "", "WAL": "", "ISR": "", "In-Sync Replicas": "", "Dead Letter Queue": "", "DLQ": "",
			"retention policy": "", "producer": "", "consumer": "", "replication factor": "", "lease": "",
			"compaction": "", "high watermark": "", "committed offset": "", "QuillClient": "", "ProducerConfig": "",
			"ConsumerConfig": "", "AckMode": "", "FetchRequest": "", "CommitOffsets": "", "OffsetsForTime": "",
			"EnableIdempotence": "", "OffsetOutOfRange": "",
			"Quillmoor Foundation": glossary.Organization, "Halvard Systems": glossary.Organization,
			"Ingrid Solberg": glossary.PersonName, "Rotterdam": glossary.PlaceName, "Trondheim": glossary.PlaceName,
		}, []string{
			"answers client request", "broker discards duplicate", "broker exports metrics",
			"controller stores cluster metadata", "group coordinator assigns partition", "network file systems return",
			"network file system return", "stores partition", "Trondheim processes build log", "year operating queue cluster",
			"Halvard Systems sold", "upgrading broker", "listed topics", "listed topic", "consumer group read", "caught",
			"zero", "Log", "Queue", "Letter", "Halvard", "in-sync", "concepts page", "client guide", "operations guide",
			"ASKED question", "topics", "brokers talk", "clients authenticate", "changes offset", "call block",
		}},
		{"ja", map[string]glossary.Category{
			"カワセミ": "", "ターゲット": "", "アクション": "", "ビルドグラフ": "", "有向非巡回グラフ": "", "DAG": "",
			"ワークスペース": "", "ハーメティックビルド": "", "サンドボックス": "", "アクションキャッシュ": "",
			"コンテンツアドレス可能ストレージ": "", "CAS": "", "ビルドファイル": "", "ツールチェーン": "",
			"プラットフォーム": "", "キャッシュキー": "", "インクリメンタルビルド": "", "継続的インテグレーション": "",
			"CI": "", "BuildRule": "", "ActionGraph": "", "RemoteExecutor": "", "リモート実行": "",
			"佐藤美咲": glossary.PersonName, "札幌": glossary.PlaceName, "福岡": glossary.PlaceName,
			"東京": glossary.PlaceName, "北斗ソフトウェア": glossary.Organization,
		}, []string{
			"一つ目", "二つ目", "三つ目", "毎年秋", "毎週ワーカー", "サンド", "クラスタ側", "ターゲット同士", "モノレポ向け",
			"コントリビューター向け", "認証用", "ネットワーク越し", "マシン自体", "大規模", "GB", "基本概念", "早見表",
			"最小単位", "絶対位置", "非巡回グラフ", "コンテンツアドレス", "トー",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			terms, err := e.Extract(context.Background(), loadDocs(t, filepath.Join("..", "..", "testdata", "corpus", tc.lang)), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := byText(terms)
			for text, cat := range tc.want {
				x, ok := got[text]
				if !ok {
					t.Errorf("missing term %q", text)
					continue
				}
				if cat != "" && x.Category != cat {
					t.Errorf("%q: category %s, want %s", text, x.Category, cat)
				}
			}
			for _, j := range tc.junk {
				if _, ok := got[j]; ok {
					t.Errorf("junk term %q extracted", j)
				}
			}
		})
	}
}

// TestExtractVerbsAndModifiers checks the English verb and modifier rules on
// small texts.
func TestExtractVerbsAndModifiers(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "The scheduler assigns tasks to workers. The scheduler stores task state in the state store.\n" +
		"Each worker exports metrics. Network file systems return early. A worker caught the signal.\n" +
		"Store big payloads elsewhere. Press Ctrl-C to stop. You can restart workers safely.\n" +
		"The high watermark moves. The high watermark is shared. Readers stop at the high watermark.\n" +
		"The state store is on-disk and in-sync with the scheduler.\n" +
		"Disk usage is 20 GB at most, and the worker prints logs.\n" +
		"You declare a worker in the state store. We stash tasks nightly, and they vanish otherwise. You can tweak a worker.\n" +
		"A modern scheduler is interactive; modern, interactive and virtual workers run regular tasks, some virtual, some regular.\n" +
		"Run worker code in the sandbox. Stream data in the sandbox is compressed.\n" +
		"This option implies `--bare`. Mirroring implies `--bare` too; the flag implies `--quiet`. `--all` implies `-a`.\n" +
		"The `-b` option implies `--track`. It implies `-u`. `--force` implies `--no-verify`. That implies `-n`.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc + "Upgrading workers takes time.\n"}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"scheduler", "state store", "high watermark", "worker", "network file system", "worker code", "stream data"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
	for _, bad := range []string{"scheduler assigns task", "scheduler store", "worker exports metrics", "caught",
		"store", "Press Ctrl-C", "restart", "restart worker", "upgrading worker", "in-sync", "on-disk", "GB", "prints",
		"network file systems return", "high", "declare", "stash", "vanish", "tweak", "modern", "interactive", "virtual", "regular",
		"run worker code", "implies"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted", bad)
		}
	}
}

// TestExtractRealDocPatterns checks patterns met in real README files (the
// texts are written for this test): badges, images, anchor links, license
// notices, bylines ("Authors: ...", 「作成者：…」), commit hashes, paths, file names, units after numbers, verbs and gerunds are not
// terms; plural and case variants fold into one term.
func TestExtractRealDocPatterns(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	a := "# Larkspur\n\nAuthors: Wren Talmadge, Oskar Penhallow\n\n" +
		"[![Build Status](https://ci.example.org/badge.svg)](https://ci.example.org) [![Go Report Card][card-img]][card]\n\n" +
		"![Larkspur Architecture Diagram](docs/arch.png)\n\n" +
		"- [Ledger Shards](#ledger-shards)\n\n" +
		"Larkspur is a small LedgerStore for Go services (less than 2000 LOC). It builds on net/http and\n" +
		"github.com/example/larkspur/codec; see docs/DESIGN.md and internal/wal/segment.go for details.\n" +
		"I highly recommend reading the examples. You can create or retrieve a ledger shard at any time.\n" +
		"Ledger shards present the same interface as Object Stores. An Object Store keeps blobs.\n" +
		"The LedgerStore tracks every ledger shard. Fetching is lazy, and publishing is batched.\n" +
		"Use the LedgerStore API to open an Object Store; the LedgerStore API is stable.\n" +
		"The HTTP gateway forwards requests to the LedgerStore. HTTP clients retry.\n" +
		"The ledger acts as a journal and supplies a snapshot. Make refuses a stale tree; a shard carries keys.\n" +
		"See Ledger shards in the Larkspur Operator Handbook and the LedgerStore User Guide.\n" +
		"A virtual private ledger and a virtual private shard are kept apart.\n" +
		"A tombstone ledger is equivalent to an empty one; a shard is often distinct from its ledger.\n" +
		"Select the shards with tier equal to gold.\n" +
		"Don’t split a ledger by hand: it’ll split itself. Don’t move shards either; it’ll move them.\n\n" +
		"## Ledger shards\n\nA ledger shard is a slice of the key space.\n\n" +
		"## Credits\n\n- Ada Quenby for https://example.org/ada\n\n" +
		"## Current project team members\n\n### TC (Technical Committee)\n\n- ilseq - Ilse Quarrington\n- wrent - Wren Tolliver (he/him)\n\n" +
		"#### Emeritus Triagers\n\n- oskp - Oskar Pellworth\n\n" +
		"## Tips for talking to maintainers\n\nAn orphaned ledger shard is handed to the Ledger Guild.\nEvery orphaned ledger shard is listed.\n\n" +
		"## License\n\nMIT © Bertil Ashgrove\n\nCC-BY-SA-3.0 © Bertil Ashgrove\n\n" +
		"## License\n\nCopyright (c) 2024 Larkspur Authors. Licensed under the Apache License, Version 2.0.\n"
	b := "作成者：榊原 周平\n\nWritten by Ilse Marchetti.\n\n" +
		"Each virtual private ledger has a virtual private shard.\n" +
		"The Larkspur Operator Handbook and the LedgerStore User Guide say more.\n" +
		"The ledgerstore keeps ledger shards. Object stores hold blobs; an Object Store is cheap.\n" +
		"The LedgerStore tracks each Ledger Shard. The http gateway and the HTTP gateway are one.\n" +
		"The gateway acts as a proxy and supplies a relay. Make refuses a dirty tree; the relay carries shards.\n" +
		"GHSA-3fxj-6jh8-hvhx was fixed in a24dc91; c203e39 and `f2c4107` reverted it. Shards sign with ed25519 keys.\n" +
		"Use `Tombstone` first, then `LedgerStore.Compact`.\n" +
		"A compacted shard is equivalent to a fresh one, and its keys are distinct from the ledger's. Each tier equal to gold is kept.\n" +
		"Listing 3-1 opens a ledger, and Figure 4 shows its shards; Appendix B lists the shard kinds. Chapter 5 covers compaction.\n" +
		"In Listing 5-2 the ledger compacts. Figure 7 shows a shard, as Appendix C does. Chapter 6 covers the ledger again.\n" +
		"Ledger Functions Part Two lists more. Back to Ledger Functions Part One; see Ledger Functions Part Three and Shard Tools Part II.\n" +
		"Copy the shard foo to the ledger foo, then move foo back; Foo and baz are example names, as hoge is.\n" +
		"Rename foo to baz, and baz to qux. A shard named foo keeps foo's keys; hoge and fuga are two more.\n" +
		"An example is a shard that keeps no keys. Each example below opens a ledger; the examples run in order.\n" +
		"Default is the tier of the ledger. The default keeps keys, and the defaults of a shard follow the ledger's defaults.\n" +
		"The gateway would identify a ledger close to you. Use it to identify ledgers. To identify a shard, read its tag.\n" +
		"`Compact()` calculates the shard size. `Split()` calculates the ledger size; `Merge()` calculates nothing.\n\n" +
		"***BACK TO BASICS* The sealed ledger, a frozen ledger**\n\nA sealed ledger takes no writes.\n\n" +
		"**GOING FURTHER Ledger tiers**\n\n***LARKSPUR POLICY* Keep a ledger per tier.**\n\nBACK TO BASICS Ledger keys\n\n" +
		"Ledgers sit behind a gateway.\n\nLarkspur supports PROXY headers. The Larkspur project welcomes feedback and bug reports.\n" +
		"The Larkspur project welcomes feedback from users.\n" +
		"The ledger and the shard are copied; the latter is the file read by the gateway, the former the file it writes. " +
		"The latter is kept, the former is not, and the latter is signed.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: a}, {Path: "b.md", Content: b}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"ledger shard", "Object Store", "LedgerStore", "HTTP gateway", "LedgerStore.Compact", "ed25519", "Ledger Guild",
		"PROXY header", "feedback"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
	for _, bad := range []string{"Build Status", "Go Report Card", "Larkspur Architecture Diagram", "Architecture Diagram",
		"LOC", "net", "http", "github", "DESIGN.md", "segment.go", "recommend", "retrieve", "present", "Fetching",
		"fetching", "publishing", "Object Stores", "ledger shards", "ledgerstore", "http gateway", "Apache License",
		"Apache", "Larkspur Authors", "Ada Quenby", "GHSA-3fxj-6jh8-hvhx", "Tombstone", "Ledger Shards",
		"Wren Talmadge", "Oskar Penhallow", "Ilse Marchetti", "Bertil Ashgrove", "Ilse Quarrington", "Wren Tolliver", "Oskar Pellworth", "Ashgrove", "榊原", "周平", "a24dc91", "c203e39", "f2c4107", "acts", "supplies", "refuses", "carries",
		"Larkspur Operator Handbook", "Operator Handbook", "LedgerStore User Guide", "User Guide", "virtual private",
		"equivalent", "distinct", "tier equal", "Don’t", "don’t", "don't", "it’ll", "it'll",
		"Listing", "Figure", "Appendix", "Chapter", "Ledger Functions Part", "Functions Part", "Shard Tools Part", "foo", "Foo", "baz", "qux", "hoge", "fuga", "example", "examples",
		"default", "Default", "defaults", "calculate", "calculates", "identify", "identifies", "identify ledger",
		"BACK", "BASICS", "BACK TO BASICS", "GOING", "GOING FURTHER", "FURTHER", "POLICY", "LARKSPUR POLICY",
		"Larkspur support", "Larkspur supports", "Larkspur project welcomes feedback", "project welcomes feedback", "latter", "former"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted", bad)
		}
	}
	for _, x := range terms {
		if strings.Contains(x.Text, "/") {
			t.Errorf("path %q extracted", x.Text)
		}
	}
}

// TestExtractGerundsAreCommonNouns checks that a single -ing word is a
// common noun (kept only where the engine finds it defined), while -ing
// words that are nouns and phrases with a gerund are not affected.
func TestExtractGerundsAreCommonNouns(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "Batching happens in the flusher. The flusher uses batching and message batching.\n" +
		"Message batching cuts writes. Each string is copied; batching helps.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if x, ok := got["batching"]; ok && x.Category != glossary.CommonNoun {
		t.Errorf("batching: category %s, want common_noun", x.Category)
	}
	if x, ok := got["message batching"]; !ok || x.Category != glossary.TechnicalTerm {
		t.Errorf("message batching: %+v", x)
	}
}

// TestExtractJapaneseRealDocs checks the Japanese documents written for the
// engine's tests (a README, a design document and a runbook): their
// compounds are terms; Latin names spelled with spaces stay whole; verbs
// made of a サ変 noun and license notices are not terms.
func TestExtractJapaneseRealDocs(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	terms, err := e.Extract(context.Background(), loadDocs(t, filepath.Join("..", "engine", "builtin", "testdata", "realja")), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"ミズナギ", "スプール", "アップリンク", "ポーリング間隔", "デバイスプロファイル", "引当ワーカー",
		"在庫スナップショット", "有効在庫", "縮退モード", "フルバックアップ", "差分ログ", "リストアポイント", "メンテナンスモード",
		"SKU", "Stock Keeping Unit", "OPC UA", "MQTT"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q", want)
		}
	}
	for _, bad := range []string{"取得", "実行", "確認", "Apache", "Apache License", "Mizunagi Authors", "Stock", "Unit",
		"Build Status", "Go Reference", "UA", "OPC"} {
		if x, ok := got[bad]; ok && x.Category != glossary.CommonNoun {
			t.Errorf("%q extracted as %s", bad, x.Category)
		}
	}
}

func TestSingular(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"brokers": "broker", "policies": "policy", "cookies": "cookie", "movies": "movie",
		"zombies": "zombie", "ties": "tie", "boxes": "box", "batches": "batch", "series": "series",
		"species": "species", "status": "status", "kubernetes": "kubernetes", "caches": "cache",
		"queries": "query", "proxies": "proxy", "dues": "dues",
		"aliases": "alias", "biases": "bias", "alias": "alias", "buses": "bus", "statuses": "status", "viruses": "virus",
		"bonuses": "bonus", "causes": "cause", "clauses": "clause", "houses": "house", "uses": "use", "abuses": "abuse",
		"databases": "database", "cases": "case", "processes": "process",
		"parentheses": "parenthesis", "hypotheses": "hypothesis", "analyses": "analysis", "synopses": "synopsis",
		"crises": "crisis", "bases": "base", "phases": "phase",
	} {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExtractPluralIE: a phrase seen in the plural is named by its
// singular, "HTTP cookies" -> "HTTP cookie", never "HTTP cooky", which the
// documents never use. The text is written for this test.
func TestExtractPluralIE(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "Servers set HTTP cookies in responses. Browsers send HTTP cookies back.\n" +
		"Third-party cookies are blocked by default. Some browsers allow third-party cookies.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["HTTP cookie"]; !ok {
		t.Errorf("no HTTP cookie in %v", terms)
	}
	for _, x := range terms {
		if strings.Contains(x.Text, "cooky") {
			t.Errorf("%q extracted", x.Text)
		}
	}
}

// TestExtractJapaneseOrdinals: the counter of an ordinal written after a
// space (「2 番目」, 「3 回目」) is not a term. The text is written for
// this test.
func TestExtractJapaneseOrdinals(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "配列の 2 番目の要素を読みます。3 番目の要素も読みます。4 番目の要素は空です。\n" +
		"2 回目の呼び出しで値が変わります。3 回目の呼び出しは失敗します。配列の要素は数値です。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"番目", "回目"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted: %v", bad, terms)
		}
	}
	if _, ok := got["要素"]; !ok {
		t.Errorf("要素 not extracted: %v", terms)
	}
}

// TestExtractJapaneseNumeralCompounds: a numeral that opens a compound
// (「二段階認証」, 「二重否定」, 「三層構造」, 「ゼロ幅スペース」) is part of the
// term; counts (「二段階で」, 「三回実行」, 「二つの」) and a numeral with a
// counter alone (「二重」 shared by two compounds) are not terms, nor are the
// labels of good and bad examples (OK, NG). The text is written for this test.
func TestExtractJapaneseNumeralCompounds(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "港湾システムは二段階認証で操作員を確かめます。二段階認証の設定は管理画面で行います。\n" +
		"文章の二重否定を検出します。二重否定は読みにくく、二重助詞も読みにくくなります。\n" +
		"このシステムは三層構造です。三層構造の下層は倉庫の記録です。\n" +
		"ゼロ幅スペースを取り除きます。ゼロ幅スペースは見えない文字です。\n" +
		"荷役は二段階で記録します。照合を三回実行します。二つの倉庫があります。\n\n" +
		"OK: 二段階認証で確かめます。\n\nNG: 二段階で確かめます。\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"二段階認証", "二重否定", "三層構造", "ゼロ幅スペース"},
		[]string{"段階認証", "幅スペース", "層構造", "二重", "二段階", "三回実行", "回実行", "二つ", "二", "NG", "OK"})
}

// TestExtractNoticeIsANoun: "notice" ends noun phrases ("arrival notice",
// "privacy notice") and is read as a verb only where the syntax says so.
// The text is written for this test.
func TestExtractNoticeIsANoun(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "File the arrival notice a day early. An arrival notice lists the crew.\n" +
		"Every arrival notice is checked. You will notice the delay.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := byText(terms)["arrival notice"]; !ok {
		t.Errorf("arrival notice not extracted: %v", terms)
	}
}

// TestExtractJapaneseBulletKeys: a one-word key after a plain-text bullet
// (「・曳船：…」) is stated as a list key, like 「- 曳船：…」, so it ranks as a
// defined word. The text is written for this test.
func TestExtractJapaneseBulletKeys(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "用語集\n\n・曳船：大型船の出入港を助ける小型の船。\n・喫水：水面から船底までの垂直距離。\n\n" +
		"曳船は二隻まで手配できます。喫水が深い船は専用の岸壁を使います。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.txt", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"曳船", "喫水"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s not extracted: %v", want, terms)
		}
	}
}

// TestExtractAbstractNounsAreCommon checks that everyday abstract nouns
// ("an alternative", "for convenience", "the convention") are common nouns
// in a one-page corpus, where frequency cannot tell them from terms, while
// the page's own terms stay technical. The text is written for this test.
func TestExtractAbstractNounsAreCommon(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Berths\n\nA berth ledger records every berth. As an alternative to a berth ledger, crews keep a paper log.\n" +
		"The basic berth ledger is provided for convenience; follow the convention for ledger names.\n" +
		"Another alternative is a shared berth ledger. For convenience, the convention is printed on each berth ledger.\n" +
		"Ledger management is a daily task: the display shows each berth ledger, and a utility prints it.\n" +
		"The management of ledgers, the display and the utility are described below.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, w := range []string{"alternative", "convenience", "convention", "management", "display", "utility"} {
		if x, ok := got[w]; ok && x.Category != glossary.CommonNoun {
			t.Errorf("%q is %s, want a common noun", w, x.Category)
		}
	}
	if x, ok := got["berth ledger"]; !ok || x.Category != glossary.TechnicalTerm {
		t.Errorf("berth ledger = %+v, want a technical term (terms %v)", x, keys(got))
	}
}

// TestExtractLineOpeningMethods: a single capitalised everyday word that
// opens lines without markup ("GET requests are cached.") is no label; a
// participle of a compound modifier written without its hyphen ("comma
// separated list") starts no term.
func TestExtractLineOpeningMethods(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Methods\n\nGET requests are cached.\n\nGET requests are logged.\n\nGET requests are small.\n\n" +
		"The header holds a comma separated list of tags. Each tag is a comma separated list of keys.\n\n" +
		"The label is a comma separated list of names, and the log is a tab delimited file.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "m.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["GET"]; !ok {
		t.Errorf("missing GET in %v", terms)
	}
	for _, bad := range []string{"separated list", "delimited file", "terminated string"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted", bad)
		}
	}
}

// TestExtractSidebarLabels: a label in capitals that opens a line (DocBook
// sidebars: "BACK TO BASICS The sealed ledger", 「TOOL 設定を表示する…」) or
// is cited inside one ("see the sidebar GOING FURTHER Proxy chains") is
// not a term, in English and in Japanese, while an acronym the markup
// leaves after the label still is, and "HTTP CONNECT proxies" opens with
// no label. The documents are written for this
// test.
func TestExtractSidebarLabels(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	ja := "# 台帳\n\n***TOOL* 台帳の設定を表示する ledgerctl コマンド**\n\n" +
		"***IN PRACTICE* WAL を使った台帳の複製**\n\nWAL は台帳の変更を順に記録するログです。台帳は WAL から復元できます。\n\n" +
		"***BACK TO BASICS* 台帳のキー**\n\n台帳のキーは一意です。\n\n***CULTURE* 台帳の歴史**\n\n***BEWARE* 台帳の削除**\n"
	en := "# Proxies\n\nHTTP CONNECT proxies are supported. Every HTTP request is logged, as HTTP is plain text.\n" +
		"See the sidebar GOING FURTHER Proxy chains, and the sidebars BACK TO BASICS Proxy keys. A proxy sends HTTP GET requests.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "ja.md", Content: ja}, {Path: "en.md", Content: en}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["WAL"]; !ok {
		t.Errorf("missing WAL in %v", terms)
	}
	for _, bad := range []string{"TOOL", "IN PRACTICE", "PRACTICE", "BACK", "BASICS", "BACK TO BASICS", "CULTURE", "BEWARE"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted", bad)
		}
	}
	if n := got["WAL"].Frequency; n != 3 {
		t.Errorf("WAL frequency %d, want 3 (the one after the label counts)", n)
	}
	if n := got["HTTP"].Frequency; n != 4 {
		t.Errorf("HTTP frequency %d, want 4 (\"HTTP CONNECT\" and \"HTTP GET\" are no labels)", n)
	}
	for _, bad := range []string{"GOING", "FURTHER", "GOING FURTHER", "GOING FURTHER Proxy"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from a label inside a line", bad)
		}
	}
}

// TestExtractTitleCasePlurals: a heading's title case plural of a phrase
// that opens with a name ("## TCP Routers", "**NATS Messages**") is the
// phrase the text writes in lower case, not another term; a name in title
// case that the text rarely writes otherwise ("Quill Streams") and an
// expansion ("In-Sync Replicas") stay. The documents are written for this
// test.
func TestExtractTitleCasePlurals(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Routing\n\n## TCP Routers\n\nA TCP router forwards connections. You can declare TCP Routers with labels.\n" +
		"Each TCP router has a rule, and TCP routers are checked in order.\n\n" +
		"## NATS Messages\n\nInternally we use **NATS Messages** to carry data. A NATS message has a subject; " +
		"NATS messages are small.\n\n" +
		"## Quill Streams\n\nQuill Streams is a library. Quill Streams reads topics, and Quill Streams writes topics. " +
		"Quill Streams keeps state. A Quill stream is rare.\n\n" +
		"ISR (In-Sync Replicas) is the set of replicas that caught up. The in-sync replicas acknowledge writes, " +
		"and In-Sync Replicas shrink when a replica lags.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "routing.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"TCP router", "NATS message", "Quill Streams", "In-Sync Replicas"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
	for _, bad := range []string{"TCP Routers", "NATS Messages"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted beside its lower-case singular", bad)
		}
	}
}

// TestMaxTermsFor: the default cap is DefaultMaxTerms for a corpus up to
// ScaledMaxTermsFrom bytes, grows with the square root of its size past
// that, and stops at MaxScaledTerms.
func TestMaxTermsFor(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ bytes, want int }{
		{0, DefaultMaxTerms},
		{30 << 10, DefaultMaxTerms},
		{ScaledMaxTermsFrom, DefaultMaxTerms},
		{ScaledMaxTermsFrom * 2, 212},
		{ScaledMaxTermsFrom * 3, 259},
		{ScaledMaxTermsFrom * 4, MaxScaledTerms},
		{100 << 20, MaxScaledTerms},
	} {
		if got := MaxTermsFor(tc.bytes); got != tc.want {
			t.Errorf("MaxTermsFor(%d) = %d, want %d", tc.bytes, got, tc.want)
		}
	}
}

// TestExtractCapGrowsWithTheCorpus: with no MaxTerms, a corpus over
// ScaledMaxTermsFrom bytes keeps more than DefaultMaxTerms terms, and an
// explicit MaxTerms still caps it. The corpus is generated: 400 made-up
// acronyms, each used in sentences of several documents.
func TestExtractCapGrowsWithTheCorpus(t *testing.T) {
	t.Parallel()
	var docs []glossary.Document
	name := func(i int) string {
		return string([]byte{'Q', byte('A' + i%26), byte('A' + i/26%26), 'X'})
	}
	for d := 0; d < 8; d++ {
		var sb strings.Builder
		sb.WriteString("# Harbor systems\n\n")
		for sb.Len() < 80<<10 {
			for i := 0; i < 400; i++ {
				fmt.Fprintf(&sb, "The %s gauge reports the tide at berth %d, and the crew reads %s before the ship moors.\n", name(i), d, name(i))
			}
		}
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("d%d.md", d), Content: sb.String()})
	}
	size := 0
	for _, d := range docs {
		size += len(d.Content)
	}
	want := MaxTermsFor(size)
	if want <= DefaultMaxTerms {
		t.Fatalf("corpus of %d bytes: cap %d, want a larger one", size, want)
	}
	e := newExtractor(t)
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) != want {
		t.Errorf("default cap on %d bytes: %d terms, want %d", size, len(terms), want)
	}
	capped, err := New(Options{MaxTerms: DefaultMaxTerms})
	if err != nil {
		t.Fatal(err)
	}
	if terms, err = capped.Extract(context.Background(), docs, nil); err != nil || len(terms) != DefaultMaxTerms {
		t.Errorf("MaxTerms %d: %d terms (%v)", DefaultMaxTerms, len(terms), err)
	}
}

// TestExtractNumberedPlaceholders: "pattern1" and "pattern2" of a syntax
// ("?and(pattern1, pattern2)", aptitude's manual) are placeholders, not
// terms; "ext2" and "ext4" are names. The document is written for this
// test.
func TestExtractNumberedPlaceholders(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Search berths\n\n- `?and(pattern1, pattern2)`, pattern1 pattern2: Matches berths that match both pattern1 and pattern2.\n" +
		"- `?or(pattern1, pattern2)`: Matches berths that match pattern1 or pattern2.\n\n" +
		"A berth pattern selects berths. Quays keep their logs on ext2 or ext4. Format new disks as ext4; ext2 is older.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"ext2", "ext4"}, []string{"pattern1", "pattern2"})
}

// TestExtractTaskTitles: a title case phrase that opens with a gerund and
// names a task ("Grouping Pivot Tables", the title of a page and of the
// links to it) is not a term, nor is its gerund alone when the titles cited
// go on in lower case ("Customizing" of “Customizing the package
// hierarchy”, aptitude's manual), nor one in sentence case ("Disabling
// daemon services", a section cited by title); "Formatting Bar" and "Streaming
// Replication" name things, and a gerund heading ("## Dredging") is a
// term. The documents are written for this test.
func TestExtractTaskTitles(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Grouping Berth Tables\n\nA berth table lists the berths. Use the Formatting Bar to format a berth table.\n" +
		"The Formatting Bar sits above the sheet. Streaming Replication copies the berth table to the harbor office.\n\n" +
		"See also: Grouping Berth Tables, Mooring Ships in Harbor, Editing Berth Charts. Streaming Replication is fast.\n\n" +
		"See the section called “Customizing the berth table” and “Customizing how berths are shown”. Read “Customizing the tide chart” too.\n\n" +
		"## Dredging\n\nDredging deepens the channel. See “Dredging the channel” for the schedule.\n\n" +
		"## 3.5.1. Disabling tide gauge services\n\nTide gauge services wake at night. See Section 3.5.1, “Disabling tide gauge services” on how to stop them.\n" +
		"As said in Section 3.5.1, “Disabling tide gauge services”, each one runs alone.\n" +
		// Two words in sentence case, cited mid-sentence (sqlc's "See the
		// guide to Overriding types for ...").
		"See the guide to Overriding berths for fine control. The guide to Overriding berths is short.\n\n" +
		"## Inserting Graphics\n\nSee Inserting Graphics From the Gallery, and Inserting Graphics. A graphic is a picture.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"berth table", "Formatting Bar", "Streaming Replication", "Dredging"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
	for _, bad := range []string{"Grouping Berth Tables", "Mooring Ships", "Editing Berth Charts", "Customizing", "Disabling tide gauge service", "Overriding berth", "Inserting Graphics", "Inserting Graphic"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted", bad)
		}
	}
}

// A notice that every page repeats on its own line ("This page has not
// been translated yet. Please read the English version.") is not the
// documents' text: its words are no terms. A passage that several pages
// share (a section included in each) is their text. The pages are written
// for this test.
func TestExtractSkipsBoilerplate(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	notice := "This page has not been translated yet. Please read the English version."
	ja := "この翻訳はまだありません。英語版をご覧ください。"
	shared := "A hawser is a thick rope that holds a ship to a bollard.\nEvery hawser is checked by the harbor pilot before the tide turns.\n"
	var docs []glossary.Document
	for i, topic := range []string{"Tugs push ships into the berth.", "Cranes lift containers from ships.",
		"Pilots board ships at the harbor entrance.", "Dredgers deepen the channel for ships.", "Buoys mark the channel for ships."} {
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("p%d.md", i),
			Content: fmt.Sprintf("# Port %d\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", i, topic, notice, topic, shared, topic, ja)})
	}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"English version", "英語版", "翻訳"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from the notice every page repeats", bad)
		}
	}
	for _, want := range []string{"hawser", "harbor pilot"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing: the passage the pages share is their text (%v)", want, terms)
		}
	}
}

// A front matter's description that the pages fill with their own title
// ("description: The config rm command description and usage", Docker's
// reference; a corpus reads a front matter as its title's heading and the
// description under it) is a template, not the documents' text: "command
// description" is no term. A description of the page's own is read.
func TestExtractSkipsTemplateDescriptions(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	var docs []glossary.Document
	for i, cmd := range []string{"berth rm", "berth ls", "tug inspect", "tug ls", "pilot rm"} {
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("c%d.md", i),
			Content: fmt.Sprintf("# %s\nThe %s command description and usage\n\n# %s\n\n"+
				"The %s command edits the harbor ledger. The harbor ledger keeps every berth of %s.\n", cmd, cmd, cmd, cmd, cmd)})
	}
	// A summary that opens with an ideographic space keeps its title.
	docs = append(docs, glossary.Document{Path: "c9.md", Content: "# quay ls\n\u3000The quay ls command description and usage\n\n# quay ls\n\n" +
		"It lists the harbor ledger. The harbor ledger keeps every berth.\n"})
	docs = append(docs, glossary.Document{Path: "tide.md", Content: "# Tide gauge\nHow the tide gauge reads the water level\n\n" +
		"# Tide gauge\n\nThe tide gauge is read hourly. Every water level is logged.\n"})
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkTerms(t, "", terms, []string{"harbor ledger", "water level", "berth rm", "tug inspect", "quay ls"}, []string{"command description", "rm command description", "ls command description"})
}

// The opening words of a longer name ("Harbor Tug" of "Harbor Tug Server")
// are no name of their own when the text writes the name with a lower-case
// last word ("the Harbor Tug server"); a name used on its own and as a
// modifier ("Kubernetes", "Kubernetes cluster", "Kubernetes Dashboard") stays.
// The page is written for this test.
func TestExtractNamePrefix(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Tugs\n\nThe Harbor Tug Server is a program. The Harbor Tug server logs every tug.\n\n" +
		"The Harbor Tug server keeps a ledger. Configure the Harbor Tug server with a file.\n\n" +
		"Kubernetes runs pods. The Kubernetes Dashboard shows them. A Kubernetes cluster has nodes; Kubernetes schedules pods on a Kubernetes node.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["Harbor Tug"]; ok {
		t.Errorf("\"Harbor Tug\" extracted: %v", terms)
	}
	found := false
	for _, x := range terms {
		if strings.EqualFold(x.Text, "Harbor Tug Server") {
			found = true
		}
	}
	if !found {
		t.Errorf("missing Harbor Tug Server in %v", terms)
	}
	for _, want := range []string{"Kubernetes", "Kubernetes Dashboard"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
}

// The tail of a long name after "of" ("Conduct" of "Harbor Open Source
// Code of Conduct") is no name of its own; a short name goes on past "of"
// ("Code of Conduct"). The page is written for this test.
func TestExtractNameTailAfterOf(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Tugs\n\nThis project has adopted the Harbor Open Source Code of Conduct. Read the Code of Conduct FAQ, " +
		"or the Harbor Open Source Code of Conduct again. Each Code of Conduct applies.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["Conduct"]; ok {
		t.Errorf("\"Conduct\" extracted: %v", terms)
	}
	if _, ok := got["Code of Conduct"]; !ok {
		t.Errorf("missing Code of Conduct in %v", terms)
	}
}

// A field's type written before its name ("The String OID of the
// berth", "Optional String unique identifier", "Optional object
// describing ...", API specs' style) is no part of a term. The page is
// written for this test.
func TestExtractTypeBeforeAFieldName(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Berths API\n\n- `oid` - The String OID of the berth.\n- `request_id` - Optional String unique identifier for the request.\n" +
		"- `ref` - Optional object describing the quay ref.\n- `message` - String error message.\n\nThe berth OID is logged. Each berth OID is unique. " +
		"Every unique identifier is short. A quay ref names the quay. Each quay ref is kept. An error message is shown.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range terms {
		if l := strings.ToLower(x.Text); strings.HasPrefix(l, "string ") || l == "optional object" || l == "optional string" {
			t.Errorf("%q extracted: %v", x.Text, terms)
		}
	}
}

// A line of page names ("- tide tables → tides.html tides.html#spring
// moon.html", a cross-reference index) is links, not terms; a page named in
// prose is still read. The page is written for this test.
func TestExtractSkipsPageLists(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Index\n\n" +
		"- tide tables → tides_intro.html tides_intro.html#spring moon_phase.html\n" +
		"- harbor pilot → pilots_guide.html tides_intro.html#pilot moon_phase.html#night\n" +
		"- berth plan → berths.html pilots_guide.html\n\n" +
		"The harbor pilot reads the tide tables. Every harbor pilot reads the berth plan.\n" +
		"The berth plan is kept in berths_main.html and in the office of the harbor pilot.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "index.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"tides_intro.html", "moon_phase.html", "pilots_guide.html"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from a line of page names (%v)", bad, terms)
		}
	}
	for _, want := range []string{"harbor pilot", "berth plan"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing (%v)", want, terms)
		}
	}
}

// Spreadsheet formulas and cell ranges in examples ("=TIDES(A10:B12)
// returns 3", "cells A12:E12") name no terms; the function's own name in
// prose still does. The page is written for this test.
func TestExtractSkipsCellReferences(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# TIDES\n\nThe TIDES function counts the tide readings in a range. Every TIDES result is a whole number.\n\n" +
		"=TIDES(A10:B12) returns 3. =TIDES(C2:C40; 2) returns 7.\n\n" +
		"The cells A12:E12 hold the harbour labels and $F$1:$F$9 the tide readings.\n\n" +
		"=TIDES(D10:D12) は、3 を返します。セル範囲 G5:H9 には潮位が入ります。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "tides.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"A10", "B12", "C2", "C40", "A12", "E12", "F1", "F9", "D10", "G5", "H9"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from a formula or a cell range (%v)", bad, terms)
		}
	}
	if _, ok := got["TIDES"]; !ok {
		t.Errorf("TIDES missing (%v)", terms)
	}
}

// A release note's tag ("- [Quaybus] Dropped support for ...") is followed
// by its sentence: the sentence's first word is no name however often it
// opens one; a credit ("[Reported by ...]") names no term. Found in Groonga's news pages; the text is written for this
// test.
func TestExtractTaggedReleaseNotes(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# News\n\n## Release 2.0.0\n\n" +
		"- [Quaybus] Dropped support for the old tide gauge.\n" +
		"- [Tidelink] Dropped the berth cache.\n" +
		"- [Quaybus] Fixed a crash when the tide gauge was offline.\n" +
		"- [Tidelink] Fixed the berth counter.\n" +
		"- [Berthd] Fixed a leak in the pilot queue.\n" +
		"- [Berthd] Dropped support for pilot boats.\n" +
		"- Supported the tide gauge. [Reported by Ilse Marchetti]\n- Fixed the berth cache. [Patch by Ilse Marchetti]\n" +
		"- Fixed the pilot queue. [Reported by Wren Talmadge] [Patch by Wren Talmadge]\n\n" +
		"Quaybus reads the tide gauge. Tidelink and Berthd share the pilot queue.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "news.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"Dropped", "Fixed", "Quaybus Dropped", "Tidelink Fixed", "Reported", "Patch", "Ilse Marchetti", "Wren Talmadge"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from a tagged release note or its credit (%v)", bad, terms)
		}
	}
	for _, want := range []string{"Berthd", "tide gauge"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing (%v)", want, terms)
		}
	}
}

// An API reference built by Sphinx gives each parameter's type in
// parentheses and each call's "Return type:" ("- **quay_name**
// (*Optional**[**str**]*) – the name of the quay", "- Return type:
// *Callable*[[*T_berth*], *T_berth*]", Flask's API page): the typing names
// are no terms of the documents; the parameters' descriptions still are
// read. The page is written for this test.
func TestExtractSkipsAnnotationTypes(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	var sb strings.Builder
	sb.WriteString("# API\n\n")
	for _, call := range []string{"moor", "unmoor", "berth", "dock", "undock", "warp", "tow", "anchor"} {
		sb.WriteString("- `harbor." + call + "(quay_name, hooks=None)`: " + strings.ToUpper(call[:1]) + call[1:] + " a ship at the tide gate.\n")
		sb.WriteString("  - Parameters\n")
		sb.WriteString("    - **quay_name** (*Optional**[**str**]*) – the name of the quay at the tide gate\n")
		sb.WriteString("    - **hooks** (*Optional**[**Callable**[**[**Mapping**[**str**,* *Any**]**]**,* *T_berth**]**]*) – the mooring hooks\n")
		sb.WriteString("  - Return type: *Callable*[[*T_berth*], *T_berth*]\n")
	}
	sb.WriteString("\nEvery tide gate has mooring hooks. The tide gate closes at night.\n")
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "api.md", Content: sb.String()}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"Callable", "Optional", "Mapping", "T_berth", "str", "Any"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from a type annotation (%v)", bad, terms)
		}
	}
	for _, want := range []string{"tide gate", "mooring hook"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing (%v)", want, terms)
		}
	}
}

// A phrase of ordinary words that only ever occurs inside one compound is
// no term of its own, even where one occurrence of the compound, plural,
// runs into a longer key ("writing command line tools quick and fun",
// Click's index, beside "document your command line tools"): "line tool"
// has one parent, not two. The pages are written for this test.
func TestExtractNestedInPluralCompound(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := []glossary.Document{
		{Path: "index.md", Content: "# Harbor\n\nHarbor aims to make the process of writing tide gauge readers quick and fun.\n"},
		{Path: "docs.md", Content: "# Documenting\n\nHarbor makes it very easy to document your tide gauge readers.\n"},
	}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["gauge reader"]; ok {
		t.Errorf("\"gauge reader\" extracted from inside \"tide gauge reader\" (%v)", terms)
	}
	if _, ok := got["tide gauge reader"]; !ok {
		t.Errorf("\"tide gauge reader\" missing (%v)", terms)
	}
}

// Japanese text writes a space between an acronym and the noun it
// modifies ("IP アドレス", the JTF style): the compound is one term, the
// same whether spaced or not; a name before a noun ("Debian パッケージ")
// says whose, a particle ("SQL で") or a one-character noun ("SQL 上")
// ends the word. The text is written for this test.
func TestExtractJapaneseAcronymCompounds(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 港湾ネットワーク\n\nIP アドレスは岸壁の端末を識別する番号です。IP アドレスを割り当てます。IPアドレスを記録します。\n" +
		"Tidewin パッケージを入れます。Tidewin パッケージは便利です。Tidewin は港湾の道具です。\n" +
		"SQL でも検索できます。SQL 上の記録を見ます。SQL を使います。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "net.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	ip, ok := got["IP アドレス"]
	if !ok {
		t.Fatalf("\"IP アドレス\" missing (%v)", terms)
	}
	if ip.Frequency != 3 {
		t.Errorf("\"IP アドレス\" counted %d times, want 3 (spaced or not)", ip.Frequency)
	}
	for _, bad := range []string{"IPアドレス", "Tidewin パッケージ", "Tidewinパッケージ", "SQL 上", "SQL上"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted (%v)", bad, terms)
		}
	}
	for _, want := range []string{"Tidewin", "SQL"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing (%v)", want, terms)
		}
	}
}

// A contact line ("Nate Prewitt <nate.prewitt@gmail.com> (@nateprewitt)",
// Requests' authors page) names who wrote the documents; it is no use of
// a term. The name used in prose elsewhere is still counted there. The
// text is written for this test.
func TestExtractSkipsContactLines(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := []glossary.Document{
		{Path: "authors.md", Content: "# Authors\n\nTidejs was lovingly created by Jon Keel.\n\n## Keepers of the Tables\n\n- Mara Lindqvist @maral.\n\n" +
			"## Previous Keepers\n\n- Jon Keel <jon@example.org> @jkeel, reluctant Keeper of the Master Table.\n\n## Patches and Suggestions\n\n" +
			"- Anna Berthold\n- Mara Lindqvist <mara.lindqvist@example.org> ([@maral](https://example.org/maral))\n"},
		{Path: "contributing.md", Content: "# Contributing\n\nIf you have questions, feel free to reach out to either Mara Lindqvist or Jon Keel. The tide reader parses tide tables.\n"},
	}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, name := range []string{"Mara Lindqvist", "Jon Keel"} {
		if x, ok := got[name]; ok && x.Frequency > 1 {
			t.Errorf("%q counted %d times, want its prose uses only", name, x.Frequency)
		}
	}
}

// A name written with its "s" ("Requests is an elegant and simple HTTP
// library for Python", "install Requests", Requests' documentation) is not
// the plural of the word the text writes in lower case ("a request");
// "Tugs" at a sentence's start and "tugs" stay the plural of "tug". The
// text is written for this test.
func TestExtractCapitalisedPluralName(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Tidesends\n\nTidesends is a simple tide library for Python. Install Tidesends with pip. With Tidesends you send a tidesend to a quay. " +
		"Every tidesend has a berth. Tidesends keeps the connection open. Send more tidesends later, and one more tidesend.\n\n" +
		"Tugs pull ships. A tug is small. The tugs wait at the quay. Every tug has a crew.\n\n" +
		// A name in "s" whose singular is a slip, once ("the Quaylets
		// version", beside "the Quaylet version" once).
		"Quaylets are used to colour the charts. Use Quaylets to print. The Quaylets are fast. Install Quaylets first. " +
		"Quaylets are installed with pip. Quaylets lexers are many. Check the Quaylet version.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "index.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"Tidesends", "Quaylets"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing (%v)", want, terms)
		}
	}
	if x, ok := got["Quaylet"]; ok && x.Frequency > 1 {
		t.Errorf("\"Quaylet\" counted %d times: the name's uses went into the slip", x.Frequency)
	}
	if x, ok := got["tidesend"]; ok && x.Frequency > 3 {
		t.Errorf("\"tidesend\" counted %d times: the name's uses went into the word", x.Frequency)
	}
	if _, ok := got["Tugs"]; ok {
		t.Errorf("\"Tugs\" kept apart from tug (%v)", terms)
	}
}

// A lower-case name written with its "s" that the text makes the subject
// of "is" or "has" ("*quaylets* is a Python package", as attrs' pages
// write their name) is a name of its own, not the plural of the word it
// ends in ("quaylet", a module the same pages name); "Tugs pull ships"
// stays the plural of "tug", and so do "moorings" in "moorings is a list
// of moorings" beside "These moorings are" (as Flask's API writes of its
// methods option). The text is written for this test.
func TestExtractLowerCaseNameWithS(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Quaylets\n\n*quaylets* is a Python package for mooring classes. " +
		"Import it as `quaylet` or as `quaylets`: `quaylet.moor` and `quaylets.moor` are the same quaylet function.\n\n" +
		"*quaylets* has no dependencies. With *quaylets* every class gets a quaylet. A quaylet is a small record.\n\n" +
		"Tugs pull ships. A tug is small. The tugs wait at the quay. Every tug has a crew.\n\n" +
		"The options go to the rule. moorings is a list of moorings this rule takes. These moorings are short, " +
		"and many moorings are shared. A mooring holds a ship.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "index.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["moorings"]; ok {
		t.Errorf("\"moorings\" kept apart from mooring (%v)", terms)
	}
	if _, ok := got["quaylets"]; !ok {
		t.Errorf("\"quaylets\" missing (%v)", terms)
	}
	if x, ok := got["quaylet"]; ok && x.Frequency > 5 {
		t.Errorf("\"quaylet\" counted %d times: the name's uses went into the word", x.Frequency)
	}
	if _, ok := got["Tugs"]; ok {
		t.Errorf("\"Tugs\" kept apart from tug (%v)", terms)
	}
	if _, ok := got["tugs"]; ok {
		t.Errorf("\"tugs\" kept apart from tug (%v)", terms)
	}
}

// TestIsRefDefinition: a reference link definition has a destination and
// at most a title; a label and a colon before words is prose (winston's
// "specified by\n[RFC5424]: _severity of all levels is ..._").
func TestIsRefDefinition(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]bool{
		"[RFC5424]: https://tools.ietf.org/html/rfc5424":               true,
		"[tide]: ./tide.md \"The tide tables\"":                        true,
		"[tide]: <./tide tables.md> (Tides)":                           true,
		"[tide]:":                                                      true,
		"[RFC5424]: _severity of all levels is assumed to be numeric_": false,
		"[^fn1]: The hash is computed by hashing a tuple.":             false,
		"[a][b]: x":      false,
		"Not a [label]:": false,
	} {
		if got := IsRefDefinition(line); got != want {
			t.Errorf("IsRefDefinition(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestExtractTimeHead: 「時系列」 is one word the dictionary splits as 時 +
// 系列; the compound keeps its 時, while 「その時」 and 「起動時」 keep 時 as
// "when". The text is written for this test.
func TestExtractTimeHead(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 時系列データベース\n\n時系列データベース（TSDB）とは、時刻をキーとしてデータを格納するデータベースです。" +
		"潮汐ログは時系列データベースに潮位を保存します。\n\nその時データベースが停止しました。起動時にデータベースを開きます。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "tsdb.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["時系列データベース"]; !ok {
		t.Errorf("時系列データベース missing (%v)", terms)
	}
	for _, bad := range []string{"系列データベース", "時データベース"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%s extracted (%v)", bad, terms)
		}
	}
}

// TestExtractJapaneseLeaderIsNoTitle: a bare リーダー (a leader node) or
// マネージャー is a technical term, not a person's title; 部長 after a name
// still makes one. The text is written for this test.
func TestExtractJapaneseLeaderIsNoTitle(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 複製\n\nリーダーは書き込みを受け付けるノードです。リーダーが停止すると、別のノードがリーダーになります。\n" +
		"マネージャーはノードの一覧を管理します。マネージャーを再起動します。\n\n鈴木一郎部長が承認します。鈴木一郎部長に連絡します。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "ja.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for term, want := range map[string]glossary.Category{"リーダー": glossary.TechnicalTerm, "マネージャー": glossary.TechnicalTerm, "鈴木一郎部長": glossary.Title} {
		if x, ok := got[term]; !ok || x.Category != want {
			t.Errorf("%s: %+v, want %s (%v)", term, x, want, terms)
		}
	}
}

// TestExtractAskedOnce: what an FAQ asks about ("## What is ballast?",
// "**Q: What is a mooring buoy?**", 「**Q. フェイルオーバーとは何ですか？**」)
// is a term even when its answer never names it again; a word said once
// in passing is not. The text is written for this test.
func TestExtractAskedOnce(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	en := "# FAQ\n\n**Q: What is a mooring buoy?**\n\nA: A floating marker that a ship can be tied to.\n\n" +
		"## What is ballast?\n\nWeight carried low in a ship to keep it steady.\n\n" +
		"Ships load cargo at the quay. Every ship has a crew. The crew checks the ship near the lighthouse.\n"
	ja := "# よくある質問\n\n**Q. フェイルオーバーとは何ですか？**\n\nA. リーダーが停止したときに、別のノードが自動的にリーダーになることです。\n\n" +
		"ノードを追加します。ノードは三台です。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "faq.md", Content: en}, {Path: "faq.ja.md", Content: ja}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"mooring buoy", "ballast", "フェイルオーバー"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s missing (%v)", want, terms)
		}
	}
	if _, ok := got["lighthouse"]; ok {
		t.Errorf("lighthouse, said once in passing, extracted (%v)", terms)
	}
}

// TestExtractUnitNoun: 「単位」 after a noun says "per" before で or の
// (「ファイル単位で」), and names a unit as a subject, an object or a table's
// key (「配送単位は」, 「| 配送単位 |」). The text is written for this test.
func TestExtractUnitNoun(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 配送\n\n| 用語 | 意味 |\n| --- | --- |\n| 配送単位 | 一度に運ぶ荷物のまとまり。 |\n\n" +
		"配送単位は1日1回集計する。配送単位を数える。\n\n荷札単位で処理します。荷札単位の集計をします。荷札を貼ります。荷札を剥がします。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "ja.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if x, ok := got["配送単位"]; !ok || x.Frequency < 3 {
		t.Errorf("配送単位: %+v, want three uses (%v)", x, terms)
	}
	if _, ok := got["荷札単位"]; ok {
		t.Errorf("荷札単位 (\"per tag\") extracted (%v)", terms)
	}
}

// TestExtractWordPieces: pieces of words and names that are no terms on
// their own, each beside the term it belongs to. The texts are written for
// this test.
func TestExtractWordPieces(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	for _, tc := range []struct {
		name, doc string
		want, bad []string
	}{{
		// A given name alone ("Ian", as a history calls its founders
		// after naming them in full) refers to one of the people named.
		name: "given names",
		doc: "# History\n\nThe harbour was founded by Ian Quayle and Bruce Tidemark in 1993. Ian Quayle wrote the first charts. " +
			"Later Ian handed the charts to Bruce. Bruce Tidemark wrote the tide policy. Bruce left in 1997, and Ian stayed. " +
			"Ian and Bruce met again at the quay. Quayle chaired the board.\n",
		want: []string{"Ian Quayle", "Bruce Tidemark"},
		bad:  []string{"Ian", "Bruce"},
	}, {
		// 「範囲」 alone says nothing, but ends compounds that are terms of
		// a spreadsheet's manual; 「名前付きの」 and 「条件付きで」 ("with a
		// name", "with a condition") are modifiers, and so is 「条件付き」
		// of 「条件付きテキスト」.
		name: "ranges and modifiers",
		doc: "# 潮位表\n\nセル範囲を選択します。セル範囲に名前を付けると、名前付き範囲になります。名前付き範囲を使います。\n\n" +
			"印刷範囲を設定します。印刷範囲を解除します。この範囲を使います。範囲の外には書きません。\n\n" +
			"名前付きの範囲を選びます。名前付きの式を選びます。条件付きで表示します。条件付き書式設定を使います。条件付き書式設定を消します。\n\n" +
			"条件付きテキストを挿入します。条件付きスタイルを使います。条件付き段落を書きます。\n",
		want: []string{"セル範囲", "印刷範囲", "名前付き範囲", "条件付き書式設定"},
		bad:  []string{"範囲", "名前付き", "条件付き"},
	}, {
		// The IPA dictionary reads 「アイコンを」 as a name 「アイコ」 and a
		// dependent noun 「ン」 (the spoken 「の」): a katakana piece is
		// part of the loanword. 「オン」 and 「オフ」 are a switch's states.
		name: "katakana pieces",
		doc: "# 潮位表\n\n潮位アイコンをクリックします。アイコンを右クリックします。別のアイコンを選びます。\n\n" +
			"潮位表示をオンにします。オフにすると消えます。オンとオフを切り替えます。オンのときだけ表示します。\n",
		want: []string{"アイコン"},
		bad:  []string{"アイコ", "オン", "オフ"},
	}, {
		// An adjective seen alone once in ten uses or less modifies
		// the nouns of many compounds; "New" of a menu's "New Account" is
		// no term either.
		name: "modifiers",
		doc: "# Ledgers\n\nFinancial data is kept in the ledger. The financial institution sends financial statements. " +
			"Import financial data from the bank. Financial applications read financial data. Financial reports list financial accounts. " +
			"The financial year ends in March. Financial data is private. Choose File → New. Click New to add a ledger. " +
			"Open the New Account dialog. The New Account dialog asks for a name. Financial data needs a backup. " +
			"Copy the financial data. Financial institutions merge. Financial statements arrive. Each financial report is signed. " +
			"Financial applications crash. Financial accounts close. Financial data grows. The financial year starts. Is it financial?\n",
		want: []string{"financial data"},
		bad:  []string{"financial", "New"},
	}, {
		// An appendix's numbered sections ("A.11.1 Font", "A.10 音部記号
		// のスタイル" opening a line) are no terms, nor parts of one.
		name: "appendix numbers",
		doc: "# Appendix A\n\n## A.10 Tide styles\n\nA.10 Tide styles lists the styles. A.11.1 Font lists the fonts. See A.11.1 Font.\n\n" +
			"## A.11.2 Align\n\nA.11.2 Align shows the alignments. Read A.11.2 Align first. The tide style sets the font.\n\n" +
			"## A.12 潮位表\n\nA.12 潮位表を参照してください。\n\nA.12 潮位表は便利です。\n\n" +
			"## Index\n\nberth, old styles; A.14 Berth styles\n\nberth, new styles; A.14 Berth styles\n\nThe berth style is red.\n",
		want: []string{"tide style"},
		bad:  []string{"A.10", "A.11.1", "A.11.1 Font", "A.11.2 Align", "A.11.2", "A.12", "A.14", "A.14 Berth style"},
	}, {
		// Release notes credit each change to the people who made it, in
		// a parenthesis before the next sentence: they wrote the
		// software, they are not its terms, whatever verb opens the item
		// ("Shorten"). An expansion after an acronym ("TQ (Tide Queue)")
		// is no credit.
		name: "credits",
		doc: "# Release 4.2\n\n- Fix the tide table cache for leap years (Ilse Marchetti) The cache missed February.\n" +
			"- Allow berth codes in lower case (Ilse Marchetti, Oskar Lindqvist) Older charts wrote them so.\n" +
			"- Speed up the TQ (Tide Queue) replay (Oskar Lindqvist)\n- Warn about a stale tide table (Ilse Marchetti)\n" +
			"- Keep the tide table cache small (Ilse Marchetti) Each tide table cache entry is one day.\n" +
			"- Document the Tide Queue (Oskar Lindqvist)\n- Shorten the wait for a tide table (Greta Holm) It was long.\n" +
			"- Shorten the tide table header (Greta Holm)\n- Shorten the queue (Greta Holm)\n\nThe Tide Queue holds replays. A tide table lists tides.\n",
		want: []string{"tide table", "Tide Queue"},
		bad:  []string{"Ilse Marchetti", "Oskar Lindqvist", "Greta Holm"},
	}, {
		// The IPA dictionary reads 「仕入先」 as the verb 「仕」 (する), the
		// prefix 「入」 and 「先」: a verb written in one kanji before a
		// prefix is the first piece of a word written without okurigana.
		name: "okurigana-less words",
		doc: "# 漁具の購入\n\n仕入先請求書は仕入先から受け取る請求書です。仕入先請求書を登録します。仕入先を選びます。\n\n" +
			"仕入先ごとに仕入先請求書をまとめます。新しい仕入先を作成します。\n",
		want: []string{"仕入先", "仕入先請求書"},
		bad:  []string{"入先", "入先請求書", "入先請求", "先請求書"},
	}} {
		checkTerms(t, tc.name+": ", extractPair(t, e, tc.doc), tc.want, tc.bad)
	}
}

// TestExtractCommitHashes: abbreviated commit hashes linked to their
// commits at a change log's line ends ("([a722165](.../commit/a722165))",
// as conventional-changelog writes them) are no terms, even those whose
// letters and digits switch once, as in "ed25519", which is one. The text
// is written for this test.
func TestExtractCommitHashes(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	log := "## [1.2.0](https://example.com/tide/compare/1.1.0...1.2.0) (2026-05-01)\n\n\n### Bug Fixes\n\n* **tide:** 潮位表が空の時にエラーで止めるように修正 fixes [#24](https://example.com/tide/issues/24) " +
		"([a722165](https://example.com/tide/commit/a722165))\n" +
		"* **tide:** どの潮位表を読んだかわかるように --verbose オプションを追加 ([bffcef2](https://example.com/tide/commit/bffcef2))\n" +
		"* **berth:** fix the moor order ([de16162](https://example.com/tide/commit/de16162))\n"
	notes := "# Notes\n\nKeys use ed25519. An ed25519 key is short. Sign it with ed25519.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "CHANGELOG.md", Content: log}, {Path: "notes.md", Content: notes}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, h := range []string{"a722165", "bffcef2", "de16162"} {
		if _, ok := got[h]; ok {
			t.Errorf("%s extracted (%v)", h, terms)
		}
	}
	if _, ok := got["ed25519"]; !ok {
		t.Errorf("ed25519 missing (%v)", terms)
	}
}

// TestExtractGlossaryHeadings: the headings of a glossary ("## Glossary"
// or 「# 用語集」 over "### Tide gauge" and its text, a page named
// glossary.ja.md) name terms, even ones the rest never repeats; a heading
// outside it does not. The texts are written for this test.
func TestExtractGlossaryHeadings(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	en := "# Harbour guide\n\n## Glossary\n\n### Tide gauge\n\nAn instrument that measures the sea level at a station.\n\n" +
		"### \"Slack water\"\n\nThe short period when the tide neither rises nor falls.\n\n## Opening hours\n\n### Night shift\n\nThe office closes at dusk.\n"
	ja := "# 用語集\n\n### 潮位\n\n基準面から測った海面の高さ。\n\n### 「満ち潮」\n\n潮位が上がっていく状態を指す。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "guide.md", Content: en}, {Path: "glossary.ja.md", Content: ja}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"tide gauge", "slack water", "潮位", "満ち潮"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s missing (%v)", want, terms)
		}
	}
	for _, not := range []string{"night shift", "Night shift", "Night Shift"} {
		if _, ok := got[not]; ok {
			t.Errorf("%s, a heading outside the glossary, extracted (%v)", not, terms)
		}
	}
}

// TestExtractReadingBeforeParticle: a word stated by a sentence with its
// reading between (「接岸（せつがん）は、…ことです。」) is stated as without it:
// a サ変 noun the documents define is a candidate. The text is written for
// this test.
func TestExtractReadingBeforeParticle(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 基本\n\n接岸（せつがん）は、船を岸壁に着けることです。接岸は慎重に行う。接岸を待つ。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "ja.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := byText(terms)["接岸"]; !ok {
		t.Errorf("接岸 missing (%v)", terms)
	}
}

// TestExtractNounBeforePreposition: a listed verb ending a run before a
// preposition is the run's verb only where it can be one: "Can a consumer
// group read from ..." (after a question's auxiliary), "The worker pools
// read from ...", not after a lone article ("may be a symbolic link to
// another directory") or a preposition ("with symbolic links to them").
// Met in Debian's policy manual; the text is written for this test.
func TestExtractNounBeforePreposition(t *testing.T) {
	t.Parallel()
	text := "# Files\n\nThe copyright file may be a symbolic link to another directory. Example files go in a directory with symbolic links to them. " +
		"It must not be a symbolic link. The file may be a symbolic link to the former.\n\n" +
		"Can a consumer group read from a stream? The worker pools read from the queue.\n"
	got, terms := extractTwice(t, text)
	wantTerms(t, got, terms, nil, []string{"symbolic"})
	for _, w := range []string{"symbolic link", "consumer group", "worker pool"} {
		if c, ok := got[w]; !ok {
			t.Errorf("%q missing (%v)", w, terms)
		} else if w == "symbolic link" && c.Frequency < 8 {
			t.Errorf("symbolic link: frequency %d, want 8 (%v)", c.Frequency, terms)
		}
	}
	wantTerms(t, got, terms, nil, []string{"consumer group read", "worker pool read"})
}

// TestExtractWordRoles: words whose role in the sentence makes them no
// term (verbs, adjectives) and words a form hides (a plural), each case
// written for this test.
func TestExtractWordRoles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name            string
		text            string
		present, absent []string
	}{
		// In a manual's steps the verb after an opening clause and its comma
		// is an instruction ("To expand a group, press **Enter**"; the bold
		// key leaves "press" alone in its run), and so is a word between
		// "to" and an object pronoun ("to abort it"); a noun there still
		// opens a phrase ("When the cache is full, cache entries are
		// evicted"). Found on a terminal program's HTML manual.
		{
			name: "ImperativeAfterIntroClause",
			text: "# Using the menus\n\nTo expand a group, press **Enter** while the group is highlighted. " +
				"When you are ready, press **g** once. To examine the solution, press **!**. If the list is long, press q to close it.\n\n" +
				"If you want to abort the download, you can press **q** to abort it. To quit it, use the menu.\n\n" +
				"When the cache is full, cache entries are evicted. Cache entries are small. If needed, log messages go to stderr. Log messages are short.\n",
			present: []string{"cache entry", "log message"},
			absent:  []string{"press", "abort", "quit"},
		},
		// A lower-case word the text only writes in the plural, and uses as
		// a plural ("how many pixels fall", "Brokers are fast"), is a term
		// in the singular, as a phrase is; a name with a verb for one
		// ("attrs is") and a noun only plural ("globals are", whose singular
		// is an adjective) keep their "s".
		{
			name: "PluralOnlyWord",
			text: "# Frames\n\nThe clipped pixels lose all detail. A histogram shows how many pixels fall into each level. Dead pixels are bad.\n\n" +
				"The brokers store frames. Many brokers run here. Brokers are fast.\n\n" +
				"*attrs* is a package. Use attrs for frames. attrs has classes.\n\n" +
				"Template globals are shared. The globals are set once. Add globals early.\n",
			present: []string{"pixel", "broker", "attrs", "globals"},
			absent:  []string{"pixels", "brokers", "attr", "global"},
		},
		// The verbs of an editor's manual ("draw", "edit", "zoom",
		// "highlight") are read as verbs where the syntax says so ("it is
		// useful to draw the outline", "you can edit the label"), as the
		// verbs of a server's are; nouns after them stay terms. Met in a
		// circuit editor's manual.
		{
			name: "EditorVerbs",
			text: "# Boards\n\nIt is useful to draw the board outline first. You can draw a rectangle with the shape tool. " +
				"Use the shape tool to draw the outline. You can edit the label later. Double click a pad to edit its properties. " +
				"You can zoom the view with the wheel. Press F1 to zoom the canvas. You can highlight a net with the net tool. " +
				"Use the net tool to highlight the wires. The board outline must be closed.\n",
			present: []string{"board outline", "shape tool", "net tool"},
			absent:  []string{"draw", "edit", "zoom", "highlight"},
		},
		// A loanword the dictionary lacks, written before the adjectival 「な」
		// (「インタラクティブなプログラム」), is an adjective, not a term; a noun before the
		// copula's 「なので」 stays one, and so does a compound that opens with
		// the loanword.
		{
			name: "JapaneseAdjectivalLoanword",
			text: "# 端末\n\nこれはインタラクティブなプログラムです。インタラクティブな操作ができます。" +
				"インタラクティブな画面を開きます。インタラクティブモードで起動します。\n\n" +
				"設定はクリップボードなので、すぐに消えます。クリップボードを確認します。クリップボードに保存します。\n",
			present: []string{"クリップボード", "インタラクティブモード"},
			absent:  []string{"インタラクティブ"},
		},
		// A developers' handbook's duties are verbs ("to maintain the
		// package", "Please upload the log") and "care" is taken ("take care
		// to ..."): none is a term, while the nouns they govern are.
		{
			name: "DutyVerbs",
			text: "# Duties\n\nA package maintainer has to maintain the package. Who can maintain packages in the archive? " +
				"The team maintains the package archive. Take care to sign the files. Please take care of the package archive. " +
				"Please upload the build log. Please upload the build log again. The build log is short.\n",
			present: []string{"package maintainer", "package archive", "build log"},
			absent:  []string{"maintain", "care", "upload"},
		},
		// A verb after a label's colon, before its object, is an instruction
		// ("Place the package on hold: cancel any active installation",
		// aptitude's manual), not a term.
		{
			name: "InstructionAfterLabel",
			text: "# Commands\n\n- `tug=`: Place the tug on hold: cancel any active berth order.\n" +
				"- `tug:`: Keep the tug at its berth: cancel any tow order.\n- `tug-`: Drop the tug: cancel all tow orders.\n\n" +
				"Every berth order and every tow order is logged.\n",
			present: []string{"berth order", "tow order"},
			absent:  []string{"cancel"},
		},
		// A FAQ's instructions and relative clauses use a verb where no
		// listed cue precedes it: after "then", after code before its
		// object ("`foo` execute the command"), after a second opening
		// clause's comma ("For instance, to see ..., execute `man ls`"),
		// after "which" before a preposition, before an object pronoun
		// ("recognize and execute it"). The nouns stay terms.
		{
			name: "VerbBeforeObject",
			text: "# Tools\n\n- Then execute: to move your berth program into place.\n" +
				"To list the files of the berth package `foo` execute the command below.\n" +
				"For instance, to see the berth page for the command `ls`, execute `man ls`.\n" +
				"Packages which execute on berth machines are built here. A tug reader must recognize and execute it.\n" +
				"The berth program and the berth package are small. The tug reader is fast.\n",
			present: []string{"berth program", "berth package", "tug reader"},
			absent:  []string{"execute"},
		},
		// A verb the text writes in lower case as a verb, and capitalised
		// only as a menu item or a button ("File → Import"), is no term; a
		// name written mostly capitalised (a host named "Render") stays one.
		{
			name: "MenuVerb",
			text: "# Boards\n\nChoose **File** → **Import** to read a board. Choose **File** → **Import** again for the pads.\n" +
				"You can import the board. To import design data, click Tools. The editor can import hotkeys. It will import the pins. " +
				"Hotkeys are imported as text.\n\n" +
				"Boards deploy to Render. The app runs on Render, and builds on Render are fast. You can render the board in the board editor.\n",
			present: []string{"Render", "board editor"},
			absent:  []string{"Import", "import"},
		},
		// A label quoted in sentence case (“Standard system”, an
		// installer's task) capitalises its first word as a sentence
		// does: no name of its own.
		{
			name: "QuotedSentenceCase",
			text: "# Tasks\n\nThe “Standard berth” task installs the berth tools. Pick the “Standard berth” task again.\n" +
				"Without the “Standard berth” task, the berth tools are missing. Select the “Desktop tug” task for a tug.\n",
			present: []string{"berth tool"},
			absent:  []string{"Standard", "standard", "Desktop"},
		},
		// A section cited by a title that opens with a verb ("see Section
		// 4.2, “Execute a berth update”") names a task: the verb is no
		// term.
		{
			name: "QuotedImperative",
			text: "# Updates\n\nRead Section 4.2, “Execute a berth update”. As said in “Execute a berth update”, the berth update is signed.\n" +
				"See “Execute a berth update” again. Each berth update is small.\n",
			present: []string{"berth update"},
			absent:  []string{"Execute", "execute"},
		},
		// A word the text uses as a verb far more often than as a noun
		// ("edit the properties" again and again, "an edit" once) is no
		// term; one it uses as a noun as often stays one.
		{
			name: "MostlyVerb",
			text: "# Editing\n\nYou can edit the berth label. Double click to edit the berth label. Then edit the tug name. " +
				"You can also edit the tug name later, and edit the berth label again. Each edit is logged. " +
				"You can log the tug name. Every log is kept. The log is short. A log lists the berth labels.\n",
			present: []string{"berth label", "tug name", "log"},
			absent:  []string{"edit"},
		},
		// An irregular participle ("can be overridden by", "rewritten
		// by") is no term, as one in -ed is not (a configuration
		// reference's "Can be overridden by ..." on every other key).
		{
			name: "IrregularParticiple",
			text: "# Keys\n\n- tug.limit: The berth limit. Can be overridden by the tug option.\n" +
				"- tug.mode: The berth mode. Can be overridden by `--mode`; overridden values are logged.\n" +
				"- tug.name: The berth name, rewritten by the berth limit. It may be overwritten by `--name`.\n",
			present: []string{"berth limit", "berth mode"},
			absent:  []string{"overridden", "rewritten", "overwritten"},
		},
		// The people of a tutorial's story (Alice and Bob sharing a
		// repository) stand for anyone, as "foo" stands for any name.
		{
			name: "ExamplePeople",
			text: "# Sharing\n\nAlice clones the berth ledger. Bob edits the berth ledger, and Alice pulls from Bob. " +
				"Alice may want to see what Bob did. Carol and Dave review it; Mallory cannot.\n",
			present: []string{"berth ledger"},
			absent:  []string{"Alice", "Bob", "Carol", "Dave", "Mallory"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, terms := extractTwice(t, tc.text)
			wantTerms(t, got, terms, tc.present, tc.absent)
		})
	}
}

// extractTwice extracts the terms of text written in two documents (a
// term said in one alone may not recur enough), by text and as a list
// for messages.
func extractTwice(t *testing.T, text string) (map[string]glossary.Term, []glossary.Term) {
	t.Helper()
	terms, err := newExtractor(t).Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return byText(terms), terms
}

// wantTerms checks that every word of present is a term of got and no
// word of absent is.
func wantTerms(t *testing.T, got map[string]glossary.Term, terms []glossary.Term, present, absent []string) {
	t.Helper()
	for _, w := range present {
		if _, ok := got[w]; !ok {
			t.Errorf("%q missing (%v)", w, terms)
		}
	}
	for _, w := range absent {
		if _, ok := got[w]; ok {
			t.Errorf("%q extracted as a term (%v)", w, terms)
		}
	}
}

// TestExtractVersionSuffixes: the part of a packaging version after a
// plus or a tilde ("12+edu0", "2.4+dfsg", "1.0~rc2") is no term, however
// often the release table repeats it; a name with a plus ("C++") and a word
// after a spaced plus stay words. The text is written for this test.
func TestExtractVersionSuffixes(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Harbor releases\n\n| Release | Date |\n| --- | --- |\n" +
		"| Harbor 12+edu0 Codename Tide | 2026-01-02 |\n| Harbor 11+edu0 Codename Ebb | 2025-01-02 |\n" +
		"| Harbor 10+edu0 Codename Flow | 2024-01-02 |\n| Harbor 9+edu1 | 2023-01-02 |\n\n" +
		"The tide tables ship as 2.4+dfsg and 2.5+dfsg, and the beta as 1.0~rc2 and 1.1~rc2. " +
		"The tide tables list each berth. Each tide table is written in C++ by the berth crew.\n" +
		"The berth crew keeps the tide tables.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "releases.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, v := range []string{"edu0", "edu1", "dfsg", "rc2", "edu0 Codename"} {
		if _, ok := got[v]; ok {
			t.Errorf("%s extracted (%v)", v, terms)
		}
	}
	for _, w := range []string{"tide table", "berth crew"} {
		if _, ok := got[w]; !ok {
			t.Errorf("%s missing (%v)", w, terms)
		}
	}
}

// TestExtractIdioms: the nouns of set phrases ("in turn", "keep in mind",
// "for obvious reasons", "for security reasons") are no terms however often
// a manual writes them; the same words in a term of their own ("mind map",
// "turn signal") stay. The text is written for this test.
func TestExtractIdioms(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Berth notes\n\nEach tug in turn calls the harbor master. The master in turn calls the pilot. " +
		"Keep in mind that the berth closes at noon. Bear in mind that tugs are slow. Keep this in mind.\n\n" +
		"For obvious reasons, the berth log is kept. For security reasons, the berth log is locked. " +
		"For obvious reasons the tug log is short. For historical reasons, the tug log is long.\n\n" +
		"The harbor master keeps a mind map of the berths. The mind map shows each berth. " +
		"Every tug has a turn signal. The turn signal blinks.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "notes.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, v := range []string{"turn", "mind", "obvious reason", "security reason", "historical reason", "reason"} {
		if _, ok := got[v]; ok {
			t.Errorf("%s extracted (%v)", v, terms)
		}
	}
	for _, w := range []string{"berth log", "mind map", "turn signal"} {
		if _, ok := got[w]; !ok {
			t.Errorf("%s missing (%v)", w, terms)
		}
	}
}

// TestExtractModifiersAlone: "mandatory" (a column of every parameter
// table and an adjective in the prose), "ordinary" and a "non-" word
// ("non-zero", "non-Harbor") are no terms alone; the phrases they open
// stay when they recur ("non-zero status"); a named class ("non-US", an
// old archive area of Debian's) is no modifier. The text is written for this
// test.
func TestExtractModifiersAlone(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	var b strings.Builder
	b.WriteString("# Berth parameters\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "## berth%d\n\n| type | default | mandatory |\n| --- | --- | --- |\n| word | none | no |\n\nSets the berth%d width.\n\n", i, i)
	}
	b.WriteString("The tide is mandatory for ordinary berths. A depth is mandatory. The width is mandatory in every ordinary port.\n\n" +
		"Note: this parameter is mandatory depending on the value of Tide.Mode but the code does not check this.\n\n")
	b.WriteString("A tug exits with a non-zero status. A non-zero status means failure. Non-Harbor tugs return non-zero codes. " +
		"Ordinary berths are cheap. An ordinary tug is slow. Each berth log is kept. The berth log grows. Non-Harbor software is not supported.\n")
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "params.md", Content: b.String()}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, v := range []string{"mandatory", "ordinary", "non-zero", "non-Harbor", "Non-Harbor"} {
		if _, ok := got[v]; ok {
			t.Errorf("%s extracted (%v)", v, terms)
		}
	}
	for _, w := range []string{"non-zero status", "berth log"} {
		if _, ok := got[w]; !ok {
			t.Errorf("%s missing (%v)", w, terms)
		}
	}
	for w, want := range map[string]bool{"non-zero": true, "non-empty": true, "non-Postfix": true, "non-US": false, "non-Linux2": false, "in-sync": true} {
		if got := hyphenModifier(w); got != want {
			t.Errorf("hyphenModifier(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestExtractAfterOptionFlags: a capitalised word right after an option
// flag ("--berth Specify the berth ...", "-q Equivalent to -s.", as a
// manual page joins an option's line to its description) opens a
// sentence: no name. A name after a flag ("--engine Quaymaster") keeps
// its capital where the prose repeats it. The text is written for this
// test.
func TestExtractAfterOptionFlags(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "MOORCTL(1)        User Commands        MOORCTL(1)\n\nOPTIONS\n" +
		"       --berth NAME Specify the berth to moor at.\n       --quay NAME Specify the quay to use.\n" +
		"       --tide N Specify the tide level.\n       -s Print the berth log.\n       -q Equivalent to -s.\n" +
		"       -r Equivalent to --berth main.\n       -v Print the tide log.\n       -w Print the winch log.\n\n" +
		"The berth log lists each vessel. The tide log lists each tide. The winch log lists each lift.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "moorctl.1.txt", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, v := range []string{"Specify", "Print", "Equivalent"} {
		if _, ok := got[v]; ok {
			t.Errorf("%s extracted (%v)", v, terms)
		}
	}
	if _, ok := got["berth log"]; !ok {
		t.Errorf("berth log missing (%v)", terms)
	}
}
