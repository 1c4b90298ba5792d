//! The real `opora` binary in a real pseudo-terminal (200×60), driven by key presses, its screen
//! read back through a VT100 emulator — as a person at the kiosk would use it.

mod common;

use opora::tui::big_font::ladder;
use opora::tui::big_text::BigText;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 60;
/// A line the home screen shows in ordinary text at any size (its choices may be big).
const HOME_RU: &str = "Мария Ивановна, что вы хотите сделать?";
const COLS: u16 = 200;
const WAIT: Duration = Duration::from_secs(15);
/// How long the voice model may take to load on a busy machine.
const MODEL_LOAD: Duration = Duration::from_secs(90);

struct Kiosk {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    /// The terminal's master side: resizing goes through it, and dropping it (with the writer
    /// and the reader) hangs the terminal up.
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _home: tempfile::TempDir,
}

impl Kiosk {
    fn start(lang: &str) -> Kiosk {
        Kiosk::start_with(lang, None, &[])
    }

    /// Starts the kiosk; with `stop_reading_after`, the reader lets go of the terminal once that
    /// text has appeared, so the test can hang the terminal up by dropping its own ends.
    fn start_with(lang: &str, stop_reading_after: Option<&'static str>, args: &[&str]) -> Kiosk {
        Kiosk::start_with_env(lang, stop_reading_after, args, &[])
    }

    /// The same, with extra environment variables.
    fn start_with_env(
        lang: &str,
        stop_reading_after: Option<&'static str>,
        args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Kiosk {
        let home = tempfile::tempdir().expect("temp dir");
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(common::binary());
        cmd.args(args);
        cmd.env("OPORA_HOME", home.path());
        cmd.env("OPORA_TODAY", "2026-11-25");
        // Silent: these tests read the screen; speech has its own tests.
        cmd.env("OPORA_SPEECH", "off");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", lang);
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("ACCESSIBLE");
        cmd.env_remove("NO_COLOR");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn opora");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let rows = std::num::NonZeroU16::new(ROWS).expect("rows");
        let cols = std::num::NonZeroU16::new(COLS).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        // The reader thread owns a clone of the master; it ends when the child closes the slave.
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = p.lock().expect("parser");
                parser.process(&buf[..n]);
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
                if stop_reading_after.is_some_and(|t| parser.screen().contents().contains(t)) {
                    break;
                }
            }
        });
        Kiosk {
            parser,
            raw,
            writer,
            master: pty.master,
            child,
            _home: home,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn rows(&self) -> Vec<String> {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .rows(0, COLS)
            .collect()
    }

    fn cursor(&self) -> (u16, u16) {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .cursor_position()
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    /// Waits until `check` holds for the screen; fails with the screen if it never does.
    fn wait(&self, what: &str, check: impl Fn(&Kiosk) -> bool) {
        self.wait_up_to(WAIT, what, check);
    }

    fn wait_up_to(&self, limit: Duration, what: &str, check: impl Fn(&Kiosk) -> bool) {
        let start = Instant::now();
        while start.elapsed() < limit {
            if check(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("waited for {what}; the screen shows:\n{}", self.screen());
    }

    fn wait_text(&self, text: &str) {
        self.wait(text, |k| k.screen().contains(text));
    }

    /// Waits for `text` drawn in big letters, in any of the bundled sizes.
    fn wait_big(&self, text: &str) {
        self.wait(&format!("{text} in big letters"), |k| {
            contains_big(&k.rows(), text)
        });
    }

    fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("opora did not exit; the screen shows:\n{}", self.screen());
    }

    fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }
}

/// Whether the screen rows show `text` as drawn by the big-text widget in some size.
fn contains_big(rows: &[String], text: &str) -> bool {
    ladder().iter().any(|&font| {
        let big = BigText::new(font, text);
        let (w, h) = big.size();
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        (&big).render(buf.area, &mut buf);
        let pattern: Vec<String> = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        // Glyph rows that are blank say nothing; match the inked ones.
        let inked: Vec<(usize, &String)> = pattern
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.trim().is_empty())
            .collect();
        let Some(&(first, first_row)) = inked.first() else {
            return false;
        };
        rows.iter().enumerate().any(|(y, row)| {
            row.match_indices(first_row.as_str()).any(|(byte, _)| {
                let col = row[..byte].chars().count();
                inked.iter().all(|(dy, pat)| {
                    rows.get(y + dy - first).is_some_and(|r| {
                        r.chars()
                            .skip(col)
                            .take(pat.chars().count())
                            .collect::<String>()
                            == **pat
                    })
                })
            })
        })
    })
}

#[test]
fn send_money_by_keys_and_read_the_new_balance() {
    let mut kiosk = Kiosk::start("ru_RU.UTF-8");
    kiosk.wait_text("УЧЕБНЫЙ РЕЖИМ — деньги не настоящие");
    kiosk.wait_text(HOME_RU);

    // The balance, drawn big.
    kiosk.keys("1");
    kiosk.wait_big("25\u{a0}430,50 ₽");
    kiosk.keys("\x1b");
    kiosk.wait_text("Мария Ивановна, что вы хотите сделать?");

    // 2 send → 1 daughter → 300 → Enter → 1 confirm → the code from the phone → Enter.
    kiosk.keys("2");
    // In a terminal this size the choices are big.
    kiosk.wait_big("1 Ольга (дочь)");
    kiosk.keys("1");
    kiosk.wait_text("Шаг 2 из 4");
    kiosk.keys("300\r");
    kiosk.wait_text("Останется: 25\u{a0}130,50 ₽");
    kiosk.keys("1");
    kiosk.wait("the code on the phone", |k| {
        read_code(&k.screen()).is_some()
    });
    let code = read_code(&kiosk.screen()).expect("a code");
    kiosk.keys(&format!("{code}\r"));
    kiosk.wait_text("Остаток: 25\u{a0}130,50 ₽");
    // Enter again on the done screen takes the focused choice (home), never a second transfer.
    kiosk.keys("2");
    kiosk.wait_big("25\u{a0}130,50 ₽");

    // 0 on home, then 1 «Да, выйти», quits and leaves the terminal as it was.
    kiosk.keys("\x1b");
    kiosk.wait_text("Мария Ивановна, что вы хотите сделать?");
    kiosk.keys("01");
    assert!(kiosk.exit_status().success());
    let raw = kiosk.raw_output();
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?25h"), "showed the cursor again");
    // This terminal never answers where its cursor is: the kiosk must never ask.
    assert!(!raw.contains("\x1b[6n"), "asked for the cursor position");
}

/// The code in the SMS on the simulated phone («Код 4119. …»).
fn read_code(screen: &str) -> Option<String> {
    screen.split("Код ").skip(1).find_map(|s| {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4).then_some(digits)
    })
}

#[test]
fn english_by_locale_with_arrows_help_and_the_cursor_on_the_focus() {
    let mut kiosk = Kiosk::start("en_GB.UTF-8");
    kiosk.wait_text("PRACTICE MODE — not real money");
    kiosk.wait_text("Maria Ivanovna, what would you like to do?");
    // The cursor sits on the focused choice, on the row of its ▶ (in big letters or not):
    // first on 1, after ↓ on 2, further down.
    let on_focus = |k: &Kiosk| {
        let row = k.cursor().0;
        k.rows()
            .get(usize::from(row))
            .is_some_and(|r| r.contains('▶'))
            .then_some(row)
    };
    kiosk.wait("cursor on choice 1", |k| on_focus(k).is_some());
    let first = on_focus(&kiosk).expect("cursor on the focus");
    kiosk.keys("\x1b[B");
    kiosk.wait("cursor on choice 2", |k| {
        on_focus(k).is_some_and(|row| row > first)
    });
    // Enter takes the focused choice.
    kiosk.keys("\r");
    kiosk.wait_big("1 Olga (daughter)");
    // ? opens help for this screen; Esc closes it.
    kiosk.keys("?");
    kiosk.wait_text("Choose who gets the money");
    kiosk.keys("\x1b");
    kiosk.wait_big("1 Olga (daughter)");
    // Ctrl-C quits cleanly.
    kiosk.keys("\x03");
    assert!(kiosk.exit_status().success());
    assert!(kiosk.raw_output().contains("\x1b[?1049l"));
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut kiosk = Kiosk::start("ru_RU.UTF-8");
    kiosk.wait_text(HOME_RU);
    let pid = kiosk.child.process_id().expect("pid");
    // The shell's own `kill`, so no extra package is needed.
    let status = std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .expect("kill");
    assert!(status.success());
    kiosk.exit_status();
    let raw = kiosk.raw_output();
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?25h"), "showed the cursor again");
}

#[test]
fn a_tiny_terminal_asks_to_be_enlarged_and_resizing_lays_out_again() {
    let kiosk = Kiosk::start("ru_RU.UTF-8");
    kiosk.wait_text(HOME_RU);
    // As a terminal emulator does: its own grid changes first, then the program is told.
    let resize = |rows: u16, cols: u16| {
        kiosk.parser.lock().expect("parser").screen_mut().set_size(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
        );
        kiosk
            .master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    };
    resize(10, 40);
    kiosk.wait_text("Окно слишком маленькое");
    resize(ROWS, COLS);
    kiosk.wait("the home screen again", |k| {
        let screen = k.screen();
        screen.contains(HOME_RU) && !screen.contains("Окно слишком маленькое")
    });
}

#[test]
fn a_closed_terminal_ends_the_kiosk() {
    let Kiosk {
        parser,
        writer,
        master,
        mut child,
        _home,
        ..
    } = Kiosk::start_with("ru_RU.UTF-8", Some(HOME_RU), &[]);
    let start = Instant::now();
    while !parser
        .lock()
        .expect("parser")
        .screen()
        .contents()
        .contains(HOME_RU)
    {
        assert!(start.elapsed() < WAIT, "the home screen never appeared");
        std::thread::sleep(Duration::from_millis(30));
    }
    // The reader has let go; dropping our ends closes the terminal, as closing a window does.
    drop(writer);
    drop(master);
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "ended with {status:?}");
            break;
        }
        assert!(
            start.elapsed() < WAIT,
            "opora kept running on a closed terminal"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Voice in the full-screen kiosk: the model loads on its own thread while the first screen is
/// already there; Space listens (here to a WAV of Korean commands spoken by espeak-ng instead
/// of a microphone); what was heard is shown big and the screen changes.
#[test]
fn space_listens_and_a_spoken_number_chooses() {
    let model = common::voice::korean_model();
    let dir = tempfile::tempdir().expect("temp dir");
    let wav = common::voice::korean_commands(dir.path(), "kiosk", &["사", "이"]);
    let (model, wav) = (model.to_string_lossy(), wav.to_string_lossy());
    let mut kiosk = Kiosk::start_with(
        "ru_RU.UTF-8",
        None,
        &["--voice-model", &model, "--voice-input", &wav],
    );
    kiosk.wait_text(HOME_RU);
    // Space works once the model has loaded; the keys line says so. Loading the model takes a
    // few seconds alone, and much longer while the other terminal tests run beside it.
    let ready = "Пробел — сказать голосом";
    kiosk.wait_up_to(MODEL_LOAD, ready, |k| k.screen().contains(ready));
    // «사», four: blocking the card, which asks first; «이», two: «Нет», back home.
    kiosk.keys(" ");
    kiosk.wait_text("•• 4321");
    kiosk.wait_big("«사»");
    kiosk.keys(" ");
    kiosk.wait_text(HOME_RU);
    kiosk.wait_big("«이»");
    // A key clears what was heard; keys go on working as ever.
    kiosk.keys("\x1b");
    kiosk.wait("the banner gone", |k| !contains_big(&k.rows(), "«이»"));
    kiosk.keys("\x1b");
    kiosk.wait_text("Мария Ивановна, что вы хотите сделать?");
    kiosk.keys("01");
    assert!(kiosk.exit_status().success());
}

/// With a model but no recording, the full-screen kiosk tries the microphone; the sound
/// system's messages never land on the screen, and with a microphone that cannot be opened
/// (an ALSA configuration of the test's own, whatever this machine has) Space says in one
/// sentence why voice is off.
#[test]
fn the_sound_system_never_writes_on_the_screen() {
    let model = common::voice::korean_model();
    let model = model.to_string_lossy();
    let alsa = tempfile::tempdir().expect("temp dir");
    let config = common::sound::alsa_config(alsa.path(), common::sound::Microphone::Missing);
    let mut kiosk = Kiosk::start_with_env(
        "ru_RU.UTF-8",
        None,
        &["--voice-model", &model],
        &[("ALSA_CONFIG_PATH", config.as_os_str())],
    );
    kiosk.wait_text(HOME_RU);
    kiosk.keys(" ");
    kiosk.wait_text("Голосовые команды выключены: микрофон не открылся");
    kiosk.keys("01");
    assert!(kiosk.exit_status().success());
    assert!(
        !kiosk.raw_output().contains("ALSA"),
        "{}",
        kiosk.raw_output()
    );
}
