"""Send-side models: the exact JSON of each, the input they refuse, and how they behave.

The JSON is written by hand from the LINE reference and the legacy README's
examples (``../shared/seeds/README.rst``), not produced by the code under test.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import json
import pickle
import subprocess
import sys
import types
from collections.abc import Callable
from typing import Any

import pytest

from linebot_fp import codec
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import (
    actions,
    flex,
    imagemap,
    narrowcast,
    rich_menu,
    send_messages,
    templates,
)
from linebot_fp.models._base import Model
from linebot_fp.models.actions import (
    AltUri,
    CameraAction,
    CameraRollAction,
    ClipboardAction,
    DatetimePickerAction,
    LocationAction,
    MessageAction,
    PostbackAction,
    RichMenuSwitchAction,
    UnknownAction,
    URIAction,
)
from linebot_fp.models.emojis import Emojis
from linebot_fp.models.flex import (
    BlockStyle,
    BoxComponent,
    BubbleContainer,
    BubbleStyle,
    ButtonComponent,
    CarouselContainer,
    FillerComponent,
    FlexSendMessage,
    IconComponent,
    ImageComponent,
    LinearGradientBackground,
    SeparatorComponent,
    SpanComponent,
    TextComponent,
    UnknownBackground,
    UnknownFlexComponent,
    UnknownFlexContainer,
    VideoComponent,
)
from linebot_fp.models.imagemap import (
    BaseSize,
    ClipboardImagemapAction,
    ExternalLink,
    ImagemapArea,
    ImagemapSendMessage,
    MessageImagemapAction,
    UnknownImagemapAction,
    URIImagemapAction,
    Video,
)
from linebot_fp.models.narrowcast import (
    AgeFilter,
    And,
    AppTypeFilter,
    AreaFilter,
    AudienceRecipient,
    DemographicFilter,
    Filter,
    GenderFilter,
    Limit,
    Not,
    OperatorDemographicFilter,
    OperatorRecipient,
    Or,
    Recipient,
    RedeliveryRecipient,
    SubscriptionPeriodFilter,
    UnknownDemographicFilter,
    UnknownRecipient,
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
    RichMenuBulkLinkRequest,
    RichMenuBulkUnlinkRequest,
    RichMenuSize,
    UnknownRichMenuBatchOperation,
)
from linebot_fp.models.send_messages import (
    AllMentionTarget,
    AudioSendMessage,
    CouponSendMessage,
    EmojiSubstitutionObject,
    ImageSendMessage,
    LocationSendMessage,
    MentionSubstitutionObject,
    QuickReply,
    QuickReplyButton,
    Sender,
    SendMessage,
    StickerSendMessage,
    TextSendMessage,
    TextV2SendMessage,
    UnknownMentionTarget,
    UnknownSendMessage,
    UnknownSubstitutionObject,
    UserMentionTarget,
    VideoSendMessage,
)
from linebot_fp.models.templates import (
    ButtonsTemplate,
    CarouselColumn,
    CarouselTemplate,
    ConfirmTemplate,
    ImageCarouselColumn,
    ImageCarouselTemplate,
    TemplateSendMessage,
    UnknownTemplate,
)

MODULES = (actions, send_messages, templates, imagemap, flex, rich_menu, narrowcast)

# -- the legacy README's examples, exactly as it writes them ---------------------------------

SEED_BUTTONS = TemplateSendMessage(
    alt_text="Buttons template",
    template=ButtonsTemplate(
        thumbnail_image_url="https://example.com/image.jpg",
        title="Menu",
        text="Please select",
        actions=[
            PostbackAction(label="postback", text="postback text", data="action=buy&itemid=1"),
            MessageAction(label="message", text="message text"),
            URIAction(label="uri", uri="http://example.com/"),
        ],
    ),
)
SEED_BUTTONS_JSON = {
    "type": "template",
    "altText": "Buttons template",
    "template": {
        "type": "buttons",
        "thumbnailImageUrl": "https://example.com/image.jpg",
        "title": "Menu",
        "text": "Please select",
        "actions": [
            {"type": "postback", "label": "postback", "text": "postback text",
             "data": "action=buy&itemid=1"},
            {"type": "message", "label": "message", "text": "message text"},
            {"type": "uri", "label": "uri", "uri": "http://example.com/"},
        ],
    },
}

SEED_CONFIRM = TemplateSendMessage(
    alt_text="Confirm template",
    template=ConfirmTemplate(
        text="Are you sure?",
        actions=[
            PostbackAction(label="postback", text="postback text", data="action=buy&itemid=1"),
            MessageAction(label="message", text="message text"),
        ],
    ),
)
SEED_CONFIRM_JSON = {
    "type": "template",
    "altText": "Confirm template",
    "template": {
        "type": "confirm",
        "text": "Are you sure?",
        "actions": [
            {"type": "postback", "label": "postback", "text": "postback text",
             "data": "action=buy&itemid=1"},
            {"type": "message", "label": "message", "text": "message text"},
        ],
    },
}

SEED_CAROUSEL = TemplateSendMessage(
    alt_text="Carousel template",
    template=CarouselTemplate(
        columns=[
            CarouselColumn(
                thumbnail_image_url="https://example.com/item1.jpg",
                title="this is menu1",
                text="description1",
                actions=[
                    PostbackAction(label="postback1", text="postback text1",
                                   data="action=buy&itemid=1"),
                    MessageAction(label="message1", text="message text1"),
                    URIAction(label="uri1", uri="http://example.com/1"),
                ],
            ),
            CarouselColumn(
                thumbnail_image_url="https://example.com/item2.jpg",
                title="this is menu2",
                text="description2",
                actions=[
                    PostbackAction(label="postback2", text="postback text2",
                                   data="action=buy&itemid=2"),
                    MessageAction(label="message2", text="message text2"),
                    URIAction(label="uri2", uri="http://example.com/2"),
                ],
            ),
        ]
    ),
)
SEED_CAROUSEL_JSON = {
    "type": "template",
    "altText": "Carousel template",
    "template": {
        "type": "carousel",
        "columns": [
            {
                "thumbnailImageUrl": "https://example.com/item1.jpg",
                "title": "this is menu1",
                "text": "description1",
                "actions": [
                    {"type": "postback", "label": "postback1", "text": "postback text1",
                     "data": "action=buy&itemid=1"},
                    {"type": "message", "label": "message1", "text": "message text1"},
                    {"type": "uri", "label": "uri1", "uri": "http://example.com/1"},
                ],
            },
            {
                "thumbnailImageUrl": "https://example.com/item2.jpg",
                "title": "this is menu2",
                "text": "description2",
                "actions": [
                    {"type": "postback", "label": "postback2", "text": "postback text2",
                     "data": "action=buy&itemid=2"},
                    {"type": "message", "label": "message2", "text": "message text2"},
                    {"type": "uri", "label": "uri2", "uri": "http://example.com/2"},
                ],
            },
        ],
    },
}

SEED_IMAGE_CAROUSEL = TemplateSendMessage(
    alt_text="ImageCarousel template",
    template=ImageCarouselTemplate(
        columns=[
            ImageCarouselColumn(
                image_url="https://example.com/item1.jpg",
                action=PostbackAction(label="postback1", text="postback text1",
                                      data="action=buy&itemid=1"),
            ),
            ImageCarouselColumn(
                image_url="https://example.com/item2.jpg",
                action=PostbackAction(label="postback2", text="postback text2",
                                      data="action=buy&itemid=2"),
            ),
        ]
    ),
)
SEED_IMAGE_CAROUSEL_JSON = {
    "type": "template",
    "altText": "ImageCarousel template",
    "template": {
        "type": "image_carousel",
        "columns": [
            {"imageUrl": "https://example.com/item1.jpg",
             "action": {"type": "postback", "label": "postback1", "text": "postback text1",
                        "data": "action=buy&itemid=1"}},
            {"imageUrl": "https://example.com/item2.jpg",
             "action": {"type": "postback", "label": "postback2", "text": "postback text2",
                        "data": "action=buy&itemid=2"}},
        ],
    },
}

SEED_IMAGEMAP = ImagemapSendMessage(
    base_url="https://example.com/base",
    alt_text="this is an imagemap",
    base_size=BaseSize(height=1040, width=1040),
    actions=[
        URIImagemapAction(link_uri="https://example.com/",
                          area=ImagemapArea(x=0, y=0, width=520, height=1040)),
        MessageImagemapAction(text="hello", area=ImagemapArea(x=520, y=0, width=520, height=1040)),
    ],
)
SEED_IMAGEMAP_JSON = {
    "type": "imagemap",
    "baseUrl": "https://example.com/base",
    "altText": "this is an imagemap",
    "baseSize": {"height": 1040, "width": 1040},
    "actions": [
        {"type": "uri", "linkUri": "https://example.com/",
         "area": {"x": 0, "y": 0, "width": 520, "height": 1040}},
        {"type": "message", "text": "hello",
         "area": {"x": 520, "y": 0, "width": 520, "height": 1040}},
    ],
}

SEED_QUICK_REPLY = TextSendMessage(
    text="Hello, world",
    quick_reply=QuickReply(items=[QuickReplyButton(action=MessageAction(label="label",
                                                                        text="text"))]),
)
SEED_QUICK_REPLY_JSON = {
    "type": "text",
    "text": "Hello, world",
    "quickReply": {"items": [{"type": "action",
                              "action": {"type": "message", "label": "label", "text": "text"}}]},
}

SEED_RICH_MENU = RichMenu(
    size=RichMenuSize(width=2500, height=843),
    selected=False,
    name="Nice richmenu",
    chat_bar_text="Tap here",
    areas=[RichMenuArea(
        bounds=RichMenuBounds(x=0, y=0, width=2500, height=843),
        action=URIAction(label="Go to line.me", uri="https://line.me"))],
)
SEED_RICH_MENU_JSON = {
    "size": {"width": 2500, "height": 843},
    "selected": False,
    "name": "Nice richmenu",
    "chatBarText": "Tap here",
    "areas": [{"bounds": {"x": 0, "y": 0, "width": 2500, "height": 843},
               "action": {"type": "uri", "label": "Go to line.me", "uri": "https://line.me"}}],
}

# -- flex: every field of every component, written from the reference -------------------------

ALL_BOX = BoxComponent(
    layout="horizontal",
    contents=[FillerComponent(flex=2), SeparatorComponent(margin="md", color="#cccccc")],
    flex=1, spacing="10px", margin="xxl", position="absolute",
    offset_top="1px", offset_bottom="2%", offset_start="md", offset_end="none",
    background_color="#ffffff", border_color="#000000", border_width="semi-bold",
    corner_radius="12px", width="50%", max_width="100px", height="30px", max_height="40px",
    padding_all="xs", padding_top="1px", padding_bottom="2px", padding_start="3px",
    padding_end="4px", action=MessageAction(text="box"),
    justify_content="space-between", align_items="flex-end",
    background=LinearGradientBackground(angle="90deg", start_color="#000000",
                                        end_color="#ffffff", center_color="#888888",
                                        center_position="25%"),
)
ALL_BOX_JSON = {
    "type": "box", "layout": "horizontal",
    "contents": [{"type": "filler", "flex": 2},
                 {"type": "separator", "margin": "md", "color": "#cccccc"}],
    "flex": 1, "spacing": "10px", "margin": "xxl", "position": "absolute",
    "offsetTop": "1px", "offsetBottom": "2%", "offsetStart": "md", "offsetEnd": "none",
    "backgroundColor": "#ffffff", "borderColor": "#000000", "borderWidth": "semi-bold",
    "cornerRadius": "12px", "width": "50%", "maxWidth": "100px", "height": "30px",
    "maxHeight": "40px", "paddingAll": "xs", "paddingTop": "1px", "paddingBottom": "2px",
    "paddingStart": "3px", "paddingEnd": "4px", "action": {"type": "message", "text": "box"},
    "justifyContent": "space-between", "alignItems": "flex-end",
    "background": {"type": "linearGradient", "angle": "90deg", "startColor": "#000000",
                   "endColor": "#ffffff", "centerColor": "#888888", "centerPosition": "25%"},
}

ALL_BUTTON = ButtonComponent(
    action=URIAction(label="Open", uri="https://example.com", alt_uri=AltUri(desktop="https://d")),
    flex=0, color="#00ff00", style="primary", gravity="bottom", margin="sm",
    position="relative", offset_top="1px", offset_bottom="2px", offset_start="3px",
    offset_end="4px", height="sm", adjust_mode="shrink-to-fit", scaling=True,
)
ALL_BUTTON_JSON = {
    "type": "button",
    "action": {"type": "uri", "label": "Open", "uri": "https://example.com",
               "altUri": {"desktop": "https://d"}},
    "flex": 0, "color": "#00ff00", "style": "primary", "gravity": "bottom", "margin": "sm",
    "position": "relative", "offsetTop": "1px", "offsetBottom": "2px", "offsetStart": "3px",
    "offsetEnd": "4px", "height": "sm", "adjustMode": "shrink-to-fit", "scaling": True,
}

ALL_IMAGE = ImageComponent(
    url="https://example.com/a.png", flex=3, margin="lg", position="relative",
    offset_top="0px", offset_bottom="0px", offset_start="0px", offset_end="0px",
    align="start", gravity="center", size="full", aspect_ratio="20:13", aspect_mode="cover",
    background_color="#eeeeee", action=CameraAction(label="cam"), animated=True,
)
ALL_IMAGE_JSON = {
    "type": "image", "url": "https://example.com/a.png", "flex": 3, "margin": "lg",
    "position": "relative", "offsetTop": "0px", "offsetBottom": "0px", "offsetStart": "0px",
    "offsetEnd": "0px", "align": "start", "gravity": "center", "size": "full",
    "aspectRatio": "20:13", "aspectMode": "cover", "backgroundColor": "#eeeeee",
    "action": {"type": "camera", "label": "cam"}, "animated": True,
}

ALL_ICON = IconComponent(
    url="https://example.com/i.png", size="5xl", aspect_ratio="2:1", margin="none",
    position="absolute", offset_top="1px", offset_bottom="2px", offset_start="3px",
    offset_end="4px", scaling=False,
)
ALL_ICON_JSON = {
    "type": "icon", "url": "https://example.com/i.png", "size": "5xl", "aspectRatio": "2:1",
    "margin": "none", "position": "absolute", "offsetTop": "1px", "offsetBottom": "2px",
    "offsetStart": "3px", "offsetEnd": "4px", "scaling": False,
}

ALL_SPAN = SpanComponent(text="big", size="xxl", color="#ff0000", weight="bold",
                         style="italic", decoration="line-through")
ALL_SPAN_JSON = {"type": "span", "text": "big", "size": "xxl", "color": "#ff0000",
                 "weight": "bold", "style": "italic", "decoration": "line-through"}

ALL_TEXT = TextComponent(
    text="hello", contents=[ALL_SPAN], flex=1, size="sm", align="end", gravity="top",
    color="#111111", weight="regular", style="normal", decoration="underline", wrap=True,
    line_spacing="20px", margin="md", position="relative", offset_top="1px",
    offset_bottom="2px", offset_start="3px", offset_end="4px",
    action=LocationAction(label="where"), max_lines=2, adjust_mode="shrink-to-fit",
    scaling=True,
)
ALL_TEXT_JSON = {
    "type": "text", "text": "hello", "contents": [ALL_SPAN_JSON], "flex": 1, "size": "sm",
    "align": "end", "gravity": "top", "color": "#111111", "weight": "regular",
    "style": "normal", "decoration": "underline", "wrap": True, "lineSpacing": "20px",
    "margin": "md", "position": "relative", "offsetTop": "1px", "offsetBottom": "2px",
    "offsetStart": "3px", "offsetEnd": "4px", "action": {"type": "location", "label": "where"},
    "maxLines": 2, "adjustMode": "shrink-to-fit", "scaling": True,
}

ALL_VIDEO = VideoComponent(
    url="https://example.com/v.mp4", preview_url="https://example.com/v.jpg",
    alt_content=ImageComponent(url="https://example.com/alt.png", size="full"),
    aspect_ratio="16:9", action=CameraRollAction(),
)
ALL_VIDEO_JSON = {
    "type": "video", "url": "https://example.com/v.mp4",
    "previewUrl": "https://example.com/v.jpg",
    "altContent": {"type": "image", "url": "https://example.com/alt.png", "size": "full"},
    "aspectRatio": "16:9", "action": {"type": "cameraRoll"},
}

ALL_BUBBLE = BubbleContainer(
    size="giga", direction="rtl",
    header=BoxComponent(layout="vertical", contents=[ALL_TEXT]),
    hero=ALL_VIDEO,
    body=ALL_BOX,
    footer=BoxComponent(layout="baseline", contents=[ALL_ICON, ALL_BUTTON, ALL_IMAGE]),
    styles=BubbleStyle(
        header=BlockStyle(background_color="#000001"),
        hero=BlockStyle(separator=True, separator_color="#000002"),
        body=BlockStyle(separator=False),
        footer=BlockStyle(background_color="#000003", separator=True,
                          separator_color="#000004"),
    ),
    action=PostbackAction(data="bubble"),
)
ALL_BUBBLE_JSON = {
    "type": "bubble", "size": "giga", "direction": "rtl",
    "header": {"type": "box", "layout": "vertical", "contents": [ALL_TEXT_JSON]},
    "hero": ALL_VIDEO_JSON,
    "body": ALL_BOX_JSON,
    "footer": {"type": "box", "layout": "baseline",
               "contents": [ALL_ICON_JSON, ALL_BUTTON_JSON, ALL_IMAGE_JSON]},
    "styles": {
        "header": {"backgroundColor": "#000001"},
        "hero": {"separator": True, "separatorColor": "#000002"},
        "body": {"separator": False},
        "footer": {"backgroundColor": "#000003", "separator": True,
                   "separatorColor": "#000004"},
    },
    "action": {"type": "postback", "data": "bubble"},
}

SMALL_BUBBLE = BubbleContainer(body=BoxComponent(layout="vertical",
                                                 contents=[TextComponent(text="hi")]))
SMALL_BUBBLE_JSON = {"type": "bubble", "body": {"type": "box", "layout": "vertical",
                                               "contents": [{"type": "text", "text": "hi"}]}}

# -- the table: (id, value, its JSON) -----------------------------------------------------------

CASES: list[tuple[str, Any, Any]] = [
    # legacy README examples
    ("seed text", TextSendMessage(text="Hello, world"), {"type": "text", "text": "Hello, world"}),
    ("seed image",
     ImageSendMessage(original_content_url="https://example.com/original.jpg",
                      preview_image_url="https://example.com/preview.jpg"),
     {"type": "image", "originalContentUrl": "https://example.com/original.jpg",
      "previewImageUrl": "https://example.com/preview.jpg"}),
    ("seed video",
     VideoSendMessage(original_content_url="https://example.com/original.mp4",
                      preview_image_url="https://example.com/preview.jpg"),
     {"type": "video", "originalContentUrl": "https://example.com/original.mp4",
      "previewImageUrl": "https://example.com/preview.jpg"}),
    ("seed audio",
     AudioSendMessage(original_content_url="https://example.com/original.m4a", duration=240000),
     {"type": "audio", "originalContentUrl": "https://example.com/original.m4a",
      "duration": 240000}),
    ("seed location",
     LocationSendMessage(title="my location", address="Tokyo", latitude=35.65910807942215,
                         longitude=139.70372892916203),
     {"type": "location", "title": "my location", "address": "Tokyo",
      "latitude": 35.65910807942215, "longitude": 139.70372892916203}),
    ("seed sticker", StickerSendMessage(package_id="1", sticker_id="1"),
     {"type": "sticker", "packageId": "1", "stickerId": "1"}),
    ("seed imagemap", SEED_IMAGEMAP, SEED_IMAGEMAP_JSON),
    ("seed buttons", SEED_BUTTONS, SEED_BUTTONS_JSON),
    ("seed confirm", SEED_CONFIRM, SEED_CONFIRM_JSON),
    ("seed carousel", SEED_CAROUSEL, SEED_CAROUSEL_JSON),
    ("seed image carousel", SEED_IMAGE_CAROUSEL, SEED_IMAGE_CAROUSEL_JSON),
    ("seed quick reply", SEED_QUICK_REPLY, SEED_QUICK_REPLY_JSON),
    ("seed rich menu", SEED_RICH_MENU, SEED_RICH_MENU_JSON),
    # messages with every optional field
    ("text, emoji, quote, sender",
     TextSendMessage(text="$ hi", emojis=[Emojis(index=0, product_id="5ac1", emoji_id="001")],
                     quote_token="q", sender=Sender(name="Cony", icon_url="https://i/c.png")),
     {"type": "text", "text": "$ hi", "emojis": [{"index": 0, "productId": "5ac1",
                                                  "emojiId": "001"}],
      "quoteToken": "q", "sender": {"name": "Cony", "iconUrl": "https://i/c.png"}}),
    ("text v2",
     TextV2SendMessage(
         text="Hi {user_1}, {everyone} {smile_Face}", quote_token="q",
         substitution={
             "user_1": MentionSubstitutionObject(mentionee=UserMentionTarget(user_id="U1")),
             "everyone": MentionSubstitutionObject(mentionee=AllMentionTarget()),
             "smile_Face": EmojiSubstitutionObject(product_id="p", emoji_id="e"),
         }),
     {"type": "textV2", "text": "Hi {user_1}, {everyone} {smile_Face}", "quoteToken": "q",
      "substitution": {
          "user_1": {"type": "mention", "mentionee": {"type": "user", "userId": "U1"}},
          "everyone": {"type": "mention", "mentionee": {"type": "all"}},
          "smile_Face": {"type": "emoji", "productId": "p", "emojiId": "e"},
      }}),
    ("video with tracking id",
     VideoSendMessage(original_content_url="https://v", preview_image_url="https://p",
                      tracking_id="track-1"),
     {"type": "video", "originalContentUrl": "https://v", "previewImageUrl": "https://p",
      "trackingId": "track-1"}),
    ("location with int coordinates",
     LocationSendMessage(title="t", address="a", latitude=35, longitude=-139),
     {"type": "location", "title": "t", "address": "a", "latitude": 35, "longitude": -139}),
    ("sticker quoting", StickerSendMessage(package_id="446", sticker_id="1988", quote_token="q"),
     {"type": "sticker", "packageId": "446", "stickerId": "1988", "quoteToken": "q"}),
    ("coupon", CouponSendMessage(coupon_id="01JYNW8JMQVFBR7", delivery_tag="tag-1"),
     {"type": "coupon", "couponId": "01JYNW8JMQVFBR7", "deliveryTag": "tag-1"}),
    ("quick reply, every action kind",
     TextSendMessage(text="pick", quick_reply=QuickReply(items=[
         QuickReplyButton(image_url="https://i/1.png", action=CameraAction(label="Camera")),
         QuickReplyButton(action=CameraRollAction(label="Roll")),
         QuickReplyButton(action=LocationAction(label="Where")),
         QuickReplyButton(action=DatetimePickerAction(
             label="When", data="d", mode="datetime", initial="2017-12-25t00:00",
             max="2018-01-24t23:59", min="2017-12-25t00:00")),
         QuickReplyButton(action=PostbackAction(
             label="Buy", data="buy=1", display_text="Buy", input_option="openKeyboard",
             fill_in_text="---\nName: ")),
         QuickReplyButton(action=ClipboardAction(label="Copy", clipboard_text="3B48740B")),
     ])),
     {"type": "text", "text": "pick", "quickReply": {"items": [
         {"type": "action", "imageUrl": "https://i/1.png",
          "action": {"type": "camera", "label": "Camera"}},
         {"type": "action", "action": {"type": "cameraRoll", "label": "Roll"}},
         {"type": "action", "action": {"type": "location", "label": "Where"}},
         {"type": "action", "action": {
             "type": "datetimepicker", "label": "When", "data": "d", "mode": "datetime",
             "initial": "2017-12-25t00:00", "max": "2018-01-24t23:59",
             "min": "2017-12-25t00:00"}},
         {"type": "action", "action": {
             "type": "postback", "label": "Buy", "data": "buy=1", "displayText": "Buy",
             "inputOption": "openKeyboard", "fillInText": "---\nName: "}},
         {"type": "action", "action": {"type": "clipboard", "label": "Copy",
                                       "clipboardText": "3B48740B"}},
     ]}}),
    ("rich menu switch action",
     RichMenuSwitchAction(label="B", rich_menu_alias_id="richmenu-alias-b",
                          data="richmenu-changed-to-b"),
     {"type": "richmenuswitch", "label": "B", "richMenuAliasId": "richmenu-alias-b",
      "data": "richmenu-changed-to-b"}),
    # templates with every optional field
    ("buttons, every field",
     TemplateSendMessage(alt_text="alt", template=ButtonsTemplate(
         thumbnail_image_url="https://t", image_aspect_ratio="square", image_size="contain",
         image_background_color="#FFFFFF", title="T", text="X",
         default_action=URIAction(label="View", uri="https://d"),
         actions=[MessageAction(label="a", text="a")])),
     {"type": "template", "altText": "alt", "template": {
         "type": "buttons", "thumbnailImageUrl": "https://t", "imageAspectRatio": "square",
         "imageSize": "contain", "imageBackgroundColor": "#FFFFFF", "title": "T", "text": "X",
         "defaultAction": {"type": "uri", "label": "View", "uri": "https://d"},
         "actions": [{"type": "message", "label": "a", "text": "a"}]}}),
    ("carousel, every field",
     TemplateSendMessage(alt_text="alt", template=CarouselTemplate(
         image_aspect_ratio="rectangle", image_size="cover",
         columns=[CarouselColumn(thumbnail_image_url="https://t", image_background_color="#000",
                                 title="T", text="X", default_action=MessageAction(text="d"),
                                 actions=[MessageAction(label="a", text="a")])])),
     {"type": "template", "altText": "alt", "template": {
         "type": "carousel", "imageAspectRatio": "rectangle", "imageSize": "cover",
         "columns": [{"thumbnailImageUrl": "https://t", "imageBackgroundColor": "#000",
                      "title": "T", "text": "X",
                      "defaultAction": {"type": "message", "text": "d"},
                      "actions": [{"type": "message", "label": "a", "text": "a"}]}]}}),
    # imagemap with video and every action kind
    ("imagemap, video and every action",
     ImagemapSendMessage(
         base_url="https://b", alt_text="alt", base_size=BaseSize(width=1040, height=1040),
         video=Video(original_content_url="https://v.mp4", preview_image_url="https://v.jpg",
                     area=ImagemapArea(x=0, y=0, width=1040, height=585),
                     external_link=ExternalLink(link_uri="https://e", label="See More")),
         actions=[
             URIImagemapAction(link_uri="https://u", label="U",
                               area=ImagemapArea(x=0, y=586, width=520, height=454)),
             MessageImagemapAction(text="m", label="M",
                                   area=ImagemapArea(x=520, y=586, width=260, height=454)),
             ClipboardImagemapAction(clipboard_text="c", label="C",
                                     area=ImagemapArea(x=780, y=586, width=260, height=454)),
         ]),
     {"type": "imagemap", "baseUrl": "https://b", "altText": "alt",
      "baseSize": {"width": 1040, "height": 1040},
      "video": {"originalContentUrl": "https://v.mp4", "previewImageUrl": "https://v.jpg",
                "area": {"x": 0, "y": 0, "width": 1040, "height": 585},
                "externalLink": {"linkUri": "https://e", "label": "See More"}},
      "actions": [
          {"type": "uri", "linkUri": "https://u", "label": "U",
           "area": {"x": 0, "y": 586, "width": 520, "height": 454}},
          {"type": "message", "text": "m", "label": "M",
           "area": {"x": 520, "y": 586, "width": 260, "height": 454}},
          {"type": "clipboard", "clipboardText": "c", "label": "C",
           "area": {"x": 780, "y": 586, "width": 260, "height": 454}},
      ]}),
    # flex
    ("flex bubble, every component and field",
     FlexSendMessage(alt_text="flex", contents=ALL_BUBBLE, sender=Sender(name="Bot")),
     {"type": "flex", "altText": "flex", "contents": ALL_BUBBLE_JSON, "sender": {"name": "Bot"}}),
    ("flex carousel",
     FlexSendMessage(alt_text="c", contents=CarouselContainer(contents=[SMALL_BUBBLE,
                                                                      SMALL_BUBBLE])),
     {"type": "flex", "altText": "c",
      "contents": {"type": "carousel", "contents": [SMALL_BUBBLE_JSON, SMALL_BUBBLE_JSON]}}),
    # rich menu requests
    ("rich menu alias to create",
     RichMenuAlias(rich_menu_alias_id="richmenu-alias-a", rich_menu_id="richmenu-862e6ad"),
     {"richMenuAliasId": "richmenu-alias-a", "richMenuId": "richmenu-862e6ad"}),
    ("rich menu alias to update", RichMenuAlias(rich_menu_id="richmenu-862e6ad"),
     {"richMenuId": "richmenu-862e6ad"}),
    ("rich menu batch",
     RichMenuBatchRequest(resume_request_key="key_1-A", operations=[
         RichMenuBatchLinkOperation(from_="richmenu-1", to="richmenu-2"),
         RichMenuBatchUnlinkOperation(from_="richmenu-3"),
         RichMenuBatchUnlinkAllOperation(),
     ]),
     {"resumeRequestKey": "key_1-A", "operations": [
         {"type": "link", "from": "richmenu-1", "to": "richmenu-2"},
         {"type": "unlink", "from": "richmenu-3"},
         {"type": "unlinkAll"},
     ]}),
    ("rich menu bulk link", RichMenuBulkLinkRequest(rich_menu_id="rm", user_ids=["U1", "U2"]),
     {"richMenuId": "rm", "userIds": ["U1", "U2"]}),
    ("rich menu bulk unlink", RichMenuBulkUnlinkRequest(user_ids=["U1"]), {"userIds": ["U1"]}),
    # narrowcast
    ("recipient operators",
     And(AudienceRecipient(audience_group_id=5614991017776), Not(Or(
         AudienceRecipient(audience_group_id=4389303728991),
         RedeliveryRecipient(request_id="5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4")))),
     {"type": "operator", "and": [
         {"type": "audience", "audienceGroupId": 5614991017776},
         {"type": "operator", "not": {"type": "operator", "or": [
             {"type": "audience", "audienceGroupId": 4389303728991},
             {"type": "redelivery", "requestId": "5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4"},
         ]}},
     ]}),
    ("demographic filter operators",
     Filter(demographic=Or(
         And(GenderFilter(one_of=["male", "female"]),
             AgeFilter(gte="age_20", lt="age_25"),
             AppTypeFilter(one_of=["android", "ios"]),
             AreaFilter(one_of=["jp_23", "jp_05"]),
             SubscriptionPeriodFilter(gte="day_7", lt="day_30")),
         Not(AgeFilter(gte="age_70")))),
     {"demographic": {"type": "operator", "or": [
         {"type": "operator", "and": [
             {"type": "gender", "oneOf": ["male", "female"]},
             {"type": "age", "gte": "age_20", "lt": "age_25"},
             {"type": "appType", "oneOf": ["android", "ios"]},
             {"type": "area", "oneOf": ["jp_23", "jp_05"]},
             {"type": "subscriptionPeriod", "gte": "day_7", "lt": "day_30"},
         ]},
         {"type": "operator", "not": {"type": "age", "gte": "age_70"}},
     ]}}),
    ("limit", Limit(max=100, up_to_remaining_quota=True, forbid_partial_delivery=True),
     {"max": 100, "upToRemainingQuota": True, "forbidPartialDelivery": True}),
    ("empty filter", Filter(), {}),
    # Unknown members keep their JSON as it is
    ("unknown message", UnknownSendMessage(raw={"type": "poll", "question": "?"}),
     {"type": "poll", "question": "?"}),
    ("unknown action", UnknownAction(label="s", raw={"type": "share", "label": "s"}),
     {"type": "share", "label": "s"}),
    ("unknown template", UnknownTemplate(raw={"type": "grid", "cells": []}),
     {"type": "grid", "cells": []}),
    ("unknown imagemap action", UnknownImagemapAction(raw={"type": "call", "tel": "1"}),
     {"type": "call", "tel": "1"}),
    ("unknown flex component", UnknownFlexComponent(raw={"type": "chart"}), {"type": "chart"}),
    ("unknown flex container", UnknownFlexContainer(raw={"type": "grid"}), {"type": "grid"}),
    ("unknown background", UnknownBackground(raw={"type": "radialGradient"}),
     {"type": "radialGradient"}),
    ("unknown mention target", UnknownMentionTarget(raw={"type": "role", "roleId": "r"}),
     {"type": "role", "roleId": "r"}),
    ("unknown substitution", UnknownSubstitutionObject(raw={"type": "sticker"}),
     {"type": "sticker"}),
    ("unknown batch operation", UnknownRichMenuBatchOperation(raw={"type": "swap"}),
     {"type": "swap"}),
    ("unknown recipient", UnknownRecipient(raw={"type": "segment", "id": 1}),
     {"type": "segment", "id": 1}),
    ("unknown demographic filter", UnknownDemographicFilter(raw={"type": "hobby"}),
     {"type": "hobby"}),
]


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_json(value: Any, expected: Any) -> None:
    assert codec.unstructure(value) == expected
    assert json.loads(codec.dumps(value)) == expected
    assert codec.structure(expected, type(value)) == value


def walk(value: Any) -> list[type]:
    """Every model class inside a value."""
    found: list[type] = []
    if isinstance(value, Model):
        found.append(type(value))
        for fld in dataclasses.fields(value):
            found.extend(walk(getattr(value, fld.name)))
    elif isinstance(value, tuple):
        for item in value:
            found.extend(walk(item))
    elif hasattr(value, "values"):
        for item in value.values():
            found.extend(walk(item))
    return found


def is_family(cls: type) -> bool:
    return "type" in inspect.get_annotations(cls) and "type" not in cls.__dict__


def test_the_table_shows_every_send_model() -> None:
    shown = {cls for _, value, _ in CASES for cls in walk(value)}
    concrete = {
        obj for module in MODULES for obj in map(module.__dict__.get, module.__all__)
        if isinstance(obj, type) and issubclass(obj, Model) and not is_family(obj)
    }
    assert len(concrete) >= 80
    missing = sorted(cls.__name__ for cls in concrete - shown)
    assert not missing, f"no JSON case shows {missing}"


# -- the family bases read every member by its tag ---------------------------------------------


@pytest.mark.parametrize(("value", "base"), [
    (SEED_BUTTONS, SendMessage), (SEED_IMAGEMAP, SendMessage), (SEED_QUICK_REPLY, SendMessage),
    (FlexSendMessage(alt_text="f", contents=SMALL_BUBBLE), SendMessage),
    (CouponSendMessage(coupon_id="c"), SendMessage),
    (ClipboardAction(clipboard_text="x"), actions.Action),
    (ALL_VIDEO, flex.FlexComponent), (SMALL_BUBBLE, flex.FlexContainer),
    (RichMenuBatchUnlinkAllOperation(), rich_menu.RichMenuBatchOperation),
    (Not(RedeliveryRecipient(request_id="r")), Recipient),
    (Not(GenderFilter(one_of=["male"])), DemographicFilter),
], ids=lambda v: type(v).__name__ if not isinstance(v, type) else v.__name__)
def test_family_base_reads_member(value: Any, base: type) -> None:
    assert codec.structure(codec.unstructure(value), base) == value


def test_unknown_type_is_kept_not_refused() -> None:
    data = {"type": "poll", "question": "?", "quickReply": {"items": []}}
    message = codec.structure(data, SendMessage)
    assert isinstance(message, UnknownSendMessage)
    assert message.type == "poll"
    assert message.raw == data
    assert codec.unstructure(message) == data


def test_send_message_finds_members_of_other_modules_on_its_own() -> None:
    """``SendMessage.family`` names flex, template and imagemap messages: read unaided."""
    script = (
        "from linebot_fp import codec\n"
        "from linebot_fp.models import SendMessage\n"
        "for tag, extra in [('flex', {'altText': 'a', 'contents': {'type': 'bubble'}}),\n"
        "                   ('template', {'altText': 'a', 'template': {'type': 'confirm',\n"
        "                    'text': 't', 'actions': [{'type': 'camera'}, {'type': 'camera'}]}}),\n"
        "                   ('imagemap', {'baseUrl': 'b', 'altText': 'a', 'actions': [],\n"
        "                    'baseSize': {'width': 1, 'height': 1}})]:\n"
        "    print(type(codec.structure({'type': tag, **extra}, SendMessage)).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["FlexSendMessage", "TemplateSendMessage",
                                     "ImagemapSendMessage"]


# -- bad input --------------------------------------------------------------------------------

ACTION = MessageAction(label="a", text="a")
BUTTON = QuickReplyButton(action=ACTION)
AREA = ImagemapArea(x=0, y=0, width=1, height=1)


def column(count: int) -> CarouselColumn:
    return CarouselColumn(text="t", actions=[ACTION] * count)


BAD: list[tuple[str, Callable[[], object], str]] = [
    # counts
    ("buttons: 5 actions", lambda: ButtonsTemplate(text="t", actions=[ACTION] * 5),
     "ButtonsTemplate.actions"),
    ("buttons: no action", lambda: ButtonsTemplate(text="t", actions=[]),
     "ButtonsTemplate.actions"),
    ("confirm: 1 action", lambda: ConfirmTemplate(text="t", actions=[ACTION]),
     "ConfirmTemplate.actions"),
    ("confirm: 3 actions", lambda: ConfirmTemplate(text="t", actions=[ACTION] * 3),
     "ConfirmTemplate.actions"),
    ("column: 4 actions", lambda: column(4), "CarouselColumn.actions"),
    ("carousel: 11 columns", lambda: CarouselTemplate(columns=[column(1)] * 11),
     "CarouselTemplate.columns"),
    ("carousel: no column", lambda: CarouselTemplate(columns=[]), "CarouselTemplate.columns"),
    ("carousel: unequal actions", lambda: CarouselTemplate(columns=[column(1), column(2)]),
     "CarouselTemplate.columns"),
    ("image carousel: 11 columns", lambda: ImageCarouselTemplate(
        columns=[ImageCarouselColumn(image_url="u", action=ACTION)] * 11),
     "ImageCarouselTemplate.columns"),
    ("quick reply: 14 items", lambda: QuickReply(items=[BUTTON] * 14), "QuickReply.items"),
    ("flex carousel: 13 bubbles", lambda: CarouselContainer(contents=[SMALL_BUBBLE] * 13),
     "CarouselContainer.contents"),
    ("flex carousel: empty", lambda: CarouselContainer(contents=[]),
     "CarouselContainer.contents"),
    ("imagemap: 51 actions", lambda: ImagemapSendMessage(
        base_url="b", alt_text="a", base_size=BaseSize(width=1, height=1),
        actions=[MessageImagemapAction(text="t", area=AREA)] * 51),
     "ImagemapSendMessage.actions"),
    ("rich menu: 21 areas", lambda: RichMenu(
        size=RichMenuSize(width=1, height=1), selected=True, name="n", chat_bar_text="c",
        areas=[RichMenuArea(bounds=RichMenuBounds(x=0, y=0, width=1, height=1),
                            action=ACTION)] * 21),
     "RichMenu.areas"),
    ("batch: 1001 operations", lambda: RichMenuBatchRequest(
        operations=[RichMenuBatchUnlinkAllOperation()] * 1001),
     "RichMenuBatchRequest.operations"),
    ("batch: no operation", lambda: RichMenuBatchRequest(operations=[]),
     "RichMenuBatchRequest.operations"),
    ("bulk link: 501 users", lambda: RichMenuBulkLinkRequest(rich_menu_id="r",
                                                             user_ids=["U"] * 501),
     "RichMenuBulkLinkRequest.user_ids"),
    ("bulk unlink: no user", lambda: RichMenuBulkUnlinkRequest(user_ids=[]),
     "RichMenuBulkUnlinkRequest.user_ids"),
    # required fields given as None
    ("text None", lambda: TextSendMessage(text=None), "TextSendMessage.text"),
    ("image url None", lambda: ImageSendMessage(original_content_url=None,
                                                preview_image_url="p"),
     "ImageSendMessage.original_content_url"),
    ("template None", lambda: TemplateSendMessage(alt_text="a", template=None),
     "TemplateSendMessage.template"),
    ("flex contents None", lambda: FlexSendMessage(alt_text="a", contents=None),
     "FlexSendMessage.contents"),
    ("postback data None", lambda: PostbackAction(data=None), "PostbackAction.data"),
    ("uri None", lambda: URIAction(uri=None), "URIAction.uri"),
    ("quick reply action None", lambda: QuickReplyButton(action=None),
     "QuickReplyButton.action"),
    ("box contents None", lambda: BoxComponent(layout="vertical", contents=None),
     "BoxComponent.contents"),
    ("rich menu size None", lambda: RichMenu(size=None, selected=False, name="n",
                                             chat_bar_text="c", areas=[]),
     "RichMenu.size"),
    ("audience id None", lambda: AudienceRecipient(audience_group_id=None),
     "AudienceRecipient.audience_group_id"),
    # values outside the documented choices
    ("datetime mode", lambda: DatetimePickerAction(data="d", mode="week"),
     "DatetimePickerAction.mode"),
    ("input option", lambda: PostbackAction(data="d", input_option="openCamera"),
     "PostbackAction.input_option"),
    ("aspect ratio", lambda: ButtonsTemplate(text="t", actions=[ACTION],
                                             image_aspect_ratio="wide"),
     "ButtonsTemplate.image_aspect_ratio"),
    ("image size", lambda: CarouselTemplate(columns=[column(1)], image_size="fill"),
     "CarouselTemplate.image_size"),
    ("box layout", lambda: BoxComponent(layout="grid", contents=[]),
     "BoxComponent.layout"),
    ("button height", lambda: ButtonComponent(action=ACTION, height="lg"),
     "ButtonComponent.height"),
    ("bubble size", lambda: BubbleContainer(size="huge"), "BubbleContainer.size"),
    ("text weight", lambda: TextComponent(text="t", weight="heavy"),
     "TextComponent.weight"),
    ("age", lambda: AgeFilter(gte="age_18"), "AgeFilter.gte"),
    ("gender", lambda: GenderFilter(one_of=["other"]), "GenderFilter.one_of"),
    ("app type", lambda: AppTypeFilter(one_of=["windows"]), "AppTypeFilter.one_of"),
    ("area", lambda: AreaFilter(one_of=["jp_13", "jp_48"]), "AreaFilter.one_of"),
    ("subscription period", lambda: SubscriptionPeriodFilter(lt="day_1"),
     "SubscriptionPeriodFilter.lt"),
    # other documented rules
    ("text without text", lambda: TextComponent(), "TextComponent.text"),
    ("limit max 0", lambda: Limit(max=0), "Limit.max"),
    ("partial delivery alone", lambda: Limit(forbid_partial_delivery=True),
     "Limit.forbid_partial_delivery"),
    ("empty operator recipient", lambda: OperatorRecipient(), "OperatorRecipient"),
    ("empty operator filter", lambda: OperatorDemographicFilter(), "OperatorDemographicFilter"),
    ("And of nothing", lambda: And(), "And"),
    ("Or of a mix", lambda: Or(AudienceRecipient(audience_group_id=1),
                               AgeFilter(gte="age_20")), "Or"),
    ("Not of text", lambda: Not("age_20"), "Not"),
    ("alias id", lambda: RichMenuAlias(rich_menu_alias_id="Has Spaces", rich_menu_id="r"),
     "RichMenuAlias.rich_menu_alias_id"),
    ("resume key", lambda: RichMenuBatchRequest(operations=[RichMenuBatchUnlinkAllOperation()],
                                                resume_request_key="a b"),
     "RichMenuBatchRequest.resume_request_key"),
    # sequences and mappings
    ("items as a string", lambda: QuickReply(items="abc"), "QuickReply.items"),
    ("actions as one action", lambda: ButtonsTemplate(text="t", actions=ACTION),
     "ButtonsTemplate.actions"),
    ("substitution as a list", lambda: TextV2SendMessage(text="t", substitution=[]),
     "TextV2SendMessage.substitution"),
]


@pytest.mark.parametrize(("build", "field"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_is_refused_naming_the_field(build: Callable[[], object], field: str) -> None:
    with pytest.raises(InvalidInputError, match=field.replace(".", r"\.")) as caught:
        build()
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("build", "ok"), [
    (lambda: ButtonsTemplate(text="t", actions=[ACTION] * 4), "4 buttons"),
    (lambda: QuickReply(items=[BUTTON] * 13), "13 quick replies"),
    (lambda: CarouselTemplate(columns=[column(3)] * 10), "10 columns of 3"),
    (lambda: CarouselContainer(contents=[SMALL_BUBBLE] * 12), "12 bubbles"),
    (lambda: TextComponent(contents=[SpanComponent(text="s")]), "spans only"),
    (lambda: BoxComponent(layout="vertical", contents=[]), "an empty box"),
    (lambda: Limit(up_to_remaining_quota=True, forbid_partial_delivery=True), "both flags"),
    (lambda: RichMenuAlias(rich_menu_alias_id="a" * 32, rich_menu_id="r"), "32 chars"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_limits_themselves_are_accepted(build: Callable[[], object], ok: str) -> None:
    assert build() is not None, ok


# -- behaviour ----------------------------------------------------------------------------------


def test_lists_become_tuples_and_values_compare_by_value() -> None:
    first = TextSendMessage(text="t", quick_reply=QuickReply(items=[BUTTON, BUTTON]))
    second = TextSendMessage(text="t", quick_reply=QuickReply(items=(BUTTON, BUTTON)))
    assert first.quick_reply is not None
    assert type(first.quick_reply.items) is tuple
    assert first == second
    assert hash(first) == hash(second)
    assert first != TextSendMessage(text="t", quick_reply=QuickReply(items=[BUTTON]))


def test_models_are_frozen() -> None:
    message = TextSendMessage(text="t")
    with pytest.raises(dataclasses.FrozenInstanceError):
        message.text = "other"


def test_type_is_a_class_constant_not_an_argument() -> None:
    assert TextSendMessage(text="t").type == "text"
    assert ImageCarouselTemplate.type == "image_carousel"
    assert LinearGradientBackground.type == "linearGradient"
    with pytest.raises(TypeError):
        TextSendMessage(type="image", text="t")


def test_text_v2_substitution_is_read_only_hashable_and_keys_are_kept() -> None:
    given = {"user_name_1": MentionSubstitutionObject(mentionee=AllMentionTarget()),
             "emoji_a": EmojiSubstitutionObject(product_id="p", emoji_id="e")}
    message = TextV2SendMessage(text="{user_name_1}{emoji_a}", substitution=given)
    given.clear()  # the message took a copy
    view = types.MappingProxyType({"k": EmojiSubstitutionObject(product_id="p", emoji_id="e")})
    assert TextV2SendMessage(text="{k}", substitution=view).substitution is not view
    assert message.substitution is not None
    assert set(message.substitution) == {"user_name_1", "emoji_a"}
    with pytest.raises(TypeError):
        message.substitution["x"] = AllMentionTarget()
    reordered = TextV2SendMessage(text="{user_name_1}{emoji_a}", substitution={
        "emoji_a": EmojiSubstitutionObject(product_id="p", emoji_id="e"),
        "user_name_1": MentionSubstitutionObject(mentionee=AllMentionTarget())})
    assert message == reordered
    assert hash(message) == hash(reordered)
    assert list(codec.unstructure(message)["substitution"]) == ["user_name_1", "emoji_a"]


def test_and_or_not_build_the_operator_of_their_operands_family() -> None:
    audience = AudienceRecipient(audience_group_id=1)
    age = AgeFilter(gte="age_30")
    assert And(audience, audience) == OperatorRecipient(and_=(audience, audience))
    assert Or(age) == OperatorDemographicFilter(or_=(age,))
    assert Not(audience) == OperatorRecipient(not_=audience)
    assert Not(age) == OperatorDemographicFilter(not_=age)
    nested = And(Not(age), Or(age, age))
    assert isinstance(nested, OperatorDemographicFilter)
    assert isinstance(And(Not(audience), audience), OperatorRecipient)


def test_emojis_of_a_text_message_are_the_shared_model() -> None:
    message = codec.structure({"type": "text", "text": "$",
                               "emojis": [{"index": 0, "productId": "p", "emojiId": "e"}]},
                              SendMessage)
    assert message == TextSendMessage(text="$", emojis=[Emojis(index=0, product_id="p",
                                                               emoji_id="e")])


@pytest.mark.parametrize(
    "value", [SEED_CAROUSEL, ALL_BUBBLE, dict(c[:2] for c in CASES)["text v2"]],
    ids=["carousel", "bubble", "text v2"])
def test_models_pickle_and_copy(value: Any) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert copy.copy(value) == value
    assert dataclasses.replace(value) == value
