package builtin

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestFullWidthLatinReadsAsASCII runs the pipeline over a Japanese
// document typed with full-width letters and digits (「ＡＰＩ」, 「ｖ２」) and
// half-width katakana, and over the same document typed in ASCII and
// full-width katakana: the glossaries are the same, a term a user types in
// full width is found, and code stays as written. Before, 「ＡＰＩ」 and "API" were two terms and
// 「ＨＴＴＰ」, 「ＧＥＴ」, 「ＵＲＬ」 were never terms. The text is written for
// this test.
func TestFullWidthLatinReadsAsASCII(t *testing.T) {
	t.Parallel()
	wide := "# ＡＰＩ設計ガイド\n\n" +
		"ＡＰＩとは、ソフトウェア同士が機能をやり取りするための取り決めです。\n" +
		"本書では、ＲＥＳＴ形式のＡＰＩを設計する手順を説明します。\n\n" +
		"## ＨＴＴＰメソッド\n\n" +
		"ＨＴＴＰメソッドは、リクエストの目的を表します。ＧＥＴは取得、ＰＯＳＴは作成に使います。\n" +
		"API の利用者は、ＨＴＴＰステータスコードで結果を判断します。\n\n" +
		"## ﾊﾞｰｼﾞｮﾝ管理\n\n" +
		"ＡＰＩのﾊﾞｰｼﾞｮﾝは、ＵＲＬに含めます。例えば、ｖ２のように書きます。\n" +
		"ＡＰＩキーは、利用者ごとに発行します。ＡＰＩキーは秘密にしてください。\n\n" +
		"```js\n// ＡＰＩを呼ぶ例\nconsole.log(toWide('ＡＰＩ'))\n```\n"
	narrow := "# API設計ガイド\n\n" +
		"APIとは、ソフトウェア同士が機能をやり取りするための取り決めです。\n" +
		"本書では、REST形式のAPIを設計する手順を説明します。\n\n" +
		"## HTTPメソッド\n\n" +
		"HTTPメソッドは、リクエストの目的を表します。GETは取得、POSTは作成に使います。\n" +
		"API の利用者は、HTTPステータスコードで結果を判断します。\n\n" +
		"## バージョン管理\n\n" +
		"APIのバージョンは、URLに含めます。例えば、v2のように書きます。\n" +
		"APIキーは、利用者ごとに発行します。APIキーは秘密にしてください。\n\n" +
		"```js\n// ＡＰＩを呼ぶ例\nconsole.log(toWide('ＡＰＩ'))\n```\n"
	e := newEngine(t)
	run := func(content string) (*pipeline.Corpus, string) {
		c := pipeline.NewCorpus([]glossary.Document{{Path: "api.md", Content: content}})
		st := &pipeline.State{}
		if err := pipeline.New(e, pipeline.Options{}).Run(context.Background(), c, st, pipeline.ScopeFull.Steps(), nil); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, en := range st.Refined {
			fmt.Fprintf(&b, "%s: %s\n", en.Term, en.Definition)
		}
		return c, b.String()
	}
	c, gotWide := run(wide)
	cn, gotNarrow := run(narrow)
	if gotWide != gotNarrow {
		t.Errorf("full-width glossary:\n%s\nASCII glossary:\n%s", gotWide, gotNarrow)
	}
	for _, term := range []string{"API", "HTTP", "GET", "URL"} {
		if !strings.Contains(gotWide, "\n"+term+": ") && !strings.HasPrefix(gotWide, term+": ") {
			t.Errorf("%s is not in the glossary:\n%s", term, gotWide)
		}
	}
	if !strings.Contains(c.Docs[0].Content, "console.log(toWide('ＡＰＩ'))") {
		t.Errorf("code was folded:\n%s", c.Docs[0].Content)
	}
	if strings.Contains(gotWide, "ＡＰＩ") {
		t.Errorf("full-width spelling left in the glossary:\n%s", gotWide)
	}
	if got, want := len(c.Occurrences("ＡＰＩキー")), len(cn.Occurrences("APIキー")); got != want || got == 0 {
		t.Errorf("occurrences of a term typed in full width = %d, want %d (> 0)", got, want)
	}
}
