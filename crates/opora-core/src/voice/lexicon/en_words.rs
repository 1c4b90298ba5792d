//! The English word table: each word by its base, whether it is a verb, and its irregular
//! forms. The phrase tables (`en.rs`) name them in braces, "{send}", and get "sends",
//! "sending", "sent".

use super::paradigm::{EnWord, en_word};

const fn verb(base: &'static str, extra: &'static str) -> EnWord {
    EnWord {
        base,
        verb: true,
        extra,
    }
}

const fn noun(base: &'static str) -> EnWord {
    EnWord {
        base,
        verb: false,
        extra: "",
    }
}

const WORDS: &[EnWord] = &[
    verb("return", ""),
    verb("help", ""),
    verb("cancel", "cancelled cancelling"),
    verb("confirm", ""),
    verb("send", "sent"),
    verb("transfer", "transferred transferring"),
    verb("pay", "paid"),
    noun("bill"),
    verb("put", ""),
    noun("transaction"),
    noun("operation"),
    noun("payment"),
    verb("spend", "spent"),
    noun("lesson"),
    verb("learn", "learnt"),
    noun("tutorial"),
    verb("block", ""),
    noun("card"),
    verb("lose", "lost"),
    verb("steal", "stole stolen"),
    verb("take", "took taken"),
    noun("pension"),
    verb("arrive", ""),
    noun("staff"),
    noun("assistant"),
    verb("change", ""),
    verb("skip", "skipped skipping"),
    verb("leave", ""),
    verb("continue", ""),
    verb("show", "shown"),
    verb("open", ""),
    verb("check", ""),
    verb("choose", "chose chosen"),
    verb("select", ""),
    verb("press", ""),
    verb("make", "made"),
    verb("use", ""),
    verb("tell", "told"),
    verb("speak", "spoke"),
];

/// Every form of an English word from the table, if it is there.
pub(super) fn forms(base: &str) -> Option<Vec<String>> {
    WORDS.iter().find(|w| w.base == base).map(en_word)
}
