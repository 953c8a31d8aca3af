"""Checks of message objects to send, their quick reply and sender, templates and imagemaps.

https://developers.line.biz/en/reference/messaging-api/#message-objects
Flex containers are checked by :mod:`linebot_fp.validation.flex`. This module
performs no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from linebot_fp.validation import actions, facts
from linebot_fp.validation.flex import check_container
from linebot_fp.validation.geometry import check_rectangle
from linebot_fp.validation.problems import Path, Report, kind_of
from linebot_fp.validation.text import LINK_SCHEMES, check_color, check_text, check_url

__all__ = ["MESSAGE_TYPES", "check_message", "check_messages", "check_quick_reply"]

#: every message type LINE documents (#message-objects)
MESSAGE_TYPES = ("text", "textV2", "sticker", "image", "video", "audio", "location", "imagemap",
                 "template", "flex", "coupon")
TEMPLATE_TYPES = ("buttons", "confirm", "carousel", "image_carousel")
IMAGEMAP_ACTION_TYPES = ("uri", "message", "clipboard")
_ASPECT = ("rectangle", "square")
_IMAGE_SIZE = ("cover", "contain")
#: #video-message: trackingId takes "half-width alphanumeric characters (a-z, A-Z, 0-9) and
#: symbols (-.=,+*()%$&;:@{}!?<>[])"
_TRACKING_ID = re.compile(r"[a-zA-Z0-9\-.=,+*()%$&;:@{}!?<>\[\]]+")


def check_messages(report: Report, messages: Any, path: Path) -> None:
    """Check the ``messages`` of a request: 1 to 5 message objects."""
    if not isinstance(messages, (list, tuple)):
        report.add(path, f"messages must be an array, got {kind_of(messages)}")
        return
    report.count(messages, path, "messages", low=1, high=facts.MESSAGES)
    for index, message in enumerate(messages):
        check_message(report, message, (*path, index))


def check_message(report: Report, message: Any, path: Path) -> None:
    """Check one message object found at ``path``."""
    if not isinstance(message, Mapping):
        from linebot_fp.models._counterparts import received_model_note

        note = received_model_note(message)
        report.add(path, f"a message must be an object, got {kind_of(message)}"
                   + (f", {note}" if note else ""))
        return
    kind = report.string(message, "type", path, required=True)
    if kind is None:
        return
    check = _CHECKS.get(kind)
    if check is None:
        report.add((*path, "type"), f"unknown message type {kind!r}; LINE takes one of "
                                    + ", ".join(MESSAGE_TYPES))
        return
    check(report, message, path)
    quick_reply = report.obj(message, "quickReply", path)
    if quick_reply is not None:
        check_quick_reply(report, quick_reply, (*path, "quickReply"))
    sender = report.obj(message, "sender", path)
    if sender is not None:
        _sender(report, sender, (*path, "sender"))


def check_quick_reply(report: Report, quick_reply: Mapping[str, Any], path: Path) -> None:
    """#quick-reply: at most 13 buttons, each an action with a label and maybe an icon."""
    for where, item in report.objects(quick_reply, "items", path, "a quick reply item",
                                      high=facts.QUICK_REPLY_ITEMS, required=True):
        kind = report.string(item, "type", where, required=True)
        if kind is not None and kind != "action":
            report.add((*where, "type"), f"a quick reply item's type must be 'action', "
                                         f"got {kind!r}")
        check_url(report, item, "imageUrl", where, facts.URL)  # #items-object: HTTPS, 2000
        action = report.obj(item, "action", where, required=True)
        if action is not None:
            actions.check_action(report, action, (*where, "action"), actions.QUICK_REPLY)


def _sender(report: Report, sender: Mapping[str, Any], path: Path) -> None:
    """#icon-nickname-switch: a name of at most 20 characters and an HTTPS icon."""
    check_text(report, sender, "name", path, facts.SENDER_NAME)
    check_url(report, sender, "iconUrl", path, facts.URL)


# -- one check per message type ------------------------------------------------------------


def _text(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#text-message: at most 5,000 UTF-16 units; each of at most 20 emoji on a ``$``."""
    text = check_text(report, message, "text", path, facts.TEXT, required=True, nonempty=True)
    units = text.encode("utf-16-le", "surrogatepass") if text is not None else None
    for where, emoji in report.objects(message, "emojis", path, "an emoji", high=facts.EMOJIS):
        report.string(emoji, "productId", where, required=True, nonempty=True)
        report.string(emoji, "emojiId", where, required=True, nonempty=True)
        position = report.integer(emoji, "index", where, required=True)
        if position is not None and units is not None and (
                position < 0 or units[2 * position:2 * position + 2] != b"$\x00"):
            report.add((*where, "index"), f"index {position} is not the position of a $ in text "
                                          "(counted in UTF-16 code units)")


def _text_v2(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#text-message-v2: at most 5,000 UTF-16 units; ``{key}`` replaced by mentions or emoji."""
    check_text(report, message, "text", path, facts.TEXT, required=True, nonempty=True)
    substitution = report.obj(message, "substitution", path)
    for key, value in (substitution or {}).items():
        where = (*path, "substitution", key)
        if not isinstance(value, Mapping):
            report.add(where, f"a substitution must be an object, got {kind_of(value)}")
            continue
        kind = report.string(value, "type", where, required=True)
        if kind == "mention":
            mentionee = report.obj(value, "mentionee", where, required=True)
            if mentionee is not None:
                target = report.string(mentionee, "type", (*where, "mentionee"), required=True)
                if target == "user":
                    report.string(mentionee, "userId", (*where, "mentionee"), required=True,
                                  nonempty=True)
                elif target is not None and target != "all":
                    report.add((*where, "mentionee", "type"), "a mentionee's type must be user "
                                                              f"or all, got {target!r}")
        elif kind == "emoji":
            report.string(value, "productId", where, required=True, nonempty=True)
            report.string(value, "emojiId", where, required=True, nonempty=True)
        elif kind is not None:
            report.add((*where, "type"), f"a substitution's type must be mention or emoji, "
                                         f"got {kind!r}")


def _sticker(report: Report, message: Mapping[str, Any], path: Path) -> None:
    report.string(message, "packageId", path, required=True, nonempty=True)
    report.string(message, "stickerId", path, required=True, nonempty=True)


def _image(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#image-message: two HTTPS URLs of at most 2,000 characters."""
    check_url(report, message, "originalContentUrl", path, facts.URL, required=True)
    check_url(report, message, "previewImageUrl", path, facts.URL, required=True)


def _video(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#video-message: two HTTPS URLs; a tracking id of at most 100 allowed characters."""
    _image(report, message, path)
    tracking = check_text(report, message, "trackingId", path, facts.TRACKING_ID)
    if tracking and not _TRACKING_ID.fullmatch(tracking):
        report.add((*path, "trackingId"), "trackingId takes only a-z, A-Z, 0-9 and "
                                          "-.=,+*()%$&;:@{}!?<>[]")


def _audio(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#audio-message: an HTTPS URL and the length in milliseconds."""
    check_url(report, message, "originalContentUrl", path, facts.URL, required=True)
    duration = report.integer(message, "duration", path, required=True)
    if duration is not None and duration <= 0:
        report.add((*path, "duration"), f"duration is the audio's length in milliseconds, "
                                        f"got {duration}")


def _location(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#location-message: title and address of at most 100 characters, coordinates."""
    check_text(report, message, "title", path, facts.LOCATION_TEXT, required=True, nonempty=True)
    check_text(report, message, "address", path, facts.LOCATION_TEXT, required=True,
               nonempty=True)
    for key, bound in (("latitude", 90), ("longitude", 180)):  # degrees on the globe
        value = report.number(message, key, path, required=True)
        if value is not None and not -bound <= value <= bound:
            report.add((*path, key), f"{key} must be between -{bound} and {bound}, got {value}")


def _coupon(report: Report, message: Mapping[str, Any], path: Path) -> None:
    report.string(message, "couponId", path, required=True, nonempty=True)
    check_text(report, message, "deliveryTag", path, facts.COUPON_DELIVERY_TAG)


def _flex(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#flex-message: alt text of at most 1,500 characters and a container."""
    check_text(report, message, "altText", path, facts.ALT_TEXT, required=True, nonempty=True)
    contents = report.obj(message, "contents", path, required=True)
    if contents is not None:
        check_container(report, contents, (*path, "contents"))


def _template(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#template-messages: alt text of at most 1,500 characters and a template."""
    check_text(report, message, "altText", path, facts.ALT_TEXT, required=True, nonempty=True)
    template = report.obj(message, "template", path, required=True)
    if template is None:
        return
    where = (*path, "template")
    kind = report.string(template, "type", where, required=True)
    if kind == "buttons":
        _buttons(report, template, where)
    elif kind == "confirm":
        _confirm(report, template, where)
    elif kind == "carousel":
        _carousel(report, template, where)
    elif kind == "image_carousel":
        _image_carousel(report, template, where)
    elif kind is not None:
        report.add((*where, "type"), f"unknown template type {kind!r}; LINE takes one of "
                                     + ", ".join(TEMPLATE_TYPES))


def _template_actions(report: Report, template: Mapping[str, Any], path: Path, low: int,
                      high: int) -> int:
    """The actions of a template or column (``low`` to ``high``); returns how many."""
    found = report.objects(template, "actions", path, "an action", low=low, high=high,
                           required=True)
    for where, action in found:
        actions.check_action(report, action, where, actions.TEMPLATE)
    default = report.obj(template, "defaultAction", path)
    if default is not None:
        actions.check_action(report, default, (*path, "defaultAction"), actions.DEFAULT_ACTION)
    return len(found)


def _card(report: Report, card: Mapping[str, Any], path: Path, plain: int,
          decorated: int) -> None:
    """The image, title and text of a buttons template or carousel column: the text may be
    ``plain`` characters long, ``decorated`` with an image or a title."""
    check_url(report, card, "thumbnailImageUrl", path, facts.URL)
    check_color(report, card, "imageBackgroundColor", path)
    check_text(report, card, "title", path, facts.TEMPLATE_TITLE_GRAPHEMES,
               grapheme_clusters=True)
    limit = decorated if "thumbnailImageUrl" in card or "title" in card else plain
    check_text(report, card, "text", path, limit, required=True, nonempty=True,
               grapheme_clusters=True)


def _image_options(report: Report, template: Mapping[str, Any], path: Path) -> None:
    for key, allowed in (("imageAspectRatio", _ASPECT), ("imageSize", _IMAGE_SIZE)):
        value = report.string(template, key, path)
        if value is not None and value not in allowed:
            report.add((*path, key), f"{key} must be one of {', '.join(allowed)}, got {value!r}")


def _buttons(report: Report, template: Mapping[str, Any], path: Path) -> None:
    """#buttons: title 40, text 160 (60 with an image or title), 1 to 4 actions."""
    _image_options(report, template, path)
    _card(report, template, path, facts.BUTTONS_TEXT_GRAPHEMES,
          facts.BUTTONS_TEXT_WITH_IMAGE_GRAPHEMES)
    _template_actions(report, template, path, 1, facts.BUTTONS_ACTIONS)


def _confirm(report: Report, template: Mapping[str, Any], path: Path) -> None:
    """#confirm: text 240, exactly 2 actions."""
    check_text(report, template, "text", path, facts.CONFIRM_TEXT_GRAPHEMES, required=True,
               nonempty=True, grapheme_clusters=True)
    _template_actions(report, template, path, facts.CONFIRM_ACTIONS, facts.CONFIRM_ACTIONS)


def _carousel(report: Report, template: Mapping[str, Any], path: Path) -> None:
    """#carousel: 1 to 10 columns with the same number of actions (and all with an image
    and a title, or none)."""
    _image_options(report, template, path)
    columns = report.objects(template, "columns", path, "a column", low=1,
                             high=facts.CAROUSEL_COLUMNS, required=True)
    counts: list[tuple[Path, int]] = []
    for where, column in columns:
        _card(report, column, where, facts.CAROUSEL_TEXT_GRAPHEMES,
              facts.CAROUSEL_TEXT_WITH_IMAGE_GRAPHEMES)
        count = _template_actions(report, column, where, 1, facts.CAROUSEL_COLUMN_ACTIONS)
        if "actions" in column:  # a missing one is reported as such, not compared
            counts.append((where, count))
    if counts:
        first_where, first = counts[0]
        for where, count in counts[1:]:
            if count != first:
                report.add((*where, "actions"), "every column must have the same number of "
                                                f"actions: {count} here, {first} in "
                                                f"columns[{first_where[-1]}]")
    for key in ("thumbnailImageUrl", "title"):
        having = [key in column for _, column in columns]
        if any(having) and not all(having):
            where = columns[having.index(False)][0]
            report.add((*where, key), f"{key} is set in some columns but not this one: set it "
                                      "in all or none")


def _image_carousel(report: Report, template: Mapping[str, Any], path: Path) -> None:
    """#image-carousel: 1 to 10 columns, each an HTTPS image and an action (label 12)."""
    for where, column in report.objects(template, "columns", path, "a column", low=1,
                                        high=facts.CAROUSEL_COLUMNS, required=True):
        check_url(report, column, "imageUrl", where, facts.URL, required=True)
        action = report.obj(column, "action", where, required=True)
        if action is not None:
            actions.check_action(report, action, (*where, "action"), actions.IMAGE_CAROUSEL)


# -- imagemap (#imagemap-message) ---------------------------------------------------------------


def _imagemap(report: Report, message: Mapping[str, Any], path: Path) -> None:
    """#imagemap-message: an HTTPS base URL, a 1040 wide base size, up to 50 actions whose
    areas (and the video's) lie inside the image."""
    check_url(report, message, "baseUrl", path, facts.URL, required=True)
    check_text(report, message, "altText", path, facts.ALT_TEXT, required=True, nonempty=True)
    size = report.obj(message, "baseSize", path, required=True)
    bounds = None
    if size is not None:
        width = report.integer(size, "width", (*path, "baseSize"), required=True)
        height = report.integer(size, "height", (*path, "baseSize"), required=True)
        if width is not None and width != facts.IMAGEMAP_WIDTH:
            report.add((*path, "baseSize", "width"), f"an imagemap's base width must be "
                                                     f"{facts.IMAGEMAP_WIDTH}, got {width}")
        if height is not None and height <= 0:
            report.add((*path, "baseSize", "height"), f"height must be positive, got {height}")
        elif width is not None and height is not None:
            bounds = (width, height)
    for where, action in report.objects(message, "actions", path, "an imagemap action",
                                        high=facts.IMAGEMAP_ACTIONS, required=True):
        _imagemap_action(report, action, where, bounds)
    video = report.obj(message, "video", path)
    if video is not None:
        where = (*path, "video")
        check_url(report, video, "originalContentUrl", where, facts.URL, required=True)
        check_url(report, video, "previewImageUrl", where, facts.URL, required=True)
        _area(report, video, where, bounds)
        link = report.obj(video, "externalLink", where)
        if link is not None:
            check_url(report, link, "linkUri", (*where, "externalLink"), facts.URI,
                      schemes=LINK_SCHEMES, required=True)
            check_text(report, link, "label", (*where, "externalLink"),
                       facts.EXTERNAL_LINK_LABEL, required=True, nonempty=True)


def _imagemap_action(report: Report, action: Mapping[str, Any], path: Path,
                     bounds: tuple[int, int] | None) -> None:
    kind = report.string(action, "type", path, required=True)
    if kind == "uri":
        check_url(report, action, "linkUri", path, facts.URI, schemes=LINK_SCHEMES,
                  required=True)
    elif kind == "message":
        check_text(report, action, "text", path, facts.IMAGEMAP_TEXT, required=True,
                   nonempty=True)
    elif kind == "clipboard":
        check_text(report, action, "clipboardText", path, facts.CLIPBOARD_TEXT, required=True,
                   nonempty=True)
    elif kind is not None:
        report.add((*path, "type"), f"unknown imagemap action type {kind!r}; LINE takes one of "
                                    + ", ".join(IMAGEMAP_ACTION_TYPES))
    check_text(report, action, "label", path, facts.IMAGEMAP_LABEL)
    _area(report, action, path, bounds)


def _area(report: Report, owner: Mapping[str, Any], path: Path,
          bounds: tuple[int, int] | None) -> None:
    area = report.obj(owner, "area", path, required=True)
    if area is not None:
        check_rectangle(report, area, (*path, "area"), bounds, "base image")


_CHECKS = {
    "text": _text,
    "textV2": _text_v2,
    "sticker": _sticker,
    "image": _image,
    "video": _video,
    "audio": _audio,
    "location": _location,
    "imagemap": _imagemap,
    "template": _template,
    "flex": _flex,
    "coupon": _coupon,
}
assert tuple(_CHECKS) == MESSAGE_TYPES
