//! Item 13: the confirmation code field takes digits only, no more than the code has (four),
//! and the code — on the phone and as typed — is drawn big, as amounts are.

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

/// The code in the SMS on the simulated phone, read from the screen's ordinary text or from the
/// big digits on the phone (tried one by one).
fn code_on_phone(kiosk: &Kiosk) -> Option<String> {
    let screen = kiosk.screen();
    ["Код ", "Code "]
        .iter()
        .flat_map(|word| screen.split(word).skip(1))
        .find_map(|s| {
            let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() == 4).then_some(digits)
        })
}

#[test]
fn the_code_field_takes_four_digits_and_both_codes_are_big() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        kiosk.press("2");
        kiosk.choose(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
        kiosk.keys("300\r");
        kiosk.choose(kiosk.tr("Всё верно, продолжить", "All correct, continue"));
        kiosk.wait("the code on the phone", |k| code_on_phone(k).is_some());
        let code = code_on_phone(&kiosk).unwrap_or_default();
        // The code on the phone is big.
        kiosk.wait_big(&code);
        // The four digits typed are big too.
        let wrong: String = code
            .chars()
            .map(|c| if c == '9' { '1' } else { '9' })
            .collect();
        kiosk.keys(&wrong);
        kiosk.wait_big(&wrong);
        kiosk.assert_drawn("the code screen");
        // A fifth digit and a letter are not typed, and the screen says why.
        kiosk.keys("5a");
        kiosk.wait_text(kiosk.tr("Код — это 4 цифры.", "The code is 4 digits."));
        assert!(
            !kiosk.shows(&format!("{wrong}5")) && !kiosk.shows(&format!("{wrong}a")),
            "{}",
            kiosk.screen()
        );
    }
}

#[test]
fn in_plain_mode_letters_in_the_code_get_a_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "ru"]);
    talk.say("2");
    talk.say("1");
    talk.say("300");
    talk.say("1");
    talk.expect("12ab", "Код — это 4 цифры");
    // Five digits: the first four are the try.
    talk.expect("12345", "Код не подходит");
    assert!(talk.finish().success());
}
