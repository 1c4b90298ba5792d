//! The words Opora understands, per language: phrases that mean a command or a place on a
//! screen ([`Concept`]), the forms of relatives' names («дочери», «дочке»), bills by what people
//! call them («свет», «за воду»), fillers that carry no meaning («пожалуйста», «мне»), and decoys
//! — ordinary words that give speech outside the grammar somewhere harmless to land (the Korean
//! model has no `[unk]` word, so without decoys everything is forced onto a command).
//!
//! Every table is hand-written; the tests in `tests/voice_phrases.rs` hold them to account.

mod en;
mod ko;
mod ru;

use super::VoiceLang;
use crate::voice::meaning::VoiceCommand;

/// What a phrase of the lexicon stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Concept {
    Command(VoiceCommand),
    /// «подтвердить»: money is confirmed by a key, never by voice.
    Confirm,
    Balance,
    Send,
    Pay,
    TopUp,
    History,
    Lessons,
    /// The help screen with the bank's number.
    HelpPlace,
    Block,
    CallStaff,
    Trusted,
    ByPhone,
    /// Between the client's own accounts.
    Own,
    ToSavings,
    ToCard,
    OwnPhone,
    OtherPhone,
    /// The whole amount due of a bill.
    PayAll,
    OtherAmount,
    ChangeAmount,
    Older,
    Newer,
    Next,
    Begin,
    Skip,
    Leave,
    Continue,
    No,
    /// «номер», «вариант»: before a choice's number.
    Marker,
    /// «плюс» before a phone number.
    Plus,
    /// Roubles.
    Major,
    /// Kopecks.
    Minor,
    /// Words that carry no meaning here.
    Filler,
    /// A word nobody uses for a command: where speech outside the grammar lands.
    Decoy,
}

/// The word lists of one language.
pub struct Lexicon {
    /// Phrases (one or more words, normalised) and what each stands for.
    pub phrases: &'static [(&'static str, Concept)],
    /// Forms of relation words, with the relation's code (`daughter`).
    pub relations: &'static [(&'static str, &'static str)],
    /// What people call bills, with the bill kind's code (`electricity`).
    pub bills: &'static [(&'static str, &'static str)],
}

pub fn lexicon(lang: VoiceLang) -> &'static Lexicon {
    match lang {
        VoiceLang::Ru => &ru::LEXICON,
        VoiceLang::En => &en::LEXICON,
        VoiceLang::Ko => &ko::LEXICON,
    }
}

impl Lexicon {
    /// The phrases standing for a concept.
    pub fn phrases_for(&self, concept: Concept) -> impl Iterator<Item = &'static str> + '_ {
        self.phrases
            .iter()
            .filter(move |(_, c)| *c == concept)
            .map(|(p, _)| *p)
    }
}

/// A word to say when checking the microphone and the model (`opora voice check`).
pub fn sample_phrase(lang: VoiceLang) -> &'static str {
    match lang {
        VoiceLang::Ru => "баланс",
        VoiceLang::En => "balance",
        VoiceLang::Ko => "삼",
    }
}

/// How names decline in a language: every form of a name, as token lists.
pub fn name_forms(lang: VoiceLang, name: &str) -> Vec<Vec<String>> {
    match lang {
        VoiceLang::Ru => ru::name_forms(name),
        VoiceLang::En | VoiceLang::Ko => {
            let tokens = super::text::tokens(name);
            let mut out = vec![tokens.clone()];
            if tokens.len() > 1 {
                out.push(tokens[..1].to_vec());
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn every_phrase_is_normalised_and_means_one_thing() {
        for lang in VoiceLang::ALL {
            let lexicon = lexicon(lang);
            let mut seen: HashMap<&str, Concept> = HashMap::new();
            for (phrase, concept) in lexicon.phrases {
                let normal = super::super::text::normalize(phrase);
                // [unk] is the recogniser's own word and stays as it is.
                if *phrase != "[unk]" {
                    assert_eq!(&normal, phrase, "{lang:?}: «{phrase}» is not normalised");
                }
                if let Some(before) = seen.insert(phrase, *concept) {
                    panic!("{lang:?}: «{phrase}» means both {before:?} and {concept:?}");
                }
            }
            for (form, _) in lexicon.relations.iter().chain(lexicon.bills) {
                assert_eq!(&super::super::text::normalize(form), form, "{lang:?}");
                assert!(
                    !seen.contains_key(form),
                    "{lang:?}: «{form}» is also a phrase"
                );
            }
        }
    }

    #[test]
    fn every_command_has_words_in_every_language() {
        for lang in VoiceLang::ALL {
            for command in VoiceCommand::ALL {
                assert!(
                    lexicon(lang)
                        .phrases_for(Concept::Command(command))
                        .next()
                        .is_some(),
                    "{lang:?} {command:?}"
                );
            }
        }
    }

    #[test]
    fn russian_names_decline() {
        let forms = |name: &str| -> Vec<String> {
            name_forms(VoiceLang::Ru, name)
                .into_iter()
                .map(|f| f.join(" "))
                .collect()
        };
        let olga = forms("Ольга");
        for form in ["ольга", "ольге", "ольгу", "ольги", "ольгой"] {
            assert!(olga.contains(&form.to_string()), "{form}: {olga:?}");
        }
        let nina = forms("Нина Петровна");
        for form in ["нина петровна", "нине петровне", "нине", "нину"]
        {
            assert!(nina.contains(&form.to_string()), "{form}: {nina:?}");
        }
        assert!(forms("Дмитрий").contains(&"дмитрию".to_string()));
        assert!(forms("Иван").contains(&"ивану".to_string()));
        assert!(forms("Мария").contains(&"марии".to_string()));
        assert!(forms("Игорь").contains(&"игорю".to_string()));
        assert!(forms("Катя").contains(&"кате".to_string()));
        assert_eq!(forms("Дима").len(), 5);
    }
}
