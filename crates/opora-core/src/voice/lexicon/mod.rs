//! The words Opora understands, per language, as data: phrases that mean a command or a place
//! on a screen ([`Concept`]), written with lemmas in braces («{перевести} {деньги}») that the
//! [`paradigm`] tables turn into every form a client says («переведите деньги», «перевела
//! денег»); words that only mean something together («карту» + «украли»: block the card), put
//! together by [`Rule`]s; relatives in every case («дочери», «дочке»), bills by what people call
//! them («свет», «за воду»), colloquial amounts («полтинник», «косарь»), and fillers that carry
//! no meaning («пожалуйста», «ну», "could you").
//!
//! Every table is hand-written; `tests/voice_phrases.rs` and `tests/voice_heldout.rs` hold them
//! to account, and the tests below check the tables themselves.

mod en;
mod en_words;
mod ko;
pub mod paradigm;
mod ru;
mod ru_names;
mod ru_words;

use super::VoiceLang;
use super::text::tokens;
use crate::voice::meaning::VoiceCommand;
use std::collections::HashMap;
use std::sync::LazyLock;

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
    /// «да»: picks «Да» where a screen asks; elsewhere it adds nothing.
    Yes,
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
    /// A word nobody uses for a command: where speech outside the grammar lands (only for
    /// Korean, whose model has no `[unk]`).
    Decoy,
    /// Words that mean something only with others (see [`Rule`]). Left over, they are dropped.
    Part(Part),
}

/// A word that means something only together with others: «карту» and «украли» make
/// «заблокировать карту»; «сколько» and «денег» make the balance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// «карта», «карточка», "card", «на счету».
    Card,
    /// «потерять», «пропасть», "lose".
    Lose,
    /// «украсть», «вытащить», "steal".
    Steal,
    /// «пенсия», "pension".
    Pension,
    /// «прийти», «поступить», "arrive", "come in".
    Arrive,
    /// «сколько», "how much".
    HowMuch,
    /// «осталось», "left".
    Left,
    /// "have", "got".
    Have,
    /// «последние», "recent", "last".
    Recent,
    /// «платёж», "payment".
    Payment,
    /// «потратить», "spend".
    Spend,
    /// «вернуться», "go", "take me".
    Return,
    /// «положить», "put".
    Put,
    /// «кинуть», «закинуть», «скинуть».
    Toss,
    /// «на телефон», "on a phone".
    OnPhone,
    /// «не», "don't": negates the word after it.
    Not,
    /// «понятно», «хорошо», "okay": alone, on to the next step; with other words, nothing.
    Ack,
    /// «сменить», «поменять», "change" (the amount, with «сумма»).
    Change,
    /// «сумма», "amount".
    Sum,
    /// «передумала», "changed my mind": alone, cancel; with «нет» or a command, that.
    ChangedMind,
}

/// Words that together mean one thing: when every concept of `when` was said, they are
/// replaced by `then`. With `alone`, only when nothing else was said. Rules apply in order.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub when: &'static [Concept],
    pub then: &'static [Concept],
    pub alone: bool,
}

/// The word lists of one language, with every form spelled out and split into tokens.
pub struct Lexicon {
    /// Phrases and what each stands for.
    pub phrases: Vec<(Vec<String>, Concept)>,
    /// Forms of relation words, with the relation's code (`daughter`).
    pub relations: Vec<(Vec<String>, &'static str)>,
    /// What people call bills, with the bill kind's code (`electricity`).
    pub bills: Vec<(Vec<String>, &'static str)>,
    /// Colloquial amounts and what each is worth, in kopecks («полтинник»: 5 000).
    pub amounts: Vec<(Vec<String>, i64)>,
    pub rules: &'static [Rule],
    /// Phrases by their first token.
    index: HashMap<String, Vec<usize>>,
}

/// The tables of one language, before the forms are generated.
struct Tables {
    phrases: &'static [(&'static str, Concept)],
    relations: &'static [(&'static str, &'static str)],
    bills: &'static [(&'static str, &'static str)],
    amounts: &'static [(&'static str, i64)],
    rules: &'static [Rule],
    forms: fn(&str) -> Option<Vec<String>>,
}

static LEXICONS: LazyLock<[Lexicon; 3]> = LazyLock::new(|| {
    [
        Lexicon::build(&ru::TABLES),
        Lexicon::build(&en::TABLES),
        Lexicon::build(&ko::TABLES),
    ]
});

pub fn lexicon(lang: VoiceLang) -> &'static Lexicon {
    match lang {
        VoiceLang::Ru => &LEXICONS[0],
        VoiceLang::En => &LEXICONS[1],
        VoiceLang::Ko => &LEXICONS[2],
    }
}

impl Lexicon {
    fn build(tables: &Tables) -> Lexicon {
        let expand = |pattern: &str| expand(pattern, tables.forms);
        let mut phrases: Vec<(Vec<String>, Concept)> = Vec::new();
        for (pattern, concept) in tables.phrases {
            for phrase in expand(pattern) {
                // The first meaning given for a form wins: tables list the specific first.
                if !phrases.iter().any(|(p, _)| *p == phrase) {
                    phrases.push((phrase, *concept));
                }
            }
        }
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (phrase, _)) in phrases.iter().enumerate() {
            if let Some(first) = phrase.first() {
                index.entry(first.clone()).or_default().push(i);
            }
        }
        let pairs = |table: &[(&'static str, &'static str)]| -> Vec<(Vec<String>, &'static str)> {
            table
                .iter()
                .flat_map(|(pattern, code)| expand(pattern).into_iter().map(move |p| (p, *code)))
                .collect()
        };
        Lexicon {
            relations: pairs(tables.relations),
            bills: pairs(tables.bills),
            amounts: tables
                .amounts
                .iter()
                .flat_map(|(pattern, value)| expand(pattern).into_iter().map(move |p| (p, *value)))
                .collect(),
            rules: tables.rules,
            phrases,
            index,
        }
    }

    /// The phrases that start with this token.
    pub fn starting_with<'a>(
        &'a self,
        token: &str,
    ) -> impl Iterator<Item = &'a (Vec<String>, Concept)> + 'a {
        self.index
            .get(token)
            .into_iter()
            .flatten()
            .map(|i| &self.phrases[*i])
    }

    /// The phrases standing for a concept, as token lists.
    pub fn phrases_for(&self, concept: Concept) -> impl Iterator<Item = &Vec<String>> + '_ {
        self.phrases
            .iter()
            .filter(move |(_, c)| *c == concept)
            .map(|(p, _)| p)
    }

    /// Whether a token is one of the words that carry no meaning.
    pub fn is_filler(&self, token: &str) -> bool {
        self.starting_with(token)
            .any(|(p, c)| *c == Concept::Filler && p.len() == 1)
    }

    /// The words that only mean something together ([`Part`]s) and, by the rules, make
    /// `concept`: what else a screen that accepts `concept` should listen for.
    pub fn parts_of(&self, concept: Concept) -> Vec<Concept> {
        let mut out = Vec::new();
        let mut wanted = vec![concept];
        while let Some(goal) = wanted.pop() {
            for rule in self.rules.iter().filter(|r| r.then.contains(&goal)) {
                for part in rule.when {
                    if matches!(part, Concept::Part(_)) && !out.contains(part) {
                        out.push(*part);
                        wanted.push(*part);
                    }
                }
            }
        }
        out
    }
}

/// Every phrase a pattern stands for: literal words as they are, `{lemma}` as each of its
/// forms, `[unk]` as the recogniser's own word for speech outside the grammar.
fn expand(pattern: &str, forms: fn(&str) -> Option<Vec<String>>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for word in pattern.split_whitespace() {
        let options: Vec<String> = match word.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
            Some(lemma) => forms(lemma).unwrap_or_default(),
            None if word == "[unk]" => vec![word.to_string()],
            None => vec![tokens(word).join(" ")],
        };
        out = out
            .iter()
            .flat_map(|head| {
                options.iter().map(move |option| {
                    let mut phrase = head.clone();
                    phrase.extend(
                        option
                            .split(' ')
                            .filter(|t| !t.is_empty())
                            .map(String::from),
                    );
                    phrase
                })
            })
            .collect();
    }
    out.retain(|p| !p.is_empty());
    out
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
        VoiceLang::Ru => ru_names::name_forms(name),
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

    fn all_tables() -> [(VoiceLang, &'static Tables); 3] {
        [
            (VoiceLang::Ru, &ru::TABLES),
            (VoiceLang::En, &en::TABLES),
            (VoiceLang::Ko, &ko::TABLES),
        ]
    }

    #[test]
    fn every_lemma_named_in_a_table_is_in_the_lemma_tables() {
        for (lang, tables) in all_tables() {
            let patterns = tables
                .phrases
                .iter()
                .map(|(p, _)| *p)
                .chain(tables.relations.iter().map(|(p, _)| *p))
                .chain(tables.bills.iter().map(|(p, _)| *p))
                .chain(tables.amounts.iter().map(|(p, _)| *p));
            for pattern in patterns {
                for word in pattern.split_whitespace() {
                    if let Some(lemma) = word.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                        assert!(
                            (tables.forms)(lemma).is_some_and(|f| !f.is_empty()),
                            "{lang:?}: «{lemma}» in «{pattern}» has no forms"
                        );
                    } else if word != "[unk]" {
                        assert_eq!(
                            super::super::text::normalize(word),
                            word,
                            "{lang:?}: «{word}» in «{pattern}» is not normalised"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_form_means_two_things() {
        for lang in VoiceLang::ALL {
            let lex = lexicon(lang);
            let mut seen: HashMap<&Vec<String>, Concept> = HashMap::new();
            for (phrase, concept) in &lex.phrases {
                if let Some(before) = seen.insert(phrase, *concept) {
                    panic!("{lang:?}: «{phrase:?}» means both {before:?} and {concept:?}");
                }
            }
            for (form, _) in lex.relations.iter().chain(&lex.bills).map(|(f, c)| (f, c)) {
                assert!(
                    !seen.contains_key(form),
                    "{lang:?}: «{}» is a phrase and a name",
                    form.join(" ")
                );
            }
            for (form, _) in &lex.amounts {
                assert!(
                    !seen.contains_key(form),
                    "{lang:?}: «{}» is a phrase and an amount",
                    form.join(" ")
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
    fn lemmas_give_every_form() {
        let ru = lexicon(VoiceLang::Ru);
        let means = |text: &str| {
            let t = tokens(text);
            ru.phrases.iter().find(|(p, _)| *p == t).map(|(_, c)| *c)
        };
        for (text, concept) in [
            ("переведите", Concept::Send),
            ("перевела", Concept::Send),
            ("отправила", Concept::Send),
            ("оплатите", Concept::Pay),
            ("покажи", Concept::Filler),
            ("забыла", Concept::Filler),
            ("пополните", Concept::TopUp),
            ("заблокируйте", Concept::Block),
            ("карточку", Concept::Part(Part::Card)),
            ("украли", Concept::Part(Part::Steal)),
            ("потеряла", Concept::Part(Part::Lose)),
            ("вернитесь", Concept::Part(Part::Return)),
        ] {
            assert_eq!(means(text), Some(concept), "«{text}»");
        }
        let en = lexicon(VoiceLang::En);
        let means = |text: &str| {
            let t = tokens(text);
            en.phrases.iter().find(|(p, _)| *p == t).map(|(_, c)| *c)
        };
        assert_eq!(means("sent"), Some(Concept::Send));
        assert_eq!(means("stolen"), Some(Concept::Part(Part::Steal)));
    }

    #[test]
    fn rules_name_what_makes_a_meaning() {
        let ru = lexicon(VoiceLang::Ru);
        let parts = ru.parts_of(Concept::Block);
        assert!(parts.contains(&Concept::Part(Part::Card)), "{parts:?}");
        assert!(parts.contains(&Concept::Part(Part::Steal)), "{parts:?}");
    }
}
