"""A multicast to any number of users, as keyed requests of at most 500 recipients.

https://developers.line.biz/en/reference/messaging-api/#send-multicast-message
takes 1 to 500 user ids a request. :func:`multicast_batches` splits a longer
list and keys every part, so each can be sent, retried and sent again (after a
crash, from a journal) without ever delivering twice. It is pure: the same
arguments with the same ``retry_key`` give the same requests, keys included.
This module performs no I/O.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from linebot_fp.api._build import ids, integer
from linebot_fp.api.messaging import multicast
from linebot_fp.request import retry_key as parse_retry_key

if TYPE_CHECKING:
    from linebot_fp.models import MulticastResponse, SendMessage
    from linebot_fp.request import Request

__all__ = ["MAX_RECIPIENTS", "multicast_batches"]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections

#: the most user ids one multicast takes (LINE's reference, "Send multicast message")
MAX_RECIPIENTS = 500


def multicast_batches(
    to: Iterable[str], messages: SendMessage | Sequence[SendMessage],
    retry_key: str | uuid.UUID | None = None, notification_disabled: bool = False,
    custom_aggregation_units: str | Sequence[str] | None = None, *,
    size: int = MAX_RECIPIENTS,
) -> tuple[Request[MulticastResponse], ...]:
    """Split a multicast to any number of users into keyed requests of at most ``size``.

    Each user gets the messages once: a user id given twice is kept at its first
    place. Every request carries its own ``X-Line-Retry-Key``, derived from
    ``retry_key``, its place and its body, so rebuilding the batches with the
    same arguments and key (for a rerun) gives the same keys, and LINE answers
    409 "already accepted" to a batch it took before, while a batch that changed
    gets a new key.

    Args:
        to: the user ids (``U...``), any number from 1 (any iterable but a string).
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        retry_key: a UUID (``uuid.UUID`` or its text) the batches' keys derive from; ``None``
            draws a fresh one (the batches are still keyed, but a rebuild gets new keys: keep
            the requests, not the arguments, to send them again).
        notification_disabled: ``True`` to deliver without a push notification.
        custom_aggregation_units: the name of one aggregation unit (1 to 30 letters, digits
            and ``_``) that counts these messages in the statistics, or ``None``.
        size: the most recipients of one request, 1 to 500.

    Returns:
        ``tuple[Request[MulticastResponse], ...]``: the multicasts, in the order of ``to``;
        ``ceil(len(unique users) / size)`` of them.

    Raises:
        InvalidInputError: ``to`` is not an iterable of non-empty strings or is empty,
            ``messages`` is empty, has more than 5 items or one that is not a message,
            ``retry_key`` is not a UUID, an aggregation unit name is invalid, or ``size`` is
            not a whole number from 1 to 500.
    """
    users = list(dict.fromkeys(ids("to", to)))
    size = integer("size", size, low=1, high=MAX_RECIPIENTS)
    base = uuid.uuid4() if retry_key is None else uuid.UUID(parse_retry_key(retry_key))
    batches = []
    for index, start in enumerate(range(0, len(users), size)):
        request = multicast(users[start:start + size], messages, None, notification_disabled,
                            custom_aggregation_units)
        digest = hashlib.sha256(request.body or b"").hexdigest()
        batches.append(request.with_retry_key(uuid.uuid5(base, f"multicast {index} {digest}")))
    return tuple(batches)
