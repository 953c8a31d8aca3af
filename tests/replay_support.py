"""What the replay tests share: the requests they store, reading back what was delivered, and
journals in trouble (a read-only folder, damaged pages)."""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager

import pytest

from linebot_fp.api import push_message, reply_message
from linebot_fp.models import TextSendMessage


def push(n):
    """A push whose text is ``hi <n>`` (it accepts a retry key)."""
    return push_message(f"U{n}", TextSendMessage(text=f"hi {n}"))


def reply(n):
    """A reply whose text is ``re <n>`` (it accepts no retry key)."""
    return reply_message(f"token{n}", TextSendMessage(text=f"re {n}"))


def texts(requests):
    """The first message text of each recorded request, sorted."""
    return sorted(r.json()["messages"][0]["text"] for r in requests)


@contextmanager
def read_only_folder(folder):
    """``folder`` made read-only for this process while the block runs, even for root (which
    mode bits do not stop: the folder is then made immutable with ``chattr +i``); the test
    is skipped where neither works."""
    folder.chmod(0o555)
    immutable = False
    if _can_write_in(folder) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True,
                                   timeout=30).returncode == 0
    try:
        if _can_write_in(folder):
            pytest.skip("this machine cannot make a folder read-only for this user")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True, timeout=30)
        folder.chmod(0o755)


def _can_write_in(folder):
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def damage(path, *, page_size=4096, first_page=2):
    """Write garbage over the pages of the SQLite file ``path`` from ``first_page`` on (its
    header, page 1, is left whole: the file still opens as a database, with pages that are
    not what they say)."""
    size = path.stat().st_size
    assert size > first_page * page_size, "too small a file to damage"
    garbage = random.Random(7).randbytes(size - first_page * page_size)
    with path.open("r+b") as file:
        file.seek(first_page * page_size)
        file.write(garbage)
    return path


_SERVE = """
import sys
from linebot_fp.testing import FakeLineApi
with FakeLineApi() as api:
    print(api.url, flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@contextmanager
def fake_api_process():
    """A FakeLineApi in a child process (its records grow there, not in the test's memory);
    yields its URL. The child is stopped by its pid at the end, even when the test fails."""
    child = subprocess.Popen([sys.executable, "-c", _SERVE], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        url = child.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        child.stdin.close()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        child.stdout.close()
