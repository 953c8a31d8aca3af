"""A builder's return annotation is its answer, for the type checker and the decoder alike.

The registry reads ``-> Request[Profile]`` as text and finds ``Profile`` in
``linebot_fp.models`` when the first answer arrives; the type checker reads the
same annotation through the builder module's ``TYPE_CHECKING`` imports. These
tests resolve the annotation the type checker's way and compare.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from linebot_fp import Client, Content, Request, api
from linebot_fp.api import _registry
from linebot_fp.api._registry import BINARY, EMPTY, answer_of, answer_type
from linebot_fp.models import Profile, PushMessageResponse, TextSendMessage, responses
from linebot_fp.testing import FakeLineApi


def public_builders() -> dict[str, Callable[..., Any]]:
    """Every public builder of linebot_fp.api, by name."""
    return {name: getattr(api, name) for name in api.__all__
            if inspect.isfunction(getattr(api, name))}


def typing_namespace(module_name: str) -> dict[str, Any]:
    """The module's globals plus what it imports under ``if TYPE_CHECKING:``, made real."""
    module = importlib.import_module(module_name)
    namespace = dict(vars(module))
    tree = ast.parse(inspect.getsource(module))
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            exec(compile(ast.Module(body=node.body, type_ignores=[]), module_name, "exec"),
                 namespace)
    return namespace


def checker_answer(builder: Callable[..., Any]) -> Any:
    """The answer type a type checker sees: the ``X`` of ``-> Request[X]``."""
    annotation = eval(builder.__annotations__["return"], typing_namespace(builder.__module__))
    assert annotation.__origin__ is Request
    (answer,) = annotation.__args__
    return answer


BUILDERS = public_builders()


def test_every_public_builder_brings_a_precise_answer():
    """A model, Content or None: no public builder leaves its answer as plain JSON."""
    assert len(BUILDERS) > 100
    assert sorted(name for name in BUILDERS if answer_type(name) is None) == []


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_decoder_answers_what_the_annotation_says(name):
    expected = checker_answer(BUILDERS[name])
    decoded = answer_type(name)
    if expected is Content:
        assert decoded == BINARY
    elif expected is type(None):
        assert decoded == EMPTY
    else:
        assert decoded is expected  # the very class the annotation names


def test_answers_are_written_once():
    """No builder module names a response model as a "module:Class" string any more."""
    for family in _registry.FAMILIES:
        source = inspect.getsource(importlib.import_module(family))
        assert "answers=" not in source, family


class TestAnswerOf:
    def test_models_binary_empty_and_plain_json(self):
        def model() -> Request[Profile]: ...
        def binary() -> Request[Content]: ...
        def empty() -> Request[None]: ...
        def plain() -> Request[Any]: ...
        def mapping() -> Request[dict[str, Any]]: ...

        def dotted() -> Request[responses.Profile]: ...
        def nested() -> Request[list[responses.Profile]]: ...

        assert answer_of(model) == "linebot_fp.models:Profile"
        assert answer_of(dotted) == "linebot_fp.models:Profile"
        assert answer_of(nested) is None
        assert answer_of(binary) == BINARY
        assert answer_of(empty) == EMPTY
        assert answer_of(plain) is None
        assert answer_of(mapping) is None

    def test_a_builder_without_its_answer_is_refused_when_registered(self):
        def bare() -> Request: ...  # type: ignore[type-arg]
        def unannotated(): ...

        for builder in (bare, unannotated):
            with pytest.raises(TypeError, match=rf"builder {builder.__name__} must be annotated"):
                _registry.operation()(builder)


def test_building_imports_no_answer_model_and_the_first_answer_imports_one():
    code = """
import json, sys
from linebot_fp import api
from linebot_fp.models import TextSendMessage
api.get_profile("U1"), api.push_message("U1", TextSendMessage(text="hi")), api.leave_group("G1")
before = set(sys.modules)
from linebot_fp.api._registry import answer_type
profile = answer_type("get_profile")
print(json.dumps([profile.__name__, profile.__module__ in before,
                  sorted(set(sys.modules) - before)]))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    name, imported_before, imported_by_decoding = json.loads(result.stdout)
    assert (name, imported_before) == ("Profile", False)
    # the small module of the profile answers, not every answer model
    assert "linebot_fp.models._responses.profiles" in imported_by_decoding
    assert "linebot_fp.models.responses" not in imported_by_decoding


class TestEndToEnd:
    """Against FakeLineApi, ``client.send`` returns what the annotation promises."""

    @pytest.fixture
    def client(self):
        with FakeLineApi() as server:
            server.on("GET", "/v2/bot/profile/U1",
                      json={"userId": "U1", "displayName": "Brown", "language": "en"})
            server.on("POST", "/v2/bot/message/push", json={"sentMessages": [
                {"id": "461230966842064897", "quoteToken": "IStG5h1Tz7b..."}]})
            server.on("GET", "/v2/bot/message/325708/content", body=b"\x89PNG...",
                      headers={"Content-Type": "image/png"})
            yield Client("token", endpoints=server.endpoints, retry=None)

    def test_a_model(self, client):
        profile = client.send(api.get_profile("U1"))
        assert isinstance(profile, Profile)
        assert profile.display_name == "Brown"

    def test_push_answers_its_sent_messages(self, client):
        answer = client.send(api.push_message("U1", TextSendMessage(text="hi")))
        assert isinstance(answer, PushMessageResponse)
        assert answer.sent_messages[0].id == "461230966842064897"

    def test_binary_content(self, client):
        with client.send(api.get_message_content("325708")) as content:
            assert isinstance(content, Content)
            assert (content.content_type, content.content) == ("image/png", b"\x89PNG...")

    def test_an_empty_answer_is_none_though_line_sends_an_empty_object(self, client):
        assert client.send(api.leave_group("G1")) is None  # the fake answers 200 "{}"
        assert client.send(api.set_default_rich_menu("richmenu-1")) is None
