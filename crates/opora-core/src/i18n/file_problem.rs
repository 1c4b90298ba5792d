//! The sentences for [`FileProblem`]: why a file was not read, in the person's language.

use super::I18n;
use crate::file_problem::FileProblem;
use std::path::Path;

impl FileProblem {
    /// The problem as a sentence naming the file.
    pub fn sentence(&self, path: &Path, i18n: &I18n) -> String {
        let path = path.display().to_string();
        tr!(
            i18n,
            "file-problem",
            path = crate::safe_text::line(&path).into_owned(),
            reason = self.reason(i18n)
        )
    }

    /// Why, without the file's name (for sentences that name it already).
    pub fn reason(&self, i18n: &I18n) -> String {
        match self {
            FileProblem::NotAFile => i18n.t("file-reason-not-regular"),
            FileProblem::TooBig { max_bytes } => {
                tr!(i18n, "file-reason-too-big", size = size(*max_bytes, i18n))
            }
            FileProblem::Io(reason) => crate::safe_text::line(reason).into_owned(),
        }
    }
}

/// A size limit as people read it: «256 КБ», «1 024 МБ».
fn size(bytes: u64, i18n: &I18n) -> String {
    const MIB: u64 = 1024 * 1024;
    let n = |v: u64| i18n.number(i64::try_from(v).unwrap_or(i64::MAX));
    if bytes >= MIB {
        tr!(i18n, "file-size-mib", count = n(bytes / MIB))
    } else {
        tr!(i18n, "file-size-kib", count = n(bytes.div_ceil(1024)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn each_problem_is_a_sentence_in_both_languages() {
        let path = Path::new("/tmp/x\u{1b}[2J.toml");
        for lang in Lang::ALL {
            let i18n = I18n::embedded(lang);
            for problem in [
                FileProblem::NotAFile,
                FileProblem::TooBig {
                    max_bytes: 256 * 1024,
                },
                FileProblem::TooBig {
                    max_bytes: 1024 * 1024 * 1024,
                },
                FileProblem::Io("denied".into()),
            ] {
                let sentence = problem.sentence(path, &i18n);
                assert!(!sentence.contains('⟨'), "{sentence}");
                assert!(sentence.contains("\\x1B"), "{sentence}");
                assert!(!problem.reason(&i18n).contains('⟨'));
                assert!(!sentence.contains('\u{1b}'), "{sentence}");
            }
        }
        let ru = I18n::embedded(Lang::Ru);
        assert!(
            FileProblem::TooBig {
                max_bytes: 256 * 1024
            }
            .sentence(path, &ru)
            .contains("больше 256 КБ")
        );
    }
}
