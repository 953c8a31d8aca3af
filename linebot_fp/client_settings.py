"""What ``Client`` and ``AsyncClient`` share: their settings and how a send begins and settles.

Both clients stand on :class:`ClientSettings`; neither imports the other. This
module performs no I/O.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from linebot_fp.errors import TransportError
from linebot_fp.request import Request, Response
from linebot_fp.sending import Attempt, RetryPolicy, Uniform, begin, prepare, settle
from linebot_fp.tokens.auth import Authorizer, TokenProvider
from linebot_fp.tokens.secret import REDACTED
from linebot_fp.tokens.static import check_token
from linebot_fp.transport import HttpRequest, Timeout

__all__ = ["DEFAULT_RETRY", "ClientSettings", "check_token"]


#: the policy both clients use unless told otherwise
DEFAULT_RETRY = RetryPolicy()


class ClientSettings:
    """What both clients hold and how both begin a send (see :class:`Client`)."""

    def __init__(self, channel_access_token: str | TokenProvider,
                 endpoints: Mapping[str, str] | None, timeout: Timeout,
                 retry: RetryPolicy | None, max_answer_bytes: int | None,
                 uniform: Uniform | None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        #: where each attempt's token comes from (see :mod:`linebot_fp.tokens.auth`)
        self.tokens = Authorizer(channel_access_token)
        self.channel_access_token = self.tokens.provider
        self.endpoints: Mapping[str, str] = dict(endpoints or {})
        self.timeout = timeout
        self.retry = retry
        if max_answer_bytes is not None and max_answer_bytes < 1:
            raise ValueError(f"max_answer_bytes must be positive or None, got {max_answer_bytes}")
        self.max_answer_bytes = max_answer_bytes
        self._uniform = uniform
        self._clock = clock  # measures attempts against the deadline

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(channel_access_token={self.channel_access_token!r}, "
                f"endpoints={self.endpoints!r}, timeout={self.timeout!r}, retry={self.retry!r})")

    def _begin(self, request: Request[Any], timeout: Timeout | None
               ) -> tuple[Request[Any], HttpRequest]:
        """The request as it will be sent (keyed) and its first HTTP attempt (the token is
        put in by ``self.tokens`` before each attempt)."""
        request = begin(request, self.retry)
        return request, prepare(
            request, token=REDACTED, endpoints=self.endpoints,
            timeout=self.timeout if timeout is None else timeout,
            max_answer_bytes=self.max_answer_bytes, policy=self.retry)

    def _settle(self, request: Request[Any], http_request: HttpRequest, number: int,
                began: float, started: float, outcome: Response | TransportError) -> Any:
        """:func:`~linebot_fp.sending.settle` with this attempt's timings."""
        ended = self._clock()
        attempt = Attempt(number, ended - began, ended - started, time.time())
        return settle(request, http_request, self.retry, attempt, outcome,
                      uniform=self._uniform)
