"""``CachedToken``: an issued channel access token with its expiry, as caches keep it.

This module performs no I/O.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from linebot_fp.tokens.secret import Secret

__all__ = ["CachedToken", "renewal_margin"]

#: renew at least this many seconds before expiry, so a send and its retries (the default
#: ``RetryPolicy.deadline`` is 45 s) never carry a token that runs out on the way
MIN_RENEWAL_MARGIN = 60.0


def renewal_margin(lifetime: float) -> float:
    """Seconds before expiry at which a token that lives ``lifetime`` seconds is renewed.

    A tenth of its life (90 s of a 15-minute stateless token, 3 days of a 30-day one),
    at least :data:`MIN_RENEWAL_MARGIN`, at most half of its life.
    """
    return min(max(MIN_RENEWAL_MARGIN, lifetime / 10), lifetime / 2)


@dataclass(frozen=True, slots=True)
class CachedToken:
    """A token LINE issued: ``token`` (a :class:`~linebot_fp.tokens.secret.Secret`),
    ``issued_at`` and ``expires_at`` (epoch seconds on the provider's clock) and, for a
    v2.1 token, the ``key_id`` LINE gave it (what ``V21Token.key_ids()`` lists)."""

    token: Secret
    issued_at: float
    expires_at: float
    key_id: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.token, Secret):
            object.__setattr__(self, "token", Secret(self.token))

    @property
    def lifetime(self) -> float:
        """Seconds the token lives from issue to expiry."""
        return self.expires_at - self.issued_at

    @property
    def renew_at(self) -> float:
        """When it is due for renewal (epoch seconds): :func:`renewal_margin` before expiry."""
        return self.expires_at - renewal_margin(self.lifetime)

    def usable(self, now: float) -> bool:
        """Whether a send may still carry it: not within half its renewal margin of expiry."""
        return now < self.expires_at - renewal_margin(self.lifetime) / 2

    def dumps(self) -> str:
        """The stored form (JSON, holding the token: caches keep it private)."""
        return json.dumps({"token": self.token.reveal(), "issued_at": self.issued_at,
                           "expires_at": self.expires_at, "key_id": self.key_id})

    @classmethod
    def loads(cls, text: str | bytes | None) -> CachedToken | None:
        """The token :meth:`dumps` stored, or ``None`` for nothing or anything unreadable."""
        if not text:
            return None
        try:
            data: Any = json.loads(text)
            token, issued, expires = data["token"], data["issued_at"], data["expires_at"]
            key_id = data.get("key_id")
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        if not (isinstance(token, str) and token and _number(issued) and _number(expires)
                and (key_id is None or isinstance(key_id, str))):
            return None
        return cls(Secret(token), float(issued), float(expires), key_id)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value)
