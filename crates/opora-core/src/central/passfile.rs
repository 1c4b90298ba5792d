//! libpq's password file (`~/.pgpass`, `PGPASSFILE`): lines of
//! `hostname:port:database:username:password`, `*` matching anything in the first four fields,
//! `\:` and `\\` standing for a colon and a backslash, `#` starting a comment. The first line that
//! matches gives the password. The edge reads the file (and refuses one others may read, as
//! libpq does); this only reads its text.

/// What a connection is, for matching a passfile line.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    /// The host name, or a Unix socket's folder.
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// The password for `target`, if a line of `text` gives one.
pub fn lookup(text: &str, target: Target<'_>) -> Option<String> {
    let port = target.port.to_string();
    // A socket folder matches `localhost` too, as in libpq.
    let socket = target.host.starts_with('/');
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split(line);
        let [host, line_port, database, user, password] = fields.as_slice() else {
            continue;
        };
        let matches = |field: &str, value: &str| field == "*" || field == value;
        let host_ok = matches(host, target.host) || (socket && host == "localhost");
        if host_ok
            && matches(line_port, &port)
            && matches(database, target.database)
            && matches(user, target.user)
        {
            return Some(password.clone());
        }
    }
    None
}

/// The fields of a line: split on unescaped colons, escapes undone. The password, the last
/// field, keeps any further colons.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(field) = fields.last_mut()
                {
                    field.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn target() -> Target<'static> {
        Target {
            host: "db.bank",
            port: 5432,
            database: "opora",
            user: "kiosk",
        }
    }

    #[test]
    fn the_first_matching_line_wins() {
        let text = "# bank\nother:5432:opora:kiosk:no\n*:5432:opora:kiosk:yes\n*:*:*:*:fallback\n";
        assert_eq!(lookup(text, target()).as_deref(), Some("yes"));
        assert_eq!(
            lookup(
                text,
                Target {
                    port: 6432,
                    ..target()
                }
            )
            .as_deref(),
            Some("fallback")
        );
        assert_eq!(lookup("db.bank:5432:opora:other:x\n", target()), None);
    }

    #[test]
    fn escapes_and_colons_in_passwords() {
        let text = "db.bank:5432:opora:kiosk:pa\\:ss:w\\\\rd\n";
        assert_eq!(lookup(text, target()).as_deref(), Some("pa:ss:w\\rd"));
    }

    #[test]
    fn a_socket_folder_matches_localhost() {
        let socket = Target {
            host: "/run/postgresql",
            ..target()
        };
        assert_eq!(
            lookup("localhost:5432:opora:kiosk:here\n", socket).as_deref(),
            Some("here")
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "\\PC{0,200}") {
            let _ = lookup(&text, target());
        }

        #[test]
        fn a_written_line_gives_its_password(password in "[ -~]{1,40}") {
            let escaped = password.replace('\\', "\\\\").replace(':', "\\:");
            let line = format!("db.bank:5432:opora:kiosk:{escaped}\n");
            prop_assert_eq!(lookup(&line, target()), Some(password));
        }
    }
}
