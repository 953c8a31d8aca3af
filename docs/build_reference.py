"""Build the API reference (HTML) from the docstrings with pdoc; any warning fails the build.

    pip install -e '.[docs]'
    python docs/build_reference.py [OUTPUT_DIR]        # default: build/reference

Every public module of ``linebot_fp`` is documented (those whose dotted name has
no part starting with ``_``), listed explicitly because pdoc would otherwise
follow the packages' lazy ``__all__``, which names objects, not modules. It
exits 1 after printing the warnings, if pdoc gave any; 0 when the reference is
clean. Python 3.11 or newer. ``docs/check_reference.py`` builds it and looks at it
in a real browser.

What this adds to pdoc's defaults (templates and CSS in ``docs/templates/``):

* the landing page (``index.html``): the architecture and every module, grouped by
  ``docs/landing.py``'s rules, each with the first sentence of its docstring; every
  module page links back to it;
* Google-style sections (``Args:``, ``Returns:``, ``Raises:``, ...) rendered as lists
  (:func:`google_sections`), and long signatures wrapped instead of cut;
* each object once in the search: a name a package exports (``linebot_fp.Client``,
  ``linebot_fp.models.TextSendMessage``) is documented on the package's page and on its
  module's, and pdoc would index both; the search keeps the shortest public path
  (:func:`one_entry_per_object`).

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
import re
import sys
import textwrap
import types
import typing
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pdoc
import pdoc.doc
import pdoc.docstrings
import pdoc.render
import pdoc.search

sys.path.insert(0, str(Path(__file__).parent))  # docs/landing.py, run as a script or imported

import landing

import linebot_fp

#: pdoc templates and CSS that take precedence over its defaults
TEMPLATES = Path(__file__).parent / "templates"
public_modules = landing.public_modules


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
        exported = set(getattr(module, "__all__", ()))  # a family module re-exports its pieces
        for key, value in list(vars(module).items()):
            if isinstance(value, type) and (value.__module__ == name or key in exported):
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
    """pdoc's reStructuredText conversion, after the two rewrites the module docstring names,
    then the Google-style sections as lists."""
    contents = re.sub(r"(:\w+:)`~", r"\1`", contents)
    contents = re.sub(r"^[ \t]*::[ \t]*$", "", contents, flags=re.MULTILINE)
    contents = re.sub(r"(\S)::[ \t]*$", r"\1:", contents, flags=re.MULTILINE)
    return google_sections(_pdoc_rst(contents, source_file))


#: Google-style section -> its title on the page; each is rendered as a list
SECTIONS = {"Args": "Arguments", "Arguments": "Arguments", "Parameters": "Arguments",
            "Keyword Args": "Keyword arguments", "Returns": "Returns", "Yields": "Yields",
            "Raises": "Raises", "Attributes": "Attributes", "Warns": "Warns"}
#: the sections whose items are ``name: what`` (the name is set in bold)
NAMED_ITEMS = frozenset({"Arguments", "Keyword arguments", "Raises", "Attributes", "Warns"})
_SECTION = re.compile(r"^(?P<name>" + "|".join(SECTIONS) + r"):[ \t]*\n"
                      r"(?P<body>(?:[ \t]*\n|[ \t]+\S.*\n?)+)", re.MULTILINE)
_NAMED = re.compile(r"^(`[^`]+`|[^\s:`][^:]*?):\s+")


def google_sections(text: str) -> str:
    """``Args:`` (``Returns:``, ``Raises:``, ...) and its indented block -> a title and a
    Markdown list: one item per line at the block's first indentation, its deeper lines
    joined to it; in ``name: what`` items the name is set in bold."""
    def section(match: re.Match[str]) -> str:
        title = SECTIONS[match["name"]]
        items: list[str] = []
        for line in textwrap.dedent(match["body"]).strip("\n").splitlines():
            if not line.strip():
                continue
            if line[0].isspace() and items:
                items[-1] += " " + line.strip()
            else:
                items.append(line.strip())
        if title in NAMED_ITEMS:
            items = [_NAMED.sub(r"**\1**: ", item, count=1) for item in items]
        listed = "\n".join(f"- {item}" for item in items)
        return f'\n<p class="section-title">{title}</p>\n\n{listed}\n\n'

    return _SECTION.sub(section, text)


def one_entry_per_object(make_index: Callable[..., list[dict[str, Any]]]
                         ) -> Callable[..., list[dict[str, Any]]]:
    """pdoc's search indexer, keeping one entry per documented object: the one at the
    shortest public path (``linebot_fp.Client``, not ``linebot_fp.client.Client``)."""
    def indexed(all_modules: Mapping[str, pdoc.doc.Module],
                is_public: Callable[[pdoc.doc.Doc[Any]], bool],
                default_docformat: str) -> list[dict[str, Any]]:
        best: dict[tuple[Any, ...], str] = {}

        def visit(namespace: Any) -> None:
            for member in getattr(namespace, "own_members", ()):
                if isinstance(member, pdoc.doc.Module) or not is_public(member):
                    continue
                key, name = _identity(member), member.fullname
                if key not in best or (name.count("."), len(name)) < (
                        best[key].count("."), len(best[key])):
                    best[key] = name
                visit(member)

        for module in all_modules.values():
            visit(module)

        def chosen(doc: pdoc.doc.Doc[Any]) -> bool:
            if not is_public(doc):
                return False
            return isinstance(doc, pdoc.doc.Module) or best.get(_identity(doc)) == doc.fullname

        return make_index(all_modules, chosen, default_docformat)

    return indexed


def _identity(doc: pdoc.doc.Doc[Any]) -> tuple[Any, ...]:
    """What makes two documented objects one: where a class or function was defined; for a
    variable (a value knows no module), its name and the value itself."""
    if isinstance(doc, pdoc.doc.Variable) and "." not in doc.qualname:  # a module variable
        return ("variable", doc.name, id(doc.obj))
    return doc.taken_from


def landing_page(module_names: list[str]) -> dict[str, Any]:
    """What ``docs/templates/index.html.jinja2`` shows: the architecture and the groups."""
    groups = []
    for group, names in landing.grouped(module_names):
        modules = [{"name": name, "href": name.replace(".", "/") + ".html",
                    "summary": summary(importlib.import_module(name).__doc__ or "")}
                   for name in names]
        anchor = re.sub(r"[^a-z]+", "-", group.title.lower()).strip("-")
        groups.append({"title": group.title, "about": group.about, "anchor": anchor,
                       "modules": modules})
    return {"version": linebot_fp.__version__, "count": len(module_names), "groups": groups,
            "architecture": landing.ARCHITECTURE, "notes": landing.ARCHITECTURE_NOTES}


def summary(docstring: str) -> str:
    """The first sentence of a docstring, its reStructuredText marks removed."""
    text = " ".join(inspect.cleandoc(docstring).split("\n\n")[0].split())
    text = re.sub(r":\w+:`~?([^`]+)`", r"\1", text).replace("``", "")
    return re.split(r"(?<=\.)\s", text, maxsplit=1)[0]


def main(argv: list[str]) -> int:
    output = Path(argv[0] if argv else "build/reference")
    modules = public_modules()
    prepare(modules)
    pdoc.docstrings.rst = _rst
    pdoc.render.make_index = one_entry_per_object(pdoc.search.make_index)  # type: ignore[attr-defined]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pdoc.render.configure(docformat="restructuredtext", search=True, show_source=True,
                              footer_text=f"linebot_fp {linebot_fp.__version__}",
                              template_directory=TEMPLATES)
        pdoc.render.env.globals["landing"] = landing_page(modules)
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
