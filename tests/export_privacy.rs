//! No export — the NDJSON journal, XES or the flat CSV — ever holds what staff typed to name a
//! client (a phone number in any spelling, a bank id), nor a name or phone from the practice
//! bank: only pseudonyms. Sessions are generated whose client references are phone numbers and
//! bank ids typed the ways staff type them, turned into pseudonyms as the assisted session does;
//! every export is searched for each reference in every normal form.

use opora::store::journal::Journal;
use opora::store::journal::sample::{Lcg, session};
use opora_core::journal::{BankKey, ClientRef, Payload};
use proptest::prelude::*;

/// A Russian mobile number written as staff might type it, and its ten national digits.
fn phone() -> impl Strategy<Value = (String, String)> {
    (900_000_000u64..1_000_000_000, 0usize..4).prop_map(|(n, style)| {
        let d = format!("{}", 9_000_000_000 + n % 1_000_000_000);
        let typed = match style {
            0 => format!("8 {} {}-{}-{}", &d[..3], &d[3..6], &d[6..8], &d[8..]),
            1 => format!("+7 ({}) {} {} {}", &d[..3], &d[3..6], &d[6..8], &d[8..]),
            2 => format!("8{d}"),
            _ => format!("+7{d}"),
        };
        (typed, d)
    })
}

/// A bank client id as staff might type it, and its normal form.
fn bank_id() -> impl Strategy<Value = (String, String)> {
    ("[A-Z]{2}", 100_000u32..100_000_000, any::<bool>()).prop_map(|(letters, n, dashed)| {
        let normal = format!("{letters}{n}");
        let typed = if dashed {
            format!("{}-{n}", letters.to_lowercase())
        } else {
            normal.clone()
        };
        (typed, normal)
    })
}

/// Everything that must never appear for a reference: what was typed and its normal forms.
fn forbidden(typed: &str, normal: &str, is_phone: bool) -> Vec<String> {
    let mut out = vec![typed.to_string(), normal.to_string()];
    if is_phone {
        out.extend([
            format!("+7{normal}"),
            format!("7{normal}"),
            format!("8{normal}"),
        ]);
    }
    out
}

/// The practice bank's people: its client's name and phone, the payees' and the directory's
/// names and phone numbers.
fn bank_people() -> Vec<String> {
    let demo = opora_core::bank::demo::DemoData::embedded().expect("demo data");
    let mut out = vec![demo.client.own_phone.clone()];
    out.extend([demo.client.name.ru.clone(), demo.client.name.en.clone()]);
    for payee in &demo.payees {
        out.extend([
            payee.phone.clone(),
            payee.name.ru.clone(),
            payee.name.en.clone(),
        ]);
    }
    for entry in &demo.directory {
        out.extend([
            entry.phone.clone(),
            entry.name.ru.clone(),
            entry.name.en.clone(),
        ]);
    }
    out.retain(|s| s.chars().count() >= 4);
    out
}

fn exports(journal: &Journal) -> Vec<(&'static str, String)> {
    let mut ndjson = Vec::new();
    journal.export(&mut ndjson).expect("ndjson");
    let mut xes = Vec::new();
    journal.export_xes(&mut xes).expect("xes");
    let mut csv = Vec::new();
    journal.export_csv(&mut csv).expect("csv");
    [("ndjson", ndjson), ("xes", xes), ("csv", csv)]
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8(bytes).expect("utf-8")))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn only_pseudonyms_leave_the_device(
        phones in prop::collection::vec(phone(), 1..4),
        ids in prop::collection::vec(bank_id(), 1..4),
        seed in any::<u64>(),
    ) {
        let key = BankKey::new("the bank's shared secret key, 2026").expect("a key");
        let mut refs: Vec<(String, String, bool, String)> = Vec::new();
        let mut shown: Vec<String> = Vec::new();
        for (typed, normal) in &phones {
            let pseudonym = ClientRef::phone(typed).expect("a phone").pseudonym(&key);
            refs.push((typed.clone(), normal.clone(), true, pseudonym));
        }
        for (typed, normal) in &ids {
            let pseudonym = ClientRef::bank_id(typed).expect("an id").pseudonym(&key);
            refs.push((typed.clone(), normal.clone(), false, pseudonym));
        }
        let mut rng = Lcg(seed);
        let mut journal = Journal::open_in_memory().expect("journal");
        for (i, (_, _, _, pseudonym)) in refs.iter().enumerate() {
            let start = 1_735_689_600_000 + i as i64 * 3_600_000;
            let mut events = session(&mut rng, &format!("s{i}"), start, 3);
            for event in &mut events {
                if let Payload::SessionStarted { client, .. } = &mut event.payload {
                    *client = Some(pseudonym.clone());
                    shown.push(pseudonym.clone());
                }
            }
            journal.append_all(&events).expect("appended");
        }
        let people = bank_people();
        for (format, text) in exports(&journal) {
            for (typed, normal, is_phone, _) in &refs {
                for bad in forbidden(typed, normal, *is_phone) {
                    prop_assert!(!text.contains(&bad), "{format} holds {bad}");
                }
            }
            // The assisted sessions' clients are there, as pseudonyms.
            for pseudonym in &shown {
                prop_assert!(text.contains(pseudonym.as_str()), "{format} lacks {pseudonym}");
            }
            for person in &people {
                prop_assert!(!text.contains(person.as_str()), "{format} holds {person}");
            }
        }
    }
}
