//! `opora voice check`: is voice input usable here? Loads the model and says where it is, its
//! language and how long it took; says how many of the home screen's words the model knows;
//! then recognises one utterance — from `--voice-input`, or said into the microphone — and says
//! what was heard, how fast, and what it means on the home screen.

use super::parse::sample_contexts;
use crate::listen::engine::{Engine, Loaded, VoiceConfig, open_source};
use opora_core::i18n::I18n;
use opora_core::tr;
use opora_core::voice::lexicon::sample_phrase;
use opora_core::voice::meaning::Describe;
use opora_core::voice::{Context, grammar};
use std::io::{self, Write};
use std::sync::atomic::AtomicBool;

/// Runs the check, printing to `out`; true when voice works. `sound_log` is where the sound
/// system's own messages went, to point at when the microphone fails.
pub fn run(
    config: &VoiceConfig,
    i18n: &I18n,
    sound_log: Option<&std::path::Path>,
    out: &mut impl Write,
) -> io::Result<bool> {
    let loaded = match Loaded::find(config) {
        Ok(loaded) => loaded,
        Err(error) => {
            writeln!(out, "{}", error.sentence(i18n))?;
            return Ok(false);
        }
    };
    writeln!(
        out,
        "{}",
        tr!(
            i18n,
            "voice-check-library",
            path = loaded.lib.path().display().to_string()
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            i18n,
            "voice-check-model",
            path = loaded.dir.path.display().to_string(),
            lang = loaded.dir.lang.code(),
            rate = i64::from(loaded.dir.rate),
            seconds = format!("{:.1}", loaded.load_time.as_secs_f64())
        )
    )?;
    let lang = loaded.dir.lang;
    let home: Context = match sample_contexts(i18n, lang).map(|c| c.into_iter().next()) {
        Ok(Some(home)) => home,
        Ok(None) => return Ok(false),
        Err(error) => {
            writeln!(
                out,
                "{}",
                error.sentence(opora_core::store_error::StoreFile::Bank, i18n)
            )?;
            return Ok(false);
        }
    };
    let words = grammar::words(&home);
    let known = words.iter().filter(|w| loaded.model.knows(w)).count();
    writeln!(
        out,
        "{}",
        tr!(
            i18n,
            "voice-check-vocabulary",
            known = known as i64,
            total = words.len() as i64
        )
    )?;
    let rate = loaded.dir.rate;
    let listener = match open_source(config, rate) {
        Ok(listener) => listener,
        Err(error) => {
            writeln!(out, "{}", error.sentence(i18n))?;
            if let Some(log) = sound_log.filter(|l| l.metadata().is_ok_and(|m| m.len() > 0)) {
                writeln!(
                    out,
                    "{}",
                    tr!(i18n, "voice-check-log", path = log.display().to_string())
                )?;
            }
            return Ok(false);
        }
    };
    let mut engine = Engine::new(loaded, listener);
    writeln!(
        out,
        "{}",
        tr!(i18n, "voice-check-source", source = engine.source())
    )?;
    if config.input.is_none() {
        writeln!(
            out,
            "{}",
            tr!(i18n, "voice-check-say", phrase = sample_phrase(lang))
        )?;
        out.flush()?;
    }
    let (heard, hearing) = match engine.hear(&home, &AtomicBool::new(false)) {
        Ok(result) => result,
        Err(error) => {
            writeln!(out, "{}", error.sentence(i18n))?;
            return Ok(false);
        }
    };
    let Some(heard) = heard else {
        writeln!(out, "{}", i18n.t("voice-check-nothing"))?;
        return Ok(false);
    };
    writeln!(
        out,
        "{}",
        tr!(
            i18n,
            "voice-check-heard",
            text = heard.text.clone(),
            audio = format!("{:.2}", hearing.utterance.seconds),
            rtf = format!("{:.3}", hearing.real_time_factor()),
            ms = format!("{:.0}", hearing.after_voice().as_secs_f64() * 1000.0),
            pause = format!("{:.0}", hearing.utterance.after_voice() * 1000.0)
        )
    )?;
    let confidences: Vec<String> = hearing
        .words
        .iter()
        .map(|(word, conf)| format!("{word} {conf:.2}"))
        .collect();
    writeln!(
        out,
        "{}",
        tr!(
            i18n,
            "voice-check-confidence",
            words = confidences.join(", "),
            sure = format!("{:.2}", opora_core::voice::doubt::SURE)
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            i18n,
            "voice-check-meaning",
            meaning = Describe(&heard.meaning).to_string()
        )
    )?;
    writeln!(out, "{}", i18n.t("voice-check-ok"))?;
    Ok(true)
}
