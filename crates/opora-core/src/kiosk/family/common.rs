//! What every screen has: the practice band, numbered choices, the prompt, the staff line, the
//! notice about the last action, and the spoken form — filled in the same way for all screens.

use crate::bank::{BankError, Snapshot};
use crate::i18n::I18n;
use crate::kiosk::flow::Step;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::Action;
use crate::kiosk::state::{App, Notice, TEXT_SIZES};
use crate::money::{AmountError, Money};
use crate::phone::PhoneError;
use crate::screen_model::{Choice, Notice as ModelNotice, NoticeKind, ScreenModel};
use crate::store_error::StoreFile;
use crate::tr;

/// A screen with its id and title; the rest is filled by the screen's own function.
pub(super) fn screen(id: &'static str, i18n: &I18n) -> ScreenModel {
    ScreenModel {
        id,
        title: i18n.t(&format!("{id}-title")),
        ..ScreenModel::default()
    }
}

/// «Шаг 2 из 4 · Сумма».
pub(super) fn progress(step: Step, i18n: &I18n) -> Option<String> {
    Some(tr!(
        i18n,
        "progress",
        step = i64::from(step.number()),
        total = i64::from(Step::TOTAL),
        name = i18n.t(step.message_id())
    ))
}

pub(super) fn loading(app: &App, i18n: &I18n) -> ScreenModel {
    let mut model = screen("home", i18n);
    model.title = i18n.t("loading");
    model.band = Some(i18n.t("practice-band"));
    model.notice = app.notice().map(|n| notice(n, i18n));
    if i18n.is_speech() {
        model.spoken = model.speakable(i18n);
    }
    model
}

/// Fills what all screens share.
pub(super) fn finish(
    app: &App,
    snapshot: &Snapshot,
    offers: Vec<Offer>,
    i18n: &I18n,
    model: &mut ScreenModel,
) {
    model.id = app.screen().id();
    model.band = Some(i18n.t("practice-band"));
    model.text_size = app.text_size();
    model.choices = offers
        .into_iter()
        // Inside a lesson, "home" from an operation leads back to the lesson, and says so.
        .map(|offer| match offer.label {
            Label::Id("choice-home")
                if app.lesson_run().is_some() && matches!(offer.action, Action::Home) =>
            {
                Label::Id("choice-lesson")
            }
            other => other,
        })
        .enumerate()
        .map(|(i, label)| Choice {
            key: u8::try_from(i + 1).unwrap_or(u8::MAX),
            label: label_text(label, snapshot, i18n),
        })
        .collect();
    debug_assert!(model.choices.len() <= 6, "at most six choices per screen");
    model.focus = if model.field.is_some() || model.choices.is_empty() {
        None
    } else {
        Some(app.focus().min(model.choices.len() - 1))
    };
    if model.prompt.is_empty() {
        model.prompt = if model.field.is_some() {
            i18n.t("prompt-field")
        } else {
            tr!(i18n, "prompt-choice", max = model.choices.len() as i64)
        };
    }
    model.keys = if model.id == "home" && app.can_quit() {
        i18n.t("keys-home")
    } else {
        i18n.t("keys")
    };
    if app.show_staff() {
        let hint_id = format!("staff-{}", model.id);
        if i18n.has(&hint_id) {
            // A hint may depend on the card's state and the flow (`$blocked`: yes/no; `$flow`:
            // send, own, pay, topup, block, none), so its numbers match the screen's.
            let blocked = if snapshot.card_blocked { "yes" } else { "no" };
            let flow = crate::kiosk::journey::place(app.screen())
                .0
                .unwrap_or("none");
            let hint = tr!(i18n, &hint_id, blocked = blocked, flow = flow);
            model.staff_hint = Some(tr!(i18n, "staff-line", hint = hint));
        }
    }
    // A screen's own notice (a lesson's praise) stays unless the last action has its own. The
    // text size is only shown: the voice does not say the whole screen again for it.
    match app.notice() {
        Some(Notice::TextSize(_)) if i18n.is_speech() => {}
        Some(n) => model.notice = Some(notice(n, i18n)),
        None => {}
    }
    super::voice::finish(app, i18n, model);
    if i18n.is_speech() {
        model.spoken = model.speakable(i18n);
    }
}

/// The sentence for a notice, with its kind said in words.
pub(crate) fn notice(notice: &Notice, i18n: &I18n) -> ModelNotice {
    let (kind, text) = match notice {
        Notice::NoSuchChoice { max } => (
            NoticeKind::Error,
            tr!(i18n, "error-no-such-choice", max = *max as i64),
        ),
        Notice::Amount(error) => (NoticeKind::Error, amount_error(*error, i18n)),
        Notice::Phone(error) => (NoticeKind::Error, phone_error(*error, i18n)),
        Notice::Bank(error) => (NoticeKind::Error, bank_error(error, i18n)),
        Notice::Store(error) => (NoticeKind::Error, error.sentence(StoreFile::Bank, i18n)),
        Notice::Journal(error) => (
            NoticeKind::Warning,
            error.sentence(StoreFile::Journal, i18n),
        ),
        Notice::WrongCode => (NoticeKind::Error, i18n.t("error-wrong-code")),
        Notice::CodeDigits => (NoticeKind::Error, i18n.t("error-code-digits")),
        Notice::CodeExpired => (NoticeKind::Error, i18n.t("error-code-expired")),
        Notice::CodeNotYetArrived => (NoticeKind::Info, i18n.t("error-code-not-yet")),
        Notice::Startup(sentences) => (NoticeKind::Warning, sentences.join(" ")),
        Notice::TextSize(size) => (
            NoticeKind::Success,
            tr!(
                i18n,
                "text-size-now",
                size = (*size + 1) as i64,
                of = TEXT_SIZES as i64,
                limit = match *size {
                    0 => "smallest",
                    s if s + 1 >= TEXT_SIZES => "largest",
                    _ => "no",
                }
            ),
        ),
        Notice::NotOpened(path) => (
            NoticeKind::Warning,
            tr!(
                i18n,
                "reminder-not-opened",
                path = path.display().to_string()
            ),
        ),
        // Cancelling worked: nothing moved.
        Notice::Cancelled(flow) => (NoticeKind::Success, tr!(i18n, "cancelled", flow = *flow)),
        Notice::CardUnblocked { by_lesson } => (
            NoticeKind::Success,
            i18n.t(if *by_lesson {
                "lesson-card-unblocked"
            } else {
                "sandbox-unblock-done"
            }),
        ),
        Notice::Voice(voice) => super::voice::notice(voice, i18n),
    };
    let label = match (notice, kind) {
        // "Voice commands are off: …" names itself; a second «Голосовые команды» would repeat it.
        (
            Notice::Voice(
                crate::kiosk::state::VoiceNotice::Off(_)
                | crate::kiosk::state::VoiceNotice::OffByChoice,
            ),
            _,
        ) => i18n.t("notice-warning"),
        (Notice::Voice(_), _) => i18n.t("voice-notice-label"),
        (_, NoticeKind::Error) => i18n.t("notice-error"),
        (_, NoticeKind::Warning) => i18n.t("notice-warning"),
        (_, NoticeKind::Success) => i18n.t("notice-success"),
        (_, NoticeKind::Info) => i18n.t("notice-info"),
    };
    ModelNotice { kind, label, text }
}

pub fn amount_error(error: AmountError, i18n: &I18n) -> String {
    i18n.t(match error {
        AmountError::Empty => "error-amount-empty",
        AmountError::Negative => "error-amount-negative",
        AmountError::Zero => "error-amount-zero",
        AmountError::NotANumber => "error-amount-not-number",
        AmountError::TooManyDigits => "error-amount-too-long",
        AmountError::TooManyDecimals => "error-amount-kopecks",
    })
}

pub fn phone_error(error: PhoneError, i18n: &I18n) -> String {
    match error {
        PhoneError::Empty => i18n.t("error-phone-empty"),
        PhoneError::BadCharacter => i18n.t("error-phone-characters"),
        PhoneError::WrongLength(n) => tr!(i18n, "error-phone-length", digits = n as i64),
        PhoneError::NotRussian => i18n.t("error-phone-not-russian"),
        PhoneError::NotMobile => i18n.t("error-phone-not-mobile"),
    }
}

pub fn bank_error(error: &BankError, i18n: &I18n) -> String {
    match error {
        BankError::AmountNotPositive => i18n.t("error-amount-zero"),
        BankError::CardBlocked => i18n.t("error-card-blocked"),
        BankError::CardAlreadyBlocked => i18n.t("block-already-title"),
        BankError::InsufficientFunds { available } => tr!(
            i18n,
            "error-insufficient",
            available = i18n.money(*available)
        ),
        BankError::AboveLimit { limit } => {
            tr!(i18n, "error-above-limit", limit = i18n.money(*limit))
        }
        BankError::BelowMinimum { minimum } => {
            tr!(i18n, "error-below-minimum", minimum = i18n.money(*minimum))
        }
        BankError::UnknownPayee(_) | BankError::UnknownBill(_) | BankError::OpIdConflict(_) => {
            i18n.t("error-unknown")
        }
        BankError::OwnPhone => i18n.t("error-own-phone"),
        BankError::BillAlreadyPaid(_) => i18n.t("error-bill-paid"),
        BankError::SameAccount => i18n.t("error-same-account"),
        BankError::Storage(error) => error.sentence(StoreFile::Bank, i18n),
    }
}

/// The text of a numbered choice.
pub(super) fn label_text(label: Label, snapshot: &Snapshot, i18n: &I18n) -> String {
    match label {
        Label::Id(id) => i18n.t(id),
        Label::Payee(key) => match snapshot.payee(&key) {
            Some(payee) => payee_name(payee, i18n),
            None => key,
        },
        Label::Bill(key) => match snapshot.bill(&key) {
            Some(bill) if bill.paid => {
                tr!(i18n, "bill-choice-paid", bill = bill_kind(bill.kind, i18n))
            }
            Some(bill) => tr!(
                i18n,
                "bill-choice",
                bill = bill_kind(bill.kind, i18n),
                amount = i18n.money(bill.due)
            ),
            None => key,
        },
        Label::OwnPhone => tr!(i18n, "topup-own", phone = i18n.phone(&snapshot.own_phone)),
        Label::PayDue(amount) => tr!(i18n, "bill-pay-due", amount = i18n.money(amount)),
        Label::HistoryEntry(index) => match snapshot.history.get(index) {
            Some(entry) => tr!(
                i18n,
                "history-line",
                date = i18n.date(entry.date),
                who = entry.counterparty.get(i18n.lang()).to_string(),
                amount = i18n.signed_money(entry.amount)
            ),
            None => String::new(),
        },
        Label::Message(id) => i18n.t(&id),
        Label::Amount(amount) => amount_label(amount, i18n),
        Label::Continue(id) => tr!(i18n, "lessons-continue", title = i18n.t(&id)),
        Label::LessonItem { title, done, staff } => {
            let title = if staff {
                tr!(i18n, "lessons-item-staff", title = i18n.t(&title))
            } else {
                i18n.t(&title)
            };
            if done {
                tr!(i18n, "lessons-item-done", title = title)
            } else {
                title
            }
        }
    }
}

/// «Ольга (дочь)».
pub fn payee_name(payee: &crate::bank::Payee, i18n: &I18n) -> String {
    tr!(
        i18n,
        "payee-name",
        name = payee.name.get(i18n.lang()).to_string(),
        relation = i18n.t(&format!("relation-{}", payee.relation.code()))
    )
}

/// «Электроэнергия».
pub fn bill_kind(kind: crate::bank::BillKind, i18n: &I18n) -> String {
    i18n.t(&format!("bill-kind-{}", kind.code().replace('_', "-")))
}

/// «Пенсионная карта» / «Накопительный счёт», from the bank's data.
pub fn account_name(kind: crate::bank::AccountKind, snapshot: &Snapshot, i18n: &I18n) -> String {
    snapshot.account(kind).name.get(i18n.lang()).to_string()
}

/// An amount as a question reads it, roubles and kopecks in words: «12 рублей 50 копеек»,
/// «1 250 рублей»; spoken, all in words.
pub(super) fn amount_label(amount: Money, i18n: &I18n) -> String {
    if i18n.is_speech() {
        return i18n.money(amount);
    }
    let (rubles, kopecks) = (amount.rubles_part(), amount.kopecks_part());
    match (rubles, kopecks) {
        (_, 0) => tr!(
            i18n,
            "voice-amount-rubles",
            rubles = i18n.number(rubles),
            count = rubles
        ),
        (0, _) => tr!(i18n, "voice-amount-kopecks", kopecks = kopecks),
        _ => tr!(
            i18n,
            "voice-amount-rubles-kopecks",
            rubles = i18n.number(rubles),
            count = rubles,
            kopecks = kopecks
        ),
    }
}
