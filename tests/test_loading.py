"""Model classes are built on first use, and the lazy classes equal the eagerly built ones."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
import typing

import pytest

import linebot_fp.models
from linebot_fp import codec

_DESCRIBE = """
import dataclasses, json, typing
import linebot_fp.models as models
described = {}
for name in models.__all__:
    value = getattr(models, name)
    if not (isinstance(value, type) and dataclasses.is_dataclass(value)):
        described[name] = getattr(value, "__qualname__", type(value).__name__)
        continue
    hints = typing.get_type_hints(value)
    described[name] = {
        "mro": [cls.__qualname__ for cls in value.__mro__],
        "fields": [[field.name, repr(hints[field.name]), field.default is dataclasses.MISSING,
                    field.kw_only] for field in dataclasses.fields(value)],
        "params": repr(value.__dataclass_params__),
        "slots": list(value.__slots__),
        "type": value.__dict__.get("type") if isinstance(value.__dict__.get("type"), str) else None,
    }
print(json.dumps(described, sort_keys=True))
"""


def _run(code: str, **env: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_lazy_classes_equal_the_eagerly_built_ones() -> None:
    lazy = json.loads(_run(_DESCRIBE))
    eager = json.loads(_run(_DESCRIBE, LINEBOT_FP_EAGER_MODELS="1"))
    assert lazy == eager
    assert len(lazy) == len(linebot_fp.models.__all__)


def test_a_webhook_and_a_reply_build_only_the_classes_they_use() -> None:
    code = """
import sys
from linebot_fp.api import reply_message
from linebot_fp.models import TextSendMessage
from linebot_fp.webhook import parse_unverified
body = ('{"events": [{"type": "message", "timestamp": 1, "replyToken": "r", "mode": "active",'
        ' "source": {"type": "user", "userId": "U1"},'
        ' "message": {"type": "text", "id": "1", "text": "hi"}}]}')
events = parse_unverified(body)
reply_message(events[0].reply_token, TextSendMessage(text="hello"))
built = lambda module: sorted(name for name, value in vars(sys.modules[module]).items()
                              if isinstance(value, type) and value.__module__ == module)
print(built("linebot_fp.models.events"))
print(built("linebot_fp.models.messages"))
print(built("linebot_fp.models.sources"))
print("linebot_fp.models.flex" in sys.modules, "linebot_fp.models.service_events" in sys.modules)
"""
    events, messages, sources, others = _run(code).splitlines()
    assert events == "['DeliveryContext', 'Event', 'MessageEvent']"
    assert "TextMessage" in messages
    assert "ImageMessage" not in messages
    assert sources == "['Source', 'SourceUser']"
    assert others == "False False"


def test_a_tag_seen_first_builds_its_member() -> None:
    code = """
import sys
from linebot_fp import codec
from linebot_fp.models.messages import Message
module = vars(sys.modules["linebot_fp.models.messages"])
before = "LocationMessage" in module
value = codec.structure({"type": "location", "id": "1", "latitude": 1.5, "longitude": 2.0}, Message)
unknown = codec.structure({"type": "hologram", "id": "2"}, Message)
print(before, type(value).__name__, "LocationMessage" in module, type(unknown).__name__)
"""
    assert _run(code) == "False LocationMessage True UnknownMessage"


def test_every_public_name_imports_and_is_the_module_attribute() -> None:
    for name in linebot_fp.models.__all__:
        value = getattr(linebot_fp.models, name)
        module = sys.modules[getattr(value, "__module__", "") or ""] if isinstance(value, type) \
            else None
        if module is not None and module.__name__.startswith("linebot_fp.models."):
            assert getattr(module, name) is value, name


def test_a_module_lists_the_classes_it_has_not_built_yet() -> None:
    import linebot_fp.models.flex as flex

    assert set(flex.__all__) <= set(dir(flex))
    with pytest.raises(AttributeError, match="no attribute 'NoSuchComponent'"):
        flex.NoSuchComponent  # noqa: B018


@pytest.mark.parametrize("name", [name for name in linebot_fp.models.__all__
                                  if name[0].isupper()])
def test_every_model_class_resolves_its_hints_and_pickles(name: str) -> None:
    value = getattr(linebot_fp.models, name)
    if not (isinstance(value, type) and dataclasses.is_dataclass(value)):
        return
    hints = typing.get_type_hints(value)
    assert {field.name for field in dataclasses.fields(value)} <= set(hints)
    assert pickle.loads(pickle.dumps(value)) is value


def test_family_members_lists_every_member_and_family_member_finds_one() -> None:
    from linebot_fp.models import Event, FlexComponent, MessageEvent, ThingsEvent

    members = codec.family_members(Event)
    assert members["message"] is MessageEvent
    assert members["things"] is ThingsEvent
    assert codec.family_member(FlexComponent, "box") is linebot_fp.models.BoxComponent
    assert codec.family_member(FlexComponent, "no-such-tag") is None


def test_the_faster_init_takes_the_arguments_dataclass_wrote() -> None:
    import inspect

    from linebot_fp.errors import InvalidInputError
    from linebot_fp.models import MessageAction, QuickReplyButton

    written = inspect.signature(QuickReplyButton.__init__)
    first = QuickReplyButton(action=MessageAction(label="a", text="a"))
    assert inspect.signature(QuickReplyButton.__init__) == written
    assert QuickReplyButton.__init__.__code__.co_filename == "<init QuickReplyButton>"
    second = QuickReplyButton(action=MessageAction(label="a", text="a"))
    assert second == first
    assert hash(second) == hash(first)
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        QuickReplyButton(action=first.action, colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="action"):
        QuickReplyButton()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        QuickReplyButton(first.action)  # type: ignore[misc]
    with pytest.raises(InvalidInputError, match=r"QuickReplyButton\.action is required"):
        QuickReplyButton(action=None)  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        second.action = first.action  # type: ignore[misc]


def test_a_subclass_that_is_no_dataclass_keeps_its_own_checks() -> None:
    from linebot_fp.errors import InvalidInputError
    from linebot_fp.models import TextSendMessage

    TextSendMessage(text="first")  # the faster __init__ is in place

    class Shouting(TextSendMessage):
        def _check(self) -> None:
            if not self.text.isupper():
                raise InvalidInputError("Shouting.text must be upper case")

    assert Shouting(text="HEY").text == "HEY"
    with pytest.raises(InvalidInputError, match="upper case"):
        Shouting(text="hey")
    assert TextSendMessage(text="hey").text == "hey"


def test_threads_building_one_class_at_once_get_the_same_class() -> None:
    code = """
import threading
import linebot_fp.models.flex as flex
barrier, found = threading.Barrier(8), []
def take():
    barrier.wait()
    found.append(flex.BoxComponent)
threads = [threading.Thread(target=take) for _ in range(8)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(len(found), len(set(map(id, found))), found[0] is flex.BoxComponent)
"""
    assert _run(code) == "8 1 True"


def test_the_very_first_instance_of_a_class_is_checked_too() -> None:
    code = """
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import ImageSendMessage, MessageAction, QuickReply, QuickReplyButton
try:
    ImageSendMessage(original_content_url=None, preview_image_url="https://x/p.jpg")
except InvalidInputError as error:
    print(error)
first = QuickReply(items=[QuickReplyButton(action=MessageAction(label="a", text="a"))])
print(type(first.items).__name__, QuickReply.__init__.__code__.co_filename)
"""
    assert _run(code).splitlines() == [
        "ImageSendMessage.original_content_url is required, got None",
        "tuple <init QuickReply>",
    ]
