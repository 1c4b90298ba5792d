//! Turning what was heard (or typed into `opora voice parse`) into tokens: lower case, «ё» as
//! «е», punctuation dropped. Digits stay together, with a decimal comma or point inside them, so
//! a typed «1250,50» is one token; an apostrophe inside a word stays ("don't", "what's"), as in
//! the recognisers' vocabularies; «по-» joins the word it prefixes («по-медленнее» is
//! «помедленнее»); and the recogniser's `[unk]`, for speech outside the grammar, stays `[unk]`.

/// What a recogniser says for a word outside its grammar.
pub const UNKNOWN: &str = "[unk]";

/// The tokens of a phrase.
pub fn tokens(text: &str) -> Vec<String> {
    let lowered: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '’' | 'ʼ' => '\'',
            c => c,
        })
        .collect();
    let chars: Vec<char> = lowered.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let between = |i: usize, test: fn(&char) -> bool| {
            i > 0 && chars.get(i - 1).is_some_and(test) && chars.get(i + 1).is_some_and(test)
        };
        if c == '[' && chars[i..].starts_with(&['[', 'u', 'n', 'k', ']']) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(UNKNOWN.to_string());
            i += UNKNOWN.len();
            continue;
        }
        if c.is_alphanumeric()
            || (matches!(c, ',' | '.') && between(i, char::is_ascii_digit))
            || (c == '\'' && between(i, |c| c.is_alphabetic()))
        {
            word.push(c);
        } else if c == '-' && word == "по" && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        {
            // «по-медленнее»: one word, as the recogniser has it.
        } else if c == '+' && word.is_empty() {
            out.push("+".to_string());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        i += 1;
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The phrase as one normalised string of tokens.
pub fn normalize(text: &str) -> String {
    tokens(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_without_punctuation() {
        assert_eq!(
            tokens("Перевести 500 рублей, дочке!"),
            ["перевести", "500", "рублей", "дочке"]
        );
        assert_eq!(tokens("Ещё раз"), ["еще", "раз"]);
        assert_eq!(tokens("twenty-five"), ["twenty", "five"]);
        assert_eq!(tokens("1250,50 ₽"), ["1250,50"]);
        assert_eq!(tokens("+7 916"), ["+", "7", "916"]);
        assert_eq!(tokens("  "), Vec::<String>::new());
        assert_eq!(normalize("Назад."), "назад");
        assert_eq!(tokens("삼 번"), ["삼", "번"]);
        assert_eq!(
            tokens("по-медленнее, пожалуйста"),
            ["помедленнее", "пожалуйста"]
        );
        assert_eq!(tokens("What's my balance?"), ["what's", "my", "balance"]);
        assert_eq!(tokens("don’t"), ["don't"]);
        assert_eq!(tokens("'quoted'"), ["quoted"]);
        assert_eq!(
            tokens("пятьсот [unk] рублей"),
            ["пятьсот", "[unk]", "рублей"]
        );
        assert_eq!(tokens("[unk][unk]"), ["[unk]", "[unk]"]);
    }
}
