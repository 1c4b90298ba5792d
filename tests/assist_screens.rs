//! Every screen of an assisted session, in Russian and in English, rendered by the ratatui face
//! into a test terminal and compared with its committed snapshot (`tests/snapshots/`), like
//! `screens.rs` does for the kiosk.

mod common;

use common::fit::fits_everywhere;
use opora::tui::render::draw;
use opora::tui::theme::{Theme, ThemeName};
use opora_core::assist::{ALL_IDS, Assist, AssistEffect, AssistMsg, Goal, Mode, view};
use opora_core::i18n::{I18n, Lang};
use opora_core::input::Key;
use opora_core::journal::BankKey;
use opora_core::journal::ClientHistory;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeSet;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 44;

enum Step {
    Text(&'static str),
    Choose(u8),
    /// The journal answers that the client has been here before.
    Returning,
    /// The staff key: the staff menu over the client's screen.
    Staff,
}

use Step::{Choose, Returning, Staff, Text};

fn new_assist(mode: Mode) -> Assist {
    let key = BankKey::new("a bank-wide secret key").expect("long enough");
    let goals = vec![
        Goal::operation("balance"),
        Goal::operation("transfer"),
        Goal::operation("pay"),
        Goal::operation("top-up"),
        Goal::lesson("lesson-pay-bill", "Paying a bill"),
    ];
    Assist::new(mode, key, goals, opora_core::kiosk::App::new("test")).0
}

fn apply(assist: &mut Assist, step: &Step) {
    match step {
        Text(text) => {
            for c in text.chars() {
                assist.update(AssistMsg::Key(Key::Char(c)));
            }
            assist.update(AssistMsg::Key(Key::Enter));
        }
        Choose(n) => {
            let effects = assist.update(AssistMsg::Key(Key::Digit(*n)));
            // The edge writes the take-home reminder at once.
            if effects
                .iter()
                .any(|e| matches!(e, AssistEffect::WriteReminder(_)))
            {
                let path = "/home/kiosk/.local/share/opora/reminders/session-lesson-pay-bill.pdf";
                assist.update(AssistMsg::ReminderWritten(Ok(path.into())));
            }
        }
        Staff => {
            assist.update(AssistMsg::Key(Key::Staff));
        }
        Returning => {
            assist.update(AssistMsg::Progress(ClientHistory {
                sessions: 2,
                lessons_done: vec!["lesson-pay-bill".into()],
                lessons_open: vec!["lesson-transfer".into()],
                last_outcome: Some("with_help".into()),
            }));
        }
    }
}

fn render(assist: &Assist, i18n: &I18n) -> String {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    let model = view(assist, i18n);
    let theme = Theme::new(ThemeName::Mono);
    terminal
        .draw(|frame| draw(frame, &model, &theme, i18n))
        .expect("draw");
    format!("{}\n", terminal.backend())
}

/// The scripts that between them reach every screen.
fn scripts() -> Vec<(Mode, Vec<Step>)> {
    vec![
        (
            Mode::Session,
            vec![
                Text("st-7"),
                Choose(2),
                Returning,
                Text("8 912 345-67-89"),
                Choose(1),
                Choose(4),
                Choose(1),
                Text("Тверь, отделение 3"),
                Choose(1),
                Choose(2),
                Choose(5),
                Choose(1),
                Choose(6),
                // The staff menu: "now the client alone", then "end the check".
                Staff,
                Choose(3),
                Staff,
                Choose(3),
                // The observed outcome, changed with a reason.
                Choose(2),
                Choose(1),
                Choose(1),
                Choose(1),
                Text("5"),
                Text("2"),
                Text("10"),
                Choose(1),
            ],
        ),
        (
            Mode::Session,
            vec![Text("st-7"), Choose(1), Text("AB12"), Choose(3)],
        ),
        (
            Mode::Session,
            vec![
                Text("st-7"),
                Choose(3),
                Choose(1),
                Choose(4),
                Choose(2),
                Text("Brigade 2"),
                Choose(2),
            ],
        ),
        (
            Mode::FollowUp,
            vec![Text("st-7"), Choose(1), Text("AB-1234"), Choose(1)],
        ),
    ]
}

#[test]
fn every_assist_screen_in_both_languages() {
    for lang in Lang::ALL {
        let i18n = I18n::embedded(lang);
        let mut seen = BTreeSet::new();
        let mut fitted = BTreeSet::new();
        for (mode, steps) in scripts() {
            let mut assist = new_assist(mode);
            let shoot = |assist: &Assist,
                         seen: &mut BTreeSet<&'static str>,
                         fitted: &mut BTreeSet<&'static str>| {
                let model = view(assist, &i18n);
                assert!(
                    model.choices.len() <= 6,
                    "{}: more than six choices",
                    model.id
                );
                assert!(
                    model.band.is_some() && !model.spoken.is_empty(),
                    "{}",
                    model.id
                );
                // Every screen, the kiosk's with the staff line too, lays out in every
                // terminal from 40×12 to 300×100.
                if fitted.insert(model.id) {
                    fits_everywhere(&model, &format!("{} ({lang:?})", model.id));
                }
                // The kiosk's own screens inside the session are drawn by `screens.rs`.
                let own = ALL_IDS.contains(&model.id);
                if own && seen.insert(model.id) {
                    let name = format!("assist_{}_{}", lang.code(), model.id.replace('-', "_"));
                    insta::assert_snapshot!(name, render(assist, &i18n));
                }
            };
            shoot(&assist, &mut seen, &mut fitted);
            for step in &steps {
                apply(&mut assist, step);
                shoot(&assist, &mut seen, &mut fitted);
            }
        }
        for id in ALL_IDS {
            assert!(seen.contains(id), "{lang:?}: no script reaches {id}");
        }
    }
}
