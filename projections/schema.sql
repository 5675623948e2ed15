-- The read model. Everything here is derived from the GG_EVENTS stream and
-- can be dropped and rebuilt by a replay: a database whose user_version is
-- not the one the code expects is emptied and re-projected from sequence 1.
--
-- Times are UTC text of a fixed width (2006-01-02T15:04:05.000000000Z) so
-- that comparing the strings compares the instants.
--
-- No UNIQUE constraint other than primary keys: uniqueness of names is the
-- API's business, and an event the model would reject must not wedge the
-- projector.
CREATE TABLE IF NOT EXISTS checkpoint (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL
);
INSERT OR IGNORE INTO checkpoint (id, last_seq) VALUES (1, 0);

CREATE TABLE IF NOT EXISTS projects (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    llm_provider TEXT NOT NULL,
    llm_model    TEXT NOT NULL DEFAULT '',
    llm_base_url TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    -- time of the newest change to documents or user edits; compared with the
    -- last completed run to tell the GUI a re-run is needed
    inputs_at    TEXT NOT NULL,
    -- time results were imported by project.cloned when the source was up
    -- to date; counts as a completed run for the state
    results_at   TEXT,
    seq          INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS projects_by_name ON projects (name, id);

CREATE TABLE IF NOT EXISTS documents (
    id         TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    object_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    seq        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_name ON documents (project_id, file_name, seq);

CREATE TABLE IF NOT EXISTS runs (
    id               TEXT PRIMARY KEY,
    project_id       TEXT NOT NULL,
    scope            TEXT NOT NULL,
    status           TEXT NOT NULL,
    triggered_by     TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    started_at       TEXT,
    finished_at      TEXT,
    error_message    TEXT NOT NULL DEFAULT '',
    progress_current INTEGER NOT NULL DEFAULT 0,
    progress_total   INTEGER NOT NULL DEFAULT 0,
    current_step     TEXT NOT NULL DEFAULT '',
    attempt          INTEGER NOT NULL DEFAULT 0,
    runner_id        TEXT NOT NULL DEFAULT '',
    idempotency_key  TEXT NOT NULL DEFAULT '',
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    -- JSON list of the doc ids an incremental extract read ('' = all)
    documents        TEXT NOT NULL DEFAULT '',
    -- 1 when the runner reported the run's log incomplete (logs_truncated)
    logs_truncated   INTEGER NOT NULL DEFAULT 0,
    seq              INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_project ON runs (project_id, seq DESC);
CREATE INDEX IF NOT EXISTS runs_by_status ON runs (project_id, status);
CREATE INDEX IF NOT EXISTS runs_by_key ON runs (project_id, idempotency_key) WHERE idempotency_key <> '';

CREATE TABLE IF NOT EXISTS run_steps (
    run_id      TEXT NOT NULL,
    step        TEXT NOT NULL,
    status      TEXT NOT NULL,
    count       INTEGER NOT NULL DEFAULT 0,
    started_at  TEXT,
    finished_at TEXT,
    seq         INTEGER NOT NULL,
    -- 1 when the run was cancelled in this step and kept what it finished
    partial     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, step)
);

-- Which run last produced each step's output of a project.
CREATE TABLE IF NOT EXISTS step_results (
    project_id TEXT NOT NULL,
    step       TEXT NOT NULL,
    run_id     TEXT NOT NULL,
    count      INTEGER NOT NULL,
    partial    INTEGER NOT NULL DEFAULT 0,
    applied_at TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (project_id, step)
);

-- A project's user edits (termedits.Edits as JSON) and the last extract
-- output as it came (JSON list of glossary.Term); the terms table is
-- rebuilt from both whenever either changes.
CREATE TABLE IF NOT EXISTS term_state (
    project_id TEXT PRIMARY KEY,
    edits      TEXT NOT NULL DEFAULT '{}',
    extracted  TEXT NOT NULL DEFAULT '[]'
);

-- Step outputs, one row per item, replaced as a whole when a step's result
-- is applied (terms: the extract output with the user's edits applied;
-- provisional rows also change with term.definition_edited). data is the JSON of the glossary type (glossary.Term,
-- glossary.Entry, glossary.Issue).
CREATE TABLE IF NOT EXISTS terms (
    project_id TEXT NOT NULL,
    term_text  TEXT NOT NULL,
    id         TEXT NOT NULL,
    category   TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (project_id, term_text)
);
-- Terms kept out of the glossary; extract adds the common nouns it dropped
-- (source 'auto'); user exclusions come with the term.* events (source
-- 'user').
CREATE TABLE IF NOT EXISTS excluded_terms (
    project_id TEXT NOT NULL,
    term_text  TEXT NOT NULL,
    id         TEXT NOT NULL,
    source     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (project_id, term_text)
);
CREATE TABLE IF NOT EXISTS provisional (
    project_id TEXT NOT NULL,
    term_name  TEXT NOT NULL,
    id         TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (project_id, term_name)
);
CREATE TABLE IF NOT EXISTS issues (
    project_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    id         TEXT NOT NULL,
    term_name  TEXT NOT NULL,
    issue_type TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (project_id, idx)
);
CREATE INDEX IF NOT EXISTS issues_by_type ON issues (project_id, issue_type, term_name, idx);
CREATE TABLE IF NOT EXISTS refined (
    project_id TEXT NOT NULL,
    term_name  TEXT NOT NULL,
    id         TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (project_id, term_name)
);
