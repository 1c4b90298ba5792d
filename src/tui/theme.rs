//! High-contrast themes. Meaning is never carried by colour alone: every coloured element also
//! has words («Ошибка:») or a shape (reverse video, a ▶ marker), so the monochrome theme used
//! under `NO_COLOR` says exactly as much.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark background (default).
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colours at all: bold and reverse video only (`NO_COLOR`).
    Mono,
}

impl std::str::FromStr for ThemeName {
    type Err = String;
    fn from_str(s: &str) -> Result<ThemeName, String> {
        match s {
            "dark" => Ok(ThemeName::Dark),
            "light" => Ok(ThemeName::Light),
            "mono" | "none" => Ok(ThemeName::Mono),
            _ => Err(format!("unknown theme '{s}': use dark, light or mono")),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub band: Style,
    pub title: Style,
    pub fact: Style,
    pub text: Style,
    pub choice: Style,
    pub focus: Style,
    pub field: Style,
    pub error: Style,
    pub warning: Style,
    pub success: Style,
    pub info: Style,
    pub phone: Style,
    pub prompt: Style,
    pub keys: Style,
    pub staff: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let bold = Modifier::BOLD;
        match name {
            ThemeName::Dark => {
                let base = Style::new().fg(Color::White).bg(Color::Black);
                Theme {
                    base,
                    band: Style::new()
                        .fg(Color::Black)
                        .bg(Color::Yellow)
                        .add_modifier(bold),
                    title: base.fg(Color::White),
                    fact: base.fg(Color::LightYellow),
                    text: base.add_modifier(bold),
                    choice: base.add_modifier(bold),
                    focus: Style::new()
                        .fg(Color::Black)
                        .bg(Color::White)
                        .add_modifier(bold),
                    field: base.fg(Color::LightCyan),
                    error: Style::new()
                        .fg(Color::White)
                        .bg(Color::Red)
                        .add_modifier(bold),
                    warning: Style::new()
                        .fg(Color::Black)
                        .bg(Color::Yellow)
                        .add_modifier(bold),
                    success: Style::new()
                        .fg(Color::Black)
                        .bg(Color::Green)
                        .add_modifier(bold),
                    info: Style::new()
                        .fg(Color::Black)
                        .bg(Color::Cyan)
                        .add_modifier(bold),
                    phone: base.fg(Color::White),
                    prompt: base.fg(Color::LightYellow).add_modifier(bold),
                    keys: base.fg(Color::Gray),
                    staff: base.fg(Color::LightCyan).add_modifier(Modifier::ITALIC),
                }
            }
            ThemeName::Light => {
                let base = Style::new().fg(Color::Black).bg(Color::White);
                Theme {
                    base,
                    band: Style::new()
                        .fg(Color::Black)
                        .bg(Color::Yellow)
                        .add_modifier(bold),
                    title: base,
                    fact: base.fg(Color::Blue),
                    text: base.add_modifier(bold),
                    choice: base.add_modifier(bold),
                    focus: Style::new()
                        .fg(Color::White)
                        .bg(Color::Black)
                        .add_modifier(bold),
                    field: base.fg(Color::Blue),
                    error: Style::new()
                        .fg(Color::White)
                        .bg(Color::Red)
                        .add_modifier(bold),
                    warning: Style::new()
                        .fg(Color::Black)
                        .bg(Color::Yellow)
                        .add_modifier(bold),
                    success: Style::new()
                        .fg(Color::White)
                        .bg(Color::Green)
                        .add_modifier(bold),
                    info: Style::new()
                        .fg(Color::White)
                        .bg(Color::Blue)
                        .add_modifier(bold),
                    phone: base,
                    prompt: base.fg(Color::Blue).add_modifier(bold),
                    keys: base.fg(Color::DarkGray),
                    staff: base.fg(Color::Magenta).add_modifier(Modifier::ITALIC),
                }
            }
            ThemeName::Mono => {
                let base = Style::new();
                let reversed = Style::new().add_modifier(Modifier::REVERSED | bold);
                Theme {
                    base,
                    band: reversed,
                    title: base,
                    fact: base,
                    text: base.add_modifier(bold),
                    choice: base.add_modifier(bold),
                    focus: reversed,
                    field: base,
                    error: reversed,
                    warning: reversed,
                    success: reversed,
                    info: reversed,
                    phone: base,
                    prompt: base.add_modifier(bold),
                    keys: base,
                    staff: base.add_modifier(Modifier::ITALIC),
                }
            }
        }
    }

    /// The theme the environment asks for: `NO_COLOR` (any value) means monochrome.
    pub fn from_env(requested: Option<ThemeName>, no_color: bool) -> Theme {
        if no_color {
            return Theme::new(ThemeName::Mono);
        }
        Theme::new(requested.unwrap_or_default())
    }
}
