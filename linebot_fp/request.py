"""Request and Response values: what is sent and what came back, as plain data.

A :class:`Request` holds everything about one API call except the channel
access token, so it can be logged, stored as a JSON line and replayed.
This module performs no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from linebot_fp.errors import InvalidInputError, InvalidPayloadError

if TYPE_CHECKING:
    import uuid

__all__ = ["BASE_URLS", "IDEMPOTENT_METHODS", "RETRY_KEY", "RETRY_KEY_PATHS", "SECRET_FIELDS",
           "Headers", "Request", "Response", "Stream", "redact_secrets", "retry_key",
           "safe_to_repeat", "shown_body"]

#: the host behind each ``Request.base``
BASE_URLS: Mapping[str, str] = {
    "api": "https://api.line.me",
    "data": "https://api-data.line.me",
    "manager": "https://manager.line.biz",
}

METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
#: methods whose request takes effect once however often it is sent
IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE"})

RETRY_KEY = "X-Line-Retry-Key"
#: the endpoints that accept ``X-Line-Retry-Key`` (any other answers 400 to it)
RETRY_KEY_PATHS = frozenset({
    "/v2/bot/message/push",
    "/v2/bot/message/multicast",
    "/v2/bot/message/narrowcast",
    "/v2/bot/message/broadcast",
})

#: the answer a request brings once sent: a model, ``Content`` or ``None``
AnswerT = TypeVar("AnswerT", covariant=True)


class Headers(Mapping[str, str]):
    """Immutable, hashable HTTP headers; lookups ignore case, spelling is kept."""

    __slots__ = ("_by_lower", "_checked", "_items")

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: tuple[tuple[str, str], ...] = tuple((str(k), str(v)) for k, v in pairs)
        self._by_lower = {k.lower(): v for k, v in self._items}
        self._checked = False  # set once a Request has checked them: they never change

    def __getitem__(self, name: str) -> str:
        return self._by_lower[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._by_lower

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._by_lower.items()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return self._by_lower == {str(k).lower(): v for k, v in other.items()}

    def __repr__(self) -> str:
        """The headers, with ``Authorization`` redacted (``str`` shows the same)."""
        shown = {k: "<redacted>" if k.lower() == "authorization" else v for k, v in self._items}
        return f"Headers({shown!r})"


_NO_HEADERS = Headers()

#: a path as builders make it: percent-encoded segments, no query, no fragment
_PATH = re.compile(r"(?:/[A-Za-z0-9\-._~!$&'()*+,;=:@%]+)+")
#: a header name is an HTTP token (RFC 9110)
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_LINE_BREAKS = re.compile(r"[\r\n\x00]")
_SEPARATORS = re.compile(r"[/\\]")
_DOT_SEGMENTS = frozenset({"", ".", ".."})
#: headers the client and the HTTP layer set themselves (the token, framing): never stored
CLIENT_HEADERS = frozenset({"authorization", "host", "content-length", "transfer-encoding",
                            "connection"})


#: form fields and query parameters that carry a secret (a channel secret, an access
#: token, a JWT assertion): their values show as ``<redacted>`` in every repr and log line
SECRET_FIELDS = ("access_token", "client_assertion", "client_secret", "refresh_token")
_SECRET_VALUE = re.compile(r"(?:^|(?<=[?&]))(" + "|".join(SECRET_FIELDS) + r")=[^&#\s]*")


def redact_secrets(text: str) -> str:
    """``text`` (a URL, a query string or a form body) with each secret field's value
    (:data:`SECRET_FIELDS`) replaced by ``<redacted>``."""
    return _SECRET_VALUE.sub(r"\1=<redacted>", text)


def shown_body(body: bytes | None) -> bytes | None:
    """``body`` as a repr may show it: a form's secret fields redacted, anything else as is."""
    if not body or b"=" not in body:
        return body
    return redact_secrets(body.decode("latin-1")).encode("latin-1")


def decoded_forms(text: str, rounds: int = 2) -> Iterator[str]:
    """``text``, then it percent-decoded, up to ``rounds`` times (as an intermediary might)."""
    yield text
    for _ in range(rounds):
        if "%" not in text:
            return
        from urllib.parse import unquote  # here: a cold start rarely needs urllib.parse

        text = unquote(text)
        yield text


def has_dot_segment(text: str) -> bool:
    """Whether ``text``, split on ``/`` or ``\\`` (also percent-decoded), has an empty,
    ``.`` or ``..`` segment: a server that normalises paths would climb out."""
    return any(_DOT_SEGMENTS.intersection(_SEPARATORS.split(form))
               for form in decoded_forms(text))


def check_path(path: str) -> None:
    """``InvalidInputError`` unless ``path`` is ``/``-separated, percent-encoded segments
    (no space, CR, LF, query or fragment), none of them empty, ``.`` or ``..``."""
    if not isinstance(path, str) or _PATH.fullmatch(path) is None:
        raise InvalidInputError(f"Request.path must be a percent-encoded path like "
                                f"'/v2/bot/info' (no spaces, query or empty segment), "
                                f"got {path!r}")
    if ("%" in path or "/." in path) and has_dot_segment(path[1:]):
        raise InvalidInputError(f"Request.path must not have '.' or '..' segments "
                                f"(also percent-encoded), got {path!r}")


def _check_headers(headers: Headers) -> None:
    """Check ``headers`` for a Request, once per (immutable) ``Headers`` value."""
    if headers._checked:
        return
    for name, value in headers._items:
        check_header(name, value)
    if len(headers._by_lower) != len(headers._items):
        raise InvalidInputError(f"Request.headers names a header twice: {sorted(headers)}")
    headers._checked = True


def check_header(name: str, value: str, parameter: str | None = None) -> None:
    """``InvalidInputError`` unless ``name`` is a token and ``value`` is latin-1 text
    without CR, LF or NUL; ``parameter`` is the argument the value came from.

    The message names the header (and the parameter) but never quotes the value.
    """
    source = f"{parameter} (header {name})" if parameter else f"header {name!r}"
    if not _TOKEN.fullmatch(name):
        raise InvalidInputError(f"header name {name!r} is not a valid HTTP token")
    if name.lower() in CLIENT_HEADERS:
        raise InvalidInputError(f"header {name!r} is set by the client when it sends; "
                                f"a Request does not carry it")
    if _LINE_BREAKS.search(value):
        raise InvalidInputError(f"{source} must not contain CR, LF or NUL")
    if not value.isascii():
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise InvalidInputError(f"{source} must be latin-1 text; "
                                    f"this one is not") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class Request(Generic[AnswerT]):
    """One API call, ready to send: method, host, path, query, headers, body.

    ``Request[Profile]`` is a request whose answer decodes to a ``Profile``:
    builders say what they bring, so ``client.send(get_profile(u))`` is typed.

    ``operation`` is the name of the builder that made it (``"push_message"``);
    ``base`` names the host (``"api"``, ``"data"`` or ``"manager"``, see
    :data:`BASE_URLS`); ``path`` is already percent-encoded; ``body`` is the
    exact bytes to send.
    """

    operation: str
    method: str
    base: str
    path: str
    query: tuple[tuple[str, str], ...] = ()
    headers: Mapping[str, str] = field(default=_NO_HEADERS)
    body: bytes | None = None

    def __repr__(self) -> str:
        """As the dataclass's, but secret form fields and query values show ``<redacted>``."""
        query = tuple((name, "<redacted>" if name in SECRET_FIELDS else value)
                      for name, value in self.query)
        return (f"Request(operation={self.operation!r}, method={self.method!r}, "
                f"base={self.base!r}, path={self.path!r}, query={query!r}, "
                f"headers={self.headers!r}, body={shown_body(self.body)!r})")

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise InvalidInputError(f"Request.method must be one of {sorted(METHODS)}, "
                                    f"got {self.method!r}")
        check_path(self.path)
        if self.query.__class__ is not tuple \
                or (self.query and not all(_is_pair(pair) for pair in self.query)):
            object.__setattr__(self, "query", _query(self.query))
        if self.headers.__class__ is not Headers:
            object.__setattr__(self, "headers", Headers(self.headers))
        if self.headers:
            _check_headers(self.headers)  # type: ignore[arg-type]  # a Headers by now
        if self.body is not None and self.body.__class__ is not bytes:
            if not isinstance(self.body, (bytes, bytearray, memoryview)):
                raise InvalidInputError(
                    f"Request.body must be bytes or None, got {type(self.body).__name__}")
            object.__setattr__(self, "body", bytes(self.body))

    def url(self, endpoints: Mapping[str, str] | None = None) -> str:
        """The full URL, from ``endpoints`` (base -> URL) or the LINE defaults."""
        root = (endpoints or {}).get(self.base) or BASE_URLS.get(self.base)
        if root is None:
            raise InvalidInputError(f"no endpoint for base {self.base!r}; pass it in endpoints")
        url = root.rstrip("/") + self.path
        if not self.query:
            return url
        from urllib.parse import urlencode  # here: a cold start rarely needs urllib.parse

        return f"{url}?{urlencode(self.query)}"

    def with_retry_key(self, key: str | uuid.UUID | None = None) -> Request[AnswerT]:
        """This request carrying ``X-Line-Retry-Key``, if its operation accepts one.

        ``key`` is a UUID (any standard spelling); ``None`` draws a fresh one. The
        operations that accept a key are push, multicast, narrowcast and broadcast
        (:data:`RETRY_KEY_PATHS`); any other request, and one
        that already has a key, comes back unchanged. Sending a keyed request
        again can never deliver twice. A ``key`` that is not a UUID raises
        ``InvalidInputError``.
        """
        given = None if key is None else retry_key(key)  # checked even when no key is taken
        if not self.takes_retry_key or RETRY_KEY in self.headers:
            return self
        if given is None:
            import uuid  # here: uuid loads platform modules a cold start can skip

            given = str(uuid.uuid4())
        return replace(self, headers=Headers((*self.headers.items(), (RETRY_KEY, given))))

    @property
    def takes_retry_key(self) -> bool:
        """Whether this request's endpoint accepts ``X-Line-Retry-Key``."""
        return self.method == "POST" and self.path in RETRY_KEY_PATHS

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict; :meth:`from_dict` reads it back equal.

        A body that is UTF-8 text is kept readable under ``body``; any other
        body goes under ``body_base64``.
        """
        data: dict[str, Any] = {
            "operation": self.operation,
            "method": self.method,
            "base": self.base,
            "path": self.path,
            "query": [list(pair) for pair in self.query],
            "headers": [list(pair) for pair in self.headers.items()],
        }
        if self.body is not None:
            try:
                data["body"] = self.body.decode("utf-8")
            except UnicodeDecodeError:
                import base64  # here: only a binary body (an image upload) needs it

                data["body_base64"] = base64.b64encode(self.body).decode("ascii")
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Request[Any]:
        """Read a dict written by :meth:`to_dict`; ``InvalidPayloadError`` says what is off."""
        if not isinstance(data, Mapping):
            raise InvalidPayloadError(f"a request must be a JSON object, got {type(data).__name__}")
        missing = [key for key in ("operation", "method", "base", "path") if key not in data]
        if missing:
            raise InvalidPayloadError(f"request is missing {', '.join(missing)}")
        for key in ("operation", "method", "base", "path"):
            if not isinstance(data[key], str):
                raise InvalidPayloadError(f"request {key} must be a string, got {data[key]!r}")
        try:
            return cls(
                operation=data["operation"],
                method=data["method"],
                base=data["base"],
                path=data["path"],
                query=_pairs(data.get("query", ()), "query"),
                headers=Headers(_pairs(data.get("headers", ()), "headers")),
                body=_body(data),
            )
        except InvalidPayloadError:
            raise
        except InvalidInputError as exc:
            raise InvalidPayloadError(str(exc)) from exc


def _is_pair(pair: object) -> bool:
    """Whether ``pair`` is already a ``(name, value)`` tuple of two strings."""
    return pair.__class__ is tuple and len(pair) == 2 \
        and pair[0].__class__ is str and pair[1].__class__ is str


def _query(query: Any) -> tuple[tuple[str, str], ...]:
    """``query`` (pairs, or a mapping; names and values made strings) as a tuple of pairs,
    or ``InvalidInputError`` naming what is not a pair."""
    items = query.items() if isinstance(query, Mapping) else query
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidInputError(f"Request.query must be (name, value) pairs, "
                                f"got {type(query).__name__}")
    pairs = []
    for item in items:
        pair = tuple(item) if isinstance(item, Iterable) and not isinstance(item, (str, bytes)) \
            else (item,)
        if len(pair) != 2:
            raise InvalidInputError(f"Request.query entry {item!r} is not a (name, value) pair")
        pairs.append((str(pair[0]), str(pair[1])))
    return tuple(pairs)


def _pairs(value: Any, name: str) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    if not isinstance(items, Iterable) or isinstance(items, (str, bytes)):
        raise InvalidPayloadError(f"request {name} must be a list of [name, value] pairs")
    pairs = []
    for item in items:
        if not (isinstance(item, (list, tuple)) and len(item) == 2
                and all(isinstance(part, str) for part in item)):
            raise InvalidPayloadError(f"request {name} entry {item!r} is not a [name, value] pair")
        pairs.append((item[0], item[1]))
    return tuple(pairs)


def _body(data: Mapping[str, Any]) -> bytes | None:
    text, encoded = data.get("body"), data.get("body_base64")
    if text is not None and encoded is not None:
        raise InvalidPayloadError("request has both body and body_base64")
    if text is not None:
        if not isinstance(text, str):
            raise InvalidPayloadError("request body must be a string")
        return text.encode("utf-8")
    if encoded is not None:
        import base64  # here: only a binary body (an image upload) needs it

        try:
            return base64.b64decode(encoded, validate=True)
        except (ValueError, TypeError) as exc:
            raise InvalidPayloadError(f"request body_base64 is not base64: {exc}") from exc
    return None


def retry_key(key: str | uuid.UUID) -> str:
    """The canonical spelling of a retry key, which must be a UUID (``InvalidInputError``)."""
    import uuid  # here: uuid loads platform modules a cold start can skip

    try:
        return str(key if isinstance(key, uuid.UUID) else uuid.UUID(str(key)))
    except ValueError:
        raise InvalidInputError(f"retry_key must be a UUID, got {key!r}") from None


def safe_to_repeat(method: str, headers: Mapping[str, str]) -> bool:
    """Whether sending a request twice has the effect of sending it once."""
    return method in IDEMPOTENT_METHODS or RETRY_KEY in headers


class Stream(Protocol):
    """A body still on the wire: read in pieces, then closed."""

    def read(self, amt: int | None = None, /) -> bytes: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """What a transport got back: status, headers and body.

    ``body`` is ``bytes``, or a :class:`Stream` when the request asked to stream.
    """

    status: int
    headers: Mapping[str, str] = field(default=_NO_HEADERS)
    body: bytes | Stream = b""

    def __post_init__(self) -> None:
        if self.headers.__class__ is not Headers:
            object.__setattr__(self, "headers", Headers(self.headers))

    def read(self) -> bytes:
        """The whole body as bytes (a stream is read to its end and closed)."""
        if isinstance(self.body, bytes):
            return self.body
        try:
            return self.body.read()
        finally:
            self.body.close()
