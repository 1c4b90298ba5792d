//! The held-out phrasings (`tests/voice_heldout/{ru,en}.txt`): how older clients actually ask,
//! written apart from the word tables and before the parser learnt them. Each phrase is read
//! on its real screen and sorted into understood, refused (a safe miss: the client says it
//! again or presses a key) and wrong — an amount other than the one said, or an action other
//! than the one asked for. Understood must be at least 98 % in each language; wrong, none.

mod common;

use opora_core::voice::meaning::Describe;
use opora_core::voice::{Context, VoiceLang, parse};

/// What became of one phrase.
#[derive(Debug, PartialEq)]
enum Outcome {
    Understood,
    /// Turned down where a meaning was wanted.
    Refused,
    /// A meaning with an amount other than the one said.
    WrongAmount,
    /// A meaning other than the one wanted (or any meaning where a refusal was).
    WrongAction,
}

/// The amounts a description names (`transfer daughter 500.00` → ["500.00"]).
fn amounts(description: &str) -> Vec<&str> {
    description
        .split([' ', '|'])
        .filter(|w| w.len() > 3 && w.as_bytes()[w.len() - 3] == b'.')
        .collect()
}

fn judge(want: &str, got: &str) -> Outcome {
    let refused = got.starts_with("reject");
    if want == "reject" {
        return if refused {
            Outcome::Understood
        } else if amounts(got).is_empty() {
            Outcome::WrongAction
        } else {
            Outcome::WrongAmount
        };
    }
    if got == want {
        Outcome::Understood
    } else if refused {
        Outcome::Refused
    } else if !amounts(got).is_empty() && amounts(got) != amounts(want) {
        Outcome::WrongAmount
    } else {
        Outcome::WrongAction
    }
}

/// Reads the whole set of one language; returns (rows, understood, lines that were not).
fn run(text: &str, lang: VoiceLang) -> (usize, usize, Vec<(Outcome, String)>) {
    let rows = common::voice::table_rows(text);
    let mut contexts: Vec<(String, Context)> = Vec::new();
    let mut misses = Vec::new();
    let mut understood = 0;
    for row in &rows {
        if !contexts.iter().any(|(name, _)| *name == row.screen) {
            let context = common::voice::context_at(&row.screen, lang);
            contexts.push((row.screen.clone(), context));
        }
        let context = contexts
            .iter()
            .find(|(name, _)| *name == row.screen)
            .map(|(_, c)| c)
            .expect("context just made");
        let got = Describe(&parse(&row.phrase, context)).to_string();
        match judge(&row.want, &got) {
            Outcome::Understood => understood += 1,
            outcome => misses.push((
                outcome,
                format!(
                    "line {} [{}] «{}»: want `{}`, got `{got}`",
                    row.line, row.screen, row.phrase, row.want
                ),
            )),
        }
    }
    (rows.len(), understood, misses)
}

fn check(text: &str, lang: VoiceLang, at_least: usize) {
    let (rows, understood, misses) = run(text, lang);
    assert!(rows >= at_least, "only {rows} held-out phrasings");
    let share = understood as f64 * 100.0 / rows as f64;
    let count = |o: Outcome| misses.iter().filter(|(m, _)| *m == o).count();
    println!(
        "{lang:?}: {understood} of {rows} understood ({share:.1} %); refused {}, wrong amount {}, \
         wrong action {}",
        count(Outcome::Refused),
        count(Outcome::WrongAmount),
        count(Outcome::WrongAction)
    );
    for (outcome, line) in &misses {
        println!("  {outcome:?}: {line}");
    }
    let wrong: Vec<&String> = misses
        .iter()
        .filter(|(o, _)| *o != Outcome::Refused)
        .map(|(_, line)| line)
        .collect();
    assert!(wrong.is_empty(), "wrong meanings:\n{wrong:#?}");
    assert!(share >= 98.0, "{lang:?}: only {share:.1} % understood");
}

#[test]
fn russian_heldout() {
    check(include_str!("voice_heldout/ru.txt"), VoiceLang::Ru, 200);
}

#[test]
fn english_heldout() {
    check(include_str!("voice_heldout/en.txt"), VoiceLang::En, 120);
}

/// The second sets, written after the parser learnt the first ones: refusals are allowed, a
/// wrong amount or action is not. The share understood is printed.
fn check_fresh(text: &str, lang: VoiceLang) {
    let (rows, understood, misses) = run(text, lang);
    println!(
        "{lang:?} (fresh): {understood} of {rows} understood ({:.1} %)",
        understood as f64 * 100.0 / rows as f64
    );
    for (outcome, line) in &misses {
        println!("  {outcome:?}: {line}");
    }
    let wrong: Vec<&String> = misses
        .iter()
        .filter(|(o, _)| *o != Outcome::Refused)
        .map(|(_, line)| line)
        .collect();
    assert!(wrong.is_empty(), "wrong meanings:\n{wrong:#?}");
}

#[test]
fn russian_fresh_set_is_never_wrong() {
    check_fresh(include_str!("voice_heldout/ru-fresh.txt"), VoiceLang::Ru);
}

#[test]
fn english_fresh_set_is_never_wrong() {
    check_fresh(include_str!("voice_heldout/en-fresh.txt"), VoiceLang::En);
}

#[test]
fn the_judge_tells_a_wrong_amount_from_a_refusal() {
    assert_eq!(judge("amount 500.00", "amount 500.00"), Outcome::Understood);
    assert_eq!(
        judge("amount 500.00", "reject not-understood"),
        Outcome::Refused
    );
    assert_eq!(judge("amount 500.00", "amount 50.00"), Outcome::WrongAmount);
    assert_eq!(
        judge("transfer daughter 500.00", "transfer grandson 500.00"),
        Outcome::WrongAction
    );
    assert_eq!(judge("choose 1", "choose 2"), Outcome::WrongAction);
    assert_eq!(judge("reject", "reject ambiguous"), Outcome::Understood);
    assert_eq!(judge("reject", "amount 5.00"), Outcome::WrongAmount);
    assert_eq!(judge("reject", "command back"), Outcome::WrongAction);
    assert_eq!(
        judge("either amount 12.50 | amount 1250.00", "amount 1250.00"),
        Outcome::WrongAmount
    );
}
