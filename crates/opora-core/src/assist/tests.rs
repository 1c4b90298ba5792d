//! The assisted session's state machine on its own: what it records and when, and what the
//! staff line shows.

use super::*;
use crate::i18n::{I18n, Lang};
use crate::journal::ClientHistory;

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
    // The next client starts at the client question, with a new session id.
    assert_eq!(choose(&mut a, 1), vec![AssistEffect::BeginSession]);
    assert_eq!(a.stage(), Stage::ClientKind);
}

#[test]
fn a_whole_session_records_start_steps_feedback_and_end() {
    let mut a = start(Mode::Session);
    to_consent(&mut a);
    let mut all = choose(&mut a, 1);
    assert!(
        records(&all)
            .iter()
            .all(|p| matches!(p, Payload::ScreenShown { .. }))
    );
    // Goals: transfer and the lesson (on page 1: transfer, pay, lesson).
    all.extend(choose(&mut a, 1));
    all.extend(choose(&mut a, 3));
    all.extend(choose(&mut a, 6));
    assert_eq!(a.stage(), Stage::Practice);
    for n in [1, 2, 4, 3, 5] {
        all.extend(choose(&mut a, n));
    }
    // Now the lesson: one step, then it is done, which leads to "now alone".
    all.extend(choose(&mut a, 1));
    all.extend(choose(&mut a, 5));
    assert_eq!(a.stage(), Stage::Alone);
    all.extend(choose(&mut a, 1));
    all.extend(choose(&mut a, 1));
    all.extend(enter(&mut a, "5"));
    all.extend(enter(&mut a, ""));
    all.extend(enter(&mut a, "9"));
    all.extend(choose(&mut a, 2));
    assert_eq!(a.stage(), Stage::Done);
    let kinds: Vec<&str> = records(&all)
        .iter()
        .map(|p| p.kind())
        .filter(|k| *k != "screen_shown")
        .collect();
    assert_eq!(
        kinds,
        vec![
            "session_started",
            "step_completed",
            "step_completed",
            "error_shown",
            "help_asked",
            "operation_completed",
            "lesson_started",
            "step_completed",
            "lesson_completed",
            "feedback",
            "session_ended"
        ]
    );
    let payloads = records(&all);
    let pseudonym = ClientRef::phone("+79123456789")
        .expect("phone")
        .pseudonym(&key());
    assert!(payloads.iter().any(|p| matches!(p, Payload::SessionStarted { client: Some(c), segment: Segment::Senior, age_band: AgeBand::From75, goals, .. } if *c == pseudonym && goals == &vec!["transfer".to_string(), "lesson-pay".to_string()])));
    assert!(payloads.contains(&&Payload::Feedback {
        csat: Some(5),
        ces: None,
        nps: Some(9)
    }));
    assert!(payloads.contains(&&Payload::SessionEnded {
        outcome: Outcome::Alone,
        fcr: Some(true),
        complaint: Some("hard-to-use".into()),
        computed: None,
        override_reason: None,
    }));
    assert!(payloads.contains(&&Payload::StepCompleted {
        lesson: Some("transfer".into()),
        step: 2,
        by: InputMode::Key,
        helped: true,
        recognition_accepted: None
    }));
    // The lesson goal brings the take-home reminder: the edge is asked to write it, and the
    // last screen names the lesson and where the file is.
    assert!(all.contains(&AssistEffect::WriteReminder(vec!["lesson-pay".into()])));
    let i18n = I18n::embedded(Lang::En);
    assert!(
        view(&a, &i18n).lines.len() == 1,
        "nothing promised before it is written"
    );
    a.update(AssistMsg::ReminderWritten(Ok("/tmp/r.pdf".into())));
    let done = view(&a, &i18n);
    assert!(
        done.lines.iter().any(|l| l.contains("Paying a bill")),
        "{done:?}"
    );
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
fn scores_outside_their_scale_are_refused() {
    let mut a = start(Mode::Session);
    to_consent(&mut a);
    choose(&mut a, 1);
    choose(&mut a, 1);
    choose(&mut a, 6);
    choose(&mut a, 6);
    choose(&mut a, 2);
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
fn the_staff_line_toggles_is_off_when_alone_and_shows_progress() {
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
    assert!(line.contains("Did it with help"), "{line}");
    a.update(AssistMsg::Key(Key::ToggleStaff));
    assert_eq!(view(&a, &i18n).staff_hint, None);
    a.update(AssistMsg::Key(Key::ToggleStaff));
    choose(&mut a, 1);
    choose(&mut a, 1);
    choose(&mut a, 6);
    assert!(
        view(&a, &i18n)
            .staff_hint
            .expect("hint")
            .contains("Send money")
    );
    choose(&mut a, 6);
    assert_eq!(a.stage(), Stage::Alone);
    assert_eq!(
        view(&a, &i18n).staff_hint,
        None,
        "hints are off for the check"
    );
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
    }
}
