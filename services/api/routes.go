package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// routes is the one place every route of the API is declared. The OpenAPI
// document (openapi.json) is held to this list by a test.
func (s *server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverer, s.instrument, s.writesNeedNATS)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusNotFound, "no such route", nil)
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusMethodNotAllowed, "method not allowed on this route", nil)
	})

	r.Method(http.MethodGet, "/healthz", s.handleHealthz())
	r.Method(http.MethodGet, "/readyz", s.handleReadyz())
	r.Method(http.MethodGet, "/metrics", s.handleMetrics())
	r.Method(http.MethodGet, "/api/openapi.json", handleOpenAPI())

	// The browser GUI (static, embedded; not part of the OpenAPI document).
	gui := loadGUI()
	r.Method(http.MethodGet, "/", handleGUIIndex(gui))
	r.Method(http.MethodGet, guiPrefix+"*", handleGUIAsset(gui))

	r.Route("/api/projects", func(r chi.Router) {
		r.Method(http.MethodGet, "/", s.handleProjectList())
		r.Method(http.MethodPost, "/", s.handleProjectCreate())
		r.Route("/{pid}", func(r chi.Router) {
			r.Use(s.withProject)
			r.Method(http.MethodGet, "/", s.handleProjectGet())
			r.Method(http.MethodPatch, "/", s.handleProjectUpdate())
			r.Method(http.MethodDelete, "/", s.handleProjectDelete())
			r.Method(http.MethodPost, "/clone", s.handleProjectClone())

			r.Method(http.MethodGet, "/files", s.handleFileList())
			r.Method(http.MethodPost, "/files", s.handleFileCreate())
			r.Method(http.MethodPost, "/files/bulk", s.handleFileBulk())
			r.Method(http.MethodGet, "/files/{fid}", s.handleFileGet())
			r.Method(http.MethodDelete, "/files/{fid}", s.handleFileDelete())

			r.Method(http.MethodGet, "/runs", s.handleRunList())
			r.Method(http.MethodPost, "/runs", s.handleRunCreate())
			r.Method(http.MethodGet, "/runs/current", s.handleRunCurrent())
			r.Method(http.MethodGet, "/runs/{rid}", s.handleRunGet())
			r.Method(http.MethodDelete, "/runs/{rid}", s.handleRunCancel())
			r.Method(http.MethodGet, "/runs/{rid}/logs", s.handleRunLogs())

			r.Method(http.MethodGet, "/events", s.handleProjectEvents())

			r.Method(http.MethodGet, "/terms", s.handleTermList())
			r.Method(http.MethodPost, "/terms", s.handleTermCreate())
			r.Method(http.MethodGet, "/terms/{tid}", s.handleTermGet())
			r.Method(http.MethodPatch, "/terms/{tid}", s.handleTermUpdate())
			r.Method(http.MethodDelete, "/terms/{tid}", s.handleTermDelete())
			r.Method(http.MethodGet, "/excluded-terms", s.handleExcludedList())
			r.Method(http.MethodPost, "/excluded-terms", s.handleExcludedCreate())
			r.Method(http.MethodDelete, "/excluded-terms/{xid}", s.handleExcludedDelete())
			r.Method(http.MethodGet, "/required-terms", s.handleRequiredList())
			r.Method(http.MethodPost, "/required-terms", s.handleRequiredCreate())
			r.Method(http.MethodDelete, "/required-terms/{qid}", s.handleRequiredDelete())
			r.Method(http.MethodGet, "/synonym-groups", s.handleSynonymList())
			r.Method(http.MethodPost, "/synonym-groups", s.handleSynonymCreate())
			r.Method(http.MethodPut, "/synonym-groups/{gid}", s.handleSynonymUpdate())
			r.Method(http.MethodDelete, "/synonym-groups/{gid}", s.handleSynonymDelete())

			r.Method(http.MethodGet, "/provisional", s.handleProvisionalList())
			r.Method(http.MethodGet, "/provisional/{eid}", s.handleProvisionalGet())
			r.Method(http.MethodPatch, "/provisional/{eid}", s.handleProvisionalUpdate())
			r.Method(http.MethodPost, "/provisional/{eid}/regenerate", s.handleProvisionalRegenerate())
			r.Method(http.MethodGet, "/issues", s.handleIssueList())
			r.Method(http.MethodGet, "/issues/{iid}", s.handleIssueGet())
			r.Method(http.MethodGet, "/refined", s.handleRefinedList())
			r.Method(http.MethodGet, "/refined/export-md", s.handleRefinedExportMD())
			r.Method(http.MethodGet, "/refined/export-json", s.handleRefinedExportJSON())
			r.Method(http.MethodGet, "/refined/{eid}", s.handleRefinedGet())
		})
	})
	return r
}
