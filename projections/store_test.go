package projections

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

func TestOpenCorruptFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte("this is not a SQLite database, not at all, not even close....."), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), garbage); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open(garbage) = %v, want ErrCorrupt", err)
	}
	if _, err := Open(t.Context(), dir); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open(directory) = %v, want ErrCorrupt", err)
	}
	if _, err := Open(t.Context(), filepath.Join(dir, "missing", "x.db")); err == nil || errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open(in a missing dir) = %v, want a plain error", err)
	}
}

func TestOpenPathWithSpecialCharacters(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "a dir?#%", "read model.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at %s: %v", path, err)
	}
}

func TestOpenEmptiesOtherSchemaVersion(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(t.Context(), "UPDATE checkpoint SET last_seq = 77"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(t.Context(), "CREATE TABLE leftover (x)"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(t.Context(), "PRAGMA user_version = 0"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.LastApplied(t.Context()); err != nil || n != 0 {
		t.Fatalf("checkpoint after migration = %d, %v; want 0", n, err)
	}
	tables, err := tableNames(t.Context(), s.r)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb == "leftover" {
			t.Fatal("old table kept")
		}
	}
}

// BenchmarkApply measures applying batches of run.progress events (the most
// frequent event) into SQLite, without NATS.
func BenchmarkApply(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	p := NewProjector(s, nil, Config{})
	ids := events.NewIDGen(nil)
	pid, rid := ids.New(), ids.New()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var seq uint64
	mk := func(data events.Data, runID string) item {
		seq++
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, runID, data)
		if err != nil {
			b.Fatal(err)
		}
		return envItem(b, seq, env)
	}
	setup := []item{
		mk(events.ProjectCreated{Name: "bench", LLMProvider: "builtin"}, ""),
		mk(events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI}, rid),
		mk(events.RunStarted{RunnerID: "r", Attempt: 1}, rid),
	}
	if _, _, err := p.applyBatch(ctx, setup); err != nil {
		b.Fatal(err)
	}
	const batch = DefaultBatchSize
	b.ResetTimer()
	n := 0
	for b.Loop() {
		b.StopTimer()
		items := make([]item, batch)
		for i := range items {
			items[i] = mk(events.RunProgress{Step: StepExtract, Current: n + i, Total: 1 << 30}, rid)
		}
		b.StartTimer()
		if _, _, err := p.applyBatch(ctx, items); err != nil {
			b.Fatal(err)
		}
		n += batch
	}
	b.StopTimer()
	var cur int
	if err := s.r.QueryRowContext(ctx, "SELECT progress_current FROM runs WHERE id = ?", rid).Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
		b.Fatal(err)
	}
	if cur != n-1 {
		b.Fatal(fmt.Sprintf("progress_current = %d, want %d", cur, n-1))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}
