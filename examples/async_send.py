"""Send requests with asyncio over httpx: look up profiles, then push to each, concurrently.

    pip install 'linebot_fp[httpx]'
    export LINE_CHANNEL_ACCESS_TOKEN=... LINE_USER_IDS=Uxxxx,Uyyyy
    python examples/async_send.py

``HttpxTransport`` keeps one pooled ``httpx.AsyncClient`` for every request and
closes it on leaving the ``async with``; ``AiohttpTransport``
(``pip install 'linebot_fp[aiohttp]'``) is used the same way. Neither follows
redirects. ``LINE_API_ENDPOINT`` (optional) sends the requests elsewhere, e.g.
to a FakeLineApi.
"""

from __future__ import annotations

import asyncio
import os

from linebot_fp import AsyncClient
from linebot_fp.api import get_profile, push_message
from linebot_fp.models import TextSendMessage
from linebot_fp.transports import HttpxTransport


async def main() -> None:
    endpoint = os.environ.get("LINE_API_ENDPOINT")
    user_ids = os.environ["LINE_USER_IDS"].split(",")
    async with HttpxTransport() as transport:
        client = AsyncClient(os.environ["LINE_CHANNEL_ACCESS_TOKEN"], transport=transport,
                             endpoints={"api": endpoint, "data": endpoint} if endpoint else None)

        # Requests are plain values: build them all first, then send them concurrently.
        profiles = await asyncio.gather(*(client.send(get_profile(u)) for u in user_ids))
        pushes = [push_message(p.user_id, TextSendMessage(text=f"Hi {p.display_name}, it's async!"))
                  for p in profiles]
        answers = await asyncio.gather(*(client.send(push) for push in pushes),
                                       return_exceptions=True)
    for profile, answer in zip(profiles, answers, strict=True):
        print(f"{profile.display_name}: {answer if isinstance(answer, Exception) else 'sent'}")


if __name__ == "__main__":
    asyncio.run(main())
