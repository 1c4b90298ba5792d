//! Where the speech model is, which language it speaks, and its sample rate.
//!
//! A model is a folder as the Vosk project ships it (`am/`, `conf/`, `graph/`…). Opora looks
//! for the voice language's model in, in order: the folder given by `--voice-model` or
//! `OPORA_VOICE_MODEL`; `models/<lang>/` in Opora's data folder; `models/<lang>/` in the current
//! folder (the kiosk is started from the source tree); `models/<lang>/` in the source tree it was
//! built from. A `models/<lang>/` that holds the unpacked archive's folder
//! (`models/ru/vosk-model-small-ru-0.22/`) is fine too.

use super::{VoiceError, VoiceLang};
use std::path::{Path, PathBuf};

/// The rate Vosk models are trained at unless their configuration says otherwise.
const DEFAULT_RATE: u32 = 16_000;

/// A model found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelDir {
    pub path: PathBuf,
    pub lang: VoiceLang,
    /// The sample rate the model expects.
    pub rate: u32,
}

/// Whether a folder looks like a Vosk model.
pub fn is_model(dir: &Path) -> bool {
    dir.join("am").join("final.mdl").is_file() || dir.join("final.mdl").is_file()
}

/// The model itself in `dir`, or in its only sub-folder that is one.
fn model_in(dir: &Path) -> Option<PathBuf> {
    if is_model(dir) {
        return Some(dir.to_owned());
    }
    let mut inner = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_model(p));
    match (inner.next(), inner.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The language a model's folder name gives: `ko`, `vosk-model-small-ru-0.22`,
/// `vosk-model-small-en-us-0.15`.
pub fn lang_of(path: &Path) -> Option<VoiceLang> {
    path.components().rev().find_map(|c| {
        let name = c.as_os_str().to_string_lossy().to_ascii_lowercase();
        name.split(['-', '_', '.'])
            .find_map(VoiceLang::from_code)
            .filter(|_| !name.is_empty())
    })
}

/// The folders looked in for a language's model, in order.
pub fn candidates(lang: VoiceLang) -> Vec<PathBuf> {
    let relative = Path::new("models").join(lang.code());
    let mut out = vec![crate::paths::data_dir().join(&relative)];
    if let Ok(cwd) = std::env::current_dir() {
        out.push(cwd.join(&relative));
    }
    out.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(&relative));
    out.dedup();
    out
}

/// Finds the model: the configured folder (whose language is `lang` when given, or read from
/// its name), or the voice language's folder in the usual places.
pub fn find(
    configured: Option<&Path>,
    lang: Option<VoiceLang>,
    fallback: VoiceLang,
) -> Result<ModelDir, VoiceError> {
    let (path, lang) = match configured {
        Some(dir) => {
            let path = model_in(dir).ok_or_else(|| VoiceError::NoModel {
                lang: lang.unwrap_or(fallback),
                tried: vec![dir.to_owned()],
            })?;
            let lang = lang
                .or_else(|| lang_of(&path))
                .or_else(|| lang_of(dir))
                .ok_or_else(|| VoiceError::ModelLanguageUnknown { path: path.clone() })?;
            (path, lang)
        }
        None => {
            let lang = lang.unwrap_or(fallback);
            let tried = candidates(lang);
            let path = tried
                .iter()
                .find_map(|dir| model_in(dir))
                .ok_or(VoiceError::NoModel { lang, tried })?;
            (path, lang)
        }
    };
    let rate = rate_of(&path);
    Ok(ModelDir { path, lang, rate })
}

/// The sample rate in the model's `conf/mfcc.conf` (`--sample-frequency=8000`), or 16 kHz.
fn rate_of(model: &Path) -> u32 {
    std::fs::read_to_string(model.join("conf").join("mfcc.conf"))
        .ok()
        .and_then(|text| {
            text.lines().find_map(|line| {
                line.trim()
                    .strip_prefix("--sample-frequency=")
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .map(|v| v as u32)
            })
        })
        .filter(|r| *r > 0)
        .unwrap_or(DEFAULT_RATE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_model(dir: &Path, rate: Option<u32>) {
        std::fs::create_dir_all(dir.join("am")).expect("am");
        std::fs::create_dir_all(dir.join("conf")).expect("conf");
        std::fs::write(dir.join("am").join("final.mdl"), b"x").expect("mdl");
        let conf = match rate {
            Some(r) => format!("--use-energy=false\n--sample-frequency={r}\n"),
            None => "--use-energy=false\n".to_string(),
        };
        std::fs::write(dir.join("conf").join("mfcc.conf"), conf).expect("conf");
    }

    #[test]
    fn the_language_comes_from_the_folder_name() {
        assert_eq!(lang_of(Path::new("models/ko")), Some(VoiceLang::Ko));
        assert_eq!(
            lang_of(Path::new("/opt/vosk-model-small-ru-0.22")),
            Some(VoiceLang::Ru)
        );
        assert_eq!(
            lang_of(Path::new("vosk-model-small-en-us-0.15")),
            Some(VoiceLang::En)
        );
        assert_eq!(lang_of(Path::new("/srv/speech/model")), None);
    }

    #[test]
    fn a_configured_folder_or_the_archive_folder_inside_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outer = dir.path().join("ru");
        let inner = outer.join("vosk-model-small-ru-0.22");
        fake_model(&inner, Some(8000));
        let found = find(Some(&outer), None, VoiceLang::En).expect("found");
        assert_eq!(found.path, inner);
        assert_eq!(found.lang, VoiceLang::Ru);
        assert_eq!(found.rate, 8000);
        let plain = dir.path().join("model");
        fake_model(&plain, None);
        assert!(matches!(
            find(Some(&plain), None, VoiceLang::Ru),
            Err(VoiceError::ModelLanguageUnknown { .. })
        ));
        let told = find(Some(&plain), Some(VoiceLang::En), VoiceLang::Ru).expect("told");
        assert_eq!((told.lang, told.rate), (VoiceLang::En, 16_000));
        assert!(matches!(
            find(Some(&dir.path().join("nothing")), None, VoiceLang::Ru),
            Err(VoiceError::NoModel { .. })
        ));
    }
}
