"""Bot mounted in a Starlette app, several worker processes sharing one record of handled events.

    pip install starlette uvicorn 'linebot_fp[aiohttp]'
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    uvicorn examples.starlette_mount:app --workers 4  # webhook URL: https://<host>/line/callback

LINE redelivers the events of a webhook it got no answer for. The app skips an
event whose ``webhook_event_id`` it already handled; with several processes on
one machine they share that record through an SQLite file (``LINE_EVENT_DB``,
``handled-events.sqlite3`` unless set). Across machines, give ``store=`` an
object with ``claim``, ``done`` and ``release`` on Redis or DynamoDB (see
``linebot_fp.event_store``). ``LINE_API_ENDPOINT`` (optional) sends every
request elsewhere, e.g. to a FakeLineApi.
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
from linebot_fp.event_store import SqliteEventStore
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
                   store=SqliteEventStore(os.environ.get("LINE_EVENT_DB",
                                                         "handled-events.sqlite3")))



@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    yield
    await transport.aclose()


app = Starlette(routes=[Route("/", home), Mount("/line", app=webhook)], lifespan=lifespan)
