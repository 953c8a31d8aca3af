"""An exception landing anywhere in the first use of a class leaves the process working.

In fresh processes, right after import, the first webhook carrying an event kind
is parsed, the event's class is used by hand and its hints are resolved; an
exception is raised in the middle of it, at many points: by a ``sys.settrace``
trace function (the n-th line or call, spread over the whole first use, imports
and ``@dataclass`` included) and by a ``SIGALRM`` handler (a timer spread over
its duration). The exception must come out of the call it landed in (never
turned into an ``UnknownEvent``), and afterwards every event kind decodes to its
class, each name is one class object, and the class works by hand.
"""

from __future__ import annotations

import pytest
from first_use_support import EVENT_JSON, EXPECTED, run_many

POINTS = 4  # trace injection points per phase of a first use (parse, by hand, hints)
DELAYS = 10  # SIGALRM timers per target, spread over a first use

_FIRST_USE = r"""
import dataclasses, importlib, json, signal, sys, time, typing
job = json.loads(sys.argv[1])
import linebot_fp.models
from linebot_fp.webhook import parse_unverified

class Injected(Exception):
    "What a task queue's soft time limit or a timeout decorator raises."

RAISE = {"Injected": Injected, "TimeoutError": TimeoutError}[job["raise"]]

target = job["target"]
module_name, _, class_name = job["expected"][target].partition(":")
body = json.dumps({"events": [job["events"][target]]}).encode()
state = {"phase": "before", "injected": None, "seen": 0, "marks": {}}

def enter(phase):
    state["phase"] = phase
    state["marks"][phase] = state["seen"]

def first_use():
    enter("parse")
    events = parse_unverified(body)  # the member's module imported, its readers written
    if type(events[0]).__name__ == "UnknownEvent":
        return events, None  # the failure the test reports
    enter("by hand")
    cls = getattr(linebot_fp.models, class_name)
    event = events[0]
    made = cls(**{field.name: getattr(event, field.name) for field in dataclasses.fields(cls)})
    enter("hints")
    typing.get_type_hints(cls)
    enter("done")
    return events, made

def tracer(frame, event, arg):
    state["seen"] += 1
    if state["seen"] == job.get("at"):
        state["injected"] = state["phase"]
        raise RAISE(f"injected at trace event {state['seen']}")
    return tracer

def alarm(signum, frame):
    state["injected"] = state["phase"]
    raise RAISE("injected by SIGALRM")

lost = []  # an exception raised inside a finalizer or weakref callback is lost by Python itself
sys.unraisablehook = lambda unraisable: lost.append(type(unraisable.exc_value).__name__)
outcome = "returned"
unknown_returned = False
started = time.perf_counter()
try:
    if job["way"] in ("count", "trace"):
        sys.settrace(tracer)
    elif job["way"] == "alarm":
        signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, job["delay"])
    try:
        events, made = first_use()
    finally:
        sys.settrace(None)
        signal.setitimer(signal.ITIMER_REAL, 0)
    unknown_returned = any(type(event).__name__ == "UnknownEvent" for event in events)
except RAISE:
    outcome = "raised"
except ImportError:  # importlib reads an OSError (TimeoutError) in its stat calls as "no file"
    outcome = "import error"
elapsed = time.perf_counter() - started
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# afterwards: the process works, one class per name
everything = json.dumps({"events": list(job["events"].values())}).encode()
decoded = parse_unverified(everything)
kinds = {tag: f"{type(event).__module__}:{type(event).__qualname__}"
         for tag, event in zip(job["events"], decoded)}
events_module = importlib.import_module("linebot_fp.models.events")
same = all(getattr(linebot_fp.models, name) is getattr(events_module, name)
           is getattr(sys.modules[getattr(events_module, name).__module__], name)
           for name in events_module.__all__)
cls = getattr(importlib.import_module(module_name), class_name)
same = same and cls is getattr(linebot_fp.models, class_name)
same = same and all(type(event) is getattr(importlib.import_module(where.partition(":")[0]),
                                           where.partition(":")[2])
                    for event, where in zip(decoded, job["expected"].values()))
event = decoded[list(job["events"]).index(target)]
again = cls(**{field.name: getattr(event, field.name) for field in dataclasses.fields(cls)})
typing.get_type_hints(cls)
if outcome == "returned" and job["raise"] in lost:
    outcome = "lost by the interpreter"
print(json.dumps({"outcome": outcome, "injected": state["injected"], "marks": state["marks"],
                  "elapsed": elapsed, "unknown_returned": unknown_returned, "kinds": kinds,
                  "same": same, "works": again == event}))
"""


def _job(target: str, way: str, raise_: str = "Injected", **extra: object) -> dict[str, object]:
    return {"target": target, "way": way, "raise": raise_, "events": EVENT_JSON,
            "expected": EXPECTED, **extra}


def _check(result: dict[str, object], *, strict: bool = True) -> None:
    """After the interruption: every kind decodes to its class, one class per name, the
    class works by hand; the exception was never turned into an event.

    ``strict``: it also came out of the call it landed in. An ``OSError`` such as
    ``TimeoutError`` is not held to that inside the import system, which reads an
    ``OSError`` from its own ``stat`` calls as "no such file": the import then
    fails with ``ImportError`` or, after a retry inside importlib, succeeds.
    """
    assert result["kinds"] == EXPECTED  # never UnknownEvent, after the interruption
    assert result["same"] is True  # one class per name
    assert result["works"] is True
    assert result["unknown_returned"] is False, result
    if result["injected"] is None:
        assert result["outcome"] == "returned", result
    elif strict:  # (unless it landed in a finalizer: the interpreter drops it there)
        assert result["outcome"] in ("raised", "lost by the interpreter"), result


@pytest.mark.parametrize("target", ["postback", "message"])
def test_an_exception_from_a_trace_function_anywhere_in_a_first_use(target: str) -> None:
    (calibration,) = run_many(_FIRST_USE, [_job(target, "count")], parallel=1)
    _check(calibration)
    marks = calibration["marks"]  # trace events counted when each phase began
    assert marks["done"] > 1000
    points = set()
    for phase, end in (("parse", "by hand"), ("by hand", "hints"), ("hints", "done")):
        first, last = marks[phase] + 1, marks[end]
        points |= {first + index * (last - first) // POINTS for index in range(POINTS)}
    results = run_many(_FIRST_USE, [_job(target, "trace", at=point) for point in sorted(points)])
    for result in results:
        _check(result)
    phases = {result["injected"] for result in results}
    assert phases == {"parse", "by hand", "hints"}, phases  # all over the first use


@pytest.mark.parametrize("target", ["postback", "message"])
def test_an_exception_from_a_signal_handler_anywhere_in_a_first_use(target: str) -> None:
    calibration = run_many(_FIRST_USE, [_job(target, "none", "TimeoutError")] * 3, parallel=1)
    for result in calibration:
        _check(result)
    duration = min(float(result["elapsed"]) for result in calibration)
    delays = [max(duration * index / (DELAYS - 1), 1e-5) for index in range(DELAYS)]
    results = run_many(_FIRST_USE, [_job(target, "alarm", "TimeoutError", delay=delay)
                                     for delay in delays])
    for result in results:
        _check(result, strict=False)
    assert any(result["injected"] == "parse" for result in results)
