//! `opora journal export --format xes FILE`: the journal as an IEEE 1849-2016 XES event log
//! (one `<trace>` per session, one `<event>` per journal event; see `mining.rs` for activities,
//! resources and attributes), with the Concept, Time, Organizational and Lifecycle extensions'
//! standard keys: `concept:name` (case: the session id; event: the activity), `time:timestamp`,
//! `org:resource`, `lifecycle:transition` (`complete`). Case attributes: segment, age band,
//! channel, site, variant, kind, outcome (and the observed outcome and override reason).

use std::io::Write;

use super::ImportError;
use super::mining::{Value, Written, activity, fields, timestamp};
use super::store::Journal;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <global scope="trace">
    <string key="concept:name" value="__INVALID__"/>
  </global>
  <global scope="event">
    <string key="concept:name" value="__INVALID__"/>
    <date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/>
    <string key="org:resource" value="__INVALID__"/>
    <string key="lifecycle:transition" value="complete"/>
  </global>
  <classifier name="Activity" keys="concept:name"/>
  <classifier name="Resource" keys="org:resource"/>
  <string key="concept:name" value="Opora journal"/>
"#;

/// Text fit for an XML attribute: markup escaped, and characters XML 1.0 cannot hold (control
/// characters other than tab and line breaks) replaced by U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn string(out: &mut impl Write, indent: &str, key: &str, value: &str) -> std::io::Result<()> {
    writeln!(
        out,
        r#"{indent}<string key="{}" value="{}"/>"#,
        escape(key),
        escape(value)
    )
}

impl Journal {
    /// Writes the journal as XES to `out`.
    pub fn export_xes(&self, mut out: impl Write) -> Result<Written, ImportError> {
        out.write_all(HEAD.as_bytes())?;
        let written = self.for_each_case(|case, events| {
            writeln!(out, "  <trace>")?;
            string(&mut out, "    ", "concept:name", &case.session)?;
            string(&mut out, "    ", "kind", &case.kind)?;
            for (key, value) in &case.attributes {
                string(&mut out, "    ", key, value)?;
            }
            for event in events {
                writeln!(out, "    <event>")?;
                string(
                    &mut out,
                    "      ",
                    "concept:name",
                    &activity(&event.payload),
                )?;
                writeln!(
                    out,
                    r#"      <date key="time:timestamp" value="{}"/>"#,
                    timestamp(event)
                )?;
                string(
                    &mut out,
                    "      ",
                    "org:resource",
                    &case.resource(&event.payload),
                )?;
                string(&mut out, "      ", "lifecycle:transition", "complete")?;
                string(&mut out, "      ", "opora:event", &event.id.to_string())?;
                for (key, value) in fields(&event.payload) {
                    match value {
                        Value::Text(text) => string(&mut out, "      ", &key, &text)?,
                        Value::Int(n) => {
                            writeln!(out, r#"      <int key="{}" value="{n}"/>"#, escape(&key))?
                        }
                        Value::Bool(b) => writeln!(
                            out,
                            r#"      <boolean key="{}" value="{b}"/>"#,
                            escape(&key)
                        )?,
                    }
                }
                writeln!(out, "    </event>")?;
            }
            writeln!(out, "  </trace>")
        })?;
        writeln!(out, "</log>")?;
        out.flush()?;
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(escape(r#"a<b>&"c"'"#), "a&lt;b&gt;&amp;&quot;c&quot;&apos;");
        assert_eq!(escape("x\u{1}y\nz"), "x\u{FFFD}y&#10;z");
    }

    proptest! {
        #[test]
        fn escaped_text_has_no_markup(text in "\\PC{0,40}") {
            let escaped = escape(&text);
            prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
            prop_assert!(escaped.chars().all(|c| c as u32 >= 0x20));
        }
    }
}
