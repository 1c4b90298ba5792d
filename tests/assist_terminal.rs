//! A whole assisted session run by key presses in the full-screen face of the real binary, in a
//! pseudo-terminal (160×50), in Russian and in English; the outcome and the client's feedback
//! land in the journal.

mod common;

use opora::store::journal::Journal;
use opora_core::journal::{Outcome, Payload};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 50;
const COLS: u16 = 160;
const WAIT: Duration = Duration::from_secs(15);

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Screen {
    fn start(home: &std::path::Path, lang: &str) -> Screen {
        Screen::start_with(home, lang, None)
    }

    /// With `stop_reading_after`, the reader lets go of the terminal once that text shows, so
    /// the test can hang the terminal up by dropping its own ends.
    fn start_with(
        home: &std::path::Path,
        lang: &str,
        stop_reading_after: Option<&'static str>,
    ) -> Screen {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(common::binary());
        cmd.arg("assist");
        cmd.env("OPORA_HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", lang);
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("ACCESSIBLE");
        let child = pty.slave.spawn_command(cmd).expect("spawn opora");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let rows = std::num::NonZeroU16::new(ROWS).expect("rows");
        let cols = std::num::NonZeroU16::new(COLS).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = p.lock().expect("parser");
                parser.process(&buf[..n]);
                if stop_reading_after.is_some_and(|t| parser.screen().contents().contains(t)) {
                    break;
                }
            }
        });
        Screen {
            parser,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_text(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited for {text:?}; the screen shows:\n{}",
            self.contents()
        );
    }

    /// Presses keys, waits for the screen to change and settle, then for `then` if given (text
    /// drawn in ordinary letters: choices may be drawn big). Every key of the session changes
    /// the screen: one that does not within `WAIT` fails the test, with the screen.
    fn press(&mut self, keys: &str, then: Option<&str>) {
        let before = self.contents();
        self.writer.write_all(keys.as_bytes()).expect("keys");
        self.writer.flush().expect("flush");
        let start = Instant::now();
        let mut last = before.clone();
        let mut stable_since = Instant::now();
        loop {
            assert!(
                start.elapsed() < WAIT,
                "after {keys:?} the screen {} within {WAIT:?}; it shows:\n{last}",
                if last == before {
                    "did not change"
                } else {
                    "did not settle"
                }
            );
            std::thread::sleep(Duration::from_millis(20));
            let now = self.contents();
            if now != last {
                last = now;
                stable_since = Instant::now();
            } else if last != before && stable_since.elapsed() > Duration::from_millis(120) {
                break;
            }
        }
        if let Some(text) = then {
            self.wait_text(text);
        }
    }

    fn exit_ok(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("opora did not exit; the screen shows:\n{}", self.contents());
    }
}

fn configured_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp");
    std::fs::write(
        home.path().join("config.toml"),
        "bank_key = \"the bank's shared secret key\"\ndevice_id = \"pty-1\"\n",
    )
    .expect("config");
    home
}

/// The texts (in ordinary letters) some steps wait for, in one language.
struct Texts {
    lang: &'static str,
    staff_field: &'static str,
    step: fn(u8) -> String,
    consent_hint: &'static str,
    staff_menu: &'static str,
    outcome_hint: &'static str,
    fcr_hint: &'static str,
    /// On the home screen and on the balance, in ordinary letters.
    home: &'static str,
    balance: &'static str,
}

/// What the terminal sends for F9, the staff key.
const F9: &str = "\x1b[20~";

fn run_session(t: &Texts) {
    let home = configured_home();
    let mut s = Screen::start(home.path(), t.lang);
    s.wait_text(t.staff_field);
    for c in ["s", "t", "7"] {
        s.press(c, None);
    }
    s.press("\r", Some(&(t.step)(2)));
    s.press("2", None);
    for c in "89123456789".chars() {
        s.press(&c.to_string(), None);
    }
    s.press("\r", Some(&(t.step)(3)));
    s.press("1", Some(&(t.step)(4)));
    s.press("4", Some(&(t.step)(5)));
    s.press("1", Some(&(t.step)(6)));
    for c in ["T", "v", "e", "r"] {
        s.press(c, None);
    }
    s.press("\r", Some(t.consent_hint));
    s.press("1", Some(&(t.step)(8)));
    // Goal: the balance; then the client practises on the kiosk itself. Each step waits for
    // its screen, so a busy machine cannot run keys together.
    s.press("1", None);
    s.press("6", Some(t.home));
    s.press("1", Some(t.balance));
    s.press("\x1b", Some(t.home));
    // F9, the staff key: "now the client alone"; the balance again, unaided.
    s.press(F9, Some(t.staff_menu));
    s.press("3", Some(t.home));
    s.press("1", Some(t.balance));
    s.press("\x1b", Some(t.home));
    // F9: end the check; the observed outcome, confirmed.
    s.press(F9, Some(t.staff_menu));
    s.press("3", Some(t.outcome_hint));
    s.press("1", Some(t.fcr_hint));
    s.press("1", None);
    s.press("5", None);
    s.press("\r", None);
    s.press("\r", None);
    s.press("1", None);
    s.press("0", None);
    s.press("\r", None);
    s.press("1", None);
    s.writer.write_all(b"2").expect("keys");
    s.writer.flush().expect("flush");
    assert!(s.exit_ok(), "opora assist ends cleanly");
    let events = Journal::open(&home.path().join("journal.db"))
        .expect("journal")
        .events()
        .expect("events");
    assert!(
        events.iter().any(|e| e.payload
            == Payload::Feedback {
                csat: Some(5),
                ces: None,
                nps: Some(10)
            }),
        "{events:?}"
    );
    assert!(events.iter().any(|e| matches!(
        e.payload,
        Payload::SessionEnded {
            outcome: Outcome::Alone,
            computed: Some(Outcome::Alone),
            fcr: Some(true),
            ..
        }
    )));
    assert!(
        events.iter().any(
            |e| matches!(&e.payload, Payload::ScreenEntered { screen, .. } if screen == "balance")
        ),
        "the kiosk's own screens are in the journal"
    );
}

#[test]
fn a_whole_session_by_keys_in_russian() {
    run_session(&Texts {
        lang: "ru_RU.UTF-8",
        staff_field: "Номер сотрудника",
        step: |n| format!("шаг {n} из 8"),
        consent_hint: "Прочитайте вопрос вслух",
        staff_menu: "Вернуться к экрану клиента",
        outcome_hint: "Opora видела",
        fcr_hint: "Сделали ли мы то, зачем вы пришли?",
        home: "что вы хотите сделать?",
        balance: "Накопительный счёт",
    });
}

#[test]
fn a_whole_session_by_keys_in_english() {
    run_session(&Texts {
        lang: "en_US.UTF-8",
        staff_field: "Staff id",
        step: |n| format!("step {n} of 8"),
        consent_hint: "Read the question aloud",
        staff_menu: "Back to the client's screen",
        outcome_hint: "Opora saw",
        fcr_hint: "Did we do what you came for today?",
        home: "what would you like to do?",
        balance: "Savings account",
    });
}

#[test]
fn a_closed_window_ends_the_session() {
    let home = configured_home();
    let s = Screen::start_with(home.path(), "en_US.UTF-8", Some("Staff id"));
    s.wait_text("Staff id");
    let Screen {
        writer,
        mut child,
        _master,
        ..
    } = s;
    drop(writer);
    drop(_master);
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if child.try_wait().expect("wait").is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("opora assist kept running after its terminal hung up");
}
