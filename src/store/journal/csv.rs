//! `opora journal export --format csv FILE`: the journal as the flat event table that pm4py
//! (`pandas.read_csv` and `pm4py.format_dataframe`), ProM and Disco read: one row per event with
//! `case:concept:name` (the session), `concept:name` (the activity), `time:timestamp` and
//! `org:resource` (see `mining.rs`), then the case's attributes as `case:…` columns.

use std::io::Write;

use super::ImportError;
use super::mining::{Written, activity, timestamp};
use super::store::Journal;

/// The case attributes written as columns, in order.
const CASE_COLUMNS: [&str; 6] = ["kind", "segment", "age_band", "channel", "site", "variant"];

/// One CSV field, quoted when it must be (RFC 4180).
pub fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl Journal {
    /// Writes the journal as the flat event table to `out`.
    pub fn export_csv(&self, mut out: impl Write) -> Result<Written, ImportError> {
        write!(
            out,
            "case:concept:name,concept:name,time:timestamp,org:resource"
        )?;
        for column in CASE_COLUMNS {
            write!(out, ",case:{column}")?;
        }
        writeln!(out)?;
        let written = self.for_each_case(|case, events| {
            let attribute = |name: &str| {
                if name == "kind" {
                    return case.kind.clone();
                }
                case.attributes
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.clone())
                    .unwrap_or_default()
            };
            let tail: String = CASE_COLUMNS
                .iter()
                .map(|c| format!(",{}", field(&attribute(c))))
                .collect();
            for event in events {
                writeln!(
                    out,
                    "{},{},{},{}{tail}",
                    field(&case.session),
                    field(&activity(&event.payload)),
                    timestamp(event),
                    field(&case.resource(&event.payload))
                )?;
            }
            Ok(())
        })?;
        out.flush()?;
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("send-who"), "send-who");
        assert_eq!(field("Тверь, 3"), "\"Тверь, 3\"");
        assert_eq!(field("a\"b"), "\"a\"\"b\"");
    }
}
