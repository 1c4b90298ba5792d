//! Item 3: `0` on home asks «Выйти? 1 — да, 2 — нет» (with «нет» highlighted), so a key pressed
//! by accident — or digits meant for an amount that landed on home — never close the kiosk.

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};
use std::time::Duration;

#[test]
fn zero_on_home_asks_before_leaving() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        kiosk.press("0");
        kiosk.wait_text(kiosk.tr("Выйти из программы?", "Leave Opora?"));
        assert_eq!(kiosk.exited_within(Duration::from_millis(300)), None);
        kiosk.assert_drawn("the question before leaving");
        // «Нет» is the highlighted choice: Enter stays.
        kiosk.press("\r");
        kiosk.wait_home();
        // 2 stays too; so does Esc.
        kiosk.press("0");
        kiosk.choose(kiosk.tr("Нет, остаться", "No, stay"));
        kiosk.wait_home();
        kiosk.press("0");
        kiosk.wait_text(kiosk.tr("Выйти из программы?", "Leave Opora?"));
        kiosk.keys("\x1b");
        kiosk.wait_home();
        // Digits meant for an amount, typed after a cancel, land on home: nothing closes.
        kiosk.press("2");
        kiosk.choose(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
        kiosk.keys("\x1b");
        kiosk.settle();
        kiosk.keys("\x1b");
        kiosk.wait_home();
        kiosk.press("000");
        assert_eq!(kiosk.exited_within(Duration::from_millis(300)), None);
        // 1 — «Да» — leaves.
        kiosk.press("\x1b");
        kiosk.wait_home();
        kiosk.press("0");
        kiosk.choose(kiosk.tr("Да, выйти", "Yes, leave"));
        assert_eq!(kiosk.exited_within(Duration::from_secs(10)), Some(true));
    }
}

#[test]
fn in_plain_mode_too() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "ru"]);
    let asked = talk.expect("0", "Выйти из программы?");
    assert!(
        asked.contains("1. Да, выйти") && asked.contains("2. Нет, остаться"),
        "{asked}"
    );
    talk.expect("2", "Мария Ивановна, что вы хотите сделать?");
    talk.say("0");
    talk.last("1");
    assert!(talk.finish().success());
}
