//! What each of the session's own stages says: its title, its lines and its field. Its choices
//! come from `choices.rs`.

use super::choices::outcome_id;
use super::{Assist, GoalKind, Stage};
use crate::i18n::I18n;
use crate::screen_model::Field;
use crate::screen_model::ScreenModel;
use crate::tr;

/// Fills the title, lines and field of the current stage.
pub(super) fn stage(assist: &Assist, i18n: &I18n, model: &mut ScreenModel) {
    let setup_step = |n: i64| Some(tr!(i18n, "assist-setup-step", step = n, total = 8));
    match assist.stage {
        Stage::Staff => {
            model.progress = setup_step(1);
            model.title = i18n.t("assist-staff-title");
            model.field = field("assist-staff-field", assist.text.clone(), i18n);
        }
        Stage::ClientKind => {
            model.progress = setup_step(2);
            model.title = i18n.t("assist-client-title");
            model.lines = vec![i18n.t("assist-client-privacy")];
        }
        Stage::ClientId { phone } => {
            model.progress = setup_step(2);
            model.title = i18n.t(if phone {
                "assist-phone-title"
            } else {
                "assist-id-title"
            });
            model.lines = vec![i18n.t("assist-client-privacy")];
            // The typed reference is shown masked: a client or a passer-by may be watching.
            let masked = "•".repeat(assist.text.chars().count());
            let label = if phone {
                "assist-phone-field"
            } else {
                "assist-id-field"
            };
            model.field = field(label, masked, i18n);
        }
        Stage::Segment => {
            model.progress = setup_step(3);
            model.title = i18n.t("assist-segment-title");
        }
        Stage::AgeBand => {
            model.progress = setup_step(4);
            model.title = i18n.t("assist-age-title");
        }
        Stage::Channel => {
            model.progress = setup_step(5);
            model.title = i18n.t("assist-channel-title");
        }
        Stage::Site => {
            model.progress = setup_step(6);
            model.title = i18n.t("assist-site-title");
            model.field = field("assist-site-field", assist.text.clone(), i18n);
        }
        Stage::Consent => {
            model.progress = setup_step(7);
            // The question itself is the big headline, to be read aloud.
            model.title = i18n.t("assist-consent-question");
            model.lines = vec![i18n.t("assist-consent-details")];
        }
        Stage::Refused => {
            model.title = i18n.t("assist-refused-title");
            model.lines = vec![i18n.t("assist-refused-text")];
        }
        Stage::Goals { .. } => {
            model.progress = setup_step(8);
            model.title = i18n.t("assist-goals-title");
            let chosen: Vec<String> = assist
                .goals
                .iter()
                .map(|&i| goal_label(assist, i, i18n))
                .collect();
            model.lines = vec![if chosen.is_empty() {
                i18n.t("assist-goals-none")
            } else {
                tr!(i18n, "assist-goals-chosen", goals = chosen.join(", "))
            }];
        }
        // The kiosk's own screens: drawn from the kiosk (see `view`).
        Stage::Practice | Stage::Alone => {}
        Stage::Outcome => {
            model.title = i18n.t("assist-outcome-title");
            // What was observed is the one thing staff confirm here: drawn big.
            model.fact = assist
                .computed
                .map(|computed| outcome_label(computed, i18n));
            model.lines = goal_lines(assist, i18n);
            let watch = assist.watch();
            model.lines.push(tr!(
                i18n,
                "assist-watch",
                help = i64::from(watch.help),
                marks = i64::from(watch.marks)
            ));
        }
        Stage::ChangeOutcome => {
            model.title = i18n.t("assist-change-outcome-title");
        }
        Stage::OverrideReason { outcome } => {
            model.title = i18n.t("assist-override-reason-title");
            model.lines = vec![tr!(
                i18n,
                "assist-override-to",
                outcome = outcome_label(outcome, i18n)
            )];
        }
        Stage::Fcr => {
            model.title = i18n.t("assist-fcr-title");
        }
        Stage::Csat | Stage::Ces | Stage::Nps => {
            let (title, scale) = match assist.stage {
                Stage::Csat => ("assist-csat-title", "assist-csat-scale"),
                Stage::Ces => ("assist-ces-title", "assist-ces-scale"),
                _ => ("assist-nps-title", "assist-nps-scale"),
            };
            model.title = i18n.t(title);
            model.lines = vec![i18n.t(scale)];
            model.field = field("assist-score-field", assist.text.clone(), i18n);
            model.prompt = i18n.t("assist-score-prompt");
        }
        Stage::Complaint => {
            model.title = i18n.t("assist-complaint-title");
        }
        Stage::Done => done(assist, i18n, model),
        Stage::FollowUpAnswer => {
            model.title = i18n.t("assist-follow-up-title");
        }
        Stage::FollowUpDone => {
            model.title = i18n.t("assist-follow-up-done-title");
        }
    }
}

fn done(assist: &Assist, i18n: &I18n, model: &mut ScreenModel) {
    model.title = i18n.t("assist-done-title");
    let lessons: Vec<String> = assist
        .goals
        .iter()
        .filter(|&&i| assist.catalogue.get(i).is_some_and(|g| g.is_lesson()))
        .map(|&i| goal_label(assist, i, i18n))
        .collect();
    model.lines = vec![i18n.t("assist-done-text")];
    match assist.reminder() {
        Some(Ok(path)) => {
            model
                .lines
                .push(tr!(i18n, "assist-reminder", lessons = lessons.join(", ")));
            model.lines.push(tr!(
                i18n,
                "lesson-reminder-saved",
                path = path.display().to_string()
            ));
        }
        Some(Err(reason)) => model.lines.push(reason.clone()),
        None => {}
    }
}

/// The label of a goal in the session's language.
pub fn goal_label(assist: &Assist, index: usize, i18n: &I18n) -> String {
    match assist.catalogue.get(index).map(|g| (&g.key, &g.kind)) {
        Some((key, GoalKind::Operation)) => i18n.t(&format!("assist-goal-{key}")),
        Some((_, GoalKind::Lesson { title })) => {
            tr!(i18n, "assist-goal-lesson", title = title.clone())
        }
        None => String::new(),
    }
}

/// One line per goal: reached or not yet, in the current phase.
pub fn goal_lines(assist: &Assist, i18n: &I18n) -> Vec<String> {
    assist
        .goal_status()
        .into_iter()
        .map(|(index, reached)| {
            tr!(
                i18n,
                if reached {
                    "assist-goal-reached"
                } else {
                    "assist-goal-open"
                },
                goal = goal_label(assist, index, i18n)
            )
        })
        .collect()
}

/// The outcome as a message id (for the outcome screen).
pub fn outcome_label(outcome: crate::journal::Outcome, i18n: &I18n) -> String {
    i18n.t(outcome_id(outcome))
}

/// A text field.
pub fn field(label: &str, value: String, i18n: &I18n) -> Option<Field> {
    Some(Field {
        label: i18n.t(label),
        value,
        suffix: String::new(),
    })
}
