"""What the replay tests share: the requests they store, reading back what was delivered, and
journals in trouble (a read-only folder, damaged pages)."""

import random
import shutil
import subprocess
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
