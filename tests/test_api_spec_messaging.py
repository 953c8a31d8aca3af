"""Walk messaging-api.yml: every operation has a builder whose request fits the spec.

For each operation of the facts table (tests/spec_facts.json, generated from the spec):
the builder is in OPERATIONS; a request built from the arguments below has the spec's
method, host and path template, only declared query parameters and headers, and a body
whose keys, tags and JSON types fit the request schema's facts (no undeclared key, no
required key missing). The answer each builder registers matches the spec's response,
and the response samples fit the response schemas' facts.

The full JSON Schema checks of the same bodies and samples (formats, lengths,
patterns) read the spec itself and skip, saying why, when it is absent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from facts_support import Operation, operations, structure_errors, success
from response_samples_messaging import SAMPLES
from spec_support import schema_errors

from linebot_fp import models as m
from linebot_fp.api import bot, content, coupon, messaging, rich_menu
from linebot_fp.api._registry import BINARY, OPERATIONS, RESPONSES
from linebot_fp.models import (
    AgeFilter,
    AppTypeFilter,
    AreaFilter,
    AudienceRecipient,
    DatetimePickerAction,
    Filter,
    GenderFilter,
    ImageSendMessage,
    Limit,
    LocationSendMessage,
    MessageAction,
    OperatorDemographicFilter,
    OperatorRecipient,
    PostbackAction,
    QuickReply,
    QuickReplyButton,
    RedeliveryRecipient,
    RichMenu,
    RichMenuAlias,
    RichMenuArea,
    RichMenuBatchLinkOperation,
    RichMenuBatchRequest,
    RichMenuBatchUnlinkAllOperation,
    RichMenuBatchUnlinkOperation,
    RichMenuBounds,
    RichMenuSize,
    RichMenuSwitchAction,
    Sender,
    StickerSendMessage,
    SubscriptionPeriodFilter,
    TextSendMessage,
    URIAction,
)
from linebot_fp.request import BASE_URLS, Request

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
COUPON = m.CouponCreateRequest(
    acquisition_condition=m.LotteryAcquisitionConditionRequest(lottery_probability=30,
                                                                     max_acquire_count=100),
    reward=m.CouponDiscountRewardRequest(
        price_info=m.DiscountExplicitPriceInfoRequest(price_after_discount=800,
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
                       "validateNarrowcast", "validateBroadcast",
                       # 202 with no body: the request id its progress needs is a header
                       "richMenuBatch"}


# -- the spec's facts, made checkable -------------------------------------------------------------

SPEC_OPERATIONS: dict[str, Operation] = operations("messaging-api")
BASE_BY_URL = {url: base for base, url in BASE_URLS.items()}
BUILDER_TO_OPERATION = {OPERATIONS[op].__name__: op for op in SPEC_OPERATIONS if op in OPERATIONS}
_structure_errors = structure_errors("messaging-api")


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.escape(template)
    pattern = re.sub(r"\\\{[A-Za-z]+\\\}", "[A-Za-z0-9%._~-]+", pattern)
    return re.compile(pattern)


def _json_kind(content: Mapping[str, str] | None) -> str | None:
    """The kind of a body or answer sent as JSON, None when it is not JSON."""
    return None if content is None else content.get("application/json")


def _json_bodies() -> list[tuple[str, Any, str]]:
    """(operationId, the JSON body its builder sends, the request schema's kind)."""
    found = []
    for operation_id, op in sorted(SPEC_OPERATIONS.items()):
        kind = _json_kind(op.body["content"]) if op.body else None
        if kind is not None and operation_id in ARGS:
            request = ARGS[operation_id]()
            if request.body is not None:
                found.append((operation_id, json.loads(request.body), kind))
    return found


def problems_of(operation_id: str) -> list[str]:
    """Everything about one operation's builder that disagrees with the spec's facts."""
    op = SPEC_OPERATIONS[operation_id]
    if operation_id not in OPERATIONS:
        return ["no builder in OPERATIONS"]
    if operation_id not in ARGS:
        return ["no representative arguments in ARGS"]
    builder = OPERATIONS[operation_id]
    request = ARGS[operation_id]()
    problems: list[str] = []
    if request.operation != builder.__name__:
        problems.append(f"Request.operation {request.operation!r} != {builder.__name__!r}")
    if request.method != op.method:
        problems.append(f"method {request.method} != {op.method}")
    if request.base != BASE_BY_URL[op.host]:
        problems.append(f"base {request.base!r} != {BASE_BY_URL[op.host]!r}")
    if not _template_regex(op.path).fullmatch(request.path):
        problems.append(f"path {request.path!r} does not fit {op.path!r}")
    declared = op.parameter_names("query")
    sent = [name for name, _ in request.query]
    problems += [f"undeclared query parameter {name!r}" for name in sent if name not in declared]
    problems += [f"missing required query parameter {name!r}"
                 for name, required in declared.items() if required and name not in sent]
    headers = {name.lower() for name in op.parameter_names("header")}
    problems += [f"undeclared header {name!r}" for name in request.headers
                 if name.lower() != "content-type" and name.lower() not in headers]
    if op.body is None:
        if request.body is not None:
            problems.append("sends a body the spec does not take")
    elif (kind := _json_kind(op.body["content"])) is not None:
        if request.headers.get("Content-Type") != "application/json" or request.body is None:
            problems.append("JSON body expected")
        else:
            problems += _structure_errors(json.loads(request.body), kind)
    elif not (isinstance(request.body, bytes) and "/" in request.headers.get("Content-Type", "")):
        problems.append("binary body with a content type expected")
    _, content = success(op)
    answer = RESPONSES.get(builder.__name__)
    if _json_kind(content) is not None:
        if answer in (None, BINARY):
            problems.append("JSON answer without a registered model")
    elif content:
        if answer != BINARY:
            problems.append(f"binary answer registered as {answer!r}")
    elif answer is not None and operation_id not in ANSWERS_BEYOND_SPEC:
        problems.append(f"empty answer registered as {answer!r}")
    return problems


def _sample_kind(sample: Any) -> str | None:
    """The kind of the spec's answer to a sample's builder (None: an empty answer)."""
    return _json_kind(success(SPEC_OPERATIONS[BUILDER_TO_OPERATION[sample.operation]])[1])


# -- the tests: the facts --------------------------------------------------------------------------


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
    kind = _sample_kind(sample)
    if kind is None:
        assert BUILDER_TO_OPERATION[sample.operation] in ANSWERS_BEYOND_SPEC
        assert sample.body == {}
        return
    if sample.off_spec:
        assert _structure_errors(sample.body, kind), "a sample marked off_spec fits the spec"
        return
    assert _structure_errors(sample.body, kind) == []


def test_the_facts_check_catches_a_wrong_key_and_a_wrong_tag() -> None:
    kind = _json_kind(SPEC_OPERATIONS["pushMessage"].body["content"])  # type: ignore[index]
    assert kind == "#PushMessageRequest"
    body = {"to": "U1", "messages": [{"type": "text", "text": "hi", "quoteTokn": "x"}]}
    assert _structure_errors(body, kind) == ["$.messages[0].quoteTokn: undeclared key"]
    assert _structure_errors({"to": "U1", "messages": [{"type": "txet", "text": "hi"}]}, kind)
    assert _structure_errors({"messages": []}, kind) == ["$: 'to' is a required property",
                                                         "$.messages: [] should be non-empty"]


# -- the tests: the full schemas (they read the spec) ----------------------------------------------


def test_request_bodies_are_valid_against_the_spec_schemas() -> None:
    errors = schema_errors("messaging-api")  # skips when the spec is absent
    bodies = _json_bodies()
    problems = {operation_id: found for operation_id, body, kind in bodies
                if (found := errors(body, kind.removeprefix("#")))}
    assert len(bodies) >= 25
    assert not problems, json.dumps(problems, indent=1)


def test_response_samples_are_valid_against_the_spec_schemas() -> None:
    errors = schema_errors("messaging-api")  # skips when the spec is absent
    problems, checked = {}, 0
    for index, sample in enumerate(SAMPLES):
        kind = _sample_kind(sample)
        if kind is None:
            continue
        found = errors(sample.body, kind.removeprefix("#"))
        if bool(found) != sample.off_spec:
            problems[f"{sample.operation}-{index}"] = found or "marked off_spec, but fits"
        checked += 1
    assert checked >= 40
    assert not problems, json.dumps(problems, indent=1)


def test_the_schema_check_catches_a_wrong_key_and_a_wrong_tag() -> None:
    errors = schema_errors("messaging-api")  # skips when the spec is absent
    body = {"to": "U1", "messages": [{"type": "text", "text": "hi", "quoteTokn": "x"}]}
    assert errors(body, "PushMessageRequest") == ["$.messages[0].quoteTokn: undeclared key"]
    assert errors({"to": "U1", "messages": [{"type": "txet", "text": "hi"}]}, "PushMessageRequest")
    assert errors({"to": "U1", "messages": []}, "PushMessageRequest")
