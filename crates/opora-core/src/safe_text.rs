//! Text from outside (a journal file, a lesson or locale folder, what someone typed) made safe
//! to show: every control character written as a visible escape, so an escape sequence stored in
//! a site name or typed at a prompt can never move the cursor, retitle the window or hide text
//! on a staff member's terminal; an echo cut to a length a screen can hold; and a spreadsheet
//! cell that can never start a formula (the OWASP rule for CSV injection).

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: C0 and C1 controls, DEL, and the Unicode
/// marks that reorder or hide text (bidirectional overrides and isolates, the BOM).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
}

fn escape(c: char, out: &mut String) {
    use std::fmt::Write;
    let _ = match u32::from(c) {
        n @ 0..=0xff => write!(out, "\\x{n:02X}"),
        n => write!(out, "\\u{{{n:X}}}"),
    };
}

fn escape_where(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text: every control character, newlines included, as `\x1B` or `\u{202E}`.
pub fn line(text: &str) -> Cow<'_, str> {
    escape_where(text, |_| false)
}

/// Text of several lines: line breaks kept, every other control character escaped.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c == '\n')
}

/// What someone typed, to repeat back to them («Не понял «…»»): one line, escaped, and at most
/// `max` characters of it, with `…` where it was cut.
pub fn echo(text: &str, max: usize) -> String {
    let escaped = line(text.trim());
    if escaped.chars().count() <= max {
        return escaped.into_owned();
    }
    let mut cut: String = escaped.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// JSON text for a terminal: JSON itself escapes only C0 controls, so DEL, C1 controls and the
/// bidi marks are written as `\u009b` too (inside strings, the only place they can be). The
/// result is the same JSON.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_unsafe(c) {
            use std::fmt::Write;
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The characters a spreadsheet reads as the start of a formula (OWASP CSV injection), with
/// their full-width twins, which some spreadsheets accept too.
const FORMULA_STARTS: &[char] = &[
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// One CSV cell: control characters escaped; a cell that would start a formula gets a leading
/// `'` (and is quoted); a cell with a comma, a quote, or spaces at its ends is quoted, with
/// quotes doubled.
pub fn csv_cell(text: &str) -> String {
    let formula = text.starts_with(FORMULA_STARTS);
    let escaped = line(text);
    let mut cell = String::with_capacity(escaped.len() + 3);
    if formula {
        cell.push('\'');
    }
    cell.push_str(&escaped);
    let needs_quotes =
        formula || cell.contains([',', '"', ';']) || cell.starts_with(' ') || cell.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(line("Тверь\u{1b}]0;pwned\u{7}"), "Тверь\\x1B]0;pwned\\x07");
        assert_eq!(line("a\nb\r"), "a\\x0Ab\\x0D");
        assert_eq!(lines("a\nb\r"), "a\nb\\x0D");
        assert_eq!(line("abc\u{202e}cba"), "abc\\u{202E}cba");
        assert_eq!(line("\u{9b}31m"), "\\x9B31m");
        assert!(matches!(line("Тверь-3"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_echo_is_one_short_line() {
        assert_eq!(echo("  привет  ", 10), "привет");
        let long = "я".repeat(1_000_000);
        let short = echo(&long, 40);
        assert_eq!(short.chars().count(), 40);
        assert!(short.ends_with('…'));
        assert_eq!(echo("\u{1b}[2J", 40), "\\x1B[2J");
    }

    #[test]
    fn json_stays_json_and_shows_c1_and_bidi() {
        assert_eq!(
            json("{\"a\": \"x\u{9b}y\u{202e}\"}\n"),
            "{\"a\": \"x\\u009by\\u202e\"}\n"
        );
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+7 912"), "\"'+7 912\"");
        assert_eq!(csv_cell("-2+3"), "\"'-2+3\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("\tx"), "\"'\\x09x\"");
        assert_eq!(csv_cell("Тверь-3"), "Тверь-3");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell(""), "");
    }

    proptest! {
        #[test]
        fn nothing_unsafe_survives(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}a-z]{0,40}") {
            prop_assert!(!line(&text).chars().any(is_unsafe));
            prop_assert!(!lines(&text).chars().any(|c| is_unsafe(c) && c != '\n'));
            prop_assert!(!echo(&text, 30).chars().any(is_unsafe));
            prop_assert!(echo(&text, 30).chars().count() <= 30);
            let cell = csv_cell(&text);
            prop_assert!(!cell.chars().any(is_unsafe));
            // What a spreadsheet reads from the cell never starts a formula.
            let value = match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
                Some(inner) => inner.replace("\"\"", "\""),
                None => cell.clone(),
            };
            prop_assert!(!value.starts_with(FORMULA_STARTS), "{}", cell);
        }
    }
}
