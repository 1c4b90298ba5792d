//! Properties of the sandbox bank under random operations: no balance ever goes negative, money
//! only leaves as what the receipts say, own transfers conserve the total, and confirming twice
//! moves money once.

use chrono::NaiveDate;
use opora::store::bank::{Clock, SandboxStore};
use opora_core::bank::{AccountKind, BankError, OpId, Operation, Recipient, Snapshot};
use opora_core::money::Money;
use opora_core::phone::PhoneNumber;
use proptest::prelude::*;

#[path = "common/amounts.rs"]
mod amounts;

fn store() -> SandboxStore {
    let today = NaiveDate::from_ymd_opt(2025, 3, 15).unwrap();
    SandboxStore::open_in_memory_with_clock(Clock::Fixed(today)).unwrap()
}

/// Amounts as clients say them (round sums and hundreds weighted in, roubles log-uniform up to
/// a million, above the limits), now and then only kopecks, and rarely what no one says but a
/// broken caller could send.
fn amount() -> impl Strategy<Value = Money> {
    prop_oneof![
        16 => amounts::said_kopecks(7).prop_map(Money::from_kopecks),
        1 => amounts::kopecks_only().prop_map(Money::from_kopecks),
        1 => any::<i64>().prop_map(Money::from_kopecks),
        1 => Just(Money::ZERO),
        1 => Just(Money::from_kopecks(i64::MAX)),
        1 => Just(Money::from_kopecks(i64::MIN)),
    ]
}

fn account() -> impl Strategy<Value = AccountKind> {
    prop_oneof![Just(AccountKind::Card), Just(AccountKind::Savings)]
}

fn phone() -> impl Strategy<Value = PhoneNumber> {
    const KNOWN: [&str; 6] = [
        "+7 916 234-56-78",
        "+7 926 345-12-90",
        "+7 905 700-11-22",
        "+7 977 888-33-44",
        "+7 999 101-20-30",
        "+7 912 345-67-89",
    ];
    prop_oneof![
        3 => proptest::sample::select(&KNOWN[..]).prop_map(|p| PhoneNumber::parse(p).unwrap()),
        1 => "9[0-9]{9}".prop_map(|p| PhoneNumber::parse(&p).unwrap()),
    ]
}

fn own_transfer() -> impl Strategy<Value = Operation> {
    (account(), account(), amount()).prop_map(|(from, to, amount)| Operation::OwnTransfer {
        from,
        to,
        amount,
    })
}

fn operation() -> impl Strategy<Value = Operation> {
    let payee = proptest::sample::select(&["daughter", "grandson", "neighbour", "cousin"][..]);
    let bill = proptest::sample::select(&["electricity", "water", "mobile", "gas", "rent"][..]);
    prop_oneof![
        3 => (payee, amount()).prop_map(|(key, amount)| Operation::Transfer {
            to: Recipient::Payee(key.to_string()),
            amount,
        }),
        3 => (phone(), amount()).prop_map(|(phone, amount)| Operation::Transfer {
            to: Recipient::Phone(phone),
            amount,
        }),
        3 => own_transfer(),
        2 => (bill, amount()).prop_map(|(bill, amount)| Operation::PayBill {
            bill: bill.to_string(),
            amount,
        }),
        2 => (phone(), amount()).prop_map(|(phone, amount)| Operation::TopUp { phone, amount }),
        1 => Just(Operation::BlockCard),
    ]
}

#[derive(Clone, Debug)]
enum Step {
    /// Execute with an op id from a small pool, so ids are sometimes reused.
    Execute(u8, Operation),
    /// Staff unblocks the card.
    Unblock,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (0u8..24, operation()).prop_map(|(id, op)| Step::Execute(id, op)),
        2 => Just(Step::Unblock),
    ]
}

fn total(s: &Snapshot) -> i128 {
    i128::from(s.card.balance.kopecks()) + i128::from(s.savings.balance.kopecks())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_operations_makes_a_balance_negative(steps in prop::collection::vec(step(), 1..=20)) {
        let store = store();
        let mut before = store.snapshot().unwrap();
        for step in steps {
            match step {
                Step::Unblock => {
                    store.unblock_card().unwrap();
                    before = store.snapshot().unwrap();
                }
                Step::Execute(id, op) => {
                    let result = store.execute(&OpId::new(format!("op-{id}")), &op);
                    let after = store.snapshot().unwrap();
                    prop_assert!(!after.card.balance.is_negative(), "{op:?}: {after:?}");
                    prop_assert!(!after.savings.balance.is_negative(), "{op:?}: {after:?}");
                    match result {
                        Ok(receipt) if receipt.already_done => prop_assert_eq!(&after, &before),
                        Ok(receipt) => {
                            // Money leaves the client only as the receipt's total.
                            let leaves = match op {
                                Operation::OwnTransfer { .. } | Operation::BlockCard => 0,
                                _ => i128::from(receipt.quote.total.kopecks()),
                            };
                            prop_assert_eq!(total(&after), total(&before) - leaves);
                            prop_assert_eq!(
                                after.account(receipt.quote.debit_account).balance,
                                receipt.quote.balance_after
                            );
                        }
                        Err(BankError::Storage(e)) => prop_assert!(false, "{op:?}: storage error {e}"),
                        Err(_) => prop_assert_eq!(&after, &before),
                    }
                    before = after;
                }
            }
        }
    }

    #[test]
    fn own_transfers_conserve_the_total(ops in prop::collection::vec(own_transfer(), 1..=20)) {
        let store = store();
        let start = total(&store.snapshot().unwrap());
        for (i, op) in ops.iter().enumerate() {
            match store.execute(&OpId::new(format!("own-{i}")), op) {
                Ok(_)
                | Err(BankError::InsufficientFunds { .. })
                | Err(BankError::AmountNotPositive)
                | Err(BankError::SameAccount) => {}
                Err(e) => prop_assert!(false, "{op:?}: {e}"),
            }
            prop_assert_eq!(total(&store.snapshot().unwrap()), start);
        }
    }

    #[test]
    fn confirming_twice_moves_money_once(ops in prop::collection::vec(operation(), 1..=20)) {
        let store = store();
        for (i, op) in ops.iter().enumerate() {
            let id = OpId::new(format!("draft-{i}"));
            let first = store.execute(&id, op);
            let after_first = store.snapshot().unwrap();
            let second = store.execute(&id, op);
            prop_assert_eq!(&store.snapshot().unwrap(), &after_first);
            match (first, second) {
                (Ok(first), Ok(second)) => {
                    prop_assert!(!first.already_done);
                    prop_assert!(second.already_done);
                    prop_assert_eq!(second.quote, first.quote);
                    prop_assert_eq!(second.operation, first.operation);
                    prop_assert_eq!(second.executed_at, first.executed_at);
                }
                // A refusal records nothing, so the second try is refused alike.
                (Err(first), Err(second)) => prop_assert_eq!(first, second),
                (first, second) => prop_assert!(false, "{op:?}: {first:?} then {second:?}"),
            }
        }
    }
}
