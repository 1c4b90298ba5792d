//! The `opora` command: the kiosk (full screen or plain), and the staff commands for the
//! practice bank. Problems reach the person as one sentence in their language, never a panic.

use crate::bank::{Clock, SandboxStore};
use crate::core::App;
use crate::core::voice::VoiceState;
use crate::i18n::{I18n, Lang, LocaleSource, detect_lang};
use crate::lessons::Catalog;
use crate::lessons::progress::ProgressStore;
use crate::runtime::{BankEdge, ReminderMaker, session_id};
use crate::speech::choose::{Choice, DispatcherCheck, Findings, SpeechMode, SpeechSettings};
use crate::tr;
use crate::ui::theme::{Theme, ThemeName};
use crate::voice::engine::{VoiceConfig, VoiceSwitch};
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "opora",
    version,
    about = "Practice kiosk for everyday banking: large text, one thing per screen, safe play money"
)]
pub struct Cli {
    /// Print each screen as plain numbered lines and read answers line by line (for screen
    /// readers and scripts). Also chosen when TERM=dumb or ACCESSIBLE is set.
    #[arg(long, global = true)]
    pub plain: bool,

    /// Language: ru or en (default: from LC_ALL, LC_MESSAGES, LANG; Russian otherwise).
    #[arg(long, global = true, value_name = "ru|en")]
    pub lang: Option<Lang>,

    /// Colours: dark (light on dark), light (dark on light) or mono. NO_COLOR means mono.
    #[arg(long, global = true, value_name = "dark|light|mono")]
    pub theme: Option<ThemeName>,

    /// A folder with the bank's own locale files (ru/opora.ftl, en/opora.ftl); also
    /// OPORA_LOCALES.
    #[arg(long, global = true, value_name = "DIR")]
    pub locales: Option<PathBuf>,

    /// A folder with a trainer's own lessons (*.toml), offered beside the shipped ones; also
    /// OPORA_LESSONS. Default: the `lessons` folder in Opora's data folder, if there is one.
    #[arg(long, global = true, value_name = "DIR")]
    pub lessons: Option<PathBuf>,
    /// Speech: auto (espeak-ng when there is a sound device), espeak, dispatcher
    /// (speech-dispatcher), wav (into the file set by --speech-wav) or off. Also OPORA_SPEECH,
    /// or `mode` in the [speech] table of the configuration file. Plain mode is silent unless
    /// asked, because a screen reader speaks there.
    #[arg(long, global = true, value_name = "MODE")]
    pub speech: Option<SpeechMode>,

    /// The WAV file `--speech wav` writes each screen to (default: speech.wav in Opora's folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub speech_wav: Option<PathBuf>,

    /// Voice input: auto (used when a speech model, libvosk and a microphone are there; Space
    /// says why not otherwise), on (also says at start why not), or off.
    #[arg(long, global = true, value_name = "auto|on|off")]
    pub voice: Option<crate::voice::engine::VoiceSwitch>,

    /// The language Opora listens in: ru, en, or ko (the Korean test model). Default: the
    /// model's, or the screen language.
    #[arg(long, global = true, value_name = "ru|en|ko")]
    pub voice_lang: Option<crate::voice::VoiceLang>,

    /// The speech model's folder; also OPORA_VOICE_MODEL. Default: models/<lang>/ (see
    /// models/README.md).
    #[arg(long, global = true, value_name = "DIR")]
    pub voice_model: Option<PathBuf>,

    /// Listen to this WAV file instead of the microphone, one utterance per Space (tests,
    /// demos).
    #[arg(long, global = true, value_name = "FILE")]
    pub voice_input: Option<PathBuf>,

    /// The quiet, in milliseconds, that ends what the client says (300–3000); also
    /// OPORA_VOICE_PAUSE_MS. Longer for people who pause between words.
    #[arg(long, global = true, value_name = "MS", value_parser = clap::value_parser!(u64).range(crate::voice::endpoint::PAUSE_RANGE_MS))]
    pub voice_pause: Option<u64>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// What this computer has for Opora: the terminal's size, and which voice can speak and why
    /// the others cannot.
    Doctor,
    /// Staff commands for the practice bank.
    Sandbox {
        #[command(subcommand)]
        action: SandboxAction,
    },
    /// A staff-led assisted session (or `assist follow-up`), recorded in the journal.
    Assist(crate::assist_cli::AssistArgs),
    /// Move this device's journal of assisted sessions to or from a file, or purge old ones.
    Journal {
        #[command(subcommand)]
        action: crate::journal::cli::JournalAction,
    },
    /// Conversion and the other assisted-digital figures from the journal.
    Report(crate::report::cli::ReportArgs),
    /// The report's figures as bar charts and a weekly sparkline (full screen).
    Dashboard(crate::report::cli::DashboardArgs),
    /// The bank-wide pseudonym key and this device's id (config.toml).
    Config {
        #[command(subcommand)]
        action: crate::journal::cli::ConfigAction,
    },
    /// The tutorials: list them, or check lesson files for mistakes.
    Lessons {
        #[command(subcommand)]
        action: LessonsAction,
    },
    /// Voice input: what a phrase means.
    Voice {
        #[command(subcommand)]
        action: VoiceAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum VoiceAction {
    /// Load the speech model, say its language and load time, and recognise one phrase (from
    /// --voice-input, or said into the microphone). Exit status 1 if voice does not work.
    Check,
    /// Print, as JSON, the intent and slots a typed phrase yields on the home screen and on the
    /// amount screen (for trainers checking phrasings; no audio involved).
    Parse { phrase: String },
}

#[derive(Debug, Subcommand)]
pub enum LessonsAction {
    /// Every lesson on offer, with its number of steps.
    List,
    /// Check lesson files: the shipped and the trainer's, or only PATH (a file or a folder).
    /// Every problem is printed with its file and line; the exit status is 1 if there are any.
    Check { path: Option<PathBuf> },
}

#[derive(Debug, Subcommand)]
pub enum SandboxAction {
    /// Restore the demo client, balances, bills and history.
    Reset,
    /// Unblock the practice card (only staff may do this).
    UnblockCard,
}

/// Tells the person on standard error what went wrong. A standard error that is gone (a closed
/// window) is not worth a panic: the exit status still says it.
fn report(sentence: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{sentence}");
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = |name: &str| std::env::var(name).ok();
    let lang = detect_lang(cli.lang, env);
    let source = match cli
        .locales
        .clone()
        .or_else(|| std::env::var_os("OPORA_LOCALES").map(PathBuf::from))
    {
        Some(dir) => LocaleSource::Dir(dir),
        None => LocaleSource::Embedded,
    };
    let i18n = I18n::load(lang, &source);
    match &cli.command {
        None => kiosk(&cli, &i18n, &source),
        Some(Command::Doctor) => doctor(&cli, &i18n),
        Some(Command::Sandbox { action }) => sandbox(action, &i18n),
        Some(Command::Journal { action }) => crate::journal::cli::journal_command(action, &i18n),
        Some(Command::Assist(args)) => {
            let theme = Theme::from_env(cli.theme, std::env::var_os("NO_COLOR").is_some());
            let lessons = Catalog::for_language(&i18n, lessons_dir(&cli).as_deref());
            crate::assist_cli::assist_command(
                args,
                &i18n,
                wants_plain(&cli),
                &theme,
                &lessons,
                &source,
            )
        }
        Some(Command::Dashboard(args)) => {
            let theme = Theme::from_env(cli.theme, std::env::var_os("NO_COLOR").is_some());
            crate::report::cli::dashboard_command(args, &i18n, wants_plain(&cli), &theme)
        }
        Some(Command::Report(args)) => crate::report::cli::report_command(args, &i18n),
        Some(Command::Config { action }) => crate::journal::cli::config_command(action, &i18n),
        Some(Command::Lessons { action }) => lessons(&cli, action, &i18n, &source),
        Some(Command::Voice { action }) => voice(&cli, action, &i18n),
    }
}

/// The voice language: `--voice-lang`, or the screen language.
fn voice_lang(cli: &Cli, i18n: &I18n) -> crate::voice::VoiceLang {
    cli.voice_lang
        .unwrap_or_else(|| crate::voice::VoiceLang::of(i18n.lang()))
}

/// What the command line and the environment say about voice input.
fn voice_config(cli: &Cli, i18n: &I18n) -> crate::voice::engine::VoiceConfig {
    crate::voice::engine::VoiceConfig {
        switch: cli.voice.unwrap_or_default(),
        lang: cli.voice_lang,
        fallback: crate::voice::VoiceLang::of(i18n.lang()),
        model: cli
            .voice_model
            .clone()
            .or_else(|| std::env::var_os("OPORA_VOICE_MODEL").map(PathBuf::from)),
        input: cli.voice_input.clone(),
        pause: crate::voice::endpoint::pause_setting(cli.voice_pause),
    }
}

fn voice(cli: &Cli, action: &VoiceAction, i18n: &I18n) -> ExitCode {
    match action {
        VoiceAction::Check => {
            let config = voice_config(cli, i18n);
            // The sound system's messages go to a log rather than between the check's lines.
            let log = crate::paths::data_dir().join("voice.log");
            let quiet = match config.input {
                None => crate::voice::quiet::QuietStderr::to_file(&log).ok(),
                Some(_) => None,
            };
            let sound_log = quiet.as_ref().map(|_| log.as_path());
            match crate::voice::check::run(&config, i18n, sound_log, &mut std::io::stdout().lock())
            {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
                Err(e) => {
                    report(&e.to_string());
                    ExitCode::FAILURE
                }
            }
        }
        VoiceAction::Parse { phrase } => {
            let lang = voice_lang(cli, i18n);
            match crate::voice::explain::sample_contexts(i18n, lang) {
                Ok(contexts) => {
                    let report = crate::voice::explain::report(phrase, &contexts, i18n);
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&report).unwrap_or_default()
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    report(&crate::core::screens::store_error(&error, i18n));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The trainer's lessons folder: `--lessons`, OPORA_LESSONS, or `lessons/` in the data folder.
fn lessons_dir(cli: &Cli) -> Option<PathBuf> {
    cli.lessons
        .clone()
        .or_else(|| std::env::var_os("OPORA_LESSONS").map(PathBuf::from))
        .or_else(|| Some(crate::paths::data_dir().join("lessons")).filter(|d| d.is_dir()))
}

fn lessons(cli: &Cli, action: &LessonsAction, i18n: &I18n, source: &LocaleSource) -> ExitCode {
    use std::io::Write;
    let catalog = match action {
        LessonsAction::Check { path: Some(path) } => Catalog::load_path(source, path),
        _ => Catalog::load(source, lessons_dir(cli).as_deref()),
    };
    let mut out = std::io::stdout().lock();
    match action {
        LessonsAction::List => {
            for lesson in &catalog.lessons {
                let steps = lesson.steps_of(&lesson.variant_for("")).len();
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(
                        i18n,
                        "lessons-list-line",
                        id = lesson.id.clone(),
                        title = i18n.t(&lesson.title),
                        steps = steps as i64
                    )
                );
            }
            for problem in &catalog.problems {
                report(&crate::lessons::problem_sentence(problem, i18n));
            }
            ExitCode::SUCCESS
        }
        LessonsAction::Check { .. } => {
            for problem in &catalog.problems {
                let _ = writeln!(out, "{}", crate::lessons::problem_sentence(problem, i18n));
            }
            if catalog.problems.is_empty() {
                let count = catalog.lessons.len() as i64;
                let _ = writeln!(out, "{}", tr!(i18n, "lessons-check-ok", count = count));
                ExitCode::SUCCESS
            } else {
                let count = catalog.problems.len() as i64;
                let _ = writeln!(out, "{}", tr!(i18n, "lessons-check-failed", count = count));
                ExitCode::FAILURE
            }
        }
    }
}

/// The bank's "today": the computer's date, or `OPORA_TODAY=YYYY-MM-DD` for reproducible
/// scripted sessions and demos.
fn clock() -> Clock {
    std::env::var("OPORA_TODAY")
        .ok()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map_or(Clock::System, Clock::Fixed)
}

fn open_store(i18n: &I18n) -> Result<SandboxStore, String> {
    SandboxStore::open_with_clock(&crate::paths::sandbox_db(), clock())
        .map_err(|e| crate::core::screens::store_error(&e, i18n))
}

/// Opens the practice bank for `sandbox reset`: a damaged file is set aside (renamed to
/// `sandbox.db.damaged`) and a new one is made, since resetting is what staff are told to do.
fn open_store_for_reset(i18n: &I18n) -> Result<SandboxStore, String> {
    let path = crate::paths::sandbox_db();
    match SandboxStore::open_with_clock(&path, clock()) {
        Err(crate::bank::StoreError::Corrupt { .. }) => {
            let mut aside = path.clone().into_os_string();
            aside.push(".damaged");
            let _ = std::fs::rename(&path, &aside);
            for suffix in ["-wal", "-shm"] {
                let mut side = path.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(side);
            }
            open_store(i18n)
        }
        other => other.map_err(|e| crate::core::screens::store_error(&e, i18n)),
    }
}

fn sandbox(action: &SandboxAction, i18n: &I18n) -> ExitCode {
    let path = crate::paths::sandbox_db();
    let opened = match action {
        SandboxAction::Reset => open_store_for_reset(i18n),
        SandboxAction::UnblockCard => open_store(i18n),
    };
    let result = opened.and_then(|store| {
        let done = match action {
            SandboxAction::Reset => store.reset(),
            SandboxAction::UnblockCard => store.unblock_card().map(|_| ()),
        };
        done.map_err(|e| crate::core::screens::store_error(&e, i18n))
    });
    match result {
        Ok(()) => {
            println!(
                "{}",
                match action {
                    SandboxAction::Reset => {
                        tr!(
                            i18n,
                            "sandbox-reset-done",
                            path = path.display().to_string()
                        )
                    }
                    SandboxAction::UnblockCard => i18n.t("sandbox-unblock-done"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(sentence) => {
            report(&sentence);
            ExitCode::FAILURE
        }
    }
}

/// Finds the model, loads libvosk and opens the sound source, unless voice is off; tells the
/// app whether Space will listen (`Loading` until the model is loaded) or why not, and returns
/// the sentence to show at start when `--voice on` cannot be honoured. While the microphone is
/// in use the sound system's chatter goes to `voice.log`, not onto the screen: the returned
/// guard keeps it there.
fn prepare_voice(
    voice: &VoiceConfig,
    i18n: &I18n,
    app: &mut App,
) -> (
    Option<crate::voice::quiet::QuietStderr>,
    Option<crate::voice::engine::Prepared>,
    Option<String>,
) {
    if voice.switch == VoiceSwitch::Off {
        return (None, None, None);
    }
    let quiet = || match voice.input {
        None => {
            crate::voice::quiet::QuietStderr::to_file(&crate::paths::data_dir().join("voice.log"))
                .ok()
        }
        Some(_) => None,
    };
    match crate::voice::engine::prepare_quietly(voice, quiet) {
        Ok((prepared, quiet)) => {
            app.set_voice(VoiceState::Loading);
            (quiet, Some(prepared), None)
        }
        Err(error) => {
            let announce = voice_unavailable(app, voice, error.sentence(i18n));
            (None, None, announce)
        }
    }
}

/// Voice cannot be used: Space will say why. Returns the sentence when `--voice on` asked for
/// it to be said at start too.
fn voice_unavailable(app: &mut App, voice: &VoiceConfig, sentence: String) -> Option<String> {
    app.set_voice(VoiceState::Off(Some(sentence.clone())));
    (voice.switch == VoiceSwitch::On).then_some(sentence)
}

/// Whether to use the plain linear mode.
fn wants_plain(cli: &Cli) -> bool {
    cli.plain
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
        || std::env::var_os("ACCESSIBLE").is_some()
        || !std::io::stdin().is_terminal()
        || !std::io::stdout().is_terminal()
}

/// Speech settings from the command line, `OPORA_SPEECH` and the configuration file. A broken
/// setting is one sentence and the default is used: a voice setting never stops the kiosk.
fn speech_settings(cli: &Cli) -> (SpeechSettings, Option<String>) {
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

fn doctor(cli: &Cli, i18n: &I18n) -> ExitCode {
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
    // A closed pipe (`opora doctor | head -1`) is not worth a panic.
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// The voice-input part of `opora doctor`: the model, libvosk and the microphone (or the WAV
/// file), found and opened as the kiosk would, or the one sentence saying why not.
fn doctor_voice_line(cli: &Cli, i18n: &I18n) -> String {
    let mut config = voice_config(cli, i18n);
    config.switch = VoiceSwitch::On;
    let quiet = || match config.input {
        None => {
            crate::voice::quiet::QuietStderr::to_file(&crate::paths::data_dir().join("voice.log"))
                .ok()
        }
        Some(_) => None,
    };
    match crate::voice::engine::prepare_quietly(&config, quiet) {
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

/// The speaker for the kiosk, and a sentence when speech was wanted and cannot be had.
fn speaker(cli: &Cli, i18n: &I18n, plain: bool) -> (crate::ui::terminal::Speech, Vec<String>) {
    let (settings, problem) = speech_settings(cli);
    let mut sentences: Vec<String> = problem.into_iter().collect();
    let rate = settings.rate;
    let off = crate::ui::terminal::Speech {
        speaker: None,
        rate,
    };
    // A screen reader speaks in plain mode; Opora only joins in when asked to.
    if plain && !settings.explicit {
        return (off, sentences);
    }
    match crate::speech::choose::choose(&settings, false).0 {
        Choice::Speaker(speaker) => (
            crate::ui::terminal::Speech {
                speaker: Some(speaker),
                rate,
            },
            sentences,
        ),
        Choice::Off => (off, sentences),
        Choice::Failed(error) => {
            sentences.push(error.sentence(i18n));
            (off, sentences)
        }
    }
}

fn kiosk(cli: &Cli, i18n: &I18n, source: &LocaleSource) -> ExitCode {
    let store = match open_store(i18n) {
        Ok(store) => store,
        Err(sentence) => {
            report(&sentence);
            return ExitCode::FAILURE;
        }
    };
    let session = session_id();
    let (mut app, start) = App::new(session.clone());
    let catalog = Catalog::for_language(i18n, lessons_dir(cli).as_deref());
    let mut problems = i18n.problem_sentences();
    // A trainer's broken lesson is left out, with a sentence saying why.
    problems.extend(
        catalog
            .problems
            .iter()
            .map(|p| crate::lessons::problem_sentence(p, i18n)),
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
                report(&e.to_string());
                ExitCode::FAILURE
            }
        };
    }
    // Load the bank before the first frame, so the first screen is complete.
    let start = crate::runtime::run_effects(&mut app, &mut edge, start);
    let theme = Theme::from_env(cli.theme, std::env::var_os("NO_COLOR").is_some());
    let voice_setup = match (prepared, voice_lang) {
        (Some(prepared), Some(lang)) => Some(crate::ui::terminal::VoiceSetup {
            prepared,
            lang,
            announce: voice.switch == VoiceSwitch::On,
        }),
        _ => None,
    };
    let result = crate::ui::terminal::run(&mut app, edge, i18n, &theme, speech, start, voice_setup);
    drop(quiet);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report(&tr!(i18n, "terminal-failed", reason = e.to_string()));
            ExitCode::FAILURE
        }
    }
}
