//! The plain linear face: each screen printed once as numbered lines, then a prompt ending in
//! `> `, then one line read from the input. No full-screen redraws, so screen readers and
//! braille displays follow it, and the whole kiosk can be scripted through stdin. With voice
//! input on, a line of spaces (Space, Enter) or «слушай» listens to one utterance, right there.
//!
//! A screen reader speaks here, so Opora's own voice is off unless the person asked for it
//! (`--speech`); when on, each new screen is spoken and every line typed stops the voice.

pub mod assist;
pub mod safe_io;

use crate::edge::{BankEdge, drive, run_effects};
use crate::listen::engine::Engine;
use opora_core::i18n::I18n;
use opora_core::input::{Effect, Key, Msg, RateStep};
use opora_core::kiosk::heard::{VoiceMsg, VoiceState};
use opora_core::kiosk::{App, view};
use opora_core::screen_model::ScreenModel;
use opora_core::tr;
use opora_core::voice::{Context, VoiceLang};
use std::io::{self, BufRead, Write};
use std::sync::atomic::AtomicBool;

/// What one line of input means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A number: a choice.
    Choose(u32),
    Back,
    Help,
    Repeat,
    Bigger,
    Smaller,
    /// Speak slower or faster.
    Slower,
    Faster,
    Quit,
    /// Text for the field of the screen (an amount, a phone number, a code).
    Text(String),
    /// An empty line: show the prompt again.
    Nothing,
    /// Spaces, or «слушай»: listen to one utterance (Space in the full-screen kiosk).
    Listen,
}

/// Reads a line as a command. On a screen with a field, anything that is not a command word is
/// text for the field.
pub fn parse_command(line: &str, has_field: bool) -> Option<Command> {
    if !line.is_empty() && line.chars().all(|c| c == ' ') {
        return Some(Command::Listen);
    }
    let text = line.trim();
    let word = text.to_lowercase();
    let command = match word.as_str() {
        "" => Command::Nothing,
        "esc" | "back" | "b" | "назад" => Command::Back,
        "?" | "help" | "f1" | "помощь" | "подсказка" => Command::Help,
        "r" | "repeat" | "повтори" | "повторить" => Command::Repeat,
        "+" => Command::Bigger,
        "<" | "slower" | "медленнее" => Command::Slower,
        ">" | "faster" | "быстрее" => Command::Faster,
        "-" if !has_field => Command::Smaller,
        "quit" | "exit" | "выход" | "выйти" => Command::Quit,
        "слушай" | "listen" | "голос" | "voice" => Command::Listen,
        _ if has_field => Command::Text(text.to_string()),
        _ => match word.parse::<u32>() {
            Ok(n) => Command::Choose(n),
            Err(_) => return None,
        },
    };
    Some(command)
}

/// Opora's own voice in plain mode: the speech thread, the voice, and the slot the thread puts
/// its failure in (the plain loop waits on input, so it looks at the slot before each screen).
pub struct PlainSpeech {
    edge: crate::speech::edge::SpeechEdge,
    voice: crate::speech::Voice,
    failed: std::sync::Arc<std::sync::Mutex<Option<crate::speech::SpeechError>>>,
    /// Said before the next screen («Медленнее.»); `Some` also means "say it even if unchanged".
    again: Option<String>,
    said: Option<String>,
}

impl PlainSpeech {
    pub fn start(
        speaker: Box<dyn crate::speech::Speaker>,
        voice: crate::speech::Voice,
    ) -> io::Result<PlainSpeech> {
        let failed = std::sync::Arc::new(std::sync::Mutex::new(None));
        let slot = std::sync::Arc::clone(&failed);
        let edge = crate::speech::edge::SpeechEdge::spawn(speaker, move |error| {
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(error);
            }
        })?;
        Ok(PlainSpeech {
            edge,
            voice,
            failed,
            again: None,
            said: None,
        })
    }

    fn failure(&self) -> Option<crate::speech::SpeechError> {
        self.failed.lock().ok().and_then(|mut slot| slot.take())
    }

    fn speak(&mut self, spoken: &str) {
        let again = self.again.take();
        if again.is_none() && self.said.as_deref() == Some(spoken) {
            return;
        }
        let text = match again.filter(|p| !p.is_empty()) {
            Some(preface) => format!("{preface} {spoken}"),
            None => spoken.to_string(),
        };
        self.edge.say(&text, self.voice);
        self.said = Some(spoken.to_string());
    }

    fn step(&mut self, step: RateStep, i18n: &I18n) {
        let (next, changed, at_end) = match step {
            RateStep::Slower => (self.voice.rate.slower(), "speech-slower", "speech-slowest"),
            RateStep::Faster => (self.voice.rate.faster(), "speech-faster", "speech-fastest"),
        };
        self.again = Some(match next {
            Some(rate) => {
                self.voice.rate = rate;
                i18n.t(changed)
            }
            None => i18n.t(at_end),
        });
    }
}

/// Runs the kiosk in plain mode until the person quits or the input ends. Returns normally at
/// the end of input: that is how scripts finish.
pub fn run(
    app: &mut App,
    edge: &mut BankEdge,
    i18n: &I18n,
    start_effects: Vec<Effect>,
    input: impl BufRead,
    out: impl Write,
) -> io::Result<()> {
    run_with_voice(app, edge, i18n, start_effects, input, out, None, None)
}

/// Voice input in plain mode: a loaded model and its sound source, listened to on the spot.
pub struct PlainVoice<'a> {
    pub engine: &'a mut Engine,
    pub lang: VoiceLang,
    /// Where the sound system's chatter goes while the microphone is open (standard error is
    /// the person's screen too), or `None` for a WAV file.
    pub sound_log: Option<std::path::PathBuf>,
}

/// [`run`], with Opora's own voice when `speech` is given and voice input when `voice` is.
#[allow(clippy::too_many_arguments)]
pub fn run_with_voice(
    app: &mut App,
    edge: &mut BankEdge,
    i18n: &I18n,
    start_effects: Vec<Effect>,
    input: impl BufRead,
    out: impl Write,
    mut speech: Option<PlainSpeech>,
    mut voice: Option<PlainVoice>,
) -> io::Result<()> {
    let mut out = safe_io::SafeOutput::new(out);
    run_effects(app, edge, start_effects);
    let mut shown: Option<ScreenModel> = None;
    let mut lines = safe_io::lines(input);
    loop {
        if let Some(error) = speech.as_ref().and_then(PlainSpeech::failure) {
            writeln!(out, "{}", error.sentence(i18n))?;
            speech = None;
        }
        let model = view(app, i18n);
        print_screen(&mut out, shown.as_ref(), &model)?;
        if let Some(speech) = speech.as_mut() {
            speech.speak(&model.spoken);
        }
        shown = Some(model.clone());
        write!(out, "{} > ", model.prompt)?;
        out.flush()?;
        let Some(line) = lines.next() else {
            writeln!(out)?;
            return Ok(());
        };
        let line = line?;
        if let Some(speech) = &speech {
            speech.edge.stop();
        }
        let has_field = model.field.is_some();
        let Some(command) = parse_command(&line, has_field) else {
            writeln!(
                out,
                "{}",
                tr!(i18n, "plain-unknown-command", input = safe_io::echo(&line))
            )?;
            continue;
        };
        let keys: Vec<Key> = match command {
            Command::Nothing => continue,
            Command::Choose(n) => vec![Key::Number(n)],
            Command::Back => vec![Key::Esc],
            Command::Help => vec![Key::Help],
            Command::Repeat => {
                // Print the whole screen again.
                shown = None;
                vec![Key::Repeat]
            }
            Command::Slower => vec![Key::Slower],
            Command::Faster => vec![Key::Faster],
            Command::Bigger => vec![Key::Bigger],
            Command::Smaller => vec![Key::Smaller],
            Command::Quit => vec![Key::Quit],
            // Space: the core says whether voice listens now, or why not.
            Command::Listen if app.voice_state() == &VoiceState::Off(None) => {
                writeln!(out, "{}", i18n.t("voice-off-by-choice"))?;
                continue;
            }
            Command::Listen => vec![Key::Char(' ')],
            Command::Text(text) => {
                let typed = model.field.as_ref().map_or(0, |f| f.value.chars().count());
                let mut keys = vec![Key::Backspace; typed];
                keys.extend(text.chars().map(|c| match c.to_digit(10) {
                    Some(d) => Key::Digit(d as u8),
                    None => Key::Char(c),
                }));
                keys.push(Key::Enter);
                keys
            }
        };
        for key in keys {
            let mut rest = drive(app, edge, Msg::Key(key));
            if rest.contains(&Effect::Quit) || app.is_quitting() {
                writeln!(out, "{}", i18n.t("plain-bye"))?;
                return Ok(());
            }
            if rest.contains(&Effect::Listen) {
                // The voice must not talk over the client.
                if let Some(speech) = &speech {
                    speech.edge.stop();
                }
                rest = listen(app, edge, i18n, voice.as_mut(), &mut out)?;
            }
            if rest.contains(&Effect::RepeatScreen) {
                // `r`, or «повтори» said: print the whole screen again.
                shown = None;
            }
            if let Some(speech) = speech.as_mut() {
                for effect in &rest {
                    match effect {
                        Effect::RepeatScreen => speech.again = Some(String::new()),
                        Effect::SpeechRate(step) => speech.step(*step, i18n),
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Listens to one utterance on the current screen, saying «Слушаю…» first, and hands what was
/// heard to the core. Returns the effects left for the face.
fn listen(
    app: &mut App,
    edge: &mut BankEdge,
    i18n: &I18n,
    voice: Option<&mut PlainVoice>,
    out: &mut impl Write,
) -> io::Result<Vec<Effect>> {
    let Some(voice) = voice else {
        return Ok(Vec::new());
    };
    if let Some(banner) = view(app, i18n).voice {
        writeln!(out, "{}", banner.text)?;
        out.flush()?;
    }
    let context = Context::of(app, i18n, voice.lang);
    let quiet = voice
        .sound_log
        .as_deref()
        .and_then(|log| crate::listen::quiet::QuietStderr::append_to(log).ok());
    let heard = voice.engine.hear(&context, &AtomicBool::new(false));
    drop(quiet);
    let msg = match heard {
        Ok((heard, _)) => VoiceMsg::Heard(heard),
        Err(error) => VoiceMsg::Failed(error.sentence(i18n)),
    };
    Ok(drive(app, edge, Msg::Voice(msg)))
}

/// Prints the screen; if only the notice changed since the last one, prints just the notice.
fn print_screen(
    out: &mut impl Write,
    shown: Option<&ScreenModel>,
    model: &ScreenModel,
) -> io::Result<()> {
    let same_screen = shown.is_some_and(|s| {
        s.id == model.id
            && s.title == model.title
            && s.fact == model.fact
            && s.lines == model.lines
            && s.choices == model.choices
            && s.phone == model.phone
    });
    if same_screen {
        if let Some(voice) = model.voice.as_ref().filter(|v| !v.listening) {
            writeln!(out, "{}", voice.text)?;
        }
        if let Some(notice) = &model.notice {
            writeln!(out, "{}: {}", notice.label, notice.text)?;
        }
        return Ok(());
    }
    writeln!(out)?;
    for line in render(model) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The screen as plain lines: band, progress, title, fact, lines, phone, field, notice,
/// choices, staff line.
pub fn render(model: &ScreenModel) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(band) = &model.band {
        out.push(format!("== {band} =="));
    }
    out.extend(model.progress.clone());
    out.push(model.title.clone());
    out.extend(model.fact.clone());
    out.extend(model.lines.iter().cloned());
    if let Some(voice) = model.voice.as_ref().filter(|v| !v.listening) {
        out.push(voice.text.clone());
    }
    if let Some(phone) = &model.phone {
        out.push(format!(
            "[{} — {}] {}",
            phone.caption, phone.sender, phone.message
        ));
    }
    if let Some(notice) = &model.notice {
        out.push(format!("{}: {}", notice.label, notice.text));
    }
    if let Some(field) = &model.field {
        out.push(format!("{}:", field.label));
    }
    for choice in &model.choices {
        out.push(format!("{}. {}", choice.key, choice.label));
    }
    out.extend(model.staff_hint.clone());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_in_both_languages() {
        assert_eq!(parse_command("3", false), Some(Command::Choose(3)));
        assert_eq!(parse_command(" 12 ", false), Some(Command::Choose(12)));
        assert_eq!(parse_command("назад", false), Some(Command::Back));
        assert_eq!(parse_command("ESC", true), Some(Command::Back));
        assert_eq!(parse_command("?", true), Some(Command::Help));
        assert_eq!(parse_command("", false), Some(Command::Nothing));
        assert_eq!(parse_command("hello", false), None);
        assert_eq!(
            parse_command("300,50", true),
            Some(Command::Text("300,50".into()))
        );
        assert_eq!(
            parse_command("-300", true),
            Some(Command::Text("-300".into()))
        );
        assert_eq!(parse_command("-", false), Some(Command::Smaller));
        assert_eq!(parse_command("медленнее", false), Some(Command::Slower));
        assert_eq!(parse_command("Faster", true), Some(Command::Faster));
        assert_eq!(parse_command(" ", true), Some(Command::Listen));
        assert_eq!(parse_command("  ", false), Some(Command::Listen));
        assert_eq!(parse_command("слушай", true), Some(Command::Listen));
    }
}
