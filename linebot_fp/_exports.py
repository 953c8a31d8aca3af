"""Package exports that load on first use (PEP 562), and the tool that writes their index.

A package declares what it exports once, as imports under ``if TYPE_CHECKING:``,
which mypy and pyright read: ``from linebot_fp.models.events import *`` exports
that module's whole ``__all__``, ``from linebot_fp.client import Client as Client``
one name. Below them, between two marker comments, stands the index
``{module: (names, ...)}`` that :func:`lazy_exports` serves at run time: each name
imports the module that defines it on first use, and nothing else. The index is
written from those same imports and from each module's ``__all__`` by
``python -m linebot_fp._export_index`` (see :mod:`linebot_fp._export_index`), and
``tests/test_exports.py`` fails when one is out of date: the names are written in
one place (each module's ``__all__``, or the package's own import lines) and
everything else is derived.

Standard library only; this module performs no I/O.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, index: Mapping[str, tuple[str, ...]]
                 ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``(__all__, __getattr__, __dir__)`` for ``package`` from ``{module: names}``.

    ``__getattr__`` imports the module of a name the first time it is used and
    keeps the value as a plain attribute of the package; the import system's
    lock makes that safe when threads race on a first use.
    """
    where = {name: module for module, names in index.items() for name in names}
    names = sorted(where)

    def __getattr__(name: str) -> Any:  # noqa: N807
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        vars(importlib.import_module(package))[name] = value  # next time, a plain lookup
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return names

    return names, __getattr__, __dir__
