//! A [`CentralError`] as one sentence in the staff member's language (`locales/*/central.ftl`)
//! that says what happened and what to do. Nothing here ever holds a password: the errors
//! carry none.

use super::error::CentralError;
use opora_core::central::UrlProblem;
use opora_core::i18n::I18n;
use opora_core::store_error::StoreFile;
use opora_core::tr;

/// What is wrong with an address, as a clause.
pub fn url_problem(problem: &UrlProblem, i18n: &I18n) -> String {
    match problem {
        UrlProblem::NotPostgres => i18n.t("central-url-not-postgres"),
        UrlProblem::Password => i18n.t("central-url-password"),
        UrlProblem::BadEscape => i18n.t("central-url-bad-escape"),
        UrlProblem::BadPort(port) => tr!(i18n, "central-url-bad-port", port = port.clone()),
        UrlProblem::BadSslMode(mode) => tr!(i18n, "central-url-bad-sslmode", mode = mode.clone()),
        UrlProblem::BadTimeout(value) => {
            tr!(i18n, "central-url-bad-timeout", value = value.clone())
        }
        UrlProblem::UnknownParameter(name) => {
            tr!(i18n, "central-url-unknown-parameter", name = name.clone())
        }
        UrlProblem::NoHost => i18n.t("central-url-no-host"),
        UrlProblem::TooLong => i18n.t("central-url-too-long"),
    }
}

/// The error as a sentence.
pub fn sentence(error: &CentralError, i18n: &I18n) -> String {
    match error {
        CentralError::NotSet => i18n.t("central-not-set"),
        CentralError::Url(problem) => {
            tr!(
                i18n,
                "central-url-invalid",
                reason = url_problem(problem, i18n)
            )
        }
        CentralError::Unreachable { server, reason } => tr!(
            i18n,
            "central-unreachable",
            server = server.clone(),
            reason = reason.clone()
        ),
        CentralError::NoPassword { user } => tr!(i18n, "central-no-password", user = user.clone()),
        CentralError::PassfileExposed { path } => tr!(
            i18n,
            "central-passfile-exposed",
            path = path.display().to_string()
        ),
        CentralError::AuthFailed { user } => tr!(i18n, "central-auth-failed", user = user.clone()),
        CentralError::NoDatabase { db } => tr!(i18n, "central-no-database", db = db.clone()),
        CentralError::TlsUnavailable => i18n.t("central-tls-unavailable"),
        CentralError::Untrusted { reason } => {
            tr!(i18n, "central-untrusted", reason = reason.clone())
        }
        CentralError::NoRoots { path: None, .. } => i18n.t("central-no-root-cert"),
        CentralError::NoRoots {
            path: Some(path),
            reason,
        } => tr!(
            i18n,
            "central-bad-root-cert",
            path = path.display().to_string(),
            reason = reason.clone()
        ),
        CentralError::NotInitialized => i18n.t("central-not-initialized"),
        CentralError::TooNew { version, known } => tr!(
            i18n,
            "central-schema-too-new",
            version = *version,
            known = *known
        ),
        CentralError::TooOld { version, needed } => tr!(
            i18n,
            "central-schema-too-old",
            version = *version,
            needed = *needed
        ),
        CentralError::Denied { user, message } => tr!(
            i18n,
            "central-denied",
            user = user.clone(),
            reason = message.clone()
        ),
        CentralError::Dropped { reason } => tr!(i18n, "central-dropped", reason = reason.clone()),
        CentralError::Server { code, message } => tr!(
            i18n,
            "central-server-error",
            code = code.clone(),
            reason = message.clone()
        ),
        CentralError::Local(e) => e.sentence(StoreFile::Journal, i18n),
    }
}
