// Package termedits folds a project's user edits (the term.* events) into
// one value and applies it to step outputs. The projector (for the read
// model) and projectstate (for the runner's input) share it, so the API
// shows exactly what the next run will use.
package termedits

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// ErrInvalidEdit is returned (wrapped) by [Edits.Apply] for an edit that
// names no term or carries an unknown category or a confidence outside
// [0,1].
var ErrInvalidEdit = errors.New("termedits: invalid edit")

// DefinitionEdit is a person's change to a provisional entry; nil fields
// are unchanged.
type DefinitionEdit struct {
	Definition *string  `json:"definition,omitempty"`
	Confidence *float64 `json:"confidence,omitempty"`
}

// SynonymGroup is a primary term and the other spellings of it.
type SynonymGroup struct {
	ID      string   `json:"id"`
	Primary string   `json:"primary"`
	Members []string `json:"members"`
}

// Edits are a project's user edits, folded in stream order. The zero value
// is empty and ready to use. Its JSON is deterministic (maps encode with
// sorted keys), so the projector can store it.
type Edits struct {
	// Manual are hand-added terms by text; they survive re-extraction.
	Manual map[string]glossary.Term `json:"manual,omitempty"`
	// Deleted are terms deleted since the last extract result.
	Deleted map[string]bool `json:"deleted,omitempty"`
	// Excluded are terms the user excluded.
	Excluded map[string]bool `json:"excluded,omitempty"`
	// Required are terms always kept.
	Required map[string]bool `json:"required,omitempty"`
	// Notes are user notes by term text; they survive re-extraction.
	Notes map[string]string `json:"notes,omitempty"`
	// Categories are categories chosen by a person, by term text.
	Categories map[string]glossary.Category `json:"categories,omitempty"`
	// Groups are the synonym groups by id.
	Groups map[string]SynonymGroup `json:"groups,omitempty"`
	// Definitions are edits of provisional entries made since the last
	// provisional result, by term.
	Definitions map[string]DefinitionEdit `json:"definitions,omitempty"`
}

func set[K comparable, V any](m *map[K]V, k K, v V) {
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[k] = v
}

// Apply folds one event. It reports whether d is a user edit (other
// events are ignored). An invalid edit returns an error wrapping
// [ErrInvalidEdit] and changes nothing.
func (e *Edits) Apply(d events.Data) (bool, error) {
	switch v := d.(type) {
	case events.TermAdded:
		t := strings.TrimSpace(v.TermText)
		cat, err := category(v.Category)
		if err != nil || t == "" {
			return true, invalid("term.added %q: %v", v.TermText, err)
		}
		delete(e.Deleted, t)
		set(&e.Manual, t, glossary.Term{Text: t, Category: cat})
		set(&e.Categories, t, cat)
		e.setNote(t, v.UserNote)
	case events.TermUpdated:
		return true, e.update(v)
	case events.TermDeleted:
		t := strings.TrimSpace(v.TermText)
		if t == "" {
			return true, invalid("term.deleted without a term")
		}
		delete(e.Manual, t)
		delete(e.Required, t)
		set(&e.Deleted, t, true)
	case events.TermExcluded:
		t := strings.TrimSpace(v.TermText)
		if t == "" {
			return true, invalid("term.excluded without a term")
		}
		delete(e.Required, t)
		set(&e.Excluded, t, true)
	case events.TermUnexcluded:
		delete(e.Excluded, strings.TrimSpace(v.TermText))
	case events.TermRequired:
		t := strings.TrimSpace(v.TermText)
		if t == "" {
			return true, invalid("term.required without a term")
		}
		delete(e.Excluded, t)
		delete(e.Deleted, t)
		set(&e.Required, t, true)
	case events.TermUnrequired:
		delete(e.Required, strings.TrimSpace(v.TermText))
	case events.TermSynonymsSet:
		g, err := group(v)
		if err != nil {
			return true, err
		}
		set(&e.Groups, g.ID, g)
	case events.TermSynonymsRemoved:
		delete(e.Groups, v.GroupID)
	case events.TermDefinitionEdited:
		t := strings.TrimSpace(v.TermName)
		if t == "" {
			return true, invalid("term.definition_edited without a term")
		}
		if c := v.Confidence; c != nil && !(*c >= 0 && *c <= 1) {
			return true, invalid("term.definition_edited of %q: confidence %v outside [0,1]", t, *c)
		}
		old := e.Definitions[t]
		if v.Definition != nil {
			old.Definition = v.Definition
		}
		if v.Confidence != nil {
			old.Confidence = v.Confidence
		}
		set(&e.Definitions, t, old)
	default:
		return false, nil
	}
	return true, nil
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidEdit, fmt.Sprintf(format, args...))
}

func category(s string) (glossary.Category, error) {
	if s == "" {
		return glossary.TechnicalTerm, nil
	}
	c := glossary.Category(s)
	if !c.Valid() {
		return "", fmt.Errorf("unknown category %q", s)
	}
	return c, nil
}

func group(v events.TermSynonymsSet) (SynonymGroup, error) {
	g := SynonymGroup{ID: v.GroupID, Primary: strings.TrimSpace(v.Primary)}
	if g.ID == "" || g.Primary == "" {
		return g, invalid("term.synonyms_set needs a group id and a primary term")
	}
	seen := map[string]bool{g.Primary: true}
	for _, m := range v.Members {
		m = strings.TrimSpace(m)
		if m != "" && !seen[m] {
			seen[m] = true
			g.Members = append(g.Members, m)
		}
	}
	sort.Strings(g.Members)
	if len(g.Members) == 0 {
		return g, invalid("synonym group %s has no member other than its primary", g.ID)
	}
	return g, nil
}

func (e *Edits) setNote(t, note string) {
	if note = strings.TrimSpace(note); note == "" {
		delete(e.Notes, t)
		return
	}
	set(&e.Notes, t, note)
}

func (e *Edits) update(v events.TermUpdated) error {
	t := strings.TrimSpace(v.TermText)
	if t == "" {
		return invalid("term.updated without a term")
	}
	var cat glossary.Category
	if v.Category != nil {
		c, err := category(*v.Category)
		if err != nil {
			return invalid("term.updated %q: %v", t, err)
		}
		cat = c
	}
	if v.NewText != nil {
		n := strings.TrimSpace(*v.NewText)
		if n == "" {
			return invalid("term.updated %q: empty new text", t)
		}
		if n != t {
			e.rename(t, n)
			t = n
		}
	}
	if cat != "" {
		set(&e.Categories, t, cat)
		if m, ok := e.Manual[t]; ok {
			m.Category = cat
			e.Manual[t] = m
		}
	}
	if v.UserNote != nil {
		e.setNote(t, *v.UserNote)
	}
	return nil
}

// rename moves what is known of term from to term to; from is deleted and
// to becomes a hand-added term.
func (e *Edits) rename(from, to string) {
	m := glossary.Term{Text: to, Category: e.Categories[from]}
	if old, ok := e.Manual[from]; ok && m.Category == "" {
		m.Category = old.Category
	}
	if m.Category == "" {
		m.Category = glossary.TechnicalTerm
	}
	delete(e.Manual, from)
	set(&e.Manual, to, m)
	set(&e.Categories, to, m.Category)
	delete(e.Categories, from)
	if n, ok := e.Notes[from]; ok {
		set(&e.Notes, to, n)
		delete(e.Notes, from)
	}
	if e.Required[from] {
		delete(e.Required, from)
		set(&e.Required, to, true)
	}
	delete(e.Deleted, to)
	set(&e.Deleted, from, true)
	for id, g := range e.Groups {
		if g.Primary == from {
			g.Primary = to
		}
		for i, m := range g.Members {
			if m == from {
				g.Members[i] = to
			}
		}
		sort.Strings(g.Members)
		e.Groups[id] = g
	}
}

// StepReplaced records that a new output of step replaced the previous
// one: an extract result ends the deletions (the new terms were extracted
// knowing them), a provisional result ends the definition edits (its
// entries carry them, or were regenerated on purpose).
func (e *Edits) StepReplaced(step string) {
	switch pipeline.Step(step) {
	case pipeline.StepExtract:
		e.Deleted = nil
	case pipeline.StepProvisional:
		e.Definitions = nil
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Rules returns the rules extraction honours: user exclusions, required
// terms (hand-added ones included, so that extraction counts their
// occurrences), notes and categories.
func (e *Edits) Rules() pipeline.TermRules {
	req := map[string]bool{}
	for t := range e.Required {
		req[t] = true
	}
	for t := range e.Manual {
		if !e.Excluded[t] {
			req[t] = true
		}
	}
	r := pipeline.TermRules{
		Excluded:   keys(e.Excluded),
		Required:   keys(req),
		Notes:      map[string]string{},
		Categories: map[string]glossary.Category{},
	}
	for k, v := range e.Notes {
		r.Notes[k] = v
	}
	for k, v := range e.Categories {
		r.Categories[k] = v
	}
	return r
}

// Synonyms returns the synonym groups as the pipeline takes them. A term
// in several groups counts for the first primary in text order.
func (e *Edits) Synonyms() pipeline.Synonyms {
	if len(e.Groups) == 0 {
		return nil
	}
	out := pipeline.Synonyms{}
	taken := map[string]bool{}
	groups := e.SortedGroups()
	for _, g := range groups {
		taken[g.Primary] = true
	}
	for _, g := range groups {
		for _, m := range g.Members {
			if !taken[m] {
				taken[m] = true
				out[g.Primary] = append(out[g.Primary], m)
			}
		}
	}
	return out
}

// SortedGroups returns the synonym groups sorted by primary term, then id.
func (e *Edits) SortedGroups() []SynonymGroup {
	out := make([]SynonymGroup, 0, len(e.Groups))
	for _, g := range e.Groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Primary != out[j].Primary {
			return out[i].Primary < out[j].Primary
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Terms returns the current terms: the last extract output without the
// deleted and excluded terms, plus hand-added and required terms it lacks,
// with the user's notes and categories, sorted by text.
func (e *Edits) Terms(extracted []glossary.Term) []glossary.Term {
	out := make([]glossary.Term, 0, len(extracted)+len(e.Manual)+len(e.Required))
	seen := map[string]bool{}
	add := func(t glossary.Term) {
		if t.Text == "" || seen[t.Text] || e.Deleted[t.Text] || e.Excluded[t.Text] {
			return
		}
		seen[t.Text] = true
		if c, ok := e.Categories[t.Text]; ok {
			t.Category = c
		}
		t.UserNote = e.Notes[t.Text]
		out = append(out, t)
	}
	for _, t := range extracted {
		add(t)
	}
	for _, t := range keys(e.Manual) {
		add(e.Manual[t])
	}
	for _, t := range keys(e.Required) {
		add(glossary.Term{Text: t, Category: glossary.TechnicalTerm})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// Provisional returns entries with the definition edits applied.
func (e *Edits) Provisional(entries []glossary.Entry) []glossary.Entry {
	if len(e.Definitions) == 0 {
		return entries
	}
	out := append([]glossary.Entry(nil), entries...)
	for i := range out {
		out[i] = e.EditEntry(out[i])
	}
	return out
}

// EditEntry returns entry with its definition edit, if any, applied.
func (e *Edits) EditEntry(entry glossary.Entry) glossary.Entry {
	d, ok := e.Definitions[entry.Term]
	if !ok {
		return entry
	}
	if d.Definition != nil {
		entry.Definition = *d.Definition
	}
	if d.Confidence != nil {
		entry.Confidence = *d.Confidence
	}
	return entry
}
