//! The screens of lessons: the list (with «continue»), each step, the end with its reminder,
//! fraud drills inside a practice transfer, their result, and the real warning before a risky
//! transfer.

use super::common::screen;
use crate::bank::{Recipient, Snapshot};
use crate::i18n::I18n;
use crate::kiosk::lesson_state::{
    DrillStop, LESSONS_PER_PAGE, LessonAction, LessonRun, StepState, Warning, WarningReason,
};
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::Action;
use crate::kiosk::state::App;
use crate::lessons::{Drill, StepKind};
use crate::money::Money;
use crate::screen_model::{Notice, NoticeKind, PhonePanel, ScreenModel};
use crate::tr;
use crate::voice::lexicon::Concept::*;
use crate::voice::meaning::VoiceCommand;

/// A choice on a lesson screen.
fn lesson_offer(action: LessonAction, label: Label) -> Offer {
    Offer::new(Action::Lesson(action), label)
}

pub(super) fn list_choices(app: &App, page: usize) -> Vec<Offer> {
    let mut out = Vec::new();
    let lessons = app.lessons();
    if page == 0
        && let Some(resume) = &app.progress().resume
        && let Some(found) = lessons.iter().find(|l| &l.id == resume)
    {
        let open = LessonAction::Open {
            id: found.id.clone(),
            resume: true,
        };
        out.push(lesson_offer(open, Label::Continue(found.title.clone())).said(&[Continue]));
    }
    let start = page * LESSONS_PER_PAGE;
    for item in lessons.iter().skip(start).take(LESSONS_PER_PAGE) {
        let done = app
            .progress()
            .lessons
            .get(&item.id)
            .is_some_and(|p| p.completed);
        let open = LessonAction::Open {
            id: item.id.clone(),
            resume: false,
        };
        let label = Label::LessonItem {
            title: item.title.clone(),
            done,
            staff: item.audience == crate::lessons::Audience::Staff,
        };
        out.push(lesson_offer(open, label));
    }
    if start + LESSONS_PER_PAGE < lessons.len() {
        out.push(lesson_offer(
            LessonAction::List(page + 1),
            Label::Id("lessons-more"),
        ));
    } else if page > 0 {
        out.push(lesson_offer(
            LessonAction::List(0),
            Label::Id("lessons-first"),
        ));
    }
    out
}

pub(super) fn list(app: &App, page: usize, i18n: &I18n) -> ScreenModel {
    let mut model = screen("lessons", i18n);
    let total = app.lessons().len();
    if total == 0 {
        model.lines.push(i18n.t("lessons-none"));
        return model;
    }
    let pages = total.div_ceil(LESSONS_PER_PAGE);
    model.lines.push(i18n.t("lessons-intro"));
    if pages > 1 {
        model.progress = Some(tr!(
            i18n,
            "lessons-page",
            page = (page + 1) as i64,
            pages = pages as i64
        ));
    }
    model
}

pub(super) fn lesson_choices(run: &LessonRun) -> Vec<Offer> {
    let next = lesson_offer(LessonAction::Next, Label::Id("lesson-next")).said(&[Next, Continue]);
    let leave = lesson_offer(LessonAction::Leave, Label::Id("lesson-leave")).said(&[Leave]);
    if run.finished() {
        let reminder = match &run.reminder {
            Some(Ok(_)) => lesson_offer(
                LessonAction::OpenReminder,
                Label::Id("lesson-open-reminder"),
            ),
            _ => lesson_offer(
                LessonAction::WriteReminder,
                Label::Id("lesson-write-reminder"),
            ),
        };
        return vec![
            reminder,
            lesson_offer(LessonAction::Leave, Label::Id("lesson-to-list")).said(&[Leave]),
            lesson_offer(LessonAction::Exit, Label::Id("choice-home"))
                .said(&[Command(VoiceCommand::Home)]),
        ];
    }
    if let Some(StepKind::Say { .. }) = run.step().map(|s| &s.kind) {
        let said =
            lesson_offer(LessonAction::Next, Label::Id("lesson-said-it")).said(&[Next, Continue]);
        return vec![said, leave];
    }
    if run.can_go_on() {
        return vec![next, leave];
    }
    match run.step().map(|s| &s.kind) {
        Some(StepKind::Do { .. }) => vec![
            lesson_offer(LessonAction::Begin, Label::Id("lesson-begin")).said(&[Begin]),
            lesson_offer(LessonAction::Skip, Label::Id("lesson-skip")).said(&[Skip]),
            leave,
        ],
        Some(StepKind::Quiz { answers }) => answers
            .iter()
            .enumerate()
            .map(|(i, a)| lesson_offer(LessonAction::Answer(i), Label::Message(a.text.clone())))
            .collect(),
        _ => vec![next, leave],
    }
}

fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
}

fn notice(kind: NoticeKind, text: String, i18n: &I18n) -> Notice {
    let label = match kind {
        NoticeKind::Error => "notice-error",
        NoticeKind::Warning => "notice-warning",
        NoticeKind::Success => "notice-success",
        NoticeKind::Info => "notice-note",
    };
    Notice {
        kind,
        label: i18n.t(label),
        text,
    }
}

pub(super) fn lesson(snapshot: &Snapshot, run: &LessonRun, i18n: &I18n) -> ScreenModel {
    if run.finished() {
        return lesson_end(snapshot, run, i18n);
    }
    let mut model = screen("lesson", i18n);
    model.title = i18n.t(&run.lesson.title);
    let total = run.steps().len();
    model.progress = Some(tr!(
        i18n,
        "lesson-progress",
        step = (run.at + 1) as i64,
        total = total as i64
    ));
    let Some(step) = run.step() else {
        return model;
    };
    model.lines.extend(paragraphs(&i18n.t(&step.text)));
    match (&step.kind, &run.state) {
        (StepKind::Say { phrase }, _) => {
            model.fact = Some(tr!(i18n, "lesson-say-phrase", phrase = i18n.t(phrase)));
            model.lines.push(i18n.t("lesson-say-how"));
        }
        (StepKind::Quiz { answers }, StepState::Answered { choice, safe }) => {
            let why = answers
                .get(*choice)
                .map(|a| i18n.t(&a.why))
                .unwrap_or_default();
            model.notice = Some(if *safe {
                notice(NoticeKind::Success, why, i18n)
            } else {
                notice(
                    NoticeKind::Warning,
                    tr!(i18n, "lesson-quiz-wrong", why = why),
                    i18n,
                )
            });
        }
        (StepKind::Do { .. }, StepState::GoalMet) => {
            model.notice = Some(notice(NoticeKind::Success, i18n.t("lesson-goal-met"), i18n));
        }
        (StepKind::Do { .. }, StepState::NotYet) => {
            model.notice = Some(notice(
                NoticeKind::Info,
                i18n.t("lesson-goal-not-yet"),
                i18n,
            ));
        }
        (StepKind::Do { .. }, StepState::Drilled { stopped }) => {
            model.notice = Some(if *stopped {
                notice(NoticeKind::Success, i18n.t("drill-praise"), i18n)
            } else {
                notice(NoticeKind::Info, i18n.t("lesson-drill-learned"), i18n)
            });
        }
        _ => {}
    }
    model
}

fn lesson_end(snapshot: &Snapshot, run: &LessonRun, i18n: &I18n) -> ScreenModel {
    let mut model = screen("lesson-end", i18n);
    model.lines.push(i18n.t(&run.lesson.title));
    model.lines.push(i18n.t("lesson-end-recap"));
    model.lines.extend(
        run.lesson
            .recap
            .iter()
            .map(|id| format!("• {}", i18n.t(id))),
    );
    match &run.reminder {
        Some(Ok(path)) => {
            model.notice = Some(notice(
                NoticeKind::Success,
                tr!(
                    i18n,
                    "lesson-reminder-saved",
                    path = path.display().to_string()
                ),
                i18n,
            ));
        }
        Some(Err(reason)) => {
            model.notice = Some(notice(NoticeKind::Error, reason.clone(), i18n));
        }
        None => model.lines.push(tr!(
            i18n,
            "lesson-end-hotline",
            hotline = snapshot.hotline.clone()
        )),
    }
    model
}

pub(super) fn drill_choices(stop: &DrillStop) -> Vec<Offer> {
    let name = stop.drill.name();
    vec![
        lesson_offer(
            LessonAction::DrillChoice(true),
            Label::Message(format!("drill-{name}-stop")),
        )
        .said(&[No, Command(VoiceCommand::Cancel)]),
        lesson_offer(
            LessonAction::DrillChoice(false),
            Label::Message(format!("drill-{name}-go")),
        ),
    ]
}

/// How close the bank's name for the recipient is to the name the client expected, as in
/// Confirmation of Payee: the same first name, a similar one (the same first letter, and the
/// second letter of one among the first three of the other: «Дима» and «Дмитрий»), or another.
pub fn payee_match(expected: &str, shown: &str) -> &'static str {
    let first = |s: &str| -> Vec<char> {
        s.split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect()
    };
    let (a, b) = (first(expected), first(shown));
    if a.is_empty() || b.is_empty() {
        "no-match"
    } else if a == b {
        "match"
    } else if similar(&a, &b) || similar(&b, &a) {
        "close"
    } else {
        "no-match"
    }
}

fn similar(a: &[char], b: &[char]) -> bool {
    a.len() >= 2 && a[0] == b[0] && b.iter().take(3).any(|c| *c == a[1])
}

pub(super) fn drill(snapshot: &Snapshot, stop: &DrillStop, i18n: &I18n) -> ScreenModel {
    let name = stop.drill.name();
    let mut model = screen("drill", i18n);
    model.title = i18n.t(&format!("drill-{name}-title"));
    let amount = stop.check.operation.amount().unwrap_or(Money::ZERO);
    model.fact = Some(i18n.money(amount));
    model
        .lines
        .extend(paragraphs(&i18n.t(&format!("drill-{name}-text"))));
    match &stop.drill {
        Drill::PayeeMismatch { expected } => {
            let shown = match &stop.check.operation {
                crate::bank::Operation::Transfer {
                    to: Recipient::Phone(phone),
                    ..
                } => snapshot
                    .directory_entry(phone)
                    .map(|e| e.name.get(i18n.lang()).to_string()),
                crate::bank::Operation::Transfer {
                    to: Recipient::Payee(key),
                    ..
                } => snapshot
                    .payee(key)
                    .and_then(|p| snapshot.directory_entry(&p.phone))
                    .map(|e| e.name.get(i18n.lang()).to_string()),
                _ => None,
            }
            .unwrap_or_default();
            let expected = i18n.t(expected);
            let level = payee_match(&expected, &shown);
            model
                .lines
                .push(tr!(i18n, "drill-payee-expected", name = expected));
            model
                .lines
                .push(tr!(i18n, "drill-payee-shown", name = shown));
            model.lines.push(i18n.t(&format!("cop-{level}")));
        }
        Drill::SafeAccount | Drill::CodeRequest => {
            model.phone = Some(PhonePanel {
                caption: i18n.t("phone-caption"),
                sender: i18n.t(&format!("drill-{name}-caller")),
                message: i18n.t(&format!("drill-{name}-call")),
                big: None,
            });
        }
        Drill::Hurry => {}
    }
    model
}

pub(super) fn drill_result_choices() -> Vec<Offer> {
    vec![
        lesson_offer(LessonAction::BackToLesson, Label::Id("choice-lesson"))
            .said(&[Command(VoiceCommand::Back)]),
    ]
}

pub(super) fn drill_result(drill: &str, stopped: bool, i18n: &I18n) -> ScreenModel {
    let mut model = screen("drill-result", i18n);
    model.title = i18n.t(if stopped {
        "drill-result-stopped-title"
    } else {
        "drill-result-continued-title"
    });
    model.lines.push(i18n.t(if stopped {
        "drill-praise"
    } else {
        "drill-gentle-stop"
    }));
    model
        .lines
        .extend(paragraphs(&i18n.t(&format!("drill-{drill}-lesson"))));
    model.lines.push(i18n.t("drill-nothing-moved"));
    model
}

pub(super) fn warning_choices() -> Vec<Offer> {
    vec![
        lesson_offer(
            LessonAction::WarningChoice(false),
            Label::Id("warning-cancel"),
        )
        .said(&[No, Command(VoiceCommand::Cancel)]),
        lesson_offer(
            LessonAction::WarningChoice(true),
            Label::Id("warning-go-on"),
        )
        .said(&[Continue]),
    ]
}

pub(super) fn warning(snapshot: &Snapshot, warning: &Warning, i18n: &I18n) -> ScreenModel {
    let mut model = screen("warning", i18n);
    let amount = warning.check.operation.amount().unwrap_or(Money::ZERO);
    model.fact = Some(i18n.money(amount));
    for reason in &warning.reasons {
        model.lines.push(match reason {
            WarningReason::NewPayee => i18n.t("warning-new-payee"),
            WarningReason::BigAmount => tr!(
                i18n,
                "warning-big-amount",
                balance = i18n.money(snapshot.card.balance)
            ),
        });
    }
    model.lines.push(i18n.t("warning-advice"));
    model
}

#[cfg(test)]
mod tests {
    use super::payee_match;

    #[test]
    fn confirmation_of_payee_levels() {
        assert_eq!(payee_match("Дима", "Дима К."), "match");
        assert_eq!(payee_match("Дима", "Дмитрий К."), "close");
        assert_eq!(payee_match("Дима", "Игорь П."), "no-match");
        assert_eq!(payee_match("", "Игорь П."), "no-match");
        assert_eq!(payee_match("Дима", "Дарья С."), "no-match");
        assert_eq!(payee_match("Dima", "Dmitry K."), "close");
    }
}
