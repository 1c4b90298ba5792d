//! Moving journals between devices: newline-delimited JSON, one event per line, after a header
//! line that names the format and its version:
//!
//! ```text
//! {"format":"opora-journal","version":1}
//! {"id":"0193…","device":"tver-3","at":1764000000000,"session":"0193…","payload":{"type":"session_started",…}}
//! ```
//!
//! `import` reads the whole file first; a line that is not a valid event stops the import with
//! its line number and nothing is written. The events are then added in one transaction,
//! skipping ids already present, so importing the same file twice changes nothing.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::store::{Journal, insert};
use opora_core::journal::event::Event;
use opora_core::store_error::StoreError;

pub const FORMAT: &str = "opora-journal";
/// The version of the line format written by this build; older ones are read too.
pub const VERSION: u32 = 1;

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
    let mut events = Vec::new();
    let mut header_seen = false;
    for (index, line) in input.lines().enumerate() {
        let line = line?;
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = |error| ImportError::Line {
            line: number,
            error,
        };
        if !header_seen {
            parse_header(&line).map_err(at)?;
            header_seen = true;
            continue;
        }
        events.push(parse_event(&line).map_err(at)?);
    }
    if !header_seen {
        return Err(ImportError::Line {
            line: 1,
            error: LineError::NoHeader,
        });
    }
    Ok(events)
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
        let events = self.events()?;
        for event in &events {
            writeln!(out, "{}", event_line(event))?;
        }
        out.flush()?;
        Ok(events.len())
    }

    /// Adds the events of a journal file, all or nothing.
    pub fn import(&mut self, input: impl BufRead) -> Result<ImportSummary, ImportError> {
        let events = parse_file(input)?;
        let path = self.path().to_path_buf();
        let sql = |e| crate::store::sqlite::store_error(&path, e);
        let tx = self.transaction()?;
        let mut summary = ImportSummary::default();
        let mut added = Vec::new();
        for event in events {
            if insert(&tx, &event, true).map_err(sql)? {
                summary.added += 1;
                added.push(event);
            } else {
                summary.already_present += 1;
            }
        }
        super::facts::apply(&tx, &added).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opora_core::journal::{InputMode, Outcome, Payload};
    use proptest::prelude::*;

    fn sample() -> Vec<Event> {
        let at = chrono::DateTime::from_timestamp_millis(1_764_000_000_000).expect("valid");
        vec![
            Event::at(
                "dev-a",
                "s1",
                at,
                Payload::LessonStarted {
                    lesson: "pay".into(),
                },
            ),
            Event::at(
                "dev-a",
                "s1",
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
                "s1",
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
        let first = other.import(file.as_slice()).expect("imported");
        assert_eq!(
            first,
            ImportSummary {
                added: 3,
                already_present: 0
            }
        );
        let before = other.events().expect("events");
        let second = other.import(file.as_slice()).expect("imported again");
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
        match other.import(file.as_slice()) {
            Err(ImportError::Line {
                line,
                error: LineError::BadEvent(_),
            }) => assert_eq!(line, 6),
            other => panic!("expected a bad line 6, got {other:?}"),
        }
        assert_eq!(other.count().expect("count"), 0);
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
