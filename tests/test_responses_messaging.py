"""Decoding the messaging-api.yml answers, and the coupon request models.

The samples live in ``response_samples_messaging.py`` (plain data, reused by
end-to-end tests); here they go through ``linebot_fp.codec.structure`` with
the model each builder registered.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, Union

import pytest
from hypothesis import given, settings, strategies as st
from response_samples_messaging import SAMPLES, Sample

import linebot_fp.api.bot
import linebot_fp.api.content
import linebot_fp.api.coupon
import linebot_fp.api.messaging
import linebot_fp.api.rich_menu
from linebot_fp import codec
from linebot_fp.api._registry import BINARY, RESPONSES, answer_type
from linebot_fp.errors import InvalidInputError, InvalidPayloadError
from linebot_fp.models import coupon, membership, responses
from linebot_fp.models._base import Model, Unknown
from linebot_fp.models.coupon import (
    CashBackFixedPriceInfoRequest,
    CashBackPercentagePriceInfoRequest,
    CouponCashBackRewardRequest,
    CouponCreateRequest,
    CouponDiscountRewardRequest,
    CouponFreeRewardRequest,
    CouponGiftRewardRequest,
    CouponOthersRewardRequest,
    DiscountExplicitPriceInfoRequest,
    DiscountFixedPriceInfoRequest,
    DiscountPercentagePriceInfoRequest,
    LotteryAcquisitionConditionRequest,
    NormalAcquisitionConditionRequest,
)

BUILDER_MODULES = (linebot_fp.api.bot, linebot_fp.api.content, linebot_fp.api.coupon,
                   linebot_fp.api.messaging, linebot_fp.api.rich_menu)
MY_BUILDERS = {name for module in BUILDER_MODULES for name in module.__all__}


def _decode(sample: Sample) -> Any:
    """What the client does: copy the declared headers into the body, then structure."""
    cls = answer_type(sample.operation)
    assert isinstance(cls, type), f"{sample.operation} registers no model"
    body = dict(sample.body)
    for key, header in getattr(cls, "header_fields", {}).items():
        if header in sample.headers:
            body[key] = sample.headers[header]
    return codec.structure(json.loads(json.dumps(body)), cls)


@pytest.mark.parametrize("sample", SAMPLES, ids=[f"{s.operation}-{i}" for i, s in
                                                 enumerate(SAMPLES)])
def test_sample_decodes_to_expected_model(sample: Sample) -> None:
    decoded = _decode(sample)
    assert decoded == sample.expected
    assert type(decoded) is type(sample.expected)


# -- every model is exercised; every JSON answer has a model ---------------------------------


def _classes_in(value: object) -> set[type]:
    found = {type(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            found |= _classes_in(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            found |= _classes_in(item)
    return found


def _response_classes() -> set[type]:
    names = [(responses, name) for name in responses.__all__]
    names += [(membership, name) for name in membership.__all__]
    names += [(coupon, name) for name in coupon.__all__ if name.endswith("Response")]
    return {getattr(module, name) for module, name in names
            if isinstance(getattr(module, name), type)}


def test_every_response_model_has_a_sample() -> None:
    covered = set().union(*(_classes_in(sample.expected) for sample in SAMPLES))
    families = {cls for cls in _response_classes()
                if "type" in getattr(cls, "__annotations__", {}) and cls.__dict__.get("type")
                is None and not issubclass(cls, Unknown)}
    missing = sorted(cls.__name__ for cls in _response_classes() - covered - families)
    assert not missing, f"response models without a decoding sample: {missing}"


def test_every_json_builder_has_a_sample() -> None:
    answered = {name for name in MY_BUILDERS if RESPONSES.get(name) not in (None, BINARY)}
    sampled = {sample.operation for sample in SAMPLES}
    assert sorted(answered - sampled) == []
    assert sorted(sampled - answered) == []


def test_binary_answers() -> None:
    for name in ("get_message_content", "get_message_content_preview", "get_rich_menu_image"):
        assert answer_type(name) == BINARY


def test_empty_answers_register_nothing() -> None:
    for name in ("leave_group", "set_webhook_endpoint", "delete_rich_menu", "close_coupon",
                 "mark_messages_as_read", "push_messages_by_phone", "set_rich_menu_image",
                 "link_rich_menu_to_users"):
        assert name not in RESPONSES


def test_empty_answers_whose_request_id_is_needed_later_carry_it() -> None:
    """A narrowcast and a rich menu batch are read back by the request id of their empty
    answer (its X-Line-Request-Id header), so that answer is a model carrying it."""
    for name, model in (("narrowcast", responses.NarrowcastResponse),
                        ("rich_menu_batch", responses.RichMenuBatchResponse)):
        assert answer_type(name) is model
        assert model.header_fields == {"requestId": "X-Line-Request-Id"}


# -- leniency ------------------------------------------------------------------------------------


def test_optional_fields_default_to_none() -> None:
    profile = codec.structure({"displayName": "a", "userId": "U1"}, responses.Profile)
    assert (profile.picture_url, profile.status_message, profile.language) == (None, None, None)


def test_missing_required_field_is_a_payload_error() -> None:
    with pytest.raises(InvalidPayloadError, match="Profile"):
        codec.structure({"displayName": "a"}, responses.Profile)


def test_unknown_action_in_rich_menu_keeps_the_rest() -> None:
    data = {"richMenuId": "r", "size": {"width": 2500, "height": 843}, "selected": True,
            "name": "n", "chatBarText": "c",
            "areas": [{"bounds": {"x": 0, "y": 0, "width": 1, "height": 1},
                       "action": {"type": "teleport", "to": "moon"}}]}
    menu = codec.structure(data, responses.RichMenuResponse)
    assert menu.areas[0].action.type == "teleport"
    assert menu.areas[0].action.raw == {"type": "teleport", "to": "moon"}  # type: ignore[attr-defined]


def test_header_fields_declared() -> None:
    for cls in (responses.BroadcastResponse, responses.NarrowcastResponse,
                responses.MulticastResponse, responses.ValidateReplyMessageObjectsResponse,
                responses.ValidatePushMessageObjectsResponse,
                responses.ValidateMulticastMessageObjectsResponse,
                responses.ValidateNarrowcastMessageObjectsResponse,
                responses.ValidateBroadcastMessageObjectsResponse):
        assert cls.header_fields == {"requestId": "X-Line-Request-Id"}
        assert cls().request_id is None


def test_delivery_responses_share_one_shape() -> None:
    for cls in (responses.MessageDeliveryReplyResponse, responses.MessageDeliveryPushResponse,
                responses.MessageDeliveryMulticastResponse,
                responses.MessageDeliveryBroadcastResponse):
        assert issubclass(cls, responses.NumberOfMessagesResponse)
        assert codec.structure({"status": "ready", "success": 1}, cls) == cls(status="ready",
                                                                             success=1)


# -- round trips -------------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)
_INT = st.integers(min_value=-(2**53), max_value=2**53)
_FLOAT = st.floats(allow_nan=False, allow_infinity=False)


def _members(base: type) -> list[type]:
    pending: list[type] = list(base.__subclasses__())
    found: list[type] = []
    while pending:
        sub = pending.pop()
        pending.extend(sub.__subclasses__())
        if "__slots__" in sub.__dict__ and isinstance(sub.__dict__.get("type"), str):
            found.append(sub)
    return sorted(set(found), key=lambda cls: cls.__name__)


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    """Values of a model field's type: scalars, tuples, optionals, models and families."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return st.one_of([strategy_for(arg) for arg in args])
    if origin in (tuple, Sequence):
        return st.lists(strategy_for(args[0]), max_size=3).map(tuple)
    if origin is Literal:
        return st.sampled_from(args)
    if hint is type(None):
        return st.none()
    if hint is str:
        return _TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return _INT
    if hint is float:
        return _FLOAT
    if isinstance(hint, type) and issubclass(hint, Model):
        members = _members(hint)
        if members and not isinstance(hint.__dict__.get("type"), str):
            return st.one_of([model_strategy(member) for member in members])
        return model_strategy(hint)
    raise AssertionError(f"no strategy for {hint!r}")


def model_strategy(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {field.name: strategy_for(hints[field.name]) for field in dataclasses.fields(cls)
              if field.name != "request_id"}  # request_id comes from a header, not the body
    return st.deferred(lambda: st.builds(cls, **fields))


ROUND_TRIP = sorted((cls for cls in _response_classes()
                     if not issubclass(cls, Unknown) and not (
                         "type" in cls.__annotations__ and cls.__dict__.get("type") is None)),
                    key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", ROUND_TRIP, ids=lambda cls: cls.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_response_round_trip(cls: type, data: st.DataObject) -> None:
    value = data.draw(model_strategy(cls))
    wire = json.loads(codec.dumps(value))
    assert codec.structure(wire, cls) == value


# -- coupon requests: exact JSON and checks ---------------------------------------------------


def _coupon(**changes: Any) -> CouponCreateRequest:
    fields: dict[str, Any] = {
        "acquisition_condition": NormalAcquisitionConditionRequest(),
        "start_timestamp": 1735657200, "end_timestamp": 1767193199,
        "max_use_count_per_ticket": 1, "title": "10% off", "visibility": "PUBLIC",
        "timezone": "ASIA_TOKYO"}
    return CouponCreateRequest(**{**fields, **changes})


def test_coupon_create_request_json() -> None:
    request = _coupon(
        acquisition_condition=LotteryAcquisitionConditionRequest(lottery_probability=50,
                                                                 max_acquire_count=100),
        reward=CouponCashBackRewardRequest(price_info=CashBackFixedPriceInfoRequest(
            fixed_amount=100)),
        description="Ten percent off", coupon_code="SPRING10", image_url="https://e.com/i.png",
        barcode_image_url="https://e.com/b.png", usage_condition="One per visit")
    assert codec.unstructure(request) == {
        "acquisitionCondition": {"type": "lottery", "lotteryProbability": 50,
                                 "maxAcquireCount": 100},
        "startTimestamp": 1735657200, "endTimestamp": 1767193199, "maxUseCountPerTicket": 1,
        "title": "10% off", "visibility": "PUBLIC", "timezone": "ASIA_TOKYO",
        "reward": {"type": "cashBack", "priceInfo": {"type": "fixed", "fixedAmount": 100}},
        "description": "Ten percent off", "couponCode": "SPRING10",
        "imageUrl": "https://e.com/i.png", "barcodeImageUrl": "https://e.com/b.png",
        "usageCondition": "One per visit"}


@pytest.mark.parametrize(("reward", "wire"), [
    (CouponCashBackRewardRequest(price_info=CashBackPercentagePriceInfoRequest(percentage=5)),
     {"type": "cashBack", "priceInfo": {"type": "percentage", "percentage": 5}}),
    (CouponDiscountRewardRequest(price_info=DiscountFixedPriceInfoRequest(fixed_amount=30)),
     {"type": "discount", "priceInfo": {"type": "fixed", "fixedAmount": 30}}),
    (CouponDiscountRewardRequest(price_info=DiscountPercentagePriceInfoRequest(percentage=20)),
     {"type": "discount", "priceInfo": {"type": "percentage", "percentage": 20}}),
    (CouponDiscountRewardRequest(price_info=DiscountExplicitPriceInfoRequest(
        price_after_discount=80, original_price=100)),
     {"type": "discount", "priceInfo": {"type": "explicit", "priceAfterDiscount": 80,
                                        "originalPrice": 100}}),
    (CouponFreeRewardRequest(), {"type": "free"}),
    (CouponGiftRewardRequest(), {"type": "gift"}),
    (CouponOthersRewardRequest(), {"type": "others"}),
])
def test_coupon_reward_json(reward: Any, wire: dict[str, Any]) -> None:
    assert codec.unstructure(reward) == wire
    assert codec.unstructure(_coupon(reward=reward))["reward"] == wire


@pytest.mark.parametrize(("make", "field"), [
    (lambda: _coupon(title=""), "title"),
    (lambda: _coupon(title="x" * 61), "title"),
    (lambda: _coupon(description="x" * 1001), "description"),
    (lambda: _coupon(usage_condition="x" * 101), "usage_condition"),
    (lambda: _coupon(max_use_count_per_ticket=2), "max_use_count_per_ticket"),
    (lambda: _coupon(visibility="PRIVATE"), "visibility"),
    (lambda: _coupon(timezone="Asia/Tokyo"), "timezone"),
    (lambda: _coupon(title=None), "title"),
    (lambda: LotteryAcquisitionConditionRequest(lottery_probability=0, max_acquire_count=1),
     "lottery_probability"),
    (lambda: LotteryAcquisitionConditionRequest(lottery_probability=100, max_acquire_count=1),
     "lottery_probability"),
    (lambda: LotteryAcquisitionConditionRequest(lottery_probability=1,
                                                max_acquire_count=1_000_000),
     "max_acquire_count"),
    (lambda: CashBackPercentagePriceInfoRequest(percentage=100), "percentage"),
    (lambda: DiscountPercentagePriceInfoRequest(percentage=0), "percentage"),
])
def test_coupon_request_checks(make: Any, field: str) -> None:
    with pytest.raises(InvalidInputError, match=field):
        make()


def test_coupon_limits_accept_their_bounds() -> None:
    assert _coupon(title="x" * 60, max_use_count_per_ticket=-1).title == "x" * 60
    assert LotteryAcquisitionConditionRequest(lottery_probability=99,
                                              max_acquire_count=999999).max_acquire_count == 999999
