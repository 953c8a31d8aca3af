"""Bot on FastAPI, served by uvicorn: the ready ASGI webhook app mounted next to your routes.

    pip install fastapi uvicorn 'linebot_fp[httpx]'
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    uvicorn examples.fastapi_bot:app --port 8000    # webhook URL: https://<host>/line/callback

Nothing here blocks the event loop: the client sends over httpx, the async
handler awaits its profile lookup, the plain one runs in a worker thread, and
``/health`` answers while webhooks are handled. ``LINE_CHANNEL_SECRET`` may hold
several secrets separated by commas while you rotate them.
``LINE_API_ENDPOINT`` (optional) sends every request elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from linebot_fp import AsyncClient
from linebot_fp.api import get_profile, reply_message
from linebot_fp.apps import asgi_app
from linebot_fp.models import FollowEvent, MessageEvent, TextMessage, TextSendMessage
from linebot_fp.transports import HttpxTransport

ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
transport = HttpxTransport()
client = AsyncClient(os.environ["LINE_CHANNEL_ACCESS_TOKEN"], transport=transport,
                     endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)


def echo(event):
    """A plain handler: run in a worker thread."""
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


async def welcome(event):
    """A coroutine handler: awaited, so it can call the API itself."""
    profile = await client.send(get_profile(event.source.user_id))
    return reply_message(event.reply_token,
                         TextSendMessage(text=f"Welcome, {profile.display_name}!"))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await transport.aclose()


app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


webhook = asgi_app(os.environ["LINE_CHANNEL_SECRET"].split(","),
                   {(MessageEvent, TextMessage): echo, FollowEvent: welcome}, client=client)
app.mount("/line", webhook)
