package glossary

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Format is an export format.
type Format string

// Export formats.
const (
	Markdown Format = "md"
	JSON     Format = "json"
)

// FormatFromPath picks the export format from a file name's extension:
// .md/.markdown for Markdown, .json for JSON.
func FormatFromPath(name string) (Format, error) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".markdown"):
		return Markdown, nil
	case strings.HasSuffix(lower, ".json"):
		return JSON, nil
	}
	return "", fmt.Errorf("output %q: unknown format (use .md or .json)", name)
}

// Write exports g in format f.
func Write(w io.Writer, g Glossary, f Format) error {
	switch f {
	case Markdown:
		return WriteMarkdown(w, g)
	case JSON:
		return WriteJSON(w, g)
	}
	return fmt.Errorf("unknown export format %q", f)
}

// SortEntries sorts entries by term, case-insensitively, then exactly, so
// every export and listing has the same order.
func SortEntries(entries []Entry) {
	sort.SliceStable(entries, func(i, j int) bool { return termLess(entries[i].Term, entries[j].Term) })
}

func termLess(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

type labels struct{ title, definition, aliases, confidence, occurrences, sep string }

var (
	labelsJA = labels{"用語集", "定義", "別名", "信頼度", "出現箇所", "、"}
	labelsEN = labels{"Glossary", "Definition", "Aliases", "Confidence", "Occurrences", ", "}
)

// japaneseGlossary reports whether most entries are Japanese, by their
// term or their definition, in which case the Markdown labels are Japanese
// as in the original tool: a Japanese manual names many things in Latin
// letters ("APT", "dpkg"), and says what they are in Japanese.
func japaneseGlossary(entries []Entry) bool {
	cjk := 0
	for _, e := range entries {
		if HasCJK(e.Term) || HasCJK(e.Definition) {
			cjk++
		}
	}
	return cjk*2 > len(entries)
}

// WriteMarkdown writes the glossary as Markdown: a title, then per term (in
// SortEntries order) a "## term" section with the definition, the aliases
// when there are any, the confidence with two decimals and the occurrences
// as "- path:line", separated by "---". Labels are Japanese when most
// entries are Japanese (see japaneseGlossary), English otherwise.
func WriteMarkdown(w io.Writer, g Glossary) error {
	entries := append([]Entry(nil), g.Terms...)
	SortEntries(entries)
	l := labelsEN
	if japaneseGlossary(entries) {
		l = labelsJA
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", l.title)
	for i, e := range entries {
		if i > 0 {
			b.WriteString("\n---\n")
		}
		fmt.Fprintf(&b, "\n## %s\n\n", oneLine(e.Term))
		fmt.Fprintf(&b, "**%s**: %s\n\n", l.definition, oneLine(e.Definition))
		if len(e.Aliases) > 0 {
			fmt.Fprintf(&b, "**%s**: %s\n\n", l.aliases, strings.Join(e.Aliases, l.sep))
		}
		fmt.Fprintf(&b, "**%s**: %.2f\n", l.confidence, e.Confidence)
		if len(e.Occurrences) > 0 {
			fmt.Fprintf(&b, "\n**%s**:\n\n", l.occurrences)
			for _, o := range e.Occurrences {
				fmt.Fprintf(&b, "- %s:%d\n", o.Document, o.Line)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine keeps a value on its Markdown line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

type jsonTerm struct {
	Term        string       `json:"term"`
	Category    Category     `json:"category"`
	Definition  string       `json:"definition"`
	Confidence  float64      `json:"confidence"`
	Aliases     []string     `json:"aliases"`
	Occurrences []Occurrence `json:"occurrences"`
}

type jsonGlossary struct {
	Terms  []jsonTerm `json:"terms"`
	Issues []Issue    `json:"issues"`
}

// WriteJSON writes {"terms":[{term, category, definition, confidence,
// aliases, occurrences:[{document, line, context}]}], "issues":[...]}, terms
// in SortEntries order, indented, with empty lists as [] rather than null.
func WriteJSON(w io.Writer, g Glossary) error {
	entries := append([]Entry(nil), g.Terms...)
	SortEntries(entries)
	out := jsonGlossary{Terms: make([]jsonTerm, 0, len(entries)), Issues: g.Issues}
	if out.Issues == nil {
		out.Issues = []Issue{}
	}
	for _, e := range entries {
		t := jsonTerm{e.Term, e.Category, e.Definition, e.Confidence, e.Aliases, e.Occurrences}
		if t.Aliases == nil {
			t.Aliases = []string{}
		}
		if t.Occurrences == nil {
			t.Occurrences = []Occurrence{}
		}
		out.Terms = append(out.Terms, t)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
