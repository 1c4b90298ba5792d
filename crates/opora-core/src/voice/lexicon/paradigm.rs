//! Word forms from a lemma table: a Russian verb from its principal parts (infinitive, first
//! and second person singular, masculine past, imperative), a Russian noun or adjective from
//! its lemma and declension, an English verb or noun from its base and irregular forms. The
//! lexicon names a word by its lemma («{перевести}») and gets every form a client may say:
//! «переведи», «переведите», «перевела», «переведу», «переведём»…
//!
//! The rules are the regular ones of the school grammar; what they cannot derive (a fleeting
//! vowel in «карточек», «хотят») the table lists as extra forms. Generating a form nobody says
//! costs nothing: the parser never hears it.

/// A Russian verb by its principal parts. Reflexive verbs are given with their «-ся»/«-сь».
#[derive(Clone, Copy, Debug)]
pub struct RuVerb {
    pub infinitive: &'static str,
    /// First person singular: «переведу».
    pub first: &'static str,
    /// Second person singular: «переведёшь» (written with е).
    pub second: &'static str,
    /// Masculine past: «перевёл» (written with е).
    pub past: &'static str,
    /// Imperative singular: «переведи»; "" when the verb has none in use.
    pub imperative: &'static str,
    /// Forms the rules miss («вышла» beside «вышел»), space-separated.
    pub extra: &'static str,
}

/// How a Russian noun or adjective declines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decl {
    /// Feminine in -а/-я, and -ия: «карта», «сотня», «пенсия».
    Feminine,
    /// Feminine in -ь: «помощь».
    FeminineSoft,
    /// Masculine ending in a consonant, -ь or -й: «перевод», «косарь», «платёж».
    Masculine,
    /// Neuter in -о/-е/-ие: «электричество», «обучение».
    Neuter,
    /// An adjective in -ый/-ой/-ий: «накопительный», «последний», «другой».
    Adjective,
    /// Does not change: «метро».
    Fixed,
}

/// A Russian noun or adjective: the lemma, how it declines, and forms the rules miss
/// (space-separated).
#[derive(Clone, Copy, Debug)]
pub struct RuNoun {
    pub lemma: &'static str,
    pub decl: Decl,
    pub extra: &'static str,
}

/// An English word: its base and the forms that are not regular (space-separated). Verbs get
/// -s, -ed and -ing; nouns get -s.
#[derive(Clone, Copy, Debug)]
pub struct EnWord {
    pub base: &'static str,
    pub verb: bool,
    pub extra: &'static str,
}

const HUSHING: &[char] = &['ж', 'ш', 'ч', 'щ'];
const VELAR: &[char] = &['г', 'к', 'х'];
const VOWELS: &[char] = &['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];

fn last(word: &str) -> Option<char> {
    word.chars().last()
}

fn ends_with_any(word: &str, set: &[char]) -> bool {
    last(word).is_some_and(|c| set.contains(&c))
}

fn strip(word: &str, n: usize) -> String {
    let count = word.chars().count();
    word.chars().take(count.saturating_sub(n)).collect()
}

/// «ся» after a consonant, «сь» after a vowel.
fn reflexive(form: &str) -> String {
    if ends_with_any(form, VOWELS) {
        format!("{form}сь")
    } else {
        format!("{form}ся")
    }
}

/// Whether a stem ends in a consonant and then `last`, where the plural genitive takes a
/// fleeting vowel («карточк» → «карточек», «сотн» → «сотен»).
fn fleeting(stem: &str, last: char) -> bool {
    let mut chars = stem.chars().rev();
    chars.next() == Some(last)
        && chars
            .next()
            .is_some_and(|c| !VOWELS.contains(&c) && c != 'ь')
}

fn unreflexive(form: &str) -> &str {
    form.strip_suffix("ся")
        .or_else(|| form.strip_suffix("сь"))
        .unwrap_or(form)
}

/// Every form of a Russian verb: infinitive, present or future, past, imperative.
pub fn ru_verb(verb: &RuVerb) -> Vec<String> {
    let is_reflexive = verb.infinitive.ends_with("ся") || verb.infinitive.ends_with("сь");
    let base = |form: &'static str| -> &str {
        if is_reflexive {
            unreflexive(form)
        } else {
            form
        }
    };
    let mut forms: Vec<String> = vec![base(verb.first).to_string()];
    let second = base(verb.second);
    forms.push(second.to_string());
    if let Some(stem) = second.strip_suffix("шь") {
        forms.push(format!("{stem}т"));
        forms.push(format!("{stem}м"));
        forms.push(format!("{stem}те"));
        let (consonants, conjugation_i) = match stem.strip_suffix('и') {
            Some(c) => (c.to_string(), true),
            None => (strip(stem, 1), false),
        };
        let ending = match (conjugation_i, ends_with_any(&consonants, HUSHING)) {
            (true, true) => "ат",
            (true, false) => "ят",
            (false, _) if ends_with_any(&consonants, VOWELS) || base(verb.first).ends_with('ю') => {
                "ют"
            }
            (false, _) => "ут",
        };
        forms.push(format!("{consonants}{ending}"));
    }
    let past = base(verb.past);
    let past_stem = if past.ends_with('л') {
        past.to_string()
    } else {
        format!("{past}л")
    };
    forms.push(past.to_string());
    for ending in ["а", "о", "и"] {
        forms.push(format!("{past_stem}{ending}"));
    }
    let imperative = base(verb.imperative);
    if !imperative.is_empty() {
        forms.push(imperative.to_string());
        forms.push(format!("{imperative}те"));
    }
    let mut out: Vec<String> = vec![verb.infinitive.to_string()];
    out.extend(
        forms
            .into_iter()
            .map(|f| if is_reflexive { reflexive(&f) } else { f }),
    );
    out.extend(verb.extra.split_whitespace().map(str::to_string));
    dedup(out)
}

/// Every form of a Russian noun or adjective, singular and plural, in the six cases.
pub fn ru_noun(noun: &RuNoun) -> Vec<String> {
    let lemma = noun.lemma;
    let soft = |w: &str| ends_with_any(w, HUSHING) || ends_with_any(w, VELAR);
    let mut out = vec![lemma.to_string()];
    let endings: Vec<String> = match noun.decl {
        Decl::Feminine if lemma.ends_with("ия") => {
            let stem = strip(lemma, 2);
            ["ии", "ию", "ией", "ий", "иям", "иями", "иях"]
                .iter()
                .map(|e| format!("{stem}{e}"))
                .collect()
        }
        Decl::Feminine if lemma.ends_with('я') => {
            let stem = strip(lemma, 1);
            // «сотня»: the plural genitive has a fleeting vowel («сотен»): the table gives it.
            let genitive = if fleeting(&stem, 'н') { "" } else { "ь" };
            ["и", "е", "ю", "ей", genitive, "ям", "ями", "ях"]
                .iter()
                .filter(|e| !e.is_empty())
                .map(|e| format!("{stem}{e}"))
                .collect()
        }
        Decl::Feminine => {
            let stem = strip(lemma, 1);
            let y = if soft(&stem) { "и" } else { "ы" };
            let oy = if ends_with_any(&stem, HUSHING) {
                "ей"
            } else {
                "ой"
            };
            // «карточка»: the plural genitive has a fleeting vowel («карточек»): the table
            // gives it.
            let genitive = if fleeting(&stem, 'к') { "-" } else { "" };
            [y, "е", "у", oy, genitive, "ам", "ами", "ах"]
                .iter()
                .filter(|e| **e != "-")
                .map(|e| format!("{stem}{e}"))
                .collect()
        }
        Decl::FeminineSoft => {
            let stem = strip(lemma, 1);
            ["и", "ью", "ей", "ям", "ями", "ях", "ам", "ами", "ах"]
                .iter()
                .map(|e| format!("{stem}{e}"))
                .collect()
        }
        Decl::Masculine => {
            let (stem, soft_stem) = match last(lemma) {
                Some('ь') | Some('й') => (strip(lemma, 1), true),
                _ => (lemma.to_string(), false),
            };
            let hushing = ends_with_any(&stem, HUSHING);
            let endings: &[&str] = if soft_stem {
                &["я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"]
            } else if hushing {
                &["а", "у", "ом", "ем", "е", "и", "ей", "ам", "ами", "ах"]
            } else if soft(&stem) {
                &["а", "у", "ом", "е", "и", "ов", "ам", "ами", "ах"]
            } else {
                &["а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]
            };
            endings.iter().map(|e| format!("{stem}{e}")).collect()
        }
        Decl::Neuter => {
            let (stem, ie) = match lemma.strip_suffix("ие") {
                Some(stem) => (stem.to_string(), true),
                None => (strip(lemma, 1), false),
            };
            let endings: &[&str] = if ie {
                &["ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях"]
            } else if lemma.ends_with('е') {
                &["я", "ю", "ем", "е", "ей", "ям", "ями", "ях"]
            } else {
                &["а", "у", "ом", "е", "", "ам", "ами", "ах"]
            };
            endings.iter().map(|e| format!("{stem}{e}")).collect()
        }
        Decl::Adjective => {
            let stem = strip(lemma, 2);
            let endings: &[&str] = if lemma.ends_with("ий") && !soft(&stem) {
                &[
                    "его", "ему", "им", "ем", "яя", "ей", "юю", "ее", "ие", "их", "ими",
                ]
            } else if soft(&stem) {
                &[
                    "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими", "ий",
                ]
            } else {
                &[
                    "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми", "ый",
                ]
            };
            endings.iter().map(|e| format!("{stem}{e}")).collect()
        }
        Decl::Fixed => Vec::new(),
    };
    out.extend(endings);
    out.extend(noun.extra.split_whitespace().map(str::to_string));
    dedup(out)
}

/// Every form of an English word.
pub fn en_word(word: &EnWord) -> Vec<String> {
    let base = word.base;
    let mut out = vec![base.to_string()];
    let s = if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if base.ends_with('y') && !base.ends_with("ay") && !base.ends_with("ey") {
        format!("{}ies", strip(base, 1))
    } else {
        format!("{base}s")
    };
    out.push(s);
    if word.verb {
        let stem = base.strip_suffix('e').unwrap_or(base);
        out.push(format!("{stem}ed"));
        out.push(format!("{stem}ing"));
    }
    out.extend(word.extra.split_whitespace().map(str::to_string));
    dedup(out)
}

fn dedup(forms: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(forms.len());
    for form in forms {
        if !form.is_empty() && !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[String], want: &[&str]) {
        for w in want {
            assert!(forms.iter().any(|f| f == w), "«{w}» missing from {forms:?}");
        }
    }

    fn verb(
        infinitive: &'static str,
        first: &'static str,
        second: &'static str,
        past: &'static str,
        imperative: &'static str,
    ) -> Vec<String> {
        ru_verb(&RuVerb {
            infinitive,
            first,
            second,
            past,
            imperative,
            extra: "",
        })
    }

    #[test]
    fn russian_verbs_conjugate() {
        let send = verb("перевести", "переведу", "переведешь", "перевел", "переведи");
        has(
            &send,
            &[
                "перевести",
                "переведу",
                "переведет",
                "переведем",
                "переведете",
                "переведут",
                "перевела",
                "перевели",
                "переведи",
                "переведите",
            ],
        );
        let pay = verb("оплатить", "оплачу", "оплатишь", "оплатил", "оплати");
        has(&pay, &["оплатят", "оплатила", "оплатите", "оплатим"]);
        let put = verb("положить", "положу", "положишь", "положил", "положи");
        has(&put, &["положат", "положите", "положила"]);
        let show = verb("показать", "покажу", "покажешь", "показал", "покажи");
        has(&show, &["покажут", "покажите", "показала"]);
        let learn = verb("узнать", "узнаю", "узнаешь", "узнал", "узнай");
        has(&learn, &["узнают", "узнайте", "узнала"]);
        let steal = verb("украсть", "украду", "украдешь", "украл", "укради");
        has(&steal, &["украли", "украла", "украдут"]);
        let help = verb("помочь", "помогу", "поможешь", "помог", "помоги");
        has(&help, &["помогла", "помогите", "помогли"]);
    }

    #[test]
    fn reflexive_verbs_keep_their_particle() {
        let back = verb("вернуться", "вернусь", "вернешься", "вернулся", "вернись");
        has(
            &back,
            &[
                "вернуться",
                "вернусь",
                "вернется",
                "вернемся",
                "вернетесь",
                "вернутся",
                "вернулся",
                "вернулась",
                "вернулись",
                "вернись",
                "вернитесь",
            ],
        );
    }

    #[test]
    fn russian_nouns_decline() {
        let noun = |lemma, decl, extra| ru_noun(&RuNoun { lemma, decl, extra });
        has(
            &noun("карта", Decl::Feminine, ""),
            &["карты", "карте", "карту", "картой", "карт"],
        );
        has(
            &noun("карточка", Decl::Feminine, "карточек"),
            &["карточки", "карточку", "карточкой", "карточек"],
        );
        has(
            &noun("пенсия", Decl::Feminine, ""),
            &["пенсии", "пенсию", "пенсией"],
        );
        has(
            &noun("сотня", Decl::Feminine, "сотен"),
            &["сотни", "сотню", "сотней", "сотен"],
        );
        let card = noun("карточка", Decl::Feminine, "карточек");
        assert!(!card.contains(&"карточк".to_string()), "{card:?}");
        assert!(!noun("сотня", Decl::Feminine, "").contains(&"сотнь".to_string()));
        assert!(noun("тетя", Decl::Feminine, "").contains(&"теть".to_string()));
        has(
            &noun("платеж", Decl::Masculine, ""),
            &["платежа", "платежи", "платежей", "платежом"],
        );
        has(
            &noun("перевод", Decl::Masculine, ""),
            &["перевода", "переводы", "переводов"],
        );
        has(
            &noun("косарь", Decl::Masculine, ""),
            &["косаря", "косари", "косарей"],
        );
        has(
            &noun("рублик", Decl::Masculine, ""),
            &["рублики", "рубликов"],
        );
        has(
            &noun("помощь", Decl::FeminineSoft, ""),
            &["помощи", "помощью"],
        );
        has(
            &noun("обучение", Decl::Neuter, ""),
            &["обучения", "обучению", "обучении"],
        );
        has(
            &noun("электричество", Decl::Neuter, ""),
            &["электричества", "электричеством"],
        );
        has(
            &noun("накопительный", Decl::Adjective, ""),
            &["накопительного", "накопительному", "накопительная"],
        );
        has(
            &noun("последний", Decl::Adjective, ""),
            &["последние", "последних", "последнюю"],
        );
        has(
            &noun("другой", Decl::Adjective, ""),
            &["другую", "другие", "другого"],
        );
    }

    #[test]
    fn english_words_inflect() {
        let send = en_word(&EnWord {
            base: "send",
            verb: true,
            extra: "sent",
        });
        has(&send, &["send", "sends", "sending", "sent"]);
        let pay = en_word(&EnWord {
            base: "payment",
            verb: false,
            extra: "",
        });
        has(&pay, &["payments"]);
        let change = en_word(&EnWord {
            base: "change",
            verb: true,
            extra: "",
        });
        has(&change, &["changed", "changing", "changes"]);
        let lose = en_word(&EnWord {
            base: "lose",
            verb: true,
            extra: "lost",
        });
        has(&lose, &["lost", "loses"]);
    }
}
