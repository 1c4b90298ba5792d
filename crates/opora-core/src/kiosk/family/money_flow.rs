//! The screens of every money action — send, move between own accounts, pay a bill, top up a
//! phone — through the same four steps: who/what → how much → check → confirmation code → done.

use super::common::{account_name, bill_kind, payee_name, progress, screen};
use super::home::open;
use crate::bank::{AccountKind, Operation, Receipt, Recipient, Snapshot};
use crate::i18n::I18n;
use crate::kiosk::flow::{Check, CodeStep};
use crate::kiosk::flow::{Draft, Flow, Step, Target};
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::{Action, Screen};
use crate::money::Money;
use crate::screen_model::{Field, KeyLine, PhonePanel, ScreenModel};
use crate::tr;
use crate::voice::lexicon::Concept::*;
use crate::voice::meaning::VoiceCommand;

/// Saved people shown on the first screen of a transfer (the other two choices are a phone
/// number and the client's own accounts: six at most).
const MAX_PAYEES: usize = 4;

pub(super) fn send_who_choices(snapshot: &Snapshot) -> Vec<Offer> {
    let mut choices: Vec<Offer> = snapshot
        .payees
        .iter()
        .filter(|p| p.saved)
        .take(MAX_PAYEES)
        .map(|p| {
            let draft = Draft::new(Flow::Send).with_target(Target::Payee(p.key.clone()));
            Offer::new(Action::Target(draft), Label::Payee(p.key.clone())).payee(&p.key)
        })
        .collect();
    let by_phone = Action::EnterPhone(Draft::new(Flow::Send));
    choices.push(Offer::new(by_phone, Label::Id("send-by-phone")).said(&[ByPhone]));
    choices.push(open(Screen::OwnDirection, "send-own").said(&[Own]));
    choices
}

pub(super) fn send_who(i18n: &I18n) -> ScreenModel {
    let mut model = screen("send-who", i18n);
    model.progress = progress(Step::Target, i18n);
    model
}

pub(super) fn own_direction_choices() -> Vec<Offer> {
    let own = |from, to, label| {
        let draft = Draft::new(Flow::Own).with_target(Target::Own { from, to });
        Offer::new(Action::Target(draft), Label::Id(label))
    };
    vec![
        own(
            AccountKind::Card,
            AccountKind::Savings,
            "own-card-to-savings",
        )
        .said(&[ToSavings]),
        own(
            AccountKind::Savings,
            AccountKind::Card,
            "own-savings-to-card",
        )
        .said(&[ToCard]),
    ]
}

pub(super) fn own_direction(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("own-direction", i18n);
    model.progress = progress(Step::Target, i18n);
    for kind in [AccountKind::Card, AccountKind::Savings] {
        model.lines.push(tr!(
            i18n,
            "account-balance",
            name = account_name(kind, snapshot, i18n),
            amount = i18n.money(snapshot.account(kind).balance)
        ));
    }
    model
}

pub(super) fn pay_what_choices(snapshot: &Snapshot) -> Vec<Offer> {
    let mut choices: Vec<Offer> = snapshot
        .bills
        .iter()
        .take(5)
        .map(|b| {
            let draft = Draft::new(Flow::Bill).with_target(Target::Bill(b.key.clone()));
            Offer::new(Action::Target(draft), Label::Bill(b.key.clone())).bill(&b.key)
        })
        .collect();
    choices.push(open(Screen::TopUpWhose, "pay-topup").said(&[TopUp]));
    choices
}

pub(super) fn pay_what(i18n: &I18n) -> ScreenModel {
    let mut model = screen("pay-what", i18n);
    model.progress = progress(Step::Target, i18n);
    model
}

pub(super) fn topup_whose_choices(snapshot: &Snapshot) -> Vec<Offer> {
    let own = Draft::new(Flow::TopUp).with_target(Target::TopUp(snapshot.own_phone));
    let other = Action::EnterPhone(Draft::new(Flow::TopUp));
    vec![
        Offer::new(Action::Target(own), Label::OwnPhone).said(&[OwnPhone]),
        Offer::new(other, Label::Id("topup-other")).said(&[OtherPhone]),
    ]
}

pub(super) fn topup_whose(i18n: &I18n) -> ScreenModel {
    let mut model = screen("topup-whose", i18n);
    model.progress = progress(Step::Target, i18n);
    model
}

pub(super) fn phone_entry(draft: &Draft, text: &str, i18n: &I18n) -> ScreenModel {
    let mut model = screen("phone-entry", i18n);
    if draft.flow == Flow::TopUp {
        model.title = i18n.t("phone-entry-title-topup");
    }
    model.progress = progress(Step::Target, i18n);
    model.lines.push(i18n.t("phone-entry-example"));
    model.field = Some(Field {
        label: i18n.t("phone-entry-label"),
        value: text.to_string(),
        suffix: String::new(),
    });
    model
}

pub(super) fn bill_amount_choices(snapshot: &Snapshot, draft: &Draft) -> Vec<Offer> {
    let due = match &draft.target {
        Some(Target::Bill(key)) => snapshot.bill(key).map(|b| b.due),
        _ => None,
    };
    let mut choices = Vec::new();
    if let Some(due) = due.filter(|d| d.is_positive()) {
        let pay = Action::PayAmount(draft.clone().with_amount(due));
        choices.push(Offer::new(pay, Label::PayDue(due)).said(&[PayAll, Pay]));
    }
    let other = Action::EnterAmount(draft.clone());
    choices.push(Offer::new(other, Label::Id("bill-other-amount")).said(&[OtherAmount]));
    choices
}

pub(super) fn bill_amount(snapshot: &Snapshot, draft: &Draft, i18n: &I18n) -> ScreenModel {
    let mut model = screen("bill-amount", i18n);
    model.progress = progress(Step::Amount, i18n);
    if let Some(Target::Bill(key)) = &draft.target
        && let Some(bill) = snapshot.bill(key)
    {
        model.title = bill_kind(bill.kind, i18n);
        model.fact = Some(i18n.money(bill.due));
        model.lines.push(tr!(
            i18n,
            "bill-provider",
            provider = bill.provider.get(i18n.lang()).to_string(),
            account = bill.account_number.clone()
        ));
        if bill.paid {
            model.lines.push(i18n.t("bill-already-paid"));
        }
        model.lines.push(fee_rule(bill.fee_bp, bill.fee_max, i18n));
    }
    model
}

pub(super) fn amount_entry(
    snapshot: &Snapshot,
    draft: &Draft,
    text: &str,
    i18n: &I18n,
) -> ScreenModel {
    let mut model = screen("amount-entry", i18n);
    model.title = i18n.t(match draft.flow {
        Flow::Send | Flow::Own => "amount-entry-title",
        Flow::Bill => "amount-entry-title-bill",
        Flow::TopUp => "amount-entry-title-topup",
    });
    model.progress = progress(Step::Amount, i18n);
    if let Some(target) = &draft.target {
        model.lines.push(tr!(
            i18n,
            "line-to",
            who = target_text(target, snapshot, i18n)
        ));
        let from = match target {
            Target::Own { from, .. } => *from,
            _ => AccountKind::Card,
        };
        model.lines.push(tr!(
            i18n,
            "line-available",
            name = account_name(from, snapshot, i18n),
            amount = i18n.money(snapshot.account(from).balance)
        ));
        if let Target::Phone(_) = target {
            let limits = &snapshot.limits;
            let free_left = limits
                .phone_free_per_month
                .checked_sub(snapshot.phone_transfers_this_month)
                .unwrap_or(Money::ZERO)
                .max(Money::ZERO);
            model.lines.push(tr!(
                i18n,
                "line-phone-free-left",
                amount = i18n.money(free_left)
            ));
        }
    }
    model.field = Some(Field {
        label: i18n.t("amount-entry-label"),
        value: text.to_string(),
        suffix: i18n.t("amount-entry-suffix"),
    });
    model
}

pub(super) fn check_choices() -> Vec<Offer> {
    vec![
        // Named by voice only to be refused: money is confirmed by a key.
        Offer::new(Action::Confirm, Label::Id("check-confirm"))
            .said(&[Confirm, Continue, Send, Pay, TopUp]),
        Offer::new(Action::ChangeAmount, Label::Id("check-change"))
            .said(&[ChangeAmount, OtherAmount]),
        Offer::new(Action::Home, Label::Id("check-cancel")).said(&[Command(VoiceCommand::Home)]),
    ]
}

pub(super) fn check(snapshot: &Snapshot, check: &Check, i18n: &I18n) -> ScreenModel {
    let mut model = screen("check", i18n);
    model.progress = progress(Step::Check, i18n);
    let quote = &check.quote;
    let amount = check.operation.amount().unwrap_or(Money::ZERO);
    model.fact = Some(i18n.money(amount));
    if let Some(target) = &check.draft.target {
        let who = target_text(target, snapshot, i18n);
        // Who receives the money defeats a fraudster: it is drawn as big as the amount.
        model.key_line = Some(KeyLine {
            line: model.lines.len(),
            caption: i18n.t("line-to-caption"),
            value: who.clone(),
        });
        model.lines.push(tr!(i18n, "line-to", who = who));
    }
    model.lines.push(tr!(
        i18n,
        "line-from",
        name = account_name(quote.debit_account, snapshot, i18n)
    ));
    model.lines.push(if quote.fee.is_positive() {
        tr!(i18n, "line-fee", amount = i18n.money(quote.fee))
    } else {
        i18n.t("line-fee-free")
    });
    model
        .lines
        .push(tr!(i18n, "line-total", amount = i18n.money(quote.total)));
    model.lines.push(tr!(
        i18n,
        "line-balance-after",
        amount = i18n.money(quote.balance_after)
    ));
    model
}

pub(super) fn code(snapshot: &Snapshot, step: &CodeStep, i18n: &I18n) -> ScreenModel {
    let mut model = screen("code", i18n);
    model.progress = progress(Step::Code, i18n);
    let amount = step.check.operation.amount().unwrap_or(Money::ZERO);
    let who = step
        .check
        .draft
        .target
        .as_ref()
        .map(|t| target_text(t, snapshot, i18n))
        .unwrap_or_default();
    if step.expired {
        model.phone = Some(PhonePanel {
            caption: i18n.t("phone-caption"),
            sender: i18n.t("phone-sender"),
            message: i18n.t("phone-code-expired"),
            big: None,
        });
        model.lines.push(i18n.t("code-expired-explain"));
        return model;
    }
    model.phone = Some(PhonePanel {
        caption: i18n.t("phone-caption"),
        sender: i18n.t("phone-sender"),
        message: match &step.code {
            Some(code) => tr!(
                i18n,
                "phone-code-message",
                code = i18n.code(code),
                amount = i18n.money(amount),
                who = who
            ),
            None => i18n.t("phone-code-waiting"),
        },
        big: step.code.clone(),
    });
    model.lines.push(i18n.t("code-lesson"));
    model.field = Some(Field {
        label: i18n.t("code-label"),
        value: step.text.clone(),
        suffix: String::new(),
    });
    if step.pending {
        model.prompt = i18n.t("code-pending");
    }
    model
}

/// After too many wrong codes: a new code, or home.
pub(super) fn code_expired_choices() -> Vec<Offer> {
    vec![
        // A new code moves no money: its number («один») is enough.
        Offer::new(Action::NewCode, Label::Id("code-new")),
        Offer::home(),
    ]
}

pub(super) fn done_choices() -> Vec<Offer> {
    vec![
        Offer::home(),
        open(Screen::Balance, "home-balance").said(&[Balance]),
    ]
}

pub(super) fn done(snapshot: &Snapshot, receipt: &Receipt, i18n: &I18n) -> ScreenModel {
    let mut model = screen("done", i18n);
    model.title = i18n.t(match &receipt.operation {
        Operation::Transfer { .. } => "done-title-transfer",
        Operation::OwnTransfer { .. } => "done-title-own",
        Operation::PayBill { .. } => "done-title-bill",
        Operation::TopUp { .. } => "done-title-topup",
        Operation::BlockCard => "block-done-title",
    });
    let amount = receipt.operation.amount().unwrap_or(Money::ZERO);
    model.fact = Some(i18n.money(amount));
    if let Some(target) = operation_target(&receipt.operation) {
        model.lines.push(tr!(
            i18n,
            "line-to",
            who = target_text(&target, snapshot, i18n)
        ));
    }
    model.lines.push(if receipt.quote.fee.is_positive() {
        tr!(i18n, "line-fee", amount = i18n.money(receipt.quote.fee))
    } else {
        i18n.t("line-fee-free")
    });
    model.lines.push(tr!(
        i18n,
        "line-balance-now",
        name = account_name(receipt.quote.debit_account, snapshot, i18n),
        amount = i18n.money(receipt.quote.balance_after)
    ));
    if receipt.already_done {
        model.lines.push(i18n.t("done-already"));
    }
    model
}

/// The target of an operation, to describe it again after it is done.
fn operation_target(operation: &Operation) -> Option<Target> {
    Some(match operation {
        Operation::Transfer {
            to: Recipient::Payee(key),
            ..
        } => Target::Payee(key.clone()),
        Operation::Transfer {
            to: Recipient::Phone(phone),
            ..
        } => Target::Phone(*phone),
        Operation::OwnTransfer { from, to, .. } => Target::Own {
            from: *from,
            to: *to,
        },
        Operation::PayBill { bill, .. } => Target::Bill(bill.clone()),
        Operation::TopUp { phone, .. } => Target::TopUp(*phone),
        Operation::BlockCard => return None,
    })
}

/// Who or what the money goes to, in words.
fn target_text(target: &Target, snapshot: &Snapshot, i18n: &I18n) -> String {
    match target {
        Target::Payee(key) => snapshot
            .payee(key)
            .map_or_else(|| key.clone(), |p| payee_name(p, i18n)),
        Target::Phone(phone) => match snapshot.directory_entry(phone) {
            Some(entry) => tr!(
                i18n,
                "target-phone-named",
                name = entry.name.get(i18n.lang()).to_string(),
                phone = i18n.phone(phone)
            ),
            None => i18n.phone(phone),
        },
        Target::Own { to, .. } => account_name(*to, snapshot, i18n),
        Target::Bill(key) => snapshot.bill(key).map_or_else(
            || key.clone(),
            |b| {
                tr!(
                    i18n,
                    "target-bill",
                    bill = bill_kind(b.kind, i18n),
                    provider = b.provider.get(i18n.lang()).to_string()
                )
            },
        ),
        Target::TopUp(phone) => tr!(i18n, "target-topup", phone = i18n.phone(phone)),
    }
}

/// «Комиссия 1 %, не больше 500 ₽» or «Без комиссии».
fn fee_rule(fee_bp: u32, fee_max: Money, i18n: &I18n) -> String {
    if fee_bp == 0 {
        return i18n.t("line-fee-free");
    }
    let whole = fee_bp / 100;
    let rest = fee_bp % 100;
    let percent = if rest == 0 {
        whole.to_string()
    } else {
        let sep = if i18n.lang() == crate::i18n::Lang::Ru {
            ','
        } else {
            '.'
        };
        format!("{whole}{sep}{}", format!("{rest:02}").trim_end_matches('0'))
    };
    tr!(
        i18n,
        "line-fee-rule",
        percent = percent,
        max = i18n.money(fee_max)
    )
}
