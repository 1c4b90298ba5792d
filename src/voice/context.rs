//! What a screen accepts by voice, worked out from the kiosk's state: what kind of answer it
//! expects (a choice, an amount, a phone number, the code, a lesson's phrase), each numbered
//! choice with its label and the meanings that pick it, and the people and bills the client has.
//! The grammar for the recogniser and the parser of what was heard both read it, so the two
//! never disagree about a screen.

use super::VoiceLang;
use super::lexicon::Concept;
use crate::core::lessons::LessonAction;
use crate::core::screens::{Action, Screen};
use crate::core::voice::VoiceCommand;
use crate::core::{App, flow::Flow, flow::Target};
use crate::i18n::{I18n, Lang};
use crate::lessons::StepKind;

/// What kind of answer the screen waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// One of the numbered choices.
    Choice,
    Amount,
    Phone,
    /// The confirmation code: typed only.
    Code,
    /// A lesson's say-it step: this phrase.
    Phrase(String),
}

/// A numbered choice, as voice sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceInfo {
    pub number: u8,
    /// Its label on the screen.
    pub label: String,
    /// The meanings that pick it («баланс» picks the balance).
    pub concepts: Vec<Concept>,
    /// A saved person it sends money to.
    pub payee: Option<String>,
    /// A bill it pays.
    pub bill: Option<String>,
    /// Confirming money or blocking the card: a key press only.
    pub key_only: bool,
}

/// A saved person the client can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayeeInfo {
    pub key: String,
    /// The relation's code (`daughter`).
    pub relation: String,
    /// The name in the voice language («Ольга»).
    pub name: String,
}

/// A bill the client can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillInfo {
    pub key: String,
    /// The bill kind's code (`electricity`).
    pub kind: String,
    /// The provider's name («Энергосбыт»).
    pub provider: String,
}

/// Everything voice needs to know about the current screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub lang: VoiceLang,
    /// The screen's id (`home`, `amount-entry`).
    pub screen: &'static str,
    pub expect: Expect,
    pub choices: Vec<ChoiceInfo>,
    pub payees: Vec<PayeeInfo>,
    pub bills: Vec<BillInfo>,
}

impl Context {
    /// The context of the app's current screen, with labels in the language of `i18n`.
    pub fn of(app: &App, i18n: &I18n, lang: VoiceLang) -> Context {
        let model = crate::core::view(app, i18n);
        let screen = app.screen();
        let choices = app
            .actions()
            .iter()
            .zip(&model.choices)
            .map(|(action, choice)| {
                let mut info = ChoiceInfo {
                    number: choice.key,
                    label: choice.label.clone(),
                    concepts: Vec::new(),
                    payee: None,
                    bill: None,
                    key_only: false,
                };
                describe(action, screen, &mut info);
                info
            })
            .collect();
        let expect = match screen {
            Screen::AmountEntry { .. } => Expect::Amount,
            Screen::PhoneEntry { .. } => Expect::Phone,
            Screen::Code(_) => Expect::Code,
            Screen::Lesson(run) => match run.step().map(|s| &s.kind) {
                Some(StepKind::Say { phrase }) if !run.finished() => Expect::Phrase(i18n.t(phrase)),
                _ => Expect::Choice,
            },
            _ => Expect::Choice,
        };
        // Names are said in the voice language when Opora has them in it.
        let name_lang = match lang {
            VoiceLang::Ru => Lang::Ru,
            VoiceLang::En => Lang::En,
            VoiceLang::Ko => i18n.lang(),
        };
        let (payees, bills) = match app.snapshot() {
            Some(snapshot) => (
                snapshot
                    .payees
                    .iter()
                    .filter(|p| p.saved)
                    .map(|p| PayeeInfo {
                        key: p.key.clone(),
                        relation: p.relation.code().to_string(),
                        name: p.name.get(name_lang).to_string(),
                    })
                    .collect(),
                snapshot
                    .bills
                    .iter()
                    .map(|b| BillInfo {
                        key: b.key.clone(),
                        kind: b.kind.code().to_string(),
                        provider: b.provider.get(name_lang).to_string(),
                    })
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        Context {
            lang,
            screen: model.id,
            expect,
            choices,
            payees,
            bills,
        }
    }

    /// The choices that carry a meaning.
    pub fn with_concept(&self, concept: Concept) -> impl Iterator<Item = &ChoiceInfo> {
        self.choices
            .iter()
            .filter(move |c| c.concepts.contains(&concept))
    }

    pub fn has(&self, concept: Concept) -> bool {
        self.with_concept(concept).next().is_some()
    }
}

/// Fills in what a choice's action means, in the terms voice uses.
fn describe(action: &Action, screen: &Screen, info: &mut ChoiceInfo) {
    use Concept::*;
    use VoiceCommand as C;
    let concepts: &[Concept] = match action {
        Action::Home => &[Command(C::Home)],
        Action::Back if matches!(screen, Screen::BlockConfirm { .. }) => &[Command(C::Back), No],
        Action::Back => &[Command(C::Back)],
        Action::Quit => &[],
        Action::Open(target) => match target {
            // Home's «Баланс и история»: the history is behind the balance.
            Screen::Balance => &[Balance, History],
            Screen::SendWho => &[Send],
            Screen::PayWhat => &[Pay],
            Screen::History { .. } => &[History],
            Screen::Lessons { .. } => &[Lessons],
            Screen::Help => &[HelpPlace, Command(C::Help)],
            Screen::BlockConfirm { .. } => &[Block],
            Screen::CallStaff => &[CallStaff],
            Screen::TrustedPerson => &[Trusted],
            Screen::TopUpWhose => &[TopUp],
            Screen::OwnDirection => &[Own],
            _ => &[],
        },
        Action::Target(draft) => match &draft.target {
            Some(Target::Payee(key)) => {
                info.payee = Some(key.clone());
                &[]
            }
            Some(Target::Bill(key)) => {
                info.bill = Some(key.clone());
                &[]
            }
            Some(Target::Own { to, .. }) if *to == crate::bank::AccountKind::Savings => {
                &[ToSavings]
            }
            Some(Target::Own { .. }) => &[ToCard],
            Some(Target::TopUp(_)) => &[OwnPhone],
            Some(Target::Phone(_)) | None => &[],
        },
        Action::EnterPhone(draft) if draft.flow == Flow::TopUp => &[OtherPhone],
        Action::EnterPhone(_) => &[ByPhone],
        Action::EnterAmount(_) => &[OtherAmount],
        Action::PayAmount(_) => &[PayAll, Pay],
        Action::Confirm => {
            info.key_only = true;
            &[Confirm, Continue, Send, Pay, TopUp]
        }
        Action::ChangeAmount => &[ChangeAmount, OtherAmount],
        Action::BlockCard => {
            info.key_only = true;
            &[Confirm, Block]
        }
        Action::HistoryPage(page) => match screen {
            Screen::History { page: now } if page > now => &[Older],
            _ => &[Newer],
        },
        Action::Lesson(lesson) => match lesson {
            LessonAction::Next => &[Next, Continue],
            LessonAction::Begin => &[Begin],
            LessonAction::Skip => &[Skip],
            LessonAction::Leave => &[Leave],
            LessonAction::Exit => &[Command(C::Home)],
            LessonAction::Open { resume: true, .. } => &[Continue],
            LessonAction::BackToLesson => &[Command(C::Back)],
            LessonAction::DrillChoice(true) => &[No, Command(C::Cancel)],
            LessonAction::WarningChoice(false) => &[No, Command(C::Cancel)],
            LessonAction::WarningChoice(true) => &[Continue],
            LessonAction::List(_)
            | LessonAction::Open { .. }
            | LessonAction::Answer(_)
            | LessonAction::WriteReminder
            | LessonAction::OpenReminder
            | LessonAction::DrillChoice(false) => &[],
        },
    };
    info.concepts = concepts.to_vec();
}
