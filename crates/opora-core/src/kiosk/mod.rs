//! The practice kiosk as a pure state machine: keys, voice meanings and the bank's replies go in
//! as [`Msg`](crate::input::Msg); [`Effect`](crate::input::Effect)s come out for the edges to
//! carry out; [`view`] turns the state into a [`ScreenModel`](crate::screen_model::ScreenModel)
//! that every face (terminal, plain text, speech) renders.

pub mod app;
pub mod flow;
pub mod heard;
pub mod lesson_run;
pub mod screens;

pub use app::App;
pub use screens::view;

impl crate::program::Program for App {
    type Msg = crate::input::Msg;
    type Effect = crate::input::Effect;
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
        crate::input::Msg::Key(key)
    }

    fn face_request(effect: &Self::Effect) -> Option<crate::program::FaceRequest> {
        effect.face_request()
    }

    fn voice(msg: heard::VoiceMsg) -> Option<Self::Msg> {
        Some(crate::input::Msg::Voice(msg))
    }

    fn voice_context(
        &self,
        i18n: &crate::i18n::I18n,
        lang: crate::voice::VoiceLang,
    ) -> Option<crate::voice::Context> {
        Some(crate::voice::Context::of(self, i18n, lang))
    }

    fn show_warning(&mut self, sentence: String) {
        App::show_warning(self, sentence);
    }
}
