//! One utterance from sound to meaning, the same way for the kiosk, `opora voice check`, the
//! tests and the benchmark: the listener captures it, the recogniser decodes it with the
//! screen's grammar while it is still being spoken, and the parser reads the words against the
//! screen.
//!
//! Starting voice has three parts: finding the model ([`find`], a look at the disk), done before
//! the first frame so that the first screen knows whether Space listens; loading libvosk and
//! opening the microphone or the WAV file ([`Found::prepare`], tens of milliseconds); and
//! loading the model ([`Prepared::load`], seconds and hundreds of megabytes). Full screen, the
//! last two run on the voice thread, after the first frame.

use super::VoiceError;
use super::listener::{Listener, Utterance, WavListener};
use super::mic::MicListener;
use super::model::{self, ModelDir};
use super::vosk::{Model, Recognizer, VoskLib};
use opora_core::voice::meaning::Heard;
use opora_core::voice::{Context, VoiceLang, grammar, parse};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// `--voice`: whether to use voice input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VoiceSwitch {
    /// Use it when a model, libvosk and a microphone are there; otherwise it is off, and Space
    /// says why.
    #[default]
    Auto,
    /// Use it, and say at start if it cannot be.
    On,
    Off,
}

impl std::str::FromStr for VoiceSwitch {
    type Err = String;
    fn from_str(s: &str) -> Result<VoiceSwitch, String> {
        match s {
            "auto" => Ok(VoiceSwitch::Auto),
            "on" => Ok(VoiceSwitch::On),
            "off" => Ok(VoiceSwitch::Off),
            _ => Err(format!("unknown voice setting '{s}': use auto, on or off")),
        }
    }
}

/// What the person asked for.
#[derive(Clone, Debug, Default)]
pub struct VoiceConfig {
    pub switch: VoiceSwitch,
    /// `--voice-lang`, when given.
    pub lang: Option<VoiceLang>,
    /// The screen language's voice language, when nothing else says.
    pub fallback: VoiceLang,
    /// `--voice-model` / `OPORA_VOICE_MODEL`.
    pub model: Option<PathBuf>,
    /// `--voice-input`: a WAV file instead of the microphone.
    pub input: Option<PathBuf>,
    /// `--voice-pause`: the quiet that ends an utterance (the default when not set).
    pub pause: Option<Duration>,
}

/// Voice with the cheap checks done: the model found, the library loaded, the sound source
/// open.
pub struct Prepared {
    lib: Arc<VoskLib>,
    pub dir: ModelDir,
    listener: Box<dyn Listener>,
}

/// Voice with only the model found: all the kiosk needs to know before its first frame that
/// Space will listen. Loading libvosk and opening the microphone come after ([`Found::prepare`]),
/// on the voice thread in full screen.
pub struct Found {
    pub dir: ModelDir,
    config: VoiceConfig,
}

/// Finds the model (a look at the disk, no library loaded).
pub fn find(config: &VoiceConfig) -> Result<Found, VoiceError> {
    let dir = model::find(config.model.as_deref(), config.lang, config.fallback)?;
    Ok(Found {
        dir,
        config: config.clone(),
    })
}

impl Found {
    /// Loads the library and opens the sound source.
    pub fn prepare(self) -> Result<Prepared, VoiceError> {
        let lib = VoskLib::load()?;
        let listener = open_source(&self.config, self.dir.rate)?;
        Ok(Prepared {
            lib,
            dir: self.dir,
            listener,
        })
    }
}

/// Finds the model, loads the library and opens the sound source.
pub fn prepare(config: &VoiceConfig) -> Result<Prepared, VoiceError> {
    prepare_quietly(config, || ()).map(|(prepared, ())| prepared)
}

/// [`prepare`], calling `before_microphone` once the model and the library are found and just
/// before the sound source is opened (the kiosk quiets standard error there); what it returns
/// is handed back.
pub fn prepare_quietly<Q>(
    config: &VoiceConfig,
    before_microphone: impl FnOnce() -> Q,
) -> Result<(Prepared, Q), VoiceError> {
    let dir = model::find(config.model.as_deref(), config.lang, config.fallback)?;
    let lib = VoskLib::load()?;
    let guard = before_microphone();
    let listener = open_source(config, dir.rate)?;
    Ok((Prepared { lib, dir, listener }, guard))
}

/// The WAV file of `--voice-input`, or the microphone.
pub fn open_source(config: &VoiceConfig, rate: u32) -> Result<Box<dyn Listener>, VoiceError> {
    let pause = config.pause.unwrap_or(super::endpoint::DEFAULT_PAUSE);
    Ok(match &config.input {
        Some(path) => Box::new(WavListener::open(path, rate)?.with_pause(pause)),
        None => Box::new(MicListener::open(rate)?.with_pause(pause)),
    })
}

impl Prepared {
    /// Loads the model: the slow part.
    pub fn load(self) -> Result<Engine, VoiceError> {
        let loaded = Loaded::load(self.lib, self.dir)?;
        Ok(Engine::new(loaded, self.listener))
    }

    /// What is listened to.
    pub fn source(&self) -> String {
        self.listener.describe()
    }
}

/// A loaded model, before a sound source is attached (`opora voice check` reports on the
/// model even when there is no microphone).
pub struct Loaded {
    pub lib: Arc<VoskLib>,
    pub dir: ModelDir,
    pub model: Model,
    pub load_time: Duration,
}

impl Loaded {
    pub fn load(lib: Arc<VoskLib>, dir: ModelDir) -> Result<Loaded, VoiceError> {
        let started = Instant::now();
        let model = Model::load(Arc::clone(&lib), &dir.path)?;
        Ok(Loaded {
            lib,
            dir,
            model,
            load_time: started.elapsed(),
        })
    }

    /// Finds and loads the model and the library.
    pub fn find(config: &VoiceConfig) -> Result<Loaded, VoiceError> {
        let dir = model::find(config.model.as_deref(), config.lang, config.fallback)?;
        Loaded::load(VoskLib::load()?, dir)
    }
}

/// The measurements of one recognised utterance.
#[derive(Clone, Debug)]
pub struct Hearing {
    /// The words, as recognised ("" when nothing was).
    pub text: String,
    /// Each word with the recogniser's confidence in it.
    pub words: Vec<(String, f32)>,
    pub utterance: Utterance,
    /// Time spent decoding (feeding the recogniser and taking its result).
    pub decoding: Duration,
    /// From the end of the audio to the words.
    pub after_end: Duration,
}

impl Hearing {
    /// Decoding time over the seconds of voice (the lead-in and the pause after left out):
    /// under 0.1 is the target with a grammar.
    pub fn real_time_factor(&self) -> f64 {
        let voiced = self.utterance.voiced_seconds();
        if voiced > 0.0 {
            self.decoding.as_secs_f64() / voiced
        } else {
            0.0
        }
    }

    /// What the speaker waits for, from the end of the voice to the meaning: the pause that
    /// ends the utterance, then the recogniser's last words and the parser.
    pub fn after_voice(&self) -> Duration {
        Duration::from_secs_f64(self.utterance.after_voice()) + self.after_end
    }
}

/// A loaded model and its sound source.
pub struct Engine {
    model: Model,
    dir: ModelDir,
    load_time: Duration,
    listener: Box<dyn Listener>,
    /// The recogniser of the last grammar: a screen listened to twice reuses it.
    cached: Option<(Vec<String>, Recognizer)>,
}

impl Engine {
    pub fn new(loaded: Loaded, listener: Box<dyn Listener>) -> Engine {
        Engine {
            model: loaded.model,
            dir: loaded.dir,
            load_time: loaded.load_time,
            listener,
            cached: None,
        }
    }

    pub fn lang(&self) -> VoiceLang {
        self.dir.lang
    }

    pub fn model_dir(&self) -> &ModelDir {
        &self.dir
    }

    pub fn load_time(&self) -> Duration {
        self.load_time
    }

    pub fn source(&self) -> String {
        self.listener.describe()
    }

    /// Listens to another source from now on (the benchmark plays the same file again).
    pub fn set_source(&mut self, listener: Box<dyn Listener>) {
        self.listener = listener;
    }

    /// How many of `words` the model knows.
    pub fn known(&self, words: &[String]) -> usize {
        words.iter().filter(|w| self.model.knows(w)).count()
    }

    /// Listens to one utterance and decodes it with a grammar of `words` (or free-form, for
    /// comparison, when `words` is `None`).
    pub fn recognize(
        &mut self,
        words: Option<&[String]>,
        stop: &AtomicBool,
    ) -> Result<Hearing, VoiceError> {
        let rate = self.dir.rate;
        let mut recognizer = match words {
            Some(words) => match self.cached.take() {
                Some((cached, recognizer)) if cached == words => recognizer,
                _ => self.model.grammar_recognizer(rate, words)?,
            },
            None => self.model.free_recognizer(rate)?,
        };
        recognizer.reseed();
        let mut decoding = Duration::ZERO;
        let utterance = self.listener.listen(stop, &mut |samples| {
            let started = Instant::now();
            recognizer.accept(samples);
            decoding += started.elapsed();
        })?;
        let end = Instant::now();
        let recognized = recognizer.finish();
        let after_end = end.elapsed();
        decoding += after_end;
        if let Some(words) = words {
            self.cached = Some((words.to_vec(), recognizer));
        }
        let (text, words) = if utterance.speech {
            (recognized.text, recognized.words)
        } else {
            (String::new(), Vec::new())
        };
        Ok(Hearing {
            text,
            words,
            utterance,
            decoding,
            after_end,
        })
    }

    /// Listens to one utterance on the screen described by `context`: what was heard and what
    /// it means there, or `None` when nothing was said.
    pub fn hear(
        &mut self,
        context: &Context,
        stop: &AtomicBool,
    ) -> Result<(Option<Heard>, Hearing), VoiceError> {
        let words = grammar::words(context);
        let mut hearing = self.recognize(Some(&words), stop)?;
        let text = hearing.text.trim().to_string();
        if text.is_empty() {
            return Ok((None, hearing));
        }
        let started = Instant::now();
        let meaning =
            opora_core::voice::doubt::check(parse(&text, context), &hearing.words, context.lang);
        hearing.after_end += started.elapsed();
        Ok((
            Some(Heard {
                screen: context.screen,
                // Shown big and said back: a word outside the grammar as «…», not «[unk]».
                text: shown(&text),
                meaning,
            }),
            hearing,
        ))
    }
}

/// What was heard as the client is shown it: each word the recogniser could not place as «…».
pub fn shown(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            if w == opora_core::voice::text::UNKNOWN {
                "…"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_words_are_shown_as_an_ellipsis() {
        assert_eq!(super::shown("ну [unk] баланс"), "ну … баланс");
        assert_eq!(super::shown("баланс"), "баланс");
    }
}
