//! The central database's schema, in its own PostgreSQL schema `opora`, as an append-only list
//! of migration steps (the same discipline as the device's `user_version`): `opora.meta` holds
//! `schema_version`, the count of steps a server has had. Never edit or reorder a step that
//! has shipped: append a new one.
//!
//! Step 1 is the journal itself: `opora.event`, one row per event, keyed by the event's UUIDv7
//! and range-partitioned on it by month (a UUIDv7 begins with its time in milliseconds, so a
//! month is a range of ids: the key is unique across partitions, and `ON CONFLICT DO NOTHING`
//! makes every push idempotent). Typed columns for what reports join and filter on,
//! the payload as `jsonb`. Rows are never changed: a trigger refuses UPDATE and DELETE, even
//! for the owner; retention drops whole months. Months are created when the first event of one
//! arrives (`opora.ensure_months`, run with its owner's rights, the only thing besides INSERT a
//! device may do).
//!
//! Step 2 is the typed facts the reports read, the same tables under the same names as on a
//! device (`store/journal/schema.rs`, step 3), made by the same rules (`store::journal::facts`)
//! from the server's events by `opora central refresh` (`facts.rs`). Every insert into
//! `opora.event` queues the sessions it touched (`opora.fact_queue`, by a statement trigger
//! running with its owner's rights), so a refresh folds exactly the sessions with new events.
//! The views BI tools read are made from the report's own statements (`views.rs`).

/// Migration steps; step `i` brings a server from `schema_version` `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: events, monthly partitions on demand, append-only, this server's id.
    r#"
CREATE FUNCTION opora.uuid_ms(id uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT ('x' || lpad(replace(left(id::text, 13), '-', ''), 16, '0'))::bit(64)::bigint $$;

-- The smallest UUIDv7 of a month (UTC): its first millisecond, every other bit zero.
CREATE FUNCTION opora.month_start_id(month date) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-0000-0000-000000000000')::uuid
    FROM (SELECT lpad(to_hex((extract(epoch FROM date_trunc('month', month::timestamp)) * 1000)::bigint), 12, '0') AS h) AS hex
$$;

CREATE TABLE opora.event (
    id uuid NOT NULL,
    device text NOT NULL,
    at timestamptz NOT NULL,
    session text NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT event_pkey PRIMARY KEY (id),
    CONSTRAINT event_kind_is_the_payload_type CHECK (payload ->> 'type' = kind)
) PARTITION BY RANGE (id);

CREATE INDEX event_by_session ON opora.event (session, at);
CREATE INDEX event_by_device ON opora.event (device, received_at);

CREATE FUNCTION opora.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'opora.event is append-only'
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Old months are removed by dropping their partition.';
END $$;

CREATE TRIGGER event_is_append_only BEFORE UPDATE OR DELETE ON opora.event
FOR EACH ROW EXECUTE FUNCTION opora.refuse_change();

CREATE FUNCTION opora.ensure_months(first uuid, last uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    month date := date_trunc('month', to_timestamp(opora.uuid_ms(first) / 1000.0) AT TIME ZONE 'UTC')::date;
    stop date := date_trunc('month', to_timestamp(opora.uuid_ms(last) / 1000.0) AT TIME ZONE 'UTC')::date;
    made integer := 0;
    name text;
    locked boolean := false;
BEGIN
    IF stop < month OR stop - month > 3700 THEN
        RAISE EXCEPTION 'events span more than ten years' USING ERRCODE = 'data_exception';
    END IF;
    WHILE month <= stop LOOP
        name := 'event_' || to_char(month::timestamp, 'YYYY_MM');
        IF to_regclass('opora.' || name) IS NULL THEN
            IF NOT locked THEN
                PERFORM pg_advisory_xact_lock(hashtext('opora.ensure_months'));
                locked := true;
            END IF;
            -- Another device may have made it a moment ago (the catalog seen here can lag
            -- behind the lock): that is as good as making it.
            BEGIN
                EXECUTE format(
                    'CREATE TABLE opora.%I PARTITION OF opora.event FOR VALUES FROM (%L) TO (%L)',
                    name, opora.month_start_id(month),
                    opora.month_start_id((month + interval '1 month')::date));
                made := made + 1;
            EXCEPTION WHEN duplicate_table OR unique_violation THEN
                NULL;
            END;
        END IF;
        month := (month + interval '1 month')::date;
    END LOOP;
    RETURN made;
END $$;

REVOKE ALL ON FUNCTION opora.ensure_months(uuid, uuid) FROM PUBLIC;

INSERT INTO opora.meta (key, value) VALUES ('server_id', gen_random_uuid()::text);
"#,
    // 2: the typed facts of sessions, steps and follow-ups, and the queue of sessions to fold.
    r#"
CREATE SEQUENCE opora.session_sid;

CREATE TABLE opora.session_facts (
    sid bigint PRIMARY KEY,
    session text NOT NULL UNIQUE,
    kind text NOT NULL,
    device text NOT NULL,
    started_at bigint NOT NULL,
    ended_at bigint,
    client text,
    staff text,
    segment text,
    age_band text,
    channel text,
    site text,
    variant text,
    outcome text,
    computed_outcome text,
    override_reason text,
    fcr boolean,
    complaint text,
    csat smallint,
    ces smallint,
    nps smallint,
    by_key integer NOT NULL,
    by_arrows integer NOT NULL,
    by_voice integer NOT NULL,
    heard_accepted integer NOT NULL,
    heard_refused integer NOT NULL,
    helps integer NOT NULL,
    errors integer NOT NULL,
    adjustments integer NOT NULL,
    backs integer NOT NULL,
    cancels integer NOT NULL,
    staff_marks integer NOT NULL,
    operations integer NOT NULL,
    alone_at bigint,
    legacy boolean NOT NULL,
    events integer NOT NULL,
    last_at bigint NOT NULL,
    last_id text NOT NULL
);
CREATE INDEX session_facts_by_client ON opora.session_facts (client);
CREATE INDEX session_facts_by_start ON opora.session_facts (started_at);

CREATE TABLE opora.session_goal (
    sid bigint NOT NULL,
    goal text NOT NULL,
    PRIMARY KEY (sid, goal)
);

CREATE TABLE opora.step_name (
    id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
    track text NOT NULL,
    name text NOT NULL,
    step text NOT NULL,
    UNIQUE (track, name, step)
);

CREATE TABLE opora.step_facts (
    sid bigint NOT NULL,
    seq integer NOT NULL,
    role smallint NOT NULL,
    name_id integer NOT NULL,
    step_no integer,
    steps integer,
    after_step integer,
    ordinal integer,
    entered_at bigint NOT NULL,
    ms bigint,
    errors integer NOT NULL,
    help integer NOT NULL,
    PRIMARY KEY (sid, seq)
);

CREATE TABLE opora.follow_up_facts (
    event uuid PRIMARY KEY,
    client text NOT NULL,
    used_alone boolean NOT NULL,
    at bigint NOT NULL
);
CREATE INDEX follow_up_facts_by_client ON opora.follow_up_facts (client);

-- Sessions with events not yet folded into facts (a session may be here several times).
CREATE TABLE opora.fact_queue (session text NOT NULL);
CREATE INDEX fact_queue_by_session ON opora.fact_queue (session);

CREATE FUNCTION opora.queue_sessions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO opora.fact_queue (session) SELECT DISTINCT session FROM added;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION opora.queue_sessions() FROM PUBLIC;

-- Only rows really added are in `added` (ON CONFLICT DO NOTHING leaves the rest out).
CREATE TRIGGER event_queues_its_sessions AFTER INSERT ON opora.event
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION opora.queue_sessions();

-- Events already here are folded by the first refresh.
INSERT INTO opora.fact_queue (session) SELECT DISTINCT session FROM opora.event;
INSERT INTO opora.meta (key, value) VALUES ('fact_rules', '0'), ('facts_at', '');

-- The Wilson 95 % interval of k of n, computed as the reports compute it, operation for
-- operation in double precision (src/report/stats.rs).
CREATE FUNCTION opora.wilson_bound(k bigint, n bigint, sign float8) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN n = 0 THEN (sign + 1) / 2
        ELSE least(1::float8, greatest(0::float8,
            (p + z * z / (2::float8 * nf)) / (1::float8 + z * z / nf)
            + sign * (z * sqrt(p * (1::float8 - p) / nf + z * z / (4::float8 * nf * nf))
                      / (1::float8 + z * z / nf)))) END
    FROM (SELECT k::float8 / nullif(n, 0)::float8 AS p, n::float8 AS nf,
                 1.959963984540054::float8 AS z) AS v
$$;
CREATE FUNCTION opora.wilson_low(k bigint, n bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT opora.wilson_bound(k, n, -1) $$;
CREATE FUNCTION opora.wilson_high(k bigint, n bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT opora.wilson_bound(k, n, 1) $$;
"#,
];

/// The roles devices and analysts are given: printed by `opora central init` and `opora
/// central grants`, to be run by a role that may create roles. `owner` is the role that ran
/// the migrations (it owns what later steps create).
pub fn grants(owner: &str) -> String {
    let owner = quote_ident(owner);
    format!(
        r#"-- Opora's central journal: the roles of devices and analysts.
-- Run as a role that may create roles (e.g. psql -f grants.sql), after `opora central init`.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'opora_device') THEN
        CREATE ROLE opora_device NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'opora_analyst') THEN
        CREATE ROLE opora_analyst NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA opora TO opora_device, opora_analyst;

-- Devices add events and nothing else: no SELECT, UPDATE, DELETE or TRUNCATE.
GRANT SELECT ON opora.meta TO opora_device;
GRANT INSERT (id, device, at, session, kind, payload) ON opora.event TO opora_device;
GRANT EXECUTE ON FUNCTION opora.ensure_months(uuid, uuid) TO opora_device;

-- Analysts read every table and view, now and after later migrations, and change nothing.
GRANT SELECT ON ALL TABLES IN SCHEMA opora TO opora_analyst;
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA opora GRANT SELECT ON TABLES TO opora_analyst;

-- Then one login per device and per analyst, e.g.:
--   CREATE ROLE kiosk_tver_3 LOGIN PASSWORD '…' IN ROLE opora_device;
--   CREATE ROLE analyst_ivanova LOGIN PASSWORD '…' IN ROLE opora_analyst;
"#
    )
}

/// An SQL identifier, quoted when it needs to be.
pub fn quote_ident(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}
