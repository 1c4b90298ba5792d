//! `opora voice check` (load the model and recognise one phrase) and `opora voice parse PHRASE`
//! (what a typed phrase means on the home and amount screens, as JSON).

use super::parts::{voice_config, voice_lang};
use super::{Cli, tell};
use clap::Subcommand;

pub mod check;
pub mod parse;
use opora_core::i18n::I18n;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum VoiceAction {
    /// Load the speech model, say its language and load time, and recognise one phrase (from
    /// --voice-input, or said into the microphone). Exit status 1 if voice does not work.
    Check,
    /// Print, as JSON, the intent and slots a typed phrase yields on the home screen and on the
    /// amount screen (for trainers checking phrasings; no audio involved).
    Parse { phrase: String },
}

pub fn run(cli: &Cli, action: &VoiceAction, i18n: &I18n) -> ExitCode {
    match action {
        VoiceAction::Check => {
            let config = voice_config(cli, i18n);
            // The sound system's messages go to a log rather than between the check's lines.
            let log = crate::paths::data_dir().join("voice.log");
            let quiet = match config.input {
                None => crate::listen::quiet::QuietStderr::to_file(&log).ok(),
                Some(_) => None,
            };
            let sound_log = quiet.as_ref().map(|_| log.as_path());
            let mut out = crate::plain::safe_io::SafeOutput::new(std::io::stdout().lock());
            match check::run(&config, i18n, sound_log, &mut out) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
                Err(e) => {
                    tell(&e.to_string());
                    ExitCode::FAILURE
                }
            }
        }
        VoiceAction::Parse { phrase } => {
            let lang = voice_lang(cli, i18n);
            match parse::sample_contexts(i18n, lang) {
                Ok(contexts) => {
                    let report = parse::report(phrase, &contexts, i18n);
                    // The phrase comes back as typed: shown, never obeyed by the terminal.
                    let text = serde_json::to_string_pretty(&report).unwrap_or_default();
                    println!("{}", opora_core::safe_text::json(&text));
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    tell(&error.sentence(opora_core::store_error::StoreFile::Bank, i18n));
                    ExitCode::FAILURE
                }
            }
        }
    }
}
