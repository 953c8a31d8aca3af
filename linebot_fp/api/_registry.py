"""Which builder serves which spec operation, and what each one answers.

Builders register themselves with :func:`operation`; the client asks
:func:`answer_type` how to decode a response. Response models are named as
``"module:Class"`` strings and imported on first use, so building requests
never pays for importing them. This module performs no I/O.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Final, TypeVar

from linebot_fp.request import Request

__all__ = ["BINARY", "FAMILIES", "OPERATIONS", "RESPONSES", "answer_type", "load_all",
           "operation"]

Builder = Callable[..., Request]
B = TypeVar("B", bound=Builder)

#: the answer of an operation whose body is binary content, streamed
BINARY: Final = "binary"

#: every operationId of the LINE OpenAPI specification -> its builder
OPERATIONS: dict[str, Builder] = {}

#: builder name (``Request.operation``) -> ``"module:Class"`` of its JSON answer, or BINARY
RESPONSES: dict[str, str] = {}

#: the modules whose builders register themselves here
FAMILIES = tuple(f"linebot_fp.api.{name}" for name in (
    "audience", "bot", "channel_token", "content", "coupon", "insight", "liff", "messaging",
    "module", "rich_menu", "shop", "webhook",
))

_resolved: dict[str, type | str | None] = {}
_loaded = False


def load_all() -> None:
    """Import every builder family, so OPERATIONS and RESPONSES are complete."""
    global _loaded
    if not _loaded:
        for module in FAMILIES:
            importlib.import_module(module)
        _loaded = True


def operation(*operation_ids: str, answers: str | None = None) -> Callable[[B], B]:
    """Register a builder under its spec operationIds, with the model it answers.

    ``answers`` is ``"linebot_fp.models.responses:Profile"``-style, or
    :data:`BINARY`; leave it out when the answer is an empty body.
    """

    def register(builder: B) -> B:
        for operation_id in operation_ids:
            OPERATIONS[operation_id] = builder
        if answers is not None:
            RESPONSES[builder.__name__] = answers
        return builder

    return register


def answer_type(operation_name: str) -> type | str | None:
    """The model class a JSON answer decodes to, ``BINARY``, or ``None`` (plain JSON)."""
    if operation_name not in _resolved:
        if operation_name not in RESPONSES:
            load_all()  # a request built by a family module not imported in this process
        spec = RESPONSES.get(operation_name)
        if spec is None or spec == BINARY:
            _resolved[operation_name] = spec
        else:
            module, _, name = spec.partition(":")
            _resolved[operation_name] = getattr(importlib.import_module(module), name)
    return _resolved[operation_name]


