//! Item 22: an amount typed with thousands separators — "1,000" and "₽25,430.50" as the English
//! screens write money, «1 000» and «1.000» as people write it in Russian — is the amount it
//! says, in both languages.

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

#[test]
fn thousands_separators_are_accepted_in_both_languages() {
    for (lang, typed, shown) in [
        ("en", "1,000", "₽1,000"),
        ("en", "₽1,250.50", "₽1,250.50"),
        ("en", "1 000", "₽1,000"),
        ("ru", "1 000", "1\u{a0}000 ₽"),
        ("ru", "1,000", "1\u{a0}000 ₽"),
        ("ru", "1.000", "1\u{a0}000 ₽"),
        ("ru", "1.250,50", "1\u{a0}250,50 ₽"),
        ("ru", "300,50", "300,50 ₽"),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk = Talk::start(home.path(), &["--lang", lang]);
        talk.say("2");
        talk.say("1");
        let check = talk.say(typed);
        assert!(
            check.lines().any(|l| l.trim() == shown),
            "{lang} {typed:?} should read {shown:?}:\n{check}"
        );
        assert!(talk.finish().success());
    }
}

#[test]
fn typed_with_a_comma_in_a_real_terminal() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        kiosk.press("2");
        kiosk.choose(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
        kiosk.keys("1,000\r");
        kiosk.wait_text(kiosk.tr("Останется: 24\u{a0}430,50 ₽", "Left after: ₽24,430.50"));
        kiosk.assert_drawn("the check of 1,000");
    }
}

proptest::proptest! {
    /// Every amount the screens show («25 430,50 ₽», "₽25,430.50") reads back as itself when
    /// typed, in both languages.
    #[test]
    fn amounts_as_the_screens_write_them_parse_back(kopecks in super::said_amounts::said_kopecks(9)) {
        for lang in opora_core::i18n::Lang::ALL {
            let i18n = opora_core::i18n::I18n::embedded(lang);
            let money = opora_core::money::Money::from_kopecks(kopecks);
            let shown = i18n.money(money);
            proptest::prop_assert_eq!(opora_core::money::parse_amount(&shown), Ok(money), "{}", shown);
        }
    }
}
