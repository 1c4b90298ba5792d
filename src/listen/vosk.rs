//! libvosk, loaded at run time. The library is looked for where the set-up puts it
//! (`.deps/vosk/libvosk.so` in the source tree), beside the executable (a kiosk ships it there)
//! and on the system's library path — or only at `OPORA_VOSK_LIB`, when that is set. Loading it
//! at run time rather than linking means a machine without it still runs Opora, with voice off
//! and one sentence why.
//!
//! Only the dozen functions Opora uses are bound; [`Model`] and [`Recognizer`] own their C
//! objects and free them when dropped.

use super::VoiceError;
use libloading::Library;
use std::ffi::{CStr, CString, c_char, c_float, c_int, c_short, c_void};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the set-up script puts the library.
pub const SETUP_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/.deps/vosk/libvosk.so");

type ModelNew = unsafe extern "C" fn(*const c_char) -> *mut c_void;
type ModelFree = unsafe extern "C" fn(*mut c_void);
type FindWord = unsafe extern "C" fn(*mut c_void, *const c_char) -> c_int;
type RecognizerNew = unsafe extern "C" fn(*mut c_void, c_float) -> *mut c_void;
type RecognizerNewGrm = unsafe extern "C" fn(*mut c_void, c_float, *const c_char) -> *mut c_void;
type AcceptWaveform = unsafe extern "C" fn(*mut c_void, *const c_short, c_int) -> c_int;
type FinalResult = unsafe extern "C" fn(*mut c_void) -> *const c_char;
type RecognizerFree = unsafe extern "C" fn(*mut c_void);
type SetWords = unsafe extern "C" fn(*mut c_void, c_int);
type SetLogLevel = unsafe extern "C" fn(c_int);

/// The loaded library and the functions taken from it.
pub struct VoskLib {
    path: PathBuf,
    model_new: ModelNew,
    model_free: ModelFree,
    find_word: FindWord,
    recognizer_new: RecognizerNew,
    recognizer_new_grm: RecognizerNewGrm,
    accept_waveform: AcceptWaveform,
    final_result: FinalResult,
    recognizer_free: RecognizerFree,
    set_words: SetWords,
    // Kept last: the functions above point into it.
    _library: Library,
}

impl VoskLib {
    /// The places looked in, in order. `OPORA_VOSK_LIB`, when set, is the only one: a bank
    /// that names its library means that one.
    pub fn candidates() -> Vec<PathBuf> {
        if let Some(path) = std::env::var_os("OPORA_VOSK_LIB") {
            return vec![PathBuf::from(path)];
        }
        let mut out = Vec::new();
        if let Some(dir) = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(Path::to_path_buf))
        {
            out.push(dir.join("libvosk.so"));
        }
        out.push(PathBuf::from(SETUP_PATH));
        // Last: the system's library path (a bare name makes the loader search it).
        out.push(PathBuf::from("libvosk.so"));
        out
    }

    /// Loads the first library found.
    pub fn load() -> Result<Arc<VoskLib>, VoiceError> {
        let candidates = VoskLib::candidates();
        let mut last_error = String::new();
        for path in &candidates {
            let bare = path.components().count() == 1;
            if !bare && !path.is_file() {
                continue;
            }
            match VoskLib::open(path) {
                Ok(lib) => return Ok(Arc::new(lib)),
                Err(error) => last_error = error,
            }
        }
        Err(VoiceError::NoLibrary {
            tried: candidates,
            detail: last_error,
        })
    }

    fn open(path: &Path) -> Result<VoskLib, String> {
        // SAFETY: loading libvosk runs its initialisers, which only set up Kaldi's globals.
        let library = unsafe { Library::new(path) }.map_err(|e| e.to_string())?;
        // SAFETY: each symbol is declared with the signature of vosk_api.h (v0.3.45).
        unsafe {
            let set_log_level: SetLogLevel = *library
                .get::<SetLogLevel>(b"vosk_set_log_level\0")
                .map_err(|e| e.to_string())?;
            // Kaldi's log lines would land on the kiosk's screen.
            set_log_level(-1);
            Ok(VoskLib {
                path: path.to_owned(),
                model_new: *library
                    .get(b"vosk_model_new\0")
                    .map_err(|e| e.to_string())?,
                model_free: *library
                    .get(b"vosk_model_free\0")
                    .map_err(|e| e.to_string())?,
                find_word: *library
                    .get(b"vosk_model_find_word\0")
                    .map_err(|e| e.to_string())?,
                recognizer_new: *library
                    .get(b"vosk_recognizer_new\0")
                    .map_err(|e| e.to_string())?,
                recognizer_new_grm: *library
                    .get(b"vosk_recognizer_new_grm\0")
                    .map_err(|e| e.to_string())?,
                accept_waveform: *library
                    .get(b"vosk_recognizer_accept_waveform_s\0")
                    .map_err(|e| e.to_string())?,
                final_result: *library
                    .get(b"vosk_recognizer_final_result\0")
                    .map_err(|e| e.to_string())?,
                recognizer_free: *library
                    .get(b"vosk_recognizer_free\0")
                    .map_err(|e| e.to_string())?,
                set_words: *library
                    .get(b"vosk_recognizer_set_words\0")
                    .map_err(|e| e.to_string())?,
                _library: library,
            })
        }
    }

    /// The file the library was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A loaded model.
pub struct Model {
    lib: Arc<VoskLib>,
    ptr: *mut c_void,
}

// SAFETY: a Vosk model is immutable after loading and reference-counted inside libvosk; the
// API allows sharing one model between recognisers on different threads.
unsafe impl Send for Model {}
unsafe impl Sync for Model {}

impl Model {
    /// Loads the model in `dir` (seconds, and hundreds of megabytes).
    pub fn load(lib: Arc<VoskLib>, dir: &Path) -> Result<Model, VoiceError> {
        let failed = || VoiceError::ModelFailed {
            path: dir.to_owned(),
        };
        let path = CString::new(dir.to_string_lossy().as_bytes()).map_err(|_| failed())?;
        // SAFETY: a valid C string; a null result means the model could not be read.
        let ptr = unsafe { (lib.model_new)(path.as_ptr()) };
        if ptr.is_null() {
            return Err(failed());
        }
        Ok(Model { lib, ptr })
    }

    /// Whether the model's vocabulary has the word.
    pub fn knows(&self, word: &str) -> bool {
        let Ok(word) = CString::new(word) else {
            return false;
        };
        // SAFETY: the model is alive and the word a valid C string.
        unsafe { (self.lib.find_word)(self.ptr, word.as_ptr()) >= 0 }
    }

    /// A recogniser that hears only `words` (those the model knows, and `[unk]` for the rest
    /// when the model has it).
    pub fn grammar_recognizer(
        &self,
        rate: u32,
        words: &[String],
    ) -> Result<Recognizer, VoiceError> {
        let mut known: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| self.knows(w))
            .collect();
        if known.is_empty() {
            return Err(VoiceError::GrammarEmpty);
        }
        if self.knows("[unk]") && !known.contains(&"[unk]") {
            known.push("[unk]");
        }
        let grammar = serde_json::to_string(&known).map_err(|_| VoiceError::GrammarEmpty)?;
        let grammar = CString::new(grammar).map_err(|_| VoiceError::GrammarEmpty)?;
        // SAFETY: the model is alive; the grammar is a JSON list in a valid C string.
        let ptr =
            unsafe { (self.lib.recognizer_new_grm)(self.ptr, rate as c_float, grammar.as_ptr()) };
        self.recognizer(ptr)
    }

    /// A recogniser that hears anything in the model's vocabulary.
    pub fn free_recognizer(&self, rate: u32) -> Result<Recognizer, VoiceError> {
        // SAFETY: the model is alive.
        let ptr = unsafe { (self.lib.recognizer_new)(self.ptr, rate as c_float) };
        self.recognizer(ptr)
    }

    fn recognizer(&self, ptr: *mut c_void) -> Result<Recognizer, VoiceError> {
        if ptr.is_null() {
            return Err(VoiceError::RecognizerFailed);
        }
        // Each word with its confidence: the kiosk asks «Вы сказали …?» when it is low.
        // SAFETY: the recogniser was just made and is alive.
        unsafe { (self.lib.set_words)(ptr, 1) };
        Ok(Recognizer {
            lib: Arc::clone(&self.lib),
            ptr,
        })
    }
}

impl Drop for Model {
    fn drop(&mut self) {
        // SAFETY: the pointer came from vosk_model_new and is freed once; recognisers made
        // from it hold their own reference inside libvosk.
        unsafe { (self.lib.model_free)(self.ptr) }
    }
}

unsafe extern "C" {
    /// The C library's random seed. Kaldi dithers every frame of audio with noise drawn from
    /// generators seeded by `rand()`, so without this the same recording decodes differently
    /// depending on what was decoded before it in the process.
    fn srand(seed: std::ffi::c_uint);
}

/// What a recogniser made of one utterance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recognized {
    /// The words, as one line.
    pub text: String,
    /// Each word with the recogniser's confidence in it (0–1).
    pub words: Vec<(String, f32)>,
}

impl Recognized {
    /// Reads Vosk's result: `{"result": [{"word": …, "conf": …}, …], "text": …}`.
    pub fn from_json(json: &str) -> Recognized {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            return Recognized::default();
        };
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_string();
        let words = value
            .get("result")
            .and_then(|r| r.as_array())
            .map(|words| {
                words
                    .iter()
                    .filter_map(|w| {
                        let word = w.get("word")?.as_str()?.to_string();
                        let conf = w.get("conf")?.as_f64()? as f32;
                        Some((word, conf))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Recognized { text, words }
    }
}

/// A recogniser: audio in, words out.
pub struct Recognizer {
    lib: Arc<VoskLib>,
    ptr: *mut c_void,
}

// SAFETY: a recogniser is used by one thread at a time (it is not Sync); moving it to another
// thread is allowed by libvosk.
unsafe impl Send for Recognizer {}

impl Recognizer {
    /// Makes the next utterance decode the same way whatever came before it (see [`srand`]):
    /// a recording gives the same words every time, in tests, benchmarks and kiosks alike.
    pub fn reseed(&mut self) {
        // SAFETY: srand only sets the C library's seed; Opora draws no other numbers from it.
        unsafe { srand(1) }
    }

    /// Feeds 16-bit mono samples at the recogniser's rate.
    pub fn accept(&mut self, samples: &[i16]) {
        for chunk in samples.chunks(c_int::MAX as usize) {
            // SAFETY: the recogniser is alive and the slice valid for its length.
            unsafe {
                (self.lib.accept_waveform)(self.ptr, chunk.as_ptr(), chunk.len() as c_int);
            }
        }
    }

    /// The words of everything fed since the last result, with their confidences; the
    /// recogniser is then ready for the next utterance.
    pub fn finish(&mut self) -> Recognized {
        // SAFETY: the recogniser is alive; the result is a C string it owns until the next
        // call, copied out at once.
        let json = unsafe {
            let ptr = (self.lib.final_result)(self.ptr);
            if ptr.is_null() {
                return Recognized::default();
            }
            CStr::from_ptr(ptr).to_string_lossy().into_owned()
        };
        Recognized::from_json(&json)
    }
}

impl Drop for Recognizer {
    fn drop(&mut self) {
        // SAFETY: the pointer came from vosk_recognizer_new* and is freed once.
        unsafe { (self.lib.recognizer_free)(self.ptr) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_with_and_without_word_confidences() {
        let r = Recognized::from_json(
            r#"{"result": [{"conf": 0.5, "end": 1.0, "start": 0.5, "word": "баланс"}], "text": "баланс"}"#,
        );
        assert_eq!(r.text, "баланс");
        assert_eq!(r.words, [("баланс".to_string(), 0.5)]);
        let r = Recognized::from_json(r#"{"text": ""}"#);
        assert_eq!(r, Recognized::default());
        assert_eq!(Recognized::from_json("not json"), Recognized::default());
    }
}
