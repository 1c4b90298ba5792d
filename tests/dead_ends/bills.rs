//! Items 8 and 18: a paid bill says so and offers only the way back (nothing highlighted leads
//! to an error); the bill screens have a staff line, and the amount screen of a bill or a top-up
//! does not suggest «например 300 рублей».

use super::blocked_card::number_in;
use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

#[test]
fn a_paid_bill_offers_only_the_way_back() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        kiosk.press("3");
        kiosk.choose(kiosk.tr("Газ — оплачено", "Gas — paid"));
        kiosk.wait_text(kiosk.tr("Этот счёт уже оплачен.", "This bill is already paid."));
        kiosk.assert_drawn("a paid bill");
        for pay in ["Оплатить", "Pay ", "Другая сумма", "Another amount"] {
            assert!(
                !(1..=6).any(|n| kiosk.shows(&format!("{n} {pay}"))),
                "{pay} offered for a paid bill:\n{}",
                kiosk.screen()
            );
        }
        // The highlighted choice goes back to the bills.
        kiosk.press("\r");
        kiosk.wait_text(kiosk.tr("Что оплатить?", "What to pay?"));
    }
}

#[test]
fn bill_screens_have_a_staff_line_fitting_the_flow() {
    for (lang, staff, bill, other, topup, own) in [
        (
            "ru",
            "Сотруднику:",
            "Электроэнергия — 1\u{a0}245,60 ₽",
            "Другая сумма",
            "Пополнить телефон",
            "Мой номер +7 912 345-67-89",
        ),
        (
            "en",
            "Staff:",
            "Electricity — ₽1,245.60",
            "Another amount",
            "Top up a phone",
            "My number +7 912 345-67-89",
        ),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk = Talk::start(home.path(), &["--lang", lang]);
        let what = talk.say("3");
        assert!(what.contains(staff), "{what}");
        let amount = talk.say(&number_in(&what, bill));
        assert!(amount.contains(staff), "{amount}");
        let entry = talk.say(&number_in(&amount, other));
        assert!(entry.contains(staff), "{entry}");
        assert!(!entry.contains("300"), "{entry}");
        talk.say("назад");
        talk.say("назад");
        let whose = talk.say(&number_in(&what, topup));
        assert!(whose.contains(staff), "{whose}");
        let entry = talk.say(&number_in(&whose, own));
        assert!(!entry.contains("300"), "{entry}");
        assert!(entry.contains("15"), "the top-up's limits: {entry}");
        assert!(talk.finish().success());
    }
}
