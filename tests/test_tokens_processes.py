"""Processes sharing a token cache (SQLite file, real Redis server) issue one token between them.

Each child process is a fresh Python that makes a ``StatelessToken`` on the shared
cache and asks for a token once, released by the test at the same moment as its
sibling; the fake LINE API (in the test process) answers the issue call slowly, so
the second process arrives while the first holds the renewal lock. Children print
a hash of the token, never the token. Every child is stopped by its pid at the end.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack, suppress
from pathlib import Path

import pytest
from redis_support import running_redis
from tokens_support import CHANNEL_ID, SECRET, register

from linebot_fp.testing import FakeLineApi, Fault
from linebot_fp.tokens import SqliteTokenCache

ROOT = Path(__file__).resolve().parent.parent
ISSUE = "/oauth2/v3/token"

CHILD = r"""
import hashlib, os, sys, time
from pathlib import Path
from linebot_fp.tokens import RedisTokenCache, SqliteTokenCache, StatelessToken

endpoint, cache_spec, folder = sys.argv[1:4]
if cache_spec.startswith("redis://"):
    cache = RedisTokenCache(cache_spec, lock_timeout=float(os.environ.get("LOCK_TIMEOUT", 30)))
else:
    cache = SqliteTokenCache(cache_spec)
provider = StatelessToken(os.environ["CHANNEL_ID"], os.environ["CHANNEL_SECRET"], cache=cache,
                          endpoints={"api": endpoint}, timeout=60)
ready = Path(folder, f"ready-{os.getpid()}")
ready.write_text("")
go = Path(folder, "go")
deadline = time.monotonic() + 60
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.01)
token = provider.token()
print(hashlib.sha256(token.encode()).hexdigest(), flush=True)
"""


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Children:
    """Child processes of one test, each killed by its pid if still running at the end."""

    def __init__(self, api, cache_spec, folder, **env):
        self.api = api
        self.cache_spec = cache_spec
        self.folder = folder
        self.env = {**os.environ, "CHANNEL_ID": CHANNEL_ID, "CHANNEL_SECRET": SECRET,
                    "PYTHONPATH": str(ROOT), **env}
        self.processes = []

    def start(self):
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD, self.api.url, self.cache_spec, str(self.folder)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env, cwd=ROOT)
        self.processes.append(process)
        return process

    def wait_ready(self, count):
        deadline = time.monotonic() + 60
        while len(list(self.folder.glob("ready-*"))) < count:
            assert time.monotonic() < deadline, "the children did not start"
            assert all(p.poll() is None for p in self.processes), self.errors()
            time.sleep(0.02)

    def go(self):
        (self.folder / "go").write_text("")

    def output(self, process, timeout=60):
        out, err = process.communicate(timeout=timeout)
        assert process.returncode == 0, err
        return out.strip()

    def errors(self):
        return [p.stderr.read() for p in self.processes if p.poll() is not None]

    def close(self):
        for process in self.processes:
            if process.poll() is None:
                with suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
            with suppress(subprocess.TimeoutExpired):
                process.communicate(timeout=10)


@pytest.fixture
def api():
    with FakeLineApi() as server:
        register(server)
        yield server


@pytest.fixture
def sqlite_spec(tmp_path):
    return str(tmp_path / "tokens.db")


def run_two_then_one(api, cache_spec, folder):
    """Two processes at once, then a fresh one; return the three hashes."""
    api.fail(Fault.SLOW_ANSWER, path=ISSUE, delay=1.0, times=2)
    with ExitStack() as stack:
        children = Children(api, cache_spec, folder)
        stack.callback(children.close)
        first, second = children.start(), children.start()
        children.wait_ready(2)
        children.go()
        hashes = [children.output(first), children.output(second)]
        third = children.start()
        hashes.append(children.output(third))
    return hashes


def test_two_processes_sharing_a_sqlite_cache_issue_one_token_and_a_fresh_one_reuses_it(
        api, sqlite_spec, tmp_path):
    hashes = run_two_then_one(api, sqlite_spec, tmp_path)
    assert len(api.tokens.issued) == 1
    assert sum(1 for r in api.requests if r.path == ISSUE) == 1
    assert hashes == [digest(api.tokens.issued[0].token)] * 3
    assert SqliteTokenCache(sqlite_spec).get(f"{CHANNEL_ID}:stateless").token \
        == api.tokens.issued[0].token


def test_two_processes_sharing_redis_issue_one_token_and_a_fresh_one_reuses_it(
        api, redis_url, tmp_path):
    hashes = run_two_then_one(api, redis_url, tmp_path)
    assert len(api.tokens.issued) == 1
    assert sum(1 for r in api.requests if r.path == ISSUE) == 1
    assert hashes == [digest(api.tokens.issued[0].token)] * 3


def kill_the_renewer_then_renew(api, cache_spec, folder, **env):
    """A process dies holding the renewal lock; another renews; return its hash and seconds."""
    api.fail(Fault.SLOW_ANSWER, path=ISSUE, delay=120.0, times=1)
    with ExitStack() as stack:
        children = Children(api, cache_spec, folder, **env)
        stack.callback(children.close)
        doomed = children.start()
        children.wait_ready(1)
        children.go()
        deadline = time.monotonic() + 60
        while not any(r.path == ISSUE for r in api.requests):  # it holds the lock now
            assert time.monotonic() < deadline, "the first child never asked for a token"
            time.sleep(0.02)
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=10)
        started = time.monotonic()
        survivor = children.start()
        digest_ = children.output(survivor)
        return digest_, time.monotonic() - started


def test_a_process_killed_while_renewing_releases_the_sqlite_lock(api, sqlite_spec, tmp_path):
    survivor, _ = kill_the_renewer_then_renew(api, sqlite_spec, tmp_path)
    assert len(api.tokens.issued) == 2  # the dead one's answer was lost
    assert survivor == digest(api.tokens.issued[1].token)


def test_a_process_killed_while_renewing_holds_the_redis_lock_until_it_expires(api, tmp_path):
    with running_redis() as server:
        survivor, seconds = kill_the_renewer_then_renew(api, server.url, tmp_path,
                                                        LOCK_TIMEOUT="2")
    assert survivor == digest(api.tokens.issued[1].token)
    assert seconds < 60
