"""Tools for testing bots without mocking HTTP.

* Event factories (``text_message_event("hi")``, ``follow_event()``, ...) give
  the event values a handler receives; ``webhook_body(events, secret)`` gives the
  signed body LINE would post for them, and ``post_webhook`` posts it.
* ``RecordingTransport`` and ``ScriptedTransport`` let a real ``Client`` run with
  no socket at all; ``FakeLineApi`` is a real HTTP server on 127.0.0.1 playing
  the LINE API (retry keys included) that can inject every ``Fault`` a network
  and the API commit, and ``WsgiServer`` / ``AsgiServer`` serve your bot's WSGI / ASGI
  app next to it; ``run_pending(app)`` waits for an inbox-backed app's handlers.

Nothing here is imported by ``import linebot_fp``; names below load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp._lazy import lazy_exports

if TYPE_CHECKING:
    from linebot_fp.testing.asgi import AsgiServer as AsgiServer
    from linebot_fp.testing.clock import FakeClock as FakeClock
    from linebot_fp.testing.events import (
        GROUP_ID as GROUP_ID,
        ROOM_ID as ROOM_ID,
        TIMESTAMP as TIMESTAMP,
        USER_ID as USER_ID,
        EventOptions as EventOptions,
        ReplyEventOptions as ReplyEventOptions,
        account_link_event as account_link_event,
        audio_message_event as audio_message_event,
        beacon_event as beacon_event,
        file_message_event as file_message_event,
        follow_event as follow_event,
        image_message_event as image_message_event,
        join_event as join_event,
        leave_event as leave_event,
        location_message_event as location_message_event,
        member_joined_event as member_joined_event,
        member_left_event as member_left_event,
        message_event as message_event,
        postback_event as postback_event,
        sticker_message_event as sticker_message_event,
        text_message_event as text_message_event,
        unfollow_event as unfollow_event,
        unknown_event as unknown_event,
        unsend_event as unsend_event,
        video_message_event as video_message_event,
        video_play_complete_event as video_play_complete_event,
    )
    from linebot_fp.testing.fake_api import (
        ALL_FAULTS as ALL_FAULTS,
        FakeLineApi as FakeLineApi,
        FakeResponse as FakeResponse,
        Fault as Fault,
        RecordedRequest as RecordedRequest,
    )
    from linebot_fp.testing.inbox import run_pending as run_pending
    from linebot_fp.testing.transports import (
        RecordingTransport as RecordingTransport,
        ScriptedTransport as ScriptedTransport,
        json_response as json_response,
    )
    from linebot_fp.testing.webhooks import (
        DESTINATION as DESTINATION,
        WEBHOOK_USER_AGENT as WEBHOOK_USER_AGENT,
        post_webhook as post_webhook,
        sign as sign,
        webhook_body as webhook_body,
        webhook_headers as webhook_headers,
    )
    from linebot_fp.testing.wsgi import WsgiServer as WsgiServer

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "linebot_fp.testing.events": (
        "GROUP_ID", "ROOM_ID", "TIMESTAMP", "USER_ID", "EventOptions", "ReplyEventOptions",
        "account_link_event", "audio_message_event", "beacon_event", "file_message_event",
        "follow_event", "image_message_event", "join_event", "leave_event",
        "location_message_event", "member_joined_event", "member_left_event", "message_event",
        "postback_event", "sticker_message_event", "text_message_event", "unfollow_event",
        "unknown_event", "unsend_event", "video_message_event", "video_play_complete_event",
    ),
    "linebot_fp.testing.asgi": ("AsgiServer",),
    "linebot_fp.testing.clock": ("FakeClock",),
    "linebot_fp.testing.inbox": ("run_pending",),
    "linebot_fp.testing.fake_api": ("ALL_FAULTS", "FakeLineApi", "FakeResponse", "Fault",
                                    "RecordedRequest"),
    "linebot_fp.testing.transports": ("RecordingTransport", "ScriptedTransport", "json_response"),
    "linebot_fp.testing.webhooks": ("DESTINATION", "WEBHOOK_USER_AGENT", "post_webhook", "sign",
                                    "webhook_body", "webhook_headers"),
    "linebot_fp.testing.wsgi": ("WsgiServer",),
})
