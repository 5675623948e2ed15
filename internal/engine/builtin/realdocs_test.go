package builtin

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestDefineRealDocPatterns checks definition mining on patterns met in
// real README files (the texts are written for this test).
func TestDefineRealDocPatterns(t *testing.T) {
	t.Parallel()
	en := "# Larkspur\n\n" +
		"[![Build Status](https://ci.example.org/badge.svg)](https://ci.example.org) [![Docs][docs-img]][docs]\n\n" +
		"[docs]: https://example.org/docs\n\n" +
		"The package exposes three handles:\n\n" +
		"- `Shard` - used to manage replicas for a specific shard, as well as\n" +
		"  performing shard-specific operations (compaction, trimming, snapshots).\n" +
		"- `Ledger` - returns the ordered entries of\n" +
		"  one account.\n\n" +
		"### Sealed segments\n\n" +
		"Larkspur, in addition to open segments, supports sealed segment files.\n" +
		"Sealed segments are immutable files that hold the oldest entries of a shard.\n\n" +
		"### Ordered readers\n\n" +
		"Larkspur, beside plain readers, offers ordered reader sessions.\n" +
		"Ordered readers present the entries of one shard in sequence order.\n\n" +
		"Larkspur's hooks are just plain functions called around each write.\n" +
		"Each hook runs in the writer goroutine.\n" +
		"A reader can return a hook, a cursor or a tombstone.\n" +
		"The cursor, a movable position inside a shard, survives restarts.\n\n" +
		"| Option | Meaning |\n| --- | --- |\n| `FsyncEvery` | Number of writes between two fsync calls |\n\n" +
		"Set FsyncEvery to 1 for durability. The ledger keeps FsyncEvery writes in memory.\n"
	ja := "# カモメ\n\n" +
		"カモメとは、複数の拠点に置いたキャッシュサーバーの内容を\n" +
		"定期的に同期する配信ツールである。\n\n" +
		"## 同期周期\n\n" +
		"各拠点は一定の間隔で差分を取り寄せる。\n" +
		"この間隔を同期周期と呼び、拠点ごとに設定できる。\n\n" +
		"## 用語\n\n" +
		"- エッジ拠点: 利用者に最も近い場所に置かれたキャッシュサーバー。\n" +
		"  拠点名で識別する。\n" +
		"- 拠点管理者: 拠点一覧を参照する。\n" +
		"- TTL（Time To Live）: キャッシュした内容を有効とみなす時間。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	tests := []struct {
		term      string
		want      string // the definition contains this
		minConf   float64
		forbidden []string
	}{
		{"Shard", "Shard is used to manage replicas for a specific shard, as well as performing shard-specific operations (compaction, trimming, snapshots).", 0.6, nil},
		{"Ledger", "Ledger returns the ordered entries of one account.", 0.6, nil},
		{"sealed segment", "Sealed segments are immutable files", 0.6, []string{"in addition to"}},
		{"hook", "hooks are just plain functions", 0.6, nil},
		{"ordered reader", "Ordered readers present the entries of one shard in sequence order.", 0.6, []string{"beside"}},
		{"FsyncEvery", "Number of writes between two fsync calls", 0.6, nil},
		{"cursor", "The cursor, a movable position inside a shard", 0.6, nil},
		{"カモメ", "カモメとは、複数の拠点に置いたキャッシュサーバーの内容を定期的に同期する配信ツールである。", 0.8, nil},
		{"同期周期", "各拠点は一定の間隔で差分を取り寄せる。この間隔を同期周期と呼び", 0.6, nil},
		{"エッジ拠点", "利用者に最も近い場所に置かれたキャッシュサーバー。", 0.6, nil},
		{"TTL", "キャッシュした内容を有効とみなす時間。", 0.6, nil},
	}
	for _, tc := range tests {
		t.Run(tc.term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, c, tc.term)
			if !strings.Contains(d.Text, tc.want) || d.Confidence < tc.minConf {
				t.Errorf("definition = %q (%.2f), want one with %q and confidence >= %.2f", d.Text, d.Confidence, tc.want, tc.minConf)
			}
			for _, f := range tc.forbidden {
				if strings.Contains(d.Text, f) {
					t.Errorf("definition = %q, must not contain %q", d.Text, f)
				}
			}
			if strings.HasSuffix(strings.TrimRight(d.Text, "."), "as well as") {
				t.Errorf("definition %q ends on a dangling conjunction", d.Text)
			}
		})
	}
	// Not definitions: an enumeration after "a", an instruction in a list,
	// a badge line.
	for _, term := range []string{"tombstone", "拠点管理者"} {
		if d := define(t, e, c, term); d.Confidence > 0.4 {
			t.Errorf("%s: definition %q (%.2f), want usage only", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "Build Status"); d.Text != "" {
		t.Errorf("badge alt text used as a sentence: %q", d.Text)
	}
}

// TestGlossaryRealJapaneseDocs runs the pipeline over the Japanese
// documents of testdata/realja (a README, a design document and a runbook,
// hard-wrapped as real documents are).
func TestGlossaryRealJapaneseDocs(t *testing.T) {
	t.Parallel()
	st := runPipeline(t, newEngine(t), filepath.Join("testdata", "realja"))
	got := map[string]glossary.Entry{}
	for _, en := range st.Refined {
		got[en.Term] = en
	}
	defs := map[string]string{
		"スプール":      "スプールとは、送信待ちのデータを一時的に保存するローカルのディスク領域のことです。",
		"引当ワーカー":    "引当ワーカーとは、キューに登録された引当要求を順に処理するバックグラウンドプロセスである。",
		"差分ログ":      "差分ログとは、前回のフルバックアップ以降の変更を記録したトランザクションログのことである。",
		"メンテナンスモード": "メンテナンスモードとは、利用者からの書き込みを停止し、閲覧のみを許可するサービスの状態である。",
		"ポーリング間隔":   "この周期をポーリング間隔と呼び",
		"縮退モード":     "この停止状態を縮退モードと呼ぶ。",
		"引当":        "受注に対して特定の倉庫の在庫を確保すること。",
		"有効在庫":      "実在庫から引当済みの数量と保留数量を差し引いた数量。",
		"SKU":       "在庫管理の最小単位。",
		"ミズナギ":      "軽量なテレメトリゲートウェイです。",
		"リストアポイント":  "リストアポイントは、データベースをどの時点の状態に戻すかを示す日時である。",
	}
	for term, want := range defs {
		en, ok := got[term]
		if !ok {
			t.Errorf("missing entry %q", term)
			continue
		}
		if !strings.Contains(en.Definition, want) || en.Confidence < 0.6 {
			t.Errorf("%q: definition %q (%.2f), want one with %q", term, en.Definition, en.Confidence, want)
		}
	}
	if en := got["SKU"]; !strings.Contains(strings.Join(en.Aliases, ","), "Stock Keeping Unit") {
		t.Errorf("SKU aliases %v, want Stock Keeping Unit", en.Aliases)
	}
	for _, bad := range []string{"取得", "実行", "確認", "停止", "記録", "Apache", "Stock", "Unit", "Build Status",
		"データベース管理者", "ライセンス", "License"} {
		if _, ok := got[bad]; ok {
			t.Errorf("junk entry %q", bad)
		}
	}
}

// TestDefineIgnoresChangeLogsAndInstructions checks list items and
// headings that look like glosses but are not, as met in real repositories
// (the texts are written for this test): change log entries, version
// numbers, instructions, one-word bodies, a comparison table (not a gloss
// table), and a section under a heading named like the term that never
// says what it is.
func TestDefineIgnoresChangeLogsAndInstructions(t *testing.T) {
	t.Parallel()
	readme := "# Petrel\n\n" +
		"## Glossary\n\n" +
		"- Spool: a directory where outgoing batches wait until the uplink returns.\n\n" +
		"## Tooling\n\n" +
		"- Viewer: 12.4.1 (was 12.3.0)\n" +
		"- Notebook: Count the pages of your three longest chapters.\n" +
		"- Gateway: G.\n\n" +
		"## Equivalents\n\n" +
		"| Function | Ruby |\n| --- | --- |\n| Sieve | String#each_char with a block |\n\n" +
		"## Date patterns\n\n| Pattern | Description |\n| --- | --- |\n| `ID` | ISO 8601 day of the week, Monday (1) to Sunday (7) |\n| `MM` | month number (01–12) |\n\n" +
		"Each ID names one batch.\n\n" +
		"## Uplink\n\n" +
		"Run the integration tests before you tag a release.\n\n" +
		"The uplink sends every batch once the link is back.\n"
	changelog := "# Changelog\n\n" +
		"## 2.1.0 (2026-03-02)\n\n" +
		"### Features\n\n" +
		"- Spool: the spool now rotates its files hourly (#412)\n" +
		"- Courier: the retry parameter type changed from a number to a duration.\n"
	e := newEngine(t)
	jaLog := "# ウミネコ\n\n## 用語\n\n- 中継点: 送信待ちのデータを一時的に預かるサーバー。\n\n" +
		"## 変更履歴\n\n### 2.0.0\n\n- 中継点: 保存期間の既定値を七日間に延長した新しい設定項目。\n" +
		"- 集約器: 再送間隔の型が数値から期間文字列に変わった仕様。\n"
	// A release notes page heads each change with the part that changed.
	release := "# Courier 2.1 Release Notes\n\n## Tools\n\n### Courier\n\n- The courier gained a --dry-run option.\n\n" +
		"### Spool\n\nThe spool learned to compress batches.\n"
	// A list of known problems keys each by the part it concerns.
	todo := "# Known problems\n\n- Sieve: When the uplink drops, the sieve loses its last batch.\n- Notebook: Printing a notebook twice hangs.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: readme}, {Path: "docs/notes.md", Content: changelog}, {Path: "ja.md", Content: jaLog},
		{Path: "release/2.1.md", Content: release}, {Path: "todo.html", Content: todo}})
	if d := define(t, e, c, "中継点"); !strings.Contains(d.Text, "送信待ちのデータを一時的に預かるサーバー") {
		t.Errorf("中継点: definition %q, want the glossary item, not the change log's", d.Text)
	}
	if d := define(t, e, c, "集約器"); strings.Contains(d.Text, "再送間隔の型") && !strings.HasPrefix(d.Text, "Used in") && d.Confidence > 0.4 {
		t.Errorf("集約器: definition %q (%.2f) taken from a change log entry", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Spool"); !strings.Contains(d.Text, "directory where outgoing batches wait") || d.Confidence < 0.6 {
		t.Errorf("Spool: definition %q, want the glossary item", d.Text)
	}
	// A pattern of a format, "| `ID` | ISO 8601 day of the week ... |",
	// is not the word spelled like it.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "ID", "ISO 8601")
	for _, term := range []string{"Viewer", "Notebook", "Gateway", "Courier", "uplink", "Sieve"} {
		d := define(t, e, c, term)
		if strings.HasPrefix(d.Text, "Used in:") && d.Confidence <= 0.4 {
			continue // a usage, shown as one: fine
		}
		for _, bad := range []string{"12.4.1", "Count the pages", "G.", "parameter type changed", "Run the integration tests", "each_char", "gained", "uplink drops", "twice hangs"} {
			if strings.Contains(d.Text, bad) {
				t.Errorf("%s: definition %q (%.2f) taken from %q", term, d.Text, d.Confidence, bad)
			}
		}
	}
}

// TestDefineIgnoresBookIndex: a book's index lists where each key is
// discussed ("ACL: Access control lists [ACL conditions]"), in English and
// Japanese, or, in an appendix's index, an English entry with its
// translation; its items and rows gloss nothing. Found in Exim's specification (the
// pages are written for this test).
func TestDefineIgnoresBookIndex(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	en := "# Harbor Manual\n\n## Chapter 9 - Concept Index\n\n### B\n\n" +
		"- berth list: Domain, berth, and quay lists [Berth lists]\n- bollard: Mooring [Bollard sizes], Tides [Spring tides]\n\n" +
		"The berth list is read at dawn. Each bollard is painted. Every berth list names a quay. A bollard holds a line.\n"
	ja := "# 港湾手引き\n\n## 索引\n\n- 係船柱: 係留 [係船柱の大きさ]、潮汐 [大潮]\n\n係船柱は塗装します。係船柱に索を掛けます。\n"
	// An appendix's index (LilyPond's manuals, 「E. LilyPond インデックス」):
	// an English entry and its translation in parentheses, and the
	// section it points to.
	ja2 := "# E. 港湾 インデックス\n\n| | インデックス エントリ | セクション |\n| --- | --- | --- |\n" +
		"| | tide, table (潮位表の一覧) | 潮位の記録 |\n| | table of tides (潮位表の一覧) | 潮位の記録 |\n\n潮位表を読みます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}, {Path: "ja2.md", Content: ja2}})
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "table", "潮位表の一覧")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth list", "quay lists")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "bollard", "Mooring")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "係船柱", "大きさ")
}
