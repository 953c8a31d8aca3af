"""A bot on the ready apps and the async transports, as a user writes it: it must pass
mypy --strict and pyright (tests/test_apps_typing.py)."""

from __future__ import annotations

import sys

from linebot_fp import AsyncClient, Client, Request
from linebot_fp.api import get_message_content, get_profile, reply_message
from linebot_fp.apps import ASGIApp, asgi_app, wsgi_app
from linebot_fp.content import Content
from linebot_fp.inbox import Counts, Inbox, MemoryInbox, SqliteInbox
from linebot_fp.models import (
    FollowEvent,
    MessageEvent,
    Profile,
    ReplyMessageResponse,
    TextMessage,
    TextSendMessage,
)
from linebot_fp.transport import AsyncTransport
from linebot_fp.transports import AiohttpTransport, HttpxTransport
from linebot_fp.webhook_endpoint import WebhookAnswer, async_webhook_endpoint, webhook_endpoint

if sys.version_info >= (3, 11):
    from typing import assert_type
else:
    from typing_extensions import assert_type

transport: AsyncTransport = HttpxTransport()
other: AsyncTransport = AiohttpTransport()
client = AsyncClient("token", transport=transport)


def echo(event: MessageEvent) -> Request[ReplyMessageResponse]:
    assert isinstance(event.message, TextMessage)
    assert event.reply_token
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


async def welcome(event: FollowEvent) -> Request[ReplyMessageResponse] | None:
    if event.source is None or event.source.user_id is None or event.reply_token is None:
        return None
    profile = await client.send(get_profile(event.source.user_id))
    assert_type(profile, Profile)
    return reply_message(event.reply_token, TextSendMessage(text=profile.display_name))


HANDLERS = {(MessageEvent, TextMessage): echo, FollowEvent: welcome}

inbox: Inbox = SqliteInbox("inbox.sqlite3", max_attempts=3)
app = asgi_app(["new-secret", "old-secret"], HANDLERS, client=client, inbox=inbox)
served: ASGIApp = app
application = wsgi_app("secret", {(MessageEvent, TextMessage): echo}, client=Client("token"),
                       inbox=MemoryInbox(lease_seconds=30), answer_within=0.5)
assert_type(application.drain(), Counts)
endpoint = webhook_endpoint("secret", {(MessageEvent, TextMessage): echo})
async_endpoint = async_webhook_endpoint("secret", HANDLERS, client=client)


async def callback(body: bytes, signature: str | None) -> tuple[int, str]:
    status, text = await async_endpoint(body, signature)
    assert_type(endpoint(body, signature), WebhookAnswer)
    return status, text


async def download(message_id: str) -> bytes:
    async with await client.send(get_message_content(message_id)) as content:
        assert_type(content, Content)
        return b"".join([chunk async for chunk in content.aiter_content(64 * 1024)])
