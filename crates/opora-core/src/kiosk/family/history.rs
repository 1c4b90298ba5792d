//! History: recent operations a few at a time, newest first; choose one to see (and later hear)
//! it whole.

use super::common::{account_name, screen};
use crate::bank::Snapshot;
use crate::i18n::I18n;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::{Action, Screen};
use crate::screen_model::ScreenModel;
use crate::tr;
use crate::voice::lexicon::Concept::*;

/// Entries per page: four, leaving choices 5 and 6 for older and newer pages.
pub const PAGE: usize = 4;

fn page_count(snapshot: &Snapshot) -> usize {
    snapshot.history.len().div_ceil(PAGE).max(1)
}

pub(super) fn history_choices(snapshot: &Snapshot, page: usize) -> Vec<Offer> {
    let start = page * PAGE;
    let mut choices: Vec<Offer> = (start..snapshot.history.len().min(start + PAGE))
        .map(|index| {
            Offer::new(
                Action::Open(Screen::HistoryItem { index }),
                Label::HistoryEntry(index),
            )
            .said(&[History])
        })
        .collect();
    if page + 1 < page_count(snapshot) {
        let older = Action::HistoryPage(page + 1);
        choices.push(Offer::new(older, Label::Id("history-older")).said(&[Older]));
    }
    if page > 0 {
        let newer = Action::HistoryPage(page - 1);
        choices.push(Offer::new(newer, Label::Id("history-newer")).said(&[Newer]));
    }
    choices
}

pub(super) fn history(snapshot: &Snapshot, page: usize, i18n: &I18n) -> ScreenModel {
    let mut model = screen("history", i18n);
    let total = snapshot.history.len();
    if total == 0 {
        model.lines.push(i18n.t("history-empty"));
        return model;
    }
    let first = page * PAGE + 1;
    let last = (page * PAGE + PAGE).min(total);
    model.lines.push(tr!(
        i18n,
        "history-range",
        first = first as i64,
        last = last as i64,
        total = total as i64
    ));
    model
}

pub(super) fn item_choices() -> Vec<Offer> {
    vec![Offer::back("history-back"), Offer::home()]
}

pub(super) fn item(snapshot: &Snapshot, index: usize, i18n: &I18n) -> ScreenModel {
    let mut model = screen("history-item", i18n);
    let Some(entry) = snapshot.history.get(index) else {
        return model;
    };
    model.title = i18n.t(&format!(
        "history-kind-{}",
        entry.kind.code().replace('_', "-")
    ));
    model.fact = Some(i18n.signed_money(entry.amount));
    model
        .lines
        .push(entry.counterparty.get(i18n.lang()).to_string());
    model
        .lines
        .push(tr!(i18n, "history-date", date = i18n.date(entry.date)));
    model.lines.push(tr!(
        i18n,
        "history-account",
        name = account_name(entry.account, snapshot, i18n)
    ));
    model
}
