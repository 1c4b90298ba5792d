//! How plain mode prints a screen: once, whole, as numbered lines; after that only what changed
//! on it (a notice, what voice heard), so a screen reader is not made to read it all again.

use opora_core::screen_model::ScreenModel;
use std::io::{self, Write};

/// Prints the screen; if only the notice changed since the last one, prints just the notice.
pub fn print_screen(
    out: &mut impl Write,
    shown: Option<&ScreenModel>,
    model: &ScreenModel,
) -> io::Result<()> {
    let same_screen = shown.is_some_and(|s| {
        s.id == model.id
            && s.title == model.title
            && s.fact == model.fact
            && s.lines == model.lines
            && s.choices == model.choices
            && s.phone == model.phone
            && s.staff_hint == model.staff_hint
    });
    if same_screen {
        if let Some(voice) = model.voice.as_ref().filter(|v| !v.listening) {
            writeln!(out, "{}", voice.text)?;
        }
        if let Some(notice) = &model.notice {
            writeln!(out, "{}: {}", notice.label, notice.text)?;
        }
        return Ok(());
    }
    writeln!(out)?;
    for line in render(model) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The screen as plain lines: band, progress, title, fact, lines, phone, field, notice,
/// choices, staff line.
pub fn render(model: &ScreenModel) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(band) = &model.band {
        out.push(format!("== {band} =="));
    }
    out.extend(model.progress.clone());
    out.push(model.title.clone());
    out.extend(model.fact.clone());
    out.extend(model.lines.iter().cloned());
    if let Some(voice) = model.voice.as_ref().filter(|v| !v.listening) {
        out.push(voice.text.clone());
    }
    if let Some(phone) = &model.phone {
        out.push(format!(
            "[{} — {}] {}",
            phone.caption, phone.sender, phone.message
        ));
    }
    if let Some(notice) = &model.notice {
        out.push(format!("{}: {}", notice.label, notice.text));
    }
    if let Some(field) = &model.field {
        out.push(format!("{}:", field.label));
    }
    for choice in &model.choices {
        out.push(format!("{}. {}", choice.key, choice.label));
    }
    out.extend(model.staff_hint.clone());
    out
}
