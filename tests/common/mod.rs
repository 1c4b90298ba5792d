//! Shared helpers for the integration tests: a kiosk session on an in-memory practice bank with
//! a fixed date, driven by keys, and the path of the real binary.
#![allow(dead_code)]

pub mod central;
pub mod fit;
pub mod pg;
pub mod pty;
pub mod run;
pub mod sound;
pub mod talk;
pub mod unprivileged;
pub mod voice;

use opora::edge::{BankEdge, drive, pump};
use opora::locales::LocaleSource;
use opora::store::bank::{Clock, SandboxStore};
use opora_core::i18n::{I18n, Lang};
use opora_core::input::Key;
use opora_core::kiosk::{App, view};
use opora_core::kiosk::{Effect, Msg};
use opora_core::screen_model::ScreenModel;

/// The day every test session lives on, so screens with dates never change.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// A kiosk session on a fresh in-memory practice bank.
pub struct Session {
    pub app: App,
    pub edge: BankEdge,
    pub i18n: I18n,
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        let store = SandboxStore::open_in_memory_with_clock(Clock::Fixed(today()))
            .expect("in-memory sandbox");
        let mut edge = BankEdge::new(store);
        let (mut app, start) = App::new("test");
        app.set_lessons(opora::lesson_files::load(&LocaleSource::Embedded, None).lessons);
        pump(&mut app, &mut edge, start);
        Session {
            app,
            edge,
            i18n: I18n::embedded(lang),
        }
    }

    /// Feeds one message to the kiosk and carries out everything that follows, as the edges
    /// would; returns every effect the kiosk asked for on the way (the bank's work included),
    /// so a test can say that something was never asked for.
    pub fn send(&mut self, msg: Msg) -> Vec<Effect> {
        let mut asked = Vec::new();
        let mut queue: std::collections::VecDeque<Effect> = self.app.update(msg).into();
        while let Some(effect) = queue.pop_front() {
            asked.push(effect.clone());
            if effect.face_request().is_none() {
                for reply in opora_core::program::Edge::handle(&mut self.edge, effect) {
                    queue.extend(self.app.update(reply));
                }
            }
        }
        asked
    }

    pub fn key(&mut self, key: Key) -> &mut Session {
        drive(&mut self.app, &mut self.edge, Msg::Key(key));
        self
    }

    /// Presses a digit key.
    pub fn press(&mut self, digit: u8) -> &mut Session {
        self.key(Key::Digit(digit))
    }

    /// Types text into a field (digits as digit keys) without pressing Enter.
    pub fn type_text(&mut self, text: &str) -> &mut Session {
        for c in text.chars() {
            let key = match c.to_digit(10) {
                Some(d) => Key::Digit(d as u8),
                None => Key::Char(c),
            };
            self.key(key);
        }
        self
    }

    /// Types text and presses Enter.
    pub fn enter(&mut self, text: &str) -> &mut Session {
        self.type_text(text).key(Key::Enter)
    }

    pub fn model(&self) -> ScreenModel {
        view(&self.app, &self.i18n)
    }

    /// The code shown on the simulated phone.
    pub fn code(&self) -> String {
        self.model()
            .phone
            .and_then(|p| p.big)
            .expect("a code on the phone")
    }

    /// Sends 300 ₽ to the first saved person, up to the check screen.
    pub fn up_to_check(&mut self) -> &mut Session {
        self.press(2).press(1).enter("300")
    }
}

/// The real `opora` binary built for this test run.
pub fn binary() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_BIN_EXE_opora"))
}

/// Whether a program is on the PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths)
            .any(|dir| std::fs::metadata(dir.join(program)).is_ok_and(|m| m.is_file()))
    })
}
