"""The wire format, on small models defined here (the real ones have their own tests)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import pytest

from linebot_fp import codec
from linebot_fp.errors import InvalidInputError, InvalidPayloadError
from linebot_fp.models._base import Family, Model, Unknown, check_count, wire


@dataclass(frozen=True, slots=True, kw_only=True)
class Shape(Model):
    type: ClassVar[str]
    family: ClassVar[Family] = Family(
        {"circle": f"{__name__}:Circle", "square": f"{__name__}:Square"},
        unknown=f"{__name__}:UnknownShape")
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Circle(Shape):
    type: ClassVar[str] = "circle"
    radius_px: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Square(Shape):
    type: ClassVar[str] = "square"
    side: float
    fill: Literal["red", "blue"] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownShape(Unknown, Shape):
    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Drawing(Model):
    shapes: tuple[Shape, ...]
    title_url: str | None = None
    from_: str | None = field(default=None, metadata=wire("from"))
    alt_uri: str | None = field(default=None, metadata=wire("altURI"))
    tags: tuple[str, ...] | None = None

    def _check(self) -> None:
        check_count(self, "shapes", self.shapes, 1, 3)


@dataclass(frozen=True, slots=True, kw_only=True)
class Token(Model):
    wire_style: ClassVar[str] = "snake"
    access_token: str
    expires_in: int


DRAWING = Drawing(shapes=[Circle(radius_px=2), Square(side=1.5, label="ü")], title_url="u",
                  from_="f", alt_uri="a", tags=["x"])
DRAWING_JSON = {
    "shapes": [{"type": "circle", "radiusPx": 2}, {"type": "square", "side": 1.5, "label": "ü"}],
    "titleUrl": "u", "from": "f", "altURI": "a", "tags": ["x"],
}


def test_camel_case_keys_named_keys_and_no_none():
    assert codec.unstructure(DRAWING) == DRAWING_JSON
    assert codec.unstructure(Drawing(shapes=[Circle(radius_px=1)])) == {
        "shapes": [{"type": "circle", "radiusPx": 1}]}


def test_snake_case_classes():
    assert codec.unstructure(Token(access_token="t", expires_in=3)) == {
        "access_token": "t", "expires_in": 3}
    assert codec.structure({"access_token": "t", "expires_in": 3}, Token).access_token == "t"


def test_round_trip_and_tuples():
    back = codec.structure(DRAWING_JSON, Drawing)
    assert back == DRAWING
    assert isinstance(back.shapes, tuple)
    assert isinstance(back.tags, tuple)
    assert hash(back) == hash(DRAWING)


def test_dumps_is_compact_utf8_with_non_ascii_kept():
    expected = '{"side":1,"label":"日本","type":"square"}'.encode()
    assert codec.dumps(Square(side=1, label="日本")) == expected


def test_unknown_tag_keeps_the_raw_object():
    data = {"shapes": [{"type": "hexagon", "n": 6, "label": "h"}]}
    drawing = codec.structure(data, Drawing)
    shape = drawing.shapes[0]
    assert isinstance(shape, UnknownShape)
    assert isinstance(shape, Shape)
    assert shape.type == "hexagon"
    assert shape.raw == {"type": "hexagon", "n": 6, "label": "h"}
    assert shape.label == "h"  # common fields are read where they can be
    assert codec.unstructure(drawing) == data  # nothing lost on the way back


def test_known_tag_in_a_shape_we_cannot_read_degrades_to_unknown():
    shape = codec.structure({"type": "circle"}, Shape)
    assert isinstance(shape, UnknownShape)
    assert shape.raw == {"type": "circle"}


def test_unknown_keys_are_ignored():
    assert codec.structure({"type": "circle", "radiusPx": 1, "newKey": 1}, Shape) == Circle(
        radius_px=1)


@pytest.mark.parametrize(("data", "message"), [
    ([], "must be a JSON object"),
    ({"shapes": 5}, "Drawing"),
    ({}, "missing key 'shapes'"),
])
def test_structure_errors_are_invalid_payload_errors(data, message):
    with pytest.raises(InvalidPayloadError, match=message):
        codec.structure(data, Drawing)


def test_loads_rejects_what_is_not_json():
    with pytest.raises(InvalidPayloadError, match="not JSON"):
        codec.loads(b"{nope")


@pytest.mark.parametrize(("make", "message"), [
    (lambda: Drawing(shapes=[]), r"Drawing.shapes takes between 1 and 3 items, got 0"),
    (lambda: Drawing(shapes="circle"), r"Drawing.shapes takes a sequence, got str"),
    (lambda: Square(side=1, fill="green"), r"Square.fill must be one of 'blue', 'red'"),
    (lambda: Circle(radius_px=None), r"Circle.radius_px is required"),
])
def test_models_check_cheap_structure(make, message):
    with pytest.raises(InvalidInputError, match=message):
        make()


def test_hooks_are_generated_once_per_class():
    first = codec.converter.get_unstructure_hook(Drawing)
    assert codec.converter.get_unstructure_hook(Drawing) is first
    assert codec.converter.get_structure_hook(Shape) is codec.converter.get_structure_hook(Shape)


def test_camel():
    assert codec.camel("original_content_url") == "originalContentUrl"
    assert codec.camel("and_") == "and"
    assert codec.camel("media_played_25_percent") == "mediaPlayed25Percent"


def test_an_unknown_member_reads_the_shared_fields_it_can_and_keeps_the_json_frozen():
    data = {"type": "hexagon", "label": "h", "n": 6, "corners": [[0, 1], {"x": 2}]}
    decoded = codec.structure(data, Shape)
    assert decoded == UnknownShape(raw=data, label="h")  # made by hand: the fields given
    assert UnknownShape(raw=data).label is None
    assert decoded.raw == data
    assert decoded.raw["corners"][1]["x"] == 2
    assert hash(decoded) == hash(UnknownShape(raw=dict(data), label="h"))
    assert codec.unstructure(decoded) == data
    assert type(codec.unstructure(decoded)["corners"]) is list  # plain JSON again
    assert codec.structure({"type": "hexagon", "label": 5}, Shape).label == 5  # read as is
    assert codec.structure({"type": "hexagon", "label": [5]}, Shape).raw["label"] == [5]
