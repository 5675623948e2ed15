package builtin

import (
	"errors"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/language"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// ErrNoReadableDocument means every document of a corpus is plainly in a
// language the engine does not read.
var ErrNoReadableDocument = errors.New("no document in English or Japanese, the languages the builtin engine reads")

// reading is what the engine reads of a corpus: the documents in English or
// Japanese (or with too little prose to tell), and the others with their
// language. Real documentation folders mix translations (Debian's English
// Apache manual carries pages in Portuguese); read as English, such a page
// gives its words as terms and its sentences as definitions.
type reading struct {
	docs    []glossary.Document
	skipped []pipeline.Skipped
}

// read returns the corpus's reading, built once per corpus.
func read(c *pipeline.Corpus) *reading {
	return c.Memo("builtin.reading", func() any {
		r := &reading{}
		for _, d := range c.Docs {
			switch tag := language.Of(d.Content); tag {
			case language.English, language.Japanese, language.Unknown:
				r.docs = append(r.docs, d)
			default:
				r.skipped = append(r.skipped, pipeline.Skipped{
					Document: d.Path,
					Reason:   "written in " + tag.Name() + "; the builtin engine reads English and Japanese",
				})
			}
		}
		return r
	}).(*reading)
}

// Skipped implements [pipeline.Skipper]: the documents plainly in a language
// other than English and Japanese.
func (e *Engine) Skipped(c *pipeline.Corpus) []pipeline.Skipped { return read(c).skipped }
