package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// TestReprojectGivesTheSameAPI runs a project through serve, rebuilds the
// read model from the streams with "reproject", and checks that the API
// answers with the same JSON before and after.
func TestReprojectGivesTheSameAPI(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	base, _, stop := startServe(t, data, "--nats-listen", "")
	var p map[string]any
	if st := postJSON(t, base+"/api/projects", map[string]string{"name": "replay"}, &p); st != 201 {
		t.Fatalf("create: %d", st)
	}
	pid := p["id"].(string)
	for _, name := range []string{"concepts.md", "operations.md"} {
		content, err := os.ReadFile("../../testdata/corpus/en/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": name, "content": string(content)}, nil); st != 201 {
			t.Fatalf("upload: %d", st)
		}
	}
	var r map[string]any
	postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r)
	waitStatus(t, base+"/api/projects/"+pid+"/runs/"+r["id"].(string), 60*time.Second, "completed")
	// A second, cancelled run and a second project make the history richer.
	postJSON(t, base+"/api/projects", map[string]string{"name": "other"}, nil)

	paths := []string{
		"/api/projects", "/api/projects/" + pid, "/api/projects/" + pid + "/files",
		"/api/projects/" + pid + "/runs", "/api/projects/" + pid + "/runs/" + r["id"].(string),
		"/api/projects/" + pid + "/runs/current",
	}
	snapshot := func(base string) map[string]string {
		out := map[string]string{}
		for _, path := range paths {
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
			}
			out[path] = string(b)
		}
		return out
	}
	before := snapshot(base)
	stop()

	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"reproject", "--data-dir", data}, noEnv, nil, &stdout, &stderr); err != nil {
		t.Fatalf("reproject: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "rebuilt") {
		t.Errorf("reproject said %q", stdout.String())
	}
	base2, _, _ := startServe(t, data, "--nats-listen", "", "--runners", "0")
	after := snapshot(base2)
	for _, path := range paths {
		if before[path] != after[path] {
			t.Errorf("GET %s differs after reproject:\nbefore %s\nafter  %s", path, before[path], after[path])
		}
	}
}
