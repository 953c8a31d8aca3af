"""The bot the real-server tests run under gunicorn and uvicorn (``inbox_bot:application`` /
``inbox_bot:app``), configured by environment variables:

* ``BOT_KIND``: ``wsgi`` or ``asgi``;
* ``BOT_INBOX``: the inbox (an SQLite path or a redis:// URL); ``BOT_LEASE``: lease seconds;
* ``BOT_API``: the FakeLineApi URL its pushes go to;
* ``BOT_LOG``: an SQLite file where each handler call writes ``(event, phase, pid)``;
* ``BOT_BODY_TIMEOUT``: the apps' ``body_timeout`` (seconds; 5 unless set).

Handlers, chosen by the text of a message:

* ``sleep:N``: write ``started``, sleep N seconds, write ``handled``, push;
* ``die-once``: the first time, write ``started`` and sleep (the test kills the process);
  the next time, write ``handled`` and push;
* anything else: write ``handled`` and push the text back.
"""

from __future__ import annotations

import os
import sqlite3
import time
from typing import Any

from linebot_fp import AsyncClient, Client
from linebot_fp.api import push_message
from linebot_fp.apps import asgi_app, wsgi_app
from linebot_fp.inbox import open_inbox
from linebot_fp.models import MessageEvent, TextMessage, TextSendMessage

SECRET = "server-secret"


def write(event: Any, phase: str) -> None:
    with sqlite3.connect(os.environ["BOT_LOG"], timeout=30, isolation_level=None) as log:
        log.execute("PRAGMA journal_mode=WAL")
        log.execute("CREATE TABLE IF NOT EXISTS calls (event TEXT, phase TEXT, pid INTEGER, "
                    "at REAL)")
        log.execute("INSERT INTO calls VALUES (?, ?, ?, ?)",
                    (event.webhook_event_id, phase, os.getpid(), time.time()))
    log.close()


def started_before(event: Any) -> bool:
    with sqlite3.connect(os.environ["BOT_LOG"], timeout=30) as log:
        try:
            row = log.execute("SELECT COUNT(*) FROM calls WHERE event = ? AND phase = 'started'",
                              (event.webhook_event_id,)).fetchone()
        except sqlite3.OperationalError:
            return False
    log.close()
    return bool(row[0])


def handle(event: MessageEvent) -> Any:
    text = event.message.text
    if text.startswith("sleep:"):
        write(event, "started")
        time.sleep(float(text.split(":")[1].split()[0]))
    elif text == "die-once" and not started_before(event):
        write(event, "started")
        time.sleep(120)  # killed before this ends
    write(event, "handled")
    return push_message(event.source.user_id, TextSendMessage(text=text))


def make() -> Any:
    inbox = open_inbox(os.environ["BOT_INBOX"], lease_seconds=float(os.environ["BOT_LEASE"]))
    endpoints = {"api": os.environ["BOT_API"]}
    handlers = {(MessageEvent, TextMessage): handle}
    body_timeout = float(os.environ.get("BOT_BODY_TIMEOUT", "5"))
    if os.environ["BOT_KIND"] == "wsgi":
        return wsgi_app(SECRET, handlers, client=Client("token", endpoints=endpoints),
                        inbox=inbox, poll_interval=0.2, body_timeout=body_timeout)
    return asgi_app(SECRET, handlers, client=AsyncClient("token", endpoints=endpoints),
                    inbox=inbox, poll_interval=0.2, body_timeout=body_timeout)


def booted() -> None:
    """Say this process is ready (the tests post only once every worker is)."""
    with sqlite3.connect(os.environ["BOT_LOG"], timeout=30, isolation_level=None) as log:
        log.execute("CREATE TABLE IF NOT EXISTS boots (pid INTEGER)")
        log.execute("INSERT INTO boots VALUES (?)", (os.getpid(),))
    log.close()


if "BOT_INBOX" in os.environ:  # served; imported by the tests only for SECRET
    application = app = make()
    booted()
