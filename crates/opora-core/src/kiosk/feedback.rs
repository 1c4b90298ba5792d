//! What the keys that change only how the screen looks or sounds say they did: `+` and `-` the
//! text size («Размер текста: 3 из 4»), `r`, `<` and `>` on a computer that does not speak that
//! the sound is off — so no key press goes unanswered.

use super::state::{App, Notice};

impl App {
    pub(super) fn say_text_size(&mut self) {
        self.notice = Some(Notice::TextSize(self.text_size));
    }

    /// Without sound, says so (with sound the voice itself answers).
    pub(super) fn say_if_silent(&mut self) {
        if !self.sound {
            self.notice = Some(Notice::NoSound);
        }
    }
}
