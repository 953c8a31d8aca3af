"""``Secret``: a string that never shows itself in a ``repr``.

Channel access tokens, channel secrets and JWT assertions live in ``Secret``
values inside ``linebot_fp``, so a ``repr`` (of the value, of an object holding
it, of a traceback's local variables) prints ``<redacted>``. It is a ``str``
everywhere else: ``str(secret)``, f-strings, ``==`` and headers give the text.
This module performs no I/O.
"""

from __future__ import annotations

__all__ = ["REDACTED", "Secret"]

#: what a ``repr`` of a secret shows
REDACTED = "<redacted>"


class Secret(str):
    """A ``str`` whose ``repr`` is ``<redacted>``: use it as the text, print it never."""

    __slots__ = ()

    def __repr__(self) -> str:
        return REDACTED

    def reveal(self) -> str:
        """The text as a plain ``str`` (to hand to code outside ``linebot_fp``)."""
        return str.__str__(self)
