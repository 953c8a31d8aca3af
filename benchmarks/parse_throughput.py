"""Figure 2: webhook parsing, bodies of 1, 10, 100 and 1000 events (µs per body).

Contenders, each verifying the signature and decoding the same signed body
(the ten mixed events of :mod:`benchmarks.mixed_body`, repeated):

* ``linebot_fp``: ``linebot_fp.webhook.parse(body, signature, secret)`` (body as bytes,
  as a web framework hands it over);
* ``line-bot-sdk v3``: ``linebot.v3.WebhookParser(secret).parse(text, signature)``
  (the body as text, which is what it takes);
* ``bare hmac + json.loads``: the floor, a signature check and ``json.loads`` with no
  objects built at all.

The contenders take turns loop by loop (see :func:`benchmarks.common.take_turns`).
Budget, every size: at least 5x the official SDK, and within 3x of the bare floor.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import json
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    OFFICIAL,
    OURS,
    Budget,
    Figure,
    Metric,
    OfficialSdk,
    official_sdk,
    ratio,
    take_turns,
)
from benchmarks.mixed_body import EVENT_COUNT, SECRET, body_of, sign

__all__ = ["BARE", "SIZES", "bare", "official", "ours", "run"]

BARE = "bare hmac + json.loads"
SIZES = (1, 10, 100, 1000)

Operation = Callable[[], Any]


def ours(count: int = EVENT_COUNT) -> Operation:
    """Parse a body of ``count`` events with linebot_fp; checks first that every one is known."""
    from linebot_fp.webhook import parse

    body = body_of(count)
    signature = sign(body)
    events = parse(body, signature, SECRET)
    unknown = [type(event).__name__ for event in events
               if type(event).__name__.startswith("Unknown")]
    if len(events) != count or unknown:
        raise AssertionError(f"linebot_fp read {len(events)} events, unknown: {unknown}")
    return lambda: parse(body, signature, SECRET)


def official(count: int = EVENT_COUNT) -> Operation:
    """Parse a body of ``count`` events with the official SDK's ``WebhookParser``."""
    parser = importlib.import_module("linebot.v3").WebhookParser(SECRET)
    body = body_of(count)
    text, signature = body.decode(), sign(body)
    events = parser.parse(text, signature)
    if len(events) != count:
        raise AssertionError(f"line-bot-sdk read {len(events)} events")
    return lambda: parser.parse(text, signature)


def bare(count: int = EVENT_COUNT) -> Operation:
    """The floor: HMAC-SHA256, base64, a constant-time compare and ``json.loads``."""
    body = body_of(count)
    key, signature = SECRET.encode(), sign(body).encode()

    def verify_and_load() -> Any:
        digest = base64.b64encode(hmac.new(key, body, hashlib.sha256).digest())
        if not hmac.compare_digest(digest, signature):
            raise AssertionError("bad signature")
        return json.loads(body)

    return verify_and_load


def run(*, repeat: int = 7, min_time: float = 0.2, sdk: OfficialSdk | None = None,
        sizes: tuple[int, ...] = SIZES) -> Figure:
    """Measure every contender that can run here; ``sdk`` defaults to probing for v3."""
    sdk = official_sdk() if sdk is None else sdk
    makers: dict[str, Callable[[int], Operation]] = {OURS: ours, BARE: bare}
    if sdk.available:
        makers[OFFICIAL] = official
    rows: dict[str, dict[str, float]] = {name: {} for name in makers}
    budgets: list[Budget] = []
    for count in sizes:
        operations = {name: make(count) for name, make in makers.items()}
        for name, seconds in take_turns(operations, repeat=repeat, min_time=min_time).items():
            rows[name][f"us_{count}"] = seconds * 1e6
        ours_us, bare_us = rows[OURS][f"us_{count}"], rows[BARE][f"us_{count}"]
        budgets += [
            Budget(f"parse {count} events: linebot_fp >= 5x line-bot-sdk v3",
                   ratio(rows.get(OFFICIAL, {}).get(f"us_{count}"), ours_us), 5.0,
                   at_least=True),
            Budget(f"parse {count} events: linebot_fp within 3x of bare hmac + json.loads "
                   "(ours / bare <= 3)", ratio(ours_us, bare_us), 3.0, at_least=False),
        ]
    notes = ["events per second, linebot_fp: "
             + ", ".join(f"{count / rows[OURS][f'us_{count}'] * 1e6:,.0f} ({count})"
                         for count in sizes)]
    if not sdk.available:
        notes.append(f"official SDK not measured: {sdk.problem}")
    return Figure(
        key="parse",
        title="Webhook parsing: verify + decode a mixed body (µs per body)",
        metrics=tuple(Metric(f"us_{count}", f"{count} event{'s' * (count > 1)}", 1)
                      for count in sizes),
        rows=rows, budgets=tuple(budgets), notes=tuple(notes),
    )
