"""The parts the checks stand on: counting as LINE counts, image headers, what validate takes."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from validation_support import gif, jpeg, png, rich_menu

from linebot_fp import codec, validate
from linebot_fp.api import get_profile, push_message
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import (
    BoxComponent,
    BubbleContainer,
    FlexSendMessage,
    IconComponent,
    MessageAction,
    QuickReply,
    QuickReplyButton,
    TextComponent,
    TextSendMessage,
    UnknownSendMessage,
)
from linebot_fp.validation.images import ImageInfo, image_info
from linebot_fp.validation.text import graphemes, utf16_units


@pytest.mark.parametrize(("text", "units"), [
    ("", 0), ("hello", 5), ("日本語", 3), ("🍎", 2), ("🍎a", 3), ("👍🏽", 4), ("e\u0301", 2),
    ("🇯🇵", 4), ("👩‍💻", 5),
])
def test_utf16_units_count_surrogate_pairs_as_two(text: str, units: int) -> None:
    assert utf16_units(text) == units


@pytest.mark.parametrize(("text", "clusters"), [
    ("", 0), ("hello", 5), ("日本語", 3), ("🍎", 1), ("👍🏽", 1), ("é", 1), ("e\u0301", 1),
    ("🇯🇵🇺🇸", 2), ("🇯🇵🇺", 2), ("👩‍💻", 1), ("👨‍👩‍👧‍👦", 1), ("\r\n", 1), ("\n\r", 2),
    ("한국어", 3), ("\u1100\u1161\u11a8", 1), ("กำ", 1), ("🏴\U000e0067\U000e0062\U000e0065"
                                                          "\U000e006e\U000e0067\U000e007f", 1),
    ("a\u200db", 1), ("❤️", 1),
])
def test_graphemes_count_what_a_reader_sees_as_one_character(text: str, clusters: int) -> None:
    assert graphemes(text) == clusters


@pytest.mark.parametrize(("data", "info"), [
    (png(2500, 1686), ImageInfo("png", 2500, 1686)),
    (jpeg(800, 270), ImageInfo("jpeg", 800, 270)),
    (gif(1, 1), ImageInfo("gif", 1, 1)),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", ImageInfo("webp")),
    (b"BM" + bytes(60), ImageInfo("bmp")),
    (b"", ImageInfo("")),
    (b"\x89PNG\r\n\x1a\n", ImageInfo("png")),
    (b"\xff\xd8\xff\xd9", ImageInfo("jpeg")),
    (b"\xff\xd8\x00\x00", ImageInfo("jpeg")),
])
def test_image_info_reads_format_and_size_from_the_header(data: bytes, info: ImageInfo) -> None:
    assert image_info(data) == info


def test_a_jpeg_s_size_is_found_after_other_segments_and_fill_bytes() -> None:
    exif = b"\xff\xe1" + struct.pack(">H", 2 + 100) + bytes(100)
    data = jpeg(1200, 405)
    data = data[:2] + exif + b"\xff" + data[2:]
    assert image_info(data) == ImageInfo("jpeg", 1200, 405)
    # a progressive JPEG (SOF2) says its size the same way
    assert image_info(jpeg(800, 540).replace(b"\xff\xc0", b"\xff\xc2")) == ImageInfo(
        "jpeg", 800, 540)


def test_a_component_and_a_quick_reply_are_checked_on_their_own() -> None:
    box = BoxComponent(layout="baseline", contents=[IconComponent(url="http://a/i.png")])
    assert [p.property for p in validate(box)] == ["contents[0].url"]
    reply = QuickReply(items=[QuickReplyButton(action=MessageAction(label="l" * 21,
                                                                    text="x"))])
    assert [p.property for p in validate(reply)] == ["items[0].action.label"]


def test_an_unknown_message_kept_raw_is_named_by_its_type() -> None:
    message = UnknownSendMessage(raw={"type": "sticker2", "id": "1"})
    assert [p.property for p in validate([message])] == ["messages[0].type"]


def test_a_text_component_as_json_is_a_flex_component_not_a_message() -> None:
    assert validate(TextComponent(text="a", color="red"))[0].property == "color"
    # a JSON object typed "text" reads as a text message: that is what LINE would read
    assert validate({"type": "text", "text": ""})[0].property == "text"


@pytest.mark.parametrize(("value", "match"), [
    (42, "got int"),
    ("text", "got str"),
    ({"hello": 1}, "keys"),
    (get_profile("U1"), "no body"),
    (b"\x89PNG", "got bytes"),
])
def test_what_validate_cannot_check_is_an_invalid_input_error(value: Any, match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        validate(value)


def test_an_image_goes_only_with_a_rich_menu() -> None:
    with pytest.raises(InvalidInputError, match="image= goes with a rich menu"):
        validate(TextSendMessage(text="x"), image=png(800, 270))
    with pytest.raises(InvalidInputError, match="image= goes with a rich menu"):
        validate(push_message("U1", TextSendMessage(text="x")), image=png(800, 270))
    assert validate(rich_menu(), image=bytearray(png(2500, 1686))) == ()


def test_a_wrong_json_type_is_a_problem_not_an_exception() -> None:
    problems = validate([{"type": "text", "text": 5}, {"type": "flex", "altText": "a",
                                                        "contents": []}, "hello", None])
    assert [(p.property, p.message) for p in problems] == [
        ("messages[0].text", "text must be a string, got a number"),
        ("messages[1].contents", "contents must be an object, got an array"),
        ("messages[2]", "a message must be an object, got a string"),
        ("messages[3]", "a message must be an object, got null"),
    ]


def test_a_model_and_its_json_give_the_same_problems() -> None:
    message = FlexSendMessage(alt_text="a" * 1501, contents=BubbleContainer(
        body=BoxComponent(layout="vertical", contents=[TextComponent(text="a", color="red")])))
    problems = validate([message])
    assert [p.property for p in problems] == ["messages[0].altText",
                                              "messages[0].contents.body.contents[0].color"]
    assert validate([codec.unstructure(message)]) == problems


def test_the_readme_example_prints_what_the_readme_says(capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Checking messages before sending", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md", "exec"), {})  # the README's own example
    printed = capsys.readouterr().out.splitlines()
    expected = [line.removeprefix("# ") for line in code.splitlines() if line.startswith("# ")]
    assert printed == expected
