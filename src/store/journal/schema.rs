//! The journal's database schema, as an append-only list of migration steps (like the practice
//! bank's): `PRAGMA user_version` counts the steps a file has had. Never edit or reorder a step
//! that has shipped: append a new one.
//!
//! One table of events; the payload is the event's JSON (`event.rs`), `kind` its type tag. Rows
//! are never updated (a trigger refuses it); only `opora journal purge` deletes whole sessions.
//!
//! Beside the events, typed facts that reports read instead of parsing JSON (step 3 on): one row
//! per session (`session_facts`, with its goals in `session_goal`), one row per screen visit or
//! lesson step (`step_facts`, named through `step_name`), and the follow-ups
//! (`follow_up_facts`). They are filled in the same transaction as the events
//! (`journal/facts`), and can always be rebuilt from the events: `facts_meta` holds the version
//! of the rules that filled them, and a file whose facts were filled by other rules (or by none,
//! right after this step) is rebuilt when it is opened.

/// Migration steps; step `i` brings a file from `user_version` `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: events, their indexes, append-only guard, and the session view reports build on.
    r#"
CREATE TABLE event (
    id TEXT PRIMARY KEY,
    device TEXT NOT NULL,
    at INTEGER NOT NULL,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;

CREATE INDEX event_by_session ON event (session, at);
CREATE INDEX event_by_kind ON event (kind, at);

CREATE TRIGGER event_is_append_only BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;

-- One row per session with consent: who, where, and how it ended (NULLs while running).
-- An anonymous client counts as a client of their own (one per session).
CREATE VIEW session_facts AS
SELECT
    s.session AS session,
    s.at AS started_at,
    COALESCE(json_extract(s.payload, '$.client'), 'anon:' || s.session) AS client,
    json_extract(s.payload, '$.client') IS NOT NULL AS known_client,
    json_extract(s.payload, '$.staff') AS staff,
    json_extract(s.payload, '$.segment') AS segment,
    json_extract(s.payload, '$.age_band') AS age_band,
    json_extract(s.payload, '$.channel') AS channel,
    json_extract(s.payload, '$.site') AS site,
    COALESCE(json_extract(s.payload, '$.variant'), '-') AS variant,
    json_extract(s.payload, '$.goals') AS goals,
    e.session IS NOT NULL AS ended,
    json_extract(e.payload, '$.outcome') AS outcome,
    json_extract(e.payload, '$.fcr') AS fcr
FROM event s
LEFT JOIN event e ON e.session = s.session AND e.kind = 'session_ended'
WHERE s.kind = 'session_started';
"#,
    // 2: finding one session's event of a kind (its end, for every start) without scanning
    // every event of that kind: reports over a million events stay linear.
    "CREATE INDEX event_by_kind_session ON event (kind, session);",
    // 3: typed facts, filled as events are appended (journal/facts); the view of step 1 gives
    // way to a table of the same name. The facts are empty here and rebuilt from the events
    // when the file is next opened (facts_meta says version 0).
    r#"
DROP VIEW session_facts;

CREATE TABLE session_facts (
    sid INTEGER PRIMARY KEY,
    session TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    device TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    client TEXT,
    staff TEXT,
    segment TEXT,
    age_band TEXT,
    channel TEXT,
    site TEXT,
    variant TEXT,
    outcome TEXT,
    computed_outcome TEXT,
    override_reason TEXT,
    fcr INTEGER,
    complaint TEXT,
    csat INTEGER,
    ces INTEGER,
    nps INTEGER,
    by_key INTEGER NOT NULL,
    by_arrows INTEGER NOT NULL,
    by_voice INTEGER NOT NULL,
    heard_accepted INTEGER NOT NULL,
    heard_refused INTEGER NOT NULL,
    helps INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    adjustments INTEGER NOT NULL,
    backs INTEGER NOT NULL,
    cancels INTEGER NOT NULL,
    staff_marks INTEGER NOT NULL,
    operations INTEGER NOT NULL,
    alone_at INTEGER,
    legacy INTEGER NOT NULL,
    events INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    last_id TEXT NOT NULL,
    fold TEXT NOT NULL
) STRICT;

CREATE INDEX session_facts_by_client ON session_facts (client);
CREATE INDEX session_facts_by_start ON session_facts (started_at);

CREATE TABLE session_goal (
    sid INTEGER NOT NULL,
    goal TEXT NOT NULL,
    PRIMARY KEY (sid, goal)
) STRICT, WITHOUT ROWID;

CREATE TABLE step_name (
    id INTEGER PRIMARY KEY,
    track TEXT NOT NULL,
    name TEXT NOT NULL,
    step TEXT NOT NULL,
    UNIQUE (track, name, step)
) STRICT;

CREATE TABLE step_facts (
    sid INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    role INTEGER NOT NULL,
    name_id INTEGER NOT NULL,
    step_no INTEGER,
    steps INTEGER,
    after_step INTEGER,
    ordinal INTEGER,
    entered_at INTEGER NOT NULL,
    ms INTEGER,
    errors INTEGER NOT NULL,
    help INTEGER NOT NULL,
    PRIMARY KEY (sid, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE follow_up_facts (
    event TEXT PRIMARY KEY,
    client TEXT NOT NULL,
    used_alone INTEGER NOT NULL,
    at INTEGER NOT NULL
) STRICT;

CREATE TABLE facts_meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
INSERT INTO facts_meta (key, value) VALUES ('rules', 0);
"#,
];
