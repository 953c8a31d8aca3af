"""Echo bot as a ready WSGI app: no web framework, one call makes the whole endpoint.

    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    python examples/wsgi_app.py           # then set the webhook URL to https://<host>/callback

``wsgi_app`` reads the body (at most 1 MiB: 413 beyond), checks the signature
(400), parses, records each event once in its inbox and answers 200 at once;
background threads then hand each event to its handler and send what it
returns (a failing handler is retried, then parked). Any WSGI server
(gunicorn, uWSGI, waitress) can serve ``application``; with several worker
processes, give them one inbox file: ``LINE_INBOX=inbox.sqlite3``.
``LINE_CHANNEL_SECRET`` may hold several secrets separated by commas while you
rotate them. ``LINE_API_ENDPOINT`` (optional) sends the replies
elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os
from wsgiref.simple_server import make_server

from linebot_fp import Client
from linebot_fp.api import reply_message
from linebot_fp.apps import wsgi_app
from linebot_fp.inbox import open_inbox
from linebot_fp.models import FollowEvent, MessageEvent, TextMessage, TextSendMessage

ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
client = Client(os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
                endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)


def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def welcome(event):
    return reply_message(event.reply_token, TextSendMessage(text="Thanks for adding me!"))


application = wsgi_app(os.environ["LINE_CHANNEL_SECRET"].split(","),
                       {(MessageEvent, TextMessage): echo, FollowEvent: welcome},
                       client=client,
                       inbox=open_inbox(os.environ["LINE_INBOX"]) if "LINE_INBOX" in os.environ
                       else None)

if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8000"))
    with make_server("", port, application) as server:
        print(f"listening on http://localhost:{port}/callback")
        server.serve_forever()
