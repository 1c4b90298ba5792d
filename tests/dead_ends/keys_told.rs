//! Item 16: the keys are told as they are — F2 (the staff line) in the staff line itself and in
//! `?`; `?` on a screen where digits are typed does not say «Цифра — выбрать»; one choice is
//! «Нажмите 1», never «от 1 до 1». (No ▶ stands alone: `tests/screens.rs` checks every screen.)

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

#[test]
fn f2_one_choice_and_typing_screens_are_told_right_in_plain_mode() {
    for (lang, f2, one, choose_digit, type_digits) in [
        ("ru", "F2", "Нажмите 1", "Цифра — выбрать", "Enter"),
        ("en", "F2", "Press 1", "A number chooses", "Enter"),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk = Talk::start(home.path(), &["--lang", lang]);
        let first = talk.seen().to_string();
        let staff = first
            .lines()
            .find(|l| l.starts_with("Сотруднику") || l.starts_with("Staff"));
        assert!(staff.is_some_and(|l| l.contains(f2)), "{first}");
        // `?` on home: one choice, and F2 among the keys.
        let help = talk.say("?");
        assert!(help.contains(f2), "{help}");
        assert!(help.contains(&format!("{one} >")), "{help}");
        assert!(
            !help.contains("1 до 1") && !help.contains("1 to 1"),
            "{help}"
        );
        let wrong = talk.say("7");
        assert!(wrong.contains(&format!("{one}.")), "{wrong}");
        talk.say("1");
        // `?` where an amount is typed: how to type, not how to choose.
        talk.say("2");
        talk.say("1");
        let help = talk.say("?");
        assert!(!help.contains(choose_digit), "{help}");
        assert!(help.contains(type_digits), "{help}");
        assert!(talk.finish().success());
    }
}

#[test]
fn the_staff_line_tells_f2_in_a_real_terminal() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        kiosk.wait_text(kiosk.tr("F2 — скрыть", "F2 hides"));
        kiosk.keys("\x1bOQ");
        kiosk.wait("the staff line hidden", |k| {
            !k.shows(k.tr("Сотруднику:", "Staff:"))
        });
        kiosk.press("?");
        kiosk.wait_text(kiosk.tr("Нажмите 1", "Press 1"));
        assert!(
            !kiosk.shows(kiosk.tr("от 1 до 1", "from 1 to 1")),
            "{}",
            kiosk.screen()
        );
    }
}
