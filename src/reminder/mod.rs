//! The take-home reminder: a large-print A4 PDF of what the client practised, the bank's
//! hotline and three rules against fraud, to print and keep by the phone.
//!
//! The module holds no user text: the caller chooses every sentence from the Fluent messages
//! in the client's language and hands them over in a [`Reminder`]. [`write_pdf`] lays it out
//! ([`layout::layout`], plain data) and writes the file; [`open_in_viewer`] shows it with the
//! system viewer without waiting.
//!
//! Print for weak eyes: body 18 pt, headings 26 pt, title 28 pt, the hotline 40 pt bold in a
//! thick frame, 1.45 line spacing, 25 mm margins, black on white and nothing that relies on
//! colour. Lines are wrapped with the font's real advance widths, so no line crosses the margin;
//! a long reminder runs onto more pages, numbered «1 / 2». Text is set in DejaVu Sans
//! (bundled under `assets/fonts/dejavu/`), embedded as a subset with a ToUnicode map, so
//! Cyrillic and ₽ print and `pdftotext` reads them back.
//!
//! Why `pdf-writer` (with `ttf-parser` and `subsetter`): it is the small, well-kept writer under
//! Typst, it adds only three small crates to the build (no image or compression stacks, unlike
//! `printpdf`; about 5 s of a clean debug build on this project's 2-core machines), and it gives
//! exact control over the embedded font and ToUnicode map, which is what makes the Cyrillic text
//! extractable.

pub mod layout;
mod pdf;
mod pdf_font;
mod viewer;
pub mod wrap;

use std::path::{Path, PathBuf};

pub use layout::{Layout, layout};
pub use pdf_font::Weight;
pub use viewer::{DEFAULT_VIEWER, VIEWER_ENV, open_in_viewer};

/// Everything the reminder says, already in the client's language (texts come from Fluent
/// messages chosen by the caller; this module holds no user text of its own).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reminder {
    /// E.g. the lesson title, «Как безопасно переводить деньги».
    pub title: String,
    /// E.g. «Памятка для Марии Ивановны, 26 ноября 2026».
    pub subtitle: Option<String>,
    /// «Что мы сделали».
    pub steps_heading: String,
    /// Numbered in the PDF: 1., 2., …; the section is left out when there are none.
    pub steps: Vec<String>,
    /// «Телефон банка».
    pub hotline_heading: String,
    /// «8 800 100-00-00», printed huge. No-break spaces keep it on one line.
    pub hotline: String,
    pub hotline_note: Option<String>,
    /// «Три правила против мошенников».
    pub rules_heading: String,
    /// Three fraud rules, numbered; the section is left out when there are none.
    pub rules: Vec<String>,
    pub footer: Option<String>,
}

/// Why a reminder could not be written or shown. The messages are for logs and staff; the
/// screen says it in the client's language.
#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    #[error("cannot write the reminder to {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the reminder's font cannot be used: {0}")]
    Font(String),
    #[error("no viewer to open {path}: {viewer} was not found (set OPORA_VIEWER)")]
    NoViewer { viewer: PathBuf, path: PathBuf },
    #[error("cannot start the viewer {viewer}: {source}")]
    Viewer {
        viewer: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the viewer {viewer} could not open the file")]
    ViewerFailed { viewer: PathBuf },
}

/// The reminder as PDF bytes.
pub fn to_pdf_bytes(reminder: &Reminder) -> Result<Vec<u8>, ReminderError> {
    let regular = pdf_font::FontFace::load(Weight::Regular)?;
    let bold = pdf_font::FontFace::load(Weight::Bold)?;
    let layout = layout::layout(reminder)?;
    pdf::render(&layout, &reminder.title, &regular, &bold)
}

/// Writes the reminder as a PDF to `path`, creating missing parent folders (private). The file
/// appears whole or not at all, readable by its owner only: it is written beside the target
/// and renamed into place.
pub fn write_pdf(reminder: &Reminder, path: &Path) -> Result<(), ReminderError> {
    let bytes = to_pdf_bytes(reminder)?;
    let write_error = |source| ReminderError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::files::private::private_dir(parent).map_err(write_error)?;
    }
    // A private file made exclusively beside the target, renamed into place: private to its
    // owner, whole or not at all, and nothing planted beside it receives the content.
    crate::files::private::replace_with(path, |file| {
        use std::io::Write;
        file.write_all(&bytes)
    })
    .map_err(write_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unwritable_path_names_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "not a folder").expect("write");
        let target = blocker.join("reminder.pdf");
        let err = write_pdf(&Reminder::default(), &target).expect_err("cannot write");
        assert!(matches!(&err, ReminderError::Write { path, .. } if path == &target));
        assert!(err.to_string().contains("reminder.pdf"), "{err}");
    }

    #[test]
    fn a_folder_as_target_is_an_error_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).expect("mkdir");
        let err = write_pdf(&Reminder::default(), &target).expect_err("cannot replace a folder");
        assert!(matches!(err, ReminderError::Write { .. }));
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "only the folder remains");
    }

    #[test]
    fn the_same_reminder_gives_the_same_bytes() {
        let reminder = Reminder {
            title: "Памятка".into(),
            hotline: "900".into(),
            ..Reminder::default()
        };
        let a = to_pdf_bytes(&reminder).expect("pdf");
        let b = to_pdf_bytes(&reminder).expect("pdf");
        assert_eq!(a, b);
        assert!(a.starts_with(b"%PDF-"));
    }
}
