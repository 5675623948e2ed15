package api

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
	"github.com/genglossary/genglossary/projections"
)

// entryView is a provisional or refined entry as the API serves it.
type entryView struct {
	ID          string                `json:"id"`
	TermName    string                `json:"term_name"`
	Category    string                `json:"category"`
	Definition  string                `json:"definition"`
	Confidence  float64               `json:"confidence"`
	Aliases     []string              `json:"aliases"`
	Occurrences []glossary.Occurrence `json:"occurrences"`
	Evidence    string                `json:"evidence"`
	UserNotes   string                `json:"user_notes"`
}

func newEntryView(e projections.Entry) entryView {
	return entryView{
		ID: e.ID, TermName: e.Term, Category: string(e.Category), Definition: e.Definition, Confidence: e.Confidence,
		Aliases: nonNil(e.Aliases), Occurrences: nonNil(e.Occurrences), Evidence: e.Evidence, UserNotes: e.UserNote,
	}
}

// issueView is a review issue as the API serves it.
type issueView struct {
	ID              string `json:"id"`
	TermName        string `json:"term_name"`
	IssueType       string `json:"issue_type"`
	Description     string `json:"description"`
	ShouldExclude   bool   `json:"should_exclude"`
	ExclusionReason string `json:"exclusion_reason"`
}

func newIssueView(is projections.Issue) issueView {
	return issueView{ID: is.ID, TermName: is.Term, IssueType: string(is.Type), Description: is.Description,
		ShouldExclude: is.ShouldExclude, ExclusionReason: is.ExclusionReason}
}

// entryList serves a page of entries from list.
func (s *server) entryList(list func(r *http.Request, pg projections.Page) ([]projections.Entry, int, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pg, err := parsePage(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		items, total, err := list(r, pg)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		out := make([]entryView, 0, len(items))
		for _, e := range items {
			out = append(out, newEntryView(e))
		}
		encode(w, http.StatusOK, listResponse[entryView]{Items: out, Total: total, Limit: pg.Limit, Offset: pg.Offset})
	})
}

// entry loads the entry named by {eid} with get.
func (s *server) entry(r *http.Request, get func(ctx *http.Request, pid, id string) (projections.Entry, error)) (projections.Entry, error) {
	e, err := get(r, projectID(r), chi.URLParam(r, "eid"))
	if errors.Is(err, projections.ErrNotFound) {
		return e, errStatus(http.StatusNotFound, "entry not found")
	}
	return e, err
}

func (s *server) getProvisional(r *http.Request, pid, id string) (projections.Entry, error) {
	return s.Store.GetProvisional(r.Context(), pid, id)
}

func (s *server) getRefined(r *http.Request, pid, id string) (projections.Entry, error) {
	return s.Store.GetRefined(r.Context(), pid, id)
}

func (s *server) handleProvisionalList() http.Handler {
	return s.entryList(func(r *http.Request, pg projections.Page) ([]projections.Entry, int, error) {
		return s.Store.ListProvisional(r.Context(), projectID(r), pg)
	})
}

func (s *server) handleRefinedList() http.Handler {
	return s.entryList(func(r *http.Request, pg projections.Page) ([]projections.Entry, int, error) {
		return s.Store.ListRefined(r.Context(), projectID(r), pg)
	})
}

func (s *server) handleEntryGet(get func(*http.Request, string, string) (projections.Entry, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, err := s.entry(r, get)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, newEntryView(e))
	})
}

func (s *server) handleProvisionalGet() http.Handler { return s.handleEntryGet(s.getProvisional) }

func (s *server) handleRefinedGet() http.Handler { return s.handleEntryGet(s.getRefined) }

type provisionalUpdateRequest struct {
	Definition *string  `json:"definition"`
	Confidence *float64 `json:"confidence"`
}

func (r *provisionalUpdateRequest) Valid() map[string]string {
	out := map[string]string{}
	if r.Definition != nil {
		v := strings.TrimSpace(*r.Definition)
		r.Definition = &v
		switch {
		case v == "":
			out["definition"] = "must not be blank"
		case utf8.RuneCountInString(v) > maxDefinitionLen:
			out["definition"] = "must be at most 10000 characters"
		}
	}
	if r.Confidence != nil && !(*r.Confidence >= 0 && *r.Confidence <= 1) {
		out["confidence"] = "must be a number from 0 to 1"
	}
	if r.Definition == nil && r.Confidence == nil {
		out["definition"] = "definition or confidence is required"
	}
	return out
}

func (s *server) handleProvisionalUpdate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, err := s.entry(r, s.getProvisional)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		req, err := decode[provisionalUpdateRequest](w, r, maxJSONBody)
		if err == nil {
			err = s.publishEdit(r.Context(), projectID(r), events.TermDefinitionEdited{TermName: e.Term, Definition: req.Definition, Confidence: req.Confidence})
		}
		if err == nil {
			e, err = s.entry(r, s.getProvisional)
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, newEntryView(e))
	})
}

// handleProvisionalRegenerate starts a provisional run limited to one
// entry's term; it is a run like any other (history, logs, 409 when one
// is active).
func (s *server) handleProvisionalRegenerate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		e, err := s.entry(r, s.getProvisional)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		run, err := s.requestRun(r.Context(), pid, events.RunRequested{
			Scope: string(pipeline.ScopeProvisional), TriggeredBy: events.TriggeredByAPI, Terms: []string{e.Term},
		})
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid+"/runs/"+run.ID)
		encode(w, http.StatusCreated, run)
	})
}

// glossaryOf returns the project's refined glossary with its issues.
func (s *server) glossaryOf(r *http.Request) (glossary.Glossary, error) {
	pid := projectID(r)
	entries, _, err := s.Store.ListRefined(r.Context(), pid, projections.Page{})
	if err != nil {
		return glossary.Glossary{}, err
	}
	issues, _, err := s.Store.ListIssues(r.Context(), pid, "", projections.Page{})
	if err != nil {
		return glossary.Glossary{}, err
	}
	g := glossary.Glossary{Terms: make([]glossary.Entry, 0, len(entries)), Issues: make([]glossary.Issue, 0, len(issues))}
	for _, e := range entries {
		g.Terms = append(g.Terms, e.Entry)
	}
	for _, is := range issues {
		g.Issues = append(g.Issues, is.Issue)
	}
	return g, nil
}

// handleRefinedExportMD serves the refined glossary as Markdown.
func (s *server) handleRefinedExportMD() http.Handler {
	return s.handleRefinedExport(glossary.Markdown)
}

// handleRefinedExportJSON serves the refined glossary as JSON.
func (s *server) handleRefinedExportJSON() http.Handler { return s.handleRefinedExport(glossary.JSON) }

// handleRefinedExport writes the refined glossary in format f, exactly as
// the CLI's generate command does.
func (s *server) handleRefinedExport(f glossary.Format) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, err := s.glossaryOf(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		var buf bytes.Buffer
		if err := glossary.Write(&buf, g, f); err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		ct, name := "text/markdown; charset=utf-8", "glossary.md"
		if f == glossary.JSON {
			ct, name = "application/json", "glossary.json"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(buf.Bytes())
	})
}

func (s *server) handleIssueList() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pg, err := parsePage(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		typ := r.URL.Query().Get("issue_type")
		if typ != "" && !glossary.IssueType(typ).Valid() {
			msg := "must be one of unclear, contradiction, missing_relation, unnecessary"
			writeError(w, r, s.Logger, errWith(http.StatusUnprocessableEntity, "invalid request: issue_type: "+msg, map[string]any{"errors": map[string]string{"issue_type": msg}}))
			return
		}
		items, total, err := s.Store.ListIssues(r.Context(), projectID(r), typ, pg)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		out := make([]issueView, 0, len(items))
		for _, is := range items {
			out = append(out, newIssueView(is))
		}
		encode(w, http.StatusOK, listResponse[issueView]{Items: out, Total: total, Limit: pg.Limit, Offset: pg.Offset})
	})
}

func (s *server) handleIssueGet() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		is, err := s.Store.GetIssue(r.Context(), projectID(r), chi.URLParam(r, "iid"))
		if errors.Is(err, projections.ErrNotFound) {
			err = errStatus(http.StatusNotFound, "issue not found")
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, newIssueView(is))
	})
}
