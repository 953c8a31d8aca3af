"""The kitchen sink: templates, flex, quick replies, imagemaps, content, profiles, rich menus.

    pip install flask
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    python examples/kitchensink.py richmenu menu_a.png menu_b.png   # once: two switching menus
    python examples/kitchensink.py                                   # the bot, on port 8000

Then write to the bot: ``profile``, ``buttons``, ``confirm``, ``carousel``,
``image_carousel``, ``imagemap``, ``flex`` or ``quick_reply``; anything else is
echoed. Send it an image, a video, an audio or a file and it saves the content
to ``CONTENT_DIR``. ``STATIC_URL`` is where your images live (HTTPS);
``LINE_API_ENDPOINT`` (optional) sends every request elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from flask import Flask, abort, request

from linebot_fp import Client, InvalidPayloadError, InvalidSignatureError, dispatch, parse
from linebot_fp.api import (
    create_rich_menu,
    create_rich_menu_alias,
    get_message_content,
    get_profile,
    reply_message,
    set_default_rich_menu,
    set_rich_menu_image,
)
from linebot_fp.models import (
    AudioMessage,
    BaseSize,
    BoxComponent,
    BubbleContainer,
    ButtonComponent,
    ButtonsTemplate,
    CameraAction,
    CameraRollAction,
    CarouselColumn,
    CarouselTemplate,
    ConfirmTemplate,
    DatetimePickerAction,
    FileMessage,
    FlexSendMessage,
    FollowEvent,
    ImageCarouselColumn,
    ImageCarouselTemplate,
    ImageComponent,
    ImagemapArea,
    ImagemapSendMessage,
    ImageMessage,
    LocationAction,
    LocationMessage,
    LocationSendMessage,
    MessageAction,
    MessageEvent,
    MessageImagemapAction,
    PostbackAction,
    PostbackEvent,
    QuickReply,
    QuickReplyButton,
    RichMenu,
    RichMenuAlias,
    RichMenuArea,
    RichMenuBounds,
    RichMenuSize,
    RichMenuSwitchAction,
    SendMessage,
    StickerMessage,
    StickerSendMessage,
    TemplateSendMessage,
    TextComponent,
    TextMessage,
    TextSendMessage,
    URIAction,
    URIImagemapAction,
    VideoMessage,
)

SECRET = os.environ["LINE_CHANNEL_SECRET"]
ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
STATIC_URL = os.environ.get("STATIC_URL", "https://example.com/static")
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR", tempfile.gettempdir()))
client = Client(os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
                endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)
app = Flask(__name__)

# -- what the text commands answer -------------------------------------------------------------


def profile(event):
    if event.source.user_id is None:
        return TextSendMessage(text="I cannot see who you are.")
    person = client.send(get_profile(event.source.user_id))
    return TextSendMessage(text=f"You are {person.display_name}: {person.status_message or '-'}")


def buttons(event):
    return TemplateSendMessage(alt_text="Buttons", template=ButtonsTemplate(
        title="Brown Cafe", text="What would you like?",
        thumbnail_image_url=f"{STATIC_URL}/cafe.jpg",
        actions=[PostbackAction(label="Order coffee", data="order=coffee", display_text="Coffee"),
                 MessageAction(label="Say hello", text="hello"),
                 URIAction(label="Website", uri="https://example.com/cafe"),
                 DatetimePickerAction(label="Book a table", data="book", mode="datetime")]))


def confirm(event):
    return TemplateSendMessage(alt_text="Confirm", template=ConfirmTemplate(
        text="Are you sure?",
        actions=[MessageAction(label="Yes", text="Yes!"), MessageAction(label="No", text="No!")]))


def carousel(event):
    columns = [CarouselColumn(title=name, text=f"The {name} menu",
                              thumbnail_image_url=f"{STATIC_URL}/{name}.jpg",
                              actions=[PostbackAction(label="Order", data=f"order={name}"),
                                       URIAction(label="Details", uri=f"https://example.com/{name}")])
               for name in ("coffee", "tea", "cake")]
    return TemplateSendMessage(alt_text="Carousel", template=CarouselTemplate(columns=columns))


def image_carousel(event):
    return TemplateSendMessage(alt_text="Image carousel", template=ImageCarouselTemplate(columns=[
        ImageCarouselColumn(image_url=f"{STATIC_URL}/calendar.jpg",
                            action=DatetimePickerAction(label="Date", data="date", mode="date")),
        ImageCarouselColumn(image_url=f"{STATIC_URL}/clock.jpg",
                            action=DatetimePickerAction(label="Time", data="time", mode="time")),
    ]))


def imagemap(event):
    return ImagemapSendMessage(
        base_url=f"{STATIC_URL}/imagemap", alt_text="Imagemap",
        base_size=BaseSize(width=1040, height=1040),
        actions=[URIImagemapAction(link_uri="https://example.com/",
                                   area=ImagemapArea(x=0, y=0, width=520, height=1040)),
                 MessageImagemapAction(text="hello",
                                       area=ImagemapArea(x=520, y=0, width=520, height=1040))])


def flex(event):
    bubble = BubbleContainer(
        hero=ImageComponent(url=f"{STATIC_URL}/cafe.jpg", size="full", aspect_ratio="20:13",
                            aspect_mode="cover"),
        body=BoxComponent(layout="vertical", contents=[
            TextComponent(text="Brown Cafe", weight="bold", size="xl"),
            TextComponent(text="Open 10:00 - 23:00", size="sm", color="#999999", wrap=True),
        ]),
        footer=BoxComponent(layout="vertical", spacing="sm", contents=[
            ButtonComponent(style="primary", action=URIAction(label="Call", uri="tel:000000")),
        ]))
    return FlexSendMessage(alt_text="Brown Cafe", contents=bubble)


def quick_reply(event):
    actions = [PostbackAction(label="Order", data="order=coffee", display_text="Coffee"),
               MessageAction(label="Hello", text="hello"),
               DatetimePickerAction(label="Date", data="date", mode="date"),
               CameraAction(label="Camera"), CameraRollAction(label="Camera roll"),
               LocationAction(label="Location")]
    return TextSendMessage(text="Pick one", quick_reply=QuickReply(
        items=[QuickReplyButton(action=action) for action in actions]))


COMMANDS: dict[str, Callable[[MessageEvent], SendMessage]] = {
    "profile": profile, "buttons": buttons, "confirm": confirm, "carousel": carousel,
    "image_carousel": image_carousel, "imagemap": imagemap, "flex": flex,
    "quick_reply": quick_reply,
}

# -- event handlers: each returns the Request to send -------------------------------------------


def on_text(event):
    command = COMMANDS.get(event.message.text.strip().lower())
    message = command(event) if command else TextSendMessage(text=event.message.text)
    return reply_message(event.reply_token, message)


def on_sticker(event):
    sticker = StickerSendMessage(package_id=event.message.package_id,
                                 sticker_id=event.message.sticker_id)
    return reply_message(event.reply_token, sticker)


def on_location(event):
    message = event.message
    return reply_message(event.reply_token, LocationSendMessage(
        title=message.title or "Location", address=message.address or "-",
        latitude=message.latitude, longitude=message.longitude))


def on_content(event):
    """Save an image, video, audio or file the user sent (when LINE holds it)."""
    message = event.message
    provider = getattr(message, "content_provider", None)
    if provider is not None and provider.type == "external":
        text = f"That one lives at {provider.original_content_url}"
    else:
        path = CONTENT_DIR / f"{message.id}-{getattr(message, 'file_name', message.type)}"
        with client.send(get_message_content(message.id)) as content, path.open("wb") as file:
            for chunk in content.iter_content(64 * 1024):
                file.write(chunk)
        text = f"Saved {path.stat().st_size} bytes ({content.content_type}) to {path.name}"
    return reply_message(event.reply_token, TextSendMessage(text=text))


def on_follow(event):
    return reply_message(event.reply_token, TextSendMessage(text="Hello! Try: flex, buttons"))


def on_postback(event):
    params = event.postback.params or {}
    if "newRichMenuAliasId" in params:
        text = f"Switched to {params['newRichMenuAliasId']} ({params.get('status')})"
    else:
        text = f"Got {event.postback.data} {dict(params)}"
    return reply_message(event.reply_token, TextSendMessage(text=text))


HANDLERS = {
    (MessageEvent, TextMessage): on_text,
    (MessageEvent, StickerMessage): on_sticker,
    (MessageEvent, LocationMessage): on_location,
    (MessageEvent, ImageMessage): on_content,
    (MessageEvent, VideoMessage): on_content,
    (MessageEvent, AudioMessage): on_content,
    (MessageEvent, FileMessage): on_content,
    FollowEvent: on_follow,
    PostbackEvent: on_postback,
}


@app.post("/callback")
def callback() -> str:
    try:
        events = parse(request.get_data(), request.headers.get("X-Line-Signature"), SECRET)
    except (InvalidSignatureError, InvalidPayloadError):
        abort(400)
    for reply in dispatch(HANDLERS, events):
        client.send(reply)
    return "OK"


# -- rich menus: two menus switching to each other through aliases --------------------------------


def rich_menu(name: str, switch_to: str) -> RichMenu:
    left = RichMenuBounds(x=0, y=0, width=1250, height=1686)
    right = RichMenuBounds(x=1250, y=0, width=1250, height=1686)
    return RichMenu(
        size=RichMenuSize(width=2500, height=1686), selected=False, name=name,
        chat_bar_text="Tap to open",
        areas=[RichMenuArea(bounds=left, action=RichMenuSwitchAction(
                   rich_menu_alias_id=switch_to, data=f"switch-to-{switch_to}")),
               RichMenuArea(bounds=right, action=MessageAction(label="Flex", text="flex"))])


def setup_rich_menus(image_a: bytes, image_b: bytes) -> dict[str, str]:
    """Create menus a and b (PNG images), aliases to switch between them; a is the default."""
    menu_ids = {}
    for alias, other, image in (("menu-a", "menu-b", image_a), ("menu-b", "menu-a", image_b)):
        menu_id = client.send(create_rich_menu(rich_menu(alias, other))).rich_menu_id
        client.send(set_rich_menu_image(menu_id, "image/png", image))
        client.send(create_rich_menu_alias(RichMenuAlias(rich_menu_alias_id=alias,
                                                         rich_menu_id=menu_id)))
        menu_ids[alias] = menu_id
    client.send(set_default_rich_menu(menu_ids["menu-a"]))
    return menu_ids


if __name__ == "__main__":
    if sys.argv[1:2] == ["richmenu"]:
        print(setup_rich_menus(Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()))
    else:
        app.run(port=int(os.environ.get("PORT", "8000")))
