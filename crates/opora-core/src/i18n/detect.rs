//! Which language to speak: `--lang`, else the POSIX locale variables, else Russian.

use super::Lang;

/// `--lang` wins; otherwise the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty
/// decides (as POSIX orders them); Russian unless that variable says English.
pub fn detect_lang(cli: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = cli {
        return lang;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env(var).filter(|v| !v.is_empty()) {
            return match Lang::from_tag(&value) {
                Some(Lang::En) => Lang::En,
                _ => Lang::Ru,
            };
        }
    }
    Lang::Ru
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_command_line_wins() {
        assert_eq!(
            detect_lang(Some(Lang::En), env(&[("LANG", "ru_RU.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn posix_order_decides() {
        let cases: &[(&[(&str, &str)], Lang)] = &[
            (&[], Lang::Ru),
            (&[("LANG", "en_US.UTF-8")], Lang::En),
            (&[("LANG", "ru_RU.UTF-8")], Lang::Ru),
            (&[("LANG", "de_DE.UTF-8")], Lang::Ru),
            (&[("LANG", "C.UTF-8")], Lang::Ru),
            (&[("LC_MESSAGES", "en_GB"), ("LANG", "ru_RU")], Lang::En),
            (&[("LC_ALL", "ru_RU"), ("LC_MESSAGES", "en_GB")], Lang::Ru),
            (&[("LC_ALL", ""), ("LANG", "en_US")], Lang::En),
        ];
        for (vars, expected) in cases {
            assert_eq!(detect_lang(None, env(vars)), *expected, "{vars:?}");
        }
    }
}
