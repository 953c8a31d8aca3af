"""Echo bot on Flask.

    pip install flask
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    flask --app examples/echo_flask.py run --port 8000    # webhook URL: https://<host>/callback

``LINE_API_ENDPOINT`` (optional) sends the replies elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os

from flask import Flask, abort, request

from linebot_fp import Client, InvalidPayloadError, InvalidSignatureError, dispatch, parse
from linebot_fp.api import reply_message
from linebot_fp.models import (
    FollowEvent,
    MessageEvent,
    StickerMessage,
    StickerSendMessage,
    TextMessage,
    TextSendMessage,
)

SECRET = os.environ["LINE_CHANNEL_SECRET"]
ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
client = Client(os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
                endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)
app = Flask(__name__)


def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def echo_sticker(event):
    sticker = StickerSendMessage(package_id=event.message.package_id,
                                 sticker_id=event.message.sticker_id)
    return reply_message(event.reply_token, sticker)


def welcome(event):
    return reply_message(event.reply_token, TextSendMessage(text="Thanks for adding me!"))


HANDLERS = {
    (MessageEvent, TextMessage): echo,
    (MessageEvent, StickerMessage): echo_sticker,
    FollowEvent: welcome,
}


@app.post("/callback")
def callback() -> str:
    try:
        events = parse(request.get_data(), request.headers.get("X-Line-Signature"), SECRET)
    except (InvalidSignatureError, InvalidPayloadError):
        abort(400)
    for reply in dispatch(HANDLERS, events):
        client.send(reply)
    return "OK"
