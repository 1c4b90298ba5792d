//! The assisted session's state machine on its own: what it records and when, what staff can
//! do behind the staff key, how the outcome is observed, and what the staff line shows. The
//! session with a real practice bank is tested in the edge crate (`tests/assist_session.rs`).

use super::*;
use crate::i18n::{I18n, Lang};
use crate::journal::{ClientRef, InputMode, Payload};

fn key() -> BankKey {
    BankKey::new("a bank-wide secret key").expect("long enough")
}

fn start(mode: Mode) -> Assist {
    let (assist, effects) = Assist::new(
        mode,
        key(),
        vec![
            Goal::operation("transfer"),
            Goal::operation("pay"),
            Goal::lesson("lesson-pay", "Paying a bill"),
        ],
        App::new("test"),
    );
    assert_eq!(effects, vec![AssistEffect::BeginSession]);
    assist
}

fn records(effects: &[AssistEffect]) -> Vec<&Payload> {
    effects
        .iter()
        .filter_map(|e| match e {
            AssistEffect::Record(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// Types text and presses Enter; returns every effect.
fn enter(a: &mut Assist, text: &str) -> Vec<AssistEffect> {
    let mut out = Vec::new();
    for c in text.chars() {
        out.extend(a.update(AssistMsg::Key(Key::Char(c))));
    }
    out.extend(a.update(AssistMsg::Key(Key::Enter)));
    out
}

fn choose(a: &mut Assist, n: u8) -> Vec<AssistEffect> {
    a.update(AssistMsg::Key(Key::Digit(n)))
}

fn staff(a: &mut Assist, n: u8) -> Vec<AssistEffect> {
    let mut out = a.update(AssistMsg::Key(Key::Staff));
    assert!(a.staff_menu_open());
    out.extend(choose(a, n));
    out
}

/// Up to the consent question, with a phone number; returns every effect so far.
fn to_consent(a: &mut Assist) -> Vec<AssistEffect> {
    let mut out = enter(a, "st-1");
    out.extend(choose(a, 2));
    out.extend(enter(a, "8 912 345-67-89"));
    for n in [1, 4, 1] {
        out.extend(choose(a, n));
    }
    out.extend(enter(a, "Tver 3"));
    assert_eq!(a.stage(), Stage::Consent);
    out
}

/// Consent, the transfer and the lesson as goals, practice begun.
fn to_practice(a: &mut Assist) -> Vec<AssistEffect> {
    let mut all = to_consent(a);
    all.extend(choose(a, 1));
    all.extend(choose(a, 1));
    all.extend(choose(a, 3));
    all.extend(choose(a, 6));
    assert_eq!(a.stage(), Stage::Practice);
    all
}

#[test]
fn nothing_is_recorded_before_consent_and_a_refusal_is_only_counted() {
    let mut a = start(Mode::Session);
    let before = to_consent(&mut a);
    assert!(records(&before).is_empty(), "{before:?}");
    let pseudonym = ClientRef::phone("89123456789")
        .expect("phone")
        .pseudonym(&key());
    assert!(before.contains(&AssistEffect::LookUpProgress(pseudonym)));
    let refused = choose(&mut a, 2);
    assert_eq!(
        records(&refused),
        vec![&Payload::ConsentRefused {
            channel: Channel::BranchKiosk,
            site: "Tver 3".into()
        }]
    );
    assert_eq!(a.stage(), Stage::Refused);
}

#[test]
fn practice_starts_the_session_on_a_fresh_bank_under_the_clients_pseudonym() {
    let mut a = start(Mode::Session);
    let all = to_practice(&mut a);
    let pseudonym = ClientRef::phone("+79123456789")
        .expect("phone")
        .pseudonym(&key());
    let started = records(&all)
        .into_iter()
        .find(|p| matches!(p, Payload::SessionStarted { .. }))
        .expect("the session started");
    assert!(
        matches!(started, Payload::SessionStarted { client: Some(c), segment: Segment::Senior, age_band: AgeBand::From75, goals, .. }
            if *c == pseudonym && goals == &vec!["transfer".to_string(), "lesson-pay".to_string()]),
        "{started:?}"
    );
    assert!(all.contains(&AssistEffect::ClientProfile(Some(pseudonym))));
    assert!(all.contains(&AssistEffect::ResetBank));
    // The kiosk's own first effects go to the practice bank.
    assert!(all.contains(&AssistEffect::Kiosk(kiosk::Effect::LoadSnapshot)));
    assert!(all.contains(&AssistEffect::Kiosk(kiosk::Effect::LoadProgress)));
}

#[test]
fn keys_are_the_clients_except_the_staff_key_and_zero_never_quits_the_session() {
    let mut a = start(Mode::Session);
    to_practice(&mut a);
    // Without a snapshot the kiosk ignores keys, but the session does not swallow them.
    assert!(
        choose(&mut a, 0).is_empty(),
        "the client cannot end the session"
    );
    assert!(!a.is_quitting());
    a.update(AssistMsg::Key(Key::Staff));
    assert!(a.staff_menu_open());
    a.update(AssistMsg::Key(Key::Esc));
    assert!(!a.staff_menu_open(), "Esc goes back to the client's screen");
    assert_eq!(a.stage(), Stage::Practice);
}

#[test]
fn the_staff_menu_marks_help_and_moves_to_do_it_alone() {
    let mut a = start(Mode::Session);
    to_practice(&mut a);
    let marked = staff(&mut a, 1);
    assert_eq!(
        records(&marked),
        vec![&Payload::StaffMarked {
            mark: "asked-aloud".into()
        }]
    );
    let alone = staff(&mut a, 3);
    assert_eq!(a.stage(), Stage::Alone);
    assert_eq!(records(&alone), vec![&Payload::AloneStarted {}]);
    assert!(alone.contains(&AssistEffect::ResetBank));
    // Marks made in practice do not count against "do it alone".
    assert_eq!(a.watch().marks, 0);
    let unblock = staff(&mut a, 4);
    assert_eq!(unblock, vec![AssistEffect::UnblockCard]);
}

#[test]
fn the_outcome_is_observed_from_the_journey_of_do_it_alone() {
    let mut watch = Watch::default();
    let goals = ["transfer", "lesson-pay"];
    assert_eq!(watch.outcome(goals), Outcome::NotYet);
    watch.observe(&Payload::OperationCompleted {
        operation: "transfer".into(),
        fee_shown: Some(0),
        amount_band: Some("under_1k".into()),
    });
    assert_eq!(watch.outcome(goals), Outcome::NotYet, "one goal of two");
    watch.observe(&Payload::LessonCompleted {
        lesson: "lesson-pay".into(),
    });
    assert_eq!(watch.outcome(goals), Outcome::Alone);
    watch.observe(&Payload::HelpOpened {
        screen: "check".into(),
    });
    assert_eq!(watch.outcome(goals), Outcome::WithHelp, "help was opened");
    let mut marked = Watch::default();
    marked.observe(&Payload::ScreenEntered {
        screen: "balance".into(),
        flow: None,
        step: None,
        steps: None,
        lesson: None,
    });
    marked.observe(&Payload::StaffMarked {
        mark: "touched-keyboard".into(),
    });
    assert_eq!(marked.outcome(["balance"]), Outcome::WithHelp);
    // Choices and lessons elsewhere are not goals reached.
    let mut other = Watch::default();
    other.observe(&Payload::ChoiceTaken {
        screen: "home".into(),
        choice: 2,
        by: InputMode::Voice,
    });
    assert_eq!(other.outcome(["transfer"]), Outcome::NotYet);
}

#[test]
fn staff_confirm_or_change_the_outcome_only_with_a_reason() {
    let mut a = start(Mode::Session);
    to_practice(&mut a);
    staff(&mut a, 3);
    staff(&mut a, 3);
    assert_eq!(a.stage(), Stage::Outcome);
    assert_eq!(a.computed_outcome(), Some(Outcome::NotYet));
    let i18n = I18n::embedded(Lang::En);
    let shown = view(&a, &i18n);
    assert_eq!(shown.fact.as_deref(), Some("Not yet"));
    assert!(shown.lines.iter().any(|l| l == "Not done yet: Send money"));
    choose(&mut a, 2);
    assert_eq!(a.stage(), Stage::ChangeOutcome);
    choose(&mut a, 1);
    assert_eq!(
        a.stage(),
        Stage::OverrideReason {
            outcome: Outcome::Alone
        }
    );
    // Esc goes back without changing anything.
    a.update(AssistMsg::Key(Key::Esc));
    assert_eq!(a.stage(), Stage::ChangeOutcome);
    choose(&mut a, 1);
    choose(&mut a, 1);
    assert_eq!(a.stage(), Stage::Fcr);
    choose(&mut a, 1);
    enter(&mut a, "5");
    enter(&mut a, "");
    enter(&mut a, "9");
    let end = choose(&mut a, 2);
    assert_eq!(a.stage(), Stage::Done);
    assert!(records(&end).contains(&&Payload::SessionEnded {
        outcome: Outcome::Alone,
        fcr: Some(true),
        complaint: Some("hard-to-use".into()),
        computed: Some(Outcome::NotYet),
        override_reason: Some("done-outside-opora".into()),
    }));
    assert!(records(&end).contains(&&Payload::Feedback {
        csat: Some(5),
        ces: None,
        nps: Some(9)
    }));
    // The lesson goal brings the take-home reminder.
    assert!(end.contains(&AssistEffect::WriteReminder(vec!["lesson-pay".into()])));
    a.update(AssistMsg::ReminderWritten(Ok("/tmp/r.pdf".into())));
    let done = view(&a, &i18n);
    assert!(
        done.lines.iter().any(|l| l.contains("/tmp/r.pdf")),
        "{done:?}"
    );
}

#[test]
fn bad_input_is_explained_and_kept_out() {
    let mut a = start(Mode::Session);
    let i18n = I18n::embedded(Lang::En);
    assert!(enter(&mut a, "").is_empty());
    assert_eq!(a.stage(), Stage::Staff);
    assert!(view(&a, &i18n).notice.is_some());
    enter(&mut a, "st-1");
    choose(&mut a, 1);
    enter(&mut a, "ab");
    assert_eq!(a.stage(), Stage::ClientId { phone: false });
    let notice = view(&a, &i18n).notice.expect("an error");
    assert!(notice.text.contains("this one has 2"), "{notice:?}");
    // The field is masked and cleared after a wrong reference.
    for c in "AB12".chars() {
        a.update(AssistMsg::Key(Key::Char(c)));
    }
    assert_eq!(view(&a, &i18n).field.expect("field").value, "••••");
    let mut a = start(Mode::Session);
    to_consent(&mut a);
    choose(&mut a, 1);
    choose(&mut a, 6);
    assert_eq!(a.stage(), Stage::Goals { page: 0 });
    assert!(view(&a, &i18n).notice.is_some(), "no goal chosen yet");
}

#[test]
fn going_back_in_set_up_keeps_what_was_typed() {
    let mut a = start(Mode::Session);
    enter(&mut a, "st-1");
    a.update(AssistMsg::Key(Key::Esc));
    assert_eq!(a.stage(), Stage::Staff);
    let i18n = I18n::embedded(Lang::En);
    assert_eq!(view(&a, &i18n).field.expect("field").value, "st-1");
}

#[test]
fn scores_outside_their_scale_are_refused() {
    let mut a = start(Mode::Session);
    to_practice(&mut a);
    staff(&mut a, 5);
    choose(&mut a, 1);
    choose(&mut a, 3);
    assert_eq!(a.stage(), Stage::Csat);
    enter(&mut a, "6");
    assert_eq!(a.stage(), Stage::Csat);
    enter(&mut a, "-");
    assert_eq!(a.stage(), Stage::Ces);
    enter(&mut a, "0");
    assert_eq!(a.stage(), Stage::Ces);
    enter(&mut a, "7");
    enter(&mut a, "11");
    assert_eq!(a.stage(), Stage::Nps);
    enter(&mut a, "0");
    assert_eq!(a.stage(), Stage::Complaint);
}

#[test]
fn the_staff_line_shows_a_returning_clients_history_and_toggles() {
    let i18n = I18n::embedded(Lang::En);
    let mut a = start(Mode::Session);
    to_consent(&mut a);
    a.update(AssistMsg::Progress(ClientHistory {
        sessions: 2,
        lessons_done: vec!["lesson-pay".into()],
        lessons_open: vec![],
        last_outcome: Some("with_help".into()),
    }));
    let line = view(&a, &i18n).staff_hint.expect("staff line");
    assert!(
        line.contains("2 earlier sessions") && line.contains("lessons done: Lesson: Paying a bill"),
        "{line}"
    );
    assert!(line.contains("Done with help"), "{line}");
    a.update(AssistMsg::Key(Key::ToggleStaff));
    assert_eq!(view(&a, &i18n).staff_hint, None);
}

#[test]
fn follow_up_needs_a_known_client() {
    let mut a = start(Mode::FollowUp);
    enter(&mut a, "st-1");
    assert!(choose(&mut a, 3).is_empty(), "no anonymous follow-up");
    choose(&mut a, 1);
    enter(&mut a, "AB-1234");
    assert_eq!(a.stage(), Stage::FollowUpAnswer);
    let effects = choose(&mut a, 1);
    let pseudonym = ClientRef::bank_id("AB1234").expect("id").pseudonym(&key());
    assert_eq!(
        records(&effects),
        vec![&Payload::FollowUp {
            client: pseudonym,
            used_alone: true
        }]
    );
}

#[test]
fn every_goal_and_stage_has_its_texts_in_both_languages() {
    for lang in [Lang::Ru, Lang::En] {
        let i18n = I18n::embedded(lang);
        for op in OPERATIONS {
            assert!(i18n.has(&format!("assist-goal-{op}")), "{lang:?} {op}");
            assert!(i18n.has(&format!("assist-hint-{op}")), "{lang:?} {op}");
        }
        for c in COMPLAINTS {
            assert!(i18n.has(&format!("assist-complaint-{c}")), "{lang:?} {c}");
        }
        for o in ["alone", "with-help", "not-yet", "declined"] {
            assert!(i18n.has(&format!("assist-outcome-{o}")), "{lang:?} {o}");
        }
        for r in crate::journal::payload::OVERRIDE_REASONS {
            assert!(i18n.has(&format!("assist-reason-{r}")), "{lang:?} {r}");
        }
    }
}
