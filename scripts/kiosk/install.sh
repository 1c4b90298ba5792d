#!/bin/sh
# Turns this Debian machine into an Opora kiosk: a user `opora-kiosk` whose session on the
# seventh console is a full-screen terminal running Opora — no desktop, no menus, the X server
# unable to switch consoles or be killed from the keyboard — started at boot and after any
# crash by the systemd unit opora-kiosk.service. Staff leave it with Ctrl+Alt+Q.
#
#   sudo scripts/kiosk/install.sh [OPORA_BINARY]     (default: target/release/opora)
#
# Then `sudo systemctl enable --now opora-kiosk`. The font and its size are in the kiosk user's
# configuration file, /var/lib/opora-kiosk/.config/opora/config.toml, table [kiosk].
set -eu
cd "$(dirname "$0")/../.."

if [ "$(id -u)" -ne 0 ]; then
  echo "Run this as root: sudo $0" >&2
  exit 1
fi
binary=${1:-target/release/opora}
if [ ! -x "$binary" ]; then
  echo "No Opora program at $binary: build it first with cargo build --release" >&2
  exit 1
fi

# The X server and its keyboard and screen drivers, the terminal, a window manager that keeps
# one window full screen, the fonts, and the voice.
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  xserver-xorg xinit xterm matchbox-window-manager x11-xserver-utils \
  fonts-dejavu-core espeak-ng

install -m 755 "$binary" /usr/local/bin/opora
install -d -m 755 /usr/local/lib/opora-kiosk
for script in opora-kiosk-start opora-kiosk-session opora-kiosk-loop; do
  install -m 755 "scripts/kiosk/$script" /usr/local/lib/opora-kiosk/
done

# A user of its own, who cannot log in; its files are the practice bank and the journal.
if ! id opora-kiosk >/dev/null 2>&1; then
  useradd --system --create-home --home-dir /var/lib/opora-kiosk \
    --shell /usr/sbin/nologin --comment "Opora kiosk" opora-kiosk
fi
usermod -a -G audio,video,input opora-kiosk
config=/var/lib/opora-kiosk/.config/opora/config.toml
if [ ! -e "$config" ]; then
  install -d -m 700 -o opora-kiosk -g opora-kiosk "$(dirname "$config")"
  cat > "$config" <<'TOML'
[kiosk]
font = "DejaVu Sans Mono"
font_size = 32
TOML
  chown opora-kiosk:opora-kiosk "$config"
  chmod 600 "$config"
fi

# No way out of the kiosk from its keyboard but the staff key: the X server neither switches
# consoles nor dies on Ctrl+Alt+Backspace.
install -d -m 755 /etc/X11/xorg.conf.d
cat > /etc/X11/xorg.conf.d/50-opora-kiosk.conf <<'XORG'
Section "ServerFlags"
    Option "DontVTSwitch" "true"
    Option "DontZap" "true"
EndSection
XORG

install -m 644 scripts/kiosk/opora-kiosk.service /etc/systemd/system/opora-kiosk.service
systemctl daemon-reload
echo "Installed. Start it now and at every boot with: sudo systemctl enable --now opora-kiosk"
