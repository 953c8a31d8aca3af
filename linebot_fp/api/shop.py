"""Builder for the shop API: mission stickers.

https://developers.line.biz/en/reference/partner-docs/#send-mission-stickers-v3
This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp.api._build import json_request, require_id
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError

if TYPE_CHECKING:
    from linebot_fp.request import Request

__all__ = ["mission_sticker_v3"]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections


# https://developers.line.biz/en/reference/partner-docs/#send-mission-stickers-v3
@operation("missionStickerV3")
def mission_sticker_v3(to: str, product_id: str, product_type: str = "STICKER",
                       send_present_message: bool = False) -> Request[None]:
    """Give a user a mission sticker set (for approved partners).

    Args:
        to: the user id (``U...``) of the receiver.
        product_id: the sticker set's package id.
        product_type: always ``"STICKER"`` (the default).
        send_present_message: whether LINE also sends a present message; LINE's reference
            says ``False``.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``to``, ``product_id`` or ``product_type`` is not a non-empty
            string, or ``send_present_message`` is not a bool.
    """
    if not isinstance(send_present_message, bool):
        raise InvalidInputError(f"send_present_message must be True or False, "
                                f"got {send_present_message!r}")
    return json_request("mission_sticker_v3", "POST", "/shop/v3/mission", {
        "to": require_id("to", to),
        "productId": require_id("product_id", product_id),
        "productType": require_id("product_type", product_type),
        "sendPresentMessage": send_present_message,
    })
