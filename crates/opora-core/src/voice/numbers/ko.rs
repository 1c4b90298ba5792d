//! Korean Sino-Korean numerals (일 이 삼 … 십 백 천 만 억), said as separate words («삼 백») or
//! run together («삼백»): the recogniser may give either. 영 and 공 are zero, alone.

use super::Read;

/// A syllable's part in a number.
enum Syllable {
    Zero,
    Digit(u64),
    /// 십, 백, 천: tens, hundreds, thousands within a group of four places.
    Small(u64),
    /// 만, 억: ten thousands, hundred millions.
    Big(u64),
}

fn syllable(c: char) -> Option<Syllable> {
    use Syllable::*;
    Some(match c {
        '영' | '공' => Zero,
        '일' => Digit(1),
        '이' => Digit(2),
        '삼' => Digit(3),
        '사' => Digit(4),
        '오' => Digit(5),
        '육' => Digit(6),
        '칠' => Digit(7),
        '팔' => Digit(8),
        '구' => Digit(9),
        '십' => Small(10),
        '백' => Small(100),
        '천' => Small(1_000),
        '만' => Big(10_000),
        '억' => Big(100_000_000),
        _ => return None,
    })
}

/// Every word this reader knows, for the recogniser's grammar.
pub const WORDS: &[&str] = &[
    "영", "공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십", "백", "천", "만",
];

/// Choices 1–6 by number, as said.
pub const CHOICE_WORDS: &[&[&str]] = &[&["일"], &["이"], &["삼"], &["사"], &["오"], &["육"]];

/// Reads the longest Korean number at the start of `tokens`. A token is taken whole or not at
/// all.
pub fn read(tokens: &[String]) -> Option<Read> {
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut pending: Option<u64> = None;
    let mut last_small = u64::MAX;
    let mut last_big = u64::MAX;
    let mut used = 0;
    let mut said_anything = false;
    'tokens: for (index, token) in tokens.iter().enumerate() {
        // Work on a copy, so a token that breaks half-way is not taken at all.
        let (mut t, mut g, mut p, mut ls, mut lb) = (total, group, pending, last_small, last_big);
        for c in token.chars() {
            match syllable(c) {
                Some(Syllable::Zero) if !said_anything && token.chars().count() == 1 => {
                    return Some(Read::whole(0, 1));
                }
                Some(Syllable::Digit(d)) if p.is_none() => p = Some(d),
                Some(Syllable::Small(m)) if m < ls => {
                    g = g.saturating_add(p.take().unwrap_or(1).saturating_mul(m));
                    ls = m;
                }
                Some(Syllable::Big(m)) if m < lb => {
                    let times = g.saturating_add(p.take().unwrap_or(0));
                    let times = if times == 0 { 1 } else { times };
                    t = t.saturating_add(times.saturating_mul(m));
                    g = 0;
                    ls = u64::MAX;
                    lb = m;
                }
                _ => break 'tokens,
            }
        }
        (total, group, pending, last_small, last_big) = (t, g, p, ls, lb);
        said_anything = true;
        used = index + 1;
    }
    (used > 0).then(|| {
        Read::whole(
            total
                .saturating_add(group)
                .saturating_add(pending.unwrap_or(0)),
            used,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(u64, usize)> {
        read(&crate::voice::text::tokens(text)).map(|r| (r.value, r.tokens))
    }

    #[test]
    fn sino_korean_numbers() {
        assert_eq!(value("삼"), Some((3, 1)));
        assert_eq!(value("삼백"), Some((300, 1)));
        assert_eq!(value("삼 백"), Some((300, 2)));
        assert_eq!(value("천이백오십"), Some((1250, 1)));
        assert_eq!(value("천 이백 오십"), Some((1250, 3)));
        assert_eq!(value("만"), Some((10_000, 1)));
        assert_eq!(value("이만 오천"), Some((25_000, 2)));
        assert_eq!(value("십"), Some((10, 1)));
        assert_eq!(value("영"), Some((0, 1)));
    }

    #[test]
    fn numbers_end_where_the_order_breaks() {
        assert_eq!(value("삼 사"), Some((3, 1)));
        assert_eq!(value("백 천"), Some((100, 1)));
        assert_eq!(value("삼삼"), None);
        assert_eq!(value("취소"), None);
        assert_eq!(value("삼 번"), Some((3, 1)));
    }
}
