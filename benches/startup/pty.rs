//! A program in a fresh 200×60 pseudo-terminal whose output feeds a VT100 emulator, for the
//! start-up benchmark: the moment its first frame shows (taken on the reader thread, after every
//! chunk of output, so no polling interval is added), later texts, keys, peak memory and exit.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ROWS: u16 = 60;
pub const COLS: u16 = 200;
/// How long a program may take to show a text or to exit before it is given up on.
pub const WAIT: Duration = Duration::from_secs(20);

/// The cursor-position query (DSR 6) a terminal must answer with `ESC [ row ; col R`.
const DSR: &[u8] = b"\x1b[6n";

/// A program started in a fresh 200×60 pty whose output is fed to a VT100 emulator.
pub struct Running {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    /// How many cursor-position queries the program sent and the emulated terminal answered.
    pub queries: Arc<AtomicUsize>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// When all the wanted texts were first on the emulated screen.
    shown: mpsc::Receiver<Instant>,
    started: Instant,
}

impl Running {
    pub fn spawn(cmd: CommandBuilder, wanted: &'static [&'static str]) -> Result<Running, String> {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot open a pty: {e}"))?;
        let rows = std::num::NonZeroU16::new(ROWS).expect("rows");
        let cols = std::num::NonZeroU16::new(COLS).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty
            .master
            .try_clone_reader()
            .map_err(|e| format!("pty reader: {e}"))?;
        let writer = Arc::new(Mutex::new(
            pty.master
                .take_writer()
                .map_err(|e| format!("pty writer: {e}"))?,
        ));
        let queries = Arc::new(AtomicUsize::new(0));
        let program = cmd.get_argv()[0].to_string_lossy().into_owned();
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("cannot start {program}: {e}"))?;
        drop(pty.slave);
        let (tx, shown) = mpsc::channel();
        let (p, w, q) = (
            Arc::clone(&parser),
            Arc::clone(&writer),
            Arc::clone(&queries),
        );
        // The master must stay open while the child runs; the reader thread owns it and ends
        // when the child has exited and the pty reports end of file or an error.
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 16384];
            let mut seen = false;
            // The end of the previous chunk, so a query split across two reads is still seen.
            let mut tail: Vec<u8> = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = p.lock().expect("parser");
                parser.process(&buf[..n]);
                // Answer "where is the cursor?" (DSR, ESC [ 6 n) as a real terminal does;
                // vt100 only emulates the screen. Ratatui's `Terminal::clear` asks it.
                tail.extend_from_slice(&buf[..n]);
                let asked = tail.windows(DSR.len()).filter(|x| *x == DSR).count();
                if asked > 0 {
                    let (row, col) = parser.screen().cursor_position();
                    let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                    let mut w = w.lock().expect("writer");
                    for _ in 0..asked {
                        let _ = w.write_all(reply.as_bytes());
                    }
                    let _ = w.flush();
                    q.fetch_add(asked, Ordering::Relaxed);
                    tail.clear();
                }
                let keep = tail.len().saturating_sub(DSR.len() - 1);
                tail.drain(..keep);
                if !seen {
                    let screen = parser.screen().contents();
                    if wanted.iter().all(|w| screen.contains(w)) {
                        seen = true;
                        let _ = tx.send(Instant::now());
                    }
                }
            }
        });
        Ok(Running {
            child,
            writer,
            queries,
            parser,
            shown,
            started,
        })
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Time from the spawn to the wanted text on the screen.
    pub fn first_frame(&mut self, what: &str) -> Result<Duration, String> {
        match self.shown.recv_timeout(WAIT) {
            Ok(at) => Ok(at - self.started),
            Err(_) => {
                let screen = self.screen();
                let _ = self.child.kill();
                let _ = self.child.wait();
                Err(format!(
                    "{what} did not show its first frame within {WAIT:?}; the screen shows:\n{screen}"
                ))
            }
        }
    }

    /// Waits until `text` is on the screen (checked every 5 ms); the time since the spawn.
    pub fn wait_text(&mut self, text: &str, what: &str) -> Result<Duration, String> {
        let from = Instant::now();
        while from.elapsed() < WAIT {
            if self.screen().contains(text) {
                return Ok(self.started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let screen = self.screen();
        let _ = self.child.kill();
        let _ = self.child.wait();
        Err(format!(
            "{what}: «{text}» did not show within {WAIT:?}; the screen shows:\n{screen}"
        ))
    }

    pub fn keys(&mut self, bytes: &str) -> Result<(), String> {
        let mut writer = self.writer.lock().expect("writer");
        writer
            .write_all(bytes.as_bytes())
            .and_then(|()| writer.flush())
            .map_err(|e| format!("cannot send keys: {e}"))
    }

    /// Peak resident memory of the process so far, in kB (Linux: VmHWM in /proc/<pid>/status).
    pub fn peak_rss_kb(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// Waits for the process to exit by itself; the time from now to its exit.
    pub fn exit(&mut self, what: &str) -> Result<Duration, String> {
        let from = Instant::now();
        while from.elapsed() < WAIT {
            match self.child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(from.elapsed()),
                Ok(Some(status)) => return Err(format!("{what} exited with {status:?}")),
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(e) => return Err(format!("waiting for {what}: {e}")),
            }
        }
        let screen = self.screen();
        let _ = self.child.kill();
        let _ = self.child.wait();
        Err(format!(
            "{what} did not exit within {WAIT:?}; the screen shows:\n{screen}"
        ))
    }

    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
