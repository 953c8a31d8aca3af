"""Bot on an aiohttp web server, sending over the same library.

    pip install 'linebot_fp[aiohttp]'
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    python examples/aiohttp_bot.py            # webhook URL: https://<host>/callback

aiohttp serves its own apps (not ASGI), so the view hands the raw body and the
``X-Line-Signature`` header to ``async_webhook_endpoint``, which checks, parses,
records the events in its inbox and says what to answer; its workers (tasks of
aiohttp's loop) run the handlers and send. aiohttp itself refuses a body over
``client_max_size`` with 413. ``LINE_API_ENDPOINT`` (optional) sends every
request elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os

from aiohttp import web

from linebot_fp import AsyncClient
from linebot_fp.api import reply_message
from linebot_fp.models import FollowEvent, MessageEvent, TextMessage, TextSendMessage
from linebot_fp.transports import AiohttpTransport
from linebot_fp.webhook_endpoint import (
    MAX_BODY_SIZE,
    AsyncWebhookEndpoint,
    async_webhook_endpoint,
)

ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
#: where make_app() keeps the webhook endpoint (tests wait on its inbox: endpoint.drain())
LINE_ENDPOINT = web.AppKey("line_endpoint", AsyncWebhookEndpoint)


async def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


async def welcome(event):
    return reply_message(event.reply_token, TextSendMessage(text="Thanks for adding me!"))


def make_app() -> web.Application:
    """The aiohttp application: ``POST /callback``, and the transport closed on cleanup."""
    transport = AiohttpTransport()
    client = AsyncClient(os.environ["LINE_CHANNEL_ACCESS_TOKEN"], transport=transport,
                         endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)
    endpoint = async_webhook_endpoint(os.environ["LINE_CHANNEL_SECRET"].split(","),
                                      {(MessageEvent, TextMessage): echo, FollowEvent: welcome},
                                      client=client)

    async def callback(request: web.Request) -> web.Response:
        status, text = await endpoint(await request.read(),
                                      request.headers.get("X-Line-Signature"))
        return web.Response(status=status, text=text)

    async def close(app: web.Application) -> None:
        await endpoint.stop()
        await transport.aclose()

    app = web.Application(client_max_size=MAX_BODY_SIZE)
    app.router.add_post("/callback", callback)
    app.on_cleanup.append(close)
    app[LINE_ENDPOINT] = endpoint
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=int(os.environ.get("PORT", "8000")))
