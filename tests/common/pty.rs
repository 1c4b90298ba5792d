//! The real `opora` binary in a pseudo-terminal, read through a vt100 parser. The parser never
//! answers a cursor-position query (`ESC [ 6 n`), like a terminal that never answers: a face
//! that waited for one would hang here, and [`Pty::queried_the_cursor`] says whether it asked.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait lasts before the test fails with the screen.
pub const WAIT: Duration = Duration::from_secs(15);

/// A running `opora` in a pseudo-terminal.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set when the reader has read the terminal's end: everything written is in `raw`.
    read_all: Arc<std::sync::atomic::AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has rows and columns")
}

impl Pty {
    /// Starts `opora ARGS` with its files in `home`, in language `lang`, at `cols`×`rows`.
    pub fn start(home: &Path, lang: &str, args: &[&str], (cols, rows): (u16, u16)) -> Pty {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(super::binary());
        cmd.args(args);
        cmd.env("OPORA_HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", lang);
        cmd.env("OPORA_SPEECH", "off");
        for var in ["LC_ALL", "LC_MESSAGES", "ACCESSIBLE", "NO_COLOR"] {
            cmd.env_remove(var);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn opora");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let read_all = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (p, r, done) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&read_all));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Pty {
            parser,
            raw,
            read_all,
            writer,
            child,
            master: pty.master,
        }
    }

    /// The screen's text, row by row.
    pub fn contents(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_text(&self, text: &str) {
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

    /// Types `keys` and waits until the screen changed and settled.
    pub fn press(&mut self, keys: &str) {
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
                return;
            }
        }
    }

    /// Waits until the screen has not changed for a moment (a redraw after a resize is done).
    pub fn settle(&self) {
        let start = Instant::now();
        let mut last = self.contents();
        let mut stable_since = Instant::now();
        while stable_since.elapsed() < Duration::from_millis(200) {
            assert!(start.elapsed() < WAIT, "the screen never settled:\n{last}");
            std::thread::sleep(Duration::from_millis(20));
            let now = self.contents();
            if now != last {
                last = now;
                stable_since = Instant::now();
            }
        }
    }

    /// Types `keys` without waiting for anything.
    pub fn type_keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys");
        self.writer.flush().expect("flush");
    }

    /// Changes the terminal's size, as dragging the window would.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).expect("resize");
    }

    /// Waits for the program to end and everything it wrote to be read; whether it ended well.
    pub fn exit_ok(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Some(status) = self.child.try_wait().expect("wait") {
                while !self.read_all.load(std::sync::atomic::Ordering::SeqCst) {
                    assert!(start.elapsed() < WAIT, "the terminal never closed");
                    std::thread::sleep(Duration::from_millis(10));
                }
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("opora did not exit; the screen shows:\n{}", self.contents());
    }

    /// Everything the program wrote to the terminal so far.
    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }

    /// Whether the program ever asked the terminal where the cursor is.
    pub fn queried_the_cursor(&self) -> bool {
        self.raw_output().contains("\x1b[6n")
    }

    /// Whether the program put the terminal back: cursor shown, main screen restored.
    pub fn restored_the_terminal(&self) -> bool {
        let raw = self.raw_output();
        raw.contains("\x1b[?25h") && raw.contains("\x1b[?1049l")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
