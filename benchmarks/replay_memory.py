"""Figure: the peak memory of ``python -m linebot_fp replay`` as the file grows.

A file of ``N`` keyed pushes is replayed by the command, in a child process,
through a ``FakeLineApi`` on 127.0.0.1 (in this process: its records grow
here, not in the replay), with ``--concurrency 4`` and a fresh journal. The
figure is the child's peak resident set (``ru_maxrss`` of that child alone,
from ``os.wait4``) for 1,000 and for 100,000 lines: replay reads lines as it
sends them, keeps outcomes in the journal and failures in the failure file, so
the long file must peak within 1.2x of the short one. (Replay once kept every
outcome, about 1.6 KB a line: 100,000 lines peaked near 200 MB.) POSIX only.

    python -m benchmarks.replay_memory [--lines 1000 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import Budget, Figure, Metric

__all__ = ["SIZES", "measure", "run"]

SIZES = (1_000, 100_000)
#: ``--quick``: a first look, in seconds (too short a file to show much growth)
QUICK_SIZES = (200, 2_000)
CONCURRENCY = 4


def _row(lines: int) -> str:
    return f"{lines:,} lines"


def write_campaign(path: Path, lines: int) -> Path:
    """A replay file of ``lines`` keyed pushes, written a line at a time."""
    from linebot_fp.api import push_message
    from linebot_fp.models import TextSendMessage
    from linebot_fp.replay import dump_requests

    with path.open("w", encoding="utf-8") as file:
        dump_requests((push_message(f"U{n:032x}", TextSendMessage(text=f"hello {n}"))
                       for n in range(lines)), file)
    return path


def measure(lines: int, folder: Path) -> dict[str, float]:
    """Replay a file of ``lines`` pushes in a child process: its peak RSS (MB), the time it
    took (s) and its rate (lines/s)."""
    from linebot_fp.testing import FakeLineApi

    path = write_campaign(folder / f"campaign-{lines}.jsonl", lines)
    env = {**os.environ, "LINE_CHANNEL_ACCESS_TOKEN": "benchmark-token"}
    with FakeLineApi() as api:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "linebot_fp", "replay", str(path), "--endpoint", api.url,
             "--concurrency", str(CONCURRENCY)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            if child.poll() is None:  # interrupted while waiting: stop it by its pid
                child.kill()
                child.wait()
        elapsed = time.perf_counter() - started
        assert child.stdout is not None
        summary = child.stdout.read().decode()
        child.stdout.close()
        if os.waitstatus_to_exitcode(status) != 0 or len(api.accepted) != lines:
            raise AssertionError(f"the replay of {lines} lines did not send them all: "
                                 f"{summary.strip()!r}")
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {"peak_rss_mb": peak, "seconds": elapsed, "lines_per_s": lines / elapsed}


def run(*, sizes: Sequence[int] | None = None, folder: Path | None = None,
        quick: bool = False) -> Figure:
    """The peak RSS of a replay of each size (:data:`SIZES`; :data:`QUICK_SIZES` when
    ``quick``); the budget compares the largest to the smallest."""
    sizes = sizes or (QUICK_SIZES if quick else SIZES)
    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        where = folder or Path(scratch)
        for lines in sizes:
            rows[_row(lines)] = measure(lines, where)
    smallest, largest = _row(min(sizes)), _row(max(sizes))
    ratio = rows[largest]["peak_rss_mb"] / rows[smallest]["peak_rss_mb"]
    return Figure(
        key="replay_memory",
        title=f"Replay memory: peak RSS of `python -m linebot_fp replay` "
              f"(FakeLineApi, --concurrency {CONCURRENCY})",
        metrics=(Metric("peak_rss_mb", "peak RSS (MB)", 1), Metric("seconds", "seconds", 1),
                 Metric("lines_per_s", "lines/s")),
        rows=rows,
        reference=smallest,
        budgets=(Budget(f"replay: peak RSS of {largest} <= 1.2x that of {smallest}",
                        ratio, 1.2, at_least=False),),
        notes=("ratios against the shortest file; the peak includes the interpreter, "
               "urllib3 and SQLite, which every run pays once",),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.replay_memory",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, nargs="+", default=list(SIZES),
                        help="file sizes to replay (default: 1000 100000)")
    args = parser.parse_args(argv)
    figure = run(sizes=args.lines)
    for name, row in figure.rows.items():
        print(f"{name:>16}: peak RSS {row['peak_rss_mb']:.1f} MB, {row['seconds']:.1f} s, "
              f"{row['lines_per_s']:,.0f} lines/s")
    [budget] = figure.budgets
    print(f"{budget.text}: {budget.ratio:.3f} ({'met' if budget.met else 'NOT met'})")
    return 0 if budget.met else 1


if __name__ == "__main__":
    raise SystemExit(main())
