package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver the read model uses

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/projections"
)

// projectionBatch is the raw baseline's rows per transaction, the
// projector's default batch.
const projectionBatch = projections.DefaultBatchSize

// runProjection publishes cfg.ProjectionEvents synthetic events shaped like
// real runs into GG_EVENTS, then times projections.Reproject of the whole
// stream into a fresh SQLite file, against batched inserts of one row per
// event (the same columns and sizes) in modernc SQLite with the read
// model's pragmas. It stops the environment's live projector first, so
// that only the replay writes.
func runProjection(ctx context.Context, e *env, cfg Config) ([]Result, error) {
	if e.projStop != nil {
		e.projStop()
		e.projStop = nil
	}
	cfg.Progress(fmt.Sprintf("projection: publishing %d events", cfg.ProjectionEvents))
	envs, err := syntheticEvents(cfg.ProjectionEvents)
	if err != nil {
		return nil, err
	}
	for i, env := range envs {
		m, err := events.Msg(env)
		if err != nil {
			return nil, err
		}
		if err := e.publishAsync(ctx, m); err != nil {
			return nil, fmt.Errorf("bench: publish event %d: %w", i, err)
		}
	}
	select {
	case <-e.js.PublishAsyncComplete():
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	total, _, err := e.streamState(ctx, events.EventsStream)
	if err != nil {
		return nil, err
	}

	cfg.Progress(fmt.Sprintf("projection: reproject of %d events", total))
	path := filepath.Join(e.dir, "replay.db")
	start := time.Now()
	if err := projections.Reproject(ctx, path, e.js, e.log.With("component", "reproject")); err != nil {
		return nil, err
	}
	ours := float64(total) / time.Since(start).Seconds()

	cfg.Progress(fmt.Sprintf("projection: raw batched inserts of %d rows", len(envs)))
	raw, err := rawInserts(ctx, filepath.Join(e.dir, "raw.db"), envs)
	if err != nil {
		return nil, err
	}
	note := fmt.Sprintf("reproject of %d events (%d synthetic: per project 1 project.created + 10 runs x 9 run events) from JetStream into a fresh SQLite; raw = INSERT of one row per event in transactions of %d, no NATS",
		total, len(envs), projectionBatch)
	return []Result{row(ScenarioProjection, "replay events/s", "events/s", ours, raw, note).atLeast(0.5)}, nil
}

// syntheticEvents returns n events shaped like real activity: per project
// a project.created and then runs of requested, started, step started,
// four progress reports, step completed and completed.
func syntheticEvents(n int) ([]events.Envelope, error) {
	ids := events.NewIDGen(nil)
	at := time.Now().UTC()
	out := make([]events.Envelope, 0, n)
	add := func(pid, rid string, d events.Data) error {
		env, err := events.NewEnvelopeWith(ids.New(), at, pid, rid, d)
		if err != nil {
			return err
		}
		out = append(out, env)
		return nil
	}
	for len(out) < n {
		pid := ids.New()
		if err := add(pid, "", events.ProjectCreated{Name: "replay " + pid, LLMProvider: "builtin"}); err != nil {
			return nil, err
		}
		for r := 0; r < 10 && len(out) < n; r++ {
			rid := ids.New()
			run := []events.Data{
				events.RunRequested{Scope: "full", TriggeredBy: events.TriggeredByAPI},
				events.RunStarted{RunnerID: "bench", Attempt: 1},
				events.RunStep{Step: projections.StepExtract, Status: events.StepStarted},
				events.RunProgress{Step: projections.StepExtract, Current: 1, Total: 4},
				events.RunProgress{Step: projections.StepExtract, Current: 2, Total: 4},
				events.RunProgress{Step: projections.StepExtract, Current: 3, Total: 4},
				events.RunProgress{Step: projections.StepExtract, Current: 4, Total: 4},
				events.RunStep{Step: projections.StepExtract, Status: events.StepCompleted, Count: 12},
				events.RunCompleted{},
			}
			for _, d := range run {
				if len(out) == n {
					break
				}
				if err := add(pid, rid, d); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// rawInserts inserts one row per event (sequence, subject, type, project,
// run, time, data) into a fresh database with the read model's pragmas, in
// transactions of projectionBatch rows with a prepared statement, and
// returns rows per second.
func rawInserts(ctx context.Context, path string, envs []events.Envelope) (float64, error) {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	db, err := sql.Open("sqlite", u.String()+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate")
	if err != nil {
		return 0, fmt.Errorf("bench: open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TABLE events (seq INTEGER PRIMARY KEY, subject TEXT NOT NULL, type TEXT NOT NULL,
		project_id TEXT NOT NULL, run_id TEXT NOT NULL, time TEXT NOT NULL, data TEXT NOT NULL)`); err != nil {
		return 0, fmt.Errorf("bench: create table: %w", err)
	}
	type rowData struct{ subject, typ, pid, rid, at, data string }
	rows := make([]rowData, len(envs))
	for i, env := range envs {
		subj, err := env.Subject()
		if err != nil {
			return 0, err
		}
		rows[i] = rowData{subj, env.Type, env.ProjectID, env.RunID, env.Time.Format(time.RFC3339Nano), string(env.Data)}
	}
	start := time.Now()
	for lo := 0; lo < len(rows); lo += projectionBatch {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return 0, fmt.Errorf("bench: begin: %w", err)
		}
		stmt, err := tx.PrepareContext(ctx, "INSERT INTO events (seq, subject, type, project_id, run_id, time, data) VALUES (?, ?, ?, ?, ?, ?, ?)")
		if err != nil {
			_ = tx.Rollback()
			return 0, fmt.Errorf("bench: prepare: %w", err)
		}
		for i := lo; i < min(lo+projectionBatch, len(rows)); i++ {
			r := rows[i]
			if _, err := stmt.ExecContext(ctx, i+1, r.subject, r.typ, r.pid, r.rid, r.at, r.data); err != nil {
				_ = tx.Rollback()
				return 0, fmt.Errorf("bench: insert row %s: %w", strconv.Itoa(i+1), err)
			}
		}
		_ = stmt.Close()
		if err := tx.Commit(); err != nil {
			return 0, fmt.Errorf("bench: commit: %w", err)
		}
	}
	return float64(len(rows)) / time.Since(start).Seconds(), nil
}
