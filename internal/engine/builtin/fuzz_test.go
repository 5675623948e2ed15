package builtin

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// FuzzDefine runs the definition, review and refine rules over any
// Markdown: they slice sentences, list items, links and parentheticals by
// byte offsets, so they must not panic, and what they return must be valid
// text with a confidence in [0, 1].
func FuzzDefine(f *testing.F) {
	f.Add("# Tern\n\nSkipEmpty will have the sweeper ignore mailboxes.\nSimilarly, `KeepDrafts()` can be used to hold drafts.\n", "sweeper")
	f.Add("- **Encoding.toHankakuCase (data)** : Converts full-width symbols.\n- Default: `[\"a\", 典型例 ]`\n", "Encoding.toHankakuCase")
	f.Add("- [連語（助詞） - 分類](https://example.org/a(b)_1 \"連語（助詞）\")\n- 課題: [title](url)\n", "助詞")
	f.Add("配送器は、キューから手紙を取り出して届けます。\n既定の設定は次の通りです。\n- 各ルールのバグ修正 (警告を減らす方向への修正)\n", "修正")
	f.Add(":memo: Test the dispatcher. Glob is a matcher where '*' matches (80eee78) by @x in https://e.org/pull/1\n", "dispatcher")
	f.Add("When the pool closes at the time of the flush, a worker waits.\nquill.Page is core.Page, a reader returns lines.\n", "flush")
	f.Add("## Read\n\nWill something still read from the connection?\n> \n>\n", "Read")
	e, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, doc, term string) {
		if term == "" || len(doc) > 1<<14 || len(term) > 64 {
			return
		}
		c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
		ctx := context.Background()
		req := pipeline.DefineRequest{Term: term, Category: glossary.TechnicalTerm,
			Occurrences: glossary.FindOccurrences(c.Docs, term)}
		d, err := e.Define(ctx, c, req)
		if err != nil {
			t.Fatal(err)
		}
		check := func(what, text string, conf float64) {
			if utf8.ValidString(doc) && utf8.ValidString(term) && !utf8.ValidString(text) {
				t.Errorf("%s: invalid UTF-8 %q from valid input", what, text)
			}
			if conf < 0 || conf > 1 {
				t.Errorf("%s: confidence %v", what, conf)
			}
		}
		check("define", d.Text, d.Confidence)
		en := glossary.Entry{Term: term, Definition: d.Text, Confidence: d.Confidence, Occurrences: req.Occurrences}
		issues, err := e.Review(ctx, c, []glossary.Entry{en})
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.Refine(ctx, c, en, issues)
		if err != nil {
			t.Fatal(err)
		}
		check("refine", r.Text, r.Confidence)
	})
}
