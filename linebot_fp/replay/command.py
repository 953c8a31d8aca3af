"""``python -m linebot_fp replay FILE``: send a replay file, each line once.

The channel access token comes from ``$LINE_CHANNEL_ACCESS_TOKEN`` (never the
command line, where other users could read it) and is never printed: every
message the command writes has it blanked out, tracebacks included.

Exit status: 0 when every line is delivered (or was, by earlier runs: a rerun
with nothing left to send says so in one line); 1 when some failed, have an
unknown outcome, or were not started because the month's quota is spent; 2
for a usage error or a journal that cannot be used (one line naming the file
and what to do; nothing sent); 128 + the signal number (130 for Ctrl-C) when
interrupted: the lines in flight finish and are recorded first.

Nothing of the run is kept in memory: lines are read as they are sent, their
outcomes go to the journal, failed lines to the failure file as they come, and
the summary is counters.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import math
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from linebot_fp.replay.files import load_requests
from linebot_fp.replay.journal import Journal, JournalError, journal_path
from linebot_fp.replay.progress import Progress
from linebot_fp.replay.runner import Status, iter_replay
from linebot_fp.replay.summary import FailureFile, Tally
from linebot_fp.replay.survey import Survey, survey
from linebot_fp.request import Request

if TYPE_CHECKING:
    from linebot_fp.client import Client
    from linebot_fp.limits import RateLimiter
    from linebot_fp.transport import Transport

__all__ = ["TOKEN_VARIABLE", "add_arguments", "run"]

TOKEN_VARIABLE = "LINE_CHANNEL_ACCESS_TOKEN"
USAGE_ERROR = 2
#: ``--rate auto``: each operation at its own tier (:mod:`linebot_fp.limits`)
AUTO = "auto"


class UsageError(Exception):
    """A bad option or environment: reported in one line, exit status 2."""


def rate(text: str) -> float | str:
    """The ``--rate`` value: ``auto`` (each operation at its LINE tier) or requests per second."""
    return AUTO if text.strip().lower() == AUTO else float(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the ``replay`` command."""
    parser.add_argument("file", type=Path, help="JSON lines file written by dump_requests")
    parser.add_argument("--dry-run", action="store_true", help="read and check, send nothing")
    parser.add_argument("--endpoint", help="send to this URL instead of the LINE hosts")
    parser.add_argument("--concurrency", type=int, default=1, metavar="N",
                        help="requests in flight at once (default: 1)")
    parser.add_argument("--rate", type=rate, metavar="PER_SECOND|auto",
                        help="at most this many HTTP requests per second, retries included; "
                             "'auto' keeps each operation within the rate LINE allows it "
                             "(linebot_fp.limits.Limiter) (default: no limit)")
    parser.add_argument("--check-quota", action="store_true",
                        help="before sending, read the month's message quota and refuse to "
                             "start when the lines left would send more messages than remain")
    parser.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS",
                        help="time allowed for each attempt (default: 5)")
    parser.add_argument("--max-attempts", type=int, metavar="N",
                        help="attempts per request, the first included (default: the "
                             "client's RetryPolicy)")
    parser.add_argument("--deadline", type=float, metavar="SECONDS",
                        help="time allowed for each request, its retries included "
                             "(default: the client's RetryPolicy)")
    parser.add_argument("--journal", type=Path, metavar="PATH",
                        help="the journal of what was sent (default: FILE.journal.sqlite)")
    parser.add_argument("--resend-unknown", action="store_true",
                        help="also resend lines of unknown outcome that have no retry key, or "
                             "one older than the 24 hours LINE keeps it (they may be "
                             "delivered twice)")
    parser.add_argument("--failed", type=Path, metavar="PATH",
                        help="where failed lines go, rewritten by every run with failures and "
                             "removed by one that settles them all "
                             "(default: FILE's stem + .failed.jsonl)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="log every attempt (the linebot_fp logger at DEBUG) on stderr")


def run(args: argparse.Namespace, *, stdout: TextIO | None = None,
        stderr: TextIO | None = None, clock: Callable[[], float] = time.time,
        limiter: RateLimiter | None = None) -> int:
    """Run the command with parsed ``args``; return the exit status.

    ``clock`` is the time in epoch seconds (it dates the journal and ages retry
    keys); ``limiter`` is what ``--rate auto`` waits on (a
    :class:`~linebot_fp.limits.Limiter` by default).
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    token = os.environ.get(TOKEN_VARIABLE, "")
    redact = _redactor(token)
    try:
        return _run(args, token, redact, out, err, clock, limiter)
    except (UsageError, JournalError) as exc:
        print(f"replay: {redact(str(exc))}", file=err)
        return USAGE_ERROR
    except Exception as exc:  # a bug: shown, but never with the token
        trace = "".join(traceback.format_exception(exc))
        print(f"replay: unexpected error, please report it:\n{redact(trace)}", file=err)
        return 1


def _run(args: argparse.Namespace, token: str, redact: Callable[[str], str],
         out: TextIO, err: TextIO, clock: Callable[[], float],
         limiter: RateLimiter | None) -> int:
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    if args.concurrency < 1:
        raise UsageError("--concurrency must be at least 1")
    client, send = _sending(args, token, limiter)
    _configure_logging(args.verbose, err)
    failed_path = args.failed or args.file.with_name(args.file.stem + ".failed.jsonl")
    with _journal(args) as journal:
        with _lines(args.file) as lines:
            found = survey(lines, journal, now=clock(), resend_unknown=args.resend_unknown,
                           count_recipients=args.check_quota)
        if journal is not None and found.to_send == 0 and found.held == 0:
            return _nothing_to_send(found, failed_path, out, err)
        if args.check_quota:
            _check_quota(client, found, err)
        tally = Tally()
        failures = FailureFile(failed_path, redact)
        stop = threading.Event()
        progress = Progress(found.lines - found.already_sent, err, live=err.isatty(),
                            shown=found.to_send > 0)  # held lines alone need no progress
        try:
            with _lines(args.file) as lines, _stopping_on_signals(stop, err) as stopped_by:
                for outcome in iter_replay(load_requests(lines), send, journal=journal,
                                           concurrency=args.concurrency, stop=stop,
                                           resend_unknown=args.resend_unknown,
                                           redact=redact, clock=clock):
                    tally.add(outcome)
                    if not outcome.ok:
                        failures.write(outcome)
                        progress.note(f"line {outcome.line}: {redact(outcome.detail)}")
                    if outcome.status is not Status.ALREADY_SENT:
                        progress(outcome)
        finally:
            failures.close()
            progress.close()
    return _report(args, tally, failures, found.lines, stopped_by(), out, err)


def _lines(path: Path) -> TextIO:
    """The replay file, read a line at a time (bytes that are not UTF-8 kept as they were)."""
    return path.open(encoding="utf-8", errors="surrogateescape")


def _sending(args: argparse.Namespace, token: str, limiter: RateLimiter | None
             ) -> tuple[Client | None, Callable[[Request[Any]], Any]]:
    """The client (to read the quota; ``None`` for a dry run that needs none) and the
    ``send`` of each line: the client's, paced as ``--rate`` says, or a dry run's."""
    client = _client(args, token, limiter) if not args.dry_run or args.check_quota else None
    if args.dry_run:  # each line read, and its URL made: nothing more
        endpoints = _endpoints(args)
        return client, lambda request: request.url(endpoints) and None
    assert client is not None
    return client, client.send


def _client(args: argparse.Namespace, token: str, limiter: RateLimiter | None) -> Client:
    """The client of this run: ``--rate N`` paces its transport, ``--rate auto`` gives it a
    :class:`~linebot_fp.limits.Limiter` (or ``limiter``)."""
    if not token:
        raise UsageError(f"set {TOKEN_VARIABLE} to the channel access token")
    from linebot_fp.client import Client
    from linebot_fp.sending import RetryPolicy

    if not (math.isfinite(args.timeout) and args.timeout > 0):
        raise UsageError("--timeout must be a positive number of seconds")
    changes = {name: value for name, value in (("max_attempts", args.max_attempts),
                                                ("deadline", args.deadline))
               if value is not None}
    if args.rate == AUTO and limiter is None:
        from linebot_fp.limits import Limiter

        limiter = Limiter()
    try:
        policy = dataclasses.replace(RetryPolicy(), **changes)
        return Client(token, endpoints=_endpoints(args), timeout=args.timeout, retry=policy,
                      transport=_paced(args.rate),
                      limiter=limiter if args.rate == AUTO else None)
    except ValueError as exc:  # the token, the policy, the rate
        raise UsageError(str(exc)) from exc


def _endpoints(args: argparse.Namespace) -> dict[str, str] | None:
    return dict.fromkeys(("api", "data", "manager"), args.endpoint) if args.endpoint else None


def _paced(rate: float | str | None) -> Transport | None:
    """The transport for ``--rate N``: every HTTP request waits for its slot."""
    if rate is None or rate == AUTO:
        return None
    from linebot_fp.replay.pacing import RateLimit
    from linebot_fp.transport import default_transport

    return RateLimit(float(rate)).paced(default_transport())


def _check_quota(client: Client | None, found: Survey, err: TextIO) -> None:
    """Refuse to start (``UsageError``) when the lines left would send more messages than
    the month's quota has left."""
    from linebot_fp.errors import LineBotError
    from linebot_fp.limits import quota

    assert client is not None
    try:
        month = quota(client)
    except LineBotError as exc:
        raise UsageError(f"--check-quota: cannot read the month's message quota ({exc}); "
                         f"nothing was sent") from exc
    uncounted = (f" ({found.uncounted} broadcast, narrowcast or group lines not counted: "
                 f"the file does not name their recipients)" if found.uncounted else "")
    messages = f"the lines left send {found.recipients} messages{uncounted}"
    if month.limit is None:
        print(f"replay: --check-quota: {messages}; this month's quota has no limit", file=err)
    elif month.allows(found.recipients):
        print(f"replay: --check-quota: {messages}; {month.remaining} of this month's "
              f"{month.limit} remain", file=err)
    else:
        raise UsageError(
            f"--check-quota: {messages.replace('send', 'would send', 1)}, but only "
            f"{month.remaining} of this month's {month.limit} remain ({month.used} used); "
            f"nothing was sent: send fewer lines, or raise the quota, then run again")


def _configure_logging(verbose: bool, err: TextIO) -> None:
    logger = logging.getLogger("linebot_fp")
    if verbose:
        handler = logging.StreamHandler(err)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    elif not logger.handlers:  # failures are reported per line, not logged twice
        logger.addHandler(logging.NullHandler())


@contextmanager
def _journal(args: argparse.Namespace) -> Iterator[Journal | None]:
    if args.dry_run:
        yield None
        return
    with Journal(args.journal or journal_path(args.file)) as journal:
        yield journal


@contextmanager
def _stopping_on_signals(stop: threading.Event, err: TextIO
                         ) -> Iterator[Callable[[], int | None]]:
    """Set ``stop`` on SIGINT or SIGTERM (a second one leaves at once); yields a function
    giving the signal that stopped the run, if any."""
    received: list[int] = []

    def on_signal(number: int, frame: FrameType | None) -> None:
        received.append(number)
        if stop.is_set():
            err.write("\nreplay: interrupted again: leaving now; the journal keeps the lines "
                      "in flight as of unknown outcome\n")
            err.flush()
            os._exit(128 + number)
        stop.set()
        err.write("\nreplay: interrupted: finishing the requests in flight "
                  "(interrupt again to leave at once)\n")
        err.flush()

    handled = [signal.SIGINT, signal.SIGTERM]
    previous = {number: signal.signal(number, on_signal) for number in handled}
    try:
        yield lambda: received[0] if received else None
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _nothing_to_send(found: Survey, failed_path: Path, out: TextIO, err: TextIO) -> int:
    """A rerun with every line sent already: one line says so."""
    if found.lines == 0:
        print("nothing to send: the file has no lines", file=out)
    else:
        print(f"nothing to send: all {found.lines} lines were sent by earlier runs", file=out)
    _remove_settled(failed_path, err)
    return 0


def _remove_settled(failed_path: Path, err: TextIO) -> None:
    if failed_path.exists():
        failed_path.unlink()  # the failures of an earlier run: all settled now
        print(f"replay: removed {failed_path}: its lines are settled", file=err)


def _report(args: argparse.Namespace, tally: Tally, failures: FailureFile, total: int,
            stopped_by: int | None, out: TextIO, err: TextIO) -> int:
    counts = tally.counts
    failed = counts[Status.FAILED] + counts[Status.UNKNOWN]
    parts = [f"{counts[Status.SENT]} {'checked' if args.dry_run else 'sent'}, {failed} failed"]
    if counts[Status.UNKNOWN]:
        parts.append(f"{counts[Status.UNKNOWN]} of them with no answer (outcome unknown)")
    if counts[Status.ALREADY_SENT]:
        parts.append(f"{counts[Status.ALREADY_SENT]} already sent by an earlier run")
    if counts[Status.HELD]:
        parts.append(f"{counts[Status.HELD]} of unknown outcome held back")
    not_started = total - tally.settled
    if stopped_by is not None:
        parts.append(f"interrupted: {_count(not_started, 'line')} not started")
    elif tally.quota_error is not None:
        parts.append(f"stopped: the month's message quota is spent, "
                     f"{_count(not_started, 'line')} not started")
    written = f" (written to {failures.path})" if failures.written else ""
    print(", ".join(parts) + written, file=out)
    if not failures.written and not args.dry_run and not_started == 0:
        _remove_settled(failures.path, err)
    if counts[Status.HELD]:
        print(f"replay: {counts[Status.HELD]} lines had an unknown outcome in an earlier run, "
              f"and resending them could deliver them twice (no retry key, or one older than "
              f"the 24 hours LINE keeps it): check whether they took effect, then rerun with "
              f"--resend-unknown to send them anyway", file=err)
    if tally.quota_error is not None and stopped_by is None:
        print(f"replay: LINE refused a line because the month's message quota is spent "
              f"({tally.quota_error}); no further line was started: rerun once the quota "
              f"allows (the refused line is in {failures.path})", file=err)
    if stopped_by is not None:
        return 128 + stopped_by
    return 1 if failures.written or not_started else 0


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def _redactor(token: str) -> Callable[[str], str]:
    if not token:
        return str
    return lambda text: text.replace(token, "<token>")
