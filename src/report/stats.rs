//! The small statistics the reports need, written out so they can be checked by hand: the
//! Wilson score interval for a share, Newcombe's interval for the difference of two shares
//! (A/B variants), and percentiles of step times.

use serde::Serialize;

/// z for a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// A share `k / n` with its Wilson 95 % interval. With `n = 0` the share is undefined and the
/// interval is the whole of 0…1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Share {
    pub k: u64,
    pub n: u64,
    pub value: Option<f64>,
    pub low: f64,
    pub high: f64,
}

/// The Wilson score interval (Wilson 1927): centre `(p + z²/2n) / (1 + z²/n)`, half-width
/// `z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n)`.
pub fn wilson(k: u64, n: u64) -> Share {
    if n == 0 {
        return Share {
            k,
            n,
            value: None,
            low: 0.0,
            high: 1.0,
        };
    }
    let (kf, nf) = (k as f64, n as f64);
    let p = kf / nf;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = Z95 * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    Share {
        k,
        n,
        value: Some(p),
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    }
}

/// A difference of two shares `a − b` with its 95 % interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub value: Option<f64>,
    pub low: f64,
    pub high: f64,
}

/// Newcombe's hybrid score interval (method 10 of Newcombe 1998) from the two Wilson
/// intervals: `d − sqrt((p1−l1)² + (u2−p2)²)` to `d + sqrt((u1−p1)² + (p2−l2)²)`.
pub fn newcombe(a: &Share, b: &Share) -> Difference {
    match (a.value, b.value) {
        (Some(p1), Some(p2)) => {
            let d = p1 - p2;
            Difference {
                value: Some(d),
                low: d - ((p1 - a.low).powi(2) + (b.high - p2).powi(2)).sqrt(),
                high: d + ((a.high - p1).powi(2) + (p2 - b.low).powi(2)).sqrt(),
            }
        }
        _ => Difference {
            value: None,
            low: -1.0,
            high: 1.0,
        },
    }
}

/// The median of sorted values (the mean of the middle two for an even count).
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The nearest-rank percentile of sorted values: the smallest value with at least `q` of the
/// values at or below it (p90 of 1…10 is 9).
pub fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-4
    }

    #[test]
    fn wilson_matches_hand_computed_values() {
        // 8 of 10: p = .8; centre = (.8 + 1.92073/10)/1.384146 = .71671; half = .22315.
        let s = wilson(8, 10);
        assert!(close(s.low, 0.4902) && close(s.high, 0.9433), "{s:?}");
        // 0 of 10: lower bound 0, upper = 3.8415/13.8415 = .2775.
        let s = wilson(0, 10);
        assert!(close(s.low, 0.0) && close(s.high, 0.2775), "{s:?}");
        // 10 of 10 mirrors it.
        let s = wilson(10, 10);
        assert!(close(s.low, 0.7225) && close(s.high, 1.0), "{s:?}");
        // 1 of 2: .0945 to .9055.
        let s = wilson(1, 2);
        assert!(close(s.low, 0.0945) && close(s.high, 0.9055), "{s:?}");
        assert_eq!(wilson(0, 0).value, None);
    }

    #[test]
    fn newcombe_matches_the_published_example() {
        // Newcombe 1998, example (a): 56/70 vs 48/80 → d = .2, interval .0524 to .3339.
        let d = newcombe(&wilson(56, 70), &wilson(48, 80));
        assert!(close(d.value.expect("defined"), 0.2), "{d:?}");
        assert!(close(d.low, 0.0524) && close(d.high, 0.3339), "{d:?}");
        assert_eq!(newcombe(&wilson(1, 2), &wilson(0, 0)).value, None);
    }

    #[test]
    fn median_and_p90_by_hand() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(median(&v), Some(5.5));
        assert_eq!(percentile(&v, 0.9), Some(9.0));
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(percentile(&[3.0], 0.9), Some(3.0));
        assert_eq!(median(&[]), None);
    }
}
