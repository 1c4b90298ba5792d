//! What the kiosk reacts to ([`Msg`]: keys, what voice heard, the practice bank's answers) and
//! what it asks for ([`Effect`]: the bank's work, lesson events, steps of the journey for the
//! journal, files, and what is the face's own: speaking, listening, quitting).

use crate::bank::{BankError, OpId, Receipt, Snapshot};
use crate::input::{Key, RateStep};
use crate::journal::Payload;
use crate::lessons::progress::{LessonEvent, Progress};
use crate::program::FaceRequest;
use crate::store_error::StoreError;
use crate::voice::meaning::VoiceMsg;
use std::path::PathBuf;

/// Everything the core reacts to.
#[derive(Debug)]
pub enum Msg {
    Key(Key),
    /// The practice bank's state, after start-up or an operation.
    Snapshot(Result<Box<Snapshot>, StoreError>),
    /// The confirmation code for an operation, sent to the "phone".
    CodeIssued {
        op_id: OpId,
        result: Result<String, StoreError>,
    },
    /// The result of executing an operation.
    Executed {
        op_id: OpId,
        result: Result<Receipt, BankError>,
    },
    /// The client's lesson progress, after start-up.
    Progress(Result<Progress, StoreError>),
    /// The take-home reminder was written (to this file), or why not, in the client's language.
    ReminderWritten(Result<PathBuf, String>),
    /// A file (the reminder) was shown by the system's viewer, or could not be.
    FileOpened {
        path: PathBuf,
        opened: bool,
    },
    /// The journal could not keep the journey (said once; the kiosk goes on).
    JournalFailed(StoreError),
    /// Voice input: the recogniser is ready or cannot be used, or it heard something.
    Voice(VoiceMsg),
}

/// What the core asks the edges to do. Each is answered, if at all, by a [`Msg`].
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Read the bank's state → [`Msg::Snapshot`].
    LoadSnapshot,
    /// Send a confirmation code to the simulated phone → [`Msg::CodeIssued`].
    IssueCode { op_id: OpId },
    /// Carry out a confirmed operation → [`Msg::Executed`], then [`Msg::Snapshot`].
    Execute {
        op_id: OpId,
        operation: crate::bank::Operation,
    },
    /// Read the client's lesson progress → [`Msg::Progress`].
    LoadProgress,
    /// Keep a lesson event (progress, quiz answers, drill outcomes); answered by nothing.
    Lesson(LessonEvent),
    /// Write the take-home reminder for a lesson → [`Msg::ReminderWritten`].
    WriteReminder { lesson: String },
    /// Open a file (the reminder) with the system's viewer → [`Msg::FileOpened`].
    OpenFile(PathBuf),
    /// Say the current screen again.
    RepeatScreen,
    /// Step the speaking rate down or up, then say the screen again at the new rate.
    SpeechRate(RateStep),
    /// Listen to the client with the current screen's grammar → [`Msg::Voice`].
    Listen,
    /// Stop listening now (Space again); what was heard so far still arrives.
    StopListening,
    /// Keep a step of the client's journey in the journal ([`Payload`]); answered by nothing.
    Record(Payload),
    /// Unblock the practice card (staff, or the end of a lesson that blocked it) →
    /// [`Msg::Snapshot`].
    UnblockCard,
    /// Leave the program.
    Quit,
}

impl Effect {
    /// The face's part of this effect, if it is one (the rest is the edge's work).
    pub fn face_request(&self) -> Option<FaceRequest> {
        Some(match self {
            Effect::Quit => FaceRequest::Quit,
            Effect::RepeatScreen => FaceRequest::RepeatScreen,
            Effect::SpeechRate(step) => FaceRequest::SpeechRate(*step),
            Effect::Listen => FaceRequest::Listen,
            Effect::StopListening => FaceRequest::StopListening,
            Effect::LoadSnapshot
            | Effect::IssueCode { .. }
            | Effect::Execute { .. }
            | Effect::LoadProgress
            | Effect::Lesson(_)
            | Effect::WriteReminder { .. }
            | Effect::OpenFile(_)
            | Effect::Record(_)
            | Effect::UnblockCard => return None,
        })
    }
}
