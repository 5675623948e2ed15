package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestReadModelDeletedOrCorruptIsRebuilt runs a project through serve,
// then restarts serve once after deleting the SQLite read model and once
// after overwriting it with garbage: each time serve rebuilds it from the
// streams by itself, says so in its log (and sets the corrupt file aside),
// and the API answers as before.
func TestReadModelDeletedOrCorruptIsRebuilt(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	db := filepath.Join(data, "genglossary.db")
	args := []string{"--data-dir", data, "--listen", "127.0.0.1:0", "--nats-listen", "", "--log-level", "info"}

	first := startServeAsync(t, args...)
	base := waitOutput(t, first.stdout, `serving on (http://\S+) `, 30*time.Second)[1]
	var p map[string]any
	if st := postJSON(t, base+"/api/projects", map[string]string{"name": "rebuild"}, &p); st != 201 {
		t.Fatalf("create: %d", st)
	}
	pid := p["id"].(string)
	if st := postJSON(t, base+"/api/projects/"+pid+"/files", map[string]string{"file_name": "a.md", "content": "# Queue\n\nA queue manager is a service that routes messages.\n"}, nil); st != 201 {
		t.Fatalf("upload: %d", st)
	}
	var r map[string]any
	postJSON(t, base+"/api/projects/"+pid+"/runs", map[string]string{"scope": "full"}, &r)
	waitStatus(t, base+"/api/projects/"+pid+"/runs/"+r["id"].(string), 60*time.Second, "completed")
	paths := []string{"/api/projects", "/api/projects/" + pid, "/api/projects/" + pid + "/files",
		"/api/projects/" + pid + "/runs", "/api/projects/" + pid + "/terms", "/api/projects/" + pid + "/refined"}
	snapshot := func(base string) map[string]string {
		out := map[string]string{}
		for _, path := range paths {
			st, _, body := httpGet(t, base+path)
			if st != 200 {
				t.Fatalf("GET %s: %d %s", path, st, body)
			}
			out[path] = body
		}
		return out
	}
	before := snapshot(base)
	stopServe := func(sp *serveProc) {
		if err := sp.stop(); err != nil {
			t.Fatalf("serve: %v\n%s", err, sp.stderr.String())
		}
	}
	stopServe(first)

	for _, tc := range []struct {
		name   string
		damage func()
		logs   []string
	}{
		{"deleted", func() {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				_ = os.Remove(db + suffix)
			}
		}, []string{"read model not found; rebuilding it from the streams", "read model rebuilt from the streams"}},
		{"corrupt", func() {
			for _, suffix := range []string{"-wal", "-shm"} {
				_ = os.Remove(db + suffix)
			}
			if err := os.WriteFile(db, []byte(strings.Repeat("not a database ", 512)), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"read model is corrupt; setting it aside and rebuilding it from the streams", "read model rebuilt from the streams"}},
	} {
		tc.damage()
		sp := startServeAsync(t, append(args, "--runners", "0")...)
		base := waitOutput(t, sp.stdout, `serving on (http://\S+) `, 30*time.Second)[1]
		waitReady(t, base, 200, 30*time.Second)
		for _, want := range tc.logs {
			waitOutput(t, sp.stderr, regexp.QuoteMeta(want), 30*time.Second)
		}
		after := snapshot(base)
		for _, path := range paths {
			if before[path] != after[path] {
				t.Errorf("%s: GET %s differs after the rebuild:\nbefore %s\nafter  %s", tc.name, path, before[path], after[path])
			}
		}
		stopServe(sp)
	}
	aside, _ := filepath.Glob(db + ".corrupt-*")
	if len(aside) == 0 {
		t.Error("the corrupt read model was not set aside")
	}
}
