package extract

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
)

// FuzzExtract runs extraction on arbitrary text (Markdown or not, any
// script, invalid UTF-8, huge lines): it must never panic or fail, and
// every term it returns is non-blank valid UTF-8, unique, of a known
// category, found in the given documents only, and within MaxTerms.
func FuzzExtract(f *testing.F) {
	f.Add("# Write-ahead log\n\nThe write-ahead log (WAL) records changes before they are applied.\n", "")
	f.Add("## 用語\n\n量子ビットは量子計算の基本単位である。量子ビットを使う。\n", "")
	f.Add("```go\nfunc main() {}\n```\n[link](http://example.com) `code` **bold** <div>html</div>\n", "")
	f.Add("bad \xff\xfe utf-8 API API API", "")
	f.Add(strings.Repeat("Kafka broker partition leader ", 3000), "")
	f.Add(strings.Repeat("長い行", 5000), "")
	f.Add("\u202eevil\u2066 \x00\x01 ｱｲｳ ＡＰＩ Dr. Smith said in Tokyo", "")
	// Two documents in different languages whose candidates share a key
	// with different unit counts (it panicked once).
	f.Add("Bundling keeps the web app deployment to one binary.\n", "ワタシ\n```shellsession\n```\n#### Web App\n")
	f.Add("# API\n\nThe REST API serves JSON.\n", "## API\n\nAPIは外部から呼び出すための窓口である。\n")
	x, err := New(Options{MaxTerms: 50})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, other string) {
		// Two documents (the second may be in another language: a mixed
		// corpus) and a third repeating the first, for frequencies.
		docs := []glossary.Document{{Path: "a.md", Content: text}, {Path: "b.txt", Content: text + "\n" + text}, {Path: "c.md", Content: other}}
		terms, err := x.Extract(context.Background(), docs, nil)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if len(terms) > 50 {
			t.Fatalf("%d terms, more than MaxTerms", len(terms))
		}
		seen := map[string]bool{}
		for _, tm := range terms {
			switch {
			case strings.TrimSpace(tm.Text) == "" || !utf8.ValidString(tm.Text):
				t.Fatalf("bad term text %q", tm.Text)
			case seen[tm.Text]:
				t.Fatalf("duplicate term %q", tm.Text)
			case !tm.Category.Valid():
				t.Fatalf("term %q has category %q", tm.Text, tm.Category)
			}
			seen[tm.Text] = true
			for _, d := range tm.Documents {
				if d != "a.md" && d != "b.txt" && d != "c.md" {
					t.Fatalf("term %q names document %q", tm.Text, d)
				}
			}
		}
	})
}
