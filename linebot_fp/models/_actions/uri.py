"""Open a URI: :class:`URIAction`.

https://developers.line.biz/en/reference/messaging-api/#uri-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action
from linebot_fp.models._base import Model

__all__ = ["AltUri", "URIAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AltUri(Model):
    """The URI opened instead on LINE for macOS and Windows."""

    desktop: str


@dataclass(frozen=True, slots=True, kw_only=True)
class URIAction(Action):
    """Open ``uri`` (``alt_uri.desktop`` on desktop LINE)."""

    type: ClassVar[str] = "uri"
    uri: str
    alt_uri: AltUri | None = None
