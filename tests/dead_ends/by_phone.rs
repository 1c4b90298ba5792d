//! Items 4 and 19: a transfer by phone number takes any well-formed mobile number — a number
//! the practice bank does not know is a practice client of another bank, reached through СБП,
//! with the new-payee warning — and refuses the client's own number with a reason; the example
//! on screen is not the client's own number; the check screen names the recipient's bank (and
//! СБП for another bank), and the monthly free allowance is shown only where it applies.

use super::blocked_card::number_in;
use super::common::talk::{Talk, code_in};
use super::pty::{Kiosk, everywhere};

struct Words {
    lang: &'static str,
    by_phone: &'static str,
    own_number: &'static str,
    any_number: &'static str,
    go_on: &'static str,
    other_bank: &'static str,
    sbp: &'static str,
    severny: &'static str,
    same_bank: &'static str,
    allowance: &'static str,
    done: &'static str,
}

const RU: Words = Words {
    lang: "ru",
    by_phone: "По номеру телефона",
    own_number: "Это ваш собственный номер",
    any_number: "подойдёт любой мобильный номер",
    go_on: "Всё равно продолжить",
    other_bank: "Банк получателя: другой банк",
    sbp: "СБП",
    severny: "Банк получателя: Северный банк",
    same_bank: "Банк получателя: тот же, что у вас",
    allowance: "Без комиссии в этом месяце",
    done: "Перевод выполнен",
};

const EN: Words = Words {
    lang: "en",
    by_phone: "By phone number",
    own_number: "This is your own number",
    any_number: "any mobile number will do",
    go_on: "Continue anyway",
    other_bank: "Recipient's bank: another bank",
    sbp: "Faster Payments System",
    severny: "Recipient's bank: Severny Bank",
    same_bank: "Recipient's bank: the same as yours",
    allowance: "this month without a fee",
    done: "Money sent",
};

#[test]
fn any_well_formed_number_is_a_practice_payee_and_the_check_names_the_bank() {
    for w in [RU, EN] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk = Talk::start(home.path(), &["--lang", w.lang]);
        let who = talk.say("2");
        let entry = talk.say(&number_in(&who, w.by_phone));
        assert!(!entry.contains("912 345-67-89"), "{entry}");
        assert!(entry.contains(w.any_number), "{entry}");
        // The client's own number: a reason, and the field still there.
        talk.expect("8 912 345-67-89", w.own_number);
        // A number the practice bank does not know: another bank, through СБП.
        let amount = talk.say("8 903 111-22-33");
        assert!(amount.contains("+7 903 111-22-33"), "{amount}");
        assert!(amount.contains(w.allowance), "{amount}");
        let warning = talk.say("1000");
        let check = talk.say(&number_in(&warning, w.go_on));
        assert!(check.contains(w.other_bank), "{check}");
        assert!(check.contains(w.sbp), "{check}");
        let code = talk.say("1");
        talk.expect(&code_in(&code), w.done);
        assert!(talk.finish().success());
    }
}

#[test]
fn a_known_number_names_its_bank_and_a_same_bank_number_has_no_allowance() {
    for w in [RU, EN] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk = Talk::start(home.path(), &["--lang", w.lang]);
        // Сергей Н., Северный банк.
        let who = talk.say("2");
        talk.say(&number_in(&who, w.by_phone));
        let amount = talk.say("8 905 700-11-22");
        assert!(amount.contains(w.allowance), "{amount}");
        let warning = talk.say("100");
        let check = talk.say(&number_in(&warning, w.go_on));
        assert!(check.contains(w.severny), "{check}");
        assert!(check.contains(w.sbp), "{check}");
        // Back to the number: the amount, then the number.
        talk.say("назад");
        talk.say("назад");
        // Ольга С. is a client of this bank: no allowance, no СБП.
        let amount = talk.say("8 916 234-56-78");
        assert!(!amount.contains(w.allowance), "{amount}");
        let check = talk.say("100");
        assert!(check.contains(w.same_bank), "{check}");
        assert!(!check.contains(w.sbp), "{check}");
        assert!(talk.finish().success());
    }
}

#[test]
fn the_check_screen_shows_the_bank_in_a_real_terminal() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        let w = if kiosk.en() { EN } else { RU };
        kiosk.wait_home();
        kiosk.press("2");
        kiosk.choose(w.by_phone);
        kiosk.keys("89031112233\r");
        kiosk.settle();
        kiosk.keys("1000\r");
        kiosk.choose(w.go_on);
        kiosk.wait_text(w.other_bank);
        kiosk.assert_drawn("the check screen for another bank");
    }
}
