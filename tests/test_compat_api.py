"""Every legacy ``LineBotApi`` method against FakeLineApi: the request made, the value returned.

Two fake servers on 127.0.0.1 play the API host and the data host, so each row
also checks which host a call goes to. Answers are written from the response
shapes of the LINE OpenAPI specification. Nothing is mocked.
"""

import dataclasses
import inspect
import json
from typing import Any, NamedTuple
from urllib.parse import parse_qsl

import pytest

from linebot_fp import codec
from linebot_fp.compat import LineBotApi
from linebot_fp.compat.exceptions import BaseError, LineBotApiError
from linebot_fp.compat.http_client import (
    HttpClient,
    RequestsHttpClient,
    Urllib3HttpClient,
    as_transport,
)
from linebot_fp.compat.models import (
    AudienceRecipient,
    Filter,
    GenderFilter,
    Limit,
    MessageAction,
    RichMenu,
    RichMenuAlias,
    RichMenuArea,
    RichMenuBounds,
    RichMenuSize,
    TextSendMessage,
)
from linebot_fp.compat.models._factory import legacy_class
from linebot_fp.content import Content
from linebot_fp.errors import InvalidInputError
from linebot_fp.models.audience import (
    AudienceGroup,
    ClickAudienceGroup,
    CreateAudienceGroup,
    GetAuthorityLevel,
    ImpAudienceGroup,
    JobInsight,
)
from linebot_fp.models.channel_token import (
    ChannelAccessTokens,
    IssueChannelTokenResponse,
    IssueChannelTokenResponseV2,
    ValidAccessTokenKeyIDsResponse,
    VerifyChannelTokenResponseV2,
)
from linebot_fp.models.insight import (
    InsightDemographicResponse,
    InsightFollowersResponse,
    InsightMessageDeliveryResponse,
    InsightMessageEventOfCustomAggregationUnitResponse,
    InsightMessageEventResponse,
)
from linebot_fp.models.responses import (
    AggregationInfoResponse,
    AggregationNameListResponse,
    BotInfo,
    BroadcastResponse,
    GetWebhookResponse,
    Group,
    IssueLinkTokenResponse,
    MemberIds,
    MessageDeliveryBroadcastResponse,
    MessageDeliveryMulticastResponse,
    MessageDeliveryPushResponse,
    MessageDeliveryReplyResponse,
    MessageProgressNarrowcastResponse,
    MessageQuotaConsumptionResponse,
    MessageQuotaResponse,
    NarrowcastResponse,
    Profile,
    RichMenuAliasListResponse,
    RichMenuAliasResponse,
    RichMenuResponse,
    TestWebhookResponse as WebhookTestResponse,
    UserIds,
    ValidateBroadcastMessageObjectsResponse,
    ValidateMulticastMessageObjectsResponse,
    ValidateNarrowcastMessageObjectsResponse,
    ValidatePushMessageObjectsResponse,
    ValidateReplyMessageObjectsResponse,
)
from linebot_fp.request import Response
from linebot_fp.testing import FakeLineApi

TOKEN = "legacy-token"
U1 = "U4af4980629a0b1c2d3e4f5a6b7c8d9e0"
U2 = "U0123456789abcdef0123456789abcdef"
GROUP = "Ca56f94637cc4347f90a25382909b24b9"
ROOM = "Ra8dbf4ed5e0c43e1b1a0f1a2b3c4d5e6"
RICH_MENU = "richmenu-88c05ef6921ae53f8b58a25f3a65faf7"
ALIAS = "richmenu-alias-a"
REQUEST_ID = "f70dd685-499a-4231-a441-f24b8d4fba21"
AUDIENCE = 4389303728991
DAY = "20240131"
JWT = "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"
JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
WITH_REQUEST_ID = {"X-Line-Request-Id": REQUEST_ID}

HELLO = TextSendMessage(text="hello")
HELLO_JSON = {"type": "text", "text": "hello"}
MENU = RichMenu(size=RichMenuSize(width=2500, height=843), selected=False, name="menu",
                chat_bar_text="Tap", areas=[RichMenuArea(
                    bounds=RichMenuBounds(x=0, y=0, width=2500, height=843),
                    action=MessageAction(label="hi", text="hi"))])
MENU_JSON = {"size": {"width": 2500, "height": 843}, "selected": False, "name": "menu",
             "chatBarText": "Tap", "areas": [{
                 "bounds": {"x": 0, "y": 0, "width": 2500, "height": 843},
                 "action": {"type": "message", "label": "hi", "text": "hi"}}]}
STORED_MENU_JSON = {"richMenuId": RICH_MENU, **MENU_JSON}
PROFILE_JSON = {"displayName": "LINE taro", "userId": U1,
                "pictureUrl": "https://profile.line-scdn.net/abc", "statusMessage": "Hello"}
PROFILE = Profile(display_name="LINE taro", user_id=U1,
                  picture_url="https://profile.line-scdn.net/abc", status_message="Hello")
MEMBER_JSON = {"displayName": "LINE taro", "userId": U1,
               "pictureUrl": "https://profile.line-scdn.net/abc"}
MEMBER = Profile(display_name="LINE taro", user_id=U1,
                 picture_url="https://profile.line-scdn.net/abc")
AUDIENCE_JSON = {"audienceGroupId": AUDIENCE, "type": "UPLOAD", "description": "friends",
                 "status": "READY", "audienceCount": 1887, "created": 1608617466,
                 "permission": "READ_WRITE", "isIfaAudience": False, "createRoute": "MESSAGING_API",
                 "expireTimestamp": 1624342266}
AUDIENCE_GROUP = AudienceGroup(audience_group_id=AUDIENCE, type="UPLOAD", description="friends",
                               status="READY", audience_count=1887, created=1608617466,
                               permission="READ_WRITE", is_ifa_audience=False,
                               create_route="MESSAGING_API", expire_timestamp=1624342266)
JOB_JSON = {"audienceGroupJobId": 12345678, "audienceGroupId": AUDIENCE,
            "description": "audience_list.txt", "type": "DIFF_ADD", "jobStatus": "FINISHED",
            "audienceCount": 4, "created": 1608617472}
JOB = JobInsight(audience_group_job_id=12345678, audience_group_id=AUDIENCE,
                 description="audience_list.txt", type="DIFF_ADD", job_status="FINISHED",
                 audience_count=4, created=1608617472)
STATISTICS_JSON = {
    "overview": {"requestId": REQUEST_ID, "timestamp": 1568214000, "delivered": 32,
                 "uniqueImpression": 4, "uniqueClick": None, "uniqueMediaPlayed": 2,
                 "uniqueMediaPlayed100Percent": -1},
    "messages": [{"seq": 1, "impression": 18, "mediaPlayed": 11, "mediaPlayed25Percent": -1,
                  "mediaPlayed50Percent": -1, "mediaPlayed75Percent": -1,
                  "mediaPlayed100Percent": -1, "uniqueMediaPlayed": 2,
                  "uniqueMediaPlayed25Percent": -1, "uniqueMediaPlayed50Percent": -1,
                  "uniqueMediaPlayed75Percent": -1, "uniqueMediaPlayed100Percent": -1}],
    "clicks": [{"seq": 1, "url": "https://line.me/", "click": -1, "uniqueClick": -1,
                "uniqueClickOfRequest": -1}],
}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


class Decoded(NamedTuple):
    """The expected return is the answer decoded as ``cls`` (exactly that class)."""

    cls: type


class Binary(NamedTuple):
    """The expected return is a ``Content`` with these bytes and content type."""

    content: bytes
    content_type: str


class Row(NamedTuple):
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    method: str
    host: str
    path: str
    query: tuple[tuple[str, str], ...]
    body: tuple[str, Any]  # ("json", value) | ("form", pairs) | ("raw", bytes) | ("none", b"")
    answer: Any
    headers: dict[str, str]
    status: int
    returns: Any


def row(name, *args, method="GET", path, host="api", query=(), json=None, form=None, raw=None,
        answer=None, headers=None, status=200, returns=None, **kwargs):
    if json is not None:
        body = ("json", json)
    elif form is not None:
        body = ("form", form)
    elif raw is not None:
        body = ("raw", raw)
    else:
        body = ("none", b"")
    return Row(name, args, kwargs, method, host, path, tuple(query), body,
               {} if answer is None else answer, headers or {}, status, returns)


def delivery(kind, cls):
    return row(f"get_message_delivery_{kind}", DAY, path=f"/v2/bot/message/delivery/{kind}",
               query=[("date", DAY)], answer={"status": "ready", "success": 10000},
               returns=cls(status="ready", success=10000))


def validate(kind, cls):
    return row(f"validate_{kind}_message_objects", [HELLO], method="POST",
               path=f"/v2/bot/message/validate/{kind}", json={"messages": [HELLO_JSON]},
               headers=WITH_REQUEST_ID, returns=cls(request_id=REQUEST_ID))


ROWS = [
    # -- sending messages
    row("reply_message", "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", HELLO, method="POST",
        path="/v2/bot/message/reply",
        json={"replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", "messages": [HELLO_JSON],
              "notificationDisabled": False},
        answer={"sentMessages": [{"id": "461230966842064897", "quoteToken": "IStG5h1Tz7b"}]},
        returns=None),
    row("push_message", U1, [HELLO, HELLO], method="POST", path="/v2/bot/message/push",
        notification_disabled=True, custom_aggregation_units="promotion_a",
        json={"to": U1, "messages": [HELLO_JSON, HELLO_JSON], "notificationDisabled": True,
              "customAggregationUnits": ["promotion_a"]},
        answer={"sentMessages": [{"id": "461230966842064897"}]}, returns=None),
    row("multicast", [U1, U2], HELLO, method="POST", path="/v2/bot/message/multicast",
        json={"to": [U1, U2], "messages": [HELLO_JSON], "notificationDisabled": False},
        headers=WITH_REQUEST_ID, returns=None),
    row("broadcast", HELLO, method="POST", path="/v2/bot/message/broadcast",
        json={"messages": [HELLO_JSON], "notificationDisabled": False},
        headers=WITH_REQUEST_ID, returns=BroadcastResponse(request_id=REQUEST_ID)),
    row("narrowcast", HELLO, method="POST", path="/v2/bot/message/narrowcast",
        recipient=AudienceRecipient(group_id=AUDIENCE),
        filter=Filter(demographic=GenderFilter(one_of=["female"])), limit=Limit(max=100),
        json={"messages": [HELLO_JSON], "recipient": {"type": "audience",
                                                      "audienceGroupId": AUDIENCE},
              "filter": {"demographic": {"type": "gender", "oneOf": ["female"]}},
              "limit": {"max": 100, "upToRemainingQuota": False},  # legacy writes the default
              "notificationDisabled": False},
        status=202, headers=WITH_REQUEST_ID, returns=NarrowcastResponse(request_id=REQUEST_ID)),
    row("get_progress_status_narrowcast", REQUEST_ID, path="/v2/bot/message/progress/narrowcast",
        query=[("requestId", REQUEST_ID)],
        answer={"phase": "succeeded", "successCount": 10, "failureCount": 0, "targetCount": 10,
                "acceptedTime": "2020-12-03T10:15:30.121Z",
                "completedTime": "2020-12-03T10:15:30.951Z"},
        returns=MessageProgressNarrowcastResponse(
            phase="succeeded", success_count=10, failure_count=0, target_count=10,
            accepted_time="2020-12-03T10:15:30.121Z", completed_time="2020-12-03T10:15:30.951Z")),
    validate("reply", ValidateReplyMessageObjectsResponse),
    validate("push", ValidatePushMessageObjectsResponse),
    validate("multicast", ValidateMulticastMessageObjectsResponse),
    validate("narrowcast", ValidateNarrowcastMessageObjectsResponse),
    validate("broadcast", ValidateBroadcastMessageObjectsResponse),
    # -- what was sent, and the quota
    delivery("broadcast", MessageDeliveryBroadcastResponse),
    delivery("reply", MessageDeliveryReplyResponse),
    delivery("push", MessageDeliveryPushResponse),
    delivery("multicast", MessageDeliveryMulticastResponse),
    row("get_message_quota", path="/v2/bot/message/quota",
        answer={"type": "limited", "value": 1000},
        returns=MessageQuotaResponse(type="limited", value=1000)),
    row("get_message_quota_consumption", path="/v2/bot/message/quota/consumption",
        answer={"totalUsage": 500}, returns=MessageQuotaConsumptionResponse(total_usage=500)),
    row("get_number_of_units_used_this_month", path="/v2/bot/message/aggregation/info",
        answer={"numOfCustomAggregationUnits": 22},
        returns=AggregationInfoResponse(num_of_custom_aggregation_units=22)),
    row("get_name_list_of_units_used_this_month", path="/v2/bot/message/aggregation/list",
        start="jxEWCEEP", query=[("limit", "100"), ("start", "jxEWCEEP")],
        answer={"customAggregationUnits": ["promotion_a", "promotion_b"], "next": "jxEWCEEQ"},
        returns=AggregationNameListResponse(
            custom_aggregation_units=("promotion_a", "promotion_b"), next="jxEWCEEQ")),
    # -- users, groups, rooms, the bot
    row("get_profile", U1, path=f"/v2/bot/profile/{U1}", answer=PROFILE_JSON, returns=PROFILE),
    row("get_followers_ids", path="/v2/bot/followers/ids", query=[("limit", "300")],
        answer={"userIds": [U1, U2], "next": "yANU9IA"},
        returns=UserIds(user_ids=(U1, U2), next="yANU9IA")),
    row("get_bot_info", path="/v2/bot/info",
        answer={"userId": "Ub9952f8", "basicId": "@216ru", "displayName": "Bot",
                "pictureUrl": "https://profile.line-scdn.net/bot", "chatMode": "chat",
                "markAsReadMode": "manual"},
        returns=BotInfo(user_id="Ub9952f8", basic_id="@216ru", display_name="Bot",
                        picture_url="https://profile.line-scdn.net/bot", chat_mode="chat",
                        mark_as_read_mode="manual")),
    row("get_group_summary", GROUP, path=f"/v2/bot/group/{GROUP}/summary",
        answer={"groupId": GROUP, "groupName": "Group name"},
        returns=Group(group_id=GROUP, group_name="Group name")),
    row("get_group_members_count", GROUP, path=f"/v2/bot/group/{GROUP}/members/count",
        answer={"count": 3}, returns=3),
    row("get_group_member_ids", GROUP, "vAzGS7", path=f"/v2/bot/group/{GROUP}/members/ids",
        query=[("start", "vAzGS7")], answer={"memberIds": [U1, U2], "next": "jxEWCEEP"},
        returns=MemberIds(member_ids=(U1, U2), next="jxEWCEEP")),
    row("get_group_member_profile", GROUP, U1, path=f"/v2/bot/group/{GROUP}/member/{U1}",
        answer=MEMBER_JSON, returns=MEMBER),
    row("leave_group", GROUP, method="POST", path=f"/v2/bot/group/{GROUP}/leave", returns=None),
    row("get_room_members_count", ROOM, path=f"/v2/bot/room/{ROOM}/members/count",
        answer={"count": 2}, returns=2),
    row("get_room_member_ids", ROOM, path=f"/v2/bot/room/{ROOM}/members/ids",
        answer={"memberIds": [U1]}, returns=MemberIds(member_ids=(U1,))),
    row("get_room_member_profile", ROOM, U1, path=f"/v2/bot/room/{ROOM}/member/{U1}",
        answer=MEMBER_JSON, returns=MEMBER),
    row("leave_room", ROOM, method="POST", path=f"/v2/bot/room/{ROOM}/leave", returns=None),
    row("issue_link_token", U1, method="POST", path=f"/v2/bot/user/{U1}/linkToken",
        answer={"linkToken": "NMZTNuVrPTqlr2IF8Bnymkb7rXfYv5EY"},
        returns=IssueLinkTokenResponse(link_token="NMZTNuVrPTqlr2IF8Bnymkb7rXfYv5EY")),
    # -- webhook settings
    row("set_webhook_endpoint", "https://example.com/callback", method="PUT",
        path="/v2/bot/channel/webhook/endpoint", json={"endpoint": "https://example.com/callback"},
        returns={}),
    row("get_webhook_endpoint", path="/v2/bot/channel/webhook/endpoint",
        answer={"endpoint": "https://example.com/callback", "active": True},
        returns=GetWebhookResponse(endpoint="https://example.com/callback", active=True)),
    row("test_webhook_endpoint", method="POST", path="/v2/bot/channel/webhook/test", json={},
        answer={"success": True, "timestamp": "2020-09-30T05:38:20.031Z", "statusCode": 200,
                "reason": "OK", "detail": "200"},
        returns=WebhookTestResponse(success=True, timestamp="2020-09-30T05:38:20.031Z",
                                    status_code=200, reason="OK", detail="200")),
    # -- content
    row("get_message_content", "325708", host="data", path="/v2/bot/message/325708/content",
        answer=PNG, headers={"Content-Type": "image/png"}, returns=Binary(PNG, "image/png")),
    # -- rich menus
    row("create_rich_menu", MENU, method="POST", path="/v2/bot/richmenu", json=MENU_JSON,
        answer={"richMenuId": RICH_MENU}, returns=RICH_MENU),
    row("validate_rich_menu_object", MENU, method="POST", path="/v2/bot/richmenu/validate",
        json=MENU_JSON, returns=None),
    row("get_rich_menu", RICH_MENU, path=f"/v2/bot/richmenu/{RICH_MENU}",
        answer=STORED_MENU_JSON, returns=Decoded(RichMenuResponse)),
    row("delete_rich_menu", RICH_MENU, method="DELETE", path=f"/v2/bot/richmenu/{RICH_MENU}",
        returns=None),
    row("get_rich_menu_list", path="/v2/bot/richmenu/list",
        answer={"richmenus": [STORED_MENU_JSON]},
        returns=[codec.structure(STORED_MENU_JSON, RichMenuResponse)]),
    row("set_rich_menu_image", RICH_MENU, "image/png", PNG, method="POST", host="data",
        path=f"/v2/bot/richmenu/{RICH_MENU}/content", raw=PNG, returns=None),
    row("get_rich_menu_image", RICH_MENU, host="data", path=f"/v2/bot/richmenu/{RICH_MENU}/content",
        answer=PNG, headers={"Content-Type": "image/png"}, returns=Binary(PNG, "image/png")),
    row("set_default_rich_menu", RICH_MENU, method="POST",
        path=f"/v2/bot/user/all/richmenu/{RICH_MENU}", returns=None),
    row("get_default_rich_menu", path="/v2/bot/user/all/richmenu",
        answer={"richMenuId": RICH_MENU}, returns=RICH_MENU),
    row("cancel_default_rich_menu", method="DELETE", path="/v2/bot/user/all/richmenu",
        returns=None),
    row("link_rich_menu_to_user", U1, RICH_MENU, method="POST",
        path=f"/v2/bot/user/{U1}/richmenu/{RICH_MENU}", returns=None),
    row("link_rich_menu_to_users", [U1, U2], RICH_MENU, method="POST",
        path="/v2/bot/richmenu/bulk/link", json={"richMenuId": RICH_MENU, "userIds": [U1, U2]},
        status=202, returns=None),
    row("get_rich_menu_id_of_user", U1, path=f"/v2/bot/user/{U1}/richmenu",
        answer={"richMenuId": RICH_MENU}, returns=RICH_MENU),
    row("unlink_rich_menu_from_user", U1, method="DELETE", path=f"/v2/bot/user/{U1}/richmenu",
        returns=None),
    row("unlink_rich_menu_from_users", [U1], method="POST", path="/v2/bot/richmenu/bulk/unlink",
        json={"userIds": [U1]}, status=202, returns=None),
    row("create_rich_menu_alias", RichMenuAlias(rich_menu_alias_id=ALIAS, rich_menu_id=RICH_MENU),
        method="POST", path="/v2/bot/richmenu/alias",
        json={"richMenuAliasId": ALIAS, "richMenuId": RICH_MENU}, returns=None),
    row("update_rich_menu_alias", ALIAS, RichMenuAlias(rich_menu_id=RICH_MENU), method="POST",
        path=f"/v2/bot/richmenu/alias/{ALIAS}", json={"richMenuId": RICH_MENU}, returns=None),
    row("get_rich_menu_alias", ALIAS, path=f"/v2/bot/richmenu/alias/{ALIAS}",
        answer={"richMenuAliasId": ALIAS, "richMenuId": RICH_MENU},
        returns=RichMenuAliasResponse(rich_menu_alias_id=ALIAS, rich_menu_id=RICH_MENU)),
    row("delete_rich_menu_alias", ALIAS, method="DELETE", path=f"/v2/bot/richmenu/alias/{ALIAS}",
        returns=None),
    row("get_rich_menu_alias_list", path="/v2/bot/richmenu/alias/list",
        answer={"aliases": [{"richMenuAliasId": ALIAS, "richMenuId": RICH_MENU}]},
        returns=RichMenuAliasListResponse(aliases=(
            RichMenuAliasResponse(rich_menu_alias_id=ALIAS, rich_menu_id=RICH_MENU),))),
    # -- channel access tokens
    row("issue_channel_token", "1234567890", "b2c3d4", method="POST", path="/v2/oauth/accessToken",
        form=[("grant_type", "client_credentials"), ("client_id", "1234567890"),
              ("client_secret", "b2c3d4")],
        answer={"access_token": "W1TeHCgfH2Liwa", "expires_in": 2592000, "token_type": "Bearer"},
        returns=IssueChannelTokenResponse(access_token="W1TeHCgfH2Liwa", expires_in=2592000,
                                          token_type="Bearer")),
    row("revoke_channel_token", "W1TeHCgfH2Liwa", method="POST", path="/v2/oauth/revoke",
        form=[("access_token", "W1TeHCgfH2Liwa")], returns=None),
    row("issue_channel_access_token_v2_1", JWT, method="POST", path="/oauth2/v2.1/token",
        form=[("grant_type", "client_credentials"), ("client_assertion_type", JWT_BEARER),
              ("client_assertion", JWT)],
        answer={"access_token": "eyJhbGciOiJIUz", "expires_in": 2592000,
                "token_type": "Bearer", "key_id": "sDTOzw5wIfWxVxPEzcmeQA"},
        returns=IssueChannelTokenResponseV2(access_token="eyJhbGciOiJIUz", expires_in=2592000,
                                            token_type="Bearer",
                                            key_id="sDTOzw5wIfWxVxPEzcmeQA")),
    row("revoke_channel_access_token_v2_1", "1234567890", "b2c3d4", "eyJhbGciOiJIUz",
        method="POST", path="/oauth2/v2.1/revoke",
        form=[("client_id", "1234567890"), ("client_secret", "b2c3d4"),
              ("access_token", "eyJhbGciOiJIUz")], returns=None),
    row("get_channel_access_tokens_v2_1", JWT, path="/oauth2/v2.1/tokens",
        query=[("client_assertion", JWT), ("client_assertion_type", JWT_BEARER)],  # legacy order
        answer={"access_tokens": ["eyJhbGciOiJIUz", "eyJhbGciOiJIUy"]},
        returns=ChannelAccessTokens(access_tokens=["eyJhbGciOiJIUz", "eyJhbGciOiJIUy"])),
    row("verify_channel_access_token_v2_1", "eyJhbGciOiJIUz", path="/oauth2/v2.1/verify",
        query=[("access_token", "eyJhbGciOiJIUz")],
        answer={"client_id": "1573163733", "expires_in": 2591659,
                "scope": "profile chat_message.write"},
        returns=VerifyChannelTokenResponseV2(client_id="1573163733", expires_in=2591659,
                                             scope="profile chat_message.write")),
    row("get_channel_token_key_ids_v2_1", JWT, path="/oauth2/v2.1/tokens/kid",
        query=[("client_assertion", JWT), ("client_assertion_type", JWT_BEARER)],  # legacy order
        answer={"kids": ["U_gdnFYKTWRxxxxDVZexGg"]},
        returns=ValidAccessTokenKeyIDsResponse(kids=["U_gdnFYKTWRxxxxDVZexGg"])),
    # -- insight
    row("get_insight_message_delivery", DAY, path="/v2/bot/insight/message/delivery",
        query=[("date", DAY)], answer={"status": "ready", "broadcast": 5385, "targeting": 522},
        returns=InsightMessageDeliveryResponse(status="ready", broadcast=5385, targeting=522)),
    row("get_insight_followers", DAY, path="/v2/bot/insight/followers", query=[("date", DAY)],
        answer={"status": "ready", "followers": 7620, "targetedReaches": 5848, "blocks": 237},
        returns=InsightFollowersResponse(status="ready", followers=7620, targeted_reaches=5848,
                                         blocks=237)),
    row("get_insight_demographic", path="/v2/bot/insight/demographic",
        answer={"available": True, "genders": [{"gender": "unknown", "percentage": 37.6}],
                "ages": [{"age": "from50", "percentage": 17}],
                "areas": [{"area": "Tokyo", "percentage": 12.5}],
                "appTypes": [{"appType": "ios", "percentage": 62.4}],
                "subscriptionPeriods": [{"subscriptionPeriod": "over365days",
                                         "percentage": 96.4}]},
        returns=Decoded(InsightDemographicResponse)),
    row("get_insight_message_event", REQUEST_ID, path="/v2/bot/insight/message/event",
        query=[("requestId", REQUEST_ID)], answer=STATISTICS_JSON,
        returns=Decoded(InsightMessageEventResponse)),
    row("get_statistics_per_unit", "promotion_a", "20240101", DAY,
        path="/v2/bot/insight/message/event/aggregation",
        query=[("customAggregationUnit", "promotion_a"), ("from", "20240101"), ("to", DAY)],
        answer={"overview": {"uniqueImpression": 40, "uniqueClick": 30,
                             "uniqueMediaPlayed": 25, "uniqueMediaPlayed100Percent": None},
                "messages": STATISTICS_JSON["messages"], "clicks": STATISTICS_JSON["clicks"]},
        returns=Decoded(InsightMessageEventOfCustomAggregationUnitResponse)),
    # -- audiences
    row("create_audience_group", "friends", [{"id": U1}, {"id": U2}], method="POST",
        path="/v2/bot/audienceGroup/upload",
        json={"description": "friends", "isIfaAudience": False,
              "audiences": [{"id": U1}, {"id": U2}]},
        answer={"audienceGroupId": AUDIENCE, "createRoute": "MESSAGING_API", "type": "UPLOAD",
                "description": "friends", "created": 1613698278, "permission": "READ_WRITE",
                "expireTimestamp": 1629250278, "isIfaAudience": False},
        returns=Decoded(CreateAudienceGroup)),
    row("add_audiences_to_audience_group", AUDIENCE, [U1], method="PUT",
        path="/v2/bot/audienceGroup/upload", upload_description="second batch",
        json={"audienceGroupId": AUDIENCE, "uploadDescription": "second batch",
              "audiences": [{"id": U1}]}, returns={}),
    row("create_click_audience_group", "clicked", REQUEST_ID, method="POST",
        path="/v2/bot/audienceGroup/click", click_url="https://example.com/",
        json={"description": "clicked", "requestId": REQUEST_ID,
              "clickUrl": "https://example.com/"},
        answer={"audienceGroupId": AUDIENCE, "createRoute": "MESSAGING_API", "type": "CLICK",
                "description": "clicked", "created": 1613705240, "permission": "READ_WRITE",
                "expireTimestamp": 1629257239, "isIfaAudience": False, "requestId": REQUEST_ID,
                "clickUrl": "https://example.com/"},
        returns=Decoded(ClickAudienceGroup)),
    row("create_imp_audience_group", "saw it", REQUEST_ID, method="POST",
        path="/v2/bot/audienceGroup/imp", json={"description": "saw it", "requestId": REQUEST_ID},
        answer={"audienceGroupId": AUDIENCE, "createRoute": "MESSAGING_API", "type": "IMP",
                "description": "saw it", "created": 1613707097, "permission": "READ_WRITE",
                "expireTimestamp": 1629259095, "isIfaAudience": False, "requestId": REQUEST_ID},
        returns=Decoded(ImpAudienceGroup)),
    row("rename_audience_group", AUDIENCE, "renamed", method="PUT",
        path=f"/v2/bot/audienceGroup/{AUDIENCE}/updateDescription",
        json={"description": "renamed"}, returns=""),
    row("delete_audience_group", AUDIENCE, method="DELETE",
        path=f"/v2/bot/audienceGroup/{AUDIENCE}", returns=None),
    row("get_audience_group", AUDIENCE, path=f"/v2/bot/audienceGroup/{AUDIENCE}",
        answer={"audienceGroup": AUDIENCE_JSON, "jobs": [JOB_JSON]},
        returns=dataclasses.replace(AUDIENCE_GROUP, jobs=(JOB,))),
    row("get_audience_group_list", path="/v2/bot/audienceGroup/list",
        query=[("page", "1"), ("size", "20")],
        answer={"audienceGroups": [AUDIENCE_JSON], "hasNextPage": False, "totalCount": 1,
                "readWriteAudienceGroupTotalCount": 1, "page": 1, "size": 20},
        returns=[AUDIENCE_GROUP]),
    row("get_audience_group_authority_level", path="/v2/bot/audienceGroup/authorityLevel",
        answer={"authorityLevel": "PUBLIC"}, returns=GetAuthorityLevel(authority_level="PUBLIC")),
    row("change_audience_group_authority_level", "PRIVATE", method="PUT",
        path="/v2/bot/audienceGroup/authorityLevel", json={"authorityLevel": "PRIVATE"},
        returns=""),
]


#: the legacy signatures (line-bot-sdk v1/v2) with their defaults; indented lines continue
LEGACY_SIGNATURES = """
add_audiences_to_audience_group(audience_group_id, audiences, upload_description=None,
    timeout=None)
broadcast(messages, retry_key=None, notification_disabled=False, timeout=None)
cancel_default_rich_menu(timeout=None)
change_audience_group_authority_level(authority_level='PUBLIC', timeout=None)
create_audience_group(audience_group_name, audiences=None, is_ifa=False, timeout=None)
create_click_audience_group(description, request_id, click_url=None, timeout=None)
create_imp_audience_group(description, request_id, timeout=None)
create_rich_menu(rich_menu, timeout=None)
create_rich_menu_alias(rich_menu_alias, timeout=None)
delete_audience_group(audience_group_id, timeout=None)
delete_rich_menu(rich_menu_id, timeout=None)
delete_rich_menu_alias(rich_menu_alias_id, timeout=None)
get_audience_group(audience_group_id, timeout=None)
get_audience_group_authority_level(timeout=None)
get_audience_group_list(page=1, description=None, status=None, size=20,
    include_external_public_group=None, create_route=None, timeout=None)
get_bot_info(timeout=None)
get_channel_access_tokens_v2_1(client_assertion, client_assertion_type=JWT_BEARER, timeout=None)
get_channel_token_key_ids_v2_1(client_assertion, client_assertion_type=JWT_BEARER, timeout=None)
get_default_rich_menu(timeout=None)
get_followers_ids(limit=300, start=None, timeout=None)
get_group_member_ids(group_id, start=None, timeout=None)
get_group_member_profile(group_id, user_id, timeout=None)
get_group_members_count(group_id, timeout=None)
get_group_summary(group_id, timeout=None)
get_insight_demographic(timeout=None)
get_insight_followers(date, timeout=None)
get_insight_message_delivery(date, timeout=None)
get_insight_message_event(request_id, timeout=None)
get_message_content(message_id, timeout=None)
get_message_delivery_broadcast(date, timeout=None)
get_message_delivery_multicast(date, timeout=None)
get_message_delivery_push(date, timeout=None)
get_message_delivery_reply(date, timeout=None)
get_message_quota(timeout=None)
get_message_quota_consumption(timeout=None)
get_name_list_of_units_used_this_month(limit=100, start=None, timeout=None)
get_number_of_units_used_this_month(timeout=None)
get_profile(user_id, timeout=None)
get_progress_status_narrowcast(request_id, timeout=None)
get_rich_menu(rich_menu_id, timeout=None)
get_rich_menu_alias(rich_menu_alias_id=None, timeout=None)
get_rich_menu_alias_list(timeout=None)
get_rich_menu_id_of_user(user_id, timeout=None)
get_rich_menu_image(rich_menu_id, timeout=None)
get_rich_menu_list(timeout=None)
get_room_member_ids(room_id, start=None, timeout=None)
get_room_member_profile(room_id, user_id, timeout=None)
get_room_members_count(room_id, timeout=None)
get_statistics_per_unit(custom_aggregation_unit, from_date, to_date, timeout=None)
get_webhook_endpoint(timeout=None)
issue_channel_access_token_v2_1(client_assertion, grant_type='client_credentials',
    client_assertion_type=JWT_BEARER, timeout=None)
issue_channel_token(client_id, client_secret, grant_type='client_credentials', timeout=None)
issue_link_token(user_id, timeout=None)
leave_group(group_id, timeout=None)
leave_room(room_id, timeout=None)
link_rich_menu_to_user(user_id, rich_menu_id, timeout=None)
link_rich_menu_to_users(user_ids, rich_menu_id, timeout=None)
multicast(to, messages, retry_key=None, notification_disabled=False,
    custom_aggregation_units=None, timeout=None)
narrowcast(messages, retry_key=None, recipient=None, filter=None, limit=None,
    notification_disabled=False, timeout=None)
push_message(to, messages, retry_key=None, notification_disabled=False,
    custom_aggregation_units=None, timeout=None)
rename_audience_group(audience_group_id, description, timeout=None)
reply_message(reply_token, messages, notification_disabled=False, timeout=None)
revoke_channel_access_token_v2_1(client_id, client_secret, access_token, timeout=None)
revoke_channel_token(access_token, timeout=None)
set_default_rich_menu(rich_menu_id, timeout=None)
set_rich_menu_image(rich_menu_id, content_type, content, timeout=None)
set_webhook_endpoint(webhook_endpoint, timeout=None)
test_webhook_endpoint(webhook_endpoint=None, timeout=None)
unlink_rich_menu_from_user(user_id, timeout=None)
unlink_rich_menu_from_users(user_ids, timeout=None)
update_rich_menu_alias(rich_menu_alias_id, rich_menu_alias, timeout=None)
validate_broadcast_message_objects(messages, timeout=None)
validate_multicast_message_objects(messages, timeout=None)
validate_narrowcast_message_objects(messages, timeout=None)
validate_push_message_objects(messages, timeout=None)
validate_reply_message_objects(messages, timeout=None)
validate_rich_menu_object(rich_menu, timeout=None)
verify_channel_access_token_v2_1(access_token, timeout=None)
"""


EMPTY = inspect.Parameter.empty


def legacy_signatures():
    """``{name: [(parameter, default or inspect.Parameter.empty), ...]}``."""
    table = {}
    entries = LEGACY_SIGNATURES.strip().replace("\n    ", " ").splitlines()
    for line in entries:
        name, _, rest = line.partition("(")
        parameters = []
        for item in filter(None, rest.rstrip(")").split(", ")):
            parameter, has_default, default = item.partition("=")
            value = eval(default, {"JWT_BEARER": JWT_BEARER}) if has_default else EMPTY
            parameters.append((parameter, value))
        table[name] = parameters
    return table


def public_methods():
    return sorted(name for name, value in vars(LineBotApi).items()
                  if callable(value) and not name.startswith("_"))


def test_every_legacy_method_exists_with_its_parameters_and_defaults():
    legacy = legacy_signatures()
    assert len(legacy) == 78
    assert public_methods() == sorted(legacy)
    for name, parameters in legacy.items():
        signature = inspect.signature(getattr(LineBotApi, name))
        actual = [(p.name, p.default) for p in signature.parameters.values() if p.name != "self"]
        assert actual == parameters, name


def test_the_constructor_takes_the_legacy_parameters():
    signature = inspect.signature(LineBotApi)
    assert [(p.name, p.default) for p in signature.parameters.values()] == [
        ("channel_access_token", EMPTY), ("endpoint", "https://api.line.me"),
        ("data_endpoint", "https://api-data.line.me"), ("timeout", 5),
        ("http_client", RequestsHttpClient)]


def test_the_table_covers_every_method_once():
    assert sorted(r.name for r in ROWS) == public_methods()


# -- the table, against two fake hosts ---------------------------------------------------------


@pytest.fixture(scope="module")
def hosts():
    with FakeLineApi() as api_host, FakeLineApi() as data_host:
        yield {"api": api_host, "data": data_host}


@pytest.fixture
def line_bot_api(hosts):
    for host in hosts.values():
        host.reset()
    return LineBotApi(TOKEN, endpoint=hosts["api"].url, data_endpoint=hosts["data"].url)


def script(server, r):
    if isinstance(r.answer, bytes):
        server.on(r.method, r.path, status=r.status, body=r.answer, headers=r.headers)
    else:
        server.on(r.method, r.path, status=r.status, json=r.answer, headers=r.headers)


def check_body(recorded, body):
    kind, expected = body
    if kind == "json":
        assert recorded.headers["Content-Type"] == "application/json"
        assert json.loads(recorded.body) == expected
    elif kind == "form":
        assert recorded.headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert parse_qsl(recorded.body.decode("ascii")) == expected
    else:
        assert recorded.body == expected


def check_return(result, expected, answer):
    """Answers are legacy classes standing for the core answer, with the same JSON."""
    if isinstance(expected, Decoded):
        assert type(result) is legacy_class(expected.cls)
        assert result == codec.structure(answer, expected.cls)
    elif isinstance(expected, Binary):
        assert isinstance(result, Content)
        assert result.content_type == expected.content_type
        assert b"".join(result.iter_content(1000)) == expected.content
    elif dataclasses.is_dataclass(expected):
        assert type(result) is legacy_class(type(expected))
        assert result == expected
        assert result.as_json_dict() == codec.unstructure(expected)
    else:
        assert type(result) is type(expected)
        assert result == expected


@pytest.mark.parametrize("r", ROWS, ids=[r.name for r in ROWS])
def test_method_sends_the_request_and_returns_the_legacy_value(hosts, line_bot_api, r):
    server, other = hosts[r.host], hosts["data" if r.host == "api" else "api"]
    script(server, r)
    result = getattr(line_bot_api, r.name)(*r.args, **r.kwargs)
    assert other.requests == []
    [recorded] = server.requests
    assert (recorded.method, recorded.path, recorded.query) == (r.method, r.path, r.query)
    assert recorded.headers["Authorization"] == f"Bearer {TOKEN}"
    assert "X-Line-Retry-Key" not in recorded.headers  # legacy: no key unless one is given
    check_body(recorded, r.body)
    check_return(result, r.returns, r.answer)


# -- timeouts, retries, errors, hosts ----------------------------------------------------------


class RecordingTransport:
    """A transport (the core's shape) that answers 200 ``{}`` and keeps what it was asked."""

    def __init__(self, status=200, body=b"{}", headers=None):
        self.requests = []
        self.answer = Response(status=status, body=body,
                               headers=headers or {"Content-Type": "application/json"})

    def __call__(self, http_request):
        self.requests.append(http_request)
        return self.answer


def test_timeout_is_the_default_unless_a_call_gives_its_own():
    transport = RecordingTransport()
    line_bot_api = LineBotApi(TOKEN, timeout=7, http_client=transport)
    line_bot_api.leave_room(ROOM)
    line_bot_api.leave_room(ROOM, timeout=(1.5, 30))
    line_bot_api.leave_room(ROOM, 2.5)  # legacy code may pass it positionally
    assert [r.timeout for r in transport.requests] == [7, (1.5, 30), 2.5]


def test_default_hosts_are_lines():
    transport = RecordingTransport()
    line_bot_api = LineBotApi(TOKEN, http_client=transport)
    line_bot_api.leave_group(GROUP)
    line_bot_api.get_message_content("1")
    assert [r.url for r in transport.requests] == [
        f"https://api.line.me/v2/bot/group/{GROUP}/leave",
        "https://api-data.line.me/v2/bot/message/1/content"]
    assert line_bot_api.endpoint == LineBotApi.DEFAULT_API_ENDPOINT == "https://api.line.me"
    assert line_bot_api.data_endpoint == "https://api-data.line.me"


def test_endpoints_can_be_reassigned_after_construction():
    transport = RecordingTransport()
    line_bot_api = LineBotApi(TOKEN, http_client=transport)
    line_bot_api.endpoint = "http://127.0.0.1:1"
    line_bot_api.data_endpoint = "http://127.0.0.1:2"
    line_bot_api.push_message(U1, HELLO, retry_key="123e4567-e89b-12d3-a456-426614174000")
    line_bot_api.get_rich_menu_image(RICH_MENU)
    assert [r.url.split("/v2")[0] for r in transport.requests] == [
        "http://127.0.0.1:1", "http://127.0.0.1:2"]


def test_an_error_answer_raises_the_legacy_exception_with_its_details(hosts, line_bot_api):
    hosts["api"].on("POST", "/v2/bot/message/push", status=400,
                    json={"message": "The request body has 1 error(s)",
                          "details": [{"message": "May not be empty", "property": "to"}]},
                    headers={"X-Line-Request-Id": REQUEST_ID})
    with pytest.raises(LineBotApiError) as caught:
        line_bot_api.push_message(U1, HELLO)
    error = caught.value
    assert isinstance(error, BaseError)
    assert (error.status_code, error.request_id) == (400, REQUEST_ID)
    assert error.headers["X-Line-Request-Id"] == REQUEST_ID
    assert error.error.message == "The request body has 1 error(s)"
    assert [(d.message, d.property) for d in error.error.details] == [("May not be empty", "to")]
    assert len(hosts["api"].requests) == 1


def test_no_retry_without_a_retry_key(hosts, line_bot_api):
    hosts["api"].on("POST", "/v2/bot/message/broadcast", status=500,
                    headers={"Retry-After": "0"}, times=1)
    with pytest.raises(LineBotApiError) as caught:
        line_bot_api.broadcast(HELLO)
    assert caught.value.status_code == 500
    assert len(hosts["api"].requests) == 1


def test_a_send_with_a_retry_key_is_retried_with_the_same_key(hosts, line_bot_api):
    key = "123e4567-e89b-12d3-a456-426614174000"
    hosts["api"].on("POST", "/v2/bot/message/broadcast", status=503,
                    headers={"Retry-After": "0"}, times=1)
    hosts["api"].on("POST", "/v2/bot/message/broadcast", json={}, headers=WITH_REQUEST_ID)
    assert line_bot_api.broadcast(HELLO, retry_key=key) == BroadcastResponse(
        request_id=REQUEST_ID)
    assert [r.headers["X-Line-Retry-Key"] for r in hosts["api"].requests] == [key, key]


def test_already_accepted_is_an_answer_for_a_send_with_a_retry_key(hosts, line_bot_api):
    hosts["api"].on("POST", "/v2/bot/message/push", status=409,
                    json={"message": "The retry key is already accepted",
                          "sentMessages": [{"id": "461230966842064897"}]},
                    headers={"X-Line-Accepted-Request-Id": REQUEST_ID})
    assert line_bot_api.push_message(
        U1, HELLO, retry_key="123e4567-e89b-12d3-a456-426614174000") is None
    assert len(hosts["api"].requests) == 1


def test_invalid_arguments_raise_before_anything_is_sent(hosts, line_bot_api):
    with pytest.raises(InvalidInputError, match="messages"):
        line_bot_api.reply_message("token", [HELLO] * 6)
    with pytest.raises(ValueError, match="user_id"):
        line_bot_api.get_profile("")
    with pytest.raises(ValueError, match="retry_key"):
        line_bot_api.push_message(U1, HELLO, retry_key="not-a-uuid")
    assert hosts["api"].requests == []


def test_audience_group_list_gathers_every_page(hosts, line_bot_api):
    second = {**AUDIENCE_JSON, "audienceGroupId": AUDIENCE + 1}
    hosts["api"].on("GET", "/v2/bot/audienceGroup/list", times=1,
                    json={"audienceGroups": [AUDIENCE_JSON], "hasNextPage": True})
    hosts["api"].on("GET", "/v2/bot/audienceGroup/list", times=1,
                    json={"audienceGroups": [second], "hasNextPage": False})
    groups = line_bot_api.get_audience_group_list(status="READY", size=1)
    assert [g.audience_group_id for g in groups] == [AUDIENCE, AUDIENCE + 1]
    assert [r.query for r in hosts["api"].requests] == [
        (("page", "1"), ("status", "READY"), ("size", "1")),
        (("page", "2"), ("status", "READY"), ("size", "1"))]


def test_audience_group_list_stops_at_an_empty_page(hosts, line_bot_api):
    hosts["api"].on("GET", "/v2/bot/audienceGroup/list",
                    json={"audienceGroups": [], "hasNextPage": True})
    assert line_bot_api.get_audience_group_list(page=3) == []
    assert len(hosts["api"].requests) == 1


def test_methods_carry_the_builders_docstrings():
    from linebot_fp import api

    assert LineBotApi.get_profile.__doc__ == api.get_profile.__doc__
    assert LineBotApi.get_profile.__doc__


# -- http_client: what LineBotApi sends through --------------------------------------------------


class LoggingHttpClient(HttpClient):
    """A legacy-style client, as bots wrote them: it delegates and keeps a log."""

    def __init__(self, timeout=HttpClient.DEFAULT_TIMEOUT):
        super().__init__(timeout)
        self.inner = Urllib3HttpClient(timeout)
        self.log = []
        self.params = []

    def get(self, url, headers=None, params=None, stream=False, timeout=None):
        self.log.append(("GET", url, stream, timeout))
        if params:
            self.params.append(params)
        return self.inner.get(url, headers=headers, params=params, stream=stream,
                              timeout=timeout)

    def post(self, url, headers=None, data=None, timeout=None):
        self.log.append(("POST", url, data, timeout))
        return self.inner.post(url, headers=headers, data=data, timeout=timeout)

    def put(self, url, headers=None, data=None, timeout=None):
        self.log.append(("PUT", url, data, timeout))
        return self.inner.put(url, headers=headers, data=data, timeout=timeout)

    def delete(self, url, headers=None, data=None, timeout=None):
        self.log.append(("DELETE", url, data, timeout))
        return self.inner.delete(url, headers=headers, data=data, timeout=timeout)


def test_a_legacy_http_client_class_is_instantiated_and_used(hosts):
    server = hosts["api"]
    server.reset()
    server.on("GET", "/v2/bot/message/7/content", body=PNG, headers={"Content-Type": "image/png"})
    server.on("GET", f"/v2/bot/profile/{U1}", json=PROFILE_JSON)
    line_bot_api = LineBotApi(TOKEN, endpoint=server.url, data_endpoint=server.url, timeout=9,
                              http_client=LoggingHttpClient)
    assert line_bot_api.get_profile(U1) == PROFILE
    line_bot_api.leave_group(GROUP, timeout=3)
    line_bot_api.delete_rich_menu(RICH_MENU)
    line_bot_api.set_webhook_endpoint("https://example.com/hook")
    content = line_bot_api.get_message_content("7")
    assert list(content.iter_content(1000)) == [
        PNG[i:i + 1000] for i in range(0, len(PNG), 1000)]
    client = line_bot_api._transport.client  # the instance made from the class
    # as the legacy SDK called it: JSON bodies as text
    assert [(method, data, timeout) for method, _, data, timeout in client.log] == [
        ("GET", False, 9), ("POST", None, 3), ("DELETE", None, 9),
        ("PUT", '{"endpoint":"https://example.com/hook"}', 9), ("GET", True, 9)]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in server.requests)


def test_a_legacy_http_client_instance_is_used_as_it_is(hosts):
    server = hosts["api"]
    server.reset()
    client = LoggingHttpClient()
    LineBotApi(TOKEN, endpoint=server.url, http_client=client).leave_room(ROOM)
    assert client.log == [("POST", f"{server.url}/v2/bot/room/{ROOM}/leave", None, 5)]


def test_requests_http_client_works_on_its_own(hosts):
    pytest.importorskip("requests")
    server = hosts["api"]
    server.reset()
    server.on("GET", "/v2/thing", json={"ok": True}, headers=WITH_REQUEST_ID)
    client = RequestsHttpClient(timeout=4)
    answer = client.get(f"{server.url}/v2/thing", params={"a": "1 2"})
    assert (answer.status_code, answer.json, answer.text) == (200, {"ok": True}, '{"ok": true}')
    assert answer.headers["x-line-request-id"] == REQUEST_ID
    client.post(f"{server.url}/v2/form", data={"grant_type": "client_credentials"})
    client.put(f"{server.url}/v2/text", data="ü")
    assert [(r.method, r.path, r.query, r.body) for r in server.requests] == [
        ("GET", "/v2/thing", (("a", "1 2"),), b""),
        ("POST", "/v2/form", (), b"grant_type=client_credentials"),
        ("PUT", "/v2/text", (), "ü".encode())]


def test_the_http_client_in_use_is_an_attribute_as_before():
    client = LoggingHttpClient(timeout=4)
    assert LineBotApi(TOKEN, http_client=client).http_client is client
    made = LineBotApi(TOKEN, timeout=6, http_client=LoggingHttpClient).http_client
    assert isinstance(made, LoggingHttpClient)
    assert made.timeout == 6
    transport = RecordingTransport()
    wrapped = LineBotApi(TOKEN, timeout=2, http_client=transport).http_client
    assert (type(wrapped), wrapped.transport, wrapped.timeout) == (Urllib3HttpClient, transport, 2)


def test_the_default_sends_with_requests_when_installed_else_with_urllib3(monkeypatch):
    from linebot_fp.compat import http_client
    from linebot_fp.transport import default_transport

    pytest.importorskip("requests")
    legacy = as_transport(RequestsHttpClient, timeout=3)
    assert isinstance(legacy.client, RequestsHttpClient)
    assert legacy.client.timeout == 3
    monkeypatch.setattr(http_client, "requests_installed", lambda: False)
    assert as_transport(RequestsHttpClient) is default_transport()


@pytest.mark.parametrize("value", [None, Urllib3HttpClient, Urllib3HttpClient()])
def test_none_or_the_urllib3_client_is_the_cores_urllib3_transport(value):
    from linebot_fp.transport import default_transport

    assert as_transport(value) is default_transport()


def test_a_transport_callable_is_used_as_it_is():
    transport = RecordingTransport()
    assert as_transport(transport) is transport


def test_anything_else_is_refused():
    with pytest.raises(TypeError, match="http_client"):
        LineBotApi(TOKEN, http_client="requests")


# -- legacy behaviours: lenient answers, legacy values, numeric ids, what a legacy client gets ---


def test_an_answer_lacking_a_field_reads_it_as_none(hosts, line_bot_api):
    hosts["api"].on("GET", "/v2/bot/message/progress/narrowcast",
                    json={"phase": "waiting"})  # no acceptedTime yet
    progress = line_bot_api.get_progress_status_narrowcast(REQUEST_ID)
    assert (progress.phase, progress.accepted_time, progress.success_count) == (
        "waiting", None, None)


def test_answers_are_mutable_legacy_values_with_lists(hosts, line_bot_api):
    hosts["api"].on("GET", f"/v2/bot/group/{GROUP}/members/ids",
                    json={"memberIds": [U1, U2], "next": "t"})
    ids = line_bot_api.get_group_member_ids(GROUP)
    assert ids.member_ids == [U1, U2]
    ids.member_ids.append("U3")
    assert str(ids) == json.dumps({"memberIds": [U1, U2, "U3"], "next": "t"}, sort_keys=True)


def test_an_error_answer_prints_as_the_legacy_error(hosts, line_bot_api):
    hosts["api"].on("POST", "/v2/bot/message/reply", status=400,
                    json={"message": "Invalid reply token"}, headers=WITH_REQUEST_ID)
    with pytest.raises(LineBotApiError) as caught:
        line_bot_api.reply_message("bad-token", HELLO)
    text = str(caught.value)
    assert text.startswith(f"LineBotApiError: status_code=400, request_id={REQUEST_ID}, "
                           'error_response={"details": [], "message": "Invalid reply token"}, '
                           "headers={")
    assert caught.value.message == "Invalid reply token"


def test_ids_may_be_numbers(hosts, line_bot_api):
    hosts["data"].on("GET", "/v2/bot/message/7/content", body=PNG,
                     headers={"Content-Type": "image/png"})
    assert line_bot_api.get_message_content(7).content == PNG
    line_bot_api.leave_group(12345)
    assert [r.path for r in hosts["data"].requests + hosts["api"].requests] == [
        "/v2/bot/message/7/content", "/v2/bot/group/12345/leave"]


@pytest.mark.parametrize("call", [
    lambda bot: bot.get_profile(".."),
    lambda bot: bot.get_message_content("../../v2/bot/info"),
    lambda bot: bot.leave_group("."),
    lambda bot: bot.delete_rich_menu("%2e%2e"),
], ids=["dot-dot", "traversal", "dot", "encoded"])
def test_ids_that_would_reach_another_endpoint_are_refused(hosts, line_bot_api, call):
    with pytest.raises(InvalidInputError, match="id"):
        call(line_bot_api)
    assert hosts["api"].requests == hosts["data"].requests == []


def test_legacy_values_and_core_values_send_the_same_json(hosts, line_bot_api):
    import linebot_fp.models as core
    from linebot_fp.compat.models import FlexSendMessage

    legacy_value = FlexSendMessage("menu", {
        "type": "bubble", "body": {"type": "box", "layout": "vertical", "contents": [
            {"type": "text", "text": "hello", "wrap": True},
            {"type": "button", "action": {"type": "postback", "label": "go", "data": "g"}}]}})
    core_value = core.FlexSendMessage(alt_text="menu", contents=core.BubbleContainer(
        body=core.BoxComponent(layout="vertical", contents=[
            core.TextComponent(text="hello", wrap=True),
            core.ButtonComponent(action=core.PostbackAction(label="go", data="g"))])))
    line_bot_api.push_message(U1, legacy_value)
    line_bot_api.push_message(U1, core_value)
    first, second = hosts["api"].requests
    assert first.body == second.body
    assert first.json()["messages"] == [legacy_value.as_json_dict()]


def test_a_users_base_subclass_is_sent_as_its_json(hosts, line_bot_api):
    from linebot_fp.compat.models import Base

    class FutureMessage(Base):
        def __init__(self, text=None, **kwargs):
            super().__init__(**kwargs)
            self.type = "future"
            self.some_text = text

    line_bot_api.push_message(U1, [FutureMessage("hi"), HELLO])
    assert hosts["api"].requests[0].json()["messages"] == [
        {"type": "future", "someText": "hi"}, HELLO_JSON]


def test_a_legacy_http_client_gets_what_the_legacy_sdk_gave_it(hosts):
    server = hosts["api"]
    server.reset()
    server.on("POST", "/v2/oauth/accessToken",
              json={"access_token": "t", "expires_in": 2592000, "token_type": "Bearer"})
    server.on("GET", "/v2/bot/followers/ids", json={"userIds": [U1]})
    client = LoggingHttpClient()
    line_bot_api = LineBotApi(TOKEN, endpoint=server.url, http_client=client)
    line_bot_api.issue_channel_token("1234", "secret")
    line_bot_api.push_message(U1, HELLO)
    assert line_bot_api.get_followers_ids(limit=10, start="next").user_ids == [U1]
    form, json_text = client.log[0][2], client.log[1][2]
    assert form == {"grant_type": "client_credentials", "client_id": "1234",
                    "client_secret": "secret"}
    assert json.loads(json_text) == {"to": U1, "messages": [HELLO_JSON],
                                     "notificationDisabled": False}
    assert client.params == [{"limit": "10", "start": "next"}]
    assert server.requests[2].query == (("limit", "10"), ("start", "next"))
