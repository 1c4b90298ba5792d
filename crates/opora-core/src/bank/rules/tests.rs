//! The rules of the practice bank, checked case by case.

use super::*;
use crate::bank::snapshot::{
    Account, Bill, BillKind, DirectoryEntry, HistoryEntry, Payee, Relation,
};
use crate::phone::PhoneNumber;
use chrono::NaiveDate;

fn rub(rubles: i64) -> Money {
    Money::from_rubles(rubles)
}

fn phone(text: &str) -> PhoneNumber {
    PhoneNumber::parse(text).unwrap()
}

const DAUGHTER: &str = "+7 912 000-00-01";
const OTHER_BANK: &str = "+7 912 000-00-02";
const STRANGER: &str = "+7 912 000-00-99";

fn snapshot() -> Snapshot {
    Snapshot {
        client: Localized::new("Мария Ивановна", "Maria Ivanovna"),
        card: Account {
            kind: AccountKind::Card,
            name: Localized::new("Карта", "Card"),
            last_four: "4321".into(),
            balance: rub(200_000),
        },
        savings: Account {
            kind: AccountKind::Savings,
            name: Localized::new("Копилка", "Savings"),
            last_four: "8765".into(),
            balance: rub(50_000),
        },
        card_blocked: false,
        own_phone: phone("+7 912 345-67-89"),
        payees: vec![Payee {
            key: "daughter".into(),
            name: Localized::new("Ольга", "Olga"),
            relation: Relation::Daughter,
            phone: phone(DAUGHTER),
            saved: true,
        }],
        bills: vec![
            Bill {
                key: "water".into(),
                provider: Localized::new("Водоканал", "Vodokanal"),
                kind: BillKind::Water,
                account_number: "1".into(),
                due: rub(600),
                paid: false,
                fee_bp: 100,
                fee_max: rub(50),
            },
            Bill {
                key: "gas".into(),
                provider: Localized::new("Газ", "Gas"),
                kind: BillKind::Gas,
                account_number: "2".into(),
                due: rub(400),
                paid: true,
                fee_bp: 0,
                fee_max: Money::ZERO,
            },
        ],
        directory: vec![
            DirectoryEntry {
                phone: phone(DAUGHTER),
                name: Localized::new("Ольга С.", "Olga S."),
                bank: None,
            },
            DirectoryEntry {
                phone: phone(OTHER_BANK),
                name: Localized::new("Сергей Н.", "Sergey N."),
                bank: Some(Localized::new("Банк «Северный»", "Severny Bank")),
            },
        ],
        history: Vec::<HistoryEntry>::new(),
        phone_transfers_this_month: Money::ZERO,
        today: NaiveDate::from_ymd_opt(2025, 3, 15).unwrap(),
        limits: Limits {
            transfer_max: rub(150_000),
            top_up_min: rub(10),
            top_up_max: rub(15_000),
            bill_max: rub(100_000),
            phone_free_per_month: rub(100_000),
            phone_fee_bp: 50,
            phone_fee_max: rub(1_500),
        },
        hotline: "8 800 000-00-00".into(),
    }
}

fn by_phone(number: &str, amount: Money) -> Operation {
    Operation::Transfer {
        to: Recipient::Phone(phone(number)),
        amount,
    }
}

fn to_daughter(amount: Money) -> Operation {
    Operation::Transfer {
        to: Recipient::Payee("daughter".into()),
        amount,
    }
}

#[test]
fn a_transfer_to_a_saved_payee_is_free_and_shows_the_balance_after() {
    let q = quote(&snapshot(), &to_daughter(rub(3_000))).unwrap();
    assert_eq!(q.fee, Money::ZERO);
    assert_eq!(q.total, rub(3_000));
    assert_eq!(q.balance_after, rub(197_000));
    assert_eq!(q.recipient, Localized::new("Ольга", "Olga"));
    assert_eq!(q.debit_account, AccountKind::Card);
}

#[test]
fn amounts_must_be_positive() {
    let s = snapshot();
    for amount in [Money::ZERO, rub(-5), Money::from_kopecks(i64::MIN)] {
        assert_eq!(
            quote(&s, &to_daughter(amount)),
            Err(BankError::AmountNotPositive)
        );
        let top_up = Operation::TopUp {
            phone: s.own_phone,
            amount,
        };
        assert_eq!(quote(&s, &top_up), Err(BankError::AmountNotPositive));
    }
}

#[test]
fn unknown_targets_are_refused() {
    let s = snapshot();
    let op = Operation::Transfer {
        to: Recipient::Payee("cousin".into()),
        amount: rub(1),
    };
    assert_eq!(
        quote(&s, &op),
        Err(BankError::UnknownPayee("cousin".into()))
    );
    // A number the bank does not know is a client of another bank, not a refusal.
    assert!(quote(&s, &by_phone(STRANGER, rub(1))).is_ok());
    let op = Operation::PayBill {
        bill: "heating".into(),
        amount: rub(1),
    };
    assert_eq!(
        quote(&s, &op),
        Err(BankError::UnknownBill("heating".into()))
    );
}

#[test]
fn a_paid_bill_is_not_paid_twice() {
    let op = Operation::PayBill {
        bill: "gas".into(),
        amount: rub(400),
    };
    assert_eq!(
        quote(&snapshot(), &op),
        Err(BankError::BillAlreadyPaid("gas".into()))
    );
}

#[test]
fn a_blocked_card_pays_nothing_but_savings_can_still_fill_it() {
    let mut s = snapshot();
    s.card_blocked = true;
    let card_ops = [
        to_daughter(rub(1)),
        by_phone(OTHER_BANK, rub(1)),
        Operation::PayBill {
            bill: "water".into(),
            amount: rub(1),
        },
        Operation::TopUp {
            phone: s.own_phone,
            amount: rub(100),
        },
        Operation::OwnTransfer {
            from: AccountKind::Card,
            to: AccountKind::Savings,
            amount: rub(1),
        },
    ];
    for op in card_ops {
        assert_eq!(quote(&s, &op), Err(BankError::CardBlocked), "{op:?}");
    }
    let fill = Operation::OwnTransfer {
        from: AccountKind::Savings,
        to: AccountKind::Card,
        amount: rub(1_000),
    };
    let q = quote(&s, &fill).unwrap();
    assert_eq!(q.balance_after, rub(49_000));
    assert_eq!(q.debit_account, AccountKind::Savings);
    assert_eq!(q.recipient, s.card.name);
    assert_eq!(
        quote(&s, &Operation::BlockCard),
        Err(BankError::CardAlreadyBlocked)
    );
}

#[test]
fn blocking_costs_nothing() {
    let q = quote(&snapshot(), &Operation::BlockCard).unwrap();
    assert_eq!(
        (q.fee, q.total, q.balance_after),
        (Money::ZERO, Money::ZERO, rub(200_000))
    );
}

#[test]
fn amount_plus_fee_must_fit_in_the_balance() {
    let mut s = snapshot();
    s.card.balance = rub(500);
    assert_eq!(
        quote(&s, &to_daughter(rub(500))).unwrap().balance_after,
        Money::ZERO
    );
    assert_eq!(
        quote(&s, &to_daughter(Money::from_kopecks(50_001))),
        Err(BankError::InsufficientFunds {
            available: rub(500)
        })
    );
    // Water costs 1 %: 500 ₽ plus 5 ₽ does not fit in 500 ₽, 495 ₽ plus 4,95 ₽ does.
    let water = |amount| Operation::PayBill {
        bill: "water".into(),
        amount,
    };
    assert_eq!(
        quote(&s, &water(rub(500))),
        Err(BankError::InsufficientFunds {
            available: rub(500)
        })
    );
    let q = quote(&s, &water(rub(495))).unwrap();
    assert_eq!(q.fee, Money::from_kopecks(495));
    assert_eq!(q.balance_after, Money::from_kopecks(5));
    // Own transfers have no limit but the balance.
    let own = Operation::OwnTransfer {
        from: AccountKind::Savings,
        to: AccountKind::Card,
        amount: Money::from_kopecks(i64::MAX),
    };
    assert_eq!(
        quote(&s, &own),
        Err(BankError::InsufficientFunds {
            available: rub(50_000)
        })
    );
}

#[test]
fn limits_and_minimums() {
    let s = snapshot();
    assert!(quote(&s, &to_daughter(rub(150_000))).is_ok());
    assert_eq!(
        quote(&s, &to_daughter(Money::from_kopecks(15_000_001))),
        Err(BankError::AboveLimit {
            limit: rub(150_000)
        })
    );
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, Money::from_kopecks(i64::MAX))),
        Err(BankError::AboveLimit {
            limit: rub(150_000)
        })
    );
    let top_up = |amount| Operation::TopUp {
        phone: s.own_phone,
        amount,
    };
    assert_eq!(
        quote(&s, &top_up(Money::from_kopecks(999))),
        Err(BankError::BelowMinimum { minimum: rub(10) })
    );
    assert!(quote(&s, &top_up(rub(10))).is_ok());
    assert!(quote(&s, &top_up(rub(15_000))).is_ok());
    assert_eq!(
        quote(&s, &top_up(rub(15_001))),
        Err(BankError::AboveLimit { limit: rub(15_000) })
    );
    let mut rich = snapshot();
    rich.card.balance = rub(1_000_000);
    let water = |amount| Operation::PayBill {
        bill: "water".into(),
        amount,
    };
    assert!(quote(&rich, &water(rub(100_000))).is_ok());
    assert_eq!(
        quote(&rich, &water(rub(100_001))),
        Err(BankError::AboveLimit {
            limit: rub(100_000)
        })
    );
}

#[test]
fn the_same_account_is_refused() {
    let op = Operation::OwnTransfer {
        from: AccountKind::Savings,
        to: AccountKind::Savings,
        amount: rub(1),
    };
    assert_eq!(quote(&snapshot(), &op), Err(BankError::SameAccount));
}

#[test]
fn bill_fees_have_a_rate_and_a_cap() {
    let mut s = snapshot();
    s.card.balance = rub(1_000_000);
    let water = |amount| Operation::PayBill {
        bill: "water".into(),
        amount,
    };
    assert_eq!(quote(&s, &water(rub(600))).unwrap().fee, rub(6));
    assert_eq!(quote(&s, &water(rub(5_000))).unwrap().fee, rub(50));
    assert_eq!(quote(&s, &water(rub(90_000))).unwrap().fee, rub(50));
    let q = quote(&s, &water(Money::from_kopecks(61_240))).unwrap();
    assert_eq!(q.fee, Money::from_kopecks(612)); // 612,40 ₽ × 1 % = 6,124 ₽ → 6,12 ₽
    assert_eq!(q.total, Money::from_kopecks(61_852));
}

#[test]
fn phone_transfers_are_free_up_to_the_monthly_threshold() {
    let mut s = snapshot();
    // Below and exactly at the threshold: free.
    s.phone_transfers_this_month = rub(40_000);
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(59_999))).unwrap().fee,
        Money::ZERO
    );
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(60_000))).unwrap().fee,
        Money::ZERO
    );
    // Above: 0.5 % of the part above. 60 000,01 → 0,01 ₽ above → 0,005 kopecks → 0.
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, Money::from_kopecks(6_000_001)))
            .unwrap()
            .fee,
        Money::ZERO
    );
    // 70 000 → 10 000 above → 50 ₽; the total and the balance after include it.
    let q = quote(&s, &by_phone(OTHER_BANK, rub(70_000))).unwrap();
    assert_eq!(q.fee, rub(50));
    assert_eq!(q.total, rub(70_050));
    assert_eq!(q.balance_after, rub(129_950));
    assert_eq!(q.recipient, Localized::new("Сергей Н.", "Sergey N."));
    // Once the threshold is used up, the whole transfer is charged.
    s.phone_transfers_this_month = rub(100_000);
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(1_000))).unwrap().fee,
        rub(5)
    );
    s.phone_transfers_this_month = rub(250_000);
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(1_000))).unwrap().fee,
        rub(5)
    );
}

#[test]
fn the_phone_transfer_fee_is_capped() {
    let mut s = snapshot();
    s.phone_transfers_this_month = rub(100_000);
    // 0.5 % of 150 000 is 750 ₽: under the cap.
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(150_000))).unwrap().fee,
        rub(750)
    );
    // A bank with a lower cap: the cap wins.
    s.limits.phone_fee_max = rub(500);
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(150_000))).unwrap().fee,
        rub(500)
    );
    let limits = snapshot().limits;
    assert_eq!(
        phone_transfer_fee(&limits, rub(100_000), rub(300_000)),
        rub(1_500)
    );
    assert_eq!(
        phone_transfer_fee(&limits, rub(100_000), rub(299_000)),
        rub(1_495)
    );
}

#[test]
fn phone_transfers_within_this_bank_are_free() {
    let mut s = snapshot();
    s.phone_transfers_this_month = rub(500_000);
    let q = quote(&s, &by_phone(DAUGHTER, rub(10_000))).unwrap();
    assert_eq!(q.fee, Money::ZERO);
    assert_eq!(q.recipient, Localized::new("Ольга С.", "Olga S."));
    assert!(!counts_as_phone_transfer(&s, &by_phone(DAUGHTER, rub(1))));
    assert!(counts_as_phone_transfer(&s, &by_phone(OTHER_BANK, rub(1))));
    assert!(!counts_as_phone_transfer(&s, &to_daughter(rub(1))));
}

#[test]
fn a_fee_can_make_a_transfer_not_fit() {
    let mut s = snapshot();
    s.phone_transfers_this_month = rub(100_000);
    s.card.balance = rub(10_000);
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(10_000))),
        Err(BankError::InsufficientFunds {
            available: rub(10_000)
        })
    );
    assert_eq!(
        quote(&s, &by_phone(OTHER_BANK, rub(9_950)))
            .unwrap()
            .balance_after,
        Money::from_kopecks(25) // 9 950 × 0.5 % = 49,75 ₽
    );
}

#[test]
fn a_number_nobody_knows_is_another_bank_and_the_own_number_is_refused() {
    let mut s = snapshot();
    assert_eq!(
        quote(&s, &by_phone("+7 912 345-67-89", rub(1))),
        Err(BankError::OwnPhone)
    );
    assert!(counts_as_phone_transfer(&s, &by_phone(STRANGER, rub(1))));
    // Past the month's free amount it pays the СБП fee, as any other bank's client does.
    s.phone_transfers_this_month = s.limits.phone_free_per_month;
    let quoted = quote(&s, &by_phone(STRANGER, rub(1000))).expect("a quote");
    assert!(quoted.fee.is_positive());
    assert_eq!(
        quoted.fee,
        phone_transfer_fee(&s.limits, s.phone_transfers_this_month, rub(1000))
    );
    assert_eq!(quoted.recipient.ru, "+7 912 000-00-99");
}
