//! Terminal key presses to Opora's keys. The same keys on every screen; a Russian keyboard
//! layout works too (the `r` key types «к», `<` and `>` type «Б» and «Ю»).

use super::render::Shown;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use opora_core::input::Key;

pub fn map_key(event: KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('c' | 'C' | 'с' | 'С') if ctrl => Key::Quit,
        _ if ctrl => return None,
        KeyCode::Char(c @ '0'..='9') => Key::Digit(c as u8 - b'0'),
        KeyCode::Char('?') => Key::Help,
        KeyCode::F(1) => Key::Help,
        KeyCode::F(2) => Key::ToggleStaff,
        KeyCode::F(9) => Key::Staff,
        KeyCode::Char('r' | 'R' | 'к' | 'К') => Key::Repeat,
        // On a Russian layout the same keys type «Б» and «Ю».
        KeyCode::Char('<' | 'Б') => Key::Slower,
        KeyCode::Char('>' | 'Ю') => Key::Faster,
        KeyCode::F(3) => Key::Slower,
        KeyCode::F(4) => Key::Faster,
        KeyCode::Char('+' | '=') => Key::Bigger,
        KeyCode::Char('-' | '_') => Key::Smaller,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace | KeyCode::Delete => Key::Backspace,
        KeyCode::Up | KeyCode::BackTab => Key::Up,
        KeyCode::Down | KeyCode::Tab => Key::Down,
        _ => return None,
    })
}

/// PgDn and PgUp leaf through text that does not all fit: where it starts after the key, when
/// part of it is hidden (`shown`) and the key is one of these.
pub fn page_turn(event: KeyEvent, shown: Option<Shown>) -> Option<usize> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let shown = shown?;
    match event.code {
        KeyCode::PageDown => Some(shown.turn(true)),
        KeyCode::PageUp => Some(shown.turn(false)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> Option<Key> {
        map_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn the_same_keys_everywhere() {
        assert_eq!(press(KeyCode::Char('1')), Some(Key::Digit(1)));
        assert_eq!(press(KeyCode::Char('?')), Some(Key::Help));
        assert_eq!(press(KeyCode::F(1)), Some(Key::Help));
        assert_eq!(press(KeyCode::Char('r')), Some(Key::Repeat));
        assert_eq!(press(KeyCode::Char('к')), Some(Key::Repeat));
        assert_eq!(press(KeyCode::Char('+')), Some(Key::Bigger));
        assert_eq!(press(KeyCode::Char('<')), Some(Key::Slower));
        assert_eq!(press(KeyCode::Char('>')), Some(Key::Faster));
        assert_eq!(press(KeyCode::F(3)), Some(Key::Slower));
        assert_eq!(press(KeyCode::Char('Ю')), Some(Key::Faster));
        assert_eq!(press(KeyCode::Char('-')), Some(Key::Smaller));
        assert_eq!(press(KeyCode::Char(',')), Some(Key::Char(',')));
        assert_eq!(press(KeyCode::Esc), Some(Key::Esc));
        assert_eq!(
            map_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Key::Quit)
        );
    }

    #[test]
    fn page_keys_leaf_through_text_that_does_not_fit() {
        let page = |code, shown| page_turn(KeyEvent::new(code, KeyModifiers::NONE), shown);
        let shown = Shown {
            first: 0,
            rows: 4,
            total: 10,
        };
        // A page on, keeping one line; never past the end; back to the start.
        assert_eq!(page(KeyCode::PageDown, Some(shown)), Some(3));
        let end = Shown { first: 6, ..shown };
        assert_eq!(page(KeyCode::PageDown, Some(end)), Some(6));
        assert_eq!(
            page(KeyCode::PageUp, Some(Shown { first: 3, ..shown })),
            Some(0)
        );
        // All the text fits: the keys do nothing, and other keys are not theirs.
        assert_eq!(page(KeyCode::PageDown, None), None);
        assert_eq!(page(KeyCode::Down, Some(shown)), None);
    }
}
