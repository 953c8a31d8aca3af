"""Content users sent: images, videos, audio and files, their previews and readiness.

https://developers.line.biz/en/reference/messaging-api/#get-content

These endpoints live on the data host (``base="data"``). Each builder returns
a :class:`~linebot_fp.request.Request`; nothing is sent here.
This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp.api._build import get, path, require_id
from linebot_fp.api._registry import operation
from linebot_fp.request import Request

if TYPE_CHECKING:
    from linebot_fp.content import Content
    from linebot_fp.models.responses import GetMessageContentTranscodingResponse


__all__ = [
    "get_message_content",
    "get_message_content_preview",
    "get_message_content_transcoding_by_message_id",
]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections


def _content(operation_name: str, message_id: str, suffix: str = "") -> Request[Any]:
    return get(operation_name,
               path("/v2/bot/message/{messageId}/content" + suffix,
                    messageId=require_id("message_id", message_id)),
               base="data")


@operation("getMessageContent")
def get_message_content(message_id: str) -> Request[Content]:
    """Download the image, video, audio or file a user sent (kept for a limited time).

    Args:
        message_id: the ``id`` of the received message (``event.message.id``).

    Returns:
        ``Request[Content]``: the bytes as a stream: ``content_type``, then
        ``iter_content()`` or ``content``. A video or audio not yet ready makes the send
        raise ``LineBotApiError`` (see
        :func:`get_message_content_transcoding_by_message_id`).

    Raises:
        InvalidInputError: ``message_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return _content("get_message_content", message_id)


# https://developers.line.biz/en/reference/messaging-api/#get-image-or-video-preview
@operation("getMessageContentPreview")
def get_message_content_preview(message_id: str) -> Request[Content]:
    """Download the preview image of an image or video a user sent.

    Args:
        message_id: the ``id`` of the received image or video message.

    Returns:
        ``Request[Content]``: the preview image as a stream (``content_type``,
        ``iter_content()``, ``content``).

    Raises:
        InvalidInputError: ``message_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return _content("get_message_content_preview", message_id, "/preview")


# https://developers.line.biz/en/reference/messaging-api/#verify-video-or-audio-preparation-status
@operation("getMessageContentTranscodingByMessageId")
def get_message_content_transcoding_by_message_id(
    message_id: str,
) -> Request[GetMessageContentTranscodingResponse]:
    """Check whether a video or audio a user sent is ready to download.

    Args:
        message_id: the ``id`` of the received video or audio message.

    Returns:
        ``Request[GetMessageContentTranscodingResponse]``: its ``status``: ``"processing"``,
        ``"succeeded"`` or ``"failed"``.

    Raises:
        InvalidInputError: ``message_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return _content("get_message_content_transcoding_by_message_id", message_id, "/transcoding")
