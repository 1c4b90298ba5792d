//! Turning what was heard (or typed into `opora voice parse`) into tokens: lower case, «ё» as
//! «е», punctuation dropped. Digits stay together, with a decimal comma or point inside them, so
//! a typed «1250,50» is one token.

/// The tokens of a phrase.
pub fn tokens(text: &str) -> Vec<String> {
    let lowered: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    let chars: Vec<char> = lowered.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |i: usize| {
            i > 0
                && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        if c.is_alphanumeric() || (matches!(c, ',' | '.') && between_digits(i)) {
            word.push(c);
        } else if c == '+' && word.is_empty() {
            out.push("+".to_string());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
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
    }
}
