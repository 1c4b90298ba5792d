//! The core of Opora: a pure state machine. Keys (and later voice intents) and replies from the
//! bank go in as [`Msg`]; [`Effect`]s come out for the edges to carry out; [`view`] turns the
//! state into a [`ScreenModel`] that every face (terminal, plain text, speech) renders.

pub mod app;
pub mod assist;
pub mod flow;
pub mod input;
pub mod lessons;
pub mod model;
pub mod screens;
pub mod voice;

pub use app::App;
pub use input::{Effect, Key, Msg, RateStep};
pub use model::ScreenModel;
pub use screens::view;
