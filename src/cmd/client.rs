//! The client's kiosk, as the stand-alone kiosk and the assisted session both run it: first the
//! parts are built (the practice bank, the lessons, lesson progress and reminders, voice input,
//! Opora's voice), each missing part one sentence on the first screen; then a face runs the
//! program on them — plain lines or full screen.

use super::parts::{
    lessons_dir, open_store, prepare_voice, speech, voice_config, voice_unavailable,
};
use super::{Cli, tell};
use crate::edge::{BankEdge, ReminderMaker, session_id};
use crate::listen::engine::{Prepared, VoiceConfig, VoiceSwitch};
use crate::listen::quiet::QuietStderr;
use crate::locales::LocaleSource;
use crate::speech::policy::SpeechPolicy;
use crate::store::progress::ProgressStore;
use crate::tui::runner::Drawable;
use crate::tui::theme::Theme;
use opora_core::i18n::I18n;
use opora_core::kiosk::state::VoiceState;
use opora_core::kiosk::{App, Effect};
use opora_core::lessons::Catalog;
use opora_core::program::{Edge, Program};
use opora_core::screen_model::ScreenModel;

/// The client's kiosk and everything it runs with, whichever face shows it.
pub struct ClientParts {
    pub app: App,
    pub start: Vec<Effect>,
    pub edge: BankEdge,
    pub catalog: Catalog,
    pub senses: Senses,
    /// Sentences about parts that could not be had, shown on the first screen.
    pub problems: Vec<String>,
}

/// Opora's voice and ears for a program.
pub struct Senses {
    pub speech: SpeechPolicy,
    voice: VoiceConfig,
    prepared: Option<Prepared>,
    /// Keeps the sound system's chatter off the screen while the microphone is in use.
    quiet: Option<QuietStderr>,
}

/// The parts; only the practice bank is required.
pub fn build(
    cli: &Cli,
    i18n: &I18n,
    source: &LocaleSource,
    plain: bool,
) -> Result<ClientParts, String> {
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
        catalog.lessons.clone(),
    ));
    // Progress is kept when its file can be opened; lessons work without it.
    if let Ok(progress) = ProgressStore::open(&crate::paths::progress_db()) {
        edge = edge.with_progress(progress, &session);
    }
    let (speech, speech_problems) = speech(cli, i18n, plain);
    problems.extend(speech_problems);
    Ok(ClientParts {
        app,
        start,
        edge,
        catalog,
        senses: Senses {
            speech,
            voice,
            prepared,
            quiet,
        },
        problems,
    })
}

/// Plain lines: the model is loaded before the first screen and listened with on the spot.
/// `app` is the kiosk whose voice state says whether Space listens.
pub fn plain_face<P, E>(
    program: &mut P,
    edge: &mut E,
    start: Vec<P::Effect>,
    senses: Senses,
    problems: &[String],
    voice_of: impl FnOnce(&mut P) -> &mut App,
    i18n: &I18n,
) -> std::io::Result<()>
where
    P: Program<View = ScreenModel>,
    E: Edge<P>,
{
    let Senses {
        speech,
        voice,
        prepared,
        quiet,
    } = senses;
    // Standard error is the person's screen here too: quiet only while the microphone is
    // opened, so the sentences below reach them.
    drop(quiet);
    for sentence in problems {
        tell(sentence);
    }
    let lang = prepared.as_ref().map(|p| p.dir.lang);
    let app = voice_of(program);
    let mut engine = prepared.and_then(|p| match p.load() {
        Ok(engine) => {
            app.set_voice(VoiceState::Ready);
            Some(engine)
        }
        Err(error) => {
            let sentence = error.tell_client(i18n);
            if voice_unavailable(app, &voice, sentence.clone()).is_some() {
                tell(&sentence);
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
    crate::plain::run(program, edge, start, face, stdin.lock(), stdout.lock())
}

/// Full screen: the model loads on the voice thread while the first frame is drawn.
pub fn full_screen<P, E>(
    cli: &Cli,
    program: &mut P,
    edge: E,
    start: Vec<P::Effect>,
    senses: Senses,
    i18n: &I18n,
) -> std::io::Result<()>
where
    P: Program,
    P::View: Drawable,
    E: Edge<P>,
{
    let Senses {
        speech,
        voice,
        prepared,
        quiet,
    } = senses;
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
    let result = crate::tui::runner::run(program, edge, start, face);
    drop(quiet);
    result
}
