//! The assisted session in the plain linear face: each screen printed once, one line read at a
//! time, so screen-reader users can run it and a whole session can be scripted through stdin.
//! The same commands as the kiosk's plain mode, plus `f2` (or «сотрудник», `staff`) to show or
//! hide the staff line.

use super::{Command, parse_command, render};
use crate::edge::{JournalEdge, drive_assist, run_assist_effects};
use opora_core::assist::{Assist, AssistEffect, AssistMsg, view};
use opora_core::i18n::I18n;
use opora_core::input::Key;
use opora_core::screen_model::ScreenModel;
use opora_core::tr;
use std::io::{self, BufRead, Write};

/// Runs the session until staff finish it or the input ends.
pub fn run(
    assist: &mut Assist,
    edge: &mut JournalEdge,
    i18n: &I18n,
    start: Vec<AssistEffect>,
    input: impl BufRead,
    out: impl Write,
) -> io::Result<()> {
    let mut out = super::safe_io::SafeOutput::new(out);
    if run_assist_effects(assist, edge, start) {
        return Ok(());
    }
    let mut shown: Option<ScreenModel> = None;
    let mut lines = super::safe_io::lines(input);
    loop {
        let model = view(assist, i18n);
        if shown.as_ref().is_some_and(|s| same_screen(s, &model)) {
            if let Some(notice) = &model.notice {
                writeln!(out, "{}: {}", notice.label, notice.text)?;
            }
        } else {
            writeln!(out)?;
            for line in render(&model) {
                writeln!(out, "{line}")?;
            }
        }
        shown = Some(model.clone());
        write!(out, "{} > ", model.prompt)?;
        out.flush()?;
        let Some(line) = lines.next() else {
            writeln!(out)?;
            return Ok(());
        };
        let line = line?;
        let word = line.trim().to_lowercase();
        let keys: Vec<Key> = if matches!(word.as_str(), "f2" | "staff" | "сотрудник") {
            vec![Key::ToggleStaff]
        } else {
            let has_field = model.field.is_some();
            match parse_command(&line, has_field) {
                None => {
                    writeln!(
                        out,
                        "{}",
                        tr!(
                            i18n,
                            "plain-unknown-command",
                            input = super::safe_io::echo(&line)
                        )
                    )?;
                    continue;
                }
                // No voice input in a staff-led session: a line of spaces is an empty line.
                Some(Command::Nothing | Command::Listen) if has_field => vec![Key::Enter],
                Some(Command::Nothing | Command::Listen) => continue,
                Some(Command::Choose(n)) => vec![Key::Number(n)],
                Some(Command::Back) => vec![Key::Esc],
                Some(Command::Quit) => vec![Key::Quit],
                Some(Command::Repeat) => {
                    shown = None;
                    continue;
                }
                // Assisted sessions are staff-led and silent: no help pages, sizes or voice rates.
                Some(
                    Command::Help
                    | Command::Bigger
                    | Command::Smaller
                    | Command::Slower
                    | Command::Faster,
                ) => continue,
                Some(Command::Text(text)) => {
                    let typed = model.field.as_ref().map_or(0, |f| f.value.chars().count());
                    let mut keys = vec![Key::Backspace; typed];
                    keys.extend(text.chars().map(Key::Char));
                    keys.push(Key::Enter);
                    keys
                }
            }
        };
        for key in keys {
            if drive_assist(assist, edge, AssistMsg::Key(key)) {
                writeln!(out, "{}", i18n.t("plain-bye"))?;
                return Ok(());
            }
        }
    }
}

fn same_screen(a: &ScreenModel, b: &ScreenModel) -> bool {
    a.id == b.id
        && a.title == b.title
        && a.fact == b.fact
        && a.lines == b.lines
        && a.choices == b.choices
        && a.staff_hint == b.staff_hint
}
