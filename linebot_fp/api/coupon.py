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
    """List the coupons, optionally by status, up to ``limit`` (1 to 100) per page."""
    return get("list_coupon", "/v2/bot/coupon", query_=_statuses(status) + query(
        start=None if start is None else require_id("start", start),
        limit=None if limit is None else integer("limit", limit, low=1, high=100)))


# https://developers.line.biz/en/reference/messaging-api/#create-coupon
@operation("createCoupon")
def create_coupon(coupon_create_request: CouponCreateRequest) -> Request[CouponCreateResponse]:
    """Create a coupon; the answer holds its id."""
    return json_request("create_coupon", "POST", "/v2/bot/coupon", model(
        "coupon_create_request", coupon_create_request, f"{_COUPON}:CouponCreateRequest"))


# https://developers.line.biz/en/reference/messaging-api/#get-coupon
@operation("getCouponDetail")
def get_coupon_detail(coupon_id: str) -> Request[CouponResponse]:
    """Get the details of a coupon."""
    return get("get_coupon_detail", _coupon_path("/v2/bot/coupon/{couponId}", coupon_id))


# https://developers.line.biz/en/reference/messaging-api/#discontinue-coupon
@operation("closeCoupon")
def close_coupon(coupon_id: str) -> Request[None]:
    """Close a coupon: users can no longer get or use it."""
    return json_request("close_coupon", "PUT",
                        _coupon_path("/v2/bot/coupon/{couponId}/close", coupon_id))
