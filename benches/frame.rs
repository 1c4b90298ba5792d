//! From a key press to a drawn frame at 200×60 (PRODUCT.md §12: "a key press to a redrawn frame
//! under 5 ms at 200×60") and at 80×24 (a laptop terminal, where the layout searches longest
//! for sizes that fit), measured beside a peer in the same run: the same key, the same screen
//! model, but drawn as one plain ratatui `Paragraph` of the model's `text_lines()` — so the cost
//! of the big-text layout and rendering is what the two figures differ by.
//!
//! Run with `cargo bench --bench frame`; `cargo bench --bench frame -- --test` (or
//! `cargo test --benches`) runs every benchmark once, as a smoke test.
//!
//! Groups:
//! - `key_to_frame_<size>`: `drive` one key on an in-memory practice bank, build the view, draw
//!   it into a `TestBackend` of that size — opora's renderer, and the paragraph peer.
//! - `draw_only_<size>`: the same draws of an already built model (no key, no view).
//! - `layout_<size>`: `ui::layout::layout(&model, area)` alone.
//!
//! After criterion's figures, a summary times every key on its own (median, p90, p99, max) for
//! opora and the peer, and says whether the 5 ms target is met.

use criterion::{Criterion, criterion_group};
use opora::edge::{BankEdge, drive, pump};
use opora::store::bank::{Clock, SandboxStore};
use opora::tui::layout::{Layout, layout};
use opora::tui::render::draw;
use opora::tui::theme::{Theme, ThemeName};
use opora_core::i18n::{I18n, Lang};
use opora_core::input::Key;
use opora_core::kiosk::Msg;
use opora_core::kiosk::{App, view};
use opora_core::screen_model::ScreenModel;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The terminal sizes measured: the brief's, and a laptop's.
const SIZES: [(u16, u16); 2] = [(200, 60), (80, 24)];
/// The brief's target for one key press to a drawn frame.
const TARGET: Duration = Duration::from_millis(5);

/// The day the practice bank lives on, as in the tests.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// Which renderer draws the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Renderer {
    /// `ui::render::draw`: big text, layout, themes.
    Opora,
    /// The peer: one `Paragraph` of `ScreenModel::text_lines()`.
    Paragraph,
}

impl Renderer {
    fn name(self) -> &'static str {
        match self {
            Renderer::Opora => "opora",
            Renderer::Paragraph => "paragraph_peer",
        }
    }
}

/// A key sequence that is repeated for as long as the benchmark runs; every step is one key and
/// returns to where it started after the last.
#[derive(Clone, Copy, Debug)]
struct Scenario {
    name: &'static str,
    /// Keys pressed once, before timing, to reach where the scenario starts.
    setup: &'static [Key],
    keys: &'static [Key],
}

const SCENARIOS: [Scenario; 3] = [
    Scenario {
        name: "home_down_up",
        setup: &[],
        keys: &[Key::Down, Key::Up],
    },
    Scenario {
        name: "balance_1_esc",
        setup: &[],
        keys: &[Key::Digit(1), Key::Esc],
    },
    // The check screen (the amount and the recipient big, five lines, three choices), to the
    // amount and back.
    Scenario {
        name: "check_2_esc",
        setup: &[
            Key::Digit(2),
            Key::Digit(1),
            Key::Digit(3),
            Key::Digit(0),
            Key::Digit(0),
            Key::Enter,
        ],
        keys: &[Key::Digit(2), Key::Esc],
    },
];

/// A kiosk session on an in-memory practice bank with a test terminal.
struct Kiosk {
    app: App,
    edge: BankEdge,
    i18n: I18n,
    theme: Theme,
    terminal: Terminal<TestBackend>,
}

impl Kiosk {
    fn new((cols, rows): (u16, u16)) -> Kiosk {
        let store = SandboxStore::open_in_memory_with_clock(Clock::Fixed(today()))
            .expect("in-memory sandbox");
        let mut edge = BankEdge::new(store);
        let (mut app, start) = App::new("bench");
        pump(&mut app, &mut edge, start);
        let terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
        let mut kiosk = Kiosk {
            app,
            edge,
            i18n: I18n::embedded(Lang::Ru),
            theme: Theme::new(ThemeName::Mono),
            terminal,
        };
        // The first frame fills the terminal's buffers; every measured frame is a redraw.
        kiosk.frame(Renderer::Opora);
        kiosk
    }

    /// A kiosk at the start of a scenario.
    fn at(size: (u16, u16), scenario: Scenario) -> Kiosk {
        let mut kiosk = Kiosk::new(size);
        for &key in scenario.setup {
            kiosk.press(key);
        }
        kiosk.frame(Renderer::Opora);
        kiosk
    }

    fn press(&mut self, key: Key) {
        drive(&mut self.app, &mut self.edge, Msg::Key(key));
    }

    fn model(&self) -> ScreenModel {
        view(&self.app, &self.i18n)
    }

    /// Builds the view and draws it.
    fn frame(&mut self, renderer: Renderer) {
        let model = self.model();
        self.draw(&model, renderer);
    }

    /// One key, then one frame: what the run loop does for every key press.
    fn key_to_frame(&mut self, key: Key, renderer: Renderer) {
        self.press(key);
        self.frame(renderer);
    }

    fn draw(&mut self, model: &ScreenModel, renderer: Renderer) {
        let (theme, i18n) = (&self.theme, &self.i18n);
        let done = match renderer {
            Renderer::Opora => self.terminal.draw(|f| draw(f, model, theme, i18n)),
            Renderer::Paragraph => {
                let lines: Vec<Line> = model.text_lines().into_iter().map(Line::from).collect();
                self.terminal.draw(|f| {
                    let paragraph = Paragraph::new(lines)
                        .style(theme.base)
                        .wrap(Wrap { trim: false });
                    f.render_widget(paragraph, f.area());
                })
            }
        };
        black_box(done.expect("draw into the test terminal"));
    }
}

/// Screens to draw and lay out without a key: the model is built once.
fn screen_models() -> Vec<(&'static str, ScreenModel)> {
    let mut kiosk = Kiosk::new(SIZES[0]);
    let home = kiosk.model();
    kiosk.press(Key::Digit(1));
    let balance = kiosk.model();
    kiosk.press(Key::Esc);
    // The richest screen: step 4 of sending money, with the simulated phone and its big code.
    kiosk.press(Key::Digit(2));
    kiosk.press(Key::Digit(1));
    for d in [3, 0, 0] {
        kiosk.press(Key::Digit(d));
    }
    kiosk.press(Key::Enter);
    kiosk.press(Key::Digit(1));
    let code = kiosk.model();
    assert!(
        code.phone.is_some(),
        "the code screen shows the phone: {:?}",
        code.text_lines()
    );
    vec![("home", home), ("balance", balance), ("code", code)]
}

fn key_to_frame(c: &mut Criterion) {
    for size in SIZES {
        let mut group = c.benchmark_group(format!("key_to_frame_{}x{}", size.0, size.1));
        for scenario in SCENARIOS {
            for renderer in [Renderer::Opora, Renderer::Paragraph] {
                let mut kiosk = Kiosk::at(size, scenario);
                let mut step = 0usize;
                group.bench_function(format!("{}/{}", renderer.name(), scenario.name), |b| {
                    b.iter(|| {
                        let key = scenario.keys[step % scenario.keys.len()];
                        step += 1;
                        kiosk.key_to_frame(key, renderer);
                    });
                });
            }
        }
        group.finish();
    }
}

fn draw_only(c: &mut Criterion) {
    for size in SIZES {
        let mut group = c.benchmark_group(format!("draw_only_{}x{}", size.0, size.1));
        for (name, model) in screen_models() {
            for renderer in [Renderer::Opora, Renderer::Paragraph] {
                let mut kiosk = Kiosk::new(size);
                group.bench_function(format!("{}/{name}", renderer.name()), |b| {
                    b.iter(|| kiosk.draw(black_box(&model), renderer));
                });
            }
        }
        group.finish();
    }
}

fn layout_alone(c: &mut Criterion) {
    for (cols, rows) in SIZES {
        let mut group = c.benchmark_group(format!("layout_{cols}x{rows}"));
        let area = Rect::new(0, 0, cols, rows);
        for (name, model) in screen_models() {
            assert!(
                matches!(layout(&model, area), Layout::Fits(_)),
                "{name} fits {cols}×{rows}"
            );
            group.bench_function(name, |b| {
                b.iter(|| black_box(layout(black_box(&model), black_box(area))));
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = key_to_frame, draw_only, layout_alone
}

/// Latencies of single keys, sorted.
struct Latencies(Vec<Duration>);

impl Latencies {
    fn measure(
        size: (u16, u16),
        scenario: Scenario,
        renderer: Renderer,
        presses: usize,
    ) -> Latencies {
        let mut kiosk = Kiosk::at(size, scenario);
        // Warm the caches and the allocator as criterion's warm-up does.
        for step in 0..presses.min(50) {
            kiosk.key_to_frame(scenario.keys[step % scenario.keys.len()], renderer);
        }
        let mut times: Vec<Duration> = (0..presses)
            .map(|step| {
                let key = scenario.keys[step % scenario.keys.len()];
                let start = Instant::now();
                kiosk.key_to_frame(key, renderer);
                start.elapsed()
            })
            .collect();
        times.sort_unstable();
        Latencies(times)
    }

    fn quantile(&self, q: f64) -> Duration {
        let last = self.0.len().saturating_sub(1);
        // Nearest rank, rounded up: p90 of 10 samples is the 9th.
        let rank = ((q * self.0.len() as f64).ceil() as usize).clamp(1, last + 1) - 1;
        self.0.get(rank).copied().unwrap_or_default()
    }

    fn max(&self) -> Duration {
        self.0.last().copied().unwrap_or_default()
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// Times every key on its own at each size and prints the verdicts beside the peer.
fn summary(quick: bool) {
    for size in SIZES {
        summary_at(size, quick);
    }
    if quick {
        println!("(smoke run: 10 keys only; run `cargo bench --bench frame` for figures)");
    }
    if cfg!(debug_assertions) {
        println!(
            "(unoptimised build, e.g. `cargo test --benches`: these are not the product's figures)"
        );
    }
}

fn summary_at((cols, rows): (u16, u16), quick: bool) {
    let presses = if quick { 10 } else { 2000 };
    println!();
    println!(
        "== key press → drawn frame, {cols}×{rows} TestBackend, mono theme, {presses} keys each =="
    );
    println!(
        "{:<30} {:>12} {:>12} {:>12} {:>12}",
        "", "median", "p90", "p99", "max"
    );
    // The verdict is on the p90 of opora's keys: the tail (p99, max) is printed too, and the
    // peer's tail beside it shows how much of it is the machine (other processes, scheduling)
    // rather than drawing.
    let mut worst_p90 = Duration::ZERO;
    let mut worst_p99 = Duration::ZERO;
    let mut peer_p99 = Duration::ZERO;
    for scenario in SCENARIOS {
        let mut medians = Vec::new();
        for renderer in [Renderer::Opora, Renderer::Paragraph] {
            let l = Latencies::measure((cols, rows), scenario, renderer, presses);
            println!(
                "{:<30} {:>12} {:>12} {:>12} {:>12}",
                format!("{}/{}", renderer.name(), scenario.name),
                ms(l.quantile(0.5)),
                ms(l.quantile(0.9)),
                ms(l.quantile(0.99)),
                ms(l.max())
            );
            match renderer {
                Renderer::Opora => {
                    worst_p90 = worst_p90.max(l.quantile(0.9));
                    worst_p99 = worst_p99.max(l.quantile(0.99));
                }
                Renderer::Paragraph => peer_p99 = peer_p99.max(l.quantile(0.99)),
            }
            medians.push(l.quantile(0.5));
        }
        if let [opora, peer] = medians[..] {
            println!(
                "{:<30} opora/peer median ratio {:.1}×",
                "",
                opora.as_secs_f64() / peer.as_secs_f64().max(1e-9)
            );
        }
    }
    let verdict = if worst_p90 < TARGET { "PASS" } else { "FAIL" };
    println!(
        "target: a key press to a drawn frame under {} at {cols}×{rows} — worst opora p90 {} → \
         {verdict}",
        ms(TARGET),
        ms(worst_p90)
    );
    if worst_p99 >= TARGET {
        println!(
            "note: opora's p99 is {} and the plain peer's is {}; {}",
            ms(worst_p99),
            ms(peer_p99),
            if peer_p99 >= TARGET {
                "the peer stalls as long, so the tail is the machine, not the drawing"
            } else {
                "the peer's tail is short, so the slow keys are opora's own"
            }
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    benches();
    Criterion::default().configure_from_args().final_summary();
    if has("--list") {
        return;
    }
    // Criterion runs in test mode (each benchmark once) with `--test` or without `--bench`
    // (`cargo test --benches`); the summary is cut down the same way.
    summary(has("--test") || !has("--bench"));
}
