"""Whom a narrowcast reaches: recipients, demographic filters, operators and the limit.

https://developers.line.biz/en/reference/messaging-api/#send-narrowcast-message
https://developers.line.biz/en/reference/messaging-api/#narrowcast-recipient
https://developers.line.biz/en/reference/messaging-api/#narrowcast-demographic-filter

``And(a, b)``, ``Or(a, b)`` and ``Not(a)`` combine recipients or demographic
filters, as in the legacy SDK: they return an :class:`OperatorRecipient` or an
:class:`OperatorDemographicFilter` depending on their operands.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, get_args, overload

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Family, Model, Unknown

__all__ = [
    "AgeFilter",
    "And",
    "AppTypeFilter",
    "AreaFilter",
    "AudienceRecipient",
    "DemographicFilter",
    "Filter",
    "GenderFilter",
    "Limit",
    "Not",
    "OperatorDemographicFilter",
    "OperatorRecipient",
    "Or",
    "Recipient",
    "RedeliveryRecipient",
    "SubscriptionPeriodFilter",
    "UnknownDemographicFilter",
    "UnknownRecipient",
]

Age = Literal[
    "age_15", "age_20", "age_25", "age_30", "age_35", "age_40",
    "age_45", "age_50", "age_55", "age_60", "age_65", "age_70",
]
Gender = Literal["male", "female"]
AppType = Literal["ios", "android"]
SubscriptionPeriod = Literal["day_7", "day_30", "day_90", "day_180", "day_365"]
Area = Literal[
    # Japan: prefectures in JIS order, jp_01 Hokkaido ... jp_47 Okinawa
    "jp_01", "jp_02", "jp_03", "jp_04", "jp_05", "jp_06", "jp_07", "jp_08", "jp_09", "jp_10",
    "jp_11", "jp_12", "jp_13", "jp_14", "jp_15", "jp_16", "jp_17", "jp_18", "jp_19", "jp_20",
    "jp_21", "jp_22", "jp_23", "jp_24", "jp_25", "jp_26", "jp_27", "jp_28", "jp_29", "jp_30",
    "jp_31", "jp_32", "jp_33", "jp_34", "jp_35", "jp_36", "jp_37", "jp_38", "jp_39", "jp_40",
    "jp_41", "jp_42", "jp_43", "jp_44", "jp_45", "jp_46", "jp_47",
    # Taiwan: tw_01 Taipei City ... tw_22 Lienchiang County
    "tw_01", "tw_02", "tw_03", "tw_04", "tw_05", "tw_06", "tw_07", "tw_08", "tw_09", "tw_10",
    "tw_11", "tw_12", "tw_13", "tw_14", "tw_15", "tw_16", "tw_17", "tw_18", "tw_19", "tw_20",
    "tw_21", "tw_22",
    # Thailand: th_01 Bangkok ... th_08 Western
    "th_01", "th_02", "th_03", "th_04", "th_05", "th_06", "th_07", "th_08",
    # Indonesia: id_01 Bali ... id_12 Yogyakarta (id_05: other areas)
    "id_01", "id_02", "id_03", "id_04", "id_05", "id_06", "id_07", "id_08", "id_09", "id_10",
    "id_11", "id_12",
]

_GENDERS = frozenset(get_args(Gender))
_APP_TYPES = frozenset(get_args(AppType))
_AREAS = frozenset(get_args(Area))


def _check_one_of(owner: object, values: Sequence[str], allowed: frozenset[str]) -> None:
    for value in values:
        if value not in allowed:
            raise InvalidInputError(
                f"{type(owner).__name__}.one_of takes values among "
                f"{', '.join(sorted(allowed))}; got {value!r}"
            )


def _check_operator(owner: object, and_: object, or_: object, not_: object) -> None:
    if and_ is None and or_ is None and not_ is None:
        raise InvalidInputError(f"{type(owner).__name__} needs one of and_, or_ or not_")


# -- recipients (https://developers.line.biz/en/reference/messaging-api/#narrowcast-recipient)


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient(Model):
    """Base of the narrowcast recipients (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "audience": "linebot_fp.models.narrowcast:AudienceRecipient",
        "redelivery": "linebot_fp.models.narrowcast:RedeliveryRecipient",
        "operator": "linebot_fp.models.narrowcast:OperatorRecipient",
    }, unknown="linebot_fp.models.narrowcast:UnknownRecipient")


@dataclass(frozen=True, slots=True, kw_only=True)
class AudienceRecipient(Recipient):
    """The users of an audience."""

    type: ClassVar[str] = "audience"
    audience_group_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RedeliveryRecipient(Recipient):
    """The users a previous narrowcast (``request_id``) reached, to send to them again."""

    type: ClassVar[str] = "redelivery"
    request_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OperatorRecipient(Recipient):
    """Recipients combined with ``and``, ``or`` (arrays) or ``not`` (one recipient)."""

    type: ClassVar[str] = "operator"
    and_: Sequence[Recipient] | None = None
    or_: Sequence[Recipient] | None = None
    not_: Recipient | None = None

    def _check(self) -> None:
        _check_operator(self, self.and_, self.or_, self.not_)


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownRecipient(Unknown, Recipient):
    """A recipient of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


# -- demographic filters (https://developers.line.biz/en/reference/messaging-api/#narrowcast-demographic-filter)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemographicFilter(Model):
    """Base of the demographic filters (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "age": "linebot_fp.models.narrowcast:AgeFilter",
        "gender": "linebot_fp.models.narrowcast:GenderFilter",
        "appType": "linebot_fp.models.narrowcast:AppTypeFilter",
        "area": "linebot_fp.models.narrowcast:AreaFilter",
        "subscriptionPeriod": "linebot_fp.models.narrowcast:SubscriptionPeriodFilter",
        "operator": "linebot_fp.models.narrowcast:OperatorDemographicFilter",
    }, unknown="linebot_fp.models.narrowcast:UnknownDemographicFilter")


@dataclass(frozen=True, slots=True, kw_only=True)
class AgeFilter(DemographicFilter):
    """Users aged ``gte`` or more and less than ``lt``."""

    type: ClassVar[str] = "age"
    gte: Age | None = None
    lt: Age | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GenderFilter(DemographicFilter):
    """Users of one of the genders."""

    type: ClassVar[str] = "gender"
    one_of: Sequence[Gender]

    def _check(self) -> None:
        _check_one_of(self, self.one_of, _GENDERS)


@dataclass(frozen=True, slots=True, kw_only=True)
class AppTypeFilter(DemographicFilter):
    """Users of one of the operating systems."""

    type: ClassVar[str] = "appType"
    one_of: Sequence[AppType]

    def _check(self) -> None:
        _check_one_of(self, self.one_of, _APP_TYPES)


@dataclass(frozen=True, slots=True, kw_only=True)
class AreaFilter(DemographicFilter):
    """Users in one of the areas (``"jp_13"`` is Tokyo)."""

    type: ClassVar[str] = "area"
    one_of: Sequence[Area]

    def _check(self) -> None:
        _check_one_of(self, self.one_of, _AREAS)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionPeriodFilter(DemographicFilter):
    """Users who added the account as a friend ``gte`` days ago or more, less than ``lt``."""

    type: ClassVar[str] = "subscriptionPeriod"
    gte: SubscriptionPeriod | None = None
    lt: SubscriptionPeriod | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OperatorDemographicFilter(DemographicFilter):
    """Filters combined with ``and``, ``or`` (arrays) or ``not`` (one filter)."""

    type: ClassVar[str] = "operator"
    and_: Sequence[DemographicFilter] | None = None
    or_: Sequence[DemographicFilter] | None = None
    not_: DemographicFilter | None = None

    def _check(self) -> None:
        _check_operator(self, self.and_, self.or_, self.not_)


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownDemographicFilter(Unknown, DemographicFilter):
    """A demographic filter of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Filter(Model):
    """The ``filter`` of a narrowcast: a demographic filter."""

    demographic: DemographicFilter | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Limit(Model):
    """How many users at most a narrowcast reaches."""

    max: int | None = None
    up_to_remaining_quota: bool | None = None
    forbid_partial_delivery: bool | None = None

    def _check(self) -> None:
        if self.max is not None and self.max < 1:
            raise InvalidInputError(f"Limit.max must be at least 1, got {self.max}")
        if self.forbid_partial_delivery and not self.up_to_remaining_quota:
            raise InvalidInputError(
                "Limit.forbid_partial_delivery can be true only when up_to_remaining_quota is true"
            )


# -- the legacy operator helpers --------------------------------------------------------------


def _split(
    name: str, operands: Sequence[Recipient | DemographicFilter]
) -> tuple[tuple[Recipient, ...], tuple[DemographicFilter, ...]]:
    """The operands as recipients or as demographic filters (exactly one is non-empty)."""
    if not operands:
        raise InvalidInputError(f"{name} takes at least one recipient or demographic filter")
    recipients = tuple(item for item in operands if isinstance(item, Recipient))
    filters = tuple(item for item in operands if isinstance(item, DemographicFilter))
    if len(recipients) != len(operands) and len(filters) != len(operands):
        kinds = ", ".join(type(item).__name__ for item in operands)
        raise InvalidInputError(
            f"{name} takes recipients only or demographic filters only, got {kinds}"
        )
    return recipients, filters


@overload
def And(*operands: Recipient) -> OperatorRecipient: ...
@overload
def And(*operands: DemographicFilter) -> OperatorDemographicFilter: ...
def And(  # noqa: N802  (legacy name)
    *operands: Recipient | DemographicFilter,
) -> OperatorRecipient | OperatorDemographicFilter:
    """All of the operands: ``{"type": "operator", "and": [...]}``."""
    recipients, filters = _split("And", operands)
    if recipients:
        return OperatorRecipient(and_=recipients)
    return OperatorDemographicFilter(and_=filters)


@overload
def Or(*operands: Recipient) -> OperatorRecipient: ...
@overload
def Or(*operands: DemographicFilter) -> OperatorDemographicFilter: ...
def Or(  # noqa: N802  (legacy name)
    *operands: Recipient | DemographicFilter,
) -> OperatorRecipient | OperatorDemographicFilter:
    """Any of the operands: ``{"type": "operator", "or": [...]}``."""
    recipients, filters = _split("Or", operands)
    if recipients:
        return OperatorRecipient(or_=recipients)
    return OperatorDemographicFilter(or_=filters)


@overload
def Not(operand: Recipient) -> OperatorRecipient: ...
@overload
def Not(operand: DemographicFilter) -> OperatorDemographicFilter: ...
def Not(  # noqa: N802  (legacy name)
    operand: Recipient | DemographicFilter,
) -> OperatorRecipient | OperatorDemographicFilter:
    """Not the operand: ``{"type": "operator", "not": {...}}``."""
    if isinstance(operand, Recipient):
        return OperatorRecipient(not_=operand)
    if isinstance(operand, DemographicFilter):
        return OperatorDemographicFilter(not_=operand)
    raise InvalidInputError(
        f"Not takes a recipient or a demographic filter, got {type(operand).__name__}"
    )
