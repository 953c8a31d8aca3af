"""The bot, its friends, groups and rooms; webhook settings; account links; memberships.

https://developers.line.biz/en/reference/messaging-api/#users

Each builder returns a :class:`~linebot_fp.request.Request`; nothing is sent
here. This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp.api._build import get, integer, json_request, path, query, require_id
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError
from linebot_fp.request import Request

if TYPE_CHECKING:
    from linebot_fp.models.membership import (
        GetJoinedMembershipUsersResponse,
        GetMembershipSubscriptionResponse,
        MembershipListResponse,
    )
    from linebot_fp.models.responses import (
        BotInfo,
        GetWebhookResponse,
        Group,
        GroupMemberCountResponse,
        IssueLinkTokenResponse,
        MemberIds,
        Profile,
        RoomMemberCountResponse,
        TestWebhookResponse,
        UserIds,
    )


__all__ = [
    "get_bot_info",
    "get_followers_ids",
    "get_group_member_ids",
    "get_group_member_profile",
    "get_group_members_count",
    "get_group_summary",
    "get_joined_membership_users",
    "get_membership_list",
    "get_membership_subscription",
    "get_profile",
    "get_room_member_ids",
    "get_room_member_profile",
    "get_room_members_count",
    "get_webhook_endpoint",
    "issue_link_token",
    "leave_group",
    "leave_room",
    "set_webhook_endpoint",
    "test_webhook_endpoint",
]



def _start(start: Any) -> str | None:
    """A continuation token, when given."""
    return None if start is None else require_id("start", start)


# -- users ----------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-profile


@operation("getProfile")
def get_profile(user_id: str) -> Request[Profile]:
    """Get the profile of a user who is a friend of the bot."""
    return get("get_profile", path("/v2/bot/profile/{userId}",
                                   userId=require_id("user_id", user_id)))


# https://developers.line.biz/en/reference/messaging-api/#get-follower-ids
@operation("getFollowers")
def get_followers_ids(limit: int | None = 300, start: str | None = None) -> Request[UserIds]:
    """Get the user ids of the bot's friends, up to ``limit`` (max 1000) per call."""
    return get("get_followers_ids", "/v2/bot/followers/ids", query_=query(
        limit=None if limit is None else integer("limit", limit, low=1, high=1000),
        start=_start(start)))


# -- the bot ------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-bot-info


@operation("getBotInfo")
def get_bot_info() -> Request[BotInfo]:
    """Get the bot's basic information."""
    return get("get_bot_info", "/v2/bot/info")


# -- groups -------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#group


@operation("getGroupSummary")
def get_group_summary(group_id: str) -> Request[Group]:
    """Get the id, name and icon of a group the bot is in."""
    return get("get_group_summary", path("/v2/bot/group/{groupId}/summary",
                                         groupId=require_id("group_id", group_id)))


@operation("getGroupMemberCount")
def get_group_members_count(group_id: str) -> Request[GroupMemberCountResponse]:
    """Get the number of members in a group."""
    return get("get_group_members_count", path("/v2/bot/group/{groupId}/members/count",
                                               groupId=require_id("group_id", group_id)))


@operation("getGroupMembersIds")
def get_group_member_ids(group_id: str, start: str | None = None) -> Request[MemberIds]:
    """Get the user ids of a group's members (``start`` continues a list)."""
    return get("get_group_member_ids",
               path("/v2/bot/group/{groupId}/members/ids",
                    groupId=require_id("group_id", group_id)),
               query_=query(start=_start(start)))


@operation("getGroupMemberProfile")
def get_group_member_profile(group_id: str, user_id: str) -> Request[Profile]:
    """Get the profile of a member of a group."""
    return get("get_group_member_profile",
               path("/v2/bot/group/{groupId}/member/{userId}",
                    groupId=require_id("group_id", group_id),
                    userId=require_id("user_id", user_id)))


@operation("leaveGroup")
def leave_group(group_id: str) -> Request[None]:
    """Make the bot leave a group."""
    return json_request("leave_group", "POST", path("/v2/bot/group/{groupId}/leave",
                                                    groupId=require_id("group_id", group_id)))


# -- rooms --------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#chat-room


@operation("getRoomMemberCount")
def get_room_members_count(room_id: str) -> Request[RoomMemberCountResponse]:
    """Get the number of members in a room."""
    return get("get_room_members_count", path("/v2/bot/room/{roomId}/members/count",
                                              roomId=require_id("room_id", room_id)))


@operation("getRoomMembersIds")
def get_room_member_ids(room_id: str, start: str | None = None) -> Request[MemberIds]:
    """Get the user ids of a room's members (``start`` continues a list)."""
    return get("get_room_member_ids",
               path("/v2/bot/room/{roomId}/members/ids", roomId=require_id("room_id", room_id)),
               query_=query(start=_start(start)))


@operation("getRoomMemberProfile")
def get_room_member_profile(room_id: str, user_id: str) -> Request[Profile]:
    """Get the profile of a member of a room."""
    return get("get_room_member_profile",
               path("/v2/bot/room/{roomId}/member/{userId}",
                    roomId=require_id("room_id", room_id),
                    userId=require_id("user_id", user_id)))


@operation("leaveRoom")
def leave_room(room_id: str) -> Request[None]:
    """Make the bot leave a room."""
    return json_request("leave_room", "POST", path("/v2/bot/room/{roomId}/leave",
                                                   roomId=require_id("room_id", room_id)))


# -- webhook settings -----------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#webhook-settings


@operation("getWebhookEndpoint")
def get_webhook_endpoint() -> Request[GetWebhookResponse]:
    """Get the webhook URL and whether webhooks are on."""
    return get("get_webhook_endpoint", "/v2/bot/channel/webhook/endpoint")


@operation("setWebhookEndpoint")
def set_webhook_endpoint(webhook_endpoint: str) -> Request[None]:
    """Set the webhook URL (HTTPS, at most 500 characters)."""
    return json_request("set_webhook_endpoint", "PUT", "/v2/bot/channel/webhook/endpoint",
                        {"endpoint": require_id("webhook_endpoint", webhook_endpoint)})


@operation("testWebhookEndpoint")
def test_webhook_endpoint(
    webhook_endpoint: str | None = None,  # noqa: PT028 (a builder, not a test)
) -> Request[TestWebhookResponse]:
    """Send a test event to a webhook URL (by default, the one already set)."""
    body = {} if webhook_endpoint is None else {
        "endpoint": require_id("webhook_endpoint", webhook_endpoint)}
    return json_request("test_webhook_endpoint", "POST", "/v2/bot/channel/webhook/test", body)


# -- account link -------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#issue-link-token


@operation("issueLinkToken")
def issue_link_token(user_id: str) -> Request[IssueLinkTokenResponse]:
    """Issue a link token to link a user's LINE account with a service account."""
    return json_request("issue_link_token", "POST", path("/v2/bot/user/{userId}/linkToken",
                                                         userId=require_id("user_id", user_id)))


# -- membership -------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#membership


@operation("getMembershipSubscription")
def get_membership_subscription(user_id: str) -> Request[GetMembershipSubscriptionResponse]:
    """Get a user's membership subscription status."""
    return get("get_membership_subscription",
               path("/v2/bot/membership/subscription/{userId}",
                    userId=require_id("user_id", user_id)))


@operation("getMembershipList")
def get_membership_list() -> Request[MembershipListResponse]:
    """Get the bot's membership plans."""
    return get("get_membership_list", "/v2/bot/membership/list")


@operation("getJoinedMembershipUsers")
def get_joined_membership_users(
    membership_id: int | str, start: str | None = None, limit: int | None = None,
) -> Request[GetJoinedMembershipUsersResponse]:
    """Get the user ids of a plan's members, up to ``limit`` (1 to 1000) per call."""
    if isinstance(membership_id, str) and membership_id.isascii() and membership_id.isdigit():
        plan = membership_id
    elif isinstance(membership_id, int) and not isinstance(membership_id, bool):
        plan = str(membership_id)
    else:
        raise InvalidInputError(f"membership_id must be an integer, got {membership_id!r}")
    return get("get_joined_membership_users",
               path("/v2/bot/membership/{membershipId}/users/ids", membershipId=plan),
               query_=query(start=_start(start),
                            limit=None if limit is None else integer("limit", limit,
                                                                      low=1, high=1000)))
