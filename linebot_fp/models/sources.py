"""Where a webhook event comes from: a user, a group chat or a multi-person chat (room).

https://developers.line.biz/en/reference/messaging-api/#source-user

Received side: every field a source may lack defaults to ``None``, and a source
``type`` this SDK does not know decodes to :class:`UnknownSource`.

Each kind lives in a small module of its own under ``linebot_fp.models._sources``;
importing this module imports them all.
This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.models._sources.base import Source
from linebot_fp.models._sources.group import SourceGroup
from linebot_fp.models._sources.room import SourceRoom
from linebot_fp.models._sources.unknown import UnknownSource
from linebot_fp.models._sources.user import SourceUser

__all__ = ["Source", "SourceGroup", "SourceRoom", "SourceUser", "UnknownSource"]
