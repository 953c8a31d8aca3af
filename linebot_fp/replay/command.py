"""``python -m linebot_fp replay FILE``: send a replay file, each line once.

The channel access token comes from ``$LINE_CHANNEL_ACCESS_TOKEN`` (never the
command line, where other users could read it) and is never printed: every
message the command writes has it blanked out, tracebacks included.

Exit status: 0 when every line is delivered; 1 when some failed, or have an
unknown outcome; 2 for a usage error; 128 + the signal number (130 for
Ctrl-C) when interrupted: the lines in flight finish and are recorded first.
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
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from linebot_fp.replay.files import describe_error, failure_line, load_requests
from linebot_fp.replay.journal import Journal, journal_path
from linebot_fp.replay.progress import Progress
from linebot_fp.replay.runner import Outcome, Status, replay
from linebot_fp.request import Request

__all__ = ["TOKEN_VARIABLE", "add_arguments", "run"]

TOKEN_VARIABLE = "LINE_CHANNEL_ACCESS_TOKEN"
USAGE_ERROR = 2


class UsageError(Exception):
    """A bad option or environment: reported in one line, exit status 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the ``replay`` command."""
    parser.add_argument("file", type=Path, help="JSON lines file written by dump_requests")
    parser.add_argument("--dry-run", action="store_true", help="read and check, send nothing")
    parser.add_argument("--endpoint", help="send to this URL instead of the LINE hosts")
    parser.add_argument("--concurrency", type=int, default=1, metavar="N",
                        help="requests in flight at once (default: 1)")
    parser.add_argument("--rate", type=float, metavar="PER_SECOND",
                        help="at most this many HTTP requests per second, retries included "
                             "(LINE limits requests per channel; default: no limit)")
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
                        help="also resend lines of unknown outcome that have no retry key "
                             "(they may be delivered twice)")
    parser.add_argument("--failed", type=Path, metavar="PATH",
                        help="where failed lines go, rewritten by every run and removed by "
                             "one without failures (default: FILE's stem + .failed.jsonl)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="log every attempt (the linebot_fp logger at DEBUG) on stderr")


def run(args: argparse.Namespace, *, stdout: TextIO | None = None,
        stderr: TextIO | None = None) -> int:
    """Run the command with parsed ``args``; return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    token = os.environ.get(TOKEN_VARIABLE, "")
    redact = _redactor(token)
    try:
        return _run(args, token, redact, out, err)
    except UsageError as exc:
        print(f"replay: {redact(str(exc))}", file=err)
        return USAGE_ERROR
    except Exception as exc:  # a bug: shown, but never with the token
        trace = "".join(traceback.format_exception(exc))
        print(f"replay: unexpected error, please report it:\n{redact(trace)}", file=err)
        return 1


def _run(args: argparse.Namespace, token: str, redact: Callable[[str], str],
         out: TextIO, err: TextIO) -> int:
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    if args.concurrency < 1:
        raise UsageError("--concurrency must be at least 1")
    send = _sender(args, token)
    total = _count_lines(args.file)
    _configure_logging(args.verbose, err)
    stop = threading.Event()
    progress = Progress(total, err, live=err.isatty())
    with _journal(args) as journal, \
            args.file.open(encoding="utf-8", errors="surrogateescape") as lines, \
            _stopping_on_signals(stop, err) as stopped_by:
        outcomes = replay(load_requests(lines), send, journal=journal,
                          concurrency=args.concurrency, stop=stop,
                          resend_unknown=args.resend_unknown, on_outcome=progress,
                          redact=redact)
    progress.close()
    return _report(args, outcomes, total, stopped_by(), redact, out, err)


def _sender(args: argparse.Namespace, token: str) -> Callable[[Request[Any]], Any]:
    endpoints = (dict.fromkeys(("api", "data", "manager"), args.endpoint)
                 if args.endpoint else None)
    if args.dry_run:  # each line read, and its URL made: nothing more
        return lambda request: request.url(endpoints) and None
    if not token:
        raise UsageError(f"set {TOKEN_VARIABLE} to the channel access token")
    from linebot_fp.client import Client
    from linebot_fp.replay.pacing import RateLimit
    from linebot_fp.sending import RetryPolicy
    from linebot_fp.transport import default_transport

    if not (math.isfinite(args.timeout) and args.timeout > 0):
        raise UsageError("--timeout must be a positive number of seconds")
    changes = {name: value for name, value in (("max_attempts", args.max_attempts),
                                                ("deadline", args.deadline))
               if value is not None}
    try:
        policy = dataclasses.replace(RetryPolicy(), **changes)
        transport = (RateLimit(args.rate).paced(default_transport())
                     if args.rate is not None else None)
        client = Client(token, endpoints=endpoints, timeout=args.timeout, retry=policy,
                        transport=transport)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    return client.send


def _count_lines(path: Path) -> int:
    with path.open(encoding="utf-8", errors="replace") as lines:
        return sum(1 for line in lines if line.strip())


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
    path = args.journal or journal_path(args.file)
    try:
        journal = Journal(path)
    except (ValueError, OSError) as exc:
        raise UsageError(f"cannot open the journal {path}: {exc}") from exc
    with journal:
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


def _report(args: argparse.Namespace, outcomes: list[Outcome], total: int,
            stopped_by: int | None, redact: Callable[[str], str], out: TextIO,
            err: TextIO) -> int:
    counts = dict.fromkeys(Status, 0)
    for outcome in outcomes:
        counts[outcome.status] += 1
    failures = [outcome for outcome in outcomes if not outcome.ok]
    for outcome in failures:
        print(f"line {outcome.line}: {redact(outcome.detail)}", file=err)
    failed_path = args.failed or args.file.with_name(args.file.stem + ".failed.jsonl")
    if failures:  # lines that were not UTF-8 go back as the bytes they were
        failed_path.write_text("".join(_failure_record(o, redact) + "\n" for o in failures),
                               encoding="utf-8", errors="surrogateescape")
    elif not args.dry_run and failed_path.exists():
        failed_path.unlink()  # the failures of an earlier run: all settled now
        print(f"replay: removed {failed_path}: its lines are settled", file=err)
    failed = counts[Status.FAILED] + counts[Status.UNKNOWN]
    parts = [f"{counts[Status.SENT]} {'checked' if args.dry_run else 'sent'}, {failed} failed"]
    if counts[Status.UNKNOWN]:
        parts.append(f"{counts[Status.UNKNOWN]} of them with no answer (outcome unknown)")
    if counts[Status.ALREADY_SENT]:
        parts.append(f"{counts[Status.ALREADY_SENT]} already sent by an earlier run")
    if counts[Status.HELD]:
        parts.append(f"{counts[Status.HELD]} of unknown outcome held back")
    if stopped_by is not None:
        parts.append(f"interrupted: {total - len(outcomes)} lines not started")
    written = f" (written to {failed_path})" if failures else ""
    print(", ".join(parts) + written, file=out)
    if counts[Status.HELD]:
        print(f"replay: {counts[Status.HELD]} lines had an unknown outcome in an earlier run and "
              f"carry no retry key, so they were not resent: check whether they took effect, "
              f"then rerun with --resend-unknown to send them anyway", file=err)
    if stopped_by is not None:
        return 128 + stopped_by
    return 1 if failures else 0


def _failure_record(outcome: Outcome, redact: Callable[[str], str]) -> str:
    error: dict[str, Any] = {"outcome": outcome.status.value}
    if outcome.error is not None:
        error.update(describe_error(outcome.error))
    error["message"] = redact(outcome.detail)
    return failure_line(outcome.line, outcome.request, outcome.text, error)


def _redactor(token: str) -> Callable[[str], str]:
    if not token:
        return str
    return lambda text: text.replace(token, "<token>")
