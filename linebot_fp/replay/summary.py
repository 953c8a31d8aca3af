"""What a replay run tells its user, kept as counters and a file, never as a list of outcomes.

:class:`Tally` counts the outcomes of a run by status (and notes the error
that spent the month's quota, if one did); :class:`FailureFile` writes each
failed line to the failure file as it settles, itself a replay file. This
module performs no I/O but on the failure file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from linebot_fp.replay.files import describe_error, failure_line
from linebot_fp.replay.runner import Outcome, Status, quota_spent

__all__ = ["FailureFile", "Tally"]


class Tally:
    """Outcomes counted by :class:`~linebot_fp.replay.runner.Status`."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(Status, 0)
        self.settled = 0
        #: the ``QuotaExceededError`` that stopped the run, if one did
        self.quota_error: Exception | None = None

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.settled += 1
        if self.quota_error is None and quota_spent(outcome.error):
            self.quota_error = outcome.error

    @property
    def failed(self) -> int:
        """Lines not delivered: failed, of unknown outcome, or held."""
        return self.counts[Status.FAILED] + self.counts[Status.UNKNOWN] + self.counts[Status.HELD]


class FailureFile:
    """The failure file at ``path``, written a line at a time as failures come.

    It is opened (replacing an earlier run's) at the first failure, so a run
    without one leaves it as it was; each record is flushed as written. Lines
    that were not UTF-8 go back as the bytes they were.
    """

    def __init__(self, path: Path, redact: Callable[[str], str] = str) -> None:
        self.path = path
        self.written = 0
        self._redact = redact
        self._file: IO[str] | None = None

    def write(self, outcome: Outcome) -> None:
        if self._file is None:
            self._file = self.path.open("w", encoding="utf-8", errors="surrogateescape")
        self._file.write(self._record(outcome) + "\n")
        self._file.flush()
        self.written += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def _record(self, outcome: Outcome) -> str:
        error: dict[str, Any] = {"outcome": outcome.status.value}
        if outcome.error is not None:
            error.update(describe_error(outcome.error))
        error["message"] = self._redact(outcome.detail)
        return failure_line(outcome.line, outcome.request, outcome.text, error)
