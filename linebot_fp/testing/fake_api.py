"""``FakeLineApi``: a real HTTP server on 127.0.0.1 that plays the LINE API.

It records every request it gets and answers with scripted responses, or, unless
told otherwise, as LINE would (:mod:`linebot_fp.testing.line_answers`: each
endpoint's status and answer shape, ``sentMessages`` with ids and quote tokens for
a push or a reply, ``404 {"message": "Not found"}`` for a path LINE does not have),
so tests exercise real sockets, the real client and the real transport, with
nothing mocked::

    with FakeLineApi() as api:
        api.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
        client = Client("token", endpoints=api.endpoints)
        ...
        assert api.requests[-1].headers["Authorization"] == "Bearer token"

Like LINE, it gives every answer an ``X-Line-Request-Id`` (unless the script
sets one) and keeps what it *accepted*: every request answered with a 2xx is
appended to ``api.accepted`` (delivered, as far as the bot is concerned),
even when the answer is then lost. Retry keys behave as on LINE: a POST whose
``X-Line-Retry-Key`` was already accepted is not accepted again but answered
``409`` with ``X-Line-Accepted-Request-Id`` (the first request's id) and
``{"message": "The retry key is already accepted", "sentMessages": [...]}``;
a key that is not a UUID, or one sent to an endpoint other than push,
multicast, narrowcast and broadcast, gets ``400``.

The channel access token endpoints are played as LINE plays them (``api.tokens``,
see :mod:`linebot_fp.testing.fake_tokens`): tokens issued on ``api.clock``, JWT
assertions checked, and a 401 for an issued token that expired or was revoked.

Faults play a network and an API that fail. Each :class:`Fault` is one way:

==========================  ==============================================  =========
kind                        what the client sees                            accepted?
==========================  ==============================================  =========
``DROP_BEFORE_ACCEPT``      the connection closes, no answer                no
``DROP_AFTER_ACCEPT``       the connection closes, no answer                yes
``SLOW_ANSWER``             the answer comes after ``delay`` seconds        yes
``STATUS_500/502/503``      that status with a LINE error body              no
``STATUS_429``              429 with ``Retry-After: <retry_after>``         no
==========================  ==============================================  =========

Script them for the next requests, or draw them at random (seeded, so a run
can be repeated)::

    api.fail(Fault.DROP_AFTER_ACCEPT, path="/v2/bot/message/push", times=2)
    api.inject_faults(rate=0.35, seed=7)        # about a third of requests, every kind

Scripted faults come first (in the order given), then the random ones; both
come before the ``on()`` rules, since they play what stands in front of the API.
``api.faults`` lists ``(fault, request)`` for every fault played. A client that
hangs up never makes the server print anything.
"""

from __future__ import annotations

import enum
import json
import random
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from linebot_fp.limits import Rate
from linebot_fp.request import RETRY_KEY, RETRY_KEY_PATHS, Headers
from linebot_fp.sending import ACCEPTED_REQUEST_ID, REQUEST_ID
from linebot_fp.testing.api_limits import ApiLimits
from linebot_fp.testing.fake_tokens import Answer, FakeTokens
from linebot_fp.testing.line_answers import Asked, default_answer

__all__ = ["ALL_FAULTS", "Fault", "FakeLineApi", "FakeResponse", "RecordedRequest"]

#: how long a ``SLOW_ANSWER`` holds its answer back unless told otherwise (seconds)
SLOW_ANSWER_DELAY = 5.0


class Fault(str, enum.Enum):
    """A way for a request to fail (see the table in the module docstring)."""

    DROP_BEFORE_ACCEPT = "drop_before_accept"
    DROP_AFTER_ACCEPT = "drop_after_accept"
    SLOW_ANSWER = "slow_answer"
    STATUS_500 = "500"
    STATUS_502 = "502"
    STATUS_503 = "503"
    STATUS_429 = "429"


#: every kind of fault, the default of :meth:`FakeLineApi.inject_faults`
ALL_FAULTS: tuple[Fault, ...] = tuple(Fault)

_STATUS_FAULTS = {Fault.STATUS_500: (500, "Internal server error"),
                  Fault.STATUS_502: (502, "Bad gateway"),
                  Fault.STATUS_503: (503, "Service unavailable"),
                  Fault.STATUS_429: (429, "Too many requests")}
_ACCEPTED_THEN_LOST = frozenset({Fault.DROP_AFTER_ACCEPT, Fault.SLOW_ANSWER})


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedRequest:
    """One request as the fake API received it.

    ``request_id`` is the ``X-Line-Request-Id`` it was given; ``fault`` the
    fault it met (``None`` when it met none).
    """

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Headers
    body: bytes
    request_id: str = ""
    fault: Fault | None = None

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


@dataclass(frozen=True, slots=True, kw_only=True)
class FakeResponse:
    """A scripted answer. ``delay`` holds it back (seconds) to play a slow server."""

    status: int = 200
    body: bytes = b"{}"
    headers: Mapping[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0


@dataclass(slots=True)
class _Matcher:
    method: str | None
    path: str | re.Pattern[str] | None
    times: int | None

    def matches(self, method: str, path: str) -> bool:
        if self.times == 0 or (self.method is not None and self.method != method):
            return False
        if self.path is None:
            return True
        if isinstance(self.path, re.Pattern):
            return self.path.fullmatch(path) is not None
        return self.path == path

    def use(self) -> None:
        if self.times is not None:
            self.times -= 1


@dataclass(slots=True)
class _Rule(_Matcher):
    response: FakeResponse


@dataclass(frozen=True, slots=True)
class _FaultPlan:
    kind: Fault
    delay: float
    retry_after: str


@dataclass(slots=True)
class _ScriptedFault(_Matcher):
    plan: _FaultPlan


@dataclass(slots=True)
class _RandomFaults:
    rate: float
    kinds: tuple[Fault, ...]
    plan: dict[Fault, _FaultPlan]
    draw: random.Random
    matcher: _Matcher


@dataclass(frozen=True, slots=True)
class _Answer:
    """What the handler does: answer ``response`` after ``delay``, or hang up (``None``)."""

    response: FakeResponse | None
    delay: float = 0.0


class FakeLineApi:
    """The fake LINE API server; use it as a context manager, or ``start()``/``stop()``.

    ``endpoints`` points every base (``api``, ``data``, ``manager``) at it.
    ``requests`` lists every request received, ``accepted`` those the API took
    (answered 2xx, even if the answer was lost), ``faults`` the faults played.
    ``request_ids=False`` leaves ``X-Line-Request-Id`` to the scripted answers.
    ``clock`` is the API's time (epoch seconds): give a
    :class:`~linebot_fp.testing.clock.FakeClock` to move it from the test.
    LINE's limits (:mod:`linebot_fp.testing.api_limits`): ``enforce_limits=True``
    (or :meth:`enforce_limits`) refuses requests past the rate limits, and
    :meth:`set_quota` sets the month's quota; ``api.limits`` keeps the counts.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *,
                 request_ids: bool = True, clock: Callable[[], float] = time.time,
                 enforce_limits: bool = False) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("FakeLineApi listens on loopback addresses only")
        self.request_ids = request_ids
        #: the API's time in epoch seconds: ``time.time``, or a
        #: :class:`~linebot_fp.testing.clock.FakeClock` the test moves
        self.clock = clock
        #: the token endpoints' channels and issued tokens (see
        #: :mod:`linebot_fp.testing.fake_tokens`)
        self.tokens = FakeTokens(lambda: self.clock())
        self.limits = ApiLimits(lambda: self.clock(), enforce=enforce_limits)
        self.requests: list[RecordedRequest] = []
        self.accepted: list[RecordedRequest] = []
        self.faults: list[tuple[Fault, RecordedRequest]] = []
        self._rules: list[_Rule] = []
        self._scripted_faults: list[_ScriptedFault] = []
        self._random_faults: _RandomFaults | None = None
        self._keys: dict[str, tuple[str, bytes]] = {}  # retry key -> (request id, answer body)
        self._count = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = _QuietServer((host, port), _handler_for(self))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def endpoints(self) -> dict[str, str]:
        """Every ``Request.base`` pointed at this server, for ``Client(endpoints=...)``."""
        return {"api": self.url, "data": self.url, "manager": self.url}

    def on(self, method: str | None, path: str | re.Pattern[str] | None, *, status: int = 200,
           json: Any = None, body: bytes | None = None, headers: Mapping[str, str] | None = None,
           delay: float = 0.0, times: int | None = None) -> None:
        """Answer requests matching ``method`` and ``path`` (``None`` matches any).

        Give ``json`` (encoded for you) or raw ``body`` bytes. ``delay`` holds the
        answer back (seconds). ``times`` limits how many requests the rule
        answers; rules are tried in the order they were added.
        """
        if body is None:
            body = b"" if json is None and status == 204 else _encode(json)
        content_type = {"Content-Type": "application/json"} if body and json is not None else {}
        response = FakeResponse(status=status, body=body,
                                headers={**content_type, **(headers or {})}, delay=delay)
        with self._lock:
            self._rules.append(_Rule(method, path, times, response))

    def fail(self, kind: Fault | str, *, method: str | None = None,
             path: str | re.Pattern[str] | None = None, times: int | None = 1,
             delay: float = SLOW_ANSWER_DELAY, retry_after: str = "1") -> None:
        """Make the next ``times`` requests matching ``method`` and ``path`` meet ``kind``.

        ``times=None`` means every matching request. ``delay`` is how late a
        ``SLOW_ANSWER`` answers; ``retry_after`` the ``Retry-After`` of a 429.
        Raises ``ValueError`` for an unknown kind or a negative delay.
        """
        plan = _plan(kind, delay, retry_after)
        with self._lock:
            self._scripted_faults.append(_ScriptedFault(method, path, times, plan))

    def inject_faults(self, rate: float, *, kinds: Collection[Fault | str] = ALL_FAULTS,
                      seed: int | None = None, method: str | None = None,
                      path: str | re.Pattern[str] | None = None,
                      delay: float = SLOW_ANSWER_DELAY, retry_after: str = "1") -> None:
        """Give each request matching ``method`` and ``path`` a fault with probability ``rate``.

        The fault is drawn evenly from ``kinds`` by a ``random.Random(seed)``, so
        requests made one after another meet the same faults on every run.
        ``rate=0`` turns random faults off. ``delay`` and ``retry_after`` are as
        for :meth:`fail`. Raises ``ValueError`` for a rate outside [0, 1], no
        kinds or an unknown kind.
        """
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"rate must be between 0 and 1, got {rate!r}")
        if not kinds:
            raise ValueError("kinds must name at least one Fault")
        plans = {plan.kind: plan for plan in (_plan(kind, delay, retry_after) for kind in kinds)}
        with self._lock:
            self._random_faults = None if rate == 0 else _RandomFaults(
                rate, tuple(plans), plans, random.Random(seed), _Matcher(method, path, None))

    def enforce_limits(self, rates: Mapping[str, Rate] | None = None, *, on: bool = True) -> None:
        """Answer 429 past LINE's rate limits (``rates``: operation -> ``Rate`` overrides)."""
        with self._lock:
            self.limits.enforce(rates, on=on)

    def set_quota(self, limit: int | None, *, used: int | None = None,
                  friends: int | None = None) -> None:
        """Set the month's message quota (``None``: none), its use, and the bot's friends."""
        with self._lock:
            self.limits.set_quota(limit, used=used, friends=friends)

    def reset(self) -> None:
        """Forget recorded requests, accepted retry keys, rules, faults and limit counts."""
        with self._lock:
            self.limits.reset()
            self.requests.clear()
            self.accepted.clear()
            self.faults.clear()
            self._rules.clear()
            self._scripted_faults.clear()
            self._random_faults = None
            self._keys.clear()

    def start(self) -> FakeLineApi:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()  # wakes handlers held back by a delay
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeLineApi:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    def _answer(self, received: RecordedRequest) -> _Answer:
        """Record ``received`` and decide what it gets, all under the lock."""
        with self._lock:
            self._count += 1
            request_id = str(uuid.UUID(int=self._count))
            plan = self._fault_for(received)
            recorded = replace(received, request_id=request_id,
                               fault=None if plan is None else plan.kind)
            self.requests.append(recorded)
            if plan is not None:
                self.faults.append((plan.kind, recorded))
            if plan is not None and plan.kind in _STATUS_FAULTS:
                return _Answer(self._with_request_id(_status_fault(plan), request_id))
            if plan is not None and plan.kind is Fault.DROP_BEFORE_ACCEPT:
                return _Answer(None)
            response = self._api_answer(recorded)
            if plan is not None and plan.kind is Fault.DROP_AFTER_ACCEPT:
                return _Answer(None, response.delay)
            if plan is not None and plan.kind is Fault.SLOW_ANSWER:
                return _Answer(response, max(plan.delay, response.delay))
            return _Answer(response, response.delay)

    def _fault_for(self, received: RecordedRequest) -> _FaultPlan | None:
        for scripted in self._scripted_faults:
            if scripted.matches(received.method, received.path):
                scripted.use()
                return scripted.plan
        chance = self._random_faults
        if chance is None or not chance.matcher.matches(received.method, received.path):
            return None
        if chance.draw.random() >= chance.rate:
            return None
        return chance.plan[chance.draw.choice(chance.kinds)]

    def _api_answer(self, recorded: RecordedRequest) -> FakeResponse:
        """What the API itself answers: auth, limits, key checks, the rules, the token
        endpoints and quota counters, then LINE's answer (``line_answers``)."""
        unauthorized = self.tokens.refusal(recorded.headers)
        if unauthorized is not None:  # an issued token that expired or was revoked
            return self._with_request_id(_fake_response(unauthorized), recorded.request_id)
        key = recorded.headers.get(RETRY_KEY) if recorded.method == "POST" else None
        limited = self.limits.refuse(recorded.method, recorded.path, _token(recorded),
                                     recorded.body, repeat=key in self._keys)
        if limited is not None:  # 429 with LINE's message
            return self._with_request_id(_error(429, limited), recorded.request_id)
        if key is not None:
            refused = _key_refusal(key, recorded.path)
            if refused is not None:
                return self._with_request_id(_error(400, refused), recorded.request_id)
            if key in self._keys:
                first_id, first_body = self._keys[key]
                return _already_accepted(first_id, first_body, recorded.request_id)
        response = self._rule_answer(recorded)
        if 200 <= response.status < 300:
            self.accepted.append(recorded)
            self.limits.charge(recorded.method, recorded.path, recorded.body)
            if key is not None:
                self._keys[key] = (recorded.request_id, response.body)
        return self._with_request_id(response, recorded.request_id)

    def _with_request_id(self, response: FakeResponse, request_id: str) -> FakeResponse:
        if not self.request_ids or REQUEST_ID in Headers(response.headers):
            return response
        return replace(response, headers={**response.headers, REQUEST_ID: request_id})

    def _rule_answer(self, recorded: RecordedRequest) -> FakeResponse:
        for rule in self._rules:
            if rule.matches(recorded.method, recorded.path):
                rule.use()
                return rule.response
        token_answer = self.tokens.answer(recorded.method, recorded.path, recorded.query,
                                          recorded.body)
        if token_answer is not None:
            return _fake_response(token_answer)
        counters = self.limits.answer(recorded.method, recorded.path)
        if counters is not None:
            return FakeResponse(body=_encode(counters))
        return self._line_answer(recorded)

    def _line_answer(self, recorded: RecordedRequest) -> FakeResponse:
        """The last step: the answer shaped as LINE's (``line_answers``)."""
        answer = default_answer(Asked(
            method=recorded.method, path=recorded.path, body=recorded.body,
            content_type=recorded.headers.get("Content-Type", ""),
            request_id=recorded.request_id, now=self.clock()))
        return FakeResponse(status=answer.status, body=answer.body, headers=answer.headers)


def _token(recorded: RecordedRequest) -> str:
    """The bearer token: the channel, as far as the fake's limits tell channels apart."""
    return recorded.headers.get("Authorization", "").removeprefix("Bearer ")


def _plan(kind: Fault | str, delay: float, retry_after: str) -> _FaultPlan:
    try:
        fault = Fault(kind)
    except ValueError:
        raise ValueError(f"unknown fault {kind!r}; one of {[f.value for f in Fault]}") from None
    if delay < 0:
        raise ValueError(f"delay must not be negative, got {delay!r}")
    return _FaultPlan(fault, delay, str(retry_after))


def _encode(value: Any) -> bytes:
    return json.dumps({} if value is None else value, ensure_ascii=False).encode()


def _fake_response(answer: Answer) -> FakeResponse:
    if answer.body is None:
        return FakeResponse(status=answer.status, body=b"", headers={})
    return FakeResponse(status=answer.status, body=_encode(answer.body))


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> FakeResponse:
    return FakeResponse(status=status, body=_encode({"message": message}),
                        headers={"Content-Type": "application/json", **(headers or {})})


def _status_fault(plan: _FaultPlan) -> FakeResponse:
    status, message = _STATUS_FAULTS[plan.kind]
    return _error(status, message, {"Retry-After": plan.retry_after} if status == 429 else {})


def _key_refusal(key: str, path: str) -> str | None:
    if path not in RETRY_KEY_PATHS:
        return f"{RETRY_KEY} is not supported by {path}"
    try:
        uuid.UUID(key)
    except ValueError:
        return f"The value for the '{RETRY_KEY}' header is invalid"
    return None


def _already_accepted(first_id: str, first_body: bytes, request_id: str) -> FakeResponse:
    try:
        sent = json.loads(first_body).get("sentMessages", []) if first_body else []
    except (ValueError, AttributeError):
        sent = []
    body = {"message": "The retry key is already accepted", "sentMessages": sent}
    return FakeResponse(status=409, body=_encode(body),
                        headers={"Content-Type": "application/json", REQUEST_ID: request_id,
                                 ACCEPTED_REQUEST_ID: first_id})


class _QuietServer(ThreadingHTTPServer):
    """One thread per connection; a client that hangs up is no error worth printing."""

    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler_for(api: FakeLineApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # TCP_NODELAY: an answer in ~1 ms, not ~40 ms
        wbufsize = 64 * 1024  # the status line, headers and body leave in one send

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            answer = api._answer(RecordedRequest(
                method=self.command, path=parts.path,
                query=tuple(parse_qsl(parts.query, keep_blank_values=True)),
                headers=Headers(self.headers.items()), body=body,
            ))
            if answer.delay and api._closing.wait(answer.delay):
                self.close_connection = True
                return  # the server is shutting down: leave without answering
            response = answer.response
            if response is None:
                self.close_connection = True  # hang up without a word
                return
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)

        do_GET = do_POST = do_PUT = do_DELETE = _serve  # noqa: N815

        def handle(self) -> None:
            try:
                super().handle()
            except ConnectionError:
                self.close_connection = True  # the client hung up: nothing to say

        def log_message(self, format: str, *args: Any) -> None:
            """Stay quiet: tests read ``api.requests`` instead of a log."""

    return Handler

