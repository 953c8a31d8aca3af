"""What an image is, read from its first bytes: format and size in pixels.

Reads the headers of PNG (the IHDR chunk), JPEG (the first start-of-frame
segment), GIF, WebP and BMP files with the standard library only, so a rich menu
image can be checked before it is uploaded. This module performs no I/O.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

__all__ = ["ImageInfo", "image_info"]

_PNG = b"\x89PNG\r\n\x1a\n"
#: JPEG start-of-frame markers (baseline, progressive, lossless, ...; not DHT C4, JPG C8, DAC CC)
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
#: JPEG markers that stand alone, with no length after them
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """``format`` is ``"png"``, ``"jpeg"``, ``"gif"``, ``"webp"``, ``"bmp"`` or ``""``
    (not an image this module knows); ``width`` and ``height`` are pixels, None when the
    header does not say (or is cut short)."""

    format: str
    width: int | None = None
    height: int | None = None


def image_info(data: bytes) -> ImageInfo:
    """The format and size of the image ``data`` holds."""
    if data.startswith(_PNG):
        if len(data) >= 24 and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return ImageInfo("png", width, height)
        return ImageInfo("png")
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        if len(data) >= 10:
            width, height = struct.unpack("<HH", data[6:10])
            return ImageInfo("gif", width, height)
        return ImageInfo("gif")
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ImageInfo("webp")
    if data[:2] == b"BM":
        return ImageInfo("bmp")
    return ImageInfo("")


def _jpeg(data: bytes) -> ImageInfo:
    """Walk the JPEG segments up to the first start of frame, which holds the size."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            break  # not a marker where one belongs: a damaged file
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _STANDALONE:
            at += 2
            continue
        if marker == 0xDA:  # start of scan: no frame header before the image data
            break
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if marker in _SOF:
            if at + 9 <= len(data):
                height, width = struct.unpack(">HH", data[at + 5:at + 9])
                return ImageInfo("jpeg", width, height)
            break
        at += 2 + length
    return ImageInfo("jpeg")
