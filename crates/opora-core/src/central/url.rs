//! The central database's address, as libpq writes it
//! (`postgresql://USER@HOST:PORT/DB?sslmode=verify-full&sslrootcert=/etc/opora/bank-ca.pem`),
//! read into its parts. Only what Opora uses is accepted; an unknown parameter is a typo, named.
//!
//! A password never belongs here: the address is typed on a command line and kept in the
//! configuration file, so one found in it is refused, and the password comes the usual libpq
//! ways instead (`PGPASSWORD`, a passfile). [`CentralUrl::shown`] is the address as Opora prints
//! it: canonical, and without a password even if one slipped in.

use std::fmt::Write as _;
use thiserror::Error;

/// How the connection is protected, with libpq's meanings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it, without checking its certificate (libpq's default).
    Prefer,
    /// TLS or nothing; the certificate is checked only when a root certificate is configured
    /// (then as `verify-ca`), as libpq does.
    Require,
    /// TLS, the certificate signed by a trusted root; the host name not checked.
    VerifyCa,
    /// TLS, a trusted certificate issued for the host connected to.
    VerifyFull,
}

impl SslMode {
    pub fn parse(text: &str) -> Option<SslMode> {
        Some(match text {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// One server: a host name or address (or, starting with `/`, a Unix socket's folder) and port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Host {
    pub name: String,
    pub port: Option<u16>,
}

/// The parts of a central database address. `None` means libpq's default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CentralUrl {
    pub user: Option<String>,
    pub hosts: Vec<Host>,
    pub dbname: Option<String>,
    pub sslmode: Option<SslMode>,
    /// The trusted root certificate(s), a PEM file; `system` for the system's store.
    pub sslrootcert: Option<String>,
    pub connect_timeout: Option<u32>,
    pub application_name: Option<String>,
    /// A passfile other than `PGPASSFILE` or `~/.pgpass`.
    pub passfile: Option<String>,
}

/// What is wrong with an address.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UrlProblem {
    #[error("the address does not start with postgresql://")]
    NotPostgres,
    #[error("the address holds a password")]
    Password,
    #[error("a %-escape is not valid")]
    BadEscape,
    #[error("port {0:?} is not a number from 1 to 65535")]
    BadPort(String),
    #[error("sslmode {0:?} is not one of disable, prefer, require, verify-ca, verify-full")]
    BadSslMode(String),
    #[error("connect_timeout {0:?} is not a number of seconds")]
    BadTimeout(String),
    #[error("unknown parameter {0:?}")]
    UnknownParameter(String),
    #[error("no host")]
    NoHost,
    #[error("the address is too long")]
    TooLong,
}

/// The longest address read (a real one is under 200 characters).
pub const URL_MAX: usize = 2048;

/// The parameters Opora understands after `?`.
pub const PARAMETERS: [&str; 9] = [
    "sslmode",
    "sslrootcert",
    "connect_timeout",
    "application_name",
    "passfile",
    "host",
    "port",
    "dbname",
    "user",
];

impl CentralUrl {
    /// Reads an address.
    pub fn parse(text: &str) -> Result<CentralUrl, UrlProblem> {
        let text = text.trim();
        if text.len() > URL_MAX {
            return Err(UrlProblem::TooLong);
        }
        let rest = text
            .strip_prefix("postgresql://")
            .or_else(|| text.strip_prefix("postgres://"))
            .ok_or(UrlProblem::NotPostgres)?;
        let (rest, query) = match rest.split_once('?') {
            Some((head, query)) => (head, Some(query)),
            None => (rest, None),
        };
        let (authority, path) = match rest.split_once('/') {
            Some((authority, path)) => (authority, Some(path)),
            None => (rest, None),
        };
        let mut url = CentralUrl::default();
        let hosts = match authority.rsplit_once('@') {
            Some((userinfo, hosts)) => {
                if userinfo.contains(':') {
                    return Err(UrlProblem::Password);
                }
                url.user = non_empty(decode(userinfo)?);
                hosts
            }
            None => authority,
        };
        for host in hosts.split(',').filter(|h| !h.is_empty()) {
            url.hosts.push(parse_host(host)?);
        }
        if let Some(path) = path {
            url.dbname = non_empty(decode(path)?);
        }
        let mut port_param = None;
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key)?;
            let value = decode(value)?;
            match key.as_str() {
                "password" => return Err(UrlProblem::Password),
                "sslmode" => {
                    url.sslmode =
                        Some(SslMode::parse(&value).ok_or(UrlProblem::BadSslMode(value))?);
                }
                "sslrootcert" => url.sslrootcert = non_empty(value),
                "connect_timeout" => {
                    url.connect_timeout = Some(
                        value
                            .parse::<u32>()
                            .map_err(|_| UrlProblem::BadTimeout(value))?,
                    );
                }
                "application_name" => url.application_name = non_empty(value),
                "passfile" => url.passfile = non_empty(value),
                "host" => {
                    url.hosts = value
                        .split(',')
                        .filter(|h| !h.is_empty())
                        .map(|h| Host {
                            name: h.to_string(),
                            port: None,
                        })
                        .collect();
                }
                "port" => port_param = Some(parse_port(&value)?),
                "dbname" => url.dbname = non_empty(value),
                "user" => url.user = non_empty(value),
                _ => return Err(UrlProblem::UnknownParameter(key)),
            }
        }
        if let Some(port) = port_param {
            for host in &mut url.hosts {
                host.port = Some(port);
            }
        }
        if url.hosts.is_empty() {
            return Err(UrlProblem::NoHost);
        }
        Ok(url)
    }

    /// The address as Opora shows it and stores it: canonical, never with a password.
    pub fn shown(&self) -> String {
        let mut out = String::from("postgresql://");
        if let Some(user) = &self.user {
            out.push_str(&encode(user));
            out.push('@');
        }
        let mut params: Vec<(&str, String)> = Vec::new();
        let sockets = self.hosts.iter().any(|h| h.name.starts_with('/'));
        if sockets {
            let names: Vec<&str> = self.hosts.iter().map(|h| h.name.as_str()).collect();
            params.push(("host", names.join(",")));
            if let Some(port) = self.hosts.iter().find_map(|h| h.port) {
                params.push(("port", port.to_string()));
            }
        } else {
            let hosts: Vec<String> = self
                .hosts
                .iter()
                .map(|h| {
                    let name = if h.name.contains(':') {
                        format!("[{}]", h.name)
                    } else {
                        encode(&h.name)
                    };
                    match h.port {
                        Some(port) => format!("{name}:{port}"),
                        None => name,
                    }
                })
                .collect();
            out.push_str(&hosts.join(","));
        }
        if let Some(db) = &self.dbname {
            out.push('/');
            out.push_str(&encode(db));
        }
        if let Some(mode) = self.sslmode {
            params.push(("sslmode", mode.name().to_string()));
        }
        let optional = [
            ("sslrootcert", &self.sslrootcert),
            ("application_name", &self.application_name),
            ("passfile", &self.passfile),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                params.push((key, value.clone()));
            }
        }
        if let Some(timeout) = self.connect_timeout {
            params.push(("connect_timeout", timeout.to_string()));
        }
        for (i, (key, value)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            let _ = write!(out, "{key}={}", encode(value));
        }
        out
    }
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn parse_port(text: &str) -> Result<u16, UrlProblem> {
    match text.parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(UrlProblem::BadPort(text.to_string())),
    }
}

/// `host`, `host:port`, `[v6]`, `[v6]:port`, each %-decoded.
fn parse_host(text: &str) -> Result<Host, UrlProblem> {
    let (name, port) = if let Some(inner) = text.strip_prefix('[') {
        let (name, after) = inner.split_once(']').ok_or(UrlProblem::NoHost)?;
        let port = match after.strip_prefix(':') {
            Some(port) => Some(parse_port(port)?),
            None if after.is_empty() => None,
            None => return Err(UrlProblem::BadPort(after.to_string())),
        };
        (name.to_string(), port)
    } else {
        match text.rsplit_once(':') {
            Some((name, port)) => (decode(name)?, Some(parse_port(port)?)),
            None => (decode(text)?, None),
        }
    };
    if name.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    Ok(Host { name, port })
}

/// Undoes %-escapes; the result must be UTF-8.
fn decode(text: &str) -> Result<String, UrlProblem> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).ok_or(UrlProblem::BadEscape)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| UrlProblem::BadEscape)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| UrlProblem::BadEscape)
}

/// %-escapes everything but unreserved characters and `/` (socket folders, file paths).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_full_address_is_read() {
        let url = CentralUrl::parse(
            "postgresql://kiosk%2Dtver@db.bank.example:6432/opora?sslmode=verify-full&sslrootcert=/etc/opora/ca.pem&connect_timeout=5",
        )
        .expect("valid");
        assert_eq!(url.user.as_deref(), Some("kiosk-tver"));
        assert_eq!(
            url.hosts,
            vec![Host {
                name: "db.bank.example".into(),
                port: Some(6432)
            }]
        );
        assert_eq!(url.dbname.as_deref(), Some("opora"));
        assert_eq!(url.sslmode, Some(SslMode::VerifyFull));
        assert_eq!(url.sslrootcert.as_deref(), Some("/etc/opora/ca.pem"));
        assert_eq!(url.connect_timeout, Some(5));
        assert_eq!(CentralUrl::parse(&url.shown()), Ok(url));
    }

    #[test]
    fn passwords_are_refused_wherever_they_hide() {
        for text in [
            "postgresql://kiosk:s3cret@db/opora",
            "postgresql://kiosk:@db/opora",
            "postgresql://kiosk@db/opora?password=s3cret",
            "postgres://db/opora?sslmode=require&password=x",
        ] {
            assert_eq!(CentralUrl::parse(text), Err(UrlProblem::Password), "{text}");
        }
    }

    #[test]
    fn mistakes_are_named() {
        let cases = [
            ("mysql://db/opora", UrlProblem::NotPostgres),
            (
                "postgresql://db:99999/x",
                UrlProblem::BadPort("99999".into()),
            ),
            ("postgresql://db:0/x", UrlProblem::BadPort("0".into())),
            (
                "postgresql://db/x?sslmode=allow",
                UrlProblem::BadSslMode("allow".into()),
            ),
            (
                "postgresql://db/x?sslmod=require",
                UrlProblem::UnknownParameter("sslmod".into()),
            ),
            (
                "postgresql://db/x?connect_timeout=soon",
                UrlProblem::BadTimeout("soon".into()),
            ),
            ("postgresql:///opora", UrlProblem::NoHost),
            ("postgresql://db%zz/x", UrlProblem::BadEscape),
        ];
        for (text, problem) in cases {
            assert_eq!(CentralUrl::parse(text), Err(problem), "{text}");
        }
    }

    #[test]
    fn sockets_v6_and_several_hosts() {
        let url = CentralUrl::parse("postgresql:///opora?host=/run/postgresql&port=5433")
            .expect("socket");
        assert_eq!(url.hosts[0].name, "/run/postgresql");
        assert_eq!(url.hosts[0].port, Some(5433));
        assert_eq!(CentralUrl::parse(&url.shown()), Ok(url));
        let url = CentralUrl::parse("postgresql://u@[::1]:5432,db2:5433/opora").expect("two");
        assert_eq!(url.hosts.len(), 2);
        assert_eq!(url.hosts[0].name, "::1");
        assert_eq!(CentralUrl::parse(&url.shown()), Ok(url));
    }

    proptest! {
        #[test]
        fn the_parser_never_panics(text in "postgres(ql)?://\\PC{0,80}") {
            let _ = CentralUrl::parse(&text);
        }

        #[test]
        fn shown_addresses_read_back(user in "[a-z][a-z0-9_-]{0,15}", host in "[a-z][a-z0-9.-]{0,20}",
                                     port in 1u16.., db in "[a-zA-Zа-я_]{1,12}", mode in 0usize..5,
                                     root in proptest::option::of("/[a-z/ ]{1,20}\\.pem")) {
            let modes = [SslMode::Disable, SslMode::Prefer, SslMode::Require, SslMode::VerifyCa, SslMode::VerifyFull];
            let url = CentralUrl {
                user: Some(user),
                hosts: vec![Host { name: host, port: Some(port) }],
                dbname: Some(db),
                sslmode: Some(modes[mode]),
                sslrootcert: root,
                ..CentralUrl::default()
            };
            prop_assert_eq!(CentralUrl::parse(&url.shown()), Ok(url));
        }
    }
}
