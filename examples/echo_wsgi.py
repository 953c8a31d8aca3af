"""Echo bot on the standard library alone: a WSGI app served by ``wsgiref``.

    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    python examples/echo_wsgi.py          # then set the webhook URL to https://<host>/callback

``LINE_API_ENDPOINT`` (optional) sends the replies elsewhere, e.g. to a FakeLineApi.
Any WSGI server (gunicorn, uWSGI, waitress) can serve ``application`` too.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from wsgiref.simple_server import make_server

from linebot_fp import Client, InvalidPayloadError, InvalidSignatureError, dispatch, parse
from linebot_fp.api import reply_message
from linebot_fp.models import MessageEvent, StickerMessage, TextMessage, TextSendMessage

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

SECRET = os.environ["LINE_CHANNEL_SECRET"]
ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
client = Client(os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
                endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)


def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def sticker_answer(event):
    return reply_message(event.reply_token, TextSendMessage(text="Nice sticker!"))


HANDLERS = {(MessageEvent, TextMessage): echo, (MessageEvent, StickerMessage): sticker_answer}


def application(environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
    if environ["REQUEST_METHOD"] != "POST" or environ.get("PATH_INFO") != "/callback":
        return respond(start_response, "404 Not Found", "not found")
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    try:
        events = parse(body, environ.get("HTTP_X_LINE_SIGNATURE"), SECRET)
    except (InvalidSignatureError, InvalidPayloadError) as error:
        return respond(start_response, "400 Bad Request", str(error))
    for request in dispatch(HANDLERS, events):
        client.send(request)
    return respond(start_response, "200 OK", "OK")


def respond(start_response: StartResponse, status: str, text: str) -> list[bytes]:
    body = text.encode()
    start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8000"))
    with make_server("", port, application) as server:
        print(f"listening on http://localhost:{port}/callback")
        server.serve_forever()
