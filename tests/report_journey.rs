//! The journey's figures on a small hand-made journal written exactly as the kiosk logs a
//! client's journey (`journal::payload`): the transfer funnel with its drop-off step, step times,
//! the refused amount and the help on the amount step, a lesson's funnel from its step events,
//! voice share and recognition from choices and what voice heard, self-practice sessions kept out
//! of conversion, where clients get lost, and the event log's size. Then: the facts filled one
//! event at a time equal a rebuild from the events, whatever order the events arrived in.

use chrono::{DateTime, Utc};
use opora::report::{Dimension, Period, build, format};
use opora::store::journal::Journal;
use opora_core::journal::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment};

/// 2025-11-02 00:00 UTC.
const T0: i64 = 1_762_041_600_000;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(T0 + seconds * 1000).expect("valid")
}

#[derive(Default)]
struct Log(Vec<Event>);

impl Log {
    fn push(&mut self, session: &str, seconds: i64, payload: Payload) {
        self.0.push(Event::at("dev", session, at(seconds), payload));
    }

    fn start(&mut self, session: &str, seconds: i64, client: &str, segment: Segment) {
        self.push(
            session,
            seconds,
            Payload::SessionStarted {
                staff: "st-1".into(),
                client: Some(client.into()),
                segment,
                age_band: AgeBand::From75,
                channel: Channel::BranchKiosk,
                site: "tver".into(),
                variant: None,
                goals: vec!["transfer".into()],
            },
        );
    }

    fn end(&mut self, session: &str, seconds: i64, outcome: Outcome) {
        self.push(
            session,
            seconds,
            Payload::SessionEnded {
                outcome,
                fcr: Some(true),
                complaint: None,
                computed: Some(outcome),
                override_reason: None,
            },
        );
    }

    fn screen(&mut self, session: &str, seconds: i64, screen: &str, step: Option<u8>) {
        let flow = (screen != "home").then(|| "send".to_string());
        self.push(
            session,
            seconds,
            Payload::ScreenEntered {
                screen: screen.into(),
                flow,
                step,
                steps: step.map(|_| 4),
                lesson: None,
            },
        );
    }

    fn choice(&mut self, session: &str, seconds: i64, screen: &str, by: InputMode) {
        self.push(
            session,
            seconds,
            Payload::ChoiceTaken {
                screen: screen.into(),
                choice: 1,
                by,
            },
        );
    }
}

/// Four sessions through the transfer:
/// - A (senior p1): send-who 10 s → amount 40 s (amount refused, help opened, chosen by
///   voice) → check 10 s → code 20 s → done; did it alone.
/// - B (senior p2): send-who 30 s → amount 30 s → home; with help.
/// - C (anonymous self-practice): send-who 20 s → amount 50 s → check, then the kiosk closes.
/// - D (digital adept p3): send-who 40 s → amount 20 s → home; not yet.
///
/// And a lesson, pay-bills: A reaches steps 1 (30 s), 2 (20 s), 3 and completes it; B reaches
/// 1 (20 s) and 2, then the session ends.
fn journey() -> Vec<Event> {
    use InputMode::{Key, Voice};
    let mut l = Log::default();
    l.start("a", 0, "p1", Segment::Senior);
    l.screen("a", 1, "home", None);
    l.screen("a", 10, "send-who", Some(1));
    l.choice("a", 15, "send-who", Key);
    l.screen("a", 20, "amount-entry", Some(2));
    l.push(
        "a",
        30,
        Payload::InputRefused {
            screen: "amount-entry".into(),
            field: "amount".into(),
            reason: "more-than-balance".into(),
        },
    );
    l.push(
        "a",
        35,
        Payload::HelpOpened {
            screen: "amount-entry".into(),
        },
    );
    l.push(
        "a",
        49,
        Payload::VoiceHeard {
            screen: "amount-entry".into(),
            intent: Some("amount".into()),
            refusal: None,
            confidence: Some(80),
        },
    );
    l.choice("a", 50, "amount-entry", Voice);
    l.screen("a", 60, "check", Some(3));
    l.choice("a", 65, "check", Key);
    l.screen("a", 70, "code", Some(4));
    l.screen("a", 90, "done", None);
    l.push(
        "a",
        91,
        Payload::OperationCompleted {
            operation: "transfer".into(),
            fee_shown: Some(0),
            amount_band: Some("under_1k".into()),
        },
    );
    l.screen("a", 100, "home", None);
    l.push(
        "a",
        200,
        Payload::LessonStarted {
            lesson: "pay-bills".into(),
        },
    );
    for (seconds, step) in [(230, 2), (250, 3)] {
        l.push(
            "a",
            seconds,
            Payload::LessonStepStarted {
                lesson: "pay-bills".into(),
                step,
            },
        );
    }
    l.push(
        "a",
        260,
        Payload::LessonCompleted {
            lesson: "pay-bills".into(),
        },
    );
    l.end("a", 300, Outcome::Alone);

    l.start("b", 1000, "p2", Segment::Senior);
    l.screen("b", 1010, "send-who", Some(1));
    l.choice("b", 1020, "send-who", Key);
    l.screen("b", 1040, "amount-entry", Some(2));
    l.push(
        "b",
        1060,
        Payload::VoiceHeard {
            screen: "amount-entry".into(),
            intent: None,
            refusal: Some("not-understood".into()),
            confidence: None,
        },
    );
    l.screen("b", 1070, "home", None);
    l.push(
        "b",
        1100,
        Payload::LessonStarted {
            lesson: "pay-bills".into(),
        },
    );
    l.push(
        "b",
        1120,
        Payload::LessonStepStarted {
            lesson: "pay-bills".into(),
            step: 2,
        },
    );
    l.end("b", 1200, Outcome::WithHelp);

    l.push(
        "c",
        2000,
        Payload::PracticeStarted {
            site: "tver".into(),
            variant: None,
        },
    );
    l.screen("c", 2010, "send-who", Some(1));
    l.choice("c", 2020, "send-who", InputMode::Arrows);
    l.screen("c", 2030, "amount-entry", Some(2));
    l.screen("c", 2080, "check", Some(3));
    l.push("c", 2090, Payload::PracticeEnded {});

    l.start("d", 3000, "p3", Segment::DigitalAdept);
    l.screen("d", 3010, "send-who", Some(1));
    l.screen("d", 3050, "amount-entry", Some(2));
    l.screen("d", 3070, "home", None);
    l.end("d", 3100, Outcome::NotYet);
    l.push(
        "f",
        9000,
        Payload::FollowUp {
            client: "p1".into(),
            used_alone: true,
        },
    );
    l.0
}

fn journal_of(events: &[Event]) -> Journal {
    let mut journal = Journal::open_in_memory().expect("journal");
    journal.append_all(events).expect("appended");
    journal
}

#[test]
fn the_transfer_funnel_from_the_screens_entered() {
    let report = build(&journal_of(&journey()), None, Period::default()).expect("report");
    assert_eq!(report.flows.len(), 1);
    let send = &report.flows[0];
    assert_eq!((send.flow.as_str(), send.started), ("send", 4));
    let screens: Vec<&str> = send.stages.iter().map(|s| s.screens[0].as_str()).collect();
    assert_eq!(
        screens,
        vec!["send-who", "amount-entry", "check", "code", "done"]
    );
    let reached: Vec<u64> = send.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, vec![4, 4, 2, 1, 1]);
    let losses: Vec<Option<i64>> = send.stages.iter().map(|s| s.loss).collect();
    assert_eq!(losses, vec![Some(0), Some(0), Some(2), Some(1), Some(0)]);
    // Two of the four who typed an amount never reached the check.
    assert_eq!(send.drop_off.as_deref(), Some("check"));
    assert_eq!(send.stages[2].funnel, Some(0.5));
    // send-who: 10, 30, 20, 40 s → median 25, p90 40. Amount: 40, 30, 50, 20 → median 35.
    assert_eq!(send.stages[0].median_seconds, Some(25.0));
    assert_eq!(send.stages[0].p90_seconds, Some(40.0));
    assert_eq!(send.stages[1].median_seconds, Some(35.0));
    // The refused amount and the help are on the amount step, nowhere else.
    let marks: Vec<(u64, u64)> = send.stages.iter().map(|s| (s.errors, s.help)).collect();
    assert_eq!(marks, vec![(0, 0), (1, 1), (0, 0), (0, 0), (0, 0)]);
    // C's check is still open when the kiosk closes: 10 s; A's 10 s.
    assert_eq!(send.stages[2].median_seconds, Some(10.0));
    assert!(send.side.is_empty());
}

#[test]
fn a_lesson_funnel_from_its_step_events() {
    let report = build(&journal_of(&journey()), None, Period::default()).expect("report");
    let lesson = &report.lessons[0];
    assert_eq!(lesson.lesson, "pay-bills");
    assert_eq!((lesson.completion.k, lesson.completion.n), (1, 2));
    let reached: Vec<(u32, u64)> = lesson.steps.iter().map(|s| (s.step, s.reached)).collect();
    assert_eq!(reached, vec![(1, 2), (2, 2), (3, 1)]);
    assert_eq!(lesson.drop_off_step, Some(3));
    // Step 1: 30 and 20 s. Step 2: A 20 s, B until the session ended, 80 s.
    assert_eq!(lesson.steps[0].median_seconds, Some(25.0));
    assert_eq!(lesson.steps[1].p90_seconds, Some(80.0));
}

#[test]
fn session_figures_voice_and_the_event_log() {
    let events = journey();
    let report = build(&journal_of(&events), None, Period::default()).expect("report");
    let g = &report.groups[0];
    // Attempts: p1, p2, p3 (the self-practice session C is not one); alone: p1.
    assert_eq!((g.conversion.k, g.conversion.n), (1, 3));
    assert_eq!((g.confirmed_conversion.k, g.confirmed_conversion.n), (1, 3));
    assert_eq!(g.journeys, 4);
    // Choices: A key, voice, key; B key; C arrows → one of five by voice.
    assert_eq!((g.voice.k, g.voice.n), (1, 5));
    // Voice heard: A understood, B refused.
    assert_eq!((g.recognition.k, g.recognition.n), (1, 2));
    // The log: four sessions and all their events; the follow-up is not a case.
    assert_eq!(report.log.cases, 4);
    assert_eq!(report.log.events as usize, events.len() - 1);
}

#[test]
fn where_clients_get_lost_by_segment() {
    let report = build(
        &journal_of(&journey()),
        Some(Dimension::Segment),
        Period::default(),
    )
    .expect("report");
    let groups: Vec<&str> = report.groups.iter().map(|g| g.group.as_str()).collect();
    // C, practising alone, has no segment.
    assert_eq!(groups, vec!["-", "digital_adept", "senior"]);
    let senior: Vec<_> = report.lost.iter().filter(|l| l.group == "senior").collect();
    let first_loss = senior.iter().find(|l| l.rank == "loss").expect("a loss");
    // Seniors A and B: B never reached the check; and B stopped after lesson step 2.
    assert_eq!(first_loss.loss, 1);
    let longest = senior.iter().find(|l| l.rank == "time").expect("a time");
    assert_eq!(
        (longest.track.as_str(), longest.step.as_str()),
        ("lesson", "2")
    );
    let en = opora_core::i18n::I18n::embedded(opora_core::i18n::Lang::En);
    let table = format::table(&report, &en);
    assert!(
        table.contains("Operation «Sending money» (Senior"),
        "{table}"
    );
    assert!(table.contains("Where clients get lost (Senior"), "{table}");
    assert!(
        table.contains("lesson «Paying bills and the phone», step 2"),
        "{table}"
    );
    assert!(
        table.contains("2. How much to send?: reached 2 (100.0 %), lost 0"),
        "{table}"
    );
    assert!(table.contains("Event log: 4 sessions"), "{table}");
    let ru = opora_core::i18n::I18n::embedded(opora_core::i18n::Lang::Ru);
    let table = format::table(&report, &ru);
    assert!(table.contains("Операция «Перевод денег»"), "{table}");
    assert!(
        table.contains("без группы: самостоятельная практика в киоске"),
        "{table}"
    );
    let csv = format::csv(&report);
    assert!(
        csv.contains("flow_step,senior,send,amount-entry,errors,1.000000"),
        "{csv}"
    );
    assert!(csv.contains("log,,,,events,"), "{csv}");
    let columns: std::collections::BTreeSet<usize> =
        csv.lines().map(|l| l.split(',').count()).collect();
    assert_eq!(
        columns.len(),
        1,
        "every CSV row has the same columns: {csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&format::json(&report)).expect("JSON");
    assert_eq!(json["log"]["cases"], 4);
    assert!(json["flows"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn facts_filled_one_at_a_time_equal_a_rebuild_in_any_order() {
    let events = journey();
    // One event per transaction, as the kiosk appends them (unchecked: the fixture's sessions
    // are short made-up names the journal's gate would refuse).
    let mut one_by_one = Journal::open_in_memory().expect("journal");
    for event in &events {
        one_by_one
            .append_all(std::slice::from_ref(event))
            .expect("appended");
    }
    let filled = one_by_one.facts_snapshot().expect("facts");
    // 4 sessions, 3 goals, 22 steps (A 7 screens and 4 lesson rows; B 3 and 2; C 3; D 3), 1 follow-up.
    assert_eq!(filled.len(), 30, "{filled:?}");
    // Backwards, a session at a time: every older event makes its session be folded again.
    let mut backwards = Journal::open_in_memory().expect("journal");
    for event in events.iter().rev() {
        backwards
            .append_all(std::slice::from_ref(event))
            .expect("appended");
    }
    assert_eq!(backwards.facts_snapshot().expect("facts"), filled);
    let mut rebuilt = journal_of(&events);
    rebuilt.rebuild_facts().expect("rebuilt");
    assert_eq!(rebuilt.facts_snapshot().expect("facts"), filled);
}

#[test]
fn generated_journeys_fill_the_same_facts_as_a_rebuild() {
    let mut journal = Journal::open_in_memory().expect("journal");
    let written = opora::store::journal::sample::journal(7, 3_000, 6, |batch| {
        // Small batches, so sessions are continued across transactions.
        for chunk in batch.chunks(37) {
            journal.append_all(chunk).map_err(|e| e.to_string())?;
        }
        Ok(())
    })
    .expect("generated");
    assert!(written >= 3_000);
    let filled = journal.facts_snapshot().expect("facts");
    let summary = journal.rebuild_facts().expect("rebuilt");
    assert_eq!(summary.events as usize, written);
    assert_eq!(journal.facts_snapshot().expect("facts"), filled);
    let report = build(&journal, Some(Dimension::Segment), Period::default()).expect("report");
    assert_eq!(report.log.events as usize, written);
    let flows: std::collections::BTreeSet<&str> =
        report.flows.iter().map(|f| f.flow.as_str()).collect();
    assert_eq!(
        flows,
        ["block", "own", "pay", "send", "topup"]
            .into_iter()
            .collect()
    );
    let block = report
        .flows
        .iter()
        .find(|f| f.flow == "block")
        .expect("block");
    let order: Vec<&str> = block.stages.iter().map(|s| s.screens[0].as_str()).collect();
    assert_eq!(order, vec!["block-confirm", "block-done"]);
}

fn render(
    dash: &opora::report::dashboard::Dashboard,
    lang: opora_core::i18n::Lang,
    w: u16,
    h: u16,
) -> String {
    use opora::tui::theme::{Theme, ThemeName};
    let i18n = opora_core::i18n::I18n::embedded(lang);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|frame| opora::tui::charts::draw(frame, dash, &Theme::new(ThemeName::Mono), &i18n))
        .expect("drawn");
    format!("{}", terminal.backend())
}

#[test]
fn the_dashboard_shows_the_transfer_funnel_voice_and_where_clients_get_lost() {
    use opora::edge::{DashboardEdge, drive, pump};
    use opora::report::dashboard::{Dashboard, DashboardMsg, Funnel};
    use opora_core::i18n::Lang;
    use opora_core::input::Key;
    let mut edge = DashboardEdge::new(journal_of(&journey()));
    let (mut dash, start) = Dashboard::new(Dimension::Segment, Period::default());
    pump(&mut dash, &mut edge, start);
    assert_eq!(
        dash.funnels(),
        vec![
            Funnel::Flow("send".into()),
            Funnel::Lesson("pay-bills".into())
        ]
    );
    let view = dash.funnel_view().expect("a funnel");
    assert_eq!(view.started, 4);
    let reached: Vec<u64> = view.stages.iter().map(|(_, n)| *n).collect();
    assert_eq!(reached, vec![4, 4, 2, 1, 1]);
    assert_eq!(view.drop_off, Some(2));
    let en = render(&dash, Lang::En, 120, 44);
    assert!(
        en.contains("Sending money: sessions reaching each step; most lost at «Please check»"),
        "{en}"
    );
    assert!(
        en.contains("1 Who to send to? · 2 How much to send? · 3 Please check"),
        "{en}"
    );
    assert!(
        en.contains("Choices by voice: 20 % of 5; voice understood: 50 % of 2 phrases"),
        "{en}"
    );
    assert!(
        en.contains("Most lost: «Sending money», Please check — lost"),
        "{en}"
    );
    let ru = render(&dash, Lang::Ru, 120, 44);
    assert!(
        ru.contains("Перевод денег: сколько сессий дошли до каждого шага"),
        "{ru}"
    );
    assert!(ru.contains("Выбор голосом: 20 % из 5"), "{ru}");
    for lang in Lang::ALL {
        insta::assert_snapshot!(
            format!("dashboard_flow_{}", lang.code()),
            render(&dash, lang, 120, 44)
        );
    }
    // Small terminals still show the funnel's title.
    for lang in Lang::ALL {
        let small = render(&dash, lang, 80, 24);
        assert!(
            small.contains(if lang == Lang::En {
                "Sending money"
            } else {
                "Перевод денег"
            }),
            "{small}"
        );
    }
    // ↓ shows the lesson's funnel; ↓ again comes back to the transfer.
    drive(&mut dash, &mut edge, DashboardMsg::Key(Key::Down));
    assert_eq!(dash.chosen_lesson(), Some((1, "pay-bills".to_string())));
    let en = render(&dash, Lang::En, 120, 44);
    assert!(
        en.contains("Lesson «Paying bills and the phone»: sessions reaching each step"),
        "{en}"
    );
    drive(&mut dash, &mut edge, DashboardMsg::Key(Key::Down));
    assert_eq!(dash.chosen(), Some(Funnel::Flow("send".into())));
}
