//! Which speaker to use: `--speech auto|espeak|dispatcher|wav|off`, the same as `OPORA_SPEECH` or
//! `mode` in the `[speech]` table of the configuration file, and what `auto` finds on this
//! machine. Every step leaves a line for `opora doctor`: what was found and why the rest was not
//! used.

use super::dispatcher;
use super::espeak::{self, Espeak, Sink, WavWriter};
use super::{Rate, Speaker, SpeechError};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How the person asked Opora to speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SpeechMode {
    /// espeak-ng if there is a sound device, else speech-dispatcher, else silence.
    #[default]
    Auto,
    /// espeak-ng through the sound device.
    Espeak,
    /// speech-dispatcher (the desktop's speech service).
    Dispatcher,
    /// espeak-ng into a WAV file (`--speech-wav`), for kiosks that play files.
    Wav,
    /// No speech.
    Off,
}

impl SpeechMode {
    pub fn name(self) -> &'static str {
        match self {
            SpeechMode::Auto => "auto",
            SpeechMode::Espeak => "espeak",
            SpeechMode::Dispatcher => "dispatcher",
            SpeechMode::Wav => "wav",
            SpeechMode::Off => "off",
        }
    }
}

impl std::str::FromStr for SpeechMode {
    type Err = String;
    fn from_str(s: &str) -> Result<SpeechMode, String> {
        <SpeechMode as clap::ValueEnum>::from_str(s.trim(), true).map_err(|_| {
            format!("unknown speech mode '{s}': use auto, espeak, dispatcher, wav or off")
        })
    }
}

/// The `[speech]` table of the configuration file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechConfig {
    pub mode: Option<SpeechMode>,
    /// Words per minute.
    pub rate: Option<u16>,
    /// Where `wav` mode writes.
    pub wav: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    speech: SpeechConfig,
}

/// Reads the `[speech]` table of a configuration file. A missing file is an empty table; a
/// broken one is an error naming the file and the problem.
pub fn read_config(path: &Path) -> Result<SpeechConfig, String> {
    // A regular file of a sane size only (a FIFO there must not hang start-up); the parser's
    // words without the values it quotes (the bank key lives in the same file).
    match crate::files::read::read_text(path, crate::files::read::CONFIG_MAX) {
        Ok(text) => toml::from_str::<ConfigFile>(&text)
            .map(|c| c.speech)
            .map_err(|e| format!("{}: {}", path.display(), crate::config::redact(e.message()))),
        Err(_) if !path.exists() => Ok(SpeechConfig::default()),
        Err(opora_core::file_problem::FileProblem::Io(e)) => {
            Err(format!("{}: {e}", path.display()))
        }
        Err(opora_core::file_problem::FileProblem::NotAFile) => {
            Err(format!("{}: not a regular file", path.display()))
        }
        Err(opora_core::file_problem::FileProblem::TooBig { max_bytes }) => Err(format!(
            "{}: larger than {} KB",
            path.display(),
            max_bytes / 1024
        )),
    }
}

/// What was decided about speech, from the command line, the environment and the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechSettings {
    pub mode: SpeechMode,
    /// Whether the person asked for the mode (rather than getting the default).
    pub explicit: bool,
    pub rate: Rate,
    pub wav: PathBuf,
}

impl SpeechSettings {
    /// The command line wins over `OPORA_SPEECH`, which wins over the file. An `OPORA_SPEECH`
    /// that names no mode is ignored, and the returned sentence says so.
    pub fn resolve(
        flag: Option<SpeechMode>,
        env: Option<&str>,
        config: &SpeechConfig,
        data_dir: &Path,
    ) -> (SpeechSettings, Option<String>) {
        let (from_env, problem) = match env.filter(|v| !v.trim().is_empty()) {
            Some(value) => match value.parse::<SpeechMode>() {
                Ok(mode) => (Some(mode), None),
                Err(problem) => (None, Some(format!("OPORA_SPEECH: {problem}"))),
            },
            None => (None, None),
        };
        let chosen = flag.or(from_env).or(config.mode);
        let settings = SpeechSettings {
            mode: chosen.unwrap_or_default(),
            explicit: chosen.is_some(),
            rate: config.rate.map_or(Rate::DEFAULT, Rate::wpm),
            wav: config
                .wav
                .clone()
                .unwrap_or_else(|| data_dir.join("speech.wav")),
        };
        (settings, problem)
    }
}

/// Where this machine's sound goes, if anywhere: PulseAudio, PipeWire or an ALSA card.
pub fn audio_device() -> Option<String> {
    if std::env::var_os("PULSE_SERVER").is_some_and(|v| !v.is_empty()) {
        return Some("PulseAudio (PULSE_SERVER)".into());
    }
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        if runtime.join("pulse/native").exists() {
            return Some("PulseAudio".into());
        }
        if runtime.join("pipewire-0").exists() {
            return Some("PipeWire".into());
        }
    }
    let cards = std::fs::read_dir("/dev/snd").ok()?;
    cards
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("pcm"))
        .then(|| "ALSA (/dev/snd)".into())
}

/// espeak-ng's version line, or why it cannot be run.
pub fn espeak_version(program: &Path) -> Result<String, SpeechError> {
    let output = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| SpeechError::NoProgram {
            program: program.display().to_string(),
        })?;
    let text = String::from_utf8_lossy(&output.stdout);
    // "eSpeak NG text-to-speech: 1.51  Data at: …" → "1.51".
    Ok(text
        .split(':')
        .nth(1)
        .and_then(|v| v.split_whitespace().next())
        .unwrap_or("?")
        .to_string())
}

/// Which of Opora's languages espeak-ng has voices for.
pub fn espeak_voices(program: &Path) -> Vec<&'static str> {
    let Ok(output) = Command::new(program)
        .arg("--voices")
        .stdin(Stdio::null())
        .output()
    else {
        return Vec::new();
    };
    let list = String::from_utf8_lossy(&output.stdout);
    let languages: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    opora_core::i18n::Lang::ALL
        .iter()
        .map(|l| l.code())
        .filter(|code| {
            languages
                .iter()
                .any(|l| l == code || l.starts_with(&format!("{code}-")))
        })
        .collect()
}

/// What happened to speech-dispatcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DispatcherCheck {
    Answers,
    Failed(SpeechError),
    /// Not tried, and why.
    Skipped(SpeechError),
}

/// Everything found, for `opora doctor`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Findings {
    pub mode: SpeechMode,
    /// espeak-ng's version, or why it cannot run; `None` when there was no need to look.
    pub espeak: Option<Result<String, SpeechError>>,
    pub audio: Option<String>,
    pub dispatcher: DispatcherCheck,
    /// The speaker's name, or why there is none.
    pub chosen: Result<&'static str, Option<SpeechError>>,
}

/// The result of choosing.
pub enum Choice {
    Speaker(Box<dyn Speaker>),
    /// Silence that needs no explanation on the screen (`off`, or `auto` without a sound device).
    Off,
    /// Speech was wanted and cannot be had: say why, once.
    Failed(SpeechError),
}

/// Picks the speaker for `settings`. `doctor` also tries speech-dispatcher when it would not be
/// used, to report on it.
pub fn choose(settings: &SpeechSettings, doctor: bool) -> (Choice, Findings) {
    let audio = audio_device();
    // Running espeak-ng to ask its version takes a few milliseconds of start-up: only when it
    // may be used, or for the doctor.
    let needs_espeak = match settings.mode {
        SpeechMode::Espeak | SpeechMode::Wav => true,
        SpeechMode::Auto => audio.is_some(),
        SpeechMode::Dispatcher | SpeechMode::Off => false,
    };
    let espeak_found = (doctor || needs_espeak).then(|| espeak_version(&espeak::program()));
    let espeak = espeak_found.clone().unwrap_or(Err(SpeechError::NoAudio));
    let no_audio = || Err(SpeechError::NoAudio);
    let mut dispatcher_check = DispatcherCheck::Skipped(SpeechError::NoAudio);
    let try_dispatcher = |check: &mut DispatcherCheck| match dispatcher::start(dispatcher::TIMEOUT)
    {
        Ok(speaker) => {
            *check = DispatcherCheck::Answers;
            Ok(Box::new(speaker) as Box<dyn Speaker>)
        }
        Err(error) => {
            *check = DispatcherCheck::Failed(error.clone());
            Err(error)
        }
    };
    let picked: Result<Box<dyn Speaker>, Option<SpeechError>> = match settings.mode {
        SpeechMode::Off => Err(None),
        SpeechMode::Wav => match &espeak {
            Ok(_) => Ok(Box::new(WavWriter::new(&settings.wav))),
            Err(error) => Err(Some(error.clone())),
        },
        SpeechMode::Espeak => match (&espeak, &audio) {
            (Err(error), _) => Err(Some(error.clone())),
            (Ok(_), None) => no_audio().map_err(Some),
            (Ok(_), Some(_)) => Ok(Box::new(Espeak::new(Sink::Speakers))),
        },
        SpeechMode::Dispatcher => try_dispatcher(&mut dispatcher_check).map_err(Some),
        SpeechMode::Auto => match (&espeak, &audio) {
            // No sound device: nothing to say it with, and nothing to apologise for.
            (_, None) => Err(None),
            (Ok(_), Some(_)) => Ok(Box::new(Espeak::new(Sink::Speakers))),
            (Err(espeak_error), Some(_)) => {
                try_dispatcher(&mut dispatcher_check).map_err(|_| Some(espeak_error.clone()))
            }
        },
    };
    let used_dispatcher = matches!(
        dispatcher_check,
        DispatcherCheck::Answers | DispatcherCheck::Failed(_)
    );
    if !used_dispatcher {
        dispatcher_check = if doctor && audio.is_some() {
            match dispatcher::start(dispatcher::TIMEOUT) {
                Ok(_) => DispatcherCheck::Answers,
                Err(error) => DispatcherCheck::Failed(error),
            }
        } else if audio.is_none() {
            DispatcherCheck::Skipped(SpeechError::NoAudio)
        } else {
            DispatcherCheck::Skipped(SpeechError::Engine("espeak-ng".into()))
        };
    }
    let findings = Findings {
        mode: settings.mode,
        espeak: espeak_found,
        audio,
        dispatcher: dispatcher_check,
        chosen: match &picked {
            Ok(speaker) => Ok(speaker.name()),
            Err(reason) => Err(reason.clone()),
        },
    };
    let choice = match picked {
        Ok(speaker) => Choice::Speaker(speaker),
        Err(None) => Choice::Off,
        Err(Some(error)) => Choice::Failed(error),
    };
    (choice, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_wins_then_the_environment_then_the_file() {
        let dir = Path::new("/tmp/opora");
        let file = SpeechConfig {
            mode: Some(SpeechMode::Dispatcher),
            rate: Some(120),
            wav: None,
        };
        let (s, _) = SpeechSettings::resolve(Some(SpeechMode::Off), Some("espeak"), &file, dir);
        assert_eq!(s.mode, SpeechMode::Off);
        assert!(s.explicit);
        let (s, problem) = SpeechSettings::resolve(None, Some("Espeak"), &file, dir);
        assert_eq!(problem, None);
        assert_eq!(s.mode, SpeechMode::Espeak);
        let (s, _) = SpeechSettings::resolve(None, None, &file, dir);
        assert_eq!(s.mode, SpeechMode::Dispatcher);
        assert_eq!(s.rate, Rate::wpm(120));
        let (s, _) = SpeechSettings::resolve(None, None, &SpeechConfig::default(), dir);
        assert_eq!(s.mode, SpeechMode::Auto);
        assert!(!s.explicit);
        assert_eq!(s.rate, Rate::DEFAULT);
        assert_eq!(s.wav, dir.join("speech.wav"));
        let (s, problem) = SpeechSettings::resolve(None, Some("loud"), &file, dir);
        assert_eq!(s.mode, SpeechMode::Dispatcher, "a bad value is ignored");
        assert!(problem.is_some_and(|p| p.contains("OPORA_SPEECH")));
    }

    #[test]
    fn the_configuration_file_is_read_and_a_broken_one_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        assert_eq!(read_config(&path).expect("missing is empty").mode, None);
        std::fs::write(&path, "[speech]\nmode = \"off\"\nrate = 130\n").expect("write");
        let config = read_config(&path).expect("valid");
        assert_eq!(config.mode, Some(SpeechMode::Off));
        assert_eq!(config.rate, Some(130));
        std::fs::write(&path, "[speech]\nmode = \"loud\"\n").expect("write");
        let error = read_config(&path).expect_err("broken");
        assert!(error.contains("config.toml"), "{error}");
    }

    #[test]
    fn off_is_off_and_needs_no_sentence() {
        let settings = SpeechSettings {
            mode: SpeechMode::Off,
            explicit: true,
            rate: Rate::DEFAULT,
            wav: PathBuf::from("/tmp/x.wav"),
        };
        let (choice, findings) = choose(&settings, false);
        assert!(matches!(choice, Choice::Off));
        assert_eq!(findings.chosen, Err(None));
    }

    #[test]
    fn wav_mode_uses_espeak_ng_which_the_test_machine_must_have() {
        let settings = SpeechSettings {
            mode: SpeechMode::Wav,
            explicit: true,
            rate: Rate::DEFAULT,
            wav: PathBuf::from("/tmp/x.wav"),
        };
        let (choice, findings) = choose(&settings, false);
        assert!(
            findings.espeak.is_some_and(|e| e.is_ok()),
            "espeak-ng is missing: run scripts/setup.sh test"
        );
        assert!(matches!(choice, Choice::Speaker(_)));
        assert_eq!(findings.chosen, Ok("wav"));
    }
}
