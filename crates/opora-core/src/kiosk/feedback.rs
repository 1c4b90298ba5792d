//! What `+` and `-` say they did: the text size now («Размер текста: 3 из 4»), shown even where
//! the screen has no room to grow. (`r`, `<` and `>` on a computer without sound are answered
//! by the face, which knows whether it speaks.)

use super::state::{App, Notice};

impl App {
    pub(super) fn say_text_size(&mut self) {
        self.notice = Some(Notice::TextSize(self.text_size));
    }
}
