//! The sandbox bank's database: seeding, persistence, reset, idempotent execution, confirmation
//! codes, and the file troubles a kiosk meets (damaged, read-only, locked).

use std::path::PathBuf;

use chrono::NaiveDate;
use opora::store::bank::{Clock, SandboxStore};
use opora_core::bank::{AccountKind, BankError, HistoryKind, OpId, Operation, Recipient};
use opora_core::money::Money;
use opora_core::phone::PhoneNumber;
use opora_core::store_error::StoreError;

#[path = "common/unprivileged.rs"]
#[allow(dead_code)]
mod unprivileged;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: Clock = Clock::Fixed(match NaiveDate::from_ymd_opt(2025, 3, 15) {
    Some(date) => date,
    None => panic!(),
});

fn rub(rubles: i64) -> Money {
    Money::from_rubles(rubles)
}

fn phone(text: &str) -> PhoneNumber {
    PhoneNumber::parse(text).unwrap()
}

fn db_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("data").join("sandbox.db")
}

fn to_grandson(amount: Money) -> Operation {
    Operation::Transfer {
        to: Recipient::Payee("grandson".into()),
        amount,
    }
}

/// Sergey N., a client of another bank: transfers to him go through СБП.
fn to_sergey(amount: Money) -> Operation {
    Operation::Transfer {
        to: Recipient::Phone(phone("8 905 700-11-22")),
        amount,
    }
}

fn savings_to_card(amount: Money) -> Operation {
    Operation::OwnTransfer {
        from: AccountKind::Savings,
        to: AccountKind::Card,
        amount,
    }
}

#[test]
fn a_new_file_holds_the_demo_client() {
    let dir = tempfile::tempdir().unwrap();
    let store = SandboxStore::open_with_clock(&db_path(&dir), TODAY).unwrap();
    assert!(db_path(&dir).exists(), "the folder and file are created");
    let s = store.snapshot().unwrap();
    assert_eq!(s.client.ru, "Мария Ивановна");
    assert_eq!(s.client.en, "Maria Ivanovna");
    assert_eq!(s.card.balance, Money::from_kopecks(2_543_050));
    assert_eq!(s.card.last_four, "4321");
    assert_eq!(s.savings.balance, rub(180_000));
    assert!(!s.card_blocked);
    assert_eq!(s.own_phone.pretty(), "+7 912 345-67-89");
    assert_eq!(s.hotline, "8 800 000-00-00");
    assert_eq!(s.today, day(2025, 3, 15));
    let keys: Vec<&str> = s.payees.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["daughter", "grandson", "neighbour"]);
    assert!(s.bills.len() >= 3);
    assert!(s.history.len() >= 15);
    assert!(
        s.history.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    assert!(s.history.iter().all(|h| h.date <= s.today));
    let pensions: Vec<NaiveDate> = s
        .history
        .iter()
        .filter(|h| h.kind == HistoryKind::Pension)
        .map(|h| h.date)
        .collect();
    assert_eq!(
        pensions,
        [day(2025, 3, 4), day(2025, 2, 4), day(2025, 1, 4)]
    );
    // The demo's transfer to Sergey N. by phone two days ago counts towards this month.
    assert_eq!(s.phone_transfers_this_month, rub(1_500));
    assert_eq!(s.limits.transfer_max, rub(150_000));
    assert_eq!(s.limits.phone_fee_max, rub(1_500));
    assert!(
        s.payees
            .iter()
            .all(|p| s.directory_entry(&p.phone).is_some())
    );
}

#[test]
fn changes_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    {
        let store = SandboxStore::open_with_clock(&path, TODAY).unwrap();
        let receipt = store
            .execute(&OpId::new("a"), &to_grandson(rub(500)))
            .unwrap();
        assert_eq!(receipt.quote.balance_after, Money::from_kopecks(2_493_050));
        assert_eq!(receipt.executed_at, day(2025, 3, 15));
        assert!(!receipt.already_done);
    }
    let store = SandboxStore::open_with_clock(&path, TODAY).unwrap();
    let s = store.snapshot().unwrap();
    assert_eq!(s.card.balance, Money::from_kopecks(2_493_050));
    let newest = &s.history[0];
    assert_eq!(newest.kind, HistoryKind::TransferOut);
    assert_eq!(newest.amount, rub(-500));
    assert_eq!(newest.counterparty.ru, "Дима");
    assert_eq!(newest.date, day(2025, 3, 15));
    // The op id is remembered across reopening too.
    let again = store
        .execute(&OpId::new("a"), &to_grandson(rub(500)))
        .unwrap();
    assert!(again.already_done);
    assert_eq!(store.snapshot().unwrap().card.balance, s.card.balance);
}

#[test]
fn reset_restores_the_demo_exactly() {
    let store = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let fresh = store.snapshot().unwrap();
    let first_code = store.issue_code(&OpId::new("x")).unwrap();
    store
        .execute(&OpId::new("1"), &to_grandson(rub(100)))
        .unwrap();
    let water = Operation::PayBill {
        bill: "water".into(),
        amount: Money::from_kopecks(61_240),
    };
    store.execute(&OpId::new("2"), &water).unwrap();
    store
        .execute(&OpId::new("3"), &savings_to_card(rub(1_000)))
        .unwrap();
    store
        .execute(&OpId::new("4"), &Operation::BlockCard)
        .unwrap();
    assert_ne!(store.snapshot().unwrap(), fresh);

    store.reset().unwrap();
    assert_eq!(store.snapshot().unwrap(), fresh);
    // Op ids and codes are forgotten; the code sequence starts again.
    assert_eq!(store.issue_code(&OpId::new("y")).unwrap(), first_code);
    let receipt = store
        .execute(&OpId::new("1"), &to_grandson(rub(100)))
        .unwrap();
    assert!(!receipt.already_done);
}

#[test]
fn confirming_twice_sends_once() {
    let store = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let before = store.snapshot().unwrap();
    let id = OpId::new("draft-7");
    let first = store.execute(&id, &to_grandson(rub(2_000))).unwrap();
    let after_first = store.snapshot().unwrap();
    let second = store.execute(&id, &to_grandson(rub(2_000))).unwrap();
    assert!(!first.already_done);
    assert!(second.already_done);
    assert_eq!(second.quote, first.quote);
    assert_eq!(second.operation, first.operation);
    assert_eq!(store.snapshot().unwrap(), after_first);
    assert_eq!(
        after_first.card.balance,
        before.card.balance.checked_sub(rub(2_000)).unwrap()
    );
    assert_eq!(after_first.history.len(), before.history.len() + 1);

    // The same id for something else is a caller's bug, and moves nothing.
    assert_eq!(
        store.execute(&id, &to_grandson(rub(3_000))),
        Err(BankError::OpIdConflict(id.clone()))
    );
    // A refused operation is not recorded: its id can carry a corrected amount.
    let refused = OpId::new("draft-8");
    assert!(matches!(
        store.execute(&refused, &to_grandson(rub(1_000_000))),
        Err(BankError::AboveLimit { .. })
    ));
    assert!(
        !store
            .execute(&refused, &to_grandson(rub(100)))
            .unwrap()
            .already_done
    );
}

#[test]
fn a_bill_is_paid_with_its_fee_and_only_once() {
    let store = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let water = Operation::PayBill {
        bill: "water".into(),
        amount: Money::from_kopecks(61_240),
    };
    let receipt = store.execute(&OpId::new("w"), &water).unwrap();
    assert_eq!(receipt.quote.fee, Money::from_kopecks(612));
    assert_eq!(receipt.quote.recipient.ru, "Водоканал");
    let s = store.snapshot().unwrap();
    assert!(s.bill("water").unwrap().paid);
    assert_eq!(
        s.card.balance,
        Money::from_kopecks(2_543_050 - 61_240 - 612)
    );
    let today: Vec<(HistoryKind, Money)> = s
        .history
        .iter()
        .filter(|h| h.date == s.today && h.counterparty.ru == "Водоканал")
        .map(|h| (h.kind, h.amount))
        .collect();
    assert_eq!(
        today,
        [
            (HistoryKind::Fee, Money::from_kopecks(-612)),
            (HistoryKind::Bill, Money::from_kopecks(-61_240))
        ]
    );
    assert_eq!(
        store.execute(&OpId::new("w2"), &water),
        Err(BankError::BillAlreadyPaid("water".into()))
    );
}

#[test]
fn the_free_phone_transfer_amount_starts_again_each_month() {
    let mut store =
        SandboxStore::open_in_memory_with_clock(Clock::Fixed(day(2025, 1, 31))).unwrap();
    // The demo's 1 500 ₽ to Sergey N. two days ago (29 January) is this month's.
    assert_eq!(
        store.snapshot().unwrap().phone_transfers_this_month,
        rub(1_500)
    );
    store
        .execute(&OpId::new("fill"), &savings_to_card(rub(150_000)))
        .unwrap();
    let r = store
        .execute(&OpId::new("p1"), &to_sergey(rub(90_000)))
        .unwrap();
    assert_eq!(r.quote.fee, Money::ZERO);
    assert_eq!(
        store.snapshot().unwrap().phone_transfers_this_month,
        rub(91_500)
    );
    // Transfers to clients of this bank do not count.
    store
        .execute(
            &OpId::new("own-bank"),
            &Operation::Transfer {
                to: Recipient::Phone(phone("+7 999 101-20-30")),
                amount: rub(5_000),
            },
        )
        .unwrap();
    let s = store.snapshot().unwrap();
    assert_eq!(s.phone_transfers_this_month, rub(91_500));
    // 10 000 ₽ more: 1 500 ₽ above 100 000 ₽, 0.5 % of it is 7,50 ₽.
    let quote = opora_core::bank::rules::quote(&s, &to_sergey(rub(10_000))).unwrap();
    assert_eq!(quote.fee, Money::from_kopecks(750));

    store.set_clock(Clock::Fixed(day(2025, 2, 1)));
    let s = store.snapshot().unwrap();
    assert_eq!(s.phone_transfers_this_month, Money::ZERO);
    let r = store
        .execute(&OpId::new("p2"), &to_sergey(rub(10_000)))
        .unwrap();
    assert_eq!(r.quote.fee, Money::ZERO);
    assert_eq!(r.executed_at, day(2025, 2, 1));
}

#[test]
fn a_blocked_card_waits_for_staff() {
    let store = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let r = store
        .execute(&OpId::new("b"), &Operation::BlockCard)
        .unwrap();
    assert_eq!(r.quote.total, Money::ZERO);
    assert!(store.snapshot().unwrap().card_blocked);
    assert_eq!(
        store.execute(&OpId::new("t"), &to_grandson(rub(100))),
        Err(BankError::CardBlocked)
    );
    assert_eq!(
        store.execute(&OpId::new("b2"), &Operation::BlockCard),
        Err(BankError::CardAlreadyBlocked)
    );
    // Money can still be put on the card.
    store
        .execute(&OpId::new("s"), &savings_to_card(rub(100)))
        .unwrap();
    assert!(store.unblock_card().unwrap());
    assert!(!store.unblock_card().unwrap());
    store
        .execute(&OpId::new("t"), &to_grandson(rub(100)))
        .unwrap();
}

#[test]
fn own_transfers_write_a_line_in_each_account() {
    let store = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let r = store
        .execute(&OpId::new("o"), &savings_to_card(rub(20_000)))
        .unwrap();
    assert_eq!(r.quote.debit_account, AccountKind::Savings);
    assert_eq!(r.quote.balance_after, rub(160_000));
    assert_eq!(r.quote.recipient.ru, "Пенсионная карта МИР");
    let s = store.snapshot().unwrap();
    assert_eq!(s.savings.balance, rub(160_000));
    assert_eq!(s.card.balance, Money::from_kopecks(2_543_050 + 2_000_000));
    let lines: Vec<(AccountKind, Money)> = s.history[..2]
        .iter()
        .map(|h| (h.account, h.amount))
        .collect();
    assert_eq!(
        lines,
        [
            (AccountKind::Card, rub(20_000)),
            (AccountKind::Savings, rub(-20_000))
        ]
    );
}

#[test]
fn confirmation_codes_are_stable_per_operation_and_reproducible() {
    let a = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let b = SandboxStore::open_in_memory_with_clock(TODAY).unwrap();
    let ids: Vec<OpId> = (0..30).map(|i| OpId::new(format!("op-{i}"))).collect();
    let codes: Vec<String> = ids.iter().map(|id| a.issue_code(id).unwrap()).collect();
    for code in &codes {
        assert_eq!(code.len(), 4);
        assert!(code.chars().all(|c| c.is_ascii_digit()));
    }
    assert!(codes.windows(2).all(|w| w[0] != w[1]), "{codes:?}");
    let distinct: std::collections::HashSet<&String> = codes.iter().collect();
    assert!(distinct.len() > 20, "{codes:?}");
    // Same op id, same code; another database from the same demo, the same sequence.
    assert_eq!(a.issue_code(&ids[3]).unwrap(), codes[3]);
    let again: Vec<String> = ids.iter().map(|id| b.issue_code(id).unwrap()).collect();
    assert_eq!(again, codes);
}

#[test]
fn a_damaged_file_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.db");
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, garbage).unwrap();
    match SandboxStore::open(&path) {
        Err(StoreError::Corrupt { path: p }) => assert_eq!(p, path),
        other => panic!("expected Corrupt, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn a_database_from_a_newer_opora_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.db");
    drop(SandboxStore::open_with_clock(&path, TODAY).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(matches!(
        SandboxStore::open(&path),
        Err(StoreError::TooNew { version: 99, .. })
    ));
}

// Permission bits bind every user but root, and CI runs as root: these two run as `nobody`
// then (see tests/common/unprivileged.rs), and expect the same refusal whoever starts them.

#[test]
fn a_read_only_file_is_reported_as_read_only() {
    unprivileged::in_unprivileged_process("a_read_only_file_is_reported_as_read_only", || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.db");
        drop(SandboxStore::open_with_clock(&path, TODAY).unwrap());
        unprivileged::set_mode(&path, 0o444);
        match SandboxStore::open_with_clock(&path, TODAY) {
            Err(StoreError::ReadOnly { path: p }) => assert_eq!(p, path),
            other => panic!("expected ReadOnly, got {:?}", other.map(|_| ())),
        }
        unprivileged::set_mode(&path, 0o644);
    });
}

#[test]
fn a_read_only_folder_is_reported_as_read_only() {
    unprivileged::in_unprivileged_process("a_read_only_folder_is_reported_as_read_only", || {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("locked");
        std::fs::create_dir(&folder).unwrap();
        // An existing database in it (SQLite needs to create its WAL file beside it)…
        let existing = folder.join("existing.db");
        drop(SandboxStore::open_with_clock(&existing, TODAY).unwrap());
        unprivileged::set_mode(&folder, 0o555);
        // …and a new one.
        let new = folder.join("sandbox.db");
        for path in [existing, new] {
            match SandboxStore::open_with_clock(&path, TODAY) {
                Err(StoreError::ReadOnly { path: p }) => assert_eq!(p, path),
                other => panic!(
                    "expected ReadOnly for {path:?}, got {:?}",
                    other.map(|_| ())
                ),
            }
        }
        unprivileged::set_mode(&folder, 0o755);
    });
}

#[test]
fn a_file_held_by_another_writer_is_locked_for_changes_but_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.db");
    drop(SandboxStore::open_with_clock(&path, TODAY).unwrap());
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN EXCLUSIVE; UPDATE client SET hotline = hotline;")
        .unwrap();

    let store = SandboxStore::open_with_clock(&path, TODAY).unwrap();
    assert_eq!(store.snapshot().unwrap().card.last_four, "4321");
    match store.execute(&OpId::new("l"), &to_grandson(rub(1))) {
        Err(BankError::Storage(StoreError::Locked { path: p })) => assert_eq!(p, path),
        other => panic!("expected Locked, got {other:?}"),
    }
    other.execute_batch("COMMIT").unwrap();
    store
        .execute(&OpId::new("l"), &to_grandson(rub(1)))
        .unwrap();
}

#[test]
fn a_file_held_exclusively_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.db");
    drop(SandboxStore::open_with_clock(&path, TODAY).unwrap());
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
        .unwrap();
    match SandboxStore::open_with_clock(&path, TODAY) {
        Err(StoreError::Locked { path: p }) => assert_eq!(p, path),
        other => panic!("expected Locked, got {:?}", other.map(|_| ())),
    }
    drop(other);
    SandboxStore::open_with_clock(&path, TODAY).unwrap();
}

#[test]
fn a_folder_in_place_of_the_file_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let result = SandboxStore::open(dir.path());
    assert!(
        matches!(result, Err(StoreError::CannotOpen { .. })),
        "{:?}",
        result.map(|_| ())
    );
}
