//! Running the real binary the way the hardening tests need: input on standard input, a time
//! limit (a hang is a failure, not a stuck test run), and optionally as an unprivileged user
//! (`setpriv` to uid/gid 65534) when the tests run as root, as CI does.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run left behind.
#[derive(Debug)]
pub struct Ran {
    /// The exit code; `None` when it was killed (time limit or signal).
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
}

impl Ran {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    pub fn all(&self) -> String {
        format!("{}{}", self.out(), self.err())
    }

    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }

    /// Neither a panic nor a hang.
    pub fn calm(&self) -> bool {
        !self.timed_out && self.code != Some(101) && !self.err().contains("panicked")
    }
}

/// Who runs the binary.
#[derive(Clone, Debug)]
pub struct Runner {
    pub program: PathBuf,
    /// Run through `setpriv` as uid/gid 65534 (only when the tests are root).
    pub unprivileged: bool,
    pub env: Vec<(String, String)>,
}

impl Runner {
    /// The test's binary, as the current user, with `OPORA_HOME=home` and a fixed date.
    pub fn new(home: &Path) -> Runner {
        Runner {
            program: super::binary(),
            unprivileged: false,
            env: vec![
                ("OPORA_HOME".into(), home.display().to_string()),
                ("OPORA_TODAY".into(), "2026-11-25".into()),
                ("LANG".into(), "ru_RU.UTF-8".into()),
            ],
        }
    }

    pub fn with_env(mut self, name: &str, value: &str) -> Runner {
        self.env.retain(|(n, _)| n != name);
        self.env.push((name.into(), value.into()));
        self
    }

    /// Runs `args` with `input` on standard input, killed after `limit`.
    pub fn run(&self, args: &[&str], input: &[u8], limit: Duration) -> Ran {
        let mut command = if self.unprivileged {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&self.program);
            c
        } else {
            Command::new(&self.program)
        };
        command
            .args(args)
            .env_remove("OPORA_CONFIG")
            .env_remove("OPORA_LOCALES")
            .env_remove("OPORA_LESSONS")
            .env_remove("OPORA_SPEECH")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("TERM", "dumb")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (name, value) in &self.env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("the binary starts");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let mut stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let out = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        let err = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.read_to_end(&mut buf);
            buf
        });
        let deadline = Instant::now() + limit;
        let mut timed_out = false;
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                timed_out = true;
                let _ = child.kill();
                break child.wait().expect("wait after kill");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let _ = writer.join();
        Ran {
            code: status.code(),
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
            timed_out,
        }
    }
}

/// Whether the tests run as root (then "unprivileged" runs go through `setpriv`).
pub fn is_root() -> bool {
    // SAFETY: getuid cannot fail.
    unsafe { libc::getuid() == 0 }
}

/// Bytes a terminal would obey: C0 controls other than the line break, DEL, C1 controls, and
/// the bidirectional overrides. Returns the first one found.
pub fn control_in(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .find(|&c| c != '\n' && opora_core::safe_text::is_unsafe(c))
}
