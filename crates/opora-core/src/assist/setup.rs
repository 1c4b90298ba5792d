//! The session's typed answers (staff id, the client's reference, the site, the three scores)
//! and moving between stages: what is recorded when, and the refusal of consent.

use super::{Assist, AssistEffect, Mode, Notice, Stage};
use crate::input::Key;
use crate::journal::{Channel, ClientRef, Payload};

/// The longest text a field takes.
const FIELD_MAX: usize = 64;

impl Assist {
    pub fn has_field(&self) -> bool {
        matches!(
            self.stage,
            Stage::Staff
                | Stage::ClientId { .. }
                | Stage::Site
                | Stage::Csat
                | Stage::Ces
                | Stage::Nps
        )
    }

    /// Typing into a field. Keys that mean something else on choice screens are letters here;
    /// keys that only change speech or size mean nothing in a staff-led field.
    pub(super) fn field_key(&mut self, key: Key) -> Vec<AssistEffect> {
        let typed = match key {
            Key::Digit(d) => Some(char::from(b'0' + d.min(9))),
            Key::Char(c) if !c.is_control() => Some(c),
            Key::Repeat => Some('r'),
            Key::Smaller => Some('-'),
            Key::Number(n) => {
                self.text = n.to_string();
                return self.submit();
            }
            Key::Backspace => {
                self.text.pop();
                None
            }
            Key::Enter => return self.submit(),
            _ => None,
        };
        if let Some(c) = typed
            && self.text.chars().count() < FIELD_MAX
        {
            self.text.push(c);
        }
        Vec::new()
    }

    pub(super) fn go(&mut self, stage: Stage) -> Vec<AssistEffect> {
        self.stage = stage;
        self.text.clear();
        self.notice = None;
        self.focus = 0;
        if self.recording() {
            vec![AssistEffect::Record(Payload::ScreenShown {
                screen: super::stage_id(stage).to_string(),
            })]
        } else {
            Vec::new()
        }
    }

    /// Whether consent was given and the session's own screens are recorded (the kiosk records
    /// its screens itself).
    fn recording(&self) -> bool {
        self.mode == Mode::Session
            && matches!(
                self.stage,
                Stage::Goals { .. }
                    | Stage::Outcome
                    | Stage::ChangeOutcome
                    | Stage::OverrideReason { .. }
                    | Stage::Fcr
                    | Stage::Csat
                    | Stage::Ces
                    | Stage::Nps
                    | Stage::Complaint
            )
    }

    fn error(&mut self, id: &'static str) -> Vec<AssistEffect> {
        self.notice = Some(Notice::Error(id));
        Vec::new()
    }

    /// No consent: only the refusal is counted, and who the client was is forgotten.
    pub(super) fn refused(&mut self) -> Vec<AssistEffect> {
        let refusal = Payload::ConsentRefused {
            channel: self.channel.unwrap_or(Channel::BranchKiosk),
            site: self.site.clone(),
        };
        self.client = None;
        self.progress = None;
        let mut effects = vec![AssistEffect::Record(refusal)];
        effects.extend(self.go(Stage::Refused));
        effects
    }

    fn submit(&mut self) -> Vec<AssistEffect> {
        let text = self.text.trim().to_string();
        match self.stage {
            Stage::Staff => {
                if let Some(id) = label_problem(&text, "assist-error-staff") {
                    self.text.clear();
                    return self.error(id);
                }
                self.staff = text;
                self.go(Stage::ClientKind)
            }
            Stage::ClientId { phone } => {
                let parsed = if phone {
                    ClientRef::phone(&text)
                } else {
                    ClientRef::bank_id(&text)
                };
                // The raw reference goes no further than this function.
                self.text.clear();
                match parsed {
                    Err(e) => {
                        self.notice = Some(Notice::ClientRef(e));
                        Vec::new()
                    }
                    Ok(reference) => {
                        let pseudonym = reference.pseudonym(&self.key);
                        self.client = Some(pseudonym.clone());
                        let mut effects = vec![AssistEffect::LookUpProgress(pseudonym)];
                        effects.extend(self.go(match self.mode {
                            Mode::Session => Stage::Segment,
                            Mode::FollowUp => Stage::FollowUpAnswer,
                        }));
                        effects
                    }
                }
            }
            Stage::Site => {
                if let Some(id) = label_problem(&text, "assist-error-site") {
                    self.text.clear();
                    return self.error(id);
                }
                self.site = text;
                self.go(Stage::Consent)
            }
            Stage::Csat | Stage::Ces | Stage::Nps => self.score(&text),
            _ => Vec::new(),
        }
    }

    fn score(&mut self, text: &str) -> Vec<AssistEffect> {
        let (index, range, next, error) = match self.stage {
            Stage::Csat => (0, 1..=5, Stage::Ces, "assist-error-csat"),
            Stage::Ces => (1, 1..=7, Stage::Nps, "assist-error-ces"),
            _ => (2, 0..=10, Stage::Complaint, "assist-error-nps"),
        };
        if text.is_empty() || text == "-" {
            self.scores[index] = None;
            return self.go(next);
        }
        match text.parse::<u8>() {
            Ok(score) if range.contains(&score) => {
                self.scores[index] = Some(score);
                self.go(next)
            }
            _ => {
                self.text.clear();
                self.error(error)
            }
        }
    }

    /// The end: feedback and the session's end in the journal, and the reminder of the lessons
    /// practised.
    pub(super) fn end_session(&mut self, complaint: &str) -> Vec<AssistEffect> {
        let [csat, ces, nps] = self.scores;
        let mut effects = vec![
            AssistEffect::Record(Payload::Feedback { csat, ces, nps }),
            AssistEffect::Record(Payload::SessionEnded {
                outcome: self.outcome.unwrap_or(crate::journal::Outcome::NotYet),
                fcr: self.fcr,
                complaint: (complaint != "none").then(|| complaint.to_string()),
                computed: self.computed,
                override_reason: self.override_reason.map(str::to_string),
            }),
        ];
        effects.extend(self.go(Stage::Done));
        let lessons: Vec<String> = self
            .goals
            .iter()
            .filter_map(|&i| self.catalogue.get(i))
            .filter(|g| g.is_lesson())
            .map(|g| g.key.clone())
            .collect();
        if !lessons.is_empty() {
            effects.push(AssistEffect::WriteReminder(lessons));
        }
        effects
    }
}

/// Staff ids and site names go into the journal: the journal's own rule for them
/// (`journal::validate`), so nothing typed here is refused later. `None` when the text is fine,
/// else the message saying why (`pattern` when it is the characters or the length). What was
/// typed is cleared by the caller: it may be a phone number or a name.
fn label_problem(text: &str, pattern: &'static str) -> Option<&'static str> {
    use crate::journal::validate::{Reason, TextRule};
    match crate::journal::validate::text(text, TextRule::Label) {
        Ok(()) => None,
        Err(Reason::Text(_)) => Some(pattern),
        Err(reason) => Some(reason.message_id()),
    }
}
