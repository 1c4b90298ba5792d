//! Playing a lesson inside the kiosk: moving through its steps, checking a do-it step's goal
//! against the practice bank's real receipts, fraud drills that interrupt a practice transfer,
//! the real warning before a risky transfer, and the end with its take-home reminder. Every
//! outcome leaves as an [`Effect::Lesson`] event for the progress store (and the journal).

use super::flow::Check;
use super::lesson_state::{DrillStop, LessonAction, LessonRun, StepState, Warning, WarningReason};
use super::messages::Effect;
use super::screen::{Action, Screen};
use super::state::App;
use crate::bank::{Operation, Receipt, Recipient};
use crate::lessons::progress::LessonEvent;
use crate::lessons::{Drill, Goal, Place, Step, StepKind};
use std::path::PathBuf;

impl App {
    fn lesson_run_mut(&mut self) -> Option<&mut LessonRun> {
        self.stack.iter_mut().rev().find_map(|s| match s {
            Screen::Lesson(run) => Some(run.as_mut()),
            _ => None,
        })
    }

    /// The do-it step the client is working on: its goal and drill.
    fn active_goal(&self) -> Option<(Goal, Option<Drill>)> {
        let run = self.lesson_run()?;
        match &run.step()?.kind {
            StepKind::Do { goal, drill } => Some((goal.clone(), drill.clone())),
            _ => None,
        }
    }

    pub(super) fn lesson_action(&mut self, action: LessonAction) -> Vec<Effect> {
        match action {
            LessonAction::List(page) => {
                if let Screen::Lessons { page: current } = self.top_mut() {
                    *current = page;
                    self.focus = 0;
                } else {
                    self.push(Screen::Lessons { page });
                }
                Vec::new()
            }
            LessonAction::Open { id, resume } => self.open_lesson(&id, resume),
            LessonAction::Next => self.next_step(),
            LessonAction::Begin => self.begin_goal(),
            LessonAction::Skip => {
                let effects = self.step_done(true);
                effects.into_iter().chain(self.advance()).collect()
            }
            LessonAction::Answer(choice) => self.answer(choice),
            LessonAction::Leave => {
                let base = self.base_len();
                self.stack.truncate(base.saturating_sub(1).max(1));
                self.focus = 0;
                Vec::new()
            }
            LessonAction::Exit => {
                self.stack.truncate(1);
                self.focus = 0;
                Vec::new()
            }
            LessonAction::WriteReminder => match self.lesson_run() {
                Some(run) => vec![Effect::WriteReminder {
                    lesson: run.lesson.id.clone(),
                }],
                None => Vec::new(),
            },
            LessonAction::OpenReminder => {
                match self.lesson_run().and_then(|r| r.reminder.clone()) {
                    Some(Ok(path)) => vec![Effect::OpenFile(path)],
                    _ => Vec::new(),
                }
            }
            LessonAction::DrillChoice(stopped) => self.drill_choice(stopped),
            LessonAction::BackToLesson => {
                self.home();
                Vec::new()
            }
            LessonAction::WarningChoice(go_on) => {
                if let Screen::Warning(warning) = self.screen().clone() {
                    self.stack.pop();
                    if go_on {
                        self.push(Screen::Check(warning.check));
                    } else {
                        self.home();
                        self.say_cancelled(Some("send"));
                    }
                }
                Vec::new()
            }
        }
    }

    fn open_lesson(&mut self, id: &str, resume: bool) -> Vec<Effect> {
        let Some(lesson) = self.lessons.iter().find(|l| l.id == id).cloned() else {
            return Vec::new();
        };
        let saved = self.progress.lessons.get(id).filter(|p| !p.completed);
        let (variant, at) = match saved {
            // Resuming keeps the variant the client started with.
            Some(p) if resume && (lesson.variants.contains(&p.variant) || p.variant.is_empty()) => {
                (p.variant.clone(), p.step)
            }
            _ => (lesson.variant_for(&self.session), 0),
        };
        let steps = lesson.steps_of(&variant).len();
        let at = at.min(steps.saturating_sub(1));
        let mut effects = Vec::new();
        if at == 0 {
            effects.push(Effect::Lesson(LessonEvent::Started {
                lesson: lesson.id.clone(),
                variant: variant.clone(),
            }));
        } else {
            // Resumed: the journey goes on from the step the client stopped at.
            effects.push(Effect::Record(crate::journal::Payload::LessonStepStarted {
                lesson: lesson.id.clone(),
                step: u32::try_from(at + 1).unwrap_or(u32::MAX),
            }));
        }
        self.remember_position(&lesson.id, &variant, at);
        self.push(Screen::Lesson(Box::new(LessonRun {
            lesson,
            variant,
            at,
            state: StepState::Fresh,
            reminder: None,
        })));
        effects
    }

    /// Keeps the position in memory too, so "continue" works before the store answers.
    fn remember_position(&mut self, lesson: &str, variant: &str, at: usize) {
        let entry = self
            .progress
            .lessons
            .entry(lesson.to_string())
            .or_insert_with(|| crate::lessons::progress::LessonProgress {
                variant: variant.to_string(),
                step: 0,
                completed: false,
            });
        entry.variant = variant.to_string();
        entry.step = at;
        entry.completed = false;
        self.progress.resume = Some(lesson.to_string());
    }

    fn next_step(&mut self) -> Vec<Effect> {
        let Some(run) = self.lesson_run() else {
            return Vec::new();
        };
        if !run.can_go_on() {
            return Vec::new();
        }
        // Explain and say-it steps are done by going on; the others were recorded already.
        let effects = match run.step().map(|s| &s.kind) {
            Some(StepKind::Explain | StepKind::Say { .. }) => self.step_done(false),
            _ => Vec::new(),
        };
        effects.into_iter().chain(self.advance()).collect()
    }

    fn step_done(&mut self, skipped: bool) -> Vec<Effect> {
        match self
            .lesson_run()
            .and_then(|r| Some((r.lesson.id.clone(), r.step()?.id.clone(), r.at)))
        {
            Some((lesson, step, index)) => vec![Effect::Lesson(LessonEvent::StepDone {
                lesson,
                step,
                index,
                skipped,
            })],
            None => Vec::new(),
        }
    }

    /// Moves to the next step, or to the end of the lesson.
    fn advance(&mut self) -> Vec<Effect> {
        self.home();
        let Some(run) = self.lesson_run_mut() else {
            return Vec::new();
        };
        run.at += 1;
        run.state = StepState::Fresh;
        let (lesson, variant, at) = (run.lesson.id.clone(), run.variant.clone(), run.at);
        if run.finished() {
            if let Some(p) = self.progress.lessons.get_mut(&lesson) {
                p.completed = true;
            }
            if self.progress.resume.as_deref() == Some(lesson.as_str()) {
                self.progress.resume = None;
            }
            vec![Effect::Lesson(LessonEvent::Completed { lesson, variant })]
        } else {
            self.remember_position(&lesson, &variant, at);
            vec![Effect::Lesson(LessonEvent::Reached {
                lesson,
                variant,
                index: at,
            })]
        }
    }

    fn answer(&mut self, choice: usize) -> Vec<Effect> {
        let Some(run) = self.lesson_run_mut() else {
            return Vec::new();
        };
        let Some(Step {
            id,
            kind: StepKind::Quiz { answers },
            ..
        }) = run.step().cloned()
        else {
            return Vec::new();
        };
        let Some(answer) = answers.get(choice) else {
            return Vec::new();
        };
        run.state = StepState::Answered {
            choice,
            safe: answer.safe,
        };
        let (lesson, index) = (run.lesson.id.clone(), run.at);
        let mut effects = vec![Effect::Lesson(LessonEvent::QuizAnswered {
            lesson: lesson.clone(),
            step: id.clone(),
            index,
            safe: answer.safe,
        })];
        if answer.safe {
            effects.push(Effect::Lesson(LessonEvent::StepDone {
                lesson,
                step: id,
                index,
                skipped: false,
            }));
        }
        self.focus = 0;
        effects
    }

    /// Opens the screen where the do-it step's operation begins.
    fn begin_goal(&mut self) -> Vec<Effect> {
        let Some((goal, _)) = self.active_goal() else {
            return Vec::new();
        };
        let screen = match goal {
            Goal::Send { .. } | Goal::OwnTransfer { .. } => Screen::SendWho,
            Goal::PayBill { .. } | Goal::TopUp { .. } => Screen::PayWhat,
            Goal::BlockCard => Screen::BlockConfirm {
                op_id: crate::bank::OpId::new(""),
            },
            Goal::Open(Place::Balance) => Screen::Balance,
            Goal::Open(Place::History) => Screen::History { page: 0 },
            Goal::Open(Place::Help) => Screen::Help,
        };
        if let Some(run) = self.lesson_run_mut()
            && run.state == StepState::Fresh
        {
            run.state = StepState::NotYet;
        }
        // The same way the home screen opens it (the blocked-card stop, a fresh operation id).
        self.perform(Action::Open(screen))
    }

    /// A finished operation: does it meet the current do-it step's goal?
    pub(super) fn lesson_goal_check(&mut self, receipt: &Receipt) -> Vec<Effect> {
        let (Some((goal, _)), Some(snapshot)) = (self.active_goal(), self.snapshot.as_ref()) else {
            return Vec::new();
        };
        if receipt.already_done || !goal.met_by(receipt, snapshot) {
            return Vec::new();
        }
        let already = self
            .lesson_run()
            .is_some_and(|r| matches!(r.state, StepState::GoalMet | StepState::Drilled { .. }));
        if already {
            return Vec::new();
        }
        if let Some(run) = self.lesson_run_mut() {
            run.state = StepState::GoalMet;
        }
        self.step_done(false)
    }

    /// Opening a screen a do-it step asked the client to find meets its goal.
    pub(super) fn lesson_place_check(&mut self, screen: &Screen) -> Vec<Effect> {
        let place = match screen {
            Screen::Balance => Place::Balance,
            Screen::History { .. } => Place::History,
            Screen::Help => Place::Help,
            _ => return Vec::new(),
        };
        match self.active_goal() {
            Some((Goal::Open(want), _)) if want == place => {}
            _ => return Vec::new(),
        }
        if self
            .lesson_run()
            .is_some_and(|r| r.state == StepState::GoalMet)
        {
            return Vec::new();
        }
        if let Some(run) = self.lesson_run_mut() {
            run.state = StepState::GoalMet;
        }
        self.step_done(false)
    }

    fn drill_pending(&self) -> Option<Drill> {
        let (goal, drill) = self.active_goal()?;
        let run = self.lesson_run()?;
        (goal.moves_money() && !matches!(run.state, StepState::Drilled { .. }))
            .then_some(drill)
            .flatten()
    }

    /// A drill that interrupts at the check screen.
    pub(super) fn drill_before_check(&self, check: &Check) -> Option<Screen> {
        let drill = self.drill_pending().filter(|d| !d.at_code())?;
        Some(Screen::Drill(Box::new(DrillStop {
            drill,
            check: check.clone(),
        })))
    }

    /// A drill that interrupts when the code arrives (someone asks for it).
    pub(super) fn drill_at_code(&self, check: &Check) -> Option<Screen> {
        let drill = self.drill_pending().filter(Drill::at_code)?;
        Some(Screen::Drill(Box::new(DrillStop {
            drill,
            check: check.clone(),
        })))
    }

    /// The real warning: a transfer to a number that is not a saved person, or of more than
    /// half the card's balance.
    pub(super) fn warning_before_check(&self, check: &Check) -> Option<Screen> {
        let snapshot = self.snapshot.as_ref()?;
        let Operation::Transfer { to, amount } = &check.operation else {
            return None;
        };
        let mut reasons = Vec::new();
        if let Recipient::Phone(phone) = to
            && !snapshot.payees.iter().any(|p| p.phone == *phone)
        {
            reasons.push(WarningReason::NewPayee);
        }
        if amount.kopecks() * 2 > snapshot.card.balance.kopecks() {
            reasons.push(WarningReason::BigAmount);
        }
        (!reasons.is_empty()).then(|| {
            Screen::Warning(Box::new(Warning {
                reasons,
                check: check.clone(),
            }))
        })
    }

    fn drill_choice(&mut self, stopped: bool) -> Vec<Effect> {
        let Screen::Drill(stop) = self.screen().clone() else {
            return Vec::new();
        };
        let Some(run) = self.lesson_run_mut() else {
            return Vec::new();
        };
        run.state = StepState::Drilled { stopped };
        let lesson = run.lesson.id.clone();
        let mut effects = vec![Effect::Lesson(LessonEvent::Drill {
            lesson,
            drill: stop.drill.name().to_string(),
            stopped,
        })];
        effects.extend(self.step_done(false));
        // Nothing moves either way: the drill ends the practice transfer.
        self.home();
        self.push(Screen::DrillResult {
            drill: stop.drill.name(),
            stopped,
        });
        effects
    }

    pub(super) fn reminder_written(&mut self, result: Result<PathBuf, String>) {
        if let Some(run) = self.lesson_run_mut()
            && run.finished()
        {
            run.reminder = Some(result);
        }
        self.focus = 0;
    }
}
