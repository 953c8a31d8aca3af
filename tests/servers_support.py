"""Web servers as subprocesses on free loopback ports (gunicorn, uvicorn), always stopped by pid,
and a load of signed webhooks posted from many threads, each answer timed."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

from linebot_fp.testing import post_webhook

TESTS = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def server(kind: str, env: dict[str, str], *, workers: int = 1,
           port: int | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``(url, process)`` of gunicorn (``kind="gunicorn"``, sync workers) or uvicorn serving
    ``inbox_bot``; stopped (TERM, then KILL) by pid at the end, whatever happened."""
    port = port or free_port()
    if kind == "gunicorn":
        command = [str(BIN / "gunicorn"), "--workers", str(workers), "--worker-class", "sync",
                   "--bind", f"127.0.0.1:{port}", "--chdir", str(TESTS), "--timeout", "120",
                   "--graceful-timeout", "2", "--log-level", "warning", "inbox_bot:application"]
    else:
        command = [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port),
                   "--app-dir", str(TESTS), "--log-level", "warning", "--workers",
                   str(workers), "--timeout-graceful-shutdown", "2", "inbox_bot:app"]
    before = _booted(Path(env["BOT_LOG"]))
    process = subprocess.Popen(command, env={**os.environ, **env}, cwd=TESTS,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not (_answers(port) and _booted(Path(env["BOT_LOG"])) >= workers + before):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{kind} did not start (exit {process.poll()})")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", process
    finally:
        stop(process)


def _booted(log: Path) -> int:
    """How many server processes said they were ready (``inbox_bot.booted``)."""
    if not log.exists():
        return 0
    with sqlite3.connect(log, timeout=30) as db:
        try:
            count = int(db.execute("SELECT COUNT(*) FROM boots").fetchone()[0])
        except sqlite3.OperationalError:
            count = 0
    db.close()
    return count


def stop(process: subprocess.Popen[bytes]) -> None:
    """TERM the server's process group, KILL it if it lingers; reap it."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # any worker left behind


def post_all(urls: Sequence[str], bodies: Sequence[tuple[bytes, str]], *, copies: int = 4,
             threads: int = 16) -> list[tuple[int, float]]:
    """Post each body ``copies`` times, interleaved (copy 1 of every body, then copy 2, ...),
    from ``threads`` threads, round-robin over ``urls``; ``(status, seconds)`` of each."""
    jobs = [(urls[(n + copy) % len(urls)], body, signature)
            for copy in range(copies) for n, (body, signature) in enumerate(bodies)]

    def post(job: tuple[str, bytes, str]) -> tuple[int, float]:
        url, body, signature = job
        started = time.monotonic()
        status = post_webhook(url + "/callback", body, signature, timeout=10).status
        return status, time.monotonic() - started

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(post, jobs))


def calls(log: Path) -> list[tuple[str, str, int]]:
    """``(event, phase, pid)`` of every handler call written so far."""
    if not log.exists():
        return []
    with sqlite3.connect(log, timeout=30) as db:
        try:
            rows = db.execute("SELECT event, phase, pid FROM calls ORDER BY at").fetchall()
        except sqlite3.OperationalError:
            rows = []
    db.close()
    return [(str(e), str(p), int(pid)) for e, p, pid in rows]


def wait_for(check: object, timeout: float, every: float = 0.1) -> None:
    """Wait until ``check()`` is true; AssertionError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s")
        time.sleep(every)
