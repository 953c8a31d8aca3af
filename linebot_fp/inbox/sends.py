"""The sends of a handler never repeat: keys derived from the event, reply tokens that age.

A handler may run more than once for one event (its worker died, a send
failed and the event is retried). What it asks to send must still reach LINE
once, so each ``Request`` it returns is sent as these rules say:

* It gets a retry key derived from the event: ``uuid5`` of the event's id and
  the request's position in what the handler returned (:func:`send_key`).
  Push, multicast, narrowcast and broadcast take one, so a rerun is answered
  409 "already accepted" instead of delivering again.
* A reply has no key, and its token works once and only shortly: LINE says a
  reply token "must be used within one minute after receiving the webhook"
  (https://developers.line.biz/en/reference/messaging-api/#send-reply-message).
  So a reply never attempted whose token is older than ``reply_within``
  seconds (:data:`REPLY_WITHIN`, leaving a margin under that minute), or that
  LINE refuses as an invalid reply token on its first attempt, becomes a push
  of the same messages to the event's source (group, room or user) with the
  derived key (:func:`reply_as_push`).
* A request that cannot be repeated safely (a reply, or a POST without a key)
  is written down as *attempting* before it is sent and *sent* after: one
  whose outcome is unknown (no answer, a 5xx, a crash in between) is reported
  (logged and kept in the event's notes), never sent again blindly.

This module performs no I/O.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Literal

from linebot_fp.errors import LineBotApiError, UndecodableAnswerError
from linebot_fp.request import Request, safe_to_repeat

__all__ = ["REPLY_WITHIN", "SEND_KEY_NAMESPACE", "SendState", "careful", "is_reply",
           "outcome", "refused_token", "reply_as_push", "send_key"]

#: the namespace of the derived retry keys (uuid5 of this project's inbox URL)
SEND_KEY_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/linebot-fp/linebot_fp/inbox")
#: seconds after the event was received past which a reply is sent as a push instead:
#: LINE's reply tokens must be used within one minute after the webhook is received
#: (https://developers.line.biz/en/reference/messaging-api/#send-reply-message)
REPLY_WITHIN = 50.0

#: what the notes say of one send: attempting (outcome not yet known), sent, unknown
#: (reported, never resent), refused (LINE refused it: not delivered, may be tried again),
#: token-refused (a reply refused for its token: its push goes instead)
SendState = Literal["attempting", "sent", "unknown", "refused", "token-refused"]


def send_key(event_id: str, position: int) -> str:
    """The retry key of the send at ``position`` (0, 1, ...) of the event ``event_id``."""
    return str(uuid.uuid5(SEND_KEY_NAMESPACE, f"{event_id}/{position}"))


def is_reply(request: Request[Any]) -> bool:
    """Whether ``request`` is a reply (which has a token instead of a retry key)."""
    return request.method == "POST" and request.path == "/v2/bot/message/reply"


def careful(request: Request[Any]) -> bool:
    """Whether sending ``request`` twice could act twice (so its attempts are written down)."""
    return not safe_to_repeat(request.method, request.headers)


def reply_as_push(reply: Request[Any], to: str, key: str) -> Request[Any]:
    """The push of ``reply``'s messages (and notification setting) to ``to``, keyed ``key``."""
    from linebot_fp.api import push_message
    from linebot_fp.codec import structure
    from linebot_fp.models import SendMessage

    body = json.loads(reply.body or b"{}")
    messages = [structure(message, SendMessage) for message in body.get("messages", ())]
    return push_message(to, messages, retry_key=key,
                        notification_disabled=bool(body.get("notificationDisabled", False)))


def refused_token(error: BaseException) -> bool:
    """Whether ``error`` is LINE refusing a reply for its token (400 "Invalid reply token")."""
    return (isinstance(error, LineBotApiError) and error.status_code == 400
            and "reply token" in (error.error.message or "").lower())


def outcome(error: BaseException) -> Literal["sent", "refused", "unknown"]:
    """What a send that raised ``error`` did: delivered (an accepted call whose answer could
    not be read), refused (LINE answered 4xx, or the request was refused before it was
    sent: not delivered), or unknown (no answer, 5xx)."""
    if isinstance(error, UndecodableAnswerError):
        return "sent"
    if isinstance(error, LineBotApiError) and 400 <= error.status_code < 500:
        return "refused"
    if isinstance(error, ValueError):  # bad input or no client: nothing left this process
        return "refused"
    return "unknown"
