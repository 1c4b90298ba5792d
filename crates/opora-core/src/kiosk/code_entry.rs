//! Typing the confirmation code: digits only, no more than the code has; a letter or a fifth
//! digit is not typed, and the screen says why.

use super::flow::CODE_DIGITS;
use super::messages::Effect;
use super::state::{App, Notice};
use crate::input::Key;

impl App {
    pub(super) fn on_code_key(&mut self, key: Key) -> Vec<Effect> {
        let Some(text) = self.top_mut().field_text_mut() else {
            return Vec::new();
        };
        let full = text.chars().count() >= CODE_DIGITS;
        match key {
            Key::Digit(d) if !full => text.push(char::from(b'0' + d)),
            Key::Backspace => {
                text.pop();
            }
            Key::Enter => return self.submit_field(),
            Key::Digit(_) | Key::Char(_) => self.notice = Some(Notice::CodeDigits),
            _ => {}
        }
        Vec::new()
    }
}
