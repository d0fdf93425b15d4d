"""Images under docs/: their type from their bytes, their size from their header (guide/checks/images.py)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from guide.checks.images import image_problem


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + frame + b"\xff\xd9"


def webp_lossless(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    body = b"VP8L" + struct.pack("<I", 5) + b"\x2f" + struct.pack("<I", bits)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def webp_extended(width: int, height: int) -> bytes:
    body = b"VP8X" + struct.pack("<I", 10) + b"\x00" * 4 + (width - 1).to_bytes(3, "little")
    body += (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def _problem(tmp_path: Path, name: str, data: bytes) -> str | None:
    path = tmp_path / name
    path.write_bytes(data)
    return image_problem(path)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.png", png(800, 600)),
        ("a.jpg", jpeg(4000, 3000)),
        ("a.jpeg", jpeg(10, 10)),
        ("a.webp", webp_lossless(1200, 900)),
        ("a.webp", webp_extended(4000, 4000)),
    ],
)
def test_real_images_within_the_size_pass(tmp_path: Path, name: str, data: bytes) -> None:
    assert _problem(tmp_path, name, data) is None


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.png", b"<!doctype html><script>alert(1)</script>", "is not a PNG image"),
        ("a.webp", b"GIF89a" + b"\x00" * 20, "is not a WebP image"),
        ("a.png", jpeg(10, 10), "is named .png but is a JPEG image; rename it to .jpg"),
        ("a.jpg", png(10, 10), "is named .jpg but is a PNG image"),
        ("a.png", png(20_000, 20_000), "is 20000 x 20000 pixels; images may be at most 4000 x 4000"),
        ("a.jpg", jpeg(4001, 10), "is 4001 x 10 pixels"),
        ("a.webp", webp_lossless(10, 16_000), "is 10 x 16000 pixels"),
        ("a.webp", webp_extended(100_000, 10), "is 100000 x 10 pixels"),
        ("a.png", png(0, 10), "is 0 x 10 pixels"),
        ("a.png", b"\x89PNG\r\n\x1a\n", "gives no width and height"),
        ("a.jpg", b"\xff\xd8\xff\xe0\x00", "gives no width and height"),
    ],
)
def test_wrong_type_and_huge_images_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    assert message in (_problem(tmp_path, name, data) or "")
