//! What the journal knows of a returning client, for the staff line of their next session.

/// What a returning client has done before, for the staff line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientHistory {
    /// Earlier sessions with consent.
    pub sessions: u32,
    /// Lessons completed at least once, in the order first completed.
    pub lessons_done: Vec<String>,
    /// Lessons started and never completed.
    pub lessons_open: Vec<String>,
    /// The last recorded outcome (`alone`, `with_help`…), if any session ended.
    pub last_outcome: Option<String>,
}
