//! Made-up but realistic journals, deterministic from a seed, for benchmarks and tests: assisted
//! sessions and anonymous self-practice sessions in which clients move through the kiosk's money
//! flows and lessons exactly as `opora_core::journal::payload` documents the journey events —
//! screens entered with their flow and «шаг k из n», choices by key, arrows or voice (with what
//! voice heard), refused input, help, going back, operations completed, lesson steps and quiz
//! answers, staff marks — and sometimes give up half-way.

use chrono::DateTime;
use opora_core::journal::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment};

/// A small deterministic generator (LCG).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A screen of a flow and its «шаг k из n» (`None`: unnumbered).
type FlowScreen = (&'static str, Option<u8>);

/// A money flow: its id and its screens.
const FLOWS: &[(&str, &[FlowScreen])] = &[
    (
        "send",
        &[
            ("send-who", Some(1)),
            ("amount-entry", Some(2)),
            ("check", Some(3)),
            ("code", Some(4)),
            ("done", None),
        ],
    ),
    (
        "pay",
        &[
            ("pay-what", Some(1)),
            ("bill-amount", Some(2)),
            ("check", Some(3)),
            ("code", Some(4)),
            ("done", None),
        ],
    ),
    (
        "topup",
        &[
            ("topup-whose", Some(1)),
            ("amount-entry", Some(2)),
            ("check", Some(3)),
            ("code", Some(4)),
            ("done", None),
        ],
    ),
    (
        "own",
        &[
            ("own-direction", Some(1)),
            ("amount-entry", Some(2)),
            ("check", Some(3)),
            ("code", Some(4)),
            ("done", None),
        ],
    ),
    ("block", &[("block-confirm", None), ("block-done", None)]),
];

const LESSONS: &[(&str, u32)] = &[("send-safely", 6), ("pay-bills", 5), ("first-steps", 4)];

/// One session's events.
struct Writer<'a> {
    rng: &'a mut Lcg,
    session: String,
    t: i64,
    events: Vec<Event>,
}

impl Writer<'_> {
    fn push(&mut self, seconds: u64, payload: Payload) {
        self.t += i64::try_from(seconds).unwrap_or(0) * 1000
            + i64::try_from(self.rng.below(900)).unwrap_or(0);
        let at = DateTime::from_timestamp_millis(self.t).unwrap_or_default();
        self.events
            .push(Event::at("sample", &self.session, at, payload));
    }

    fn by(&mut self) -> InputMode {
        match self.rng.below(10) {
            0 | 1 => InputMode::Voice,
            2 => InputMode::Arrows,
            _ => InputMode::Key,
        }
    }

    /// A screen and what the client does on it; false when they give up there.
    fn screen(
        &mut self,
        screen: &str,
        flow: Option<&str>,
        step: Option<u8>,
        lesson: Option<&str>,
    ) -> bool {
        let pause = 2 + self.rng.below(20);
        self.push(
            pause,
            Payload::ScreenEntered {
                screen: screen.into(),
                flow: flow.map(str::to_string),
                step,
                steps: step.map(|_| 4),
                lesson: lesson.map(str::to_string),
            },
        );
        if self.rng.chance(8) {
            let secs = 3 + self.rng.below(10);
            self.push(
                secs,
                Payload::HelpOpened {
                    screen: screen.into(),
                },
            );
        }
        if matches!(screen, "amount-entry" | "code") && self.rng.chance(20) {
            let reason = if screen == "code" {
                "wrong-code"
            } else {
                "too-much"
            };
            let secs = 4 + self.rng.below(15);
            self.push(
                secs,
                Payload::InputRefused {
                    screen: screen.into(),
                    field: screen.trim_end_matches("-entry").into(),
                    reason: reason.into(),
                },
            );
        }
        if self.rng.chance(5) {
            let what = ["repeat", "slower", "bigger"][self.rng.below(3) as usize];
            self.push(
                2,
                Payload::Adjusted {
                    screen: screen.into(),
                    what: what.into(),
                },
            );
        }
        if self.rng.chance(6) {
            let cancel = self.rng.chance(30);
            self.push(
                1,
                Payload::WentBack {
                    screen: screen.into(),
                    cancel,
                },
            );
            return false;
        }
        let by = self.by();
        if by == InputMode::Voice {
            let understood = self.rng.chance(85);
            let confidence = Some(60 + self.rng.below(40) as u8);
            self.push(
                2,
                Payload::VoiceHeard {
                    screen: screen.into(),
                    intent: understood.then(|| "choice".to_string()),
                    refusal: (!understood).then(|| "not-understood".to_string()),
                    confidence,
                },
            );
        }
        let secs = 3 + self.rng.below(25);
        let choice = 1 + self.rng.below(4) as u8;
        self.push(
            secs,
            Payload::ChoiceTaken {
                screen: screen.into(),
                choice,
                by,
            },
        );
        true
    }

    fn flow(&mut self) {
        let (flow, screens) = FLOWS[self.rng.below(FLOWS.len() as u64) as usize];
        for (i, (screen, step)) in screens.iter().enumerate() {
            if !self.screen(screen, Some(flow), *step, None) {
                return;
            }
            if i + 1 == screens.len() {
                self.push(
                    1,
                    Payload::OperationCompleted {
                        operation: flow.into(),
                        fee_shown: Some(0),
                        amount_band: Some("under_1k".into()),
                    },
                );
            }
        }
        self.screen("home", None, None, None);
    }

    fn lesson(&mut self) {
        let (lesson, steps) = LESSONS[self.rng.below(LESSONS.len() as u64) as usize];
        self.push(
            2,
            Payload::LessonStarted {
                lesson: lesson.into(),
            },
        );
        for step in 1..=steps {
            if step > 1 {
                self.push(
                    1,
                    Payload::LessonStepStarted {
                        lesson: lesson.into(),
                        step,
                    },
                );
            }
            if !self.screen("lesson", None, None, Some(lesson)) {
                return;
            }
            if step % 3 == 0 {
                let right = self.rng.chance(80);
                self.push(
                    5,
                    Payload::QuizAnswered {
                        lesson: lesson.into(),
                        step,
                        right,
                    },
                );
            }
            self.push(
                2,
                Payload::LessonStepFinished {
                    lesson: lesson.into(),
                    step,
                    step_id: format!("s{step}"),
                    skipped: false,
                },
            );
        }
        self.push(
            1,
            Payload::LessonCompleted {
                lesson: lesson.into(),
            },
        );
    }
}

/// One session: assisted (about four in five, with set-up, practice, "now do it alone" and
/// feedback) or anonymous self-practice; `tasks` flows or lessons; starting at `start_ms`.
pub fn session(rng: &mut Lcg, id: &str, start_ms: i64, tasks: u32) -> Vec<Event> {
    let mut w = Writer {
        rng,
        session: id.to_string(),
        t: start_ms,
        events: Vec::new(),
    };
    let assisted = w.rng.chance(80);
    if assisted {
        let segments = [
            Segment::Senior,
            Segment::Senior,
            Segment::DigitalAdept,
            Segment::Other,
        ];
        let bands = [
            AgeBand::Under45,
            AgeBand::From45To59,
            AgeBand::From60To74,
            AgeBand::From75,
        ];
        let channels = [
            Channel::BranchKiosk,
            Channel::MobileBrigade,
            Channel::SelfPractice,
        ];
        let payload = Payload::SessionStarted {
            staff: format!("staff-{}", w.rng.below(40)),
            client: w
                .rng
                .chance(90)
                .then(|| format!("{:032x}", 0x5eed_0000 + w.rng.below(3_000))),
            segment: segments[w.rng.below(4) as usize],
            age_band: bands[w.rng.below(4) as usize],
            channel: channels[w.rng.below(3) as usize],
            site: format!("site-{}", w.rng.below(12)),
            variant: Some(["A", "B"][w.rng.below(2) as usize].into()),
            goals: vec![["send-safely", "pay-bills", "transfer"][w.rng.below(3) as usize].into()],
        };
        w.push(0, payload);
    } else {
        let payload = Payload::PracticeStarted {
            site: format!("site-{}", w.rng.below(12)),
            variant: None,
        };
        w.push(0, payload);
    }
    w.screen("home", None, None, None);
    for task in 0..tasks {
        if assisted && task + 2 == tasks {
            w.push(5, Payload::AloneStarted {});
        }
        if w.rng.chance(30) {
            w.lesson();
        } else {
            w.flow();
        }
        if assisted && w.rng.chance(4) {
            let mark = ["asked-aloud", "touched-keyboard"][w.rng.below(2) as usize];
            w.push(3, Payload::StaffMarked { mark: mark.into() });
        }
    }
    if assisted {
        let csat = w.rng.chance(80).then(|| 1 + w.rng.below(5) as u8);
        let ces = w.rng.chance(70).then(|| 1 + w.rng.below(7) as u8);
        let nps = w.rng.chance(70).then(|| w.rng.below(11) as u8);
        w.push(20, Payload::Feedback { csat, ces, nps });
        let outcomes = [
            Outcome::Alone,
            Outcome::Alone,
            Outcome::WithHelp,
            Outcome::NotYet,
            Outcome::Declined,
        ];
        let outcome = outcomes[w.rng.below(5) as usize];
        let overridden = w.rng.chance(5);
        let payload = Payload::SessionEnded {
            outcome,
            fcr: Some(w.rng.chance(70)),
            complaint: None,
            computed: Some(if overridden {
                Outcome::WithHelp
            } else {
                outcome
            }),
            override_reason: overridden.then(|| "help-not-seen".to_string()),
        };
        w.push(10, payload);
    } else {
        w.push(30, Payload::PracticeEnded {});
    }
    w.events
}

/// About `events` events in sessions of `tasks` tasks each, from 2025-01-01, in batches handed
/// to `sink` (so a million events never sit in memory at once).
pub fn journal(
    seed: u64,
    events: usize,
    tasks: u32,
    mut sink: impl FnMut(&[Event]) -> Result<(), String>,
) -> Result<usize, String> {
    let mut rng = Lcg(seed);
    let start = 1_735_689_600_000_i64;
    let mut written = 0;
    let mut batch: Vec<Event> = Vec::new();
    let mut n = 0u64;
    while written + batch.len() < events {
        n += 1;
        let at = start + i64::try_from(n).unwrap_or(0) * 1_800_000;
        let id = format!("sample-{n:06}");
        let spread = u32::try_from(rng.below(u64::from(tasks))).unwrap_or(0);
        batch.extend(session(&mut rng, &id, at, tasks / 2 + spread));
        if batch.len() >= 20_000 {
            sink(&batch)?;
            written += batch.len();
            batch.clear();
        }
    }
    if !batch.is_empty() {
        sink(&batch)?;
        written += batch.len();
    }
    Ok(written)
}
