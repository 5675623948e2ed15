package projections

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestReadStmtsPreparedOnceAndBounded: read queries are prepared once and
// reused, a query the pool cannot prepare still reports its own error, and
// the cache stops growing at maxReadStmts (queries beyond run unprepared).
func TestReadStmtsPreparedOnceAndBounded(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for range 3 {
		var n int
		if err := s.queryRow(ctx, "SELECT COUNT(*) FROM projects").Scan(&n); err != nil || n != 0 {
			t.Fatalf("count = %d, err %v", n, err)
		}
	}
	if got := len(s.reads.stmts); got != 1 {
		t.Errorf("%d statements cached after one query three times, want 1", got)
	}
	if err := s.queryRow(ctx, "SELECT nope FROM nowhere").Scan(new(int)); err == nil {
		t.Error("a bad query gave no error")
	}
	for i := range maxReadStmts + 20 {
		var v int
		if err := s.queryRow(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&v); err != nil || v != i {
			t.Fatalf("SELECT %d = %d, err %v", i, v, err)
		}
	}
	if got := len(s.reads.stmts); got != maxReadStmts {
		t.Errorf("%d statements cached, want the bound %d", got, maxReadStmts)
	}
}
