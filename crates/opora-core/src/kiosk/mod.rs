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
