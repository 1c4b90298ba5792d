//! Item 1: the screens that once asked for a 108×44 window — the blocked card (from home and
//! inside «Потеряли карту»), the «безопасный счёт» drill and the code-request drill of «Звонок
//! мошенника» — draw at 80×24 and 120×40 in both languages.

use super::pty::{Kiosk, everywhere};

#[test]
fn the_blocked_card_draws_from_home() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        kiosk.wait_home();
        kiosk.press("4");
        kiosk.wait_text("•• 4321");
        kiosk.press("1");
        kiosk.wait_text(kiosk.tr(
            "Деньги на счёте в сохранности.",
            "The money in the account is safe.",
        ));
        kiosk.assert_drawn("the blocked card");
    }
}

/// Opens a lesson from home by its title, on whichever page of the list it is.
pub fn open_lesson(kiosk: &mut Kiosk, ru: &str, en: &str) {
    kiosk.wait_home();
    kiosk.press("5");
    let title = kiosk.tr(ru, en).to_string();
    kiosk.wait(&format!("the lesson «{title}» or more lessons"), |k| {
        k.number_of(&title).is_some() || k.number_of(k.tr("Другие уроки", "More lessons")).is_some()
    });
    if kiosk.number_of(&title).is_none() {
        let more = kiosk.tr("Другие уроки", "More lessons").to_string();
        kiosk.choose(&more);
    }
    kiosk.choose(&title);
}

/// Goes on through a lesson's steps until `label` is offered (answering quizzes safely on the
/// way with `safe`, whichever number the safe answer has), then takes it.
pub fn lesson_until(kiosk: &mut Kiosk, label: &str, safe: &[&str]) {
    let next = kiosk.tr("Дальше", "Next").to_string();
    for _ in 0..12 {
        kiosk.settle();
        if kiosk.number_of(label).is_some() {
            kiosk.choose(label);
            return;
        }
        if let Some(answer) = safe.iter().find(|a| kiosk.number_of(a).is_some()) {
            kiosk.choose(answer);
            continue;
        }
        kiosk.choose(&next);
    }
    panic!("never offered «{label}»:\n{}", kiosk.screen());
}

#[test]
fn the_blocked_card_draws_inside_the_lost_card_lesson() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        open_lesson(&mut kiosk, "Потеряли карту", "A lost card");
        let safe = [kiosk.tr(
            "Позвонить в банк или прийти в отделение",
            "Call the bank or go to a branch",
        )];
        let begin = kiosk.tr("Начать", "Start");
        // The first «Начать» finds help (Esc back to the lesson), the second blocks the card.
        lesson_until(&mut kiosk, begin, &[]);
        kiosk.wait_text(kiosk.tr("Телефон банка.", "The bank's phone."));
        kiosk.press("\x1b");
        lesson_until(&mut kiosk, begin, &safe);
        kiosk.choose(kiosk.tr("Да, заблокировать", "Yes, block it"));
        kiosk.wait_text(kiosk.tr(
            "Деньги на счёте в сохранности.",
            "The money in the account is safe.",
        ));
        kiosk.assert_drawn("the blocked card in the lesson");
    }
}

#[test]
fn the_drills_of_the_fraud_call_lesson_draw() {
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start(lang, size);
        open_lesson(&mut kiosk, "Звонок мошенника", "A fraud call");
        let safe = [kiosk.tr(
            "Положить трубку и позвонить в банк самому",
            "Hang up and call the bank myself",
        )];
        let begin = kiosk.tr("Начать", "Start");
        // The «безопасный счёт» call comes during a transfer by phone number.
        lesson_until(&mut kiosk, begin, &safe);
        kiosk.choose(kiosk.tr("По номеру телефона", "By phone number"));
        kiosk.keys("89057001122\r");
        kiosk.settle();
        kiosk.keys("1000\r");
        let stop = kiosk.tr(
            "Положить трубку и прекратить перевод",
            "Hang up and stop the transfer",
        );
        kiosk.wait(&format!("«{stop}»"), |k| k.number_of(stop).is_some());
        kiosk.assert_drawn("the safe-account drill");
        kiosk.choose(stop);
        kiosk.choose(kiosk.tr("Вернуться к уроку", "Back to the lesson"));
        // Someone asks for the code when it arrives.
        lesson_until(&mut kiosk, begin, &[]);
        kiosk.choose(kiosk.tr("Дима (внук)", "Dima (grandson)"));
        kiosk.keys("200\r");
        kiosk.choose(kiosk.tr("Всё верно, продолжить", "All correct, continue"));
        let stop = kiosk.tr(
            "Не называть код и положить трубку",
            "Don't say the code, hang up",
        );
        kiosk.wait(&format!("«{stop}»"), |k| k.number_of(stop).is_some());
        kiosk.assert_drawn("the code-request drill");
    }
}
