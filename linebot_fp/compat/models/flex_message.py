"""The legacy ``linebot.models.flex_message``, generated from the core models
(see ``_factory``).

This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp.compat.models._factory import legacy_module

__all__, __getattr__, __dir__ = legacy_module(__name__)

if TYPE_CHECKING:  # to type checkers every legacy model is a Base (they were untyped)
    from linebot_fp.compat.models.base import Base

    BlockStyle = Base
    BoxComponent = Base
    BubbleContainer = Base
    BubbleStyle = Base
    ButtonComponent = Base
    CarouselContainer = Base
    FillerComponent = Base
    FlexComponent = Base
    FlexContainer = Base
    FlexSendMessage = Base
    IconComponent = Base
    ImageComponent = Base
    SeparatorComponent = Base
    SpanComponent = Base
    TextComponent = Base
    VideoComponent = Base
