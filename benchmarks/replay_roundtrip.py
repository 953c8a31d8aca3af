"""Figure 5: the replay round trip, ``dump_requests`` then ``load_requests``, per request.

``N`` push requests (text + 3 quick replies, built before timing) are written
as a replay file into memory with :func:`linebot_fp.replay.dump_requests`
(each keyed with a fresh ``X-Line-Retry-Key``, as by default) and read back
with :func:`linebot_fp.replay.load_requests` (every value checked again, as
``Request.from_dict`` does). The floor writes and reads the same JSON lines
with ``json.dumps`` / ``json.loads`` and builds no ``Request``. The official
SDKs have no replay files: there is nothing of theirs to compare.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from benchmarks.common import OURS, Figure, Metric, take_turns

__all__ = ["COUNT", "FLOOR", "run"]

COUNT = 1000
FLOOR = "json.dumps / json.loads lines"


def _requests(count: int) -> list[Any]:
    from linebot_fp.api import push_message
    from linebot_fp.models import MessageAction, QuickReply, QuickReplyButton, TextSendMessage

    return [push_message(f"U{index:032x}", TextSendMessage(
        text=f"order {index} shipped", quick_reply=QuickReply(items=[
            QuickReplyButton(action=MessageAction(label=label, text=label))
            for label in ("Track", "Help", "Thanks")])))
            for index in range(count)]


def _ours(count: int) -> Callable[[], Any]:
    from linebot_fp.replay import dump_requests, load_requests

    requests = _requests(count)

    def round_trip() -> list[Any]:
        file = io.StringIO()
        dump_requests(requests, file)
        loaded = [entry[1] for entry in load_requests(file.getvalue().splitlines())]
        if len(loaded) != count or any(isinstance(item, Exception) for item in loaded):
            raise AssertionError("the replay file did not read back")
        return loaded

    return round_trip


def _floor(count: int) -> Callable[[], Any]:
    dicts = [request.to_dict() for request in _requests(count)]

    def round_trip() -> list[Any]:
        text = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in dicts)
        return [json.loads(line) for line in text.splitlines()]

    return round_trip


def run(*, repeat: int = 7, min_time: float = 0.2, count: int = COUNT) -> Figure:
    """Microseconds per request for the round trip, ours and the floor, taking turns."""
    seconds = take_turns({OURS: _ours(count), FLOOR: _floor(count)}, repeat=repeat,
                         min_time=min_time)
    return Figure(
        key="replay", title=f"Replay round trip: dump_requests + load_requests of {count} pushes",
        metrics=(Metric("us_per_request", "µs per request", 2),
                 Metric("requests_per_s", "requests/s")),
        rows={name: {"us_per_request": value / count * 1e6, "requests_per_s": count / value}
              for name, value in seconds.items()},
        reference=FLOOR,
        notes=("ratios against the plain JSON-lines floor; the official SDKs have no "
               "replay files",),
    )
