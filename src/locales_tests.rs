//! The locale files are part of the product: both languages define the same messages, every id
//! the code asks for exists, and money and dates read as people expect.

use super::*;
use fluent_syntax::ast::Entry;
use opora_core::bank::{AccountKind, BillKind, HistoryKind, Relation};
use opora_core::i18n::{embedded_sources, parse};
use opora_core::kiosk::screen::ALL_IDS;
use opora_core::money::Money;
use std::collections::BTreeSet;
use std::path::Path;

fn ids(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (name, text) in embedded_sources(lang) {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{lang:?}/{name}: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                assert!(
                    out.insert(message.id.name.to_string()),
                    "{lang:?}/{name}: duplicate id {}",
                    message.id.name
                );
            }
        }
    }
    out
}

#[test]
fn both_languages_define_the_same_messages() {
    let ru = ids(Lang::Ru);
    let en = ids(Lang::En);
    let only_ru: Vec<_> = ru.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ru).collect();
    assert!(
        only_ru.is_empty() && only_en.is_empty(),
        "only in ru: {only_ru:?}; only in en: {only_en:?}"
    );
}

/// Every string literal the code passes to `t(…)`, `tr!(…)` or `Label::Id(…)`.
fn ids_used_in_code() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src"), root.join("crates/opora-core/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("locales_tests.rs")
            {
                // Code only: examples in comments are not real uses.
                let text: String = std::fs::read_to_string(&path)
                    .unwrap_or_default()
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for marker in [
                    ".t(\"",
                    "tr!(i18n, \"",
                    "tr!(self, \"",
                    "Label::Id(\"",
                    "i18n.t(\"",
                ] {
                    for piece in text.split(marker).skip(1) {
                        if let Some(id) = piece.split('"').next()
                            && !id.is_empty()
                            && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                        {
                            found.insert(id.to_string());
                        }
                    }
                }
                // Multi-line `tr!(\n    i18n,\n    "id",`.
                for piece in text.split("tr!(").skip(1) {
                    // The id is the first argument after `i18n,`, before any call's parenthesis.
                    let head = piece.split(')').next().unwrap_or_default();
                    let mut parts = head.splitn(3, '"');
                    let (_, id) = (parts.next(), parts.next());
                    if let Some(id) = id
                        && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                        && !id.is_empty()
                    {
                        found.insert(id.to_string());
                    }
                }
            }
        }
    }
    found
}

/// Ids the code builds from a family name and a value.
fn ids_built_by_code() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for id in ALL_IDS.iter().chain(opora_core::kiosk::question::VOICE_IDS) {
        out.insert(format!("{id}-title"));
        out.insert(format!("help-{id}"));
    }
    for r in Relation::ALL {
        out.insert(format!("relation-{}", r.code()));
    }
    for b in BillKind::ALL {
        out.insert(format!("bill-kind-{}", b.code().replace('_', "-")));
    }
    for h in HistoryKind::ALL {
        out.insert(format!("history-kind-{}", h.code().replace('_', "-")));
    }
    for rejection in opora_core::voice::meaning::Rejection::all() {
        out.insert(format!("voice-reject-{}", rejection.code()));
    }
    for prefix in ["error-db", "journal-db"] {
        for kind in opora_core::store_error::StoreError::KINDS {
            out.insert(format!("{prefix}-{kind}"));
        }
    }
    let _ = AccountKind::ALL;
    out
}

#[test]
fn every_message_the_code_uses_exists() {
    let used = ids_used_in_code();
    let built = ids_built_by_code();
    assert!(used.len() > 100, "the scan found only {} ids", used.len());
    for lang in Lang::ALL {
        let defined = ids(lang);
        let missing: Vec<_> = used
            .iter()
            .chain(built.iter())
            .filter(|id| !defined.contains(*id))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn staff_hints_name_real_screens() {
    for lang in Lang::ALL {
        for id in ids(lang) {
            if let Some(screen) = id.strip_prefix("staff-")
                && screen != "line"
            {
                assert!(ALL_IDS.contains(&screen), "{id} names no screen");
            }
        }
    }
}

#[test]
fn money_reads_as_people_write_it() {
    let ru = I18n::embedded(Lang::Ru);
    let en = I18n::embedded(Lang::En);
    let m = Money::from_kopecks(2_543_050);
    assert_eq!(ru.money(m), "25\u{a0}430,50 ₽");
    assert_eq!(en.money(m), "₽25,430.50");
    assert_eq!(ru.money(Money::from_rubles(300)), "300 ₽");
    assert_eq!(ru.money(Money::from_kopecks(5)), "0,05 ₽");
    assert_eq!(
        ru.signed_money(-Money::from_kopecks(124_560)),
        "−1\u{a0}245,60 ₽"
    );
    assert_eq!(en.signed_money(Money::from_rubles(25_000)), "+₽25,000");
    assert_eq!(ru.number(100_000), "100\u{a0}000");
}

#[test]
fn dates_read_as_people_say_them() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date");
    assert_eq!(I18n::embedded(Lang::Ru).date(d), "25 ноября");
    assert_eq!(I18n::embedded(Lang::En).date(d), "November 25");
}

#[test]
fn russian_plurals_agree_with_the_number() {
    let ru = I18n::embedded(Lang::Ru);
    let cases = [
        (1, "1 цифра"),
        (2, "2 цифры"),
        (5, "5 цифр"),
        (11, "11 цифр"),
        (21, "21 цифра"),
        (22, "22 цифры"),
    ];
    for (n, expected) in cases {
        let text = opora_core::tr!(ru, "error-phone-length", digits = n);
        assert!(text.contains(expected), "{n}: {text}");
    }
}

#[test]
fn no_isolation_marks_in_output() {
    let ru = I18n::embedded(Lang::Ru);
    let text = opora_core::tr!(ru, "home-question", name = "Мария Ивановна");
    assert_eq!(text, "Мария Ивановна, что вы хотите сделать?");
}

#[test]
fn a_missing_locale_folder_falls_back_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let i18n = load(Lang::Ru, &LocaleSource::Dir(dir.path().to_owned()));
    assert_eq!(i18n.t("home-balance"), "Баланс");
    let sentences = i18n.problem_sentences();
    // One sentence, for the main file: the others (lessons, speech…) quietly use the built-in
    // copy, so a bank's folder made before a feature existed keeps working.
    assert_eq!(sentences.len(), 1, "{sentences:?}");
    assert!(embedded_sources(Lang::Ru).count() > 1);
    assert!(sentences[0].contains("opora.ftl"), "{sentences:?}");
    assert!(sentences[0].contains("встроенные"), "{sentences:?}");
}

#[test]
fn a_broken_locale_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ru = dir.path().join("ru");
    std::fs::create_dir_all(&ru).expect("mkdir");
    std::fs::write(
        ru.join("opora.ftl"),
        "home-balance = Деньги\nthis line has no equals sign\nok = 1\n",
    )
    .expect("write");
    std::fs::write(
        ru.join("speech.ftl"),
        include_str!("../locales/ru/speech.ftl"),
    )
    .expect("write");
    let i18n = load(Lang::Ru, &LocaleSource::Dir(dir.path().to_owned()));
    assert_eq!(
        i18n.t("home-balance"),
        "Баланс",
        "falls back to the built-in text"
    );
    match i18n.problems() {
        [LocaleProblem::Broken { line, .. }] => assert_eq!(*line, 2),
        other => panic!("{other:?}"),
    }
    assert!(i18n.problem_sentences()[0].contains("строка 2"));
}

#[test]
fn a_good_locale_folder_is_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let en = dir.path().join("en");
    std::fs::create_dir_all(&en).expect("mkdir");
    let text = include_str!("../locales/en/opora.ftl").replace("= Balance", "= My balance");
    std::fs::write(en.join("opora.ftl"), text).expect("write");
    std::fs::write(
        en.join("speech.ftl"),
        include_str!("../locales/en/speech.ftl"),
    )
    .expect("write");
    let i18n = load(Lang::En, &LocaleSource::Dir(dir.path().to_owned()));
    assert!(i18n.problems().is_empty());
    assert_eq!(i18n.t("home-balance"), "My balance");
}

#[test]
fn parse_reports_the_first_error_line() {
    let problem = parse(Path::new("x.ftl"), "a = 1\nb = 2\n-c\n".to_string());
    assert!(
        matches!(problem, Err(LocaleProblem::Broken { line: 3, .. })),
        "{problem:?}"
    );
}
