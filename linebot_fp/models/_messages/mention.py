"""The mentions in a text message: :class:`Mention` and the :class:`Mentionee` family's base.

https://developers.line.biz/en/reference/messaging-api/#wh-text

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Family, Model, Unknown

__all__ = ["Mention", "Mentionee", "UnknownMentionee"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mentionee(Model):
    """Base of the mention targets: where the mention stands in the text."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "user": "linebot_fp.models._messages.mentionees:UserMentionee",
        "all": "linebot_fp.models._messages.mentionees:AllMentionee",
    }, unknown="linebot_fp.models._messages.mention:UnknownMentionee")
    index: int | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMentionee(Unknown, Mentionee):
    """A mentionee of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Model):
    """The mentions in a text message."""

    mentionees: Sequence[Mentionee]
