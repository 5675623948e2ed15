package projections

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/genglossary/genglossary/internal/glossary"
)

// Term is an extracted term of a project with its stable id (the same id
// as the term's provisional and refined entries).
type Term struct {
	ID string `json:"id"`
	glossary.Term
}

// Entry is a provisional or refined glossary entry with its stable id.
type Entry struct {
	ID string `json:"id"`
	glossary.Entry
}

// Issue is a review issue with its stable id.
type Issue struct {
	ID string `json:"id"`
	glossary.Issue
}

// ExcludedTerm is a term kept out of the glossary. Source is "auto"
// ([ExcludedAuto]) for the common nouns extract dropped, "user"
// ([ExcludedByUser]) for a person's exclusion. ID is the term's stable id.
type ExcludedTerm struct {
	ID        string    `json:"id"`
	TermText  string    `json:"term_text"`
	Source    string    `json:"source"`
	CreatedAt time.Time `json:"created_at"`
}

// StepResult says which run produced a step's current output.
type StepResult struct {
	Step  string `json:"step"`
	RunID string `json:"run_id"`
	Count int    `json:"count"`
	// Partial is set when the step was cancelled and kept what it had
	// finished.
	Partial   bool      `json:"partial"`
	AppliedAt time.Time `json:"applied_at"`
}

// dataQuery runs a count query and a page query whose rows are (id, data)
// and decodes data into T.
func dataQuery[T any](ctx context.Context, s *Store, what, countQ, pageQ string, pg Page, args ...any) ([]T, int, error) {
	var total int
	if err := s.queryRow(ctx, countQ, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("projections: count %s: %w", what, err)
	}
	limit, offset := pg.args()
	rows, err := s.query(ctx, pageQ+" LIMIT ? OFFSET ?", append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list %s: %w", what, err)
	}
	out, err := collect(rows, func(sc scanner) (T, error) { return scanData[T](sc) })
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list %s: %w", what, err)
	}
	return out, total, nil
}

// scanData scans (id, data) into a T whose JSON has an "id" field next to
// the embedded glossary type's fields.
func scanData[T any](sc scanner) (T, error) {
	var (
		v    T
		id   string
		data string
	)
	if err := sc.Scan(&id, &data); err != nil {
		return v, err
	}
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		return v, fmt.Errorf("stored item %s: %w", id, err)
	}
	setID(&v, id)
	return v, nil
}

func setID(v any, id string) {
	switch x := v.(type) {
	case *Term:
		x.ID = id
	case *Entry:
		x.ID = id
	case *Issue:
		x.ID = id
	}
}

// ListTerms returns a page of a project's extracted terms sorted by text,
// and their total number.
func (s *Store) ListTerms(ctx context.Context, projectID string, pg Page) ([]Term, int, error) {
	return dataQuery[Term](ctx, s, "terms",
		"SELECT COUNT(*) FROM terms WHERE project_id = ?",
		"SELECT id, data FROM terms WHERE project_id = ? ORDER BY term_text", pg, projectID)
}

// GetTerm returns a term by id, or an error wrapping [ErrNotFound].
func (s *Store) GetTerm(ctx context.Context, projectID, id string) (Term, error) {
	t, err := scanData[Term](s.queryRow(ctx, "SELECT id, data FROM terms WHERE project_id = ? AND id = ?", projectID, id))
	return t, notFound(err, "term %s", id)
}

// ListProvisional returns a page of a project's provisional entries sorted
// by term, and their total number.
func (s *Store) ListProvisional(ctx context.Context, projectID string, pg Page) ([]Entry, int, error) {
	return dataQuery[Entry](ctx, s, "provisional entries",
		"SELECT COUNT(*) FROM provisional WHERE project_id = ?",
		"SELECT id, data FROM provisional WHERE project_id = ? ORDER BY term_name", pg, projectID)
}

// GetProvisional returns a provisional entry by id, or an error wrapping
// [ErrNotFound].
func (s *Store) GetProvisional(ctx context.Context, projectID, id string) (Entry, error) {
	e, err := scanData[Entry](s.queryRow(ctx, "SELECT id, data FROM provisional WHERE project_id = ? AND id = ?", projectID, id))
	return e, notFound(err, "provisional entry %s", id)
}

// ListRefined returns a page of a project's refined entries sorted by
// term, and their total number. Page{} returns them all (for exports).
func (s *Store) ListRefined(ctx context.Context, projectID string, pg Page) ([]Entry, int, error) {
	return dataQuery[Entry](ctx, s, "refined entries",
		"SELECT COUNT(*) FROM refined WHERE project_id = ?",
		"SELECT id, data FROM refined WHERE project_id = ? ORDER BY term_name", pg, projectID)
}

// GetRefined returns a refined entry by id, or an error wrapping
// [ErrNotFound].
func (s *Store) GetRefined(ctx context.Context, projectID, id string) (Entry, error) {
	e, err := scanData[Entry](s.queryRow(ctx, "SELECT id, data FROM refined WHERE project_id = ? AND id = ?", projectID, id))
	return e, notFound(err, "refined entry %s", id)
}

// ListIssues returns a page of a project's review issues of issueType ("" for
// every type) sorted by term, type and review order, and their total number.
func (s *Store) ListIssues(ctx context.Context, projectID, issueType string, pg Page) ([]Issue, int, error) {
	if issueType == "" {
		return dataQuery[Issue](ctx, s, "issues",
			"SELECT COUNT(*) FROM issues WHERE project_id = ?",
			"SELECT id, data FROM issues WHERE project_id = ? ORDER BY term_name, issue_type, idx", pg, projectID)
	}
	return dataQuery[Issue](ctx, s, "issues",
		"SELECT COUNT(*) FROM issues WHERE project_id = ? AND issue_type = ?",
		"SELECT id, data FROM issues WHERE project_id = ? AND issue_type = ? ORDER BY term_name, idx", pg, projectID, issueType)
}

// GetIssue returns an issue by id, or an error wrapping [ErrNotFound].
func (s *Store) GetIssue(ctx context.Context, projectID, id string) (Issue, error) {
	is, err := scanData[Issue](s.queryRow(ctx, "SELECT id, data FROM issues WHERE project_id = ? AND id = ?", projectID, id))
	return is, notFound(err, "issue %s", id)
}

// ListExcluded returns a page of a project's excluded terms sorted by
// text, and their total number.
func (s *Store) ListExcluded(ctx context.Context, projectID string, pg Page) ([]ExcludedTerm, int, error) {
	var total int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM excluded_terms WHERE project_id = ?", projectID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("projections: count excluded terms: %w", err)
	}
	limit, offset := pg.args()
	rows, err := s.query(ctx, `SELECT id, term_text, source, created_at FROM excluded_terms WHERE project_id = ?
		ORDER BY term_text LIMIT ? OFFSET ?`, projectID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list excluded terms: %w", err)
	}
	out, err := collect(rows, func(sc scanner) (ExcludedTerm, error) {
		var e ExcludedTerm
		var at string
		if err := sc.Scan(&e.ID, &e.TermText, &e.Source, &at); err != nil {
			return e, err
		}
		var err error
		e.CreatedAt, err = parseTime(at)
		return e, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list excluded terms: %w", err)
	}
	return out, total, nil
}

// StepResults returns, for each step with an output, the run that produced
// it, in pipeline order.
func (s *Store) StepResults(ctx context.Context, projectID string) ([]StepResult, error) {
	rows, err := s.query(ctx, `SELECT step, run_id, count, partial, applied_at FROM step_results WHERE project_id = ?
		ORDER BY CASE step WHEN 'extract' THEN 0 WHEN 'provisional' THEN 1 WHEN 'issues' THEN 2 WHEN 'refined' THEN 3 ELSE 4 END, step`, projectID)
	if err != nil {
		return nil, fmt.Errorf("projections: step results: %w", err)
	}
	out, err := collect(rows, func(sc scanner) (StepResult, error) {
		var r StepResult
		var at string
		if err := sc.Scan(&r.Step, &r.RunID, &r.Count, &r.Partial, &at); err != nil {
			return r, err
		}
		var err error
		r.AppliedAt, err = parseTime(at)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("projections: step results: %w", err)
	}
	return out, nil
}

// ItemID returns the stable id of a term (or of the provisional and
// refined entries of that term): the same id the read model stores.
func ItemID(term string) string { return itemID(term) }
