"""The legacy ``linebot.utils``: key-case helpers, the logger, a constant-time compare.

This module performs no I/O.
"""

from __future__ import annotations

import hmac
import logging

from linebot_fp.compat.models.base import to_camel_case, to_snake_case

__all__ = ["LOGGER", "PY3", "safe_compare_digest", "to_camel_case", "to_snake_case"]

#: the legacy SDK logged to ``linebot``; linebot_fp logs to ``linebot_fp``
LOGGER = logging.getLogger("linebot_fp")

#: always true: linebot_fp runs on Python 3 only
PY3 = True


def safe_compare_digest(val1: str | bytes, val2: str | bytes) -> bool:
    """Whether two strings (or two byte strings) are equal, compared in constant time."""
    if isinstance(val1, str) and isinstance(val2, str):
        return hmac.compare_digest(val1.encode("utf-8"), val2.encode("utf-8"))
    if isinstance(val1, bytes) and isinstance(val2, bytes):
        return hmac.compare_digest(val1, val2)
    raise TypeError("safe_compare_digest compares two str or two bytes values")
