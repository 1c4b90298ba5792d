//! `opora assist` and `opora assist follow-up`: reads the configuration (a missing bank key or
//! device id is one sentence saying how to set it), opens the journal, and runs the session in
//! the terminal or, with `--plain`, TERM=dumb, ACCESSIBLE or piped input, in the plain face.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::Cli;
use super::client::{self, ClientParts};
use super::config::config_error;
use super::journal::open_journal;
use super::parts::wants_plain;
use crate::config::Config;
use crate::edge::{JournalEdge, ReminderMaker};
use crate::locales::LocaleSource;
use opora_core::assist::{Assist, Goal, Mode, OPERATIONS};
use opora_core::i18n::I18n;
use opora_core::lessons::{Audience, Lesson};
use opora_core::tr;

#[derive(Debug, Args)]
pub struct AssistArgs {
    /// The A/B variant this device runs (e.g. A or B), recorded with each session.
    #[arg(long, global = true)]
    pub variant: Option<String>,
    /// Extra goals: lessons as KEY=Title (repeatable), e.g. --lesson pay-bill="Paying a bill".
    /// (Its own id: the global `--lessons DIR` is another option.)
    #[arg(
        long = "lesson",
        id = "lesson_goal",
        value_name = "KEY=TITLE",
        global = true
    )]
    pub lessons: Vec<String>,
    #[command(subcommand)]
    pub action: Option<AssistAction>,
}

#[derive(Debug, Subcommand)]
pub enum AssistAction {
    /// Record whether a client has used the app alone since their session.
    FollowUp,
}

fn fail(sentence: &str) -> ExitCode {
    super::tell(sentence);
    ExitCode::FAILURE
}

/// The command line's variant and lesson keys go into every session's first event: checked by
/// the journal's own rules now, so a session is never refused at its start.
fn check_goals_and_variant(args: &AssistArgs, i18n: &I18n) -> Result<(), String> {
    use opora_core::journal::validate::{TextRule, text};
    if let Some(variant) = &args.variant {
        text(variant, TextRule::Code).map_err(|reason| {
            tr!(
                i18n,
                "assist-bad-variant",
                variant = variant.clone(),
                reason = reason.sentence(i18n)
            )
        })?;
    }
    for lesson in &args.lessons {
        let key = lesson
            .split_once('=')
            .map_or(lesson.as_str(), |(k, _)| k)
            .trim();
        text(key, TextRule::Key).map_err(|reason| {
            tr!(
                i18n,
                "assist-bad-lesson-goal",
                key = key.to_string(),
                reason = reason.sentence(i18n)
            )
        })?;
    }
    Ok(())
}

/// The goals on offer: the practice bank's operations, the lessons the kiosk offers (shipped and
/// a trainer's, for clients), then any lessons given as KEY=Title.
pub fn catalogue(shipped: &[std::sync::Arc<Lesson>], lessons: &[String], i18n: &I18n) -> Vec<Goal> {
    let mut goals: Vec<Goal> = OPERATIONS.iter().map(|k| Goal::operation(k)).collect();
    for lesson in shipped.iter().filter(|l| l.audience == Audience::Clients) {
        goals.push(Goal::lesson(&lesson.id, &i18n.t(&lesson.title)));
    }
    for lesson in lessons {
        let (key, title) = lesson.split_once('=').unwrap_or((lesson, lesson));
        if !key.trim().is_empty() {
            goals.push(Goal::lesson(key.trim(), title.trim()));
        }
    }
    goals
}

pub fn run(cli: &Cli, args: &AssistArgs, i18n: &I18n, locales: &LocaleSource) -> ExitCode {
    let plain = wants_plain(cli);
    if let Err(sentence) = check_goals_and_variant(args, i18n) {
        return fail(&sentence);
    }
    let path = crate::paths::config_file();
    super::config::warn_if_exposed(&path, i18n);
    let settings = match Config::load(&path).and_then(|c| c.journal_settings(&path)) {
        Ok(settings) => settings,
        Err(e) => return fail(&config_error(&e, i18n)),
    };
    let journal = match open_journal(i18n) {
        Ok(journal) => journal,
        Err(sentence) => return fail(&sentence),
    };
    // The client's kiosk, as the stand-alone kiosk builds it (practice bank, lessons, voice,
    // speech); its journey goes to the session.
    let ClientParts {
        app,
        start: kiosk_start,
        edge: bank,
        catalog,
        senses,
        problems,
    } = match client::build(cli, i18n, locales, plain) {
        Ok(parts) => parts,
        Err(sentence) => return fail(&sentence),
    };
    let mode = match args.action {
        None => Mode::Session,
        Some(AssistAction::FollowUp) => Mode::FollowUp,
    };
    let (mut assist, start) = Assist::new(
        mode,
        settings.key,
        catalogue(&catalog.lessons, &args.lessons, i18n),
        (app, kiosk_start),
    );
    assist.set_variant(args.variant.clone());
    // The kiosk's start-up problems show on its first screen, as in the stand-alone kiosk.
    assist.kiosk_mut().set_startup_notice(problems.clone());
    let today = std::env::var("OPORA_TODAY")
        .ok()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let reminders = ReminderMaker::new(
        crate::paths::data_dir().join("reminders"),
        i18n.lang(),
        locales.clone(),
        catalog.lessons.clone(),
    )
    .with_today(today);
    let mut edge = JournalEdge::new(journal, &settings.device_id)
        .with_reminders(reminders)
        .with_bank(bank);
    let result = if plain {
        client::plain_face(
            &mut assist,
            &mut edge,
            start,
            senses,
            &problems,
            Assist::kiosk_mut,
            i18n,
        )
    } else {
        client::full_screen(cli, &mut assist, edge, start, senses, i18n)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&tr!(i18n, "input-failed", reason = e.to_string())),
    }
}
