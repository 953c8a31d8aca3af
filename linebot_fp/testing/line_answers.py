"""What :class:`~linebot_fp.testing.FakeLineApi` answers when no ``on()`` rule matches:
the shapes LINE sends.

The last step of the fake's answer (after faults, auth, rate limits, retry-key checks,
the test's rules and the stateful endpoints). Each request is matched to its endpoint
by :data:`ENDPOINTS` (method and path template of every operation of the LINE OpenAPI
specification, from the package's one table of endpoints, which a test checks against
the spec's facts) and answered with
that endpoint's success status and a body of the shape its answer model has
(``linebot_fp.api``'s registry names the model):

* every field the model requires, and the fields the spec requires that the model
  leaves optional, with values that fit the spec's response schema (a test checks
  each answer against the schema); an id named in the path is answered back
  (``GET /v2/bot/profile/U1`` answers ``"userId": "U1"``);
* a reply or a push answers ``sentMessages``: one ``id`` per message sent, and a
  ``quoteToken`` for the messages that can be quoted (text, sticker, image, video:
  https://developers.line.biz/en/docs/messaging-api/get-quote-tokens/);
* an operation that answers nothing answers ``{}``, as LINE does; binary content
  answers empty bytes as ``application/octet-stream``.

LINE's documented error bodies answer what cannot be an endpoint's request
(https://developers.line.biz/en/reference/messaging-api/#error-responses): a path
or method no endpoint has gets ``404 {"message": "Not found"}``, and a JSON body that
does not parse gets ``400 {"message": "The request body could not be parsed as JSON
(line: L, column: C)"}``. The fake adds ``X-Line-Request-Id`` to every answer.

Everything here is pure: same request, same answer (ids are drawn from the request id).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any, Literal, Union
from urllib.parse import unquote

from linebot_fp import codec
from linebot_fp.api._endpoints import ENDPOINTS as _ROWS
from linebot_fp.api._registry import BINARY, EMPTY, OPERATIONS, answer_type, load_all
from linebot_fp.request import BASE_URLS

__all__ = ["ENDPOINTS", "QUOTABLE", "Answer", "Asked", "default_answer", "endpoint_of"]

#: operationId -> (method, path template, success status) of every endpoint of LINE's API:
#: the rows of :data:`linebot_fp.api._endpoints.ENDPOINTS` with an operationId on LINE's
#: hosts (the spec's ``callback`` is the bot's own endpoint, not LINE's)
ENDPOINTS: dict[str, tuple[str, str, int]] = {
    row.operation_id: (row.method, row.path, row.status) for row in _ROWS.values()
    if row.operation_id is not None and row.base in BASE_URLS}

#: message types whose ``sentMessages`` entry carries a ``quoteToken``: those that can be
#: quoted (https://developers.line.biz/en/docs/messaging-api/get-quote-tokens/)
QUOTABLE = frozenset({"text", "textV2", "sticker", "image", "video"})

_NOT_FOUND = (404, "Not found")


@dataclasses.dataclass(frozen=True, slots=True)
class Asked:
    """What the fake knows of a request when it shapes the answer."""

    method: str
    path: str
    body: bytes
    content_type: str
    request_id: str
    now: float  # the API's time, epoch seconds


@dataclasses.dataclass(frozen=True, slots=True)
class Answer:
    """A default answer: status, body bytes and headers (the fake adds the request id)."""

    status: int
    body: bytes
    headers: Mapping[str, str]


@dataclasses.dataclass(frozen=True, slots=True)
class _Context:
    """What the values of one answer are drawn from."""

    asked: Asked
    params: Mapping[str, str]  # the path's placeholders, decoded: {"userId": "U1"}

    def token(self, salt: str, length: int = 32) -> str:
        """A stable pseudo-random hex string for this request and ``salt``."""
        seed = f"{self.asked.request_id}:{salt}".encode()
        return hashlib.sha256(seed).hexdigest()[:length]

    def user_id(self) -> str:
        return self.params.get("userId") or "U" + self.token("userId")

    def iso_time(self) -> str:
        when = datetime.fromtimestamp(self.asked.now, tz=timezone.utc)
        return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def day(self) -> str:
        return datetime.fromtimestamp(self.asked.now, tz=timezone.utc).strftime("%Y%m%d")


def _segments(template: str) -> tuple[str, ...]:
    return tuple(template.strip("/").split("/"))


@functools.cache
def _routes() -> tuple[tuple[str, str, tuple[str, ...], int], ...]:
    """(operationId, method, template segments, fixed segment count), most fixed first,
    then by operationId."""
    rows = [(operation, method, _segments(template),
             sum(not part.startswith("{") for part in _segments(template)))
            for operation, (method, template, _) in sorted(ENDPOINTS.items())]
    return tuple(sorted(rows, key=lambda row: -row[3]))


def endpoint_of(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """``(operationId, {placeholder: value})`` of the endpoint ``method path`` calls, or None."""
    parts = _segments(path)
    for operation, wanted, template, _ in _routes():
        if wanted != method or len(template) != len(parts):
            continue
        params: dict[str, str] = {}
        for fixed, part in zip(template, parts, strict=True):
            if fixed.startswith("{"):
                params[fixed.strip("{}")] = unquote(part)
            elif fixed != part:
                break
        else:
            return operation, params
    return None


def default_answer(asked: Asked) -> Answer:
    """LINE's answer to ``asked`` (see the module docstring)."""
    found = endpoint_of(asked.method, asked.path)
    if found is None:
        return _error(*_NOT_FOUND)
    operation, params = found
    if asked.content_type.split(";")[0].strip() == "application/json" and asked.body:
        try:
            json.loads(asked.body)
        except ValueError as error:
            line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
            return _error(400, "The request body could not be parsed as JSON "
                               f"(line: {line}, column: {column})")
    status = ENDPOINTS[operation][2]
    load_all()
    answer = answer_type(OPERATIONS[operation].__name__)
    if answer == BINARY:
        return Answer(status, b"", {"Content-Type": "application/octet-stream"})
    if answer == EMPTY or not isinstance(answer, type):
        return _json(status, {})
    context = _Context(asked, params)
    special = _REQUEST_SHAPED.get(operation)
    body = special(context) if special is not None else codec.unstructure(
        _instance(answer, context))
    return _json(status, body)


def _json(status: int, body: Any) -> Answer:
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return Answer(status, data, {"Content-Type": "application/json"})


def _error(status: int, message: str) -> Answer:
    return _json(status, {"message": message})


# -- answers drawn from the request ------------------------------------------------------------


def _sent_messages(context: _Context) -> dict[str, Any]:
    """``sentMessages``: an id per message sent, a quote token for the quotable ones."""
    try:
        messages = json.loads(context.asked.body).get("messages") or []
    except (ValueError, AttributeError):
        messages = []
    sent = []
    for index, message in enumerate(messages if isinstance(messages, list) else []):
        entry = {"id": str(int(context.token(f"message{index}", 15), 16))}
        if isinstance(message, dict) and message.get("type") in QUOTABLE:
            entry["quoteToken"] = context.token(f"quote{index}", 64)
        sent.append(entry)
    return {"sentMessages": sent}


_REQUEST_SHAPED: dict[str, Callable[[_Context], Any]] = {
    "replyMessage": _sent_messages,
    "pushMessage": _sent_messages,
}


# -- answers drawn from the answer model --------------------------------------------------------

def _ready(count: int = 0) -> dict[str, Any]:
    """A delivery count that is ready (``success`` is given only then)."""
    return {"status": "ready", "success": count}


def _done(context: _Context) -> str:
    return context.iso_time()


def _created_audience(kind: str, **more: Any) -> dict[str, Any]:
    """A new audience as LINE answers its creation: the id the later calls (its status,
    uploads, ``linebot_fp.jobs.audience_ready``) need, its type, name and creation time.
    https://developers.line.biz/en/reference/messaging-api/#create-upload-audience-group
    """
    return {"audience_group_id": lambda c: int(c.token("audienceGroupId", 12), 16),
            "type": kind, "description": lambda c: _asked_field(c, "description"),
            "created": lambda c: int(c.asked.now), **more}


def _asked_field(context: _Context, key: str) -> str | None:
    """The string ``key`` of the request's JSON body, or ``None``."""
    try:
        value = json.loads(context.asked.body).get(key)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


#: values for fields whose generic value would not fit LINE's answer (an enum, a size, a
#: field the spec requires that the model leaves optional), by model class and field; a
#: callable draws the value from the request. Token lifetimes: 15 minutes for a stateless
#: token, 30 days for the others
#: (https://developers.line.biz/en/docs/basics/channel-access-token/)
_VALUES: dict[str, dict[str, Any]] = {
    "AddLiffAppResponse": {"liff_id": lambda c: f"1234567890-{c.token('liffId', 8)}"},
    "AttachModuleResponse": {"bot_id": lambda c: c.user_id(), "scopes": ("message:send",)},
    "BotInfo": {"basic_id": lambda c: "@" + c.token("basicId", 8), "chat_mode": "chat",
                "mark_as_read_mode": "auto"},
    "CreateAudienceGroup": _created_audience("UPLOAD", create_route="MESSAGING_API",
                                             permission="READ_WRITE"),
    "ClickAudienceGroup": _created_audience(
        "CLICK", create_route="MESSAGING_API", permission="READ_WRITE",
        request_id=lambda c: _asked_field(c, "requestId")),
    "ImpAudienceGroup": _created_audience("IMP",
                                          request_id=lambda c: _asked_field(c, "requestId")),
    "GetMessageContentTranscodingResponse": {"status": "succeeded"},
    "MessageQuotaResponse": {"type": "none"},
    "GetModulesResponse": {"bots": ()},
    "MessageProgressNarrowcastResponse": {"phase": "succeeded", "accepted_time": _done,
                                          "completed_time": _done, "success_count": 0,
                                          "failure_count": 0, "target_count": 0},
    **dict.fromkeys(["MessageDeliveryBroadcastResponse", "MessageDeliveryMulticastResponse",
                     "MessageDeliveryPushResponse", "MessageDeliveryReplyResponse",
                     "NumberOfMessagesResponse"], _ready()),
    "RichMenuResponse": {"size": lambda c: _model("RichMenuSize", width=2500, height=1686),
                         "name": "Rich menu", "chat_bar_text": "Menu"},
    "RichMenuBatchProgressResponse": {"phase": "succeeded", "accepted_time": _done,
                                      "completed_time": _done},
    "GetRichMenuInsightDailyResponse": {"rich_menu_id": lambda c: c.params["richMenuId"]},
    "GetRichMenuInsightSummaryResponse": {"rich_menu_id": lambda c: c.params["richMenuId"]},
    "InsightMessageEventOfCustomAggregationUnitResponse": {
        "overview": lambda c: _model("MessageStatisticsOfCustomAggregationUnit"),
        "messages": (), "clicks": ()},
    "ValidAccessTokenKeyIDsResponse": {"kids": lambda c: (c.token("kid", 22),)},
    "IssueChannelTokenResponse": {"access_token": lambda c: c.token("accessToken", 64),
                                  "expires_in": 2_592_000, "token_type": "Bearer"},
    "IssueChannelTokenResponseV2": {"access_token": lambda c: c.token("accessToken", 64),
                                    "expires_in": 2_592_000, "token_type": "Bearer",
                                    "key_id": lambda c: c.token("keyId", 22)},
    "IssueStatelessChannelAccessTokenResponse": {
        "access_token": lambda c: c.token("accessToken", 64), "expires_in": 900,
        "token_type": "Bearer"},
    "VerifyChannelAccessTokenResponse": {"client_id": "1234567890", "expires_in": 2_592_000},
    "VerifyChannelTokenResponseV2": {"client_id": "1234567890", "expires_in": 2_592_000},
}


def _model(name: str, **values: Any) -> Any:
    """The model ``linebot_fp.models.<name>`` made from ``values``."""
    import linebot_fp.models

    return getattr(linebot_fp.models, name)(**values)


def _instance(cls: type, context: _Context) -> Any:
    """An instance of the model ``cls``: its required fields, and the ones ``_VALUES`` names."""
    chosen = _VALUES.get(cls.__name__, {})
    hints = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.name in chosen:
            value = chosen[field.name]
            values[field.name] = value(context) if callable(value) else value
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            values[field.name] = _value(hints[field.name], field.name, context)
    return cls(**values)


def _camel(name: str) -> str:
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(part.title() for part in rest)


def _value(hint: Any, name: str, context: _Context) -> Any:
    """A value of type ``hint`` for the field ``name``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return _value(next(arg for arg in args if arg is not type(None)), name, context)
    if origin is Literal:
        return args[0]
    if origin in (tuple, Sequence, list):
        return ()
    if hint is str:
        key = _camel(name)
        if key in context.params:
            return context.params[key]
        if key == "userId":
            return context.user_id()
        if key.endswith("Url"):
            return f"https://example.com/{key}"
        return f"{key}-{context.token(key, 8)}"
    if hint is bool:
        return False
    if hint is int:
        return 0
    if hint is float:
        return 0.0
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _instance(hint, context)
    raise TypeError(f"no default value for {name}: {hint!r}")  # pragma: no cover
