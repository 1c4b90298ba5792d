//! Running a program as a user that permission bits bind. Root ignores read-only files and
//! folders, and CI and the README's commands run as root, so a test of a permission error runs
//! its program through [`Runner::command`]: as root that is `setpriv` to `nobody`, as anyone
//! else the program runs as that user. Either way the program meets the same refusal and the
//! test expects the same thing; nothing is skipped.
//!
//! [`in_unprivileged_process`] does the same for a test's own body: as root it runs this test
//! binary again, as `nobody`, filtered to that one test.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Set in the environment of a test binary started again by [`in_unprivileged_process`].
const CHILD: &str = "OPORA_TEST_UNPRIVILEGED_CHILD";

/// The effective user id of this process (Linux: the second field of `Uid:` in
/// /proc/self/status).
pub fn effective_uid() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        .and_then(|id| id.parse().ok())
        .expect("an effective uid in /proc/self/status")
}

/// Who runs the programs of permission tests.
pub struct Runner {
    /// `nobody`'s user and group when this process is root; `None` when it is not.
    drop_to: Option<(u32, u32)>,
}

/// The runner for this process: `nobody` if it is root, itself otherwise.
pub fn runner() -> Runner {
    let drop_to =
        (effective_uid() == 0).then(|| (id_of("passwd", "nobody"), id_of("group", "nogroup")));
    Runner { drop_to }
}

/// The numeric id of a user or group named in /etc/passwd or /etc/group (65534, the usual id
/// of nobody and nogroup, if it is not there).
fn id_of(database: &str, name: &str) -> u32 {
    std::fs::read_to_string(format!("/etc/{database}"))
        .ok()
        .and_then(|text| {
            text.lines().find_map(|line| {
                let mut fields = line.split(':');
                (fields.next() == Some(name))
                    .then(|| fields.nth(1)?.parse().ok())
                    .flatten()
            })
        })
        .unwrap_or(65_534)
}

impl Runner {
    /// `program` as a command run by this runner.
    pub fn command(&self, program: &Path) -> Command {
        match self.drop_to {
            None => Command::new(program),
            Some((uid, gid)) => {
                let mut cmd = Command::new("setpriv");
                cmd.arg(format!("--reuid={uid}"))
                    .arg(format!("--regid={gid}"))
                    .arg("--clear-groups")
                    .arg("--")
                    .arg(reachable(program, uid, gid));
                cmd
            }
        }
    }

    /// Makes `dir` (a fresh temporary folder) the runner's own, so it can create files there
    /// as a person can in their home.
    pub fn own(&self, dir: &Path) {
        if let Some((uid, gid)) = self.drop_to {
            std::os::unix::fs::chown(dir, Some(uid), Some(gid)).expect("chown the test folder");
        }
    }
}

/// `program`, or a copy of it in a folder anyone may read when the runner cannot reach it
/// where it is (a checkout under /root, say).
fn reachable(program: &Path, uid: u32, gid: u32) -> PathBuf {
    let can_run = Command::new("setpriv")
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={gid}"))
        .args(["--clear-groups", "--", "test", "-x"])
        .arg(program)
        .status()
        .expect("setpriv runs (util-linux)");
    if can_run.success() {
        return program.to_path_buf();
    }
    static COPIES: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = COPIES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        set_mode(dir.path(), 0o755);
        dir
    });
    let copy = dir.path().join(program.file_name().expect("a file name"));
    if !copy.exists() {
        let partial = copy.with_extension("partial");
        std::fs::copy(program, &partial).expect("copy the program");
        set_mode(&partial, 0o755);
        std::fs::rename(&partial, &copy).expect("rename the copy");
    }
    copy
}

/// Sets a file's or folder's permission bits.
pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Runs `body` in a process whose permission bits bind: here when this process is not root;
/// as root, this test binary runs again as `nobody`, filtered to `test` (the test's full name),
/// and its failure is this test's failure. `body` checks that it is not root.
pub fn in_unprivileged_process(test: &str, body: impl FnOnce()) {
    if std::env::var_os(CHILD).is_some() || effective_uid() != 0 {
        assert_ne!(effective_uid(), 0, "a permission test must not run as root");
        body();
        return;
    }
    let exe = std::env::current_exe().expect("this test binary");
    let out = runner()
        .command(&exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .output()
        .expect("run the test again as nobody");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("test result: ok. 1 passed"),
        "{test}, run as nobody, failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
}
