"""Send requests with asyncio, through the HTTP client of your choice.

    export LINE_CHANNEL_ACCESS_TOKEN=... LINE_USER_IDS=Uxxxx,Uyyyy
    python examples/async_send.py

``AsyncClient`` takes any coroutine function ``transport(http_request) -> Response``.
The one below uses only the standard library (``urllib`` in worker threads), so
this example needs nothing new; ``httpx_transport`` at the bottom shows where
httpx (or aiohttp) plugs in instead. ``LINE_API_ENDPOINT`` (optional) sends the
requests elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import asyncio
import os
import urllib.error
import urllib.request

from linebot_fp import (
    AsyncClient,
    Headers,
    HttpRequest,
    Response,
    TransportError,
    TransportTimeoutError,
)
from linebot_fp.api import get_profile, push_message
from linebot_fp.models import TextSendMessage


def _urllib_send(request: HttpRequest) -> Response:
    """One blocking exchange with urllib; HTTP error statuses are answers, not exceptions."""
    timeout = max(request.timeout) if isinstance(request.timeout, tuple) else request.timeout
    call = urllib.request.Request(request.url, data=request.body, method=request.method,
                                  headers=dict(request.headers))
    try:
        with urllib.request.urlopen(call, timeout=timeout) as answer:
            return Response(status=answer.status, headers=Headers(answer.headers.items()),
                            body=answer.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(status=error.code, headers=Headers(error.headers.items()),
                            body=error.read())
    except OSError as error:  # refused, reset, DNS, timeouts (urllib.error.URLError too)
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise TransportTimeoutError(f"no answer from {request.url} in time") from error
        raise TransportError(f"no answer from {request.url}: {reason}") from error


async def urllib_transport(request: HttpRequest) -> Response:
    """The transport: the blocking exchange above, in a worker thread."""
    return await asyncio.to_thread(_urllib_send, request)


async def main() -> None:
    endpoint = os.environ.get("LINE_API_ENDPOINT")
    client = AsyncClient(os.environ["LINE_CHANNEL_ACCESS_TOKEN"], transport=urllib_transport,
                         endpoints={"api": endpoint, "data": endpoint} if endpoint else None)
    user_ids = os.environ["LINE_USER_IDS"].split(",")

    # Requests are plain values: build them all first, then send them concurrently.
    profiles = await asyncio.gather(*(client.send(get_profile(u)) for u in user_ids))
    pushes = [push_message(p.user_id, TextSendMessage(text=f"Hi {p.display_name}, it's async!"))
              for p in profiles]
    answers = await asyncio.gather(*(client.send(push) for push in pushes),
                                   return_exceptions=True)
    for profile, answer in zip(profiles, answers, strict=True):
        print(f"{profile.display_name}: {answer if isinstance(answer, Exception) else 'sent'}")


# With httpx (pip install httpx), one shared AsyncClient is the whole transport:
#
#     http = httpx.AsyncClient()
#
#     async def httpx_transport(request: HttpRequest) -> Response:
#         connect, read = (request.timeout if isinstance(request.timeout, tuple)
#                          else (request.timeout, request.timeout))
#         try:
#             answer = await http.request(request.method, request.url, content=request.body,
#                                         headers=dict(request.headers),
#                                         timeout=httpx.Timeout(read, connect=connect))
#         except httpx.TimeoutException as error:
#             raise TransportTimeoutError(str(error)) from error
#         except httpx.TransportError as error:
#             raise TransportError(str(error)) from error
#         return Response(status=answer.status_code, headers=Headers(answer.headers.items()),
#                         body=answer.content)
#
# and ``AsyncClient(token, transport=httpx_transport)``. aiohttp is the same shape:
# ``async with session.request(...) as answer: body = await answer.read()``.

if __name__ == "__main__":
    asyncio.run(main())
