//! From words to a meaning on a screen: the hand-written parser of intents and slots.
//!
//! The phrase is cut into [`pieces`](super::pieces) and put together there. Then the pieces are
//! read against the screen's [`Context`]: a command alone (or said twice); an amount on the
//! amount screen; digits on the phone screen; on a choice screen a number, a meaning that picks
//! one choice, or a request with slots («перевести пятьсот рублей дочери»). Anything else is
//! rejected with its reason — two meanings at once, a number that is no amount — because a
//! wrong guess must cost nothing. Confirming money is understood and always refused.
//!
//! Words the lexicon does not know (and the recogniser's `[unk]`) are skipped when what is left
//! has exactly one meaning, no more of them than known words, and nothing about money: an
//! unknown word beside an amount or a person may be the part that was not understood.

use super::VoiceLang;
use super::amount::{Said, amount};
use super::context::{Context, Expect};
use super::lexicon::{Concept, lexicon};
use super::pieces::{Piece, combine, scan};
use super::text::tokens;
use crate::money::Money;
use crate::voice::meaning::{Intent, Meaning, Rejection, TransferTo, VoiceCommand};

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
    let lex = lexicon(context.lang);
    let pieces = combine(scan(words, context), lex);
    let meaningful: Vec<&Piece> = pieces.iter().filter(|p| !p.is(Concept::Filler)).collect();
    if meaningful.is_empty() {
        // A label of words that mean nothing on their own: «Я сказал(а)».
        return label_match(words, context).ok_or(Rejection::NotUnderstood);
    }
    // Confirming money is refused wherever and however it is said.
    if meaningful.iter().any(|p| p.is(Concept::Confirm)) {
        return Err(Rejection::KeyOnly);
    }
    if meaningful
        .iter()
        .any(|p| p.is(Concept::Decoy) || **p == Piece::Absent)
    {
        return Err(Rejection::NotUnderstood);
    }
    // «да» picks «Да» where the screen asks; elsewhere it only agrees, and agreeing to money
    // is refused like confirming it.
    if meaningful.iter().any(|p| p.is(Concept::Yes)) && !context.has(Concept::Yes) {
        let rest: Vec<&Piece> = without(&meaningful, |p| p.is(Concept::Yes));
        return match meaning(&rest, words, context) {
            Err(Rejection::KeyOnly) => Err(Rejection::KeyOnly),
            _ => Err(Rejection::NotUnderstood),
        };
    }
    let unknown = meaningful
        .iter()
        .filter(|p| matches!(p, Piece::Unknown))
        .count();
    // Korean digits run together in one word are read by the phone screen itself.
    if unknown == 0 || (context.lang == VoiceLang::Ko && context.expect == Expect::Phone) {
        return meaning(&meaningful, words, context);
    }
    // Words the lexicon does not know may still be a choice's label (a lesson's title).
    if matches!(context.expect, Expect::Choice | Expect::Phrase(_))
        && let Some(intent) = label_match(words, context)
    {
        return Ok(intent);
    }
    let known = words.len() - unknown;
    let money = matches!(context.expect, Expect::Amount | Expect::Phone)
        || meaningful.iter().any(|p| about_money(p));
    if unknown > known || (money && context.expect != Expect::Code) {
        return Err(Rejection::NotUnderstood);
    }
    match meaning(
        &without(&meaningful, |p| *p == Piece::Unknown),
        words,
        context,
    ) {
        Ok(intent) => Ok(intent),
        Err(why @ (Rejection::KeyOnly | Rejection::CodeByKeys)) => Err(why),
        Err(_) => Err(Rejection::NotUnderstood),
    }
}

fn without<'a>(pieces: &[&'a Piece], drop: impl Fn(&Piece) -> bool) -> Vec<&'a Piece> {
    pieces.iter().copied().filter(|p| !drop(p)).collect()
}

/// Whether a piece names money, a person or a bill: what an unknown word beside it may change.
fn about_money(piece: &Piece) -> bool {
    piece.is_amount()
        || matches!(piece, Piece::Payee(_) | Piece::Bill(_))
        || [Concept::Send, Concept::Pay, Concept::TopUp]
            .iter()
            .any(|c| piece.is(*c))
}

/// The meaning of pieces the lexicon knows, on this screen.
fn meaning(pieces: &[&Piece], words: &[String], context: &Context) -> Meaning {
    if pieces.is_empty() {
        return Err(Rejection::NotUnderstood);
    }
    let commands: Vec<VoiceCommand> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Concept(Concept::Command(c)) => Some(*c),
            _ => None,
        })
        .collect();
    if let Some(first) = commands.first() {
        // «назад, назад», «повторите ещё раз»: the same command said twice is that command.
        return if commands.len() == pieces.len() && commands.iter().all(|c| c == first) {
            Ok(command_on(*first, context))
        } else {
            Err(Rejection::Ambiguous)
        };
    }
    // «нет», «не надо» where the screen has no «нет»: inside an operation, cancel it.
    if pieces.iter().all(|p| p.is(Concept::No))
        && !context.has(Concept::No)
        && context.in_operation()
    {
        return Ok(command_on(VoiceCommand::Cancel, context));
    }
    match &context.expect {
        Expect::Code => Err(Rejection::CodeByKeys),
        Expect::Amount => amount_field(pieces),
        Expect::Phone => phone_field(pieces, words, context.lang),
        Expect::Choice | Expect::Phrase(_) => match choice_screen(pieces, context) {
            // Words that name no request here may still be a choice's label: «оплата услуг и
            // телефона» is a lesson, not a bill.
            Err(
                why
                @ (Rejection::NotOnThisScreen | Rejection::Ambiguous | Rejection::NotUnderstood),
            ) => label_match(words, context).ok_or(why),
            other => other,
        },
    }
}

/// A lesson's say-it step: whether the words are the phrase itself, fillers aside.
fn said(words: &[String], phrase: &str, lang: VoiceLang) -> bool {
    let lex = lexicon(lang);
    let significant = |ws: &[String]| -> Vec<String> {
        ws.iter().filter(|w| !lex.is_filler(w)).cloned().collect()
    };
    let want = significant(&tokens(phrase));
    !want.is_empty() && significant(words) == want
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
fn amount_field(pieces: &[&Piece]) -> Meaning {
    let mut parts = Vec::new();
    for piece in pieces {
        match piece {
            p if p.is_amount() => parts.push(*piece),
            Piece::Concept(Concept::Send | Concept::Pay | Concept::TopUp) => {}
            Piece::Unknown | Piece::Ordinal(_) => return Err(Rejection::NotUnderstood),
            _ => return Err(Rejection::NotOnThisScreen),
        }
    }
    match amount(&parts)? {
        Some(said) => Ok(each(said, |m| Ok(Intent::Amount(m)))?),
        None => Err(Rejection::NotUnderstood),
    }
}

/// The intent for each reading of an amount: one, or both to choose from.
fn each(said: Said, intent: impl Fn(Money) -> Meaning) -> Meaning {
    match said {
        Said::One(m) => intent(m),
        Said::Either(a, b) => Ok(Intent::Either(vec![intent(a)?, intent(b)?])),
    }
}

/// [`each`] for an amount that may not have been said.
fn each_or_none(said: Option<Said>, intent: impl Fn(Option<Money>) -> Meaning) -> Meaning {
    match said {
        None => intent(None),
        Some(said) => each(said, |m| intent(Some(m))),
    }
}

/// The phone screen: digits said one by one or in groups («девятьсот шестнадцать»), perhaps
/// after «плюс».
fn phone_field(pieces: &[&Piece], words: &[String], lang: VoiceLang) -> Meaning {
    let mut digits = String::new();
    for piece in pieces {
        match piece {
            Piece::Concept(Concept::Plus) if digits.is_empty() => digits.push('+'),
            Piece::Concept(Concept::Marker | Concept::ByPhone) => {}
            Piece::Number(read) if !read.half => digits.push_str(&read.value.to_string()),
            Piece::Unknown if lang == VoiceLang::Ko => {}
            Piece::Unknown | Piece::Ordinal(_) | Piece::Decimal(_) | Piece::Number(_) => {
                return Err(Rejection::NotUnderstood);
            }
            _ => return Err(Rejection::NotOnThisScreen),
        }
    }
    // Korean digits run together in one word («공일공») are read syllable by syllable.
    if lang == VoiceLang::Ko && pieces.contains(&&Piece::Unknown) {
        digits.clear();
        for c in words.iter().flat_map(|w| w.chars()) {
            match super::numbers::ko::read(&[c.to_string()]) {
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
    // By number: «два», «номер два», «второй».
    let numbered: Vec<&&Piece> = pieces.iter().filter(|p| !p.is(Concept::Marker)).collect();
    if let [only] = numbered.as_slice() {
        match only {
            // «тысячу» where an amount can be typed next: an amount, not choice 1000.
            Piece::Number(read)
                if !read.half && read.value >= 10 && context.has_open(Concept::OtherAmount) =>
            {
                let said = amount(&[only])?.ok_or(Rejection::BadAmount)?;
                return each(said, |m| Ok(Intent::Amount(m)));
            }
            Piece::Number(read) if !read.half => return choose_number(read.value, context),
            Piece::Ordinal(n) => return choose_number(*n, context),
            _ => {}
        }
    }
    // «первую операцию»: an ordinal with what the choice is.
    if let [Piece::Ordinal(n)] = numbered
        .iter()
        .filter(|p| !matches!(p, Piece::Concept(_)))
        .map(|p| **p)
        .collect::<Vec<_>>()
        .as_slice()
    {
        let said: Vec<&Concept> = numbered
            .iter()
            .filter_map(|p| match p {
                Piece::Concept(c) => Some(c),
                _ => None,
            })
            .collect();
        let fits = context
            .choices
            .iter()
            .find(|c| u64::from(c.number) == *n)
            .is_some_and(|c| said.iter().all(|k| c.concepts.contains(k)));
        if fits {
            return choose_number(*n, context);
        }
    }
    let mut concepts: Vec<Concept> = Vec::new();
    let mut payees: Vec<&Vec<String>> = Vec::new();
    let mut bills: Vec<&Vec<String>> = Vec::new();
    let mut money_parts: Vec<&Piece> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Concept(Concept::Marker) => {}
            p if p.is_amount() => money_parts.push(piece),
            Piece::Concept(c) => {
                if !concepts.contains(c) {
                    concepts.push(*c);
                }
            }
            Piece::Payee(keys) => payees.push(keys),
            Piece::Bill(keys) => bills.push(keys),
            Piece::Ordinal(_) => return Err(Rejection::Ambiguous),
            _ => return Err(Rejection::NotUnderstood),
        }
    }
    let phone_bills = !bills.is_empty()
        && bills.iter().all(|keys| {
            keys.iter().all(|key| {
                context
                    .bills
                    .iter()
                    .any(|b| b.key == *key && b.kind == "mobile_phone")
            })
        });
    let whose = [Concept::OwnPhone, Concept::OtherPhone];
    if phone_bills && concepts.contains(&Concept::TopUp) {
        // «пополнить мобильный»: the phone said with a top-up is the phone to top up.
        bills.clear();
    } else if phone_bills {
        // "my mobile phone bill": the bill of the client's own phone.
        concepts.retain(|c| !whose.contains(c));
    }
    // «на мой номер сто рублей» where the screen asks whose phone: a top-up.
    if whose.iter().any(|c| concepts.contains(c))
        && !concepts.contains(&Concept::TopUp)
        && context.has(Concept::OwnPhone)
        && !money_parts.is_empty()
    {
        concepts.push(Concept::TopUp);
    }
    let amount = match amount(&money_parts) {
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
        return each_or_none(amount, |a| {
            transfer(TransferTo::Payee(key.clone()), a, context)
        });
    }
    if concepts.contains(&Concept::ByPhone) {
        if !bills.is_empty() || !only(&[Concept::Send, Concept::ByPhone]) {
            return Err(Rejection::Ambiguous);
        }
        return each_or_none(amount, |a| transfer(TransferTo::ByPhone, a, context));
    }
    // A bill to pay.
    if !bills.is_empty() {
        let key = single(&bills).ok_or(Rejection::Ambiguous)?;
        if !only(&[Concept::Pay]) {
            return Err(Rejection::Ambiguous);
        }
        return each_or_none(amount, |a| pay_bill(key.clone(), a, context));
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
        return each_or_none(amount, |a| top_up(own, a, context));
    }
    if let Some(said) = amount {
        // One of the amounts a question offers.
        if let Said::One(m) = said
            && concepts.is_empty()
            && let Some(choice) = context.choices.iter().find(|c| c.amount == Some(m))
        {
            return Ok(Intent::Choose(choice.number));
        }
        // An amount alone where one can be typed next («Другая сумма», «Изменить сумму»).
        if concepts.iter().all(|c| *c == Concept::Pay) && context.has_open(Concept::OtherAmount) {
            return each(said, |m| Ok(Intent::Amount(m)));
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
        // «заплатить другую сумму»: the verb of the screen and the choice.
        [] if concepts.len() == 2 && concepts.contains(&Concept::Pay) => {
            let rest: Vec<Concept> = concepts
                .iter()
                .copied()
                .filter(|c| *c != Concept::Pay)
                .collect();
            let mut fits = context
                .choices
                .iter()
                .filter(|c| c.concepts.contains(&rest[0]) && !c.key_only);
            match (fits.next(), fits.next()) {
                (Some(choice), None) if context.has(Concept::Pay) => {
                    Ok(Intent::Choose(choice.number))
                }
                _ => Err(Rejection::Ambiguous),
            }
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
/// шаги с приложением». Fillers aside, and in a list of lessons the words for lessons
/// themselves («урок про …»).
fn label_match(words: &[String], context: &Context) -> Option<Intent> {
    let lex = lexicon(context.lang);
    // In a list of lessons, «урок» says nothing about which one.
    let lessons = context.choices.iter().any(|c| c.by_label);
    let generic = |w: &String| {
        lex.is_filler(w)
            || (lessons
                && lex
                    .phrases_for(Concept::Lessons)
                    .any(|p| p.len() == 1 && p[0] == *w))
    };
    let significant: Vec<&String> = words.iter().filter(|w| !generic(w)).collect();
    let mut fits = context.choices.iter().filter(|c| {
        let label = tokens(&c.label);
        if significant.is_empty() {
            // Only words that mean nothing on their own: the label itself, word for word.
            label == words
        } else {
            significant.iter().all(|w| label.contains(w))
        }
    });
    match (fits.next(), fits.next()) {
        (Some(choice), None) if !choice.key_only => Some(Intent::Choose(choice.number)),
        _ => None,
    }
}

impl Context {
    /// Whether a choice that is not key-only carries the meaning by what it does (not only by
    /// the words of its label): the way in for a request.
    pub fn has_open(&self, concept: Concept) -> bool {
        self.with_concept(concept)
            .any(|c| !c.key_only && !c.by_label)
    }
}
