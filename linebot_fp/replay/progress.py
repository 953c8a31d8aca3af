"""Progress of a replay: lines done of the total, rate, time left.

On a terminal it is one live bar redrawn in place; anywhere else (a log, a
pipe, CI) it is a plain line every tenth of the file and at least every
``every`` seconds. It keeps counters only.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TextIO

from linebot_fp.replay.runner import Outcome, Status

__all__ = ["Progress", "duration"]

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1


def duration(seconds: float) -> str:
    """``H:MM:SS`` (``?`` when not known)."""
    if not math.isfinite(seconds) or seconds < 0:
        return "?"
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class Progress:
    """Counts settled lines and shows how far the replay is.

    ``total`` is the number of lines to settle; ``stream`` where to write
    (stderr); ``live`` draws a bar redrawn in place (for a terminal);
    ``every`` is the longest pause between two plain lines, in seconds;
    ``shown=False`` counts without showing anything but :meth:`note`.
    """

    def __init__(self, total: int, stream: TextIO, *, live: bool, every: float = 10.0,
                 clock: Callable[[], float] = time.monotonic, shown: bool = True) -> None:
        self.total = total
        self.shown = shown
        self.done = 0
        self.failed = 0
        self._sent = 0  # lines that went to the API this run: they set the rate
        self._stream = stream
        self._live = live
        self._every = every
        self._clock = clock
        self._started = clock()
        self._shown_at = self._started
        self._shown_done = 0
        self._step = max(1, math.ceil(total / 10))

    def __call__(self, outcome: Outcome) -> None:
        """Count ``outcome`` and show progress when it is time to."""
        self.done += 1
        self.failed += not outcome.ok
        self._sent += outcome.status in (Status.SENT, Status.FAILED, Status.UNKNOWN)
        if not self.shown:
            return
        now = self._clock()
        if self._live:
            if now - self._shown_at >= REDRAW_SECONDS or self.done == self.total:
                self._show(now)
        elif (self.done // self._step > self._shown_done // self._step
              or now - self._shown_at >= self._every or self.done == self.total):
            self._show(now)

    def note(self, text: str) -> None:
        """Write one line of ``text`` (a failed line), keeping the live bar below it."""
        if self._live and self._shown_done:
            self._stream.write("\r\x1b[K")  # the bar goes; it comes back with the next figures
        self._stream.write(text + "\n")
        self._stream.flush()

    def close(self) -> None:
        """End the display: the last figures, and the bar's line ended."""
        if not self.shown:
            return
        if self.done != self._shown_done:
            self._show(self._clock())
        if self._live and self._shown_done:
            self._stream.write("\n")
            self._stream.flush()

    def rate(self, now: float) -> float:
        """Lines sent per second so far."""
        elapsed = now - self._started
        return self._sent / elapsed if elapsed > 0 else 0.0

    def _show(self, now: float) -> None:
        rate = self.rate(now)
        remaining = self.total - self.done
        left = duration(remaining / rate if rate else 0.0 if remaining <= 0 else math.inf)
        figures = f"{self.done}/{self.total}"
        if self._live:
            filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self._stream.write(f"\r[{bar}] {figures} lines  {rate:.1f}/s  {left} left  "
                               f"{self.failed} failed ")
        else:
            self._stream.write(f"progress: {figures} done, {self.failed} failed, "
                               f"{rate:.1f}/s, {left} left\n")
        self._stream.flush()
        self._shown_at, self._shown_done = now, self.done
