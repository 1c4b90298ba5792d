//! Where the sound comes from. A [`Listener`] captures one utterance at a time and hands it on
//! as 16-bit mono samples at the model's rate: the microphone ([`super::mic`]) or a WAV file of
//! commands ([`WavListener`], `--voice-input`), which is read one utterance per Space press so a
//! test or a demo can play a whole session from one recording.
//!
//! Both go through the same [`Capture`]: resampling to the model's rate, then the endpointer,
//! which starts the utterance a little before the speech (the quiet onset of a word belongs to
//! it) and ends it at the pause after.

use super::VoiceError;
use super::endpoint::{Endpointer, Event};
use super::resample::Resampler;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How one utterance ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// A pause after speech.
    Silence,
    /// Space was pressed again.
    Stopped,
    /// The source has nothing more (the end of a WAV file).
    EndOfInput,
    /// Nobody spoke in time, or spoke too long.
    TimeLimit,
}

/// What one call to [`Listener::listen`] captured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Utterance {
    pub ended: Ended,
    /// Whether speech was heard at all (otherwise nothing was handed on).
    pub speech: bool,
    /// Seconds of audio handed on.
    pub seconds: f64,
    /// Where the voice itself was, in seconds from the start of the audio handed on: from the
    /// first loud frame to the end of the last. The rest is the lead-in and the pause after.
    pub voiced: Option<(f64, f64)>,
}

impl Utterance {
    /// Seconds of voice, without the lead-in and the pause after.
    pub fn voiced_seconds(&self) -> f64 {
        self.voiced.map_or(0.0, |(from, to)| (to - from).max(0.0))
    }

    /// Seconds from the end of the voice to the end of the utterance: the pause that ended it.
    pub fn after_voice(&self) -> f64 {
        self.voiced
            .map_or(0.0, |(_, to)| (self.seconds - to).max(0.0))
    }
}

/// A source of utterances.
pub trait Listener: Send {
    /// The rate of the samples handed on (the model's).
    fn rate(&self) -> u32;

    /// Captures one utterance, handing its samples to `sink` as they come, until a pause after
    /// speech, until `stop` is set, or until the source ends.
    fn listen(
        &mut self,
        stop: &AtomicBool,
        sink: &mut dyn FnMut(&[i16]),
    ) -> Result<Utterance, VoiceError>;

    /// Says what it listens to: «микрофон …», a file's path.
    fn describe(&self) -> String;
}

/// Resampling and endpointing for one utterance, shared by every listener.
pub struct Capture {
    resampler: Resampler,
    endpointer: Endpointer,
    rate: u32,
    /// Resampled samples not yet judged (less than a frame).
    pending: Vec<f32>,
    /// Frames kept before speech starts, the newest last.
    pre_roll: VecDeque<Vec<f32>>,
    handed_on: usize,
    /// The number of the first frame handed on (the oldest of the pre-roll).
    first_handed: Option<usize>,
    ended: Option<Ended>,
    scratch: Vec<f32>,
}

impl Capture {
    /// A capture of audio at `from` Hz for a model at `to` Hz, ended by `pause` of quiet.
    pub fn new(from: u32, to: u32, pause: std::time::Duration) -> Capture {
        Capture {
            resampler: Resampler::new(from, to),
            endpointer: Endpointer::with_pause(to, pause),
            rate: to,
            pending: Vec::new(),
            pre_roll: VecDeque::new(),
            handed_on: 0,
            first_handed: None,
            ended: None,
            scratch: Vec::new(),
        }
    }

    /// Feeds mono samples (−1.0…1.0) at the source rate; returns how the utterance ended, once
    /// it has.
    pub fn push(&mut self, samples: &[f32], sink: &mut dyn FnMut(&[i16])) -> Option<Ended> {
        if self.ended.is_some() {
            return self.ended;
        }
        self.scratch.clear();
        self.resampler.push(samples, &mut self.scratch);
        let fresh = std::mem::take(&mut self.scratch);
        self.pending.extend_from_slice(&fresh);
        self.scratch = fresh;
        let frame = self.endpointer.frame_len();
        while self.pending.len() >= frame && self.ended.is_none() {
            let samples: Vec<f32> = self.pending.drain(..frame).collect();
            match self.endpointer.frame(&samples) {
                Event::Waiting => {
                    self.pre_roll.push_back(samples);
                    while self.pre_roll.len() > self.endpointer.pre_roll_frames() {
                        self.pre_roll.pop_front();
                    }
                }
                Event::Started => {
                    self.first_handed = Some(self.endpointer.judged() - 1 - self.pre_roll.len());
                    while let Some(before) = self.pre_roll.pop_front() {
                        self.hand_on(&before, sink);
                    }
                    self.hand_on(&samples, sink);
                }
                Event::Speaking => self.hand_on(&samples, sink),
                Event::Ended => {
                    self.hand_on(&samples, sink);
                    self.ended = Some(Ended::Silence);
                }
            }
        }
        self.ended
    }

    /// Ends the utterance from outside (Space, the end of the file, a time limit), handing on
    /// what is left if speech had started.
    pub fn end(&mut self, how: Ended, sink: &mut dyn FnMut(&[i16])) -> Ended {
        if let Some(ended) = self.ended {
            return ended;
        }
        if self.endpointer.started() {
            let rest = std::mem::take(&mut self.pending);
            self.hand_on(&rest, sink);
        }
        self.ended = Some(how);
        how
    }

    pub fn speech(&self) -> bool {
        self.endpointer.started()
    }

    pub fn utterance(&self) -> Utterance {
        let frame = self.endpointer.frame_len() as f64 / f64::from(self.rate);
        let voiced = match (self.first_handed, self.endpointer.voiced()) {
            (Some(first), Some((from, to))) => Some((
                from.saturating_sub(first) as f64 * frame,
                (to + 1).saturating_sub(first) as f64 * frame,
            )),
            _ => None,
        };
        Utterance {
            ended: self.ended.unwrap_or(Ended::Stopped),
            speech: self.speech(),
            seconds: self.handed_on as f64 / f64::from(self.rate),
            voiced,
        }
    }

    /// Seconds of audio judged so far (for time limits).
    pub fn seconds_in(&self) -> f64 {
        self.handed_on as f64 / f64::from(self.rate)
    }

    fn hand_on(&mut self, samples: &[f32], sink: &mut dyn FnMut(&[i16])) {
        if samples.is_empty() {
            return;
        }
        let pcm: Vec<i16> = samples
            .iter()
            .map(|x| (x.clamp(-1.0, 1.0) * 32767.0).round() as i16)
            .collect();
        self.handed_on += pcm.len();
        sink(&pcm);
    }
}

/// A WAV file of spoken commands, one utterance per [`Listener::listen`]: what a microphone
/// would have heard, for tests and demos. Any sample rate, any channel count, integer or float
/// samples.
pub struct WavListener {
    path: PathBuf,
    samples: Vec<f32>,
    source_rate: u32,
    rate: u32,
    /// Where the next utterance is looked for.
    position: usize,
    /// The quiet that ends an utterance.
    pause: std::time::Duration,
}

/// Source samples fed per step: 20 ms at the file's rate.
const STEP_MS: usize = 20;

impl WavListener {
    /// Reads the whole file, mixed down to mono, for a model at `rate` Hz.
    pub fn open(path: &Path, rate: u32) -> Result<WavListener, VoiceError> {
        let failed = |detail: String| VoiceError::InputFile {
            path: path.to_owned(),
            detail,
        };
        let reader = hound::WavReader::open(path).map_err(|e| failed(e.to_string()))?;
        let spec = reader.spec();
        let channels = usize::from(spec.channels.max(1));
        let interleaved: Vec<f32> = match spec.sample_format {
            hound::SampleFormat::Float => reader
                .into_samples::<f32>()
                .collect::<Result<_, _>>()
                .map_err(|e| failed(e.to_string()))?,
            hound::SampleFormat::Int => {
                let scale = 2f32.powi(i32::from(spec.bits_per_sample.clamp(1, 32)) - 1);
                reader
                    .into_samples::<i32>()
                    .map(|s| s.map(|v| v as f32 / scale))
                    .collect::<Result<_, _>>()
                    .map_err(|e| failed(e.to_string()))?
            }
        };
        let samples = interleaved
            .chunks(channels)
            .map(|frame| frame.iter().sum::<f32>() / channels as f32)
            .collect();
        Ok(WavListener {
            path: path.to_owned(),
            samples,
            source_rate: spec.sample_rate.max(1),
            rate,
            position: 0,
            pause: super::endpoint::DEFAULT_PAUSE,
        })
    }

    /// Ends utterances after `pause` of quiet instead of the default.
    pub fn with_pause(mut self, pause: std::time::Duration) -> WavListener {
        self.pause = pause;
        self
    }

    /// Whether the file has been listened to to its end.
    pub fn finished(&self) -> bool {
        self.position >= self.samples.len()
    }

    /// The whole recording's length in seconds.
    pub fn seconds(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.source_rate)
    }
}

impl Listener for WavListener {
    fn rate(&self) -> u32 {
        self.rate
    }

    fn listen(
        &mut self,
        stop: &AtomicBool,
        sink: &mut dyn FnMut(&[i16]),
    ) -> Result<Utterance, VoiceError> {
        let mut capture = Capture::new(self.source_rate, self.rate, self.pause);
        let step = (self.source_rate as usize * STEP_MS / 1000).max(1);
        while self.position < self.samples.len() {
            if stop.load(Ordering::Relaxed) {
                capture.end(Ended::Stopped, sink);
                return Ok(capture.utterance());
            }
            let end = (self.position + step).min(self.samples.len());
            let chunk = &self.samples[self.position..end];
            self.position = end;
            if capture.push(chunk, sink).is_some() {
                return Ok(capture.utterance());
            }
        }
        // The end of the recording is the end of the utterance, with a moment of silence for
        // the recogniser to settle.
        let silence = vec![0.0; self.source_rate as usize / 5];
        if capture.speech() && capture.push(&silence, sink).is_some() {
            return Ok(capture.utterance());
        }
        capture.end(Ended::EndOfInput, sink);
        Ok(capture.utterance())
    }

    fn describe(&self) -> String {
        self.path.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a WAV with bursts of tone separated by silence.
    fn write_wav(path: &Path, rate: u32, channels: u16, parts: &[(bool, f64)]) {
        let spec = hound::WavSpec {
            channels,
            sample_rate: rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut writer = hound::WavWriter::create(path, spec).expect("create wav");
        let mut t = 0usize;
        for (tone, seconds) in parts {
            for _ in 0..(f64::from(rate) * seconds) as usize {
                let v = if *tone {
                    (0.3 * (t as f64 * 2.0 * std::f64::consts::PI * 220.0 / f64::from(rate)).sin()
                        * 32767.0) as i16
                } else {
                    0
                };
                for _ in 0..channels {
                    writer.write_sample(v).expect("sample");
                }
                t += 1;
            }
        }
        writer.finalize().expect("finalize");
    }

    #[test]
    fn a_command_file_gives_one_utterance_per_listen() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("commands.wav");
        write_wav(
            &path,
            44_100,
            2,
            &[
                (false, 0.5),
                (true, 0.6),
                (false, 1.5),
                (true, 0.4),
                (false, 1.0),
            ],
        );
        let mut listener = WavListener::open(&path, 16_000).expect("open");
        let stop = AtomicBool::new(false);
        let mut got = Vec::new();
        let first = listener
            .listen(&stop, &mut |s| got.extend_from_slice(s))
            .expect("first");
        assert_eq!(first.ended, Ended::Silence);
        assert!(first.speech);
        // The tone (0.6 s), a little before it, and the pause that ended it.
        let pause = super::super::endpoint::DEFAULT_PAUSE.as_secs_f64();
        assert!(
            (0.6 + pause..1.0 + pause).contains(&first.seconds),
            "{first:?}"
        );
        let (from, to) = first.voiced.expect("voice found");
        assert!((0.25..0.35).contains(&from), "{first:?}");
        assert!((0.55..0.65).contains(&(to - from)), "{first:?}");
        assert!((first.after_voice() - pause).abs() < 0.03, "{first:?}");
        assert_eq!(got.len() as f64 / 16_000.0, first.seconds);
        let second = listener.listen(&stop, &mut |_| {}).expect("second");
        assert!(
            second.speech && (0.4 + pause..1.0 + pause).contains(&second.seconds),
            "{second:?}"
        );
        let third = listener.listen(&stop, &mut |_| {}).expect("third");
        assert!(!third.speech);
        assert_eq!(third.ended, Ended::EndOfInput);
        assert!(listener.finished());
    }

    #[test]
    fn speech_at_the_very_end_ends_with_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("short.wav");
        write_wav(&path, 22_050, 1, &[(false, 0.2), (true, 0.5)]);
        let mut listener = WavListener::open(&path, 16_000).expect("open");
        let heard = listener
            .listen(&AtomicBool::new(false), &mut |_| {})
            .expect("listen");
        assert!(heard.speech);
        assert_eq!(heard.ended, Ended::EndOfInput);
    }

    #[test]
    fn a_stop_ends_it_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("long.wav");
        write_wav(&path, 16_000, 1, &[(true, 3.0)]);
        let mut listener = WavListener::open(&path, 16_000).expect("open");
        let heard = listener
            .listen(&AtomicBool::new(true), &mut |_| {})
            .expect("listen");
        assert_eq!(heard.ended, Ended::Stopped);
        assert!(!heard.speech);
    }

    #[test]
    fn a_file_that_is_not_a_wav_is_one_sentence() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("not.wav");
        std::fs::write(&path, b"hello").expect("write");
        assert!(matches!(
            WavListener::open(&path, 16_000),
            Err(VoiceError::InputFile { .. })
        ));
        assert!(matches!(
            WavListener::open(&dir.path().join("missing.wav"), 16_000),
            Err(VoiceError::InputFile { .. })
        ));
    }
}
