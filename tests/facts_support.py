"""The facts of the LINE OpenAPI spec that the tests need, read from ``tests/spec_facts.json``.

The table is generated from the spec by ``tools/spec_facts.py`` (its docstring describes
the format) and committed, so these helpers work on a fresh clone without the spec:

* :func:`operations` gives every operation's method, path, host, parameters, body and
  answers; :func:`schema` / :func:`properties` a schema's fields and required fields
  (through ``allOf``); :func:`enum_of` an enum-like field's values;
* :func:`structure_errors` checks a JSON value against a schema's *facts*: every required
  key present, no key the schema does not declare, discriminator tags known, enum values,
  JSON types and stated limits (``maxItems``, ``maxLength``, ``minimum``, ...) right,
  recursively. It is not the full JSON Schema check (formats, patterns, ``nullable``):
  ``spec_support.schema_errors`` is, and needs the spec.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FACTS", "FILES", "TABLE", "Operation", "enum_of", "kind_of", "limit", "operations",
           "own_enum", "properties", "ref", "schema", "structure_errors", "success"]

#: the committed table (``python tools/spec_facts.py`` regenerates it)
TABLE = Path(__file__).with_name("spec_facts.json")
FACTS: Mapping[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
#: the spec files the table covers, e.g. ``"messaging-api"``
FILES: tuple[str, ...] = tuple(FACTS["files"])

#: ``errors(instance, kind)``: kind is a schema name, ``#Name`` or any kind of the table
StructureErrors = Callable[[Any, str], list[str]]


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec, as the table has it."""

    id: str
    file: str
    method: str
    path: str
    host: str
    parameters: tuple[tuple[str, str, bool], ...]  # (name, in, required)
    body: Mapping[str, Any] | None  # {"required": bool, "content": {media type: kind}}
    responses: Mapping[str, Mapping[str, str]]  # status -> {media type: kind}

    def parameter_names(self, where: str) -> dict[str, bool]:
        """``{name: required}`` of the parameters ``in`` ``where`` (query, header, path)."""
        return {name: required for name, at, required in self.parameters if at == where}


@functools.cache
def operations(*files: str) -> dict[str, Operation]:
    """``operationId -> Operation`` over ``files`` (every file when none is named)."""
    found = {}
    for file in files or FILES:
        for operation_id, op in FACTS["files"][file]["operations"].items():
            found[operation_id] = Operation(
                id=operation_id, file=file, method=op["method"], path=op["path"],
                host=op["host"], parameters=tuple(tuple(p) for p in op["parameters"]),
                body=op.get("body"), responses=op["responses"])
    return found


def success(operation: Operation) -> tuple[str, Mapping[str, str]]:
    """``(status, {media type: kind})`` of the operation's first 2xx answer."""
    return next((status, content) for status, content in operation.responses.items()
                if status.startswith("2"))


def schema(file: str, name: str) -> Mapping[str, Any]:
    """The facts of one schema (``name`` with or without its ``#``)."""
    found: Mapping[str, Any] = FACTS["files"][file]["schemas"][name.removeprefix("#")]
    return found


def ref(kind: Any) -> str | None:
    """The schema a kind names (``"#Message"`` -> ``"Message"``), or None."""
    kind = kind_of(kind)
    return kind[1:] if kind.startswith("#") else None


def kind_of(prop: Any) -> str:
    """A property's kind, whether written as a kind or as ``{"type": kind, ...}``."""
    return str(prop["type"] if isinstance(prop, Mapping) else prop)


@functools.cache
def _properties(file: str, name: str) -> tuple[Mapping[str, Any], frozenset[str]]:
    found: dict[str, Any] = {}
    required: set[str] = set()
    facts = schema(file, name)
    for parent in facts.get("allOf", ()):
        more, more_required = _properties(file, parent)
        found.update(more)
        required |= more_required
    found.update(facts.get("properties", {}))
    required.update(facts.get("required", ()))
    return found, frozenset(required)


def properties(file: str, name: str) -> tuple[dict[str, Any], set[str]]:
    """Every property of a schema (its ``allOf`` parents' included) and the required ones."""
    found, required = _properties(file, name.removeprefix("#"))
    return dict(found), set(required)


def enum_of(file: str, prop: Any) -> set[Any] | None:
    """The values an enum-like property (or its items, or the schema it names) may take."""
    if isinstance(prop, Mapping) and "enum" in prop:
        return set(prop["enum"])
    kind = kind_of(prop).strip("[]")
    if kind.startswith("#") and "enum" in (facts := schema(file, kind)):
        return set(facts["enum"])
    return None


def own_enum(file: str, prop: Any) -> list[Any] | None:
    """The values, in the spec's order, of a property that is itself enum-like (inline or
    through the schema it names); None for an array or a free value."""
    kind = kind_of(prop)
    if kind.startswith("["):
        return None
    if isinstance(prop, Mapping) and "enum" in prop:
        return list(prop["enum"])
    if kind.startswith("#") and "enum" in (facts := schema(file, kind)):
        return list(facts["enum"])
    return None


def limit(file: str, prop: Any, what: str) -> Any:
    """A limit the spec states on a property (``maxItems``, ``maxLength``, ...), on the
    property itself or on the schema it names; None when it states none."""
    if isinstance(prop, Mapping) and what in prop:
        return prop[what]
    kind = kind_of(prop)
    return schema(file, kind).get(what) if kind.startswith("#") else None


def _limit_errors(instance: Any, facts: Any, where: str) -> list[str]:
    """What breaks the limits stated in ``facts`` (a property's or a schema's)."""
    if not isinstance(facts, Mapping):
        return []
    found = []
    if isinstance(instance, (list, str)):
        size = len(instance)
        low, high = (("minItems", "maxItems") if isinstance(instance, list)
                     else ("minLength", "maxLength"))
        if high in facts and size > facts[high]:
            found.append(f"{where}: {instance!r} is too long")
        if low in facts and size < facts[low]:
            found.append(f"{where}: {instance!r} " + (
                "should be non-empty" if size == 0 and facts[low] == 1 else "is too short"))
    elif isinstance(instance, (int, float)) and not isinstance(instance, bool):
        if "maximum" in facts and instance > facts["maximum"]:
            found.append(f"{where}: {instance!r} is greater than the maximum of "
                         f"{facts['maximum']}")
        if "minimum" in facts and instance < facts["minimum"]:
            found.append(f"{where}: {instance!r} is less than the minimum of {facts['minimum']}")
    return found


_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "binary": lambda v: isinstance(v, (str, bytes)),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "any": lambda v: True,
}


@functools.cache
def structure_errors(file: str, *, unknown_tags: bool = False,
                     extra_keys: bool = False) -> StructureErrors:
    """``errors(instance, kind)`` against the facts of ``file``: each as ``"$.a[0].b: what"``.

    A tag its discriminator does not map is an error unless ``unknown_tags`` (then only
    the base schema's keys are checked, and more are accepted); a key no schema declares
    is an error unless ``extra_keys``. ``None`` is accepted anywhere (``nullable`` is a
    fact of the full schemas).
    """

    def check(instance: Any, kind: str, where: str) -> list[str]:
        if instance is None:
            return []
        if kind.startswith("#"):
            return check_schema(instance, kind[1:], where)
        if kind.startswith("["):
            if not isinstance(instance, list):
                return [f"{where}: {instance!r} is not of type 'array'"]
            return [problem for index, item in enumerate(instance)
                    for problem in check(item, kind[1:-1], f"{where}[{index}]")]
        if kind.startswith("{"):
            if not isinstance(instance, dict):
                return [f"{where}: {instance!r} is not of type 'object'"]
            return [problem for key, item in instance.items()
                    for problem in check(item, kind[1:-1], f"{where}.{key}")]
        if not _JSON_TYPES[kind](instance):
            return [f"{where}: {instance!r} is not of type {kind!r}"]
        return []

    def check_prop(instance: Any, prop: Any, where: str) -> list[str]:
        problems = check(instance, kind_of(prop), where)
        allowed = prop.get("enum") if isinstance(prop, Mapping) else None
        values = instance if isinstance(instance, list) else [instance]
        if allowed is not None and not problems:
            problems += [f"{where}: {value!r} is not one of {allowed}"
                         for value in values if value is not None and value not in allowed]
        return problems + _limit_errors(instance, prop, where)

    def check_schema(instance: Any, name: str, where: str) -> list[str]:
        facts = schema(file, name)
        if "enum" in facts:
            return [] if instance in facts["enum"] else [
                f"{where}: {instance!r} is not one of {facts['enum']}"]
        if facts.get("type", "object") != "object":
            return check(instance, facts["type"], where) + _limit_errors(instance, facts, where)
        branches = facts.get("oneOf") or facts.get("anyOf")
        if branches:
            return min((check(instance, branch, where) for branch in branches), key=len)
        if not isinstance(instance, dict):
            return [f"{where}: {instance!r} is not of type 'object'"]
        found = facts.get("discriminator")
        if found is not None and found["propertyName"] in instance:
            tag = instance[found["propertyName"]]
            member = found["mapping"].get(tag)
            if member is not None and member != name:
                return check_schema(instance, member, where)
            if member is None and not unknown_tags:
                return [f"{where}: {found['propertyName']} {tag!r} is not one of "
                        f"{sorted(found['mapping'])}"]
            strict = member is not None
        else:
            strict = True
        declared, required = properties(file, name)
        extra = facts.get("additionalProperties")
        problems = [f"{where}: {key!r} is a required property"
                    for key in sorted(required) if key not in instance]
        for key, value in instance.items():
            if key in declared:
                problems += check_prop(value, declared[key], f"{where}.{key}")
            elif extra is not None:
                problems += check(value, extra, f"{where}.{key}")
            elif strict and declared and not extra_keys:
                problems.append(f"{where}.{key}: undeclared key")
        return problems

    def errors(instance: Any, kind: str) -> list[str]:
        if kind in FACTS["files"][file]["schemas"]:
            kind = "#" + kind
        return check(instance, kind, "$")

    return errors
