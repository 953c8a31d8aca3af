"""Replay files: one ``Request.to_dict()`` as JSON per line.

``dump_requests`` writes them (keying every request that accepts an
``X-Line-Retry-Key``, so a stored push can never be delivered twice);
``load_requests`` reads them back one ``(line number, Request or error, text)``
at a time, so a bad line is reported by number instead of stopping the file;
``failure_line`` writes a failed line back with its error: a failure file is
itself a replay file. This module performs no I/O but on the file it is given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from linebot_fp.errors import InvalidPayloadError, LineBotApiError, LineBotError
from linebot_fp.request import Request

__all__ = ["Entry", "describe_error", "dump_requests", "failure_line", "load_requests"]

#: ``(line number, the request or the error that line has, the line's text)``
Entry = tuple[int, Request[Any] | InvalidPayloadError, str]


def dump_requests(requests: Iterable[Request[Any]], file: IO[str], *,
                  retry_keys: bool = True) -> int:
    """Write each request as one JSON line to ``file``; return how many were written.

    With ``retry_keys`` (the default) each request whose operation accepts an
    ``X-Line-Retry-Key`` and has none gets a fresh one
    (:meth:`~linebot_fp.request.Request.with_retry_key`), so replaying the
    file, once or ten times, delivers it once. ``retry_keys=False`` writes the
    requests as they are.
    """
    count = 0
    for request in requests:
        stored = request.with_retry_key() if retry_keys else request
        file.write(json.dumps(stored.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def load_requests(lines: Iterable[str]) -> Iterator[Entry]:
    """Read a replay file line by line; blank lines are skipped.

    A line that is not UTF-8 (read it with ``errors="surrogateescape"`` to get
    here), not JSON or not a request comes back with the
    ``InvalidPayloadError`` that says what is wrong with it.
    """
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8, read with surrogateescape
            yield number, InvalidPayloadError("not UTF-8 text"), text
            continue
        try:
            yield number, Request.from_dict(json.loads(text)), text
        except ValueError as exc:  # JSONDecodeError and InvalidPayloadError alike
            message = exc.message if isinstance(exc, LineBotError) else f"not JSON: {exc}"
            yield number, InvalidPayloadError(message), text


def describe_error(error: BaseException) -> dict[str, Any]:
    """A JSON-compatible description of ``error`` (status, request id, details, body for
    an API error)."""
    described: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, LineBotApiError):
        described.update(
            status=error.status_code,
            request_id=error.request_id,
            details=[{"message": d.message, "property": d.property} for d in error.error.details],
            body=error.body.decode("utf-8", "replace"),
        )
    return described


def failure_line(line: int, request: Request[Any] | None, text: str,
                 error: dict[str, Any]) -> str:
    """The JSON line for a failed line: the request (replayable as it is) plus its ``error``.

    ``request`` is the request as attempted (with the retry key it was sent
    with); a line that could not be read keeps its ``text`` under ``unreadable``.
    """
    record: dict[str, Any] = (request.to_dict() if request is not None
                              else {"unreadable": text})
    record.update(line=line, error=error)
    return json.dumps(record, ensure_ascii=False)
