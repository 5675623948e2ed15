package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/internal/projectstate"
	"github.com/genglossary/genglossary/internal/termedits"
	"github.com/genglossary/genglossary/projections"
)

type projectCloneRequest struct {
	NewName string `json:"new_name"`
}

func (r *projectCloneRequest) Valid() map[string]string {
	r.NewName = strings.TrimSpace(r.NewName)
	if m := validProjectName(r.NewName); m != "" {
		return map[string]string{"new_name": m}
	}
	return nil
}

// handleProjectClone copies a project's documents, settings, user edits
// and current step outputs (not its runs) into a new project, as events of
// the new project: project.created, one doc.added per document (content
// re-put under the new project), the user edits as term.* events, then
// project.cloned carrying the step outputs. See docs/architecture.md,
// "Clone".
func (s *server) handleProjectClone() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		src, err := s.project(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		req, err := decode[projectCloneRequest](w, r, maxJSONBody)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		// Read everything first: a source that cannot be read creates
		// nothing.
		state, err := projectstate.Load(ctx, s.JS, src.ID)
		if err != nil {
			s.Logger.Error("clone: load source", "project_id", src.ID, "err", err)
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		docs, _, err := s.Store.ListDocuments(ctx, src.ID, projections.Page{})
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		steps, err := s.Store.StepResults(ctx, src.ID)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		pid := events.NewID()
		if err := s.reserveName(ctx, req.NewName, pid); err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		created := false
		fail := func(err error) {
			if created {
				// Leave no half-made project behind.
				if env, e := newEnvelope(pid, "", events.ProjectDeleted{}); e == nil {
					_, _ = s.publish(context.WithoutCancel(ctx), env)
				}
				s.purgeProject(context.WithoutCancel(ctx), pid)
			}
			s.releaseName(context.WithoutCancel(ctx), req.NewName, pid)
			writeError(w, r, s.Logger, err)
		}
		var last uint64
		pub := func(d events.Data) error {
			env, err := newEnvelope(pid, "", d)
			if err != nil {
				return err
			}
			ack, err := events.Publish(ctx, s.JS, env)
			if err != nil {
				s.Logger.Error("clone: publish", "type", env.Type, "project_id", pid, "err", err)
				return errUnavailable
			}
			last = ack.Sequence
			return nil
		}
		if err := pub(events.ProjectCreated{Name: req.NewName, LLMProvider: src.LLMProvider, LLMModel: src.LLMModel, LLMBaseURL: src.LLMBaseURL}); err != nil {
			fail(err)
			return
		}
		created = true
		if err := s.cloneDocuments(ctx, pid, docs, pub); err != nil {
			fail(err)
			return
		}
		for _, d := range editEvents(&state.Edits) {
			if err := pub(d); err != nil {
				fail(err)
				return
			}
		}
		imp, err := s.cloneResults(ctx, pid, src, state, steps)
		if err == nil {
			err = pub(imp)
		}
		if err == nil {
			err = s.wait(ctx, last)
		}
		var p projections.Project
		if err == nil {
			p, err = s.Store.GetProject(ctx, pid)
		}
		if err != nil {
			fail(err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid)
		encode(w, http.StatusCreated, p)
	})
}

// cloneDocuments copies each document's content under the new project and
// publishes its doc.added.
func (s *server) cloneDocuments(ctx context.Context, pid string, docs []projections.Document, pub func(events.Data) error) error {
	if len(docs) == 0 {
		return nil
	}
	store, err := s.JS.ObjectStore(ctx, events.DocsBucket)
	if err != nil {
		s.Logger.Error("docs object store", "err", err)
		return errUnavailable
	}
	for _, d := range docs {
		b, err := store.GetBytes(ctx, d.ObjectKey)
		if err != nil {
			s.Logger.Error("clone: read document", "project_id", d.ProjectID, "doc_id", d.ID, "err", err)
			return errUnavailable
		}
		id := events.NewID()
		key, err := events.DocObjectKey(pid, id)
		if err != nil {
			return err
		}
		if _, err := store.PutBytes(ctx, key, b); err != nil {
			s.Logger.Error("clone: store document", "project_id", pid, "err", err)
			return errUnavailable
		}
		if err := pub(events.DocAdded{DocID: id, FileName: d.FileName, Size: d.Size, SHA256: d.SHA256, ObjectKey: key}); err != nil {
			return err
		}
	}
	return nil
}

// editEvents returns term.* events that rebuild ed in a new project.
// Provisional definition edits are not replayed: the imported provisional
// entries carry them.
func editEvents(ed *termedits.Edits) []events.Data {
	var out []events.Data
	for _, t := range sortedKeys(ed.Manual) {
		m := ed.Manual[t]
		out = append(out, events.TermAdded{TermText: t, Category: string(m.Category), UserNote: ed.Notes[t]})
	}
	for _, t := range sortedKeys(ed.Categories) {
		if _, manual := ed.Manual[t]; !manual {
			c := string(ed.Categories[t])
			out = append(out, events.TermUpdated{TermText: t, Category: &c})
		}
	}
	for _, t := range sortedKeys(ed.Notes) {
		if _, manual := ed.Manual[t]; !manual {
			n := ed.Notes[t]
			out = append(out, events.TermUpdated{TermText: t, UserNote: &n})
		}
	}
	for _, t := range sortedKeys(ed.Required) {
		out = append(out, events.TermRequired{TermText: t})
	}
	for _, t := range sortedKeys(ed.Excluded) {
		out = append(out, events.TermExcluded{TermText: t})
	}
	for _, g := range ed.SortedGroups() {
		out = append(out, events.TermSynonymsSet{GroupID: g.ID, Primary: g.Primary, Members: g.Members})
	}
	for _, t := range sortedKeys(ed.Deleted) {
		out = append(out, events.TermDeleted{TermText: t})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// cloneResults builds the project.cloned import of the source's current
// step outputs (with its edits applied), large ones put in the artifacts
// store under the new project.
func (s *server) cloneResults(ctx context.Context, pid string, src projections.Project, state *projectstate.Project, steps []projections.StepResult) (events.ProjectCloned, error) {
	imp := events.ProjectCloned{SourceProjectID: src.ID, UpToDate: src.State == projections.StateUpToDate}
	importID := events.NewID()
	st := state.State
	for _, sr := range steps {
		var out events.StepOutput
		count := sr.Count
		switch pipeline.Step(sr.Step) {
		case pipeline.StepExtract:
			out.Terms, out.AutoExcluded = st.Terms, st.AutoExcluded
			if out.Terms == nil {
				out.Terms = []glossary.Term{}
			}
		case pipeline.StepProvisional:
			out.Entries = st.Provisional
		case pipeline.StepIssues:
			out.Issues = st.Issues
		case pipeline.StepRefined:
			out.Entries = st.Refined
		default:
			continue
		}
		out.Partial = sr.Partial
		raw, err := json.Marshal(out)
		if err != nil {
			return imp, err
		}
		res, err := s.newResult(ctx, pid, importID, sr.Step, count, raw)
		if err != nil {
			return imp, err
		}
		imp.Results = append(imp.Results, res)
	}
	return imp, nil
}

// newResult applies the claim check to one imported step output.
func (s *server) newResult(ctx context.Context, pid, importID, step string, count int, raw []byte) (events.RunResult, error) {
	if len(raw) <= events.MaxInlineResult {
		return events.NewRunResult(ctx, nil, pid, importID, step, count, raw)
	}
	store, err := s.JS.ObjectStore(ctx, events.ArtifactsBucket)
	if err != nil {
		s.Logger.Error("artifacts object store", "err", err)
		return events.RunResult{}, errUnavailable
	}
	return events.NewRunResult(ctx, store, pid, importID, step, count, raw)
}
