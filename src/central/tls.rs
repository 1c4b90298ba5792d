//! TLS to the central database with rustls, with libpq's `sslmode` meanings:
//!
//! - `prefer`, `require` without a root certificate: encrypted, the certificate not checked
//!   (libpq does the same; only the `verify-*` modes stop a server in the middle);
//! - `require` with a root certificate, `verify-ca`: signed by a trusted root, any host name;
//! - `verify-full`: signed by a trusted root and issued for the host connected to.
//!
//! The root certificate comes from `sslrootcert` (a PEM file; `system` for the system's store),
//! `PGSSLROOTCERT`, or `~/.postgresql/root.crt`, as in libpq. A bank's self-signed server
//! certificate (`openssl req -x509`, which marks it as a CA) named as the root is trusted as
//! itself: the exact certificate, still within its validity, and for `verify-full` still
//! issued for the host — what OpenSSL-based clients accept too.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error, RootCertStore, SignatureScheme};

use super::error::CentralError;
use opora_core::central::SslMode;

/// The largest root certificate file read (the system's bundle is about 200 KB).
const ROOTS_MAX: u64 = 4 * 1024 * 1024;
/// Debian's bundle of the system's trusted roots (`sslrootcert=system`).
const SYSTEM_ROOTS: &str = "/etc/ssl/certs/ca-certificates.crt";

/// How the server's certificate is checked.
#[derive(Debug)]
struct Trust {
    webpki: Arc<WebPkiServerVerifier>,
    check_name: bool,
    roots: Vec<CertificateDer<'static>>,
}

#[derive(Debug)]
struct Verifier {
    provider: Arc<CryptoProvider>,
    trust: Option<Trust>,
}

/// The TLS connector for `mode`, trusting the certificates in `root_file` (when there is one).
pub fn connector(
    mode: SslMode,
    root_file: Option<&Path>,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect, CentralError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let checked = match mode {
        SslMode::VerifyCa | SslMode::VerifyFull => true,
        SslMode::Require => root_file.is_some(),
        SslMode::Disable | SslMode::Prefer => false,
    };
    let trust = if checked {
        let Some(path) = root_file else {
            return Err(CentralError::NoRoots {
                path: None,
                reason: "no sslrootcert".into(),
            });
        };
        let roots = read_roots(path)?;
        let mut store = RootCertStore::empty();
        let (added, _) = store.add_parsable_certificates(roots.iter().cloned());
        if added == 0 {
            return Err(CentralError::NoRoots {
                path: Some(path.to_path_buf()),
                reason: "no certificate in the file".into(),
            });
        }
        let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(store), provider.clone())
            .build()
            .map_err(|e| CentralError::NoRoots {
                path: Some(path.to_path_buf()),
                reason: e.to_string(),
            })?;
        Some(Trust {
            webpki,
            check_name: mode == SslMode::VerifyFull,
            roots,
        })
    } else {
        None
    };
    let verifier = Arc::new(Verifier {
        provider: provider.clone(),
        trust,
    });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| CentralError::Untrusted {
            reason: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// Where the root certificate comes from: the address's `sslrootcert`, else `PGSSLROOTCERT`,
/// else `~/.postgresql/root.crt` when it exists.
pub fn root_file(from_url: Option<&str>) -> Option<PathBuf> {
    let named = from_url
        .map(str::to_string)
        .or_else(|| std::env::var("PGSSLROOTCERT").ok())
        .filter(|s| !s.is_empty());
    match named.as_deref() {
        Some("system") => Some(
            std::env::var_os("SSL_CERT_FILE")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(SYSTEM_ROOTS)),
        ),
        Some(path) => Some(PathBuf::from(path)),
        None => {
            let home = std::env::var_os("HOME")?;
            let default = PathBuf::from(home).join(".postgresql").join("root.crt");
            default.is_file().then_some(default)
        }
    }
}

fn read_roots(path: &Path) -> Result<Vec<CertificateDer<'static>>, CentralError> {
    let no_roots = |reason: String| CentralError::NoRoots {
        path: Some(path.to_path_buf()),
        reason,
    };
    let text =
        crate::files::read::read_text(path, ROOTS_MAX).map_err(|p| no_roots(format!("{p:?}")))?;
    CertificateDer::pem_slice_iter(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| no_roots(e.to_string()))
}

/// A root certificate presented as the server's own: trusted when it is still valid and, if
/// names are checked, issued for the host.
fn trusted_as_itself(
    cert: &CertificateDer<'_>,
    name: &ServerName<'_>,
    check_name: bool,
    now: UnixTime,
) -> bool {
    use x509_cert::der::Decode;
    let Ok(parsed) = x509_cert::Certificate::from_der(cert.as_ref()) else {
        return false;
    };
    let validity = &parsed.tbs_certificate.validity;
    let now = now.as_secs();
    let in_time = validity.not_before.to_unix_duration().as_secs() <= now
        && now <= validity.not_after.to_unix_duration().as_secs();
    let named = !check_name
        || webpki::EndEntityCert::try_from(cert)
            .is_ok_and(|ee| ee.verify_is_valid_for_subject_name(name).is_ok());
    in_time && named
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let Some(trust) = &self.trust else {
            return Ok(ServerCertVerified::assertion());
        };
        match trust
            .webpki
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Ok(verified) => Ok(verified),
            Err(Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !trust.check_name => Ok(ServerCertVerified::assertion()),
            Err(error) => {
                let pinned = trust
                    .roots
                    .iter()
                    .any(|r| r.as_ref() == end_entity.as_ref());
                if pinned && trusted_as_itself(end_entity, server_name, trust.check_name, now) {
                    Ok(ServerCertVerified::assertion())
                } else {
                    Err(error)
                }
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
