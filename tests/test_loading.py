"""Model classes are plain dataclasses in small modules, imported by the import system when used.

What a process imports for a webhook and a reply, what a tag read first imports,
and that nothing of the old class-creation hook is left: real builtins, nothing
in ``sys.meta_path``, no ``__getattr__`` in a model module, classes that pickle,
copy and resolve their hints like any dataclass (``test_lambda_layouts.py`` runs
the same checks from a zip file and from ``.pyc`` files).
"""

from __future__ import annotations

import builtins
import copy
import dataclasses
import importlib
import inspect
import json
import linecache
import pickle
import pkgutil
import pydoc
import subprocess
import sys
import traceback
import typing
from types import FunctionType, ModuleType
from unittest import mock

import pytest
from model_samples import model_classes, sample

import linebot_fp.models
from linebot_fp import codec
from linebot_fp.errors import InvalidInputError


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _model_modules() -> list[ModuleType]:
    """Every module of ``linebot_fp.models`` (the private pieces too), imported."""
    package = linebot_fp.models
    names = [info.name for info in pkgutil.walk_packages(package.__path__, "linebot_fp.models.")]
    return [package, *(importlib.import_module(name) for name in sorted(names))]


# -- what a process imports --------------------------------------------------------------------


def test_a_webhook_and_a_reply_import_only_the_modules_they_use() -> None:
    code = """
import json, sys
from linebot_fp.api import reply_message
from linebot_fp.models import TextSendMessage
from linebot_fp.webhook import parse_unverified
body = ('{"events": [{"type": "message", "timestamp": 1, "replyToken": "r", "mode": "active",'
        ' "source": {"type": "user", "userId": "U1"},'
        ' "message": {"type": "text", "id": "1", "text": "hi"}}]}')
events = parse_unverified(body)
reply_message(events[0].reply_token, TextSendMessage(text="hello"))
print(json.dumps(sorted(name for name in sys.modules if name.startswith("linebot_fp.models."))))
print(json.dumps(sorted(name for name in sys.modules
                        if name.split(".")[0] in ("cattrs", "attrs", "urllib3", "asyncio"))))
"""
    imported, heavy = map(json.loads, _run(code).splitlines())
    assert imported == [
        "linebot_fp.models._actions", "linebot_fp.models._actions.base",
        "linebot_fp.models._base",
        "linebot_fp.models._events", "linebot_fp.models._events.base",
        "linebot_fp.models._events.message",
        "linebot_fp.models._json",
        "linebot_fp.models._messages", "linebot_fp.models._messages.base",
        "linebot_fp.models._messages.mention", "linebot_fp.models._messages.text",
        "linebot_fp.models._send_messages", "linebot_fp.models._send_messages.base",
        "linebot_fp.models._send_messages.quick_reply", "linebot_fp.models._send_messages.sender",
        "linebot_fp.models._send_messages.text",
        "linebot_fp.models._sources", "linebot_fp.models._sources.base",
        "linebot_fp.models._sources.user",
        "linebot_fp.models.emojis",
    ]
    assert heavy == []  # the cattrs converter is made on first need, not for this


def test_a_tag_read_first_imports_its_members_module() -> None:
    code = """
import sys
from linebot_fp import codec
from linebot_fp.models import Message
before = "linebot_fp.models._messages.location" in sys.modules
value = codec.structure({"type": "location", "id": "1", "latitude": 1.5, "longitude": 2.0}, Message)
unknown = codec.structure({"type": "hologram", "id": "2"}, Message)
print(before, type(value).__name__, type(value).__module__, type(unknown).__name__,
      "linebot_fp.models.messages" in sys.modules)
"""
    assert _run(code) == ("False LocationMessage linebot_fp.models._messages.location "
                          "UnknownMessage False")


def test_every_public_name_is_the_attribute_of_the_module_defining_it() -> None:
    for name in linebot_fp.models.__all__:
        value = getattr(linebot_fp.models, name)
        if not isinstance(value, type):  # a type alias (CouponTimezone, LiffScope, ...)
            continue
        module = sys.modules[value.__module__]
        assert getattr(module, name) is value, name
        assert value.__module__.startswith("linebot_fp.models."), name


def test_the_family_modules_still_export_what_they_did() -> None:
    from linebot_fp.models.events import JoinEvent, MessageEvent, PostbackParams
    from linebot_fp.models.send_messages import QuickReply, TextSendMessage

    assert JoinEvent is linebot_fp.models.JoinEvent
    assert MessageEvent is linebot_fp.models.MessageEvent
    assert PostbackParams is linebot_fp.models.PostbackParams
    assert (QuickReply, TextSendMessage) == (linebot_fp.models.QuickReply,
                                             linebot_fp.models.TextSendMessage)
    events = importlib.import_module("linebot_fp.models.events")
    assert len(events.__all__) == 25  # 24 before MessageEditedEvent
    assert set(events.__all__) <= set(dir(events))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'NoSuchModel'"):
        linebot_fp.models.NoSuchModel  # noqa: B018
    with pytest.raises(ImportError):
        from linebot_fp.models import NoSuchModel  # noqa: F401


# -- no hook into class creation, builtins or the import machinery ------------------------------


def test_model_modules_use_the_real_builtins_so_a_patch_reaches_them() -> None:
    functions = []
    for module in _model_modules():
        assert vars(module).get("__builtins__") in (builtins, builtins.__dict__), module
        functions += [value for value in vars(module).values()
                      if isinstance(value, FunctionType) and value.__module__ == module.__name__]
        for cls in vars(module).values():
            if isinstance(cls, type) and cls.__module__ == module.__name__:
                functions += [value for value in vars(cls).values()
                              if isinstance(value, FunctionType)]
    assert len(functions) > 100
    with mock.patch("builtins.open") as patched:
        for function in functions:
            assert function.__builtins__["open"] is patched, function.__qualname__
            assert eval("open", function.__globals__) is patched


def test_reimporting_leaves_nothing_in_the_import_machinery() -> None:
    code = """
import builtins, importlib, sys
before = list(sys.meta_path), list(sys.path_hooks), builtins.__build_class__, builtins.__import__
import linebot_fp.models, linebot_fp.webhook
from linebot_fp.models import FlexSendMessage, MessageEvent
for _ in range(3):
    for name in [name for name in sys.modules if name.startswith("linebot_fp")]:
        del sys.modules[name]
    importlib.import_module("linebot_fp.models").TextSendMessage(text="x")
importlib.reload(sys.modules["linebot_fp.models"])
after = list(sys.meta_path), list(sys.path_hooks), builtins.__build_class__, builtins.__import__
print(before == after, len(sys.meta_path))
"""
    assert _run(code).split()[0] == "True"


def test_help_of_a_model_module_lists_its_models_and_no_hooks() -> None:
    for module in _model_modules():
        if module is linebot_fp.models:
            continue  # the package: its PEP 562 __getattr__ serves the names
        text = pydoc.plaintext.document(module)
        assert "__getattr__" not in text, module.__name__
        assert "__dir__" not in text, module.__name__
    text = pydoc.plaintext.document(importlib.import_module("linebot_fp.models.events"))
    assert "class MessageEvent" in text


# -- every public model behaves as any dataclass -------------------------------------------------


@pytest.mark.parametrize("cls", model_classes(), ids=lambda cls: cls.__name__)
def test_every_model_pickles_copies_replaces_and_resolves_its_hints(cls: type) -> None:
    value = sample(cls)
    assert pickle.loads(pickle.dumps(cls)) is cls
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    assert dataclasses.replace(value) == value
    hash(value)
    hints = typing.get_type_hints(cls)
    assert {field.name for field in dataclasses.fields(cls)} <= set(hints)
    assert set(inspect.signature(cls).parameters) == {
        field.name for field in dataclasses.fields(cls) if field.init}
    assert codec.structure(json.loads(codec.dumps(value)), type(value)) == value


def test_family_members_lists_every_member_and_family_member_finds_one() -> None:
    from linebot_fp.models import Event, FlexComponent, MessageEvent, ThingsEvent

    members = codec.family_members(Event)
    assert members["message"] is MessageEvent
    assert members["things"] is ThingsEvent
    assert codec.family_member(FlexComponent, "box") is linebot_fp.models.BoxComponent
    assert codec.family_member(FlexComponent, "no-such-tag") is None
    assert codec.family_member(MessageEvent, "message") is None  # a member is no family


# -- the faster __init__ and the generated functions -----------------------------------------


def test_the_faster_init_takes_the_arguments_dataclass_wrote() -> None:
    from linebot_fp.models import MessageAction, QuickReplyButton

    written = inspect.signature(QuickReplyButton.__init__)
    first = QuickReplyButton(action=MessageAction(label="a", text="a"))
    assert inspect.signature(QuickReplyButton.__init__) == written
    assert QuickReplyButton.__init__.__code__.co_filename.startswith(
        "<init linebot_fp.models._send_messages.quick_reply.QuickReplyButton")
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


def test_the_very_first_instance_of_a_class_is_checked_too() -> None:
    code = """
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import ImageSendMessage, MessageAction, QuickReply, QuickReplyButton
try:
    ImageSendMessage(original_content_url=None, preview_image_url="https://x/p.jpg")
except InvalidInputError as error:
    print(error)
first = QuickReply(items=[QuickReplyButton(action=MessageAction(label="a", text="a"))])
print(type(first.items).__name__)
"""
    assert _run(code).splitlines() == [
        "ImageSendMessage.original_content_url is required, got None",
        "tuple",
    ]


def test_a_traceback_through_generated_code_shows_its_lines() -> None:
    from linebot_fp.models import Beacon, BeaconEvent

    event = codec.structure({"type": "beacon", "timestamp": 1, "replyToken": "r",
                             "beacon": {"hwid": "h", "type": "enter"}},
                            linebot_fp.models.Event)
    assert isinstance(event, BeaconEvent)
    with pytest.raises(InvalidInputError) as caught:
        Beacon(hwid=None, type="enter")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as read:
        codec.structure_hook(Beacon)({"hwid": None, "type": "enter"}, Beacon)
    for error in (caught.value, read.value):
        frames = traceback.extract_tb(error.__traceback__)
        generated = [frame for frame in frames if frame.filename.startswith("<")]
        assert generated, frames
        for frame in generated:
            assert frame.line, frame  # the source line, from linecache
            assert frame.line == linecache.getline(frame.filename, frame.lineno).strip()
        assert any("required(cls, 'hwid')" in frame.line for frame in generated)
