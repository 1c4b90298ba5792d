//! The screen model: everything one screen says, in the person's language, and nothing about how
//! it is drawn. The ratatui renderer, the plain linear renderer and the speaker all consume it;
//! [`ScreenModel::speakable`] turns it into what is said.

use crate::i18n::I18n;
use crate::tr;

/// One screen, ready to be drawn, printed or spoken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScreenModel {
    /// Stable id of the screen (`home`, `send-amount`…): help texts, staff hints and the
    /// journal refer to it.
    pub id: &'static str,
    /// The practice band («УЧЕБНЫЙ РЕЖИМ — деньги не настоящие»), on every practice screen.
    pub band: Option<String>,
    /// Where the client is in a flow: «Шаг 2 из 4».
    pub progress: Option<String>,
    /// The headline, drawn big.
    pub title: String,
    /// The one fact of the screen (an amount, a number to call), drawn big.
    pub fact: Option<String>,
    /// Secondary lines under the fact, in ordinary text.
    pub lines: Vec<String>,
    /// One of `lines` as important as the fact (the recipient on the check screen), which the
    /// full-screen face draws as big as the fact.
    pub key_line: Option<KeyLine>,
    /// A text field the client types into (an amount, a phone number, a code).
    pub field: Option<Field>,
    /// The simulated phone beside the screen, showing an SMS.
    pub phone: Option<PhonePanel>,
    /// An error, warning or success message for the last action.
    pub notice: Option<Notice>,
    /// Voice input: «Слушаю…» while listening, «Я услышал: …» after; drawn big.
    pub voice: Option<VoiceBanner>,
    /// Numbered choices, at most six; choice `n` is chosen by the digit `n`.
    pub choices: Vec<Choice>,
    /// The focused choice (arrows move it, Enter takes it); `None` when a field has focus.
    pub focus: Option<usize>,
    /// What to do now: «Нажмите цифру».
    pub prompt: String,
    /// The keys that always work: «Esc — назад · ? — помощь».
    pub keys: String,
    /// A hint for the staff member beside the client, which the client need not read.
    pub staff_hint: Option<String>,
    /// The whole screen as it is to be spoken.
    pub spoken: String,
    /// Preferred size of big text: 0 is the smallest; the renderer uses the largest that fits,
    /// at most this.
    pub text_size: usize,
}

/// A line the client must check as carefully as the fact: `lines[line]`, split into its
/// caption («Получатель:»), drawn in ordinary text, and its value («Ольга (дочь)»), drawn big.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyLine {
    pub line: usize,
    pub caption: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The digit that chooses it (1–6).
    pub key: u8,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// What to type: «Сумма в рублях».
    pub label: String,
    /// What has been typed so far, formatted for reading.
    pub value: String,
    /// Shown after the value, e.g. « ₽».
    pub suffix: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhonePanel {
    /// The panel's caption: «Ваш телефон».
    pub caption: String,
    /// Who the message is from.
    pub sender: String,
    /// The message itself.
    pub message: String,
    /// The part to show big on the phone (the code), if any.
    pub big: Option<String>,
}

/// What voice input shows on the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceBanner {
    /// Listening now (otherwise: what was heard).
    pub listening: bool,
    /// The whole sentence, for plain text and speech: «Я услышал: «баланс»».
    pub text: String,
    /// The part drawn big: «Слушаю…», or the words heard in quotes.
    pub big: String,
    /// The rest, in ordinary text: «Я услышал:» above the words, or what to do below «Слушаю…».
    pub small: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
    Success,
    Info,
}

/// A message about the last action. Its kind is also stated in words (`label`), never by
/// colour alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    /// «Ошибка», «Внимание», «Готово» — said before the text.
    pub label: String,
    pub text: String,
}

impl ScreenModel {
    /// The screen as it is to be read aloud: notice, progress, title, fact, lines, phone, field,
    /// choices with their numbers, prompt. `model` was built with the speech twin of the messages
    /// ([`I18n::for_speech`]), so amounts, dates and phone numbers are already words; any digits a
    /// message still carries are spelled out here, so the synthesizer only ever gets words.
    pub fn speakable(&self, i18n: &I18n) -> String {
        let model = self;
        let mut parts: Vec<String> = Vec::new();
        if let Some(voice) = model.voice.as_ref().filter(|v| !v.listening) {
            parts.push(voice.text.clone());
        }
        if let Some(notice) = &model.notice {
            parts.push(format!("{}: {}", notice.label, notice.text));
        }
        parts.extend(model.progress.clone());
        parts.push(model.title.clone());
        parts.extend(model.fact.clone());
        parts.extend(model.lines.iter().cloned());
        if let Some(phone) = &model.phone {
            parts.push(format!("{}. {}", phone.caption, phone.message));
        }
        if let Some(field) = &model.field {
            parts.push(field.label.clone());
        }
        for choice in &model.choices {
            parts.push(tr!(
                i18n,
                "spoken-choice",
                number = i18n.number(i64::from(choice.key)),
                label = choice.label.clone()
            ));
        }
        parts.push(model.prompt.clone());
        let text = parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                // A middle dot separates parts of a line for the eye; a comma makes the voice pause.
                let p = p.trim().replace(" · ", ", ");
                // A colon at the end points at something shown beside it (already said): a full
                // stop is what the ear needs.
                let p = match p.strip_suffix(':') {
                    Some(head) => head.trim_end().to_string(),
                    None => p,
                };
                if p.ends_with(['.', '?', '!', ':', '…']) {
                    p
                } else {
                    format!("{p}.")
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        crate::words::spell_numbers(i18n.lang(), &text)
    }

    /// Every line of the screen in reading order (used by the plain renderer and tests).
    pub fn text_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        out.extend(self.band.clone());
        out.extend(self.progress.clone());
        out.push(self.title.clone());
        out.extend(self.fact.clone());
        out.extend(self.lines.iter().cloned());
        if let Some(phone) = &self.phone {
            out.push(format!(
                "[{}] {}: {}",
                phone.caption, phone.sender, phone.message
            ));
        }
        if let Some(field) = &self.field {
            out.push(format!("{}: {}{}", field.label, field.value, field.suffix));
        }
        if let Some(voice) = &self.voice {
            out.push(voice.text.clone());
        }
        if let Some(notice) = &self.notice {
            out.push(format!("{}: {}", notice.label, notice.text));
        }
        for choice in &self.choices {
            out.push(format!("{}. {}", choice.key, choice.label));
        }
        out
    }
}
