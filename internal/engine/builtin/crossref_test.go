package builtin

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestGlossaryCrossReferences: a glossary entry that only sends the reader
// to another ("Row: See Tuple.", "Hash: In Acme's context, synonym for
// object name.", 「行: 参照: タプル」) gives that entry another name, an
// entry or not; "See also", a section, a kind of the entry sent to
// ("Keyword argument: See argument.") and a phrase for a key are not other
// names, and the other name's entry does not define the entry sent to. The
// pages are written for this test.
func TestGlossaryCrossReferences(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	gloss := "# Glossary\n\n" +
		"- **Tuple**: A collection of attributes in a fixed order.\n" +
		"- **Row**: See Tuple.\n" +
		"- **Record**: See *tuple*.\n" +
		"- **Query planner**: The part of the server that chooses how to run a query.\n" +
		"- **Optimizer**: See Query planner.\n" +
		"- **Hash**: In Acme's context, synonym for object name.\n" +
		"- **Argument**: A value passed to a function when it is called.\n" +
		"- **Keyword argument**: See argument.\n" +
		"- **Vacuum**: See also Tuple.\n" +
		"- **Checkpoint**: See Section 3.\n" +
		"- In reference to a stored relation: see Tuple.\n"
	text := "# Storage\n\nEach row of a table is stored as one tuple. A record in the log names the tuple it changed.\n\n" +
		"The optimizer reads the statistics; the query planner then picks a plan.\n\n" +
		"Every object name is forty hexadecimal digits; the hash of a file is its object name.\n\n" +
		"A keyword argument is passed by name; any argument can be passed by position.\n"
	ja := "# 用語集\n\n" +
		"- **タプル**: 属性を決まった順に並べた組。\n" +
		"- **行**: 参照: タプル\n" +
		"- **レコード**: タプルを参照してください。\n" +
		"- **引数**: 関数を呼ぶときに渡す値。\n" +
		"- **位置引数**: 引数を参照。\n\n" +
		"# 格納\n\nテーブルの行はタプルとして格納されます。レコードごとにタプルが一つあります。位置引数も引数の一つです。\n"
	c := pipeline.NewCorpus([]glossary.Document{
		{Path: "glossary.md", Content: gloss}, {Path: "storage.md", Content: text}, {Path: "ja/用語集.md", Content: ja},
	})
	var entries []glossary.Entry
	for _, term := range []string{"tuple", "row", "query planner", "object name", "hash", "argument", "keyword argument",
		"vacuum", "checkpoint", "タプル", "レコード", "引数", "位置引数"} {
		entries = append(entries, glossary.Entry{Term: term})
	}
	got, err := e.Aliases(context.Background(), c, entries)
	if err != nil {
		t.Fatalf("Aliases: %v", err)
	}
	want := map[string][]string{
		"tuple":         {"record", "row"},
		"query planner": {"optimizer"},
		"object name":   {"hash"},
		"タプル":           {"レコード", "行"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases = %v, want %v", got, want)
	}
	// The other name's entry says nothing of what the object name is.
	d, err := e.Define(context.Background(), c, request(c, "object name", "hash"))
	if err != nil {
		t.Fatalf("Define: %v", err)
	}
	if strings.Contains(d.Text, "synonym") {
		t.Errorf("object name (alias hash): %q, the alias's entry", d.Text)
	}
}
