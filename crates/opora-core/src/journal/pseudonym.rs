//! Turning a client reference (a bank id or a phone number, as staff type it) into the keyed
//! pseudonym the journal keeps: HMAC-SHA256 over the normalised reference with the bank-wide
//! key, truncated to 128 bits and written as hex. The same client gets the same pseudonym on every
//! device of the bank; without the key nobody can go back from the pseudonym to the client.
//!
//! The raw reference lives only in the staff member's keystrokes: it is normalised and hashed
//! at once and never stored.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use thiserror::Error;

use crate::phone::{PhoneError, PhoneNumber};

/// Shortest bank id accepted, and longest.
const ID_MIN: usize = 4;
const ID_MAX: usize = 32;

/// Why typed text is not a client reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ClientRefError {
    #[error("nothing was entered")]
    Empty,
    #[error("a bank id has only letters and digits")]
    BadCharacter,
    #[error("a bank id has {ID_MIN} to {ID_MAX} letters and digits, this one has {0}")]
    WrongLength(usize),
    #[error("not a phone number: {0}")]
    Phone(PhoneError),
}

/// A normalised client reference: `id:AB1234` or `phone:+79123456789`.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientRef(String);

impl std::fmt::Debug for ClientRef {
    // Never print the raw reference, even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientRef(…)")
    }
}

impl ClientRef {
    /// A bank client id: spaces, dashes, dots and slashes are ignored, letters are upper-cased
    /// (`ab-12 34` is `AB1234`).
    pub fn bank_id(input: &str) -> Result<ClientRef, ClientRefError> {
        let mut id = String::new();
        for c in input.chars() {
            if c.is_whitespace() || matches!(c, '-' | '.' | '/' | '_') {
                continue;
            }
            if !c.is_ascii_alphanumeric() {
                return Err(ClientRefError::BadCharacter);
            }
            id.push(c.to_ascii_uppercase());
        }
        match id.len() {
            0 => Err(ClientRefError::Empty),
            n if !(ID_MIN..=ID_MAX).contains(&n) => Err(ClientRefError::WrongLength(n)),
            _ => Ok(ClientRef(format!("id:{id}"))),
        }
    }

    /// A Russian mobile number in any usual spelling, normalised to +7…
    pub fn phone(input: &str) -> Result<ClientRef, ClientRefError> {
        let phone = PhoneNumber::parse(input).map_err(|e| match e {
            PhoneError::Empty => ClientRefError::Empty,
            other => ClientRefError::Phone(other),
        })?;
        Ok(ClientRef(format!("phone:{}", phone.e164())))
    }

    /// The normalised text that is hashed (tests only: never store it).
    pub fn normalised(&self) -> &str {
        &self.0
    }

    /// The pseudonym under `key`.
    pub fn pseudonym(&self, key: &BankKey) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(key.0.as_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(self.0.as_bytes());
        let digest = mac.finalize().into_bytes();
        digest[..16].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The bank-wide pseudonym key, from the configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct BankKey(String);

impl std::fmt::Debug for BankKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BankKey(…)")
    }
}

/// Shortest key accepted: a short key could be guessed and the pseudonyms reversed.
pub const KEY_MIN_CHARS: usize = 16;

impl BankKey {
    /// A key of at least [`KEY_MIN_CHARS`] characters, with surrounding spaces removed.
    pub fn new(text: &str) -> Option<BankKey> {
        let text = text.trim();
        (text.chars().count() >= KEY_MIN_CHARS).then(|| BankKey(text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key() -> BankKey {
        BankKey::new("a bank-wide secret key").expect("long enough")
    }

    #[test]
    fn spellings_of_one_client_give_one_pseudonym() {
        let a = ClientRef::phone("8 912 345-67-89").expect("phone");
        let b = ClientRef::phone("+7 (912) 3456789").expect("phone");
        assert_eq!(a.pseudonym(&key()), b.pseudonym(&key()));
        let c = ClientRef::bank_id("ab-12 34").expect("id");
        let d = ClientRef::bank_id("AB1234").expect("id");
        assert_eq!(c.normalised(), "id:AB1234");
        assert_eq!(c.pseudonym(&key()), d.pseudonym(&key()));
        assert_ne!(a.pseudonym(&key()), c.pseudonym(&key()));
    }

    #[test]
    fn the_pseudonym_is_the_documented_hmac() {
        // HMAC-SHA256(key="key", "The quick brown fox jumps over the lazy dog") starts with
        // f7bc83f430538424 (RFC 4231 style known answer, widely published).
        let mut mac = Hmac::<Sha256>::new_from_slice(b"key").expect("any key");
        mac.update(b"The quick brown fox jumps over the lazy dog");
        let hex: String = mac.finalize().into_bytes()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, "f7bc83f430538424");
        let p = ClientRef::bank_id("AB1234").expect("id").pseudonym(&key());
        assert_eq!(p.len(), 32);
        assert!(p.chars().all(|c| c.is_ascii_hexdigit()));
        let other = BankKey::new("another bank's secret").expect("long");
        assert_ne!(
            p,
            ClientRef::bank_id("AB1234").expect("id").pseudonym(&other)
        );
    }

    #[test]
    fn bad_references_say_why() {
        assert_eq!(ClientRef::bank_id("  "), Err(ClientRefError::Empty));
        assert_eq!(
            ClientRef::bank_id("ab"),
            Err(ClientRefError::WrongLength(2))
        );
        assert_eq!(
            ClientRef::bank_id("ab№12"),
            Err(ClientRefError::BadCharacter)
        );
        assert_eq!(ClientRef::phone(""), Err(ClientRefError::Empty));
        assert!(matches!(
            ClientRef::phone("12345"),
            Err(ClientRefError::Phone(_))
        ));
        assert!(BankKey::new("short").is_none());
    }

    proptest! {
        #[test]
        fn bank_id_never_panics_and_is_idempotent(input in "\\PC{0,40}") {
            if let Ok(r) = ClientRef::bank_id(&input) {
                let again = ClientRef::bank_id(r.normalised().trim_start_matches("id:"))
                    .expect("a normalised id is valid");
                prop_assert_eq!(again, r.clone());
                prop_assert!(r.normalised()[3..].chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
            }
        }

        #[test]
        fn separators_do_not_matter(id in "[a-zA-Z0-9]{4,32}", sep in "[ ./_-]{0,3}") {
            let spaced: String = id.chars().flat_map(|c| std::iter::once(c).chain(sep.chars())).collect();
            prop_assert_eq!(
                ClientRef::bank_id(&spaced).expect("valid"),
                ClientRef::bank_id(&id).expect("valid")
            );
        }

        #[test]
        fn phone_never_panics(input in "\\PC{0,30}") {
            let _ = ClientRef::phone(&input);
        }
    }
}
