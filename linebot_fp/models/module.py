"""LINE modules: attaching and detaching module channels, chat control, attached bots.

https://developers.line.biz/en/reference/partner-docs/#module
Request objects are checked on construction; answers are read leniently.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Model

__all__ = [
    "AcquireChatControlRequest",
    "AttachModuleResponse",
    "DetachModuleRequest",
    "GetModulesResponse",
    "ModuleBot",
]

#: the longest chat control a module channel may ask for: one year, in seconds
MAX_CHAT_CONTROL_TTL = 3600 * 24 * 365


# https://developers.line.biz/en/reference/partner-docs/#link-attach-by-operation-module-channel-provider


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachModuleResponse(Model):
    """The bot the module channel was attached to, and the scopes its admin granted."""

    wire_style: ClassVar[str] = "snake"
    bot_id: str | None = None
    scopes: Sequence[str] | None = None


# https://developers.line.biz/en/reference/partner-docs/#unlink-detach-module-channel-by-operation-mc-admin


@dataclass(frozen=True, slots=True, kw_only=True)
class DetachModuleRequest(Model):
    """Body of "detach the module channel": the bot to detach from."""

    bot_id: str | None = None


# https://developers.line.biz/en/reference/partner-docs/#acquire-control-api


@dataclass(frozen=True, slots=True, kw_only=True)
class AcquireChatControlRequest(Model):
    """Body of "acquire chat control": whether it expires, and after how many seconds."""

    expired: bool | None = None
    ttl: int | None = None

    def _check(self) -> None:
        if self.ttl is not None and not 0 <= self.ttl <= MAX_CHAT_CONTROL_TTL:
            raise InvalidInputError(f"{type(self).__name__}.ttl must be 0 to "
                                    f"{MAX_CHAT_CONTROL_TTL} seconds, got {self.ttl}")


# https://developers.line.biz/en/reference/partner-docs/#get-multiple-bot-info-api


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleBot(Model):
    """Basic information about a bot that has the module channel attached."""

    user_id: str | None = None
    basic_id: str | None = None
    premium_id: str | None = None
    display_name: str | None = None
    picture_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetModulesResponse(Model):
    """One page of bots with the module attached; ``next`` continues the list."""

    bots: Sequence[ModuleBot] | None = None
    next: str | None = None
