//! Everything that can go wrong between a device and the central database, each kind a sentence
//! that says what to do (`sentence.rs`). [`classify`] reads a driver error: the server's SQLSTATE
//! when it answered, otherwise the chain of causes (refused, timed out, dropped, a certificate
//! not trusted).

use std::path::PathBuf;

use opora_core::central::UrlProblem;
use opora_core::store_error::StoreError;
use postgres::error::SqlState;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CentralError {
    #[error("no central database is set")]
    NotSet,
    #[error("the central database address is not valid: {0}")]
    Url(UrlProblem),
    #[error("{server} cannot be reached: {reason}")]
    Unreachable { server: String, reason: String },
    #[error("the server asks for a password for {user} and none is set")]
    NoPassword { user: String },
    #[error("the password file {path:?} may be read by others")]
    PassfileExposed { path: PathBuf },
    #[error("the server refused user {user}")]
    AuthFailed { user: String },
    #[error("there is no database {db}")]
    NoDatabase { db: String },
    #[error("the server does not offer TLS")]
    TlsUnavailable,
    #[error("the server's certificate is not trusted: {reason}")]
    Untrusted { reason: String },
    /// verify-ca / verify-full without a root certificate, or one that cannot be read.
    #[error("no usable root certificate: {reason}")]
    NoRoots {
        path: Option<PathBuf>,
        reason: String,
    },
    #[error("the central database has no Opora schema")]
    NotInitialized,
    #[error("the central schema is version {version}, this Opora knows {known}")]
    TooNew { version: i64, known: i64 },
    #[error("the central schema is version {version}, this needs {needed}")]
    TooOld { version: i64, needed: i64 },
    #[error("{user} may not do this: {message}")]
    Denied { user: String, message: String },
    #[error("the connection was lost: {reason}")]
    Dropped { reason: String },
    #[error("the server answered {code}: {message}")]
    Server { code: String, message: String },
    #[error(transparent)]
    Local(#[from] StoreError),
}

/// What a connection was to, for naming it in sentences.
#[derive(Clone, Debug, Default)]
pub struct Peer {
    /// `host:port` (or the socket folder).
    pub server: String,
    pub user: String,
    pub db: String,
}

/// Reads a driver error as one of the kinds above.
pub fn classify(error: &postgres::Error, peer: &Peer) -> CentralError {
    if let Some(db) = error.as_db_error() {
        let code = db.code();
        let message = db.message().to_string();
        return if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            CentralError::AuthFailed {
                user: peer.user.clone(),
            }
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            CentralError::NoDatabase {
                db: peer.db.clone(),
            }
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            CentralError::Denied {
                user: peer.user.clone(),
                message,
            }
        } else if *code == SqlState::UNDEFINED_TABLE
            || *code == SqlState::INVALID_SCHEMA_NAME
            || *code == SqlState::UNDEFINED_FUNCTION
        {
            CentralError::NotInitialized
        } else if [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
            SqlState::TOO_MANY_CONNECTIONS,
        ]
        .contains(code)
        {
            CentralError::Unreachable {
                server: peer.server.clone(),
                reason: message,
            }
        } else {
            CentralError::Server {
                code: code.code().to_string(),
                message,
            }
        };
    }
    // The innermost cause says the most; the whole chain is searched for the driver's words.
    let mut text = error.to_string();
    let mut chain = text.clone();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(error);
    while let Some(e) = cause {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return tls_error(tls);
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return tls_error(tls);
            }
            use std::io::ErrorKind as K;
            if matches!(
                io.kind(),
                K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof
            ) && !chain.contains("error connecting")
            {
                return CentralError::Dropped {
                    reason: io.to_string(),
                };
            }
        }
        text = e.to_string();
        chain.push_str(": ");
        chain.push_str(&text);
        cause = e.source();
    }
    if chain.contains("password missing") {
        CentralError::NoPassword {
            user: peer.user.clone(),
        }
    } else if chain.contains("does not support TLS") {
        CentralError::TlsUnavailable
    } else if chain.contains("serializing") || chain.contains("cannot convert between") {
        // The server answered, in a shape this Opora did not expect (not a network matter).
        CentralError::Server {
            code: "opora".into(),
            message: chain,
        }
    } else if error.is_closed() || chain.contains("connection closed") {
        CentralError::Dropped { reason: text }
    } else {
        CentralError::Unreachable {
            server: peer.server.clone(),
            reason: text,
        }
    }
}

fn tls_error(error: &rustls::Error) -> CentralError {
    match error {
        rustls::Error::InvalidCertificate(reason) => CentralError::Untrusted {
            reason: format!("{reason:?}"),
        },
        other => CentralError::Untrusted {
            reason: other.to_string(),
        },
    }
}
