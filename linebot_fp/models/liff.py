"""LIFF apps: what to send to add or update one, and what the LIFF server API answers.

https://developers.line.biz/en/reference/liff-server/
Send side: closed enums are ``Literal`` and checked on construction. Received
side (:class:`LiffApp` and what it holds): plain strings, every field optional.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Model

__all__ = [
    "AddLiffAppRequest",
    "AddLiffAppResponse",
    "GetAllLiffAppsResponse",
    "LiffApp",
    "LiffAppView",
    "LiffBotPrompt",
    "LiffFeatures",
    "LiffScope",
    "LiffView",
    "LiffViewType",
    "UpdateLiffAppRequest",
    "UpdateLiffView",
]

#: whether the consent screen offers to add the LINE Official Account as a friend
LiffBotPrompt = Literal["normal", "aggressive", "none"]
#: a scope the LIFF app asks for
LiffScope = Literal["openid", "email", "profile", "chat_message.write"]
#: the size of the LIFF app view
LiffViewType = Literal["compact", "tall", "full"]

_SCOPES: frozenset[str] = frozenset(get_args(LiffScope))


def _check_scopes(owner: object, scope: Sequence[str] | None) -> None:
    for index, value in enumerate(scope or ()):
        if value not in _SCOPES:
            expected = ", ".join(sorted(map(repr, _SCOPES)))
            raise InvalidInputError(
                f"{type(owner).__name__}.scope[{index}] must be one of {expected}, got {value!r}"
            )


# https://developers.line.biz/en/reference/liff-server/#add-liff-app


@dataclass(frozen=True, slots=True, kw_only=True)
class LiffView(Model):
    """The view of a LIFF app to add: its size and endpoint URL (``https``)."""

    type: LiffViewType
    url: str
    module_mode: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LiffFeatures(Model):
    """Optional LIFF features: Bluetooth LE for LINE Things, the 2D code reader."""

    ble: bool | None = None
    qr_code: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddLiffAppRequest(Model):
    """A LIFF app to add to the channel."""

    view: LiffView
    description: str | None = None
    features: LiffFeatures | None = None
    permanent_link_pattern: str | None = None
    scope: Sequence[LiffScope] | None = None
    bot_prompt: LiffBotPrompt | None = None

    def _check(self) -> None:
        _check_scopes(self, self.scope)


# https://developers.line.biz/en/reference/liff-server/#update-liff-app


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateLiffView(Model):
    """The view settings to change; what is left ``None`` stays as it is."""

    type: LiffViewType | None = None
    url: str | None = None
    module_mode: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateLiffAppRequest(Model):
    """The settings of a LIFF app to change; what is left ``None`` stays as it is."""

    view: UpdateLiffView | None = None
    description: str | None = None
    features: LiffFeatures | None = None
    permanent_link_pattern: str | None = None
    scope: Sequence[LiffScope] | None = None
    bot_prompt: LiffBotPrompt | None = None

    def _check(self) -> None:
        _check_scopes(self, self.scope)


# https://developers.line.biz/en/reference/liff-server/#add-liff-app-response


@dataclass(frozen=True, slots=True, kw_only=True)
class AddLiffAppResponse(Model):
    """The ID of the LIFF app just added."""

    liff_id: str | None = None


# https://developers.line.biz/en/reference/liff-server/#get-all-liff-apps-response


@dataclass(frozen=True, slots=True, kw_only=True)
class LiffAppView(Model):
    """The view of a LIFF app as the API reports it (``type`` is a plain string)."""

    type: str | None = None
    url: str | None = None
    module_mode: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LiffApp(Model):
    """One LIFF app of the channel."""

    liff_id: str | None = None
    view: LiffAppView | None = None
    description: str | None = None
    features: LiffFeatures | None = None
    permanent_link_pattern: str | None = None
    scope: Sequence[str] | None = None
    bot_prompt: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetAllLiffAppsResponse(Model):
    """All the LIFF apps of the channel."""

    apps: Sequence[LiffApp] | None = None
