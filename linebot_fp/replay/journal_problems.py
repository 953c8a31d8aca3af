"""What went wrong with a replay journal, said in one line that names the file and what to do.

A journal is what keeps a rerun from sending a line twice, so every message
here keeps the user from deleting one that can still be used: a journal that
cannot be *written* (its folder or the file is read-only) is said to be fine
but unwritable, never "not a journal". :func:`journal_problem` turns the
``sqlite3`` error met while opening or writing a journal into a
:class:`JournalError`. This module performs no I/O but a probe of whether a
folder can take a new file.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

__all__ = ["JournalError", "journal_problem", "writable_folder"]


class JournalError(ValueError):
    """A replay journal that cannot be used; ``str()`` is one line naming ``path`` and what
    to do, and ``kind`` says which problem it is (``"locked"``, ``"damaged"``,
    ``"read_only_folder"``, ``"read_only_file"``, ``"missing_folder"``, ``"not_a_journal"``,
    ``"newer"``, ``"other"``)."""

    def __init__(self, path: Path, kind: str, message: str) -> None:
        super().__init__(" ".join(message.split()))  # one line, whatever SQLite said
        self.path = path
        self.kind = kind


def writable_folder(folder: Path) -> bool:
    """Whether a new file can be made in ``folder`` (tried, not guessed from its mode bits,
    which say nothing for root or an immutable folder)."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".replay-probe-"):
            return True
    except OSError:
        return False


def journal_problem(path: Path, error: sqlite3.Error, *, existed: bool,
                    opening: bool) -> JournalError:
    """The :class:`JournalError` for ``error``, met on the journal ``path`` while opening it
    (``opening``) or while a run wrote to it; ``existed`` says whether the file was there
    before the journal was opened."""
    text = str(error)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return JournalError(path, "locked", (
            f"the journal {path} is in use by another replay of the same file: wait for "
            f"that run to end (or stop it), then run again"))
    if "not a database" in lowered:
        return JournalError(path, "not_a_journal", (
            f"{path} is not an SQLite database, so not a replay journal (another file, or a "
            f"journal damaged beyond reading): give the journal another path, or move this "
            f"file aside if it is a damaged journal"))
    if "malformed" in lowered or "corrupt" in lowered:
        return _damaged(path, text, opening=opening)
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered \
            or "disk i/o" in lowered:
        unwritable = _unwritable(path, existed=existed)
        if unwritable is not None:
            return unwritable
    if "disk is full" in lowered:
        return JournalError(path, "other", (
            f"the journal {path} cannot grow: the disk is full; free some space, then run "
            f"again{_stopped(opening)}"))
    return JournalError(path, "other", (
        f"the journal {path} cannot be {'opened' if opening else 'written'} ({text}); "
        f"fix that, then run again{_stopped(opening)}"))


def _damaged(path: Path, detail: str, *, opening: bool) -> JournalError:
    sent = "nothing was sent" if opening else "the run stopped"
    return JournalError(path, "damaged", (
        f"the journal {path} is damaged ({detail}); {sent}. Restore it from a backup if "
        f"there is one; moving it aside starts afresh, and the lines it recorded may then "
        f"be sent twice"))


def _unwritable(path: Path, *, existed: bool) -> JournalError | None:
    folder = path.parent
    if not folder.is_dir():
        return JournalError(path, "missing_folder", (
            f"cannot create the journal {path}: the folder {folder} does not exist; create "
            f"it, or give the journal a path in an existing folder"))
    if not writable_folder(folder):
        if not existed:
            return JournalError(path, "read_only_folder", (
                f"cannot create the journal {path}: the folder {folder} is read-only; make "
                f"it writable, or give the journal a path in a writable folder"))
        return JournalError(path, "read_only_folder", (
            f"the journal {path} cannot be written: its folder {folder} is read-only and "
            f"SQLite needs to add {path.name}-wal beside it; make the folder writable, or "
            f"copy the journal into a writable folder and use the copy (keep it: it records "
            f"what was sent)"))
    if existed and not os.access(path, os.W_OK):
        return JournalError(path, "read_only_file", (
            f"the journal {path} is read-only; make it writable (keep it: it records what "
            f"was sent)"))
    return None


def _stopped(opening: bool) -> str:
    return "" if opening else (
        " (the run stopped: lines in flight stay recorded as in flight, and a rerun resends "
        "them only where that is safe)")
