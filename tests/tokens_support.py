"""Shared parts of the token tests: one signing key pair, a channel registered on a fake.

A 2048-bit RSA key takes a moment to make, so the suite makes one pair (and a
second, foreign, one for signatures that must not verify).
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from linebot_fp.request import Response
from linebot_fp.testing.fake_tokens import signing_key_pair
from linebot_fp.transport import Urllib3Transport

__all__ = ["CHANNEL_ID", "KID", "SECRET", "StatusSpy", "foreign_key_pair", "key_pair",
           "register"]

CHANNEL_ID = "1234567890"
SECRET = "channel-s3cret-value"
KID = "kid-1"


@functools.cache
def key_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    return signing_key_pair()


@functools.cache
def foreign_key_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    return signing_key_pair()


def register(api: Any, channel_id: str = CHANNEL_ID, secret: str = SECRET) -> None:
    """Register ``channel_id`` on the fake with ``secret`` and the suite's public key."""
    api.tokens.add_channel(channel_id, secret=secret, public_key=key_pair()[1], kid=KID)


class StatusSpy:
    """A urllib3 transport that notes each answer: (method, path, status, token, time).

    ``token`` is the ``Authorization`` token sent (``None`` for none), ``time`` the
    ``clock`` reading when it was sent.
    """

    def __init__(self, clock: Any = None) -> None:
        self.real = Urllib3Transport()
        self.clock = clock
        self.seen: list[tuple[str, str, int, str | None, float]] = []
        self._lock = threading.Lock()

    def __call__(self, http_request: Any) -> Response:
        sent_at = self.clock() if self.clock is not None else 0.0
        response = self.real(http_request)
        path = "/" + http_request.url.split("//", 1)[1].split("/", 1)[1].split("?", 1)[0]
        authorization = http_request.headers.get("Authorization")
        token = authorization.removeprefix("Bearer ") if authorization else None
        with self._lock:
            self.seen.append((http_request.method, path, response.status, token, sent_at))
        return response

    def statuses(self) -> list[int]:
        return [seen[2] for seen in self.seen]
