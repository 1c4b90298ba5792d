//! The real `opora` binary in a pseudo-terminal of a chosen size (80×24, 120×40…), driven by
//! key presses and read back through a VT100 emulator, with its own `OPORA_HOME` so a second
//! command (`opora sandbox unblock-card`) can reach the same practice bank.

use opora::tui::big_font::ladder;
use opora::tui::big_text::BigText;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

/// The sizes every walk is made at: a laptop terminal and a large kiosk window.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The two languages, as `LANG` values.
pub const LANGS: [&str; 2] = ["ru_RU.UTF-8", "en_GB.UTF-8"];

/// The sentence a screen too small to draw shows (ru, en).
pub const TOO_SMALL: [&str; 2] = ["Окно слишком маленькое", "window is too small"];

pub struct Kiosk {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    home: tempfile::TempDir,
    pub cols: u16,
    pub rows: u16,
    pub lang: &'static str,
}

impl Kiosk {
    /// Starts the kiosk in a `cols`×`rows` terminal, silent, on a fresh practice bank.
    pub fn start(lang: &'static str, (cols, rows): (u16, u16)) -> Kiosk {
        Kiosk::start_with(lang, (cols, rows), &[])
    }

    /// The same, with extra environment variables.
    pub fn start_with(lang: &'static str, (cols, rows): (u16, u16), env: &[(&str, &str)]) -> Kiosk {
        let home = tempfile::tempdir().expect("temp dir");
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(super::common::binary());
        cmd.env("OPORA_HOME", home.path());
        cmd.env("OPORA_TODAY", "2026-11-25");
        cmd.env("OPORA_SPEECH", "off");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", lang);
        for name in [
            "LC_ALL",
            "LC_MESSAGES",
            "ACCESSIBLE",
            "NO_COLOR",
            "OPORA_VOICE_MODEL",
        ] {
            cmd.env_remove(name);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn opora");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        Kiosk {
            parser,
            writer,
            _master: pty.master,
            child,
            home,
            cols,
            rows,
            lang,
        }
    }

    /// Whether the kiosk speaks English.
    pub fn en(&self) -> bool {
        self.lang.starts_with("en")
    }

    /// The Russian or the English text, as the kiosk's language wants.
    pub fn tr<'a>(&self, ru: &'a str, en: &'a str) -> &'a str {
        if self.en() { en } else { ru }
    }

    /// Where the kiosk keeps its files.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn rows_text(&self) -> Vec<String> {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .rows(0, self.cols)
            .collect()
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    /// Presses keys one at a time, each after the screen has settled, as a person does.
    pub fn press(&mut self, keys: &str) {
        for key in keys.chars() {
            self.settle();
            self.keys(&key.to_string());
        }
        self.settle();
    }

    /// Waits until the screen has not changed for a moment.
    pub fn settle(&self) {
        let mut last = self.screen();
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(120));
            let now = self.screen();
            if now == last || start.elapsed() > WAIT {
                return;
            }
            last = now;
        }
    }

    /// Waits until `check` holds; fails with the screen if it never does.
    pub fn wait(&self, what: &str, check: impl Fn(&Kiosk) -> bool) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if check(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!(
            "{}×{} {}: waited for {what}; the screen shows:\n{}",
            self.cols,
            self.rows,
            self.lang,
            self.screen()
        );
    }

    /// Waits for `text` in ordinary letters (a line may wrap: spaces and line ends are equal).
    pub fn wait_text(&self, text: &str) {
        self.wait(text, |k| k.shows(text));
    }

    /// Whether `text` is on the screen, in ordinary or big letters, wrapped or not.
    pub fn shows(&self, text: &str) -> bool {
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        flat(&self.screen()).contains(&flat(text)) || self.shows_big_wrapped(text)
    }

    /// Waits for `text` drawn in big letters, in any of the bundled sizes.
    pub fn wait_big(&self, text: &str) {
        self.wait(&format!("{text} in big letters"), |k| {
            contains_big(&k.rows_text(), text)
        });
    }

    /// The number of the choice labelled `label`, in ordinary or big letters (choices may move:
    /// a walk names what it takes, as a person reads it).
    pub fn number_of(&self, label: &str) -> Option<u8> {
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let screen = flat(&self.screen());
        (1..=6u8).find(|n| {
            screen.contains(&format!("{n} {label}"))
                || screen.contains(&format!("{n}. {label}"))
                // A lone number is too easy to find: its line holds a word of the label too.
                || self.big_split(&format!("{n} {label}"), 2)
        })
    }

    /// Whether `text` is drawn big, perhaps wrapped over several lines of big letters.
    pub fn shows_big_wrapped(&self, text: &str) -> bool {
        self.big_split(text, 1)
    }

    /// Whether `text` is drawn big in pieces of whole words, the first of at least `first`.
    fn big_split(&self, text: &str, first: usize) -> bool {
        let rows = self.rows_text();
        let words: Vec<&str> = text.split_whitespace().collect();
        fn split(rows: &[String], words: &[&str]) -> bool {
            words.is_empty()
                || (1..=words.len())
                    .rev()
                    .any(|n| contains_big(rows, &words[..n].join(" ")) && split(rows, &words[n..]))
        }
        !words.is_empty()
            && (first.min(words.len())..=words.len())
                .rev()
                .any(|n| contains_big(&rows, &words[..n].join(" ")) && split(&rows, &words[n..]))
    }

    /// Takes the choice labelled `label` once it is on the screen.
    pub fn choose(&mut self, label: &str) {
        self.wait(&format!("the choice «{label}»"), |k| {
            k.number_of(label).is_some()
        });
        let n = self.number_of(label).unwrap_or(0);
        self.press(&n.to_string());
    }

    /// Waits for the home screen.
    pub fn wait_home(&self) {
        self.wait_text(self.tr(
            "Мария Ивановна, что вы хотите сделать?",
            "Maria Ivanovna, what would you like to do?",
        ));
    }

    /// Fails if the screen asks for a bigger window.
    pub fn assert_drawn(&self, what: &str) {
        let screen = self.screen();
        assert!(
            !TOO_SMALL.iter().any(|t| screen.contains(t)),
            "{}×{} {}: {what} asks for a bigger window:\n{screen}",
            self.cols,
            self.rows,
            self.lang
        );
    }

    /// Whether the program has ended, waiting up to `limit`.
    pub fn exited_within(&mut self, limit: Duration) -> Option<bool> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return Some(status.success());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        None
    }

    /// Runs another `opora` command against the same practice bank (staff at a second shell).
    pub fn opora(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(super::common::binary())
            .args(args)
            .env("OPORA_HOME", self.home())
            .env("OPORA_TODAY", "2026-11-25")
            .env("LANG", self.lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("run opora")
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether the screen rows show `text` as drawn by the big-text widget in some size.
pub fn contains_big(rows: &[String], text: &str) -> bool {
    ladder().iter().any(|&font| {
        let big = BigText::new(font, text);
        let (w, h) = big.size();
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        (&big).render(buf.area, &mut buf);
        let pattern: Vec<String> = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
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

/// Every size and language a walk is made in.
pub fn everywhere() -> impl Iterator<Item = (&'static str, (u16, u16))> {
    LANGS
        .into_iter()
        .flat_map(|lang| SIZES.into_iter().map(move |size| (lang, size)))
}
