//! Connecting to the central database from its address (`config set central-url`), the way
//! libpq would: the user from the address, else `PGUSER`, else the login name; the database
//! named after the user when none is given; port 5432; `sslmode` from the address, else
//! `PGSSLMODE`, else `prefer`. The password is never in the address: `PGPASSWORD`, else the
//! passfile (`passfile=` in the address, `PGPASSFILE`, or `~/.pgpass`), which must be its
//! owner's alone — libpq ignores one that others may read; Opora says so instead.

use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::time::Duration;

use super::error::{CentralError, Peer, classify};
use opora_core::central::{CentralUrl, SslMode, passfile};

/// The default PostgreSQL port.
pub const DEFAULT_PORT: u16 = 5432;
/// How long a connection attempt may take when the address does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest passfile read.
const PASSFILE_MAX: u64 = 256 * 1024;

/// An open connection and what it is to.
pub struct Central {
    pub client: postgres::Client,
    pub peer: Peer,
}

/// Where the password will come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasswordSource {
    Environment,
    File(PathBuf),
    None,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The user a connection logs in as.
pub fn user_of(url: &CentralUrl) -> String {
    url.user
        .clone()
        .or_else(|| env("PGUSER"))
        .or_else(|| env("USER"))
        .or_else(|| env("LOGNAME"))
        .unwrap_or_else(|| "postgres".into())
}

/// What a connection is to, for sentences.
pub fn peer_of(url: &CentralUrl) -> Peer {
    let user = user_of(url);
    let server = url
        .hosts
        .iter()
        .map(|h| match h.name.contains(':') {
            true => format!("[{}]:{}", h.name, h.port.unwrap_or(DEFAULT_PORT)),
            false => format!("{}:{}", h.name, h.port.unwrap_or(DEFAULT_PORT)),
        })
        .collect::<Vec<_>>()
        .join(",");
    Peer {
        server,
        db: url.dbname.clone().unwrap_or_else(|| user.clone()),
        user,
    }
}

fn passfile_path(url: &CentralUrl) -> Option<PathBuf> {
    url.passfile
        .clone()
        .or_else(|| env("PGPASSFILE"))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))
}

/// The password for `url`, and where it came from.
pub fn password(url: &CentralUrl) -> Result<(Option<String>, PasswordSource), CentralError> {
    if let Some(password) = env("PGPASSWORD") {
        return Ok((Some(password), PasswordSource::Environment));
    }
    let Some(path) = passfile_path(url).filter(|p| p.is_file()) else {
        return Ok((None, PasswordSource::None));
    };
    if std::fs::metadata(&path).is_ok_and(|m| m.mode() & 0o077 != 0) {
        return Err(CentralError::PassfileExposed { path });
    }
    let Ok(text) = crate::files::read::read_text(&path, PASSFILE_MAX) else {
        return Ok((None, PasswordSource::None));
    };
    let peer = peer_of(url);
    let host = url.hosts.first();
    let target = passfile::Target {
        host: host.map_or("localhost", |h| h.name.as_str()),
        port: host.and_then(|h| h.port).unwrap_or(DEFAULT_PORT),
        database: &peer.db,
        user: &peer.user,
    };
    Ok(match passfile::lookup(&text, target) {
        Some(password) => (Some(password), PasswordSource::File(path)),
        None => (None, PasswordSource::None),
    })
}

/// The `sslmode` in force: the address's, else `PGSSLMODE`, else libpq's default `prefer`.
pub fn ssl_mode(url: &CentralUrl) -> SslMode {
    url.sslmode
        .or_else(|| env("PGSSLMODE").and_then(|m| SslMode::parse(&m)))
        .unwrap_or(SslMode::Prefer)
}

/// Connects to the central database.
pub fn connect(url: &CentralUrl) -> Result<Central, CentralError> {
    let peer = peer_of(url);
    let (password, _) = password(url)?;
    let mode = ssl_mode(url);
    let mut config = postgres::Config::new();
    config
        .user(&peer.user)
        .dbname(&peer.db)
        .application_name(url.application_name.as_deref().unwrap_or("opora"))
        .connect_timeout(
            url.connect_timeout
                .filter(|s| *s > 0)
                .map_or(DEFAULT_TIMEOUT, |s| Duration::from_secs(u64::from(s))),
        )
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30));
    for host in &url.hosts {
        if host.name.starts_with('/') {
            config.host_path(&host.name);
        } else {
            config.host(&host.name);
        }
        config.port(host.port.unwrap_or(DEFAULT_PORT));
    }
    config.ssl_mode(match mode {
        SslMode::Disable => postgres::config::SslMode::Disable,
        SslMode::Prefer => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    });
    if let Some(password) = &password {
        config.password(password);
    }
    let connected = if mode == SslMode::Disable {
        config.connect(postgres::NoTls)
    } else {
        let root = super::tls::root_file(url.sslrootcert.as_deref());
        config.connect(super::tls::connector(mode, root.as_deref())?)
    };
    let client = connected.map_err(|e| classify(&e, &peer))?;
    Ok(Central { client, peer })
}
