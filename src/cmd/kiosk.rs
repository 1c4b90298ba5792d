//! `opora`: the practice kiosk. First the parts are built (the practice bank, the lessons, the
//! lesson progress and reminders, voice input, Opora's voice), each missing part one sentence
//! on the first screen; then a face is chosen: plain lines or full screen.

use super::config::config_error;
use super::journal::open_journal;
use super::parts::{
    lessons_dir, open_store, prepare_voice, speech, voice_config, voice_unavailable, wants_plain,
};
use super::{Cli, report};
use crate::config::Config;
use crate::edge::{BankEdge, PracticeLog, ReminderMaker, session_id};
use crate::listen::engine::{Prepared, VoiceConfig, VoiceSwitch};
use crate::listen::quiet::QuietStderr;
use crate::locales::LocaleSource;
use crate::speech::policy::SpeechPolicy;
use crate::store::progress::ProgressStore;
use crate::tui::theme::Theme;
use opora_core::i18n::I18n;
use opora_core::kiosk::App;
use opora_core::kiosk::Effect;
use opora_core::kiosk::state::VoiceState;
use opora_core::tr;
use std::process::ExitCode;

/// Everything the kiosk runs with, whichever face shows it.
struct Parts {
    app: App,
    start: Vec<Effect>,
    edge: BankEdge,
    speech: SpeechPolicy,
    voice: VoiceConfig,
    prepared: Option<Prepared>,
    /// Keeps the sound system's chatter off the screen while the microphone is in use.
    quiet: Option<QuietStderr>,
    /// Sentences about parts that could not be had, shown on the first screen.
    problems: Vec<String>,
}

pub fn run(cli: &Cli, i18n: &I18n, source: &LocaleSource) -> ExitCode {
    let plain = wants_plain(cli);
    let parts = match build(cli, i18n, source, plain) {
        Ok(parts) => parts,
        Err(sentence) => {
            report(&sentence);
            return ExitCode::FAILURE;
        }
    };
    let result = if plain {
        plain_face(parts, i18n)
    } else {
        full_screen(cli, parts, i18n)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) if plain => {
            report(&e.to_string());
            ExitCode::FAILURE
        }
        Err(e) => {
            report(&tr!(i18n, "terminal-failed", reason = e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// The parts; only the practice bank is required.
fn build(cli: &Cli, i18n: &I18n, source: &LocaleSource, plain: bool) -> Result<Parts, String> {
    let store = open_store(i18n)?;
    let session = session_id();
    let (mut app, start) = App::new(session.clone());
    let catalog = crate::lesson_files::for_language(i18n, lessons_dir(cli).as_deref());
    let mut problems = i18n.problem_sentences();
    // A trainer's broken lesson is left out, with a sentence saying why.
    problems.extend(
        catalog
            .problems
            .iter()
            .map(|p| opora_core::lessons::problem_sentence(p, i18n)),
    );
    // Voice input: the cheap checks now, so the first screen knows whether Space listens.
    let voice = voice_config(cli, i18n);
    let (quiet, prepared, voice_problem) = prepare_voice(&voice, i18n, &mut app);
    problems.extend(voice_problem);
    app.set_lessons(catalog.lessons.clone());
    let mut edge = BankEdge::new(store).with_reminders(ReminderMaker::new(
        crate::paths::data_dir().join("reminders"),
        i18n.lang(),
        source.clone(),
        catalog.lessons,
    ));
    // Progress is kept when its file can be opened; lessons work without it.
    if let Ok(progress) = ProgressStore::open(&crate::paths::progress_db()) {
        edge = edge.with_progress(progress, &session);
    }
    // A client practising alone is kept as an anonymous session, unless the device says not to.
    match practice_log(i18n) {
        Ok(Some(log)) => {
            edge = edge.with_practice_log(log);
            app.set_journey_kept(true);
        }
        Ok(None) => {}
        Err(sentence) => problems.push(sentence),
    }
    let (speech, speech_problems) = speech(cli, i18n, plain);
    problems.extend(speech_problems);
    app.set_startup_notice(problems.clone());
    Ok(Parts {
        app,
        start,
        edge,
        speech,
        voice,
        prepared,
        quiet,
        problems,
    })
}

/// The journal for a client practising alone: `None` when the device turned it off; a
/// sentence when the configuration or the journal cannot be read (the kiosk goes on without).
fn practice_log(i18n: &I18n) -> Result<Option<PracticeLog>, String> {
    let path = crate::paths::config_file();
    let config = Config::load(&path).map_err(|e| config_error(&e, i18n))?;
    if !config.keeps_self_practice() {
        return Ok(None);
    }
    let journal = open_journal(i18n)?;
    let device = config.device_id.as_deref().unwrap_or("unnamed-device");
    let site = config.site.as_deref().unwrap_or("");
    Ok(Some(PracticeLog::new(journal, device, site)))
}

/// Plain lines: the model is loaded before the first screen and listened with on the spot.
fn plain_face(parts: Parts, i18n: &I18n) -> std::io::Result<()> {
    let Parts {
        mut app,
        start,
        mut edge,
        speech,
        voice,
        prepared,
        quiet,
        problems,
    } = parts;
    // Standard error is the person's screen here too: quiet only while the microphone is
    // opened, so the sentences below reach them.
    drop(quiet);
    for sentence in &problems {
        report(sentence);
    }
    let lang = prepared.as_ref().map(|p| p.dir.lang);
    let mut engine = prepared.and_then(|p| match p.load() {
        Ok(engine) => {
            app.set_voice(VoiceState::Ready);
            Some(engine)
        }
        Err(error) => {
            let sentence = error.sentence(i18n);
            if voice_unavailable(&mut app, &voice, sentence.clone()).is_some() {
                report(&sentence);
            }
            None
        }
    });
    let sound_log = voice
        .input
        .is_none()
        .then(|| crate::paths::data_dir().join("voice.log"));
    let voice = match (engine.as_mut(), lang) {
        (Some(engine), Some(lang)) => Some(crate::plain::PlainVoice {
            engine,
            lang,
            sound_log,
        }),
        _ => None,
    };
    let face = crate::plain::PlainFace {
        i18n,
        speech,
        voice,
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    crate::plain::run(
        &mut app,
        &mut edge,
        start,
        face,
        stdin.lock(),
        stdout.lock(),
    )
}

/// Full screen: the model loads on the voice thread while the first frame is drawn.
fn full_screen(cli: &Cli, parts: Parts, i18n: &I18n) -> std::io::Result<()> {
    let Parts {
        mut app,
        start,
        edge,
        speech,
        voice,
        prepared,
        quiet,
        ..
    } = parts;
    let theme = Theme::from_env(cli.theme, std::env::var_os("NO_COLOR").is_some());
    let voice = prepared.map(|prepared| crate::tui::runner::VoiceSetup {
        lang: prepared.dir.lang,
        prepared,
        announce: voice.switch == VoiceSwitch::On,
    });
    let face = crate::tui::runner::Face {
        i18n,
        theme: &theme,
        speech,
        voice,
    };
    let result = crate::tui::runner::run(&mut app, edge, start, face);
    drop(quiet);
    result
}
