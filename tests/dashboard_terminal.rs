//! The dashboard full screen, in the real binary in a pseudo-terminal that never answers cursor
//! queries: it draws a journal's figures, switches breakdown and funnel by key, lays out again
//! on resize down to 40×12, and leaves the terminal as it was.

mod common;

use common::pty::Pty;
use opora::store::journal::Journal;
use opora::store::journal::sample;

/// A home whose journal holds a few hundred made-up sessions from 2025 on.
fn home_with_sessions() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp");
    let mut journal = Journal::open(&home.path().join("journal.db")).expect("journal");
    sample::journal(7, 3_000, 8, |batch| {
        journal.append_all(batch).map_err(|e| e.to_string())
    })
    .expect("sessions written");
    home
}

fn walk(lang: &str, title: &str, by_age: &str) {
    let home = home_with_sessions();
    let args = ["dashboard", "--from", "2025-01-01"];
    let mut dash = Pty::start(home.path(), lang, &args, (120, 40));
    dash.wait_text(title);
    let by_segment = dash.contents();

    // 2 switches the breakdown to age bands.
    dash.press("2");
    dash.wait_text(by_age);

    // ↓ shows the next funnel: the screen changes.
    let before = dash.contents();
    dash.press("\x1b[B");
    assert_ne!(dash.contents(), before, "↓ showed another funnel");

    // Smaller and smaller windows still show the dashboard's title, never a wall.
    for (cols, rows) in [(80, 24), (40, 12)] {
        dash.resize(cols, rows);
        dash.settle();
        dash.wait_text(&title[..title.find(' ').unwrap_or(title.len())]);
    }
    dash.resize(120, 40);
    dash.wait_text(by_age);
    dash.settle();
    assert_ne!(dash.contents(), by_segment);

    // Esc leaves, and the terminal is as it was.
    dash.type_keys("\x1b");
    assert!(dash.exit_ok(), "the dashboard ended well");
    assert!(
        dash.restored_the_terminal(),
        "cursor and main screen restored"
    );
    assert!(
        !dash.queried_the_cursor(),
        "never asked where the cursor is"
    );
}

#[test]
fn russian_dashboard_switches_resizes_and_leaves_cleanly() {
    walk(
        "ru_RU.UTF-8",
        "Панель — разбивка: группа клиентов",
        "разбивка: возраст",
    );
}

#[test]
fn english_dashboard_switches_resizes_and_leaves_cleanly() {
    walk("en_GB.UTF-8", "Dashboard — by client group", "by age band");
}
