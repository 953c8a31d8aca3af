"""Send the lines of a replay file, each once, keeping a journal of what happened.

:func:`iter_replay` takes the entries of :func:`~linebot_fp.replay.files.load_requests`
and a ``send`` function (``Client.send``, or a dry run) and yields one
:class:`Outcome` per line as it settles, keeping none (:func:`replay` collects
them in a list). With a :class:`~linebot_fp.replay.journal.Journal` it is safe
to run again after a crash, a Ctrl-C or a failure, as often as needed:

* a line the API took (answered 2xx, or 409 "already accepted") is never sent again;
* a line whose outcome is unknown (no answer, or 5xx, once the retries gave up;
  or in flight when the run died) is sent again only when that is safe: its
  method is idempotent, or it carries an ``X-Line-Retry-Key`` (every line whose
  operation accepts one is keyed before its first send, and the key is kept in
  the journal) that LINE still keeps: a key is kept 24 hours from its first
  attempt (:data:`KEY_LIFETIME`). Any other is *held*: reported, not resent,
  unless ``resend_unknown=True``;
* a line that took no effect (refused by the API with a 4xx, or that could not
  be sent at all) is sent again.
"""

from __future__ import annotations

import contextlib
import enum
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from linebot_fp.content import Content
from linebot_fp.errors import (
    InvalidPayloadError,
    LineBotApiError,
    LineBotError,
    QuotaExceededError,
    UndecodableAnswerError,
)
from linebot_fp.replay.files import Entry
from linebot_fp.replay.journal import Journal, JournalError, JournalRow, LineState, digest
from linebot_fp.request import IDEMPOTENT_METHODS, RETRY_KEY, Request, safe_to_repeat

__all__ = ["KEY_LIFETIME", "KEY_MARGIN", "Outcome", "Status", "iter_replay", "key_is_trusted",
           "quota_spent", "replay", "resend_is_safe", "resend_risk", "status_of"]

#: LINE keeps a retry key for 24 hours after the first request made with it: a resend
#: after that is a new request, which delivers again
#: (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/)
KEY_LIFETIME = 24 * 60 * 60.0
#: a resend planned now reaches LINE a little later (a wait for its rate slot, its own
#: retries within their deadline): keys this close to the end of their 24 hours are not
#: trusted either
KEY_MARGIN = 10 * 60.0


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
    """Whether sending ``request`` again can never make it act twice, as long as LINE keeps
    its retry key (see :func:`key_is_trusted`)."""
    return safe_to_repeat(request.method, request.headers)


def key_is_trusted(first_sent: float | None, now: float) -> bool:
    """Whether LINE still keeps a retry key first sent at ``first_sent`` (epoch seconds;
    ``None``: not known), for a resend planned at ``now``: its age plus
    :data:`KEY_MARGIN` is under :data:`KEY_LIFETIME`."""
    return first_sent is not None and now - first_sent + KEY_MARGIN < KEY_LIFETIME


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
           redact: Callable[[str], str] = str,
           clock: Callable[[], float] = time.time) -> list[Outcome]:
    """Send every entry with ``send``; return the outcomes by line number.

    The options are those of :func:`iter_replay`; ``on_outcome`` is called with
    each outcome as it is settled (progress). The list holds every outcome
    (with its request and answer): for a file of any size, iterate
    :func:`iter_replay` instead, which keeps none.
    """
    outcomes: list[Outcome] = []
    for outcome in iter_replay(entries, send, journal=journal, concurrency=concurrency,
                               stop=stop, resend_unknown=resend_unknown, redact=redact,
                               clock=clock):
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return sorted(outcomes, key=lambda outcome: outcome.line)


def iter_replay(entries: Iterable[Entry], send: Callable[[Request[Any]], Any], *,
                journal: Journal | None = None, concurrency: int = 1,
                stop: threading.Event | None = None, resend_unknown: bool = False,
                redact: Callable[[str], str] = str,
                clock: Callable[[], float] = time.time) -> Iterator[Outcome]:
    """Send every entry with ``send``; yield each line's :class:`Outcome` as it is settled.

    Memory stays flat however long the file: ``entries`` is read as lines are
    started, at most ``concurrency`` lines are held at once, and what became of
    each is in the journal, not in memory.

    * ``journal``: where each line's fate is recorded before and after its send
      (and read, to skip or hold what an earlier run did); ``None`` keeps none.
    * ``concurrency``: how many requests are in flight at once.
    * ``stop``: once set, no further line is started; those in flight finish
      and are recorded (what a Ctrl-C handler sets). A
      :class:`~linebot_fp.QuotaExceededError` stops the run the same way: once
      the month's quota is spent, no other line can go either.
    * ``resend_unknown``: send held lines anyway (their outcome is unknown and
      they have no retry key, or one LINE no longer keeps: they may be
      delivered twice).
    * ``redact``: applied to error messages before they are kept (hide secrets).
    * ``clock``: the time in epoch seconds (``time.time``), which dates the
      journal's rows and measures the age of retry keys.

    Lines that could not be read are ``FAILED`` outcomes, never sent. Outcomes
    come in the order lines settle (by line with ``concurrency=1``). Leaving
    the loop early lets the lines in flight finish and records them. Raises
    ``ValueError`` when ``concurrency`` is below 1 (at once, not on first use),
    and :class:`~linebot_fp.replay.journal_problems.JournalError` when the
    journal cannot be written (the lines in flight stay recorded as in flight).
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")
    return _Run(send, journal, concurrency, stop, resend_unknown, redact, clock).outcomes(
        iter(entries))


@dataclass
class _Run:
    """One pass over the entries: at most ``concurrency`` lines in flight, none kept."""

    send: Callable[[Request[Any]], Any]
    journal: Journal | None
    concurrency: int
    stop: threading.Event | None
    resend_unknown: bool
    redact: Callable[[str], str]
    clock: Callable[[], float]
    out_of_quota: bool = False
    in_flight: dict[Future[tuple[Any, Exception | None]], _Send] = field(default_factory=dict)

    def stopped(self) -> bool:
        return self.out_of_quota or (self.stop is not None and self.stop.is_set())

    def outcomes(self, pending: Iterator[Entry]) -> Iterator[Outcome]:
        with ThreadPoolExecutor(max_workers=self.concurrency,
                                thread_name_prefix="replay") as pool:
            try:
                while True:
                    starting: list[_Send] = []
                    while len(self.in_flight) + len(starting) < self.concurrency \
                            and not self.stopped():
                        entry = next(pending, None)
                        if entry is None:
                            break
                        plan = _plan(entry, self.journal, self.resend_unknown, self.clock())
                        if isinstance(plan, Outcome):
                            yield plan
                        else:
                            starting.append(plan)
                    self.start(pool, starting)
                    if not self.in_flight:
                        return
                    yield from self.collect(wait(self.in_flight, return_when=FIRST_COMPLETED).done)
            finally:
                self.finish()

    def start(self, pool: ThreadPoolExecutor, starting: list[_Send]) -> None:
        if self.journal is not None and starting:
            now = self.clock()
            with self.journal.transaction():  # recorded before any of them is sent
                for plan in starting:
                    self.journal.begin(plan.line, plan.digest,
                                       plan.request.headers.get(RETRY_KEY), now=now)
        for plan in starting:
            self.in_flight[pool.submit(_attempt, self.send, plan.request)] = plan

    def collect(self, done: Iterable[Future[tuple[Any, Exception | None]]]) -> list[Outcome]:
        """Settle the lines that ended together, recorded with one disk sync."""
        ended = [(self.in_flight.pop(future), *future.result()) for future in done]
        settled = [(sending, _settle(sending, answer, error, self.redact), error)
                   for sending, answer, error in ended]
        if self.journal is not None:
            now = self.clock()
            with self.journal.transaction():
                for sending, outcome, error in settled:
                    _record(self.journal, sending, outcome, error, now)
        self.out_of_quota = self.out_of_quota or any(quota_spent(error)
                                                   for _, _, error in settled)
        return [outcome for _, outcome, _ in settled]

    def finish(self) -> None:
        """On the way out early (the caller left the loop, or the journal failed): let the
        lines in flight end, and record them when the journal still can."""
        if not self.in_flight:
            return
        done = wait(self.in_flight).done
        if self.journal is None:
            self.in_flight.clear()
            return
        with contextlib.suppress(JournalError):  # else they stay in flight in the journal,
            self.collect(done)  # which a rerun resends only where that is safe


def _plan(entry: Entry, journal: Journal | None, resend_unknown: bool,
          now: float) -> _Send | Outcome:
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
    risk = resend_risk(keyed.method, row, now)
    if risk is None or resend_unknown:
        return _Send(number, text, line_digest, keyed)
    why = row.detail or "the run stopped while it was in flight"
    return Outcome(line=number, text=text, status=Status.HELD, request=keyed,
                   detail=f"outcome unknown since an earlier run ({why}); not resent, "
                          f"since {risk} and it could be delivered twice")


def resend_risk(method: str, row: JournalRow, now: float) -> str | None:
    """Why resending a line of unknown outcome (its journal ``row``) at ``now`` could make
    it act twice; ``None`` when it cannot: its ``method`` is idempotent, or it was sent
    with a retry key LINE still keeps (:func:`key_is_trusted`)."""
    if method in IDEMPOTENT_METHODS:
        return None
    if row.retry_key is None:
        return "it has no retry key"
    if key_is_trusted(row.key_first_sent, now):
        return None
    if row.key_first_sent is None:
        return "when its retry key was first sent is not known (an older journal)"
    return (f"its retry key was first sent {_hours(now - row.key_first_sent)} ago and LINE "
            f"keeps a key 24 hours")


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} hours"


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


def _record(journal: Journal, sending: _Send, outcome: Outcome, error: Exception | None,
            now: float) -> None:
    status = getattr(error, "status_code", None)
    journal.settle(sending.line, sending.digest, _JOURNAL_STATE[outcome.status],
                   status=status if isinstance(status, int) else None,
                   request_id=getattr(error, "request_id", None) or _answer_id(outcome.answer),
                   detail=outcome.detail, now=now)


def quota_spent(error: BaseException | None) -> bool:
    """Whether ``error`` says the month's message quota is spent: no other line can go."""
    return isinstance(error, QuotaExceededError)


def _answer_id(answer: Any) -> str | None:
    request_id = getattr(answer, "request_id", None)
    return request_id if isinstance(request_id, str) else None
