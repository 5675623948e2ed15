package projections

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/termedits"
)

// Sources of an excluded term.
const (
	ExcludedByUser = "user"
	ExcludedAuto   = "auto"
)

// termState is a project's row of term_state.
type termState struct {
	edits     termedits.Edits
	extracted []glossary.Term
}

func (a *applier) loadTermState(ctx context.Context, pid string) (termState, error) {
	var st termState
	var edits, extracted string
	err := a.scan(ctx, "SELECT edits, extracted FROM term_state WHERE project_id = ?", []any{pid}, &edits, &extracted)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	if err := json.Unmarshal([]byte(edits), &st.edits); err != nil {
		return st, fmt.Errorf("stored edits of %s: %w", pid, err)
	}
	if err := json.Unmarshal([]byte(extracted), &st.extracted); err != nil {
		return st, fmt.Errorf("stored terms of %s: %w", pid, err)
	}
	return st, nil
}

// saveTermState stores st and rebuilds the project's terms table from it.
// It returns the number of terms.
func (a *applier) saveTermState(ctx context.Context, pid string, st termState) (int, error) {
	edits, err := json.Marshal(st.edits)
	if err != nil {
		return 0, skipf("edits of %s: %v", pid, err)
	}
	if st.extracted == nil {
		st.extracted = []glossary.Term{}
	}
	extracted, err := json.Marshal(st.extracted)
	if err != nil {
		return 0, skipf("terms of %s: %v", pid, err)
	}
	if _, err := a.exec(ctx, `INSERT INTO term_state (project_id, edits, extracted) VALUES (?, ?, ?)
		ON CONFLICT (project_id) DO UPDATE SET edits = excluded.edits, extracted = excluded.extracted`,
		pid, string(edits), string(extracted)); err != nil {
		return 0, err
	}
	if _, err := a.exec(ctx, "DELETE FROM terms WHERE project_id = ?", pid); err != nil {
		return 0, err
	}
	stmt, err := a.stmt(ctx, `INSERT INTO terms (project_id, term_text, id, category, data) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (project_id, term_text) DO UPDATE SET category = excluded.category, data = excluded.data`)
	if err != nil {
		return 0, err
	}
	terms := st.edits.Terms(st.extracted)
	for _, t := range terms {
		b, err := json.Marshal(t)
		if err != nil {
			return 0, skipf("term %q: %v", t.Text, err)
		}
		if _, err := stmt.ExecContext(ctx, pid, t.Text, itemID(t.Text), string(t.Category), string(b)); err != nil {
			return 0, err
		}
	}
	return len(terms), nil
}

// applyEdit applies a term.* user edit: the project's edits change, the
// terms table is rebuilt, the excluded list and provisional entries follow
// the edit, and the project's inputs_at moves so its state asks for a
// re-run.
func (a *applier) applyEdit(ctx context.Context, env events.Envelope, d events.Data, at string) (bool, error) {
	pid := env.ProjectID
	ok, err := a.projectExists(ctx, pid)
	if err != nil || !ok {
		return false, err
	}
	err = a.atomic(ctx, func() error {
		st, err := a.loadTermState(ctx, pid)
		if err != nil {
			return err
		}
		if _, err := st.edits.Apply(d); err != nil {
			return skipf("%v", err)
		}
		switch v := d.(type) {
		case events.TermExcluded:
			_, err = a.exec(ctx, `INSERT INTO excluded_terms (project_id, term_text, id, source, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (project_id, term_text) DO UPDATE SET source = excluded.source, created_at = excluded.created_at`,
				pid, v.TermText, itemID(v.TermText), ExcludedByUser, at)
		case events.TermUnexcluded:
			_, err = a.exec(ctx, "DELETE FROM excluded_terms WHERE project_id = ? AND term_text = ?", pid, v.TermText)
		case events.TermRequired:
			_, err = a.exec(ctx, "DELETE FROM excluded_terms WHERE project_id = ? AND term_text = ?", pid, v.TermText)
		case events.TermDefinitionEdited:
			err = a.editProvisional(ctx, pid, &st.edits, v.TermName)
		}
		if err != nil {
			return err
		}
		if _, err := a.saveTermState(ctx, pid, st); err != nil {
			return err
		}
		_, err = a.exec(ctx, "UPDATE projects SET inputs_at = ? WHERE id = ?", at, pid)
		return err
	})
	return err == nil, err
}

// editProvisional rewrites the provisional entry of term with its edit.
func (a *applier) editProvisional(ctx context.Context, pid string, ed *termedits.Edits, term string) error {
	var data string
	err := a.scan(ctx, "SELECT data FROM provisional WHERE project_id = ? AND term_name = ?", []any{pid, term}, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var e glossary.Entry
	if err := json.Unmarshal([]byte(data), &e); err != nil {
		return skipf("stored provisional entry %q: %v", term, err)
	}
	b, err := json.Marshal(ed.EditEntry(e))
	if err != nil {
		return skipf("provisional entry %q: %v", term, err)
	}
	_, err = a.exec(ctx, "UPDATE provisional SET data = ? WHERE project_id = ? AND term_name = ?", string(b), pid, term)
	return err
}

// stepOutput is one step's decoded output carried by project.cloned.
type stepOutput struct {
	step string
	out  events.StepOutput
}

// applyClone imports the step outputs of a cloned project. Outputs are
// applied in pipeline order; no run is recorded.
func (a *applier) applyClone(ctx context.Context, env events.Envelope, d events.ProjectCloned, outs []stepOutput, at string, seq int64) (bool, error) {
	pid := env.ProjectID
	ok, err := a.projectExists(ctx, pid)
	if err != nil || !ok {
		return false, err
	}
	err = a.atomic(ctx, func() error {
		for _, o := range outs {
			if err := a.replaceStep(ctx, pid, "", o.step, o.out, at, seq); err != nil {
				return err
			}
		}
		if d.UpToDate {
			_, err := a.exec(ctx, "UPDATE projects SET results_at = ? WHERE id = ?", at, pid)
			return err
		}
		return nil
	})
	return err == nil, err
}

// TermEdits returns a project's folded user edits (empty when it has
// none).
func (s *Store) TermEdits(ctx context.Context, projectID string) (termedits.Edits, error) {
	var ed termedits.Edits
	var raw string
	err := s.queryRow(ctx, "SELECT edits FROM term_state WHERE project_id = ?", projectID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return ed, nil
	}
	if err != nil {
		return ed, fmt.Errorf("projections: edits of %s: %w", projectID, err)
	}
	if err := json.Unmarshal([]byte(raw), &ed); err != nil {
		return ed, fmt.Errorf("projections: edits of %s: %w", projectID, err)
	}
	return ed, nil
}
