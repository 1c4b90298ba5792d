//! How the session reads: while the client is at the kiosk, the kiosk's own screen with the
//! session's staff line (the goals' hints and how far they got; none during "now do it alone");
//! otherwise the stage's screen, its choices labelled from the same list that gives them their
//! meaning (`choices.rs`), or the staff menu over the client's screen.

use super::choices::Label;
use super::view_stage::{goal_label, goal_lines};
use super::{Assist, Mode, Notice, OPERATIONS, Stage};
use crate::i18n::I18n;
use crate::journal::ClientRefError;
use crate::kiosk::state::TEXT_SIZES;
use crate::screen_model::{Choice, Notice as ModelNotice, NoticeKind, ScreenModel};
use crate::tr;

/// Every screen id the session draws itself (snapshot tests render each one).
pub const ALL_IDS: &[&str] = &[
    "assist-staff",
    "assist-client-kind",
    "assist-client-id",
    "assist-client-phone",
    "assist-segment",
    "assist-age-band",
    "assist-channel",
    "assist-site",
    "assist-consent",
    "assist-refused",
    "assist-goals",
    "assist-staff-menu",
    "assist-outcome",
    "assist-change-outcome",
    "assist-override-reason",
    "assist-fcr",
    "assist-csat",
    "assist-ces",
    "assist-nps",
    "assist-complaint",
    "assist-done",
    "assist-follow-up",
    "assist-follow-up-done",
];

/// The stable id of a stage (also the journal's `screen_shown`).
pub fn stage_id(stage: Stage) -> &'static str {
    match stage {
        Stage::Staff => "assist-staff",
        Stage::ClientKind => "assist-client-kind",
        Stage::ClientId { phone: false } => "assist-client-id",
        Stage::ClientId { phone: true } => "assist-client-phone",
        Stage::Segment => "assist-segment",
        Stage::AgeBand => "assist-age-band",
        Stage::Channel => "assist-channel",
        Stage::Site => "assist-site",
        Stage::Consent => "assist-consent",
        Stage::Refused => "assist-refused",
        Stage::Goals { .. } => "assist-goals",
        Stage::Practice => "assist-practice",
        Stage::Alone => "assist-alone",
        Stage::Outcome => "assist-outcome",
        Stage::ChangeOutcome => "assist-change-outcome",
        Stage::OverrideReason { .. } => "assist-override-reason",
        Stage::Fcr => "assist-fcr",
        Stage::Csat => "assist-csat",
        Stage::Ces => "assist-ces",
        Stage::Nps => "assist-nps",
        Stage::Complaint => "assist-complaint",
        Stage::Done => "assist-done",
        Stage::FollowUpAnswer => "assist-follow-up",
        Stage::FollowUpDone => "assist-follow-up-done",
    }
}

/// The screen of the session now.
pub fn view(assist: &Assist, i18n: &I18n) -> ScreenModel {
    if assist.staff_menu.is_none() && matches!(assist.stage, Stage::Practice | Stage::Alone) {
        let mut model = crate::kiosk::view(&assist.kiosk, i18n);
        model.staff_hint = kiosk_staff_line(assist, &model, i18n);
        if let Some(notice) = notice(assist, i18n) {
            model.notice = Some(notice);
        }
        return model;
    }
    let mut model = ScreenModel {
        id: if assist.staff_menu.is_some() {
            "assist-staff-menu"
        } else {
            stage_id(assist.stage)
        },
        band: Some(i18n.t(match assist.mode {
            Mode::Session => "assist-band",
            Mode::FollowUp => "assist-band-follow-up",
        })),
        text_size: TEXT_SIZES - 1,
        ..ScreenModel::default()
    };
    if assist.staff_menu.is_some() {
        staff_menu(assist, i18n, &mut model);
    } else {
        super::view_stage::stage(assist, i18n, &mut model);
    }
    model.choices = assist
        .choices()
        .into_iter()
        .enumerate()
        .map(|(i, (label, _))| Choice {
            key: u8::try_from(i + 1).unwrap_or(u8::MAX),
            label: label_text(assist, &label, i18n),
        })
        .collect();
    let focus = assist.staff_menu.unwrap_or(assist.focus);
    model.focus = (model.field.is_none() && !model.choices.is_empty())
        .then(|| focus.min(model.choices.len() - 1));
    if model.prompt.is_empty() {
        model.prompt = if model.field.is_some() {
            i18n.t("prompt-field")
        } else {
            tr!(
                i18n,
                "prompt-choice",
                max = i64::try_from(model.choices.len()).unwrap_or(0)
            )
        };
    }
    model.keys = i18n.t("assist-keys");
    model.notice = notice(assist, i18n);
    model.staff_hint = staff_line(assist, i18n);
    model.spoken = model.speakable(i18n);
    model
}

fn label_text(assist: &Assist, label: &Label, i18n: &I18n) -> String {
    match label {
        Label::Id(id) => i18n.t(id),
        Label::Text(text) => (*text).to_string(),
        Label::Goal { index, chosen } => {
            let mark = if *chosen { "[x]" } else { "[ ]" };
            format!("{mark} {}", goal_label(assist, *index, i18n))
        }
        Label::Gap => "—".to_string(),
    }
}

/// The staff menu over the client's screen.
fn staff_menu(assist: &Assist, i18n: &I18n, model: &mut ScreenModel) {
    model.title = i18n.t("assist-staff-menu-title");
    model.lines = goal_lines(assist, i18n);
    let watch = assist.watch();
    model.lines.push(tr!(
        i18n,
        "assist-watch",
        help = i64::from(watch.help),
        marks = i64::from(watch.marks)
    ));
}

/// During practice: the kiosk's own hint for the screen and the goals' hints. During "now do
/// it alone": nothing (the client does it alone).
fn kiosk_staff_line(assist: &Assist, model: &ScreenModel, i18n: &I18n) -> Option<String> {
    if assist.stage == Stage::Alone || !assist.show_staff {
        return None;
    }
    let mut parts: Vec<String> = model.staff_hint.iter().cloned().collect();
    for (index, reached) in assist.goal_status() {
        let goal = &assist.catalogue[index];
        let hint = if reached {
            tr!(
                i18n,
                "assist-goal-reached",
                goal = goal_label(assist, index, i18n)
            )
        } else if !goal.is_lesson() && OPERATIONS.contains(&goal.key.as_str()) {
            i18n.t(&format!("assist-hint-{}", goal.key))
        } else {
            i18n.t("assist-hint-lesson")
        };
        parts.push(hint);
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn client_ref_error(error: ClientRefError, i18n: &I18n) -> String {
    match error {
        ClientRefError::Empty => i18n.t("assist-error-ref-empty"),
        ClientRefError::BadCharacter => i18n.t("assist-error-ref-character"),
        ClientRefError::WrongLength(n) => {
            tr!(
                i18n,
                "assist-error-ref-length",
                count = i64::try_from(n).unwrap_or(0)
            )
        }
        ClientRefError::Phone(_) => i18n.t("assist-error-ref-phone"),
    }
}

fn notice(assist: &Assist, i18n: &I18n) -> Option<ModelNotice> {
    if let Some(problem) = &assist.journal_problem {
        return Some(ModelNotice {
            kind: NoticeKind::Error,
            label: i18n.t("notice-error"),
            text: problem.sentence(crate::store_error::StoreFile::Journal, i18n),
        });
    }
    let (kind, text) = match assist.notice.as_ref()? {
        Notice::Error(id) => (NoticeKind::Error, i18n.t(id)),
        Notice::ClientRef(e) => (NoticeKind::Error, client_ref_error(*e, i18n)),
        Notice::Done(id) => (NoticeKind::Success, i18n.t(id)),
    };
    let label = i18n.t(match kind {
        NoticeKind::Error => "notice-error",
        _ => "notice-success",
    });
    Some(ModelNotice { kind, label, text })
}

/// The staff line of the session's own screens: the stage's hint and a returning client's
/// history.
fn staff_line(assist: &Assist, i18n: &I18n) -> Option<String> {
    if !assist.show_staff {
        return None;
    }
    let mut parts = Vec::new();
    let id = format!(
        "assist-hint-{}",
        stage_id(assist.stage).trim_start_matches("assist-")
    );
    if assist.staff_menu.is_none() && i18n.has(&id) {
        parts.push(i18n.t(&id));
    }
    if let Some(progress) = &assist.progress {
        let none = i18n.t("assist-progress-none");
        // Lessons this device knows are named by their title; others by their key.
        let name = |key: &String| {
            assist
                .catalogue
                .iter()
                .position(|g| g.key == *key)
                .map_or_else(|| key.clone(), |i| goal_label(assist, i, i18n))
        };
        let list = |items: &[String]| {
            if items.is_empty() {
                none.clone()
            } else {
                items.iter().map(name).collect::<Vec<_>>().join(", ")
            }
        };
        parts.push(tr!(
            i18n,
            "assist-progress",
            sessions = i64::from(progress.sessions),
            done = list(&progress.lessons_done),
            open = list(&progress.lessons_open),
            outcome = progress.last_outcome.as_deref().map_or_else(
                || none.clone(),
                |o| i18n.t(&format!("assist-outcome-{}", o.replace('_', "-")))
            )
        ));
    }
    (!parts.is_empty()).then(|| tr!(i18n, "staff-line", hint = parts.join(" · ")))
}
