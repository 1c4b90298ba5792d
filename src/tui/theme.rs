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

/// The colours of a coloured theme; [`Theme::coloured`] makes the styles from them.
struct Palette {
    fg: Color,
    bg: Color,
    fact: Color,
    field: Color,
    /// Text on the coloured notice boxes (success, info) and on the focused choice.
    on_box: Color,
    info: Color,
    prompt: Color,
    keys: Color,
    staff: Color,
}

/// Light text on a dark background.
const DARK: Palette = Palette {
    fg: Color::White,
    bg: Color::Black,
    fact: Color::LightYellow,
    field: Color::LightCyan,
    on_box: Color::Black,
    info: Color::Cyan,
    prompt: Color::LightYellow,
    keys: Color::Gray,
    staff: Color::LightCyan,
};

/// Dark text on a light background.
const LIGHT: Palette = Palette {
    fg: Color::Black,
    bg: Color::White,
    fact: Color::Blue,
    field: Color::Blue,
    on_box: Color::White,
    info: Color::Blue,
    prompt: Color::Blue,
    keys: Color::DarkGray,
    staff: Color::Magenta,
};

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::coloured(&DARK),
            ThemeName::Light => Theme::coloured(&LIGHT),
            ThemeName::Mono => Theme::mono(),
        }
    }

    fn coloured(p: &Palette) -> Theme {
        let bold = Modifier::BOLD;
        let base = Style::new().fg(p.fg).bg(p.bg);
        let boxed = |fg: Color, bg: Color| Style::new().fg(fg).bg(bg).add_modifier(bold);
        Theme {
            base,
            band: boxed(Color::Black, Color::Yellow),
            title: base,
            fact: base.fg(p.fact),
            text: base.add_modifier(bold),
            choice: base.add_modifier(bold),
            // The focused choice is the page's colours reversed.
            focus: boxed(p.bg, p.fg),
            field: base.fg(p.field),
            error: boxed(Color::White, Color::Red),
            warning: boxed(Color::Black, Color::Yellow),
            success: boxed(p.on_box, Color::Green),
            info: boxed(p.on_box, p.info),
            phone: base,
            prompt: base.fg(p.prompt).add_modifier(bold),
            keys: base.fg(p.keys),
            staff: base.fg(p.staff).add_modifier(Modifier::ITALIC),
        }
    }

    /// No colours at all: bold and reverse video only.
    fn mono() -> Theme {
        let base = Style::new();
        let reversed = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        Theme {
            base,
            band: reversed,
            title: base,
            fact: base,
            text: base.add_modifier(Modifier::BOLD),
            choice: base.add_modifier(Modifier::BOLD),
            focus: reversed,
            field: base,
            error: reversed,
            warning: reversed,
            success: reversed,
            info: reversed,
            phone: base,
            prompt: base.add_modifier(Modifier::BOLD),
            keys: base,
            staff: base.add_modifier(Modifier::ITALIC),
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
