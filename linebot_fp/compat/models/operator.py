"""The legacy ``linebot.models.operator``: ``And``, ``Or`` and ``Not`` of recipients or filters.

``And(a, b)`` is the JSON ``{"type": "operator", "and": [a, b]}``; used as a
narrowcast ``recipient`` it is read as an operator recipient, inside a
``Filter`` as an operator demographic filter.

This module performs no I/O.
"""

from __future__ import annotations

from typing import Any

from linebot_fp.compat.models.base import Base

__all__ = ["And", "Not", "Operator", "Or"]


class Operator(Base):
    """A logical combination of recipient objects or of demographic filter objects."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.type = "operator"


class And(Operator):
    """All of the operands (recipients or demographic filters)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        setattr(self, "and", list(args))


class Or(Operator):
    """Any of the operands (recipients or demographic filters)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        setattr(self, "or", list(args))


class Not(Operator):
    """Everything but the operand (a recipient or a demographic filter)."""

    def __init__(self, arg: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        setattr(self, "not", arg)
