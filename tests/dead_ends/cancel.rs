//! Item 14: cancelling a transfer on its check screen, or at the warning before a risky one,
//! says so on the screen it returns to: «Перевод отменён, деньги не списаны».

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

#[test]
fn cancelling_on_the_check_screen_and_at_the_warning_says_nothing_moved() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        let said = kiosk.tr(
            "Перевод отменён, деньги не списаны.",
            "Transfer cancelled. No money has left the card.",
        );
        kiosk.wait_home();
        kiosk.press("2");
        kiosk.choose(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
        kiosk.keys("300\r");
        kiosk.choose(kiosk.tr("Отменить", "Cancel"));
        kiosk.wait_home();
        kiosk.wait_text(said);
        kiosk.assert_drawn("home after a cancel");
        // A key later the sentence has done its work.
        kiosk.press("1");
        kiosk.keys("\x1b");
        kiosk.wait_home();
        assert!(!kiosk.shows(said), "{}", kiosk.screen());
        // The warning before a transfer to a new number.
        kiosk.press("2");
        kiosk.choose(kiosk.tr("По номеру телефона", "By phone number"));
        kiosk.keys("89057001122\r");
        kiosk.settle();
        kiosk.keys("1000\r");
        kiosk.choose(kiosk.tr("Отменить перевод", "Cancel the transfer"));
        kiosk.wait_home();
        kiosk.wait_text(said);
    }
}

#[test]
fn a_cancelled_bill_says_it_in_its_own_words() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "ru"]);
    talk.say("3");
    talk.say("1");
    let check = talk.say("1");
    assert!(check.contains("Отменить"), "{check}");
    talk.expect("3", "Оплата отменена, деньги не списаны.");
    assert!(talk.finish().success());
}
