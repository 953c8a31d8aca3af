"""Threads racing on the first use of the models, in fresh processes.

Right after import, threads released together by a barrier parse their first
webhooks (every event kind, each thread starting with another kind) or reach the
same classes by every route at once. The thread switch interval is made tiny so
that threads interleave inside the imports. Every event must come out as its
own class (never ``UnknownEvent``), and each name must be one class object.
"""

from __future__ import annotations

from first_use_support import EVENT_JSON, EXPECTED, run_many

PROCESSES = 12

_PARSE = r"""
import json, sys, threading
job = json.loads(sys.argv[1])
sys.setswitchinterval(1e-6)  # threads change hands every few bytecodes
from linebot_fp.webhook import parse_unverified
kinds = job["kinds"]
count = len(kinds)
barrier = threading.Barrier(count)
results = [None] * count

def parse_first(index):
    order = kinds[index:] + kinds[:index]  # each thread meets another kind first
    body = json.dumps({"destination": "U0", "events": [job["events"][tag] for tag in order]})
    barrier.wait()
    events = parse_unverified(body.encode())
    results[index] = [[tag, f"{type(event).__module__}:{type(event).__qualname__}", id(type(event))]
                      for tag, event in zip(order, events)]

threads = [threading.Thread(target=parse_first, args=(index,)) for index in range(count)]
for thread in threads: thread.start()
for thread in threads: thread.join(60)
print(json.dumps({"results": results}))
"""


def test_threads_parsing_their_first_webhooks_at_once_get_every_event_as_its_class() -> None:
    kinds = sorted(EXPECTED)
    outputs = run_many(_PARSE, [{"kinds": kinds, "events": EVENT_JSON}] * PROCESSES)
    assert len(outputs) == PROCESSES
    for output in outputs:
        ids: dict[str, set[int]] = {}
        for thread in output["results"]:
            assert thread is not None, "a thread did not finish"
            assert len(thread) == len(kinds)
            for tag, found, identity in thread:
                assert found == EXPECTED[tag], (tag, found)  # never UnknownEvent
                ids.setdefault(found, set()).add(identity)
        assert all(len(seen) == 1 for seen in ids.values()), ids


_ROUTES = r"""
import importlib, json, sys, threading, typing
job = json.loads(sys.argv[1])
sys.setswitchinterval(1e-6)
import linebot_fp.models
from linebot_fp.webhook import parse_unverified
names = job["names"]  # class name -> [module defining it, wire tag]
ROUTES = ("package attribute", "family module import", "defining module", "decoding",
          "get_type_hints")

def reach(route, name):
    module, tag = names[name]
    if route == "package attribute":
        return getattr(linebot_fp.models, name)
    if route == "family module import":
        scope = {}
        exec(f"from linebot_fp.models.events import {name}", scope)
        return scope[name]
    if route == "defining module":
        return getattr(importlib.import_module(module), name)
    if route == "decoding":
        body = json.dumps({"events": [job["events"][tag]]}).encode()
        return type(parse_unverified(body)[0])
    cls = getattr(linebot_fp.models, name)
    typing.get_type_hints(cls)  # the names its annotations use must all be there
    return cls

count = 10
barrier = threading.Barrier(count)
found = [None] * count

def race(index):
    order = sorted(names)
    order = order[index:] + order[:index]
    barrier.wait()
    seen = {}
    for step, name in enumerate(order):
        route = ROUTES[(index + step) % len(ROUTES)]
        seen[name] = [route, id(reach(route, name))]
    found[index] = seen

threads = [threading.Thread(target=race, args=(index,)) for index in range(count)]
for thread in threads: thread.start()
for thread in threads: thread.join(60)
final = {name: id(getattr(importlib.import_module(module), name))
         for name, (module, _) in names.items()}
print(json.dumps({"found": found, "final": final}))
"""


def test_threads_racing_on_first_use_by_every_route_get_one_class_per_name() -> None:
    names = {where.rpartition(":")[2]: [where.partition(":")[0], tag]
             for tag, where in EXPECTED.items()
             if where.startswith("linebot_fp.models._events.")}  # what events.py exports
    outputs = run_many(_ROUTES, [{"names": names, "events": EVENT_JSON}] * (PROCESSES // 2))
    for output in outputs:
        routes_used: set[str] = set()
        for seen in output["found"]:
            assert seen is not None, "a thread did not finish"
            for name, (route, identity) in seen.items():
                routes_used.add(route)
                assert identity == output["final"][name], (name, route)
        assert len(routes_used) == 5
