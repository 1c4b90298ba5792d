//! The fuzz targets: one per parser that takes outside input (see `fuzz.rs`).

use super::{fuzz, has_controls, text};
use opora::store::journal::Journal;
use opora::store::journal::ndjson::parse_numbered;
use opora_core::i18n::{I18n, Lang, LocaleFiles, LocaleProblem};
use std::path::{Path, PathBuf};

/// The clock journal imports are checked against (the corpus's events are from early
/// December 2026).
fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(1_796_300_000_000).expect("valid")
}

#[test]
fn journal_ndjson() {
    let dict = [
        "{\"format\":\"opora-journal\",\"version\":1}\n",
        "\"payload\":",
        "\"type\":\"session_started\"",
        "\"type\":\"feedback\"",
        "\"csat\":",
        "\"client\":",
        "\"staff\":",
        "\"site\":",
        "\"at\":",
        "\"id\":\"019ab2f0-8a00-7000-8000-000000000001\"",
        "\"session\":\"019ab2f0-8a00-7000-8000-000000000001\"",
        "null",
        "true",
        "8210298326400000",
    ];
    fuzz("journal_ndjson", Vec::new(), &dict, 64 * 1024, |bytes| {
        let mut journal = Journal::open_in_memory().expect("journal");
        let parsed = parse_numbered(bytes);
        let imported = journal.import_at(bytes, now());
        if parsed.is_err() {
            assert!(imported.is_err(), "a file that does not parse was imported");
        }
        if let Ok(summary) = imported {
            let events = journal.events().expect("events");
            assert_eq!(events.len(), summary.added);
            for event in &events {
                assert_eq!(
                    opora_core::journal::validate::check(event, now()),
                    Ok(()),
                    "an imported event the gate refuses: {event:?}"
                );
            }
            // Importing the same file again changes nothing.
            let again = journal.import_at(bytes, now()).expect("same file again");
            assert_eq!(again.added, 0);
        }
    });
}

#[test]
fn lesson_toml() {
    let ru = I18n::embedded(Lang::Ru);
    let en = I18n::embedded(Lang::En);
    let seeds: Vec<Vec<u8>> = opora_core::lessons::shipped_files()
        .into_iter()
        .filter_map(|(_, text)| text.ok().map(String::into_bytes))
        .collect();
    let dict = [
        "id = ",
        "[[step]]\n",
        "kind = \"do\"\n",
        "kind = \"quiz\"\n",
        "goal = { operation = \"send\", payee = \"grandson\", amount = \"300\" }\n",
        "drill = \"payee-mismatch\"\n",
        "answers = [{ text = \"x\", safe = true, why = \"y\" }]\n",
        "variant = \"a\"\n",
        "variants = [\"a\", \"b\"]\n",
        "audience = \"staff\"\n",
    ];
    fuzz("lesson_toml", seeds, &dict, 32 * 1024, |bytes| {
        let files = vec![(PathBuf::from("trainer/x.toml"), Ok(text(bytes)))];
        let catalog = opora_core::lessons::check_files(&[&ru, &en], files);
        for lesson in &catalog.lessons {
            assert!(
                opora_core::journal::validate::text(
                    &lesson.id,
                    opora_core::journal::validate::TextRule::Key
                )
                .is_ok(),
                "a lesson id outside [a-z0-9-] passed: {:?}",
                lesson.id
            );
        }
        for problem in &catalog.problems {
            for i18n in [&ru, &en] {
                let sentence = opora_core::lessons::problem_sentence(problem, i18n);
                assert!(!has_controls(&sentence, false), "{sentence:?}");
            }
        }
    });
}

/// A bank's locale folder whose `opora.ftl` is the fuzzed text.
struct Folder(String);

impl LocaleFiles for Folder {
    fn read(&self, lang: Lang, name: &str) -> Result<(PathBuf, String), LocaleProblem> {
        let path = Path::new("bank").join(lang.code()).join(name);
        if name == "opora.ftl" {
            Ok((path, self.0.clone()))
        } else {
            Err(LocaleProblem::Missing { path })
        }
    }
}

#[test]
fn locale_ftl() {
    let seeds: Vec<Vec<u8>> = opora_core::i18n::embedded_sources(Lang::Ru)
        .chain(opora_core::i18n::embedded_sources(Lang::En))
        .filter(|(name, _)| *name == "opora.ftl")
        .map(|(_, text)| text.as_bytes().to_vec())
        .collect();
    let dict = [
        "home-title = ",
        "money = { $amount } ₽\n",
        "-term = x\n",
        "{ -term }",
        "{ $amount }",
        "{ NUMBER($n) }",
        "[one] x\n *[other] y\n",
        "\n    .attr = x\n",
    ];
    let ids = [
        "home-title",
        "money",
        "choice-home",
        "error-wrong-code",
        "code-label",
    ];
    fuzz("locale_ftl", seeds, &dict, 64 * 1024, |bytes| {
        // One language per input (by length), so twice the inputs in the same time.
        let lang = Lang::ALL[bytes.len() % 2];
        {
            let i18n = I18n::with_files(lang, &Folder(text(bytes)));
            for id in ids {
                let shown = i18n.t(id);
                assert!(!shown.contains('⟨'), "{id} fell through: {shown}");
            }
            let _ = i18n.money(opora_core::money::Money::from_kopecks(2_543_050));
            for sentence in i18n.problem_sentences() {
                assert!(!has_controls(&sentence, false), "{sentence:?}");
            }
        }
    });
}

/// Quoted values in a configuration text (what might be the key).
fn quoted_values(text: &str) -> Vec<String> {
    text.split(['"', '\''])
        .skip(1)
        .step_by(2)
        .filter(|v| v.chars().count() >= 8)
        .map(str::to_string)
        .collect()
}

#[test]
fn config_toml() {
    let dict = [
        "bank_key = ",
        "device_id = ",
        "[speech]\n",
        "mode = \"wav\"\n",
        "rate = 130\n",
        "wav = \"/tmp/x.wav\"\n",
        "\"s3cr3t-value-zzz\"",
        "123456789012345678",
    ];
    fuzz("config_toml", Vec::new(), &dict, 8 * 1024, |bytes| {
        let input = text(bytes);
        match opora::config::Config::parse(&input) {
            Ok(config) => {
                let _ = config.journal_settings(Path::new("config.toml"));
            }
            Err(reason) => {
                assert!(!has_controls(&reason, false), "{reason:?}");
                for value in quoted_values(&input) {
                    let names = ["bank_key", "device_id", "speech", "mode", "rate", "wav"];
                    if !names.contains(&value.as_str()) {
                        assert!(!reason.contains(&value), "{reason:?} repeats {value:?}");
                    }
                }
            }
        }
    });
}

#[test]
fn amount_phone() {
    use opora_core::journal::validate::{TextRule, text as check_text};
    fuzz("amount_phone", Vec::new(), &[], 512, |bytes| {
        let input = text(bytes);
        for line in input.lines() {
            if let Ok(amount) = opora_core::money::parse_amount(line) {
                assert!(amount.kopecks() > 0, "{line:?} → {amount:?}");
            }
            if let Ok(phone) = opora_core::phone::PhoneNumber::parse(line) {
                assert_eq!(
                    opora_core::phone::PhoneNumber::parse(&phone.pretty()),
                    Ok(phone)
                );
            }
            let _ = opora_core::journal::ClientRef::bank_id(line);
            let _ = opora_core::journal::ClientRef::phone(line);
            for has_field in [false, true] {
                let _ = opora::plain::command::parse_command(line, has_field);
            }
            for rule in [
                TextRule::Label,
                TextRule::Code,
                TextRule::Key,
                TextRule::Device,
            ] {
                if check_text(line, rule).is_ok() {
                    assert!(!has_controls(line, false), "{line:?} passed {rule:?}");
                }
            }
            let echo = opora::plain::safe_io::echo(line);
            assert!(!has_controls(&echo, false), "{echo:?}");
            assert!(echo.chars().count() <= opora::plain::safe_io::ECHO_MAX);
            let cell = opora_core::safe_text::csv_cell(line);
            assert!(!has_controls(&cell, false), "{cell:?}");
        }
    });
}

#[test]
fn voice_phrases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/voice_phrases");
    let seeds: Vec<Vec<u8>> = ["ru.txt", "en.txt"]
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(root.join(f))
                .expect("phrases")
                .lines()
                .filter_map(|l| l.split("=>").next())
                .map(|p| p.trim().as_bytes().to_vec())
                .filter(|p| !p.is_empty() && !p.starts_with(b"#"))
                .collect::<Vec<_>>()
        })
        .collect();
    let dict = [
        "перевести ",
        "тысячу ",
        "двести ",
        "пятьдесят ",
        "рублей ",
        "дочке",
        "send ",
        "twelve fifty ",
        "to my grandson",
        "девятьсот двенадцать ",
    ];
    let contexts: Vec<_> = Lang::ALL
        .iter()
        .map(|&lang| {
            let i18n = I18n::embedded(lang);
            let contexts = opora::cmd::voice::parse::sample_contexts(
                &i18n,
                opora_core::voice::VoiceLang::of(lang),
            )
            .expect("sample screens");
            (i18n, contexts)
        })
        .collect();
    fuzz("voice_phrases", seeds, &dict, 400, |bytes| {
        let phrase = text(bytes);
        for (i18n, screens) in &contexts {
            for context in screens {
                let _ = opora_core::voice::parse(&phrase, context);
            }
            let _ = opora::cmd::voice::parse::report(&phrase, screens, i18n);
        }
    });
}

#[test]
fn plain_input() {
    let dict = [
        "1\n",
        "2\n",
        "3\n",
        "4\n",
        "5\n",
        "6\n",
        "0\n",
        "назад\n",
        "?\n",
        "r\n",
        "+\n",
        "300\n",
        "1500,50\n",
        "8 905 700-11-22\n",
        "quit\n",
    ];
    let i18n = I18n::embedded(Lang::Ru);
    let lessons = opora::lesson_files::for_language(&i18n, None).lessons;
    fuzz("plain_input", Vec::new(), &dict, 16 * 1024, |bytes| {
        let store = opora::store::bank::SandboxStore::open_in_memory_with_clock(
            opora::store::bank::Clock::Fixed(super::common::today()),
        )
        .expect("in-memory bank");
        let mut edge = opora::edge::BankEdge::new(store);
        let (mut app, start) = opora_core::kiosk::App::new("fuzz");
        app.set_lessons(lessons.clone());
        let mut out = Vec::new();
        let face = opora::plain::PlainFace {
            i18n: &i18n,
            speech: opora::speech::policy::SpeechPolicy::silent(i18n.lang()),
            voice: None,
        };
        opora::plain::run(&mut app, &mut edge, start, face, bytes, &mut out)
            .expect("plain mode runs to the end of its input");
        let shown = String::from_utf8(out).expect("plain mode prints UTF-8");
        assert!(
            !has_controls(&shown, true),
            "a control character reached the screen"
        );
    });
}
