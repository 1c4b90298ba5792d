//! The plain runner: runs any program whose screens are [`ScreenModel`]s (the kiosk, the
//! assisted session) as plain lines. Each screen is printed once, then a prompt ending in `> `,
//! then one line is read; what it means ([`command`](super::command)) becomes the keys the
//! full-screen face would send, and the program's effects are carried out on the spot
//! ([`pump`]) before the next prompt, so a script always sees the finished screen. With voice
//! input on, a line of spaces (Space, Enter) or «слушай» listens to one utterance right there.
//!
//! A screen reader speaks here, so Opora's own voice is off unless the person asked for it;
//! when on, the speech policy is the full-screen face's, and every line typed stops the voice.

use super::command::{keys, parse_command, staff_key};
use super::print::print_screen;
use crate::edge::{drive, pump};
use crate::listen::engine::Engine;
use crate::speech::policy::SpeechPolicy;
use opora_core::i18n::I18n;
use opora_core::program::{Edge, FaceRequest, Program};
use opora_core::screen_model::ScreenModel;
use opora_core::tr;
use opora_core::voice::VoiceLang;
use opora_core::voice::meaning::VoiceMsg;
use std::io::{self, BufRead, Write};
use std::sync::atomic::AtomicBool;

/// Voice input in plain mode: a loaded model and its sound source, listened to on the spot.
pub struct PlainVoice<'a> {
    pub engine: &'a mut Engine,
    pub lang: VoiceLang,
    /// Where the sound system's chatter goes while the microphone is open (standard error is
    /// the person's screen too), or `None` for a WAV file.
    pub sound_log: Option<std::path::PathBuf>,
}

/// The plain face's own parts: the texts, the voice and the ears.
pub struct PlainFace<'a> {
    pub i18n: &'a I18n,
    pub speech: SpeechPolicy,
    pub voice: Option<PlainVoice<'a>>,
}

/// Runs `program` until it quits or the input ends (that is how scripts finish).
pub fn run<P, E>(
    program: &mut P,
    edge: &mut E,
    start: Vec<P::Effect>,
    mut face: PlainFace,
    input: impl BufRead,
    out: impl Write,
) -> io::Result<()>
where
    P: Program<View = ScreenModel>,
    E: Edge<P>,
{
    // Nothing escapes to the terminal but text; no line read can be too long or not UTF-8.
    let mut out = super::safe_io::SafeOutput::new(out);
    let i18n = face.i18n;
    let mut shown: Option<ScreenModel> = None;
    let requests = pump(program, edge, start);
    if face_requests(program, edge, &mut face, requests, &mut shown, &mut out)? {
        return bye(&mut out, i18n);
    }
    let mut lines = super::safe_io::lines(input);
    loop {
        if let Some(error) = face.speech.take_failure() {
            writeln!(out, "{}", error.sentence(i18n))?;
        }
        let model = program.view(i18n);
        print_screen(&mut out, shown.as_ref(), &model)?;
        face.speech.screen(&model);
        write!(out, "{} > ", model.prompt)?;
        shown = Some(model);
        out.flush()?;
        let Some(line) = lines.next() else {
            writeln!(out)?;
            return Ok(());
        };
        let line = line?;
        face.speech.hush();
        // What another process changed meanwhile (staff unblocked the card) counts for this line.
        let requests = pump(program, edge, program.refresh());
        if face_requests(program, edge, &mut face, requests, &mut shown, &mut out)? {
            return bye(&mut out, i18n);
        }
        let model = shown
            .as_ref()
            .map_or_else(ScreenModel::default, Clone::clone);
        let keys = if let Some(key) = staff_key(&line) {
            vec![key]
        } else {
            match parse_command(&line, model.field.is_some()) {
                Some(command) => keys(command, &model, face.voice.is_some()),
                None => {
                    let input = super::safe_io::echo(&line);
                    writeln!(out, "{}", tr!(i18n, "plain-unknown-command", input = input))?;
                    continue;
                }
            }
        };
        for key in keys {
            let requests = drive(program, edge, P::key(key));
            if face_requests(program, edge, &mut face, requests, &mut shown, &mut out)?
                || program.is_quitting()
            {
                return bye(&mut out, i18n);
            }
        }
    }
}

fn bye(out: &mut impl Write, i18n: &I18n) -> io::Result<()> {
    writeln!(out, "{}", i18n.t("plain-bye"))
}

/// Does what the program asked of the face; true when it asked to quit.
fn face_requests<P, E>(
    program: &mut P,
    edge: &mut E,
    face: &mut PlainFace,
    mut requests: Vec<FaceRequest>,
    shown: &mut Option<ScreenModel>,
    out: &mut impl Write,
) -> io::Result<bool>
where
    P: Program<View = ScreenModel>,
    E: Edge<P>,
{
    while !requests.is_empty() {
        let mut more = Vec::new();
        for request in requests {
            match request {
                FaceRequest::Quit => return Ok(true),
                // `r`, or «повтори» said: print the whole screen again, and say it.
                FaceRequest::RepeatScreen => {
                    *shown = None;
                    face.speech.repeat();
                    if !face.speech.is_on() {
                        program.show_warning(face.i18n.t("sound-off-here"));
                    }
                }
                // `<`, `>` with no voice: the screen says so.
                FaceRequest::SpeechRate(_) if !face.speech.is_on() => {
                    program.show_warning(face.i18n.t("sound-off-here"));
                }
                FaceRequest::SpeechRate(step) => face.speech.step_rate(step, face.i18n),
                FaceRequest::Listen => {
                    // The voice must not talk over the client.
                    face.speech.hush();
                    if let Some(msg) = listen(program, face, out)?
                        && let Some(msg) = P::voice(msg)
                    {
                        more.extend(drive(program, edge, msg));
                    }
                }
                FaceRequest::StopListening => {}
            }
        }
        requests = more;
    }
    Ok(false)
}

/// Listens to one utterance on the current screen, saying «Слушаю…» first; what was heard, for
/// the program.
fn listen<P: Program<View = ScreenModel>>(
    program: &P,
    face: &mut PlainFace,
    out: &mut impl Write,
) -> io::Result<Option<VoiceMsg>> {
    let i18n = face.i18n;
    let Some(voice) = face.voice.as_mut() else {
        return Ok(None);
    };
    let Some(context) = program.voice_context(i18n, voice.lang) else {
        return Ok(None);
    };
    if let Some(banner) = program.view(i18n).voice {
        writeln!(out, "{}", banner.text)?;
        out.flush()?;
    }
    let quiet = voice
        .sound_log
        .as_deref()
        .and_then(|log| crate::listen::quiet::QuietStderr::append_to(log).ok());
    let heard = voice.engine.hear(&context, &AtomicBool::new(false));
    drop(quiet);
    Ok(Some(match heard {
        Ok((heard, _)) => VoiceMsg::Heard(heard),
        Err(error) => VoiceMsg::Failed(error.sentence(i18n)),
    }))
}
