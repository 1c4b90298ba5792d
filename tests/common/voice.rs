//! What the voice tests need from the machine — libvosk, the Korean model and espeak-ng, all
//! put there by the test command's set-up (`scripts/setup.sh test`) — and speech made with
//! espeak-ng. A missing piece fails the test with the sentence to fix it, never skips it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Korean model the set-up fetches.
pub fn korean_model() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join("ko");
    assert!(
        opora::listen::model::is_model(&dir),
        "the Korean speech model is missing from {}: run scripts/setup.sh test",
        dir.display()
    );
    assert!(
        Path::new(opora::listen::vosk::SETUP_PATH).is_file(),
        "libvosk is missing from {}: run scripts/setup.sh test",
        opora::listen::vosk::SETUP_PATH
    );
    dir
}

/// Speaks each word with espeak-ng's Korean voice and joins them into one WAV file: half a
/// second of silence, then each word followed by a second and a half of silence. The words
/// come out at espeak-ng's own rate (22 050 Hz), so the pipeline resamples as it would a
/// microphone.
pub fn korean_commands(dir: &Path, name: &str, words: &[&str]) -> PathBuf {
    let mut samples: Vec<i16> = Vec::new();
    let mut rate = 0;
    for (i, word) in words.iter().enumerate() {
        let part = dir.join(format!("{name}-{i}.wav"));
        let status = Command::new("espeak-ng")
            .args(["-v", "ko", "-w"])
            .arg(&part)
            .arg(word)
            .status()
            .unwrap_or_else(|e| panic!("espeak-ng could not run ({e}): run scripts/setup.sh test"));
        assert!(status.success(), "espeak-ng -v ko failed for «{word}»");
        let mut reader = hound::WavReader::open(&part).expect("espeak-ng's WAV");
        rate = reader.spec().sample_rate;
        if i == 0 {
            samples.extend(std::iter::repeat_n(0, rate as usize / 2));
        }
        samples.extend(reader.samples::<i16>().map(|s| s.expect("sample")));
        samples.extend(std::iter::repeat_n(0, rate as usize * 3 / 2));
    }
    let path = dir.join(format!("{name}.wav"));
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(&path, spec).expect("create WAV");
    for s in samples {
        writer.write_sample(s).expect("write sample");
    }
    writer.finalize().expect("finish WAV");
    path
}
