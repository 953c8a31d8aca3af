"""Bot mounted in a Starlette app, several worker processes sharing one inbox.

    pip install starlette uvicorn 'linebot_fp[aiohttp]'
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    uvicorn examples.starlette_mount:app --workers 4  # webhook URL: https://<host>/line/callback

The app writes every event to its inbox before answering LINE, then the
workers of every process lease the events and run the handlers: an event is
recorded once however often LINE redelivers it, and handled once even when a
worker dies mid-way (its lease lapses and another process takes it).
``LINE_INBOX`` says where the inbox lives: an SQLite file the processes of one
machine share (``inbox.sqlite3`` unless set), or a ``redis://`` URL the
machines share. ``LINE_API_ENDPOINT`` (optional) sends every request
elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from linebot_fp import AsyncClient
from linebot_fp.api import reply_message
from linebot_fp.apps import asgi_app
from linebot_fp.inbox import open_inbox
from linebot_fp.models import MessageEvent, StickerMessage, TextMessage, TextSendMessage
from linebot_fp.transports import AiohttpTransport

ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
transport = AiohttpTransport()
client = AsyncClient(os.environ["LINE_CHANNEL_ACCESS_TOKEN"], transport=transport,
                     endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)


async def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


async def sticker(event):
    return reply_message(event.reply_token, TextSendMessage(text="Nice sticker!"))


async def home(request: Request) -> PlainTextResponse:
    return PlainTextResponse("a LINE bot lives at /line/callback")


webhook = asgi_app(os.environ["LINE_CHANNEL_SECRET"].split(","),
                   {(MessageEvent, TextMessage): echo, (MessageEvent, StickerMessage): sticker},
                   client=client,
                   inbox=open_inbox(os.environ.get("LINE_INBOX", "inbox.sqlite3")))


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    yield
    await transport.aclose()


app = Starlette(routes=[Route("/", home), Mount("/line", app=webhook)], lifespan=lifespan)
