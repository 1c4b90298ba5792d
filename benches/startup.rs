//! Start-up to the first frame of the real `opora` binary in a 200×60 pseudo-terminal, beside
//! `dialog --menu` started the same way in the same run (PRODUCT.md §12: "first frame within 2×
//! of `dialog --menu` start-up"; "memory under 40 MB without a voice model").
//!
//! Not criterion: every sample spawns a process. Each sample opens a pty, starts the program and
//! reads its output through a VT100 emulator; the time is taken from just before the spawn to the
//! moment the emulated screen first shows the wanted text (checked after every chunk of output,
//! on the reader thread, so no polling interval is added):
//! - opora: the practice band «УЧЕБНЫЙ РЕЖИМ — деньги не настоящие» and the prompt at the
//!   bottom of the home screen, «Нажмите цифру от 1 до 6» (the choices are drawn in big letters
//!   at this size); then its peak resident memory (VmHWM) is read, `0` is sent and it must exit;
//! - dialog: `dialog --menu "Opora" 20 60 6 1 Баланс 2 Перевод …` until «Баланс» shows; then it
//!   is killed.
//!
//! Samples are interleaved (opora, dialog, dialog, opora, …) after one warm-up run of each; the
//! warm-up run of opora also creates and seeds the practice bank in a fresh `OPORA_HOME`.
//!
//! `cargo bench --bench startup` runs `OPORA_BENCH_SAMPLES` samples (default 20) of each;
//! with `--test`, or without `--bench` (`cargo test --benches`), just 2. The verdicts are
//! reported; the exit code is 0 whether they pass or not. It is 1 only when a program could not
//! be measured at all (no first frame, no exit).

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 60;
const COLS: u16 = 200;
/// How long a program may take to show its first frame or to exit before it is given up on.
const WAIT: Duration = Duration::from_secs(20);
const DEFAULT_SAMPLES: usize = 20;
const QUICK_SAMPLES: usize = 2;

const BAND: &str = "УЧЕБНЫЙ РЕЖИМ — деньги не настоящие";
const PROMPT: &str = "Нажмите цифру от 1 до 6";
const DIALOG_MENU: [&str; 17] = [
    "--menu",
    "Opora",
    "20",
    "60",
    "6",
    "1",
    "Баланс",
    "2",
    "Перевод",
    "3",
    "Оплата",
    "4",
    "История",
    "5",
    "Блокировка",
    "6",
    "Помощь",
];

/// The cursor-position query (DSR 6) a terminal must answer with `ESC [ row ; col R`.
const DSR: &[u8] = b"\x1b[6n";

/// The brief's targets.
const RATIO_TARGET: f64 = 2.0;
const MEMORY_TARGET_MB: f64 = 40.0;

/// A program started in a fresh 200×60 pty whose output is fed to a VT100 emulator.
struct Running {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    /// How many cursor-position queries the program sent and the emulated terminal answered.
    queries: Arc<AtomicUsize>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// When all the wanted texts were first on the emulated screen.
    shown: mpsc::Receiver<Instant>,
    started: Instant,
}

impl Running {
    fn spawn(cmd: CommandBuilder, wanted: &'static [&'static str]) -> Result<Running, String> {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot open a pty: {e}"))?;
        let rows = std::num::NonZeroU16::new(ROWS).expect("rows");
        let cols = std::num::NonZeroU16::new(COLS).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty
            .master
            .try_clone_reader()
            .map_err(|e| format!("pty reader: {e}"))?;
        let writer = Arc::new(Mutex::new(
            pty.master
                .take_writer()
                .map_err(|e| format!("pty writer: {e}"))?,
        ));
        let queries = Arc::new(AtomicUsize::new(0));
        let program = cmd.get_argv()[0].to_string_lossy().into_owned();
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("cannot start {program}: {e}"))?;
        drop(pty.slave);
        let (tx, shown) = mpsc::channel();
        let (p, w, q) = (
            Arc::clone(&parser),
            Arc::clone(&writer),
            Arc::clone(&queries),
        );
        // The master must stay open while the child runs; the reader thread owns it and ends
        // when the child has exited and the pty reports end of file or an error.
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 16384];
            let mut seen = false;
            // The end of the previous chunk, so a query split across two reads is still seen.
            let mut tail: Vec<u8> = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = p.lock().expect("parser");
                parser.process(&buf[..n]);
                // Answer "where is the cursor?" (DSR, ESC [ 6 n) as a real terminal does;
                // vt100 only emulates the screen. Ratatui's `Terminal::clear` asks it.
                tail.extend_from_slice(&buf[..n]);
                let asked = tail.windows(DSR.len()).filter(|x| *x == DSR).count();
                if asked > 0 {
                    let (row, col) = parser.screen().cursor_position();
                    let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                    let mut w = w.lock().expect("writer");
                    for _ in 0..asked {
                        let _ = w.write_all(reply.as_bytes());
                    }
                    let _ = w.flush();
                    q.fetch_add(asked, Ordering::Relaxed);
                    tail.clear();
                }
                let keep = tail.len().saturating_sub(DSR.len() - 1);
                tail.drain(..keep);
                if !seen {
                    let screen = parser.screen().contents();
                    if wanted.iter().all(|w| screen.contains(w)) {
                        seen = true;
                        let _ = tx.send(Instant::now());
                    }
                }
            }
        });
        Ok(Running {
            child,
            writer,
            queries,
            parser,
            shown,
            started,
        })
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Time from the spawn to the wanted text on the screen.
    fn first_frame(&mut self, what: &str) -> Result<Duration, String> {
        match self.shown.recv_timeout(WAIT) {
            Ok(at) => Ok(at - self.started),
            Err(_) => {
                let screen = self.screen();
                let _ = self.child.kill();
                let _ = self.child.wait();
                Err(format!(
                    "{what} did not show its first frame within {WAIT:?}; the screen shows:\n{screen}"
                ))
            }
        }
    }

    fn keys(&mut self, bytes: &str) -> Result<(), String> {
        let mut writer = self.writer.lock().expect("writer");
        writer
            .write_all(bytes.as_bytes())
            .and_then(|()| writer.flush())
            .map_err(|e| format!("cannot send keys: {e}"))
    }

    /// Peak resident memory of the process so far, in kB (Linux: VmHWM in /proc/<pid>/status).
    fn peak_rss_kb(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// Waits for the process to exit by itself; the time from now to its exit.
    fn exit(&mut self, what: &str) -> Result<Duration, String> {
        let from = Instant::now();
        while from.elapsed() < WAIT {
            match self.child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(from.elapsed()),
                Ok(Some(status)) => return Err(format!("{what} exited with {status:?}")),
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(e) => return Err(format!("waiting for {what}: {e}")),
            }
        }
        let screen = self.screen();
        let _ = self.child.kill();
        let _ = self.child.wait();
        Err(format!(
            "{what} did not exit within {WAIT:?}; the screen shows:\n{screen}"
        ))
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One start of opora: until its first frame, its peak memory then, and how long `0` took to
/// quit.
struct OporaSample {
    first_frame: Duration,
    peak_rss_kb: Option<u64>,
    quit: Duration,
    /// Cursor-position queries answered before the first frame was complete.
    queries: usize,
}

fn run_opora(binary: &Path, home: &Path) -> Result<OporaSample, String> {
    let mut cmd = CommandBuilder::new(binary);
    cmd.cwd(home);
    cmd.env("OPORA_HOME", home);
    cmd.env("OPORA_TODAY", "2026-11-25");
    // The peer does not speak; neither does Opora here (speech has its own benchmark).
    cmd.env("OPORA_SPEECH", "off");
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "ru_RU.UTF-8");
    for name in [
        "LC_ALL",
        "LC_MESSAGES",
        "ACCESSIBLE",
        "NO_COLOR",
        "OPORA_LOCALES",
    ] {
        cmd.env_remove(name);
    }
    let mut run = Running::spawn(cmd, &[BAND, PROMPT])?;
    let first_frame = run.first_frame("opora")?;
    let queries = run.queries.load(Ordering::Relaxed);
    let peak_rss_kb = run.peak_rss_kb();
    run.keys("0")?;
    let quit = run.exit("opora")?;
    Ok(OporaSample {
        first_frame,
        peak_rss_kb,
        quit,
        queries,
    })
}

/// One start of dialog: until «Баланс» is on the screen, and its peak memory then.
fn run_dialog(home: &Path, lc_all: Option<&str>) -> Result<(Duration, Option<u64>), String> {
    let mut cmd = CommandBuilder::new("dialog");
    cmd.args(DIALOG_MENU);
    cmd.cwd(home);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "ru_RU.UTF-8");
    for name in ["LC_ALL", "LC_MESSAGES", "DIALOGRC", "NO_COLOR"] {
        cmd.env_remove(name);
    }
    if let Some(locale) = lc_all {
        cmd.env("LC_ALL", locale);
    }
    let mut run = Running::spawn(cmd, &["Баланс"])?;
    let first_frame = run.first_frame("dialog")?;
    let peak = run.peak_rss_kb();
    run.kill();
    Ok((first_frame, peak))
}

/// The `opora` binary of the same profile as this bench: cargo builds it for the package's
/// benches and says where (`CARGO_BIN_EXE_opora`); otherwise it sits next to the `deps` folder
/// this bench runs from (target/release/deps/startup-… → target/release/opora).
fn opora_binary() -> Result<PathBuf, String> {
    let exe_name = format!("opora{}", std::env::consts::EXE_SUFFIX);
    let from_cargo = option_env!("CARGO_BIN_EXE_opora").map(PathBuf::from);
    let beside = std::env::current_exe().ok().and_then(|exe| {
        let deps = exe.parent()?;
        let profile = if deps.file_name()? == "deps" {
            deps.parent()?
        } else {
            deps
        };
        Some(profile.join(&exe_name))
    });
    let candidates: Vec<PathBuf> = from_cargo.into_iter().chain(beside).collect();
    candidates
        .iter()
        .find(|p| p.is_file())
        .cloned()
        .ok_or_else(|| {
            let looked: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
            format!(
                "the opora binary is missing (looked at {}); run `cargo build --release` first \
                 (or `cargo bench --bench startup`, which builds it)",
                if looked.is_empty() {
                    "nothing".to_string()
                } else {
                    looked.join(", ")
                }
            )
        })
}

/// Whether `dialog` can be started.
fn dialog_installed() -> bool {
    std::process::Command::new("dialog")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// dialog draws Cyrillic only under a UTF-8 locale that exists; when ru_RU.UTF-8 is not
/// installed, it is given LC_ALL=C.UTF-8 so it can still draw «Баланс» (opora does not depend
/// on the C library's locales).
fn dialog_locale() -> Option<&'static str> {
    let installed = std::process::Command::new("locale")
        .arg("-a")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).to_lowercase())
        .unwrap_or_default();
    let has = |name: &str| installed.lines().any(|l| l.trim() == name);
    if has("ru_ru.utf8") || has("ru_ru.utf-8") {
        None
    } else {
        Some("C.UTF-8")
    }
}

/// Nearest-rank quantile of sorted values.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

struct Stats {
    median: Duration,
    p90: Duration,
    min: Duration,
    max: Duration,
}

impl Stats {
    fn of(mut values: Vec<Duration>) -> Stats {
        values.sort_unstable();
        Stats {
            median: quantile(&values, 0.5),
            p90: quantile(&values, 0.9),
            min: values.first().copied().unwrap_or_default(),
            max: values.last().copied().unwrap_or_default(),
        }
    }

    fn row(&self, name: &str) -> String {
        format!(
            "  {name:<8} median {:>9}   p90 {:>9}   min {:>9}   max {:>9}",
            ms(self.median),
            ms(self.p90),
            ms(self.min),
            ms(self.max)
        )
    }
}

fn samples(quick: bool) -> usize {
    if quick {
        return QUICK_SAMPLES;
    }
    std::env::var("OPORA_BENCH_SAMPLES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_SAMPLES)
}

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("startup bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("startup: bench");
        return Ok(());
    }
    // Like criterion: `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // `cargo bench -- --test` asks for a smoke run.
    let quick = has("--test") || !has("--bench");
    let n = samples(quick);
    let binary = opora_binary()?;
    let home = tempfile::tempdir().map_err(|e| format!("cannot make a temp dir: {e}"))?;
    let dialog = dialog_installed();
    let dialog_lc_all = if dialog { dialog_locale() } else { None };

    println!("== start-up to the first frame, {COLS}×{ROWS} pty, {n} samples each, interleaved ==");
    println!("  opora:  {}", binary.display());
    println!(
        "  OPORA_HOME={} (seeded by the warm-up run)",
        home.path().display()
    );

    // Warm-up: creates and seeds the practice bank, and warms the page cache for both programs.
    let seeding = run_opora(&binary, home.path())?;
    println!(
        "  warm-up run of opora (creates and seeds sandbox.db): first frame {}",
        ms(seeding.first_frame)
    );
    if !home.path().join("sandbox.db").is_file() {
        return Err("the warm-up run did not create sandbox.db in OPORA_HOME".into());
    }
    if dialog {
        run_dialog(home.path(), dialog_lc_all)?;
        if let Some(locale) = dialog_lc_all {
            println!(
                "  note: the ru_RU.UTF-8 locale is not installed; dialog runs with \
                 LC_ALL={locale} so it can draw Cyrillic"
            );
        }
    } else {
        println!(
            "  dialog is not installed, so there is no peer to compare with: install it with \
             `apt-get install dialog` (Debian/Ubuntu); opora's figures follow alone"
        );
    }

    let mut opora = Vec::with_capacity(n);
    let mut dialogs = Vec::with_capacity(n);
    let mut opora_peak_kb: Option<u64> = None;
    let mut dialog_peak_kb: Option<u64> = None;
    let mut quits = Vec::with_capacity(n);
    let mut queries = 0;
    for i in 0..n {
        // Alternate which goes first, so neither always runs right after the other.
        let opora_first = i % 2 == 0;
        for turn in 0..2 {
            if (turn == 0) == opora_first {
                let s = run_opora(&binary, home.path())?;
                opora.push(s.first_frame);
                quits.push(s.quit);
                queries = queries.max(s.queries);
                opora_peak_kb = opora_peak_kb.max(s.peak_rss_kb);
            } else if dialog {
                let (t, peak) = run_dialog(home.path(), dialog_lc_all)?;
                dialogs.push(t);
                dialog_peak_kb = dialog_peak_kb.max(peak);
            }
        }
    }

    let opora_stats = Stats::of(opora);
    println!("{}", opora_stats.row("opora"));
    if dialog {
        let dialog_stats = Stats::of(dialogs);
        println!("{}", dialog_stats.row("dialog"));
        let ratio = opora_stats.median.as_secs_f64() / dialog_stats.median.as_secs_f64();
        let ratio_p90 = opora_stats.p90.as_secs_f64() / dialog_stats.p90.as_secs_f64();
        let verdict = if ratio <= RATIO_TARGET {
            "PASS"
        } else {
            "FAIL"
        };
        println!(
            "  ratio opora/dialog: median {ratio:.2}×, p90 {ratio_p90:.2}× — target: first frame \
             within {RATIO_TARGET}× of `dialog --menu` start-up → {verdict}"
        );
    } else {
        println!("  ratio opora/dialog: not measured (dialog is not installed)");
    }
    if queries > 0 {
        println!(
            "  note: opora asked the terminal where the cursor is (ESC [6n) {queries} time(s) \
             before its first frame; this emulator answers at once, a real terminal after a \
             round trip, and one that never answers makes opora give up after 2 s"
        );
    }
    let quit = Stats::of(quits);
    println!(
        "  (opora: `0` to exit took median {}, max {})",
        ms(quit.median),
        ms(quit.max)
    );

    match opora_peak_kb {
        Some(kb) => {
            let verdict = if mb(kb) < MEMORY_TARGET_MB {
                "PASS"
            } else {
                "FAIL"
            };
            let peer = dialog_peak_kb
                .map(|d| format!(" (dialog: {:.1} MB)", mb(d)))
                .unwrap_or_default();
            println!(
                "  opora peak resident memory (VmHWM at the first frame, highest of all runs): \
                 {:.1} MB{peer} — target: memory under {MEMORY_TARGET_MB} MB without a voice \
                 model → {verdict}",
                mb(kb)
            );
        }
        None => println!("  opora peak resident memory: not available (no /proc/<pid>/status)"),
    }
    if cfg!(debug_assertions) {
        println!(
            "  (unoptimised build, e.g. `cargo test --benches`, timing {}: not the product's \
             figures)",
            binary.display()
        );
    }
    if quick {
        println!(
            "  (smoke run: {n} samples; `cargo bench --bench startup` runs \
             OPORA_BENCH_SAMPLES, default {DEFAULT_SAMPLES})"
        );
    }
    Ok(())
}
