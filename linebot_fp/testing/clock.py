"""``FakeClock``: time that moves only when a test says so.

One clock can drive both sides of a test: ``FakeLineApi(clock=clock)`` issues
tokens, counts rate windows and quotas on it, and the SDK's own clocked parts
(token providers, the limiter, replay's journal) take the same object where they
take ``clock=`` (``time.time`` by default) and ``sleep=`` (``time.sleep``)::

    clock = FakeClock()
    with FakeLineApi(clock=clock) as api:
        ...
        clock.advance(15 * 60)   # a quarter of an hour later, instantly

Thread-safe; it never goes backwards. This module performs no I/O.
"""

from __future__ import annotations

import math
import threading

__all__ = ["FakeClock"]

#: 2026-01-01T00:00:00Z: a fixed start, so runs repeat exactly
DEFAULT_START = 1_767_225_600.0


class FakeClock:
    """Seconds since the epoch, as ``time.time()`` gives them, moved by the test.

    Call it (``clock()``) for the current time; :meth:`advance` (or :meth:`sleep`,
    the same thing, so it can stand for ``time.sleep``) moves it forward. Its
    :meth:`monotonic` is the same reading, for code that wants ``time.monotonic``.
    """

    def __init__(self, start: float = DEFAULT_START) -> None:
        self._now = _seconds("start", start)
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self._now

    def monotonic(self) -> float:
        """The current reading (a fake clock never goes backwards)."""
        return self._now

    def advance(self, seconds: float) -> float:
        """Move forward by ``seconds`` (>= 0); return the new time."""
        seconds = _seconds("seconds", seconds)
        with self._lock:
            self._now += seconds
            return self._now

    def sleep(self, seconds: float) -> None:
        """Stand-in for ``time.sleep``: the time passes at once."""
        self.advance(max(seconds, 0.0))

    def __repr__(self) -> str:
        return f"FakeClock({self._now!r})"


def _seconds(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) or value < 0:
        raise ValueError(f"FakeClock {name} must be a finite number >= 0, got {value!r}")
    return float(value)
