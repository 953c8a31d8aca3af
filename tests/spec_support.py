"""The full LINE OpenAPI spec for the checks that need its schemas: where it is, its files
parsed, and one JSON Schema check.

Most tests need only facts of the spec (operation ids, paths, field names, required
fields); they read the committed table ``tests/spec_facts.json`` through
``facts_support`` and run on a fresh clone. The checks here need the whole schemas
(formats, lengths, patterns, ``nullable``) or the spec's examples, so they read the spec
itself from ``LINEBOT_FP_SPEC_DIR``, else the first ``shared/line-openapi`` beside the
project or a folder above it (``tools/spec_facts.py`` finds it the same way). Without it
every helper here skips the calling test (or module), and the run's summary counts those
skips (``conftest.py``).

``schema_errors("messaging-api")`` gives a function ``errors(instance, schema)`` that
lists what the spec finds wrong with ``instance``: OpenAPI 3.0 read as JSON Schema
(``$ref`` resolved with ``referencing``, ``nullable`` as a ``null`` type), a
``discriminator`` followed to the schema its tag maps to, and keys that no schema
declares reported (``allOf`` parts, ``oneOf``/``anyOf`` branches, array items and
``additionalProperties`` walked).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

__all__ = ["NEEDS_SEEDS", "NEEDS_SPEC", "SEEDS_DIR", "SPEC_DIR", "facts_and_schema_errors",
           "generator", "load_spec", "needs_spec", "resolve", "schema_errors", "spec_path"]

ROOT = Path(__file__).resolve().parents[1]


def generator() -> ModuleType:
    """``tools/spec_facts.py``, the script that writes the facts table, as a module."""
    found = sys.modules.get("spec_facts_tool")
    if found is None:
        where = importlib.util.spec_from_file_location("spec_facts_tool",
                                                       ROOT / "tools" / "spec_facts.py")
        assert where is not None
        assert where.loader is not None
        found = importlib.util.module_from_spec(where)
        sys.modules["spec_facts_tool"] = found
        where.loader.exec_module(found)
    return found


#: the folder of the LINE OpenAPI files; ``LINEBOT_FP_SPEC_DIR`` overrides it
SPEC_DIR: Path = generator().find_spec_dir(ROOT) or ROOT.parent / "shared" / "line-openapi"

#: how every skip for want of the spec begins (the run's summary counts them by it)
NEEDS_SPEC = "needs the full LINE OpenAPI schemas"

#: the legacy SDK's documents (its README and API reference): ``LINEBOT_FP_SEEDS_DIR``, else
#: beside the spec, in ``shared/seeds``; the few tests comparing the project with their
#: text skip without them
SEEDS_DIR = Path(os.environ.get("LINEBOT_FP_SEEDS_DIR") or SPEC_DIR.parent / "seeds")

#: what a skip for want of the legacy SDK's documents says (the run's summary counts them)
NEEDS_SEEDS = "needs the legacy SDK's documents"

#: ``errors(instance, schema)``: schema is a component name, a ``#/…`` pointer or a schema
SchemaErrors = Callable[[Any, "str | Mapping[str, Any]"], list[str]]


def needs_spec(path: Path | None = None) -> None:
    """Skip the calling test (or module) when the spec folder (or ``path`` in it) is absent."""
    if not SPEC_DIR.is_dir():
        pytest.skip(f"{NEEDS_SPEC}: the spec is not at {SPEC_DIR}", allow_module_level=True)
    if path is not None and not path.is_file():
        pytest.skip(f"{NEEDS_SPEC}: the spec file is not at {path}", allow_module_level=True)


def spec_path(name: str) -> Path:
    """The path of one spec file: ``spec_path("webhook")`` is ``SPEC_DIR / "webhook.yml"``."""
    return SPEC_DIR / (name if name.endswith(".yml") else f"{name}.yml")


@functools.cache
def load_spec(name: str) -> dict[str, Any]:
    """One spec file parsed (shared between tests: do not change it); skips when absent."""
    path = spec_path(name)
    needs_spec(path)
    yaml = pytest.importorskip("yaml", reason="PyYAML reads the LINE OpenAPI spec")
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(spec, dict), path
    return spec


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """``node`` with its local ``$ref`` (``#/components/...``) followed, until there is none."""
    while isinstance(node, Mapping) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _uri(spec_name: str) -> str:
    return f"urn:line-openapi:{spec_name.removesuffix('.yml')}"


def _as_json_schema(node: Any, uri: str) -> Any:
    """OpenAPI 3.0 -> JSON Schema: absolute ``$ref``s, ``nullable`` as a ``null`` type."""
    if isinstance(node, list):
        return [_as_json_schema(item, uri) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _as_json_schema(value, uri) for key, value in node.items()}
    if isinstance(out.get("$ref"), str) and out["$ref"].startswith("#"):
        out["$ref"] = uri + out["$ref"]
    if out.get("nullable") is True and isinstance(out.get("type"), str):
        del out["nullable"]
        out["type"] = [out["type"], "null"]
        if isinstance(out.get("enum"), list):
            out["enum"] = [*out["enum"], None]
    return out


def _where(path: Iterable[Any]) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


@functools.cache
def schema_errors(spec_name: str, *, unknown_tags: bool = False,
                  extra_keys: bool = False) -> SchemaErrors:
    """``errors(instance, schema)`` for one spec file: each problem as ``"$.a[0].b: what"``.

    ``schema`` is a component name (``"ReplyMessageRequest"``), a JSON pointer into the
    file (``"#/paths/..."``) or a schema object taken from the file. A tag that its
    discriminator does not map is an error, unless ``unknown_tags``: then the object is
    left to the family's unknown member (checked against the base schema only, its keys
    beyond the base's accepted), as for events LINE may add after the spec was written.
    A key that no schema declares is an error, unless ``extra_keys`` (answers of LINE
    carry keys that the schemas leave out, e.g. the spec's own audience examples).
    """
    spec = load_spec(spec_name)
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    uri = _uri(spec_name)
    prepared = _as_json_schema(spec, uri)
    registry = Registry().with_resource(
        uri, Resource.from_contents(prepared, default_specification=DRAFT202012))
    resolver = registry.resolver()
    following: set[tuple[int, str]] = set()

    def lookup(schema: Any) -> Any:
        while isinstance(schema, Mapping) and "$ref" in schema:
            schema = resolver.lookup(schema["$ref"]).contents
        return schema

    def mapped(schema: Mapping[str, Any], instance: Any) -> tuple[bool, str | None]:
        """(is this a tagged object, the schema its tag maps to)."""
        found = schema.get("discriminator")
        if not isinstance(instance, dict) or not found or "mapping" not in found:
            return False, None
        target = found["mapping"].get(instance.get(found["propertyName"]))
        return True, None if target is None else uri + target

    def discriminator(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
        """Validate a tagged object against the schema its tag maps to, as OpenAPI means."""
        tagged, target = mapped(schema, instance)
        if not tagged:
            return
        if target is None:
            if not unknown_tags:
                tag = instance.get(value["propertyName"])
                yield jsonschema.ValidationError(
                    f"{value['propertyName']} {tag!r} is not one of {sorted(value['mapping'])}")
            return
        if (id(instance), target) in following:
            return
        following.add((id(instance), target))
        try:
            yield from validator.descend(instance, {"$ref": target})
        finally:
            following.discard((id(instance), target))

    validator_class = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                                   {"discriminator": discriminator})

    def properties(schema: Any) -> tuple[dict[str, Any], Any]:
        """The declared properties (``allOf`` parts included) and ``additionalProperties``."""
        schema = lookup(schema)
        found = dict(schema.get("properties", {}))
        extra = schema.get("additionalProperties")
        for part in schema.get("allOf", []):
            more, more_extra = properties(part)
            found.update(more)
            extra = more_extra if extra is None else extra
        return found, extra

    def undeclared(instance: Any, schema: Any, where: str) -> list[str]:
        schema = lookup(schema)
        if not isinstance(schema, Mapping):
            return []
        branches = schema.get("oneOf") or schema.get("anyOf")
        if branches:  # the branch that fits best
            return min((undeclared(instance, branch, where) for branch in branches), key=len)
        if isinstance(instance, list) and isinstance(schema.get("items"), Mapping):
            return [problem for index, item in enumerate(instance)
                    for problem in undeclared(item, schema["items"], f"{where}[{index}]")]
        if not isinstance(instance, dict):
            return []
        tagged, target = mapped(schema, instance)
        if target is not None:
            schema = lookup({"$ref": target})
        declared, extra = properties(schema)
        left_to_unknown = unknown_tags and tagged and target is None
        strict = bool(declared) and extra is None and not left_to_unknown
        problems = []
        for key, value in instance.items():
            if key in declared:
                problems += undeclared(value, declared[key], f"{where}.{key}")
            elif isinstance(extra, Mapping):
                problems += undeclared(value, extra, f"{where}.{key}")
            elif strict:
                problems.append(f"{where}.{key}: undeclared key")
        return problems

    def errors(instance: Any, schema: str | Mapping[str, Any]) -> list[str]:
        if isinstance(schema, str):
            pointer = schema if schema.startswith("#") else f"#/components/schemas/{schema}"
            schema = {"$ref": uri + pointer}
        else:
            schema = _as_json_schema(schema, uri)
        validator = validator_class(schema, registry=registry)
        found = [f"{_where(error.absolute_path)}: {error.message}"
                 for error in validator.iter_errors(instance)]
        return found if extra_keys else found + undeclared(instance, schema, "$")

    return errors


def facts_and_schema_errors(spec_name: str, *, unknown_tags: bool = False,
                            extra_keys: bool = False) -> Callable[[Any, str], list[str]]:
    """``errors(instance, schema_name)``: the facts check (``facts_support``) always, and the
    full JSON Schema check too when the spec is there (a problem both find is listed once).

    For tests whose main point is something else (an example's behaviour) and that check
    the bodies they see on the way: they run on a fresh clone, and check more with the spec.
    """
    from facts_support import structure_errors

    facts = structure_errors(spec_name, unknown_tags=unknown_tags, extra_keys=extra_keys)
    full = schema_errors(spec_name, unknown_tags=unknown_tags, extra_keys=extra_keys) if (
        spec_path(spec_name).is_file()) else None

    def errors(instance: Any, schema: str) -> list[str]:
        found = facts(instance, schema)
        if full is not None:
            found += [problem for problem in full(instance, schema) if problem not in found]
        return found

    return errors
