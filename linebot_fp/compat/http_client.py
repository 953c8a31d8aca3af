"""The legacy ``linebot.http_client``: what ``LineBotApi(http_client=...)`` takes.

:class:`~linebot_fp.compat.api.LineBotApi` sends through a transport of the
functional core (a callable from :class:`~linebot_fp.transport.HttpRequest` to
:class:`~linebot_fp.request.Response`). Its ``http_client`` argument is one of:

* ``None`` or :class:`RequestsHttpClient` (the legacy default): the core's
  urllib3 transport, one shared connection pool;
* a transport callable (see :mod:`linebot_fp.transport`), e.g.
  ``Urllib3Transport(urllib3.ProxyManager("http://proxy:3128"))`` to go through a proxy;
* a legacy-style :class:`HttpClient` subclass (instantiated with ``timeout=``)
  or instance, whose ``get``/``post``/``put``/``delete`` return an
  :class:`HttpResponse`. Code that wrapped ``requests`` this way keeps working;
  its exceptions pass through unchanged, as they did in the legacy SDK.

``RequestsHttpClient`` keeps its legacy name so that code passing it keeps
running, but it sends with urllib3: ``requests`` is not a dependency.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlencode

from linebot_fp.content import Content
from linebot_fp.request import Headers, Response
from linebot_fp.transport import HttpRequest, Timeout, Transport, default_transport

__all__ = ["HttpClient", "HttpResponse", "RequestsHttpClient", "Urllib3HttpClient",
           "as_transport"]

#: seconds, as in the legacy SDK
DEFAULT_TIMEOUT: Timeout = 5


class HttpResponse(ABC):
    """A legacy HTTP response: status, headers and the body in several forms."""

    @property
    @abstractmethod
    def status_code(self) -> int:
        """The HTTP status code."""

    @property
    @abstractmethod
    def headers(self) -> Mapping[str, str]:
        """The response headers."""

    @property
    @abstractmethod
    def content(self) -> bytes:
        """The whole body."""

    @property
    def text(self) -> str:
        """The body decoded as UTF-8."""
        return self.content.decode("utf-8", "replace")

    @property
    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.content)

    @abstractmethod
    def iter_content(self, chunk_size: int = 1024) -> Iterator[bytes]:
        """The body in chunks of at most ``chunk_size`` bytes."""


class HttpClient(ABC):
    """A legacy HTTP client: one method per HTTP verb, each returning an :class:`HttpResponse`."""

    DEFAULT_TIMEOUT: Timeout = DEFAULT_TIMEOUT

    def __init__(self, timeout: Timeout = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout

    @abstractmethod
    def get(self, url: str, headers: Mapping[str, str] | None = None,
            params: Mapping[str, Any] | None = None, stream: bool = False,
            timeout: Timeout | None = None) -> HttpResponse:
        """GET ``url`` (``params`` appended as a query; ``stream`` to read the body lazily)."""

    @abstractmethod
    def post(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
             timeout: Timeout | None = None) -> HttpResponse:
        """POST ``data`` to ``url``."""

    @abstractmethod
    def delete(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
               timeout: Timeout | None = None) -> HttpResponse:
        """DELETE ``url``."""

    @abstractmethod
    def put(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
            timeout: Timeout | None = None) -> HttpResponse:
        """PUT ``data`` to ``url``."""


class _TransportResponse(HttpResponse):
    """A core :class:`~linebot_fp.request.Response` seen as a legacy response."""

    def __init__(self, response: Response) -> None:
        self._response = response
        self._content = Content(response.body, response.headers)

    @property
    def status_code(self) -> int:
        return self._response.status

    @property
    def headers(self) -> Mapping[str, str]:
        return self._response.headers

    @property
    def content(self) -> bytes:
        return self._content.content

    def iter_content(self, chunk_size: int = 1024) -> Iterator[bytes]:
        return self._content.iter_content(chunk_size)


class Urllib3HttpClient(HttpClient):
    """A legacy-style client over a core transport (urllib3's shared pool by default)."""

    def __init__(self, timeout: Timeout = DEFAULT_TIMEOUT,
                 transport: Transport | None = None) -> None:
        super().__init__(timeout)
        self.transport = transport

    def get(self, url: str, headers: Mapping[str, str] | None = None,
            params: Mapping[str, Any] | None = None, stream: bool = False,
            timeout: Timeout | None = None) -> HttpResponse:
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params)
        return self._send("GET", url, headers, None, timeout, stream=stream)

    def post(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
             timeout: Timeout | None = None) -> HttpResponse:
        return self._send("POST", url, headers, data, timeout)

    def delete(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
               timeout: Timeout | None = None) -> HttpResponse:
        return self._send("DELETE", url, headers, data, timeout)

    def put(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
            timeout: Timeout | None = None) -> HttpResponse:
        return self._send("PUT", url, headers, data, timeout)

    def _send(self, method: str, url: str, headers: Mapping[str, str] | None, data: Any,
              timeout: Timeout | None, *, stream: bool = False) -> HttpResponse:
        request = HttpRequest(method=method, url=url, headers=Headers(headers or {}),
                              body=_body_bytes(data),
                              timeout=self.timeout if timeout is None else timeout,
                              stream=stream)
        return _TransportResponse((self.transport or default_transport())(request))


#: the legacy default's name; it sends with urllib3 here (``requests`` is not a dependency)
RequestsHttpClient = Urllib3HttpClient


def _body_bytes(data: Any) -> bytes | None:
    """Legacy ``data``: bytes, text, or a mapping sent as a form."""
    if data is None or isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, Mapping):
        return urlencode(data).encode("ascii")
    raise TypeError(f"data must be bytes, str or a mapping, got {type(data).__name__}")


class _ChunkStream:
    """The body of a legacy response read through ``iter_content``, as a core ``Stream``."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()

    def read(self, amt: int | None = None, /) -> bytes:
        while amt is None or len(self._buffer) < amt:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        size = len(self._buffer) if amt is None else amt
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()


class _LegacyClientTransport:
    """A core transport that sends through a legacy-style :class:`HttpClient`."""

    def __init__(self, client: HttpClient) -> None:
        self.client = client

    def __call__(self, request: HttpRequest) -> Response:
        headers = dict(request.headers)
        if request.method == "GET":
            answer = self.client.get(request.url, headers=headers, stream=request.stream,
                                     timeout=request.timeout)
        else:
            send = {"POST": self.client.post, "PUT": self.client.put,
                    "DELETE": self.client.delete}[request.method]
            answer = send(request.url, headers=headers, data=request.body,
                          timeout=request.timeout)
        body = _ChunkStream(answer.iter_content(64 * 1024)) if request.stream else answer.content
        return Response(status=answer.status_code, headers=Headers(answer.headers), body=body)


def as_transport(http_client: Any, timeout: Timeout = DEFAULT_TIMEOUT) -> Transport:
    """The core transport for what ``LineBotApi(http_client=...)`` was given (see above)."""
    if http_client is None or http_client is Urllib3HttpClient:
        return default_transport()
    if isinstance(http_client, type) and issubclass(http_client, HttpClient):
        http_client = http_client(timeout=timeout)
    if type(http_client) is Urllib3HttpClient:
        return http_client.transport or default_transport()
    if isinstance(http_client, HttpClient):
        return _LegacyClientTransport(http_client)
    if callable(http_client):
        transport: Transport = http_client
        return transport
    raise TypeError("http_client must be a transport callable, an HttpClient subclass or "
                    f"instance, or None; got {type(http_client).__name__}")
