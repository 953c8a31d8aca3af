"""Every send-side model round-trips through the codec, on values Hypothesis generates.

The strategies are derived from the models' type hints (Literal choices, optional
fields, sequences, nested families), not written by hand; the few rules that
``_check`` enforces beyond types (counts, cross-field rules) are stated below.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import types
import typing
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Literal, Union

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from linebot_fp import codec
from linebot_fp.models import (
    actions,
    flex,
    imagemap,
    narrowcast,
    rich_menu,
    send_messages,
    templates,
)
from linebot_fp.models._base import Model, Unknown

MODULES = (actions, send_messages, templates, imagemap, flex, rich_menu, narrowcast)

#: (class, field) -> (fewest, most) items, as the models' ``_check`` enforce them
COUNTS: dict[tuple[type, str], tuple[int, int]] = {
    (send_messages.QuickReply, "items"): (0, 13),
    (templates.ButtonsTemplate, "actions"): (1, 4),
    (templates.ConfirmTemplate, "actions"): (2, 2),
    (templates.CarouselColumn, "actions"): (1, 3),
    (templates.CarouselTemplate, "columns"): (1, 10),
    (templates.ImageCarouselTemplate, "columns"): (1, 10),
    (imagemap.ImagemapSendMessage, "actions"): (0, 50),
    (flex.CarouselContainer, "contents"): (1, 12),
    (rich_menu.RichMenu, "areas"): (0, 20),
    (rich_menu.RichMenuBatchRequest, "operations"): (1, 1000),
    (rich_menu.RichMenuBulkLinkRequest, "user_ids"): (1, 500),
    (rich_menu.RichMenuBulkUnlinkRequest, "user_ids"): (1, 500),
}

MAX_DEPTH = 3  # nesting of models below which only optional-free leaves are generated
MAX_ITEMS = 3  # generated sequences hold at most this many items (or the documented minimum)
UNKNOWN_TAG = "x-not-a-known-type"

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)


def is_family(cls: type) -> bool:
    return "type" in inspect.get_annotations(cls) and "type" not in cls.__dict__


def send_model_classes() -> list[type]:
    found: list[type] = []
    for module in MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, Model) and dataclasses.is_dataclass(obj):
                found.append(obj)
    return found


CLASSES = send_model_classes()
CONCRETE = [cls for cls in CLASSES if not is_family(cls)]


def members(base: type) -> list[type]:
    return [cls for cls in CONCRETE if issubclass(cls, base) and cls is not base]


def strip_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            return args[0], True
    return hint, False


def required_fields(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]


def model_types(hint: Any) -> list[type]:
    """The model classes a (required) field's value must contain."""
    inner, _ = strip_optional(hint)
    if typing.get_origin(inner) in (tuple, Sequence):
        inner = typing.get_args(inner)[0]
    return [inner] if isinstance(inner, type) and issubclass(inner, Model) else []


def ranks() -> dict[type, float]:
    """How deep the smallest value of each class nests models (a fixed point).

    Past ``MAX_DEPTH`` a family offers only its members of smallest rank, which
    makes every generated value (and the building of the strategies) finite.
    """
    universe = set(CLASSES)
    pending = list(CLASSES)
    while pending:
        for _, hint in required_fields(pending.pop()):
            for found in model_types(hint):
                if found not in universe:
                    universe.add(found)
                    pending.append(found)
    rank: dict[type, float] = dict.fromkeys(universe, float("inf"))
    changed = True
    while changed:
        changed = False
        for cls in universe:
            if is_family(cls):
                new = min((rank[m] for m in members(cls) if not issubclass(m, Unknown)),
                          default=float("inf"))
            else:
                needs = [rank[t] for name, hint in required_fields(cls)
                         if COUNTS.get((cls, name), (0, 0))[0] > 0 or
                         typing.get_origin(hint) not in (tuple, Sequence)
                         for t in model_types(hint)]
                new = 1 + max(needs, default=0)
            if new < rank[cls]:
                rank[cls] = new
                changed = True
    return rank


RANK = ranks()


def for_hint(hint: Any, depth: int, unknown: bool, counts: tuple[int, int] = (0, MAX_ITEMS)
             ) -> st.SearchStrategy[Any]:
    inner, optional = strip_optional(hint)
    if optional:
        if depth >= MAX_DEPTH:
            return st.none()
        return st.none() | for_hint(inner, depth, unknown, counts)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return st.sampled_from(typing.get_args(hint))
    if origin in (tuple, Sequence):
        low, high = counts
        size = low if depth >= MAX_DEPTH else min(high, max(low, MAX_ITEMS))
        if size == 0:
            return st.just([])
        return st.lists(for_hint(typing.get_args(hint)[0], depth, unknown), min_size=low,
                        max_size=size)
    if origin in (dict, Mapping) or hint is Mapping:
        _, value = typing.get_args(hint)
        return st.dictionaries(TEXT, for_hint(value, depth, unknown), max_size=MAX_ITEMS)
    if hint is str:
        return TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(min_value=-(2**53), max_value=2**53)
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-1000, 1000)
    if isinstance(hint, type) and issubclass(hint, Model):
        return model(hint, depth, unknown)
    raise AssertionError(f"no strategy for {hint!r}: teach this test about it")


def columns_with_equal_actions(depth: int, unknown: bool) -> st.SearchStrategy[Any]:
    """Carousel columns must all have the same number of actions."""
    def columns(count: int) -> st.SearchStrategy[Any]:
        action = for_hint(actions.Action, depth + 2, unknown)
        column = model(templates.CarouselColumn, depth + 1, unknown, fixed=(
            ("actions", st.lists(action, min_size=count, max_size=count)),))
        return st.lists(column, min_size=1, max_size=MAX_ITEMS)
    return st.integers(1, 3).flatmap(columns)


def regex(pattern: str) -> st.SearchStrategy[Any]:
    return st.none() | st.from_regex(pattern, fullmatch=True)


#: fields whose values obey more than their type says
SPECIAL: dict[tuple[type, str], Any] = {
    (rich_menu.RichMenuAlias, "rich_menu_alias_id"): lambda d, u: regex(r"[a-z0-9_-]{1,32}"),
    (rich_menu.RichMenuBatchRequest, "resume_request_key"):
        lambda d, u: regex(r"[a-zA-Z0-9_-]{1,100}"),
    (narrowcast.Limit, "max"): lambda d, u: st.none() | st.integers(1, 2**31 - 1),
    (templates.CarouselTemplate, "columns"): columns_with_equal_actions,
}

#: cross-field rules a generated set of arguments must meet
VALID: dict[type, Any] = {
    narrowcast.OperatorRecipient:
        lambda kw: any(kw[k] is not None for k in ("and_", "or_", "not_")),
    narrowcast.OperatorDemographicFilter:
        lambda kw: any(kw[k] is not None for k in ("and_", "or_", "not_")),
    flex.TextComponent: lambda kw: kw["text"] is not None or bool(kw["contents"]),
    narrowcast.Limit: lambda kw: not kw["forbid_partial_delivery"] or kw["up_to_remaining_quota"],
}


@cache
def model(cls: type, depth: int, unknown: bool,
          fixed: tuple[tuple[str, st.SearchStrategy[Any]], ...] = ()) -> st.SearchStrategy[Any]:
    if is_family(cls):
        choices = [m for m in members(cls) if unknown or not issubclass(m, Unknown)]
        if depth >= MAX_DEPTH:
            choices = [m for m in choices if issubclass(m, Unknown) or RANK[m] == RANK[cls]]
        return st.one_of([model(m, depth, unknown) for m in choices])
    if issubclass(cls, Unknown):
        raw = st.fixed_dictionaries({"type": st.just(UNKNOWN_TAG),
                                     "payload": st.integers() | TEXT})
        return st.builds(cls, raw=raw)
    hints = typing.get_type_hints(cls)
    given_fields = dict(fixed)
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for f in dataclasses.fields(cls):
        if f.name in given_fields:
            fields[f.name] = given_fields[f.name]
        elif (cls, f.name) in SPECIAL:
            fields[f.name] = SPECIAL[cls, f.name](depth, unknown)
        else:
            counts = COUNTS.get((cls, f.name), (0, MAX_ITEMS))
            fields[f.name] = for_hint(hints[f.name], depth + 1, unknown, counts)
    arguments = st.fixed_dictionaries(fields)
    if cls in VALID:
        arguments = arguments.filter(VALID[cls])
    return arguments.map(lambda kw: cls(**kw))


def strategy(cls: type, unknown: bool = True) -> st.SearchStrategy[Any]:
    return model(cls, 0, unknown)


def assert_no_lists(value: Any, where: str = "value") -> None:
    """Every sequence inside a model is a tuple, every mapping read-only."""
    if isinstance(value, Unknown):
        return
    if isinstance(value, Model):
        for f in dataclasses.fields(value):
            assert_no_lists(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            assert_no_lists(item, f"{where}[{index}]")
    elif isinstance(value, Mapping):
        assert isinstance(value, types.MappingProxyType), f"{where} is a mutable mapping"
        for key, item in value.items():
            assert_no_lists(item, f"{where}[{key!r}]")
    else:
        assert not isinstance(value, (list, dict, set)), f"{where} is a {type(value).__name__}"


def family_of(cls: type) -> type | None:
    for base in cls.__mro__[1:]:
        if base in CLASSES and is_family(base):
            return base
    return None


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_every_send_model_is_generated() -> None:
    assert len(CONCRETE) >= 80  # a missing module or __all__ would shrink this
    names = {cls.__name__ for cls in CONCRETE}
    for name in ("TextSendMessage", "BubbleContainer", "OperatorRecipient", "RichMenu",
                 "ImagemapSendMessage", "ButtonsTemplate", "UnknownAction"):
        assert name in names


@pytest.mark.parametrize("cls", CONCRETE, ids=lambda cls: cls.__name__)
@SETTINGS
@given(data=st.data())
def test_round_trip(cls: type, data: st.DataObject) -> None:
    value = data.draw(strategy(cls))
    wire = codec.unstructure(value)
    assert codec.structure(wire, cls) == value
    assert codec.structure(json.loads(codec.dumps(value)), cls) == value
    family = family_of(cls)
    if family is not None:
        assert codec.structure(wire, family) == value


@pytest.mark.parametrize("cls", [c for c in CONCRETE if not issubclass(c, Unknown)],
                         ids=lambda cls: cls.__name__)
@SETTINGS
@given(data=st.data())
def test_values_are_immutable_hashable_and_equal_by_value(cls: type, data: st.DataObject) -> None:
    value = data.draw(strategy(cls, unknown=False))
    assert_no_lists(value)
    again = codec.structure(codec.unstructure(value), cls)
    assert again is not value
    assert again == value
    assert hash(again) == hash(value)
    assert len({value, again}) == 1
