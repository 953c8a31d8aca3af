"""The bases every model stands on, the family tables, and the field checks.

Rules for every module under ``linebot_fp.models``:

* A model is a ``@dataclass(frozen=True, slots=True, kw_only=True)`` subclass of
  :class:`Model`, created when its module is imported. It performs no I/O and
  knows nothing of JSON: key names and ``None`` omission live in
  :mod:`linebot_fp.codec`, which models never import.
* Attribute names are the snake_case of the wire keys. Where the key is not the
  plain camelCase of the attribute, the field says so with ``wire("key")``.
* A wire object tagged by ``type`` declares ``type: ClassVar[str] = "tag"``.
  A family of tagged objects shares a base class (``Action``, ``Event``, ...)
  that declares its table, ``family = Family({tag: "module:Class", ...},
  unknown="module:Class")``: the codec, compat, dispatch and the testing kit all
  read it, and a member's module is imported the first time its tag is met.
  The ``Unknown...`` member keeps the original JSON whole in ``raw``.
* Sequences are annotated ``Sequence[X]`` (so a list type-checks where users pass
  one) and stored as tuples: a list passed in is converted once, here.
* Cheap structural checks (a required field given as ``None``, a value outside
  a ``Literal``, the API's documented counts) raise :class:`~linebot_fp.errors.InvalidInputError`,
  a ``ValueError`` naming the field. A model adds its own in ``_check``.
  :func:`field_checks` writes them, once per class, for the model's own
  ``__init__`` and for the codec's readers alike.
* A send model whose fields hold other models where users often put the wrong
  one (a quick reply's buttons, a template's actions) names them in
  ``typed_slots``: each value must be an instance of the field's declared class,
  or the error names the field, what it takes and, for a received model, what
  to send instead (:mod:`linebot_fp.models._counterparts`).

This module performs no I/O.
"""

from __future__ import annotations

import dataclasses
import importlib
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Union

from linebot_fp._codegen import function
from linebot_fp.errors import InvalidInputError
from linebot_fp.models._json import JsonObject, freeze

__all__ = ["Family", "KeepsRaw", "Model", "Unknown", "check_count", "field_checks",
           "strip_optional", "type_hints", "typed_slots", "wire"]

WIRE_KEY = "linebot_fp.wire"


def wire(key: str) -> dict[str, str]:
    """Field metadata naming a wire key that is not the camelCase of the attribute."""
    return {WIRE_KEY: key}


class Family(Mapping[str, str]):
    """The table of one family: wire tag -> ``"module:Class"`` of its member.

    ``unknown`` is the ``"module:Class"`` of the member standing for any other
    tag (``None``: the family has none). :meth:`member` imports a member's
    module the first time it is asked for; the import system's own lock makes
    that safe from many threads, and an import cut short leaves nothing behind.
    """

    __slots__ = ("_rows", "unknown")

    def __init__(self, rows: Mapping[str, str], *, unknown: str | None = None) -> None:
        self._rows = dict(rows)
        self.unknown = unknown

    def __getitem__(self, tag: str) -> str:
        return self._rows[tag]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"Family({self._rows!r}, unknown={self.unknown!r})"

    def member(self, tag: str) -> type | None:
        """The class of the member tagged ``tag`` (its module imported now), or ``None``."""
        where = self._rows.get(tag)
        return None if where is None else load(where)

    def unknown_member(self) -> type | None:
        """The class standing for tags nobody knows (its module imported now), or ``None``."""
        return None if self.unknown is None else load(self.unknown)

    def members(self) -> dict[str, type]:
        """Every member by tag, every module imported: for tools, not for hot paths."""
        return {tag: load(where) for tag, where in self._rows.items()}


def load(where: str) -> type:
    """The class at ``"module:Class"``, its module imported if it was not yet."""
    module, _, name = where.partition(":")
    cls: type = getattr(importlib.import_module(module), name)
    return cls


def family_of(cls: type) -> Family | None:
    """The table ``cls`` declares itself (a family base), else ``None`` (members inherit it)."""
    table = cls.__dict__.get("family")
    return table if isinstance(table, Family) else None


class Model:
    """Base of every model: converts sequences to tuples and runs cheap checks.

    Each class gets a ``__post_init__`` written for it: on its first instance the
    class's fields are read once (:func:`field_checks`) and a function doing just
    that is compiled and put in the class, so later instances pay only for the
    checks they need. The ``__init__`` that ``@dataclass`` wrote is then replaced
    by one taking the same arguments that fills each slot through its descriptor
    (not ``object.__setattr__`` by name, as a frozen dataclass does), about half
    the cost for a large model.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__post_init__ = _first_post_init  # type: ignore[method-assign]

    def __post_init__(self) -> None:
        """Replaced per class (see the class docstring)."""

    def _check(self) -> None:
        """Model-specific checks (counts, lengths); the default has none."""


def _first_post_init(self: Model) -> None:
    cls = type(self)
    post_init = _compile_post_init(cls)
    init = _compile_init(cls)
    # checks first, then the faster __init__: at every moment in between (a thread
    # switch, an interrupt) the class has an __init__ and checks that agree
    cls.__post_init__ = post_init  # type: ignore[method-assign,assignment]
    if init is None:
        post_init(self)
        return
    cls.__init__ = init  # type: ignore[method-assign]
    # the first instance went through the __init__ @dataclass wrote: its values
    # are checked (and sequences made tuples) by going through the faster one
    init(self, **{field.name: getattr(self, field.name)
                  for field in dataclasses.fields(cls)})  # type: ignore[arg-type]


def type_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, resolved once per class (models and codec share it)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


_HINTS: dict[type, dict[str, Any]] = {}


def field_checks(cls: type, scope: dict[str, Any], read: Callable[[str], str],
                 write: Callable[[str, str], str]) -> list[str]:
    """Source lines converting and checking each field of ``cls``: the one place they are
    written, for the model's own ``__init__`` and for the codec's readers.

    Sequences become tuples, ``raw`` a frozen JSON value (:class:`KeepsRaw`), a
    required field must not be ``None``, a ``Literal`` field must hold one of its
    choices; then the model's own ``_check``. ``read(name)`` is the expression of a
    field's value, ``write(name, expression)`` the statement replacing it; the
    names the lines use are put in ``scope``.
    """
    hints = type_hints(cls)
    scope.update(cls=cls, as_tuple=_as_tuple, required=_required, not_one_of=_not_one_of,
                 freeze=freeze, JsonObject=JsonObject, wrong_slot=_wrong_slot)
    keeps_raw = issubclass(cls, KeepsRaw)
    slots = typed_slots(cls)
    lines = []
    for field in dataclasses.fields(cls):
        name = field.name
        value = read(name)
        hint, optional = strip_optional(hints[name])
        if keeps_raw and name == "raw":
            lines += [f"if {value}.__class__ is not JsonObject and {value} is not None:",
                      f"    {write(name, f'freeze({value})')}"]
        elif typing.get_origin(hint) in (tuple, Sequence):
            lines += [f"if {value} is not None and {value}.__class__ is not tuple:",
                      f"    {write(name, f'as_tuple(cls, {name!r}, {value})')}"]
        if not optional and hint is not Any:
            lines += [f"if {value} is None:", f"    required(cls, {name!r})"]
        if typing.get_origin(hint) is Literal:
            scope[f"{name}_choices"] = frozenset(typing.get_args(hint))
            lines += [f"if {value} is not None and {value} not in {name}_choices:",
                      f"    not_one_of(cls, {name!r}, {value}, {name}_choices)"]
        if name in slots:
            lines += _slot_lines(scope, name, value, hint)
    if has_own_check(cls):
        lines.append("self._check()")
    return lines


def typed_slots(cls: type) -> frozenset[str]:
    """The ``typed_slots`` ``cls`` and its bases declare (see the module docstring)."""
    return frozenset(name for klass in cls.__mro__
                     for name in klass.__dict__.get("typed_slots", ()))


def _slot_lines(scope: dict[str, Any], name: str, value: str, hint: Any) -> list[str]:
    """Source lines checking that the field ``name`` holds its declared model class."""
    sequence = typing.get_origin(hint) in (tuple, Sequence)
    expected = typing.get_args(hint)[0] if sequence else hint
    if not (isinstance(expected, type) and issubclass(expected, Model)):
        raise TypeError(f"typed slot {name!r} must be declared a model or a sequence of them, "
                        f"got {hint!r}")
    scope[f"{name}_class"] = expected
    if not sequence:
        return [f"if {value} is not None and not isinstance({value}, {name}_class):",
                f"    wrong_slot(cls, {name!r}, {value}, {name}_class)"]
    return [f"if {value} is not None:",
            f"    for item in {value}:",
            f"        if not isinstance(item, {name}_class):",
            f"            wrong_slot(cls, {name!r}, {value}, {name}_class, True)"]


def _wrong_slot(cls: type, name: str, value: Any, expected: type, items: bool = False) -> None:
    from linebot_fp.models._counterparts import wrong_slot  # imports nothing of ours

    if items:  # a sequence slot: name its first wrong item
        index, value = next((index, item) for index, item in enumerate(value)
                            if not isinstance(item, expected))
        name = f"{name}[{index}]"
    raise InvalidInputError(wrong_slot(cls, name, value, expected))


def has_own_check(cls: type) -> bool:
    """Whether ``cls`` (or a base below :class:`Model`) defines its own ``_check``."""
    return getattr(cls, "_check", Model._check) is not Model._check


def _compile_init(cls: type[Model]) -> Callable[..., None] | None:
    """The ``__init__`` ``@dataclass(frozen=True, slots=True, kw_only=True)`` writes, faster.

    Same arguments; the checks of ``__post_init__`` run on the arguments, then each
    slot is filled through its descriptor. ``None`` (keep the generated one) for any
    class that is not exactly such a dataclass: its own ``__init__``, ``init=False``
    fields, default factories.
    """
    params = getattr(cls, "__dataclass_params__", None)
    init = cls.__dict__.get("__init__")
    if (params is None or not params.frozen or "__slots__" not in cls.__dict__
            or init is None or init.__code__.co_filename != "<string>"):
        return None
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if any(not field.init or not field.kw_only or field.default_factory is not dataclasses.MISSING
           for field in fields):
        return None
    scope: dict[str, Any] = {"written": init}
    checks = field_checks(cls, scope, lambda name: name, lambda name, value: f"{name} = {value}")
    own_check = checks[-1:] if checks[-1:] == ["self._check()"] else []
    # a subclass that inherits this __init__ (not a dataclass itself) gets the one
    # @dataclass wrote, which calls the subclass's own __post_init__ and checks
    forward = ", ".join(f"{field.name}={field.name}" for field in fields)
    arguments, lines = [], ["if self.__class__ is not cls:",
                            f"    return written(self, {forward})",
                            *checks[:len(checks) - len(own_check)]]
    for field in fields:
        name = field.name
        if field.default is dataclasses.MISSING:
            arguments.append(name)
        else:
            scope[f"default_{name}"] = field.default
            arguments.append(f"{name}=default_{name}")
        scope[f"set_{name}"] = getattr(cls, name).__set__
        lines.append(f"set_{name}(self, {name})")
    signature = ", ".join(["self", "*", *arguments] if arguments else ["self"])
    source = (f"def __init__({signature}):\n"
              + "".join(f"    {line}\n" for line in [*lines, *own_check] or ["pass"]))
    fast: Callable[..., None] = function(source, "__init__", scope, f"init {_label(cls)}")
    fast.__qualname__ = f"{cls.__qualname__}.__init__"
    fast.__doc__, fast.__annotations__ = init.__doc__, init.__annotations__
    fast.__module__ = cls.__module__
    return fast


def _compile_post_init(cls: type[Model]) -> Callable[[Model], None]:
    scope: dict[str, Any] = {"setattr": object.__setattr__}
    lines = field_checks(cls, scope, lambda name: f"self.{name}",
                         lambda name, value: f"setattr(self, {name!r}, {value})")
    source = "def __post_init__(self):\n" + "".join(f"    {line}\n" for line in lines or ["pass"])
    post_init: Callable[[Model], None] = function(source, "__post_init__", scope,
                                                  f"post_init {_label(cls)}")
    post_init.__qualname__ = f"{cls.__qualname__}.__post_init__"
    post_init.__module__ = cls.__module__
    return post_init


def _label(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _required(cls: type, name: str) -> None:
    raise InvalidInputError(f"{cls.__name__}.{name} is required, got None")


def _not_one_of(cls: type, name: str, value: object, allowed: frozenset[object]) -> None:
    expected = ", ".join(sorted(map(repr, allowed)))
    raise InvalidInputError(f"{cls.__name__}.{name} must be one of {expected}, got {value!r}")


class KeepsRaw:
    """Mixin for a model whose JSON is kept whole in its ``raw`` field.

    ``raw`` is stored frozen (:class:`~linebot_fp.models.JsonObject`: a ``dict``
    that refuses changes and hashes by content), so the model stays hashable; the
    codec writes it back exactly as it came, so no key is lost, known or not.
    When decoding, the codec also reads the model's other fields from ``raw``;
    made by hand, they are what you give.
    """

    __slots__ = ()
    if TYPE_CHECKING:
        raw: Mapping[str, Any]


class Unknown(KeepsRaw):
    """Mixin for the member of a tagged family that stands for any tag nobody knows.

    Its ``raw`` field is the JSON object exactly as received (see :class:`KeepsRaw`);
    the fields it shares with the family (an event's ``timestamp`` and
    ``source``, ...) are read from it when it is decoded.
    """

    __slots__ = ()

    if TYPE_CHECKING:  # to type checkers, as to readers: the tag, like any member's
        type: ClassVar[str]
    else:

        @property
        def type(self) -> str:
            """The tag LINE sent, from ``raw``."""
            tag = self.raw.get("type") if isinstance(self.raw, Mapping) else None
            return tag if isinstance(tag, str) else ""


def check_count(owner: object, name: str, items: Sequence[object] | None,
                low: int = 0, high: int | None = None) -> None:
    """Raise ``InvalidInputError`` unless ``low <= len(items) <= high``."""
    if items is None:
        return
    count = len(items)
    if count < low or (high is not None and count > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InvalidInputError(
            f"{type(owner).__name__}.{name} takes {bound} items, got {count}"
        )


def _as_tuple(cls: type, name: str, value: object) -> tuple[object, ...]:
    if value.__class__ is list:
        return tuple(value)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError(
            f"{cls.__name__}.{name} takes a sequence, got {type(value).__name__}"
        )
    return tuple(value)


def strip_optional(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``; anything else -> ``(hint, False)``."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = typing.get_args(hint)
        if type(None) in args:
            rest = tuple(arg for arg in args if arg is not type(None))
            remainder: Any = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            return remainder, True
    return hint, False
