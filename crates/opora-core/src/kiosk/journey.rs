//! The client's journey as the kiosk writes it into the journal, by itself: which screen was
//! entered (with its flow and «шаг k из n»), which choice was taken and how, what was refused,
//! help, repeats, going back, what voice heard, operations done, drills. Only stable ids and
//! codes leave here — never what the client typed, a phone number or a name.

use super::flow::{Flow, Step};
use super::messages::Effect;
use super::screen::Screen;
use super::state::App;
use crate::bank::{Operation, Receipt};
use crate::journal::payload::amount_band;
use crate::journal::{InputMode, Payload};
use crate::lessons::progress::LessonEvent;
use crate::voice::meaning::{Heard, Intent};

/// Where a screen stands in a flow: the flow's name, and its step as the screen shows it.
pub fn place(screen: &Screen) -> (Option<&'static str>, Option<u8>) {
    let flow = |flow: Flow| match flow {
        Flow::Send => "send",
        Flow::Own => "own",
        Flow::Bill => "pay",
        Flow::TopUp => "topup",
    };
    let step = |step: Step| Some(step.number());
    match screen {
        Screen::SendWho => (Some("send"), step(Step::Target)),
        Screen::OwnDirection => (Some("own"), step(Step::Target)),
        Screen::PayWhat => (Some("pay"), step(Step::Target)),
        Screen::TopUpWhose => (Some("topup"), step(Step::Target)),
        Screen::PhoneEntry { draft, .. } => (Some(flow(draft.flow)), step(Step::Target)),
        Screen::BillAmount { .. } => (Some("pay"), step(Step::Amount)),
        Screen::AmountEntry { draft, .. } => (Some(flow(draft.flow)), step(Step::Amount)),
        Screen::Check(check) => (Some(flow(check.draft.flow)), step(Step::Check)),
        Screen::Code(code) => (Some(flow(code.check.draft.flow)), step(Step::Code)),
        Screen::Drill(stop) => (Some(flow(stop.check.draft.flow)), None),
        Screen::Warning(warning) => (Some(flow(warning.check.draft.flow)), None),
        Screen::Done(receipt) => (Some(operation_flow(&receipt.operation)), None),
        Screen::BlockConfirm { .. } | Screen::BlockDone | Screen::BlockAlready => {
            (Some("block"), None)
        }
        _ => (None, None),
    }
}

fn operation_flow(operation: &Operation) -> &'static str {
    match operation {
        Operation::Transfer { .. } => "send",
        Operation::OwnTransfer { .. } => "own",
        Operation::PayBill { .. } => "pay",
        Operation::TopUp { .. } => "topup",
        Operation::BlockCard => "block",
    }
}

impl App {
    /// Which screen is shown, as the journal tells screens apart.
    pub(super) fn journey_place(&self) -> (usize, &'static str) {
        (self.stack.len(), self.screen().id())
    }

    /// The screen just entered, and a drill it shows.
    pub(super) fn entered(&self) -> Vec<Effect> {
        let screen = self.screen();
        let (flow, step) = place(screen);
        let lesson = self.lesson_run().map(|run| run.lesson.id.clone());
        let mut effects = vec![Effect::Record(Payload::ScreenEntered {
            screen: screen.id().to_string(),
            flow: flow.map(str::to_string),
            step,
            steps: step.map(|_| Step::TOTAL),
            lesson: lesson.clone(),
        })];
        if let Screen::Drill(stop) = screen {
            effects.push(Effect::Record(Payload::DrillShown {
                lesson: lesson.unwrap_or_default(),
                drill: stop.drill.name().to_string(),
            }));
        }
        effects
    }

    /// A journey step on the current screen.
    fn on_screen(&self, make: impl FnOnce(String) -> Payload) -> Effect {
        Effect::Record(make(self.screen().id().to_string()))
    }

    pub(super) fn choice_taken(&self, choice: usize, by: InputMode) -> Effect {
        let choice = u8::try_from(choice).unwrap_or(u8::MAX);
        self.on_screen(|screen| Payload::ChoiceTaken { screen, choice, by })
    }

    pub(super) fn refused(&self, field: &str, reason: &str) -> Effect {
        self.on_screen(|screen| Payload::InputRefused {
            screen,
            field: field.to_string(),
            reason: reason.to_string(),
        })
    }

    pub(super) fn help_opened(&self) -> Effect {
        self.on_screen(|screen| Payload::HelpOpened { screen })
    }

    pub(super) fn adjusted(&self, what: &str) -> Effect {
        self.on_screen(|screen| Payload::Adjusted {
            screen,
            what: what.to_string(),
        })
    }

    pub(super) fn went_back(&self, cancel: bool) -> Effect {
        self.on_screen(|screen| Payload::WentBack { screen, cancel })
    }

    /// What voice heard: the kind of meaning it found, or why it was turned down — never the
    /// words, an amount or a number.
    pub(super) fn voice_heard(&self, heard: &Heard) -> Effect {
        let (intent, refusal) = match &heard.meaning {
            Ok(intent) => (Some(intent_kind(intent)), None),
            Err(rejection) => (None, Some(rejection.code().to_string())),
        };
        Effect::Record(Payload::VoiceHeard {
            screen: heard.screen.to_string(),
            intent,
            refusal,
            confidence: None,
        })
    }

    /// Whether the current screen is inside a money action (leaving it cancels the action).
    pub(super) fn in_flow(&self) -> bool {
        place(self.screen()).0.is_some() && !matches!(self.screen(), Screen::Done(_))
    }
}

/// A practice operation that went through: its kind, the fee shown, the amount's band.
pub(super) fn operation_completed(receipt: &Receipt) -> Effect {
    Effect::Record(Payload::OperationCompleted {
        operation: receipt.operation.kind_code().to_string(),
        fee_shown: Some(receipt.quote.fee.kopecks()),
        amount_band: receipt
            .operation
            .amount()
            .map(|amount| amount_band(amount.kopecks()).to_string()),
    })
}

/// The kind of a meaning, for the journal: `transfer`, `command-back`, `choose`…
fn intent_kind(intent: &Intent) -> String {
    match intent {
        Intent::Command(command) => format!("command-{}", command.code()),
        Intent::Choose(_) => "choose".into(),
        Intent::Transfer { .. } => "transfer".into(),
        Intent::PayBill { .. } => "pay".into(),
        Intent::TopUp { .. } => "topup".into(),
        Intent::Block => "block".into(),
        Intent::Amount(_) => "amount".into(),
        Intent::Phone(_) => "phone".into(),
        Intent::Said => "said".into(),
        Intent::Either(_) => "either".into(),
        Intent::DidYouSay(inner) => format!("did-you-say-{}", intent_kind(inner)),
    }
}

/// The journal's form of a lesson event (the progress store keeps the event itself).
pub fn lesson_payload(event: &LessonEvent) -> Payload {
    let number = |index: usize| u32::try_from(index + 1).unwrap_or(u32::MAX);
    match event {
        LessonEvent::Started { lesson, .. } => Payload::LessonStarted {
            lesson: lesson.clone(),
        },
        LessonEvent::Reached { lesson, index, .. } => Payload::LessonStepStarted {
            lesson: lesson.clone(),
            step: number(*index),
        },
        LessonEvent::StepDone {
            lesson,
            step,
            index,
            skipped,
        } => Payload::LessonStepFinished {
            lesson: lesson.clone(),
            step: number(*index),
            step_id: step.clone(),
            skipped: *skipped,
        },
        LessonEvent::QuizAnswered {
            lesson,
            index,
            safe,
            ..
        } => Payload::QuizAnswered {
            lesson: lesson.clone(),
            step: number(*index),
            right: *safe,
        },
        LessonEvent::Drill {
            lesson, stopped, ..
        } => Payload::DrillOutcome {
            lesson: lesson.clone(),
            passed: *stopped,
            alone: true,
        },
        LessonEvent::Completed { lesson, .. } => Payload::LessonCompleted {
            lesson: lesson.clone(),
        },
    }
}
