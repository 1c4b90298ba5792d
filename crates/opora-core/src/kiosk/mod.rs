//! The practice kiosk as a pure state machine: keys, voice meanings and the practice bank's
//! answers go in as [`Msg`]; [`Effect`]s come out for the edges to carry out; [`view`] turns the
//! state into the [`ScreenModel`](crate::screen_model::ScreenModel) every face renders.
//!
//! From the bottom up: `flow` (a money action being filled in), `lesson_state`, `screen` (each
//! screen as data, and what a choice does), `offer` (a choice with its label and voice words),
//! `messages`, `state` (the [`App`]); then how it changes — `update` (keys, the bank's answers),
//! `lesson_play`, `heard` (voice) — and what it shows: `family/` (one file per family of
//! screens: view and choices) and `listen` (what the current screen accepts by voice).

mod card_state;
mod code_entry;
pub mod family;
mod feedback;
pub mod flow;
mod heard;
pub mod journey;
mod lesson_play;
pub mod lesson_state;
pub mod listen;
pub mod messages;
pub mod offer;
pub mod question;
pub mod screen;
pub mod state;
mod update;

pub use family::view;
pub use messages::{Effect, Msg};
pub use state::App;

impl crate::program::Program for App {
    type Msg = Msg;
    type Effect = Effect;
    type View = crate::screen_model::ScreenModel;

    fn update(&mut self, msg: Self::Msg) -> Vec<Self::Effect> {
        App::update(self, msg)
    }

    fn view(&self, i18n: &crate::i18n::I18n) -> Self::View {
        view(self, i18n)
    }

    fn is_quitting(&self) -> bool {
        App::is_quitting(self)
    }

    fn key(key: crate::input::Key) -> Self::Msg {
        Msg::Key(key)
    }

    fn face_request(effect: &Self::Effect) -> Option<crate::program::FaceRequest> {
        effect.face_request()
    }

    fn voice(msg: crate::voice::meaning::VoiceMsg) -> Option<Self::Msg> {
        Some(Msg::Voice(msg))
    }

    fn voice_context(
        &self,
        i18n: &crate::i18n::I18n,
        lang: crate::voice::VoiceLang,
    ) -> Option<crate::voice::Context> {
        Some(listen::context(self, i18n, lang))
    }

    fn show_warning(&mut self, sentence: String) {
        App::show_warning(self, sentence);
    }

    /// The practice bank is re-read: `opora sandbox unblock-card` reaches a running kiosk.
    fn refresh(&self) -> Vec<Self::Effect> {
        if self.snapshot.is_some() {
            vec![Effect::LoadSnapshot]
        } else {
            Vec::new()
        }
    }
}
