"""Endpoint paths, and the checks on the ids that fill their ``{placeholders}``.

An id is percent-encoded (``/`` included) before it goes in a path. Some ids would
still send the request somewhere else, so :func:`fill` refuses them with an
``InvalidInputError`` naming the parameter (the snake_case of the placeholder):

* an id that is empty, ``.`` or ``..``, or that has such a segment once split on
  ``/`` or ``\\``, also after percent-decoding it once or twice (``%2e%2E``):
  a server or proxy that decodes and normalises would climb out of the path;
* an id equal to a fixed segment that another endpoint has at the same place,
  under the same prefix: ``unlink_rich_menu_from_user("all")`` would be
  ``DELETE /v2/bot/user/all/richmenu``, which cancels the default rich menu.

Those fixed segments are derived once per template from ``ROUTES``, the paths of
every endpoint the builders call (:mod:`linebot_fp.api._endpoints`, read on the first
path with a placeholder: a reply or a push never loads it); no builder lists them
itself. This module performs no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from linebot_fp.errors import InvalidInputError
from linebot_fp.request import decoded_forms, has_dot_segment

if TYPE_CHECKING:
    from linebot_fp.api._endpoints import ROUTES as ROUTES

__all__ = ["ROUTES", "fill", "parameter_name", "reserved_segments", "valid_unicode"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def parameter_name(placeholder: str) -> str:
    """The builder parameter a placeholder stands for: ``richMenuId`` -> ``rich_menu_id``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", placeholder).lower()


def _segments(template: str) -> tuple[str, ...]:
    return tuple(template.strip("/").split("/"))


def _is_placeholder(segment: str) -> bool:
    return _PLACEHOLDER.fullmatch(segment) is not None


@cache
def reserved_segments(template: str) -> MappingProxyType[str, frozenset[str]]:
    """For each placeholder of ``template``, the fixed segments an id there must not equal.

    A fixed segment counts when some route has it at the placeholder's position
    and agrees with ``template`` before it (equal fixed segments, or a
    placeholder on either side): a server routes fixed segments first.
    """
    from linebot_fp.api._endpoints import ROUTES

    own = _segments(template)
    routes = [_segments(route) for route in {*ROUTES, template}]
    reserved: dict[str, frozenset[str]] = {}
    for index, segment in enumerate(own):
        match = _PLACEHOLDER.fullmatch(segment)
        if match is None:
            continue
        reserved[match.group(1)] = frozenset(
            other[index] for other in routes
            if len(other) > index and not _is_placeholder(other[index])
            and all(a == b or _is_placeholder(a) or _is_placeholder(b)
                    for a, b in zip(own[:index], other[:index], strict=True)))
    return MappingProxyType(reserved)


def fill(template: str, params: dict[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by its id, checked, then percent-encoded."""
    from urllib.parse import quote  # here: a reply or a push has no id in its path

    reserved = reserved_segments(template)
    encoded = {}
    for placeholder, value in params.items():
        name = parameter_name(placeholder)
        if not isinstance(value, str):
            raise InvalidInputError(f"{name} must be a string, got {type(value).__name__}")
        _check_segment(name, valid_unicode(name, value), reserved.get(placeholder, frozenset()))
        encoded[placeholder] = quote(value, safe="")
    return template.format_map(encoded)


def valid_unicode(name: str, value: str) -> str:
    """``value``, unless it holds a lone surrogate (no UTF-8 for it): ``InvalidInputError``."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError(f"{name} is not valid Unicode text (it holds a lone "
                                f"surrogate), got {value!r}") from None
    return value


def _check_segment(name: str, value: str, reserved: frozenset[str]) -> None:
    if has_dot_segment(value):
        raise InvalidInputError(f"{name} must be a non-empty id without '.' or '..' segments "
                                f"(also percent-encoded), got {value!r}")
    for form in decoded_forms(value):
        if form in reserved:
            decoded = "" if form == value else f" once percent-decoded (got {value!r})"
            raise InvalidInputError(f"{name} must not be {form!r}{decoded}: the path would "
                                    f"then name another endpoint")


def __getattr__(name: str) -> Any:
    """``ROUTES`` (the paths of :mod:`linebot_fp.api._endpoints`) loads on first use."""
    if name == "ROUTES":
        from linebot_fp.api import _endpoints

        return _endpoints.ROUTES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
