"""The corpus: values LINE refuses, each with the one problem LINE names, and values it takes.

Every invalid value gives exactly one problem, whose ``property`` is the pointer
LINE gives in ``details[].property`` (``messages[0].contents.body.layout``) and
whose message names the limit. Values models cannot hold (6 messages, 14 quick
reply buttons, an unknown layout) are given as the JSON a user would paste or
receive. The valid values give none.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from validation_support import (
    HTTPS,
    bubble,
    flex,
    gif,
    jpeg,
    png,
    quick_reply,
    rich_menu,
    valid_messages,
)

from linebot_fp import Request, codec, validate
from linebot_fp.api import push_message, set_rich_menu_image, validate_rich_menu_object
from linebot_fp.models import (
    AltUri,
    AudioSendMessage,
    BaseSize,
    BoxComponent,
    ButtonComponent,
    ButtonsTemplate,
    CameraAction,
    CarouselColumn,
    CarouselContainer,
    CarouselTemplate,
    ClipboardAction,
    ConfirmTemplate,
    DatetimePickerAction,
    Emojis,
    ExternalLink,
    IconComponent,
    ImageCarouselColumn,
    ImageCarouselTemplate,
    ImageComponent,
    ImagemapArea,
    ImagemapSendMessage,
    ImageSendMessage,
    LocationSendMessage,
    MessageAction,
    MessageImagemapAction,
    PostbackAction,
    QuickReply,
    QuickReplyButton,
    RichMenu,
    RichMenuArea,
    RichMenuBounds,
    RichMenuSize,
    RichMenuSwitchAction,
    Sender,
    StickerSendMessage,
    TemplateSendMessage,
    TextComponent,
    TextSendMessage,
    URIAction,
    URIImagemapAction,
    Video,
    VideoComponent,
    VideoSendMessage,
)
from linebot_fp.validation import Problem
from linebot_fp.validation.flex import MAX_DEPTH


def as_json(value: Any) -> Any:
    return codec.unstructure(value)


def buttons(**changes: Any) -> TemplateSendMessage:
    fields: dict[str, Any] = {"text": "Please select",
                                  "actions": [PostbackAction(label="Buy", data="buy")]}
    fields.update(changes)
    return TemplateSendMessage(alt_text="buttons", template=ButtonsTemplate(**fields))


def with_template_actions(message: TemplateSendMessage, actions: list[Any]) -> dict[str, Any]:
    """The JSON of ``message`` with other ``actions`` (a model would refuse 5)."""
    data = as_json(message)
    data["template"]["actions"] = [as_json(action) for action in actions]
    return data


def one_button(action: Any) -> TemplateSendMessage:
    return buttons(actions=[action])


def in_quick_reply(action: Any, **item: Any) -> TextSendMessage:
    return TextSendMessage(text="x", quick_reply=QuickReply(items=[
        QuickReplyButton(action=action, **item)]))


def flex_json(**bubble_changes: Any) -> dict[str, Any]:
    message = as_json(flex())
    message["contents"].update(bubble_changes)
    return message


def body_with(*components: Any, layout: str = "vertical") -> dict[str, Any]:
    return flex_json(body={"type": "box", "layout": layout, "contents": list(components)})


def nested_boxes(levels: int) -> dict[str, Any]:
    box: dict[str, Any] = {"type": "box", "layout": "vertical",
                           "contents": [{"type": "text", "text": "deep"}]}
    for _ in range(levels - 1):
        box = {"type": "box", "layout": "vertical", "contents": [box]}
    return box


def deep_pointer(levels: int) -> str:
    return "messages[0].contents.body" + ".contents[0]" * levels


def carousel_template(columns: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "template", "altText": "carousel",
            "template": {"type": "carousel", "columns": columns}}


def column(actions: int = 1, **more: Any) -> dict[str, Any]:
    return {"text": "t", "actions": [{"type": "message", "label": f"a{i}", "text": "x"}
                                     for i in range(actions)], **more}


def imagemap(*actions: Any, **changes: Any) -> ImagemapSendMessage:
    fields: dict[str, Any] = {
        "base_url": "https://example.com/rm001", "alt_text": "imagemap",
        "base_size": BaseSize(width=1040, height=700),
        "actions": list(actions) or [MessageImagemapAction(
            text="hi", area=ImagemapArea(x=0, y=0, width=1040, height=700))]}
    fields.update(changes)
    return ImagemapSendMessage(**fields)


def menu_json(**changes: Any) -> dict[str, Any]:
    data = as_json(rich_menu())
    data.update(changes)
    return data


def big_text(size: int) -> TextComponent:
    return TextComponent(text="x" * size, wrap=True)


def request_of(body: Any, path: str = "/v2/bot/message/push") -> Request[Any]:
    return Request(operation="push_message", method="POST", base="api", path=path,
                   headers={"Content-Type": "application/json"},
                   body=json.dumps(body).encode())


M0 = "messages[0]"

#: (id, value, the property LINE names, a piece of the message naming the limit);
#: a value given as a list is a request's messages (pointers start ``messages[0]``)
INVALID: list[tuple[str, Any, str, str]] = [
    # -- the request and text messages
    ("6 messages", [TextSendMessage(text=str(i)) for i in range(6)], "messages", "at most 5"),
    ("no message", [], "messages", "at least 1"),
    ("text over 5,000 units", [TextSendMessage(text="x" * 5001)], f"{M0}.text", "5,000"),
    ("2,500 apples and a letter: 5,001 UTF-16 units", [TextSendMessage(text="🍎" * 2500 + "a")],
     f"{M0}.text", "5,001 UTF-16 code units"),
    ("empty text", [{"type": "text", "text": ""}], f"{M0}.text", "may not be empty"),
    ("21 LINE emoji", [TextSendMessage(text="$" * 21, emojis=[
        Emojis(index=i, product_id="p", emoji_id="001") for i in range(21)])],
     f"{M0}.emojis", "at most 20"),
    ("emoji not on a $", [TextSendMessage(text="a$", emojis=[
        Emojis(index=0, product_id="p", emoji_id="001")])], f"{M0}.emojis[0].index", "$"),
    ("unknown message type", [{"type": "carousel", "text": "x"}], f"{M0}.type",
     "unknown message type"),
    ("text message v2 mention without user id",
     [{"type": "textV2", "text": "{u} hi", "substitution": {
         "u": {"type": "mention", "mentionee": {"type": "user"}}}}],
     f"{M0}.substitution.u.mentionee.userId", "required"),
    # -- media, location, sticker, sender
    ("plain-HTTP image", [ImageSendMessage(original_content_url="http://example.com/a.jpg",
                                           preview_image_url=HTTPS)],
     f"{M0}.originalContentUrl", "HTTPS"),
    ("preview URL over 2,000", [ImageSendMessage(
        original_content_url=HTTPS, preview_image_url=HTTPS + "?" + "q" * 2000)],
     f"{M0}.previewImageUrl", "at most 2,000"),
    ("tracking id with a space", [VideoSendMessage(
        original_content_url=HTTPS, preview_image_url=HTTPS, tracking_id="a b")],
     f"{M0}.trackingId", "trackingId takes only"),
    ("audio of no length", [AudioSendMessage(original_content_url=HTTPS, duration=0)],
     f"{M0}.duration", "milliseconds"),
    ("location title over 100", [LocationSendMessage(title="t" * 101, address="a",
                                                     latitude=1.0, longitude=2.0)],
     f"{M0}.title", "at most 100"),
    ("latitude off the globe", [LocationSendMessage(title="t", address="a", latitude=91.0,
                                                    longitude=2.0)],
     f"{M0}.latitude", "between -90 and 90"),
    ("empty sticker id", [StickerSendMessage(package_id="446", sticker_id="")],
     f"{M0}.stickerId", "may not be empty"),
    ("sender name over 20", [TextSendMessage(text="x", sender=Sender(name="n" * 21))],
     f"{M0}.sender.name", "at most 20"),
    ("plain-HTTP sender icon", [TextSendMessage(
        text="x", sender=Sender(icon_url="http://example.com/i.png"))],
     f"{M0}.sender.iconUrl", "HTTPS"),
    # -- quick reply
    ("14 quick reply buttons", [{**as_json(TextSendMessage(text="x")), "quickReply": {
        "items": [as_json(quick_reply(1).items[0])] * 14}}],
     f"{M0}.quickReply.items", "at most 13"),
    ("quick reply label over 20", [in_quick_reply(MessageAction(label="l" * 21, text="x"))],
     f"{M0}.quickReply.items[0].action.label", "at most 20"),
    ("21 thumbs up: 21 graphemes", [in_quick_reply(MessageAction(label="👍🏽" * 21, text="x"))],
     f"{M0}.quickReply.items[0].action.label", "21 characters (grapheme clusters)"),
    ("quick reply button without label", [in_quick_reply(CameraAction())],
     f"{M0}.quickReply.items[0].action.label", "required"),
    ("rich menu switch on a quick reply", [in_quick_reply(RichMenuSwitchAction(
        label="next", rich_menu_alias_id="b", data="d"))],
     f"{M0}.quickReply.items[0].action.type", "only on rich menus"),
    ("plain-HTTP quick reply icon", [in_quick_reply(MessageAction(label="a", text="b"),
                                                    image_url="http://example.com/i.png")],
     f"{M0}.quickReply.items[0].imageUrl", "HTTPS"),
    # -- actions, in a buttons template
    ("URI action with ftp", [one_button(URIAction(label="go", uri="ftp://example.com/"))],
     f"{M0}.template.actions[0].uri", "http, https, line, tel"),
    ("URI over 1,000", [one_button(URIAction(label="go", uri="https://e.com/" + "a" * 990))],
     f"{M0}.template.actions[0].uri", "at most 1,000"),
    ("desktop URI with a javascript scheme", [one_button(URIAction(
        label="go", uri="https://e.com/", alt_uri=AltUri(desktop="javascript:alert(1)")))],
     f"{M0}.template.actions[0].altUri.desktop", "schemes"),
    ("postback data over 300", [one_button(PostbackAction(label="go", data="d" * 301))],
     f"{M0}.template.actions[0].data", "at most 300"),
    ("postback with text and displayText", [one_button(PostbackAction(
        label="go", data="d", text="a", display_text="b"))],
     f"{M0}.template.actions[0].text", "displayText"),
    ("message action text over 300", [one_button(MessageAction(label="go", text="t" * 301))],
     f"{M0}.template.actions[0].text", "at most 300"),
    ("datetime picker initial not a datetime", [one_button(DatetimePickerAction(
        label="when", data="d", mode="datetime", initial="2024-06-18"))],
     f"{M0}.template.actions[0].initial", "2100-12-31T23:59"),
    ("datetime picker min after max", [one_button(DatetimePickerAction(
        label="when", data="d", mode="date", min="2024-02-01", max="2024-01-01"))],
     f"{M0}.template.actions[0].max", "later than min"),
    ("datetime picker before 1900", [one_button(DatetimePickerAction(
        label="when", data="d", mode="date", initial="1899-12-31"))],
     f"{M0}.template.actions[0].initial", "1900-01-01"),
    ("camera in a template", [one_button(CameraAction(label="cam"))],
     f"{M0}.template.actions[0].type", "only on quick reply buttons"),
    ("clipboard text over 1,000", [one_button(ClipboardAction(label="copy",
                                                              clipboard_text="c" * 1001))],
     f"{M0}.template.actions[0].clipboardText", "at most 1,000"),
    # -- templates
    ("5 buttons", [with_template_actions(buttons(), [PostbackAction(label="a", data="b")] * 5)],
     f"{M0}.template.actions", "at most 4"),
    ("buttons text over 160", [buttons(text="t" * 161)], f"{M0}.template.text", "at most 160"),
    ("buttons text over 60 with a title", [buttons(title="T", text="t" * 61)],
     f"{M0}.template.text", "at most 60"),
    ("buttons title over 40", [buttons(title="T" * 41)], f"{M0}.template.title", "at most 40"),
    ("buttons background not a color", [buttons(image_background_color="white")],
     f"{M0}.template.imageBackgroundColor", "#RRGGBB"),
    ("template alt text over 1,500", [TemplateSendMessage(
        alt_text="a" * 1501, template=ConfirmTemplate(text="ok?", actions=[
            MessageAction(label="y", text="y"), MessageAction(label="n", text="n")]))],
     f"{M0}.altText", "at most 1,500"),
    ("confirm text over 240", [TemplateSendMessage(alt_text="c", template=ConfirmTemplate(
        text="t" * 241, actions=[MessageAction(label="y", text="y"),
                                 MessageAction(label="n", text="n")]))],
     f"{M0}.template.text", "at most 240"),
    ("11 carousel columns", [carousel_template([column()] * 11)], f"{M0}.template.columns",
     "at most 10"),
    ("carousel columns with 1 and 2 actions", [carousel_template([column(1), column(2)])],
     f"{M0}.template.columns[1].actions", "same number of actions"),
    ("a thumbnail in one carousel column only", [carousel_template(
        [column(thumbnailImageUrl=HTTPS), column()])],
     f"{M0}.template.columns[1].thumbnailImageUrl", "all or none"),
    ("carousel column text over 120", [TemplateSendMessage(alt_text="c", template=CarouselTemplate(
        columns=[CarouselColumn(text="t" * 121, actions=[MessageAction(label="a", text="b")])]))],
     f"{M0}.template.columns[0].text", "at most 120"),
    ("image carousel label over 12", [TemplateSendMessage(
        alt_text="i", template=ImageCarouselTemplate(columns=[ImageCarouselColumn(
            image_url=HTTPS, action=MessageAction(label="l" * 13, text="x"))]))],
     f"{M0}.template.columns[0].action.label", "at most 12"),
    # -- imagemap
    ("imagemap base width 1000", [imagemap(
        MessageImagemapAction(text="x", area=ImagemapArea(x=0, y=0, width=100, height=100)),
        base_size=BaseSize(width=1000, height=700))],
     f"{M0}.baseSize.width", "1040"),
    ("imagemap area out of the image", [imagemap(URIImagemapAction(
        link_uri="https://e.com/", area=ImagemapArea(x=600, y=0, width=500, height=700)))],
     f"{M0}.actions[0].area", "outside the 1,040 x 700 base image"),
    ("51 imagemap actions", [{**as_json(imagemap()),
                              "actions": as_json(imagemap())["actions"] * 51}],
     f"{M0}.actions", "at most 50"),
    ("plain-HTTP imagemap base URL", [imagemap(base_url="http://example.com/rm001")],
     f"{M0}.baseUrl", "HTTPS"),
    ("imagemap message over 400", [imagemap(MessageImagemapAction(
        text="t" * 401, area=ImagemapArea(x=0, y=0, width=10, height=10)))],
     f"{M0}.actions[0].text", "at most 400"),
    ("imagemap video link label over 30", [imagemap(video=Video(
        original_content_url=HTTPS, preview_image_url=HTTPS,
        area=ImagemapArea(x=0, y=0, width=1040, height=585),
        external_link=ExternalLink(link_uri="https://e.com/", label="l" * 31)))],
     f"{M0}.video.externalLink.label", "at most 30"),
    # -- flex
    ("flex alt text over 1,500", [flex(alt_text="a" * 1501)], f"{M0}.altText", "at most 1,500"),
    ("13 bubbles", [{**as_json(flex()), "contents": {"type": "carousel",
                                                     "contents": [as_json(bubble())] * 13}}],
     f"{M0}.contents.contents", "at most 12"),
    ("bubble over 30 KB", [flex(bubble(body=BoxComponent(layout="vertical", contents=[
        big_text(31 * 1024)])))], f"{M0}.contents", "30 KB"),
    ("carousel over 50 KB", [flex(CarouselContainer(contents=[bubble(body=BoxComponent(
        layout="vertical", contents=[big_text(5000)]))] * 11))], f"{M0}.contents", "50 KB"),
    ("unknown layout", [body_with({"type": "text", "text": "x"}, layout="grid")],
     f"{M0}.contents.body.layout", "got 'grid'"),
    ("unknown layout in a carousel's second bubble",
     [{**as_json(flex()), "contents": {"type": "carousel", "contents": [
         as_json(bubble()), {**as_json(bubble()), "body": {
             "type": "box", "layout": "vertical",
             "contents": [{"type": "box", "layout": "grid", "contents": []}]}}]}}],
     f"{M0}.contents.contents[1].body.contents[0].layout", "got 'grid'"),
    ("unknown component type", [body_with({"type": "spacer", "size": "md"})],
     f"{M0}.contents.body.contents[0].type", "unknown component type 'spacer'"),
    ("box without layout", [body_with({"type": "box", "contents": []})],
     f"{M0}.contents.body.contents[0].layout", "required"),
    ("too deep", [body_with(nested_boxes(MAX_DEPTH + 50))], deep_pointer(MAX_DEPTH),
     "nested more than"),
    ("plain-HTTP hero", [flex(bubble(hero=ImageComponent(url="http://example.com/a.png")))],
     f"{M0}.contents.hero.url", "HTTPS"),
    ("image taller than 3 times its width", [flex(bubble(hero=ImageComponent(
        url=HTTPS, aspect_ratio="1:4")))], f"{M0}.contents.hero.aspectRatio", "3 times"),
    ("flex button label over 40", [flex(bubble(footer=BoxComponent(layout="vertical", contents=[
        ButtonComponent(action=MessageAction(label="l" * 41, text="x"))])))],
     f"{M0}.contents.footer.contents[0].action.label", "at most 40"),
    ("flex button without label", [flex(bubble(footer=BoxComponent(layout="vertical", contents=[
        ButtonComponent(action=MessageAction(text="x"))])))],
     f"{M0}.contents.footer.contents[0].action.label", "required"),
    ("icon in a vertical box", [flex(bubble(body=BoxComponent(layout="vertical", contents=[
        IconComponent(url=HTTPS)])))], f"{M0}.contents.body.contents[0].type",
     "can't hold an icon"),
    ("button in a baseline box", [flex(bubble(body=BoxComponent(layout="baseline", contents=[
        ButtonComponent(action=MessageAction(label="a", text="b"))])))],
     f"{M0}.contents.body.contents[0].type", "only icon, text, filler"),
    ("gravity in a baseline box", [flex(bubble(body=BoxComponent(layout="baseline", contents=[
        TextComponent(text="a", gravity="center")])))],
     f"{M0}.contents.body.contents[0].gravity", "baseline"),
    ("video hero in a carousel", [flex(CarouselContainer(contents=[bubble(hero=VideoComponent(
        url=HTTPS, preview_url=HTTPS, alt_content=ImageComponent(url=HTTPS)))]))],
     f"{M0}.contents.contents[0].hero", "can't be in a carousel"),
    ("video hero in a nano bubble", [flex(bubble(size="nano", hero=VideoComponent(
        url=HTTPS, preview_url=HTTPS, alt_content=ImageComponent(url=HTTPS))))],
     f"{M0}.contents.size", "kilo, mega or giga"),
    ("text color by name", [flex(bubble(body=BoxComponent(layout="vertical", contents=[
        TextComponent(text="a", color="red")])))], f"{M0}.contents.body.contents[0].color",
     "#RRGGBB"),
    ("margin not a keyword", [flex(bubble(body=BoxComponent(layout="vertical", contents=[
        TextComponent(text="a", margin="huge")])))], f"{M0}.contents.body.contents[0].margin",
     "keyword"),
    ("span outside a text", [body_with({"type": "span", "text": "x"})],
     f"{M0}.contents.body.contents[0].type", "only be in a text"),
    ("text without text", [body_with({"type": "text", "size": "sm"})],
     f"{M0}.contents.body.contents[0].text", "required"),
    ("carousel of mega and kilo bubbles", [flex(CarouselContainer(contents=[
        bubble(), bubble(size="kilo")]))],
     f"{M0}.contents.contents[1].size", "same size"),
    # -- rich menus
    ("rich menu area out of the menu", menu_json(areas=[as_json(RichMenuArea(
        bounds=RichMenuBounds(x=2000, y=0, width=600, height=843),
        action=MessageAction(text="x")))]), "areas[0].bounds", "outside the 2,500 x 1,686"),
    ("21 rich menu areas", menu_json(areas=[as_json(rich_menu().areas[1])] * 21), "areas",
     "at most 20"),
    ("chat bar text over 14", dataclasses.replace(rich_menu(), chat_bar_text="c" * 15),
     "chatBarText", "at most 14"),
    ("rich menu name over 300", menu_json(name="n" * 301), "name", "at most 300"),
    ("rich menu 2,600 wide", menu_json(size={"width": 2600, "height": 1686}, areas=[]),
     "size.width", "800 to 2,500"),
    ("rich menu 200 high", menu_json(size={"width": 800, "height": 200}, areas=[]),
     "size.height", "at least 250"),
    ("rich menu too square", menu_json(size={"width": 2500, "height": 1800}, areas=[]),
     "size.height", "1.45"),
    ("camera in a rich menu", menu_json(areas=[as_json(RichMenuArea(
        bounds=RichMenuBounds(x=0, y=0, width=100, height=100), action=CameraAction()))]),
     "areas[0].action.type", "only on quick reply buttons"),
    ("rich menu alias with capitals", menu_json(areas=[as_json(RichMenuArea(
        bounds=RichMenuBounds(x=0, y=0, width=100, height=100),
        action=RichMenuSwitchAction(rich_menu_alias_id="Page2", data="d")))]),
     "areas[0].action.richMenuAliasId", "a-z"),
    # -- a quick reply or a container on its own
    ("a quick reply on its own", {"items": [as_json(quick_reply(1).items[0])] * 14}, "items",
     "at most 13"),
    ("a bubble on its own", {"type": "bubble", "body": {"type": "box", "layout": "grid",
                                                        "contents": []}},
     "body.layout", "got 'grid'"),
    # -- requests
    ("a push of 6 messages", request_of({"to": "U1", "messages": [
        {"type": "text", "text": "x"}] * 6}), "messages", "at most 5"),
    ("a push whose text is over 5,000", push_message("U1", TextSendMessage(text="x" * 5001)),
     f"{M0}.text", "5,000"),
    ("a rich menu request with an area out of the menu", validate_rich_menu_object(
        RichMenu(size=RichMenuSize(width=2500, height=843), selected=False, name="n",
                 chat_bar_text="c", areas=[RichMenuArea(
                     bounds=RichMenuBounds(x=0, y=0, width=2500, height=844),
                     action=MessageAction(text="x"))])),
     "areas[0].bounds", "outside"),
    ("a GIF sent as a rich menu image", set_rich_menu_image("richmenu-1", "image/gif",
                                                            gif(2500, 1686)),
     "image", "JPEG or PNG, got GIF"),
    ("a PNG sent as a JPEG", set_rich_menu_image("richmenu-1", "image/jpeg", png(2500, 843)),
     "image", "sent as image/jpeg"),
]

#: rich menus with an image: (id, image bytes, a piece of the message)
INVALID_IMAGES: list[tuple[str, bytes, str]] = [
    ("a GIF image", gif(2500, 1686), "JPEG or PNG, got GIF"),
    ("an image over 1 MB", png(2500, 1686, filler=bytes(1024 * 1024)), "at most 1 MB"),
    ("an image of another size", png(2500, 843), "the rich menu's size is 2,500 x 1,686"),
    ("a JPEG of another size", jpeg(1200, 810), "1,200 x 810"),
    ("not an image", b"<html>not found</html>", "not a JPEG or PNG"),
    ("a PNG cut short", png(2500, 1686)[:20], "cut short"),
]


@pytest.mark.parametrize(("value", "property", "needle"),
                         [case[1:] for case in INVALID], ids=[case[0] for case in INVALID])
def test_each_invalid_value_gives_the_pointer_LINE_gives(value: Any, property: str,
                                                          needle: str) -> None:
    problems = validate(value)
    assert [p.property for p in problems] == [property], problems
    assert needle in problems[0].message


@pytest.mark.parametrize(("image", "needle"), [case[1:] for case in INVALID_IMAGES],
                         ids=[case[0] for case in INVALID_IMAGES])
def test_each_invalid_rich_menu_image_is_named_image(image: bytes, needle: str) -> None:
    problems = validate(rich_menu(), image=image)
    assert [p.property for p in problems] == ["image"], problems
    assert needle in problems[0].message


def test_the_corpus_is_large_enough() -> None:
    assert len(INVALID) + len(INVALID_IMAGES) >= 40
    assert len({case[0] for case in INVALID}) == len(INVALID)


@pytest.mark.parametrize("message", list(valid_messages().values()), ids=list(valid_messages()))
def test_valid_messages_give_no_problem(message: Any) -> None:
    assert validate(message) == ()
    assert validate([message]) == ()
    assert validate(codec.unstructure(message)) == ()  # the same as JSON


def test_five_valid_messages_and_the_requests_carrying_them_give_no_problem() -> None:
    five = list(valid_messages().values())[:5]
    assert validate(five) == ()
    assert validate(push_message("U1", five)) == ()


@pytest.mark.parametrize("image", [png(2500, 1686), jpeg(2500, 1686)], ids=["png", "jpeg"])
def test_a_valid_rich_menu_with_its_image_gives_no_problem(image: bytes) -> None:
    menu = rich_menu()
    assert validate(menu) == ()
    assert validate(menu, image=image) == ()
    assert validate(validate_rich_menu_object(menu), image=image) == ()
    kind = "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
    assert validate(set_rich_menu_image("richmenu-1", kind, image)) == ()


@pytest.mark.parametrize(("width", "height"), [(2500, 1686), (2500, 843), (1200, 810),
                                               (1200, 405), (800, 540), (800, 270)])
def test_every_size_LINE_used_to_list_is_still_allowed(width: int, height: int) -> None:
    assert validate(rich_menu(width, height, areas=3), image=png(width, height)) == ()


def test_a_carousel_at_exactly_12_bubbles_and_a_box_with_no_contents_are_fine() -> None:
    empty_box = bubble(body=BoxComponent(layout="vertical", contents=[]))
    assert validate(flex(bubble())) == ()
    assert validate(flex(empty_box)) == ()


def test_several_problems_are_all_reported_in_order() -> None:
    problems = validate([TextSendMessage(text=""), ImageSendMessage(
        original_content_url="http://a.example/x.jpg", preview_image_url="http://a/y.jpg")])
    assert [p.property for p in problems] == [
        "messages[0].text", "messages[1].originalContentUrl", "messages[1].previewImageUrl"]
    assert all(isinstance(p, Problem) for p in problems)
    assert str(problems[0]) == "messages[0].text: text may not be empty"
