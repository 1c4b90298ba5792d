//! The kiosk launcher (`scripts/kiosk/`), as the systemd unit starts it but on a virtual X
//! server: `opora-kiosk-start` brings up the display, Opora's first screen fills it, Opora comes
//! back after it is killed or quits, and the staff key ends the kiosk with the status that
//! keeps the unit stopped. Needs Xvfb, xinit, xterm, matchbox-window-manager, xwd and xdotool
//! (`scripts/setup.sh test` installs them).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const WIDTH: u32 = 1024;
const HEIGHT: u32 = 768;
const PROGRAMS: [&str; 6] = [
    "Xvfb",
    "xinit",
    "xterm",
    "matchbox-window-manager",
    "xwd",
    "xdotool",
];

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kiosk")
}

/// A display number no X server uses.
fn free_display() -> u32 {
    (60..100)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display number")
}

/// The launcher, running; stopped with its whole process group if the test ends early.
struct Launcher {
    child: Child,
    display: String,
    state: PathBuf,
    _dir: tempfile::TempDir,
}

impl Launcher {
    fn start() -> Launcher {
        let missing: Vec<&str> = PROGRAMS
            .iter()
            .copied()
            .filter(|p| !common::on_path(p))
            .collect();
        assert!(
            missing.is_empty(),
            "the kiosk test needs {missing:?}: run scripts/setup.sh test"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config.toml");
        std::fs::write(
            &config,
            "[kiosk]\nfont = \"DejaVu Sans Mono\"\nfont_size = 14\n",
        )
        .expect("config written");
        let state = dir.path().join("state");
        let display = format!(":{}", free_display());
        let log = std::fs::File::create(dir.path().join("start.log")).expect("log");
        use std::os::unix::process::CommandExt;
        let child = Command::new(scripts().join("opora-kiosk-start"))
            .env("OPORA_BIN", common::binary())
            .env("OPORA_HOME", dir.path().join("home"))
            .env("OPORA_CONFIG", &config)
            .env("OPORA_SPEECH", "off")
            .env("OPORA_KIOSK_STATE", &state)
            .env(
                "OPORA_KIOSK_SERVER",
                format!("/usr/bin/Xvfb {display} -screen 0 {WIDTH}x{HEIGHT}x24 -nolisten tcp"),
            )
            .env_remove("DISPLAY")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .process_group(0)
            .spawn()
            .expect("opora-kiosk-start runs");
        Launcher {
            child,
            display,
            state,
            _dir: dir,
        }
    }

    /// The id of the Opora the loop runs now, once it has one.
    fn opora_pid(&self) -> Option<u32> {
        std::fs::read_to_string(self.state.join("opora.pid"))
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    fn screenshot(&self) -> Option<Image> {
        let out = Command::new("xwd")
            .args(["-root", "-silent", "-display", &self.display])
            .output()
            .ok()?;
        out.status.success().then(|| Image::from_xwd(&out.stdout))?
    }

    /// Waits until Opora (another one than `not`) runs and its first screen fills the display.
    fn wait_for_opora(&self, not: Option<u32>) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            if let Some(pid) = self.opora_pid().filter(|pid| Some(*pid) != not)
                && self.screenshot().is_some_and(|shot| shot.shows_opora())
            {
                return pid;
            }
            assert!(
                Instant::now() < deadline,
                "Opora's first screen never filled the display; launcher log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self._dir.path().join("start.log")).unwrap_or_default()
    }

    fn wait_for_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("launcher status") {
                return status;
            }
            assert!(Instant::now() < deadline, "the kiosk did not end");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Launcher {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            // The launcher's group holds it and xinit, which stops the server and the session.
            let _ = Command::new("kill")
                .args(["-TERM", &format!("-{}", self.child.id())])
                .status();
            let _ = self.child.wait();
        }
    }
}

fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{name} {pid}");
}

/// A screenshot in 8-bit red, green and blue.
struct Image {
    width: u32,
    height: u32,
    pixels: Vec<[u8; 3]>,
}

impl Image {
    /// Reads the TrueColor, 32 bits per pixel dump `xwd` makes of an Xvfb screen.
    fn from_xwd(data: &[u8]) -> Option<Image> {
        let field = |i: usize| -> Option<u32> {
            let bytes: [u8; 4] = data.get(4 * i..4 * i + 4)?.try_into().ok()?;
            Some(u32::from_be_bytes(bytes))
        };
        let (header, width, height) = (field(0)?, field(4)?, field(5)?);
        let (byte_order, bits_per_pixel, bytes_per_line) = (field(7)?, field(11)?, field(12)?);
        let ncolors = field(19)?;
        if bits_per_pixel != 32 {
            return None;
        }
        let start = usize::try_from(header + ncolors * 12).ok()?;
        let mut pixels = Vec::with_capacity(usize::try_from(width * height).ok()?);
        for y in 0..height {
            for x in 0..width {
                let at = start + usize::try_from(y * bytes_per_line + 4 * x).ok()?;
                let bytes: [u8; 4] = data.get(at..at + 4)?.try_into().ok()?;
                let value = if byte_order == 0 {
                    u32::from_le_bytes(bytes)
                } else {
                    u32::from_be_bytes(bytes)
                };
                let [_, r, g, b] = value.to_be_bytes();
                pixels.push([r, g, b]);
            }
        }
        Some(Image {
            width,
            height,
            pixels,
        })
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        self.pixels[usize::try_from(y * self.width + x).unwrap_or(0)]
    }

    /// Opora's first screen, full screen: the practice band (black on yellow) across the whole
    /// width of the display at its top, and the big headline (white) below it.
    fn shows_opora(&self) -> bool {
        let yellow = |[r, g, b]: [u8; 3]| r > 150 && g > 150 && b < 100;
        let white = |[r, g, b]: [u8; 3]| r > 200 && g > 200 && b > 200;
        let band_row = (0..20).find(|&y| {
            (0..self.width)
                .filter(|&x| yellow(self.pixel(x, y)))
                .count()
                > 0
        });
        let Some(row) = band_row else { return false };
        let band = (0..self.width)
            .filter(|&x| yellow(self.pixel(x, row + 2)))
            .count();
        let headline = (self.height / 20..self.height / 3)
            .flat_map(|y| (0..self.width).map(move |x| (x, y)))
            .filter(|&(x, y)| white(self.pixel(x, y)))
            .count();
        self.width == WIDTH
            && self.height == HEIGHT
            && band * 10 >= usize::try_from(self.width * 9).unwrap_or(usize::MAX)
            && headline > 2000
    }
}

#[test]
fn the_kiosk_boots_into_opora_full_screen_comes_back_and_lets_staff_leave() {
    let mut kiosk = Launcher::start();
    let first = kiosk.wait_for_opora(None);

    // A crash: Opora killed outright comes back, full screen again.
    signal(first, "KILL");
    let second = kiosk.wait_for_opora(Some(first));
    // An ending: Opora told to stop (as when a client quits) comes back too.
    signal(second, "TERM");
    let third = kiosk.wait_for_opora(Some(second));
    assert!(kiosk.child.try_wait().expect("status").is_none());

    // The staff key closes the kiosk; the launcher says so with success, so the unit stays
    // stopped, and Opora is gone.
    // xdotool itself may end with an error: the display can be gone before it lets go of it.
    // What counts is that the kiosk ends, and how.
    Command::new("xdotool")
        .args(["key", "--clearmodifiers", "ctrl+alt+q"])
        .env("DISPLAY", &kiosk.display)
        .status()
        .expect("xdotool runs");
    let status = kiosk.wait_for_exit();
    assert!(status.success(), "{status:?}; log:\n{}", kiosk.log());
    assert!(kiosk.log().contains("staff left"), "{}", kiosk.log());
    assert!(
        !Path::new(&format!("/proc/{third}")).exists()
            || std::fs::read_to_string(format!("/proc/{third}/stat"))
                .is_ok_and(|stat| stat.contains(") Z ")),
        "Opora still runs after staff left"
    );
}

#[test]
fn the_unit_starts_what_the_installer_installs_and_restarts_all_but_staff_leaving() {
    let unit = std::fs::read_to_string(scripts().join("opora-kiosk.service")).expect("the unit");
    let install = std::fs::read_to_string(scripts().join("install.sh")).expect("the installer");
    let setting = |key: &str| {
        unit.lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or_else(|| panic!("{key} in the unit"))
            .to_string()
    };
    let start = setting("ExecStart");
    let (folder, program) = start.rsplit_once('/').expect("a path");
    assert_eq!(program, "opora-kiosk-start");
    assert!(
        install.contains(&format!("install -d -m 755 {folder}")),
        "{folder}"
    );
    assert!(
        install.contains("for script in opora-kiosk-start opora-kiosk-session opora-kiosk-loop")
    );
    assert_eq!(setting("User"), "opora-kiosk");
    assert!(install.contains("useradd") && install.contains("opora-kiosk"));
    // Staff leaving ends with success; anything else is restarted.
    assert_eq!(setting("Restart"), "on-failure");
    assert!(install.contains("/etc/systemd/system/opora-kiosk.service"));
}
