//! The report's figures on a small fixture journal, checked against values worked out by hand
//! (in the comments), including the Wilson interval, NPS, the funnel's drop-off step and step
//! times; and the three output formats.

use chrono::{DateTime, Utc};
use opora::report::{Dimension, Period, build, format};
use opora::store::journal::Journal;
use opora_core::journal::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment};

const DAY: i64 = 86_400_000;
/// 2025-11-02 00:00 UTC.
const T0: i64 = 1_762_041_600_000;

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).expect("valid")
}

struct Fixture {
    events: Vec<Event>,
}

impl Fixture {
    fn push(&mut self, session: &str, ms: i64, payload: Payload) {
        self.events.push(Event::at("dev", session, at(ms), payload));
    }

    #[allow(clippy::too_many_arguments)]
    fn session(
        &mut self,
        session: &str,
        ms: i64,
        client: Option<&str>,
        segment: Segment,
        variant: &str,
        goal: &str,
        end: Option<(Outcome, Option<bool>)>,
        feedback: Option<(Option<u8>, Option<u8>, Option<u8>)>,
    ) {
        self.push(
            session,
            ms,
            Payload::SessionStarted {
                staff: "staff-1".into(),
                client: client.map(str::to_string),
                segment,
                age_band: AgeBand::From60To74,
                channel: Channel::BranchKiosk,
                site: "tver".into(),
                variant: Some(variant.into()),
                goals: vec![goal.into()],
            },
        );
        if let Some((csat, ces, nps)) = feedback {
            self.push(session, ms + 500_000, Payload::Feedback { csat, ces, nps });
        }
        if let Some((outcome, fcr)) = end {
            self.push(
                session,
                ms + 600_000,
                Payload::SessionEnded {
                    outcome,
                    fcr,
                    complaint: None,
                    computed: None,
                    override_reason: None,
                },
            );
        }
    }

    /// A run of lesson `pay`: seconds per completed step, how each was done, and whether the
    /// lesson was completed.
    fn lesson(
        &mut self,
        session: &str,
        ms: i64,
        steps: &[(i64, InputMode, Option<bool>)],
        done: bool,
    ) {
        self.push(
            session,
            ms + 1_000,
            Payload::LessonStarted {
                lesson: "pay".into(),
            },
        );
        let mut t = ms + 1_000;
        for (i, (seconds, by, accepted)) in steps.iter().enumerate() {
            t += seconds * 1000;
            self.push(
                session,
                t,
                Payload::StepCompleted {
                    lesson: Some("pay".into()),
                    step: u32::try_from(i + 1).expect("small"),
                    by: *by,
                    helped: false,
                    recognition_accepted: *accepted,
                },
            );
        }
        if done {
            self.push(
                session,
                t + 1,
                Payload::LessonCompleted {
                    lesson: "pay".into(),
                },
            );
        }
    }
}

fn fixture() -> Journal {
    use InputMode::{Key, Voice};
    use Outcome::*;
    use Segment::*;
    let mut f = Fixture { events: Vec::new() };
    let d = |n: i64| T0 + n * DAY;
    f.session(
        "s1",
        d(0),
        Some("p1"),
        Senior,
        "A",
        "pay",
        Some((Alone, Some(true))),
        Some((Some(5), Some(2), Some(10))),
    );
    f.session(
        "s2",
        d(1),
        Some("p2"),
        Senior,
        "A",
        "pay",
        Some((WithHelp, Some(false))),
        Some((Some(3), Some(5), Some(6))),
    );
    f.session(
        "s3",
        d(2),
        Some("p3"),
        Senior,
        "B",
        "pay",
        Some((Alone, Some(true))),
        Some((Some(4), Some(1), Some(9))),
    );
    f.session(
        "s4",
        d(3),
        Some("p1"),
        Senior,
        "B",
        "transfer",
        Some((NotYet, None)),
        Some((None, None, Some(7))),
    );
    f.session(
        "s5",
        d(3),
        None,
        Senior,
        "B",
        "transfer",
        Some((Declined, Some(false))),
        None,
    );
    f.session("s6", d(4), Some("p4"), Senior, "A", "transfer", None, None);
    f.session(
        "s7",
        d(4),
        Some("p5"),
        DigitalAdept,
        "A",
        "pay",
        Some((Alone, Some(true))),
        None,
    );
    f.lesson(
        "s1",
        d(0),
        &[(10, Key, None), (20, Key, None), (5, Key, None)],
        true,
    );
    f.lesson("s2", d(1), &[(30, Key, None), (60, Key, None)], false);
    f.push(
        "s2",
        d(1) + 40_000,
        Payload::ErrorShown {
            lesson: Some("pay".into()),
            step: Some(2),
            screen: "amount".into(),
        },
    );
    f.push(
        "s2",
        d(1) + 41_000,
        Payload::HelpAsked {
            lesson: Some("pay".into()),
            step: Some(2),
            screen: "amount".into(),
        },
    );
    f.lesson("s3", d(2), &[(20, Key, None)], false);
    f.lesson(
        "s7",
        d(4),
        &[
            (40, Voice, Some(true)),
            (10, Voice, Some(false)),
            (10, Key, None),
        ],
        true,
    );
    f.push(
        "f1",
        d(30),
        Payload::FollowUp {
            client: "p1".into(),
            used_alone: true,
        },
    );
    f.push(
        "f2",
        d(30),
        Payload::FollowUp {
            client: "p2".into(),
            used_alone: false,
        },
    );
    f.push(
        "f3",
        d(30),
        Payload::FollowUp {
            client: "p5".into(),
            used_alone: true,
        },
    );
    f.push(
        "r1",
        d(2),
        Payload::ConsentRefused {
            channel: Channel::BranchKiosk,
            site: "tver".into(),
        },
    );
    f.push(
        "r2",
        d(9),
        Payload::ConsentRefused {
            channel: Channel::MobileBrigade,
            site: "tver".into(),
        },
    );
    let mut journal = Journal::open_in_memory().expect("journal");
    journal.append_all(&f.events).expect("appended");
    journal
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 5e-4
}

#[test]
fn overall_figures_match_the_hand_computed_ones() {
    let report = build(&fixture(), None, Period::default()).expect("report");
    assert_eq!(report.groups.len(), 1);
    let g = &report.groups[0];
    // Attempts: p1, p2, p3, the anonymous s5, p5 (s6 never ended) = 5 clients in 6 sessions;
    // did it alone: p1, p3, p5 = 3. Wilson(3, 5) = .2307 … .8824.
    assert_eq!((g.clients, g.sessions), (5, 6));
    assert_eq!((g.conversion.k, g.conversion.n), (3, 5));
    assert!(
        close(g.conversion.low, 0.2307) && close(g.conversion.high, 0.8824),
        "{:?}",
        g.conversion
    );
    assert!(!g.small);
    // Confirmed by a follow-up: p1 and p5.
    assert_eq!((g.confirmed_conversion.k, g.confirmed_conversion.n), (2, 5));
    // FCR answered in s1, s2, s3, s5, s7; solved in s1, s3, s7.
    assert_eq!((g.fcr.k, g.fcr.n), (3, 5));
    // Known clients p1 (2 sessions), p2, p3, p4, p5: one returning of five.
    assert_eq!((g.returning.k, g.returning.n), (1, 5));
    // CSAT 5, 3, 4 → two of three are 4–5. CES 2, 5, 1 → 8/3. NPS 10, 6, 9, 7 → 50 % − 25 % = 25.
    assert_eq!((g.csat.k, g.csat.n), (2, 3));
    assert!(close(g.ces.expect("ces"), 8.0 / 3.0));
    assert_eq!(g.ces_answers, 3);
    assert!(close(g.nps.expect("nps"), 25.0));
    // Nine steps, two by voice, one of the two recognitions accepted.
    assert_eq!((g.voice.k, g.voice.n), (2, 9));
    assert_eq!((g.recognition.k, g.recognition.n), (1, 2));
    assert_eq!(report.consent_refusals, 2);
}

#[test]
fn the_lesson_funnel_drop_off_and_step_times() {
    let report = build(&fixture(), None, Period::default()).expect("report");
    assert_eq!(report.lessons.len(), 1);
    let l = &report.lessons[0];
    assert_eq!(l.lesson, "pay");
    // Started in 4 sessions, completed in 2.
    assert_eq!((l.completion.k, l.completion.n), (2, 4));
    let reached: Vec<u64> = l.steps.iter().map(|s| s.reached).collect();
    assert_eq!(reached, vec![4, 3, 2]);
    let losses: Vec<i64> = l.steps.iter().map(|s| s.loss).collect();
    assert_eq!(losses, vec![0, 1, 1]);
    // Equal losses: the first of them is the drop-off step.
    assert_eq!(l.drop_off_step, Some(2));
    assert_eq!(l.steps[1].funnel, Some(0.75));
    // Step 1: 10, 30, 20, 40 s → median 25, p90 (rank 4 of 4) 40.
    assert_eq!(l.steps[0].median_seconds, Some(25.0));
    assert_eq!(l.steps[0].p90_seconds, Some(40.0));
    // Step 2: 20, 60, 10 → median 20, p90 60. Step 3: 5, 10 → median 7.5, p90 10.
    assert_eq!(
        (l.steps[1].median_seconds, l.steps[1].p90_seconds),
        (Some(20.0), Some(60.0))
    );
    assert_eq!(
        (l.steps[2].median_seconds, l.steps[2].p90_seconds),
        (Some(7.5), Some(10.0))
    );
    assert_eq!((l.steps[1].errors, l.steps[1].help), (1, 1));
    assert_eq!((l.steps[0].errors, l.steps[0].help), (0, 0));
}

#[test]
fn by_segment_with_small_groups_marked() {
    let report = build(&fixture(), Some(Dimension::Segment), Period::default()).expect("report");
    let names: Vec<&str> = report.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, vec!["digital_adept", "senior"]);
    let senior = &report.groups[1];
    // p1, p2, p3, anonymous s5; alone p1, p3.
    assert_eq!((senior.conversion.k, senior.conversion.n), (2, 4));
    assert!(senior.small);
    let adept = &report.groups[0];
    assert_eq!((adept.conversion.k, adept.conversion.n), (1, 1));
}

#[test]
fn variants_are_compared_with_a_difference_and_interval() {
    let report = build(&fixture(), None, Period::default()).expect("report");
    // A: p1 alone, p2 with help, p5 alone → 2/3. B: p3 alone, p1 not yet, anonymous declined → 1/3.
    assert_eq!(report.variants.len(), 2);
    let b = &report.variants[1];
    assert_eq!(b.variant, "B");
    assert_eq!(b.versus.as_deref(), Some("A"));
    let d = b.difference.expect("difference");
    assert!(close(d.value.expect("defined"), -1.0 / 3.0));
    assert!(d.low < -1.0 / 3.0 && d.high > -1.0 / 3.0 && d.low >= -1.0 && d.high <= 1.0);
}

#[test]
fn the_period_and_the_lesson_breakdown() {
    // From day 2: s3, s4, s5, s6, s7 → attempts p3, p1, anonymous, p5; alone p3, p5.
    let from = Period {
        from_ms: Some(T0 + 2 * DAY),
        to_ms: None,
    };
    let report = build(&fixture(), None, from).expect("report");
    assert_eq!(
        (report.groups[0].conversion.k, report.groups[0].conversion.n),
        (2, 4)
    );
    assert_eq!(report.consent_refusals, 2);
    let until = Period {
        from_ms: None,
        to_ms: Some(T0 + 3 * DAY),
    };
    let report = build(&fixture(), None, until).expect("report");
    assert_eq!(report.consent_refusals, 1);
    let by_goal = build(&fixture(), Some(Dimension::Lesson), Period::default()).expect("report");
    let names: Vec<&str> = by_goal.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, vec!["pay", "transfer"]);
    // Goal "pay": s1, s2, s3, s7 → p1, p2, p3, p5; alone p1, p3, p5.
    assert_eq!(
        (
            by_goal.groups[0].conversion.k,
            by_goal.groups[0].conversion.n
        ),
        (3, 4)
    );
    assert_eq!(by_goal.lessons[0].group, "pay");
}

#[test]
fn three_output_formats() {
    let report = build(&fixture(), Some(Dimension::Segment), Period::default()).expect("report");
    let csv = format::csv(&report);
    assert!(csv.starts_with("section,group,lesson,step,metric,value,low,high,k,n,small\n"));
    assert!(csv.contains("group,senior,,,conversion,0.500000,"), "{csv}");
    assert!(csv.contains(",2,4,true\n"), "{csv}");
    assert!(csv.contains("step,senior,pay,2,errors,1.000000"), "{csv}");
    let columns = csv
        .lines()
        .map(|l| l.split(',').count())
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(columns.len(), 1, "every CSV row has the same columns");
    let json: serde_json::Value = serde_json::from_str(&format::json(&report)).expect("valid JSON");
    assert_eq!(json["groups"][1]["conversion"]["k"], 2);
    assert_eq!(json["groups"][1]["small"], true);
    let en = opora_core::i18n::I18n::embedded(opora_core::i18n::Lang::En);
    let table = format::table(&report, &en);
    assert!(
        table.contains("Conversion (did it alone): 50.0 % [15.0–85.0] 2/4"),
        "{table}"
    );
    assert!(table.contains("small group"), "{table}");
    let ru = opora_core::i18n::I18n::embedded(opora_core::i18n::Lang::Ru);
    let table = format::table(&report, &ru);
    assert!(
        table.contains("Конверсия (сделал сам): 50,0 % [15,0–85,0] 2/4"),
        "{table}"
    );
}

fn render_dashboard(
    dash: &opora::report::dashboard::Dashboard,
    lang: opora_core::i18n::Lang,
) -> String {
    use opora::tui::theme::{Theme, ThemeName};
    let i18n = opora_core::i18n::I18n::embedded(lang);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 44)).expect("test terminal");
    terminal
        .draw(|frame| opora::tui::charts::draw(frame, dash, &Theme::new(ThemeName::Mono), &i18n))
        .expect("drawn");
    format!("{}\n", terminal.backend())
}

#[test]
fn the_dashboard_shows_conversion_by_group_and_a_lesson_funnel() {
    use opora::edge::{DashboardEdge, drive, pump};
    use opora::report::dashboard::{Dashboard, DashboardMsg};
    use opora_core::i18n::Lang;
    use opora_core::input::Key;
    use opora_core::program::{FaceRequest, Program};
    let mut edge = DashboardEdge::new(fixture());
    let (mut dash, start) = Dashboard::new(Dimension::Segment, Period::default());
    assert!(
        dash.report.groups.is_empty(),
        "empty until the edge builds the figures"
    );
    pump(&mut dash, &mut edge, start);
    for lang in Lang::ALL {
        let screen = render_dashboard(&dash, lang);
        insta::assert_snapshot!(format!("dashboard_{}_segment", lang.code()), screen);
    }
    let en = render_dashboard(&dash, Lang::En);
    assert!(
        en.contains("Lesson «pay»: sessions reaching each step; drop-off at step 2"),
        "{en}"
    );
    assert!(en.contains("50% [15–85] 2/4 (small)"), "{en}");
    assert!(en.contains("Conversion by week"), "{en}");
    // 6 switches the breakdown to lessons (goals), and the figures are built again.
    drive(&mut dash, &mut edge, DashboardMsg::Key(Key::Digit(6)));
    assert_eq!(dash.by, Dimension::Lesson);
    let by_lesson = render_dashboard(&dash, Lang::En);
    assert!(by_lesson.contains("transfer"), "{by_lesson}");
    // One lesson in the fixture: ↓ goes round to it again rather than off the list.
    assert_eq!(dash.lessons(), vec!["pay".to_string()]);
    drive(&mut dash, &mut edge, DashboardMsg::Key(Key::Down));
    assert_eq!(dash.chosen_lesson(), Some((0, "pay".to_string())));
    let asked = drive(&mut dash, &mut edge, DashboardMsg::Key(Key::Esc));
    assert_eq!(asked, vec![FaceRequest::Quit]);
    assert!(dash.is_quitting());
}

/// The dashboard at a size, scrolled to `scroll`: its text and which rows of the sections show.
fn dashboard_at(
    dash: &opora::report::dashboard::Dashboard,
    (width, height): (u16, u16),
    scroll: usize,
) -> (String, Option<opora::tui::render::Shown>) {
    use opora::tui::theme::{Theme, ThemeName};
    let i18n = opora_core::i18n::I18n::embedded(opora_core::i18n::Lang::Ru);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("test terminal");
    let mut shown = None;
    terminal
        .draw(|frame| {
            shown = opora::tui::charts::draw_scrolled(
                frame,
                dash,
                &Theme::new(ThemeName::Mono),
                &i18n,
                scroll,
            );
        })
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    let text = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    (text, shown)
}

#[test]
fn the_dashboard_draws_in_every_terminal_from_40_by_12_and_pages_through_the_rest() {
    use opora::edge::{DashboardEdge, pump};
    use opora::report::dashboard::Dashboard;
    let mut edge = DashboardEdge::new(fixture());
    let (mut dash, start) = Dashboard::new(Dimension::Segment, Period::default());
    pump(&mut dash, &mut edge, start);
    for width in [40, 60, 80, 120, 200, 300] {
        for height in [12, 16, 24, 44, 60, 100] {
            let at = format!("{width}×{height}");
            let (first, mut shown) = dashboard_at(&dash, (width, height), 0);
            assert!(first.starts_with("Панель — разбивка"), "{at}: {first}");
            assert!(
                first.contains("Esc — выйти"),
                "{at}: the keys are not all there"
            );
            // PgDn through the sections shows each of them, the last one included.
            let mut seen = first.clone();
            while let Some(now) = shown {
                let next = now.turn(true);
                if next == now.first {
                    break;
                }
                let (text, then) = dashboard_at(&dash, (width, height), next);
                seen.push_str(&text);
                shown = then;
            }
            for part in [
                "Старшее поколение: 50% [15–85] 2/4 (мало)",
                "больше всего теряем",
                "Конверсия по неделям",
            ] {
                let words: Vec<&str> = part.split(' ').collect();
                assert!(
                    words.iter().all(|w| seen.contains(w)),
                    "{at}: {part:?} never shows"
                );
            }
        }
    }
}
