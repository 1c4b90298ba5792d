//! Every shipped lesson played to the end by keys, in Russian and in English: wrong quiz answers
//! first (each must explain why and let the client try again), do-it steps done for real in the
//! practice bank (with every drill met and stopped), and the reminder at the end. Plus the lesson
//! checker on good and broken files.

mod common;

use common::Session;
use common::fit::{FEW_HEIGHTS, FEW_WIDTHS, fits_on};
use opora::locales::LocaleSource;
use opora_core::i18n::{I18n, Lang};
use opora_core::input::Key;
use opora_core::kiosk::lesson_state::StepState;
use opora_core::lessons::{Goal, Place, ProblemKind, StepKind};
use opora_core::phone::PhoneNumber;
use opora_core::screen_model::ScreenModel;

/// The number of the choice whose label contains `text`.
fn choice(model: &ScreenModel, text: &str) -> u8 {
    model
        .choices
        .iter()
        .find(|c| c.label.contains(text))
        .map(|c| c.key)
        .unwrap_or_else(|| panic!("no choice {text:?} on {}: {:?}", model.id, model.choices))
}

/// Opens lesson `id` from the home screen.
fn open_lesson(s: &mut Session, id: &str) {
    s.press(5);
    let model = s.model();
    assert_eq!(model.id, "lessons");
    let lesson = s
        .app
        .lessons()
        .iter()
        .position(|l| l.id == id)
        .expect("shipped");
    // Four lessons per page; the last choice of a full page leads to the next one.
    for _ in 0..lesson / 4 {
        let more = s.i18n.t("lessons-more");
        let n = choice(&s.model(), &more);
        s.press(n);
    }
    let title = s.i18n.t(&s.app.lessons()[lesson].title);
    let n = s
        .model()
        .choices
        .iter()
        .find(|c| c.label.ends_with(&title))
        .map(|c| c.key)
        .expect("the lesson in the list");
    s.press(n);
    assert_eq!(s.model().id, "lesson");
}

/// Whole roubles as a client types them.
fn rubles(amount: opora_core::money::Money) -> String {
    assert_eq!(amount.kopecks() % 100, 0, "lessons ask for whole roubles");
    (amount.kopecks() / 100).to_string()
}

/// Confirms the check screen and types the code from the simulated phone.
fn confirm_with_code(s: &mut Session) {
    assert_eq!(s.model().id, "check", "{:?}", s.model().lines);
    s.press(1);
    if s.model().id == "drill" {
        return;
    }
    let code = s.code();
    s.enter(&code);
}

/// Carries out a do-it step's goal by keys, as a client would; returns the drill met, if any.
fn do_goal(s: &mut Session, goal: &Goal) -> Option<bool> {
    s.press(choice(&s.model(), &s.i18n.t("lesson-begin")));
    let snapshot = s.app.snapshot().expect("bank loaded").clone();
    let name_of = |phone: &PhoneNumber, s: &Session| {
        snapshot
            .payees
            .iter()
            .find(|p| p.phone == *phone)
            .map(|p| p.name.get(s.i18n.lang()).to_string())
    };
    match goal {
        Goal::Open(place) => {
            let want = match place {
                Place::Balance => "balance",
                Place::History => "history",
                Place::Help => "help",
            };
            assert_eq!(s.model().id, want);
            s.key(Key::Esc);
            return None;
        }
        Goal::BlockCard => {
            assert_eq!(s.model().id, "block-confirm");
            s.press(1);
            assert_eq!(s.model().id, "block-done");
            s.press(choice(&s.model(), &s.i18n.t("choice-lesson")));
            return None;
        }
        Goal::Send {
            payee,
            phone,
            amount,
        } => {
            assert_eq!(s.model().id, "send-who");
            let amount = rubles(amount.expect("lessons name the amount"));
            match (payee, phone) {
                (Some(key), _) => {
                    let name = snapshot.payee(key).expect("payee").name.get(s.i18n.lang());
                    s.press(choice(&s.model(), name));
                }
                (None, Some(phone)) => {
                    let label = s.i18n.t("send-by-phone");
                    s.press(choice(&s.model(), &label));
                    let _ = name_of(phone, s);
                    s.enter(&phone.pretty());
                }
                (None, None) => {
                    s.press(1);
                }
            }
            s.enter(&amount);
        }
        Goal::PayBill { bill, .. } => {
            assert_eq!(s.model().id, "pay-what");
            let key = bill.as_deref().unwrap_or("electricity");
            let index = snapshot
                .bills
                .iter()
                .position(|b| b.key == key)
                .expect("bill");
            s.press(u8::try_from(index + 1).expect("digit"));
            assert_eq!(s.model().id, "bill-amount");
            s.press(1);
        }
        Goal::TopUp { phone, amount } => {
            assert_eq!(s.model().id, "pay-what");
            s.press(choice(&s.model(), &s.i18n.t("pay-topup")));
            assert_eq!(s.model().id, "topup-whose");
            if phone.is_some_and(|p| p == snapshot.own_phone) {
                s.press(1);
            } else {
                s.press(choice(&s.model(), &s.i18n.t("topup-other")));
                s.enter(&phone.expect("a number").pretty());
            }
            let amount = rubles(amount.expect("an amount"));
            s.enter(&amount);
        }
        Goal::OwnTransfer { .. } => {
            unreachable!("no shipped lesson moves money between own accounts")
        }
    }
    // A real warning may come first; a drill may come at the check or at the code.
    if s.model().id == "warning" {
        s.press(2);
    }
    if s.model().id != "drill" {
        confirm_with_code(s);
    }
    let drilled = if s.model().id == "drill" {
        // Every drill draws in every terminal from 40×12 up.
        fits_on(&s.model(), "a drill", &FEW_WIDTHS, &FEW_HEIGHTS);
        // Stopping is the right answer; it is praised.
        s.press(1);
        let model = s.model();
        assert_eq!(model.id, "drill-result");
        assert_eq!(model.title, s.i18n.t("drill-result-stopped-title"));
        s.press(1);
        Some(true)
    } else {
        assert_eq!(s.model().id, "done", "{:?}", s.model());
        s.press(choice(&s.model(), &s.i18n.t("choice-lesson")));
        None
    };
    assert_eq!(s.model().id, "lesson");
    drilled
}

/// Plays one lesson from the home screen to its end; returns how many drills were stopped.
fn play(lang: Lang, id: &str) -> usize {
    let mut s = Session::new(lang);
    open_lesson(&mut s, id);
    let mut drills = 0;
    loop {
        let model = s.model();
        // Every step, the longest texts included, lays out in every terminal from 40×12 up.
        fits_on(
            &model,
            &format!("{id} ({lang:?})"),
            &FEW_WIDTHS,
            &FEW_HEIGHTS,
        );
        if model.id == "lesson-end" {
            break;
        }
        // What is heard has words only: amounts, numbers and phones are said, not spelled.
        assert!(
            !model
                .spoken
                .chars()
                .any(|c| c.is_ascii_digit() || "₽·".contains(c)),
            "{id}: {}",
            model.spoken
        );
        let run = s.app.lesson_run().expect("in a lesson").clone();
        let step = run.step().expect("a step").clone();
        // Each step's text is on its screen.
        let first_line = s.i18n.t(&step.text);
        let first_line = first_line
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(
            model.lines.contains(&first_line),
            "{id}/{}: {:?}",
            step.id,
            model.lines
        );
        match &step.kind {
            StepKind::Explain | StepKind::Say { .. } => {
                s.press(1);
            }
            StepKind::Quiz { answers } => {
                // Every wrong answer explains why and keeps the question open.
                for (i, answer) in answers.iter().enumerate().filter(|(_, a)| !a.safe) {
                    s.press(u8::try_from(i + 1).expect("digit"));
                    let notice = s.model().notice.expect("an explanation");
                    assert!(notice.text.contains(&s.i18n.t(&answer.why)));
                    assert_eq!(s.model().choices.len(), answers.len(), "try again");
                }
                let safe = answers.iter().position(|a| a.safe).expect("a safe answer");
                s.press(u8::try_from(safe + 1).expect("digit"));
                assert!(matches!(
                    s.app.lesson_run().expect("run").state,
                    StepState::Answered { safe: true, .. }
                ));
                s.press(1);
            }
            StepKind::Do { goal, drill } => {
                let drilled = do_goal(&mut s, goal);
                assert_eq!(drilled.is_some(), drill.is_some(), "{id}/{}", step.id);
                drills += usize::from(drilled.is_some());
                assert!(
                    s.app.lesson_run().expect("run").can_go_on(),
                    "{id}/{}",
                    step.id
                );
                s.press(1);
            }
        }
    }
    // The end: the recap, and the reminder offered.
    let model = s.model();
    let lesson = s.app.lesson_run().expect("run").lesson.clone();
    for line in &lesson.recap {
        let text = s.i18n.t(line);
        assert!(model.lines.iter().any(|l| l.contains(&text)), "{text}");
    }
    assert_eq!(model.choices[0].label, s.i18n.t("lesson-write-reminder"));
    assert!(s.app.progress().lessons[id].completed);
    drills
}

#[test]
fn every_shipped_lesson_can_be_finished_by_keys_in_russian_and_english() {
    let ids: Vec<String> = opora::lesson_files::load(&LocaleSource::Embedded, None)
        .lessons
        .iter()
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(ids.len(), 8);
    for lang in [Lang::Ru, Lang::En] {
        let mut drills = 0;
        for id in &ids {
            drills += play(lang, id);
        }
        assert!(drills >= 4, "the starter set meets every kind of drill");
    }
}

#[test]
fn the_shipped_lessons_are_5_to_12_steps_and_pass_the_checker() {
    let catalog = opora::lesson_files::load(&LocaleSource::Embedded, None);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    for lesson in &catalog.lessons {
        for variant in lesson.variants.iter().map(String::as_str).chain([""]) {
            let n = lesson.steps_of(variant).len();
            assert!((5..=12).contains(&n), "{}: {n} steps", lesson.id);
        }
    }
    // The folder holds exactly the lessons compiled in.
    let mut on_disk: Vec<String> = std::fs::read_dir("assets/lessons")
        .expect("assets/lessons")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut shipped: Vec<String> = opora_core::lessons::shipped_names()
        .into_iter()
        .map(String::from)
        .collect();
    shipped.sort();
    assert_eq!(on_disk, shipped);
}

#[test]
fn a_wrong_answer_explains_and_lets_the_client_try_again() {
    let mut s = Session::new(Lang::Ru);
    open_lesson(&mut s, "fraud-call");
    s.press(1).press(1);
    assert_eq!(
        s.model().lines[0],
        "Звонят: «С вашей карты крадут деньги, переведите их на безопасный счёт». Что делать?"
    );
    s.press(2);
    let notice = s.model().notice.expect("why");
    assert_eq!(
        notice.text,
        "Нет. Деньги уйдут мошенникам. Попробуйте ещё раз."
    );
    s.press(1);
    assert_eq!(
        s.model().notice.expect("praise").text,
        "Верно. Звоните по номеру с обратной стороны карты."
    );
}

#[test]
fn continuing_a_drill_is_stopped_gently_and_nothing_moves() {
    let mut s = Session::new(Lang::En);
    open_lesson(&mut s, "fraud-call");
    s.press(1).press(1).press(1).press(1);
    let before = s.app.snapshot().expect("bank").card.balance;
    s.press(1); // Start the transfer to +7 905 700-11-22.
    s.press(choice(&s.model(), "By phone number"));
    s.enter("+7 905 700-11-22").enter("1000");
    let model = s.model();
    assert_eq!(model.id, "drill");
    assert_eq!(model.title, "A call from \"the bank\"");
    s.press(2); // Do as they say.
    let model = s.model();
    assert_eq!(model.title, "Stop!");
    assert!(
        model
            .lines
            .iter()
            .any(|l| l.contains("There is no such thing as a \"safe account\""))
    );
    s.press(1);
    assert_eq!(s.app.snapshot().expect("bank").card.balance, before);
    assert!(matches!(
        s.app.lesson_run().expect("run").state,
        StepState::Drilled { stopped: false }
    ));
}

#[test]
fn a_new_payee_or_half_the_balance_gets_a_real_warning_outside_drills() {
    let mut s = Session::new(Lang::Ru);
    // 2 send → by phone → a number that is not saved → 100 ₽.
    s.press(2);
    s.press(choice(&s.model(), "По номеру телефона"));
    s.enter("+7 905 700-11-22").enter("100");
    let model = s.model();
    assert_eq!(model.id, "warning");
    assert_eq!(model.lines[0], s.i18n.t("warning-new-payee"));
    // Cancel is the first, safe choice: Enter takes it.
    s.key(Key::Enter);
    assert_eq!(s.model().id, "home");

    // More than half of 25 430,50 ₽ to the daughter (saved): warned about the amount only.
    s.press(2).press(1).enter("13000");
    let model = s.model();
    assert_eq!(model.id, "warning");
    assert_eq!(model.lines.len(), 2);
    s.press(2);
    assert_eq!(s.model().id, "check");
}

#[test]
fn continue_resumes_where_the_client_stopped() {
    let mut s = Session::new(Lang::En);
    open_lesson(&mut s, "send-safely");
    s.press(1).press(1);
    assert_eq!(s.model().progress.as_deref(), Some("Lesson: step 3 of 6"));
    s.key(Key::Esc);
    assert_eq!(s.model().id, "lessons");
    let model = s.model();
    assert_eq!(model.choices[0].label, "Continue: Sending money safely");
    s.press(1);
    assert_eq!(s.model().progress.as_deref(), Some("Lesson: step 3 of 6"));
}

#[test]
fn the_variant_is_chosen_per_session_and_kept() {
    let catalog = opora::lesson_files::load(&LocaleSource::Embedded, None);
    let lesson = catalog.get("first-steps").expect("shipped");
    let variants: std::collections::HashSet<String> = (0..40)
        .map(|i| lesson.variant_for(&format!("session-{i}")))
        .collect();
    assert_eq!(variants.len(), 2, "both variants are used");
    assert_eq!(lesson.variant_for("s-1"), lesson.variant_for("s-1"));
}

fn check_fixture(text: &str) -> Vec<(usize, ProblemKind)> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, text).expect("write");
    let catalog = opora::lesson_files::load_path(&LocaleSource::Embedded, &path);
    catalog
        .problems
        .into_iter()
        .map(|p| {
            assert_eq!(p.file, path);
            (p.line, p.kind)
        })
        .collect()
}

const GOOD_HEAD: &str = r#"id = "t"
title = "l-send-title"
summary = "l-send-summary"
"#;

#[test]
fn the_checker_names_the_line_and_the_reason() {
    let cases: Vec<(String, usize, ProblemKind)> = vec![
        (
            format!(
                "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"dance\"\ntext = \"l-send-intro\"\n"
            ),
            7,
            ProblemKind::UnknownKind("dance".into()),
        ),
        (
            format!(
                "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"explain\"\ntext = \"l-nowhere\"\n"
            ),
            8,
            ProblemKind::MissingMessage {
                id: "l-nowhere".into(),
                lang: "ru",
            },
        ),
        (
            format!(
                "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"do\"\ntext = \"l-send-intro\"\ngoal = {{ operation = \"send\", payee = \"cousin\" }}\n"
            ),
            9,
            ProblemKind::UnknownPayee("cousin".into()),
        ),
        (
            format!(
                "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"do\"\ntext = \"l-send-intro\"\ngoal = {{ operation = \"fly\" }}\n"
            ),
            9,
            ProblemKind::UnknownOperation("fly".into()),
        ),
        (
            format!(
                "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"explain\"\ntext = \"l-send-intro\"\n\n[[step]]\nid = \"a\"\nkind = \"explain\"\ntext = \"l-send-check\"\n"
            ),
            11,
            ProblemKind::DuplicateStep("a".into()),
        ),
        (
            format!("{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"explain\"\ntext = 5\n"),
            8,
            ProblemKind::Syntax(String::new()),
        ),
    ];
    for (text, line, kind) in cases {
        let problems = check_fixture(&text);
        assert!(!problems.is_empty(), "{text}");
        let (got_line, got_kind) = &problems[0];
        assert_eq!(*got_line, line, "{text}\n{problems:?}");
        match (&kind, got_kind) {
            (ProblemKind::Syntax(_), ProblemKind::Syntax(reason)) => assert!(!reason.is_empty()),
            _ => assert_eq!(got_kind, &kind),
        }
    }
    // A message missing in both languages is reported for each.
    let problems = check_fixture(&format!(
        "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"explain\"\ntext = \"l-nowhere\"\n"
    ));
    assert_eq!(problems.len(), 2);
}

#[test]
fn the_problem_sentence_is_in_the_person_s_language() {
    let problems = {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.toml");
        std::fs::write(
            &path,
            format!(
                "{GOOD_HEAD}\n[[step]]\nid = \"a\"\nkind = \"dance\"\ntext = \"l-send-intro\"\n"
            ),
        )
        .expect("write");
        opora::lesson_files::load_path(&LocaleSource::Embedded, &path).problems
    };
    let ru = opora_core::lessons::problem_sentence(&problems[0], &I18n::embedded(Lang::Ru));
    assert!(
        ru.ends_with(
            "x.toml, строка 7: неизвестный вид шага «dance» (можно: explain, do, quiz, say)"
        ),
        "{ru}"
    );
    let en = opora_core::lessons::problem_sentence(&problems[0], &I18n::embedded(Lang::En));
    assert!(
        en.ends_with(
            "x.toml, line 7: unknown step kind \"dance\" (allowed: explain, do, quiz, say)"
        ),
        "{en}"
    );
}
