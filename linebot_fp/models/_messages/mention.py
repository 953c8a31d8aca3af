"""The mentions in a text message: :class:`Mention` and the :class:`Mentionee` family's base.

https://developers.line.biz/en/reference/messaging-api/#wh-text

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Family, Model

__all__ = ["Mention", "Mentionee"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mentionee(Model):
    """Base of the mention targets: where the mention stands in the text."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "user": "linebot_fp.models._messages.mentionees:UserMentionee",
        "all": "linebot_fp.models._messages.mentionees:AllMentionee",
    }, unknown="linebot_fp.models._messages.mentionees:UnknownMentionee")
    index: int | None = None
    length: int | None = None



@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Model):
    """The mentions in a text message."""

    mentionees: Sequence[Mentionee]
