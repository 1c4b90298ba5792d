//! The recogniser's grammar for a screen: only the words that screen accepts. The universal
//! commands, the numbers of its choices (cardinal, ordinal, «номер»), the words that pick each
//! choice and the words of its labels, people and bills where a request can name them, number
//! and currency words where an amount or a phone number can be said — and decoys, so that
//! speech outside the grammar lands on a word that means nothing.
//!
//! Vosk treats a grammar as a set of words it may string together, so the grammar is a list of
//! single words; the engine drops those the model does not know.

use super::VoiceLang;
use super::context::{Context, Expect};
use super::lexicon::{Concept, lexicon, name_forms};
use super::numbers;
use super::text::tokens;
use crate::voice::meaning::VoiceCommand;

/// The words the recogniser may hear on this screen, each once, in a stable order.
pub fn words(context: &Context) -> Vec<String> {
    let mut out = Grammar::default();
    let lang = context.lang;
    let lex = lexicon(lang);
    for command in VoiceCommand::ALL {
        out.phrases(lex.phrases_for(Concept::Command(command)));
    }
    out.phrases(lex.phrases_for(Concept::Filler));
    match &context.expect {
        Expect::Phrase(phrase) => {
            out.phrase(phrase);
            choice_words(&mut out, context);
        }
        Expect::Code => out.phrases(lex.phrases_for(Concept::Confirm)),
        Expect::Phone => {
            out.phrases(numbers::words(lang).iter().copied());
            out.phrases(lex.phrases_for(Concept::Plus));
            out.phrases(lex.phrases_for(Concept::Marker));
        }
        Expect::Amount => amount_words(&mut out, lang),
        Expect::Choice => choice_words(&mut out, context),
    }
    out.phrases(lex.phrases_for(Concept::Decoy));
    out.words
}

fn amount_words(out: &mut Grammar, lang: VoiceLang) {
    let lex = lexicon(lang);
    out.phrases(numbers::words(lang).iter().copied());
    for concept in [
        Concept::Major,
        Concept::Minor,
        Concept::Send,
        Concept::Pay,
        Concept::TopUp,
    ] {
        out.phrases(lex.phrases_for(concept));
    }
}

fn choice_words(out: &mut Grammar, context: &Context) {
    let lang = context.lang;
    let lex = lexicon(lang);
    for choice in &context.choices {
        out.phrases(numbers::choice_words(lang, choice.number).iter().copied());
        for concept in &choice.concepts {
            out.phrases(lex.phrases_for(*concept));
        }
        // Labels are in the screen's language; Korean voice chooses by number.
        if lang != VoiceLang::Ko {
            out.phrase(&choice.label);
        }
        if choice.key_only {
            out.phrases(lex.phrases_for(Concept::Confirm));
        }
    }
    if !context.choices.is_empty() {
        out.phrases(lex.phrases_for(Concept::Marker));
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
        out.phrases(lex.phrases_for(Concept::Send));
        out.phrases(lex.phrases_for(Concept::ByPhone));
        for payee in &context.payees {
            for (form, relation) in lex.relations {
                if *relation == payee.relation {
                    out.phrase(form);
                }
            }
            for form in name_forms(lang, &payee.name) {
                out.phrase(&form.join(" "));
            }
        }
    }
    if bills {
        out.phrases(lex.phrases_for(Concept::Pay));
        for bill in &context.bills {
            for (form, kind) in lex.bills {
                if *kind == bill.kind {
                    out.phrase(form);
                }
            }
            out.phrase(&bill.provider);
        }
    }
    if phones {
        for concept in [Concept::TopUp, Concept::OwnPhone, Concept::OtherPhone] {
            out.phrases(lex.phrases_for(concept));
        }
    }
    if people || bills || phones {
        amount_words(out, lang);
    }
    if context.has_open(Concept::HelpPlace) {
        out.phrases(lex.phrases_for(Concept::Block));
    }
}

/// Words in the order first added, each once.
#[derive(Default)]
struct Grammar {
    words: Vec<String>,
}

impl Grammar {
    fn phrase(&mut self, phrase: &str) {
        let words = if phrase == "[unk]" {
            vec![phrase.to_string()]
        } else {
            tokens(phrase)
        };
        for word in words {
            // Digits never come out of a recogniser: they are not words to listen for.
            if word.chars().any(|c| c.is_ascii_digit()) || self.words.contains(&word) {
                continue;
            }
            self.words.push(word);
        }
    }

    fn phrases<'a>(&mut self, phrases: impl Iterator<Item = &'a str>) {
        for phrase in phrases {
            self.phrase(phrase);
        }
    }
}
