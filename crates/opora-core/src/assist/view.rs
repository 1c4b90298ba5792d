//! How each stage of an assisted session reads: a [`ScreenModel`] like the kiosk's, so the
//! terminal and plain faces draw it unchanged. The staff line carries hints for the staff member
//! and a returning client's progress; it is hidden by F2 and always during "now do it alone".

use super::{Assist, COMPLAINTS, GOALS_PER_PAGE, GoalKind, Mode, Notice, OPERATIONS, Stage};
use crate::i18n::I18n;
use crate::journal::ClientRefError;
use crate::kiosk::state::TEXT_SIZES;
use crate::screen_model::{Choice, Field, Notice as ModelNotice, NoticeKind, ScreenModel};
use crate::tr;

/// Every screen id of an assisted session (snapshot tests render each one).
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
    "assist-practice",
    "assist-drill",
    "assist-alone",
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
        Stage::Drill => "assist-drill",
        Stage::Alone => "assist-alone",
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

fn ids(i18n: &I18n, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| i18n.t(id)).collect()
}

/// The label of a goal in the session's language.
pub fn goal_label(assist: &Assist, index: usize, i18n: &I18n) -> String {
    match assist.catalogue.get(index).map(|g| (&g.key, &g.kind)) {
        Some((key, GoalKind::Operation)) => i18n.t(&format!("assist-goal-{key}")),
        Some((_, GoalKind::Lesson { title, .. })) => {
            tr!(i18n, "assist-goal-lesson", title = title.clone())
        }
        None => String::new(),
    }
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

/// The screen of the session's current stage.
pub fn view(assist: &Assist, i18n: &I18n) -> ScreenModel {
    let stage = assist.stage;
    let mut model = ScreenModel {
        id: stage_id(stage),
        band: Some(i18n.t(match assist.mode {
            Mode::Session => "assist-band",
            Mode::FollowUp => "assist-band-follow-up",
        })),
        text_size: TEXT_SIZES - 1,
        ..ScreenModel::default()
    };
    let field = |label: &str, value: String| {
        Some(Field {
            label: i18n.t(label),
            value,
            suffix: String::new(),
        })
    };
    let setup_step = |n: i64| Some(tr!(i18n, "assist-setup-step", step = n, total = 8));
    let mut choices: Vec<String> = Vec::new();
    match stage {
        Stage::Staff => {
            model.progress = setup_step(1);
            model.title = i18n.t("assist-staff-title");
            model.field = field("assist-staff-field", assist.text.clone());
        }
        Stage::ClientKind => {
            model.progress = setup_step(2);
            model.title = i18n.t("assist-client-title");
            model.lines = vec![i18n.t("assist-client-privacy")];
            choices = ids(i18n, &["assist-client-by-id", "assist-client-by-phone"]);
            if assist.mode == Mode::Session {
                choices.push(i18n.t("assist-client-anonymous"));
            }
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
            model.field = field(
                if phone {
                    "assist-phone-field"
                } else {
                    "assist-id-field"
                },
                masked,
            );
        }
        Stage::Segment => {
            model.progress = setup_step(3);
            model.title = i18n.t("assist-segment-title");
            choices = ids(
                i18n,
                &[
                    "assist-segment-senior",
                    "assist-segment-digital-adept",
                    "assist-segment-other",
                ],
            );
        }
        Stage::AgeBand => {
            model.progress = setup_step(4);
            model.title = i18n.t("assist-age-title");
            choices = ["<45", "45–59", "60–74", "75+"].map(String::from).to_vec();
        }
        Stage::Channel => {
            model.progress = setup_step(5);
            model.title = i18n.t("assist-channel-title");
            choices = ids(
                i18n,
                &[
                    "assist-channel-branch-kiosk",
                    "assist-channel-mobile-brigade",
                    "assist-channel-self-practice",
                ],
            );
        }
        Stage::Site => {
            model.progress = setup_step(6);
            model.title = i18n.t("assist-site-title");
            model.field = field("assist-site-field", assist.text.clone());
        }
        Stage::Consent => {
            model.progress = setup_step(7);
            // The question itself is the big headline, to be read aloud.
            model.title = i18n.t("assist-consent-question");
            model.lines = vec![i18n.t("assist-consent-details")];
            choices = ids(i18n, &["assist-consent-yes", "assist-consent-no"]);
        }
        Stage::Refused => {
            model.title = i18n.t("assist-refused-title");
            model.lines = vec![i18n.t("assist-refused-text")];
            choices = ids(i18n, &["assist-next-client", "assist-finish"]);
        }
        Stage::Goals { page } => {
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
            let start = page * GOALS_PER_PAGE;
            for index in start..(start + GOALS_PER_PAGE).min(assist.catalogue.len()) {
                let mark = if assist.goals.contains(&index) {
                    "[x]"
                } else {
                    "[ ]"
                };
                choices.push(format!("{mark} {}", goal_label(assist, index, i18n)));
            }
            while choices.len() < GOALS_PER_PAGE {
                choices.push("—".to_string());
            }
            let pages = assist.catalogue.len().div_ceil(GOALS_PER_PAGE);
            choices.push(if pages > 1 {
                i18n.t("assist-goals-more")
            } else {
                "—".to_string()
            });
            choices.push(i18n.t("assist-goals-done"));
        }
        Stage::Practice => {
            let goal = assist
                .goals
                .get(assist.current)
                .map(|&i| goal_label(assist, i, i18n))
                .unwrap_or_default();
            model.title = tr!(i18n, "assist-practice-title", goal = goal);
            let steps = assist.steps.get(assist.current).copied().unwrap_or(0);
            model.lines = vec![tr!(i18n, "assist-practice-steps", count = i64::from(steps))];
            choices = ids(
                i18n,
                &[
                    "assist-practice-step-alone",
                    "assist-practice-step-helped",
                    "assist-practice-help",
                    "assist-practice-error",
                    "assist-practice-goal-done",
                    "assist-practice-now-alone",
                ],
            );
        }
        Stage::Drill => {
            let goal = assist
                .goals
                .get(assist.current)
                .map(|&i| goal_label(assist, i, i18n))
                .unwrap_or_default();
            model.title = i18n.t("assist-drill-title");
            model.lines = vec![tr!(i18n, "assist-drill-text", goal = goal)];
            choices = ids(
                i18n,
                &[
                    "assist-drill-stopped",
                    "assist-drill-stopped-helped",
                    "assist-drill-went-on",
                ],
            );
        }
        Stage::Alone => {
            model.title = i18n.t("assist-alone-title");
            model.lines = vec![i18n.t("assist-alone-fact"), i18n.t("assist-alone-text")];
            choices = ids(
                i18n,
                &[
                    "assist-outcome-alone",
                    "assist-outcome-with-help",
                    "assist-outcome-not-yet",
                    "assist-outcome-declined",
                ],
            );
        }
        Stage::Fcr => {
            model.title = i18n.t("assist-fcr-title");
            choices = ids(i18n, &["assist-yes", "assist-no", "assist-skip"]);
        }
        Stage::Csat | Stage::Ces | Stage::Nps => {
            let (title, scale) = match stage {
                Stage::Csat => ("assist-csat-title", "assist-csat-scale"),
                Stage::Ces => ("assist-ces-title", "assist-ces-scale"),
                _ => ("assist-nps-title", "assist-nps-scale"),
            };
            model.title = i18n.t(title);
            model.lines = vec![i18n.t(scale)];
            model.field = field("assist-score-field", assist.text.clone());
            model.prompt = i18n.t("assist-score-prompt");
        }
        Stage::Complaint => {
            model.title = i18n.t("assist-complaint-title");
            choices = COMPLAINTS
                .iter()
                .map(|c| i18n.t(&format!("assist-complaint-{c}")))
                .collect();
        }
        Stage::Done => {
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
            choices = ids(i18n, &["assist-next-client", "assist-finish"]);
        }
        Stage::FollowUpAnswer => {
            model.title = i18n.t("assist-follow-up-title");
            choices = ids(i18n, &["assist-yes", "assist-no"]);
        }
        Stage::FollowUpDone => {
            model.title = i18n.t("assist-follow-up-done-title");
            choices = ids(i18n, &["assist-next-client", "assist-finish"]);
        }
    }
    model.choices = choices
        .into_iter()
        .enumerate()
        .map(|(i, label)| Choice {
            key: u8::try_from(i + 1).unwrap_or(u8::MAX),
            label,
        })
        .collect();
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
    model.spoken = spoken(&model);
    model
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
        Notice::Recorded(id) => (NoticeKind::Success, i18n.t(id)),
    };
    let label = i18n.t(match kind {
        NoticeKind::Error => "notice-error",
        _ => "notice-success",
    });
    Some(ModelNotice { kind, label, text })
}

/// The staff line: the stage's hint and a returning client's progress; never during the
/// conversion check.
fn staff_line(assist: &Assist, i18n: &I18n) -> Option<String> {
    if !assist.show_staff || assist.stage == Stage::Alone {
        return None;
    }
    let mut parts = Vec::new();
    let hint = match assist.stage {
        Stage::Practice => match assist
            .goals
            .get(assist.current)
            .and_then(|&i| assist.catalogue.get(i))
        {
            Some(goal) if !goal.is_lesson() && OPERATIONS.contains(&goal.key.as_str()) => {
                Some(i18n.t(&format!("assist-hint-{}", goal.key)))
            }
            Some(_) => Some(i18n.t("assist-hint-lesson")),
            None => None,
        },
        stage => {
            let id = format!(
                "assist-hint-{}",
                stage_id(stage).trim_start_matches("assist-")
            );
            i18n.has(&id).then(|| i18n.t(&id))
        }
    };
    parts.extend(hint);
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

fn spoken(model: &ScreenModel) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(notice) = &model.notice {
        parts.push(format!("{}: {}", notice.label, notice.text));
    }
    parts.extend(model.progress.clone());
    parts.push(model.title.clone());
    parts.extend(model.fact.clone());
    parts.extend(model.lines.iter().cloned());
    if let Some(field) = &model.field {
        parts.push(field.label.clone());
    }
    for choice in &model.choices {
        parts.push(format!("{}. {}", choice.key, choice.label));
    }
    parts.push(model.prompt.clone());
    parts.join(". ")
}
