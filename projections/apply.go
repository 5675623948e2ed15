package projections

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/genglossary/genglossary/events"
	"github.com/genglossary/genglossary/internal/glossary"
)

// Run statuses as stored and served.
const (
	StatusPending   = "pending"
	StatusRunning   = "running"
	StatusCompleted = "completed"
	StatusFailed    = "failed"
	StatusCancelled = "cancelled"
)

// Pipeline steps whose results the projector stores.
const (
	StepExtract     = "extract"
	StepProvisional = "provisional"
	StepIssues      = "issues"
	StepRefined     = "refined"
)

// errSkip marks an event that cannot be applied however often it is
// retried (malformed, refers to nothing, violates the model): it is logged
// and skipped, and the checkpoint advances past it.
var errSkip = errors.New("event skipped")

func skipf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errSkip, fmt.Sprintf(format, args...))
}

// permanent reports whether applying an event failed for good (so it is
// skipped) rather than because of the database or the network (so the
// batch is retried).
func permanent(err error) bool {
	if errors.Is(err, errSkip) {
		return true
	}
	switch sqliteCode(err) {
	case sqliteConstraint, sqliteMismatch, sqliteTooBig, sqliteRange:
		return true
	}
	return false
}

// item is one delivered message, decoded before the write transaction.
type item struct {
	seq     uint64
	subject string
	env     events.Envelope
	data    events.Data
	// output is the decoded StepOutput of a run.result.
	output *events.StepOutput
	// outputs are the decoded step outputs of a project.cloned.
	outputs []stepOutput
	// skip, when set, is why the event is not applied.
	skip error
	// unknown marks a type this build does not know (skipped quietly).
	unknown bool
}

// decodeItem decodes a message's envelope and payload, checking that the
// envelope belongs on the subject it arrived on. It never fails: problems
// are recorded in item.skip.
func decodeItem(seq uint64, subject string, body []byte) item {
	it := item{seq: seq, subject: subject}
	env, err := decodeEnvelope(body)
	if err != nil {
		it.skip = err
		return it
	}
	it.env = env
	if !onSubject(env, subject) {
		it.skip = skipf("envelope of %s %s (project %s) arrived on subject %q", env.Type, env.ID, env.ProjectID, subject)
		return it
	}
	if !knownTypes[env.Type] {
		it.unknown = true
		it.skip = fmt.Errorf("%w: %q", events.ErrUnknownType, env.Type)
		return it
	}
	data, err := decodePayload(env)
	if err != nil {
		it.skip = err
		return it
	}
	it.data = data
	return it
}

// loadResult fetches and decodes a run.result's payload. A missing object
// or a malformed payload marks the item skipped; other errors (network)
// are returned so that the batch is retried.
func (p *Projector) loadResult(ctx context.Context, it *item) error {
	switch d := it.data.(type) {
	case events.RunResult:
		out, err := p.loadOutput(ctx, it, d)
		if err != nil || out == nil {
			return err
		}
		it.output = out
	case events.ProjectCloned:
		for _, res := range d.Results {
			out, err := p.loadOutput(ctx, it, res)
			if err != nil || out == nil {
				return err
			}
			it.outputs = append(it.outputs, stepOutput{step: res.Step, out: *out})
		}
	}
	return nil
}

// loadOutput fetches and decodes one result's payload; nil with no error
// means the item was marked skipped.
func (p *Projector) loadOutput(ctx context.Context, it *item, res events.RunResult) (*events.StepOutput, error) {
	var store jetstream.ObjectStore
	if res.ObjectKey != "" {
		var err error
		if store, err = p.artifactStore(ctx); err != nil {
			return nil, err
		}
	}
	fctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	raw, err := res.Payload(fctx, store)
	if err != nil {
		if errors.Is(err, jetstream.ErrObjectNotFound) {
			it.skip = skipf("result object %s: %v", res.ObjectKey, err)
			return nil, nil
		}
		return nil, err
	}
	var out events.StepOutput
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			it.skip = skipf("result of step %s: %v", res.Step, err)
			return nil, nil
		}
	}
	return &out, nil
}

func (p *Projector) artifactStore(ctx context.Context) (jetstream.ObjectStore, error) {
	if p.artifacts != nil {
		return p.artifacts, nil
	}
	st, err := p.js.ObjectStore(ctx, events.ArtifactsBucket)
	if err != nil {
		return nil, fmt.Errorf("projections: object store %s: %w", events.ArtifactsBucket, err)
	}
	p.artifacts = st
	return st, nil
}

// applyBatch applies items in one transaction with the checkpoint, skipping
// items at or below the stored checkpoint. It returns the changes to
// announce and the new checkpoint. An error means nothing was committed.
func (p *Projector) applyBatch(ctx context.Context, items []item) ([]Change, uint64, error) {
	tx, err := p.store.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("projections: begin: %w", err)
	}
	defer tx.Rollback()
	p.stmts.wanted = p.stmts.wanted[:0]
	a := applier{tx: tx, cache: &p.stmts}
	defer a.close()
	// The statements run without ctx's cancellation: with a cancellable
	// context the driver starts a goroutine per statement to interrupt it,
	// which costs more than most of these statements. ctx is checked
	// between events instead, and it still rolls the transaction back (see
	// BeginTx).
	sctx := context.WithoutCancel(ctx)
	var last int64
	if err := a.scan(sctx, "SELECT last_seq FROM checkpoint WHERE id = 1", nil, &last); err != nil {
		return nil, 0, fmt.Errorf("projections: read checkpoint: %w", err)
	}
	checkpoint := uint64(last)
	var changes []Change
	// superseded holds the run.progress events whose UPDATE the next
	// event's overwrites (see supersedes): they are applied by that one.
	var superseded []*item
	for i := range items {
		it := &items[i]
		if it.seq <= checkpoint {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, 0, fmt.Errorf("projections: apply: %w", context.Cause(ctx))
		}
		checkpoint = it.seq
		if it.skip != nil {
			p.logSkip(it)
			continue
		}
		if i+1 < len(items) && supersedes(&items[i+1], it) {
			superseded = append(superseded, it)
			continue
		}
		if len(superseded) > 0 {
			applied, err := a.apply(sctx, it)
			if err == nil {
				if applied {
					for _, s := range superseded {
						changes = append(changes, s.change())
					}
					changes = append(changes, it.change())
				}
				superseded = superseded[:0]
				continue
			}
			if !permanent(err) {
				return nil, 0, fmt.Errorf("projections: apply %s (seq %d): %w", it.env.Type, it.seq, err)
			}
			// The failed UPDATE changed nothing: apply the events one by
			// one, as without coalescing.
			for _, s := range superseded {
				if err := p.applyOne(sctx, &a, s, &changes); err != nil {
					return nil, 0, err
				}
			}
			superseded = superseded[:0]
		}
		if err := p.applyOne(sctx, &a, it, &changes); err != nil {
			return nil, 0, err
		}
	}
	if checkpoint == uint64(last) {
		return nil, checkpoint, nil
	}
	if _, err := a.exec(sctx, "UPDATE checkpoint SET last_seq = ? WHERE id = 1", int64(checkpoint)); err != nil {
		return nil, 0, fmt.Errorf("projections: write checkpoint: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, 0, fmt.Errorf("projections: commit: %w", err)
	}
	// Statements this batch met for the first time are prepared on the
	// writer now that the transaction has released its only connection
	// (before, PrepareContext would wait for it until ctx ends), for the
	// next batches.
	p.stmts.prepareWanted(ctx, p.store.w)
	return changes, checkpoint, nil
}

// applyOne applies one event, appending its change if it changed the
// model. An event that fails for good is logged and skipped; other errors
// are returned.
func (p *Projector) applyOne(ctx context.Context, a *applier, it *item, changes *[]Change) error {
	applied, err := a.apply(ctx, it)
	if err != nil {
		if !permanent(err) {
			return fmt.Errorf("projections: apply %s (seq %d): %w", it.env.Type, it.seq, err)
		}
		p.log.Warn("event skipped", "seq", it.seq, "type", it.env.Type, "project_id", it.env.ProjectID, "run_id", it.env.RunID, "err", err)
		return nil
	}
	if applied {
		*changes = append(*changes, it.change())
	}
	return nil
}

// change is the announcement of an applied item.
func (it *item) change() Change {
	return Change{ProjectID: it.env.ProjectID, RunID: it.env.RunID, Type: it.env.Type, Seq: it.seq}
}

// supersedes reports whether applying next right after prev makes prev's
// effect invisible, so that prev need not be applied on its own: both
// are well-formed run.progress of the same run (and project), next
// directly follows prev. A progress event only overwrites the run's
// progress_current, progress_total and current_step, under a condition
// (the run exists and is active) that it does not change, so next's
// UPDATE overwrites every column prev's would set and matches exactly
// when prev's would have; prev then counts as applied exactly when next
// does.
func supersedes(next, prev *item) bool {
	if next.seq <= prev.seq || next.skip != nil || prev.skip != nil {
		return false
	}
	if _, ok := prev.data.(events.RunProgress); !ok {
		return false
	}
	if _, ok := next.data.(events.RunProgress); !ok {
		return false
	}
	return next.env.RunID == prev.env.RunID && next.env.ProjectID == prev.env.ProjectID
}

func (p *Projector) logSkip(it *item) {
	if it.unknown {
		p.log.Debug("unknown event type skipped", "seq", it.seq, "type", it.env.Type, "subject", it.subject)
		return
	}
	p.log.Warn("malformed event skipped", "seq", it.seq, "subject", it.subject, "err", it.skip)
}

// applier applies events within one transaction. It prepares each
// statement once per transaction: SQLite would otherwise parse the same
// SQL again for every event of a batch.
type applier struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// cache, when not nil, shares statements across transactions.
	cache *stmtCache
}

// stmt returns query prepared on the transaction, preparing it on first
// use: from the cache of statements prepared on the writer connection when
// there is one (no parsing), else by the transaction.
func (a *applier) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := a.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if a.cache != nil {
		if shared, ok := a.cache.prepared[query]; ok {
			st = a.tx.StmtContext(ctx, shared)
		} else {
			a.cache.want(query)
		}
	}
	if st == nil {
		var err error
		if st, err = a.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
	}
	if a.stmts == nil {
		a.stmts = make(map[string]*sql.Stmt)
	}
	a.stmts[query] = st
	return st, nil
}

// stmtCache holds the live projector's statements prepared on the writer
// connection. A batch transaction holds that one connection, so a
// statement met for the first time is prepared by the transaction and,
// after it, on the writer for the next batches: live batches are small,
// and parsing their statements anew each time was a quarter of the
// projector's CPU. Used only by the goroutine running the projector.
type stmtCache struct {
	prepared map[string]*sql.Stmt
	wanted   []string
}

func (c *stmtCache) want(query string) { c.wanted = append(c.wanted, query) }

// prepareWanted prepares the wanted statements on db. A statement that
// fails to prepare is left to the transactions.
func (c *stmtCache) prepareWanted(ctx context.Context, db *sql.DB) {
	for _, q := range c.wanted {
		if _, ok := c.prepared[q]; ok {
			continue
		}
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		if c.prepared == nil {
			c.prepared = make(map[string]*sql.Stmt)
		}
		c.prepared[q] = st
	}
	c.wanted = c.wanted[:0]
}

// close closes the cached statements.
func (c *stmtCache) close() {
	for _, st := range c.prepared {
		_ = st.Close()
	}
	c.prepared, c.wanted = nil, nil
}

// close closes the prepared statements (the transaction's end would too).
func (a *applier) close() {
	for _, st := range a.stmts {
		_ = st.Close()
	}
	a.stmts = nil
}

// atomic runs fn inside a savepoint, so that an event whose second
// statement fails leaves none of its changes behind. Nested savepoints
// share the name: ROLLBACK TO and RELEASE act on the innermost.
func (a *applier) atomic(ctx context.Context, fn func() error) error {
	if _, err := a.exec(ctx, "SAVEPOINT ev"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		if _, rbErr := a.exec(ctx, "ROLLBACK TO ev"); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		if _, rbErr := a.exec(ctx, "RELEASE ev"); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	_, err := a.exec(ctx, "RELEASE ev")
	return err
}

// exec runs query (prepared once per transaction) and returns the rows
// it changed.
func (a *applier) exec(ctx context.Context, query string, args ...any) (int64, error) {
	st, err := a.stmt(ctx, query)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// scan runs a one-row query (prepared once per transaction) into dest;
// sql.ErrNoRows when there is no row.
func (a *applier) scan(ctx context.Context, query string, args []any, dest ...any) error {
	st, err := a.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (a *applier) projectExists(ctx context.Context, id string) (bool, error) {
	var n int
	err := a.scan(ctx, "SELECT COUNT(*) FROM projects WHERE id = ?", []any{id}, &n)
	return n > 0, err
}

// activeStatuses is the SQL list of non-terminal statuses: only runs in
// these are ever changed.
const activeStatuses = "('" + StatusPending + "','" + StatusRunning + "')"

// apply applies one decoded event. It reports whether the event changed the
// model (false when it was a no-op, e.g. progress after a terminal status).
func (a *applier) apply(ctx context.Context, it *item) (bool, error) {
	env := it.env
	at := fmtTime(env.Time)
	seq := int64(it.seq)
	switch d := it.data.(type) {
	case events.ProjectCreated:
		n, err := a.exec(ctx, `INSERT INTO projects (id, name, llm_provider, llm_model, llm_base_url, created_at, updated_at, inputs_at, seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			env.ProjectID, d.Name, d.LLMProvider, d.LLMModel, d.LLMBaseURL, at, at, at, seq)
		return n > 0, err

	case events.ProjectUpdated:
		n, err := a.exec(ctx, `UPDATE projects SET name = COALESCE(?, name), llm_provider = COALESCE(?, llm_provider),
			llm_model = COALESCE(?, llm_model), llm_base_url = COALESCE(?, llm_base_url), updated_at = ? WHERE id = ?`,
			d.Name, d.LLMProvider, d.LLMModel, d.LLMBaseURL, at, env.ProjectID)
		return n > 0, err

	case events.ProjectDeleted:
		return true, a.atomic(ctx, func() error { return a.deleteProject(ctx, env.ProjectID) })

	case events.DocAdded:
		if err := events.CheckID("doc_id", d.DocID); err != nil {
			return false, skipf("%v", err)
		}
		var n int64
		err := a.atomic(ctx, func() error {
			var err error
			n, err = a.exec(ctx, `INSERT INTO documents (id, project_id, file_name, size, sha256, object_key, created_at, seq)
				SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM projects WHERE id = ?)
				ON CONFLICT (id) DO NOTHING`,
				d.DocID, env.ProjectID, d.FileName, d.Size, d.SHA256, d.ObjectKey, at, seq, env.ProjectID)
			if err != nil || n == 0 {
				return err
			}
			_, err = a.exec(ctx, "UPDATE projects SET inputs_at = ? WHERE id = ?", at, env.ProjectID)
			return err
		})
		return n > 0, err

	case events.DocRemoved:
		var n int64
		err := a.atomic(ctx, func() error {
			var err error
			n, err = a.exec(ctx, "DELETE FROM documents WHERE id = ? AND project_id = ?", d.DocID, env.ProjectID)
			if err != nil || n == 0 {
				return err
			}
			_, err = a.exec(ctx, "UPDATE projects SET inputs_at = ? WHERE id = ?", at, env.ProjectID)
			return err
		})
		return n > 0, err

	case events.RunRequested:
		docs := ""
		if len(d.Documents) > 0 {
			b, err := json.Marshal(d.Documents)
			if err != nil {
				return false, skipf("run.requested documents: %v", err)
			}
			docs = string(b)
		}
		n, err := a.exec(ctx, `INSERT INTO runs (id, project_id, scope, status, triggered_by, created_at, idempotency_key, documents, seq)
			SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM projects WHERE id = ?)
			ON CONFLICT (id) DO NOTHING`,
			env.RunID, env.ProjectID, d.Scope, StatusPending, string(d.TriggeredBy), at, d.IdempotencyKey, docs, seq, env.ProjectID)
		return n > 0, err

	case events.RunStarted:
		n, err := a.exec(ctx, `UPDATE runs SET status = ?, attempt = ?, runner_id = ?, started_at = COALESCE(started_at, ?)
			WHERE id = ? AND project_id = ? AND status IN `+activeStatuses+` AND attempt <= ?`,
			StatusRunning, d.Attempt, d.RunnerID, at, env.RunID, env.ProjectID, d.Attempt)
		return n > 0, err

	case events.RunStep:
		return a.applyStep(ctx, env, d, at, seq)

	case events.RunProgress:
		n, err := a.exec(ctx, `UPDATE runs SET progress_current = ?, progress_total = ?, current_step = ?
			WHERE id = ? AND project_id = ? AND status IN `+activeStatuses,
			d.Current, d.Total, d.Step, env.RunID, env.ProjectID)
		return n > 0, err

	case events.RunCancelRequested:
		n, err := a.exec(ctx, `UPDATE runs SET cancel_requested = 1 WHERE id = ? AND project_id = ? AND status IN `+activeStatuses,
			env.RunID, env.ProjectID)
		return n > 0, err

	case events.RunCompleted:
		return a.finish(ctx, env, StatusCompleted, "", at, d.LogsTruncated)
	case events.RunFailed:
		return a.finish(ctx, env, StatusFailed, d.ErrorMessage, at, d.LogsTruncated)
	case events.RunCancelled:
		return a.finish(ctx, env, StatusCancelled, "", at, d.LogsTruncated)

	case events.RunResult:
		if it.output == nil {
			return false, skipf("run.result without a loaded payload")
		}
		return a.applyResult(ctx, env, d, *it.output, at, seq)

	case events.ProjectCloned:
		return a.applyClone(ctx, env, d, it.outputs, at, seq)

	case events.TermAdded, events.TermUpdated, events.TermDeleted, events.TermExcluded, events.TermUnexcluded,
		events.TermRequired, events.TermUnrequired, events.TermSynonymsSet, events.TermSynonymsRemoved,
		events.TermDefinitionEdited:
		return a.applyEdit(ctx, env, d, at)
	}
	// Known to events but not projected (log.* never reach GG_EVENTS).
	return false, nil
}

func (a *applier) finish(ctx context.Context, env events.Envelope, status, msg, at string, logsTruncated bool) (bool, error) {
	n, err := a.exec(ctx, `UPDATE runs SET status = ?, finished_at = ?, error_message = ?, logs_truncated = ?
		WHERE id = ? AND project_id = ? AND status IN `+activeStatuses,
		status, at, msg, logsTruncated, env.RunID, env.ProjectID)
	return n > 0, err
}

func (a *applier) applyStep(ctx context.Context, env events.Envelope, d events.RunStep, at string, seq int64) (bool, error) {
	if d.Step == "" {
		return false, skipf("run.step without a step")
	}
	var n int64
	err := a.atomic(ctx, func() error {
		var err error
		switch d.Status {
		case events.StepStarted:
			n, err = a.exec(ctx, `UPDATE runs SET current_step = ?, progress_current = 0, progress_total = 0
				WHERE id = ? AND project_id = ? AND status IN `+activeStatuses, d.Step, env.RunID, env.ProjectID)
			if err != nil || n == 0 {
				return err
			}
			_, err = a.exec(ctx, `INSERT INTO run_steps (run_id, step, status, count, started_at, finished_at, seq)
				VALUES (?, ?, ?, 0, ?, NULL, ?)
				ON CONFLICT (run_id, step) DO UPDATE SET status = excluded.status, count = 0,
					started_at = excluded.started_at, finished_at = NULL`,
				env.RunID, d.Step, string(d.Status), at, seq)
		case events.StepCompleted:
			n, err = a.exec(ctx, `UPDATE runs SET current_step = ? WHERE id = ? AND project_id = ? AND status IN `+activeStatuses,
				d.Step, env.RunID, env.ProjectID)
			if err != nil || n == 0 {
				return err
			}
			_, err = a.exec(ctx, `INSERT INTO run_steps (run_id, step, status, count, started_at, finished_at, seq)
				VALUES (?, ?, ?, ?, NULL, ?, ?)
				ON CONFLICT (run_id, step) DO UPDATE SET status = excluded.status, count = excluded.count,
					finished_at = excluded.finished_at`,
				env.RunID, d.Step, string(d.Status), d.Count, at, seq)
		default:
			return skipf("run.step with status %q", d.Status)
		}
		return err
	})
	return n > 0, err
}

// applyResult replaces a step's output for the project, if the run is
// still active.
func (a *applier) applyResult(ctx context.Context, env events.Envelope, res events.RunResult, out events.StepOutput, at string, seq int64) (bool, error) {
	switch res.Step {
	case StepExtract, StepProvisional, StepIssues, StepRefined:
	default:
		return false, skipf("run.result of unknown step %q", res.Step)
	}
	var active int
	if err := a.scan(ctx, `SELECT COUNT(*) FROM runs r JOIN projects p ON p.id = r.project_id
		WHERE r.id = ? AND r.project_id = ? AND r.status IN `+activeStatuses, []any{env.RunID, env.ProjectID}, &active); err != nil {
		return false, err
	}
	if active == 0 {
		return false, nil
	}
	err := a.atomic(ctx, func() error {
		return a.replaceStep(ctx, env.ProjectID, env.RunID, res.Step, out, at, seq)
	})
	return err == nil, err
}

// replaceStep replaces a step's output for the project and records which
// run (empty for an import) produced it.
func (a *applier) replaceStep(ctx context.Context, pid, runID, step string, out events.StepOutput, at string, seq int64) error {
	var count int
	var err error
	switch step {
	case StepExtract:
		count, err = a.replaceTerms(ctx, pid, out, at)
	case StepProvisional:
		count, err = a.replaceEntries(ctx, "provisional", pid, out.Entries)
		if err == nil {
			err = a.stepReplaced(ctx, pid, step)
		}
	case StepRefined:
		count, err = a.replaceEntries(ctx, "refined", pid, out.Entries)
	case StepIssues:
		count, err = a.replaceIssues(ctx, pid, out)
	default:
		return skipf("result of unknown step %q", step)
	}
	if err != nil {
		return err
	}
	if out.Partial {
		// The run's record says the step kept a partial output.
		if _, err := a.exec(ctx, `INSERT INTO run_steps (run_id, step, status, count, started_at, finished_at, seq, partial)
			VALUES (?, ?, 'started', ?, NULL, NULL, ?, 1)
			ON CONFLICT (run_id, step) DO UPDATE SET partial = 1, count = excluded.count`,
			runID, step, count, seq); err != nil {
			return err
		}
	}
	_, err = a.exec(ctx, `INSERT INTO step_results (project_id, step, run_id, count, partial, applied_at, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (project_id, step) DO UPDATE SET run_id = excluded.run_id, count = excluded.count,
			partial = excluded.partial, applied_at = excluded.applied_at, seq = excluded.seq`,
		pid, step, runID, count, out.Partial, at, seq)
	return err
}

// stepReplaced tells the project's edits that step has a new output.
func (a *applier) stepReplaced(ctx context.Context, pid, step string) error {
	st, err := a.loadTermState(ctx, pid)
	if err != nil {
		return err
	}
	st.edits.StepReplaced(step)
	_, err = a.saveTermState(ctx, pid, st)
	return err
}

func (a *applier) replaceTerms(ctx context.Context, pid string, out events.StepOutput, at string) (int, error) {
	st, err := a.loadTermState(ctx, pid)
	if err != nil {
		return 0, err
	}
	st.edits.StepReplaced(StepExtract)
	st.extracted = nil
	for _, t := range out.Terms {
		if t.Text != "" {
			st.extracted = append(st.extracted, t)
		}
	}
	n, err := a.saveTermState(ctx, pid, st)
	if err != nil {
		return 0, err
	}
	if _, err := a.exec(ctx, "DELETE FROM excluded_terms WHERE project_id = ? AND source = ?", pid, ExcludedAuto); err != nil {
		return 0, err
	}
	for _, text := range out.AutoExcluded {
		if text == "" {
			continue
		}
		if _, err := a.exec(ctx, `INSERT INTO excluded_terms (project_id, term_text, id, source, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (project_id, term_text) DO NOTHING`, pid, text, itemID(text), ExcludedAuto, at); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// replaceEntries replaces the provisional or refined table's rows of a
// project (table is one of those two constants).
func (a *applier) replaceEntries(ctx context.Context, table, pid string, entries []glossary.Entry) (int, error) {
	if _, err := a.exec(ctx, "DELETE FROM "+table+" WHERE project_id = ?", pid); err != nil {
		return 0, err
	}
	stmt, err := a.stmt(ctx, "INSERT INTO "+table+` (project_id, term_name, id, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (project_id, term_name) DO UPDATE SET data = excluded.data`)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if e.Term == "" {
			continue
		}
		b, err := json.Marshal(e)
		if err != nil {
			return 0, skipf("entry %q: %v", e.Term, err)
		}
		if _, err := stmt.ExecContext(ctx, pid, e.Term, itemID(e.Term), string(b)); err != nil {
			return 0, err
		}
	}
	var n int
	err = a.scan(ctx, "SELECT COUNT(*) FROM "+table+" WHERE project_id = ?", []any{pid}, &n)
	return n, err
}

func (a *applier) replaceIssues(ctx context.Context, pid string, out events.StepOutput) (int, error) {
	if _, err := a.exec(ctx, "DELETE FROM issues WHERE project_id = ?", pid); err != nil {
		return 0, err
	}
	stmt, err := a.stmt(ctx, `INSERT INTO issues (project_id, idx, id, term_name, issue_type, data) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	seen := make(map[string]int, len(out.Issues))
	for i, is := range out.Issues {
		b, err := json.Marshal(is)
		if err != nil {
			return 0, skipf("issue of %q: %v", is.Term, err)
		}
		id := itemID(is.Term, string(is.Type), is.Description)
		seen[id]++
		if k := seen[id]; k > 1 {
			id += "-" + strconv.Itoa(k)
		}
		if _, err := stmt.ExecContext(ctx, pid, i, id, is.Term, string(is.Type), string(b)); err != nil {
			return 0, err
		}
	}
	return len(out.Issues), nil
}

// deleteProject removes every row of a project in every table.
func (a *applier) deleteProject(ctx context.Context, pid string) error {
	stmts := []string{
		"DELETE FROM run_steps WHERE run_id IN (SELECT id FROM runs WHERE project_id = ?)",
		"DELETE FROM runs WHERE project_id = ?",
		"DELETE FROM documents WHERE project_id = ?",
		"DELETE FROM terms WHERE project_id = ?",
		"DELETE FROM excluded_terms WHERE project_id = ?",
		"DELETE FROM term_state WHERE project_id = ?",
		"DELETE FROM provisional WHERE project_id = ?",
		"DELETE FROM issues WHERE project_id = ?",
		"DELETE FROM refined WHERE project_id = ?",
		"DELETE FROM step_results WHERE project_id = ?",
		"DELETE FROM projects WHERE id = ?",
	}
	for _, q := range stmts {
		if _, err := a.exec(ctx, q, pid); err != nil {
			return err
		}
	}
	return nil
}

// itemID returns the stable id of a step-output item: the first 20 hex
// digits of the SHA-256 of its key parts. A term keeps its id across runs
// and tables (terms, provisional, refined) and across a reproject.
func itemID(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// discardLogger is the default logger.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
