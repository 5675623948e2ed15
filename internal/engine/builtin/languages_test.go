package builtin

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// A folder of English pages with a translation among them: the translation
// gives no terms and no definitions.
func TestPagesInOtherLanguagesAreNotRead(t *testing.T) {
	t.Parallel()
	en := glossary.Document{Path: "berth.md", Content: "# Berth\n\nA berth is a stretch of quay where one ship moors while it is loaded.\n\n" +
		"Run BerthCtl before the ship arrives at the harbour.\n"}
	pt := glossary.Document{Path: "berth.pt-br.md", Content: "# Ferramentas do porto\n\n" +
		"- **BerthCtl**: Atribui um berço a cada navio que chega ao porto e o libera quando o navio sai.\n" +
		"- **Marégrafo**: Mede a altura da maré no cais, e o agendador lê os valores na inicialização.\n\n" +
		"O agendador do porto atribui cada navio que chega a um berço. Quando todos os berços estão ocupados, o navio espera no fundeadouro até que o agendador libere um deles. " +
		"Se a tábua de marés não existir, o agendador não inicia e diz qual arquivo procurou.\n"}
	c := pipeline.NewCorpus([]glossary.Document{en, pt})
	e := newEngine(t)

	wantSkipped(t, e, c, pt.Path, "Portuguese")
	var last [2]int
	cands, err := e.Extract(context.Background(), c, func(done, total int, _ string) { last = [2]int{done, total} })
	if err != nil {
		t.Fatal(err)
	}
	if last != [2]int{2, 2} {
		t.Errorf("last progress = %d/%d, want 2/2 (the page not read counts as done)", last[0], last[1])
	}
	var texts []string
	for _, cand := range cands {
		texts = append(texts, cand.Text)
		if slices.Contains(cand.Documents, pt.Path) {
			t.Errorf("candidate %q was read from %s", cand.Text, pt.Path)
		}
	}
	if !slices.Contains(texts, "berth") {
		t.Errorf("candidates = %v, want berth from the English page", texts)
	}
	d, err := e.Define(context.Background(), c, request(c, "BerthCtl"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "Atribui") {
		t.Errorf("BerthCtl is defined by the Portuguese page: %q", d.Text)
	}

	only := pipeline.NewCorpus([]glossary.Document{pt})
	if _, err := e.Extract(context.Background(), only, func(int, int, string) {}); !errors.Is(err, ErrNoReadableDocument) {
		t.Errorf("Extract over a Portuguese page only: err = %v, want ErrNoReadableDocument", err)
	}
	if got := e.Skipped(pipeline.NewCorpus([]glossary.Document{en})); !reflect.DeepEqual(got, []pipeline.Skipped(nil)) {
		t.Errorf("Skipped over an English page = %+v, want none", got)
	}
}

// A README's translation into Chinese shows its Japanese example in an HTML
// <pre> block, as READMEs that want ruby in their examples do: the example's
// kana are code, not the page's prose, so the page is Chinese and not read,
// and the English page's copy of the example is no sentence that uses a term.
func TestPreBlocksAreNotProse(t *testing.T) {
	t.Parallel()
	example := "<pre>\n// furigana\nberth.convert(\"感じ取れたら手を繋ごう、重なるのは人生のライン\");\n" +
		"// 结果: 感(かん)じ取(と)れたら手(て)を繋(つな)ごう、重(かさ)なるのは人生(じんせい)のライン\n</pre>\n"
	en := glossary.Document{Path: "README.md", Content: "# berth\n\nThe furigana mode prints each reading beside its kanji, with options for the output.\n\n" + example}
	zh := glossary.Document{Path: "README.zh-cn.md", Content: "# berth\n\nberth是一款十分方便使用的日文转换注音工具，主要针对日文文本，进行到平假名、片假名及罗马字的转换。\n\n" +
		"## 示例\n\n这个示例说明了转换的结果。你可以在这里查看在线演示，也可以在工程中使用它。\n\n" + example +
		"\n## 特性\n\n- 日文文本转换为平假名、片假名和罗马字\n- 支持多种语素解析器，这是它的主要特点\n"}
	c := pipeline.NewCorpus([]glossary.Document{en, zh})
	e := newEngine(t)
	wantSkipped(t, e, c, zh.Path, "Chinese")
	d, err := e.Define(context.Background(), c, request(c, "furigana"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "convert(") || strings.Contains(d.Text, "感じ取れ") || !strings.Contains(d.Text, "with options") {
		t.Errorf("furigana = %q, want the README's sentence, not the <pre> example", d.Text)
	}
}

// An English page whose code examples convert Japanese text is read as
// English: the kana of its code do not make its sentences Japanese.
func TestJapaneseInCodeDoesNotMakeAPageJapanese(t *testing.T) {
	t.Parallel()
	c := pipeline.NewCorpus([]glossary.Document{{Path: "README.md", Content: "# berth\n\nThe furigana mode prints each reading beside its kanji, with options for the output.\n\n" +
		"```js\nberth.convert(\"感じ取れたら手を繋ごう、重なるのは人生のライン\");\n// かんじとれたらてをつなごう、かさなるのはじんせいのライン\n```\n"}})
	d, err := newEngine(t).Define(context.Background(), c, request(c, "furigana"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `Used in: "The furigana mode prints each reading beside its kanji, with options for the output."`; d.Text != want {
		t.Errorf("furigana = %q, want %q", d.Text, want)
	}
}

// wantSkipped checks that the engine leaves one document of c unread, path,
// for being written in language.
func wantSkipped(t *testing.T, e *Engine, c *pipeline.Corpus, path, language string) {
	t.Helper()
	skipped := e.Skipped(c)
	if len(skipped) != 1 || skipped[0].Document != path || !strings.Contains(skipped[0].Reason, language) {
		t.Errorf("Skipped = %+v, want %s in %s", skipped, path, language)
	}
}

// TestEnglishPassageInAJapanesePage: a Japanese page that quotes or
// translates a passage in English reads that passage by the English rules
// (its terms were extracted but got neither definition nor usage), and its
// Japanese sentences as before. The page is written for this test.
func TestEnglishPassageInAJapanesePage(t *testing.T) {
	t.Parallel()
	doc := "# 岸壁\n\n係船柱は岸壁に立つ鉄の柱です。係船柱に索を掛けます。\n\n" +
		"A berth is a place where a ship is moored while it is loaded.\n\n" +
		"曳船は大きな船を押す小さな船です。曳船を呼びます。\n\n- Note: 短い注\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.ja.md", Content: doc}})
	e := newEngine(t)
	for term, want := range map[string]string{
		"berth": "A berth is a place where a ship is moored while it is loaded.",
		"係船柱":   "係船柱は岸壁に立つ鉄の柱です。",
		"曳船":    "曳船は大きな船を押す小さな船です。",
	} {
		if d := define(t, e, c, term); d.Text != want {
			t.Errorf("%s = %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
}

// TestJapanesePassageInAnEnglishPage: a paragraph translated in a page
// left mostly in English (a manual's partial translation) is read as
// Japanese: split at 「。」, so a usage quotes the sentence that uses the
// term, not the paragraph. The page is written for this test.
func TestJapanesePassageInAnEnglishPage(t *testing.T) {
	t.Parallel()
	doc := "# Quay\n\nA berth is a place where a ship is moored while it is loaded. Every berth has a number.\n\n" +
		"The harbour office keeps the berth list. Pilots read the berth list daily.\n\n" +
		strings.Repeat("A tug is a small boat that pushes large ships into their berths when the tide is high and the wind is strong.\n\n", 8) +
		"別名には何でも付けられます。\nダイアログを使って、信号を別名に追加できます。\nこの例では別名を定義します。\n\n" +
		"ダイアログを閉じます。\n"
	ja := "# 岸壁\n\n係船柱は岸壁に立つ鉄の柱です。係船柱に索を掛けます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "quay.md", Content: doc}, {Path: "quay.ja.md", Content: ja}})
	d := define(t, newEngine(t), c, "ダイアログ")
	if !strings.HasPrefix(d.Text, usedInPrefixJA) || strings.Contains(d.Text, "別名には") || strings.Contains(d.Text, "この例では") {
		t.Errorf("ダイアログ = %q, want one Japanese sentence quoted", d.Text)
	}
}

// TestJapaneseSubtitleIsNoGloss: a manual titled with the term over its
// subtitle in Japanese (「リファレンス・マニュアル」, KiCad's manuals) says
// what the page is, not what the term is; and two Japanese pages that
// define a Latin name differently are merged in Japanese. The pages are
// written for this test.
func TestJapaneseSubtitleIsNoGloss(t *testing.T) {
	t.Parallel()
	manual := "# Quay Editor\n\n*リファレンス・マニュアル*\n\n" +
		strings.Repeat("The Quay Editor draws berths and bollards on the harbour chart when tidectl asks for a new plan.\n\n", 6)
	a := "# tidectl\n\ntidectl は、潮位表を読む多機能な港湾管理ツールです。tidectl を起動します。\n"
	b := "# tidectl\n\ntidectl は岸壁のクレーンに対するテキストベースのインタフェースです。tidectl を終了します。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "editor.md", Content: manual}, {Path: "a.ja.md", Content: a}, {Path: "b.ja.md", Content: b}})
	e := newEngine(t)
	if d := define(t, e, c, "Quay Editor"); strings.Contains(d.Text, "マニュアル") {
		t.Errorf("Quay Editor = %q, want no gloss from the subtitle", d.Text)
	}
	en := glossary.Entry{Term: "tidectl", Category: glossary.TechnicalTerm, Occurrences: glossary.FindOccurrences(c.Docs, "tidectl")}
	d, err := e.Refine(context.Background(), c, en, []glossary.Issue{{Term: "tidectl", Type: glossary.Contradiction}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(d.Text, "と説明されている。") || strings.Contains(d.Text, "In ") {
		t.Errorf("tidectl = %q, want the two Japanese definitions merged in Japanese", d.Text)
	}
}
