"""Write the facts the tests need from the LINE OpenAPI spec into ``tests/spec_facts.json``.

The spec (``../shared/line-openapi/*.yml``) is reference data that is not part of the
project. The tests read only this compact table of its facts, so a fresh clone runs the
whole suite; only the checks that need the full schemas (JSON Schema validation, the
spec's examples) read the spec itself, and skip without it.

Usage::

    python tools/spec_facts.py            # regenerate tests/spec_facts.json
    python tools/spec_facts.py --check    # exit 1 when the table differs from the spec

``--spec DIR`` names the spec folder (default: ``LINEBOT_FP_SPEC_DIR``, else the first
``shared/line-openapi`` beside the project or beside a folder above it); ``--out FILE``
the table. Needs PyYAML (in the ``test`` extra).

What the table holds, per spec file (never a description, an example or a whole schema):

* ``servers``: the hosts;
* ``operations``: ``operationId -> {method, path, host, parameters: [[name, in, required]],
  body: {required, content: {media type: kind}}, responses: {status: {media type: kind}}}``;
* ``schemas``: ``name -> {properties: {name: kind}, required, allOf, discriminator,
  enum, oneOf, additionalProperties, type}`` (only the keys a schema has).

A *kind* is a short string: ``string``, ``integer``, ``number``, ``boolean``, ``binary``,
``object`` or ``any``; ``#Name`` for a schema of the same file; ``[kind]`` for an array
of it; ``{kind}`` for an object mapping names to it. A property with an ``enum``, a
``default`` or a stated limit (``maxItems``, ``maxLength``, ``minimum``, ...) is
``{"type": kind, "enum": [...], "maxLength": 5000, ...}`` (the ``enum`` of an array
property is its items', its limits the array's). An inline request body or inline
object property is given a name of its own (``<operationId>.body``,
``<Schema>.<property>``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["TABLE", "facts", "file_facts", "find_spec_dir", "main", "render"]

ROOT = Path(__file__).resolve().parents[1]
#: the committed table the tests read
TABLE = ROOT / "tests" / "spec_facts.json"
METHODS = ("get", "post", "put", "delete", "patch")
#: the limits a schema states on a value, kept as facts (the ``enum`` of an array is its items')
LIMITS = ("minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum")
_SCHEMAS = "#/components/schemas/"


def find_spec_dir(start: Path = ROOT) -> Path | None:
    """``LINEBOT_FP_SPEC_DIR``, else the nearest ``shared/line-openapi`` beside ``start`` or a
    folder above it (``../shared`` of a clone, ``../../shared`` of a worktree), else None."""
    named = os.environ.get("LINEBOT_FP_SPEC_DIR")
    if named:
        return Path(named)
    for folder in start.parents:
        candidate = folder / "shared" / "line-openapi"
        if candidate.is_dir():
            return candidate
    return None


def _source(spec_dir: Path) -> str | None:
    """The upstream commit named in the spec folder's ``SOURCE.md``, if any."""
    about = spec_dir / "SOURCE.md"
    if not about.is_file():
        return None
    words = about.read_text(encoding="utf-8").replace("\n", " ").split()
    return next((word.strip(".,;()") for word in words
                 if len(word.strip(".,;()")) == 40
                 and all(c in "0123456789abcdef" for c in word.strip(".,;()"))), None)


class _File:
    """The facts of one parsed spec file, collected while walking it."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = {}

    def kind(self, node: Any, name: str) -> str:
        """The kind of ``node``; an inline composite object becomes schema ``name``."""
        if not isinstance(node, Mapping):
            return "any"
        ref = node.get("$ref")
        if isinstance(ref, str):
            if not ref.startswith(_SCHEMAS):
                raise ValueError(f"{name}: only {_SCHEMAS}... references are supported: {ref}")
            return "#" + ref.removeprefix(_SCHEMAS)
        if any(key in node for key in ("properties", "allOf", "oneOf", "anyOf",
                                       "discriminator")):
            self.schemas[name] = self.schema(node, name)
            return "#" + name
        kind = node.get("type")
        if kind == "array":
            return f"[{self.kind(node.get('items', {}), name)}]"
        if kind == "object" or "additionalProperties" in node:
            extra = node.get("additionalProperties")
            if isinstance(extra, Mapping):
                return "{" + self.kind(extra, name) + "}"
            return "{any}" if extra is True else "object"
        if kind == "string" and node.get("format") == "binary":
            return "binary"
        return kind if isinstance(kind, str) else "any"

    def prop(self, node: Any, name: str) -> Any:
        """A property: its kind, or ``{type, enum, default, <limits>}`` when it has those."""
        kind = self.kind(node, name)
        enum_of = node.get("items", {}) if isinstance(node, Mapping) and node.get(
            "type") == "array" else node
        extra: dict[str, Any] = {}
        if isinstance(enum_of, Mapping) and "enum" in enum_of:
            extra["enum"] = list(enum_of["enum"])
        if isinstance(node, Mapping):
            extra.update({key: node[key] for key in ("default", *LIMITS) if key in node})
        return {"type": kind, **extra} if extra else kind

    def schema(self, node: Mapping[str, Any], name: str) -> dict[str, Any]:
        """The facts of one schema object (``allOf`` references kept as names)."""
        out: dict[str, Any] = {}
        parents: list[str] = []
        properties: dict[str, Any] = {}
        required: list[str] = []
        for part in [*node.get("allOf", ()), node]:
            if part is not node and "$ref" in part:
                parents.append(self.kind(part, name).removeprefix("#"))
                continue
            for key, value in part.get("properties", {}).items():
                properties[key] = self.prop(value, f"{name}.{key}")
            required += [key for key in part.get("required", ()) if key not in required]
        if parents:
            out["allOf"] = parents
        if node.get("type") == "object":
            out["type"] = "object"
        elif "type" in node:
            out["type"] = self.kind({**node, "enum": None}, name)
        if "enum" in node:
            out["enum"] = list(node["enum"])
        out.update({key: node[key] for key in LIMITS if key in node})
        if properties:
            out["properties"] = properties
        if required:
            out["required"] = required
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping):
            out["additionalProperties"] = self.kind(extra, f"{name}.*")
        for key in ("oneOf", "anyOf"):
            if key in node:
                out[key] = [self.kind(branch, f"{name}.{key}{index}")
                            for index, branch in enumerate(node[key])]
        found = node.get("discriminator")
        if isinstance(found, Mapping):
            out["discriminator"] = {
                "propertyName": found["propertyName"],
                "mapping": {tag: ref.removeprefix(_SCHEMAS)
                            for tag, ref in found.get("mapping", {}).items()}}
        return out

    def content(self, node: Mapping[str, Any], name: str) -> dict[str, str]:
        return {media: self.kind(value.get("schema", {}), name)
                for media, value in node.get("content", {}).items()}

    def operation(self, method: str, path: str, node: Mapping[str, Any],
                  shared: list[Any]) -> tuple[str, dict[str, Any]]:
        operation_id = node["operationId"]
        servers = node.get("servers") or self.spec.get("servers") or [{"url": ""}]
        out: dict[str, Any] = {
            "method": method.upper(), "path": path, "host": servers[0]["url"].rstrip("/"),
            "parameters": [[p["name"], p["in"], bool(p.get("required", False))]
                           for p in [*shared, *node.get("parameters", ())]],
        }
        body = node.get("requestBody")
        if isinstance(body, Mapping):
            out["body"] = {"required": bool(body.get("required", False)),
                           "content": self.content(body, f"{operation_id}.body")}
        out["responses"] = {str(status): self.content(answer, f"{operation_id}.{status}")
                            for status, answer in node.get("responses", {}).items()}
        return operation_id, out

    def facts(self) -> dict[str, Any]:
        operations: dict[str, Any] = {}
        for path, item in self.spec.get("paths", {}).items():
            shared = list(item.get("parameters", ()))
            for method in METHODS:
                if method in item:
                    operation_id, found = self.operation(method, path, item[method], shared)
                    operations[operation_id] = found
        for name, node in self.spec.get("components", {}).get("schemas", {}).items():
            self.schemas[name] = self.schema(node, name)
        return {"servers": [server["url"].rstrip("/") for server in self.spec.get("servers", ())],
                "operations": dict(sorted(operations.items())),
                "schemas": dict(sorted(self.schemas.items()))}


def file_facts(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The facts of one parsed spec file (pure)."""
    return _File(spec).facts()


def facts(spec_dir: Path) -> dict[str, Any]:
    """The whole table: the facts of every ``*.yml`` of ``spec_dir``."""
    import yaml

    files = sorted(spec_dir.glob("*.yml"))
    if not files:
        raise FileNotFoundError(f"no LINE OpenAPI files (*.yml) in {spec_dir}")
    return {
        "about": "Facts of the LINE OpenAPI spec that the tests need; generated by "
                 "tools/spec_facts.py, do not edit (python tools/spec_facts.py regenerates it)",
        "source": _source(spec_dir),
        "files": {path.stem: file_facts(yaml.safe_load(path.read_text(encoding="utf-8")))
                  for path in files},
    }


def render(table: Mapping[str, Any]) -> str:
    """The table as JSON text: one line per operation and per schema, for readable diffs."""
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = ["{", f' "about":{one(table["about"])},', f' "source":{one(table["source"])},',
             ' "files":{']
    files = list(table["files"].items())
    for index, (name, found) in enumerate(files):
        lines.append(f'  {one(name)}:{{')
        lines.append(f'   "servers":{one(found["servers"])},')
        for section in ("operations", "schemas"):
            lines.append(f'   {one(section)}:{{')
            entries = list(found[section].items())
            lines += [f'    {one(key)}:{one(value)}{"," if at < len(entries) - 1 else ""}'
                      for at, (key, value) in enumerate(entries)]
            lines.append("   }" + ("," if section == "operations" else ""))
        lines.append("  }" + ("," if index < len(files) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed table instead of writing it")
    parser.add_argument("--spec", type=Path, help="the folder of the LINE OpenAPI *.yml files")
    parser.add_argument("--out", type=Path, default=TABLE, help=f"the table (default {TABLE})")
    options = parser.parse_args(argv)
    spec_dir = options.spec or find_spec_dir()
    if spec_dir is None or not spec_dir.is_dir():
        print(f"spec_facts: the LINE OpenAPI spec is not at {spec_dir or '../shared/line-openapi'}"
              "; give --spec DIR or set LINEBOT_FP_SPEC_DIR", file=sys.stderr)
        return 2
    text = render(facts(spec_dir))
    if options.check:
        current = options.out.read_text(encoding="utf-8") if options.out.is_file() else ""
        if current != text:
            print(f"spec_facts: {options.out} differs from the spec at {spec_dir}; "
                  "run python tools/spec_facts.py", file=sys.stderr)
            return 1
        print(f"spec_facts: {options.out} matches the spec at {spec_dir}")
        return 0
    options.out.write_text(text, encoding="utf-8")
    print(f"spec_facts: wrote {options.out} ({len(text.encode())} bytes) from {spec_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
