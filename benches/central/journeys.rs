//! Journals for the central benchmarks, generated deterministically: assisted sessions as the
//! kiosk writes them (about 20 events each: the start with segment, site and staff, screens
//! entered with their flow and step, choices by key, arrows or voice, refused input, help,
//! an operation, "now do it alone", the end with its outcome, feedback), over the last 300
//! days, on several devices; every event would pass the journal's gate.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use opora_core::journal::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment};

/// A small deterministic generator (LCG), so every run builds the same journal.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A UUIDv7 made from a time (sessions are UUIDv7, as the kiosk makes them).
fn v7(ms: i64) -> String {
    let ms = u64::try_from(ms).unwrap_or(0);
    let ts = uuid::Timestamp::from_unix(
        uuid::NoContext,
        ms / 1000,
        u32::try_from(ms % 1000).unwrap_or(0) * 1_000_000,
    );
    uuid::Uuid::new_v7(ts).to_string()
}

/// Generates at least `events` events, handing them over in batches of about `batch`.
pub fn generate(events: usize, devices: usize, batch: usize, mut sink: impl FnMut(Vec<Event>)) {
    let mut rng = Lcg(42);
    let now = Utc::now().timestamp_millis();
    let span = 300 * 86_400_000_i64;
    let mut out = Vec::with_capacity(batch + 32);
    let mut written = 0;
    let mut n = 0usize;
    while written + out.len() < events {
        let device = format!("kiosk-{}", n % devices.max(1));
        // Spread over the span by how far the generation has come.
        let done = (written + out.len()) as i64;
        let start = now - span + span * done / events.max(1) as i64 + rng.below(60_000) as i64;
        let session = v7(start);
        let mut t = start;
        let mut at = |rng: &mut Lcg, max_s: u64| {
            t += 1_000 + rng.below(max_s * 1000) as i64;
            DateTime::<Utc>::from_timestamp_millis(t).unwrap_or_default()
        };
        let add = |out: &mut Vec<Event>, when: DateTime<Utc>, payload: Payload| {
            out.push(Event::at(&device, &session, when, payload));
        };
        let client = rng.below(4) != 0;
        add(
            &mut out,
            DateTime::from_timestamp_millis(start).unwrap_or_default(),
            Payload::SessionStarted {
                staff: format!("staff-{}", rng.below(200)),
                client: client.then(|| format!("{:032x}", rng.below(400_000) * 7_919)),
                segment: rng.pick(&[
                    Segment::Senior,
                    Segment::Senior,
                    Segment::DigitalAdept,
                    Segment::Other,
                ]),
                age_band: rng.pick(&[
                    AgeBand::Under45,
                    AgeBand::From45To59,
                    AgeBand::From60To74,
                    AgeBand::From75,
                ]),
                channel: rng.pick(&[Channel::BranchKiosk, Channel::MobileBrigade]),
                site: format!("site-{}", rng.below(60)),
                variant: Some(rng.pick(&["A", "B"]).to_string()),
                goals: vec!["send".into()],
            },
        );
        let flow = rng.pick(&["send", "pay", "topup"]);
        add(
            &mut out,
            at(&mut rng, 20),
            Payload::ScreenEntered {
                screen: "home".into(),
                flow: None,
                step: None,
                steps: None,
                lesson: None,
            },
        );
        let reached = 1 + rng.below(4) as u8;
        for step in 1..=reached {
            add(
                &mut out,
                at(&mut rng, 30),
                Payload::ScreenEntered {
                    screen: format!("{flow}-{step}"),
                    flow: Some(flow.into()),
                    step: Some(step),
                    steps: Some(4),
                    lesson: None,
                },
            );
            if rng.below(5) == 0 {
                add(
                    &mut out,
                    at(&mut rng, 20),
                    Payload::InputRefused {
                        screen: format!("{flow}-{step}"),
                        field: "amount".into(),
                        reason: "too-much".into(),
                    },
                );
            }
            if rng.below(6) == 0 {
                add(
                    &mut out,
                    at(&mut rng, 20),
                    Payload::HelpOpened {
                        screen: format!("{flow}-{step}"),
                    },
                );
            }
            let by = rng.pick(&[
                InputMode::Key,
                InputMode::Key,
                InputMode::Arrows,
                InputMode::Voice,
            ]);
            if by == InputMode::Voice {
                add(
                    &mut out,
                    at(&mut rng, 5),
                    Payload::VoiceHeard {
                        screen: format!("{flow}-{step}"),
                        intent: Some("choice".into()),
                        refusal: None,
                        confidence: Some(90),
                    },
                );
            }
            add(
                &mut out,
                at(&mut rng, 20),
                Payload::ChoiceTaken {
                    screen: format!("{flow}-{step}"),
                    choice: 1,
                    by,
                },
            );
        }
        if reached == 4 {
            add(
                &mut out,
                at(&mut rng, 10),
                Payload::OperationCompleted {
                    operation: flow.into(),
                    fee_shown: Some(0),
                    amount_band: Some("under_1k".into()),
                },
            );
        }
        add(&mut out, at(&mut rng, 30), Payload::AloneStarted {});
        let outcome = rng.pick(&[
            Outcome::Alone,
            Outcome::Alone,
            Outcome::WithHelp,
            Outcome::NotYet,
            Outcome::Declined,
        ]);
        add(
            &mut out,
            at(&mut rng, 60),
            Payload::SessionEnded {
                outcome,
                fcr: Some(rng.below(3) != 0),
                complaint: None,
                computed: Some(outcome),
                override_reason: None,
            },
        );
        add(
            &mut out,
            at(&mut rng, 30),
            Payload::Feedback {
                csat: Some(1 + rng.below(5) as u8),
                ces: Some(1 + rng.below(7) as u8),
                nps: (rng.below(3) != 0).then(|| rng.below(11) as u8),
            },
        );
        n += 1;
        if out.len() >= batch {
            written += out.len();
            sink(std::mem::take(&mut out));
        }
    }
    if !out.is_empty() {
        sink(out);
    }
}
