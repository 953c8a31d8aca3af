"""Walk messaging-api.yml: every operation has a builder whose request fits the spec.

For each operation: the builder is in OPERATIONS; a request built from the
arguments below has the spec's method, host and path template, only declared
query parameters and headers, and a body valid against the spec's request
schema (jsonschema, discriminators followed, no undeclared keys). The answer
each builder registers matches the spec's response, and the response samples
are valid against the response schemas.

Skipped when ../shared/line-openapi is absent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from response_samples_messaging import SAMPLES
from spec_support import load_spec, schema_errors

from linebot_fp.api import bot, content, coupon, messaging, rich_menu
from linebot_fp.api._registry import BINARY, OPERATIONS, RESPONSES
from linebot_fp.models import coupon as coupons
from linebot_fp.models.actions import (
    DatetimePickerAction,
    MessageAction,
    PostbackAction,
    RichMenuSwitchAction,
    URIAction,
)
from linebot_fp.models.narrowcast import (
    AgeFilter,
    AppTypeFilter,
    AreaFilter,
    AudienceRecipient,
    Filter,
    GenderFilter,
    Limit,
    OperatorDemographicFilter,
    OperatorRecipient,
    RedeliveryRecipient,
    SubscriptionPeriodFilter,
)
from linebot_fp.models.rich_menu import (
    RichMenu,
    RichMenuAlias,
    RichMenuArea,
    RichMenuBatchLinkOperation,
    RichMenuBatchRequest,
    RichMenuBatchUnlinkAllOperation,
    RichMenuBatchUnlinkOperation,
    RichMenuBounds,
    RichMenuSize,
)
from linebot_fp.models.send_messages import (
    ImageSendMessage,
    LocationSendMessage,
    QuickReply,
    QuickReplyButton,
    Sender,
    StickerSendMessage,
    TextSendMessage,
)
from linebot_fp.request import BASE_URLS, Request

SPEC = load_spec("messaging-api")  # skips the module when the spec is absent
METHODS = ("get", "post", "put", "delete")

# -- representative arguments for every operation -------------------------------------------------

TEXT = TextSendMessage(
    text="hello $", quote_token="q-token", sender=Sender(name="Cony", icon_url="https://e.com/i"),
    quick_reply=QuickReply(items=(
        QuickReplyButton(action=MessageAction(label="Yes", text="yes")),
        QuickReplyButton(image_url="https://e.com/p.png",
                         action=PostbackAction(label="Buy", data="buy=1", display_text="Buy")),
        QuickReplyButton(action=DatetimePickerAction(label="When", data="d", mode="date")))))
MESSAGES = (TEXT,
            ImageSendMessage(original_content_url="https://e.com/a.jpg",
                             preview_image_url="https://e.com/a_s.jpg"),
            StickerSendMessage(package_id="446", sticker_id="1988"),
            LocationSendMessage(title="Office", address="Tokyo", latitude=35.6, longitude=139))
RICH_MENU = RichMenu(
    size=RichMenuSize(width=2500, height=1686), selected=True, name="menu", chat_bar_text="Menu",
    areas=(RichMenuArea(bounds=RichMenuBounds(x=0, y=0, width=1250, height=1686),
                        action=URIAction(label="Web", uri="https://e.com/")),
           RichMenuArea(bounds=RichMenuBounds(x=1250, y=0, width=1250, height=1686),
                        action=RichMenuSwitchAction(rich_menu_alias_id="alias-b", data="b"))))
BATCH = RichMenuBatchRequest(operations=(
    RichMenuBatchLinkOperation(from_="richmenu-a", to="richmenu-b"),
    RichMenuBatchUnlinkOperation(from_="richmenu-c"),
    RichMenuBatchUnlinkAllOperation()), resume_request_key="key-1")
COUPON = coupons.CouponCreateRequest(
    acquisition_condition=coupons.LotteryAcquisitionConditionRequest(lottery_probability=30,
                                                                     max_acquire_count=100),
    reward=coupons.CouponDiscountRewardRequest(
        price_info=coupons.DiscountExplicitPriceInfoRequest(price_after_discount=800,
                                                            original_price=1000)),
    start_timestamp=1735657200, end_timestamp=1767193199, max_use_count_per_ticket=-1,
    title="20% off", description="Twenty percent", image_url="https://e.com/c.png",
    barcode_image_url="https://e.com/b.png", coupon_code="CODE20", usage_condition="Once",
    visibility="PUBLIC", timezone="ASIA_TOKYO")
RETRY = "123e4567-e89b-12d3-a456-426614174000"

ARGS: dict[str, Callable[[], Request]] = {
    "getWebhookEndpoint": bot.get_webhook_endpoint,
    "setWebhookEndpoint": lambda: bot.set_webhook_endpoint("https://example.com/callback"),
    "testWebhookEndpoint": lambda: bot.test_webhook_endpoint("https://example.com/callback"),
    "getMessageContent": lambda: content.get_message_content("5821"),
    "getMessageContentPreview": lambda: content.get_message_content_preview("5821"),
    "getMessageContentTranscodingByMessageId":
        lambda: content.get_message_content_transcoding_by_message_id("5821"),
    "replyMessage": lambda: messaging.reply_message("reply-token", MESSAGES, True),
    "pushMessage": lambda: messaging.push_message("U1", MESSAGES, RETRY, True, ["unit_1"]),
    "multicast": lambda: messaging.multicast(["U1", "U2"], TEXT, RETRY, False, "unit_1"),
    "narrowcast": lambda: messaging.narrowcast(
        MESSAGES[:2], RETRY,
        recipient=OperatorRecipient(
            and_=(AudienceRecipient(audience_group_id=5614991017776),
                  OperatorRecipient(not_=RedeliveryRecipient(request_id="req-1")))),
        filter=Filter(demographic=OperatorDemographicFilter(
            and_=(AgeFilter(gte="age_20", lt="age_40"), GenderFilter(one_of=("female",)),
                  AppTypeFilter(one_of=("ios", "android")), AreaFilter(one_of=("jp_13",)),
                  SubscriptionPeriodFilter(gte="day_7")))),
        limit=Limit(max=1000, up_to_remaining_quota=True, forbid_partial_delivery=False),
        notification_disabled=True),
    "getNarrowcastProgress": lambda: messaging.get_progress_status_narrowcast("req-1"),
    "broadcast": lambda: messaging.broadcast(MESSAGES, RETRY),
    "getMessageQuota": messaging.get_message_quota,
    "getMessageQuotaConsumption": messaging.get_message_quota_consumption,
    "getNumberOfSentReplyMessages": lambda: messaging.get_message_delivery_reply("20191231"),
    "getNumberOfSentPushMessages": lambda: messaging.get_message_delivery_push("20191231"),
    "getNumberOfSentMulticastMessages":
        lambda: messaging.get_message_delivery_multicast("20191231"),
    "getNumberOfSentBroadcastMessages":
        lambda: messaging.get_message_delivery_broadcast("20191231"),
    "validateReply": lambda: messaging.validate_reply_message_objects(MESSAGES),
    "validatePush": lambda: messaging.validate_push_message_objects(MESSAGES),
    "validateMulticast": lambda: messaging.validate_multicast_message_objects(MESSAGES),
    "validateNarrowcast": lambda: messaging.validate_narrowcast_message_objects(MESSAGES),
    "validateBroadcast": lambda: messaging.validate_broadcast_message_objects(MESSAGES),
    "getAggregationUnitUsage": messaging.get_number_of_units_used_this_month,
    "getAggregationUnitNameList":
        lambda: messaging.get_name_list_of_units_used_this_month(50, "next"),
    "getProfile": lambda: bot.get_profile("U1"),
    "getFollowers": lambda: bot.get_followers_ids(1000, "next"),
    "getBotInfo": bot.get_bot_info,
    "getGroupMemberProfile": lambda: bot.get_group_member_profile("C1", "U1"),
    "getRoomMemberProfile": lambda: bot.get_room_member_profile("R1", "U1"),
    "getGroupMembersIds": lambda: bot.get_group_member_ids("C1", "next"),
    "getRoomMembersIds": lambda: bot.get_room_member_ids("R1", "next"),
    "leaveGroup": lambda: bot.leave_group("C1"),
    "leaveRoom": lambda: bot.leave_room("R1"),
    "getGroupSummary": lambda: bot.get_group_summary("C1"),
    "getGroupMemberCount": lambda: bot.get_group_members_count("C1"),
    "getRoomMemberCount": lambda: bot.get_room_members_count("R1"),
    "createRichMenu": lambda: rich_menu.create_rich_menu(RICH_MENU),
    "validateRichMenuObject": lambda: rich_menu.validate_rich_menu_object(RICH_MENU),
    "getRichMenuImage": lambda: rich_menu.get_rich_menu_image("richmenu-1"),
    "setRichMenuImage":
        lambda: rich_menu.set_rich_menu_image("richmenu-1", "image/png", b"\x89PNG"),
    "getRichMenu": lambda: rich_menu.get_rich_menu("richmenu-1"),
    "deleteRichMenu": lambda: rich_menu.delete_rich_menu("richmenu-1"),
    "getRichMenuList": rich_menu.get_rich_menu_list,
    "setDefaultRichMenu": lambda: rich_menu.set_default_rich_menu("richmenu-1"),
    "getDefaultRichMenuId": rich_menu.get_default_rich_menu,
    "cancelDefaultRichMenu": rich_menu.cancel_default_rich_menu,
    "createRichMenuAlias": lambda: rich_menu.create_rich_menu_alias(
        RichMenuAlias(rich_menu_alias_id="alias-a", rich_menu_id="richmenu-1")),
    "getRichMenuAlias": lambda: rich_menu.get_rich_menu_alias("alias-a"),
    "updateRichMenuAlias": lambda: rich_menu.update_rich_menu_alias(
        "alias-a", RichMenuAlias(rich_menu_alias_id="alias-a", rich_menu_id="richmenu-2")),
    "deleteRichMenuAlias": lambda: rich_menu.delete_rich_menu_alias("alias-a"),
    "getRichMenuAliasList": rich_menu.get_rich_menu_alias_list,
    "getRichMenuIdOfUser": lambda: rich_menu.get_rich_menu_id_of_user("U1"),
    "unlinkRichMenuIdFromUser": lambda: rich_menu.unlink_rich_menu_from_user("U1"),
    "linkRichMenuIdToUser": lambda: rich_menu.link_rich_menu_to_user("U1", "richmenu-1"),
    "linkRichMenuIdToUsers":
        lambda: rich_menu.link_rich_menu_to_users(["U1", "U2"], "richmenu-1"),
    "unlinkRichMenuIdFromUsers": lambda: rich_menu.unlink_rich_menu_from_users(["U1", "U2"]),
    "richMenuBatch": lambda: rich_menu.rich_menu_batch(BATCH),
    "validateRichMenuBatchRequest": lambda: rich_menu.validate_rich_menu_batch_request(BATCH),
    "getRichMenuBatchProgress": lambda: rich_menu.get_rich_menu_batch_progress("req-1"),
    "issueLinkToken": lambda: bot.issue_link_token("U1"),
    "markMessagesAsRead": lambda: messaging.mark_messages_as_read("U1"),
    "pushMessagesByPhone": lambda: messaging.push_messages_by_phone(
        "a" * 64, MESSAGES[:1], True, "delivery-tag-0123456789"),
    "getPNPMessageStatistics": lambda: messaging.get_pnp_message_statistics("20211231"),
    "getMembershipSubscription": lambda: bot.get_membership_subscription("U1"),
    "getMembershipList": bot.get_membership_list,
    "getJoinedMembershipUsers": lambda: bot.get_joined_membership_users(3, "next", 500),
    "listCoupon": lambda: coupon.list_coupon(["DRAFT", "CLOSED"], "next", 50),
    "createCoupon": lambda: coupon.create_coupon(COUPON),
    "getCouponDetail": lambda: coupon.get_coupon_detail("coupon-1"),
    "closeCoupon": lambda: coupon.close_coupon("coupon-1"),
    "showLoadingAnimation": lambda: messaging.show_loading_animation("U1", 20),
    "markMessagesAsReadByToken": lambda: messaging.mark_messages_as_read_by_token("token"),
}

# operations whose spec answer is an empty 200 but LINE returns ``{}`` and the
# legacy SDK returned a value carrying the X-Line-Request-Id header
ANSWERS_BEYOND_SPEC = {"validateReply", "validatePush", "validateMulticast",
                       "validateNarrowcast", "validateBroadcast"}


# -- the spec, made checkable ----------------------------------------------------------------------


_schema_errors = schema_errors("messaging-api")


def _operations() -> dict[str, tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    found = {}
    for path, item in SPEC["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                op = item[method]
                found[op["operationId"]] = (method.upper(), path, op,
                                            [*shared, *op.get("parameters", [])])
    return found


SPEC_OPERATIONS = _operations()
BASE_BY_URL = {url: base for base, url in BASE_URLS.items()}
BUILDER_TO_OPERATION = {OPERATIONS[op].__name__: op for op in SPEC_OPERATIONS if op in OPERATIONS}


def _base_of(op: dict[str, Any]) -> str:
    servers = op.get("servers") or SPEC["servers"]
    return BASE_BY_URL[servers[0]["url"].rstrip("/")]


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.escape(template)
    pattern = re.sub(r"\\\{[A-Za-z]+\\\}", "[A-Za-z0-9%._~-]+", pattern)
    return re.compile(pattern)


def _json_schema(body_or_response: dict[str, Any]) -> dict[str, Any] | None:
    schema = body_or_response.get("content", {}).get("application/json", {}).get("schema")
    return schema if isinstance(schema, dict) else None


def _success(op: dict[str, Any]) -> dict[str, Any]:
    return next(response for status, response in op["responses"].items()
                if str(status).startswith("2"))


def problems_of(operation_id: str) -> list[str]:
    """Everything about one operation's builder that disagrees with the spec."""
    method, template, op, params = SPEC_OPERATIONS[operation_id]
    if operation_id not in OPERATIONS:
        return ["no builder in OPERATIONS"]
    if operation_id not in ARGS:
        return ["no representative arguments in ARGS"]
    builder = OPERATIONS[operation_id]
    request = ARGS[operation_id]()
    problems: list[str] = []
    if request.operation != builder.__name__:
        problems.append(f"Request.operation {request.operation!r} != {builder.__name__!r}")
    if request.method != method:
        problems.append(f"method {request.method} != {method}")
    if request.base != _base_of(op):
        problems.append(f"base {request.base!r} != {_base_of(op)!r}")
    if not _template_regex(template).fullmatch(request.path):
        problems.append(f"path {request.path!r} does not fit {template!r}")
    declared = {p["name"]: p for p in params if p["in"] == "query"}
    sent = [name for name, _ in request.query]
    problems += [f"undeclared query parameter {name!r}" for name in sent if name not in declared]
    problems += [f"missing required query parameter {name!r}"
                 for name, p in declared.items() if p.get("required") and name not in sent]
    headers = {p["name"].lower() for p in params if p["in"] == "header"}
    problems += [f"undeclared header {name!r}" for name in request.headers
                 if name.lower() != "content-type" and name.lower() not in headers]
    body_spec = op.get("requestBody")
    if body_spec is None:
        if request.body is not None:
            problems.append("sends a body the spec does not take")
    elif (schema := _json_schema(body_spec)) is not None:
        if request.headers.get("Content-Type") != "application/json" or request.body is None:
            problems.append("JSON body expected")
        else:
            body = json.loads(request.body)
            problems += _schema_errors(body, schema)
    elif not (isinstance(request.body, bytes) and "/" in request.headers.get("Content-Type", "")):
        problems.append("binary body with a content type expected")
    success = _success(op)
    answer = RESPONSES.get(builder.__name__)
    content_types = set(success.get("content", {}))
    if _json_schema(success) is not None:
        if answer in (None, BINARY):
            problems.append("JSON answer without a registered model")
    elif content_types:
        if answer != BINARY:
            problems.append(f"binary answer registered as {answer!r}")
    elif answer is not None and operation_id not in ANSWERS_BEYOND_SPEC:
        problems.append(f"empty answer registered as {answer!r}")
    return problems


# -- the tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
def test_operation_fits_the_spec(operation_id: str) -> None:
    assert problems_of(operation_id) == []


def test_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    failing = {op: problems for op in SPEC_OPERATIONS if (problems := problems_of(op))}
    covered = len(SPEC_OPERATIONS) - len(failing)
    with capsys.disabled():
        print(f"\nmessaging-api.yml: covered {covered}/{len(SPEC_OPERATIONS)} operations")
    assert not failing, "operations not covered: " + "; ".join(
        f"{op}: {', '.join(problems)}" for op, problems in sorted(failing.items()))


def test_no_stale_arguments() -> None:
    assert sorted(set(ARGS) - set(SPEC_OPERATIONS)) == []


@pytest.mark.parametrize("index", range(len(SAMPLES)),
                         ids=[f"{s.operation}-{i}" for i, s in enumerate(SAMPLES)])
def test_response_sample_fits_the_spec(index: int) -> None:
    sample = SAMPLES[index]
    operation_id = BUILDER_TO_OPERATION[sample.operation]
    schema = _json_schema(_success(SPEC_OPERATIONS[operation_id][2]))
    if schema is None:
        assert operation_id in ANSWERS_BEYOND_SPEC
        assert sample.body == {}
        return
    if sample.off_spec:
        assert _schema_errors(sample.body, schema), "a sample marked off_spec fits the spec"
        return
    assert _schema_errors(sample.body, schema) == []


def test_checker_catches_a_wrong_key_and_a_wrong_tag() -> None:
    schema = _json_schema(SPEC_OPERATIONS["pushMessage"][2]["requestBody"])
    assert schema is not None
    body = {"to": "U1", "messages": [{"type": "text", "text": "hi", "quoteTokn": "x"}]}
    assert _schema_errors(body, schema) == ["$.messages[0].quoteTokn: undeclared key"]
    assert _schema_errors({"to": "U1", "messages": [{"type": "txet", "text": "hi"}]}, schema)
    assert _schema_errors({"to": "U1", "messages": []}, schema)
