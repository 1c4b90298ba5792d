//! When Opora speaks, the same on every face: a new screen is said whole, a new notice on the
//! same screen (an error, a result) is said, what is typed into a field is not news to the
//! person typing it, any key silences the voice at once, `r` says the screen again and `<` / `>`
//! step the rate and say it again after one word about the change («Медленнее.»). The speaker
//! runs on its own thread ([`SpeechEdge`]); when it fails it is dropped and the face shows the
//! one sentence [`SpeechPolicy::take_failure`] hands it.

use super::edge::{ChooseSpeaker, SpeechEdge};
use super::{Rate, Speaker, SpeechError, Voice};
use opora_core::i18n::I18n;
use opora_core::input::RateStep;
use opora_core::screen_model::ScreenModel;
use std::sync::mpsc::{self, Receiver};

/// Opora's voice as the faces use it.
pub struct SpeechPolicy {
    /// The speech thread; `None` when the voice is off (or has failed).
    edge: Option<SpeechEdge>,
    failures: Receiver<SpeechError>,
    voice: Voice,
    /// The screen last said: its text without the notice or the field, and the notice.
    said: Option<(String, Option<String>)>,
    /// Say the next screen even if unchanged, after this preface (empty: none).
    again: Option<String>,
    /// The spoken form of the screen last seen: a notice only shown (the text size) leaves it
    /// as it was, and is not read.
    last_spoken: String,
}

impl SpeechPolicy {
    /// Speaks with `speaker`, or stays silent with `None`. A thread that cannot be started is
    /// the sentence returned beside a silent policy.
    pub fn start(
        speaker: Option<Box<dyn Speaker>>,
        lang: opora_core::i18n::Lang,
        rate: Rate,
    ) -> (SpeechPolicy, Option<SpeechError>) {
        match speaker {
            Some(speaker) => {
                SpeechPolicy::start_choosing(Box::new(move || Ok(Some(speaker))), lang, rate)
            }
            None => (
                SpeechPolicy::with_edge(None, mpsc::channel().1, lang, rate),
                None,
            ),
        }
    }

    /// Starts speaking with the speaker `choose` picks on the speech thread, so the first frame
    /// never waits for the choice; a failure to choose arrives like a failure to speak
    /// ([`SpeechPolicy::take_failure`]).
    pub fn start_choosing(
        choose: ChooseSpeaker,
        lang: opora_core::i18n::Lang,
        rate: Rate,
    ) -> (SpeechPolicy, Option<SpeechError>) {
        let (failed, failures) = mpsc::channel();
        let mut problem = None;
        let edge = match SpeechEdge::spawn_choosing(choose, move |error| {
            let _ = failed.send(error);
        }) {
            Ok(edge) => Some(edge),
            Err(error) => {
                problem = Some(SpeechError::Engine(error.to_string()));
                None
            }
        };
        (SpeechPolicy::with_edge(edge, failures, lang, rate), problem)
    }

    fn with_edge(
        edge: Option<SpeechEdge>,
        failures: mpsc::Receiver<SpeechError>,
        lang: opora_core::i18n::Lang,
        rate: Rate,
    ) -> SpeechPolicy {
        SpeechPolicy {
            edge,
            failures,
            voice: Voice { lang, rate },
            said: None,
            again: None,
            last_spoken: String::new(),
        }
    }

    /// A policy that never speaks.
    pub fn silent(lang: opora_core::i18n::Lang) -> SpeechPolicy {
        SpeechPolicy::start(None, lang, Rate::default()).0
    }

    pub fn is_on(&self) -> bool {
        self.edge.as_ref().is_some_and(SpeechEdge::is_running)
    }

    /// Stops speaking at once (a key was pressed, or the client is about to be listened to).
    pub fn hush(&self) {
        if let Some(edge) = &self.edge {
            edge.stop();
        }
    }

    /// The voice failed since last asked: it is off from now on, and this says why.
    pub fn take_failure(&mut self) -> Option<SpeechError> {
        let error = self.failures.try_recv().ok()?;
        self.edge = None;
        Some(error)
    }

    /// Say the next screen again even if it has not changed (`r`, «повтори»).
    pub fn repeat(&mut self) {
        self.again = Some(String::new());
    }

    /// Steps the rate, and has the screen said again at the new rate after a word that says
    /// what changed, or that the rate is already at its end.
    pub fn step_rate(&mut self, step: RateStep, i18n: &I18n) {
        let (next, changed, at_end) = match step {
            RateStep::Slower => (self.voice.rate.slower(), "speech-slower", "speech-slowest"),
            RateStep::Faster => (self.voice.rate.faster(), "speech-faster", "speech-fastest"),
        };
        self.again = Some(match next {
            Some(rate) => {
                self.voice.rate = rate;
                i18n.t(changed)
            }
            None => i18n.t(at_end),
        });
    }

    /// Says the screen when it is a new one, when a new notice appeared on it (and in what is
    /// said), or when asked to say it again. A notice that merely went away (the next key) is
    /// not worth reading the whole screen again.
    pub fn screen(&mut self, model: &ScreenModel) {
        let Some(edge) = &self.edge else {
            return;
        };
        let notice = model
            .notice
            .as_ref()
            .map(|n| format!("{}: {}", n.label, n.text));
        let mut without_notice = model.clone();
        without_notice.notice = None;
        without_notice.field = None;
        let screen = (
            model.id.to_string() + &without_notice.text_lines().join("\n"),
            notice,
        );
        let again = self.again.take();
        let new_screen = self.said.as_ref().is_none_or(|(s, _)| *s != screen.0);
        let spoken_changed = self.last_spoken != model.spoken;
        let new_notice = screen.1.is_some()
            && spoken_changed
            && self.said.as_ref().is_none_or(|(_, n)| *n != screen.1);
        self.said = Some(screen);
        self.last_spoken.clone_from(&model.spoken);
        if again.is_none() && !new_screen && !new_notice {
            return;
        }
        let text = match again.filter(|p| !p.is_empty()) {
            Some(preface) => format!("{preface} {}", model.spoken),
            None => model.spoken.clone(),
        };
        edge.say(&text, self.voice);
    }
}
