"""Walk the insight, audience, channel token, LIFF, module, shop and webhook specs.

For every operation of those files (as the facts table, tests/spec_facts.json, has
them): the builder is in OPERATIONS, and a request built from representative arguments
has the spec's method, host and path, only declared query parameters (all required ones
present), and a body that fits the facts of the spec's request schema (its keys, tags
and JSON types), with no key the schema does not declare. The full JSON Schema check of
the same bodies reads the spec and skips, saying why, without it.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
from typing import Any
from urllib.parse import parse_qsl

from facts_support import Operation, operations, properties, structure_errors
from spec_support import load_spec, schema_errors

from linebot_fp.api import audience, channel_token, insight, liff, module, shop, webhook  # noqa: F401
from linebot_fp.api._registry import OPERATIONS
from linebot_fp.models.liff import (
    AddLiffAppRequest,
    LiffFeatures,
    LiffView,
    UpdateLiffAppRequest,
    UpdateLiffView,
)
from linebot_fp.request import Request

SPEC_FILES = ("insight", "manage-audience", "channel-access-token", "liff", "module",
              "module-attach", "shop", "webhook")
HOSTS = {"https://api.line.me": "api", "https://api-data.line.me": "data",
         "https://manager.line.biz": "manager", "https://example.com": "webhook"}
METHODS = ("get", "post", "put", "delete")

BOT = "U0123456789abcdef0123456789abcdef"
RICH_MENU = "richmenu-0123456789abcdef0123456789abcdef"
WEBHOOK_BODY = json.dumps({"destination": BOT, "events": [{
    "type": "follow", "mode": "active", "timestamp": 1462629479859,
    "source": {"type": "user", "userId": BOT}, "webhookEventId": "01FZ74A0TDDPYRVKNK77XKC3ZR",
    "deliveryContext": {"isRedelivery": False}, "replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
    "follow": {"isUnblocked": False}}]})

#: operationId -> (args, kwargs): representative arguments, optional ones included
ARGS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "getFriendsDemographics": ((), {}),
    "getNumberOfMessageDeliveries": (("20191231",), {}),
    "getNumberOfFollowers": (("20191231",), {}),
    "getMessageEvent": (("f70dd685-499a-4231-a441-f24b8d4fba21",), {}),
    "getStatisticsPerUnit": (("Promotion_a", "20210301", "20210331"), {}),
    "getRichMenuInsightSummary": ((RICH_MENU, "20260213", "20260215"), {}),
    "getRichMenuInsightDaily": ((RICH_MENU, "20260213", "20260215"), {}),
    "createAudienceGroup": (("name", ["U1", {"id": "U2"}]),
                            {"is_ifa": False, "upload_description": "job"}),
    "addAudienceToAudienceGroup": ((1234567890123, ["U1"], "job"), {}),
    "createAudienceForUploadingUserIds": ((["U1", "U2"],), {
        "description": "name", "is_ifa_audience": False, "upload_description": "job"}),
    "addUserIdsToAudience": ((b"U1\nU2", 1234567890123), {"upload_description": "job"}),
    "createClickBasedAudienceGroup": (("name", "bb9744f9-47fa", "https://example.com/"), {}),
    "createImpBasedAudienceGroup": (("name", "bb9744f9-47fa"), {}),
    "updateAudienceGroupDescription": ((1234567890123, "new name"), {}),
    "deleteAudienceGroup": ((1234567890123,), {}),
    "getAudienceData": ((1234567890123,), {}),
    "getAudienceGroups": ((2, "name", "READY", 40, True, "OA_MANAGER"), {}),
    "getSharedAudienceData": ((1234567890123,), {}),
    "getSharedAudienceGroups": ((2, "name", "READY", 40, "OA_MANAGER", True), {}),
    "issueStatelessChannelToken": (("jwt.a.b",), {}),
    "getsAllValidChannelAccessTokenKeyIds": (("jwt.a.b",), {}),
    "issueChannelTokenByJWT": (("jwt.a.b",), {}),
    "verifyChannelTokenByJWT": (("token",), {}),
    "revokeChannelTokenByJWT": (("1234", "secret", "token"), {}),
    "issueChannelToken": (("1234", "secret"), {}),
    "verifyChannelToken": (("token",), {}),
    "revokeChannelToken": (("token",), {}),
    "addLIFFApp": ((AddLiffAppRequest(
        view=LiffView(type="tall", url="https://example.com/app", module_mode=True),
        description="App", features=LiffFeatures(ble=True, qr_code=True),
        permanent_link_pattern="concat", scope=["profile", "chat_message.write"],
        bot_prompt="normal"),), {}),
    "getAllLIFFApps": ((), {}),
    "updateLIFFApp": (("1234-abcd", UpdateLiffAppRequest(
        view=UpdateLiffView(type="full"), description="New", scope=["openid", "email"],
        bot_prompt="none")), {}),
    "deleteLIFFApp": (("1234-abcd",), {}),
    "detachModule": ((BOT,), {}),
    "acquireChatControl": ((BOT,), {"expired": True, "ttl": 3600}),
    "releaseChatControl": ((BOT,), {}),
    "getModules": (("next-token", 50), {}),
    "attachModule": (("code", "https://example.com/cb"), {
        "code_verifier": "v", "client_id": "1", "client_secret": "s", "region": "JP",
        "basic_search_id": "@b", "scope": "message:send", "brand_type": "premium"}),
    "missionStickerV3": ((BOT, "pkg-1"), {}),
    "callback": ((WEBHOOK_BODY, "channel-secret"), {}),
}

#: extra argument sets worth walking: the other variant of a oneOf body
MORE_ARGS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("issueStatelessChannelToken", (), {"client_id": "1234", "client_secret": "secret"}),
    ("getNumberOfFollowers", (None,), {}),
    ("getAudienceGroups", (), {}),
    ("detachModule", (), {}),
]


def _operations() -> list[Operation]:
    return list(operations(*SPEC_FILES).values())


def _multipart_fields(request: Request) -> dict[str, bytes]:
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
            for part in message.iter_parts()}


def _body(op: Operation, request: Request) -> tuple[list[str], Any, str | None]:
    """(problems, the body as JSON, the request schema's kind) of a request's body."""
    if op.body is None:
        return (["a body where the spec has none"] if request.body is not None else []), None, None
    media, kind = next(iter(op.body["content"].items()))
    if request.body is None:
        return (["no body where the spec requires one"] if op.body["required"] else []), None, None
    sent_type = request.headers.get("Content-Type", "")
    problems = []
    if sent_type.split(";")[0].strip() != media:
        problems.append(f"content type {sent_type!r} != {media!r}")
    if media == "application/json":
        return problems, json.loads(request.body), kind
    if media == "application/x-www-form-urlencoded":
        return problems, dict(parse_qsl(request.body.decode("ascii"), strict_parsing=True)), kind
    # multipart/form-data: field names only (text parts are not typed)
    fields = _multipart_fields(request)
    declared, required = properties(op.file, kind)
    problems += [f"undeclared multipart field {name}" for name in fields if name not in declared]
    problems += [f"missing multipart field {name}" for name in sorted(required)
                 if name not in fields]
    return problems, None, None


def _check(op: Operation, request: Request) -> list[str]:
    problems = []
    if request.method != op.method:
        problems.append(f"method {request.method} != {op.method}")
    if HOSTS.get(op.host) != request.base:
        problems.append(f"base {request.base!r} for host {op.host}")
    pattern = re.sub(r"\\\{[^}]+\\\}", "[^/?#]+", re.escape(op.path))
    if not re.fullmatch(pattern, request.path):
        problems.append(f"path {request.path} does not match {op.path}")
    declared = op.parameter_names("query")
    sent = [name for name, _ in request.query]
    problems += [f"undeclared query parameter {name}" for name in sent if name not in declared]
    problems += [f"missing required query parameter {name}" for name, required in declared.items()
                 if required and name not in sent]
    found, instance, kind = _body(op, request)
    problems += found
    if kind is not None:
        problems += structure_errors(op.file)(instance, kind)
    return problems


def _runs() -> list[tuple[Operation, tuple[Any, ...], Request]]:
    """(operation, arguments, the request built) for every argument set of ARGS and MORE_ARGS."""
    runs = []
    for op in _operations():
        builder = OPERATIONS.get(op.id)
        if builder is None or op.id not in ARGS:
            continue
        args, kwargs = ARGS[op.id]
        for run_args, run_kwargs in [(args, kwargs)] + [(a, k) for name, a, k in MORE_ARGS
                                                         if name == op.id]:
            runs.append((op, run_args, builder(*run_args, **run_kwargs)))
    return runs


def test_every_operation_has_a_builder_that_follows_the_spec(capsys):
    all_operations = _operations()
    missing = [op.id for op in all_operations if op.id not in OPERATIONS or op.id not in ARGS]
    wrong = {}
    for op, run_args, request in _runs():
        assert request.operation == OPERATIONS[op.id].__name__
        if problems := _check(op, request):
            wrong[f"{op.id}{run_args}"] = problems
    covered = len(all_operations) - len(missing)
    with capsys.disabled():
        print(f"\ncovered {covered}/{len(all_operations)} operations of {', '.join(SPEC_FILES)}")
    assert not missing, f"operations without a builder or arguments: {missing}"
    assert not wrong, json.dumps(wrong, indent=1, default=str)


def test_every_body_is_valid_against_the_spec_schema():
    """The full JSON Schema check of the same bodies (formats, lengths, patterns)."""
    wrong, checked = {}, 0
    for op, run_args, request in _runs():
        _, instance, kind = _body(op, request)
        if kind is None:
            continue
        body = load_spec(op.file)["paths"][op.path][op.method.lower()]["requestBody"]  # or skip
        schema = next(iter(body["content"].values()))["schema"]
        if problems := schema_errors(op.file)(instance, schema):
            wrong[f"{op.id}{run_args}"] = problems
        checked += 1
    assert checked >= 20
    assert not wrong, json.dumps(wrong, indent=1, default=str)


def test_the_walk_knows_every_operation_of_these_files_and_no_other():
    ids = {op.id for op in _operations()}
    assert set(ARGS) == ids
    assert len(ids) == 38


def test_the_walk_catches_a_wrong_request():
    """The checker itself can fail: a misspelt key, path or parameter is reported."""
    ops = {op.id: op for op in _operations()}
    bad_body = Request(operation="x", method="POST", base="api", path="/v2/bot/audienceGroup/imp",
                       headers={"Content-Type": "application/json"},
                       body=b'{"description":"d","requestID":"r"}')
    assert _check(ops["createImpBasedAudienceGroup"], bad_body) == [
        "$.requestID: undeclared key"]
    bad_type = Request(operation="x", method="PUT", base="api", path="/v2/bot/audienceGroup/upload",
                       headers={"Content-Type": "application/json"},
                       body=b'{"audienceGroupId":"12","audiences":[{"id":"U1"}]}')
    assert any("is not of type 'integer'" in problem
               for problem in _check(ops["addAudienceToAudienceGroup"], bad_type))
    bad_query = Request(operation="x", method="GET", base="data", path="/v2/bot/insight/followers",
                        query=(("day", "20200101"),))
    assert _check(ops["getNumberOfFollowers"], bad_query) == [
        "base 'data' for host https://api.line.me", "undeclared query parameter day"]
    bad_path = Request(operation="x", method="GET", base="api",
                       path="/v2/bot/insight/richmenu/a/b/daily", query=(("from", "1"),))
    assert _check(ops["getRichMenuInsightDaily"], bad_path) == [
        "path /v2/bot/insight/richmenu/a/b/daily does not match "
        "/v2/bot/insight/richmenu/{richMenuId}/daily",
        "missing required query parameter to"]
