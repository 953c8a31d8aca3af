"""A problem found in a value bound for LINE, named as LINE names it.

:class:`Problem` holds ``property``, where the fault is, written the way LINE writes
``details[].property`` in a 400 answer (``messages[0].text``,
``messages[0].contents.contents[1].body.contents[0].layout``; the empty string is
the value itself), and ``message``, what is wrong and which of LINE's limits it
breaks. :class:`Report` collects them while a check walks the JSON form of a value,
with readers that report a missing or mistyped field instead of raising.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Path", "Problem", "Report", "kind_of", "pointer"]

#: the steps from the checked value to a field: keys and list indexes
Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing LINE would refuse: ``property`` names where, ``message`` says what."""

    property: str
    message: str

    def __str__(self) -> str:
        return f"{self.property or '(the value)'}: {self.message}"


def pointer(path: Path) -> str:
    """``("messages", 0, "contents", "body")`` -> ``"messages[0].contents.body"``."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def kind_of(value: object) -> str:
    """The JSON name of a value's type, for messages (``"a number"``, ``"null"``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, Sequence):
        return "an array"
    return type(value).__name__


def _is(value: object, expected: type | tuple[type, ...]) -> bool:
    """``isinstance``, except that ``true`` is no number (``bool`` subclasses ``int``)."""
    if isinstance(value, bool):
        return expected is bool or (isinstance(expected, tuple) and bool in expected)
    return isinstance(value, expected)


class Report:
    """The problems found so far, and readers of JSON fields that report, never raise."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str) -> None:
        """Record one problem at ``path``."""
        self.problems.append(Problem(pointer(path), message))

    def result(self) -> tuple[Problem, ...]:
        """The problems, each once, in the order found."""
        return tuple(dict.fromkeys(self.problems))

    # -- readers: the value when it has the right JSON type, else None (and a problem)

    def field(self, obj: Mapping[str, Any], key: str, path: Path, expected: type | tuple[type, ...],
              what: str, *, required: bool = False) -> Any:
        """``obj[key]`` when it is an ``expected``; a missing required key, a ``null`` or a
        value of another type is a problem at ``path + (key,)``."""
        if key not in obj:
            if required:
                self.add((*path, key), f"{key} is required")
            return None
        value = obj[key]
        if _is(value, expected):
            return value
        self.add((*path, key), f"{key} must be {what}, got {kind_of(value)}")
        return None

    def string(self, obj: Mapping[str, Any], key: str, path: Path, *,
               required: bool = False, nonempty: bool = False) -> str | None:
        """A string field; ``nonempty`` makes ``""`` a problem too (LINE: "May not be empty")."""
        value: str | None = self.field(obj, key, path, str, "a string", required=required)
        if value == "" and nonempty:
            self.add((*path, key), f"{key} may not be empty")
            return None
        return value

    def integer(self, obj: Mapping[str, Any], key: str, path: Path, *,
                required: bool = False) -> int | None:
        """An integer field (a float with no fraction counts, as JSON has one number type)."""
        value = self.field(obj, key, path, (int, float), "an integer", required=required)
        if isinstance(value, float):
            if not value.is_integer():
                self.add((*path, key), f"{key} must be an integer, got {value!r}")
                return None
            return int(value)
        return None if value is None else int(value)

    def number(self, obj: Mapping[str, Any], key: str, path: Path, *,
               required: bool = False) -> float | None:
        """A number field."""
        value = self.field(obj, key, path, (int, float), "a number", required=required)
        return None if value is None else float(value)

    def boolean(self, obj: Mapping[str, Any], key: str, path: Path, *,
                required: bool = False) -> bool | None:
        """A ``true`` / ``false`` field."""
        value: bool | None = self.field(obj, key, path, bool, "true or false", required=required)
        return value

    def obj(self, obj: Mapping[str, Any], key: str, path: Path, *,
            required: bool = False) -> Mapping[str, Any] | None:
        """An object field."""
        value: Mapping[str, Any] | None = self.field(obj, key, path, Mapping, "an object",
                                                     required=required)
        return value

    def array(self, obj: Mapping[str, Any], key: str, path: Path, *,
              required: bool = False) -> list[Any] | None:
        """An array field (a tuple counts: models keep sequences as tuples)."""
        value = self.field(obj, key, path, (list, tuple), "an array", required=required)
        return None if value is None else list(value)

    def objects(self, obj: Mapping[str, Any], key: str, path: Path, what: str, *,
                low: int = 0, high: int | None = None,
                required: bool = False) -> list[tuple[Path, Mapping[str, Any]]]:
        """The objects of the array ``obj[key]``, each with its path; the number of items
        is checked, and an item that is not an object (``what`` names one) reported."""
        items = self.array(obj, key, path, required=required)
        self.count(items, (*path, key), key, low=low, high=high)
        found = []
        for index, item in enumerate(items or ()):
            where = (*path, key, index)
            if isinstance(item, Mapping):
                found.append((where, item))
            else:
                self.add(where, f"{what} must be an object, got {kind_of(item)}")
        return found

    def count(self, items: Sequence[Any] | None, path: Path, name: str, *, low: int = 0,
              high: int | None = None) -> None:
        """At least ``low`` and at most ``high`` items (nothing when ``items`` is None)."""
        if items is None:
            return
        if high is not None and len(items) > high:
            self.add(path, f"{name} has {len(items)} items; LINE allows at most {high}")
        elif len(items) < low:
            self.add(path, f"{name} has {len(items)} items; LINE needs at least {low}")
