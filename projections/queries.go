package projections

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Project states, see [Project].State.
const (
	StateRunning    = "running"
	StateFailed     = "failed"
	StateEmpty      = "empty"
	StateNeedsRerun = "needs_rerun"
	StateUpToDate   = "up_to_date"
)

// Page selects a slice of a sorted list. Limit <= 0 means no limit; a
// negative Offset counts as 0.
type Page struct {
	Limit  int
	Offset int
}

func (p Page) args() (limit, offset int) {
	limit = p.Limit
	if limit <= 0 {
		limit = -1
	}
	return limit, max(p.Offset, 0)
}

// Project is a project as the API serves it.
type Project struct {
	ID            string      `json:"id"`
	Name          string      `json:"name"`
	LLMProvider   string      `json:"llm_provider"`
	LLMModel      string      `json:"llm_model"`
	LLMBaseURL    string      `json:"llm_base_url"`
	CreatedAt     time.Time   `json:"created_at"`
	UpdatedAt     time.Time   `json:"updated_at"`
	DocumentCount int         `json:"document_count"`
	TermCount     int         `json:"term_count"`
	IssueCount    int         `json:"issue_count"`
	LastRun       *RunSummary `json:"last_run"`
	// State is the GUI badge: "running" when a run is pending or running,
	// else "failed" when the latest run failed, else "empty" without
	// documents, else "needs_rerun" when documents (or edits) changed after
	// the last completed run started (when the runner read its inputs, so
	// a document added during a run also asks for a re-run), or no run ever
	// completed, else "up_to_date".
	State string `json:"state"`
}

// RunSummary is the latest run of a project, in [Project].
type RunSummary struct {
	ID         string     `json:"id"`
	Status     string     `json:"status"`
	Scope      string     `json:"scope"`
	FinishedAt *time.Time `json:"finished_at"`
}

const projectSelect = `SELECT p.id, p.name, p.llm_provider, p.llm_model, p.llm_base_url, p.created_at, p.updated_at, p.inputs_at,
	(SELECT COUNT(*) FROM documents d WHERE d.project_id = p.id),
	(SELECT COUNT(*) FROM terms t WHERE t.project_id = p.id),
	(SELECT COUNT(*) FROM issues i WHERE i.project_id = p.id),
	(SELECT COUNT(*) FROM runs a WHERE a.project_id = p.id AND a.status IN ` + activeStatuses + `),
	(SELECT MAX(COALESCE(c.started_at, c.finished_at)) FROM runs c WHERE c.project_id = p.id AND c.status = '` + StatusCompleted + `'),
	p.results_at,
	lr.id, lr.status, lr.scope, lr.finished_at
FROM projects p
LEFT JOIN runs lr ON lr.id = (SELECT l.id FROM runs l WHERE l.project_id = p.id ORDER BY l.seq DESC LIMIT 1)`

type scanner interface{ Scan(dest ...any) error }

func scanProject(sc scanner) (Project, error) {
	var (
		p                              Project
		created, updated, inputs       string
		active                         int
		lastCompleted, resultsAt       sql.NullString
		lrID, lrStatus, lrScope, lrFin sql.NullString
	)
	if err := sc.Scan(&p.ID, &p.Name, &p.LLMProvider, &p.LLMModel, &p.LLMBaseURL, &created, &updated, &inputs,
		&p.DocumentCount, &p.TermCount, &p.IssueCount, &active, &lastCompleted, &resultsAt,
		&lrID, &lrStatus, &lrScope, &lrFin); err != nil {
		return Project{}, err
	}
	var err error
	if p.CreatedAt, err = parseTime(created); err != nil {
		return Project{}, err
	}
	if p.UpdatedAt, err = parseTime(updated); err != nil {
		return Project{}, err
	}
	if lrID.Valid {
		fin, err := parseNullTime(lrFin)
		if err != nil {
			return Project{}, err
		}
		p.LastRun = &RunSummary{ID: lrID.String, Status: lrStatus.String, Scope: lrScope.String, FinishedAt: fin}
	}
	// Results imported by a clone of an up-to-date project count as a
	// completed run.
	if resultsAt.Valid && (!lastCompleted.Valid || resultsAt.String > lastCompleted.String) {
		lastCompleted = resultsAt
	}
	switch {
	case active > 0:
		p.State = StateRunning
	case p.LastRun != nil && p.LastRun.Status == StatusFailed:
		p.State = StateFailed
	case p.DocumentCount == 0:
		p.State = StateEmpty
	case !lastCompleted.Valid || inputs > lastCompleted.String:
		p.State = StateNeedsRerun
	default:
		p.State = StateUpToDate
	}
	return p, nil
}

// ListProjects returns a page of projects sorted by name then id, and the
// total number of projects.
func (s *Store) ListProjects(ctx context.Context, pg Page) ([]Project, int, error) {
	var total int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM projects").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("projections: count projects: %w", err)
	}
	limit, offset := pg.args()
	rows, err := s.query(ctx, projectSelect+" ORDER BY p.name, p.id LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list projects: %w", err)
	}
	defer rows.Close()
	var out []Project
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("projections: list projects: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("projections: list projects: %w", err)
	}
	return out, total, nil
}

// GetProject returns a project, or an error wrapping [ErrNotFound].
func (s *Store) GetProject(ctx context.Context, id string) (Project, error) {
	p, err := scanProject(s.queryRow(ctx, projectSelect+" WHERE p.id = ?", id))
	return p, notFound(err, "project %s", id)
}

// ProjectExists reports whether the read model holds project id. It reads
// the project's row only, none of the counts [Store.GetProject] computes,
// so it is what routes that need the project's id alone check.
func (s *Store) ProjectExists(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.queryRow(ctx, "SELECT 1 FROM projects WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("projections: project %s: %w", id, err)
	}
	return true, nil
}

// ProjectByName returns the project named exactly name (the oldest one if
// several share it), or an error wrapping [ErrNotFound].
func (s *Store) ProjectByName(ctx context.Context, name string) (Project, error) {
	p, err := scanProject(s.queryRow(ctx, projectSelect+" WHERE p.name = ? ORDER BY p.seq LIMIT 1", name))
	return p, notFound(err, "project named %q", name)
}

// notFound maps sql.ErrNoRows to ErrNotFound and wraps other errors.
func notFound(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	what := fmt.Sprintf(format, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %s", ErrNotFound, what)
	}
	return fmt.Errorf("projections: get %s: %w", what, err)
}

// Document is a document of a project. ObjectKey (its key in the gg-docs
// object store) is not served.
type Document struct {
	ID        string    `json:"id"`
	ProjectID string    `json:"project_id"`
	FileName  string    `json:"file_name"`
	Size      int64     `json:"size"`
	SHA256    string    `json:"sha256"`
	ObjectKey string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	// Reflected reports whether the current terms were extracted with
	// this document: a completed full or extract run (an incremental one
	// naming it) started after it was added, or results imported by a
	// clone after it. False means the document needs a re-run.
	Reflected bool `json:"reflected"`
}

const documentSelect = `SELECT id, project_id, file_name, size, sha256, object_key, created_at,
	EXISTS (SELECT 1 FROM runs r WHERE r.project_id = documents.project_id AND r.status = '` + StatusCompleted + `'
		AND r.scope IN ('full', 'extract') AND r.started_at >= documents.created_at
		AND (r.documents = '' OR EXISTS (SELECT 1 FROM json_each(r.documents) j WHERE j.value = documents.id)))
	OR EXISTS (SELECT 1 FROM projects p WHERE p.id = documents.project_id AND p.results_at >= documents.created_at)
	FROM documents`

func scanDocument(sc scanner) (Document, error) {
	var d Document
	var created string
	if err := sc.Scan(&d.ID, &d.ProjectID, &d.FileName, &d.Size, &d.SHA256, &d.ObjectKey, &created, &d.Reflected); err != nil {
		return Document{}, err
	}
	var err error
	d.CreatedAt, err = parseTime(created)
	return d, err
}

// ListDocuments returns a page of a project's documents sorted by file
// name then id, and their total number.
func (s *Store) ListDocuments(ctx context.Context, projectID string, pg Page) ([]Document, int, error) {
	total, err := s.CountDocuments(ctx, projectID)
	if err != nil {
		return nil, 0, err
	}
	limit, offset := pg.args()
	rows, err := s.query(ctx, documentSelect+" WHERE project_id = ? ORDER BY file_name, id LIMIT ? OFFSET ?", projectID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list documents: %w", err)
	}
	out, err := collect(rows, scanDocument)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list documents: %w", err)
	}
	return out, total, nil
}

// CountDocuments returns the number of documents of a project.
func (s *Store) CountDocuments(ctx context.Context, projectID string) (int, error) {
	var n int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM documents WHERE project_id = ?", projectID).Scan(&n); err != nil {
		return 0, fmt.Errorf("projections: count documents: %w", err)
	}
	return n, nil
}

// GetDocument returns a document of a project, or an error wrapping
// [ErrNotFound].
func (s *Store) GetDocument(ctx context.Context, projectID, docID string) (Document, error) {
	d, err := scanDocument(s.queryRow(ctx, documentSelect+" WHERE project_id = ? AND id = ?", projectID, docID))
	return d, notFound(err, "document %s", docID)
}

// DocumentByName returns the document of a project named exactly name (the
// oldest if several), or an error wrapping [ErrNotFound].
func (s *Store) DocumentByName(ctx context.Context, projectID, name string) (Document, error) {
	d, err := scanDocument(s.queryRow(ctx, documentSelect+" WHERE project_id = ? AND file_name = ? ORDER BY seq LIMIT 1", projectID, name))
	return d, notFound(err, "document named %q", name)
}

// Run is a pipeline run as the API serves it.
type Run struct {
	ID              string     `json:"id"`
	ProjectID       string     `json:"project_id"`
	Scope           string     `json:"scope"`
	Status          string     `json:"status"`
	TriggeredBy     string     `json:"triggered_by"`
	CreatedAt       time.Time  `json:"created_at"`
	StartedAt       *time.Time `json:"started_at"`
	FinishedAt      *time.Time `json:"finished_at"`
	ErrorMessage    string     `json:"error_message"`
	ProgressCurrent int        `json:"progress_current"`
	ProgressTotal   int        `json:"progress_total"`
	CurrentStep     string     `json:"current_step"`
	Attempt         int        `json:"attempt"`
	RunnerID        string     `json:"runner_id"`
	CancelRequested bool       `json:"cancel_requested"`
	// LogsTruncated: the run's log is incomplete (see
	// events.RunCompleted.LogsTruncated).
	LogsTruncated bool `json:"logs_truncated"`
	// Steps are the run's steps in the order they started; never nil.
	Steps []RunStep `json:"steps"`
}

// Terminal reports whether the run has ended.
func (r Run) Terminal() bool {
	return r.Status != StatusPending && r.Status != StatusRunning
}

// RunStep is one step of a [Run]: status "started" or "completed", Count
// its output size once completed.
type RunStep struct {
	Step       string     `json:"step"`
	Status     string     `json:"status"`
	Count      int        `json:"count"`
	StartedAt  *time.Time `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at"`
	// Partial is set when the run was cancelled during this step and the
	// step's output kept what it had finished (provisional, refined).
	Partial bool `json:"partial,omitempty"`
}

const runSelect = `SELECT id, project_id, scope, status, triggered_by, created_at, started_at, finished_at, error_message,
	progress_current, progress_total, current_step, attempt, runner_id, cancel_requested, logs_truncated FROM runs`

func scanRun(sc scanner) (Run, error) {
	var (
		r                 Run
		created           string
		started, finished sql.NullString
	)
	if err := sc.Scan(&r.ID, &r.ProjectID, &r.Scope, &r.Status, &r.TriggeredBy, &created, &started, &finished, &r.ErrorMessage,
		&r.ProgressCurrent, &r.ProgressTotal, &r.CurrentStep, &r.Attempt, &r.RunnerID, &r.CancelRequested, &r.LogsTruncated); err != nil {
		return Run{}, err
	}
	var err error
	if r.CreatedAt, err = parseTime(created); err != nil {
		return Run{}, err
	}
	if r.StartedAt, err = parseNullTime(started); err != nil {
		return Run{}, err
	}
	if r.FinishedAt, err = parseNullTime(finished); err != nil {
		return Run{}, err
	}
	r.Steps = []RunStep{}
	return r, nil
}

// withSteps fills the Steps of runs.
func (s *Store) withSteps(ctx context.Context, runs []Run) error {
	if len(runs) == 0 {
		return nil
	}
	idx := make(map[string]int, len(runs))
	args := make([]any, len(runs))
	for i, r := range runs {
		idx[r.ID] = i
		args[i] = r.ID
	}
	q := "SELECT run_id, step, status, count, started_at, finished_at, partial FROM run_steps WHERE run_id IN (?" +
		strings.Repeat(",?", len(runs)-1) + ") ORDER BY run_id, seq, step"
	rows, err := s.r.QueryContext(ctx, q, args...) // the IN list varies: not cached
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			runID             string
			st                RunStep
			started, finished sql.NullString
		)
		if err := rows.Scan(&runID, &st.Step, &st.Status, &st.Count, &started, &finished, &st.Partial); err != nil {
			return err
		}
		if st.StartedAt, err = parseNullTime(started); err != nil {
			return err
		}
		if st.FinishedAt, err = parseNullTime(finished); err != nil {
			return err
		}
		i := idx[runID]
		runs[i].Steps = append(runs[i].Steps, st)
	}
	return rows.Err()
}

// oneRun runs a query for at most one run and fills its steps.
func (s *Store) oneRun(ctx context.Context, query string, args ...any) (Run, error) {
	r, err := scanRun(s.queryRow(ctx, query, args...))
	if err != nil {
		return Run{}, err
	}
	runs := []Run{r}
	if err := s.withSteps(ctx, runs); err != nil {
		return Run{}, err
	}
	return runs[0], nil
}

// ListRuns returns a page of a project's runs, newest first, and their
// total number.
func (s *Store) ListRuns(ctx context.Context, projectID string, pg Page) ([]Run, int, error) {
	var total int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM runs WHERE project_id = ?", projectID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("projections: count runs: %w", err)
	}
	limit, offset := pg.args()
	rows, err := s.query(ctx, runSelect+" WHERE project_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?", projectID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list runs: %w", err)
	}
	runs, err := collect(rows, scanRun)
	if err == nil {
		err = s.withSteps(ctx, runs)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("projections: list runs: %w", err)
	}
	return runs, total, nil
}

// GetRun returns a run of a project, or an error wrapping [ErrNotFound].
func (s *Store) GetRun(ctx context.Context, projectID, runID string) (Run, error) {
	r, err := s.oneRun(ctx, runSelect+" WHERE project_id = ? AND id = ?", projectID, runID)
	return r, notFound(err, "run %s", runID)
}

// ActiveRun returns the project's pending or running run (the newest if,
// against the invariant, there are several), or an error wrapping
// [ErrNotFound].
func (s *Store) ActiveRun(ctx context.Context, projectID string) (Run, error) {
	r, err := s.oneRun(ctx, runSelect+" WHERE project_id = ? AND status IN "+activeStatuses+" ORDER BY seq DESC LIMIT 1", projectID)
	return r, notFound(err, "active run of project %s", projectID)
}

// CurrentRun returns the project's active run, else its latest run, else
// an error wrapping [ErrNotFound].
func (s *Store) CurrentRun(ctx context.Context, projectID string) (Run, error) {
	r, err := s.oneRun(ctx, runSelect+` WHERE project_id = ?
		ORDER BY CASE WHEN status IN `+activeStatuses+` THEN 0 ELSE 1 END, seq DESC LIMIT 1`, projectID)
	return r, notFound(err, "run of project %s", projectID)
}

// RunByIdempotencyKey returns the project's run requested with key (the
// newest if several), or an error wrapping [ErrNotFound]. An empty key
// finds nothing.
func (s *Store) RunByIdempotencyKey(ctx context.Context, projectID, key string) (Run, error) {
	if key == "" {
		return Run{}, fmt.Errorf("%w: empty idempotency key", ErrNotFound)
	}
	r, err := s.oneRun(ctx, runSelect+" WHERE project_id = ? AND idempotency_key = ? ORDER BY seq DESC LIMIT 1", projectID, key)
	return r, notFound(err, "run with idempotency key %q", key)
}

// collect scans every row with scan and closes rows.
func collect[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
