//! The client at the kiosk inside the session: practice with the staff line's hints, then "now
//! do it alone" with the hints off, on a fresh practice bank. The kiosk writes the journey
//! itself; the session passes it to the journal and watches it ([`Watch`]) for the goals
//! reached, help opened and staff marks, which decide the observed outcome. The staff key opens
//! a menu of staff-only actions over the client's screen.

use super::choices::{Pick, StaffAction};
use super::{Assist, AssistEffect, Stage};
use crate::input::Key;
use crate::journal::{AgeBand, Channel, Outcome, Payload, Segment};
use crate::kiosk;
use std::collections::BTreeSet;

/// What the client did that the outcome is decided on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Watch {
    /// Goal keys reached: an operation done (`transfer`, `pay`…), a screen found (`balance`,
    /// `history`), a lesson completed (its id).
    pub reached: BTreeSet<String>,
    /// Help opened on a screen (`?`, «помощь», calling staff).
    pub help: u32,
    /// Staff marked that they helped.
    pub marks: u32,
}

impl Watch {
    pub fn observe(&mut self, payload: &Payload) {
        match payload {
            Payload::ScreenEntered { screen, .. } if screen == "balance" || screen == "history" => {
                self.reached.insert(screen.clone());
            }
            Payload::OperationCompleted { operation, .. } => {
                self.reached.insert(operation.clone());
            }
            Payload::LessonCompleted { lesson } => {
                self.reached.insert(lesson.clone());
            }
            Payload::HelpOpened { .. } => self.help += 1,
            Payload::StaffMarked { .. } => self.marks += 1,
            _ => {}
        }
    }

    /// Every goal reached with no help and no mark: alone; reached with help: with help;
    /// not reached: not yet.
    pub fn outcome<'a>(&self, goals: impl IntoIterator<Item = &'a str>) -> Outcome {
        if !goals.into_iter().all(|g| self.reached.contains(g)) {
            Outcome::NotYet
        } else if self.help == 0 && self.marks == 0 {
            Outcome::Alone
        } else {
            Outcome::WithHelp
        }
    }
}

impl Assist {
    /// Consent given, goals chosen: the session starts in the journal, the client's own
    /// practice bank and progress are made ready, and the kiosk takes the screen.
    pub(super) fn begin_practice(&mut self) -> Vec<AssistEffect> {
        let goals = self.goal_keys();
        let mut effects = vec![
            AssistEffect::Record(Payload::SessionStarted {
                staff: self.staff.clone(),
                client: self.client.clone(),
                segment: self.segment.unwrap_or(Segment::Other),
                age_band: self.age_band.unwrap_or(AgeBand::From60To74),
                channel: self.channel.unwrap_or(Channel::BranchKiosk),
                site: self.site.clone(),
                variant: self.variant.clone(),
                goals,
            }),
            AssistEffect::ClientProfile(self.client.clone()),
            AssistEffect::ResetBank,
        ];
        effects.extend(self.go(Stage::Practice));
        let start = std::mem::take(&mut self.kiosk_start);
        effects.extend(self.take_kiosk_effects(start));
        effects
    }

    fn goal_keys(&self) -> Vec<String> {
        self.goals
            .iter()
            .filter_map(|&i| self.catalogue.get(i))
            .map(|g| g.key.clone())
            .collect()
    }

    /// The kiosk's effects, as the session's: its journey to the journal (and the watch), its
    /// bank work to the edge, what is the face's to the face. The client cannot quit the
    /// session from the kiosk's home screen.
    pub(super) fn take_kiosk_effects(&mut self, effects: Vec<kiosk::Effect>) -> Vec<AssistEffect> {
        effects
            .into_iter()
            .filter_map(|effect| match effect {
                kiosk::Effect::Record(payload) => {
                    self.observe(&payload);
                    Some(AssistEffect::Record(payload))
                }
                kiosk::Effect::Quit => None,
                other => Some(match other.face_request() {
                    Some(request) => AssistEffect::Face(request),
                    None => AssistEffect::Kiosk(other),
                }),
            })
            .collect()
    }

    fn observe(&mut self, payload: &Payload) {
        self.practice_watch.observe(payload);
        if let Some(watch) = &mut self.alone_watch {
            watch.observe(payload);
        }
    }

    /// Keys while the client is at the kiosk: the staff key opens the staff menu, the rest is
    /// the client's.
    pub(super) fn practice_key(&mut self, key: Key) -> Vec<AssistEffect> {
        if let Some(focus) = self.staff_menu {
            return match key {
                Key::Staff | Key::Esc => self.staff_action(StaffAction::Close),
                Key::Up => {
                    self.staff_menu = Some(focus.saturating_sub(1));
                    Vec::new()
                }
                Key::Down => {
                    let last = self.staff_choices().len().saturating_sub(1);
                    self.staff_menu = Some((focus + 1).min(last));
                    Vec::new()
                }
                Key::Enter => self.staff_pick(focus),
                Key::Digit(d) => self.staff_pick(usize::from(d).wrapping_sub(1)),
                Key::Number(n) => self.staff_pick(usize::try_from(n).unwrap_or(0).wrapping_sub(1)),
                _ => Vec::new(),
            };
        }
        if key == Key::Staff {
            self.staff_menu = Some(0);
            return Vec::new();
        }
        let effects = self.kiosk.update(kiosk::Msg::Key(key));
        self.take_kiosk_effects(effects)
    }

    fn staff_pick(&mut self, index: usize) -> Vec<AssistEffect> {
        match self.staff_choices().get(index) {
            Some((_, Pick::Staff(action))) => self.staff_action(*action),
            _ => Vec::new(),
        }
    }

    pub(super) fn staff_action(&mut self, action: StaffAction) -> Vec<AssistEffect> {
        self.staff_menu = None;
        match action {
            StaffAction::Mark(mark) => {
                let payload = Payload::StaffMarked {
                    mark: mark.to_string(),
                };
                self.observe(&payload);
                self.notice = Some(super::Notice::Done("assist-staff-marked"));
                vec![AssistEffect::Record(payload)]
            }
            StaffAction::StartAlone => self.start_alone(),
            StaffAction::EndCheck | StaffAction::EndSession => self.end_check(),
            StaffAction::UnblockCard => vec![AssistEffect::UnblockCard],
            StaffAction::Close => Vec::new(),
        }
    }

    /// "Now do it alone": hints off, a fresh practice bank, the kiosk from its home screen,
    /// and a new watch.
    fn start_alone(&mut self) -> Vec<AssistEffect> {
        self.stage = Stage::Alone;
        self.notice = None;
        self.alone_watch = Some(Watch::default());
        self.kiosk.set_show_staff(false);
        self.kiosk.restart();
        let mut effects = vec![
            AssistEffect::Record(Payload::AloneStarted {}),
            AssistEffect::ResetBank,
        ];
        let fresh = vec![kiosk::Effect::LoadProgress];
        effects.extend(self.take_kiosk_effects(fresh));
        effects
    }

    /// The check ends: the observed outcome, for staff to confirm or change. A client who never
    /// tried alone has not done it yet.
    fn end_check(&mut self) -> Vec<AssistEffect> {
        let goals = self.goal_keys();
        self.computed = Some(match &self.alone_watch {
            Some(watch) => watch.outcome(goals.iter().map(String::as_str)),
            None => Outcome::NotYet,
        });
        self.kiosk.set_show_staff(true);
        self.go(Stage::Outcome)
    }

    /// What the watch of "now do it alone" (or of practice, before it) has seen.
    pub fn watch(&self) -> &Watch {
        self.alone_watch.as_ref().unwrap_or(&self.practice_watch)
    }

    /// The goals, each with whether it was reached in the current phase.
    pub fn goal_status(&self) -> Vec<(usize, bool)> {
        let watch = self.watch();
        self.goals
            .iter()
            .filter_map(|&i| {
                let goal = self.catalogue.get(i)?;
                Some((i, watch.reached.contains(&goal.key)))
            })
            .collect()
    }

    /// The kiosk inside the session, as it stands.
    pub fn kiosk(&self) -> &kiosk::App {
        &self.kiosk
    }
}
