"""What the async transports share: timeouts, bounded attempts, streamed bodies.

A transport module adds only its library's calls and error classes.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from linebot_fp.errors import AnswerTooLargeError, TransportError, TransportTimeoutError
from linebot_fp.request import Headers
from linebot_fp.transport import HttpRequest, attempt_seconds

__all__ = ["AsyncStream", "ClosingTransport", "bounded", "read_whole"]

T = TypeVar("T")
Closing = TypeVar("Closing", bound="ClosingTransport")


class ClosingTransport(ABC):
    """A transport holding a pool: ``aclose()`` it, or use it with ``async with``."""

    @abstractmethod
    async def aclose(self) -> None:
        """Close the pool this transport made (not one it was given)."""

    async def __aenter__(self: Closing) -> Closing:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

async def bounded(attempt: Awaitable[T], request: HttpRequest) -> T:
    """``attempt``, cancelled with ``TransportTimeoutError`` past ``request.timeout``.

    The whole exchange is bounded, not each socket read, so a server trickling
    its answer cannot hold the caller past the timeout.
    """
    seconds = attempt_seconds(request.timeout)[2]
    try:
        return await asyncio.wait_for(attempt, seconds)
    except asyncio.TimeoutError as exc:
        if isinstance(exc, TransportError):
            raise
        raise TransportTimeoutError(
            f"no complete answer from {request.url} within {seconds:g} s") from exc


async def read_whole(chunks: AsyncIterator[bytes], status: int, headers: Headers,
                     limit: int | None) -> bytes:
    """The whole body, joined from ``chunks``; ``AnswerTooLargeError`` past ``limit`` bytes."""
    declared = headers.get("Content-Length", "")
    if limit is not None and declared.isdigit() and int(declared) > limit:
        raise AnswerTooLargeError(status, headers, limit)
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if limit is not None and size > limit:
            raise AnswerTooLargeError(status, headers, limit, (b"".join(parts) + chunk)[:limit])
        parts.append(chunk)
    return b"".join(parts)


class AsyncStream:
    """A body still on the wire (``Response.body`` of a streamed request).

    ``await aread(amt)`` gives at most ``amt`` bytes (``b""`` at the end;
    ``None``: everything left) and ``await aclose()`` releases the connection;
    each read is bounded by the read timeout of the request, never the whole
    download. The plain ``read`` and ``close`` of
    :class:`~linebot_fp.request.Stream` work from any thread but the event
    loop's own (``asyncio.to_thread``), where they wait for the loop.
    ``errors()`` gives a context manager turning the library's exceptions into
    ``TransportError`` / ``TransportTimeoutError``.
    """

    def __init__(self, chunks: AsyncIterator[bytes], release: Callable[[], Awaitable[None]],
                 errors: Callable[[], AbstractContextManager[None]]) -> None:
        self._chunks = chunks
        self._release = release
        self._errors = errors
        self._buffer = bytearray()
        self._ended = False
        self._closed = False
        self._loop = asyncio.get_running_loop()

    async def aread(self, amt: int | None = None, /) -> bytes:
        """At most ``amt`` bytes of the body (all that is left for ``None``)."""
        if self._closed:
            raise TransportError("the streamed body was already closed")
        while not self._ended and (amt is None or len(self._buffer) < amt):
            with self._errors():
                chunk = await anext(self._chunks, None)
            if chunk is None:
                self._ended = True
            else:
                self._buffer += chunk
        size = len(self._buffer) if amt is None else min(amt, len(self._buffer))
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    async def aclose(self) -> None:
        """Release the connection (unread bytes are dropped); closing twice is fine."""
        if not self._closed:
            self._closed = True
            await self._release()

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[bytes]:
        while chunk := await self.aread(64 * 1024):
            yield chunk

    def read(self, amt: int | None = None, /) -> bytes:
        """:meth:`aread`, from a thread other than the event loop's."""
        return self._wait(lambda: self.aread(amt))

    def close(self) -> None:
        """:meth:`aclose`, from any thread (on the loop's own, it is scheduled)."""
        if self._closed:
            return
        if self._on_loop_thread():
            self._loop.create_task(self.aclose())
        elif self._loop.is_running():
            self._wait(self.aclose)
        else:
            self._closed = True  # the loop has stopped: its connections went with it

    def _wait(self, work: Callable[[], Coroutine[Any, Any, T]]) -> T:
        if self._on_loop_thread():
            raise RuntimeError(
                "this body streams through asyncio: read it with `await content.aread()` or "
                "`async for chunk in content.aiter_content()` (or from a worker thread)")
        if not self._loop.is_running():
            raise TransportError("the event loop this body streams through has stopped")
        return asyncio.run_coroutine_threadsafe(work(), self._loop).result()

    def _on_loop_thread(self) -> bool:
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False
