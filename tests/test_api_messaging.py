"""Builders of the messaging-api.yml operations: exact requests, legacy names, bad input.

Every builder of linebot_fp.api.{messaging,bot,content,rich_menu,coupon} has a
row below: the call, then the method, host, path, query, headers and body it
must produce.
"""

from __future__ import annotations

import datetime
import inspect
import io
import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

import pytest
from hypothesis import given, strategies as st

from linebot_fp.api import bot, content, coupon, messaging, rich_menu
from linebot_fp.api._registry import OPERATIONS
from linebot_fp.errors import InvalidInputError
from linebot_fp.models.actions import MessageAction, PostbackAction
from linebot_fp.models.coupon import (
    CouponCreateRequest,
    CouponFreeRewardRequest,
    NormalAcquisitionConditionRequest,
)
from linebot_fp.models.narrowcast import (
    AgeFilter,
    AudienceRecipient,
    Filter,
    GenderFilter,
    Limit,
    OperatorDemographicFilter,
    OperatorRecipient,
    RedeliveryRecipient,
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
from linebot_fp.models.send_messages import ImageSendMessage, TextSendMessage
from linebot_fp.request import Request

MODULES = (bot, content, coupon, messaging, rich_menu)
BUILDERS: dict[str, Callable[..., Request]] = {
    name: getattr(module, name) for module in MODULES for name in module.__all__}

TEXT = TextSendMessage(text="hello")
TEXT_JSON = {"type": "text", "text": "hello"}
IMAGE = ImageSendMessage(original_content_url="https://example.com/a.jpg",
                         preview_image_url="https://example.com/a_s.jpg")
IMAGE_JSON = {"type": "image", "originalContentUrl": "https://example.com/a.jpg",
              "previewImageUrl": "https://example.com/a_s.jpg"}
RETRY_KEY = "123e4567-e89b-12d3-a456-426614174000"
JSON_TYPE = {"Content-Type": "application/json"}

RICH_MENU = RichMenu(
    size=RichMenuSize(width=2500, height=843), selected=False, name="menu", chat_bar_text="Tap",
    areas=(RichMenuArea(bounds=RichMenuBounds(x=0, y=0, width=2500, height=843),
                        action=MessageAction(text="hi")),))
RICH_MENU_JSON = {
    "size": {"width": 2500, "height": 843}, "selected": False, "name": "menu",
    "chatBarText": "Tap",
    "areas": [{"bounds": {"x": 0, "y": 0, "width": 2500, "height": 843},
               "action": {"type": "message", "text": "hi"}}]}
BATCH = RichMenuBatchRequest(operations=(
    RichMenuBatchLinkOperation(from_="richmenu-a", to="richmenu-b"),
    RichMenuBatchUnlinkOperation(from_="richmenu-c"),
    RichMenuBatchUnlinkAllOperation()), resume_request_key="retry_1")
BATCH_JSON = {"operations": [{"type": "link", "from": "richmenu-a", "to": "richmenu-b"},
                             {"type": "unlink", "from": "richmenu-c"},
                             {"type": "unlinkAll"}],
              "resumeRequestKey": "retry_1"}
COUPON = CouponCreateRequest(
    acquisition_condition=NormalAcquisitionConditionRequest(), start_timestamp=1735657200,
    end_timestamp=1767193199, max_use_count_per_ticket=1, title="Free coffee",
    visibility="UNLISTED", timezone="ASIA_TOKYO", reward=CouponFreeRewardRequest())
COUPON_JSON = {"acquisitionCondition": {"type": "normal"}, "startTimestamp": 1735657200,
               "endTimestamp": 1767193199, "maxUseCountPerTicket": 1, "title": "Free coffee",
               "visibility": "UNLISTED", "timezone": "ASIA_TOKYO", "reward": {"type": "free"}}

NO_BODY = object()


class Case(NamedTuple):
    """One builder call and the request it must build."""

    id: str
    call: Callable[[], Request]
    method: str
    path: str
    base: str = "api"
    query: tuple[tuple[str, str], ...] = ()
    headers: dict[str, str] = {}  # noqa: RUF012 - a NamedTuple default, never mutated
    json: Any = NO_BODY
    body: bytes | None = None


def _json(method: str, path: str, body: Any, **more: Any) -> dict[str, Any]:
    return {"method": method, "path": path, "headers": {**JSON_TYPE, **more.pop("headers", {})},
            "json": body, **more}


CASES = [
    # -- messaging ---------------------------------------------------------------------------
    Case("reply_message", lambda: messaging.reply_message("rt", TEXT),
         **_json("POST", "/v2/bot/message/reply",
                 {"replyToken": "rt", "messages": [TEXT_JSON], "notificationDisabled": False})),
    Case("reply_message:list", lambda: messaging.reply_message("rt", [TEXT, IMAGE], True),
         **_json("POST", "/v2/bot/message/reply",
                 {"replyToken": "rt", "messages": [TEXT_JSON, IMAGE_JSON],
                  "notificationDisabled": True})),
    Case("push_message", lambda: messaging.push_message("U1", TEXT),
         **_json("POST", "/v2/bot/message/push",
                 {"to": "U1", "messages": [TEXT_JSON], "notificationDisabled": False})),
    Case("push_message:all",
         lambda: messaging.push_message("U1", (TEXT,), RETRY_KEY, True, "promo_1"),
         **_json("POST", "/v2/bot/message/push",
                 {"to": "U1", "messages": [TEXT_JSON], "notificationDisabled": True,
                  "customAggregationUnits": ["promo_1"]},
                 headers={"X-Line-Retry-Key": RETRY_KEY})),
    Case("push_message:uuid",
         lambda: messaging.push_message("U1", TEXT, retry_key=uuid.UUID(RETRY_KEY.upper())),
         **_json("POST", "/v2/bot/message/push",
                 {"to": "U1", "messages": [TEXT_JSON], "notificationDisabled": False},
                 headers={"X-Line-Retry-Key": RETRY_KEY})),
    Case("multicast", lambda: messaging.multicast(["U1", "U2"], TEXT),
         **_json("POST", "/v2/bot/message/multicast",
                 {"to": ["U1", "U2"], "messages": [TEXT_JSON], "notificationDisabled": False})),
    Case("multicast:all",
         lambda: messaging.multicast(("U1",), [TEXT], RETRY_KEY.upper(), True, ["unit_a"]),
         **_json("POST", "/v2/bot/message/multicast",
                 {"to": ["U1"], "messages": [TEXT_JSON], "notificationDisabled": True,
                  "customAggregationUnits": ["unit_a"]},
                 headers={"X-Line-Retry-Key": RETRY_KEY})),
    Case("broadcast", lambda: messaging.broadcast(TEXT),
         **_json("POST", "/v2/bot/message/broadcast",
                 {"messages": [TEXT_JSON], "notificationDisabled": False})),
    Case("broadcast:all", lambda: messaging.broadcast([TEXT], RETRY_KEY, True),
         **_json("POST", "/v2/bot/message/broadcast",
                 {"messages": [TEXT_JSON], "notificationDisabled": True},
                 headers={"X-Line-Retry-Key": RETRY_KEY})),
    Case("narrowcast", lambda: messaging.narrowcast(TEXT),
         **_json("POST", "/v2/bot/message/narrowcast",
                 {"messages": [TEXT_JSON], "notificationDisabled": False})),
    Case("narrowcast:all", lambda: messaging.narrowcast(
        [TEXT], RETRY_KEY,
        recipient=OperatorRecipient(and_=(AudienceRecipient(audience_group_id=5614991017776),
                                          RedeliveryRecipient(request_id="req-1"))),
        filter=Filter(demographic=OperatorDemographicFilter(or_=(
            AgeFilter(gte="age_20", lt="age_30"), GenderFilter(one_of=("female",))))),
        limit=Limit(max=100, up_to_remaining_quota=True), notification_disabled=True),
        **_json("POST", "/v2/bot/message/narrowcast", {
            "messages": [TEXT_JSON],
            "recipient": {"type": "operator", "and": [
                {"type": "audience", "audienceGroupId": 5614991017776},
                {"type": "redelivery", "requestId": "req-1"}]},
            "filter": {"demographic": {"type": "operator", "or": [
                {"type": "age", "gte": "age_20", "lt": "age_30"},
                {"type": "gender", "oneOf": ["female"]}]}},
            "limit": {"max": 100, "upToRemainingQuota": True},
            "notificationDisabled": True}, headers={"X-Line-Retry-Key": RETRY_KEY})),
    Case("get_progress_status_narrowcast",
         lambda: messaging.get_progress_status_narrowcast("req 1"),
         "GET", "/v2/bot/message/progress/narrowcast", query=(("requestId", "req 1"),)),
    *[Case(f"validate_{kind}_message_objects",
           partial(getattr(messaging, f"validate_{kind}_message_objects"), TEXT),
           **_json("POST", f"/v2/bot/message/validate/{kind}", {"messages": [TEXT_JSON]}))
      for kind in ("reply", "push", "multicast", "narrowcast", "broadcast")],
    Case("get_message_quota", messaging.get_message_quota, "GET", "/v2/bot/message/quota"),
    Case("get_message_quota_consumption", messaging.get_message_quota_consumption,
         "GET", "/v2/bot/message/quota/consumption"),
    *[Case(f"get_message_delivery_{kind}",
           partial(getattr(messaging, f"get_message_delivery_{kind}"), "20191231"),
           "GET", f"/v2/bot/message/delivery/{kind}", query=(("date", "20191231"),))
      for kind in ("reply", "push", "multicast", "broadcast")],
    Case("get_message_delivery_reply:date",
         lambda: messaging.get_message_delivery_reply(datetime.date(2024, 1, 31)),
         "GET", "/v2/bot/message/delivery/reply", query=(("date", "20240131"),)),
    Case("get_pnp_message_statistics", lambda: messaging.get_pnp_message_statistics("20211231"),
         "GET", "/v2/bot/message/delivery/pnp", query=(("date", "20211231"),)),
    Case("get_number_of_units_used_this_month", messaging.get_number_of_units_used_this_month,
         "GET", "/v2/bot/message/aggregation/info"),
    Case("get_name_list_of_units_used_this_month",
         messaging.get_name_list_of_units_used_this_month,
         "GET", "/v2/bot/message/aggregation/list", query=(("limit", "100"),)),
    Case("get_name_list_of_units_used_this_month:start",
         lambda: messaging.get_name_list_of_units_used_this_month(50, "next-token"),
         "GET", "/v2/bot/message/aggregation/list",
         query=(("limit", "50"), ("start", "next-token"))),
    Case("mark_messages_as_read", lambda: messaging.mark_messages_as_read("U1"),
         **_json("POST", "/v2/bot/message/markAsRead", {"chat": {"userId": "U1"}})),
    Case("mark_messages_as_read_by_token",
         lambda: messaging.mark_messages_as_read_by_token("tok"),
         **_json("POST", "/v2/bot/chat/markAsRead", {"markAsReadToken": "tok"})),
    Case("push_messages_by_phone", lambda: messaging.push_messages_by_phone("a1b2", TEXT),
         **_json("POST", "/bot/pnp/push",
                 {"to": "a1b2", "messages": [TEXT_JSON], "notificationDisabled": False})),
    Case("push_messages_by_phone:tag",
         lambda: messaging.push_messages_by_phone("a1b2", [TEXT], True, "delivery-tag-0123"),
         **_json("POST", "/bot/pnp/push",
                 {"to": "a1b2", "messages": [TEXT_JSON], "notificationDisabled": True},
                 headers={"X-Line-Delivery-Tag": "delivery-tag-0123"})),
    Case("show_loading_animation", lambda: messaging.show_loading_animation("U1"),
         **_json("POST", "/v2/bot/chat/loading/start", {"chatId": "U1"})),
    Case("show_loading_animation:seconds", lambda: messaging.show_loading_animation("U1", 60),
         **_json("POST", "/v2/bot/chat/loading/start", {"chatId": "U1", "loadingSeconds": 60})),
    # -- bot, users, groups, rooms ---------------------------------------------------------------
    Case("get_profile", lambda: bot.get_profile("U/1 ?"), "GET", "/v2/bot/profile/U%2F1%20%3F"),
    Case("get_followers_ids", bot.get_followers_ids, "GET", "/v2/bot/followers/ids",
         query=(("limit", "300"),)),
    Case("get_followers_ids:start", lambda: bot.get_followers_ids(1000, "yANU9"),
         "GET", "/v2/bot/followers/ids", query=(("limit", "1000"), ("start", "yANU9"))),
    Case("get_followers_ids:no-limit", lambda: bot.get_followers_ids(None),
         "GET", "/v2/bot/followers/ids"),
    Case("get_bot_info", bot.get_bot_info, "GET", "/v2/bot/info"),
    Case("get_group_summary", lambda: bot.get_group_summary("C1"),
         "GET", "/v2/bot/group/C1/summary"),
    Case("get_group_members_count", lambda: bot.get_group_members_count("C1"),
         "GET", "/v2/bot/group/C1/members/count"),
    Case("get_group_member_ids", lambda: bot.get_group_member_ids("C1"),
         "GET", "/v2/bot/group/C1/members/ids"),
    Case("get_group_member_ids:start", lambda: bot.get_group_member_ids("C1", "next"),
         "GET", "/v2/bot/group/C1/members/ids", query=(("start", "next"),)),
    Case("get_group_member_profile", lambda: bot.get_group_member_profile("C1", "U1"),
         "GET", "/v2/bot/group/C1/member/U1"),
    Case("leave_group", lambda: bot.leave_group("C1"), "POST", "/v2/bot/group/C1/leave"),
    Case("get_room_members_count", lambda: bot.get_room_members_count("R1"),
         "GET", "/v2/bot/room/R1/members/count"),
    Case("get_room_member_ids", lambda: bot.get_room_member_ids("R1", "n"),
         "GET", "/v2/bot/room/R1/members/ids", query=(("start", "n"),)),
    Case("get_room_member_profile", lambda: bot.get_room_member_profile("R1", "U1"),
         "GET", "/v2/bot/room/R1/member/U1"),
    Case("leave_room", lambda: bot.leave_room("R1"), "POST", "/v2/bot/room/R1/leave"),
    Case("get_webhook_endpoint", bot.get_webhook_endpoint,
         "GET", "/v2/bot/channel/webhook/endpoint"),
    Case("set_webhook_endpoint", lambda: bot.set_webhook_endpoint("https://example.com/cb"),
         **_json("PUT", "/v2/bot/channel/webhook/endpoint",
                 {"endpoint": "https://example.com/cb"})),
    Case("test_webhook_endpoint", bot.test_webhook_endpoint,
         **_json("POST", "/v2/bot/channel/webhook/test", {})),
    Case("test_webhook_endpoint:url", lambda: bot.test_webhook_endpoint("https://e.com/x"),
         **_json("POST", "/v2/bot/channel/webhook/test", {"endpoint": "https://e.com/x"})),
    Case("issue_link_token", lambda: bot.issue_link_token("U1"),
         "POST", "/v2/bot/user/U1/linkToken"),
    Case("get_membership_subscription", lambda: bot.get_membership_subscription("U1"),
         "GET", "/v2/bot/membership/subscription/U1"),
    Case("get_membership_list", bot.get_membership_list, "GET", "/v2/bot/membership/list"),
    Case("get_joined_membership_users", lambda: bot.get_joined_membership_users(3),
         "GET", "/v2/bot/membership/3/users/ids"),
    Case("get_joined_membership_users:all",
         lambda: bot.get_joined_membership_users("3", "tok", 1000),
         "GET", "/v2/bot/membership/3/users/ids", query=(("start", "tok"), ("limit", "1000"))),
    # -- content -----------------------------------------------------------------------------------
    Case("get_message_content", lambda: content.get_message_content("325708"),
         "GET", "/v2/bot/message/325708/content", base="data"),
    Case("get_message_content_preview", lambda: content.get_message_content_preview("325708"),
         "GET", "/v2/bot/message/325708/content/preview", base="data"),
    Case("get_message_content_transcoding_by_message_id",
         lambda: content.get_message_content_transcoding_by_message_id("325708"),
         "GET", "/v2/bot/message/325708/content/transcoding", base="data"),
    # -- rich menus --------------------------------------------------------------------------------
    Case("create_rich_menu", lambda: rich_menu.create_rich_menu(RICH_MENU),
         **_json("POST", "/v2/bot/richmenu", RICH_MENU_JSON)),
    Case("validate_rich_menu_object", lambda: rich_menu.validate_rich_menu_object(RICH_MENU),
         **_json("POST", "/v2/bot/richmenu/validate", RICH_MENU_JSON)),
    Case("get_rich_menu", lambda: rich_menu.get_rich_menu("richmenu-1"),
         "GET", "/v2/bot/richmenu/richmenu-1"),
    Case("delete_rich_menu", lambda: rich_menu.delete_rich_menu("richmenu-1"),
         "DELETE", "/v2/bot/richmenu/richmenu-1"),
    Case("get_rich_menu_list", rich_menu.get_rich_menu_list, "GET", "/v2/bot/richmenu/list"),
    Case("set_rich_menu_image",
         lambda: rich_menu.set_rich_menu_image("richmenu-1", "image/png", b"\x89PNG\r\n"),
         "POST", "/v2/bot/richmenu/richmenu-1/content", base="data",
         headers={"Content-Type": "image/png"}, body=b"\x89PNG\r\n"),
    Case("set_rich_menu_image:file", lambda: rich_menu.set_rich_menu_image(
        "richmenu-1", "image/jpeg", io.BytesIO(b"\xff\xd8\xff")),
         "POST", "/v2/bot/richmenu/richmenu-1/content", base="data",
         headers={"Content-Type": "image/jpeg"}, body=b"\xff\xd8\xff"),
    Case("get_rich_menu_image", lambda: rich_menu.get_rich_menu_image("richmenu-1"),
         "GET", "/v2/bot/richmenu/richmenu-1/content", base="data"),
    Case("set_default_rich_menu", lambda: rich_menu.set_default_rich_menu("richmenu-1"),
         "POST", "/v2/bot/user/all/richmenu/richmenu-1"),
    Case("get_default_rich_menu", rich_menu.get_default_rich_menu,
         "GET", "/v2/bot/user/all/richmenu"),
    Case("cancel_default_rich_menu", rich_menu.cancel_default_rich_menu,
         "DELETE", "/v2/bot/user/all/richmenu"),
    Case("link_rich_menu_to_user", lambda: rich_menu.link_rich_menu_to_user("U1", "richmenu-1"),
         "POST", "/v2/bot/user/U1/richmenu/richmenu-1"),
    Case("get_rich_menu_id_of_user", lambda: rich_menu.get_rich_menu_id_of_user("U1"),
         "GET", "/v2/bot/user/U1/richmenu"),
    Case("unlink_rich_menu_from_user", lambda: rich_menu.unlink_rich_menu_from_user("U1"),
         "DELETE", "/v2/bot/user/U1/richmenu"),
    Case("link_rich_menu_to_users",
         lambda: rich_menu.link_rich_menu_to_users(["U1", "U2"], "richmenu-1"),
         **_json("POST", "/v2/bot/richmenu/bulk/link",
                 {"richMenuId": "richmenu-1", "userIds": ["U1", "U2"]})),
    Case("unlink_rich_menu_from_users", lambda: rich_menu.unlink_rich_menu_from_users(["U1"]),
         **_json("POST", "/v2/bot/richmenu/bulk/unlink", {"userIds": ["U1"]})),
    Case("rich_menu_batch", lambda: rich_menu.rich_menu_batch(BATCH),
         **_json("POST", "/v2/bot/richmenu/batch", BATCH_JSON)),
    Case("validate_rich_menu_batch_request",
         lambda: rich_menu.validate_rich_menu_batch_request(BATCH),
         **_json("POST", "/v2/bot/richmenu/validate/batch", BATCH_JSON)),
    Case("get_rich_menu_batch_progress", lambda: rich_menu.get_rich_menu_batch_progress("r1"),
         "GET", "/v2/bot/richmenu/progress/batch", query=(("requestId", "r1"),)),
    Case("create_rich_menu_alias", lambda: rich_menu.create_rich_menu_alias(
        RichMenuAlias(rich_menu_alias_id="alias-a", rich_menu_id="richmenu-1")),
         **_json("POST", "/v2/bot/richmenu/alias",
                 {"richMenuAliasId": "alias-a", "richMenuId": "richmenu-1"})),
    Case("update_rich_menu_alias", lambda: rich_menu.update_rich_menu_alias(
        "alias-a", RichMenuAlias(rich_menu_alias_id="alias-a", rich_menu_id="richmenu-2")),
         **_json("POST", "/v2/bot/richmenu/alias/alias-a", {"richMenuId": "richmenu-2"})),
    Case("update_rich_menu_alias:id-only", lambda: rich_menu.update_rich_menu_alias(
        "alias-a", RichMenuAlias(rich_menu_id="richmenu-2")),
         **_json("POST", "/v2/bot/richmenu/alias/alias-a", {"richMenuId": "richmenu-2"})),
    Case("get_rich_menu_alias", lambda: rich_menu.get_rich_menu_alias("alias-a"),
         "GET", "/v2/bot/richmenu/alias/alias-a"),
    Case("delete_rich_menu_alias", lambda: rich_menu.delete_rich_menu_alias("alias-a"),
         "DELETE", "/v2/bot/richmenu/alias/alias-a"),
    Case("get_rich_menu_alias_list", rich_menu.get_rich_menu_alias_list,
         "GET", "/v2/bot/richmenu/alias/list"),
    # -- coupons -----------------------------------------------------------------------------------
    Case("list_coupon", coupon.list_coupon, "GET", "/v2/bot/coupon"),
    Case("list_coupon:all", lambda: coupon.list_coupon(["DRAFT", "RUNNING", "DRAFT"], "p2", 100),
         "GET", "/v2/bot/coupon",
         query=(("status", "DRAFT"), ("status", "RUNNING"), ("start", "p2"), ("limit", "100"))),
    Case("list_coupon:one-status", lambda: coupon.list_coupon("CLOSED"),
         "GET", "/v2/bot/coupon", query=(("status", "CLOSED"),)),
    Case("create_coupon", lambda: coupon.create_coupon(COUPON),
         **_json("POST", "/v2/bot/coupon", COUPON_JSON)),
    Case("get_coupon_detail", lambda: coupon.get_coupon_detail("c1"),
         "GET", "/v2/bot/coupon/c1"),
    Case("close_coupon", lambda: coupon.close_coupon("c1"), "PUT", "/v2/bot/coupon/c1/close"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_builder_builds_exact_request(case: Case) -> None:
    request = case.call()
    assert request.operation == case.id.split(":")[0]
    assert (request.method, request.base, request.path) == (case.method, case.base, case.path)
    assert request.query == case.query
    assert dict(request.headers) == case.headers
    if case.json is NO_BODY:
        assert request.body == case.body
    else:
        assert request.body is not None
        assert json.loads(request.body) == case.json
        # compact UTF-8 JSON, non-ASCII kept as is
        assert request.body == json.dumps(json.loads(request.body), ensure_ascii=False,
                                          separators=(",", ":")).encode()
    assert Request.from_dict(json.loads(json.dumps(request.to_dict()))) == request
    assert case.call() == request  # pure: same input, same request


def test_every_builder_has_a_row() -> None:
    covered = {case.id.split(":")[0] for case in CASES}
    assert sorted(set(BUILDERS) - covered) == []


def test_every_builder_is_registered_under_its_operation() -> None:
    registered = {builder.__name__: op for op, builder in OPERATIONS.items()}
    missing = sorted(name for name in BUILDERS if name not in registered)
    assert missing == []
    for name, builder in BUILDERS.items():
        assert OPERATIONS[registered[name]] is builder


def test_json_body_keeps_non_ascii_and_key_order() -> None:
    request = messaging.reply_message("rt", TextSendMessage(text="こんにちは 🍣"))
    assert request.body == ('{"replyToken":"rt",'
                            '"messages":[{"text":"こんにちは 🍣","type":"text"}],'
                            '"notificationDisabled":false}').encode()


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1),
       st.lists(st.text(alphabet="Uabc0123456789", min_size=1, max_size=33),
                min_size=1, max_size=500))
def test_multicast_body_matches_hand_written_json(text: str, to: list[str]) -> None:
    request = messaging.multicast(to, TextSendMessage(text=text))
    assert request.body is not None
    assert json.loads(request.body) == {"to": to, "messages": [{"type": "text", "text": text}],
                                        "notificationDisabled": False}


# -- legacy names and parameters ----------------------------------------------------------------

# The legacy LineBotApi methods these modules carry, with their parameters and
# defaults (minus self and timeout), as the legacy SDK declares them.
LEGACY = (
    "broadcast(messages, retry_key=None, notification_disabled=False)",
    "cancel_default_rich_menu()",
    "create_rich_menu(rich_menu)",
    "create_rich_menu_alias(rich_menu_alias)",
    "delete_rich_menu(rich_menu_id)",
    "delete_rich_menu_alias(rich_menu_alias_id)",
    "get_bot_info()",
    "get_default_rich_menu()",
    "get_followers_ids(limit=300, start=None)",
    "get_group_member_ids(group_id, start=None)",
    "get_group_member_profile(group_id, user_id)",
    "get_group_members_count(group_id)",
    "get_group_summary(group_id)",
    "get_message_content(message_id)",
    "get_message_delivery_broadcast(date)",
    "get_message_delivery_multicast(date)",
    "get_message_delivery_push(date)",
    "get_message_delivery_reply(date)",
    "get_message_quota()",
    "get_message_quota_consumption()",
    "get_name_list_of_units_used_this_month(limit=100, start=None)",
    "get_number_of_units_used_this_month()",
    "get_profile(user_id)",
    "get_progress_status_narrowcast(request_id)",
    "get_rich_menu(rich_menu_id)",
    "get_rich_menu_alias(rich_menu_alias_id=None)",
    "get_rich_menu_alias_list()",
    "get_rich_menu_id_of_user(user_id)",
    "get_rich_menu_image(rich_menu_id)",
    "get_rich_menu_list()",
    "get_room_member_ids(room_id, start=None)",
    "get_room_member_profile(room_id, user_id)",
    "get_room_members_count(room_id)",
    "get_webhook_endpoint()",
    "issue_link_token(user_id)",
    "leave_group(group_id)",
    "leave_room(room_id)",
    "link_rich_menu_to_user(user_id, rich_menu_id)",
    "link_rich_menu_to_users(user_ids, rich_menu_id)",
    "multicast(to, messages, retry_key=None, notification_disabled=False, custom_aggregation_units=None)",  # noqa: E501
    "narrowcast(messages, retry_key=None, recipient=None, filter=None, limit=None, notification_disabled=False)",  # noqa: E501
    "push_message(to, messages, retry_key=None, notification_disabled=False, custom_aggregation_units=None)",  # noqa: E501
    "reply_message(reply_token, messages, notification_disabled=False)",
    "set_default_rich_menu(rich_menu_id)",
    "set_rich_menu_image(rich_menu_id, content_type, content)",
    "set_webhook_endpoint(webhook_endpoint)",
    "test_webhook_endpoint(webhook_endpoint=None)",
    "unlink_rich_menu_from_user(user_id)",
    "unlink_rich_menu_from_users(user_ids)",
    "update_rich_menu_alias(rich_menu_alias_id, rich_menu_alias)",
    "validate_broadcast_message_objects(messages)",
    "validate_multicast_message_objects(messages)",
    "validate_narrowcast_message_objects(messages)",
    "validate_push_message_objects(messages)",
    "validate_reply_message_objects(messages)",
    "validate_rich_menu_object(rich_menu)",
)


def _plain_signature(function: Callable[..., Any]) -> str:
    params = [name if p.default is inspect.Parameter.empty else f"{name}={p.default!r}"
              for name, p in inspect.signature(function).parameters.items()]
    return f"{function.__name__}({', '.join(params)})"


@pytest.mark.parametrize("legacy", LEGACY)
def test_legacy_method_keeps_its_name_and_parameters(legacy: str) -> None:
    name = legacy.split("(")[0]
    assert name in BUILDERS, f"legacy method {name} is missing"
    signature = _plain_signature(BUILDERS[name])
    # new spec parameters may follow the legacy ones, with defaults
    assert signature == legacy or signature.startswith(legacy[:-1] + ", ")


# -- bad input ----------------------------------------------------------------------------------

# Deliberately wrong types: the builders are reached through Any-typed names.
_messaging: Any = messaging
_bot: Any = bot
_content: Any = content
_rich_menu: Any = rich_menu
_coupon: Any = coupon

BAD = [
    ("reply_token", lambda: _messaging.reply_message("", TEXT)),
    ("messages", lambda: _messaging.reply_message("rt", [])),
    ("messages", lambda: _messaging.reply_message("rt", [TEXT] * 6)),
    ("messages", lambda: _messaging.reply_message("rt", "hello")),
    ("messages", lambda: _messaging.reply_message("rt", [TEXT_JSON])),
    ("notification_disabled", lambda: _messaging.push_message("U1", TEXT,
                                                             notification_disabled="yes")),
    ("to", lambda: _messaging.push_message("", TEXT)),
    ("retry_key", lambda: _messaging.push_message("U1", TEXT, retry_key="not-a-uuid")),
    ("retry_key", lambda: _messaging.broadcast(TEXT, retry_key="1234")),
    ("to", lambda: _messaging.multicast([f"U{i}" for i in range(501)], TEXT)),
    ("to", lambda: _messaging.multicast([], TEXT)),
    ("to", lambda: _messaging.multicast("U1", TEXT)),
    ("to", lambda: _messaging.multicast(["U1", ""], TEXT)),
    ("custom_aggregation_units", lambda: _messaging.multicast(["U1"], TEXT,
                                                             custom_aggregation_units=["a", "b"])),
    ("custom_aggregation_units", lambda: _messaging.push_message(
        "U1", TEXT, custom_aggregation_units=["a", "b"])),
    ("custom_aggregation_units", lambda: _messaging.push_message(
        "U1", TEXT, custom_aggregation_units="promo-2024")),
    ("custom_aggregation_units", lambda: _messaging.multicast(
        ["U1"], TEXT, custom_aggregation_units="x" * 31)),
    ("recipient", lambda: _messaging.narrowcast(TEXT, recipient={"type": "audience"})),
    ("filter", lambda: _messaging.narrowcast(TEXT, filter=Limit(max=1))),
    ("limit", lambda: _messaging.narrowcast(TEXT, limit=5)),
    ("messages", lambda: _messaging.narrowcast([])),
    ("request_id", lambda: _messaging.get_progress_status_narrowcast("")),
    ("messages", lambda: _messaging.validate_push_message_objects([TEXT] * 6)),
    ("date", lambda: _messaging.get_message_delivery_reply("2019-12-31")),
    ("date", lambda: _messaging.get_pnp_message_statistics("1231")),
    ("limit", lambda: _messaging.get_name_list_of_units_used_this_month(limit=0)),
    ("user_id", lambda: _messaging.mark_messages_as_read("")),
    ("mark_as_read_token", lambda: _messaging.mark_messages_as_read_by_token(None)),
    ("delivery_tag", lambda: _messaging.push_messages_by_phone("h", TEXT, delivery_tag="short")),
    ("delivery_tag", lambda: _messaging.push_messages_by_phone("h", TEXT,
                                                              delivery_tag="x" * 101)),
    ("loading_seconds", lambda: _messaging.show_loading_animation("U1", 7)),
    ("loading_seconds", lambda: _messaging.show_loading_animation("U1", 65)),
    ("loading_seconds", lambda: _messaging.show_loading_animation("U1", 0)),
    ("chat_id", lambda: _messaging.show_loading_animation("")),
    ("user_id", lambda: _bot.get_profile("")),
    ("user_id", lambda: _bot.get_profile(None)),
    ("user_id", lambda: _bot.get_group_member_profile("C1", "")),
    ("group_id", lambda: _bot.get_group_summary("")),
    ("room_id", lambda: _bot.leave_room("")),
    ("limit", lambda: _bot.get_followers_ids(limit=1001)),
    ("limit", lambda: _bot.get_followers_ids(limit="300")),
    ("start", lambda: _bot.get_group_member_ids("C1", start="")),
    ("webhook_endpoint", lambda: _bot.set_webhook_endpoint("")),
    ("webhook_endpoint", lambda: _bot.test_webhook_endpoint("")),
    ("membership_id", lambda: _bot.get_joined_membership_users("abc")),
    ("membership_id", lambda: _bot.get_joined_membership_users(True)),
    ("limit", lambda: _bot.get_joined_membership_users(3, limit=1001)),
    ("message_id", lambda: _content.get_message_content("")),
    ("message_id", lambda: _content.get_message_content_preview(1234)),
    ("rich_menu", lambda: _rich_menu.create_rich_menu(RICH_MENU_JSON)),
    ("rich_menu_id", lambda: _rich_menu.get_rich_menu("")),
    ("content", lambda: _rich_menu.set_rich_menu_image("r", "image/png", io.StringIO("text"))),
    ("content", lambda: _rich_menu.set_rich_menu_image("r", "image/png", "text")),
    ("content_type", lambda: _rich_menu.set_rich_menu_image("r", "png", b"x")),
    ("user_ids", lambda: _rich_menu.link_rich_menu_to_users([f"U{i}" for i in range(501)], "r")),
    ("user_ids", lambda: _rich_menu.unlink_rich_menu_from_users([])),
    ("rich_menu_id", lambda: _rich_menu.link_rich_menu_to_users(["U1"], "")),
    ("rich_menu_id", lambda: _rich_menu.link_rich_menu_to_user("U1", "")),
    ("rich_menu_alias_id", lambda: _rich_menu.create_rich_menu_alias(
        RichMenuAlias(rich_menu_id="r"))),
    ("rich_menu_alias_id", lambda: _rich_menu.get_rich_menu_alias()),
    ("rich_menu_alias", lambda: _rich_menu.update_rich_menu_alias("a", "richmenu-2")),
    ("rich_menu_batch_request", lambda: _rich_menu.rich_menu_batch(RICH_MENU)),
    ("request_id", lambda: _rich_menu.get_rich_menu_batch_progress("")),
    ("status", lambda: _coupon.list_coupon(status="OPEN")),
    ("status", lambda: _coupon.list_coupon(status=5)),
    ("limit", lambda: _coupon.list_coupon(limit=101)),
    ("coupon_create_request", lambda: _coupon.create_coupon(COUPON_JSON)),
    ("coupon_id", lambda: _coupon.get_coupon_detail("")),
    ("coupon_id", lambda: _coupon.close_coupon("")),
]


@pytest.mark.parametrize(("name", "call"), BAD, ids=[f"{n}-{i}" for i, (n, _) in enumerate(BAD)])
def test_bad_input_raises_value_error_naming_the_parameter(name: str,
                                                           call: Callable[[], Any]) -> None:
    with pytest.raises(InvalidInputError, match=name) as info:
        call()
    assert isinstance(info.value, ValueError)


def test_postback_rich_menu_area_action_is_written_with_its_type() -> None:
    menu = RichMenu(size=RichMenuSize(width=2500, height=1686), selected=True, name="n",
                    chat_bar_text="c", areas=(RichMenuArea(
                        bounds=RichMenuBounds(x=0, y=0, width=10, height=10),
                        action=PostbackAction(data="a=1", display_text="one")),))
    body = rich_menu.create_rich_menu(menu).body
    assert body is not None
    assert json.loads(body)["areas"][0]["action"] == {"type": "postback", "data": "a=1",
                                                       "displayText": "one"}


def test_importing_builders_imports_no_models() -> None:
    code = ("import sys, linebot_fp.api.messaging, linebot_fp.api.bot, linebot_fp.api.content, "
            "linebot_fp.api.rich_menu, linebot_fp.api.coupon; "
            "print(sorted(m for m in sys.modules if m.startswith('linebot_fp.models.') "
            "and m not in ('linebot_fp.models._base', 'linebot_fp.models._json') "
            "or m == 'urllib3'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
