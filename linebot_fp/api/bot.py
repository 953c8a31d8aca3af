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
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections



def _start(start: Any) -> str | None:
    """A continuation token, when given."""
    return None if start is None else require_id("start", start)


# -- users ----------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-profile


@operation("getProfile")
def get_profile(user_id: str) -> Request[Profile]:
    """Get the profile of a user who is a friend of the bot.

    Args:
        user_id: the user's id (``U...``), as in ``event.source.user_id``; not the LINE ID
            users see.

    Returns:
        ``Request[Profile]``: ``display_name``, ``user_id``, ``picture_url``,
        ``status_message`` and ``language``.

    Raises:
        InvalidInputError: ``user_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return get("get_profile", path("/v2/bot/profile/{userId}",
                                   userId=require_id("user_id", user_id)))


# https://developers.line.biz/en/reference/messaging-api/#get-follower-ids
@operation("getFollowers")
def get_followers_ids(limit: int | None = 300, start: str | None = None) -> Request[UserIds]:
    """Get the user ids of the bot's friends, a page at a time.

    For verified and premium accounts only.

    Args:
        limit: at most this many ids per page, 1 to 1000 (LINE's default, 300, when
            ``None``).
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.

    Returns:
        ``Request[UserIds]``: the ``user_ids`` and, when more remain, the ``next`` token.

    Raises:
        InvalidInputError: ``limit`` is not an integer from 1 to 1000, or ``start`` is
            neither ``None`` nor a non-empty string.
    """
    return get("get_followers_ids", "/v2/bot/followers/ids", query_=query(
        limit=None if limit is None else integer("limit", limit, low=1, high=1000),
        start=_start(start)))


# -- the bot ------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-bot-info


@operation("getBotInfo")
def get_bot_info() -> Request[BotInfo]:
    """Get the bot's basic information.

    Returns:
        ``Request[BotInfo]``: ``user_id``, ``basic_id``, ``display_name``, ``picture_url``,
        ``chat_mode`` and ``mark_as_read_mode`` (and ``premium_id`` when it has one).
    """
    return get("get_bot_info", "/v2/bot/info")


# -- groups -------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#group


@operation("getGroupSummary")
def get_group_summary(group_id: str) -> Request[Group]:
    """Get the id, name and icon of a group the bot is in.

    Args:
        group_id: the group's id (``C...``), as in ``event.source.group_id``.

    Returns:
        ``Request[Group]``: ``group_id``, ``group_name`` and ``picture_url``.

    Raises:
        InvalidInputError: ``group_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return get("get_group_summary", path("/v2/bot/group/{groupId}/summary",
                                         groupId=require_id("group_id", group_id)))


@operation("getGroupMemberCount")
def get_group_members_count(group_id: str) -> Request[GroupMemberCountResponse]:
    """Get the number of members in a group the bot is in.

    Args:
        group_id: the group's id (``C...``).

    Returns:
        ``Request[GroupMemberCountResponse]``: the number in ``count`` (the bot not
        counted).

    Raises:
        InvalidInputError: ``group_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return get("get_group_members_count", path("/v2/bot/group/{groupId}/members/count",
                                               groupId=require_id("group_id", group_id)))


@operation("getGroupMembersIds")
def get_group_member_ids(group_id: str, start: str | None = None) -> Request[MemberIds]:
    """Get the user ids of a group's members, a page at a time.

    For verified and premium accounts only.

    Args:
        group_id: the group's id (``C...``).
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.

    Returns:
        ``Request[MemberIds]``: the ``member_ids`` and, when more remain, the ``next``
        token.

    Raises:
        InvalidInputError: ``group_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string), or ``start`` is neither ``None`` nor a non-empty string.
    """
    return get("get_group_member_ids",
               path("/v2/bot/group/{groupId}/members/ids",
                    groupId=require_id("group_id", group_id)),
               query_=query(start=_start(start)))


@operation("getGroupMemberProfile")
def get_group_member_profile(group_id: str, user_id: str) -> Request[Profile]:
    """Get the profile of a member of a group the bot is in.

    Args:
        group_id: the group's id (``C...``).
        user_id: the member's user id (``U...``).

    Returns:
        ``Request[Profile]``: ``display_name``, ``user_id`` and ``picture_url``.

    Raises:
        InvalidInputError: ``group_id`` or ``user_id`` is not an id usable in a path (empty,
            ``.``, ``..``, or not a string).
    """
    return get("get_group_member_profile",
               path("/v2/bot/group/{groupId}/member/{userId}",
                    groupId=require_id("group_id", group_id),
                    userId=require_id("user_id", user_id)))


@operation("leaveGroup")
def leave_group(group_id: str) -> Request[None]:
    """Make the bot leave a group.

    Args:
        group_id: the group's id (``C...``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``group_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return json_request("leave_group", "POST", path("/v2/bot/group/{groupId}/leave",
                                                    groupId=require_id("group_id", group_id)))


# -- rooms --------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#chat-room


@operation("getRoomMemberCount")
def get_room_members_count(room_id: str) -> Request[RoomMemberCountResponse]:
    """Get the number of members in a multi-person chat (room) the bot is in.

    Args:
        room_id: the room's id (``R...``), as in ``event.source.room_id``.

    Returns:
        ``Request[RoomMemberCountResponse]``: the number in ``count`` (the bot not counted).

    Raises:
        InvalidInputError: ``room_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return get("get_room_members_count", path("/v2/bot/room/{roomId}/members/count",
                                              roomId=require_id("room_id", room_id)))


@operation("getRoomMembersIds")
def get_room_member_ids(room_id: str, start: str | None = None) -> Request[MemberIds]:
    """Get the user ids of a room's members, a page at a time.

    For verified and premium accounts only.

    Args:
        room_id: the room's id (``R...``).
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.

    Returns:
        ``Request[MemberIds]``: the ``member_ids`` and, when more remain, the ``next``
        token.

    Raises:
        InvalidInputError: ``room_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string), or ``start`` is neither ``None`` nor a non-empty string.
    """
    return get("get_room_member_ids",
               path("/v2/bot/room/{roomId}/members/ids", roomId=require_id("room_id", room_id)),
               query_=query(start=_start(start)))


@operation("getRoomMemberProfile")
def get_room_member_profile(room_id: str, user_id: str) -> Request[Profile]:
    """Get the profile of a member of a room the bot is in.

    Args:
        room_id: the room's id (``R...``).
        user_id: the member's user id (``U...``).

    Returns:
        ``Request[Profile]``: ``display_name``, ``user_id`` and ``picture_url``.

    Raises:
        InvalidInputError: ``room_id`` or ``user_id`` is not an id usable in a path (empty,
            ``.``, ``..``, or not a string).
    """
    return get("get_room_member_profile",
               path("/v2/bot/room/{roomId}/member/{userId}",
                    roomId=require_id("room_id", room_id),
                    userId=require_id("user_id", user_id)))


@operation("leaveRoom")
def leave_room(room_id: str) -> Request[None]:
    """Make the bot leave a room.

    Args:
        room_id: the room's id (``R...``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``room_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return json_request("leave_room", "POST", path("/v2/bot/room/{roomId}/leave",
                                                   roomId=require_id("room_id", room_id)))


# -- webhook settings -----------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#webhook-settings


@operation("getWebhookEndpoint")
def get_webhook_endpoint() -> Request[GetWebhookResponse]:
    """Get the bot's webhook URL and whether webhooks are on.

    Returns:
        ``Request[GetWebhookResponse]``: the ``endpoint`` URL and ``active``.
    """
    return get("get_webhook_endpoint", "/v2/bot/channel/webhook/endpoint")


@operation("setWebhookEndpoint")
def set_webhook_endpoint(webhook_endpoint: str) -> Request[None]:
    """Set the bot's webhook URL.

    Args:
        webhook_endpoint: an HTTPS URL of at most 500 characters.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``webhook_endpoint`` is not a non-empty string.
    """
    return json_request("set_webhook_endpoint", "PUT", "/v2/bot/channel/webhook/endpoint",
                        {"endpoint": require_id("webhook_endpoint", webhook_endpoint)})


@operation("testWebhookEndpoint")
def test_webhook_endpoint(
    webhook_endpoint: str | None = None,  # noqa: PT028 (a builder, not a test)
) -> Request[TestWebhookResponse]:
    """Have LINE send a test webhook to a URL and report how it answered.

    Args:
        webhook_endpoint: the HTTPS URL to test (at most 500 characters); ``None`` tests the
            URL already set.

    Returns:
        ``Request[TestWebhookResponse]``: ``success``, the ``status_code`` the URL answered,
        ``timestamp``, ``reason`` and ``detail``.

    Raises:
        InvalidInputError: ``webhook_endpoint`` is an empty string or not a string.
    """
    body = {} if webhook_endpoint is None else {
        "endpoint": require_id("webhook_endpoint", webhook_endpoint)}
    return json_request("test_webhook_endpoint", "POST", "/v2/bot/channel/webhook/test", body)


# -- account link -------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#issue-link-token


@operation("issueLinkToken")
def issue_link_token(user_id: str) -> Request[IssueLinkTokenResponse]:
    """Issue a link token, to link a user's LINE account with an account of your service.

    Args:
        user_id: the user's id (``U...``); not the LINE ID users see.

    Returns:
        ``Request[IssueLinkTokenResponse]``: the ``link_token`` (valid for 10 minutes,
        usable once).

    Raises:
        InvalidInputError: ``user_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return json_request("issue_link_token", "POST", path("/v2/bot/user/{userId}/linkToken",
                                                         userId=require_id("user_id", user_id)))


# -- membership -------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#membership


@operation("getMembershipSubscription")
def get_membership_subscription(user_id: str) -> Request[GetMembershipSubscriptionResponse]:
    """Get the membership plans a user subscribes to.

    Args:
        user_id: the user's id (``U...``).

    Returns:
        ``Request[GetMembershipSubscriptionResponse]``: the user's ``subscriptions``.

    Raises:
        InvalidInputError: ``user_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return get("get_membership_subscription",
               path("/v2/bot/membership/subscription/{userId}",
                    userId=require_id("user_id", user_id)))


@operation("getMembershipList")
def get_membership_list() -> Request[MembershipListResponse]:
    """Get the bot's membership plans.

    Returns:
        ``Request[MembershipListResponse]``: the ``memberships``.
    """
    return get("get_membership_list", "/v2/bot/membership/list")


@operation("getJoinedMembershipUsers")
def get_joined_membership_users(
    membership_id: int | str, start: str | None = None, limit: int | None = None,
) -> Request[GetJoinedMembershipUsersResponse]:
    """Get the user ids of the members of a membership plan, a page at a time.

    Args:
        membership_id: the plan's id (an integer, or its digits as text).
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.
        limit: at most this many ids per page, 1 to 1000 (LINE's default, 300, when
            ``None``).

    Returns:
        ``Request[GetJoinedMembershipUsersResponse]``: the ``user_ids`` and, when more
        remain, the ``next`` token.

    Raises:
        InvalidInputError: ``membership_id`` is not an integer, ``start`` is neither
            ``None`` nor a non-empty string, or ``limit`` is not an integer from 1 to 1000.
    """
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
