//! What a person can do to any program, independent of how (a key, a typed line, a voice
//! command): the keys every face sends.

/// Which way to step the speaking rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateStep {
    Slower,
    Faster,
}

/// A key press, already translated from the terminal's key codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A digit: chooses on choice screens, types into a field.
    Digit(u8),
    /// A whole number typed as a line (plain mode): chooses like a digit.
    Number(u32),
    /// Another character typed into a field (a comma, a plus).
    Char(char),
    Enter,
    Backspace,
    /// Back one screen.
    Esc,
    Up,
    Down,
    /// Help for this screen (`?`, F1).
    Help,
    /// Say the screen again (`r`).
    Repeat,
    /// Speak slower or faster (`<`, `>`; later the voice commands «медленнее», «быстрее»).
    Slower,
    Faster,
    /// Bigger or smaller text (`+`, `-`).
    Bigger,
    Smaller,
    /// Show or hide the staff line (F2).
    ToggleStaff,
    /// The staff key (F9; `staff` in plain mode): staff-only actions in an assisted session.
    /// No client screen mentions it, and the kiosk alone ignores it.
    Staff,
    /// Leave Opora at once (Ctrl-C, a signal).
    Quit,
}
