//! Why a file Opora was asked to read (a journal to import, a trainer's lesson, a bank's locale
//! file) was not read: it is not a regular file, it is larger than such a file can sensibly be,
//! or the system refused it. The edge does the reading; the sentence is said by `i18n`, in the
//! person's language.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// A folder, a FIFO, a device or a socket: reading it could hang or never end.
    NotAFile,
    /// Larger than this kind of file may be.
    TooBig { max_bytes: u64 },
    /// The system's own words (no such file, permission denied…).
    Io(String),
}
