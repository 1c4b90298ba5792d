//! Greedy word-wrapping measured in whole font units.
//!
//! Widths are the sums of the font's own advance widths (integers in font units), so the width
//! the wrapper computes is exactly the width the PDF viewer draws: the reminder applies no
//! kerning and no shaping. A line breaks only between words; a word is cut only when it alone
//! is wider than the line, and then never in front of a combining mark.

/// Whether a line may break at `c`. No-break spaces (U+00A0, U+2007, U+202F) keep «300 ₽» and
/// «8 800 100-00-00» together, as the caller intends when it uses them.
pub fn is_break(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Splits `text` into lines no wider than `max_width` units, where `advance` gives the width of
/// one character in the same units. Runs of breaking whitespace become one space; leading and
/// trailing whitespace go. An empty or blank text gives no lines.
///
/// A line is wider than `max_width` only when it holds a single character that alone is wider.
pub fn wrap(text: &str, max_width: u32, advance: impl Fn(char) -> u32) -> Vec<String> {
    let width = |s: &str| s.chars().map(&advance).sum::<u32>();
    let space = advance(' ');
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0u32;
    for word in text.split(is_break).filter(|w| !w.is_empty()) {
        let word_width = width(word);
        if !line.is_empty() {
            if line_width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if word_width <= max_width {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        // The word alone is wider than the line: cut it into pieces that fill whole lines; the
        // last piece stays open so that the next word may follow it.
        for c in word.chars() {
            let w = advance(c);
            let combining = is_combining(c);
            if !line.is_empty() && line_width + w > max_width && !combining {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Combining diacritical marks (such as the breve of a decomposed «й»), which must stay with
/// the letter before them.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A toy font: narrow «i», wide «W», space 3, a zero-width combining breve, everything
    /// else 5.
    fn toy(c: char) -> u32 {
        match c {
            '\u{306}' => 0,
            'i' | 'l' => 2,
            'W' | 'Ж' => 9,
            ' ' => 3,
            _ => 5,
        }
    }

    fn width(s: &str) -> u32 {
        s.chars().map(toy).sum()
    }

    #[test]
    fn breaks_between_words_only() {
        // "aaa bbb" = 15 + 3 + 15 = 33.
        assert_eq!(wrap("aaa bbb ccc", 33, toy), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("aaa bbb ccc", 32, toy), ["aaa", "bbb", "ccc"]);
        assert_eq!(wrap("  aaa \n\t bbb  ", 100, toy), ["aaa bbb"]);
        assert!(wrap("   ", 10, toy).is_empty());
    }

    #[test]
    fn no_break_space_holds_words_together() {
        assert_eq!(wrap("aa 300\u{a0}₽", 30, toy), ["aa", "300\u{a0}₽"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_the_rest_continues() {
        let lines = wrap("ab cccccccccc d", 20, toy);
        assert_eq!(lines, ["ab", "cccc", "cccc", "cc d"]);
    }

    #[test]
    fn a_combining_mark_stays_with_its_letter() {
        let text = "ии\u{306}ии"; // «иййи» with a decomposed «й»
        let lines = wrap(text, 10, toy);
        assert!(lines.iter().all(|l| !l.starts_with('\u{306}')), "{lines:?}");
        assert_eq!(lines.concat(), text);
    }

    fn word() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zA-ZаяЖW₽i0-9.,!-]{1,30}").expect("valid regex")
    }

    fn separator() -> impl Strategy<Value = String> {
        prop_oneof![Just(" "), Just("  "), Just("\n"), Just(" \t ")].prop_map(str::to_string)
    }

    proptest! {
        #[test]
        fn lines_fit_and_keep_every_word_in_order(
            words in prop::collection::vec((word(), separator()), 0..40),
            max_width in 9u32..200,
        ) {
            let text: String = words.iter().map(|(w, s)| format!("{w}{s}")).collect();
            let lines = wrap(&text, max_width, toy);

            for line in &lines {
                prop_assert!(!line.is_empty());
                prop_assert!(width(line) <= max_width, "{line:?} is wider than {max_width}");
                prop_assert_eq!(line.trim(), line.as_str());
            }
            // Nothing lost, nothing reordered: the letters come back in the same order.
            let letters = |s: &str| s.chars().filter(|c| !is_break(*c)).collect::<String>();
            prop_assert_eq!(letters(&lines.concat()), letters(&text));
            // Words that fit are never cut: the lines' words are the text's words.
            let all_fit = words.iter().all(|(w, _)| width(w) <= max_width);
            if all_fit {
                let input: Vec<&str> = text.split(is_break).filter(|w| !w.is_empty()).collect();
                let output: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
                prop_assert_eq!(output, input);
                // Greedy: the next line's first word would not have fitted on this line.
                for pair in lines.windows(2) {
                    let next_word = pair[1].split(' ').next().unwrap_or_default();
                    prop_assert!(width(&pair[0]) + toy(' ') + width(next_word) > max_width);
                }
            }
        }
    }
}
