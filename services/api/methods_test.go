package api_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"
)

// TestHeadAnswersLikeGet checks that every GET route also answers HEAD
// (RFC 9110 9.3.2: the GET's status and headers, no body), and that a HEAD
// on an event stream returns at once instead of streaming.
func TestHeadAnswersLikeGet(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{}) // no runners: the run stays pending, its log live
	p := b.createProject("head")
	pp := "/api/projects/" + p.ID
	var r run
	b.mustDo("POST", pp+"/runs", map[string]string{"scope": "extract"}, http.StatusCreated, &r)
	tests := []struct {
		path, contentType string
	}{
		{"/healthz", ""},
		{"/", "text/html; charset=utf-8"},
		{"/api/openapi.json", ""},
		{"/api/projects", "application/json"},
		{pp, "application/json"},
		{pp + "/runs/" + r.ID, "application/json"},
		{pp + "/refined/export-md", ""},
		{pp + "/runs/" + r.ID + "/logs", "text/event-stream; charset=utf-8"},
		{pp + "/events", "text/event-stream; charset=utf-8"},
	}
	client := &http.Client{Timeout: 5 * time.Second}
	for _, tt := range tests {
		getStatus, getType := 0, ""
		if tt.contentType == "text/event-stream; charset=utf-8" {
			getStatus, getType = http.StatusOK, tt.contentType
		} else {
			resp, err := client.Get(b.url + tt.path)
			if err != nil {
				t.Fatalf("GET %s: %v", tt.path, err)
			}
			resp.Body.Close()
			getStatus, getType = resp.StatusCode, resp.Header.Get("Content-Type")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		req, _ := http.NewRequestWithContext(ctx, http.MethodHead, b.url+tt.path, nil)
		resp, err := client.Do(req)
		if err != nil {
			cancel()
			t.Errorf("HEAD %s: %v", tt.path, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		cancel()
		if resp.StatusCode != getStatus || resp.StatusCode != http.StatusOK {
			t.Errorf("HEAD %s = %d, GET = %d, want both 200", tt.path, resp.StatusCode, getStatus)
		}
		if got := resp.Header.Get("Content-Type"); got != getType || (tt.contentType != "" && got != tt.contentType) {
			t.Errorf("HEAD %s Content-Type = %q, GET's %q, want %q", tt.path, got, getType, tt.contentType)
		}
		if len(body) != 0 {
			t.Errorf("HEAD %s has a body of %d bytes", tt.path, len(body))
		}
	}
	// HEAD is a read: it does not change state or need a run to exist twice.
	b.mustDo("HEAD", pp+"/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV/logs", nil, http.StatusNotFound, nil)
}

// TestMethodNotAllowedNamesAllow checks that a 405 carries the Allow header
// RFC 9110 15.5.6 requires, listing what the route has, and a problem body.
func TestMethodNotAllowedNamesAllow(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{})
	p := b.createProject("allow")
	pp := "/api/projects/" + p.ID
	tests := []struct {
		method, path, allow string
	}{
		{"PUT", "/api/projects", "GET, HEAD, POST"},
		{"POST", pp, "GET, HEAD, PATCH, DELETE"},
		{"DELETE", pp + "/runs", "GET, HEAD, POST"},
		{"POST", pp + "/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV/logs", "GET, HEAD"},
		{"PATCH", pp + "/synonym-groups/01ARZ3NDEKTSV4RRFFQ69G5FAV", "PUT, DELETE"},
		{"POST", "/healthz", "GET, HEAD"},
		{"OPTIONS", "/api/projects", "GET, HEAD, POST"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, b.url+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s %s = %d %s, want 405", tt.method, tt.path, resp.StatusCode, body)
			continue
		}
		if got := resp.Header.Get("Allow"); got != tt.allow {
			t.Errorf("%s %s: Allow = %q, want %q", tt.method, tt.path, got, tt.allow)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%s %s: Content-Type %q, want a problem body", tt.method, tt.path, ct)
		}
	}
}
