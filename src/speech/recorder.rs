//! A speaker that only remembers what it was asked to do, for unit tests of the faces.

use super::{Speaker, SpeechError, Voice};
use std::sync::{Arc, Mutex};

/// One request a speaker received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heard {
    Say { text: String, voice: Voice },
    Stop,
}

/// Records every request; a clone shares the record, so a test keeps one and hands the other
/// to the code under test.
#[derive(Clone, Default)]
pub struct Recorder {
    log: Arc<Mutex<Vec<Heard>>>,
}

impl Recorder {
    pub fn new() -> Recorder {
        Recorder::default()
    }

    /// Everything received so far, in order.
    pub fn heard(&self) -> Vec<Heard> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Just the texts said, in order.
    pub fn said(&self) -> Vec<String> {
        self.heard()
            .into_iter()
            .filter_map(|h| match h {
                Heard::Say { text, .. } => Some(text),
                Heard::Stop => None,
            })
            .collect()
    }

    fn push(&self, heard: Heard) {
        if let Ok(mut log) = self.log.lock() {
            log.push(heard);
        }
    }
}

impl Speaker for Recorder {
    fn say(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError> {
        self.push(Heard::Say {
            text: text.to_string(),
            voice,
        });
        Ok(())
    }

    fn stop(&mut self) -> Result<(), SpeechError> {
        self.push(Heard::Stop);
        Ok(())
    }

    fn name(&self) -> &'static str {
        "recorder"
    }
}
