"""LINE's documented limits on what a bot sends, each with the page that states it.

The checks of :mod:`linebot_fp.validation` read their numbers from here and nowhere
else. Lengths count UTF-16 code units unless a name says ``GRAPHEMES``: LINE counts
action labels and texts, template texts and titles and a rich menu's name and chat
bar text in grapheme clusters
(https://developers.line.biz/en/docs/messaging-api/text-character-count/).
This module performs no I/O.
"""

from __future__ import annotations

__all__ = [
    "ACTION_DATA",
    "ACTION_TEXT_GRAPHEMES",
    "ALIAS_ID",
    "ALT_TEXT",
    "ALT_URI",
    "ASPECT_RATIO_PART",
    "BUBBLE_BYTES",
    "BUTTONS_ACTIONS",
    "BUTTONS_TEXT_GRAPHEMES",
    "BUTTONS_TEXT_WITH_IMAGE_GRAPHEMES",
    "CAROUSEL_BUBBLES",
    "CAROUSEL_BYTES",
    "CAROUSEL_COLUMNS",
    "CAROUSEL_COLUMN_ACTIONS",
    "CAROUSEL_TEXT_GRAPHEMES",
    "CAROUSEL_TEXT_WITH_IMAGE_GRAPHEMES",
    "CHAT_BAR_TEXT_GRAPHEMES",
    "CLIPBOARD_TEXT",
    "CONFIRM_ACTIONS",
    "CONFIRM_TEXT_GRAPHEMES",
    "COUPON_DELIVERY_TAG",
    "DATETIME_LATEST",
    "DATETIME_EARLIEST",
    "EMOJIS",
    "EXTERNAL_LINK_LABEL",
    "FLEX_LABEL_GRAPHEMES",
    "IMAGEMAP_ACTIONS",
    "IMAGEMAP_LABEL",
    "IMAGEMAP_TEXT",
    "IMAGEMAP_WIDTH",
    "IMAGE_CAROUSEL_LABEL_GRAPHEMES",
    "IMAGE_HEIGHT_PER_WIDTH",
    "LABEL_GRAPHEMES",
    "LOCATION_TEXT",
    "MESSAGES",
    "QUICK_REPLY_ITEMS",
    "RICH_MENU_AREAS",
    "RICH_MENU_IMAGE_BYTES",
    "RICH_MENU_MIN_HEIGHT",
    "RICH_MENU_MIN_RATIO",
    "RICH_MENU_NAME_GRAPHEMES",
    "RICH_MENU_WIDTH",
    "SENDER_NAME",
    "TEMPLATE_TITLE_GRAPHEMES",
    "TEXT",
    "TRACKING_ID",
    "URI",
    "URL",
]

# -- a request ---------------------------------------------------------------------------------
#: messages in one reply, push, multicast, narrowcast or broadcast
#: (https://developers.line.biz/en/reference/messaging-api/#send-push-message, "Max: 5")
MESSAGES = 5

# -- message objects (https://developers.line.biz/en/reference/messaging-api/#message-objects)
#: a text message's ``text`` (#text-message, #text-message-v2: "Max character limit: 5000");
#: LINE counts a LINE emoji's ``$`` as the emoji's alternative text, which it does not
#: disclose, so a text with LINE emoji may be refused a little below this
TEXT = 5000
#: LINE emoji in one text message (#text-message: ``emojis``, "Max: 20 LINE emojis")
EMOJIS = 20
#: every image, video, audio and icon URL of a message (#image-message, #video-message,
#: #audio-message, #imagemap-message, #buttons, #carousel, #image-carousel, #items-object,
#: #icon-nickname-switch, #f-image, #f-video, #icon: "Max character limit: 2000", HTTPS)
URL = 2000
#: a video message's ``trackingId`` (#video-message: "Max character limit: 100")
TRACKING_ID = 100
#: a location message's ``title`` and ``address`` (#location-message: "Max character limit: 100")
LOCATION_TEXT = 100
#: a coupon message's ``deliveryTag`` (#coupon-message; the spec's ``maxLength: 30``)
COUPON_DELIVERY_TAG = 30
#: ``altText`` of imagemap, template and flex messages (#imagemap-message,
#: #template-messages, #flex-message: "Max character limit: 1500")
ALT_TEXT = 1500
#: ``sender.name`` (#icon-nickname-switch: "Max character limit: 20")
SENDER_NAME = 20

# -- quick reply (https://developers.line.biz/en/reference/messaging-api/#quick-reply)
#: buttons under one message (#quick-reply: ``items``, "Max: 13 quick reply button objects")
QUICK_REPLY_ITEMS = 13

# -- actions (https://developers.line.biz/en/reference/messaging-api/#action-objects)
#: an action's ``label`` in templates, quick reply buttons and rich menus (#postback-action,
#: #message-action, #uri-action, ...: "Max character limit: 20")
LABEL_GRAPHEMES = 20
#: an action's ``label`` in an image carousel column (#postback-action: "Max character limit: 12")
IMAGE_CAROUSEL_LABEL_GRAPHEMES = 12
#: an action's ``label`` in a flex message (#postback-action: "Max character limit: 40")
FLEX_LABEL_GRAPHEMES = 40
#: ``data`` of postback, datetime picker and rich menu switch actions (#postback-action,
#: #datetime-picker-action, #richmenu-switch-action: "Max character limit: 300")
ACTION_DATA = 300
#: ``displayText``, ``text`` and ``fillInText`` of a postback action, ``text`` of a message
#: action (#postback-action, #message-action: "Max character limit: 300")
ACTION_TEXT_GRAPHEMES = 300
#: a URI action's ``uri`` (#uri-action: "Max character limit: 1000"; schemes http, https,
#: line, tel)
URI = 1000
#: a URI action's ``altUri.desktop`` (#uri-action: "Max character limit: 1000")
ALT_URI = 1000
#: a clipboard action's ``clipboardText`` (#clipboard-action: "Max character limit: 1000")
CLIPBOARD_TEXT = 1000
#: a rich menu switch action's ``richMenuAliasId`` (#richmenu-switch-action: "Max character
#: limit: 32")
ALIAS_ID = 32
#: the earliest and latest values of a datetime picker (#datetime-picker-action: "Max:
#: 2100-12-31T23:59", "Min: 1900-01-01T00:00")
DATETIME_EARLIEST = "1900-01-01T00:00"
DATETIME_LATEST = "2100-12-31T23:59"

# -- templates (https://developers.line.biz/en/reference/messaging-api/#template-messages)
#: a buttons or carousel template's ``title`` (#buttons, #carousel: "Max character limit: 40")
TEMPLATE_TITLE_GRAPHEMES = 40
#: a buttons template's ``text`` (#buttons: "Max character limit: 160 (no image or title)",
#: "Max character limit: 60 (message with an image or title)")
BUTTONS_TEXT_GRAPHEMES = 160
BUTTONS_TEXT_WITH_IMAGE_GRAPHEMES = 60
#: a buttons template's ``actions`` (#buttons: "Max: 4")
BUTTONS_ACTIONS = 4
#: a confirm template's ``text`` (#confirm: "Max character limit: 240"); exactly 2 actions
CONFIRM_TEXT_GRAPHEMES = 240
CONFIRM_ACTIONS = 2
#: a carousel template's ``columns`` (#carousel: "Max columns: 10"), the same for an image
#: carousel (#image-carousel: "Max columns: 10")
CAROUSEL_COLUMNS = 10
#: a carousel column's ``actions`` (#column-object: "Max actions: 3")
CAROUSEL_COLUMN_ACTIONS = 3
#: a carousel column's ``text`` (#column-object: "Max character limit: 120 (no image or
#: title)", "Max character limit: 60 (message with an image or title)")
CAROUSEL_TEXT_GRAPHEMES = 120
CAROUSEL_TEXT_WITH_IMAGE_GRAPHEMES = 60

# -- imagemap (https://developers.line.biz/en/reference/messaging-api/#imagemap-message)
#: the base image's width (#imagemap-message: ``baseSize.width``, "Set to 1040")
IMAGEMAP_WIDTH = 1040
#: actions of one imagemap (#imagemap-message: ``actions``, "Max: 50")
IMAGEMAP_ACTIONS = 50
#: an imagemap message action's ``text`` (#imagemap-message-action-object: "Max character
#: limit: 400")
IMAGEMAP_TEXT = 400
#: an imagemap action's ``label`` (#imagemap-action-objects: "Max character limit: 100")
IMAGEMAP_LABEL = 100
#: the label of the link shown after an imagemap video (#imagemap-message:
#: ``video.externalLink.label``, "Max character limit: 30")
EXTERNAL_LINK_LABEL = 30

# -- flex (https://developers.line.biz/en/reference/messaging-api/#flex-message)
#: bubbles in a carousel (#f-carousel: "Max bubbles: 12")
CAROUSEL_BUBBLES = 12
#: the JSON of one bubble (#bubble: "The maximum size of JSON data that defines a bubble is
#: 30 KB") and of one carousel (#f-carousel: "... defines a carousel is 50 KB"), counted as
#: the compact UTF-8 JSON sent, a KB as 1024 bytes
BUBBLE_BYTES = 30 * 1024
CAROUSEL_BYTES = 50 * 1024
#: an image's or video's ``aspectRatio`` ``{width}:{height}``: each from 1 to 100000
#: (#f-image, #f-video)
ASPECT_RATIO_PART = 100_000
#: an image's height is at most three times its width (#f-image: "you can't set height to a
#: value that is more than three times the value of width")
IMAGE_HEIGHT_PER_WIDTH = 3

# -- rich menus (https://developers.line.biz/en/reference/messaging-api/#rich-menu-object)
#: tappable areas of one rich menu (#rich-menu-object: ``areas``, "Max: 20 area objects")
RICH_MENU_AREAS = 20
#: a rich menu's ``name`` (#rich-menu-object: "Max character limit: 300")
RICH_MENU_NAME_GRAPHEMES = 300
#: a rich menu's ``chatBarText`` (#rich-menu-object: "Max character limit: 14")
CHAT_BAR_TEXT_GRAPHEMES = 14
#: a rich menu's width, and its image's (#size-object, #upload-rich-menu-image-requirements:
#: "Image width size (pixels): 800 or more, and 2500 or less")
RICH_MENU_WIDTH = (800, 2500)
#: a rich menu's least height (#size-object, #upload-rich-menu-image-requirements: "Image
#: height size (pixels): 250 or more")
RICH_MENU_MIN_HEIGHT = 250
#: a rich menu's least width / height (#upload-rich-menu-image-requirements: "Image aspect
#: ratio (width / height): 1.45 or more")
RICH_MENU_MIN_RATIO = 1.45
#: the image's bytes (#upload-rich-menu-image-requirements: "Max file size: 1 MB"; JPEG or
#: PNG), a MB as 1024 * 1024 bytes
RICH_MENU_IMAGE_BYTES = 1024 * 1024
