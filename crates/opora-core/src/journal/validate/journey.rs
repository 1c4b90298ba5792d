//! The checks of the client's journey through the kiosk: every field is a stable id or a code
//! from a closed list (screens, flows, fields, error codes, what was adjusted, staff marks,
//! override reasons), a step number, a confidence, an amount's band — never free text.

use super::rules::{Checked, Reason, TextRule, at, optional_key, step_number, text};
use crate::journal::payload::{OVERRIDE_REASONS, STAFF_MARKS};

/// Flows a screen can belong to.
pub const FLOWS: [&str; 6] = ["send", "own", "pay", "topup", "block", "lesson"];
/// Fields whose input can be refused.
pub const FIELDS: [&str; 3] = ["amount", "phone", "code"];
/// What a client can adjust.
pub const ADJUSTED: [&str; 5] = ["repeat", "slower", "faster", "bigger", "smaller"];
/// An operation's amount band.
pub const AMOUNT_BANDS: [&str; 4] = ["under_1k", "1k_10k", "10k_50k", "50k_plus"];

fn one_of(value: &str, allowed: &'static [&'static str]) -> Result<(), Reason> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Reason::NotInList { allowed })
    }
}

fn key(value: &str, field: &'static str) -> Checked {
    text(value, TextRule::Key).map_err(at(field))
}

pub fn screen_entered(
    screen: &str,
    flow: Option<&str>,
    step: Option<u8>,
    steps: Option<u8>,
    lesson: Option<&str>,
) -> Checked {
    key(screen, "screen")?;
    if let Some(flow) = flow {
        one_of(flow, &FLOWS).map_err(at("flow"))?;
    }
    for (value, field) in [(step, "step"), (steps, "steps")] {
        if let Some(n) = value {
            step_number(u32::from(n)).map_err(at(field))?;
        }
    }
    optional_key(lesson).map_err(at("lesson"))
}

pub fn input_refused(screen: &str, field: &str, reason: &str) -> Checked {
    key(screen, "screen")?;
    one_of(field, &FIELDS).map_err(at("field"))?;
    key(reason, "reason")
}

pub fn adjusted(screen: &str, what: &str) -> Checked {
    key(screen, "screen")?;
    one_of(what, &ADJUSTED).map_err(at("what"))
}

pub fn voice_heard(
    screen: &str,
    intent: Option<&str>,
    refusal: Option<&str>,
    confidence: Option<u8>,
) -> Checked {
    key(screen, "screen")?;
    optional_key(intent).map_err(at("intent"))?;
    optional_key(refusal).map_err(at("refusal"))?;
    match confidence {
        Some(c) if c > 100 => Err(at("confidence")(Reason::OutOfRange { min: 0, max: 100 })),
        _ => Ok(()),
    }
}

pub fn operation_completed(
    operation: &str,
    fee_shown: Option<i64>,
    amount_band: Option<&str>,
) -> Checked {
    key(operation, "operation")?;
    if let Some(fee) = fee_shown
        && !(0..=100_000_000).contains(&fee)
    {
        return Err(at("fee_shown")(Reason::OutOfRange {
            min: 0,
            max: 100_000_000,
        }));
    }
    match amount_band {
        Some(band) => one_of(band, &AMOUNT_BANDS).map_err(at("amount_band")),
        None => Ok(()),
    }
}

pub fn lesson_step(lesson: &str, step: u32, step_id: Option<&str>) -> Checked {
    key(lesson, "lesson")?;
    step_number(step).map_err(at("step"))?;
    optional_key(step_id).map_err(at("step_id"))
}

pub fn staff_marked(mark: &str) -> Checked {
    one_of(mark, &STAFF_MARKS).map_err(at("mark"))
}

pub fn override_reason(reason: Option<&str>) -> Checked {
    match reason {
        Some(reason) => one_of(reason, &OVERRIDE_REASONS).map_err(at("override_reason")),
        None => Ok(()),
    }
}
