"""Checks of flex containers and components: their schema, placement and LINE's limits.

https://developers.line.biz/en/reference/messaging-api/#flex-message
https://developers.line.biz/en/docs/messaging-api/flex-message-elements/
https://developers.line.biz/en/docs/messaging-api/flex-message-layout/

:data:`FIELDS` is the schema LINE documents for each container and component: its
properties, the JSON type or closed set of values each takes, and which are
required. Besides the schema, a bubble's blocks take only some components (a
baseline box holds only icons, texts and fillers; a video is only a bubble's hero),
sizes and lengths take LINE's keywords or pixel / percent values, colors are
``#RRGGBB[AA]``, and a bubble's JSON is at most 30 KB (a carousel's 50 KB).
``strict`` checking (a Flex Message Simulator paste, :func:`~linebot_fp.validation.read_flex`)
also reports properties the schema does not know. This module performs no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from linebot_fp.validation import actions, facts
from linebot_fp.validation.problems import Path, Report, kind_of
from linebot_fp.validation.text import check_color, check_url

__all__ = ["COMPONENT_TYPES", "CONTAINER_TYPES", "FIELDS", "MAX_DEPTH", "REQUIRED",
           "check_component", "check_container", "json_bytes"]

# -- the schema (#bubble, #f-carousel, #box, #button, #f-image, #f-video, #icon, #f-text, #span,
# #separator, #filler, #bubble-style, #block-style, #box-background) --------------------------

#: a value kind (``"string"``, ``"integer"``, ...), or the closed set of values it takes
Kind = str | tuple[str, ...]

_POSITION = ("relative", "absolute")
_GRAVITY = ("top", "bottom", "center")
_ALIGN = ("start", "end", "center")
_WEIGHT = ("regular", "bold")
_STYLE = ("normal", "italic")
_DECORATION = ("none", "underline", "line-through")
_ADJUST = ("shrink-to-fit",)
_OFFSETS: dict[str, Kind] = {"offsetTop": "offset", "offsetBottom": "offset",
                             "offsetStart": "offset", "offsetEnd": "offset"}
_PLACED: dict[str, Kind] = {"margin": "margin", "position": _POSITION, **_OFFSETS}

#: the properties of each container and component type, and what each takes
FIELDS: Mapping[str, Mapping[str, Kind]] = {
    "bubble": {"size": ("nano", "micro", "deca", "hecto", "kilo", "mega", "giga"),
               "direction": ("ltr", "rtl"), "header": "block", "hero": "hero", "body": "block",
               "footer": "block", "styles": "styles", "action": "action"},
    "carousel": {"contents": "bubbles"},
    "box": {"layout": ("horizontal", "vertical", "baseline"), "contents": "components",
            "flex": "integer", "spacing": "margin", **_PLACED, "backgroundColor": "color",
            "borderColor": "color", "borderWidth": "border", "cornerRadius": "radius",
            "width": "length", "maxWidth": "length", "height": "length", "maxHeight": "length",
            "paddingAll": "padding", "paddingTop": "padding", "paddingBottom": "padding",
            "paddingStart": "padding", "paddingEnd": "padding", "action": "action",
            "justifyContent": ("center", "flex-start", "flex-end", "space-between",
                               "space-around", "space-evenly"),
            "alignItems": ("center", "flex-start", "flex-end"), "background": "background"},
    "button": {"action": "button action", "flex": "integer", "color": "color",
               "style": ("primary", "secondary", "link"), "gravity": _GRAVITY, **_PLACED,
               "height": ("md", "sm"), "adjustMode": _ADJUST, "scaling": "boolean"},
    "filler": {"flex": "integer"},
    "icon": {"url": "url", "size": "text size", "aspectRatio": "ratio", **_PLACED,
             "scaling": "boolean"},
    "image": {"url": "url", "flex": "integer", **_PLACED, "align": _ALIGN, "gravity": _GRAVITY,
              "size": "image size", "aspectRatio": "ratio", "aspectMode": ("fit", "cover"),
              "backgroundColor": "color", "action": "action", "animated": "boolean"},
    "separator": {"margin": "margin", "color": "color"},
    "span": {"text": "string", "size": "text size", "color": "color", "weight": _WEIGHT,
             "style": _STYLE, "decoration": _DECORATION},
    "text": {"text": "string", "contents": "spans", "flex": "integer", "size": "text size",
             "align": _ALIGN, "gravity": _GRAVITY, "color": "color", "weight": _WEIGHT,
             "style": _STYLE, "decoration": _DECORATION, "wrap": "boolean",
             "lineSpacing": "pixels", **_PLACED, "action": "action", "maxLines": "integer",
             "adjustMode": _ADJUST, "scaling": "boolean"},
    "video": {"url": "url", "previewUrl": "url", "altContent": "alt content",
              "aspectRatio": "ratio", "action": "action"},
    # objects without a type of their own
    "styles": {"header": "block style", "hero": "block style", "body": "block style",
               "footer": "block style"},
    "block style": {"backgroundColor": "color", "separator": "boolean",
                    "separatorColor": "color"},
    "linearGradient": {"angle": "angle", "startColor": "color", "endColor": "color",
                       "centerColor": "color", "centerPosition": "percent"},
}

#: the properties LINE requires of each type (a text needs ``text`` or span ``contents``)
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "carousel": ("contents",),
    "box": ("layout", "contents"),
    "button": ("action",),
    "icon": ("url",),
    "image": ("url",),
    "span": ("text",),
    "video": ("url", "previewUrl", "altContent"),
    "linearGradient": ("angle", "startColor", "endColor"),
}

CONTAINER_TYPES = ("bubble", "carousel")
COMPONENT_TYPES = ("box", "button", "image", "video", "icon", "text", "span", "separator",
                   "filler")
_BACKGROUND_TYPES = ("linearGradient",)

#: what a box of each layout may hold (flex-message-layout: "Available child components")
_CHILDREN = {
    "baseline": ("icon", "text", "filler"),
    "horizontal": ("box", "button", "image", "text", "separator", "filler"),
    "vertical": ("box", "button", "image", "text", "separator", "filler"),
}
#: properties a baseline box's children can't use (flex-message-layout: "Unavailable
#: properties": gravity, offsetBottom)
_NOT_IN_BASELINE = ("gravity", "offsetBottom")
#: the bubble sizes a video hero needs (#f-video: "kilo, mega or giga")
_VIDEO_BUBBLES = ("kilo", "mega", "giga")

# -- value forms (flex-message-layout: sizes, margins, spacing, paddings, offsets) -----------
_KEYWORDS = ("none", "xs", "sm", "md", "lg", "xl", "xxl")
_TEXT_SIZES = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl", "3xl", "4xl", "5xl")
_PX = r"-?\d+(?:\.\d+)?px"
_PCT = r"-?\d+(?:\.\d+)?%"
_FORMS: Mapping[str, tuple[re.Pattern[str], str]] = {
    "margin": (re.compile(rf"{_PX}|{'|'.join(_KEYWORDS)}"), "a keyword (none, xs ... xxl) or px"),
    "padding": (re.compile(rf"{_PX}|{_PCT}|{'|'.join(_KEYWORDS)}"),
                "a keyword (none, xs ... xxl), px or %"),
    "offset": (re.compile(rf"{_PX}|{_PCT}|{'|'.join(_KEYWORDS)}"),
               "a keyword (none, xs ... xxl), px or %"),
    "length": (re.compile(rf"{_PX}|{_PCT}"), "px or %"),
    "radius": (re.compile(rf"{_PX}|{'|'.join(_KEYWORDS)}"), "a keyword (none, xs ... xxl) or px"),
    "border": (re.compile(rf"{_PX}|none|light|normal|medium|semi-bold|bold"),
               "px or one of none, light, normal, medium, semi-bold, bold"),
    "text size": (re.compile(rf"{_PX}|{'|'.join(_TEXT_SIZES)}"), "a keyword (xxs ... 5xl) or px"),
    "image size": (re.compile(rf"{_PX}|{_PCT}|full|{'|'.join(_TEXT_SIZES)}"),
                   "a keyword (xxs ... 5xl, full), px or %"),
    "pixels": (re.compile(_PX), "px"),
    "angle": (re.compile(r"-?\d+(?:\.\d+)?deg"), "degrees like 90deg"),
    "percent": (re.compile(_PCT), "a percentage like 50%"),
}
_RATIO = re.compile(r"(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)")

#: a box nested deeper than this cannot fit a 30 KB bubble: each level costs at least the
#: bytes of {"type":"box","layout":"vertical","contents":[]}
MAX_DEPTH = facts.BUBBLE_BYTES // len('{"type":"box","layout":"vertical","contents":[]}')


def json_bytes(value: Any) -> int:
    """The size of ``value`` as the compact UTF-8 JSON that is sent.

    Measured without recursion, so a value nested deeper than ``json.dumps`` can go is
    measured too.
    """
    total, stack = 0, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            total += 1 + max(2 * len(item), 1)  # braces, and per member a colon and a comma
            for key, member in item.items():
                total += _scalar_bytes(str(key))
                stack.append(member)
        elif isinstance(item, (list, tuple)):
            total += 1 + max(len(item), 1)  # brackets and commas
            stack.extend(item)
        else:
            total += _scalar_bytes(item)
    return total


def _scalar_bytes(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode())


def check_container(report: Report, container: Mapping[str, Any], path: Path, *,
                    strict: bool = False) -> None:
    """Check a flex container (bubble or carousel) found at ``path``.

    ``strict`` also reports properties the schema does not know.
    """
    _Walk(report, strict).container(container, path)


def check_component(report: Report, component: Mapping[str, Any], path: Path, *,
                    strict: bool = False) -> None:
    """Check a flex component on its own (as a block of a bubble would be checked)."""
    _Walk(report, strict).component(component, path, parent=None, depth=1)


class _Walk:
    """One walk through a container, reporting as it goes."""

    __slots__ = ("report", "strict", "too_deep")

    def __init__(self, report: Report, strict: bool) -> None:
        self.report, self.strict, self.too_deep = report, strict, False

    def container(self, container: Mapping[str, Any], path: Path) -> None:
        kind = self._type(container, path, CONTAINER_TYPES, "container")
        if kind == "bubble":
            self.bubble(container, path, in_carousel=False)
        elif kind == "carousel":
            self.carousel(container, path)

    def carousel(self, carousel: Mapping[str, Any], path: Path) -> None:
        self._fields(carousel, "carousel", path)
        sizes: dict[str, int] = {}
        for where, bubble in self.report.objects(carousel, "contents", path, "a bubble", low=1,
                                                 high=facts.CAROUSEL_BUBBLES):
            index = int(where[-1])
            if bubble.get("type") != "bubble":
                self.report.add((*where, "type"), "a carousel holds only bubbles, got "
                                                  f"{bubble.get('type')!r}")
                continue
            self.bubble(bubble, where, in_carousel=True)
            size = bubble.get("size", "mega")
            if isinstance(size, str):
                sizes.setdefault(size, index)
        if len(sizes) > 1:  # #f-carousel: bubbles of different widths can't share a carousel
            first, *others = sorted(sizes.items(), key=lambda item: item[1])
            for size, index in others:
                self.report.add((*path, "contents", index, "size"),
                                f"bubbles in one carousel must have the same size: {size!r} "
                                f"here, {first[0]!r} in contents[{first[1]}]")
        if not self.too_deep:
            self._size(carousel, path, facts.CAROUSEL_BYTES, "carousel")

    def bubble(self, bubble: Mapping[str, Any], path: Path, *, in_carousel: bool) -> None:
        self._fields(bubble, "bubble", path)
        for block in ("header", "body", "footer"):
            box = self.report.obj(bubble, block, path)
            if box is not None:
                if box.get("type") in ("box", None):
                    self.component(box, (*path, block), parent=None, depth=1)
                else:
                    self.report.add((*path, block, "type"), f"a bubble's {block} must be a box, "
                                                            f"got {box.get('type')!r}")
        hero = self.report.obj(bubble, "hero", path)
        if hero is not None:
            kind = hero.get("type")
            if kind in ("box", "image", "video", None):
                if kind == "video":
                    self.video_hero(bubble, path, in_carousel)
                self.component(hero, (*path, "hero"), parent="hero", depth=1)
            else:
                self.report.add((*path, "hero", "type"), "a bubble's hero must be a box, an image "
                                                         f"or a video, got {kind!r}")
        styles = self.report.obj(bubble, "styles", path)
        if styles is not None:
            self._fields(styles, "styles", (*path, "styles"))
            for block in ("header", "hero", "body", "footer"):
                style = self.report.obj(styles, block, (*path, "styles"))
                if style is not None:
                    self._fields(style, "block style", (*path, "styles", block))
        action = self.report.obj(bubble, "action", path)
        if action is not None:
            actions.check_action(self.report, action, (*path, "action"), actions.FLEX)
        if not self.too_deep:
            self._size(bubble, path, facts.BUBBLE_BYTES, "bubble")

    def video_hero(self, bubble: Mapping[str, Any], path: Path, in_carousel: bool) -> None:
        """#f-video: a video hero needs a kilo, mega or giga bubble outside any carousel."""
        size = bubble.get("size", "mega")
        if size not in _VIDEO_BUBBLES:
            self.report.add((*path, "size"), "a bubble with a video hero must be kilo, mega or "
                                             f"giga, got {size!r}")
        if in_carousel:
            self.report.add((*path, "hero"), "a bubble with a video hero can't be in a carousel")

    def component(self, component: Mapping[str, Any], path: Path, *, parent: str | None,
                  depth: int) -> None:
        """One component; ``parent`` is the layout of the box holding it, ``"hero"``,
        ``"text"`` or ``"video"`` (an alternative content), or None for a block."""
        kind = self._type(component, path, COMPONENT_TYPES, "component")
        if kind is None:
            return
        if depth > MAX_DEPTH:
            self.too_deep = True
            self.report.add(path, f"components nested more than {MAX_DEPTH} deep: no bubble of "
                                  f"at most {facts.BUBBLE_BYTES // 1024} KB holds that many")
            return
        self._placement(kind, path, parent)
        if parent == "baseline":
            for key in _NOT_IN_BASELINE:
                if key in component:
                    self.report.add((*path, key), f"{key} can't be used in a baseline box")
        self._fields(component, kind, path)
        if kind == "box":
            layout = component.get("layout")
            for where, child in self.report.objects(component, "contents", path, "a component"):
                self.component(child, where, parent=layout if isinstance(layout, str) else None,
                               depth=depth + 1)
        elif kind == "text":
            if "text" not in component and not component.get("contents"):
                self.report.add((*path, "text"), "text is required (or spans in contents)")
            for where, span in self.report.objects(component, "contents", path, "a span"):
                self.component(span, where, parent="text", depth=depth + 1)
        elif kind == "video":
            alt = self.report.obj(component, "altContent", path)
            if alt is not None:
                if alt.get("type") not in ("box", "image"):
                    self.report.add((*path, "altContent", "type"), "a video's altContent must be "
                                                                   "a box or an image, got "
                                                                   f"{alt.get('type')!r}")
                self.component(alt, (*path, "altContent"), parent="video", depth=depth + 1)

    def _placement(self, kind: str, path: Path, parent: str | None) -> None:
        if kind == "span" and parent != "text":
            self.report.add((*path, "type"), "a span can only be in a text's contents")
        elif kind != "span" and parent == "text":
            self.report.add((*path, "type"), f"a text's contents hold only spans, got {kind!r}")
        elif kind == "video" and parent != "hero":
            self.report.add((*path, "type"), "a video can only be a bubble's hero")
        elif parent in _CHILDREN and kind not in _CHILDREN[parent]:
            allowed = ", ".join(_CHILDREN[parent])
            article = "an" if kind[0] in "aeiou" else "a"
            self.report.add((*path, "type"), f"a {parent} box can't hold {article} {kind} "
                                             f"(only {allowed})")

    # -- the schema of one object

    def _type(self, obj: Mapping[str, Any], path: Path, known: tuple[str, ...],
              what: str) -> str | None:
        kind = self.report.string(obj, "type", path, required=True)
        if kind is not None and kind not in known:
            self.report.add((*path, "type"), f"unknown {what} type {kind!r}; LINE takes one of "
                                             + ", ".join(known))
            return None
        return kind

    def _fields(self, obj: Mapping[str, Any], kind: str, path: Path) -> None:
        fields = FIELDS[kind]
        for key in REQUIRED.get(kind, ()):
            if key not in obj:
                self.report.add((*path, key), f"{key} is required in a {kind}")
        for key, value in obj.items():
            expected = fields.get(key)
            if expected is None:
                if self.strict and key != "type":
                    self.report.add((*path, key), f"unknown property {key!r} of a {kind}")
                continue
            self._value(obj, key, value, expected, path)

    def _value(self, obj: Mapping[str, Any], key: str, value: Any, expected: Kind,
               path: Path) -> None:
        report, where = self.report, (*path, key)
        if isinstance(expected, tuple):
            if value not in expected:
                report.add(where, f"{key} must be one of {', '.join(expected)}, got {value!r}")
        elif expected == "string":
            report.string(obj, key, path)
        elif expected == "integer":
            report.integer(obj, key, path)
        elif expected == "boolean":
            report.boolean(obj, key, path)
        elif expected == "color":
            check_color(report, obj, key, path)
        elif expected == "url":
            check_url(report, obj, key, path, facts.URL, required=True)
        elif expected == "ratio":
            self._ratio(obj, key, path)
        elif expected in _FORMS:
            text = report.string(obj, key, path)
            pattern, wanted = _FORMS[expected]
            if text is not None and not pattern.fullmatch(text):
                report.add(where, f"{key} must be {wanted}, got {text[:40]!r}")
        elif expected in ("action", "button action"):
            action = report.obj(obj, key, path)
            if action is not None:
                place = actions.FLEX_BUTTON if expected == "button action" else actions.FLEX
                actions.check_action(report, action, where, place)
        elif expected == "background":
            background = report.obj(obj, key, path)
            if background is not None and self._type(background, where, _BACKGROUND_TYPES,
                                                      "background") is not None:
                self._fields(background, "linearGradient", where)
        else:  # blocks, hero, styles, contents: objects and arrays walked by their owner
            wanted_type: type = list if expected in ("components", "spans", "bubbles") else dict
            if not isinstance(value, (list, tuple) if wanted_type is list else Mapping):
                what = "an array" if wanted_type is list else "an object"
                report.add(where, f"{key} must be {what}, got {kind_of(value)}")

    def _ratio(self, obj: Mapping[str, Any], key: str, path: Path) -> None:
        """#f-image, #f-video, #icon: ``{width}:{height}``, each 1 to 100000, and for an image
        or video a height at most three times the width."""
        text = self.report.string(obj, key, path)
        if text is None:
            return
        match = _RATIO.fullmatch(text)
        limit = facts.ASPECT_RATIO_PART
        if match is None:
            self.report.add((*path, key), f"{key} must be {{width}}:{{height}} like 20:13, "
                                          f"got {text[:40]!r}")
            return
        width, height = float(match[1]), float(match[2])
        if not (1 <= width <= limit and 1 <= height <= limit):
            self.report.add((*path, key), f"{key}'s width and height must each be 1 to "
                                          f"{limit:,}, got {text!r}")
        elif (obj.get("type") in ("image", "video")
              and height > facts.IMAGE_HEIGHT_PER_WIDTH * width):
            self.report.add((*path, key), f"{key}'s height can't be more than "
                                          f"{facts.IMAGE_HEIGHT_PER_WIDTH} times its width, "
                                          f"got {text!r}")

    def _size(self, value: Mapping[str, Any], path: Path, limit: int, what: str) -> None:
        size = json_bytes(value)
        if size > limit:
            self.report.add(path, f"the {what}'s JSON is {size:,} bytes; LINE allows at most "
                                  f"{limit // 1024} KB ({limit:,} bytes)")
