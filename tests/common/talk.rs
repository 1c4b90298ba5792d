//! A plain-mode conversation with the real binary: answers prompts as they come, like a person
//! at a screen reader, and hands back what was printed since the last prompt. A prompt that
//! never comes fails the test with everything printed so far.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How long a screen may take to appear (a loaded machine building and starting a binary).
const WAIT: Duration = Duration::from_secs(20);

pub struct Talk {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    seen: String,
}

impl Talk {
    /// Starts `opora ARGS --plain` with `OPORA_HOME=home` and a fixed practice date.
    pub fn start(home: &Path, args: &[&str]) -> Talk {
        Talk::start_with_env(home, args, &[])
    }

    /// The same, with extra environment variables.
    pub fn start_with_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Talk {
        let mut command = Command::new(super::binary());
        command
            .args(args)
            .arg("--plain")
            .env("OPORA_HOME", home)
            .env("OPORA_TODAY", "2026-11-25")
            .env("OPORA_SPEECH", "off")
            .env_remove("OPORA_VOICE_MODEL");
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn opora");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // Prompts have no newline: read byte-wise and cut at "> " as well as at newlines.
            let mut reader = BufReader::new(stdout);
            let mut current = Vec::new();
            let mut byte = [0u8; 1];
            while let Ok(1) = reader.read(&mut byte) {
                current.push(byte[0]);
                if byte[0] == b'\n' || current.ends_with(b"> ") {
                    let _ = tx.send(String::from_utf8_lossy(&current).into_owned());
                    current.clear();
                }
            }
            let _ = reader.fill_buf();
        });
        let mut talk = Talk {
            child,
            stdin,
            lines: rx,
            seen: String::new(),
        };
        talk.until_prompt();
        talk
    }

    /// Reads until the next prompt; returns what was printed since the last one.
    pub fn until_prompt(&mut self) -> String {
        let mut screen = String::new();
        loop {
            let piece = self
                .lines
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("no prompt; so far:\n{}{screen}", self.seen));
            screen.push_str(&piece);
            if piece.ends_with("> ") {
                self.seen.push_str(&screen);
                return screen;
            }
        }
    }

    /// Types a line and returns the screen that follows.
    pub fn say(&mut self, line: &str) -> String {
        writeln!(self.stdin, "{line}").expect("write");
        self.until_prompt()
    }

    /// Types a line, and fails with the screen unless what follows contains `expected`.
    pub fn expect(&mut self, line: &str, expected: &str) -> String {
        let screen = self.say(line);
        assert!(
            screen.contains(expected),
            "after {line:?} expected {expected:?}; the screen:\n{screen}"
        );
        screen
    }

    /// Types a last line (one that ends the program: no prompt follows).
    pub fn last(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").expect("write");
    }

    /// Everything printed so far.
    pub fn seen(&self) -> &str {
        &self.seen
    }

    /// Ends the input and waits for the program to finish.
    pub fn finish(mut self) -> std::process::ExitStatus {
        drop(self.stdin);
        let _ = self.lines.recv_timeout(Duration::from_millis(200));
        self.child.wait().expect("wait")
    }
}

/// The confirmation code shown on the simulated phone («Код 1234.» / "Code 1234.").
pub fn code_in(screen: &str) -> String {
    ["Код ", "Code "]
        .iter()
        .flat_map(|word| screen.split(word).skip(1))
        .find_map(|s| {
            let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() == 4).then_some(digits)
        })
        .unwrap_or_else(|| panic!("no code in:\n{screen}"))
}
