"""A user's bot, written from the README: mypy --strict and pyright must pass it.

``tests/test_typing.py`` runs both checkers on this file; pytest never collects
or runs it. Each ``assert_type`` states what a user's editor must infer, so a
builder that loses its answer type fails the check.
"""
# pyright: strict

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from typing import Any

from linebot_fp import (
    AsyncClient,
    Client,
    Content,
    LineBotApiError,
    Request,
    api,
    dispatch,
    jobs,
    parse,
)
from linebot_fp.models import (
    BroadcastResponse,
    Event,
    FollowEvent,
    MessageEditedEvent,
    MessageEvent,
    MulticastResponse,
    PostbackEvent,
    Profile,
    PushMessageResponse,
    ReplyMessageResponse,
    RichMenuBatchProgressResponse,
    RichMenuBatchRequest,
    RichMenuBatchResponse,
    RichMenuBatchUnlinkAllOperation,
    RichMenuIdResponse,
    TextMessage,
    TextSendMessage,
    UserIds,
)

if sys.version_info >= (3, 11):
    from typing import assert_type
else:  # both checkers know typing_extensions; this file is never run
    from typing_extensions import assert_type

client = Client("CHANNEL_ACCESS_TOKEN")


def reply_text(event: MessageEvent | FollowEvent | PostbackEvent,
               text: str) -> Request[ReplyMessageResponse]:
    assert event.reply_token is not None
    return api.reply_message(event.reply_token, TextSendMessage(text=text))


def on_text(event: MessageEvent) -> Request[ReplyMessageResponse]:
    assert isinstance(event.message, TextMessage)
    return reply_text(event, event.message.text)


def on_message(event: MessageEvent) -> Request[ReplyMessageResponse]:
    return reply_text(event, "got it")


def on_follow(event: FollowEvent) -> Request[ReplyMessageResponse]:
    return reply_text(event, "welcome")


def on_postback(event: PostbackEvent) -> Request[ReplyMessageResponse]:
    return reply_text(event, event.postback.data)


def on_anything(event: Event) -> Request[ReplyMessageResponse]:
    return api.reply_message("reply-token", TextSendMessage(text=type(event).__name__))


def callback(body: bytes, signature: str) -> None:
    events = parse(body, signature, "CHANNEL_SECRET")
    assert_type(events, list[Event])
    # handlers of different event classes, and a default: the result type flows
    requests = dispatch({
        MessageEvent: on_message,
        (MessageEvent, TextMessage): on_text,
        FollowEvent: on_follow,
    }, events, default=on_anything)
    assert_type(requests, list[Request[ReplyMessageResponse]])
    for request in requests:
        assert_type(client.send(request), ReplyMessageResponse)
    # handlers of one event class
    texts = dispatch({(MessageEvent, TextMessage): on_text}, events)
    assert_type(texts, list[Request[ReplyMessageResponse]])
    # handlers of different event classes, no default: accepted by both checkers; mypy
    # then needs the variable annotated to know the type (pyright infers it)
    others: list[Request[ReplyMessageResponse]] = dispatch(
        {FollowEvent: on_follow, PostbackEvent: on_postback}, events)
    for request in others:
        assert_type(client.send(request), ReplyMessageResponse)


def answers(user_id: str, user_ids: Sequence[str]) -> None:
    profile = client.send(api.get_profile(user_id))
    assert_type(profile, Profile)
    print(profile.display_name, profile.picture_url)
    hello = TextSendMessage(text="hello")
    assert_type(client.send(api.push_message(user_id, hello)), PushMessageResponse)
    keyed = api.push_message(user_id, hello).with_retry_key()  # stored, sent later: same type
    assert_type(keyed, Request[PushMessageResponse])
    assert_type(client.send(api.multicast(user_ids, [hello, hello])), MulticastResponse)
    assert_type(client.send(api.broadcast(hello, retry_key="8d6a3b1e-5c1f-4f5a-9b36-8a6f"
                                                            "0c2d1e44")), BroadcastResponse)
    assert_type(client.send(api.get_followers_ids(limit=1000)), UserIds)
    assert_type(client.send(api.get_rich_menu_id_of_user(user_id)), RichMenuIdResponse)
    assert_type(api.get_profile(user_id), Request[Profile])
    assert_type(api.leave_group("G1"), Request[None])
    client.send(api.leave_group("G1"))  # an empty answer: the send returns None
    content = client.send(api.get_message_content("325708"))
    assert_type(content, Content)
    with content:
        for chunk in content.iter_content(64 * 1024):
            assert_type(chunk, bytes)
    with client.send(api.get_rich_menu_image("richmenu-1")) as image:
        assert_type(image.content, bytes)


def resend_after_failure(user_id: str) -> None:
    """Every error of ``send`` carries the request as attempted, retry key and all."""
    try:
        client.send(api.push_message(user_id, TextSendMessage(text="hello")))
    except LineBotApiError as error:
        assert_type(error.request, Request[Any] | None)
        if error.request is not None:
            client.send(error.request)  # the same retry key: never delivered twice


def rich_menu_batch_awaited() -> None:
    """The batch's answer carries the request id its progress is read by (README, jobs)."""
    batch = client.send(api.rich_menu_batch(RichMenuBatchRequest(
        operations=[RichMenuBatchUnlinkAllOperation()])))
    assert_type(batch, RichMenuBatchResponse)
    done = jobs.result(client, jobs.rich_menu_batch_progress(batch.request_id))
    assert_type(done, RichMenuBatchProgressResponse)


def on_edit(event: MessageEditedEvent) -> Request[ReplyMessageResponse] | None:
    if isinstance(event.message, TextMessage) and event.reply_token:
        return api.reply_message(event.reply_token,
                                 TextSendMessage(text=f"now: {event.message.text}"))
    return None


edits = dispatch({(MessageEditedEvent, TextMessage): on_edit}, [])


async def answers_async(user_ids: Sequence[str]) -> None:
    async_client = AsyncClient("CHANNEL_ACCESS_TOKEN")
    assert_type(await async_client.send(api.get_profile(user_ids[0])), Profile)
    await async_client.send(api.leave_room("R1"))
    profiles = await asyncio.gather(*(async_client.send(api.get_profile(u)) for u in user_ids))
    assert_type(profiles, list[Profile])


replayed = Request.from_dict({"operation": "get_profile", "method": "GET", "base": "api",
                              "path": "/v2/bot/profile/U1"})
assert_type(replayed, Request[Any])
any_builder: Callable[..., Request[Any]] = api.get_profile
profile_builder: Callable[[str], Request[Profile]] = api.get_profile
