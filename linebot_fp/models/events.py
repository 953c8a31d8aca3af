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
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from linebot_fp.errors import InvalidInputError, InvalidPayloadError
from linebot_fp.models._base import KeepsRaw, Model, Unknown
from linebot_fp.models.messages import Message
from linebot_fp.models.sources import Source

__all__ = [
    "AccountLinkEvent",
    "Beacon",
    "BeaconEvent",
    "DeliveryContext",
    "Event",
    "Follow",
    "FollowEvent",
    "JoinEvent",
    "Joined",
    "LeaveEvent",
    "Left",
    "Link",
    "MemberJoinedEvent",
    "MemberLeftEvent",
    "MessageEvent",
    "Postback",
    "PostbackEvent",
    "PostbackParams",
    "UnfollowEvent",
    "UnknownEvent",
    "Unsend",
    "UnsendEvent",
    "VideoPlayComplete",
    "VideoPlayCompleteEvent",
]


# -- the base -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryContext(Model):
    """How the event was delivered: ``is_redelivery`` is True for a redelivered event."""

    is_redelivery: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Model):
    """Base of the webhook events: the fields every event has; ``timestamp`` in milliseconds."""

    type: ClassVar[str]
    #: events of rarer services (LINE Things, memberships, module channels, LINE
    #: notification messages) live in ``linebot_fp.models.service_events``, imported
    #: the first time one of these arrives: a cold start does not pay for them
    members_later: ClassVar[Mapping[str, str]] = dict.fromkeys(
        ("things", "membership", "module", "activated", "deactivated", "botSuspended",
         "botResumed", "delivery"), "linebot_fp.models.service_events")
    timestamp: int | None = None
    source: Source | None = None
    mode: str | None = None
    webhook_event_id: str | None = None
    delivery_context: DeliveryContext | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownEvent(Unknown, Event):
    """An event of a type this SDK does not know, or that it cannot read; ``raw`` is its JSON."""

    raw: dict[str, Any]


# -- message, unsend ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageEvent(Event):
    """A user sent a message; ``message`` is an ``UnknownMessage`` for a new message type."""

    type: ClassVar[str] = "message"
    timestamp: int
    reply_token: str | None = None
    message: Message


@dataclass(frozen=True, slots=True, kw_only=True)
class Unsend(Model):
    """Which message was unsent."""

    message_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnsendEvent(Event):
    """A user unsent a message."""

    type: ClassVar[str] = "unsend"
    timestamp: int
    unsend: Unsend


# -- follow, unfollow, join, leave, members -------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Follow(Model):
    """Whether the follow is an unblock (True) or a new friend (False)."""

    is_unblocked: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowEvent(Event):
    """The LINE Official Account was added as a friend or unblocked."""

    type: ClassVar[str] = "follow"
    timestamp: int
    reply_token: str | None = None
    follow: Follow | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnfollowEvent(Event):
    """The LINE Official Account was blocked."""

    type: ClassVar[str] = "unfollow"
    timestamp: int


@dataclass(frozen=True, slots=True, kw_only=True)
class JoinEvent(Event):
    """The LINE Official Account joined a group chat or multi-person chat."""

    type: ClassVar[str] = "join"
    timestamp: int
    reply_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaveEvent(Event):
    """The LINE Official Account left, or was removed from, a group chat or multi-person chat."""

    type: ClassVar[str] = "leave"
    timestamp: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Joined(Model):
    """The users who joined (source user objects)."""

    members: Sequence[Source]


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberJoinedEvent(Event):
    """Users joined a group chat or multi-person chat the LINE Official Account is in."""

    type: ClassVar[str] = "memberJoined"
    timestamp: int
    reply_token: str | None = None
    joined: Joined


@dataclass(frozen=True, slots=True, kw_only=True)
class Left(Model):
    """The users who left (source user objects)."""

    members: Sequence[Source]


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberLeftEvent(Event):
    """Users left a group chat or multi-person chat the LINE Official Account is in."""

    type: ClassVar[str] = "memberLeft"
    timestamp: int
    left: Left


# -- postback -------------------------------------------------------------------------------------

_PARAM_ATTRS: dict[str, str] = {
    "date": "date",
    "time": "time",
    "datetime": "datetime",
    "newRichMenuAliasId": "new_rich_menu_alias_id",
    "status": "status",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PostbackParams(KeepsRaw, Model, Mapping[str, Any]):
    """What a datetime picker or rich menu switch action adds to a postback.

    The keys this SDK knows are attributes (``date``, ``time``, ``datetime``,
    ``new_rich_menu_alias_id``, ``status``). ``raw`` holds every key LINE sent,
    known or not, so a key LINE adds later is never lost: the codec reads
    ``raw`` whole and writes it back whole. Made by hand, ``raw`` is filled
    from the attributes (an attribute given wins over the same key in ``raw``).

    Also a read-only mapping by wire key over the values present, as the legacy
    SDK's plain dict was: ``params["date"]``, ``params.get("newRichMenuAliasId")``,
    ``params["someNewKey"]``. Equal params hash equal (``raw`` is compared, not hashed).
    """

    date: str | None = None
    time: str | None = None
    datetime: str | None = None
    new_rich_menu_alias_id: str | None = None
    status: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, hash=False)

    def _check(self) -> None:
        if not isinstance(self.raw, Mapping):
            raise InvalidInputError(f"PostbackParams.raw must be a JSON object, "
                                    f"got {type(self.raw).__name__}")
        from linebot_fp.codec import fill_from_raw

        fill_from_raw(self)  # the attributes not given, from raw
        given = {key: value for key, name in _PARAM_ATTRS.items()
                 if (value := getattr(self, name)) is not None and self.raw.get(key) is not value}
        if given or self.raw.__class__ is not dict:
            object.__setattr__(self, "raw", {**self.raw, **given})

    def __getitem__(self, key: str) -> Any:
        value = self.raw.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (key for key, value in self.raw.items() if value is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Postback(Model):
    """The data of the postback action, and its ``params`` (None when the action adds none)."""

    data: str
    params: PostbackParams | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PostbackEvent(Event):
    """A user performed a postback action."""

    type: ClassVar[str] = "postback"
    timestamp: int
    reply_token: str | None = None
    postback: Postback


# -- video, beacon, account link ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoPlayComplete(Model):
    """The ``tracking_id`` of the video message that was watched to the end."""

    tracking_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoPlayCompleteEvent(Event):
    """A user watched a video message with a tracking id to the end."""

    type: ClassVar[str] = "videoPlayComplete"
    timestamp: int
    reply_token: str | None = None
    video_play_complete: VideoPlayComplete


@dataclass(frozen=True, slots=True, kw_only=True)
class Beacon(Model):
    """The LINE Beacon detected: ``type`` is ``"enter"``, ``"banner"`` or ``"stay"``; ``dm`` hex."""

    hwid: str
    type: str
    dm: str | None = None

    @property
    def device_message(self) -> bytes | None:
        """The device message ``dm`` decoded from hex (legacy name); None when absent."""
        if self.dm is None:
            return None
        try:
            return bytes.fromhex(self.dm)
        except ValueError as exc:
            raise InvalidPayloadError(f"Beacon.dm is not hexadecimal: {self.dm!r}") from exc


@dataclass(frozen=True, slots=True, kw_only=True)
class BeaconEvent(Event):
    """A user came within range of a LINE Beacon."""

    type: ClassVar[str] = "beacon"
    timestamp: int
    reply_token: str | None = None
    beacon: Beacon


@dataclass(frozen=True, slots=True, kw_only=True)
class Link(Model):
    """The outcome of an account link: ``result`` ``"ok"`` or ``"failed"``, and the nonce."""

    result: str
    nonce: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountLinkEvent(Event):
    """A user linked their LINE account with the provider's service (no reply token on failure)."""

    type: ClassVar[str] = "accountLink"
    timestamp: int
    reply_token: str | None = None
    link: Link
