"""The tests' full JSON Schema check against the LINE OpenAPI spec (tests/spec_support.py)
can fail.

Each row is an instance, the schema it is checked against and the exact problems
expected: ``$ref``s, ``nullable``, discriminators (nested, in ``additionalProperties``),
``oneOf`` branches, undeclared keys, and the two ways of accepting more. These need the
full schemas, so they skip when the spec is absent; that skip itself (and the line the
run's summary gives for it) is checked with ``LINEBOT_FP_SPEC_DIR``. The facts check
(tests/facts_support.py), which runs without the spec, has its own rows at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from facts_support import FACTS, properties, structure_errors
from spec_support import SPEC_DIR, load_spec, resolve, schema_errors, spec_path

USER = "U0123456789abcdef0123456789abcdef"
TOKEN_FORM = ("#/paths/~1oauth2~1v3~1token/post/requestBody/content/"
              "application~1x-www-form-urlencoded/schema")
MENTION = {"type": "mention", "mentionee": {"type": "user", "userId": "U1"}}
PUSH_V2 = {"to": "U1", "messages": [{"type": "textV2", "text": "hi {a}",
                                     "substitution": {"a": MENTION}}]}
EVENT = {"type": "follow", "mode": "active", "timestamp": 1, "source": {"type": "user",
                                                                         "userId": USER},
         "webhookEventId": "01H", "deliveryContext": {"isRedelivery": False},
         "replyToken": "r", "follow": {"isUnblocked": False}}
FUTURE = {**{k: v for k, v in EVENT.items() if k not in ("replyToken", "follow")},
          "type": "futureEvent", "thing": {"a": 1}}


def _with(base: dict[str, Any], where: tuple[Any, ...], **changes: Any) -> dict[str, Any]:
    """A copy of ``base`` with ``changes`` made in the object at ``where``."""
    if not where:
        return {**base, **changes}
    head, *rest = where
    if isinstance(base[head], list):
        items = list(base[head])
        items[rest[0]] = _with(items[rest[0]], tuple(rest[1:]), **changes)
        return {**base, head: items}
    return {**base, head: _with(base[head], tuple(rest), **changes)}


CASES: list[tuple[str, str, Any, Any, list[str]]] = [
    # spec, schema, instance, expected problems
    ("messaging-api", "PushMessageRequest", PUSH_V2, [], []),
    ("messaging-api", "PushMessageRequest",
     _with(PUSH_V2, ("messages", 0, "substitution", "a", "mentionee"), userID="U2"), [],
     ["$.messages[0].substitution.a.mentionee.userID: undeclared key"]),
    ("messaging-api", "PushMessageRequest",
     _with(PUSH_V2, ("messages", 0, "substitution", "a"), type="sticker"), [],
     ["$.messages[0].substitution.a: type 'sticker' is not one of ['emoji', 'mention']",
      "$.messages[0].substitution.a.mentionee: undeclared key"]),
    ("messaging-api", "PushMessageRequest",
     _with(PUSH_V2, ("messages", 0, "substitution", "a", "mentionee"), userId=7), [],
     ["$.messages[0].substitution.a.mentionee.userId: 7 is not of type 'string'"]),
    ("insight", "GetMessageEventResponseMessage", {"seq": 1, "impression": None}, [], []),
    ("insight", "GetMessageEventResponseMessage", {"seq": None}, [],
     ["$.seq: None is not of type 'integer'"]),
    ("manage-audience", "AudienceGroup", {"failedType": None}, [], []),
    ("manage-audience", "AudienceGroup", {"failedType": "NO_SUCH_FAILURE"}, [],
     ["$.failedType: 'NO_SUCH_FAILURE' is not one of "
      "['AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT', 'INTERNAL_ERROR', None]"]),
    ("channel-access-token", TOKEN_FORM,
     {"grant_type": "client_credentials", "client_id": "1", "client_secret": "s"}, [], []),
    ("channel-access-token", TOKEN_FORM,
     {"grant_type": "client_credentials", "client_id": "1", "client_secret": "s",
      "client_assertion": "x"}, [], ["$.client_assertion: undeclared key"]),
    ("webhook", "CallbackRequest", {"destination": USER, "events": [EVENT]}, [], []),
    ("webhook", "CallbackRequest",
     {"destination": USER, "events": [_with(EVENT, ("follow",), unblocked=True)]}, [],
     ["$.events[0].follow.unblocked: undeclared key"]),
    ("webhook", "PostbackContent", {"data": "d", "params": {"date": 3}}, [],
     ["$.params.date: 3 is not of type 'string'"]),
    ("webhook", "CallbackRequest",
     {"destination": USER, "events": [_with(EVENT, ("follow",), unblocked=True)]},
     ["extra_keys"], []),
]


def test_an_unmapped_tag_is_an_error_unless_left_to_the_unknown_member() -> None:
    body = {"destination": USER, "events": [FUTURE]}
    tags = load_spec("webhook")["components"]["schemas"]["Event"]["discriminator"]["mapping"]
    assert schema_errors("webhook")(body, "CallbackRequest") == [
        f"$.events[0]: type 'futureEvent' is not one of {sorted(tags)}",
        "$.events[0].thing: undeclared key"]
    assert schema_errors("webhook", unknown_tags=True)(body, "CallbackRequest") == []


def test_a_schema_object_from_the_file_is_checked_like_its_name() -> None:
    errors = schema_errors("webhook")
    schema = load_spec("webhook")["components"]["schemas"]["FollowDetail"]
    assert errors({"isUnblocked": "no"}, schema) == errors({"isUnblocked": "no"}, "FollowDetail")
    assert errors({"isUnblocked": "no"}, schema) == ["$.isUnblocked: 'no' is not of type 'boolean'"]


def test_resolve_follows_local_refs() -> None:
    spec = load_spec("messaging-api")
    schema = resolve(spec, {"$ref": "#/components/schemas/PushMessageRequest"})
    assert schema is spec["components"]["schemas"]["PushMessageRequest"]
    assert resolve(spec, schema) is schema


def test_spec_path_names_a_file_in_the_spec_dir() -> None:
    assert spec_path("webhook") == SPEC_DIR / "webhook.yml"
    assert spec_path("webhook.yml") == SPEC_DIR / "webhook.yml"


@pytest.mark.parametrize(("make", "reason"), [
    (lambda tmp: tmp / "absent", "needs the full LINE OpenAPI schemas: the spec is not at {dir}"),
    (lambda tmp: tmp,
     "needs the full LINE OpenAPI schemas: the spec file is not at {dir}/webhook.yml"),
])
def test_an_absent_spec_skips_with_a_reason(tmp_path: Path, make: Any, reason: str) -> None:
    where = make(tmp_path)
    program = ("import pytest, spec_support\n"
               "try:\n"
               "    spec_support.schema_errors('webhook')\n"
               "except pytest.skip.Exception as skipped:\n"
               "    print('skipped:', skipped.msg)\n")
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=Path(__file__).parent, capture_output=True,
        text=True, check=True, env={**os.environ, "LINEBOT_FP_SPEC_DIR": str(where)})
    assert result.stdout.strip() == "skipped: " + reason.format(dir=where)


def test_the_summary_counts_the_skips_for_want_of_the_spec(tmp_path: Path) -> None:
    """A run without the spec ends with one line saying how many tests it skipped, and why."""
    tests = Path(__file__).parent
    (tmp_path / "test_needs_spec.py").write_text(
        "import pytest\n"
        "from spec_support import load_spec, schema_errors\n\n"
        "def test_one():\n    load_spec('webhook')\n\n"
        "@pytest.mark.parametrize('n', [1, 2])\n"
        "def test_two(n):\n    schema_errors('messaging-api')\n\n"
        "def test_other_skip():\n    pytest.skip('not for want of the spec')\n\n"
        "def test_runs():\n    pass\n")
    (tmp_path / "conftest.py").write_text((tests / "conftest.py").read_text())
    absent = tmp_path / "no-spec"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "LINEBOT_FP_SPEC_DIR": str(absent),
             "PYTHONPATH": os.pathsep.join([str(tests), os.environ.get("PYTHONPATH", "")])})
    assert "1 passed, 4 skipped" in result.stdout, result.stdout + result.stderr
    assert (f"3 skipped: they need the full LINE OpenAPI schemas, not found at {absent}; set "
            "LINEBOT_FP_SPEC_DIR to run them") in result.stdout


# -- the facts check (tests/facts_support.py): it runs without the spec -----------------------

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
     ["$.to: 7 is not of type 'string'", "$.messages: [] should be non-empty"]),
    ("messaging-api", "TextMessage", {"type": "text", "text": "x", "quoteToken": "q" * 101},
     [], []),
    ("messaging-api", "Sender", {"name": "n" * 21}, [], [f"$.name: {'n' * 21!r} is too long"]),
    ("messaging-api", "Limit", {"max": 0}, [], ["$.max: 0 is less than the minimum of 1"]),
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


#: each check by its name: the full JSON Schema one (it reads the spec) and the facts one
CHECKS: dict[str, Any] = {"schema": schema_errors, "facts": structure_errors}
ROWS = [("schema", *row) for row in CASES] + [("facts", *row) for row in FACT_CASES]


@pytest.mark.parametrize(("check", "spec", "schema", "instance", "options", "expected"), ROWS,
                         ids=[f"{row[0]}-{row[1]}-{row[2].rsplit('/', 1)[-1]}-{index}"
                              for index, row in enumerate(ROWS)])
def test_each_check_finds_exactly_these_problems(
        check: str, spec: str, schema: str, instance: Any, options: list[str],
        expected: list[str]) -> None:
    errors = CHECKS[check](spec, **dict.fromkeys(options, True))  # "schema" skips without spec
    assert errors(instance, schema) == expected


def test_properties_come_through_all_of() -> None:
    found, required = properties("messaging-api", "TextMessage")
    assert {"type", "quickReply", "sender", "text", "emojis", "quoteToken"} <= set(found)
    assert required == {"type", "text"}
