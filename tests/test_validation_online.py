"""Confirming with LINE: the validate endpoints, their 400 answers read as offline problems.

Each test runs a real :class:`~linebot_fp.Client` (or ``AsyncClient``) against
``FakeLineApi`` on 127.0.0.1, scripted with the bodies LINE answers (shapes from
LINE's error responses and the 400s users reported): request-level details
(``messages[0].text``), and details inside one message ("A message (messages[0])
in the request body is invalid") as a JSON pointer from the flex container
(``/hero/url``) or from the message (``template/actions/0/uri``).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from validation_support import bubble, flex, rich_menu

from linebot_fp import AsyncClient, Client, LineBotApiError, validate
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import (
    ButtonsTemplate,
    ImageComponent,
    TemplateSendMessage,
    TextSendMessage,
    URIAction,
)
from linebot_fp.testing import FakeLineApi
from linebot_fp.validation import (
    Problem,
    confirm,
    confirm_async,
    problems_from_error,
    validation_request,
)

PUSH = "/v2/bot/message/validate/push"


@pytest.fixture
def api() -> Any:
    with FakeLineApi() as server:
        yield server


def client_for(api: FakeLineApi) -> Client:
    return Client("token", endpoints=api.endpoints, retry=None)


def invalid(message: str, *details: tuple[str, str]) -> dict[str, Any]:
    return {"message": message,
            "details": [{"message": text, "property": where} for where, text in details]}


def test_valid_messages_give_no_problem_and_reach_the_push_validate_endpoint(api: Any) -> None:
    api.on("POST", PUSH, status=200, json={})
    assert confirm(client_for(api), TextSendMessage(text="hi")) == ()
    (request,) = api.requests
    assert request.path == PUSH
    assert request.json() == {"messages": [{"type": "text", "text": "hi"}]}


def test_request_level_details_are_kept_as_LINE_names_them(api: Any) -> None:
    api.on("POST", PUSH, status=400, json=invalid(
        "The request body has 2 error(s)", ("messages[0].text", "May not be empty"),
        ("messages[1].type", "Must be one of the following values: [text, image]")))
    problems = confirm(client_for(api), [TextSendMessage(text=""), TextSendMessage(text="b")])
    assert problems == (Problem("messages[0].text", "May not be empty"),
                        Problem("messages[1].type",
                                "Must be one of the following values: [text, image]"))
    assert problems[0].property == validate([TextSendMessage(text="")])[0].property


def test_a_flex_pointer_is_read_from_the_container_as_offline(api: Any) -> None:
    message = flex(bubble(hero=ImageComponent(url="http://example.com/a.png")))
    api.on("POST", PUSH, status=400, json=invalid(
        "A message (messages[0])\u00a0in the request body is invalid",
        ("/hero/url", "invalid uri scheme")))
    problems = confirm(client_for(api), [message])
    assert problems == (Problem("messages[0].contents.hero.url", "invalid uri scheme"),)
    assert [p.property for p in validate([message])] == ["messages[0].contents.hero.url"]


def test_a_template_pointer_is_read_from_the_message_as_offline(api: Any) -> None:
    message = TemplateSendMessage(alt_text="b", template=ButtonsTemplate(
        text="t", actions=[URIAction(label="go", uri="https://e.com/" + "a" * 990)]))
    api.on("POST", "/v2/bot/message/validate/reply", status=400, json=invalid(
        "A message (messages[1]) in the request body is invalid",
        ("template/actions/0/uri", "size must be between 0 and 1000")))
    problems = confirm(client_for(api), [TextSendMessage(text="a"), message], kind="reply")
    assert problems == (Problem("messages[1].template.actions[0].uri",
                                "size must be between 0 and 1000"),)
    assert [p.property for p in validate([TextSendMessage(text="a"), message])] == [
        "messages[1].template.actions[0].uri"]


def test_an_answer_without_details_names_the_message(api: Any) -> None:
    api.on("POST", "/v2/bot/message/validate/broadcast", status=400, json={
        "message": "A message (messages[2]) in the request body is invalid"})
    problems = confirm(client_for(api), [TextSendMessage(text=str(i)) for i in range(3)],
                       kind="broadcast")
    assert problems == (Problem("messages[2]",
                                "A message (messages[2]) in the request body is invalid"),)


def test_a_pointer_inside_a_message_without_a_leading_slash_and_escapes(api: Any) -> None:
    api.on("POST", "/v2/bot/message/validate/multicast", status=400, json=invalid(
        "A message (messages[0]) in the request body is invalid",
        ("/quickReply/items/13", "too many"), ("text", "May not be empty"),
        ("", "invalid")))
    problems = confirm(client_for(api), [TextSendMessage(text="x")], kind="multicast")
    assert [p.property for p in problems] == ["messages[0].quickReply.items[13]",
                                              "messages[0].text", "messages[0]"]


def test_a_rich_menu_is_confirmed_at_the_rich_menu_validate_endpoint(api: Any) -> None:
    api.on("POST", "/v2/bot/richmenu/validate", status=400, json=invalid(
        "The request body has 1 error(s)", ("chatBarText", "size must be between 0 and 14")))
    problems = confirm(client_for(api), rich_menu())
    assert problems == (Problem("chatBarText", "size must be between 0 and 14"),)
    assert api.requests[-1].path == "/v2/bot/richmenu/validate"


@pytest.mark.parametrize("kind", ["reply", "push", "multicast", "narrowcast", "broadcast"])
def test_each_kind_has_its_endpoint(api: Any, kind: str) -> None:
    api.on("POST", f"/v2/bot/message/validate/{kind}", status=200, json={})
    assert confirm(client_for(api), TextSendMessage(text="hi"), kind=kind) == ()  # type: ignore[arg-type]
    assert api.requests[-1].path == f"/v2/bot/message/validate/{kind}"


def test_other_errors_are_raised_not_turned_into_problems(api: Any) -> None:
    api.on("POST", PUSH, status=401, json={"message": "Authentication failed"})
    with pytest.raises(LineBotApiError) as raised:
        confirm(client_for(api), TextSendMessage(text="hi"))
    assert raised.value.status_code == 401


def test_kinds_that_do_not_fit_the_value_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="rich_menu"):
        validation_request(rich_menu(), "push")
    with pytest.raises(InvalidInputError, match="kind must be one of"):
        validation_request(TextSendMessage(text="x"), "rich_menu")
    with pytest.raises(InvalidInputError, match="kind must be one of"):
        validation_request(TextSendMessage(text="x"), "pull")  # type: ignore[arg-type]


def test_confirm_async_answers_as_confirm(api: Any) -> None:
    message = flex(bubble(hero=ImageComponent(url="http://example.com/a.png")))
    api.on("POST", PUSH, status=400, json=invalid(
        "A message (messages[0]) in the request body is invalid",
        ("/hero/url", "invalid uri scheme")))
    client = AsyncClient("token", endpoints=api.endpoints, retry=None)
    problems = asyncio.run(confirm_async(client, [message]))
    assert problems == (Problem("messages[0].contents.hero.url", "invalid uri scheme"),)


def test_problems_from_an_error_raised_by_a_real_send(api: Any) -> None:
    from linebot_fp.api import push_message

    message = flex(bubble(hero=ImageComponent(url="http://example.com/a.png")))
    api.on("POST", "/v2/bot/message/push", status=400, json=invalid(
        "A message (messages[0]) in the request body is invalid",
        ("/hero/url", "invalid uri scheme")))
    with pytest.raises(LineBotApiError) as raised:
        client_for(api).send(push_message("U1", message))
    # the error carries the request it came from: that says messages[0] is a flex message
    assert problems_from_error(raised.value) == (
        Problem("messages[0].contents.hero.url", "invalid uri scheme"),)
