"""Functions written as source text at run time, readable where they fail.

The models (a faster ``__init__``, the field checks) and the codec (one reader and
one writer per class) generate small functions. :func:`function` compiles one and
registers its source with :mod:`linecache` under a name of its own
(``<structure linebot_fp.models._events.message.MessageEvent>``), so a traceback
through it shows its real lines, as it does for dataclasses' own code.

Standard library only; this module performs no I/O.
"""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Callable
from typing import Any

__all__ = ["function"]

_numbers = itertools.count(2)


def function(source: str, name: str, scope: dict[str, Any], label: str) -> Callable[..., Any]:
    """Compile ``source`` (one ``def name(...)``) in ``scope`` and return the function.

    ``label`` names it in tracebacks: the file name is ``<label>``, or ``<label #n>``
    when another source was registered under that label before (two classes of
    the same name, a class made again).
    """
    lines = source.splitlines(keepends=True)
    filename = f"<{label}>"
    registered = linecache.getlines(filename)  # [] for a label not registered yet
    if registered and registered != lines:
        filename = f"<{label} #{next(_numbers)}>"
    # mtime None: linecache.checkcache keeps the entry (there is no file to compare with)
    linecache.cache[filename] = (len(source), None, lines, filename)
    exec(compile(source, filename, "exec"), scope)
    made: Callable[..., Any] = scope[name]
    return made
