"""The legacy ``linebot.models.send_messages``, generated from the core models
(see ``_factory``).

This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp.compat.models._factory import legacy_module

__all__, __getattr__, __dir__ = legacy_module(__name__)

if TYPE_CHECKING:  # to type checkers every legacy model is a Base (they were untyped)
    from linebot_fp.compat.models.base import Base

    AudioSendMessage = Base
    ImageSendMessage = Base
    LocationSendMessage = Base
    QuickReply = Base
    QuickReplyButton = Base
    SendMessage = Base
    Sender = Base
    StickerSendMessage = Base
    TextSendMessage = Base
    VideoSendMessage = Base
