//! The assisted session as staff and client live it, through the real binary in plain mode:
//! set-up, practice on the real kiosk (a refused amount, a help request), the staff key, "now do
//! it alone" on a fresh practice bank, and an outcome Opora observed rather than staff typed —
//! "did it alone", "with help" when help was opened, "not yet" when the goal was not reached,
//! and a staff override that keeps its reason. And the kiosk on its own: an anonymous
//! self-practice session, or none when the device turns that off.

mod common;

use common::talk::{Talk, code_in};
use opora::store::journal::Journal;
use opora_core::journal::{Event, InputMode, Outcome, Payload};
use std::path::Path;

struct Texts {
    lang: &'static str,
    staff: &'static str,
    amount_refused: &'static str,
    help_title: &'static str,
    done: &'static str,
    outcome_alone: &'static str,
    outcome_with_help: &'static str,
    outcome_not_yet: &'static str,
    thanks: &'static str,
}

const RU: Texts = Texts {
    lang: "ru",
    staff: "сотрудник",
    amount_refused: "Сумма не может быть нулём",
    help_title: "Подсказка",
    done: "Перевод выполнен",
    outcome_alone: "Сделано самостоятельно",
    outcome_with_help: "Сделано с помощью",
    outcome_not_yet: "Пока не получилось",
    thanks: "Спасибо!",
};

const EN: Texts = Texts {
    lang: "en",
    staff: "staff",
    amount_refused: "The amount cannot be zero",
    help_title: "Hint",
    done: "Money sent",
    outcome_alone: "Done alone",
    outcome_with_help: "Done with help",
    outcome_not_yet: "Not yet",
    thanks: "Thank you!",
};

/// A data folder with the bank key and this device's id set.
fn configured() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    for (args, input) in [
        // The key comes on standard input, never on the command line.
        (
            &["config", "set", "bank-key"][..],
            "the bank's shared secret key\n",
        ),
        (&["config", "set", "device-id", "tver-3"][..], ""),
    ] {
        let mut child = std::process::Command::new(common::binary())
            .args(args)
            .env("OPORA_HOME", home.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("config set");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(input.as_bytes()).expect("write the key");
        }
        let out = child.wait_with_output().expect("config set");
        assert!(out.status.success(), "{out:?}");
    }
    home
}

fn events(home: &Path) -> Vec<Event> {
    Journal::open(&home.join("journal.db"))
        .expect("journal")
        .events()
        .expect("events")
}

/// Set-up: staff, client by phone, senior 75+, branch kiosk, site, consent, the transfer as
/// the goal; the kiosk's home screen follows.
fn set_up(talk: &mut Talk) {
    for line in [
        "st-7",
        "2",
        "8 912 345-67-89",
        "1",
        "4",
        "1",
        "Tver 3",
        "1",
        "2",
    ] {
        talk.say(line);
    }
    talk.say("6");
}

/// A transfer of 500 to the first saved person, from the kiosk's home screen.
fn transfer(talk: &mut Talk, t: &Texts) {
    talk.say("2");
    talk.say("1");
    talk.say("500");
    let code = code_in(&talk.say("1"));
    talk.expect(&code, t.done);
    talk.say("1");
}

/// The staff menu, and one of its choices.
fn staff(talk: &mut Talk, t: &Texts, choice: &str) -> String {
    talk.say(t.staff);
    talk.say(choice)
}

/// Feedback after the outcome: FCR yes, CSAT 5, CES skipped, NPS 10, no complaint, finish.
fn feedback(talk: &mut Talk, t: &Texts) {
    for line in ["1", "5", "", "10"] {
        talk.say(line);
    }
    talk.expect("1", t.thanks);
    talk.last("2");
}

fn session_ended(events: &[Event]) -> Payload {
    events
        .iter()
        .find(|e| matches!(e.payload, Payload::SessionEnded { .. }))
        .map(|e| e.payload.clone())
        .expect("the session ended")
}

fn whole_session(t: &Texts) {
    let home = configured();
    let mut talk = Talk::start(home.path(), &["--lang", t.lang, "assist"]);
    set_up(&mut talk);
    // Practice: a refused amount and a help request on the amount screen, then the transfer.
    talk.say("2");
    talk.say("1");
    talk.expect("0", t.amount_refused);
    talk.expect("?", t.help_title);
    talk.say("назад");
    talk.say("500");
    let code = code_in(&talk.say("1"));
    talk.expect(&code, t.done);
    talk.say("1");
    // "Now the client alone": the transfer again, unaided, on a fresh bank.
    staff(&mut talk, t, "3");
    transfer(&mut talk, t);
    let outcome = staff(&mut talk, t, "3");
    assert!(outcome.contains(t.outcome_alone), "{outcome}");
    talk.say("1");
    feedback(&mut talk, t);
    assert!(talk.finish().success());

    let events = events(home.path());
    let alone_at = events
        .iter()
        .position(|e| matches!(e.payload, Payload::AloneStarted {}))
        .expect("do it alone began");
    let (practice, alone) = events.split_at(alone_at);
    assert!(
        practice.iter().any(|e| matches!(&e.payload,
            Payload::InputRefused { screen, field, reason }
                if screen == "amount-entry" && field == "amount" && reason == "zero")),
        "the refused amount, on its screen and step"
    );
    assert!(practice.iter().any(|e| matches!(&e.payload,
        Payload::HelpOpened { screen } if screen == "amount-entry")));
    for phase in [practice, alone] {
        assert!(phase.iter().any(|e| matches!(&e.payload,
            Payload::OperationCompleted { operation, .. } if operation == "transfer")));
        let flow: Vec<&str> = phase
            .iter()
            .filter_map(|e| match &e.payload {
                Payload::ScreenEntered {
                    screen,
                    flow: Some(flow),
                    ..
                } if flow == "send" => Some(screen.as_str()),
                _ => None,
            })
            .collect();
        for step in ["send-who", "amount-entry", "check", "code", "done"] {
            assert!(flow.contains(&step), "{step} not in the journey {flow:?}");
        }
    }
    assert!(
        alone
            .iter()
            .all(|e| !matches!(e.payload, Payload::HelpOpened { .. }))
    );
    assert!(events.iter().any(|e| matches!(&e.payload,
        Payload::ChoiceTaken { screen, choice: 2, by: InputMode::Key } if screen == "home")));
    assert_eq!(
        session_ended(&events),
        Payload::SessionEnded {
            outcome: Outcome::Alone,
            fcr: Some(true),
            complaint: None,
            computed: Some(Outcome::Alone),
            override_reason: None,
        }
    );
    // One session: every event under the same id, the set-up's own screens included.
    let first = &events[0].session;
    assert!(events.iter().all(|e| e.session == *first));
}

#[test]
fn a_whole_session_observes_the_client_doing_it_alone_in_russian() {
    whole_session(&RU);
}

#[test]
fn a_whole_session_observes_the_client_doing_it_alone_in_english() {
    whole_session(&EN);
}

#[test]
fn help_opened_while_alone_makes_it_with_help() {
    let t = &EN;
    let home = configured();
    let mut talk = Talk::start(home.path(), &["--lang", t.lang, "assist"]);
    set_up(&mut talk);
    staff(&mut talk, t, "3");
    talk.expect("?", t.help_title);
    talk.say("back");
    transfer(&mut talk, t);
    let outcome = staff(&mut talk, t, "3");
    assert!(outcome.contains(t.outcome_with_help), "{outcome}");
    talk.say("1");
    feedback(&mut talk, t);
    assert!(talk.finish().success());
    assert!(matches!(
        session_ended(&events(home.path())),
        Payload::SessionEnded {
            outcome: Outcome::WithHelp,
            computed: Some(Outcome::WithHelp),
            ..
        }
    ));
}

#[test]
fn a_goal_not_reached_is_not_yet_and_an_override_keeps_its_reason() {
    let t = &RU;
    let home = configured();
    let mut talk = Talk::start(home.path(), &["--lang", t.lang, "assist"]);
    set_up(&mut talk);
    staff(&mut talk, t, "3");
    // The client only looks at the balance, and staff end the check.
    talk.say("1");
    let outcome = staff(&mut talk, t, "3");
    assert!(outcome.contains(t.outcome_not_yet), "{outcome}");
    // Staff know the client did it on their own phone: changed, with that reason.
    talk.say("2");
    talk.say("1");
    talk.say("1");
    feedback(&mut talk, t);
    assert!(talk.finish().success());
    assert_eq!(
        session_ended(&events(home.path())),
        Payload::SessionEnded {
            outcome: Outcome::Alone,
            fcr: Some(true),
            complaint: None,
            computed: Some(Outcome::NotYet),
            override_reason: Some("done-outside-opora".into()),
        }
    );
    // The reason is in the export, for analysts.
    let export = home.path().join("journal.ndjson");
    let out = std::process::Command::new(common::binary())
        .args(["journal", "export"])
        .arg(&export)
        .env("OPORA_HOME", home.path())
        .output()
        .expect("export");
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&export).expect("exported");
    assert!(
        text.contains("\"override_reason\":\"done-outside-opora\""),
        "{text}"
    );
}

#[test]
fn the_kiosk_alone_keeps_an_anonymous_self_practice_session_unless_turned_off() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start(home.path(), &["--lang", "en"]);
    talk.expect("1", "Balance");
    talk.last("quit");
    assert!(talk.finish().success());
    let events = events(home.path());
    let kinds: Vec<&str> = events.iter().map(|e| e.payload.kind()).collect();
    assert_eq!(kinds.first(), Some(&"practice_started"), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&"practice_ended"), "{kinds:?}");
    assert!(kinds.contains(&"choice_taken") && kinds.contains(&"screen_entered"));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.payload, Payload::SessionStarted { .. })),
        "no assisted session, no client"
    );

    let off = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(common::binary())
        .args(["config", "set", "self-practice-journal", "off"])
        .env("OPORA_HOME", off.path())
        .output()
        .expect("config set");
    assert!(out.status.success(), "{out:?}");
    let mut talk = Talk::start(off.path(), &["--lang", "en"]);
    assert!(!talk.seen().contains("recorded without your name"));
    talk.say("1");
    talk.last("quit");
    assert!(talk.finish().success());
    let kept = Journal::open(&off.path().join("journal.db"))
        .expect("journal")
        .events()
        .expect("events");
    assert!(kept.is_empty(), "{kept:?}");
}
