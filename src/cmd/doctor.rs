//! `opora doctor`: what this computer has for Opora — the terminal's size, which voice can speak
//! and why the others cannot, and whether voice commands are ready or why not.

use super::Cli;
use super::parts::{speech_settings, voice_config};
use crate::listen::engine::VoiceSwitch;
use crate::speech::choose::{DispatcherCheck, Findings};
use opora_core::i18n::I18n;
use opora_core::tr;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(cli: &Cli, i18n: &I18n) -> ExitCode {
    let mut lines = vec![i18n.t("doctor-title")];
    let size = if std::io::stdout().is_terminal() {
        crossterm::terminal::size().ok()
    } else {
        None
    };
    lines.push(match size {
        Some((columns, rows)) => tr!(
            i18n,
            "doctor-terminal",
            columns = i64::from(columns),
            rows = i64::from(rows)
        ),
        None => i18n.t("doctor-terminal-none"),
    });
    let (settings, problem) = speech_settings(cli);
    lines.extend(problem);
    let (_, findings) = crate::speech::choose::choose(&settings, true);
    lines.extend(doctor_speech_lines(&findings, i18n));
    lines.push(doctor_voice_line(cli, i18n));
    lines.extend(doctor_privacy_lines(i18n));
    // A closed pipe (`opora doctor | head -1`) is not worth a panic; paths and sentences from
    // files are shown, never obeyed by the terminal.
    use std::io::Write;
    let mut out = crate::plain::safe_io::SafeOutput::new(std::io::stdout().lock());
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// Who can read Opora's files: the configuration (it holds the bank key) and the data folder.
fn doctor_privacy_lines(i18n: &I18n) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    let mut lines = Vec::new();
    let config = crate::paths::config_file();
    let shown = |p: &std::path::Path| p.display().to_string();
    if config.exists() {
        lines.push(match crate::config::exposed(&config) {
            Some(mode) => tr!(
                i18n,
                "config-exposed",
                path = shown(&config),
                mode = format!("{mode:03o}")
            ),
            None => tr!(i18n, "doctor-config-private", path = shown(&config)),
        });
    }
    let data = crate::paths::data_dir();
    if let Ok(meta) = std::fs::metadata(&data) {
        let mode = meta.mode() & 0o777;
        lines.push(if mode & 0o077 != 0 {
            tr!(
                i18n,
                "doctor-data-exposed",
                path = shown(&data),
                mode = format!("{mode:03o}")
            )
        } else {
            tr!(i18n, "doctor-data-private", path = shown(&data))
        });
    }
    lines
}

/// The voice-input part of `opora doctor`: the model, libvosk and the microphone (or the WAV
/// file), found and opened as the kiosk would, or the one sentence saying why not.
fn doctor_voice_line(cli: &Cli, i18n: &I18n) -> String {
    let mut config = voice_config(cli, i18n);
    config.switch = VoiceSwitch::On;
    let quiet = || match config.input {
        None => {
            crate::listen::quiet::QuietStderr::to_file(&crate::paths::data_dir().join("voice.log"))
                .ok()
        }
        Some(_) => None,
    };
    match crate::listen::engine::prepare_quietly(&config, quiet) {
        Ok((prepared, quiet)) => {
            drop(quiet);
            tr!(
                i18n,
                "doctor-voice-ready",
                model = prepared.dir.path.display().to_string(),
                lang = prepared.dir.lang.code().to_string()
            )
        }
        Err(error) => {
            // The sentence without its «Голос выключен: » head: the line says "off" already.
            let sentence = error.sentence(i18n);
            let reason = sentence
                .split_once(": ")
                .map_or(sentence.clone(), |(_, r)| r.to_string());
            tr!(i18n, "doctor-voice-off", reason = reason)
        }
    }
}

/// The speech part of `opora doctor`: what was found, what was chosen, and why the rest was not.
pub fn doctor_speech_lines(findings: &Findings, i18n: &I18n) -> Vec<String> {
    let mut lines = Vec::new();
    let reason = |error: &crate::speech::SpeechError| {
        // The sentence without its «Голос выключен: » head.
        let sentence = error.sentence(i18n);
        sentence
            .split_once(": ")
            .map_or(sentence.clone(), |(_, r)| r.to_string())
    };
    let chosen = match &findings.chosen {
        Ok(name) => tr!(i18n, "doctor-speech-chosen", backend = name.to_string()),
        Err(None) => i18n.t("doctor-speech-off-chosen"),
        Err(Some(error)) => format!("{}: {}", i18n.t("doctor-speech-off-chosen"), reason(error)),
    };
    lines.push(format!(
        "{} — {chosen}",
        tr!(
            i18n,
            "doctor-speech-choice",
            choice = findings.mode.name().to_string()
        )
    ));
    lines.push(match &findings.espeak {
        Some(Ok(version)) => {
            let voices = crate::speech::choose::espeak_voices(&crate::speech::espeak::program());
            tr!(
                i18n,
                "doctor-espeak-found",
                version = version.clone(),
                voices = voices.join(", ")
            )
        }
        Some(Err(_)) | None => i18n.t("doctor-espeak-missing"),
    });
    lines.push(match &findings.audio {
        Some(device) => tr!(i18n, "doctor-audio-found", device = device.clone()),
        None => i18n.t("doctor-audio-missing"),
    });
    lines.push(match &findings.dispatcher {
        DispatcherCheck::Answers => i18n.t("doctor-dispatcher-ok"),
        DispatcherCheck::Failed(error) => {
            tr!(i18n, "doctor-dispatcher-failed", reason = reason(error))
        }
        DispatcherCheck::Skipped(error) => {
            tr!(i18n, "doctor-dispatcher-skipped", reason = reason(error))
        }
    });
    lines
}
