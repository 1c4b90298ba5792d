use super::*;
use crate::i18n::I18n;
use crate::i18n::Lang;
use crate::journal::{AgeBand, Channel, Event, InputMode, Outcome, Segment};
use proptest::prelude::*;
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(1_780_000_000_000).expect("valid")
}

const SESSION: &str = "019a8f3c-5a00-7000-8000-000000000001";

fn started() -> Payload {
    Payload::SessionStarted {
        staff: "st-12".into(),
        client: Some("0123456789abcdef0123456789abcdef".into()),
        segment: Segment::Senior,
        age_band: AgeBand::From75,
        channel: Channel::BranchKiosk,
        site: "Тверь-3".into(),
        variant: Some("A".into()),
        goals: vec!["transfer".into(), "send-safely".into()],
    }
}

fn event(payload: Payload) -> Event {
    Event::at("tver-branch-3", SESSION, now(), payload)
}

fn refused(payload: Payload) -> Invalid {
    check(&event(payload), now()).expect_err("refused")
}

fn with_staff(staff: &str) -> Payload {
    match started() {
        Payload::SessionStarted {
            client,
            segment,
            age_band,
            channel,
            site,
            variant,
            goals,
            ..
        } => Payload::SessionStarted {
            staff: staff.into(),
            client,
            segment,
            age_band,
            channel,
            site,
            variant,
            goals,
        },
        _ => unreachable!(),
    }
}

#[test]
fn what_opora_itself_records_passes() {
    let payloads = [
        started(),
        Payload::SessionEnded {
            outcome: Outcome::Alone,
            fcr: Some(true),
            complaint: Some("fees".into()),
            computed: None,
            override_reason: None,
        },
        Payload::ScreenShown {
            screen: "assist-practice".into(),
        },
        Payload::StepCompleted {
            lesson: Some("pay-bills".into()),
            step: 3,
            by: InputMode::Voice,
            helped: false,
            recognition_accepted: Some(true),
        },
        Payload::HelpAsked {
            lesson: None,
            step: Some(1),
            screen: "transfer".into(),
        },
        Payload::Feedback {
            csat: Some(5),
            ces: Some(1),
            nps: Some(0),
        },
        Payload::FollowUp {
            client: "ffffffffffffffffffffffffffffffff".into(),
            used_alone: true,
        },
        Payload::ConsentRefused {
            channel: Channel::MobileBrigade,
            site: "village, 3".into(),
        },
    ];
    for payload in payloads {
        assert_eq!(check(&event(payload.clone()), now()), Ok(()), "{payload:?}");
    }
}

#[test]
fn personal_data_in_free_text_is_refused() {
    for (staff, reason) in [
        ("8 912 345-67-89", Reason::Phone),
        ("st 9123456", Reason::Phone),
        ("4276 1600 1234 5678", Reason::Card),
        ("Мария Иванова", Reason::Name),
        ("John Smith", Reason::Name),
        ("Иванов И.И.", Reason::Name),
        ("Петровна", Reason::Name),
        ("Сергеевич", Reason::Name),
        ("+79123456789", Reason::Text(TextRule::Label)),
        ("a\u{1b}[2J", Reason::Text(TextRule::Label)),
        ("", Reason::Text(TextRule::Label)),
        (&"x".repeat(41), Reason::Text(TextRule::Label)),
    ] {
        let invalid = refused(with_staff(staff));
        assert_eq!(invalid.field, "staff", "{staff}");
        assert_eq!(invalid.reason, reason, "{staff}");
    }
    for fine in [
        "st-12",
        "Тверь-3",
        "Tver 3",
        "Иванова",
        "отдел № 5",
        "Тверь-Центральная",
    ] {
        assert_eq!(text(fine, TextRule::Label), Ok(()), "{fine}");
    }
}

#[test]
fn clients_are_only_pseudonyms() {
    for client in [
        "89123456789",
        "Мария Ивановна",
        "AB1234",
        "0123456789ABCDEF0123456789ABCDEF",
    ] {
        let invalid = refused(Payload::FollowUp {
            client: client.into(),
            used_alone: true,
        });
        assert_eq!(
            invalid,
            Invalid {
                field: "client",
                reason: Reason::NotPseudonym
            }
        );
    }
}

#[test]
fn scores_stay_on_their_scales() {
    let feedback = |csat, ces, nps| Payload::Feedback { csat, ces, nps };
    assert_eq!(refused(feedback(Some(255), None, None)).field, "csat");
    assert_eq!(refused(feedback(Some(0), None, None)).field, "csat");
    assert_eq!(refused(feedback(None, Some(200), None)).field, "ces");
    assert_eq!(
        refused(feedback(None, None, Some(250))).reason,
        Reason::OutOfRange { min: 0, max: 10 }
    );
}

#[test]
fn closed_vocabularies_and_keys() {
    let ended = |complaint: &str| Payload::SessionEnded {
        outcome: Outcome::NotYet,
        fcr: None,
        complaint: Some(complaint.into()),
        computed: None,
        override_reason: None,
    };
    assert!(matches!(
        refused(ended("call me on 89123456789")).reason,
        Reason::NotInList { .. }
    ));
    assert!(matches!(
        refused(ended("none")).reason,
        Reason::NotInList { .. }
    ));
    let lesson = |key: &str| Payload::LessonStarted { lesson: key.into() };
    for bad in ["../../etc", "Pay", "a b", "", "x\u{7}"] {
        assert_eq!(
            refused(lesson(bad)).reason,
            Reason::Text(TextRule::Key),
            "{bad}"
        );
    }
    let step = Payload::StepCompleted {
        lesson: None,
        step: 0,
        by: InputMode::Key,
        helped: false,
        recognition_accepted: None,
    };
    assert_eq!(refused(step).field, "step");
}

#[test]
fn ids_and_times_are_checked() {
    let mut e = event(started());
    e.id = Uuid::nil();
    assert_eq!(check(&e, now()).expect_err("nil").field, "id");
    let mut e = event(started());
    e.session = "s1".into();
    assert_eq!(check(&e, now()).expect_err("not v7").field, "session");
    e.session = SESSION.to_uppercase();
    assert_eq!(
        check(&e, now()).expect_err("not canonical").field,
        "session"
    );
    let far = DateTime::<Utc>::MAX_UTC;
    let e = Event::at("d", SESSION, far, started());
    let invalid = check(&e, now()).expect_err("far future");
    assert!(
        matches!(invalid.reason, Reason::InFuture { .. }),
        "{invalid:?}"
    );
    let old = DateTime::from_timestamp_millis(0).expect("1970");
    let e = Event::at("d", SESSION, old, started());
    assert!(matches!(
        check(&e, now()).expect_err("old").reason,
        Reason::TooOld { .. }
    ));
    let mut e = event(started());
    e.device = "dev\u{0}".into();
    assert_eq!(check(&e, now()).expect_err("NUL").field, "device");
}

#[test]
fn every_reason_is_a_sentence_in_both_languages() {
    let reasons = [
        Reason::NotV7,
        Reason::TooOld { earliest: now() },
        Reason::InFuture { latest: now() },
        Reason::Text(TextRule::Label),
        Reason::Text(TextRule::Code),
        Reason::Text(TextRule::Key),
        Reason::Text(TextRule::Device),
        Reason::Phone,
        Reason::Card,
        Reason::Name,
        Reason::OutOfRange { min: 1, max: 5 },
        Reason::NotPseudonym,
        Reason::NotInList {
            allowed: &["a", "b"],
        },
        Reason::TooMany { max: 32 },
    ];
    for lang in Lang::ALL {
        let i18n = I18n::embedded(lang);
        for reason in &reasons {
            let sentence = Invalid {
                field: "staff",
                reason: reason.clone(),
            }
            .sentence(&i18n);
            assert!(!sentence.contains('⟨'), "{sentence}");
            assert!(sentence.contains("staff"), "{sentence}");
        }
    }
    let ru = I18n::embedded(Lang::Ru);
    assert!(Reason::Phone.sentence(&ru).contains("телефон"));
}

proptest! {
    #[test]
    fn accepted_labels_hold_no_long_numbers_or_controls(text_in in "\\PC{0,50}") {
        if text(&text_in, TextRule::Label).is_ok() {
            prop_assert!(longest_digit_run(&text_in) < PHONE_DIGITS);
            prop_assert!(!text_in.chars().any(crate::safe_text::is_unsafe));
            prop_assert!(text_in.chars().count() <= LABEL_MAX);
        }
    }

    #[test]
    fn phones_in_any_spelling_are_refused(d in "9[0-9]{9}", sep in "[ -]{0,1}", lead in "(8|7|)") {
        let spaced: String = d.chars().flat_map(|c| std::iter::once(c).chain(sep.chars())).collect();
        let typed = format!("{lead}{spaced}");
        let trimmed = typed.trim_end_matches(['-', ' ']).to_string();
        prop_assert!(text(&trimmed, TextRule::Label).is_err());
    }

    #[test]
    fn the_checker_never_panics(staff in "\\PC{0,60}", ms in proptest::num::i64::ANY, step: u32, csat: u8) {
        let at = DateTime::from_timestamp_millis(ms).unwrap_or_else(now);
        let _ = check(&Event::at("d", SESSION, at, with_staff(&staff)), now());
        let _ = check_payload(&Payload::Feedback { csat: Some(csat), ces: None, nps: None });
        let _ = check_payload(&Payload::StepCompleted {
            lesson: None, step, by: InputMode::Key, helped: false, recognition_accepted: None,
        });
    }
}
