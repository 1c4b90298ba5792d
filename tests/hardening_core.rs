//! Regression tests for issue 15's findings about the practice bank's confirmation code: a
//! fresh random code for each operation on a bank on disk (not the same sequence on every new
//! sandbox), and three wrong codes in a row expire the code, with an explanation and a way to
//! get a new one, as a real bank does.

mod common;

use common::Session;
use opora::store::bank::{Clock, SandboxStore};
use opora_core::bank::OpId;
use opora_core::i18n::Lang;

#[test]
fn three_wrong_codes_expire_the_code_and_a_new_one_can_be_asked_for() {
    for lang in Lang::ALL {
        let mut s = Session::new(lang);
        s.up_to_check().press(1);
        let first = s.code();
        let wrong = if first == "1111" { "2222" } else { "1111" };
        s.enter(wrong).enter(wrong);
        assert!(s.model().field.is_some(), "two wrong codes: try again");
        s.enter(wrong);
        let expired = s.model();
        assert!(expired.field.is_none(), "the dead code takes no more tries");
        let notice = expired.notice.as_ref().expect("a notice").text.clone();
        assert!(
            notice.contains(match lang {
                Lang::Ru => "больше не действует",
                Lang::En => "no longer works",
            }),
            "{notice}"
        );
        assert!(
            expired.lines.iter().any(|l| l.contains(match lang {
                Lang::Ru => "настоящий банк",
                Lang::En => "real bank",
            })),
            "{:?}",
            expired.lines
        );
        assert_eq!(expired.choices.len(), 2, "{:?}", expired.choices);
        s.press(1);
        let renewed = s.code();
        assert_ne!(renewed, first, "a new code, not the dead one");
        s.enter(&first);
        assert!(s.model().field.is_some(), "the dead code does not confirm");
        s.enter(&renewed);
        assert_eq!(s.model().id, "done", "{:?}", s.model().title);
    }
}

#[test]
fn a_bank_on_disk_sends_a_fresh_random_code_each_time() {
    let codes = |dir: &std::path::Path| {
        let store = SandboxStore::open_with_clock(&dir.join("sandbox.db"), Clock::System)
            .expect("a bank on disk");
        (0..8)
            .map(|i| {
                store
                    .issue_code(&OpId::new(format!("op-{i}")))
                    .expect("code")
            })
            .collect::<Vec<_>>()
    };
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let first = codes(a.path());
    let second = codes(b.path());
    // Eight four-digit codes in a row match by chance once in 10^31 runs.
    assert_ne!(first, second, "two new sandboxes, the same codes");
    for code in first.iter().chain(&second) {
        assert_eq!(code.len(), 4);
        assert!(code.chars().all(|c| c.is_ascii_digit()) && !code.starts_with('0'));
    }
    assert!(first.windows(2).all(|w| w[0] != w[1]), "{first:?}");
    // The same operation keeps its code.
    let store = SandboxStore::open_with_clock(&a.path().join("sandbox.db"), Clock::System)
        .expect("reopened");
    assert_eq!(
        store.issue_code(&OpId::new("op-3")).expect("code"),
        first[3]
    );
}

/// Text with everything a terminal would obey: escape sequences, a bell, a bidi override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}x\r";

#[test]
fn the_full_screen_face_never_draws_a_control_character() {
    use opora::tui::theme::{Theme, ThemeName};
    use ratatui::{Terminal, backend::TestBackend};
    let mut s = Session::new(Lang::Ru);
    s.up_to_check().press(1);
    let mut model = s.model();
    model.title.push_str(HOSTILE);
    model.fact = Some(format!("1 000 ₽{HOSTILE}"));
    model.lines.push(HOSTILE.into());
    model.staff_hint = Some(HOSTILE.into());
    model.prompt.push_str(HOSTILE);
    if let Some(phone) = model.phone.as_mut() {
        phone.message.push_str(HOSTILE);
    }
    if let Some(field) = model.field.as_mut() {
        field.value.push_str(HOSTILE);
    }
    for (width, height) in [(40, 12), (80, 24), (120, 44), (200, 60)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        terminal
            .draw(|frame| {
                opora::tui::render::draw(frame, &model, &Theme::new(ThemeName::Mono), &s.i18n)
            })
            .expect("draw");
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(opora_core::safe_text::is_unsafe),
                "{width}×{height}: {:?}",
                cell.symbol()
            );
        }
    }
}
