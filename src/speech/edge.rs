//! A speaker on a thread of its own, so speech never blocks input. The face only sends it
//! messages (say this, stop); a failure comes back once, through `on_failure`, and the thread
//! ends: from then on the voice is off and the face says so in one sentence.

use super::{Speaker, SpeechError, Voice};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// How often the thread looks at the utterance in progress for a failure.
const CHECK_EVERY: Duration = Duration::from_millis(100);

enum Command {
    Say(String, Voice),
    Stop,
}

/// How long dropping the handle waits for the voice to fall silent (a speech-dispatcher call can
/// take its whole timeout; the program does not wait that long to quit).
const SILENCE_WAIT: Duration = Duration::from_millis(500);

/// The handle the face keeps. Dropping it stops speech and ends the thread: the voice does not
/// go on talking after Opora has quit.
pub struct SpeechEdge {
    commands: Option<Sender<Command>>,
    /// Closed by the thread when it has stopped its speaker and ended.
    ended: mpsc::Receiver<()>,
    /// The speaker's name, once it is chosen.
    name: Arc<OnceLock<&'static str>>,
}

/// Which speaker the thread speaks with, decided on the thread: `Ok(None)` is "no voice".
pub type ChooseSpeaker = Box<dyn FnOnce() -> Result<Option<Box<dyn Speaker>>, SpeechError> + Send>;

impl SpeechEdge {
    /// Starts the thread with `speaker`. `on_failure` is called at most once, from that thread.
    pub fn spawn(
        speaker: Box<dyn Speaker>,
        on_failure: impl FnOnce(SpeechError) + Send + 'static,
    ) -> std::io::Result<SpeechEdge> {
        SpeechEdge::spawn_choosing(Box::new(move || Ok(Some(speaker))), on_failure)
    }

    /// Starts the thread, which first chooses its speaker with `choose` (asking espeak-ng its
    /// version, or speech-dispatcher whether it answers, takes from milliseconds to seconds:
    /// never before the first frame). What is said meanwhile waits; of it only the last
    /// sentence is spoken. A failure to choose is reported through `on_failure`, like a failure
    /// to speak; no speaker at all ends the thread quietly.
    pub fn spawn_choosing(
        choose: ChooseSpeaker,
        on_failure: impl FnOnce(SpeechError) + Send + 'static,
    ) -> std::io::Result<SpeechEdge> {
        let name = Arc::new(OnceLock::new());
        let named = Arc::clone(&name);
        let (commands, inbox) = mpsc::channel::<Command>();
        let (ended_tx, ended) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("opora-speech".into())
            .spawn(move || {
                // Dropped when the thread ends, which the handle's drop waits for.
                let _ended = ended_tx;
                let mut speaker = match choose() {
                    Ok(Some(speaker)) => speaker,
                    Ok(None) => return,
                    Err(error) => return on_failure(error),
                };
                let _ = named.set(speaker.name());
                if let Err(error) = speak(speaker.as_mut(), &inbox) {
                    let _ = speaker.stop();
                    on_failure(error);
                }
            })?;
        Ok(SpeechEdge {
            commands: Some(commands),
            ended,
            name,
        })
    }

    /// Whether the speech thread still runs: it ends when no speaker was found, or one failed.
    pub fn is_running(&self) -> bool {
        matches!(self.ended.try_recv(), Err(mpsc::TryRecvError::Empty))
    }

    fn send(&self, command: Command) {
        if let Some(commands) = &self.commands {
            let _ = commands.send(command);
        }
    }

    /// Says `text`, stopping what was being said.
    pub fn say(&self, text: &str, voice: Voice) {
        self.send(Command::Say(text.to_string(), voice));
    }

    /// Stops speaking at once.
    pub fn stop(&self) {
        self.send(Command::Stop);
    }

    /// The speaker's name (`espeak-ng`, `speech-dispatcher`…), once it is chosen.
    pub fn name(&self) -> Option<&'static str> {
        self.name.get().copied()
    }
}

/// Says what the face asks until it lets go (then stops the speaker) or the speaker fails.
fn speak(speaker: &mut dyn Speaker, inbox: &Receiver<Command>) -> Result<(), SpeechError> {
    loop {
        let command = match inbox.recv_timeout(CHECK_EVERY) {
            Ok(command) => command,
            Err(RecvTimeoutError::Timeout) => {
                speaker.check()?;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return speaker.stop(),
        };
        // Of a burst of commands (keys pressed quickly) only the last matters.
        let last = inbox.try_iter().last().unwrap_or(command);
        match last {
            Command::Say(text, voice) => speaker.say(&text, voice)?,
            Command::Stop => speaker.stop()?,
        }
    }
}

impl Drop for SpeechEdge {
    fn drop(&mut self) {
        // Closing the channel makes the thread stop its speaker and end.
        self.commands = None;
        let _ = self.ended.recv_timeout(SILENCE_WAIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speech::Rate;
    use crate::speech::recorder::{Heard, Recorder};
    use opora_core::i18n::Lang;
    use std::time::Instant;

    const VOICE: Voice = Voice {
        lang: Lang::Ru,
        rate: Rate::DEFAULT,
    };

    fn wait_for(recorder: &Recorder, count: usize) -> Vec<Heard> {
        let start = Instant::now();
        while recorder.heard().len() < count && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        recorder.heard()
    }

    #[test]
    fn commands_reach_the_speaker_in_order() {
        let recorder = Recorder::new();
        let edge = SpeechEdge::spawn(Box::new(recorder.clone()), |_| {}).expect("thread");
        edge.say("Баланс.", VOICE);
        wait_for(&recorder, 1);
        edge.stop();
        let heard = wait_for(&recorder, 2);
        assert_eq!(
            heard,
            vec![
                Heard::Say {
                    text: "Баланс.".into(),
                    voice: VOICE
                },
                Heard::Stop
            ]
        );
        assert_eq!(edge.name(), Some("recorder"));
        drop(edge);
        // Dropping the handle stops the speaker before it returns.
        assert_eq!(recorder.heard().last(), Some(&Heard::Stop));
        assert_eq!(recorder.heard().len(), 3);
    }

    #[test]
    fn a_failure_is_reported_once_and_the_thread_ends() {
        struct Broken;
        impl Speaker for Broken {
            fn say(&mut self, _: &str, _: Voice) -> Result<(), SpeechError> {
                Err(SpeechError::NoAudio)
            }
            fn stop(&mut self) -> Result<(), SpeechError> {
                Ok(())
            }
            fn name(&self) -> &'static str {
                "broken"
            }
        }
        let (tx, rx) = mpsc::channel();
        let edge = SpeechEdge::spawn(Box::new(Broken), move |e| {
            let _ = tx.send(e);
        })
        .expect("thread");
        edge.say("Баланс.", VOICE);
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(5)),
            Ok(SpeechError::NoAudio)
        );
        // Later commands go nowhere and block nothing: the thread has ended, and with it the
        // only sender of reports, so none can ever come.
        edge.say("Ещё.", VOICE);
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(20)),
            Err(mpsc::RecvTimeoutError::Disconnected)
        );
    }
}
