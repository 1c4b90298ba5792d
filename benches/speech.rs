//! Time from entering a screen to the first audio sample espeak-ng writes, beside espeak-ng
//! alone on the same sentence in the same run (issue #5: "under 200 ms").
//!
//! Not criterion: every sample spawns a process. One sample of the pipeline: from just before the
//! key press that opens the balance screen, through the core (`App::update`, `view` with the
//! speech twin of the messages, so amounts become words), to the espeak backend's own command
//! (`Espeak::spawn`, SSML with pauses, `--stdout`), until the first sample after the WAV header
//! arrives on its standard output. One sample of the peer: `espeak-ng -v ru -s 150 --stdout
//! "<the same text>"` from spawn to its first sample, and to its end (the whole sentence
//! synthesised). Samples are interleaved after a warm-up of each.
//!
//! `cargo bench --bench speech` runs `OPORA_BENCH_SAMPLES` samples (default 20); with `--test`,
//! or without `--bench` (`cargo test --benches`), just 3. The verdict is reported; the exit code
//! is 0 whether it passes or not, and 1 only when nothing could be measured (no espeak-ng).

use opora::edge::{BankEdge, drive, pump};
use opora::speech::espeak::{self, Espeak, Sink};
use opora::speech::{Rate, Voice};
use opora::store::bank::{Clock, SandboxStore};
use opora_core::i18n::{I18n, Lang};
use opora_core::input::Key;
use opora_core::kiosk::Msg;
use opora_core::kiosk::{App, view};
use std::io::Read;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_millis(200);
const DEFAULT_SAMPLES: usize = 20;
const QUICK_SAMPLES: usize = 3;
/// A WAV header as espeak-ng writes it to a stream.
const HEADER: usize = 44;

/// Reads the child's standard output until the first sample after the header; kills it then,
/// or lets it finish when `to_end` (and returns the time of the end too).
fn first_sample(
    mut child: Child,
    started: Instant,
    to_end: bool,
) -> Result<(Duration, Option<Duration>), String> {
    let mut out = child.stdout.take().ok_or("no standard output")?;
    let mut seen = 0usize;
    let mut first = None;
    let mut buf = [0u8; 4096];
    loop {
        let n = out.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        seen += n;
        if first.is_none() && seen >= HEADER + 2 {
            first = Some(started.elapsed());
            if !to_end {
                break;
            }
        }
    }
    let end = to_end.then(|| started.elapsed());
    let _ = child.kill();
    let _ = child.wait();
    first
        .map(|f| (f, end))
        .ok_or_else(|| "espeak-ng wrote no audio".to_string())
}

struct Kiosk {
    app: App,
    edge: BankEdge,
    i18n: I18n,
}

impl Kiosk {
    fn new() -> Result<Kiosk, String> {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
        let store = SandboxStore::open_in_memory_with_clock(Clock::Fixed(today))
            .map_err(|e| format!("practice bank: {e:?}"))?;
        let mut edge = BankEdge::new(store);
        let (mut app, start) = App::new("bench");
        pump(&mut app, &mut edge, start);
        Ok(Kiosk {
            app,
            edge,
            i18n: I18n::embedded(Lang::Ru),
        })
    }

    /// Enters the balance screen and returns the spoken text; then goes back home.
    fn enter_balance(&mut self) -> String {
        drive(&mut self.app, &mut self.edge, Msg::Key(Key::Digit(1)));
        view(&self.app, &self.i18n).spoken
    }

    fn back(&mut self) {
        drive(&mut self.app, &mut self.edge, Msg::Key(Key::Esc));
    }
}

fn stats(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("speech: bench");
        return Ok(());
    }
    let quick = has("--test") || !has("--bench");
    let n = if quick {
        QUICK_SAMPLES
    } else {
        std::env::var("OPORA_BENCH_SAMPLES")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(DEFAULT_SAMPLES)
    };
    let voice = Voice {
        lang: Lang::Ru,
        rate: Rate::DEFAULT,
    };
    let backend = Espeak::new(Sink::Stdout);
    let mut kiosk = Kiosk::new()?;
    let spoken = kiosk.enter_balance();
    kiosk.back();

    let pipeline = |kiosk: &mut Kiosk| -> Result<Duration, String> {
        let started = Instant::now();
        let text = kiosk.enter_balance();
        let child = backend.spawn(&text, voice).map_err(|e| e.to_string())?;
        let (first, _) = first_sample(child, started, false)?;
        kiosk.back();
        Ok(first)
    };
    let alone = || -> Result<(Duration, Duration), String> {
        let started = Instant::now();
        let child = Command::new(espeak::program())
            .args(["-v", "ru", "-s", "150", "--stdout"])
            .arg(&spoken)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run espeak-ng ({e}): run scripts/setup.sh test"))?;
        let (first, end) = first_sample(child, started, true)?;
        Ok((first, end.unwrap_or(first)))
    };

    // Warm-up of both (page cache, espeak-ng's voice data).
    pipeline(&mut kiosk)?;
    alone()?;
    let (mut ours, mut peer_first, mut peer_whole) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let run_peer = |pf: &mut Vec<Duration>, pw: &mut Vec<Duration>| -> Result<(), String> {
            let (f, w) = alone()?;
            pf.push(f);
            pw.push(w);
            Ok(())
        };
        if i % 2 == 0 {
            ours.push(pipeline(&mut kiosk)?);
            run_peer(&mut peer_first, &mut peer_whole)?;
        } else {
            run_peer(&mut peer_first, &mut peer_whole)?;
            ours.push(pipeline(&mut kiosk)?);
        }
    }
    let (ours_median, ours_p90) = stats(&mut ours);
    let (peer_median, peer_p90) = stats(&mut peer_first);
    let (whole_median, _) = stats(&mut peer_whole);
    println!(
        "== entering a screen to espeak-ng's first audio sample, {n} samples each, interleaved =="
    );
    println!(
        "  sentence ({} characters): {spoken}",
        spoken.chars().count()
    );
    println!(
        "  opora (key → core → spoken words → espeak backend → first sample): median {:.1} ms, p90 {:.1} ms",
        ms(ours_median),
        ms(ours_p90)
    );
    println!(
        "  espeak-ng alone, same text (spawn → first sample):               median {:.1} ms, p90 {:.1} ms",
        ms(peer_median),
        ms(peer_p90)
    );
    println!(
        "  espeak-ng alone, the whole sentence synthesised:                 median {:.1} ms",
        ms(whole_median)
    );
    let verdict = if ours_median < TARGET { "PASS" } else { "FAIL" };
    println!(
        "  target: first sample under {} ms → {verdict} (opora adds {:+.1} ms to espeak-ng alone)",
        TARGET.as_millis(),
        ms(ours_median) - ms(peer_median)
    );
    stop_latency(n, voice)?;
    if cfg!(debug_assertions) {
        println!("  (unoptimised build, e.g. `cargo test --benches`: not the product's figures)");
    }
    if quick {
        println!(
            "  (smoke run: {n} samples; `cargo bench --bench speech` runs OPORA_BENCH_SAMPLES, \
             default {DEFAULT_SAMPLES})"
        );
    }
    Ok(())
}

/// A key stops the voice at once (README, *Speech*): `Espeak::stop` on a long utterance that
/// is still being synthesised, beside killing and reaping a bare espeak-ng child on the same
/// text. Nobody reads either stream, so both are mid-sentence when stopped.
fn stop_latency(n: usize, voice: Voice) -> Result<(), String> {
    use opora::speech::Speaker;
    let long = "Баланс двадцать пять тысяч рублей. ".repeat(200);
    let settle = Duration::from_millis(100);
    let (mut ours, mut peer) = (Vec::new(), Vec::new());
    for _ in 0..n {
        let mut speaker = Espeak::new(Sink::Stdout);
        speaker.say(&long, voice).map_err(|e| e.to_string())?;
        std::thread::sleep(settle);
        if !speaker.is_speaking() {
            return Err("espeak-ng finished a 7 000-character text at once".into());
        }
        let started = Instant::now();
        speaker.stop().map_err(|e| e.to_string())?;
        ours.push(started.elapsed());

        let mut child = Command::new(espeak::program())
            .args(["-v", "ru", "-s", "150", "--stdout"])
            .arg(&long)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run espeak-ng: {e}"))?;
        std::thread::sleep(settle);
        let started = Instant::now();
        child.kill().map_err(|e| e.to_string())?;
        child.wait().map_err(|e| e.to_string())?;
        peer.push(started.elapsed());
    }
    let (ours_median, ours_p90) = stats(&mut ours);
    let (peer_median, _) = stats(&mut peer);
    println!(
        "  stopping mid-sentence: opora's Espeak::stop median {:.2} ms, p90 {:.2} ms; \
         kill + wait of espeak-ng alone median {:.2} ms",
        ms(ours_median),
        ms(ours_p90),
        ms(peer_median)
    );
    Ok(())
}

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("speech bench: {message}");
            ExitCode::FAILURE
        }
    }
}
