//! Creating and migrating the central schema (`opora central init`) and making its views again
//! (`views.rs`), and checking, before a push or a report, that a server has the schema this
//! Opora expects.
//!
//! Each step runs in its own transaction under an advisory lock, re-reading the version inside
//! it, so two `init`s at once apply each step once; a server whose schema is newer than this
//! Opora's is never touched.

use postgres::Client;

use super::connect::Central;
use super::error::{CentralError, classify};
use super::schema::MIGRATIONS;

/// The schema version this Opora writes.
pub fn known() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// What `init` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitSummary {
    pub from: i64,
    pub to: i64,
    /// The role that owns the schema (named in the grants).
    pub owner: String,
}

/// What a server says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerInfo {
    pub server_id: String,
    pub version: i64,
}

const LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('opora.migrate'))";

fn read_version(client: &mut impl postgres::GenericClient) -> Result<i64, postgres::Error> {
    let row = client.query_opt(
        "SELECT value FROM opora.meta WHERE key = 'schema_version'",
        &[],
    )?;
    Ok(row
        .and_then(|r| r.get::<_, String>(0).parse().ok())
        .unwrap_or(0))
}

/// Creates the schema or brings it up to date.
pub fn init(central: &mut Central) -> Result<InitSummary, CentralError> {
    let peer = central.peer.clone();
    let sql = |e: postgres::Error| classify(&e, &peer);
    let client: &mut Client = &mut central.client;
    let owner: String = client
        .query_one("SELECT current_user::text", &[])
        .map_err(sql)?
        .get(0);
    let mut tx = client.transaction().map_err(sql)?;
    tx.batch_execute(LOCK).map_err(sql)?;
    tx.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS opora;
         CREATE TABLE IF NOT EXISTS opora.meta (key text PRIMARY KEY, value text NOT NULL);
         INSERT INTO opora.meta (key, value) VALUES ('schema_version', '0')
         ON CONFLICT (key) DO NOTHING;",
    )
    .map_err(sql)?;
    let from = read_version(&mut tx).map_err(sql)?;
    tx.commit().map_err(sql)?;
    if from > known() {
        return Err(CentralError::TooNew {
            version: from,
            known: known(),
        });
    }
    loop {
        let mut tx = client.transaction().map_err(sql)?;
        tx.batch_execute(LOCK).map_err(sql)?;
        let version = read_version(&mut tx).map_err(sql)?;
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            break;
        };
        tx.batch_execute(step).map_err(sql)?;
        tx.execute(
            "UPDATE opora.meta SET value = $1 WHERE key = 'schema_version'",
            &[&(version + 1).to_string()],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
    }
    // The views BI tools read, made again from this Opora's report statements.
    let mut tx = client.transaction().map_err(sql)?;
    tx.batch_execute(LOCK).map_err(sql)?;
    tx.batch_execute(&super::views::install_sql())
        .map_err(sql)?;
    tx.commit().map_err(sql)?;
    // The month of today and the next are there before the first push.
    client
        .execute(
            "SELECT opora.ensure_months(opora.month_start_id(current_date),
                                        opora.month_start_id((current_date + 31)))",
            &[],
        )
        .map_err(sql)?;
    Ok(InitSummary {
        from,
        to: known(),
        owner,
    })
}

/// This server's id and schema version; an error when it has no Opora schema, or one older
/// than `needed`. With `newer_ok` false, a schema newer than this Opora's is an error too.
pub fn check(
    central: &mut Central,
    needed: i64,
    newer_ok: bool,
) -> Result<ServerInfo, CentralError> {
    let peer = central.peer.clone();
    let rows = central
        .client
        .query(
            "SELECT key, value FROM opora.meta WHERE key IN ('schema_version', 'server_id')",
            &[],
        )
        .map_err(|e| classify(&e, &peer))?;
    let value = |name: &str| {
        rows.iter()
            .find(|r| r.get::<_, String>(0) == name)
            .map(|r| r.get::<_, String>(1))
    };
    let version: i64 = value("schema_version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let Some(server_id) = value("server_id").filter(|_| version > 0) else {
        return Err(CentralError::NotInitialized);
    };
    if version < needed {
        return Err(CentralError::TooOld { version, needed });
    }
    if version > known() && !newer_ok {
        return Err(CentralError::TooNew {
            version,
            known: known(),
        });
    }
    Ok(ServerInfo { server_id, version })
}
