//! Rows into PostgreSQL with `COPY … FROM STDIN` in its text format: the fastest way the
//! server has to take many rows, one round trip for a whole table's worth. Values are written
//! as the format wants them: `\N` for nothing, `t`/`f`, and a backslash before a backslash,
//! tab, newline or carriage return inside text.

use std::io::Write;

use postgres::Transaction;

/// One value of a row to copy.
pub enum Value<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Text(&'a str),
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(text: Option<&'a str>) -> Value<'a> {
        text.map_or(Value::Null, Value::Text)
    }
}

impl From<Option<i64>> for Value<'_> {
    fn from(n: Option<i64>) -> Self {
        n.map_or(Value::Null, Value::Int)
    }
}

/// A table's rows, encoded as they are added.
#[derive(Default)]
pub struct Rows {
    text: Vec<u8>,
    pub count: usize,
}

impl Rows {
    pub fn push(&mut self, values: &[Value<'_>]) {
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                self.text.push(b'\t');
            }
            match value {
                Value::Null => self.text.extend_from_slice(b"\\N"),
                Value::Int(n) => {
                    let _ = write!(self.text, "{n}");
                }
                Value::Bool(b) => self.text.push(if *b { b't' } else { b'f' }),
                Value::Text(t) => escape(&mut self.text, t),
            }
        }
        self.text.push(b'\n');
        self.count += 1;
    }

    /// Sends the rows with `COPY table (columns) FROM STDIN`.
    pub fn send(self, tx: &mut Transaction<'_>, table: &str) -> Result<u64, postgres::Error> {
        if self.count == 0 {
            return Ok(0);
        }
        let mut writer = tx.copy_in(&format!("COPY {table} FROM STDIN"))?;
        // A write error here is the connection's; `finish` reports it as the server saw it.
        let _ = writer.write_all(&self.text);
        writer.finish()
    }
}

fn escape(out: &mut Vec<u8>, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_copy_text_wants_them() {
        let mut rows = Rows::default();
        rows.push(&[
            Value::Int(-7),
            Value::Null,
            Value::Bool(true),
            Value::Text("a\tb\\c\nd\re"),
        ]);
        rows.push(&[Value::Bool(false)]);
        assert_eq!(
            String::from_utf8(rows.text).expect("utf-8"),
            "-7\t\\N\tt\ta\\tb\\\\c\\nd\\re\nf\n"
        );
        assert_eq!(rows.count, 2);
    }
}
