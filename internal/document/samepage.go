package document

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/genglossary/genglossary/internal/glossary"
)

// ErrSamePage marks a document skipped as another form of a page that is
// read (see [DropOtherForms]).
var ErrSamePage = errors.New("the same page as another document")

// DropOtherForms keeps one form of a page that a set of documents holds
// twice (LoadDir calls it, and so does the runner on a project's uploads):
// a documentation build ships git-add.html beside its source git-add.txt,
// and a Sphinx site _sources/index.rst.txt beside index.html. Read twice,
// every term of the page would count twice and the two forms would be
// compared as two definitions. Two documents are one page when their names
// are the same but for the extensions and most of their words are shared
// (three quarters of the smaller's distinct words), or when one is a
// Sphinx source under _sources beside the HTML page built from it (a
// translated build ships the source untranslated); the form kept is the
// HTML, as the pages' readers see them, else Markdown, reStructuredText or
// AsciiDoc, else plain text (a .txt is often a source in another markup,
// read without it). Documents
// that only share a name ("index" in two folders), or a name and a form
// (v1/guide.md and v2/guide.md, two versions), stay. Each document
// skipped is reported with [ErrSamePage] and the path of the one read.
func DropOtherForms(docs []glossary.Document) ([]glossary.Document, []Problem) {
	byStem := map[string][]int{}
	for i, d := range docs {
		byStem[stem(d.Path)] = append(byStem[stem(d.Path)], i)
	}
	drop := map[int]string{}
	for _, idx := range byStem {
		if len(idx) < 2 || len(idx) > 64 {
			continue
		}
		// The form to keep first: each other form is compared with it.
		sort.SliceStable(idx, func(a, b int) bool { return formRank(docs[idx[a]].Path) < formRank(docs[idx[b]].Path) })
		words := make([]map[string]bool, len(idx))
		exts := make([]string, len(idx))
		for k, i := range idx {
			words[k], exts[k] = wordSet(docs[i].Content), extensions(docs[i].Path)
		}
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				i, j := idx[a], idx[b]
				if drop[i] != "" || drop[j] != "" || exts[a] == exts[b] {
					continue // one form each: v1/guide.md and v2/guide.md are two pages
				}
				if !sharesWords(words[a], words[b]) && !sphinxSource(docs[j].Path, docs[i].Path) {
					continue
				}
				drop[j] = docs[i].Path
			}
		}
	}
	dropPrintPages(docs, drop)
	if len(drop) == 0 {
		return docs, nil
	}
	kept := make([]glossary.Document, 0, len(docs)-len(drop))
	var problems []Problem
	for i, d := range docs {
		if other := drop[i]; other != "" {
			problems = append(problems, Problem{Path: d.Path, Err: fmt.Errorf("%w (%s)", ErrSamePage, other)})
			continue
		}
		kept = append(kept, d)
	}
	return kept, problems
}

// sphinxSource reports a Sphinx source page kept under _sources beside
// the HTML page built from it ("_sources/pkgs.rst.txt" beside "pkgs.html"
// in the folder that holds _sources): the same page even when its words
// differ, as a translated build ships the untranslated source.
func sphinxSource(src, page string) bool {
	if !IsHTML(page) {
		return false
	}
	dir, rest, ok := strings.Cut("/"+src, "/_sources/")
	if !ok {
		return false
	}
	dir = strings.TrimPrefix(dir, "/")
	want := path.Join(dir, path.Dir(rest))
	return path.Dir(page) == want
}

// dropPrintPages marks for dropping an mdBook's print.html, every chapter
// of the book on one page to print, when it holds three of the other
// documents of its folder or below: read with them, each term would count
// twice and be defined "in print.html" as well.
func dropPrintPages(docs []glossary.Document, drop map[int]string) {
	for i, d := range docs {
		if b := strings.ToLower(path.Base(d.Path)); b != "print.html" && b != "print.htm" || drop[i] != "" {
			continue
		}
		dir := path.Dir(d.Path)
		var all map[string]bool
		var held []string
		for j, o := range docs {
			if j == i || drop[j] != "" || dir != "." && !strings.HasPrefix(o.Path, dir+"/") {
				continue
			}
			if all == nil {
				all = wordSet(d.Content)
			}
			if w := wordSet(o.Content); len(w) < len(all) && sharesWords(w, all) {
				held = append(held, o.Path)
			}
		}
		if len(held) >= 3 {
			drop[i] = fmt.Sprintf("%s and %d more", held[0], len(held)-1)
		}
	}
}

// stem is a document's file name without its extensions, lower case:
// "git-add" for "git-add.txt" and "git-add.html", "index" for
// "_sources/index.rst.txt".
func stem(p string) string {
	b := strings.ToLower(path.Base(p))
	for {
		ext := path.Ext(b)
		if ext == "" || ext == b || !slices.Contains(Extensions(), ext) {
			return b
		}
		b = strings.TrimSuffix(b, ext)
	}
}

// extensions is the part of a document's file name after its stem,
// lower case: ".rst.txt" for "_sources/index.rst.txt".
func extensions(p string) string {
	b := strings.ToLower(path.Base(p))
	return strings.TrimPrefix(b, stem(p))
}

// formRank orders the forms of a page, the one to keep first.
func formRank(p string) int {
	switch l := strings.ToLower(p); {
	case strings.HasSuffix(l, ".html"), strings.HasSuffix(l, ".htm"):
		return 0
	case strings.HasSuffix(l, ".rst.txt"), strings.HasSuffix(l, ".md"), strings.HasSuffix(l, ".markdown"), strings.HasSuffix(l, ".mdx"),
		strings.HasSuffix(l, ".rst"), strings.HasSuffix(l, ".rest"), strings.HasSuffix(l, ".adoc"), strings.HasSuffix(l, ".asciidoc"):
		return 1
	default:
		return 2
	}
}

// wordSet is the set of a text's words of three letters or more, lower
// case; a run of Japanese (or other non-spaced) letters counts as one.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 3 {
			set[w] = true
		}
	}
	return set
}

// sharesWords reports two word sets of which three quarters of the
// smaller's words are in the larger, the smaller having at least twenty.
func sharesWords(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 20 {
		return false
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n*4 >= len(a)*3
}
