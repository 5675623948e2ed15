package projections

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
)

//go:embed schema.sql
var schemaSQL string

// schemaVersion is stored in PRAGMA user_version. A database with another
// version is emptied and re-created: the read model is derived data, so a
// change of schema is migrated by replaying the stream from sequence 1.
const schemaVersion = 4

// ErrNotFound is returned (wrapped) by the queries when the project,
// document, run or item asked for does not exist.
var ErrNotFound = errors.New("projections: not found")

// ErrCorrupt is returned (wrapped) by [Open] when the file exists but is
// not a readable SQLite database (corrupt, not a database, unreadable).
// The read model can be rebuilt with [Reproject].
var ErrCorrupt = errors.New("projections: database is corrupt or unreadable")

// ErrAlreadyRunning is returned by [Projector.Run] when the projector is
// already running.
var ErrAlreadyRunning = errors.New("projections: projector already running")

// SQLite primary result codes this package tells apart.
const (
	sqliteCorrupt    = 11
	sqliteCantOpen   = 14
	sqliteIOErr      = 10
	sqlitePerm       = 3
	sqliteNotADB     = 26
	sqliteConstraint = 19
	sqliteMismatch   = 20
	sqliteTooBig     = 18
	sqliteRange      = 25
)

// Store is the SQLite read model: one writer connection, used only by the
// [Projector], and a pool of read-only connections for the queries. Safe
// for concurrent use.
type Store struct {
	path string
	w    *sql.DB // the one writer connection
	r    *sql.DB // read-only pool
	// reads are the read queries prepared on r.
	reads readStmts
	// applied caches the checkpoint committed last.
	applied atomic.Uint64
}

// Open opens the read model at path, creating the file and its schema when
// missing. A database written by another schema version is emptied (its
// checkpoint goes back to 0) so that the projector rebuilds it. A file that
// is not a readable SQLite database gives an error wrapping [ErrCorrupt].
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, false)
}

// replayLateIndexes are the indexes of schema.sql that only the read
// queries use: a replay builds them once at the end ([Store.endReplay])
// instead of maintaining them event by event. The indexes the projector's
// own statements search by (runs and documents by project) stay.
var replayLateIndexes = []string{"runs_by_status", "runs_by_key", "projects_by_name", "issues_by_type"}

// endReplay creates the indexes openReplay left out, with schema.sql's
// statements, so that the file has the schema [Open] creates.
func (s *Store) endReplay(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, schemaSQL); err != nil {
		return fmt.Errorf("projections: create indexes: %w", err)
	}
	return nil
}

// openReplay opens a fresh file that [Reproject] fills and then renames
// into place: only the writer connection, with the rollback journal in
// memory and no fsync at commits (a crash leaves a file that the next
// Reproject removes; Reproject syncs the file before the rename), and
// without replayLateIndexes. Rollbacks and savepoints work as in [Open]'s
// mode. The page cache keeps SQLite's default size: a replay mostly
// appends and updates recent rows, and a larger cache measured slower
// (allocating and freeing its pages).
func openReplay(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, true)
}

func open(ctx context.Context, path string, replay bool) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("projections: open %s: %w", path, err)
	}
	exists := false
	if fi, err := os.Stat(abs); err == nil {
		exists = true
		if fi.IsDir() {
			return nil, fmt.Errorf("%w: %s is a directory", ErrCorrupt, path)
		}
	}
	s := &Store{path: abs}
	w := dsn(abs, false)
	if replay {
		w = replayDSN(abs)
	}
	s.w, err = sql.Open("sqlite", w)
	if err != nil {
		return nil, fmt.Errorf("projections: open %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	s.w.SetConnMaxIdleTime(0)
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, openError(path, exists, err)
	}
	seq, err := s.LastApplied(ctx)
	if err != nil {
		s.w.Close()
		return nil, openError(path, exists, err)
	}
	s.applied.Store(seq)
	if replay {
		for _, ix := range replayLateIndexes {
			if _, err := s.w.ExecContext(ctx, "DROP INDEX "+quoteIdent(ix)); err != nil {
				s.w.Close()
				return nil, fmt.Errorf("projections: open %s: %w", path, err)
			}
		}
		return s, nil
	}

	s.r, err = sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("projections: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	s.r.SetMaxOpenConns(n)
	s.r.SetMaxIdleConns(n)
	if err := s.r.PingContext(ctx); err != nil {
		s.Close()
		return nil, openError(path, exists, err)
	}
	return s, nil
}

// dsn returns the modernc.org/sqlite data source name of a file: a file:
// URI (so that any character of the path is escaped) with WAL, a busy
// timeout and foreign keys; the writer takes its lock at BEGIN, readers
// are query-only.
func dsn(abs string, readOnly bool) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	q := "_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	if readOnly {
		q += "&_pragma=query_only(1)"
	} else {
		q += "&_txlock=immediate"
	}
	return u.String() + "?" + q
}

// replayDSN is the writer's data source name for [openReplay].
func replayDSN(abs string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String() + "?_pragma=journal_mode(MEMORY)&_pragma=synchronous(OFF)&_pragma=locking_mode(EXCLUSIVE)" +
		"&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate"
}

// openError classifies an error of Open: damage to an existing file wraps
// ErrCorrupt.
func openError(path string, exists bool, err error) error {
	switch sqliteCode(err) {
	case sqliteNotADB, sqliteCorrupt:
		return fmt.Errorf("%w: %s: %w", ErrCorrupt, path, err)
	case sqliteCantOpen, sqliteIOErr, sqlitePerm:
		if exists {
			return fmt.Errorf("%w: %s: %w", ErrCorrupt, path, err)
		}
	}
	return fmt.Errorf("projections: open %s: %w", path, err)
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// migrate creates the schema, emptying a database of another version.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v != schemaVersion {
		tables, err := tableNames(ctx, tx)
		if err != nil {
			return err
		}
		for _, t := range tables {
			if _, err := tx.ExecContext(ctx, "DROP TABLE "+quoteIdent(t)); err != nil {
				return err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, schemaSQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(schemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// tableNames lists the user tables, sorted by name.
func tableNames(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// Close closes both connection pools.
func (s *Store) Close() error {
	var errs []error
	s.reads.close()
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	errs = append(errs, s.w.Close())
	return errors.Join(errs...)
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// LastApplied returns the stream sequence of the last event applied (the
// checkpoint), 0 for an empty read model.
func (s *Store) LastApplied(ctx context.Context) (uint64, error) {
	var seq int64
	if err := s.w.QueryRowContext(ctx, "SELECT last_seq FROM checkpoint WHERE id = 1").Scan(&seq); err != nil {
		return 0, fmt.Errorf("projections: read checkpoint: %w", err)
	}
	return uint64(seq), nil
}

// detach prepares the file to be moved: readers closed, the WAL folded
// into the main file and the journal mode set back to DELETE, so that the
// database is one self-contained file.
func (s *Store) detach(ctx context.Context) error {
	if s.r != nil {
		if err := s.r.Close(); err != nil {
			return err
		}
		s.r = nil
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("projections: checkpoint WAL: %w", err)
	}
	var mode string
	if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return fmt.Errorf("projections: leave WAL mode: %w", err)
	}
	return nil
}

// timeLayout is the fixed-width UTC layout times are stored in, so that
// string order is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("projections: stored time %q: %w", s, err)
	}
	return t, nil
}

// parseNullTime returns nil for a NULL column.
func parseNullTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}
