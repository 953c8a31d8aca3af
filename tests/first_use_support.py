"""Fresh processes that use the models for the first time, for the race and interrupt tests.

Each process is ``python -c <script> <job>``, the job JSON in ``sys.argv[1]``; it
prints one JSON line. The scripts below import ``linebot_fp`` and then do, in that process, the
very first webhook parse or model use: the moment where the import system builds
the classes. Processes run a few at a time, each bounded by a timeout and killed
by its pid if it outlives it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterable
from typing import Any

from model_samples import sample

from linebot_fp.codec import unstructure
from linebot_fp.models import Event

__all__ = ["EVENT_JSON", "EXPECTED", "run_many"]

#: wire tag -> "module:Class" of every event kind, from the events' table
EXPECTED: dict[str, str] = dict(Event.family)
#: wire tag -> one event of that kind as LINE would send it
EVENT_JSON: dict[str, dict[str, Any]] = {
    tag: unstructure(sample(cls)) for tag, cls in Event.family.members().items()
}


def run_many(script: str, jobs: Iterable[dict[str, Any]], *, parallel: int = 3,
             timeout: float = 60.0) -> list[dict[str, Any]]:
    """Run ``script`` once per job, ``parallel`` processes at a time; their JSON outputs."""
    pending = list(jobs)
    running: list[tuple[subprocess.Popen[str], float]] = []
    results: list[dict[str, Any]] = []
    try:
        while pending or running:
            while pending and len(running) < parallel:
                job = pending.pop(0)
                process = subprocess.Popen([sys.executable, "-c", script, json.dumps(job)],
                                           text=True, stdout=subprocess.PIPE,
                                           stderr=subprocess.PIPE)
                running.append((process, time.monotonic() + timeout))
            process, deadline = running[0]
            try:
                out, err = process.communicate(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
                raise AssertionError(f"a first-use process outlived {timeout} s") from None
            running.pop(0)
            assert process.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for process, _ in running:
            process.kill()
            process.communicate()
    return results
