//! Item 9: Space on a computer without a voice model tells the client one plain sentence — no
//! file path, no README — and the details go where staff look: `voice.log` in Opora's folder
//! and `opora doctor`.

use super::common::talk::Talk;
use super::pty::{Kiosk, everywhere};

/// A model folder that exists but holds no model for the language.
fn no_models() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn space_without_a_model_says_one_plain_sentence() {
    let models = no_models();
    let empty = models.path().join("ru");
    for (lang, size) in everywhere() {
        let mut kiosk = Kiosk::start_with(
            lang,
            size,
            &[("OPORA_VOICE_MODEL", empty.to_str().unwrap_or_default())],
        );
        kiosk.wait_home();
        kiosk.keys(" ");
        kiosk.wait_text(kiosk.tr(
            "Голосовые команды на этом компьютере не настроены.",
            "Voice commands are not set up on this computer.",
        ));
        let screen = kiosk.screen();
        assert!(
            !screen.contains("README") && !screen.contains('/'),
            "{screen}"
        );
        let log = std::fs::read_to_string(kiosk.home().join("voice.log")).unwrap_or_default();
        assert!(
            log.contains(empty.to_str().unwrap_or("?")),
            "voice.log: {log:?}"
        );
    }
}

#[test]
fn in_plain_mode_too_and_doctor_says_why() {
    let home = tempfile::tempdir().expect("temp dir");
    let models = no_models();
    let mut talk = Talk::start_with_env(
        home.path(),
        &["--lang", "ru"],
        &[(
            "OPORA_VOICE_MODEL",
            models.path().to_str().unwrap_or_default(),
        )],
    );
    let said = talk.say("   ");
    assert!(
        said.contains("Голосовые команды на этом компьютере не настроены."),
        "{said}"
    );
    assert!(!said.contains("README") && !said.contains('/'), "{said}");
    assert!(talk.finish().success());
    let doctor = std::process::Command::new(super::common::binary())
        .args(["doctor", "--lang", "ru"])
        .env("OPORA_HOME", home.path())
        .env("OPORA_VOICE_MODEL", models.path())
        .output()
        .expect("doctor");
    let text = String::from_utf8_lossy(&doctor.stdout);
    assert!(
        text.contains(models.path().to_str().unwrap_or("?")),
        "{text}"
    );
}
