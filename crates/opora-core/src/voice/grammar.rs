//! The recogniser's grammar for a screen: only the words that screen accepts. The universal
//! commands, the numbers of its choices (cardinal, ordinal, «номер»), the words that pick each
//! choice (with the words that make them together, «карту» and «украли»), the words of its
//! labels, people and bills where a request can name them, number, currency and colloquial
//! amount words where an amount or a phone number can be said, the fillers people put around
//! a request — and `[unk]`, so that a word outside the grammar comes out as unknown instead of
//! as the nearest word inside it. Korean, whose model has no `[unk]`, gets decoys instead.
//!
//! Vosk treats a grammar as a set of words it may string together, so the grammar is a list of
//! single words; the engine drops those the model does not know.

use super::VoiceLang;
use super::context::{Context, Expect};
use super::lexicon::{Concept, Lexicon, lexicon, name_forms};
use super::numbers;
use super::text::{UNKNOWN, tokens};
use crate::voice::meaning::VoiceCommand;

/// The words the recogniser may hear on this screen, each once, in a stable order.
pub fn words(context: &Context) -> Vec<String> {
    let mut out = Grammar::default();
    let lang = context.lang;
    let lex = lexicon(lang);
    for command in VoiceCommand::ALL {
        out.concept(lex, Concept::Command(command));
    }
    out.concept(lex, Concept::Filler);
    // «понятно», «хорошо»: said before anything, they add nothing.
    out.concept(lex, Concept::Part(super::lexicon::Part::Ack));
    match &context.expect {
        Expect::Phrase(phrase) => {
            out.phrase(phrase);
            choice_words(&mut out, context);
        }
        Expect::Code => out.concept(lex, Concept::Confirm),
        Expect::Phone => {
            out.phrases(numbers::words(lang).iter().copied());
            for concept in [Concept::Plus, Concept::Marker, Concept::ByPhone] {
                out.concept(lex, concept);
            }
            if lang == VoiceLang::En {
                out.phrase("oh");
            }
        }
        Expect::Amount => amount_words(
            &mut out,
            lang,
            &[Concept::Send, Concept::Pay, Concept::TopUp],
        ),
        Expect::Choice => choice_words(&mut out, context),
    }
    if context.in_operation() && !context.has(Concept::No) {
        out.concept(lex, Concept::No);
    }
    out.concept(lex, Concept::Decoy);
    if lang != VoiceLang::Ko {
        out.words.push(UNKNOWN.to_string());
    }
    out.words
}

/// Number, currency and colloquial amount words, with the verbs that may come with an amount
/// here.
fn amount_words(out: &mut Grammar, lang: VoiceLang, verbs: &[Concept]) {
    let lex = lexicon(lang);
    // No amount is zero: «ноль» is for phone numbers.
    out.phrases(
        numbers::words(lang)
            .iter()
            .copied()
            .filter(|w| !["ноль", "zero"].contains(w)),
    );
    for (form, _) in &lex.amounts {
        out.tokens(form);
    }
    for concept in [
        Concept::Major,
        Concept::Minor,
        Concept::Part(super::lexicon::Part::Sum),
    ]
    .iter()
    .chain(verbs)
    {
        out.direct(lex, *concept);
    }
}

fn choice_words(out: &mut Grammar, context: &Context) {
    let lang = context.lang;
    let lex = lexicon(lang);
    for choice in &context.choices {
        out.phrases(numbers::choice_words(lang, choice.number).iter().copied());
        for concept in &choice.concepts {
            // The words that make a meaning together, where that meaning picks this choice
            // alone (a list of history lines is not picked by «платёж»).
            if context.with_concept(*concept).count() == 1 {
                out.concept(lex, *concept);
            } else {
                out.direct(lex, *concept);
            }
        }
        // Labels are in the screen's language; Korean voice chooses by number. Labels with
        // digits (a history line, an amount due) are not said as written.
        if lang != VoiceLang::Ko && !choice.label.chars().any(|c| c.is_ascii_digit()) {
            out.phrase(&choice.label);
        }
        if choice.key_only {
            out.concept(lex, Concept::Confirm);
        }
    }
    if !context.choices.is_empty() {
        out.concept(lex, Concept::Marker);
    }
    // «Какую сумму?»: a reading said in full, as Opora says it, picks it.
    let screen_lang = match lang {
        VoiceLang::Ru => Some(crate::i18n::Lang::Ru),
        VoiceLang::En => Some(crate::i18n::Lang::En),
        VoiceLang::Ko => None,
    };
    for (amount, screen_lang) in context
        .choices
        .iter()
        .filter_map(|c| c.amount)
        .zip(std::iter::repeat(screen_lang))
    {
        if let Some(screen_lang) = screen_lang {
            out.phrase(&crate::words::money(screen_lang, amount));
        }
    }
    // People and bills are named in Russian or English; in Korean, choices go by number.
    if lang == VoiceLang::Ko {
        return;
    }
    let people =
        context.has_open(Concept::Send) || context.choices.iter().any(|c| c.payee.is_some());
    let bills = context.has_open(Concept::Pay) || context.choices.iter().any(|c| c.bill.is_some());
    let phones = context.has_open(Concept::Pay)
        || context.has_open(Concept::TopUp)
        || context.has_open(Concept::OwnPhone);
    if people {
        out.concept(lex, Concept::Send);
        out.concept(lex, Concept::ByPhone);
        for payee in &context.payees {
            for (form, relation) in &lex.relations {
                if *relation == payee.relation {
                    out.tokens(form);
                }
            }
            for form in name_forms(lang, &payee.name) {
                out.tokens(&form);
            }
        }
    }
    if bills {
        out.concept(lex, Concept::Pay);
        for bill in &context.bills {
            for (form, kind) in &lex.bills {
                if *kind == bill.kind {
                    out.tokens(form);
                }
            }
            out.phrase(&bill.provider);
        }
    }
    if phones {
        for concept in [Concept::TopUp, Concept::OwnPhone, Concept::OtherPhone] {
            out.concept(lex, concept);
        }
    }
    let verbs: Vec<Concept> = [
        (people, Concept::Send),
        (bills, Concept::Pay),
        (phones, Concept::TopUp),
    ]
    .iter()
    .filter(|(yes, _)| *yes)
    .map(|(_, verb)| *verb)
    .collect();
    if people || bills || phones || context.has_open(Concept::OtherAmount) {
        amount_words(out, lang, &verbs);
    }
    if context.has_open(Concept::HelpPlace) {
        out.concept(lex, Concept::Block);
    }
}

/// Words in the order first added, each once.
#[derive(Default)]
struct Grammar {
    words: Vec<String>,
}

impl Grammar {
    /// The words of a concept, and of the words that make it together with others.
    fn concept(&mut self, lex: &Lexicon, concept: Concept) {
        for phrase in lex.phrases_for(concept) {
            self.tokens(phrase);
        }
        for part in lex.parts_of(concept) {
            for phrase in lex.phrases_for(part) {
                self.tokens(phrase);
            }
        }
    }

    /// The words of a concept's own phrases only.
    fn direct(&mut self, lex: &Lexicon, concept: Concept) {
        for phrase in lex.phrases_for(concept) {
            self.tokens(phrase);
        }
    }

    fn tokens(&mut self, words: &[String]) {
        for word in words {
            // Digits never come out of a recogniser: they are not words to listen for.
            if word.chars().any(|c| c.is_ascii_digit()) || self.words.contains(word) {
                continue;
            }
            self.words.push(word.clone());
        }
    }

    fn phrase(&mut self, phrase: &str) {
        self.tokens(&tokens(phrase));
    }

    fn phrases<'a>(&mut self, phrases: impl Iterator<Item = &'a str>) {
        for phrase in phrases {
            self.phrase(phrase);
        }
    }
}
