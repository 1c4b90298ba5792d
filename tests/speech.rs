//! Real speech: espeak-ng must be installed (scripts/setup.sh test installs it); a missing
//! espeak-ng fails these tests rather than skipping them. The WAV files are read back with
//! `hound` and checked for plausible, non-silent audio; the real binary in a pseudo-terminal
//! speaks each screen into a WAV file, repeats it on `r` and slows down on `<`.

mod common;

use opora::speech::espeak::{Espeak, Sink, WavWriter};
use opora::speech::{Rate, Speaker, Voice};
use opora_core::i18n::Lang;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

const RU: Voice = Voice {
    lang: Lang::Ru,
    rate: Rate::DEFAULT,
};

/// Seconds of audio in a WAV file, and its loudest sample.
/// The samples of a WAV file, to tell two utterances apart.
fn samples(path: &Path) -> Vec<i16> {
    let mut reader = hound::WavReader::open(path).expect("a readable WAV file");
    reader
        .samples::<i16>()
        .map(|s| s.expect("a sample"))
        .collect()
}

fn audio(path: &Path) -> (f64, i32) {
    let mut reader = hound::WavReader::open(path).expect("a readable WAV file");
    let spec = reader.spec();
    assert_eq!(spec.channels, 1, "espeak-ng writes mono");
    let samples: Vec<i32> = reader
        .samples::<i16>()
        .map(|s| i32::from(s.expect("a sample")))
        .collect();
    let seconds = samples.len() as f64 / f64::from(spec.sample_rate);
    let loudest = samples.iter().map(|s| s.abs()).max().unwrap_or(0);
    (seconds, loudest)
}

#[test]
fn espeak_ng_writes_a_russian_sentence_as_plausible_audio() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("balance.wav");
    let sentence = "Баланс. Двадцать пять тысяч четыреста тридцать рублей пятьдесят копеек.";
    let mut writer = WavWriter::new(&path);
    writer.say(sentence, RU).expect(
        "espeak-ng must be installed for the tests: run scripts/setup.sh test (apt-get install espeak-ng)",
    );
    let (seconds, loudest) = audio(&path);
    // 11 words at 150 words per minute, with a pause: about 4–5 seconds.
    assert!(
        (2.0..12.0).contains(&seconds),
        "{seconds:.2} s of audio for 11 words"
    );
    assert!(
        loudest > 1000,
        "the audio is silent (loudest sample {loudest})"
    );

    // Slower speech is longer; English works too.
    writer
        .say(
            sentence,
            Voice {
                lang: Lang::Ru,
                rate: Rate::SLOWEST,
            },
        )
        .expect("slower");
    let (slower, _) = audio(&path);
    assert!(
        slower > seconds * 1.2,
        "{slower:.2} s is not slower than {seconds:.2} s"
    );
    writer
        .say(
            "Balance. Twenty-five thousand roubles.",
            Voice {
                lang: Lang::En,
                rate: Rate::DEFAULT,
            },
        )
        .expect("English");
    let (english, loudest) = audio(&path);
    assert!((1.0..10.0).contains(&english) && loudest > 1000);
    assert!(
        !dir.path().join("balance.wav.partial").exists(),
        "no half-written file is left"
    );
}

#[test]
fn a_new_utterance_or_stop_kills_the_one_in_progress() {
    // Nobody reads the stream, so espeak-ng blocks on a full pipe: it is still "speaking" until
    // it is killed.
    let long = "Баланс двадцать пять тысяч рублей. ".repeat(200);
    let mut espeak = Espeak::new(Sink::Stdout);
    espeak.say(&long, RU).expect("espeak-ng runs");
    std::thread::sleep(Duration::from_millis(300));
    assert!(espeak.is_speaking(), "espeak-ng should still be speaking");
    // How fast it stops is measured by `cargo bench --bench speech`, not here.
    espeak.stop().expect("stops");
    assert!(!espeak.is_speaking());
    // A new utterance replaces the old one.
    espeak.say(&long, RU).expect("says");
    espeak.say("Помощь.", RU).expect("says again");
    espeak.stop().expect("stops");
    assert!(!espeak.is_speaking());
}

/// The real binary in a pseudo-terminal, speaking into a WAV file.
struct SpeakingKiosk {
    /// The screen as a VT100 terminal shows it.
    screen: std::sync::Arc<std::sync::Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    wav: std::path::PathBuf,
    _home: tempfile::TempDir,
}

impl SpeakingKiosk {
    fn start(lang: &str) -> SpeakingKiosk {
        SpeakingKiosk::start_with(lang, &["--speech", "wav"], &[])
    }

    fn start_with(lang: &str, args: &[&str], env: &[(&str, &Path)]) -> SpeakingKiosk {
        let home = tempfile::tempdir().expect("temp dir");
        let wav = home.path().join("screen.wav");
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 60,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(common::binary());
        cmd.args(args);
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd.arg("--speech-wav");
        cmd.arg(&wav);
        cmd.env("OPORA_HOME", home.path());
        cmd.env("OPORA_TODAY", "2026-11-25");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", lang);
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("ACCESSIBLE");
        cmd.env_remove("OPORA_SPEECH");
        let child = pty.slave.spawn_command(cmd).expect("spawn opora");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let screen = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(60).expect("rows"),
            std::num::NonZeroU16::new(200).expect("columns"),
            0,
        )));
        let parser = std::sync::Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        SpeakingKiosk {
            screen,
            writer,
            child,
            _master: pty.master,
            wav,
            _home: home,
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys");
        self.writer.flush().expect("flush");
    }

    fn screen_text(&self) -> String {
        self.screen.lock().expect("parser").screen().contents()
    }

    fn modified(&self) -> Option<SystemTime> {
        std::fs::metadata(&self.wav).and_then(|m| m.modified()).ok()
    }

    /// Waits for the WAV file to be (re)written after `since`; returns its length in seconds.
    fn next_utterance(&self, since: Option<SystemTime>) -> f64 {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Some(now) = self.modified()
                && since.is_none_or(|s| now > s)
            {
                return audio(&self.wav).0;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("nothing was spoken into {}", self.wav.display());
    }
}

impl Drop for SpeakingKiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_kiosk_speaks_each_screen_repeats_it_and_slows_down() {
    for lang in ["ru_RU.UTF-8", "en_US.UTF-8"] {
        let mut kiosk = SpeakingKiosk::start(lang);
        let home = kiosk.next_utterance(None);
        // The home screen: greeting, six choices with their numbers, the prompt.
        assert!(home > 6.0, "{lang}: home said in {home:.2} s");
        let home_audio = samples(&kiosk.wav);
        let before = kiosk.modified();
        // File times can be coarse: make sure the next write is later.
        std::thread::sleep(Duration::from_millis(20));
        kiosk.keys("1");
        let balance = kiosk.next_utterance(before);
        // Two screens may take about as long to say; what is said differs.
        assert!(
            samples(&kiosk.wav) != home_audio,
            "{lang}: the balance screen sounds like home ({balance:.2} s, home {home:.2} s)"
        );
        let before = kiosk.modified();
        std::thread::sleep(Duration::from_millis(20));
        kiosk.keys("r");
        let repeated = kiosk.next_utterance(before);
        assert!(
            (repeated - balance).abs() < 0.05,
            "{lang}: r said something else"
        );
        let before = kiosk.modified();
        std::thread::sleep(Duration::from_millis(20));
        kiosk.keys("<");
        let slower = kiosk.next_utterance(before);
        assert!(
            slower > balance * 1.1,
            "{lang}: «slower» was not slower ({slower:.2} s against {balance:.2} s)"
        );
    }
}

/// A stand-in for espeak-ng that never finishes an utterance on its own: it notes what it was
/// asked to say and its process id, then waits. Only being killed ends it.
const FAKE_ESPEAK: &str = r#"#!/bin/sh
if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 0.0-test  Data at: none"; exit 0; fi
cat > "$FAKE_LOG/said.$$"
echo $$ >> "$FAKE_LOG/pids"
exec sleep 20
"#;

fn alive(pid: &str) -> bool {
    // The kiosk reaps what it kills, so a killed utterance leaves no /proc entry.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.split_whitespace().nth(2).is_none_or(|s| s != "Z"))
}

fn pids(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log.join("pids"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

fn wait_until(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("waited for {what}");
}

#[test]
fn any_key_kills_the_utterance_in_progress_and_a_new_screen_starts_another() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().expect("temp dir");
    let fake = tools.path().join("espeak-ng");
    std::fs::write(&fake, FAKE_ESPEAK).expect("write the fake");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let log = tools.path().join("log");
    std::fs::create_dir(&log).expect("log dir");
    let mut kiosk = SpeakingKiosk::start_with(
        "ru_RU.UTF-8",
        &["--speech", "espeak"],
        &[
            ("OPORA_ESPEAK", fake.as_path()),
            ("FAKE_LOG", log.as_path()),
            // A sound server to satisfy `espeak` mode; the fake never uses it.
            ("PULSE_SERVER", Path::new("unix:/nonexistent")),
        ],
    );
    wait_until("the home screen to be spoken", || pids(&log).len() == 1);
    let first = pids(&log)[0].clone();
    let said = std::fs::read_to_string(log.join(format!("said.{first}"))).expect("said");
    assert!(said.contains("один — Баланс"), "{said}");
    assert!(
        said.contains("<break"),
        "sentences are separated by pauses: {said}"
    );
    assert!(alive(&first));

    // A key that changes nothing on the screen still silences the voice, and says nothing new.
    kiosk.keys("+");
    wait_until("the utterance to be killed", || !alive(&first));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(pids(&log).len(), 1, "nothing new was said");

    // A new screen is spoken; a key while it speaks kills it.
    kiosk.keys("1");
    wait_until("the balance screen to be spoken", || pids(&log).len() == 2);
    let second = pids(&log)[1].clone();
    let said = std::fs::read_to_string(log.join(format!("said.{second}"))).expect("said");
    assert!(
        said.contains("двадцать пять тысяч четыреста тридцать рублей пятьдесят копеек"),
        "{said}"
    );
    kiosk.keys("r");
    wait_until("the repeat", || pids(&log).len() == 3);
    assert!(
        !alive(&second),
        "the repeat replaced the utterance in progress"
    );
    let third = pids(&log)[2].clone();
    assert_eq!(
        std::fs::read_to_string(log.join(format!("said.{third}"))).expect("said"),
        said
    );

    // Quitting silences the voice too: it does not talk on after the kiosk has gone.
    // Esc alone, then 0 and 1 («Да, выйти») once home is spoken: an Esc followed at once by a
    // key reads as Alt+key.
    kiosk.keys("\x1b");
    wait_until("the home screen again", || pids(&log).len() == 4);
    kiosk.keys("01");
    wait_until("the kiosk to quit", || {
        kiosk.child.try_wait().is_ok_and(|status| status.is_some())
    });
    let last = pids(&log).last().cloned().expect("a pid");
    wait_until("the last utterance to end with the kiosk", || !alive(&last));
}

/// A stand-in for espeak-ng that fails the way espeak-ng 1.51 does without a sound device: a
/// message on standard error and exit status 0.
const FAILING_ESPEAK: &str = r#"#!/bin/sh
if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 0.0-test  Data at: none"; exit 0; fi
cat > /dev/null
echo "error: No such file or directory" >&2
exit 0
"#;

#[test]
fn a_voice_that_fails_turns_itself_off_with_one_sentence_and_the_kiosk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().expect("temp dir");
    let fake = tools.path().join("espeak-ng");
    std::fs::write(&fake, FAILING_ESPEAK).expect("write the fake");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut kiosk = SpeakingKiosk::start_with(
        "ru_RU.UTF-8",
        &["--speech", "espeak"],
        &[
            ("OPORA_ESPEAK", fake.as_path()),
            ("PULSE_SERVER", Path::new("unix:/nonexistent")),
        ],
    );
    wait_until("the sentence that the voice is off", || {
        kiosk
            .screen_text()
            .contains("Голос выключен: синтезатор речи сообщил об ошибке: error: No such file")
    });
    // Keys still work.
    kiosk.keys("1");
    wait_until("the balance screen", || {
        kiosk.screen_text().contains("Пенсионная карта")
    });
}

#[test]
fn plain_mode_speaks_only_when_asked() {
    let home = tempfile::tempdir().expect("temp dir");
    let wav = home.path().join("plain.wav");
    let run = |args: &[&str]| {
        let mut child = std::process::Command::new(common::binary())
            .args(args)
            .env("OPORA_HOME", home.path())
            .env("OPORA_TODAY", "2026-11-25")
            .env("LANG", "ru_RU.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("OPORA_SPEECH")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("run opora");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"1\n")
            .expect("write");
        let out = child.wait_with_output().expect("output");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The default in plain mode is silence: a screen reader speaks there.
    let config = home.path().join("config.toml");
    std::fs::write(&config, format!("[speech]\nwav = {:?}\n", wav)).expect("config");
    let printed = run(&["--plain"]);
    assert!(printed.contains("Пенсионная карта"), "{printed}");
    assert!(!wav.exists(), "plain mode spoke without being asked");
    // Asked for, the last screen (the balance) is spoken before the program ends.
    run(&["--plain", "--speech", "wav"]);
    let (seconds, loudest) = audio(&wav);
    assert!(seconds > 3.0 && loudest > 1000, "{seconds:.2} s");
}

#[test]
fn doctor_reports_what_it_found_and_what_it_chose() {
    let home = tempfile::tempdir().expect("temp dir");
    let doctor = |args: &[&str]| {
        let out = std::process::Command::new(common::binary())
            .args(args)
            .arg("doctor")
            .env("OPORA_HOME", home.path())
            .env_remove("OPORA_SPEECH")
            .output()
            .expect("run opora doctor");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let report = doctor(&["--lang", "en", "--speech", "off"]);
    assert!(report.starts_with("Computer check\n"), "{report}");
    assert!(report.contains("Terminal: "), "{report}");
    assert!(report.contains("Voice: off — the voice is off"), "{report}");
    assert!(
        report.contains("espeak-ng: found (") && report.contains("voices: ru, en"),
        "espeak-ng with Russian and English voices must be installed: {report}"
    );
    assert!(report.contains("Sound: "), "{report}");
    assert!(report.contains("speech-dispatcher: "), "{report}");
    let report = doctor(&["--lang", "ru", "--speech", "wav"]);
    assert!(report.contains("Голос: wav — выбран: wav"), "{report}");
}
