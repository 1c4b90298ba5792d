//! The real pipeline on a real model, as the kiosk runs it: Korean words spoken by espeak-ng
//! into a WAV command file, read by the same `WavListener`, resampled, decoded by libvosk with
//! the Korean grammar of the real screen, and read by the same intent parser. The set-up of the
//! test command fetches libvosk and the Korean model; without them this fails, it never skips.
//!
//! espeak-ng's Korean is rough: with a screen's full grammar some words come out as others
//! (확인, 처음, 빨리, 천천히 do), so each screen is tested with the words the model hears from
//! it reliably — checked across several dither seeds, since Kaldi dithers the audio. Decoding
//! is reseeded for every utterance, so a recording always gives the same words.

mod common;

use common::Session;
use opora::listen::engine::{VoiceConfig, prepare};
use opora_core::i18n::Lang;
use opora_core::voice::VoiceLang;
use opora_core::voice::meaning::{Intent, Meaning, Rejection, VoiceCommand};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

/// One recognition at a time: Kaldi's dither draws on the C library's one random generator,
/// which two decoders running at once would share (the kiosk only ever runs one).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Speaks `words` into a command file and hears them one by one on the screen of `session`.
fn hear_all(session: &Session, name: &str, words: &[&str], want: &[Meaning]) {
    hear_as(session, name, words, words, want);
}

/// Speaks `words` and hears each as the words `heard`, with the meaning `want`.
fn hear_as(session: &Session, name: &str, words: &[&str], heard_as: &[&str], want: &[Meaning]) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let model = common::voice::korean_model();
    let dir = tempfile::tempdir().expect("temp dir");
    let wav = common::voice::korean_commands(dir.path(), name, words);
    let context = opora_core::kiosk::listen::context(&session.app, &session.i18n, VoiceLang::Ko);
    let config = VoiceConfig {
        model: Some(model),
        input: Some(wav),
        ..VoiceConfig::default()
    };
    let prepared = prepare(&config).expect("voice prepared");
    assert_eq!(
        prepared.dir.lang,
        VoiceLang::Ko,
        "the language from models/ko"
    );
    assert_eq!(prepared.dir.rate, 16_000);
    let mut engine = prepared.load().expect("model loaded");
    let stop = AtomicBool::new(false);
    for ((word, meaning), heard_as) in words.iter().zip(want).zip(heard_as) {
        let (heard, hearing) = engine.hear(&context, &stop).expect("hear");
        let heard = heard.unwrap_or_else(|| panic!("nothing heard for «{word}»"));
        println!(
            "{name}: «{word}» heard as «{}» {:?} from {:.2} s of audio, real-time factor {:.3}, \
             {:.1} ms from the end of the audio to the meaning",
            heard.text,
            hearing.words,
            hearing.utterance.seconds,
            hearing.real_time_factor(),
            hearing.after_end.as_secs_f64() * 1000.0
        );
        assert_eq!(heard.text, *heard_as);
        assert_eq!(heard.screen, context.screen);
        assert_eq!(&heard.meaning, meaning, "«{word}»");
    }
    let (rest, _) = engine.hear(&context, &stop).expect("the end");
    assert_eq!(rest, None, "nothing after the last word");
}

#[test]
fn korean_numbers_choose_on_the_home_screen() {
    let session = Session::new(Lang::Ru);
    hear_all(
        &session,
        "home",
        &["삼", "사", "오", "이", "아니요"],
        &[
            // This «삼» comes out at a confidence of 0.5: the kiosk asks before acting.
            Ok(Intent::DidYouSay(Box::new(Intent::Choose(3)))),
            Ok(Intent::Choose(4)),
            Ok(Intent::Choose(5)),
            Ok(Intent::Choose(2)),
            // A decoy: heard, and means nothing.
            Err(Rejection::NotUnderstood),
        ],
    );
}

#[test]
fn on_the_code_screen_only_commands_are_heard() {
    let mut session = Session::new(Lang::Ru);
    session.up_to_check().press(1);
    assert_eq!(session.model().id, "code");
    hear_all(
        &session,
        "code",
        &["취소", "뒤로", "도움말", "네"],
        &[
            Ok(Intent::Command(VoiceCommand::Cancel)),
            Ok(Intent::Command(VoiceCommand::Back)),
            Ok(Intent::Command(VoiceCommand::Help)),
            Err(Rejection::NotUnderstood),
        ],
    );
}

/// Speech outside the grammar is forced onto some word of it, with a low confidence: the kiosk
/// asks «Вы сказали «…»?» (or finds no meaning) rather than acting on it.
#[test]
fn speech_outside_the_grammar_is_asked_about_not_acted_on() {
    let session = Session::new(Lang::Ru);
    hear_as(
        &session,
        "outside",
        &["커피", "바나나"],
        &["이", "번 아니요"],
        &[
            // «coffee» heard as «two» at a confidence of 0.5.
            Ok(Intent::DidYouSay(Box::new(Intent::Choose(2)))),
            // «banana» heard as a decoy.
            Err(Rejection::NotUnderstood),
        ],
    );
}
