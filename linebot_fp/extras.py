"""Optional extras: the libraries some parts need, imported only where they are used.

:func:`import_extra` imports one, and when it is missing raises an
``ImportError`` that says which ``pip install 'linebot_fp[...]'`` brings it,
instead of a bare ``No module named ...``. Every module that uses an optional
library imports it through here, at the point of use.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["EXTRAS", "MissingExtraError", "import_extra"]

#: extra -> the libraries it brings (as ``pyproject.toml`` lists them)
EXTRAS: dict[str, tuple[str, ...]] = {
    "httpx": ("httpx",),
    "aiohttp": ("aiohttp",),
    "redis": ("redis",),
    "jwt": ("jwt",),
}


class MissingExtraError(ImportError):
    """An optional library is not installed; the message names the extra that brings it."""


def import_extra(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` (a library of the extra ``extra``), needed by ``feature``.

    Raises :class:`MissingExtraError` (an ``ImportError``) naming
    ``pip install 'linebot_fp[extra]'`` when the library is not installed.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name is None or module.split(".")[0] != error.name.split(".")[0]:
            raise  # something inside the library is missing: its own message says what
        raise MissingExtraError(
            f"{feature} needs the {module.split('.')[0]!r} library, which is not installed: "
            f"pip install 'linebot_fp[{extra}]'", name=module) from error
