"""How LINE measures text, and the checks of texts, URLs and colors built on it.

LINE counts text in UTF-16 code units (an emoji outside the Basic Multilingual
Plane, such as 🍎, is 2), except a few properties counted in grapheme clusters
(what a reader sees as one character: 👍🏽, 🇯🇵 and é written as e + ◌́ are one each)
(https://developers.line.biz/en/docs/messaging-api/text-character-count/).
:func:`graphemes` follows the extended grapheme cluster rules of Unicode UAX #29
for what messages carry (combining marks, emoji modifiers and ZWJ sequences, flags,
tags, Hangul syllables, CR LF) with the standard library only.
This module performs no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import urlsplit

from linebot_fp.validation.problems import Path, Report

__all__ = ["HTTPS", "LINK_SCHEMES", "check_color", "check_text", "check_url", "graphemes",
           "utf16_units"]

#: schemes a URI action and an imagemap link may open (https://developers.line.biz/en/reference/
#: messaging-api/#uri-action: "http, https, line, and tel")
LINK_SCHEMES = frozenset({"http", "https", "line", "tel"})
#: media URLs LINE fetches: HTTPS only (#image-message and every other media URL)
HTTPS = frozenset({"https"})

_ZWJ = 0x200D
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def utf16_units(text: str) -> int:
    """The length of ``text`` as LINE counts it: UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def graphemes(text: str) -> int:
    """The number of grapheme clusters (user-perceived characters) in ``text``."""
    count = 0
    previous = -1  # the last code point, -1 at the start
    regional_run = 0  # regional indicators in a row (two make a flag)
    for char in text:
        point = ord(char)
        if previous >= 0 and _joins(previous, point, regional_run):
            pass
        else:
            count += 1
        regional_run = regional_run + 1 if 0x1F1E6 <= point <= 0x1F1FF else 0
        previous = point
    return count


def _joins(previous: int, point: int, regional_run: int) -> bool:
    """Whether ``point`` continues the cluster ``previous`` belongs to (no break between)."""
    if previous == 0x0D and point == 0x0A:
        return True
    if previous in (0x0A, 0x0D) or point in (0x0A, 0x0D):
        return False
    if point == _ZWJ or _extends(point):
        return True
    if previous == _ZWJ:  # an emoji ZWJ sequence: 👩 ZWJ 💻
        return True
    if 0x1F1E6 <= point <= 0x1F1FF:
        return regional_run % 2 == 1  # the second of a pair of regional indicators
    return _hangul_joins(previous, point)


def _extends(point: int) -> bool:
    """Extend and SpacingMark code points: they never start a cluster."""
    if 0x1F3FB <= point <= 0x1F3FF or 0xE0020 <= point <= 0xE007F:  # skin tones, tags
        return True
    if point in (0x0E33, 0x0EB3):  # Thai and Lao SARA AM are spacing marks
        return True
    return unicodedata.category(chr(point)) in ("Mn", "Me", "Mc")


def _hangul(point: int) -> str:
    if 0x1100 <= point <= 0x115F or 0xA960 <= point <= 0xA97C:
        return "L"
    if 0x1160 <= point <= 0x11A7 or 0xD7B0 <= point <= 0xD7C6:
        return "V"
    if 0x11A8 <= point <= 0x11FF or 0xD7CB <= point <= 0xD7FB:
        return "T"
    if 0xAC00 <= point <= 0xD7A3:
        return "LV" if (point - 0xAC00) % 28 == 0 else "LVT"
    return ""


def _hangul_joins(previous: int, point: int) -> bool:
    before, after = _hangul(previous), _hangul(point)
    if before == "L":
        return after in ("L", "V", "LV", "LVT")
    if before in ("LV", "V"):
        return after in ("V", "T")
    if before in ("LVT", "T"):
        return after == "T"
    return False


def check_text(report: Report, obj: Mapping[str, Any], key: str, path: Path, limit: int, *,
               required: bool = False, nonempty: bool = False,
               grapheme_clusters: bool = False) -> str | None:
    """A string field of at most ``limit`` characters, counted as LINE counts that field."""
    value = report.string(obj, key, path, required=required, nonempty=nonempty)
    if value is None:
        return None
    if grapheme_clusters:
        size, unit = graphemes(value), "characters (grapheme clusters)"
    else:
        size, unit = utf16_units(value), "UTF-16 code units"
    if size > limit:
        report.add((*path, key), f"{key} is {size:,} {unit} long; LINE allows at most {limit:,}")
    return value


def check_url(report: Report, obj: Mapping[str, Any], key: str, path: Path, limit: int, *,
              schemes: Collection[str] = HTTPS, required: bool = False) -> str | None:
    """A URL field: at most ``limit`` characters, with one of ``schemes``."""
    value = report.string(obj, key, path, required=required, nonempty=required)
    if value is None:
        return None
    where = (*path, key)
    size = utf16_units(value)
    if size > limit:
        report.add(where, f"{key} is {size:,} characters long; LINE allows at most {limit:,}")
    try:
        parts = urlsplit(value)
    except ValueError:
        report.add(where, f"{key} is not a URL: {value[:80]!r}")
        return value
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        wanted = ", ".join(sorted(schemes))
        if schemes == HTTPS:
            report.add(where, f"{key} must be an HTTPS URL (LINE fetches media over HTTPS only), "
                              f"got {value[:80]!r}")
        else:
            report.add(where, f"{key} must use one of the schemes {wanted}, got {value[:80]!r}")
    elif scheme in ("http", "https") and not parts.netloc:
        report.add(where, f"{key} has no host: {value[:80]!r}")
    return value


def check_color(report: Report, obj: Mapping[str, Any], key: str, path: Path) -> None:
    """A hexadecimal color, ``#RRGGBB`` or ``#RRGGBBAA`` (LINE's flex and template colors)."""
    value = report.string(obj, key, path)
    if value is not None and not _COLOR.fullmatch(value):
        report.add((*path, key), f"{key} must be a hexadecimal color like #RRGGBB or "
                                 f"#RRGGBBAA, got {value[:40]!r}")
