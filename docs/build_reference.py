"""Build the API reference (HTML) from the docstrings with pdoc; any warning fails the build.

    pip install -e '.[docs]'
    python docs/build_reference.py [OUTPUT_DIR]        # default: build/reference

Every public module of ``linebot_fp`` is documented (those whose dotted name has
no part starting with ``_``), listed explicitly because pdoc would otherwise
follow the packages' lazy ``__all__``, which names objects, not modules. It
exits 1 after printing the warnings, if pdoc gave any; 0 when the reference is
clean. Python 3.11 or newer.

Before rendering, :func:`prepare` gives pdoc what it cannot find alone, without
changing what the package does: the lazily exported names loaded; the
annotations of each dataclass ``__init__`` resolved where its fields were
declared (a subclass in another module inherits ``source: Source | None``
without importing ``Source``); TypedDict bases made visible (``__mro__`` loses
them before Python 3.12); and ``_typeshed.wsgi``, which exists only for type
checkers, served by ``wsgiref.types`` when pdoc runs ``TYPE_CHECKING`` imports.
Docstrings are reStructuredText; two of its forms pdoc leaves as typed, so
they are rewritten first: a ``~`` shortened reference (``:class:`~a.B```, now
the full name, linked) and the ``::`` that introduces an indented block.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
import textwrap
import types
import typing
import warnings
from pathlib import Path

import pdoc
import pdoc.docstrings
import pdoc.render

import linebot_fp


def public_modules() -> list[str]:
    """``linebot_fp`` and each of its public modules, by dotted name."""
    found = pkgutil.walk_packages(linebot_fp.__path__, "linebot_fp.")
    public = (info.name for info in found
              if not any(part.startswith("_") for part in info.name.split(".")))
    return ["linebot_fp", *sorted(public)]


def prepare(module_names: list[str]) -> None:
    """Load lazy exports and resolve what pdoc cannot (see the module docstring)."""
    wsgi_types = importlib.import_module("wsgiref.types")  # Python 3.11+
    typeshed = types.ModuleType("_typeshed")
    typeshed.wsgi = wsgi_types  # type: ignore[attr-defined]
    sys.modules.setdefault("_typeshed", typeshed)
    sys.modules.setdefault("_typeshed.wsgi", wsgi_types)
    for name in module_names:
        module = importlib.import_module(name)
        for export in getattr(module, "__all__", ()):
            if export not in vars(module):  # a lazy export becomes a plain attribute
                setattr(module, export, getattr(module, export))
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == name:
                _resolve_init(value)
                _show_typeddict_bases(value)


def _resolve_init(cls: type) -> None:
    if not dataclasses.is_dataclass(cls):
        return
    hints = typing.get_type_hints(cls)  # each field resolved in the module declaring it
    init = cls.__init__
    init.__annotations__ = {name: hints.get(name, annotation)
                            for name, annotation in init.__annotations__.items()}


def _show_typeddict_bases(cls: type) -> None:
    """Before Python 3.12 a TypedDict forgets its bases; read them back from its source."""
    if not typing.is_typeddict(cls) or sys.version_info >= (3, 12):
        return
    (tree,) = ast.parse(textwrap.dedent(inspect.getsource(cls))).body
    assert isinstance(tree, ast.ClassDef)
    namespace = vars(sys.modules[cls.__module__])
    bases = [namespace[base.id] for base in tree.bases
             if isinstance(base, ast.Name) and base.id != "TypedDict"]
    cls.__orig_bases__ = (*bases, typing.TypedDict)  # type: ignore[attr-defined]


_pdoc_rst = pdoc.docstrings.rst


def _rst(contents: str, source_file: Path | None) -> str:
    """pdoc's reStructuredText conversion, after the two rewrites the module docstring names."""
    contents = re.sub(r"(:\w+:)`~", r"\1`", contents)
    contents = re.sub(r"^[ \t]*::[ \t]*$", "", contents, flags=re.MULTILINE)
    contents = re.sub(r"(\S)::[ \t]*$", r"\1:", contents, flags=re.MULTILINE)
    return _pdoc_rst(contents, source_file)


def main(argv: list[str]) -> int:
    output = Path(argv[0] if argv else "build/reference")
    modules = public_modules()
    prepare(modules)
    pdoc.docstrings.rst = _rst
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pdoc.render.configure(docformat="restructuredtext", search=True, show_source=True,
                              footer_text=f"linebot_fp {linebot_fp.__version__}")
        pdoc.pdoc(*modules, output_directory=output)
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    if caught:
        print(f"{len(caught)} warning(s): the reference is not clean", file=sys.stderr)
        return 1
    print(f"{len(modules)} modules documented: {output / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
