"""Webhook events of the rarer services: LINE Things, memberships, module channels, PNP.

https://developers.line.biz/en/reference/messaging-api/#things-event
https://developers.line.biz/en/reference/messaging-api/#membership-event
https://developers.line.biz/en/reference/partner-docs/#module-channel-specific-webhook-events

Members of the :class:`~linebot_fp.models.events.Event` family like any other
(rows of ``Event.family``), kept together as a group of rarely received events:
the codec imports this module the first time one of their types arrives.
Decoded leniently, as in :mod:`linebot_fp.models.events`.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Family, Model, Unknown
from linebot_fp.models._events.base import Event
from linebot_fp.models.things import Things

__all__ = [
    "ActivatedEvent",
    "AttachedModuleContent",
    "BotResumedEvent",
    "BotSuspendedEvent",
    "ChatControl",
    "DeactivatedEvent",
    "DetachedModuleContent",
    "JoinedMembershipContent",
    "LeftMembershipContent",
    "MembershipContent",
    "MembershipEvent",
    "ModuleContent",
    "ModuleEvent",
    "PnpDelivery",
    "PnpDeliveryCompletionEvent",
    "RenewedMembershipContent",
    "ThingsEvent",
    "UnknownMembershipContent",
    "UnknownModuleContent",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ThingsEvent(Event):
    """A LINE Things device was linked, unlinked, or ran a scenario."""

    type: ClassVar[str] = "things"
    timestamp: int
    reply_token: str | None = None
    things: Things


# -- membership (https://developers.line.biz/en/reference/messaging-api/#membership-event) -------


@dataclass(frozen=True, slots=True, kw_only=True)
class MembershipContent(Model):
    """Base of the membership changes; ``membership_id`` names the membership plan."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "joined": "linebot_fp.models.service_events:JoinedMembershipContent",
        "left": "linebot_fp.models.service_events:LeftMembershipContent",
        "renewed": "linebot_fp.models.service_events:RenewedMembershipContent",
    }, unknown="linebot_fp.models.service_events:UnknownMembershipContent")
    membership_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class JoinedMembershipContent(MembershipContent):
    """A user subscribed to a membership."""

    type: ClassVar[str] = "joined"
    membership_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LeftMembershipContent(MembershipContent):
    """A user unsubscribed from a membership."""

    type: ClassVar[str] = "left"
    membership_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RenewedMembershipContent(MembershipContent):
    """A user renewed a membership."""

    type: ClassVar[str] = "renewed"
    membership_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMembershipContent(Unknown, MembershipContent):
    """A membership change of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class MembershipEvent(Event):
    """A user joined, left or renewed the bot's membership."""

    type: ClassVar[str] = "membership"
    timestamp: int
    reply_token: str | None = None
    membership: MembershipContent


# -- module channels (partner docs) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleContent(Model):
    """Base of the module attach / detach contents."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "attached": "linebot_fp.models.service_events:AttachedModuleContent",
        "detached": "linebot_fp.models.service_events:DetachedModuleContent",
    }, unknown="linebot_fp.models.service_events:UnknownModuleContent")


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachedModuleContent(ModuleContent):
    """The module channel was attached to a LINE Official Account with these scopes."""

    type: ClassVar[str] = "attached"
    bot_id: str
    scopes: Sequence[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class DetachedModuleContent(ModuleContent):
    """The module channel was detached; ``reason`` is e.g. ``"bot_deleted"``."""

    type: ClassVar[str] = "detached"
    bot_id: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownModuleContent(Unknown, ModuleContent):
    """Module content of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleEvent(Event):
    """The module channel was attached to or detached from a LINE Official Account."""

    type: ClassVar[str] = "module"
    timestamp: int
    module: ModuleContent


@dataclass(frozen=True, slots=True, kw_only=True)
class ChatControl(Model):
    """Until when (milliseconds) the module channel is the Active Channel."""

    expire_at: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivatedEvent(Event):
    """The module channel became the Active Channel."""

    type: ClassVar[str] = "activated"
    timestamp: int
    chat_control: ChatControl


@dataclass(frozen=True, slots=True, kw_only=True)
class DeactivatedEvent(Event):
    """The module channel became a Standby Channel."""

    type: ClassVar[str] = "deactivated"
    timestamp: int


@dataclass(frozen=True, slots=True, kw_only=True)
class BotSuspendedEvent(Event):
    """The LINE Official Account was suspended."""

    type: ClassVar[str] = "botSuspended"
    timestamp: int


@dataclass(frozen=True, slots=True, kw_only=True)
class BotResumedEvent(Event):
    """The LINE Official Account is no longer suspended."""

    type: ClassVar[str] = "botResumed"
    timestamp: int


# -- LINE notification messages (PNP) -------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PnpDelivery(Model):
    """A hashed phone number, or the ``X-Line-Delivery-Tag`` given when sending."""

    data: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PnpDeliveryCompletionEvent(Event):
    """A LINE notification message was delivered."""

    type: ClassVar[str] = "delivery"
    timestamp: int
    delivery: PnpDelivery
