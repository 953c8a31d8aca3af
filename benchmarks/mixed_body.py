"""The webhook bodies the benchmarks parse, and the channel secret that signs them.

``BODY`` is a realistic mixed delivery of ten events (text, image and sticker
messages, follow, unfollow, postback, beacon, join, member joined, unsend), as
LINE posts it: compact key order aside, every key is spelled as in the
specification. ``ONE_EVENT_BODY`` holds only its first event (a text message),
for the cold start.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

__all__ = ["BODY", "EVENT_COUNT", "ONE_EVENT_BODY", "REPLY_TOKEN", "SECRET", "USER_ID", "body_of",
           "sign"]

SECRET = "8f1e3c0a5b7d9e2f4a6c8b0d1e3f5a7c"
USER_ID = "U" + "a" * 32
GROUP_ID = "C" + "b" * 32
REPLY_TOKEN = "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"


def _event(kind: str, **fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": kind,
        "timestamp": 1700000000000,
        "source": {"type": "user", "userId": USER_ID},
        "mode": "active",
        "webhookEventId": "01H" + "X" * 23,
        "deliveryContext": {"isRedelivery": False},
    }
    event.update(fields)
    return event


_EVENTS = [
    _event("message", replyToken=REPLY_TOKEN,
           message={"id": "1", "type": "text", "text": "Hello, world", "quoteToken": "q1"}),
    _event("message", replyToken=REPLY_TOKEN,
           message={"id": "2", "type": "image", "contentProvider": {"type": "line"},
                    "quoteToken": "q2"}),
    _event("message", replyToken=REPLY_TOKEN,
           message={"id": "3", "type": "sticker", "packageId": "1", "stickerId": "1",
                    "stickerResourceType": "STATIC", "keywords": ["a", "b"], "quoteToken": "q3"}),
    _event("follow", replyToken=REPLY_TOKEN, follow={"isUnblocked": False}),
    _event("unfollow"),
    _event("postback", replyToken=REPLY_TOKEN,
           postback={"data": "action=buy&itemid=1", "params": {"date": "2024-01-01"}}),
    _event("beacon", replyToken=REPLY_TOKEN, beacon={"hwid": "d41d8cd98f", "type": "enter"}),
    _event("join", replyToken=REPLY_TOKEN,
           source={"type": "group", "groupId": GROUP_ID, "userId": USER_ID}),
    _event("memberJoined", replyToken=REPLY_TOKEN, source={"type": "group", "groupId": GROUP_ID},
           joined={"members": [{"type": "user", "userId": "U1"},
                               {"type": "user", "userId": "U2"}]}),
    _event("unsend", unsend={"messageId": "325708"}),
]

#: how many events ``BODY`` holds
EVENT_COUNT = len(_EVENTS)

BODY: bytes = json.dumps({"destination": "U" + "c" * 32, "events": _EVENTS}).encode()
ONE_EVENT_BODY: bytes = json.dumps({"destination": "U" + "c" * 32, "events": _EVENTS[:1]}).encode()


def body_of(count: int) -> bytes:
    """A body of ``count`` events: the mixed events over and over, in order."""
    events = [_EVENTS[index % EVENT_COUNT] for index in range(count)]
    return json.dumps({"destination": "U" + "c" * 32, "events": events}).encode()


def sign(body: bytes, secret: str = SECRET) -> str:
    """The ``X-Line-Signature`` LINE would send with ``body`` (written out, not our SDK's)."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
