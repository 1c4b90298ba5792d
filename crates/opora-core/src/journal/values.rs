//! The closed vocabularies of the journal: client segments, age bands, channels, outcomes and
//! how a step was done. Their serde names are what the journal stores.

use serde::{Deserialize, Serialize};

/// The client groups of the bank's strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Senior,
    DigitalAdept,
    Other,
}

/// Age bands: <45, 45–59, 60–74, 75+.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "<45")]
    Under45,
    #[serde(rename = "45-59")]
    From45To59,
    #[serde(rename = "60-74")]
    From60To74,
    #[serde(rename = "75+")]
    From75,
}

/// Where the session happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    BranchKiosk,
    MobileBrigade,
    SelfPractice,
}

/// The result of the "now do it alone" check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Alone,
    WithHelp,
    NotYet,
    Declined,
}

/// How a step was done: a digit (or a typed line), arrows and Enter, or a voice command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputMode {
    Key,
    Voice,
    Arrows,
}
