package api

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
)

// routes is the one place every route of the API is declared. The OpenAPI
// document (openapi.json) is held to this list by a test.
func (s *server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverer, s.instrument, headAsGet, s.writesNeedNATS)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusNotFound, "no such route", nil)
	})
	table := &methodTable{} // filled in once every route is declared
	r.MethodNotAllowed(func(w http.ResponseWriter, req *http.Request) {
		// A 405 names the methods the route has (RFC 9110 15.5.6); chi
		// does that only for its own default handler.
		allowed := table.allowed(req.URL.Path)
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeProblem(w, http.StatusMethodNotAllowed, "method "+req.Method+" not allowed on this route (allowed: "+strings.Join(allowed, ", ")+")", nil)
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
	*table = *newMethodTable(r)
	return r
}

// headAsGet routes HEAD wherever GET is routed: RFC 9110 asks every server
// for both, and uptime checks and `curl -I` send HEAD. Handlers still see
// HEAD (event streams answer it without streaming) and net/http drops the
// body. chi's middleware.GetHead is not used: it asks the router whether
// HEAD matches, and a mount point (/api/projects) matches every method.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			if rctx := chi.RouteContext(r.Context()); rctx != nil {
				rctx.RouteMethod = http.MethodGet
			}
		}
		next.ServeHTTP(w, r)
	})
}

// methodTable lists each route pattern's methods, for the Allow header.
type methodTable struct {
	routes []routeMethods
}

type routeMethods struct {
	segments []string
	methods  map[string]bool
}

// newMethodTable walks r's routes (after they are all declared).
func newMethodTable(r chi.Routes) *methodTable {
	t := &methodTable{}
	index := map[string]int{}
	_ = chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		route = trimSlash(route)
		i, ok := index[route]
		if !ok {
			i = len(t.routes)
			index[route] = i
			t.routes = append(t.routes, routeMethods{segments: strings.Split(route, "/"), methods: map[string]bool{}})
		}
		t.routes[i].methods[method] = true
		return nil
	})
	return t
}

// allowed lists, in a fixed order, the methods routed for path (HEAD with
// GET).
func (t *methodTable) allowed(path string) []string {
	have := map[string]bool{}
	segs := strings.Split(trimSlash(path), "/")
	for _, rt := range t.routes {
		if matchSegments(rt.segments, segs) {
			for m := range rt.methods {
				have[m] = true
			}
		}
	}
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if have[m] || (m == http.MethodHead && have[http.MethodGet]) {
			out = append(out, m)
		}
	}
	return out
}

// matchSegments matches a path against a chi pattern: {param} takes one
// non-empty segment, a trailing * the rest.
func matchSegments(pattern, path []string) bool {
	for i, p := range pattern {
		if p == "*" {
			return true
		}
		if i >= len(path) {
			return false
		}
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			if path[i] == "" {
				return false
			}
			continue
		}
		if p != path[i] {
			return false
		}
	}
	return len(pattern) == len(path)
}

func trimSlash(p string) string {
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}
