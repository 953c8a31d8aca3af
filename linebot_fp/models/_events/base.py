"""Webhook events: the base every event stands on, and its table.

https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects

:class:`Event` holds the fields every event has, each with a default, so any
event, :class:`UnknownEvent` included, answers ``event.source`` and
``event.timestamp``. Every known event (one module each, beside this one) declares
``timestamp`` again as required, because LINE always sends it; an event without
one becomes an :class:`UnknownEvent`. ``Event.family`` is the table of the events
by ``type``: the codec imports an event's module the first time its tag comes.
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Family, Model
from linebot_fp.models._sources.base import Source

__all__ = ["DeliveryContext", "Event"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryContext(Model):
    """How the event was delivered: ``is_redelivery`` is True for a redelivered event."""

    is_redelivery: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Model):
    """Base of the webhook events: the fields every event has; ``timestamp`` in milliseconds."""

    type: ClassVar[str]
    #: the events by ``type``; the rarer services' (LINE Things, memberships, module
    #: channels, LINE notification messages) share ``linebot_fp.models.service_events``
    family: ClassVar[Family] = Family({
        "message": "linebot_fp.models._events.message:MessageEvent",
        "messageEdited": "linebot_fp.models._events.message_edited:MessageEditedEvent",
        "unsend": "linebot_fp.models._events.unsend:UnsendEvent",
        "follow": "linebot_fp.models._events.follow:FollowEvent",
        "unfollow": "linebot_fp.models._events.follow:UnfollowEvent",
        "join": "linebot_fp.models._events.join:JoinEvent",
        "leave": "linebot_fp.models._events.join:LeaveEvent",
        "memberJoined": "linebot_fp.models._events.member:MemberJoinedEvent",
        "memberLeft": "linebot_fp.models._events.member:MemberLeftEvent",
        "postback": "linebot_fp.models._events.postback:PostbackEvent",
        "videoPlayComplete": "linebot_fp.models._events.video_play_complete:VideoPlayCompleteEvent",
        "beacon": "linebot_fp.models._events.beacon:BeaconEvent",
        "accountLink": "linebot_fp.models._events.account_link:AccountLinkEvent",
        "things": "linebot_fp.models.service_events:ThingsEvent",
        "membership": "linebot_fp.models.service_events:MembershipEvent",
        "module": "linebot_fp.models.service_events:ModuleEvent",
        "activated": "linebot_fp.models.service_events:ActivatedEvent",
        "deactivated": "linebot_fp.models.service_events:DeactivatedEvent",
        "botSuspended": "linebot_fp.models.service_events:BotSuspendedEvent",
        "botResumed": "linebot_fp.models.service_events:BotResumedEvent",
        "delivery": "linebot_fp.models.service_events:PnpDeliveryCompletionEvent",
    }, unknown="linebot_fp.models._events.unknown:UnknownEvent")
    timestamp: int | None = None
    source: Source | None = None
    mode: str | None = None
    webhook_event_id: str | None = None
    delivery_context: DeliveryContext | None = None

