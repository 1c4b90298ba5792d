//! speech-dispatcher through the `tts` crate: the desktop's shared speech service, the one
//! screen readers use. Its client library can block forever (no audio, a service that never
//! starts), so the engine is created and used only on a worker thread of its own, and every call
//! waits at most a timeout. A call that times out turns this speaker off for good: the thread
//! stuck inside the library is left behind (a thread cannot be killed), never the screen.
//!
//! [`Guarded`] is that arrangement for any [`Engine`]; [`Dispatcher`] is the real engine. Tests
//! put a fake engine that never answers behind the same guard.

use super::{Rate, Speaker, SpeechError, Voice};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long speech-dispatcher may take to start, or to answer a call.
pub const TIMEOUT: Duration = Duration::from_secs(3);

/// A speech engine that lives on one thread and may block.
pub trait Engine {
    fn speak(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError>;
    fn stop(&mut self) -> Result<(), SpeechError>;
}

enum Call {
    Speak(String, Voice),
    Stop,
}

/// Where the worker thread sends the answer to one call.
type Reply = Sender<Result<(), SpeechError>>;

/// An [`Engine`] on its own thread; every call waits at most `timeout`.
pub struct Guarded {
    name: &'static str,
    calls: Option<Sender<(Call, Reply)>>,
    timeout: Duration,
}

impl Guarded {
    /// Creates the engine with `make` on a new thread and waits at most `timeout` for it.
    pub fn start<E, F>(
        name: &'static str,
        make: F,
        timeout: Duration,
    ) -> Result<Guarded, SpeechError>
    where
        E: Engine,
        F: FnOnce() -> Result<E, SpeechError> + Send + 'static,
    {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (calls_tx, calls_rx) = mpsc::channel::<(Call, Reply)>();
        std::thread::Builder::new()
            .name(format!("opora-{name}"))
            .spawn(move || {
                let mut engine = match make() {
                    Ok(engine) => {
                        let _ = ready_tx.send(Ok(()));
                        engine
                    }
                    Err(error) => {
                        let _ = ready_tx.send(Err(error));
                        return;
                    }
                };
                for (call, reply) in calls_rx {
                    let result = match call {
                        Call::Speak(text, voice) => engine.speak(&text, voice),
                        Call::Stop => engine.stop(),
                    };
                    let _ = reply.send(result);
                }
            })
            .map_err(|e| SpeechError::Engine(e.to_string()))?;
        wait(&ready_rx, timeout)?;
        Ok(Guarded {
            name,
            calls: Some(calls_tx),
            timeout,
        })
    }

    fn call(&mut self, call: Call) -> Result<(), SpeechError> {
        let Some(calls) = &self.calls else {
            return Err(SpeechError::Timeout {
                seconds: self.timeout.as_secs(),
            });
        };
        let (reply_tx, reply_rx) = mpsc::channel();
        if calls.send((call, reply_tx)).is_err() {
            self.calls = None;
            return Err(SpeechError::Engine("the speech thread ended".into()));
        }
        let result = wait(&reply_rx, self.timeout);
        if matches!(result, Err(SpeechError::Timeout { .. })) {
            // The engine is stuck; nothing more is sent to it.
            self.calls = None;
        }
        result
    }
}

fn wait(replies: &Receiver<Result<(), SpeechError>>, timeout: Duration) -> Result<(), SpeechError> {
    match replies.recv_timeout(timeout) {
        Ok(result) => result,
        Err(RecvTimeoutError::Timeout) => Err(SpeechError::Timeout {
            seconds: timeout.as_secs().max(1),
        }),
        Err(RecvTimeoutError::Disconnected) => {
            Err(SpeechError::Engine("the speech thread ended".into()))
        }
    }
}

impl Speaker for Guarded {
    fn say(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError> {
        self.call(Call::Speak(text.to_string(), voice))
    }

    fn stop(&mut self) -> Result<(), SpeechError> {
        self.call(Call::Stop)
    }

    fn name(&self) -> &'static str {
        self.name
    }
}

/// speech-dispatcher, through the `tts` crate.
pub struct Dispatcher {
    tts: tts::Tts,
    lang: Option<opora_core::i18n::Lang>,
}

impl Dispatcher {
    /// Connects to speech-dispatcher. Call only on a worker thread ([`start`] does).
    fn connect() -> Result<Dispatcher, SpeechError> {
        let tts = tts::Tts::new(tts::Backends::SpeechDispatcher)
            .map_err(|e| SpeechError::Engine(e.to_string()))?;
        Ok(Dispatcher { tts, lang: None })
    }

    /// Picks the service's voice for the language, if it has one.
    fn set_language(&mut self, lang: opora_core::i18n::Lang) -> Result<(), SpeechError> {
        if self.lang == Some(lang) {
            return Ok(());
        }
        let voices = self
            .tts
            .voices()
            .map_err(|e| SpeechError::Engine(e.to_string()))?;
        let voice = voices
            .iter()
            .find(|v| v.language().primary_language() == lang.code())
            .ok_or(SpeechError::NoVoice)?;
        self.tts
            .set_voice(voice)
            .map_err(|e| SpeechError::Engine(e.to_string()))?;
        self.lang = Some(lang);
        Ok(())
    }

    /// The service's rate scale for words per minute: its normal rate at 180 wpm, its ends at
    /// our slowest and fastest.
    fn scaled_rate(&self, rate: Rate) -> f32 {
        let wpm = f32::from(rate.words_per_minute());
        let normal_wpm = 180.0;
        let (min, normal, max) = (
            self.tts.min_rate(),
            self.tts.normal_rate(),
            self.tts.max_rate(),
        );
        if wpm <= normal_wpm {
            let share =
                (normal_wpm - wpm) / (normal_wpm - f32::from(Rate::SLOWEST.words_per_minute()));
            normal - share * (normal - min)
        } else {
            let share =
                (wpm - normal_wpm) / (f32::from(Rate::FASTEST.words_per_minute()) - normal_wpm);
            normal + share * (max - normal)
        }
    }
}

impl Engine for Dispatcher {
    fn speak(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError> {
        self.set_language(voice.lang)?;
        let rate = self.scaled_rate(voice.rate);
        self.tts
            .set_rate(rate)
            .map_err(|e| SpeechError::Engine(e.to_string()))?;
        self.tts
            .speak(text, true)
            .map(|_| ())
            .map_err(|e| SpeechError::Engine(e.to_string()))
    }

    fn stop(&mut self) -> Result<(), SpeechError> {
        self.tts
            .stop()
            .map(|_| ())
            .map_err(|e| SpeechError::Engine(e.to_string()))
    }
}

/// speech-dispatcher behind the guard: created on its worker thread, every call timed.
pub fn start(timeout: Duration) -> Result<Guarded, SpeechError> {
    Guarded::start("speech-dispatcher", Dispatcher::connect, timeout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use opora_core::i18n::Lang;

    /// An engine that never answers, as speech-dispatcher does on a machine without audio.
    struct Silent;

    impl Engine for Silent {
        fn speak(&mut self, _: &str, _: Voice) -> Result<(), SpeechError> {
            std::thread::park();
            Ok(())
        }
        fn stop(&mut self) -> Result<(), SpeechError> {
            std::thread::park();
            Ok(())
        }
    }

    const VOICE: Voice = Voice {
        lang: Lang::Ru,
        rate: Rate::DEFAULT,
    };

    /// An engine stuck in its first call until the test lets it go; it logs every call it
    /// gets, and its end.
    struct Stuck {
        release: Receiver<()>,
        log: Sender<&'static str>,
    }

    impl Engine for Stuck {
        fn speak(&mut self, _: &str, _: Voice) -> Result<(), SpeechError> {
            let _ = self.log.send("speak");
            let _ = self.release.recv();
            Ok(())
        }
        fn stop(&mut self) -> Result<(), SpeechError> {
            let _ = self.log.send("stop");
            Ok(())
        }
    }

    impl Drop for Stuck {
        fn drop(&mut self) {
            let _ = self.log.send("ended");
        }
    }

    #[test]
    fn an_engine_that_never_answers_times_out_and_stays_off() {
        let (release, released) = mpsc::channel();
        let (log_tx, log) = mpsc::channel();
        let mut speaker = Guarded::start(
            "stuck",
            move || {
                Ok(Stuck {
                    release: released,
                    log: log_tx,
                })
            },
            Duration::from_millis(200),
        )
        .expect("starts");
        assert!(matches!(
            speaker.say("Баланс.", VOICE),
            Err(SpeechError::Timeout { .. })
        ));
        // Off for good: the next call is refused without reaching the engine, even once the
        // engine could answer again.
        assert!(matches!(speaker.stop(), Err(SpeechError::Timeout { .. })));
        release.send(()).expect("the engine is still there");
        assert!(matches!(
            speaker.say("Помощь.", VOICE),
            Err(SpeechError::Timeout { .. })
        ));
        drop(speaker);
        let calls: Vec<&str> = log.iter().collect();
        assert_eq!(calls, ["speak", "ended"]);
    }

    #[test]
    fn an_engine_that_never_starts_times_out() {
        let result = Guarded::start(
            "never",
            || -> Result<Silent, SpeechError> {
                std::thread::park();
                Ok(Silent)
            },
            Duration::from_millis(200),
        );
        assert!(matches!(result, Err(SpeechError::Timeout { .. })));
    }

    #[test]
    fn an_engine_that_answers_is_used() {
        struct Echo(Sender<String>);
        impl Engine for Echo {
            fn speak(&mut self, text: &str, _: Voice) -> Result<(), SpeechError> {
                let _ = self.0.send(text.to_string());
                Ok(())
            }
            fn stop(&mut self) -> Result<(), SpeechError> {
                Ok(())
            }
        }
        let (tx, rx) = mpsc::channel();
        let mut speaker =
            Guarded::start("echo", move || Ok(Echo(tx)), Duration::from_secs(2)).expect("starts");
        speaker.say("Баланс.", VOICE).expect("says");
        speaker.stop().expect("stops");
        assert_eq!(rx.recv().expect("heard"), "Баланс.");
    }

    #[test]
    fn a_failing_engine_reports_its_error() {
        let result = Guarded::start(
            "broken",
            || -> Result<Silent, SpeechError> { Err(SpeechError::Engine("no service".into())) },
            Duration::from_secs(2),
        );
        assert_eq!(result.err(), Some(SpeechError::Engine("no service".into())));
    }
}
