//! Recognising a short spoken command (PRODUCT.md §12: "recognition of a short command with
//! grammar at a real-time factor under 0.1"), with the home screen's grammar beside free-form
//! recognition of the same audio by the same model, in the same run.
//!
//! The audio is Korean (the one model obtainable here, fetched by the test command's set-up):
//! commands spoken by espeak-ng into a WAV command file at its own 22 050 Hz, so every sample
//! goes through the kiosk's real path — WAV listener, resampling to 16 kHz, endpointing,
//! libvosk, the intent parser. For each utterance two figures are taken:
//! - the real-time factor: time spent decoding ÷ seconds of audio decoded;
//! - the wait: from the end of the audio to the intent (what the client waits for, since the
//!   kiosk decodes while the client is still speaking).
//!
//! `cargo bench --bench voice` plays the file `OPORA_BENCH_SAMPLES` times (default 10) for
//! each recogniser, interleaved; with `--test`, or without `--bench` (`cargo test --benches`),
//! once. The verdict is printed; the exit code is 0 whether the target is met or not. It is 1
//! only when nothing could be measured (no libvosk, no model, no espeak-ng).

use opora::edge::{BankEdge, pump};
use opora::listen::engine::{Engine, Loaded, VoiceConfig};
use opora::listen::listener::WavListener;
use opora::store::bank::{Clock, SandboxStore};
use opora_core::i18n::{I18n, Lang};
use opora_core::kiosk::App;
use opora_core::voice::{Context, VoiceLang, grammar, parse};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const DEFAULT_SAMPLES: usize = 10;
/// The brief's target with a grammar.
const RTF_TARGET: f64 = 0.1;
/// Short commands: choices of the home screen.
const WORDS: [&str; 3] = ["삼", "사", "오"];

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("voice bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// One recogniser's figures over all utterances.
#[derive(Default)]
struct Figures {
    rtf: Vec<f64>,
    wait: Vec<Duration>,
    texts: Vec<String>,
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("voice: bench");
        return Ok(());
    }
    let quick = has("--test") || !has("--bench");
    let samples = if quick {
        1
    } else {
        std::env::var("OPORA_BENCH_SAMPLES")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or(DEFAULT_SAMPLES)
    };
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a temp dir: {e}"))?;
    let wav = speak(dir.path())?;
    let model_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join("ko");
    let config = VoiceConfig {
        model: Some(model_dir),
        ..VoiceConfig::default()
    };
    let loaded = Loaded::find(&config).map_err(|e| format!("{e} (run scripts/setup.sh test)"))?;
    println!("== recognising a short command: grammar beside free-form, same audio, same model ==");
    println!(
        "  model: {} ({}, {} Hz), loaded in {:.2} s; libvosk: {}",
        loaded.dir.path.display(),
        loaded.dir.lang.code(),
        loaded.dir.rate,
        loaded.load_time.as_secs_f64(),
        loaded.lib.path().display()
    );
    let rate = loaded.dir.rate;
    let context = home_context()?;
    let words = grammar::words(&context);
    println!(
        "  audio: {} — {} commands spoken by espeak-ng at 22 050 Hz; grammar: {} words of the \
         home screen",
        wav.display(),
        WORDS.len(),
        words.len()
    );
    let first = WavListener::open(&wav, rate).map_err(|e| e.to_string())?;
    let mut engine = Engine::new(loaded, Box::new(first));
    let mut with_grammar = Figures::default();
    let mut free_form = Figures::default();
    for sample in 0..samples {
        // Interleaved, the order swapped each time.
        let order = if sample % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for grammar_mode in order {
            let listener = WavListener::open(&wav, rate).map_err(|e| e.to_string())?;
            engine.set_source(Box::new(listener));
            let figures = if grammar_mode {
                &mut with_grammar
            } else {
                &mut free_form
            };
            play(
                &mut engine,
                &context,
                grammar_mode.then_some(&words),
                figures,
            )?;
        }
    }
    report("grammar", &with_grammar);
    report("free-form", &free_form);
    let grammar_rtf = median(&with_grammar.rtf);
    let free_rtf = median(&free_form.rtf);
    println!(
        "  verdict: real-time factor with grammar {grammar_rtf:.3} (target under {RTF_TARGET}): {}; \
         free-form {free_rtf:.3}, {:.1}× the grammar's",
        if grammar_rtf < RTF_TARGET {
            "met"
        } else {
            "NOT met"
        },
        free_rtf / grammar_rtf.max(1e-9)
    );
    Ok(())
}

/// Speaks the commands into one WAV file, as the tests do.
fn speak(dir: &Path) -> Result<PathBuf, String> {
    let mut samples: Vec<i16> = Vec::new();
    let mut rate = 22_050;
    for (i, word) in WORDS.iter().enumerate() {
        let part = dir.join(format!("word-{i}.wav"));
        let status = Command::new("espeak-ng")
            .args(["-v", "ko", "-w"])
            .arg(&part)
            .arg(word)
            .status()
            .map_err(|e| format!("espeak-ng could not run ({e}): run scripts/setup.sh test"))?;
        if !status.success() {
            return Err(format!("espeak-ng -v ko failed for «{word}»"));
        }
        let mut reader = hound::WavReader::open(&part).map_err(|e| e.to_string())?;
        rate = reader.spec().sample_rate;
        if i == 0 {
            samples.extend(std::iter::repeat_n(0, rate as usize / 2));
        }
        for s in reader.samples::<i16>() {
            samples.push(s.map_err(|e| e.to_string())?);
        }
        samples.extend(std::iter::repeat_n(0, rate as usize * 3 / 2));
    }
    let path = dir.join("commands.wav");
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(&path, spec).map_err(|e| e.to_string())?;
    for s in samples {
        writer.write_sample(s).map_err(|e| e.to_string())?;
    }
    writer.finalize().map_err(|e| e.to_string())?;
    Ok(path)
}

/// The home screen of a fresh practice bank, with Korean voice.
fn home_context() -> Result<Context, String> {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("bad date")?;
    let store =
        SandboxStore::open_in_memory_with_clock(Clock::Fixed(date)).map_err(|e| e.to_string())?;
    let mut edge = BankEdge::new(store);
    let (mut app, start) = App::new("bench");
    pump(&mut app, &mut edge, start);
    Ok(opora_core::kiosk::listen::context(
        &app,
        &I18n::embedded(Lang::Ru),
        VoiceLang::Ko,
    ))
}

/// Plays the whole file once through the engine.
fn play(
    engine: &mut Engine,
    context: &Context,
    words: Option<&Vec<String>>,
    figures: &mut Figures,
) -> Result<(), String> {
    let stop = AtomicBool::new(false);
    loop {
        let hearing = engine
            .recognize(words.map(Vec::as_slice), &stop)
            .map_err(|e| e.to_string())?;
        if !hearing.utterance.speech {
            return Ok(());
        }
        let started = Instant::now();
        let meaning = parse(&hearing.text, context);
        std::hint::black_box(&meaning);
        figures.rtf.push(hearing.real_time_factor());
        figures.wait.push(hearing.after_end + started.elapsed());
        figures.texts.push(hearing.text);
    }
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

fn percentile(values: &[Duration], p: f64) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn report(name: &str, figures: &Figures) {
    let mut rtf = figures.rtf.clone();
    rtf.sort_by(f64::total_cmp);
    let p90 = rtf
        .get(((rtf.len() as f64 - 1.0) * 0.9).round() as usize)
        .copied()
        .unwrap_or(f64::NAN);
    println!(
        "  {name:<9} {} utterances: real-time factor median {:.3}, p90 {p90:.3}; end of audio \
         to intent median {:.1} ms, p90 {:.1} ms; heard {:?}",
        figures.rtf.len(),
        median(&figures.rtf),
        percentile(&figures.wait, 0.5).as_secs_f64() * 1000.0,
        percentile(&figures.wait, 0.9).as_secs_f64() * 1000.0,
        figures.texts.iter().take(WORDS.len()).collect::<Vec<_>>()
    );
}
