"""Send the lines of a replay file, each once, keeping a journal of what happened.

:func:`replay` takes the entries of :func:`~linebot_fp.replay.files.load_requests`
and a ``send`` function (``Client.send``, or a dry run) and returns one
:class:`Outcome` per line it settled. With a
:class:`~linebot_fp.replay.journal.Journal` it is safe to run again after a
crash, a Ctrl-C or a failure, as often as needed:

* a line the API took (answered 2xx, or 409 "already accepted") is never sent again;
* a line whose outcome is unknown (no answer, or 5xx, once the retries gave up;
  or in flight when the run died) is sent again only when that is safe: it
  carries its ``X-Line-Retry-Key`` (every line whose operation accepts one is
  keyed before its first send, and the key is kept in the journal) or its
  method is idempotent. Any other is *held*: reported, not resent, unless
  ``resend_unknown=True``;
* a line that took no effect (refused by the API with a 4xx, or that could not
  be sent at all) is sent again.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from linebot_fp.content import Content
from linebot_fp.errors import (
    InvalidPayloadError,
    LineBotApiError,
    LineBotError,
    UndecodableAnswerError,
)
from linebot_fp.replay.files import Entry
from linebot_fp.replay.journal import Journal, JournalRow, LineState, digest
from linebot_fp.request import RETRY_KEY, Request, safe_to_repeat

__all__ = ["Outcome", "Status", "replay", "resend_is_safe", "status_of"]



class Status(str, enum.Enum):
    """What became of a line in this run."""

    SENT = "sent"  #: the API took it
    ALREADY_SENT = "already_sent"  #: an earlier run sent it (journal): not sent again
    FAILED = "failed"  #: it took no effect: refused by the API, unreadable, or not sendable
    UNKNOWN = "unknown"  #: no answer (or 5xx) after the retries: it may have taken effect
    HELD = "held"  #: unknown since an earlier run, and resending it is not safe: not sent


_JOURNAL_STATE = {Status.SENT: LineState.SENT, Status.FAILED: LineState.FAILED,
                  Status.UNKNOWN: LineState.UNKNOWN}


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """One line settled: its ``status``, the ``request`` as attempted (with the retry key
    it was sent with; ``None`` for an unreadable line), and the ``answer`` or the
    ``error`` it met; ``detail`` says in words what happened."""

    line: int
    text: str
    status: Status
    request: Request[Any] | None
    error: Exception | None = None
    answer: Any = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the line is delivered (now or by an earlier run)."""
        return self.status in (Status.SENT, Status.ALREADY_SENT)


def resend_is_safe(request: Request[Any]) -> bool:
    """Whether sending ``request`` again can never make it act twice."""
    return safe_to_repeat(request.method, request.headers)


def status_of(error: Exception) -> Status:
    """The status of a line whose send raised ``error``.

    Accepted but undecodable answers are ``SENT``; 4xx answers and errors
    raised before anything went out (a header the HTTP layer refuses: a
    ``ValueError``) are ``FAILED``; no answer, a 5xx, or anything else is
    ``UNKNOWN``.
    """
    if isinstance(error, UndecodableAnswerError):
        return Status.SENT
    if isinstance(error, LineBotApiError):
        return Status.UNKNOWN if error.status_code >= 500 else Status.FAILED
    if isinstance(error, ValueError):
        return Status.FAILED
    return Status.UNKNOWN


@dataclass(frozen=True, slots=True)
class _Send:
    line: int
    text: str
    digest: str
    request: Request[Any]


def replay(entries: Iterable[Entry], send: Callable[[Request[Any]], Any], *,
           journal: Journal | None = None, concurrency: int = 1,
           stop: threading.Event | None = None, resend_unknown: bool = False,
           on_outcome: Callable[[Outcome], None] | None = None,
           redact: Callable[[str], str] = str) -> list[Outcome]:
    """Send every entry with ``send``; return the outcomes by line number.

    * ``journal``: where each line's fate is recorded before and after its send
      (and read, to skip or hold what an earlier run did); ``None`` keeps none.
    * ``concurrency``: how many requests are in flight at once.
    * ``stop``: once set, no further line is started; those in flight finish
      and are recorded (what a Ctrl-C handler sets).
    * ``resend_unknown``: send held lines anyway (their outcome is unknown and
      they have no retry key: they may be delivered twice).
    * ``on_outcome``: called with each outcome as it is settled (progress).
    * ``redact``: applied to error messages before they are kept (hide secrets).

    Lines that could not be read are ``FAILED`` outcomes, never sent. Raises
    ``ValueError`` when ``concurrency`` is below 1.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")
    outcomes: list[Outcome] = []

    def settled(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    def collect(done: Iterable[Future[tuple[Any, Exception | None]]]) -> None:
        ended = [(in_flight.pop(future), *future.result()) for future in done]
        now = [(sending, _settle(sending, answer, error, redact), error)
               for sending, answer, error in ended]
        if journal is not None:
            with journal.transaction():  # the lines that ended together: one disk sync
                for sending, outcome, error in now:
                    _record(journal, sending, outcome, error)
        for _, outcome, _ in now:
            settled(outcome)

    def next_lines(free: int) -> list[_Send]:
        """Up to ``free`` lines to send now; the lines needing no send are settled on the way."""
        starting: list[_Send] = []
        while len(starting) < free and not (stop is not None and stop.is_set()):
            entry = next(pending, None)
            if entry is None:
                break
            plan = _plan(entry, journal, resend_unknown)
            if isinstance(plan, Outcome):
                settled(plan)
            else:
                starting.append(plan)
        return starting

    pending = iter(entries)
    in_flight: dict[Future[tuple[Any, Exception | None]], _Send] = {}
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="replay") as pool:
        while True:
            starting = next_lines(concurrency - len(in_flight))
            if journal is not None and starting:
                with journal.transaction():  # recorded before any of them is sent
                    for plan in starting:
                        journal.begin(plan.line, plan.digest,
                                      plan.request.headers.get(RETRY_KEY))
            for plan in starting:
                in_flight[pool.submit(_attempt, send, plan.request)] = plan
            if not in_flight:
                break
            collect(wait(in_flight, return_when=FIRST_COMPLETED).done)
    return sorted(outcomes, key=lambda outcome: outcome.line)


def _plan(entry: Entry, journal: Journal | None, resend_unknown: bool) -> _Send | Outcome:
    """What to do with one line: send it (keyed), or the outcome it has without a send."""
    number, request, text = entry
    if isinstance(request, InvalidPayloadError):
        return Outcome(line=number, text=text, status=Status.FAILED, request=None,
                       error=request, detail=request.message)
    line_digest = digest(text)
    row = journal.get(number, line_digest) if journal is not None else None
    keyed = _keyed(request, row)
    if row is None or row.state is LineState.FAILED:
        return _Send(number, text, line_digest, keyed)
    if row.state is LineState.SENT:
        return Outcome(line=number, text=text, status=Status.ALREADY_SENT, request=keyed,
                       detail=f"sent by an earlier run (request id {row.request_id or '?'})")
    if resend_is_safe(keyed) or resend_unknown:
        return _Send(number, text, line_digest, keyed)
    why = row.detail or "the run stopped while it was in flight"
    return Outcome(line=number, text=text, status=Status.HELD, request=keyed,
                   detail=f"outcome unknown since an earlier run ({why}); not resent, "
                          f"since it has no retry key and could be delivered twice")


def _keyed(request: Request[Any], row: JournalRow | None) -> Request[Any]:
    """``request`` with the retry key the journal has for it, else a fresh one (if it takes one)."""
    if row is not None and row.retry_key is not None:
        return request.with_retry_key(row.retry_key)
    return request.with_retry_key()


def _attempt(send: Callable[[Request[Any]], Any],
             request: Request[Any]) -> tuple[Any, Exception | None]:
    try:
        answer = send(request)
    except Exception as error:  # any failure is this line's, never the run's
        return None, error
    if isinstance(answer, Content):  # a download nobody will read: give its connection back
        answer.close()
    return answer, None


def _settle(sending: _Send, answer: Any, error: Exception | None,
            redact: Callable[[str], str]) -> Outcome:
    if error is None:
        return Outcome(line=sending.line, text=sending.text, status=Status.SENT,
                       request=sending.request, answer=answer)
    attempted = error.request if isinstance(error, LineBotError) and error.request else None
    message = redact(str(error) or type(error).__name__)
    return Outcome(line=sending.line, text=sending.text, status=status_of(error),
                   request=attempted or sending.request, error=error, detail=message)


def _record(journal: Journal, sending: _Send, outcome: Outcome, error: Exception | None) -> None:
    status = getattr(error, "status_code", None)
    journal.settle(sending.line, sending.digest, _JOURNAL_STATE[outcome.status],
                   status=status if isinstance(status, int) else None,
                   request_id=getattr(error, "request_id", None) or _answer_id(outcome.answer),
                   detail=outcome.detail)


def _answer_id(answer: Any) -> str | None:
    request_id = getattr(answer, "request_id", None)
    return request_id if isinstance(request_id, str) else None
