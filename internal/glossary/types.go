package glossary

import (
	"fmt"
	"strings"
)

// Category is the class of a term. The strings are stable: they are stored in
// events and exports.
type Category string

// The categories of the original GenGlossary.
const (
	PersonName    Category = "person_name"
	PlaceName     Category = "place_name"
	Organization  Category = "organization"
	Title         Category = "title"
	TechnicalTerm Category = "technical_term"
	CommonNoun    Category = "common_noun"
)

// Categories lists every valid category in a stable order.
var Categories = []Category{PersonName, PlaceName, Organization, Title, TechnicalTerm, CommonNoun}

// Valid reports whether c is one of Categories.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// ParseCategory returns the category named s (case-insensitive, spaces and
// hyphens read as underscores).
func ParseCategory(s string) (Category, error) {
	c := Category(strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s))))
	if !c.Valid() {
		return "", fmt.Errorf("unknown category %q", s)
	}
	return c, nil
}

// Document is one loaded source document. Path is relative and POSIX
// (forward slashes); Content is valid UTF-8 with line endings normalised to \n.
type Document struct {
	Path    string `json:"path"`
	Content string `json:"content"`
}

// Lines splits the content on \n. Line i of the result is line i+1 of the
// document.
func (d Document) Lines() []string { return strings.Split(d.Content, "\n") }

// Term is an extracted (or hand-added) glossary term.
type Term struct {
	Text     string   `json:"term"`
	Category Category `json:"category"`
	// Score is the termhood score that ranked the term (0 when it was not
	// ranked: added by hand, or a key of the documents' own glossary that
	// extraction did not propose).
	Score float64 `json:"score,omitempty"`
	// Frequency is how often the term occurs in the corpus.
	Frequency int `json:"frequency,omitempty"`
	// Documents lists the documents the term was found in, sorted.
	Documents []string `json:"documents,omitempty"`
	// UserNote is a note written by a person; engines pass it to prompts.
	UserNote string `json:"user_note,omitempty"`
}

// Occurrence is one place a term appears: a document, a 1-based line, and the
// context (the line with its neighbours, joined by \n).
type Occurrence struct {
	Document string `json:"document"`
	Line     int    `json:"line"`
	Context  string `json:"context"`
}

// Entry is one glossary entry: a term with its definition.
type Entry struct {
	Term        string       `json:"term"`
	Category    Category     `json:"category"`
	Definition  string       `json:"definition"`
	Confidence  float64      `json:"confidence"`
	Aliases     []string     `json:"aliases"`
	Occurrences []Occurrence `json:"occurrences"`
	// Evidence is where the definition came from (for example
	// "guide.md:12"), empty when unknown.
	Evidence string `json:"evidence,omitempty"`
	// UserNote is carried from the term so later steps can see it.
	UserNote string `json:"user_note,omitempty"`
}

// IssueType is the kind of a review issue. The strings are stable.
type IssueType string

// The issue types of the review step.
const (
	Unclear         IssueType = "unclear"
	Contradiction   IssueType = "contradiction"
	MissingRelation IssueType = "missing_relation"
	Unnecessary     IssueType = "unnecessary"
)

// IssueTypes lists every valid issue type in a stable order.
var IssueTypes = []IssueType{Unclear, Contradiction, MissingRelation, Unnecessary}

// Valid reports whether t is one of IssueTypes.
func (t IssueType) Valid() bool {
	for _, k := range IssueTypes {
		if t == k {
			return true
		}
	}
	return false
}

// Issue is one finding of the review step about one term.
type Issue struct {
	Term            string    `json:"term_name"`
	Type            IssueType `json:"issue_type"`
	Description     string    `json:"description"`
	ShouldExclude   bool      `json:"should_exclude"`
	ExclusionReason string    `json:"exclusion_reason,omitempty"`
}

// Glossary is the output of a whole pipeline run: the refined entries and the
// issues the review found.
type Glossary struct {
	Terms  []Entry `json:"terms"`
	Issues []Issue `json:"issues"`
}
