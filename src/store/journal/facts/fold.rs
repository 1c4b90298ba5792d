//! The rules that turn one session's events, oldest first, into its typed facts: a
//! [`SessionRow`] (who, where, how it ended, feedback, counts of choices by key, arrows and
//! voice…) and [`StepRow`]s (one per screen visit, lesson step, lesson start and end, and the
//! staff-ticked steps of journals written before the kiosk logged its own journey).
//!
//! A [`Fold`] is pure: it never reads the clock or the database. It keeps what can still change
//! (the open screen visit, recent visits that help or an error may still be about, the open step
//! of each lesson) in its [`OpenState`], which the store saves beside the session's row so the
//! next event continues where the last one left off. Folding a session's events in one go, or
//! one at a time with the state saved in between, gives the same rows.

use opora_core::journal::{Event, InputMode, Payload};
use serde::Serialize;

pub use super::rows::{OpenState, Role, Run, SessionRow, StepRow};

/// Closed visits kept for help or errors that name them a moment later.
const RECENT_VISITS: usize = 3;

/// One session being folded.
#[derive(Clone, Debug)]
pub struct Fold {
    pub row: SessionRow,
    pub state: OpenState,
    /// Rows that left the state with changes not yet written.
    out: Vec<StepRow>,
}

fn tag<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

impl Fold {
    /// A session seen for the first time, at `first`.
    pub fn new(first: &Event) -> Fold {
        Fold {
            row: SessionRow {
                session: first.session.clone(),
                kind: "partial".into(),
                device: first.device.clone(),
                started_at: first.at.timestamp_millis(),
                ..SessionRow::default()
            },
            state: OpenState::default(),
            out: Vec::new(),
        }
    }

    /// A session folded before, continued.
    pub fn resume(row: SessionRow, state: OpenState) -> Fold {
        Fold {
            row,
            state,
            out: Vec::new(),
        }
    }

    /// Whether `event` comes after every event folded so far (by time, then id).
    pub fn is_after(&self, event: &Event) -> bool {
        let key = (event.at.timestamp_millis(), event.id.to_string());
        self.row.events == 0 || key > (self.row.last_at, self.row.last_id.clone())
    }

    /// The rows changed since the last call, and the state to save.
    pub fn take_changes(&mut self) -> Vec<StepRow> {
        let mut changed = std::mem::take(&mut self.out);
        for row in &mut self.state.rows {
            if row.dirty {
                row.dirty = false;
                let mut written = row.clone();
                written.dirty = false;
                changed.push(written);
            }
        }
        changed
    }

    /// Applies one event (which must come after the ones folded so far).
    pub fn apply(&mut self, event: &Event) {
        let at = event.at.timestamp_millis();
        self.row.events += 1;
        self.row.last_at = at;
        self.row.last_id = event.id.to_string();
        let r = &mut self.row;
        match &event.payload {
            Payload::SessionStarted {
                staff,
                client,
                segment,
                age_band,
                channel,
                site,
                variant,
                goals,
            } => {
                r.kind = "assisted".into();
                r.staff = Some(staff.clone());
                r.client = client.clone();
                r.segment = tag(segment);
                r.age_band = tag(age_band);
                r.channel = tag(channel);
                r.site = Some(site.clone());
                r.variant = variant.clone();
                r.goals = goals.clone();
                r.goals.sort();
                r.goals.dedup();
            }
            Payload::PracticeStarted { site, variant } => {
                r.kind = "practice".into();
                r.site = Some(site.clone()).filter(|s| !s.is_empty());
                r.variant = variant.clone();
            }
            Payload::SessionEnded {
                outcome,
                fcr,
                complaint,
                computed,
                override_reason,
            } => {
                r.ended_at = Some(at);
                r.outcome = tag(outcome);
                r.fcr = *fcr;
                r.complaint = complaint.clone();
                r.computed_outcome = computed.as_ref().and_then(tag);
                r.override_reason = override_reason.clone();
                self.close_all(at);
            }
            Payload::PracticeEnded {} => {
                r.ended_at = Some(at);
                self.close_all(at);
            }
            Payload::Feedback { csat, ces, nps } => {
                r.csat = *csat;
                r.ces = *ces;
                r.nps = *nps;
            }
            Payload::ScreenShown { .. } => self.close_screen(at),
            Payload::ScreenEntered {
                screen,
                flow,
                step,
                steps,
                lesson,
            } => self.screen_entered(
                at,
                screen,
                flow.as_deref(),
                step.map(u32::from),
                steps.map(u32::from),
                lesson.as_deref(),
            ),
            Payload::ChoiceTaken { by, .. } => self.choice(*by),
            Payload::InputRefused { screen, .. } => {
                self.row.errors += 1;
                self.attribute(screen, true);
            }
            Payload::HelpOpened { screen } => {
                self.row.helps += 1;
                self.attribute(screen, false);
            }
            Payload::Adjusted { .. } => r.adjustments += 1,
            Payload::WentBack { cancel, .. } => {
                if *cancel {
                    r.cancels += 1;
                } else {
                    r.backs += 1;
                }
            }
            Payload::VoiceHeard {
                intent, refusal, ..
            } => {
                if intent.is_some() {
                    r.heard_accepted += 1;
                } else if refusal.is_some() {
                    r.heard_refused += 1;
                }
            }
            Payload::StepCompleted {
                lesson,
                step,
                by,
                recognition_accepted,
                ..
            } => self.legacy_step(at, lesson.as_deref(), *step, *by, *recognition_accepted),
            Payload::ErrorShown { lesson, step, .. } => {
                r.legacy = true;
                r.errors += 1;
                self.legacy_mark(at, lesson.as_deref(), *step, true);
            }
            Payload::HelpAsked { lesson, step, .. } => {
                r.legacy = true;
                r.helps += 1;
                self.legacy_mark(at, lesson.as_deref(), *step, false);
            }
            Payload::LessonStarted { lesson } => self.lesson_started(at, lesson),
            Payload::LessonStepStarted { lesson, step } => self.lesson_step(at, lesson, *step),
            Payload::LessonCompleted { lesson } => self.lesson_completed(at, lesson),
            Payload::OperationCompleted { .. } => r.operations += 1,
            Payload::StaffMarked { .. } => r.staff_marks += 1,
            Payload::AloneStarted {} => r.alone_at = Some(at),
            Payload::LessonStepFinished { .. }
            | Payload::QuizAnswered { .. }
            | Payload::DrillShown { .. }
            | Payload::DrillOutcome { .. }
            | Payload::FollowUp { .. }
            | Payload::ConsentRefused { .. } => {}
        }
    }

    fn choice(&mut self, by: InputMode) {
        match by {
            InputMode::Key => self.row.by_key += 1,
            InputMode::Arrows => self.row.by_arrows += 1,
            InputMode::Voice => self.row.by_voice += 1,
        }
    }

    fn row_mut(&mut self, seq: u32) -> Option<&mut StepRow> {
        self.state.rows.iter_mut().find(|r| r.seq == seq)
    }

    fn new_row(&mut self, role: Role, track: &str, name: &str, step: &str, at: i64) -> StepRow {
        self.state.next_seq += 1;
        StepRow {
            seq: self.state.next_seq,
            role,
            track: track.into(),
            name: name.into(),
            step: step.into(),
            step_no: None,
            steps: None,
            after_step: None,
            ordinal: None,
            entered_at: at,
            ms: None,
            errors: 0,
            help: 0,
            dirty: true,
        }
    }

    fn close(&mut self, seq: u32, at: i64) {
        if let Some(row) = self.row_mut(seq)
            && row.ms.is_none()
        {
            row.ms = Some((at - row.entered_at).max(0));
            row.dirty = true;
        }
    }

    fn close_screen(&mut self, at: i64) {
        if let Some(seq) = self.state.screen.take() {
            self.close(seq, at);
        }
        self.prune();
    }

    fn close_lesson(&mut self, lesson: &str, at: i64) {
        if let Some(seq) = self.state.lessons.remove(lesson) {
            self.close(seq, at);
        }
    }

    fn close_all(&mut self, at: i64) {
        self.close_screen(at);
        let lessons: Vec<String> = self.state.lessons.keys().cloned().collect();
        for lesson in lessons {
            self.close_lesson(&lesson, at);
        }
        self.state.active_lesson = None;
        self.state.run = None;
        self.prune();
    }

    /// Keeps open rows and the last few visits; the rest leave the state (written if changed).
    fn prune(&mut self) {
        let open: Vec<u32> = self
            .state
            .screen
            .into_iter()
            .chain(self.state.lessons.values().copied())
            .collect();
        let mut visits: Vec<u32> = self
            .state
            .rows
            .iter()
            .filter(|r| r.role == Role::Visit && !open.contains(&r.seq))
            .map(|r| r.seq)
            .collect();
        visits.sort_unstable();
        let keep_from = visits.len().saturating_sub(RECENT_VISITS);
        let recent = &visits[keep_from..];
        let (keep, gone): (Vec<StepRow>, Vec<StepRow>) = std::mem::take(&mut self.state.rows)
            .into_iter()
            .partition(|r| open.contains(&r.seq) || recent.contains(&r.seq));
        self.state.rows = keep;
        self.out.extend(gone.into_iter().filter(|r| r.dirty));
    }

    fn screen_entered(
        &mut self,
        at: i64,
        screen: &str,
        flow: Option<&str>,
        step: Option<u32>,
        steps: Option<u32>,
        lesson: Option<&str>,
    ) {
        self.close_screen(at);
        // Leaving a lesson's screens closes its open step.
        if let Some(active) = self.state.active_lesson.clone()
            && lesson != Some(active.as_str())
        {
            self.close_lesson(&active, at);
            self.state.active_lesson = None;
        }
        if let Some(lesson) = lesson {
            self.state.active_lesson = Some(lesson.to_string());
        }
        let (track, name) = match flow {
            Some(flow) => ("flow", flow),
            None => ("screen", ""),
        };
        let mut row = self.new_row(Role::Visit, track, name, screen, at);
        row.step_no = step;
        row.steps = steps;
        if let Some(flow) = flow {
            let run = match self.state.run.take() {
                Some(run) if run.flow == flow && screen != "home" => Run {
                    flow: run.flow,
                    ordinal: run.ordinal + 1,
                    last_numbered: step.or(run.last_numbered),
                },
                _ => Run {
                    flow: flow.to_string(),
                    ordinal: 1,
                    last_numbered: step,
                },
            };
            row.ordinal = Some(run.ordinal);
            if step.is_none() {
                row.after_step = run.last_numbered;
            }
            self.state.run = Some(run);
        } else if screen == "home" {
            self.state.run = None;
        }
        self.state.screen = Some(row.seq);
        self.state.rows.push(row);
        self.prune();
    }

    /// Help or an error about `screen`: counted on the latest visit of that screen still kept
    /// (else the open visit), and on the open step of the lesson being played.
    fn attribute(&mut self, screen: &str, error: bool) {
        let visit = self
            .state
            .rows
            .iter()
            .filter(|r| r.role == Role::Visit && r.step == screen)
            .map(|r| r.seq)
            .max()
            .or(self.state.screen);
        let lesson = self
            .state
            .active_lesson
            .as_ref()
            .and_then(|l| self.state.lessons.get(l))
            .copied();
        for seq in visit.into_iter().chain(lesson) {
            if let Some(row) = self.row_mut(seq) {
                if error {
                    row.errors += 1;
                } else {
                    row.help += 1;
                }
                row.dirty = true;
            }
        }
    }

    fn lesson_started(&mut self, at: i64, lesson: &str) {
        self.close_lesson(lesson, at);
        self.state.legacy_last.insert(lesson.to_string(), at);
        let mut row = self.new_row(Role::LessonStart, "lesson", lesson, "start", at);
        row.step_no = Some(1);
        self.state.lessons.insert(lesson.to_string(), row.seq);
        self.state.active_lesson = Some(lesson.to_string());
        self.state.rows.push(row);
    }

    fn lesson_step(&mut self, at: i64, lesson: &str, step: u32) {
        // `lesson_started` already stands for reaching step 1.
        if step == 1
            && let Some(&seq) = self.state.lessons.get(lesson)
            && self
                .state
                .rows
                .iter()
                .any(|r| r.seq == seq && r.role == Role::LessonStart)
        {
            self.state.active_lesson = Some(lesson.to_string());
            return;
        }
        self.close_lesson(lesson, at);
        let mut row = self.new_row(Role::LessonStep, "lesson", lesson, &step.to_string(), at);
        row.step_no = Some(step);
        self.state.lessons.insert(lesson.to_string(), row.seq);
        self.state.active_lesson = Some(lesson.to_string());
        self.state.rows.push(row);
    }

    fn lesson_completed(&mut self, at: i64, lesson: &str) {
        self.close_lesson(lesson, at);
        if self.state.active_lesson.as_deref() == Some(lesson) {
            self.state.active_lesson = None;
        }
        let mut row = self.new_row(Role::LessonDone, "lesson", lesson, "done", at);
        row.ms = Some(0);
        self.out.push(row);
        self.prune();
    }

    fn legacy_step(
        &mut self,
        at: i64,
        lesson: Option<&str>,
        step: u32,
        by: InputMode,
        accepted: Option<bool>,
    ) {
        self.row.legacy = true;
        self.choice(by);
        if by == InputMode::Voice {
            match accepted {
                Some(true) => self.row.heard_accepted += 1,
                Some(false) => self.row.heard_refused += 1,
                None => {}
            }
        }
        let Some(lesson) = lesson else { return };
        let previous = self.state.legacy_last.insert(lesson.to_string(), at);
        let mut row = self.new_row(Role::LegacyStep, "lesson", lesson, &step.to_string(), at);
        row.step_no = Some(step);
        row.ms = previous.map(|p| at - p);
        self.out.push(row);
    }

    fn legacy_mark(&mut self, at: i64, lesson: Option<&str>, step: Option<u32>, error: bool) {
        let (Some(lesson), Some(step)) = (lesson, step) else {
            return;
        };
        let mut row = self.new_row(Role::LegacyMark, "lesson", lesson, &step.to_string(), at);
        row.step_no = Some(step);
        if error {
            row.errors = 1;
        } else {
            row.help = 1;
        }
        self.out.push(row);
    }
}
