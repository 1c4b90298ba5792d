//! Items 2, 12 and 17: a blocked practice card shows on home and on the balance; no screen
//! offers what would fail (a transfer from the balance, blocking again from help); staff unblock
//! it from the kiosk itself (F9, the staff key no client screen names), and `opora sandbox
//! unblock-card` in another shell reaches the running kiosk; the lost-card lesson unblocks its
//! practice card at its end.

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};
use super::screens_draw::{lesson_until, open_lesson};

const F9: &str = "\x1b[20~";

fn blocked_line(k: &Kiosk) -> &'static str {
    if k.en() {
        "The card •• 4321 is blocked"
    } else {
        "Карта •• 4321 заблокирована"
    }
}

/// Blocks the card from home (4, then «Да») and comes back home.
fn block(kiosk: &mut Kiosk) {
    kiosk.wait_home();
    kiosk.press("4");
    kiosk.choose(kiosk.tr("Да, заблокировать", "Yes, block it"));
    kiosk.wait_text(kiosk.tr(
        "Деньги на счёте в сохранности.",
        "The money in the account is safe.",
    ));
    kiosk.choose(kiosk.tr("На главную", "Home"));
    kiosk.wait_home();
}

#[test]
fn a_blocked_card_shows_and_staff_unblock_it_in_the_kiosk() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        assert!(!kiosk.shows(blocked_line(&kiosk)), "{}", kiosk.screen());
        block(&mut kiosk);
        // Home says so.
        kiosk.wait_text(blocked_line(&kiosk));
        kiosk.assert_drawn("home with a blocked card");
        // The balance says so and offers no transfer; its staff line names the real numbers.
        kiosk.press("1");
        kiosk.wait_text(kiosk.tr("Карта заблокирована.", "The card is blocked."));
        kiosk.choose(kiosk.tr("История операций", "History"));
        kiosk.wait_text(kiosk.tr("История операций", "History"));
        kiosk.keys("\x1b");
        kiosk.settle();
        assert!(
            kiosk
                .number_of(kiosk.tr("Перевести деньги", "Send money"))
                .is_none(),
            "a transfer offered from a blocked card:\n{}",
            kiosk.screen()
        );
        kiosk.assert_drawn("the balance of a blocked card");
        kiosk.keys("\x1b");
        // Help does not offer to block it again.
        kiosk.wait_home();
        kiosk.press("6");
        kiosk.wait_text(kiosk.tr("Позвать сотрудника", "Call a staff member"));
        assert!(
            kiosk
                .number_of(kiosk.tr("Заблокировать карту", "Block card"))
                .is_none(),
            "blocking offered again:\n{}",
            kiosk.screen()
        );
        kiosk.keys("\x1b");
        kiosk.wait_home();
        // Staff: F9, then «Разблокировать учебную карту».
        kiosk.keys(F9);
        kiosk.choose(kiosk.tr("Разблокировать учебную карту", "Unblock the practice card"));
        kiosk.wait_text(kiosk.tr(
            "Учебная карта разблокирована.",
            "The practice card is unblocked.",
        ));
        kiosk.wait_home();
        kiosk.wait("the blocked line gone", |k| !k.shows(blocked_line(k)));
        kiosk.press("2");
        kiosk.wait_text(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
    }
}

#[test]
fn sandbox_unblock_card_reaches_a_running_kiosk() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        block(&mut kiosk);
        kiosk.wait_text(blocked_line(&kiosk));
        // Staff at another shell, while the kiosk waits on home: no key is pressed.
        let out = kiosk.opora(&["sandbox", "unblock-card"]);
        assert!(out.status.success(), "{out:?}");
        kiosk.wait("the home screen without the blocked card", |k| {
            !k.shows(blocked_line(k))
        });
        kiosk.press("2");
        kiosk.wait_text(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
    }
}

#[test]
fn the_lost_card_lesson_unblocks_its_practice_card_at_its_end() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        open_lesson(&mut kiosk, "Потеряли карту", "A lost card");
        let safe = [kiosk.tr(
            "Позвонить в банк или прийти в отделение",
            "Call the bank or go to a branch",
        )];
        let begin = kiosk.tr("Начать", "Start");
        lesson_until(&mut kiosk, begin, &[]);
        kiosk.press("\x1b");
        lesson_until(&mut kiosk, begin, &safe);
        kiosk.choose(kiosk.tr("Да, заблокировать", "Yes, block it"));
        kiosk.choose(kiosk.tr("Вернуться к уроку", "Back to the lesson"));
        // To the end of the lesson, then home: the card works again.
        let home = kiosk.tr("На главную", "Home");
        lesson_until(&mut kiosk, home, &[]);
        kiosk.wait_home();
        assert!(!kiosk.shows(blocked_line(&kiosk)), "{}", kiosk.screen());
        kiosk.press("2");
        kiosk.wait_text(kiosk.tr("Ольга (дочь)", "Olga (daughter)"));
    }
}

/// The number of the choice labelled `label` on a plain-mode screen («4. Потеряли карту»).
pub fn number_in(screen: &str, label: &str) -> String {
    screen
        .lines()
        .find_map(|line| {
            let (number, rest) = line.split_once(". ")?;
            (rest.trim() == label && number.chars().all(|c| c.is_ascii_digit()))
                .then(|| number.to_string())
        })
        .unwrap_or_else(|| panic!("no choice «{label}» in:\n{screen}"))
}

#[test]
fn in_plain_mode_staff_type_staff_to_unblock() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "ru"]);
    talk.say("4");
    talk.expect("1", "Деньги на счёте в сохранности.");
    talk.expect("1", "Карта •• 4321 заблокирована");
    let menu = talk.expect("сотрудник", "Разблокировать учебную карту");
    assert!(menu.contains("Учебная карта заблокирована."), "{menu}");
    let after = talk.expect("1", "Учебная карта разблокирована.");
    assert!(!after.contains("•• 4321 заблокирована"), "{after}");
    assert!(talk.finish().success());
}

#[test]
fn leaving_the_lost_card_lesson_after_blocking_unblocks_the_card_too() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "ru"]);
    let list = talk.say("5");
    let mut screen = talk.say(&number_in(&list, "Потеряли карту"));
    // Through the steps to the one that blocks the card, answering the quiz safely.
    while !screen.contains("Теперь заблокируйте учебную карту") {
        let line = if screen.contains("Позвонить в банк или прийти в отделение")
        {
            number_in(&screen, "Позвонить в банк или прийти в отделение")
        } else if screen.contains(". Дальше") {
            number_in(&screen, "Дальше")
        } else {
            number_in(&screen, "Пропустить этот шаг")
        };
        screen = talk.say(&line);
    }
    talk.say(&number_in(&screen, "Начать"));
    talk.expect("1", "Деньги на счёте в сохранности.");
    let lesson = talk.say("1");
    // Out of the lesson before its end: the practice block ends with it.
    talk.expect(&number_in(&lesson, "Выйти из урока"), "Обучение");
    let home_screen = talk.expect("назад", "Мария Ивановна");
    assert!(
        !home_screen.contains("•• 4321 заблокирована"),
        "{home_screen}"
    );
    talk.expect("2", "Ольга (дочь)");
    assert!(talk.finish().success());
}

/// Item 12: the balance's staff line names the numbers the screen really has, with the card
/// working and blocked, in both languages.
#[test]
fn the_balance_staff_line_names_its_real_numbers() {
    for (lang, send, send_hint, history, history_hint) in [
        (
            "ru",
            "Перевести деньги",
            "Перевод — цифра",
            "История операций",
            "история операций — цифра",
        ),
        (
            "en",
            "Send money",
            "Number {} sends money",
            "History",
            "number {} shows the history",
        ),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk = Talk::start(home.path(), &["--lang", lang]);
        let hint = |text: &str, n: &str| {
            if text.contains("{}") {
                text.replace("{}", n)
            } else {
                format!("{text} {n}")
            }
        };
        let balance = talk.say("1");
        let (s, h) = (number_in(&balance, send), number_in(&balance, history));
        assert!(balance.contains(&hint(send_hint, &s)), "{balance}");
        assert!(balance.contains(&hint(history_hint, &h)), "{balance}");
        // Blocked: no transfer, and the line follows.
        talk.say("назад");
        talk.say("4");
        talk.say("1");
        talk.say("1");
        let balance = talk.say("1");
        assert!(!balance.contains(&format!(". {send}")), "{balance}");
        let h = number_in(&balance, history);
        assert!(balance.contains(&hint(history_hint, &h)), "{balance}");
        let sends = send_hint.split("{}").map(str::trim).max_by_key(|p| p.len());
        assert!(!balance.contains(sends.unwrap_or(send_hint)), "{balance}");
        assert!(talk.finish().success());
    }
}
