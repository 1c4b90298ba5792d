//! Moving journals between devices: newline-delimited JSON, one event per line, after a header
//! line that names the format and its version:
//!
//! ```text
//! {"format":"opora-journal","version":1}
//! {"id":"0193…","device":"tver-3","at":1764000000000,"session":"0193…","payload":{"type":"session_started",…}}
//! ```
//!
//! [`EventLines`] reads a file one event at a time; `import` (`import.rs`) streams it in one transaction, each line at most [`LINE_MAX`]
//! bytes; every event must pass the journal's gate (`opora_core::journal::validate`) against
//! this device's clock. The first line that is not a valid event stops the import with its
//! line number and nothing is written. Ids already present with the same content are skipped,
//! so importing the same file twice changes nothing; an id already present with different
//! content is an error (the file is not what it claims to be), and nothing is written.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::store::Journal;
use crate::files::lines::BoundedLines;
use opora_core::journal::Event;
use opora_core::journal::validate::Invalid;
use opora_core::store_error::StoreError;

pub const FORMAT: &str = "opora-journal";
/// The version of the line format written by this build; older ones are read too.
pub const VERSION: u32 = 1;
/// The longest line read (an event is a few hundred bytes).
pub const LINE_MAX: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    version: u32,
}

/// What is wrong with one line of a journal file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LineError {
    #[error("the file does not start with the journal header line")]
    NoHeader,
    #[error("the file was written by a newer Opora (format version {0})")]
    TooNew(u32),
    #[error("not a journal event: {0}")]
    BadEvent(String),
    #[error("the line is longer than {LINE_MAX} bytes")]
    TooLong,
    /// A well-formed event the journal's gate refuses.
    #[error("{0}")]
    Invalid(Invalid),
    /// The id is already in the journal with different content.
    #[error("event {0} is already in the journal with different content")]
    Conflict(uuid::Uuid),
}

/// Why an import did nothing.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("line {line}: {error}")]
    Line { line: usize, error: LineError },
    #[error("the file cannot be read: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub already_present: usize,
}

/// Checks the header line.
pub fn parse_header(line: &str) -> Result<u32, LineError> {
    let header: Header = serde_json::from_str(line.trim()).map_err(|_| LineError::NoHeader)?;
    if header.format != FORMAT {
        return Err(LineError::NoHeader);
    }
    if header.version > VERSION || header.version == 0 {
        return Err(LineError::TooNew(header.version));
    }
    Ok(header.version)
}

/// Parses one event line.
pub fn parse_event(line: &str) -> Result<Event, LineError> {
    let event: Event =
        serde_json::from_str(line.trim()).map_err(|e| LineError::BadEvent(e.to_string()))?;
    if event.device.is_empty() || event.session.is_empty() {
        return Err(LineError::BadEvent("empty device or session".into()));
    }
    Ok(event)
}

/// One event as a line (without the newline).
pub fn event_line(event: &Event) -> String {
    serde_json::to_string(event).unwrap_or_else(|_| unreachable!("events always serialise"))
}

/// Reads a whole journal file; blank lines are ignored. Line numbers count from 1.
pub fn parse_file(input: impl BufRead) -> Result<Vec<Event>, ImportError> {
    Ok(parse_numbered(input)?.into_iter().map(|(_, e)| e).collect())
}

/// [`parse_file`], with each event's line number.
pub fn parse_numbered(input: impl BufRead) -> Result<Vec<(usize, Event)>, ImportError> {
    EventLines::new(input).collect()
}

/// The events of a journal file, one at a time with their line numbers; blank lines skipped,
/// the header checked first. A file without a header ends with that error.
pub struct EventLines<R> {
    lines: std::iter::Enumerate<BoundedLines<R>>,
    header_seen: bool,
    done: bool,
}

impl<R: BufRead> EventLines<R> {
    pub fn new(input: R) -> EventLines<R> {
        EventLines {
            lines: BoundedLines::new(input, LINE_MAX).enumerate(),
            header_seen: false,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for EventLines<R> {
    type Item = Result<(usize, Event), ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut fail = |error: ImportError| {
            self.done = true;
            Some(Err(error))
        };
        loop {
            let Some((index, line)) = self.lines.next() else {
                if self.header_seen {
                    self.done = true;
                    return None;
                }
                return fail(ImportError::Line {
                    line: 1,
                    error: LineError::NoHeader,
                });
            };
            let number = index + 1;
            let at = |error| ImportError::Line {
                line: number,
                error,
            };
            let line = match line {
                Ok(line) => line,
                Err(e) => return fail(ImportError::Io(e)),
            };
            if line.cut {
                return fail(at(LineError::TooLong));
            }
            let Some(text) = line.text() else {
                return fail(at(LineError::BadEvent("not UTF-8 text".into())));
            };
            if text.trim().is_empty() {
                continue;
            }
            if !self.header_seen {
                if let Err(error) = parse_header(text) {
                    return fail(at(error));
                }
                self.header_seen = true;
                continue;
            }
            return match parse_event(text) {
                Ok(event) => Some(Ok((number, event))),
                Err(error) => fail(at(error)),
            };
        }
    }
}

impl Journal {
    /// Writes every event to `out`, header first. Returns the number of events.
    pub fn export(&self, mut out: impl Write) -> Result<usize, ImportError> {
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
        };
        let header =
            serde_json::to_string(&header).unwrap_or_else(|_| unreachable!("plain struct"));
        writeln!(out, "{header}")?;
        // One event at a time, so an export of millions of events needs no more memory than
        // one of ten.
        let mut count = 0;
        self.each_event(|event| {
            writeln!(out, "{}", event_line(&event))?;
            count += 1;
            Ok(())
        })?;
        out.flush()?;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opora_core::journal::{InputMode, Outcome, Payload};
    use proptest::prelude::*;

    const SESSION: &str = "019ab2f0-8a00-7000-8000-000000000001";

    /// The clock the imports in these tests are checked against (a day after the sample).
    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp_millis(1_764_086_400_000).expect("valid")
    }

    fn sample() -> Vec<Event> {
        let at = chrono::DateTime::from_timestamp_millis(1_764_000_000_000).expect("valid");
        vec![
            Event::at(
                "dev-a",
                SESSION,
                at,
                Payload::LessonStarted {
                    lesson: "pay".into(),
                },
            ),
            Event::at(
                "dev-a",
                SESSION,
                at,
                Payload::StepCompleted {
                    lesson: Some("pay".into()),
                    step: 1,
                    by: InputMode::Voice,
                    helped: false,
                    recognition_accepted: Some(true),
                },
            ),
            Event::at(
                "dev-a",
                SESSION,
                at,
                Payload::SessionEnded {
                    outcome: Outcome::Alone,
                    fcr: Some(true),
                    complaint: None,
                    computed: None,
                    override_reason: None,
                },
            ),
        ]
    }

    fn file_of(events: &[Event]) -> Vec<u8> {
        let mut journal = Journal::open_in_memory().expect("journal");
        journal.append_all(events).expect("appended");
        let mut out = Vec::new();
        journal.export(&mut out).expect("exported");
        out
    }

    #[test]
    fn export_import_round_trip_and_twice_changes_nothing() {
        let events = sample();
        let file = file_of(&events);
        let mut other = Journal::open_in_memory().expect("journal");
        let first = other.import_at(file.as_slice(), now()).expect("imported");
        assert_eq!(
            first,
            ImportSummary {
                added: 3,
                already_present: 0
            }
        );
        let before = other.events().expect("events");
        let second = other
            .import_at(file.as_slice(), now())
            .expect("imported again");
        assert_eq!(
            second,
            ImportSummary {
                added: 0,
                already_present: 3
            }
        );
        assert_eq!(other.events().expect("events"), before);
        let mut sorted = events.clone();
        sorted.sort_by_key(|e| e.id);
        assert_eq!(before, sorted);
    }

    #[test]
    fn a_bad_line_is_reported_by_number_and_nothing_is_written() {
        let mut file = file_of(&sample());
        file.extend_from_slice(b"\n{\"id\": 42}\n");
        let mut other = Journal::open_in_memory().expect("journal");
        match other.import_at(file.as_slice(), now()) {
            Err(ImportError::Line {
                line,
                error: LineError::BadEvent(_),
            }) => assert_eq!(line, 6),
            other => panic!("expected a bad line 6, got {other:?}"),
        }
        assert_eq!(other.count().expect("count"), 0);
    }

    /// A file of the sample events, each line rewritten by `edit` (the header untouched).
    fn edited(
        events: &[Event],
        edit: impl Fn(usize, serde_json::Value) -> serde_json::Value,
    ) -> Vec<u8> {
        let file = String::from_utf8(file_of(events)).expect("utf-8");
        let mut out = String::new();
        for (i, line) in file.lines().enumerate() {
            let text = if i == 0 {
                line.to_string()
            } else {
                edit(i, serde_json::from_str(line).expect("json")).to_string()
            };
            out.push_str(&text);
            out.push('\n');
        }
        out.into_bytes()
    }

    #[test]
    fn the_first_invalid_event_is_named_by_line_and_nothing_lands() {
        let file = edited(&sample(), |i, mut v| {
            if i == 3 {
                v["device"] = serde_json::json!("Мария Иванова");
            }
            v
        });
        let mut other = Journal::open_in_memory().expect("journal");
        match other.import_at(file.as_slice(), now()) {
            Err(ImportError::Line {
                line: 4,
                error: LineError::Invalid(invalid),
            }) => assert_eq!(invalid.field, "device"),
            other => panic!("expected line 4 refused, got {other:?}"),
        }
        assert_eq!(other.count().expect("count"), 0);
    }

    #[test]
    fn an_id_already_here_with_other_content_is_an_error_not_a_skip() {
        let events = sample();
        let mut journal = Journal::open_in_memory().expect("journal");
        journal
            .import_at(file_of(&events).as_slice(), now())
            .expect("first import");
        let forged_line = std::cell::Cell::new(0);
        let forged = edited(&events, |i, mut v| {
            if v["payload"]["type"] == "step_completed" {
                v["payload"]["step"] = serde_json::json!(7);
                forged_line.set(i + 1);
            }
            v
        });
        match journal.import_at(forged.as_slice(), now()) {
            Err(ImportError::Line {
                line,
                error: LineError::Conflict(_),
            }) => assert_eq!(line, forged_line.get()),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(journal.count().expect("count"), 3);
    }

    #[test]
    fn a_line_of_megabytes_is_refused_without_reading_it_into_memory() {
        let mut file = file_of(&sample());
        file.extend(std::iter::repeat_n(b'x', 5 * LINE_MAX));
        file.push(b'\n');
        match parse_file(file.as_slice()) {
            Err(ImportError::Line {
                line: 5,
                error: LineError::TooLong,
            }) => {}
            other => panic!("expected line 5 too long, got {other:?}"),
        }
    }

    #[test]
    fn headers_are_checked() {
        assert_eq!(
            parse_header("{\"format\":\"opora-journal\",\"version\":1}"),
            Ok(1)
        );
        assert_eq!(
            parse_header("{\"format\":\"opora-journal\",\"version\":9}"),
            Err(LineError::TooNew(9))
        );
        assert_eq!(parse_header("{}"), Err(LineError::NoHeader));
        assert!(matches!(
            parse_file("".as_bytes()),
            Err(ImportError::Line {
                line: 1,
                error: LineError::NoHeader
            })
        ));
    }

    proptest! {
        #[test]
        fn the_line_parser_never_panics(line in "\\PC{0,200}") {
            let _ = parse_event(&line);
            let _ = parse_header(&line);
        }

        #[test]
        fn lines_round_trip(step in 0u32..1000, helped: bool, voice: bool, ms in 0i64..4_000_000_000_000,
                            lesson in "[a-z-]{1,20}", device in "[a-z0-9-]{1,20}") {
            let at = chrono::DateTime::from_timestamp_millis(ms).expect("in range");
            let event = Event::at(&device, "s", at, Payload::StepCompleted {
                lesson: Some(lesson),
                step,
                by: if voice { InputMode::Voice } else { InputMode::Key },
                helped,
                recognition_accepted: None,
            });
            prop_assert_eq!(parse_event(&event_line(&event)), Ok(event));
        }

        #[test]
        fn mangled_lines_are_errors_not_panics(cut in 0usize..200) {
            let line = event_line(&sample()[1]);
            let cut = cut.min(line.len());
            if let Some(head) = line.get(..cut) && cut < line.len() {
                prop_assert!(parse_event(head).is_err());
            }
        }
    }
}
