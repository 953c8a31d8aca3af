"""``run_pending``: run an inbox-backed bot's pending work to completion inside a test.

The ready apps answer LINE once an event is recorded and handle it afterwards,
in background workers; a test that posted a webhook waits for them before it
looks at what was sent::

    with FakeLineApi() as api, WsgiServer(app) as bot:
        post_webhook(bot.url + "/callback", *webhook_body([text_message_event("hi")], SECRET))
        run_pending(app)                  # the handlers ran and their sends were made
        assert api.requests[-1].path == "/v2/bot/message/reply"

With a :class:`~linebot_fp.testing.FakeClock` driving the inbox, advance the
clock and call it again to run the retries that came due.
"""

from __future__ import annotations

from typing import Protocol

from linebot_fp.inbox.base import Counts

__all__ = ["run_pending"]


class Drains(Protocol):
    def drain(self, timeout: float = ...) -> Counts: ...


def run_pending(app: Drains, *, timeout: float = 10.0) -> Counts:
    """Wait until ``app`` (a :func:`~linebot_fp.apps.wsgi_app` or
    :func:`~linebot_fp.apps.asgi_app`, or an endpoint) has no due event left to handle in
    this process; the inbox's counts then. ``TimeoutError`` after ``timeout`` seconds."""
    drain = getattr(app, "drain", None)
    if not callable(drain):
        raise ValueError(f"run_pending takes an app or endpoint of linebot_fp.apps / "
                         f"linebot_fp.webhook_endpoint, got {type(app).__name__}")
    counts: Counts = drain(timeout)
    return counts
