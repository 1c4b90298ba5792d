//! Lines read with a limit: a journal file or what someone types at the plain-mode prompt may
//! hold a line of megabytes or bytes that are not UTF-8. [`BoundedLines`] keeps at most `cap`
//! bytes of each line (the rest is read and dropped, and the line says it was cut) and hands
//! the bytes over as they are, so the caller decides what invalid UTF-8 means: an error in a
//! journal file, a replacement character at the prompt. Memory stays bounded by `cap` whatever
//! comes in.

use std::borrow::Cow;
use std::io::{self, BufRead};

/// One line, without its `\n` (or `\r\n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub bytes: Vec<u8>,
    /// The line was longer than the cap; `bytes` holds its start.
    pub cut: bool,
}

impl Line {
    /// The line as text, if it is UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The line as text, with U+FFFD for bytes that are not UTF-8.
    pub fn lossy(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }
}

/// The lines of `reader`, each cut to `cap` bytes.
pub struct BoundedLines<R> {
    reader: R,
    cap: usize,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(reader: R, cap: usize) -> BoundedLines<R> {
        BoundedLines { reader, cap }
    }
}

impl<R: BufRead> Iterator for BoundedLines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        let mut line = Line {
            bytes: Vec::new(),
            cut: false,
        };
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if available.is_empty() {
                break;
            }
            read_any = true;
            let (chunk, end) = match available.iter().position(|&b| b == b'\n') {
                Some(at) => (&available[..at], Some(at + 1)),
                None => (available, None),
            };
            let room = self.cap.saturating_sub(line.bytes.len());
            if chunk.len() > room {
                line.cut = true;
            }
            line.bytes
                .extend_from_slice(&chunk[..chunk.len().min(room)]);
            let used = end.unwrap_or(available.len());
            self.reader.consume(used);
            if end.is_some() {
                if line.bytes.last() == Some(&b'\r') && !line.cut {
                    line.bytes.pop();
                }
                return Some(Ok(line));
            }
        }
        read_any.then_some(Ok(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<Line> {
        BoundedLines::new(std::io::BufReader::with_capacity(3, input), cap)
            .collect::<io::Result<Vec<_>>>()
            .expect("no io error")
    }

    #[test]
    fn lines_are_split_and_cut() {
        let got = lines(b"ab\r\ncdefgh\n\nlast", 4);
        let texts: Vec<_> = got
            .iter()
            .map(|l| (l.lossy().into_owned(), l.cut))
            .collect();
        assert_eq!(
            texts,
            [
                ("ab".into(), false),
                ("cdef".into(), true),
                (String::new(), false),
                ("last".into(), false)
            ]
        );
        assert!(lines(b"", 4).is_empty());
        let bad = lines(b"\xff\xfe1\n", 10);
        assert_eq!(bad[0].text(), None);
        assert_eq!(bad[0].lossy(), "\u{fffd}\u{fffd}1");
    }

    #[test]
    fn a_endless_line_is_read_in_bounded_memory() {
        let zeros = std::io::Read::take(std::io::repeat(b'0'), 50_000_000);
        let mut it = BoundedLines::new(std::io::BufReader::new(zeros), 1024);
        let first = it.next().expect("a line").expect("no error");
        assert!(first.cut);
        assert_eq!(first.bytes.len(), 1024);
        assert!(it.next().is_none());
    }
}
