"""The legacy ``linebot.http_client``: what ``LineBotApi(http_client=...)`` takes.

:class:`~linebot_fp.compat.api.LineBotApi` sends through a transport of the
functional core (a callable from :class:`~linebot_fp.transport.HttpRequest` to
:class:`~linebot_fp.request.Response`). Its ``http_client`` argument is one of:

* :class:`RequestsHttpClient` (the legacy default): sends with ``requests`` as the
  legacy SDK did, when ``requests`` is installed (so HTTP mocks written for the
  legacy SDK, such as ``responses``, keep working), else with the core's urllib3
  transport; ``None`` or :class:`Urllib3HttpClient`: the core's urllib3 transport,
  one shared connection pool;
* a transport callable (see :mod:`linebot_fp.transport`), e.g.
  ``Urllib3Transport(urllib3.ProxyManager("http://proxy:3128"))`` to go through a proxy;
* a legacy-style :class:`HttpClient` subclass (instantiated with ``timeout=``)
  or instance, whose ``get``/``post``/``put``/``delete`` return an
  :class:`HttpResponse`. It is called as the legacy SDK called it: ``get`` with
  the query as ``params`` (a dict), ``post``/``put``/``delete`` with ``data``
  as a JSON string, a dict for the form-encoded OAuth endpoints, or bytes for
  images. Its exceptions pass through unchanged, as they did in the legacy SDK.

``requests`` is not a dependency of linebot_fp; it is imported only when a
``RequestsHttpClient`` sends.
"""

from __future__ import annotations

import importlib.util
import json
import typing
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from linebot_fp.content import Content
from linebot_fp.request import Headers, Response
from linebot_fp.transport import HttpRequest, Timeout, Transport, default_transport

__all__ = ["HttpClient", "HttpResponse", "RequestsHttpClient", "RequestsHttpResponse",
           "Urllib3HttpClient", "as_transport"]

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


class RequestsHttpResponse(HttpResponse):
    """A ``requests`` response seen as a legacy response."""

    def __init__(self, response: Any) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return int(self.response.status_code)

    @property
    def headers(self) -> Mapping[str, str]:
        headers: Mapping[str, str] = self.response.headers
        return headers

    @property
    def content(self) -> bytes:
        return bytes(self.response.content)

    def iter_content(self, chunk_size: int = 1024) -> Iterator[bytes]:
        chunks: Iterator[bytes] = self.response.iter_content(chunk_size=chunk_size)
        return chunks


class RequestsHttpClient(HttpClient):
    """The legacy default: sends with ``requests`` (imported on first send)."""

    def get(self, url: str, headers: Mapping[str, str] | None = None,
            params: Mapping[str, Any] | None = None, stream: bool = False,
            timeout: Timeout | None = None) -> HttpResponse:
        return self._send("GET", url, headers=headers, params=params, stream=stream,
                          timeout=timeout)

    def post(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
             timeout: Timeout | None = None) -> HttpResponse:
        return self._send("POST", url, headers=headers, data=data, timeout=timeout)

    def delete(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
               timeout: Timeout | None = None) -> HttpResponse:
        return self._send("DELETE", url, headers=headers, data=data, timeout=timeout)

    def put(self, url: str, headers: Mapping[str, str] | None = None, data: Any = None,
            timeout: Timeout | None = None) -> HttpResponse:
        return self._send("PUT", url, headers=headers, data=data, timeout=timeout)

    def _send(self, method: str, url: str, *, timeout: Timeout | None,
              **arguments: Any) -> HttpResponse:
        requests: Any = importlib.import_module("requests")  # optional, and untyped

        response = requests.request(method, url, timeout=self.timeout if timeout is None
                                    else timeout, **arguments)
        return RequestsHttpResponse(response)


def requests_installed() -> bool:
    """Whether ``requests`` can be imported (checked without importing it)."""
    return importlib.util.find_spec("requests") is not None


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
        url, _, query = request.url.partition("?")
        if request.method == "GET":
            answer = self.client.get(url, headers=headers, params=dict(parse_qsl(query)) or None,
                                     stream=request.stream, timeout=request.timeout)
        else:
            send = {"POST": self.client.post, "PUT": self.client.put,
                    "DELETE": self.client.delete}[request.method]
            answer = send(request.url, headers=headers, data=_legacy_data(request),
                          timeout=request.timeout)
        body = _ChunkStream(answer.iter_content(64 * 1024)) if request.stream else answer.content
        return Response(status=answer.status_code, headers=Headers(answer.headers), body=body)


def _legacy_data(request: HttpRequest) -> Any:
    """The body as the legacy SDK handed it over: JSON text, a form dict, or bytes."""
    body = request.body
    content_type = request.headers.get("Content-Type", "")
    if body is None:
        return None
    if content_type.startswith("application/json"):
        return body.decode("utf-8")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(body.decode("ascii"), keep_blank_values=True))
    return body


def as_transport(http_client: Any, timeout: Timeout = DEFAULT_TIMEOUT) -> Transport:
    """The core transport for what ``LineBotApi(http_client=...)`` was given (see above)."""
    if http_client is RequestsHttpClient and not requests_installed():
        http_client = None
    if http_client is None or http_client is Urllib3HttpClient:
        return default_transport()
    if isinstance(http_client, type) and issubclass(http_client, HttpClient):
        http_client = http_client(timeout=timeout)
    if type(http_client) is Urllib3HttpClient:
        return http_client.transport or default_transport()
    if isinstance(http_client, HttpClient):
        return _LegacyClientTransport(http_client)
    if callable(http_client):
        return typing.cast(Transport, http_client)
    raise TypeError("http_client must be a transport callable, an HttpClient subclass or "
                    f"instance, or None; got {type(http_client).__name__}")
