"""Figure 4: memory per decoded event, in a fresh process per contender.

Each process imports its SDK, parses a small body once (so classes, hooks and
caches exist before measuring), then, under ``tracemalloc``, parses a body of
1000 mixed events and keeps the result: the memory still allocated, divided by
1000, is what one decoded event costs while a bot holds it. Contenders:
``linebot_fp``, ``line-bot-sdk v3``, the legacy ``line-bot-sdk 2.4.3`` (in its
own environment) and the floor, ``json.loads`` (the events as plain dicts).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import OFFICIAL, OURS, Figure, Metric, OfficialSdk, official_sdk
from benchmarks.legacy import LEGACY, LegacySdk
from benchmarks.mixed_body import SECRET, body_of, sign

__all__ = ["COUNT", "DICTS", "SCRIPTS", "run", "run_once"]

COUNT = 1000
DICTS = "json.loads (plain dicts)"
ROOT = Path(__file__).resolve().parents[1]

_HARNESS = """\
import gc, sys, tracemalloc
BODY = open(sys.argv[1], "rb").read()
SMALL = open(sys.argv[2], "rb").read()
SECRET = {secret!r}
SIGNATURE, SMALL_SIGNATURE = sys.argv[3], sys.argv[4]
{setup}
parse(SMALL, SMALL_SIGNATURE)
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
events = parse(BODY, SIGNATURE)
gc.collect()
after = tracemalloc.get_traced_memory()[0]
assert len(events) == {count}, len(events)
print((after - before) / len(events))
"""

#: how each contender parses (``parse(body, signature)``), set up in its process
SCRIPTS = {
    DICTS: """\
import json
def parse(body, signature):
    return json.loads(body)["events"]
""",
    OURS: """\
from linebot_fp.webhook import parse as _parse
def parse(body, signature):
    return _parse(body, signature, SECRET)
""",
    OFFICIAL: """\
from linebot.v3 import WebhookParser
_parser = WebhookParser(SECRET)
def parse(body, signature):
    return _parser.parse(body.decode(), signature)
""",
    LEGACY: """\
from linebot import WebhookParser
_parser = WebhookParser(SECRET)
def parse(body, signature):
    return _parser.parse(body.decode(), signature)
""",
}


def run_once(name: str, python: str = sys.executable, count: int = COUNT) -> float:
    """Bytes per decoded event for contender ``name``, in one fresh process."""
    body, small = body_of(count), body_of(10)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "body.json", Path(folder) / "small.json"]
        paths[0].write_bytes(body)
        paths[1].write_bytes(small)
        source = _HARNESS.format(secret=SECRET, setup=SCRIPTS[name], count=count)
        done = subprocess.run([python, "-c", source, *map(str, paths), sign(body), sign(small)],
                              cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{name}: the memory process failed:\n{done.stderr}")
    return float(done.stdout.strip())


def run(*, sdk: OfficialSdk | None = None, legacy: LegacySdk | None = None,
        count: int = COUNT) -> Figure:
    """Bytes per decoded event for every contender that can run here."""
    sdk = official_sdk() if sdk is None else sdk
    legacy = LegacySdk(None, "not asked for") if legacy is None else legacy
    pythons = {OURS: sys.executable, DICTS: sys.executable}
    if sdk.available:
        pythons[OFFICIAL] = sys.executable
    if legacy.available and legacy.python is not None:
        pythons[LEGACY] = legacy.python
    rows = {name: {"bytes_per_event": run_once(name, python, count)}
            for name, python in pythons.items()}
    notes = [f"{count} mixed events kept after parsing, measured with tracemalloc"]
    if not sdk.available:
        notes.append(f"official SDK not measured: {sdk.problem}")
    if not legacy.available:
        notes.append(f"legacy SDK not measured: {legacy.problem}")
    return Figure(key="memory", title="Memory per decoded event (kept after parsing)",
                  metrics=(Metric("bytes_per_event", "bytes per event"),),
                  rows=rows, notes=tuple(notes))
