//! Which commas and points of a typed amount group thousands and which one starts the kopecks,
//! in either language's habits: "1,000" and «1.000» are a thousand roubles, "1,5" and «300,50»
//! have kopecks, "1,000.50" and «1.000,50» have both. Kopecks have at most two digits, so three
//! digits after the last mark make it a thousands mark — when the whole reads as groups of three.

use super::AmountError;

/// Spaces (and the apostrophe) that may group the digits of roubles.
pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')
}

/// The rouble digits and the kopeck digits of an amount's body: digits, spaces, commas, points.
pub(super) fn split(body: &str) -> Result<(String, String), AmountError> {
    let allowed = |c: char| c.is_ascii_digit() || is_group_space(c) || c == ',' || c == '.';
    if !body.chars().all(allowed) {
        return Err(AmountError::NotANumber);
    }
    let Some(last) = body.rfind([',', '.']) else {
        return Ok((digits(body), String::new()));
    };
    // Both marks are one byte long.
    let (head, mark, after) = (&body[..last], &body[last..=last], &body[last + 1..]);
    if after.chars().any(is_group_space) {
        return Err(AmountError::NotANumber);
    }
    if after.len() == 3
        && let Some(rubles) = grouped(body)
    {
        return Ok((rubles, String::new()));
    }
    let rubles = if head.contains([',', '.']) {
        // Thousands marks before the kopecks: of the other kind, in groups of three.
        grouped(head)
            .filter(|_| !head.contains(mark))
            .ok_or(AmountError::NotANumber)?
    } else {
        digits(head)
    };
    Ok((rubles, after.to_string()))
}

/// Digits grouped in threes by one kind of mark ("1,000,000", «1.000»), the first group of one
/// to three digits not starting with 0: the digits, or `None`.
fn grouped(text: &str) -> Option<String> {
    let mark = text.chars().find(|c| matches!(c, ',' | '.'))?;
    let other = if mark == ',' { '.' } else { ',' };
    if text.contains(other) {
        return None;
    }
    let groups: Vec<String> = text.split(mark).map(digits).collect();
    let (first, rest) = groups.split_first()?;
    let in_threes = (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && rest.iter().all(|g| g.len() == 3);
    in_threes.then(|| groups.concat())
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}
