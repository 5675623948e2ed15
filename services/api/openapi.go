package api

import (
	_ "embed"
	"net/http"
)

// openAPI is the API's OpenAPI 3.1 document; TestOpenAPIMatchesRouter
// holds it to routes.go.
//
//go:embed openapi.json
var openAPI []byte

func handleOpenAPI() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openAPI)
	})
}
