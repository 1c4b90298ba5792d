//! `opora sandbox reset|unblock-card`: staff commands for the practice bank.

use super::parts::{clock, open_store};
use super::tell;
use crate::store::bank::SandboxStore;
use clap::Subcommand;
use opora_core::i18n::I18n;
use opora_core::tr;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum SandboxAction {
    /// Restore the demo client, balances, bills and history.
    Reset,
    /// Unblock the practice card (only staff may do this).
    UnblockCard,
}

/// Opens the practice bank for `sandbox reset`: a damaged file is set aside (renamed to
/// `sandbox.db.damaged`) and a new one is made, since resetting is what staff are told to do.
fn open_store_for_reset(i18n: &I18n) -> Result<SandboxStore, String> {
    let path = crate::paths::sandbox_db();
    match SandboxStore::open_with_clock(&path, clock()) {
        Err(opora_core::store_error::StoreError::Corrupt { .. }) => {
            let mut aside = path.clone().into_os_string();
            aside.push(".damaged");
            let _ = std::fs::rename(&path, &aside);
            for suffix in ["-wal", "-shm"] {
                let mut side = path.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(side);
            }
            open_store(i18n)
        }
        other => other.map_err(|e| e.sentence(opora_core::store_error::StoreFile::Bank, i18n)),
    }
}

pub fn run(action: &SandboxAction, i18n: &I18n) -> ExitCode {
    let path = crate::paths::sandbox_db();
    let opened = match action {
        SandboxAction::Reset => open_store_for_reset(i18n),
        SandboxAction::UnblockCard => open_store(i18n),
    };
    let result = opened.and_then(|store| {
        let done = match action {
            SandboxAction::Reset => store.reset(),
            SandboxAction::UnblockCard => store.unblock_card().map(|_| ()),
        };
        done.map_err(|e| e.sentence(opora_core::store_error::StoreFile::Bank, i18n))
    });
    match result {
        Ok(()) => {
            super::say(&match action {
                SandboxAction::Reset => {
                    tr!(
                        i18n,
                        "sandbox-reset-done",
                        path = path.display().to_string()
                    )
                }
                SandboxAction::UnblockCard => i18n.t("sandbox-unblock-done"),
            });
            ExitCode::SUCCESS
        }
        Err(sentence) => {
            tell(&sentence);
            ExitCode::FAILURE
        }
    }
}
