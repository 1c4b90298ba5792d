//! Guided tutorials as data: lesson files under `assets/lessons/` (compiled in) and, for a bank's
//! trainers, any `*.toml` in a lessons folder on disk; their words in `locales/*/lessons.ftl`.
//! This module checks them (the edge reads a trainer's folder: `opora::lesson_files`); the
//! kiosk plays them (`kiosk::lesson_run`), and `progress` says how far each client got.

pub mod lesson;
pub mod parse;
pub mod progress;

pub use lesson::{Answer, Audience, Drill, Goal, Lesson, Place, Step, StepKind};
pub use parse::{Context, Problem, ProblemKind};

use crate::i18n::I18n;
use crate::tr;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use std::sync::Arc;

/// The lessons Opora ships, in the order the list shows them.
const SHIPPED: &[(&str, &str)] = &[
    (
        "first-steps.toml",
        include_str!("../../../../assets/lessons/first-steps.toml"),
    ),
    (
        "send-safely.toml",
        include_str!("../../../../assets/lessons/send-safely.toml"),
    ),
    (
        "pay-bills.toml",
        include_str!("../../../../assets/lessons/pay-bills.toml"),
    ),
    (
        "lost-card.toml",
        include_str!("../../../../assets/lessons/lost-card.toml"),
    ),
    (
        "fraud-call.toml",
        include_str!("../../../../assets/lessons/fraud-call.toml"),
    ),
    (
        "trusted-person.toml",
        include_str!("../../../../assets/lessons/trusted-person.toml"),
    ),
    (
        "voice.toml",
        include_str!("../../../../assets/lessons/voice.toml"),
    ),
    (
        "staff-session.toml",
        include_str!("../../../../assets/lessons/staff-session.toml"),
    ),
];

/// The names of the shipped lesson files (a test checks the folder holds exactly these).
pub fn shipped_names() -> Vec<&'static str> {
    SHIPPED.iter().map(|(name, _)| *name).collect()
}

/// The lessons a kiosk offers, and what was wrong with any that could not be used.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub lessons: Vec<Arc<Lesson>>,
    pub problems: Vec<Problem>,
}

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&Arc<Lesson>> {
        self.lessons.iter().find(|l| l.id == id)
    }
}

/// The shipped lesson files, with the path they are reported under.
pub fn shipped_files() -> Vec<(PathBuf, LessonText)> {
    SHIPPED
        .iter()
        .map(|(name, text)| {
            (
                Path::new("assets/lessons").join(name),
                Ok((*text).to_string()),
            )
        })
        .collect()
}

/// A lesson file's text, or why it could not be read.
pub type LessonText = Result<String, crate::file_problem::FileProblem>;

/// Checks lesson files (each with its text, or why it could not be read) against the texts of
/// `languages` and the practice bank's demo data: the usable lessons, and every problem. A
/// lesson's id is the name of its reminder file and its key in the journal, so only `[a-z0-9-]`.
pub fn check_files(languages: &[&I18n], files: Vec<(PathBuf, LessonText)>) -> Catalog {
    let demo = crate::bank::demo::DemoData::embedded().ok();
    let ctx = Context {
        languages: languages.to_vec(),
        payees: demo
            .as_ref()
            .map(|d| d.payees.iter().map(|p| p.key.clone()).collect())
            .unwrap_or_default(),
        bills: demo
            .as_ref()
            .map(|d| d.bills.iter().map(|b| b.key.clone()).collect())
            .unwrap_or_default(),
    };
    let mut catalog = Catalog::default();
    let mut ids = HashSet::new();
    for (file, text) in files {
        let text = match text {
            Ok(text) => text,
            Err(reason) => {
                catalog.problems.push(Problem {
                    file,
                    line: 0,
                    kind: ProblemKind::CannotRead(reason),
                });
                continue;
            }
        };
        match parse::parse(&file, &text, &ctx) {
            Ok(lesson) => {
                if ids.insert(lesson.id.clone()) {
                    catalog.lessons.push(Arc::new(lesson));
                } else {
                    catalog.problems.push(Problem {
                        file,
                        line: 1,
                        kind: ProblemKind::DuplicateLesson(lesson.id.clone()),
                    });
                }
            }
            Err(problems) => catalog.problems.extend(problems),
        }
    }
    catalog
}

/// One problem as a sentence for the trainer: «assets/lessons/x.toml, строка 12: …».
pub fn problem_sentence(problem: &Problem, i18n: &I18n) -> String {
    let reason = match &problem.kind {
        ProblemKind::Syntax(why) => tr!(i18n, "lesson-problem-syntax", reason = why.clone()),
        ProblemKind::CannotRead(why) => {
            tr!(
                i18n,
                "lesson-problem-cannot-read",
                reason = why.reason(i18n)
            )
        }
        ProblemKind::BadId(id) => tr!(i18n, "lesson-problem-bad-id", lesson = id.clone()),
        ProblemKind::UnknownKind(kind) => {
            tr!(i18n, "lesson-problem-unknown-kind", kind = kind.clone())
        }
        ProblemKind::MissingMessage { id, lang } => tr!(
            i18n,
            "lesson-problem-missing-message",
            id = id.clone(),
            lang = (*lang).to_string()
        ),
        ProblemKind::UnknownOperation(op) => {
            tr!(
                i18n,
                "lesson-problem-unknown-operation",
                operation = op.clone()
            )
        }
        ProblemKind::UnknownPayee(payee) => {
            tr!(i18n, "lesson-problem-unknown-payee", payee = payee.clone())
        }
        ProblemKind::UnknownBill(bill) => {
            tr!(i18n, "lesson-problem-unknown-bill", bill = bill.clone())
        }
        ProblemKind::UnknownDrill(drill) => {
            tr!(i18n, "lesson-problem-unknown-drill", drill = drill.clone())
        }
        ProblemKind::UnknownAudience(who) => {
            tr!(
                i18n,
                "lesson-problem-unknown-audience",
                audience = who.clone()
            )
        }
        ProblemKind::UnknownVariant(variant) => {
            tr!(
                i18n,
                "lesson-problem-unknown-variant",
                variant = variant.clone()
            )
        }
        ProblemKind::BadAmount(amount) => {
            tr!(i18n, "lesson-problem-bad-amount", amount = amount.clone())
        }
        ProblemKind::BadPhone(phone) => {
            tr!(i18n, "lesson-problem-bad-phone", phone = phone.clone())
        }
        ProblemKind::DuplicateStep(id) => {
            tr!(i18n, "lesson-problem-duplicate-step", step = id.clone())
        }
        ProblemKind::DuplicateLesson(id) => {
            tr!(i18n, "lesson-problem-duplicate-lesson", lesson = id.clone())
        }
        ProblemKind::Missing(field) => {
            tr!(i18n, "lesson-problem-missing", field = (*field).to_string())
        }
        ProblemKind::NotForKind { field, kind } => tr!(
            i18n,
            "lesson-problem-not-for-kind",
            field = (*field).to_string(),
            kind = kind.clone()
        ),
        ProblemKind::NoSafeAnswer => i18n.t("lesson-problem-no-safe-answer"),
        ProblemKind::TooManyAnswers(n) => tr!(
            i18n,
            "lesson-problem-too-many-answers",
            count = *n as i64,
            max = parse::MAX_ANSWERS as i64
        ),
        ProblemKind::NoSteps => i18n.t("lesson-problem-no-steps"),
        ProblemKind::DrillWithoutTransfer => i18n.t("lesson-problem-drill-without-transfer"),
    };
    // Paths, ids and the parser's words come from the trainer's files: shown, never obeyed.
    let sentence = tr!(
        i18n,
        "lesson-problem",
        file = problem.file.display().to_string(),
        line = problem.line as i64,
        reason = reason
    );
    crate::safe_text::line(&sentence).into_owned()
}
