"""Mission stickers: the request object of the shop API.

https://developers.line.biz/en/reference/partner-docs/#send-mission-stickers-v3
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = ["MissionStickerRequest"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MissionStickerRequest(Model):
    """Body of "send mission stickers (v3)": who gets which sticker package.

    ``product_type`` is ``"STICKER"`` and ``send_present_message`` is ``False`` today.
    """

    to: str
    product_id: str
    product_type: str
    send_present_message: bool
