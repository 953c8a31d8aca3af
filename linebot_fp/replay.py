"""Store requests as JSON lines and send them later.

``dump_requests`` writes one ``Request.to_dict()`` per line; ``load_requests``
reads them back, one ``(line number, Request or error)`` at a time, so a bad
line is reported by number instead of stopping the file. ``replay`` sends what
was read and returns one :class:`Outcome` per line. A failed request is written
back with its error by ``failure_line``: the failure file is itself a replay
file, so nothing is lost and a retry is one command away.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, Any

from linebot_fp.errors import InvalidPayloadError, LineBotApiError, LineBotError
from linebot_fp.request import Request

__all__ = ["Outcome", "dump_requests", "failure_line", "load_requests", "replay"]


def dump_requests(requests: Iterable[Request], file: IO[str]) -> int:
    """Write each request as one JSON line; return how many were written."""
    count = 0
    for request in requests:
        file.write(json.dumps(request.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


Entry = tuple[int, Request | InvalidPayloadError, str]


def load_requests(lines: Iterable[str]) -> Iterator[Entry]:
    """``(line number, request or the error that line has, the line)``; blank lines skipped."""
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        try:
            yield number, Request.from_dict(json.loads(text)), text
        except ValueError as exc:  # JSONDecodeError and InvalidPayloadError alike
            message = exc.message if isinstance(exc, LineBotError) else f"not JSON: {exc}"
            yield number, InvalidPayloadError(message), text


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What happened to one line: its answer, or the error it met."""

    line: int
    text: str
    request: Request | None
    error: Exception | None = None
    answer: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None


def replay(entries: Iterable[Entry],
           send: Callable[[Request], Any], *, concurrency: int = 1,
           on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Send every request with ``send`` (``Client.send``, or a dry run), in line order.

    Lines that could not be read are outcomes with their error, never sent.
    ``on_outcome`` sees each outcome as it is settled (progress reports).
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")

    def settle(entry: Entry) -> Outcome:
        number, request, text = entry
        if isinstance(request, InvalidPayloadError):
            outcome = Outcome(line=number, text=text, request=None, error=request)
        else:
            try:
                outcome = Outcome(line=number, text=text, request=request, answer=send(request))
            except (LineBotError, OSError) as exc:
                outcome = Outcome(line=number, text=text, request=request, error=exc)
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    if concurrency == 1:
        return [settle(entry) for entry in entries]
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(settle, entries))


def failure_line(outcome: Outcome) -> str:
    """The JSON line for a failed outcome: the request (replayable) plus its error."""
    error = outcome.error
    described: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, LineBotApiError):
        described.update(
            status=error.status_code,
            request_id=error.request_id,
            details=[{"message": d.message, "property": d.property} for d in error.error.details],
            body=error.body.decode("utf-8", "replace"),
        )
    record: dict[str, Any] = (outcome.request.to_dict() if outcome.request is not None
                              else {"unreadable": outcome.text})
    record.update(line=outcome.line, error=described)
    return json.dumps(record, ensure_ascii=False)
