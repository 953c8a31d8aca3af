"""Binary answers (message content, rich menu images), read as a stream.

This module performs no I/O of its own: it reads the stream a transport handed over.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from types import TracebackType

from linebot_fp.request import Headers, Stream

__all__ = ["Content"]


class Content:
    """A binary answer: ``content_type``, then ``iter_content(chunk_size)`` or ``content``.

    The body is not read until asked for, so a large video never has to fit in
    memory; ``content`` reads what is left at once. Use it as a context manager,
    or call ``close()``, when not reading to the end.
    """

    __slots__ = ("_body", "_cached", "headers")

    def __init__(self, body: bytes | Stream, headers: Mapping[str, str] | None = None) -> None:
        self._body = body
        self._cached: bytes | None = body if isinstance(body, bytes) else None
        self.headers = headers if isinstance(headers, Headers) else Headers(headers or {})

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` the API answered with (``""`` when it gave none)."""
        return self.headers.get("Content-Type", "")

    @property
    def content(self) -> bytes:
        """The whole body (read on first access, then kept)."""
        if self._cached is None:
            self._cached = b"".join(self.iter_content(64 * 1024))
        return self._cached

    def iter_content(self, chunk_size: int = 1024) -> Iterator[bytes]:
        """The body in chunks of at most ``chunk_size`` bytes."""
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
        if self._cached is not None:
            data = self._cached
            for start in range(0, len(data), chunk_size):
                yield data[start : start + chunk_size]
            return
        stream = self._body
        assert not isinstance(stream, bytes)
        try:
            while chunk := stream.read(chunk_size):
                yield chunk
        finally:
            stream.close()

    async def aread(self) -> bytes:
        """The whole body, read with ``await`` (for an ``AsyncClient``'s answer), then kept."""
        if self._cached is None:
            self._cached = b"".join([chunk async for chunk in self.aiter_content(64 * 1024)])
        return self._cached

    async def aiter_content(self, chunk_size: int = 1024) -> AsyncIterator[bytes]:
        """:meth:`iter_content` for async code: a stream of ``linebot_fp.transports``
        is read with ``await``; any other in a worker thread, never blocking the loop."""
        if self._cached is not None or chunk_size < 1:
            for chunk in self.iter_content(chunk_size):
                yield chunk
            return
        import asyncio

        stream = self._body
        assert not isinstance(stream, bytes)
        aread = getattr(stream, "aread", None)
        try:
            while chunk := await (aread(chunk_size) if aread is not None
                                  else asyncio.to_thread(stream.read, chunk_size)):
                yield chunk
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        """:meth:`close` for async code."""
        aclose = getattr(self._body, "aclose", None)
        if aclose is not None:
            await aclose()
        else:
            self.close()

    async def __aenter__(self) -> Content:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        await self.aclose()

    def close(self) -> None:
        """Release the connection without reading the rest."""
        if not isinstance(self._body, bytes):
            self._body.close()

    def __enter__(self) -> Content:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Content(content_type={self.content_type!r})"
