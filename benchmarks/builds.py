"""Figure 3: building requests, down to the body bytes, models included.

Three cases, each built from scratch on every call (nothing is sent):

* ``push``: a push of a text message with 3 quick replies;
* ``flex``: a push of a flex carousel of 12 bubbles, 22 components each
  (image, texts, icons, nested boxes, buttons, separator, filler);
* ``multicast``: a text message multicast to 500 user ids (the id list exists
  already, as it would in a bot).

Contenders:

* ``linebot_fp``: ``linebot_fp.models`` then ``push_message`` / ``multicast`` -> ``Request.body``;
* ``line-bot-sdk v3``: ``linebot.v3.messaging`` models in a ``PushMessageRequest`` /
  ``MulticastRequest``, then ``to_json()`` encoded;
* ``hand-written dict + json.dumps``: the floor, the same JSON written as a dict.

Every body decodes to the same JSON (checked before timing). The contenders take
turns loop by loop (see :func:`benchmarks.common.take_turns`).
Budget, each case: at least 10x the official SDK, within 3x of the hand-written floor.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    OFFICIAL,
    OURS,
    Budget,
    Figure,
    Metric,
    OfficialSdk,
    official_sdk,
    ratio,
    take_turns,
)
from benchmarks.mixed_body import USER_ID

__all__ = ["CASES", "HAND", "builders", "expected_json", "run"]

HAND = "hand-written dict + json.dumps"
TEXT = "Which one?"
BUTTONS = (("Yes", "yes"), ("No", "no"), ("Maybe", "maybe"))
BUBBLES = 12
RECIPIENTS = tuple(f"U{index:032x}" for index in range(500))
IMAGE = "https://example.com/images/restaurant.jpg"
STAR, GREY_STAR = "https://example.com/star.png", "https://example.com/grey-star.png"

Operation = Callable[[], bytes]


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


# -- the floor: hand-written dicts -------------------------------------------------------------


def _hand_push() -> bytes:
    return _dumps({
        "to": USER_ID,
        "messages": [{
            "type": "text",
            "text": TEXT,
            "quickReply": {"items": [
                {"type": "action", "action": {"type": "message", "label": label, "text": text}}
                for label, text in BUTTONS
            ]},
        }],
        "notificationDisabled": False,
    })


def _hand_bubble(index: int) -> dict[str, Any]:
    def row(label: str, value: str) -> dict[str, Any]:
        return {"type": "box", "layout": "baseline", "spacing": "sm", "contents": [
            {"type": "text", "text": label, "color": "#aaaaaa", "size": "sm", "flex": 1},
            {"type": "text", "text": value, "wrap": True, "color": "#666666", "size": "sm",
             "flex": 5},
        ]}

    return {
        "type": "bubble",
        "hero": {"type": "image", "url": IMAGE, "size": "full", "aspectRatio": "20:13",
                 "aspectMode": "cover", "action": {"type": "uri", "uri": f"https://example.com/{index}"}},
        "body": {"type": "box", "layout": "vertical", "contents": [
            {"type": "text", "text": f"Restaurant {index}", "weight": "bold", "size": "xl"},
            {"type": "box", "layout": "baseline", "margin": "md", "contents": [
                *({"type": "icon", "url": STAR, "size": "sm"} for _ in range(4)),
                {"type": "icon", "url": GREY_STAR, "size": "sm"},
                {"type": "text", "text": "4.0", "size": "sm", "color": "#999999", "margin": "md",
                 "flex": 0},
            ]},
            {"type": "box", "layout": "vertical", "margin": "lg", "spacing": "sm", "contents": [
                row("Place", "Shinjuku, Tokyo"), row("Time", "10:00 - 23:00"),
            ]},
        ]},
        "footer": {"type": "box", "layout": "vertical", "spacing": "sm", "flex": 0, "contents": [
            {"type": "button", "style": "link", "height": "sm",
             "action": {"type": "uri", "label": "CALL", "uri": "tel:0312345678"}},
            {"type": "button", "style": "link", "height": "sm",
             "action": {"type": "uri", "label": "WEBSITE", "uri": f"https://example.com/{index}"}},
            {"type": "separator", "margin": "sm"},
            {"type": "filler"},
        ]},
    }


def _hand_flex() -> bytes:
    return _dumps({
        "to": USER_ID,
        "messages": [{"type": "flex", "altText": "Restaurants", "contents": {
            "type": "carousel", "contents": [_hand_bubble(index) for index in range(BUBBLES)],
        }}],
        "notificationDisabled": False,
    })


def _hand_multicast() -> bytes:
    return _dumps({"to": list(RECIPIENTS), "messages": [{"type": "text", "text": TEXT}],
                   "notificationDisabled": False})


# -- linebot_fp -----------------------------------------------------------------------------------


def _ours() -> dict[str, Operation]:
    from linebot_fp.api import multicast, push_message
    from linebot_fp.models import (
        BoxComponent,
        BubbleContainer,
        ButtonComponent,
        CarouselContainer,
        FillerComponent,
        FlexSendMessage,
        IconComponent,
        ImageComponent,
        MessageAction,
        QuickReply,
        QuickReplyButton,
        SeparatorComponent,
        TextComponent,
        TextSendMessage,
        URIAction,
    )

    def body(request: Any) -> bytes:
        data: bytes = request.body
        return data

    def push() -> bytes:
        message = TextSendMessage(text=TEXT, quick_reply=QuickReply(items=[
            QuickReplyButton(action=MessageAction(label=label, text=text))
            for label, text in BUTTONS
        ]))
        return body(push_message(USER_ID, message))

    def row(label: str, value: str) -> BoxComponent:
        return BoxComponent(layout="baseline", spacing="sm", contents=[
            TextComponent(text=label, color="#aaaaaa", size="sm", flex=1),
            TextComponent(text=value, wrap=True, color="#666666", size="sm", flex=5),
        ])

    def bubble(index: int) -> BubbleContainer:
        return BubbleContainer(
            hero=ImageComponent(url=IMAGE, size="full", aspect_ratio="20:13", aspect_mode="cover",
                                action=URIAction(uri=f"https://example.com/{index}")),
            body=BoxComponent(layout="vertical", contents=[
                TextComponent(text=f"Restaurant {index}", weight="bold", size="xl"),
                BoxComponent(layout="baseline", margin="md", contents=[
                    *(IconComponent(url=STAR, size="sm") for _ in range(4)),
                    IconComponent(url=GREY_STAR, size="sm"),
                    TextComponent(text="4.0", size="sm", color="#999999", margin="md", flex=0),
                ]),
                BoxComponent(layout="vertical", margin="lg", spacing="sm", contents=[
                    row("Place", "Shinjuku, Tokyo"), row("Time", "10:00 - 23:00"),
                ]),
            ]),
            footer=BoxComponent(layout="vertical", spacing="sm", flex=0, contents=[
                ButtonComponent(style="link", height="sm",
                                action=URIAction(label="CALL", uri="tel:0312345678")),
                ButtonComponent(style="link", height="sm",
                                action=URIAction(label="WEBSITE",
                                                 uri=f"https://example.com/{index}")),
                SeparatorComponent(margin="sm"),
                FillerComponent(),
            ]),
        )

    def flex() -> bytes:
        message = FlexSendMessage(alt_text="Restaurants", contents=CarouselContainer(
            contents=[bubble(index) for index in range(BUBBLES)]))
        return body(push_message(USER_ID, message))

    def multicast_500() -> bytes:
        return body(multicast(RECIPIENTS, TextSendMessage(text=TEXT)))

    return {"push": push, "flex": flex, "multicast": multicast_500}


# -- line-bot-sdk v3 ------------------------------------------------------------------------------


def _official() -> dict[str, Operation]:
    m = importlib.import_module("linebot.v3.messaging")

    def encode(request: Any) -> bytes:
        data: bytes = request.to_json().encode()
        return data

    def push() -> bytes:
        message = m.TextMessage(text=TEXT, quickReply=m.QuickReply(items=[
            m.QuickReplyItem(action=m.MessageAction(label=label, text=text))
            for label, text in BUTTONS
        ]))
        return encode(m.PushMessageRequest(to=USER_ID, messages=[message]))

    def row(label: str, value: str) -> Any:
        return m.FlexBox(layout="baseline", spacing="sm", contents=[
            m.FlexText(text=label, color="#aaaaaa", size="sm", flex=1),
            m.FlexText(text=value, wrap=True, color="#666666", size="sm", flex=5),
        ])

    def bubble(index: int) -> Any:
        return m.FlexBubble(
            hero=m.FlexImage(url=IMAGE, size="full", aspectRatio="20:13", aspectMode="cover",
                             action=m.URIAction(uri=f"https://example.com/{index}")),
            body=m.FlexBox(layout="vertical", contents=[
                m.FlexText(text=f"Restaurant {index}", weight="bold", size="xl"),
                m.FlexBox(layout="baseline", margin="md", contents=[
                    *(m.FlexIcon(url=STAR, size="sm") for _ in range(4)),
                    m.FlexIcon(url=GREY_STAR, size="sm"),
                    m.FlexText(text="4.0", size="sm", color="#999999", margin="md", flex=0),
                ]),
                m.FlexBox(layout="vertical", margin="lg", spacing="sm", contents=[
                    row("Place", "Shinjuku, Tokyo"), row("Time", "10:00 - 23:00"),
                ]),
            ]),
            footer=m.FlexBox(layout="vertical", spacing="sm", flex=0, contents=[
                m.FlexButton(style="link", height="sm",
                             action=m.URIAction(label="CALL", uri="tel:0312345678")),
                m.FlexButton(style="link", height="sm",
                             action=m.URIAction(label="WEBSITE", uri=f"https://example.com/{index}")),
                m.FlexSeparator(margin="sm"),
                m.FlexFiller(),
            ]),
        )

    def flex() -> bytes:
        message = m.FlexMessage(altText="Restaurants", contents=m.FlexCarousel(
            contents=[bubble(index) for index in range(BUBBLES)]))
        return encode(m.PushMessageRequest(to=USER_ID, messages=[message]))

    def multicast_500() -> bytes:
        return encode(m.MulticastRequest(to=list(RECIPIENTS), messages=[m.TextMessage(text=TEXT)]))

    return {"push": push, "flex": flex, "multicast": multicast_500}


#: case -> (title, hand-written operation)
CASES: dict[str, tuple[str, Operation]] = {
    "push": ("push, text + 3 quick replies", _hand_push),
    "flex": (f"push, flex carousel of {BUBBLES} bubbles x 22 components", _hand_flex),
    "multicast": (f"multicast to {len(RECIPIENTS)} users", _hand_multicast),
}


def expected_json(case: str) -> Any:
    """The body every contender must produce for ``case`` (as decoded JSON)."""
    return json.loads(CASES[case][1]())


_V3_DEFAULTS = frozenset({"notificationDisabled", "animated"})


def _without_defaults(value: Any) -> Any:
    """v3 writes some ``false`` defaults (``animated``, ...) itself: compare without them."""
    if isinstance(value, dict):
        return {key: _without_defaults(item) for key, item in value.items()
                if not (key in _V3_DEFAULTS and item is False)}
    if isinstance(value, list):
        return [_without_defaults(item) for item in value]
    return value


def builders(contender: str) -> dict[str, Operation]:
    """The three build operations of ``contender``, each checked against the floor first."""
    made = {OURS: _ours, OFFICIAL: _official}.get(contender)
    operations = made() if made else {case: hand for case, (_, hand) in CASES.items()}
    for case, operation in operations.items():
        body = json.loads(operation())
        if _without_defaults(body) != _without_defaults(expected_json(case)):
            raise AssertionError(f"{contender} builds another {case} body: {body!r}"[:2000])
    return operations


def run(*, repeat: int = 7, min_time: float = 0.2, sdk: OfficialSdk | None = None) -> Figure:
    """Measure every contender that can run here; ``sdk`` defaults to probing for v3."""
    sdk = official_sdk() if sdk is None else sdk
    names = [OURS, HAND] + ([OFFICIAL] if sdk.available else [])
    rows: dict[str, dict[str, float]] = {name: {} for name in names}
    for case in CASES:
        operations = {name: builders(name)[case] for name in names}
        for name, seconds in take_turns(operations, repeat=repeat, min_time=min_time).items():
            rows[name][f"{case}_us"] = seconds * 1e6
    budgets: list[Budget] = []
    for case, (title, _) in CASES.items():
        ours, hand = rows[OURS][f"{case}_us"], rows[HAND][f"{case}_us"]
        official = rows.get(OFFICIAL, {}).get(f"{case}_us")
        budgets += [
            Budget(f"build {title}: linebot_fp >= 10x line-bot-sdk v3",
                   ratio(official, ours), 10.0, at_least=True),
            Budget(f"build {title}: linebot_fp within 3x of hand-written (ours / hand <= 3)",
                   ratio(ours, hand), 3.0, at_least=False),
        ]
    notes = () if sdk.available else (f"official SDK not measured: {sdk.problem}",)
    return Figure(
        key="builds",
        title="Building requests, body bytes included (µs per request)",
        metrics=tuple(Metric(f"{case}_us", title, 1) for case, (title, _) in CASES.items()),
        rows=rows, budgets=tuple(budgets), notes=notes,
    )
