"""Webhook events: what LINE posts to a bot's webhook URL, one class per event ``type``.

https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
https://developers.line.biz/en/reference/partner-docs/#module-channel-specific-webhook-events

Received side, decoded leniently (see :mod:`linebot_fp.codec`): enum-like values
(``mode``, ``beacon.type``, ``link.result``, ...) are plain strings; fields LINE
added after an event appeared (``mode``, ``webhook_event_id``,
``delivery_context``, ``follow``) default to ``None``; ``reply_token`` is
``None`` whenever LINE sends none (standby mode, failed account link); an
event ``type`` this SDK does not know, or an event that cannot be read, decodes
to :class:`UnknownEvent` holding its JSON in ``raw``.

The common fields live on :class:`Event`, each with a default: so any event,
:class:`UnknownEvent` included, answers ``event.source`` and
``event.timestamp``, and ``UnknownEvent(raw={...})`` needs nothing else. Every
known event declares ``timestamp`` again as required, because LINE always sends
it; an event without one becomes an :class:`UnknownEvent`.

Each event lives in a small module of its own under ``linebot_fp.models._events``
(the base in ``_events.base``, :class:`UnknownEvent` in ``_events.unknown``), so a
process imports only
the events it meets; importing this module imports them all. The rarer services'
events are in :mod:`linebot_fp.models.service_events`.
This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.models._events.account_link import AccountLinkEvent, Link
from linebot_fp.models._events.base import DeliveryContext, Event
from linebot_fp.models._events.beacon import Beacon, BeaconEvent
from linebot_fp.models._events.follow import Follow, FollowEvent, UnfollowEvent
from linebot_fp.models._events.join import JoinEvent, LeaveEvent
from linebot_fp.models._events.member import Joined, Left, MemberJoinedEvent, MemberLeftEvent
from linebot_fp.models._events.message import MessageEvent
from linebot_fp.models._events.message_edited import MessageEditedEvent
from linebot_fp.models._events.postback import Postback, PostbackEvent, PostbackParams
from linebot_fp.models._events.unknown import UnknownEvent
from linebot_fp.models._events.unsend import Unsend, UnsendEvent
from linebot_fp.models._events.video_play_complete import VideoPlayComplete, VideoPlayCompleteEvent

__all__ = [
    "AccountLinkEvent", "Beacon", "BeaconEvent", "DeliveryContext", "Event", "Follow",
    "FollowEvent", "JoinEvent", "Joined", "LeaveEvent", "Left", "Link", "MemberJoinedEvent",
    "MemberLeftEvent", "MessageEditedEvent", "MessageEvent", "Postback", "PostbackEvent",
    "PostbackParams", "UnfollowEvent", "UnknownEvent", "Unsend", "UnsendEvent",
    "VideoPlayComplete", "VideoPlayCompleteEvent",
]
