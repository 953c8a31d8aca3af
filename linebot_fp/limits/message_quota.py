"""The month's message quota: how many messages the channel may send, and has sent.

https://developers.line.biz/en/reference/messaging-api/#get-quota and
https://developers.line.biz/en/reference/messaging-api/#get-consumption: LINE
counts a message once per recipient (a multicast to 500 users counts 500) and
answers 429 "You have reached your monthly limit." once the quota is spent.
:func:`quota` and :func:`aquota` read both numbers with the builders
``get_message_quota`` and ``get_message_quota_consumption``; :class:`Quota` holds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from linebot_fp.errors import InvalidPayloadError

if TYPE_CHECKING:
    from linebot_fp.async_client import AsyncClient
    from linebot_fp.client import Client
    from linebot_fp.models import MessageQuotaConsumptionResponse, MessageQuotaResponse

__all__ = ["Quota", "aquota", "quota"]


@dataclass(frozen=True, slots=True)
class Quota:
    """This month's message quota: ``limit`` (``None``: no limit) and ``used`` so far."""

    limit: int | None
    used: int

    @property
    def remaining(self) -> int | None:
        """Messages still allowed this month (never below 0); ``None`` without a limit."""
        return None if self.limit is None else max(self.limit - self.used, 0)

    def allows(self, recipients: int) -> bool:
        """Whether a send counted as ``recipients`` messages fits in what remains."""
        return self.remaining is None or recipients <= self.remaining

    @classmethod
    def of(cls, target: MessageQuotaResponse, consumption: MessageQuotaConsumptionResponse
           ) -> Quota:
        """The quota from LINE's two answers; ``InvalidPayloadError`` for a limit without value."""
        if target.type == "none":
            return cls(None, consumption.total_usage)
        if target.value is None:
            raise InvalidPayloadError(f"the message quota is {target.type!r} but has no value")
        return cls(target.value, consumption.total_usage)


def quota(client: Client) -> Quota:
    """This month's :class:`Quota` of ``client``'s channel (two GET requests).

    Raises what ``client.send`` raises.
    """
    from linebot_fp.api.messaging import get_message_quota, get_message_quota_consumption

    return Quota.of(client.send(get_message_quota()),
                    client.send(get_message_quota_consumption()))


async def aquota(client: AsyncClient) -> Quota:
    """:func:`quota` for an ``AsyncClient``."""
    from linebot_fp.api.messaging import get_message_quota, get_message_quota_consumption

    return Quota.of(await client.send(get_message_quota()),
                    await client.send(get_message_quota_consumption()))
