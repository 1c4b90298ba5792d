#!/usr/bin/env python3
"""Build Opora's bundled bitmap fonts ("Opora Bitmap") from Debian's Terminus console fonts.

Opora draws headlines and money amounts as big glyphs made of half-block characters.
The glyph shapes come from Terminus Font by Dimitar Toshkov Zhekov (SIL OFL 1.1), as
shipped in PSF form by the Debian package ``console-setup-linux``:

    Uni2-Terminus12x6.psf.gz        6x12   (PSF2; Terminus has no separate bold at 12 px)
    Uni2-TerminusBold16.psf.gz      8x16   (PSF1)
    Uni2-TerminusBold24x12.psf.gz  12x24   (PSF2)
    Uni2-TerminusBold28x14.psf.gz  14x28   (PSF2)
    Uni2-TerminusBold32x16.psf.gz  16x32   (PSF2)

The "Uni2" set is the one that covers everything Opora needs: printable ASCII, all of
Cyrillic U+0400-U+045F (А-я, Ёё and the other Slavic letters) and the usual typographic
punctuation (« » — … № ‘ ’ “ ” „ • · °).

What this script does for every size:

* keeps only the glyphs Opora needs (see ``KEEP`` below) and drops the rest;
* maps U+00A0, U+2007, U+2009 and U+202F to the space glyph and U+2212 (minus) to the
  hyphen-minus glyph unless the source has a distinct minus glyph;
* ADDS the rouble sign ₽ (U+20BD), which Terminus lacks: it is derived from the Cyrillic
  Р of the same size by drawing a horizontal bar (as thick as the Р's horizontal strokes)
  across the stem below the bowl, one pixel to the left of the stem and to the right up
  to about the middle of the bowl; the ₽ is printed as ASCII art so it can be checked;
* writes PSF2 files with a Unicode table to ``assets/fonts/opora-bitmap-bold-<H>.psf``
  (``opora-bitmap-12.psf`` for the 12 px size, which has one weight).

The result is a Modified Version under the OFL, so it must not use the Reserved Font
Name: the family is called "Opora Bitmap". See assets/fonts/README.md and OFL.txt.

Usage (standard library only, Python 3.8+):

    apt-get download console-setup-linux
    dpkg-deb -x console-setup-linux_*.deb ex
    python3 scripts/fonts/build_fonts.py ex/usr/share/consolefonts

    python3 scripts/fonts/build_fonts.py [SRC_DIR] [--out OUT_DIR] [--quiet]

SRC_DIR defaults to /usr/share/consolefonts (where console-setup-linux installs the
fonts); OUT_DIR defaults to assets/fonts next to this script's repository root.
The output is deterministic: running the script twice gives identical bytes.
"""

from __future__ import annotations

import argparse
import gzip
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SRC = "/usr/share/consolefonts"
FAMILY_FILE_STEM = "opora-bitmap-bold"

# (source file, expected width, expected height, output file stem)
SOURCES = [
    # At 12 px Terminus has one weight: its X11 bold (ter-u12b) draws the same glyphs as the
    # normal one, so the console's normal 12x6 font is the 12 px size, and its name says so.
    ("Uni2-Terminus12x6.psf.gz", 6, 12, "opora-bitmap"),
    ("Uni2-TerminusBold16.psf.gz", 8, 16, FAMILY_FILE_STEM),
    ("Uni2-TerminusBold24x12.psf.gz", 12, 24, FAMILY_FILE_STEM),
    ("Uni2-TerminusBold28x14.psf.gz", 14, 28, FAMILY_FILE_STEM),
    ("Uni2-TerminusBold32x16.psf.gz", 16, 32, FAMILY_FILE_STEM),
]

ROUBLE = 0x20BD
CYRILLIC_ER = 0x0420  # Р
SPACE = 0x20
HYPHEN_MINUS = 0x2D
MINUS = 0x2212

# Code points that are copied from the source when present (each one with the glyph the
# source's Unicode table gives it, so e.g. U+2013 en dash keeps Terminus' console choice).
KEEP: list[int] = (
    list(range(0x20, 0x7F))  # printable ASCII
    + list(range(0x0400, 0x0460))  # Cyrillic: Ѐ-џ, including А-я and Ёё
    + [ord(c) for c in "«»‹›‘’‚“”„–—‒―‐‑…№•·°§×±÷€£¥←↑→↓"]
)

# Code points that must be present in the output; the build fails otherwise.
REQUIRED = (
    [ord(c) for c in "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"]
    + [ord(c) for c in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"]
    + list(range(0x20, 0x7F))
    + [ord(c) for c in "«»—…№’“”•°₽"]
)

# Characters drawn with the space glyph.
SPACE_ALIASES = [0x00A0, 0x2007, 0x2009, 0x202F]

PSF1_MAGIC = b"\x36\x04"
PSF2_MAGIC = b"\x72\xb5\x4a\x86"


class FontError(Exception):
    pass


@dataclass
class Font:
    width: int
    height: int
    glyphs: list[list[list[bool]]]  # glyphs[i][y][x]
    # code point -> glyph index (single code points only; sequences are ignored)
    cmap: dict[int, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- reading


def _unpack_bitmap(data: bytes, width: int, height: int) -> list[list[bool]]:
    row_bytes = (width + 7) // 8
    rows = []
    for y in range(height):
        chunk = data[y * row_bytes : (y + 1) * row_bytes]
        bits = int.from_bytes(chunk, "big")
        rows.append([bool(bits >> (row_bytes * 8 - 1 - x) & 1) for x in range(width)])
    return rows


def _read_psf1(data: bytes) -> Font:
    if len(data) < 4:
        raise FontError("truncated PSF1 header")
    mode, charsize = data[2], data[3]
    count = 512 if mode & 0x01 else 256
    has_table = bool(mode & 0x06)
    end = 4 + count * charsize
    if len(data) < end:
        raise FontError("truncated PSF1 glyph data")
    glyphs = [
        _unpack_bitmap(data[4 + i * charsize : 4 + (i + 1) * charsize], 8, charsize)
        for i in range(count)
    ]
    font = Font(8, charsize, glyphs)
    if has_table:
        pos = end
        for index in range(count):
            in_sequence = False
            while True:
                if pos + 2 > len(data):
                    raise FontError("truncated PSF1 unicode table")
                (value,) = struct.unpack_from("<H", data, pos)
                pos += 2
                if value == 0xFFFF:
                    break
                if value == 0xFFFE:
                    in_sequence = True
                    continue
                if not in_sequence:
                    font.cmap.setdefault(value, index)
    return font


def _read_psf2(data: bytes) -> Font:
    if len(data) < 32:
        raise FontError("truncated PSF2 header")
    _magic, _version, header_size, flags, count, charsize, height, width = struct.unpack_from(
        "<8I", data, 0
    )
    if charsize != height * ((width + 7) // 8):
        raise FontError("inconsistent PSF2 glyph size")
    end = header_size + count * charsize
    if len(data) < end:
        raise FontError("truncated PSF2 glyph data")
    glyphs = [
        _unpack_bitmap(
            data[header_size + i * charsize : header_size + (i + 1) * charsize], width, height
        )
        for i in range(count)
    ]
    font = Font(width, height, glyphs)
    if flags & 0x01:
        pos = end
        for index in range(count):
            in_sequence = False
            while True:
                if pos >= len(data):
                    raise FontError("truncated PSF2 unicode table")
                lead = data[pos]
                if lead == 0xFF:
                    pos += 1
                    break
                if lead == 0xFE:
                    pos += 1
                    in_sequence = True
                    continue
                length = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
                try:
                    char = data[pos : pos + length].decode("utf-8")
                except UnicodeDecodeError as err:
                    raise FontError(f"bad UTF-8 in PSF2 unicode table at {pos}") from err
                pos += length
                if not in_sequence:
                    font.cmap.setdefault(ord(char), index)
    return font


def read_psf(path: Path) -> Font:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:2] == PSF1_MAGIC:
        return _read_psf1(raw)
    if raw[:4] == PSF2_MAGIC:
        return _read_psf2(raw)
    raise FontError(f"{path}: not a PSF1/PSF2 font")


# --------------------------------------------------------------------------- the rouble sign


def _blank_columns(glyph: list[list[bool]], x: int) -> bool:
    return not any(row[x] for row in glyph)


def make_rouble(er: list[list[bool]], width: int) -> list[list[bool]]:
    """Derive ₽ from the Cyrillic Р: add a bar across the stem below the bowl."""
    glyph = [row[:] for row in er]
    height = len(glyph)
    rows = [y for y in range(height) if any(glyph[y])]
    if not rows:
        raise FontError("the Р glyph is empty")
    top, bottom = rows[0], rows[-1]

    # The stem: the columns that are set in every row from the top to the baseline.
    stem = [x for x in range(width) if all(glyph[y][x] for y in range(top, bottom + 1))]
    if not stem or stem != list(range(stem[0], stem[-1] + 1)):
        raise FontError("could not find the stem of Р")

    # No room for the bar to stick out on the left: move the letter one column to the right.
    # If that would push the bowl into the last column (the gap to the next letter), take one
    # column out of the inside of the bowl instead of moving the bowl.
    if stem[0] == 0:
        right = max(x for x in range(width) if not _blank_columns(glyph, x))
        if right + 1 <= width - 2:
            glyph = [[False] + row[:-1] for row in glyph]
        else:
            # an inside column: right of the stem, set only in the bowl's horizontal strokes
            ink = {x: sum(row[x] for row in glyph) for x in range(stem[-1] + 1, right)}
            inside = [x for x in ink if ink[x] == min(ink.values())]
            cut = inside[len(inside) // 2]
            glyph = [[False] + row[:cut] + row[cut + 1 :] for row in glyph]
        stem = [x + 1 for x in stem]

    # The bowl: rows where something is set to the right of the stem.
    bowl_rows = [y for y in range(height) if any(glyph[y][stem[-1] + 1 :])]
    bowl_bottom = bowl_rows[-1]
    bowl_right = max(x for y in bowl_rows for x in range(width) if glyph[y][x])
    # Thickness of horizontal strokes: the top stroke of the bowl, measured at its middle.
    middle = (stem[-1] + 1 + bowl_right) // 2
    thickness = 0
    while glyph[top + thickness][middle]:
        thickness += 1
    below = bottom - bowl_bottom  # stem rows under the bowl
    gap = max(thickness, round(below / 4))
    bar_top = bowl_bottom + 1 + gap
    if bar_top + thickness > bottom:
        raise FontError("no room for the rouble bar under the bowl")
    left = stem[0] - 1
    right = -(-(stem[0] + bowl_right) // 2)  # middle of the bowl, rounded to the right
    for y in range(bar_top, bar_top + thickness):
        for x in range(left, right + 1):
            glyph[y][x] = True
    return glyph


# --------------------------------------------------------------------------- writing


def _pack_bitmap(glyph: list[list[bool]], width: int) -> bytes:
    row_bytes = (width + 7) // 8
    out = bytearray()
    for row in glyph:
        bits = 0
        for x, on in enumerate(row):
            if on:
                bits |= 1 << (row_bytes * 8 - 1 - x)
        out += bits.to_bytes(row_bytes, "big")
    return bytes(out)


def build_subset(font: Font) -> tuple[list[list[list[bool]]], list[list[int]]]:
    """Return (glyphs, code points per glyph) for the output font."""
    cmap: dict[int, int] = {}  # code point -> source glyph index
    for cp in KEEP:
        if cp in font.cmap:
            cmap[cp] = font.cmap[cp]
    space = font.cmap[SPACE]
    for cp in SPACE_ALIASES:
        cmap[cp] = space
    hyphen = font.cmap[HYPHEN_MINUS]
    minus = font.cmap.get(MINUS)
    cmap[MINUS] = minus if minus is not None and minus != hyphen else hyphen

    # Output order: by the smallest code point of each glyph, so ASCII comes first.
    by_glyph: dict[int, list[int]] = {}
    for cp in sorted(cmap):
        by_glyph.setdefault(cmap[cp], []).append(cp)
    order = sorted(by_glyph, key=lambda g: by_glyph[g][0])
    glyphs = [font.glyphs[g] for g in order]
    codes = [by_glyph[g] for g in order]

    glyphs.append(make_rouble(font.glyphs[font.cmap[CYRILLIC_ER]], font.width))
    codes.append([ROUBLE])
    return glyphs, codes


def write_psf2(path: Path, width: int, height: int, glyphs, codes) -> bytes:
    charsize = height * ((width + 7) // 8)
    header = PSF2_MAGIC + struct.pack("<7I", 0, 32, 0x01, len(glyphs), charsize, height, width)
    body = b"".join(_pack_bitmap(g, width) for g in glyphs)
    table = b"".join(
        b"".join(chr(cp).encode("utf-8") for cp in cps) + b"\xff" for cps in codes
    )
    data = header + body + table
    path.write_bytes(data)
    return data


def ascii_art(glyph: list[list[bool]]) -> str:
    return "\n".join("".join("#" if on else "." for on in row) for row in glyph)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "src",
        nargs="?",
        default=DEFAULT_SRC,
        help=f"directory with the console-setup-linux PSF fonts (default: {DEFAULT_SRC})",
    )
    parser.add_argument(
        "--out",
        default=str(Path(__file__).resolve().parents[2] / "assets" / "fonts"),
        help="output directory (default: assets/fonts in this repository)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not print the ₽ glyphs")
    args = parser.parse_args(argv)

    src, out = Path(args.src), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, width, height, stem in SOURCES:
        path = src / name
        if not path.exists():
            print(
                f"error: {path} not found (install or extract console-setup-linux)",
                file=sys.stderr,
            )
            return 1
        font = read_psf(path)
        if (font.width, font.height) != (width, height):
            raise FontError(f"{name}: expected {width}x{height}, got {font.width}x{font.height}")
        glyphs, codes = build_subset(font)
        present = {cp for cps in codes for cp in cps}
        missing = [f"U+{cp:04X}" for cp in REQUIRED if cp not in present]
        if missing:
            raise FontError(f"{name}: missing required characters {' '.join(missing)}")
        target = out / f"{stem}-{height}.psf"
        data = write_psf2(target, width, height, glyphs, codes)
        total += len(data)
        print(
            f"{target}: {width}x{height}, {len(glyphs)} glyphs, "
            f"{len(present)} code points, {len(data)} bytes"
        )
        if not args.quiet:
            er = font.glyphs[font.cmap[CYRILLIC_ER]]
            rouble = glyphs[-1]
            print(f"Р and ₽ at {height} px:")
            for a, b in zip(ascii_art(er).split("\n"), ascii_art(rouble).split("\n")):
                print(f"    {a}   {b}")
    print(f"total: {total} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
