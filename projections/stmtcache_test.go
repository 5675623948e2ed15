package projections

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/genglossary/genglossary/events"
)

// TestApplyBatchWithoutCommitReleasesWriter: a batch that ends without a
// commit (here: every item at or below the stored checkpoint) must not wait
// for the writer's only connection, which its own transaction still holds,
// to prepare statements for the next batches; and statements prepared after
// a commit are reused by the next transaction.
func TestApplyBatchWithoutCommitReleasesWriter(t *testing.T) {
	t.Parallel()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := NewProjector(s, nil, Config{})
	ids := events.NewIDGen(nil)
	pid := ids.New()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	mk := func(seq uint64, d events.Data) item {
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, "", d)
		if err != nil {
			t.Fatal(err)
		}
		return envItem(t, seq, env)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, cp, err := p.applyBatch(ctx, []item{mk(1, events.ProjectCreated{Name: "p", LLMProvider: "builtin"})}); err != nil || cp != 1 {
		t.Fatalf("first batch: checkpoint %d, err %v", cp, err)
	}
	if len(p.stmts.prepared) == 0 {
		t.Error("no statement prepared on the writer after a committed batch")
	}
	// A fresh projector (nothing prepared yet) meets seq 1 again: nothing
	// to apply, no commit.
	p2 := NewProjector(s, nil, Config{})
	if _, _, err := p2.applyBatch(ctx, []item{mk(1, events.ProjectUpdated{})}); err != nil {
		t.Fatal(err)
	}
	if ctx.Err() != nil {
		t.Fatal("applyBatch without a commit waited for the writer until its context ended")
	}
	if _, cp, err := p.applyBatch(ctx, []item{mk(2, events.ProjectDeleted{})}); err != nil || cp != 2 {
		t.Fatalf("third batch: checkpoint %d, err %v", cp, err)
	}
	p.stmts.close()
}
