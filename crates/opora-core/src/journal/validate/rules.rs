//! The rules each field is held to, and what a refusal says: patterns and lengths for free
//! text (never a phone number, a card number or a name), pseudonyms, UUIDv7 ids, a sane time,
//! scores on their scales, closed lists.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::i18n::I18n;
use crate::tr;

/// Oldest event accepted, in days before now: older journals than this are not Opora's.
pub const MAX_AGE_DAYS: i64 = 3653;
/// How far ahead of this device's clock an event may be (another device's clock may be fast).
pub const MAX_AHEAD_HOURS: i64 = 24;
/// Longest staff id or site name, in characters.
pub const LABEL_MAX: usize = 40;
/// Longest A/B variant name.
pub const CODE_MAX: usize = 16;
/// Longest key (goal, lesson, screen, operation) and device id.
pub const KEY_MAX: usize = 64;
/// Most goals in one session.
pub const GOALS_MAX: usize = 32;
/// Highest step number of a lesson or operation.
pub const STEP_MAX: u32 = 1000;
/// A run of this many digits (spaces and dashes between them allowed) looks like a phone
/// number; [`CARD_DIGITS`] or more, like a card number.
pub const PHONE_DIGITS: usize = 7;
pub const CARD_DIGITS: usize = 13;

/// Which pattern a free-text field must follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRule {
    /// Staff id, site: letters, digits, spaces and `. , - _ №`, 1 to [`LABEL_MAX`].
    Label,
    /// A/B variant: Latin letters, digits, `-` and `_`, 1 to [`CODE_MAX`].
    Code,
    /// Goal, lesson, screen and operation keys: `[a-z0-9-]`, 1 to [`KEY_MAX`].
    Key,
    /// This device's id: letters, digits, `.`, `-` and `_`, 1 to [`KEY_MAX`].
    Device,
}

/// Why a field was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    NotV7,
    TooOld { earliest: DateTime<Utc> },
    InFuture { latest: DateTime<Utc> },
    Text(TextRule),
    Phone,
    Card,
    Name,
    OutOfRange { min: i64, max: i64 },
    NotPseudonym,
    NotInList { allowed: &'static [&'static str] },
    TooMany { max: usize },
}

/// An event that may not be stored: which field, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub reason: Reason,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "field {}: {:?}", self.field, self.reason)
    }
}

impl std::error::Error for Invalid {}

impl Reason {
    /// The message id of the sentence that explains the reason.
    pub fn message_id(&self) -> &'static str {
        match self {
            Reason::NotV7 => "journal-invalid-not-v7",
            Reason::TooOld { .. } => "journal-invalid-too-old",
            Reason::InFuture { .. } => "journal-invalid-future",
            Reason::Text(TextRule::Label) => "journal-invalid-label",
            Reason::Text(TextRule::Code) => "journal-invalid-code",
            Reason::Text(TextRule::Key) => "journal-invalid-key",
            Reason::Text(TextRule::Device) => "journal-invalid-device",
            Reason::Phone => "journal-invalid-phone",
            Reason::Card => "journal-invalid-card",
            Reason::Name => "journal-invalid-name",
            Reason::OutOfRange { .. } => "journal-invalid-range",
            Reason::NotPseudonym => "journal-invalid-pseudonym",
            Reason::NotInList { .. } => "journal-invalid-choice",
            Reason::TooMany { .. } => "journal-invalid-too-many",
        }
    }

    /// The reason as a sentence that says what is allowed.
    pub fn sentence(&self, i18n: &I18n) -> String {
        let id = self.message_id();
        let day = |t: &DateTime<Utc>| t.format("%Y-%m-%d").to_string();
        match self {
            Reason::TooOld { earliest } => tr!(i18n, id, date = day(earliest)),
            Reason::InFuture { latest } => tr!(i18n, id, date = day(latest)),
            Reason::OutOfRange { min, max } => tr!(i18n, id, min = *min, max = *max),
            Reason::NotInList { allowed } => tr!(i18n, id, allowed = allowed.join(", ")),
            Reason::TooMany { max } => {
                tr!(i18n, id, max = i64::try_from(*max).unwrap_or(i64::MAX))
            }
            _ => i18n.t(id),
        }
    }
}

impl Invalid {
    /// «Поле «staff»: Похоже на номер телефона…».
    pub fn sentence(&self, i18n: &I18n) -> String {
        tr!(
            i18n,
            "journal-invalid",
            field = self.field,
            reason = self.reason.sentence(i18n)
        )
    }
}

pub type Checked = Result<(), Invalid>;

pub fn at(field: &'static str) -> impl Fn(Reason) -> Invalid {
    move |reason| Invalid { field, reason }
}

/// A session id: a UUIDv7 in its canonical lower-case text, so one session has one spelling.
pub fn session_id(text: &str) -> Result<(), Reason> {
    match Uuid::try_parse(text) {
        Ok(id) if id.get_version_num() == 7 && id.hyphenated().to_string() == text => Ok(()),
        _ => Err(Reason::NotV7),
    }
}

/// A time within [`MAX_AGE_DAYS`] before `now` and [`MAX_AHEAD_HOURS`] after it.
pub fn time(t: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), Reason> {
    let earliest = now
        .checked_sub_signed(Duration::days(MAX_AGE_DAYS))
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let latest = now
        .checked_add_signed(Duration::hours(MAX_AHEAD_HOURS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    if t < earliest {
        Err(Reason::TooOld { earliest })
    } else if t > latest {
        Err(Reason::InFuture { latest })
    } else {
        Ok(())
    }
}

/// A client pseudonym: 32 lower-case hex digits, as `ClientRef::pseudonym` makes them.
pub fn pseudonym(text: &str) -> Result<(), Reason> {
    let hex = text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if hex {
        Ok(())
    } else {
        Err(Reason::NotPseudonym)
    }
}

pub fn optional_key(key: Option<&str>) -> Result<(), Reason> {
    key.map_or(Ok(()), |k| text(k, TextRule::Key))
}

pub fn step_number(step: u32) -> Result<(), Reason> {
    if (1..=STEP_MAX).contains(&step) {
        Ok(())
    } else {
        Err(Reason::OutOfRange {
            min: 1,
            max: i64::from(STEP_MAX),
        })
    }
}

pub fn score(value: Option<u8>, min: u8, max: u8) -> Result<(), Reason> {
    match value {
        Some(v) if !(min..=max).contains(&v) => Err(Reason::OutOfRange {
            min: i64::from(min),
            max: i64::from(max),
        }),
        _ => Ok(()),
    }
}

pub fn complaint_category(category: &str) -> Result<(), Reason> {
    let allowed = &crate::journal::payload::COMPLAINTS[1..];
    if allowed.contains(&category) {
        Ok(())
    } else {
        Err(Reason::NotInList { allowed })
    }
}

/// Free text against its rule: allowed characters and length first, then nothing that looks
/// like a phone or card number, or (where spaces are allowed) a person's name.
pub fn text(value: &str, rule: TextRule) -> Result<(), Reason> {
    let (max, allowed): (usize, fn(char) -> bool) = match rule {
        TextRule::Label => (LABEL_MAX, |c| {
            c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '_' | '№')
        }),
        TextRule::Code => (CODE_MAX, |c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_')
        }),
        TextRule::Key => (KEY_MAX, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
        }),
        TextRule::Device => (KEY_MAX, |c| {
            c.is_alphanumeric() || matches!(c, '.' | '-' | '_')
        }),
    };
    let count = value.chars().count();
    if count == 0 || count > max || !value.chars().all(allowed) || value.trim() != value {
        return Err(Reason::Text(rule));
    }
    match longest_digit_run(value) {
        n if n >= CARD_DIGITS => return Err(Reason::Card),
        n if n >= PHONE_DIGITS => return Err(Reason::Phone),
        _ => {}
    }
    if rule == TextRule::Label && looks_like_a_name(value) {
        return Err(Reason::Name);
    }
    Ok(())
}

/// The most digits in a row, counting through the separators people put in numbers.
pub fn longest_digit_run(text: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in text.chars() {
        if c.is_ascii_digit() {
            run += 1;
            best = best.max(run);
        } else if !matches!(c, ' ' | '-' | '.' | '_' | '(' | ')') {
            run = 0;
        }
    }
    best
}

/// Russian patronymic endings (Иванович, Петровна, Ильинична, Ильич).
const PATRONYMIC: &[&str] = &["ович", "евич", "овна", "евна", "ична", "ьич"];

/// A person's name: a patronymic, initials beside a capitalised word («Иванов И.И.»), or two
/// capitalised words in a row («Мария Иванова», "John Smith").
fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && chars.all(char::is_lowercase)
    };
    let initials = |w: &str| {
        w.contains('.')
            && w.split('.').filter(|p| !p.is_empty()).all(|p| {
                let mut letters = p.chars();
                letters.next().is_some_and(char::is_uppercase) && letters.next().is_none()
            })
    };
    let patronymic = |w: &str| {
        let lower = w.to_lowercase();
        lower.chars().count() >= 6
            && lower.chars().all(char::is_alphabetic)
            && PATRONYMIC.iter().any(|end| lower.ends_with(end))
    };
    words.iter().any(|w| patronymic(w))
        || words.windows(2).any(|pair| {
            let (a, b) = (pair[0], pair[1]);
            (capitalised(a) && capitalised(b))
                || (initials(a) && capitalised(b))
                || (capitalised(a) && initials(b))
        })
}
