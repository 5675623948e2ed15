package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
)

// TestExtractVariantsWithDifferentUnitCounts: variants of one candidate
// can be segmented into different numbers of units ("Web App" in a
// Japanese document is one unit, "web app" in English prose two words);
// ranking must not
// index one variant's units by another's count. Found on real READMEs,
// where it panicked.
func TestExtractVariantsWithDifferentUnitCounts(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := []glossary.Document{
		{Path: "en.md", Content: "# Packaging\n\nBundling the templates keeps the web app deployment to one copied binary.\n"},
		// Japanese text makes this document Japanese; kagome reads the
		// heading's "Web App" as one unit.
		{Path: "ja.md", Content: "ワタシ\n```shellsession\n```\n#### Web App\n"},
	}
	if _, err := e.Extract(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
}

// TestExtractShoutedWordsAreNotAcronyms: capitals used for emphasis or
// test output ("FAIL", "BUGFIX", "VIEW") are not acronyms; real ones stay.
func TestExtractShoutedWordsAreNotAcronyms(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Checks\n\nThe verifier signs each JWT with the tenant key.\n" +
		"run: test a... FAIL (12 matches)\nrun: test b... FAIL (3 matches)\nrun: test c... PASS\n" +
		"BUGFIX: the JWT parser accepted an empty VIEW.\nA JWT carries claims.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, w := range []string{"FAIL", "PASS", "BUGFIX", "VIEW"} {
		if _, ok := got[w]; ok {
			t.Errorf("%q extracted as a term", w)
		}
	}
	if _, ok := got["JWT"]; !ok {
		t.Errorf("JWT missing from %v", terms)
	}
}

// TestExtractKnownOrganizations: companies and standards bodies named in
// software documentation are organizations; the lower-case words they
// share a spelling with are not.
func TestExtractKnownOrganizations(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Hosting\n\nThe sources are hosted on GitHub and mirrored on GitLab.\n" +
		"Open a pull request on GitHub. The OpenAI endpoint and the GitLab runner are optional.\n" +
		"The IETF publishes the RFC; the IETF process is open.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, name := range []string{"GitHub", "GitLab", "IETF"} {
		if tm, ok := got[name]; !ok || tm.Category != glossary.Organization {
			t.Errorf("%s: %+v (found %v), want an organization", name, tm, ok)
		}
	}
}

// TestExtractSkipsHandles: words right after "@" (people's handles,
// decorators, the domain of an address) are not terms; the same words in
// prose still are.
func TestExtractSkipsHandles(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Ledger\n\nThe Quorum Ledger is maintained by @MiraKowalczyk and @tobiasfeld with feedback from @MiraKowalczyk.\n" +
		"Write to ops@Ferrowave.example about the Quorum Ledger. Apply @Deprecated to old handlers.\n" +
		"The Quorum Ledger keeps every vote. A Deprecated flag marks old handlers; Deprecated handlers still run.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, w := range []string{"MiraKowalczyk", "tobiasfeld", "Ferrowave"} {
		if _, ok := got[w]; ok {
			t.Errorf("%q extracted as a term", w)
		}
	}
	if _, ok := got["Quorum Ledger"]; !ok {
		t.Errorf("Quorum Ledger missing from %v", terms)
	}
}

// TestExtractSQLKeywordsAreNotAcronyms: SQL quoted in prose or inline code
// ("`CREATE VIRTUAL TABLE docs USING fts5(body)`") gives no CREATE, TABLE
// or USING terms; the acronyms around it stay.
func TestExtractSQLKeywordsAreNotAcronyms(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Search\n\nThe FTS module indexes the notes table.\n" +
		"- Create the index with `CREATE VIRTUAL TABLE docs USING fts5(body)`.\n" +
		"- Query it with `SELECT rowid FROM docs WHERE docs MATCH 'ledger'`.\n" +
		"The FTS index is rebuilt with `INSERT INTO docs(docs) VALUES('rebuild')`.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, w := range []string{"CREATE", "TABLE", "USING", "SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "VIRTUAL"} {
		if _, ok := got[w]; ok {
			t.Errorf("%q extracted as a term", w)
		}
	}
	if _, ok := got["FTS"]; !ok {
		t.Errorf("FTS missing from %v", terms)
	}
}

// TestExtractEnglishLinesOfJapaneseDocument: an English line of a Japanese
// document is read as English. The Japanese analyser joined words across
// its sentences ("Graphviz. For ..." gave "Graphviz For", with no
// occurrence in the text); found on a real README that holds a Japanese
// example table.
func TestExtractEnglishLinesOfJapaneseDocument(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# 形態素解析\n\n形態素解析器は文を単語に分割する。形態素解析器は辞書を使う。\n\n" +
		"| 入力 | 分割モード |\n|---|---|\n| すもももももももものうち | 通常モード |\n\n" +
		"> Note: the base image does not include Graphviz. For lattice visualization, install Graphviz first.\n" +
		"The lattice viewer needs Graphviz. Each lattice viewer reads a dot file.\n\n" +
		"説明: If this option is true, the analyser will skip broken lattices and report them when they are skipped.\n\n" +
		"説明: If this option is false, every broken lattice is kept and reported.\n\n" +
		"詳しくは Harbor Free Mooring Guidelines (HFMG) を参照。HFMG は港の規則です。\n"
	doc := glossary.Document{Path: "a.md", Content: text}
	if DetectLanguage(text) != Japanese {
		t.Fatal("the fixture must be a Japanese document")
	}
	terms, err := e.Extract(context.Background(), []glossary.Document{doc}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["Graphviz For"]; ok {
		t.Errorf("\"Graphviz For\" extracted across a sentence end: %v", terms)
	}
	for _, bad := range []string{"skipped", "option", "true", "report", "reported", "kept"} {
		// An English sentence in a Japanese line is read as English, not
		// word by word.
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted from an English stretch of a Japanese line: %v", bad, terms)
		}
	}
	for _, want := range []string{"形態素解析器", "Graphviz", "lattice viewer", "broken lattice", "Harbor Free Mooring Guidelines"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing from %v", want, terms)
		}
	}
	for _, tm := range terms {
		if len(glossary.FindOccurrences([]glossary.Document{doc}, tm.Text)) == 0 {
			t.Errorf("%q has no occurrence in the text", tm.Text)
		}
	}
}

// TestExtractLanguageNamesAlone: "English" and "Japanese" name editions or
// texts ("the manual in Japanese"), not terms; a term they start stays.
func TestExtractLanguageNamesAlone(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Manuals\n\nThe Japanese tokenizer splits text into words. Read the manual in English or in Japanese.\n" +
		"The Japanese tokenizer ships a dictionary. English and Korean editions exist.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, w := range []string{"English", "Japanese", "Korean"} {
		if _, ok := got[w]; ok {
			t.Errorf("%q extracted as a term", w)
		}
	}
	if _, ok := got["Japanese tokenizer"]; !ok {
		t.Errorf("Japanese tokenizer missing from %v", terms)
	}
}

// TestExtractPlainVerbs: verbs that are never nouns in technical prose
// ("options affect the output", "old and new types correspond") are not
// terms, however often they occur.
func TestExtractPlainVerbs(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Options\n\nSome options affect the encoder. Others affect it at the semantic layer.\n" +
		"Old and new types correspond. The encoder options only affect JSON output; the encoder options correspond to flags.\n" +
		"Status: Amends the encoder record. Plain mode stays the default. A window that stays open stays visible.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.md", Content: text}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, w := range []string{"affect", "correspond", "stays", "Amends"} {
		if _, ok := got[w]; ok {
			t.Errorf("%q extracted as a term", w)
		}
	}
	if _, ok := got["encoder option"]; !ok {
		t.Errorf("encoder option missing from %v", terms)
	}
}

// TestExtractSkipsLinkListsAndCodeSentences: a list of links names pages
// elsewhere (their titles are not the documents' terms), and a Japanese
// example sentence in inline code is not an identifier. Found on real
// Japanese READMEs (the texts are written for this test).
func TestExtractSkipsLinkListsAndCodeSentences(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# ヒバリ\n\n" +
		"ヒバリは文中の重複した語句を検出するチェッカーです。チェッカーは段落ごとに動きます。\n" +
		"チェッカーの結果はレポートにまとめられます。レポートは毎日作られます。\n\n" +
		"- 例) `今日は今日は晴れだ` → `今日は晴れだ`\n\n" +
		"## 参考\n\n" +
		"- [Duplicate Phrase Finder · Issue #12 · example/larkspur](https://example.org/issues/12 \"Duplicate Phrase Finder\")\n" +
		"- 議論: [Lexicon Weekly · 重複表現の分類](https://example.org/paper(2)_1 \"Lexicon Weekly\")\n" +
		"- [Official Website](https://example.org)\n"
	docs := []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"今日は今日は晴れだ", "今日は晴れだ", "Duplicate Phrase Finder", "Lexicon Weekly", "Official Website", "Issue"} {
		if _, ok := got[bad]; ok {
			t.Errorf("junk term %q extracted", bad)
		}
	}
	for _, want := range []string{"チェッカー", "レポート"} {
		if _, ok := got[want]; !ok {
			t.Errorf("term %q missing; got %v", want, keys(got))
		}
	}
}

func keys(m map[string]glossary.Term) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestExtractEmptyQuotedLine: a ">" line after a quoted paragraph, with
// nothing after the marker, panicked (index out of range). Found on a real
// Japanese README.
func TestExtractEmptyQuotedLine(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	for _, doc := range []string{
		"```json5\n```\n> これは問題ない文章ですか！？\n>",
		"> A quoted line.\n>\n> Another.\n",
		"- item\n-\n- other item\n",
		"Text.\n> \n",
	} {
		if _, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
	}
}

// TestExtractSkipsChangeLogSectionsAndMonths: a change log inside a README
// names functions that changed, people and dates ("Apr 02, 2017: Faster
// bit writer"); its entries are not the notions the documents explain.
// Months are never terms (May, a modal verb too, neither), nor is a verb
// that ends headings ("July 2005: Ada Quill died"). Found on real READMEs
// and Debian's history (the text is written for this test).
func TestExtractSkipsChangeLogSectionsAndMonths(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# squeeze\n\nThe squeeze encoder packs frames into blocks. Each block holds one frame table.\n" +
		"A frame table lists the offsets of the frames. The encoder writes a frame table per block.\n\n" +
		"# changelog\n\n" +
		"* Apr 02, 2017: Change back to WriteFrameTable since DrainQueue was merged upstream.\n" +
		"* Aug 26, 2019: (v1.8.1) BlockSplitter: 1-2% faster by @someone in https://example.org/pull/963\n" +
		"* Dec 29, 2019: DrainQueue fix for the BlockSplitter https://example.org/pull/964\n\n" +
		"# usage\n\nCall the encoder once per block. Releases ship in Aug and in Dec.\n" +
		"The Aug release adds features; the Dec release only fixes. Plan for Aug.\n\n" +
		"# history\n\nThe third release shipped on May 26th. May 2004 saw the next one, and in May the crew met.\n\n" +
		"### 4.13.1. July 2005: Ada Quill died\n\nAda Quill wrote the encoder.\n\n### 4.13.2. May 2013: Ben Roe died\n\nBen Roe kept the frame table.\n\n" +
		"### 4.13.3. March 2015: Cy Dale died\n\nCy Dale ran the usage docs.\n\n" +
		"### 4.13.4. April 2016: Di Moss died\n\nDi Moss died in April.\n\n### 4.13.5. June 2017: Ed Lark died\n\nEd Lark died in June.\n\n" +
		"### 4.13.6. June 2018: Flo Hart died\n\nFlo Hart died in June.\n"
	docs := []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"Apr", "apr", "Aug", "aug", "Dec", "dec", "DrainQueue", "BlockSplitter", "WriteFrameTable", "May", "died"} {
		if _, ok := got[bad]; ok {
			t.Errorf("term %q: a change log entry, a month or a verb", bad)
		}
	}
	for _, want := range []string{"frame table", "encoder"} {
		if _, ok := got[want]; !ok {
			t.Errorf("term %q missing; got %v", want, keys(got))
		}
	}
}

// TestExtractEnglishWordsOfJapaneseLines: a Latin word that the Japanese
// analyser reads (a line with a Japanese example) follows the English
// rules, so "strings" merges into "string" instead of standing beside it.
// Found on a real English README with Japanese examples (the text is
// written for this test).
func TestExtractEnglishWordsOfJapaneseLines(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Kana\n\n" +
		"In kana.js, UNICODE stands for JavaScript strings (e.g. \"こんにちは\" or \"さようなら\").\n" +
		"Every string is converted to an array of code points. A string can hold any character.\n" +
		"Convert the string first, then compare strings (例: \"カナ\") by their code points.\n" +
		"Pass a string and get a string back. Empty strings (\"\" or \"　\") stay empty.\n" +
		// Enough kana for the document to be read as Japanese.
		"Examples: \"ひらがなとカタカナのまじった文字列\" and \"ハンカクカナの文字列\" are strings too.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["strings"]; ok {
		t.Errorf("\"strings\" stands beside \"string\"; got %v", keys(got))
	}
}

// TestExtractNamesStartingWithCommonWords: "Open", "Free", "New" and "Long"
// capitalised inside a sentence, and "Let's" before a name ("Let's
// Encrypt", not "Let's Start ..."), start a name ("the Open Source Technology
// Improvement Fund"), not a stop word that cuts it.
func TestExtractNamesStartingWithCommonWords(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Audit\n\nAn audit was paid for by the Open Source Technology Improvement Fund (OSTIF).\n" +
		"The Open Source Technology Improvement Fund pays for audits of open projects.\n" +
		"We also thank the Free Software Foundation. The Free Software Foundation hosts the list.\n" +
		"Release 4 leaves Long Term Support in May. Each Long Term Support line gets fixes for a year.\n" +
		"Let's Encrypt issues free certificates. The proxy asks Let's Encrypt for a certificate. Let's add a router.\n" +
		"## Let's Start With a Router\n\nLet's see how it works.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"Open Source Technology Improvement Fund", "Free Software Foundation", "Long Term Support", "Let's Encrypt"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing; got %v", want, keys(got))
		}
	}
	for _, bad := range []string{"Source Technology Improvement Fund", "Software Foundation", "Term Support", "Encrypt", "Let's", "Let's Start", "Let's add"} {
		if _, ok := got[bad]; ok {
			t.Errorf("cut name %q extracted", bad)
		}
	}
}

// TestExtractKatakanaLoanwordPieces: the dictionary splits loanwords it
// lacks into pieces it has (クラスター as クラ+スター, ワークロード as
// ワーク+ロード); nested in many compounds, the pieces became terms. Two long
// words (コンテナ+イメージ) are still a compound whose parts can be terms.
func TestExtractKatakanaLoanwordPieces(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 運用\n\n" +
		"港湾クラスターは倉庫ノードの集まりです。クラスター管理者は港湾クラスターを監視します。\n" +
		"検証クラスターと本番クラスターを分けます。クラスターごとにワークロードを配置します。\n" +
		"夜間ワークロードと日中ワークロードがあります。ワークフローはワークロードを順に動かします。\n" +
		"コンテナイメージからコンテナを作ります。コンテナイメージは倉庫に置きます。コンテナは軽量です。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"クラスター", "ワークロード", "クラスター管理者", "コンテナイメージ", "コンテナ"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing; got %v", want, keys(got))
		}
	}
	for _, bad := range []string{"クラ", "スター", "ワーク", "ロード"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is a piece of a word; got %v", bad, keys(got))
		}
	}
}

// TestExtractPiecesOfOneCompound: a word never used alone and nested only
// in one compound and its extensions ("plane" of "control plane", "control
// plane component", "harbor control plane") is a piece of that compound;
// a quantity with size words only ("total number", Postfix's "maximal
// number") is not a term, nor is a size word alone ("maximal").
func TestExtractPiecesOfOneCompound(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Harbor\n\n" +
		"The control plane schedules ships. Every control plane component runs on a tower.\n" +
		"The harbor control plane keeps the berth list. A control plane component can restart.\n" +
		"The control plane has a leader. Each control plane component votes.\n\n" +
		"Operators limit the total number of berths. The total number of tugs is fixed.\n" +
		"Check the total number of pilots each day, and the total number of ships.\n" +
		"The maximal number of tugs per berth is three. The maximal number of pilots is set at night.\n" +
		"A maximal wait applies, and the maximal delay is an hour. Maximal waits are logged.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["control plane"]; !ok {
		t.Errorf("\"control plane\" missing; got %v", keys(got))
	}
	for _, bad := range []string{"plane", "total number", "maximal number", "maximal"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is not a term; got %v", bad, keys(got))
		}
	}
}

// TestExtractDocumentTitle: a glossary page's title (a level-1 heading on
// the first line, its summary right under it) is a use of the term it
// spells, although the summary never repeats it; other headings name
// sections and are not.
func TestExtractDocumentTitle(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	docs := []glossary.Document{
		{Path: "breakwater.md", Content: "# Breakwater\nA wall built out into the sea to protect a harbor from waves.\n\n" +
			"## Maintenance\n\nDivers inspect the stones every spring.\n"},
		{Path: "slipway.md", Content: "# 船台\n船を陸から水面へ下ろすための傾斜した台です。\n\n## 点検\n\n毎年の春に潜水士が石を点検します。\n"},
		{Path: "notes.md", Content: "# Harbor notes\n\nShips arrive at dawn. The harbor office opens at six.\n"},
	}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"breakwater", "船台"} {
		if _, ok := got[want]; !ok {
			t.Errorf("title %q missing; got %v", want, keys(got))
		}
	}
	for _, bad := range []string{"Maintenance", "点検", "Harbor notes"} {
		if _, ok := got[bad]; ok {
			t.Errorf("heading %q is not a term; got %v", bad, keys(got))
		}
	}
}

// TestExtractSetextHeadings: a paragraph underlined with "=" or "-" is a
// heading (CommonMark's setext form, common in older READMEs and text
// files): its capitalised words are not names ("Retention Policy" gave
// the term "Policy").
func TestExtractSetextHeadings(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "Quillmoor Broker\n================\n\nQuillmoor is a broker for small teams.\n\n" +
		"Getting Started\n---------------\n\nInstall the broker with the installer.\n\n" +
		"Retention Policy\n----------------\n\nA retention policy says how long the broker keeps messages. " +
		"Each stream has one retention policy.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["retention policy"]; !ok {
		t.Errorf("\"retention policy\" missing; got %v", keys(got))
	}
	for _, bad := range []string{"Policy", "Retention Policy", "Getting Started"} {
		if _, ok := got[bad]; ok {
			t.Errorf("heading words %q are not a term; got %v", bad, keys(got))
		}
	}
}

// TestExtractCamelCasePlurals: an UpperCamelCase kind written in the
// plural is the same term ("MooringSlots" beside "MooringSlot"); a
// camelCase field keeps its plural name ("berthSlots" is the field).
func TestExtractCamelCasePlurals(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Harbor\n\nA MooringSlot holds one ship. MooringSlots are listed per pier. Create MooringSlots before arrival.\n" +
		"Each MooringSlot has a number. The berthSlots field lists them; set berthSlots in the pier spec.\n" +
		"The berthSlot of a ship is fixed. Read berthSlots again after a change. See Add BerthSlots to a Pier.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	if _, ok := got["MooringSlot"]; !ok {
		t.Errorf("MooringSlot missing; got %v", keys(got))
	}
	if _, ok := got["MooringSlots"]; ok {
		t.Errorf("MooringSlots stands beside MooringSlot; got %v", keys(got))
	}
	if _, ok := got["berthSlots"]; !ok {
		t.Errorf("the field berthSlots missing; got %v", keys(got))
	}
}

// TestExtractPluralNameWithASlip: a name written in the plural page after
// page ("tideattributes", a file) keeps its plural when the singular is a
// slip written once; a word whose singular the text uses ("tug" beside
// "tugs") is named in the singular.
func TestExtractPluralNameWithASlip(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	var b strings.Builder
	b.WriteString("# Tides\n\nEdit tideattribute once.\n\n")
	for i := 0; i < 25; i++ {
		b.WriteString("Each line of tideattributes sets the tide of a berth. Tugs wait at the quay.\n\n")
	}
	b.WriteString("A tug pushes ships. Call a tug early. Each tug has a crew.\n")
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: b.String()}, {Path: "b.md", Content: b.String()}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"tideattributes", "tug"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing; got %v", want, keys(got))
		}
	}
}

// TestExtractSkipsManualPageRunningLines: the header and footer of a
// manual page saved as text ("MOORTAB(5) Harbour Programmer's Manual
// MOORTAB(5)") are the page's running title, not terms; its text is read.
func TestExtractSkipsManualPageRunningLines(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	var docs []glossary.Document
	for _, name := range []string{"MOORTAB(5)", "TIDETAB(5)", "BERTHS(7)"} {
		docs = append(docs, glossary.Document{Path: strings.ToLower(strings.TrimSuffix(name, ")")) + ".txt",
			Content: name + " Harbour Programmer's Manual " + name + "\n\nNAME\n       " + strings.ToLower(name[:len(name)-3]) +
				" - the berth table of the quay\n\nDESCRIPTION\n       The berth table lists every mooring slot of the quay.\n" +
				"       Each mooring slot has a number and a depth.\n\nQuay 2.1 2024-05-01 " + name + "\n"})
	}
	terms, err := e.Extract(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"Harbour Programmer", "Harbour Programmer's Manual", "Manual", "Programmer"} {
		if _, ok := got[bad]; ok {
			t.Errorf("term %q: a manual page's running title", bad)
		}
	}
	if _, ok := got["mooring slot"]; !ok {
		t.Errorf("mooring slot missing; got %v", keys(got))
	}
}

// TestExtractModifierCompounds: 単一 opens a compound (「単一障害点」,
// 「単一ファイルコンポーネント」) instead of ending the run before it, as do
// action and state nouns before a noun or a suffix (「利用料金」, 「実行環境」,
// 「状態コード」, 「問題解決ツール」, 「利用者」, 「使用量」), 等 before a suffix
// is inside a word (「冪等性」) though it still ends 「ファイル等」, and 点 may
// end one after a noun; compounds of abstract words only (「改善点」,
// 「相違点」, 「注意点」) are still not terms, nor is 単一 alone.
func TestExtractModifierCompounds(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 可用性\n\n" +
		"単一障害点とは、そこが止まると全体が止まる箇所です。単一障害点をなくします。単一障害点を探します。\n" +
		"単一ファイルコンポーネントは部品を一つのファイルにまとめます。単一ファイルコンポーネントを書きます。\n" +
		"注意点を読みます。改善点を直します。相違点を記録します。注意点と改善点と相違点を確認します。\n" +
		"値は単一です。単一の値を返します。\n" +
		"利用料金は毎月払います。利用料金を確認します。実行環境を用意します。実行環境は二つあります。\n" +
		"利用方法を読みます。利用方法は簡単です。設定を利用します。\n" +
		"冪等性を保ちます。冪等性が無いと壊れます。ファイル等を消します。ファイル等が残ります。\n" +
		"状態コードを返します。状態コードは二百です。問題解決ツールを使います。問題解決ツールは便利です。\n" +
		"利用者が増えました。利用者は多いです。使用量を測ります。使用量は多いです。問題ありません。状態が変わります。\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"単一障害点", "単一ファイルコンポーネント", "利用料金", "実行環境", "冪等性", "状態コード", "問題解決ツール", "利用者", "使用量"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing; got %v", want, keys(got))
		}
	}
	for _, bad := range []string{"単一障害", "ファイルコンポーネント", "注意点", "改善点", "相違点", "単一", "料金", "利用方法", "利用", "ファイル等",
		"解決ツール", "コード", "問題", "状態"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is not a term; got %v", bad, keys(got))
		}
	}
}

// TestExtractDefinedGerunds: an -ing word that a heading, a list key or a
// sentence subject before "is" states ("## Sharding", "**Batching**:
// ...", "Sharding is the practice ...") is a candidate at two uses; one
// only used in running text ("loading") still needs to recur far more.
func TestExtractDefinedGerunds(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Scaling\n\n## Sharding\n\n" +
		"Sharding is the practice of splitting one dataset across several servers by a key.\n\n" +
		"## Glossary\n\n" +
		"- **Batching**: grouping many small writes into one request.\n" +
		"- Backfilling: loading historical rows into a new table.\n\n" +
		"Batching cuts the number of requests. Backfilling runs at night.\n" +
		"The job keeps loading rows. Loading takes an hour.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, want := range []string{"sharding", "batching", "backfilling"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%q missing; got %v", want, keys(got))
		}
	}
	if _, ok := got["loading"]; ok {
		t.Errorf("%q is only used; got %v", "loading", keys(got))
	}
}

// TestExtractVerbsAndAdverbsEndPhrases: a word in -s right after a
// relative pronoun is the clause's verb ("a dredger that digs sediment"
// gives no "digs sediment"), and adverbs such as "sideways" end a phrase
// ("pushes the bow sideways" gives no "bow sideway").
func TestExtractVerbsAndAdverbsEndPhrases(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Harbor\n\n" +
		"A dredger is a vessel that digs sediment from the channel. The thruster pushes the bow sideways.\n" +
		"Every dredger that digs sediment is slow. A thruster that moves the bow sideways saves time.\n" +
		"Sediment builds up. The bow turns. Check the sediment.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: doc}, {Path: "b.md", Content: doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"digs sediment", "dig sediment", "bow sideway", "bow sideways", "moves the bow"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is not a term; got %v", bad, keys(got))
		}
	}
	if _, ok := got["sediment"]; !ok {
		t.Errorf("%q missing; got %v", "sediment", keys(got))
	}
}

// TestExtractDefinedKanjiWords: a one-token kanji word is a common noun,
// kept only when it recurs a lot; one the text states as a sentence's
// subject (「喫水とは、…」, 「喫水、すなわち…」) is a candidate at three uses,
// and an undefined one used as often is not; in text written with 「，．」
// too (「喫水，すなわち…」).
func TestExtractDefinedKanjiWords(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# メモ\n\n喫水、すなわち水面から船底までの深さは、積み荷で変わります。喫水を測ります。喫水が深い。\n" +
		"荷物を運びます。荷物が重い。荷物を置きます。\n"
	zen := strings.NewReplacer("、", "，", "。", "．").Replace(doc)
	for _, d := range []string{doc, zen, strings.Replace(zen, "喫水，すなわち水面から船底までの深さは", "喫水は，水面から船底までの深さで", 1)} {
		terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "a.md", Content: d}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := byText(terms)
		if _, ok := got["喫水"]; !ok {
			t.Errorf("%q missing from %q; got %v", "喫水", d, keys(got))
		}
		if _, ok := got["荷物"]; ok {
			t.Errorf("%q is only used; got %v", "荷物", keys(got))
		}
	}
}

// TestEnglishStretches: English prose inside a Japanese line is taken out
// to be read as English; names and lists of values stay in the Japanese
// text.
func TestEnglishStretches(t *testing.T) {
	t.Parallel()
	const b = string(boundary)
	for _, tc := range []struct{ in, en, rest string }{
		{"説明: If this option is true, the tug will wait.", ": If this option is true, the tug will wait." + b, "説明" + b},
		{"詳しくは Harbor Free Mooring Guidelines (HFMG) を参照。", "", "詳しくは Harbor Free Mooring Guidelines (HFMG) を参照。"},
		{"メソッド: GET, POST, PUT, DELETE, MOOR, UNMOOR", "", "メソッド: GET, POST, PUT, DELETE, MOOR, UNMOOR"},
		{"Pod は小さな単位です。", "", "Pod は小さな単位です。"},
	} {
		en, rest := englishStretches(tc.in)
		if en != tc.en || rest != tc.rest {
			t.Errorf("englishStretches(%q) = %q, %q; want %q, %q", tc.in, en, rest, tc.en, tc.rest)
		}
	}
}

// TestExtractDotfiles: a dotfile keeps its dot (".htaccess", ".npmrc"); a
// file extension written as a noun (".deb package", ".changes file"), a
// glob ("`*.js`") and a method (".anchor()", ".unmoor()") are not dotfiles. The text is written for this test.
func TestExtractDotfiles(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Harbor config\n\nIn .htaccess files, each berth rule is read. Put the berth rules in a .htaccess file.\n" +
		"The .npmrc file holds the registry. Copy .npmrc to the quay.\n" +
		"Build a .deb package, then a .deb package again. Match `*.js` and `*.js` files.\n" +
		"Sign the .changes file, then the .changes file of the tug.\n" +
		"Call `.anchor()` on a tug, then `.anchor()` again. Use .unmoor() to leave, and .unmoor() again.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{".htaccess", ".npmrc"},
		[]string{"htaccess", "npmrc", ".deb", ".js", ".changes", ".anchor", ".unmoor"})
}

// TestExtractQuestionVerbs: in a question the word after an auxiliary and
// a named subject is a verb ("How does Debian support ..."); "major" and
// "individual" alone are no terms. Found in an FAQ (the texts are written
// for this test).
func TestExtractQuestionVerbs(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Questions\n\n## How does Harbourd support non-English languages?\n\n" +
		"We like Harbourd for its tide table. Does Harbourd support Java? Can Harbourd route TCP?\n" +
		"Harbourd is a major mooring system, one of the major standards. There are three major releases.\n" +
		"If you install individual packages you get a mixed system. Any individual component can be upgraded. It is developed by individuals.\n" +
		"Harbourd packages ship a tide table.\n"
	checkTerms(t, "", extractPair(t, e, text),
		[]string{"Harbourd", "tide table", "Java", "TCP", "major release", "individual package", "Harbourd package"},
		[]string{"Harbourd support non-English language", "Harbourd support Java", "Harbourd route TCP", "Harbourd route", "major", "individual"})
}

// TestExtractSlashNames: a name written with a slash ("TCP/IP", "I/O",
// "GNU/Linux", "HTTP/2"), in English and in Japanese text, is one term,
// written as the text writes it (two acronyms are not a shouted word);
// paths ("net/http", and in Japanese the directories of
// "/var/lib/quaylog/", not the file a path ends in) and word pairs
// ("read/write", "Yes/No") are not terms, nor is "N/A", and a verb in "-s" before a name
// ends the phrase before it ("The harbour office runs Tidal ..."). The
// texts are written for this test.
func TestExtractSlashNames(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	en := "# Harbour net\n\nThe harbour office runs Tidal GNU/Linux on every desk. TCP/IP links the cranes, and disk I/O limits the log server.\n" +
		"The gateway speaks HTTP/2. Change the boot order in BIOS/UEFI. Import net/http for the client. Answer the Yes/No prompt. Take read/write locks.\n" +
		"Use the ACME/Let's Encrypt resolver. The old call is N/A; the new one is N/A too.\n"
	ja := "# 港湾ネット\n\n港湾事務所では Tidal GNU/Linux を使います。TCP/IP でクレーンをつなぎ、ログサーバーの I/O を測ります。\n" +
		"ゲートウェイは HTTP/2 を話します。起動には BIOS/UEFI 設定を変更します。\n" +
		"潮位ログは /var/lib/quaylog/berths/ に置かれます。詳しくは /usr/share/doc/quaylog/README を読みます。\n" +
		"設定は /etc/tidemark.conf に書きます。潮位表は HTML/テキストの二つの形式で出力します。\n"
	for name, doc := range map[string]string{"en": en, "ja": ja} {
		terms := extractPair(t, e, doc)
		want := []string{"Tidal GNU/Linux", "TCP/IP", "I/O", "HTTP/2", "BIOS/UEFI"}
		if name == "en" {
			want = append(want, "harbour office")
		} else {
			want = append(want, "tidemark.conf", "HTML")
		}
		checkTerms(t, name+": ", terms, want, []string{"N/A", "net/http", "Yes/No", "read/write", "TCP", "IP", "HTTP", "Tidal GNU",
			"var", "lib", "quaylog", "berths", "usr", "share"})
		for _, x := range terms {
			if strings.Contains(strings.ToLower(x.Text), "/let") {
				t.Errorf("%s: %q extracted: a slash joins names, not a contraction", name, x.Text)
			}
		}
	}
}

// TestExtractPlusNames: in Japanese text, a plus between two words in
// capitals ("WEB+DB PRESS") joins a name; the words after it are no term
// of their own. The text is written for this test.
func TestExtractPlusNames(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	ja := "# 港湾用語\n\nTIDE+BERTH PRESS用語統一ルールをベースにした表記揺れ補正辞書です。\n" +
		"TIDE+BERTH PRESS用語統一ルールは港湾の用語をまとめます。TIDE+BERTH PRESS を参照します。\n"
	checkTerms(t, "", extractPair(t, e, ja), []string{"TIDE+BERTH PRESS"},
		[]string{"BERTH PRESS", "BERTH PRESS用語統一ルール", "TIDE"})
}

// TestExtractNamesWithSigns: "C++", "C#" and the "B+" of "B+ tree" keep
// their signs, in English and in Japanese text; "B+" alone, a sum ("A+B"),
// a mode ("r+") and an anchor ("page#intro") are no names. The texts are
// written for this test.
func TestExtractNamesWithSigns(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	en := "# Quay stores\n\nThe B+ tree database keeps berths in order. A B+ tree database is slower than a hash store.\n" +
		"Bindings exist for C++ and C#; the C++ binding wraps the C API.\n" +
		"Open the log in mode r+ and write A+B to the page#intro anchor. Grade B+ is enough.\n"
	checkTerms(t, "en: ", extractPair(t, e, en), []string{"B+ tree database", "C++", "C#"},
		[]string{"tree database", "B+", "A+B", "r+", "page#intro"})
	ja := "# 岸壁ストア\n\nB+木データベースは岸壁を順序どおりに保持します。B+木データベースはハッシュストアより遅いです。\n" +
		"C++とC#のバインディングがあります。C++用APIはクラスで包みます。\n"
	checkTerms(t, "ja: ", extractPair(t, e, ja), []string{"B+木データベース", "C++", "C#", "C++用API"},
		[]string{"木データベース", "B+"})
}

// TestExtractSkipsMailSenders: a change log kept as mails names each
// change's sender ("From: Name <address>") and commits sign off by name;
// those people are not terms, the changes' words are.
func TestExtractSkipsMailSenders(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	var b strings.Builder
	for i := 0; i < 4; i++ {
		b.WriteString("From: Tamsin Lockwood <tamsin@example.org>\nSubject: quay index fix\nThe quay index now skips empty berths.\n\n")
		b.WriteString("From: Oskar Penhallow <oskar@example.net>\nThe tide table parser reads leap days.\n" +
			"Signed-off-by: Ilse Marchetti <ilse@example.org>\n\n")
	}
	b.WriteString("From: the harbour office, a quay index is sent each week.\n")
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "HISTORY.txt", Content: b.String()}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := byText(terms)
	for _, bad := range []string{"Tamsin Lockwood", "Oskar Penhallow", "Ilse Marchetti", "Lockwood", "Penhallow", "Marchetti"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q extracted", bad)
		}
	}
	for _, want := range []string{"quay index", "tide table parser"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, terms)
		}
	}
}

// TestExtractVerbsInS: a verb in -s ends the phrase before it when a
// name in mixed case ("OpenTide") or a verb in -ing ("connecting") follows:
// R's manual had "clang build supports OpenMP", Mutt's "Mutt support". The
// text is written for this test.
func TestExtractVerbsInS(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Berths\n\nIf the quay build supports OpenTide, enable it.\n\nQuaylog supports connecting to tide gauges.\n\n" +
		"Quaylog supports reading berth logs. The quay build is slow. The berth syntax varies by quay:\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"quay build", "OpenTide", "tide gauge", "berth syntax"},
		[]string{"quay build supports OpenTide", "quay build support", "Quaylog support", "quaylog support", "Quaylog supports", "berth syntax vary"})
}

// TestExtractPossessiveTitles: a possessive inside the title of a
// publication ("User's Manual", "Developer's Reference") does not split
// it into a name and a bare "Manual", in English or Japanese text; cited
// manuals are not terms in either (Debian's maintainer guide in Japanese
// had "Manual", "Reference" and "Debian Developer"). The text is written
// for this test.
func TestExtractPossessiveTitles(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	en := "# Berths\n\nSee the Quaylog Pilot's Manual and the Harbor Keeper's Reference for the tide tables.\n" +
		"The Quaylog Pilot's Manual lists every berth. Read the Harbor Keeper's Reference first.\n" +
		"The harbor master's office opens at six.\n"
	checkTerms(t, "English: ", extractPair(t, e, en), []string{"Harbor Keeper's Reference", "tide table"},
		[]string{"Quaylog Pilot", "Harbor Keeper", "Manual", "Reference", "Quaylog Pilot's Manual"})
	ja := "# 港湾\n\n詳しくは Harbor Keeper's Reference と Harbor Keeper’s Reference 5.2 を参照下さい。Quaylog Pilot's Manual (https://quaylog.example/manual/) を読んでください。\n" +
		"潮位表は Harbor Policy Manual, 8.1 と Harbor Policy Manual, 8.2 にあります。(詳しくは quaylog Manual を参照。) 潮位表を毎日確認します。\n"
	checkTerms(t, "Japanese: ", extractPair(t, e, ja), []string{"Harbor Keeper's Reference", "潮位表"},
		[]string{"Harbor Keeper", "Reference", "Manual", "Harbor Policy Manual", "Quaylog Pilot"})
}

// TestExtractAfterSpacedDash: a spaced dash separates an option's fields
// like a colon ("- Default: `100` - Maximum number of cached sessions.",
// undici's reference), so the capital after it opens a clause, not a
// name. The text is written for this test.
func TestExtractAfterSpacedDash(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Options\n\n" +
		"* **maxBerths** `number` (optional) - Default: `12` - Maximum number of berths in a quay.\n" +
		"* **maxTugs** `number` (optional) - Default: `4` - Maximum number of tugs per ship.\n" +
		"* **maxPilots** `number` - Default: `2` - Maximum number of pilots on duty — Maximum values are checked.\n\n" +
		"Each quay has berths. A tug pulls a ship.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"maxBerths"}, []string{"Maximum number", "Maximum", "Maximum value"})
}

func TestShortcodeLen(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s    string
		i, n int
	}{
		{":x:", 0, 3}, {"| :heavy_check_mark:¹ |", 2, 18}, {"see :memo: now", 4, 6},
		{"std::vector", 3, 0}, {"at 10:30:45", 5, 0}, {"Note: read", 4, 0}, {":: x", 0, 0}, {":tada:s", 0, 0},
	} {
		if got := shortcodeLen(tc.s, tc.i); got != tc.n {
			t.Errorf("shortcodeLen(%q, %d) = %d, want %d", tc.s, tc.i, got, tc.n)
		}
	}
}

// TestExtractKanaDropWords: 「ら抜き言葉」 and 「さ入れ言葉」 keep their kana,
// which the dictionary reads as a particle ("抜き言葉" was a term of
// textlint's rule documents); a particle after a noun is none
// (「パッケージを入れます」 made "パッケージを入れ" a term). The text is
// written for this test.
func TestExtractKanaDropWords(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	ja := "# 文体\n\nら抜き言葉は話し言葉です。ら抜き言葉を検出します。さ入れ言葉も避けます。さ入れ言葉は誤用です。\n" +
		"この文を書き抜きます。係留パッケージを入れます。係留パッケージを入れてから使います。\n"
	checkTerms(t, "", extractPair(t, e, ja), []string{"ら抜き言葉", "さ入れ言葉"}, []string{"抜き言葉", "入れ言葉", "係留パッケージを入れ", "を入れ"})
}

// TestExtractPrimitiveTypes: a parameter list's types, capitalised as
// Java and JSDoc write them ("month: Integer - the month"), are not terms;
// a type with its own name is. The text is written for this test.
func TestExtractPrimitiveTypes(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Tides\n\n## API\n\n+ year: Integer - the year\n+ month: Integer - the month (1-12)\n+ name: String - the berth name\n" +
		"+ open: Boolean - whether the berth is open\n+ table: TideTable - the tide table\n\nThe TideTable lists the tides. An Integer is returned.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"TideTable"}, []string{"Integer", "String", "Boolean"})
}

// TestExtractReferenceFieldDescriptions: in an API reference a type in
// braces stands before its description ("Returns: {Promise} Fulfills with
// ...", Node's), and a participle before "that" opens a clause ("Flag
// indicating that ...", in a table of constants): neither is part of a
// name. The text is written for this test.
func TestExtractReferenceFieldDescriptions(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# quay.moor(berth)\n\n* `berth` {string} Berth name.\n* `tide` {integer} Optional tide level, an optional field.\n* Returns: {Promise} Fulfills with `undefined` upon success.\n\n" +
		"The promise fulfills once the tide gauge reads the berth.\n\n" +
		"# quay.drift(berth)\n\n* Returns: {Promise} Fulfills with a {TideGauge} object.\n\n" +
		"| Constant | Description |\n| --- | --- |\n| `M_OK` | Flag indicating that the berth is free. |\n" +
		"| `M_LOCK` | Flag indicating that the berth is locked. |\n| `M_TIDE` | Flag indicating whether the tide gauge runs. |\n\n" +
		"The tide gauge runs on the Quaylog Harbor Service. The Quaylog Harbor Service keeps the tide gauge.\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"tide gauge", "Quaylog Harbor Service"},
		[]string{"Fulfills", "fulfills", "Flag indicating", "flag indicating", "Optional", "optional"})
}

// TestExtractPredicateAdjectiveAtClauseEnd: a bare word between a copula
// and the end of its clause ("the destination path to be absolute.",
// Node's fs page) is a predicate adjective, not a name; "is a daemon."
// still names one. Adjectives that only modify ("recursive", "numeric",
// "negative" before a parameter in emphasis, "a negative *step*",
// "relative", an option spelled like one) and "detailed information" are
// no terms either. The text is written for this test.
func TestExtractPredicateAdjectiveAtClauseEnd(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Berths\n\nWindows berths require the mooring line to be absolute. A berth line is absolute, and the quay log is absolute.\n" +
		"When the tide gauge is idle, the berth is absolute. The harbor clock is a tidewatcher.\n" +
		"Each tidewatcher reads the tide gauge. The tidewatcher is a daemon.\n" +
		"Set `recursive` to true for nested berths. The tide gauge is recursive when recursive is set, numeric or relative. " +
		"For detailed information, see the tide gauge notes. For detailed information on berths, read on.\n" +
		"If the gauge raises TideError, the berth is closed. The quay raises BerthError. A positional berth goes first; positional berths are read in order.\n" +
		"Pass an arbitrary *berth*. For a negative *step*, the tides turn; a negative *depth* is refused; an arbitrary *tide* is read. If *step* is negative, it waits.\n" +
		"An arbitrary *quay* is read. A negative *quay* is refused.\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"tide gauge", "tidewatcher"},
		[]string{"absolute", "recursive", "numeric", "relative", "detailed information", "raises", "positional", "arbitrary", "negative"})
}

// TestExtractDunderNames: "__init__.py" keeps its leading underscores
// (Python's tutorial made "init__.py" a term), and "object.__setattr__" its
// trailing ones (attrs' docs made "object.__setattr" a term). The text is
// written for this test.
func TestExtractDunderNames(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Berths\n\nThe `__berth__.py` files are required to make the harbor treat folders as quays.\n" +
		"Each quay holds one `__berth__.py` file. A __berth__.py file may be empty. The __berth__.py file runs first.\n" +
		"The quay calls __init__ on each berth, and __init__ sets the tide. You __must__ read the tide log; the tide log __must__ be kept.\n" +
		"Here it uses `quay.__moor__` to moor the ship. Then `quay.__moor__` runs again, and quay.__moor__ is logged.\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"__berth__.py", "tide log", "quay.__moor__"}, []string{"berth__.py", "init__", "__must__", "must__", "quay.__moor"})
}

// TestExtractLicenseNoticeWords: an MIT or Apache notice copied into a
// README names "the Software" and "the License" in every sentence, and
// sets them in capitals ("THE SOFTWARE IS PROVIDED"): they are the
// notice's words, not the documents' terms. The notice is written for this
// test in the usual wording.
func TestExtractLicenseNoticeWords(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Quaytool\n\nQuaytool books berths. A berth plan lists the berths; the berth plan is saved.\n\n## License\n\n" +
		"Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction.\n\n" +
		"The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\n" +
		"THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND. IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM ARISING FROM THE SOFTWARE.\n\n" +
		"Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file except in compliance with the License.\n" +
		"Unless required by applicable law, software distributed under the License is distributed on an \"AS IS\" BASIS.\n" +
		"See the License for the specific language governing permissions and limitations under the License.\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"berth plan"}, []string{"Software", "software", "License", "license", "AUTHORS"})
}

// TestExtractPeopleWithAddresses: a package's notices list its authors
// and contributors one per line with an address ("- Brian Ashgrove
// (https://example.org/ba)", "Jon Tallis <jon@example.org>"): people,
// not terms. The text is written for this test.
func TestExtractPeopleWithAddresses(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Quaytool\n\nQuaytool books berths with the Berth Planner. The Berth Planner saves plans.\n\n" +
		"Contributors:\n\n- Brian Ashgrove (https://example.org/ba)\n- Jon Tallis <jon@example.org> (https://example.org/jt)\n- Ilse Marchetti <ilse@example.org>\n\n" +
		"## Berth Planner\n\nThe Berth Planner is a tool.\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"Berth Planner"}, []string{"Brian Ashgrove", "Jon Tallis", "Ilse Marchetti"})
}

// TestExtractSkipsForeignPassages: a page translated in part ("Das
// Debian-Quellpaket ist eine Gruppe von Eingabedateien ...", beside the
// paragraphs left in English) gives no German words as terms. The text is
// written for this test.
func TestExtractSkipsForeignPassages(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	text := "# Liegeplätze\n\nDas Liegeplatzpaket ist eine Gruppe von Eingabedateien, die zum Bau des Hafenpakets verwandt werden.\n\n" +
		"Der Arbeitsablauf wird in der Datei berth.conf beschrieben, und die Datei wird von dem Planer gelesen.\n\n" +
		"The berth planner reads berth.conf. The berth planner assigns each ship a berth.\n"
	checkTerms(t, "", extractPair(t, e, text), []string{"berth planner"}, []string{"Datei", "der", "Arbeitsablauf", "Eingabedateien", "Liegeplatzpaket", "und"})
}

// TestExtractSummaryOpeningWithItsVerb: a summary that opens with its verb
// before a name ("Converts Japanese Kanji numeral to number.", a package's
// tagline) has no name "Converts Japanese Kanji", nor does "Checks the
// Tide Table ..." make "Checks" a word of one. The text is written for
// this test.
func TestExtractSummaryOpeningWithItsVerb(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# tide-numeral\n\nConverts Harbour Kanji numeral to number.\n\n## Usage\n\nConverts Harbour Kanji numeral <=> number. Checks the Tide Table of a port.\n\n" +
		"- Throws `TideError` when the argument is not a string.\n- Throws `Error` when the argument is no numeral.\n\n" +
		"The Harbour Kanji numeral is old. The Tide Table is printed daily.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"Harbour Kanji numeral", "Tide Table"},
		[]string{"Converts Harbour Kanji", "Converts Harbour Kanji numeral", "Checks", "Converts", "throws", "Throws"})
}

// TestExtractLibraryNamedWithAVerb: a library named with a common verb
// ("Serve", as Click is) is a name where the page writes it capitalised in
// the middle of sentences more often than the verb in lower case; a page
// that serves ships ("Click OK", "click the button" in a GUI's manual)
// keeps the verb out. Function words written capitalised ("None" in
// Python's prose) stay out. The text is written for this test.
func TestExtractLibraryNamedWithAVerb(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	lib := "# Serve\n\nServe is a Python package for berth planning. With Serve you write less code.\n\n" +
		"Testing Serve applications is easy, and Serve supports lazy loading. The value is None when no berth is free, and None again later.\n"
	checkTerms(t, "library: ", extractPair(t, e, lib), []string{"Serve"}, []string{"None"})
	gui := "# Berths\n\nTo serve a ship, serve it at a free berth. Tugs serve at night.\n\nServe the tug, then press Serve in the berth panel.\n"
	checkTerms(t, "verb: ", extractPair(t, e, gui), []string{"berth panel"}, []string{"Serve"})
}

// TestExtractPackageTitle: a README titled with its package's name alone
// ("# tidy-berth-plan" over its tagline) is about that package, though its
// prose never names it again; a title of words ("# Berth Plans") or with
// spaces ("# Tide - Go Client") is not made a term that way. The texts are
// written for this test.
func TestExtractPackageTitle(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	pkg := "# tidy-berth-plan [![Build](https://example.com/b.svg)](https://example.com)\n\nFormats berth plans for a quay.\n\n" +
		"## Install\n\n```\nnpm install tidy-berth-plan\n```\n\nUse it with the tide tables of a port.\n"
	checkTerms(t, "package: ", extractPair(t, e, pkg), []string{"tidy-berth-plan"}, nil)
	words := "# Tide - Go Client\n\nA Go client for the tide tables of a port.\n"
	checkTerms(t, "words: ", extractPair(t, e, words), nil, []string{"Tide - Go Client", "Tide -"})
}

// TestExtractSkipsLicenseAppendix: the license a manual appends ("##
// Appendix F. GNU General Public License", "### F.2. TERMS AND CONDITIONS
// FOR COPYING, DISTRIBUTION AND MODIFICATION", as Debian's installation
// guide does) is not the manual's text: "FREE" and "Public License" are no
// terms of it. The text is written for this test.
func TestExtractSkipsLicenseAppendix(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Tide Manual\n\n## 1. Tides\n\nA tide gauge measures the water. Read the tide gauge daily.\n\n" +
		"## Appendix F. GNU General Public License\n\n### F.1. Preamble\n\nThe licenses for most software are designed to take away your freedom.\n" +
		"The Free Harbour Foundation publishes the Public License for every Program.\n\n" +
		"### F.2. TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION\n\n" +
		"BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY FOR THE PROGRAM. The Public License covers the Program.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"tide gauge"}, []string{"FREE", "Public License", "Free Harbour Foundation", "Program"})
	// The same manual saved as plain text marks no headings: the license
	// runs from its title alone on a line to "END OF TERMS AND
	// CONDITIONS".
	txt := "Tide Manual\n\nA tide gauge measures the water. Read the tide gauge daily.\n\nGNU GENERAL PUBLIC LICENSE\n\n" +
		"TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION\n\n" +
		"BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY. The Public License covers the Program.\n\n" +
		"END OF TERMS AND CONDITIONS\n\nThe Harbour Office keeps the tide gauge. The Harbour Office opens at six.\n"
	terms, err := e.Extract(context.Background(), []glossary.Document{{Path: "manual.txt", Content: txt}, {Path: "copy.txt", Content: txt}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkTerms(t, "plain text: ", terms, []string{"tide gauge", "Harbour Office"}, []string{"FREE", "Public License", "Program"})
}

// TestExtractVerbAfterModalAndAdverb: a word after a modal and "not",
// "also", "now" ("the package must not moor a barge", "tugs must now
// moor ...") is a verb as it is right after the modal, and so is a word
// between "to" and "any" or "all" ("not required to moor any barge"), as
// Debian's policy manual writes "declare". The text is written for this
// test.
func TestExtractVerbAfterModalAndAdverb(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Berths\n\nA package must not moor a barge at the quay. Tugs must now moor at the north berth.\n\n" +
		"Pilots should also moor their boats. Packages are not required to moor any barge, and may choose to moor all tugs.\n\n" +
		"The quay is long. The north berth is deep.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"quay", "north berth"}, []string{"moor"})
}

// TestExtractJapaneseOrganisationNames: a name and 「プロジェクト」 or
// 「財団」 after a space ("Debian プロジェクト", 88 times in the Debian
// handbook's Japanese text) name an organisation, one term as "Debian
// Project" is in English; a name before another noun ("Tidewin
// パッケージ") still only says whose. The text is written for this test.
func TestExtractJapaneseOrganisationNames(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# 港湾\n\nTidewin プロジェクトは港湾ソフトウェアを作る団体です。Tidewin プロジェクトに参加します。" +
		"Quayfree 財団は Tidewin プロジェクトを支援します。Quayfree 財団は寄付を受けます。\n" +
		"Tidewin パッケージを入れます。Tidewin パッケージは便利です。Tidewin は港湾の道具です。\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"Tidewin プロジェクト", "Quayfree 財団", "Tidewin"}, []string{"Tidewin パッケージ"})
}

// TestExtractPositionAdjectives: "upper" and "lower" ("the upper and
// lower layers", "blends the upper with the lower", GIMP's layer modes)
// are positions, never a term alone; "upper layer" still is. The text is
// written for this test.
func TestExtractPositionAdjectives(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Chart modes\n\nThe mode blends the upper and lower charts. The upper chart covers the lower.\n\n" +
		"Pixels of the upper are kept, pixels of the lower dropped. The upper chart is drawn first. Each upper chart has a margin.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"upper chart"}, []string{"upper", "lower"})
}

// TestExtractVerbSAfterPronoun: a word in "-s" between "This", "It" or
// "which" and an article is a verb, listed or not ("This activates the
// Brush Editor", "a button which reanchors the chart"), as GIMP's help
// writes it: "activate" is no term of it. The text is written for this
// test.
func TestExtractVerbSAfterPronoun(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Chart dialog\n\n- Edit Chart: This reanchors the chart editor. It reanchors a chart too.\n" +
		"- New Chart: A button which reanchors the chart list.\n\nThe chart editor is small. Each chart list is sorted.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"chart editor", "chart list"}, []string{"reanchor", "reanchors"})
}

// TestExtractVerbAfterDoNot: a word after "do not", "did not", "don't"
// or "will" is a verb ("you did not force the update", "don't force the default",
// git's manuals): "force" is no term there. The text is written for this
// test.
func TestExtractVerbAfterDoNot(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Pushing\n\nThe ref was rejected because you did not reberth the update. Tugs do not reberth the ships.\n\n" +
		"If you don't reberth the default, the tide gauge decides. It doesn't reberth a barge, which will reberth a total quay.\n\nThe tide gauge is old.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"tide gauge"}, []string{"reberth"})
}

// TestExtractVerbAfterPurposeTo: a word between "to" and an article after
// "you", "it", "way", "button" and the like is a verb, listed or not
// ("allows you to reanchor the chart", "two possibilities to reanchor
// the chart", "click this button to reanchor the chart", GIMP's help).
// The text is written for this test.
func TestExtractVerbAfterPurposeTo(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Chart tool\n\nThis tool allows you to reanchor the chart. There are two possibilities to reanchor the chart.\n\n" +
		"Click this button to reanchor the chart, or use it to reanchor a margin. The best way to reanchor the chart is the key.\n\n" +
		"The chart is old. Each margin is white.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"chart", "margin"}, []string{"reanchor"})
}

// TestExtractUnlistedImperative: a capitalised word that opens a sentence
// before an article or "this" is an imperative, listed or not ("Activate
// the Color Picker tool ...", "Activate this by clicking its icon",
// GIMP's help), and so is one after "now", "then" or "and" ("Now activate
// the Clone tool") or after an opening clause ("To crop an image, activate
// the Crop tool"). The text is written for this test.
func TestExtractUnlistedImperative(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Chart tools\n\nReanchor the chart picker first. Reanchor this by clicking its icon.\n\n" +
		"Copy the chart, now reanchor the copy. Hide the margin and reanchor the chart picker.\n\n" +
		"To crop a chart, reanchor the chart picker. If the margin is white, reanchor the copy.\n\n" +
		"Then the chart picker shows the margin. Each margin is white.\n"
	checkTerms(t, "", extractPair(t, e, doc), []string{"chart picker", "margin"}, []string{"Reanchor", "reanchor"})
}

// TestExtractCamelCasePlural: a name in CamelCase written with its "s"
// ("EntryPoints", beside "EntryPoint" and "entryPoint", Traefik's
// documentation) is the plural of that name, one term, even where a
// field is also spelled so now and then ("entryPoints:"); a field that
// is always spelled in camelCase keeps its "s" ("imagePullSecrets"). The
// text is written for this test.
func TestExtractCamelCasePlural(t *testing.T) {
	t.Parallel()
	e := newExtractor(t)
	doc := "# Berths\n\nBerthPoints are the network entry points into the harbour. Each BerthPoint listens on a port. " +
		"Define the BerthPoints first. The berthPoint option names one. Every BerthPoint has a name. " +
		"Set berthPoint in the file. List the BerthPoints. The berthPoint field is required. Two BerthPoints are enough. " +
		"Use berthPoint again. Read berthpoint there. The berthPoints field lists them.\n"
	terms := extractPair(t, e, doc)
	checkTerms(t, "", terms, nil, []string{"BerthPoints", "berthPoints"})
	if !slices.ContainsFunc(terms, func(x glossary.Term) bool { return strings.EqualFold(x.Text, "BerthPoint") }) {
		t.Errorf("BerthPoint missing from %v", terms)
	}
}
