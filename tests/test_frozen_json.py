"""``raw`` of the Unknown models: the JSON kept whole, frozen, hashable, read like JSON."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest

from linebot_fp import codec
from linebot_fp.models import (
    Event,
    JsonArray,
    JsonObject,
    MessageEvent,
    PostbackParams,
    Source,
    SourceUser,
    UnknownEvent,
    UnknownMessage,
)
from linebot_fp.models._json import freeze, thaw
from linebot_fp.webhook import parse_unverified

WIRE: dict[str, Any] = {"type": "hologram", "timestamp": 1, "id": "ü", "ratio": 0.1,
                        "items": [1, {"deep": [True, None]}], "nested": {"a": {"b": []}}}


def test_a_frozen_object_reads_like_the_json_it_was_made_from() -> None:
    raw = freeze(WIRE)
    assert isinstance(raw, JsonObject)
    assert isinstance(raw, dict)
    assert raw == WIRE
    assert raw == WIRE
    assert raw["type"] == "hologram"
    assert raw.get("missing") is None
    assert "id" in raw
    assert list(raw) == list(WIRE)
    assert len(raw) == len(WIRE)
    assert next(iter(raw.items())) == ("type", "hologram")
    assert isinstance(raw["items"], JsonArray)
    assert raw["items"] == [1, {"deep": [True, None]}]
    assert raw["items"][1]["deep"][0] is True
    assert raw["items"][1:] == [{"deep": [True, None]}]
    assert isinstance(raw["items"][1:], JsonArray)
    assert repr(raw) == repr(WIRE)
    assert json.dumps(raw) == json.dumps(WIRE)


def test_a_frozen_object_hashes_by_content_and_refuses_every_change() -> None:
    raw = freeze(WIRE)
    assert hash(raw) == hash(freeze(json.loads(json.dumps(WIRE))))
    assert len({raw, freeze(dict(WIRE))}) == 1
    assert hash(freeze([1, [2]])) == hash(freeze((1, (2,))))
    for change in (lambda: raw.__setitem__("x", 1), lambda: raw.__delitem__("id"),
                   lambda: raw.update(x=1), lambda: raw.pop("id"), raw.popitem, raw.clear,
                   lambda: raw.setdefault("x", 1)):
        with pytest.raises(TypeError, match="cannot change"):
            change()
    with pytest.raises(TypeError):
        raw |= {"x": 1}
    assert raw == WIRE


def test_a_frozen_value_pickles_copies_and_thaws_to_plain_json() -> None:
    raw = freeze(WIRE)
    for again in (pickle.loads(pickle.dumps(raw)), copy.copy(raw), copy.deepcopy(raw)):
        assert again == raw
        assert type(again) is JsonObject
        assert type(again["items"]) is JsonArray
    plain = thaw(raw)
    assert plain == WIRE
    assert type(plain) is dict
    assert type(plain["items"]) is list
    plain["x"] = 1  # a plain dict again, to change at will
    assert freeze(raw) is raw
    assert freeze(5) == 5
    assert freeze("x") == "x"


def test_an_event_holding_an_unknown_is_hashable_and_writes_its_json_back_exactly() -> None:
    body = json.dumps({"events": [WIRE, {"type": "message", "timestamp": 2,
                                         "message": {"type": "scent", "id": "9", "note": [1]}}]},
                      ensure_ascii=False)
    unknown, message = parse_unverified(body.encode())
    assert isinstance(unknown, UnknownEvent)
    assert isinstance(message, MessageEvent)
    assert isinstance(message.message, UnknownMessage)
    assert len({unknown, message, *parse_unverified(body.encode())}) == 2  # hashed by content
    assert codec.dumps(unknown) == json.dumps(WIRE, ensure_ascii=False,
                                              separators=(",", ":")).encode()
    assert codec.unstructure(message)["message"] == {"type": "scent", "id": "9", "note": [1]}
    assert unknown.raw["items"][1]["deep"] == [True, None]
    with pytest.raises(TypeError):
        unknown.raw["type"] = "changed"  # type: ignore[index]


def test_unknown_models_made_by_hand_freeze_what_they_are_given() -> None:
    given = {"type": "scent", "id": "9", "notes": ["rose"]}
    made = UnknownMessage(raw=given)
    assert type(made.raw) is JsonObject
    assert made.raw == given
    assert made.type == "scent"
    assert hash(made) == hash(UnknownMessage(raw=dict(given)))
    given["notes"].append("musk")  # the model kept its own frozen copy
    assert made.raw["notes"] == ["rose"]
    assert PostbackParams(raw={"date": "2024-01-01"}).date == "2024-01-01"
    params = PostbackParams(date="2024-01-02", raw={"date": "2024-01-01", "extra": 1})
    assert params.raw == {"date": "2024-01-02", "extra": 1}
    assert hash(params)


def test_a_family_base_made_directly_is_written_with_its_own_fields() -> None:
    assert codec.dumps(Event(timestamp=1)) == b'{"timestamp":1}'
    assert codec.unstructure(Source(user_id="U1")) == {"userId": "U1"}
    event = MessageEvent(timestamp=1, source=Source(user_id="U1"),
                         message=UnknownMessage(raw={"type": "x"}))
    assert codec.unstructure(event)["source"] == {"userId": "U1"}
    back = codec.structure(codec.unstructure(event), Event)
    assert isinstance(back, MessageEvent)
    assert back.source is not None
    assert back.source.user_id == "U1"  # read back as the unknown source, nothing lost
    assert codec.unstructure(SourceUser(user_id="U1")) == {"userId": "U1", "type": "user"}
