"""Strict reading of a Flex Message Simulator paste, and the flex schema the checks know.

A valid paste is read and written back exactly; an unknown layout or type, a
missing required field or a property nobody knows is reported with its pointer,
never silently read as an ``Unknown...`` member.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, Literal

import pytest
from validation_support import bubble

from linebot_fp import codec
from linebot_fp.models import (
    BlockStyle,
    BoxComponent,
    BubbleContainer,
    BubbleStyle,
    ButtonComponent,
    CarouselContainer,
    FillerComponent,
    IconComponent,
    ImageComponent,
    LinearGradientBackground,
    SeparatorComponent,
    SpanComponent,
    TextComponent,
    UnknownFlexContainer,
    VideoComponent,
)
from linebot_fp.validation import read_flex, validate
from linebot_fp.validation.flex import FIELDS

#: a carousel as the Simulator shows it ("View as JSON"): spans, a gradient, styles
SIMULATOR_PASTE = """{
  "type": "carousel",
  "contents": [
    {
      "type": "bubble",
      "size": "kilo",
      "header": {
        "type": "box",
        "layout": "vertical",
        "contents": [
          {"type": "text", "text": "Brown Cafe", "color": "#ffffff", "size": "xl"}
        ],
        "background": {
          "type": "linearGradient",
          "angle": "0deg",
          "startColor": "#ff0000",
          "endColor": "#0000ff"
        },
        "paddingAll": "20px"
      },
      "body": {
        "type": "box",
        "layout": "horizontal",
        "contents": [
          {
            "type": "text",
            "contents": [
              {"type": "span", "text": "Hello, ", "weight": "bold"},
              {"type": "span", "text": "World", "decoration": "underline", "color": "#FF0000"}
            ],
            "wrap": true
          },
          {"type": "filler"}
        ],
        "justifyContent": "space-between",
        "alignItems": "center"
      },
      "styles": {"footer": {"separator": true, "separatorColor": "#EEEEEE"}}
    },
    {
      "type": "bubble",
      "size": "kilo",
      "body": {
        "type": "box",
        "layout": "vertical",
        "contents": [
          {"type": "image", "url": "https://example.com/a.png", "size": "full",
           "aspectRatio": "1.51:1", "aspectMode": "cover", "animated": true},
          {"type": "box", "layout": "baseline", "contents": [
            {"type": "icon", "url": "https://example.com/star.png", "size": "12px"},
            {"type": "text", "text": "4.0", "flex": 0, "offsetTop": "-2px"}
          ]}
        ],
        "paddingAll": "0px",
        "action": {"type": "uri", "label": "action", "uri": "http://linecorp.com/"}
      }
    }
  ]
}"""


def test_a_valid_paste_is_read_and_written_back_exactly() -> None:
    container, problems = read_flex(SIMULATOR_PASTE)
    assert problems == ()
    assert isinstance(container, CarouselContainer)
    assert codec.unstructure(container) == json.loads(SIMULATOR_PASTE)


def test_a_bubble_built_with_the_models_reads_back_as_the_same_model() -> None:
    paste = json.dumps(codec.unstructure(bubble()), indent=2)
    container, problems = read_flex(paste)
    assert problems == ()
    assert container == bubble()
    assert read_flex(paste.encode()) == (bubble(), ())
    assert read_flex(json.loads(paste)) == (bubble(), ())


def paste_with(body: dict[str, Any]) -> dict[str, Any]:
    return {"type": "bubble", "body": body}


@pytest.mark.parametrize(("paste", "property", "needle"), [
    (paste_with({"type": "box", "layout": "grid", "contents": []}), "body.layout", "'grid'"),
    (paste_with({"type": "box", "contents": []}), "body.layout", "required"),
    (paste_with({"type": "box", "layout": "vertical"}), "body.contents", "required"),
    (paste_with({"type": "box", "layout": "vertical", "contents": [{"type": "spacer"}]}),
     "body.contents[0].type", "unknown component type 'spacer'"),
    (paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "text", "text": "a", "wieght": "bold"}]}),
     "body.contents[0].wieght", "unknown property 'wieght' of a text"),
    (paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "button", "style": "primary"}]}), "body.contents[0].action", "required"),
    (paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "image"}]}), "body.contents[0].url", "required"),
    (paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "text", "text": "a", "flex": "1"}]}), "body.contents[0].flex", "integer"),
    (paste_with({"type": "box", "layout": "vertical", "contents": [], "background": {
        "type": "radialGradient"}}), "body.background.type", "unknown background type"),
    ({"type": "bubble", "body": {"type": "box", "layout": "vertical", "contents": []},
      "footter": {}}, "footter", "unknown property 'footter' of a bubble"),
    ({"type": "bubbles"}, "type", "unknown container type"),
], ids=["unknown layout", "no layout", "no contents", "unknown type", "typo in a key",
        "button without action", "image without url", "flex as text", "unknown background",
        "typo in a block", "unknown container"])
def test_a_fault_is_reported_with_its_pointer(paste: dict[str, Any], property: str,
                                              needle: str) -> None:
    _, problems = read_flex(paste)
    assert [p.property for p in problems] == [property], problems
    assert needle in problems[0].message


def test_an_unknown_layout_is_reported_not_silently_read_as_unknown() -> None:
    container, problems = read_flex(paste_with({"type": "box", "layout": "grid",
                                                "contents": []}))
    assert isinstance(container, UnknownFlexContainer)  # what the lenient codec makes of it
    assert problems  # and what the strict reader says about it


def test_validate_reports_the_structure_but_not_keys_it_does_not_know() -> None:
    typo = paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "text", "text": "a", "wieght": "bold"}]})
    assert validate(typo) == ()
    grid = paste_with({"type": "box", "layout": "grid", "contents": []})
    assert [p.property for p in validate(grid)] == ["body.layout"]


def test_a_whole_flex_message_is_read_from_its_contents() -> None:
    message = {"type": "flex", "altText": "a" * 1501,
               "contents": paste_with({"type": "box", "layout": "grid", "contents": []})}
    container, problems = read_flex(message)
    assert [p.property for p in problems] == ["altText", "contents.body.layout"]
    assert container is not None


@pytest.mark.parametrize(("paste", "needle"), [
    ("{not json", "not JSON"),
    ("[1, 2]", "a JSON object, got an array"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (42, "JSON text or an object"),
])
def test_what_is_not_a_container_is_one_problem_and_no_container(paste: Any,
                                                                  needle: str) -> None:
    container, problems = read_flex(paste)
    assert container is None
    assert len(problems) == 1
    assert problems[0].property == ""
    assert needle in problems[0].message


def test_a_mistyped_value_is_reported() -> None:
    paste = paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "text", "contents": [{"type": "span", "text": 5}]}]})
    _, problems = read_flex(paste)
    assert [p.property for p in problems] == ["body.contents[0].contents[0].text"]


def test_what_writing_back_would_drop_is_reported_even_when_the_schema_knows_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # should the schema ever know a property the models do not keep, the comparison of the
    # paste with what is written back still names it
    monkeypatch.setitem(FIELDS, "text", {**FIELDS["text"], "fontFamily": "string"})  # type: ignore[index]
    paste = paste_with({"type": "box", "layout": "vertical", "contents": [
        {"type": "text", "text": "a", "fontFamily": "serif"}]})
    container, problems = read_flex(paste)
    assert container is not None
    assert [p.property for p in problems] == ["body.contents[0].fontFamily"]
    assert "would drop it" in problems[0].message


# -- the schema the checks know is what the models keep -----------------------------------------

MODELS = {"bubble": BubbleContainer, "carousel": CarouselContainer, "box": BoxComponent,
          "button": ButtonComponent, "filler": FillerComponent, "icon": IconComponent,
          "image": ImageComponent, "separator": SeparatorComponent, "span": SpanComponent,
          "text": TextComponent, "video": VideoComponent, "styles": BubbleStyle,
          "block style": BlockStyle, "linearGradient": LinearGradientBackground}


def camel(name: str) -> str:
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(part.title() for part in rest)


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_each_flex_type_knows_exactly_the_fields_of_its_model(kind: str) -> None:
    model = MODELS[kind]
    hints = typing.get_type_hints(model)
    fields = {camel(field.name): hints[field.name] for field in dataclasses.fields(model)}
    assert set(FIELDS[kind]) == set(fields)
    for key, hint in fields.items():
        choices = [arg for arg in typing.get_args(hint) if typing.get_origin(arg) is Literal]
        if typing.get_origin(hint) is Literal:
            choices = [hint]
        if choices:
            assert set(FIELDS[kind][key]) == set(typing.get_args(choices[0])), key
