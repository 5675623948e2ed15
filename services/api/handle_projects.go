package api

import (
	"context"

	"errors"
	"github.com/nats-io/nats.go/jetstream"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/projections"
)

const maxNameLen = 100

func validProjectName(name string) string {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return "must not be blank"
	case utf8.RuneCountInString(n) > maxNameLen:
		return "must be at most 100 characters"
	}
	for _, r := range n {
		if document.IsBidiOrControl(r) {
			return "must not contain control or bidirectional characters"
		}
	}
	return ""
}

func validProvider(p string) string {
	if p != "builtin" && p != "openai" {
		return "must be builtin or openai"
	}
	return ""
}

func validBaseURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an http or https URL"
	}
	if u.User != nil {
		return "must not contain credentials; API keys come from the runner's environment"
	}
	if len(raw) > 2048 {
		return "must be at most 2048 characters"
	}
	return ""
}

type projectCreateRequest struct {
	Name        string `json:"name"`
	LLMProvider string `json:"llm_provider"`
	LLMModel    string `json:"llm_model"`
	LLMBaseURL  string `json:"llm_base_url"`
}

func (r *projectCreateRequest) Valid() map[string]string {
	r.Name = strings.TrimSpace(r.Name)
	r.LLMModel = strings.TrimSpace(r.LLMModel)
	r.LLMBaseURL = strings.TrimSpace(r.LLMBaseURL)
	if r.LLMProvider == "" {
		r.LLMProvider = "builtin"
	}
	out := map[string]string{}
	if m := validProjectName(r.Name); m != "" {
		out["name"] = m
	}
	if m := validProvider(r.LLMProvider); m != "" {
		out["llm_provider"] = m
	}
	if m := validBaseURL(r.LLMBaseURL); m != "" {
		out["llm_base_url"] = m
	}
	if len(r.LLMModel) > 200 {
		out["llm_model"] = "must be at most 200 characters"
	}
	if r.LLMProvider == "openai" && r.LLMModel == "" {
		out["llm_model"] = "is required for the openai provider"
	}
	return out
}

// listResponse is the shape of every paginated list.
type listResponse[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

func (s *server) handleProjectList() http.Handler {
	return listHandler(s, func(r *http.Request, pg projections.Page) ([]projections.Project, int, error) {
		return s.Store.ListProjects(r.Context(), pg)
	})
}

func (s *server) handleProjectCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := decode[projectCreateRequest](w, r, maxJSONBody)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		pid := events.NewID()
		if err := s.reserveName(r.Context(), req.Name, pid); err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		env, err := newEnvelope(pid, "", events.ProjectCreated{Name: req.Name, LLMProvider: req.LLMProvider, LLMModel: req.LLMModel, LLMBaseURL: req.LLMBaseURL})
		if err == nil {
			_, err = s.publish(r.Context(), env)
		}
		if err != nil {
			s.releaseName(r.Context(), req.Name, pid)
			writeError(w, r, s.Logger, err)
			return
		}
		p, err := s.Store.GetProject(r.Context(), pid)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		w.Header().Set("Location", "/api/projects/"+pid)
		encode(w, http.StatusCreated, p)
	})
}

func (s *server) handleProjectGet() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.project(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, p)
	})
}

type projectUpdateRequest struct {
	Name        *string `json:"name"`
	LLMProvider *string `json:"llm_provider"`
	LLMModel    *string `json:"llm_model"`
	LLMBaseURL  *string `json:"llm_base_url"`
}

func (s *server) handleProjectUpdate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.project(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		req, err := decode[projectUpdateRequest](w, r, maxJSONBody)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		// Validate the project as it would be after the change.
		after := projectCreateRequest{Name: p.Name, LLMProvider: p.LLMProvider, LLMModel: p.LLMModel, LLMBaseURL: p.LLMBaseURL}
		if req.Name != nil {
			after.Name = *req.Name
		}
		if req.LLMProvider != nil {
			after.LLMProvider = *req.LLMProvider
			if after.LLMProvider == "" {
				after.LLMProvider = "-" // explicit empty is invalid, not "default"
			}
		}
		if req.LLMModel != nil {
			after.LLMModel = *req.LLMModel
		}
		if req.LLMBaseURL != nil {
			after.LLMBaseURL = *req.LLMBaseURL
		}
		if problems := after.Valid(); len(problems) > 0 {
			writeError(w, r, s.Logger, errWith(http.StatusUnprocessableEntity, invalidDetail(problems), map[string]any{"errors": problems}))
			return
		}
		var upd events.ProjectUpdated
		changed := false
		set := func(dst **string, old, now string) {
			if old != now {
				v := now
				*dst, changed = &v, true
			}
		}
		set(&upd.Name, p.Name, after.Name)
		set(&upd.LLMProvider, p.LLMProvider, after.LLMProvider)
		set(&upd.LLMModel, p.LLMModel, after.LLMModel)
		set(&upd.LLMBaseURL, p.LLMBaseURL, after.LLMBaseURL)
		if !changed {
			encode(w, http.StatusOK, p)
			return
		}
		renamed := upd.Name != nil && nameKey(after.Name) != nameKey(p.Name)
		if renamed {
			if err := s.reserveName(r.Context(), after.Name, p.ID); err != nil {
				writeError(w, r, s.Logger, err)
				return
			}
		}
		env, err := newEnvelope(p.ID, "", upd)
		if err == nil {
			_, err = s.publish(r.Context(), env)
		}
		if err != nil {
			if renamed {
				s.releaseName(r.Context(), after.Name, p.ID)
			}
			writeError(w, r, s.Logger, err)
			return
		}
		if renamed {
			s.releaseName(r.Context(), p.Name, p.ID)
		}
		np, err := s.Store.GetProject(r.Context(), p.ID)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, np)
	})
}

func (s *server) handleProjectDelete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.project(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		pid := p.ID
		ctx := r.Context()
		filter, err := events.ProjectRunsFilter(pid)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		// The delete is published only if no run event arrived since we
		// looked, so a run requested concurrently makes this a 409.
		last, seq, err := events.LastEvent(ctx, s.JS, filter)
		if err == nil && !events.IsTerminal(last.Type) {
			// Confirm with the leader before refusing (see requestRun).
			last, seq, err = events.LastEventFromLeader(ctx, s.JS, filter)
		}
		if err != nil && !errors.Is(err, events.ErrNoEvents) {
			writeError(w, r, s.Logger, errUnavailable)
			return
		}
		if seq > 0 && !events.IsTerminal(last.Type) {
			writeError(w, r, s.Logger, errWith(http.StatusConflict, "a run is active; stop it before deleting the project", map[string]any{"active_run_id": last.RunID}))
			return
		}
		env, err := newEnvelope(pid, "", events.ProjectDeleted{})
		if err == nil {
			_, err = s.publishExpect(ctx, env, seq, filter)
		}
		if errors.Is(err, events.ErrConflict) {
			err = errStatus(http.StatusConflict, "a run was started meanwhile; stop it before deleting the project")
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		s.purgeProject(ctx, pid)
		s.releaseName(ctx, p.Name, pid)
		w.WriteHeader(http.StatusNoContent)
	})
}

// purgeProject removes a deleted project's events, logs and objects. The
// projection already dropped its rows when it applied project.deleted.
func (s *server) purgeProject(ctx context.Context, projectID string) {
	filter, err := events.ProjectFilter(projectID)
	if err != nil {
		return
	}
	for _, name := range []string{events.EventsStream, events.LogsStream} {
		st, err := s.JS.Stream(ctx, name)
		if err == nil {
			err = st.Purge(ctx, jetstream.WithPurgeSubject(filter))
		}
		if err != nil {
			s.Logger.Warn("purge deleted project", "project_id", projectID, "stream", name, "err", err)
		}
	}
	for _, bucket := range []string{events.DocsBucket, events.ArtifactsBucket} {
		store, err := s.JS.ObjectStore(ctx, bucket)
		if err != nil {
			continue
		}
		objs, err := store.List(ctx)
		if err != nil {
			continue
		}
		for _, o := range objs {
			if strings.HasPrefix(o.Name, projectID+"/") {
				if err := store.Delete(ctx, o.Name); err != nil {
					s.Logger.Warn("delete object of deleted project", "project_id", projectID, "err", err)
				}
			}
		}
	}
}
