//! The sandbox bank's database schema, as an append-only list of migration steps.
//!
//! `PRAGMA user_version` holds how many steps a database file has had; opening a file runs the
//! missing ones, each in its own transaction. Never edit or reorder a step that has shipped:
//! append a new one.
//!
//! Tables are STRICT, so a money column can only ever hold an INTEGER number of kopecks (never
//! REAL), and balances cannot go below zero even if a rule had a bug.

/// Migration steps; step `i` brings a file from `user_version` `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the demo client, accounts, payees, bills, the phone directory, history, executed
    // operations (for idempotency and receipts) and confirmation codes.
    r#"
CREATE TABLE client (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    own_phone TEXT NOT NULL,
    hotline TEXT NOT NULL,
    card_blocked INTEGER NOT NULL DEFAULT 0 CHECK (card_blocked IN (0, 1)),
    transfer_max INTEGER NOT NULL,
    top_up_min INTEGER NOT NULL,
    top_up_max INTEGER NOT NULL,
    bill_max INTEGER NOT NULL,
    phone_free_per_month INTEGER NOT NULL,
    phone_fee_bp INTEGER NOT NULL CHECK (phone_fee_bp >= 0),
    phone_fee_max INTEGER NOT NULL,
    code_seed INTEGER NOT NULL,
    code_counter INTEGER NOT NULL DEFAULT 0,
    last_code TEXT
) STRICT;

CREATE TABLE account (
    kind TEXT PRIMARY KEY CHECK (kind IN ('card', 'savings')),
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    last_four TEXT NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0)
) STRICT;

CREATE TABLE payee (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    relation TEXT NOT NULL,
    phone TEXT NOT NULL,
    saved INTEGER NOT NULL CHECK (saved IN (0, 1))
) STRICT;

CREATE TABLE bill (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    provider_ru TEXT NOT NULL,
    provider_en TEXT NOT NULL,
    kind TEXT NOT NULL,
    account_number TEXT NOT NULL,
    due INTEGER NOT NULL CHECK (due >= 0),
    paid INTEGER NOT NULL CHECK (paid IN (0, 1)),
    fee_bp INTEGER NOT NULL CHECK (fee_bp >= 0),
    fee_max INTEGER NOT NULL CHECK (fee_max >= 0)
) STRICT;

CREATE TABLE directory (
    phone TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    bank_ru TEXT,
    bank_en TEXT,
    CHECK ((bank_ru IS NULL) = (bank_en IS NULL))
) STRICT;

CREATE TABLE operation (
    op_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    target TEXT,
    from_account TEXT,
    to_account TEXT,
    amount INTEGER,
    fee INTEGER NOT NULL,
    total INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    recipient_ru TEXT NOT NULL,
    recipient_en TEXT NOT NULL,
    debit_account TEXT NOT NULL,
    executed_on TEXT NOT NULL
) STRICT;

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    counterparty_ru TEXT NOT NULL,
    counterparty_en TEXT NOT NULL,
    amount INTEGER NOT NULL,
    account TEXT NOT NULL REFERENCES account (kind),
    phone_transfer INTEGER NOT NULL DEFAULT 0 CHECK (phone_transfer IN (0, 1)),
    op_id TEXT REFERENCES operation (op_id)
) STRICT;

CREATE INDEX history_by_date ON history (date, id);

CREATE TABLE confirmation_code (
    op_id TEXT PRIMARY KEY,
    code TEXT NOT NULL
) STRICT;
"#,
];
