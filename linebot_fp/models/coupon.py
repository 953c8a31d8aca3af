"""Coupons: what is sent to create one, and what the API answers about them.

https://developers.line.biz/en/reference/messaging-api/#create-coupon
https://developers.line.biz/en/reference/messaging-api/#get-coupon

The request side (``...Request``) checks the closed enums and documented
limits; the response side (``...Response``) decodes leniently, with an
``Unknown...`` member in each tagged family for types LINE adds later.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Family, Model, Unknown

__all__ = [
    "AcquisitionConditionRequest",
    "AcquisitionConditionResponse",
    "CashBackFixedPriceInfoRequest",
    "CashBackFixedPriceInfoResponse",
    "CashBackPercentagePriceInfoRequest",
    "CashBackPercentagePriceInfoResponse",
    "CashBackPriceInfoRequest",
    "CashBackPriceInfoResponse",
    "CouponCashBackRewardRequest",
    "CouponCashBackRewardResponse",
    "CouponCreateRequest",
    "CouponCreateResponse",
    "CouponDiscountRewardRequest",
    "CouponDiscountRewardResponse",
    "CouponFreeRewardRequest",
    "CouponFreeRewardResponse",
    "CouponGiftRewardRequest",
    "CouponGiftRewardResponse",
    "CouponListResponse",
    "CouponOthersRewardRequest",
    "CouponOthersRewardResponse",
    "CouponResponse",
    "CouponRewardRequest",
    "CouponRewardResponse",
    "CouponTimezone",
    "DiscountExplicitPriceInfoRequest",
    "DiscountExplicitPriceInfoResponse",
    "DiscountFixedPriceInfoRequest",
    "DiscountFixedPriceInfoResponse",
    "DiscountPercentagePriceInfoRequest",
    "DiscountPercentagePriceInfoResponse",
    "DiscountPriceInfoRequest",
    "DiscountPriceInfoResponse",
    "LotteryAcquisitionConditionRequest",
    "LotteryAcquisitionConditionResponse",
    "MessagingApiPagerCouponListResponse",
    "NormalAcquisitionConditionRequest",
    "NormalAcquisitionConditionResponse",
    "ReferralAcquisitionConditionResponse",
    "UnknownAcquisitionConditionResponse",
    "UnknownCashBackPriceInfoResponse",
    "UnknownCouponRewardResponse",
    "UnknownDiscountPriceInfoResponse",
]

#: the time zones a coupon's start and end times may be given in
CouponTimezone = Literal[
    "ETC_GMT_MINUS_12", "ETC_GMT_MINUS_11", "PACIFIC_HONOLULU", "AMERICA_ANCHORAGE",
    "AMERICA_LOS_ANGELES", "AMERICA_PHOENIX", "AMERICA_CHICAGO", "AMERICA_NEW_YORK",
    "AMERICA_CARACAS", "AMERICA_SANTIAGO", "AMERICA_ST_JOHNS", "AMERICA_SAO_PAULO",
    "ETC_GMT_MINUS_2", "ATLANTIC_CAPE_VERDE", "EUROPE_LONDON", "EUROPE_PARIS",
    "EUROPE_ISTANBUL", "EUROPE_MOSCOW", "ASIA_TEHRAN", "ASIA_TBILISI", "ASIA_KABUL",
    "ASIA_TASHKENT", "ASIA_COLOMBO", "ASIA_KATHMANDU", "ASIA_ALMATY", "ASIA_RANGOON",
    "ASIA_BANGKOK", "ASIA_TAIPEI", "ASIA_TOKYO", "AUSTRALIA_DARWIN", "AUSTRALIA_SYDNEY",
    "ASIA_VLADIVOSTOK", "ETC_GMT_PLUS_12", "PACIFIC_TONGATAPU",
]




def _check_range(owner: object, name: str, value: int | None,
                 low: int | None, high: int) -> None:
    if value is None:
        return
    if (low is not None and value < low) or value > high:
        bound = f"between {low} and {high}" if low is not None else f"at most {high}"
        raise InvalidInputError(f"{type(owner).__name__}.{name} must be {bound}, got {value}")


def _check_length(owner: object, name: str, value: str | None, low: int, high: int) -> None:
    if value is not None and not low <= len(value) <= high:
        raise InvalidInputError(
            f"{type(owner).__name__}.{name} takes {low} to {high} characters, got {len(value)}"
        )


# -- creating a coupon -----------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#create-coupon


@dataclass(frozen=True, slots=True, kw_only=True)
class AcquisitionConditionRequest(Model):
    """Base of how users get the coupon (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "normal": "linebot_fp.models.coupon:NormalAcquisitionConditionRequest",
        "lottery": "linebot_fp.models.coupon:LotteryAcquisitionConditionRequest",
    })


@dataclass(frozen=True, slots=True, kw_only=True)
class NormalAcquisitionConditionRequest(AcquisitionConditionRequest):
    """Every user who asks gets the coupon."""

    type: ClassVar[str] = "normal"


@dataclass(frozen=True, slots=True, kw_only=True)
class LotteryAcquisitionConditionRequest(AcquisitionConditionRequest):
    """Users win the coupon by lottery: probability in percent, and a cap on winners."""

    type: ClassVar[str] = "lottery"
    lottery_probability: int
    max_acquire_count: int

    def _check(self) -> None:
        _check_range(self, "lottery_probability", self.lottery_probability, 1, 99)
        _check_range(self, "max_acquire_count", self.max_acquire_count, None, 999999)


@dataclass(frozen=True, slots=True, kw_only=True)
class CashBackPriceInfoRequest(Model):
    """Base of a cash-back amount (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "fixed": "linebot_fp.models.coupon:CashBackFixedPriceInfoRequest",
        "percentage": "linebot_fp.models.coupon:CashBackPercentagePriceInfoRequest",
    })


@dataclass(frozen=True, slots=True, kw_only=True)
class CashBackFixedPriceInfoRequest(CashBackPriceInfoRequest):
    """A fixed cash-back amount."""

    type: ClassVar[str] = "fixed"
    fixed_amount: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CashBackPercentagePriceInfoRequest(CashBackPriceInfoRequest):
    """A cash-back of a percentage (1 to 99) of the price."""

    type: ClassVar[str] = "percentage"
    percentage: int | None = None

    def _check(self) -> None:
        _check_range(self, "percentage", self.percentage, 1, 99)


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountPriceInfoRequest(Model):
    """Base of a discount (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "fixed": "linebot_fp.models.coupon:DiscountFixedPriceInfoRequest",
        "percentage": "linebot_fp.models.coupon:DiscountPercentagePriceInfoRequest",
        "explicit": "linebot_fp.models.coupon:DiscountExplicitPriceInfoRequest",
    })


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountFixedPriceInfoRequest(DiscountPriceInfoRequest):
    """A fixed amount off."""

    type: ClassVar[str] = "fixed"
    fixed_amount: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountPercentagePriceInfoRequest(DiscountPriceInfoRequest):
    """A percentage (1 to 99) off."""

    type: ClassVar[str] = "percentage"
    percentage: int | None = None

    def _check(self) -> None:
        _check_range(self, "percentage", self.percentage, 1, 99)


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountExplicitPriceInfoRequest(DiscountPriceInfoRequest):
    """An explicit price after discount, with the original price."""

    type: ClassVar[str] = "explicit"
    price_after_discount: int | None = None
    original_price: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponRewardRequest(Model):
    """Base of what the coupon gives (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "cashBack": "linebot_fp.models.coupon:CouponCashBackRewardRequest",
        "discount": "linebot_fp.models.coupon:CouponDiscountRewardRequest",
        "free": "linebot_fp.models.coupon:CouponFreeRewardRequest",
        "gift": "linebot_fp.models.coupon:CouponGiftRewardRequest",
        "others": "linebot_fp.models.coupon:CouponOthersRewardRequest",
    })


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponCashBackRewardRequest(CouponRewardRequest):
    """The coupon gives cash back."""

    type: ClassVar[str] = "cashBack"
    price_info: CashBackPriceInfoRequest | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponDiscountRewardRequest(CouponRewardRequest):
    """The coupon gives a discount."""

    type: ClassVar[str] = "discount"
    price_info: DiscountPriceInfoRequest | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponFreeRewardRequest(CouponRewardRequest):
    """The coupon gives something for free."""

    type: ClassVar[str] = "free"


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponGiftRewardRequest(CouponRewardRequest):
    """The coupon gives a gift."""

    type: ClassVar[str] = "gift"


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponOthersRewardRequest(CouponRewardRequest):
    """The coupon gives some other benefit."""

    type: ClassVar[str] = "others"


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponCreateRequest(Model):
    """A coupon to create; timestamps are epoch seconds, ``max_use_count_per_ticket`` -1 or 1."""

    acquisition_condition: AcquisitionConditionRequest
    end_timestamp: int
    max_use_count_per_ticket: int
    start_timestamp: int
    title: str
    visibility: Literal["UNLISTED", "PUBLIC"]
    timezone: CouponTimezone
    barcode_image_url: str | None = None
    coupon_code: str | None = None
    description: str | None = None
    image_url: str | None = None
    usage_condition: str | None = None
    reward: CouponRewardRequest | None = None

    def _check(self) -> None:
        _check_length(self, "title", self.title, 1, 60)
        _check_length(self, "description", self.description, 0, 1000)
        _check_length(self, "usage_condition", self.usage_condition, 0, 100)
        _check_range(self, "max_use_count_per_ticket", self.max_use_count_per_ticket, None, 1)


# -- what the API answers about coupons ---------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-coupon


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponCreateResponse(Model):
    """The id of a new coupon."""

    coupon_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AcquisitionConditionResponse(Model):
    """Base of how users get a coupon, as answered (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "normal": "linebot_fp.models.coupon:NormalAcquisitionConditionResponse",
        "lottery": "linebot_fp.models.coupon:LotteryAcquisitionConditionResponse",
        "referral": "linebot_fp.models.coupon:ReferralAcquisitionConditionResponse",
    }, unknown="linebot_fp.models.coupon:UnknownAcquisitionConditionResponse")


@dataclass(frozen=True, slots=True, kw_only=True)
class NormalAcquisitionConditionResponse(AcquisitionConditionResponse):
    """Every user who asks gets the coupon."""

    type: ClassVar[str] = "normal"


@dataclass(frozen=True, slots=True, kw_only=True)
class LotteryAcquisitionConditionResponse(AcquisitionConditionResponse):
    """Users win the coupon by lottery."""

    type: ClassVar[str] = "lottery"
    lottery_probability: int | None = None
    max_acquire_count: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralAcquisitionConditionResponse(AcquisitionConditionResponse):
    """Users get the coupon by referral."""

    type: ClassVar[str] = "referral"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownAcquisitionConditionResponse(Unknown, AcquisitionConditionResponse):
    """An acquisition condition of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class CashBackPriceInfoResponse(Model):
    """Base of a cash-back amount, as answered (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "fixed": "linebot_fp.models.coupon:CashBackFixedPriceInfoResponse",
        "percentage": "linebot_fp.models.coupon:CashBackPercentagePriceInfoResponse",
    }, unknown="linebot_fp.models.coupon:UnknownCashBackPriceInfoResponse")


@dataclass(frozen=True, slots=True, kw_only=True)
class CashBackFixedPriceInfoResponse(CashBackPriceInfoResponse):
    """A fixed cash-back amount in ``currency``."""

    type: ClassVar[str] = "fixed"
    currency: str | None = None
    fixed_amount: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CashBackPercentagePriceInfoResponse(CashBackPriceInfoResponse):
    """A cash-back of a percentage of the price."""

    type: ClassVar[str] = "percentage"
    percentage: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownCashBackPriceInfoResponse(Unknown, CashBackPriceInfoResponse):
    """A cash-back price of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountPriceInfoResponse(Model):
    """Base of a discount, as answered (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "fixed": "linebot_fp.models.coupon:DiscountFixedPriceInfoResponse",
        "percentage": "linebot_fp.models.coupon:DiscountPercentagePriceInfoResponse",
        "explicit": "linebot_fp.models.coupon:DiscountExplicitPriceInfoResponse",
    }, unknown="linebot_fp.models.coupon:UnknownDiscountPriceInfoResponse")


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountFixedPriceInfoResponse(DiscountPriceInfoResponse):
    """A fixed amount off, in ``currency``."""

    type: ClassVar[str] = "fixed"
    currency: str | None = None
    fixed_amount: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountPercentagePriceInfoResponse(DiscountPriceInfoResponse):
    """A percentage off."""

    type: ClassVar[str] = "percentage"
    percentage: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscountExplicitPriceInfoResponse(DiscountPriceInfoResponse):
    """An explicit price after discount, with the original price, in ``currency``."""

    type: ClassVar[str] = "explicit"
    currency: str | None = None
    price_after_discount: int | None = None
    original_price: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownDiscountPriceInfoResponse(Unknown, DiscountPriceInfoResponse):
    """A discount of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponRewardResponse(Model):
    """Base of what a coupon gives, as answered (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "cashBack": "linebot_fp.models.coupon:CouponCashBackRewardResponse",
        "discount": "linebot_fp.models.coupon:CouponDiscountRewardResponse",
        "free": "linebot_fp.models.coupon:CouponFreeRewardResponse",
        "gift": "linebot_fp.models.coupon:CouponGiftRewardResponse",
        "others": "linebot_fp.models.coupon:CouponOthersRewardResponse",
    }, unknown="linebot_fp.models.coupon:UnknownCouponRewardResponse")


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponCashBackRewardResponse(CouponRewardResponse):
    """The coupon gives cash back."""

    type: ClassVar[str] = "cashBack"
    price_info: CashBackPriceInfoResponse | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponDiscountRewardResponse(CouponRewardResponse):
    """The coupon gives a discount."""

    type: ClassVar[str] = "discount"
    price_info: DiscountPriceInfoResponse | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponFreeRewardResponse(CouponRewardResponse):
    """The coupon gives something for free."""

    type: ClassVar[str] = "free"


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponGiftRewardResponse(CouponRewardResponse):
    """The coupon gives a gift."""

    type: ClassVar[str] = "gift"


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponOthersRewardResponse(CouponRewardResponse):
    """The coupon gives some other benefit."""

    type: ClassVar[str] = "others"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownCouponRewardResponse(Unknown, CouponRewardResponse):
    """A reward of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponResponse(Model):
    """A coupon's details; timestamps are epoch seconds."""

    coupon_id: str | None = None
    title: str | None = None
    status: str | None = None
    acquisition_condition: AcquisitionConditionResponse | None = None
    reward: CouponRewardResponse | None = None
    barcode_image_url: str | None = None
    coupon_code: str | None = None
    description: str | None = None
    image_url: str | None = None
    usage_condition: str | None = None
    start_timestamp: int | None = None
    end_timestamp: int | None = None
    created_timestamp: int | None = None
    max_acquire_count: int | None = None
    max_use_count_per_ticket: int | None = None
    max_ticket_per_user: int | None = None
    visibility: str | None = None
    timezone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponListResponse(Model):
    """One coupon in a list: its id and title."""

    coupon_id: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MessagingApiPagerCouponListResponse(Model):
    """A page of coupons; ``next`` fetches the following page."""

    items: Sequence[CouponListResponse]
    next: str | None = None
