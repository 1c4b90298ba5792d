//! What the voice tests need from the machine — libvosk, the Korean model and espeak-ng, all
//! put there by the test command's set-up (`scripts/setup.sh test`) — and speech made with
//! espeak-ng. A missing piece fails the test with the sentence to fix it, never skips it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Korean model the set-up fetches.
pub fn korean_model() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join("ko");
    assert!(
        opora::listen::model::is_model(&dir),
        "the Korean speech model is missing from {}: run scripts/setup.sh test",
        dir.display()
    );
    assert!(
        Path::new(opora::listen::vosk::SETUP_PATH).is_file(),
        "libvosk is missing from {}: run scripts/setup.sh test",
        opora::listen::vosk::SETUP_PATH
    );
    dir
}

/// Speaks each word with espeak-ng's Korean voice and joins them into one WAV file: half a
/// second of silence, then each word followed by a second and a half of silence. The words
/// come out at espeak-ng's own rate (22 050 Hz), so the pipeline resamples as it would a
/// microphone.
pub fn korean_commands(dir: &Path, name: &str, words: &[&str]) -> PathBuf {
    let mut samples: Vec<i16> = Vec::new();
    let mut rate = 0;
    for (i, word) in words.iter().enumerate() {
        let part = dir.join(format!("{name}-{i}.wav"));
        let status = Command::new("espeak-ng")
            .args(["-v", "ko", "-w"])
            .arg(&part)
            .arg(word)
            .status()
            .unwrap_or_else(|e| panic!("espeak-ng could not run ({e}): run scripts/setup.sh test"));
        assert!(status.success(), "espeak-ng -v ko failed for «{word}»");
        let mut reader = hound::WavReader::open(&part).expect("espeak-ng's WAV");
        rate = reader.spec().sample_rate;
        if i == 0 {
            samples.extend(std::iter::repeat_n(0, rate as usize / 2));
        }
        samples.extend(reader.samples::<i16>().map(|s| s.expect("sample")));
        samples.extend(std::iter::repeat_n(0, rate as usize * 3 / 2));
    }
    let path = dir.join(format!("{name}.wav"));
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(&path, spec).expect("create WAV");
    for s in samples {
        writer.write_sample(s).expect("write sample");
    }
    writer.finalize().expect("finish WAV");
    path
}

/// Drives a fresh session to a screen named as in the phrase tables (`tests/voice_phrases`,
/// `tests/voice_heldout`): `home`, `amount` (a transfer to the daughter), `say` (the voice
/// lesson's first say-it step)…
pub fn session_at(screen: &str, lang: opora_core::i18n::Lang) -> super::Session {
    let mut s = super::Session::new(lang);
    match screen {
        "home" => {}
        "balance" => {
            s.press(1);
        }
        "send-who" => {
            s.press(2);
        }
        "amount" => {
            s.press(2).press(1);
        }
        "phone" => {
            s.press(2).press(4);
        }
        "check" => {
            s.up_to_check();
        }
        "code" => {
            s.up_to_check().press(1);
        }
        "done" => {
            s.up_to_check().press(1);
            let code = s.code();
            s.enter(&code);
        }
        "own-direction" => {
            s.press(2).press(5);
        }
        "pay-what" => {
            s.press(3);
        }
        "bill-amount" => {
            s.press(3).press(1);
        }
        "topup-whose" => {
            s.press(3).press(5);
        }
        "history" => {
            s.press(1).press(2);
        }
        "help" => {
            s.press(6);
        }
        "block-confirm" => {
            s.press(4);
        }
        "lessons" => {
            s.press(5);
        }
        "lesson" => {
            s.press(5).press(1);
        }
        "say" => {
            // The voice lesson is on the second page of the list; its first say-it step
            // follows the introduction.
            s.press(5);
            let more = s.model().choices.len() as u8;
            s.press(more);
            let title = s.i18n.t("l-voice-title");
            let n = s
                .model()
                .choices
                .iter()
                .find(|c| c.label == title)
                .map(|c| c.key)
                .expect("the voice lesson in the list");
            s.press(n).press(1);
        }
        // The questions voice asks: an amount heard two ways on the amount screen, and a
        // doubtful «баланс» / "balance" on the home screen.
        "which-amount" => {
            s.app.set_voice(opora_core::kiosk::state::VoiceState::Ready);
            s.press(2).press(1);
            let phrase = match lang {
                opora_core::i18n::Lang::Ru => "двенадцать пятьдесят",
                opora_core::i18n::Lang::En => "twelve fifty",
            };
            hear(&mut s, phrase, None);
        }
        "did-you-say" => {
            s.app.set_voice(opora_core::kiosk::state::VoiceState::Ready);
            let unsure = opora_core::voice::meaning::Intent::DidYouSay(Box::new(
                opora_core::voice::meaning::Intent::Choose(1),
            ));
            hear(&mut s, "баланс", Some(Ok(unsure)));
        }
        other => panic!("no such screen in the tables: {other}"),
    }
    s
}

/// Hands the core a phrase as the voice edge would: with its meaning on the current screen,
/// or the meaning given.
pub fn hear(
    s: &mut super::Session,
    text: &str,
    meaning: Option<opora_core::voice::meaning::Meaning>,
) {
    use opora_core::voice::meaning::{Heard, VoiceMsg};
    let voice = opora_core::voice::VoiceLang::of(s.i18n.lang());
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, voice);
    let heard = Heard {
        screen: context.screen,
        text: text.to_string(),
        meaning: meaning.unwrap_or_else(|| opora_core::voice::parse(text, &context)),
    };
    opora::edge::drive(
        &mut s.app,
        &mut s.edge,
        opora_core::kiosk::Msg::Voice(VoiceMsg::Heard(Some(heard))),
    );
}

/// The screen id a table's screen name stands for.
pub fn expected_id(screen: &str) -> &str {
    match screen {
        "amount" => "amount-entry",
        "phone" => "phone-entry",
        "say" => "lesson",
        "which-amount" => "voice-which-amount",
        "did-you-say" => "voice-did-you-say",
        other => other,
    }
}

/// The voice context of a table's screen, in a voice language (the screens in Russian for
/// Russian and Korean, in English for English).
pub fn context_at(screen: &str, lang: opora_core::voice::VoiceLang) -> opora_core::voice::Context {
    let ui = match lang {
        opora_core::voice::VoiceLang::En => opora_core::i18n::Lang::En,
        _ => opora_core::i18n::Lang::Ru,
    };
    let s = session_at(screen, ui);
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, lang);
    assert_eq!(context.screen, expected_id(screen), "reaching {screen}");
    context
}

/// One row of a phrase table: the screen it is said on, the line number, the phrase and the
/// meaning wanted.
pub struct Row {
    pub screen: String,
    pub line: usize,
    pub phrase: String,
    pub want: String,
}

/// The rows of a phrase table (`[screen]` headers, `phrase => meaning` lines, `#` comments).
pub fn table_rows(text: &str) -> Vec<Row> {
    let mut screen = String::new();
    let mut rows = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            screen = name.to_string();
            continue;
        }
        let (phrase, want) = line
            .split_once("=>")
            .unwrap_or_else(|| panic!("line {}: no `=>` in «{line}»", number + 1));
        assert!(
            !screen.is_empty(),
            "line {}: no [screen] before it",
            number + 1
        );
        rows.push(Row {
            screen: screen.clone(),
            line: number + 1,
            phrase: phrase.trim().to_string(),
            want: want.trim().to_string(),
        });
    }
    rows
}

/// Speaks `words` with espeak-ng's Korean voice as one phrase with `gap` of quiet added between
/// the words (to the little quiet espeak-ng leaves around each), half a second before it and
/// three seconds after.
pub fn korean_phrase(dir: &Path, name: &str, words: &[&str], gap: std::time::Duration) -> PathBuf {
    let mut samples: Vec<i16> = Vec::new();
    let mut rate = 0;
    for (i, word) in words.iter().enumerate() {
        let part = dir.join(format!("{name}-{i}.wav"));
        let status = Command::new("espeak-ng")
            .args(["-v", "ko", "-w"])
            .arg(&part)
            .arg(word)
            .status()
            .unwrap_or_else(|e| panic!("espeak-ng could not run ({e}): run scripts/setup.sh test"));
        assert!(status.success(), "espeak-ng -v ko failed for «{word}»");
        let mut reader = hound::WavReader::open(&part).expect("espeak-ng's WAV");
        rate = reader.spec().sample_rate;
        let quiet = |seconds: f64| std::iter::repeat_n(0i16, (f64::from(rate) * seconds) as usize);
        samples.extend(quiet(if i == 0 { 0.5 } else { gap.as_secs_f64() }));
        samples.extend(reader.samples::<i16>().map(|s| s.expect("sample")));
    }
    samples.extend(std::iter::repeat_n(0i16, rate as usize * 3));
    let path = dir.join(format!("{name}.wav"));
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(&path, spec).expect("create WAV");
    for s in samples {
        writer.write_sample(s).expect("write sample");
    }
    writer.finalize().expect("finish WAV");
    path
}
