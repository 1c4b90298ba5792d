//! Start-up to the first frame of the real `opora` binary in a 200×60 pseudo-terminal, set up as
//! the README installs it, beside `dialog --menu` started the same way in the same run
//! (PRODUCT.md §12: "first frame within 2× of `dialog --menu` start-up"; "memory under 40 MB
//! without a voice model").
//!
//! The kiosk as installed: `--speech` and `--voice` left at `auto`, espeak-ng present (scripts/
//! setup.sh installs it), libvosk in .deps/vosk and a voice model in `models/ko` chosen with
//! `--voice-lang ko` (the one model the registries offer; a bank installs `models/ru`). So the
//! kiosk finds the model, loads libvosk and opens the microphone before its first frame, and
//! chooses the speaker (espeak-ng's version check) and loads the model on the speech and voice
//! threads after it: that time shows in "Space ready", not hidden. A kiosk has a sound card, this machine may
//! not: the bench gives the kiosk ALSA's `null` device as microphone and speakers (its own
//! `ALSA_CONFIG_PATH`), and `PULSE_SERVER` naming a server that is not running, as a kiosk's
//! desktop session would name one; Opora's device check then finds sound, espeak-ng speaks
//! every screen (into the null device, through ALSA after PulseAudio refuses). `opora doctor`
//! in the same environment is printed first and must say espeak-ng and voice commands are ready.
//!
//! Not criterion: every sample spawns a process. The first frame is timed from just before the
//! spawn to the moment the emulated screen first shows the wanted text (see `pty.rs`):
//! - opora: the practice band «УЧЕБНЫЙ РЕЖИМ — деньги не настоящие» and the prompt at the
//!   bottom of the home screen, «Нажмите цифру от 1 до 6» (the choices are drawn in big letters
//!   at this size); its peak resident memory (VmHWM) is read then; then a scripted session: wait
//!   until Space can listen (the model loaded), the balance, the history behind it, back twice,
//!   Space to listen (to silence), and VmHWM is read again before `0` quits;
//! - the same kiosk without a voice model (`OPORA_VOICE_MODEL` naming an empty folder) through
//!   the same screens, for the brief's memory target;
//! - dialog: `dialog --menu "Opora" 20 60 6 1 Баланс 2 Перевод …` until «Баланс» shows; then it
//!   is killed.
//!
//! Samples are interleaved (opora, dialog, dialog, opora, …) after one warm-up run of each; the
//! warm-up run of opora also creates and seeds the practice bank in a fresh `OPORA_HOME`.
//!
//! `cargo bench --bench startup` runs `OPORA_BENCH_SAMPLES` samples (default 20) of each;
//! with `--test`, or without `--bench` (`cargo test --benches`), just 2. The verdicts are
//! reported; the exit code is 0 whether they pass or not. It is 1 only when a program could not
//! be measured at all (no first frame, a screen of the session that never came, no exit), or
//! the kiosk was not set up as installed (no espeak-ng, no model, no libvosk).

#[path = "startup/pty.rs"]
mod pty;

use portable_pty::CommandBuilder;
use pty::{COLS, ROWS, Running};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

const DEFAULT_SAMPLES: usize = 20;
const QUICK_SAMPLES: usize = 2;

/// The brief's targets.
const RATIO_TARGET: f64 = 2.0;
const MEMORY_TARGET_MB: f64 = 40.0;

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

/// One start of opora: until its first frame, its peak memory then and after the session, and
/// how long `0` and `1` («Да, выйти») took to quit.
struct OporaSample {
    first_frame: Duration,
    first_frame_peak_kb: Option<u64>,
    /// From the spawn to «Пробел — сказать голосом» (the model loaded); none without a model.
    voice_ready: Option<Duration>,
    session_peak_kb: Option<u64>,
    quit: Duration,
    /// Cursor-position queries answered before the first frame was complete.
    queries: usize,
}

/// The kiosk's surroundings, as installed: its data folder, the sound system, the voice model.
struct Installed {
    home: PathBuf,
    /// ALSA configuration whose default device is `null` (microphone and speakers).
    alsa: PathBuf,
    /// `Some(empty folder)` for the kiosk without a voice model.
    no_model: Option<PathBuf>,
}

impl Installed {
    fn new(home: &Path) -> Result<Installed, String> {
        let alsa = home.join("alsa-null.conf");
        std::fs::write(&alsa, "pcm.!default {\n  type null\n}\n")
            .map_err(|e| format!("cannot write {}: {e}", alsa.display()))?;
        Ok(Installed {
            home: home.to_path_buf(),
            alsa,
            no_model: None,
        })
    }

    fn without_model(&self) -> Result<Installed, String> {
        let empty = self.home.join("no-model");
        std::fs::create_dir_all(&empty).map_err(|e| format!("cannot make {empty:?}: {e}"))?;
        Ok(Installed {
            home: self.home.clone(),
            alsa: self.alsa.clone(),
            no_model: Some(empty),
        })
    }

    /// `opora ARGS` in these surroundings.
    fn command(&self, binary: &Path, args: &[&str]) -> CommandBuilder {
        let mut cmd = CommandBuilder::new(binary);
        cmd.args(args);
        cmd.args(["--voice-lang", "ko"]);
        cmd.cwd(&self.home);
        cmd.env("OPORA_HOME", &self.home);
        cmd.env("OPORA_TODAY", "2026-11-25");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "ru_RU.UTF-8");
        cmd.env("ALSA_CONFIG_PATH", &self.alsa);
        cmd.env(
            "PULSE_SERVER",
            format!("unix:{}", self.home.join("pulse-native").display()),
        );
        for name in [
            "LC_ALL",
            "LC_MESSAGES",
            "ACCESSIBLE",
            "NO_COLOR",
            "OPORA_LOCALES",
            "OPORA_SPEECH",
            "OPORA_CONFIG",
            "OPORA_ESPEAK",
            "OPORA_VOSK_LIB",
            "OPORA_VOICE_MODEL",
            "XDG_RUNTIME_DIR",
        ] {
            cmd.env_remove(name);
        }
        if let Some(empty) = &self.no_model {
            cmd.env("OPORA_VOICE_MODEL", empty);
        }
        cmd
    }

    /// `opora doctor`'s lines on the voice, the sound and voice commands, here.
    fn doctor(&self, binary: &Path) -> Result<Vec<String>, String> {
        let cmd = self.command(binary, &["doctor"]);
        let mut std_cmd = std::process::Command::new(&cmd.get_argv()[0]);
        std_cmd
            .args(&cmd.get_argv()[1..])
            .current_dir(&self.home)
            .env_clear();
        for (name, value) in cmd.iter_full_env_as_str() {
            std_cmd.env(name, value);
        }
        let out = std_cmd
            .output()
            .map_err(|e| format!("cannot run opora doctor: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<String> = text
            .lines()
            .filter(|l| {
                ["Голос:", "Звук:", "Голосовые команды:"]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .map(str::to_string)
            .collect();
        let ready = lines.iter().any(|l| l.contains("выбран: espeak-ng"))
            && lines
                .iter()
                .any(|l| l.starts_with("Голосовые команды: готовы"));
        if ready {
            Ok(lines)
        } else {
            Err(format!(
                "the kiosk is not set up as installed (run scripts/setup.sh test): opora \
                 doctor says\n{text}"
            ))
        }
    }
}

/// A screen reached by a key in the scripted session, and a text that shows it is there.
/// Space opens the microphone; ALSA's null device delivers its silence at once, so the kiosk
/// soon says it heard nothing.
const SESSION: [(&str, &str); 5] = [
    ("1", "Накопительный счёт"),
    ("2", "Операции с 1 по"),
    ("\x1b", "Накопительный счёт"),
    ("\x1b", PROMPT),
    (" ", "Я ничего не услышал"),
];
/// Shown once the model has loaded and Space can listen.
const VOICE_READY: &str = "Пробел — сказать голосом";

fn run_opora(binary: &Path, installed: &Installed) -> Result<OporaSample, String> {
    let mut run = Running::spawn(installed.command(binary, &[]), &[BAND, PROMPT])?;
    let first_frame = run.first_frame("opora")?;
    let queries = run.queries.load(Ordering::Relaxed);
    let first_frame_peak_kb = run.peak_rss_kb();
    let with_model = installed.no_model.is_none();
    let voice_ready = if with_model {
        Some(run.wait_text(VOICE_READY, "opora's voice")?)
    } else {
        None
    };
    for (keys, shows) in SESSION {
        if !with_model && keys == " " {
            continue;
        }
        run.keys(keys)?;
        run.wait_text(shows, &format!("opora after {keys:?}"))?;
    }
    let session_peak_kb = run.peak_rss_kb();
    // 0 asks «Выйти из программы?»; 1 is «Да, выйти».
    run.keys("01")?;
    let quit = run.exit("opora")?;
    Ok(OporaSample {
        first_frame,
        first_frame_peak_kb,
        voice_ready,
        session_peak_kb,
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
    let installed = Installed::new(home.path())?;
    let bare = installed.without_model()?;
    let dialog = dialog_installed();
    let dialog_lc_all = if dialog { dialog_locale() } else { None };

    println!(
        "== start-up to the first frame, {COLS}×{ROWS} pty, {n} samples each, interleaved, the \
         kiosk as installed =="
    );
    println!("  opora:  {} --voice-lang ko", binary.display());
    println!(
        "  OPORA_HOME={} (seeded by the warm-up run)",
        home.path().display()
    );
    println!(
        "  sound: ALSA's null device (ALSA_CONFIG_PATH={}), PULSE_SERVER named but not running",
        installed.alsa.display()
    );
    for line in installed.doctor(&binary)? {
        println!("  opora doctor here: {line}");
    }

    // Warm-up: creates and seeds the practice bank, and warms the page cache for both programs.
    let seeding = run_opora(&binary, &installed)?;
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

    let mut samples = Vec::with_capacity(n);
    let mut bare_runs = Vec::with_capacity(n);
    let mut dialogs = Vec::with_capacity(n);
    let mut dialog_peak_kb: Option<u64> = None;
    for i in 0..n {
        // Rotate which goes first, so none always runs right after another.
        for turn in 0..3 {
            match (i + turn) % 3 {
                0 => samples.push(run_opora(&binary, &installed)?),
                // The kiosk without a voice model, through the same screens: the memory target.
                1 => bare_runs.push(run_opora(&binary, &bare)?),
                _ if dialog => {
                    let (t, peak) = run_dialog(home.path(), dialog_lc_all)?;
                    dialogs.push(t);
                    dialog_peak_kb = dialog_peak_kb.max(peak);
                }
                _ => {}
            }
        }
    }

    let opora_stats = Stats::of(samples.iter().map(|s| s.first_frame).collect());
    println!("{}", opora_stats.row("opora"));
    let bare_stats = Stats::of(bare_runs.iter().map(|s| s.first_frame).collect());
    println!(
        "{}   (the same kiosk without a voice model)",
        bare_stats.row("no model")
    );
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
    let ready = Stats::of(samples.iter().filter_map(|s| s.voice_ready).collect());
    println!(
        "  voice ready (the model loaded, Space listens): median {} after the spawn, max {}",
        ms(ready.median),
        ms(ready.max)
    );
    let queries = samples.iter().map(|s| s.queries).max().unwrap_or(0);
    if queries > 0 {
        println!(
            "  note: opora asked the terminal where the cursor is (ESC [6n) {queries} time(s) \
             before its first frame; this emulator answers at once, a real terminal after a \
             round trip, and one that never answers makes opora give up after 2 s"
        );
    }
    let quit = Stats::of(samples.iter().map(|s| s.quit).collect());
    println!(
        "  (opora: `0`, `1` to exit took median {}, max {})",
        ms(quit.median),
        ms(quit.max)
    );

    let peak =
        |runs: &[OporaSample], f: fn(&OporaSample) -> Option<u64>| runs.iter().filter_map(f).max();
    let show = |kb: Option<u64>| {
        kb.map_or("not available".to_string(), |kb| {
            format!("{:.1} MB", mb(kb))
        })
    };
    println!(
        "  opora peak resident memory (VmHWM, highest of all runs), with the voice model: at the \
         first frame {}, over the session {}{}",
        show(peak(&samples, |s| s.first_frame_peak_kb)),
        show(peak(&samples, |s| s.session_peak_kb)),
        dialog_peak_kb
            .map(|d| format!(" (dialog at its first frame: {:.1} MB)", mb(d)))
            .unwrap_or_default()
    );
    let bare_peak = peak(&bare_runs, |s| s.session_peak_kb);
    let verdict = match bare_peak {
        Some(kb) if mb(kb) < MEMORY_TARGET_MB => "PASS",
        Some(_) => "FAIL",
        None => "not measured",
    };
    println!(
        "  without a voice model (same screens): at the first frame {}, over the session {} — \
         target: memory under {MEMORY_TARGET_MB} MB without a voice model → {verdict}",
        show(peak(&bare_runs, |s| s.first_frame_peak_kb)),
        show(bare_peak)
    );
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
