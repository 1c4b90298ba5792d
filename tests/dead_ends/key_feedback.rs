//! Item 15: every service key says what it did — `+`/`-` the text size («Размер текста: 3 из
//! 4»), `r` and `<`/`>` on a computer without sound that the sound is off — on home, the
//! balance and a transfer's amount screen.

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

#[test]
fn size_and_sound_keys_say_what_they_did() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        let (size_word, no_sound) = if kiosk.en() {
            ("Text size", "Sound is off on this computer")
        } else {
            ("Размер текста", "Звук на этом компьютере выключен")
        };
        kiosk.wait_home();
        // The three screens of the issue: home, the balance, a transfer's amount.
        for screen in ["home", "balance", "amount"] {
            match screen {
                "balance" => kiosk.press("1"),
                "amount" => {
                    kiosk.keys("\x1b");
                    kiosk.wait_home();
                    kiosk.press("2");
                    kiosk.choose(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
                }
                _ => {}
            }
            kiosk.press("-");
            kiosk.wait_text(&format!("{size_word}: 3 {}", kiosk.tr("из 4", "of 4")));
            kiosk.press("+");
            kiosk.wait_text(&format!("{size_word}: 4 {}", kiosk.tr("из 4", "of 4")));
            kiosk.press("+");
            kiosk.wait_text(kiosk.tr("крупнее нельзя", "the largest"));
            kiosk.press("r");
            kiosk.wait_text(no_sound);
            kiosk.press("-");
            kiosk.press("<");
            kiosk.wait_text(no_sound);
            kiosk.press("+");
            kiosk.press(">");
            kiosk.wait_text(no_sound);
            kiosk.assert_drawn(screen);
        }
    }
}

#[test]
fn in_plain_mode_too() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "ru"]);
    talk.expect("-", "Размер текста: 3 из 4");
    talk.expect("r", "Звук на этом компьютере выключен");
    assert!(talk.finish().success());
}
