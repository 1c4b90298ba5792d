//! `opora`: the practice kiosk, full screen or in plain lines.

use super::parts::{
    lessons_dir, open_store, prepare_voice, speaker, voice_config, voice_unavailable, wants_plain,
};
use super::{Cli, report};
use crate::edge::{BankEdge, ReminderMaker, session_id};
use crate::listen::engine::VoiceSwitch;
use crate::locales::LocaleSource;
use crate::store::progress::ProgressStore;
use crate::tui::theme::Theme;
use opora_core::i18n::I18n;
use opora_core::kiosk::App;
use opora_core::kiosk::heard::VoiceState;
use opora_core::tr;
use std::process::ExitCode;

pub fn run(cli: &Cli, i18n: &I18n, source: &LocaleSource) -> ExitCode {
    let store = match open_store(i18n) {
        Ok(store) => store,
        Err(sentence) => {
            report(&sentence);
            return ExitCode::FAILURE;
        }
    };
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
    let plain = wants_plain(cli);
    let (speech, speech_sentences) = speaker(cli, i18n, plain);
    problems.extend(speech_sentences);
    app.set_startup_notice(problems.clone());
    let voice_lang = prepared.as_ref().map(|p| p.dir.lang);
    let sound_log = voice
        .input
        .is_none()
        .then(|| crate::paths::data_dir().join("voice.log"));
    if plain {
        // Standard error is the person's screen here too: quiet only while the microphone is
        // opened, so the sentences below reach them.
        drop(quiet);
        for sentence in &problems {
            report(sentence);
        }
        let spoken = crate::speech::Voice {
            lang: i18n.lang(),
            rate: speech.rate,
        };
        let speech = match speech.speaker {
            Some(speaker) => match crate::plain::PlainSpeech::start(speaker, spoken) {
                Ok(speech) => Some(speech),
                Err(e) => {
                    report(&crate::speech::SpeechError::Engine(e.to_string()).sentence(i18n));
                    None
                }
            },
            None => None,
        };
        // Plain mode loads the model before the first screen and listens on the spot.
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
        let plain_voice = match (engine.as_mut(), voice_lang) {
            (Some(engine), Some(lang)) => Some(crate::plain::PlainVoice {
                engine,
                lang,
                sound_log,
            }),
            _ => None,
        };
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        return match crate::plain::run_with_voice(
            &mut app,
            &mut edge,
            i18n,
            start,
            stdin.lock(),
            stdout.lock(),
            speech,
            plain_voice,
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                report(&tr!(i18n, "input-failed", reason = e.to_string()));
                ExitCode::FAILURE
            }
        };
    }
    // Load the bank before the first frame, so the first screen is complete.
    let start = crate::edge::run_effects(&mut app, &mut edge, start);
    let theme = Theme::from_env(cli.theme, std::env::var_os("NO_COLOR").is_some());
    let voice_setup = match (prepared, voice_lang) {
        (Some(prepared), Some(lang)) => Some(crate::tui::runner::VoiceSetup {
            prepared,
            lang,
            announce: voice.switch == VoiceSwitch::On,
        }),
        _ => None,
    };
    let result = crate::tui::runner::run(&mut app, edge, i18n, &theme, speech, start, voice_setup);
    drop(quiet);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report(&tr!(i18n, "terminal-failed", reason = e.to_string()));
            ExitCode::FAILURE
        }
    }
}
