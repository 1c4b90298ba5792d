//! `opora voice parse`: what a typed phrase means on the home screen and on the amount screen,
//! as JSON, so trainers can check their phrasings and tests can check the parser without audio.
//! The screens are real: a fresh practice bank in memory, the home screen, and the amount
//! screen of a transfer to the first saved person.

use crate::edge::{BankEdge, drive, pump};
use crate::store::bank::SandboxStore;
use opora_core::i18n::I18n;
use opora_core::input::Key;
use opora_core::kiosk::App;
use opora_core::kiosk::Msg;
use opora_core::store_error::StoreError;
use opora_core::voice::meaning::{Describe, Intent, Meaning, TransferTo, amount_text};
use opora_core::voice::{Context, VoiceLang, parse};
use serde_json::{Value, json};

/// The contexts a phrase is read against: home, then the amount screen.
pub fn sample_contexts(i18n: &I18n, lang: VoiceLang) -> Result<Vec<Context>, StoreError> {
    let mut edge = BankEdge::new(SandboxStore::open_in_memory()?);
    let (mut app, start) = App::new("voice-parse");
    pump(&mut app, &mut edge, start);
    let home = opora_core::kiosk::listen::context(&app, i18n, lang);
    // Home → «Перевести деньги» → the first saved person → the amount screen.
    let send = choice_with(&home, |c| {
        c.concepts
            .contains(&opora_core::voice::lexicon::Concept::Send)
    });
    drive(&mut app, &mut edge, Msg::Key(Key::Digit(send)));
    let who = opora_core::kiosk::listen::context(&app, i18n, lang);
    let first = choice_with(&who, |c| c.payee.is_some());
    drive(&mut app, &mut edge, Msg::Key(Key::Digit(first)));
    let amount = opora_core::kiosk::listen::context(&app, i18n, lang);
    if amount.screen != "amount-entry" {
        return Err(StoreError::Other(format!(
            "the sample transfer reached «{}», not the amount screen",
            amount.screen
        )));
    }
    Ok(vec![home, amount])
}

fn choice_with(
    context: &Context,
    pick: impl Fn(&opora_core::voice::context::ChoiceInfo) -> bool,
) -> u8 {
    context
        .choices
        .iter()
        .find(|c| pick(c))
        .map_or(0, |c| c.number)
}

/// The whole report for one phrase.
pub fn report(phrase: &str, contexts: &[Context], i18n: &I18n) -> Value {
    let lang = contexts.first().map_or(VoiceLang::Ru, |c| c.lang);
    json!({
        "phrase": phrase,
        "lang": lang.code(),
        "words": opora_core::voice::text::tokens(phrase),
        "screens": contexts
            .iter()
            .map(|context| meaning_json(&parse(phrase, context), context, i18n))
            .collect::<Vec<_>>(),
    })
}

/// One meaning on one screen: the intent and its slots, or why it was rejected.
pub fn meaning_json(meaning: &Meaning, context: &Context, i18n: &I18n) -> Value {
    let amount = |a: &Option<opora_core::money::Money>| match a {
        Some(m) => json!({ "text": amount_text(*m), "kopecks": m.kopecks() }),
        None => Value::Null,
    };
    let (intent, slots) = match meaning {
        Ok(Intent::Command(c)) => ("command", json!({ "command": c.code() })),
        Ok(Intent::Choose(n)) => {
            let label = context
                .choices
                .iter()
                .find(|c| c.number == *n)
                .map(|c| c.label.clone());
            ("choose", json!({ "choice": n, "label": label }))
        }
        Ok(Intent::Transfer { to, amount: a }) => {
            let to = match to {
                Some(TransferTo::Payee(key)) => json!(key),
                Some(TransferTo::ByPhone) => json!("by-phone"),
                None => Value::Null,
            };
            ("transfer", json!({ "payee": to, "amount": amount(a) }))
        }
        Ok(Intent::PayBill { bill, amount: a }) => {
            ("pay-bill", json!({ "bill": bill, "amount": amount(a) }))
        }
        Ok(Intent::TopUp { own, amount: a }) => {
            let phone = match own {
                Some(true) => json!("own"),
                Some(false) => json!("other"),
                None => Value::Null,
            };
            ("top-up", json!({ "phone": phone, "amount": amount(a) }))
        }
        Ok(Intent::Block) => ("block", json!({})),
        Ok(Intent::Amount(m)) => ("amount", json!({ "amount": amount(&Some(*m)) })),
        Ok(Intent::Phone(digits)) => ("phone", json!({ "digits": digits })),
        Ok(Intent::Said) => ("said", json!({})),
        Ok(Intent::Either(readings)) => (
            "either",
            json!({
                "readings": readings
                    .iter()
                    .map(|r| meaning_json(&Ok(r.clone()), context, i18n))
                    .collect::<Vec<_>>()
            }),
        ),
        Ok(Intent::DidYouSay(inner)) => (
            "did-you-say",
            json!({ "meaning": meaning_json(&Ok((**inner).clone()), context, i18n) }),
        ),
        Err(rejection) => {
            let phrase = match &context.expect {
                opora_core::voice::context::Expect::Phrase(p) => Some(p.as_str()),
                _ => None,
            };
            return json!({
                "screen": context.screen,
                "intent": Value::Null,
                "rejected": rejection.code(),
                "reason": opora_core::kiosk::family::voice::rejection_sentence(
                    rejection,
                    context.choices.len(),
                    phrase,
                    i18n
                ),
                "summary": Describe(meaning).to_string(),
            });
        }
    };
    json!({
        "screen": context.screen,
        "intent": intent,
        "slots": slots,
        "summary": Describe(meaning).to_string(),
    })
}
