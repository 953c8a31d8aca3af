"""One small valid instance of every public model class, made from its fields alone.

``sample(cls)`` fills the required fields (and nothing else) from their type hints:
a string, a number, a one-item sequence, a nested model (a family base gets its
first member); a model whose own checks want more gets it from ``_OVERRIDES``.
Used by the tests that check every model pickles, copies, replaces and decodes,
also in fresh processes and from the Lambda layouts (so: standard library and
``linebot_fp`` only).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union

import linebot_fp.models as models
from linebot_fp.models._base import family_of

__all__ = ["model_classes", "sample"]

#: optional fields some models' own checks want given: class name -> field -> value maker
_EXTRA: dict[str, dict[str, Any]] = {
    "TextComponent": {"text": lambda: "x"},
    "OperatorDemographicFilter": {"and_": lambda: (sample(models.AgeFilter),)},
    "OperatorRecipient": {"and_": lambda: (sample(models.AudienceRecipient),)},
}


def model_classes() -> list[type]:
    """Every public model class of ``linebot_fp.models`` (dataclasses only), by name."""
    found = []
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            found.append(value)
    return found


def sample(cls: type, depth: int = 0) -> Any:
    """A valid instance of the model ``cls``, only its required fields given."""
    table = family_of(cls)
    if table is not None:  # a family base: the first member that can be made stands for it
        for member in table.members().values():
            try:
                return sample(member, depth + 1)
            except ValueError:
                continue
    hints = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.default is not dataclasses.MISSING or (
                field.default_factory is not dataclasses.MISSING):
            continue
        values[field.name] = _value(hints[field.name], field.name, depth)
    values.update({name: make() for name, make in _EXTRA.get(cls.__name__, {}).items()})
    for attempt in range(3):
        try:
            return cls(**values)
        except ValueError as error:  # a count or a length: give longer sequences once
            if attempt == 2:
                raise
            values = {name: (value * 2 if isinstance(value, tuple) else value)
                      for name, value in values.items()}
            last = error
    raise last  # pragma: no cover


def _value(hint: Any, name: str, depth: int) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _value(options[0], name, depth)
    if origin is Literal:
        return typing.get_args(hint)[0]
    if hint is str:
        return "https://example.com/x.png" if "url" in name else "x"
    if hint is bool:
        return True
    if hint is int:
        return 1
    if hint is float:
        return 1.5
    if hint is Any or hint is object:
        return "x"
    if origin in (Sequence, tuple, list):
        return (_value(typing.get_args(hint)[0], name, depth),)
    if origin in (Mapping, dict):
        return {}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if depth > 6:
            raise ValueError(f"{hint.__name__} nests too deep to sample")
        return sample(hint, depth + 1)
    raise TypeError(f"no sample for {hint!r}")
