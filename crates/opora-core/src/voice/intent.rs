//! From words to a meaning on a screen: the hand-written parser of intents and slots.
//!
//! The phrase is first cut into pieces, longest first: phrases of the lexicon («по номеру
//! телефона»), a saved person in any form («дочке», «Ольге»), a bill («за свет»), a number
//! («тысяча двести пятьдесят»), an ordinal («второй»). Then the pieces are read against the
//! screen's [`Context`]: a command alone; an amount on the amount screen; digits on the phone
//! screen; on a choice screen a number, a meaning that picks one choice, or a request with
//! slots («перевести пятьсот рублей дочери»). Anything else is rejected with its reason — a word
//! nobody uses for a command, two meanings at once, a number that is no amount — because a
//! recogniser in grammar mode forces every sound onto some word, and a wrong guess must cost
//! nothing. Confirming money is understood and always refused: only a key does that.

use super::VoiceLang;
use super::context::{Context, Expect};
use super::lexicon::{Concept, lexicon, name_forms};
use super::numbers::{self, Read};
use super::text::tokens;
use crate::money::{MAX_RUBLE_DIGITS, Money};
use crate::voice::meaning::{Intent, Meaning, Rejection, TransferTo, VoiceCommand};

/// One piece of a phrase.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Concept(Concept),
    Number(Read),
    /// A typed amount with kopecks: «1250,50».
    Decimal(Money),
    Ordinal(u64),
    /// Saved people this word can name (more than one when it is ambiguous).
    Payee(Vec<String>),
    /// Bills this word can name.
    Bill(Vec<String>),
    Unknown,
}

/// What `text` means on the screen described by `context`.
pub fn parse(text: &str, context: &Context) -> Meaning {
    let words = tokens(text);
    if words.is_empty() {
        return Err(Rejection::NotUnderstood);
    }
    if let Expect::Phrase(phrase) = &context.expect {
        // A say-it step: the phrase completes it; the screen's choices and the commands work
        // as anywhere else; anything else is "not the phrase".
        if said(&words, phrase, context.lang) {
            return Ok(Intent::Said);
        }
        return match understand(&words, context) {
            Err(Rejection::NotUnderstood | Rejection::NotOnThisScreen) => {
                Err(Rejection::NotThePhrase)
            }
            other => other,
        };
    }
    understand(&words, context)
}

fn understand(words: &[String], context: &Context) -> Meaning {
    let pieces = scan(words, context);
    let meaningful: Vec<&Piece> = pieces
        .iter()
        .filter(|p| **p != Piece::Concept(Concept::Filler))
        .collect();
    if meaningful.is_empty() {
        return Err(Rejection::NotUnderstood);
    }
    // Confirming money is refused wherever and however it is said.
    if meaningful.contains(&&Piece::Concept(Concept::Confirm)) {
        return Err(Rejection::KeyOnly);
    }
    if meaningful.contains(&&Piece::Concept(Concept::Decoy)) {
        return Err(Rejection::NotUnderstood);
    }
    // Words the lexicon does not know may still be a choice's label (a lesson's title).
    let unknown = meaningful.contains(&&Piece::Unknown);
    match &context.expect {
        Expect::Choice | Expect::Phrase(_) if unknown => {
            return label_match(words, context).ok_or(Rejection::NotUnderstood);
        }
        Expect::Amount | Expect::Code if unknown => return Err(Rejection::NotUnderstood),
        _ => {}
    }
    let commands: Vec<VoiceCommand> = meaningful
        .iter()
        .filter_map(|p| match p {
            Piece::Concept(Concept::Command(c)) => Some(*c),
            _ => None,
        })
        .collect();
    match commands.as_slice() {
        [] => {}
        [command] if meaningful.len() == 1 => return Ok(command_on(*command, context)),
        _ => return Err(Rejection::Ambiguous),
    }
    match &context.expect {
        Expect::Code => Err(Rejection::CodeByKeys),
        Expect::Amount => amount_field(&meaningful, context.lang),
        Expect::Phone => phone_field(&meaningful, words, context.lang),
        Expect::Choice | Expect::Phrase(_) => choice_screen(&meaningful, context),
    }
}

/// A lesson's say-it step: whether the words are the phrase itself, fillers aside.
fn said(words: &[String], phrase: &str, lang: VoiceLang) -> bool {
    let significant = |ws: &[String]| -> Vec<String> {
        ws.iter().filter(|w| !is_filler(lang, w)).cloned().collect()
    };
    let want = significant(&tokens(phrase));
    !want.is_empty() && significant(words) == want
}

fn is_filler(lang: VoiceLang, word: &str) -> bool {
    lexicon(lang)
        .phrases
        .iter()
        .any(|(p, c)| *c == Concept::Filler && *p == word)
}

/// Cuts the phrase into pieces, the longest match first at each word.
fn scan(words: &[String], context: &Context) -> Vec<Piece> {
    let lang = context.lang;
    let lex = lexicon(lang);
    // Saved people: relation words and their names in every form.
    let mut people: Vec<(Vec<String>, String)> = Vec::new();
    for payee in &context.payees {
        for (form, relation) in lex.relations {
            if *relation == payee.relation {
                people.push((tokens(form), payee.key.clone()));
            }
        }
        for form in name_forms(lang, &payee.name) {
            people.push((form, payee.key.clone()));
        }
    }
    // Bills: what people call them, and their providers' names.
    let mut bills: Vec<(Vec<String>, String)> = Vec::new();
    for bill in &context.bills {
        for (form, kind) in lex.bills {
            if *kind == bill.kind {
                bills.push((tokens(form), bill.key.clone()));
            }
        }
        bills.push((tokens(&bill.provider), bill.key.clone()));
    }
    let starts_with = |at: &[String], form: &[String]| !form.is_empty() && at.starts_with(form);

    let mut pieces = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let at = &words[i..];
        // (length, priority, piece): the longest wins, then the lower priority number.
        let mut best: Option<(usize, u8, Piece)> = None;
        let mut offer = |len: usize, priority: u8, piece: Piece| {
            let better = match &best {
                None => true,
                Some((l, p, _)) => len > *l || (len == *l && priority < *p),
            };
            if len > 0 && better {
                best = Some((len, priority, piece));
            }
        };
        for (phrase, concept) in lex.phrases {
            let form = tokens(phrase);
            let form = if *phrase == "[unk]" {
                vec![phrase.to_string()]
            } else {
                form
            };
            if starts_with(at, &form) {
                offer(form.len(), 0, Piece::Concept(*concept));
            }
        }
        for (group, priority) in [(&people, 1u8), (&bills, 2u8)] {
            let longest = group
                .iter()
                .filter(|(form, _)| starts_with(at, form))
                .map(|(form, _)| form.len())
                .max();
            if let Some(len) = longest {
                let mut keys: Vec<String> = group
                    .iter()
                    .filter(|(form, _)| form.len() == len && starts_with(at, form))
                    .map(|(_, key)| key.clone())
                    .collect();
                keys.sort();
                keys.dedup();
                offer(
                    len,
                    priority,
                    if priority == 1 {
                        Piece::Payee(keys)
                    } else {
                        Piece::Bill(keys)
                    },
                );
            }
        }
        if let Some(read) = numbers::read(lang, at) {
            offer(read.tokens, 3, Piece::Number(read));
        }
        if let Some(n) = numbers::ordinal(lang, &at[0]) {
            offer(1, 4, Piece::Ordinal(n));
        }
        if let Some(money) = decimal(&at[0]) {
            offer(1, 5, Piece::Decimal(money));
        }
        let (len, piece) = match best {
            Some((len, _, piece)) => (len, piece),
            None => (1, Piece::Unknown),
        };
        pieces.push(piece);
        i += len;
    }
    pieces
}

/// A typed amount with a decimal separator: «1250,50», «12.5».
fn decimal(word: &str) -> Option<Money> {
    let (whole, part) = word.split_once([',', '.'])?;
    if whole.is_empty() || part.is_empty() || part.len() > 2 {
        return None;
    }
    if !whole
        .chars()
        .chain(part.chars())
        .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let part: i64 = format!("{part:0<2}").parse().ok()?;
    Some(Money::from_kopecks(
        whole.checked_mul(100)?.checked_add(part)?,
    ))
}

/// A command said alone. «назад», «домой», «отмена», «помощь» pick the screen's own choice
/// with that meaning when it has one (the home screen's «Помощь», a drill's «stop»), so the
/// screen's own handling runs; otherwise they act like their keys.
fn command_on(command: VoiceCommand, context: &Context) -> Intent {
    let mut own = context
        .choices
        .iter()
        .filter(|c| !c.key_only && c.concepts.contains(&Concept::Command(command)));
    match (own.next(), own.next()) {
        (Some(choice), None) => Intent::Choose(choice.number),
        _ => Intent::Command(command),
    }
}

/// The amount screen: an amount, perhaps after a verb («перевести пятьсот»).
fn amount_field(pieces: &[&Piece], lang: VoiceLang) -> Meaning {
    let mut parts = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Number(_)
            | Piece::Decimal(_)
            | Piece::Concept(Concept::Major | Concept::Minor) => parts.push(*piece),
            Piece::Concept(Concept::Send | Concept::Pay | Concept::TopUp) => {}
            Piece::Unknown | Piece::Ordinal(_) => return Err(Rejection::NotUnderstood),
            _ => return Err(Rejection::NotOnThisScreen),
        }
    }
    match amount(&parts, lang)? {
        Some(money) => Ok(Intent::Amount(money)),
        None => Err(Rejection::NotUnderstood),
    }
}

/// Reads an amount from number and currency pieces: «пятьсот», «тысяча двести пятьдесят
/// рублей», «сто рублей пятьдесят копеек», «сто рублей пятьдесят», «пятьдесят копеек»;
/// in English also "twelve fifty" (1250) and "one fifty" (150).
fn amount(parts: &[&Piece], lang: VoiceLang) -> Result<Option<Money>, Rejection> {
    use Concept::{Major, Minor};
    use Piece::{Concept as C, Decimal, Number as N};
    let kopecks: i64 = match parts {
        [] => return Ok(None),
        [Decimal(m)] | [Decimal(m), C(Major)] => m.kopecks(),
        [N(r)] | [N(r), C(Major)] => rubles(r.value)?,
        [N(r), C(Major), N(k)] | [N(r), C(Major), N(k), C(Minor)] if k.value < 100 => {
            rubles(r.value)? + k.value as i64
        }
        [N(k), C(Minor)] if k.value < 100 => k.value as i64,
        [N(a), N(b)] | [N(a), N(b), C(Major)]
            if lang == VoiceLang::En && (1..=99).contains(&a.value) && b.two_digit =>
        {
            rubles(a.value * 100 + b.value)?
        }
        _ => return Err(Rejection::BadAmount),
    };
    if kopecks <= 0 {
        return Err(Rejection::AmountZero);
    }
    let limit = 10_i64.pow(MAX_RUBLE_DIGITS as u32) * 100;
    if kopecks >= limit {
        return Err(Rejection::AmountTooBig);
    }
    Ok(Some(Money::from_kopecks(kopecks)))
}

/// Whole roubles as kopecks, refusing what no amount field would take.
fn rubles(value: u64) -> Result<i64, Rejection> {
    i64::try_from(value)
        .ok()
        .and_then(|v| v.checked_mul(100))
        .filter(|k| *k < 10_i64.pow(MAX_RUBLE_DIGITS as u32) * 100)
        .ok_or(Rejection::AmountTooBig)
}

/// The phone screen: digits said one by one or in groups («девятьсот шестнадцать»), perhaps
/// after «плюс».
fn phone_field(pieces: &[&Piece], words: &[String], lang: VoiceLang) -> Meaning {
    let mut digits = String::new();
    for piece in pieces {
        match piece {
            Piece::Concept(Concept::Plus) if digits.is_empty() => digits.push('+'),
            Piece::Concept(Concept::Marker | Concept::ByPhone) => {}
            Piece::Number(read) => digits.push_str(&read.value.to_string()),
            Piece::Unknown if lang == VoiceLang::Ko => {}
            Piece::Unknown | Piece::Ordinal(_) | Piece::Decimal(_) => {
                return Err(Rejection::NotUnderstood);
            }
            _ => return Err(Rejection::NotOnThisScreen),
        }
    }
    // Korean digits run together in one word («공일공») are read syllable by syllable.
    if lang == VoiceLang::Ko && pieces.contains(&&Piece::Unknown) {
        digits.clear();
        for c in words.iter().flat_map(|w| w.chars()) {
            match numbers::ko::read(&[c.to_string()]) {
                Some(read) if read.value < 10 => digits.push_str(&read.value.to_string()),
                _ => return Err(Rejection::NotUnderstood),
            }
        }
    }
    if digits.trim_start_matches('+').is_empty() {
        return Err(Rejection::NotUnderstood);
    }
    Ok(Intent::Phone(digits))
}

/// A screen of numbered choices.
fn choice_screen(pieces: &[&Piece], context: &Context) -> Meaning {
    let lang = context.lang;
    // By number: «два», «номер два», «второй».
    let numbered: Vec<&&Piece> = pieces
        .iter()
        .filter(|p| ***p != Piece::Concept(Concept::Marker))
        .collect();
    if let [only] = numbered.as_slice() {
        match only {
            Piece::Number(read) => return choose_number(read.value, context),
            Piece::Ordinal(n) => return choose_number(*n, context),
            _ => {}
        }
    }
    let mut concepts: Vec<Concept> = Vec::new();
    let mut payees: Vec<&Vec<String>> = Vec::new();
    let mut bills: Vec<&Vec<String>> = Vec::new();
    let mut money_parts: Vec<&Piece> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Concept(Concept::Marker) => {}
            Piece::Concept(Concept::Major | Concept::Minor)
            | Piece::Number(_)
            | Piece::Decimal(_) => money_parts.push(piece),
            Piece::Concept(c) => {
                if !concepts.contains(c) {
                    concepts.push(*c);
                }
            }
            Piece::Payee(keys) => payees.push(keys),
            Piece::Bill(keys) => bills.push(keys),
            Piece::Ordinal(_) => return Err(Rejection::Ambiguous),
            Piece::Unknown => return Err(Rejection::NotUnderstood),
        }
    }
    let amount = match amount(&money_parts, lang) {
        // Numbers said one after another with nothing else («два три») are not an amount
        // anyone meant: most likely a recogniser's extra word.
        Err(Rejection::BadAmount)
            if concepts.is_empty() && payees.is_empty() && bills.is_empty() =>
        {
            return Err(Rejection::Ambiguous);
        }
        other => other?,
    };
    let only = |allowed: &[Concept]| concepts.iter().all(|c| allowed.contains(c));

    // Someone to send money to.
    if !payees.is_empty() {
        let key = single(&payees).ok_or(Rejection::Ambiguous)?;
        if !bills.is_empty() || !only(&[Concept::Send]) {
            return Err(Rejection::Ambiguous);
        }
        return transfer(TransferTo::Payee(key), amount, context);
    }
    if concepts.contains(&Concept::ByPhone) {
        if !bills.is_empty() || !only(&[Concept::Send, Concept::ByPhone]) {
            return Err(Rejection::Ambiguous);
        }
        return transfer(TransferTo::ByPhone, amount, context);
    }
    // A bill to pay.
    if !bills.is_empty() {
        let key = single(&bills).ok_or(Rejection::Ambiguous)?;
        if !only(&[Concept::Pay]) {
            return Err(Rejection::Ambiguous);
        }
        return pay_bill(key, amount, context);
    }
    // A phone to top up.
    if concepts.contains(&Concept::TopUp) {
        if !only(&[
            Concept::TopUp,
            Concept::OwnPhone,
            Concept::OtherPhone,
            Concept::Pay,
        ]) {
            return Err(Rejection::Ambiguous);
        }
        let own = match (
            concepts.contains(&Concept::OwnPhone),
            concepts.contains(&Concept::OtherPhone),
        ) {
            (true, true) => return Err(Rejection::Ambiguous),
            (true, false) => Some(true),
            (false, true) => Some(false),
            (false, false) => None,
        };
        return top_up(own, amount, context);
    }
    if let Some(money) = amount {
        // An amount alone where one can be typed next («Другая сумма», «Изменить сумму»).
        if concepts.is_empty() && context.has_open(Concept::OtherAmount) {
            return Ok(Intent::Amount(money));
        }
        return Err(
            if concepts.contains(&Concept::Send) || context.has_open(Concept::Send) {
                Rejection::NeedPayee
            } else if concepts.is_empty() {
                Rejection::NotOnThisScreen
            } else {
                Rejection::Ambiguous
            },
        );
    }
    if concepts.is_empty() {
        return Err(Rejection::NotUnderstood);
    }
    // The one choice that carries everything said.
    let fits: Vec<_> = context
        .choices
        .iter()
        .filter(|c| concepts.iter().all(|k| c.concepts.contains(k)))
        .collect();
    match fits.as_slice() {
        [choice] if choice.key_only => Err(Rejection::KeyOnly),
        [choice] => Ok(Intent::Choose(choice.number)),
        [] if concepts == [Concept::Block] && context.has_open(Concept::HelpPlace) => {
            Ok(Intent::Block)
        }
        [] if concepts.len() == 1 => Err(Rejection::NotOnThisScreen),
        _ => Err(Rejection::Ambiguous),
    }
}

/// The one key the slots name, if they agree on exactly one.
fn single(slots: &[&Vec<String>]) -> Option<String> {
    let mut keys: Vec<&String> = slots.iter().flat_map(|k| k.iter()).collect();
    keys.sort();
    keys.dedup();
    match keys.as_slice() {
        [key] => Some((*key).clone()),
        _ => None,
    }
}

fn choose_number(n: u64, context: &Context) -> Meaning {
    match context.choices.iter().find(|c| u64::from(c.number) == n) {
        Some(choice) if choice.key_only => Err(Rejection::KeyOnly),
        Some(choice) => Ok(Intent::Choose(choice.number)),
        None => Err(Rejection::NoSuchChoice(n)),
    }
}

/// A transfer: the person's own choice when this screen lists people, or the way in through
/// «Перевести деньги» with the slots filled on the way.
fn transfer(to: TransferTo, amount: Option<Money>, context: &Context) -> Meaning {
    let here = context.choices.iter().find(|c| match &to {
        TransferTo::Payee(key) => c.payee.as_ref() == Some(key),
        TransferTo::ByPhone => c.concepts.contains(&Concept::ByPhone),
    });
    if matches!(to, TransferTo::ByPhone) && amount.is_some() {
        return Err(Rejection::PhoneFirst);
    }
    match (here, amount) {
        (Some(choice), None) => Ok(Intent::Choose(choice.number)),
        (Some(_), Some(_)) => Ok(Intent::Transfer {
            to: Some(to),
            amount,
        }),
        (None, _) if context.has_open(Concept::Send) => Ok(Intent::Transfer {
            to: Some(to),
            amount,
        }),
        (None, _) => Err(Rejection::NotOnThisScreen),
    }
}

/// A bill: its own choice on the list of bills, or the way in through «Оплатить».
fn pay_bill(bill: String, amount: Option<Money>, context: &Context) -> Meaning {
    let here = context
        .choices
        .iter()
        .find(|c| c.bill.as_ref() == Some(&bill));
    match (here, amount) {
        (Some(choice), None) => Ok(Intent::Choose(choice.number)),
        (Some(_), Some(_)) => Ok(Intent::PayBill { bill, amount }),
        (None, _) if context.has_open(Concept::Pay) => Ok(Intent::PayBill { bill, amount }),
        (None, _) => Err(Rejection::NotOnThisScreen),
    }
}

/// A top-up. Said without whose phone but with an amount («пополнить телефон на сто рублей»),
/// it is the client's own: the check screen shows the number before anything moves.
fn top_up(own: Option<bool>, amount: Option<Money>, context: &Context) -> Meaning {
    let own = match (own, amount) {
        (None, Some(_)) => Some(true),
        (Some(false), Some(_)) => return Err(Rejection::PhoneFirst),
        (own, _) => own,
    };
    let whose_here = match own {
        Some(true) => context.with_concept(Concept::OwnPhone).next(),
        Some(false) => context.with_concept(Concept::OtherPhone).next(),
        None => context.with_concept(Concept::TopUp).next(),
    };
    match (whose_here, amount) {
        (Some(choice), None) if !choice.key_only => Ok(Intent::Choose(choice.number)),
        (Some(_), Some(_)) if context.has_open(Concept::OwnPhone) => {
            Ok(Intent::TopUp { own, amount })
        }
        _ if context.has_open(Concept::TopUp) || context.has_open(Concept::Pay) => {
            Ok(Intent::TopUp { own, amount })
        }
        _ if own.is_none() && context.has_open(Concept::OwnPhone) => Err(Rejection::Ambiguous),
        _ => Err(Rejection::NotOnThisScreen),
    }
}

/// Words that are all in one choice's label pick it: «первые шаги» for the lesson «Первые
/// шаги с приложением».
fn label_match(words: &[String], context: &Context) -> Option<Intent> {
    let significant: Vec<&String> = words
        .iter()
        .filter(|w| !is_filler(context.lang, w))
        .collect();
    if significant.is_empty() {
        return None;
    }
    let mut fits = context.choices.iter().filter(|c| {
        let label = tokens(&c.label);
        significant.iter().all(|w| label.contains(w))
    });
    match (fits.next(), fits.next()) {
        (Some(choice), None) if !choice.key_only => Some(Intent::Choose(choice.number)),
        _ => None,
    }
}

impl Context {
    /// Whether a choice that is not key-only carries the meaning: the way in for a request.
    pub fn has_open(&self, concept: Concept) -> bool {
        self.with_concept(concept).any(|c| !c.key_only)
    }
}
