//! A sound system whose microphone the test decides: an ALSA configuration file for
//! `ALSA_CONFIG_PATH`, read instead of the machine's, so a test gets the same microphone on a
//! laptop, a kiosk and a CI machine without sound cards.

use std::path::{Path, PathBuf};

/// The microphone a test wants.
#[derive(Clone, Copy, Debug)]
pub enum Microphone {
    /// A default device that opens and records silence (ALSA's `null` device).
    Silent,
    /// A default device that cannot be opened (a sound card that is not there).
    Missing,
}

/// Writes an ALSA configuration with that microphone into `dir`; its path is for
/// `ALSA_CONFIG_PATH`.
pub fn alsa_config(dir: &Path, microphone: Microphone) -> PathBuf {
    let (name, text) = match microphone {
        Microphone::Silent => ("alsa-silent.conf", "pcm.!default {\n  type null\n}\n"),
        Microphone::Missing => (
            "alsa-missing.conf",
            "pcm.!default {\n  type hw\n  card 31\n}\n",
        ),
    };
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the ALSA configuration");
    path
}
