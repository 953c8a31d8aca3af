"""Strict reading of a Flex Message Simulator paste.

The codec reads received data leniently: a component whose ``layout`` is unknown
or whose required field is missing becomes an ``UnknownFlexComponent``, and keys
nobody knows are ignored. That is right for what LINE sends, wrong for what a
person pasted: :func:`read_flex` reports each such fault with its pointer, and
also any part of the paste that writing the container back would not give again.
This module performs no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from linebot_fp.validation import facts
from linebot_fp.validation.flex import check_container
from linebot_fp.validation.problems import Path, Problem, Report, kind_of, pointer
from linebot_fp.validation.text import check_text

if TYPE_CHECKING:
    from linebot_fp.models import FlexContainer

__all__ = ["read_flex"]


def read_flex(paste: str | bytes | Mapping[str, Any]
              ) -> tuple[FlexContainer | None, tuple[Problem, ...]]:
    """Read a flex container pasted from the Flex Message Simulator, strictly.

    ``paste`` is the JSON text (or its parsed object) of a bubble or a carousel, or
    of a whole flex message (``{"type": "flex", "altText": ..., "contents": ...}``,
    whose problems are then named from ``contents``). Returns the container as the
    codec reads it (None when the paste is not a JSON object) and every problem
    found: an unknown ``type`` or ``layout``, a missing required field, a property
    the schema does not know, LINE's limits; when there are none, writing the
    container back (``codec.unstructure``) gives the paste exactly.
    """
    report = Report()
    data = _parsed(paste, report)
    if data is None:
        return None, report.result()
    path: Path = ()
    if data.get("type") == "flex":
        check_text(report, data, "altText", (), facts.ALT_TEXT, required=True, nonempty=True)
        contents = report.obj(data, "contents", (), required=True)
        if contents is None:
            return None, report.result()
        data, path = contents, ("contents",)
    try:
        check_container(report, data, path, strict=True)
    except RecursionError:
        report.add(path, "nested too deeply to read")
        return None, report.result()
    container = _read(data, path, report)
    if container is not None:
        _compare(report, data, container, path)
    return container, report.result()


def _parsed(paste: str | bytes | Mapping[str, Any], report: Report) -> Mapping[str, Any] | None:
    if isinstance(paste, Mapping):
        return paste
    if not isinstance(paste, (str, bytes, bytearray)):
        report.add((), f"a paste is JSON text or an object, got {type(paste).__name__}")
        return None
    try:
        data = json.loads(paste)
    except (ValueError, UnicodeDecodeError) as exc:
        report.add((), f"not JSON: {exc}")
        return None
    except RecursionError:
        report.add((), "JSON nested too deeply to read")
        return None
    if not isinstance(data, Mapping):
        report.add((), f"a flex container is a JSON object, got {kind_of(data)}")
        return None
    return data


def _read(data: Mapping[str, Any], path: Path, report: Report) -> FlexContainer | None:
    from linebot_fp import codec
    from linebot_fp.errors import InvalidInputError
    from linebot_fp.models import FlexContainer

    try:
        return codec.structure(dict(data), FlexContainer)
    except (InvalidInputError, RecursionError) as exc:
        report.add(path, f"the codec cannot read this container: {exc}")
        return None


def _compare(report: Report, given: Mapping[str, Any], container: FlexContainer,
             path: Path) -> None:
    """Report what writing ``container`` back would not give as pasted."""
    from linebot_fp import codec

    try:
        written = codec.unstructure(container)
    except RecursionError:
        report.add(path, "nested too deeply to write back")
        return
    root = pointer(path)
    reported = {problem.property for problem in report.problems}
    for where, message in _differences(given, written, path):
        name = pointer(where)
        if not any(name == seen or (seen != root and name.startswith((f"{seen}.", f"{seen}[")))
                   for seen in reported):  # said already, or inside what was
            report.add(where, message)


def _differences(given: Any, written: Any, path: Path) -> list[tuple[Path, str]]:
    """Where ``written`` differs from ``given``, walked without recursion."""
    found: list[tuple[Path, str]] = []
    stack: list[tuple[Any, Any, Path]] = [(given, written, path)]
    while stack:
        before, after, where = stack.pop()
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            for key, value in before.items():
                if key not in after:
                    found.append(((*where, key), f"{key!r} is not kept by linebot_fp: writing "
                                                 "the container back would drop it"))
                else:
                    stack.append((value, after[key], (*where, key)))
            found.extend(((*where, key), f"{key!r} would be added when written back")
                         for key in after if key not in before)
        elif isinstance(before, (list, tuple)) and isinstance(after, (list, tuple)):
            if len(before) != len(after):
                found.append((where, f"written back with {len(after)} items instead of "
                                     f"{len(before)}"))
            else:
                pairs = enumerate(zip(before, after, strict=True))
                stack.extend((b, a, (*where, i)) for i, (b, a) in pairs)
        elif before != after or type(before) is not type(after):
            found.append((where, f"written back as {after!r} instead of {before!r}"))
    return sorted(found, key=lambda item: pointer(item[0]))
