"""Which builder serves which spec operation, and what each one answers.

Builders register themselves with :func:`operation`; the client asks
:func:`answer_type` how to decode a response. A builder's return annotation
is the one place its answer is written (``-> Request[Profile]``): the type
checker reads it for ``client.send``, and this module reads the same text to
decode, so the two cannot disagree. The answer model is looked up by name in
:mod:`linebot_fp.models` on the first answer of that operation, so building
requests never imports response models. This module performs no I/O.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Final, TypeVar

from linebot_fp.request import Request

__all__ = ["BINARY", "EMPTY", "FAMILIES", "OPERATIONS", "RESPONSES", "answer_type",
           "load_all", "operation"]

Builder = Callable[..., Request[Any]]
B = TypeVar("B", bound=Builder)

#: the answer of an operation whose body is binary content, streamed (``Request[Content]``)
BINARY: Final = "binary"

#: the answer of an operation that carries nothing (``Request[None]``)
EMPTY: Final = "empty"

#: every operationId of the LINE OpenAPI specification -> its builder
OPERATIONS: dict[str, Builder] = {}

#: builder name (``Request.operation``) -> ``"module:Class"`` of its JSON answer, or BINARY
RESPONSES: dict[str, str] = {}

#: the modules whose builders register themselves here
FAMILIES = tuple(f"linebot_fp.api.{name}" for name in (
    "audience", "bot", "channel_token", "content", "coupon", "insight", "liff", "messaging",
    "module", "rich_menu", "shop", "webhook",
))

#: where an answer model named in a builder's annotation is found
MODELS = "linebot_fp.models"

#: what an annotation says besides a model: ``Request[Content]`` / ``[None]`` / ``[Any]``
_SPECIAL = {"Content": BINARY, "None": EMPTY, "Any": None}

_EMPTY: set[str] = set()  # builder names whose answer is EMPTY
_read: dict[object, str | None] = {}  # return annotation -> what answer_of made of it
_resolved: dict[str, type | str | None] = {}
_loaded = False


def load_all() -> None:
    """Import every builder family, so OPERATIONS and RESPONSES are complete."""
    global _loaded
    if not _loaded:
        for module in FAMILIES:
            importlib.import_module(module)
        _loaded = True


def answer_of(builder: Callable[..., Any]) -> str | None:
    """What ``builder``'s ``-> Request[X]`` annotation answers, as the registry keeps it.

    ``"linebot_fp.models:X"`` for a model (``X`` or a dotted ``module.X``),
    :data:`BINARY` for ``Content``, :data:`EMPTY` for ``None``, and ``None``
    (plain JSON) for ``Any`` or a type that is not a name (``dict[str, Any]``).
    Raises ``TypeError`` when the builder is not annotated ``-> Request[...]``
    in a module that postpones annotations (``from __future__ import annotations``).
    """
    annotation = builder.__annotations__.get("return")  # text: postponed annotations
    if annotation in _read:  # most annotations repeat (Request[None], Request[Profile], ...)
        return _read[annotation]
    if not (isinstance(annotation, str) and annotation.startswith("Request[")
            and annotation.endswith("]")):
        raise TypeError(f"builder {builder.__name__} must be annotated -> Request[<answer>], "
                        f"got {annotation!r}")
    answer = annotation[len("Request["):-1].strip()
    name = answer.rpartition(".")[2]  # "responses.Profile" names Profile too
    if name in _SPECIAL:
        result = _SPECIAL[name]
    elif all(part.isidentifier() for part in answer.split(".")):
        result = f"{MODELS}:{name}"
    else:  # dict[str, Any], list[...]: JSON as it comes
        result = None
    _read[annotation] = result
    return result


def operation(*operation_ids: str) -> Callable[[B], B]:
    """Register a builder under its spec operationIds (none for legacy-only builders).

    Its answer comes from its return annotation, see :func:`answer_of`.
    """

    def register(builder: B) -> B:
        for operation_id in operation_ids:
            OPERATIONS[operation_id] = builder
        answer = answer_of(builder)
        if answer == EMPTY:
            _EMPTY.add(builder.__name__)
        elif answer is not None:
            RESPONSES[builder.__name__] = answer
        return builder

    return register


def answer_type(operation_name: str) -> type | str | None:
    """The model class a JSON answer decodes to, ``BINARY``, ``EMPTY``, or ``None`` (plain JSON).

    Resolved on the first call for each operation, then cached.
    """
    if operation_name not in _resolved:
        if operation_name not in RESPONSES and operation_name not in _EMPTY:
            load_all()  # a request built by a family module not imported in this process
        spec = RESPONSES.get(operation_name)
        if spec is None:
            _resolved[operation_name] = EMPTY if operation_name in _EMPTY else None
        elif spec == BINARY:
            _resolved[operation_name] = spec
        else:
            module, _, name = spec.partition(":")
            _resolved[operation_name] = getattr(importlib.import_module(module), name)
    return _resolved[operation_name]
