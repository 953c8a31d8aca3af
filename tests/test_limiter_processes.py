"""Two processes sharing one RedisLimiter (a real redis-server) stay under the tier together.

Each process is a child started here and stopped by its pid at the end, even when the
test fails; both say when they are ready and then wait for a start flag, so they
compete for the same windows.
"""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import pytest
from test_limiter import most_in_any_window

from linebot_fp.testing import FakeLineApi

WORKER = Path(__file__).with_name("limiter_worker.py")


def start_workers(stack, flag, *args_of_each):
    env = {**os.environ, "START_FLAG": str(flag),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(WORKER.parent.parent),
                                                         os.environ.get("PYTHONPATH")]))}
    children = []
    for args in args_of_each:
        child = subprocess.Popen([sys.executable, str(WORKER), *map(str, args)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=env)
        stack.callback(stop, child)
        children.append(child)
    for _ in range(1200):  # at most ~60 s for both to be ready
        if len(list(flag.parent.glob(f"{flag.name}.ready.*"))) == len(children) \
                or any(child.poll() is not None for child in children):
            break
        time.sleep(0.05)
    flag.touch()
    return children


def stop(child):
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)


def outputs(children):
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        results.append(out.split())
    return results


def test_two_processes_share_the_windows_of_one_redis_limiter(redis_url, tmp_path):
    with ExitStack() as stack:
        children = start_workers(stack, tmp_path / "go", ("grants", redis_url, 30, 20, 1.0),
                                 ("grants", redis_url, 30, 20, 1.0))
        first, second = outputs(children)
    times = [float(t) for t in first + second]
    assert len(times) == 60
    assert most_in_any_window(times, 1.0) <= 20
    assert max(times) - min(times) >= 2.0  # 60 slots at 20 a second: three windows at least
    assert min(len(first), len(second)) == 30
    one, other = [float(t) for t in first], [float(t) for t in second]
    assert min(one) < max(other)
    assert min(other) < max(one)


def test_two_processes_sending_through_a_shared_limiter_meet_no_429(redis_url, tmp_path):
    with FakeLineApi(enforce_limits=True) as api, ExitStack() as stack:
        children = start_workers(stack, tmp_path / "go",
                                 ("send", redis_url, 150, api.url, 0.5),
                                 ("send", redis_url, 150, api.url, 0.5))
        assert outputs(children) == [["done"], ["done"]]
        counted = [moment for moment, endpoint in api.limits.counted if endpoint == "multicast"]
    assert len(api.accepted) == 300 == len(api.requests)
    assert most_in_any_window(counted, 1.0) <= 200
    senders = Counter(r.json()["to"][0].split("x")[0] for r in api.accepted)
    assert sorted(senders.values()) == [150, 150]
    assert max(counted) - min(counted) >= 1.5  # 300 at the shared 100 a second


if sys.platform == "win32":
    pytestmark = pytest.mark.skip(reason="POSIX kill of the children")
