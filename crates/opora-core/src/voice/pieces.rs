//! The first half of understanding a phrase: cutting it into pieces, longest first — phrases
//! of the lexicon («по номеру телефона»), a saved person in any form («дочке», «Ольге»), a bill
//! («за свет»), a colloquial amount («пятихатку»), a number («тысяча двести пятьдесят»), an
//! ordinal («второй») — then putting together what means something only together: «не» with
//! the word after it, and the lexicon's rules («карту» + «украли»: block the card). What is left
//! of words that only mean something together carries no meaning.

use super::VoiceLang;
use super::context::{Context, Expect};
use super::lexicon::{Concept, Lexicon, Part, lexicon, name_forms};
use super::numbers::{self, Read};
use super::text::{UNKNOWN, tokens};
use crate::money::Money;

/// One piece of a phrase.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Concept(Concept),
    Number(Read),
    /// A typed amount with kopecks: «1250,50».
    Decimal(Money),
    /// A colloquial amount («полтинник», «сотня»), in kopecks.
    Amount(i64),
    Ordinal(u64),
    /// Saved people this word can name (more than one when it is ambiguous).
    Payee(Vec<String>),
    /// Bills this word can name.
    Bill(Vec<String>),
    /// A person or a bill the client does not have («маме», «за интернет»): never skipped, so
    /// that «перевести маме» is not read as «перевести».
    Absent,
    /// A word the lexicon does not know, or the recogniser's `[unk]`.
    Unknown,
}

impl Piece {
    pub fn is(&self, concept: Concept) -> bool {
        *self == Piece::Concept(concept)
    }

    /// Whether it is part of an amount: a number, a currency word, a colloquial amount.
    pub fn is_amount(&self) -> bool {
        matches!(
            self,
            Piece::Number(_)
                | Piece::Decimal(_)
                | Piece::Amount(_)
                | Piece::Concept(Concept::Major | Concept::Minor)
        )
    }
}

/// A name and what it stands for, as the scanner looks for it.
type Named = (Vec<String>, Option<String>);

/// Cuts the phrase into pieces, the longest match first at each word.
pub fn scan(words: &[String], context: &Context) -> Vec<Piece> {
    let lang = context.lang;
    let lex = lexicon(lang);
    let people = people(lex, context);
    let bills = bills(lex, context);
    let starts_with = |at: &[String], form: &[String]| !form.is_empty() && at.starts_with(form);

    let mut pieces = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let at = &words[i..];
        if at[0] == UNKNOWN {
            pieces.push(Piece::Unknown);
            i += 1;
            continue;
        }
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
        for (phrase, concept) in lex.starting_with(&at[0]) {
            if at.starts_with(phrase) {
                offer(phrase.len(), 0, Piece::Concept(*concept));
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
                    .filter_map(|(_, key)| key.clone())
                    .collect();
                keys.sort();
                keys.dedup();
                let piece = match (keys.is_empty(), priority) {
                    (true, _) => Piece::Absent,
                    (false, 1) => Piece::Payee(keys),
                    (false, _) => Piece::Bill(keys),
                };
                offer(len, priority, piece);
            }
        }
        for (form, kopecks) in &lex.amounts {
            if starts_with(at, form) {
                offer(form.len(), 3, Piece::Amount(*kopecks));
            }
        }
        if let Some(read) = numbers::read(lang, at) {
            offer(read.tokens, 4, Piece::Number(read));
        }
        if let Some(n) = numbers::ordinal(lang, &at[0]) {
            // "the first one": the ordinal with its "one".
            let one = lang == VoiceLang::En && at.get(1).is_some_and(|w| w == "one");
            offer(if one { 2 } else { 1 }, 5, Piece::Ordinal(n));
        }
        if let Some(money) = decimal(&at[0]) {
            offer(1, 6, Piece::Decimal(money));
        }
        // "oh" for a zero, in a phone number said in English.
        if lang == VoiceLang::En && context.expect == Expect::Phone && at[0] == "oh" {
            offer(1, 0, Piece::Number(Read::whole(0, 1)));
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

/// Saved people, by relation words and their names in every form; relation words of people
/// the client has not saved name nobody.
fn people(lex: &Lexicon, context: &Context) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    for (form, relation) in &lex.relations {
        let saved: Vec<&String> = context
            .payees
            .iter()
            .filter(|p| p.relation == *relation)
            .map(|p| &p.key)
            .collect();
        if saved.is_empty() {
            out.push((form.clone(), None));
        }
        for key in saved {
            out.push((form.clone(), Some(key.clone())));
        }
    }
    for payee in &context.payees {
        for form in name_forms(context.lang, &payee.name) {
            out.push((form, Some(payee.key.clone())));
        }
    }
    out
}

/// Bills: what people call them, and their providers' names; kinds of bill the client does
/// not have name nothing.
fn bills(lex: &Lexicon, context: &Context) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    for (form, kind) in &lex.bills {
        let theirs: Vec<&String> = context
            .bills
            .iter()
            .filter(|b| b.kind == *kind)
            .map(|b| &b.key)
            .collect();
        if theirs.is_empty() {
            out.push((form.clone(), None));
        }
        for key in theirs {
            out.push((form.clone(), Some(key.clone())));
        }
    }
    for bill in &context.bills {
        out.push((tokens(&bill.provider), Some(bill.key.clone())));
    }
    out
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

/// Puts together what means something only together: «не» with the word after it («не
/// блокируйте»: no), then the lexicon's rules, in order. Words left over that only mean
/// something together become fillers.
pub fn combine(mut pieces: Vec<Piece>, lex: &Lexicon) -> Vec<Piece> {
    let not = Piece::Concept(Concept::Part(Part::Not));
    let mut i = 0;
    while i + 1 < pieces.len() {
        let negates = pieces[i] == not
            && matches!(&pieces[i + 1], Piece::Concept(c)
                if !matches!(c, Concept::Filler | Concept::Part(_) | Concept::Command(_)));
        if negates {
            pieces.splice(i..i + 2, [Piece::Concept(Concept::No)]);
        }
        i += 1;
    }
    for rule in lex.rules {
        // Each application removes a word; a rule cannot apply more often than there are.
        for _ in 0..=pieces.len() {
            let said = pieces
                .iter()
                .filter(|p| !p.is(Concept::Filler) && !p.is(Concept::Marker))
                .count();
            if rule.alone && said != rule.when.len() {
                break;
            }
            let mut at: Vec<usize> = Vec::new();
            for concept in rule.when {
                let found = pieces
                    .iter()
                    .enumerate()
                    .position(|(j, p)| p.is(*concept) && !at.contains(&j));
                match found {
                    Some(j) => at.push(j),
                    None => break,
                }
            }
            if at.len() != rule.when.len() {
                break;
            }
            let first = at.iter().copied().min().unwrap_or(0);
            at.sort_unstable_by(|a, b| b.cmp(a));
            for j in &at {
                pieces.remove(*j);
            }
            let place = first.min(pieces.len());
            for (k, concept) in rule.then.iter().enumerate() {
                pieces.insert(place + k, Piece::Concept(*concept));
            }
        }
    }
    for piece in &mut pieces {
        if matches!(piece, Piece::Concept(Concept::Part(_))) {
            *piece = Piece::Concept(Concept::Filler);
        }
    }
    pieces
}

/// What the words of a label mean, for choices whose action says nothing to voice (a lesson
/// in the list, an answer to a quiz): «Безопасный перевод» is about sending, «Потеряли
/// карту» about blocking it.
pub fn label_concepts(label: &str, lang: VoiceLang) -> Vec<Concept> {
    let bare = Context {
        lang,
        screen: "",
        expect: Expect::Choice,
        choices: Vec::new(),
        payees: Vec::new(),
        bills: Vec::new(),
    };
    let lex = super::lexicon::lexicon(lang);
    let mut out = Vec::new();
    for piece in combine(scan(&super::text::tokens(label), &bare), lex) {
        if let Piece::Concept(c) = piece
            && !matches!(
                c,
                Concept::Filler | Concept::Marker | Concept::Command(_) | Concept::Confirm
            )
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voice::context::Context;

    fn bare(lang: VoiceLang) -> Context {
        Context {
            lang,
            screen: "home",
            expect: Expect::Choice,
            choices: Vec::new(),
            payees: Vec::new(),
            bills: Vec::new(),
        }
    }

    fn pieces(text: &str, lang: VoiceLang) -> Vec<Piece> {
        combine(scan(&tokens(text), &bare(lang)), lexicon(lang))
    }

    fn concepts(text: &str, lang: VoiceLang) -> Vec<Concept> {
        pieces(text, lang)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Concept(c) if !matches!(c, Concept::Filler | Concept::Major) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn words_that_mean_something_together() {
        use Concept::*;
        let ru = VoiceLang::Ru;
        assert_eq!(concepts("у меня украли карту", ru), [Block]);
        assert_eq!(concepts("карточку потеряла", ru), [Block]);
        assert_eq!(concepts("пенсия пришла", ru), [Balance]);
        assert_eq!(concepts("последние платежи", ru), [History]);
        assert_eq!(
            concepts("вернуться на главную", ru),
            [Command(crate::voice::meaning::VoiceCommand::Home)]
        );
        assert_eq!(concepts("положить сто рублей на телефон", ru), [TopUp]);
        assert_eq!(concepts("не блокируйте", ru), [No]);
        assert_eq!(concepts("понятно", ru), [Next]);
        assert_eq!(
            concepts("понятно назад", ru),
            [Command(crate::voice::meaning::VoiceCommand::Back)]
        );
        assert_eq!(concepts("карту", ru), Vec::<Concept>::new());
        let en = VoiceLang::En;
        assert_eq!(concepts("my card has been stolen", en), [Block]);
        assert_eq!(concepts("how much have i got on my card", en), [Balance]);
        assert_eq!(concepts("don't send it", en), [No]);
    }

    #[test]
    fn unknown_absent_and_amount_words() {
        let ru = VoiceLang::Ru;
        assert_eq!(pieces("бананы", ru), [Piece::Unknown]);
        assert_eq!(pieces("[unk]", ru), [Piece::Unknown]);
        assert_eq!(pieces("маме", ru), [Piece::Absent]);
        assert_eq!(pieces("пятихатку", ru), [Piece::Amount(50_000)]);
        assert!(
            matches!(pieces("две сотни", ru).as_slice(), [Piece::Number(r), Piece::Amount(10_000)] if r.value == 2)
        );
    }
}
