package api

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/go-chi/chi/v5"
)

// guiFiles are the browser GUI: plain HTML, CSS and JavaScript modules, no
// build step. index.html is served at "/", everything else under "/gui/".
//
//go:embed gui
var guiFiles embed.FS

// guiPrefix is where the GUI's static assets are served.
const guiPrefix = "/gui/"

// isGUIRoute reports whether a router pattern belongs to the GUI's static
// files rather than to the API. The OpenAPI document describes the API
// only; TestOpenAPIMatchesRouter skips these.
func isGUIRoute(pattern string) bool {
	return pattern == "/" || strings.HasPrefix(pattern, guiPrefix)
}

// guiCSP allows only this origin's scripts, styles, images and
// connections: no inline script, no eval, nothing from elsewhere.
const guiCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// guiAsset is one embedded file with its precomputed headers.
type guiAsset struct {
	body        []byte
	contentType string
	etag        string
}

// guiTypes maps the extensions the GUI uses to their media types, so the
// answer does not depend on the host's mime.types.
var guiTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
}

// loadGUI reads every embedded asset once, keyed by its path under gui/.
func loadGUI() map[string]guiAsset {
	assets := map[string]guiAsset{}
	_ = fs.WalkDir(guiFiles, "gui", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ct, ok := guiTypes[path.Ext(p)]
		if !ok || strings.HasSuffix(p, ".test.js") {
			return nil // tests and notes next to the assets are not served
		}
		b, err := guiFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		assets[strings.TrimPrefix(p, "gui/")] = guiAsset{body: b, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	return assets
}

// setGUIHeaders sets the security headers of every GUI response.
func setGUIHeaders(h http.Header) {
	h.Set("Content-Security-Policy", guiCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// serveGUIAsset writes one asset; assets revalidate with their ETag on each
// load (cheap 304s on localhost, and never a stale GUI after an upgrade).
func serveGUIAsset(w http.ResponseWriter, r *http.Request, a guiAsset) {
	h := w.Header()
	setGUIHeaders(h)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", a.contentType)
	_, _ = w.Write(a.body)
}

// handleGUIIndex serves the GUI's single page.
func handleGUIIndex(assets map[string]guiAsset) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serveGUIAsset(w, r, assets["index.html"])
	})
}

// handleGUIAsset serves /gui/{path}: an embedded script, style sheet or
// image, else a 404 problem.
func handleGUIAsset(assets map[string]guiAsset) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := chi.URLParam(r, "*")
		a, ok := assets[name]
		if !ok || name == "index.html" {
			setGUIHeaders(w.Header())
			writeProblem(w, http.StatusNotFound, "no such GUI asset", nil)
			return
		}
		serveGUIAsset(w, r, a)
	})
}
