//! espeak-ng as a child process: it speaks Russian and English, starts in milliseconds and can be
//! killed mid-word. It is GPL, so Opora only runs it as a program, never links it.
//!
//! The text goes in on standard input as SSML, one sentence after another with a short break
//! between them: older listeners need pauses between sentences, not slower words.

use super::{Speaker, SpeechError, Voice, sentences};
use opora_core::i18n::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The program, found on `PATH` unless `OPORA_ESPEAK` names another.
pub const PROGRAM: &str = "espeak-ng";

/// The pause between sentences.
const SENTENCE_BREAK_MS: u32 = 400;

/// Where espeak-ng's sound goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sink {
    /// The computer's sound device.
    Speakers,
    /// A WAV file (`-w`).
    Wav(PathBuf),
    /// A WAV stream on the child's standard output (`--stdout`), for the caller to read.
    Stdout,
}

/// The espeak-ng program to run: `OPORA_ESPEAK`, or `espeak-ng` on `PATH`.
pub fn program() -> PathBuf {
    std::env::var_os("OPORA_ESPEAK")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from(PROGRAM), PathBuf::from)
}

/// espeak-ng's voice for a language.
fn voice_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "ru",
        Lang::En => "en",
    }
}

/// The text as SSML: sentences with breaks between them, special characters escaped.
pub fn ssml(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body = sentences(text)
        .into_iter()
        .map(escape)
        .collect::<Vec<_>>()
        .join(&format!(" <break time=\"{SENTENCE_BREAK_MS}ms\"/> "));
    format!("<speak>{body}</speak>")
}

/// espeak-ng, one utterance at a time.
pub struct Espeak {
    program: PathBuf,
    sink: Sink,
    child: Option<Child>,
}

impl Espeak {
    pub fn new(sink: Sink) -> Espeak {
        Espeak::with_program(program(), sink)
    }

    pub fn with_program(program: PathBuf, sink: Sink) -> Espeak {
        Espeak {
            program,
            sink,
            child: None,
        }
    }

    /// Starts espeak-ng on `text` and hands back the running child (its standard output is the
    /// WAV stream when the sink is [`Sink::Stdout`]). Used by [`Speaker::say`] and by the
    /// benchmark, so both measure the same command.
    pub fn spawn(&self, text: &str, voice: Voice) -> Result<Child, SpeechError> {
        let mut command = Command::new(&self.program);
        command
            .arg("-v")
            .arg(voice_name(voice.lang))
            .arg("-s")
            .arg(voice.rate.words_per_minute().to_string())
            .arg("-m")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        match &self.sink {
            Sink::Speakers => {}
            Sink::Wav(path) => {
                command.arg("-w").arg(path);
            }
            Sink::Stdout => {
                command.arg("--stdout").stdout(Stdio::piped());
            }
        }
        let mut child = command.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SpeechError::NoProgram {
                program: self.program.display().to_string(),
            },
            _ => SpeechError::Engine(e.to_string()),
        })?;
        // The text is small; espeak-ng reads it all before speaking, so this never blocks long.
        if let Some(mut stdin) = child.stdin.take()
            && let Err(e) = stdin.write_all(ssml(text).as_bytes())
        {
            let _ = child.kill();
            let _ = child.wait();
            return Err(SpeechError::Engine(e.to_string()));
        }
        Ok(child)
    }

    /// Whether an utterance is still being spoken.
    pub fn is_speaking(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|child| matches!(child.try_wait(), Ok(None)))
    }

    /// What the finished child said on standard error, if it failed.
    fn failure(child: &mut Child, status: std::process::ExitStatus) -> Option<SpeechError> {
        use std::io::Read;
        let mut errors = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            let _ = stderr.read_to_string(&mut errors);
        }
        // espeak-ng 1.51 exits with 0 even when it could not open the sound device; its last
        // line then starts with "error".
        let said_error = errors
            .lines()
            .any(|l| l.trim_start().to_ascii_lowercase().starts_with("error"));
        if status.success() && !said_error {
            return None;
        }
        let detail = errors
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string();
        Some(SpeechError::Engine(if detail.is_empty() {
            status.to_string()
        } else {
            detail
        }))
    }
}

impl Speaker for Espeak {
    fn say(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError> {
        self.stop()?;
        self.child = Some(self.spawn(text, voice)?);
        Ok(())
    }

    fn stop(&mut self) -> Result<(), SpeechError> {
        if let Some(mut child) = self.child.take() {
            // Already finished is fine: kill fails, wait reaps it.
            let _ = child.kill();
            let _ = child.wait();
        }
        Ok(())
    }

    fn check(&mut self) -> Result<(), SpeechError> {
        let Some(child) = self.child.as_mut() else {
            return Ok(());
        };
        match child.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => {
                let failure = Espeak::failure(child, status);
                self.child = None;
                failure.map_or(Ok(()), Err)
            }
            Err(e) => Err(SpeechError::Engine(e.to_string())),
        }
    }

    fn name(&self) -> &'static str {
        PROGRAM
    }
}

impl Drop for Espeak {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// Writes each utterance to one WAV file, replacing the last one only when the new one is
/// complete (written beside it, then renamed): a kiosk's player never reads half a file.
pub struct WavWriter {
    program: PathBuf,
    path: PathBuf,
}

impl WavWriter {
    pub fn new(path: &Path) -> WavWriter {
        WavWriter {
            program: program(),
            path: path.to_owned(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Speaker for WavWriter {
    /// Writes the file before returning: espeak-ng writes faster than real time (a few tens of
    /// milliseconds per screen), and a file is only useful whole. espeak-ng writes into a new
    /// private file beside the target, created here exclusively under a random name (so nothing
    /// planted there, such as a link to another file, receives the sound), then renamed over it.
    fn say(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError> {
        let failed =
            |e: std::io::Error| SpeechError::Engine(format!("{}: {e}", self.path.display()));
        let (partial, file) = crate::files::private::temp_beside(&self.path).map_err(failed)?;
        drop(file);
        let espeak = Espeak::with_program(self.program.clone(), Sink::Wav(partial.clone()));
        let result = espeak.spawn(text, voice).and_then(|mut child| {
            let status = child
                .wait()
                .map_err(|e| SpeechError::Engine(e.to_string()))?;
            match Espeak::failure(&mut child, status) {
                Some(failure) => Err(failure),
                None => std::fs::rename(&partial, &self.path).map_err(failed),
            }
        });
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result
    }

    fn stop(&mut self) -> Result<(), SpeechError> {
        Ok(())
    }

    fn name(&self) -> &'static str {
        "wav"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssml_has_breaks_between_sentences_and_escapes_markup() {
        assert_eq!(
            ssml("Баланс. Один <два> & три."),
            "<speak>Баланс. <break time=\"400ms\"/> Один &lt;два&gt; &amp; три.</speak>"
        );
    }

    #[test]
    fn a_missing_program_is_named() {
        let mut espeak =
            Espeak::with_program(PathBuf::from("/nonexistent/espeak-ng"), Sink::Speakers);
        let error = espeak
            .say(
                "тест",
                Voice {
                    lang: Lang::Ru,
                    rate: super::super::Rate::DEFAULT,
                },
            )
            .expect_err("no such program");
        assert_eq!(
            error,
            SpeechError::NoProgram {
                program: "/nonexistent/espeak-ng".into()
            }
        );
    }
}
