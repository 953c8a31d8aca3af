"""The endpoints of LINE's API, one row per builder: the one table of them.

``ENDPOINTS`` maps each builder's name (``Request.operation``) to its
:class:`Endpoint`: method, path template (placeholders in braces, as LINE's
OpenAPI specification writes them), the spec's operationId (``None`` for the
builders LINE no longer documents), the success status, and the host
(``Request.base``). Everything else that lists endpoints derives from it:

* :data:`ROUTES`, the paths, from which :mod:`linebot_fp.api._paths` finds the fixed
  segments an id must not equal;
* ``linebot_fp.testing.line_answers.ENDPOINTS``: operationId -> (method, path, status)
  of every operation of LINE's hosts, what ``FakeLineApi`` answers by default;
* ``linebot_fp.testing.api_limits.ENDPOINTS``: the rows of the operations whose rate
  limits or quota counters ``FakeLineApi`` keeps.

The builders state the same facts where they build a request; a test builds every
one and checks its method, host and path against its row, and the rows against the
spec's facts (tests/spec_facts.json) and the registry's ``OPERATIONS``.

This module imports nothing of the package, so any module may read it cheaply.
It performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["ENDPOINTS", "ROUTES", "Endpoint"]


class Endpoint(NamedTuple):
    """One endpoint of LINE's API, as a builder calls it."""

    method: str
    path: str  # the template: ``{placeholder}`` for each id, spelled as the spec does
    operation_id: str | None  # the spec's; None: no longer in the spec (the legacy SDK's)
    status: int = 200  # what LINE answers when the call succeeds
    base: str = "api"  # the host, a key of linebot_fp.request.BASE_URLS ("webhook": the bot)


#: builder name (``Request.operation``) -> its endpoint, by family module in source order
ENDPOINTS: Mapping[str, Endpoint] = {
    # audience.py: audiences
    "create_audience_group": Endpoint(
        "POST", "/v2/bot/audienceGroup/upload", "createAudienceGroup", status=202),
    "add_audiences_to_audience_group": Endpoint(
        "PUT", "/v2/bot/audienceGroup/upload", "addAudienceToAudienceGroup", status=202),
    "create_audience_for_uploading_user_ids": Endpoint(
        "POST", "/v2/bot/audienceGroup/upload/byFile",
        "createAudienceForUploadingUserIds", status=202, base="data"),
    "add_user_ids_to_audience": Endpoint(
        "PUT", "/v2/bot/audienceGroup/upload/byFile",
        "addUserIdsToAudience", status=202, base="data"),
    "create_click_audience_group": Endpoint(
        "POST", "/v2/bot/audienceGroup/click", "createClickBasedAudienceGroup", status=202),
    "create_imp_audience_group": Endpoint(
        "POST", "/v2/bot/audienceGroup/imp", "createImpBasedAudienceGroup", status=202),
    "rename_audience_group": Endpoint(
        "PUT", "/v2/bot/audienceGroup/{audienceGroupId}/updateDescription",
        "updateAudienceGroupDescription"),
    "delete_audience_group": Endpoint(
        "DELETE", "/v2/bot/audienceGroup/{audienceGroupId}", "deleteAudienceGroup"),
    "get_audience_group": Endpoint(
        "GET", "/v2/bot/audienceGroup/{audienceGroupId}", "getAudienceData"),
    "get_audience_group_list": Endpoint("GET", "/v2/bot/audienceGroup/list", "getAudienceGroups"),
    "get_shared_audience_data": Endpoint(
        "GET", "/v2/bot/audienceGroup/shared/{audienceGroupId}", "getSharedAudienceData"),
    "get_shared_audience_groups": Endpoint(
        "GET", "/v2/bot/audienceGroup/shared/list", "getSharedAudienceGroups"),
    "get_audience_group_authority_level": Endpoint(
        "GET", "/v2/bot/audienceGroup/authorityLevel", None),
    "change_audience_group_authority_level": Endpoint(
        "PUT", "/v2/bot/audienceGroup/authorityLevel", None),
    # bot.py: users, groups, rooms, memberships, the bot's webhook
    "get_profile": Endpoint("GET", "/v2/bot/profile/{userId}", "getProfile"),
    "get_followers_ids": Endpoint("GET", "/v2/bot/followers/ids", "getFollowers"),
    "get_bot_info": Endpoint("GET", "/v2/bot/info", "getBotInfo"),
    "get_group_summary": Endpoint("GET", "/v2/bot/group/{groupId}/summary", "getGroupSummary"),
    "get_group_members_count": Endpoint(
        "GET", "/v2/bot/group/{groupId}/members/count", "getGroupMemberCount"),
    "get_group_member_ids": Endpoint(
        "GET", "/v2/bot/group/{groupId}/members/ids", "getGroupMembersIds"),
    "get_group_member_profile": Endpoint(
        "GET", "/v2/bot/group/{groupId}/member/{userId}", "getGroupMemberProfile"),
    "leave_group": Endpoint("POST", "/v2/bot/group/{groupId}/leave", "leaveGroup"),
    "get_room_members_count": Endpoint(
        "GET", "/v2/bot/room/{roomId}/members/count", "getRoomMemberCount"),
    "get_room_member_ids": Endpoint(
        "GET", "/v2/bot/room/{roomId}/members/ids", "getRoomMembersIds"),
    "get_room_member_profile": Endpoint(
        "GET", "/v2/bot/room/{roomId}/member/{userId}", "getRoomMemberProfile"),
    "leave_room": Endpoint("POST", "/v2/bot/room/{roomId}/leave", "leaveRoom"),
    "get_webhook_endpoint": Endpoint(
        "GET", "/v2/bot/channel/webhook/endpoint", "getWebhookEndpoint"),
    "set_webhook_endpoint": Endpoint(
        "PUT", "/v2/bot/channel/webhook/endpoint", "setWebhookEndpoint"),
    "test_webhook_endpoint": Endpoint(
        "POST", "/v2/bot/channel/webhook/test", "testWebhookEndpoint"),
    "issue_link_token": Endpoint("POST", "/v2/bot/user/{userId}/linkToken", "issueLinkToken"),
    "get_membership_subscription": Endpoint(
        "GET", "/v2/bot/membership/subscription/{userId}", "getMembershipSubscription"),
    "get_membership_list": Endpoint("GET", "/v2/bot/membership/list", "getMembershipList"),
    "get_joined_membership_users": Endpoint(
        "GET", "/v2/bot/membership/{membershipId}/users/ids", "getJoinedMembershipUsers"),
    # channel_token.py: channel access tokens
    "issue_channel_token": Endpoint("POST", "/v2/oauth/accessToken", "issueChannelToken"),
    "verify_channel_token": Endpoint("POST", "/v2/oauth/verify", "verifyChannelToken"),
    "revoke_channel_token": Endpoint("POST", "/v2/oauth/revoke", "revokeChannelToken"),
    "issue_channel_access_token_v2_1": Endpoint(
        "POST", "/oauth2/v2.1/token", "issueChannelTokenByJWT"),
    "verify_channel_access_token_v2_1": Endpoint(
        "GET", "/oauth2/v2.1/verify", "verifyChannelTokenByJWT"),
    "revoke_channel_access_token_v2_1": Endpoint(
        "POST", "/oauth2/v2.1/revoke", "revokeChannelTokenByJWT"),
    "get_channel_token_key_ids_v2_1": Endpoint(
        "GET", "/oauth2/v2.1/tokens/kid", "getsAllValidChannelAccessTokenKeyIds"),
    "get_channel_access_tokens_v2_1": Endpoint("GET", "/oauth2/v2.1/tokens", None),
    "issue_stateless_channel_token": Endpoint(
        "POST", "/oauth2/v3/token", "issueStatelessChannelToken"),
    # content.py: content users sent (the data host)
    "get_message_content": Endpoint(
        "GET", "/v2/bot/message/{messageId}/content", "getMessageContent", base="data"),
    "get_message_content_preview": Endpoint(
        "GET", "/v2/bot/message/{messageId}/content/preview",
        "getMessageContentPreview", base="data"),
    "get_message_content_transcoding_by_message_id": Endpoint(
        "GET", "/v2/bot/message/{messageId}/content/transcoding",
        "getMessageContentTranscodingByMessageId", base="data"),
    # coupon.py: coupons
    "list_coupon": Endpoint("GET", "/v2/bot/coupon", "listCoupon"),
    "create_coupon": Endpoint("POST", "/v2/bot/coupon", "createCoupon"),
    "get_coupon_detail": Endpoint("GET", "/v2/bot/coupon/{couponId}", "getCouponDetail"),
    "close_coupon": Endpoint("PUT", "/v2/bot/coupon/{couponId}/close", "closeCoupon"),
    # insight.py: insight
    "get_insight_demographic": Endpoint(
        "GET", "/v2/bot/insight/demographic", "getFriendsDemographics"),
    "get_insight_message_delivery": Endpoint(
        "GET", "/v2/bot/insight/message/delivery", "getNumberOfMessageDeliveries"),
    "get_insight_followers": Endpoint("GET", "/v2/bot/insight/followers", "getNumberOfFollowers"),
    "get_insight_message_event": Endpoint(
        "GET", "/v2/bot/insight/message/event", "getMessageEvent"),
    "get_statistics_per_unit": Endpoint(
        "GET", "/v2/bot/insight/message/event/aggregation", "getStatisticsPerUnit"),
    "get_rich_menu_insight_summary": Endpoint(
        "GET", "/v2/bot/insight/richmenu/{richMenuId}/summary", "getRichMenuInsightSummary"),
    "get_rich_menu_insight_daily": Endpoint(
        "GET", "/v2/bot/insight/richmenu/{richMenuId}/daily", "getRichMenuInsightDaily"),
    # liff.py: LIFF apps
    "add_liff_app": Endpoint("POST", "/liff/v1/apps", "addLIFFApp"),
    "get_all_liff_apps": Endpoint("GET", "/liff/v1/apps", "getAllLIFFApps"),
    "update_liff_app": Endpoint("PUT", "/liff/v1/apps/{liffId}", "updateLIFFApp"),
    "delete_liff_app": Endpoint("DELETE", "/liff/v1/apps/{liffId}", "deleteLIFFApp"),
    # messaging.py: messages, their statistics and quota
    "reply_message": Endpoint("POST", "/v2/bot/message/reply", "replyMessage"),
    "push_message": Endpoint("POST", "/v2/bot/message/push", "pushMessage"),
    "multicast": Endpoint("POST", "/v2/bot/message/multicast", "multicast"),
    "broadcast": Endpoint("POST", "/v2/bot/message/broadcast", "broadcast"),
    "narrowcast": Endpoint("POST", "/v2/bot/message/narrowcast", "narrowcast", status=202),
    "get_progress_status_narrowcast": Endpoint(
        "GET", "/v2/bot/message/progress/narrowcast", "getNarrowcastProgress"),
    "validate_reply_message_objects": Endpoint(
        "POST", "/v2/bot/message/validate/reply", "validateReply"),
    "validate_push_message_objects": Endpoint(
        "POST", "/v2/bot/message/validate/push", "validatePush"),
    "validate_multicast_message_objects": Endpoint(
        "POST", "/v2/bot/message/validate/multicast", "validateMulticast"),
    "validate_narrowcast_message_objects": Endpoint(
        "POST", "/v2/bot/message/validate/narrowcast", "validateNarrowcast"),
    "validate_broadcast_message_objects": Endpoint(
        "POST", "/v2/bot/message/validate/broadcast", "validateBroadcast"),
    "get_message_quota": Endpoint("GET", "/v2/bot/message/quota", "getMessageQuota"),
    "get_message_quota_consumption": Endpoint(
        "GET", "/v2/bot/message/quota/consumption", "getMessageQuotaConsumption"),
    "get_message_delivery_reply": Endpoint(
        "GET", "/v2/bot/message/delivery/reply", "getNumberOfSentReplyMessages"),
    "get_message_delivery_push": Endpoint(
        "GET", "/v2/bot/message/delivery/push", "getNumberOfSentPushMessages"),
    "get_message_delivery_multicast": Endpoint(
        "GET", "/v2/bot/message/delivery/multicast", "getNumberOfSentMulticastMessages"),
    "get_message_delivery_broadcast": Endpoint(
        "GET", "/v2/bot/message/delivery/broadcast", "getNumberOfSentBroadcastMessages"),
    "get_pnp_message_statistics": Endpoint(
        "GET", "/v2/bot/message/delivery/pnp", "getPNPMessageStatistics"),
    "get_number_of_units_used_this_month": Endpoint(
        "GET", "/v2/bot/message/aggregation/info", "getAggregationUnitUsage"),
    "get_name_list_of_units_used_this_month": Endpoint(
        "GET", "/v2/bot/message/aggregation/list", "getAggregationUnitNameList"),
    "mark_messages_as_read": Endpoint("POST", "/v2/bot/message/markAsRead", "markMessagesAsRead"),
    "mark_messages_as_read_by_token": Endpoint(
        "POST", "/v2/bot/chat/markAsRead", "markMessagesAsReadByToken"),
    "push_messages_by_phone": Endpoint("POST", "/bot/pnp/push", "pushMessagesByPhone"),
    "show_loading_animation": Endpoint(
        "POST", "/v2/bot/chat/loading/start", "showLoadingAnimation", status=202),
    # module.py: modules
    "attach_module": Endpoint("POST", "/module/auth/v1/token", "attachModule", base="manager"),
    "detach_module": Endpoint("POST", "/v2/bot/channel/detach", "detachModule"),
    "acquire_chat_control": Endpoint(
        "POST", "/v2/bot/chat/{chatId}/control/acquire", "acquireChatControl"),
    "release_chat_control": Endpoint(
        "POST", "/v2/bot/chat/{chatId}/control/release", "releaseChatControl"),
    "get_modules": Endpoint("GET", "/v2/bot/list", "getModules"),
    # rich_menu.py: rich menus
    "create_rich_menu": Endpoint("POST", "/v2/bot/richmenu", "createRichMenu"),
    "validate_rich_menu_object": Endpoint(
        "POST", "/v2/bot/richmenu/validate", "validateRichMenuObject"),
    "get_rich_menu": Endpoint("GET", "/v2/bot/richmenu/{richMenuId}", "getRichMenu"),
    "delete_rich_menu": Endpoint("DELETE", "/v2/bot/richmenu/{richMenuId}", "deleteRichMenu"),
    "get_rich_menu_list": Endpoint("GET", "/v2/bot/richmenu/list", "getRichMenuList"),
    "set_rich_menu_image": Endpoint(
        "POST", "/v2/bot/richmenu/{richMenuId}/content", "setRichMenuImage", base="data"),
    "get_rich_menu_image": Endpoint(
        "GET", "/v2/bot/richmenu/{richMenuId}/content", "getRichMenuImage", base="data"),
    "set_default_rich_menu": Endpoint(
        "POST", "/v2/bot/user/all/richmenu/{richMenuId}", "setDefaultRichMenu"),
    "get_default_rich_menu": Endpoint("GET", "/v2/bot/user/all/richmenu", "getDefaultRichMenuId"),
    "cancel_default_rich_menu": Endpoint(
        "DELETE", "/v2/bot/user/all/richmenu", "cancelDefaultRichMenu"),
    "link_rich_menu_to_user": Endpoint(
        "POST", "/v2/bot/user/{userId}/richmenu/{richMenuId}", "linkRichMenuIdToUser"),
    "get_rich_menu_id_of_user": Endpoint(
        "GET", "/v2/bot/user/{userId}/richmenu", "getRichMenuIdOfUser"),
    "unlink_rich_menu_from_user": Endpoint(
        "DELETE", "/v2/bot/user/{userId}/richmenu", "unlinkRichMenuIdFromUser"),
    "link_rich_menu_to_users": Endpoint(
        "POST", "/v2/bot/richmenu/bulk/link", "linkRichMenuIdToUsers", status=202),
    "unlink_rich_menu_from_users": Endpoint(
        "POST", "/v2/bot/richmenu/bulk/unlink", "unlinkRichMenuIdFromUsers", status=202),
    "rich_menu_batch": Endpoint("POST", "/v2/bot/richmenu/batch", "richMenuBatch", status=202),
    "validate_rich_menu_batch_request": Endpoint(
        "POST", "/v2/bot/richmenu/validate/batch", "validateRichMenuBatchRequest"),
    "get_rich_menu_batch_progress": Endpoint(
        "GET", "/v2/bot/richmenu/progress/batch", "getRichMenuBatchProgress"),
    "create_rich_menu_alias": Endpoint("POST", "/v2/bot/richmenu/alias", "createRichMenuAlias"),
    "update_rich_menu_alias": Endpoint(
        "POST", "/v2/bot/richmenu/alias/{richMenuAliasId}", "updateRichMenuAlias"),
    "get_rich_menu_alias": Endpoint(
        "GET", "/v2/bot/richmenu/alias/{richMenuAliasId}", "getRichMenuAlias"),
    "delete_rich_menu_alias": Endpoint(
        "DELETE", "/v2/bot/richmenu/alias/{richMenuAliasId}", "deleteRichMenuAlias"),
    "get_rich_menu_alias_list": Endpoint(
        "GET", "/v2/bot/richmenu/alias/list", "getRichMenuAliasList"),
    # shop.py: shop
    "mission_sticker_v3": Endpoint("POST", "/shop/v3/mission", "missionStickerV3"),
    # webhook.py: the webhook LINE sends a bot (the bot's own endpoint)
    "callback": Endpoint("POST", "/callback", "callback", base="webhook"),
}

#: the path template of every endpoint a builder calls, each once
ROUTES: tuple[str, ...] = tuple(dict.fromkeys(endpoint.path for endpoint in ENDPOINTS.values()))
