//! A scripted attack on one device, as an attacker, a careless trainer or a broken file would
//! make it: a hostile journal import, a hostile lesson folder and locale folder, and hostile
//! input to the plain kiosk and to an assisted session. It runs as the current user and, when
//! the tests run as root (as CI does), again as an unprivileged user through `setpriv`.
//!
//! What must hold: no file outside the data folder is written; no control character reaches the
//! terminal; nothing personal or out of range is stored; nothing panics or hangs; every refusal
//! is a sentence in the person's language (Russian here); and the data folder is its owner's
//! alone.

mod common;

use common::run::{Ran, Runner, control_in, is_root};
use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(30);

/// Every file under `dir` with its size and modification time (what "written" means).
fn files(dir: &Path) -> BTreeMap<PathBuf, (u64, i64, i64)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(path.clone());
            }
            out.insert(path, (meta.len(), meta.mtime(), meta.mtime_nsec()));
        }
    }
    out
}

/// A run that must be calm, show no control characters, and — when it refused — say why in
/// Russian.
fn judged(what: &str, ran: &Ran) {
    assert!(ran.calm(), "{what}: panic or hang: {}", ran.all());
    assert_eq!(
        control_in(&ran.stdout),
        None,
        "{what}: stdout: {}",
        ran.out()
    );
    assert_eq!(
        control_in(&ran.stderr),
        None,
        "{what}: stderr: {}",
        ran.err()
    );
    if !ran.ok() {
        // Refusals go to standard error; `lessons check` lists its problems on standard output.
        let said = ran.all();
        assert!(
            said.trim()
                .chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
            "{what}: a refusal without a Russian sentence: {said}"
        );
    }
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
}

/// The hostile lesson folder: a lesson whose id walks out of the data folder (into `outside`),
/// one whose id hides an escape sequence, an empty id, a FIFO, a link to an endless device, a
/// file too large for a lesson.
fn hostile_lessons(dir: &Path, outside: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let body = "audience = \"clients\"\ntitle = \"l-send-title\"\nsummary = \"l-send-summary\"\n\
                recap = [\"l-send-recap-1\"]\n\n[[step]]\nid = \"a\"\nkind = \"explain\"\n\
                text = \"l-send-intro\"\n";
    let walk = format!("x/../../../..{}/pwned", outside.display());
    for (file, id) in [
        ("walk.toml", walk.as_str()),
        ("hidden.toml", "pay\\u001b]0;pwned\\u0007\\u001b[2J"),
        ("empty.toml", ""),
    ] {
        std::fs::write(dir.join(file), format!("id = \"{id}\"\n{body}")).expect("write");
    }
    mkfifo(&dir.join("fifo.toml"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).expect("symlink");
    std::fs::write(dir.join("huge.toml"), "#".repeat(2_000_000)).expect("write");
}

/// The hostile locale folder: Russian texts with escape sequences and most messages missing,
/// a FIFO and a link to an endless device for the other files.
fn hostile_locales(dir: &Path) {
    std::fs::create_dir_all(dir.join("ru")).expect("mkdir");
    std::fs::create_dir_all(dir.join("en")).expect("mkdir");
    std::fs::write(
        dir.join("ru/opora.ftl"),
        "home-title = Здравствуйте\u{1b}]0;pwned\u{7}\u{1b}[2J!\nchoice-home = \u{202e}йонвалг ан\n",
    )
    .expect("write");
    mkfifo(&dir.join("ru/lessons.ftl"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("ru/assist.ftl")).expect("symlink");
    mkfifo(&dir.join("en/opora.ftl"));
}

/// Hostile input for the plain kiosk: escape sequences, bytes that are not UTF-8, a line of
/// megabytes, then a transfer with three wrong codes and a fresh one, and the lessons.
fn hostile_kiosk_input() -> Vec<u8> {
    let mut input = b"\x1b]0;pwned\x07\x1b[2J\n\xff\xfe\xfd\n\x00\r\n".to_vec();
    input.extend(std::iter::repeat_n(b'9', 3_000_000));
    input.extend_from_slice(
        b"\n2\n4\n\x1b[31m8 905\n8 905 700-11-22\n300\n2\n1\n0000\n0001\n0002\n1\n",
    );
    input.extend_from_slice(b"0\n5\n1\n\xe2\x80\xae\n0\n");
    input
}

/// Hostile input for an assisted session: a phone as the staff id, a name as the site, a phone
/// typed as the client's bank id, escape sequences everywhere, then a proper session.
fn hostile_assist_input() -> Vec<u8> {
    let mut input = Vec::new();
    for line in [
        "8 912 345-67-89",
        "Мария Ивановна",
        "st\u{1b}[2J",
        "st-7",
        "1",
        "+7 912 345-67-89",
        "1",
        "4",
        "1",
        "Иванов И.И.",
        "4276 1600 1234 5678",
        "Тверь-3",
        "1",
        "2",
        "\u{1b}]0;x\u{7}",
        "6",
        "1",
        "2",
        "5",
        "1",
        "1",
        "255",
        "5",
        "200",
        "",
        "250",
        "10",
        "1",
        "2",
    ] {
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(b"\xff\n");
    input
}

/// Text fields of every stored event: none may hold a phone, a card, a name, or a control.
fn stored_text_is_clean(home: &Path) {
    let journal = opora::store::journal::Journal::open(&home.join("journal.db")).expect("journal");
    let events = journal.events().expect("events");
    assert!(!events.is_empty(), "the proper session was recorded");
    let now = chrono::Utc::now();
    for event in &events {
        assert_eq!(
            opora_core::journal::validate::check(event, now),
            Ok(()),
            "{event:?}"
        );
        let json = serde_json::to_string(&event.payload).expect("json");
        for personal in [
            "9123456789",
            "912 345",
            "Мария",
            "Иванов",
            "4276 1600",
            "pwned",
        ] {
            assert!(!json.contains(personal), "{personal} stored: {json}");
        }
    }
}

fn attack(unprivileged: bool) {
    let root = tempfile::tempdir().expect("temp dir");
    let base = root.path().to_path_buf();
    let outside = base.join("outside");
    std::fs::create_dir(&outside).expect("mkdir");
    std::fs::write(outside.join("canary.txt"), b"do not touch").expect("write");
    let home = base.join("home");
    let lessons = base.join("lessons");
    let locales = base.join("locales");
    hostile_lessons(&lessons, &outside);
    hostile_locales(&locales);
    let mut opora = Runner::new(&home).with_env("HOME", &base.join("user").display().to_string());
    if unprivileged {
        // The binary and the folders belong to the unprivileged user.
        let program = base.join("opora");
        std::fs::copy(&opora.program, &program).expect("copy the binary");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        opora.program = program;
        opora.unprivileged = true;
        let status = std::process::Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(&base)
            .status()
            .expect("chown");
        assert!(status.success());
    }
    let before = files(&base);
    let l = lessons.to_str().expect("utf-8");
    let loc = locales.to_str().expect("utf-8");

    let key = opora.run(
        &["config", "set", "bank-key"],
        b"the bank's shared secret key\n",
        LIMIT,
    );
    assert!(key.ok(), "{}", key.all());
    judged(
        "device id",
        &opora.run(&["config", "set", "device-id", "tver-3"], b"", LIMIT),
    );

    // The hostile lesson and locale folders: checked, listed, and used by the kiosk.
    let check = opora.run(&["--locales", loc, "lessons", "check", l], b"", LIMIT);
    judged("lessons check", &check);
    assert!(!check.ok());
    judged(
        "lessons list",
        &opora.run(
            &["--lessons", l, "--locales", loc, "lessons", "list"],
            b"",
            LIMIT,
        ),
    );
    let kiosk = opora.run(
        &["--lessons", l, "--locales", loc, "--plain"],
        &hostile_kiosk_input(),
        LIMIT,
    );
    judged("plain kiosk", &kiosk);
    assert!(kiosk.out().contains("Не понял"), "{}", kiosk.out());
    assert!(
        kiosk.out().contains("больше не действует"),
        "{}",
        kiosk.out()
    );

    // A hostile assisted session, then a hostile import of every refused kind.
    let assist = opora.run(
        &["--lessons", l, "--plain", "assist"],
        &hostile_assist_input(),
        LIMIT,
    );
    judged("plain assist", &assist);
    for refusal in ["телефон", "имя человека", "карты", "от 1 до 5"] {
        assert!(
            assist.out().contains(refusal),
            "{refusal}: {}",
            assist.out()
        );
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus/journal_ndjson");
    for entry in std::fs::read_dir(&corpus).expect("corpus").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "valid.ndjson" || name == "header-only.ndjson" || name == "crlf.ndjson" {
            continue;
        }
        let copy = base.join(&name);
        std::fs::copy(entry.path(), &copy).expect("copy");
        if unprivileged {
            std::os::unix::fs::chown(&copy, Some(65534), Some(65534)).expect("chown");
        }
        let ran = opora.run(
            &["journal", "import", copy.to_str().expect("utf-8")],
            b"",
            LIMIT,
        );
        judged(&name, &ran);
        assert!(!ran.ok(), "{name} was imported: {}", ran.all());
        std::fs::remove_file(&copy).expect("remove");
    }
    for device in [
        "/dev/zero",
        lessons.join("fifo.toml").to_str().expect("utf-8"),
    ] {
        let ran = opora.run(&["journal", "import", device], b"", LIMIT);
        judged(device, &ran);
        assert!(!ran.ok());
    }
    stored_text_is_clean(&home);

    // The outputs that read what was stored, and attempts to write where Opora must not.
    for args in [
        &["report"][..],
        &["report", "--format", "csv"][..],
        &["--plain", "dashboard"][..],
    ] {
        judged(&format!("{args:?}"), &opora.run(args, b"", LIMIT));
    }
    let canary = outside.join("canary.txt");
    let c = canary.to_str().expect("utf-8");
    let db = home.join("journal.db");
    let d = db.to_str().expect("utf-8");
    for args in [
        &["journal", "export", c][..],
        &["--force", "journal", "export", d][..],
        &["--plain", "--speech", "wav", "--speech-wav", c][..],
        &["--plain", "--force", "--speech", "wav", "--speech-wav", d][..],
    ] {
        let ran = opora.run(args, b"1\n", LIMIT);
        judged(&format!("{args:?}"), &ran);
        assert!(ran.err().contains("Opora"), "{args:?}: {}", ran.err());
    }
    stored_text_is_clean(&home);

    // Nothing outside the data folder changed; the data folder is its owner's alone.
    let after = files(&base);
    for (path, stamp) in &after {
        if path.starts_with(&home) {
            continue;
        }
        assert_eq!(
            before.get(path),
            Some(stamp),
            "{} was written",
            path.display()
        );
    }
    for (path, _) in after.iter().filter(|(p, _)| p.starts_with(&home)) {
        let mode = std::fs::symlink_metadata(path).expect("meta").mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is {mode:o}", path.display());
    }
    assert!(!Path::new("/tmp/pwned-ru.pdf").exists());
}

#[test]
fn the_attack_run_as_this_user() {
    attack(false);
}

#[test]
fn the_attack_run_as_an_unprivileged_user() {
    // As root (CI), through setpriv as uid 65534; otherwise this user is unprivileged already.
    attack(is_root());
}
