//! The `opora voice` commands through the real binary, each run in its own `OPORA_HOME`.

mod common;

use serde_json::Value;
use std::process::{Command, Output};

fn opora(home: &std::path::Path, args: &[&str]) -> Output {
    Command::new(common::binary())
        .env("OPORA_HOME", home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("OPORA_LOCALES")
        .args(args)
        .output()
        .expect("run opora")
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

#[test]
fn parse_prints_the_intent_and_slots_on_home_and_on_the_amount_screen() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = json(&opora(
        home.path(),
        &["voice", "parse", "перевести пятьсот рублей дочери"],
    ));
    assert_eq!(out["lang"], "ru");
    let screens = out["screens"].as_array().expect("screens");
    assert_eq!(screens.len(), 2);
    assert_eq!(screens[0]["screen"], "home");
    assert_eq!(screens[0]["intent"], "transfer");
    assert_eq!(screens[0]["slots"]["payee"], "daughter");
    assert_eq!(screens[0]["slots"]["amount"]["kopecks"], 50_000);
    assert_eq!(screens[1]["screen"], "amount-entry");
    assert_eq!(screens[1]["intent"], Value::Null);
    assert_eq!(screens[1]["rejected"], "not-on-this-screen");
    assert!(
        screens[1]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("На этом экране")),
        "{out}"
    );
}

#[test]
fn parse_reads_english_amounts_and_refuses_confirmation() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = json(&opora(
        home.path(),
        &["voice", "parse", "twelve fifty", "--lang", "en"],
    ));
    assert_eq!(out["lang"], "en");
    // Roubles and kopecks, or hundreds: the kiosk asks which.
    let amount = &out["screens"][1];
    assert_eq!(amount["intent"], "either", "{out}");
    let readings = amount["slots"]["readings"].as_array().expect("readings");
    let texts: Vec<&Value> = readings
        .iter()
        .map(|r| &r["slots"]["amount"]["text"])
        .collect();
    assert_eq!(texts, ["12.50", "1250.00"], "{out}");
    let out = json(&opora(
        home.path(),
        &["voice", "parse", "confirm", "--lang", "en"],
    ));
    for screen in out["screens"].as_array().expect("screens") {
        assert_eq!(screen["rejected"], "key-only", "{out}");
    }
}

#[test]
fn check_loads_the_model_and_recognises_a_recording() {
    let model = common::voice::korean_model();
    let home = tempfile::tempdir().expect("temp dir");
    let wav = common::voice::korean_commands(home.path(), "check", &["삼"]);
    let out = opora(
        home.path(),
        &[
            "voice",
            "check",
            "--voice-model",
            &model.to_string_lossy(),
            "--voice-input",
            &wav.to_string_lossy(),
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(text.contains("язык ko, 16000 Гц, загружена за"), "{text}");
    assert!(
        text.contains("Модель знает 18 из 18 слов главного экрана"),
        "{text}"
    );
    assert!(text.contains("Услышано: «삼»"), "{text}");
    // The figure is reported; how fast it is belongs to `cargo bench --bench voice`, not to a
    // test that a busy machine would fail.
    let factor: f64 = text
        .split("коэффициент реального времени ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|figure| figure.parse().ok())
        .unwrap_or_else(|| panic!("no real-time factor in: {text}"));
    assert!(factor > 0.0, "{text}");
    assert!(
        text.contains("Уверенность в каждом слове: 삼 0.50"),
        "{text}"
    );
    assert!(text.contains("это значит: did-you-say choose 3"), "{text}");
    assert!(text.contains("Голос работает."), "{text}");
}

#[test]
fn check_without_a_model_says_why_in_one_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    let missing = home.path().join("no-model");
    let out = opora(
        home.path(),
        &[
            "--lang",
            "en",
            "voice",
            "check",
            "--voice-model",
            &missing.to_string_lossy(),
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("Voice commands are off: there is no speech model for \"en\""),
        "{text}"
    );
    assert!(text.contains("models/README.md"), "{text}");
}

#[test]
fn check_of_a_file_that_is_not_audio_says_so() {
    let model = common::voice::korean_model();
    let home = tempfile::tempdir().expect("temp dir");
    let bad = home.path().join("notes.wav");
    std::fs::write(&bad, "not audio").expect("write");
    let out = opora(
        home.path(),
        &[
            "voice",
            "check",
            "--voice-model",
            &model.to_string_lossy(),
            "--voice-input",
            &bad.to_string_lossy(),
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(text.contains("Голосовые команды выключены: файл"), "{text}");
    assert!(text.contains("не читается как WAV"), "{text}");
}

/// Runs the kiosk in plain mode with `input` on stdin.
fn plain(home: &std::path::Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(common::binary())
        .env("OPORA_HOME", home)
        .env("OPORA_TODAY", "2026-11-25")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("OPORA_LOCALES")
        .env_remove("OPORA_VOICE_MODEL")
        .arg("--plain")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn opora");
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("wait for opora")
}

/// The whole kiosk driven by a WAV command file: each «слушай» (or a line of spaces, Space
/// then Enter) listens to the next utterance, what was heard is printed, the screen changes.
#[test]
fn plain_mode_is_driven_by_a_wav_command_file() {
    let model = common::voice::korean_model();
    let home = tempfile::tempdir().expect("temp dir");
    let wav = common::voice::korean_commands(home.path(), "session", &["사", "이", "이"]);
    let out = plain(
        home.path(),
        &[
            "--voice-model",
            &model.to_string_lossy(),
            "--voice-input",
            &wav.to_string_lossy(),
        ],
        " \nслушай\nслушай\nслушай\n",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    // Home, then «사» (4): blocking the card, which asks first; «이» (2): «Нет», home again;
    // «이» (2): sending money.
    let marks: Vec<usize> = [
        "Слушаю… Говорите.",
        "Заблокировать карту?",
        "Я услышал: «사»",
        "Мария Ивановна, что вы хотите сделать?",
        "Я услышал: «이»",
        "Кому перевести?",
        "Я услышал: «이»",
        "Голосовые команды: Я ничего не услышал.",
    ]
    .iter()
    .scan(0, |from, mark| {
        let at = text[*from..].find(mark).map(|i| i + *from);
        if let Some(at) = at {
            *from = at + mark.len();
        }
        Some(at)
    })
    .map(|at| at.unwrap_or_else(|| panic!("out of order or missing in:\n{text}")))
    .collect();
    assert_eq!(marks.len(), 8);
}

#[test]
fn without_a_model_voice_is_off_and_says_why_only_when_asked() {
    let home = tempfile::tempdir().expect("temp dir");
    let missing = home.path().join("nowhere");
    let missing = missing.to_string_lossy();
    // By default nothing is said until the client tries.
    let out = plain(home.path(), &["--voice-model", &missing], "1\nслушай\n");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    let first_screen = text.split(" > ").next().unwrap_or_default();
    assert!(!first_screen.contains("Голос"), "{first_screen}");
    assert!(
        text.contains("25\u{a0}430,50 ₽"),
        "everything else works: {text}"
    );
    assert!(
        text.contains("Внимание: Голосовые команды выключены: нет модели распознавания"),
        "{text}"
    );
    // With --voice on, the first screen says it.
    let out = plain(
        home.path(),
        &["--voice", "on", "--voice-model", &missing, "--lang", "en"],
        "",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Attention: Voice commands are off: there is no speech model for \"en\""),
        "{text}"
    );
    // With --voice off, it stays off, and says so.
    let out = plain(home.path(), &["--voice", "off"], " \n");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Голосовые команды выключены: Opora запущена с --voice off."),
        "{text}"
    );
}

/// Without libvosk the kiosk starts as ever; voice is off, and says why when asked.
#[test]
fn without_the_library_everything_else_works() {
    let model = common::voice::korean_model();
    let home = tempfile::tempdir().expect("temp dir");
    let wav = common::voice::korean_commands(home.path(), "nolib", &["사"]);
    let missing = home.path().join("libvosk.so");
    let out = Command::new(common::binary())
        .env("OPORA_HOME", home.path())
        .env("OPORA_VOSK_LIB", &missing)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .args(["--plain", "--voice-model"])
        .arg(&model)
        .arg("--voice-input")
        .arg(&wav)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all("слушай\n1\n".as_bytes());
            }
            child.wait_with_output()
        })
        .expect("run opora");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        text.contains("Внимание: Голосовые команды выключены: не найдена библиотека распознавания речи libvosk"),
        "{text}"
    );
    assert!(text.contains("25\u{a0}430,50 ₽"), "{text}");
    let out = opora(
        home.path(),
        &["voice", "check", "--voice-model", &model.to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(1));
}

/// With a model but no `--voice-input`, Opora opens the microphone. The sound system's own
/// messages («ALSA lib …») never reach the person: with a microphone that cannot be opened,
/// voice is off with one sentence; with one that records silence, it listens and says it heard
/// nothing. Each microphone is set by an ALSA configuration of the test's own, so the outcome
/// does not depend on the machine's sound cards.
#[test]
fn the_microphone_is_tried_and_alsa_stays_off_the_screen() {
    use common::sound::{Microphone, alsa_config};
    let model = common::voice::korean_model();
    let home = tempfile::tempdir().expect("temp dir");
    let run = |microphone| {
        use std::io::Write;
        let mut child = Command::new(common::binary())
            .env("OPORA_HOME", home.path())
            .env("OPORA_TODAY", "2026-11-25")
            .env("ALSA_CONFIG_PATH", alsa_config(home.path(), microphone))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env_remove("OPORA_LOCALES")
            .env_remove("OPORA_VOICE_MODEL")
            .args(["--plain", "--voice-model", &model.to_string_lossy()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn opora");
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all("слушай\n".as_bytes());
        let out = child.wait_with_output().expect("wait for opora");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let errors = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{microphone:?}: {out:?}");
        assert!(
            !text.contains("ALSA") && !errors.contains("ALSA"),
            "{microphone:?}: {out:?}"
        );
        text
    };

    let text = run(Microphone::Missing);
    assert!(
        text.contains("Голосовые команды выключены: микрофон не открылся"),
        "{text}"
    );
    assert!(!text.contains("Слушаю…"), "{text}");

    let text = run(Microphone::Silent);
    assert!(text.contains("Слушаю… Говорите."), "{text}");
    assert!(
        text.contains("Голосовые команды: Я ничего не услышал."),
        "{text}"
    );
    assert!(!text.contains("микрофон не открылся"), "{text}");
}

#[test]
fn doctor_reports_voice_commands_ready_or_why_not() {
    let home = tempfile::tempdir().expect("temp dir");
    let model = common::voice::korean_model();
    let wav = common::voice::korean_commands(home.path(), "doctor", &["삼"]);
    let out = opora(
        home.path(),
        &[
            "doctor",
            "--voice-model",
            &model.to_string_lossy(),
            "--voice-input",
            &wav.to_string_lossy(),
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        text.contains(&format!(
            "Голосовые команды: готовы (модель {}, язык ko",
            model.display()
        )),
        "{text}"
    );
    let missing = home.path().join("nowhere");
    let out = opora(
        home.path(),
        &[
            "doctor",
            "--lang",
            "en",
            "--voice-model",
            &missing.to_string_lossy(),
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("Voice commands: off — "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!line.contains("are off:"), "said once: {line}");
}

/// The pause that ends an utterance is a setting: a phrase with about 0.6 s between its words
/// (0.3 s added to espeak-ng's own) is cut after the first word with a 300 ms pause, and heard
/// whole with the default.
#[test]
fn the_endpoint_pause_is_a_setting() {
    let model = common::voice::korean_model();
    let home = tempfile::tempdir().expect("temp dir");
    let wav = common::voice::korean_phrase(
        home.path(),
        "pause",
        &["삼", "사"],
        std::time::Duration::from_millis(300),
    );
    let check = |pause: Option<&str>| {
        let model = model.to_string_lossy();
        let wav = wav.to_string_lossy();
        let mut args = vec![
            "voice",
            "check",
            "--voice-model",
            &model,
            "--voice-input",
            &wav,
        ];
        if let Some(pause) = pause {
            args.extend(["--voice-pause", pause]);
        }
        let out = opora(home.path(), &args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The seconds of audio the first utterance took: «— 1.02 с звука».
    let seconds = |text: &str| -> f64 {
        text.split("с звука")
            .next()
            .and_then(|head| head.rsplit("— ").next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no length in {text}"))
    };
    let short = check(Some("300"));
    assert!(short.contains("из них 300 мс — пауза"), "{short}");
    let default = check(None);
    assert!(default.contains("из них 1100 мс — пауза"), "{default}");
    // The first word alone, then the whole phrase: at least the second word and the rest of
    // the pause longer.
    assert!(
        seconds(&short) + 0.7 < seconds(&default),
        "{short}\n{default}"
    );
    // Outside 300–3000 ms the flag is refused with a sentence, and nothing runs.
    let out = opora(
        home.path(),
        &["--voice-pause", "100", "voice", "parse", "баланс"],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--voice-pause"),
        "{out:?}"
    );
}
