//! Amounts for property tests, drawn the way clients say them rather than uniformly up to a
//! trillion (where almost every draw is a billion roubles or more): each decade of roubles is
//! equally likely (log-uniform), and the amounts people name most — round sums, thousands and
//! hundreds, pensions and bills — are weighted in. Kopecks are mostly none, often fifty.
//!
//! Shared by the core's money tests (`crates/opora-core/src/money.rs`) and the bank's property
//! tests, included by `#[path]`.

use proptest::prelude::*;

/// Sums clients name most often, in roubles: the phone, bills, gifts to the family, the pension.
const ROUND_RUBLES: [i64; 20] = [
    50, 100, 150, 200, 300, 500, 700, 1_000, 1_500, 2_000, 2_500, 3_000, 5_000, 7_000, 10_000,
    15_000, 20_000, 25_000, 50_000, 100_000,
];

/// Whole roubles from 1 up to `10^max_digits - 1`, each number of digits equally likely.
pub fn log_uniform_rubles(max_digits: u32) -> impl Strategy<Value = i64> {
    (1..=max_digits.max(1)).prop_flat_map(|digits| 10i64.pow(digits - 1)..10i64.pow(digits))
}

/// The kopecks of an amount as said: mostly none, often fifty, sometimes any.
fn kopecks_part() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => Just(0i64),
        2 => Just(50i64),
        2 => 0i64..100,
    ]
}

/// An amount in kopecks as a client says it, with 3 to 16 digits of roubles at most: a round
/// sum, so many hundreds («две тысячи триста»), or roubles drawn log-uniformly, with their
/// kopecks. Never zero.
pub fn said_kopecks(max_digits: u32) -> impl Strategy<Value = i64> {
    assert!((3..=16).contains(&max_digits), "3 to 16 digits of roubles");
    let limit = 10i64.pow(max_digits);
    let round: Vec<i64> = ROUND_RUBLES
        .iter()
        .filter(|r| **r < limit)
        .map(|r| r * 100)
        .collect();
    let hundreds = (1i64..=((limit - 1) / 100).min(1_000)).prop_map(|h| h * 100 * 100);
    let any = (log_uniform_rubles(max_digits), kopecks_part())
        .prop_map(|(rubles, kopecks)| rubles * 100 + kopecks);
    prop_oneof![
        3 => proptest::sample::select(round),
        2 => hundreds,
        5 => any,
    ]
}

/// Kopecks alone, as in «пятьдесят копеек»: 1 to 99.
pub fn kopecks_only() -> impl Strategy<Value = i64> {
    1i64..100
}
