"""Pure request builders: one function per endpoint, each returning a ``Request``.

Each builder's return annotation names the answer its request brings:
``get_profile(user_id) -> Request[Profile]``, so ``client.send(get_profile(u))``
is a ``Profile`` for mypy and pyright; ``Request[Content]`` for binary answers
(streamed), ``Request[None]`` for empty ones. The client decodes the answer from
that same annotation, so the type and the decoded value cannot disagree.

Builders are grouped by family (messaging, bot, content, rich_menu, coupon, insight,
audience, channel_token, liff, module, shop, webhook); each name here loads its family
module on first use, so ``from linebot_fp.api import reply_message`` imports one module.
``OPERATIONS`` maps every operationId of the LINE OpenAPI specification to its builder
(reading it loads every family). Nothing here performs I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp._lazy import lazy_exports
from linebot_fp.api import _registry

if TYPE_CHECKING:
    from linebot_fp.api._registry import OPERATIONS as OPERATIONS, RESPONSES as RESPONSES
    from linebot_fp.api.audience import (
        add_audiences_to_audience_group as add_audiences_to_audience_group,
        add_user_ids_to_audience as add_user_ids_to_audience,
        change_audience_group_authority_level as change_audience_group_authority_level,
        create_audience_for_uploading_user_ids as create_audience_for_uploading_user_ids,
        create_audience_group as create_audience_group,
        create_click_audience_group as create_click_audience_group,
        create_imp_audience_group as create_imp_audience_group,
        delete_audience_group as delete_audience_group,
        get_audience_group as get_audience_group,
        get_audience_group_authority_level as get_audience_group_authority_level,
        get_audience_group_list as get_audience_group_list,
        get_shared_audience_data as get_shared_audience_data,
        get_shared_audience_groups as get_shared_audience_groups,
        rename_audience_group as rename_audience_group,
    )
    from linebot_fp.api.bot import (
        get_bot_info as get_bot_info,
        get_followers_ids as get_followers_ids,
        get_group_member_ids as get_group_member_ids,
        get_group_member_profile as get_group_member_profile,
        get_group_members_count as get_group_members_count,
        get_group_summary as get_group_summary,
        get_joined_membership_users as get_joined_membership_users,
        get_membership_list as get_membership_list,
        get_membership_subscription as get_membership_subscription,
        get_profile as get_profile,
        get_room_member_ids as get_room_member_ids,
        get_room_member_profile as get_room_member_profile,
        get_room_members_count as get_room_members_count,
        get_webhook_endpoint as get_webhook_endpoint,
        issue_link_token as issue_link_token,
        leave_group as leave_group,
        leave_room as leave_room,
        set_webhook_endpoint as set_webhook_endpoint,
        test_webhook_endpoint as test_webhook_endpoint,
    )
    from linebot_fp.api.channel_token import (
        JWT_BEARER as JWT_BEARER,
        get_channel_access_tokens_v2_1 as get_channel_access_tokens_v2_1,
        get_channel_token_key_ids_v2_1 as get_channel_token_key_ids_v2_1,
        issue_channel_access_token_v2_1 as issue_channel_access_token_v2_1,
        issue_channel_token as issue_channel_token,
        issue_stateless_channel_token as issue_stateless_channel_token,
        revoke_channel_access_token_v2_1 as revoke_channel_access_token_v2_1,
        revoke_channel_token as revoke_channel_token,
        verify_channel_access_token_v2_1 as verify_channel_access_token_v2_1,
        verify_channel_token as verify_channel_token,
    )
    from linebot_fp.api.content import (
        get_message_content as get_message_content,
        get_message_content_preview as get_message_content_preview,
        get_message_content_transcoding_by_message_id as get_message_content_transcoding_by_message_id,  # noqa: E501
    )
    from linebot_fp.api.coupon import (
        close_coupon as close_coupon,
        create_coupon as create_coupon,
        get_coupon_detail as get_coupon_detail,
        list_coupon as list_coupon,
    )
    from linebot_fp.api.insight import (
        get_insight_demographic as get_insight_demographic,
        get_insight_followers as get_insight_followers,
        get_insight_message_delivery as get_insight_message_delivery,
        get_insight_message_event as get_insight_message_event,
        get_rich_menu_insight_daily as get_rich_menu_insight_daily,
        get_rich_menu_insight_summary as get_rich_menu_insight_summary,
        get_statistics_per_unit as get_statistics_per_unit,
    )
    from linebot_fp.api.liff import (
        add_liff_app as add_liff_app,
        delete_liff_app as delete_liff_app,
        get_all_liff_apps as get_all_liff_apps,
        update_liff_app as update_liff_app,
    )
    from linebot_fp.api.messaging import (
        broadcast as broadcast,
        get_message_delivery_broadcast as get_message_delivery_broadcast,
        get_message_delivery_multicast as get_message_delivery_multicast,
        get_message_delivery_push as get_message_delivery_push,
        get_message_delivery_reply as get_message_delivery_reply,
        get_message_quota as get_message_quota,
        get_message_quota_consumption as get_message_quota_consumption,
        get_name_list_of_units_used_this_month as get_name_list_of_units_used_this_month,
        get_number_of_units_used_this_month as get_number_of_units_used_this_month,
        get_pnp_message_statistics as get_pnp_message_statistics,
        get_progress_status_narrowcast as get_progress_status_narrowcast,
        mark_messages_as_read as mark_messages_as_read,
        mark_messages_as_read_by_token as mark_messages_as_read_by_token,
        multicast as multicast,
        narrowcast as narrowcast,
        push_message as push_message,
        push_messages_by_phone as push_messages_by_phone,
        reply_message as reply_message,
        show_loading_animation as show_loading_animation,
        validate_broadcast_message_objects as validate_broadcast_message_objects,
        validate_multicast_message_objects as validate_multicast_message_objects,
        validate_narrowcast_message_objects as validate_narrowcast_message_objects,
        validate_push_message_objects as validate_push_message_objects,
        validate_reply_message_objects as validate_reply_message_objects,
    )
    from linebot_fp.api.module import (
        acquire_chat_control as acquire_chat_control,
        attach_module as attach_module,
        detach_module as detach_module,
        get_modules as get_modules,
        release_chat_control as release_chat_control,
    )
    from linebot_fp.api.rich_menu import (
        cancel_default_rich_menu as cancel_default_rich_menu,
        create_rich_menu as create_rich_menu,
        create_rich_menu_alias as create_rich_menu_alias,
        delete_rich_menu as delete_rich_menu,
        delete_rich_menu_alias as delete_rich_menu_alias,
        get_default_rich_menu as get_default_rich_menu,
        get_rich_menu as get_rich_menu,
        get_rich_menu_alias as get_rich_menu_alias,
        get_rich_menu_alias_list as get_rich_menu_alias_list,
        get_rich_menu_batch_progress as get_rich_menu_batch_progress,
        get_rich_menu_id_of_user as get_rich_menu_id_of_user,
        get_rich_menu_image as get_rich_menu_image,
        get_rich_menu_list as get_rich_menu_list,
        link_rich_menu_to_user as link_rich_menu_to_user,
        link_rich_menu_to_users as link_rich_menu_to_users,
        rich_menu_batch as rich_menu_batch,
        set_default_rich_menu as set_default_rich_menu,
        set_rich_menu_image as set_rich_menu_image,
        unlink_rich_menu_from_user as unlink_rich_menu_from_user,
        unlink_rich_menu_from_users as unlink_rich_menu_from_users,
        update_rich_menu_alias as update_rich_menu_alias,
        validate_rich_menu_batch_request as validate_rich_menu_batch_request,
        validate_rich_menu_object as validate_rich_menu_object,
    )
    from linebot_fp.api.shop import (
        mission_sticker_v3 as mission_sticker_v3,
    )
    from linebot_fp.api.webhook import (
        callback as callback,
    )

_builders, _builder, __dir__ = lazy_exports(__name__, {
    "linebot_fp.api.audience": (
        "add_audiences_to_audience_group", "add_user_ids_to_audience",
        "change_audience_group_authority_level", "create_audience_for_uploading_user_ids",
        "create_audience_group", "create_click_audience_group", "create_imp_audience_group",
        "delete_audience_group", "get_audience_group", "get_audience_group_authority_level",
        "get_audience_group_list", "get_shared_audience_data", "get_shared_audience_groups",
        "rename_audience_group",
    ),
    "linebot_fp.api.bot": (
        "get_bot_info", "get_followers_ids", "get_group_member_ids", "get_group_member_profile",
        "get_group_members_count", "get_group_summary", "get_joined_membership_users",
        "get_membership_list", "get_membership_subscription", "get_profile",
        "get_room_member_ids", "get_room_member_profile", "get_room_members_count",
        "get_webhook_endpoint", "issue_link_token", "leave_group", "leave_room",
        "set_webhook_endpoint", "test_webhook_endpoint",
    ),
    "linebot_fp.api.channel_token": (
        "JWT_BEARER", "get_channel_access_tokens_v2_1", "get_channel_token_key_ids_v2_1",
        "issue_channel_access_token_v2_1", "issue_channel_token",
        "issue_stateless_channel_token", "revoke_channel_access_token_v2_1",
        "revoke_channel_token", "verify_channel_access_token_v2_1", "verify_channel_token",
    ),
    "linebot_fp.api.content": (
        "get_message_content", "get_message_content_preview",
        "get_message_content_transcoding_by_message_id",
    ),
    "linebot_fp.api.coupon": (
        "close_coupon", "create_coupon", "get_coupon_detail", "list_coupon",
    ),
    "linebot_fp.api.insight": (
        "get_insight_demographic", "get_insight_followers", "get_insight_message_delivery",
        "get_insight_message_event", "get_rich_menu_insight_daily",
        "get_rich_menu_insight_summary", "get_statistics_per_unit",
    ),
    "linebot_fp.api.liff": (
        "add_liff_app", "delete_liff_app", "get_all_liff_apps", "update_liff_app",
    ),
    "linebot_fp.api.messaging": (
        "broadcast", "get_message_delivery_broadcast", "get_message_delivery_multicast",
        "get_message_delivery_push", "get_message_delivery_reply", "get_message_quota",
        "get_message_quota_consumption", "get_name_list_of_units_used_this_month",
        "get_number_of_units_used_this_month", "get_pnp_message_statistics",
        "get_progress_status_narrowcast", "mark_messages_as_read",
        "mark_messages_as_read_by_token", "multicast", "narrowcast", "push_message",
        "push_messages_by_phone", "reply_message", "show_loading_animation",
        "validate_broadcast_message_objects", "validate_multicast_message_objects",
        "validate_narrowcast_message_objects", "validate_push_message_objects",
        "validate_reply_message_objects",
    ),
    "linebot_fp.api.module": (
        "acquire_chat_control", "attach_module", "detach_module", "get_modules",
        "release_chat_control",
    ),
    "linebot_fp.api.rich_menu": (
        "cancel_default_rich_menu", "create_rich_menu", "create_rich_menu_alias",
        "delete_rich_menu", "delete_rich_menu_alias", "get_default_rich_menu", "get_rich_menu",
        "get_rich_menu_alias", "get_rich_menu_alias_list", "get_rich_menu_batch_progress",
        "get_rich_menu_id_of_user", "get_rich_menu_image", "get_rich_menu_list",
        "link_rich_menu_to_user", "link_rich_menu_to_users", "rich_menu_batch",
        "set_default_rich_menu", "set_rich_menu_image", "unlink_rich_menu_from_user",
        "unlink_rich_menu_from_users", "update_rich_menu_alias",
        "validate_rich_menu_batch_request", "validate_rich_menu_object",
    ),
    "linebot_fp.api.shop": (
        "mission_sticker_v3",
    ),
    "linebot_fp.api.webhook": (
        "callback",
    ),
})
__all__ = sorted([*_builders, "OPERATIONS", "RESPONSES"])


def __getattr__(name: str) -> Any:
    if name in ("OPERATIONS", "RESPONSES"):
        _registry.load_all()
        return getattr(_registry, name)
    return _builder(name)
