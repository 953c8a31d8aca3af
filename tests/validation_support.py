"""Images built byte by byte and valid values to send, for the validation tests.

``png`` writes a real PNG (IHDR, IDAT, IEND with their CRCs), ``gif`` a real
GIF89a, ``jpeg`` the header segments of a baseline JPEG (SOI, APP0 JFIF, SOF0,
EOI): what a reader of the format looks at. The valid values are built as a user
would, with the models.
"""

from __future__ import annotations

import struct
import zlib

from linebot_fp.models import (
    AudioSendMessage,
    BaseSize,
    BoxComponent,
    BubbleContainer,
    ButtonComponent,
    ButtonsTemplate,
    CameraAction,
    CarouselColumn,
    CarouselContainer,
    CarouselTemplate,
    ConfirmTemplate,
    DatetimePickerAction,
    Emojis,
    ExternalLink,
    FlexSendMessage,
    IconComponent,
    ImageCarouselColumn,
    ImageCarouselTemplate,
    ImageComponent,
    ImagemapArea,
    ImagemapSendMessage,
    ImageSendMessage,
    LocationAction,
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
    SeparatorComponent,
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

HTTPS = "https://example.com/a.jpg"


# -- images ------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(width: int, height: int, *, filler: bytes = b"") -> bytes:
    """A black-and-white PNG of ``width`` x ``height``; ``filler`` bytes go in a text chunk."""
    row = b"\x00" + bytes((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    extra = _chunk(b"tEXt", b"Comment\x00" + filler) if filler else b""
    return (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + extra + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b""))


def jpeg(width: int, height: int) -> bytes:
    """The header segments of a baseline JPEG of ``width`` x ``height``."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0
            + b"\xff\xc0" + struct.pack(">H", len(sof0) + 2) + sof0 + b"\xff\xd9")


def gif(width: int, height: int) -> bytes:
    """A one-color GIF89a of ``width`` x ``height``."""
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0)
            + b"\x00\x00\x00\xff\xff\xff" + b",\x00\x00\x00\x00"
            + struct.pack("<HH", width, height) + b"\x00\x02\x02\x44\x01\x00;")


# -- valid values --------------------------------------------------------------------------------


def quick_reply(count: int = 3) -> QuickReply:
    kinds = [MessageAction(label="Yes", text="yes"), CameraAction(label="Camera"),
             LocationAction(label="Where"), PostbackAction(label="More", data="more=1")]
    return QuickReply(items=[QuickReplyButton(action=kinds[i % len(kinds)],
                                              image_url="https://example.com/i.png")
                             for i in range(count)])


def bubble(**changes: object) -> BubbleContainer:
    """A bubble like the Simulator's restaurant sample: hero image, baseline rows, buttons."""
    fields: dict[str, object] = {
        "hero": ImageComponent(url="https://example.com/cafe.png", size="full",
                            aspect_ratio="20:13", aspect_mode="cover",
                            action=URIAction(uri="https://example.com/")),
        "body": BoxComponent(layout="vertical", contents=[
            TextComponent(text="Brown Cafe", weight="bold", size="xl"),
            BoxComponent(layout="baseline", margin="md", contents=[
                IconComponent(url="https://example.com/star.png", size="sm"),
                TextComponent(text="4.0", size="sm", color="#999999", margin="md", flex=0),
            ]),
            SeparatorComponent(margin="lg", color="#EEEEEEFF"),
            BoxComponent(layout="vertical", spacing="sm", padding_all="10px",
                         corner_radius="md", background_color="#F0F0F0",
                         contents=[TextComponent(text="Flex Tower, 7-7-4 Midori-ku",
                                                 wrap=True, size="sm")]),
        ]),
        "footer": BoxComponent(layout="vertical", spacing="sm", contents=[
            ButtonComponent(style="link", height="sm",
                            action=URIAction(label="CALL", uri="tel:0312345678")),
            ButtonComponent(style="primary",
                            action=PostbackAction(label="Book a table", data="book=1",
                                                  display_text="Book")),
        ]),
    }
    fields.update(changes)
    return BubbleContainer(**fields)  # type: ignore[arg-type]


def flex(contents: object = None, *, alt_text: str = "Brown Cafe") -> FlexSendMessage:
    return FlexSendMessage(alt_text=alt_text, contents=contents or bubble())  # type: ignore[arg-type]


def rich_menu(width: int = 2500, height: int = 1686, areas: int = 6) -> RichMenu:
    columns = 3
    rows = max(1, (areas + columns - 1) // columns)
    cell_w, cell_h = width // columns, height // rows
    return RichMenu(
        size=RichMenuSize(width=width, height=height), selected=True, name="main menu",
        chat_bar_text="Menu",
        areas=[RichMenuArea(bounds=RichMenuBounds(x=(i % columns) * cell_w,
                                                  y=(i // columns) * cell_h,
                                                  width=cell_w, height=cell_h),
                            action=(RichMenuSwitchAction(rich_menu_alias_id="page-2",
                                                         data="page=2")
                                    if i == 0 else MessageAction(text=f"area {i}")))
               for i in range(areas)])


def valid_messages() -> dict[str, object]:
    """One of each kind of message, within every limit (some right at the limit)."""
    picker = DatetimePickerAction(label="When", data="when", mode="datetime",
                                  initial="2024-06-18T06:15", min="2024-01-01T00:00",
                                  max="2100-12-31T23:59")
    column = CarouselColumn(thumbnail_image_url=HTTPS, title="Title", text="t" * 60,
                            actions=[PostbackAction(label="Buy", data="buy"),
                                     URIAction(label="View", uri="https://example.com/")])
    return {
        "text": TextSendMessage(text="Hello $", emojis=[
            Emojis(index=6, product_id="5ac1bfd5040ab15980c9b435", emoji_id="001")]),
        "text of 5,000 UTF-16 units (2,500 apples)": TextSendMessage(text="🍎" * 2500),
        "text with quick reply and sender": TextSendMessage(
            text="pick one", quick_reply=quick_reply(13),
            sender=Sender(name="Cony", icon_url="https://example.com/cony.png")),
        "label of 20 graphemes (thumbs up with skin tone)": TextSendMessage(
            text="x", quick_reply=QuickReply(items=[QuickReplyButton(
                action=MessageAction(label="👍🏽" * 20, text="ok"))])),
        "sticker": StickerSendMessage(package_id="446", sticker_id="1988"),
        "image": ImageSendMessage(original_content_url=HTTPS, preview_image_url=HTTPS),
        "video": VideoSendMessage(original_content_url="https://example.com/v.mp4",
                                  preview_image_url=HTTPS, tracking_id="track-1"),
        "audio": AudioSendMessage(original_content_url="https://example.com/a.m4a",
                                  duration=60000),
        "location": LocationSendMessage(title="LINE", address="Tokyo", latitude=35.65,
                                        longitude=139.7),
        "imagemap": ImagemapSendMessage(
            base_url="https://example.com/bot/images/rm001", alt_text="imagemap",
            base_size=BaseSize(width=1040, height=1040),
            actions=[URIImagemapAction(link_uri="https://example.com/", label="shop",
                                       area=ImagemapArea(x=0, y=0, width=520, height=1040)),
                     MessageImagemapAction(text="hello",
                                           area=ImagemapArea(x=520, y=0, width=520,
                                                             height=1040))],
            video=Video(original_content_url="https://example.com/v.mp4",
                        preview_image_url=HTTPS,
                        area=ImagemapArea(x=0, y=0, width=1040, height=585),
                        external_link=ExternalLink(link_uri="https://example.com/",
                                                   label="See More"))),
        "buttons template": TemplateSendMessage(alt_text="buttons", template=ButtonsTemplate(
            thumbnail_image_url=HTTPS, image_aspect_ratio="rectangle", image_size="cover",
            image_background_color="#FFFFFF", title="Menu", text="Please select",
            default_action=URIAction(label="View detail", uri="https://example.com/"),
            actions=[PostbackAction(label="Buy", data="action=buy&itemid=123"),
                     MessageAction(label="Add to cart", text="add"), picker,
                     URIAction(label="View", uri="https://example.com/")])),
        "confirm template": TemplateSendMessage(alt_text="confirm", template=ConfirmTemplate(
            text="Are you sure?", actions=[MessageAction(label="Yes", text="yes"),
                                           MessageAction(label="No", text="no")])),
        "carousel template of 10 columns": TemplateSendMessage(
            alt_text="carousel", template=CarouselTemplate(columns=[column] * 10)),
        "image carousel": TemplateSendMessage(
            alt_text="image carousel", template=ImageCarouselTemplate(columns=[
                ImageCarouselColumn(image_url=HTTPS,
                                    action=PostbackAction(label="12 letters!!", data="a"))])),
        "flex bubble": flex(),
        "flex carousel of 12 bubbles": flex(CarouselContainer(contents=[bubble()] * 12)),
        "flex video hero": flex(bubble(size="giga", hero=VideoComponent(
            url="https://example.com/v.mp4", preview_url=HTTPS, aspect_ratio="16:9",
            alt_content=ImageComponent(url=HTTPS, size="full", aspect_ratio="16:9")))),
    }
