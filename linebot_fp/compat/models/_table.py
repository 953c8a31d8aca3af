"""The one table of the legacy models: module, class, constructor parameters in order.

Every other fact about a legacy class (its attributes, their JSON keys, which
values are nested models, its ``type`` tag) is read from the core model of the
same name (:mod:`linebot_fp.models`, or :data:`CORE_NAMES`). What the core
cannot know is written here: the order in which the legacy constructor took
its parameters, and the few defaults it wrote out.

A parameter is ``name``, ``name=default`` (a Python literal the legacy SDK set
when the argument was left out; ``[]`` gives each instance its own list), or
``name:attribute`` when the legacy constructor stored it under another name.
Every parameter is optional. ``base`` (``Base``) and ``operator`` (``And``,
``Or``, ``Not``) are written by hand: they have no core model.

This module performs no I/O.
"""

from __future__ import annotations

__all__ = ["ALIASES", "CORE_NAMES", "LEGACY"]

#: legacy module (``linebot.models.<module>``) -> class -> constructor parameters
LEGACY: dict[str, dict[str, str]] = {
    "actions": {
        "Action": "",
        "PostbackAction": "label data display_text text input_option fill_in_text",
        "MessageAction": "label text",
        "URIAction": "label uri alt_uri",
        "AltUri": "desktop",
        "DatetimePickerAction": "label data mode initial max min",
        "CameraAction": "label",
        "CameraRollAction": "label",
        "LocationAction": "label",
        "RichMenuSwitchAction": "label rich_menu_alias_id data",
    },
    "background": {
        "Background": "",
        "LinearGradientBackground": "angle start_color end_color center_color center_position",
    },
    "delivery_context": {
        "DeliveryContext": "is_redelivery",
    },
    "emojis": {
        "Emojis": "index length product_id emoji_id",
    },
    "error": {
        "Error": "message details=[]",
        "ErrorDetail": "message property",
    },
    "events": {
        "Event": "mode timestamp source webhook_event_id delivery_context",
        "MessageEvent": "mode timestamp source reply_token message",
        # newer than the legacy SDK: the parameters in the order of its MessageEvent
        "MessageEditedEvent": "mode timestamp source reply_token message",
        "FollowEvent": "mode timestamp source reply_token",
        "UnfollowEvent": "mode timestamp source",
        "JoinEvent": "mode timestamp source reply_token",
        "LeaveEvent": "mode timestamp source",
        "PostbackEvent": "mode timestamp source reply_token postback",
        "BeaconEvent": "mode timestamp source reply_token beacon",
        "MemberJoinedEvent": "mode timestamp source reply_token joined",
        "MemberLeftEvent": "mode timestamp source left",
        "AccountLinkEvent": "mode timestamp source reply_token link",
        "ThingsEvent": "mode timestamp source reply_token things",
        "UnsendEvent": "mode timestamp source unsend",
        "VideoPlayCompleteEvent": "mode timestamp source reply_token video_play_complete",
        "UnknownEvent": "",
        "Postback": "data params",
        "Beacon": "type hwid dm",
        "Joined": "members",
        "Left": "members",
        "Link": "result nonce",
    },
    "filter": {
        "Filter": "demographic",
        "DemographicFilter": "",
        "GenderFilter": "one_of=[]",
        "AppTypeFilter": "one_of=[]",
        "AreaFilter": "one_of=[]",
        "AgeFilter": "gte lt",
        "SubscriptionPeriodFilter": "gte lt",
    },
    "flex_message": {
        "FlexSendMessage": "alt_text contents",
        "FlexContainer": "",
        "BubbleContainer": "size direction header hero body footer styles action",
        "BubbleStyle": "header hero body footer",
        "BlockStyle": "background_color separator separator_color",
        "CarouselContainer": "contents=[]",
        "FlexComponent": "",
        "BoxComponent": ("layout contents=[] background_color border_color border_width "
                         "corner_radius justify_content align_items background width max_width "
                         "height max_height flex spacing margin padding_all padding_top "
                         "padding_bottom padding_start padding_end position offset_top "
                         "offset_bottom offset_start offset_end action"),
        "ButtonComponent": ("action flex margin position offset_top offset_bottom offset_start "
                            "offset_end height style color gravity adjust_mode"),
        "FillerComponent": "flex",
        "IconComponent": ("url margin position offset_top offset_bottom offset_start offset_end "
                          "size aspect_ratio"),
        "ImageComponent": ("url flex margin position offset_top offset_bottom offset_start "
                           "offset_end align gravity size aspect_ratio aspect_mode "
                           "background_color action animated=False"),
        "SeparatorComponent": "margin color",
        "SpanComponent": "text color size weight style decoration",
        "TextComponent": ("text contents flex margin position offset_top offset_bottom "
                          "offset_start offset_end size align gravity wrap line_spacing max_lines "
                          "weight color action style decoration"),
        "VideoComponent": "url preview_url alt_content aspect_ratio action",
    },
    "imagemap": {
        "ImagemapSendMessage": "base_url alt_text base_size video actions=[]",
        "BaseSize": "width height",
        "ImagemapAction": "",
        "URIImagemapAction": "link_uri area",
        "MessageImagemapAction": "text area",
        "ImagemapArea": "x y width height",
        "Video": "original_content_url preview_image_url area external_link",
        "ExternalLink": "link_uri label",
    },
    "insight": {
        "DemographicInsight": "percentage",
        "GenderInsight": "percentage gender",
        "AgeInsight": "percentage age",
        "AreaInsight": "percentage area",
        "AppTypeInsight": "percentage app_type",
        "SubscriptionPeriodInsight": "percentage subscription_period",
        "MessageStatistics": ("request_id timestamp delivered unique_impression unique_click "
                              "unique_media_played unique_media_played_100_percent"),
        "MessageStatisticsOfCustomAggregationUnit": (
            "unique_impression unique_click unique_media_played unique_media_played_100_percent"),
        "MessageInsight": ("seq impression media_played media_played_25_percent "
                           "media_played_50_percent media_played_75_percent "
                           "media_played_100_percent unique_media_played "
                           "unique_media_played_25_percent unique_media_played_50_percent "
                           "unique_media_played_75_percent unique_media_played_100_percent"),
        "ClickInsight": "seq url click unique_click unique_click_of_request",
        "JobInsight": ("audience_group_job_id audience_group_id description type job_status "
                       "failed_type audience_count created"),
    },
    "limit": {
        "Limit": "max up_to_remaining_quota=False",
    },
    "mention": {
        "Mention": "mentionees",
    },
    "mentionee": {
        "Mentionee": "index length user_id",
    },
    "messages": {
        "Message": "id",
        "TextMessage": "id text emojis mention",
        "ImageMessage": "id content_provider image_set",
        "VideoMessage": "id duration content_provider",
        "AudioMessage": "id duration content_provider",
        "LocationMessage": "id title address latitude longitude",
        "StickerMessage": "id package_id sticker_id sticker_resource_type keywords text",
        "FileMessage": "id file_name file_size",
        "ContentProvider": "type original_content_url preview_image_url",
        "ImageSet": "id index total=0",
    },
    "recipient": {
        "Recipient": "",
        "AudienceRecipient": "group_id:audience_group_id",
        "RedeliveryRecipient": "request_id",
    },
    "responses": {
        "BroadcastResponse": "request_id",
        "ValidateReplyMessageObjectsResponse": "request_id",
        "ValidatePushMessageObjectsResponse": "request_id",
        "ValidateMulticastMessageObjectsResponse": "request_id",
        "ValidateNarrowcastMessageObjectsResponse": "request_id",
        "ValidateBroadcastMessageObjectsResponse": "request_id",
        "Profile": "display_name user_id picture_url status_message language",
        "Group": "group_id group_name picture_url",
        "MemberIds": "member_ids next",
        "RichMenuResponse": "rich_menu_id size selected name chat_bar_text areas=[]",
        "RichMenuAliasResponse": "rich_menu_alias_id rich_menu_id",
        "RichMenuAliasListResponse": "aliases=[]",
        "MessageQuotaResponse": "type value",
        "MessageQuotaConsumptionResponse": "total_usage",
        "MessageDeliveryBroadcastResponse": "status success",
        "MessageDeliveryReplyResponse": "status success",
        "MessageDeliveryPushResponse": "status success",
        "MessageDeliveryMulticastResponse": "status success",
        "MessageProgressNarrowcastResponse": (
            "phase success_count failure_count target_count failed_description error_code "
            "accepted_time completed_time"),
        "IssueLinkTokenResponse": "link_token",
        "IssueChannelTokenResponse": "access_token expires_in token_type",
        "InsightMessageDeliveryResponse": (
            "status broadcast targeting auto_response welcome_response chat api_broadcast "
            "api_push api_multicast api_reply"),
        "InsightFollowersResponse": "status followers targeted_reaches blocks",
        "InsightDemographicResponse": "available genders ages areas app_types subscription_periods",
        "InsightMessageEventResponse": "overview messages clicks",
        "InsightMessageEventOfCustomAggregationUnitResponse": "overview messages clicks",
        "AggregationInfoResponse": "num_of_custom_aggregation_units",
        "AggregationNameListResponse": "custom_aggregation_units next",
        "NarrowcastResponse": "request_id",
        "BotInfo": ("user_id basic_id premium_id display_name picture_url chat_mode "
                    "mark_as_read_mode"),
        "GetWebhookResponse": "endpoint active",
        "TestWebhookResponse": "success timestamp status_code reason detail",
        "AudienceGroup": ("audience_group_id type description status audience_count created "
                          "is_ifa_audience permission create_route request_id failed_type "
                          "click_url jobs"),
        "ClickAudienceGroup": ("audience_group_id create_route type description created permission "
                               "expire_timestamp is_ifa_audience request_id click_url"),
        "CreateAudienceGroup": ("audience_group_id create_route type description created "
                                "permission expire_timestamp is_ifa_audience"),
        "ImpAudienceGroup": ("audience_group_id create_route type description created permission "
                             "expire_timestamp is_ifa_audience request_id"),
        "GetAuthorityLevel": "authority_level",
        "Audience": "id",
        "UserIds": "user_ids next",
        "IssueChannelTokenResponseV2": "access_token expires_in token_type key_id",
        "ChannelAccessTokens": "access_tokens",
        "VerifyChannelTokenResponseV2": "client_id expires_in scope",
        "ValidAccessTokenKeyIDsResponse": "kids",
    },
    "rich_menu": {
        "RichMenu": "size selected name chat_bar_text areas=[]",
        "RichMenuSize": "width height",
        "RichMenuArea": "bounds action",
        "RichMenuBounds": "x y width height",
        "RichMenuAlias": "rich_menu_alias_id rich_menu_id",
    },
    "send_messages": {
        "SendMessage": "quick_reply sender",
        "TextSendMessage": "text emojis quick_reply sender",
        "ImageSendMessage": "original_content_url preview_image_url quick_reply sender",
        "VideoSendMessage": ("original_content_url preview_image_url tracking_id quick_reply "
                             "sender"),
        "AudioSendMessage": "original_content_url duration quick_reply sender",
        "LocationSendMessage": "title address latitude longitude quick_reply sender",
        "StickerSendMessage": "package_id sticker_id quick_reply sender",
        "QuickReply": "items=[]",
        "QuickReplyButton": "image_url action",
        "Sender": "name icon_url",
    },
    "sources": {
        "Source": "",
        "SourceUser": "user_id",
        "SourceGroup": "group_id user_id",
        "SourceRoom": "room_id user_id",
    },
    "template": {
        "TemplateSendMessage": "alt_text template",
        "Template": "",
        "ButtonsTemplate": ("text title thumbnail_image_url image_aspect_ratio image_size "
                            "image_background_color actions=[] default_action"),
        "ConfirmTemplate": "text actions=[]",
        "CarouselTemplate": "columns=[] image_aspect_ratio image_size",
        "ImageCarouselTemplate": "columns=[]",
        "CarouselColumn": ("text title thumbnail_image_url image_background_color actions=[] "
                           "default_action"),
        "ImageCarouselColumn": "image_url action",
    },
    "things": {
        "Things": "device_id",
        "DeviceLink": "device_id",
        "DeviceUnlink": "device_id",
        "ScenarioResult": "device_id result",
        "ScenarioResultPayload": ("scenario_id revision start_time result_code end_time "
                                  "action_results ble_notification_payload error_reason"),
        "ActionResult": "type data",
    },
    "unsend": {
        "Unsend": "message_id",
    },
    "video_play_complete": {
        "VideoPlayComplete": "tracking_id",
    },
}

#: legacy classes whose core model has another name (default: the same name in linebot_fp.models)
CORE_NAMES: dict[str, str] = {
    "Error": "linebot_fp.errors:ErrorResponse",
    "ErrorDetail": "linebot_fp.errors:ErrorDetail",
    "ScenarioResultPayload": "linebot_fp.models:ScenarioResultDetail",
}

#: the names ``linebot.models`` kept for backward compatibility -> the class they name
ALIASES: dict[str, str] = {
    "TemplateAction": "Action",
    "PostbackTemplateAction": "PostbackAction",
    "MessageTemplateAction": "MessageAction",
    "URITemplateAction": "URIAction",
    "DatetimePickerTemplateAction": "DatetimePickerAction",
}
