//! The one gate every journal event passes before it is stored, whoever made it: this device's
//! kiosk and assisted sessions, an imported file from another device, and later the central
//! push. It is pure: the caller says what "now" is.
//!
//! What it asks of an event: ids that are UUIDv7 (the event's and its session's, the latter in
//! its canonical text form); a time within a sane window of the device's clock
//! ([`MAX_AGE_DAYS`] back, [`MAX_AHEAD_HOURS`] ahead); closed vocabularies where the product has
//! them (segments, channels, outcomes, complaint categories — serde closes the enumerations);
//! scores within their scales; a client only as a pseudonym (32 hex digits); and free text
//! (staff id, site, variant, goal and lesson keys, screen ids, device id) within a safe pattern
//! and length, never holding anything that looks like a phone number, a card number or a
//! person's name. Each refusal names the field and says, in the staff member's language, what
//! is allowed.
//!
//! To add a payload kind: add its arm to [`check_payload`] (the match is exhaustive and names
//! every field, so the compiler points here for a new kind or field), give it a checker of its
//! own in `frame.rs` (the session's frame) or `journey.rs` (the client's steps), and check each
//! field with the helpers of `rules.rs` (`text` with a rule, `pseudonym`, `score`,
//! `step_number`…).

use chrono::{DateTime, Utc};

use super::event::Event;
use super::payload::Payload;

mod frame;
mod journey;
mod rules;

pub use journey::{ADJUSTED, AMOUNT_BANDS, FIELDS, FLOWS};
pub use rules::*;

use frame::{error_or_help, feedback, session_ended, session_started, step_completed};

/// Checks a whole event against the rules above, with `now` the device's clock.
pub fn check(event: &Event, now: DateTime<Utc>) -> Checked {
    if event.id.get_version_num() != 7 {
        return Err(at("id")(Reason::NotV7));
    }
    session_id(&event.session).map_err(at("session"))?;
    time(event.at, now).map_err(at("at"))?;
    text(&event.device, TextRule::Device).map_err(at("device"))?;
    check_payload(&event.payload)
}

/// The payload's own fields: one arm per kind, each handing its fields to a checker of its own.
pub fn check_payload(payload: &Payload) -> Checked {
    match payload {
        Payload::SessionStarted {
            staff,
            client,
            segment: _,
            age_band: _,
            channel: _,
            site,
            variant,
            goals,
        } => session_started(staff, client.as_deref(), site, variant.as_deref(), goals),
        Payload::SessionEnded {
            outcome: _,
            fcr: _,
            complaint,
            computed: _,
            override_reason,
        } => {
            session_ended(complaint.as_deref())?;
            journey::override_reason(override_reason.as_deref())
        }
        Payload::PracticeStarted { site, variant } => {
            if !site.is_empty() {
                text(site, TextRule::Label).map_err(at("site"))?;
            }
            match variant {
                Some(variant) => text(variant, TextRule::Code).map_err(at("variant")),
                None => Ok(()),
            }
        }
        Payload::PracticeEnded {} | Payload::AloneStarted {} => Ok(()),
        Payload::ScreenEntered {
            screen,
            flow,
            step,
            steps,
            lesson,
        } => journey::screen_entered(screen, flow.as_deref(), *step, *steps, lesson.as_deref()),
        Payload::ChoiceTaken {
            screen,
            choice: _,
            by: _,
        }
        | Payload::HelpOpened { screen }
        | Payload::WentBack { screen, cancel: _ } => {
            text(screen, TextRule::Key).map_err(at("screen"))
        }
        Payload::InputRefused {
            screen,
            field,
            reason,
        } => journey::input_refused(screen, field, reason),
        Payload::Adjusted { screen, what } => journey::adjusted(screen, what),
        Payload::VoiceHeard {
            screen,
            intent,
            refusal,
            confidence,
        } => journey::voice_heard(screen, intent.as_deref(), refusal.as_deref(), *confidence),
        Payload::LessonStepStarted { lesson, step } => journey::lesson_step(lesson, *step, None),
        Payload::LessonStepFinished {
            lesson,
            step,
            step_id,
            skipped: _,
        } => journey::lesson_step(lesson, *step, Some(step_id)),
        Payload::QuizAnswered {
            lesson,
            step,
            right: _,
        } => journey::lesson_step(lesson, *step, None),
        Payload::DrillShown { lesson, drill } => {
            text(lesson, TextRule::Key).map_err(at("lesson"))?;
            text(drill, TextRule::Key).map_err(at("drill"))
        }
        Payload::StaffMarked { mark } => journey::staff_marked(mark),
        Payload::ScreenShown { screen } => text(screen, TextRule::Key).map_err(at("screen")),
        Payload::StepCompleted {
            lesson,
            step,
            by: _,
            helped: _,
            recognition_accepted: _,
        } => step_completed(lesson.as_deref(), *step),
        Payload::ErrorShown {
            lesson,
            step,
            screen,
        }
        | Payload::HelpAsked {
            lesson,
            step,
            screen,
        } => error_or_help(lesson.as_deref(), *step, screen),
        Payload::LessonStarted { lesson } | Payload::LessonCompleted { lesson } => {
            text(lesson, TextRule::Key).map_err(at("lesson"))
        }
        Payload::DrillOutcome {
            lesson,
            passed: _,
            alone: _,
        } => text(lesson, TextRule::Key).map_err(at("lesson")),
        Payload::OperationCompleted {
            operation,
            fee_shown,
            amount_band,
        } => journey::operation_completed(operation, *fee_shown, amount_band.as_deref()),
        Payload::Feedback { csat, ces, nps } => feedback(*csat, *ces, *nps),
        Payload::FollowUp {
            client,
            used_alone: _,
        } => pseudonym(client).map_err(at("client")),
        Payload::ConsentRefused { channel: _, site } => {
            text(site, TextRule::Label).map_err(at("site"))
        }
    }
}

#[cfg(test)]
mod tests;
