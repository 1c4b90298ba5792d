//! `opora journal push`: sends every event of this device's journal that the central database
//! has not acknowledged (`central::push`), and says how many, or one sentence why not — no
//! network, a wrong password, an untrusted certificate — with a failing exit status and
//! nothing changed here.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::central::{address, failure};
use crate::central::{connect, migrate, push};
use crate::store::journal::Journal;
use crate::store::push_state::PushState;
use opora_core::i18n::I18n;
use opora_core::store_error::StoreFile;
use opora_core::tr;

fn fail(sentence: &str) -> ExitCode {
    super::tell(sentence);
    ExitCode::FAILURE
}

/// The push state's file, beside the journal.
pub fn push_db() -> std::path::PathBuf {
    crate::paths::data_dir().join("push.db")
}

/// `opora journal push [--batch N]`.
pub fn run(batch: usize, i18n: &I18n) -> ExitCode {
    let url = match address(None, i18n) {
        Ok(url) => url,
        Err(sentence) => return fail(&sentence),
    };
    let journal = match Journal::open(&crate::paths::journal_db()) {
        Ok(journal) => journal,
        Err(e) => return fail(&e.sentence(StoreFile::Journal, i18n)),
    };
    let state = match PushState::open(&push_db()) {
        Ok(state) => state,
        Err(e) => return fail(&e.sentence(StoreFile::Journal, i18n)),
    };
    let mut central = match connect(&url) {
        Ok(central) => central,
        Err(e) => return failure(&e, i18n),
    };
    let server = match migrate::check(&mut central, 1, true) {
        Ok(server) => server,
        Err(e) => return failure(&e, i18n),
    };
    let pending = state
        .mark(&server.server_id)
        .ok()
        .flatten()
        .map_or(0, |m| m.rowid);
    let pending = journal.count_after(pending).unwrap_or(0);
    let show_progress = std::io::stderr().is_terminal() && pending > push::BATCH as u64;
    let progress = |sent: u64| {
        if show_progress {
            eprint!(
                "\r{}",
                tr!(
                    i18n,
                    "push-progress",
                    sent = i64::try_from(sent).unwrap_or(i64::MAX),
                    pending = i64::try_from(pending).unwrap_or(i64::MAX)
                )
            );
        }
    };
    let result = push::push(&mut central, &server, &journal, &state, batch, progress);
    if show_progress {
        eprintln!();
    }
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    match result {
        Ok(done) if done.sent == 0 => {
            super::say(&tr!(
                i18n,
                "push-nothing",
                server = central.peer.server.clone(),
                total = count(done.total)
            ));
            ExitCode::SUCCESS
        }
        Ok(done) => {
            if done.from_start {
                super::say(&i18n.t("push-from-start"));
            }
            super::say(&tr!(
                i18n,
                "push-done",
                sent = count(done.sent),
                new = count(done.new_there),
                total = count(done.total),
                server = central.peer.server.clone()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => failure(&e, i18n),
    }
}
