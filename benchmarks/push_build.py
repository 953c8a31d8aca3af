"""Figure 3: building a push request (a text message with 3 quick replies), per second.

Contenders, each building the request from scratch on every call, models included,
and ending with the exact bytes of the body (nothing is sent):

* ``linebot_fp``: ``TextSendMessage`` + ``QuickReply`` + 3 ``QuickReplyButton`` /
  ``MessageAction``, then ``push_message(to, message)`` -> ``Request.body``;
* ``line-bot-sdk v3``: ``TextMessage`` + ``QuickReply`` + 3 ``QuickReplyItem`` /
  ``MessageAction`` in a ``PushMessageRequest``, then ``to_json()`` encoded;
* ``hand-written dict + json.dumps``: the floor, the same JSON written as a dict.

All three bodies decode to the same JSON (checked before timing).
Budget: at least 10x the official SDK, and within 3x of the hand-written floor.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    OFFICIAL,
    OURS,
    Budget,
    Figure,
    Metric,
    OfficialSdk,
    best_seconds_per_call,
    official_sdk,
    ratio,
)
from benchmarks.mixed_body import USER_ID

__all__ = ["BUTTONS", "HAND", "TEXT", "expected_json", "hand", "official", "ours", "run"]

HAND = "hand-written dict + json.dumps"
TEXT = "Which one?"
BUTTONS = (("Yes", "yes"), ("No", "no"), ("Maybe", "maybe"))

Operation = Callable[[], bytes]


def expected_json() -> dict[str, Any]:
    """The body every contender must produce (as decoded JSON)."""
    body: dict[str, Any] = json.loads(hand()())
    return body


def _checked(name: str, operation: Operation) -> Operation:
    body = json.loads(operation())
    if body != expected_json():
        raise AssertionError(f"{name} builds another body: {body!r}")
    return operation


def ours() -> Operation:
    """Build the push request with linebot_fp."""
    from linebot_fp.api import push_message
    from linebot_fp.models import MessageAction, QuickReply, QuickReplyButton, TextSendMessage

    def build() -> bytes:
        message = TextSendMessage(text=TEXT, quick_reply=QuickReply(items=[
            QuickReplyButton(action=MessageAction(label=label, text=text))
            for label, text in BUTTONS
        ]))
        body = push_message(USER_ID, message).body
        assert body is not None
        return body

    return _checked(OURS, build)


def official() -> Operation:
    """Build the push request with the official SDK's pydantic models (no sending)."""
    messaging = importlib.import_module("linebot.v3.messaging")
    push_message_request, text_message = messaging.PushMessageRequest, messaging.TextMessage
    quick_reply, quick_reply_item = messaging.QuickReply, messaging.QuickReplyItem
    message_action = messaging.MessageAction

    def build() -> bytes:
        message = text_message(text=TEXT, quickReply=quick_reply(items=[
            quick_reply_item(action=message_action(label=label, text=text))
            for label, text in BUTTONS
        ]))
        body: bytes = push_message_request(to=USER_ID, messages=[message]).to_json().encode()
        return body

    return _checked(OFFICIAL, build)


def hand() -> Operation:
    """The floor: the body written as a dict, encoded as linebot_fp encodes it."""

    def build() -> bytes:
        return json.dumps({
            "to": USER_ID,
            "messages": [{
                "type": "text",
                "text": TEXT,
                "quickReply": {"items": [
                    {"type": "action", "action": {"type": "message", "label": label, "text": text}}
                    for label, text in BUTTONS
                ]},
            }],
            "notificationDisabled": False,
        }, ensure_ascii=False, separators=(",", ":")).encode()

    return build


def run(*, repeat: int = 7, number: int | None = None, min_time: float = 0.2,
        sdk: OfficialSdk | None = None) -> Figure:
    """Measure every contender that can run here; ``sdk`` defaults to probing for v3."""
    sdk = official_sdk() if sdk is None else sdk
    contenders: dict[str, Callable[[], Operation]] = {OURS: ours, HAND: hand}
    if sdk.available:
        contenders[OFFICIAL] = official
    rows: dict[str, dict[str, float]] = {}
    for name, make in contenders.items():
        seconds = best_seconds_per_call(make(), repeat=repeat, number=number, min_time=min_time)
        rows[name] = {"requests_per_s": 1 / seconds, "us_per_request": seconds * 1e6}
    per_s = {name: row["requests_per_s"] for name, row in rows.items()}
    budgets = (
        Budget("push build: linebot_fp >= 10x line-bot-sdk v3",
               ratio(per_s[OURS], per_s.get(OFFICIAL)), 10.0, at_least=True),
        Budget("push build: linebot_fp within 3x of hand-written (hand / ours <= 3)",
               ratio(per_s[HAND], per_s[OURS]), 3.0, at_least=False),
    )
    notes = () if sdk.available else (f"official SDK not measured: {sdk.problem}",)
    return Figure(
        key="push_build",
        title="Building a push request (text + 3 quick replies), body bytes included",
        metrics=(Metric("requests_per_s", "requests/s"), Metric("us_per_request", "µs each", 1)),
        rows=rows, budgets=budgets, notes=notes,
    )
