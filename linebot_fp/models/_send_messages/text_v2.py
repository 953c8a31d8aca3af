"""A text message v2, whose placeholders become mentions or emoji: :class:`TextV2SendMessage`.

https://developers.line.biz/en/reference/messaging-api/#text-message-v2

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Family, Model, Unknown
from linebot_fp.models._send_messages.base import SendMessage

__all__ = [
    "AllMentionTarget", "EmojiSubstitutionObject", "MentionSubstitutionObject",
    "MentionTarget", "SubstitutionObject", "TextV2SendMessage", "UnknownMentionTarget",
    "UnknownSubstitutionObject", "UserMentionTarget",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionTarget(Model):
    """Base of whom a mention in a text message v2 points at (family base)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "user": "linebot_fp.models._send_messages.text_v2:UserMentionTarget",
        "all": "linebot_fp.models._send_messages.text_v2:AllMentionTarget",
    }, unknown="linebot_fp.models._send_messages.text_v2:UnknownMentionTarget")


@dataclass(frozen=True, slots=True, kw_only=True)
class UserMentionTarget(MentionTarget):
    """Mention one user."""

    type: ClassVar[str] = "user"
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AllMentionTarget(MentionTarget):
    """Mention everyone in the group or room."""

    type: ClassVar[str] = "all"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMentionTarget(Unknown, MentionTarget):
    """A mention target of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class SubstitutionObject(Model):
    """Base of what replaces a ``{key}`` in a text message v2 (family base)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "mention": "linebot_fp.models._send_messages.text_v2:MentionSubstitutionObject",
        "emoji": "linebot_fp.models._send_messages.text_v2:EmojiSubstitutionObject",
    }, unknown="linebot_fp.models._send_messages.text_v2:UnknownSubstitutionObject")


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionSubstitutionObject(SubstitutionObject):
    """Replace ``{key}`` by a mention."""

    type: ClassVar[str] = "mention"
    mentionee: MentionTarget


@dataclass(frozen=True, slots=True, kw_only=True)
class EmojiSubstitutionObject(SubstitutionObject):
    """Replace ``{key}`` by a LINE emoji."""

    type: ClassVar[str] = "emoji"
    product_id: str
    emoji_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSubstitutionObject(Unknown, SubstitutionObject):
    """A substitution of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextV2SendMessage(SendMessage):
    """A text message whose ``{key}`` placeholders are replaced by mentions or emoji.

    ``substitution`` is stored as a read-only mapping, so the message stays
    immutable and hashable; its keys are written as given.
    """

    type: ClassVar[str] = "textV2"
    text: str
    substitution: Mapping[str, SubstitutionObject] | None = None
    quote_token: str | None = None

    def _check(self) -> None:
        # not only a check: the mapping given is copied into a read-only view of our own
        value = self.substitution
        if value is None:
            return
        if not isinstance(value, Mapping):
            raise InvalidInputError(
                f"TextV2SendMessage.substitution takes a mapping, got {type(value).__name__}"
            )
        object.__setattr__(self, "substitution", MappingProxyType(dict(value)))

    def __hash__(self) -> int:
        substitution = None if self.substitution is None else frozenset(self.substitution.items())
        return hash((self.text, substitution, self.quote_token, self.quick_reply, self.sender))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and deep-copy through a plain dict (a read-only view cannot be pickled)."""
        substitution = None if self.substitution is None else dict(self.substitution)
        return (_rebuild, (type(self), {
            "text": self.text, "substitution": substitution, "quote_token": self.quote_token,
            "quick_reply": self.quick_reply, "sender": self.sender,
        }))


def _rebuild(cls: type[TextV2SendMessage], fields: dict[str, Any]) -> TextV2SendMessage:
    return cls(**fields)
