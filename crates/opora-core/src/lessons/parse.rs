//! Reading a lesson file (TOML) and checking it: every problem is reported with the file, the
//! line and a plain reason, so a trainer can fix a lesson without a programmer.
//!
//! ```toml
//! id = "send-safely"
//! audience = "clients"            # or "staff"
//! title = "lesson-send-safely-title"
//! summary = "lesson-send-safely-summary"
//! variants = ["a", "b"]           # optional A/B variants
//! recap = ["lesson-send-safely-recap-1"]
//!
//! [[step]]
//! id = "why"
//! kind = "explain"                # explain | do | quiz | say
//! text = "lesson-send-safely-why"
//!
//! [[step]]
//! id = "send"
//! kind = "do"
//! text = "lesson-send-safely-send"
//! goal = { operation = "send", payee = "grandson", amount = "300" }
//! drill = "safe-account"          # optional: safe-account | payee-mismatch | hurry | code-request
//! ```

use super::lesson::{Answer, Audience, Drill, Goal, Lesson, Place, Step, StepKind};
use crate::i18n::I18n;
use crate::money::parse_amount;
use crate::phone::PhoneNumber;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The most answers a quiz may offer (choices are single digits, and one screen holds six).
pub const MAX_ANSWERS: usize = 5;

/// What a lesson is checked against: the texts in both languages and the practice bank's data.
pub struct Context<'a> {
    pub languages: Vec<&'a I18n>,
    pub payees: Vec<String>,
    pub bills: Vec<String>,
}

/// One thing wrong with a lesson file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not valid TOML, or a field of the wrong type; the parser's own words.
    Syntax(String),
    CannotRead(crate::file_problem::FileProblem),
    /// A lesson id outside `[a-z0-9-]` (1 to 64): ids name files and journal entries.
    BadId(String),
    UnknownKind(String),
    /// A message id missing in one language (`lang` is its code).
    MissingMessage {
        id: String,
        lang: &'static str,
    },
    UnknownOperation(String),
    UnknownPayee(String),
    UnknownBill(String),
    UnknownDrill(String),
    UnknownAudience(String),
    UnknownVariant(String),
    BadAmount(String),
    BadPhone(String),
    DuplicateStep(String),
    DuplicateLesson(String),
    /// A field a step of this kind needs.
    Missing(&'static str),
    /// A field a step of this kind does not take.
    NotForKind {
        field: &'static str,
        kind: String,
    },
    NoSafeAnswer,
    TooManyAnswers(usize),
    NoSteps,
    /// A drill on a step that moves no money.
    DrillWithoutTransfer,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLesson {
    id: Spanned<String>,
    audience: Option<Spanned<String>>,
    title: Spanned<String>,
    summary: Spanned<String>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    #[serde(default)]
    recap: Vec<Spanned<String>>,
    #[serde(default)]
    step: Vec<Spanned<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    kind: Spanned<String>,
    text: Spanned<String>,
    variant: Option<Spanned<String>>,
    goal: Option<Spanned<RawGoal>>,
    drill: Option<Spanned<String>>,
    expected: Option<Spanned<String>>,
    answers: Option<Vec<Spanned<RawAnswer>>>,
    phrase: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    operation: Spanned<String>,
    payee: Option<Spanned<String>>,
    bill: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    amount: Option<Spanned<String>>,
    screen: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    text: Spanned<String>,
    #[serde(default)]
    safe: bool,
    why: Spanned<String>,
}

/// Reads and checks one lesson. Either the lesson, or every problem found in it.
pub fn parse(file: &Path, text: &str, ctx: &Context) -> Result<Lesson, Vec<Problem>> {
    let mut checker = Checker {
        file,
        text,
        ctx,
        problems: Vec::new(),
    };
    let raw: RawLesson = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.span().map_or(0, |s| checker.line_at(s.start));
            let reason = error.message().trim().to_string();
            return Err(vec![Problem {
                file: file.to_path_buf(),
                line,
                kind: ProblemKind::Syntax(reason),
            }]);
        }
    };
    let lesson = checker.lesson(raw);
    if checker.problems.is_empty() {
        Ok(lesson)
    } else {
        Err(checker.problems)
    }
}

struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    ctx: &'a Context<'a>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn line_at(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text
            .get(..end)
            .map_or(0, |before| before.matches('\n').count() + 1)
    }

    fn report<T>(&mut self, at: &Spanned<T>, kind: ProblemKind) {
        let line = self.line_at(at.span().start);
        self.problems.push(Problem {
            file: self.file.to_path_buf(),
            line,
            kind,
        });
    }

    /// A message id that must exist in every language.
    fn message(&mut self, id: &Spanned<String>) -> String {
        for i18n in &self.ctx.languages {
            if !i18n.has(id.get_ref()) {
                let lang = i18n.lang().code();
                self.report(
                    id,
                    ProblemKind::MissingMessage {
                        id: id.get_ref().clone(),
                        lang,
                    },
                );
            }
        }
        id.get_ref().clone()
    }

    fn lesson(&mut self, raw: RawLesson) -> Lesson {
        let audience = match raw.audience.as_ref().map(|a| a.get_ref().as_str()) {
            None | Some("clients") => Audience::Clients,
            Some("staff") => Audience::Staff,
            Some(other) => {
                let other = other.to_string();
                if let Some(at) = &raw.audience {
                    self.report(at, ProblemKind::UnknownAudience(other));
                }
                Audience::Clients
            }
        };
        if crate::journal::validate::text(raw.id.get_ref(), crate::journal::validate::TextRule::Key)
            .is_err()
        {
            self.report(&raw.id, ProblemKind::BadId(raw.id.get_ref().clone()));
        }
        let title = self.message(&raw.title);
        let summary = self.message(&raw.summary);
        let recap = raw.recap.iter().map(|r| self.message(r)).collect();
        let variants: Vec<String> = raw.variants.iter().map(|v| v.get_ref().clone()).collect();
        if raw.step.is_empty() {
            self.problems.push(Problem {
                file: self.file.to_path_buf(),
                line: 0,
                kind: ProblemKind::NoSteps,
            });
        }
        let mut seen = HashSet::new();
        let mut steps = Vec::new();
        for raw_step in &raw.step {
            let step = raw_step.get_ref();
            if !seen.insert(step.id.get_ref().clone()) {
                self.report(
                    &step.id,
                    ProblemKind::DuplicateStep(step.id.get_ref().clone()),
                );
            }
            if let Some(variant) = &step.variant
                && !variants.contains(variant.get_ref())
            {
                self.report(
                    variant,
                    ProblemKind::UnknownVariant(variant.get_ref().clone()),
                );
            }
            if let Some(step) = self.step(step) {
                steps.push(step);
            }
        }
        Lesson {
            id: raw.id.into_inner(),
            audience,
            title,
            summary,
            variants,
            steps,
            recap,
        }
    }

    fn step(&mut self, raw: &RawStep) -> Option<Step> {
        let text = self.message(&raw.text);
        let kind_name = raw.kind.get_ref().clone();
        // Fields that belong to other kinds are mistakes worth naming.
        let extra: [(&'static str, bool, &[&str]); 5] = [
            ("goal", raw.goal.is_some(), &["do"]),
            ("drill", raw.drill.is_some(), &["do"]),
            ("expected", raw.expected.is_some(), &["do"]),
            ("answers", raw.answers.is_some(), &["quiz"]),
            ("phrase", raw.phrase.is_some(), &["say"]),
        ];
        let known = ["explain", "do", "quiz", "say"];
        if known.contains(&kind_name.as_str()) {
            for (field, present, kinds) in extra {
                if present && !kinds.contains(&kind_name.as_str()) {
                    self.report(
                        &raw.kind,
                        ProblemKind::NotForKind {
                            field,
                            kind: kind_name.clone(),
                        },
                    );
                }
            }
        }
        let kind = match kind_name.as_str() {
            "explain" => StepKind::Explain,
            "do" => {
                let Some(goal) = &raw.goal else {
                    self.report(&raw.kind, ProblemKind::Missing("goal"));
                    return None;
                };
                let goal = self.goal(goal)?;
                let drill = match &raw.drill {
                    None => None,
                    Some(name) => {
                        let drill = self.drill(name, raw.expected.as_ref())?;
                        if !goal.moves_money() {
                            self.report(name, ProblemKind::DrillWithoutTransfer);
                        }
                        Some(drill)
                    }
                };
                StepKind::Do { goal, drill }
            }
            "quiz" => {
                let Some(raw_answers) = &raw.answers else {
                    self.report(&raw.kind, ProblemKind::Missing("answers"));
                    return None;
                };
                let answers: Vec<Answer> = raw_answers
                    .iter()
                    .map(|a| {
                        let a = a.get_ref();
                        Answer {
                            text: self.message(&a.text),
                            safe: a.safe,
                            why: self.message(&a.why),
                        }
                    })
                    .collect();
                if answers.len() > MAX_ANSWERS {
                    self.report(&raw.kind, ProblemKind::TooManyAnswers(answers.len()));
                }
                if !answers.iter().any(|a| a.safe) {
                    self.report(&raw.kind, ProblemKind::NoSafeAnswer);
                }
                StepKind::Quiz { answers }
            }
            "say" => {
                let Some(phrase) = &raw.phrase else {
                    self.report(&raw.kind, ProblemKind::Missing("phrase"));
                    return None;
                };
                StepKind::Say {
                    phrase: self.message(phrase),
                }
            }
            other => {
                self.report(&raw.kind, ProblemKind::UnknownKind(other.to_string()));
                return None;
            }
        };
        Some(Step {
            id: raw.id.get_ref().clone(),
            variant: raw.variant.as_ref().map(|v| v.get_ref().clone()),
            text,
            kind,
        })
    }

    fn goal(&mut self, spanned: &Spanned<RawGoal>) -> Option<Goal> {
        let raw = spanned.get_ref();
        let amount = match &raw.amount {
            None => None,
            Some(text) => match parse_amount(text.get_ref()) {
                Ok(amount) => Some(amount),
                Err(_) => {
                    self.report(text, ProblemKind::BadAmount(text.get_ref().clone()));
                    return None;
                }
            },
        };
        let phone = match &raw.phone {
            None => None,
            Some(text) => match PhoneNumber::parse(text.get_ref()) {
                Ok(phone) => Some(phone),
                Err(_) => {
                    self.report(text, ProblemKind::BadPhone(text.get_ref().clone()));
                    return None;
                }
            },
        };
        if let Some(payee) = &raw.payee
            && !self.ctx.payees.contains(payee.get_ref())
        {
            self.report(payee, ProblemKind::UnknownPayee(payee.get_ref().clone()));
            return None;
        }
        if let Some(bill) = &raw.bill
            && !self.ctx.bills.contains(bill.get_ref())
        {
            self.report(bill, ProblemKind::UnknownBill(bill.get_ref().clone()));
            return None;
        }
        let payee = raw.payee.as_ref().map(|p| p.get_ref().clone());
        let bill = raw.bill.as_ref().map(|b| b.get_ref().clone());
        let goal = match raw.operation.get_ref().as_str() {
            "send" => Goal::Send {
                payee,
                phone,
                amount,
            },
            "pay-bill" => Goal::PayBill { bill, amount },
            "top-up" => Goal::TopUp { phone, amount },
            "own-transfer" => Goal::OwnTransfer { amount },
            "block-card" => Goal::BlockCard,
            "open" => {
                let place = match raw.screen.as_ref().map(|s| s.get_ref().as_str()) {
                    Some("balance") => Place::Balance,
                    Some("history") => Place::History,
                    Some("help") => Place::Help,
                    Some(other) => {
                        let other = other.to_string();
                        if let Some(at) = &raw.screen {
                            self.report(at, ProblemKind::UnknownOperation(other));
                        }
                        return None;
                    }
                    None => {
                        self.report(&raw.operation, ProblemKind::Missing("screen"));
                        return None;
                    }
                };
                Goal::Open(place)
            }
            other => {
                self.report(
                    &raw.operation,
                    ProblemKind::UnknownOperation(other.to_string()),
                );
                return None;
            }
        };
        Some(goal)
    }

    fn drill(
        &mut self,
        name: &Spanned<String>,
        expected: Option<&Spanned<String>>,
    ) -> Option<Drill> {
        match name.get_ref().as_str() {
            "safe-account" => Some(Drill::SafeAccount),
            "hurry" => Some(Drill::Hurry),
            "code-request" => Some(Drill::CodeRequest),
            "payee-mismatch" => match expected {
                Some(expected) => Some(Drill::PayeeMismatch {
                    expected: self.message(expected),
                }),
                None => {
                    self.report(name, ProblemKind::Missing("expected"));
                    None
                }
            },
            other => {
                self.report(name, ProblemKind::UnknownDrill(other.to_string()));
                None
            }
        }
    }
}
