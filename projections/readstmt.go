package projections

import (
	"context"
	"database/sql"
	"sync"
)

// maxReadStmts bounds the read statements a Store keeps prepared; queries
// beyond it run unprepared, as before.
const maxReadStmts = 128

// readStmts keeps the read queries prepared on the reader pool, so that an
// API call does not parse its SQL anew each time (database/sql prepares a
// statement on each pool connection once, lazily).
type readStmts struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// get returns query prepared on db, preparing it on first use; nil when
// it cannot (the caller runs the query unprepared, which reports the
// error) or when the cache is full.
func (c *readStmts) get(ctx context.Context, db *sql.DB, query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st
	}
	if len(c.stmts) >= maxReadStmts {
		return nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	if c.stmts == nil {
		c.stmts = make(map[string]*sql.Stmt)
	}
	c.stmts[query] = st
	return st
}

func (c *readStmts) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		_ = st.Close()
	}
	c.stmts = nil
}

// query runs a read query, prepared once (see readStmts). For queries
// whose text varies with their arguments (IN lists), use s.r directly.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := s.reads.get(ctx, s.r, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.r.QueryContext(ctx, query, args...)
}

// queryRow is query for one row.
func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := s.reads.get(ctx, s.r, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.r.QueryRowContext(ctx, query, args...)
}
