"""Every send-side model, as Hypothesis generates it, converts to its legacy class and back
unchanged, with the same JSON either way (the strategies are the core round-trip tests')."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from test_send_roundtrip import CONCRETE, strategy

from linebot_fp import codec
from linebot_fp.compat.models import Base
from linebot_fp.compat.models._factory import from_core, legacy_class, to_core
from linebot_fp.models._base import Unknown

KNOWN = [cls for cls in CONCRETE if not issubclass(cls, Unknown)]


#: what the legacy SDK writes when a value leaves it out (see the table's ``=`` defaults)
LEGACY_DEFAULTS = {("animated", False), ("upToRemainingQuota", False)}


def without_legacy_defaults(data: Any) -> Any:
    """``data`` without the members the legacy constructors fill in (defaults, empty lists)."""
    if isinstance(data, list):
        return [without_legacy_defaults(item) for item in data]
    if isinstance(data, dict):
        return {key: without_legacy_defaults(item) for key, item in data.items()
                if not (item is False and (key, item) in LEGACY_DEFAULTS) and item != []}
    return data


def assert_legacy_shaped(value: Any) -> None:
    """Models are legacy classes, sequences lists, all the way down."""
    assert not isinstance(value, tuple)
    if isinstance(value, list):
        for item in value:
            assert_legacy_shaped(item)
    elif isinstance(value, Base):
        for item in vars(value).values():
            assert_legacy_shaped(item)


@pytest.mark.parametrize("cls", KNOWN, ids=lambda cls: cls.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_core_values_become_legacy_values_with_the_same_json_and_back(
        cls: type, data: st.DataObject) -> None:
    value = data.draw(strategy(cls, unknown=False))
    legacy = from_core(value)
    assert type(legacy) is legacy_class(cls)
    assert_legacy_shaped(legacy)
    assert legacy.as_json_dict() == codec.unstructure(value)
    assert json.loads(str(legacy)) == codec.unstructure(value)
    assert legacy == value
    assert to_core(legacy, cls) == value
    # read from JSON, the legacy constructors fill in their defaults, as the legacy SDK did
    rebuilt = legacy_class(cls).new_from_json_dict(codec.unstructure(value))
    assert without_legacy_defaults(rebuilt.as_json_dict()) == without_legacy_defaults(
        codec.unstructure(value))
    assert without_legacy_defaults(codec.unstructure(to_core(rebuilt, cls))) == (
        without_legacy_defaults(codec.unstructure(value)))
