//! Where an utterance begins and ends: speech is louder than the room. The endpointer takes the
//! quietest moment heard so far as the room's level (creeping up slowly, in case the room gets
//! louder), says speech has started after a few frames well above it, and that it has ended
//! after a pause long enough not to be a breath between words — or the pause an older speaker
//! takes to find the next word: the pause is a setting (`--voice-pause`), and its default was
//! measured (see [`DEFAULT_PAUSE`]).

use std::time::Duration;

/// One frame is 20 ms.
const FRAME_MS: u32 = 20;
/// Frames in a row that start an utterance (60 ms).
const START_FRAMES: usize = 3;
/// Quiet after speech that ends the utterance, unless set otherwise. Measured by
/// `cargo bench --bench voice` on twelve Russian phrases spoken by espeak-ng with pauses of
/// 0.2–1.0 s inserted between their words, as older speakers make them: 500 ms cut 10 of them
/// in two, 700 ms (the old default) 6, 900 ms 5; 1100 ms is the shortest that cut none. The
/// price is 0.4 s more to wait after the last word.
pub const DEFAULT_PAUSE: Duration = Duration::from_millis(1100);
/// The pauses a bank may set, in milliseconds.
pub const PAUSE_RANGE_MS: std::ops::RangeInclusive<u64> = 300..=3000;
/// How much louder than the room speech is, in decibels.
const ABOVE_NOISE_DB: f64 = 12.0;
/// How fast the room's level may rise when nothing quieter comes (dB per frame: 2.5 dB/s).
const CREEP_DB: f64 = 0.05;
/// Frames before the start that belong to the utterance (300 ms): the onset of a word is
/// quieter than its middle.
const PRE_ROLL_FRAMES: usize = 15;
/// Speech is never quieter than this, whatever the room (dB below full scale).
const FLOOR_DB: f64 = -48.0;

/// The pause set on the command line, or in `OPORA_VOICE_PAUSE_MS`; outside the range it is
/// not used (the default is).
pub fn pause_setting(flag: Option<u64>) -> Option<Duration> {
    let env = || {
        std::env::var("OPORA_VOICE_PAUSE_MS")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    flag.or_else(env)
        .filter(|ms| PAUSE_RANGE_MS.contains(ms))
        .map(Duration::from_millis)
}

/// What the endpointer makes of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Still waiting for speech.
    Waiting,
    /// Speech started in this frame (the frames just before belong to it too).
    Started,
    /// Within the utterance.
    Speaking,
    /// The pause after speech was long enough: the utterance is over.
    Ended,
}

pub struct Endpointer {
    frame: usize,
    /// The room's level in dB: the quietest frame so far, creeping up.
    room_db: f64,
    loud_in_a_row: usize,
    quiet_in_a_row: usize,
    end_frames: usize,
    started: bool,
    /// Frames judged so far.
    judged: usize,
    /// The first and the last loud frame of the utterance, by number.
    voiced: Option<(usize, usize)>,
}

impl Endpointer {
    /// An endpointer with the default pause.
    pub fn new(rate: u32) -> Endpointer {
        Endpointer::with_pause(rate, DEFAULT_PAUSE)
    }

    /// An endpointer that ends an utterance after `pause` of quiet.
    pub fn with_pause(rate: u32, pause: Duration) -> Endpointer {
        let pause_ms = pause.as_millis().clamp(1, u128::from(u32::MAX)) as u32;
        Endpointer {
            frame: (rate * FRAME_MS / 1000).max(1) as usize,
            room_db: f64::INFINITY,
            loud_in_a_row: 0,
            quiet_in_a_row: 0,
            end_frames: pause_ms.div_ceil(FRAME_MS).max(1) as usize,
            started: false,
            judged: 0,
            voiced: None,
        }
    }

    /// The first and the last loud frame of the utterance, numbered from the first frame
    /// judged.
    pub fn voiced(&self) -> Option<(usize, usize)> {
        self.voiced
    }

    /// How many frames have been judged.
    pub fn judged(&self) -> usize {
        self.judged
    }

    /// Samples per frame.
    pub fn frame_len(&self) -> usize {
        self.frame
    }

    /// How many frames before the start belong to the utterance.
    pub fn pre_roll_frames(&self) -> usize {
        PRE_ROLL_FRAMES
    }

    pub fn started(&self) -> bool {
        self.started
    }

    /// Judges one frame of samples (−1.0…1.0).
    pub fn frame(&mut self, samples: &[f32]) -> Event {
        let energy = samples.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>()
            / samples.len().max(1) as f64;
        let db = 10.0 * (energy + 1e-12).log10();
        self.room_db = (self.room_db + CREEP_DB).min(db);
        let loud = db > (self.room_db + ABOVE_NOISE_DB).max(FLOOR_DB);
        let this = self.judged;
        self.judged += 1;
        if !self.started {
            self.loud_in_a_row = if loud { self.loud_in_a_row + 1 } else { 0 };
            if self.loud_in_a_row >= START_FRAMES {
                self.started = true;
                self.quiet_in_a_row = 0;
                self.voiced = Some((this + 1 - START_FRAMES, this));
                return Event::Started;
            }
            return Event::Waiting;
        }
        if loud && let Some((first, _)) = self.voiced {
            self.voiced = Some((first, this));
        }
        self.quiet_in_a_row = if loud { 0 } else { self.quiet_in_a_row + 1 };
        if self.quiet_in_a_row >= self.end_frames {
            Event::Ended
        } else {
            Event::Speaking
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(level: f32, count: usize, rate: u32) -> Vec<Vec<f32>> {
        let len = (rate * FRAME_MS / 1000) as usize;
        (0..count)
            .map(|f| {
                (0..len)
                    .map(|i| level * ((f * len + i) as f32 * 0.3).sin())
                    .collect()
            })
            .collect()
    }

    fn run(endpointer: &mut Endpointer, frames: &[Vec<f32>]) -> Vec<Event> {
        frames.iter().map(|f| endpointer.frame(f)).collect()
    }

    #[test]
    fn speech_between_silences_starts_and_ends() {
        let mut e = Endpointer::with_pause(16_000, Duration::from_millis(700));
        let quiet = run(&mut e, &frames(0.0, 20, 16_000));
        assert!(quiet.iter().all(|ev| *ev == Event::Waiting));
        let speech = run(&mut e, &frames(0.3, 30, 16_000));
        assert_eq!(speech[2], Event::Started);
        assert!(speech[3..].iter().all(|ev| *ev == Event::Speaking));
        let after = run(&mut e, &frames(0.0, 40, 16_000));
        let ended = after.iter().position(|ev| *ev == Event::Ended);
        assert_eq!(ended, Some(34), "{after:?}");
        // Speech from frame 20 to 49.
        assert_eq!(e.voiced(), Some((20, 49)));
    }

    #[test]
    fn the_pause_is_a_setting() {
        for (pause_ms, quiet_frames) in [(300u64, 15usize), (1100, 55), (1500, 75)] {
            let mut e = Endpointer::with_pause(16_000, Duration::from_millis(pause_ms));
            run(&mut e, &frames(0.0, 10, 16_000));
            run(&mut e, &frames(0.3, 10, 16_000));
            let after = run(&mut e, &frames(0.0, 100, 16_000));
            let ended = after.iter().position(|ev| *ev == Event::Ended);
            assert_eq!(ended, Some(quiet_frames - 1), "{pause_ms} ms");
        }
    }

    #[test]
    fn a_short_breath_does_not_end_the_utterance() {
        let mut e = Endpointer::with_pause(16_000, Duration::from_millis(700));
        run(&mut e, &frames(0.0, 10, 16_000));
        run(&mut e, &frames(0.3, 10, 16_000));
        let pause = run(&mut e, &frames(0.0, 15, 16_000));
        assert!(!pause.contains(&Event::Ended));
        let more = run(&mut e, &frames(0.3, 5, 16_000));
        assert!(more.iter().all(|ev| *ev == Event::Speaking));
    }

    #[test]
    fn steady_room_noise_is_not_speech() {
        let mut e = Endpointer::new(16_000);
        // A hum at about −40 dB, for three seconds.
        let hum = run(&mut e, &frames(0.014, 150, 16_000));
        assert!(hum.iter().all(|ev| *ev == Event::Waiting), "{hum:?}");
        // A voice well above it still starts an utterance.
        let speech = run(&mut e, &frames(0.2, 5, 16_000));
        assert!(speech.contains(&Event::Started));
    }
}
