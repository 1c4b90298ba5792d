//! Writing and opening the take-home reminder at the end of a lesson: gathers the lesson's
//! recap, the bank's hotline and three fraud rules in the client's language, and hands them to
//! the PDF writer (`crate::reminder`). Files go to `<data dir>/reminders/` and nowhere else,
//! private to their owner.

use crate::locales::LocaleSource;
use crate::reminder::{Reminder, open_in_viewer, write_pdf};
use opora_core::bank::Snapshot;
use opora_core::i18n::{I18n, Lang};
use opora_core::lessons::Lesson;
use opora_core::tr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Makes reminders in one language. The texts are loaded when a reminder is made (rarely), on
/// the bank's thread: the message bundles cannot move between threads.
pub struct ReminderMaker {
    dir: PathBuf,
    lang: Lang,
    locales: LocaleSource,
    lessons: Vec<Arc<Lesson>>,
    /// The date printed on session reminders (`OPORA_TODAY` for reproducible runs).
    today: Option<chrono::NaiveDate>,
}

impl ReminderMaker {
    pub fn new(
        dir: PathBuf,
        lang: Lang,
        locales: LocaleSource,
        lessons: Vec<Arc<Lesson>>,
    ) -> ReminderMaker {
        ReminderMaker {
            dir,
            lang,
            locales,
            lessons,
            today: None,
        }
    }

    /// Prints this date on session reminders instead of the computer's.
    pub fn with_today(mut self, today: Option<chrono::NaiveDate>) -> ReminderMaker {
        self.today = today;
        self
    }

    /// The reminder's content for a lesson.
    pub fn content(lesson: &Lesson, snapshot: Option<&Snapshot>, i18n: &I18n) -> Reminder {
        Reminder {
            title: i18n.t(&lesson.title),
            subtitle: snapshot.map(|s| tr!(i18n, "reminder-subtitle", date = i18n.date(s.today))),
            steps_heading: i18n.t("reminder-steps"),
            steps: lesson.recap.iter().map(|id| i18n.t(id)).collect(),
            hotline_heading: i18n.t("reminder-hotline"),
            hotline: snapshot.map(|s| s.hotline.clone()).unwrap_or_default(),
            hotline_note: Some(i18n.t("reminder-hotline-note")),
            rules_heading: i18n.t("reminder-rules"),
            rules: (1..=3)
                .map(|n| i18n.t(&format!("reminder-rule-{n}")))
                .collect(),
            footer: Some(i18n.t("reminder-footer")),
        }
    }

    /// The reminder's file: `name` in the reminders folder, and only there. Lesson ids are
    /// `[a-z0-9-]` (the lesson checker), but the name is checked here too: no separator, no
    /// `..`, nothing that could lead out of the folder, and never one of Opora's own files.
    fn file(&self, name: &str) -> Result<PathBuf, String> {
        let safe = !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
            && !name.contains("..");
        let path = self.dir.join(name);
        let own = crate::files::target::own_files(
            &crate::paths::data_dir(),
            &crate::paths::config_file(),
        );
        if !safe
            || path.parent() != Some(self.dir.as_path())
            || crate::files::target::is_own(&path, &own)
        {
            return Err(opora_core::safe_text::line(name).into_owned());
        }
        Ok(path)
    }

    /// Writes the reminder of a lesson; the path, or a sentence saying why not.
    pub fn write(&self, lesson: &str, snapshot: Option<&Snapshot>) -> Result<PathBuf, String> {
        let i18n = crate::locales::load(self.lang, &self.locales);
        let Some(lesson) = self.lessons.iter().find(|l| l.id == lesson) else {
            return Err(tr!(i18n, "reminder-failed", reason = lesson.to_string()));
        };
        let date = snapshot.map_or_else(|| "reminder".to_string(), |s| s.today.to_string());
        let content = ReminderMaker::content(lesson, snapshot, &i18n);
        self.file(&format!("{date}-{}-{}.pdf", lesson.id, self.lang.code()))
            .and_then(|path| {
                crate::files::private::private_dir(&self.dir).map_err(|e| e.to_string())?;
                Ok(path)
            })
            .and_then(|path| {
                write_pdf(&content, &path)
                    .map_err(|e| e.to_string())
                    .map(|()| path)
            })
            .map_err(|reason| tr!(i18n, "reminder-failed", reason = reason))
    }

    /// Writes one reminder for the lessons of an assisted session (by key): their recaps under
    /// one title, with the practice bank's hotline and today's date. Keys that are not lessons
    /// this kiosk knows (given on the command line) are left out; none known, no file.
    pub fn write_session(&self, lessons: &[String]) -> Result<PathBuf, String> {
        let i18n = crate::locales::load(self.lang, &self.locales);
        let known: Vec<&Arc<Lesson>> = lessons
            .iter()
            .filter_map(|key| self.lessons.iter().find(|l| &l.id == key))
            .collect();
        let [first, ..] = known.as_slice() else {
            return Err(i18n.t("reminder-no-lessons"));
        };
        let demo = opora_core::bank::demo::DemoData::embedded().ok();
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let mut content = ReminderMaker::content(first, None, &i18n);
        if known.len() > 1 {
            content.title = i18n.t("reminder-title-session");
            content.steps = known
                .iter()
                .flat_map(|l| l.recap.iter().map(|id| i18n.t(id)))
                .collect();
        }
        content.subtitle = Some(tr!(i18n, "reminder-subtitle", date = i18n.date(today)));
        content.hotline = demo.map(|d| d.hotline).unwrap_or_default();
        let name = known
            .iter()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>()
            .join("+");
        let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
        self.file(&format!("{stamp}-session-{name}-{}.pdf", self.lang.code()))
            .and_then(|path| {
                crate::files::private::private_dir(&self.dir).map_err(|e| e.to_string())?;
                Ok(path)
            })
            .and_then(|path| {
                write_pdf(&content, &path)
                    .map_err(|e| e.to_string())
                    .map(|()| path)
            })
            .map_err(|reason| tr!(i18n, "reminder-failed", reason = reason))
    }

    /// Opens a reminder with the system's viewer: whether it could be (the screen then says
    /// where the file is, to be printed by staff).
    pub fn open(&self, path: &Path) -> bool {
        open_in_viewer(path).is_ok()
    }
}
