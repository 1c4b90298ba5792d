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
