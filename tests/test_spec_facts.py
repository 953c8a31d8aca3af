"""The facts table (tests/spec_facts.json): generated from the spec, checked equal to it, and
checked to hold facts only; its generator (tools/spec_facts.py) can fail (the facts check,
tests/facts_support.py, has its rows in test_spec_support.py).

Only the first test needs the spec (it regenerates the table and compares); everything
else runs on a fresh clone, the generator on a small spec written here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from facts_support import FACTS, FILES, TABLE, operations
from spec_support import SPEC_DIR, generator, needs_spec

TOOL = Path(__file__).resolve().parents[1] / "tools" / "spec_facts.py"

MINI_SPEC = textwrap.dedent("""\
    openapi: 3.0.0
    servers:
      - url: "https://api.line.me"
    paths:
      "/v2/bot/thing/{thingId}":
        parameters:
          - name: thingId
            in: path
            required: true
            description: a long description that the table never keeps
            schema: {type: string}
        get:
          operationId: getThing
          description: never kept
          parameters:
            - {name: limit, in: query, schema: {type: integer, default: 20}}
          responses:
            "200":
              description: OK
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Thing"}
                  example: {kind: box, size: 3}
            "404":
              description: Not found
        post:
          operationId: setThingImage
          servers:
            - url: "https://api-data.line.me"
          requestBody:
            required: true
            content:
              "*/*":
                schema: {type: string, format: binary}
          responses:
            "200": {description: OK}
      "/oauth/token":
        post:
          operationId: issueToken
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  required: [grant_type]
                  properties:
                    grant_type: {type: string, enum: [client_credentials]}
                    scopes: {type: array, items: {type: string}}
          responses:
            "200": {description: OK}
    components:
      schemas:
        Thing:
          type: object
          required: [kind]
          properties:
            kind: {type: string, description: never kept}
          discriminator:
            propertyName: kind
            mapping:
              box: "#/components/schemas/Box"
        Box:
          allOf:
            - $ref: "#/components/schemas/Thing"
            - type: object
              required: [size]
              properties:
                size: {type: integer, format: int32, maximum: 10}
                label: {type: string, pattern: "^[a-z]+$", maxLength: 20}
                labels: {type: object, additionalProperties: {$ref: "#/components/schemas/Colour"}}
                parts: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        Colour:
          type: string
          enum: [red, blue]
          example: red
    """)

MINI_FACTS = {
    "servers": ["https://api.line.me"],
    "operations": {
        "getThing": {
            "method": "GET", "path": "/v2/bot/thing/{thingId}", "host": "https://api.line.me",
            "parameters": [["thingId", "path", True], ["limit", "query", False]],
            "responses": {"200": {"application/json": "#Thing"}, "404": {}}},
        "issueToken": {
            "method": "POST", "path": "/oauth/token", "host": "https://api.line.me",
            "parameters": [],
            "body": {"required": False,
                     "content": {"application/x-www-form-urlencoded": "#issueToken.body"}},
            "responses": {"200": {}}},
        "setThingImage": {
            "method": "POST", "path": "/v2/bot/thing/{thingId}",
            "host": "https://api-data.line.me", "parameters": [["thingId", "path", True]],
            "body": {"required": True, "content": {"*/*": "binary"}},
            "responses": {"200": {}}},
    },
    "schemas": {
        "Box": {"allOf": ["Thing"],
                "properties": {"size": {"type": "integer", "maximum": 10},
                               "label": {"type": "string", "maxLength": 20},
                               "labels": "{#Colour}", "parts": "[#Thing]"},
                "required": ["size"]},
        "Colour": {"type": "string", "enum": ["red", "blue"]},
        "Thing": {"type": "object", "properties": {"kind": "string"}, "required": ["kind"],
                  "discriminator": {"propertyName": "kind", "mapping": {"box": "Box"}}},
        "issueToken.body": {
            "type": "object",
            "properties": {"grant_type": {"type": "string", "enum": ["client_credentials"]},
                           "scopes": "[string]"},
            "required": ["grant_type"]},
    },
}


def _mini_spec(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "things.yml").write_text(MINI_SPEC, encoding="utf-8")
    (folder / "SOURCE.md").write_text("Snapshot at commit " + "ab12" * 10 + " (today).\n")
    return folder


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "LINEBOT_FP_SPEC_DIR"}
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True,
                          timeout=120, env=env)


# -- the committed table ---------------------------------------------------------------------------


def test_the_table_matches_the_spec() -> None:
    needs_spec()  # the one check of the table that reads the spec
    tool = generator()
    assert tool.render(tool.facts(SPEC_DIR)) == TABLE.read_text(encoding="utf-8"), (
        "tests/spec_facts.json is stale: run python tools/spec_facts.py")


def test_the_table_covers_every_spec_file() -> None:
    assert set(FILES) == {"channel-access-token", "insight", "liff", "manage-audience",
                          "messaging-api", "module", "module-attach", "shop", "webhook"}
    assert len(operations()) == 111
    assert len(FACTS["source"]) == 40


ALLOWED_KEYS = {"about", "source", "files", "servers", "operations", "schemas", "method",
                "path", "host", "parameters", "body", "required", "content", "responses",
                "properties", "allOf", "discriminator", "propertyName", "mapping", "enum",
                "default", "type", "oneOf", "anyOf", "additionalProperties", "minItems",
                "maxItems", "minLength", "maxLength", "minimum", "maximum"}


def _keys(value: Any, under: str = "") -> set[str]:
    """Every key of the table that is a word of its format (not a name from the spec)."""
    if isinstance(value, list):
        return {key for item in value for key in _keys(item, under)}
    if not isinstance(value, dict):
        return set()
    names_here = under in ("files", "operations", "schemas", "properties", "mapping",
                           "content", "responses")
    return {word for key, item in value.items()
            for word in ({key} if not names_here and "/" not in key else set()) | _keys(item, key)}


def test_the_table_holds_facts_only() -> None:
    """No description, example, format or pattern: a compact table, not a copy of the spec."""
    assert _keys(FACTS) <= ALLOWED_KEYS
    assert TABLE.stat().st_size < 120_000
    prose = [text for text in _strings(FACTS["files"]) if " " in text]
    assert prose == []  # names, paths, kinds and values: never a sentence


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *_strings(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


# -- the generator, on a small spec ----------------------------------------------------------------


def test_the_generator_keeps_the_facts_and_nothing_else(tmp_path: Path) -> None:
    table = generator().facts(_mini_spec(tmp_path / "spec"))
    assert table["source"] == "ab12" * 10
    assert table["files"] == {"things": MINI_FACTS}


def test_the_generator_writes_and_checks_the_table(tmp_path: Path) -> None:
    spec, out = _mini_spec(tmp_path / "spec"), tmp_path / "facts.json"
    written = _tool("--spec", str(spec), "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert json.loads(out.read_text())["files"] == {"things": MINI_FACTS}
    assert _tool("--check", "--spec", str(spec), "--out", str(out)).returncode == 0
    out.write_text(out.read_text().replace('"integer"', '"string"', 1))
    stale = _tool("--check", "--spec", str(spec), "--out", str(out))
    assert stale.returncode == 1
    assert "differs from the spec" in stale.stderr
    assert "python tools/spec_facts.py" in stale.stderr


def test_the_generator_says_where_the_spec_is_missing(tmp_path: Path) -> None:
    absent = tmp_path / "nowhere"
    result = _tool("--spec", str(absent), "--out", str(tmp_path / "facts.json"))
    assert result.returncode == 2
    assert f"the LINE OpenAPI spec is not at {absent}" in result.stderr
    assert not (tmp_path / "facts.json").exists()


def test_the_spec_is_found_beside_the_clone_or_a_folder_above(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    find = generator().find_spec_dir
    monkeypatch.delenv("LINEBOT_FP_SPEC_DIR", raising=False)
    clone = tmp_path / "work" / "wt" / "branch"
    clone.mkdir(parents=True)
    assert find(clone / "tools") is None
    above = _mini_spec(tmp_path / "work" / "shared" / "line-openapi")
    assert find(clone / "tools") == above  # a worktree two folders down
    beside = _mini_spec(tmp_path / "work" / "wt" / "shared" / "line-openapi")
    assert find(clone / "tools") == beside  # the nearest wins
    monkeypatch.setenv("LINEBOT_FP_SPEC_DIR", str(tmp_path / "elsewhere"))
    assert find(clone / "tools") == tmp_path / "elsewhere"
