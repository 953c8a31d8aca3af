"""Only problems of the data become ``InvalidPayloadError`` (or an ``UnknownEvent``).

An interrupt, an exception a signal handler raises (``TimeoutError``, a task
queue's time limit) or ``MemoryError`` passes through ``codec.structure`` and
``webhook.parse`` untouched, wherever in the reading it lands: a webhook is
never answered with events made up from an interrupted read.
"""

from __future__ import annotations

import gc
import json
import signal
import sys
import time
from unittest import mock

import pytest

from linebot_fp import codec
from linebot_fp.errors import InvalidPayloadError
from linebot_fp.models import (
    Event,
    Message,
    PostbackEvent,
    PostbackParams,
    SendMessage,
    TextMessage,
    TextV2SendMessage,
)
from linebot_fp.testing import postback_event, sign, text_message_event, webhook_body
from linebot_fp.webhook import parse

SECRET = "secret"


class SoftTimeLimitError(Exception):
    """What a task queue raises in the middle of a task whose time is up."""


PASSING = [KeyboardInterrupt, TimeoutError, MemoryError, SoftTimeLimitError, SystemExit]


@pytest.mark.parametrize("error", PASSING, ids=lambda error: error.__name__)
def test_codec_structure_lets_what_is_not_a_data_problem_through(error: type) -> None:
    data = {"type": "textV2", "text": "hi {x}"}  # TextV2SendMessage has checks of its own
    with mock.patch.object(TextV2SendMessage, "_check", side_effect=error("now")), \
            pytest.raises(error):
        codec.structure(data, SendMessage)  # a family: a failed member would become Unknown
    with mock.patch.object(TextV2SendMessage, "_check", side_effect=error("now")), \
            pytest.raises(error):
        codec.structure(data, TextV2SendMessage)
    assert codec.structure(data, SendMessage) == TextV2SendMessage(text="hi {x}")


@pytest.mark.parametrize("error", PASSING, ids=lambda error: error.__name__)
def test_parse_lets_what_is_not_a_data_problem_through_and_makes_no_event_of_it(
        error: type) -> None:
    body, signature = webhook_body([postback_event("a=1", {"date": "2024-01-01"})], SECRET)
    with mock.patch.object(PostbackParams, "_check", side_effect=error("now")), \
            pytest.raises(error):
        parse(body, signature, SECRET)
    (event,) = parse(body, signature, SECRET)
    assert isinstance(event, PostbackEvent)


@pytest.mark.parametrize("problem", [
    {"type": "text", "id": "1"},  # a key missing
    {"type": "text", "id": "1", "text": None},  # a required value null
    {"type": "text", "id": "1", "text": "x", "emojis": 5},  # a shape that is not a list
    {"type": "text", "id": "1", "text": "x", "mention": "@me"},
])
def test_data_problems_are_still_read_as_unknown_or_invalid(problem: dict[str, object]) -> None:
    assert type(codec.structure(problem, Message)).__name__ == "UnknownMessage"
    with pytest.raises(InvalidPayloadError):
        codec.structure(problem, TextMessage)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_a_signal_handlers_timeout_comes_out_of_parse() -> None:
    events = [text_message_event(f"message {index}") for index in range(300)]
    body, signature = webhook_body(events, SECRET)
    parse(body, signature, SECRET)  # readers made: this is the hot path

    def timeout(signum: int, frame: object) -> None:
        raise TimeoutError("the request took too long")

    # no collection while the alarm can fire: a handler's exception raised inside some
    # other test's finalizer would be lost to the interpreter (an "unraisable" exception)
    gc.collect()
    gc.disable()
    previous = signal.signal(signal.SIGALRM, timeout)
    timed_out, parsed = False, 0
    deadline = time.monotonic() + 10
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        while time.monotonic() < deadline:
            result = parse(body, signature, SECRET)
            assert [type(event).__name__ for event in result] == ["MessageEvent"] * 300
            parsed += 1
    except TimeoutError:
        timed_out = True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        gc.enable()
    assert timed_out, f"the alarm never came out of parse ({parsed} bodies parsed)"
    assert len(parse(body, signature, SECRET)) == 300


def test_json_nested_too_deep_is_a_data_problem() -> None:
    deep = "[" * (sys.getrecursionlimit() + 100) + "]" * (sys.getrecursionlimit() + 100)
    body = ('{"events": [{"type": "message", "timestamp": 1, "message": '
            '{"type": "text", "id": "1", "text": "x", "emojis": ' + deep + '}}]}').encode()
    try:
        events = parse(body, sign(body, SECRET), SECRET)
    except InvalidPayloadError:
        return  # too deep for json itself: refused as a whole
    assert [type(event).__name__ for event in events] == ["UnknownEvent"]
    assert isinstance(events[0], Event)
    json.dumps(codec.unstructure(events[0]))
