package api

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/genglossary/genglossary/projections"
)

// Pagination defaults.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// parsePage reads ?limit= and ?offset=; bad values are a 400.
func parsePage(r *http.Request) (projections.Page, error) {
	pg := projections.Page{Limit: defaultLimit}
	q := r.URL.Query()
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return pg, errStatus(http.StatusBadRequest, "limit must be an integer from 1 to 500")
		}
		pg.Limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return pg, errStatus(http.StatusBadRequest, "offset must be a non-negative integer")
		}
		pg.Offset = n
	}
	return pg, nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func sortStrings(xs []string) { sort.Strings(xs) }

// sortBy sorts xs by key, stably.
func sortBy[T any](xs []T, key func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

// listHandler serves a paginated list: it parses ?limit= and ?offset= and
// answers listResponse with the page load returns and the total count.
func listHandler[T any](s *server, load func(r *http.Request, pg projections.Page) ([]T, int, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pg, err := parsePage(r)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		items, total, err := load(r, pg)
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		encode(w, http.StatusOK, listResponse[T]{Items: nonNil(items), Total: total, Limit: pg.Limit, Offset: pg.Offset})
	})
}

// inMemoryPage pages a list already held in memory.
func inMemoryPage[T any](all []T, pg projections.Page) ([]T, int, error) {
	return pageOf(all, pg), len(all), nil
}
