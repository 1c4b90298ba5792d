//! The plain face's two ends made safe against what comes in and what goes out.
//!
//! In: [`lines`] reads each line with a limit of [`LINE_MAX`] bytes (the rest of a longer line
//! is read and dropped) and turns bytes that are not UTF-8 into `�`, so neither a megabyte line
//! nor one stray byte ends a kiosk or an assisted session. [`echo`] is what may be repeated back
//! («Не понял «…»»): one line, control characters escaped, at most [`ECHO_MAX`] characters.
//!
//! Out: [`SafeOutput`] wraps the terminal: every control character except the line break is
//! written as a visible escape, whatever text reaches it (a bank's locale file, a trainer's
//! lesson, the practice bank), so no escape sequence ever reaches the screen reader's terminal.

use crate::files::lines::BoundedLines;
use std::io::{self, BufRead, Write};

/// The longest line read from the person; nothing they type sensibly is longer.
pub const LINE_MAX: usize = 4096;
/// The most characters of their input repeated back to them.
pub const ECHO_MAX: usize = 60;

/// The input's lines, each at most [`LINE_MAX`] bytes, invalid UTF-8 replaced by `�`.
pub fn lines<R: BufRead>(input: R) -> impl Iterator<Item = io::Result<String>> {
    BoundedLines::new(input, LINE_MAX).map(|line| line.map(|l| l.lossy().into_owned()))
}

/// What the person typed, fit to repeat back to them.
pub fn echo(typed: &str) -> String {
    opora_core::safe_text::echo(typed, ECHO_MAX)
}

/// A writer that shows control characters instead of sending them (line breaks pass).
pub struct SafeOutput<W: Write> {
    inner: W,
    /// The start of a UTF-8 character split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> SafeOutput<W> {
    pub fn new(inner: W) -> SafeOutput<W> {
        SafeOutput {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for SafeOutput<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut text = String::new();
        let mut start = 0;
        while start < self.pending.len() {
            match std::str::from_utf8(&self.pending[start..]) {
                Ok(rest) => {
                    text.push_str(rest);
                    start = self.pending.len();
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    text.push_str(
                        std::str::from_utf8(&self.pending[start..start + valid])
                            .unwrap_or_default(),
                    );
                    match e.error_len() {
                        // An unfinished character: wait for the next write.
                        None => {
                            start += valid;
                            break;
                        }
                        Some(bad) => {
                            text.push('\u{fffd}');
                            start += valid + bad;
                        }
                    }
                }
            }
        }
        self.pending.drain(..start);
        self.inner
            .write_all(opora_core::safe_text::lines(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_pass_even_split_across_writes() {
        let mut out = SafeOutput::new(Vec::new());
        writeln!(out, "Тверь\u{1b}]0;x\u{7}").expect("write");
        let bytes = "я\u{9b}".as_bytes();
        for b in bytes {
            out.write_all(&[*b]).expect("write");
        }
        out.write_all(b"\xff\n").expect("write");
        let text = String::from_utf8(out.inner).expect("utf-8");
        assert_eq!(text, "Тверь\\x1B]0;x\\x07\nя\\x9B\u{fffd}\n");
    }

    #[test]
    fn long_and_broken_lines_are_read_not_fatal() {
        let mut input = b"1\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 3 * LINE_MAX));
        input.extend_from_slice(b"\n\xd0\n2\n");
        let got: Vec<String> = lines(&input[..]).collect::<io::Result<_>>().expect("read");
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], "1");
        assert_eq!(got[1].len(), LINE_MAX);
        assert_eq!(got[2], "\u{fffd}");
        assert_eq!(got[3], "2");
        assert_eq!(echo(&got[1]).chars().count(), ECHO_MAX);
    }
}
