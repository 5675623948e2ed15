package glossary

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// findNaive is FindOccurrences as it was before the Searcher: every line
// of every document tried with Contains for every spelling.
func findNaive(docs []Document, spellings ...string) []Occurrence {
	var out []Occurrence
	for _, d := range docs {
		lines := d.Lines()
		for i, line := range lines {
			hit := false
			for _, s := range spellings {
				if Contains(line, s) {
					hit = true
					break
				}
			}
			if hit {
				lo, hi := max(i-1, 0), min(i+2, len(lines))
				out = append(out, Occurrence{Document: d.Path, Line: i + 1, Context: strings.Join(lines[lo:hi], "\n")})
			}
		}
	}
	return out
}

// TestSearcherEqualsNaive checks the Searcher against the line-by-line
// reference on the English and Japanese test corpus, for every word of it
// in three casings, pairs of words as aliases, and tricky hand-made cases
// (case-changing lengths, plurals, CJK, empty spellings).
func TestSearcherEqualsNaive(t *testing.T) {
	t.Parallel()
	var docs []Document
	for _, lang := range []string{"en", "ja"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", lang, "*.md"))
		if err != nil || len(files) == 0 {
			t.Fatalf("corpus %s: %v (%d files)", lang, err, len(files))
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, Document{Path: lang + "/" + filepath.Base(f), Content: string(b)})
		}
	}
	docs = append(docs,
		Document{Path: "tricky.md", Content: "İstanbul KELVIN \u212a sign\nThe APIs and the api.\nStraße STRASSE\n\nbrokers, Broker; BROKER_X\nデータベースの設計とデータ"},
		Document{Path: "empty.md", Content: ""},
	)
	words := map[string]bool{}
	for _, d := range docs {
		for _, w := range strings.FieldsFunc(d.Content, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' }) {
			if len([]rune(w)) > 1 {
				words[w] = true
			}
		}
	}
	terms := []string{"", "İstanbul", "istanbul", "Kelvin", "api", "API", "broker", "Straße", "データ", "設計", "BROKER_X"}
	for w := range words {
		terms = append(terms, w, strings.ToLower(w), strings.ToUpper(w))
	}
	s := NewSearcher(docs)
	for i, term := range terms {
		want := findNaive(docs, term)
		if got := s.Find(term); !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q): %d occurrences, want %d", term, len(got), len(want))
		}
		if i > 0 {
			pair := []string{terms[i-1], term}
			if got, want := s.Find(pair...), findNaive(docs, pair...); !reflect.DeepEqual(got, want) {
				t.Fatalf("Find(%q): %d occurrences, want %d", pair, len(got), len(want))
			}
		}
	}
	if got := FindOccurrences(docs, "broker"); !reflect.DeepEqual(got, findNaive(docs, "broker")) {
		t.Errorf("FindOccurrences differs from the reference: %v", got)
	}
}
