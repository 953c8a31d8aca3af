"""The legacy ``linebot.models.events``, generated from the core models
(see ``_factory``).

This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp.compat.models._factory import legacy_module

__all__, __getattr__, __dir__ = legacy_module(__name__)

if TYPE_CHECKING:  # to type checkers every legacy model is a Base (they were untyped)
    from linebot_fp.compat.models.base import Base

    AccountLinkEvent = Base
    Beacon = Base
    BeaconEvent = Base
    Event = Base
    FollowEvent = Base
    JoinEvent = Base
    Joined = Base
    LeaveEvent = Base
    Left = Base
    Link = Base
    MemberJoinedEvent = Base
    MemberLeftEvent = Base
    MessageEditedEvent = Base
    MessageEvent = Base
    Postback = Base
    PostbackEvent = Base
    ThingsEvent = Base
    UnfollowEvent = Base
    UnknownEvent = Base
    UnsendEvent = Base
    VideoPlayCompleteEvent = Base
