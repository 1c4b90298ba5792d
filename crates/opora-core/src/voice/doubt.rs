//! When the recogniser is unsure: Vosk gives each word a confidence, and when a word the meaning
//! rests on (not a filler, not `[unk]`) is below [`SURE`], the kiosk asks «Вы сказали «…»?»
//! before acting — unless the meaning moves money, which its check screen and key already guard.

use super::VoiceLang;
use super::lexicon::lexicon;
use super::text::UNKNOWN;
use crate::voice::meaning::{Intent, Meaning};

/// The confidence below which a deciding word is doubted.
pub const SURE: f32 = 0.8;

/// The lowest confidence among the words a meaning rests on: not fillers, not `[unk]`.
pub fn deciding(words: &[(String, f32)], lang: VoiceLang) -> Option<f32> {
    let lex = lexicon(lang);
    words
        .iter()
        .filter(|(w, _)| w != UNKNOWN && !lex.is_filler(w))
        .map(|(_, conf)| *conf)
        .reduce(f32::min)
}

/// The meaning, to be asked about first when a deciding word is doubtful and it does not move
/// money.
pub fn check(meaning: Meaning, words: &[(String, f32)], lang: VoiceLang) -> Meaning {
    match (meaning, deciding(words, lang)) {
        (Ok(intent), Some(conf))
            if conf < SURE && !intent.is_money() && !matches!(intent, Intent::DidYouSay(_)) =>
        {
            Ok(Intent::DidYouSay(Box::new(intent)))
        }
        (meaning, _) => meaning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;
    use crate::voice::meaning::Rejection;

    fn words(list: &[(&str, f32)]) -> Vec<(String, f32)> {
        list.iter().map(|(w, c)| (w.to_string(), *c)).collect()
    }

    #[test]
    fn a_doubtful_deciding_word_is_asked_about() {
        let ru = VoiceLang::Ru;
        let choose = Ok(Intent::Choose(1));
        let unsure = Ok(Intent::DidYouSay(Box::new(Intent::Choose(1))));
        assert_eq!(
            check(choose.clone(), &words(&[("баланс", 0.3)]), ru),
            unsure
        );
        assert_eq!(
            check(choose.clone(), &words(&[("баланс", 0.95)]), ru),
            choose
        );
        // A doubtful filler or [unk] decides nothing.
        assert_eq!(
            check(
                choose.clone(),
                &words(&[("ну", 0.2), ("баланс", 1.0), ("[unk]", 0.1)]),
                ru
            ),
            choose
        );
        // No confidences (a typed phrase): as it is.
        assert_eq!(check(choose.clone(), &[], ru), choose);
    }

    #[test]
    fn money_and_refusals_are_never_asked_about() {
        let en = VoiceLang::En;
        let amount = Ok(Intent::Amount(Money::from_rubles(500)));
        assert_eq!(check(amount.clone(), &words(&[("five", 0.1)]), en), amount);
        let refused = Err(Rejection::NotUnderstood);
        assert_eq!(
            check(refused.clone(), &words(&[("balance", 0.1)]), en),
            refused
        );
    }
}
