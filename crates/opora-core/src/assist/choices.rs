//! The numbered choices of the session's own stages, each written once with its label and what
//! it does ([`Pick`]): the view shows the labels, and choosing number `n` does the `n`-th pick,
//! so the two can never drift apart.

use super::{Assist, AssistEffect, Mode, Notice, Stage};
use crate::input::Key;
use crate::journal::payload::{OVERRIDE_REASONS, STAFF_MARKS};
use crate::journal::{AgeBand, Channel, Outcome, Payload, Segment};

pub use crate::journal::payload::COMPLAINTS;

/// Goals per page of the goals screen (choices 1–4; 5 = more, 6 = done).
pub const GOALS_PER_PAGE: usize = 4;

/// How a choice is labelled: a message id, or text made here (a goal with its mark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    Id(&'static str),
    /// A goal of the catalogue, marked when chosen.
    Goal {
        index: usize,
        chosen: bool,
    },
    Text(&'static str),
    /// An empty place that keeps the numbers of the choices after it.
    Gap,
}

/// What a choice does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    ClientById,
    ClientByPhone,
    Anonymous,
    Segment(Segment),
    AgeBand(AgeBand),
    Channel(Channel),
    Consent(bool),
    NextClient,
    Finish,
    ToggleGoal(usize),
    MoreGoals,
    StartPractice,
    ConfirmOutcome,
    ChangeOutcome,
    Outcome(Outcome),
    Reason(&'static str),
    Fcr(Option<bool>),
    Complaint(&'static str),
    UsedAlone(bool),
    Staff(StaffAction),
    Nothing,
}

/// What staff can do behind the staff key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAction {
    /// Mark that staff helped (`asked-aloud`, `touched-keyboard`).
    Mark(&'static str),
    /// Practice → "now do it alone".
    StartAlone,
    /// "Now do it alone" → the observed outcome.
    EndCheck,
    UnblockCard,
    /// Straight to the outcome (the client will not try alone now).
    EndSession,
    Close,
}

/// The outcomes staff may record, in the order offered.
pub const OUTCOMES: [Outcome; 4] = [
    Outcome::Alone,
    Outcome::WithHelp,
    Outcome::NotYet,
    Outcome::Declined,
];

impl Assist {
    /// The current stage's choices, in the order of their numbers.
    pub fn choices(&self) -> Vec<(Label, Pick)> {
        use Label::Id;
        if let Some(_focus) = self.staff_menu {
            return self.staff_choices();
        }
        match self.stage {
            Stage::ClientKind => {
                let mut out = vec![
                    (Id("assist-client-by-id"), Pick::ClientById),
                    (Id("assist-client-by-phone"), Pick::ClientByPhone),
                ];
                if self.mode == Mode::Session {
                    out.push((Id("assist-client-anonymous"), Pick::Anonymous));
                }
                out
            }
            Stage::Segment => vec![
                (Id("assist-segment-senior"), Pick::Segment(Segment::Senior)),
                (
                    Id("assist-segment-digital-adept"),
                    Pick::Segment(Segment::DigitalAdept),
                ),
                (Id("assist-segment-other"), Pick::Segment(Segment::Other)),
            ],
            Stage::AgeBand => vec![
                (Label::Text("<45"), Pick::AgeBand(AgeBand::Under45)),
                (Label::Text("45–59"), Pick::AgeBand(AgeBand::From45To59)),
                (Label::Text("60–74"), Pick::AgeBand(AgeBand::From60To74)),
                (Label::Text("75+"), Pick::AgeBand(AgeBand::From75)),
            ],
            Stage::Channel => vec![
                (
                    Id("assist-channel-branch-kiosk"),
                    Pick::Channel(Channel::BranchKiosk),
                ),
                (
                    Id("assist-channel-mobile-brigade"),
                    Pick::Channel(Channel::MobileBrigade),
                ),
                (
                    Id("assist-channel-self-practice"),
                    Pick::Channel(Channel::SelfPractice),
                ),
            ],
            Stage::Consent => vec![
                (Id("assist-consent-yes"), Pick::Consent(true)),
                (Id("assist-consent-no"), Pick::Consent(false)),
            ],
            Stage::Refused | Stage::Done | Stage::FollowUpDone => vec![
                (Id("assist-next-client"), Pick::NextClient),
                (Id("assist-finish"), Pick::Finish),
            ],
            Stage::Goals { page } => self.goal_choices(page),
            Stage::Outcome => vec![
                (Id("assist-outcome-confirm"), Pick::ConfirmOutcome),
                (Id("assist-outcome-change"), Pick::ChangeOutcome),
            ],
            Stage::ChangeOutcome => OUTCOMES
                .iter()
                .map(|o| (Id(outcome_id(*o)), Pick::Outcome(*o)))
                .collect(),
            Stage::OverrideReason { .. } => OVERRIDE_REASONS
                .iter()
                .map(|r| (Id(reason_id(r)), Pick::Reason(r)))
                .collect(),
            Stage::Fcr => vec![
                (Id("assist-yes"), Pick::Fcr(Some(true))),
                (Id("assist-no"), Pick::Fcr(Some(false))),
                (Id("assist-skip"), Pick::Fcr(None)),
            ],
            Stage::Complaint => COMPLAINTS
                .iter()
                .map(|c| (Id(complaint_id(c)), Pick::Complaint(c)))
                .collect(),
            Stage::FollowUpAnswer => vec![
                (Id("assist-yes"), Pick::UsedAlone(true)),
                (Id("assist-no"), Pick::UsedAlone(false)),
            ],
            Stage::Staff
            | Stage::ClientId { .. }
            | Stage::Site
            | Stage::Practice
            | Stage::Alone
            | Stage::Csat
            | Stage::Ces
            | Stage::Nps => Vec::new(),
        }
    }

    /// The staff menu: marks, the next phase, unblocking the card, ending, back to the client.
    pub(super) fn staff_choices(&self) -> Vec<(Label, Pick)> {
        let phase = if self.stage == Stage::Alone {
            (Label::Id("assist-staff-end-check"), StaffAction::EndCheck)
        } else {
            (
                Label::Id("assist-staff-start-alone"),
                StaffAction::StartAlone,
            )
        };
        vec![
            (
                Label::Id("assist-staff-mark-asked-aloud"),
                Pick::Staff(StaffAction::Mark(STAFF_MARKS[0])),
            ),
            (
                Label::Id("assist-staff-mark-touched-keyboard"),
                Pick::Staff(StaffAction::Mark(STAFF_MARKS[1])),
            ),
            (phase.0, Pick::Staff(phase.1)),
            (
                Label::Id("assist-staff-unblock-card"),
                Pick::Staff(StaffAction::UnblockCard),
            ),
            (
                Label::Id("assist-staff-end-session"),
                Pick::Staff(StaffAction::EndSession),
            ),
            (
                Label::Id("assist-staff-close"),
                Pick::Staff(StaffAction::Close),
            ),
        ]
    }

    fn goal_choices(&self, page: usize) -> Vec<(Label, Pick)> {
        let start = page * GOALS_PER_PAGE;
        let mut out: Vec<(Label, Pick)> = (start..start + GOALS_PER_PAGE)
            .map(|index| match self.catalogue.get(index) {
                Some(_) => (
                    Label::Goal {
                        index,
                        chosen: self.goals.contains(&index),
                    },
                    Pick::ToggleGoal(index),
                ),
                None => (Label::Gap, Pick::Nothing),
            })
            .collect();
        let pages = self.catalogue.len().div_ceil(GOALS_PER_PAGE);
        out.push(if pages > 1 {
            (Label::Id("assist-goals-more"), Pick::MoreGoals)
        } else {
            (Label::Gap, Pick::Nothing)
        });
        out.push((Label::Id("assist-goals-done"), Pick::StartPractice));
        out
    }

    /// Digits choose; arrows move the highlight and Enter takes it, as in the kiosk.
    pub(super) fn choice_key(&mut self, key: Key) -> Vec<AssistEffect> {
        let count = self.choices().len();
        match key {
            Key::Digit(d) => self.choose(u32::from(d)),
            Key::Number(n) => self.choose(n),
            Key::Up => {
                self.focus = self.focus.saturating_sub(1);
                Vec::new()
            }
            Key::Down => {
                if self.focus + 1 < count {
                    self.focus += 1;
                }
                Vec::new()
            }
            Key::Enter => self.choose(u32::try_from(self.focus + 1).unwrap_or(u32::MAX)),
            _ => Vec::new(),
        }
    }

    fn choose(&mut self, n: u32) -> Vec<AssistEffect> {
        let picked = usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.choices().get(i).map(|(_, pick)| *pick));
        match picked {
            Some(pick) => self.pick(pick),
            None => Vec::new(),
        }
    }

    fn pick(&mut self, pick: Pick) -> Vec<AssistEffect> {
        match pick {
            Pick::ClientById => self.go(Stage::ClientId { phone: false }),
            Pick::ClientByPhone => self.go(Stage::ClientId { phone: true }),
            Pick::Anonymous => {
                self.client = None;
                self.progress = None;
                self.go(Stage::Segment)
            }
            Pick::Segment(segment) => {
                self.segment = Some(segment);
                self.go(Stage::AgeBand)
            }
            Pick::AgeBand(band) => {
                self.age_band = Some(band);
                self.go(Stage::Channel)
            }
            Pick::Channel(channel) => {
                self.channel = Some(channel);
                self.go(Stage::Site)
            }
            Pick::Consent(true) => self.go(Stage::Goals { page: 0 }),
            Pick::Consent(false) => self.refused(),
            Pick::NextClient => self.restart(),
            Pick::Finish => {
                self.quitting = true;
                vec![AssistEffect::Quit]
            }
            Pick::ToggleGoal(index) => {
                if let Some(at) = self.goals.iter().position(|g| *g == index) {
                    self.goals.remove(at);
                } else {
                    self.goals.push(index);
                }
                self.notice = None;
                Vec::new()
            }
            Pick::MoreGoals => {
                if let Stage::Goals { page } = self.stage {
                    let pages = self.catalogue.len().div_ceil(GOALS_PER_PAGE).max(1);
                    self.stage = Stage::Goals {
                        page: (page + 1) % pages,
                    };
                }
                Vec::new()
            }
            Pick::StartPractice if self.goals.is_empty() => {
                self.notice = Some(Notice::Error("assist-error-no-goal"));
                Vec::new()
            }
            Pick::StartPractice => self.begin_practice(),
            Pick::ConfirmOutcome => {
                self.outcome = self.computed;
                self.override_reason = None;
                self.go(Stage::Fcr)
            }
            Pick::ChangeOutcome => self.go(Stage::ChangeOutcome),
            Pick::Outcome(outcome) if Some(outcome) == self.computed => {
                self.outcome = Some(outcome);
                self.override_reason = None;
                self.go(Stage::Fcr)
            }
            Pick::Outcome(outcome) => self.go(Stage::OverrideReason { outcome }),
            Pick::Reason(reason) => {
                if let Stage::OverrideReason { outcome } = self.stage {
                    self.outcome = Some(outcome);
                    self.override_reason = Some(reason);
                }
                self.go(Stage::Fcr)
            }
            Pick::Fcr(fcr) => {
                self.fcr = fcr;
                self.go(Stage::Csat)
            }
            Pick::Complaint(category) => self.end_session(category),
            Pick::UsedAlone(used_alone) => {
                let Some(client) = self.client.clone() else {
                    return Vec::new();
                };
                let mut effects = vec![AssistEffect::Record(Payload::FollowUp {
                    client,
                    used_alone,
                })];
                effects.extend(self.go(Stage::FollowUpDone));
                effects
            }
            Pick::Staff(action) => self.staff_action(action),
            Pick::Nothing => Vec::new(),
        }
    }
}

pub fn outcome_id(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Alone => "assist-outcome-alone",
        Outcome::WithHelp => "assist-outcome-with-help",
        Outcome::NotYet => "assist-outcome-not-yet",
        Outcome::Declined => "assist-outcome-declined",
    }
}

fn reason_id(reason: &str) -> &'static str {
    match reason {
        "done-outside-opora" => "assist-reason-done-outside-opora",
        "help-not-seen" => "assist-reason-help-not-seen",
        "client-declined" => "assist-reason-client-declined",
        "technical-problem" => "assist-reason-technical-problem",
        _ => "assist-reason-other",
    }
}

fn complaint_id(category: &str) -> &'static str {
    match category {
        "none" => "assist-complaint-none",
        "hard-to-use" => "assist-complaint-hard-to-use",
        "staff" => "assist-complaint-staff",
        "fees" => "assist-complaint-fees",
        "security" => "assist-complaint-security",
        _ => "assist-complaint-other",
    }
}
