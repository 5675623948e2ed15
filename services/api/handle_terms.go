package api

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/termedits"
	"github.com/genglossary/genglossary/projections"
)

// Bounds of user-edited text.
const (
	maxTermLen       = 200
	maxNoteLen       = 2000
	maxDefinitionLen = 10000
	maxSynonyms      = 50
)

// termView is a term as the API serves it.
type termView struct {
	ID              string   `json:"id"`
	TermText        string   `json:"term_text"`
	Category        string   `json:"category"`
	UserNotes       string   `json:"user_notes"`
	OccurrenceCount int      `json:"occurrence_count"`
	FirstDocument   string   `json:"first_document"`
	Documents       []string `json:"documents"`
	// Manual is set for a hand-added term; Required for a required one.
	Manual   bool `json:"manual"`
	Required bool `json:"required"`
	// Occurrences are served by GET .../terms/{tid} only.
	Occurrences []glossary.Occurrence `json:"occurrences,omitempty"`
}

func newTermView(t projections.Term, ed *termedits.Edits) termView {
	v := termView{
		ID: t.ID, TermText: t.Text, Category: string(t.Category), UserNotes: t.UserNote,
		OccurrenceCount: t.Frequency, Documents: nonNil(t.Documents),
		Manual: ed.Manual[t.Text].Text != "", Required: ed.Required[t.Text],
	}
	if len(t.Documents) > 0 {
		v.FirstDocument = t.Documents[0]
	}
	return v
}

// validTermText checks a term's text; it returns a message or "".
func validTermText(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "must not be blank"
	case utf8.RuneCountInString(s) > maxTermLen:
		return "must be at most 200 characters"
	}
	for _, r := range s {
		if document.IsBidiOrControl(r) {
			return "must not contain control or bidirectional characters"
		}
	}
	return ""
}

func validCategory(s string) string {
	if !glossary.Category(s).Valid() {
		return "must be one of person_name, place_name, organization, title, technical_term, common_noun"
	}
	return ""
}

func validNote(s string) string {
	if utf8.RuneCountInString(s) > maxNoteLen {
		return "must be at most 2000 characters"
	}
	return ""
}

type termCreateRequest struct {
	TermText  string `json:"term_text"`
	Category  string `json:"category"`
	UserNotes string `json:"user_notes"`
}

func (r *termCreateRequest) Valid() map[string]string {
	r.TermText = strings.TrimSpace(r.TermText)
	if r.Category == "" {
		r.Category = string(glossary.TechnicalTerm)
	}
	out := map[string]string{}
	if m := validTermText(r.TermText); m != "" {
		out["term_text"] = m
	}
	if m := validCategory(r.Category); m != "" {
		out["category"] = m
	}
	if m := validNote(r.UserNotes); m != "" {
		out["user_notes"] = m
	}
	return out
}

type termUpdateRequest struct {
	TermText  *string `json:"term_text"`
	Category  *string `json:"category"`
	UserNotes *string `json:"user_notes"`
}

func (r *termUpdateRequest) Valid() map[string]string {
	out := map[string]string{}
	if r.TermText != nil {
		v := strings.TrimSpace(*r.TermText)
		r.TermText = &v
		if m := validTermText(v); m != "" {
			out["term_text"] = m
		}
	}
	if r.Category != nil {
		if m := validCategory(*r.Category); m != "" {
			out["category"] = m
		}
	}
	if r.UserNotes != nil {
		if m := validNote(*r.UserNotes); m != "" {
			out["user_notes"] = m
		}
	}
	if r.TermText == nil && r.Category == nil && r.UserNotes == nil {
		out["term_text"] = "one of term_text, category or user_notes is required"
	}
	return out
}

// publishEdit publishes a user edit of a project and waits until the read
// model has it.
func (s *server) publishEdit(ctx context.Context, projectID string, d events.Data) error {
	env, err := newEnvelope(projectID, "", d)
	if err != nil {
		return err
	}
	_, err = s.publish(ctx, env)
	return err
}

// termByText returns the current term with text, if any.
func (s *server) termByText(ctx context.Context, projectID, text string) (projections.Term, bool, error) {
	t, err := s.Store.GetTerm(ctx, projectID, projections.ItemID(text))
	if errors.Is(err, projections.ErrNotFound) {
		return t, false, nil
	}
	return t, err == nil, err
}

func (s *server) edits(ctx context.Context, projectID string) (*termedits.Edits, error) {
	ed, err := s.Store.TermEdits(ctx, projectID)
	return &ed, err
}

func (s *server) handleTermList() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		pg, err := parsePage(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		items, total, err := s.Store.ListTerms(r.Context(), pid, pg)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		ed, err := s.edits(r.Context(), pid)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		out := make([]termView, 0, len(items))
		for _, t := range items {
			out = append(out, newTermView(t, ed))
		}
		encode(w, http.StatusOK, listResponse[termView]{Items: out, Total: total, Limit: pg.Limit, Offset: pg.Offset})
	})
}

// term loads the term named by {tid}.
func (s *server) term(r *http.Request) (projections.Term, error) {
	t, err := s.Store.GetTerm(r.Context(), projectID(r), chi.URLParam(r, "tid"))
	if errors.Is(err, projections.ErrNotFound) {
		return t, errStatus(http.StatusNotFound, "term not found")
	}
	return t, err
}

func (s *server) handleTermGet() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t, err := s.term(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		v, err := s.termWithOccurrences(r.Context(), projectID(r), t)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, v)
	})
}

// termWithOccurrences serves a term with its occurrences: those of its
// provisional entry when it has one (synonyms included), else found in the
// project's current documents.
func (s *server) termWithOccurrences(ctx context.Context, pid string, t projections.Term) (termView, error) {
	ed, err := s.edits(ctx, pid)
	if err != nil {
		return termView{}, err
	}
	v := newTermView(t, ed)
	if e, err := s.Store.GetProvisional(ctx, pid, t.ID); err == nil {
		v.Occurrences = e.Occurrences
	} else if !errors.Is(err, projections.ErrNotFound) {
		return v, err
	} else {
		docs, err := s.loadDocuments(ctx, pid)
		if err != nil {
			return v, err
		}
		v.Occurrences = glossary.FindOccurrences(docs, append([]string{t.Text}, ed.Synonyms()[t.Text]...)...)
	}
	v.Occurrences = nonNil(v.Occurrences)
	return v, nil
}

// loadDocuments reads and parses a project's current documents.
func (s *server) loadDocuments(ctx context.Context, pid string) ([]glossary.Document, error) {
	docs, _, err := s.Store.ListDocuments(ctx, pid, projections.Page{})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	store, err := s.JS.ObjectStore(ctx, events.DocsBucket)
	if err != nil {
		s.Logger.Error("docs object store", "err", err)
		return nil, errUnavailable
	}
	out := make([]glossary.Document, 0, len(docs))
	for _, d := range docs {
		b, err := store.GetBytes(ctx, d.ObjectKey)
		if err != nil {
			s.Logger.Warn("read document", "project_id", pid, "doc_id", d.ID, "err", err)
			continue
		}
		doc, err := document.ParseStored(d.FileName, b, document.Limits{})
		if err != nil {
			continue
		}
		out = append(out, doc)
	}
	return out, nil
}

func (s *server) handleTermCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		req, err := decode[termCreateRequest](w, r, maxJSONBody)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		if _, ok, err := s.termByText(r.Context(), pid, req.TermText); err != nil || ok {
			if err == nil {
				err = errWith(http.StatusConflict, "the project already has this term", map[string]any{"id": projections.ItemID(req.TermText)})
			}
			writeError(w, r, s.Logger, err)
			return
		}
		ed, err := s.edits(r.Context(), pid)
		if err == nil && ed.Excluded[req.TermText] {
			err = errWith(http.StatusConflict, "the term is excluded; un-exclude it first", map[string]any{"id": projections.ItemID(req.TermText)})
		}
		if err == nil {
			err = s.publishEdit(r.Context(), pid, events.TermAdded{TermText: req.TermText, Category: req.Category, UserNote: req.UserNotes})
		}
		var t projections.Term
		if err == nil {
			t, err = s.Store.GetTerm(r.Context(), pid, projections.ItemID(req.TermText))
		}
		if err == nil {
			ed, err = s.edits(r.Context(), pid)
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid+"/terms/"+t.ID)
		encode(w, http.StatusCreated, newTermView(t, ed))
	})
}

func (s *server) handleTermUpdate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		t, err := s.term(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		req, err := decode[termUpdateRequest](w, r, maxJSONBody)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		upd := events.TermUpdated{TermText: t.Text, Category: req.Category, UserNote: req.UserNotes}
		text := t.Text
		if req.TermText != nil && *req.TermText != t.Text {
			if _, ok, err := s.termByText(r.Context(), pid, *req.TermText); err != nil || ok {
				if err == nil {
					err = errWith(http.StatusConflict, "the project already has a term with this text", map[string]any{"id": projections.ItemID(*req.TermText)})
				}
				writeError(w, r, s.Logger, err)
				return
			}
			ed, err := s.edits(r.Context(), pid)
			if err == nil && ed.Excluded[*req.TermText] {
				err = errWith(http.StatusConflict, "a term with this text is excluded; un-exclude it first", map[string]any{"id": projections.ItemID(*req.TermText)})
			}
			if err != nil {
				writeError(w, r, s.Logger, err)
				return
			}
			upd.NewText, text = req.TermText, *req.TermText
			if upd.Category == nil {
				c := string(t.Category)
				upd.Category = &c
			}
		}
		if err := s.publishEdit(r.Context(), pid, upd); err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		nt, err := s.Store.GetTerm(r.Context(), pid, projections.ItemID(text))
		if err == nil {
			var v termView
			if v, err = s.termWithOccurrences(r.Context(), pid, nt); err == nil {
				encode(w, http.StatusOK, v)
				return
			}
		}
		writeError(w, r, s.Logger, err)
	})
}

func (s *server) handleTermDelete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t, err := s.term(r)
		if err == nil {
			err = s.publishEdit(r.Context(), projectID(r), events.TermDeleted{TermText: t.Text})
		}
		s.noContent(w, r, err)
	})
}

// termTextRequest names a term to exclude or require.
type termTextRequest struct {
	TermText string `json:"term_text"`
	Reason   string `json:"reason,omitempty"`
}

func (r *termTextRequest) Valid() map[string]string {
	r.TermText = strings.TrimSpace(r.TermText)
	out := map[string]string{}
	if m := validTermText(r.TermText); m != "" {
		out["term_text"] = m
	}
	if utf8.RuneCountInString(r.Reason) > maxNoteLen {
		out["reason"] = "must be at most 2000 characters"
	}
	return out
}

// pageOf returns the page pg of items.
func pageOf[T any](items []T, pg projections.Page) []T {
	lo := min(max(pg.Offset, 0), len(items))
	hi := len(items)
	if pg.Limit > 0 {
		hi = min(lo+pg.Limit, hi)
	}
	return nonNil(items[lo:hi])
}

func (s *server) handleExcludedList() http.Handler {
	return listHandler(s, func(r *http.Request, pg projections.Page) ([]projections.ExcludedTerm, int, error) {
		return s.Store.ListExcluded(r.Context(), projectID(r), pg)
	})
}

func (s *server) excludedTerm(ctx context.Context, pid, id string) (projections.ExcludedTerm, error) {
	items, _, err := s.Store.ListExcluded(ctx, pid, projections.Page{})
	if err != nil {
		return projections.ExcludedTerm{}, err
	}
	for _, x := range items {
		if x.ID == id {
			return x, nil
		}
	}
	return projections.ExcludedTerm{}, errStatus(http.StatusNotFound, "excluded term not found")
}

func (s *server) handleExcludedCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		req, err := decode[termTextRequest](w, r, maxJSONBody)
		if err == nil {
			err = s.publishEdit(r.Context(), pid, events.TermExcluded{TermText: req.TermText, Reason: req.Reason})
		}
		var x projections.ExcludedTerm
		if err == nil {
			x, err = s.excludedTerm(r.Context(), pid, projections.ItemID(req.TermText))
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid+"/excluded-terms/"+x.ID)
		encode(w, http.StatusCreated, x)
	})
}

func (s *server) handleExcludedDelete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		x, err := s.excludedTerm(r.Context(), pid, chi.URLParam(r, "xid"))
		switch {
		case err != nil:
		case x.Source == projections.ExcludedAuto:
			// The extract excluded it (a common noun) and would exclude
			// it again: keeping it is requiring it.
			err = s.publishEdit(r.Context(), pid, events.TermRequired{TermText: x.TermText})
		default:
			err = s.publishEdit(r.Context(), pid, events.TermUnexcluded{TermText: x.TermText})
		}
		s.noContent(w, r, err)
	})
}

// requiredTerm is a required term as served.
type requiredTerm struct {
	ID       string `json:"id"`
	TermText string `json:"term_text"`
}

func requiredTerms(ed *termedits.Edits) []requiredTerm {
	out := make([]requiredTerm, 0, len(ed.Required))
	for t := range ed.Required {
		out = append(out, requiredTerm{ID: projections.ItemID(t), TermText: t})
	}
	sortBy(out, func(x requiredTerm) string { return x.TermText })
	return out
}

func (s *server) handleRequiredList() http.Handler {
	return listHandler(s, func(r *http.Request, pg projections.Page) ([]requiredTerm, int, error) {
		ed, err := s.edits(r.Context(), projectID(r))
		if err != nil {
			return nil, 0, err
		}
		return inMemoryPage(requiredTerms(ed), pg)
	})
}

func (s *server) handleRequiredCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		req, err := decode[termTextRequest](w, r, maxJSONBody)
		if err == nil && req.Reason != "" {
			err = errWith(http.StatusUnprocessableEntity, "invalid request: reason: only exclusions take a reason", map[string]any{"errors": map[string]string{"reason": "only exclusions take a reason"}})
		}
		if err == nil {
			err = s.publishEdit(r.Context(), pid, events.TermRequired{TermText: req.TermText})
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		v := requiredTerm{ID: projections.ItemID(req.TermText), TermText: req.TermText}
		w.Header().Set("Location", "/api/projects/"+pid+"/required-terms/"+v.ID)
		encode(w, http.StatusCreated, v)
	})
}

func (s *server) handleRequiredDelete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid := projectID(r)
		ed, err := s.edits(r.Context(), pid)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		id := chi.URLParam(r, "qid")
		for _, q := range requiredTerms(ed) {
			if q.ID == id {
				s.noContent(w, r, s.publishEdit(r.Context(), pid, events.TermUnrequired{TermText: q.TermText}))
				return
			}
		}
		writeError(w, r, s.Logger, errStatus(http.StatusNotFound, "required term not found"))
	})
}

type synonymGroupRequest struct {
	Primary string   `json:"primary"`
	Members []string `json:"members"`
}

func (r *synonymGroupRequest) Valid() map[string]string {
	r.Primary = strings.TrimSpace(r.Primary)
	out := map[string]string{}
	if m := validTermText(r.Primary); m != "" {
		out["primary"] = m
	}
	var members []string
	seen := map[string]bool{r.Primary: true}
	for _, m := range r.Members {
		m = strings.TrimSpace(m)
		if msg := validTermText(m); msg != "" {
			out["members"] = "each member " + msg
			continue
		}
		if !seen[m] {
			seen[m] = true
			members = append(members, m)
		}
	}
	r.Members = members
	switch {
	case out["members"] != "":
	case len(members) == 0:
		out["members"] = "must name at least one term other than the primary"
	case len(members) > maxSynonyms:
		out["members"] = "must have at most 50 terms"
	}
	return out
}

func (s *server) handleSynonymList() http.Handler {
	return listHandler(s, func(r *http.Request, pg projections.Page) ([]termedits.SynonymGroup, int, error) {
		ed, err := s.edits(r.Context(), projectID(r))
		if err != nil {
			return nil, 0, err
		}
		return inMemoryPage(ed.SortedGroups(), pg)
	})
}

// setSynonymGroup publishes group id (new when id is empty) and serves it.
func (s *server) setSynonymGroup(w http.ResponseWriter, r *http.Request, id string) {
	pid := projectID(r)
	req, err := decode[synonymGroupRequest](w, r, maxJSONBody)
	if err != nil {
		writeError(w, r, s.Logger, err)
		return
	}
	status := http.StatusOK
	if id == "" {
		id, status = events.NewID(), http.StatusCreated
	}
	if err := s.publishEdit(r.Context(), pid, events.TermSynonymsSet{GroupID: id, Primary: req.Primary, Members: req.Members}); err != nil {
		writeError(w, r, s.Logger, err)
		return
	}
	ed, err := s.edits(r.Context(), pid)
	if err != nil {
		writeError(w, r, s.Logger, err)
		return
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/projects/"+pid+"/synonym-groups/"+id)
	}
	encode(w, status, ed.Groups[id])
}

func (s *server) handleSynonymCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.setSynonymGroup(w, r, "") })
}

// synonymGroup checks that {gid} names a group of the project.
func (s *server) synonymGroup(r *http.Request) (termedits.SynonymGroup, error) {
	ed, err := s.edits(r.Context(), projectID(r))
	if err != nil {
		return termedits.SynonymGroup{}, err
	}
	g, ok := ed.Groups[chi.URLParam(r, "gid")]
	if !ok {
		return g, errStatus(http.StatusNotFound, "synonym group not found")
	}
	return g, nil
}

func (s *server) handleSynonymUpdate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, err := s.synonymGroup(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		s.setSynonymGroup(w, r, g.ID)
	})
}

func (s *server) handleSynonymDelete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, err := s.synonymGroup(r)
		if err == nil {
			err = s.publishEdit(r.Context(), projectID(r), events.TermSynonymsRemoved{GroupID: g.ID})
		}
		s.noContent(w, r, err)
	})
}
