//! The `opora` command line: what each subcommand takes (clap) and which file runs it. One file
//! per subcommand; `parts` builds what the kiosk and the assisted session share (the practice
//! bank, lessons, speech, voice input), and each command then chooses a face (full screen or
//! plain lines). Problems reach the person as one sentence in their language, never a panic.

pub mod assist;
pub mod central;
pub mod client;
pub mod config;
pub mod dashboard;
pub mod doctor;
pub mod journal;
pub mod journal_export;
pub mod journal_push;
pub mod kiosk;
pub mod lessons;
pub mod parts;
pub mod report;
pub mod sandbox;
pub mod voice;

use crate::locales::LocaleSource;
use crate::speech::choose::SpeechMode;
use crate::tui::theme::ThemeName;
use clap::{Parser, Subcommand};
use opora_core::i18n::{Lang, detect_lang};
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
    pub voice: Option<crate::listen::engine::VoiceSwitch>,

    /// The language Opora listens in: ru, en, or ko (the Korean test model). Default: the
    /// model's, or the screen language.
    #[arg(long, global = true, value_name = "ru|en|ko")]
    pub voice_lang: Option<opora_core::voice::VoiceLang>,

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
    #[arg(long, global = true, value_name = "MS", value_parser = clap::value_parser!(u64).range(crate::listen::endpoint::PAUSE_RANGE_MS))]
    pub voice_pause: Option<u64>,

    /// Replace an existing file outside Opora's folder without asking (`journal export FILE`,
    /// `--speech-wav FILE`). Opora's own databases are never replaced.
    #[arg(long, global = true)]
    pub force: bool,

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
        action: sandbox::SandboxAction,
    },
    /// A staff-led assisted session (or `assist follow-up`), recorded in the journal.
    Assist(assist::AssistArgs),
    /// Move this device's journal of assisted sessions to or from a file, or purge old ones.
    Journal {
        #[command(subcommand)]
        action: journal::JournalAction,
    },
    /// The bank-wide journal on PostgreSQL: create or migrate the server schema, print the
    /// roles' grants.
    Central {
        #[command(subcommand)]
        action: central::CentralAction,
    },
    /// Conversion and the other assisted-digital figures from the journal.
    Report(report::ReportArgs),
    /// The report's figures as bar charts and a weekly sparkline (full screen).
    Dashboard(dashboard::DashboardArgs),
    /// The bank-wide pseudonym key and this device's id (config.toml).
    Config {
        #[command(subcommand)]
        action: config::ConfigAction,
    },
    /// The tutorials: list them, or check lesson files for mistakes.
    Lessons {
        #[command(subcommand)]
        action: lessons::LessonsAction,
    },
    /// Voice input: what a phrase means.
    Voice {
        #[command(subcommand)]
        action: voice::VoiceAction,
    },
}

/// Tells the person on standard error what went wrong. A standard error that is gone (a closed
/// window) is not worth a panic: the exit status still says it. Sentences carry paths and
/// words from files and the command line: control characters are shown, never obeyed.
pub fn tell(sentence: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        opora_core::safe_text::lines(sentence)
    );
}

/// Prints a sentence on standard output, control characters shown as escapes; a closed pipe is
/// not worth a panic.
pub fn say(sentence: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        opora_core::safe_text::lines(sentence)
    );
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    // Everything Opora creates from here on is its owner's alone.
    crate::files::private::restrict_umask();
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
    let i18n = crate::locales::load(lang, &source);
    match &cli.command {
        None => kiosk::run(&cli, &i18n, &source),
        Some(Command::Doctor) => doctor::run(&cli, &i18n),
        Some(Command::Sandbox { action }) => sandbox::run(action, &i18n),
        Some(Command::Journal { action }) => journal::run(&cli, action, &i18n),
        Some(Command::Assist(args)) => assist::run(&cli, args, &i18n, &source),
        Some(Command::Central { action }) => central::run(action, &i18n),
        Some(Command::Dashboard(args)) => dashboard::run(&cli, args, &i18n),
        Some(Command::Report(args)) => report::run(args, &i18n),
        Some(Command::Config { action }) => config::run(action, &i18n),
        Some(Command::Lessons { action }) => lessons::run(&cli, action, &i18n, &source),
        Some(Command::Voice { action }) => voice::run(&cli, action, &i18n),
    }
}
