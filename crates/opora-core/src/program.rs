//! What a program is, to the faces that run it: a pure state machine that takes messages (keys,
//! what voice heard, its edge's answers), returns effects, and shows one screen at a time.
//! The kiosk, the assisted session and the dashboard each implement [`Program`]; the full-screen
//! runner (`opora::tui::runner`) and the plain runner (`opora::plain::runner`) run any of them,
//! and hand every effect that is not the face's own ([`FaceRequest`]) to the program's edge.

use crate::i18n::I18n;
use crate::input::{Key, RateStep};
use crate::voice::meaning::VoiceMsg;
use crate::voice::{Context, VoiceLang};

/// What a program asks of the face that runs it: to stop, to say the screen again or at
/// another rate, to listen. Everything else a program asks for is its edge's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaceRequest {
    Quit,
    RepeatScreen,
    SpeechRate(RateStep),
    Listen,
    StopListening,
}

/// A state machine a face can run.
pub trait Program {
    /// Everything the program reacts to.
    type Msg: Send + 'static;
    /// Everything it asks for: requests to the face, work for its edge.
    type Effect: Send + 'static;
    /// What one screen of it looks like (a [`ScreenModel`](crate::screen_model::ScreenModel)
    /// for the kiosk and the session).
    type View;

    /// Reacts to one message; returns what must be done.
    fn update(&mut self, msg: Self::Msg) -> Vec<Self::Effect>;

    /// The current screen.
    fn view(&self, i18n: &I18n) -> Self::View;

    /// Whether the program has finished (the face then stops).
    fn is_quitting(&self) -> bool;

    /// A key press, as a message.
    fn key(key: Key) -> Self::Msg;

    /// The face's part of an effect, if it is one; `None` means the edge's work.
    fn face_request(effect: &Self::Effect) -> Option<FaceRequest>;

    /// What voice input reports, as a message; `None` for programs that do not listen.
    fn voice(msg: VoiceMsg) -> Option<Self::Msg> {
        let _ = msg;
        None
    }

    /// What the current screen accepts by voice, for the recogniser's grammar and the parser;
    /// `None` when nothing is listened for.
    fn voice_context(&self, i18n: &I18n, lang: VoiceLang) -> Option<Context> {
        let _ = (i18n, lang);
        None
    }

    /// Shows one warning sentence on the current screen (the voice turned itself off).
    fn show_warning(&mut self, sentence: String) {
        let _ = sentence;
    }

    /// Work to do now and then while the screen waits (the full-screen face asks about once a
    /// second, the plain face before each line it reads): re-reading what another program may
    /// have changed, such as staff unblocking the practice card from a shell.
    fn refresh(&self) -> Vec<Self::Effect> {
        Vec::new()
    }
}

/// Carries out a program's work and answers with messages: the practice bank, the journal, the
/// report. It runs wherever the face puts it (a worker thread under the full-screen face).
pub trait Edge<P: Program>: Send + 'static {
    /// Does one piece of work; the messages that answer it (often none).
    fn handle(&mut self, effect: P::Effect) -> Vec<P::Msg>;
}
