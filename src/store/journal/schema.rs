//! The journal's database schema, as an append-only list of migration steps (like the practice
//! bank's): `PRAGMA user_version` counts the steps a file has had. Never edit or reorder a step
//! that has shipped: append a new one.
//!
//! One table of events; the payload is the event's JSON (`event.rs`), `kind` its type tag. Rows
//! are never updated (a trigger refuses it); only `opora journal purge` deletes whole sessions.
//! The views give reports the session-level facts in columns.

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
];
