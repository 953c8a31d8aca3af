"""Figure 1: cold start, a fresh Python process each time (what a serverless host pays).

Each run starts ``python -c <script>`` and, in that one process: imports the SDK,
verifies and parses a one-event signed webhook, and builds the reply request's
body bytes, without sending anything:

* ``linebot_fp``: ``webhook.parse`` then ``api.reply_message(token, TextSendMessage(...))``;
* ``line-bot-sdk v3``: ``WebhookParser.parse`` then ``ReplyMessageRequest(...).to_json()``;
* ``line-bot-sdk 2.4.3 (legacy)``, in its own environment (see :mod:`benchmarks.legacy`):
  ``WebhookParser.parse`` then the body ``LineBotApi.reply_message`` would send
  (``as_json_dict()`` of the message, ``json.dumps``);
* ``python (empty)``: the same script with no work, the interpreter's own floor.

Every contender loads bytecode, as an installed package does: our package is
compiled with ``compileall`` first (pip compiles the SDKs when it installs them).

Reported per contender, as the median over ``runs`` processes (after one untimed
warm-up process that also writes the bytecode caches): the wall time of the whole
process as seen from outside (interpreter start and exit included), the time of
the script's work inside it (imports included), its peak RSS and how many modules
it had loaded. Peak RSS is ``VmHWM`` from ``/proc/self/status`` on Linux, the
process's own high-water mark; ``ru_maxrss`` is used elsewhere only, because Linux
carries the parent's peak across ``exec`` into it. Contenders take turns run by
run, so a noisy moment hurts them alike.

Budget: at most 0.07x the official SDK's wall time and 0.6x the legacy SDK's, and
at most 0.3x the official SDK's peak RSS.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import (
    OFFICIAL,
    OURS,
    Budget,
    Figure,
    Metric,
    OfficialSdk,
    official_sdk,
    ratio,
)
from benchmarks.legacy import LEGACY, LegacySdk
from benchmarks.mixed_body import ONE_EVENT_BODY, REPLY_TOKEN, SECRET, sign

__all__ = ["EMPTY", "SCRIPTS", "child_source", "compile_ours", "run", "run_once"]

EMPTY = "python (empty)"
ROOT = Path(__file__).resolve().parents[1]

_HARNESS = """\
import time
_start = time.perf_counter()
BODY = {body!r}
SIGNATURE = {signature!r}
SECRET = {secret!r}
{work}
_elapsed = time.perf_counter() - _start
import sys
try:  # the peak of this program alone: ru_maxrss would count the parent's pages before exec
    with open("/proc/self/status") as _status:
        _rss_mb = next(int(line.split()[1]) for line in _status if line.startswith("VmHWM")) / 1024
except OSError:
    import resource
    _rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _rss_mb = _rss / 2**20 if sys.platform == "darwin" else _rss / 2**10
print(_elapsed * 1000, _rss_mb, len(sys.modules), "urllib3" in sys.modules)
"""

#: the work each contender does in its fresh process; each ends by checking its result
SCRIPTS = {
    EMPTY: """\
assert BODY and SIGNATURE and SECRET
""",
    OURS: """\
from linebot_fp.api import reply_message
from linebot_fp.models import TextSendMessage
from linebot_fp.webhook import parse

events = parse(BODY, SIGNATURE, SECRET)
request = reply_message(events[0].reply_token, TextSendMessage(text="Hello, world"))
assert request.body and events[0].reply_token == {reply_token!r}
""",
    OFFICIAL: """\
from linebot.v3 import WebhookParser
from linebot.v3.messaging import ReplyMessageRequest, TextMessage

events = WebhookParser(SECRET).parse(BODY.decode(), SIGNATURE)
request = ReplyMessageRequest(reply_token=events[0].reply_token,
                              messages=[TextMessage(text="Hello, world")])
body = request.to_json().encode()
assert body and events[0].reply_token == {reply_token!r}
""",
    LEGACY: """\
import json
from linebot import WebhookParser
from linebot.models import TextSendMessage

events = WebhookParser(SECRET).parse(BODY.decode(), SIGNATURE)
body = json.dumps({{"replyToken": events[0].reply_token,
                   "messages": [TextSendMessage(text="Hello, world").as_json_dict()],
                   "notificationDisabled": False}}).encode()
assert body and events[0].reply_token == {reply_token!r}
""",
}


def child_source(name: str) -> str:
    """The whole script a fresh process runs for contender ``name``."""
    work = SCRIPTS[name].format(reply_token=REPLY_TOKEN)
    return _HARNESS.format(body=ONE_EVENT_BODY, signature=sign(ONE_EVENT_BODY), secret=SECRET,
                           work=work)


def run_once(name: str, python: str = sys.executable) -> dict[str, float]:
    """One fresh process for ``name``: wall ms, in-process ms, peak RSS MB, modules loaded."""
    source = child_source(name)
    start = time.perf_counter()
    done = subprocess.run([python, "-c", source], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{name}: the cold-start process failed:\n{done.stderr}")
    inside_ms, rss_mb, modules, urllib3_loaded = done.stdout.split()
    return {"wall_ms": wall * 1000, "work_ms": float(inside_ms), "peak_rss_mb": float(rss_mb),
            "modules": float(modules), "urllib3_loaded": float(urllib3_loaded == "True")}


def compile_ours(python: str = sys.executable) -> None:
    """Compile ``linebot_fp`` to bytecode, as installing it from a wheel would."""
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "linebot_fp")], check=True,
                   capture_output=True)


def run(*, runs: int = 10, sdk: OfficialSdk | None = None, legacy: LegacySdk | None = None,
        python: str = sys.executable) -> Figure:
    """``runs`` fresh processes per contender (plus one warm-up each); medians reported.

    ``legacy`` defaults to not measuring the legacy SDK (``benchmarks.run`` gives it).
    """
    sdk = official_sdk() if sdk is None else sdk
    legacy = LegacySdk(None, "not asked for") if legacy is None else legacy
    pythons = {EMPTY: python, OURS: python}
    if sdk.available:
        pythons[OFFICIAL] = python
    if legacy.available and legacy.python is not None:
        pythons[LEGACY] = legacy.python
    names: Sequence[str] = tuple(pythons)
    compile_ours(python)
    for name in names:
        run_once(name, pythons[name])  # warm-up: files in the page cache
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for _ in range(max(runs, 1)):
        for name in names:
            samples[name].append(run_once(name, pythons[name]))
    rows = {
        name: {key: statistics.median(sample[key] for sample in taken)
               for key in ("wall_ms", "work_ms", "peak_rss_mb", "modules")}
        for name, taken in samples.items()
    }
    official, old = rows.get(OFFICIAL, {}), rows.get(LEGACY, {})
    budgets = (
        Budget("cold start: linebot_fp wall time <= 0.07x line-bot-sdk v3",
               ratio(rows[OURS]["wall_ms"], official.get("wall_ms")), 0.07, at_least=False),
        Budget("cold start: linebot_fp wall time <= 0.6x line-bot-sdk 2.4.3 (legacy)",
               ratio(rows[OURS]["wall_ms"], old.get("wall_ms")), 0.6, at_least=False),
        Budget("cold start: linebot_fp peak RSS <= 0.3x line-bot-sdk v3",
               ratio(rows[OURS]["peak_rss_mb"], official.get("peak_rss_mb")), 0.3,
               at_least=False),
    )
    urllib3 = any(sample["urllib3_loaded"] for sample in samples[OURS])
    notes = [f"median of {max(runs, 1)} fresh processes per contender, after one warm-up each",
             f"linebot_fp imported urllib3: {'yes' if urllib3 else 'no'}"]
    if not sdk.available:
        notes.append(f"official SDK not measured: {sdk.problem}")
    if not legacy.available:
        notes.append(f"legacy SDK not measured: {legacy.problem}")
    return Figure(
        key="cold_start",
        title="Cold start: fresh process, import + verify/parse one event + build a reply",
        metrics=(Metric("wall_ms", "process wall ms", 1), Metric("work_ms", "in-process ms", 1),
                 Metric("peak_rss_mb", "peak RSS MB", 1), Metric("modules", "modules loaded")),
        rows=rows, budgets=budgets, notes=tuple(notes),
        extra={"samples": samples},
    )

