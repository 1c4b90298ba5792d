//! What one line typed in plain mode means: a number chooses, command words (in Russian or
//! English) do what their keys do, anything else on a screen with a field is text for it. A
//! command becomes the same keys the full-screen face would send.

use opora_core::input::Key;
use opora_core::screen_model::ScreenModel;

/// What one line of input means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A number: a choice.
    Choose(u32),
    Back,
    Help,
    Repeat,
    Bigger,
    Smaller,
    /// Speak slower or faster.
    Slower,
    Faster,
    Quit,
    /// Text for the field of the screen (an amount, a phone number, a code).
    Text(String),
    /// An empty line: show the prompt again.
    Nothing,
    /// Spaces, or «слушай»: listen to one utterance (Space in the full-screen kiosk).
    Listen,
}

/// Reads a line as a command. On a screen with a field, anything that is not a command word is
/// text for the field.
pub fn parse_command(line: &str, has_field: bool) -> Option<Command> {
    if !line.is_empty() && line.chars().all(|c| c == ' ') {
        return Some(Command::Listen);
    }
    let text = line.trim();
    let word = text.to_lowercase();
    let command = match word.as_str() {
        "" => Command::Nothing,
        "esc" | "back" | "b" | "назад" => Command::Back,
        "?" | "help" | "f1" | "помощь" | "подсказка" => Command::Help,
        "r" | "repeat" | "повтори" | "повторить" => Command::Repeat,
        "+" => Command::Bigger,
        "<" | "slower" | "медленнее" => Command::Slower,
        ">" | "faster" | "быстрее" => Command::Faster,
        "-" if !has_field => Command::Smaller,
        "quit" | "exit" | "выход" | "выйти" => Command::Quit,
        "слушай" | "listen" | "голос" | "voice" => Command::Listen,
        _ if has_field => Command::Text(text.to_string()),
        _ => match word.parse::<u32>() {
            Ok(n) => Command::Choose(n),
            Err(_) => return None,
        },
    };
    Some(command)
}

/// Words only staff type: `f2` shows or hides the staff line (F2 in the full-screen face),
/// `staff` (or «сотрудник», F9 in the full-screen face) opens the staff menu of a session.
pub fn staff_key(line: &str) -> Option<Key> {
    match line.trim().to_lowercase().as_str() {
        "f2" => Some(Key::ToggleStaff),
        "staff" | "сотрудник" | "f9" => Some(Key::Staff),
        _ => None,
    }
}

/// The keys a command stands for on this screen. An empty line on a screen with a field
/// submits it (a score is skipped that way), and so does a line of spaces when nobody listens.
pub fn keys(command: Command, model: &ScreenModel, listens: bool) -> Vec<Key> {
    let has_field = model.field.is_some();
    match command {
        Command::Nothing if has_field => vec![Key::Enter],
        Command::Listen if !listens && has_field => vec![Key::Enter],
        Command::Nothing => Vec::new(),
        // Space: the program says whether it listens now, or why not.
        Command::Listen => vec![Key::Char(' ')],
        Command::Choose(n) => vec![Key::Number(n)],
        Command::Back => vec![Key::Esc],
        Command::Help => vec![Key::Help],
        Command::Repeat => vec![Key::Repeat],
        Command::Slower => vec![Key::Slower],
        Command::Faster => vec![Key::Faster],
        Command::Bigger => vec![Key::Bigger],
        Command::Smaller => vec![Key::Smaller],
        Command::Quit => vec![Key::Quit],
        Command::Text(text) => {
            // Replaces what the field holds, as a person would by deleting it first.
            let typed = model.field.as_ref().map_or(0, |f| f.value.chars().count());
            let mut keys = vec![Key::Backspace; typed];
            keys.extend(text.chars().map(|c| match c.to_digit(10) {
                Some(d) => Key::Digit(d as u8),
                None => Key::Char(c),
            }));
            keys.push(Key::Enter);
            keys
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_in_both_languages() {
        assert_eq!(parse_command("3", false), Some(Command::Choose(3)));
        assert_eq!(parse_command(" 12 ", false), Some(Command::Choose(12)));
        assert_eq!(parse_command("назад", false), Some(Command::Back));
        assert_eq!(parse_command("ESC", true), Some(Command::Back));
        assert_eq!(parse_command("?", true), Some(Command::Help));
        assert_eq!(parse_command("", false), Some(Command::Nothing));
        assert_eq!(parse_command("hello", false), None);
        assert_eq!(
            parse_command("300,50", true),
            Some(Command::Text("300,50".into()))
        );
        assert_eq!(
            parse_command("-300", true),
            Some(Command::Text("-300".into()))
        );
        assert_eq!(parse_command("-", false), Some(Command::Smaller));
        assert_eq!(parse_command("медленнее", false), Some(Command::Slower));
        assert_eq!(parse_command("Faster", true), Some(Command::Faster));
        assert_eq!(parse_command(" ", true), Some(Command::Listen));
        assert_eq!(parse_command("  ", false), Some(Command::Listen));
        assert_eq!(parse_command("слушай", true), Some(Command::Listen));
    }
}
