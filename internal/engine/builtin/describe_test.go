package builtin

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestDefineDescribingSentences checks that a sentence with the term as its
// subject and a verb that says what it does becomes the definition, as it
// is, with confidence confDescribe, and that sentences that only mention
// the term stay usages (the texts are written for this test).
func TestDefineDescribingSentences(t *testing.T) {
	t.Parallel()
	en := "# Tern\n\n" +
		"Tern keeps a mailbox per tenant. Old mailboxes are archived.\n\n" +
		"## Options\n\n" +
		"SkipEmpty will have the sweeper ignore mailboxes without letters.\n" +
		"Similarly, `KeepDrafts()` can be used to hold drafts across restarts.\n" +
		"The sweeper removes archived letters once a day.\n" +
		"Sweepers run on every node of the cluster.\n\n" +
		"Mailbox quotas are listed in the admin page. The roadmap can be found here.\n" +
		"The roadmap lists the planned releases of Tern.\n" +
		"A relay is described in the handbook. Every relay forwards letters to other tenants.\n" +
		"Each courier should have one of a route or a zone.\n" +
		":memo: Test the dispatcher of a relay before every release.\n" +
		"Parcels will be merged at the depot.\n" +
		"A ledger may be rejected by the depot unless it is signed.\n" +
		"Stamps cannot be used inside sealed letters.\n" +
		"Tide maps are useful at night. Tide maps also have a legend.\n" +
		"The sorting is a bit different for parcels.\n" +
		"Harbour charts can have many layers.\n\n" +
		"Toggles display of buoys between lit and dark mode.\n\nUse the toggle on the bridge.\n\n" +
		"1. `$TERN_spool` stores undelivered letters until a relay takes them.\n" +
		"2. `@Courier` will mark a class as a route handler.\n\n" +
		"Ternlog will now report its version correctly. Tallybook will no longer count drafts.\n" +
		"The tide index is called Tides(.gz, .xz). Every tide index is small.\n" +
		"The arrival hook is called when a letter reaches its box.\n" +
		"Letters that bounce are kept in the bounce box and sent again at night. Satchel is the recommended tool for this.\n"
	ja := "# ツバメ\n\n" +
		"配送器は、キューから手紙を取り出して宛先へ届けます。\n" +
		"Priority 属性は、手紙を先に届けるかどうかを指定します。Priority を付けます。\n" +
		"Stamp 属性が指定されていない手紙は戻ります。Stamp を確認します。\n" +
		"MTP メソッドは、手紙を運ぶ方法を示します。MTP を使います。MTP は古い。\n" +
		"また、仕分け器は届いた手紙を宛先ごとに分類する。\n" +
		"保管庫は手紙を削除しません。\n" +
		"控え帳は昨年に廃止された。\n" +
		"sortd は、届いた手紙を毎朝宛先ごとに束ねます。sortd を起動します。\n" +
		"燕社は、手紙を毎朝届けられるようにしたいと思っています。燕社に頼みます。\n" +
		"postctl は宛先の一覧を読み込むなら次のようにします。postctl を使います。\n" +
		"宛先変数は、頭に \"$\" がついた名前を太字で書き、\"$DEST\" のように表現されます。宛先変数を設定します。\n" +
		"二重封筒は手紙を読みにくくするため、使用しないようにします。二重封筒を避けます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	describes := []struct{ term, want string }{
		{"SkipEmpty", "SkipEmpty will have the sweeper ignore mailboxes without letters."},
		{"KeepDrafts", "KeepDrafts() can be used to hold drafts across restarts."},
		{"sweeper", "The sweeper removes archived letters once a day."},
		{"relay", "Every relay forwards letters to other tenants."},
		{"TERN_spool", "$TERN_spool stores undelivered letters until a relay takes them."},
		{"Courier", "@Courier will mark a class as a route handler."},
		{"配送器", "配送器は、キューから手紙を取り出して宛先へ届けます。"},
		{"仕分け器", "仕分け器は届いた手紙を宛先ごとに分類する。"},
		{"Priority", "Priority 属性は、手紙を先に届けるかどうかを指定します。"},
		{"sortd", "sortd は、届いた手紙を毎朝宛先ごとに束ねます。"}, // a Latin subject set apart
		{"harbour chart", "Harbour charts can have many layers."},
		{"arrival hook", "The arrival hook is called when a letter reaches its box."},
		// "for this": what the sentence before said; it describes at most.
		{"Satchel", "Satchel is the recommended tool for this."},
	}
	for _, tc := range describes {
		t.Run(tc.term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, c, tc.term)
			if d.Text != tc.want || d.Confidence != confDescribe {
				t.Errorf("definition = %q (%.2f), want %q (%.2f)", d.Text, d.Confidence, tc.want, confDescribe)
			}
		})
	}
	// Not describing: the term qualifies the subject ("Mailbox quotas",
	// "Tide maps are ...": "maps" is no verb before "are"), what will or
	// may happen to it, a negation, a past event, how it is ("is a bit
	// different"). 「MTP メソッドは」 is about the protocol's methods, not
	// the protocol; what a company wants (「…したいと思っています」) and
	// what to do (「…なら次のようにします」) and how the text writes it
	// (「…のように表現されます」) or a style rule (「…使用しないようにします」)
	// do not say what it is, nor does a change
	// log's news ("will now report", "will no longer count"). A word in -s
	// before a noun and "of" is a verb, not a plural subject ("Toggles
	// display of buoys ...", a tool-tip). "The tide index is called
	// Tides(.gz)" gives its file's name, not what it is.
	for _, term := range []string{"tide index", "toggle", "mailbox", "parcel", "ledger", "stamp", "保管庫", "控え帳", "Stamp", "MTP", "tide", "sorting", "燕社", "postctl", "宛先変数", "二重封筒", "Ternlog", "Tallybook"} {
		t.Run(term, func(t *testing.T) {
			t.Parallel()
			if d := define(t, e, c, term); d.Confidence >= confDescribe && !strings.HasPrefix(d.Text, usedInPrefixEN) {
				t.Errorf("definition = %q (%.2f), want a usage", d.Text, d.Confidence)
			}
		})
	}
	// "should" states a rule; an emoji shortcode is not text.
	if d := define(t, e, c, "courier"); !strings.HasPrefix(d.Text, usedInPrefixEN) && strings.Contains(d.Text, "should have") {
		t.Errorf("courier: definition %q", d.Text)
	}
	if d := define(t, e, c, "dispatcher"); !strings.Contains(d.Text, "Test the dispatcher") || strings.Contains(d.Text, ":memo:") {
		t.Errorf("dispatcher: definition %q, want the sentence without its emoji code", d.Text)
	}
	if d := define(t, e, c, "roadmap"); strings.Contains(d.Text, "can be found") {
		t.Errorf("roadmap: definition %q says where it is, not what it does", d.Text)
	}
}

// TestDefineJapaneseReadmePatterns checks glosses that are not, as met in
// real Japanese READMEs (the texts are written for this test): an option's
// default value in a list, a link in a list item, a parenthetical that adds
// to the word before it (バグ修正, 定義済み辞書) or remarks on it or says when
// (「…場合」), a sentence that leads into a
// list, a section's first sentence that is a condition, labels too short to
// show usage, emphasis without spaces, and a Latin term written against
// Japanese text.
func TestDefineJapaneseReadmePatterns(t *testing.T) {
	t.Parallel()
	ja := "# ヒバリ\n\n" +
		"ヒバリは文中の重複した語句を検出するチェッカーです。\n\n" +
		"合わせて使うことを想定している除外ルール(例外を明示できる)も参照してください。\n" +
		"ある語句(かつ品詞の細分類)が連続している場合はエラーです。\n\n" +
		"## オプション\n\n" +
		"- `window`: 語句の最小間隔\n" +
		"    - Default: `1`\n" +
		"    - Default: `false`\n" +
		"- `marks`: 区切りとして扱う記号の配列\n" +
		"    - Default: `[\".\", \"．\", \"。\"]`\n" +
		"- 既定値: `[\"a\", \"i\", 典型例 ]`\n" +
		"- 課題: [重複の判定について · Issue #8 · example/hibari](https://example.org/issues/8)\n" +
		"- [連語（語句） - 分類 - 用語辞典](https://example.org/a(b)_1 \"連語（語句） - 分類\")\n\n" +
		"既定の設定は次の通りです。\n\n" +
		"## 導入\n\n" +
		"自分のツールに組み込んで使う場合。\n\n" +
		"本文(Markdownなら通常の段落)の語句だけを数えます。\n\n" +
		"- 各ルールのバグ修正 (警告を減らす方向への修正)\n" +
		"- 修正は毎週まとめて出します。\n" +
		"- 定義済み辞書 (文書のプロパティで得られる語句の一覧)\n" +
		"- 組み辞書 (アジア諸言語をサポートしている場合)\n" +
		"- 辞書は語句ごとに引きます。\n\n" +
		"## 対応\n\n" +
		"Minor リリース\n\n" +
		"次のwindowの値**は**段落ごとに数えます。これがQuickFixか全修正で直せる例です。\n" +
		"次の計数器**は**段落ごとに語句の数を記録しておく。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}})
	e := newEngine(t)
	junk := []string{"1。", "false。", "\".\"", "重複の判定について", "分類 - 用語辞典", "https://", "例外を明示できる", "かつ品詞の細分類",
		"次の通り", "組み込んで使う場合", "Minor リリース", "**", "Markdownなら", "典型例"}
	for _, term := range []string{"Default", "課題", "語句", "除外ルール", "既定の設定", "導入", "Minor", "window", "QuickFix", "本文", "既定値"} {
		t.Run(term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, c, term)
			if strings.HasPrefix(d.Text, usedInPrefixJA) {
				// A quoted usage may hold anything but Markdown.
				if strings.Contains(d.Text, "**") || strings.Contains(d.Text, "](") || d.Confidence >= unclearBelow {
					t.Errorf("usage %q (%.2f)", d.Text, d.Confidence)
				}
				return
			}
			for _, j := range junk {
				if strings.Contains(d.Text, j) {
					t.Errorf("definition %q (%.2f) contains %q", d.Text, d.Confidence, j)
				}
			}
		})
	}
	// A parenthetical after a compound glosses the compound, not its tail.
	if d := define(t, e, c, "修正"); strings.Contains(d.Text, "警告を減らす") && !strings.HasPrefix(d.Text, usedInPrefixJA) {
		t.Errorf("修正: definition %q is the gloss of バグ修正", d.Text)
	}
	// So does one after a kanji with its kana ending (定義済み辞書); a
	// parenthesis that says when (「…場合」) glosses nothing.
	if d := define(t, e, c, "辞書"); (strings.Contains(d.Text, "プロパティ") || strings.Contains(d.Text, "場合")) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
		t.Errorf("辞書: definition %q is the gloss of a compound or a condition", d.Text)
	}
	if d := define(t, e, c, "組み辞書"); strings.Contains(d.Text, "場合") && !strings.HasPrefix(d.Text, usedInPrefixJA) {
		t.Errorf("組み辞書: definition %q is a condition", d.Text)
	}
	if d := define(t, e, c, "バグ修正"); !strings.Contains(d.Text, "警告を減らす方向への修正") {
		t.Errorf("バグ修正: definition %q, want its parenthetical", d.Text)
	}
	// A label is not a usage; emphasis without spaces is stripped.
	if d := define(t, e, c, "Minor"); strings.Contains(d.Text, "Minor リリース") {
		t.Errorf("Minor: definition %q quotes a label", d.Text)
	}
	if d := define(t, e, c, "計数器"); !strings.Contains(d.Text, "計数器は段落ごとに") {
		t.Errorf("計数器: definition %q, want the sentence without its emphasis marks", d.Text)
	}
	if d := define(t, e, c, "QuickFix"); !strings.Contains(d.Text, "QuickFixか全修正") {
		t.Errorf("QuickFix: definition %q, want the sentence that uses it", d.Text)
	}
	if d := define(t, e, c, "window"); !strings.Contains(d.Text, "語句の最小間隔") {
		t.Errorf("window: definition %q, want the list item", d.Text)
	}
}

// TestDefineEnglishReadmePatterns checks patterns met in real English
// READMEs (the texts are written for this test): a term inside an
// enumeration of "a ..." items has no appositive, a usage that is a change
// log line ("by @someone in https://...", "#4711: ...") or a link is the
// last choice, and a star between quotes is kept.
func TestDefineEnglishReadmePatterns(t *testing.T) {
	t.Parallel()
	en := "# Quill\n\n" +
		"A field is skipped when its value is empty, which is false, 0, an empty list, a nil handle, a nil queue value, or a zero time.\n\n" +
		"- pool: reuse a handle per worker by @someone in https://example.org/pull/12\n\n" +
		"Every worker takes a handle from the pool before it writes to the log.\n\n" +
		"- #4711, #4712: the vault is sealed after each flush of the log.\n\n" +
		"When a worker has written all of its lines and the log has been rotated, those lines end up in the vault.\n\n" +
		"Glob is a small matcher where '*' matches any run of characters and '?' matches one character.\n\n" +
		"- **Quill.toUpper (text)** : Converts lower-case letters to upper-case ones.\n\n" +
		"Call Quill.toUpper before storing a key. The text is read once.\n\n" +
		"The type option sets the result:\n\n" +
		"* **string** : Return as a string.\n" +
		"* **list** : Return as a new list.\n\n" +
		"When the pool closes at about the time of the flush, a worker that waits sees only the close.\n" +
		"quill.Page is core.Page, a reader returns its lines, and writers are iterators.\n" +
		"- 'E' = spool file, an error happened while reading this file\n- 'A' = spool file, added\n\n" +
		"Index expressions yield a rune in a text, an element in a slice or tuple, a value in a table.\n\n" +
		"## Drain\n\nWill something still drain the queue after the close?\n\n" +
		"A [proposal to ship the ledger as `quill/v2` and `quill/text`](https://example.org/issues/1) was made in 2025.\n" +
		"The ledger keeps a list of Array\\<number\\> values and the Scribe\\* middleware.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}})
	e := newEngine(t)
	if d := define(t, e, c, "handle"); strings.Contains(d.Text, "nil queue value") || !strings.Contains(d.Text, "Every worker takes a handle") {
		t.Errorf("handle: definition %q (%.2f), want the prose usage", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "vault"); !strings.Contains(d.Text, "those lines end up in the vault") {
		t.Errorf("vault: definition %q (%.2f), want the prose usage, not the change log entry", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Quill.toUpper"); !strings.Contains(d.Text, "converts lower-case letters") {
		t.Errorf("Quill.toUpper: definition %q, want its list item", d.Text)
	}
	// An argument in a list key is not a name of the item; an instruction
	// is not a gloss.
	for _, term := range []string{"text", "string", "list"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, "converts lower-case") || strings.HasPrefix(d.Text, "Return as") {
			t.Errorf("%s: definition %q", term, d.Text)
		}
	}
	// The comma closes an opening clause; a clause after a comma is not an
	// appositive.
	for _, term := range []string{"flush", "Page", "tuple", "Drain", "spool file"} {
		if d := define(t, e, c, term); d.Confidence >= unclearBelow {
			t.Errorf("%s: definition %q (%.2f), want a usage", term, d.Text, d.Confidence)
		}
	}
	// Markup inside a link's label and backslash escapes are cleaned.
	for _, term := range []string{"proposal", "Scribe"} {
		if d := define(t, e, c, term); strings.ContainsAny(d.Text, "`\\[]") {
			t.Errorf("%s: definition %q keeps Markdown", term, d.Text)
		}
	}
	if d := define(t, e, c, "Glob"); !strings.Contains(d.Text, "'*' matches") || !strings.Contains(d.Text, "'?' matches one character") {
		t.Errorf("Glob: definition %q lost its star", d.Text)
	}
}

// TestAssessmentsKeptPerInputs: assessments are kept per corpus by term,
// aliases and occurrences, so a call with other aliases is not answered
// from a kept one, and a cancelled call keeps nothing.
func TestAssessmentsKeptPerInputs(t *testing.T) {
	t.Parallel()
	doc := "# Spool\n\nA WAL is a file that records every change before it is applied.\nThe journal is flushed every second.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := assessTerm(cancelled, c, "journal", []string{"WAL"}, nil); err == nil {
		t.Fatal("assessTerm with a cancelled context: no error")
	}
	alone, err := assessTerm(context.Background(), c, "journal", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	withAlias, err := assessTerm(context.Background(), c, "journal", []string{"WAL"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if alone.hasDefinition() || !withAlias.hasDefinition() || !strings.Contains(withAlias.definitionText(), "records every change") {
		t.Errorf("alone %q (%v), with alias %q (%v): want only the alias to bring the definition",
			alone.definitionText(), alone.hasDefinition(), withAlias.definitionText(), withAlias.hasDefinition())
	}
	again, err := assessTerm(context.Background(), c, "journal", nil, nil)
	if err != nil || again.definitionText() != alone.definitionText() {
		t.Errorf("second call %q (%v), want %q", again.definitionText(), err, alone.definitionText())
	}
}

// TestDefineJapaneseThingSentences: 「Xは、…をまとめたものです。」 and
// 「Xは、…扱うためのものです。」 say what X is by what it does, and define
// it, as does the first clause of 「XはYであり、…」, 「XはYのことで、…」 and
// 「XはAのBで、…」 (or 「…なBで、」) when B is a kind of thing, not a place;
// 「Xは…できた団体で、…」 (a past relative clause) too;
// 「Xは、利用者のものです。」 says whose X is, 「…を書いた後で、」 when,
// 「…ということです」 is "the X is that ...", 「Xは静かであり、…」 how it
// is and 「Xは、デフォルトでは…です。」 what it is in one case, and do not.
// The text is written for this test.
func TestDefineJapaneseThingSentences(t *testing.T) {
	t.Parallel()
	doc := "# 部品\n\n" +
		"部品ファイルは、型紙と手順と体裁を一つのファイルにまとめたものです。部品ファイルを書きます。\n" +
		"作業区画は、複数の荷物をまとめて扱うためのものです。作業区画を作ります。\n" +
		"保管箱は、各利用者のものです。保管箱を開けます。\n" +
		"貸出権は この図書館の最も大きな特徴であり、これのおかげで本を家で読めるのです。貸出権を使います。\n" +
		"閲覧室は 静かであり、誰でも入れます。閲覧室を使います。\n" +
		"予約枠は、デフォルトでは一人一冊の枠です。予約枠を増やします。\n" +
		"返却箱は、閉館中に本を返すための箱のことで、入口の横にあります。返却箱を使います。\n" +
		"仮置き棚は **揮発性** です。仮置き棚を空けます。\n" +
		"接頭辞はオプションです。請求記号に接頭辞を付けます。\n" +
		"`--shelf` は、本を置く棚を指定するオプションです。`--shelf` を使います。\n" +
		"**書庫**または**閉架**は、利用者が直接入れない場所に本をしまっておく部屋で、司書が本を出し入れします。書庫を使います。閉架の本を頼みます。\n" +
		"分室は、駅前の建物の中で、毎日開いています。分室に行きます。\n" +
		"閉架票は書庫ごとの申込用紙で、係員に渡して使います。閉架票を書きます。\n" +
		"書架灯は昔ながらの特殊な照明で、棚ごとに付いています。書架灯を点けます。\n" +
		"移動図書館は市内の団地の駐車場で、毎週本を貸し出します。移動図書館に行きます。\n" +
		"友の会は、本好きが集まってできた団体で、毎月講演会を開いています。友の会に入ります。\n" +
		"整理券は、受付で名前を書いた後で、窓口で受け取ります。整理券を持ちます。\n" +
		"貸出枠は、一人が同時に借りられる本の冊数が決まっているということです。貸出枠を確かめます。\n" +
		"貸出期間を選べます。デフォルトは二週間の通常貸出です。デフォルトを変えます。\n" +
		"予約は次の方法で申し込めます: 電話、メール、そして窓口での直接の申し込みです。予約を取り消します。\n" +
		"棚番号の書式を決めます。書式は A-12-3 です。書式を守ります。\n" +
		"貸出の待ち時間（秒）。標準は 1.5 秒です。標準を変えます。区切りの記号を選べます。標準設定はピリオド . です。標準設定に戻します。\n" +
		"延滞猶予は 3 日です。延滞猶予を延ばします。保証金は 15,000 通貨単位です。保証金を払います。\n" +
		"換算率は1ポンド0.85オーストラリアドルです。換算率を使います。\n" +
		"係留契約は6%の割増料金で、3%の手数料がかかります。係留契約を結びます。\n" +
		"返却日は 2024 年 3 月 1 日です。返却日を守ります。館内図は 3D モデルです。館内図を見ます。\n" +
		"予約票は図書館システム固有である。予約票を書きます。\n" +
		"貸出履歴は図書館システム独自である。貸出履歴を見ます。\n" +
		"貸出予測は実験的な機能です。貸出予測を試します。\n" +
		"蔵書点検は libtools パッケージの一部であり、 https://example.org から入手できる。蔵書点検を行います。\n" +
		"返却の都度、次の予約者に自動で知らせることができます。この機能を以下「自動連絡」と呼びます。自動連絡も、予約のある本にのみ行なわれます。\n" +
		"指定された棚の中では、書架札は棚の番号を示す札である。書架札を読みます。\n" +
		"司書はしばしばその本の最も注意深い読者であり、誤りを見つけます。司書に尋ねます。\n" +
		"保管庫は最もスケーラブルである。保管庫を開けます。\n" +
		"閲覧端末は古い機械を、新しい機械並に低い保守コストで活用できる優れた手段です。閲覧端末を置きます。\n" +
		"蔵書目録は後で分類に合わせ、書名を変更したり、索引を有効化したり、分類番号の追加などです。蔵書目録を引きます。\n\n" +
		"- 貸出票: 用紙は複写式の薄い紙。\n- 保存先: 何も指定しなければ 港湾フォルダ。\n- 返済期間 - 18カ月間(毎年12回返済)\n- **書庫区分** - 現在の値から閉架へ**書庫区分**を変更します (この例では東館です)。 **書庫を新規作成**ウィンドウを開くために新規ボタンを選択します。\n\n" +
		"貸出票を書きます。保存先を決めます。返済期間を延ばします。書庫区分を確かめます。\n\n" +
		"対象は LoanSlip であり、項目は due-date であり、設定する値は 14 です。対象を選びます。\n\n" +
		"## 返却期限\n\nすべての貸出には返却期限を付けるべきです。\n\n返却期限を守ります。\n\n" +
		"- **利用者番号**: すべての利用者には利用者番号を付けるべきです。利用者番号は、貸出のたびに窓口で確かめます。\n\n利用者番号を控えます。\n\n" +
		"- `max_loans`: 1人が同時に借りられる本の冊数の上限。\n\n" +
		"`max_loans` を変えます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"部品ファイル": "部品ファイルは、型紙と手順と体裁を一つのファイルにまとめたものです。",
		"作業区画":   "作業区画は、複数の荷物をまとめて扱うためのものです。",
		// 「XはYであり、…」: the first clause says what X is.
		"貸出権": "貸出権はこの図書館の最も大きな特徴であり、これのおかげで本を家で読めるのです。",
		"返却箱": "返却箱は、閉館中に本を返すための箱のことで、入口の横にあります。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	if d := define(t, e, c, "保管箱"); d.Confidence >= confExplicit {
		t.Errorf("保管箱: %q (%.2f) defines it by whose it is", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "閲覧室"); d.Confidence >= confExplicit {
		t.Errorf("閲覧室: %q (%.2f): 「静かであり」 says how it is, not what", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "予約枠"); d.Confidence >= confExplicit {
		t.Errorf("予約枠: %q (%.2f): 「デフォルトでは」 says what it is in one case", d.Text, d.Confidence)
	}
	// 「XまたはYは、…する部屋で、…」: both names, and the first clause
	// says what they are; 「…建物の中で、」 says where.
	for _, term := range []string{"書庫", "閉架"} {
		want := "書庫または閉架は、利用者が直接入れない場所に本をしまっておく部屋で、司書が本を出し入れします。"
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	if d := define(t, e, c, "分室"); d.Confidence >= confExplicit {
		t.Errorf("分室: %q (%.2f): 「…の中で、」 says where it is", d.Text, d.Confidence)
	}
	// 「XはAのBで、…」 with B a kind of thing defines X; with B a place
	// (「…の駐車場で、」) it says where.
	for term, want := range map[string]string{"閉架票": "閉架票は書庫ごとの申込用紙で、係員に渡して使います。", "書架灯": "書架灯は昔ながらの特殊な照明で、棚ごとに付いています。"} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want its first clause as a definition", term, d.Text, d.Confidence)
		}
	}
	// 「Xは…できた団体で、…」: a past relative clause before a kind;
	// 「…を書いた後で、」 says when.
	if d := define(t, e, c, "友の会"); d.Text != "友の会は、本好きが集まってできた団体で、毎月講演会を開いています。" || d.Confidence < confExplicit {
		t.Errorf("友の会: %q (%.2f), want its first clause as a definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "整理券"); d.Confidence >= confExplicit {
		t.Errorf("整理券: %q (%.2f): 「…を書いた後で、」 says when", d.Text, d.Confidence)
	}
	// 「デフォルトは…です。」 and 「書式は A-12-3 です。」 give a value;
	// 「Xは…できます: A、B、Cです。」 closes a list with its copula; 「- 貸出
	// 票: 控えは…」 says something of another thing.
	// 「標準は 1.5 秒です。」, 「延滞猶予は 3 日です。」, 「保証金は 15,000
	// 通貨単位です。」, 「返却日は 2024 年 3 月 1 日です。」: a default, a
	// quantity, a date, and 「換算率は1ポンド0.85オーストラリアドルです。」 a
	// rate; 「館内図は 3D モデルです。」 still names a kind.
	if d := define(t, e, c, "館内図"); d.Confidence < confExplicit {
		t.Errorf("館内図: %q (%.2f), want 「3D モデル」 as its kind", d.Text, d.Confidence)
	}
	// 「この機能を以下「X」と呼びます。」 names what the sentence before says.
	if d := define(t, e, c, "自動連絡"); d.Text != "返却の都度、次の予約者に自動で知らせることができます。この機能を以下「自動連絡」と呼びます。" {
		t.Errorf("自動連絡: %q (%.2f), want the naming with the sentence it points back to", d.Text, d.Confidence)
	}
	// 「…固有である。」, 「…独自である。」 say where it comes from (a manual
	// page's 準拠),
	// 「…は実験的な機能です。」 its status, 「…から入手できる。」 where to
	// get it;
	// 「指定された棚の中では、Xは…」 what it is in one place, 「Xはしばしば
	// …であり」 what it often is, 「Xは最もスケーラブルである。」 and 「Xは…
	// できる優れた手段です。」 verdicts, 「…の追加などです。」 examples.
	for _, term := range []string{"デフォルト", "予約", "書式", "標準", "標準設定", "延滞猶予", "保証金", "換算率", "係留契約", "返却日", "予約票", "貸出履歴", "書架札", "貸出予測", "蔵書点検", "司書", "保管庫", "閲覧端末", "蔵書目録"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f) is no definition", term, d.Text, d.Confidence)
		}
	}
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "貸出票", "複写式")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "保存先", "港湾フォルダ") // a case, not what it is
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "返済期間", "カ月間")   // a value
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "書庫区分", "変更します") // an instruction, a remark after it
	// 「XはLoanSlipであり、…」 gives a value; a heading over a rule
	// (「…べきです。」) is not glossed by it.
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "対象", "LoanSlip")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "返却期限", "付けるべき")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "利用者番号", "付けるべき")
	// 「Xは、…ということです。」: "the X is that ...".
	if d := define(t, e, c, "貸出枠"); d.Confidence >= confExplicit {
		t.Errorf("貸出枠: %q (%.2f): 「…ということです」 is a content clause", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "移動図書館"); d.Confidence >= confExplicit {
		t.Errorf("移動図書館: %q (%.2f): 「…の駐車場で、」 says where it is", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "仮置き棚"); d.Confidence >= confExplicit {
		t.Errorf("仮置き棚: %q (%.2f): 「揮発性です」 says how it is, not what", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "接頭辞"); d.Confidence >= confExplicit {
		t.Errorf("接頭辞: %q (%.2f): 「オプションです」 says it is optional, not what it is", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "--shelf"); d.Text != "`--shelf` は、本を置く棚を指定するオプションです。" && d.Text != "--shelf は、本を置く棚を指定するオプションです。" || d.Confidence < confExplicit {
		t.Errorf("--shelf: %q (%.2f): a modified 「オプション」 names its kind", d.Text, d.Confidence)
	}
	// A gloss that opens with a number is a gloss, not a value.
	if d := define(t, e, c, "max_loans"); d.Text != "1人が同時に借りられる本の冊数の上限。" {
		t.Errorf("max_loans: %q (%.2f), want the item's gloss", d.Text, d.Confidence)
	}
}

// TestDefineFormalDefinitions: terms of service, contracts and
// specifications define a term in quotes after a setting: 「この規約において
// 「利用料金」とは、…をいう。」, "\"Usage Fee\" means ...", "The term
// \"headword\" refers to ...". The texts are written for this test.
func TestDefineFormalDefinitions(t *testing.T) {
	t.Parallel()
	ja := "# 利用規約\n\n" +
		"第2条 この規約において「登録会員」とは、所定の手続に従って本サービスの利用を申し込み、当社が承認した者をいう。\n" +
		"2 この規約において「月額料金」とは、本サービスの対価として登録会員が支払う金額をいう。\n\n" +
		"用語集における「見出し語」とは、項目の先頭に置く語を指す。\n" +
		"次の「保存」ボタンは、画面の右上にあります。\n\n" +
		"登録会員は、月額料金を毎月支払う。月額料金は当社が定める。登録会員だけが利用できる。\n" +
		"見出し語は五十音順に並べる。見出し語を太字にする。保存ボタンを押す。保存ボタンは青い。\n"
	en := "# Terms\n\n" +
		"\"Registered Member\" means a person who has applied to use the service and whom we have approved.\n" +
		"“Monthly Fee” means the amount a Registered Member pays for the service each month.\n" +
		"The term \"headword\" refers to the word placed at the start of a glossary entry.\n" +
		"\"Ledger\" is printed on every invoice.\n\n" +
		"A Registered Member pays the Monthly Fee every month. Each headword is printed in bold.\n" +
		"The Ledger lists every payment. Only a Registered Member may open the Ledger.\n\n" +
		// A scope after the subject, a universal body (the Rustonomicon's
		// "A type constructor in Rust is any generic type with unbound
		// arguments.").
		"A berth builder in Harbourd is any generic plan with unbound quays. Each berth builder takes a quay.\n" +
		"A tide window is any span of time when the water is deep enough. Wait for the tide window.\n" +
		"The tide mode is any of the following: neap, spring. Set the tide mode.\n" +
		// A log field named in quotes, in the plural: the field, not
		// what a retry is.
		"\"retries\" is the number of berth retries made for this vessel. Each retry waits. A retry is logged.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"登録会員":              "第2条この規約において「登録会員」とは、所定の手続に従って本サービスの利用を申し込み、当社が承認した者をいう。",
		"月額料金":              "2 この規約において「月額料金」とは、本サービスの対価として登録会員が支払う金額をいう。",
		"見出し語":              "用語集における「見出し語」とは、項目の先頭に置く語を指す。",
		"Registered Member": "\"Registered Member\" means a person who has applied to use the service and whom we have approved.",
		"Monthly Fee":       "“Monthly Fee” means the amount a Registered Member pays for the service each month.",
		"headword":          "The term \"headword\" refers to the word placed at the start of a glossary entry.",
		"berth builder":     "A berth builder in Harbourd is any generic plan with unbound quays.",
		"tide window":       "A tide window is any span of time when the water is deep enough.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	// Quoted, but not defined.
	for _, term := range []string{"Ledger", "保存ボタン", "tide mode", "retry"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f) is not a definition", term, d.Text, d.Confidence)
		}
	}
}

// TestDefineNamingSentences: "... is called a flotilla", "... are known as
// roadstead ships" and "This is called a windlass." (after the sentence it
// names) define the term they end with; "a file called harbor.toml" and
// "is not called a barge" do not; a later sentence with the term as its
// subject ("Bollards are ...") wins over a naming one that came first. The
// text is written for this test.
func TestDefineNamingSentences(t *testing.T) {
	t.Parallel()
	doc := "# Harbor\n\n" +
		"The group of boats that sail together is called a flotilla. Every flotilla has a leader.\n" +
		"Boats waiting outside the harbor for a free berth are known as roadstead ships. Roadstead ships wait for the tide.\n\n" +
		"A drum turns to haul the anchor chain aboard. This is called a windlass. The windlass is oiled weekly.\n\n" +
		"Tugs, pilot boats and launches serve the ships. They are collectively called harbour craft. Harbour craft are moored apart.\n\n" +
		"A berth row is a part of a quay whose bollards stand in one line. Each berth row is numbered.\n\n" +
		"The schedule lives in a file called harbor.toml. Edit harbor.toml before spring.\n" +
		"A tug is not called a barge. Each barge carries coal. The barge docks at noon.\n\n" +
		"The post you see on the quay is called a bollard.\n" +
		"Bollards are short posts that mooring lines are tied to. Paint each bollard yellow.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"flotilla":       "The group of boats that sail together is called a flotilla.",
		"roadstead ship": "Boats waiting outside the harbor for a free berth are known as roadstead ships.",
		"windlass":       "A drum turns to haul the anchor chain aboard. This is called a windlass.",
		"harbour craft":  "Tugs, pilot boats and launches serve the ships. They are collectively called harbour craft.",
		"berth row":      "A berth row is a part of a quay whose bollards stand in one line.", // a word, defined by what it is part of
		"bollard":        "Bollards are short posts that mooring lines are tied to.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	for _, term := range []string{"harbor.toml", "barge"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f) is not named by the sentence", term, d.Text, d.Confidence)
		}
	}
}

// TestDefineJapaneseSpacedNames: Japanese text sets a Latin name apart
// with spaces, and the name is still named (「…を tidectl と呼びます。」, as
// 「…を潮位計と呼びます。」) and glossed by a full-width parenthesis after
// the space (「berthd （…）」). The text is written for this test.
func TestDefineJapaneseSpacedNames(t *testing.T) {
	t.Parallel()
	ja := "# 潮位\n\n潮位を読み込んで表示するコマンドを tidectl と呼びます。tidectl を起動します。\n" +
		"潮位を記録する装置を潮位計と呼びます。潮位計を置きます。\n" +
		"berthd （岸壁を割り当てるためのデーモン）を起動します。berthd を止めます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"tidectl": "潮位を読み込んで表示するコマンドを tidectl と呼びます。",
		"潮位計":     "潮位を記録する装置を潮位計と呼びます。",
		"berthd":  "岸壁を割り当てるためのデーモン。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confGloss)
		}
	}
}

// TestDefineEmphasisedComplement: a sentence whose complement is the term
// in emphasis introduces it ("The smallest unit a crane lifts is a
// **lift**.", 「荷役の最小単位は**荷口**です。」) and defines it; a subject
// that points back ("This is a **hawser**.") or is too short to say
// anything ("The answer is **fender**.") does not, nor does a complement
// without emphasis, nor a value ("the only sensible setting ... is
// **bollard**"), nor the state a clause ends with ("... has no effect when
// the gauge is **moored**", Mutt's "set"), nor a relative clause's value
// ("wait for any child whose process group ID is *id*", Python's os), nor
// a statement after a semicolon about a name ("... are BRE; perl(1) is
// *ERE*."). The text is written for this test.
func TestDefineEmphasisedComplement(t *testing.T) {
	t.Parallel()
	en := "# Cargo\n\n" +
		"The smallest unit of cargo a crane lifts at once is a **lift**. A lift weighs up to ten tonnes.\n" +
		"Crews count each lift twice.\n\n" +
		"The rope that holds a ship against the quay is called many things. This is a **hawser**. The hawser frays.\n" +
		"Check the hawser daily.\n\n" +
		"The answer is **fender**. A fender hangs on the hull. Replace the fender.\n\n" +
		"The crane that serves the north berth is the gantry. The gantry moves on rails. Oil the gantry.\n\n" +
		"Except when the tide is out, the only sensible setting for this berth is **bollard**. A bollard is painted. Count each bollard.\n\n" +
		"Note: the berth log has no effect when the north gauge variable is **moored**. Check moored ships daily.\n" +
		"Also see the tide flag, which controls whether logs are kept when this is **docked**. Docked ships pay.\n\n" +
		"If a berth has two cranes, the crane nearer the sea is the **seaward crane**. The seaward crane lifts first.\n\n" +
		"Signal any tug whose assigned berth number is *warp*. Each warp is logged.\n" +
		// A statement of its own after a semicolon, whose subject is a
		// name (the Debian Reference's "ed(1) and vim(1) are BRE;
		// perl(1) is ERE.").
		"tug(1) and pilot(1) are *BRT*; crane(1) is *ERT*. Each ERT is logged.\n"
	ja := "# 荷役\n\n荷役の最小単位は**荷口**です。荷口ごとに伝票を作ります。荷口を数えます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"lift":          "The smallest unit of cargo a crane lifts at once is a lift.",
		"seaward crane": "If a berth has two cranes, the crane nearer the sea is the seaward crane.",
		"荷口":            "荷役の最小単位は荷口です。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	for _, term := range []string{"hawser", "fender", "gantry", "bollard", "moored", "docked", "warp", "ERT"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f) is not introduced by its sentence", term, d.Text, d.Confidence)
		}
	}
}

// TestDefineQuestionHeadingsAndLabels: a question heading ("## What is a
// slipway?", 「## 係船柱とは」) titles the section that answers it, even
// with a sentence that opens with "When" ("When a tug takes a berth, it
// holds a mooring lease on it ..."); Japanese
// plain-text conventions gloss too: a label line (「■水先案内」) over its
// text, and a list item keyed in lenticular brackets (「【曳船】…」); a
// section's first sentence ending in a kana-final noun (「…仕組みです。」)
// glosses its heading. The text is written for this test.
func TestDefineQuestionHeadingsAndLabels(t *testing.T) {
	t.Parallel()
	ja := "# 港の手引き\n\n## 係船柱とは\n\n" +
		"岸壁に立てて船の綱を結んでおく仕組みです。\n係船柱は定期的に点検します。係船柱の数を数えます。\n\n" +
		"■水先案内\n港の中で大型船を誘導する業務。\n\n" +
		"## 防舷材\n\n船が岸壁に当たる衝撃を和らげる仕組みです。\n防舷材を交換します。防舷材は古くなると割れます。\n\n" +
		"- 【曳船】大型船を押して向きを変える小型の船。\n\n" +
		"水先案内を頼みます。水先案内は有料です。曳船を呼びます。曳船は二隻です。\n"
	en := "# Harbor guide\n\n## What is a slipway?\n\n" +
		"A ramp on the shore by which boats are moved to and from the water.\n" +
		"Every slipway is checked in spring. The slipway was rebuilt.\n\n" +
		"## 1. What is a tide table?\n\nSpecifics regarding the columns of a tide table are provided in the Harbour Manual, see Section 12.1, “What else is there to read?”.\n\n" +
		"Print the tide table. Check the tide table daily.\n\n" +
		"## Fairlead\n\nHarbour Glossary: fairlead\n\nRun the line through the fairlead. Grease the fairlead.\n\n" +
		"Harbour Reference: Tide marks, Quay marks.\n\nRead the Harbour Reference first.\n\n- Berth Manual: the tug mooring page.\n\nRead the Berth Manual.\n\n" +
		"## What is a mooring lease?\n\nWhen a tug takes a berth, it holds a mooring lease on it for one tide. If the mooring lease expires, another tug may take the berth.\n\n" +
		"## Pilots\n\nWhen a ship enters the harbour, a pilot boards it. Every pilot is licensed.\n\n" +
		"## What is ballast?\n\nWeight carried low in a ship to keep it steady.\n\nThe ballast is pumped out.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"係船柱":     "岸壁に立てて船の綱を結んでおく仕組みです。",
		"水先案内":    "港の中で大型船を誘導する業務。",
		"曳船":      "大型船を押して向きを変える小型の船。",
		"防舷材":     "船が岸壁に当たる衝撃を和らげる仕組みです。",
		"slipway": "A ramp on the shore by which boats are moved to and from the water.",
		// Under the question, a sentence opening with "When" that names
		// the term is the answer, and so is a noun phrase without an
		// article.
		"mooring lease": "When a tug takes a berth, it holds a mooring lease on it for one tide.",
		"ballast":       "Weight carried low in a ship to keep it steady.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confDescribe {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confDescribe)
		}
	}
	// A numbered question's answer that points to another text glosses
	// nothing.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide table", "Harbour Manual")
	// A label naming another manual over links to its pages points
	// there: "Harbour Glossary: fairlead", "Harbour Reference: Tide
	// marks, Quay marks."
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "fairlead", "Harbour Glossary")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Harbour Reference", "Tide marks")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Berth Manual", "tug mooring page")
	// Under a heading that asks nothing, it is a condition.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "pilot", "When a ship enters")
}

// TestDefineJapaneseMeaningAndNaming: 「Xは、…を意味します。」 defines X, as
// does 「…のことをXと言います。」 (the kanji spelling of といいます), and a
// Wikipedia-style opening 「X（読み、英: …）とは、…のことである。」. The text
// is written for this test.
func TestDefineJapaneseMeaningAndNaming(t *testing.T) {
	t.Parallel()
	doc := "# 基礎\n\n" +
		"合意形成は、複数の節点が一つの値に同意する手続きを意味します。合意形成を待ちます。合意形成は遅い。\n" +
		"一時的に処理を止めておく状態のことを休止状態と言います。休止状態から戻します。休止状態では読めません。\n" +
		"冪等性（べきとうせい、英: idempotence）とは、同じ操作を何度行っても結果が変わらない性質のことである。冪等性を保ちます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"合意形成": "合意形成は、複数の節点が一つの値に同意する手続きを意味します。",
		"休止状態": "一時的に処理を止めておく状態のことを休止状態と言います。",
		"冪等性":  "冪等性（べきとうせい、英: idempotence）とは、同じ操作を何度行っても結果が変わらない性質のことである。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
}

// TestDefineEnglishSettingsAndMeanings: a short setting before the subject
// ("In this guide, a manifest is ...", "In Harbor, a shard refers to ...")
// and the writer's own meaning ("By checkpoint we mean ...", "We use the
// word lane to mean ...") and a field ("In robotics and automation, a
// servo loop is ...") define; an example ("For example, a crate is ...")
// or a connective ("In exchange, ...", "In addition, ...") does not. The
// text is written for this test.
func TestDefineEnglishSettingsAndMeanings(t *testing.T) {
	t.Parallel()
	doc := "# Guide\n\n" +
		"In this guide, a manifest is a file that lists every package of a release.\nEach manifest is signed.\n\n" +
		"In Harbor, a shard refers to one slice of the keyspace.\nEvery shard has a leader.\n\n" +
		"In robotics and automation, a servo loop is a loop that keeps a motor at its set position.\nEach servo loop runs fast.\n\n" +
		"In addition, a tender is a small boat that serves a larger one.\nEvery tender is weighed. Stack each tender.\n\n" +
		"By checkpoint we mean a saved copy of the whole state at one moment.\nTake a checkpoint every hour.\n\n" +
		"We use the word lane to mean one ordered queue of work for a single worker.\nEach lane has a worker.\n\n" +
		"For example, a crate is a box that holds one shipment.\nEvery crate is weighed. Stack each crate.\n" +
		"In exchange, a pallet is a cheap platform for the goods.\nEvery pallet is weighed. Stack each pallet.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"manifest":   "In this guide, a manifest is a file that lists every package of a release.",
		"shard":      "In Harbor, a shard refers to one slice of the keyspace.",
		"servo loop": "In robotics and automation, a servo loop is a loop that keeps a motor at its set position.",
		"checkpoint": "By checkpoint we mean a saved copy of the whole state at one moment.",
		"lane":       "We use the word lane to mean one ordered queue of work for a single worker.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	for _, term := range []string{"crate", "pallet", "tender"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f): an example or a connective is not a setting", term, d.Text, d.Confidence)
		}
	}
}

// TestDefineGlossaryPageLayouts: glossary pages laid out with a bold line
// over each definition ("**Dredger**" then "A vessel that ..."), a
// heading over a noun phrase that does not name the term ("### Quay" then
// "A long platform ..."), and a plain-text definition list ("bollard" over
// an indented definition) gloss their terms. The texts are written for
// this test.
func TestDefineGlossaryPageLayouts(t *testing.T) {
	t.Parallel()
	md := "# Glossary\n\n### Quay\n\nA long platform beside the water where ships load and unload.\n\n" +
		"**Dredger**\n\nA vessel that digs sediment from the bottom of a harbor.\n\n" +
		"The quay is busy. Each quay has cranes. The dredger works at night. A dredger is slow.\n"
	txt := "HARBOR TERMS\n\nbollard\n    A short thick post on a quay to which a rope may be tied.\n\n" +
		"Tie the rope to the bollard. Each bollard is painted.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "glossary.md", Content: md}, {Path: "terms.txt", Content: txt}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"quay":    "A long platform beside the water where ships load and unload.",
		"dredger": "A vessel that digs sediment from the bottom of a harbor.",
		"bollard": "A short thick post on a quay to which a rope may be tied.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confGloss)
		}
	}
}

// TestDefineRestatements: a restatement of the subject in the middle of
// its sentence glosses it: 「検疫所、つまり船の病気を調べる役所は、…」,
// 「喫水、すなわち水面から船底までの深さは、…」, "The harbormaster — the
// official who controls traffic in a harbor — signs ...". A dash clause
// that is not a noun phrase ("— it was raining —") does not. The texts
// are written for this test.
func TestDefineRestatements(t *testing.T) {
	t.Parallel()
	ja := "# メモ\n\n検疫所、つまり船の病気を調べる役所は、港ごとに置かれます。検疫所に書類を出します。\n" +
		"喫水、すなわち水面から船底までの深さは、積み荷で変わります。喫水を測ります。\n"
	en := "# Notes\n\nThe harbormaster — the official who controls traffic in a harbor — signs every permit.\n" +
		"The tugboat — it was raining hard — left late. Each tugboat has a crew.\n" +
		"The berth, i.e. the place where a ship moors, is assigned daily. Each berth has a number.\n" +
		"Demurrage (i.e., the fee for staying past the agreed time) is billed daily. Demurrage adds up.\n" +
		"The laytime, that is, the time allowed for loading, starts at arrival. Laytime ends at departure.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"検疫所":          "船の病気を調べる役所。",
		"喫水":           "水面から船底までの深さ。",
		"harbormaster": "The official who controls traffic in a harbor.",
		"berth":        "The place where a ship moors.",
		"demurrage":    "The fee for staying past the agreed time.",
		"laytime":      "The time allowed for loading.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confGloss)
		}
	}
	if d := define(t, e, c, "tugboat"); d.Confidence >= confGloss {
		t.Errorf("tugboat: %q (%.2f): a clause between dashes is not a gloss", d.Text, d.Confidence)
	}
}

// TestDefineFAQAnswers: an FAQ question that asks what the term is ("**Q:
// What is a mooring buoy?**", 「Q. 係留ブイとは何ですか？」) is answered by the
// next line ("A: ...", 「A. …」); a question about something else (when a
// permit is issued) glosses nothing. The texts are written for this test.
func TestDefineFAQAnswers(t *testing.T) {
	t.Parallel()
	en := "# FAQ\n\n**Q: What is a mooring buoy?**\n\nA: A floating marker that a ship can be tied to.\n\n" +
		"**Q: When is the berth permit issued?**\n\nA: The evening before arrival.\n\n" +
		"Every mooring buoy is yellow. Check the berth permit. The berth permit arrives by mail.\n"
	ja := "# よくある質問\n\nQ. 係留ブイとは何ですか？\nA. 船をつなぎとめるために海面に浮かべた目印です。\n\n" +
		"係留ブイは黄色です。係留ブイに船をつなぎます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"mooring buoy": "A floating marker that a ship can be tied to.",
		"係留ブイ":         "船をつなぎとめるために海面に浮かべた目印です。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confGloss)
		}
	}
	if d := define(t, e, c, "berth permit"); strings.Contains(d.Text, "evening") {
		t.Errorf("berth permit: %q answers another question", d.Text)
	}
}

// TestNamedEverydayWordsAreTerms: an everyday word ("request", 「リクエスト」,
// 「借用」) that the documents name in a naming sentence ("... are called
// _requests_ and ...", 「…はリクエストと呼ばれます。」) is defined as
// explicitly as by a definition with it as the subject, so the review keeps
// it; everyday loanwords the documents only use (「アクセス」, 「デフォルト」)
// are excluded as in English. The texts are written for this test.
func TestNamedEverydayWordsAreTerms(t *testing.T) {
	t.Parallel()
	en := "# Messages\n\nThe messages a client sends are called _requests_ and the messages a server sends back are called _responses_.\n\n" +
		"Every request names a method. A server answers each request once.\n"
	ja := "# メッセージ\n\nクライアントが送るメッセージは*リクエスト*と呼ばれます。\n\n" +
		"リクエストにはメソッドがあります。サーバーにアクセスするとログが残ります。アクセスの記録は一年残ります。\n" +
		"デフォルトの値は10です。デフォルトでは無効です。\n"
	e := newEngine(t)
	for _, tc := range []struct {
		name, doc string
		kept      map[string]string // term -> definition
		excluded  []string
	}{
		{"en", en, map[string]string{"request": "The messages a client sends are called requests and the messages a server sends back are called responses."}, nil},
		{"ja", ja, map[string]string{"リクエスト": "クライアントが送るメッセージはリクエストと呼ばれます。"}, []string{"アクセス", "デフォルト"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := pipeline.NewCorpus([]glossary.Document{{Path: tc.name + ".md", Content: tc.doc}})
			var terms []string
			for term, want := range tc.kept {
				terms = append(terms, term)
				if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
					t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
				}
			}
			terms = append(terms, tc.excluded...)
			issues, err := e.Review(context.Background(), c, provisional(t, e, c, glossary.TechnicalTerm, terms...))
			if err != nil {
				t.Fatal(err)
			}
			for term := range tc.kept {
				if is, ok := findIssue(issues, term, glossary.Unnecessary); ok {
					t.Errorf("%s: %s", term, is.Description)
				}
			}
			for _, term := range tc.excluded {
				if is, ok := findIssue(issues, term, glossary.Unnecessary); !ok || !is.ShouldExclude || !strings.Contains(is.Description, "一般的な語") {
					t.Errorf("%s: not excluded as an everyday word (%+v)", term, issues)
				}
			}
		})
	}
}

// TestDropFragments: a capitalised phrase used only inside a longer name
// ("Resource Sharing" of "Cross-Origin Resource Sharing (CORS)") is not a
// term; one also used alone ("Container Registry") and an acronym always
// used in a phrase ("JSON" of "JSON object") are. The text is written for
// this test.
func TestDropFragments(t *testing.T) {
	t.Parallel()
	doc := "# Sharing\n\nCross-Origin Resource Sharing (CORS) lets a server name the origins it trusts.\n" +
		"Browsers enforce Cross-Origin Resource Sharing on every request. CORS needs headers.\n" +
		"The Harbor Container Registry stores images. A Container Registry keeps image layers.\n" +
		"Send a JSON object. Every JSON object has keys.\n" +
		"See the Harbor Berth User Guide. The Harbor Berth User Guide has pictures.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	var in []pipeline.Candidate
	for _, s := range []string{"CORS", "Resource Sharing", "Harbor Container Registry", "Container Registry", "JSON", "JSON object", "Tide Table", "Berth User"} {
		in = append(in, pipeline.Candidate{Text: s})
	}
	var got []string
	for _, x := range dropFragments(index(c), in) {
		got = append(got, x.Text)
	}
	// "Tide Table" is never used in a sentence: nothing to judge by. "Berth
	// User" is only ever part of a book's title.
	if want := []string{"CORS", "Harbor Container Registry", "Container Registry", "JSON", "JSON object", "Tide Table"}; !slices.Equal(got, want) {
		t.Errorf("dropFragments = %v, want %v", got, want)
	}
}

// TestDefineKeyLinesWithoutMarkers: plain-text glossaries write
// 「用語：説明」 and "Term - definition" lines without list markers; such a
// paragraph glosses its keys. Labels ("Note:", 「注釈：」), settings
// ("Rules-Requires-Root: no") and a paragraph with other lines do not. The
// texts are written for this test.
func TestDefineKeyLinesWithoutMarkers(t *testing.T) {
	t.Parallel()
	ja := "# 用語\n\nタグライン：曳船と本船をつなぐ綱。\n係留索：船を岸壁につなぎとめる綱。\n\n注釈：この節は古い版のものです。\n\n" +
		"# berth_base\n\n- デフォルト: `berth` の名前と同じ値。\n- コンテキスト: `berth`\n\n" +
		"・係船柱：岸壁に立てて船の綱を結ぶ柱を指します。\n・水先人：港の中で船を導く人のことを言います。\n・曳船：港で船を押します。\n\n" +
		"タグラインは毎回点検します。係留索は毎月交換します。注釈を読みます。デフォルトを変えます。\n" +
		"係船柱を数えます。水先人を呼びます。曳船が来ます。\n"
	en := "# Terms\n\nTowline - a rope between a tugboat and the ship it pulls.\nHawser - a thick rope used to moor a ship.\n\n" +
		"Note: this section is from an older release.\n\nRules-Requires-Root: no\n\n" +
		"Pilot boat: a boat that carries pilots.\nThe pilot boat is yellow, and it leaves at dawn.\n\n" +
		"**Bollard** — a short post on a quay to which mooring lines are tied.\n\n**Cleat**: a fitting with two horns around which a rope is secured.\n\n" +
		"**Features**: alignment, colors and cursor control for tables.\n\n" +
		"Every bollard is painted. A cleat is bolted down. Each bollard has a number. Check the cleat. The features are many.\n" +
		"Each towline is checked. A hawser is replaced every year. Read the note. The pilot boat waits. A pilot boat is fast.\n"
	e := newEngine(t)
	for _, tc := range []struct {
		name, doc string
		want      map[string]string
		not       []string
	}{
		{"ja", ja, map[string]string{"タグライン": "曳船と本船をつなぐ綱。", "係留索": "船を岸壁につなぎとめる綱。",
			// What the key refers to (「…を指します。」) or means
			// (「…のことを言います。」) glosses it; what it does does not.
			"係船柱": "岸壁に立てて船の綱を結ぶ柱を指します。", "水先人": "港の中で船を導く人のことを言います。"}, []string{"注釈", "デフォルト", "曳船"}},
		{"en", en, map[string]string{"towline": "A rope between a tugboat and the ship it pulls.", "hawser": "A thick rope used to moor a ship.",
			"bollard": "A short post on a quay to which mooring lines are tied.", "cleat": "A fitting with two horns around which a rope is secured."},
			[]string{"note", "pilot boat", "feature"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := pipeline.NewCorpus([]glossary.Document{{Path: tc.name + ".md", Content: tc.doc}})
			for term, want := range tc.want {
				if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
					t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
				}
			}
			for _, term := range tc.not {
				if d := define(t, e, c, term); d.Confidence >= confGloss {
					t.Errorf("%s: %q (%.2f) is not a gloss", term, d.Text, d.Confidence)
				}
			}
		})
	}
}

// TestDefineMorePhrasings: "X is short for Y", "We define X as Y", "The
// term X denotes Y", the informal "X is when/where ..." (not "The X is
// where ...", the one at hand) and 「Xは、Yと定義されます。」 define X. The
// texts are written for this test.
func TestDefineMorePhrasings(t *testing.T) {
	t.Parallel()
	en := "# Port\n\nETA is short for estimated time of arrival. The ETA changes often.\n" +
		"We define demurrage as the fee a charterer pays when laytime runs out. Demurrage is billed daily.\n" +
		"The term manifest denotes the list of all cargo on board. Each manifest is signed.\n" +
		"Backpressure is when a consumer tells a producer to slow down. Backpressure protects the consumer.\n" +
		"A staging area is where cargo waits before it is loaded. Each staging area has a number.\n" +
		"The tide log is where the gauge wrote its reading most recently: on the north quay. Each tide log is kept.\n"
	ja := "# 港湾\n\n停泊期間は、荷役のために船が港にとどまることができる期間と定義されます。停泊期間を確認します。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"ETA":          "ETA is short for estimated time of arrival.",
		"demurrage":    "We define demurrage as the fee a charterer pays when laytime runs out.",
		"manifest":     "The term manifest denotes the list of all cargo on board.",
		"backpressure": "Backpressure is when a consumer tells a producer to slow down.",
		"staging area": "A staging area is where cargo waits before it is loaded.",
		"停泊期間":         "停泊期間は、荷役のために船が港にとどまることができる期間と定義されます。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	// "The X is where ..." says where the one at hand is.
	if d := define(t, e, c, "tide log"); d.Confidence >= confExplicit {
		t.Errorf("tide log: %q (%.2f), the one at hand", d.Text, d.Confidence)
	}
}

// TestDefineBareNounPhrase: "X is scratch space for ..." (a noun phrase
// without an article, with what it is for or of after it) defines X;
// "X is also responsible for ...", "X is enabled by default for ...",
// "X is fully compatible with ...", "X is 512 bytes of ...", "X is running
// inside ..." say how X is, "The X is ..." and "The Xs are the ..." are the
// ones at hand, and "x is concatenated
// ..." in lower case describes a field of a format.
// The text is written for this test.
func TestDefineBareNounPhrase(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n" +
		"Ballast is extra weight for a ship that sails without cargo, held low in the hull. Pump the ballast out.\n" +
		"Dunnage is loose packing material that keeps cargo dry. Stack the dunnage.\n" +
		"Pilotage is harbour guidance, which a licensed pilot gives on board. Order pilotage early.\n" +
		"The quay log is also responsible for berth times. Read the quay log.\n" +
		"Tide sync is enabled by default for every berth. Turn tide sync off.\n" +
		"The berth plan is fully compatible with the old charts. Print the berth plan.\n" +
		"The mooring record is 512 bytes of text. Keep the mooring record.\n" +
		"The cargo hold is very useful for grain. Clean the cargo hold.\n" +
		"The tide gauge is running inside of another gauge that is already wet. Read the tide gauge.\n" +
		"Berth scanning is scanning work for quays. Start berth scanning.\n" +
		"The fenders are the two cushions that the quay log lists for each ship. Hang the fenders.\n" +
		"The bollards are the places where a ship's lines are made fast. Paint the bollards.\n\n" +
		"Each line of the berth report has these fields:\n\n" +
		"berth is concatenated berth numbers for each quay. Sort by berth.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"ballast":  "Ballast is extra weight for a ship that sails without cargo, held low in the hull.",
		"dunnage":  "Dunnage is loose packing material that keeps cargo dry.",
		"pilotage": "Pilotage is harbour guidance, which a licensed pilot gives on board.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	if d := define(t, e, c, "bollard"); d.Confidence < confExplicit {
		t.Errorf("bollard: %q (%.2f), want \"The bollards are the places ...\" as its definition", d.Text, d.Confidence)
	}
	for _, term := range []string{"quay log", "tide sync", "berth plan", "mooring record", "cargo hold", "berth", "tide gauge", "berth scanning", "fender"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f) says how it is, not what", term, d.Text, d.Confidence)
		}
	}
}

func TestAskedTerm(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"What is a broker?": "broker", "What are ordered consumers?": "ordered consumers", "キャッシュとは": "キャッシュ",
		"ジョブとは何か": "ジョブ", "キューって何？": "キュー", "錨泊について": "錨泊", "暗号化に関して": "暗号化",
		"About anchorage": "anchorage", "About `SJIS`": "`SJIS`", "About this guide: read first": "About this guide: read first",
		"Installation": "Installation", "について": "について",
		"1. What Is Harbourd?": "Harbourd", "C.1. About anchorage": "anchorage", "4.2. Options": "4.2. Options", "2. ジョブとは": "ジョブ",
	} {
		if got := askedTerm(in); got != want {
			t.Errorf("askedTerm(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefineAboutHeadings: a section titled "About X" or 「Xについて」 over a
// noun phrase glosses X, as a section titled X does. The texts are
// written for this test.
func TestDefineAboutHeadings(t *testing.T) {
	t.Parallel()
	en := "# Intro\n\n## About anchorage\n\nAn area where ships wait at anchor before they enter the port.\n\n" +
		"The anchorage is crowded today. Each anchorage has a number.\n"
	ja := "# 入門\n\n## 錨泊について\n\n錨を海底に下ろして船をとめる方法です。港の外で待つ船がよく使います。\n\n錨泊は風が弱い日に行います。錨泊中は見張りを立てます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"anchorage": "An area where ships wait at anchor before they enter the port.",
		"錨泊":        "錨を海底に下ろして船をとめる方法です。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confGloss {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// TestTemplateAndCommandHeadings: a heading that five reference pages
// repeat ("## Compatibility") is a section of their template, about each
// page's subject, and a heading in capitals ("TALLY", a command) glosses
// the command, not the word tally; a heading in one page still glosses its
// term. The pages are written for this test.
func TestTemplateAndCommandHeadings(t *testing.T) {
	t.Parallel()
	var docs []glossary.Document
	for i, cmd := range []string{"MOOR", "UNMOOR", "TOW", "DOCK", "TALLY"} {
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("ref%d.md", i), Content: fmt.Sprintf("# %s\n\n## %s\n\n%s — %s a ship at the quay\n\n"+
			"## Compatibility\n\nThe %s form conforms with the Harbour Standard.\n\n", cmd, cmd, cmd, strings.ToLower(cmd), cmd)})
	}
	docs = append(docs, glossary.Document{Path: "guide.md", Content: "# Guide\n\n## Berth plan\n\nA chart of which ship lies at which berth, day by day.\n\n" +
		"Keep the berth plan current. Compatibility with old charts matters. Each tally is signed. Print the berth plan.\n"})
	c := pipeline.NewCorpus(docs)
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "compatibility", "conforms with")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tally", "a ship at the quay")
	if d := define(t, e, c, "berth plan"); d.Text != "A chart of which ship lies at which berth, day by day." {
		t.Errorf("berth plan: %q (%.2f), want its section's gloss", d.Text, d.Confidence)
	}
}

// TestCodeKeysGlossOnlyTheirOwnName: a list item or table row keyed by code
// glosses that code name, not an acronym spelled like it ("`html`: Exposes
// Go's html.EscapeString" is a template function, not HTML). The text is
// written for this test.
func TestCodeKeysGlossOnlyTheirOwnName(t *testing.T) {
	t.Parallel()
	doc := "# Functions\n\n| Name | Description |\n|---|---|\n| `html` | Escapes a string for a page. |\n| `quote` | Wraps a string in quotes. |\n\n" +
		"HTML pages are rendered. Each HTML page is cached. Use quote in templates.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "HTML"); d.Confidence >= confGloss {
		t.Errorf("HTML: %q (%.2f): the row glosses the function html", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "quote"); d.Text != "Quote wraps a string in quotes." {
		t.Errorf("quote: %q, want the row's gloss", d.Text)
	}
}

// TestSettingItemsSayWhatTheyDo: a list of settings or flags describes each
// with an imperative ("- `use_fast_lane` - Use the fast lane for ...");
// that is what the setting does, while the same verb after a plain key
// ("- Tide tables - Use the printed ones.") stays an instruction. The text
// is written for this test.
func TestSettingItemsSayWhatTheyDo(t *testing.T) {
	t.Parallel()
	doc := "# Settings\n\n" +
		"* ``use_fast_lane`` - Use the fast lane for every barge that carries mail.\n" +
		"* ``--dry-run`` - Print the berth plan without booking anything.\n" +
		"* Tide tables - Use the printed ones in the harbor office.\n\n" +
		"Set use_fast_lane in the config. The --dry-run flag is safe. Tide tables change. Read the tide tables.\n\n" +
		"The log facilities:\n\n- `quay`: Comes from the quay cranes and their drivers;\n- `gate`: Comes from the gate scanners at the entry;\n\n" +
		"Every quay log is kept. The gate log is short.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "settings.rst", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"use_fast_lane": "Use the fast lane for every barge that carries mail.",
		"--dry-run":     "Print the berth plan without booking anything.",
		// One sentence cut into items: each ends in a full stop.
		"quay": "Comes from the quay cranes and their drivers.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	if d := define(t, e, c, "tide table"); strings.Contains(d.Text, "printed ones") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("tide table: %q, an instruction", d.Text)
	}
}

// TestButtonRowsSayWhatToDo: a window's buttons described by what pressing
// them does, written as an instruction with a verb that is a noun too
// ("| Blank | Move to a blank row ... |", "| Revert | Cancel the current
// transfer. |") or by what it lets the reader do ("This button allows you
// to ..."), gloss nothing; a row that says what the thing is still
// does. The text is written for this test.
func TestButtonRowsSayWhatToDo(t *testing.T) {
	t.Parallel()
	doc := "# Ledger window\n\nThe toolbar of the ledger window has these buttons.\n\n" +
		"| Button | Description |\n|---|---|\n| Blank | Move to a blank row at the bottom of the ledger. |\n" +
		"| Revert | Cancel the current transfer. |\n| Leave | Exit the window and cancel the transfer. |\n| Quoting | Surround each field in quotes. |\n" +
		"| Fold | Close the split view of this transfer. |\n| Ledger | The book that lists every transfer of one account. |\n" +
		"| Period | This button allows you to select how often the payments fall due. |\n\n" +
		"A blank row waits at the bottom. Revert undoes typing. Leave it open. Quoting keeps commas. Fold hides splits. The ledger grows. Each period is a month.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ledger.md", Content: doc}})
	e := newEngine(t)
	for term, from := range map[string]string{"blank": "Move to", "Revert": "Cancel the", "Leave": "Exit the", "Quoting": "Surround", "Fold": "Close the", "period": "This button"} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, from)
	}
	if d := define(t, e, c, "ledger"); d.Text != "The book that lists every transfer of one account." {
		t.Errorf("ledger: %q (%.2f), want its row", d.Text, d.Confidence)
	}
}

// TestHeadingOverPluralClause: a numbered section's first sentence whose
// verb follows "both" ("The chart window and the ledger window both
// contain menu headings ...") is a clause about those windows, not a noun
// phrase glossing the heading; a sentence that ran into the next one
// ("The plan is The berths are ...") says nothing. The text is written for
// this test.
func TestHeadingOverPluralClause(t *testing.T) {
	t.Parallel()
	doc := "# Ledger windows\n\n## 2.3.8. Menu Items\n\nThe chart window and the ledger window both contain menu headings in a menubar. " +
		"Clicking on a menu heading shows the menu items for that heading.\n\nEach menu item has a shortcut.\n"
	// A paragraph that ends in "is" before an image the text lost runs
	// into the next one: "The layout is The registers are ...".
	doc += "\n- `\\quayBass` `name` (string): This is the berth plan for the west quay. The plan is The berths are " +
		"effectively like those of the east quay.\n\nEach plan is drawn.\n"
	// A table of contents repeats a heading that holds a colon: no key
	// line.
	toc := "# Ledger\n\n## Tides\n\nTides\n\nHazards: tides vs. currents\n\n### Hazards: tides vs. currents\n\nEvery hazard is read aloud.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ledger.md", Content: doc}, {Path: "toc.md", Content: toc}})
	e := newEngine(t)
	if d := define(t, e, c, "menu item"); d.Confidence >= confExplicit || strings.Contains(d.Text, "both contain") && d.Confidence >= 0.5 {
		t.Errorf("menu item: %q (%.2f), want no gloss from the windows' clause", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "hazard", "vs. currents")
	if d := define(t, e, c, "plan"); strings.Contains(d.Text, "The plan is The berths") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("plan: %q (%.2f), want no definition from two sentences run together", d.Text, d.Confidence)
	}
}

// TestTemplateSummaryIsNoEvidence: a front matter's description that the
// pages fill with their own title ("The config rm command description and
// usage", Docker's reference) says nothing of any word in it. The pages
// are written for this test.
func TestTemplateSummaryIsNoEvidence(t *testing.T) {
	t.Parallel()
	var docs []glossary.Document
	for i, cmd := range []string{"berth rm", "berth ls", "tug inspect", "tug ls", "pilot rm"} {
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("c%d.md", i),
			Content: fmt.Sprintf("---\ntitle: \"%s\"\ndescription: \"The %s command description and usage\"\n---\n\n# %s\n\nIt edits the ledger.\n", cmd, cmd, cmd)})
	}
	c := pipeline.NewCorpus(docs)
	e := newEngine(t)
	for _, term := range []string{"berth", "tug", "pilot"} {
		// (The occurrence under the title, shown as a last resort at 0.10,
		// is where the word is; the template is no sentence of it.)
		if d := define(t, e, c, term); strings.Contains(d.Text, "description and usage") && d.Confidence > 0.1 {
			t.Errorf("%s: %q (%.2f), want nothing from the template", term, d.Text, d.Confidence)
		}
	}
}

// TestDefineAttributiveNaming: "a small program called a sidecar" and
// 「サイドカーと呼ばれる小さなプログラム」 say in passing what the term is:
// they describe it (below a definition or a gloss, above a usage).
// "Functions called by the scheduler" names nothing, and "a process called
// berth transfer." names the longer phrase, not berth. The texts are written
// for this test.
func TestDefineAttributiveNaming(t *testing.T) {
	t.Parallel()
	en := "# Sidecars\n\nEach pod runs a small program called a sidecar next to the main container. The sidecar ships logs. Every sidecar is small.\n" +
		"Functions called by the scheduler must be fast. The scheduler runs often. A scheduler has a queue.\n" +
		"A spare berth obtains its cargo from the main berth using a process called berth transfer. Each berth is long. The berth is busy.\n"
	ja := "# サイドカー\n\n各ポッドは、サイドカーと呼ばれる小さなプログラムを主コンテナの隣で動かします。サイドカーはログを送ります。\n" +
		"すべての港には、「母港」という、船が最後に戻る港が一つあります。母港を登録します。母港は変えられます。\n" +
		"「早出」という名前は古いものです。早出を頼みます。早出は有料です。\n" +
		// A name spaced from its particle, in a parenthesis that closes
		// after 「と呼ばれる」: no noun phrase follows.
		"船は二つに分けられる: 外航船 (国際航路の船。ID 0 の船は 母船や flagship と呼ばれる) と内航船である。flagship を使う。flagship は大きい。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"sidecar": "Each pod runs a small program called a sidecar next to the main container.",
		"サイドカー":   "各ポッドは、サイドカーと呼ばれる小さなプログラムを主コンテナの隣で動かします。",
		"母港":      "すべての港には、「母港」という、船が最後に戻る港が一つあります。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confDescribe || d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f), want %q as a description", term, d.Text, d.Confidence, want)
		}
	}
	if d := define(t, e, c, "早出"); strings.Contains(d.Text, "という名前") && !strings.HasPrefix(d.Text, usedInPrefixJA) {
		t.Errorf("早出: %q (%.2f): 「という名前」 is about the word", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "flagship"); strings.Contains(d.Text, "外航船") && !strings.HasPrefix(d.Text, usedInPrefixJA) {
		t.Errorf("flagship: %q (%.2f): 「と呼ばれる)」 closes a parenthesis, it names no noun", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth"); strings.Contains(d.Text, "called berth transfer") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("berth: %q (%.2f): \"called berth transfer\" names a longer phrase", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "scheduler"); strings.Contains(d.Text, "called by") && d.Confidence >= confDescribe {
		t.Errorf("scheduler: %q (%.2f): \"called by\" names nothing", d.Text, d.Confidence)
	}
}

func TestAttributiveNaming(t *testing.T) {
	t.Parallel()
	for before, want := range map[string]bool{
		"each pod runs a small program": true, "it uses an agent": true, "the schedule lives in a file": true,
		"the group is": false, "they were": false, "functions": false, "a task is sometimes": false,
		"an agent, quickly": false, "it was a program that was": false, "the daemon": false,
	} {
		if got := attributiveNaming(strings.Fields(before)); got != want {
			t.Errorf("attributiveNaming(%q) = %v, want %v", before, got, want)
		}
	}
}

// TestDefineNarrativeThe: "X is the Y we did ... with" names one thing of a
// walkthrough, not what X is; "X is the Y who ..." still defines. Found in
// a tutorial (the text is written for this test).
func TestDefineNarrativeThe(t *testing.T) {
	t.Parallel()
	doc := "# Walkthrough\n\n" +
		"The tide chart is the chart we opened first, and this berth is unusual in that it has no crane.\n" +
		"Read the tide chart again. The tide chart shows the water.\n" +
		"The pilot boat is the boat you booked yesterday.\n" +
		"The harbour master is the officer who runs the port.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "walk.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"tide chart", "pilot boat"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f): a thing of the walkthrough, not a definition", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "harbour master"); d.Text != "The harbour master is the officer who runs the port." || d.Confidence < confExplicit {
		t.Errorf("harbour master: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// TestKindLabelledHeadings: a reference section labelled with the kind of
// the type it is about ("### Class: `TideGauge`"), its first paragraph
// after a change-history table, glosses the type; "Event: 'close'" names an
// event, not the word close. The page is written for this test.
func TestKindLabelledHeadings(t *testing.T) {
	t.Parallel()
	doc := "# Tides\n\n### Class: `TideGauge`\n\n#### History\n\n| Version | Changes |\n| --- | --- |\n| v2.0.0 | Added in: v2.0.0 |\n\n" +
		"A utility class that reads the water level of one berth every minute.\n\n```\nconst g = new TideGauge('north');\n```\n\n" +
		"#### Event: `'close'`\n\nEmitted when the gauge stops reading.\n\n" +
		"Each TideGauge reports to the harbour office. Close the gauge at night.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tides.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "TideGauge"); d.Text != "A utility class that reads the water level of one berth every minute." {
		t.Errorf("TideGauge: %q (%.2f), want its section's gloss", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "close", "Emitted")
}

// TestHeadingOverWhatAControlDoes: in a help page, a heading over a
// sentence that does something to the term ("### Font" over "Specifies the
// font to apply to the label.", 「プレビュー」 over 「挨拶文のプレビューを表示
// します。」) says what a control does to it: a describing sentence, not a
// gloss. A heading over what the term is still glosses it. The pages are
// written for this test.
func TestHeadingOverWhatAControlDoes(t *testing.T) {
	t.Parallel()
	en := "# Berth labels\n\n## Font\n\nSpecifies the font to apply to the berth label.\n\n## Tide marker\n\nA small flag that shows the height of the tide at a berth.\n\n" +
		"Each label has a font. Each berth has a tide marker.\n"
	ja := "# 差し込み\n\n## プレビュー\n\n挨拶文のプレビューを表示します。\n\n印刷の前にプレビューを確かめます。\n\n" +
		"## 係留索\n\n甲板 バー上の 係留索 アイコンは、結び目 ツールバーを開きます。\n\n係留索を巻きます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "labels.md", Content: en}, {Path: "ja/merge.md", Content: ja}})
	e := newEngine(t)
	for _, term := range []string{"font", "プレビュー"} {
		if d := define(t, e, c, term); d.Confidence > confDescribe {
			t.Errorf("%s: %q (%.2f), want at most a describing sentence (%.2f)", term, d.Text, d.Confidence, confDescribe)
		}
	}
	// 「… 係留索 アイコンは…」: what an icon named for it does.
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "係留索", "アイコンは")
	if d := define(t, e, c, "tide marker"); d.Text != "A small flag that shows the height of the tide at a berth." {
		t.Errorf("tide marker: %q (%.2f), want its section's gloss", d.Text, d.Confidence)
	}
}

// A help page's heading over what its command does to the term ("###
// Berths" over "Groups the selected berths.", "### Buoys" over "Draws a
// buoy where you drag.") describes it at most, whatever the verb; a
// heading over labelled lines of other names ("## Colours" over "Series:
// pick the main colour ...", LibreOffice's dialogs) glosses nothing. The
// page is written for this test.
func TestHeadingOverActionsAndOtherLabels(t *testing.T) {
	t.Parallel()
	doc := "# Tide chart\n\nTide charts show the height of the water.\n\n## Colours\n\nSeries: pick the main colour for the tide lines.\n\n" +
		"Low water: check and pick the colour for the lowest points.\n\n## Include\n\n### Berths\n\nGroups the selected berths.\n\n" +
		"### Buoys\n\nDraws a buoy where you drag in the chart.\n\n### Piers\n\nProtects the berths of the current pier from being moved.\n\n" +
		"## Tidework\n\nThe Tidework toolbar opens when you select a Tidework object.\n\n## Ledger\n\nThe Ledger tab page allows you to assign a ledger to the chart.\n\n" +
		"## Gauge\n\nThe Gauges window of the chart always shows the gauges of the quay.\n\n## Rope\n\nThe Rope icon on the Deck bar opens the Knots toolbar.\n\n" +
		"## Cache\n\nThe Cache subsection controls the tidecache tool; please see its page.\n\n" +
		"- Anchor: The Anchor section lists the anchors of the quay.\n\nEach anchor is heavy. An anchor holds.\n\n" +
		"Each cache is small. The cache is fast. Each berth has a colour. A buoy marks a berth. Each pier has berths. Every colour is printed. Tidework draws waves. Each ledger is kept.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "chart.md", Content: doc}})
	e := newEngine(t)
	// "The Tidework toolbar opens ...", "The Ledger tab page allows ...":
	// what a control named for it does.
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "Tidework", "toolbar opens")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "ledger", "tab page")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "gauge", "Gauges window") // a capitalised window, no everyday gauge
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "rope", "Rope icon")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "cache", "Cache subsection") // apt.conf's sections
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "anchor", "Anchor section")  // and as an item
	for _, term := range []string{"colour", "berth", "buoy", "pier"} {
		if d := define(t, e, c, term); d.Confidence > confDescribe || strings.HasPrefix(d.Text, "Series:") {
			t.Errorf("%s: %q (%.2f), want at most a describing sentence (%.2f), not another label's line", term, d.Text, d.Confidence, confDescribe)
		}
	}
}

// A heading over what the reader can do or is told to do ("# Quay" over
// "You can plan berths from any quay, ...", "## Berth" over "Type the
// name of the berth that you want to edit", "Select, create, or edit a
// tide file.", "Depending on the quay that you select, you can drop an
// anchor ...", "If the chart is open, you can ...", LibreOffice's dialogs) glosses nothing. The page is written
// for this test.
func TestHeadingOverWhatTheReaderDoes(t *testing.T) {
	t.Parallel()
	doc := "# Quay\n\nYou can plan berths from any quay, for example, the east quay, in your chart.\n\n" +
		"## Berth\n\nType the name of the berth that you want to edit, or click a name in the Berth list.\n\n" +
		"## Tide file\n\nSelect, create, or edit a tide file.\n\n" +
		"## Anchor\n\nDepending on the quay that you select, you can drop an anchor at certain berths.\n\n" +
		"## Pier\n\nIf the chart is open, you can select a pier.\n\n## Tide card\n\nDesign and create your own tide cards.\n\n## Buoy\n\nThe buoy marks the channel.\n\n" +
		"Each quay has a berth. Each berth has an anchor. A tide file lists the tides. The quay is long.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "planner.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"quay": "You can", "berth": "Type the name", "tide file": "Select, create", "anchor": "you can drop", "pier": "you can select", "tide card": "Design and create"} {
		wantNoGlossFrom(t, e, c, usedInPrefixEN, term, not)
	}
	if d := define(t, e, c, "buoy"); d.Text != "The buoy marks the channel." {
		t.Errorf("buoy: %q (%.2f), want its section's sentence", d.Text, d.Confidence)
	}
}

// A line that follows many different headings (「この操作の呼び出し方」,
// "How to reach this command" under each page's title, LibreOffice's
// help in Japanese) is the pages' boilerplate, no gloss of any of them;
// a sentence about the term further on still is. The pages are written
// for this test.
func TestHeadingOverBoilerplate(t *testing.T) {
	t.Parallel()
	var docs []glossary.Document
	for i, title := range []string{"潮位表", "係留索", "岸壁", "曳船", "浮標", "Tide chart", "Mooring line", "Quay", "Tug", "Buoy"} {
		line := "この操作の呼び出し方"
		if i >= 5 {
			line = "How to reach this command"
		}
		if i%2 == 1 {
			line = title + "を扱います。\n\n" + line // after the page's summary
		}
		body := "# " + title + "\n\n" + line + "\n\n## 使い方\n\n" + title + "を選びます。" + title + "を確かめます。\n"
		if i == 0 {
			body += "\n" + title + "は港の潮の高さを時刻ごとに記した表です。\n"
		}
		docs = append(docs, glossary.Document{Path: fmt.Sprintf("p%d.md", i), Content: body})
	}
	c := pipeline.NewCorpus(docs)
	e := newEngine(t)
	for _, term := range []string{"係留索", "岸壁", "Tug", "Quay"} {
		if d := define(t, e, c, term); d.Confidence >= unclearBelow && (strings.Contains(d.Text, "呼び出し方") || strings.Contains(d.Text, "How to")) {
			t.Errorf("%s: %q (%.2f), want no gloss from the pages' boilerplate", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "潮位表"); !strings.Contains(d.Text, "記した表") {
		t.Errorf("潮位表: %q (%.2f), want its defining sentence", d.Text, d.Confidence)
	}
}

// A group's name over its fields in a manual page saved as text ("System"
// over "in: 一秒あたりの割り込み回数。", vmstat's) is glossed by none of
// them. The page is written for this test.
func TestFieldGroupIsNoGloss(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "TIDESTAT(8)                 System Manager's Manual                TIDESTAT(8)\n\n\n\n名前\n       tidestat - 潮位の統計を報告する\n\n" +
		"フィールドの説明\n   Tide\n       hi: 一時間あたりの満潮の回数。\n       lo: 一時間あたりの干潮の回数。\n\n   Berth\n       us: 使用中のバースの数。\n\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tidestat.8.txt", Content: doc}})
	for _, term := range []string{"Tide", "Berth"} {
		if d := define(t, e, c, term); d.Confidence >= unclearBelow {
			t.Errorf("%s: %q (%.2f), want usage only", term, d.Text, d.Confidence)
		}
	}
}

// TestDefinePluralsInEs: a subject in the plural in "-es" or "-ies"
// ("Winches are machines that ...", "Policies are rules that ...",
// "Harbour buses are a way to ...") is the
// term's, as one in "-s" is; and a bold label line under a heading
// ("**Source code:** Lib/quay/winches.py", Python's reference) is not the
// section's opening. The page is written for this test.
func TestDefinePluralsInEs(t *testing.T) {
	t.Parallel()
	doc := "# Quay tools\n\n## Winches\n\n**Source code:** Lib/quay/winches.py\n\n" +
		"Winches are machines that haul the mooring lines. Each winch is oiled daily.\n\n" +
		"## Tows\n\n**Availability**: Tidal, Quaylinux.\n\nA tow is a ship pulled by a tug. Log every tow.\n\n" +
		"Berth policies are rules that assign ships to berths. Each berth policy is kept by the office.\n\n" +
		"## Capstans\n\n**Source code:** Lib/quay/capstans.py\n\nThe quay module provides classes for capstans of every size.\n\n" +
		"Ledgers are mutable; they can be copied. A ledger lists the tows.\n\nThe `hitches` argument is passed on. hitches is a list of knots to tie.\n\n" +
		"Tide charts are like this, for example. Read a tide chart daily.\n\n" +
		"The tide tables are effective after you restart the harbour clock. A tide table is printed.\n\n" +
		"Mooring is linked: Position of the selected berth is copied into the log. Mooring takes time.\n\n" +
		"Most winch methods are for Python only. Exceptions are HaulLine and SlackLine that are supported in both. Each exception is logged.\n\n" +
		"Hull plans are Quayside and Dockside files that list the frames. A hull plan is printed.\n\n" +
		"The tide arrows are black if you are browsing through charts and blue if you jump to berths. A tide arrow blinks.\n\n" +
		"## Tide format\n\nThe tide formats that are available depend on the type of chart that you are editing.\n\nEach tide format is printed.\n\n" +
		"## Buses\n\nHarbour buses are a way to carry crews between the berths. A harbour bus can carry many crews.\n\n" +
		"Berth aliases are short names that stand for a berth. Each berth alias is unique.\n\n" +
		"Tide gauges are an essential tool of every quay that pilots read before they plan a berth. Read the tide gauge.\n\n" +
		"Quaymaster is the default berth planner installed by the harbour office. Quaymaster runs daily. Ebb is the default.\n\n" +
		"OpenTide is the version installed on the quay when the package tide is chosen. OpenTide runs daily.\n"
	ja := "# 道具\n\nTideSSH は「tide」が選択されたとき岸壁にインストールされるバージョンです。TideSSH を使う。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tools.md", Content: doc}, {Path: "tools-ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		// "are an" as "are a"; "the default X ..." says it is an X.
		"tide gauge": "Tide gauges are an essential tool of every quay that pilots read before they plan a berth.",
		"Quaymaster": "Quaymaster is the default berth planner installed by the harbour office.",
		// A word in a single "s" takes "-es" too: bus, alias.
		"harbour bus":  "Harbour buses are a way to carry crews between the berths.",
		"berth alias":  "Berth aliases are short names that stand for a berth.",
		"winch":        "Winches are machines that haul the mooring lines.",
		"berth policy": "Berth policies are rules that assign ships to berths.",
		"tow":          "A tow is a ship pulled by a tug.",
		"hull plan":    "Hull plans are Quayside and Dockside files that list the frames.", // names before a noun
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s = %q, want %q", term, d.Text, want)
		}
	}
	// A predicate ("are mutable; ..."), a comparison ("are like this"),
	// and a name spelled like a plural with a verb for one ("hitches is a
	// list"), say nothing of what one is.
	// The exceptions named ("Exceptions are HaulLine and SlackLine that
	// ...") are instances, not what an exception is.
	for term, not := range map[string]string{"ledger": "mutable", "hitch": "list of knots", "tide chart": "like this", "exception": "HaulLine", "tide table": "effective after", "mooring": "is linked", "tide arrow": "black if",
		"OpenTide": "version installed", "TideSSH": "バージョン"} { // which version, not what it is
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) && !strings.HasPrefix(d.Text, usedInPrefixJA) {
			t.Errorf("%s = %q (%.2f), want no definition from %q", term, d.Text, d.Confidence, not)
		}
	}
	// What it depends on describes it at most.
	if d := define(t, e, c, "tide format"); d.Confidence > confDescribe {
		t.Errorf("tide format = %q (%.2f), want at most a describing sentence", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Ebb"); d.Confidence >= confExplicit {
		t.Errorf("Ebb = %q (%.2f), want no definition from \"is the default.\"", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "capstan"); strings.Contains(d.Text, "Lib/quay") {
		t.Errorf("capstan = %q, want no gloss from the source code line", d.Text)
	}
}

// TestHeadingOnlyTerm: a term that only a heading uses ("## Xについて" over
// a section about something else) is quoted from it, with the lowest
// confidence, rather than left without a definition; what the writer
// thinks (「…だと思います。」, jaOpinion) glosses no heading. The page is
// written for this test.
func TestHeadingOnlyTerm(t *testing.T) {
	t.Parallel()
	doc := "# 潮位\n\n## 潮汐表について\n\n`isHighTide` は与えられた「時刻」ではなく「日付」を元に満潮を判定します。\n\n" +
		"多くの場合これは利用者の意図するところだと思います。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tide.md", Content: doc}})
	d, err := newEngine(t).Define(context.Background(), c, request(c, "潮汐表"))
	if err != nil {
		t.Fatal(err)
	}
	if want := usedInPrefixJA + "「潮汐表について」"; d.Text != want || d.Confidence != confHeadingUsage {
		t.Errorf("潮汐表 = %q (%.2f), want %q (%.2f)", d.Text, d.Confidence, want, confHeadingUsage)
	}
	for text, want := range map[string]bool{
		"多くの場合これは利用者の意図するところだと思います。": true,
		"潮位は毎時に変わるでしょう。":             true,
		"潮汐表は満潮と干潮の時刻を並べた表です。":       false,
		"思いますが、潮汐表を読みます。":            false,
	} {
		if got := jaOpinion(text); got != want {
			t.Errorf("jaOpinion(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestHeadingOverAnotherNamesSentence: under "## Web components", "Quaykit
// also offers Web components to ..." says what another name does with
// them: a description at most, not the section's gloss. The page is
// written for this test.
func TestHeadingOverAnotherNamesSentence(t *testing.T) {
	t.Parallel()
	doc := "# Quaykit\n\n## Web components\n\nQuaykit also offers Web components to integrate the tide parser with your website quickly.\n\n" +
		"## Berth tables\n\nBerth tables list the berths of a quay.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Web component"); d.Confidence > confDescribe {
		t.Errorf("Web component = %q (%.2f), want at most a description (%.2f)", d.Text, d.Confidence, confDescribe)
	}
	if d := define(t, e, c, "berth table"); d.Text != "Berth tables list the berths of a quay." || d.Confidence <= confDescribe {
		t.Errorf("berth table = %q (%.2f), want the section's gloss", d.Text, d.Confidence)
	}
}

// TestHeadingOverShorterNamesDefinition: under "## Tide Table Database
// API", "Tide table database is a file ... handled with the tide table
// database API." defines the shorter name, which keeps the sentence; the
// API gets no gloss from it. The page is written for this test.
func TestHeadingOverShorterNamesDefinition(t *testing.T) {
	t.Parallel()
	doc := "# Quaydb\n\n## Tide Table Database API\n\nTide table database is a file containing tide tables and is handled with the tide table database API.\n\n" +
		"To use the tide table database API, include `quay.h` in a source file.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tide table database API"); strings.HasPrefix(d.Text, "Tide table database is") {
		t.Errorf("tide table database API = %q (%.2f), want no gloss from the shorter name's definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "tide table database"); !strings.HasPrefix(d.Text, "Tide table database is a file") {
		t.Errorf("tide table database = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// TestAppositiveOfALowerCaseWord: "(berth manager, crane manager, tide
// manager, a panel ...)" lists parts; the appositive after "tide manager"
// is no gloss of the name Manager, which the page writes capitalised. The
// page is written for this test.
func TestAppositiveOfALowerCaseWord(t *testing.T) {
	t.Parallel()
	doc := "# Quay\n\nBeyond the basic components of a modern quay (berth manager, crane manager, tide manager, a panel for launchers and so on), it only provides a few tools.\n\n" +
		"The Manager starts every tool. Open the Manager first.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Manager"); strings.Contains(d.Text, "a panel") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Manager = %q (%.2f), want no gloss from another word's appositive", d.Text, d.Confidence)
	}
}

// TestHeadingOverALongerSubject: under "# Tide tables", "Tide table
// entries are rows ..." is about the entries; a later sentence with the
// term itself as its subject glosses the heading. The page is written for
// this test.
func TestHeadingOverALongerSubject(t *testing.T) {
	t.Parallel()
	doc := "# Tide tables\n\nLet's assume we want a table for one port.\n\nTide table entries are rows of times and heights for one day.\n\n" +
		"Tide tables list the high and low waters of a port for a year.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tides.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tide table"); strings.Contains(d.Text, "entries are") {
		t.Errorf("tide table = %q (%.2f), want no gloss from what its entries are", d.Text, d.Confidence)
	}
}

// TestDefinitionBeforeAList: "Quaykit is a berth planner that can take two
// kinds of plans as input:" says what it is before the list it opens; "The
// tide table is the following:", "berth is a constant and can be one of:"
// and "... (quay, number), where:" go on in theirs. The page is written
// for this test.
func TestDefinitionBeforeAList(t *testing.T) {
	t.Parallel()
	doc := "# Quaykit\n\nQuaykit is a berth planner that can take two kinds of plans as input:\n\n- daily plans\n- weekly plans\n\n" +
		"The tide table is the following:\n\n- high water\n- low water\n\nRead the tide table daily.\n\n" +
		"berth is a constant and can be one of:\n\n- north\n- south\n\nEach berth is a pair of the form (quay, number), where:\n\n- quay is a name\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Quaykit"); d.Text != "Quaykit is a berth planner that can take two kinds of plans as input." {
		t.Errorf("Quaykit = %q (%.2f), want the sentence before the list", d.Text, d.Confidence)
	}
	for term, not := range map[string]string{"tide table": "following", "berth": "one of"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s = %q (%.2f), want no definition from a sentence that goes on in its list", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "berth"); strings.Contains(d.Text, "where") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("berth = %q (%.2f), want no definition from a sentence that goes on in its list", d.Text, d.Confidence)
	}
}

// TestHeadingOverAnotherSubjectsDefinition: "### Syntax" over "An ignore
// file is a plain text file ..." defines the ignore file, not the syntax;
// "Tow is a no-op for barges." says what towing does there. The page is
// written for this test.
func TestHeadingOverAnotherSubjectsDefinition(t *testing.T) {
	t.Parallel()
	doc := "# Quay files\n\n## Syntax\n\nAn ignore file is a plain text file with one berth pattern per line.\n\n" +
		"Patterns follow the quay rules; see the syntax notes.\n\n## Towing\n\nTow is a no-op for barges. A tow is a ship pulled by a tug.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "syntax"); strings.Contains(d.Text, "ignore file is") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("syntax = %q (%.2f), want no gloss from another subject's definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "tow"); d.Text != "A tow is a ship pulled by a tug." {
		t.Errorf("tow = %q (%.2f), want its definition, not what it does for barges", d.Text, d.Confidence)
	}
}

// TestAppositiveAfterARelativeClause: "a shared history of experience
// which goes beyond the Harbour Policy, an accumulation of years ..." says
// what the history is; "the pilots work for Quayline Ltd, a maker of tugs"
// still glosses the maker. The page is written for this test.
func TestAppositiveAfterARelativeClause(t *testing.T) {
	t.Parallel()
	doc := "# Quay\n\nYet there is also a shared history of experience which goes beyond the Harbour Policy, an accumulation of years of experience in mooring.\n\n" +
		"The Harbour Policy is read by pilots. The pilots work for Quayline Ltd, a maker of tugs and barges.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Harbour Policy"); strings.Contains(d.Text, "accumulation") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Harbour Policy = %q (%.2f), want no gloss from the history's appositive", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Quayline Ltd"); !strings.Contains(d.Text, "a maker of tugs") || d.Confidence < confExplicit {
		t.Errorf("Quayline Ltd = %q (%.2f), want its appositive", d.Text, d.Confidence)
	}
}

// TestIntroducedAfterACodeKey: in "- `quay.Berth(name, kind)`: Berth
// objects are *frozen*.", the item's key is no part of the sentence: two
// words are too short a subject to name the word in emphasis, and a
// definition would not quote the key. The page is written for this test.
func TestIntroducedAfterACodeKey(t *testing.T) {
	t.Parallel()
	doc := "# quay\n\n- `quay.Berth(name, kind)`: Berth objects are *frozen*. Use replace to change one.\n\n" +
		"- `quay.Tide(level)`: The level recorded at noon is the *datum*.\n\nA frozen object cannot change.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "frozen"); strings.Contains(d.Text, "quay.Berth") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("frozen = %q (%.2f), want no definition quoting the key", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "datum"); d.Text != "The level recorded at noon is the datum." {
		t.Errorf("datum = %q (%.2f), want the sentence without its item's key", d.Text, d.Confidence)
	}
}

// Japanese text sets a Latin word apart with a space where a comma would
// end the clause: 「GOsa² はウェブベースの管理ツールで Debian Edu の…」 says
// what GOsa is before it goes on; 「…のメールアドレス経由で BTS に…」 says by
// what way, not what.
func TestJapaneseClauseBeforeLatinWord(t *testing.T) {
	t.Parallel()
	doc := "# 道具\n\nBerthOS はウェブベースの管理ツールで Quay Edu の基幹管理が可能です。\n\n" +
		"書記係は、quay.example のメールアドレス経由で BTS に対応します。\n\nBerthOS を使う。書記係に尋ねる。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "BerthOS"); d.Confidence < confExplicit {
		t.Errorf("BerthOS = %q [%.2f], want the definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "書記係"); d.Confidence >= confExplicit {
		t.Errorf("書記係 = %q [%.2f] is no definition", d.Text, d.Confidence)
	}
}

// TestExampleValuesAndProgramFoldersAreNoGloss: "Dictionary: `[0x0a][...]`."
// shows a value in code (the full stop does not make it prose), and a list
// of example programs keys each by its folder ("[tides](.../tides/main.go)
// - Demo of the tide tables"), which names the program, not the word; a
// link to a project ("[kelpie](https://example.org/kelpie)") and a
// capitalised key still gloss. The text is written for this test.
func TestExampleValuesAndProgramFoldersAreNoGloss(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n## Example\n\nThis is the dictionary content.\n\nDictionary: `[0x0a][Twelve ships were moored at dawn]`.\n\n" +
		"## Examples\n\n* [tides](https://example.org/harbour/blob/main/_examples/tides/main.go) - Demo of the tide tables\n" +
		"* [berths](./_examples/berths/main.py) - Lists the berths of a quay\n" +
		"* [kelpie](https://example.org/kelpie) - A tool that herds log files\n" +
		"* [Ledger](https://example.org/harbour/blob/main/ledger/ledger.go) - The record of every mooring\n\n" +
		"The tides and the berths change. A dictionary maps bytes. Kelpie runs. The Ledger grows.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"dictionary", "tide", "berth"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want no gloss", term, d.Text, d.Confidence)
		}
	}
	for term, want := range map[string]string{"kelpie": "A tool that herds log files", "Ledger": "The record of every mooring"} {
		if d := define(t, e, c, term); !strings.Contains(d.Text, want) || d.Confidence < confGloss {
			t.Errorf("%s = %q (%.2f), want the item's gloss", term, d.Text, d.Confidence)
		}
	}
}

// TestHeadingOverACaption: a section's first sentence that names the
// heading's term again with no verb ("Currently supported dictionaries by
// default.", over a table) is a caption, not a gloss; a sentence with a
// verb or an instruction is read as before. The text is written for this
// test.
func TestHeadingOverACaption(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n## Dictionaries\n\n* Currently supported dictionaries by default.\n\n  | dict | source |\n  |---|---|\n  | tides | tides-2.7 |\n\n" +
		"## Tide tables\n\nThe printed tide tables of each quay.\n\n" +
		"## Buoys\n\nA fundamental part of the harbour is the buoy.\n\n" +
		"The dictionary grows. A tide table helps. Paint a buoy.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"dictionary", "tide table"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want no gloss from a caption", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "buoy"); d.Text != "A fundamental part of the harbour is the buoy." {
		t.Errorf("buoy = %q (%.2f), want the section's sentence", d.Text, d.Confidence)
	}
}

// TestFeatureItemAboutAnotherThing: a feature list's item whose text opens
// with another plural noun ("**Logging:** logs are costly, ...") says what
// holds of that thing, not what the feature is; "Shards: shards are ..."
// speaks of the key's own noun. The text is written for this test.
func TestFeatureItemAboutAnotherThing(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n## Core features\n\n- **Logging:** logs are costly, so the harbour keeps them short.\n" +
		"- **Sealed berths:** berths are closed to new ships after dusk.\n\nLogging is on. A sealed berth waits.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "logging"); d.Confidence >= confGloss {
		t.Errorf("logging = %q (%.2f), want no gloss", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "sealed berth"); !strings.Contains(d.Text, "closed to new ships") || d.Confidence < confGloss {
		t.Errorf("sealed berth = %q (%.2f), want the item's gloss", d.Text, d.Confidence)
	}
}

// TestHeadingOverASupportStatus: "## Gangways" over "As of Harbour 3.0,
// gangways are not supported out of the box and need a plugin." says
// whether they are supported, not what they are (jaSupportStatus is its
// Japanese counterpart). The text is written for this test.
func TestHeadingOverASupportStatus(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n## Gangways\n\nAs of Harbour 3.0, gangways are not supported out of the box and need a plugin.\n\n" +
		"## Cranes\n\nCranes are machines that lift cargo. Old cranes are deprecated.\n\n" +
		"## Hawser\n\nHTTP hawsers are supported by default in Harbour.\n\n## Ferry\n\nHTTP CONNECT ferries are supported by default in Harbour.\n\n" +
		"## Tugs\n\nBoth pull and push tugs are supported in `harbour` package. Pull tugs are the default.\n\n" +
		"A gangway is short. A crane lifts. Check the hawser daily. Board the ferry. Call a tug.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "gangway"); strings.Contains(d.Text, "not supported") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("gangway = %q (%.2f), want no gloss from the support status", d.Text, d.Confidence)
	}
	for _, term := range []string{"hawser", "ferry", "tug"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, "are supported") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s = %q (%.2f), want no gloss from the support status", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "crane"); d.Text != "Cranes are machines that lift cargo." {
		t.Errorf("crane = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// TestWideTableGlossesFromItsDescriptionColumn: a table of three columns
// or more whose header names a description column ("| Function | Args |
// Description |", "| パッケージ | サイズ | 説明 |") glosses the name in its
// first column with that cell; a package in lower case does not gloss the
// acronym spelled alike, and a table without such a column glosses
// nothing. The text is written for this test.
func TestWideTableGlossesFromItsDescriptionColumn(t *testing.T) {
	t.Parallel()
	en := "# Harbour API\n\n| Function | Args | Description |\n| --- | --- | --- |\n| `moorShip` | ship, berth | Ties a ship to a berth with two lines. |\n" +
		"| `castOff` | ship | |\n\n| Name | Since | Notes |\n| --- | --- | --- |\n| `tideLevel` | 1.2 | Returns the water level at noon. |\n\n" +
		"Call moorShip first, then castOff. Read tideLevel.\n"
	ja := "# 港の道具\n\n| パッケージ | サイズ | 説明 |\n| --- | --- | --- |\n| ais | 50 | 船舶自動識別装置の信号を読むための道具です。 |\n| 係留台帳 | 12 | 係留した船を記録する帳簿です。 |\n\n" +
		"AIS の信号を受ける。係留台帳を開く。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"moorShip": "Ties a ship to a berth with two lines.",
		"係留台帳":     "係留した船を記録する帳簿です。",
	} {
		if d := define(t, e, c, term); !strings.Contains(d.Text, want) || d.Confidence < confGloss {
			t.Errorf("%s = %q (%.2f), want the description cell", term, d.Text, d.Confidence)
		}
	}
	for _, term := range []string{"tideLevel", "AIS", "castOff"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want no gloss", term, d.Text, d.Confidence)
		}
	}
}

// TestHeadingOverSomeOrWhatFollows: a section that opens with some of the
// things its heading names ("Some gangways have rails ...") or with the
// order of a list after it ("... as listed below.") or with a rule for
// every one ("1. Any specified file descriptor has to support reading.")
// does not say what they are; a definition in the section still glosses.
// The text is written for this test.
func TestHeadingOverSomeOrWhatFollows(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n## Gangways\n\nSome gangways have rails on both sides, as the harbour master asks.\n\n" +
		"### Filters\n\nThe filters are run on each cargo list in the order as listed below.\n\n- weight\n- owner\n\n" +
		"### Cranes\n\nSome cranes are machines that lift cargo, as listed below.\n\nA crane is a machine that lifts cargo.\n\n" +
		"#### Berth numbers\n\n1. Any painted berth number has to face the sea.\n2. Old numbers are never reused.\n\n" +
		"### Bollards\n\nEvery ship tied to the quay may pull on a cast-iron bollard.\n\n" +
		"A gangway is short. A filter sorts. A crane lifts. Paint the berth number. Count each bollard.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"gangway": "Some gangways", "filter": "listed below", "berth number": "face the sea", "bollard": "may pull"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s = %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "crane"); d.Text != "A crane is a machine that lifts cargo." {
		t.Errorf("crane = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// TestSettingItemsThatGiveAnAmount: "`TideWait`: how long the pilot waits
// for the tide" (a setting's meaning column) says what amount the setting
// holds, while "Caching: How berths are cached can be controlled ..."
// stays a sentence about the feature. The text is written for this test.
func TestSettingItemsThatGiveAnAmount(t *testing.T) {
	t.Parallel()
	doc := "# Settings\n\n| Setting | Where | Default | Meaning |\n| --- | --- | --- | --- |\n| `LeaseTime` | BerthConfig | 30 s | how long a lease lasts without renewal |\n\n" +
		"- `TideWait`: how many minutes the pilot waits for the tide\n- Caching: How berths are cached can be controlled by the harbour office.\n\n" +
		"Set LeaseTime and TideWait. Caching helps.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{"LeaseTime": "How long a lease lasts without renewal.", "TideWait": "How many minutes the pilot waits for the tide."} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s = %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	if d := define(t, e, c, "caching"); d.Confidence >= confGloss {
		t.Errorf("caching = %q (%.2f), want no gloss", d.Text, d.Confidence)
	}
}

// TestItemThatSetsARuleForAnotherThing: "Source Code: The program must
// include source code ..." (a list of guidelines) sets a rule for the
// program, not what source code is; "build: The build target should
// perform ..." speaks of the key's own target. The text is written for
// this test.
func TestItemThatSetsARuleForAnotherThing(t *testing.T) {
	t.Parallel()
	doc := "# Harbour guidelines\n\n1. Berth Plan: The ship must carry a berth plan, and must show it to the pilot.\n" +
		"2. Mooring line: The mooring line should be made of hemp or nylon.\n\nEvery berth plan is signed. A mooring line holds.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "berth plan"); d.Confidence >= confGloss {
		t.Errorf("berth plan = %q (%.2f), want no gloss", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "mooring line"); !strings.Contains(d.Text, "made of hemp") || d.Confidence < confGloss {
		t.Errorf("mooring line = %q (%.2f), want the item's text", d.Text, d.Confidence)
	}
}

// TestSentenceCutAtItsVerbBeforeAList: "The standard inline markup is
// quite simple: use" over a list goes on in the list, so it glosses
// nothing; "- `limit`: the value to use" is whole. The text is written for
// this test.
func TestSentenceCutAtItsVerbBeforeAList(t *testing.T) {
	t.Parallel()
	doc := "# Markup\n\n## Inline markup\n\nThe standard inline markup is quite simple: use\n\n* one asterisk for emphasis,\n* two asterisks for strong emphasis.\n\n" +
		"- `berthLimit`: the largest berth number to use\n\nInline markup is short. Set berthLimit.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "inline markup"); d.Confidence >= confGloss {
		t.Errorf("inline markup = %q (%.2f), want no gloss", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berthLimit"); !strings.Contains(d.Text, "largest berth number to use") {
		t.Errorf("berthLimit = %q (%.2f), want the item", d.Text, d.Confidence)
	}
}

// TestAbbreviationAfterAClause: "Each berth record is made up of a
// position (BRP), a name, and a depth." puts the abbreviation after a
// clause, not after its long form, so it defines nothing; "The third kind
// of post is the QB (Quay Bollard), which is a post of the quay." spells
// it out, and defines it. The text is written for this test.
func TestAbbreviationAfterAClause(t *testing.T) {
	t.Parallel()
	doc := "# Berths\n\nEach berth record is made up of a position (BRP), a name, and a depth.\n\n" +
		"The third kind of post is the QB (Quay Bollard), which is a post of the quay.\n\nThe BRP is shown. A Quay Bollard holds.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "BRP"); strings.Contains(d.Text, "made up of") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("BRP = %q (%.2f), want no definition from the clause", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Quay Bollard"); !strings.Contains(d.Text, "a post of the quay") || d.Confidence < confGloss {
		t.Errorf("Quay Bollard = %q (%.2f), want the sentence that spells it out", d.Text, d.Confidence)
	}
}

// TestHeadingOverTheTermAfterAnotherVerb: a section's first sentence that
// names its term only after another subject's verb ("The ledger's
// redaction is built on a filter which adds about 2% drag to each
// write.") describes it in passing, below a gloss; one that names it as
// what its subject is ("A fundamental part of the quay is the "berth
// line."", "... is regarded as a fender") still glosses. The text is
// written for this test.
func TestHeadingOverTheTermAfterAnotherVerb(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\n## Drag\n\nThe ledger's redaction is built on a filter which adds about 2% drag to each write.\n\n" +
		"## Berth lines\n\nA fundamental part of the quay is the \"berth line.\"\n\n" +
		"## Fenders\n\nEvery rubber block which hangs from the quay is regarded as a fender (ref).\n\n" +
		"## Hawser\n\nThe list box shows the installed hawsers.\n\n" +
		"## Tide command\n\nThe window holding the chart you want to work on must be selected in order to use the tide commands.\n\n" +
		"## TideText\n\nCreates, edits, or inserts TideText.\n\n" +
		"## Notes\n\nDrag matters. A berth line is painted. A fender is soft. A hawser is long. Each tide command is logged.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	// After another subject's verb ("shows") or modal ("must be
	// selected"), as after "adds", it is said in passing.
	for _, term := range []string{"drag", "hawser", "tide command"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want below a gloss", term, d.Text, d.Confidence)
		}
	}
	// A command's summary has no other subject ("Creates, edits, or
	// inserts TideText.").
	for _, term := range []string{"berth line", "fender", "TideText"} {
		if d := define(t, e, c, term); d.Confidence < confGloss {
			t.Errorf("%s = %q (%.2f), want a gloss", term, d.Text, d.Confidence)
		}
	}
}

// TestTableRowsThatTellKindsApart: rows that open with one name and each a
// parenthesis of its own ("| ソースパッケージ (アップストリームのソース) |",
// "| ソースパッケージ (内容記述) |", Debian's reference) tell kinds of it
// apart; a row whose name has one parenthesis still glosses it with it.
// The text is written for this test.
func TestTableRowsThatTellKindsApart(t *testing.T) {
	t.Parallel()
	doc := "# パッケージ\n\n| パッケージタイプ | 名前の構造 |\n| --- | --- |\n| 船荷パッケージ (積み込み前の船荷) | `a.orig.tar.gz` |\n" +
		"| 船荷パッケージ (内容記述) | `a.dsc` |\n| 係留台帳 (船を記録する帳簿) | `b.txt` |\n\n船荷パッケージを使う。係留台帳を開く。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "船荷パッケージ"); d.Confidence >= confGloss {
		t.Errorf("船荷パッケージ = %q (%.2f), want no gloss from a kind's parenthesis", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "係留台帳"); d.Text != "船を記録する帳簿。" {
		t.Errorf("係留台帳 = %q (%.2f), want its parenthesis", d.Text, d.Confidence)
	}
}

// TestItemsThatStateAProperty: a list item whose text opens with an
// adjective and a preposition ("Files: synchronous on Windows and
// POSIX", Node's process I/O) says how the key behaves in one case, not
// what it is; an item that names a kind still glosses it. The text is
// written for this test.
func TestItemsThatStateAProperty(t *testing.T) {
	t.Parallel()
	doc := "# Writes\n\nWrites to the tide log may be buffered depending on what it is connected to:\n\n" +
		"* Berths: _synchronous_ on every quay\n* Buoys: available in the harbor shell only\n* Cranes - manageable through the `--allow-crane` flag\n" +
		"* Moorings: Ropes and chains that hold a ship at a berth.\n\nBerths and buoys are listed daily. Moorings are checked.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "writes.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"berth", "buoy", "crane"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want no gloss from a property", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "mooring"); d.Text != "Ropes and chains that hold a ship at a berth." {
		t.Errorf("mooring = %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// TestCodeNameWithItsKindNoun: "The Tide class is ...", "Tide objects
// are used to ...", "The quay.moor() function ...": a name written as code
// and its kind noun are the sentence's subject, as Node's reference
// writes them; "Tide gauges are ..." (a compound) and a section's
// sentence that says where the class is available are not. The text is
// written for this test.
func TestCodeNameWithItsKindNoun(t *testing.T) {
	t.Parallel()
	doc := "# Tides\n\nTide objects are used to represent the water level of one berth.\n\n" +
		"The Tide class is a subclass of the harbor's Level class.\n\nThe quay.moor() function returns the ship to its berth.\n\n" +
		"Tide gauges are read hourly.\n\n## Class: `Gauge`\n\nHarbor-compatible `Gauge` class, built from the tide tables.\n" +
		"The `Gauge` class is also available on the global object.\n\n## Class: `Buoy`\n\nThe harbor uses a `Buoy` class to mark a berth, and each kind of buoy has its own color. " +
		"`Buoy` objects are not to be created directly.\n\n## Use\n\nThe crew reads each gauge. Tide is checked. quay.moor() is called.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tides.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Buoy"); strings.Contains(d.Text, "not to be created") {
		t.Errorf("Buoy = %q (%.2f), want no gloss from a rule", d.Text, d.Confidence)
	}
	for term, want := range map[string]string{
		"Tide":      "Tide objects are used to represent the water level of one berth.",
		"quay.moor": "The quay.moor() function returns the ship to its berth.",
		"Gauge":     "Harbor-compatible Gauge class, built from the tide tables.",
	} {
		d := define(t, e, c, term)
		if d.Text != want && !(term == "Tide" && d.Text == "The Tide class is a subclass of the harbor's Level class.") {
			t.Errorf("%s = %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
		if d.Confidence < confGloss-0.2 {
			t.Errorf("%s = %q at %.2f, want it read as the subject", term, d.Text, d.Confidence)
		}
	}
}

// TestPointsBelow: a sentence about what is listed after it, or a note
// that the text moved elsewhere ("The former Loaders documentation is now
// at Modules: Customization hooks.", Node's ESM page under "## Loaders"),
// does not answer a heading.
func TestPointsBelow(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"The filters are applied in the order as listed below.":                 true,
		"The former Winches documentation is now at Cranes: Lifting gear.":      true,
		"The tide tables have moved to the harbor office page.":                 true,
		"Berth rules can now be found in the pilot's guide.":                    true,
		"A winch is a drum that winds a rope.":                                  false,
		"The winch moved the cargo to the quay and is now at rest.":             false,
		"A berth is a place where a ship moors, as shown in the picture above.": false,
		// The list after says what they may be (Debian's reference).
		"Removable tide gauges may be any one of the following.": true,
		"The following berths are open at night.":                false,
	} {
		if got := pointsBelow(s); got != want {
			t.Errorf("pointsBelow(%q) = %v, want %v", s, got, want)
		}
	}
	// Nor does it describe its subject.
	c := pipeline.NewCorpus([]glossary.Document{{Path: "gauges.md", Content: "# Gauges\n\nRemovable tide gauges may be any one of the following.\n\n" +
		"- a float\n- a staff\n\nEvery removable tide gauge is checked at dawn.\n"}})
	if d := define(t, newEngine(t), c, "removable tide gauge"); strings.Contains(d.Text, "may be any one") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("removable tide gauge = %q (%.2f), want no description from the list's lead", d.Text, d.Confidence)
	}
}

// TestTermOfAnyOwner: "The specifier of an import statement is the string
// after the from keyword" (Node's ESM page) says what the term is for any
// owner of that kind; "The draught of the ship is 9 m" gives one ship's
// value. The text is written for this test.
func TestTermOfAnyOwner(t *testing.T) {
	t.Parallel()
	doc := "# Berths\n\nThe draught of a moored ship is the depth of water below its waterline.\n\n" +
		"The keel of the harbor tug is 12 metres long.\n\nEach draught is logged. Each keel is painted.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "berths.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "draught"); d.Text != "The draught of a moored ship is the depth of water below its waterline." || d.Confidence < confGloss {
		t.Errorf("draught = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "keel"); d.Confidence >= confGloss {
		t.Errorf("keel = %q (%.2f), want no gloss from one tug's value", d.Text, d.Confidence)
	}
}

// TestIdentifiersSpelledLikeWords: in a reference page, a row under an
// "Attribute name" column, an item after "... should accept four
// parameters:" and a sub-item under "... has the following attributes:"
// name identifiers ("name", "parser", "thread"), not the words; "This
// error, a subclass of ..." is about the one at hand (Python's logging,
// argparse and threading pages). The text is written for this test.
func TestIdentifiersSpelledLikeWords(t *testing.T) {
	t.Parallel()
	doc := "# Tide records\n\n| Attribute name | Format | Description |\n| --- | --- | --- |\n" +
		"| name | `%(name)s` | Name of the berth where the ship moored. |\n| level | `%(level)d` | Depth of the keel in metres. |\n\n" +
		"Tide handlers should be callable, so subclasses must override the `__call__` method, which should accept two parameters:\n\n" +
		"- `pilot` - The harbor object which contains this handler.\n- `buoy` - The marker the handler lights.\n\n" +
		"- `quay.hook(args, /)`: Handle a late tide. The *args* argument has the following attributes:\n" +
		"  - *crane*: Crane which raised the alarm, can be `None`.\n\n" +
		"- `quay.TideError`: This error, a subclass of `RuntimeError`, is raised when the gauge is reset.\n\n" +
		"## Use\n\nEach name, level, pilot, buoy and crane is logged. An error is reported.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "tide.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"name", "level", "pilot", "crane", "error"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want no gloss from an identifier's description", term, d.Text, d.Confidence)
		}
	}
}

// TestPropertiesUnderConditions: what holds in one case is not what a
// term is (the Go specification's wording): "Berth types are comparable
// if ..." (a property), "The draught is a compile-time constant if ..."
// and "An alias denotes a named type if ..." (a classification in one
// case), "a known tide argument (a tide
// argument for which ...)" (a gloss of the longer phrase), and under
// "## Underlying berths", "The underlying berth of A1 and B2 is quay."
// (the term of those two). The text is written for this test.
func TestPropertiesUnderConditions(t *testing.T) {
	t.Parallel()
	doc := "# Berths\n\nBerth types are comparable if their quay types are comparable.\n\n" +
		"The draught is a compile-time constant if the ship is moored.\n\n" +
		"A berth alias denotes a named berth if the berth given in the alias declaration is a named berth.\n\n" +
		"When comparing tides, a known tide argument (a tide argument for which a log entry already exists) takes the place of its gauge.\n\n" +
		"## Underlying berths\n\nThe underlying berth of `A1` and `B2` is `quay`.\n\n## Use\n\n" +
		"Each berth type, draught, tide argument, berth alias and underlying berth is logged.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "spec.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"berth type", "draught", "tide argument", "underlying berth", "berth alias"} {
		if d := define(t, e, c, term); d.Confidence >= confGloss {
			t.Errorf("%s = %q (%.2f), want no gloss from what holds in one case", term, d.Text, d.Confidence)
		}
	}
}

// TestNamingAfterOr: "... as an independent thread of tide control, or
// tidelet, within the same harbor" names tidelet (the Go specification
// names goroutine so); a list ("a tug, a barge, or skiff,") names
// nothing. The text is written for this test.
func TestNamingAfterOr(t *testing.T) {
	t.Parallel()
	doc := "# Harbor\n\nA \"moor\" statement starts a berth as an independent thread of tide control, or tidelet, within the same harbor.\n\n" +
		"Each quay holds a tug, a barge, or skiff, at most.\n\nEach tidelet ends. A skiff floats.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "harbor.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tidelet"); !strings.Contains(d.Text, "or tidelet") || d.Confidence < confGloss {
		t.Errorf("tidelet = %q (%.2f), want the sentence that names it", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "skiff"); d.Confidence >= confGloss {
		t.Errorf("skiff = %q (%.2f), want no naming from a list", d.Text, d.Confidence)
	}
}

// A Japanese subject may carry its spelled-out name as an appositive
// between it and its particle: 「APT、進化したパッケージツール (Advanced
// Package Tool) は …」 (the Debian FAQ) says what APT is. Without the
// spelled-out name in the parenthesis, 「TPS、港 (北岸) は …」 is a list.
// The text is written for this test.
func TestJapaneseAppositiveWithSpelledOutName(t *testing.T) {
	t.Parallel()
	doc := "# 潮位\n\nTPS、潮位予測の仕組み (Tide Prediction System) は港の潮位を予測する道具で tidectl コマンドを提供します。\n\n" +
		"BWS、北の岸壁 (北岸) は古い設備です。\n\nTPS を使う。TPS は速い。BWS を使う。BWS は広い。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "TPS"); d.Confidence < confExplicit || !strings.Contains(d.Text, "予測する道具") {
		t.Errorf("TPS = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "BWS"); d.Confidence >= confExplicit {
		t.Errorf("BWS = %q (%.2f): the parenthesis does not spell it out", d.Text, d.Confidence)
	}
}

// HTML entities in Markdown text ("Q&amp;A", "&nbsp;", "&#x2014;") are the
// characters they stand for in definitions and usages. The text is
// written for this test.
func TestEntitiesInMarkdownAreText(t *testing.T) {
	t.Parallel()
	doc := "# Quay\n\nA berth plan is&nbsp;a list of berths &amp; their ships &#x2014; kept by the harbor office.\n\nPrint the berth plan.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "berth plan"); d.Text != "A berth plan is a list of berths & their ships — kept by the harbor office." {
		t.Errorf("berth plan: %q, want its entities as characters", d.Text)
	}
}

// 「XはYとして定義され、…」 defines X as Y before the sentence goes on
// (the Debian handbook's 「パーミッションは許可された操作の一式として定義
// され、以下のテンプレートに従います。」). The text is written for this
// test.
func TestJapaneseDefinedAsClause(t *testing.T) {
	t.Parallel()
	doc := "# 港\n\n係留許可は港長が認めた係留の一式として定義され、以下の書式に従います。\n\n係留許可を申請する。係留許可は一年有効です。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "係留許可"); d.Confidence < confExplicit || !strings.Contains(d.Text, "として定義され") {
		t.Errorf("係留許可 = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// A page translated in part keeps some paragraphs in English: its German
// passages ("Das Liegeplatzpaket ist eine besondere Archivdatei, ...") are
// no usage or definition of an English glossary's terms. The text is
// written for this test.
func TestForeignPassagesAreNoEvidence(t *testing.T) {
	t.Parallel()
	doc := "# Liegeplätze\n\nDas berth package ist eine besondere Archivdatei, die die Gruppe der Dateien mit ihren Informationen enthält.\n\n" +
		"Der berth planner wird von dem Hafen nicht mit der Datei gestartet, und die Datei ist leer.\n\n" +
		"Install the berth package first. The berth planner reads the plan.\n\n" +
		strings.Repeat("The harbour office keeps the plans of all the quays, and it sends them to the pilots when they ask for them.\n\n", 6)
	c := pipeline.NewCorpus([]glossary.Document{{Path: "de.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"berth package", "berth planner"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, "ist") || strings.Contains(d.Text, "wird") {
			t.Errorf("%s: %q (%.2f), a German passage", term, d.Text, d.Confidence)
		}
	}
}

// 「Xは…について非常に厳格です。」 says how X is (strict, flexible,
// free of charge), not what it is, as 「Xは便利です。」 does. The text is
// written for this test.
func TestJapanesePropertyPredicates(t *testing.T) {
	t.Parallel()
	doc := "# 港\n\n港湾局は自由な航行を守るということについて非常に厳格です。\n\n潮位表は毎朝の更新について驚くほど柔軟です。\n\n" +
		"港湾局に問い合わせる。潮位表を読む。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"港湾局", "潮位表"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s = %q (%.2f): how it is, not what it is", term, d.Text, d.Confidence)
		}
	}
}

// A Japanese subject after a clause that sets others against it
// (「他の多くの港が…運営されているのに対し、北港は…港の一つです。」) is
// the sentence's subject. The text is written for this test.
func TestJapaneseSubjectAfterContrast(t *testing.T) {
	t.Parallel()
	doc := "# 港\n\n他の多くの港が市や商社により運営されているのに対し、北港は共通の利害を持つ船主の集まりにより運営されている主要な港の一つです。\n\n" +
		"北港に入る。北港は広い。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "北港"); d.Confidence < confExplicit {
		t.Errorf("北港 = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// "A berth list consists of a number of berths separated by commas, for
// instance:" is a whole definition before its example. The text is
// written for this test.
func TestDefinitionBeforeItsExample(t *testing.T) {
	t.Parallel()
	doc := "# Lists\n\nA berth list consists of a number of berth names separated by commas, for instance:\n\n```\nnorth, south\n```\n\nPrint the berth list.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "berth list"); d.Text != "A berth list consists of a number of berth names separated by commas." {
		t.Errorf("berth list = %q (%.2f), want the sentence before its example", d.Text, d.Confidence)
	}
}

// A usage shows the word itself, not the word as part of a hyphenated
// name ("tidelint-rule-preset は、…"). The text is written for this test.
func TestUsagePrefersTheWordAlone(t *testing.T) {
	t.Parallel()
	doc := "# ルール\n\ntidelint-rule-preset-harbor は、半年ごとに大きな更新を行う予定です。\n\n" +
		"このプリセットは tidelint で使うための規則を集めたものです。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tidelint"); strings.Contains(d.Text, "tidelint-rule") {
		t.Errorf("tidelint = %q (%.2f), want a sentence that uses the word alone", d.Text, d.Confidence)
	}
}

// "X is one of the most important advances ...", 「仮想化は最近の港湾管理に
// おける最も大きな進歩の 1 つです。」 rank the term among others; what it
// is goes unsaid. "X is one of the services ..." still defines. The pages
// are written for this test.
func TestOneOfTheMostIsAVerdict(t *testing.T) {
	t.Parallel()
	en := "# Quays\n\nThe tide table is one of the most useful inventions of harbour work.\n\nRead the tide tables daily. Each tide table is printed.\n\n" +
		"A bollard is one of the posts on a quay that crews tie lines to. Every bollard is painted.\n"
	ja := "# 港湾\n\n係留管理は最近の港湾運用における最も大きな進歩の 1 つです。係留管理を使います。係留管理を学びます。\n\n" +
		"水門は港の水位を保つ設備の1つです。水門を閉じます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, not := range map[string]string{"tide table": "most useful", "係留管理": "最も大きな進歩"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f), a ranking is no definition", term, d.Text, d.Confidence)
		}
	}
	for term, want := range map[string]string{
		"bollard": "A bollard is one of the posts on a quay that crews tie lines to.",
		"水門":      "水門は港の水位を保つ設備の1つです。",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// A list item's label is no part of the definition its sentence gives of
// another term: "- 市民の運営: …北港は市民が運営する港湾の一つです。" defines
// 北港 without "市民の運営: ", and "- `42` / `123_456`: Integers are whole
// numbers ..." integers without the examples. The page is written for this
// test.
func TestItemLabelIsNoPartOfADefinition(t *testing.T) {
	t.Parallel()
	doc := "# 港\n\n- 市民の運営: 他の港が国の管理であるのに対し、北港は市民が運営する港湾の一つです。\n" +
		"- Open berths: Eastport is a port that any ship may use.\n" +
		// Literals keyed by examples of them (Jinja's template syntax).
		"- `42` / `123_456`: Tide counts are whole numbers without a decimal part.\n\n" +
		"北港を訪ねます。北港は広いです。Eastport is busy. Log the tide counts.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for term, label := range map[string]string{"北港": "市民の運営", "Eastport": "Open berths", "tide count": "123_456"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, label) || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want the sentence without the label %q", term, d.Text, d.Confidence, label)
		}
	}
}

// "Each time is the median of 3 runs" (a benchmark's table) says what
// every one is there: it describes the term at most, and a sentence that
// says what one is outranks it. The page is written for this test.
func TestEachXIsDescribesAtMost(t *testing.T) {
	t.Parallel()
	doc := "# Bench\n\nEach tide reading is the median of 3 gauges, and includes the harbour gauge.\n\n" +
		"Each berth key is a name in camel case. The berth key is a unique identifier of the berth.\n\nLog every tide reading. Keep each berth key.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tide reading"); d.Confidence > confDescribe {
		t.Errorf("tide reading: %q (%.2f), want at most a description", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth key"); d.Text != "The berth key is a unique identifier of the berth." {
		t.Errorf("berth key: %q (%.2f), want what one is", d.Text, d.Confidence)
	}
}

// "Security is a key part of Harbour." says how much it matters, and "##
// Gate classes" over "In v2.3, the support of gate classes has been
// introduced." what changed in a release: neither says what the term is.
// The page is written for this test.
func TestKeyPartsAndReleaseNotesAreNoDefinitions(t *testing.T) {
	t.Parallel()
	doc := "# Harbour\n\nQuay security is a key part of Harbour. Tide logs are an important part of observability.\n\n" +
		"## Gate class\n\nIn v2.3, the support of gate classes has been introduced.\n\nEach gate class is named. Check quay security. Read the tide logs.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	for term, not := range map[string]string{"quay security": "key part", "tide log": "important part", "gate class": "In v2.3"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	core := "# Harbour\n\nThe tidestore is a core component of Harbour that keeps every tide reading.\n\nBack up the tidestore.\n"
	cc := pipeline.NewCorpus([]glossary.Document{{Path: "b.md", Content: core}})
	if d := define(t, e, cc, "tidestore"); !strings.Contains(d.Text, "core component") || d.Confidence < confExplicit {
		t.Errorf("tidestore: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// Under a "Flags" or "Parameters" heading, "The flag is ..." says what one
// flag at hand is, but "A flag is a way to modify the behavior of a
// command." says what any flag is. The page is written for this test.
func TestIndefiniteDefinitionUnderAParametersHeading(t *testing.T) {
	t.Parallel()
	doc := "# tidectl\n\n## Flags\n\nA flag is a way to modify the behavior of a command. tidectl supports flags.\n\nPass a flag. Each flag is short.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "flag"); d.Text != "A flag is a way to modify the behavior of a command." || d.Confidence < confExplicit {
		t.Errorf("flag: %q (%.2f), want its definition at %.2f", d.Text, d.Confidence, confExplicit)
	}
}

// "#### Tradeoffs" over "A berth plan on a quay is as easy to test as any
// tide table, ..." is a sentence about its own subject that never names the
// heading's word, not a noun phrase glossing it; "### Dredger" over "A
// vessel that digs ..." is. The page is written for this test.
func TestHeadingOverAnotherSubjectsClause(t *testing.T) {
	t.Parallel()
	doc := "# Quay design\n\n## Berth plans\n\n#### Tradeoffs\n\nA berth plan on a quay is as easy to test as any tide table, and has similar costs.\n\n" +
		"The main tradeoff here is length. Every tradeoff is listed.\n\n### Dredger\n\nA vessel that digs the harbour basin deeper.\n\nThe dredger works at night.\n\n" +
		// A modal before any relative pronoun makes a clause too (the Go
		// specification's "Type inference" section).
		"### Tide inference\n\nA use of a tide table may omit some columns if they can be inferred from the port.\n\n" +
		"Tide inference succeeds if every column is known.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tradeoff"); strings.Contains(d.Text, "berth plan") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("tradeoff: %q (%.2f), want no gloss from another subject's sentence", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "tide inference"); strings.Contains(d.Text, "A use of") {
		t.Errorf("tide inference: %q (%.2f), want no gloss from another subject's clause", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "dredger"); d.Text != "A vessel that digs the harbour basin deeper." {
		t.Errorf("dredger: %q (%.2f), want the heading's noun phrase", d.Text, d.Confidence)
	}
}

// A command's heading over "`dredge` dredge the basin ..." or "`moor`
// perform mooring ...", a help line's wording with the name in code and a
// bare verb after it, glosses the command with what it does ("Dredge the
// basin ..."), not the name and the verb run together. "`tide` prints ..."
// keeps its subject. The page is written for this test.
func TestHeadingOverAHelpLine(t *testing.T) {
	t.Parallel()
	doc := "# quayctl\n\n## Commands\n\n### dredge\n\n`dredge` dredge the basin of the given quay.\n\n### moor\n\n`moor` perform mooring of a vessel at a free berth.\n\n" +
		"### tide\n\n`tide` prints the tide table of the quay.\n\nRun dredge, moor and tide daily.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "cli.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"dredge": "Dredge the basin of the given quay.",
		"moor":   "Perform mooring of a vessel at a free berth.",
		"tide":   "tide prints the tide table of the quay.",
	} {
		if d := define(t, e, c, term); !strings.EqualFold(d.Text, want) {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// An item or a row whose body opens with the verb and leaves its subject to
// the key ("| `TideReader` | _TideReader_ | Is an io.Reader object ... |",
// "RAID9: Is suitable for quays ...") reads with the key as its subject.
// The page is written for this test.
func TestItemBodyOpeningWithItsVerb(t *testing.T) {
	t.Parallel()
	doc := "# Quay API\n\n| Param | Type | Description |\n| --- | --- | --- |\n" +
		"| `TideReader` | _TideReader_ | Is an io.Reader object which can be passed to the tide parser. |\n\n" +
		"Berth layouts:\n\n- RAID9: Is suitable for quays where safety is the first concern.\n- Quaylist: Are the berths of one quay.\n\n" +
		"Close the TideReader. Use RAID9. Read the Quaylist.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "api.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"TideReader": "TideReader is an io.Reader object which can be passed to the tide parser.",
		"RAID9":      "RAID9 is suitable for quays where safety is the first concern.",
		"Quaylist":   "Quaylist are the berths of one quay.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// "[Harbourd](...) - Harbourd Streaming uses tidedb for message storage."
// says what a longer name does; "[Quayd](...) - Quayd is a berth
// scheduler." glosses its key. The page is written for this test.
func TestItemBodyAboutALongerName(t *testing.T) {
	t.Parallel()
	doc := "# Users of tidedb\n\n" +
		"* [Harbourd](https://example.com/harbourd-streaming) - Harbourd Streaming uses tidedb for message storage.\n" +
		"* [Quayd](https://example.com/quayd) - Quayd is a berth scheduler.\n\n" +
		"Harbourd runs everywhere. Quayd runs at night.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Harbourd"); strings.Contains(d.Text, "Streaming uses") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("Harbourd: %q (%.2f), want no gloss from what Harbourd Streaming does", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "Quayd"); d.Text != "Quayd is a berth scheduler." {
		t.Errorf("Quayd: %q (%.2f), want its item", d.Text, d.Confidence)
	}
}

// "## API Reference" over "The full API Reference is available here."
// says where to read it, not what it is. The page is written for this
// test.
func TestHeadingOverWhereToRead(t *testing.T) {
	t.Parallel()
	doc := "# Quaykit\n\n## Tide Reference\n\nThe full Tide Reference is available here.\n\n## Berth Guide\n\nThe Berth Guide can be found at https://example.com/berths.\n\n" +
		"## Tide gauges\n\nAll tide gauges from quay.gauges are also available from harbour.gauges.\n\n" +
		"## Usage\n\nRead the Tide Reference and the Berth Guide. Read the tide gauges daily.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"Tide Reference", "Berth Guide", "tide gauge"} {
		if d := define(t, e, c, term); !strings.HasPrefix(d.Text, usedInPrefixEN) {
			t.Errorf("%s: %q (%.2f), want no gloss from where to read it", term, d.Text, d.Confidence)
		}
	}
}

// "Factory berths are simpler, and hide ..." compares, and "Named tide
// types are the next-most automatable" and "Concrete tide values are the
// simplest case" rank: none says what the term is. "Tide gauges are
// sensors that ..." does. The page is written for this test.
func TestComparisonsAreNoDefinitions(t *testing.T) {
	t.Parallel()
	doc := "# Design\n\nFactory berths are simpler, and hide some of that complexity, but are otherwise rather similar.\n\n" +
		"Named tide types are the next-most automatable, as the intent is explicit.\n\n" +
		"Concrete tide values are the simplest case; the paths point to one value.\n\n" +
		"Tide gauges are sensors that measure the height of the water.\n\n" +
		"Use factory berths. Log named tide types. Keep concrete tide values. Read the tide gauges.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "design.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"factory berth", "named tide type", "concrete tide value"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s: %q (%.2f), want no definition from a comparison", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "tide gauge"); d.Text != "Tide gauges are sensors that measure the height of the water." || d.Confidence < confExplicit {
		t.Errorf("tide gauge: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// "The fixture is a callable which ..." right after "the berth_plan
// session-scoped fixture" says what that fixture is, the one at hand, not
// what any fixture is; "A fixture is a function that ..." does. The page
// is written for this test.
func TestTheAfterANamedInstance(t *testing.T) {
	t.Parallel()
	doc := "# Output\n\nYou can use the berth_plan session-scoped fixture to add berths.\n" +
		"The fixture is a callable which receives the name and the length of a berth.\n\n" +
		"Use the fixture in every test.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "output.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "fixture"); d.Confidence >= confExplicit {
		t.Errorf("fixture: %q (%.2f), want at most a description of the one at hand", d.Text, d.Confidence)
	}
	general := doc + "\n## Fixtures\n\nA fixture is a function that prepares the harbour for a test.\n"
	c2 := pipeline.NewCorpus([]glossary.Document{{Path: "output.md", Content: general}})
	if d := define(t, e, c2, "fixture"); d.Text != "A fixture is a function that prepares the harbour for a test." {
		t.Errorf("fixture: %q (%.2f), want what any fixture is", d.Text, d.Confidence)
	}
}

// "### Timeout" over "Timeout returns the timeout duration set in the
// request." and "Cookie is a map that stores cookies." (Fiber's API) are a
// method's and a type's docs: a bare capitalised subject that the sentence
// then writes in lower case for the word names something else. "Routing
// refers to how ..." still says what routing is. The page is written for
// this test.
func TestMethodNamedLikeTheWord(t *testing.T) {
	t.Parallel()
	doc := "# Client\n\n### Tide\n\nTide returns the tide height set in the request.\n\n### Berth\n\nBerth is a map that stores berths.\n\n" +
		// A name spelled like a plural in -ies, with a verb for one
		// (Fiber's "Queries is a function that returns ...").
		"### Ferries\n\nFerries is a function that returns an object holding the ferry of each quay.\n\n" +
		"## Mooring\n\nMooring refers to how a ship is tied to a quay.\n\nEach tide turns. Every berth is named. Mooring takes time.\n\n" +
		// A mass noun repeats itself and names no method.
		"## Compression\n\nCompression reduces the size of each cargo manifest at the chosen compression level.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "client.md", Content: doc}})
	e := newEngine(t)
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide", "tide height")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "berth", "stores berths")
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "ferry", "is a function")
	if d := define(t, e, c, "compression"); !strings.HasPrefix(d.Text, "Compression reduces") {
		t.Errorf("compression: %q (%.2f), want what it does", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "mooring"); d.Text != "Mooring refers to how a ship is tied to a quay." {
		t.Errorf("mooring: %q (%.2f), want what it is", d.Text, d.Confidence)
	}
}

// "Slotted berths, which are the default for the new quays, don't play
// well with ..." says which one is chosen, not what a slotted berth is;
// the documents' glossary entry, keyed in the plural ("slotted berths:
// A berth whose ..."), says that. The pages are written for this test.
func TestWhichAreTheDefaultIsNoDefinition(t *testing.T) {
	t.Parallel()
	examples := "# Examples\n\nSlotted berths, which are the default for the new quays, don't play well with multiple tugs so we don't use them here.\n"
	gloss := "# Glossary\n\n- slotted berths: A berth whose moorings are fixed in advance.\n- dict classes: A regular class whose fields are stored in a map.\n\n" +
		"Each slotted berth is numbered. A dict class is slow.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "examples.md", Content: examples}, {Path: "glossary.md", Content: gloss}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"slotted berth": "A berth whose moorings are fixed in advance.",
		// "classes" is a plural in -es: the key is the class.
		"dict class": "A regular class whose fields are stored in a map.",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s: %q (%.2f), want the glossary's entry %q", term, d.Text, d.Confidence, want)
		}
	}
}

// "## Quaymux" (a README's title under its badges) over "High performance,
// extensible, minimalist Go berth router." glosses the name with its
// tagline, a noun phrase that names its kind without an article; "## Usage"
// over "Simple, fast setup." glosses nothing. The page is written for this
// test.
func TestHeadingOverAKindTagline(t *testing.T) {
	t.Parallel()
	doc := "[![Build](https://example.com/b.svg)](https://example.com)\n\n## Quaymux\n\nHigh performance, extensible, minimalist Go berth router.\n\n" +
		"* [Official website](https://example.com)\n\n## Tide setup\n\nSimple, fast tide setup.\n\nQuaymux routes the ships. Quaymux is small. Each tide setup is quick.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "Quaymux"); d.Text != "High performance, extensible, minimalist Go berth router." {
		t.Errorf("Quaymux: %q (%.2f), want its tagline", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "tide setup", "Simple, fast")
}

// A question heading's answer is not displaced by a later sentence about
// the name itself (「「sid」という名もアニメ映画から来ています」, the Debian
// FAQ's): 「という名」 names no thing. The page is written for this test.
func TestQuestionAnswerOverTheName(t *testing.T) {
	t.Parallel()
	doc := "# FAQ\n\n## 「tido」とは何ですか?\n\ntido あるいは unstable というのは、ほとんどの荷物が最初に届く岸壁です。" +
		"tido にはすべての船の荷物が集まります。\n\n「tido」という名も古い港の歌から来ています: Tido は岸壁を守る犬でした。\n\ntido を使います。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "faq.md", Content: doc}})
	if d := define(t, newEngine(t), c, "tido"); !strings.HasPrefix(d.Text, "tido あるいは unstable というのは") {
		t.Errorf("tido: %q (%.2f), want the answer", d.Text, d.Confidence)
	}
}

// TestDefineJapaneseWordMeanings: a manual says what it means by a word
// (「このマニュアルでは「係留設備」という用語は…を意味します。」, also
// without the setting) or which word it uses for what
// (「曳船と押船の両方を指す用語として *作業船* を用います。」); a setting
// that is a clause (「指定された範囲の中では」) still narrows. Met in the
// Japanese translation of a school network's manual; the text is written
// for this test.
func TestDefineJapaneseWordMeanings(t *testing.T) {
	t.Parallel()
	ja := "# 港の手引き\n\n## 用語\n\n" +
		"このマニュアルでは「係留設備」という用語はビットと防舷材の両方と、岸壁に固定された金具を意味します。\n\n" +
		"曳船と押船の両方を指す用語として *作業船* を用います。\n\n" +
		"「潮待ち」という言葉は、満潮を待って出港することを意味します。\n\n" +
		"指定された範囲の中では、泊地は船を待たせる水面です。\n\n" +
		"係留設備の点検は毎月行います。作業船は港内で待機します。作業船の手配は管理室が行います。係留設備は古い。潮待ちをします。泊地を使います。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: ja}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"係留設備": "このマニュアルでは「係留設備」という用語はビットと防舷材の両方と、岸壁に固定された金具を意味します。",
		"作業船":  "曳船と押船の両方を指す用語として",
		"潮待ち":  "「潮待ち」という言葉は、満潮を待って出港することを意味します。",
	} {
		if d := define(t, e, c, term); !strings.HasPrefix(d.Text, want) || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	if d := define(t, e, c, "泊地"); d.Confidence >= confExplicit {
		t.Errorf("泊地: %q (%.2f) holds only in a narrowed setting", d.Text, d.Confidence)
	}
}

// TestDefineAkaSubjectAndUsedToRefer: "X aka Y is a ..." (no commas) is a
// definition of X, and "The term "X" is used in this manual to refer to
// ..." says what X means; "is used to store ..." says what it is for.
// Met in a school network's manual; the text is written for this test.
func TestDefineAkaSubjectAndUsedToRefer(t *testing.T) {
	t.Parallel()
	en := "# Tools\n\n" +
		"Harbor Kit aka Portside is a set of tools for small harbors that keeps the berth plan and the tide table together.\n\n" +
		"The term \"shore boats\" is used in this manual to refer to both tenders and launches, as well as rented dinghies.\n\n" +
		"The berth ledger is used to store the names of moored boats.\n\n" +
		"Harbor Kit uses the harbor office database. Portside runs on one server. Shore boats wait at the pier. A shore boat is small. The berth ledger is kept.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"Harbor Kit": "Harbor Kit aka Portside is a set of tools for small harbors that keeps the berth plan and the tide table together.",
		"shore boat": "The term \"shore boats\" is used in this manual to refer to both tenders and launches, as well as rented dinghies.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s: %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
	if d := define(t, e, c, "berth ledger"); d.Confidence >= confExplicit {
		t.Errorf("berth ledger: %q (%.2f) says what it is for", d.Text, d.Confidence)
	}
}

// TestDefineListWrittenAsOneSentence: the items of a list written as one
// sentence ("a host is a machine to be monitored;", Nagios's objects in
// a handbook) are whole definitions, shown as sentences. The text is
// written for this test.
func TestDefineListWrittenAsOneSentence(t *testing.T) {
	t.Parallel()
	doc := "# Watch objects\n\nThe watch tool knows these objects:\n\n- a berth is a place to be watched;\n- a tug is a boat that pulls ships,\n" +
		"- a tide alarm is the signal sent when the water is low.\n\nEvery berth, tug and tide alarm is listed.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "watch.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"berth":      "A berth is a place to be watched.",
		"tug":        "A tug is a boat that pulls ships.",
		"tide alarm": "A tide alarm is the signal sent when the water is low.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < confExplicit {
			t.Errorf("%s = %q (%.2f), want %q (>= %.2f)", term, d.Text, d.Confidence, want, confExplicit)
		}
	}
}

// 「XはYを表します」 says what X stands for, but 「…に敬意を表します」 (the
// Debian history's 「Debian プロジェクトは、…献身に敬意を表します。」) and
// 「感謝の意を表します」 pay respect or thanks: no definition. The text is
// written for this test.
func TestJapaneseIdiomsOfRespectAreNoDefinition(t *testing.T) {
	t.Parallel()
	doc := "# 港\n\n港湾協会は、長年の水先案内人の献身に敬意を表します。\n\n潮位局は、皆様のご協力に深く感謝の意を表します。\n\n" +
		"係留記号は、岸壁に船をつなぐ位置を表します。\n\n港湾協会に参加する。潮位局に問い合わせる。係留記号を読む。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"港湾協会", "潮位局"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s = %q (%.2f): respect or thanks, not what it is", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "係留記号"); !strings.Contains(d.Text, "位置を表します") || d.Confidence < confExplicit {
		t.Errorf("係留記号 = %q (%.2f), want its definition", d.Text, d.Confidence)
	}
}

// A clause with a topic of its own after the subject's (「dpkg とは異なり、
// apt-get は .deb ファイルを解釈せず、連携するのはパッケージ特有の名前で、
// …だけです。」, APT's guide) ends in a copula whose subject is that
// topic, 「連携するのは」: no definition of the first subject. The text is
// written for this test.
func TestJapaneseCleftTopicInTheFirstClause(t *testing.T) {
	t.Parallel()
	doc := "# 港\n\n潮位計とは異なり、係留計は波の高さを測らず、記録するのは船ごとの索の張力で、送れるのは港湾局の端末だけです。\n\n" +
		"係留計を使う。潮位計を読む。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	if d := define(t, newEngine(t), c, "係留計"); d.Confidence >= confExplicit {
		t.Errorf("係留計 = %q (%.2f): what another topic is, not what it is", d.Text, d.Confidence)
	}
}

// A passive with an irregular participle that looks like a noun ("Votes
// are cast by email ...", Debian's constitution; "Tides are forecast
// weekly", "The quay is forbidden to ...") says what is done to it, not
// what it is. The text is written for this test.
func TestIrregularPassivesAreNoDefinition(t *testing.T) {
	t.Parallel()
	doc := "# Harbour rules\n\nBallots are cast by email in a manner suitable to the harbourmaster.\n\n" +
		"Tide tables are forecast weekly by the port office.\n\nThe north quay is forbidden to tankers at night.\n\n" +
		"A berth is a place where a ship moors.\n\nEvery ballot is counted. Each tide table is printed. The north quay is long. Each berth is numbered.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "rules.md", Content: doc}})
	e := newEngine(t)
	for _, term := range []string{"ballot", "tide table", "north quay"} {
		if d := define(t, e, c, term); d.Confidence >= confExplicit {
			t.Errorf("%s = %q (%.2f): what is done to it, not what it is", term, d.Text, d.Confidence)
		}
	}
	if d := define(t, e, c, "berth"); !strings.Contains(d.Text, "place where a ship moors") {
		t.Errorf("berth = %q, want its definition", d.Text)
	}
}

// "... rotate the active chart, a margin or a path." and "... as fish, a
// barrel or crates." list three things:
// "a margin or a path" is no appositive of the active chart, while "the
// harbour office, a small building with a tower," is. The text is
// written for this test.
func TestEnumerationIsNoAppositive(t *testing.T) {
	t.Parallel()
	doc := "# Charts\n\nThis tool is used to rotate the active chart, a margin or a path.\n\n" +
		"Pilots meet at the harbour office, a small building with a tower, every morning.\n\n" +
		"Choose whether to store the catch as fish, a barrel or crates.\n\n" +
		"The active chart is shown. The harbour office is open. Fish is sold.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "charts.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "active chart"); strings.Contains(d.Text, "margin or a path") && !strings.HasPrefix(d.Text, usedInPrefixEN) {
		t.Errorf("active chart = %q (%.2f), want no gloss from a list", d.Text, d.Confidence)
	}
	wantNoGlossFrom(t, e, c, usedInPrefixEN, "fish", "a barrel or crates") // the last without an article
	if d := define(t, e, c, "harbour office"); !strings.Contains(d.Text, "small building with a tower") {
		t.Errorf("harbour office = %q (%.2f), want its appositive", d.Text, d.Confidence)
	}
}

// "The relabeling phase is the preferred and more powerful way to filter
// containers." (Prometheus's) says which to choose, not what it is; "A
// berth is the place where a ship moors" still defines. The text is
// written for this test.
func TestPreferredWayIsAVerdict(t *testing.T) {
	t.Parallel()
	doc := "# Charts\n\nThe tide phase is the preferred and more powerful way to filter ships.\n\nA berth is the place where a ship moors.\n\n" +
		"The tide phase is short. Every berth is numbered.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "charts.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "tide phase"); d.Confidence >= confExplicit {
		t.Errorf("tide phase = %q (%.2f), want no definition from a verdict", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "berth"); !strings.Contains(d.Text, "place where a ship moors") {
		t.Errorf("berth = %q, want its definition", d.Text)
	}
}

// Sentences that name the term without saying what it is, each found in a
// real manual and written again for this test: a host named with the
// term's plural ("This server is called lists.debian.org.", Debian's
// mailing list introduction, of "list"); an appositive after a gerund's
// object, which renames the action ("... as feathering the selection, a
// smooth transition between ...", GIMP's channels); under a heading named
// for the term, a status ("Native histograms are still highly
// experimental.", "... are currently only supported in ...",
// Prometheus's feature flags).
func TestNoGlossFromSentencesAboutSomethingElse(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	for _, tc := range []struct{ name, doc, term, not string }{
		{"host", "# Harbour lists\n\nAll harbour quays run on a special server, using a tide program called Tidelist. " +
			"This server is called quays.harbour.org.\n\nEvery quay is long. The quay has bollards.\n", "quay", "called quays.harbour.org"},
		{"gerund's object", "# Charts\n\nYou can think of them as feathering the margin, a smooth transition between inked and blank paper.\n\n" +
			"Every margin is white. The margin is wide.\n", "margin", "smooth transition"},
		{"status", "# Feature flags\n\n## Tide gauges\n\n`--enable-feature=tide-gauges`\n\n" +
			"When enabled, the port will read tide gauges (formerly also known as water meters). Tide gauges are still highly experimental. " +
			"Expect breaking changes.\n\nEvery tide gauge is calibrated.\n", "tide gauge", "highly experimental"},
		{"support", "# Feature flags\n\n## Tide gauges\n\n`--enable-feature=tide-gauges`\n\n" +
			"When enabled, the port will read tide gauges. Tide gauges are currently only supported in the traditional port format.\n\n" +
			"Every tide gauge is calibrated.\n", "tide gauge", "only supported"},
	} {
		c := pipeline.NewCorpus([]glossary.Document{{Path: tc.name + ".md", Content: tc.doc}})
		wantNoGlossFrom(t, e, c, usedInPrefixEN, tc.term, tc.not)
	}
}

// TestDescribeAfterAScope: "A quaymap in HARBOR contains a set of
// bindings ..." describes a quaymap, the scope in capitals between its
// subject and its verb, as "A berth builder in Harbourd is ..." defines
// one. The page is written for this test.
func TestDescribeAfterAScope(t *testing.T) {
	t.Parallel()
	doc := "# Keys\n\nThe shell reads keys.\n\nA quaymap in HARBOR contains a set of bindings between key sequences and HARBOR commands.\n\n" +
		"Each quaymap is small. Select a quaymap first.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "maps.md", Content: doc}})
	e := newEngine(t)
	want := "A quaymap in HARBOR contains a set of bindings between key sequences and HARBOR commands."
	if d := define(t, e, c, "quaymap"); d.Text != want || d.Confidence < confDescribe {
		t.Errorf("quaymap = %q (%.2f), want %q (>= %.2f)", d.Text, d.Confidence, want, confDescribe)
	}
}
