"""Images under docs/: the type that the file's first bytes say must be the type its name says, and its width
and height at most MAX_SIDE pixels. A 48 KB PNG can claim 20,000 x 20,000 pixels (1.6 GB to decode on a
phone), and an HTML file saved as .png would be published and precached. Read from the header alone: PNG,
JPEG and WebP headers are small and fixed, so no image library is needed."""

from __future__ import annotations

import struct
from pathlib import Path

MAX_SIDE = 4000
TYPE_OF_SUFFIX = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP"}
SUFFIX_OF_TYPE = {"PNG": ".png", "JPEG": ".jpg", "WebP": ".webp"}
# JPEG markers that start a frame and give its size (SOF0-SOF15 but DHT, JPG and DAC).
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}

Size = tuple[int, int] | None


def _png(data: bytes) -> Size:
    return struct.unpack(">II", data[16:24]) if data[12:16] == b"IHDR" and len(data) >= 24 else None


def _jpeg(data: bytes) -> Size:
    at = 2
    while at + 9 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
        elif marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        elif marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            at += 2
        else:
            at += 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
    return None


def _webp(data: bytes) -> Size:
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a" and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def image_type(data: bytes) -> str | None:
    """The image type that the file's first bytes say, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return None


SIZE_READERS = {"PNG": _png, "JPEG": _jpeg, "WebP": _webp}


def image_problem(path: Path) -> str | None:
    """What is wrong with an image under docs/, said so that a translator knows what to do; None if fine."""
    expected = TYPE_OF_SUFFIX[path.suffix.lower()]
    data = path.read_bytes()
    found = image_type(data)
    if found is None:
        return f"is not a {expected} image (its first bytes are not an image's); save it as {expected} or delete it"
    if found != expected:
        return f"is named {path.suffix} but is a {found} image; rename it to {SUFFIX_OF_TYPE[found]}"
    size = SIZE_READERS[found](data)
    if size is None:
        return f"its {found} header gives no width and height (the file is damaged); save it again"
    width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or not width or not height:
        return (
            f"is {width} x {height} pixels; images may be at most {MAX_SIDE} x {MAX_SIDE}: make it smaller "
            "(a phone must decode every pixel)"
        )
    return None
