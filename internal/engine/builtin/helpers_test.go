package builtin

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// loadCorpus reads testdata/corpus/<lang> into a pipeline corpus.
func loadCorpus(t testing.TB, lang string) *pipeline.Corpus {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "testdata", "corpus", lang)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read corpus %s: %v", lang, err)
	}
	var docs []glossary.Document
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		docs = append(docs, glossary.Document{Path: e.Name(), Content: strings.ReplaceAll(string(b), "\r\n", "\n")})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	return pipeline.NewCorpus(docs)
}

// newEngine returns an engine or fails the test.
func newEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

// request builds a DefineRequest for term with its occurrences in c.
func request(c *pipeline.Corpus, term string, aliases ...string) pipeline.DefineRequest {
	return pipeline.DefineRequest{
		Term:        term,
		Category:    glossary.TechnicalTerm,
		Aliases:     aliases,
		Occurrences: glossary.FindOccurrences(c.Docs, append([]string{term}, aliases...)...),
	}
}
