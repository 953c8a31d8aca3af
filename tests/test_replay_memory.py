"""Replay streams: the memory a run takes does not grow with the file.

The whole command runs in this process under ``tracemalloc`` against a FakeLineApi in a
child process (whose records grow there, not here), once for a file and once for a file
ten times as long: the peaks of what the two runs allocate stay within 1.2x of each other.
Keeping each line's outcome (as replay once did, ~1.6 KB a line) makes the long run's peak
several times the short one's. Nothing is timed. (``benchmarks/replay_memory.py`` measures
1,000 against 100,000 lines, as peak RSS.)
"""

import argparse
import gc
import io
import sys
import tracemalloc
from pathlib import Path

import pytest
from replay_support import fake_api_process, push

from linebot_fp.replay import dump_requests
from linebot_fp.replay.command import TOKEN_VARIABLE, add_arguments, run

ROOT = Path(__file__).resolve().parents[1]

SMALL, LARGE = 300, 3000
FAIL_EVERY = 7  # some lines cannot be read: they go to the failure file as they come


def write_campaign(path, lines):
    with path.open("w", encoding="utf-8") as file:
        for n in range(lines):
            if n % FAIL_EVERY == 0:
                file.write("{not json\n")
            else:
                dump_requests([push(n)], file)
    return path


def fill_tuple_free_lists():
    """Fill the interpreter's free lists of small tuples (2,000 of each size, emptied by a
    full garbage collection), so that refilling them, a bounded cost of the interpreter
    that any program pays over its first few thousand tuples, is not counted as the run's."""
    for size in range(1, 21):
        kept = [tuple([n] * size) for n in range(2100)]
        del kept


def peak_of_a_run(path, url):
    """The peak of what ``replay FILE`` allocates from start to end (bytes), and its summary."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([str(path), "--endpoint", url, "--concurrency", "4"])
    out, err = io.StringIO(), io.StringIO()
    gc.collect()
    fill_tuple_free_lists()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    code = run(args, stdout=out, stderr=err)
    peak = tracemalloc.get_traced_memory()[1] - before
    assert code == 1, err.getvalue()  # the unreadable lines failed
    return peak, out.getvalue()


def test_a_file_ten_times_longer_takes_no_more_memory(tmp_path, monkeypatch):
    monkeypatch.setenv(TOKEN_VARIABLE, "token")
    tracemalloc.start()
    try:
        with fake_api_process() as url:
            peak_of_a_run(write_campaign(tmp_path / "warm.jsonl", 50), url)  # first imports
            small, small_summary = peak_of_a_run(write_campaign(tmp_path / "s.jsonl", SMALL), url)
            large, large_summary = peak_of_a_run(write_campaign(tmp_path / "l.jsonl", LARGE), url)
    finally:
        tracemalloc.stop()
    for lines, summary in ((SMALL, small_summary), (LARGE, large_summary)):
        failed = len(range(0, lines, FAIL_EVERY))
        assert summary.startswith(f"{lines - failed} sent, {failed} failed (written to ")
    assert large <= 1.2 * small, (small, large)


def test_the_benchmark_measures_replays_in_child_processes(tmp_path):
    if not (ROOT / "benchmarks" / "replay_memory.py").is_file():
        pytest.skip("benchmarks/ is not shipped here")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks import replay_memory

    figure = replay_memory.run(sizes=(20, 60), folder=tmp_path)
    assert set(figure.rows) == {"20 lines", "60 lines"}
    assert all(row["peak_rss_mb"] > 0 for row in figure.rows.values())
    [budget] = figure.budgets
    assert budget.ratio is not None
