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
    /// (`ab-12 34` is `AB1234`). A mobile number typed here is taken as the phone it is, so the
    /// client gets the same pseudonym whichever of the two staff chose.
    pub fn bank_id(input: &str) -> Result<ClientRef, ClientRefError> {
        if let Ok(phone) = ClientRef::phone(input) {
            return Ok(phone);
        }
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
/// The least estimated strength of a key, in bits ([`key_strength_bits`]).
pub const KEY_MIN_BITS: f64 = 45.0;

/// Why a text cannot be the bank key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum KeyProblem {
    #[error("the bank key must have at least {KEY_MIN_CHARS} characters")]
    TooShort,
    /// Long enough, but made of repeats and runs (`aaaaaaaaaaaaaaaa`, `0123456789abcdef`).
    #[error("the bank key is too easy to guess")]
    Weak,
}

impl BankKey {
    /// A key of at least [`KEY_MIN_CHARS`] characters and [`KEY_MIN_BITS`] of estimated
    /// strength, with surrounding spaces removed.
    pub fn check(text: &str) -> Result<BankKey, KeyProblem> {
        let text = text.trim();
        if text.chars().count() < KEY_MIN_CHARS {
            return Err(KeyProblem::TooShort);
        }
        if key_strength_bits(text) < KEY_MIN_BITS {
            return Err(KeyProblem::Weak);
        }
        Ok(BankKey(text.to_string()))
    }

    /// [`BankKey::check`], without saying why not.
    pub fn new(text: &str) -> Option<BankKey> {
        BankKey::check(text).ok()
    }
}

/// A rough, conservative estimate of how hard a key is to guess, in bits, in the spirit of
/// zxcvbn's brute-force estimate: the key is read as tokens — a character, or a stretch of at
/// least three characters that already occurred earlier in the key (`Aa1!Aa1!…`) — where a
/// character that repeats or continues a run from the one before (`aaaa`, `abcd`, `4321`) adds
/// nothing; each token is worth the size of the alphabet the key draws on (lower case, upper
/// case, digits, punctuation, other letters such as Cyrillic). A random 16-character key of
/// letters and digits scores about 70, of hex digits about 60 (99 % above 50);
/// `password12345678` scores 41 and `aaaaaaaaaaaaaaaa` 19. It cannot see dictionary words: the
/// bank's key should come from a generator, as the README says.
pub fn key_strength_bits(text: &str) -> f64 {
    let chars: Vec<char> = text.chars().take(256).collect();
    let has = |class: fn(&char) -> bool| chars.iter().any(class);
    let pool = [
        (has(|c| c.is_ascii_lowercase()), 26),
        (has(|c| c.is_ascii_uppercase()), 26),
        (has(|c| c.is_ascii_digit()), 10),
        (has(|c| c.is_ascii() && !c.is_ascii_alphanumeric()), 33),
        (has(|c| !c.is_ascii()), 66),
    ]
    .iter()
    .filter(|(present, _)| *present)
    .map(|(_, size)| size)
    .sum::<u32>()
    .max(2);
    let mut tokens = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let repeat = (3..=chars.len() - i)
            .rev()
            .find(|&len| chars[..i].windows(len).any(|w| w == &chars[i..i + len]));
        if let Some(len) = repeat {
            tokens += 1;
            i += len;
            continue;
        }
        if i == 0 || u32::from(chars[i]).abs_diff(u32::from(chars[i - 1])) > 1 {
            tokens += 1;
        }
        i += 1;
    }
    tokens as f64 * f64::from(pool).log2()
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

    #[test]
    fn a_phone_typed_as_a_bank_id_is_the_same_client() {
        let key = key();
        let as_phone = ClientRef::phone("+7 912 345-67-89").expect("phone");
        for typed in [
            "89123456789",
            "8 912 345-67-89",
            "+7 (912) 345-67-89",
            "9123456789",
        ] {
            let as_id = ClientRef::bank_id(typed).expect("taken as a phone");
            assert_eq!(as_id.pseudonym(&key), as_phone.pseudonym(&key), "{typed}");
        }
        assert_eq!(
            ClientRef::bank_id("AB1234").expect("id").normalised(),
            "id:AB1234"
        );
    }

    #[test]
    fn weak_keys_are_refused_and_real_ones_pass() {
        for weak in [
            "aaaaaaaaaaaaaaaa",
            "abababababababab",
            "0123456789abcdef",
            "1111111122222222",
            "Aa1!Aa1!Aa1!Aa1!",
            "password12345678",
            "qwertyqwertyqwer",
            "abcdabcdabcdabcd",
        ] {
            assert_eq!(BankKey::check(weak), Err(KeyProblem::Weak), "{weak}");
        }
        assert_eq!(BankKey::check("short"), Err(KeyProblem::TooShort));
        for fine in [
            "a bank-wide secret key",
            "another bank's secret",
            "the bank's shared secret key",
            "our bank's long secret",
            "the key your bank gave you",
            "q8Zr2LxT0vNw5mKd",
            "Kx9#mP2$vL7@nQ4!wR8",
            "9f86d081884c7d65",
            "ключ нашего банка длинный",
        ] {
            assert!(
                BankKey::check(fine).is_ok(),
                "{fine}: {}",
                key_strength_bits(fine)
            );
        }
    }

    proptest! {
        #[test]
        fn bank_id_never_panics_and_is_idempotent(input in "\\PC{0,40}") {
            // (A phone number typed as an id is a phone: `a_phone_typed_as_a_bank_id_…`.)
            if let Ok(r) = ClientRef::bank_id(&input)
                && r.normalised().starts_with("id:")
            {
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
        fn generated_keys_pass(key in "[A-Za-z0-9]{20,40}") {
            prop_assert!(BankKey::check(&key).is_ok(), "{}: {}", key, key_strength_bits(&key));
        }

        #[test]
        fn phone_never_panics(input in "\\PC{0,30}") {
            let _ = ClientRef::phone(&input);
        }
    }
}
