"""The facts table (tests/spec_facts.json): generated from the spec, checked equal to it, and
checked to hold facts only; its generator (tools/spec_facts.py) and its checker
(tests/facts_support.py) can fail.

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
from facts_support import FACTS, FILES, TABLE, operations, properties, structure_errors
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
                size: {type: integer, maxLength: 3}
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
                "properties": {"size": "integer", "labels": "{#Colour}", "parts": "[#Thing]"},
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
                "default", "type", "oneOf", "anyOf", "additionalProperties"}


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
    """No description, example, format or length: a compact table, not a copy of the spec."""
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


# -- the facts check -------------------------------------------------------------------------------

USER = "U0123456789abcdef0123456789abcdef"
MENTION = {"type": "mention", "mentionee": {"type": "user", "userId": "U1"}}
PUSH_V2 = {"to": "U1", "messages": [{"type": "textV2", "text": "hi {a}",
                                     "substitution": {"a": MENTION}}]}
EVENT = {"type": "follow", "mode": "active", "timestamp": 1,
         "source": {"type": "user", "userId": USER}, "webhookEventId": "01H",
         "deliveryContext": {"isRedelivery": False}, "replyToken": "r",
         "follow": {"isUnblocked": False}}
FUTURE = {**{k: v for k, v in EVENT.items() if k not in ("replyToken", "follow")},
          "type": "futureEvent", "thing": {"a": 1}}
WEBHOOK_TAGS = sorted(FACTS["files"]["webhook"]["schemas"]["Event"]["discriminator"]["mapping"])

FACT_CASES: list[tuple[str, str, Any, list[str], list[str]]] = [
    # spec, schema, instance, options, expected problems
    ("messaging-api", "PushMessageRequest", PUSH_V2, [], []),
    ("messaging-api", "PushMessageRequest",
     {"to": "U1", "messages": [{"type": "textV2", "text": "x", "substitution": {
         "a": {**MENTION, "mentionee": {"type": "user", "userId": "U1", "userID": "U2"}}}}]},
     [],
     ["$.messages[0].substitution.a.mentionee.userID: undeclared key"]),
    ("messaging-api", "PushMessageRequest",
     {"to": "U1", "messages": [{"type": "textV2", "text": "x",
                                "substitution": {"a": {**MENTION, "type": "sticker"}}}]}, [],
     ["$.messages[0].substitution.a: type 'sticker' is not one of ['emoji', 'mention']"]),
    ("messaging-api", "PushMessageRequest", {"to": 7, "messages": []}, [],
     ["$.to: 7 is not of type 'string'"]),
    ("messaging-api", "PushMessageRequest", {"messages": [{"type": "text"}]}, [],
     ["$: 'to' is a required property", "$.messages[0]: 'text' is a required property"]),
    ("messaging-api", "#PushMessageRequest", {"to": "U1", "messages": {}}, [],
     ["$.messages: {} is not of type 'array'"]),
    ("messaging-api", "Limit", {"max": 10, "upToRemainingQuota": "yes"}, [],
     ["$.upToRemainingQuota: 'yes' is not of type 'boolean'"]),
    ("messaging-api", "AgeDemographicFilter", {"type": "age", "gte": "age_99"}, [],
     ["$.gte: 'age_99' is not one of ['age_15', 'age_20', 'age_25', 'age_30', 'age_35', "
      "'age_40', 'age_45', 'age_50', 'age_55', 'age_60', 'age_65', 'age_70']"]),
    ("manage-audience", "AudienceGroup", {"failedType": None}, [], []),
    ("channel-access-token", "issueStatelessChannelToken.body",
     {"grant_type": "client_credentials", "client_id": "1", "client_secret": "s"}, [], []),
    ("channel-access-token", "issueStatelessChannelToken.body",
     {"grant_type": "client_credentials", "client_id": "1", "client_secret": "s",
      "client_assertion": "x"}, [], ["$.client_assertion: undeclared key"]),
    ("webhook", "CallbackRequest", {"destination": USER, "events": [EVENT]}, [], []),
    ("webhook", "CallbackRequest",
     {"destination": USER, "events": [{**EVENT, "follow": {"unblocked": True}}]}, [],
     ["$.events[0].follow: 'isUnblocked' is a required property",
      "$.events[0].follow.unblocked: undeclared key"]),
    ("webhook", "CallbackRequest",
     {"destination": USER, "events": [{**EVENT, "follow": {"isUnblocked": False, "x": 1}}]},
     ["extra_keys"], []),
    ("webhook", "PostbackContent", {"data": "d", "params": {"date": 3}}, [],
     ["$.params.date: 3 is not of type 'string'"]),
    ("webhook", "CallbackRequest", {"destination": USER, "events": [FUTURE]}, [],
     [f"$.events[0]: type 'futureEvent' is not one of {WEBHOOK_TAGS}"]),
    ("webhook", "CallbackRequest", {"destination": USER, "events": [FUTURE]},
     ["unknown_tags"], []),
    ("webhook", "CallbackRequest",
     {"destination": USER, "events": [{**FUTURE, "timestamp": "1"}]}, ["unknown_tags"],
     ["$.events[0].timestamp: '1' is not of type 'integer'"]),
]


@pytest.mark.parametrize(("spec", "schema", "instance", "options", "expected"), FACT_CASES,
                         ids=[f"{row[0]}-{row[1]}-{index}"
                              for index, row in enumerate(FACT_CASES)])
def test_structure_errors(spec: str, schema: str, instance: Any, options: list[str],
                          expected: list[str]) -> None:
    errors = structure_errors(spec, **dict.fromkeys(options, True))
    assert errors(instance, schema) == expected


def test_properties_come_through_all_of() -> None:
    found, required = properties("messaging-api", "TextMessage")
    assert {"type", "quickReply", "sender", "text", "emojis", "quoteToken"} <= set(found)
    assert required == {"type", "text"}
