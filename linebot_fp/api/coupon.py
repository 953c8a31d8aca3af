"""Coupons: list, create, get and close them.

https://developers.line.biz/en/reference/messaging-api/#coupon

Each builder returns a :class:`~linebot_fp.request.Request`; nothing is sent
here. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from linebot_fp.api._build import (
    get,
    integer,
    json_request,
    model,
    path,
    query,
    require_id,
    sequence,
)
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError
from linebot_fp.request import Request

if TYPE_CHECKING:
    from linebot_fp.models.coupon import (
        CouponCreateRequest,
        CouponCreateResponse,
        CouponResponse,
        MessagingApiPagerCouponListResponse,
    )

__all__ = ["close_coupon", "create_coupon", "get_coupon_detail", "list_coupon"]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections

_COUPON = "linebot_fp.models.coupon"

CouponStatus = Literal["DRAFT", "RUNNING", "CLOSED"]
_STATUSES = ("DRAFT", "RUNNING", "CLOSED")


def _statuses(status: object) -> tuple[tuple[str, str], ...]:
    """``status`` query pairs, one per status (``status=DRAFT&status=RUNNING``)."""
    if status is None:
        return ()
    values = [status] if isinstance(status, str) else sequence("status", status, "statuses")
    pairs: list[tuple[str, str]] = []
    for value in values:
        if value not in _STATUSES:
            raise InvalidInputError(f"status must be among {', '.join(_STATUSES)}, got {value!r}")
        if ("status", value) not in pairs:
            pairs.append(("status", value))
    return tuple(pairs)


def _coupon_path(template: str, coupon_id: str) -> str:
    return path(template, couponId=require_id("coupon_id", coupon_id))


# https://developers.line.biz/en/reference/messaging-api/#get-coupons-list
@operation("listCoupon")
def list_coupon(
    status: CouponStatus | Iterable[CouponStatus] | None = None, start: str | None = None,
    limit: int | None = None,
) -> Request[MessagingApiPagerCouponListResponse]:
    """List the bot's coupons, a page at a time.

    Args:
        status: only coupons in this status (``"DRAFT"``, ``"RUNNING"``, ``"CLOSED"``), or
            in any of several; ``None`` for all.
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.
        limit: at most this many coupons per page, 1 to 100 (LINE's default, 20, when
            ``None``).

    Returns:
        ``Request[MessagingApiPagerCouponListResponse]``: the coupons in ``items`` (id and
        title) and, when more remain, the ``next`` token.

    Raises:
        InvalidInputError: a status is not one of the three, ``start`` is neither ``None``
            nor a non-empty string, or ``limit`` is not an integer from 1 to 100.
    """
    return get("list_coupon", "/v2/bot/coupon", query_=_statuses(status) + query(
        start=None if start is None else require_id("start", start),
        limit=None if limit is None else integer("limit", limit, low=1, high=100)))


# https://developers.line.biz/en/reference/messaging-api/#create-coupon
@operation("createCoupon")
def create_coupon(coupon_create_request: CouponCreateRequest) -> Request[CouponCreateResponse]:
    """Create a coupon.

    Args:
        coupon_create_request: the coupon: title (1 to 60 characters), validity
            (``start_timestamp`` / ``end_timestamp``, epoch seconds), acquisition condition,
            reward, visibility and time zone, and optional description (at most 1000
            characters), images and usage condition (at most 100).

    Returns:
        ``Request[CouponCreateResponse]``: the new ``coupon_id``.

    Raises:
        InvalidInputError: ``coupon_create_request`` is not a ``CouponCreateRequest``.
    """
    return json_request("create_coupon", "POST", "/v2/bot/coupon", model(
        "coupon_create_request", coupon_create_request, f"{_COUPON}:CouponCreateRequest"))


# https://developers.line.biz/en/reference/messaging-api/#get-coupon
@operation("getCouponDetail")
def get_coupon_detail(coupon_id: str) -> Request[CouponResponse]:
    """Get everything about one coupon.

    Args:
        coupon_id: the coupon's id.

    Returns:
        ``Request[CouponResponse]``: the coupon as created, with its ``status`` and
        ``created_timestamp``.

    Raises:
        InvalidInputError: ``coupon_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return get("get_coupon_detail", _coupon_path("/v2/bot/coupon/{couponId}", coupon_id))


# https://developers.line.biz/en/reference/messaging-api/#discontinue-coupon
@operation("closeCoupon")
def close_coupon(coupon_id: str) -> Request[None]:
    """Close a coupon: users can no longer get or use it (this cannot be undone).

    Args:
        coupon_id: the coupon's id.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``coupon_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return json_request("close_coupon", "PUT",
                        _coupon_path("/v2/bot/coupon/{couponId}/close", coupon_id))
