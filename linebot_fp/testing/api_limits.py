"""LINE's limits as ``FakeLineApi`` plays them: rate windows, the month's quota, 429 bodies.

``FakeLineApi`` meets each request with these rules right after authentication
and before the retry-key checks (:meth:`ApiLimits.refuse`), charges the quota
for what it accepted (:meth:`ApiLimits.charge`), and answers the quota
endpoints from its counters when no ``on()`` rule does (:meth:`ApiLimits.answer`).

* Rate limits (opt-in: ``FakeLineApi(enforce_limits=True)`` or
  ``api.enforce_limits()``): the limits of :data:`linebot_fp.limits.RATE_LIMITS`
  per channel (here: per access token) and per endpoint (method and path, ids
  ignored), over sliding windows on ``api.clock``: a request past the limit of
  the last ``seconds`` is answered 429 with LINE's body
  ``{"message": "The API rate limit has been exceeded. Try again later."}`` and
  does not count. ``counted`` lists ``(time, endpoint)`` of every request the
  windows let through, so a test can check any window.
* The month's quota (``api.set_quota(limit)``; none by default): consumption is
  counted per recipient, as LINE counts messages
  (https://developers.line.biz/en/docs/messaging-api/pricing/): a push 1 (a
  group or room too; LINE would count its members), a multicast ``len(to)``, a
  broadcast the fake's ``friends``, a narrowcast ``friends`` or its
  ``limit.max`` when lower; replies are free. A send whose recipients do not fit
  in what remains is refused whole with 429
  ``{"message": "You have reached your monthly limit."}`` (but a resend of an
  accepted retry key, which sends nothing, is answered 409 as usual). ``get_message_quota``
  and ``get_message_quota_consumption`` answer from these counters.

Nothing here does I/O; ``FakeLineApi`` calls it under its lock.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from linebot_fp.api._endpoints import ENDPOINTS as _ROWS, ROUTES
from linebot_fp.limits import RATE_LIMITS, Rate, rate_limit
from linebot_fp.sending import MONTHLY_LIMIT_MESSAGE, RATE_LIMIT_MESSAGE

__all__ = ["ENDPOINTS", "ApiLimits", "endpoint_of"]

#: the sends whose recipients the month's quota counts
QUOTA_SENDS = ("push_message", "multicast", "broadcast", "narrowcast")
#: the reads the fake answers from its quota counters
QUOTA_READS = ("get_message_quota", "get_message_quota_consumption")

#: operation -> (method, path template) of the endpoints whose limits or counters the fake
#: keeps: every operation of ``RATE_LIMITS``, the sends the quota counts, the quota reads
#: (their rows of :data:`linebot_fp.api._endpoints.ENDPOINTS`)
ENDPOINTS: Mapping[str, tuple[str, str]] = {
    operation: (_ROWS[operation].method, _ROWS[operation].path)
    for operation in (*RATE_LIMITS, *QUOTA_SENDS, *QUOTA_READS)}


@cache
def _routes() -> tuple[tuple[str | None, re.Pattern[str], str], ...]:
    """(method or None, path pattern, endpoint): the operations of :data:`ENDPOINTS`, then
    every builder's path template (``"{template}"``, any method); fixed paths first."""
    known: list[tuple[str | None, str, str]] = [
        (method, template, operation) for operation, (method, template) in ENDPOINTS.items()]
    known += [(None, template, template) for template in ROUTES]
    known.sort(key=lambda route: "{" in route[1])
    return tuple((method, re.compile(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template))),
                  endpoint) for method, template, endpoint in known)


def endpoint_of(method: str, path: str) -> str:
    """The operation of ``method`` and ``path`` when :data:`ENDPOINTS` has it, else
    ``"METHOD template"`` (``"GET /v2/bot/profile/{userId}"``: the ids of a path do
    not make another endpoint), else ``"METHOD path"``."""
    for route_method, pattern, endpoint in _routes():
        if route_method in (None, method) and pattern.fullmatch(path):
            return endpoint if route_method else f"{method} {endpoint}"
    return f"{method} {path}"


class ApiLimits:
    """The fake API's rate windows and quota counters (see the module docstring)."""

    def __init__(self, clock: Callable[[], float], *, enforce: bool = False) -> None:
        self._clock = clock
        self.enforcing = enforce
        self.rates: dict[str, Rate] = {}
        self.quota: int | None = None
        self.used = 0
        self.friends = 0
        self.counted: list[tuple[float, str]] = []
        self._windows: dict[tuple[str, str], deque[float]] = {}

    def enforce(self, rates: Mapping[str, Rate] | None = None, *, on: bool = True) -> None:
        """Refuse requests past LINE's rate limits (``rates`` replaces some); ``on=False`` stops."""
        self.enforcing = on
        self.rates.update(rates or {})

    def set_quota(self, limit: int | None, *, used: int | None = None,
                  friends: int | None = None) -> None:
        """This month's ``limit`` (``None``: none), what is ``used`` and the bot's ``friends``."""
        for name, value in (("limit", limit), ("used", used), ("friends", friends)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or value < 0):
                raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
        self.quota = limit
        self.used = self.used if used is None else used
        self.friends = self.friends if friends is None else friends

    def reset(self) -> None:
        """Forget the windows, the counts and the quota (rates stay enforced or not)."""
        self.quota, self.used, self.friends = None, 0, 0
        self.counted.clear()
        self._windows.clear()

    def rate(self, endpoint: str) -> Rate:
        """The limit the fake keeps for ``endpoint`` (an operation, or ``"METHOD path"``)."""
        return self.rates.get(endpoint) or rate_limit(endpoint)

    def refuse(self, method: str, path: str, token: str, body: bytes, *,
               repeat: bool = False) -> str | None:
        """The ``message`` of LINE's 429 when a limit refuses this request, else ``None``.

        ``repeat``: its retry key was accepted before (it will be answered 409 and
        send nothing), so the quota does not refuse it; the rate windows still do.
        """
        endpoint = endpoint_of(method, path)
        if self.enforcing:
            now, rate = self._clock(), self.rate(endpoint)
            window = self._windows.setdefault((token, endpoint), deque())
            while window and window[0] <= now - rate.seconds:
                window.popleft()
            if len(window) >= rate.requests:
                return RATE_LIMIT_MESSAGE
            window.append(now)
            self.counted.append((now, endpoint))
        if self.quota is not None and not repeat \
                and self.used + self.recipients(endpoint, body) > self.quota:
            return MONTHLY_LIMIT_MESSAGE
        return None

    def charge(self, method: str, path: str, body: bytes) -> None:
        """Count an accepted send's recipients against the month's quota."""
        self.used += self.recipients(endpoint_of(method, path), body)

    def answer(self, method: str, path: str) -> Any:
        """The JSON of a quota endpoint from the counters; ``None`` for any other endpoint."""
        endpoint = endpoint_of(method, path)
        if endpoint == "get_message_quota":
            return {"type": "none"} if self.quota is None else {"type": "limited",
                                                                "value": self.quota}
        if endpoint == "get_message_quota_consumption":
            return {"totalUsage": self.used}
        return None

    def recipients(self, endpoint: str, body: bytes) -> int:
        """How many messages LINE counts for one request of ``endpoint`` with ``body``."""
        if endpoint not in QUOTA_SENDS:
            return 0
        try:
            sent = json.loads(body) if body else {}
        except ValueError:
            sent = {}
        if not isinstance(sent, dict):
            sent = {}
        if endpoint == "push_message":
            return 1
        if endpoint == "multicast":
            to = sent.get("to")
            return len(to) if isinstance(to, list) else 0
        limit = sent.get("limit") if endpoint == "narrowcast" else None
        most = limit.get("max") if isinstance(limit, dict) else None
        return min(self.friends, most) if isinstance(most, int) else self.friends
