//! Voice input, measured the way a client meets it.
//!
//! 1. Recognising a short spoken command (PRODUCT.md §12: "recognition of a short command with
//!    grammar at a real-time factor under 0.1"), with the home screen's grammar beside
//!    free-form recognition of the same audio by the same model, in the same run. The audio is
//!    Korean (the one model obtainable here): commands spoken by espeak-ng into a WAV file at
//!    its own 22 050 Hz, so every sample goes through the kiosk's real path — WAV listener,
//!    resampling, endpointing, libvosk, the intent parser. For each utterance:
//!    - the real-time factor: time spent decoding ÷ seconds of voice (the lead-in and the
//!      pause after it are not counted);
//!    - the wait: from the end of the voice (its last loud frame) to the intent — the pause
//!      that ends the utterance, then the recogniser's last words and the parser — printed
//!      beside the pause it includes.
//! 2. Which endpoint pause to use: Russian phrases spoken by espeak-ng word by word, with
//!    pauses of 0.2 to 1.0 s inserted between the words as older speakers make them, are
//!    played through the endpointer with pauses from 0.5 to 1.5 s; for each, how many phrases
//!    are cut in two, beside the configured default.
//!
//! `cargo bench --bench voice` plays the file `OPORA_BENCH_SAMPLES` times (default 10) for
//! each recogniser, interleaved; with `--test`, or without `--bench` (`cargo test --benches`),
//! once. The verdicts are printed; the exit code is 0 whether the targets are met or not. It
//! is 1 only when nothing could be measured (no libvosk, no model, no espeak-ng).

use opora::edge::{BankEdge, pump};
use opora::listen::endpoint::DEFAULT_PAUSE;
use opora::listen::engine::{Engine, Loaded, VoiceConfig};
use opora::listen::listener::{Listener, WavListener};
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
/// Requests older clients make, several words each.
const PHRASES: [&str; 12] = [
    "перевести дочке пятьсот рублей",
    "оплатить свет",
    "пополнить телефон на сто рублей",
    "покажите баланс пожалуйста",
    "заблокируйте мою карточку",
    "у меня украли карту",
    "две с половиной тысячи",
    "тысяча двести пятьдесят рублей",
    "повторите ещё раз",
    "позовите сотрудника банка",
    "последние платежи",
    "внуку полторы тысячи",
];
/// Pauses between words, in milliseconds, taken in turn.
const INSERTED_MS: [u64; 5] = [200, 400, 600, 800, 1000];
/// The endpoint pauses tried, in milliseconds.
const PAUSES_MS: [u64; 6] = [500, 700, 900, 1100, 1300, 1500];

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
    /// Decoding over all the audio decoded, lead-in and pause included (the old measure).
    rtf_all: Vec<f64>,
    /// From the end of the voice to the intent.
    wait: Vec<Duration>,
    /// Of which the pause that ended the utterance.
    pause: Vec<Duration>,
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
    recognition(dir.path(), samples)?;
    endpoint_pause(dir.path())
}

fn recognition(dir: &Path, samples: usize) -> Result<(), String> {
    let mut parts = Vec::new();
    for word in WORDS {
        parts.push(Part::Silence(Duration::from_millis(500)));
        parts.push(Part::Word(speak("ko", word, dir, false)?));
        parts.push(Part::Silence(Duration::from_millis(2500)));
    }
    let wav = join(&parts, &dir.join("commands.wav"))?;
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
         home screen; endpoint pause {} ms",
        wav.display(),
        WORDS.len(),
        words.len(),
        DEFAULT_PAUSE.as_millis()
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

/// A piece of a recording: a word as espeak-ng said it, or quiet.
enum Part {
    Word(Vec<i16>),
    Silence(Duration),
}

/// espeak-ng's rate.
const RATE: u32 = 22_050;

/// A word as espeak-ng says it; `trim`med of the quiet it puts before and after (so that a
/// pause put between words is that long).
fn speak(voice: &str, word: &str, dir: &Path, trim: bool) -> Result<Vec<i16>, String> {
    let path = dir.join("word.wav");
    let status = Command::new("espeak-ng")
        .args(["-v", voice, "-w"])
        .arg(&path)
        .arg(word)
        .status()
        .map_err(|e| format!("espeak-ng could not run ({e}): run scripts/setup.sh test"))?;
    if !status.success() {
        return Err(format!("espeak-ng -v {voice} failed for «{word}»"));
    }
    let mut reader = hound::WavReader::open(&path).map_err(|e| e.to_string())?;
    if reader.spec().sample_rate != RATE {
        return Err(format!(
            "espeak-ng spoke at {} Hz, not {RATE}",
            reader.spec().sample_rate
        ));
    }
    let samples: Vec<i16> = reader
        .samples::<i16>()
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    if !trim {
        return Ok(samples);
    }
    let loud = |s: &i16| s.unsigned_abs() > 64;
    let from = samples.iter().position(loud).unwrap_or(0);
    let to = samples.iter().rposition(loud).map_or(0, |i| i + 1);
    Ok(samples.get(from..to).unwrap_or_default().to_vec())
}

/// Writes the parts one after another into a WAV file.
fn join(parts: &[Part], path: &Path) -> Result<PathBuf, String> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec).map_err(|e| e.to_string())?;
    for part in parts {
        match part {
            Part::Word(samples) => {
                for s in samples {
                    writer.write_sample(*s).map_err(|e| e.to_string())?;
                }
            }
            Part::Silence(length) => {
                let n = (length.as_secs_f64() * f64::from(RATE)) as usize;
                for _ in 0..n {
                    writer.write_sample(0i16).map_err(|e| e.to_string())?;
                }
            }
        }
    }
    writer.finalize().map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
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
        let parsing = started.elapsed();
        figures.rtf.push(hearing.real_time_factor());
        figures.rtf_all.push(if hearing.utterance.seconds > 0.0 {
            hearing.decoding.as_secs_f64() / hearing.utterance.seconds
        } else {
            0.0
        });
        figures.wait.push(hearing.after_voice() + parsing);
        figures
            .pause
            .push(Duration::from_secs_f64(hearing.utterance.after_voice()));
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, figures: &Figures) {
    let mut rtf = figures.rtf.clone();
    rtf.sort_by(f64::total_cmp);
    let p90 = rtf
        .get(((rtf.len() as f64 - 1.0) * 0.9).round() as usize)
        .copied()
        .unwrap_or(f64::NAN);
    let wait = percentile(&figures.wait, 0.5);
    let pause = percentile(&figures.pause, 0.5);
    println!(
        "  {name:<9} {} utterances: real-time factor (over the voice) median {:.3}, p90 \
         {p90:.3} (over all audio decoded, pause included: {:.3}); end of voice to intent \
         median {:.0} ms (p90 {:.0} ms) = endpoint pause {:.0} ms + {:.1} ms recognising and \
         parsing; heard {:?}",
        figures.rtf.len(),
        median(&figures.rtf),
        median(&figures.rtf_all),
        ms(wait),
        ms(percentile(&figures.wait, 0.9)),
        ms(pause),
        ms(wait.saturating_sub(pause)),
        figures.texts.iter().take(WORDS.len()).collect::<Vec<_>>()
    );
}

/// Plays phrases with pauses between their words through endpointers with different pauses
/// and counts the phrases each cuts in two.
fn endpoint_pause(dir: &Path) -> Result<(), String> {
    println!("== the endpoint pause: phrases with pauses between words, cut in two or not ==");
    let mut words: Vec<(String, Vec<i16>)> = Vec::new();
    let mut files = Vec::new();
    let mut gap = 0;
    for (i, phrase) in PHRASES.iter().enumerate() {
        let mut parts = vec![Part::Silence(Duration::from_millis(500))];
        for (j, word) in phrase.split(' ').enumerate() {
            if j > 0 {
                parts.push(Part::Silence(Duration::from_millis(
                    INSERTED_MS[gap % INSERTED_MS.len()],
                )));
                gap += 1;
            }
            let spoken = match words.iter().find(|(w, _)| w == word) {
                Some((_, samples)) => samples.clone(),
                None => {
                    let samples = speak("ru", word, dir, true)?;
                    words.push((word.to_string(), samples.clone()));
                    samples
                }
            };
            parts.push(Part::Word(spoken));
        }
        parts.push(Part::Silence(Duration::from_millis(3000)));
        files.push(join(&parts, &dir.join(format!("phrase-{i}.wav")))?);
    }
    println!(
        "  {} Russian phrases, {gap} pauses between words of {:?} ms in turn, spoken by espeak-ng",
        PHRASES.len(),
        INSERTED_MS
    );
    let mut best = None;
    for pause_ms in PAUSES_MS {
        let pause = Duration::from_millis(pause_ms);
        let mut cut = 0;
        for file in &files {
            let mut listener = WavListener::open(file, 16_000)
                .map_err(|e| e.to_string())?
                .with_pause(pause);
            let stop = AtomicBool::new(false);
            let mut utterances = 0;
            loop {
                let heard = listener
                    .listen(&stop, &mut |_| {})
                    .map_err(|e| e.to_string())?;
                if !heard.speech {
                    break;
                }
                utterances += 1;
            }
            if utterances > 1 {
                cut += 1;
            }
        }
        if cut == 0 && best.is_none() {
            best = Some(pause_ms);
        }
        println!(
            "  pause {pause_ms:>4} ms: {cut:>2} of {} phrases cut in two{}",
            files.len(),
            if pause == DEFAULT_PAUSE {
                "  ← the default"
            } else {
                ""
            }
        );
    }
    match best {
        Some(ms) => println!(
            "  verdict: the shortest pause that cut no phrase is {ms} ms; the default is {} ms: {}",
            DEFAULT_PAUSE.as_millis(),
            if u128::from(ms) == DEFAULT_PAUSE.as_millis() {
                "the same"
            } else {
                "DIFFERENT"
            }
        ),
        None => println!("  verdict: every pause tried cut some phrase"),
    }
    Ok(())
}
