//! Building what the programs share from the command line, the environment and the
//! configuration file: the practice bank, the trainer's lessons, Opora's voice (speech) and its
//! ears (voice input), the theme and whether to use plain lines. Each part that cannot be had is
//! one sentence; only the practice bank is required.

use super::Cli;
use crate::listen::engine::{VoiceConfig, VoiceSwitch};
use crate::speech::choose::{Choice, SpeechSettings};
use crate::speech::policy::SpeechPolicy;
use crate::store::bank::{Clock, SandboxStore};
use opora_core::i18n::I18n;
use opora_core::kiosk::App;
use opora_core::kiosk::state::VoiceState;
use std::io::IsTerminal;
use std::path::PathBuf;

/// The voice language: `--voice-lang`, or the screen language.
pub fn voice_lang(cli: &Cli, i18n: &I18n) -> opora_core::voice::VoiceLang {
    cli.voice_lang
        .unwrap_or_else(|| opora_core::voice::VoiceLang::of(i18n.lang()))
}

/// What the command line and the environment say about voice input.
pub fn voice_config(cli: &Cli, i18n: &I18n) -> crate::listen::engine::VoiceConfig {
    crate::listen::engine::VoiceConfig {
        switch: cli.voice.unwrap_or_default(),
        lang: cli.voice_lang,
        fallback: opora_core::voice::VoiceLang::of(i18n.lang()),
        model: cli
            .voice_model
            .clone()
            .or_else(|| std::env::var_os("OPORA_VOICE_MODEL").map(PathBuf::from)),
        input: cli.voice_input.clone(),
        pause: crate::listen::endpoint::pause_setting(cli.voice_pause),
    }
}

/// The trainer's lessons folder: `--lessons`, OPORA_LESSONS, or `lessons/` in the data folder.
pub fn lessons_dir(cli: &Cli) -> Option<PathBuf> {
    cli.lessons
        .clone()
        .or_else(|| std::env::var_os("OPORA_LESSONS").map(PathBuf::from))
        .or_else(|| Some(crate::paths::data_dir().join("lessons")).filter(|d| d.is_dir()))
}

/// The bank's "today": the computer's date, or `OPORA_TODAY=YYYY-MM-DD` for reproducible
/// scripted sessions and demos.
pub fn clock() -> Clock {
    std::env::var("OPORA_TODAY")
        .ok()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map_or(Clock::System, Clock::Fixed)
}

pub fn open_store(i18n: &I18n) -> Result<SandboxStore, String> {
    SandboxStore::open_with_clock(&crate::paths::sandbox_db(), clock())
        .map_err(|e| e.sentence(opora_core::store_error::StoreFile::Bank, i18n))
}

/// Finds the model, loads libvosk and opens the sound source, unless voice is off; tells the
/// app whether Space will listen (`Loading` until the model is loaded) or why not, and returns
/// the sentence to show at start when `--voice on` cannot be honoured. While the microphone is
/// in use the sound system's chatter goes to `voice.log`, not onto the screen: the returned
/// guard keeps it there.
pub fn prepare_voice(
    voice: &VoiceConfig,
    i18n: &I18n,
    app: &mut App,
) -> (
    Option<crate::listen::quiet::QuietStderr>,
    Option<crate::listen::engine::Prepared>,
    Option<String>,
) {
    if voice.switch == VoiceSwitch::Off {
        return (None, None, None);
    }
    let quiet = || match voice.input {
        None => {
            crate::listen::quiet::QuietStderr::to_file(&crate::paths::data_dir().join("voice.log"))
                .ok()
        }
        Some(_) => None,
    };
    match crate::listen::engine::prepare_quietly(voice, quiet) {
        Ok((prepared, quiet)) => {
            app.set_voice(VoiceState::Loading);
            (quiet, Some(prepared), None)
        }
        Err(error) => {
            let announce = voice_unavailable(app, voice, error.tell_client(i18n));
            (None, None, announce)
        }
    }
}

/// Voice cannot be used: Space will say why. Returns the sentence when `--voice on` asked for
/// it to be said at start too.
pub fn voice_unavailable(app: &mut App, voice: &VoiceConfig, sentence: String) -> Option<String> {
    app.set_voice(VoiceState::Off(Some(sentence.clone())));
    (voice.switch == VoiceSwitch::On).then_some(sentence)
}

/// Whether to use the plain linear mode.
pub fn wants_plain(cli: &Cli) -> bool {
    cli.plain
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
        || std::env::var_os("ACCESSIBLE").is_some()
        || !std::io::stdin().is_terminal()
        || !std::io::stdout().is_terminal()
}

/// Speech settings from the command line, `OPORA_SPEECH` and the configuration file. A broken
/// setting is one sentence and the default is used: a voice setting never stops the kiosk.
pub fn speech_settings(cli: &Cli) -> (SpeechSettings, Option<String>) {
    let config_problem;
    let config = match crate::speech::choose::read_config(&crate::paths::config_file()) {
        Ok(config) => {
            config_problem = None;
            config
        }
        Err(problem) => {
            config_problem = Some(problem);
            Default::default()
        }
    };
    let env = std::env::var("OPORA_SPEECH").ok();
    let (mut settings, env_problem) = SpeechSettings::resolve(
        cli.speech,
        env.as_deref(),
        &config,
        &crate::paths::data_dir(),
    );
    if let Some(path) = &cli.speech_wav {
        settings.wav = path.clone();
    }
    (settings, config_problem.or(env_problem))
}

/// Opora's voice for a program: the speech policy (silent when the voice is off), and any
/// sentence saying why a voice that was asked for cannot speak.
pub fn speech(cli: &Cli, i18n: &I18n, plain: bool) -> (SpeechPolicy, Vec<String>) {
    let (settings, problem) = speech_settings(cli);
    let mut sentences: Vec<String> = problem.into_iter().collect();
    // A screen reader speaks in plain mode; Opora only joins in when asked to. The WAV file
    // must be one Opora may write: checked (and asked about) before any screen.
    let wav_problem = (settings.mode == crate::speech::choose::SpeechMode::Wav)
        .then(|| crate::speech::wav_target::check(&settings.wav, cli.force, plain, i18n).err())
        .flatten();
    if plain && !settings.explicit {
        return (SpeechPolicy::silent(i18n.lang()), sentences);
    }
    if let Some(problem) = wav_problem {
        sentences.push(problem.sentence(i18n));
        return (SpeechPolicy::silent(i18n.lang()), sentences);
    }
    let rate = settings.rate;
    let choose = move || match crate::speech::choose::choose(&settings, false).0 {
        Choice::Speaker(speaker) => Ok(Some(speaker)),
        Choice::Off => Ok(None),
        Choice::Failed(error) => Err(error),
    };
    // Full screen, which speaker answers is found out on the speech thread, after the first
    // frame (asking espeak-ng its version takes milliseconds, speech-dispatcher up to seconds).
    // Plain lines are read in order, so there the choice and its sentence come first.
    let (policy, problem) = if plain {
        match choose() {
            Ok(speaker) => SpeechPolicy::start(speaker, i18n.lang(), rate),
            Err(error) => {
                sentences.push(error.sentence(i18n));
                (SpeechPolicy::silent(i18n.lang()), None)
            }
        }
    } else {
        SpeechPolicy::start_choosing(Box::new(choose), i18n.lang(), rate)
    };
    sentences.extend(problem.map(|error| error.sentence(i18n)));
    (policy, sentences)
}
