//! Regression tests for issue 15's findings about files, through the real binary: Opora never
//! writes over its own databases and asks before replacing someone's file; its files are its
//! owner's alone; a bank's locale file with missing messages falls back message by message;
//! FIFOs, devices and endless files are refused at once; and the smaller findings (purge,
//! keys, the configuration's messages, a damaged practice bank).

mod common;

use common::run::{Runner, control_in};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(30);

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

fn journal_bytes(home: &Path) -> Vec<u8> {
    std::fs::read(home.join("journal.db")).expect("the journal is there")
}

#[test]
fn opora_never_writes_over_its_own_journal() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    // The kiosk keeps clients practising alone in the journal by default; off here, so that
    // any change to the journal's bytes is a write over it.
    let quiet = "self_practice_journal = false\n";
    std::fs::write(home.path().join("config.toml"), quiet).expect("config");
    let db = home.path().join("journal.db");
    drop(opora::store::journal::Journal::open(&db).expect("a journal"));
    let before = journal_bytes(home.path());
    let outside = tempfile::tempdir().expect("temp dir");
    let link = outside.path().join("link.ndjson");
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    let hard = home.path().join("hard.ndjson");
    std::fs::hard_link(&db, &hard).expect("hard link");
    for target in [&db, &link, &hard] {
        let t = target.to_str().expect("utf-8");
        let ran = opora.run(&["--force", "journal", "export", t], b"", LIMIT);
        assert!(ran.calm() && !ran.ok(), "{t}: {}", ran.all());
        assert!(
            ran.err().contains("собственный файл Opora"),
            "{}",
            ran.err()
        );
        let wav = opora.run(
            &["--plain", "--speech", "wav", "--speech-wav", t, "--force"],
            b"1\n",
            LIMIT,
        );
        assert!(wav.calm() && wav.ok(), "{}", wav.all());
        assert!(
            wav.err().contains("собственный файл Opora"),
            "{}",
            wav.err()
        );
    }
    // The same WAV target from the configuration file.
    std::fs::write(
        home.path().join("config.toml"),
        format!(
            "{quiet}[speech]\nmode = \"wav\"\nwav = \"{}\"\n",
            db.display()
        ),
    )
    .expect("config");
    let wav = opora.run(&["--plain"], b"1\n", LIMIT);
    assert!(
        wav.err().contains("собственный файл Opora"),
        "{}",
        wav.err()
    );
    assert_eq!(
        journal_bytes(home.path()),
        before,
        "the journal is untouched"
    );
}

#[test]
fn replacing_a_file_outside_opora_s_folder_needs_force_and_a_missing_folder_a_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    let outside = tempfile::tempdir().expect("temp dir");
    let theirs = outside.path().join("notes.txt");
    std::fs::write(&theirs, b"someone's notes").expect("write");
    let t = theirs.to_str().expect("utf-8");
    let export = opora.run(&["journal", "export", t], b"", LIMIT);
    assert!(export.calm() && !export.ok(), "{}", export.all());
    assert!(export.err().contains("--force"), "{}", export.err());
    let wav = opora.run(
        &["--plain", "--speech", "wav", "--speech-wav", t],
        b"",
        LIMIT,
    );
    assert!(wav.err().contains("--force"), "{}", wav.err());
    assert_eq!(std::fs::read(&theirs).expect("read"), b"someone's notes");
    let forced = opora.run(&["--force", "journal", "export", t], b"", LIMIT);
    assert!(forced.ok(), "{}", forced.all());
    assert!(
        std::fs::read_to_string(&theirs)
            .expect("read")
            .starts_with("{\"format\"")
    );
    let missing = outside.path().join("no-such-folder").join("x.wav");
    let m = missing.to_str().expect("utf-8");
    let ran = opora.run(
        &["--plain", "--speech", "wav", "--speech-wav", m],
        b"",
        LIMIT,
    );
    assert!(
        ran.err().contains("Папки") && ran.err().contains("no-such-folder"),
        "{}",
        ran.err()
    );
    let ran = opora.run(&["journal", "export", m], b"", LIMIT);
    assert!(
        !ran.ok() && ran.err().contains("no-such-folder"),
        "{}",
        ran.err()
    );
}

/// Every file and folder under `dir`, with its permission bits.
fn modes(dir: &Path) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        out.push((
            d.display().to_string(),
            d.metadata().expect("meta").mode() & 0o777,
        ));
        for entry in std::fs::read_dir(&d).expect("list").flatten() {
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).expect("meta");
            if meta.is_dir() {
                stack.push(path);
            } else {
                out.push((path.display().to_string(), meta.mode() & 0o777));
            }
        }
    }
    out
}

#[test]
fn a_fresh_data_folder_is_its_owner_s_alone() {
    let root = tempfile::tempdir().expect("temp dir");
    let home = root.path().join("opora");
    // The configuration beside the data folder (as a kiosk image might keep it), written by
    // an administrator; the data folder itself is Opora's to make.
    let config = root.path().join("config.toml");
    std::fs::write(&config, "bank_key = \"the bank's shared secret key\"\n").expect("config");
    let opora = Runner::new(&home).with_env("OPORA_CONFIG", config.to_str().expect("utf-8"));
    assert!(
        opora
            .run(&["config", "set", "device-id", "tver-3"], b"", LIMIT)
            .ok()
    );
    // An anonymous session with a lesson, which ends with a reminder (tests/assist_plain.rs).
    let session = "st-7\n3\n1\n4\n1\nTver 3\n1\n5\n4\n6\nstaff\n5\n1\n1\n5\n\n10\n1\n2\n";
    assert!(
        opora
            .run(&["--plain", "assist"], session.as_bytes(), LIMIT)
            .ok()
    );
    assert!(home.join("reminders").is_dir(), "a reminder was written");
    assert!(opora.run(&["--plain"], b"1\n", LIMIT).ok());
    let export = home.join("export.ndjson");
    assert!(
        opora
            .run(
                &["journal", "export", export.to_str().expect("utf-8")],
                b"",
                LIMIT
            )
            .ok()
    );
    let all = modes(&home);
    assert!(all.len() > 5, "{all:?}");
    for (path, mode) in &all {
        assert_eq!(mode & 0o077, 0, "{path} is {mode:o}");
    }
}

#[test]
fn a_configuration_others_can_read_is_warned_about_and_never_written_through_a_link() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        "bank_key = \"the bank's shared secret key\"\ndevice_id = \"d\"\n",
    )
    .expect("write");
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    for args in [
        &["doctor"][..],
        &["config", "show"][..],
        &["--plain", "assist"][..],
    ] {
        let ran = opora.run(args, b"", LIMIT);
        assert!(
            ran.all().contains("chmod 600"),
            "{args:?} gives no warning: {}",
            ran.all()
        );
    }
    // A planted link beside the file, as a leftover temporary file might be.
    let victim = home.path().join("victim.txt");
    std::fs::write(&victim, b"untouched").expect("write");
    std::os::unix::fs::symlink(&victim, home.path().join("config.toml.new")).expect("symlink");
    let set = opora.run(&["config", "set", "device-id", "tver-3"], b"", LIMIT);
    assert!(set.ok(), "{}", set.all());
    assert_eq!(std::fs::read(&victim).expect("read"), b"untouched");
    assert_eq!(config.metadata().expect("meta").mode() & 0o777, 0o600);
}

#[test]
fn the_bank_key_never_on_the_command_line_never_weak_never_echoed() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path()).with_env("LANG", "en_GB.UTF-8");
    let on_line = opora.run(
        &["config", "set", "bank-key", "the bank's shared secret key"],
        b"",
        LIMIT,
    );
    assert!(!on_line.ok() && on_line.err().contains("never typed on the command line"));
    assert!(!home.path().join("config.toml").exists());
    let weak = opora.run(&["config", "set", "bank-key"], b"aaaaaaaaaaaaaaaa\n", LIMIT);
    assert!(
        !weak.ok() && weak.err().contains("too easy to guess"),
        "{}",
        weak.err()
    );
    std::fs::write(
        home.path().join("config.toml"),
        "bank_key = \"0123456789abcdef\"\ndevice_id = \"d\"\n",
    )
    .expect("write");
    let show = opora.run(&["config", "show"], b"", LIMIT);
    assert!(show.out().contains("cannot be used"), "{}", show.out());
    let assist = opora.run(&["--plain", "assist"], b"", LIMIT);
    assert!(
        !assist.ok() && assist.err().contains("too easy to guess"),
        "{}",
        assist.err()
    );
    std::fs::write(
        home.path().join("config.toml"),
        "bank_key = 1234567890123456789\n",
    )
    .expect("write");
    let numeric = opora.run(&["config", "show"], b"", LIMIT);
    assert!(
        !numeric.all().contains("1234567890123456789"),
        "{}",
        numeric.all()
    );
    assert!(numeric.err().contains("[speech]"), "{}", numeric.err());
}

#[test]
fn a_locale_file_with_missing_messages_falls_back_message_by_message() {
    let home = tempfile::tempdir().expect("temp dir");
    let locales = home.path().join("locales");
    std::fs::create_dir_all(locales.join("ru")).expect("mkdir");
    std::fs::write(
        locales.join("ru/opora.ftl"),
        "home-title = Добро пожаловать\u{1b}[2J!\n",
    )
    .expect("write");
    let opora = Runner::new(home.path());
    let dir = locales.to_str().expect("utf-8");
    let ran = opora.run(&["--locales", dir, "--plain"], b"1\n", LIMIT);
    assert!(ran.ok(), "{}", ran.all());
    assert!(!ran.out().contains('⟨'), "{}", ran.out());
    assert!(
        ran.out().contains("Добро пожаловать\\x1B[2J!"),
        "{}",
        ran.out()
    );
    assert!(
        ran.out().contains("25\u{a0}430,50 ₽"),
        "the balance is there: {}",
        ran.out()
    );
    assert!(ran.err().contains("нет сообщений"), "{}", ran.err());
    assert_eq!(control_in(&ran.stdout), None);
}

#[test]
fn fifos_devices_and_endless_files_are_refused_at_once() {
    let home = tempfile::tempdir().expect("temp dir");
    let lessons = home.path().join("trainer");
    std::fs::create_dir(&lessons).expect("mkdir");
    mkfifo(&lessons.join("fifo.toml"));
    std::os::unix::fs::symlink("/dev/zero", lessons.join("zero.toml")).expect("symlink");
    let locales = home.path().join("locales");
    std::fs::create_dir_all(locales.join("ru")).expect("mkdir");
    mkfifo(&locales.join("ru/opora.ftl"));
    std::os::unix::fs::symlink("/dev/zero", locales.join("ru/lessons.ftl")).expect("symlink");
    let opora = Runner::new(home.path());
    let l = lessons.to_str().expect("utf-8");
    let check = opora.run(&["lessons", "check", l], b"", Duration::from_secs(20));
    assert!(check.calm() && !check.ok(), "{}", check.all());
    assert_eq!(
        check.out().matches("не обычный файл").count(),
        2,
        "{}",
        check.out()
    );
    let start = opora.run(
        &[
            "--lessons",
            l,
            "--locales",
            locales.to_str().expect("utf-8"),
            "--plain",
        ],
        b"1\n",
        Duration::from_secs(20),
    );
    assert!(start.calm() && start.ok(), "{}", start.all());
    assert!(start.err().contains("не обычный файл"), "{}", start.err());
    let import = opora.run(
        &[
            "journal",
            "import",
            lessons.join("fifo.toml").to_str().expect("utf-8"),
        ],
        b"",
        Duration::from_secs(20),
    );
    assert!(import.calm() && !import.ok(), "{}", import.all());
    // A FIFO where the configuration should be: a sentence, not a hang.
    mkfifo(&home.path().join("config.toml"));
    for args in [
        &["--plain"][..],
        &["config", "show"][..],
        &["--plain", "assist"][..],
    ] {
        let ran = opora.run(args, b"1\n", Duration::from_secs(20));
        assert!(ran.calm(), "{args:?}: {}", ran.all());
    }
}

#[test]
fn purge_with_a_huge_number_of_days_is_a_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    let ran = opora.run(
        &["journal", "purge", "--older-than", "97000000"],
        b"",
        LIMIT,
    );
    assert!(ran.calm() && !ran.ok(), "{}", ran.all());
    assert!(ran.err().contains("36500"), "{}", ran.err());
    let ok = opora.run(&["journal", "purge", "--older-than", "36500"], b"", LIMIT);
    assert!(ok.calm() && ok.ok(), "{}", ok.all());
}

#[test]
fn a_practice_bank_without_its_client_says_reset() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    assert!(opora.run(&["--plain"], b"1\n", LIMIT).ok());
    let conn = rusqlite::Connection::open(home.path().join("sandbox.db")).expect("open");
    conn.execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM client;")
        .expect("damaged");
    drop(conn);
    let ran = opora.run(&["--plain"], b"1\n", LIMIT);
    assert!(ran.calm(), "{}", ran.all());
    assert!(ran.all().contains("opora sandbox reset"), "{}", ran.all());
    assert!(!ran.all().contains("UNIQUE"), "{}", ran.all());
    let reset = opora.run(&["sandbox", "reset"], b"", LIMIT);
    assert!(reset.ok(), "{}", reset.all());
    assert!(
        opora
            .run(&["--plain"], b"1\n", LIMIT)
            .out()
            .contains("25\u{a0}430,50 ₽")
    );
}
