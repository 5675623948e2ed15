package projections

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/events"
)

// TestReprojectFileAsOpen checks that the file Reproject writes (with its
// replay pragmas and late indexes) has the schema and indexes of a file
// made by Open, is one self-contained file (rollback journal mode) and
// passes SQLite's integrity check.
func TestReprojectFileAsOpen(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	_, _, js := natstestStart(t)
	for _, env := range replayEvents(t, 500) {
		if _, err := events.Publish(ctx, js, env); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	replayed := filepath.Join(dir, "replayed.db")
	if err := Reproject(ctx, replayed, js, testLogger(t)); err != nil {
		t.Fatalf("Reproject: %v", err)
	}
	opened := filepath.Join(dir, "opened.db")
	s, err := Open(ctx, opened)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	want := fileFacts(ctx, t, opened)
	got := fileFacts(ctx, t, replayed)
	if got != want {
		t.Errorf("reprojected file:\n%s\nwant (as Open makes it):\n%s", got, want)
	}
	db := rawDB(t, replayed)
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal_mode = %q, %v; want delete", mode, err)
	}
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	var runs, byStatus int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM runs").Scan(&runs); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM runs INDEXED BY runs_by_status WHERE project_id > ''").Scan(&byStatus); err != nil {
		t.Fatal(err)
	}
	if runs == 0 || byStatus != runs {
		t.Errorf("runs = %d, through runs_by_status %d", runs, byStatus)
	}
}

// rawDB opens path without the read model's pragmas.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	db, err := sql.Open("sqlite", u.String()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fileFacts describes a database file's schema objects and user version.
func fileFacts(ctx context.Context, t *testing.T, path string) string {
	t.Helper()
	db := rawDB(t, path)
	var b strings.Builder
	rows, err := db.QueryContext(ctx, "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, name, tbl, q string
		if err := rows.Scan(&typ, &name, &tbl, &q); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s on %s: %s\n", typ, name, tbl, q)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "user_version %d\n", version)
	return b.String()
}
