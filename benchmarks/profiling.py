"""Where our time goes: ``cProfile`` over our parse and build paths, and
``python -X importtime`` over our cold start.

For each hot path it reports the top functions by own time (per operation, with
their share of the total) and the time by area of the code (codec, models,
webhook, builders, ``json``, signature, ...). Time spent in built-ins
(``isinstance``, ``dict.get``, ...) is charged to the area of the code that
called them, in proportion to the calls. Profiling slows Python code down more
than C code, so shares matter here, not absolute times.

For the cold start it reports the import time of each module (its own time,
without the modules it imports), averaged over a few fresh processes and
grouped by area; what remains of the script's time is the work itself.
"""

from __future__ import annotations

import cProfile
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import builds, cold_start, parse_throughput
from benchmarks.common import OURS
from benchmarks.mixed_body import EVENT_COUNT, ONE_EVENT_BODY, SECRET, sign

__all__ = [
    "PATHS",
    "PHASES",
    "area",
    "cold_start_imports",
    "import_area",
    "label",
    "profile",
    "run",
]

#: the paths profiled: name -> (operation factory, what one operation is)
PATHS: dict[str, tuple[Callable[[], Callable[[], Any]], str]] = {
    "parse": (parse_throughput.ours, f"one mixed body ({EVENT_COUNT} events)"),
    "push_build": (lambda: builds.builders(OURS)["push"],
                   "one push request (text + 3 quick replies)"),
    "flex_build": (lambda: builds.builders(OURS)["flex"],
                   f"one push of a flex carousel ({builds.BUBBLES} bubbles x 22 components)"),
}

_AREAS = (
    # (area, substrings of the file name that belong to it); the first match wins
    ("codec (converter + generated hooks)", ("linebot_fp/codec.py", "<structure ",
                                              "<unstructure ", "cattrs generated", "/cattrs/")),
    ("models (__init__, __post_init__, checks)", ("linebot_fp/models/", "<post_init ",
                                                  "<init ", "<string>")),
    ("webhook.py", ("linebot_fp/webhook.py",)),
    ("api builders (_build.py, messaging.py)", ("linebot_fp/api/",)),
    ("request.py (Request, Headers)", ("linebot_fp/request.py",)),
    ("json (stdlib)", ("/json/",)),
    ("signature (hmac, base64)", ("/hmac.py", "/base64.py")),
    ("benchmark loop", ("benchmarks/",)),
)

_Key = tuple[str, int, str]
_SECONDS_PER_PATH = 2.0  # unprofiled time each path gets at most: slow paths run fewer times


def label(key: _Key) -> str:
    """``file:line(function)`` with the file shortened to what a reader needs."""
    filename, line, function = key
    if filename == "~":
        return re.sub(r" at 0x[0-9a-f]+", "", function)  # no addresses: stable across runs
    for marker in ("linebot_fp/", "site-packages/", "benchmarks/"):
        if marker in filename:
            short = marker + filename.split(marker, 1)[1]
            return f"{short.removeprefix('site-packages/')}:{line}({function})"
    if "/lib/python" in filename:
        return f"stdlib {filename.split('/lib/python', 1)[1].split('/', 1)[1]}:{line}({function})"
    return f"{filename}:{line}({function})"


def area(filename: str) -> str:
    """The area of the code a file belongs to (see ``_AREAS``)."""
    for name, markers in _AREAS:
        if any(marker in filename for marker in markers):
            return name
    return "other"


def profile(operation: Callable[[], Any], calls: int, *, top: int = 12,
            dump: Path | None = None) -> dict[str, Any]:
    """Profile ``calls`` runs of ``operation`` (after one warm-up); per-operation figures."""
    operation()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        operation()
    profiler.disable()
    if dump is not None:
        dump.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(dump)
    table: dict[_Key, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in table.values()) or 1e-12
    by_area: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, callers) in table.items():
        if filename != "~":
            by_area[area(filename)] += own
            continue
        from_callers = {caller: data[2] for caller, data in callers.items()}
        charged = sum(from_callers.values()) or 1e-12
        for caller, part in from_callers.items():
            by_area[area(caller[0])] += own * part / charged
    ranked = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return {
        "calls": calls,
        "total_us_per_op": total / calls * 1e6,
        "by_area": [
            {"area": name, "us_per_op": seconds / calls * 1e6, "share": seconds / total}
            for name, seconds in sorted(by_area.items(), key=lambda item: -item[1])
        ],
        "top": [
            {"function": label(key), "calls_per_op": every_call / calls,
             "own_us_per_op": own / calls * 1e6, "cumulative_us_per_op": cumulative / calls * 1e6,
             "share": own / total}
            for key, (_, every_call, own, cumulative, _) in ranked
        ],
    }


def run(*, calls: int = 20000, top: int = 12, cold_runs: int = 5,
        dump_dir: Path | None = None) -> dict[str, Any]:
    """Profile every path of ``PATHS`` and the cold start; ``.prof`` files go to ``dump_dir``."""
    results: dict[str, Any] = {}
    for name, (make, unit) in PATHS.items():
        dump = None if dump_dir is None else dump_dir / f"profile_{name}.prof"
        operation = make()
        started = time.perf_counter()
        operation()
        once = time.perf_counter() - started
        budgeted = min(calls, max(2, int(_SECONDS_PER_PATH / max(once, 1e-9))))  # ~2 s a path
        results[name] = {"operation": unit, **profile(operation, budgeted, top=top, dump=dump)}
    results["cold_start"] = cold_start_imports(cold_runs)
    return results


def import_area(module: str) -> str:
    """The area of a module for the cold-start breakdown."""
    if module.startswith("linebot_fp.models.") and module != "linebot_fp.models._base":
        return "linebot_fp model modules (their classes, created as each module is imported)"
    if module.startswith("linebot_fp.api.") and module not in ("linebot_fp.api._build",
                                                               "linebot_fp.api._registry"):
        return "linebot_fp builder modules"
    if module == "linebot_fp" or module.startswith("linebot_fp."):
        return "linebot_fp core (codec, _base, webhook, request, errors, _build, __init__s)"
    if module.split(".")[0] in ("cattrs", "attr", "attrs", "typing_extensions", "exceptiongroup"):
        return "cattrs + attrs (+ typing_extensions)"
    return "standard library"


_PHASES = """\
import time, sys
BODY = {body!r}
SIGNATURE = {signature!r}
SECRET = {secret!r}
marks = [time.perf_counter()]
from linebot_fp.api import reply_message
marks.append(time.perf_counter())
from linebot_fp.models import TextSendMessage
marks.append(time.perf_counter())
from linebot_fp.webhook import parse
marks.append(time.perf_counter())
events = parse(BODY, SIGNATURE, SECRET)
marks.append(time.perf_counter())
request = reply_message(events[0].reply_token, TextSendMessage(text="Hello, world"))
marks.append(time.perf_counter())
print(*[(after - before) * 1000 for before, after in zip(marks, marks[1:])])
print(*sorted(sys.modules))
"""

#: the steps of our cold-start script, as ``_PHASES`` times them
PHASES = (
    "from linebot_fp.api import reply_message",
    "from linebot_fp.models import TextSendMessage",
    "from linebot_fp.webhook import parse",
    "first parse (the event's modules imported, readers generated)",
    "first reply_message (writers generated)",
)


def cold_start_imports(runs: int = 5, python: str = sys.executable, *,
                       top: int = 15) -> dict[str, Any]:
    """Our cold-start steps, timed, and ``-X importtime``'s own time per module and area.

    ``-X importtime`` does not see modules loaded through ``importlib.import_module``
    (our lazy re-exports use it); those are listed as ``not_itemised`` and their
    time is inside the step that loaded them.
    """
    source = _PHASES.format(body=ONE_EVENT_BODY, signature=sign(ONE_EVENT_BODY), secret=SECRET)
    steps: list[list[float]] = []
    own: dict[str, list[float]] = defaultdict(list)
    loaded: set[str] = set()
    for index in range(max(runs, 1) + 1):
        done = subprocess.run([python, "-X", "importtime", "-c", source], cwd=cold_start.ROOT,
                              capture_output=True, text=True, check=True)
        if index == 0:
            continue  # the first run only warms the caches
        times, modules = done.stdout.splitlines()
        steps.append([float(ms) for ms in times.split()])
        loaded.update(modules.split())
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _cumulative, name = line.removeprefix("import time:").split("|")
            own[name.strip()].append(float(self_us) / 1000)
    modules_ms = {name: statistics.mean(times) for name, times in own.items()}
    by_area: dict[str, float] = defaultdict(float)
    for name, ms in modules_ms.items():
        by_area[import_area(name)] += ms
    ranked = sorted(modules_ms.items(), key=lambda item: -item[1])
    step_ms = [statistics.median(taken[i] for taken in steps) for i in range(len(PHASES))]
    total = sum(step_ms)
    return {
        "runs": max(runs, 1),
        "note": "times under -X importtime, which adds some overhead of its own",
        "in_process_ms": total,
        "steps": [{"step": step, "ms": ms, "share": ms / total}
                  for step, ms in zip(PHASES, step_ms, strict=True)],
        "imports_by_area": [
            {"area": name, "ms": ms, "share": ms / total}
            for name, ms in sorted(by_area.items(), key=lambda item: -item[1])
        ],
        "top_modules": [{"module": name, "own_ms": ms} for name, ms in ranked[:top]],
        "not_itemised": sorted(name for name in loaded - set(own)
                               if name.startswith("linebot_fp")),
    }
