"""Figure 2: webhook parsing throughput on the mixed ten-event body, in events per second.

Contenders, each verifying the signature and decoding the same signed body:

* ``linebot_fp``: ``linebot_fp.webhook.parse(body, signature, secret)`` (body as bytes,
  as a web framework hands it over);
* ``line-bot-sdk v3``: ``linebot.v3.WebhookParser(secret).parse(text, signature)``
  (the body as text, which is what it takes);
* ``bare hmac + json.loads``: the floor, a signature check and ``json.loads`` with no
  objects built at all.

Budget: at least 5x the official SDK, and within 3x of the bare floor.
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
    best_seconds_per_call,
    official_sdk,
    ratio,
)
from benchmarks.mixed_body import BODY, EVENT_COUNT, SECRET, sign

__all__ = ["BARE", "bare", "official", "ours", "run"]

BARE = "bare hmac + json.loads"

Operation = Callable[[], Any]


def ours() -> Operation:
    """Parse the mixed body with linebot_fp; checks first that every event is a known one."""
    from linebot_fp.webhook import parse

    body, signature = BODY, sign(BODY)
    events = parse(body, signature, SECRET)
    names = [type(event).__name__ for event in events]
    unknown = [name for name in names if name.startswith("Unknown")]
    if len(events) != EVENT_COUNT or unknown:
        raise AssertionError(f"linebot_fp read {len(events)} events, unknown: {unknown}")
    return lambda: parse(body, signature, SECRET)


def official() -> Operation:
    """Parse the mixed body with the official SDK's ``WebhookParser``."""
    parser = importlib.import_module("linebot.v3").WebhookParser(SECRET)
    text, signature = BODY.decode(), sign(BODY)
    events = parser.parse(text, signature)
    if len(events) != EVENT_COUNT:
        raise AssertionError(f"line-bot-sdk read {len(events)} events")
    return lambda: parser.parse(text, signature)


def bare() -> Operation:
    """The floor: HMAC-SHA256, base64, a constant-time compare and ``json.loads``."""
    key, body, signature = SECRET.encode(), BODY, sign(BODY).encode()

    def verify_and_load() -> Any:
        digest = base64.b64encode(hmac.new(key, body, hashlib.sha256).digest())
        if not hmac.compare_digest(digest, signature):
            raise AssertionError("bad signature")
        return json.loads(body)

    return verify_and_load


def run(*, repeat: int = 7, number: int | None = None, min_time: float = 0.2,
        sdk: OfficialSdk | None = None) -> Figure:
    """Measure every contender that can run here; ``sdk`` defaults to probing for v3."""
    sdk = official_sdk() if sdk is None else sdk
    contenders: dict[str, Callable[[], Operation]] = {OURS: ours, BARE: bare}
    if sdk.available:
        contenders[OFFICIAL] = official
    rows: dict[str, dict[str, float]] = {}
    for name, make in contenders.items():
        seconds = best_seconds_per_call(make(), repeat=repeat, number=number, min_time=min_time)
        rows[name] = {"events_per_s": EVENT_COUNT / seconds,
                      "us_per_body": seconds * 1e6}
    events_per_s = {name: row["events_per_s"] for name, row in rows.items()}
    budgets = (
        Budget("parse: linebot_fp >= 5x line-bot-sdk v3",
               ratio(events_per_s[OURS], events_per_s.get(OFFICIAL)), 5.0, at_least=True),
        Budget("parse: linebot_fp within 3x of bare hmac + json.loads (bare / ours <= 3)",
               ratio(events_per_s[BARE], events_per_s[OURS]), 3.0, at_least=False),
    )
    notes = () if sdk.available else (f"official SDK not measured: {sdk.problem}",)
    return Figure(
        key="parse",
        title=f"Webhook parsing, mixed body ({EVENT_COUNT} events, {len(BODY)} bytes)",
        metrics=(Metric("events_per_s", "events/s"), Metric("us_per_body", "µs per body", 1)),
        rows=rows, budgets=budgets, notes=notes,
    )
